"""Commands on the warehouse: `sql`, `search`, `export`, `report`, `reextract`.

Reading commands open the file read-only, so they can run beside an import (waiting for its current
batch to commit when DuckDB's single-writer lock is held).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhaoyin.flows.cli.app import DEFAULT_DB_PATH, DbOption, app, console, err_console, plain, require_backend

WAIT_SECONDS = 30
DEFAULT_TIMEOUT_SECONDS = 60.0


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return plain(value)


def _fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {plain(message)}", highlight=False)
    return typer.Exit(code)


def _require_db(db: Path) -> None:
    if not db.exists():
        raise _fail(f"no warehouse at {db}: import something first (zhaoyin import PATH --db {db})")


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(help='A read-only query, e.g. "SELECT * FROM v_projects LIMIT 5".')],
    db: DbOption = DEFAULT_DB_PATH,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV on stdout.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON rows on stdout.")] = False,
    allow_files: Annotated[
        bool, typer.Option("--allow-files", help="Allow reading local files (read_csv, read_parquet, …).")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no limit).")
    ] = DEFAULT_TIMEOUT_SECONDS,
) -> None:
    """Run read-only SQL on the warehouse (tables, v_* views; see docs/warehouse.md)."""
    import duckdb

    from zhaoyin.warehouse import WarehouseBusy
    from zhaoyin.warehouse.readonly import QueryRefused, QueryStopped, readonly_query

    _require_db(db)
    try:
        with readonly_query(
            db, query, allow_files=allow_files, wait_seconds=WAIT_SECONDS, timeout=timeout
        ) as result:
            _print_rows(result.columns, result, as_csv=as_csv, as_json=as_json)
    except QueryRefused as error:
        raise _fail(str(error), 2) from None
    except WarehouseBusy as error:
        raise _fail(str(error), 3) from None
    except QueryStopped as error:
        raise _fail(str(error)) from None
    except duckdb.Error as error:
        raise _fail(f"{type(error).__name__}: {error}") from None


def _print_rows(columns: list[str], rows: Iterable[tuple], *, as_csv: bool, as_json: bool) -> None:
    """CSV and JSON are written as the rows stream in; the table needs them all."""
    if as_json:
        sys.stdout.write("[")
        for number, row in enumerate(rows):
            item = json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=_jsonable)
            sys.stdout.write(("," if number else "") + "\n " + item)
        sys.stdout.write("\n]\n")
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        rows = list(rows)
        table = Table(caption=f"{len(rows)} rows")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(v) for v in row))
        console.print(table)


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help='Words separated by spaces, e.g. "宁德时代 换电".')],
    db: DbOption = DEFAULT_DB_PATH,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many documents.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON on stdout.")] = False,
) -> None:
    """Chinese full-text search over the imported documents (BM25 over character bigrams)."""
    from zhaoyin import warehouse
    from zhaoyin.warehouse.search import search

    _require_db(db)
    try:
        con = warehouse.connect(db, read_only=True, wait_seconds=WAIT_SECONDS)
    except warehouse.WarehouseBusy as error:
        raise _fail(str(error), 3) from None
    try:
        hits = search(con, query, limit=limit)
    finally:
        con.close()
    if as_json:
        sys.stdout.write(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=1) + "\n")
        return
    if not hits:
        console.print(f"no documents match {query!r}")
        return
    for rank, hit in enumerate(hits, 1):
        heading = hit.title or hit.source
        console.print(
            f"[bold]{rank}. {plain(heading)}[/]  [dim]{hit.published or ''} · {hit.doc_id} · "
            f"score {hit.score:.2f}[/]",
            highlight=False,
        )
        console.print(f"   {hit.rich_snippet()}", highlight=False)
        console.print(f"   [dim]{plain(hit.source)}[/]", highlight=False)


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Argument(help="Folder to write into (created if missing).")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: Annotated[str, typer.Option("--format", "-f", help="parquet | csv | xlsx")] = "parquet",
) -> None:
    """Export every table and view (parquet/csv: a file each; xlsx: one workbook, a sheet each)."""
    from zhaoyin import warehouse
    from zhaoyin.warehouse.export import FORMATS, export_warehouse

    if fmt not in FORMATS:
        raise _fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}", 2)
    _require_db(db)
    try:
        con = warehouse.connect(db, read_only=True, wait_seconds=WAIT_SECONDS)
    except warehouse.WarehouseBusy as error:
        raise _fail(str(error), 3) from None
    try:
        written = export_warehouse(con, out, fmt)
    finally:
        con.close()
    console.print(f"wrote {len(written)} file(s) to {out}")
    for path in written:
        console.print(f"  {path}", highlight=False)


@app.command("report")
def report_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("report.html"),
    db: DbOption = DEFAULT_DB_PATH,
) -> None:
    """Write one static HTML report (charts and the largest projects) that opens offline."""
    from zhaoyin import warehouse
    from zhaoyin.warehouse.report import build_report

    _require_db(db)
    try:
        con = warehouse.connect(db, read_only=True, wait_seconds=WAIT_SECONDS)
    except warehouse.WarehouseBusy as error:
        raise _fail(str(error), 3) from None
    try:
        page = build_report(con)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    console.print(f"wrote {out} ({len(page) // 1024} KiB)")


def stored_document(row: dict):
    """Rebuild a `schemas.Document` from the columns of `documents`."""
    from zhaoyin.schemas import Document, PageSpan

    pages = json.loads(row["pages"]) if row.get("pages") else []
    meta = json.loads(row["meta"]) if row.get("meta") else {}
    return Document(
        text=row["text"],
        title=row["title"],
        published=row["published"],
        byline=row["byline"],
        source=row["source"],
        media_type=row["media_type"] or "text/plain",
        encoding=row["encoding"],
        pages=[PageSpan(**p) for p in pages],
        sha256=row["sha256"],
        fetched_at=row["fetched_at"],
        meta=meta if isinstance(meta, dict) else {},
    )


@app.command("reextract")
def reextract_command(
    db: DbOption = DEFAULT_DB_PATH,
    backend: Annotated[str, typer.Option(help="Entity backend: rules | spacy | hanlp.")] = "rules",
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 200,
) -> None:
    """Re-run extraction on the stored texts and replace each document's records (after an upgrade)."""
    from zhaoyin import warehouse
    from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION, extract

    _require_db(db)
    require_backend(backend)
    try:
        con = warehouse.connect(db, wait_seconds=WAIT_SECONDS)
    except warehouse.WarehouseBusy as error:
        raise _fail(str(error), 3) from None
    columns = ("doc_id", "text", "title", "published", "byline", "source", "media_type", "encoding", "pages")
    columns += ("sha256", "fetched_at", "meta")
    totals: dict[str, int] = {}
    replaced = 0
    try:
        # Replace batch by batch, then re-link all projects once from scratch: grouping then depends only on
        # the new records (a second run changes nothing), and projects keep the ids they had before.
        previous_ids = warehouse.current_links(con)
        doc_ids = [
            r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY load_seq, doc_id").fetchall()
        ]
        for start in range(0, len(doc_ids), batch_size):
            chunk = doc_ids[start : start + batch_size]
            rows = con.execute(
                f"SELECT {', '.join(columns)} FROM documents WHERE doc_id IN (SELECT unnest(?))", [chunk]
            ).fetchall()
            items = []
            for values in rows:
                document = stored_document(dict(zip(columns, values, strict=True)))
                items.append((document, extract(document, backend=backend)))
            result = warehouse.replace_extractions(con, items, refresh=False)
            replaced += result.replaced_documents
            for kind, count in result.counts.items():
                totals[kind] = totals.get(kind, 0) + count
        warehouse.rebuild_resolution(con, previous_ids)
    finally:
        con.close()
    table = Table(
        title=f"re-extracted {replaced} documents (extractor {EXTRACTOR_VERSION}, backend {backend})"
    )
    table.add_column("records")
    table.add_column("count", justify="right")
    for kind, count in totals.items():
        table.add_row(kind, str(count))
    console.print(table)
