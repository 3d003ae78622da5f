"""Files the blocking keys of the project rows linked before project_blocks existed."""

from __future__ import annotations

import duckdb


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    from zhaoyin.warehouse.resolution import file_missing_blocks

    file_missing_blocks(con)
