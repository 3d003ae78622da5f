"""Commands: `zhaoyin import PATH…` (into the warehouse) and `zhaoyin extract FILE` (no database).

Heavy modules (Prefect, the extractors) are imported inside the commands so `zhaoyin --help` and
`zhaoyin extract` do not pay for what they do not use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.table import Table

from zhaoyin.flows.cli.app import (
    DEFAULT_DB_PATH,
    EXIT_PARTIAL,
    EXIT_USAGE,
    DbOption,
    JsonOption,
    app,
    check_writable_warehouse,
    console,
    err_console,
    examples,
    fail,
    require_backend,
)
from zhaoyin.flows.cli.output import emit_json, json_text, plain

QUARANTINE_ROWS_SHOWN = 20
# Starting a local Prefect server takes ~8 s; from this many files on, the import runs long enough for a
# flow run (its record, its UI) to be worth that wait.
PREFECT_MIN_FILES = 500
SERVER_PROBE_SECONDS = 1.0


def prefect_server_answers(url: str) -> bool:
    """Does the Prefect API at `url` answer its health check (within a second)?"""
    from urllib.error import URLError
    from urllib.request import urlopen

    try:
        with urlopen(url.rstrip("/") + "/health", timeout=SERVER_PROBE_SECONDS) as response:
            return response.status == 200
    except (URLError, OSError, ValueError):
        return False


def plain_loop_reason(files: int) -> tuple[bool, str]:
    """Whether an import of `files` files runs without Prefect when the user did not say, and why.

    A server that answers at PREFECT_API_URL is reused; without one, a local server is started only for
    an import large enough to pay for its start-up.
    """
    url = os.environ.get("PREFECT_API_URL", "").strip()
    if url and prefect_server_answers(url):
        return False, ""
    if files >= PREFECT_MIN_FILES:
        return False, ""
    where = (
        f"no Prefect server answers at {url}" if url else "no Prefect server is configured (PREFECT_API_URL)"
    )
    size = "1 file is" if files == 1 else f"{files} files are"
    return True, f"{where} and {size} too few to wait for a local one to start (--prefect to start it)"


def summary_table(summary) -> Table:
    table = Table(title="import summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in (
        ("files seen", summary.files_seen),
        ("new documents", summary.new_documents),
        ("already present", summary.already_present),
        ("quarantined", summary.quarantined),
        ("projects", summary.projects),
        ("amounts", summary.amounts),
        ("districts", summary.districts),
        ("companies", summary.companies),
        ("metrics", summary.metrics),
    ):
        table.add_row(label, str(value))
    return table


def quarantine_table(summary) -> Table:
    table = Table(title=f"quarantined files ({summary.quarantined})")
    table.add_column("file", overflow="fold")
    table.add_column("stage")
    table.add_column("reason", overflow="fold")
    for record in summary.quarantine[:QUARANTINE_ROWS_SHOWN]:
        table.add_row(plain(record.path), record.stage, plain(record.reason))
    if summary.quarantined > QUARANTINE_ROWS_SHOWN:
        table.caption = f"… and {summary.quarantined - QUARANTINE_ROWS_SHOWN} more: SELECT * FROM quarantine"
    return table


@app.command(
    "import",
    epilog=examples(
        "zhaoyin import samples/",
        "zhaoyin import archive/2025/ reports.zip --db archive.duckdb",
        "zhaoyin import scans/ --ocr --strict    # exit 2 if any file is quarantined",
        "zhaoyin import inbox/ --json | jq .quarantined",
    ),
)
def import_command(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH...", help="Files and folders to import (folders recursively)."),
    ],
    db: DbOption = DEFAULT_DB_PATH,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per batch (one load, one Prefect task).")
    ] = 200,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Extraction processes (default: the CPUs available).")
    ] = None,
    backend: Annotated[
        str, typer.Option(help="Entity backend: rules, spacy, hanlp, rules+lac or rules+ner.")
    ] = "rules",
    ocr: Annotated[
        bool, typer.Option("--ocr", help="OCR scanned PDFs and images (needs tesseract).")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 2 instead of 1 when any file is quarantined.")
    ] = False,
    use_prefect: Annotated[
        bool | None,
        typer.Option(
            "--prefect/--no-prefect",
            help="Run as a Prefect flow, or the same stages in a plain loop (default: a flow when a Prefect "
            f"server answers at PREFECT_API_URL or for {PREFECT_MIN_FILES}+ files).",
            show_default=False,
        ),
    ] = None,
    task_runner: Annotated[
        str, typer.Option(help="Where batches are extracted: thread (+process pool), process or dask.")
    ] = "thread",
    dask_address: Annotated[
        str | None, typer.Option(help="Scheduler of an existing Dask cluster (with --task-runner dask).")
    ] = None,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Follow symlinks that lead outside the named folders (default: quarantine).",
        ),
    ] = False,
    max_seconds: Annotated[
        float | None,
        typer.Option(
            min=0.01, help="Budget: seconds to read + extract one file [default: 60, ZHAOYIN_MAX_SECONDS]."
        ),
    ] = None,
    max_chars: Annotated[
        int | None,
        typer.Option(min=1, help="Budget: characters of one document [default: 2000000, ZHAOYIN_MAX_CHARS]."),
    ] = None,
    max_pdf_pages: Annotated[
        int | None,
        typer.Option(min=1, help="Budget: pages of one PDF [default: 2000, ZHAOYIN_MAX_PDF_PAGES]."),
    ] = None,
    max_archive_bytes: Annotated[
        str | None,
        typer.Option(
            help="Budget: expanded bytes of one archive, e.g. 2GB [default: 2GB, ZHAOYIN_MAX_ARCHIVE_BYTES]."
        ),
    ] = None,
    max_part_bytes: Annotated[
        str | None,
        typer.Option(
            help="Budget: expanded bytes of one .docx part, e.g. 64MB [default: 64MB, ZHAOYIN_MAX_PART_BYTES]."
        ),
    ] = None,
    max_html_depth: Annotated[
        int | None,
        typer.Option(
            min=1, help="Budget: nesting depth of HTML elements [default: 512, ZHAOYIN_MAX_HTML_DEPTH]."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Import report files (txt, html, pdf, docx, archives) into the warehouse.

    Exit status: 0 every file imported (or already present), 1 some quarantined (2 with --strict),
    2 a path that does not exist or a --db that is not a warehouse (nothing is created then).
    """
    from zhaoyin.extractors.readers.limits import Budgets, parse_size
    from zhaoyin.flows.importing.discover import count_files, discover
    from zhaoyin.flows.importing.runners import default_workers
    from zhaoyin.schemas import ReadError

    if task_runner not in ("thread", "process", "dask"):
        raise fail(f"unknown --task-runner {task_runner!r}: use thread, process or dask")
    missing = [path for path in paths if not path.exists()]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise fail(f"no such file or folder: {missing[0]}{more}; nothing imported")
    check_writable_warehouse(db)
    try:
        budgets = Budgets.from_env(
            seconds=max_seconds,
            chars=max_chars,
            pdf_pages=max_pdf_pages,
            archive_bytes=parse_size(max_archive_bytes) if max_archive_bytes else None,
            part_bytes=parse_size(max_part_bytes) if max_part_bytes else None,
            html_depth=max_html_depth,
        )
    except (ReadError, ValueError) as error:
        raise fail(f"invalid budget: {getattr(error, 'reason', error)}") from None
    require_backend(backend)
    workers = workers or default_workers()
    files = count_files(paths, follow_symlinks=follow_symlinks)
    no_prefect, reason = not use_prefect, ""
    if use_prefect is None:
        no_prefect, reason = plain_loop_reason(files)
        if no_prefect and not as_json and not console.quiet:
            err_console.print(f"running without Prefect: {reason}", highlight=False, soft_wrap=True)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        job = bar.add_task("import", total=files)

        def progress(summary) -> None:
            bar.update(job, completed=summary.files_seen)

        try:
            if no_prefect:
                from zhaoyin.flows.importing.ingest import ingest

                summary = ingest(
                    discover(paths, follow_symlinks=follow_symlinks), db, backend=backend, workers=workers,
                    batch_size=batch_size, ocr=ocr, progress=progress, budgets=budgets,
                )  # fmt: skip
            else:
                from zhaoyin.flows.importing.bulk_import import bulk_import

                summary = bulk_import(
                    paths, db, batch_size=batch_size, workers=workers, backend=backend, ocr=ocr,
                    task_runner=task_runner, dask_address=dask_address, progress=progress, budgets=budgets,
                    follow_symlinks=follow_symlinks,
                )  # fmt: skip
        except Exception as error:  # the database, not a file: nothing to quarantine, tell the user
            message = " ".join(str(error).split())
            raise fail(f"import failed: {type(error).__name__}: {message}", EXIT_PARTIAL) from None

    code = (EXIT_USAGE if strict else EXIT_PARTIAL) if summary.quarantined else 0
    if as_json:
        emit_json({**summary.as_dict(), "database": str(db), "exit_code": code})
        raise typer.Exit(code)
    console.print(summary_table(summary))
    if summary.quarantined:
        console.print(quarantine_table(summary))
        imported = summary.new_documents + summary.already_present
        rest = "the rest was imported" if imported else "nothing was imported"
        err_console.print(
            f"[yellow]warning: {summary.quarantined} of {summary.files_seen} file(s) quarantined; {rest} "
            f"(SELECT * FROM quarantine shows why).[/yellow]",
            highlight=False,
        )
    raise typer.Exit(code)


def _extraction_tables(extraction) -> list[Table]:
    specs = {
        "projects": ("name", "company", "district", "amount_text", "status", "evidence"),
        "companies": ("canonical", "mentions"),
        "districts": ("canonical", "kind", "city", "admin_code", "mentions"),
        "amounts": ("text", "value", "currency", "qualifier"),
        "metrics": ("subject", "indicator", "value", "unit", "period", "text"),
    }
    tables = []
    for key, fields in specs.items():
        table = Table(title=f"{key} ({len(getattr(extraction, key))})")
        for name in fields:
            table.add_column(name, overflow="fold")
        for record in getattr(extraction, key):
            values = (getattr(record, name) for name in fields)
            table.add_row(
                *(plain("、".join(v) if isinstance(v, list) else "" if v is None else v) for v in values)
            )
        tables.append(table)
    return tables


@app.command(
    "extract",
    epilog=examples(
        "zhaoyin extract samples/qingdao_chengyang_2024-03.txt",
        "zhaoyin extract report.pdf --format table",
        "zhaoyin extract report.html --backend spacy | jq '.projects[].name'",
    ),
)
def extract_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="One report file (txt, html, pdf, docx).")],
    format: Annotated[
        Literal["json", "table"], typer.Option("--format", "-f", help="json or table.")
    ] = "json",
    backend: Annotated[
        str, typer.Option(help="Entity backend: rules, spacy, hanlp, rules+lac or rules+ner.")
    ] = "rules",
    ocr: Annotated[bool, typer.Option("--ocr", help="OCR scanned PDFs and images.")] = False,
) -> None:
    """Extract one document and print what was found (no database)."""
    from zhaoyin.flows.importing.discover import read_raw
    from zhaoyin.flows.importing.runners import read_and_extract
    from zhaoyin.schemas import QuarantineRecord

    if not file.is_file():
        raise fail(f"cannot read {file}: no such file")
    require_backend(backend)
    raw = read_raw(str(file))
    outcome = raw if isinstance(raw, QuarantineRecord) else read_and_extract(raw, backend=backend, ocr=ocr)
    if isinstance(outcome, QuarantineRecord):
        err_console.print(f"[red]cannot {outcome.stage} {plain(file)}: {plain(outcome.reason)}[/red]")
        raise typer.Exit(1)
    document, extraction = outcome
    extraction = extraction.model_copy(update={"doc": extraction.doc or file.name})
    if format == "json":
        payload = extraction.model_dump(mode="json", exclude={"fingerprint"})  # 128 hashes: for the warehouse
        sys.stdout.write(json_text(payload, indent=2) + "\n")
        return
    console.print(
        f"[bold]{plain(document.title or file.name)}[/bold]  published {extraction.published or '?'}"
    )
    for table in _extraction_tables(extraction):
        console.print(table)
