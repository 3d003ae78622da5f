"""Concrete investment projects: a named plant, base, headquarters, fund, centre … with its investor,
district, total investment and status, and the clauses that say so. Aggregates (新签约75个亿元以上项目)
are metrics, not projects. Word lists and patterns live in extractors/lang/ (project_*.txt/tsv/yaml).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from operator import itemgetter

from zhaoyin.extractors import lang
from zhaoyin.extractors.companies import (
    NAME_CHARS,
    after_a_person_title,
    boundary_inside_ending_at,
    brand_of,
    everyday_place_word,
    foreign_origins,
    left_edge,
    opens_with_a_county,
    public_works,
    rare_word,
    trade_named_head,
)
from zhaoyin.extractors.districts import document_city, town_mentions
from zhaoyin.extractors.gazetteer import gazetteer
from zhaoyin.extractors.segment import cached_on_words, tagged, tokens, word_frequency
from zhaoyin.extractors.text import (
    HAN_CHAR,
    SECTION_HEADING,
    Segment,
    SpanIndex,
    finditer_within,
    paragraphs,
    sentences,
)
from zhaoyin.schemas import Amount, Company, District, Metric, Project, Span

_WORDS = lang.data("project_words")
_ENUMERATION = re.compile(lang.pattern("project_words", "enumeration"))
_PLAN_TO_BUILD = re.compile(lang.pattern("project_words", "plan_to_build"))
_PHASE = re.compile(lang.pattern("project_words", "phase"))
PHASE_TAIL = 8  # characters a phase at the end of a name may take (（二期）, 十一期): read no further back
_PHASE_END = re.compile(f"(?:{lang.pattern('project_words', 'phase')})$")
_BRACKETED_PHASE_END = re.compile(f"(?:{lang.pattern('project_words', 'bracketed_phase')})$")
_ITEM_CAPACITY = re.compile(lang.pattern("project_words", "item_capacity"))
_COUNTED_ENUMERATION = re.compile(lang.pattern("project_words", "counted_enumeration"))
_PARTS_OF_A_PROJECT = re.compile(lang.pattern("project_words", "parts_of_a_project"))
_LIST_STRETCH = re.compile(lang.pattern("project_words", "list_stretch"))
_QUANTITY_CHARS = re.compile(r"[\d.]")
_ITEM_SUM = re.compile(lang.pattern("project_words", "item_sum"))
_QUANTITY_DIGITS = re.compile(r"\d+")
_BRACKETED_SUM = re.compile(lang.pattern("project_words", "bracketed_sum"))
_LIST_COUNT = re.compile(lang.pattern("project_words", "list_count"))
_QUOTED_PROJECT = re.compile(lang.pattern("project_words", "quoted_project"))
QUOTED_PROJECT_MIN_CHARS = 6  # a quoted name this long that ends with 项目 names a project (not “双招双引”)
_KIND_WORDS = re.compile(lang.pattern("project_words", "kinds_after_a_list"))
_MEANS_WORDS = re.compile(lang.pattern("project_words", "means_after_a_list"))
_INSIDE_PROJECT_NAMES = frozenset(_WORDS["inside_names"])
_BETWEEN_PRODUCTS = frozenset(_WORDS["inside_names_between_products"])
_NOT_STEPS = tuple(_WORDS["not_steps"])
LEAD_MIN_CHARS = 40  # a paragraph shorter than this (a caption, a subtitle) leads nothing
ADMIN_KINDS = ("district", "county_city", "county", "new_area")
NAME_AFTER_STEM = 4  # characters after a division's stem that may name a public work (公路, 抽水蓄能)
OWN_DIVISION_WITHIN = 200  # characters from the top: title, dateline, issuer
# extractors.text.clauses drops clauses that contain 、 ; a project's clause keeps its enumeration whole
_CLAUSE = re.compile(lang.pattern("punctuation", "clause_run"))
_NO_BREAK = re.compile(lang.pattern("punctuation", "no_list_break"))
_COUNTED = re.compile(lang.pattern("project_words", "counted"))
_HAN_START = re.compile(lang.pattern("company_patterns", "name_start"))
_COUNTED_AFTER = re.compile(lang.pattern("project_words", "counted_after"))
_ITEMIZING = re.compile(lang.pattern("project_words", "itemizing"))
_TALLY = re.compile(lang.pattern("project_words", "tally"))
_COUNTED_NAME = re.compile(lang.pattern("project_words", "counted_name"))
_COUNTED_PROJECTS = re.compile(lang.pattern("project_words", "counted_projects"))
_NOT_A_NAME_AFTER = re.compile(lang.pattern("project_words", "not_a_name_after"))
_COUNT_CLOSING_A_NAME = re.compile(lang.pattern("project_words", "count_closing_a_name"))
_ORDINAL_END = re.compile(lang.pattern("project_words", "ordinal_end"))
_EVENT_STATUSES = tuple(_WORDS["event_statuses"])
_WEAK_STEPS = tuple(_WORDS["weak_steps"])
_CLAUSE_FINAL_STEPS = frozenset(_WORDS["clause_final_steps"])
_QUOTED = re.compile(lang.pattern("project_words", "quoted"))
_QUOTED_NAME = re.compile(lang.pattern("project_words", "quoted_name"))
QUOTED_NAME_NOUN_CHARS = 6  # what follows the quote: 酒店项目 — a noun, not a clause
_SENTENCE_BREAK = re.compile(lang.pattern("punctuation", "sentence_break"))
_LIST_OPENING = re.compile(lang.pattern("project_words", "list_opening"))
_HEADED_LIST = re.compile(lang.pattern("project_words", "project_headed_list"))
_COUNT_OPENING = re.compile(lang.pattern("project_words", "count_opening"))
_COUNT_BEFORE_NAME = re.compile(lang.pattern("project_words", "count_before_name"))
COUNT_REACH = 20  # characters a count and its quoted tag may take before a name
_CLAUSE_BREAK = re.compile(lang.pattern("punctuation", "clause_break") + "|\n")
_ITEM_BREAK = re.compile(lang.pattern("project_words", "item_break"))
_INCLUSIVE_LIST = re.compile(lang.pattern("project_words", "inclusive_list"))
_COMPANY_LIST = re.compile(lang.pattern("project_words", "company_list"))
_COMPANY_LIST_VERB = re.compile(lang.alternation(_WORDS["company_list_verbs_before"]))
_COMPANY_LIST_VERB_AFTER = re.compile(lang.alternation(_WORDS["company_list_verbs_after"]))
_FIRMS_REPRESENTED = re.compile(lang.pattern("project_words", "firms_represented"))
_REPRESENTATIVE_STEP = re.compile(lang.alternation(_WORDS["representative_steps"]))


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str | None
    start: int
    end: int
    listed: bool = False  # one item of an enumeration (海源…等41个项目)
    company: str | None = None  # a company landing without a project name
    item: bool = False  # one item of a list said in full (总投资5亿元的A项目、总投资8亿元的B项目)
    head: tuple[int, int] | None = None  # the words typing the list it is an item of (签约项目5个，分别是)
    opener: tuple[int, int] | None = None  # its list's clause before the list (先后引进了A、B等一批项目)
    roundup: bool = False  # one of several items of an enumeration (A、B等4个项目)


_PATTERN_KEYS = (
    "share_after_list",
    "investment_before",
    "built_by",
    "location_before",
    "site_after",
    "described_as",
    "amount_unit",
    "build_verbs",
    "step_after_an_item",
    "company_landing",
    "sum_before_a_firm",
    "batch_count",
    "company_settling",
    "continues",
    "division_anaphora",
    "paragraph_opening",
    "events",
    "place_after",
    "tallied_place",
    "introduced",
    "subject_marker",
    "planned_build",
    "plan_figure",
    "committed_investment",
    "plan_before_investment",
    "history",
    "future_hedge",
    "condition",
    "firm_hedge",
    "amount_reached",
    "observed",
    "collective",
    "verb_after_company",
    "investor_after",
    "predicate_of",
    "output_capacity",
    "bracketed_phase",
    "investee_of",
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    history_markers = lang.alternation(lang.data("time_markers")["history_markers"]["anywhere"])
    firm_hedges = lang.alternation([w for w in _WORDS["future_hedges"] if w not in _WORDS["time_hedges"]])
    return {
        key: re.compile(
            lang.pattern("project_words", key, history_markers=history_markers, firm_hedges=firm_hedges)
        )
        for key in _PATTERN_KEYS
    }


@cache
def _nouns() -> tuple[tuple[str, ...], frozenset[str]]:
    strong, weak = [], set()
    for line in lang.words("project_nouns"):
        noun, *flag = line.split()
        strong.append(noun)
        if flag:
            weak.add(noun)
    return tuple(sorted(strong, key=len, reverse=True)), frozenset(weak)


@cache
def _statuses() -> tuple[re.Pattern[str], dict[str, tuple[str, int]]]:
    table = {row["word"]: (row["status"], int(row["stage"])) for row in lang.table("project_status")}
    return re.compile(lang.alternation(table)), table


@cache
def _name_re() -> re.Pattern[str]:
    nouns = "|".join(map(re.escape, _nouns()[0]))
    return re.compile(lang.pattern("project_words", "project_name", name_char=NAME_CHARS, nouns=nouns))


LISTED_MIN_CHARS = 4  # an enumerated name cut after a verb keeps at least this much (not 项目 alone)
LISTED_RARE_FREQ = 300  # an enumerated item needs one word rarer than this (董家口)
LISTED_COMPOUND_WORDS = 2  # …or this many words before its project noun (光伏|新材料|产业园)
# A word jieba does not know is a name (鹏辉, 瑞幸) unless it holds a function character or a verb opens it
_NOT_A_NAME_START = ("v", "p", "d", "c", "u", "r")
_BRAND_FLAGS = {"nr", "nrt", "nz", "j", "eng"}
_CLASS_FLAGS = {"t", "r"}
# a number that belongs to the name (12英寸…, 第6代…), not a date or a count (2024年, 75个)
_LEADING_NUMBER = re.compile(lang.pattern("project_words", "leading_number"))
_PLACED_CAPACITY = re.compile(lang.pattern("project_words", "placed_capacity"))
_PLACED_OUTPUT = re.compile(lang.pattern("project_words", "placed_output"))
_PLACED_IN_BRACKETS = re.compile(lang.pattern("project_words", "placed_in_brackets"))
_BRACKET_AFTER = re.compile(lang.pattern("project_words", "bracket_after"))
_TOWN_ENDINGS = tuple(_WORDS["town_endings"])
_CLASS_CORES = frozenset(_WORDS["class_cores"])
_DIVISION_ENDINGS = tuple(lang.data("place_names")["district_endings"])
PLACED_CAPACITY_REACH = 10  # characters of a capacity before a name (100万千瓦, 15MW, 2.5GWh)
PLACED_OUTPUT_REACH = 3  # characters of an output verb before a capacity (年产, 年处理)


def _industry() -> frozenset[str]:
    return lang.word_set("industry_terms")


def _proper(word: str, flag: str, *, opening: bool = True) -> bool:
    """A brand or proper name as jieba tags it, or a word its dictionary does not know (鹏辉, 电阀)."""
    if word in _industry() or gazetteer().places_named(word):
        return False
    if flag in _BRAND_FLAGS:
        return True
    if flag == "ns" and len(word) >= 2:  # 城市 is tagged a place
        return not everyday_place_word(word, flag, freq=EVERYDAY_PLACE_WORD_FREQ)
    if flag != "oov" or len(word) < 2 or set(word) & lang.char_set("function"):
        return False
    return not opening or not tagged(word[0])[0][1].startswith(_NOT_A_NAME_START)


@cached_on_words(32768)  # a project's name recurs across the sentences that speak of it
def _is_specific(name: str, *, listed: bool = False) -> bool:
    """A name that picks out one project: it carries a brand or proper name (鹏辉, 中佳, Open-Cell), or
    starts at a place and says more (青岛国际邮轮港区启动区项目), and holds no class word (重点, 优质).
    An item of an enumeration (董家口炼化一体化、…等重点工程) needs only a word that is not everyday."""
    core = name
    for noun in _nouns()[0]:
        if core.endswith(noun):
            core = core[: -len(noun)]
            break
    if (
        len(core) < 2
        or _COUNTED.search(core)
        or any(w in core for w in lang.words("project_aggregate_words"))
    ):
        return False  # (首个在闽|项目: one character, a province's, names no project)
    pairs = [(w, flag) for w, flag in tagged(core) if w.strip()]
    branded = [
        any(_proper(w, f, opening=j == 0) for j, (w, f) in enumerate(pairs[:i])) for i in range(len(pairs))
    ]
    if any(
        flag in _CLASS_FLAGS
        and not _PHASE.fullmatch(w)
        and w not in _WORDS["name_modifier_times"]
        and not (
            listed and flag == "t" and branded[i]
        )  # 华勤集团年产600万套轿车子午胎 in a list: the product
        for i, (w, flag) in enumerate(pairs)
    ):
        return False
    if any(_proper(w, flag, opening=i == 0) for i, (w, flag) in enumerate(pairs)):
        return True
    if listed and any(word_frequency(w) < LISTED_RARE_FREQ and w not in _industry() for w, _flag in pairs):
        return True
    if (
        listed
        and len(pairs) >= LISTED_COMPOUND_WORDS
        and core != name
        and not name.endswith(_WORDS["project_word"])
    ):
        return True  # 储能新材料产业园 in a list of projects: trades compounded before a facility (not 项目)
    places = [w for w, _flag in pairs if gazetteer().places_named(w)]
    return bool(places) and len(pairs) >= 3


def _names_a_class(name: str) -> bool:
    """A name that only says what kind of projects it speaks of (外资项目, 新一轮项目, 均未申报新开工项目) or
    makes 项目 the object of a talk (某某介绍项目): no project's name."""
    core = name.removesuffix(_WORDS["project_word"])
    if core == name:
        return False
    return (
        core in _CLASS_CORES
        or any(word in core for word in _WORDS["class_inside"])
        or core.endswith(tuple(_WORDS["reporting_verbs"]))
    )


def _trim_start(text: str, start: int, end: int) -> int:
    """Drop leading everyday words (加快推进, 打造) up to the first place, proper or rare word of the name."""
    position = start
    pairs = tagged(text[start:end])
    for index, (word, flag) in enumerate(pairs):
        if (
            gazetteer().places_named(word)
            or rare_word(word)
            or _proper(word, flag)
            or flag in ("g", "tg", "ng", "nrfg", "eng")
            or not re.match(r"[\u4e00-\u9fff]", word)
            or _opens_a_foreign_name(pairs, index)
        ):
            return position
        position += len(word)
    return end


def _opens_a_foreign_name(pairs: tuple[tuple[str, str], ...], index: int) -> bool:
    """伊|莱特…项目: a character the segmenter tags as a country's short name, before a foreign name, opens it."""
    word, flag = pairs[index]
    return len(word) == 1 and flag == "ns" and index + 1 < len(pairs) and pairs[index + 1][1] == "nrt"


def _after_verbs(text: str, start: int, end: int) -> int:
    """Skip the building verbs opening a name (建设储能系统…基地 → 储能系统…基地)."""
    verbs = _patterns()["build_verbs"].match(text, start, end)
    return verbs.end() if verbs else start


_LEGAL_FORMS = tuple(lang.words("company_legal_forms"))
_INNER_CAPACITY = re.compile(lang.pattern("project_words", "inner_capacity"))
INNER_CAPACITY_REACH = 16  # characters of a capacity (2×135兆瓦, 750吨/天) before where a name's edge stopped


@cache
def _closed_before_a_capacity() -> tuple[str, ...]:
    return (*_nouns()[0], *_LEGAL_FORMS)


def _name_edge(text: str, end: int) -> int:
    """Where a project's name ending at `end` starts, 及 and a conjunction between products kept inside."""
    return left_edge(text, end, keep=_INSIDE_PROJECT_NAMES, keep_between_products=_BETWEEN_PRODUCTS)


def _opening_before_a_capacity(text: str, raw_edge: int, end: int) -> tuple[int, int] | None:
    """Where a name may start whose edge stopped inside the capacity between its opening words and its
    product (华鲁恒升|30万吨|二元酸项目, 比亚迪|10GWh|动力电池…), and where the capacity starts: the name goes
    on before the capacity."""
    for capacity in _INNER_CAPACITY.finditer(text, max(0, raw_edge - INNER_CAPACITY_REACH), end):
        if capacity.start() < raw_edge <= capacity.end() < end:
            opening = _name_edge(text, capacity.start())
            # …一体化项目核心子项目--|60万吨…, 义望铁合金有限责任公司|热态渣…: another project or a registered
            # firm before the capacity closes the words that open this name
            closed = 0
            for word, _start, word_end in tokens(text[opening : capacity.start()]):
                if (
                    word.endswith(_closed_before_a_capacity())
                    or not HAN_CHAR.search(word)
                    or word in _WORDS["built_by_verbs"]  # 与柳州市签订|年产20GWh…: the clause's verb
                ):
                    closed = word_end
            opening += closed
            return (opening, capacity.start()) if opening < capacity.start() else None
    return None


def _with_number(text: str, start: int, end: int) -> int:
    """A number before a name belongs to it (12英寸…, 第6代…), a date or a count (2024年, 75个) does not."""
    number = _LEADING_NUMBER.search(text, max(0, start - 8), start)
    if number and start < end and text[start] not in lang.char_set("not_a_name_unit"):
        return number.start()
    return start


# what stands between an investor and its project: 投资建设的, 在西安高新区签约建设


def _built_by_company(text: str, start: int, company_spans: SpanIndex) -> bool:
    """长鑫存储技术有限公司投资建设的12英寸…基地: a name introduced by its investor is specific enough."""
    return any(
        0 <= start - e <= 28 and _patterns()["built_by"].fullmatch(text, e, start)
        for _s, e in company_spans.reaching(start - 28, start)
    )


def _heads_a_list(text: str, start: int) -> bool:
    """…签订A、B等|百亿级外资项目: the words after a list's closer type its items; they name none."""
    return text.endswith(_WORDS["list_end"], 0, start)


def _built_by_company_after(text: str, noun_end: int, company_spans: SpanIndex) -> bool:
    """新能源电池项目由X有限公司投资建设: a name its investor and verb follow is specific enough."""
    by = _patterns()["investor_after"].match(text, noun_end)
    ends = company_spans.end_from_start
    if by is None or by.end() not in ends:
        return False
    end = ends[by.end()]
    while text[end : end + 1] in _WORDS["run_joiners"] and end + 1 in ends:  # 由A有限公司、B有限公司投资建设
        end = ends[end + 1]
    return _patterns()["verb_after_company"].match(text, end) is not None


_NOT_IN_A_NAME = re.compile(lang.pattern("project_words", "not_in_a_name"))


def _introduced_by_investment(
    text: str,
    match: re.Match[str],
    company_spans: SpanIndex,
    investors: dict[int, str] | None = None,
) -> _Candidate | None:
    """总投资120亿元的12英寸…项目, 追加投资1.2亿欧元，建设亚太研发中心和智能制造基地: a name its stated
    investment introduces is a concrete project, whole from the verb on, however plain its words; so is one
    a company plans to build (X有限公司已完成注册，计划建设电子级氢氟酸项目)."""
    intro = None
    for found in _patterns()["introduced"].finditer(text, max(0, match.start() - 40), match.end() - 4):
        if not _NOT_IN_A_NAME.search(text, found.end(), match.end()):
            intro = found
    if intro is None:
        for found in _patterns()["planned_build"].finditer(text, max(0, match.start() - 12), match.end() - 4):
            by_company = any(
                0 <= found.start() - e <= 40 and lang.chars("full_stop") not in text[e : found.start()]
                for _s, e in company_spans.reaching(found.start() - 40, found.start())
            )
            if by_company and not _NOT_IN_A_NAME.search(text, found.end(), match.end()):
                intro = found
    if intro is None:
        return None
    # 总投资5亿元的A项目、总投资8亿元的B项目: an investment said of the name (…的) names a project of its
    # own, and one opening a list item is the next item, not what the project before builds
    own_item = intro.group(0).endswith(_WORDS["attributive"]) or _opens_item(text, intro.start())
    before = text[max(0, intro.start() - 6) : intro.start()].rstrip(_WORDS["before_investment_trailers"])
    if before.endswith(_nouns()[0]) and not own_item:
        return None  # …压铸件项目总投资40亿元，建设6000吨级压铸生产线: what that project builds
    start, end = intro.end(), _without_placing_bracket(text, match.start(), match.end())
    while end < len(text) and text[end] in _WORDS["name_joiners"]:  # …总部及研发中心
        more = _name_re().match(text, end + 1)
        if not more or _NOT_IN_A_NAME.search(text, end + 1, more.end()):
            break
        if text.startswith(tuple(_WORDS["investment_before"]), end + 1):
            break  # A项目和总投资20亿元的B项目: the next project, introduced by its own investment
        end = _without_placing_bracket(text, more.start(), more.end())
    if end - start < 4 or _NOT_IN_A_NAME.search(text, start, end):
        return None
    # 甲有限公司计划投资8亿元的乙项目: the firm whose investment introduces the name is its investor
    investor = (investors or {}).get(intro.start())
    return _Candidate(text[start:end], start, end, item=own_item, company=investor)


def _opens_item(text: str, position: int) -> bool:
    """Right after a list separator (、) or a list's opening (分别是：): the start of a list item."""
    before = text[max(0, position - 8) : position]
    return before.endswith(tuple(lang.chars("list_separator"))) or bool(_LIST_OPENING.search(before))


def _same_sentence(text: str, first: int, last: int) -> bool:
    return first <= last and not _SENTENCE_BREAK.search(text[first:last])


def _placed_capacity(text: str, edge: int, place_ends: frozenset[int]) -> int | None:
    """Where a name starts that opens with a capacity right after the place it goes to (X开发区|100万千瓦
    光伏发电项目): the place makes the plain words after it one project, capacity and all."""
    capacity = _PLACED_CAPACITY.search(text, max(0, edge - PLACED_CAPACITY_REACH), edge)
    if capacity is None:
        return None
    if capacity.start() in place_ends:
        return capacity.start()
    # X县年产100万吨工业盐项目: the output verb between the place and the capacity belongs to the name
    output = _PLACED_OUTPUT.search(text, max(0, capacity.start() - PLACED_OUTPUT_REACH), capacity.start())
    if output is None:
        return None
    place_end = output.start()
    if text.endswith(_DIVISION_ENDINGS, 0, place_end):
        place_end = place_end if place_end in place_ends else place_end - 1  # 丰宁|县 (a short form found)
    return output.start() if place_end in place_ends else None


def _without_placing_bracket(text: str, start: int, end: int) -> int:
    """Where a project's name ends that a bracket closes saying only where it is (…工业盐项目(某某镇),
    …科教城项目（淮北）): the bracket places the project and is no part of its name."""
    bracket = _PLACED_IN_BRACKETS.search(text, start, end)
    if bracket is None:
        return end
    place = bracket.group("place")
    if place.endswith(_TOWN_ENDINGS) or gazetteer().places_named(place):
        return bracket.start()
    return end


JOINED_PRODUCT_CHARS = (2, 8)  # a product joined to a project's name by 、 (医药、保健品生产项目)


def _joined_products_edge(text: str, edge: int) -> int:
    """Where a name starts whose products a 、 joins after the 的 that describes them all (…投资建设的医药、
    保健品生产项目, 签订的玻璃纤维纱、布项目): the 、 is inside the name, not between two projects, when the
    words before it name no project of their own; `edge` otherwise."""
    separator = lang.chars("list_separator")
    if edge == 0 or text[edge - 1] != separator:
        return edge
    attributive = text.rfind(_WORDS["attributive"], max(0, edge - 1 - JOINED_PRODUCT_CHARS[1] - 1), edge - 1)
    if attributive < 0:
        return edge
    product = text[attributive + 1 : edge - 1]
    shortest, longest = JOINED_PRODUCT_CHARS
    if not shortest <= len(product) <= longest or not all(HAN_CHAR.match(c) or c.isdigit() for c in product):
        return edge
    if product.endswith(_nouns()[0]) or gazetteer().places_named(product):
        return edge
    if _opens_with_a_name(product) or _opens_with_a_name(text[edge : edge + longest]):
        return edge  # 北川镇的乐岚物流、平川现代物流项目: each opens with its own name, two projects
    return attributive + 1


def _joined_activities_edge(text: str, edge: int) -> int:
    """Where a name starts whose plant does two things a conjunction joins (燃料电池研发与|生产项目): past the
    conjunction and the first activity to the name's opening words; `edge` otherwise."""
    activities = _WORDS["joined_activities"]
    if not any(text.startswith(a, edge) for a in activities):
        return edge
    for conjunction in _BETWEEN_PRODUCTS:
        for activity in activities:
            joined = activity + conjunction
            if edge >= len(joined) and text.endswith(joined, 0, edge):
                return min(_name_edge(text, edge - len(joined)), edge - len(joined))
    return edge


def _facility_project(text: str, end: int) -> bool:
    """…、上海远赞生命高端医疗器械智造基地项目签约仪式: a facility's name and 项目 before the event name the
    project whose signing it is."""
    word = _WORDS["project_word"]
    if not text.endswith(word, 0, end):
        return False
    before = end - len(word)
    facility = next((n for n in _nouns()[0] if n != word and text.endswith(n, 0, before)), None)
    # “上台阶”工程项目: a quoted slogan's programme, no facility
    return (
        facility is not None
        and text[before - len(facility) - 1 : before - len(facility)] not in _WORDS["quote_marks"]
    )


WORKS_PROJECT_MIN_CHARS = 4  # characters of the project a works part follows (某某高速公路|土建工程)


def _without_its_works(candidate: _Candidate) -> _Candidate | None:
    """某某高速公路重庆段|土建工程: the project whose works a name ends with; 全部土建工程, A区主体工程: none."""
    name = candidate.name or ""
    part = next((p for p in _WORDS["works_parts"] if name.endswith(p)), None)
    if part is None:
        return candidate
    project = name[: -len(part)]
    if len(project) < WORKS_PROJECT_MIN_CHARS or not _is_specific(project):
        return None
    return replace(candidate, name=project, end=candidate.end - len(part))


def _a_brands_event(name: str) -> bool:
    """A name before an event (…项目开工仪式) that is one project's: a coined or proper word in it, no class
    of projects (合作项目) and no event joined inside it (推介会暨项目)."""
    link = _WORDS["name_link"]
    if link in name.removeprefix(link) or _names_a_class(name):
        return False
    if any(verb in name for verb in _WORDS["hosting_verbs"]):
        return False
    return any(
        len(word) >= 2 and flag in ("oov", "nz", "nrt") and not gazetteer().places_named(word)
        for word, flag in tagged(name)
    )


def _named_candidates(
    text: str, companies: list[Company], place_ends: frozenset[int] = frozenset()
) -> list[_Candidate]:
    out = []
    weak = _nouns()[1]
    company_spans = SpanIndex((s.start, s.end) for c in companies for s in c.spans)
    investors = {s.end: c.canonical for c in companies for s in c.spans}
    covered = -1
    for match in _name_re().finditer(text):
        noun_end = _without_placing_bracket(text, match.start(), match.end())
        if match.start() < covered:
            continue  # the rest of a name joined with 及/和
        if any(start < noun_end < end for start, end in company_spans.reaching(noun_end, noun_end)):
            continue  # the noun of a firm's own name (某某工程材料有限公司, 某某产业园发展有限公司)
        while text.startswith(_WORDS["name_link"], noun_end) and (
            linked := _name_re().match(text, noun_end + len(_WORDS["name_link"]))
        ):
            noun_end = covered = linked.end()  # …全球总部暨山西区域总部项目: one project
        before_an_event = bool(_patterns()["events"].match(text, noun_end)) and not _facility_project(
            text, noun_end
        )
        if _COUNTED_AFTER.match(text, noun_end) or _NOT_A_NAME_AFTER.match(text, noun_end):
            continue  # 新开工项目46个 is a count, 生产线2条 a plant's part, 项目履约率 a rate
        if _patterns()["place_after"].match(text, noun_end) or _patterns()["tallied_place"].match(
            text, noun_end
        ):
            continue  # …产业园内, …产业园签约项目5个: a place where projects are, not one
        introduced = _introduced_by_investment(text, match, company_spans, investors)
        if introduced is not None and (
            introduced.item or not (out and _same_sentence(text, out[-1].end, introduced.start))
        ):
            out.append(introduced)  # (after a project named in its sentence, it is what that one builds,
            covered = introduced.end  # unless it is the next item of a list)
            continue
        raw_edge = _joined_activities_edge(text, _joined_products_edge(text, _name_edge(text, noun_end)))
        # 岳阳大华和|鑫家具有限公司实木家具生产项目: a name cut at a word inside a firm's name opens with the firm
        raw_edge = min(
            [raw_edge]
            + [
                s
                for s, e in company_spans.reaching(raw_edge, raw_edge)
                if s < raw_edge < e <= noun_end and boundary_inside_ending_at(text, raw_edge)
            ]
        )
        quoted = _QUOTED_NAME.search(text, max(0, raw_edge - 20), raw_edge)
        if quoted and _quotes_a_slogan(quoted.group(0)):
            continue
        if (
            quoted
            and not before_an_event
            and noun_end - raw_edge <= QUOTED_NAME_NOUN_CHARS
            and text.endswith(_WORDS["project_word"], 0, noun_end)
        ):
            out.append(_Candidate(text[quoted.start() : noun_end], quoted.start(), noun_end))
            continue
        if _patterns()["described_as"].search(text, max(0, raw_edge - DESCRIPTION_REACH), raw_edge):
            continue  # …工业园是全国重要的整车生产基地
        predicate = _patterns()["predicate_of"].search(text, max(0, raw_edge - PREDICATE_REACH), raw_edge)
        if predicate is not None and text.endswith(
            (*_nouns()[0], *_WORDS["predicate_subject_ends"]), 0, predicate.start()
        ):
            continue  # A工程，是“变废为宝”的循环经济环保科技项目: what A is
        if _patterns()["location_before"].search(text, max(0, raw_edge - 3), raw_edge):
            if (
                _patterns()["build_verbs"].match(text, noun_end)
                or _patterns()["observed"].match(text, noun_end)
            ) and not _patterns()["site_after"].match(text, noun_end):
                continue  # 在中德生态园建设…, 记者在X工厂看到: where a project goes or a reporter stands
        unit = _patterns()["amount_unit"].match(text, raw_edge, noun_end)
        number = _LEADING_NUMBER.search(text, max(0, raw_edge - 12), raw_edge)
        if unit and number and _built_by_company(text, number.start(), company_spans):
            start = _after_verbs(text, unit.end(), noun_end)  # …公司投资12亿元建设高端医疗器械研发中心
            out.append(_Candidate(text[start:noun_end], start, noun_end))
            continue
        placed = _placed_capacity(text, raw_edge, place_ends)
        if placed is not None and noun_end - raw_edge >= LISTED_MIN_CHARS:
            out.append(_Candidate(text[placed:noun_end], placed, noun_end))
            continue
        edge = _with_number(text, raw_edge, noun_end)
        capacity_opening = _opening_before_a_capacity(text, raw_edge, noun_end)
        for company_start, company_end in company_spans.reaching(
            edge, noun_end
        ):  # 与X公司签订|新能源电池项目投资协议
            if edge > company_start or company_end > noun_end:
                continue  # no verb between the company and the noun
            verb = _patterns()["verb_after_company"].match(text, company_end, noun_end)
            if verb and noun_end - verb.end() >= LISTED_MIN_CHARS:
                edge = verb.end()
        if (
            _built_by_company(text, edge, company_spans) and not _heads_a_list(text, edge)
        ) or _built_by_company_after(text, noun_end, company_spans):
            # its investor introduces it (X公司投资建设的…, …项目由X公司投资建设): the name is whole
            start = _after_verbs(text, edge, noun_end)
            out.append(_Candidate(text[start:noun_end], start, noun_end))
            continue
        start = (
            edge if edge < raw_edge else _after_inner_verb(text, _trim_start(text, edge, noun_end), noun_end)
        )
        if capacity_opening is not None and start >= capacity_opening[1]:
            opening = _after_inner_verb(text, _trim_start(text, capacity_opening[0], noun_end), noun_end)
            start = opening if opening < capacity_opening[1] else start
        start = max(start, _after_step(text, start, noun_end))  # 开复工|A至B公路工程
        if start >= noun_end:
            continue
        name = text[start:noun_end]
        # 比亚迪股份有限公司…研究院; 钧|瀚储能…基地项目 (a brand the trimmed start cut into)
        investor_inside = any(
            start <= s < noun_end or (s < start < e and not text.endswith(_LEGAL_FORMS, s, e))
            for s, e in company_spans.reaching(start, noun_end)
        )
        # X公司计划在长德开发区建设|生物配合饲料生产项目: its investor and verb introduce it, however plain
        introduced_by = investor_inside or (
            _built_by_company(text, start, company_spans) and not _heads_a_list(text, start)
        )
        if not (introduced_by or _is_specific(name)):
            continue
        if before_an_event and not _a_brands_event(name):
            continue  # 前海深港合作项目签约仪式 is an event; 江西瀚茂精密制造项目开工仪式 a brand's project's
        if any(name.endswith(n) for n in weak) and not brand_of(name) and not introduced_by:
            continue
        out.append(_Candidate(name, start, noun_end))
    link = _WORDS["name_link"]
    out = [  # 开竣工暨甲基地项目开工仪式: the events' joiner opens no name
        replace(c, name=c.name[len(link) :], start=c.start + len(link))
        if c.name and c.name.startswith(link)
        else c
        for c in out
    ]
    # A公司、B公司(的)两个项目: no name, but A's and B's
    starts_by_end = {e: s for s, e in company_spans}
    firms_of = {id(c): _firms_counted(text, c, starts_by_end, investors) for c in out}
    out = [c for c in out if not firms_of[id(c)] and not _only_a_count(c.name)] + [
        firm for firms in firms_of.values() for firm in firms
    ]
    return _longest_from_each_start(text, sorted(out, key=lambda c: c.start))


def _firms_counted(
    text: str, candidate: _Candidate, starts_by_end: dict[int, int], investors: dict[int, str]
) -> list[_Candidate]:
    """A公司、B公司(的)两个项目: the firms listed right before a count of their projects, each one project;
    `starts_by_end` maps where each company mention ends to where it starts."""
    count = _COUNT_CLOSING_A_NAME.search(candidate.name or "")
    if count is None:
        return []
    firms: list[_Candidate] = []
    at = candidate.start + count.start()
    if text.startswith(_WORDS["attribute_end"], at - len(_WORDS["attribute_end"])):
        at -= len(_WORDS["attribute_end"])
    while at in starts_by_end:
        firms.insert(0, _Candidate(None, starts_by_end[at], at, company=investors[at]))
        at = starts_by_end[at] - 1
        if at < 0 or text[at] not in _FIRM_LIST_JOINERS:
            break
    return firms


_FIRM_LIST_JOINERS = lang.chars("list_separator") + lang.chars("conjunctions")


def _only_a_count(name: str | None) -> bool:
    """两个项目, 涿州市有11个项目: a count of projects, no project's name."""
    return bool(name) and bool(
        _COUNTED.fullmatch(next((name[: -len(n)] for n in _nouns()[0] if name.endswith(n)), name))
        or _COUNTED_PROJECTS.search(name)
    )


_FULL_LIST_OPENERS = tuple(sorted(_WORDS["full_list_openers"], key=len, reverse=True))
_SENTENCE_TEXT = re.compile(lang.pattern("punctuation", "sentence"))
_PIECE_BREAK = re.compile(lang.pattern("project_words", "piece_break"))
FULL_LIST_OPENER_REACH = 12  # characters before a list's opening word in its clause (22个重点项目包括…)


def _full_name_items(text: str) -> list[tuple[int, int]]:
    """The items of a list of projects said by their full names, each ending with a project noun, one list
    separator (如A县岚钧特种装备和新能源专用车生产项目、B县泓川年产30万吨再生铝加工项目、…) or one clause
    apart (仪式上，A开发区精密智造项目，B开发区高频变压器、电感元器件项目，…): the separator bounds each item,
    so a conjunction (和, 及), a capacity or a 、 inside a name is no edge of it. An item starts after the
    list's opening word (如, 包括), after a 、, or at its clause when the clause is nothing but the name."""
    nouns = _nouns()[0]
    separator = lang.chars("list_separator")
    stop = _WORDS["list_end"]
    out = []
    for sentence in _SENTENCE_TEXT.finditer(text):
        raw: list[tuple[int, int, bool, str]] = []
        position = sentence.start()
        for piece in _PIECE_BREAK.finditer(text, sentence.start(), sentence.end()):
            start, end, before = position, piece.start(), text[position - 1 : position] if raw else ""
            position = piece.end()
            closer = text.find(stop, start, end)
            end = _bare_name_end(text, start, closer if closer >= 0 else end)
            named = _ends_with_a_noun(text[start:end], nouns)
            if (
                named
                and before == separator
                and _half_a_name(text, raw)
                and not _opens_with_a_name(text[start:end])  # 上海某电影城、亚太某某枢纽项目: two names
            ):
                start = raw.pop()[0]  # A县食用菌菌种生产、栽培及加工综合建设项目: one name holds a 、
                before = text[start - 1 : start] if raw else ""
            raw.append((start, end, named, before))
            if closer >= 0:
                break
        for index, (start, end, named, before) in enumerate(raw):
            beside = [raw[i][2] for i in (index - 1, index + 1) if 0 <= i < len(raw)]
            # 上海某电影城、亚太某某枢纽项目: a facility named on its own before a full name is an item too
            facility = (
                not named
                and index + 1 < len(raw)
                and raw[index + 1][2]
                and raw[index + 1][3] == separator
                and _opens_with_a_name(text[start:end])
                and _half_a_name(text, [raw[index + 1], raw[index]])
            )
            if not (named or facility) or not any(beside):
                continue
            said = [(text.find(w, start, end), w) for w in _FULL_LIST_OPENERS]
            said = [(at, w) for at, w in said if 0 <= at - start <= FULL_LIST_OPENER_REACH]
            if said:
                at, word = min(said)
                start = at + len(word)
            elif before != separator:
                if not (before and _only_a_name(text, start, end)):
                    continue
                start = _trim_start(text, start, end)  # 其中有|A县…项目
            item = text[start:end]
            if _WORDS["attributive"] in item or _patterns()["introduced"].search(item):
                continue  # 总投资5亿元的A项目: the investment introduces the name
            if end - start >= LISTED_MIN_CHARS:
                out.append((start, end))
    return out


def _ends_with_a_noun(piece: str, nouns: tuple[str, ...]) -> bool:
    """…研发基地 and …研发基地一期: a phase after the project noun still ends a name."""
    phase = _PHASE_END.search(piece, max(0, len(piece) - PHASE_TAIL))
    return (piece[: phase.start()] if phase else piece).endswith(nouns)


def _only_a_name(text: str, start: int, end: int) -> bool:
    """A clause that says nothing but a name: no step (签约, 开工), no verb opening it (建设A项目)."""
    return (
        _statuses()[0].search(text, start, end) is None
        and _patterns()["build_verbs"].match(text, start, end) is None
        and not _patterns()["introduced"].search(text, start, end)
    )


INNER_PIECE_MIN_CHARS = 4  # a piece before a 、 inside a name says a product or a step (食用菌菌种生产)


def _half_a_name(text: str, pieces: list[tuple[int, int, bool, str]]) -> bool:
    """The last piece is the first half of the next item's name: it ends with no project noun, follows an
    item that does (so the list is one of full names) and is more than a brand (鼎岚激光) or an industry."""
    if len(pieces) < 2 or pieces[-1][2] or not pieces[-2][2]:
        return False
    start, end = pieces[-1][:2]
    piece = text[start:end]
    return (
        end - start >= INNER_PIECE_MIN_CHARS
        and piece not in _industry()
        and _WORDS["list_end"] not in piece
        and _item_investor(piece) is None
        and not _only_a_brand(piece)
    )


def _bare_name_end(text: str, start: int, end: int) -> int:
    """The end of a name without the bracket placing it (…项目(某某镇))."""
    bracket = _BRACKET_AFTER.search(text, start, end)
    if bracket is None or bracket.end() != end:
        return end
    return _without_placing_bracket(text, start, end)


def _whole_items(text: str, named: list[_Candidate], place_ends: frozenset[int]) -> list[_Candidate]:
    """Names found alone, widened to their full-name list items, and the items no name was found in. A
    name that starts right after a place (X开发区|100万千瓦光伏发电项目) or at a quote (某某村|“杏花谷”乡村
    旅游项目) keeps it out: the words before say where it is."""
    items = _full_name_items(text)
    by_end = {c.end: c for c in named}
    out = list(named)
    for start, end in items:
        found = by_end.get(end)
        if found is not None:
            if (
                found.start > start
                and found.start not in place_ends
                and not found.name.startswith(tuple(_WORDS["quote_marks"]))
                # 与A、B、C公司分别签订了X项目、…: a step before the name ends the words of the item
                and not _statuses()[0].search(text, start, found.start)
            ):
                out[out.index(found)] = replace(found, name=text[start:end], start=start)
        elif (
            not _ends_with_a_noun(text[start:end], _nouns()[0])
            and _ends_with_a_noun(text[max(0, start - 30) : start - 1], _nouns()[0])  # between full names
            and text[start - 1 : start] == lang.chars("list_separator")
            and not any(c.start < end and start < c.end for c in named)
            and _is_specific(text[start:end])
            and not _registered(text[start:end])
            and not _only_a_firms_name(text[start:end])
        ):  # 上海某电影城、亚太某某枢纽项目: the facility named before a full name (not a firm listed)
            out.append(_Candidate(text[start:end], start, end))
        elif text.endswith(_WORDS["project_word"], start, end) and not any(
            c.start < end and start < c.end for c in named
        ):  # (a centre, a platform: a carrier, maybe)
            placed = max((p for p in place_ends if start < p < end - LISTED_MIN_CHARS), default=None)
            if _is_specific(text[start:end]):
                out.append(_Candidate(text[start:end], start, end))
            elif placed is not None and _is_specific(text[placed:end], listed=True):
                # X示范区|果蔬包装项目 among projects: placed by its zone, it needs what a listed item needs
                out.append(_Candidate(text[placed:end], placed, end))
    # 甲集团总部基地 found alone, 甲集团总部基地建设工程项目 the item; a name ending in 项目 is whole
    longest = _longest_from_each_start(text, out)
    return [c for c in out if c in longest or _ends_in_the_project_word(c.name or "")]


def _ends_in_the_project_word(name: str) -> bool:
    """…产业园项目 and …产业园项目(二期)."""
    phase = _BRACKETED_PHASE_END.search(name, max(0, len(name) - PHASE_TAIL))
    return (name[: phase.start()] if phase else name).endswith(_WORDS["project_word"])


def _longest_from_each_start(text: str, found: list[_Candidate]) -> list[_Candidate]:
    """X集团总部 and X集团总部及服装产业园项目, X化工总部 and X化工总部经济项目: the first project noun of a
    name is not its end when the name goes on in the same clause; the shorter reading is no project."""
    return [
        c
        for c in found
        if not any(
            other.start == c.start and other.end > c.end and not _CLAUSE_BREAK.search(text, c.end, other.end)
            for other in found
        )
    ]


def _quotes_a_name(quoted: str) -> bool:
    """“X县免煎中药颗粒生产项目”: a quote holding a project's whole name, not a slogan."""
    inner = quoted.strip(_WORDS["quote_marks"])
    return len(inner) >= QUOTED_PROJECT_MIN_CHARS and inner.endswith(_WORDS["project_word"])


def _quoted_candidates(text: str) -> list[_Candidate]:
    """签约的“X县年产20万吨再生资源综合循环利用”项目: a quoted name that 项目 follows, however plain its words;
    建设“X小面生产及电商基地”: a quoted name a verb of building has as object."""
    quoted = [
        _Candidate(text[m.start() : m.end()], m.start(), m.end())
        for m in _QUOTED_PROJECT.finditer(text)
        if not _quotes_a_slogan(m.group(0))
    ]
    built = [
        _Candidate(m.group(0)[1:-1], m.start() + 1, m.end() - 1)
        for m in _QUOTED.finditer(text)
        if _quotes_what_is_built(text, m)
    ]
    return quoted + [b for b in built if not any(q.start <= b.start < q.end for q in quoted)]


def _quotes_what_is_built(text: str, quote: re.Match[str]) -> bool:
    """建设“X小面生产及电商基地”: a quote right after a verb of building, ending with a project noun."""
    inner = quote.group(0)[1:-1]
    return (
        len(inner) >= QUOTED_PROJECT_MIN_CHARS
        and inner.endswith(_nouns()[0])
        and text.endswith(tuple(_WORDS["build_verbs"]), 0, quote.start())
    )


SLOGAN_NUMERALS = (
    2  # numerals a quote holds to be a numbered slogan (百千万工程, 三个一批), not a name (十里荷塘)
)


SLOGAN_MAX_CHARS = 8  # a quote this short holding digits among its words is a campaign's (“三类500强”)


def _quotes_a_slogan(quoted: str) -> bool:
    """“签约一批”项目, “百千万工程”项目, “双招双引”项目: a quote that counts (一批) or numbers a campaign types
    the projects of a programme; it names none of them."""
    inner = quoted[: quoted.rfind(_WORDS["quote_marks"][-1])].strip(_WORDS["quote_marks"])
    if any(w in inner for w in lang.words("project_aggregate_words")):
        return True
    if any(c.isspace() or c in _WORDS["slogan_joiners"] for c in inner) and not inner.endswith(_nouns()[0]):
        return True  # “1+4”, “迈好第一步 见到新气象”: a formula or two phrases (“互联网+…产业园” names one)
    # “三类500强”: digits number a short campaign's name too, among its words (“6080” alone is a project's
    # code, “某县年产20万吨…” a plant's capacity)
    digits = (
        sum(c.isdigit() for c in inner) if HAN_CHAR.search(inner) and len(inner) <= SLOGAN_MAX_CHARS else 0
    )
    return sum(c in lang.char_set("slogan_numerals") for c in inner) + digits >= SLOGAN_NUMERALS


def _after_inner_verb(text: str, start: int, end: int) -> int:
    """在光谷建设超快激光器…总部, 中德生态园建设精密减速机生产项目: the name starts after the building verb."""
    position = cut = start
    for word, _flag in tagged(text[start:end])[:-1]:
        position += len(word)
        if _patterns()["build_verbs"].fullmatch(word):
            cut = position
    return cut


# characters of each of two projects one list item joins (甲物流中心及乙物流中心)
JOINED_PROJECT_MIN_CHARS = 4


def _joined_projects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """…、京津冀某交易物流中心及某某奢侈品交易物流中心等4个项目: an item that a conjunction standing alone
    joins two names ending in the same facility's noun holds two projects (not A生产线及B生产线项目, whose
    项目 takes both, nor A基地与B中心, the parts of one)."""
    noun = next((n for n in _nouns()[0] if text.endswith(n, start, end)), None)
    if noun is None or noun == _WORDS["project_word"]:
        return [(start, end)]
    for at, joiner in _standalone_conjunctions(text[start:end]):
        left, right = (start, start + at), (start + at + len(joiner), end)
        if min(left[1] - left[0], right[1] - right[0]) >= JOINED_PROJECT_MIN_CHARS and text.endswith(
            noun, *left
        ):
            return [left, right]
    return [(start, end)]


def _listed_candidates(text: str, firms: dict[tuple[int, int], str] | None = None) -> list[_Candidate]:
    out = []
    enumerations = [
        *finditer_within(_ENUMERATION, text, _LIST_STRETCH, lang.chars("enumeration_closer")),
        *(m for m in _COUNTED_ENUMERATION.finditer(text) if not _counts_each(m.group(1))),
    ]
    # 建设内容包括年产45万吨硫酸、15万吨磷酸一铵…等7个子项目: the parts of one project, none a project
    enumerations = [m for m in enumerations if not _PARTS_OF_A_PROJECT.search(m.group(0))]
    for match in enumerations:
        position = match.start(1)
        spans = []
        # 博大精密、宇宙电子等16个项目: a counted list of projects may be one of firms' short names
        counted = _COUNTED.search(text, match.end(1), match.end()) is not None
        closer_end = (
            match.end(1) + len(_WORDS["list_end"])
            if text.startswith(_WORDS["list_end"], match.end(1))
            else match.end(1)
        )
        each_counted = _LIST_COUNT.match(text, closer_end, match.end()) is not None
        slots = []
        whole = set()  # items the count takes whole: a noun ending one names a project, not its investor
        attributed = set()  # items a sum opens as their attribute (总投资80亿元的A): a project each, no firm
        for item in match.group(1).split(lang.chars("list_separator")):
            for slot in _split_at_company_end(text, position, position + len(item)):
                slots += _joined_projects(text, *slot)
            position += len(item) + 1
        # 促成A集团与北海市签订|B等项目: the list of projects starts after the place's step, past the parties
        party = None  # …and the firm before the parties is the investor
        for index in range(len(slots) - 1, -1, -1):
            step_end = _after_a_party_step(text, *slots[index])
            if step_end is not None:
                party = next(
                    (c for (s, e), c in (firms or {}).items() if match.start(1) <= s and e <= step_end), None
                )
                slots = [(step_end, slots[index][1]), *slots[index + 1 :]]
                break
        for index, (start, end) in enumerate(slots):
            if step := _patterns()["step_after_an_item"].search(text, start, end):
                end = step.start()
            whole_start = (
                _whole_item_start(text, start, end, first=index == 0)
                if each_counted
                else _after_attributive_sum(text, start, end, first=index == 0)
            )
            if whole_start is not None:
                spans.append((whole_start, end))
                whole.add((whole_start, end))
                if not each_counted:
                    attributed.add((whole_start, end))
                continue
            edge = _item_edge(text, start, end)
            if (
                counted
                and _item_investor(text[edge:end]) is not None
                and not _patterns()["build_verbs"].match(text, edge, end)
            ):
                spans.append((edge, end))  # 宇宙电子: a firm's short name of everyday words is whole
                continue
            start = _after_verbs(text, _trim_start(text, edge, end), end)
            if index == 0:  # …等企业到我县投资新建A、B等项目: the list is the object of the verb before it
                after_verb = _after_inner_verb(text, max(start, _after_step(text, edge, end)), end)
                start = after_verb if end - after_verb >= LISTED_MIN_CHARS else start
            spans.append((start, end))
        closer = match.end(1) if text.startswith(_WORDS["list_end"], match.end(1)) else None
        if _lists_kinds(text, [text[start:end] for start, end in spans], closer):
            continue
        opener = (_opener(text, match.start(1))[0], spans[0][0])
        # 湖北某路延伸、老干部活动中心、某处整体搬迁等项目: the items of one list are of one type, so once one
        # is surely a project, the others are projects in everyday words too
        typed = each_counted or any(_is_specific(text[start:end], listed=True) for start, end in spans)
        for start, end in spans:
            name = text[start:end]
            weak_noun = next((n for n in _nouns()[1] if name.endswith(n)), None)
            if (
                weak_noun
                and not brand_of(name)
                # 老干部活动中心 beside projects, not a bare 研发中心
                and not (typed and len(spans) > 1 and _counted_item(name[: -len(weak_noun)]))
            ):
                continue
            brand_item = (
                counted
                and len(spans) > 1
                and (start, end) not in attributed
                and _item_investor(name) is not None
            )
            specific = brand_item or _is_specific(name, listed=True) or (typed and _counted_item(name))
            if len(name) >= 2 and specific and not gazetteer().places_named(name):
                firm = _PHASE_END.sub("", name) or name  # 岚威二期: the phase is the project's
                investor = (
                    firm if brand_item or ((start, end) not in attributed and _only_a_brand(firm)) else party
                )
                # the words after 等 type the items and may say how far they came (…等4个开工项目), and
                # so does the rest of their clause (…等共30个项目集中落户)
                head = _list_head(text, match.end(1), match.end())
                out.append(
                    _Candidate(
                        name,
                        start,
                        end,
                        listed=True,
                        company=investor,
                        head=head,
                        opener=opener,
                        roundup=len(spans) > 1 and not ((start, end) in whole and name.endswith(_nouns()[0])),
                        item=(start, end) in attributed,
                    )
                )
    return out


def _after_attributive_sum(text: str, start: int, end: int, *, first: bool) -> int | None:
    """Where an item of a list of projects starts after the sum it opens with as an attribute (总投资80亿元的
    A、总投资30亿元的B等一批项目): the sum says the item is one project, whole; None without such a sum."""
    sums = [
        m
        for m in _ITEM_SUM.finditer(text, start, end)
        if m.group().endswith(_WORDS["attribute_end"]) and end - m.end() >= LISTED_MIN_CHARS
    ]
    return sums[0].end() if sums and (sums[0].start() == start or first) else None


def _whole_item_start(text: str, start: int, end: int, *, first: bool) -> int | None:
    """Where an item of a list a count of projects closes starts (A、B、C等12个项目): the count types every
    item as one project, so an item after the first is its whole slot (某市某水库供水工程 keeps its places),
    past a sum it opens with (15亿元B, 投资6000万元的B); the first item starts after such a sum only (its
    slot may hold the verb the list is the object of). None when the item's start is left to its edge."""
    if text.endswith(_WORDS["attribute_end"], start, end):
        return None
    sums = [m for m in _ITEM_SUM.finditer(text, start, end) if end - m.end() >= LISTED_MIN_CHARS]
    if sums and (sums[0].start() == start or first):
        return sums[0].end()
    if first or not HAN_CHAR.match(text, start) or text.find(_WORDS["attribute_end"], start, end) >= 0:
        return None  # 近日签约的B: a modifier of its own, which the item's edge leaves out
    return start


def _counted_item(name: str) -> bool:
    """An item of a counted list of projects that may name one with everyday words only (循环经济产业园,
    某某战略合作项目, 新兴产业股权投资基金): long enough, and no count, sum or class of projects."""
    return len(name) >= LISTED_MIN_CHARS and not _COUNTED.search(name) and not _names_a_class(name)


def _split_at_company_end(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A list slot holding two items a conjunction joins after a company's registered name (A机械有限公司
    以及B金属制品有限公司): two items. A conjunction inside a project's name (…精粉及…深加工项目) is kept."""
    legal_forms = tuple(lang.words("company_legal_forms"))
    for conjunction in sorted(_WORDS["item_conjunctions"], key=len, reverse=True):
        at = text.find(conjunction, start, end)
        after = at + len(conjunction)
        if at > start and text.endswith(legal_forms, start, at) and end - after >= LISTED_MIN_CHARS:
            return [(start, at), *_split_at_company_end(text, after, end)]
    return [(start, end)]


def _after_step(text: str, start: int, end: int) -> int:
    """Where a list's first item starts after the step the list is the object of (4月份计划开复工|A、B等项目,
    今年新签约|A、B等项目): past the last status word that only everyday words stand before; `start` when
    none does or too little is left after it."""
    cut = start
    for match in _statuses()[0].finditer(text, start, end):
        if end - match.end() < LISTED_MIN_CHARS:
            break
        if any(
            HAN_CHAR.match(word)
            and (gazetteer().places_named(word) or rare_word(word) or _proper(word, flag))
            for word, flag in tagged(text[start : match.start()])
        ):  # (a number there is a date: 4月份)
            break
        cut = match.end()
    return cut


def _after_a_party_step(text: str, start: int, end: int) -> int | None:
    """Where an item opening with places that take a step ends its step (与龙游签订|年产4万吨…, 北海市签订|…);
    None when the item holds no such step or too little is left after it."""
    for match in _statuses()[0].finditer(text, start, end):
        if end - match.end() < LISTED_MIN_CHARS:
            return None
        pairs = [(w, f) for w, f in tagged(text[start : match.start()]) if w.strip()]
        while pairs and pairs[0][1] in ("p", "c"):
            pairs = pairs[1:]
        if pairs and all(gazetteer().places_named(w) for w, _flag in pairs):
            return match.end()
        return None
    return None


def _counts_each(items: str) -> bool:
    """A、B县分别上榜1个项目: a count each item holds (a distributive word, or places as items), not a
    list of projects its count closes."""
    if any(w in items for w in _WORDS["distributive_words"]):
        return True
    return any(gazetteer().places_named(item) for item in items.split(lang.chars("list_separator")))


LIST_OF_FIELDS_MIN = 3  # items of a list that may name fields by their endings (one item may be a project's)


def _lists_kinds(text: str, items: list[str], closer: int | None) -> bool:
    """签约新材料、现代农业、农旅等项目18个, 包括先进制造业、研发中心等类别: a list that names kinds of
    projects, not projects: one of its items is a bare industry word, or the words after its closer
    (等) say kinds (类别, 领域) or a share of a whole (A、B等项目占比较大); 采取A、B等措施推动…项目 lists means
    of working (措施, 方式), not projects."""
    if any(item in _industry() for item in items):
        return True
    # 在农产品精深加工产业、新能源新材料开发建设、无人机制造等16个项目: most items end as fields do
    fields = sum(item.endswith(tuple(_WORDS["field_endings"])) for item in items)
    if len(items) >= LIST_OF_FIELDS_MIN and 2 * fields > len(items):
        return True
    if closer is None:  # a list its count closes (A、B2个项目)
        return False
    after = closer + len(_WORDS["list_end"])
    return (
        _KIND_WORDS.match(text, after) is not None
        or _MEANS_WORDS.match(text, after) is not None
        or _patterns()["share_after_list"].match(text, after) is not None
    )


def _item_edge(text: str, item_start: int, end: int) -> int:
    """Where an enumerated project's name starts within its item: at its left edge, moved back over a
    quantity (泰和县年产20万方木制品), a capacity (年产10000吨, 100MW/200MWh) or a quoted name (云岭“山水人家”
    综合文旅) that the edge stopped at."""
    edge = left_edge(
        text, end, limit=end - item_start, keep=_INSIDE_PROJECT_NAMES, keep_between_products=_BETWEEN_PRODUCTS
    )
    while edge > item_start:
        at = edge
        while at > item_start and _QUANTITY_CHARS.match(text[at - 1]):
            at -= 1
        capacity = _ITEM_CAPACITY.search(text, item_start, at)
        if capacity is not None and capacity.start() > item_start:
            at = capacity.start()  # 某某硼锂年产10000吨|碳酸锂: the capacity is inside the name
        quoted = _QUOTED_NAME.search(text, item_start, at)
        if quoted is not None:
            at = quoted.start()
        if at == edge:
            break
        edge = (
            left_edge(
                text,
                at,
                limit=at - item_start,
                keep=_INSIDE_PROJECT_NAMES,
                keep_between_products=_BETWEEN_PRODUCTS,
            )
            if at > item_start
            else at
        )
    return edge


def _opener(text: str, list_start: int) -> tuple[int, int]:
    """The words of a list's clause before its first item (先后引进了 in 先后引进了A、B等一批项目)."""
    clause_start = list_start
    while clause_start > 0 and not _CLAUSE_BREAK.match(text, clause_start - 1):
        clause_start -= 1
    return (clause_start, list_start)


def _lists_topics(text: str, start: int, end: int) -> bool:
    """项目涉及高效生态农业、原创数字音乐等: after 涉及 a list whose items do not all end with a project noun
    names the fields the projects cover."""
    opening = text[:start].rstrip(lang.chars("colons"))
    pieces = [p for p in _CLAUSE_BREAK.split(text[start:end])[0].split(lang.chars("list_separator")) if p]
    if opening.endswith(tuple(_WORDS["kind_list_openers"])):
        # 46个项目正式签约，主要为战略性新兴产业和先进制造业项目: what the projects mainly are, no one named
        return not any(_is_specific(p, listed=True) for piece in pieces for p in _joined_parts(piece))
    if not opening.endswith(tuple(_WORDS["topic_list_openers"])):
        return False
    return not all(p.endswith(_nouns()[0]) for p in pieces)


def _joined_parts(piece: str) -> list[str]:
    """战略性新兴产业和先进制造业项目 → its parts joined by a conjunction."""
    return [p for p in re.split(lang.alternation(_WORDS["item_conjunctions"]), piece) if p]


def _headed_candidates(text: str, firms: dict[tuple[int, int], str] | None = None) -> list[_Candidate]:
    """签约项目5个，分别是：A项目、B项目、C项目等: the items of a list its head opens, each ending with a
    project noun (an item may hold a 、 of its own: X机械加工、结构件制造项目), typed by the head, which says
    how far they have come."""
    nouns = _nouns()[0]
    stop = _WORDS["list_end"]
    out = []
    resume = 0
    while match := _HEADED_LIST.search(text, resume):
        resume = match.end()
        opening = match.start("head")  # back to its clause's start: 竣工项目3个, 此次签约的8个项目
        while opening > 0 and not _CLAUSE_BREAK.match(text, opening - 1) and match.start() - opening < 20:
            opening -= 1
        head = (opening, match.end("head"))
        start = position = match.start("items")
        closer = text.find(stop, position, match.end("items"))
        if closer >= 0 and _counted_in_its_first_clause(text, head, position, closer):
            closer = -1  # 6个项目分别为A、B、…F，涉及制造、新能源等领域: the 等 closes another clause's list
        if closer >= 0 and _lists_kinds(text, [], closer):
            resume = closer  # 包括先进制造业、研发中心等类别: kinds of projects; a list may follow
            continue
        after_closer = closer + len(stop)
        if closer >= 0 and not _COUNTED_NAME.search(text, *head) and _COUNTED_NAME.match(text, after_closer):
            continue  # 开工项目包括A、B等7个重点项目: the count after the list types it, not this head
        # 22个重点项目包括A、B、C等，…: a sample of the projects counted, one clause that 等 closes: each
        # piece is a project, noun or not
        sampled = closer >= 0 and (
            not _CLAUSE_BREAK.search(text, position, closer) or _comma_list(text, position, closer)
        )
        items_end = match.end("items")
        if _lists_topics(text, position, closer if closer >= 0 else items_end):
            continue
        counted_sample = False
        count = _head_count(text, head)
        if not sampled and closer < 0 and count is not None:
            # 工业类项目3个，分别为：A、B、C；: the items its head counts, one clause of them (as many as
            # it counts when more follows), are each a project too
            first_break = _CLAUSE_BREAK.search(text, position, items_end)
            list_end = first_break.start() if first_break else items_end
            pieces = text[position:list_end].split(lang.chars("list_separator"))
            counted_sample = (first_break is None or count == len(pieces)) and not any(
                p.endswith(nouns) for p in pieces
            )  # (A机械加工、B制造项目 may be one project)
            if counted_sample:  # …，3个服务业项目为C、D: the list its count closes, and another may follow
                items_end = resume = list_end
        if match.group("copula") and not (counted_sample and count == len(pieces)):
            continue  # 3个项目为省重点项目: a copula opens a list only of as many items as its head counts
        for piece in [*_ITEM_BREAK.finditer(text, position, items_end), None]:
            end = piece.start() if piece else items_end
            last = text.find(stop, position, end)
            stops = last >= 0
            end = last if stops else end
            bracket = _BRACKETED_SUM.search(text, position, end)
            end = bracket.start() if bracket and not stops else end  # A(1亿美元): the item's own sum
            if counted_sample:
                firm = (firms or {}).get((position, end))
                brand_end = _brand_item_end(text, position, end)
                if firm is not None or brand_end is not None:  # 开工项目6个，包括A、B: a firm's project
                    company = firm or text[position:brand_end]
                    out.append(_Candidate(None, position, end, listed=True, company=company, head=head))
                elif _sampled_item(text[position:end]):
                    out.append(_Candidate(text[position:end], position, end, listed=True, head=head))
            elif sampled and not text[position:end].endswith(nouns):
                if _sampled_item(text[position:end]):
                    out.append(_Candidate(text[position:end], position, end, listed=True, head=head))
                start = piece.end() if piece else end
            elif (
                not stops
                and piece is not None
                and piece.group(0) == lang.chars("list_separator")
                and _opens_with_a_name(text[position:end])
                and _opens_with_a_name(text[piece.end() : items_end])
            ):
                # 甲精密钢、乙集成电路、丙电器项目等: each item opens with its own investor's name, so
                # it is a project of the head's, noun or not (X机械加工、结构件制造项目 is one project)
                first = left_edge(
                    text,
                    end,
                    limit=end - position,
                    keep=_INSIDE_PROJECT_NAMES,
                    keep_between_products=_BETWEEN_PRODUCTS,
                )
                if end - first >= 4:
                    out.append(_Candidate(text[first:end], first, end, listed=True, head=head))
                start = piece.end()
            elif text[position:end].endswith(nouns):
                first = left_edge(
                    text,
                    end,
                    limit=end - start,
                    keep=_INSIDE_PROJECT_NAMES,
                    keep_between_products=_BETWEEN_PRODUCTS,
                )
                if sampled and first > position and _opens_with_a_name(text[position:end]):
                    first = position  # A、B等 sampled: an item is whole (甲电气氢能源及燃料电池基地)
                name = text[first:end]
                if len(name) >= 4 and not _COUNTED.search(name):
                    out.append(_Candidate(name, first, end, listed=True, head=head))
                start = piece.end() if piece else end
            elif (firm := (firms or {}).get((position, end))) is not None:
                # 开工项目6个，包括A、B、C: an item the text names as a firm is that firm's project
                out.append(_Candidate(None, position, end, listed=True, company=firm, head=head))
                start = piece.end() if piece else end
            elif (brand_end := _brand_item_end(text, position, end)) is not None and not (
                piece is not None and _project_piece_after(text, piece.end(), items_end)
            ):
                # 签约项目5个，包括A、B、C: an unknown brand the head types is a firm's project too
                brand = text[position:brand_end]
                out.append(_Candidate(None, position, brand_end, listed=True, company=brand, head=head))
                start = piece.end() if piece else end
            elif piece is not None and piece.group(0) != lang.chars("list_separator"):
                resume = position  # …项目，开工项目2个，…: the list is over, another may follow
                break
            if stops or piece is None:
                break
            position = piece.end()
    return out


BRAND_ITEM_CHARS = (4, 8)  # a firm's short name as a list item: 岚钧电子, 苏州岚钧精密


def _head_count(text: str, head: tuple[int, int]) -> int | None:
    """How many items a list's head counts: its last count, the nearest the list (共有7个，包括4个制造业项目，
    分别是…); None when it counts none."""
    count = next(reversed([*_COUNTED_NAME.finditer(text, *head)]), None)
    return int(_QUANTITY_DIGITS.search(count.group()).group()) if count is not None else None


def _counted_in_its_first_clause(text: str, head: tuple[int, int], start: int, closer: int) -> bool:
    """Whether the items before the first clause break after `start` are as many as the head counts, and
    the list's closer at `closer` lies past that break."""
    count = _head_count(text, head)
    first_break = _CLAUSE_BREAK.search(text, start, closer)
    if count is None or first_break is None:
        return False
    return count == len(text[start : first_break.start()].split(lang.chars("list_separator"))) > 1


def _brand_item_end(text: str, start: int, end: int) -> int | None:
    """Where a headed list's item that is only a firm's short name ends (苏州岚钧, 岚钧医药 before a count
    of the firms: 岚钧医药6家企业), when it opens with a name and holds nothing else; None otherwise."""
    count = _COUNTED_AFTER.search(text, start, end)
    if count is not None:
        end = count.start()
    item = text[start:end]
    shortest, longest = BRAND_ITEM_CHARS
    if not shortest <= len(item) <= longest or _NOT_IN_A_NAME.search(item):
        return None
    if item.endswith(_nouns()[0]) or gazetteer().places_named(item) or item in _industry():
        return None
    return end if _opens_with_a_name(item) else None


def _project_piece_after(text: str, start: int, end: int) -> bool:
    """Whether the next piece of a headed list ends with a project noun: then a short name before it may be
    the first half of one item (蓝峰机械加工、轨道结构件加工制造项目), no firm of its own."""
    following = _ITEM_BREAK.search(text, start, end)
    return text[start : following.start() if following else end].endswith(_nouns()[0])


PLACE_TIE_REACH = 12  # characters of a place before the 的 tying it to its item


def _list_head(text: str, start: int, list_end: int) -> tuple[int, int]:
    """The words typing a list, from `start` to its clause's end, or to a second count in that clause: in
    A等9个项目的开工和8个项目的投产, what follows the second count is said of other projects."""
    clause_end = _CLAUSE_BREAK.search(text, list_end)
    end = clause_end.start() if clause_end else len(text)
    counts = _COUNTED_NAME.finditer(text, start, end)
    if next(counts, None) is not None and (second := next(counts, None)) is not None:
        end = second.start()
    return start, end


def _inclusive_candidates(text: str, place_ends: frozenset[int]) -> list[_Candidate]:
    """包括甲区的A、B，乙区C在内的18个项目: every item of a list a count of projects closes as a whole, past
    the place it lies in; the words after the list say how far they all came."""
    out = []
    for match in _INCLUSIVE_LIST.finditer(text):
        head = _list_head(text, match.start("head"), match.end())
        pieces = [*_ITEM_BREAK.finditer(text, match.start("items"), match.end("items")), None]
        position = match.start("items")
        for piece in pieces:
            end = piece.start() if piece else match.end("items")
            start = max((e for e in place_ends if position < e < end), default=position)
            tie = text.find(_WORDS["place_tie"], start, min(end, start + PLACE_TIE_REACH))
            if tie >= 0:  # 甲区的A, 某某开发区的A: a place the gazetteer may not know
                start = tie + len(_WORDS["place_tie"])
            name = text[start:end]
            if (
                len(name) >= LISTED_MIN_CHARS
                and not gazetteer().places_named(name)
                and name not in _industry()
            ):
                out.append(_Candidate(name, start, end, listed=True, head=head))
            position = piece.end() if piece else end
    return out


def _comma_list(text: str, start: int, closer: int) -> bool:
    """项目包括：A，B，C等: a list a colon opens and 等 closes may part its items with commas, when no piece
    holds a figure (a sum, a clause of its own) and most name a project."""
    if text[start - 1 : start] not in lang.chars("colons"):
        return False
    pieces = _ITEM_BREAK.split(text[start:closer])
    if len(pieces) < 2 or any(c.isdigit() for piece in pieces for c in piece):
        return False
    return 2 * sum(_sampled_item(piece) for piece in pieces) > len(pieces)


def _sampled_item(item: str) -> bool:
    """A piece of a sampled list of projects that names one: a capacity (30万锭…) or words specific enough
    for a listed item, and no place, industry or count alone."""
    if len(item) < LISTED_MIN_CHARS or item in _industry() or gazetteer().places_named(item):
        return False
    if _COUNTED.search(item):
        return False
    return _CAPACITY.search(item) is not None or _is_specific(item, listed=True)


EVERYDAY_FREQ = 500
# jieba frequency of a place-tagged word no project's name is made of (城市); names hold commoner ones than
# firms' slots do (东北 6,082, 西部 5,505 open gold project names)
EVERYDAY_PLACE_WORD_FREQ = 20000
PREDICATE_REACH = 48  # characters a copula clause may run before the noun it ends with (，是…的…项目)
DESCRIPTION_REACH = 24  # characters a copula and a ranking may stand before a name (是全国重要的…基地)


def _opens_with_a_name(item: str) -> bool:
    """An item whose first word after its places is a brand or a word no dictionary knows (岚钧|精密钢,
    泉州|嘉芯集成电路), not an everyday word (高铁|结构件)."""
    pairs = tagged(item[:12])
    placed = False
    while pairs and gazetteer().places_named(pairs[0][0]):
        pairs, placed = pairs[1:], True
    if not pairs:
        return False
    word, flag = pairs[0]
    named = flag in _BRAND_FLAGS or word_frequency(word) < EVERYDAY_FREQ
    return named and _proper(word, flag, opening=not placed)


HEADLINE_CHARS = 60  # a first line longer than this is body text, not a headline
HEDGE_REACH = 16  # characters a hedge may stand before its status word (预计2025年6月正式投产)
STARTED_STAGE = 3  # project_status.tsv: 开工 and what comes after it
# a step said only as a condition (建成后将…): read as a plan, unless anything else says how far it came
CONDITIONAL, CONDITIONAL_STAGE = "conditional", -1


_CAPACITY = re.compile(lang.pattern("project_words", "capacity"))
LEADING_BRAND_MAX_CHARS = 4  # a brand before a capacity is this short (鼎诚工贸|年产10万吨…)
FIRM_BRAND_MIN_CHARS = 2  # characters of a registered firm's brand a project named after it opens with
COINED_WORD_CHARS = (2, 3)  # an unknown word this long opening an item is a coined brand (岚钧, 宝隆港)


def _leading_brand(name: str) -> str | None:
    """The investor an item of a roundup list opens with, named by nothing else: after its province, the
    words before a capacity when an unknown word is among them (宁和精工|年产5万吨…, 青海|岚川镁业|年产…), else
    an unknown coined word, with the trade right after it (华迅|交通装备基地, 岚钧医药)."""
    if name.endswith(tuple(_WORDS["public_works_endings"])):
        return None
    pairs = list(tagged(name))
    place = ""
    if pairs and gazetteer().places_named(pairs[0][0]):
        place, pairs = pairs[0][0], pairs[1:]
    if not pairs:
        return None
    rest = name[len(place) :]
    capacity = _CAPACITY.search(rest)
    if capacity is not None and 2 <= capacity.start() <= LEADING_BRAND_MAX_CHARS:
        if any(flag == "oov" for _w, flag in tagged(rest[: capacity.start()])):
            return place + rest[: capacity.start()]
    trades = lang.word_set("company_industry_words")
    if len(pairs) > 1 and pairs[-1][0] in trades and all(f == "oov" for w, f in pairs if w not in trades):
        return name  # 岚钧鼎凯|工业: coined words and a trade, nothing built, are the investor's whole name
    word, flag = pairs[0]
    if (
        flag != "oov"
        or not all(HAN_CHAR.match(c) for c in word)
        or word_frequency(word) > 0
        or not COINED_WORD_CHARS[0] <= len(word) <= COINED_WORD_CHARS[1]
    ):
        return None
    if len(pairs) > 1 and len(word) == 2:
        return place + word + _trades_at(rest, len(word))
    return place + word


def _before_its_capacity(name: str) -> str | None:
    """岚德蛋白|年产30万吨…, 岚轩(二期)|年产…: a word no dictionary knows among the few characters before
    the plant's yearly capacity (its phase aside) names the investor, wherever the project is named."""
    capacity = _patterns()["output_capacity"].search(name)
    if capacity is None:
        return None
    head = _patterns()["bracketed_phase"].sub("", name[: capacity.start()])
    if not 2 <= len(head) <= LEADING_BRAND_MAX_CHARS or not all(HAN_CHAR.match(c) for c in head):
        return None
    if gazetteer().places_named(head) or not any(flag == "oov" for _w, flag in tagged(head)):
        return None
    return head


def _item_investor(name: str) -> str | None:
    """An item of a roundup list with no project noun that is a firm's short name (宇宙|电子 after 等16个
    项目建成投产, 安徽|佑|顺): everyday words and a trade, or a province and a coined pair of characters,
    name the investor whose project the list counts."""
    if name.endswith(_nouns()[0]) or name in _industry() or _COUNTED.search(name):
        return None
    pairs = list(tagged(name))
    if pairs and gazetteer().places_named(pairs[0][0]):
        rest = pairs[1:]
        if (
            len(rest) == len("".join(w for w, _f in rest))
            and COINED_WORD_CHARS[0] <= len(rest) <= COINED_WORD_CHARS[1]
        ):
            return name  # a province and characters no word joins: a coined brand
        return None
    trades = lang.word_set("company_industry_words")
    if len(pairs) == 2 and pairs[-1][0] in trades and pairs[0][0] not in _industry() | trades:
        return name
    return None


def _trades_at(name: str, at: int) -> str:
    """The trade words standing one after another at `at` (再生资源, 能源|化工), ending where a word ends."""
    trades = lang.longest_first(lang.word_set("company_industry_words"))
    ends = {end for _w, _s, end in tokens(name)}
    chain = [at]
    while trade := next((t for t in trades if name.startswith(t, chain[-1])), None):
        chain.append(chain[-1] + len(trade))
        if trade in lang.word_set("company_legal_forms"):
            break  # 华达集团|电子信息…: a legal form closes the name
    end = next(e for e in reversed(chain) if e in ends or e == at)
    return name[at:end]


def _only_a_brand(name: str) -> bool:
    """路易达孚、纤纳钙钛矿 in a list of projects: no industry or everyday word, so it names the investor."""
    pairs = tagged(name)
    if any(w in _industry() or word_frequency(w) >= EVERYDAY_FREQ for w, _flag in pairs):
        return False
    if len(pairs) > 1 and _names_what_is_built(*pairs[-1]):
        return False  # 藏木|电站, 童乐|家家, 建峰|PBAT: the last word is the thing built, not the firm's
    return any(_proper(w, flag, opening=i == 0) for i, (w, flag) in enumerate(pairs))


FIRM_ITEM_CHARS = (2, 8)  # an item that is only a firm's short name: 岚钧 to 日本岚钧体育用品
BRAND_CORE_CHARS = (2, 4)  # the coined part of it (岚钧, 岚钧达孚)
_BRAND_WORD_FLAGS = ("nz", "nrt", "nt")  # one word jieba knows as a brand or foreign name (赛尔, 珍妮)
_NAME_PIECE_FLAGS = ("oov", "nr", "nrt", "nz", "nt", "g")
_FUNCTION_FLAGS = ("p", "u", "c", "m", "q", "r", "d")  # (a Han character tagged x is one jieba never saw)
_PLAIN_WORD_BRAND_FLAGS = ("a", "nr")  # 博大|精密, 华贵|饮品: a rare adjective or name before a trade


def _leading_place(name: str) -> str:
    """The country, region or place an item opens with (日本|岚钧, 苏州|岚钧精密), or ''."""
    foreign = next(iter(foreign_origins(name)), "")
    if foreign:
        return foreign
    first = tagged(name)[0][0]
    return first if gazetteer().places_named(first) else ""


def _only_a_firms_name(name: str) -> bool:
    """An item of a list of projects that is only a firm's short name (岚钧, 日本岚钧, 岚钧精密, 岚钧国际): a
    brand after an optional place, then at most one trade word, and nothing naming a thing built.

    The brand is a coined word: absent from the dictionary as a whole, and cut by the segmenter only into
    single characters and name-like pieces (维|珍妮, 璨|宇) — or one word the dictionary tags as a brand,
    or, before a trade, a rare adjective or name (博大|精密). A project noun, a capacity, a count, a place
    alone or an everyday word (电站, 绿色, 二期) makes it a project's name."""
    if not FIRM_ITEM_CHARS[0] <= len(name) <= FIRM_ITEM_CHARS[1] or not all(HAN_CHAR.match(c) for c in name):
        return False
    if name.endswith(_nouns()[0]) or name in _industry() or _COUNTED.search(name) or _CAPACITY.search(name):
        return False
    if gazetteer().places_named(name):
        return False
    rest = name[len(_leading_place(name)) :]
    trades = lang.longest_first(lang.word_set("company_industry_words") | set(_WORDS["short_name_trades"]))
    trade = next((t for t in trades if rest.endswith(t) and len(rest) > len(t)), "")
    core = rest[: len(rest) - len(trade)]
    if not BRAND_CORE_CHARS[0] <= len(core) <= BRAND_CORE_CHARS[1]:
        return False
    if gazetteer().places_named(core) or core in _industry():
        return False
    pairs = tagged(core)
    if len(pairs) == 1:
        word, flag = pairs[0]
        if flag in _BRAND_WORD_FLAGS:
            return True
        if trade and flag in _PLAIN_WORD_BRAND_FLAGS and 0 < word_frequency(word) < EVERYDAY_FREQ:
            return True
    if word_frequency(core) > 0:
        return False
    return all(
        (len(word) == 1 and not flag.startswith(_FUNCTION_FLAGS))
        or (flag in _NAME_PIECE_FLAGS and not gazetteer().places_named(word))
        for word, flag in pairs
    )


_THING_FLAGS = ("n", "j", "v", "eng")  # nouns, abbreviations, verbs (改扩建, 技改), Latin product codes
THING_WORD_FREQ = 10  # 改扩建 (14), 电站 (282) are everyday things; 钙钛矿 (5) may still end a firm's name


def _names_what_is_built(word: str, flag: str) -> bool:
    """A common word ending a listed name that is no trade (电站, 矿泉水, 技改, PBAT) names the plant or the
    work; a trade (饮品), a coined word (达孚) or a rare technical one (钙钛矿) ends a firm's name."""
    if word in lang.word_set("company_industry_words"):
        return False
    return flag == "eng" or (flag.startswith(_THING_FLAGS) and word_frequency(word) >= THING_WORD_FREQ)


def _status(
    text: str,
    windows: list[tuple[int, int]],
    skip: tuple[int, int],
    *,
    described: bool = False,
    names: SpanIndex | None = None,
) -> tuple[str | None, int | None]:
    """The furthest stage said in the first window that says more than a plan (after the name, then
    before it); a plan (计划, 拟) only when no window says more. `described`: the window describes the
    projects (此次签约的8个项目), so a status word before 的 is theirs. A status word inside one of
    `names`, the project names of the report (…运营总部基地), is part of that name."""
    pattern, table = _statuses()
    best: tuple[int, str, int] | None = None
    # 引进 says only that a project came: any other step its window says (签约, 开工) tells how far
    best_is_weak = False
    for index, (first, last) in enumerate(windows):
        conditioned_until = (
            -1
        )  # 建成后主要从事…运营: the steps a condition's clause goes on to say are its plan
        for match in pattern.finditer(text, first, last):
            if skip[0] <= match.start() < skip[1] or text.startswith(_NOT_STEPS, match.start()):
                continue
            if _patterns()["plan_figure"].match(text, match.start()):
                continue  # 计划投资10亿元: the agreed sum, no plan
            if names is not None and any(
                start <= match.start() < end for start, end in names.reaching(match.start(), match.start())
            ):
                continue
            if not _ends_a_word(text, match.start(), match.end()):
                continue  # 建设|中医药健康产业园: 建设中 read across a word's edge is no step
            if text.startswith(tuple(_WORDS["noun_heads_after_step"]), match.end()):
                continue  # 呼叫中心、运营中心: a facility a step word names, no step
            if match.group(0) in _CLAUSE_FINAL_STEPS and not _closes_clause(text, match.end()):
                continue  # 为了加快推进某某区建设: a purpose, no step taken
            status, stage = table[match.group(0)]
            if _after_past_alternative(text, match):
                continue  # 相继签约或落地: steps already taken, each project at least the first of them
            if _patterns()["history"].search(text, max(first, match.start() - 10), match.start()):
                continue  # 继2015年落户园区后的第三次增资: an earlier step, not this project's
            if (
                index == 0
                and stage <= 2
                and not described
                and text.startswith(_WORDS["attributive"], match.end())
            ):
                continue  # …，这是肥西县近年引进的最大项目: says what another noun is, not how far this came
            if stage >= STARTED_STAGE and text.startswith(tuple(_WORDS["readiness_after"]), match.end()):
                # 基本具备竣工条件: still being built; 具备开工条件: not started yet
                status, stage = ("started", STARTED_STAGE) if stage > STARTED_STAGE else ("planned", 0)
            elif match.start() < conditioned_until or (
                stage >= STARTED_STAGE and _patterns()["condition"].match(text, match.end())
            ):
                # 投产后将实现…, 预计投产后年销售收入…, 投产达效后年产值…: a condition, not a step taken (hedged
                # or not), and a plan weaker than any step the report says of the project (集中开工的项目
                # 包括…，建成后将…)
                status, stage = CONDITIONAL, CONDITIONAL_STAGE
                clause_end = _CLAUSE_BREAK.search(text, match.end(), last)
                conditioned_until = max(conditioned_until, clause_end.start() if clause_end else last)
            elif stage > 0 and _hedged(text, max(first, match.start() - HEDGE_REACH), match):
                status, stage = "planned", 0  # 预计明年上半年投产 is a plan
            elif stage > 0 and _one_of_alternative_steps(text, match):
                status, stage = "planned", 0  # 加快…等重大项目开工或投产: a target, neither step taken
            weak = text.startswith(_WEAK_STEPS, match.start())
            if best is None or _outranks(stage, weak, best[0], best_is_weak):
                best, best_is_weak = (stage, status, match.start()), weak
        if best and best[0] > 0:
            break
    if best is None:  # 将在某区打造…基地: a plan to build, when no step is said
        plan = next(
            (
                m
                for first, last in windows
                for m in _PLAN_TO_BUILD.finditer(text, first, last)
                if not _patterns()["plan_figure"].match(text, m.start())
            ),
            None,
        )
        if plan is not None and not skip[0] <= plan.start() < skip[1]:
            return "planned", plan.start()
    return (best[1], best[2]) if best else (None, None)


def _one_of_alternative_steps(text: str, step: re.Match[str]) -> bool:
    """Whether `step` and another step word are joined as alternatives (开工或投产, 投产或开工)."""
    pattern = _statuses()[0]
    if text.endswith(tuple(_WORDS["steps_already_taken"]), 0, step.start()):
        return False  # 相继签约或落地: taken, not a target
    if any(
        text.startswith(joiner, step.end()) and pattern.match(text, step.end() + len(joiner))
        for joiner in _WORDS["step_alternatives"]
    ):
        return True
    return _alternative_before(text, step) is not None


STEP_WORD_REACH = 6  # characters of the step word read before an alternative's joiner


def _alternative_before(text: str, step: re.Match[str]) -> int | None:
    """Where the step word starts that a joiner makes `step` the alternative of (开工或|投产), else None."""
    for joiner in _WORDS["step_alternatives"]:
        before = step.start() - len(joiner)
        if before <= 0 or not text.startswith(joiner, before):
            continue
        earlier = text[max(0, before - STEP_WORD_REACH) : before]
        word = next((w for w in _statuses()[1] if earlier.endswith(w)), None)
        if word is not None:
            return before - len(word)
    return None


def _after_past_alternative(text: str, step: re.Match[str]) -> bool:
    """Whether `step` is the second of two alternatives a word of steps already taken opens (相继签约或落地,
    先后开工或投产): some projects took one, some the other, so each has taken at least the first."""
    first = _alternative_before(text, step)
    return first is not None and text.endswith(tuple(_WORDS["steps_already_taken"]), 0, first)


def _closes_clause(text: str, end: int) -> bool:
    """Whether a clause ends at `end` (the text ends, or a clause break or sentence break follows)."""
    return (
        end >= len(text)
        or _CLAUSE_BREAK.match(text, end) is not None
        or _SENTENCE_BREAK.match(text, end) is not None
    )


def _outranks(stage: int, weak: bool, best_stage: int, best_weak: bool) -> bool:
    """Whether a step word says more than the best one so far: the further stage, except that 引进 (a
    weak step: the project came) gives way to any step that says how (签约 beside 引进 in 此次签约…引进两大
    项目) and never beats one."""
    if weak != best_weak and stage > 0 and best_stage > 0:
        return best_weak
    return stage > best_stage


STEP_WORD_CONTEXT = 4  # characters after a status word that tell whether it ends where a word ends


def _ends_a_word(text: str, start: int, end: int) -> bool:
    """Whether the status word's tail is no head of the next word (建设中。 yes; 建设|中医药 no; 在建 of
    正在建设中 yes: a longer word it opens is no other word)."""
    if end - start < 3 or end >= len(text):
        return True
    position = start
    for word, _flag in tagged(text[start : end + STEP_WORD_CONTEXT]):
        if start < position < end < position + len(word):
            return False
        position += len(word)
    return True


def _hedged(text: str, reach: int, status: re.Match[str]) -> bool:
    """预计明年投产, 计划年内完成投资5亿元: a plan; 年内完成投资3.5亿元: a time and the amount reached, a
    result."""
    if not _patterns()["future_hedge"].search(text, reach, status.start()):
        return False
    reached = _patterns()["amount_reached"].match(text, status.end()) is not None
    return not reached or _patterns()["firm_hedge"].search(text, reach, status.start()) is not None


def _brought_in(text: str, sentence: Segment, status_at: int | None) -> bool:
    """A step that says only that the project came (引进), not said of a period (今年以来引进了…)."""
    return (
        status_at is not None
        and text.startswith(_WEAK_STEPS, status_at)
        and not any(w in text[sentence.start : status_at] for w in _WORDS["period_words"])
    )


class _OtherStarts:
    """The starts of every project candidate but one (`starts` in order)."""

    def __init__(self, starts: list[int], own: int):
        self.starts, self.own = starts, own

    def any_within(self, low: int, high: int) -> bool:
        """Whether another candidate starts at `low` or after and before `high`."""
        i, j = bisect_left(self.starts, low), bisect_left(self.starts, high)
        return any(start != self.own for start in self.starts[i:j])


class _OtherNames:
    """The (start, end) of every project candidate's name but the one starting at `own`."""

    def __init__(self, names: SpanIndex, own: int):
        self.names, self.own = names, own

    def hold(self, start: int, end: int) -> bool:
        """Whether another candidate's name holds [start, end)."""
        return any(s <= start and end <= e and s != self.own for s, e in self.names.reaching(start, start))


def _amount(amounts: list[Amount], clause: Segment, text: str, name: tuple[int, int], others: _OtherStarts):
    """The project's total investment: 总投资X in its clause, with no other project named in between; a sum
    in yuan before one in another currency (投资2亿欧元（约合人民币15.6亿元）)."""
    in_clause = [
        a
        for a in amounts
        if a.start is not None and a.end is not None and clause.start <= a.start < clause.end
    ]
    for amount in sorted(in_clause, key=lambda a: a.currency != "CNY"):
        low, high = sorted((amount.end, name[0])) if amount.start < name[0] else (name[1], amount.start)
        if others.any_within(low, high):
            continue
        if amount.start > name[1] and _WORDS["list_end"] in text[name[1] : amount.start]:
            continue  # A项目、B项目等总投资324亿元的130个项目: the list's total, not one item's
        if amount.end <= name[0] and any(w in text[amount.end : name[0]] for w in _WORDS["parts_of_a_whole"]):
            continue  # 21个项目总投资723.5亿元，其中A…: the whole's sum, A one of its parts
        if _patterns()["investment_before"].search(text[max(0, amount.start - 6) : amount.start]):
            return amount
    return None


def _town_districts(
    text: str, districts: list[District]
) -> tuple[list[District], list[tuple[int, District]]]:
    """Towns of the report's city named outside any district's name, each as a mention of its county (位于
    某镇的某某项目 goes to that town's county): those written in full, and (start, county) of those written
    short, which count only where they open a project's name (某某现代物流项目 with 某某 a town) and only in
    a report that names their county."""
    taken = [(span.start, span.end) for d in districts for span in d.spans]
    named = {d.canonical for d in districts}
    full, short = [], []
    for start, end, county, is_short in town_mentions(text, document_city(text)):
        if any(s < end and start < e for s, e in taken):
            continue
        if is_short and county.canonical not in named:
            continue  # a short form is a town only in a report naming its county (太极 is a brand too)
        district = District(
            canonical=county.canonical,
            mentions=[text[start:end]],
            city=county.city,
            kind=county.kind,
            admin_code=county.admin_code,
            province=county.province,
            spans=[Span(start=start, end=end)],
        )
        if is_short:
            short.append((start, district))
        else:
            full.append(district)
    return full, short


def _in_names(districts: list[District], companies: list[Company]) -> frozenset[int]:
    """Where a district is named inside a company's name (海城市鑫荣…有限公司): where the company comes
    from, a project's district only when nothing else says where it goes."""
    names = SpanIndex((span.start, span.end) for c in companies for span in c.spans)
    return frozenset(
        span.start
        for d in districts
        for span in d.spans
        if any(
            s <= span.start and span.end <= e and e - s > span.end - span.start
            for s, e in names.reaching(span.start, span.start)
        )
    )


def _district_spans(districts: list[District]) -> list[tuple[int, District]]:
    """Where each district is named, in text order, once per document."""
    zones = SpanIndex(
        (span.start, span.end) for d in districts if d.kind not in ADMIN_KINDS for span in d.spans
    )
    return sorted(
        (
            (span.start, d)
            for d in districts
            for span in d.spans
            # 萧山 inside 萧山经济技术开发区 names the zone, not the district
            if d.kind not in ADMIN_KINDS
            or not any(s <= span.start and span.end <= e for s, e in zones.reaching(span.start, span.start))
        ),
        key=lambda s: s[0],
    )


def _park_after_its_division(
    span: tuple[int, District], spans: list[tuple[int, District]]
) -> tuple[int, District]:
    """某县某某工业园区200兆瓦储能项目: a park named right after a division is where the project goes, the
    narrower of the two."""
    start, district = span
    if district.kind not in ADMIN_KINDS:
        return span
    end = next((s.end for s in district.spans if s.start == start), None)
    return next((s for s in spans if s[0] == end and s[1].kind == "zone"), span)


def _listed_place(text: str, span: tuple[int, District]) -> bool:
    """Whether a place is an item of a list of places (甲区、乙县、丙县等区县): named beside others, it is
    no lead for the projects that follow."""
    separator = lang.chars("list_separator")
    start, district = span
    end = next((s.end for s in district.spans if s.start == start), start)
    return text[start - 1 : start] == separator or text[end : end + 1] == separator


def _named_within(spans: list[tuple[int, District]], low: int, high: int) -> list[tuple[int, District]]:
    """The places of `spans` (in text order) named at `low` or after and before `high`."""
    return spans[bisect_left(spans, low, key=itemgetter(0)) : bisect_left(spans, high, key=itemgetter(0))]


def _district_at(
    text: str,
    spans: list[tuple[int, District]],
    position: int,
    paragraphs_above: list[Segment],
    sentence: Segment,
    item: Segment | None = None,
    other_projects: frozenset[int] = frozenset(),
):
    """The district the project lands in: one named in its own list item or clause (a list of projects in
    several counties), else in its sentence, else the latest named before it in its paragraph, else in the
    paragraph above (a paragraph lead: 城阳区… then the projects it lists); a division before a zone each
    time."""
    for segment in (item, sentence):
        if segment is None:
            continue
        named = [_park_after_its_division(s, spans) for s in _named_within(spans, segment.start, segment.end)]
        # where it says it goes (将在昆山高新区投资), else a division named there, else a zone named there
        # (在合肥经开区开工), else the paragraph's lead
        located = [s for s in named if _patterns()["location_before"].search(text, max(0, s[0] - 3), s[0])]
        for pool in (located, [s for s in named if s[1].kind in ADMIN_KINDS], named):
            if pool:
                return min(pool, key=lambda s: abs(s[0] - position))[1].canonical
    if _patterns()["division_anaphora"].search(text, sentence.start, position):
        # 全县还签约了…项目: the county spoken of, not the park the paragraph opened with
        divisions = [s for s in _named_within(spans, 0, position) if s[1].kind in ADMIN_KINDS]
        return divisions[-1][1].canonical if divisions else None
    for index, paragraph in enumerate(paragraphs_above):
        if paragraph.start > position or paragraph.end - paragraph.start < LEAD_MIN_CHARS:
            continue  # a photo caption above is no lead
        if index > 0 and SECTION_HEADING.match(paragraphs_above[0].text):
            break  # （四）拓展外资招商…: a new section, the one above leads nothing here
        # 分别与甲区、乙县、丙县等区县建立联合招商团队: one of a list of places leads no project after it
        before = [
            s
            for s in _named_within(spans, paragraph.start, min(position, paragraph.end))
            if not _listed_place(text, s)
        ]
        opening = _paragraph_opening(text, spans, paragraph, position)
        if opening:
            return opening
        if not paragraph.start <= position < paragraph.end and _opens_with(text, paragraph, other_projects):
            continue  # 某某基地项目投资主体为…，将成为甲产业园内…: a paragraph about another project leads no other
        for pool in ([s for s in before if s[1].kind in ADMIN_KINDS], before):
            if pool:
                return pool[-1][1].canonical
    return None


_ZONE_ANAPHOR = re.compile(
    "(?:{})?(?:{})".format(
        lang.alternation(lang.data("metric_keywords")["zone_anaphora_openers"]),
        lang.alternation(lang.data("metric_keywords")["zone_anaphora"]),
    )
)


def _paragraph_opening(
    text: str, spans: list[tuple[int, District]], paragraph: Segment, position: int
) -> str | None:
    """The place a paragraph opens with, after its dateline or time (今年以来，甲经济开发区…; 4月27日上午，乙县…):
    what the paragraph is about, the zone as much as the county, whatever else it names in passing; a zone
    spoken of by its kind alone (开发区成立了…) is the zone named last before it."""
    at = _patterns()["paragraph_opening"].match(text, paragraph.start, position).end()
    opening = next((s for s in spans if s[0] == at), None)
    if opening is not None:
        return _park_after_its_division(opening, spans)[1].canonical
    if _ZONE_ANAPHOR.match(text, at, position):
        zones = [s for s in spans if s[0] < at and s[1].kind not in ADMIN_KINDS]
        return zones[-1][1].canonical if zones else None
    return None


def _opens_with(text: str, paragraph: Segment, starts: frozenset[int]) -> bool:
    """Whether `paragraph` opens (after its dateline or time) with one of the names starting at `starts`."""
    return _patterns()["paragraph_opening"].match(text, paragraph.start, paragraph.end).end() in starts


LEADING_PLACE_REACH = 6  # characters of a city or province name before the place opening a project's name
_RESPECTIVE_PLACES = re.compile(lang.pattern("place_names", "respective_places"))


def _project_district(
    doc: _Context, position: int, above: list[Segment], sentence: Segment, item: Segment
) -> str | None:
    """The project's district (see _district_at): none when its own item names no place and its sentence
    spreads its projects over several places; a place named inside a company's name only when nothing
    else says where it goes; the division the report is about when nothing names one."""
    text = doc.text
    leading = _leading_places(doc, position)
    if leading:  # 江南区某某风电场项目: the place opening the project's name, even inside an investor's
        return leading[0][1].canonical
    # 投资1.2亿元的甲县某某项目；投资1亿元的某某项目: a place opening another project's name is that one's
    others = {place for place, starts in doc.places_leading_names().items() if starts != {position}}
    # 甲县至乙县油路、丙项目: a place inside another project's name is that one's too
    others |= {
        place
        for place, names in _names_holding_places(doc).items()
        if any(not start <= position < end for start, end in names)
    }
    others |= _claimed_by_another(doc, position)
    # a town tells where the projects of its own sentence go, it leads no paragraph as its county would
    others |= {start for start in doc.town_starts if not sentence.start <= start < sentence.end}
    others |= doc.officials_places()  # an official's office, not where projects go
    spans = [s for s in doc.district_spans if s[0] not in others]
    own = [s for s in spans if item.start <= s[0] < item.end]
    if not own and _RESPECTIVE_PLACES.search(text, position, sentence.end):
        return None  # …等12个项目，分别位于甲开发区、乙镇和丙园区: which one each is in is not said
    if not own and (
        _item_names_a_city(text, item) or _spread_over_places(doc.district_spans, sentence, item)
    ):
        return None
    outside_names = [s for s in spans if s[0] not in doc.in_names]
    # 甲项目、乙市某某有限公司扩建项目等: the place inside the company's name is where that company
    # comes from, never where the other projects of its list or paragraph go
    own_names = [s for s in spans if s[0] not in doc.in_names or item.start <= s[0] < item.end]
    # a paragraph about another project leads this one only when neither a lead nor the report's own
    # division says where it goes
    other_projects = frozenset(doc.starts) - {position}
    return (
        _district_at(text, outside_names, position, above, sentence, item, other_projects)
        or _district_at(text, own_names, position, above, sentence, item, other_projects)
        or doc.own_division
        or _district_at(text, outside_names, position, above, sentence, item)
        or _district_at(text, own_names, position, above, sentence, item)
    )


_OFFICIALS_TITLE = re.compile(
    "|".join(lang.pattern("place_names", key) for key in ("official_title_after_place", "office_after_place"))
)


def _claimed_by_another(doc: _Context, position: int) -> set[int]:
    """Where places are named in the slot of where another project goes (甲项目落户A区，乙项目开工;
    甲项目总投资1亿元，落地A区；乙项目…): that project's, not the one at `position`. The project of a place
    is the last named before it in its sentence (拟在A区建设某某厂 with none before says where the project
    of the sentences above goes); a place whose clause holds the project at `position` is its own."""
    claimed = set()
    paragraph = _containing(doc.paragraphs, position)
    for place, _district in doc.district_spans:
        if not paragraph.start <= place < paragraph.end:
            continue  # a paragraph above leads the projects below it whichever it sent where
        if not _patterns()["location_before"].search(doc.text, max(0, place - 3), place):
            continue
        sentence = _containing(doc.sentences, place)
        clause = next((c for c in clauses(sentence) if c.start <= place < c.end), sentence)
        if clause.start <= position < clause.end:
            continue
        before = doc.starts_within(sentence.start, place)
        if before and before[-1] != position:
            claimed.add(place)
    return claimed


def _names_holding_places(doc: _Context) -> dict[int, list[tuple[int, int]]]:
    """Where each place named inside a project candidate's name is: start → the (start, end) of those names."""
    if doc.names_holding_places is None:
        doc.names_holding_places = {}
        for start, end in doc.ends.items():
            for place, _d in doc.district_spans:
                if start <= place < end:
                    doc.names_holding_places.setdefault(place, []).append((start, end))
    return doc.names_holding_places


SPREAD_PLACES = 2  # places named in the other items of a sentence that spread its projects over them


def _spread_over_places(spans: list[tuple[int, District]], sentence: Segment, item: Segment) -> bool:
    """甲项目落户A区，乙项目落户B县，丙项目开工: a project whose own item names no place, in a sentence
    whose other items send theirs to several places, goes to none of them; the places opening the other
    items' names count (分别为甲项目、A区某某学校项目、B县某某医院项目和C区某镇某某项目)."""
    if (item.start, item.end) == (sentence.start, sentence.end):
        return False
    elsewhere = {
        d.canonical
        for start, d in spans
        if sentence.start <= start < sentence.end and not item.start <= start < item.end
    }
    return len(elsewhere) >= SPREAD_PLACES


def _item_names_a_city(text: str, item: Segment) -> bool:
    """某公司在甲市投资的某某项目: its own item sends the project to a city written whole (在甲市), not to a
    district the sentence names for another item; a city inside a company's name (甲市某某有限公司) sends
    nothing."""
    city_ending = lang.data("place_names")["city_ending"]
    for end, surface in gazetteer().automaton.iter_long(text[item.start : item.end]):
        forms = {e.form for e in gazetteer().places_named(surface)}
        start = item.start + end + 1 - len(surface)
        where = _patterns()["location_before"].search(text, max(item.start, start - 3), start)
        if where and surface.endswith(city_ending) and "city" in forms and "name" not in forms:
            if _VENUE_AFTER.match(text[start + len(surface) : start + len(surface) + VENUE_REACH]):
                continue  # 在甲市招商推介大会上签约: where the signing is held, not where the project goes
            return True
    return False


_VENUE_AFTER = re.compile(lang.pattern("place_names", "venue_after"))
VENUE_REACH = 12  # characters read after a city for the event held there


def _leading_places(doc: _Context, position: int) -> list[tuple[int, District]]:
    """The place opening the name that starts at `position` (江南区某某项目), perhaps after its city's
    name (青岛胶州经济技术开发区某某项目)."""
    found = doc.leading_places_at.get(position)
    if found is None:  # each project asks for those of every other candidate: found once per start
        found = doc.leading_places_at[position] = [
            s
            for s in doc.district_spans + doc.town_short_spans
            if position <= s[0] < position + LEADING_PLACE_REACH
            and (s[0] == position or gazetteer().places_named(doc.text[position : s[0]]))
        ]
    return found


def _fullest_form(companies: list[Company], short: str | None) -> str | None:
    """A brand leading a project's name (岚麦郎食品产业园项目) that opens the registered name of one firm
    the report names (岚麦郎日清食品有限公司) is that firm: its canonical is the fullest name given."""
    if short is None or any(short in c.mentions for c in companies):
        return short
    longer = {c.canonical for c in companies for m in c.mentions if m != short and m.startswith(short)}
    return longer.pop() if len(longer) == 1 else short


def _without_leading_places(name: str) -> str:
    """The name after the places and the foreign country or region it opens with (惠州市|…, 澳门|…)."""
    while True:
        pairs = tagged(name)
        if len(pairs) > 1 and gazetteer().places_named(pairs[0][0]):
            name = name[len(pairs[0][0]) :]
        elif origin := next((f for f in foreign_origins(name) if len(name) > len(f)), None):
            name = name[len(origin) :]
        else:
            return name


def _registered(name: str) -> bool:
    return lang.data("company_patterns")["registered_marker"] in name


def _registered_firms(companies: list[Company]) -> list[tuple[str, str]]:
    """(canonical, the name after its places) of each registered firm."""
    return [
        (c.canonical, _without_leading_places(c.canonical)) for c in companies if _registered(c.canonical)
    ]


def _firm_named_after(firms: list[tuple[str, str]], name: str) -> str | None:
    """岚禾海洋牧场项目 in a report that names 澳门岚禾海洋产业发展有限公司: a project named after the brand of
    the one registered firm the report names with it (their places aside) is that firm's (`firms`: of
    _registered_firms)."""
    own = _without_leading_places(name)
    pairs = tagged(own)
    if not pairs or not rare_word(pairs[0][0]) or gazetteer().places_named(pairs[0][0]):
        return None
    named = {
        canonical
        for canonical, stem in firms
        if len(os.path.commonprefix([own, stem])) >= FIRM_BRAND_MIN_CHARS
    }
    return named.pop() if len(named) == 1 else None


def _company_in(doc: _Context, start: int, end: int) -> str | None:
    """The first company named inside [start, end); of names nested in one another (a branch and the
    parent its name opens with), the whole."""
    inside = [
        (span_start, -(span_end - span_start), index, canonical)
        for span_start, span_end, index, canonical in doc.firms_starting_in(start, end)
        if span_end <= end
    ]
    return min(inside)[3] if inside else None


def clauses(sentence: Segment) -> list[Segment]:
    return [
        Segment(m.group(0), sentence.start + m.start(), sentence.start + m.end())
        for m in _CLAUSE.finditer(sentence.text)
    ]


def _tallies(sentence: str) -> bool:
    """Whether a sentence counts projects (签约项目3个) or has them take a step together (镇区的项目也集中开工):
    what a sentence itemizing them after it says of them all."""
    if _TALLY.search(sentence):
        return True
    return _WORDS["project_word"] in sentence and _patterns()["collective"].search(sentence) is not None


@dataclass
class _Context:
    """One document's text and what the other extractors found in it, indexed once."""

    text: str
    amounts: list[Amount]
    companies: list[Company]
    districts: list[District]
    sentences: list[Segment]
    paragraphs: list[Segment]
    starts: list[int] = field(default_factory=list)  # of every project candidate
    ends: dict[int, int] = field(default_factory=dict)  # candidate start → its end
    # (name, evidence start) of the projects planned only as a condition (建成后将…)
    conditional: set[tuple[str | None, int]] = field(default_factory=set)
    # …of those whose status is a step that says only that they came (引进)
    weak: set[tuple[str | None, int]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._sentence_starts = [s.start for s in self.sentences]
        self._paragraph_starts = [p.start for p in self.paragraphs]
        towns, self.town_short_spans = _town_districts(self.text, self.districts)
        self.town_starts = {span.start for d in towns for span in d.spans}
        self.town_starts |= {start for start, _d in self.town_short_spans}
        self.district_spans = _district_spans(self.districts + towns)
        # places inside the names of firms, and of public works no candidate took (墨脱公路)
        self.in_names = _in_names(self.districts + towns, self.companies) | _stems_opening_names(
            self.text, self.districts
        )
        self.towns = towns
        self.own_division = _opening_zone(self) or _own_division(self.districts, self.in_names, towns)
        self.leading_places_at: dict[int, list[tuple[int, District]]] = {}
        self.names_holding_places: dict[int, list[tuple[int, int]]] | None = None
        self._places_leading_names: dict[int, set[int]] | None = None
        self._officials_places: set[int] | None = None
        self.registered_firms = _registered_firms(self.companies)
        # (start, end, the company's position, its canonical) of every company's every mention
        self.firm_spans = [
            (span.start, span.end, index, company.canonical)
            for index, company in enumerate(self.companies)
            for span in company.spans
        ]
        self._firm_index = SpanIndex((start, end) for start, end, _i, _c in self.firm_spans)
        self.name_index = SpanIndex(())  # of the candidates' names, set with `starts`

    def take_candidates(self, candidates: list[_Candidate]) -> None:
        """The project candidates, in text order; what was derived from earlier ones is dropped."""
        self.starts = [c.start for c in candidates]
        self.ends = {c.start: c.end for c in candidates}
        self.name_index = SpanIndex(self.ends.items())
        self.names_holding_places = None
        self._places_leading_names = None

    def firms_starting_in(self, low: int, high: int) -> list[tuple[int, int, int, str]]:
        """The entries of `firm_spans` that start at `low` or after and before `high`."""
        return [self.firm_spans[i] for i in self._firm_index.indices_starting_in(low, high)]

    def starts_within(self, low: int, high: int) -> list[int]:
        """The project candidates that start at `low` or after and before `high` (`starts` is in order)."""
        return self.starts[bisect_left(self.starts, low) : bisect_left(self.starts, high)]

    def places_leading_names(self) -> dict[int, set[int]]:
        """Each place opening a candidate's name → the starts of the candidates it opens."""
        if self._places_leading_names is None:
            self._places_leading_names = {}
            for start in self.starts:
                for place, _district in _leading_places(self, start):
                    self._places_leading_names.setdefault(place, set()).add(start)
        return self._places_leading_names

    def officials_places(self) -> set[int]:
        """湖南某新区党工委委员、管委会副主任某某出席: places named as an official's office."""
        if self._officials_places is None:
            self._officials_places = {
                span.start
                for _start, district in self.district_spans
                for span in district.spans
                if _OFFICIALS_TITLE.match(self.text, span.end)
            }
        return self._officials_places

    def event_status(self) -> str | None:
        """How far every counted set of projects came, when the report counts them all at one step
        (举行集中签约仪式，19个项目成功签约。这次集中签约的19个项目…): a single event's report."""
        if not hasattr(self, "_event_status"):
            said = {
                _status(self.text, [(s.start, s.end)], (0, 0), described=True)[0]
                for s in self.sentences
                if _TALLY.search(s.text)
            } - {None, "planned", CONDITIONAL}
            # an event is a signing or a ground-breaking; projects counted as landed are a tally of the year
            self._event_status = next(iter(said)) if len(said) == 1 and said <= set(_EVENT_STATUSES) else None
        return self._event_status

    def counted_status(self, sentence: Segment, position: int) -> str | None:
        """How far the projects a list counts came, when the report counted as many at one step elsewhere
        (共签约招商引资项目6个，…。…的6个招商引资项目分别是：A项目…): the list itemizes that tally."""
        counts = [_count_of(m.group(0)) for m in _TALLY.finditer(self.text, sentence.start, position)]
        if not counts:
            return None
        if not hasattr(self, "_tallied"):
            tallied: dict[str, set[str | None]] = {}
            for each in self.sentences:
                for match in _TALLY.finditer(each.text):
                    clause = _containing(clauses(each), each.start + match.start())
                    said = _status(self.text, [(clause.start, clause.end)], (0, 0), described=True)[0]
                    tallied.setdefault(_count_of(match.group(0)), set()).add(said)
            self._tallied = {count: said - {None, "planned", CONDITIONAL} for count, said in tallied.items()}
        said = self._tallied.get(counts[-1], set())
        return next(iter(said)) if len(said) == 1 else None

    def batch_status(self, sentence: Segment, status_of) -> str | None:
        """How far a batch came that this sentence names or the next one speaks of: …开工项目有22个。这些项目…包括
        A、B (the count before), A投资设厂，B扩厂。这些投资案都已陆续开工 (the sentence after)."""
        index = bisect_right(self._sentence_starts, sentence.start) - 1
        anaphora = tuple(_WORDS["batch_anaphora"])
        said = None
        if index > 0 and sentence.text.lstrip().startswith(anaphora):
            before = self.sentences[index - 1]
            tallies = list(_patterns()["batch_count"].finditer(before.text))
            if tallies:
                clause = _containing(clauses(before), before.start + tallies[-1].start())
                said = status_of(self.text, [(clause.start, clause.end)], (0, 0), described=True)[0]
        following = self.sentences[index + 1] if index + 1 < len(self.sentences) else None
        if said is None and following is not None and following.text.lstrip().startswith(anaphora):
            said = status_of(self.text, [(following.start, following.end)], (0, 0), described=True)[0]
        return said if said not in ("planned", CONDITIONAL) else None

    def sentence_at(self, position: int) -> Segment:
        return self.sentences[max(bisect_right(self._sentence_starts, position) - 1, 0)]

    def continuation(self, sentence: Segment) -> Segment | None:
        """The next sentence when it goes on about this one's project (项目总投资约45亿元，…)."""
        index = bisect_right(self._sentence_starts, sentence.start)
        following = self.sentences[index] if index < len(self.sentences) else None
        return following if following and _patterns()["continues"].match(following.text) else None

    def tally_before(self, sentence: Segment) -> Segment | None:
        """The sentence counting projects that this one itemizes: it opens with 其中, or goes on a run of
        items that did (其中，A项目…；B项目…；) — each item is a sentence of its own after a semicolon."""
        index = bisect_right(self._sentence_starts, sentence.start) - 1
        while not _ITEMIZING.match(self.sentences[index].text):
            index -= 1
            if index < 0 or not self.sentences[index].text.rstrip().endswith(tuple(lang.chars("semicolons"))):
                return None
        previous = self.sentences[index - 1] if index >= 1 else None
        return previous if previous and _tallies(previous.text) else None

    def run_head(self, sentence: Segment) -> tuple[int, int] | None:
        """What opens a run of items one semicolon apart (此次签约活动，涉及A公司投资的B项目；C公司…；):
        the first sentence of the run up to its first project, when this sentence is not that first one."""
        index = bisect_right(self._sentence_starts, sentence.start) - 1
        first = index
        semicolons = tuple(lang.chars("semicolons"))
        while first > 0 and self.sentences[first - 1].text.rstrip().endswith(semicolons):
            first -= 1
        if first == index:
            return None
        opener = self.sentences[first]
        items = [s for s in self.starts if opener.start <= s < opener.end]
        if items:
            return opener.start, items[0]
        # 在此次开工的重点项目中：投资…的5个光伏项目，…；: a heading before a colon names the set the run is of
        colon = next((i for i, c in enumerate(opener.text) if c in lang.chars("colons")), None)
        return (opener.start, opener.start + colon) if colon is not None else None

    def itemization_head(self, sentence: Segment) -> tuple[int, int] | None:
        """What an itemization by place opened with (从新签约情况来看，南谯2个，分别是A项目；来安1个，为B项目。
        苏滁产业园2个，分别是C项目): for a sentence opening with a count by place, the words before the first
        count of the sentences before it in its paragraph that go on the same way."""
        if not (opening := _COUNT_OPENING.match(sentence.text)) or opening.start() != 0:
            return None
        index = bisect_right(self._sentence_starts, sentence.start) - 1
        paragraph_start = self.paragraphs_above(sentence.start)[0].start
        while index > 0 and self.sentences[index - 1].start >= paragraph_start:
            index -= 1
            earlier = self.sentences[index]
            found = _COUNT_OPENING.search(earlier.text)
            if found is None:
                return None
            if found.start() > 0:
                return (earlier.start, earlier.start + found.start())
        return None

    def paragraph_tally(self, sentence: Segment) -> Segment | None:
        """The count of projects a paragraph opens with (集中开工项目18个，总投资61.61亿元。), for a sentence of
        that paragraph counting a part of them (5亿元以上项目3个，分别为A、B): the part is of the whole."""
        paragraph = self.paragraphs_above(sentence.start)[0]
        index = bisect_right(self._sentence_starts, paragraph.start) - 1
        opening = self.sentences[max(index, 0)]
        if opening.start < paragraph.start:
            index += 1
            opening = self.sentences[index] if index < len(self.sentences) else opening
        if opening.start >= sentence.start or not (_tallies(opening.text) and _tallies(sentence.text)):
            return None
        return opening

    def paragraphs_above(self, position: int) -> list[Segment]:
        """The paragraph holding `position`, then the one before it."""
        at = max(bisect_right(self._paragraph_starts, position) - 1, 0)
        return [self.paragraphs[at], *self.paragraphs[max(at - 1, 0) : at]]


def _item(doc: _Context, candidate: _Candidate, clause: Segment) -> Segment:
    """The candidate's own item of a list its clause runs through (X公司投资的A项目、Y公司投资的B项目):
    from the list separator after the candidate before it to the one before the next; the clause when no
    separator stands between it and another candidate."""
    separator = lang.chars("list_separator")
    inside = [s for s in doc.starts_within(clause.start, clause.end) if s != candidate.start]
    before = [s for s in inside if s < candidate.start]
    after = [s for s in inside if s > candidate.start]
    first, last = clause.start, clause.end
    if before:
        cut = doc.text.find(separator, doc.ends.get(before[-1], before[-1]), candidate.start)
        if cut >= 0:
            first = cut + 1
    if after:
        cut = doc.text.find(separator, candidate.end, after[0])
        if cut >= 0:
            last = cut
    return Segment(doc.text[first:last], first, last)


def _own_modifier(text: str, item_start: int, name_start: int) -> tuple[int, int] | None:
    """The words of a list item that modify its name (近日签约的|A产业园): from the item's start to the
    name, when they end with 的 and follow a list separator."""
    if item_start >= name_start or not text.startswith(lang.chars("list_separator"), item_start - 1):
        return None
    if not text.endswith(_WORDS["attributive"], item_start, name_start):
        return None
    return (item_start, name_start)


def _run_end(doc: _Context, candidate: _Candidate, *, described: bool = False) -> int:
    """Where the run of names that `candidate` opens ends: names one list separator apart
    (A项目、B项目、C项目成功签约) are said together, and what follows the last is said of them all; with
    `described`, also names whose items open with words of their own (A项目、总投资7亿元的B项目开工)."""
    end = candidate.end
    for start in doc.starts[bisect_right(doc.starts, candidate.start) :]:
        if start < end:
            continue
        between_start = _past_placing_bracket(doc.text, end)
        between = doc.text[between_start:start]
        joiner, place = between[:1], between[1:]
        if described and (investor := _company_opening(doc, between_start + 1, start)) is not None:
            # A项目与某公司计划投资8亿元的B项目将落户: B's investor opens its item
            place = doc.text[investor:start]
        if between not in _WORDS["run_joiners"] and not (
            joiner in _WORDS["run_joiners"] and place and _only_placing_or_describing(place, described)
        ):
            break  # (A项目(某某镇)、新昌县B项目: the county opening the next item is no break)
        end = doc.ends.get(start, start)
    return end


OWN_MODIFIER_REACH = 16  # characters of the words an item of a run says of itself (总投资7亿元的)


def _only_placing_or_describing(words: str, described: bool) -> bool:
    """What may open the next item of a run and keep it one run: a place (新昌县), or, when `described`,
    words describing that item alone (总投资7亿元的) that say nothing of how far it came and break no clause."""
    if gazetteer().places_named(words):
        return True
    return (
        described
        and len(words) <= OWN_MODIFIER_REACH
        and words.endswith(_WORDS["attributive"])
        and _CLAUSE_BREAK.search(words) is None
        and not any(
            not _patterns()["plan_figure"].match(words, m.start()) for m in _statuses()[0].finditer(words)
        )
    )


def _company_opening(doc: _Context, start: int, before: int) -> int | None:
    """Where the company named at `start` ends, when it ends before `before`."""
    ends = [
        end for _start, end, _index, _canonical in doc.firms_starting_in(start, start + 1) if end < before
    ]
    return max(ends, default=None)


def _past_placing_bracket(text: str, end: int) -> int:
    """After a name, past the bracket that places it (…项目(某某镇)、…项目(某某乡)在…签约): the run goes on."""
    bracket = _BRACKET_AFTER.match(text, end)
    if bracket is None or _without_placing_bracket(text, end, bracket.end()) != end:
        return end
    return bracket.end()


def _opening_zone(doc: _Context) -> str | None:
    """The zone a report opens with (12月15日，甲工业园某某开园仪式举行…): what the report is about, where
    its projects go when nothing else says, even when a county is named later (位于甲工业园乙区自建区域)."""
    first = next((p for p in doc.paragraphs if p.end - p.start >= LEAD_MIN_CHARS), None)
    if first is None:
        return None
    at = _patterns()["paragraph_opening"].match(doc.text, first.start, first.end).end()
    opening = next((s for s in doc.district_spans if s[0] == at), None)
    if opening is None:
        return None
    place = _park_after_its_division(opening, doc.district_spans)[1]
    return place.canonical if place.kind == "zone" else None


def _stems_opening_names(text: str, districts: list[District]) -> frozenset[int]:
    """Where a division's bare stem opens the name of a public work no candidate took (墨脱公路正式通车,
    …、蛟河抽水蓄能以及…): public works are named after the places they serve, so the stem is that work's
    place, not the division the report is about."""
    out = set()
    for district in districts:
        for span in district.spans:
            if text[span.start : span.end] == district.canonical:
                continue
            name = _NO_BREAK.match(text, span.end)
            if name is not None and public_works(name.group(0)[:NAME_AFTER_STEM]):
                out.add(span.start)
    return frozenset(out)


def _own_division(
    districts: list[District], in_names: frozenset[int] = frozenset(), towns: list[District] | None = None
) -> str | None:
    """The county-level division a document is about when it names no other (a district government's
    work report, a county paper's feature), or the zone when it names no division and no other zone, and
    names it in its opening lines: where its projects go. A town of the division names it too (甲镇签约3个
    项目…乙镇…: a county paper's round-up of its towns). A division named only inside company names
    (某某玻纤甲县有限公司) is where a company comes from."""
    town_starts: dict[str, list[int]] = {}
    for town in towns or []:
        town_starts.setdefault(town.canonical, []).extend(
            s.start for s in town.spans if s.start not in in_names
        )
    named = [
        d for d in districts if town_starts.get(d.canonical) or any(s.start not in in_names for s in d.spans)
    ]
    divisions = [d for d in named if d.kind in ("district", "county", "county_city")]
    if not divisions:
        # 某某经开区全力推进重大项目建设: a zone's own news, no division named, goes to the zone
        divisions = [d for d in named if d.kind in ("zone", "new_area")]
    if len(divisions) != 1 or not divisions[0].spans:
        return None
    division = divisions[0]
    first = min([division.spans[0].start, *town_starts.get(division.canonical, [])])
    return division.canonical if first < OWN_DIVISION_WITHIN else None


def _count_of(tally: str) -> str:
    return "".join(ch for ch in tally if ch.isdigit())


def _containing(segments: list[Segment], position: int) -> Segment:
    index = bisect_right([s.start for s in segments], position) - 1
    return segments[max(index, 0)]


def _project_key(name: str, mentions: frozenset[str]) -> str:
    """What tells projects apart: the name without 项目 and without the investor leading it
    (芯瑞微电子（成都）有限公司功率半导体封测基地 = 芯瑞微电子功率半导体封测基地); `mentions`: every company's."""
    investor = next((length for length in range(len(name) - 1, 0, -1) if name[:length] in mentions), 0)
    key = name[investor:].removesuffix(_WORDS["project_word"])
    if key in _nouns()[0]:
        return name  # A集团总部 and B再生资源总部: a bare project noun tells nothing apart, the investor does
    return key or name  # 岚店咖啡项目 and 华达电器项目: the investor's name is all that tells them apart


def _repeats(earlier: Project, project: Project) -> bool:
    """A mention of the same investor's project in the same place: with no sum, or with a sum the earlier
    one did not tell and a name that is the investor's own (A、B等。…50亿元的A项目)."""
    if (earlier.company, earlier.district) != (project.company, project.district):
        return False
    if project.amount_yuan is None:
        return True
    named_after_it = bool(project.name and project.company and project.company in project.name)
    return named_after_it and earlier.amount_yuan in (None, project.amount_yuan)


def _names_only(project: Project) -> bool:
    """A mention that says nothing of the project but its investor (鹏辉能源项目, 落户的岚钧科技) may repeat one
    found before; a name that says what is built (岚钧…环保装备制造基地项目) is a project of its own."""
    if project.name is None or project.company is None:
        return True
    if project.company not in project.name:
        return True  # the investor named beside it, not in it: a caption of that investor's project
    rest = project.name.split(project.company, 1)[-1].removesuffix(_WORDS["project_word"])
    return not rest or rest in _nouns()[0]


def _named_elsewhere(doc: _Context, projects: list[Project]) -> list[Project]:
    """A firm listed as a project (开工项目分别为A锂电、B医药) whose project a later sentence of its own names
    (A锂电计划建设…生产基地): one project, under its name, with what the listing alone says."""
    named: dict[str, list[int]] = {}
    for i, project in enumerate(projects):
        if project.name is not None and project.company:
            named.setdefault(project.company, []).append(i)
    kept = list(projects)
    dropped = set()
    for i, project in enumerate(projects):
        same = named.get(project.company or "", []) if project.name is None else []
        if (
            len(same) == 1
            and projects[same[0]].start > project.start
            and doc.sentence_at(projects[same[0]].start) != doc.sentence_at(project.start)
        ):
            merged = _filled(kept[same[0]], project)
            if _work_stage(project.status) > _work_stage(merged.status):  # listed as started, described as
                merged = merged.model_copy(update={"status": project.status})  # planned when it was agreed
            kept[same[0]] = merged
            dropped.add(i)
    return [p for i, p in enumerate(kept) if i not in dropped]


def _same_firm_again(found: Project, project: Project) -> bool:
    """Two projects without names said in one stretch of text whose investors are one firm written twice, the
    second time shorter (泰国某某集团出资…，某某集团在我省投资…): one project."""
    if found.name is not None or not found.company or not project.company or found.start != project.start:
        return False
    return found.company.endswith(project.company) or project.company.endswith(found.company)


def _filled(kept: Project, other: Project, *, placed: bool = False) -> Project:
    """`kept` with the investor, district, amount or status that only `other`, a mention of the same
    project, says (上海新昇半导体…基地 in a list, then 半导体…基地项目，总投资91亿元); the district of `other`
    when it is `placed` there in so many words (…项目由某集团投资建设，落户某经济开发区)."""
    company = kept.company or other.company
    district = (other.district if placed else None) or kept.district or other.district
    status = kept.status or other.status
    if kept.amount_yuan is None and other.amount_yuan is not None:
        kept = kept.model_copy(update={"amount_yuan": other.amount_yuan, "amount_text": other.amount_text})
    return kept.model_copy(update={"company": company, "district": district, "status": status})


# verbs of going or lying somewhere (落户, 位于); the bare preposition 在 says where anything happens
_PLACING_VERBS = tuple(v for v in lang.data("place_names")["zone_location_verbs"] if len(v) > 1)


def _placed_there(doc: _Context, project: Project) -> bool:
    """Whether the mention says in so many words that the project goes to its district (落户某区, 位于某园区)."""
    if project.district is None or not project.evidence:
        return False
    mentions = {m for d in doc.districts + doc.towns if d.canonical == project.district for m in d.mentions}
    return any(verb + mention in project.evidence for verb in _PLACING_VERBS for mention in mentions)


def _information(project: Project) -> tuple[int, int]:
    """How much a mention says, then how far the works came: of two mentions saying as much
    (A公司等项目落户…; A公司等7个项目正式动工), the later step is the project's news."""
    said = sum(
        v is not None for v in (project.company, project.district, project.amount_yuan, project.status)
    )
    return said, _work_stage(project.status)


def _says_more(mention: Project, than: Project) -> bool:
    """Whether `mention` says more of a project than `than` does; of two saying as much, the one holding the
    other's name in a fuller one (a list's 甲博览城, then 甲集团投资50亿元的甲博览城项目)."""
    if _information(mention) != _information(than):
        return _information(mention) > _information(than)
    return bool(than.name) and bool(mention.name) and than.name != mention.name and than.name in mention.name


def _work_stage(status: str | None) -> int:
    """How far the works have come (开工 and after); 0 for a signing or landing, which a report also says
    of a project in passing (…是近年来落户…最大的项目)."""
    stage = {s: stage for s, stage in _statuses()[1].values()}.get(status or "", 0)
    return stage if stage >= STARTED_STAGE else 0


def _company_candidates(text: str, companies: list[Company], named: list[_Candidate]) -> list[_Candidate]:
    """A company landing without a project name: 落户市南区的宁德时代, 不久前注册的…有限公司."""
    pattern, table = _statuses()
    out = []
    for company in companies:
        for span in company.spans:
            before = text[max(0, span.start - 12) : span.start]
            match = _patterns()["company_landing"].search(before)
            landing = match is not None and table.get(match.group("word"), ("", 0))[1] in (1, 2)
            landing = landing or (
                text.endswith(_LEGAL_FORMS, span.start, span.end)
                and _patterns()["sum_before_a_firm"].search(before)
            )
            if not landing and not _patterns()["company_settling"].match(text, span.end):
                continue
            if any(
                abs(c.start - span.start) < 40
                and _same_sentence(text, min(c.start, span.start), max(c.start, span.start))
                for c in named
            ):
                continue  # the company of a project named beside it, not one of its own
            investor = _investor_of(text, span.start, companies)
            out.append(_Candidate(None, span.start, span.end, company=investor or company.canonical))
            break
    return out


def _investor_of(text: str, start: int, companies: list[Company]) -> str | None:
    """A公司投资的B公司，合同外资…: the firm that invested in the firm at `start`, whose project it is."""
    for company in companies:
        for span in company.spans:
            if span.end < start and _patterns()["investee_of"].fullmatch(text, span.end, start):
                return company.canonical
    return None


_LANDED_FIRMS_HEAD = re.compile(lang.pattern("project_words", "landed_firms_head"))
LANDED_FIRMS_HEAD_REACH = 40  # characters of a head saying which firms landed, before its list
NEXT_CLAUSE_STEP_REACH = 14  # characters of the clause after a list of firms that may say they landed


def _company_list_candidates(
    text: str, companies: list[Company], taken: list[_Candidate]
) -> list[_Candidate]:
    """引进A、B、C等20户企业入驻园区, 涉及A、B等多家龙头企业, 与A有限公司、B有限公司签署…协议: the companies
    of a list that a verb says came, land or sign are projects without names. Its items are companies the
    text names as such, or any names when words after the list (等…企业) type them; a list followed by
    projects in its sentence names their investors instead."""
    known = {span.end: (span.start, c.canonical) for c in companies for span in c.spans}
    separator = lang.chars("list_separator")
    out: list[_Candidate] = []
    for match in _COMPANY_LIST.finditer(text):
        pieces, position = [], match.start("items")
        for piece in match.group("items").split(separator):
            pieces.append((position, position + len(piece)))
            position += len(piece) + 1
        pieces = _from_the_parties(text, pieces, known)
        if match.group("head"):
            pieces = [part for start, end in pieces for part in _joined_items(text, start, end)]
        first_start, first_end = pieces[0]
        verbs = list(_COMPANY_LIST_VERB.finditer(text, max(0, first_start - 6), first_end))
        verb = verbs[-1] if verbs else None
        if verb is not None:
            pieces[0] = (max(first_start, verb.end()), first_end)
        clause_end = _CLAUSE_BREAK.search(text, match.end())
        after = _COMPANY_LIST_VERB_AFTER.search(
            text, match.end(), min(clause_end.start() if clause_end else len(text), match.end() + 6)
        )
        if (
            after is None
            and match.group("head")
            and clause_end is not None
            and clause_end.start() == match.end()
        ):
            # A、B等一批国际龙头企业，如今也到海南落地生根: the list typed as firms is the subject of the
            # clause after it, which names no one else
            following = _CLAUSE_BREAK.search(text, clause_end.end())
            following_end = following.start() if following else len(text)
            if following_end - clause_end.end() <= NEXT_CLAUSE_STEP_REACH and not any(
                clause_end.end() <= end <= following_end for end in known
            ):
                after = _COMPANY_LIST_VERB_AFTER.search(text, clause_end.end(), following_end)
        represented = _FIRMS_REPRESENTED.match(text, match.end()) if match.group("head") else None
        if after is None and represented is not None:
            # A、B等7家企业代表参加开工仪式: the step their representatives take is the firms'
            after = list(_REPRESENTATIVE_STEP.finditer(text, match.end(), represented.end()))[-1]
        tail = _joined_firms_before_a_step(text, *pieces[-1], known)
        if after is None and tail is not None:
            after = tail[1]
        # 即将落户: the words between the last firm and its step say how far, with the step
        tail_head = (tail[0][-1][1], tail[1].end()) if tail is not None and verb is None else None
        if verb is None and after is None:
            # 落户贵州的500强企业有：A、B、C等: the firms a head says landed or signed
            after = _LANDED_FIRMS_HEAD.search(
                text, max(0, first_start - LANDED_FIRMS_HEAD_REACH), first_start
            )
        if verb is None and after is None:
            continue
        items, typed_only = [], []
        for start, end in pieces:
            hit = known.get(end)
            if hit is not None and hit[0] >= start:
                items.append((hit[0], end, hit[1]))
            elif tail is not None and (start, end) == pieces[-1]:
                items += tail[0]
            elif match.group("head"):
                first = left_edge(text, end, limit=end - start)
                name = text[first:end]
                if _names_a_company(name):
                    items.append((first, end, name))
                elif _typed_as_a_firm(name):
                    typed_only.append((first, end, name))
            else:
                items = []
                break
        if items and len(items) >= len(typed_only):
            # 甲科技、乙集团、安徽通用航空等纷纷落户: the words typing the list make firms of the items in
            # everyday words too, when at least as many items name firms
            items = sorted(items + typed_only)
        if len(items) < 2:
            continue
        sentence_end = _SENTENCE_BREAK.search(text, match.end())
        until = sentence_end.start() if sentence_end else len(text)
        if represented is not None:
            until = min(until, represented.start())  # 代表与某县政府进行项目签约: the step's own words
        item_starts = {start for start, _end, _name in items} if match.group("head") else set()
        if any(
            match.end() <= c.start < until
            or (match.start() <= c.start < match.end() and c.start not in item_starts)
            for c in taken
        ):
            continue  # 引进A、B等企业投资新建C、D等项目: the investors of those projects
        head = (verb.start(), verb.end()) if verb is not None else tail_head or (after.start(), after.end())
        out += [_Candidate(None, s, e, listed=True, company=name, head=head) for s, e, name in items]
    return out


def _from_the_parties(
    text: str, pieces: list[tuple[int, int]], known: dict[int, tuple[int, str]]
) -> list[tuple[int, int]]:
    """某市长、某县长代表某市政府与A公司、B公司…, 我们先后与A集团、B公司…: a list the other party's titles or
    the clause's subject open starts at the firm after 与 (or 同), what stands before it being no firm."""
    for i, (start, end) in enumerate(pieces):
        hit = known.get(end)
        if hit is None or not start < hit[0] or text[hit[0] - 1] not in _WORDS["party_openers"]:
            continue
        signer = text[start : hit[0] - 1]
        if i == 0 and any(gazetteer().places_named(signer[:n]) for n in range(len(signer), 1, -1)):
            continue  # 某县(分别)与A公司等12家企业签订: the place that signs is read as its own party
        return [(hit[0], end), *pieces[i + 1 :]]
    return pieces


def _joined_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """甲基金及乙医疗等6家企业: a piece of a list typed as firms that a conjunction standing alone splits in
    two names of two characters or more is two items."""
    piece = text[start:end]
    for at, joiner in _standalone_conjunctions(piece):
        if at >= 2 and len(piece) - at - len(joiner) >= 2:
            return [(start, start + at), (start + at + len(joiner), end)]
    return [(start, end)]


def _standalone_conjunctions(piece: str) -> Iterator[tuple[int, str]]:
    """Where a conjunction standing alone (及, 和, 与) stands in `piece`, and which one; the segmenter may
    glue it to the next name (及栗): a "word" it never saw."""
    conjunctions = lang.longest_first(_WORDS["item_conjunctions"])
    for word, at, _stop in tokens(piece):
        joiner = next((c for c in conjunctions if word.startswith(c)), None)
        if joiner is not None and (word == joiner or word_frequency(word) == 0):
            yield at, joiner


TAIL_STEP_REACH = 6  # characters between a list's last firm and its step (进行现场签约, 即将落户)


def _joined_firms_before_a_step(
    text: str, start: int, end: int, known: dict[int, tuple[int, str]]
) -> tuple[list[tuple[int, int, str]], re.Match[str]] | None:
    """The last piece of a list of firms that runs on to its step (…、B有限公司和C有限公司进行现场签约, …、B集团
    即将落户): the firms the text names, one after another joined by 和/及, then a few words and the step they
    take; None unless the piece is just that."""
    firms: list[tuple[int, int, str]] = []
    position = start
    conjunctions = lang.longest_first(_WORDS["item_conjunctions"])
    while True:
        firm = next(
            (
                (first, stop, name)
                for stop, (first, name) in known.items()
                if first == position and stop <= end
            ),
            None,
        )
        if firm is None:
            return None
        firms.append(firm)
        position = firm[1]
        joiner = next((c for c in conjunctions if text.startswith(c, position)), None)
        if joiner is None or not any(first == position + len(joiner) for first, _n in known.values()):
            break
        position += len(joiner)
    if end - position > TAIL_STEP_REACH:
        return None
    step = _COMPANY_LIST_VERB_AFTER.match(text, end) or _COMPANY_LIST_VERB_AFTER.search(text, position, end)
    return (firms, step) if step is not None else None


def _paired_investors(companies: list[Company], candidates: list[_Candidate]) -> list[_Candidate]:
    """引进A、B、C等企业投资新建X、Y、Z等项目: the clause opening a list of projects names as many
    companies, one after another: each is the investor of the project in the same place of the list."""
    lists: dict[tuple[int, int], list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.opener is not None and candidate.company is None:
            lists.setdefault(candidate.opener, []).append(candidate)
    paired: dict[int, str] = {}
    for (first, last), items in lists.items():
        named = sorted(
            (span.start, company.canonical)
            for company in companies
            for span in company.spans
            if first <= span.start < last
        )
        investors = list(dict.fromkeys(name for _start, name in named))
        if len(items) >= 2 and len(investors) == len(items):
            paired.update({c.start: name for c, name in zip(items, investors, strict=True)})
    return [replace(c, company=paired[c.start]) if c.start in paired else c for c in candidates]


def _names_a_company(name: str) -> bool:
    """An item of a list typed as companies (…等多家龙头企业) that names one: no count (一批…), no project
    noun, not a place, and a word that is not everyday (一汽, 轮胎) or a proper name."""
    if (
        len(name) < 2
        or _COUNTED.search(name)
        or name.endswith(_nouns()[0])
        or gazetteer().places_named(name)
        or name in lang.word_set("foreign_places")  # 来自美国、英国等31个国家的83家外资企业
    ):
        return False
    return any(
        _proper(w, flag, opening=i == 0) or (word_frequency(w) < EVERYDAY_FREQ and w not in _industry())
        for i, (w, flag) in enumerate(tagged(name))
    )


def _typed_as_a_firm(name: str) -> bool:
    """An item a list typed as firms makes a firm though its words are everyday (拳头, 某地通用航空): two
    characters or more, no count, not a place, and no project noun but a fund's (某地产业基金 invests)."""
    noun = next((n for n in _nouns()[0] if name.endswith(n)), None)
    return not (
        len(name) < 2
        or _COUNTED.search(name)
        or (noun is not None and noun not in _fund_nouns())
        or gazetteer().places_named(name)
        or name in lang.word_set("foreign_places")
        or not _HAN_START.match(name)
        or all(w in _industry() for w, _flag in tagged(name))  # 新能源: a trade
    )


@cache
def _fund_nouns() -> frozenset[str]:
    return frozenset(lang.words("fund_endings"))


def _respective_company(doc: _Context, sentence: Segment, start: int) -> str | None:
    """与A公司、B公司、C公司分别签订了X项目、Y项目、Z项目: the n-th firm listed before 分别 invests in the
    n-th project named after it, when there are as many of one as of the other."""
    at = doc.text.find(_WORDS["respectively"], sentence.start, sentence.end)
    if at < 0 or start < at:
        return None
    listed = doc.starts_within(at + 1, sentence.end)
    firms = sorted(
        (span.start, company.canonical)
        for company in doc.companies
        for span in company.spans
        if sentence.start <= span.start and span.end <= at
    )
    if len(firms) < 2 or len(firms) != len(listed) or start not in listed:
        return None
    return firms[listed.index(start)][1]


def _respective_amount(doc: _Context, sentence: Segment, start: int) -> Amount | None:
    """签约了A项目、B项目等文旅项目，总投资分别为8.6亿元、5.2亿元: the n-th amount for the n-th project,
    when there are as many amounts after 分别 as projects listed before it."""
    at = doc.text.find(_WORDS["respectively"], start, sentence.end)
    if at < 0:
        return None
    listed = doc.starts_within(sentence.start, at)
    following = [
        a for a in doc.amounts if a.start is not None and at < a.start < sentence.end and a.currency == "CNY"
    ]
    if len(listed) < 2 or len(following) != len(listed) or start not in listed:
        return None
    if not _patterns()["investment_before"].search(doc.text[max(0, at - 6) : at]):
        return None
    return following[listed.index(start)]


def _clause_tail_status(doc: _Context, clause: Segment, candidate: _Candidate, status_of) -> str | None:
    """见证了甲乡与A项目、B项目和乙乡与C公司的两个项目正式签约: the verb closing a clause of several projects,
    after the last of them, is each one's."""
    in_clause = doc.starts_within(candidate.start + 1, clause.end)
    if not in_clause:
        return None
    tail_start = doc.ends.get(in_clause[-1], in_clause[-1])
    said = status_of(doc.text, [(tail_start, clause.end)], (0, 0), described=True)[0]
    return said if said not in ("planned", CONDITIONAL) else None


def _project(doc: _Context, candidate: _Candidate) -> Project:
    text = doc.text
    sentence = doc.sentence_at(candidate.start)
    own_clauses = clauses(sentence)
    whole_clause = _containing(own_clauses, candidate.start)
    clause = _item(doc, candidate, whole_clause)
    later = [] if candidate.listed else doc.starts_within(candidate.start + 1, sentence.end)
    # A项目、B项目成功签约, A项目、总投资7亿元的B项目开工: B's verb is A's too
    later = [f for f in later if f >= _run_end(doc, candidate, described=True)]
    after_end = later[0] if later else sentence.end
    if later and (next_clause := _containing(own_clauses, later[0])).start > candidate.end:
        after_end = next_clause.start  # 签约A项目，开工B项目: the next clause speaks of the next project
    after = (candidate.start, after_end)
    status = status_at = None
    status_of = partial(_status, names=doc.name_index)
    modifier = _own_modifier(text, clause.start, candidate.start)
    if modifier is not None:  # …、近日签约的A产业园等30个项目集中落户: the item's own words say it first
        status, status_at = status_of(text, [modifier], (0, 0), described=True)
        status, status_at = (status, status_at) if status not in (None, "planned") else (None, None)
    if status is None and candidate.head is not None:  # 竣工项目3个，分别是：…: the list's head says it
        status, status_at = status_of(text, [candidate.head], (0, 0), described=True)
    if (
        status is None and candidate.opener is not None
    ):  # 先后引进了A、B等一批项目: the verb the list is object of
        status, status_at = status_of(text, [candidate.opener], (0, 0), described=True)
    if status is None:
        before = [(whole_clause.start, candidate.start), (sentence.start, candidate.start)]
        status, status_at = status_of(text, [after, *before], (candidate.start, candidate.end))
    others = _OtherStarts(doc.starts, candidate.start)
    amount = None
    if not candidate.listed:
        name_span = (candidate.start, candidate.end)
        amount = _amount(doc.amounts, clause, text, name_span, others)
        if amount is None and not others.any_within(sentence.start, sentence.end):
            amount = _amount(doc.amounts, sentence, text, name_span, others)  # 比亚迪计划总投资20亿元
    elif (
        candidate.item
    ):  # 总投资80亿元的A、总投资30亿元的B等一批项目: the sum each item opens with is its own
        amount = next(
            (
                a
                for a in doc.amounts
                if a.end is not None and text[a.end : candidate.start] == _WORDS["attribute_end"]
            ),
            None,
        )
    if (
        amount is not None
        and amount.start < candidate.start
        and not (candidate.item and candidate.listed)
        and _run_end(doc, candidate) > candidate.end
    ):
        amount = (
            None  # 总投资36亿元的A项目、B项目等8个项目: the amount before a run of names is all of theirs
        )
    if amount is None:
        amount = _respective_amount(doc, sentence, candidate.start)
    first, last = (sentence.start, sentence.end) if candidate.name is None else (clause.start, clause.end)
    if candidate.listed and candidate.head is not None and candidate.head[0] < sentence.end:
        last = max(
            last, candidate.head[1]
        )  # A、B、C3个外资项目: an item is said with the words typing its list
    more = doc.continuation(sentence) if not candidate.listed else None
    if more is not None and (amount is None or status is None):
        if amount is None:
            amount = _amount(doc.amounts, more, text, (candidate.start, candidate.end), _OtherStarts([], -1))
        if status is None:
            status, status_at = status_of(text, [(more.start, more.end)], (0, 0))
    # what the report says of the projects it itemizes (签约项目3个。其中，A项目计划投资…) beats a plan said of
    # one of them: a signed project that plans to invest is signed
    if status in (None, "planned", CONDITIONAL) and (run := doc.run_head(sentence)) is not None:
        status = (
            status_of(text, [run], (0, 0), described=True)[0] or status
        )  # 此次签约活动，涉及…项目；…项目；
    if status in (None, "planned", CONDITIONAL) and (tally := doc.tally_before(sentence)) is not None:
        tally_said = status_of(text, [(tally.start, tally.end)], (0, 0), described=True)[
            0
        ]  # 签约项目3个。其中，…
        status = tally_said if tally_said not in (None, "planned", CONDITIONAL) or status is None else status
    if status is None and (whole := doc.paragraph_tally(sentence)) is not None:
        status = status_of(text, [(whole.start, whole.end)], (0, 0), described=True)[0]
    if status is None and (opened := doc.itemization_head(sentence)) is not None:
        status = status_of(text, [opened], (0, 0), described=True)[
            0
        ]  # …南谯2个，分别是…。苏滁产业园2个，分别是…
    if status is None and not candidate.listed:
        status = _clause_tail_status(doc, whole_clause, candidate, status_of)
    if status is None:
        status = doc.counted_status(sentence, candidate.start)
    if status is None:
        status = doc.batch_status(sentence, status_of)
    if status in (None, CONDITIONAL) and not candidate.listed:
        status = doc.event_status() or status
    elif _brought_in(text, sentence, status_at) and not candidate.listed:
        status = doc.event_status() or status  # 共签约6个大项目。…协议引进资金35亿元，建设A项目: signed
    if (
        status == "planned"
        and status_at is not None
        and not candidate.listed
        and _committed_before(text, sentence.start, status_at)
    ):
        # 某公司投资24亿元，将在某市建设…: what the signed project will build
        status = doc.event_status() or status
    for position in (status_at, amount.start if amount else None):
        if position is not None:
            said_in = _containing(own_clauses if position < sentence.end else clauses(more), position)
            first, last = min(first, said_in.start), max(last, said_in.end)
    company = (
        candidate.company
        or _respective_company(doc, sentence, candidate.start)
        or _company_in(doc, candidate.start, candidate.end)
    )
    if company is None and candidate.listed and candidate.name and _only_a_firms_name(candidate.name):
        company = candidate.name  # 岚钧精密、日本岚钧等5个项目: the item is the investor, no project's name
    if company is None and candidate.roundup and candidate.name and not public_works(candidate.name):
        company = _leading_brand(candidate.name) or _item_investor(candidate.name)
    other_names = _OtherNames(doc.name_index, candidate.start)
    if company is None and not candidate.listed and clause != whole_clause:
        company = _sole_company(doc, clause.start, clause.end, text, other_names)  # its own list item's
    elif company is None and not candidate.listed:  # (not another item's investor)
        company = _sole_company(doc, first, last, text, other_names)
    if company is None and not candidate.listed:  # …项目在吴江区开工，项目由江苏华宸化纤集团有限公司投资建设
        for segment in (sentence, more):
            if company is None and segment is not None and not others.any_within(segment.start, segment.end):
                company = _sole_company(doc, segment.start, segment.end, text, other_names)
    if company is None and candidate.name and not public_works(candidate.name):
        # 中联能源年产…项目, 岚德蛋白年产…: no firm named beside it but its own
        company = trade_named_head(candidate.name) or _before_its_capacity(candidate.name)
    if company is None and candidate.name and not public_works(candidate.name):
        company = _firm_named_after(doc.registered_firms, candidate.name)
    if company is not None and opens_with_a_county(company):
        company = None  # 岚固县|某药…: where the project lands, not who invests
    company = _fullest_form(doc.companies, company)
    evidence = text[first:last].rstrip(lang.chars("trailing_punctuation"))
    above = doc.paragraphs_above(candidate.start)
    if status == CONDITIONAL:
        doc.conditional.add((candidate.name, first))
        status = "planned"
    elif _brought_in(text, sentence, status_at):
        doc.weak.add((candidate.name, first))
    return Project(
        name=candidate.name,
        company=company,
        district=_project_district(doc, candidate.start, above, sentence, clause),
        amount_text=amount.text if amount else None,
        amount_yuan=amount.value if amount and amount.currency == "CNY" else None,  # others: kinds.py
        status=status,
        evidence=evidence,
        start=first,
        end=first + len(evidence),
        confidence=0.6 if candidate.listed else 0.8,
    )


PLAN_WORD_REACH = 3  # characters of a plan word right before an investment (计划投资, 拟总投资)


def _committed_before(text: str, start: int, end: int) -> bool:
    """Whether an investment said as made (某公司投资24亿元, 总投资3000万元) stands between `start` and `end`."""
    return any(
        not _patterns()["plan_before_investment"].search(
            text[max(start, m.start() - PLAN_WORD_REACH) : m.start()]
        )
        for m in _patterns()["committed_investment"].finditer(text, start, end)
    )


def _sole_company(
    doc: _Context, first: int, last: int, text: str = "", names: _OtherNames | None = None
) -> str | None:
    """The investor named beside the project (齐鲁前海基金由前海方舟…发起设立): the clauses' subject, else
    the first company in them. Of two companies joined as the subject (A公司与B公司于3月签约), the first.
    A company inside another project's name (`names`: A项目和华迅智能装备项目) is that project's."""
    inside = sorted(
        (start, end, canonical)
        for start, end, _index, canonical in doc.firms_starting_in(first, last)
        if not (names is not None and names.hold(start, end))
    )
    starts = {s for s, _e, _c in inside}
    subjects, modifiers = [], set()
    for _s, e, c in inside:
        joined = next((j for j in _WORDS["party_joiners"] if text.startswith(j, e)), None)
        if joined is not None and e + len(joined) in starts:
            subjects.append(c)
        elif text and (marker := _patterns()["subject_marker"].match(text, e)):
            if text.startswith(_WORDS["attributive"], marker.end()):
                modifiers.add(c)  # A投资的B公司落户…: A says whose B is; B is the subject
            else:
                subjects.append(c)
    named = [c for _s, _e, c in inside if c not in modifiers] or [c for _s, _e, c in inside]
    return subjects[0] if subjects else named[0] if named else None


def find_projects(
    text: str,
    *,
    amounts: list[Amount],
    companies: list[Company],
    districts: list[District],
    metrics: list[Metric] | None = None,
    published: str | None = None,
) -> list[Project]:
    doc = _Context(text, amounts, companies, districts, sentences(text), paragraphs(text))
    if not doc.sentences:
        return []
    not_projects = [(s.start, s.end) for d in districts if d.kind in ("zone", "new_area") for s in d.spans]
    zones = list(not_projects)
    not_projects += [(m.start, m.end) for m in metrics or [] if m.start is not None and m.end is not None]
    # a quoted project name (签约“X县免煎中药颗粒生产项目”) is no slogan
    not_projects += [
        (m.start(), m.end())
        for m in _QUOTED.finditer(text)
        if not _quotes_a_name(m.group(0)) and not _quotes_what_is_built(text, m)
    ]
    place_ends = frozenset(s.end for d in districts for s in d.spans)
    zone_ends = frozenset(end for _start, end in zones)
    named = _whole_items(text, _named_candidates(text, companies, place_ends), place_ends)
    named += _quoted_candidates(text)
    named.sort(key=lambda c: c.start)
    listed = []
    firms = {(span.start, span.end): c.canonical for c in companies for span in c.spans}
    # a name found on its own still takes its list's opening clause
    for item in _listed_candidates(text, firms):
        overlapping = [i for i, n in enumerate(named) if n.start <= item.start < n.end]
        for i, n in enumerate(named):  # …至|广州…工程 found alone is the tail of the item (A至B…工程)
            # (and 忠县|年产…项目 in a list keeps its county; a zone before it is only where it lands)
            if item.start < n.start and n.end == item.end and n.start not in zone_ends:
                named[i] = replace(n, name=item.name, start=item.start)
                overlapping.append(i)
        for i in overlapping:
            if item.item and named[i].start == item.start:
                # 总投资30亿元的A产业园高端细线、…: the item said in full, past a noun inside it and up to 等
                named[i] = replace(named[i], name=item.name, end=item.end)
            named[i] = replace(
                named[i],
                opener=named[i].opener or item.opener,
                roundup=item.roundup,
                head=named[i].head or item.head,
            )
        if not overlapping:
            listed.append(item)
    # a name found on its own still takes its list's head
    for item in [*_headed_candidates(text, firms), *_inclusive_candidates(text, place_ends)]:
        overlapping = [i for i, n in enumerate(named) if item.start < n.end and n.start < item.end]
        for i in overlapping:
            named[i] = replace(named[i], head=item.head)
        if not overlapping and not any(item.start < n.end and n.start < item.end for n in listed):
            listed.append(item)
    not_projects_index = SpanIndex(not_projects)
    candidates = [
        c
        for c in sorted(named + listed, key=lambda c: c.start)
        if not any(first < c.end <= last for first, last in not_projects_index.reaching(c.end, c.end))
        and not _TALLY.fullmatch(c.name or "")  # 总投资209亿元的22个项目: a count of projects, not one
        and not _COUNTED_NAME.match(c.name or "")
        and not _COUNT_BEFORE_NAME.search(text, max(c.start - COUNT_REACH, 0), c.start)
        and not _ORDINAL_END.search(c.name or "")
        and not _names_a_class(c.name or "")
        and not _holds_a_clause(c.name or "")
        and not _counts_a_class(c.name or "")
        and not text.startswith(tuple(_WORDS["one_of"]), c.end)
        and not text.startswith(tuple(_WORDS["class_measures"]), c.end)
        and not after_a_person_title(text, c.start)  # 澳商股东某某等出席: a person
    ]
    candidates = [c for c in candidates if not _patterns()["continues"].match(doc.sentence_at(c.start).text)]
    candidates = [c for c in map(_past_a_closing_bracket, candidates) if c is not None]
    candidates = [c for c in map(_without_its_works, candidates) if c is not None]
    candidates = [_past_its_zone(c, zones) for c in candidates]
    candidates += _company_candidates(text, companies, candidates)
    firms = _company_list_candidates(text, companies, candidates)
    # 包括甲、乙产业基金等多家企业: an item a list types as a firm is no project of its own name
    candidates = [c for c in candidates if not any(c.start == f.start for f in firms)] + firms
    candidates = _paired_investors(companies, candidates)
    candidates.sort(key=lambda c: c.start)
    projects: list[Project] = []
    by_key: dict[str, int] = {}
    company_mentions = frozenset(m for c in companies for m in c.mentions)
    doc.take_candidates(candidates)
    # 相继开工甲电站、乙县某某公路等项目: a division opening one listed project's name is that project's,
    # not the division the report is about
    openings = frozenset(s[0] for start in doc.starts for s in _leading_places(doc, start))
    # G0612西宁至和田高速湟源至西海: a division inside a work's name is a stop on its way, not the report's
    inside = frozenset(_names_holding_places(doc))
    doc.own_division = _opening_zone(doc) or _own_division(
        doc.districts, doc.in_names | openings | inside, doc.towns
    )
    for candidate in candidates:
        project = _project(doc, candidate)
        key = _project_key(candidate.name or project.company or "", company_mentions)
        same = by_key.get(key)
        if same is not None and projects[same].company not in (None, project.company) and project.company:
            same = None  # 甲置业房地产开发、乙置业房地产开发: two investors, two projects
        if same is None and project.company and _names_only(project):
            # a caption repeating a project already found (位于城阳区的鹏辉能源项目), or the sum of one listed
            # before (…包括A、B等。计划总投资额50亿元的A项目)
            same = next((i for i, p in enumerate(projects) if _repeats(p, project)), None)
        if same is None and project.name is None:
            same = next((i for i, p in enumerate(projects) if _same_firm_again(p, project)), None)
        if same is not None:  # the same project again: keep the mention that says more, with what the
            earlier = projects[same]  # other alone says
            kept, other = (project, earlier) if _says_more(project, earlier) else (earlier, project)
            projects[same] = _filled(
                kept, other, placed=_placed_there(doc, other) and not _placed_there(doc, kept)
            )
            continue
        by_key[key] = len(projects)
        projects.append(project)
    projects = _named_elsewhere(doc, projects)
    event = _collective_event(text)
    if event is not None:
        projects = [
            p.model_copy(update={"status": event})
            if p.status is None or (p.name, p.start) in doc.conditional
            else p
            for p in projects
        ]
    # 引进成果突出，如A项目、B项目 in the report of a signing: the projects came by being signed
    if (event := event or doc.event_status()) is not None:
        projects = [
            p.model_copy(update={"status": event}) if (p.name, p.start) in doc.weak else p for p in projects
        ]
    # a project is said to be somewhere, to cost something or to have come some way (研发总部 in a heading),
    # and has a name or an investor (…与A、B等4家企业签约 counts firms, it names no project of its own)
    return [
        p
        for p in projects
        if (p.amount_text, p.district, p.status) != (None, None, None)
        and (p.name or p.company)
        and not _a_bank_signing(p)
    ]


def _a_bank_signing(project: Project) -> bool:
    """太原市政府与某某银行某某省分行签署战略合作协议: a bank named only as a party to a signing lends (credit,
    a strategic agreement); it brings no project. A bank that lands (落户, 入驻) is one."""
    return (
        project.name is None
        and project.status == "signed"
        and (project.company or "").endswith(tuple(_WORDS["bank_endings"]))
    )


_ASPECT_FLAGS = ("ul", "uz", "ug")  # 了, 着, 过


def _holds_a_clause(name: str) -> bool:
    """A name run on over its clause's predicate: an aspect particle (…进行了项目), an adverb or a verb
    followed by a preposition (…项目将对…, …分别在…, 整体搬迁至…), or a subject's adverb of effort before its
    verb (经开区牢牢抓住项目); a name never says how it is done
    (A至B公路: a preposition between places is part of the name)."""
    pairs = [(w, f) for w, f in tagged(name) if w.strip()]
    for i, (word, flag) in enumerate(pairs):
        next_flag = pairs[i + 1][1] if i + 1 < len(pairs) else ""
        if flag in _ASPECT_FLAGS or (next_flag == "p" and (flag == "d" or (flag == "v" and len(word) >= 2))):
            return True  # (a one-character "verb" is jieba's cut of a place: 汀汀拉|至|勒…公路)
        if i > 0 and word in _WORDS["clause_adverbs"] and next_flag.startswith("v"):
            return True  # 某区牢牢抓住项目…: an adverb of effort and its verb (湿法同步拉伸 is a process)
    return False


_CLOSING_BRACKETS = lang.chars("closing_brackets")
_OPENING_BRACKETS = lang.chars("opening_brackets")
_CONJUNCTIONS = lang.chars("conjunctions")


_INNER_COUNT = re.compile(lang.pattern("project_words", "inner_count"))


def _counts_a_class(name: str) -> bool:
    """合作实施两个百亿级项目: a count inside a name, with no name said before it nor after it, is a tally
    (上海某某2个百万头生猪全产业链 names its investor before the count)."""
    count = _INNER_COUNT.search(name)
    if count is None or count.start() == 0 or name.endswith(_WORDS["list_end"], 0, count.start()):
        return False  # (A等8个项目: a list closed, its items named before)
    return not _is_specific(name[: count.start()]) and not _is_specific(name[count.end() :])


def _past_a_closing_bracket(candidate: _Candidate) -> _Candidate | None:
    """各县（市、区）和甲产业园: a name never opens with the bracket that closes the words before it, nor
    with the conjunction after them, nor with a bracket it never closes; None when nothing of a name is
    left."""
    name = candidate.name
    if name and name[0] in _OPENING_BRACKETS and not set(name) & set(_CLOSING_BRACKETS):
        return None  # 到位资金65亿元(含续建项目): a note in brackets the name never closes
    if not name or name[0] not in _CLOSING_BRACKETS:
        return candidate
    cut = len(name) - len(name[1:].lstrip(_CONJUNCTIONS))
    if len(name) - cut < LISTED_MIN_CHARS:
        return None
    return replace(candidate, name=name[cut:], start=candidate.start + cut)


def _past_its_zone(candidate: _Candidate, zones: list[tuple[int, int]]) -> _Candidate:
    """The first item of a list a zone opens (X工业园岚钧年产5万吨…、…等4个项目): the zone says where the
    item is and is no part of its name."""
    if not candidate.listed or candidate.name is None:
        return candidate
    for first, last in zones:
        if first == candidate.start and last < candidate.end - 1:
            return replace(candidate, name=candidate.name[last - first :], start=last)
    return candidate


def _collective_event(text: str) -> str | None:
    """The step a report's headline says its projects took together (黄冈重大项目集中开工, 5个项目集中签约):
    the status of every project the report names without saying its own. None when the headline names no
    collective event, or several steps (集中签约开工竣工仪式)."""
    headline = text.lstrip().split("\n", 1)[0][:HEADLINE_CHARS]
    if not _patterns()["collective"].search(headline):
        return None
    pattern, table = _statuses()
    said = {table[m.group(0)] for m in pattern.finditer(headline)}
    return next(iter(said))[0] if len(said) == 1 and next(iter(said))[1] > 0 else None
