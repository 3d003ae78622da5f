"""Rows prepared where a document is extracted load exactly what its records load."""

from __future__ import annotations

import pickle
from pathlib import Path

import duckdb

from zhaoyin import warehouse
from zhaoyin.flows.importing.discover import discover
from zhaoyin.flows.importing.runners import read_and_extract, read_and_prepare
from zhaoyin.schemas import QuarantineRecord
from zhaoyin.warehouse.rows import PreparedDocument, prepare

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _table_differences(first: Path, second: Path) -> dict[str, int]:
    """Rows found in one warehouse and not the other, per table (timestamp columns left out)."""
    con = duckdb.connect()
    con.execute(f"ATTACH '{first}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{second}' AS b (READ_ONLY)")
    tables = [
        t
        for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'a'").fetchall()
    ]
    differences = {}
    for table in tables:
        columns = con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = 'a' AND table_name = ? "
            "AND data_type NOT LIKE 'TIMESTAMP%'",
            [table],
        ).fetchall()
        keep = ", ".join(f'"{column}"' for (column,) in columns)
        differences[table] = sum(
            con.execute(
                f"SELECT count(*) FROM (SELECT {keep} FROM {x}.{table} EXCEPT ALL SELECT {keep} FROM {y}.{table})"
            ).fetchall()[0][0]
            for x, y in (("a", "b"), ("b", "a"))
        )
    con.close()
    return differences


def test_prepared_rows_load_the_same_warehouse_as_the_records(tmp_path):
    outcomes = [read_and_extract(raw) for raw in discover([SAMPLES]) if not isinstance(raw, QuarantineRecord)]
    pairs = [outcome for outcome in outcomes if not isinstance(outcome, QuarantineRecord)]
    assert len(pairs) >= 5
    # as the process pool sends them
    prepared = pickle.loads(pickle.dumps([prepare(*pair) for pair in pairs]))

    with warehouse.connect(tmp_path / "records.duckdb") as con:
        from_records = warehouse.load_batch(con, pairs)
    with warehouse.connect(tmp_path / "prepared.duckdb") as con:
        from_prepared = warehouse.load_batch(con, prepared)

    assert from_prepared.counts == from_records.counts and from_records.counts["projects"] > 0
    assert from_prepared.new_doc_ids == from_records.new_doc_ids
    differences = _table_differences(tmp_path / "records.duckdb", tmp_path / "prepared.duckdb")
    assert {"documents", "projects", "doc_terms", "doc_minhash", "project_links"} <= differences.keys()
    assert {table: n for table, n in differences.items() if n} == {}


def test_a_worker_sends_plain_values_not_pydantic_records():
    raw = next(raw for raw in discover([SAMPLES / "changsha_jingkai_2024-10.txt"]))
    outcome = read_and_prepare(raw)
    assert isinstance(outcome, PreparedDocument)
    assert outcome.doc_id == outcome.document_value("doc_id") and outcome.rows("projects")
    assert all(row[0] == outcome.doc_id for rows in outcome.records.values() for row in rows)
    sent = pickle.dumps(outcome)
    assert b"pydantic" not in sent and b"zhaoyin.schemas" not in sent
