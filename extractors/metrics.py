"""Aggregate figures of investment attraction: "新落地亿元以上项目31个", "实际使用外资12.8亿美元",
"同比增长15.6%", "走访企业210家".

`find_metrics` keeps a figure only when its clause says it counts or measures investment attraction
(keyword lists in extractors/lang/metric_keywords.yaml), gives it the district the sentence is about and the
period its sentence or paragraph names.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.amounts import TWO_MAGNITUDES, chinese_number, currency_words
from zhaoyin.extractors.amounts import UNITS as AMOUNT_UNITS
from zhaoyin.extractors.dates import FUTURE_MARKERS, HISTORY_MARKERS, find_period_expressions, resolve_period
from zhaoyin.extractors.districts import reads_as_everyday_words, town_mentions, where_things_happen
from zhaoyin.extractors.gazetteer import CITY, PROVINCE, SHORT, city_short, gazetteer, province_short
from zhaoyin.extractors.text import (
    HAN_CHAR,
    SECTION_HEADING,
    Segment,
    SpanIndex,
    halfwidth,
    paragraphs,
    sentences,
)
from zhaoyin.schemas import Amount, District, Metric

_KW = lang.data("metric_keywords")


ALWAYS_NOUNS = tuple(_KW["counted_nouns"]["always"])
VERB_NOUNS = tuple(_KW["counted_nouns"]["need_verb"])
INVESTMENT_VERBS = tuple(_KW["investment_verbs"])
ADDITIVE_HEADS = tuple(_KW["additive_heads"])
ACTIVITY_UNITS = frozenset(_KW["activity_units"])
FIRM_UNITS = frozenset(_KW["firm_units"])
FIRM_CENSUS_WORDS = tuple(_KW["firm_census_words"])
ACTIVITY_VERBS_AFTER = tuple(_KW["activity_verbs_after"])
ACTIVITY_NOUNS = tuple(_KW["activity_nouns"])
TOPIC_WORDS = tuple(_KW["topic_words"])
RATE_WORDS = tuple(_KW["rate_words"])
RATE_TOPIC_WORDS = tuple(_KW["rate_topic_words"])
RATE_EXCLUDED_WORDS = tuple(_KW["rate_excluded_words"])
ELLIPTICAL_RATE_STARTS = tuple(_KW["elliptical_rate_starts"])
JOINT_SHARE_STARTS = tuple(_KW["joint_share_starts"])
SHARE_OF_WHOLE_STARTS = tuple(_KW["share_of_whole_starts"])
PART_SHARE_ENDINGS = tuple(_KW["part_share_endings"])
MACRO_MARKERS = tuple(_KW["macro_markers"])
MACRO_ROUNDUP_WORDS = tuple(_KW["macro_roundup_words"])
MACRO_IN_ROUNDUP = tuple(_KW["macro_in_roundup"])
ANAPHORA_NOT_AFTER = tuple(_KW["anaphora_not_after"])


def _standalone_indicators() -> list[str]:
    """The listed standalone indicators and those made by their grammar (实际使用港资, 外资实际到位)."""
    grammar = _KW["standalone_amount_grammar"]
    made = [
        qualifier + way + source
        for qualifier in ["", *grammar["qualifiers"]]
        for way in grammar["ways"]
        for source in grammar["sources"]
    ]
    made += [source + arrival for source in grammar["sources"] for arrival in grammar["arrivals"]]
    # 合同外资, 协议台资: the capital a contract or agreement commits, said without the way it comes
    made += [qualifier + source for qualifier in grammar["qualifiers"] for source in grammar["sources"]]
    # 外资金额, 外资项目金额: the sum of capital from a source
    made += [source + noun for source in grammar["sources"] for noun in grammar["sums"]]
    return lang.longest_first(list(dict.fromkeys(_KW["standalone_amount_indicators"] + made)))


STANDALONE = _standalone_indicators()
AGGREGATE = lang.longest_first(_KW["aggregate_amount_indicators"])
AGGREGATE_MARKERS = tuple(_KW["aggregate_markers"])
_AGGREGATE_WORD = re.compile(lang.alternation(AGGREGATE + STANDALONE))
LEAD_WORDS = lang.longest_first(_KW["subject_lead_words"])
COUNT_FILLERS = lang.longest_first(_KW["count_fillers"])
INDICATOR_LEAD_FILLERS = lang.longest_first(_KW["indicator_lead_fillers"])
DISTRICT_ANAPHORA = tuple(_KW["district_anaphora"])
COUNTY_CITY_ANAPHORA = tuple(_KW["county_city_anaphora"])
COUNTY_ANAPHORA = tuple(_KW["county_anaphora"])
CITY_ANAPHORA = tuple(_KW["city_anaphora"])
PROVINCE_ANAPHORA = tuple(_KW["province_anaphora"])
_REGION_ENDING = _KW["region_province_ending"]
_SUBJECT_NAMES = _KW["subject_names"]
_WHOLE_REGION_SUBJECTS = frozenset(_KW["whole_region_subjects"])
_ZONE_ANAPHOR = re.compile(
    lang.pattern(
        "metric_keywords",
        "zone_anaphor",
        clause_ends=re.escape(lang.chars("clause_ends")),
        sentence_ends=re.escape(lang.chars("sentence_ends")),
    )
)
_BRACKETED = re.compile(
    "[{o}][^{o}{c}]*[{c}]".format(
        o=re.escape(lang.chars("opening_brackets")), c=re.escape(lang.chars("closing_brackets"))
    )
)
_REGION_ANAPHORA = re.compile(lang.pattern("metric_keywords", "region_anaphora"))
COLLECTIVE_MARKERS = tuple(_KW["collective_markers"])
_COLLECTIVE_LISTED = re.compile(
    f"(?:{lang.alternation(COLLECTIVE_MARKERS)}){re.escape(lang.chars('list_separator'))}"
)
PROVINCE_COLLECTIVE_MARKERS = tuple(_KW["province_collective_markers"])
_COUNTED_DIVISIONS_JOINED = re.compile(_KW["counted_divisions_joined"])
NOT_COUNTS_AFTER = tuple(_KW["not_counts_after"])
SOURCE_COUNTRY_NOUNS = tuple(_KW["source_country_nouns"])
SOURCE_COUNTRY_TOPICS = tuple(_KW["source_country_topics"])
NUMERAL_WORDS_NOT_COUNTS = tuple(_KW["numeral_words_not_counts"])
NOT_COUNTED_AFTER_STARTS = tuple(_KW["not_counted_after_starts"])
SINGLE_PROJECT_MARKERS = tuple(_KW["single_project_markers"])
BATCH_OF_PROJECTS = tuple(_KW["batch_of_projects"])
_BATCH_BETWEEN = list(_KW["batch_between"])
ELLIPTICAL_COUNT_HEADS = tuple(_KW["elliptical_count_heads"])
EVENTS_AFTER_PLACE = tuple(_KW["events_after_place"])
OUTSIDE_AFTER_PLACE = tuple(_KW["outside_after_place"])
_ANAPHORA = lang.longest_first(
    [
        *DISTRICT_ANAPHORA,
        *COUNTY_CITY_ANAPHORA,
        *CITY_ANAPHORA,
        *(word for words in _KW["city_anaphora_by_ending"].values() for word in words),
        *PROVINCE_ANAPHORA,
    ]
)
_OBJECT_ANAPHORA = tuple(
    word + period + anaphor
    for anaphor in _ANAPHORA
    for word in ANAPHORA_NOT_AFTER
    for period in lang.longest_first(["", *_KW["anaphora_not_after_period"]])
) + tuple(anaphor + rank for anaphor in _ANAPHORA for rank in _KW["rank_after_anaphora"])

# A comma may be a full-width clause comma made half-width by the caller: only 1–3 digits, a comma and
# exactly three digits read as a thousands separator.
_TEN_THOUSAND = lang.chars("large_magnitudes")[0]
# 16万4,554个, 5万7801个: a count in ten thousands and units, as Taiwan and Hong Kong media write it
_NUMBER = (
    rf"(?<![\d.+\-—–/:])(?P<num>\d{{1,4}}{_TEN_THOUSAND}(?:\d,\d{{3}}|\d{{4}})(?![\d.])"
    r"|\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?)"
)
_ROUND = _KW["round_numbers"]
_COUNT = re.compile(lang.pattern("metric_keywords", "count", number=_NUMBER))
_SINGLE_ITEM_AFTER = tuple(_KW["single_item_after"])
_UNCOUNTED_LIST_HEAD = re.compile(lang.pattern("metric_keywords", "uncounted_list_head"))
_RATE = re.compile(lang.pattern("metric_keywords", "rate", number=_NUMBER))
_CLAUSE_BREAK = re.compile(lang.pattern("punctuation", "clause_break"))
_NOUN_PHRASE_END = re.compile(lang.pattern("metric_keywords", "noun_phrase_end"))
_TIME_LEAD = re.compile(lang.pattern("metric_keywords", "time_lead"))
_INDICATOR_FIGURE_TAIL = re.compile(lang.pattern("metric_keywords", "indicator_figure_tail"))
_INSIDE_SUFFIX = re.compile(lang.pattern("metric_keywords", "inside_suffix"))
_LIST_SEPARATOR = re.compile(lang.pattern("metric_keywords", "list_separator"))
_HEAD_SEPARATOR = re.compile(lang.pattern("metric_keywords", "head_separator"))
_THRESHOLD_PROJECTS = re.compile(lang.pattern("metric_keywords", "threshold_projects"))
_BREAKDOWN_BEFORE = re.compile(lang.pattern("metric_keywords", "breakdown_before"))
_MULTIPLE_OF = re.compile(lang.pattern("metric_keywords", "multiple_of"))
_TRAILING_NOTE = re.compile(lang.pattern("metric_keywords", "trailing_note"))
_NAMED_PROJECTS = re.compile(lang.pattern("metric_keywords", "named_projects"))
_COUNTED_AFTER_ATTRIBUTIVE = re.compile(lang.pattern("metric_keywords", "counted_after_attributive"))
_LIST_AFTER_ATTRIBUTIVE = re.compile(lang.pattern("metric_keywords", "list_after_attributive"))
_PERCENT_SIGNS = tuple(_KW["percent_signs"])
_CITY_ENDING = lang.data("place_names")["city_ending"]
_ADMIN_KINDS = ("district", "county", "county_city", "new_area")
_COUNTY_LEVEL = ("district", "county", "county_city")
_WHOLE_KINDS = ("province", "city")  # named by metrics only: a subject only where they open a clause
WORK_REPORT_MARKERS = tuple(_KW["work_report_markers"])
OPENING_LINES = 80  # characters: a title, a dateline or byline, the issuing body
TITLE_CHARS = 120  # a first paragraph longer than this is the body, not a headline
_TERMINAL = _KW["sentence_terminals"]
_NOT_SUBJECT_PROVINCES = tuple(_KW["not_subject_province_endings"])
_PROVINCE_NAME_CONTINUES = (*_KW["province_name_continues"], *lang.words("organization_endings"))
_REGION_AFTER_CITY = re.compile(_KW["region_after_city"])
_NAME_IN_PROVINCE = re.compile(
    "{body}{{1,{reach}}}?(?:{endings})".format(
        body=lang.pattern("place_names", "name_body"),
        reach=_KW["name_in_province_reach"],
        endings=lang.alternation(
            [
                *_KW["name_in_province_endings"],
                *sorted(lang.word_set("company_industry_words") - lang.word_set("plain_noun_industry_words")),
                *lang.words("company_name_endings"),
            ]
        ),
    )
)


def _bracketed_in_a_name(view: str, start: int, end: int) -> bool:
    """某某创新(山西)|食品有限公司: a place in brackets inside a name, the name running on after them."""
    return (
        start >= 2
        and view[start - 1] in lang.char_set("opening_brackets")
        and HAN_CHAR.match(view[start - 2]) is not None
        and view[end : end + 1] in lang.char_set("closing_brackets")
        and (_NAME_IN_PROVINCE.match(view, end + 1) or _REGISTERED_IN_PROVINCE.match(view, end + 1))
        is not None
    )


REGISTERED_NAME_REACH = 14  # characters between a province and the legal form of a firm's name it opens
_REGISTERED_IN_PROVINCE = re.compile(
    "{body}{{1,{reach}}}?(?:{forms})".format(
        body=lang.pattern("place_names", "name_body"),
        reach=REGISTERED_NAME_REACH,
        forms=lang.alternation("company_legal_forms"),
    )
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    canonical: str
    kind: str
    leads: bool = False  # starts its clause: the clause's subject rather than a name in passing
    listed: bool = False  # one of a list of places (西青区、武清区…): several subjects, none the subject
    respective: bool = False  # listed before 分别: each the subject of its own figure only
    until: int | None = None  # an item of a per-place list (甲区5个；乙县3个): the subject up to here only
    enumerated: bool = False  # inside an item of a list a count closes (甲市某酒店、乙县某工程等27个项目)
    city: str | None = None  # the city a district lies in


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: float
    unit: str
    indicator: str
    noun: str  # what is counted or measured, for telling repeats apart
    kind: str  # count | rate | amount
    respective: int | None = None  # place in a respectively list (分别为28个、25个、24个)


_LABEL_COLON = re.compile(lang.pattern("metric_keywords", "label_colon"))


def _joined_view(text: str) -> str:
    """Half-width view where a line broken inside a sentence (PDF and newspaper layouts) runs on, and a
    colon between a label and its figure (签约项目：56个) joins them."""
    view = list(halfwidth(text))
    lines = text.split("\n")
    pos = 0
    pending_break: list[int] = []
    previous_runs_on = False
    for line in lines:
        stripped = line.strip()
        if stripped:
            if previous_runs_on:
                for i in pending_break:
                    view[i] = " "
            previous_runs_on = len(stripped) >= 30 and stripped[-1] not in _TERMINAL
            pending_break = []
        pos += len(line)
        if pos < len(text):
            pending_break.append(pos)
        pos += 1
    return _LABEL_COLON.sub(" ", "".join(view))


def _mentions(districts: list[District]) -> list[_Mention]:
    out = [_Mention(s.start, s.end, d.canonical, d.kind, city=d.city) for d in districts for s in d.spans]
    return sorted(out, key=lambda m: m.start)


def _town_mentions(text: str, districts: list[District], city: str | None) -> list[_Mention]:
    """Towns of the report's city written in full outside any district's name (乐乡街道集中签约3个项目): a
    town is no subject of its own, its county is — the most specific division the text gives."""
    taken = [(span.start, span.end) for d in districts for span in d.spans]
    return [
        _Mention(start, end, county.canonical, county.kind)
        for start, end, county, short in town_mentions(text, city)
        if not short and not any(s < end and start < e for s, e in taken)
    ]


def _lone_place_names(view: str, districts: list[_Mention]) -> list[tuple[int, int, str]]:
    """The gazetteer's names in `view` standing by themselves: not inside a longer name (河北区 holds 河北),
    not overlapping a district found, not right before a place (山东省青岛市: the province qualifies the
    city) nor before a character that continues a name."""
    hits = [(end + 1 - len(surface), end + 1, surface) for end, surface in gazetteer().automaton.iter(view)]
    if not hits:
        return []
    longest = max(end - start for start, end, _ in hits)
    ends_from: dict[int, list[int]] = {}
    for start, end, _ in hits:
        ends_from.setdefault(start, []).append(end)
    taken = sorted((m.start, m.end) for m in districts)
    taken_starts = [start for start, _ in taken]
    place_starts = set(ends_from) | set(taken_starts)
    out = []
    for start, end, surface in hits:
        # a covering hit (s <= start, end <= e, another span) is at most `longest` characters long
        if any(
            e >= end and (s, e) != (start, end)
            for s in range(end - longest, start + 1)
            for e in ends_from.get(s, ())
        ):
            continue
        # a district overlaps when it starts before `end` and ends after `start`
        if any(e > start for _s, e in taken[: bisect_left(taken_starts, end)]):
            continue
        if end in place_starts or view.startswith(_PROVINCE_NAME_CONTINUES, end):
            continue
        if reads_as_everyday_words(view, start, end):  # 三大方案 holds no 大方
            continue
        out.append((start, end, surface))
    return out


def _province_mentions(
    view: str, districts: list[_Mention], lone: list[tuple[int, int, str]] | None = None
) -> list[_Mention]:
    """Where the text names a province (江苏省, 廣東) by itself: not inside a longer place name (河北区,
    海南藏族自治州) nor right before a place of its own (山东省青岛市, a qualifier). `lone` are the
    names `_lone_place_names` gives, when the caller has them."""
    gaz = gazetteer()
    out = []
    # 北京通州与廊坊北三县…: the province before a found district's name without its ending qualifies it
    shorts = tuple({m.canonical[:-1] for m in districts if m.kind in _COUNTY_LEVEL and len(m.canonical) >= 3})
    for start, end, surface in _lone_place_names(view, districts) if lone is None else lone:
        provinces = {e.place.canonical for e in gaz.places_named(surface) if e.form == PROVINCE}
        if len(provinces) != 1 or (shorts and view.startswith(shorts, end)):
            continue
        if surface == province_short(surface) and (
            _NAME_IN_PROVINCE.match(view, end)
            or _REGISTERED_IN_PROVINCE.match(view, end)
            or _bracketed_in_a_name(view, start, end)
        ):
            continue  # 某省某某铝业…, 某某创新(山西)食品有限公司: a company's or a project's name holds it
        province = provinces.pop()
        if not province.endswith(_NOT_SUBJECT_PROVINCES):
            out.append(_Mention(start, end, province, "province"))
    return out


def _city_mentions(
    view: str, districts: list[_Mention], lone: list[tuple[int, int, str]] | None = None
) -> list[_Mention]:
    """Where the text names a prefecture-level city by its whole name (赣州市, 钦州市) by itself: a provincial report's figures
    city by city (其中，赣州市签约项目185个), a city's signing held in another (钦州市在香港…). Not inside a
    longer place name (赣州经开区) nor right before a place of its own (赣州市章贡区, a qualifier)."""
    gaz = gazetteer()
    out = []
    listed_from = -1  # where the city mention found last (reading backwards) starts
    district_starts = {m.start for m in districts}
    for start, end, surface in reversed(_lone_place_names(view, districts) if lone is None else lone):
        entries = gaz.places_named(surface)
        cities = {e.place.canonical for e in entries if e.form == CITY}
        if len(cities) != 1 or any(e.form == PROVINCE for e in entries):
            continue  # 香港, 上海: a province's mention, or a source of investment (香港实际到资…)
        if (
            surface[-1] != next(iter(cities))[-1]
            and not view.startswith(INVESTMENT_VERBS, end)
            and not _COUNT_RIGHT_AFTER.match(view, end)
            and not (end + 1 in (listed_from, *district_starts) and view[end] in _SUMMED_JOINERS)
        ):
            continue  # a short form (青岛, 成都) as often opens a name (青岛某某公司, 成都芯谷) as it names the
            # city; right before a verb of investment (孝感签约4个项目), a count (福州115个, 各2个) or another
            # place so listed (曲靖、玉溪各2个; 海口、儋州、澄迈县) it is the city
        out.append(_Mention(start, end, cities.pop(), "city"))
        listed_from = start
    return out[::-1]


_PROVINCE_OF_REGION = {row["region"]: row["province"] for row in lang.table("province_regions")}
_PROVINCE_REGION = re.compile(lang.alternation(_PROVINCE_OF_REGION))


def _document_province(
    view: str, provinces: list[_Mention], districts: list[District], city: str | None
) -> str | None:
    """The province a document is about: the one it names most, counting the provinces of the districts
    and of the city found and the regions of a province named (苏南, 粤东). A province in brackets after a
    place (中国淮安(上海)城市推介会) is where that place's event is held; a tie goes to the city's province
    when the report names the city again and again where things happen (淮安共签约…，淮安推出…)."""
    votes = Counter(m.canonical for m in provinces if not _bracketed_venue(view, m))
    votes.update(_PROVINCE_OF_REGION[m.group()] for m in _PROVINCE_REGION.finditer(view))
    votes.update(d.province for d in districts for _span in d.spans if d.province)
    entries = gazetteer().places_named(city or "")
    homes = {e.place.province for e in entries if e.form == CITY and e.place.province}
    votes.update(homes)
    ranked = votes.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1] and ranked[1][0] in homes:
        short = city.removesuffix(_CITY_ENDING)
        said = sum(where_things_happen(view, m.start(), m.end()) for m in re.finditer(re.escape(short), view))
        if len(short) >= 2 and said >= CITY_NAMED_OFTEN:
            return ranked[1][0]
    return ranked[0][0] if ranked else None


CITY_NAMED_OFTEN = 3  # times a report names its city where things happen, to win a tie of province votes


def _bracketed_venue(view: str, mention: _Mention) -> bool:
    return (
        mention.start > 1
        and view[mention.start - 1] in lang.chars("opening_brackets")
        and view.startswith(tuple(lang.chars("closing_brackets")), mention.end)
        and "\u4e00" <= view[mention.start - 2] <= "\u9fff"
    )


def _city_elsewhere(view: str, city: str | None, province: str | None) -> bool:
    """A report that speaks of its province as a whole (我省, 全省) and never of a city as a whole (全市),
    about a province the city found lies outside (a provincial round-up naming the place its delegation
    visited or its capital came from): the city is no subject of its figures."""
    if (
        not city
        or not province
        or not _has_any(view, PROVINCE_ANAPHORA)
        or _has_any(view, _city_anaphora(city))
    ):
        return False
    homes = {e.place.province for e in gazetteer().places_named(city) if e.form == CITY and e.place.province}
    return bool(homes) and province not in homes


def _own_province(mentions: list[_Mention], province: str | None) -> list[_Mention]:
    """The mentions of the document's own province: another one named (广东援藏, 浙江客商) is where
    investment comes from, not what the figures are about."""
    return [m for m in mentions if m.canonical == province]


def _strip_words(text: str, words: list[str], *, leading: bool) -> str:
    ends = tuple(words)
    if not (text.startswith(ends) if leading else text.endswith(ends)):
        return text  # the usual case, decided in one call
    while text:  # the longest word first: 件数为 loses 为, then 件数 (not 数, leaving 件)
        word = max(
            (w for w in words if (text.startswith(w) if leading else text.endswith(w))), key=len, default=""
        )
        if not word:
            break
        text = text[len(word) :] if leading else text[: -len(word)]
    return text


def _clause_bounds(sentence: Segment, pos: int) -> tuple[int, int]:
    breaks = _clause_breaks(sentence.text)
    i = bisect_left(breaks, pos - sentence.start)
    start = breaks[i - 1] + 1 if i else 0
    end = breaks[i] if i < len(breaks) else len(sentence.text)
    return sentence.start + start, sentence.start + end


@lru_cache(maxsize=4096)
def _clause_breaks(text: str) -> tuple[int, ...]:
    """Where the clause-breaking characters (one character each) of a sentence stand: each figure of the
    sentence asks for its clause."""
    return tuple(m.start() for m in _CLAUSE_BREAK.finditer(text))


def _noun_after(view: str, end: int) -> str:
    stop = _NOUN_PHRASE_END.search(view, end, end + 24)
    phrase = view[end : stop.start() if stop else min(len(view), end + 16)]
    if stop and stop.group() in _INNER_JOINERS and not phrase.endswith(_JOINED_NOUN_HEADS):
        # 5个航空发动机及航空航天装备项目: 及 joins two kinds inside the noun the count counts
        joined = _NOUN_PHRASE_END.search(view, stop.end(), stop.end() + 16)
        tail = view[stop.end() : joined.start() if joined else stop.end()]
        if tail.endswith(_JOINED_NOUN_HEADS) and not any(ch.isdigit() for ch in tail):
            phrase = view[end : stop.end() + len(tail)]
    return _INSIDE_SUFFIX.sub("", phrase)


_INNER_JOINERS = tuple(lang.data("metric_keywords")["place_list_joiners"])
_JOINED_NOUN_HEADS = tuple(lang.data("metric_keywords")["joined_noun_heads"])


_LISTED_MODIFIERS = re.compile(lang.pattern("metric_keywords", "listed_modifiers"))
_SHARED_NOUN_COUNTS = re.compile(lang.pattern("metric_keywords", "shared_noun_counts"))


def _listed_modifiers_noun(view: str, end: int) -> str:
    """The noun after a list of short modifiers (130个省列、市列重点项目 → 省列、市列重点项目), or ""."""
    listed = _LISTED_MODIFIERS.match(view, end)
    return _INSIDE_SUFFIX.sub("", listed.group()) if listed else ""


_EMPTY_BRACKETS = re.compile(lang.pattern("punctuation", "empty_brackets"))


def _clean_indicator(indicator: str, surfaces: list[str]) -> str:
    """The label without who and when: "今年一季度市北区新落地亿元以上项目" → "新落地亿元以上项目"."""
    for surface in surfaces:
        indicator = indicator.replace(surface, "")
    indicator = _EMPTY_BRACKETS.sub("", indicator)
    for _ in range(2):
        indicator = _TIME_LEAD.sub("", indicator)
        indicator = _strip_words(indicator, LEAD_WORDS + _ANAPHORA + INDICATOR_LEAD_FILLERS, leading=True)
    indicator = indicator.lstrip(_SUMMED_JOINERS + _KW["respective_joiners"])  # what a list of places left
    summed = _SUMMED_PLACES.match(indicator)  # 三地共签约项目 → 签约项目
    if summed and 0 < summed.end() < len(indicator):
        indicator = indicator[summed.end() :]
    indicator = _INDICATOR_FIGURE_TAIL.sub("", indicator)  # …同比分别增长133.5%、114.1%、 → …同比分别增长
    indicator = _strip_words(indicator, [_KW["respectively"], *_KW["rate_indicator_trailers"]], leading=False)
    return " ".join(indicator.split())  # "增长 12.5 %" leaves "增长 "


def _has_any(text: str, words) -> bool:
    """Whether any of `words` occurs in `text` (one regex search: several times faster than a loop of `in`)."""
    words = tuple(words)
    if not words:
        return False
    pattern = _ALTERNATIONS.get(words)
    if pattern is None:
        pattern = _ALTERNATIONS[words] = re.compile("|".join(map(re.escape, words)))
    return pattern.search(text) is not None


_ALTERNATIONS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _number(digits: str) -> float:
    digits = digits.replace(",", "")
    if _TEN_THOUSAND in digits:
        tens_of_thousands, units = digits.split(_TEN_THOUSAND)
        return float(tens_of_thousands) * AMOUNT_UNITS.magnitudes[_TEN_THOUSAND] + float(units)
    return float(digits)


_NEIGHBOURING_NUMERALS = re.compile(lang.pattern("metric_keywords", "neighbouring_numerals"))


def _count_figure(view: str, m: re.Match[str], clause: str, before: str, sentence: str) -> _Figure | None:
    if view[max(0, m.start() - 1) : m.start()] in _KW["ordinal_before"] and not m.group("approx"):
        return None  # ordinal or rank: 第3届, 前10名
    if any(view.startswith(w, m.start("unit")) for w in NOT_COUNTS_AFTER):
        return None
    if m.group("numerals") and view.startswith(NUMERAL_WORDS_NOT_COUNTS, m.start()):
        return None  # 二次创业: secondary, not twice
    if m.group("numerals") and _NEIGHBOURING_NUMERALS.fullmatch(m.group("numerals")):
        return None  # 三四家: three or four, no figure
    after = _listed_modifiers_noun(view, m.end()) or _noun_after(view, m.end())
    total = next(  # 8个招商引资项目: a word of totals modifying the counted noun cuts nothing
        (t for t in _AGGREGATE_WORD.finditer(after, 1) if not after.startswith(ALWAYS_NOUNS, t.end())), None
    )
    if total:  # 9个项目总投资42亿元: the projects are counted, their total is a figure of its own
        after = after[: total.start()]
    if not any(n in after for n in ALWAYS_NOUNS) and (shared := _SHARED_NOUN_COUNTS.match(view, m.end())):
        said = next((n for n in ALWAYS_NOUNS if n in shared.group("last")), None)
        after = shared.group("own") + said if said else after  # 4个省重、…和68个县重项目: 省重项目
    head = _strip_words(before, COUNT_FILLERS, leading=False)
    unit = m.group("unit")
    # 对接企业、商协会等860家: a list closed right before the count holds what it counts
    listed = head.endswith(_KW["list_closer"]) and not after
    items = _LIST_SEPARATOR.split(head.removesuffix(_KW["list_closer"])) if listed else []

    # 12个区县出台…项目政策 counts places; 11个产业链项目 counts projects the word right before the noun types
    fenced = next((w for w in NOT_COUNTED_AFTER_STARTS if after.startswith(w)), None)
    counts_after = fenced is None or after.startswith(ALWAYS_NOUNS, len(fenced))
    noun = next((n for n in ALWAYS_NOUNS if head.endswith(n)), None)
    if noun is None and _has_any(clause, SOURCE_COUNTRY_TOPICS):
        noun = next(
            (n for n in SOURCE_COUNTRY_NOUNS if head.endswith(n) or view.startswith(n, m.end())), None
        )
        after = noun if noun and view.startswith(noun, m.end()) else after
    noun = noun or next((n for n in ALWAYS_NOUNS if counts_after and n in after), None)
    noun = noun or next((n for item in items for n in ALWAYS_NOUNS if item.endswith(n)), None)
    if noun is None and _has_any(clause, INVESTMENT_VERBS):
        noun = next((n for n in VERB_NOUNS if head.endswith(n)), None)
        noun = noun or next((n for n in VERB_NOUNS if counts_after and n in after), None)
        noun = noun or next((n for item in items for n in VERB_NOUNS if item.endswith(n)), None)
    if noun is None and unit in FIRM_UNITS and not _has_any(head + after, FIRM_CENSUS_WORDS):
        # 家 counts firms: what a report counts in 家 is an investment figure with or without a verb
        # (商会共285家, 世界500强企业增至104家, 15家外资融资租赁公司落户新区)
        noun = next((n for n in VERB_NOUNS if n in head or (counts_after and n in after)), None)
        noun = noun or (after if counts_after else None) or _LIST_SEPARATOR.split(head)[-1] or None
    if noun is None and unit in ACTIVITY_UNITS and after.startswith(ACTIVITY_VERBS_AFTER):
        noun = after
    if noun is None and unit in ACTIVITY_UNITS and _has_any(clause, INVESTMENT_VERBS):
        noun = next((n for n in ACTIVITY_NOUNS if head.endswith(n)), None)
    if noun is None or not _has_any(sentence, TOPIC_WORDS):
        return None
    if listed:
        indicator = head.removesuffix(_KW["list_closer"])
    elif (head := _LIST_SEPARATOR.split(head)[-1]).endswith(noun) or noun == after:
        indicator = head if noun != after else (head + after)
    else:
        verb = next((v for v in lang.longest_first(INVESTMENT_VERBS) if v in head), "")
        lead = head if len(head) <= 8 and _KW["list_closer"] not in head else verb
        indicator = lead + after
    value = _count_value(m)
    if value is None:
        return None
    return _Figure(m.start(), m.end(), value, unit, indicator, noun, "count")


def _count_value(m: re.Match[str]) -> float | None:
    if m.group("round"):
        return _ROUND[m.group("round")]
    if m.group("numerals"):
        return chinese_number(m.group("numerals"))
    return _number(m.group("num"))


_CATEGORY_BREAKDOWN = re.compile(lang.pattern("metric_keywords", "category_breakdown"))
_BRACKETED_PART_NOT = re.compile(lang.pattern("metric_keywords", "bracketed_part_not"))
_PART_SEPARATOR = re.compile(lang.pattern("metric_keywords", "part_separator"))
BRACKETED_PART_MAX_CHARS = 16


def _bracketed_part_figure(
    view: str, sentence: Segment, start: int, end: int, value: float | None, unit: str, kind: str
) -> _Figure | None:
    """来自中国内地（842.5亿元）、英属维尔京群岛（720.5亿元）: in a sentence breaking a figure down by source,
    sector or rank, a figure alone in brackets after a part is that part's; after a project or a firm
    (甲项目、乙公司（1亿美元）) it is that one's own sum."""
    if value is None or start < 1 or view[start - 1] not in lang.char_set("opening_brackets"):
        return None
    if view[end : end + 1] not in lang.char_set("closing_brackets"):
        return None
    before = view[sentence.start : start - 1]
    if not _CATEGORY_BREAKDOWN.search(before) or _BRACKETED_PART_NOT.search(before):
        return None
    part = _PART_SEPARATOR.split(before)[-1]
    if markers := list(_CATEGORY_BREAKDOWN.finditer(part)):
        part = part[markers[-1].end() :]  # 集中于|文娱及其他服务业: the part itself
    if not 0 < len(part) <= BRACKETED_PART_MAX_CHARS or not HAN_CHAR.match(part):
        return None
    return _Figure(start, end, value, unit, part, part, kind)


def _in_economy_roundup(before: str, view: str, pos: int) -> bool:
    """Whether the figure at `pos`, said after `before`, is one of a roundup of the whole economy: its
    full stop's sentence, ；-parted clauses kept together, names the economy's own indicators
    (地区生产总值增长2%；固定资产投资增长1.8%)."""
    if not _has_any(before, MACRO_IN_ROUNDUP):
        return False
    start = max(view.rfind(mark, 0, pos) for mark in _FULL_STOPS) + 1
    ends = [at for mark in _FULL_STOPS if (at := view.find(mark, pos)) >= 0]
    return _has_any(view[start : min(ends, default=len(view))], MACRO_ROUNDUP_WORDS)


_FULL_STOPS = tuple(_KW["full_stops"])


def _rate_figure(
    m: re.Match[str],
    before: str,
    sentence: str,
    places_lead: int = 0,
    said_before: str = "",
    clause_before: str = "",
) -> _Figure | None:
    """A rate; `places_lead` is the length of the places `before` opens with (甲区、乙县增幅分别达到…),
    `said_before` what the paragraph and the one before it said before the sentence, `clause_before`
    the clause before the rate's own."""
    multiple = bool(_MULTIPLE_OF.match(before)) and m.group("unit") == _KW["multiple_unit"]
    if not _has_any(before, RATE_WORDS) and not multiple and not _SHARE_OF_PLAN.search(before):
        return None
    own_words = _TIME_LEAD.sub("", _strip_words(before[places_lead:], LEAD_WORDS + _ANAPHORA, leading=True))
    # 其中制造业占41.9%, 其中甲市、乙市占81.9%: a part's share of what its sentence counted
    opener = _KW["breakdown_opener"]
    broken_down = before.startswith(opener) or _CLAUSE_BREAK.sub("", clause_before).strip() == opener
    part_share = broken_down and own_words.endswith(PART_SHARE_ENDINGS)
    elliptical = multiple or own_words.startswith(ELLIPTICAL_RATE_STARTS) or part_share
    if _has_any(before, MACRO_MARKERS) or (elliptical and _has_any(clause_before, MACRO_MARKERS)):
        return None
    if _in_economy_roundup(before, m.string, m.start()):
        return None  # 全社会固定资产投资3330亿元，增长3.8倍: the whole economy's, not investment attraction's
    topic_scope = sentence if elliptical else before
    if not _has_any(topic_scope, RATE_TOPIC_WORDS) and not (
        # 甲区、乙区、其他区县三个层面协调发展，占全市比重分别为23%…, 完成市下达任务100亿的100.2%: a share
        # of what the paragraphs before spoke of (招商引资)
        elliptical
        and (own_words.startswith(SHARE_OF_WHOLE_STARTS) or _SHARE_OF_PLAN.search(before))
        and _has_any(said_before, RATE_TOPIC_WORDS)
        and not _has_any(sentence, RATE_EXCLUDED_WORDS)
    ):
        return None
    if _has_any(before, RATE_EXCLUDED_WORDS):
        return None
    if m.group("numerals"):
        unit, value = m.group("numeral_unit"), chinese_number(m.group("numerals"))
    else:
        unit = "%" if m.group("unit") in _PERCENT_SIGNS else m.group("unit")
        value = _number(m.group("num"))
    indicator = _strip_words(before, _KW["rate_indicator_trailers"], leading=False)
    return _Figure(m.start(), m.end(), value, unit, indicator, indicator, "rate")


_CURRENCY_AS_UNIT = _KW["currency_as_unit"]
# A figure written in 元 whose currency was declared apart (4亿元(美元,下同)) is in that currency's unit; the
# yuan of the renminbi, the New Taiwan, Hong Kong and Macao dollars stay 元, as their places write them.
_YUAN_WORD = lang.data("amount_units")["yuan"]
_CALLED_YUAN = frozenset(["CNY", *AMOUNT_UNITS.local_yuan_markers])
_UNIT_WORD_OF_CURRENCY = {
    code: word for word, code in reversed(AMOUNT_UNITS.currencies.items()) if code not in _CALLED_YUAN
}
_SHARE_OF_PLAN = re.compile(lang.pattern("metric_keywords", "share_of_plan"))
_PROJECTS_IN_AGGREGATE = re.compile(lang.pattern("metric_keywords", "projects_in_aggregate"))
_CHINESE_AMOUNT = re.compile(lang.pattern("metric_keywords", "chinese_amount"))
_AMOUNT_PARTS = re.compile(lang.pattern("metric_keywords", "amount_parts"))


_INDICATOR_REACH = 6  # characters an indicator may end before its amount (实际使用外资 | 约 | 12亿元)


class _Ranked(dict[str, int]):
    """Words → their rank (the first of a repeated word keeps it), and for each last character the
    lengths of the words ending in it: the only substrings worth looking up."""

    def __init__(self, words: list[str]):
        super().__init__((w, rank) for rank, w in reversed(list(enumerate(words))))
        self.lengths_ending_in: dict[str, tuple[int, ...]] = {}  # last character → lengths of its words
        for word in self:
            if word:
                lengths = set(self.lengths_ending_in.get(word[-1], ())) | {len(word)}
                self.lengths_ending_in[word[-1]] = tuple(sorted(lengths))


_STANDALONE_RANK = _Ranked(STANDALONE)
_AGGREGATE_RANK = _Ranked(AGGREGATE)


def _first_ending_near(before: str, ranked: _Ranked) -> str | None:
    """The earliest word of `ranked` (in its order) ending within _INDICATOR_REACH characters of the end of
    `before`: the substrings ending there are looked up, not every word searched for."""
    best: tuple[int, str] | None = None
    for end in range(max(1, len(before) - _INDICATOR_REACH), len(before) + 1):
        for length in ranked.lengths_ending_in.get(before[end - 1], ()):
            if length > end:
                break
            rank = ranked.get(before[end - length : end])
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, before[end - length : end])
    return best[1] if best else None


_CURRENCIES_BEFORE_FIGURE = list(lang.data("amount_units")["currency_before_figure"])


_EACH_PROJECTS_SUM = re.compile(lang.pattern("metric_keywords", "each_projects_sum"))


def _amount_figure(
    view: str, amount: Amount, clause_start: int, sentence: Segment, has_count: bool
) -> _Figure | None:
    figure = _figure_and_unit(amount)
    if figure is None:
        return None  # a bare threshold ("亿元以上项目") is not a reported figure
    value, unit = figure
    start, end = amount.start or 0, amount.end or 0
    window = view[end : end + 8]
    tail = _strip_words(window, list(AMOUNT_UNITS.after), leading=True)
    tail_start = end + len(window) - len(tail)
    if tail.startswith(tuple(_KW["threshold_after"])) or _THRESHOLD_PROJECTS.match(tail):
        return None  # a threshold: 10亿元以上项目
    if _is_condition(view, start, end):
        return None
    if _in_range(view, start, tail):
        return None
    single_project = (
        tail.startswith(_KW["attributive"])
        and not _COUNTED_AFTER_ATTRIBUTIVE.match(tail)
        and not (
            _opens_clause_with_its_indicator(view[clause_start:start])
            and _LIST_AFTER_ATTRIBUTIVE.match(view, tail_start)
        )
    )
    before = _TRAILING_NOTE.sub("", view[clause_start:start])
    if _EACH_PROJECTS_SUM.search(before):
        return None  # 14个项目投资额过10亿元, 总投资额均过5亿元: the size of each, no total
    if _has_any(before, MACRO_MARKERS) or _in_economy_roundup(before, view, start):
        return None
    if not before.endswith(tuple(STANDALONE)):  # 成功签约32.89亿元: 约 ends a word, it is no 约 (about) here
        # 总投资人民币5亿元, 总计投资新台币2兆6,218亿元: the currency named before the figure, then qualifiers
        before = _strip_words(before, [*AMOUNT_UNITS.before, *_CURRENCIES_BEFORE_FIGURE], leading=False)
    indicator = _first_ending_near(before, _STANDALONE_RANK)
    if (
        indicator is None
        and tail.startswith(_BARE_INVESTMENT)
        and _CLAUSE_END_AFTER.match(tail, len(_BARE_INVESTMENT))
    ):  # 吸引1701家企业超过2兆5690亿元投资。: the sum written before its noun closes the clause
        indicator = _BARE_INVESTMENT
    if indicator is None and _signed_sum(view[clause_start:start], tail):
        indicator = _SIGNED_SUM["indicator"]
    if indicator is None:
        indicator = _first_ending_near(before, _AGGREGATE_RANK)
        if (
            indicator is None
            and has_count
            and before.endswith(_BARE_INVESTMENT)
            and _CLAUSE_END_AFTER.match(tail)
        ):
            indicator = _BARE_INVESTMENT
        aggregate = (
            has_count
            or _has_any(view[_list_start(view, sentence.start, start) : end], AGGREGATE_MARKERS)
            or bool(_PROJECTS_IN_AGGREGATE.search(before))
        )
        if single_project:
            return None
        if indicator is None or not aggregate:
            indicator = _ranking_indicator(view, sentence.start, start)
            if indicator is None and _leads_a_ranking(view, clause_start, start, end):
                indicator = _measure_said(view, sentence.start, start)
            if indicator is None:
                return None
        if indicator == _FUNDS and before[: before.rfind(_FUNDS)].endswith(_PUBLIC_FUNDS_BEFORE):
            return None  # 专债资金6亿元: the state's funds, not capital attracted
        if _KW["respectively"] in before and _NAMED_PROJECTS.search(view, sentence.start, clause_start):
            return None  # 签约了甲项目、乙项目，总投资分别为8.6亿元、5.2亿元: each project's own
    return _Figure(start, end, value, unit, indicator, indicator, "amount")


def _opens_clause_with_its_indicator(before: str) -> bool:
    """Whether only a sum's indicator stands before it in its clause (，总投资122.05亿元的…): no firm investing
    it and no earlier item of a list, each with its own sum; a qualifier (总投资超|45亿元) may stand between."""
    before = _strip_words(before, list(AMOUNT_UNITS.before), leading=False)
    return any(
        before.endswith(indicator) and len(before) - len(indicator) <= INDICATOR_QUALIFIER_CHARS
        for indicator in AGGREGATE
    )


INDICATOR_QUALIFIER_CHARS = 3  # 计划总|投资金额: words qualifying the indicator before it


_RANKING_HEAD = re.compile(
    f"(?:{lang.alternation(_KW['ranking_heads'])}|{_KW['ranking_top_n']})[^{lang.chars('sentence_ends')}]*?"
    f"(?:{lang.alternation(_KW['ranking_list_openers'])})[{lang.chars('colons')}]?"
)
_INDICATORS = lang.longest_first([*STANDALONE, *AGGREGATE])
RANKING_LOOKBACK = 2  # sentences: the ranking's own head, else the sentence before it says what is ranked


def _ranking_indicator(view: str, sentence_start: int, pos: int) -> str | None:
    """The measure of a ranking whose leaders the sum at `pos` is one of (总投资排在前三位的功能区是甲区40亿元、
    乙区30亿元; …到位资金…。排名前五的产业链为：甲(17亿元)、…): said in its head, else in the sentence before."""
    head = next((m for m in _RANKING_HEAD.finditer(view, sentence_start, pos)), None)
    if head is None or _CLAUSE_BREAK.search(view, head.end(), pos):
        return None  # the leaders run as one list (甲区40亿元、乙区30亿元), no clause of their own between
    if _has_any(view[sentence_start : head.start()], (*MACRO_MARKERS, *RATE_EXCLUDED_WORDS)):
        return None  # 生产总值排名前三的区是…: the economy ranked, not investment
    return _measure_said(view, sentence_start, head.start())


def _measure_said(view: str, sentence_start: int, until: int) -> str | None:
    """The last indicator said from the sentence before `sentence_start`'s up to `until`."""
    said_from = sentence_start
    for _ in range(RANKING_LOOKBACK - 1):
        said_from = max(view.rfind(end, 0, max(0, said_from - 1)) for end in _SENTENCE_ENDS) + 1
    said = view[said_from:until]
    found = [(said.rfind(word) + len(word), len(word), word) for word in _INDICATORS if word in said]
    return max(found)[2] if found else None


_RANKING_LEADER = re.compile(lang.pattern("metric_keywords", "ranking_leader"))
_RANKING_TOP = re.compile(lang.pattern("metric_keywords", "ranking_top"))


def _leads_a_ranking(view: str, clause_start: int, start: int, end: int) -> bool:
    """以日本8.3亿美元(占36.8%)最多, 以金融及保险业14.7亿美元居首: the sum of the leader of a ranking."""
    return bool(_RANKING_LEADER.search(view, clause_start, start)) and bool(_RANKING_TOP.match(view, end))


_SIGNED_SUM = _KW["signed_sum"]
_BARE_INVESTMENT = _KW["bare_investment"]
_CLAUSE_END_AFTER = re.compile(lang.pattern("metric_keywords", "clause_end_after"))
_SIGNED_SUM_VERBS = tuple(_SIGNED_SUM["verbs"])


def _signed_sum(before: str, tail: str) -> bool:
    """An amount right after the verb of signing (一季度签约42亿元, 6个项目签约逾46亿元) is the sum signed,
    unless it qualifies a project after it (签约10亿元的项目, 签约20亿元项目)."""
    if tail.startswith((_KW["attributive"], *ALWAYS_NOUNS)):
        return False
    if before.endswith(_SIGNED_SUM_VERBS):
        return True
    qualifier = next((q for q in AMOUNT_UNITS.before if before.endswith(q)), "")
    return bool(qualifier) and before.removesuffix(qualifier).endswith(_SIGNED_SUM_VERBS)


_FUNDS = _KW["funds"]
_PUBLIC_FUNDS_BEFORE = tuple(_KW["public_funds_before"])
_ONE_NAMED_PROJECT = re.compile(lang.pattern("metric_keywords", "one_named_project"))
_PERSPECTIVE = re.compile(lang.pattern("metric_keywords", "perspective"))
_PERSPECTIVE_AMONG = re.compile(lang.pattern("metric_keywords", "perspective_among"))
_COUNT_RIGHT_AFTER = re.compile(lang.pattern("metric_keywords", "count_right_after"))
_PARALLEL_HEAD_MAX = _KW["parallel_head_max"]


CONVERTED_TO = tuple(_KW["converted_to"])
_CONVERSION_GAP = 2  # characters between a sum and its conversion (，)


def _borrowed_amount(
    view: str,
    amount: Amount,
    clause_start: int,
    sentence: Segment,
    figures: list[_Figure],
    after_place: bool = False,
    place_head: bool = False,
) -> _Figure | None:
    """An amount whose clause names no indicator of its own but takes one from its sentence:
    a parallel clause (到位内资86.2亿元，外资1.3亿美元), a perspective (从合同外资看，我省服务业373亿元),
    a respectively list after its indicator (实际使用外资位居前三位，分别为16.13亿美元、…), `after_place`,
    a place's share in a breakdown (实际到位资金120亿元，其中甲区40亿元、乙区30亿元) or, `place_head` (the
    clause is a place and the amount), the next item of a per-place list (甲区实际使用外资1.6亿美元，乙区0.9亿美元)."""
    parts = _figure_and_unit(amount)
    start, end = amount.start or 0, amount.end or 0
    tail = _strip_words(view[end : end + 8], list(AMOUNT_UNITS.after), leading=True)
    if parts is None or tail.startswith(_KW["attributive"]) or _in_range(view, start, tail):
        return None
    if tail.startswith(tuple(_KW["threshold_after"])) or _THRESHOLD_PROJECTS.match(tail):
        return None
    if _is_condition(view, start, end):
        return None
    head = _strip_words(view[clause_start:start], list(AMOUNT_UNITS.before), leading=False)
    listed = [f for f in figures if f.kind == "amount" and clause_start <= f.start and f.end < start]
    if (
        listed and view[listed[-1].end] in _SUMMED_JOINERS
    ):  # 到位内资56亿元、外资2.1亿美元: an item of its own
        head = _strip_words(view[listed[-1].end + 1 : start], list(AMOUNT_UNITS.before), leading=False)
    stripped = _strip_words(head, COUNT_FILLERS, leading=False)
    # 分别为… opening the clause or right before the figure, after the places it pairs the figures with
    # (甲区、乙区分别为0.5亿美元、0.7亿美元; not 分别奖励300万元: a verb of its own)
    respectively = head.startswith(_KW["respectively"]) or _KW["respectively"] in head[len(stripped) :]
    head = stripped
    said = view[sentence.start : start]
    indicator = None
    counted_right_before = any(
        f.kind == "count" and clause_start <= f.start and f.end == start for f in figures
    )
    if counted_right_before:  # 签约项目325个1617亿元: the sum of the projects just counted
        indicator = _KW["counted_sum_indicator"]
    elif respectively:  # the indicator said last, in its longest form (实际使用外资, not 使用外资)
        at = max(((said.rfind(w) + len(w), len(w), w) for w in STANDALONE if w in said), default=None)
        indicator = at[2] if at else None
    elif (perspective := _last_perspective(said)) is not None:
        indicator = head + perspective
    else:
        amounts_before = [f for f in figures if f.kind == "amount" and f.end <= start]
        broken_down = [f for f in amounts_before if f.end <= clause_start]
        if broken_down and after_place and _opens_breakdown(view, sentence.start, clause_start):
            indicator = broken_down[-1].indicator
        elif broken_down and place_head and broken_down[-1].kind == "amount":
            earlier = broken_down[-1]
            _, earlier_clause_end = _clause_bounds(sentence, earlier.start)
            if not _CLAUSE_BREAK.search(view, earlier_clause_end + 1, clause_start):
                indicator = earlier.indicator
        elif amounts_before and len(head) <= _PARALLEL_HEAD_MAX:
            earlier = amounts_before[-1]
            _, earlier_clause_end = _clause_bounds(sentence, earlier.start)
            if not _CLAUSE_BREAK.search(view, earlier_clause_end + 1, clause_start) and (
                not head or _has_any(head, TOPIC_WORDS)
            ):
                indicator = head or earlier.indicator
            elif head.startswith(CONVERTED_TO) and earlier.end >= clause_start - _CONVERSION_GAP:
                indicator = earlier.indicator + head  # 投资总额54.4亿美元，折合人民币343亿元: the sum again

    if not indicator:
        return None
    return _Figure(start, end, parts[0], parts[1], indicator, indicator, "amount")


_CONDITION_BEFORE = re.compile(lang.pattern("metric_keywords", "condition_before"))
_CONDITION_AFTER = re.compile(lang.pattern("metric_keywords", "condition_after"))


def _is_condition(view: str, start: int, end: int) -> bool:
    """An amount a rule asks for, not one reached: 投资总额必须达到1亿元以上, 投资8亿元以上的…,
    （含3亿元）."""
    return bool(_CONDITION_BEFORE.search(view, max(0, start - 8), start) or _CONDITION_AFTER.match(view, end))


def _last_perspective(said: str) -> str | None:
    topics = [m.group("topic") for m in _PERSPECTIVE.finditer(said)]
    if topics:
        return next((w for w in STANDALONE if w in topics[-1]), None)
    return None


_RANGE_JOINERS = tuple(_KW["range_joiners"])
_ROUND_NUMBERS = {word: AMOUNT_UNITS.magnitudes[word] for word in _KW["round_numbers_before_magnitude"]}


def _in_range(view: str, start: int, tail: str) -> bool:
    """An end of a range (5000万元至1亿元, 1-3亿元): the amount is followed by a joiner and a number, or
    preceded by a number and a joiner."""
    for joiner in _RANGE_JOINERS:
        if tail.startswith(joiner) and tail[len(joiner) : len(joiner) + 1].isdigit():
            return True
        if view.endswith(joiner, 0, start) and view[start - len(joiner) - 1 : start - len(joiner)].isdigit():
            return True
    return False


_BELOW_TRILLION = re.compile(
    rf"{re.escape(AMOUNT_UNITS.trillion)}[\d,.{lang.chars('positional_digits')}]+(?P<mag>[{''.join(AMOUNT_UNITS.magnitudes)}])"
)


_NUMERAL_CHARS = "".join(AMOUNT_UNITS.magnitudes) + lang.chars("digits") + lang.chars("zero")
_WRITTEN_CURRENCY = re.compile(rf"[^\d.,{_NUMERAL_CHARS}]*$")
_LARGE_MAGNITUDES = "".join(c for c, v in AMOUNT_UNITS.magnitudes.items() if v >= 10_000)
# 260亿129万5千元, 114亿4,023万4,000元: below its largest magnitude, a figure down to the yuan
_EXACT_TO_THE_YUAN = re.compile(
    rf"[{_LARGE_MAGNITUDES}](?:\d+[{''.join(c for c, v in AMOUNT_UNITS.magnitudes.items() if v < 10_000)}]"
    rf"|\d{{1,3}}(?:,\d{{3}})*)[^\d.,{_NUMERAL_CHARS}]*$"
)


def _figure_and_unit(amount: Amount) -> tuple[float, str] | None:
    """The number as written and its unit: "4934.3亿元" → (4934.3, "亿元"), "一百二十亿元" → (120, "亿元")."""
    figure = _figure_and_written_unit(amount)
    if figure is None or amount.currency not in _UNIT_WORD_OF_CURRENCY or not figure[1].endswith(_YUAN_WORD):
        return figure
    written = figure[1]
    if written.endswith(currency_words(amount.currency)):
        return figure
    return figure[0], written.removesuffix(_YUAN_WORD) + _UNIT_WORD_OF_CURRENCY[amount.currency]


def _figure_and_written_unit(amount: Amount) -> tuple[float, str] | None:
    text = halfwidth(amount.text)
    below_trillion = _BELOW_TRILLION.search(text)
    if below_trillion:  # 3兆2,150亿元: in units of the magnitude below, 32150亿元
        magnitude = below_trillion.group("mag")
        currency = text[below_trillion.end() :].strip()
        unit = magnitude + _CURRENCY_AS_UNIT.get(currency, currency)
        return round(amount.value / AMOUNT_UNITS.magnitudes[magnitude], 6), unit
    currency = _WRITTEN_CURRENCY.search(text).group().strip()
    if _EXACT_TO_THE_YUAN.search(text):  # 260亿129万5千元, 36亿5千元: a figure exact to the yuan, in yuan
        return amount.value, _CURRENCY_AS_UNIT.get(currency, currency)
    two = TWO_MAGNITUDES.search(text)
    if two:  # 1亿5000万元, 十二亿五千万元: in units of the larger magnitude, 1.5亿元
        largest = text[two.start()]
        return round(amount.value / AMOUNT_UNITS.magnitudes[largest], 6), largest + _CURRENCY_AS_UNIT.get(
            currency, currency
        )
    parts = _AMOUNT_PARTS.match(text)
    if parts:
        unit = parts.group("mag") + _CURRENCY_AS_UNIT.get(parts.group("cur"), parts.group("cur"))
        return float(re.sub(r"[,\u2009\u202f]", "", parts.group("num"))), unit
    chinese = _CHINESE_AMOUNT.match(text)
    if not chinese:
        return None
    if not chinese.group("num").strip("".join(AMOUNT_UNITS.magnitudes)):
        # 超百亿元: a round hundred or thousand of the magnitude after it is a figure; 亿元 alone is not
        if chinese.group("num") not in _ROUND_NUMBERS or not chinese.group("mag"):
            return None
        return float(_ROUND_NUMBERS[chinese.group("num")]), chinese.group("mag") + chinese.group("cur")
    magnitude = math.prod(AMOUNT_UNITS.magnitudes[c] for c in chinese.group("mag"))
    currency = _CURRENCY_AS_UNIT.get(chinese.group("cur"), chinese.group("cur"))
    return round(amount.value / magnitude, 6), chinese.group("mag") + currency


def _subject(
    pos: int,
    clause_start: int,
    mentions: list[_Mention],
    view: str,
    city: str | None,
    paragraph_start: int | None = None,
    province: str | None = None,
    said_from: int | None = None,
    venue: str | None = None,
    sole_county: str | None = None,
    enumerations: list[_Enumeration] = (),
) -> str | None:
    """The district a figure is about, when its paragraph tells: `mentions` are those of the paragraph,
    `.leads` telling whether the mention starts its clause (its subject rather than a name in passing);
    with `said_from`, only places named from there on (a work report: its sentence's own); `venue`, the place
    the figure's clause says it was signed or settled at (`_venue_after`), when no place leads."""
    before = [m for m in mentions if m.end <= pos and (said_from is None or m.start >= said_from)]
    named_in_clause = any(clause_start <= m.start for m in before)
    clause_before = "" if named_in_clause else _drop_object_anaphora(view[clause_start:pos])
    if _has_any(clause_before, COUNTY_ANAPHORA):  # 全县: the last county, not a new area named since
        near = [m for m in before if m.kind == "county"]
        if near:
            return near[-1].canonical
    if _has_any(clause_before, DISTRICT_ANAPHORA):
        near = [m for m in before if m.kind in _ADMIN_KINDS and m.kind != "county_city"]
        if near:
            return near[-1].canonical
        if sole_county and _has_any(clause_before, COUNTY_ANAPHORA):
            return sole_county  # 该县 before the county is named in full: the one county the report names
    if _has_any(clause_before, COUNTY_CITY_ANAPHORA):
        near = [m for m in before if m.kind == "county_city"]
        if near:
            return near[-1].canonical
    whole = _whole_named(clause_before, city, province)
    if whole:
        return whole
    if city and _COLLECTIVE_LISTED.search(view, clause_start, pos):
        return city  # 各县（市、区）、某产业园达成签约项目30个: every county and the park too, the city's
    modified = [
        m
        for m in before
        if m.start >= clause_start
        and view[m.start - 1 : m.start] == _KW["modified_by"]
        # 212.9亿元的甲开发区A项目、乙县B项目等80个项目: the place opens the list's first item
        and not any(
            m.start < e.first_separator and e.closer < pos and e.start <= m.start for e in enumerations
        )
    ]
    if modified:  # 肥西县与合肥经开区共建的肥西…产业园新入驻企业14家: the park is what is spoken of
        return modified[-1].canonical
    owner = next(
        (
            m
            for m in reversed(before)
            if m.start >= clause_start and not m.listed and _owns_the_figure(view, m.end, pos)
        ),
        None,
    )
    if owner is not None:  # 签约仪式上平房区(哈经开区)的50个重点项目: the place whose figure it is
        return owner.canonical
    if city and _closes_a_list_over_places(view, pos, before, enumerations):
        return _container_of_list(view, pos, before, city, province)
    before = [m for m in before if not m.enumerated]
    leading = [
        m
        for m in before
        if m.leads and not m.listed and (m.until is None or pos < m.until) and not _listed_with_all(view, m)
    ]
    if venue and not any(m.start >= clause_start for m in leading):
        return venue  # the figure's own clause says where, an earlier sentence's place gives way
    if leading:  # in the sentence or, failing that, earlier in the paragraph
        return leading[-1].canonical
    # (a work report's sentence speaks for itself: only its own words can name the city)
    if (
        city
        and paragraph_start is not None
        and _city_leads(view, said_from or paragraph_start, pos, city, mentions)
    ):
        return city  # 天津市…开工活动在滨海新区主会场举行，西青区、武清区…设分会场。此次开工项目157个
    passing = [
        m
        for m in before
        if not m.respective
        and not (
            city
            and m.canonical != city
            and view.endswith(_HELD_IN, 0, m.start)
            and _HELD_AT.match(view, m.end)
        )
        and (m.until is None or pos < m.until)
        and not (m.listed and _has_any(view[m.end : pos], _SEMICOLONS))
        and not _owns_listed_items(view, m)
        and not _listed_with_all(view, m)
    ]  # 甲区、乙县、丙县各3个；投资类项目9个: a list of places in an earlier clause gave its own counts
    if passing:
        return passing[0].canonical
    return None


_OWNS_THE_FIGURE = re.compile(lang.pattern("metric_keywords", "owns_the_figure"))


def _owns_the_figure(view: str, end: int, pos: int) -> bool:
    """A place right before 的 and the figure (平房区的50个, 某区(某开发区)的50个): the figure is the place's."""
    return _OWNS_THE_FIGURE.fullmatch(view, end, pos) is not None


# 仪式在禹城市某项目现场举行: the place where an event is held, in passing, is no subject of the city's figures
_HELD_IN = tuple(_KW["held_in"])
_HELD_AT = re.compile(lang.pattern("metric_keywords", "held_at"))
COLLECTIVE_REACH = 16  # characters between 各县（市、区）、 and a place listed with them


def _listed_with_all(view: str, mention: _Mention) -> bool:
    """各县（市、区）、某产业园(某高新区): a place listed after every county speaks with them, of the city."""
    if _COUNTED_DIVISIONS_JOINED.search(view, max(0, mention.start - COLLECTIVE_REACH), mention.start):
        return True  # 全省12个市及沈抚示范区
    start = max(0, mention.start - COLLECTIVE_REACH)
    found = [m for m in _COLLECTIVE_LISTED.finditer(view, start, mention.start)]
    return bool(found) and not _has_any(view[found[-1].end() : mention.start], _SENTENCE_ENDS)


def _owns_listed_items(view: str, mention: _Mention) -> bool:
    """分别是某开发区的甲项目、乙项目: a place named as the owner of the items a figure is made of."""
    return view.startswith(_KW["modified_by"], mention.end) and view.endswith(
        tuple(_KW["items_openers"]), 0, mention.start
    )


_SEPARATOR = lang.chars("list_separator")
_SEMICOLONS = tuple(lang.chars("semicolons"))
_SENTENCE_ENDS = (*lang.chars("sentence_ends"), "\n")


@dataclass(frozen=True)
class _Enumeration:
    """A list a count or a head noun closes (甲、乙等27个项目, 甲、乙等项目): its clause's start, the first
    item separator and where the closer stands."""

    start: int
    first_separator: int
    closer: int

    def holds(self, view: str, start: int, end: int) -> bool:
        """Whether `view[start:end]` lies inside an item: after the first separator, or in the first item
        when no verb of investment between it and the separator makes it the list's subject."""
        if not (self.start <= start and end <= self.closer):
            return False
        return start > self.first_separator or not _has_any(
            view[end : self.first_separator], INVESTMENT_VERBS
        )


def _enumerations(view: str) -> list[_Enumeration]:
    """The lists in `view` that a count (等27个项目) or, with no count, a head noun (等项目) closes; a list
    of one named item (甲县与某某集团等12家企业) starts after the word joining it to its partner."""
    closer = _KW["list_closer"]
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(view)] + [i for i, c in enumerate(view) if c == "\n"]
    breaks.sort()
    out: list[_Enumeration] = []
    at = view.find(closer)
    while at >= 0:
        after = at + len(closer)
        if _COUNT.match(view, after) or _UNCOUNTED_LIST_HEAD.match(view, after):
            i = bisect_right(breaks, at) - 1
            start = breaks[i] + 1 if i >= 0 else 0
            first_separator = view.find(_SEPARATOR, start, at)
            if first_separator >= 0:
                out.append(_Enumeration(start, first_separator, at))
            elif (joiner := _last_at(view[start:at], _SINGLE_ITEM_AFTER)) >= 0:
                # 甲县与某某集团等12家企业: one item named, after the party it is joined to
                out.append(_Enumeration(start + joiner + 1, start + joiner, at))
        at = view.find(closer, at + 1)
    return out


def _mark_enumerated(view: str, mentions: list[_Mention], enumerations: list[_Enumeration]) -> list[_Mention]:
    """Mark the places named inside the items of an enumeration (甲市某酒店、乙县某工程等27个项目): each is
    part of an item's name, not the subject of a figure. A place before the first item's verb (甲区引进A、B
    等5个项目) heads the list and stays a subject."""
    enumerated = {
        m.start
        for e in enumerations
        for m in mentions
        if e.start <= m.start
        and m.end <= e.closer
        and (m.start > e.first_separator or _opens_first_item(view, m, e.first_separator))
    }
    return [replace(m, enumerated=True) if m.start in enumerated else m for m in mentions]


def _opens_first_item(view: str, mention: _Mention, first_separator: int) -> bool:
    """A division's name glued to the first item (甲市某某置业开发、…) is the item's own prefix; a park's
    (某工业园某某光伏项目、…) says where the items stand, and a verb after the place (甲区引进A、B) makes it
    the list's subject."""
    if mention.kind not in (*_ADMIN_KINDS, *_WHOLE_KINDS):
        return False
    return not _has_any(view[mention.end : first_separator], INVESTMENT_VERBS)


def _container_of_list(view: str, pos: int, before: list[_Mention], city: str, province: str | None) -> str:
    """甲市某县A项目、乙州某市B项目等234个项目: a list over places of several cities counts the province's
    projects, not the report's city's."""
    sentence_start = max(view.rfind(end, 0, pos) for end in _SENTENCE_ENDS) + 1
    cities = {m.city for m in before if m.start >= sentence_start and m.city}
    return province if province and len(cities) > 1 else city


def _closes_a_list_over_places(
    view: str, pos: int, before: list[_Mention], enumerations: list[_Enumeration] = ()
) -> bool:
    """甲区A项目、乙县B项目、丙区C项目等14个项目: a count closing a list whose items open with places of
    their own counts the whole list, not the last item's place; a list that starts past the last place
    (甲县与某某集团等12家企业) is one of firms."""
    if not before:
        return False
    closing = [e for e in enumerations if before[-1].end <= e.closer < pos]
    if closing and before[-1].start < closing[-1].start:
        return False
    sentence_start = max(view.rfind(end, 0, pos) for end in _SENTENCE_ENDS) + 1
    in_sentence = [m for m in before if m.start >= sentence_start]
    # places listed next to each other (深圳、苏州等地) are one item; places each opening an item of their
    # own (甲区A项目、乙区B项目) are what the list is over
    adjacent = {
        m.start
        for a, b in zip(in_sentence, in_sentence[1:], strict=False)
        if b.start - a.end <= 1
        for m in (a, b)
    }
    places = {m.canonical for m in in_sentence if m.start not in adjacent}
    closer = view.rfind(_KW["list_closer"], before[-1].end, pos)
    if len(places) < 2 or closer < 0:
        return False
    # a list whose clause opens past the last place (甲县与…签约，项目涉及A、B等领域) is of other things
    breaks = [b.start() for b in _CLAUSE_BREAK.finditer(view, before[-1].end, closer)]
    return not breaks


def _listed_together(view: str, mentions: list[_Mention]) -> set[int]:
    """Starts of the mentions in a list of places (西青区、武清区、东丽区)."""
    out = {
        m.start
        for m in mentions
        if view[m.end : m.end + 1] == _SEPARATOR or view[m.start - 1 : m.start] == _SEPARATOR
    }
    for a, b in zip(mentions, mentions[1:], strict=False):
        if b.start - a.end == 1 and view[a.end] in _KW["place_list_joiners"]:
            out |= {a.start, b.start}
    return out


def _city_leads(view: str, paragraph_start: int, pos: int, city: str, mentions: list[_Mention]) -> bool:
    """The paragraph opens a clause with the city's name before `pos` (天津市2024年…, 全市…), not as a
    part of a district's name (长沙县) nor before one it qualifies (石家庄市元氏县)."""
    names = tuple(filter(None, {city, city.removesuffix(_CITY_ENDING)}))
    for m in re.finditer("|".join(map(re.escape, names)), view[paragraph_start:pos]):
        at, end = paragraph_start + m.start(), paragraph_start + m.end()
        if any(d.start < end and at < d.end or d.start == end for d in mentions):
            continue
        if _REGION_AFTER_CITY.match(view, end):
            continue  # 沈阳现代化都市圈到资…: a region of several cities
        if (
            at == paragraph_start
            or view[at - 1] in _KW["clause_openers"]
            or _TIME_LEAD.match(view, at - 6, at)
        ):
            return True
    return False


def _last_named(mentions: list[_Mention], canonical: str, pos: int) -> int:
    return max((m.start for m in mentions if m.canonical == canonical and m.end <= pos), default=-1)


def _last_at(text: str, words) -> int:
    """Where the last occurrence of any of `words` starts in `text`, or -1 (`max(text.rfind(w) for w in
    words)` in one regex match: the greedy run stops at the last place a word starts)."""
    words = tuple(words)
    if not words:
        return -1
    pattern = _LAST_OCCURRENCE.get(words)
    if pattern is None:
        pattern = _LAST_OCCURRENCE[words] = re.compile(f"(?s:.*)(?={'|'.join(map(re.escape, words))})")
    found = pattern.match(text)
    return found.end() if found else -1


_LAST_OCCURRENCE: dict[tuple[str, ...], re.Pattern[str]] = {}


def _speaking_as_its_region(
    view: str, province: str | None, mentions: list[_Mention]
) -> tuple[str, dict[str, str]]:
    """An autonomous region's report speaks of itself as 全区/我区 (2021年全区新签约项目…), as a province's
    does as 全省: read so where the report names no district (区) of its own that the words could mean, and
    never says 全省 itself. Returns the view and the words to put back in what is quoted from it."""
    words = _KW["region_self_reference"]
    if (
        not province
        or not province.endswith(_REGION_ENDING)
        or any(m.kind == "district" for m in mentions)
        or _has_any(view, tuple(words.values()))
    ):
        return view, {}
    for region_word, province_word in words.items():
        view = view.replace(region_word, province_word)
    return view, {province_word: region_word for region_word, province_word in words.items()}


def _as_written(label: str, spoken_as: dict[str, str]) -> str:
    """A label quoted from a view read as its province (see _speaking_as_its_region), in the report's words."""
    for province_word, region_word in spoken_as.items():
        label = label.replace(province_word, region_word)
    return label


def _city_anaphora(city: str | None) -> tuple[str, ...]:
    """全市, 我市, and for a city not called 市 the words of its kind (全州 for an autonomous prefecture)."""
    endings = _KW["city_anaphora_by_ending"]
    own = next((words for ending, words in endings.items() if city and city.endswith(ending)), [])
    return CITY_ANAPHORA + tuple(own)


def _whole_named(
    text: str, city: str | None, province: str | None, *, collective: bool = False
) -> str | None:
    """The city or the province `text` speaks of as a whole (全市, 我省), the one named last; with
    `collective`, the districts all at once (各区县) stand for the city too."""
    city_words = _city_anaphora(city)
    city_words = city_words + COLLECTIVE_MARKERS if collective else city_words
    province_words = PROVINCE_ANAPHORA + PROVINCE_COLLECTIVE_MARKERS if collective else PROVINCE_ANAPHORA
    at_city = _last_at(text, city_words) if city else -1
    at_province = _last_at(text, province_words) if province else -1
    if province and province.endswith(_REGION_ENDING):
        at_province = max([at_province, *(m.start() for m in _REGION_ANAPHORA.finditer(text))])
    if at_city < 0 and at_province < 0:
        return None
    if at_province == at_city and text.startswith(PROVINCE_COLLECTIVE_MARKERS, at_province):
        return province  # 各地市 holds 各地: the cities all at once stand for the province
    return province if at_province > at_city else city


def _may_name_a_whole(paragraph: str, city: str | None, province: str | None) -> bool:
    """Whether some beginning of `paragraph` can speak of the city or province as a whole (what
    `_whole_named(_drop_object_anaphora(beginning), …, collective=True)` finds): never when the paragraph
    holds none of the words and no object anaphor whose removal could join two pieces into one."""
    return (
        _has_any(paragraph, _OBJECT_ANAPHORA)
        or _whole_named(paragraph, city, province, collective=True) is not None
    )


def _sentence_whole(
    view: str,
    start: int,
    pos: int,
    mentions: list[_Mention],
    city: str | None,
    province: str | None,
    enumerations: list[_Enumeration] = (),
) -> str | None:
    """The city or province the sentence so far speaks of as a whole, naming no district
    (全市, 苏州全市, 力争成都全年…, 全省新设…); the city's short name inside a listed item's name
    (甲市某某纺织、…等6个项目) does not."""
    if any(start <= m.start < pos for m in mentions):
        return None
    said = _drop_object_anaphora(view[start:pos])
    whole = _whole_named(said, city, province)
    if whole:
        return whole
    short = city.removesuffix(_CITY_ENDING) if city else ""
    said = _BRACKETED.sub("", said)  # 某某(福州)机械有限公司: a place in brackets is part of a company's name
    if len(short) < 2 or short not in said:
        return None
    places = (start + m.start() for m in re.finditer(re.escape(short), view[start:pos]))
    named_alone = any(
        not any(e.holds(view, at, at + len(short)) for e in enumerations)
        and not _REGION_AFTER_CITY.match(view, at + len(short))  # 沈阳现代化都市圈: a region of cities
        for at in places
    )
    return city if named_alone else None


def _headline_province_alone(view: str, province: str, city: str | None, mentions: list[_Mention]) -> bool:
    """广西重金吸引海内外投资 … 中新社南宁6月3日电 … 广西共奖励南宁、柳州等8个设区市: the headline names the
    province, and the city only the dateline or a list of the province's cities does."""
    title = next(iter(paragraphs(view)), None)
    if title is None or not any(
        m.canonical == province and title.start <= m.start < title.end for m in mentions
    ):
        return False
    return not any(m.canonical == city and m.kind == "city" and not m.enumerated for m in mentions)


def _province_leads_until(
    view: str,
    city: str | None,
    province: str | None,
    mentions: list[_Mention],
    city_mentions: list[_Mention] = (),
    enumerations: list[_Enumeration] = (),
) -> int:
    """Up to where a report that opens with its province (a provincial fair, 全省…) and names its city
    only later speaks of the province: the figures before the city is named are the province's (its name
    inside a listed item's name, 甲市某某纺织、…等6个项目, does not count). 0 when the opening lines name no
    province or the city is named first."""
    if not city or not province:
        return 0
    opening = next(iter(paragraphs(view)), None)
    if opening is None or not any(
        m.canonical == province and m.end <= max(opening.end, OPENING_LINES) for m in mentions
    ):
        return 0
    names = {city, city_short(city) or city}
    dateline = _DATELINE_LEAD.match(view, opening.start)
    named = [
        m.start()
        for m in re.finditer("|".join(map(re.escape, names)), view)
        if not any(e.holds(view, m.start(), m.end()) for e in enumerations)
        # 人民网西宁7月22日电, 在西宁开幕: where the report was filed or the fair held, not what it is about
        and not (dateline and m.end() <= dateline.end())
        and not view.endswith(_HELD_IN, 0, m.start())
    ][:1]
    named += [
        m.start for m in city_mentions if m.canonical == city
    ]  # 黔西南州: a short form city_short lacks
    return min(named) if named else len(view)


_OWN_DIVISION_ANAPHORA = {
    **{kind: tuple(words) for kind, words in _KW["own_division_anaphora"].items()},
    "county": COUNTY_ANAPHORA,
}


def _own_division_stems(
    view: str, mentions: list[_Mention], lone: list[tuple[int, int, str]], city: str | None
) -> list[_Mention]:
    """A report naming no division, zone or city in full but a county-level division by its bare stem, the one
    stem it names or the one its title opens with (某江：前8月新批外资项目…), is about that division: its stems
    are mentions of it when the report speaks of itself as one of that kind (我区, 全县) or names the stem
    DOMINANT_MENTIONS times."""
    gaz = gazetteer()

    def bare_stem(surface: str) -> bool:
        entries = gaz.places_named(surface)
        return len(entries) == 1 and entries[0].form == SHORT

    # the districts found may already hold the division, by its stem: that is no name in full
    stems = [(m.start, m.end, view[m.start : m.end]) for m in mentions if m.kind != "province"]
    if not all(bare_stem(surface) for _start, _end, surface in stems):
        return []
    hits: list[tuple[int, int, object]] = []
    for start, end, surface in sorted(set(lone) | set(stems)):
        entries = gaz.places_named(surface)
        if (
            len(entries) != 1
            or entries[0].form != SHORT
            or entries[0].place.kind not in _OWN_DIVISION_ANAPHORA
        ):
            continue
        hits.append((start, end, entries[0].place))
    places = {place for _start, _end, place in hits}
    title = next(iter(paragraphs(view)), None)
    opening = next((place for start, _end, place in hits if title and start == title.start), None)
    if opening is None and len(places) != 1:
        return []
    place = opening or places.pop()
    hits = [hit for hit in hits if hit[2] == place]
    if opening is None and city and place.city and place.city != city:
        return []  # a stem of another city's county, named in passing (客商来自某县)
    if len(hits) < DOMINANT_MENTIONS and not _has_any(view, _OWN_DIVISION_ANAPHORA[place.kind]):
        return []
    return [_Mention(start, end, place.canonical, place.kind) for start, end, _place in hits]


def _document_lead(view: str, mentions: list[_Mention]) -> str | None:
    """The one district a document's title names, if it names exactly one: what the report is about.
    A title naming none (政府工作报告) leaves it to the opening lines (——在成都市双流区…会议上, 双流区人民政府)
    when they name exactly one county-level division."""
    title = next(iter(paragraphs(view)), None)
    if title is None:
        return None
    if title.end - title.start > TITLE_CHARS:  # no headline: the report opens with its body
        title = Segment("", title.start, title.start + OPENING_LINES)
    named = {
        m.canonical
        for m in mentions
        if title.start <= m.start and m.end <= title.end and m.kind not in _WHOLE_KINDS
    }
    if not named and any(
        title.start <= m.start and m.end <= title.end and m.kind == "city" for m in mentions
    ):
        return None  # 某州第十批重大项目集中开工: the title's city, not the county its ceremony was held in
    if not named:
        named = {m.canonical for m in mentions if m.end <= OPENING_LINES and m.kind in _ADMIN_KINDS}
    if not named:
        return _dominant_division(mentions)
    return named.pop() if len(named) == 1 else None


DOMINANT_MENTIONS = 3  # a county-level division named this often, and twice as often as any other place


def _dominant_division(mentions: list[_Mention]) -> str | None:
    """The county-level division a report keeps naming (a county's news about its signing ceremony)."""
    counts = Counter(m.canonical for m in mentions if m.kind not in _WHOLE_KINDS)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    name, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    kind = next(m.kind for m in mentions if m.canonical == name)
    if kind in _ADMIN_KINDS and count >= DOMINANT_MENTIONS and count >= 2 * runner_up:
        return name
    return None


def _paragraph_mentions(
    view: str, paragraph: Segment, mentions: list[_Mention], city: str | None = None
) -> list[_Mention]:
    """The paragraph's district mentions, each marked with whether it leads its clause."""
    inside = [m for m in mentions if paragraph.start <= m.start and m.end <= paragraph.end]
    if not inside:
        return []
    segments = [
        Segment(s.text, paragraph.start + s.start, paragraph.start + s.end) for s in sentences(paragraph.text)
    ]
    starts = [s.start for s in segments]
    listed = _listed_together(view, inside)
    out: list[_Mention] = []
    for m in inside:
        i = bisect_right(starts, m.start) - 1
        sentence = segments[i] if i >= 0 else paragraph
        item = _opens_a_figures_item(view, m)
        leads = item or _starts_clause(view, sentence, m, city)
        if m.kind in _WHOLE_KINDS and not leads and not _listed_after_a_subject(view, m, out, listed):
            continue  # a province or city named in passing (对粤投资, 占广东省比重, 与深圳企业) is never the subject
        in_list = m.start in listed and not item
        respective = in_list and _KW["respectively"] in view[m.end : sentence.end]
        until = sentence.end if item else m.until  # an item's place speaks for its own sentence only
        if item and out and out[-1].leads and out[-1].until is None and out[-1].end > sentence.start:
            out[-1] = replace(out[-1], until=sentence.end)  # …and so does the list's first
        out.append(replace(m, leads=leads, listed=in_list, respective=respective, until=until))
    return _per_place_items(out, segments)


_ITEM_FIGURE_AFTER = re.compile(r"[^\W\d_]{0,4}?\d")
_ITEM_BOUNDARY = re.compile(
    "[{}]".format(
        re.escape(lang.chars("list_separator") + lang.chars("clause_ends") + lang.chars("sentence_ends"))
    )
)
ITEM_REACH = 20  # characters back to the list item before


def _opens_a_figures_item(view: str, mention: _Mention) -> bool:
    """海口1191亿元、三亚978亿元; 南京市100个、苏州市80个; 甲区签约10亿元、乙区签约8亿元: a place that opens
    an item of a list of figures, its own figure right after it, is the subject of that figure."""
    if mention.start == 0 or view[mention.start - 1] != _SEPARATOR:
        return False
    if not _ITEM_FIGURE_AFTER.match(view, mention.end):
        return False
    before = view[max(0, mention.start - 1 - ITEM_REACH) : mention.start - 1]
    item = _ITEM_BOUNDARY.split(before)[-1]
    return any(char.isdigit() for char in item)


def _listed_after_a_subject(view: str, mention: _Mention, kept: list[_Mention], listed: set[int]) -> bool:
    """宜昌市、襄阳市分别引进…: a city listed right after a place that leads its clause (or is so listed)."""
    if not kept or mention.start not in listed:
        return False
    previous = kept[-1]
    joined = mention.start - previous.end == 1 and view[previous.end] in _SUMMED_JOINERS
    return joined and previous.start in listed and (previous.leads or previous.kind in _WHOLE_KINDS)


def _per_place_items(mentions: list[_Mention], segments: list[Segment]) -> list[_Mention]:
    """分县（区）看，甲区2个，投资总额4.5亿元；乙县5个…: sentences in a row, each led by another place,
    are the items of a per-place list; each place is the subject of its own sentence only."""
    starts = [s.start for s in segments]
    leader: dict[int, set[str]] = {}
    for m in mentions:
        if m.leads and not m.listed and m.kind not in _WHOLE_KINDS:  # the city leads the total, not an item
            leader.setdefault(bisect_right(starts, m.start) - 1, set()).add(m.canonical)
    one = {i: names for i, names in leader.items() if len(names) == 1}
    items = {i for i, names in one.items() if any(one.get(j, names) != names for j in (i - 1, i + 1))}
    out = []
    for m in mentions:
        i = bisect_right(starts, m.start) - 1
        out.append(replace(m, until=segments[i].end) if i in items and m.leads else m)
    return out


def _drop_object_anaphora(clause: str) -> str:
    """Remove anaphors used as objects ("占全市比重") so they do not name the subject."""
    if not _has_any(clause, _ANAPHORA) or not _has_any(clause, _OBJECT_ANAPHORA):
        return clause
    for object_anaphor in _OBJECT_ANAPHORA:
        clause = clause.replace(object_anaphor, "")
    return clause


_COLUMN_TAG = re.compile(lang.pattern("metric_keywords", "column_tag"))
_DATELINE_LEAD = re.compile(lang.pattern("metric_keywords", "dateline_lead"))


def _trailing_province_length(text: str) -> int:
    """How long the province name (广西, 江西省) that `text` ends with is, else 0."""
    gaz = gazetteer()
    return max(
        (
            len(surface)
            for end, surface in gaz.automaton.iter(text)
            if end + 1 == len(text) and any(e.form == PROVINCE for e in gaz.places_named(surface))
        ),
        default=0,
    )


def _starts_clause(view: str, sentence: Segment, mention: _Mention, city: str | None = None) -> bool:
    venue = next((w for w in _VENUE_PARTS if view.startswith(w, mention.end)), None)
    if venue and _VENUE_FIGURES.match(view, mention.end + len(venue)):
        return True  # 全省集中签约活动某市分会场共签约18个项目: the venue's place is what its figures are of
    clause_start, _ = _clause_bounds(sentence, mention.start)
    lead = _COLUMN_TAG.sub("", view[clause_start : mention.start].strip())
    lead = _DATELINE_LEAD.sub("", lead)
    if city and mention.kind != "province":  # 石家庄市元氏县: the city only qualifies the district
        lead = lead.removesuffix(city)
    if mention.kind == "city":  # 广西钦州市: the province only qualifies the city
        lead = lead[: len(lead) - _trailing_province_length(lead)]
    lead = _TIME_LEAD.sub("", lead)
    lead = _CORPS_DIVISION.sub("", lead)  # 新疆兵团第六师某某市: the division stands with its city
    for _ in range(2):
        lead = _strip_words(lead, LEAD_WORDS + _ANAPHORA, leading=True)
        lead = _TIME_LEAD.sub("", lead)
    return lead == ""


_VENUE_PARTS = tuple(_KW["venue_parts"])
_CORPS = _KW["corps"]
_CORPS_NAME = re.compile(_CORPS["continues_province"])
_CORPS_DIVISION = re.compile(_CORPS["division_before_its_city"])


def _as_corps(view: str, mention: _Mention) -> _Mention:
    """新疆生产建设兵团, 新疆兵团: the province's name opening the corps' is the corps, a subject of its own
    (its figures are not the region's)."""
    if mention.kind != "province":
        return mention
    run = _CORPS_NAME.match(view, mention.end)
    if run is None:
        return mention
    return replace(mention, end=run.end(), canonical=_CORPS["canonical"])


_VENUE_FIGURES = re.compile(lang.pattern("metric_keywords", "venue_figures"))
_YEARLESS = re.compile(lang.pattern("metric_keywords", "yearless"))


_BASELINE_BEFORE = tuple(_KW["baseline_before"])
_BASELINE_AFTER = tuple(_KW["baseline_after"])


def _is_baseline(text: str, start: int, end: int) -> bool:
    """A period compared against ("比去年同期增长"), not the one a figure is about."""
    return text[:start].endswith(_BASELINE_BEFORE) or text.startswith(_BASELINE_AFTER, end)


@dataclass(frozen=True)
class _Period:
    start: int
    period: str
    planned: bool  # a plan or a look back ("计划2025年3月开工", "继2015年落户"): kept to its sentence


def _resolved_periods(paragraph: Segment, published: str | None) -> list[_Period]:
    """Every time expression of the paragraph, resolved. A year-less expression ("全年") takes the
    year the paragraph was last speaking of."""
    context = published
    resolved: list[_Period] = []
    sentence_starts = [s.start for s in sentences(paragraph.text)]
    for expr, start, end in find_period_expressions(paragraph.text):
        if _is_baseline(paragraph.text, start, end):
            continue
        period = resolve_period(expr, context if _YEARLESS.match(expr) else published)
        if period:
            sentence_start = sentence_starts[max(0, bisect_right(sentence_starts, start) - 1)]
            before = paragraph.text[sentence_start:start]
            planned = _has_any(before, FUTURE_MARKERS) or before.endswith(HISTORY_MARKERS)
            resolved.append(_Period(paragraph.start + start, period, planned))
            context = period[:4]
    return resolved


def _period_at(
    pos: int, sentence_start: int, clause_end: int, resolved: list[_Period], carried: str | None
) -> str | None:
    """The period of the nearest time expression before `pos` in its sentence, else one later in its
    clause ("8个项目预计于今年落地"), else the nearest earlier in the paragraph that is not a plan,
    else the one carried from the paragraph before."""
    i = bisect_left(resolved, pos, key=lambda p: p.start)
    if i and resolved[i - 1].start >= sentence_start:
        return resolved[i - 1].period
    if i < len(resolved) and resolved[i].start < clause_end:
        return resolved[i].period
    earlier = [p for p in resolved[:i] if not p.planned]
    return earlier[-1].period if earlier else carried


@dataclass
class _Kept:
    metric: Metric
    noun: str
    told: bool  # the subject was told by the paragraph, not carried or guessed
    # A sentence does not restate its own figures (工业项目5项，农业项目1项，旅游项目1项).
    sentence_start: int = -1
    headline: bool = False  # said in the document's first paragraph
    itemized: bool = False  # an item of a per-place list (甲区7个、乙区4个), its place right before it
    adds: bool = False  # said right after 另有: a figure beside the earlier ones, never one of them again
    part: bool = False  # said after 其中 in its sentence: one part of a breakdown


_OFFICIAL_TITLE_AFTER_PLACE = re.compile(lang.pattern("place_names", "official_title_after_place"))


def find_metrics(
    text: str,
    *,
    amounts: list[Amount],
    districts: list[District],
    city: str | None,
    published: str | None,
    local_currency: str | None = None,
) -> list[Metric]:
    """Aggregate investment-attraction figures in `text`, in order of appearance, repeats dropped.
    `local_currency`, the currency of the report's bare 元 (`amounts.local_yuan`): a report speaking as
    Taiwan's institutions (TWD) and naming no place of its own is Taiwan's."""
    view = _joined_view(text)
    mentions = _mentions(districts) + _town_mentions(text, districts, city)
    lone = _lone_place_names(view, mentions)
    province_mentions = _province_mentions(view, mentions, lone)
    province = _document_province(view, province_mentions, districts, city)
    if province is None and city is None:
        province = _KW["province_of_local_currency"].get(local_currency or "")
    if _city_elsewhere(view, city, province):
        city = None
    province_mentions = _own_province(province_mentions, province)
    province_mentions = [_as_corps(view, m) for m in province_mentions]
    city_mentions = _city_mentions(view, mentions, lone)
    mentions = sorted(mentions + province_mentions + city_mentions, key=lambda m: m.start)
    own_division = _own_division_stems(view, mentions, lone, city)
    named_at = {(m.start, m.end) for m in mentions}
    mentions = sorted(
        mentions + [m for m in own_division if (m.start, m.end) not in named_at], key=lambda m: m.start
    )
    mentions = [
        m for m in mentions if not view.startswith(EVENTS_AFTER_PLACE + OUTSIDE_AFTER_PLACE, m.end)
    ]  # 芦山地震: an event; 山西省域外: where investment comes from
    # 吉林省委常委、长春市委书记某某出席: a place opening an official's title is no subject
    mentions = [m for m in mentions if not _OFFICIAL_TITLE_AFTER_PLACE.match(view, m.end)]
    view, spoken_as = _speaking_as_its_region(view, province, mentions)
    enumerations = _enumerations(view)
    mentions = _mark_enumerated(view, mentions, enumerations)
    surfaces = lang.longest_first({view[m.start : m.end] for m in mentions} | {city or ""} - {""})
    # a report speaking as its province (我省, 全省) and never as its city (全市) is the province's: the city
    # found is where the event was held or a place it lists
    provincial = (
        province is not None
        and not _has_any(view, _city_anaphora(city))
        and (_has_any(view, PROVINCE_ANAPHORA) or _headline_province_alone(view, province, city, mentions))
    )
    document_lead = (
        _document_lead(view, mentions)
        or next((m.canonical for m in own_division), None)
        or (province if provincial else city)
        or province
    )
    # A government's work report speaks as that government (我们…): a place leads only its own sentence.
    work_report = _has_any(re.sub(r"\s", "", view[: OPENING_LINES * 2]), WORK_REPORT_MARKERS)
    if any(m.canonical == document_lead and m.kind == "county_city" for m in mentions) and not any(
        m.canonical == city for m in city_mentions
    ):  # a county-level city's own report, its prefecture never named alone: its 全市 is that city
        city = document_lead
    counties = {m.canonical for m in mentions if m.kind == "county"}
    sole_county = next(iter(counties)) if len(counties) == 1 else None
    province_leads_until = _province_leads_until(
        view, city, province, province_mentions, city_mentions, enumerations
    )
    amounts_at = _AmountIndex(amounts)
    place_ends = frozenset(m.end for m in mentions)
    place_right_before = {m.end: m.canonical for m in mentions if m.kind != "province"}
    place_spans = {m.start: m.end for m in mentions}
    place_index = SpanIndex(place_spans.items())
    kept: list[_Kept] = []
    kept_by_figure: dict[tuple[float, str], list[_Kept]] = {}  # (value, unit) → those kept, in order
    within = _places_within(districts)
    containers = {d.canonical: (d.city, d.province) for d in districts}
    first_start = next((p.start for p in paragraphs(view)), 0)
    carried_period: str | None = None
    carried_subject: str | None = None  # the last subject a paragraph told, within this section
    # A report opening with the province as a whole (全省新设…) speaks of it again in a paragraph that
    # names no subject of its own, after a paragraph about one of its cities.
    opening_whole: str | None = None
    paragraph_before_start = 0
    for paragraph in paragraphs(view):
        if SECTION_HEADING.match(paragraph.text):
            carried_period = carried_subject = None
        carried_subject = opening_whole or carried_subject
        resolved = _resolved_periods(paragraph, published)
        paragraph_mentions = _paragraph_mentions(view, paragraph, mentions, city)
        names_a_whole = _may_name_a_whole(paragraph.text, city, province)
        whole_told_at, whole_told = -1, None
        previous_count: _Figure | None = None
        for sentence in sentences(paragraph.text):
            sentence = Segment(
                sentence.text, paragraph.start + sentence.start, paragraph.start + sentence.end
            )
            figures = _figures_in(
                view,
                sentence,
                amounts_at.within(sentence.start, sentence.end),
                previous_count,
                place_ends,
                place_spans,
                paragraph_before_start,
                place_index,
            )
            previous_count = next((f for f in reversed(figures) if f.kind == "count"), previous_count)
            listed_figures = sum(f.respective is not None for f in figures)
            for figure in figures:
                clause_start, clause_end = _clause_bounds(sentence, figure.start)
                venue = (
                    _venue_after(view, figure.end, clause_end, paragraph_mentions)
                    if figure.kind == "count"
                    else None
                )
                subject = _subject(
                    figure.start,
                    clause_start,
                    paragraph_mentions,
                    view,
                    city,
                    paragraph.start,
                    province,
                    sentence.start if work_report else None,
                    venue,
                    sole_county,
                    enumerations,
                )
                if figure.respective is not None:
                    subject = (
                        _respective_subject(
                            figure, clause_start, sentence.start, paragraph_mentions, listed_figures
                        )
                        or subject
                    )
                itemized = figure.start in place_right_before
                subject = place_right_before.get(figure.start, subject)  # 甲区7个、乙区4个: each its own
                subject = (
                    _summed_subject(view, sentence.start, figure.start, paragraph_mentions, containers)
                    or subject
                )
                subject = _zone_spoken_of(view, sentence.start, figure.start, mentions) or subject
                if not itemized and figure.respective is None:
                    division_before = next(
                        (
                            m.canonical
                            for m in reversed(mentions)
                            if m.end <= sentence.start and m.kind in _ADMIN_KINDS
                        ),
                        document_lead,
                    )
                    subject = (
                        _spread_holder(
                            view, sentence.start, figure.start, mentions, containers, division_before
                        )
                        or subject
                    )
                if figure.kind == "rate" and view.startswith(JOINT_SHARE_STARTS, clause_start):
                    subject = _whole_named(view[clause_start : figure.start], city, province) or subject
                whole = _sentence_whole(
                    view, sentence.start, figure.start, paragraph_mentions, city, province, enumerations
                )
                if whole and not (venue and subject == venue):
                    subject = whole  # 苏州全市新设…，实际使用外资42.7亿美元 after a sentence about a park
                    whole_told_at, whole_told = figure.start, whole
                    if not kept and whole == province:
                        opening_whole = whole
                elif (
                    subject is not None
                    and subject != venue
                    and whole_told_at > _last_named(paragraph_mentions, subject, figure.start)
                ):
                    subject = whole_told  # …苏州全市…；新签约外资项目58个: the city spoken of since, not the park before
                told = subject is not None
                whole = (
                    _whole_named(
                        _drop_object_anaphora(view[paragraph.start : figure.start]),
                        city,
                        province,
                        collective=True,
                    )
                    if names_a_whole
                    else None
                )
                if told:
                    carried_subject = subject
                elif whole:
                    subject = whole
                elif work_report:
                    subject = document_lead or carried_subject
                else:
                    subject = carried_subject or document_lead
                    if subject == city and figure.start < province_leads_until:
                        subject = province  # 第N届中国某省投资贸易洽谈会…期间，共签约项目88个
                if not kept and province is not None and subject == province:
                    opening_whole = province  # the report's first figure is its province's
                period = _period_at(figure.start, sentence.start, clause_end, resolved, carried_period)
                metric = Metric(
                    text=text[figure.start : figure.end],
                    subject=_reported_subject(subject, containers),
                    indicator=_as_written(
                        (_clean_indicator(figure.indicator, surfaces) or figure.noun)[-24:], spoken_as
                    ),
                    value=figure.value,
                    unit=figure.unit,
                    period=period,
                    evidence=text[sentence.start : sentence.end],
                    start=figure.start,
                    end=figure.end,
                    confidence={"count": 0.8, "rate": 0.75, "amount": 0.85}[figure.kind],
                    target=_is_target(view[sentence.start : figure.start], period, published),
                )
                candidate = _Kept(
                    metric,
                    figure.noun,
                    told,
                    sentence.start,
                    paragraph.start == first_start,
                    itemized,
                    view[clause_start : figure.start].endswith(ADDITIVE_HEADS),
                    _in_breakdown(view, paragraph.start, figure.start),
                )
                same_figure = kept_by_figure.setdefault((metric.value, metric.unit), [])
                if not _restates(candidate, same_figure, within):
                    kept.append(candidate)
                    same_figure.append(candidate)
                    joint = _joint_subjects(view, clause_start, figure.start, place_spans, mentions)
                    joint = list(dict.fromkeys(_reported_subject(other, containers) for other in joint))
                    for other in joint:
                        if other == joint[0]:
                            metric.subject = other
                        else:
                            kept.append(
                                replace(candidate, metric=metric.model_copy(update={"subject": other}))
                            )
                            same_figure.append(kept[-1])
        carried_period = _period_at(paragraph.end, paragraph.end, paragraph.end, resolved, carried_period)
        paragraph_before_start = paragraph.start
    return [k.metric for k in _without_rounded_headlines(kept)]


_UNIT_CURRENCY_TAILS = tuple(_KW["unit_currency_tails"])


def _province_holding(place: str, containers: dict[str, tuple[str | None, str | None]]) -> str | None:
    """The province a subject lies in: from the district found, else the gazetteer when all its places agree."""
    if place in containers:
        return containers[place][1]
    provinces = {e.place.province for e in gazetteer().places_named(place) if e.form != PROVINCE}
    return provinces.pop() if len(provinces) == 1 else None


def _reported_subject(
    subject: str | None, containers: dict[str, tuple[str | None, str | None]]
) -> str | None:
    """The subject as reports name it: a place of a region reported as a whole (高雄市, 大寮区 of 台湾省) is
    that region, and the region goes by its usual name (台湾, not 台湾省)."""
    if subject and subject not in _WHOLE_REGION_SUBJECTS:
        region = _province_holding(subject, containers)
        if region in _WHOLE_REGION_SUBJECTS:
            subject = region
    return _SUBJECT_NAMES.get(subject, subject)


def _without_rounded_headlines(kept: list[_Kept]) -> list[_Kept]:
    """A headline's round figure of what the body gives exactly (总投资超36亿美元 … 总投资36.2亿美元,
    完成投资211亿 … 211.56亿元) is that figure again, rounded: the body's stands."""
    body = [k for k in kept if not k.headline]
    return [k for k in kept if not (k.headline and any(_rounds(k, exact) for exact in body))]


def _rounds(headline: _Kept, body: _Kept) -> bool:
    rounded, exact = headline.metric, body.metric
    if not rounded.value.is_integer() or exact.value.is_integer():
        return False
    if rounded.value not in (math.floor(exact.value), round(exact.value)):
        return False
    if _bare_unit(rounded.unit) != _bare_unit(exact.unit):
        return False
    # 引进内资596亿 … 到位内资596.2亿元: the headline words the same thing with another verb
    same_thing = headline.noun[-SAME_THING_CHARS:] == body.noun[-SAME_THING_CHARS:]
    return headline.noun == body.noun or same_thing or _same_rate(headline, body)


SAME_THING_CHARS = 2  # the last word of an indicator names what is measured (内资, 投资, 外资)


def _bare_unit(unit: str) -> str:
    return next((unit.removesuffix(t) for t in _UNIT_CURRENCY_TAILS if unit.endswith(t)), unit)


_JOINT = tuple(_KW["joint_markers"])


def _zone_spoken_of(view: str, sentence_start: int, pos: int, mentions: list[_Mention]) -> str | None:
    """The zone a clause of the sentence speaks of by its kind alone (开发区成立了…，紧盯40个…; 目前，园区已签约
    项目10个; 该园区…): the zone named last before it, when no place is named between the word and the figure."""
    anaphors = list(_ZONE_ANAPHOR.finditer(view, sentence_start, pos))
    if not anaphors:
        return None
    at = anaphors[-1].start()
    if any(at <= m.start < pos for m in mentions):
        return None
    zones = [m for m in mentions if m.end <= at and m.kind not in (*_ADMIN_KINDS, *_WHOLE_KINDS)]
    return zones[-1].canonical if zones else None


_SPREAD_MARKERS = tuple(_KW["spread_markers"])


def _spread_holder(
    view: str,
    sentence_start: int,
    pos: int,
    mentions: list[_Mention],
    containers: dict[str, tuple[str | None, str | None]],
    division_before: str | None,
) -> str | None:
    """A figure its sentence spreads over several places (分别位于甲开发区、乙镇和丙经合区，投资额达36亿元): the
    division holding them all — for zones only, the county-level division the report spoke of before; else
    the one city (failing that, province) holding every place listed."""
    said = view[sentence_start:pos]
    at = max((said.rfind(w) for w in _SPREAD_MARKERS), default=-1)
    if at < 0:
        return None
    listed = [
        m for m in mentions if sentence_start <= m.start < pos and m.kind not in _WHOLE_KINDS + ("province",)
    ]
    listed = [  # 吴江 inside 吴江高新区 names the zone
        m
        for m in listed
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in listed
        )
    ]
    names = list(dict.fromkeys(m.canonical for m in listed))
    if len(names) < 2:
        return None
    if all(m.kind not in _ADMIN_KINDS for m in listed) and division_before:
        return division_before
    for level in (0, 1):
        wholes = {containers.get(name, (None, None))[level] for name in names}
        if len(wholes) == 1 and None not in wholes:
            return wholes.pop()
    return None


def _joint_subjects(
    view: str, clause_start: int, pos: int, place_spans: dict[int, int], mentions: list[_Mention]
) -> list[str]:
    """The places a clause opens with when it gives them one figure together (甲区和乙区均实现…): the
    figure is each one's."""
    lead = _places_lead(view, clause_start, place_spans)
    if not lead or not view.startswith(_JOINT, clause_start + lead):
        return []
    names = [m.canonical for m in mentions if clause_start <= m.start and m.end <= clause_start + lead]
    names = list(dict.fromkeys(names))
    return names if len(names) > 1 and clause_start + lead < pos else []


_SUMMED_PLACES = re.compile(lang.pattern("metric_keywords", "summed_places"))
_SUMMED_JOINERS = _SEPARATOR + _KW["place_list_joiners"]


def _summed_subject(
    view: str,
    sentence_start: int,
    pos: int,
    mentions: list[_Mention],
    containers: dict[str, tuple[str | None, str | None]],
) -> str | None:
    """甲区、乙县、丙市三地共签约项目22个，总投资135亿元: the sentence adds up the places it lists last before
    the figure, so the figure is that of the city (failing that, the province) that holds them all."""
    inside = [m for m in mentions if sentence_start <= m.start and m.end <= pos]
    outer = [
        m
        for m in inside
        if not any(
            o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in inside
        )
    ]
    run = outer[-1:]
    for before in reversed(outer[:-1]):
        if run[0].start - before.end != 1 or view[before.end] not in _SUMMED_JOINERS:
            break
        run.insert(0, before)
    names = list(dict.fromkeys(m.canonical for m in run))
    if len(names) < 2 or not _SUMMED_PLACES.match(view, run[-1].end):
        return None
    for level in (0, 1):
        wholes = {containers.get(name, (None, None))[level] for name in names}
        if len(wholes) == 1 and None not in wholes:
            return wholes.pop()
    return None


_VENUE_AFTER_COUNT = re.compile(lang.pattern("metric_keywords", "venue_after_count"))


def _venue_after(view: str, end: int, clause_end: int, mentions: list[_Mention]) -> str | None:
    """The place a count was signed or settled at, named after it in its clause (6个项目在甲开发区集中签约,
    3家企业落户乙区)."""
    for m in mentions:
        if end <= m.start < clause_end and m.kind != "province":
            return m.canonical if _VENUE_AFTER_COUNT.match(view[end : m.start]) else None
    return None


def _respective_subject(
    figure: _Figure, clause_start: int, sentence_start: int, mentions: list[_Mention], figures: int
) -> str | None:
    """长沙经开区、长沙高新区、湖南湘江新区…分别为28个、25个、24个: the n-th place listed for the n-th figure.
    A clause that opens with the figures (甲市、乙州…排名靠前，分别占总量的18%、17%) takes the places listed
    in the clauses before it in its sentence, one for each of its `figures` (甲区、乙区、其他区县三个板块
    lists a part no place names)."""
    for start, only_listed in ((clause_start, False), (sentence_start, True)):
        listed: list[str] = []
        for mention in mentions:
            if (
                start <= mention.start < figure.start
                and mention.canonical not in listed
                and (mention.listed or not only_listed)
            ):
                listed.append(mention.canonical)
        if only_listed and len(listed) != figures:
            return None
        if len(listed) > 1:
            return listed[figure.respective] if figure.respective < len(listed) else None
    return None


def _places_within(districts: list[District]) -> set[tuple[str, str]]:
    """(district, city or province it lies in) for every district found."""
    return {(d.canonical, whole) for d in districts for whole in (d.city, d.province) if whole}


def _restates(candidate: _Kept, kept: list[_Kept], within: set[tuple[str, str]] = frozenset()) -> bool:
    """Whether a figure repeats an earlier one (a headline or lead restating the body): same figure
    of the same thing, periods not in conflict, and subjects equal, one of them not told, or a
    headline's the city or province that the body's lies in (长春 for 汽开区). An earlier subject that was
    not told, or that is the whole the other lies in, gives way. Two figures of one sentence are never
    restatements."""
    new = candidate.metric
    if candidate.adds:
        return False
    for earlier in kept:
        old = earlier.metric
        if (old.value, old.unit) != (new.value, new.unit):
            continue
        if earlier.noun != candidate.noun and not (earlier.headline and _same_rate(earlier, candidate)):
            continue
        if earlier.sentence_start == candidate.sentence_start:
            continue
        if candidate.itemized and not earlier.headline:
            continue  # …10亿元以上项目4个。…甲区4个: an item of a list by place, not the total said again
        if not earlier.headline and _different_things(old.indicator, new.indicator, candidate.noun):
            continue  # 现代农业项目3个 … 甲区签约项目3个: two figures of the body that count different things
        if old.period and new.period and old.period != new.period:
            continue
        if (earlier.part or candidate.part) and old.indicator != new.indicator:
            continue  # 其中工业项目5个…商贸项目5个: parts of a breakdown are told apart by their labels
        finer = earlier.headline and (new.subject, old.subject) in within
        coarser = earlier.headline and (old.subject, new.subject) in within
        if old.subject != new.subject and earlier.told and candidate.told and not (finer or coarser):
            continue
        if candidate.told and (not earlier.told or finer):
            old.subject, earlier.told = new.subject, True
        return True
    return False


_RATE_UNITS = frozenset(["%", *_KW["rate_units"]])


def _same_rate(headline: _Kept, body: _Kept) -> bool:
    """A headline's rate said again in the body with fewer words (某省实际使用外资同比增长47.3% … 同比增长
    47.3%): one of the two indicators ends with the other."""
    first, second = headline.noun, body.noun
    if headline.metric.unit not in _RATE_UNITS or not first or not second:
        return False
    return first.endswith(second) or second.endswith(first)


def _different_things(first: str, second: str, noun: str) -> bool:
    """Whether two indicators of the same noun name different things: neither holds the other and they
    share no two characters beyond the noun (新签约过亿元项目 and 签约总投资过亿元项目 may be one thing,
    现代农业项目 and 签约项目 are not)."""
    if not first or not second or first in second or second in first:
        return False
    pairs = [
        {text[i : i + 2] for i in range(len(text) - 1)} - {noun[i : i + 2] for i in range(len(noun) - 1)}
        for text in (first, second)
    ]
    return not pairs[0] & pairs[1]


_TARGET_MARKERS = tuple(_KW["target_markers"])
_TARGET_REACHED = tuple(_KW["target_reached"])
_TARGET_EXCEPTIONS = tuple(_KW["target_marker_exceptions"])


def _is_target(said: str, period: str | None, published: str | None) -> bool:
    """Whether the sentence up to a figure sets it as a goal (力争…, 不低于…, 目标…) or its period is a
    year to come (到2027年…达到1000亿元), rather than reports it; a goal said to be reached
    (完成年度目标的55.2%) is a figure reached."""
    if period and published and period[:4].isdigit() and period[:4] > published[:4]:
        return True
    for exception in _TARGET_EXCEPTIONS:
        said = said.replace(exception, "")
    at = _last_at(said, _TARGET_MARKERS)
    return at >= 0 and not _has_any(said[max(0, at - 6) : at], _TARGET_REACHED)


CLAUSE_SINGLE_PROJECT_MARKERS = tuple(_KW["clause_single_project_markers"])


_FIRM_INVESTS = re.compile(lang.pattern("metric_keywords", "firm_invests"))
_FUNDS_ONE_PROJECT = re.compile(lang.pattern("metric_keywords", "funds_one_project"))


def _about_one_project(view: str, sentence: Segment, pos: int) -> bool:
    clause_start, _ = _clause_bounds(sentence, pos)
    if _has_any(view[clause_start:pos], CLAUSE_SINGLE_PROJECT_MARKERS):
        return True
    if _FIRM_INVESTS.search(view, clause_start, pos):
        return True  # 成都某某控股股份有限公司将投资60亿元: one firm's project
    said = view[sentence.start : pos]
    at = _last_at(said, SINGLE_PROJECT_MARKERS)
    if at >= 0 and not _strip_words(said[:at], _BATCH_BETWEEN, leading=False).endswith(BATCH_OF_PROJECTS):
        return True
    return _ONE_NAMED_PROJECT.search(view, sentence.start, pos) is not None  # (a sentence ends at ；)


class _AmountIndex:
    """The amounts that start within a span, in their original order, without scanning them all."""

    def __init__(self, amounts: list[Amount]):
        self.amounts = amounts
        by_start = sorted((a.start, i) for i, a in enumerate(amounts) if a.start is not None)
        self.starts = [start for start, _i in by_start]
        self.positions = [i for _start, i in by_start]

    def within(self, start: int, end: int) -> list[Amount]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [self.amounts[i] for i in sorted(self.positions[lo:hi])]


def _opens_breakdown(view: str, sentence_start: int, clause_start: int) -> bool:
    """Whether the clause at `clause_start` breaks down what its sentence said before it (其中…)."""
    return view.startswith(_KW["breakdown_opener"], clause_start) or bool(
        _BREAKDOWN_BEFORE.search(view, sentence_start, clause_start)
    )


_FULL_STOPS = tuple(_KW["full_stops"])


def _in_breakdown(view: str, paragraph_start: int, pos: int) -> bool:
    """Whether `pos` is in a breakdown (其中…) opened earlier in its sentence, clauses after ； included:
    其中，甲类项目4个…；乙类项目4个."""
    opened = max(paragraph_start, *(view.rfind(stop, paragraph_start, pos) + 1 for stop in _FULL_STOPS))
    return view.find(_KW["breakdown_opener"], opened, pos) >= 0


def _itemizes(view: str, pos: int) -> bool:
    """Whether the figure at `pos` is an item of a breakdown its whole sentence opened, clauses after ；
    included: 其中，已注册143项…；已备案6项…, 从项目性质看，国企13项…；外企7项…"""
    opened = max(view.rfind(stop, 0, pos) for stop in _FULL_STOPS) + 1
    return view.find(_KW["breakdown_opener"], opened, pos) >= 0 or bool(
        _PERSPECTIVE.search(view, opened, pos)
    )


_OPENING_QUOTES = lang.char_set("opening_quotes")
_QUOTED_REST = re.compile(lang.pattern("punctuation", "quoted_rest"))


def _opens_a_quoted_name(view: str, start: int, end: int) -> bool:
    return start > 0 and view[start - 1] in _OPENING_QUOTES and _QUOTED_REST.match(view, end) is not None


def _figures_in(
    view: str,
    sentence: Segment,
    amounts: list[Amount],
    previous: _Figure | None = None,
    place_ends: frozenset[int] = frozenset(),
    place_spans: dict[int, int] | None = None,
    said_from: int | None = None,
    place_index: SpanIndex | None = None,
) -> list[_Figure]:
    """Figures of one sentence; `amounts` are those that start in it, `previous` the paragraph's last
    count before it, `place_ends` where the names of places end, `place_index` the spans of
    `place_spans` indexed, `said_from` where the paragraph before the sentence's own starts."""
    said_from = sentence.start if said_from is None else said_from
    figures: list[_Figure] = []
    for pattern, kind in ((_COUNT, "count"), (_RATE, "rate")):
        for m in pattern.finditer(view, sentence.start, sentence.end):
            clause_start, clause_end = _clause_bounds(sentence, m.start())
            before = view[clause_start : m.start()]
            clause = view[clause_start:clause_end]
            if _about_one_project(view, sentence, m.start()):
                continue
            if place_index is not None and any(
                start <= m.start() < end for start, end in place_index.reaching(m.start(), m.start())
            ):
                continue  # 两家湾区: numerals of a place's name
            if _opens_a_quoted_name(view, m.start(), m.end()):
                continue  # 分布在“五个新城”的项目: numerals of a name in quotes
            if kind == "count":
                if _opens_breakdown(view, sentence.start, clause_start):
                    clause = view[sentence.start : clause_end]
                figure = _count_figure(view, m, clause, before, sentence.text)
                if figure is None:
                    earlier = next((f for f in reversed(figures) if f.kind == "count"), None)
                    itemized = _itemizes(view, m.start())
                    figure = _elliptical_count(view, m, before, earlier, previous, itemized=itemized)
                if figure is None:
                    earlier = next((f for f in reversed(figures) if f.kind == "count"), None)
                    figure = _difference_count(view, m, before, sentence.text, earlier)
                if figure is None and _after_places(view, m.start(), place_ends):
                    like = _earlier_count(figures) or previous or _perspective_count(view, sentence, m)
                    figure = _per_place_count(view, m, like, None)
                if figure is None:
                    figure = _verb_count(view, m, before, sentence.text)
                if figure is None:
                    figure = _bracketed_part_figure(
                        view, sentence, m.start(), m.end(), _count_value(m), m.group("unit"), "count"
                    )
            else:
                figure = _rate_figure(
                    m,
                    before,
                    sentence.text,
                    _places_lead(view, clause_start, place_spans),
                    view[said_from : sentence.start],
                    view[_clause_bounds(sentence, max(sentence.start, clause_start - 1))[0] : clause_start],
                )
            if figure:
                figures.append(figure)
    counts = [f for f in figures if f.kind == "count"]
    lead_counts = counts or ([previous] if previous is not None else [])
    for amount in amounts:
        if _about_one_project(view, sentence, amount.start) or _FUNDS_ONE_PROJECT.match(
            view, amount.end or 0
        ):
            continue
        clause_start, _ = _clause_bounds(sentence, amount.start)
        # 在推进的项目30个中，有代表性的包括：甲项目，总投资91亿元: a list opened by a colon names items
        list_start = _list_start(view, sentence.start, amount.start)
        counted = any(c.start >= list_start for c in counts) or (
            list_start > sentence.start and _sums_a_list(view, list_start, clause_start, amount.start or 0)
        )
        figure = _amount_figure(view, amount, clause_start, sentence, counted)
        if figure is None:
            after_place = (amount.start or 0) in place_ends
            place_head = after_place and _places_lead(view, clause_start, place_spans) == (
                (amount.start or 0) - clause_start
            )
            figure = _borrowed_amount(view, amount, clause_start, sentence, figures, after_place, place_head)
        if figure is None:
            figure = _difference_amount(view, amount, clause_start, figures)
        if figure is None:
            figure = _task_figure(view, amount, clause_start)
        if figure is None and (value_unit := _figure_and_unit(amount)) is not None:
            figure = _bracketed_part_figure(
                view, sentence, amount.start or 0, amount.end or 0, *value_unit, "amount"
            )
        if figure is None and previous is not None and _opens_with_aggregate(view, sentence, amount):
            # "…项目162个，同比增长9.5%；合同投资额1285.6亿元": the total of the projects just counted
            figure = _amount_figure(view, amount, clause_start, sentence, True)
        if figure and figure.indicator in AGGREGATE:
            counted = [c for c in lead_counts if c.start < figure.start]
            if counted:  # "签约亿元以上项目34个，总投资152.66亿元" → 签约亿元以上项目总投资
                figure = replace(figure, indicator=_joined(counted[-1].indicator, figure.indicator))
        if figure:
            figures.append(figure)
    figures += _respective_figures(view, sentence, figures, amounts)
    figures += _from_to_figures(view, sentence, figures, amounts)
    figures += _bracketed_shares(view, sentence, figures)
    return sorted(figures, key=lambda f: f.start)


_BRACKETED_SHARE = re.compile(lang.pattern("metric_keywords", "bracketed_share"))


def _bracketed_shares(view: str, sentence: Segment, figures: list[_Figure]) -> list[_Figure]:
    """日本8.3亿美元(占36.8%): a share in brackets right after a figure is that figure's share of the whole."""
    ends = {f.end: f for f in figures if f.kind != "rate"}
    taken = {f.start for f in figures}
    out = []
    for m in _BRACKETED_SHARE.finditer(view, sentence.start, sentence.end):
        owner = ends.get(m.start())
        if owner is None or m.start("value") in taken:
            continue
        indicator = owner.indicator + _KW["share_suffix"]
        out.append(
            _Figure(
                m.start("value"), m.end("unit"), _number(m.group("value")), "%", indicator, indicator, "rate"
            )
        )
    return out


_FROM_TO = re.compile(lang.pattern("metric_keywords", "from_to"))
_TRAILING_TREND = re.compile(lang.pattern("metric_keywords", "trailing_trend"))


def _from_to_figures(
    view: str, sentence: Segment, figures: list[_Figure], amounts: list[Amount]
) -> list[_Figure]:
    """从2014年的12.8亿欧元增长至2023年的23亿欧元, 签约项目从2020年的1209个快速增长至2023年的3391个: the two
    ends of a change over the years are figures of what the clause before names (or, naming nothing, the
    clause after: 从…的3001.07亿元，到…的5961.26亿元，全省招商引资到位资金增幅达到98.64%)."""
    out: list[_Figure] = []
    taken = {f.start for f in figures}
    amount_at = {a.start: a for a in amounts if a.start is not None}
    for m in _FROM_TO.finditer(view, sentence.start, sentence.end):
        clause_start, _ = _clause_bounds(sentence, m.start())
        indicator = _TRAILING_TREND.sub("", view[clause_start : m.start()]).strip()
        if not indicator and clause_start > sentence.start:
            previous_start, _ = _clause_bounds(sentence, clause_start - 1)
            indicator = _TRAILING_TREND.sub("", view[previous_start : clause_start - 1]).strip()
        if not _has_any(indicator, RATE_TOPIC_WORDS):
            _, after_end = _clause_bounds(sentence, m.end() + 1)
            after = view[m.end() : after_end].lstrip(lang.chars("clause_ends"))
            cut = min((after.find(w) for w in RATE_WORDS if w in after), default=-1)
            indicator = after[:cut] if cut > 0 else ""
        indicator = _strip_words(indicator, LEAD_WORDS + _ANAPHORA, leading=True)
        if not _has_any(indicator, RATE_TOPIC_WORDS) or _has_any(indicator, RATE_EXCLUDED_WORDS):
            continue
        for group in ("first", "second"):
            start = m.start(group)
            if start in taken:
                continue
            amount = amount_at.get(start)
            if amount is not None:
                figure = _figure_and_unit(amount)
                if figure is not None:
                    out.append(_Figure(start, amount.end or start, *figure, indicator, indicator, "amount"))
                continue
            count = _COUNT.match(view, start)
            if count is not None and count.group("num") is not None:
                value = _number(count.group("num"))
                out.append(
                    _Figure(start, count.end(), value, count.group("unit"), indicator, indicator, "count")
                )
    return out


_TASK = lang.data("amount_units")["task_amount_context"]
_TASK_WORDS = lang.alternation(_TASK["task_words"])
_TASK_NAMED_BEFORE = re.compile(
    rf"(?:{lang.alternation(_TARGET_REACHED)})(?P<task>[^{_TERMINAL}]{{0,6}}?(?:{_TASK_WORDS}))$"
)
_TASK_NAMED_AFTER = re.compile(
    rf"{_TASK['attributive']}?(?P<task>(?:{lang.alternation(_TASK['fillers_after'])}){{0,2}}(?:{_TASK_WORDS}))"
)


def _task_figure(view: str, amount: Amount, clause_start: int) -> _Figure | None:
    """The sum of a task or target that a figure is reported against (完成省定目标任务110亿元的109.5%,
    提前完成150亿招商引资任务): a figure itself, named by its task."""
    figure = _figure_and_unit(amount)
    if figure is None:
        return None
    start, end = amount.start or 0, amount.end or 0
    named = _TASK_NAMED_BEFORE.search(view, clause_start, start) or _TASK_NAMED_AFTER.match(view, end)
    if named is None:
        return None
    task = named.group("task")
    return _Figure(start, end, figure[0], figure[1], task, task, "amount")


_LIST_OPENER = re.compile(lang.pattern("metric_keywords", "list_opener"))
_AGGREGATE_QUALIFIERS = lang.longest_first(_KW["standalone_amount_grammar"]["qualifiers"])


def _list_start(view: str, start: int, pos: int) -> int:
    """Where the list `pos` stands in starts, after the last colon between `start` and `pos`, else `start`."""
    opened = [m.end() for m in _LIST_OPENER.finditer(view, start, pos)]
    return opened[-1] if opened else start


def _sums_a_list(view: str, list_start: int, clause_start: int, start: int) -> bool:
    """投产的项目是：A项目、B项目、C项目，总投资66.2亿元: a sum an aggregate word opens right after a list of
    several items a colon opened is their total, not the last item's."""
    listed = view[list_start:clause_start]
    head = _strip_words(view[clause_start:start], list(AMOUNT_UNITS.before), leading=False)
    return (
        head in AGGREGATE
        and lang.chars("list_separator") in listed
        and not _CLAUSE_BREAK.search(listed.rstrip(lang.chars("clause_ends")))
    )


def _joined(first: str, second: str) -> str:
    """Two labels run together, the words they share said once (签约项目 + 项目总投资 → 签约项目总投资)."""
    overlap = next((k for k in range(len(second), 0, -1) if first.endswith(second[:k])), 0)
    return first + second[overlap:]


def _opens_with_aggregate(view: str, sentence: Segment, amount: Amount) -> bool:
    """The sentence opens with nothing but an aggregate word before the amount ("合同投资额1285.6亿元"),
    not with a project of its own ("长飞光纤…项目总投资9.5亿元")."""
    before = _TIME_LEAD.sub("", view[sentence.start : amount.start or sentence.start])
    before = _strip_words(before, LEAD_WORDS, leading=True)
    before = _strip_words(before, _KW["counted_noun_again"], leading=True)
    before = _strip_words(before, list(AMOUNT_UNITS.before) + COUNT_FILLERS, leading=False)
    # 实际完成投资0.8亿美元, 合同投资额…: a qualifier of how the capital is counted may open the word
    return before in AGGREGATE or _strip_words(before, _AGGREGATE_QUALIFIERS, leading=True) in AGGREGATE


def _places_lead(view: str, start: int, place_spans: dict[int, int] | None) -> int:
    """How many characters of places, one or a list of them (甲区、乙县和丙县), open the text at `start`."""
    pos = start
    while place_spans and pos in place_spans:
        pos = place_spans[pos]
        if view[pos : pos + 1] and view[pos] in _KW["respective_joiners"] and pos + 1 in place_spans:
            pos += 1
    return pos - start


def _earlier_count(figures: list[_Figure]) -> _Figure | None:
    return next((f for f in reversed(figures) if f.kind == "count"), None)


def _perspective_count(view: str, sentence: Segment, m: re.Match[str]) -> _Figure | None:
    """从亿元以上项目签约情况来看，甲区2个，乙县1个 (or 签约项目中，甲区2个…): the sentence's opening view
    names what its per-place counts count, when no count before them does."""
    opening = _PERSPECTIVE.search(view, sentence.start, m.start()) or _PERSPECTIVE_AMONG.match(
        view, sentence.start, m.start()
    )
    noun = _VERB_COUNTED["units"].get(m.group("unit"))
    if opening is None or noun is None or noun not in opening.group("topic"):
        return None
    if view[sentence.start : opening.start()].strip():
        return None  # only a view that opens its sentence heads the list
    indicator = _strip_words(opening.group("topic"), _KW["perspective_topic_tails"], leading=False)
    return _Figure(opening.start(), opening.end(), 0.0, m.group("unit"), indicator, noun, "count")


def _after_places(view: str, pos: int, place_ends: frozenset[int]) -> bool:
    """A figure right after a place's name (甲区2个), or after places given it each (甲区、乙县各3个)."""
    if pos in place_ends:
        return True
    return any(view.startswith(word, pos - len(word)) and pos - len(word) in place_ends for word in _JOINT)


def _per_place_count(
    view: str, m: re.Match[str], earlier: _Figure | None, previous: _Figure | None
) -> _Figure | None:
    """A count right after a place's name, with no noun of its own, in a per-place list
    (签约项目26个。分县（区）看，甲区2个，乙县5个): it counts what the count before it counted."""
    like = earlier or previous
    if m.group("num") is None or _noun_after(view, m.end()) or like is None or like.unit != m.group("unit"):
        return None
    return _Figure(m.start(), m.end(), _number(m.group("num")), like.unit, like.indicator, like.noun, "count")


def _elliptical_count(
    view: str,
    m: re.Match[str],
    before: str,
    earlier: _Figure | None,
    previous: _Figure | None,
    *,
    itemized: bool = False,
) -> _Figure | None:
    """A count that names no noun of its own and counts what the count before it counted:
    "新开工重大项目36个、竣工投产21个", "新落户世界500强企业4家，累计达到97家", and across sentences
    "…分别为28个、25个。长沙县、浏阳市分别为19个、17个". When its sentence breaks a count down
    (`itemized`: 其中，合资7家，独资35家; 其中，1-5亿元311个，5-10亿元51个), a short label is head enough."""
    after = _noun_after(view, m.end())
    # 60个重点项目，已有45个开工建设: a verb of what became of them follows, no noun
    status_after = after.startswith(_STATUS_VERBS) and not _has_any(after, ALWAYS_NOUNS)
    if m.group("num") is None or (after and not status_after):
        return None  # 21个乡镇: it counts what follows
    head = _HEAD_SEPARATOR.split(before)[-1]
    part_of = status_after and head.endswith(PART_OF_HEADS)
    like = earlier or (previous if _KW["respectively"] in head or itemized or part_of else None)
    if like is None or like.unit != m.group("unit") or not head or (len(head) > 10 and not part_of):
        return None
    labelled = itemized and len(head) <= BREAKDOWN_LABEL_REACH
    if not (
        labelled or part_of or _has_any(head, INVESTMENT_VERBS) or _has_any(head, ELLIPTICAL_COUNT_HEADS)
    ):
        return None
    if part_of:
        became = _NOUN_PHRASE_END.split(after)[0]
        indicator = like.indicator if became in like.indicator else like.indicator + became
        return _Figure(m.start(), m.end(), _number(m.group("num")), like.unit, indicator, like.noun, "count")
    verb = _strip_words(head, COUNT_FILLERS, leading=False)
    if verb and verb.endswith(like.noun):
        indicator = verb  # 在建规模企业|20户: the head names what it counts itself
    else:
        indicator = verb + like.noun if verb and verb not in like.indicator else like.indicator
    return _Figure(m.start(), m.end(), _number(m.group("num")), like.unit, indicator, like.noun, "count")


_DIFFERENCE_HEAD = re.compile(lang.pattern("metric_keywords", "difference_head"))


def _difference_count(
    view: str, m: re.Match[str], before: str, sentence: str, earlier: _Figure | None
) -> _Figure | None:
    """The change of a count against a baseline (…项目有4个，比上届多1个; 50—100亿元项目比上届多6个): a
    figure of its own, of what its clause names before the comparison or else of the count before it."""
    found = _DIFFERENCE_HEAD.match(before)
    if found is None or m.group("num") is None or _noun_after(view, m.end()):
        return None
    if any(view.startswith(w, m.start("unit")) for w in NOT_COUNTS_AFTER) or not _has_any(
        sentence, TOPIC_WORDS
    ):
        return None
    what = _strip_words(found.group("what"), COUNT_FILLERS, leading=False)
    noun = next((n for n in ALWAYS_NOUNS if what.endswith(n)), None)
    if noun is not None:
        indicator = what
    elif earlier is not None and earlier.unit == m.group("unit") and not what:
        indicator, noun = earlier.indicator, earlier.noun
    else:
        return None
    value = _number(m.group("num"))
    return _Figure(
        m.start(), m.end(), value, m.group("unit"), indicator + found.group("change"), noun, "count"
    )


def _difference_amount(
    view: str, amount: Amount, clause_start: int, figures: list[_Figure]
) -> _Figure | None:
    """The change of an amount against a baseline (合同引资4231亿元，比去年同期增加1892亿元): a figure of
    its own, of the amount said right before it in its sentence."""
    parts = _figure_and_unit(amount)
    start, end = amount.start or 0, amount.end or 0
    tail = _strip_words(view[end : end + 8], list(AMOUNT_UNITS.after), leading=True)
    if parts is None or tail.startswith(_KW["attributive"]) or _in_range(view, start, tail):
        return None
    head = _strip_words(view[clause_start:start], list(AMOUNT_UNITS.before), leading=False)
    found = _DIFFERENCE_HEAD.match(head)
    if found is None or found.group("what"):
        return None
    earlier = next((f for f in reversed(figures) if f.kind == "amount" and f.end <= clause_start), None)
    if earlier is None:
        return None
    indicator = earlier.indicator + found.group("change")
    return _Figure(start, end, parts[0], parts[1], indicator, indicator, "amount")


_VERB_COUNTED = _KW["verb_counted"]
_STATUS_VERBS = tuple(_VERB_COUNTED["verbs"])
PART_OF_HEADS = tuple(_KW["part_of_heads"])
BREAKDOWN_LABEL_REACH = 8  # characters of a label in a breakdown (合资, 1-5亿元, 50亿元以上)


def _verb_count(view: str, m: re.Match[str], before: str, sentence: str) -> _Figure | None:
    """A count right after the verb of what it counts, with no noun of its own and none before it to
    borrow from ("一季度集中签约28个"): a verb of signing or building counts projects, by its unit."""
    noun = _VERB_COUNTED["units"].get(m.group("unit"))
    if m.group("num") is None or noun is None or _noun_after(view, m.end()):
        return None
    head = _HEAD_SEPARATOR.split(before)[-1]
    verbs = tuple(_VERB_COUNTED["verbs"])
    if not head.endswith(verbs):  # 签约 ends with a filler (约): stripped only when no verb ends it
        head = _strip_words(head, COUNT_FILLERS, leading=False)
    if not head.endswith(verbs) or not _has_any(sentence, TOPIC_WORDS):
        return None
    indicator = _TIME_LEAD.sub("", head) + noun
    return _Figure(m.start(), m.end(), _number(m.group("num")), m.group("unit"), indicator, noun, "count")


def _respective_figures(
    view: str, sentence: Segment, figures: list[_Figure], amounts: list[Amount]
) -> list[_Figure]:
    """分别为28个、25个、24个 / 分别为62.4亿元、58.7亿元: the figures after the first of a respectively
    list measure the same thing as the first. The first gets place 0 in place of the figure itself."""
    amount_at = {a.start: a for a in amounts if a.start is not None}
    taken = {f.start for f in figures}
    out: list[_Figure] = []
    for head in list(figures):
        if head not in figures:
            continue  # placed in the list of a head before it
        clause_start, _ = _clause_bounds(sentence, head.start)
        if head.respective is not None or _KW["respectively"] not in view[clause_start : head.start]:
            continue
        listed: list[_Figure] = []
        end = head.end
        while end + 1 < sentence.end and view[end] in _KW["respective_joiners"]:
            following = _figure_at(view, end + 1, head, amount_at)
            if following is None:
                break
            listed.append(replace(following, respective=len(listed) + 1))
            end = following.end
        if listed:
            figures[figures.index(head)] = replace(head, respective=0)
            out += [f for f in listed if f.start not in taken]
            place_of = {f.start: f.respective for f in listed}
            for i, found in enumerate(
                figures
            ):  # found on their own (183%、55%): placed in the list all the same
                if found.start in place_of and found.respective is None:
                    figures[i] = replace(found, respective=place_of[found.start])
    return out


def _figure_at(view: str, start: int, like: _Figure, amount_at: dict[int, Amount]) -> _Figure | None:
    """A figure of the same kind and unit as `like`, starting at `start`, or None."""
    if like.kind == "amount":
        amount = amount_at.get(start)
        parts = _figure_and_unit(amount) if amount is not None else None
        if parts is None or parts[1] != like.unit:
            return None
        return replace(like, start=start, end=amount.end or start, value=parts[0])
    m = (_COUNT if like.kind == "count" else _RATE).match(view, start)
    if m is None or m.group("num") is None:
        return None
    unit = "%" if like.kind == "rate" and m.group("unit") in _PERCENT_SIGNS else m.group("unit")
    if unit != like.unit:
        return None
    return replace(like, start=start, end=m.end(), value=_number(m.group("num")))
