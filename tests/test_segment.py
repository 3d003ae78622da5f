"""Segmentation keeps gazetteer names whole and reports offsets into the text."""

from __future__ import annotations

import pytest

from zhaoyin.extractors import segment
from zhaoyin.extractors.companies import brand_of


@pytest.mark.parametrize(
    "text, name",
    [
        ("今年城阳区签约项目49个", "城阳区"),
        ("项目落户青岛西海岸新区董家口", "青岛西海岸新区"),
        ("成都市武侯区揭牌联络站", "武侯区"),
        ("河北雄安新区建设提速", "河北雄安新区"),
        ("该公司是一家股份有限公司", "股份有限公司"),
        ("聚焦工业互联网产业", "工业互联网"),
    ],
)
def test_names_are_never_split(text, name):
    words = [word for word, _start, _end in segment.tokens(text)]
    assert name in words


def test_offsets_point_into_the_text():
    text = "总投资30亿元的瑞幸咖啡创新生产中心项目落户城阳区。"
    toks = segment.tokens(text)
    assert "".join(word for word, _s, _e in toks) == text
    assert all(text[start:end] == word for word, start, end in toks)


def test_empty_text_has_no_tokens():
    assert segment.tokens("") == []


def test_segmenter_is_swappable():
    segment.use_segmenter(lambda text: [(ch, i, i + 1) for i, ch in enumerate(text)])
    try:
        assert segment.tokens("城阳区") == [("城", 0, 1), ("阳", 1, 2), ("区", 2, 3)]
    finally:
        segment.use_segmenter(None)
    assert [w for w, _s, _e in segment.tokens("城阳区")] == ["城阳区"]


def test_jieba_cache_lives_in_the_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("ZHAOYIN_CACHE_DIR", str(tmp_path / "cache"))
    assert segment.cache_dir() == tmp_path / "cache"
    assert (tmp_path / "cache").is_dir()


def test_word_frequency_knows_everyday_words_not_names():
    assert segment.word_frequency("发展") > 1000
    assert segment.word_frequency("城阳区") == 0


def test_token_at_gives_the_word_holding_a_position():
    from zhaoyin.extractors.segment import token_at

    text = "持续丰富县域旅游业态"
    word, start, end = token_at(text, text.index("富"))
    assert start <= text.index("富") < end and word == text[start:end]
    assert token_at(text, len(text)) is None


def test_a_new_segmenter_empties_the_rules_cached_on_words():
    name = "鹏辉能源储能电池生产项目"
    assert brand_of(name) == "鹏辉能源"
    segment.use_segmenter(lambda text: [(ch, i, i + 1) for i, ch in enumerate(text)])
    try:
        assert brand_of(name) is None  # one character a word: no brand of two characters or more
    finally:
        segment.use_segmenter(None)
    assert brand_of(name) == "鹏辉能源"
