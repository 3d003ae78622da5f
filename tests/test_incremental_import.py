"""Importing a set in two halves leaves the same resolved tables as importing it at once: resolution and
reprint linking of a batch look only at the candidates of its rows, and what they find does not depend on
how the warehouse was filled before."""

from __future__ import annotations

from pathlib import Path

import pytest
from linkage_set import LINKAGE

from zhaoyin import warehouse
from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.readers import read_document
from zhaoyin.schemas import RawDocument

RESOLVED = {
    "project_links": "SELECT doc_id, seq, project_id, company_id, name_key, district FROM project_links",
    "company_names": "SELECT name, company_id FROM company_names",
    "company_dim": "SELECT company_id, canonical, aliases FROM company_dim",
    "reprints": "SELECT doc_id, original_doc_id, round(similarity, 6) FROM reprints",
    "reprint_of": "SELECT doc_id, reprint_of FROM documents",
    # district and company are the mode of a project's reports: a tie falls either way, so they are left out
    "v_projects_all": "SELECT project_id, name, amount_yuan, latest_status, sources, reports FROM v_projects_all",
}


@pytest.fixture(scope="module")
def linkage_items():
    """The linkage set's documents and extractions, in the order one import would link them."""
    items = []
    for path in sorted((LINKAGE / "docs").iterdir()):
        doc = read_document(RawDocument(data=path.read_bytes(), source=str(path)))
        items.append((doc, extract(doc)))
    items.sort(key=lambda item: (item[1].published is None, item[1].published or "", item[0].doc_id))
    return items


def _resolved(db_path: Path) -> dict[str, list[tuple]]:
    con = warehouse.connect(db_path)
    try:
        return {name: sorted(con.execute(sql).fetchall(), key=repr) for name, sql in RESOLVED.items()}
    finally:
        con.close()


def test_importing_in_two_halves_resolves_as_importing_at_once(linkage_items, tmp_path):
    at_once, halves = tmp_path / "at-once.duckdb", tmp_path / "halves.duckdb"
    con = warehouse.connect(at_once)
    warehouse.load_batch(con, linkage_items, [])
    con.close()
    middle = len(linkage_items) // 2
    con = warehouse.connect(halves)
    warehouse.load_batch(con, linkage_items[:middle], [])
    warehouse.load_batch(con, linkage_items[middle:], [])
    con.close()

    expected, found = _resolved(at_once), _resolved(halves)
    assert expected["project_links"] and expected["reprints"], "the set has linked projects and reprints"
    for name in RESOLVED:
        assert found[name] == expected[name], name


BLOCKS = "SELECT block, kind, doc_id, seq FROM project_blocks"


def test_a_warehouse_linked_before_project_blocks_gets_the_same_blocks_on_open(linkage_items, tmp_path):
    db_path = tmp_path / "older.duckdb"
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, linkage_items, [])
    filed_when_linked = sorted(con.execute(BLOCKS).fetchall())
    # the warehouse as it was before migrations 008 and 009 (whose module files the blocks): linked rows, no
    # blocking table (the generic characters the rows came with are kept: 009 adds the column if missing)
    con.execute("DROP TABLE project_blocks")
    con.execute("DELETE FROM schema_version WHERE version IN (8, 9)")
    con.close()

    con = warehouse.connect(db_path)
    try:
        assert filed_when_linked and sorted(con.execute(BLOCKS).fetchall()) == filed_when_linked
        kinds = {kind for (kind,) in con.execute("SELECT DISTINCT kind FROM project_blocks").fetchall()}
        assert kinds == {0, 1, 2, 3, 4}  # grams, probe grams, keys, brands and amount buckets
    finally:
        con.close()
