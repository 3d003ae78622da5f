"""Project resolution scored on the linkage set (tests/data/linkage, written by scripts/make_linkage_set.py):
pairwise precision and recall against the truth of which reports are one project, in a real warehouse."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from linkage_set import LINKAGE, import_set, score_warehouse, truth

from zhaoyin.extractors.script import is_traditional
from zhaoyin.warehouse.linkage import THRESHOLD, VETO, Report, score


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Path:
    db_path = tmp_path_factory.mktemp("linkage") / "linkage.duckdb"
    import_set(db_path)
    return db_path


def test_the_set_has_40_projects_each_in_2_to_5_documents_with_every_variation():
    meta = truth()
    reports = Counter(e["project"] for entries in meta["documents"].values() for e in entries)
    assert len(meta["projects"]) >= 40
    assert set(reports) == set(meta["projects"]) and all(2 <= n <= 5 for n in reports.values())
    texts = {name: (LINKAGE / "docs" / name).read_text(encoding="utf-8") for name in meta["documents"]}
    assert sum(is_traditional(t) for t in texts.values()) >= 10
    phases = Counter(p["theme"] for p in meta["projects"].values() if p["phase"])
    assert sum(n == 2 for n in phases.values()) >= 5  # 一期/二期 pairs of one base
    by_company = Counter(p["company"] for p in meta["projects"].values())
    assert sum(n >= 2 for n in by_company.values()) >= 10  # companies with more than one project
    assert sum(len(entries) == 2 for entries in meta["documents"].values()) >= 5  # reports listing two


def test_pairwise_precision_and_recall_on_the_linkage_set(linked):
    con = duckdb.connect(str(linked), read_only=True)
    result = score_warehouse(con)
    print(result)
    assert result.mapped >= 0.9 * result.rows
    assert result.precision >= 0.97 and result.recall >= 0.93
    assert result.merged_phases == []


def test_loading_the_set_in_small_batches_links_as_well(tmp_path):
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    db_path = tmp_path / "batches.duckdb"
    ingest(discover([LINKAGE / "docs"]), db_path, batch_size=16)
    con = duckdb.connect(str(db_path), read_only=True)
    result = score_warehouse(con)
    assert result.precision >= 0.97 and result.recall >= 0.93 and result.merged_phases == []


def test_splink_on_the_same_fields_does_worse(linked):
    pytest.importorskip("splink")
    from zhaoyin.scripts.linkage_splink import splink_clusters

    con = duckdb.connect(str(linked), read_only=True)
    ours = score_warehouse(con)
    for threshold in (0.5, 0.9, 0.99):
        theirs = score_warehouse(con, splink_clusters(con, threshold))
        assert theirs.precision + theirs.recall < ours.precision + ours.recall


def test_the_truth_file_is_what_the_generator_writes():
    from zhaoyin.scripts.make_linkage_set import build

    docs, meta = build()
    assert meta == json.loads((LINKAGE / "truth.json").read_text(encoding="utf-8"))
    assert all((LINKAGE / "docs" / name).read_text(encoding="utf-8") == text for name, text in docs.items())


def _report(**fields) -> Report:
    base = {"doc_id": "d1", "seq": 0, "key": "储能电池基地", "company_id": "c1", "district": "胶州市"}
    return Report(**(base | fields))


def test_vetoes_phases_kinds_and_cities():
    a = _report(numbers=frozenset({"一"}))
    assert score(a, _report(doc_id="d2", numbers=frozenset({"二"}))) == VETO
    assert score(_report(), _report(doc_id="d2", kind="fund")) == VETO
    assert score(_report(path=("青岛市", "胶州市")), _report(doc_id="d2", path=("苏州市", "昆山市"))) == VETO
    assert score(a, _report(doc_id="d2", numbers=frozenset({"一"}))) >= THRESHOLD


def test_a_zone_inside_the_county_agrees_and_two_places_of_one_city_do_not():
    county = _report(path=("青岛市", "胶州市"), district="胶州市")
    zone = _report(
        doc_id="d2", path=("青岛市", "胶州市", "胶州经济技术开发区"), district="胶州经济技术开发区"
    )
    other = _report(doc_id="d3", path=("青岛市", "即墨区"), district="即墨区")
    assert score(county, zone) > score(county, other)
    assert score(county, zone) >= THRESHOLD


def test_a_company_fragment_beside_a_name_that_says_whose_project_it_is():
    registered = _report(company_names=frozenset({"澜峰新能源科技", "澜峰新能源科技集团有限公司"}))
    fragment = _report(
        doc_id="d2",
        company_id="c2",
        key="澜峰储能电池基地",
        full_key="澜峰新能源储能电池基地项目",
        company_names=frozenset({"新能源"}),
    )
    stranger = _report(
        doc_id="d3", company_id="c3", key="储能电池基地", company_names=frozenset({"海川重工"})
    )
    assert score(registered, fragment) >= THRESHOLD
    assert score(registered, stranger) < THRESHOLD
