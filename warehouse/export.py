"""Export the analyst views and the tables to Parquet, CSV or one Excel workbook.

Views come first (they are what people open), then tables; the warehouse's own bookkeeping (schema
version, search and near-duplicate indexes) is left out. CSV is written for Excel by default: a UTF-8 BOM
(without one, Excel on a Chinese Windows machine reads the file as GBK and shows mojibake) and text cells
that start with = + - @ prefixed with ' so a spreadsheet shows them instead of evaluating them (OWASP's
advice on CSV injection). `excel=False` writes plain UTF-8 with every value unchanged. In xlsx such cells
are stored as text, the header row is frozen and filterable.
"""

from __future__ import annotations

import json
import math
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv", "xlsx")
# Search and near-duplicate indexes, the blocking keys of project linking, the summaries' bookkeeping and the
# schema's: only meaningful inside the warehouse.
NOT_EXPORTED = {
    "doc_terms",
    "doc_lengths",
    "doc_minhash",
    "doc_lsh",
    "project_blocks",
    "district_value_counts",
    "summary_company_names",
    "summary_reprints",
    "schema_version",
    "warehouse_meta",
}
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CELL = 32_767
UTF8_BOM = b"\xef\xbb\xbf"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
WORKBOOK_NAME = "zhaoyin.xlsx"


class ExportError(ValueError):
    """The export cannot be written as asked (the target exists, is not a folder …); `str()` says why."""


def exportable_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Views (analysts' first stop) then tables of the main schema, each in name order."""
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal "
        "AND database_name = current_database() ORDER BY view_name"
    ).fetchall()
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal "
        "AND database_name = current_database() ORDER BY table_name"
    ).fetchall()
    return [name for (name,) in views + tables if name not in NOT_EXPORTED]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def planned_files(con: duckdb.DuckDBPyConnection, out_dir: str | Path, fmt: str) -> list[Path]:
    out = Path(out_dir)
    if fmt == "xlsx":
        return [out / WORKBOOK_NAME]
    return [out / f"{name}.{fmt}" for name in exportable_relations(con)]


def export_warehouse(
    con: duckdb.DuckDBPyConnection,
    out_dir: str | Path,
    fmt: str = "parquet",
    *,
    excel: bool = True,
    overwrite: bool = True,
) -> list[Path]:
    """Write every view and table to `out_dir` (one file each; xlsx: one workbook, a sheet each).

    Raises ExportError before writing anything when `out_dir` is a file, or when a file would be replaced
    and `overwrite` is false.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder: give a folder to export into")
    targets = planned_files(con, out, fmt)
    if not overwrite:
        existing = [path for path in targets if path.exists()]
        if existing:
            more = f" (and {len(existing) - 1} more files)" if len(existing) > 1 else ""
            raise ExportError(f"{existing[0]} already exists{more}: pass --force to replace")
    out.mkdir(parents=True, exist_ok=True)
    relations = exportable_relations(con)
    if fmt == "xlsx":
        return [_export_xlsx(con, relations, out / WORKBOOK_NAME)]
    written = []
    for name in relations:
        target = out / f"{name}.{fmt}"
        if fmt == "parquet":
            _copy(con, f"SELECT * FROM {_quote(name)}", target, "FORMAT parquet, COMPRESSION zstd")
        elif excel:
            _csv_for_excel(con, name, target)
        else:
            _copy(con, f"SELECT * FROM {_quote(name)}", target, "FORMAT csv, HEADER true")
        written.append(target)
    return written


def _copy(con: duckdb.DuckDBPyConnection, select: str, target: Path, options: str) -> None:
    literal = str(target).replace("'", "''")
    con.execute(f"COPY ({select}) TO '{literal}' ({options})")


def _csv_for_excel(con: duckdb.DuckDBPyConnection, name: str, target: Path) -> None:
    """CSV with a BOM, text cells that a spreadsheet would evaluate prefixed with '."""
    columns = con.execute(f"DESCRIBE SELECT * FROM {_quote(name)}").fetchall()
    starts = "".join("\\" + c if c in "-" else c for c in FORMULA_STARTS)
    select = ", ".join(
        f"CASE WHEN regexp_matches({_quote(col)}, '^[{starts}]') THEN '''' || {_quote(col)} "
        f"ELSE {_quote(col)} END AS {_quote(col)}"
        if kind == "VARCHAR"
        else _quote(col)
        for col, kind, *_ in columns
    )
    staging = target.with_name(target.name + ".part")
    try:
        _copy(con, f"SELECT {select} FROM {_quote(name)}", staging, "FORMAT csv, HEADER true")
        with target.open("wb") as sink, staging.open("rb") as source:
            sink.write(UTF8_BOM)
            shutil.copyfileobj(source, sink, 1 << 20)
    finally:
        staging.unlink(missing_ok=True)


def _excel_value(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list | dict | tuple):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > EXCEL_MAX_CELL:
            value = value[: EXCEL_MAX_CELL - 1] + "…"
    return value


def _export_xlsx(con: duckdb.DuckDBPyConnection, relations: list[str], target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for name in relations:
        sheet = workbook.create_sheet(title=name[:31])
        sheet.freeze_panes = "A2"
        cursor = con.execute(f"SELECT * FROM {_quote(name)} LIMIT {EXCEL_MAX_ROWS}")
        header = [d[0] for d in cursor.description]
        for index, column in enumerate(header, 1):
            sheet.column_dimensions[get_column_letter(index)].width = min(max(len(column) + 4, 12), 48)
        heading = []
        for column in header:
            cell = WriteOnlyCell(sheet, value=column)
            cell.font = bold
            heading.append(cell)
        sheet.append(heading)
        rows = 0
        while batch := cursor.fetchmany(5000):
            for row in batch:
                cells = []
                for value in row:
                    value = _excel_value(value)
                    if isinstance(value, str) and value.startswith("="):
                        cell = WriteOnlyCell(sheet, value=value)
                        cell.data_type = "s"  # text, not a formula
                        cells.append(cell)
                    else:
                        cells.append(value)
                sheet.append(cells)
            rows += len(batch)
        sheet.auto_filter.ref = f"A1:{get_column_letter(max(1, len(header)))}{rows + 1}"
    workbook.save(target)
    return target


def excel_cell(value):
    """A value as a spreadsheet-safe CSV cell: text that would run as a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def csv_for_excel(columns: list[str], rows: list[tuple]) -> bytes:
    """Rows as CSV bytes the way `export --format csv` writes files: UTF-8 with a BOM, formulas as text."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([excel_cell(v) for v in row] for row in rows)
    return UTF8_BOM + buffer.getvalue().encode("utf-8")
