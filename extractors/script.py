"""Chinese script helpers: a same-length simplified view of traditional text, and pinyin clean-up.

`simplified_view` keeps every character at its offset, so spans found in the simplified view index the
original (traditional) text unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from zhaoyin.extractors import lang

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
# Segments converted as a unit (so phrase tables apply); anything else passes through untouched.
_HAN_RUN = re.compile(f"[{_HAN}]+")

# "項(xiàng)目": pinyin with tone marks in parentheses right after a Han character, a common artefact of
# copying text from pages with ruby annotations. Tone marks make it unambiguous (plain "(Qingdao)" stays);
# so does the space some sites set after a gloss without them (億(yi) 元, 從(cong) 西藏).
_OPENING, _CLOSING = lang.chars("opening_brackets"), lang.chars("closing_brackets")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{_HAN}])[{_OPENING}]\s*(?=[a-z{_TONED}\s]*[{_TONED}])[a-z{_TONED}]+(?:\s+[a-z{_TONED}]+)*\s*[{_CLOSING}]"
    rf"|(?<=[{_HAN}])\([a-z]{{1,6}}\) (?=[{_HAN}])"
)


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert_same_length(segment: str, converter: opencc.OpenCC) -> str:
    converted = converter.convert(segment)
    if len(converted) == len(segment):
        return converted
    out = []
    for ch in segment:
        c = converter.convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


@lru_cache(maxsize=1)
def _variants() -> dict[int, str]:
    return {ord(row["variant"]): row["standard"] for row in lang.table("variant_characters")}


_TAIWAN_WORDS = {row["taiwan"]: row["mainland"] for row in lang.table("taiwan_words")}
_TAIWAN_WORD = re.compile(lang.alternation(_TAIWAN_WORDS))


def simplified_view(text: str) -> str:
    """Traditional → simplified (OpenCC t2s, then the variants t2s keeps, then Taiwan's words that have a
    mainland one as long: 專案 → 项目) with exactly the same length as `text`."""
    if not text:
        return text
    standard = text.translate(_variants())
    if standard != text:
        text = standard
    whole = _converter("t2s").convert(text)
    if whole == text:
        return text
    converted = _HAN_RUN.sub(lambda m: _simplified_run(m.group(0)), text)
    if not _KEPT.isdisjoint(text):
        converted = "".join(c if c in _KEPT else v for c, v in zip(text, converted, strict=True))
    return _TAIWAN_WORD.sub(lambda m: _TAIWAN_WORDS[m.group(0)], converted)


_KEPT = frozenset(lang.words("kept_in_simplified_view"))


@lru_cache(maxsize=65536)
def _simplified_run(segment: str) -> str:
    """Cached: short runs (项目, 亿元, 总投资) recur across documents."""
    return _convert_same_length(segment, _converter("t2s"))


def _changed_chars(text: str, config: str) -> int:
    converted = _converter(config).convert(text)
    if converted == text:
        return 0
    if len(converted) != len(text):
        converted = _HAN_RUN.sub(lambda m: _convert_same_length(m.group(0), _converter(config)), text)
    return sum(1 for a, b in zip(text, converted, strict=True) if a != b)


def is_traditional(text: str, *, sample_chars: int = 5000) -> bool:
    """True when the text is written in traditional characters.

    Compares how many characters t2s would change with how many s2t would change: simplified text
    is left almost untouched by t2s, traditional text by s2t.
    """
    sample = text[:sample_chars]
    han = len(_HAN_CHAR.findall(sample))
    if han == 0:
        return False
    to_simplified = _changed_chars(sample, "t2s")
    if to_simplified < max(2, 0.03 * han):
        return False
    to_traditional = _changed_chars(sample, "s2t")
    return to_simplified > to_traditional and to_simplified >= max(2, 0.03 * han)


def script_of(text: str) -> str | None:
    """'traditional', 'simplified', or None when the text has no Han characters."""
    if not _HAN_CHAR.search(text):
        return None
    return "traditional" if is_traditional(text) else "simplified"


def clean_garbled_pinyin(text: str) -> str:
    """Remove pinyin glosses after Han characters: "項(xiàng)目" → "項目". May change the length."""
    return _PINYIN_GLOSS.sub("", text)
