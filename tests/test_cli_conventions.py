"""The CLI as a new user meets it: honest exit codes, one-line errors and nothing created on failure,
--version / info / tables / schema, examples and typed options in every --help, --json, the sql output
modes, and safe output (no control characters, markup printed literally, JSON without NaN)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_warehouse_fixtures import story

from zhaoyin import warehouse

HOSTILE_TITLE = "\x1b[2J\x1b]0;pwned\x07[bold red]宁德时代[/bold red]\x9b31m标题"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "w.duckdb"
    con = warehouse.connect(path)
    warehouse.load_batch(con, story(), [])
    first = con.execute("SELECT doc_id FROM documents ORDER BY load_seq LIMIT 1").fetchall()[0][0]
    con.execute("UPDATE documents SET title = ? WHERE doc_id = ?", [HOSTILE_TITLE, first])
    con.close()
    return path


@pytest.fixture
def not_warehouses(tmp_path) -> dict[str, Path]:
    text = tmp_path / "notes.txt"
    text.write_text("not a database")
    lite = tmp_path / "lite.db"
    with sqlite3.connect(lite) as con:
        con.execute("CREATE TABLE t (a)")
    return {"text": text, "sqlite": lite}


def zhaoyin(*args, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zhaoyin.flows.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


# --- exit codes and messages --------------------------------------------------------------------------


def test_import_of_a_missing_path_is_a_usage_error_that_creates_nothing(cli, tmp_path):
    target = tmp_path / "w.duckdb"
    done = cli("import", tmp_path / "no" / "such" / "path", "--db", target)
    assert done.exit_code == 2
    assert "no such file or folder" in done.output and "Traceback" not in done.output
    assert not target.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["text", "sqlite"])
@pytest.mark.parametrize("command", ["search 宁德时代", "report", "export OUT", "sql", "tables", "info"])
def test_reading_commands_refuse_a_file_that_is_not_a_warehouse(cli, not_warehouses, tmp_path, command, kind):
    name, *rest = command.split()
    args = [tmp_path / "out" if a == "OUT" else a for a in rest]
    if name == "sql":
        args = ["select 1"]
    done = cli(name, *args, "--db", not_warehouses[kind])
    assert done.exit_code == 2, done.output
    assert "is not a zhaoyin warehouse" in done.output
    assert "Traceback" not in done.output and "sqlite_scanner" not in done.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "report.html").exists()


def test_import_refuses_a_bad_db_before_prefect_starts(not_warehouses, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("青岛西海岸新区签约项目总投资10亿元。", encoding="utf-8")
    before = not_warehouses["text"].read_bytes()
    done = zhaoyin("import", tmp_path / "in", "--db", not_warehouses["text"])
    assert done.returncode == 2, done.stderr
    assert "not a zhaoyin warehouse" in done.stderr and "Traceback" not in done.stderr
    assert not_warehouses["text"].read_bytes() == before


def test_report_into_a_missing_folder_creates_nothing(cli, db, tmp_path):
    done = cli("report", "--out", tmp_path / "missing-dir" / "r.html", "--db", db)
    assert done.exit_code == 2 and "no folder" in done.output
    assert not (tmp_path / "missing-dir").exists()


def test_a_failure_nobody_foresaw_is_one_line_and_debug_shows_the_traceback(db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    out = blocker / "inside"  # a folder cannot be made inside a file
    quiet = zhaoyin("export", out, "--db", db, "--format", "csv")
    loud = zhaoyin("export", out, "--db", db, "--format", "csv", env={"ZHAOYIN_DEBUG": "1"})
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    assert quiet.stderr.strip().count("\n") == 0 and "ZHAOYIN_DEBUG=1" in quiet.stderr, quiet.stderr
    assert loud.returncode != 0 and "Traceback" in loud.stderr


def test_debug_shows_a_traceback_for_usage_errors_too(not_warehouses):
    done = zhaoyin("tables", "--db", not_warehouses["text"], env={"ZHAOYIN_DEBUG": "1"})
    assert done.returncode != 0 and "Traceback" in done.stderr and "UsageError" in done.stderr


# --- conventions ----------------------------------------------------------------------------------------


def test_version(cli):
    done = cli("--version")
    assert done.exit_code == 0 and done.stdout.startswith("zhaoyin ") and "extractor" in done.stdout


def test_every_command_has_examples_and_typed_options(cli, monkeypatch):
    from zhaoyin.flows.cli import app

    monkeypatch.setenv("COLUMNS", "200")
    names = [c.name for c in app.registered_commands]
    assert {"import", "sql", "search", "export", "report", "info", "tables", "schema", "browse"} <= set(names)
    for name in names:
        done = cli(name, "--help")
        assert done.exit_code == 0, (name, done.output)
        assert "Examples" in done.stdout, name
        assert "<bool>" not in done.stdout, name
    assert "parquet|csv|xlsx" in cli("export", "--help").stdout
    assert "table|line|csv|json|markdown" in cli("sql", "--help").stdout


def test_info_tables_and_schema(cli, db):
    info = json.loads(cli("info", "--db", db, "--json").stdout)
    con = warehouse.connect(db, read_only=True)
    documents = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    con.close()
    assert info["warehouse"]["counts"]["documents"] == documents and info["extractor_version"]
    assert info["backends"]["rules"] == "available" and "ocr" in info
    tables = json.loads(cli("tables", "--db", db, "--json").stdout)
    names = [t["name"] for t in tables]
    assert names.index("v_projects") < names.index("documents")  # views first
    assert "doc_lsh" not in names and "schema_version" not in names
    columns = json.loads(cli("schema", "v_projects", "--db", db, "--json").stdout)
    assert {"project_id", "amount_yuan", "latest_evidence"} <= {c["column"] for c in columns}
    unknown = cli("schema", "v_nope", "--db", db)
    assert unknown.exit_code == 2 and "zhaoyin tables" in unknown.output


def test_json_on_the_reporting_commands(cli, db, tmp_path):
    assert json.loads(cli("search", "宁德时代", "--db", db, "--json").stdout)
    report = json.loads(cli("report", "--out", tmp_path / "r.html", "--db", db, "--json").stdout)
    assert report["bytes"] == (tmp_path / "r.html").stat().st_size
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("青岛西海岸新区总投资10亿元的储能项目签约落地。", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    done = cli(
        "import", tmp_path / "in", "--db", tmp_path / "n.duckdb", "--no-prefect", "--json", "--workers", "1"
    )
    summary = json.loads(done.stdout)
    assert done.exit_code == 1 and summary["quarantined"] == 1 and summary["new_documents"] == 1


# --- sql output -------------------------------------------------------------------------------------------


def test_sql_limits_rows_and_shows_wide_results_one_column_per_line(cli, db):
    many = cli("sql", "select range as n from range(500)", "--db", db)
    assert many.exit_code == 0 and "first 100 rows shown" in many.stdout
    assert len(many.stdout.splitlines()) < 130
    every = cli("sql", "select range as n from range(500)", "--db", db, "--csv")
    assert len(every.stdout.splitlines()) == 501
    wide = cli("sql", "select * from v_projects", "--db", db)
    assert "── row 1 ──" in wide.stdout and "one per line" in wide.stdout
    assert len(wide.stdout.splitlines()) < 25 * 20
    markdown = cli(
        "sql", "select name, district from v_projects order by name limit 2", "--db", db, "-f", "markdown"
    )
    assert markdown.stdout.startswith("| name | district |\n|---|---|\n| ")


def test_json_has_no_nan_or_infinity(cli, db):
    done = cli("sql", "select 'nan'::double as a, 'inf'::double as b, 1.5 as c", "--db", db, "--json")
    assert done.exit_code == 0
    assert json.loads(done.stdout) == [{"a": None, "b": None, "c": 1.5}]
    assert "NaN" not in done.stdout and "Infinity" not in done.stdout


def test_text_from_documents_cannot_drive_the_terminal(cli, db):
    for args in (
        ["search", "宁德时代"],
        ["sql", "select title from documents"],
        ["sql", "select title from documents", "-f", "line"],
    ):
        done = cli(*args, "--db", db)
        assert done.exit_code == 0, done.output
        assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\x9b" not in done.stdout
        assert "[bold red]宁德时代[/bold red]" in done.stdout  # markup in user text printed as written


# --- scheduling -------------------------------------------------------------------------------------------


def test_cron_is_read_in_china_time_by_default_and_per_source(tmp_path):
    from zhaoyin.flows.crawling.serve import build_deployments
    from zhaoyin.flows.crawling.sources import SourceSpec

    base = {"kind": "feed", "url": "http://127.0.0.1:9/rss.xml", "schedule": "0 2 * * *"}
    china = SourceSpec.model_validate({**base, "name": "china"})
    utc = SourceSpec.model_validate({**base, "name": "utc", "timezone": "UTC"})
    assert china.timezone == "Asia/Shanghai"
    after = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    assert china.next_runs(1, after)[0].astimezone(UTC).hour == 18  # 02:00 in Beijing
    assert utc.next_runs(1, after)[0].astimezone(UTC).hour == 2
    deployments = build_deployments([china, utc], tmp_path / "w.duckdb")
    assert [d.schedules[0].schedule.timezone for d in deployments] == ["Asia/Shanghai", "UTC"]
    with pytest.raises(ValueError, match="IANA"):
        SourceSpec.model_validate({**base, "name": "bad", "timezone": "Beijing"})


def test_prefect_telemetry_is_off_in_every_cli_process():
    probe = (
        "import zhaoyin.flows.cli\n"
        "from prefect._internal.analytics.enabled import is_telemetry_enabled\n"
        "print(is_telemetry_enabled())"
    )
    env = {k: v for k, v in os.environ.items() if k != "DO_NOT_TRACK"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
