"""Files the blocking keys of the project rows linked before project_blocks existed (008), once the rows have
the column that says which of their grams they are looked up by (009)."""

from __future__ import annotations

import duckdb


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    from zhaoyin.warehouse.resolution import file_missing_blocks

    file_missing_blocks(con)
