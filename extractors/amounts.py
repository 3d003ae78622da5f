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
from zhaoyin.extractors.script import is_traditional
from zhaoyin.extractors.text import HAN_CHAR
from zhaoyin.schemas import Amount


@dataclass(frozen=True)
class _Units:
    currencies: dict[str, str]
    magnitudes: dict[str, int]
    bare_needing_qualifier: frozenset[str]
    money_words_after: tuple[str, ...]
    before: dict[str, str]
    after: dict[str, str]
    inside: frozenset[str]
    inclusive_inside: frozenset[str]
    vague_before: tuple[str, ...]
    not_money_after_yuan: tuple[str, ...]
    range_separators: frozenset[str]
    list_separators: frozenset[str]
    money_words: tuple[str, ...]
    money_links: tuple[str, ...]
    measure_words_after: tuple[str, ...]
    counter_before_yi: str
    trillion: str
    local_yuan_markers: dict[str, tuple[str, ...]]


def _load_units() -> _Units:
    raw = lang.data("amount_units")
    return _Units(
        currencies=raw["currencies"],
        magnitudes={k: int(v) for k, v in raw["magnitudes"].items()},
        bare_needing_qualifier=frozenset(raw["bare_magnitudes_needing_qualifier"]),
        before=raw["qualifiers_before"],
        after=raw["qualifiers_after"],
        inside=frozenset(raw["qualifiers_inside"]),
        inclusive_inside=frozenset(raw["inclusive_inside"]),
        vague_before=tuple(raw["vague_before"]),
        not_money_after_yuan=tuple(raw["not_money_after_yuan"]),
        range_separators=frozenset(raw["range_separators"]),
        list_separators=frozenset(raw["list_separators"]),
        money_words=tuple(raw["bare_amount_context"]["money_words"]),
        money_links=tuple(raw["bare_amount_context"]["links"]),
        money_words_after=tuple(raw["bare_amount_context"]["money_words_after"]),
        measure_words_after=tuple(raw["bare_amount_context"]["measure_words_after"]),
        counter_before_yi=raw["counter_before_yi"],
        trillion=raw["trillion"],
        local_yuan_markers={code: tuple(words) for code, words in raw["local_yuan_markers"].items()},
    )


UNITS = _load_units()


_MAG_CHARS = "".join(UNITS.magnitudes)
# Thousands grouped by commas (1,200) or by thin spaces (1\u2009200, as typeset pages print them).
_THIN_SPACES = "\u2009\u202f"
_ARABIC = rf"\d{{1,3}}(?:[,{_THIN_SPACES}]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN_DIGITS = lang.chars("digits")
_POINT = lang.chars("decimal_point")
_TENS = lang.data("numerals")["tens_shorthands"]
_WITH_TENS = _CN_DIGITS + "".join(_TENS)
_CHINESE = rf"[{_WITH_TENS}{_MAG_CHARS}][{_WITH_TENS}{_POINT}{_MAG_CHARS}]*"
_INSIDE = lang.alternation(UNITS.inside)
_INCLUSIVE = lang.alternation(UNITS.inclusive_inside)
_YI = max(UNITS.magnitudes, key=UNITS.magnitudes.__getitem__)
_COUNTER = (
    rf"(?:{re.escape(UNITS.counter_before_yi)}(?={_YI})"
    rf"(?!{_YI}{re.escape(lang.data('amount_units')['yuan'])}?(?:{lang.alternation(lang.data('amount_units')['counter_not_before'])})))?"
)
# One space may stand between a figure's parts, as typeset and machine-translated reports write them:
# "58.6 亿元", "约 120亿 元", "2 亿 美元", "逾 10 亿元".
_INLINE_SPACE = rf"[ \u3000\xa0{_THIN_SPACES}]?"
# ...or a line break, in text copied from a page set in hard-wrapped lines ("15.4\n亿元").
_LINE_WRAP = rf"[ \u3000\xa0{_THIN_SPACES}\n]?"
_SPACE_BEFORE_MAGNITUDE = (
    rf"(?:{_LINE_WRAP}(?=[{_MAG_CHARS}]|{_INSIDE}|{re.escape(UNITS.counter_before_yi)}{_YI}))?"
)
# A number starts where its run of digits (or of numerals) starts: a match tried at every position inside
# a long run would rescan the run each time, quadratic in its length.
_WAN = next(c for c, v in UNITS.magnitudes.items() if v == 10_000)
_YUAN_CHAR = lang.data("amount_units")["yuan"]
# 1亿5000万元, 3亿2千万元, 12亿零800万元: after 亿, the ten thousands (and their thousands) of the same figure
# 260亿129万5千元, 36亿5千元: the thousands and hundreds below them, written the same way
_SMALL_MAGS = "".join(c for c, v in UNITS.magnitudes.items() if 10 < v < 10_000)
_REST_AFTER_YI = (
    rf"(?:(?<={_YI})[{lang.chars('zero')}]?(?P<rest>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)"
    rf"(?P<rest_mag>[{_MAG_CHARS.replace(_YI, '')}]*{_WAN}|[{_SMALL_MAGS}])"
    # …and what stands below 万: in 千/百 (5千) or in plain digits up to the currency (4,000元)
    rf"(?:(?<={_WAN})(?P<rest2>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<rest2_mag>[{_SMALL_MAGS}]|(?={_YUAN_CHAR})))?)?"
)
# Digits written one by one, as Taiwan's papers print figures (一七〇一家, 五九〇四亿元): no place-value characters
_POSITIONAL = rf"[{lang.chars('positional_digits')}]+"
# 3兆2,150亿元, 1.5兆元, 二兆五六九〇亿元: a number of trillions, then what stands below them in the same figure
_TRILLIONS = (
    rf"(?<![\d.,{_CN_DIGITS}])(?P<trillions>\d+(?:\.\d+)?|{_POSITIONAL}){re.escape(UNITS.trillion)}"
    rf"(?:(?P<below>{_ARABIC}|{_POSITIONAL})(?P<below_mag>[{_MAG_CHARS}]*))?"
)
_FIGURE = (
    rf"(?:{_TRILLIONS}"
    rf"|(?<!\d)(?P<arabic>{_ARABIC}){_SPACE_BEFORE_MAGNITUDE}(?P<in1>{_INSIDE})?(?:{_INCLUSIVE})?{_COUNTER}(?P<mag>[{_MAG_CHARS}]*)"
    rf"{_REST_AFTER_YI}"
    rf"|(?<![{_CN_DIGITS}{_MAG_CHARS}])(?P<chinese>{_CHINESE}))"
    rf"(?P<in2>{_INSIDE})?"
)
_AMOUNT = re.compile(rf"{_FIGURE}{_LINE_WRAP}(?P<currency>{lang.alternation(UNITS.currencies)})")
# A figure ending in 万/亿 with no currency after it: an amount in yuan only where a money word stands
# right before it (总投资26亿, 计划投资6000万建设); see bare_amount_context in amount_units.yaml.
_BARE_FIGURE = re.compile(rf"{_FIGURE}")
_INVESTOR = re.escape(lang.data("amount_units")["bare_amount_context"]["investor_suffix"])
_MONEY_BEFORE = re.compile(
    rf"(?:{lang.alternation(UNITS.money_words)})(?:{lang.alternation(UNITS.money_links)})?"
    rf"(?:{lang.alternation(UNITS.before)})?{_INLINE_SPACE}$"
)
# 300多亿投资落户…, never 1亿投资者
_MONEY_AFTER = re.compile(rf"(?:{lang.alternation(UNITS.money_words_after)})(?!{_INVESTOR})")
_TASK = lang.data("amount_units")["task_amount_context"]
_TASK_BEFORE = re.compile(rf"(?:{lang.alternation(_TASK['task_words'])}){_INLINE_SPACE}$")
_TASK_AFTER = re.compile(
    rf"{_INLINE_SPACE}(?:{lang.alternation(_TASK['fillers_after'])}){{0,2}}(?:{lang.alternation(_TASK['task_words'])})"
)
_LARGE_FIGURES_ARE_MONEY = frozenset(
    lang.data("amount_units")["bare_amount_context"]["large_figures_are_money_in"]
)
_YI_AND_ABOVE = _YI + UNITS.trillion
_SENTENCE_END = re.compile(f"[{re.escape(lang.chars('sentence_ends'))}\n]")
_LARGE = lang.chars("large_magnitudes")
_THRESHOLD = lang.data("amount_units")["bare_threshold"]
_NOT_BETWEEN = re.escape(
    lang.chars("clause_ends") + lang.chars("sentence_ends") + lang.chars("list_separator")
)
_BARE_THRESHOLD = re.compile(
    rf"(?:{lang.alternation(_THRESHOLD['qualifiers'])})[^\d{_NOT_BETWEEN}]{{0,{_THRESHOLD['between_max']}}}"
    rf"(?:{lang.alternation(_THRESHOLD['project_words'])})"
)
_BARE_THRESHOLD_COUNTED = re.compile(
    rf"(?:{lang.alternation(_THRESHOLD['qualifiers'])}){_THRESHOLD['count_after']}"
)
# A number without currency that shares the unit of the amount after it ("10—20亿元", "5亿、3亿元").
_BARE_BEFORE = re.compile(rf"(?P<arabic>{_ARABIC}){_INLINE_SPACE}(?P<mag>[{_MAG_CHARS}]*){_INLINE_SPACE}$")
_PREFIX = re.compile(rf"(?P<word>{lang.alternation(UNITS.before)}){_INLINE_SPACE}$")
_SUFFIX = re.compile(rf"{_INLINE_SPACE}(?P<word>{lang.alternation(UNITS.after)})")
_TRAILING_SPACE = re.compile(rf"{_INLINE_SPACE}$")

# Digits and the decimal point in full width → ASCII; the full-width comma stays a clause separator.
_DIGIT_VIEW = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)} | {"\uff0e": "."})
_FULLWIDTH_NUMBER = re.compile(
    "[\uff10-\uff19\uff0e]"
)  # translate() is slow: skipped when it has nothing to do


def _plain_number(digits: str) -> str | float:
    """A number without magnitude, in Arabic digits (1,200) or in Chinese digits one by one (五六九〇)."""
    return _arabic_value(digits) if digits[0].isascii() else chinese_number(digits)


def _arabic_value(digits: str) -> str:
    """1,200 and 1\u2009200 → 1200."""
    return digits.replace(",", "").translate(_NO_GROUPING)


_NO_GROUPING = str.maketrans("", "", _THIN_SPACES)
_TRILLION = 10**12


def _magnitude(chars: str) -> int:
    return math.prod(UNITS.magnitudes[c] for c in chars) if chars else 1


def scaled(number: str | float, magnitude: int) -> float:
    """`number` × `magnitude` in decimal arithmetic: 8.7亿 is 870000000, not 869999999.9999999."""
    return float(Decimal(str(number)) * magnitude)


_POSITIONAL_ONLY = re.compile(_POSITIONAL)
TWO_MAGNITUDES = re.compile(rf"[{_LARGE}][^{_LARGE}]+[{_LARGE}]")


_TENS_WRITTEN_OUT = str.maketrans(_TENS)


@cache
def chinese_number(numeral: str) -> float | None:
    """三十亿 → 3e9, 百亿 → 1e10, 三点五亿 → 3.5e8, 亿 → 1e8, 卅五亿 → 3.5e9; None when it is not a number."""
    numeral = numeral.translate(_TENS_WRITTEN_OUT)
    if all(c in _MAG_CHARS for c in numeral):
        return float(_magnitude(numeral))
    if TWO_MAGNITUDES.search(numeral):  # 十二亿五千万: one figure with two magnitudes, read whole
        try:
            return float(cn2an.cn2an(numeral, "smart"))
        except (ValueError, KeyError, TypeError, IndexError):
            pass
    core, trailing = numeral, ""
    while (
        core
        and core[-1] in lang.chars("large_magnitudes")
        and (_POINT in core or core[0] in _MAG_CHARS or _POSITIONAL_ONLY.fullmatch(core[:-1]))
    ):
        core, trailing = core[:-1], core[-1] + trailing
    candidates = [core, lang.chars("one") + core] if core and core[0] in _MAG_CHARS else [core]
    for candidate in candidates:
        try:
            value = float(cn2an.cn2an(candidate, "smart"))
        except (ValueError, KeyError, TypeError, IndexError):
            continue
        return scaled(value, _magnitude(trailing))
    if len(numeral) > 1 and numeral[-1] in lang.chars("large_magnitudes"):
        # 三千五亿: the figure before the magnitude read on its own (三千五 is 3500, its hundreds left out)
        before = chinese_number(numeral[:-1])
        return scaled(before, _magnitude(numeral[-1])) if before is not None else None
    return None


def _qualifier_before(view: str, start: int) -> tuple[str | None, str]:
    match = _PREFIX.search(view, max(0, start - 5), start)
    if not match:
        return None, ""
    return UNITS.before[match.group("word")], match.group("word")


def _qualifier_after(view: str, end: int) -> str | None:
    match = _SUFFIX.match(view, end)
    return UNITS.after[match.group("word")] if match else None


def _is_vague(view: str, start: int) -> bool:
    space = _TRAILING_SPACE.search(view, max(0, start - 1), start)
    return view.endswith(UNITS.vague_before, 0, space.start() if space else start)


def _not_money(view: str, m: re.Match[str]) -> bool:
    if m.group("currency") != lang.data("amount_units")["yuan"]:
        return False
    return view.startswith(UNITS.not_money_after_yuan, m.end())


def _value_of(m: re.Match[str]) -> tuple[float | None, bool]:
    """(value in units of the currency, whether the figure was a bare magnitude like 亿)."""
    if m.group("trillions"):
        value = scaled(_plain_number(m.group("trillions")), _TRILLION)
        if m.group("below"):
            value += scaled(_plain_number(m.group("below")), _magnitude(m.group("below_mag")))
        return value, False
    if m.group("arabic"):
        value = scaled(_arabic_value(m.group("arabic")), _magnitude(m.group("mag")))
        if m.group("rest"):
            value += scaled(_plain_number(m.group("rest")), _magnitude(m.group("rest_mag")))
        if m.group("rest2"):
            value += scaled(_plain_number(m.group("rest2")), _magnitude(m.group("rest2_mag")))
        return value, False
    numeral = m.group("chinese")
    return chinese_number(numeral), all(c in _MAG_CHARS for c in numeral)


def _shared_unit_amounts(
    text: str, view: str, head: Amount, head_number_start: int, head_mag: str
) -> list[Amount]:
    """Numbers before `head` that share its unit: "10—20亿元" → 10亿元; "5亿、3亿元" → 5亿元."""
    out: list[Amount] = []
    cursor = head_number_start
    while cursor > 0:
        space = _TRAILING_SPACE.search(view, max(0, cursor - 1), cursor)
        sep_at = (space.start() if space else cursor) - 1
        if sep_at < 0:
            break
        sep = view[sep_at]
        is_range = sep in UNITS.range_separators
        if not (is_range or sep in UNITS.list_separators):
            break
        bare = _BARE_BEFORE.search(view, max(0, sep_at - 30), sep_at)
        if not bare:
            break
        mag = bare.group("mag")
        if not mag and not (is_range and head_mag):
            break  # "3、5亿元" lists item numbers, not amounts
        value = scaled(_arabic_value(bare.group("arabic")), _magnitude(mag or head_mag))
        end = bare.end("mag") if mag else bare.end("arabic")
        out.append(
            Amount(
                text=text[bare.start() : end],
                value=value,
                currency=head.currency,
                qualifier=None,
                start=bare.start(),
                end=end,
                confidence=0.85,
            )
        )
        if is_range:
            break
        cursor = bare.start()
    return out


def local_yuan(original: str, view: str, province: str | None = None) -> str:
    """The currency a bare 元 stands for in a document: the New Taiwan, Hong Kong or Macao dollar in a report
    in traditional script that speaks as that place's institutions do (`original` as written, `view` its
    simplified view), or, for Taiwan, whose places lie there (`province`, the one its places belong to:
    南投县, 高雄市); else the renminbi."""
    words = lang.data("amount_units")
    yuan = UNITS.currencies[words["yuan"]]
    if not is_traditional(original):
        return yuan
    if province in words["province_yuan"]:
        return words["province_yuan"][province]
    names_renminbi = _has_marker(view, tuple(words["named_local_yuan_unless"]))
    # the place whose institutions the report names most (本澳 and 贸促局 outweigh a 财政司司长 Macao has too)
    marked = sorted(
        ((sum(m in view for m in markers), code) for code, markers in UNITS.local_yuan_markers.items()),
        key=lambda pair: -pair[0],
    )
    for count, code in marked:
        if count and not (names_renminbi and not _names_currency(view, code)):
            return code  # (香港特区政府 … 1000亿元人民币: a report that names only the renminbi counts in it)
    if words["sar_government"] in view:
        named = [code for code, name in words["sar_names"].items() if name in view]
        if len(named) == 1 and not (names_renminbi and not _names_currency(view, named[0])):
            return named[0]
    if not names_renminbi:
        for code, names in words["named_local_yuan"].items():
            if _has_marker(view, tuple(names)):
                return code
    return yuan


@cache
def currency_words(code: str) -> tuple[str, ...]:
    """The surface forms of a currency (USD: 美元, 美金)."""
    return tuple(word for word, named in UNITS.currencies.items() if named == code)


def _names_currency(view: str, code: str) -> bool:
    return any(word in view for word in currency_words(code))


def _has_marker(view: str, markers: tuple[str, ...]) -> bool:
    return any(marker in view for marker in markers)


_CURRENCY_BEFORE = lang.data("amount_units")["currency_before_figure"]
_CURRENCY_NAMED_BEFORE = re.compile(
    rf"(?P<word>{lang.alternation(_CURRENCY_BEFORE)}){_INLINE_SPACE}(?:{lang.alternation(UNITS.before)})?{_INLINE_SPACE}$"
)
_SAME_BELOW_WORDS = lang.data("amount_units")["same_below"]
_SAME_BELOW = re.compile(
    rf"(?<={re.escape(lang.data('amount_units')['yuan'])})[{re.escape(''.join(_SAME_BELOW_WORDS['opening']))}]"
    rf"(?P<currency>{lang.alternation(UNITS.currencies)})[{re.escape(''.join(_SAME_BELOW_WORDS['separators']))}]?"
    rf"(?:{lang.alternation(_SAME_BELOW_WORDS['words'])})[{re.escape(''.join(_SAME_BELOW_WORDS['closing']))}]"
)


# 105.9亿澳门元(下同): the currency of the amount itself, declared for the bare 元 after it
_SAME_BELOW_AFTER_CURRENCY = re.compile(
    rf"(?P<currency>{lang.alternation(UNITS.currencies)})[{re.escape(''.join(_SAME_BELOW_WORDS['opening']))}]"
    rf"(?:{lang.alternation(_SAME_BELOW_WORDS['words'])})[{re.escape(''.join(_SAME_BELOW_WORDS['closing']))}]"
)


def _declared_yuan(view: str, yuan: str):
    """The currency of a bare 元 at a position: the one declared last before it ("4亿元(美元,下同)",
    "105.9亿澳门元(下同)"), else `yuan`."""
    declared = sorted(
        (m.start(), UNITS.currencies[m.group("currency")])
        for pattern in (_SAME_BELOW, _SAME_BELOW_AFTER_CURRENCY)
        for m in pattern.finditer(view)
    )

    def at(position: int) -> str:
        return next((code for start, code in reversed(declared) if start <= position), yuan)

    return at


def find_amounts(text: str, *, yuan: str | None = None) -> list[Amount]:
    """Every monetary amount in `text`, in order of appearance, repeats included; a bare 元 is `yuan`
    (`local_yuan`), the renminbi unless given."""
    yuan_word = lang.data("amount_units")["yuan"]
    view = text.translate(_DIGIT_VIEW) if _FULLWIDTH_NUMBER.search(text) else text
    yuan_at = _declared_yuan(view, yuan or UNITS.currencies[yuan_word])
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
            currency=_bare_yuan_currency(view, start, m.end(), yuan_at)
            if m.group("currency") == yuan_word
            else UNITS.currencies[m.group("currency")],
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
    found.extend(_amounts_without_currency(text, view, found, yuan_at))
    found.sort(key=lambda a: a.start or 0)
    return found


def _bare_yuan_currency(view: str, start: int, end: int, yuan_at) -> str:
    named = _CURRENCY_NAMED_BEFORE.search(view, max(0, start - 8), start)
    return _CURRENCY_BEFORE[named.group("word")] if named else yuan_at(end)


def _currency_reported_before(view: str, start: int, found: list[Amount], yuan: str) -> str:
    """The currency of the last amount before `start` in its sentence (a task is set in the unit of what is
    reported against it), else the document's yuan."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(view, 0, start)), default=0)
    before = [a for a in found if a.start is not None and sentence_start <= a.start < start]
    return max(before, key=lambda a: a.start or 0).currency if before else yuan


def _amounts_without_currency(text: str, view: str, found: list[Amount], yuan_at) -> list[Amount]:
    """Figures ending in 万/亿 that a money word introduces: 总投资26亿的…, 到位资金407.85亿，…"""
    taken = [(a.start or 0, a.end or 0) for a in found]
    out: list[Amount] = []
    for m in _BARE_FIGURE.finditer(view):
        figure = m.group("mag") if m.group("arabic") else m.group("chinese")
        if m.group("trillions"):  # 總投資金額超過1.6兆。: Taiwan's trillion, no 兆瓦 or name after it
            figure = _LARGE[-1] if not HAN_CHAR.match(view, m.end()) else None
        if not figure or figure[-1] not in _LARGE:
            continue
        start, end = m.start(), m.end()
        # the cheap tests on the characters around the figure first, the overlap with every amount last
        if _is_vague(view, start):
            continue
        task = bool(_TASK_BEFORE.search(view, max(0, start - 6), start) or _TASK_AFTER.match(view, end))
        if not (
            task
            or _MONEY_BEFORE.search(view, max(0, start - 9), start)
            or _MONEY_AFTER.match(view, end)
            or _BARE_THRESHOLD.match(view, end)
            or (figure[-1] in _YI_AND_ABOVE and _BARE_THRESHOLD_COUNTED.match(view, end))
            or (figure[-1] in _YI_AND_ABOVE and yuan_at(end) in _LARGE_FIGURES_ARE_MONEY)
        ):
            continue
        if view.startswith(UNITS.measure_words_after, end):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        value, _ = _value_of(m)
        if value is None:
            continue
        qualifier, _prefix = _qualifier_before(view, start)
        if m.group("in1") or m.group("in2"):
            qualifier = qualifier or "over"
        out.append(
            Amount(
                text=text[start:end],
                value=value,
                currency=_currency_reported_before(view, start, found, yuan_at(end))
                if task
                else yuan_at(end),
                qualifier=_qualifier_after(view, end) or qualifier,
                start=start,
                end=end,
                confidence=0.8,
            )
        )
    return out
