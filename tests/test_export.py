"""`zhaoyin export OUT --format parquet|csv|xlsx`: every table and view, readable by other tools."""

from __future__ import annotations

import csv
import json
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
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8
        with open(out / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
            assert sum(1 for _ in csv.reader(handle)) == count + 1  # header
    with open(out / "v_projects.csv", encoding="utf-8-sig", newline="") as handle:
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
    assert not {"doc_lsh", "schema_version", "warehouse_meta", "doc_terms"} & set(workbook.sheetnames)
    kinds = ["view" if n.startswith(("v_", "dim_")) else "table" for n in workbook.sheetnames]
    assert kinds == sorted(kinds, key=lambda k: k != "view")  # every view before the first table
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


def test_xlsx_header_is_frozen_and_filterable(db, tmp_path):
    from openpyxl import load_workbook

    con = warehouse.connect(db, read_only=True)
    (path,) = export_warehouse(con, tmp_path, "xlsx")
    con.close()
    sheet = load_workbook(path)["v_projects"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    assert sheet["A1"].font.bold


@pytest.fixture
def hostile_db(tmp_path):
    """The story with document titles a spreadsheet would run as formulas."""
    path = tmp_path / "hostile.duckdb"
    con = warehouse.connect(path)
    warehouse.load_batch(con, story(), [])
    titles = ['=HYPERLINK("http://x.example","点我")', "+1+2", "-3*4", "@SUM(A1)"]
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    for doc_id, title in zip(ids, titles, strict=False):
        con.execute("UPDATE documents SET title = ? WHERE doc_id = ?", [title, doc_id])
    con.close()
    return path, titles


def test_csv_for_excel_shows_formulas_as_text(hostile_db, tmp_path):
    path, titles = hostile_db
    con = warehouse.connect(path, read_only=True)
    export_warehouse(con, tmp_path / "excel", "csv")
    export_warehouse(con, tmp_path / "plain", "csv", excel=False)
    con.close()
    with open(tmp_path / "excel" / "documents.csv", encoding="utf-8-sig", newline="") as handle:
        excel_titles = {row["title"] for row in csv.DictReader(handle)}
    assert {"'" + t for t in titles} <= excel_titles
    assert not (tmp_path / "plain" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "plain" / "documents.csv", encoding="utf-8", newline="") as handle:
        assert set(titles) <= {row["title"] for row in csv.DictReader(handle)}


def test_xlsx_stores_formula_like_cells_as_text(hostile_db, tmp_path):
    from openpyxl import load_workbook

    path, titles = hostile_db
    con = warehouse.connect(path, read_only=True)
    (book,) = export_warehouse(con, tmp_path, "xlsx")
    con.close()
    sheet = load_workbook(book)["documents"]
    header = [c.value for c in sheet[1]]
    cells = [row[header.index("title")] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in cells} >= set(titles)
    assert all(c.data_type == "s" for c in cells if c.value in titles)  # text, never "f" (formula)


def test_export_refuses_a_file_and_existing_files_without_force(db, tmp_path, cli):
    target = tmp_path / "taken.txt"
    target.write_text("mine")
    refused = cli("export", target, "--db", db)
    assert refused.exit_code == 2 and "not a folder" in refused.output
    assert target.read_text() == "mine"
    first = cli("export", tmp_path / "out", "--db", db, "--format", "csv")
    assert first.exit_code == 0, first.output
    again = cli("export", tmp_path / "out", "--db", db, "--format", "csv")
    assert again.exit_code == 2 and "--force" in again.output
    forced = cli("export", tmp_path / "out", "--db", db, "--format", "csv", "--force", "--json")
    assert forced.exit_code == 0 and len(json.loads(forced.stdout)["files"]) > 5
