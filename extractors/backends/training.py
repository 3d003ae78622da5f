"""Train the spaCy backend's statistical `ner` from scratch on labelled texts. Pure: texts + spans in,
a spaCy Language out (no files read, no database); `save_model` writes it with `nlp.to_disk`.

Spans usually come from weak supervision (the rules engine's companies and districts) plus gold
annotations; they are aligned to jieba tokens and the ones that do not fit a token boundary are skipped.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from zhaoyin.extractors.backends.spacy_nlp import blank_zh, char_spans
from zhaoyin.extractors.text import paragraphs

LabelledText = tuple[str, Sequence[tuple[int, int, str]]]

COMPANY, DISTRICT = "COMPANY", "DISTRICT"
TRAINING_INFO = "zhaoyin-training.json"


@dataclass
class TrainReport:
    texts: int = 0
    examples: int = 0
    spans: int = 0
    skipped_spans: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    iterations: int = 0
    swapped_copies: int = 0
    losses: list[float] = field(default_factory=list)


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every occurrence of `needle` in `text`, left to right, not overlapping."""
    out, at = [], text.find(needle) if needle else -1
    while at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + len(needle))
    return out


def chunks(text: str, spans: Sequence[tuple[int, int, str]]) -> list[LabelledText]:
    """Paragraphs of `text` with the spans that lie inside each, shifted to paragraph offsets."""
    out = []
    for para in paragraphs(text):
        inside = [
            (s - para.start, e - para.start, label)
            for s, e, label in spans
            if para.start <= s < e <= para.end
        ]
        out.append((para.text, inside))
    return out


def make_examples(nlp, items: Iterable[LabelledText], *, negatives: float = 0.5, seed: int = 0, report=None):
    """spaCy Examples for paragraphs; paragraphs without any span kept at `negatives` of the positive count."""
    from spacy.training import Example

    report = report if report is not None else TrainReport()
    positive, negative = [], []
    for text, spans in items:
        report.texts += 1
        for chunk_text, chunk_spans in chunks(text, spans):
            predicted = nlp.make_doc(chunk_text)
            reference = nlp.make_doc(chunk_text)
            aligned, skipped = char_spans(reference, chunk_spans)
            reference.ents = aligned
            report.skipped_spans += skipped
            report.spans += len(aligned)
            for span in aligned:
                report.labels[span.label_] = report.labels.get(span.label_, 0) + 1
            (positive if aligned else negative).append(Example(predicted, reference))
    random.Random(seed).shuffle(negative)
    examples = positive + negative[: int(len(positive) * negatives) + 1]
    report.examples = len(examples)
    return examples


def train_ner(
    items: Iterable[LabelledText],
    *,
    iterations: int = 15,
    seed: int = 0,
    dropout: float = 0.2,
    augment: int = 0,
    segmenter: str = "jieba",
    progress: Callable[[int, float], None] | None = None,
):
    """A new jieba-segmented zh pipeline whose `ner` learned the spans of `items`. Returns (nlp, report).

    `augment` adds that many entity-swapped copies of every labelled paragraph (`augment.swap_entities`);
    `segmenter` "char" makes every character a token (names jieba would cut apart stay learnable)."""
    from spacy.training import Example  # noqa: F401  (fail early, with spaCy's own message)
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = blank_zh(segmenter)
    report = TrainReport(iterations=iterations)
    items = list(items)
    examples = make_examples(nlp, items, seed=seed, report=report)
    if augment:
        from zhaoyin.extractors.backends.augment import augment as swapped

        labelled = [chunk for text, spans in items for chunk in chunks(text, spans) if chunk[1]]
        copies = swapped(labelled, augment, seed=seed)[len(labelled) :]
        examples += make_examples(nlp, copies, negatives=0, seed=seed, report=TrainReport())
        report.swapped_copies = len(copies)
        report.examples = len(examples)
    if not report.spans:
        raise ValueError("no entity spans to learn from: give documents the rules engine finds entities in")
    ner = nlp.add_pipe("ner")
    for label in sorted(report.labels):
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    shuffler = random.Random(seed)
    for iteration in range(iterations):
        shuffler.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        report.losses.append(round(float(losses.get("ner", 0.0)), 3))
        if progress:
            progress(iteration + 1, float(losses.get("ner", 0.0)))
    nlp.meta["name"] = "zhaoyin_ner"
    nlp.meta["description"] = "zhaoyin: companies and districts, trained by `zhaoyin train-ner`"
    return nlp, report


def save_model(nlp, path: str | Path, report: TrainReport | None = None) -> Path:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    if report is not None:
        (path / TRAINING_INFO).write_text(json.dumps(asdict(report), ensure_ascii=False, indent=2), "utf-8")
    return path


def spans_from_extraction(extraction, text: str) -> list[tuple[int, int, str]]:
    """Weak labels: the spans of the companies and districts an `Extraction` of `text` found, less the
    ones that do not look like a name (the rules engine errs too; a model learns its errors)."""
    from zhaoyin.extractors.backends.plausibility import plausible_company, plausible_district

    spans = [
        (s.start, s.end, COMPANY)
        for company in extraction.companies
        for s in company.spans
        if plausible_company(text[s.start : s.end])
    ]
    spans += [
        (s.start, s.end, DISTRICT)
        for district in extraction.districts
        for s in district.spans
        if plausible_district(text[s.start : s.end])
    ]
    return longest_first(spans)


GOLD_LABELS = {"companies": COMPANY, "districts": DISTRICT}


def spans_from_gold(
    text: str, gold: dict, kinds: Sequence[str] = ("companies", "districts")
) -> list[tuple[int, int, str]]:
    """Every occurrence in `text` of the gold companies' and districts' surface forms (gold/README.md)."""
    spans = []
    for key in kinds:
        label = GOLD_LABELS[key]
        for entry in gold.get(key) or []:
            for surface in {entry.get("canonical") or "", *(entry.get("mentions") or [])}:
                if len(surface) >= 2:
                    spans += [(s, e, label) for s, e in find_all(text, surface)]
    return longest_first(spans)


def longest_first(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans without overlaps: where two overlap the longer wins (城阳区 over 城阳)."""
    kept: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for start, end, label in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0])):
        if end > start and not taken.intersection(range(start, end)):
            kept.append((start, end, label))
            taken.update(range(start, end))
    return sorted(kept)


def labelled_view(text: str, gold: dict, kinds: Sequence[str] = ("companies",)) -> LabelledText:
    """The text as the extractors read it (simplified, half-width: `pipeline.extraction_view`, same length)
    with every gold surface found in either script, so a model learns the view it will be run on."""
    from zhaoyin.extractors.pipeline import extraction_view

    view = extraction_view(text)
    if len(view) != len(text):
        return text, spans_from_gold(text, gold, kinds)
    return view, longest_first(spans_from_gold(text, gold, kinds) + spans_from_gold(view, gold, kinds))
