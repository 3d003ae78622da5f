"""Aggregate investment-attraction figures: which numbers count, their units, subjects and periods."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.amounts import find_amounts
from zhaoyin.extractors.districts import find_districts
from zhaoyin.extractors.metrics import find_metrics
from zhaoyin.extractors.script import simplified_view
from zhaoyin.extractors.text import halfwidth
from zhaoyin.schemas import District, Span

KINDS = {"区": "district", "市": "county_city", "园区": "zone", "新区": "new_area", "开发区": "zone"}


def district(text: str, canonical: str, kind: str, *surfaces: str) -> District:
    spans: list[Span] = []
    for surface in sorted(surfaces or (canonical,), key=len, reverse=True):
        for m in re.finditer(re.escape(surface), text):
            if not any(s.start <= m.start() < s.end for s in spans):
                spans.append(Span(start=m.start(), end=m.end()))
    return District(canonical=canonical, mentions=list(surfaces or (canonical,)), kind=kind, spans=spans)


def metrics_of(text: str, districts: list[District], city: str = "成都市", published: str | None = "2025-04"):
    return find_metrics(text, amounts=find_amounts(text), districts=districts, city=city, published=published)


def figures(metrics) -> list[tuple[float, str]]:
    return [(m.value, m.unit) for m in metrics]


def test_counts_totals_rates_and_foreign_capital():
    text = (
        "今年一季度，武侯区新签约亿元以上项目26个，同比增长18.2%，协议总投资312.5亿元。"
        "武侯区实际使用外资1.6亿美元。"
    )
    ms = metrics_of(text, [district(text, "武侯区", "district")])
    assert figures(ms) == [(26, "个"), (18.2, "%"), (312.5, "亿元"), (1.6, "亿美元")]
    assert {m.subject for m in ms} == {"武侯区"}
    assert {m.period for m in ms} == {"2025Q1"}
    assert ms[0].indicator == "新签约亿元以上项目"
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_noun_before_and_noun_after_counts():
    text = (
        "去年，合肥市领导带队走访企业86家，举办投资推介会7场，会见跨国公司考察团40余人次，"
        "达成21个合作项目，协调解决企业诉求93件，推动118个项目开工。"
    )
    ms = metrics_of(text, [], city="合肥市", published="2025-02")
    assert figures(ms) == [(86, "家"), (7, "场"), (40, "人次"), (21, "个"), (93, "件"), (118, "个")]
    assert {m.subject for m in ms} == {"合肥市"}
    assert {m.period for m in ms} == {"2024"}


def test_a_count_of_a_noun_joined_inside_by_a_conjunction():
    text = (
        "特色优势产业项目100个，总投资2979.95亿元。包括6个工程机械项目、5个中小航空发动机及航空航天装备项目、"
        "10个新能源与节能环保项目、15个轻工纺织项目。"
    )
    found = {(m.value, m.indicator) for m in metrics_of(text, [], city="长沙市")}
    assert (5, "中小航空发动机及航空航天装备项目") in found
    assert (10, "新能源与节能环保项目") in found


def test_a_sum_said_of_a_counted_list_as_a_whole_is_its_total():
    text = (
        "活动现场，计划总投资金额212.9亿元的蓝岸新材料产业园、华迅30万锭纺纱等80个重点产业项目进行了集中签约，"
        "总投资122.05亿元的星澜锂电池项目、禾川制糖全产业链等52个项目集中开工。"
    )
    found = {(m.value, m.unit) for m in metrics_of(text, [], city="喀什地区")}
    assert {(212.9, "亿元"), (122.05, "亿元"), (80, "个"), (52, "个")} <= found


@pytest.mark.parametrize(
    "text",
    [
        "签订总投资10亿元的蓝岸食品产业园项目、与华迅机械有限公司签订总投资3.5亿元的农机制造等8个项目。",
        "总投资320亿元的蓝岸智算中心等5个百亿元项目签约落户。",
    ],
)
def test_one_items_own_sum_before_a_counted_list_is_no_total(text):
    assert not [m for m in metrics_of(text, [], city="喀什地区") if m.unit == "亿元"]


def test_a_count_of_projects_after_listed_modifiers_joined_by_a_conjunction():
    text = "21个规模大、能级高、带动强的重点产业链及细分赛道代表性项目于现场签约，总投资524亿元。"
    found = {(m.value, m.unit) for m in metrics_of(text, [], city="上海市")}
    assert {(21, "个"), (524, "亿元")} <= found


def test_a_contract_sum_and_a_count_after_modifiers_of_five_characters():
    text = (
        "今年1—5月，全市新签约项目910个，正式合同额超过4000亿元。"
        "海西州精选了18个具有代表性、示范性的新建项目举办开复工仪式。"
    )
    found = {(m.value, m.unit) for m in metrics_of(text, [], city="重庆市")}
    assert {(910, "个"), (4000, "亿元"), (18, "个")} <= found


def test_activity_count_followed_by_its_verb():
    text = "苏州工业园区招商小分队35次赴长三角各地开展招商。"
    ms = metrics_of(text, [district(text, "苏州工业园区", "zone")], city="苏州市")
    assert figures(ms) == [(35, "次")]
    assert ms[0].subject == "苏州工业园区"


def test_non_investment_numbers_are_left_out():
    text = (
        "高新区常住人口128万人，GDP增长6.1%，气温25℃。第21届西部博览会举办，"
        "园区出台10项营商举措，布局40个细分赛道，建成换电站30座，推广车辆10000台，"
        "全区共有规上企业1500家。"
    )
    assert metrics_of(text, [district(text, "成都高新技术产业开发区", "zone", "高新区")]) == []


def test_project_amounts_are_not_aggregates_but_aggregate_totals_are():
    text = (
        "总投资80亿元的新能源电池项目开工，建成后产值可达200亿元。"
        "该区签约亿元以上项目34个，总投资152亿元。"
        "提速建设总投资900亿元的56个重点工程。"
        "全区10亿元以上项目9个。"
    )
    ms = metrics_of(text, [district(text, "即墨区", "district")])
    assert figures(ms) == [(34, "个"), (152, "亿元"), (900, "亿元"), (56, "个"), (9, "个")]


def test_subject_is_the_district_that_leads_the_clause_not_one_named_in_passing():
    text = (
        "作为中心城区，市北区今年一季度新落地项目31个。同时，举办青岛国际邮轮港区招商推进大会等活动14次，"
        "促成22家企业签署合作协议。"
    )
    districts = [
        district(text, "市北区", "district"),
        district(text, "青岛国际邮轮港区", "zone"),
    ]
    ms = metrics_of(text, districts, city="青岛市")
    assert figures(ms) == [(31, "个"), (14, "次"), (22, "家")]
    assert [m.subject for m in ms] == ["市北区", "市北区", "市北区"]


def test_anaphora_resolves_to_the_district_of_the_paragraph():
    text = (
        "成华区持续发力招商引资。今年该区力争全年龙潭工业园招引项目30个以上，产业规模突破280亿元，"
        "并带动全区产业规模达到400亿元。\n"
        "简阳市优化营商环境。该市新签约项目41个。\n"
        "全市新签约项目500个，外资项目占全市比重达38.5%。"
    )
    districts = [
        district(text, "成华区", "district"),
        district(text, "龙潭工业园", "zone"),
        district(text, "简阳市", "county_city"),
    ]
    ms = metrics_of(text, districts)
    by_value = {m.value: m.subject for m in ms}
    assert by_value[30] == "龙潭工业园"
    assert by_value[280] == "龙潭工业园"
    assert by_value[400] == "成华区"
    assert by_value[41] == "简阳市"
    assert by_value[500] == "成都市"


def test_paragraph_lead_district_when_the_sentence_names_none():
    text = "温江区大抓项目。新签约重点产业项目93个，其中先进制造业项目41个。"
    ms = metrics_of(text, [district(text, "温江区", "district")])
    assert [(m.value, m.subject) for m in ms] == [(93, "温江区"), (41, "温江区")]


def test_repeated_figure_is_reported_once():
    text = "庐阳区新签约75个过亿元项目。该区新签约的75个过亿元项目中，包含先进制造业项目41个。"
    ms = metrics_of(text, [district(text, "庐阳区", "district")])
    assert figures(ms) == [(75, "个"), (41, "个")]


def test_line_broken_inside_a_sentence_still_reads_as_one_sentence():
    text = "市领导带头出征，率团赴境外招商，举办重大经贸交流活动9场，推动一批重点项目取\n\n得积极进展，走访企业210家。"
    ms = metrics_of(text, [], city="青岛市", published="2025-02")
    assert figures(ms) == [(9, "场"), (210, "家")]


def test_period_carries_from_the_section_and_no_city_gives_no_subject():
    text = "去年以来，全区招商提速。\n招商专班走访企业120家。"
    ms = metrics_of(text, [], city=None, published="2025-03")
    assert figures(ms) == [(120, "家")]
    assert ms[0].period == "2024"
    assert ms[0].subject is None


def test_empty_and_odd_texts():
    assert metrics_of("", []) == []
    assert metrics_of("第3届、前10名、10+1产业体系", []) == []


def test_a_rate_clause_with_its_own_subject_must_itself_be_about_investment():
    text = "我市规上工业增加值增长7.2%，固定资产投资增长5.1%，招商引资项目履约率达到92%。"
    ms = metrics_of(text, [], city="合肥市", published="2024-10")
    assert figures(ms) == [(5.1, "%"), (92, "%")]
    assert ms[1].indicator == "招商引资项目履约率"


def test_percentage_points_and_elliptical_rates():
    text = "全市实际使用外资金额12.3亿美元，同比增长8.5%，增速高于全省3.2个百分点。"
    ms = metrics_of(text, [], city="合肥市", published="2024-10")
    assert figures(ms) == [(12.3, "亿美元"), (8.5, "%"), (3.2, "个百分点")]
    assert ms[0].indicator == "实际使用外资"


def test_aggregate_total_without_a_count_needs_an_aggregate_word():
    text = "1至9月，全市签约项目总投资2350亿元。项目平均投资额达6.8亿元。该项目总投资12亿元，年产值30亿元。"
    ms = metrics_of(text, [], city="合肥市", published="2024-10")
    assert figures(ms) == [(2350, "亿元")]
    assert ms[0].period == "2024-01/2024-09"


ALPHABET = "0123456789０１２.,，、。；：\n个家次场%％亿万千百十元美欧约超过以上左右项目企业签约落地全区该市今年一季度1—8月第区市新区"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_any_text_gives_metrics_with_valid_offsets(text):
    districts = [district(text, "新区", "new_area")] if "新区" in text else []
    for m in metrics_of(text, districts):
        assert text[m.start : m.end] == m.text
        assert m.value >= 0


def test_a_baseline_period_is_not_the_period_of_the_figure():
    text = "今年一季度，全市签约项目31个，比去年同期增长20%。"
    ms = metrics_of(text, [], city="合肥市", published="2025-04")
    assert [(m.value, m.period) for m in ms] == [(31, "2025Q1"), (20, "2025Q1")]


def test_one_long_paragraph_stays_linear():
    import time

    unit = "今年一季度，武侯区新签约亿元以上项目26个，同比增长18.2%，总投资312.5亿元；锦江区走访企业40家。"
    text = unit * 800  # ~40,000 characters without a line break
    districts = [district(text, "武侯区", "district"), district(text, "锦江区", "district")]
    started = time.perf_counter()
    ms = metrics_of(text, districts)
    assert time.perf_counter() - started < 20  # quadratic work would take minutes
    assert figures(ms) == [(26, "个"), (18.2, "%"), (312.5, "亿元"), (40, "家")]  # repeats once each


def test_counts_of_places_or_fields_are_not_investment_figures():
    text = "全市12个区县出台招商项目扶持政策，聚焦5个方面引进项目，新签约项目20个。"
    ms = metrics_of(text, [], city="成都市")
    assert figures(ms) == [(20, "个")]


def test_same_figure_in_two_periods_is_kept_twice():
    text = "一季度，武侯区签约项目10个。\n二季度，武侯区签约项目10个。"
    ms = metrics_of(text, [district(text, "武侯区", "district")])
    assert [(m.value, m.period) for m in ms] == [(10, "2025Q1"), (10, "2025Q2")]


def test_total_investment_of_projects_signed_is_an_aggregate_and_units_are_normalized():
    text = "分区域看，雁塔区新签约项目总投资382.5亿元，位居前列。鹏飞储能电池生产项目总投资50亿元。港资项目投资310亿元人民币，其中签约项目共计总投资20亿港币。"
    ms = metrics_of(text, [district(text, "雁塔区", "district")], city="西安市")
    assert figures(ms) == [(382.5, "亿元"), (20, "亿港元")]
    assert ms[0].subject == "雁塔区"


def test_periods_of_plans_and_look_backs_are_not_carried_on():
    text = "该集团继2015年落户园区后再次增资，计划2026年3月开工。\n今年1—10月，园区新设外资项目136个。\n园区走访企业80家。"
    ms = metrics_of(text, [district(text, "园区", "zone")], city="苏州市", published="2024-11")
    assert [(m.value, m.period) for m in ms] == [(136, "2024-01/2024-10"), (80, "2024-01/2024-10")]
    ms = metrics_of(
        "该集团继2015年落户园区后再次增资。\n园区走访企业80家。", [], city="苏州市", published=None
    )
    assert [(m.value, m.period) for m in ms] == [(80, None)]


def test_amounts_in_chinese_numerals_keep_their_written_unit():
    text = "今年前三季度，全区实际使用外资十二亿美元，签约项目18个，总投资一百二十亿元。"
    ms = metrics_of(text, [], city="成都市", published="2024-10")
    assert figures(ms) == [(12, "亿美元"), (18, "个"), (120, "亿元")]


def test_thousands_separators_in_counts():
    ms = metrics_of("前海新设港资企业1,286家，引进港资项目112个。", [], city="深圳市")
    assert figures(ms) == [(1286, "家"), (112, "个")]


def test_a_half_width_clause_comma_before_a_count_is_not_a_thousands_separator():
    ms = metrics_of("成功举办跨国公司峰会,140家世界500强企业参会,协调解决诉求1,165件。", [], city="青岛市")
    assert figures(ms) == [(140, "家"), (1165, "件")]


def test_a_sentence_about_the_whole_city_after_one_about_a_zone():
    text = "郑州航空港区项目建设火热。今年上半年，郑州全市新设外商投资企业120家，实际使用外资6.2亿美元。"
    zone = district(text, "郑州航空港经济综合实验区", "zone", "郑州航空港区")
    metrics = metrics_of(text, [zone], city="郑州市")
    by_value = {m.value: m for m in metrics}
    assert by_value[6.2].subject == "郑州市"


def test_trips_funds_arrived_and_approximate_counts_are_figures_but_a_single_projects_range_is_not():
    text = (
        "一季度，全县组织赴外招商45批次，实际到位市外资金36.2亿元，新设外资企业近60家。"
        "今年以来新签约项目20个，单个项目投资规模多在2亿至4亿元之间。"
    )
    found = figures(metrics_of(text, [], city="赣州市"))
    assert (45.0, "批次") in found and (36.2, "亿元") in found and (60.0, "家") in found
    assert (2.0, "亿") not in found and (4.0, "亿元") not in found


def test_a_park_built_by_a_county_is_the_subject_and_the_city_stays_so_for_its_paragraph():
    text = "肥东县与合肥高新区共建的肥东智能装备产业园新入驻企业12家。"
    county = district(text, "肥东县", "county")
    park = district(text, "肥东智能装备产业园", "zone")
    (metric,) = metrics_of(text, [county, park], city="合肥市")
    assert metric.subject == "肥东智能装备产业园"

    text = "无锡高新区项目建设如火如荼。今年上半年，无锡全市新设外资企业260家；新签约外资项目45个。"
    zone = district(text, "无锡高新技术产业开发区", "zone", "无锡高新区")
    subjects = {m.value: m.subject for m in metrics_of(text, [zone], city="无锡市")}
    assert subjects[260.0] == "无锡市" and subjects[45.0] == "无锡市"


def test_a_round_hundred_after_a_word_of_approximation_is_a_count():
    text = "目前，开发区内已聚集新能源类外资企业上百家，今年新签约项目近千个。"
    found = figures(metrics_of(text, [], city="常州市"))
    assert (100.0, "家") in found and (1000.0, "个") in found


def test_respectively_list_gives_each_place_its_figure():
    text = "从开发区看，金牛区、成华区、青羊区新签约亿元以上项目分别为14个、11个、9个，实际到位内资分别为32.5亿元、21.4亿元。"
    places = [district(text, name, "district") for name in ("金牛区", "成华区", "青羊区")]
    ms = metrics_of(text, places)
    assert figures(ms) == [(14, "个"), (11, "个"), (9, "个"), (32.5, "亿元"), (21.4, "亿元")]
    assert [m.subject for m in ms[:3]] == ["金牛区", "成华区", "青羊区"]
    assert ms[1].indicator == ms[0].indicator and ms[4].indicator == ms[3].indicator


def test_elliptical_counts_count_what_the_count_before_them_counted():
    text = (
        "今年以来，温江区新开工产业项目28个、竣工投产9个；新引进外资企业6家，累计达到143家，"
        "较上年同期增加2家。全区共有规上企业600家。"
    )
    ms = metrics_of(text, [district(text, "温江区", "district")], published="2025-06")
    assert figures(ms) == [(28, "个"), (9, "个"), (6, "家"), (143, "家"), (2, "家")]
    assert ms[1].indicator.startswith("竣工投产") and ms[1].indicator.endswith("项目")
    assert {m.subject for m in ms} == {"温江区"}


def test_an_elliptical_count_needs_a_like_count_before_it_and_no_noun_after_it():
    text = "龙泉驿区新签约项目12个，覆盖乡镇8个；另有5个街道完成改造。郫都区累计达到30家。"
    ms = metrics_of(text, [district(text, "龙泉驿区", "district"), district(text, "郫都区", "district")])
    assert figures(ms) == [(12, "个")]


def test_respectively_list_carries_its_noun_into_the_next_sentence():
    text = (
        "从园区看，甲经开区、乙高新区新引进亿元以上项目分别为28个、25个。"
        "从区县看，新都区、青白江区分别为19个、17个，位居前列。"
    )
    places = [
        district(text, "甲经开区", "zone"),
        district(text, "乙高新区", "zone"),
        district(text, "新都区", "district"),
        district(text, "青白江区", "district"),
    ]
    ms = metrics_of(text, places)
    assert figures(ms) == [(28, "个"), (25, "个"), (19, "个"), (17, "个")]
    assert [m.subject for m in ms] == ["甲经开区", "乙高新区", "新都区", "青白江区"]


def test_an_aggregate_amount_opening_the_next_sentence_totals_the_projects_just_counted():
    text = (
        "1—5月，全市新引进亿元以上项目96个，同比增长6.1%；合同投资额842.7亿元，同比增长9.3%。"
        "其中，锦江光电显示模组项目总投资12亿元。"
    )
    ms = metrics_of(text, [], published="2025-06")
    assert figures(ms) == [(96, "个"), (6.1, "%"), (842.7, "亿元"), (9.3, "%")]
    assert ms[2].indicator.endswith("合同投资额")


def test_a_work_report_is_about_the_division_its_opening_lines_name():
    text = (
        "政府工作报告\n\n——2025年1月在成都市温江区人民代表大会上\n\n温江区人民政府\n\n"
        "过去一年，我们坚持招商引资不放松。全年新签约重大项目38个、总投资312亿元；实际利用外资1.2亿美元。"
    )
    ms = metrics_of(text, [district(text, "温江区", "district")], published="2025-01")
    assert figures(ms) == [(38, "个"), (312, "亿元"), (1.2, "亿美元")]
    assert {m.subject for m in ms} == {"温江区"}


def test_places_listed_together_are_not_the_subject_the_city_that_leads_is():
    text = (
        "9月20日，成都市2025年三季度重大项目集中开工活动在郫都区主会场举行，温江区、新都区、双流区设分会场"
        "同步开工。此次集中开工项目166个，总投资1320亿元，其中亿元以上项目120个。"
    )
    places = [district(text, d, "district") for d in ("郫都区", "温江区", "新都区", "双流区")]
    ms = metrics_of(text, places, published="2025-09")
    assert figures(ms)[:2] == [(166, "个"), (1320, "亿元")]
    assert {m.subject for m in ms} == {"成都市"}


def test_a_district_leading_its_own_clause_is_still_the_subject():
    text = "温江区新签约亿元以上项目18个，新都区、双流区分别为12个、9个。"
    places = [district(text, d, "district") for d in ("温江区", "新都区", "双流区")]
    ms = metrics_of(text, places)
    assert [m.subject for m in ms] == ["温江区", "新都区", "双流区"]


def metrics_found(text: str, published: str | None = "2025-07"):
    districts, city = find_districts(text)
    return find_metrics(text, amounts=find_amounts(text), districts=districts, city=city, published=published)


def metrics_in(text: str, city: str | None, published: str):
    """The metrics of `text` with its districts found and `city` given (the city the pipeline would find)."""
    districts, _city = find_districts(text)
    return find_metrics(text, amounts=find_amounts(text), districts=districts, city=city, published=published)


def subjects_by_value(text: str) -> dict[float, str | None]:
    return {m.value: m.subject for m in metrics_found(text)}


def test_province_markers_give_the_province_of_the_districts_found():
    text = (
        "1-6月，全省新设外商投资企业812家，同比增长9.1%；实际使用外资56.2亿美元。"
        "余杭区实际使用外资8.3亿美元，占全省比重14.8%。\n"
        "香港实际到资30.5亿美元，增长6.2%，占全省实际使用外资的54.3%。"
    )
    by_value = subjects_by_value(text)
    assert by_value[812] == by_value[9.1] == by_value[56.2] == "浙江省"
    assert by_value[8.3] == by_value[14.8] == "余杭区"
    assert by_value[30.5] == "浙江省"  # a source of investment, not the subject


def test_a_province_named_at_the_head_of_its_clause_is_the_subject():
    text = (
        "湖南日报讯 2024年，湖南省实际使用外资42.6亿美元，同比增长12.4%。"
        "湖南新设外商投资企业1280家。江西客商在湘投资项目35个。"
    )
    ms = metrics_found(text)
    assert {m.subject for m in ms} == {"湖南省"}
    assert (35, "个") in figures(ms)


def test_a_city_name_inside_or_before_a_district_name_does_not_make_the_city_the_subject():
    text = "5月8日，长沙县、浏阳经开区举行二季度重大项目集中开工仪式。42个重大项目集中开工，总投资额188亿元。"
    assert {m.subject for m in metrics_found(text)} == {"长沙县"}
    text = "日前，石家庄市元氏县举行项目集中签约仪式，签约项目12个，总投资约86亿元。"
    assert {m.subject for m in metrics_found(text)} == {"元氏县"}


def test_per_place_list_items_count_what_the_total_counted_and_hold_only_their_own_sentence():
    text = (
        "本次推介会上，绵阳市共签约项目18个，投资总额52.4亿元。分县（区）看，涪城区7个，投资总额21.5亿元；"
        "江油市4个，投资总额12.3亿元；三台县2个，投资总额6.6亿元。分产业看，二产业项目11个，投资总额38.2亿元。"
    )
    ms = metrics_found(text)
    by_value = {m.value: m for m in ms}
    assert (by_value[7].subject, by_value[21.5].subject) == ("涪城区", "涪城区")
    assert (by_value[4].subject, by_value[2].subject) == ("江油市", "三台县")
    assert by_value[7].indicator == by_value[18].indicator
    assert by_value[11].subject == by_value[38.2].subject == "绵阳市"


def test_places_listed_before_respectively_are_not_the_subject_of_the_figures_after():
    text = (
        "全市上半年到位资金612.4亿元。\n"
        "河西区、南开区、其他区县三个板块，占全市比重分别为21%、26%和53%；新增项目417个，到位资金208.6亿元。"
    )
    ms = metrics_of(
        text, [district(text, "河西区", "district"), district(text, "南开区", "district")], city="天津市"
    )
    by_value = {m.value: m.subject for m in ms}
    assert by_value[417] == by_value[208.6] == "天津市"


def test_targets_are_marked_apart_from_figures_reached():
    text = (
        "一季度，温江区新签约亿元以上项目12个，完成年度目标的30.5%。"
        "下一步，温江区力争全年新签约亿元以上项目50个以上，到位资金不低于120亿元。"
        "到2027年，温江区招商引资到位资金达到300亿元以上。"
    )
    ms = metrics_of(text, [district(text, "温江区", "district")])
    assert {m.value: m.target for m in ms} == {12: False, 30.5: False, 50: True, 120: True, 300: True}


def test_planned_investment_totals_count_and_ranges_do_not():
    text = (
        "今年以来，郫都区新签约项目24个，计划投资额186.4亿元。"
        "其中投资额5000万元至1亿元的项目9个；对固定资产投资1-3亿元的项目给予奖励。"
    )
    ms = metrics_of(text, [district(text, "郫都区", "district")])
    assert (186.4, "亿元") in figures(ms)
    assert not {(5000, "万元"), (1, "亿元"), (3, "亿元")} & set(figures(ms))


def test_growth_in_multiples_is_a_rate():
    text = "上半年，青白江区实际使用外资2.4亿美元，同比增长3.5倍，其中制造业合同外资增长1.2倍。"
    ms = metrics_of(text, [district(text, "青白江区", "district")])
    assert figures(ms) == [(2.4, "亿美元"), (3.5, "倍"), (1.2, "倍")]


def test_a_region_of_a_province_tells_the_province_of_a_release_that_names_none():
    text = "前三季度，全省新设外商投资企业1460家。粤东地区实际使用外资12.7亿元，占全省总量的4.1%。"
    ms = metrics_found(text)
    assert {m.subject for m in ms} == {"广东省"}


def test_a_report_that_keeps_naming_one_county_gives_it_the_figures_no_sentence_places():
    text = (
        "菊韵金秋 招商正当时\n\n"
        "本报记者 张明 通讯员 李华\n\n"
        "10月12日，第十六届菊花文化节开幕在即，开封市各县区招商引资推介活动在市会展中心陆续拉开帷幕，"
        "首场登台的是尉氏县项目推介暨签约仪式。\n\n"
        "当天，签约仪式共签约项目14个，签约总金额86.5亿元。\n\n"
        "尉氏县县长表示，尉氏县将优化营商环境，欢迎客商到尉氏县投资兴业。"
    )
    assert {m.subject for m in metrics_found(text)} == {"尉氏县"}


def test_an_amount_takes_its_indicator_from_a_parallel_clause_a_perspective_or_a_respectively_list():
    text = (
        "今年1-5月，龙泉驿区招商引资到位内资86.2亿元，外资1.3亿美元。"
        "从实际使用外资看，龙泉驿区制造业2.6亿美元，增长12.1%。"
        "汽车、电子、医药三个行业实际使用外资居前三位，分别为0.9亿美元、0.7亿美元、0.4亿美元。"
    )
    ms = metrics_of(text, [district(text, "龙泉驿区", "district")])
    by_value = {m.value: m for m in ms}
    assert {1.3, 2.6, 0.9, 0.7, 0.4} <= set(by_value)
    assert by_value[1.3].indicator == "外资"
    assert by_value[2.6].indicator == "制造业实际使用外资"
    assert by_value[0.9].indicator == by_value[0.4].indicator == "实际使用外资"


def test_indicators_do_not_run_on_over_the_figures_after_them():
    text = "新都区集中开工项目18个，其中先进制造业9个项目总投资42.5亿元；电子、医药行业实际使用外资同比分别增长21.4%、16.2%。"
    ms = metrics_of(text, [district(text, "新都区", "district")])
    assert not any(ch.isdigit() for m in ms for ch in m.indicator)
    assert {m.value: m.indicator for m in ms}[42.5] == "先进制造业项目总投资"


def test_rates_after_a_list_of_places_go_to_the_places_in_order():
    text = (
        "一季度，天水市到位资金9.6亿元，同期增长21%。"
        "各县区到位资金均为正增长，秦州区、麦积区、甘谷县增幅分别达到64%、38%、27%。"
    )
    ms = metrics_found(text, published="2019-04")
    by_value = {m.value: m for m in ms}
    assert by_value[21].subject == "天水市"
    assert [by_value[v].subject for v in (64, 38, 27)] == ["秦州区", "麦积区", "甘谷县"]
    assert {by_value[v].indicator for v in (64, 38, 27)} == {"增幅"}


def test_rates_of_funds_arrived_of_a_plan_and_of_the_schedule():
    text = (
        "1-6月，我省实际使用外资96.4亿元，同比增长7.3%，完成年度目标48.6%，超序时进度3.1个百分点。"
        "欧洲实际到资合计12.7亿元，增长31.2%，占全省13.2%。"
    )
    ms = metrics_found(text)
    assert {(48.6, "%"), (3.1, "个百分点"), (31.2, "%"), (13.2, "%")} <= set(figures(ms))


def test_equal_figures_of_one_sentence_are_not_restatements():
    text = "今年以来，丰源县签约项目9个，其中工业项目4项，农业项目1项，文旅项目3项，物流项目1项。"
    ms = metrics_of(text, [district(text, "丰源县", "county")])
    assert figures(ms).count((1, "项")) == 2


def test_amounts_a_rule_asks_for_are_conditions_not_figures():
    text = (
        "凡入驻园区的项目，固定资产投资总额必须达到2亿元以上；固定资产投资在2-4亿元（含4亿元）的，"
        "奖励1万元/亩；固定资产投资6亿元以上的，一事一议。今年全区固定资产投资36.5亿元。"
    )
    ms = metrics_of(text, [])
    assert figures(ms) == [(36.5, "亿元")]


def test_a_share_of_the_whole_takes_its_topic_from_the_paragraph_before():
    text = (
        "全市上半年完成招商引资项目460个，到位资金213.6亿元。\n"
        "临江区、老城片区、其他县区协调发展，占全市比重分别为31%、22%和47%。"
    )
    ms = metrics_of(text, [district(text, "临江区", "district")], city="江州市")
    assert {(31, "%"), (22, "%"), (47, "%")} <= set(figures(ms))


def test_a_share_with_nothing_of_investment_before_it_is_no_figure():
    text = "今年气候宜人。\n城区、郊区人口协调增长，占全市比重分别为31%、69%。"
    assert metrics_of(text, [], city="江州市") == []


def test_counts_written_in_numerals():
    text = (
        "青禾县举行十二个项目集中签约仪式。其中三个为新材料项目，全年参加各类招商会五次，一个项目当场落地。"
    )
    ms = metrics_of(text, [district(text, "青禾县", "county")])
    assert {(12, "个"), (3, "个"), (5, "次")} <= set(figures(ms))
    assert (1, "个") not in figures(ms)


def test_a_count_after_its_verb_with_nothing_to_borrow_counts_projects():
    text = "围绕招商目标，各部门积极对接客商。一季度集中签约19个、二季度签约27个。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(19, "个"), (27, "个")]
    assert ms[0].indicator == "集中签约项目"


def test_research_centres_and_headquarters_recognised_are_counted():
    text = (
        "江州为新认定的12家跨国公司地区总部和6家外资研发中心颁发证书。"
        "目前，落户江州的跨国公司地区总部和外资研发中心分别累计达到215家和138家。"
    )
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(12, "家"), (6, "家"), (215, "家"), (138, "家")]


def test_a_count_before_listed_modifiers_counts_their_noun():
    text = "东林市组织集中开工行动，总投资186亿元的74个省级、市级重点项目全面开工建设。"
    ms = metrics_of(text, [], city="东林市")
    assert {(74, "个"), (186, "亿元")} <= set(figures(ms))


def test_counts_in_tens_of_thousands():
    text = "今年1-9月，全省新设立外商投资企业1.6万家，同比增长12.5%。"
    ms = metrics_found(text)
    assert (1.6, "万家") in figures(ms)


def test_a_province_after_a_column_tag_leads_the_headline():
    text = (
        "【数据速递】湖南前三季度实际使用外资35.2亿元，同比增长6.1%\n\n《星城晚报》报道，湖南招商成绩亮眼。"
    )
    ms = find_metrics(text, amounts=find_amounts(text), districts=[], city="长沙市", published="2025-10")
    assert [m.subject for m in ms] == ["湖南省", "湖南省"]


def test_a_headline_figure_of_the_city_restated_for_one_of_its_districts_is_one_figure():
    text = "江州市12个项目集中签约\n\n5月8日，临江区举行项目集中签约仪式，签约项目12个，总投资86亿元。"
    place = district(text, "临江区", "district")
    place.city = "江州市"
    ms = metrics_of(text, [place], city="江州市")
    assert [(m.value, m.subject) for m in ms if m.unit == "个"] == [(12, "临江区")]


def test_signed_sums_are_figures():
    text = (
        "今年以来，丰源县在博览会期间签约项目9个，签约资金总额达7.5亿元。"
        "丰源县举办招商推介会成功签约12.6亿元。"
    )
    ms = metrics_of(text, [district(text, "丰源县", "county")])
    assert figures(ms) == [(9, "个"), (7.5, "亿元"), (12.6, "亿元")]


def test_a_list_of_brackets_is_a_condition_and_registering_enterprises_is_attraction():
    text = "对新引进项目固定资产投资额度达到2亿元、5亿元的分别奖励100万元、200万元。全年新注册企业46家。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(46, "家")]


def test_places_given_one_figure_together_each_get_it():
    text = "今年以来，各区招商成效明显，临江区和丰源县均实现到位资金12.5亿元，并列第一。"
    places = [district(text, "临江区", "district"), district(text, "丰源县", "county")]
    ms = metrics_of(text, places, city="江州市")
    assert [(m.value, m.subject) for m in ms] == [(12.5, "临江区"), (12.5, "丰源县")]


def test_funds_from_outside_the_district_and_sums_attracted_are_figures():
    text = "截至去年底，丰源县完成引进区外资金6.72亿元。援建工作队促成5个项目现场签约，引资金额达2.3亿元。"
    ms = metrics_of(text, [district(text, "丰源县", "county")])
    assert {(6.72, "亿元"), (5, "个"), (2.3, "亿元")} <= set(figures(ms))


def test_a_rate_said_with_a_bare_increase():
    text = "投资集中的珠三角地区，到位资金86.5亿元，增23.6%。"
    ms = metrics_of(text, [], city="江州市")
    assert (23.6, "%") in figures(ms)


def test_a_sentence_about_visiting_investors_speaks_of_attraction():
    text = "博览会期间，共有1260名海内外客商应邀参会，各区提供了陪同服务。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(1260, "名")]


def test_amounts_of_items_listed_after_a_colon_are_not_totals():
    text = "在全市重点推进的招商项目26个中，有代表性的包括：新能源电池项目，总投资62亿元，落地高新区。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(26, "个")]


def test_a_rate_of_a_source_of_investment_takes_its_topic_from_the_sentences_before():
    text = "1-6月，来自欧洲的投资增长21.5%。来自东盟国家增长36.2%。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(21.5, "%"), (36.2, "%")]


def test_rates_written_in_numerals():
    text = "今年，在江州投资的国家和地区达56个，同比增长一倍；大项目实际外资占全市外资的比重超过三成。"
    ms = metrics_of(text, [], city="江州市")
    assert {(1, "倍"), (3, "成")} <= set(figures(ms))


def test_whole_economy_figures_are_not_investment_attraction():
    text = "近年来，江州市集中签约项目达128个，投资总额为620亿元；全社会固定资产投资累计1860亿元，增长2.6倍。"
    ms = metrics_of(text, [], city="江州市")
    assert figures(ms) == [(128, "个"), (620, "亿元")]


def test_county_and_event_totals_are_aggregates_but_amounts_of_named_projects_are_not():
    text = (
        "截至去年底，全县完成工业总产值18.4亿元。"
        "5月8日，8个项目在青岚县集中签约。此次签约活动，投资总额为27亿元。"
        "全县还签约了云栖康养小镇项目、溪谷文旅项目等文旅项目，总投资分别为6.2亿元、3.1亿元。"
    )
    ms = metrics_of(text, [district(text, "青岚县", "county")], city="青岚县", published="2025-06")
    assert (18.4, "亿元") in figures(ms)
    assert (27, "亿元") in figures(ms)
    assert (6.2, "亿元") not in figures(ms) and (3.1, "亿元") not in figures(ms)


def test_rate_after_achieved_growth_is_elliptical():
    text = "上半年，江屿市实际使用外资增幅由负转正，实现增长3.7%。"
    ms = metrics_of(text, [district(text, "江屿市", "county_city")], city="江屿市")
    assert (3.7, "%") in figures(ms)


def test_breakdown_clause_takes_the_verb_of_its_sentence():
    text = "今年前5月，全市新设外商投资企业64家，其中合同外资1000万美元以上的企业8家。"
    ms = metrics_of(text, [], city="江屿市")
    assert figures(ms) == [(64, "家"), (8, "家")]


def test_share_of_capital_from_a_source_is_an_investment_rate():
    text = "1—3月，江屿市实际使用外资1.2亿美元，其中港资占比达61.2%，台资占比12.4%。"
    ms = metrics_of(text, [district(text, "江屿市", "county_city")], city="江屿市")
    assert (61.2, "%") in figures(ms) and (12.4, "%") in figures(ms)


def test_joint_share_of_listed_places_belongs_to_the_whole():
    text = "从园区看，青岚经开区、青岚高新区新引进亿元以上项目分别为21个、17个，合计占全市的41.3%。"
    ms = metrics_of(
        text,
        [
            district(text, "青岚经济技术开发区", "zone", "青岚经开区"),
            district(text, "青岚高新技术产业开发区", "zone", "青岚高新区"),
        ],
        city="青岚市",
    )
    share = next(m for m in ms if m.unit == "%")
    assert share.value == 41.3 and share.subject == "青岚市"


def test_other_wordings_of_capital_and_contract_figures():
    text = (
        "上半年，江屿市新批外商投资企业36家，吸引外资1.2亿美元，利用内资52亿元，实际利用港资0.6亿美元。"
        "今年以来，江屿市招商引资签约项目68个，合同金额326亿元。"
    )
    ms = metrics_of(text, [district(text, "江屿市", "county_city")], city="江屿市")
    assert figures(ms) == [
        (36, "家"),
        (1.2, "亿美元"),
        (52, "亿元"),
        (0.6, "亿美元"),
        (68, "个"),
        (326, "亿元"),
    ]


def test_a_province_opening_a_media_name_is_no_subject():
    dateline = "甘肃新闻网讯 江屿县以资源为依托，加大招商力度。今年以来，完成引进区外资金8.2亿元。"
    ms = metrics_of(dateline, [district(dateline, "江屿县", "county")], city=None)
    assert [(m.value, m.subject) for m in ms] == [(8.2, "江屿县")]


def test_a_province_opening_a_company_or_project_name_is_no_subject():
    text = (
        "去年以来，永登县签约项目9个。截至去年年底，总投资12亿元的永登新材料项目年内完成投资3.1亿元；"
        "甘肃凯岚铝业合金线已完成投资2200万元；物流园已完成投资500万元。"
        "截至去年底，全县完成工业总产值18.4亿元，同比增长21%，完成工业性固定资产投资6.3亿元。"
    )
    found, city = find_districts(text)
    ms = metrics_of(text, found, city=city)
    assert {m.subject for m in ms} == {"永登县"}


def test_a_province_before_a_plain_noun_of_trade_stays_the_subject():
    # 工业, 贸易, 信息 end company names too (某某工业) but are everyday nouns after a province
    text = (
        "湖南日报讯 今年前三季度，湖南数字信息产业新签约项目128个，同比增长9.6%。"
        "湖南钢铁贸易领域实际使用外资12.5亿美元。"
    )
    assert {m.subject for m in metrics_found(text)} == {"湖南省"}


def test_a_zone_named_before_reports_its_output_as_an_aggregate():
    text = "青岚汽车产业开发区位于青岚市北部。今年1至10月，该区实现规模以上工业总产值860亿元。"
    ms = metrics_of(text, [district(text, "青岚汽车产业开发区", "zone")], city="青岚市")
    assert figures(ms) == [(860, "亿元")]


def test_a_multiple_of_an_earlier_period_is_a_rate():
    text = "五年来，江屿市累计实现到位资金420亿元，是上一个五年的3.2倍。"
    ms = metrics_of(text, [], city="江屿市")
    assert figures(ms) == [(420, "亿元"), (3.2, "倍")]


def test_counts_named_by_their_number_or_parted_by_spaces():
    text = "一季度，江屿市新签约项目数量达到56个，同比增加12个。江屿市新设外资企业 23 家，同比增长 12.5%。"
    ms = metrics_of(text, [], city="江屿市")
    assert figures(ms) == [(56, "个"), (12, "个"), (23, "家"), (12.5, "%")]
    assert ms[0].indicator == "新签约项目"


def test_a_bracketed_note_and_other_words_for_a_total():
    text = "江屿市实际使用外资（折合人民币）12.3亿元。江屿市共签约项目32个，协议资金156亿元。"
    ms = metrics_of(text, [], city="江屿市")
    assert figures(ms) == [(12.3, "亿元"), (32, "个"), (156, "亿元")]


def test_fixed_asset_investment_in_a_roundup_of_the_economy_is_no_investment_figure():
    text = (
        "据统计，全县地区生产总值增长3%；固定资产投资增长2.4%；社会消费品零售总额达38亿元，增长7%。"
        "全县新签约招商项目21个，实际到位资金16.5亿元。"
    )
    ms = metrics_of(text, [district(text, "江屿县", "county")], city="江屿县")
    assert figures(ms) == [(21, "个"), (16.5, "亿元")]


def test_each_place_of_a_comma_list_of_counts_is_its_own_subject():
    text = "江屿市共签约项目20个。其中，青岚区7个、溪口区4个、凯岚县2个。"
    places = [
        district(text, "青岚区", "district"),
        district(text, "溪口区", "district"),
        district(text, "凯岚县", "county"),
    ]
    ms = metrics_of(text, places, city="江屿市")
    assert [(m.value, m.subject) for m in ms] == [(20, "江屿市"), (7, "青岚区"), (4, "溪口区"), (2, "凯岚县")]


def test_respective_amounts_after_the_places_they_belong_to():
    text = "江屿市实际使用外资1.2亿美元，青岚区、溪口区分别为0.5亿美元、0.7亿美元。"
    places = [district(text, "青岚区", "district"), district(text, "溪口区", "district")]
    ms = metrics_of(text, places, city="江屿市")
    assert [(m.value, m.subject) for m in ms] == [(1.2, "江屿市"), (0.5, "青岚区"), (0.7, "溪口区")]
    reward = "对新引进项目投资额度达到3亿元、4亿元的分别奖励300万元、400万元。江屿市实际使用外资1.2亿美元。"
    assert figures(metrics_of(reward, [], city="江屿市")) == [(1.2, "亿美元")]


def test_amounts_of_places_in_a_breakdown_take_the_indicator_broken_down():
    text = "江屿市实际到位资金120亿元，其中青岚区40亿元、溪口区30亿元。"
    places = [district(text, "青岚区", "district"), district(text, "溪口区", "district")]
    ms = metrics_of(text, places, city="江屿市")
    assert [(m.value, m.subject, m.indicator) for m in ms] == [
        (120, "江屿市", "实际到位资金"),
        (40, "青岚区", "实际到位资金"),
        (30, "溪口区", "实际到位资金"),
    ]


def test_agreed_foreign_capital_is_a_figure():
    text = "此次集中签约项目40个，总投资310亿元，其中外资项目9个、协议外资12.5亿美元。"
    ms = metrics_of(text, [], city="江屿市")
    assert (12.5, "亿美元") in figures(ms)


def test_figures_written_with_a_space_before_their_unit():
    text = (
        "今年一季度，武侯区新签约项目 26 个，协议总投资 58.6 亿元，实际使用外资 2 亿 美元，同比增长 12.5 %。"
    )
    ms = metrics_of(text, [district(text, "武侯区", "district")])
    assert figures(ms) == [(26, "个"), (58.6, "亿元"), (2, "亿美元"), (12.5, "%")]
    assert all(" " not in m.indicator and m.indicator for m in ms)
    assert {m.subject for m in ms} == {"武侯区"}


def test_places_listed_and_added_up_give_the_figure_to_the_city_that_holds_them():
    def subjects(text: str) -> list[tuple[float, str | None]]:
        districts, city = find_districts(text)
        return [(m.value, m.subject) for m in metrics_of(text, districts, city=city)]

    assert subjects("德阳市旌阳区、绵竹市、什邡市三地共签约项目22个，总投资135亿元。") == [
        (22, "德阳市"),
        (135, "德阳市"),
    ]
    assert subjects("昆山开发区、张家港保税区和常熟高新区合计引进外资项目40个。") == [(40, "苏州市")]
    assert subjects("今年一季度，溧水区、高淳区共计新签约亿元以上项目19个。") == [(19, "南京市")]
    assert subjects("上半年，长沙县、浏阳市、宁乡市等3个县市共引进产业项目46个，实际到位内资312亿元。") == [
        (46, "长沙市"),
        (312, "长沙市"),
    ]
    assert subjects("1-5月，江阴市、宜兴市累计实际使用外资5.6亿美元。") == [(5.6, "无锡市")]
    # each its own, or each the same: no sum
    assert subjects("章贡区、南康区分别引进项目9个和7个。") == [(9, "章贡区"), (7, "南康区")]
    assert subjects("武侯区和成华区均实现到位资金50亿元。") == [(50, "武侯区"), (50, "成华区")]
    # places that build something together are not a sum of figures
    assert subjects("青羊区与金牛区共建的产业园新入驻企业14家。") == [(14, "青羊区")]


def test_standalone_indicators_are_made_by_their_grammar_not_only_listed():
    """A way capital came (使用, 到资, 吸收) before where it came from (港资, 侨资, 区外资金), or the other way round."""
    cases = {
        "一季度，武侯区实际使用港资3.1亿美元。": "实际使用港资",
        "一季度，武侯区到资外资28.6亿美元。": "到资外资",
        "一季度，武侯区外资实际到位2.4亿美元。": "外资实际到位",
        "一季度，武侯区吸收外资12.7亿元。": "吸收外资",
        "一季度，武侯区引进侨资8.5亿元。": "引进侨资",
        "一季度，武侯区区外资金到位95.3亿元。": "区外资金到位",
    }
    for text, indicator in cases.items():
        (metric,) = metrics_of(text, [district(text, "武侯区", "district")])
        assert (metric.indicator, metric.subject) == (indicator, "武侯区")


def test_rates_in_the_words_of_hong_kong_and_macao_reports():
    for text, value in {
        "上半年，武侯区实际使用外资3.3亿美元，按年上升8.4%。": 8.4,
        "上半年，武侯区新设外资企业120家，按季减少6%。": 6,
        "上半年，武侯区合同外资4.1亿美元，比上年上涨21%。": 21,
    }.items():
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert [(m.value, m.unit) for m in ms if m.unit == "%"] == [(value, "%")]


def test_a_city_opening_its_clause_is_the_subject_of_its_figures_in_a_provincial_report():
    def subjects(text: str) -> list[tuple[float, str | None]]:
        return [(m.value, m.subject) for m in metrics_found(text, published="2025-05")]

    text = "前三季度，全省实际使用外资56.2亿美元。分市看，郑州市实际使用外资20.1亿美元，新乡市签约项目88个。"
    assert subjects(text) == [(56.2, "河南省"), (20.1, "郑州市"), (88, "新乡市")]
    text = "今年1—4月，宜昌市、襄阳市分别引进项目86个、72个，荆州市引进项目51个。"
    assert subjects(text) == [(86, "宜昌市"), (72, "襄阳市"), (51, "荆州市")]
    text = "上半年，湖南省长沙市新签约项目130个；株洲市新签约项目52个。"
    assert subjects(text) == [(130, "长沙市"), (52, "株洲市")]


def test_a_city_signing_in_another_is_the_subject_not_the_city_of_the_dateline():
    text = "新华社香港5月8日电 广西钦州市8日在香港举行投资推介会，现场签约项目23个，总投资达186亿元。"
    assert {m.subject for m in metrics_found(text)} == {"钦州市"}
    text = "中新网福州5月8日电（记者 王明）福建漳州市8日在厦门举行招商推介会，签约项目36个，总投资达152亿元。"
    assert {m.subject for m in metrics_found(text)} == {"漳州市"}


def test_a_city_named_in_passing_or_by_its_short_name_is_no_subject():
    text = "今年以来，金寨县与深圳市、苏州市等地企业签约项目18个，总投资96亿元。"
    assert {m.subject for m in metrics_found(text)} == {"金寨县"}
    text = "今年以来，陇南市集中开工重点项目130个，青岛某某生物萃取项目等重点项目总投资324亿元。"
    assert {m.subject for m in metrics_found(text)} == {"陇南市"}


def test_places_after_an_amount_each_with_an_amount_of_their_own_take_its_indicator():
    text = "上半年，成都市武侯区实际使用外资1.6亿美元，锦江区0.9亿美元，青羊区0.7亿美元。"
    assert [(m.indicator, m.value, m.subject) for m in metrics_found(text)] == [
        ("实际使用外资", 1.6, "武侯区"),
        ("实际使用外资", 0.9, "锦江区"),
        ("实际使用外资", 0.7, "青羊区"),
    ]
    text = "一季度湖南省实际使用外资12.3亿美元。其中，长沙市实际使用外资5.2亿美元，株洲市1.1亿美元。"
    assert [(m.value, m.subject) for m in metrics_found(text)][-1] == (1.1, "株洲市")
    # a place that invests an amount in a project is no item of such a list
    text = "上半年，武侯区实际使用外资1.6亿美元，锦江区投资0.9亿美元的项目开工。"
    assert [m.value for m in metrics_found(text)] == [1.6]


def test_a_sum_of_places_joined_by_yu_keeps_neither_the_joiner_nor_the_sum_word_in_its_indicator():
    text = "據悉，珠海高新區與橫琴粵澳深度合作區合計引進澳資項目45個。"
    districts, city = find_districts(halfwidth(simplified_view(text)))
    (metric,) = metrics_of(simplified_view(text), districts, city=city)
    assert (metric.indicator, metric.subject) == ("引进澳资项目", "珠海市")


def test_other_verbs_of_signing_meeting_and_capital_arriving():
    cases = {
        "前三季度，武侯区实际进资1023亿元。": (1023, "亿元"),
        "上半年，武侯区接洽客商230批次。": (230, "批次"),
        "今年以来，武侯区先后与32家企业签订投资协议。": (32, "家"),
        "今年以来，武侯区与客商磋商对接15次。": (15, "次"),
    }
    for text, figure in cases.items():
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert [(m.value, m.unit) for m in ms] == [figure], text


def test_the_whole_of_an_autonomous_prefecture_or_a_league():
    def subjects(text: str) -> set[str | None]:
        return {m.subject for m in metrics_found(text)}

    assert subjects("黔东南州招商引资推进会召开。今年以来，全州新签约项目86个，到位资金156亿元。") == {
        "黔东南苗族侗族自治州"
    }
    assert subjects("锡林郭勒盟投资推介会举行。今年以来，全盟新引进项目45个。") == {"锡林郭勒盟"}
    text = "今年以来，恩施州新签约项目120个。其中，利川市签约项目18个。"
    assert [(m.value, m.subject) for m in metrics_found(text)] == [
        (120, "恩施土家族苗族自治州"),
        (18, "利川市"),
    ]
    assert metrics_found(text)[0].indicator == "新签约项目"


def test_the_whole_city_of_a_county_level_citys_own_report_is_that_city():
    text = "晋江市招商引资再创佳绩\n今年以来，全市新签约项目86个，总投资420亿元。其中，晋江经济开发区签约项目32个。"
    assert [(m.value, m.subject) for m in metrics_found(text)] == [
        (86, "晋江市"),
        (420, "晋江市"),
        (32, "晋江经济开发区"),
    ]
    assert {m.subject for m in metrics_found("德惠市召开招商大会。今年以来，我市累计引进项目56个。")} == {
        "德惠市"
    }
    # the prefecture named on its own: its 全市 may be the prefecture's
    text = "胶州市项目集中开工\n5月8日，青岛市重点项目集中开工活动胶州分会场举行。今年以来，全市新开工项目420个。"
    assert {m.subject for m in metrics_found(text)} == {"青岛市"}


def test_counts_in_ten_thousands_and_rates_of_companies_brought_in():
    text = "今年以来，武侯区新引进企业1.2万家，同比增长15%；接待客商1.5万人次。"
    ms = metrics_of(text, [district(text, "武侯区", "district")])
    assert [(m.value, m.unit) for m in ms] == [(1.2, "万家"), (15, "%"), (1.5, "万人次")]
    # a plant's yearly output is no count
    text = "武侯区某某汽车轴件制造有限公司投资的年产半轴50万件建设项目开工。"
    assert metrics_of(text, [district(text, "武侯区", "district")]) == []


def test_the_second_item_of_a_parallel_pair_joined_by_a_list_separator():
    for text in (
        "今年以来，武侯区实际到位内资56亿元、外资2.1亿美元。",
        "今年以来，武侯区实际到位内资56亿元和外资2.1亿美元。",
    ):
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert [(m.value, m.unit, m.subject) for m in ms] == [
            (56, "亿元", "武侯区"),
            (2.1, "亿美元", "武侯区"),
        ]
    # amounts of the projects of one verb, no second indicator: not a parallel pair
    text = "今年以来，武侯区分别投资5亿元、3亿元的两个项目开工。"
    assert [
        m for m in metrics_of(text, [district(text, "武侯区", "district")]) if m.unit.endswith("元")
    ] == []


def test_a_label_and_its_figure_with_a_colon_between():
    for text in (
        "今年以来，武侯区签约项目：56个，总投资：320亿元。",
        "今年以来，武侯区签约项目: 56个，总投资: 320亿元。",
    ):
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert [(m.value, m.unit, m.subject) for m in ms] == [(56, "个", "武侯区"), (320, "亿元", "武侯区")]
        assert all(text[m.start : m.end] == m.text for m in ms)
    # a colon before a numbered item stays a break
    text = "武侯区主要做法：1.强化招商。"
    assert metrics_of(text, [district(text, "武侯区", "district")]) == []


def test_a_figure_with_two_magnitudes_is_given_in_the_larger():
    text = "今年以来，武侯区实际到位资金1亿5000万元，合同外资2亿3千万美元，总投资十二亿五千万元的项目12个。"
    ms = metrics_of(text, [district(text, "武侯区", "district")])
    assert [(m.value, m.unit) for m in ms][:2] == [(1.5, "亿元"), (2.3, "亿美元")]


def test_capital_an_agreement_commits_is_a_figure_of_its_own():
    for text in (
        "武侯区新签约台资项目8个，总投资10.9亿美元，协议台资4.4亿美元。",
        "武侯区新签约港资项目3个，合同港资6000万美元。",
        "武侯區新簽約台資項目8個，總投資10.9億美元，協議台資4.4億美元。",
    ):
        text = halfwidth(simplified_view(text))
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        committed = [m for m in ms if m.indicator.startswith(("协议", "合同"))]
        assert committed and committed[0].unit in ("亿美元", "万美元"), figures(ms)


def test_the_sum_of_capital_from_a_source_is_a_figure_of_its_own():
    for text in (
        "武侯区新签约项目139个，外资金额54.6亿美元，占外资总额的93.5%。",
        "其中外资项目金额12.6亿美元。",
        "第三產業項目60個，外資金額26.1億美元。",
    ):
        text = halfwidth(simplified_view(text))
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert any(m.unit == "亿美元" and m.indicator.startswith("外资") for m in ms), figures(ms)


def test_equal_counts_of_different_things_in_the_body_are_both_kept():
    text = (
        "今年以来，全市新签约项目41个。\n"
        "从行业看，制造业项目33个，现代农业项目3个，现代服务业项目5个。\n"
        "从区县看，武侯区签约项目3个，总投资2亿美元；青羊区签约项目5个，总投资3.7亿美元。"
    )
    found = districts_of_text(text)
    ms = metrics_of(text, found)
    assert figures(ms).count((3, "个")) == 2 and figures(ms).count((5, "个")) == 2, figures(ms)
    assert {m.subject for m in ms if m.value == 3 and m.unit == "个"} >= {"武侯区"}


def districts_of_text(text: str) -> list[District]:
    return find_districts(text)[0]


def test_planned_investment_of_counted_projects_is_their_aggregate():
    for text in (
        "今年武侯区计划实施重点项目126个，总投资348.7亿元，其中，产业类项目60个，年度计划投资113.9亿元；基础设施项目66个，年度计划投资21.4亿元。",
        "武侯区集中签约项目37个，计划投资380.1亿元。",
        "武侯區集中簽約項目37個，計劃投資380.1億元。",
    ):
        text = halfwidth(simplified_view(text))
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert any("计划投资" in m.indicator for m in ms), figures(ms)
    one = "武侯区签约了星澜光电项目，计划投资20亿元。"
    assert not metrics_of(one, [district(one, "武侯区", "district")])


def test_a_bracketed_breakdown_counts_what_the_count_before_it_counted():
    for text in (
        "武侯区今年实施重点项目134个（新建100个、续建34个），总投资173亿元。",
        "武侯区今年实施重点项目134个(新建100个,续建34个)。",
        "武侯區今年實施重點項目134個（新建100個、續建34個）。",
    ):
        text = halfwidth(simplified_view(text))
        ms = metrics_of(text, [district(text, "武侯区", "district")])
        assert {(100, "个"), (34, "个")} <= set(figures(ms)), figures(ms)
        assert {m.indicator for m in ms if m.value in (100, 34)} == {"新建项目", "续建项目"}


def test_the_place_of_a_branch_venue_is_the_subject_of_what_was_signed_there():
    for text in (
        "昨日上午，广西2024年一季度重点项目集中签约活动南宁市分会场共签约18个项目，其中现场签约项目15个。",
        "昨日上午，廣西2024年一季度重點項目集中簽約活動南寧市分會場共簽約18個項目，其中現場簽約項目15個。",
    ):
        text = halfwidth(simplified_view(text))
        found = districts_of_text(text)
        ms = find_metrics(
            text, amounts=find_amounts(text), districts=found, city="南宁市", published="2024-03"
        )
        assert ms and {m.subject for m in ms} == {"南宁市"}, [(m.value, m.subject) for m in ms]


def test_a_count_closing_a_list_of_projects_in_several_places_is_the_citys():
    for text in (
        "临汾市集中签约仪式上，洪洞经济技术开发区星澜光伏发电项目，古县经济技术开发区禾川聚苯乙烯项目，"
        "翼城产业集聚区云栖钢基地项目等14个项目分两批进行了现场签约。",
        "臨汾市集中簽約儀式上，洪洞經濟技術開發區星瀾光伏發電項目，古縣經濟技術開發區禾川聚苯乙烯項目，"
        "翼城產業集聚區雲棲鋼基地項目等14個項目分兩批進行了現場簽約。",
    ):
        text = halfwidth(simplified_view(text))
        found, city = find_districts(text)
        ms = find_metrics(text, amounts=find_amounts(text), districts=found, city=city, published="2024-03")
        assert [(m.value, m.subject) for m in ms] == [(14, "临汾市")]


def test_places_given_a_count_each_have_it_each():
    for text in (
        "全市新开工项目40个。分县区看，甲川区12个，乙河县、丙山县、丁原区各3个，戊水县1个。",
        "全市新開工項目40個。分縣區看，甲川區12個，乙河縣、丙山縣、丁原區各3個，戊水縣1個。",
        "全市新开工项目40个，其中甲川区12个，乙河县、丙山县、丁原区均3个。",
    ):
        text = halfwidth(simplified_view(text))
        places = [
            district(text, name, "county" if name.endswith("县") else "district")
            for name in ("甲川区", "乙河县", "丙山县", "丁原区", "戊水县")
        ]
        ms = metrics_of(text, places)
        each = sorted(m.subject for m in ms if m.value == 3)
        assert each == ["丁原区", "丙山县", "乙河县"], [(m.value, m.subject) for m in ms]


def test_a_per_place_list_counts_what_the_view_opening_its_sentence_names():
    for text in (
        "全市上半年招商情况通报。从10亿元以上项目新签约情况来看，甲川区2个，分别是总投资23亿元的星澜文旅项目"
        "和总投资20亿元的禾川物流园项目；乙河县1个，为总投资15亿元的云栖新材料项目。",
        "全市上半年招商情況通報。從10億元以上項目新簽約情況來看，甲川區2個，分別是總投資23億元的星瀾文旅項目"
        "和總投資20億元的禾川物流園項目；乙河縣1個，為總投資15億元的雲棲新材料項目。",
        "从亿元以上项目开工数量看，甲川区2个，乙河县1个。",
    ):
        text = halfwidth(simplified_view(text))
        places = [
            district(text, "甲川区", "district", "甲川区"),
            district(text, "乙河县", "county", "乙河县"),
        ]
        ms = metrics_of(text, places)
        counts = [(m.value, m.unit, m.subject) for m in ms if m.unit == "个"]
        assert counts == [(2, "个", "甲川区"), (1, "个", "乙河县")], counts


def test_a_report_opening_with_its_provinces_fair_gives_the_figures_before_any_city_to_the_province():
    for text, province in (
        (
            "6月7日，第十届中国山东投资贸易洽谈会在烟台举行。\n"
            "记者从现场获悉，本届洽谈会期间，共签约项目60个，总投资120亿美元。\n"
            "其中，青岛3个项目现场签约，涉及总投资5亿美元。",
            "山东省",
        ),
        (
            "6月7日，第十屆中國山東投資貿易洽談會在煙台舉行。\n"
            "記者從現場獲悉，本屆洽談會期間，共簽約項目60個，總投資120億美元。\n"
            "其中，青島3個項目現場簽約，涉及總投資5億美元。",
            "山东省",
        ),
    ):
        text = halfwidth(simplified_view(text))
        found, _city = find_districts(text)
        ms = find_metrics(
            text, amounts=find_amounts(text), districts=found, city="青岛市", published="2024-06"
        )
        subjects = [(m.value, m.subject) for m in ms]
        assert subjects[:2] == [(60, province), (120, province)], subjects
        assert (3, "青岛市") in subjects, subjects


def test_the_capital_named_only_as_dateline_and_venue_of_the_provinces_fair_leaves_its_figures_to_the_province():
    text = (
        "新华网烟台6月7日电 6月7日，第十届中国山东投资贸易洽谈会在烟台开幕。\n"
        "据悉，本届洽谈会聚焦山东特色产业，谋划了一批重大招商引资项目，投资总额约120亿美元。\n"
        "数据显示，十年来，洽谈会累计签约金额达2042.6亿元。"
    )
    text = halfwidth(simplified_view(text))
    ms = metrics_in(text, "烟台市", "2024-06")
    assert [(m.value, m.subject) for m in ms] == [(120, "山东省"), (2042.6, "山东省")]


def test_state_and_private_firms_are_counted_like_firms():
    for text in (
        "胶州市先后与星澜集团、禾川交投等15家央企、省属国企签约，引资总额1021亿元。",
        "胶州市先後與星瀾集團、禾川交投等15家央企、省屬國企簽約，引資總額1021億元。",
        "胶州市今年引进12家民企，新签约项目20个。",
    ):
        text = halfwidth(simplified_view(text))
        found, city = find_districts(text)
        ms = find_metrics(
            text, amounts=find_amounts(text), districts=found, city="青岛市", published="2024-06"
        )
        assert any(m.unit == "家" and m.value in (15, 12) for m in ms), figures(ms)


def test_a_citys_short_name_right_before_a_verb_of_investment_is_the_city():
    for text in (
        "全省台资项目进展顺利。在沿江地区快速发展的同时，其中淮北签约落地和开工建设2个项目，宿州引进4个项目。",
        "全省臺資項目進展順利。在沿江地區快速發展的同時，其中淮北簽約落地和開工建設2個項目，宿州引進4個項目。",
    ):
        text = halfwidth(simplified_view(text))
        found, city = find_districts(text)
        ms = find_metrics(
            text, amounts=find_amounts(text), districts=found, city="合肥市", published="2024-07"
        )
        assert [(m.value, m.subject) for m in ms] == [(2, "淮北市"), (4, "宿州市")], [
            (m.value, m.subject) for m in ms
        ]
    # a short name opening a firm's or a park's name is no subject
    text = "合肥市今年新签约项目12个，淮北矿业集团新增投资项目3个。"
    ms = find_metrics(text, amounts=find_amounts(text), districts=[], city="合肥市", published="2024-07")
    assert all(m.subject == "合肥市" for m in ms), [(m.value, m.subject) for m in ms]


def test_the_cities_of_a_province_all_at_once_stand_for_the_province():
    for text in (
        "5月31日上午，西藏自治区在拉萨举行招商项目集中签约。\n由各地市分管领导与企业代表签约，共签约项目26个，计划投资72.5亿元。",
        "5月31日上午，西藏自治區在拉薩舉行招商項目集中簽約。\n由各地市分管領導與企業代表簽約，共簽約項目26個，計劃投資72.5億元。",
    ):
        text = halfwidth(simplified_view(text))
        found, _city = find_districts(text)
        ms = find_metrics(
            text, amounts=find_amounts(text), districts=found, city="拉萨市", published="2024-05"
        )
        amount = [m.subject for m in ms if m.unit == "亿元"]
        assert amount == ["西藏自治区"], [(m.value, m.subject) for m in ms]


def test_a_figure_of_trillions_in_digits_one_by_one_is_counted_in_hundred_millions():
    text = simplified_view("今年新竹縣簽約項目五八個，總投資約二兆四三〇〇億元。")
    assert (24300.0, "亿元") in figures(metrics_of(text, [], city=None))


def test_a_figure_of_trillions_and_hundred_millions_is_counted_in_hundred_millions():
    text = "今年新竹县签约项目58个，总投资约2兆4,300亿元。"
    assert (24300.0, "亿元") in figures(metrics_of(text, [], city=None))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "今年一季度，全市新设外资企业80家。锦江区新设外资企业18家，占同期全市新设外资企业总数的27.5%。",
            "锦江区",
        ),
        (
            "上半年，全市实际使用外资9.6亿美元。锦江区实际使用外资2.1亿美元，占当期全市实际使用外资的21.9%。",
            "锦江区",
        ),
    ],
)
def test_the_whole_a_share_is_taken_of_is_not_its_subject_with_a_period_between(text, place):
    metrics = metrics_of(text, [district(text, place, "district")])
    share = next(m for m in metrics if m.unit == "%")
    assert share.subject == place


@pytest.mark.parametrize(
    "text",
    [
        "前5个月，全市新开工的外资项目14个，同比增长20%；合同投资3.2亿美元，同比增长12%；实际完成投资0.8亿美元，同比增长9%。",
        "前5個月，全市新開工的外資項目14個，同比增長20%；合同投資3.2億美元，同比增長12%；實際完成投資0.8億美元，同比增長9%。",
    ],
)
def test_parallel_statistics_clauses_after_a_count_keep_their_amounts(text):
    view = simplified_view(text)
    assert {(3.2, "亿美元"), (0.8, "亿美元")} <= set(figures(metrics_of(view, [])))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年以来，工作组邀请客商考察12批次，落地项目8个、资金1.5亿元。", (1.5, "亿元")),
        ("前三季度，全市新开工项目320个，资金到位额860亿元。", (860.0, "亿元")),
        ("簽約融資合作協議等4個金融項目，支持資金18.6億元。", (18.6, "亿元")),
    ],
)
def test_funds_beside_a_count_of_projects_are_their_total(text, expected):
    assert expected in figures(metrics_of(simplified_view(text), []))


def test_the_states_funds_beside_a_count_are_no_aggregate():
    text = "园区争取到位专债资金6亿元，实施基础设施项目15个。"
    assert (6.0, "亿元") not in figures(metrics_of(text, []))


@pytest.mark.parametrize(
    "text",
    [
        "一批外资大项目落地。恒远能源集团在某市投资的恒远(南湾)储能电站项目，总投资和外资金额都是2.3亿美元。",
        "外資大項目落地。海岳物流在某市投資的海岳冷鏈倉儲項目，總投資1.2億美元，外資金額6,000萬美元。",
    ],
)
def test_figures_after_one_named_project_are_its_own(text):
    assert not [m for m in metrics_of(simplified_view(text), []) if "美元" in m.unit]


def test_figures_after_a_list_of_projects_stay_aggregates():
    text = "今年引进的甲项目、乙项目等5个外资项目，合同外资3.6亿美元。"
    assert (3.6, "亿美元") in figures(metrics_of(text, []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上半年，全区新批外资项目40个，增资12个。", (12.0, "个")),
        ("前三季度，新區新設外資企業55家，增資18家。", (18.0, "家")),
    ],
)
def test_a_capital_increase_counts_what_the_count_before_it_counted(text, expected):
    assert expected in figures(metrics_of(simplified_view(text), []))


WORK_REPORT = (
    "政 府 工 作 报 告\n"
    "——在青溪县第十届人民代表大会第二次会议上\n"
    "各位代表：现在，我代表县人民政府，向大会报告工作，请予审议。\n"
    "一年来，我们坚持项目为王。建设园区平台，青溪化工园顺利通过省级认定。"
    "围绕主导产业，恒远电子等12个项目建成投产，另有24个项目开工。"
)


@pytest.mark.parametrize("text", [WORK_REPORT, WORK_REPORT.replace("政 府 工 作 报 告", "政府工作报告")])
def test_a_work_report_gives_its_figures_to_its_own_division_not_to_a_park_of_an_earlier_sentence(text):
    districts = [district(text, "青溪县", "county"), district(text, "青溪化工园", "zone")]
    metrics = metrics_of(text, districts, city=None)
    assert [(m.value, m.subject) for m in metrics] == [(12.0, "青溪县"), (24.0, "青溪县")]


def test_outside_a_work_report_a_park_leading_the_paragraph_keeps_its_figures():
    text = "青溪化工园顺利通过省级认定。围绕主导产业，恒远电子等12个项目建成投产。"
    districts = [district(text, "青溪化工园", "zone")]
    assert [m.subject for m in metrics_of(text, districts, city=None)] == ["青溪化工园"]


@pytest.mark.parametrize(
    "text",
    [
        "成都市分会场共签约20个项目。\n包括锦江区恒远储能项目、青羊区海岳物流园项目、金牛区宏星电子项目等重点项目3个。",
        "成都市分會場共簽約20個項目。\n包括錦江區恒遠儲能項目、青羊區海嶽物流園項目、金牛區宏星電子項目等重點項目3個。",
    ],
)
def test_a_count_closing_a_list_whose_items_open_with_places_is_the_citys(text):
    view = simplified_view(text)
    places = [district(view, name, "district") for name in ("锦江区", "青羊区", "金牛区")]
    metrics = metrics_of(view, places)
    assert [(m.value, m.subject) for m in metrics if m.value == 3.0] == [(3.0, "成都市")]


@pytest.mark.parametrize(
    "text",
    [
        "苏北地区也有进展，其中宿迁签约2个项目，连云港在谈4个项目，盐城签约3个项目。",
        "蘇北地區也有進展，其中宿遷簽約2個項目，連雲港在談4個項目，鹽城簽約3個項目。",
    ],
)
def test_a_city_by_its_short_name_before_projects_in_negotiation_is_their_subject(text):
    view = simplified_view(text)
    metrics = metrics_of(view, [], city="南京市")
    assert [(m.value, m.subject) for m in metrics] == [(2.0, "宿迁市"), (4.0, "连云港市"), (3.0, "盐城市")]


@pytest.mark.parametrize(
    "text",
    [
        "青海实际使用外资同比增长47.26%\n据省商务厅消息，一季度全省实际使用外资3.1亿美元，同比增长47.26%。",
        "青海實際使用外資同比增長47.26%\n據省商務廳消息，一季度全省實際使用外資3.1億美元，同比增長47.26%。",
    ],
)
def test_a_headline_rate_said_again_in_the_body_with_fewer_words_is_one_figure(text):
    rates = [m for m in metrics_of(simplified_view(text), [], city=None) if m.unit == "%"]
    assert [m.value for m in rates] == [47.26]


@pytest.mark.parametrize(
    "text",
    [
        "本次共签约项目6个。废旧电池二次利用项目由恒远新材投资建设，总投资1.5亿元。",
        "本次共簽約項目6個。廢舊電池二次利用項目由恒遠新材投資建設，總投資1.5億元。",
    ],
)
def test_secondary_is_no_count_and_a_project_built_by_one_investor_has_its_own_total(text):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == [(6.0, "个")]


def test_two_events_are_still_counted():
    text = "今年以来，全县举办两次招商推介会，签约项目9个。"
    assert (9.0, "个") in figures(metrics_of(text, [], city=None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年共对接企业、商协会、科研院所等860家。", [(860.0, "家")]),
        ("今年共對接企業、商協會、科研院所等860家。", [(860.0, "家")]),
        ("全县规上企业、个体商户等3000家。", []),  # no verb of investment: a census, not a figure
    ],
)
def test_a_count_right_after_a_list_closed_by_deng_counts_its_items(text, expected):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "制造业、批发和零售业分别到资2.4亿美元、0.9亿美元。",
        "製造業、批發和零售業分別到資2.4億美元、0.9億美元。",
    ],
)
def test_capital_arrived_is_a_figure_of_its_own(text):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == [(2.4, "亿美元"), (0.9, "亿美元")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这些项目均达产后，预计每年新增产值20亿元以上、税收1亿元以上。", [(20.0, "亿元"), (1.0, "亿元")]),
        ("上述項目建成後，預計年新增產值超20億元。", [(20.0, "亿元")]),
        ("该项目达产后，预计年新增产值超20亿元。", []),
    ],
)
def test_a_batch_of_projects_forecast_is_an_aggregate_one_projects_is_not(text, expected):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "招商引资成效明显\n全市新签约项目30个。在30个新签约项目中，10亿元以上项目有4个。按区县看，锦江区4个，青羊区9个。",
        "招商引資成效明顯\n全市新簽約項目30個。在30個新簽約項目中，10億元以上項目有4個。按區縣看，錦江區4個，青羊區9個。",
    ],
)
def test_an_item_of_a_list_by_place_is_no_restatement_of_an_earlier_total(text):
    view = simplified_view(text)
    places = [district(view, name, "district") for name in ("锦江区", "青羊区")]
    metrics = metrics_of(view, places)
    assert sorted((m.value, m.subject) for m in metrics if m.value == 4.0) == [
        (4.0, "成都市"),
        (4.0, "锦江区"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "成都市委、市政府作出部署，全市招商成效明显。本周，6个项目在锦江区集中签约，总投资80亿元。",
        "成都市委、市政府作出部署，全市招商成效明显。本週，6個項目在錦江區集中簽約，總投資80億元。",
        "成都市委、市政府作出部署，全市招商成效明显。今年以来，恒远科技、海岳物流等6家企业落户锦江区。",
    ],
)
def test_the_place_a_count_was_signed_or_settled_at_after_it_is_its_subject(text):
    view = simplified_view(text)
    metrics = metrics_of(view, [district(view, "锦江区", "district")])
    assert [(m.value, m.subject) for m in metrics if m.value == 6.0] == [(6.0, "锦江区")]


def test_a_place_leading_the_clause_keeps_the_count_signed_elsewhere():
    text = "青羊区今年有6个项目在锦江区的推介会上签约。"
    places = [district(text, name, "district") for name in ("锦江区", "青羊区")]
    assert [m.subject for m in metrics_of(text, places)] == ["青羊区"]


@pytest.mark.parametrize(
    "text",
    [
        "今天，甲项目、乙项目等8个招商引资项目集中签约，总投资额近15亿元。",
        "今天，甲項目、乙項目等8個招商引資項目集中簽約，總投資額近15億元。",
    ],
)
def test_a_word_of_totals_modifying_the_counted_noun_does_not_cut_it(text):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == [(8.0, "个"), (15.0, "亿元")]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("此次，五家岭市集中签约12个招商引资项目。", "五家岭市"),
        ("此次，两家湾区集中签约8个招商引资项目。", "两家湾区"),
    ],
)
def test_the_numerals_of_a_places_name_are_no_count(text, place):
    metrics = metrics_of(text, [district(text, place, "district")], city=None)
    assert len(metrics) == 1 and metrics[0].unit == "个"


@pytest.mark.parametrize(
    "text",
    ["今年以来，全区签约项目52个，完成目标任务108.3%。", "今年以來，全區簽約項目52個，完成目標任務108.3%。"],
)
def test_a_share_of_the_target_reached_is_a_rate(text):
    assert (108.3, "%") in figures(metrics_of(simplified_view(text), [], city=None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年一季度，来自12个国家和地区的外商在川投资。", [(12.0, "个")]),
        ("按來源地分，共有40個國家(地區)的投資者在本市新設外資企業。", [(40.0, "个")]),
        ("到四川投资的国家和地区达70个。", [(70.0, "个")]),
        ("园区产品出口到30个国家和地区。", []),  # no investment: exports
    ],
)
def test_a_count_of_the_countries_investment_comes_from_is_a_figure(text, expected):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "实际利用外资9.2亿美元。其中，外商直接投资6.1亿美元；境外融资3.1亿美元。",
            [(9.2, "亿美元"), (6.1, "亿美元"), (3.1, "亿美元")],
        ),
        ("工作组今年收集客商投资意向120个。", [(120.0, "个")]),
        ("工作組今年收集客商投資意向120個。", [(120.0, "个")]),
    ],
)
def test_foreign_financing_and_investment_intentions_are_figures(text, expected):
    assert figures(metrics_of(simplified_view(text), [], city=None)) == expected


@pytest.mark.parametrize(
    "text", ["全县重点项目16个，开复工率达到95%。", "全縣重點項目16個，開復工率達到95%。"]
)
def test_the_rate_of_projects_started_again_is_a_figure(text):
    assert (95.0, "%") in figures(metrics_of(simplified_view(text), [], city=None))


@pytest.mark.parametrize(
    "text",
    [
        # a county-level city glued to the first item's name, a county inside a later item
        "今年以来，全州招商引资到位资金88.6亿元。全州跟踪推进的项目中，溪岭宏安置业开发、青禾光伏电站、"
        "松原县物流中心建设等42个项目已开工建设；新签约项目18个，签约金额126.5亿元。",
        # a prefecture opening a railway's name, a district inside a factory project
        "1—9月，全州重点项目完成投资903亿元。溪岭至松原铁路、北塘区年产10万吨硅材料项目、城北污水厂等"
        "37个重点项目建成投运，涉及总投资1260亿元。",
        # 繁體
        "今年以來，全州招商引資到位資金88.6億元。全州跟蹤推進的項目中，溪嶺宏安置業開發、青禾光伏電站、"
        "松原縣物流中心建設等42個項目已開工建設；新簽約項目18個，簽約金額126.5億元。",
    ],
)
def test_places_inside_the_items_a_count_closes_are_not_its_subject(text):
    view = halfwidth(simplified_view(text))
    districts = [
        district(view, "溪岭市", "county_city", "溪岭"),
        district(view, "松原县", "county", "松原县", "松原"),
        district(view, "北塘区", "district"),
    ]
    districts = [d for d in districts if d.spans]
    found = metrics_of(view, districts, city="青禾藏族自治州")
    assert found
    assert {m.subject for m in found} == {"青禾藏族自治州"}


def test_a_park_opening_the_first_item_says_where_the_items_stand():
    text = (
        "截至目前，全州重点跟踪项目已开工14个。其中，青禾工业园宏远光伏储能、溪岭钾肥精深加工等4个项目已开工"
        "建设，完成到位资金1.36亿元；松原工业园年产2万吨镁材料、白河氢能综合利用等3个项目已开工建设。"
    )
    districts = [district(text, "青禾工业园", "zone"), district(text, "松原工业园", "zone")]
    found = metrics_of(text, districts, city="青禾藏族自治州")
    by_value = {m.value: m.subject for m in found}
    assert by_value[4] == "青禾工业园"
    assert by_value[3] == "松原工业园"


@pytest.mark.parametrize("head", ["另有", "此外还有"])
def test_a_figure_after_another_stands_beside_the_earlier_one(head):
    text = (
        "溪岭区甲乙公司年产5万吨钢构项目、丙丁新材料项目等10个项目基本具备竣工条件。\n"
        f"全市重点项目中，23个项目实现竣工投产，{head}10个项目基本具备竣工条件。"
    )
    districts = [district(text, "溪岭区", "district")]
    found = metrics_of(text, districts, city="青禾市")
    assert [m.value for m in found].count(10) == 2


@pytest.mark.parametrize(
    "text",
    [
        "1—8月，自治区重点项目累计完成投资1865亿元，完成年度计划的81%。溪岭至松原铁路、城北水厂等36个重点项目建成投运。",
        "1—8月，自治區重點項目累計完成投資1865億元，完成年度計劃的81%。溪嶺至松原鐵路、城北水廠等36個重點項目建成投運。",
    ],
)
def test_an_autonomous_region_named_alone_speaks_of_the_region(text):
    view = halfwidth(simplified_view(text))
    # the district list names a place of the region only inside a railway's name, the city found is its prefecture
    place = district(view, "溪岭区", "district", "溪岭").model_copy(
        update={"city": "溪岭地区", "province": "宁夏回族自治区"}
    )
    found = find_metrics(
        view, amounts=find_amounts(view), districts=[place], city="溪岭地区", published="2025-09"
    )
    assert len(found) == 3
    assert {m.subject for m in found} == {"宁夏回族自治区"}, [(m.value, m.subject) for m in found]


@pytest.mark.parametrize(
    "text",
    [
        "甘孜州第六批重大项目集中开工 总投资58.6亿元\n"
        "3月6日，全州第六批重大项目暨四川金川投资有限公司年产3万吨碳酸锂项目开工仪式在泸定县举行。\n"
        "第六批集中开工项目共有21个，总投资58.6亿元，今年计划完成投资9.2亿元。",
        "甘孜州第六批重大項目集中開工 總投資58.6億元\n"
        "3月6日，全州第六批重大項目暨四川金川投資有限公司年產3萬噸碳酸鋰項目開工儀式在瀘定縣舉行。\n"
        "第六批集中開工項目共有21個，總投資58.6億元，今年計劃完成投資9.2億元。",
    ],
)
def test_a_title_naming_the_prefecture_makes_it_the_subject_not_the_ceremony_county(text):
    view = halfwidth(simplified_view(text))
    districts, city = find_districts(view)
    found = find_metrics(
        view, amounts=find_amounts(view), districts=districts, city=city, published="2025-03"
    )
    assert city == "甘孜藏族自治州"
    assert {(m.value, m.subject) for m in found if m.unit == "个"} == {(21, "甘孜藏族自治州")}
    assert {m.subject for m in found} == {"甘孜藏族自治州"}


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，溪岭先后在深圳、杭州举办招商推介会。1到9月，该县已新增签约亿元以上项目86个，计划总投资312.4亿元。\n"
        "为推动项目落地，溪岭县落实好招商引资优惠政策。",
        "今年以來，溪嶺先後在深圳、杭州舉辦招商推介會。1到9月，該縣已新增簽約億元以上項目86個，計劃總投資312.4億元。\n"
        "為推動項目落地，溪嶺縣落實好招商引資優惠政策。",
    ],
)
def test_the_county_anaphor_before_the_county_is_named_is_the_one_county_of_the_report(text):
    view = halfwidth(simplified_view(text))
    districts = [district(view, "溪岭县", "county")]
    found = metrics_of(view, districts, city="青禾市")
    assert [(m.value, m.subject) for m in found] == [(86, "溪岭县"), (312.4, "溪岭县")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1—10月，全市重点项目累计完成投资248亿元，完成年度计划投资的92%。", 92),
        ("截至9月底，全县招商引资到位资金36.5亿元，完成省下达计划投资的81.3%。", 81.3),
        ("1—10月，全市重點項目累計完成投資248億元，完成年度計劃投資的92%。", 92),
    ],
)
def test_the_share_of_a_plan_said_with_the_plans_own_words_is_a_rate(text, value):
    view = halfwidth(simplified_view(text))
    found = metrics_of(view, [], city="青禾市")
    assert (value, "%") in figures(found)


@pytest.mark.parametrize(
    "text",
    [
        "台湾今年吸引企业投资约1200亿元，新签约项目86个，其中甲乙电子将在彰化县新建厂房。",
        "臺灣今年吸引企業投資約1,200億元，新簽約項目86個，其中甲乙電子將在新竹縣新建廠房。",
        "台湾今年吸引企业投资约900亿元。丙丁光电将在新北市新建厂房，其中2家业者将投资约61亿元。",
        "臺灣今年吸引企業投資約900億元。\n\n甲乙精機將投資近20億元，在臺南市新建廠房。\n\n其中3家業者將投資約75億元。",
        "投资事务所今日再添5案，包括甲乙光学及高雄丙丁光电科技。合计三大方案拉出1兆2000亿元投资。",
        "投資事務所今日再添5案，包括甲乙光學及臺中丙丁電機。合計三大方案拉出1兆2,000億元投資。",
    ],
)
def test_taiwans_figures_go_to_taiwan_as_its_reports_name_it(text):
    """Nor to a plant's city (新北市) or a firm's (高雄丙丁光电) named near them."""
    view = halfwidth(simplified_view(text))
    districts, city = find_districts(view)
    found = find_metrics(
        view, amounts=find_amounts(view), districts=districts, city=city, published="2025-06"
    )
    assert found
    assert {m.subject for m in found} == {"台湾"}, [(m.value, m.subject) for m in found]


@pytest.mark.parametrize(
    "text",
    [
        "今年以来，溪岭县紧抓青禾新区大规模开发建设的机遇。全县共实施省、市重点项目22项，总投资72.9亿元。",
        "今年以來，溪嶺縣緊抓青禾新區大規模開發建設的機遇。全縣共實施省、市重點項目22項，總投資72.9億元。",
    ],
)
def test_the_county_anaphor_is_the_last_county_not_a_new_area_named_since(text):
    view = halfwidth(simplified_view(text))
    districts = [district(view, "溪岭县", "county"), district(view, "青禾新区", "new_area")]
    found = metrics_of(view, districts, city="青禾市")
    assert [(m.value, m.subject) for m in found] == [(22, "溪岭县"), (72.9, "溪岭县")]


@pytest.mark.parametrize(
    "text",
    [
        "溪岭县举办招商会，签约项目32项。\n仪式上，青禾光电产业园、宏远(福州)机械有限公司等7个项目正式动建。",
        "溪嶺縣舉辦招商會，簽約項目32項。\n儀式上，青禾光電產業園、宏遠（福州）機械有限公司等7個項目正式動建。",
    ],
)
def test_a_city_in_brackets_inside_a_company_name_does_not_speak_of_the_city(text):
    view = halfwidth(simplified_view(text))
    districts = [district(view, "溪岭县", "county")]
    found = metrics_of(view, districts, city="福州市")
    assert [(m.value, m.subject) for m in found] == [(32, "溪岭县"), (7, "溪岭县")]


@pytest.mark.parametrize(
    "text",
    [
        "新疆生产建设兵团3月2日举行项目集中签约活动，各师市共签约项目88个，签约金额960亿元。\n"
        "新疆兵团第八师石河子市集中签约项目21个，计划投资230.5亿元。自活动开展以来，该师市累计签约项目46个。",
        "新疆生產建設兵團3月2日舉行項目集中簽約活動，各師市共簽約項目88個，簽約金額960億元。\n"
        "新疆兵團第八師石河子市集中簽約項目21個，計劃投資230.5億元。自活動開展以來，該師市累計簽約項目46個。",
    ],
)
def test_the_corps_and_its_division_cities_are_subjects_of_their_own(text):
    view = halfwidth(simplified_view(text))
    districts, city = find_districts(view)
    found = find_metrics(
        view, amounts=find_amounts(view), districts=districts, city=city, published="2025-03"
    )
    assert [(m.value, m.subject) for m in found] == [
        (88, "新疆生产建设兵团"),
        (960, "新疆生产建设兵团"),
        (21, "石河子市"),
        (230.5, "石河子市"),
        (46, "石河子市"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "溪岭县一季度重点项目完成投资9亿元\n在项目建设上，青禾纺纱生产线、绵阳宏远混凝土生产线等项目实现投产，"
        "星河水厂、白沙物流园等4个项目加快推进。",
        "溪嶺縣一季度重點項目完成投資9億元\n在項目建設上，青禾紡紗生產線、綿陽宏遠混凝土生產線等項目實現投產，"
        "星河水廠、白沙物流園等4個項目加快推進。",
        "溪岭县一季度重点项目完成投资9亿元\n青禾纺纱生产线、绵阳宏远混凝土生产线等重点企业相继投产，"
        "星河水厂、白沙物流园等4个项目加快推进。",
    ],
)
def test_the_citys_name_inside_a_listed_item_does_not_speak_of_the_city(text):
    """甲、乙等项目 is a list even with no count: the city's short name in an item's name (绵阳宏远…) is
    part of that name, so the county the report is about stays the subject."""
    view = halfwidth(simplified_view(text))
    found = metrics_of(view, [district(view, "溪岭县", "county")], city="绵阳市")
    assert [(m.value, m.subject) for m in found] == [(4, "溪岭县")]


@pytest.mark.parametrize(
    "text",
    [
        "记者从宁夏发展改革委获悉，一季度，我区重点项目已开工72个。\n"
        "其中，青禾纺织有限公司纺纱项目、银川星河硅业单晶硅项目等6个项目投资均完成年度计划的15%以上。"
        "18个服务业项目已开工12个。",
        "記者從寧夏發展改革委獲悉，一季度，我區重點項目已開工72個。\n"
        "其中，青禾紡織有限公司紡紗項目、銀川星河矽業單晶矽項目等6個項目投資均完成年度計劃的15%以上。"
        "18個服務業項目已開工12個。",
    ],
)
def test_a_provincial_report_keeps_its_province_past_the_city_named_inside_a_listed_item(text):
    view = halfwidth(simplified_view(text))
    found = metrics_of(view, [], city="银川市")
    assert [m.value for m in found] == [72, 6, 15, 18, 12]
    assert {m.subject for m in found} == {"宁夏回族自治区"}


@pytest.mark.parametrize(
    "text",
    [
        "据云南省商务厅消息，今年前三季度，我省实际利用外资8.6亿美元。省政府领导率团赴香港开展经贸交流活动，"
        "香港地区到位资金2.1亿美元，占全省实际利用外资总额的24.4%。",
        "據雲南省商務廳消息，今年前三季度，我省實際利用外資8.6億美元。省政府領導率團赴香港開展經貿交流活動，"
        "香港地區到位資金2.1億美元，佔全省實際利用外資總額的24.4%。",
    ],
)
def test_a_provincial_report_keeps_its_figures_when_the_city_found_lies_outside_the_province(text):
    """我省/全省 and no 全市: the city found (香港, where the capital came from) is no subject."""
    view = halfwidth(simplified_view(text))
    found = metrics_of(view, [], city="香港")
    assert [m.value for m in found] == [8.6, 2.1, 24.4]
    assert {m.subject for m in found} == {"云南省"}


def test_a_city_report_in_its_own_province_keeps_its_city():
    text = "今年以来，全市实际利用外资3.2亿美元，占全省的12.5%。我省其他城市增长较快。"
    found = metrics_of(text, [], city="绵阳市")
    assert found and {m.subject for m in found} == {"绵阳市"}


@pytest.mark.parametrize(
    "text",
    [
        "12月2日，溪岭县重大项目签约仪式在白沙区举行，溪岭县人民政府与绵阳青禾食品集团等9家企业就11个项目签约，"
        "项目总投资86.5亿元。",
        "12月2日，溪嶺縣重大項目簽約儀式在白沙區舉行，溪嶺縣人民政府與綿陽青禾食品集團等9家企業就11個項目簽約，"
        "項目總投資86.5億元。",
    ],
)
def test_a_list_of_one_firm_after_its_partner_is_no_list_over_places(text):
    """甲县与某某集团等9家企业: the list starts after 与 and holds a firm (its name opening with the city's),
    so the count is the county's, not the city's over a list of places."""
    view = halfwidth(simplified_view(text))
    districts = [district(view, "溪岭县", "county"), district(view, "白沙区", "district")]
    found = metrics_of(view, districts, city="绵阳市")
    assert [(m.value, m.subject) for m in found] == [(9, "溪岭县"), (11, "溪岭县"), (86.5, "溪岭县")]


@pytest.mark.parametrize(
    "text",
    [
        "2月8日，绵阳市举行招商引资项目集中签约活动，12个项目现场签约。\n"
        "据悉，12个签约项目中，东片区（青禾区、白沙县、星河区）、西片区（云岭县、溪岭县、高峰区）各2个；"
        "产业类项目7个，民生类项目5个。",
        "2月8日，綿陽市舉行招商引資項目集中簽約活動，12個項目現場簽約。\n"
        "據悉，12個簽約項目中，東片區（青禾區、白沙縣、星河區）、西片區（雲嶺縣、溪嶺縣、高峰區）各2個；"
        "產業類項目7個，民生類項目5個。",
    ],
)
def test_places_listed_in_an_earlier_clause_give_no_subject_past_the_semicolon(text):
    """甲区、乙县、丙区各2个；产业类项目7个: the places' list gave its own counts, the counts after the
    semicolon are the whole report's."""
    view = halfwidth(simplified_view(text))
    names = ["青禾区", "白沙县", "星河区", "云岭县", "溪岭县", "高峰区"]
    districts = [district(view, n, "county" if n.endswith("县") else "district") for n in names]
    found = metrics_of(view, districts, city="绵阳市")
    subjects = {m.value: m.subject for m in found}
    assert subjects[7] == subjects[5] == "绵阳市"


@pytest.mark.parametrize(
    "text",
    [
        "其中，北川区云签约11个产业链项目，总投资达330亿元。",
        "北川区今年新签约11个领域项目，总投资330亿元。",
        "其中，北川區雲簽約11個產業鏈項目，總投資達330億元。",
    ],
)
def test_a_count_of_projects_a_fenced_word_types_is_counted(text):
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    assert 11.0 in [m.value for m in metrics_of(text, districts, city=city)]


def test_a_count_of_chains_is_still_no_figure():
    text = "西岚市梳理11个产业链，新签约项目30个。"
    districts, city = find_districts(text)
    assert 11.0 not in [m.value for m in metrics_of(text, districts, city=city)]


@pytest.mark.parametrize(
    "text",
    [
        "2022年，青柳县坚持项目为王，4个省重、56个市重和68个县重项目均完成年度计划投资。",
        "今年西岚市新签约4个制造业、56个服务业及68个农业项目。",
        "2022年，青柳縣堅持項目為王，4個省重、56個市重和68個縣重項目均完成年度計劃投資。",
    ],
)
def test_counts_listed_with_their_noun_said_once_after_the_last(text):
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    values = [m.value for m in metrics_of(text, districts, city=city)]
    assert {4.0, 56.0, 68.0} <= set(values), values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024年1~3季度，东岚区新设外商投资企业42家，其中合资7家，独资35家。", {42.0, 7.0, 35.0}),
        (
            "今年西岚市新签约项目413个。其中，1-5亿元311个，5-10亿元51个，50亿元以上10个。",
            {413.0, 311.0, 51.0, 10.0},
        ),
        (
            "今年西嵐市新簽約項目413個。其中，1-5億元311個，5-10億元51個，50億元以上10個。",
            {413.0, 311.0, 51.0, 10.0},
        ),
    ],
)
def test_every_item_of_a_breakdown_counts_what_its_total_counted(text, expected):
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    values = {m.value for m in metrics_of(text, districts, city=city)}
    assert expected <= values, values


@pytest.mark.parametrize(
    "text", ["全市实际利用内资117.2亿元，同比增长32.4%。", "全市引進內資117.2億元，增長32.4%。"]
)
def test_the_growth_of_domestic_investment_is_a_figure(text):
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    assert 32.4 in [m.value for m in metrics_of(text, districts, city=city)]


@pytest.mark.parametrize(
    "report",
    [
        "报告指出，2022年，茂县坚持项目为王，68个县重项目均完成年度计划投资。",
        "报告指出，2022年，茂县新签约项目68个。",
        "報告指出，2022年，茂縣堅持項目為王，68個縣重項目均完成年度計劃投資。",
    ],
)
def test_a_place_naming_an_event_is_no_subject(report):
    text = (
        "2月15日，茂县召开第十七届人民代表大会第二次会议，县长作政府工作报告。\n\n"
        f"{report}9个汶川地震重建项目全部开工，13个北川地震重建项目完成投资6477万元。"
    )
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    subjects = {m.value: m.subject for m in metrics_of(text, districts, city=city)}
    assert subjects[13.0] == subjects[6477.0] == "茂县", subjects


@pytest.mark.parametrize(
    "text",
    ["本次盛会，该县签约的项目金额总计197.8亿元。", "本次盛會，該縣簽約的項目金額總計197.8億元。"],
)
def test_the_amount_of_the_projects_signed_is_a_figure(text):
    text = halfwidth(simplified_view(text))
    districts, city = find_districts(text)
    assert 197.8 in [m.value for m in metrics_of(text, districts, city=city)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "截至目前，全州完成到位资金98.6亿元，完成省定目标任务90亿元的109.6%，完成州定目标任务105亿元的93.9%。",
            [(98.6, "亿元"), (90, "亿元"), (109.6, "%"), (105, "亿元"), (93.9, "%")],
        ),
        (
            "全区签约项目44个，计划总投资166.2亿元，提前完成区150亿招商引资任务。",
            [(44, "个"), (166.2, "亿元"), (150, "亿")],
        ),
        (
            "洽談會簽約項目30項，投資總額達15.2億美元，完成計劃任務10億美元的152%。",
            [(30, "项"), (15.2, "亿美元"), (10, "亿美元"), (152, "%")],
        ),
    ],
)
def test_the_sum_of_a_task_a_figure_is_reported_against_is_a_figure(text, expected):
    assert [(m.value, m.unit) for m in metrics_found(simplified_view(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("經濟部統計，歡迎台商回台投資方案已有140家業者通過審查。", [(140, "家")]),
        ("園區管理局今年成功促成 120 件投資案。", [(120, "件")]),
        ("管理局本年度促成3萬2,150件投資案。", [(32150, "件")]),
        ("全市新签约项目1万2345个。", [(12345, "个")]),
    ],
)
def test_taiwan_counts_of_firms_and_investment_cases(text, expected):
    assert [(m.value, m.unit) for m in metrics_found(simplified_view(text))] == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "截至6月底，全市开工项目120个，其中工业项目35个，商贸项目20个。"
            "全市在建重点项目80个，其中新建项目20个，续建项目60个。",
            20.0,
            "个",
        ),
        (
            "本次活动共推进项目30个。其中，“签约一批”项目4个，总投资5.2亿元；“开工一批”项目4个，"
            "总投资3.1亿元；“投产一批”项目4个，总投资2.6亿元。",
            4.0,
            "个",
        ),
        (
            "截至6月底，全市開工項目120個，其中工業項目35個，商貿項目20個。"
            "全市在建重點項目80個，其中新建項目20個，續建項目60個。",
            20.0,
            "个",
        ),
    ],
)
def test_parts_of_breakdowns_with_equal_figures_are_not_restatements(text, value, unit):
    metrics = metrics_of(simplified_view(text), [], city="成都市")
    expected = 3 if value == 4.0 else 2
    assert figures(metrics).count((value, unit)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "河源市“三个一批”活动共推进项目42个，总投资61.5亿元。",
        "河源市三个一批”活动共推进项目42个，总投资61.5亿元。",
        "河源市舉行“四個一批”活動項目集中開工儀式，共推進項目42個，總投資61.5億元。",
    ],
)
def test_a_slogan_of_batches_is_no_count(text):
    assert figures(metrics_of(simplified_view(text), [], city="河源市")) == [(42, "个"), (61.5, "亿元")]


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        (
            "丰源市新签约外资项目27个 总投资超18亿美元\n今年以来，丰源市新签约外资项目27个，总投资18.4亿美元。",
            (18.4, "亿美元"),
        ),
        (
            "丰源市136个重点项目完成投资95亿\n1-9月，丰源市136个重点项目完成投资95.37亿元，占年度计划的88%。",
            (95.37, "亿元"),
        ),
        (
            "豐源市新簽約外資項目27個 總投資超18億美元\n今年以來，豐源市新簽約外資項目27個，總投資18.4億美元。",
            (18.4, "亿美元"),
        ),
        (
            "丰源市上半年引进内资96亿元 招商引资稳定增长\n1至6月，丰源市到位内资96.2亿元，同比增长1.72%。",
            (96.2, "亿元"),
        ),
    ],
)
def test_a_headline_figure_rounding_the_body_figure_is_that_figure(text, exact):
    found = figures(metrics_of(simplified_view(text), [], city="丰源市"))
    assert exact in found
    assert (float(int(exact[0])), exact[1]) not in found and (float(int(exact[0])), "亿") not in found


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("截至3月底，全区安排的60个重点建设项目，已有45个开工建设，开工率达75%。", 45),
        ("今年66个新开工项目已有61个开工建设，其中丰源电工有限公司变压器项目进展顺利。", 61),
        ("今年66個新開工項目已有61個開工建設，其中豐源電工有限公司變壓器項目進展順利。", 61),
        ("全市储备的30个招商项目，目前已有12个签约落地。", 12),
    ],
)
def test_a_count_after_already_and_before_what_became_of_them_is_a_part(text, part):
    assert (part, "个") in figures(metrics_of(simplified_view(text), [], city="丰源市"))


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("丰源区与14家企业进行了签约，签约项目预计投资总额超百亿元。", "亿元"),
        ("丰源区共签约项目32个，总投资逾千亿元。", "亿元"),
        ("豐源區與14家企業進行了簽約，簽約項目預計投資總額超百億元。", "亿元"),
    ],
)
def test_a_round_hundred_or_thousand_before_a_magnitude_is_a_figure(text, unit):
    found = figures(metrics_of(simplified_view(text), [], city="丰源市"))
    assert any(value in (100.0, 1000.0) and u == unit for value, u in found)


@pytest.mark.parametrize(
    "text",
    [
        "前三季度，丰源新设外资项目370个；实到外资12.43亿美元，同比增长2.1%。",
        "前三季度，豐源新設外資項目370個；實到外資12.43億美元，同比增長2.1%。",
        "以总部项目为主的商务服务业实到外资12.43亿美元，同比增长26%。",
    ],
)
def test_foreign_capital_arrived_said_short_is_a_figure(text):
    assert (12.43, "亿美元") in figures(metrics_of(simplified_view(text), [], city="丰源市"))


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("签约42亿元：丰源州一季度落实签约项目16个", (42.0, "亿元")),
        ("6个项目签约逾46亿元 丰源开发区提前完成年度任务", (46.0, "亿元")),
        ("豐源市一季度簽約4231億元 到位619億元", (4231.0, "亿元")),
        ("丰源县与甲公司签约20亿元的项目。", None),
    ],
)
def test_an_amount_right_after_signing_is_the_sum_signed(text, signed):
    found = figures(metrics_of(simplified_view(text), [], city="丰源市"))
    assert (signed in found) if signed else not any(unit == "亿元" for _value, unit in found)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("全区共上报招商项目40个，总投资90.2亿元。完成市下达任务90亿的100.2%；全区共签约项目58个。", 100.2),
        ("列入统计的投资项目共有100项，投资总额达17.19亿美元，完成计划任务12亿美元的143.25%。", 143.25),
        ("列入統計的投資項目共有100項，投資總額達17.19億美元，完成計劃任務12億美元的143.25%。", 143.25),
    ],
)
def test_a_share_of_a_task_named_with_its_sum_is_a_rate(text, rate):
    assert (rate, "%") in figures(metrics_of(simplified_view(text), [], city="丰源市"))


def _subjects_of_report(text: str) -> set[str | None]:
    view = halfwidth(simplified_view(text))
    districts, city = find_districts(view)
    return {m.subject for m in metrics_of(view, districts, city=city)}


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the title opens with the stem, the body speaks of 我区 (other stems named in passing do not count)
        (
            "崖州：前三季度新批外资项目12个\n今年前三季度，我区新批外资项目12个，其中合江客商投资项目2个。",
            "崖州区",
        ),
        ("崖州：前三季度新批外資項目12個\n今年前三季度，我區新批外資項目12個，合同外資3.5億美元。", "崖州区"),
        # the stem named once, at the end, in a report speaking of 全县
        ("全县共签约项目15个，计划总投资60亿元。下一步将全力建设美丽合江。", "合江县"),
        ("全縣共簽約項目15個，計劃總投資60億元。下一步將全力建設美麗合江。", "合江县"),
        # no anaphor, but the stem named again and again
        (
            "在德惠商贸月活动上签约项目8个，总投资42亿元。这是落户德惠的第50家外资企业，德惠用了十年。",
            "德惠市",
        ),
    ],
)
def test_a_report_naming_its_own_division_by_the_bare_stem_is_about_that_division(text, subject):
    assert _subjects_of_report(text) == {subject}


def test_a_bare_stem_named_once_without_the_reports_own_anaphor_is_no_subject():
    assert _subjects_of_report("签约项目8个，总投资42亿元。客商多来自德惠。") == {None}
    # two stems, neither opening the title: no telling which the report is about
    assert _subjects_of_report("全区签约项目8个，总投资42亿元。客商来自崖州和德惠。") == {None}


@pytest.mark.parametrize("investor_city", ["杭州", "重庆", "溫州"])
def test_a_title_opening_with_a_stem_outweighs_the_city_an_investor_comes_from(investor_city):
    text = (
        "合江一季度招商引资到位5亿元\n"
        f"本报讯 该项目由{investor_city}青禾文化发展有限公司投资开发。今年以来，该县签约项目12个。"
    )
    assert _subjects_of_report(text) == {"合江县"}


@pytest.mark.parametrize(
    "text",
    [
        "一、抓招商引资。2024年，全区共上报市入统招商项目30个，总投资80.5亿元。其中超亿元投资项目12个。"
        "完成市下达任务80亿的100.6%。\n二、抓项目进度。目前，上报市的30个项目中，动工项目25个，动工率83.3%。"
        "推动现有企业增资扩产，着力打造高质量发展的萧山。\n",
        "一、抓招商引資。2024年，全區共上報市入統招商項目30個，總投資80.5億元。其中超億元投資項目12個。"
        "完成市下達任務80億的100.6%。\n二、抓項目進度。目前，上報市的30個項目中，動工項目25個，動工率83.3%。"
        "推動現有企業增資擴產，著力打造高質量發展的蕭山。\n",
    ],
)
def test_a_division_the_districts_found_by_its_stem_alone_is_the_reports_subject(text):
    # the districts already hold 萧山区 (by its stem, the report's own 区): that names no place in full
    districts, _city = find_districts(halfwidth(simplified_view(text)))
    assert [d.canonical for d in districts] == ["萧山区"]
    assert _subjects_of_report(text) == {"萧山区"}


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("截至去年底，在外成立的异地蓉籍商会共186家，覆盖全国各省会城市，助力招商引资。", (186, "家")),
        ("武侯区持续优化投资环境，区内世界500强企业增至57家。", (57, "家")),
        ("截至目前，已有12家外资融资租赁公司在武侯区投资，业务陆续开展。", (12, "家")),
        ("武侯區招商引資成效顯著，隱形冠軍德企超30家，總部型德企超10家。", (30, "家")),
    ],
)
def test_a_count_of_firms_is_a_figure_without_a_verb_of_investing(text, figure):
    districts, city = find_districts(halfwidth(simplified_view(text)))
    assert figure in figures(metrics_of(simplified_view(text), districts, city=city))


def test_a_count_of_firms_outside_investment_talk_is_left_out():
    assert figures(metrics_of("今年以来，武侯区新开书店8家，市民阅读更方便。", [])) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("武侯区举行外资项目集中签约仪式，9个项目共计在蓉投资186亿元。", (186, "亿元")),
        ("截至目前，已有215家企业投资约3,120亿元，带动产业升级。", (3120, "亿元")),
        ("温江区集中开工项目共14项，概算投资37.5亿元。", (37.5, "亿元")),
        ("武侯區舉行外資項目集中簽約，12個項目共計在蓉投資98億元。", (98, "亿元")),
    ],
)
def test_the_bare_verb_of_investing_after_a_count_names_an_aggregate(text, figure):
    districts, city = find_districts(halfwidth(simplified_view(text)))
    assert figure in figures(metrics_of(simplified_view(text), districts, city=city))


@pytest.mark.parametrize(
    "text",
    [
        "武侯区签约项目5个，其中甲集团投资20亿元建设智能制造基地。",
        "武侯区签约项目5个，其中甲集团投资20亿元的智能制造基地落户。",
        "甲集团在武侯区投资20亿元，建设智能制造基地。",
    ],
)
def test_the_bare_verb_of_investing_before_a_project_is_one_projects(text):
    districts, city = find_districts(halfwidth(simplified_view(text)))
    assert (20, "亿元") not in figures(metrics_of(simplified_view(text), districts, city=city))


def test_a_place_owning_the_listed_items_is_not_the_subject_of_their_sum():
    """分别是某开发区的甲项目、乙项目，总投资…: the zone says where the items are; the sum stays the report's."""
    for text in (
        "城阳区举行重点项目集中签约活动。\n\n本次签约工业项目2个，分别是鸿泰园区的甲智能装备项目、乙新材料项目，总投资6.5亿元。",
        "城阳區舉行重點項目集中簽約活動。\n\n本次簽約工業項目2個，分別為鴻泰園區的甲智能裝備項目、乙新材料項目，總投資6.5億元。",
    ):
        view = halfwidth(simplified_view(text))
        places = [district(view, "城阳区", "district"), district(view, "鸿泰园区", "zone")]
        total = next(m for m in metrics_of(view, places, city="青岛市") if m.unit == "亿元")
        assert total.subject == "城阳区"


def test_a_list_over_places_of_several_cities_counts_the_province():
    """甲市某区A项目、乙市某区B项目等126个项目: the list runs over cities, so its count is the province's."""
    text = (
        "山东省重点项目建设持续推进。\n\n"
        "城阳区甲精密机械项目、莱山区乙海洋牧场项目、芝罘区丙冷链物流项目等126个产业项目年度计划投资完成率超过80%。"
    )
    places = [
        district(text, "城阳区", "district").model_copy(update={"city": "青岛市", "province": "山东省"}),
        district(text, "莱山区", "district").model_copy(update={"city": "烟台市", "province": "山东省"}),
        district(text, "芝罘区", "district").model_copy(update={"city": "烟台市", "province": "山东省"}),
    ]
    count = next(m for m in metrics_of(text, places, city="青岛市") if m.unit == "个")
    assert count.subject == "山东省"
    same_city = [p.model_copy(update={"city": "青岛市"}) for p in places]
    count = next(m for m in metrics_of(text, same_city, city="青岛市") if m.unit == "个")
    assert count.subject == "青岛市"


def test_a_change_against_a_baseline_is_a_figure_of_its_own():
    """比去年同期增加…亿元, 比上届多…个: the change is reported beside the figure it changes."""
    for text in (
        "1-9月，全市实现合同引资2380亿元，比去年同期增加615亿元，完成全年目标的71.2%。",
        "1-9月，全市實現合同引資2380億元，比去年同期增加615億元，完成全年目標的71.2%。",
        "前三季度，全区招商引资到位资金86.5亿元，较上年同期增加12.3亿元。",
    ):
        view = halfwidth(simplified_view(text))
        found = {(m.value, m.unit) for m in metrics_of(view, [], city="襄州市")}
        assert (615.0, "亿元") in found or (12.3, "亿元") in found
    for text in (
        "本届洽谈会签约投资合作项目52个，其中10亿元以上项目有9个，比上届多2个；5—10亿元项目比上届多4个。",
        "本屆洽談會簽約投資合作項目52個，其中10億元以上項目有9個，比上屆多2個；5—10億元項目比上屆多4個。",
    ):
        view = halfwidth(simplified_view(text))
        found = [(m.value, m.unit) for m in metrics_of(view, [], city="襄州市")]
        assert (2.0, "个") in found and (4.0, "个") in found
    # a change in percentage points is no count, and a comparison without a figure before it borrows nothing
    text = "全市实际使用外资12.5亿美元，比上年多1个百分点。"
    assert [(m.value, m.unit) for m in metrics_of(text, [], city="襄州市")] == [(12.5, "亿美元")]


def test_a_sum_written_before_its_noun_investment_is_a_figure():
    """吸引…家企业、超过…亿元投资。: the sum closing its clause before 投资 is the investment attracted; one
    written before 投资建设 is what a single investor spends."""
    for text in (
        "截至年底，投资振兴三大方案已吸引1288家企业、超过1兆3450亿元投资。",
        "截至年底，投資振興三大方案已吸引1288家企業、超過1兆3450億元投資。",
        "合计三大方案在年底收关前，拉出8200亿元投资，后续尚有41家企业排队待审。",
    ):
        view = halfwidth(simplified_view(text))
        found = {(m.value, m.unit) for m in metrics_of(view, [], city=None)}
        assert (13450.0, "亿元") in found or (8200.0, "亿元") in found
    text = "全市招商引资成效明显，蓝湾科技拟以6亿元投资建设智能装备生产线。"
    assert not [m for m in metrics_of(text, [], city="襄州市") if m.unit == "亿元"]


def test_funds_and_projects_counted_in_zhi_are_figures():
    """只 and 支 count funds (组建3只产业基金, 参与组建基金4支) and, in some provinces, projects (5只重点项目)."""
    cases = (
        ("今年以来，该区组建青禾一号、远舟一号等3只产业投资基金，总规模20亿元。", (3.0, "只")),
        ("该区创新基金招商模式，今年以来参与组建基金4支，总规模12.5亿元。", (4.0, "支")),
        ("上半年，全镇云帆机械等5只重点工业项目竣工投产。", (5.0, "只")),
        ("上半年，全鎮雲帆機械等5只重點工業項目竣工投產。", (5.0, "只")),
    )
    for text, figure in cases:
        view = halfwidth(simplified_view(text))
        assert figure in {(m.value, m.unit) for m in metrics_of(view, [], city="襄州市")}
    assert not metrics_of("全区只用3个月就完成了厂房建设，只待设备进场。", [], city="襄州市")


def test_a_list_of_trades_after_the_places_is_no_list_over_places():
    """甲县与16家企业签约，项目涉及A、B等领域，总投资额…: the 等 closes a list of trades that opens past the
    last place, so the figure stays the county's, not the province's of a list over places."""
    for text in (
        "2月8日，云岭县招商推介会在浙江省临岙市举行，云岭县政府与12家企业集中签约，"
        "项目涉及卫浴、汽配、新能源等领域，总投资额90亿元。",
        "2月8日，雲嶺縣招商推介會在浙江省臨岙市舉行，雲嶺縣政府與12家企業集中簽約，"
        "項目涉及衛浴、汽配、新能源等領域，總投資額90億元。",
    ):
        view = halfwidth(simplified_view(text))
        places = [
            district(view, "云岭县", "county").model_copy(update={"city": "十里市", "province": "湖北省"}),
            district(view, "临岙市", "county_city").model_copy(
                update={"city": "台州市", "province": "浙江省"}
            ),
        ]
        total = next(m for m in metrics_of(view, places, city="十里市") if m.unit == "亿元")
        assert total.subject == "云岭县"


def test_the_sums_of_a_ranking_s_leaders_are_figures():
    """总投资排在前三位的是甲区40亿元、乙区30亿元…; …到位资金…。排名前三的产业链为：甲(17亿元)、…: each leader's sum
    is a figure of what the ranking, or the sentence before it, measures."""
    cases = (
        "全市集中开工项目120个。总投资排在前三位的功能区是青山区40.5亿元、白沙开发区30.2亿元、临湖开发区16.8亿元。",
        "全市集中開工項目120個。總投資排在前三位的功能區是青山區40.5億元、白沙開發區30.2億元、臨湖開發區16.8億元。",
        "1至9月，全省重点产业链项目到位资金3477亿元。排名前三的产业链为：新材料(117.5亿元)、"
        "食品加工(65.9亿元)、文化旅游(33.6亿元)。",
        "全市集中开工项目120个。从产业看，总投资前3名是新材料产业40.5亿元、食品加工业30.2亿元、文化旅游业16.8亿元。",
    )
    for text in cases:
        view = halfwidth(simplified_view(text))
        found = {(m.value, m.unit) for m in metrics_of(view, [], city="襄州市")}
        assert {(40.5, "亿元"), (30.2, "亿元"), (16.8, "亿元")} <= found or {
            (117.5, "亿元"),
            (65.9, "亿元"),
            (33.6, "亿元"),
        } <= found
    for text in (
        "全市人口排在前三位的区是青山区40.5万人、白沙区30.2万人，人均收入排名前三的为甲区5.2万元。",
        "全市签约项目总投资320亿元。地区生产总值排名前三的区是青山区500亿元、白沙区300亿元。",
    ):
        assert not [m for m in metrics_of(text, [], city="襄州市") if m.value in (5.2, 500.0, 300.0)]


def test_counts_taken_among_a_set_the_sentence_opens_with_count_that_set_per_place():
    text = "一季度全市集中开工重大项目中，鼓楼区15个、总投资82亿元，台江区7个、总投资8亿元。"
    by_value = {m.value: m for m in metrics_found(text)}
    assert (by_value[15].subject, by_value[82].subject) == ("鼓楼区", "鼓楼区")
    assert (by_value[7].subject, by_value[8].subject) == ("台江区", "台江区")
    assert by_value[15].indicator == by_value[7].indicator == "集中开工重大项目"


def test_a_citys_short_name_right_before_its_count_is_the_city_in_a_provincial_roundup():
    text = (
        "全省一季度集中开工重大项目488个，总投资2388亿元。\n"
        "一季度集中开工重大项目中，福州115个、总投资802亿元，厦门17个、总投资88亿元，漳州83个、总投资369亿元。"
    )
    by_value = {m.value: m for m in metrics_found(text)}
    assert by_value[488].subject == "福建省"
    assert (by_value[115].subject, by_value[802].subject) == ("福州市", "福州市")
    assert (by_value[17].subject, by_value[88].subject) == ("厦门市", "厦门市")
    assert (by_value[83].subject, by_value[369].subject) == ("漳州市", "漳州市")


def test_a_count_named_by_its_number_word_and_hong_kongs_measure_word_for_firms():
    ms = metrics_found("1-3月，全省签约项目数为37个，新设外商投资企业数为537家。")
    assert {(m.value, m.unit, m.indicator) for m in ms} >= {
        (37, "个", "签约项目"),
        (537, "家", "新设外商投资企业"),
    }
    ms = metrics_found("特区政府投资推广署今年前9个月协助300间企业落户香港，比去年同期增加7%。")
    assert (300, "间") in figures(ms)


def test_a_figure_in_yuan_declared_in_another_currency_is_in_its_unit():
    text = "横琴新区至今已引入澳门企业39家，投资额超过4亿元(美元,下同)。迄今横琴已有98家港澳企业进驻，投资总额32.6亿元。"
    ms = metrics_of(text, [district(text, "横琴新区", "zone")], city="珠海市")
    assert (4, "亿美元") in figures(ms) and (32.6, "亿美元") in figures(ms)
    assert not [m for m in ms if m.unit == "亿元"]


def test_a_figure_exact_to_the_yuan_is_reported_in_yuan():
    from zhaoyin.extractors.metrics import _figure_and_unit

    for written, expected in [
        ("260亿129万5千元", (26_001_295_000, "元")),
        ("36亿5千元", (3_600_005_000, "元")),
        ("1亿5000万元", (1.5, "亿元")),
        ("2亿3千万美元", (2.3, "亿美元")),
    ]:
        assert _figure_and_unit(find_amounts(written)[0]) == expected


def test_a_paragraph_naming_no_place_after_one_about_a_city_is_the_provinces_again():
    text = (
        "省发改委会同省商务厅近日发布了529个省重点招商引资项目，总投资1.8万亿元。这是湖南省首次集中发布。\n"
        "投资额100亿元以上项目54个。株洲市项目数量达71个，居全省之首。\n"
        "与往年比较，收入的项目数量较上年增加79个，其中绿色发展项目15个。"
    )
    by_value = subjects_by_value(text)
    assert by_value[529] == by_value[54] == "湖南省"
    assert by_value[71] == "株洲市"
    assert by_value[79] == by_value[15] == "湖南省"


def test_a_place_opening_an_officials_title_is_no_subject():
    text = (
        "【本报长春讯】9月4日，投资环境说明会暨合作项目签约活动在长春举行。吉林省委常委、长春市委书记王某出席并致辞。"
        "活动现场签约项目14个，签约金额354.2亿元。其中美国安德集团与长春市朝阳区人民政府签署环球金融中心项目，"
        "项目总投资30亿元，占地面积11000平方米，由酒店、写字楼、商业广场和行政公寓组成。"
    )
    by_value = subjects_by_value(text)
    assert by_value[14] == by_value[354.2] == "长春市"


def test_a_place_listed_after_every_county_speaks_with_them_of_the_city():
    text = (
        "3月22日下午，梅州招商引资专场推介会在广州举办。\n"
        "活动期间，各县（市、区）、梅州高新区达成签约项目30个、计划投资总额96.54亿元，其中亿元以上项目28个。"
        "工业项目27个、计划投资额83.54亿元。丰顺县项目2个，计划投资总额18亿元。"
    )
    by_value = subjects_by_value(text)
    assert by_value[30] == by_value[96.54] == by_value[28] == by_value[27] == "梅州市"
    assert by_value[18] == "丰顺县"


def test_taiwans_approval_statistics_are_taiwans_figures():
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    text = (
        "根據經濟部投審會統計，1-5月核准對中國大陸投資件數為64件，較上年同期減少8.5%；"
        "核准投(增)資金額計5.21億美元。\n"
        "投審會表示，1-5月核准僑外投資件數為812件；在核准金額部分，投(增)資金額計31.4億美元。"
    )
    metrics = extract(Document(text=text, source="moea.txt")).metrics
    figures_found = {(m.value, m.unit) for m in metrics}
    assert {(64, "件"), (5.21, "亿美元"), (812, "件"), (31.4, "亿美元")} <= figures_found
    assert {m.subject for m in metrics} == {"台湾"}


def test_a_place_name_read_across_everyday_words_is_no_subject():
    text = (
        "三大方案成果亮眼\n经济部说明三大方案成果，截至1月已吸引1712家企业投资。"
        "三大方案延长至2027年，目标吸引1.2兆元投资。"
    )
    ms = metrics_found(text)
    assert ms and not {m.subject for m in ms} & {"大方县", "毕节市"}


def test_an_inclusive_threshold_and_a_per_project_clause_before_a_count():
    text = "大部分单个项目总投资不低于10亿元，投资额100亿元（含）以上项目54个。"
    ms = metrics_found(text)
    assert figures(ms) == [(54, "个")]
    assert [(a.text, a.qualifier) for a in find_amounts(text)][-1] == ("100亿元", "over")


def test_a_currency_named_before_a_total_leaves_its_indicator_whole():
    ms = metrics_found("截至今年1月23日，投资台湾三大方案通过1,712家、总计投资新台币2兆6,218亿元。")
    assert (26218, "亿元") in figures(ms)


def test_the_firms_an_investment_agency_helped_set_up_are_counted():
    assert figures(metrics_found("投资推广署年内共协助560间企业在港开设或扩展业务。")) == [(560, "间")]


def test_a_region_level_project_list_is_the_citys_own_count():
    text = "今年，崇左市统筹推进市级以上层面重大项目553项。其中，自治区层面重大项目184项，数量排全区第二位。"
    ms = metrics_found(text)
    assert {m.value: m.subject for m in ms}[184] == "崇左市"


def test_a_province_right_before_outside_is_where_investment_comes_from():
    text = "山西长治市潞城区实施推进159个重点项目。截至目前山西省域外招商引资签约项目12个，总投资额92亿元。"
    assert {m.subject for m in metrics_found(text)} == {"潞城区"}


def test_a_citys_promotion_held_in_another_province_is_the_citys():
    text = (
        "5月27日，中国淮安(上海)城市推介暨经贸合作洽谈会在沪举办。洽谈会期间，淮安共签约38个项目，"
        "总引资296.7亿元。淮安推出多个精准服务大礼包，营商环境全省领先。"
    )
    assert {m.subject for m in metrics_found(text)} == {"淮安市"}


def test_tenths_in_digits_and_a_rise_said_as_升幅():
    assert figures(metrics_found("一季度，引进省外资金增长超5成。")) == [(5, "成")]
    assert (12, "个") in figures(metrics_found("全年新签约项目12个，成立公司3家。"))
    assert (40, "%") in figures(metrics_found("今年招商引资新签约项目数量升幅达40%。"))


def test_a_breakdown_runs_past_its_semicolons_and_a_perspective_opens_one():
    text = (
        "本阶段鼓楼区共上报招商项目149项，总投资额318.8亿元。其中，已注册143项，总投资额292.77亿元；"
        "已备案6项，总投资额26.03亿元。从项目性质看，国企13项，总投资额153亿元；外企7项，总投资额46.6亿元。"
    )
    assert {(6, "项"), (26.03, "亿元"), (13, "项"), (7, "项"), (46.6, "亿元")} <= set(
        figures(metrics_found(text))
    )


def test_taiwans_growth_said_as_成长_of_an_investment_written_投增():
    text = simplified_view(
        "在核准金額部分,投(增)金額計26.26億美元,較上年同期減少7.85%。"
        "3月單月投(增)資金額為16.57億美元,較上月成長144.92%。"
    )
    assert {(7.85, "%"), (144.92, "%")} <= set(figures(metrics_found(halfwidth(text))))


def test_the_sums_of_a_rankings_leader_and_of_those_next_are_figures():
    text = (
        "观察核准侨外投资资金来源地区，今年1-3月以日本8.3亿美元(占36.8%)最多，年增3.1倍；"
        "其次依序为德国6.1亿美元(占27.3%)及荷兰1.2亿美元(占5.3%)。"
    )
    assert {(8.3, "亿美元"), (6.1, "亿美元"), (1.2, "亿美元")} <= set(figures(metrics_found(text)))
    assert (5, "亿元") not in figures(metrics_found("该项目以5亿元的投资建设厂房。"))


def test_where_a_citys_event_is_held_is_no_subject_of_its_figures():
    text = (
        "5月26日上午，德州招商引资项目集中开工暨签约仪式在禹城举行，27个项目集中开工，10个项目集中签约。\n"
        "上午10时，集中开工仪式在禹城市鲁粮食品馅料项目开工现场举行，总投资约122亿元的27个项目集中开工。"
    )
    assert {m.subject for m in metrics_found(text)} == {"德州市"}


def test_a_province_before_a_found_districts_short_name_qualifies_it():
    text = "北京通州与廊坊北三县新签50个项目\n9月19日，北京通州区与廊坊北三县项目推介洽谈会举行，现场签约50个合作项目。"
    assert {m.subject for m in metrics_found(text)} == {"通州区"}


def test_the_size_each_counted_project_passes_is_no_total():
    ms = metrics_found("其中，甲谷、乙科创园投资运营项目等14个项目投资额过10亿元；500强企业项目有4个。")
    assert figures(ms) == [(14, "个"), (4, "个")]
    assert figures(metrics_found("甲项目以及乙项目，总投资额均过5亿元。")) == []


def test_the_sum_a_registered_firm_invests_is_its_projects():
    text = "襄阳今年已签约亿元以上项目125个。签约项目中，成都岚图控股股份有限公司将投资60亿元，在宜城市建设产业园。"
    assert (60, "亿元") not in figures(metrics_found(text))


def test_a_sum_down_to_the_dollar_is_reported_in_dollars():
    ms = metrics_found("107年1-12月核准侨外投资3621件，投(增)资金额计美金114亿4,023万4,000元。")
    assert (11440234000, "美元") in figures(ms)


def test_new_firms_approved_counted_in_cases():
    ms = metrics_found("107年1-12月核准新设公司件数为2,169件，新设公司投资金额计美金7亿1,826万1,000元。")
    assert figures(ms) == [(2169, "件"), (718261000, "美元")]


@pytest.mark.parametrize(
    ("text", "figures_found"),
    [
        ("全省招商引资签约项目从2020年的1209个，快速增长至2023年的3391个。", [(1209, "个"), (3391, "个")]),
        (
            "从2020年的3001.07亿元，到2023年的5961.26亿元，全省年度招商引资到位资金增幅达到98.64%。",
            [(3001.07, "亿元"), (5961.26, "亿元"), (98.64, "%")],
        ),
        ("全市常住人口从2010年的300万人增长到2020年的350万人。", []),
    ],
)
def test_the_two_ends_of_a_change_over_the_years(text, figures_found):
    ms = metrics_found(text)
    assert figures(ms) == figures_found
    assert [m.period for m in ms][:2] == (["2020", "2023"] if figures_found else [])


def test_a_sum_written_right_after_the_count_it_totals():
    ms = metrics_found("大力开展招商引资，累计签约项目325个1617亿元，落地开工项目263个。")
    assert figures(ms) == [(325, "个"), (1617, "亿元"), (263, "个")]
    assert (1.2, "亿元") not in figures(metrics_found("签约项目5个、1.2亿元以上的项目3个。"))


def test_firms_counted_in_間_the_hong_kong_measure_word_are_a_figure():
    text = "香港投資推廣署今日宣布，該署去年共協助了312間海外及內地企業在港開設或擴展業務。"
    text = halfwidth(simplified_view(text))
    assert (312, "间") in figures(metrics_of(text, [], city="香港"))


def test_a_respectively_clause_takes_the_places_listed_in_the_clause_before_it():
    text = (
        "记者从省商务厅获悉，1—8月，湖北省引进省外到位资金6262亿元。其中，武汉市、宜昌市、襄阳市"
        "引进省外到位资金总量排名靠前，分别占总量的18.1%、17.2%、15.1%。"
    )
    districts, city = find_districts(text)
    shares = [(m.value, m.subject) for m in metrics_of(text, districts, city=city) if m.unit == "%"]
    assert shares == [(18.1, "武汉市"), (17.2, "宜昌市"), (15.1, "襄阳市")]


def test_cities_listed_by_their_short_names_before_a_count_are_each_a_subject():
    text = (
        "一季度，云南省集中开工重大产业项目2262个。从地域分布看，昆明4个，曲靖、玉溪各2个，昭通、保山各1个。"
    )
    districts, city = find_districts(text)
    counts = [(m.value, m.subject) for m in metrics_of(text, districts, city=city) if m.value < 10]
    assert counts == [(4, "昆明市"), (2, "曲靖市"), (2, "玉溪市"), (1, "昭通市"), (1, "保山市")]


def test_the_projects_just_counted_named_again_before_their_total():
    text = (
        "今年1—4月，全省共新签订实施国内合作项目553个，同比增长23%；项目协议总投资864.5亿元，同比增长31.5%。"
    )
    text = halfwidth(text)
    assert (864.5, "亿元") in figures(metrics_of(text, [], city="昆明市"))


def test_a_share_of_the_task_said_right_after_it_without_的():
    text = "某市今年招商引资目标任务为55亿元，已完成任务37.05亿元，完成全年招商引资任务67.36%。"
    assert (67.36, "%") in figures(metrics_of(text, [], city="塔城地区"))


def test_a_parts_share_in_a_breakdown_is_a_figure():
    text = halfwidth("上半年，全省实际利用外资4.8亿美元，其中，制造业占41.9%。")
    assert (41.9, "%") in figures(metrics_of(text, [], city="哈尔滨市"))


def test_trips_counted_after_招商引资_are_an_activity_figure():
    text = halfwidth("今年以来，某州大力开展招商引资，“走出去”招商引资21次，洽谈对接企业110家。")
    assert (21, "次") in figures(metrics_of(text, [], city="延边朝鲜族自治州"))


@pytest.mark.parametrize("bracket", ["", "(岚经开区)"])
def test_a_place_owning_a_count_by_its_de_is_its_subject_not_the_report_opening(bracket):
    text = f"7月17日，岚山新区招商引资项目集中签约仪式举行。签约仪式上东岭区{bracket}的50个重点项目进行了集中签约。"
    districts = [
        district(text, "岚山新区", "new_area"),
        district(text, "东岭区", "district"),
        district(text, "岚山经济技术开发区", "zone", "岚经开区"),
    ]
    ms = metrics_of(text, districts, city="岚州市")
    assert figures(ms) == [(50, "个")]
    assert ms[0].subject == "东岭区"


def test_a_sum_arrived_and_a_count_already_reached_are_figures():
    text = "今年，东岭区内联引资到位项目数累计315个，实际到位额308.45亿元。东岭区新开工产业项目已经达到15个。"
    ms = metrics_of(text, [district(text, "东岭区", "district")])
    assert (308.45, "亿元") in figures(ms) and (15, "个") in figures(ms)


def test_taiwans_investment_cases_are_counted():
    text = "截至6月底，新台币5亿元以上投资案件共计700件，已完工案件计有376件。"
    assert {(700, "件"), (376, "件")} <= set(figures(metrics_of(text, [], city=None)))


def test_a_taiwan_reports_yearly_change_and_a_count_more_than_a_baseline():
    text = simplified_view(
        "今年1-3月核准僑外投資786件，較去年同期增29件，年增3.8%；投資金額22.5億美元，年增1.1倍。"
    )
    found = figures(metrics_of(text, [], city=None))
    assert {(29.0, "件"), (3.8, "%"), (1.1, "倍")} <= set(found), found


def test_a_count_in_digits_written_one_by_one():
    text = simplified_view("經濟部表示，投資台灣三大方案已吸引一七〇一家企業投資，另有三四家企業洽談。")
    found = figures(metrics_of(text, [], city=None))
    assert (1701.0, "家") in found, found
    assert not any(value == 34.0 for value, _unit in found)  # 三四家: three or four, no figure


def test_macao_direct_investment_and_its_change_on_the_year_are_figures():
    text = simplified_view("2011年岚澳引進外來直接投資51.9億元，按年大幅減少17.7億元。")
    found = figures(metrics_of(text, [], city=None))
    assert {(51.9, "亿元"), (17.7, "亿元")} <= set(found), found


def test_a_sum_restated_in_another_currency_is_the_same_figure_again():
    text = "某市签约外资项目53个，投资总额54.4亿美元，折合人民币343亿元。"
    ms = metrics_of(text, [], city="岚州市")
    assert {(54.4, "亿美元"), (343.0, "亿元")} <= set(figures(ms))
    converted = next(m for m in ms if m.value == 343.0)
    assert converted.indicator.startswith(next(m for m in ms if m.value == 54.4).indicator)


def test_a_count_opening_a_quoted_name_is_no_figure():
    text = "签约项目中，分布在重点功能区和“五个新城”的项目有19个，总投资17亿美元。"
    found = figures(metrics_of(text, [], city="岚州市"))
    assert (19.0, "个") in found and (5.0, "个") not in found, found


def test_progress_against_the_schedule_is_a_rate():
    text = "前三季度，岚州重点项目共完成投资188.2亿元，投资进度达81.8%，快于时序进度6.8个百分点。"
    found = figures(metrics_of(text, [], city="岚州市"))
    assert {(81.8, "%"), (6.8, "个百分点")} <= set(found), found


def test_one_projects_progress_is_no_figure_of_the_place():
    text = (
        "前三季度，岚州重点项目投资进度达81.8%。岚州东西快速路即将完工，前三季度，该项目已累计完成投资18亿元，"
        "年度计划投资进度达138%。"
    )
    found = figures(metrics_of(text, [], city="岚州市"))
    assert (81.8, "%") in found and not any(value == 138.0 for value, _unit in found), found


def test_firms_counted_in_hu_entering_the_park_are_a_figure():
    text = "截止目前，该县入园企业48户，已建成投产28户，其中12户为规模企业，在建规模企业20户。"
    ms = metrics_of(text, [], city="岚州市")
    assert (48.0, "户") in figures(ms)
    assert all(not m.indicator.endswith("企业企业") for m in ms)


def test_a_total_right_after_a_list_of_projects_a_colon_opens_is_a_figure():
    text = "此次集中投产的五大项目是：岚达风电设备项目、岚旭机器人项目、岚辰储能设备项目，总投资66.2亿元。"
    assert (66.2, "亿元") in figures(metrics_of(text, [], city="临汾市"))
    text = "在推进的项目30个中，有代表性的包括：岚达风电设备项目，总投资91亿元。"
    assert (91.0, "亿元") not in figures(metrics_of(text, [], city="临汾市"))


def test_a_province_inside_a_firms_registered_name_is_no_subject():
    text = (
        "襄汾县五大项目集中投产。投产的项目是：山西岚达风电设备有限公司智能风机项目、山西岚科联智控技术有限公司"
        "模组项目、西美岚新(山西)食品有限公司饮料加工项目，总投资66.2亿元。"
    )
    assert subjects_by_value(text).get(66.2) == "襄汾县"


def test_the_funds_a_partner_brings_for_one_project_named_after_them_are_no_figure():
    text = (
        "考察团共签约6个大项目，总投资超过百亿元。甲新区管委会与香港岚联投资有限公司合作，协议引进资金1.2亿美元，"
        "建设港澳台侨产业园项目；乙区政府与岚商置业有限公司合作，协议引进资金35亿元人民币，建设岚湖文化公园项目。"
    )
    assert figures(metrics_of(text, [])) == [(6, "个"), (100, "亿元")]


def test_a_figure_in_brackets_after_each_part_of_a_breakdown_is_that_parts():
    text = (
        "岚州去年引进外来直接投资51.9亿元。按来源地分析，投资者来自甲国（84.3亿元）、乙国（33.5亿元）及丙地"
        "（22.9亿元）；新增投资主要集中于文娱及其他服务业（42.5亿元）。按来源地分析，首五位是甲国（2620间）、乙国（1430间）。"
    )
    found = figures(metrics_of(text, [], city=None))
    for figure in [
        (84.3, "亿元"),
        (33.5, "亿元"),
        (22.9, "亿元"),
        (42.5, "亿元"),
        (2620.0, "间"),
        (1430.0, "间"),
    ]:
        assert figure in found


def test_a_figure_in_brackets_after_a_project_or_a_firm_is_its_own_sum():
    text = "新批外资项目共7个，分别是岚华国际（1亿美元）、嵘岚光电（1500万美元）。"
    found = figures(metrics_of(text, [], city=None))
    assert (1.0, "亿美元") not in found and (1500.0, "万美元") not in found


def test_taiwans_year_on_year_change_words_make_figures():
    text = "今年1-3月实际使用外资22.5亿美元，年增11.5亿美元；实际到位资金30亿元，年减9.9%。"
    found = figures(metrics_of(text, [], city=None))
    assert (11.5, "亿美元") in found and (9.9, "%") in found


def test_a_sum_said_of_a_counted_list_is_its_total_past_a_qualifier_and_as_a_bare_amount():
    found = figures(metrics_of("总投资超45亿元的岚华钛镍等22个产业化项目落户岚源工业园区。", [], city=None))
    assert (45.0, "亿元") in found
    found = figures(metrics_of("第三届经贸博览会签约项目120个、金额103亿美元。", [], city=None))
    assert (103.0, "亿美元") in found


def test_investment_from_outside_is_a_figure_on_its_own_and_heads_a_respectively_list():
    text = "2022年流入金融业、批发零售业和博彩业的外来投资分别有222.8亿元、41.6亿元和25.8亿元。"
    found = figures(metrics_of(text, [], city=None))
    assert [(222.8, "亿元"), (41.6, "亿元"), (25.8, "亿元")] == [f for f in found if f[1] == "亿元"]


def test_a_share_in_brackets_right_after_a_figure_is_that_figures_share():
    text = "核准侨外投资资金来源地区，今年1-3月以甲国8.3亿美元(占36.8%)最多；其次为乙国6.1亿美元(占27.3%)。"
    found = figures(metrics_of(text, [], city=None))
    assert (36.8, "%") in found and (27.3, "%") in found
    shares = [m for m in metrics_of(text, [], city=None) if m.unit == "%"]
    assert all(m.indicator.endswith("占比") for m in shares)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全省签约项目300个，其中南京市100个、苏州市80个、无锡市70个。当月开工项目36个。",
            [(300, "江苏省"), (100, "南京市"), (80, "苏州市"), (70, "无锡市"), (36, "江苏省")],
        ),
        (
            "全省签约4994亿元。签约额排名前列的是海口1191亿元、三亚978亿元、儋州551亿元。",
            [(4994, "海南省"), (1191, "海口市"), (978, "三亚市"), (551, "儋州市")],
        ),
        (
            "全市签约99亿元。分区看，市南区签约10亿元、市北区签约8亿元。",
            [(99, "青岛市"), (10, "市南区"), (8, "市北区")],
        ),
    ],
)
def test_each_place_opening_an_item_of_a_list_of_figures_is_that_figures_subject(text, expected):
    assert [(m.value, m.subject) for m in metrics_found(text)] == expected


def test_short_city_names_listed_with_counties_before_respectively_are_each_their_figures_subject():
    text = "全省签约项目共472个。从市县看，海口、儋州、澄迈和文昌项目落地率分别达到47%、49%、74%和90%。"
    assert [(m.value, m.subject) for m in metrics_found(text)] == [
        (472, "海南省"),
        (47, "海口市"),
        (49, "儋州市"),
        (74, "澄迈县"),
        (90, "文昌市"),
    ]


def test_the_province_a_city_ranks_in_is_not_the_subject_of_its_next_figures():
    text = (
        "2024年3月26日在长治市第十五届人民代表大会第四次会议上\n"
        "全市上下深入贯彻对山西工作的重要讲话精神。\n"
        "实施重点项目1920个，投资规模全省第二。签约引进总投资1929.8亿元的582个项目。"
    )
    ms = metrics_in(text, "长治市", "2024-03")
    assert [(m.value, m.subject) for m in ms] == [(1920, "长治市"), (1929.8, "长治市"), (582, "长治市")]


def test_a_region_named_after_the_capital_is_no_subject_of_a_provincial_reports_figures():
    text = (
        "8月8日，记者从省商务厅获悉，上半年全省招商引资实际到位资金4407.9亿元。"
        "全省12个市及沈抚示范区完成了全年指标任务的50%以上。"
        "从地域分布看，沈阳现代化都市圈到资2015.7亿元，同比增长31.6%。"
    )
    ms = metrics_in(text, "沈阳市", "2022-08")
    assert {m.value: m.subject for m in ms}[2015.7] == "辽宁省"


def test_a_headline_naming_the_province_and_the_capital_only_as_dateline_gives_the_figures_to_the_province():
    text = (
        "广西重金吸引海内外投资 扩大对外开放步伐\n"
        "中新社南宁6月3日电 据广西壮族自治区投资促进局3日介绍，广西壮族自治区人民政府日前印发激励办法。\n"
        "据介绍，广西共奖励南宁、柳州等8个设区市绩效考核激励资金6300万元。"
    )
    ms = metrics_found(text, published="2019-06")
    assert [(m.value, m.subject) for m in ms] == [(6300, "广西壮族自治区")]


def test_a_work_reports_sentence_naming_no_place_is_not_the_city_an_earlier_sentence_named():
    text = (
        "在今天上午召开的河南省十三届人大四次会议上，省长作政府工作报告。他指出，过去五年，河南省改革持续深化。"
        "郑州机场客货运吞吐量跃居中部地区第一。五年实际吸收外资901亿美元。"
    )
    ms = metrics_in(text, "郑州市", "2021-01")
    assert [(m.value, m.subject) for m in ms] == [(901, "河南省")]
