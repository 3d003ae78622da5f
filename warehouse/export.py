"""Export every table and analyst view to Parquet, CSV or one Excel workbook."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import duckdb

FORMATS = ("parquet", "csv", "xlsx")
# Search and near-duplicate index internals: large and only meaningful inside the warehouse.
NOT_EXPORTED = {"doc_terms", "doc_lengths", "doc_minhash"}
EXCEL_MAX_ROWS = 1_048_575
EXCEL_MAX_CELL = 32_767


def exportable_relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables then views of the main schema, in name order."""
    tables = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal "
        "AND database_name = current_database() ORDER BY table_name"
    ).fetchall()
    views = con.execute(
        "SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal "
        "AND database_name = current_database() ORDER BY view_name"
    ).fetchall()
    return [name for (name,) in tables + views if name not in NOT_EXPORTED]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def export_warehouse(con: duckdb.DuckDBPyConnection, out_dir: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write every table and view to `out_dir` (one file each; xlsx: one workbook, a sheet each)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    relations = exportable_relations(con)
    if fmt == "xlsx":
        return [_export_xlsx(con, relations, out / "zhaoyin.xlsx")]
    written = []
    for name in relations:
        target = out / f"{name}.{fmt}"
        options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
        literal = str(target).replace("'", "''")
        con.execute(f"COPY (SELECT * FROM {_quote(name)}) TO '{literal}' ({options})")
        written.append(target)
    return written


def _excel_value(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, list | dict | tuple):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > EXCEL_MAX_CELL:
            value = value[: EXCEL_MAX_CELL - 1] + "…"
    return value


def _export_xlsx(con: duckdb.DuckDBPyConnection, relations: list[str], target: Path) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name in relations:
        sheet = workbook.create_sheet(title=name[:31])
        cursor = con.execute(f"SELECT * FROM {_quote(name)} LIMIT {EXCEL_MAX_ROWS}")
        sheet.append([d[0] for d in cursor.description])
        while batch := cursor.fetchmany(5000):
            for row in batch:
                sheet.append([_excel_value(v) for v in row])
    workbook.save(target)
    return target
