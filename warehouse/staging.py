"""Registering Arrow tables as views for `INSERT … SELECT`, and forgetting them even after a failure."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb
import pyarrow as pa


@contextlib.contextmanager
def staged(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[str]:
    con.register(name, table)
    try:
        yield name
    finally:
        # In an aborted transaction unregistering fails too; the original error is the one to see.
        with contextlib.suppress(duckdb.Error):
            con.unregister(name)
