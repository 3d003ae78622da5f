"""Concrete investment projects: a named plant, base, headquarters, fund, centre … with its investor,
district, total investment and status, and the clauses that say so. Aggregates (新签约75个亿元以上项目)
are metrics, not projects. Word lists live in extractors/data/ (project_*.txt/tsv).
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from extractors.companies import NAME_CHARS, brand_of, left_edge, rare_word
from extractors.gazetteer import gazetteer
from extractors.segment import DATA, read_word_list, tagged, word_frequency
from extractors.text import Segment, paragraphs, sentences
from schemas import Amount, Company, District, Metric, Project

_INVESTMENT_BEFORE = re.compile(r"(?:总投资|计划投资|累计投资|投资总额|投资)(?:约|近|超|逾|达)?$")
_ENUMERATION = re.compile(
    r"((?:[^、，,。；;：:\s“”\"等\d]{2,30}、)*[^、，,。；;：:\s“”\"等\d]{2,30})等"
    r"(?:[\d一二三四五六七八九十百]+[余多]?个|一批)?[\u4e00-\u9fff]{0,10}?(?:项目|工程)"
)
ADMIN_KINDS = ("district", "county_city", "county", "new_area")
# extractors.text.clauses drops clauses that contain 、 ; a project's clause keeps its enumeration whole
_CLAUSE = re.compile(r"[^，,：:。！？!?；;\n]+[，,：:。！？!?；;]*")
_COUNTED = re.compile(r"[\d一二两三四五六七八九十百千几]+[余多]?[个家名批座]|以上|亿元|过亿")
_LANDED_BEFORE = re.compile(r"(落户|入驻|落地|注册|签约)[^，,。；;]{0,10}的$")
_QUOTED = re.compile(r"“[^“”]{1,16}”|《[^《》]{1,60}》")  # slogans and titles of documents


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str | None
    start: int
    end: int
    listed: bool = False  # one item of an enumeration (海源…等41个项目)
    company: str | None = None  # a company landing without a project name


@cache
def _nouns() -> tuple[tuple[str, ...], frozenset[str]]:
    strong, weak = [], set()
    for line in read_word_list("project_nouns.txt"):
        noun, *flag = line.split()
        (weak.add(noun) if flag else None)
        strong.append(noun)
    return tuple(sorted(strong, key=len, reverse=True)), frozenset(weak)


@cache
def _statuses() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    with open(DATA / "project_status.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    table = {row["word"]: (row["status"], int(row["stage"])) for row in rows}
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


@cache
def _name_re() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, _nouns()[0]))
    return re.compile(rf"{NAME_CHARS}{{2,30}}?(?:{nouns})(?:[（(][^（）()]{{1,8}}[）)])?")


LISTED_RARE_FREQ = 300  # an enumerated item needs one word rarer than this (董家口)
_BRAND_FLAGS = {"nr", "nrt", "nz", "j", "eng"}
_CLASS_FLAGS = {"t", "m", "mq", "r"}


def _industry() -> frozenset[str]:
    return frozenset(read_word_list("industry_terms.txt"))


def _proper(word: str, flag: str) -> bool:
    """A brand or proper name as jieba tags it, or a word its dictionary does not know (鹏辉, 电阀)."""
    if word in _industry() or gazetteer().places_named(word):
        return False
    if flag in _BRAND_FLAGS or (flag == "ns" and len(word) >= 2):
        return True
    return flag == "n" and len(word) >= 2 and word_frequency(word) == 0


def _unknown(word: str) -> bool:
    return len(word) >= 2 and word not in _industry() and word_frequency(word) == 0


def _is_specific(name: str, *, listed: bool = False) -> bool:
    """A name that picks out one project: it carries a brand or proper name (鹏辉, 中佳, Open-Cell), or
    starts at a place and says more (青岛国际邮轮港区启动区项目), and holds no class word (重点, 优质).
    An item of an enumeration (董家口炼化一体化、…等重点工程) needs only a word that is not everyday."""
    core = name
    for noun in _nouns()[0]:
        if core.endswith(noun):
            core = core[: -len(noun)]
            break
    if (
        not core
        or _COUNTED.search(core)
        or any(w in core for w in read_word_list("project_aggregate_words.txt"))
    ):
        return False
    pairs = [(w, flag) for w, flag in tagged(core) if w.strip()]
    if any(flag in _CLASS_FLAGS for _w, flag in pairs):
        return False
    if any(_proper(w, flag) for w, flag in pairs):
        return True
    if any(_unknown(a) and _unknown(b) for (a, _f), (b, _g) in zip(pairs, pairs[1:], strict=False)):
        return True  # two words jieba does not know in a row: a name it cuts up (汇诺|畅远)
    if listed and any(word_frequency(w) < LISTED_RARE_FREQ and w not in _industry() for w, _flag in pairs):
        return True
    places = [w for w, _flag in pairs if gazetteer().places_named(w)]
    return bool(places) and len(pairs) >= 3


def _trim_start(text: str, start: int, end: int) -> int:
    """Drop leading everyday words (加快推进, 打造) up to the first place, proper or rare word of the name."""
    position = start
    for word, flag in tagged(text[start:end]):
        if (
            gazetteer().places_named(word)
            or rare_word(word)
            or _proper(word, flag)
            or flag in ("tg", "ng", "nrfg")
            or not re.match(r"[\u4e00-\u9fff]", word)
        ):
            return position
        position += len(word)
    return end


def _named_candidates(text: str) -> list[_Candidate]:
    out = []
    weak = _nouns()[1]
    for match in _name_re().finditer(text):
        noun_end = match.end()
        start = _trim_start(text, left_edge(text, noun_end), noun_end)
        if start >= noun_end:
            continue
        name = text[start:noun_end]
        if not _is_specific(name):
            continue
        if any(name.endswith(n) for n in weak) and not brand_of(name):
            continue
        out.append(_Candidate(name, start, noun_end))
    return out


def _listed_candidates(text: str) -> list[_Candidate]:
    out = []
    for match in _ENUMERATION.finditer(text):
        position = match.start(1)
        for item in match.group(1).split("、"):
            start, end = position, position + len(item)
            position = end + 1
            start = _trim_start(text, left_edge(text, end, limit=end - start), end)
            name = text[start:end]
            weak_noun = any(name.endswith(n) for n in _nouns()[1])
            if weak_noun and not brand_of(name):
                continue
            if len(name) >= 2 and _is_specific(name, listed=True) and not gazetteer().places_named(name):
                out.append(_Candidate(name, start, end, listed=True))
    return out


def _status(
    text: str, windows: list[tuple[int, int]], skip: tuple[int, int]
) -> tuple[str | None, int | None]:
    """The furthest stage said in the first window that says any (after the name, then before it)."""
    pattern, table = _statuses()
    for first, last in windows:
        best: tuple[int, str, int] | None = None
        for match in pattern.finditer(text, first, last):
            if skip[0] <= match.start() < skip[1]:
                continue
            status, stage = table[match.group(0)]
            if best is None or stage > best[0]:
                best = (stage, status, match.start())
        if best:
            return best[1], best[2]
    return None, None


def _amount(amounts: list[Amount], clause: Segment, text: str, name: tuple[int, int], others: list[int]):
    """The project's total investment: 总投资X in its clause, with no other project named in between."""
    for amount in amounts:
        if amount.start is None or amount.end is None or amount.currency != "CNY":
            continue
        if not (clause.start <= amount.start < clause.end):
            continue
        low, high = sorted((amount.end, name[0])) if amount.start < name[0] else (name[1], amount.start)
        if any(low <= other < high for other in others):
            continue
        if _INVESTMENT_BEFORE.search(text[max(0, amount.start - 6) : amount.start]):
            return amount
    return None


def _district_at(
    districts: list[District], position: int, paragraphs_above: list[Segment], sentence: Segment
):
    """The district the project lands in: one named in its sentence, else the latest named before it in
    its paragraph, else in the paragraph above (a paragraph lead: 城阳区… then the projects it lists)."""
    spans = sorted((span.start, d) for d in districts for span in d.spans if d.kind in ADMIN_KINDS)
    in_sentence = [s for s in spans if sentence.start <= s[0] < sentence.end]
    if in_sentence:
        return min(in_sentence, key=lambda s: abs(s[0] - position))[1].canonical
    for paragraph in paragraphs_above:
        before = [s for s in spans if paragraph.start <= s[0] < min(position, paragraph.end)]
        if before:
            return before[-1][1].canonical
    return None


def _company_in(companies: list[Company], start: int, end: int) -> str | None:
    for company in companies:
        if any(start <= span.start and span.end <= end for span in company.spans):
            return company.canonical
    return None


def clauses(sentence: Segment) -> list[Segment]:
    return [
        Segment(m.group(0), sentence.start + m.start(), sentence.start + m.end())
        for m in _CLAUSE.finditer(sentence.text)
    ]


def _containing(segments: list[Segment], position: int) -> Segment:
    index = bisect_right([s.start for s in segments], position) - 1
    return segments[max(index, 0)]


def _information(project: Project) -> int:
    return sum(
        v is not None for v in (project.company, project.district, project.amount_yuan, project.status)
    )


def _company_candidates(text: str, companies: list[Company], named: list[_Candidate]) -> list[_Candidate]:
    """A company landing without a project name: 落户市南区的宁德时代, 不久前注册的…有限公司."""
    pattern, table = _statuses()
    out = []
    for company in companies:
        for span in company.spans:
            before = text[max(0, span.start - 12) : span.start]
            match = _LANDED_BEFORE.search(before)
            if not match or table.get(match.group(1), ("", 0))[1] not in (1, 2):
                continue
            if any(abs(c.start - span.start) < 40 for c in named):
                continue
            out.append(_Candidate(None, span.start, span.end, company=company.canonical))
            break
    return out


def _project(
    text, candidate, starts, sentence_list, paragraph_list, amounts, companies, districts
) -> Project:
    sentence = _containing(sentence_list, candidate.start)
    at = max(bisect_right([p.start for p in paragraph_list], candidate.start) - 1, 0)
    paragraphs_above = [paragraph_list[at], *paragraph_list[max(at - 1, 0) : at]]
    own_clauses = clauses(sentence)
    clause = _containing(own_clauses, candidate.start)
    later = [] if candidate.listed else [f for f in starts if candidate.start < f < sentence.end]
    after = (candidate.start, later[0] if later else sentence.end)
    status, status_at = _status(
        text, [after, (sentence.start, candidate.start)], (candidate.start, candidate.end)
    )
    others = [c for c in starts if c != candidate.start]
    amount = (
        None if candidate.listed else _amount(amounts, clause, text, (candidate.start, candidate.end), others)
    )
    first, last = clause.start, clause.end
    if candidate.company:
        first, last = sentence.start, sentence.end
    if status_at is not None:
        status_clause = _containing(own_clauses, status_at)
        first, last = min(first, status_clause.start), max(last, status_clause.end)
    if amount is not None and amount.start is not None:
        first = min(first, _containing(own_clauses, amount.start).start)
    company = candidate.company or _company_in(companies, candidate.start, candidate.end)
    if company is None and not candidate.listed:
        company = _sole_company(companies, first, last)
    evidence = text[first:last].rstrip("，,。；;")
    return Project(
        name=candidate.name,
        company=company,
        district=_district_at(districts, candidate.start, paragraphs_above, sentence),
        amount_text=amount.text if amount else None,
        amount_yuan=amount.value if amount else None,
        status=status,
        evidence=evidence,
        start=first,
        end=first + len(evidence),
        confidence=0.6 if candidate.listed else 0.8,
    )


def _sole_company(companies: list[Company], first: int, last: int) -> str | None:
    """The investor named beside the project (齐鲁前海基金由前海方舟…发起设立): the first company in its clauses."""
    inside = sorted(
        (span.start, company.canonical)
        for company in companies
        for span in company.spans
        if first <= span.start < last
    )
    return inside[0][1] if inside else None


def find_projects(
    text: str,
    *,
    amounts: list[Amount],
    companies: list[Company],
    districts: list[District],
    metrics: list[Metric] | None = None,
    published: str | None = None,
) -> list[Project]:
    sentence_list = sentences(text)
    paragraph_list = paragraphs(text)
    if not sentence_list:
        return []
    not_projects = [(s.start, s.end) for d in districts if d.kind in ("zone", "new_area") for s in d.spans]
    not_projects += [(m.start, m.end) for m in metrics or [] if m.start is not None and m.end is not None]
    not_projects += [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    named = _named_candidates(text)
    listed = [c for c in _listed_candidates(text) if not any(n.start <= c.start < n.end for n in named)]
    candidates = [
        c
        for c in sorted(named + listed, key=lambda c: c.start)
        if not any(first < c.end <= last for first, last in not_projects)
    ]
    candidates += _company_candidates(text, companies, candidates)
    candidates.sort(key=lambda c: c.start)
    projects: list[Project] = []
    by_key: dict[str, int] = {}
    starts = [c.start for c in candidates]
    for candidate in candidates:
        project = _project(
            text, candidate, starts, sentence_list, paragraph_list, amounts, companies, districts
        )
        key = (candidate.name or project.company or "").removesuffix("项目")
        if project.company and project.amount_yuan is None:
            # a caption repeating a project already found (位于城阳区的鹏辉能源项目)
            if any(p.company == project.company and p.district == project.district for p in projects):
                continue
        if key in by_key:  # the same project again: keep the mention that says more
            earlier = by_key[key]
            if _information(project) > _information(projects[earlier]):
                projects[earlier] = project
            continue
        by_key[key] = len(projects)
        projects.append(project)
    return projects
