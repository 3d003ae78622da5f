"""How a writable connection stores what it appends: small row groups (a batch's checkpoint rewrites at most the
last small group of a table, never the rows before it) and a bounded buffer pool."""

from __future__ import annotations

import duckdb
import pytest

from zhaoyin import warehouse
from zhaoyin.warehouse import connection


def row_groups(con, table: str) -> list[int]:
    """Rows of each row group of `table`, in order."""
    rows = con.execute(
        f"SELECT row_group_id, max(count) FROM pragma_storage_info('{table}') GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return [count for _, count in rows]


def blocks_of_group(con, table: str, group: int) -> set[int]:
    """The storage blocks holding row group `group` of `table`: rewritten groups move to new blocks."""
    rows = con.execute(
        f"SELECT DISTINCT block_id FROM pragma_storage_info('{table}') WHERE row_group_id = ? AND block_id >= 0",
        [group],
    ).fetchall()
    return {block for (block,) in rows}


def append(con, start: int, count: int) -> None:
    con.execute(
        "INSERT INTO texts SELECT i, repeat('招商引资', 50) FROM range(?, ?) r(i)", [start, start + count]
    )


def test_a_writable_connection_appends_in_row_groups_of_the_configured_size(db_path, monkeypatch):
    monkeypatch.delenv(connection.ROW_GROUP_SIZE_ENV, raising=False)
    con = warehouse.connect(db_path)
    con.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, text VARCHAR)")
    append(con, 0, 5000)
    con.close()
    con = warehouse.connect(db_path)
    assert row_groups(con, "texts") == [2048, 2048, 904]
    full_groups = [blocks_of_group(con, "texts", group) for group in (0, 1)]
    append(con, 5000, 300)
    con.execute("CHECKPOINT")
    groups = row_groups(con, "texts")
    assert max(groups) <= connection.DEFAULT_ROW_GROUP_SIZE and sum(groups) == 5300
    assert groups[:2] == [2048, 2048]
    assert [blocks_of_group(con, "texts", group) for group in (0, 1)] == full_groups  # not rewritten
    con.close()


def test_a_warehouse_written_with_large_row_groups_keeps_them_and_appends_after_them(db_path):
    old = duckdb.connect(str(db_path))  # DuckDB's default row group size, as warehouses before were written
    old.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, text VARCHAR)")
    append(old, 0, 10_000)
    old.close()
    con = warehouse.connect(db_path)  # migrates it
    assert row_groups(con, "texts") == [10_000]
    old_blocks = blocks_of_group(con, "texts", 0)
    append(con, 10_000, 300)
    con.execute("CHECKPOINT")
    assert row_groups(con, "texts") == [10_000, 300]
    assert blocks_of_group(con, "texts", 0) == old_blocks
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    con.close()


def test_the_row_group_size_is_a_setting(db_path, monkeypatch):
    monkeypatch.setenv(connection.ROW_GROUP_SIZE_ENV, "4096")
    con = warehouse.connect(db_path)
    con.execute("CREATE TABLE texts (id INTEGER PRIMARY KEY, text VARCHAR)")
    append(con, 0, 5000)
    con.execute("CHECKPOINT")
    assert row_groups(con, "texts") == [4096, 904]
    con.close()
    monkeypatch.setenv(connection.ROW_GROUP_SIZE_ENV, "1000")
    with pytest.raises(ValueError, match="multiple of 2048"):
        warehouse.connect(db_path)


def test_the_writer_memory_limit_is_a_setting_and_spills_next_to_the_file(db_path, monkeypatch):
    monkeypatch.delenv(connection.WRITER_MEMORY_LIMIT_ENV, raising=False)
    con = warehouse.connect(db_path)
    default_limit, temp = con.execute(
        "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
    ).fetchone()
    con.close()
    assert temp == f"{db_path}.tmp"
    monkeypatch.setenv(connection.WRITER_MEMORY_LIMIT_ENV, "300MB")
    con = warehouse.connect(db_path)
    limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.close()
    assert limit != default_limit and limit.startswith("286")  # 300 MB in MiB
    reader = warehouse.connect(db_path, read_only=True)  # readers keep their own limits
    assert reader.execute("SELECT current_setting('memory_limit')").fetchone()[0] != limit
    reader.close()
