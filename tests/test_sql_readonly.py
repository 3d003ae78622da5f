"""`zhaoyin sql` is read-only: writes, settings, attachments and file access are refused by DuckDB's own
parser before anything runs; a reader during a load sees whole batches only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_warehouse_fixtures import story

from zhaoyin import warehouse
from zhaoyin.warehouse.readonly import QueryRefused, run_readonly_query

ZHAOYIN = Path(sys.executable).parent / "zhaoyin"


@pytest.fixture(scope="module")
def loaded_db(tmp_path_factory):
    """One warehouse for the module: every query here is read-only (a test checks nothing changed)."""
    db_path = tmp_path_factory.mktemp("readonly") / "test.duckdb"
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    con.close()
    return db_path


@pytest.fixture
def tmp_path(tmp_path):
    (tmp_path / "secret.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return tmp_path


def outside(tmp_path: Path) -> str:
    return str(tmp_path / "secret.csv")


REFUSED = [
    ("ATTACH '{tmp}/other.duckdb' AS other", "ATTACH"),
    ("DETACH other", "DETACH"),
    ("COPY documents TO '{tmp}/out.csv'", "COPY"),
    ("EXPORT DATABASE '{tmp}/dump'", "EXPORT"),
    ("IMPORT DATABASE '{tmp}/dump'", "IMPORT"),
    ("INSTALL fts", "INSTALL"),
    ("LOAD fts", "LOAD"),
    ("SET enable_external_access = true", "SET"),
    ("RESET threads", "RESET"),
    ("PRAGMA enable_profiling", "PRAGMA"),
    ("CREATE TABLE t AS SELECT 1", "CREATE"),
    ("INSERT INTO quarantine VALUES ('p', NULL, 'read', 'r', now())", "INSERT"),
    ("UPDATE documents SET title = 'x'", "UPDATE"),
    ("DELETE FROM projects", "DELETE"),
    ("DROP TABLE projects", "DROP"),
    ("ALTER TABLE documents ADD COLUMN x INT", "ALTER"),
    ("CALL enable_logging()", "CALL"),
    ("SELECT * FROM read_csv('{tmp}/secret.csv')", "read_csv"),
    ("SELECT * FROM read_csv_auto('{tmp}/secret.csv')", "read_csv_auto"),
    ("SELECT * FROM read_parquet('{tmp}/x.parquet')", "read_parquet"),
    ("SELECT * FROM read_json_auto('{tmp}/x.json')", "read_json_auto"),
    ("SELECT content FROM read_text('/etc/hostname')", "read_text"),
    ("SELECT * FROM read_blob('/etc/hostname')", "read_blob"),
    ("SELECT * FROM glob('/etc/*')", "glob"),
    ("SELECT * FROM '{tmp}/secret.csv'", "looks like a file"),
    (
        "SELECT count(*) FROM projects WHERE doc_id IN (SELECT a FROM read_csv('{tmp}/secret.csv'))",
        "read_csv",
    ),
    ("WITH x AS (SELECT * FROM read_text('/etc/hostname')) SELECT * FROM x", "read_text"),
    ("SELECT 1; DROP TABLE projects", "DROP"),
    ("EXPLAIN SELECT * FROM read_csv('{tmp}/secret.csv')", "read_csv"),
]


@pytest.mark.parametrize(("sql", "why"), REFUSED, ids=[r[0][:40] for r in REFUSED])
def test_refused(loaded_db, tmp_path, sql, why):
    with pytest.raises(QueryRefused, match="refused") as refused:
        run_readonly_query(loaded_db, sql.format(tmp=tmp_path))
    assert why.lower() in str(refused.value).lower()


def test_refusals_leave_the_warehouse_untouched(loaded_db, tmp_path):
    _, before = run_readonly_query(loaded_db, "SELECT count(*) FROM projects")
    for sql, _ in REFUSED:
        with pytest.raises(QueryRefused):
            run_readonly_query(loaded_db, sql.format(tmp=tmp_path))
    assert run_readonly_query(loaded_db, "SELECT count(*) FROM projects")[1] == before
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "dump").exists()


ALLOWED = [
    "SELECT count(*) FROM v_projects",
    "FROM v_projects SELECT name, amount_yuan ORDER BY amount_yuan DESC LIMIT 3",
    "WITH t AS (SELECT district, count(*) n FROM v_projects GROUP BY ALL) SELECT * FROM t ORDER BY n DESC",
    "DESCRIBE v_projects",
    "SHOW TABLES",
    "PRAGMA table_info('documents')",
    "CALL pragma_table_info('projects')",
    "SELECT * FROM duckdb_views() WHERE NOT internal",
    "EXPLAIN SELECT * FROM v_projects",
    "SELECT * FROM range(3)",
]


@pytest.mark.parametrize("sql", ALLOWED)
def test_reads_are_allowed(loaded_db, sql):
    columns, rows = run_readonly_query(loaded_db, sql)
    assert columns and rows


def test_allow_files_permits_reading_but_never_writing(loaded_db, tmp_path):
    columns, rows = run_readonly_query(
        loaded_db, f"SELECT * FROM read_csv('{outside(tmp_path)}')", allow_files=True
    )
    assert columns == ["a", "b"] and rows == [(1, 2)]
    with pytest.raises(QueryRefused, match="COPY"):
        run_readonly_query(loaded_db, f"COPY documents TO '{tmp_path}/x.csv'", allow_files=True)


def _cli(*args, env_db):
    """The real `zhaoyin` command line, in-process (typer's runner) to spare a start-up per call."""
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    return CliRunner().invoke(app, [*args, "--db", str(env_db)], env={"COLUMNS": "200"})


def test_cli_process_refuses_with_a_message_and_non_zero_exit(loaded_db):
    env = {**os.environ, "ZHAOYIN_DB": str(loaded_db), "COLUMNS": "200"}
    refused = subprocess.run(
        [str(ZHAOYIN), "sql", "DELETE FROM projects"], capture_output=True, text=True, env=env, timeout=120
    )
    assert refused.returncode != 0
    assert "refused" in refused.stderr and "DELETE" in refused.stderr


def test_cli_formats_and_file_permission(loaded_db, tmp_path):
    refused = _cli("sql", f"SELECT * FROM read_csv('{outside(tmp_path)}')", env_db=loaded_db)
    assert refused.exit_code != 0 and "--allow-files" in refused.stderr
    allowed = _cli(
        "sql", f"SELECT * FROM read_csv('{outside(tmp_path)}')", "--allow-files", "--json", env_db=loaded_db
    )
    assert allowed.exit_code == 0 and json.loads(allowed.stdout) == [{"a": 1, "b": 2}]
    query = "SELECT name, amount_yuan FROM v_projects ORDER BY amount_yuan DESC"
    as_csv = _cli("sql", query, "--csv", env_db=loaded_db)
    assert as_csv.exit_code == 0
    assert as_csv.stdout.splitlines()[0] == "name,amount_yuan"
    assert as_csv.stdout.splitlines()[1].startswith("宁德时代青岛储能电池基地项目,")
    as_table = _cli("sql", query, env_db=loaded_db)
    assert as_table.exit_code == 0 and "4 rows" in as_table.stdout


WRITER = textwrap.dedent(
    """
    import sys, time
    from zhaoyin import warehouse
    from zhaoyin.schemas import Document, Extraction, Project
    db, batches, per_batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for b in range(batches):
        items = []
        for i in range(per_batch):
            text = f"第{b}批第{i}篇：" + "".join(chr(0x4E00 + (b * 7919 + i * 104729 + k * 31) % 20000) for k in range(80))
            ext = Extraction(projects=[Project(name=f"项目{b}-{i}-{k}", evidence=text) for k in range(3)])
            items.append((Document(text=text, source=f"/w/{b}/{i}.txt"), ext))
        con = warehouse.connect(db, wait_seconds=60)
        warehouse.load_batch(con, items, [])
        time.sleep(0.05)  # hold the lock a moment so a reader must wait for the commit
        con.close()
        time.sleep(0.05)
    print("done", flush=True)
    """
)


def test_reader_during_a_load_sees_whole_batches_only(db_path):
    warehouse.connect(db_path).close()
    batches, per_batch = 6, 5
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(batches), str(per_batch)],
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = set()
    try:
        while writer.poll() is None:
            _, rows = run_readonly_query(
                db_path,
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM projects),"
                " (SELECT count(*) FROM project_links)",
                wait_seconds=60,
            )
            documents, projects, links = rows[0]
            assert documents % per_batch == 0, f"saw a partial batch: {documents} documents"
            assert projects == 3 * documents and links == projects
            seen.add(documents)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    _, rows = run_readonly_query(db_path, "SELECT count(*) FROM documents")
    assert rows == [(batches * per_batch,)]
    assert len(seen) >= 2  # the reader really ran between batches
