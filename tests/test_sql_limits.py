"""`zhaoyin sql` cannot run away (issue 20, rows 8 and 9): a statement timeout, a memory limit on the
connection, results streamed in batches, and data-changing statements refused wherever they sit."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import duckdb
import psutil
import pytest
from test_warehouse_fixtures import story

from zhaoyin import warehouse
from zhaoyin.warehouse.readonly import (
    DEFAULT_MEMORY_LIMIT,
    FETCH_BATCH_ROWS,
    QueryOutOfMemory,
    QueryRefused,
    QueryTimeout,
    readonly_query,
    run_readonly_query,
)

RUNAWAY = {
    "cross join": "SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c",
    "recursive CTE": "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
}


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("limits") / "test.duckdb"
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    con.close()
    return db_path


def _counts(db_path) -> tuple:
    return run_readonly_query(
        db_path, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM projects)"
    )[1][0]


HIDDEN_WRITES = [
    ("WITH x AS (DELETE FROM documents RETURNING *) SELECT * FROM x", "DELETE inside a query"),
    ("WITH x AS (UPDATE documents SET title = 'x' RETURNING *) SELECT count(*) FROM x", "UPDATE inside"),
    (
        "WITH x AS (INSERT INTO quarantine VALUES ('p', NULL, 'read', 'r', now()) RETURNING *) SELECT * FROM x",
        "INSERT inside",
    ),
    ("SELECT * FROM (WITH x AS (DELETE FROM projects RETURNING *) SELECT * FROM x)", "DELETE inside"),
    (
        "SELECT count(*) FROM projects WHERE doc_id IN "
        "(WITH x AS (DELETE FROM documents RETURNING doc_id) SELECT doc_id FROM x)",
        "DELETE inside",
    ),
    ("SELECT (WITH x AS (DELETE FROM projects RETURNING 1) SELECT count(*) FROM x)", "DELETE inside"),
    ("WITH x AS (COPY documents TO '/tmp/zhaoyin-leak.csv') SELECT * FROM x", "COPY inside"),
    ("SELECT * FROM query('DELETE FROM documents RETURNING *')", "DELETE"),
    ("SELECT * FROM query('SELECT * FROM read_text(''/etc/hostname'')')", "read_text"),
    ("SELECT * FROM query(concat('DELETE FROM ', 'documents'))", "string constant"),
    ("SELECT * FROM query('SELECT * FROM query(''DROP TABLE projects'')')", "DROP"),
]


@pytest.mark.parametrize(("sql", "why"), HIDDEN_WRITES, ids=[w[0][:50] for w in HIDDEN_WRITES])
def test_data_changing_statements_are_refused_wherever_they_sit(loaded_db, sql, why):
    before = _counts(loaded_db)
    with pytest.raises(QueryRefused, match="refused") as refused:
        run_readonly_query(loaded_db, sql)
    assert why.lower() in str(refused.value).lower()
    assert "\n" not in str(refused.value)
    assert _counts(loaded_db) == before
    assert not os.path.exists("/tmp/zhaoyin-leak.csv")


def test_query_function_with_a_read_only_text_still_runs(loaded_db):
    assert run_readonly_query(loaded_db, "SELECT * FROM query('SELECT count(*) FROM documents')")[1] == [
        (_counts(loaded_db)[0],)
    ]


@pytest.mark.parametrize("name", RUNAWAY)
def test_runaway_queries_are_stopped_by_the_timeout(loaded_db, name):
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match=r"stopped after 1 s .*--timeout"):
        run_readonly_query(loaded_db, RUNAWAY[name], timeout=1)
    assert time.monotonic() - started < 10


def test_the_timeout_also_covers_reading_a_streamed_result(loaded_db):
    started = time.monotonic()
    seen = 0
    with pytest.raises(QueryTimeout):
        with readonly_query(
            loaded_db, "SELECT a.range, b.range FROM range(100000) a, range(100000) b", timeout=1
        ) as result:
            for _ in result:
                seen += 1
    assert seen > 0 and time.monotonic() - started < 10


def test_results_arrive_in_batches_not_fetched_whole(loaded_db):
    with readonly_query(loaded_db, "SELECT range AS n FROM range(1000000)") as result:
        assert result.columns == ["n"]
        batches = result.batches()
        first = next(batches)
        assert len(first) == FETCH_BATCH_ROWS and first[0] == (0,)
        assert sum(len(b) for b in batches) == 1000000 - FETCH_BATCH_ROWS


def test_the_connection_has_a_memory_limit(loaded_db):
    (limit,) = run_readonly_query(loaded_db, "SELECT current_setting('memory_limit')")[1][0]
    default = duckdb.connect(config={"memory_limit": DEFAULT_MEMORY_LIMIT})
    assert limit == default.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    assert limit != duckdb.connect().execute("SELECT current_setting('memory_limit')").fetchone()[0]
    with pytest.raises(QueryOutOfMemory, match="more memory than the 64MB limit"):
        run_readonly_query(
            loaded_db,
            "SELECT length(string_agg(range::VARCHAR, ',')) FROM range(50000000)",
            memory_limit="64MB",
        )


def test_cli_timeout_exits_1_with_one_line_and_no_traceback(loaded_db):
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["sql", RUNAWAY["cross join"], "--timeout", "1", "--db", str(loaded_db)], env={"COLUMNS": "300"}
    )
    assert result.exit_code == 1
    assert "query stopped after 1 s" in result.stderr and "Traceback" not in result.output + result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 10
    hidden = CliRunner().invoke(
        app, ["sql", HIDDEN_WRITES[0][0], "--db", str(loaded_db)], env={"COLUMNS": "300"}
    )
    assert hidden.exit_code == 2 and "DELETE inside a query" in hidden.stderr


def _peak_rss_of(command: list[str], env: dict) -> tuple[int, int, bytes]:
    """Run `command`, sampling its resident memory; (exit code, peak bytes, last bytes of stdout)."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, env=env) as process:
        watched = psutil.Process(process.pid)
        peak, tail, size = 0, b"", 0
        assert process.stdout is not None
        while chunk := process.stdout.read(1 << 20):
            size += len(chunk)
            tail = (tail + chunk)[-200:]
            try:
                peak = max(peak, watched.memory_info().rss)
            except psutil.NoSuchProcess:
                break
        return process.wait(), peak, tail


@pytest.mark.stress
def test_csv_of_three_million_rows_streams_in_bounded_memory(loaded_db):
    """Row 8: `--csv` of 3 M rows held them all (461 MB); now it streams."""
    env = {**os.environ, "COLUMNS": "200"}
    query = "SELECT a.range AS a, b.range AS b, 'x' AS s FROM range(3000) a, range(1000) b"
    code, peak, tail = _peak_rss_of(
        [sys.executable, "-m", "zhaoyin.flows.cli", "sql", query, "--csv", "--db", str(loaded_db)], env
    )
    assert code == 0 and tail.endswith(b"2999,999,x\r\n")
    assert peak < 300 * 2**20, f"peak RSS {peak / 2**20:.0f} MiB"
