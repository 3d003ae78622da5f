"""Analyst SQL that cannot change anything and cannot run away: the file opened read-only, statements
vetted by DuckDB's own parser (statement types, then the serialized syntax tree of each SELECT, where a
data-changing node anywhere — a CTE, a subquery, the text given to `query()` — is refused), external access
switched off unless files are explicitly allowed, a statement timeout, a memory limit on the connection,
and results streamed in batches rather than fetched whole."""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from zhaoyin.warehouse.connection import open_with_retry

DEFAULT_TIMEOUT_SECONDS = 60.0
# The connection's memory limit (DuckDB's own default is 80 % of RAM); operators past it spill to disk
# when they can and fail with an out-of-memory error when they cannot.
DEFAULT_MEMORY_LIMIT = os.environ.get("ZHAOYIN_SQL_MEMORY_LIMIT", "1GB")
FETCH_BATCH_ROWS = 2048


class QueryRefused(ValueError):
    """The statement is not a read-only query of the warehouse; `str()` says why."""


class QueryStopped(RuntimeError):
    """The query was stopped by one of its limits; `str()` says which, in one line."""


class QueryTimeout(QueryStopped):
    """The query ran longer than its statement timeout."""


class QueryOutOfMemory(QueryStopped):
    """The query needed more memory than the connection's limit (and could not spill to disk)."""


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


# Query nodes that only read; DELETE/INSERT/UPDATE (with RETURNING) can sit inside a CTE or a subquery.
_READING_QUERY_NODES = {"SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "CTE_NODE"}
_QUERY_NODE_VERB = {
    "DELETE_QUERY_NODE": "DELETE",
    "INSERT_QUERY_NODE": "INSERT",
    "UPDATE_QUERY_NODE": "UPDATE",
    "MERGE_INTO_QUERY_NODE": "MERGE",
    "COPY_QUERY_NODE": "COPY",
}


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


def _query_text_argument(function: dict) -> str:
    """The SQL text given to `query(...)`: one string constant, or refused (a computed text is not vetted)."""
    arguments = [a.get("expression") or {} for a in function.get("arguments") or []]
    arguments = arguments or function.get("children") or []  # the serialization before DuckDB 2
    if len(arguments) == 1 and arguments[0].get("class") == "CONSTANT":
        literal = arguments[0].get("literal") or {}
        value = arguments[0].get("value") or {}
        if literal.get("kind") == "STRING":
            return str(literal.get("text"))
        if (value.get("type") or {}).get("id") == "VARCHAR" and not value.get("is_null"):
            return str(value.get("value"))
    raise QueryRefused("refused: query() takes one string constant here (a computed query cannot be vetted)")


def _check_select(con: duckdb.DuckDBPyConnection, sql: str, *, allow_files: bool, depth: int = 0) -> None:
    tree = _select_tree(con, sql)
    for node in _walk(tree):
        kind = node.get("type")
        if isinstance(kind, str) and kind.endswith("_NODE") and kind not in _READING_QUERY_NODES:
            verb = _QUERY_NODE_VERB.get(kind, kind.removesuffix("_QUERY_NODE").removesuffix("_NODE"))
            raise QueryRefused(
                f"refused: {verb} inside a query (a CTE or subquery) changes data; "
                "`zhaoyin sql` runs read-only queries"
            )
        if kind == "TABLE_FUNCTION":
            function = node.get("function") or {}
            name = str(function.get("function_name", "")).lower()
            if name == "query":
                if depth >= 4:
                    raise QueryRefused("refused: query() nested too deeply")
                for statement in _parse(_query_text_argument(function)):
                    check_statement(con, statement, allow_files=allow_files, depth=depth + 1)
            elif name in FILE_FUNCTIONS:
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
    con: duckdb.DuckDBPyConnection, statement: duckdb.Statement, *, allow_files: bool = False, depth: int = 0
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
        check_statement(con, inner_statements[0], allow_files=allow_files, depth=depth)
        return
    _check_select(con, text, allow_files=allow_files, depth=depth)


def _parse(sql: str) -> list[duckdb.Statement]:
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as error:
        message = " ".join(str(error).split())
        raise QueryRefused(f"refused: cannot parse the query: {message}") from error
    if not statements:
        raise QueryRefused("refused: empty query")
    return statements


def check_query(sql: str, *, allow_files: bool = False) -> list[duckdb.Statement]:
    """Parse and vet every statement of `sql`; returns them, or raises QueryRefused."""
    statements = _parse(sql)
    checker = duckdb.connect(":memory:")
    try:
        for statement in statements:
            check_statement(checker, statement, allow_files=allow_files)
    finally:
        checker.close()
    return statements


class StreamingResult:
    """The last statement's columns and its rows, fetched `FETCH_BATCH_ROWS` at a time as they are read."""

    def __init__(self, cursor: duckdb.DuckDBPyConnection, stopwatch: _Stopwatch):
        self._cursor = cursor
        self._stopwatch = stopwatch
        self.columns: list[str] = [d[0] for d in (cursor.description or [])]

    def batches(self) -> Iterator[list[tuple]]:
        if not self.columns:
            return
        while True:
            with self._stopwatch.translated():
                rows = self._cursor.fetchmany(FETCH_BATCH_ROWS)
            if not rows:
                return
            yield rows

    def __iter__(self) -> Iterator[tuple]:
        for batch in self.batches():
            yield from batch


class _Stopwatch:
    """Interrupts the connection when the statement timeout runs out (DuckDB has no such setting), and
    turns the interruption (or running out of memory) into a one-line error."""

    def __init__(self, con: duckdb.DuckDBPyConnection, timeout: float | None, memory_limit: str | None):
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.fired = False
        self._con = con
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(timeout, self._fire) if timeout else None
        if self._timer is not None:
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            if not self._done:
                self.fired = True
                self._con.interrupt()

    def cancel(self) -> None:
        with self._lock:
            self._done = True
        if self._timer is not None:
            self._timer.cancel()

    @contextmanager
    def translated(self) -> Iterator[None]:
        try:
            yield
        except duckdb.InterruptException as error:
            if self.fired:
                raise QueryTimeout(
                    f"query stopped after {self.timeout:g} s (the statement timeout; "
                    "raise it with --timeout, 0 for none)"
                ) from error
            raise
        except duckdb.OutOfMemoryException as error:
            raise QueryOutOfMemory(
                f"query needs more memory than the {self.memory_limit or 'connection'} limit "
                "(ZHAOYIN_SQL_MEMORY_LIMIT); aggregate or filter more, or select fewer columns"
            ) from error


@contextmanager
def readonly_query(
    path: str | os.PathLike,
    sql: str,
    *,
    allow_files: bool = False,
    wait_seconds: float = 30,
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
) -> Iterator[StreamingResult]:
    """Run `sql` on the warehouse file opened read-only; yields the last statement's streaming result.

    Raises QueryRefused for anything but reads, QueryOutOfMemory past `memory_limit`, QueryTimeout when the statements (and the reading of the
    rows, which stay on the connection until fetched) take longer than `timeout` seconds (None or 0: no
    limit). The connection has a `memory_limit` and external access disabled unless `allow_files` (then
    local files may be read, never written: COPY/EXPORT/ATTACH stay refused).
    """
    statements = check_query(sql, allow_files=allow_files)
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: import something first (zhaoyin import PATH --db {path})"
        )
    config = {} if allow_files else {"enable_external_access": False}
    if memory_limit:
        config["memory_limit"] = memory_limit
    con = open_with_retry(path, read_only=True, wait_seconds=wait_seconds, config=config)
    stopwatch = _Stopwatch(con, timeout if timeout and timeout > 0 else None, memory_limit)
    try:
        if not allow_files:
            con.execute("SET lock_configuration = true")
        with stopwatch.translated():
            for statement in statements[:-1]:
                con.execute(statement.query)
            cursor = con.execute(statements[-1].query)
        yield StreamingResult(cursor, stopwatch)
    finally:
        stopwatch.cancel()
        con.close()


def run_readonly_query(
    path: str | os.PathLike,
    sql: str,
    *,
    allow_files: bool = False,
    wait_seconds: float = 30,
    timeout: float | None = DEFAULT_TIMEOUT_SECONDS,
    memory_limit: str | None = DEFAULT_MEMORY_LIMIT,
    max_rows: int | None = None,
) -> tuple[list[str], list[tuple]]:
    """`readonly_query` with its rows fetched: (columns, rows) of the last statement, all of them or at most
    `max_rows` + 1 (so a caller can tell that more exist). Stream large results with `readonly_query`."""
    with readonly_query(
        path,
        sql,
        allow_files=allow_files,
        wait_seconds=wait_seconds,
        timeout=timeout,
        memory_limit=memory_limit,
    ) as result:
        rows = result if max_rows is None else itertools.islice(result, max_rows + 1)
        return result.columns, list(rows)
