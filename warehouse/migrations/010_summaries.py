"""Fills the summary tables from the rows already in the warehouse."""

from __future__ import annotations

import duckdb


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    from zhaoyin.warehouse.summaries import rebuild_summaries

    rebuild_summaries(con)
