"""`zhaoyin train-ner`: train the spaCy backend's `ner` on documents the rules engine labelled, plus gold.

The command only gathers texts and spans (reading files, running the rules pipeline); the training itself
is `extractors.backends.training.train_ner`.
"""

from __future__ import annotations

import json
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


def _gold_items(gold_dir: Path, corpus_dir: Path):
    """(doc_id, text, spans) for every gold annotation whose document is in `corpus_dir`."""
    from zhaoyin.extractors.backends.training import spans_from_gold
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
        yield document.doc_id, document.text, spans_from_gold(document.text, gold)


@app.command(
    "train-ner",
    epilog=examples(
        "zhaoyin train-ner --docs samples/",
        "zhaoyin train-ner --gold gold/ --docs archive/ --out models/ner --iterations 30",
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
    iterations: Annotated[int, typer.Option("--iterations", min=1, help="Passes over the data.")] = 15,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same data + seed → same model).")] = 0,
    augment: Annotated[
        int,
        typer.Option(
            "--augment",
            min=0,
            help="Entity-swapped copies of each labelled paragraph (invented companies, other districts), "
            "so the model learns contexts rather than the training texts' names; 0 turns it off.",
        ),
    ] = 3,
) -> None:
    """Train the spaCy backend's statistical NER (weak labels from the rules engine + gold) and save it."""
    from zhaoyin.extractors.backends import BackendUnavailable
    from zhaoyin.extractors.backends.spacy_backend import MODEL_ENV, default_model_dir
    from zhaoyin.extractors.backends.training import save_model, spans_from_extraction, train_ner

    if not docs and not gold:
        err_console.print("give --docs DIR (documents to label with the rules engine) and/or --gold DIR")
        raise typer.Exit(2)
    items, seen = [], set()
    if gold:
        corpus_dir = corpus or gold.parent / "corpus"
        for doc_id, text, spans in _gold_items(gold, corpus_dir):
            seen.add(doc_id)
            items.append((text, spans))
        console.print(f"gold: {len(items)} documents")
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

    try:
        nlp, report = train_ner(items, iterations=iterations, seed=seed, augment=augment, progress=progress)
    except BackendUnavailable as error:
        err_console.print(f"[red]{plain(error.message)}[/]")
        raise typer.Exit(1) from None
    except ValueError as error:
        err_console.print(f"[red]{plain(error)}[/]")
        raise typer.Exit(1) from None
    target = save_model(nlp, out or default_model_dir(), report)
    labels = ", ".join(f"{label} {count}" for label, count in sorted(report.labels.items()))
    console.print(
        f"trained on {report.texts} documents ({report.examples} paragraphs incl. "
        f"{report.swapped_copies} entity-swapped copies; {labels}; "
        f"{report.skipped_spans} spans off token boundaries skipped) → {target}"
    )
    if out and Path(out).resolve() != default_model_dir().resolve():
        console.print(f"use it: {MODEL_ENV}={target} zhaoyin extract FILE --backend spacy")
    else:
        console.print("the spaCy backend loads it by default: zhaoyin extract FILE --backend spacy")
