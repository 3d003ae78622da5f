"""Command: `zhaoyin eval GOLD_DIR` — precision, recall and F1 of the extractors against gold annotations.

The corpus documents are read like any imported file and extracted by `extractors.pipeline.extract`;
the scoring rules are those of gold/README.md (`extractors.evaluation.evaluate`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhaoyin.flows.cli.app import app, console, err_console, plain, require_backend

KIND_LABELS = {
    "amounts": "amounts",
    "districts": "districts",
    "companies": "companies",
    "projects": "projects",
    "metrics": "metrics",
}


def _read(path: Path):
    """The Document of one corpus file: through the readers when present, else as UTF-8 text."""
    from zhaoyin.schemas import Document, RawDocument

    data = path.read_bytes()
    try:
        from zhaoyin.extractors.readers import read_document
    except ImportError:
        return Document(text=data.decode("utf-8", errors="replace"), source=str(path))
    return read_document(RawDocument(data=data, source=str(path), media_type_hint=None))


def _predict(document, backend: str, fallback_notes: set[str]) -> dict:
    from zhaoyin.extractors.evaluation import extract_own_kinds

    try:
        from zhaoyin.extractors.pipeline import extract

        return extract(document, backend=backend).model_dump(mode="json")
    except NotImplementedError:
        fallback_notes.add(
            "pipeline not wired yet: scored amounts, districts and metrics from their extractors"
        )
        return extract_own_kinds(document.text, document.published)


def predictions_for(gold_dir: Path, corpus_dir: Path, backend: str) -> tuple[dict[str, dict], set[str]]:
    from zhaoyin.extractors.evaluation import load_gold

    predictions: dict[str, dict] = {}
    notes: set[str] = set()
    for gold in load_gold(gold_dir):
        path = corpus_dir / gold["doc"]
        if not path.is_file():
            notes.add(f"missing corpus file: {path}")
            continue
        try:
            document = _read(path)
        except Exception as exc:  # a reader failure is scored as an empty prediction, and said
            notes.add(f"{path.name}: {getattr(exc, 'reason', exc)}")
            continue
        predictions[gold["doc"]] = _predict(document, backend, notes)
    return predictions, notes


def _score_table(reports: dict) -> Table:
    single = len(reports) == 1
    table = Table(title="extraction quality (micro-averaged over documents)")
    table.add_column("kind")
    for backend in reports:
        suffix = "" if single else f" {backend}"
        for column in ("P", "R", "F1"):
            table.add_column(column + suffix, justify="right")
        if single:
            for column in ("tp", "fp", "fn"):
                table.add_column(column, justify="right")
    for kind, label in KIND_LABELS.items():
        row = [label]
        for report in reports.values():
            score = report.kinds[kind]
            row += [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"]
            if single:
                row += [str(score.tp), str(score.fp), str(score.fn)]
        table.add_row(*row)
    return table


def _accuracy_table(reports: dict) -> Table:
    table = Table(title="accuracy over matched pairs")
    table.add_column("field")
    for backend in reports:
        table.add_column(backend if len(reports) > 1 else "accuracy", justify="right")
    first = next(iter(reports.values()))
    for name in first.project_fields:
        cells = [
            f"{r.project_fields[name].accuracy:.3f} ({r.project_fields[name].correct}/{r.project_fields[name].total})"
            for r in reports.values()
        ]
        table.add_row(f"project.{name}", *cells)
    cells = [
        f"{r.metric_subject.accuracy:.3f} ({r.metric_subject.correct}/{r.metric_subject.total})"
        for r in reports.values()
    ]
    table.add_row("metric.subject", *cells)
    cells = [
        f"{r.published.accuracy:.3f} ({r.published.correct}/{r.published.total})" for r in reports.values()
    ]
    table.add_row("published (month)", *cells)
    return table


def _doc_table(report) -> Table:
    table = Table(title="per document (tp/fp/fn)")
    table.add_column("doc", overflow="fold")
    for label in KIND_LABELS.values():
        table.add_column(label, justify="right")
    for doc in report.docs:
        cells = [f"{s.tp}/{s.fp}/{s.fn}" for s in doc.scores.values()]
        table.add_row(doc.doc + (" (no prediction)" if doc.missing_prediction else ""), *cells)
    return table


def _print_errors(backend: str, report) -> None:
    for doc in report.docs:
        for kind in KIND_LABELS:
            fps, fns = doc.false_positives[kind], doc.false_negatives[kind]
            if not fps and not fns:
                continue
            console.print(f"[bold]{backend} · {doc.doc} · {kind}[/bold]")
            for item in fps:
                console.print(f"  [red]+ false positive[/red] {plain(item)}", markup=True, highlight=False)
            for item in fns:
                console.print(f"  [yellow]- missed[/yellow] {plain(item)}", markup=True, highlight=False)


@app.command("eval")
def eval_command(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of gold annotation JSON files.", exists=True, file_okay=False)
    ],
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Folder of the annotated documents (default: GOLD_DIR/../corpus)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    backend: Annotated[
        list[str] | None,
        typer.Option("--backend", help="Entity backend: rules, spacy or hanlp; repeat to compare several."),
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List false positives and misses per kind.")
    ] = False,
) -> None:
    """Precision, recall and F1 per kind against hand-written annotations."""
    from zhaoyin.extractors.evaluation import evaluate

    corpus_dir = corpus or gold_dir.parent / "corpus"
    if not corpus_dir.is_dir():
        err_console.print(f"no corpus folder at {corpus_dir}; pass --corpus DIR")
        raise typer.Exit(2)
    backends = list(dict.fromkeys(backend or ["rules"]))
    for name in backends:
        require_backend(name)
    reports = {}
    for name in backends:
        predictions, notes = predictions_for(gold_dir, corpus_dir, name)
        for note in sorted(notes):
            err_console.print(f"{plain(f'[{name}]')} {plain(note)}")
        reports[name] = evaluate(gold_dir, predictions)

    if as_json:
        out = {name: report.to_dict(errors=show_errors) for name, report in reports.items()}
        typer.echo(json.dumps(out if len(out) > 1 else out[backends[0]], ensure_ascii=False, indent=2))
        return
    console.print(_score_table(reports))
    console.print(_accuracy_table(reports))
    if len(reports) == 1:
        console.print(_doc_table(next(iter(reports.values()))))
    if show_errors:
        for name, report in reports.items():
            _print_errors(name, report)
