"""The rules plus a spaCy `ner` trained on the real reports' gold companies ("rules+ner").

`zhaoyin train-ner --real` trains the model from the gold of the real dev reports and their texts (the
gitignored cache that `make real-cache` fills) into `<cache dir>/models/ner-real`; `ZHAOYIN_NER_MODEL`
points elsewhere. Nothing is committed or downloaded: without the model the backend says how to make it.

A COMPANY span of the model becomes a company when the rules did not find it and it does not look like
something else (a place, a government body, a project, a trade word); the projects are then read again so
their investors fill in.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from zhaoyin.extractors import lang
from zhaoyin.extractors.backends import BackendUnavailable, cache_dir
from zhaoyin.extractors.text import paragraphs
from zhaoyin.schemas import Company, Mention, Project, Span

NAME = "rules+ner"
MODEL_ENV = "ZHAOYIN_NER_MODEL"
LABEL = "COMPANY"
CONFIDENCE = 0.6
MIN_CHARS = 2
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
        if name and not any(name in k or k in name for k in known):
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


class NerBackend:
    """The rules' mentions plus the companies the trained model adds (the pipeline also re-reads projects)."""

    name = NAME

    def __init__(self):
        ner_model()

    def entities(self, text: str) -> list[Mention]:
        from zhaoyin.extractors.backends.rules_backend import RulesBackend, span_mentions
        from zhaoyin.extractors.companies import find_companies

        mentions = RulesBackend().entities(text)
        mentions += span_mentions(text, ner_companies(text, find_companies(text)), "company", self.name)
        return sorted(mentions, key=lambda m: (m.start, m.end))
