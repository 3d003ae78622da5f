"""Monetary amounts in Chinese text: "4934.3亿元", "超过1亿美元", "三十亿元", "亿元以上项目", "10—20亿元".

`find_amounts(text)` returns every occurrence in order of appearance with character offsets, the value in
units of its currency and a qualifier (over / about / under). Currency and qualifier words live in
extractors/lang/amount_units.yaml.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import cn2an

from zhaoyin.extractors import lang
from zhaoyin.schemas import Amount


@dataclass(frozen=True)
class _Units:
    currencies: dict[str, str]
    magnitudes: dict[str, int]
    bare_needing_qualifier: frozenset[str]
    before: dict[str, str]
    after: dict[str, str]
    inside: frozenset[str]
    vague_before: tuple[str, ...]
    not_money_after_yuan: tuple[str, ...]
    range_separators: frozenset[str]
    list_separators: frozenset[str]


def _load_units() -> _Units:
    raw = lang.data("amount_units")
    return _Units(
        currencies=raw["currencies"],
        magnitudes={k: int(v) for k, v in raw["magnitudes"].items()},
        bare_needing_qualifier=frozenset(raw["bare_magnitudes_needing_qualifier"]),
        before=raw["qualifiers_before"],
        after=raw["qualifiers_after"],
        inside=frozenset(raw["qualifiers_inside"]),
        vague_before=tuple(raw["vague_before"]),
        not_money_after_yuan=tuple(raw["not_money_after_yuan"]),
        range_separators=frozenset(raw["range_separators"]),
        list_separators=frozenset(raw["list_separators"]),
    )


UNITS = _load_units()


_MAG_CHARS = "".join(UNITS.magnitudes)
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGITS = lang.chars("digits")
_POINT = lang.chars("decimal_point")
_CHINESE = rf"[{_CN_DIGITS}{_MAG_CHARS}][{_CN_DIGITS}{_POINT}{_MAG_CHARS}]*"
_INSIDE = lang.alternation(UNITS.inside)
# A number starts where its run of digits (or of numerals) starts: a match tried at every position inside
# a long run would rescan the run each time, quadratic in its length.
_AMOUNT = re.compile(
    rf"(?:(?<!\d)(?P<arabic>{_ARABIC})(?P<in1>{_INSIDE})?(?P<mag>[{_MAG_CHARS}]*)"
    rf"|(?<![{_CN_DIGITS}{_MAG_CHARS}])(?P<chinese>{_CHINESE}))"
    rf"(?P<in2>{_INSIDE})?(?P<currency>{lang.alternation(UNITS.currencies)})"
)
# A number without currency that shares the unit of the amount after it ("10—20亿元", "5亿、3亿元").
_BARE_BEFORE = re.compile(rf"(?P<arabic>{_ARABIC})(?P<mag>[{_MAG_CHARS}]*)$")
_PREFIX = re.compile(rf"(?:{lang.alternation(UNITS.before)})$")
_SUFFIX = re.compile(rf"(?:{lang.alternation(UNITS.after)})")

# Digits and the decimal point in full width → ASCII; the full-width comma stays a clause separator.
_DIGIT_VIEW = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"\uff0e": "."})
_FULLWIDTH_NUMBER = re.compile(
    "[\uff10-\uff19\uff0e]"
)  # translate() is slow: skipped when it has nothing to do


def _magnitude(chars: str) -> int:
    return math.prod(UNITS.magnitudes[c] for c in chars) if chars else 1


def scaled(number: str | float, magnitude: int) -> float:
    """`number` × `magnitude` in decimal arithmetic: 8.7亿 is 870000000, not 869999999.9999999."""
    return float(Decimal(str(number)) * magnitude)


@cache
def chinese_number(numeral: str) -> float | None:
    """三十亿 → 3e9, 百亿 → 1e10, 三点五亿 → 3.5e8, 亿 → 1e8; None when it is not a number."""
    if all(c in _MAG_CHARS for c in numeral):
        return float(_magnitude(numeral))
    core, trailing = numeral, ""
    while core and core[-1] in lang.chars("large_magnitudes") and (_POINT in core or core[0] in _MAG_CHARS):
        core, trailing = core[:-1], core[-1] + trailing
    candidates = [core, lang.chars("one") + core] if core and core[0] in _MAG_CHARS else [core]
    for candidate in candidates:
        try:
            value = float(cn2an.cn2an(candidate, "smart"))
        except (ValueError, KeyError, TypeError, IndexError):
            continue
        return scaled(value, _magnitude(trailing))
    return None


def _qualifier_before(view: str, start: int) -> tuple[str | None, str]:
    match = _PREFIX.search(view, max(0, start - 4), start)
    if not match:
        return None, ""
    return UNITS.before[match.group(0)], match.group(0)


def _qualifier_after(view: str, end: int) -> str | None:
    match = _SUFFIX.match(view, end)
    return UNITS.after[match.group(0)] if match else None


def _is_vague(view: str, start: int) -> bool:
    return any(view.endswith(word, 0, start) for word in UNITS.vague_before)


def _not_money(view: str, m: re.Match[str]) -> bool:
    if m.group("currency") != lang.data("amount_units")["yuan"]:
        return False
    return any(view.startswith(word, m.end()) for word in UNITS.not_money_after_yuan)


def _value_of(m: re.Match[str]) -> tuple[float | None, bool]:
    """(value in units of the currency, whether the figure was a bare magnitude like 亿)."""
    if m.group("arabic"):
        return scaled(m.group("arabic").replace(",", ""), _magnitude(m.group("mag"))), False
    numeral = m.group("chinese")
    return chinese_number(numeral), all(c in _MAG_CHARS for c in numeral)


def _shared_unit_amounts(
    text: str, view: str, head: Amount, head_number_start: int, head_mag: str
) -> list[Amount]:
    """Numbers before `head` that share its unit: "10—20亿元" → 10亿元; "5亿、3亿元" → 5亿元."""
    out: list[Amount] = []
    cursor = head_number_start
    while cursor > 0:
        sep = view[cursor - 1]
        is_range = sep in UNITS.range_separators
        if not (is_range or sep in UNITS.list_separators):
            break
        bare = _BARE_BEFORE.search(view, max(0, cursor - 30), cursor - 1)
        if not bare:
            break
        mag = bare.group("mag")
        if not mag and not (is_range and head_mag):
            break  # "3、5亿元" lists item numbers, not amounts
        value = scaled(bare.group("arabic").replace(",", ""), _magnitude(mag or head_mag))
        out.append(
            Amount(
                text=text[bare.start() : bare.end()],
                value=value,
                currency=head.currency,
                qualifier=None,
                start=bare.start(),
                end=bare.end(),
                confidence=0.85,
            )
        )
        if is_range:
            break
        cursor = bare.start()
    return out


def find_amounts(text: str) -> list[Amount]:
    """Every monetary amount in `text`, in order of appearance, repeats included."""
    view = text.translate(_DIGIT_VIEW) if _FULLWIDTH_NUMBER.search(text) else text
    found: list[Amount] = []
    for m in _AMOUNT.finditer(view):
        value, bare = _value_of(m)
        if value is None or _not_money(view, m):
            continue
        start = m.start()
        if _is_vague(view, start):
            continue
        qualifier, prefix_word = _qualifier_before(view, start)
        if prefix_word == lang.data("amount_units")["bare_only_qualifier"] and not bare:
            qualifier = None
        if m.group("in1") or m.group("in2"):
            qualifier = qualifier or "over"
        qualifier = _qualifier_after(view, m.end()) or qualifier
        if bare and m.group("chinese") in UNITS.bare_needing_qualifier and qualifier is None:
            continue
        amount = Amount(
            text=text[start : m.end()],
            value=value,
            currency=UNITS.currencies[m.group("currency")],
            qualifier=qualifier,
            start=start,
            end=m.end(),
            confidence=0.85 if bare else (0.9 if m.group("chinese") else 0.98),
        )
        head_mag = m.group("mag") or ""
        if m.group("chinese") and not bare:
            head_mag = ""
        elif bare:
            head_mag = m.group("chinese")
        found.extend(_shared_unit_amounts(text, view, amount, start, head_mag))
        found.append(amount)
    found.sort(key=lambda a: a.start or 0)
    return found
