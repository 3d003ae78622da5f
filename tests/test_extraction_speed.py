"""The fast paths of the rules engine give exactly what the plain paths give."""

from __future__ import annotations

import random
import re

import pytest

from zhaoyin.extractors import companies, keys, lang, metrics, segment
from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.text import Segment, finditer_within, halfwidth
from zhaoyin.schemas import Document

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


def _fuzz_clauses(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = [
        "全市",
        "全省",
        "我市",
        "各区县",
        "全区",
        "新签约",
        "项目",
        "58个",
        "，",
        "。",
        "；",
        "：",
        "、",
        "\n",
        "市",
        "省",
    ]
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(count)]


def test_last_at_is_the_last_rfind_of_any_word():
    word_lists = [
        metrics.CITY_ANAPHORA + metrics.COLLECTIVE_MARKERS,
        metrics.PROVINCE_ANAPHORA,
        ("市", "全市"),
        ("",),
        (),
    ]
    for text in _fuzz_clauses(5, 300) + ["", "全市全市"]:
        for words in word_lists:
            assert metrics._last_at(text, words) == max((text.rfind(w) for w in words), default=-1)
            assert metrics._last_at(text, list(words)) == max((text.rfind(w) for w in words), default=-1)


def test_clause_bounds_are_those_the_clause_breaks_give():
    breaks = re.compile(lang.pattern("punctuation", "clause_break"))
    for text in _fuzz_clauses(7, 300):
        sentence = Segment(text, 100, 100 + len(text))
        for pos in range(sentence.start - 1, sentence.end + 2):
            local = pos - sentence.start
            before = [m.end() for m in breaks.finditer(text, 0, local)]
            after = breaks.search(text, local)
            expected = (
                sentence.start + (before[-1] if before else 0),
                sentence.start + (after.start() if after else len(text)),
            )
            assert metrics._clause_bounds(sentence, pos) == expected


def test_last_clause_mark_is_the_last_rfind_of_any_mark():
    for text in _fuzz_clauses(9, 300):
        for reach in range(0, len(text) + 1, 3):
            for head in range(reach, len(text) + 1):
                found = companies._UP_TO_LAST_CLAUSE_MARK.match(text, reach, head)
                last = max(text.rfind(mark, reach, head) for mark in companies._CLAUSE_MARKS)
                assert (found.end() - 1 if found else -1) == last


def _clear_name_caches() -> None:
    for cached in (companies.brand_of, companies.placed_brand, keys.name_key, metrics._clause_breaks):
        cached.cache_clear()


def test_extraction_does_not_depend_on_what_the_caches_hold():
    """Caches keyed by a name or a sentence hold what the rules give for that name alone: an extraction
    made after other documents equals one made on empty caches."""
    documents = [
        Document(text=text, source=f"invented-{i}")
        for i, text in enumerate(
            [
                "青岛西海岸新区今年新签约亿元以上项目58个，总投资352亿元。鹏辉能源储能电池生产项目开工，"
                "苏州恒邦涂料年产4万吨功能涂料项目落户胶州。全市实际使用外资12.3亿美元，同比增长9.5%。",
                "城阳区与青岛利和陇南食品加工项目签约，总投资5亿元；全区新开工重大项目36个、竣工投产21个。",
                "合肥经开区：江苏科朗科技智能装备项目、厦门联创集成电路项目分别总投资8亿元、12亿元。",
            ]
        )
    ]
    _clear_name_caches()
    cold = [extract(document).model_dump_json() for document in documents]
    warm = [extract(document).model_dump_json() for document in reversed(documents)][::-1]
    assert warm == cold
    _clear_name_caches()
    assert [extract(documents[i]).model_dump_json() for i in (2, 0, 1)] == [cold[2], cold[0], cold[1]]
