"""Loading: migrations, idempotency, one transaction per batch, set-based statements, the writer lock."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from test_warehouse_fixtures import SIGNED, document, story, story_doc_ids

from zhaoyin import warehouse
from zhaoyin.schemas import Extraction, Project, QuarantineRecord
from zhaoyin.warehouse.connection import migration_files
from zhaoyin.warehouse.loading import RECORD_TABLES

COUNTED = (
    "documents",
    "document_sources",
    *RECORD_TABLES,
    "quarantine",
    "doc_terms",
    "doc_minhash",
    "reprints",
)


def counts(con) -> dict[str, int]:
    return {table: con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] for table in COUNTED}


def test_connect_creates_and_migrates_once(db_path):
    con = warehouse.connect(db_path)
    versions = con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert [v for (v,) in versions] == [version for version, _, _ in migration_files()]
    con.close()
    con = warehouse.connect(db_path)
    assert con.execute("SELECT count(*) FROM schema_version").fetchall()[0][0] == len(versions)
    views = {v for (v,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"v_projects", "v_project_events", "v_district_period", "v_company_projects", "v_metrics"} <= views
    assert {"v_policy_incentives", "dim_districts", "dim_companies", "dim_sources"} <= views
    con.close()


def test_read_only_connect_needs_an_existing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        warehouse.connect(tmp_path / "missing.duckdb", read_only=True)


def test_load_is_idempotent(db_path):
    items = story()
    quarantined = [QuarantineRecord(path="bad.pdf", sha256="ff", stage="read", reason="not a pdf")]
    con = warehouse.connect(db_path)
    first = warehouse.load_batch(con, items, quarantined)
    assert first.new_documents == len(items) and first.already_present == 0
    assert first.counts["projects"] == sum(len(e.projects) for _, e in items)
    assert first.quarantined == 1
    after_first = counts(con)
    second = warehouse.load_batch(con, items, quarantined)
    assert second.new_documents == 0 and second.already_present == len(items)
    assert second.quarantined == 0 and sum(second.counts.values()) == 0
    assert counts(con) == after_first
    con.close()


def test_same_text_from_another_file_adds_a_source_not_a_document(db_path):
    doc, ext = story()[0]
    copy = document(SIGNED, "/mirror/copy.txt", "2025-03-15")
    copy.sha256 = "other-bytes"
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, [(doc, ext)], [])
    result = warehouse.load_batch(con, [(copy, ext)], [])
    assert result.new_documents == 0 and result.skipped_doc_ids == [doc.doc_id]
    assert warehouse.known_sha256(con, ["other-bytes", doc.sha256, "never-seen"]) == {
        "other-bytes",
        doc.sha256,
    }
    assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 1
    con.close()


def test_a_failing_record_leaves_nothing_of_its_batch(db_path):
    con = warehouse.connect(db_path)
    items = story()
    warehouse.load_batch(con, items[:2], [])
    before = counts(con)
    text = "某区签约某项目。"
    bad = Extraction(projects=[Project(name="某项目", evidence=text, amount_yuan=-1.0)])  # violates a CHECK
    batch = [*items[2:], (document(text, "/bad.txt", None), bad)]
    quarantined = [QuarantineRecord(path="x.pdf", stage="read", reason="broken")]
    with pytest.raises(duckdb.ConstraintException):
        warehouse.load_batch(con, batch, quarantined)
    assert counts(con) == before
    assert con.execute("SELECT count(*) FROM project_links").fetchall()[0][0] == before["projects"]
    # the rerun without the bad document loads the rest, once
    result = warehouse.load_batch(con, items[2:], quarantined)
    assert result.new_documents == len(items) - 2
    assert counts(con)["documents"] == len(items)
    con.close()


class CountingConnection:
    """Forwards to a DuckDB connection and counts the statements sent."""

    def __init__(self, con):
        self.con = con
        self.statements = 0

    def execute(self, *args, **kwargs):
        self.statements += 1
        return self.con.execute(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.con, name)


def _many(n: int, tag: str):
    """`n` unrelated documents (random Han characters, so none is a near-duplicate of another)."""
    rng = random.Random(tag)
    items = []
    for i in range(n):
        filler = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(60))
        text = f"{tag}{i}：{filler}。某某区签约智能制造项目，总投资{i + 1}亿元。"
        ext = Extraction(
            projects=[
                Project(name=f"{tag}{i}号智能制造项目", company=f"{tag}{i}号科技有限公司", evidence=text)
            ]
        )
        items.append((document(text, f"/{tag}/{i}.txt", "2025-01-01"), ext))
    return items


def test_loading_is_set_based(db_path):
    con = warehouse.connect(db_path)
    small, large = CountingConnection(con), CountingConnection(con)
    warehouse.load_batch(small, _many(3, "甲"), [])
    warehouse.load_batch(large, _many(120, "乙"), [])
    assert con.execute("SELECT count(*) FROM documents").fetchall()[0][0] == 123
    # the statements sent do not grow with the rows of a batch
    assert large.statements == small.statements
    con.close()


def test_evidence_sentence_is_stored_with_each_span(db_path):
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    doc_id = story_doc_ids()["signed"]
    text, evidence, start, end = con.execute(
        """SELECT d.text, i.evidence, i.span_start, i.span_end FROM investments i JOIN documents d USING (doc_id)
           WHERE doc_id = ? AND i.text = '130亿元'""",
        [doc_id],
    ).fetchall()[0]
    assert text[start:end] == "130亿元"
    assert (
        evidence == "总投资130亿元的宁德时代青岛储能电池基地项目落户董家口经济区，建成后年产储能电池40GWh。"
    )
    con.close()


def test_replace_extractions_is_atomic_and_changes_no_counts(db_path):
    con = warehouse.connect(db_path)
    items = story()
    warehouse.load_batch(con, items, [])
    before = counts(con)
    relabelled = [(d, e.model_copy(update={"extractor_version": "test-2"})) for d, e in items]
    result = warehouse.replace_extractions(con, relabelled)
    assert result.replaced_documents == len(items)
    assert counts(con) == before
    versions = con.execute("SELECT DISTINCT extractor_version FROM projects").fetchall()
    assert versions == [("test-2",)]
    # a failing replacement restores nothing less than before
    text = items[0][0].text
    broken = Extraction(projects=[Project(evidence=text, amount_yuan=-5.0)], extractor_version="test-3")
    with pytest.raises(duckdb.ConstraintException):
        warehouse.replace_extractions(con, [relabelled[1], (items[0][0], broken)])
    assert counts(con) == before
    assert con.execute("SELECT DISTINCT extractor_version FROM projects").fetchall() == [("test-2",)]
    con.close()


def test_quarantine_records_are_not_repeated(db_path):
    con = warehouse.connect(db_path)
    record = QuarantineRecord(path="a/b.pdf", sha256="11", stage="read", reason="encrypted pdf")
    other = QuarantineRecord(path="a/b.pdf", sha256="11", stage="extract", reason="timeout")
    assert warehouse.load_batch(con, [], [record, record]).quarantined == 1
    assert warehouse.load_batch(con, [], [record, other]).quarantined == 1
    assert con.execute("SELECT stage FROM quarantine ORDER BY stage").fetchall() == [("extract",), ("read",)]
    con.close()


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time, warehouse
    con = warehouse.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def test_writer_waits_for_the_lock_then_gives_up_clearly(db_path):
    warehouse.connect(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path), "2"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(warehouse.WarehouseBusy, match="another zhaoyin process is writing to"):
            warehouse.connect(db_path, wait_seconds=0.5)
        assert time.monotonic() - started >= 0.5
        con = warehouse.connect(db_path, wait_seconds=60)  # succeeds once the holder lets go
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(0,)]
        con.close()
    finally:
        holder.wait(timeout=60)


def test_documented_example_queries_run(db_path):
    from pathlib import Path

    from zhaoyin.warehouse.readonly import run_readonly_query

    doc = (Path(__file__).resolve().parent.parent / "docs" / "warehouse.md").read_text(encoding="utf-8")
    queries = [block.strip() for block in doc.split("```sql")[1:]]
    queries = [q.split("```")[0] for q in queries]
    assert len(queries) >= 5
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    con.close()
    for sql in queries:
        columns, _ = run_readonly_query(db_path, sql)
        assert columns
    signed = run_readonly_query(db_path, queries[0].replace("'2024Q4'", "'2025Q1'"))[1]
    assert signed[0][0] == "青岛西海岸新区" and signed[0][1] == 1
    assert "宁德时代新能源科技股份有限公司" in signed[0][2]


def test_policy_incentives_metrics_and_dimensions_views(db_path):
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    incentives = con.execute(
        "SELECT district, admin_code, policy_title, doc_number, kind, cap_yuan, rate, min_investment_yuan "
        "FROM v_policy_incentives"
    ).fetchall()
    assert incentives == [
        (
            "青岛西海岸新区",
            "370211",
            "关于支持招商引资的若干政策措施",
            "青西新管发〔2025〕3号",
            "reward",
            1e7,
            0.02,
            1e9,
        )
    ]
    metrics = con.execute(
        "SELECT subject, admin_code, indicator, value, unit, period, evidence FROM v_metrics"
    ).fetchall()
    assert len(metrics) == 1  # the reprint's copy of the metric is not counted
    assert metrics[0][:6] == ("青岛西海岸新区", "370211", "新签约亿元以上项目", 52.0, "个", "2025Q1")
    assert "52个" in metrics[0][6]
    districts = dict(con.execute("SELECT canonical, admin_code FROM dim_districts").fetchall())
    assert districts == {
        "青岛西海岸新区": "370211",
        "市南区": "370202",
        "即墨区": "370215",
        "胶州市": "370281",
    }
    publishers = {p for (p,) in con.execute("SELECT publisher FROM dim_sources").fetchall()}
    assert {"qingdaonews.com", "dzwww.com", "news.example.cn"} <= publishers
    assert "bandao" not in publishers  # a local file's folder names no publisher
    con.close()


def test_an_older_warehouse_is_migrated_forward(db_path):
    first_version, first_name, first_sql = migration_files()[0]
    old = duckdb.connect(str(db_path))
    old.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ)"
    )
    old.execute(first_sql)
    old.execute("INSERT INTO schema_version VALUES (?, ?, now())", [first_version, first_name])
    old.close()
    con = warehouse.connect(db_path)
    versions = [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == [v for v, _, _ in migration_files()] and len(versions) > 1
    result = warehouse.load_batch(con, story(), [])  # the migrated schema loads like a new one
    assert result.new_documents == len(story())
    con.close()


def test_the_extraction_dates_the_document_and_says_from_where(db_path):
    import json

    text = "本报讯 5月8日，云岭县签约项目3个，总投资12亿元。"
    doc = document(text, "yunling_2024-05.txt", "2024-05", meta={"published_from": "file-name"})
    ext = Extraction(published="2024-05-08", date_source="dateline+file-name")
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, [(doc, ext)], [])
    published, meta, source = con.execute(
        "SELECT published, meta, meta->>'date_source' FROM documents"
    ).fetchall()[0]
    assert published == "2024-05-08"
    assert source == json.loads(meta)["date_source"] == "dateline+file-name"
    con.close()
