"""Analyst SQL that cannot change anything: the file opened read-only, statements vetted by DuckDB's own
parser (statement types, then the serialized syntax tree of each SELECT), and — unless files are
explicitly allowed — external access switched off on the connection."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import duckdb

from zhaoyin.warehouse.connection import open_with_retry


class QueryRefused(ValueError):
    """The statement is not a read-only query of the warehouse; `str()` says why."""


_ALLOWED_TYPES = {
    duckdb.StatementType.SELECT,
    duckdb.StatementType.EXPLAIN,
    duckdb.StatementType.PRAGMA,
    duckdb.StatementType.CALL,
}
# PRAGMAs that only read (the rest change settings).
_READ_PRAGMAS = {
    "table_info",
    "show",
    "show_tables",
    "show_tables_expanded",
    "show_databases",
    "database_size",
    "database_list",
    "storage_info",
    "metadata_info",
    "version",
    "platform",
    "functions",
    "collations",
    "user_agent",
}
# Table functions that read local or remote files (refused unless allow_files).
FILE_FUNCTIONS = {
    "read_csv",
    "read_csv_auto",
    "sniff_csv",
    "read_parquet",
    "parquet_scan",
    "parquet_metadata",
    "parquet_schema",
    "parquet_file_metadata",
    "parquet_kv_metadata",
    "parquet_bloom_probe",
    "read_json",
    "read_json_auto",
    "read_json_objects",
    "read_json_objects_auto",
    "read_ndjson",
    "read_ndjson_auto",
    "read_ndjson_objects",
    "read_text",
    "read_blob",
    "glob",
    "read_xlsx",
    "iceberg_scan",
    "iceberg_metadata",
    "delta_scan",
    "sqlite_scan",
    "postgres_scan",
    "mysql_scan",
    "read_duckdb",
    "query_table",
}
# Table functions that are safe whatever the settings.
SAFE_TABLE_FUNCTIONS = {"range", "generate_series", "unnest", "json_each", "json_tree", "repeat", "query"}
_SAFE_PREFIXES = ("duckdb_", "pragma_")
_FILE_LIKE = re.compile(
    r"[/\\]|://|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|xlsx|gz|zst|db|duckdb|sqlite)$", re.I
)


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _select_tree(con: duckdb.DuckDBPyConnection, sql: str) -> dict:
    serialized = con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0]
    tree = json.loads(serialized)
    if tree.get("error"):
        raise QueryRefused(f"refused: cannot analyse this statement ({tree.get('error_message')})")
    return tree


def _check_select(con: duckdb.DuckDBPyConnection, sql: str, *, allow_files: bool) -> None:
    tree = _select_tree(con, sql)
    for node in _walk(tree):
        kind = node.get("type")
        if kind == "TABLE_FUNCTION":
            function = node.get("function") or {}
            name = str(function.get("function_name", "")).lower()
            if name in FILE_FUNCTIONS:
                if not allow_files:
                    raise QueryRefused(f"refused: {name}() reads files; pass --allow-files to permit it")
            elif name not in SAFE_TABLE_FUNCTIONS and not name.startswith(_SAFE_PREFIXES):
                if not allow_files:
                    raise QueryRefused(
                        f"refused: table function {name}() is not allowed in read-only queries"
                    )
        elif kind == "BASE_TABLE" and not allow_files:
            table = str(node.get("table_name", ""))
            if not node.get("schema_name") and _FILE_LIKE.search(table):
                raise QueryRefused(f"refused: '{table}' looks like a file; pass --allow-files to read files")
        elif node.get("class") == "FUNCTION":
            name = str(node.get("function_name", "")).lower()
            if name in FILE_FUNCTIONS and not allow_files:
                raise QueryRefused(f"refused: {name}() reads files; pass --allow-files to permit it")


_PRAGMA_NAME = re.compile(r"^\s*pragma\s+([a-z_][a-z0-9_]*)\s*(\(|;|$)", re.I | re.S)
_EXPLAIN = re.compile(r"^\s*explain\s+(analyze\s+)?", re.I)
_CALL = re.compile(r"^\s*call\s+([a-z_][a-z0-9_]*)\s*\(", re.I | re.S)


def check_statement(
    con: duckdb.DuckDBPyConnection, statement: duckdb.Statement, *, allow_files: bool = False
) -> None:
    """Raise QueryRefused unless `statement` only reads."""
    kind = statement.type
    text = statement.query.strip().rstrip(";")
    label = (text.split(None, 1) or [kind.name])[0].upper()
    if kind not in _ALLOWED_TYPES:
        raise QueryRefused(
            f"refused: {label} statements are not allowed; `zhaoyin sql` runs read-only queries"
        )
    if kind == duckdb.StatementType.PRAGMA:
        match = _PRAGMA_NAME.match(text)
        if not match:
            raise QueryRefused(
                f"refused: {label} statements are not allowed; `zhaoyin sql` runs read-only queries"
            )
        if match.group(1).lower() not in _READ_PRAGMAS:
            raise QueryRefused(
                f"refused: PRAGMA {match.group(1)} may change settings; only read-only PRAGMAs are allowed"
            )
        return
    if kind == duckdb.StatementType.CALL:
        match = _CALL.match(text)
        name = match.group(1).lower() if match else ""
        if not name.startswith(_SAFE_PREFIXES) or name in FILE_FUNCTIONS:
            raise QueryRefused(
                f"refused: CALL {name or '…'} is not allowed; only duckdb_*/pragma_* functions"
            )
        _check_select(con, "SELECT * FROM " + text[match.start(1) :], allow_files=False)
        return
    if kind == duckdb.StatementType.EXPLAIN:
        inner = _EXPLAIN.sub("", text, count=1)
        inner_statements = duckdb.extract_statements(inner)
        if len(inner_statements) != 1:
            raise QueryRefused("refused: EXPLAIN of more than one statement")
        check_statement(con, inner_statements[0], allow_files=allow_files)
        return
    _check_select(con, text, allow_files=allow_files)


def check_query(sql: str, *, allow_files: bool = False) -> list[duckdb.Statement]:
    """Parse and vet every statement of `sql`; returns them, or raises QueryRefused."""
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryRefused(f"refused: cannot parse the query: {error}") from error
    if not statements:
        raise QueryRefused("refused: empty query")
    checker = duckdb.connect(":memory:")
    try:
        for statement in statements:
            check_statement(checker, statement, allow_files=allow_files)
    finally:
        checker.close()
    return statements


def run_readonly_query(
    path: str | os.PathLike,
    sql: str,
    *,
    allow_files: bool = False,
    wait_seconds: float = 30,
    max_rows: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """Run `sql` on the warehouse file opened read-only. Returns (columns, rows) of the last statement:
    all of them, or at most `max_rows` + 1 (so a caller can tell that more exist).

    Raises QueryRefused for anything but reads; the connection has external access disabled unless
    `allow_files` (then local files may be read, never written: COPY/EXPORT/ATTACH stay refused).
    """
    statements = check_query(sql, allow_files=allow_files)
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: import something first (zhaoyin import PATH --db {path})"
        )
    config = {} if allow_files else {"enable_external_access": False}
    con = open_with_retry(path, read_only=True, wait_seconds=wait_seconds, config=config)
    try:
        if not allow_files:
            con.execute("SET lock_configuration = true")
        columns: list[str] = []
        rows: list[tuple] = []
        for statement in statements:
            cursor = con.execute(statement.query)
            columns = [d[0] for d in (cursor.description or [])]
            if not cursor.description:
                rows = []
            elif max_rows is None:
                rows = cursor.fetchall()
            else:
                rows = cursor.fetchmany(max_rows + 1)
        return columns, rows
    finally:
        con.close()
