"""Which level of place a figure's subject or a project's district is: the conventions of the real-text gold
(the most specific place the text gives for what the clause speaks of)."""

from __future__ import annotations

import re

import pytest
from project_stages import districts_of_projects

from zhaoyin.extractors.amounts import find_amounts
from zhaoyin.extractors.metrics import find_metrics
from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.script import simplified_view
from zhaoyin.schemas import District, Document, Span


def district(text: str, canonical: str, kind: str, *surfaces: str, city: str | None = None) -> District:
    spans: list[Span] = []
    for surface in sorted(surfaces or (canonical,), key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(Span(start=m.start(), end=m.end()))
    return District(
        canonical=canonical, mentions=list(surfaces or (canonical,)), kind=kind, spans=spans, city=city
    )


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


@pytest.mark.parametrize(
    "text",
    [
        "9月8日，峄川市重大项目集中开工。当天开工的云栖饮品、丰禾包装等12个项目，分别位于峄川经济开发区、"
        "石港经合区，投资额达36亿元。",
        "峄川市举行签约仪式。包括峄川经济开发区的云栖饮品项目，石港经合区的丰禾包装项目在内的18个项目集中签约，"
        "总投资金额达405亿元。",
        "峄川市舉行簽約儀式。當天開工的雲棲飲品、豐禾包裝等12個項目，分別位於峄川經濟開發區、石港經合區，"
        "投資額達36億元。",
    ],
)
def test_a_figure_spread_over_listed_zones_is_the_division_holding_them(text):
    view = simplified_view(text)
    districts = [
        district(view, "峄川市", "county_city"),
        district(view, "峄川经济开发区", "zone"),
        district(view, "石港经合区", "zone"),
    ]
    by_value = subjects(text, districts)
    figure = 36 if 36 in by_value else 405
    assert by_value[figure] == "峄川市"


def test_a_figure_spread_over_listed_districts_is_their_city():
    text = "此外，西岭、南湖、北塘等区县也分别开展了招商项目集中签约活动，累计签约项目53个，总投资额超过550亿元。"
    districts = [
        district(text, "西岭区", "district", "西岭", city="济东市"),
        district(text, "南湖区", "district", "南湖", city="济东市"),
        district(text, "北塘县", "county", "北塘", city="济东市"),
    ]
    by_value = subjects(text, districts, city=None)
    assert by_value[53] == "济东市"
    assert by_value[550] == "济东市"


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，胶州经济技术开发区全力以赴拼经济、促发展，推动高质量发展再提速，园区新增规上工业企业3家。\n"
        "开发区成立了项目专班，紧盯40个胶州市百项重点工程，全程服务、加速实施，厚植工业经济发展后劲。"
        "目前，星澜光电项目、禾川冷链项目等8个新建项目已经开工。",
        "11月28日，胶州经济技术开发区举行11月招商项目签约仪式，共签约6个项目，总金额46亿元，涉及胶州市生物科技、"
        "农产品深加工等领域。\n签约的星澜光电项目、禾川冷链项目均为产业链重点项目，达产后年产值超10亿元。",
        "今年以來，膠州經濟技術開發區全力以赴拼經濟、促發展，推動高質量發展再提速，園區新增規上工業企業3家。\n"
        "開發區成立了項目專班，緊盯40個膠州市百項重點工程，全程服務、加速實施，厚植工業經濟發展後勁。"
        "目前，星瀾光電項目、禾川冷鏈項目等8個新建項目已經開工。",
    ],
)
def test_a_paragraph_is_about_the_zone_it_opens_with_not_the_county_named_in_passing(text):
    found = districts_of_projects(text, published="2024-09")
    assert found and set(found.values()) == {"胶州经济技术开发区"}, found


def test_a_paragraph_opening_with_its_county_still_gives_the_county():
    found = districts_of_projects(
        "7月21日，胶州市项目集中签约、开工仪式在胶州经济技术开发区隆重举行，县委书记出席仪式并讲话，副县长主持仪式。\n"
        "仪式上共签约项目2个，分别是星澜光电项目、禾川冷链项目，总投资6.5亿元。",
        published="2024-09",
    )
    assert found and set(found.values()) == {"胶州市"}, found


@pytest.mark.parametrize(
    "text",
    [
        "5月23日，李哥庄镇集中签约3个招商引资项目，协议投资额达2亿元，涵盖物流仓储、农产品加工等产业。",
        "今年以来，李哥庄镇成功签约3个招商引资项目，协议投资额达2亿元。",
        "5月23日，李哥莊鎮集中簽約3個招商引資項目，協議投資額達2億元。",
    ],
)
def test_a_town_leading_its_figures_gives_them_to_its_county(text):
    by_value = subjects(text, [], city="青岛市")
    assert by_value[3] == "胶州市"
    assert by_value[2] == "胶州市"


@pytest.mark.parametrize(
    "text",
    [
        "9月26日，胶州市重大项目集中签约仪式在胶州经济技术开发区举行，现场集中签约产业项目35个、总投资105亿元，"
        "涵盖高端装备制造、生命科学等领域。\n星澜基地项目投资主体为星澜集团，计划总投资3亿美元，新增用地160亩，"
        "项目建成后，将成为上合示范区内高标准示范园区。\n当天签约的还有禾川冷链物流中心项目、云栖智能制造项目等产业项目。",
        "9月26日，膠州市重大項目集中簽約儀式在膠州經濟技術開發區舉行，現場集中簽約產業項目35個、總投資105億元，"
        "涵蓋高端裝備製造、生命科學等領域。\n星瀾基地項目投資主體為星瀾集團，計劃總投資3億美元，新增用地160畝，"
        "項目建成後，將成為上合示範區內高標準示範園區。\n當天簽約的還有禾川冷鏈物流中心項目、雲棲智能製造項目等產業項目。",
    ],
)
def test_a_paragraph_about_another_project_leads_no_other(text):
    found = districts_of_projects(text, published="2024-09")
    others = {name: d for name, d in found.items() if "禾川" in name or "云栖" in name}
    assert others and set(others.values()) == {"胶州市"}, found


def test_a_division_named_inside_a_listed_zone_is_no_listed_place_of_its_own():
    text = (
        "峄川区举行签约仪式。\n在昨日的主会场集中签约现场，包括石港高新区的云栖饮品，峄川高新区丰禾包装在内的18个项目"
        "集中签约，总投资金额达405亿元。"
    )
    districts = [
        district(text, "峄川区", "district", "峄川区", "峄川", city="济东市"),
        district(text, "石港高新区", "zone", city="济东市"),
        district(text, "峄川高新区", "zone", city="济东市"),
    ]
    by_value = subjects(text, districts)
    assert by_value[18] == "峄川区"
    assert by_value[405] == "峄川区"


@pytest.mark.parametrize(("abbreviation", "city"), [("哈市", "哈尔滨市"), ("呼市", "呼和浩特市")])
def test_a_city_called_by_its_first_character_is_the_subject_of_its_figures(abbreviation, city):
    text = (
        f"2022年，{abbreviation}计划开工重点项目496个，总投资3957.5亿元。\n"
        "据新区发改部门统计，哈尔滨新区江北一体发展区计划开复工项目140个。"
    )
    found = extract(Document(text=text, source="x.txt"), strict=True)
    assert {m.value: m.subject for m in found.metrics}[496] == city


def test_a_place_opening_the_first_item_of_a_counted_list_is_no_subject_of_its_count():
    text = (
        "新疆峄川地区举行一季度项目集中签约活动。活动现场，计划总投资212.9亿元的峄川经济开发区蓝岸纳米产业园、"
        "伽师县华迅纺纱等80个重点产业项目进行了集中签约。"
    )
    zone = district(text, "峄川经济开发区", "zone", city="峄川地区")
    county = district(text, "伽师县", "county", city="峄川地区")
    assert subjects(text, [zone, county], city="峄川地区")[80] == "峄川地区"


@pytest.mark.parametrize(
    "text",
    [
        "广西招商工作会议召开\n本报南宁讯 记者从广西招商工作会议获悉，去年全区新签约项目投资总额8200亿元，"
        "我区累计开工项目960个。",
        "廣西招商工作會議召開\n本報南寧訊 記者從廣西招商工作會議獲悉，去年全區新簽約項目投資總額8200億元，"
        "我區累計開工項目960個。",
    ],
)
def test_an_autonomous_region_speaking_of_itself_as_the_whole_region_is_the_subject(text):
    metrics = extract(Document(text=text, source="region.txt")).metrics
    by_value = {m.value: (m.subject, m.indicator) for m in metrics}
    assert by_value[8200][0] == by_value[960][0] == "广西壮族自治区", by_value
    assert "全省" not in "".join(indicator for _subject, indicator in by_value.values()), by_value
