"""The hand-written gold annotations of ../shared loaded as Extractions: real reports, no extraction involved
(the records' evidence spans and resolution keys are added as the pipeline adds them)."""

from __future__ import annotations

import json

import pytest

from zhaoyin import warehouse
from zhaoyin.extractors.pipeline import add_evidence_keys_and_fingerprint
from zhaoyin.schemas import Document, Extraction


@pytest.fixture
def gold_db(shared_dir, db_path):
    items = []
    for path in sorted((shared_dir / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (shared_dir / "corpus" / gold["doc"]).read_text(encoding="utf-8")
        document = Document(text=text, source=f"corpus/{gold['doc']}", published=gold.get("published"))
        extraction = add_evidence_keys_and_fingerprint(document, Extraction.model_validate(gold))
        items.append((document, extraction))
    if not items:
        pytest.skip("no gold annotations")
    con = warehouse.connect(db_path)
    result = warehouse.load_batch(con, items, [])
    yield con, items, result
    con.close()


def test_every_gold_record_is_stored_and_traceable(gold_db):
    con, items, result = gold_db
    assert result.new_documents == len(items)
    assert result.counts["projects"] == sum(len(e.projects) for _, e in items)
    assert result.counts["metrics"] == sum(len(e.metrics) for _, e in items)
    untraceable = con.execute(
        "SELECT count(*) FROM projects p JOIN documents d USING (doc_id) WHERE NOT contains(d.text, p.evidence)"
    ).fetchall()[0][0]
    assert untraceable == 0


def test_resolution_on_real_reports(gold_db):
    con, items, _ = gold_db
    resolved = con.execute("SELECT count(*) FROM v_projects").fetchall()[0][0]
    assert 0 < resolved <= sum(len(e.projects) for _, e in items)
    for _, extraction in items:  # every surface form of a company resolves to one company
        for company in extraction.companies:
            ids = con.execute(
                "SELECT DISTINCT company_id FROM company_names WHERE list_contains(?, name)",
                [[company.canonical, *company.mentions]],
            ).fetchall()
            assert len(ids) == 1, company
    periods = {p for (p,) in con.execute("SELECT DISTINCT period FROM v_district_period").fetchall()}
    expected = set()
    for _, extraction in items:
        if extraction.published and extraction.projects:
            year, month = extraction.published[:4], int(extraction.published[5:7] or 1)
            expected.add(f"{year}Q{(month - 1) // 3 + 1}")
    assert periods <= expected
