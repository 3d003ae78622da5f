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

from zhaoyin.flows.cli.app import app, console, err_console, examples, plain, require_backend

KIND_LABELS = {
    "amounts": "amounts",
    "districts": "districts",
    "companies": "companies",
    "projects": "projects",
    "metrics": "metrics",
}


def _read(path: Path, address: str | None = None):
    """The Document of one corpus file, read like any imported file; `address` is the page it was
    published at, kept as a crawl keeps it."""
    from zhaoyin.extractors.readers import read_document
    from zhaoyin.schemas import RawDocument

    meta = {"url": address} if address else {}
    return read_document(
        RawDocument(data=path.read_bytes(), source=str(path), media_type_hint=None, meta=meta)
    )


def _source_addresses(gold_dir: Path) -> dict[str, str]:
    """Document name → the address it was published at, from the set's manifest.json (in the gold folder or
    up to two folders above it, as tests/data/real/ keeps it): the source metadata of a crawled page."""
    for folder in (gold_dir, gold_dir.parent, gold_dir.parent.parent):
        manifest = folder / "manifest.json"
        if manifest.is_file():
            entries = json.loads(manifest.read_text(encoding="utf-8"))
            return {
                e["doc"]: e["url"] for e in entries if isinstance(e, dict) and e.get("doc") and e.get("url")
            }
    return {}


def _predict(document, backend: str) -> dict:
    from zhaoyin.extractors.pipeline import extract

    return extract(document, backend=backend).model_dump(mode="json")


def predictions_for(gold_dir: Path, corpus_dir: Path, backend: str) -> tuple[dict[str, dict], set[str]]:
    from zhaoyin.extractors.evaluation import gold_text_problem, load_gold

    predictions: dict[str, dict] = {}
    notes: set[str] = set()
    addresses = _source_addresses(gold_dir)
    for gold in load_gold(gold_dir):
        path = corpus_dir / gold["doc"]
        problem = gold_text_problem(gold, corpus_dir)
        if problem:
            notes.add(f"not scored, {problem}")
            continue
        if not path.is_file():
            notes.add(f"missing corpus file: {path}")
            continue
        try:
            document = _read(path, addresses.get(gold["doc"]))
        except Exception as exc:  # a reader failure is scored as an empty prediction, and said
            notes.add(f"{path.name}: {getattr(exc, 'reason', exc)}")
            continue
        predictions[gold["doc"]] = _predict(document, backend)
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
            console.print(f"[bold]{plain(backend)} · {plain(doc.doc)} · {kind}[/bold]", highlight=False)
            for item in fps:
                console.print(f"  [red]+ false positive[/red] {plain(item)}", markup=True, highlight=False)
            for item in fns:
                console.print(f"  [yellow]- missed[/yellow] {plain(item)}", markup=True, highlight=False)
        if doc.field_errors:
            console.print(f"[bold]{plain(backend)} · {plain(doc.doc)} · fields[/bold]", highlight=False)
            for item in doc.field_errors:
                console.print(f"  [magenta]≠[/magenta] {plain(item)}", markup=True, highlight=False)


def _parse_set(spec: str) -> tuple[str, Path, Path]:
    label, sep, dirs = spec.partition("=")
    if not sep or not label or not dirs:
        err_console.print(f"--set takes LABEL=GOLD_DIR[:CORPUS_DIR], not {plain(spec)!r}")
        raise typer.Exit(2)
    gold, _, corpus = dirs.partition(":")
    return label, Path(gold), Path(corpus) if corpus else Path(gold).parent / "corpus"


def _suite_table(reports: dict[str, object | None]) -> Table:
    """One column per evaluation set: F1 per kind, then field accuracy over matched pairs."""
    table = Table(title="F1 per kind · accuracy over matched pairs")
    table.add_column("")
    for label in reports:
        table.add_column(label, justify="right")

    def row(name: str, cell) -> None:
        table.add_row(name, *(cell(r) if r is not None else "absent" for r in reports.values()))

    row("documents", lambda r: str(len(r.docs)))
    for kind, label in KIND_LABELS.items():
        row(f"{label} F1", lambda r, kind=kind: f"{r.kinds[kind].f1:.3f}")
    first = next((r for r in reports.values() if r is not None), None)
    for name in first.project_fields if first is not None else ():
        row(f"project.{name}", lambda r, name=name: f"{r.project_fields[name].accuracy:.3f}")
    row("metric.subject", lambda r: f"{r.metric_subject.accuracy:.3f}")
    row("published (month)", lambda r: f"{r.published.correct}/{r.published.total}")
    return table


def _eval_suite(specs: list[str], backend: str, as_json: bool) -> None:
    from zhaoyin.extractors.evaluation import evaluate

    require_backend(backend)
    reports: dict[str, object | None] = {}
    for label, gold_dir, corpus_dir in map(_parse_set, specs):
        if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
            err_console.print(f"[{plain(label)}] absent: no gold at {plain(str(gold_dir))}", markup=False)
            reports[label] = None
            continue
        predictions, notes = predictions_for(gold_dir, corpus_dir, backend)
        for note in sorted(notes):
            err_console.print(f"[{plain(label)}] {plain(note)}", markup=False)
        report = evaluate(gold_dir, predictions, corpus_dir)
        reports[label] = report if report.docs else None
    if as_json:
        out = {label: r.to_dict(errors=False) if r is not None else None for label, r in reports.items()}
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    console.print(_suite_table(reports))


@app.command(
    "eval",
    epilog=examples(
        "zhaoyin eval gold/ --corpus corpus/",
        "zhaoyin eval gold/ --backend rules --backend spacy --show-errors",
        "zhaoyin eval --set dev=gold/dev:corpus --set test=gold/test:corpus --json",
    ),
)
def eval_command(
    gold_dir: Annotated[
        Path | None,
        typer.Argument(help="Folder of gold annotation JSON files.", exists=True, file_okay=False),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Folder of the annotated documents (default: GOLD_DIR/../corpus)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    backend: Annotated[
        list[str] | None,
        typer.Option(
            "--backend",
            help="Entity backend: rules, spacy, hanlp, rules+lac or rules+ner; repeat to compare several.",
        ),
    ] = None,
    show_errors: Annotated[
        bool, typer.Option("--show-errors", help="List false positives and misses per kind.")
    ] = False,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="LABEL=GOLD_DIR[:CORPUS_DIR]; repeat to score several sets side by side in one table "
            "(a set whose gold or texts are absent is shown as such).",
        ),
    ] = None,
) -> None:
    """Precision, recall and F1 per kind against hand-written annotations."""
    from zhaoyin.extractors.evaluation import evaluate

    if sets:
        if gold_dir is not None:
            err_console.print("give either GOLD_DIR or --set, not both")
            raise typer.Exit(2)
        _eval_suite(sets, (backend or ["rules"])[0], as_json)
        return
    if gold_dir is None:
        err_console.print("give GOLD_DIR, or one --set LABEL=GOLD_DIR[:CORPUS_DIR] per set")
        raise typer.Exit(2)

    corpus_dir = corpus or gold_dir.parent / "corpus"
    if not corpus_dir.is_dir():
        err_console.print(f"no corpus folder at {plain(corpus_dir)}; pass --corpus DIR")
        raise typer.Exit(2)
    backends = list(dict.fromkeys(backend or ["rules"]))
    for name in backends:
        require_backend(name)
    reports = {}
    for name in backends:
        predictions, notes = predictions_for(gold_dir, corpus_dir, name)
        for note in sorted(notes):
            err_console.print(f"{plain(f'[{name}]')} {plain(note)}")
        reports[name] = evaluate(gold_dir, predictions, corpus_dir)

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
