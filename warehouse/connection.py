"""Opening the warehouse file: waiting for the one writer DuckDB allows, and migrating the schema.

DuckDB lets one process open a file for writing and then nobody else may open it, not even to read. Long jobs
(imports, crawls) therefore open the file only while they write a batch (`writing`), and a reader that finds
the file locked says so in a sidecar file (`<db>.readers-waiting`, touched while it retries): a writer that has
just closed the file sees it and steps aside for a moment, so readers get in between batches instead of
racing the writer for the lock.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

MIGRATIONS_PACKAGE = "zhaoyin.warehouse.migrations"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")
# Longest pause between two attempts to open a locked file: short, so a reader catches the gap between
# two batches of a writer.
MAX_RETRY_DELAY = 0.25
# A reader's mark younger than this means it is still waiting; the writer then leaves the file closed for
# STEP_ASIDE_SECONDS (a few of the reader's retry intervals).
READER_MARK_FRESH_SECONDS = 1.0
STEP_ASIDE_SECONDS = 4 * MAX_RETRY_DELAY
# How long a writer between batches waits for readers (whose queries stop at their own timeout).
WRITER_WAIT_SECONDS = 600.0
# DuckDB would otherwise download and load an extension when a file or function needs one (a SQLite file
# passed as the warehouse fetches sqlite_scanner from the network).
NO_EXTENSION_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
# The name under which a writable connection attaches the file (and then USEs it, so SQL needs no prefix).
WRITER_ALIAS = "warehouse"
# Rows per row group of a writable connection. DuckDB's checkpoint at each COMMIT rewrites the last row group
# of every table a batch appended to, whole; at its default (122,880 rows) that is every document text of a
# warehouse of 100,000 reports, rewritten for each batch. With small row groups a batch rewrites at most one
# small group per table and the rows before it are never touched again. DuckDB does not store the size in
# the file: it is an option of ATTACH, so every writable open goes through `_open_writable`.
ROW_GROUP_SIZE_ENV = "ZHAOYIN_ROW_GROUP_SIZE"
DEFAULT_ROW_GROUP_SIZE = 2048
# DuckDB's buffer pool of a writable connection (its default is 80 % of the RAM, and it keeps what the writer's
# joins touched): above the limit DuckDB evicts pages and spills intermediates to `<db>.tmp`.
WRITER_MEMORY_LIMIT_ENV = "ZHAOYIN_WRITER_MEMORY_LIMIT"
DEFAULT_WRITER_MEMORY_LIMIT = "1GB"


class WarehouseBusy(RuntimeError):
    """Another process holds DuckDB's write lock on the file for longer than we were willing to wait."""


def _is_lock_conflict(error: Exception) -> bool:
    message = str(error).lower()
    return "lock" in message and ("conflicting" in message or "could not set" in message)


def open_with_retry(
    path: str | os.PathLike, *, read_only: bool, wait_seconds: float, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """duckdb.connect (a read-only one) or `_open_writable`, retried with backoff while another process holds
    the file's lock."""
    deadline = time.monotonic() + max(0.0, wait_seconds)
    delay = 0.02
    while True:
        try:
            if not read_only:
                return _open_writable(path, config)
            return duckdb.connect(
                str(path), read_only=True, config={**NO_EXTENSION_DOWNLOADS, **(config or {})}
            )
        except duckdb.IOException as error:
            if not _is_lock_conflict(error):
                raise
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise WarehouseBusy(
                    f"another zhaoyin process is writing to {path}; waited {wait_seconds:g} s "
                    f"(DuckDB allows one writer process at a time — retry when it has finished)"
                ) from error
            if read_only:
                _mark_reader_waiting(path)
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, MAX_RETRY_DELAY)


def row_group_size() -> int:
    """`ZHAOYIN_ROW_GROUP_SIZE` or the default: a multiple of DuckDB's vector size (2,048 rows)."""
    raw = os.environ.get(ROW_GROUP_SIZE_ENV, "").strip()
    if not raw:
        return DEFAULT_ROW_GROUP_SIZE
    try:
        size = int(raw)
    except ValueError:
        raise ValueError(f"{ROW_GROUP_SIZE_ENV}={raw!r} is not a number of rows") from None
    if size < 2048 or size % 2048:
        raise ValueError(f"{ROW_GROUP_SIZE_ENV}={raw!r}: the row group size must be a multiple of 2048")
    return size


def writer_memory_limit() -> str:
    """`ZHAOYIN_WRITER_MEMORY_LIMIT` (DuckDB's syntax: 1GB, 512MB…) or the default."""
    return os.environ.get(WRITER_MEMORY_LIMIT_ENV, "").strip() or DEFAULT_WRITER_MEMORY_LIMIT


def _open_writable(path: str | os.PathLike, config: dict | None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that ATTACHes the file with the writer's row group size and USEs it.

    Spills go to `<db>.tmp`, where DuckDB puts them for a file it opens itself (for an in-memory database it
    would use the working directory)."""
    con = duckdb.connect(
        ":memory:",
        config={
            **NO_EXTENSION_DOWNLOADS,
            "memory_limit": writer_memory_limit(),
            "temp_directory": f"{os.fspath(path)}.tmp",
            **(config or {}),
        },
    )
    quoted = os.fspath(path).replace("'", "''")
    try:
        con.execute(f"ATTACH '{quoted}' AS {WRITER_ALIAS} (ROW_GROUP_SIZE {row_group_size()})")
        con.execute(f"USE {WRITER_ALIAS}")
    except BaseException:
        con.close()
        raise
    return con


def _reader_mark(path: str | os.PathLike) -> Path:
    return Path(f"{os.fspath(path)}.readers-waiting")


def _mark_reader_waiting(path: str | os.PathLike) -> None:
    try:
        _reader_mark(path).touch()
    except OSError:  # a read-only folder: the reader still gets in, only less promptly
        pass


def step_aside_for_readers(path: str | os.PathLike) -> bool:
    """Called by a writer that has just closed the file: when a reader is waiting, keep the file closed for
    a moment so the reader can open it. Returns whether it waited."""
    mark = _reader_mark(path)
    try:
        age = time.time() - mark.stat().st_mtime
    except OSError:
        return False
    if age > READER_MARK_FRESH_SECONDS:
        return False
    time.sleep(STEP_ASIDE_SECONDS)
    try:
        if time.time() - mark.stat().st_mtime > STEP_ASIDE_SECONDS / 2:
            mark.unlink()  # every waiting reader got in; a new one writes the mark again
    except OSError:
        pass
    return True


def migration_files() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every file in warehouse/migrations, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def views_sql() -> str:
    return resources.files("zhaoyin.warehouse").joinpath("views.sql").read_text(encoding="utf-8")


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not applied yet (each in its own transaction) and refresh the views.

    A migration `NNN_name.sql` may come with a module `NNN_name.py` whose `upgrade(con)` runs after the SQL in
    the same transaction: it fills what SQL alone cannot (rows derived by Python from existing rows).
    Returns the names of the migrations applied.
    """
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL,"
        " applied_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)"
    )
    con.execute("CREATE TABLE IF NOT EXISTS warehouse_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    done = []
    for version, name, sql in migration_files():
        if version in applied:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            _python_step(name, con)
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(name)
    _refresh_views(con)
    return done


def _python_step(name: str, con: duckdb.DuckDBPyConnection) -> None:
    """Run the `upgrade` of the module that comes with the migration file `name`, if there is one."""
    stem = name.removesuffix(".sql")
    if resources.files(MIGRATIONS_PACKAGE).joinpath(f"{stem}.py").is_file():
        importlib.import_module(f"{MIGRATIONS_PACKAGE}.{stem}").upgrade(con)


def _refresh_views(con: duckdb.DuckDBPyConnection) -> None:
    sql = views_sql()
    checksum = hashlib.sha256(sql.encode()).hexdigest()
    row = next(
        iter(con.execute("SELECT value FROM warehouse_meta WHERE key = 'views_sha256'").fetchall()), None
    )
    if row and row[0] == checksum:
        return
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(sql)
        con.execute(
            "INSERT OR REPLACE INTO warehouse_meta VALUES ('views_sha256', ?)",
            [checksum],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def connect(
    path: str | os.PathLike, *, read_only: bool = False, wait_seconds: float = 30
) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating when writable) the warehouse at `path`.

    DuckDB lets one process write a file at a time: while another process holds it, this retries with
    backoff for up to `wait_seconds`, then raises `WarehouseBusy`.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise FileNotFoundError(
            f"no warehouse at {path}: import something first (zhaoyin import PATH --db {path})"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = open_with_retry(path, read_only=read_only, wait_seconds=wait_seconds)
    if not read_only:
        try:
            migrate(con)
        except Exception:
            con.close()
            raise
    return con


@contextmanager
def writing(
    path: str | os.PathLike, *, wait_seconds: float = WRITER_WAIT_SECONDS
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection held only for one short unit of work (a batch), then closed — DuckDB's file
    lock goes with it, so readers get in between batches — and a moment left to a reader that waits."""
    con = connect(path, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()
        step_aside_for_readers(path)
