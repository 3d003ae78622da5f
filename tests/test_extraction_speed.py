"""The fast paths of the rules engine give exactly what the plain paths give."""

from __future__ import annotations

import random
import re

import pytest

from zhaoyin.extractors import companies, keys, lang, metrics, segment
from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.text import Segment, SpanIndex, finditer_within, halfwidth
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
    for cached in (
        companies.brand_of,
        companies.placed_brand,
        companies._core,
        keys.name_key,
        metrics._clause_breaks,
    ):
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


def _first_ending_near_plainly(before: str, words) -> str | None:
    reach = range(max(0, len(before) - metrics._INDICATOR_REACH), len(before) + 1)
    found = [
        (rank, end)
        for rank, word in enumerate(words)
        for end in reach
        if word and end >= len(word) and before[end - len(word) : end] == word
    ]
    return words[min(found)[0]] if found else None


def test_first_ending_near_is_the_earliest_word_ending_near_the_end():
    rng = random.Random(13)
    for words, ranked in (
        (metrics.STANDALONE, metrics._STANDALONE_RANK),
        (metrics.AGGREGATE, metrics._AGGREGATE_RANK),
    ):
        pieces = [
            *rng.sample(list(words), min(40, len(words))),
            "全市",
            "约",
            "，",
            "项目",
            "亿元",
            "实际",
            "新签约",
        ]
        found = 0
        for _ in range(400):
            before = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
            for cut in (0, 1, 2):
                text = before[: len(before) - cut]
                expected = _first_ending_near_plainly(text, words)
                found += expected is not None
                assert metrics._first_ending_near(text, ranked) == expected
        assert found > 200  # the fuzz does end near words


def _lone_place_names_plainly(view: str, districts) -> list[tuple[int, int, str]]:
    hits = [(end + 1 - len(s), end + 1, s) for end, s in metrics.gazetteer().automaton.iter(view)]
    taken = [(m.start, m.end) for m in districts]
    return [
        (start, end, surface)
        for start, end, surface in hits
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in hits)
        and not any(s < end and start < e for s, e in taken)
        and not any(s == end for s, _e, _ in hits)
        and not any(s == end for s, _e in taken)
        and not view.startswith(metrics._PROVINCE_NAME_CONTINUES, end)
        and not metrics.reads_as_everyday_words(view, start, end)
    ]


def test_lone_place_names_are_those_the_pairwise_tests_give():
    rng = random.Random(17)
    pieces = [
        "江苏省",
        "江苏",
        "苏州市",
        "苏州",
        "山东省青岛市",
        "青岛",
        "河北区",
        "海南",
        "海南藏族自治州",
        "广东",
        "签约",
        "项目",
        "，",
        "。",
        "政府",
        "局",
        "(",
        "全省",
        "新区",
        "西海岸新区",
        "吴中区",
    ]
    for _ in range(300):
        view = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        at = [i for i in range(len(view)) if rng.random() < 0.1]
        districts = [metrics._Mention(i, i + rng.randint(1, 4), "某区", "district") for i in at]
        assert metrics._lone_place_names(view, districts) == _lone_place_names_plainly(view, districts)


def test_a_paragraph_naming_no_whole_names_none_in_any_beginning():
    pieces = [
        *metrics.CITY_ANAPHORA,
        *metrics.PROVINCE_ANAPHORA,
        *metrics.COLLECTIVE_MARKERS,
        *metrics.PROVINCE_COLLECTIVE_MARKERS,
        *metrics.ANAPHORA_NOT_AFTER,
        "全",
        "市",
        "省",
        "各",
        "地",
        "签约项目",
        "，",
        "占",
    ]
    rng = random.Random(19)
    skipped = 0
    for _ in range(2000):
        paragraph = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for city, province in (("青岛市", "山东省"), (None, "山东省"), ("青岛市", None)):
            if metrics._may_name_a_whole(paragraph, city, province):
                continue
            skipped += 1
            for end in range(len(paragraph) + 1):
                said = metrics._drop_object_anaphora(paragraph[:end])
                assert metrics._whole_named(said, city, province, collective=True) is None
    assert skipped > 100


def test_set_fields_sets_what_assignment_sets():
    from zhaoyin.schemas import Mention, Project

    for model in (Mention, Project):
        assert not model.model_config.get("validate_assignment")  # set_fields would skip the validation
    made = [Mention(text="", label="company", start=3, end=7), Project(evidence="某项目", start=0, end=3)]
    values = [
        dict(text="鹏辉", canonical="鹏辉能源", evidence=None),
        dict(name="某项目", key_numbers=["一期"]),
    ]
    for record, fields in zip(made, values, strict=True):
        assigned = record.model_copy(deep=True)
        for name, value in fields.items():
            setattr(assigned, name, value)
        keys.set_fields(record, **fields)
        assert record.model_dump_json() == assigned.model_dump_json()
        assert record.model_fields_set == assigned.model_fields_set


@pytest.mark.parametrize("seed", range(5))
def test_span_index_finds_what_a_scan_of_every_span_finds(seed):
    rng = random.Random(seed)
    spans = [(start, start + rng.randint(0, 40)) for start in (rng.randint(0, 500) for _ in range(200))]
    index = SpanIndex(spans)
    assert list(index) == spans
    for _ in range(300):
        low = rng.randint(-50, 550)
        high = low + rng.randint(0, 60)
        assert index.starting_in(low, high) == [s for s in spans if low <= s[0] < high]
        reaching = index.reaching(low, high)
        assert [s for s in reaching if s[0] <= high and s[1] >= low] == [
            s for s in spans if s[0] <= high and s[1] >= low
        ]
        assert reaching == [s for s in spans if s in reaching]  # in the order given
