"""Policy documents → Policy records: three sample policies of ours, one more style inline, and news → []."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

from zhaoyin.extractors.policies import _amounts, find_policies

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _policy_texts():
    spec = importlib.util.spec_from_file_location("policy_texts", ROOT / "scripts" / "policy_texts.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _joined(blocks) -> str:
    return "\n".join(text for _kind, text in blocks)


QINGDAO = (SAMPLES / "policy_qingdao_xihaian_2024.txt").read_text(encoding="utf-8")
CHENGDU = _joined(_policy_texts().CHENGDU_POLICY)
HEFEI = _joined(_policy_texts().HEFEI_POLICY)

# A city government's 第X条 style: dates in Chinese numerals, 有效期两年 counted from 发布, 百分之 rates.
CITY_MEASURES = """青岛市人民政府办公厅文件
青政办发〔2022〕7号
青岛市人民政府办公厅印发《青岛市支持外资总部企业发展若干措施》的通知
各区、市人民政府，市政府各部门：
　　经市政府同意，现将《青岛市支持外资总部企业发展若干措施》印发给你们，请认真组织实施。
青岛市人民政府办公厅
二〇二二年三月八日
青岛市支持外资总部企业发展若干措施
第一条　为吸引跨国公司在我市设立总部，制定本措施。
第二条　对新认定的跨国公司地区总部，实际使用外资在3000万美元以上的，给予一次性奖励1000万元。
第三条　对跨国公司地区总部新购置自用办公用房的，按购房价格的百分之十给予补贴，最高不超过1000万元。
第四条　对总部企业引进的外籍高层次人才，按其年度工资薪金的百分之二十给予奖励。
第五条　本措施自发布之日起施行，有效期两年。
"""

# A government portal page as a reader gives it: the metadata table's labels and values on separate lines,
# Arabic article numbers, a condition without 对, 对于, 全额, a validity range.
PORTAL_MEASURES = """索引号：
000014349/2024-00032
发文机关：
武汉东湖新技术开发区管理委员会
发文字号：
武新管〔2024〕3号
成文日期：
2024年03月18日
发布日期：
2024年03月25日
东湖高新区关于支持光电子信息产业招商引资的实施办法
1.经认定的光电子信息制造企业，新增固定资产投资额超过2亿元的，按新增设备投资的12%给予补助，最高不超过2000万元。
2.对于新引进的研发机构，租用办公用房的，给予前三年租金全额补贴，每年最高50万元。
3.支持企业上市融资，对在境内外资本市场首发上市的企业，给予一次性奖励300万元。
4.本办法执行期限为2024年4月1日至2027年3月31日。
"""

NEWS_ABOUT_A_POLICY = """本报讯（记者 孙一鸣）3月10日，市政府新闻办召开发布会，解读《青岛市支持外资总部企业发展若干措施》（青政办发〔2022〕7号）。
记者了解到，《若干措施》共5条，一是对新认定的跨国公司地区总部给予一次性奖励1000万元；二是对购置自用办公用房的按购房价格的10%给予补贴；三是加大外籍人才奖励力度。
市商务局负责人表示，今年以来全市新引进外资总部项目12个，实际使用外资同比增长18.2%。
"""


def _by_index(policy):
    return [(i.kind, i.amount_yuan, i.rate, i.min_investment_yuan) for i in policy.incentives]


def test_qingdao_measures_txt():
    [policy] = find_policies(QINGDAO)
    assert policy.title == "青岛西海岸新区促进招商引资高质量发展若干措施"
    assert policy.issuer == "青岛西海岸新区管理委员会"
    assert policy.doc_number == "青西新管发〔2024〕5号"
    assert policy.district == "青岛西海岸新区"
    assert (policy.written, policy.valid_from, policy.valid_to) == ("2024-01-12", "2024-02-01", "2026-12-31")
    assert _by_index(policy) == [
        ("subsidy", 2e7, 0.10, 1e8),
        ("reward", 5e6, None, None),
        ("rent", 1e6, 0.50, None),
        ("land", None, 0.70, None),
        ("tax", None, 0.50, None),
        ("talent", 1e6, None, None),
        ("finance", 2e6, 0.50, None),
        ("reward", 1e6, 0.01, None),
    ]
    first = policy.incentives[0]
    assert first.condition == "新引进的固定资产投资额在1亿元以上的制造业项目"
    assert QINGDAO[first.start : first.end].lstrip().startswith("一、支持重大产业项目落地")
    # the per-mu investment intensity is a condition, not a minimum investment nor a granted sum
    assert "每亩300万元" in policy.incentives[3].condition


def test_chengdu_policy_articles_and_validity_in_years():
    [policy] = find_policies(CHENGDU)
    assert policy.title == "成都高新区支持集成电路产业高质量发展若干政策"
    assert policy.issuer == "成都高新技术产业开发区管理委员会"
    assert policy.doc_number == "成高管发〔2023〕12号"
    assert policy.district == "成都高新技术产业开发区"
    assert policy.written == "2023-06-20"
    # 自印发之日起施行，有效期3年
    assert (policy.valid_from, policy.valid_to) == ("2023-06-20", "2026-06-19")
    assert _by_index(policy) == [
        ("subsidy", 5e7, 0.08, 5e8),
        ("subsidy", 3e6, 0.15, None),
        ("rent", None, 1.0, None),
        ("talent", 1e6, 0.50, None),
        ("finance", 8e6, 0.40, None),
        ("reward", 2e6, None, None),
    ]
    # a salary threshold is neither a cap nor an investment threshold
    assert "年薪在50万元以上" in policy.incentives[3].condition


def test_hefei_rules_with_nested_clauses_and_labelled_dates():
    [policy] = find_policies(HEFEI)
    assert policy.title == "合肥经济技术开发区招商引资优惠政策实施细则"
    assert policy.issuer == "合肥经济技术开发区管理委员会"
    assert policy.doc_number == "合经区管〔2024〕8号"
    assert (policy.written, policy.published) == ("2024-02-28", "2024-03-05")
    assert (policy.valid_from, policy.valid_to) == ("2024-04-01", "2026-12-31")
    # the 一、 headings grant nothing; each （一） clause is one incentive
    assert _by_index(policy) == [
        ("subsidy", 3e7, 0.10, 1e8),
        ("land", None, 0.70, None),
        ("tax", 1e7, 0.60, None),
        ("reward", 5e6, None, None),
        ("rent", 8e5, 0.30, None),
        ("talent", 1.5e5, None, None),
        ("finance", 2e8, 0.20, None),
        ("reward", 1e6, 0.003, None),
    ]


def test_city_measures_in_another_style():
    [policy] = find_policies(CITY_MEASURES)
    assert policy.doc_number == "青政办发〔2022〕7号"
    assert policy.issuer == "青岛市人民政府办公厅"
    assert policy.district == "青岛市"
    assert policy.title == "青岛市支持外资总部企业发展若干措施"
    assert policy.written == "2022-03-08"
    assert (policy.valid_from, policy.valid_to) == ("2022-03-08", "2024-03-07")
    assert _by_index(policy) == [
        ("reward", 1e7, None, None),
        ("rent", 1e7, 0.10, None),
        ("talent", None, 0.20, None),
    ]


def test_portal_page_with_labels_on_their_own_lines():
    [policy] = find_policies(PORTAL_MEASURES)
    assert policy.issuer == "武汉东湖新技术开发区管理委员会"
    assert policy.district == "武汉东湖新技术开发区"
    assert policy.doc_number == "武新管〔2024〕3号"
    assert policy.title == "东湖高新区关于支持光电子信息产业招商引资的实施办法"
    assert (policy.written, policy.published) == ("2024-03-18", "2024-03-25")
    assert (policy.valid_from, policy.valid_to) == ("2024-04-01", "2027-03-31")
    assert _by_index(policy) == [
        ("subsidy", 2e7, 0.12, 2e8),
        ("rent", 5e5, 1.0, None),
        ("finance", 3e6, None, None),
    ]
    assert [i.condition for i in policy.incentives] == [
        "经认定的光电子信息制造企业，新增固定资产投资额超过2亿元的",
        "新引进的研发机构，租用办公用房的",
        "在境内外资本市场首发上市的企业",
    ]


HEADER = "某某市人民政府\n某政发〔2024〕1号\n某某市促进招商引资若干措施\n一、对新引进项目给予奖励10万元。\n二、对新引进人才给予安家补贴5万元。\n"


@pytest.mark.parametrize(
    ("closing", "valid"),
    [
        ("三、本措施自2024年1月1日起施行，有效期至2025年底。", ("2024-01-01", "2025-12-31")),
        (
            "三、本措施自印发之日起施行，有效期五年。\n某某市人民政府\n2023年5月10日",
            ("2023-05-10", "2028-05-09"),
        ),
        ("三、本措施自2024年2月29日起施行，有效期1年。", ("2024-02-29", "2025-02-28")),
        ("三、本措施自二〇二四年七月一日起施行，至2026年6月30日止。", ("2024-07-01", "2026-06-30")),
        ("三、本措施由市商务局负责解释。", (None, None)),
    ],
)
def test_validity_periods(closing, valid):
    [policy] = find_policies(HEADER + closing)
    assert (policy.valid_from, policy.valid_to) == valid
    assert [(i.kind, i.amount_yuan) for i in policy.incentives] == [("reward", 1e5), ("talent", 5e4)]


def test_never_raises_on_policy_like_noise():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from(
        [
            "\n",
            "一、",
            "（二）",
            "第三条",
            "青政发〔2024〕5号",
            "若干措施",
            "给予",
            "最高",
            "十十",
            "百千万元",
            "千分之点",
            "2024年13月40日",
            "有效期",
            "自",
            "起施行",
            "至",
            "对",
            "的，",
            "。",
            "50%",
            "亿元",
            "3",
        ]
    )

    @settings(max_examples=150, deadline=None, database=None)
    @given(st.lists(pieces, max_size=60).map("".join))
    def never_raises(text):
        for policy in find_policies(HEADER + text):
            assert all(i.start is not None and i.start <= i.end for i in policy.incentives)

    never_raises()


def test_news_about_a_policy_gives_the_policy_and_what_it_grants():
    [policy] = find_policies(NEWS_ABOUT_A_POLICY)
    assert (policy.title, policy.doc_number, policy.district) == (
        "青岛市支持外资总部企业发展若干措施",
        "青政办发〔2022〕7号",
        "青岛市",
    )
    # the third item grants no sum or rate ("加大外籍人才奖励力度"): nothing to record
    assert _by_index(policy) == [("reward", 1e7, None, None), ("rent", None, 0.1, None)]
    assert policy.incentives[0].condition == "新认定的跨国公司地区总部"
    for incentive in policy.incentives:
        assert NEWS_ABOUT_A_POLICY[incentive.start : incentive.end] == incentive.clause


POLICY_NEWS = """云岭县出台招商引资奖励办法

本报讯 为加大招商引资力度，云岭县日前出台了招商引资奖励办法，对成功引进县外资金的引资人进行奖励。
奖励标准。一是固定资产投资5000万元至1亿元的项目，按实际到位资金的2‰给予奖励；二是对新引进的总部企业，给予一次性奖励200万元；三是对新引进投资5亿元以上的制造业项目，建成投产后给予最高不超过500万元的奖补。
同时，县里将加大宣传力度，全县招商引资到位资金力争每年增长20%以上。
"""


def test_policy_news_names_the_issuing_place_and_each_granting_item():
    [policy] = find_policies(POLICY_NEWS)
    assert (policy.title, policy.issuer, policy.district) == ("招商引资奖励办法", "云岭县", "云岭县")
    assert _by_index(policy) == [
        ("reward", None, 0.002, None),
        ("reward", 2e6, None, None),
        ("subsidy", 5e6, None, 5e8),
    ]
    assert policy.incentives[2].condition.startswith("新引进投资5亿元以上的制造业项目")


@pytest.mark.parametrize(
    "text",
    [
        "岚山区近日出台招商引资10条新政，对新引进的总部企业，按实际到位资金给予最高500万元奖励；"
        "对固定资产投资超过1亿元的制造业项目，给予设备投资额5%的补助，最高1000万元。",
        "嵐山區近日出台招商引資10條新政，對新引進的總部企業，按實際到位資金給予最高500萬元獎勵；"
        "對固定資產投資超過1億元的製造業項目，給予設備投資額5%的補助，最高1000萬元。",
    ],
)
def test_policy_news_may_call_the_policy_new_measures(text):
    from zhaoyin.extractors.pipeline import extraction_view

    [policy] = find_policies(extraction_view(text))
    assert (policy.title, policy.district) == ("招商引资10条新政", "岚山区")
    assert [(i.kind, i.amount_yuan) for i in policy.incentives] == [("reward", 5e6), ("subsidy", 1e7)]


def test_news_gives_no_policy():
    for name in ("qingdao_xihaian_signing_2024-03.txt", "chengdu_gaoxin_projects_2024-05.txt"):
        assert find_policies((SAMPLES / name).read_text(encoding="utf-8")) == []
    assert find_policies("") == []


def test_news_is_rejected_quickly():
    news = (SAMPLES / "xian_hightech_xixian_2024-04.txt").read_text(encoding="utf-8") * 400
    began = time.perf_counter()
    assert find_policies(news) == []
    assert time.perf_counter() - began < 0.5


def test_offsets_point_at_the_clauses():
    [policy] = find_policies(HEFEI)
    for incentive in policy.incentives:
        assert HEFEI[incentive.start : incentive.end].replace("\n", "") == incentive.clause


def test_policy_amounts_come_from_the_amounts_extractor():
    values = [value for _s, _e, value in _amounts("最高奖励500万元，不超过1.5亿元，一百二十亿元，每人15万元")]
    assert values == [5e6, 1.5e8, 1.2e10, 1.5e5]


@pytest.mark.parametrize(
    ("name", "reference"),
    [("policy_chengdu_gaoxin_ic_2023.docx", CHENGDU), ("policy_hefei_jingkai_2024.pdf", HEFEI)],
)
def test_binary_policy_samples_read_back_to_the_same_records(name, reference):
    from zhaoyin.extractors.readers import read_document
    from zhaoyin.schemas import RawDocument

    path = SAMPLES / name
    document = read_document(RawDocument(data=path.read_bytes(), source=str(path)))
    [read] = find_policies(document.text)
    [expected] = find_policies(reference)
    assert read.doc_number == expected.doc_number
    assert (read.valid_from, read.valid_to) == (expected.valid_from, expected.valid_to)
    assert _by_index(read) == _by_index(expected)


def test_a_policy_without_an_issuer_line_takes_its_district_from_its_title():
    text = """云岭县委、县政府加强园区产业招商扶持政策
（一）用地政策
1.凡入驻园区自建厂房的项目，固定资产投资3亿元以上的，奖励基础设施建设1.5万元/亩。
（二）税收政策
2.凡入驻园区投产企业，增值税第一年按县享部分的60%奖励给企业。
（三）金融政策
3.对新引进企业给予贷款贴息，最高不超过100万元。
"""
    [policy] = find_policies(text)
    assert (policy.issuer, policy.district) == (None, "云岭县")


def test_an_adverb_of_the_grant_is_not_part_of_the_condition():
    text = (
        "云岭市近日出台促进招商引资若干措施。对新引进项目投资额达到3亿元、4亿元的分别奖励300万元、400万元。"
    )
    [policy] = find_policies(text)
    [incentive] = policy.incentives
    assert incentive.condition == "新引进项目投资额达到3亿元、4亿元的"
    assert (incentive.kind, incentive.amount_yuan) == ("reward", 3e6)
