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
from zhaoyin.warehouse import resolution

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


def test_a_name_resolved_anew_brings_its_links_company_along(linkage_items, tmp_path):
    """Only the names whose company changed have their links rewritten: a name resolved anew (here: its row in
    company_names gone, its links' company lost) is one of them, and no other name is."""
    con = warehouse.connect(tmp_path / "relink.duckdb")
    warehouse.load_batch(con, linkage_items, [])
    links = "SELECT l.doc_id, l.seq, l.company_id FROM project_links l ORDER BY ALL"
    expected = con.execute(links).fetchall()
    name, company_id = con.execute(
        """
        SELECT n.name, n.company_id FROM company_names n JOIN projects p ON p.company = n.name
        ORDER BY n.name LIMIT 1
        """
    ).fetchone()
    assert resolution.refresh_companies(con) == []
    con.execute("DELETE FROM company_names WHERE name = ?", [name])
    con.execute(
        """
        UPDATE project_links SET company_id = NULL
        FROM projects p WHERE p.doc_id = project_links.doc_id AND p.seq = project_links.seq AND p.company = ?
        """,
        [name],
    )
    assert con.execute(links).fetchall() != expected

    assert resolution.refresh_companies(con) == [name]
    resolution.refresh_projects(con, changed_names=[name])
    assert con.execute(links).fetchall() == expected
    resolved = con.execute("SELECT company_id FROM company_names WHERE name = ?", [name]).fetchone()
    assert resolved == (company_id,)
    con.close()


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


def _kept_by_ranking(con, cap_in_sql: int, monkeypatch) -> tuple[list[set[tuple[str, int]]], int]:
    """For each unlinked row, the stored reports `_candidate_positions` keeps (at the cap in force) among
    those the candidate fetch returned with `cap_in_sql` name-gram candidates per row; and how many the fetch
    returned."""
    names = resolution._company_names(con)
    finder = resolution._CompanyFinder(names)
    reports = resolution._unlinked_reports(con, names, finder)
    blocks_of = {id(r): resolution._blocks(r) for r in reports}
    looked_up = set().union(*(looked for _, looked in blocks_of.values()))
    with monkeypatch.context() as patch:
        patch.setattr(resolution, "NAME_GRAM_CANDIDATES", cap_in_sql)
        rows = resolution._stored_candidates(con, reports, blocks_of, looked_up, finder)
    known = resolution._Members(looked_up)
    known.remember_stored(rows, names, finder)
    kept = []
    for report in reports:
        positions = resolution._candidate_positions(blocks_of[id(report)][1], known.by_block, known.recency)
        kept.append({(known.members[p].doc_id, known.members[p].seq) for p in positions})
    return kept, len(rows)


def test_the_fetch_returns_every_stored_candidate_the_ranking_keeps(tmp_path, monkeypatch):
    from test_warehouse_fixtures import WEST_COAST, document, project

    from zhaoyin.extractors.pipeline import add_evidence_keys_and_fingerprint
    from zhaoyin.schemas import Extraction

    def item(name: str, day: int) -> tuple:
        text = f"{name}在西海岸新区开工，总投资{day + 3}亿元。"
        doc = document(text, f"/crowd/{day}.txt", f"2024-01-{day:02d}")
        found = Extraction(projects=[project(text, text, name=name, district=WEST_COAST, status="started")])
        return doc, add_evidence_keys_and_fingerprint(doc, found)

    # twelve stored reports of the place sharing one or two grams of the new name: a cap of 3 crowds them as
    # a county of years of reports crowds 64
    stored = [item(f"冷链{chr(0x4E00 + i)}{chr(0x4F00 + i)}项目", i + 1) for i in range(10)]
    stored += [item("澜湾冷链物流中心项目", 11), item("冷链物流园项目", 12)]
    monkeypatch.setattr(resolution, "NAME_GRAM_CANDIDATES", 3)
    con = warehouse.connect(tmp_path / "w.duckdb")
    warehouse.load_batch(con, stored, [])
    warehouse.load_batch(con, [item("澜湾冷链物流枢纽项目", 20)], [], refresh=False)
    resolution.refresh_companies(con)

    capped, fetched_capped = _kept_by_ranking(con, 3, monkeypatch)
    from_every_candidate, fetched_all = _kept_by_ranking(con, 999_999, monkeypatch)
    con.close()

    assert fetched_capped < fetched_all, "the cap leaves stored reports out of the fetch"
    assert capped == from_every_candidate
    assert len(capped[0]) == 3 + 1  # and 澜湾冷链物流中心, sharing its brand (澜湾冷链): always compared
