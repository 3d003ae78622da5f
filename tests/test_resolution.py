"""Cross-document resolution: one row per project, lifecycle events in order, reprints counted once,
companies merged across full/short names and bracket widths."""

from __future__ import annotations

from datetime import date

import pytest
from test_warehouse_fixtures import (
    CATL_FULL,
    CATL_SHORT,
    SERVICE_FULL,
    SERVICE_HALF,
    WEST_COAST,
    story,
    story_doc_ids,
)

from zhaoyin import warehouse
from zhaoyin.extractors.keys import company_key
from zhaoyin.extractors.pipeline import add_evidence_keys_and_fingerprint
from zhaoyin.warehouse.resolution import resolve_companies


def rows(con, sql, params=None):
    return con.execute(sql, params or []).fetchall()


@pytest.fixture
def loaded(db_path):
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, story(), [])
    yield con
    con.close()


def test_one_row_per_project(loaded):
    projects = rows(loaded, "SELECT company, district FROM v_projects ORDER BY company")
    assert len(projects) == 4
    assert sorted(p[0] for p in projects) == sorted(
        [CATL_FULL, SERVICE_FULL, "海尔智家股份有限公司", "青岛某某新材料有限公司"]
    )


def test_lifecycle_of_a_project_reported_in_different_words(loaded):
    (project_id, name, company, amount, status, first, last, sources, reprints, evidence) = rows(
        loaded,
        """SELECT project_id, name, company, amount_yuan, latest_status, first_reported, last_reported,
                  sources, reprints, latest_evidence
           FROM v_projects WHERE company = ?""",
        [CATL_FULL],
    )[0]
    assert name == "宁德时代青岛储能电池基地项目"
    assert company == CATL_FULL
    assert amount == 13e9
    assert status == "completed"
    assert (first, last) == (date(2025, 3, 15), date(2026, 5, 10))
    assert sources == 3  # signed, started, completed — not the reprint
    assert reprints == 1
    assert "竣工投产" in evidence
    events = rows(
        loaded,
        "SELECT event, event_date, doc_id FROM v_project_events WHERE project_id = ? ORDER BY event_date",
        [project_id],
    )
    assert [e[0] for e in events] == ["signed", "started", "completed"]
    ids = story_doc_ids()
    assert [e[2] for e in events] == [ids["signed"], ids["started"], ids["completed"]]


def test_reprint_is_linked_and_not_double_counted(loaded):
    ids = story_doc_ids()
    assert rows(loaded, "SELECT reprint_of FROM documents WHERE doc_id = ?", [ids["reprint"]]) == [
        (ids["signed"],)
    ]
    assert rows(loaded, "SELECT count(*) FROM projects")[0][0] == 8  # the reprint's row is stored…
    signed_over = rows(
        loaded,
        "SELECT signed_projects_over_1e8 FROM v_district_period WHERE district = ? AND period = '2025Q1'",
        [WEST_COAST],
    )
    assert signed_over == [(1,)]  # …but counted once
    metric_rows = rows(loaded, "SELECT count(*) FROM v_metrics WHERE indicator = '新签约亿元以上项目'")
    assert metric_rows == [(1,)]


def test_companies_merge_across_full_and_short_names_and_bracket_widths(loaded):
    dim = {
        canonical: set(aliases)
        for canonical, aliases in rows(loaded, "SELECT canonical, aliases FROM dim_companies")
    }
    assert dim[CATL_FULL] >= {CATL_FULL, CATL_SHORT}
    assert dim[SERVICE_FULL] == {SERVICE_FULL, SERVICE_HALF}
    assert SERVICE_FULL not in dim[CATL_FULL]  # a subsidiary with its own name is its own company
    service = rows(loaded, "SELECT latest_status, sources FROM v_projects WHERE company = ?", [SERVICE_FULL])
    assert service == [("landed", 2)]


def test_short_name_joins_only_an_unambiguous_registered_name():
    names = [
        ["宁德时代新能源科技股份有限公司"],
        ["宁德时代"],
        ["时代"],  # contained in two registered names: stays apart
        ["时代电服（青岛）科技有限公司"],
        ["海尔智家股份有限公司"],
        ["海尔集团公司"],
        ["海尔"],  # ambiguous between two parents without brackets: stays apart
    ]
    resolved = resolve_companies([[company_key(name) for name in group] for group in names])
    assert resolved["宁德时代"][0] == resolved["宁德时代新能源科技股份有限公司"][0]
    assert resolved["宁德时代"][1] == "宁德时代新能源科技股份有限公司"
    assert resolved["时代"][0] not in {resolved["宁德时代"][0], resolved["时代电服（青岛）科技有限公司"][0]}
    assert resolved["海尔"][0] not in {resolved["海尔智家股份有限公司"][0], resolved["海尔集团公司"][0]}


def test_project_ids_are_stable_across_batches_and_reextraction(db_path, tmp_path):
    items = story()
    con = warehouse.connect(db_path)
    for item in items:  # one document per batch, in publication order
        warehouse.load_batch(con, [item], [])
    by_batch = rows(con, "SELECT project_id, company, sources FROM v_projects ORDER BY project_id")
    result = warehouse.replace_extractions(con, items)
    assert result.replaced_documents == len(items) and result.new_documents == 0
    after = rows(con, "SELECT project_id, company, sources FROM v_projects ORDER BY project_id")
    assert after == by_batch
    con.close()

    other = warehouse.connect(tmp_path / "one_batch.duckdb")
    warehouse.load_batch(other, items, [])
    assert rows(other, "SELECT project_id, company, sources FROM v_projects ORDER BY project_id") == by_batch
    other.close()


def test_company_only_report_is_not_forced_onto_an_ambiguous_project(db_path):
    items = story()
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, items, [])
    before = rows(con, "SELECT count(*) FROM v_projects")[0][0]
    from test_warehouse_fixtures import document, project

    from zhaoyin.schemas import Extraction

    text = "宁德时代又在西海岸新区签约一个储能研究院项目，投资8亿元。"
    second = Extraction(
        projects=[
            project(
                text,
                text,
                name="储能研究院项目",
                company=CATL_SHORT,
                district=WEST_COAST,
                amount_yuan=8e8,
                status="signed",
            )
        ]
    )
    new = document(text, "/x/new.txt", "2026-06-01")
    warehouse.load_batch(con, [(new, add_evidence_keys_and_fingerprint(new, second))], [])
    assert rows(con, "SELECT count(*) FROM v_projects")[0][0] == before + 1
    assert rows(con, "SELECT count(*) FROM v_company_projects WHERE company = ?", [CATL_FULL])[0][0] == 2
    con.close()


def test_abridged_reprint_points_at_the_fuller_version_whatever_the_order(tmp_path):
    from test_warehouse_fixtures import SIGNED, document

    from zhaoyin.schemas import Extraction, Project

    extra = (
        "据了解，董家口经济区今年以来已累计引进新能源产业链项目十余个，港口、铁路和园区配套同步完善，"
        "区里还将设立产业基金，支持储能、氢能和海上风电装备企业在此集聚发展，打造千亿级绿色能源产业集群。"
    )
    full_text, short_text = SIGNED + extra, SIGNED

    def item(text, source):
        ext = Extraction(
            projects=[Project(name="宁德时代青岛储能电池基地项目", company=CATL_FULL, evidence=text[:40])]
        )
        doc = document(text, source, "2025-03-15")
        return doc, add_evidence_keys_and_fingerprint(doc, ext)

    full, short = item(full_text, "/a/full.txt"), item(short_text, "/b/short.txt")
    for order in ([full, short], [short, full]):
        db = tmp_path / f"{order[0][0].source.split('/')[1]}.duckdb"
        con = warehouse.connect(db)
        for one in order:
            warehouse.load_batch(con, [one], [])
        links = dict(rows(con, "SELECT doc_id, reprint_of FROM documents"))
        assert links == {full[0].doc_id: None, short[0].doc_id: full[0].doc_id}
        assert rows(con, "SELECT sources, reprints FROM v_projects") == [(1, 1)]
        con.close()


def test_phases_and_numbered_lines_stay_apart():
    from zhaoyin.extractors.keys import key_numbers, project_key
    from zhaoyin.warehouse.linkage import THRESHOLD, VETO, Report, score

    def report(name: str, doc: str) -> Report:
        key = project_key(name)
        return Report(doc, 0, key, "c1", "黄岛区", numbers=frozenset(key_numbers(key)))

    def linked(a: str, b: str) -> float:
        return score(report(a, "d1"), report(b, "d2"))

    assert linked("储能电池基地一期项目", "储能电池基地二期项目") == VETO
    assert linked("地铁1号线工程", "地铁11号线工程") == VETO
    assert linked("第二个冷链物流项目", "第三个冷链物流项目") == VETO
    assert linked("储能电池基地项目", "储能电池基地") >= THRESHOLD
    assert linked("储能电池基地一期", "青岛储能电池基地一期项目") >= THRESHOLD


RESOLVED = """
    SELECT l.doc_id, l.seq, l.project_id, l.company_id, l.name_key, l.district
    FROM project_links l ORDER BY l.doc_id, l.seq
"""


@pytest.mark.parametrize("batch_size", [1, 2, 3])
def test_loading_in_batches_resolves_as_a_full_rebuild(db_path, batch_size):
    items = story()
    con = warehouse.connect(db_path)
    for start in range(0, len(items), batch_size):
        warehouse.load_batch(con, items[start : start + batch_size], [])
    incremental = rows(con, RESOLVED)
    companies = rows(con, "SELECT name, company_id FROM company_names ORDER BY name")
    projects = rows(con, "SELECT project_id, company, sources FROM v_projects ORDER BY project_id")
    assert incremental, "the story has linked projects"

    warehouse.rebuild_resolution(con)
    assert rows(con, RESOLVED) == incremental
    assert rows(con, "SELECT name, company_id FROM company_names ORDER BY name") == companies
    assert rows(con, "SELECT project_id, company, sources FROM v_projects ORDER BY project_id") == projects
    con.close()


def test_the_warehouse_stores_the_fingerprints_the_extractions_carry(db_path):
    items = story()
    con = warehouse.connect(db_path)
    warehouse.load_batch(con, items, [])
    signatures = {
        doc_id: (signature, count)
        for doc_id, signature, count in rows(con, "SELECT doc_id, signature, shingle_count FROM doc_minhash")
    }
    assert signatures == {
        doc.doc_id: (ext.fingerprint.signature, ext.fingerprint.shingle_count) for doc, ext in items
    }
    assert rows(con, "SELECT count(*) FROM reprints")[0][0] == 1
    con.close()


def test_documents_without_a_fingerprint_load_but_are_not_compared(db_path):
    (doc, ext), (reprint, reprint_ext) = story()[:2]
    con = warehouse.connect(db_path)
    result = warehouse.load_batch(
        con, [(doc, ext), (reprint, reprint_ext.model_copy(update={"fingerprint": None}))], []
    )
    assert result.new_documents == 2 and result.reprints == 0
    assert rows(con, "SELECT doc_id FROM doc_minhash") == [(doc.doc_id,)]
    con.close()


def test_parent_signing_and_subsidiary_completion_are_one_project(tmp_path, db_path):
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "signed.txt").write_text(
        "嘉兴南湖区举行重点项目签约仪式\n2024年5月8日\n\n"
        "本报讯 5月7日，南湖区签约澄波新材料高性能隔膜生产基地项目。"
        "该项目由澄波新材料科技股份有限公司投资建设，总投资48亿元，建设年产8亿平方米锂电隔膜生产线。",
        encoding="utf-8",
    )
    (folder / "completed.txt").write_text(
        "澄波新材料南湖基地建成投产\n2025年11月20日\n\n"
        "本报讯 11月19日，位于南湖区的澄波新材料（嘉兴）有限公司高性能隔膜生产基地一期项目建成投产。"
        "该项目总投资48亿元，从签约到投产用了18个月。",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["import", str(folder), "--db", str(db_path), "--no-prefect", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    con = warehouse.connect(db_path)
    try:
        found = rows(con, "SELECT latest_status, sources FROM v_projects WHERE name LIKE '%隔膜生产基地%'")
    finally:
        con.close()
    assert found == [("completed", 2)]
