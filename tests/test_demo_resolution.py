"""The demo (samples/) in a real warehouse: each project once, its reports its events, funds and foreign
amounts apart, nothing dropped for want of a date or district, and the report's headline is its SQL."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES

from zhaoyin import warehouse
from zhaoyin.flows.importing.discover import discover
from zhaoyin.flows.importing.ingest import ingest
from zhaoyin.warehouse.report import HEADLINE_SQL, build_report


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest(discover([SAMPLES]), db_path)
    con = warehouse.connect(db_path, read_only=True)
    yield con
    con.close()


def rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_four_reports_of_one_plant_are_one_project_with_its_events(demo):
    found = rows(
        demo,
        """SELECT project_id, amount_yuan, company_id, sources FROM v_projects
           WHERE project_id IN (SELECT project_id FROM v_project_events WHERE name LIKE '%宁远%')""",
    )
    assert len(found) == 1
    project_id, amount, company_id, sources = found[0]
    assert amount == 120e8 and company_id is not None and sources >= 3
    events = rows(
        demo,
        f"""SELECT DISTINCT event, event_date FROM v_project_events
            WHERE project_id = '{project_id}' AND event_date IS NOT NULL""",
    )
    assert len({date for _, date in events}) >= 3
    assert {"signed", "started", "completed"} <= {event for event, _ in events}


def test_the_top_ten_lists_no_project_twice(demo):
    top = rows(
        demo,
        "SELECT name, amount_yuan, district FROM v_projects ORDER BY amount_yuan DESC NULLS LAST LIMIT 10",
    )
    assert len({(amount, district) for _, amount, district in top}) == 10
    assert not any(name.endswith("基金") for name, _, _ in top)


def test_funds_are_their_own_kind_and_out_of_the_totals(demo):
    funds = rows(demo, "SELECT name, amount_yuan FROM v_projects_all WHERE kind = 'fund' ORDER BY name")
    assert {name for name, _ in funds} >= {"新能源产业投资基金"}
    assert rows(demo, "SELECT count(*) FROM v_projects WHERE kind <> 'project'") == [(0,)]
    assert rows(demo, "SELECT count(*) FROM v_projects WHERE name LIKE '%基金'") == [(0,)]


def test_foreign_currency_amounts_keep_their_currency_and_text(demo):
    found = dict(
        (name, (text, value, currency, yuan))
        for name, text, value, currency, yuan in rows(
            demo, "SELECT name, amount_text, amount_value, amount_currency, amount_yuan FROM v_projects"
        )
    )
    assert found["西部算力中心项目"] == ("2.8亿美元", 2.8e8, "USD", None)
    euro = [v for name, v in found.items() if v[2] == "EUR"]
    assert ("1.2亿欧元", 1.2e8, "EUR", None) in euro


def test_district_period_accounts_for_every_project(demo):
    (projects,) = rows(demo, "SELECT count(*) FROM v_projects")[0]
    (counted,) = rows(demo, "SELECT sum(projects) FROM v_district_period")[0]
    assert counted == projects
    (total,) = rows(demo, "SELECT sum(amount_yuan) FROM v_projects")[0]
    (by_district,) = rows(demo, "SELECT sum(total_investment_yuan) FROM v_district_period")[0]
    assert by_district == pytest.approx(total)
    (companies,) = rows(demo, "SELECT count(*) FROM v_company_projects")[0]
    assert companies == projects


def test_the_report_headline_is_the_sql_printed_beside_it(demo):
    page = build_report(demo)
    projects, investment_yi, *_ = rows(demo, HEADLINE_SQL)[0]
    totals = dict(re.findall(r"<b>([\d,.]+)</b>([^<]+)</div>", page))
    assert totals[f"{investment_yi:,.1f}"] == "亿元 total investment"
    assert totals[str(projects)] == "projects"
    assert "FROM v_projects" in page and "unknown" in page


def test_the_big5_twin_adds_no_project_company_or_metric(tmp_path):
    twins = ["shenzhen_qianhai_hk_2024-07_simplified.txt", "shenzhen_qianhai_hk_2024-07_big5.txt"]
    folder = tmp_path / "twins"
    folder.mkdir()
    counts = []
    db_path = tmp_path / "twins.duckdb"
    for name in twins:
        shutil.copy(SAMPLES / name, folder / name)
        ingest(discover([Path(folder / name)]), db_path)
        con = warehouse.connect(db_path, read_only=True)
        counts.append(
            rows(
                con,
                """SELECT (SELECT count(*) FROM v_projects_all), (SELECT count(*) FROM dim_companies),
                          (SELECT count(*) FROM v_metrics), (SELECT count(*) FROM documents)""",
            )[0]
        )
        con.close()
    assert counts[0][:3] == counts[1][:3] and counts[1][3] == 2
