"""A blank Chinese spaCy pipeline segmented by jieba, shared by the spaCy backend and training.

spaCy's zh tokenizer calls `jieba.cut`; we hand it the rules engine's `jieba.Tokenizer`, whose dictionary knows our
gazetteer names and company/zone suffixes, so entity boundaries fall on token boundaries, and whose
cache lives in our cache dir (jieba's default is /tmp). Training and inference use the same one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from zhaoyin.extractors.backends import BackendUnavailable, cache_dir
from zhaoyin.extractors.segment import jieba_tokenizer

SPACY_INSTALL_HINT = 'pip install "zhaoyin[spacy]"  (or: pip install "spacy>=3.7,<4" jieba)'


def require_spacy():
    try:
        import spacy
    except ImportError as exc:
        raise BackendUnavailable(f"the spaCy backend needs spaCy: {SPACY_INSTALL_HINT}") from exc
    return spacy


@cache
def jieba_segmenter():
    """The rules engine's jieba (extractors.segment: gazetteer names kept whole), so both engines cut the
    same words."""
    return jieba_tokenizer()


def use_domain_segmenter(nlp) -> None:
    """Swap the jieba of a zh pipeline for ours (no-op for char/pkuseg pipelines)."""
    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "segmenter", None) == "jieba":
        tokenizer.jieba_seg = jieba_segmenter()


def quiet_global_jieba() -> None:
    # spaCy warms up the global jieba when it builds a zh tokenizer; keep its cache out of /tmp
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    if not jieba.dt.initialized:
        jieba.dt.tmp_dir = str(cache_dir())


def blank_zh(segmenter: str = "jieba"):
    """spacy.blank("zh") with the jieba segmenter and our dictionary (or one token per character: "char")."""
    spacy = require_spacy()
    quiet_global_jieba()
    try:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    except ImportError as exc:  # spaCy raises ImportError when jieba is missing
        raise BackendUnavailable(f"spaCy's jieba segmenter needs jieba: {SPACY_INSTALL_HINT}") from exc
    use_domain_segmenter(nlp)
    return nlp


def char_spans(doc, spans: Iterable[tuple[int, int, str]], *, max_expand: int = 2):
    """Spans aligned to tokens: exact when possible, else expanded to whole tokens when that adds at most
    `max_expand` characters; others are skipped. Returns (spans without overlaps, number skipped)."""
    from spacy.util import filter_spans

    aligned, skipped = [], 0
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is None:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is None or len(span.text) - (end - start) > max_expand:
                skipped += 1
                continue
        aligned.append(span)
    kept = filter_spans(aligned)
    return kept, skipped + len(aligned) - len(kept)
