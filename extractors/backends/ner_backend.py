"""The rules plus a spaCy `ner` trained on the real reports' gold companies ("rules+ner").

`zhaoyin train-ner --real` trains the model from the gold of the real dev reports and their texts (the
gitignored cache that `make real-cache` fills) into `<cache dir>/models/ner-real`; `ZHAOYIN_NER_MODEL`
points elsewhere. Nothing is committed or downloaded: without the model the backend says how to make it.

A COMPANY span of the model becomes a company when the rules did not find it, it does not look like
something else (a place, a government body, a project, a trade word, a plain dictionary word, a name cut
inside a word), it has an enterprise or trade ending (as every statistical guess in `plausibility`), and
its context types it: it opens a project name the rules found with no investor (place +
brand + product + 项目). Spans the model tags elsewhere were measured to cost more than they bring (5-fold
on the real dev reports, docs/evaluation.md). The projects are then read again so their investors fill in.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends import BackendUnavailable, cache_dir
from zhaoyin.extractors.backends.plausibility import plausible_company
from zhaoyin.extractors.backends.rules_backend import RulesPlusCompanies
from zhaoyin.extractors.text import paragraphs
from zhaoyin.schemas import Company, Project, Span

NAME = "rules+ner"
MODEL_ENV = "ZHAOYIN_NER_MODEL"
LABEL = "COMPANY"
CONFIDENCE = 0.6
MIN_CHARS = 2
COMMON_WORD_FREQ = 100  # a name that is one word the dictionary counts this often is a plain word (精密)
TRAIN_HINT = (
    "train it with `zhaoyin train-ner --real` (needs the real reports' texts: `make real-cache`), "
    f"or point {MODEL_ENV} at a pipeline `zhaoyin train-ner` saved"
)


def default_model_dir() -> Path:
    return cache_dir() / "models" / "ner-real"


def model_dir() -> Path:
    return Path(os.environ.get(MODEL_ENV) or default_model_dir())


_lock = threading.Lock()
_models: dict[Path, object] = {}


def ner_model(path: str | os.PathLike | None = None):
    """The trained pipeline at `path` (default `model_dir()`), loaded once per process;
    `BackendUnavailable` when spaCy or the model is missing."""
    from zhaoyin.extractors.backends.spacy_nlp import quiet_global_jieba, require_spacy, use_domain_segmenter

    path = Path(path or model_dir())
    with _lock:
        nlp = _models.get(path)
        if nlp is None:
            spacy = require_spacy()
            if not (path / "config.cfg").is_file() or not (path / "ner").is_dir():
                raise BackendUnavailable(
                    f"the rules+ner backend has no trained model at {path}: {TRAIN_HINT}"
                )
            quiet_global_jieba()
            nlp = spacy.load(path)
            use_domain_segmenter(nlp)
            _models[path] = nlp
        return nlp


def model_spans(text: str, nlp=None) -> list[tuple[int, int, str]]:
    """(start, end, label) of the model's entities in `text`, paragraph by paragraph."""
    nlp = nlp or ner_model()
    paras = [p for p in paragraphs(text) if p.text.strip()]
    out = []
    for para, doc in zip(paras, nlp.pipe(p.text for p in paras), strict=True):
        out += [(para.start + e.start_char, para.start + e.end_char, e.label_) for e in doc.ents]
    return out


@cache
def _not_firm_endings() -> tuple[str, ...]:
    return (
        *lang.words("organization_endings"),
        *lang.data("lac_context")["not_firm_endings"],
        *lang.words("project_nouns"),
    )


def _leading_place(name: str) -> int:
    from zhaoyin.extractors.backends.lexicon import lexicon

    districts = lexicon().districts
    return next((n for n in range(min(len(name) - MIN_CHARS, 8), 1, -1) if name[:n] in districts), 0)


def firm_name(surface: str) -> str | None:
    """The company name a COMPANY span carries (less a leading district), or None when it is a place,
    a government body, a project or a trade word."""
    from zhaoyin.extractors.backends.lexicon import lexicon

    name = surface.strip().strip("".join(lang.char_set("function")))
    name = name[_leading_place(name) :]
    places = lexicon()
    if (
        len(name) < MIN_CHARS
        or name in places.districts
        or name in places.short_districts
        or name in places.places
        or name in lang.word_set("industry_terms")
        or name in lang.word_set("company_industry_words")
        or name.endswith(_not_firm_endings())
    ):
        return None
    return name


@cache
def _clause_marks() -> frozenset[str]:
    return frozenset(lang.chars("clause_ends") + lang.chars("sentence_ends") + "\n")


def on_word_bounds(text: str, start: int, end: int) -> bool:
    """jieba cuts the clause at both ends of the span (a span that ends inside 成为 is a name cut short)."""
    from zhaoyin.extractors.segment import tokens

    marks = _clause_marks()
    clause_start = max((i + 1 for i in range(start - 1, -1, -1) if text[i] in marks), default=0)
    clause_end = next((i for i in range(end, len(text)) if text[i] in marks), len(text))
    bounds = {clause_start, clause_end}
    for _word, word_start, word_end in tokens(text[clause_start:clause_end]):
        bounds.update((clause_start + word_start, clause_start + word_end))
    return start in bounds and end in bounds


def _a_common_word(name: str) -> bool:
    from zhaoyin.extractors.segment import word_frequency

    return word_frequency(name) > COMMON_WORD_FREQ


def heads_a_project(name: str, projects: Sequence[Project]) -> bool:
    """The name opens (after a place) a project name that has no investor yet."""
    return any(
        project.name and not project.company and project.name[_leading_place(project.name) :].startswith(name)
        for project in projects
    )


def ner_companies(
    text: str,
    companies: Sequence[Company],
    projects: Sequence[Project] = (),
    *,
    spans: Sequence[tuple[int, int, str]] | None = None,
) -> list[Company]:
    """Companies the model tags that the rules did not find (`spans`: the model's, else run it on `text`)."""
    known = {m for c in companies for m in (*c.mentions, c.canonical) if m}
    spans = model_spans(text) if spans is None else spans
    names: list[str] = []
    for start, end, label in spans:
        if label != LABEL:
            continue
        name = firm_name(text[start:end])
        if not name or any(name in k or k in name for k in known):
            continue
        if not (
            heads_a_project(name, projects)
            and plausible_company(name, guessed=True)
            and on_word_bounds(text, end - len(name), end)
            and not _a_common_word(name)
        ):
            continue
        names.append(name)
    found = []
    for name in dict.fromkeys(names):
        if any(name != other and name in other for other in names):
            continue  # the longer name said elsewhere carries this one
        at, where = text.find(name), []
        while at >= 0:
            where.append(Span(start=at, end=at + len(name)))
            at = text.find(name, at + len(name))
        found.append(Company(canonical=name, mentions=[name], spans=where, confidence=CONFIDENCE))
    return found


class NerBackend(RulesPlusCompanies):
    """The rules' mentions plus the companies the trained model adds (the pipeline also re-reads projects)."""

    name = NAME

    def __init__(self):
        ner_model()

    def added_companies(self, text: str, companies, projects) -> list[Company]:
        return ner_companies(text, companies, projects)
