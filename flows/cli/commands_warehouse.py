"""Commands on the warehouse: `sql`, `search`, `export`, `report`, `reextract`.

Reading commands open the file read-only, so they can run beside an import (waiting for its current
batch to commit when DuckDB's single-writer lock is held).
"""

from __future__ import annotations

import itertools
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from zhaoyin.flows.cli.app import (
    DEFAULT_DB_PATH,
    EXIT_PARTIAL,
    EXIT_USAGE,
    DbOption,
    JsonOption,
    app,
    console,
    examples,
    fail,
    open_warehouse,
    require_backend,
)
from zhaoyin.flows.cli.output import emit_json, fits_as_table, plain, print_rows

WAIT_SECONDS = 30
DISPLAY_LIMIT = 100
LINE_LIMIT = 10
DEFAULT_TIMEOUT_SECONDS = 60.0


class RowFormat(StrEnum):
    table = "table"
    line = "line"
    csv = "csv"
    json = "json"
    markdown = "markdown"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    xlsx = "xlsx"


@app.command(
    "sql",
    epilog=examples(
        'zhaoyin sql "select name, district, amount_yuan / 1e8 as 亿元 from v_projects order by 3 desc"',
        'zhaoyin sql "select * from v_projects" --format line      # one column per line',
        'zhaoyin sql "select * from v_district_period" --format markdown --limit 0',
        'zhaoyin sql "select * from v_projects" --csv > projects.csv',
    ),
)
def sql_command(
    query: Annotated[
        str,
        typer.Argument(metavar="QUERY", help='A read-only query, e.g. "SELECT * FROM v_projects LIMIT 5".'),
    ],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: Annotated[
        RowFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (cells cut to one line), line (one column per line), csv, json or markdown. "
            "Default: table, or line when the columns do not fit the terminal.",
            show_default=False,
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=0,
            help=f"Most rows to print; 0 for all. Default: {DISPLAY_LIMIT} for table, line and markdown, "
            "all for csv and json.",
        ),
    ] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Same as --format csv.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    allow_files: Annotated[
        bool, typer.Option("--allow-files", help="Allow reading local files (read_csv, read_parquet, …).")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no limit).")
    ] = DEFAULT_TIMEOUT_SECONDS,
) -> None:
    """Run read-only SQL on the warehouse (tables, v_* views; see docs/warehouse.md)."""
    import duckdb

    from zhaoyin.warehouse.readonly import QueryRefused, QueryStopped, readonly_query

    fmt = RowFormat.json if as_json else RowFormat.csv if as_csv else fmt
    automatic = fmt is None
    fmt = fmt or RowFormat.table
    asked_limit = limit
    if limit is None:
        limit = 0 if fmt in (RowFormat.csv, RowFormat.json) else DISPLAY_LIMIT
    open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS).close()
    try:
        with readonly_query(
            db, query, allow_files=allow_files, wait_seconds=WAIT_SECONDS, timeout=timeout or None
        ) as result:
            columns = result.columns
            if fmt in (RowFormat.csv, RowFormat.json) and not limit:
                print_rows(console, columns, result, fmt.value)  # streamed as the rows are fetched
                return
            rows = list(itertools.islice(result, limit + 1)) if limit else list(result)
    except QueryRefused as error:  # DuckDB's parser adds a LINE/caret drawing: the first line says it
        raise fail(str(error).splitlines()[0], EXIT_USAGE) from None
    except QueryStopped as error:
        raise fail(str(error), EXIT_PARTIAL) from None
    except duckdb.Error as error:
        raise fail(f"{type(error).__name__}: {' '.join(str(error).split())}", EXIT_PARTIAL) from None
    shown = fmt.value
    note = ""
    if automatic and not fits_as_table(columns, rows, console.width):
        shown = "line"
        note = f" · {len(columns)} columns, one per line (--format table forces a table)"
        if asked_limit is None:  # a wide `select *` shows a sample, not a wall of text
            limit = LINE_LIMIT
    more = bool(limit) and len(rows) > limit
    rows = rows[:limit] if limit else rows
    caption = f"{len(rows)} row{'s' if len(rows) != 1 else ''}"
    if more:
        caption = f"first {limit} rows shown; more exist (--limit N, or 0 for all)"
    caption += note
    print_rows(console, columns, rows, shown, caption=caption if shown not in ("csv", "json") else None)


@app.command(
    "search",
    epilog=examples(
        'zhaoyin search "宁远 动力电池"',
        "zhaoyin search 城阳区 签约 -n 20",
        "zhaoyin search 宁远 --json | jq '.[0].snippet'",
    ),
)
def search_command(
    query: Annotated[
        str, typer.Argument(metavar="WORDS", help='Words separated by spaces, e.g. "宁远 动力电池".')
    ],
    extra_words: Annotated[
        list[str] | None, typer.Argument(metavar="[WORDS]...", help="More words.", show_default=False)
    ] = None,
    db: DbOption = DEFAULT_DB_PATH,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many documents.")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Chinese full-text search over the imported documents (BM25 over character bigrams)."""
    from zhaoyin.warehouse.search import search

    query = " ".join([query, *(extra_words or [])])
    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        hits = search(con, query, limit=limit)
    finally:
        con.close()
    if as_json:
        emit_json([h.as_dict() for h in hits])
        return
    if not hits:
        console.print(f"no documents match {plain(query)!r}", highlight=False)
        return
    for rank, hit in enumerate(hits, 1):
        heading = hit.title or hit.source
        console.print(
            f"[bold]{rank}. {plain(heading)}[/]  [dim]{plain(hit.published or '')} · {hit.doc_id} · "
            f"score {hit.score:.2f}[/]",
            highlight=False,
        )
        console.print(f"   {highlighted(hit.snippet, hit.highlights)}", highlight=False)
        console.print(f"   [dim]{plain(hit.source)}[/]", highlight=False)


def highlighted(snippet: str, highlights, style: str = "bold yellow") -> str:
    """A search snippet as rich markup: the query words styled, everything else printed as written."""
    out, last = [], 0
    for start, end in highlights:
        out += [plain(snippet[last:start]), f"[{style}]{plain(snippet[start:end])}[/]"]
        last = end
    out.append(plain(snippet[last:]))
    return "".join(out)


@app.command(
    "export",
    epilog=examples(
        "zhaoyin export out/ --format xlsx          # one workbook: views first, header frozen",
        "zhaoyin export out/ --format csv           # for Excel: UTF-8 BOM, formulas shown as text",
        "zhaoyin export out/ --format csv --no-excel  # plain UTF-8, values unchanged",
        "zhaoyin export out/ --format parquet --force",
    ),
)
def export_command(
    out: Annotated[Path, typer.Argument(metavar="FOLDER", help="Folder to write into (created if missing).")],
    db: DbOption = DEFAULT_DB_PATH,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = ExportFormat.parquet,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel/--no-excel",
            help="CSV for spreadsheets: a UTF-8 BOM and text cells starting with = + - @ prefixed with '.",
        ),
    ] = True,
    force: Annotated[bool, typer.Option("--force", help="Replace files a previous export wrote.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Export the analyst views and tables (parquet/csv: a file each; xlsx: one workbook, a sheet each)."""
    from zhaoyin.warehouse.export import ExportError, export_warehouse

    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        written = export_warehouse(con, out, fmt.value, excel=excel, overwrite=force)
    except ExportError as error:
        raise fail(str(error), EXIT_USAGE) from None
    finally:
        con.close()
    if as_json:
        emit_json({"folder": str(out), "format": fmt.value, "files": [str(p) for p in written]})
        return
    console.print(f"wrote {len(written)} file(s) to {plain(out)}", highlight=False)
    for path in written:
        console.print(f"  {plain(path)}", highlight=False)


@app.command(
    "report",
    epilog=examples("zhaoyin report", "zhaoyin report --out reports/2025Q3.html --db archive.duckdb"),
)
def report_command(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="HTML file to write (its folder must exist).")
    ] = Path("report.html"),
    db: DbOption = DEFAULT_DB_PATH,
    as_json: JsonOption = False,
) -> None:
    """Write one static HTML report (charts and the largest projects) that opens offline."""
    from zhaoyin.warehouse.report import build_report

    if out.is_dir():
        raise fail(f"{out} is a folder: give the HTML file to write, e.g. --out {out / 'report.html'}")
    if not out.parent.is_dir():
        raise fail(f"cannot write {out}: no folder {out.parent}")
    con = open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS)
    try:
        page = build_report(con)
    finally:
        con.close()
    out.write_text(page, encoding="utf-8")
    if as_json:
        emit_json({"path": str(out), "bytes": len(page.encode("utf-8"))})
        return
    console.print(f"wrote {plain(out)} ({len(page) // 1024} KiB)", highlight=False)


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


@app.command(
    "reextract",
    epilog=examples("zhaoyin reextract", "zhaoyin reextract --backend spacy --db archive.duckdb --json"),
)
def reextract_command(
    db: DbOption = DEFAULT_DB_PATH,
    backend: Annotated[str, typer.Option(help="Entity backend: rules | spacy | hanlp.")] = "rules",
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per transaction.")] = 200,
    as_json: JsonOption = False,
) -> None:
    """Re-run extraction on the stored texts and replace each document's records (after an upgrade)."""
    from zhaoyin import warehouse
    from zhaoyin.extractors.pipeline import EXTRACTOR_VERSION, extract

    require_backend(backend)
    open_warehouse(db, read_only=True, wait_seconds=WAIT_SECONDS).close()
    con = warehouse.connect(db, wait_seconds=WAIT_SECONDS)
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
    if as_json:
        emit_json(
            {
                "documents": replaced,
                "extractor_version": EXTRACTOR_VERSION,
                "backend": backend,
                "records": totals,
            }
        )
        return
    table = Table(
        title=f"re-extracted {replaced} documents (extractor {EXTRACTOR_VERSION}, backend {backend})"
    )
    table.add_column("records")
    table.add_column("count", justify="right")
    for kind, count in totals.items():
        table.add_row(kind, str(count))
    console.print(table)
