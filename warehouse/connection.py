"""Opening the warehouse file: waiting for the one writer DuckDB allows, and migrating the schema."""

from __future__ import annotations

import hashlib
import os
import re
import time
from importlib import resources
from pathlib import Path

import duckdb

MIGRATIONS_PACKAGE = "zhaoyin.warehouse.migrations"
_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")
# DuckDB would otherwise download and load an extension when a file or function needs one (a SQLite file
# passed as the warehouse fetches sqlite_scanner from the network).
NO_EXTENSION_DOWNLOADS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


class WarehouseBusy(RuntimeError):
    """Another process holds DuckDB's write lock on the file for longer than we were willing to wait."""


def _is_lock_conflict(error: Exception) -> bool:
    message = str(error).lower()
    return "lock" in message and ("conflicting" in message or "could not set" in message)


def open_with_retry(
    path: str | os.PathLike, *, read_only: bool, wait_seconds: float, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried with backoff while another process holds the file's lock."""
    deadline = time.monotonic() + max(0.0, wait_seconds)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(
                str(path), read_only=read_only, config={**NO_EXTENSION_DOWNLOADS, **(config or {})}
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
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 1.0)


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
            con.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done.append(name)
    _refresh_views(con)
    return done


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
