"""Projects: names, linked company/district/amount/status, paragraph leads, aggregates left out."""

from __future__ import annotations

import pytest

from extractors.companies import find_companies
from extractors.districts import find_districts
from extractors.projects import find_projects
from extractors.text import halfwidth

amounts_module = pytest.importorskip("extractors.amounts")


def projects_of(text: str):
    text = halfwidth(text)
    districts, _city = find_districts(text)
    return find_projects(
        text,
        amounts=amounts_module.find_amounts(text),
        companies=find_companies(text),
        districts=districts,
        metrics=[],
        published="2025-04",
    )


def by_name(projects):
    return {p.name: p for p in projects}


def test_amount_company_district_and_status_are_linked():
    text = "青岛市城阳区招商成效明显。此外，总投资130亿元的鹏辉能源储能电池生产项目（一期）电芯厂房目前已完工，总投资30亿元的瑞幸咖啡创新生产中心项目正在开展主体建设。"
    found = by_name(projects_of(text))
    battery = found["鹏辉能源储能电池生产项目(一期)"]
    assert (battery.company, battery.district, battery.amount_yuan, battery.status) == (
        "鹏辉能源",
        "城阳区",
        13_000_000_000,
        "completed",
    )
    coffee = next(p for name, p in found.items() if name.startswith("瑞幸咖啡"))
    assert (coffee.company, coffee.amount_text, coffee.status) == ("瑞幸咖啡", "30亿元", "started")
    assert "主体建设" in coffee.evidence and "完工" not in coffee.evidence


def test_evidence_offsets_frame_the_evidence():
    text = halfwidth(
        "日前，电阀高端泵阀流体装备生产基地项目落地开工，计划在李沧区建设6万平方米的现代化基地。"
    )
    (project,) = [p for p in projects_of(text) if p.name.startswith("电阀")]
    assert text[project.start : project.end] == project.evidence
    assert project.status == "started" and project.district == "李沧区"


def test_paragraph_lead_gives_the_district():
    text = (
        "产业契合度高同样是莱西市项目招引的一大特色。该市今年一季度新签约的75个总投资过亿元项目中，"
        "包含海源碳烯铝基复合材料等41个先进制造业项目、芯源高端车用锂电池负极材料等7个智能网联汽车产业项目。"
    )
    found = by_name(projects_of(text))
    assert {"海源碳烯铝基复合材料", "芯源高端车用锂电池负极材料"} <= set(found)
    assert all(p.district == "莱西市" and p.status == "signed" for p in found.values())


def test_aggregates_and_thresholds_are_not_projects():
    text = (
        "今年一季度，市北区新落地亿元以上项目31个，推动110余个重点项目取得积极进展，"
        "力争引进过亿元产业项目230个以上，滚动推进重大战略攻坚项目100个以上。"
    )
    assert projects_of(text) == []


def test_threshold_amount_is_not_the_projects_investment():
    text = "城阳区共签约亿元以上优质项目49个，包括（青岛）进出口食品产业基地。"
    (project,) = projects_of(text)
    assert project.amount_yuan is None and project.status == "signed"


def test_places_and_slogans_are_not_projects():
    text = "崂山区依托青岛市人工智能产业园，坚持“大抓项目、抓大项目”导向，加快推进项目建设。"
    assert projects_of(text) == []


def test_no_text_no_projects():
    assert find_projects("", amounts=[], companies=[], districts=[], metrics=[], published=None) == []
