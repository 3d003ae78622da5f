"""Monetary amounts: numerals, units, currencies, qualifiers, ranges, shared units, thresholds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.amounts import chinese_number, find_amounts, local_yuan
from zhaoyin.extractors.script import simplified_view
from zhaoyin.extractors.text import halfwidth


def triples(text: str) -> list[tuple[str, float, str, str | None]]:
    return [(a.text, a.value, a.currency, a.qualifier) for a in find_amounts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("合肥新站高新区签约项目总投资218.6亿元。", [("218.6亿元", 218.6e8, "CNY", None)]),
        ("苏州工业园区引进三十亿元产业基金。", [("三十亿元", 3e9, "CNY", None)]),
        ("基地计划投资一百二十亿元。", [("一百二十亿元", 1.2e10, "CNY", None)]),
        ("打造百亿元级产业集群。", [("百亿元", 1e10, "CNY", None)]),
        ("项目总投资约三点五亿元。", [("三点五亿元", 3.5e8, "CNY", "about")]),
        ("年投资１２．５亿元用于研发。", [("１２．５亿元", 12.5e8, "CNY", None)]),
        ("合同金额1,250万美元。", [("1,250万美元", 1.25e7, "USD", None)]),
        ("全年固定资产投资1.2万亿元。", [("1.2万亿元", 1.2e12, "CNY", None)]),
        ("注册资本5千万元。", [("5千万元", 5e7, "CNY", None)]),
        ("德资企业增资3000万欧元。", [("3000万欧元", 3e7, "EUR", None)]),
        (
            "港资项目投资8亿港元，另一项目2亿港币。",
            [("8亿港元", 8e8, "HKD", None), ("2亿港币", 2e8, "HKD", None)],
        ),
        (
            "日方出资50亿日元，英方出资1亿英镑。",
            [("50亿日元", 5e9, "JPY", None), ("1亿英镑", 1e8, "GBP", None)],
        ),
        ("融资10亿元人民币。", [("10亿元人民币", 1e9, "CNY", None)]),
    ],
)
def test_numerals_units_and_currencies(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("总投资超过20亿元", "over"),
        ("总投资超20亿元", "over"),
        ("投资逾20亿元", "over"),
        ("投资20亿元以上", "over"),
        ("投资额突破20亿元", "over"),
        ("总投资近20亿元", "about"),
        ("总投资约20亿元", "about"),
        ("总投资20亿元左右", "about"),
        ("投资不到20亿元", "under"),
        ("投资20亿元以下", "under"),
        ("投资20多亿元", "over"),
        ("投资20余亿元", "over"),
        ("总投资20亿元", None),
    ],
)
def test_qualifiers(text, qualifier):
    (amount,) = find_amounts(text)
    assert amount.value == 2e9
    assert amount.qualifier == qualifier


def test_thresholds_hold_a_bare_unit():
    text = "成都市新签约亿元以上项目52个，其中10亿元以上项目9个，另有过亿元项目落地，上亿元投资增多。"
    assert triples(text) == [
        ("亿元", 1e8, "CNY", "over"),
        ("10亿元", 1e9, "CNY", "over"),
        ("亿元", 1e8, "CNY", "over"),
        ("亿元", 1e8, "CNY", "over"),
    ]


def test_bare_unit_without_qualifier_is_still_an_amount_but_wan_yuan_needs_one():
    assert triples("新引进亿元项目12个") == [("亿元", 1e8, "CNY", None)]
    assert triples("每万元GDP能耗下降") == []
    assert triples("奖励金额在万元以上") == [("万元", 1e4, "CNY", "over")]


def test_ranges_give_two_amounts():
    assert triples("计划投资10亿—20亿元") == [("10亿", 1e9, "CNY", None), ("20亿元", 2e9, "CNY", None)]
    assert triples("计划投资10—20亿美元") == [("10", 1e9, "USD", None), ("20亿美元", 2e9, "USD", None)]
    assert triples("单体投资3至5亿元") == [("3", 3e8, "CNY", None), ("5亿元", 5e8, "CNY", None)]


def test_shared_units_in_lists():
    assert [a.value for a in find_amounts("两期分别为5亿元、3亿元")] == [5e8, 3e8]
    assert triples("分别投资5亿、3亿和2亿美元") == [
        ("5亿", 5e8, "USD", None),
        ("3亿", 3e8, "USD", None),
        ("2亿美元", 2e8, "USD", None),
    ]
    # numbered list items are not amounts
    assert [a.text for a in find_amounts("第3、5亿元档")] == ["5亿元"]


def test_repeats_are_each_their_own_entry_with_offsets():
    text = "甲项目投资5亿元，乙项目也投资5亿元。"
    amounts = find_amounts(text)
    assert [a.text for a in amounts] == ["5亿元", "5亿元"]
    assert all(text[a.start : a.end] == a.text for a in amounts)
    assert amounts[0].start < amounts[1].start


def test_not_amounts():
    text = "新增企业75个，占比12.5%，2025年举办第3届大会，二元结构与多元化发展，千亿级产业集群。"
    assert find_amounts(text) == []


def test_vague_amounts_are_skipped():
    assert find_amounts("带动数亿元投资和几十亿元产值") == []


def test_chinese_number_helper():
    assert chinese_number("两千万") == 2e7
    assert chinese_number("千亿") == 1e11
    assert chinese_number("零点五亿") == 5e7
    assert chinese_number("点") is None
    assert chinese_number("三千五亿") == 3.5e11  # 三千五 is 3500: the hundreds are left unsaid
    assert chinese_number("两万五千亿") == 2.5e12


def test_any_text_does_not_raise():
    for text in ["", "元", "亿元亿元", "1" * 500 + "亿元", "—亿元", "１，２３４万元", "三点亿元"]:
        for amount in find_amounts(text):
            assert text[amount.start : amount.end] == amount.text


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet="0123456789０１.,，、—至和一二三十百千万亿点多余约超过以上左右数几元美欧港币人民",
        max_size=60,
    )
)
def test_any_text_gives_amounts_with_valid_offsets(text):
    amounts = find_amounts(text)
    assert [a.start for a in amounts] == sorted(a.start for a in amounts)
    for a in amounts:
        assert text[a.start : a.end] == a.text
        assert a.value >= 0  # "0元入驻" is an amount too


def test_values_are_exact_decimals_without_float_noise():
    # 8.7 × 1e8 in binary floating point is 869999999.9999999
    values = [
        a.value
        for a in find_amounts("甲项目投资8.7亿元，乙项目投资三点七亿元，丙项目投资0.29亿元、4.1亿元。")
    ]
    assert values == [870000000.0, 370000000.0, 29000000.0, 410000000.0]
    assert chinese_number("八点七亿") == 870000000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("分别是总投资12亿的青禾饮料项目、总投资3亿的蓝川包装项目。", [("12亿", 12e8), ("3亿", 3e8)]),
        ("浩川科技计划投资4000万建设研发中心。", [("4000万", 4e7)]),
        ("今年一季度到位资金205.36亿，增长12%。", [("205.36亿", 205.36e8)]),
        ("落户项目总投资达15个亿。", [("15个亿", 15e8)]),
        ("奖励人民币 6-8万 元。", [("6", 6e4), ("8万 元", 8e4)]),
    ],
)
def test_figures_without_a_currency_are_yuan_where_a_money_word_introduces_them(text, expected):
    assert [(a.text, a.value) for a in find_amounts(text)] == expected
    assert {a.currency for a in find_amounts(text)} == {"CNY"}


@pytest.mark.parametrize(
    "text",
    [
        "景区全年接待游客1.2亿人次。",
        "项目总投资建设年产20万吨饲料生产线。",
        "总投资项目达到3万个。",
        "全市人口达1200万。",
    ],
)
def test_figures_without_a_currency_elsewhere_are_no_amounts(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临川县签约项目总投资 58.6 亿元。", [("58.6 亿元", 58.6e8, "CNY", None)]),
        (
            "外资到位1.5 亿美元，增资8000 万欧元。",
            [("1.5 亿美元", 1.5e8, "USD", None), ("8000 万欧元", 8e7, "EUR", None)],
        ),
        ("实际利用外资 2 亿 美元。", [("2 亿 美元", 2e8, "USD", None)]),
        ("项目总投资约 5 亿港元。", [("5 亿港元", 5e8, "HKD", "about")]),
        ("总投资逾 10 亿元的项目。", [("10 亿元", 1e9, "CNY", "over")]),
        ("总投资 8 亿元 以上的项目。", [("8 亿元", 8e8, "CNY", "over")]),
        ("总投资约 30 余亿元。", [("30 余亿元", 3e9, "CNY", "about")]),
        ("投资额达 1.2 万亿元。", [("1.2 万亿元", 1.2e12, "CNY", None)]),
        ("两期投资分别为 10 — 20 亿元。", [("10", 1e9, "CNY", None), ("20 亿元", 2e9, "CNY", None)]),
        ("到位资金 26.7 亿，同比增长。", [("26.7 亿", 2.67e9, "CNY", None)]),
        ("完成投资1\u2009200亿元。", [("1\u2009200亿元", 1.2e11, "CNY", None)]),
        ("ＡＢ公司投资１２ 亿元。", [("１２ 亿元", 1.2e9, "CNY", None)]),
    ],
)
def test_a_space_between_the_figure_its_magnitude_and_its_unit(text, expected):
    """A space before the magnitude must not leave 亿元 alone (worth 1亿): the figure before it counts."""
    assert triples(text) == expected


def test_a_space_does_not_join_separate_figures():
    assert triples("带动数 亿元投资") == []
    assert [a.text for a in find_amounts("共 3 个项目，投资 5亿元")] == ["5亿元"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("涉及投资总额约320亿澳门元。", [("320亿澳门元", 3.2e10, "MOP", "about")]),
        ("另一项目投资2亿澳门币。", [("2亿澳门币", 2e8, "MOP", None)]),
        ("台资企业增资2亿台币。", [("2亿台币", 2e8, "TWD", None)]),
        ("在越南投资1.2万亿越南盾建设工厂。", [("1.2万亿越南盾", 1.2e12, "VND", None)]),
        ("新西兰企业出资5000万新西兰元。", [("5000万新西兰元", 5e7, "NZD", None)]),
    ],
)
def test_currencies_of_macao_taiwan_and_trading_partners(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("总投资1亿5000万元。", [("1亿5000万元", 1.5e8, "CNY", None)]),
        ("总投资3亿2千万元。", [("3亿2千万元", 3.2e8, "CNY", None)]),
        ("投资额为12亿零800万元。", [("12亿零800万元", 1.208e9, "CNY", None)]),
        ("合同外资2亿3千万美元。", [("2亿3千万美元", 2.3e8, "USD", None)]),
        ("总投资十二亿五千万元。", [("十二亿五千万元", 1.25e9, "CNY", None)]),
        ("到位资金1亿5000万，增长5%。", [("1亿5000万", 1.5e8, "CNY", None)]),
        # two figures, not one
        (
            "总投资5亿元，其中5000万元用于研发。",
            [("5亿元", 5e8, "CNY", None), ("5000万元", 5e7, "CNY", None)],
        ),
    ],
)
def test_one_figure_written_with_two_magnitudes(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("方案已吸引800家企业约3兆2,150亿元投资。", [("3兆2,150亿元", 3.215e12, "CNY", "about")]),
        ("三年累计投资1.5兆元。", [("1.5兆元", 1.5e12, "CNY", None)]),
    ],
)
def test_a_number_of_trillions_written_with_zhao(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "方案已吸引一六〇二家企業、超過三兆四五八〇億元投資。",
            [("三兆四五八〇亿元", 3.458e12, "CNY", "over")],
        ),
        (
            "去年突破一兆元大關，今年衝破兩兆元。",
            [("一兆元", 1e12, "CNY", "over"), ("两兆元", 2e12, "CNY", None)],
        ),
        ("三年来吸引投资约四七〇五亿元。", [("四七〇五亿元", 4.705e11, "CNY", "about")]),
        ("截至二〇二四年底累计投资三十亿元。", [("三十亿元", 3e9, "CNY", None)]),
    ],
)
def test_digits_written_one_by_one_are_a_number(text, expected):
    assert triples(simplified_view(text)) == expected


@pytest.mark.parametrize("text", ["新建光伏电站装机100兆瓦。", "兆丰元宝公司成立。", "兆元以上的投资。"])
def test_zhao_without_a_number_before_a_currency_is_no_amount(text):
    assert triples(text) == []


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("經濟部投審會今日核准宏星科技增資新臺幣52億元，擴建台南廠。", "TWD"),
        ("經濟部表示，今年已有120家企業投資約3,400億元。", "TWD"),
        ("经济部投审会今日核准宏星科技增资52亿元。", "CNY"),  # simplified script: a mainland report
        (
            "香港商報訊：深圳前海簽約項目52個，總投資約3,400億元。",
            "CNY",
        ),  # traditional, no Taiwan institution
        ("投資推廣署公布，去年協助企業在港投資逾690億元。", "HKD"),
        ("行政長官表示，特區政府正規劃澳門多個重大建設項目，預算一百二十億元。", "MOP"),
        ("特區政府與香港、澳門企業共同投資30億元。", "CNY"),  # both SARs named: no one's dollar
        # a report naming only the renminbi counts in it, though it speaks of the SAR's government
        ("香港特區政府與廣東達成合作項目126個，總值超過1000億元人民幣，另有30億元。", "CNY"),
    ],
)
def test_the_bare_yuan_of_a_taiwan_hong_kong_or_macao_report_is_its_own_dollar(written, currency):
    view = simplified_view(written)
    amounts = find_amounts(view, yuan=local_yuan(written, view))
    assert amounts and {a.currency for a in amounts if a.text.endswith("元")} == {currency}


def test_the_pipeline_reads_taiwan_yuan_as_twd():
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    text = "行政院今日核定2家企業增資案，總金額約1兆2,000億元，預估創造本國就業機會5,000個。"
    amounts = extract(Document(text=text, source="taiwan.txt"), strict=True).amounts
    assert [(a.value, a.currency) for a in amounts] == [(1.2e12, "TWD")]


def test_a_taiwan_report_writes_sums_in_yi_without_yuan():
    written = "經濟部表示，雲林縣擁有超過800億的農業產值，岚德鋼鐵6億建廠，年產1.2億件。"
    view = simplified_view(written)
    amounts = find_amounts(view, yuan=local_yuan(written, view))
    assert [(a.value, a.currency) for a in amounts] == [(8e10, "TWD"), (6e8, "TWD")]
    # the same figures in a mainland report name no currency and no money word: no amounts
    mainland = "云林县拥有800亿的农业产值，岚德钢铁6亿建厂。"
    assert find_amounts(mainland, yuan=local_yuan(mainland, mainland)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其中，3亿以上大项目7个。", [("3亿", 3e8, "CNY", "over")]),
        ("新签约20亿以上项目4个。", [("20亿", 2e9, "CNY", "over")]),
        ("全县人口1亿以上。", []),
    ],
)
def test_a_bare_figure_opening_a_class_of_projects_is_a_threshold(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6个亿元以上开工项目中，东区2个。", [("亿元", 1e8, "CNY", "over")]),
        ("引进4个亿元级项目。", [("亿元", 1e8, "CNY", None)]),
        ("全年完成投资12个亿元。", [("12个亿元", 1.2e9, "CNY", None)]),
    ],
)
def test_a_counter_before_a_class_of_amounts_counts_items(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全镇完成县下达任务60亿的103.5%。", [("60亿", 6e9, "CNY", None)]),
        ("提前完成区120亿招商引资任务。", [("120亿", 1.2e10, "CNY", None)]),
        ("开发区预计引入总投资额将达275亿。", [("275亿", 2.75e10, "CNY", None)]),
        (
            "实际利用外资41270万美元，超额完成全年3.8亿的目标任务。",
            [("41270万美元", 4.127e8, "USD", None), ("3.8亿", 3.8e8, "USD", None)],
        ),
        ("全县完成植树任务6万棵，完成招工任务2万人。", []),
    ],
)
def test_the_sum_of_a_task_is_an_amount_in_the_currency_reported_against_it(text, expected):
    assert triples(text) == expected


def test_the_sum_of_a_task_in_traditional_script():
    assert [(a.value, a.currency) for a in find_amounts(simplified_view("完成計劃任務8億的112%。"))] == [
        (8e8, "CNY")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("签约金额达260亿129万5千元，占全国的22.9%。", [("260亿129万5千元", 26_001_295_000, "CNY", None)]),
        ("签约金额36亿5千元。", [("36亿5千元", 3_600_005_000, "CNY", None)]),
        ("总投资3亿5千万元。", [("3亿5千万元", 3.5e8, "CNY", None)]),
    ],
)
def test_the_thousands_below_the_ten_thousands_of_one_figure(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("预计带来约1958亿元新台币的投资。", [("1958亿元新台币", 1.958e11, "TWD", "about")]),
        ("签约金额高达新台币260亿元。", [("260亿元", 2.6e10, "TWD", None)]),
        ("港币约5亿元的基金。", [("5亿元", 5e8, "HKD", "about")]),
        ("注册资本人民币3000万元。", [("3000万元", 3e7, "CNY", None)]),
    ],
)
def test_a_currency_named_before_or_after_a_figure_in_yuan(text, expected):
    assert triples(text) == expected


def test_a_currency_declared_for_the_figures_below_it():
    text = "去年引资3亿元。今年投资额超过4亿元(美元,下同)，其中澳资32.6亿元，总投资5亿。"
    assert triples(text) == [
        ("3亿元", 3e8, "CNY", None),
        ("4亿元", 4e8, "USD", "over"),
        ("32.6亿元", 3.26e9, "USD", None),
        ("5亿", 5e8, "USD", None),
    ]
    assert {a.currency for a in find_amounts("出口591亿元（人民币，下同），进口10亿元。")} == {"CNY"}
    assert triples("共引进105.9亿澳门元(下同)的外来直接投资，主要来自香港，为45.6亿元。") == [
        ("105.9亿澳门元", 1.059e10, "MOP", None),
        ("45.6亿元", 4.56e9, "MOP", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("丰源县上半年引进内资96亿 招商引资稳定增长", [("96亿", 9.6e9, "CNY", None)]),
        ("民营企业组团考察 300多亿投资落户丰源", [("300多亿", 3e10, "CNY", "over")]),
        ("活动吸引1亿投资者关注", []),
        ("实际使用外资百亿级以上省市中位列第二", []),
        ("其中50亿以上15个", [("50亿", 5e9, "CNY", "over")]),
        ("人口50万以上3个", []),
    ],
)
def test_a_headline_figure_in_yi_beside_a_money_word_is_an_amount(text, expected):
    assert triples(text) == expected


def test_a_line_break_between_a_figure_and_its_unit():
    assert triples("进出口总额 15.4\n亿元；地方一般公共预算收入 12.21 亿元") == [
        ("15.4\n亿元", 1.54e9, "CNY", None),
        ("12.21 亿元", 1.221e9, "CNY", None),
    ]
    assert triples("共有项目15\n\n亿元以上") == [("亿元", 1e8, "CNY", "over")]


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("高雄市府表示，簽約金額高達新臺幣260億元，其中和發產業園區221億元。", "TWD"),
        ("台商投資新臺幣5億元，約合人民幣1.1億元，另投資3億元。", "CNY"),  # 人民幣 named: 元 is the renminbi
        ("台商在昆山投資新台币5億元，另投資3億元。", "CNY"),  # simplified script
    ],
)
def test_a_traditional_report_stating_figures_in_new_taiwan_dollars(written, currency):
    view = simplified_view(written)
    amounts = find_amounts(view, yuan=local_yuan(written, view))
    assert amounts[-1].currency == currency


def test_the_bare_yuan_of_a_traditional_report_about_a_taiwanese_county_is_twd():
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.schemas import Document

    text = (
        "林明溱縣長表示，去年南投縣招商約50億元投資案拍板定案，冠好科技投資40億元擴廠，樹德企業投資20億設廠。"
    )
    amounts = extract(Document(text=text, source="nantou.txt")).amounts
    assert amounts and {a.currency for a in amounts} == {"TWD"}
    simplified = "去年昆山市招商约50亿元，某某科技投资40亿元扩厂。"  # a mainland place: the renminbi
    assert {a.currency for a in extract(Document(text=simplified, source="x.txt")).amounts} == {"CNY"}


def test_a_bare_trillion_and_a_sum_spent_without_their_currency():
    found = [(a.text, a.value, a.qualifier) for a in find_amounts("累计现行总投资金额超过1.6兆。")]
    assert found == [("1.6兆", 1.6e12, "over")]
    assert [a.value for a in find_amounts("日正食品斥资3亿扩厂。")] == [3e8]
    assert find_amounts("总投资规划建设1.6兆瓦光伏电站。") == []


def test_a_figure_in_us_dollars_named_美金_before_it_down_to_the_dollar():
    found = [
        (a.text, a.value, a.currency) for a in find_amounts("核准侨外投资金额计美金114亿4,023万4,000元。")
    ]
    assert found == [("114亿4,023万4,000元", 11440234000.0, "USD")]
    assert [a.value for a in find_amounts("金额为114亿4023万4000元。")] == [11440234000.0]


def test_a_macao_report_writes_sums_in_yi_without_yuan_and_names_its_institutions_most():
    written = "經濟財政司司長表示，本澳貿促局今年1至10月招商項目約1.68億，將有不少於2.8億項目落實。"
    view = simplified_view(written)
    assert local_yuan(written, view) == "MOP"
    amounts = find_amounts(view, yuan=local_yuan(written, view))
    assert [(a.value, a.currency) for a in amounts] == [(1.68e8, "MOP"), (2.8e8, "MOP")]


def test_tens_written_in_one_character_as_hong_kong_papers_print_them():
    found = [(a.text, a.value) for a in find_amounts("岚钧电子将向岚芯公司增资卅五亿元，另投资廿亿元。")]
    assert found == [("卅五亿元", 3_500_000_000), ("廿亿元", 2_000_000_000)], found


def test_a_ternary_battery_material_is_no_three_yuan():
    text = "总投资100亿元的年产10万吨三元前驱体项目、新型三元锂电池项目和三元材料系列产品签约。"
    assert [a.value for a in find_amounts(text)] == [10_000_000_000]


@pytest.mark.parametrize(
    "text",
    [
        "按投资额分3亿元-10(含)亿元、10亿元-50（含）亿元两档给予奖励。",
        "按投資額分3億元-10(含)億元、10億元-50（含）億元兩檔給予獎勵。",
    ],
)
def test_a_bound_marked_as_included_is_the_sum_said(text):
    found = [(a.value, a.currency) for a in find_amounts(halfwidth(simplified_view(text)))]
    assert found == [(3e8, "CNY"), (1e9, "CNY"), (1e9, "CNY"), (5e9, "CNY")], found
