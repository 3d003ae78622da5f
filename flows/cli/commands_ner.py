"""`zhaoyin train-ner`: train the spaCy backend's `ner` on documents the rules engine labelled, plus gold.

The command only gathers texts and spans (reading files, running the rules pipeline); the training itself
is `extractors.backends.training.train_ner`.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Annotated

import typer

from zhaoyin.flows.cli.app import app, console, err_console, examples, plain


def _read_documents(paths: list[Path]):
    """(path, Document, Extraction by the rules engine) of every readable file under `paths`."""
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.runners import read_and_extract
    from zhaoyin.schemas import QuarantineRecord

    for raw in discover(paths):
        if isinstance(raw, QuarantineRecord):
            err_console.print(f"[yellow]skipped[/] {plain(raw.path)}: {plain(raw.reason)}")
            continue
        outcome = read_and_extract(raw, backend="rules")
        if isinstance(outcome, QuarantineRecord):
            err_console.print(f"[yellow]skipped[/] {plain(outcome.path)}: {plain(outcome.reason)}")
            continue
        yield raw.source, *outcome


REAL_ITERATIONS = 10
REAL_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "real" / "gold" / "dev"


def real_corpus_dir() -> Path:
    """The real reports' texts: ZHAOYIN_REAL_DIR, else the cache dir's real/ (`make real-cache` fills it)."""
    from zhaoyin.flows.settings import cache_dir

    return Path(os.environ.get("ZHAOYIN_REAL_DIR") or cache_dir() / "real")


def _gold_items(gold_dir: Path, corpus_dir: Path, *, view_kinds: tuple[str, ...] | None = None):
    """(doc_id, text, spans) for every gold annotation whose document is in `corpus_dir`; with `view_kinds`
    the text is the extractors' view and only those kinds are labelled (`training.labelled_view`)."""
    from zhaoyin.extractors.backends.training import labelled_view, spans_from_gold
    from zhaoyin.extractors.readers import read_document
    from zhaoyin.flows.importing.discover import read_raw
    from zhaoyin.schemas import QuarantineRecord, ReadError

    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = corpus_dir / (gold.get("doc") or path.with_suffix(".txt").name)
        raw = read_raw(str(source))
        if isinstance(raw, QuarantineRecord):
            err_console.print(f"[yellow]no text for[/] {plain(path.name)}: {plain(raw.reason)}")
            continue
        try:
            document = read_document(raw)
        except ReadError as error:
            err_console.print(f"[yellow]no text for[/] {plain(path.name)}: {plain(error.reason)}")
            continue
        if view_kinds is None:
            yield document.doc_id, document.text, spans_from_gold(document.text, gold)
        else:
            yield document.doc_id, *labelled_view(document.text, gold, view_kinds)


@app.command(
    "train-ner",
    epilog=examples(
        "zhaoyin train-ner --docs samples/",
        "zhaoyin train-ner --gold gold/ --docs archive/ --out models/ner --iterations 30",
        "zhaoyin train-ner --real   # the rules+ner model, from the real dev reports' gold and texts",
    ),
)
def train_ner_command(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Where to save the spaCy pipeline (default: the cache dir's models/spacy-ner)."
        ),
    ] = None,
    docs: Annotated[
        list[Path] | None,
        typer.Option(
            "--docs", help="Files or folders whose rules-engine entities become labels (repeatable)."
        ),
    ] = None,
    gold: Annotated[
        Path | None, typer.Option("--gold", help="Gold annotation folder (JSON, see gold/README.md).")
    ] = None,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Texts of the gold annotations (default: GOLD/../corpus).")
    ] = None,
    iterations: Annotated[
        int | None, typer.Option("--iterations", min=1, help="Passes over the data (default 15; --real: 10).")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same data + seed → same model).")] = 0,
    augment: Annotated[
        int,
        typer.Option(
            "--augment",
            min=0,
            help="Entity-swapped copies of each labelled paragraph (invented companies, other districts), "
            "so the model learns contexts rather than the training texts' names; 0 turns it off "
            "(default 3; --real: 0).",
        ),
    ] = None,
    real: Annotated[
        bool,
        typer.Option(
            "--real",
            help="Train the rules+ner backend's model on the gold companies of the real dev reports "
            "(--gold defaults to tests/data/real/gold/dev, --corpus to ZHAOYIN_REAL_DIR, --out to "
            "the cache dir's models/ner-real); texts in the extractors' view.",
        ),
    ] = False,
    segmenter: Annotated[
        str, typer.Option("--segmenter", help="Tokens of the model: jieba (words) or char (characters).")
    ] = "jieba",
    districts: Annotated[
        bool, typer.Option("--districts", help="With --real: learn the gold districts too.")
    ] = False,
) -> None:
    """Train the spaCy backend's statistical NER (weak labels from the rules engine + gold) and save it."""
    from zhaoyin.extractors.backends import BackendUnavailable
    from zhaoyin.extractors.backends.spacy_backend import MODEL_ENV, default_model_dir
    from zhaoyin.extractors.backends.training import save_model, spans_from_extraction, train_ner

    if real:
        from zhaoyin.extractors.backends.ner_backend import default_model_dir as real_model_dir

        gold, corpus, out = gold or REAL_GOLD, corpus or real_corpus_dir(), out or real_model_dir()
    # --real: the settings measured on the real dev reports (entity swapping took 755 s instead of 28 s
    # on 83 reports and its spans found no company of the 20 held back)
    iterations = iterations or (REAL_ITERATIONS if real else 15)
    augment = (0 if real else 3) if augment is None else augment
    if not docs and not gold:
        err_console.print("give --docs DIR (documents to label with the rules engine) and/or --gold DIR")
        raise typer.Exit(2)
    items, seen = [], set()
    if gold:
        corpus_dir = corpus or gold.parent / "corpus"
        kinds = (("companies", "districts") if districts else ("companies",)) if real else None
        for doc_id, text, spans in _gold_items(gold, corpus_dir, view_kinds=kinds):
            seen.add(doc_id)
            items.append((text, spans))
        console.print(f"gold: {len(items)} documents")
        if real and not items:
            err_console.print(
                f"[red]no texts of the real reports in {plain(corpus_dir)}: `make real-cache` fills it "
                "(or set ZHAOYIN_REAL_DIR)[/]"
            )
            raise typer.Exit(1)
    weak = 0
    for _source, document, extraction in _read_documents(list(docs or [])):
        if document.doc_id in seen:  # gold labels beat the rules engine's for the same text
            continue
        seen.add(document.doc_id)
        items.append((document.text, spans_from_extraction(extraction, document.text)))
        weak += 1
    if docs:
        console.print(f"rules-labelled: {weak} documents")

    def progress(iteration: int, loss: float) -> None:
        console.print(f"  iteration {iteration}/{iterations}  loss {loss:.1f}")

    started = time.perf_counter()
    try:
        nlp, report = train_ner(
            items, iterations=iterations, seed=seed, augment=augment, segmenter=segmenter, progress=progress
        )
    except BackendUnavailable as error:
        err_console.print(f"[red]{plain(error.message)}[/]")
        raise typer.Exit(1) from None
    except ValueError as error:
        err_console.print(f"[red]{plain(error)}[/]")
        raise typer.Exit(1) from None
    target = save_model(nlp, out or default_model_dir(), report)
    labels = ", ".join(f"{label} {count}" for label, count in sorted(report.labels.items()))
    size = sum(f.stat().st_size for f in Path(target).rglob("*") if f.is_file())
    console.print(
        f"trained on {report.texts} documents ({report.examples} paragraphs incl. "
        f"{report.swapped_copies} entity-swapped copies; {labels}; "
        f"{report.skipped_spans} spans off token boundaries skipped) in "
        f"{time.perf_counter() - started:.0f} s, {size / 1e6:.1f} MB → {target}"
    )
    if real:
        console.print("use it: zhaoyin eval … --backend rules+ner")
    elif out and Path(out).resolve() != default_model_dir().resolve():
        console.print(f"use it: {MODEL_ENV}={target} zhaoyin extract FILE --backend spacy")
    else:
        console.print("the spaCy backend loads it by default: zhaoyin extract FILE --backend spacy")
