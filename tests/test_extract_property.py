"""`extract` never raises, whatever the text: arbitrary unicode, control characters, long lines."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.pipeline import extract
from zhaoyin.schemas import Document

PIECES = st.sampled_from(
    [
        "青岛市",
        "城阳区",
        "城阳",
        "新区",
        "自贸片区",
        "杭州市萧山区",
        "萧山经济技术开发区",
        "高新区",
        "有限公司",
        "集团",
        "（青岛）",
        "、",
        "等",
        "和",
        "由",
        "项目",
        "基地",
        "中心",
        "总投资",
        "30亿元",
        "（",
        "）",
        "“",
        "”",
        "\n",
        "\x00",
        "签约",
        "落户",
        "开工",
        "的",
        "。",
        "，",
        "12英寸",
        "投资建设的",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(PIECES, max_size=60).map("".join),
    st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=80).map("".join),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_raises(text):
    result = extract(Document(text=text, source="fuzz.txt"), strict=True)
    for record in (*result.companies, *result.districts):
        assert all(text[s.start : s.end] in record.mentions for s in record.spans)
    for project in result.projects:
        assert text[project.start : project.end] == project.evidence


def test_one_very_long_line():
    text = "青岛市城阳区总投资30亿元的瑞幸咖啡创新生产中心项目落户城阳，" * 400 + "\x07\u202e\ud7ff"
    result = extract(Document(text=text, source="long.txt"), strict=True)
    assert result.districts and result.companies
