"""Which level of place a figure's subject or a project's district is: the conventions of the real-text gold
(the most specific place the text gives for what the clause speaks of)."""

from __future__ import annotations

import re

import pytest

from zhaoyin.extractors.amounts import find_amounts
from zhaoyin.extractors.metrics import find_metrics
from zhaoyin.extractors.script import simplified_view
from zhaoyin.schemas import District, Span


def district(text: str, canonical: str, kind: str, *surfaces: str) -> District:
    spans: list[Span] = []
    for surface in sorted(surfaces or (canonical,), key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(Span(start=m.start(), end=m.end()))
    return District(canonical=canonical, mentions=list(surfaces or (canonical,)), kind=kind, spans=spans)


def subjects(text: str, districts: list[District], city: str = "济东市") -> dict[float, str | None]:
    view = simplified_view(text)
    ms = find_metrics(view, amounts=find_amounts(view), districts=districts, city=city, published="2024-09")
    return {m.value: m.subject for m in ms}


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，峄川经济开发区全力拼经济。\n开发区持续服务企业。1至7月，园区新增规上工业企业3家，完成固定资产投资140亿元。"
        "\n峄川市加快项目建设。目前，园区已签约重大项目10个，总投资137亿元。",
        "峄川经济开发区召开推进会。\n该园区重点发展新材料产业，1至7月新增规上工业企业3家，完成固定资产投资140亿元。"
        "\n峄川市加快项目建设。目前，该开发区已签约重大项目10个，总投资137亿元。",
        "今年以來，峄川經濟開發區全力拼經濟。\n開發區持續服務企業。1至7月，園區新增規上工業企業3家，完成固定資產投資140億元。"
        "\n峄川市加快項目建設。目前，園區已簽約重大項目10個，總投資137億元。",
    ],
)
def test_a_zone_spoken_of_by_its_kind_alone_is_the_zone_not_the_county_holding_it(text):
    view = simplified_view(text)
    districts = [
        district(view, "峄川经济开发区", "zone"),
        district(view, "峄川市", "county_city"),
    ]
    by_value = subjects(text, districts)
    assert by_value[3] == "峄川经济开发区"
    assert by_value[140] == "峄川经济开发区"
    assert by_value[10] == "峄川经济开发区"
    assert by_value[137] == "峄川经济开发区"


def test_a_zone_word_inside_a_clause_or_after_a_place_is_no_anaphor():
    text = (
        "峄川经济开发区举行推进会。\n峄川市新签约项目12个，入驻园区企业8家。\n峄川市园区新增规上工业企业5家。"
    )
    districts = [district(text, "峄川经济开发区", "zone"), district(text, "峄川市", "county_city")]
    by_value = subjects(text, districts)
    assert by_value[12] == "峄川市"
    assert by_value[8] == "峄川市"
    assert by_value[5] == "峄川市"
