"""The fast paths of the rules engine give exactly what the plain paths give."""

from __future__ import annotations

import random
import re

import pytest

from zhaoyin.extractors import segment
from zhaoyin.extractors.text import finditer_within, halfwidth

TRICKY = [
    "总投资30亿元的青岛超大尺寸面板后道(Open-Cell)项目落户西海岸新区。",
    "COVID-19疫情后，5G+工业互联网、C#与.NET、x_y、1.2.3版本、2.5GW储能、增长3.5%以上。",
    "2024-03-05，城阳区签约项目49个，总投资152.66亿元；鹏辉能源储能电池生产项目开工。",
    "中国\u9fd6人在㐀西海岸\U00020000新区\ue000\ue001投资",
    "a  b\n\n\tc\r\n\r\nd　全角１２３ＡＢＣ，。",
]


def _fuzz(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = list("青岛西海岸新区城阳区投资亿元项目企业签约等，。、Ab1.5-_%+#& ") + [
        "Open-Cell",
        "3.5",
        "x_y",
        "2.5GW",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(count)]


@pytest.mark.parametrize("text", TRICKY + _fuzz(3, 300))
def test_rjieba_cuts_exactly_like_jieba(text):
    if segment.rjieba_tokenizer() is None:
        pytest.skip("rjieba not installed")
    assert [tuple(t) for t in segment._rjieba_tokens(text)] == segment._jieba_tokens(text)


def test_tokens_before_is_the_window_of_the_document_tokens():
    text = "今年城阳区签约项目49个，总投资152.66亿元，其中鹏辉能源储能电池生产项目落户青岛西海岸新区。"
    toks = segment.tokens(text)
    for _word, _start, end in toks:
        expected = [t for t in toks if t[1] >= end - 10 and t[2] <= end]
        assert segment.tokens_before(text, end, 10) == expected


def test_halfwidth_matches_the_translation_table():
    table = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
    text = "".join(chr(c) for c in range(0x3000, 0xFFFF) if not 0xD800 <= c < 0xE000)
    assert halfwidth(text) == text.translate(str.maketrans(table))
    plain = "已是半角的文字, 3.5%"
    assert halfwidth(plain) is plain


def test_finditer_within_finds_what_finditer_finds():
    pattern = re.compile(r"((?:[^、，。\s]{2,10}、)*[^、，。\s]{2,10})等(?:项目|企业)")
    stretch = re.compile(r"[^，。\s]+")
    found = 0
    rng = random.Random(11)
    words = ["甲乙", "丙丁戊", "己", "、", "等", "项目", "企业", "，", "。", " ", "等项目", "、"]
    texts = ["".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(300)]
    for text in texts + ["甲乙丙、丁戊己等项目，庚辛等企业。壬癸、子丑等项目等企业"]:
        expected = [m.span(1) for m in pattern.finditer(text)]
        found += len(expected)
        assert [m.span(1) for m in finditer_within(pattern, text, stretch, "等")] == expected
    assert found > 20  # the fuzz does make enumerations
