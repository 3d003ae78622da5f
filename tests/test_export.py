"""`zhaoyin export OUT --format parquet|csv|xlsx`: every table and view, readable by other tools."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_warehouse_fixtures import story

from zhaoyin import warehouse
from zhaoyin.warehouse.export import NOT_EXPORTED, export_warehouse, exportable_relations

ZHAOYIN = Path(sys.executable).parent / "zhaoyin"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "test.duckdb"
    con = warehouse.connect(path)
    warehouse.load_batch(con, story(), [])
    con.close()
    return path


def expected_counts(db) -> dict[str, int]:
    con = warehouse.connect(db, read_only=True)
    try:
        return {
            name: con.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]
            for name in exportable_relations(con)
        }
    finally:
        con.close()


def test_relations_include_tables_and_views_but_not_index_internals(db):
    names = set(expected_counts(db))
    assert {
        "documents",
        "projects",
        "investments",
        "v_projects",
        "v_district_period",
        "dim_companies",
    } <= names
    assert not names & NOT_EXPORTED


def test_parquet_files_hold_every_row(db, tmp_path):
    counts = expected_counts(db)
    con = warehouse.connect(db, read_only=True)
    written = export_warehouse(con, tmp_path, "parquet")
    con.close()
    assert {p.stem for p in written} == set(counts)
    for path in written:
        assert pq.read_table(path).num_rows == counts[path.stem]
    projects = pq.read_table(tmp_path / "v_projects.parquet").to_pylist()
    assert max(p["amount_yuan"] or 0 for p in projects) == 13e9


def test_csv_through_the_cli(db, tmp_path):
    counts = expected_counts(db)
    out = tmp_path / "csv"
    env = {**os.environ, "ZHAOYIN_DB": str(db)}
    done = subprocess.run(
        [str(ZHAOYIN), "export", str(out), "--format", "csv"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name, count in counts.items():
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as handle:
            assert sum(1 for _ in csv.reader(handle)) == count + 1  # header
    with open(out / "v_projects.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert {"project_id", "name", "company", "district", "amount_yuan", "latest_evidence"} <= set(header)


def test_xlsx_workbook_has_a_sheet_per_relation(db, tmp_path):
    from openpyxl import load_workbook

    counts = expected_counts(db)
    con = warehouse.connect(db, read_only=True)
    (path,) = export_warehouse(con, tmp_path, "xlsx")
    con.close()
    workbook = load_workbook(path, read_only=True)
    assert set(workbook.sheetnames) == {name[:31] for name in counts}
    sheet = workbook["v_projects"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == counts["v_projects"] + 1
    header = rows[0]
    companies = {row[header.index("company")] for row in rows[1:]}
    assert "宁德时代新能源科技股份有限公司" in companies


def test_unknown_format_is_refused(db, tmp_path):
    con = warehouse.connect(db, read_only=True)
    with pytest.raises(ValueError, match="unknown export format"):
        export_warehouse(con, tmp_path, "dbf")
    con.close()
