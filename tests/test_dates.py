"""Publication dates and reporting periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.dates import (
    dated_publication,
    find_period_expressions,
    publication_date,
    resolve_period,
)


@pytest.mark.parametrize(
    ("expr", "published", "period"),
    [
        ("一季度", "2025-04", "2025Q1"),
        ("第一季度", "2025-04", "2025Q1"),
        ("今年一季度", "2023-05-10", "2023Q1"),
        ("第四季度", "2024-12", "2024Q4"),
        ("上半年", "2024-07", "2024H1"),
        ("下半年", "2024-07", "2024H2"),
        ("今年", "2025-02", "2025"),
        ("去年", "2025-02", "2024"),
        ("前年", "2025-02", "2023"),
        ("全年", "2022-12", "2022"),
        ("1—8月", "2019-09", "2019-01/2019-08"),
        ("1至8月", "2019-09", "2019-01/2019-08"),
        ("1-8月份", "2019-09", "2019-01/2019-08"),
        ("前8个月", "2019-09", "2019-01/2019-08"),
        ("前三季度", "2021-10", "2021-01/2021-09"),
        ("3月", "2025-04", "2025-03"),
        ("3月15日", "2025-04", "2025-03"),
        ("2019年1—8月", None, "2019-01/2019-08"),
        ("2023年", None, "2023"),
        ("2024年上半年", "2025-02", "2024H1"),
        ("去年一季度", "2025-02", "2024Q1"),
        ("“十四五”期间", None, "2021/2025"),
        ("十三五时期", None, "2016/2020"),
        ("“十五五”", None, "2026/2030"),
    ],
)
def test_resolve_period(expr, published, period):
    assert resolve_period(expr, published) == period


def test_relative_period_needs_a_publication_date():
    assert resolve_period("去年", None) is None
    assert resolve_period("一季度", None) is None
    assert resolve_period("招商引资", "2025") is None


def test_find_period_expressions_with_offsets():
    text = "今年一季度，武侯区签约项目12个；2019年1—8月实际使用外资增长；“十四五”期间目标明确；第十五届博览会"
    found = find_period_expressions(text)
    assert [expr for expr, _, _ in found] == ["今年一季度", "2019年1—8月", "“十四五”期间"]
    for expr, start, end in found:
        assert text[start:end] == expr


def test_metadata_wins():
    assert publication_date("公司成立于2019年1月1日。", "2024-03-05T08:00:00+08:00") == "2024-03-05"
    assert publication_date("", date(2023, 7, 1)) == "2023-07-01"
    assert publication_date("", "2023年7月") == "2023-07"


def test_full_date_near_the_top():
    assert publication_date("本报讯 2023年5月6日，合肥市召开招商大会。") == "2023-05-06"
    assert publication_date("发布时间：2022-11-30\n正文") == "2022-11-30"


def test_signature_date_at_the_end_of_a_release():
    body = "为进一步优化营商环境，现将有关事项通知如下。" * 20
    assert publication_date(body + "\n成都市投资促进局\n2024年3月5日\n") == "2024-03-05"


def test_month_from_dateline_and_year_from_text():
    text = "新华社成都3月5日电 成都市2023年招商引资工作会议召开，会议部署全年工作。"
    assert dated_publication(text) == ("2023-03-05", "dateline+text")


def test_finished_quarter_moves_the_month_on():
    text = "今年一季度，苏州工业园区新签约项目40个。2024年，园区将继续扩大开放。"
    assert publication_date(text) == "2024-04"


def test_a_year_looked_back_on_is_last_year():
    text = "2月10日，全市招商大会召开。2023年，全市新签约项目300个，同比增长12%。去年以来，招商力度加大。"
    assert publication_date(text) == "2024-02-10"


def test_targets_do_not_set_the_year():
    text = "今年，该区将推进项目建设。至2030年，计划累计投资50亿元。2026年1月8日召开会议。"
    assert publication_date(text).startswith("2026")


def test_no_date_at_all():
    assert publication_date("招商引资持续发力。") is None


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789年月日季度上下半今去前明全—至-“”十四五期间一二三\n。", max_size=60))
def test_any_text_resolves_without_raising(text):
    published = publication_date(text)
    assert published is None or published[:4].isdigit()
    for expr, start, end in find_period_expressions(text):
        assert text[start:end] == expr
        resolve_period(expr, published or "2025-04")


def test_planned_years_do_not_set_the_year():
    text = (
        "本报讯 3月15日，西海岸新区2024年一季度重点项目集中签约。"
        "项目一期计划今年二季度开工，2025年底前实现投产。另一项目计划2026年3月开工。"
    )
    assert publication_date(text) == "2024-03-15"


def test_years_looked_back_on_do_not_set_the_year():
    text = "11月20日，德国企业在园区新厂房奠基。这是该集团继2015年落户园区后的第三次增资。今年园区外资增长。"
    assert publication_date(text) is None


def test_a_dateline_without_year_takes_the_year_of_an_event_named_with_it():
    from zhaoyin.extractors.dates import publication_date

    text = "西安日报讯 6月12日，记者从市商务局获悉，2024丝路博览会期间全市签约项目86个。"
    assert publication_date(text) == "2024-06-12"


def test_dateline_of_month_and_day_takes_its_year_from_the_metadata():
    text = "本报讯（记者 王明 通讯员 李华）7月21日，云岭县举行项目集中签约仪式，共签约项目5个。"
    assert dated_publication(text, "2019-09-21", meta_source="label") == ("2019-07-21", "dateline+label")
    # a day after the metadata's is of the year before: a page of early January on a signing of December 30th
    text = "12月30日，云岭县举行项目集中签约仪式。"
    assert dated_publication(text, "2025-01-20", meta_source="crawl") == ("2024-12-30", "dateline+crawl")


def test_metadata_a_few_days_after_the_dateline_is_the_day_the_report_came_out():
    text = (
        "云岭县项目集中签约\n\n2020年11月02日09:47  来源：云岭新闻网\n10月30日，云岭县举行项目集中签约仪式。"
    )
    assert dated_publication(text) == ("2020-11-02", "text-head")


def test_a_wire_dateline_and_one_after_a_credit():
    assert dated_publication(
        "新华社昆明5月8日电（记者 张三）云岭县签约项目3个。", "2024-05-10", meta_source="crawl"
    ) == (
        "2024-05-10",
        "crawl",
    )
    assert dated_publication("新华社昆明5月8日电 云岭县签约项目3个。", "2024-09-01", meta_source="crawl") == (
        "2024-05-08",
        "dateline+crawl",
    )
    assert dated_publication(
        "【云岭日报网讯】（记者 张三）5月8日，云岭县签约项目3个。", "2024-09-01", meta_source="crawl"
    ) == (
        "2024-05-08",
        "dateline+crawl",
    )
    assert dated_publication("（记者 张三）5月8日，云岭县签约项目3个。", "2024-09-01")[0] == "2024-05-08"
    # a date inside the lead's sentence is not a dateline
    assert dated_publication("据悉，在5月8日的签约仪式上，云岭县签约项目3个。")[0] is None


def test_dateline_without_any_year_takes_the_import_date_year():
    from datetime import datetime

    text = "本报讯 5月8日，云岭县签约项目3个，总投资12亿元。"
    assert dated_publication(text) == (None, None)
    imported = datetime(2025, 6, 1, 8, 0)
    assert dated_publication(text, imported=imported) == ("2025-05-08", "dateline+import-date")
    # a month and day after the import date fell in the year before
    assert dated_publication("本报讯 11月8日，云岭县签约项目3个。", imported=imported)[0] == "2024-11-08"


def test_a_dateline_wins_over_a_distant_metadata_date():
    text = "本报讯 2024年3月15日，云岭县签约项目3个。"
    assert dated_publication(text, "2024-06-30", meta_source="meta:pubdate") == ("2024-03-15", "dateline")


def test_expiry_and_effective_dates_are_not_the_publication_date():
    head = "云岭县出台招商引资奖励办法，自2024年1月1日起施行。"
    assert publication_date(head) is None
    tail = "对新引进企业给予奖励。" * 10 + "本办法有效期至2026年12月31日。"
    assert publication_date(tail) is None
    assert publication_date("截至2024年6月30日，全县签约项目12个。") != "2024-06-30"


def test_a_whole_year_of_results_dates_the_report_in_the_year_after():
    text = "4月15日上午，记者从云岭市新闻发布会上获悉，2024年，全市新签约项目242个，签约额138亿元。"
    assert publication_date(text) == "2025-04-15"
    # a year-end review may tell its own year
    text = "12月20日，记者获悉，2024年，全市新签约项目242个，签约额138亿元。"
    assert publication_date(text) == "2024-12-20"


def test_a_quoted_slogan_does_not_make_a_sentence_a_plan():
    text = "记者从“奋力谱写新篇章”主题发布会上获悉，2023年，全市新签约项目100个。"
    assert publication_date(text) == "2023"


def test_a_schedule_year_is_not_the_report_year():
    text = "云岭县于今年3月签约中药颗粒项目，第一年完成250个品种，第三年（2024年）完成销售额5亿元。2022年全县招商大会召开。"
    assert publication_date(text).startswith("2022")


def test_an_event_named_with_its_year_and_a_session_number():
    text = "2022云岭(第22届)经贸合作洽谈会1日举行。总投资100亿元的15个项目集中签约。"
    assert publication_date(text) == "2022"
    assert publication_date("本报讯 5月20日，2025云岭招商引资集中签约活动举行。") == "2025-05-20"


def test_a_coarse_metadata_date_is_refined_by_the_text():
    text = "云岭县签约项目3个\n时间：2024-05-08 09:30\n记者从县商务局获悉，云岭县签约项目3个。"
    assert dated_publication(text, "2024-05", meta_source="file-name") == ("2024-05-08", "text-head")
    assert dated_publication(text, "2023", meta_source="file-name") == ("2023", "file-name")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a full date in the body's first sentences is a date it speaks of, not the report's
        (
            "1月4日上午，某市举行2023年第一季度招商引资集中签约活动，46个项目集中签约。\n"
            "2022年11月28日，某工厂首条线束下线。",
            "2023-01-04",
        ),
        (
            "中新網海口3月18日電 海南省18日舉行2019年重點項目集中開工儀式。2018年12月28日第二批項目開工。",
            "2019-03-18",
        ),
        (
            "四川招商网讯:2013年4月17日,记者从省经信委了解到:今年一季度,全省引进到位资金2353.82亿元。",
            "2013-04-17",
        ),
        ("【大紀元2016年06月21日訊】(記者李怡欣台灣高雄報導)高雄市府21日獲頒招商卓越獎。", "2016-06-21"),
    ],
)
def test_a_dateline_in_either_script_and_dates_the_body_speaks_of(text, published):
    assert publication_date(text) == published


def test_a_time_stamp_written_day_first_dates_the_report():
    text = "孝感签约4个逾300亿元项目\n\n16.07.2018  22:17\n湖北日报讯 7月15日，孝感市举行招商引资工作推进会。"
    assert dated_publication(text, None)[0].startswith("2018-07")
    # a figure with two points is no date without a time of day after it
    assert not (dated_publication("产值增长16.07.2018年达到高峰。", None)[0] or "").startswith("2018-07")


def test_a_dateline_a_day_after_the_pages_date_is_of_the_same_year():
    text = "8月16日，第九届岚台经济合作洽谈会隆重开幕。会上当场签约项目19个。"
    assert dated_publication(text, "2010-08-15", meta_source="file-name")[0] == "2010-08-16"
    # long after it in the calendar, the dateline is of the year before (12月30日 in a page of 2025-01-02),
    # and the page's date a few days on is the day the report came out
    late = "12月30日，岚州市举行项目集中签约仪式。"
    assert dated_publication(late, "2025-01-02", meta_source="file-name")[0] == "2025-01-02"


@pytest.mark.parametrize(
    "text",
    [
        "岚州新闻网广元4月20日讯 4月17日，“2018中外知名企业岚州行”活动在成都启幕。",
        "中新网廊坊5月19日电 19日，正于此间召开的2018中国·岚坊国际经济贸易洽谈会上，多个项目签约。",
    ],
)
def test_an_event_named_with_its_year_dates_a_dateline_without_one(text):
    published, source = dated_publication(text, None, imported="2026-12-07")
    assert published.startswith("2018-0"), (published, source)


def test_a_year_compared_against_is_the_year_before_the_report():
    text = "全市招商投资促进工作开局良好\n一季度，全市到位资金619.4亿元，比2020年同期增加237.6亿元。"
    assert dated_publication(text, None)[0].startswith("2021")
