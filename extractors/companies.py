"""Companies: registered names (…有限公司, …集团), short names from enumerations (拜访松下、达能等跨国公司)
and trigger patterns (落户市南区的宁德时代), brands leading project names (瑞幸咖啡创新生产中心项目),
linked within the document (前海方舟资产管理有限公司 ↔ 前海方舟). Governments, schools, associations
and media are left out. Word lists live in extractors/lang/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.gazetteer import CONTEXT, gazetteer
from zhaoyin.extractors.keys import split_ending
from zhaoyin.extractors.segment import (
    cached_on_words,
    tagged,
    token_at,
    tokens,
    tokens_before,
    word_frequency,
)
from zhaoyin.extractors.segment import words as segment_words
from zhaoyin.extractors.text import NO_LIST_BREAK, finditer_within, halfwidth
from zhaoyin.schemas import Company, Span

NAME_CHARS = lang.pattern("company_patterns", "name_char")
_HAN = re.compile(lang.pattern("company_patterns", "name_start"))
_LEADING_NON_NAME = ("v", "d", "p", "c", "u", "f", "m", "t", "r")  # verbs, adverbs … before a brand
_PROPER_FLAGS = ("nr", "nrt", "nz", "j", "eng", "oov")  # not ns: 中关村 is a place
MAX_NAME = 32
RARE_WORD_FREQ = 500  # below this a word can be a brand (鹏辉, 瑞幸); above it is an everyday word
_BRACKETED = re.compile(lang.pattern("company_patterns", "bracketed"))
_COUNTED = re.compile(lang.pattern("company_patterns", "counted_companies"))
_DIGITS = re.compile(lang.pattern("company_patterns", "counted_number"))
_ENUMERATION_CLOSER = lang.chars("enumeration_closer")
_LIST_SEPARATOR = lang.chars("list_separator")
_CAPACITY_AHEAD = re.compile(lang.pattern("project_words", "capacity"))
_COUNT_TAIL = re.compile(lang.pattern("company_patterns", "count_tail"))
_COUNTED_LOOSELY = re.compile(lang.pattern("company_patterns", "counted_loosely"))
_HEAD_NOUNS = tuple(lang.data("company_patterns")["head_nouns_after_a_name"])
_LIST_ROLE = lang.pattern("company_patterns", "list_role")
_NAME_JOINER = lang.data("company_patterns")["name_joiner"]
_JOINED_AFTER_A_REGISTERED = re.compile(lang.pattern("company_patterns", "joined_after_a_registered_name"))
_OTHER_NAME_IN_BRACKETS = re.compile(lang.pattern("company_patterns", "other_name_in_brackets"))
_FIRM_COUNT_INSIDE = re.compile(lang.pattern("company_patterns", "firm_count_inside"))
_FIRM_MEASURES = tuple(lang.data("company_patterns")["firm_measures"])
_INCLUSIVE_LIST_TAIL = lang.data("company_patterns")["inclusive_list_tail"]


@dataclass
class _Found:
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    full: bool = False
    leads_a_project: bool = False  # read off the head of a project's name (天士力医药产业园)
    glosses: tuple[str, ...] = ()  # its Latin name in brackets after it (国际商业机器公司(IBM)): a mention


@cache
def _suffix_re() -> re.Pattern[str]:
    suffixes = sorted(lang.words("company_legal_forms"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, suffixes)))


@cache
def _enumeration_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("company_patterns", "enumeration"))


@cache
def _investor_enumeration_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("company_patterns", "investor_enumeration"))


@cache
def _counted_project_list_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("company_patterns", "counted_project_list"))


_DESCRIBED_ITEM = re.compile(lang.pattern("company_patterns", "firm_list_described_item"))


@cache
def _firm_list_after_its_head_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("company_patterns", "firm_list_after_its_head"))


@cache
def _clause_investor_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("company_patterns", "clause_investor"))


@cache
def _trigger_literals() -> list[tuple[str, ...]]:
    """The fixed words of each trigger (由…投资 → 由, 投资): a trigger whose words are not all in the text
    cannot match."""
    return [
        tuple(piece for piece in re.split(r"\{name\}|\{place\}", halfwidth(line)) if piece)
        for line in lang.words("company_triggers")
    ]


@cache
def _trigger_res() -> list[re.Pattern[str]]:
    out = []
    for line in lang.words("company_triggers"):
        pattern = re.escape(halfwidth(line))
        pattern = pattern.replace(re.escape("{name}"), rf"(?P<name>{NAME_CHARS}{{2,12}}?)")
        pattern = pattern.replace(re.escape("{place}"), r"[\u4e00-\u9fff]{2,12}?")
        out.append(re.compile(pattern))
    return out


@cache
def _brand_re() -> re.Pattern[str]:
    brands = sorted({*lang.words("company_brands"), *_brand_stems()}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, brands)))


BRAND_STEM_LENGTH = 2
COINED_BRAND_LENGTHS = (2, 3)  # 岚钧, 斯高德: a coined 字号 of two or three characters


@cache
def _brand_stems() -> frozenset[str]:
    """华润 from 华润集团: the stems of known brands that reports use alone."""
    endings = tuple(lang.data("company_patterns")["brand_stem_endings"])
    stems = [b[: -len(e)] for b in lang.words("company_brands") for e in endings if b.endswith(e)]
    return frozenset(
        s
        for s in stems
        if len(s) == BRAND_STEM_LENGTH and word_frequency(s) < UNKNOWN_BRAND_FREQ and not _is_place(s)
    )


_SUM_BEFORE_A_PROJECT = tuple(lang.data("company_patterns")["sum_before_a_project"])


def _known_brands(text: str) -> list[_Found]:
    """Large enterprises cited by short name (宁德时代, 比亚迪), where the segmented text has a word
    boundary on both sides of the name (华为 is not in 中华为)."""
    out = []
    for match in _brand_re().finditer(text):
        start, end = match.span()
        if _inside_a_word(text, start) or _inside_a_word(text, end):
            continue
        if match.group(0) in _brand_stems():
            end += _partner_after(text, end)  # 上汽大众: a joint venture named after both
        if unit := _STATE_GROUP_UNIT_TAIL.match(text, end):
            end = unit.end()  # 中交|一局, 中钢|研究院: the group's unit
        else:  # 中国电建|新能源、…: the group's arm in that trade
            end = _trades_ending_an_item(
                text, end, item_is_a_firm=not text.endswith(_SUM_BEFORE_A_PROJECT, 0, start)
            )
        end += _province_after(text, end)  # 华岚|内蒙古…项目: the group's arm in that province
        start -= _province_before(text, start)
        out.append(_Found(text[start:end], [(start, end)]))
    return out


def _province_before(text: str, start: int) -> int:
    """How many characters before `start` name a province opening an item or a clause (、江西|岚德研发中心):
    before a known brand it names the firm registered there, which the reports keep."""
    for length in range(PROVINCE_NAME_MAX, 1, -1):
        opening = start - length
        word = text[max(0, opening) : start]
        if (
            opening >= 0
            and any(e.place.kind == "province" for e in gazetteer().places_named(word))
            and (opening == 0 or text[opening - 1] in _CLAUSE_OPENERS)
        ):
            return length
    return 0


PROVINCE_NAME_MAX = 8  # characters of a province's name (内蒙古自治区)
_ITEM_END = re.compile(
    f"[{re.escape(lang.chars('list_separator') + lang.chars('clause_ends') + lang.chars('sentence_ends'))}]|{_ENUMERATION_CLOSER}"
)


def _province_after(text: str, end: int) -> int:
    """How many characters at `end` name a province or a region of one (内蒙古, 蒙东): after a known
    brand they name its arm there (华岚内蒙古, 华岚蒙东), which the reports keep as the firm, unless a
    plant's noun follows the place."""
    for length in range(PROVINCE_NAME_MAX, 1, -1):
        word = text[end : end + length]
        if len(word) == length and (
            word in _province_regions()
            or any(e.place.kind == "province" for e in gazetteer().places_named(word))
        ):
            # 岚汽重庆|基地, 岚德时代北京|电池工厂: a plant's noun after the place, closing its item, says
            # where the brand builds
            return 0 if _item_names_a_plant(text, end + length) else length
    return 0


ITEM_REACH = 24  # characters of a list item after a brand and its place


def _item_names_a_plant(text: str, start: int) -> bool:
    """Whether a list item right after a brand and its place names a plant there; a bracket after the place
    (华岚内蒙古(巴彦淖尔)…项目) tells the arm's own place, the arm being the firm."""
    if text.startswith(_project_nouns(), start):
        return True
    if text[start : start + 1] in lang.chars("opening_brackets"):
        return False
    item = _ITEM_END.split(text[start : start + ITEM_REACH], 1)[0]
    return len(item) < ITEM_REACH and item.endswith(_project_nouns())


@cache
def _province_regions() -> frozenset[str]:
    return frozenset(row["region"] for row in lang.table("province_regions"))


_STATE_GROUP_UNIT_TAIL = re.compile(lang.pattern("company_patterns", "state_group_unit_tail"))


def _state_group_units(text: str) -> list[_Found]:
    """A numbered unit of a state group named by the group's short word (航天九院, 中铁十四局)."""
    prefixes = lang.alternation(lang.data("company_patterns")["state_group_unit_prefixes"])
    out = []
    for match in re.finditer(f"(?:{prefixes}){_STATE_GROUP_UNIT_TAIL.pattern}", text):
        if not _inside_a_word(text, match.start()):
            out.append(_Found(match.group(0), [match.span()]))
    return out


def _trades_ending_an_item(text: str, end: int, *, item_is_a_firm: bool = True) -> int:
    """Where the trade words right after a brand end, when they end a list item or a clause
    (中国电建新能源、…) or the plant's capacity follows them (某某新能源|年产…, 某某半导体|300毫米…), else
    `end`: the brand's trade arm names the firm, as the reports keep it; trades running on into the
    project's own words (某某|智能起重机) are not the firm's, nor those ending an item a sum opens (总投资80亿元的
    某某|新能源汽车零部件、…), which names a project (`item_is_a_firm` False)."""
    trades = lang.longest_first(lang.word_set("company_industry_words") | lang.word_set("industry_terms"))
    at = end
    while trade := next((t for t in trades if text.startswith(t, at)), None):
        at += len(trade)
    if at == end or at >= len(text) or _inside_a_word(text, at):
        return end
    if text.endswith(_project_nouns(), end, at):
        return end  # 美团|数据中心: a facility built, the brand's project, not its arm
    ends_item = text[at] in _LIST_SEPARATOR + _ENUMERATION_CLOSER + _CLAUSE_MARKS
    if (ends_item and item_is_a_firm) or _CAPACITY_AHEAD.match(text, at):
        return at
    return end


@cache
def _brand_openings() -> frozenset[str]:
    """Known brands and what they are called without their trade or ending (大众 of 大众汽车, 丰田)."""
    endings = lang.longest_first(
        lang.word_set("company_industry_words") | lang.word_set("company_name_endings")
    )
    brands = lang.words("company_brands")
    return frozenset([*brands, *(split_ending(b, endings)[0] for b in brands)])


def _partner_after(text: str, end: int) -> int:
    """How long the known brand right after a brand stem is (上汽|大众, 一汽|丰田), else 0."""
    word = token_at(text, end)
    if word is None or word[1] != end:
        return 0
    partner = word[0]
    return len(partner) if len(partner) >= BRAND_STEM_LENGTH and partner in _brand_openings() else 0


def _inside_a_word(text: str, position: int) -> bool:
    token = token_at(text, position)
    return token is not None and token[1] < position


@cache
def _project_name_re() -> re.Pattern[str]:
    nouns = sorted(_project_nouns(), key=len, reverse=True)
    return re.compile(rf"({NAME_CHARS}{{2,30}}?)(?:{'|'.join(map(re.escape, nouns))})")


def _is_place(word: str) -> bool:
    return bool(gazetteer().places_named(word))


_CONJUNCTIONS = lang.char_set("conjunctions")


@cache
def _products_longest_first() -> tuple[str, ...]:
    return lang.longest_first(lang.word_set("industry_terms"))


def left_edge(
    text: str,
    end: int,
    limit: int = MAX_NAME,
    *,
    keep: frozenset[str] = frozenset(),
    keep_between_products: frozenset[str] = frozenset(),
) -> int:
    """Where a name ending at `end` starts: after punctuation, a digit run or a boundary word.

    A conjunction between single characters is inside a name (日本丸和化成, 杭州和瑞生物); `keep` lists
    boundary words a caller allows inside its names (及 in 机器人及核心零部件产业园), and
    `keep_between_products` those it allows between two products (与 in 储能与动力电池项目)."""
    start = end
    boundaries = lang.word_set("name_left_boundaries")
    function_chars = lang.char_set("function")
    date_ending = lang.data("company_patterns")["date_ending"]
    words = tokens_before(text, end, limit)
    first = None  # the word the name so far opens with, for whether it is a place (香港 in 香港丰源集团)
    for index in range(len(words) - 1, -1, -1):
        word, w_start, w_end = words[index]
        if word in keep or (
            word in keep_between_products
            and index > 0
            and words[index - 1][0] in lang.word_set("industry_terms")
            and w_end == start
            and any(text.startswith(p, w_end) for p in _products_longest_first())
        ):
            start = w_start
            continue
        if (
            word in _CONJUNCTIONS
            and _between_single_characters(words, index, start)
            and not _opens_a_clause_or_a_placed_name(words, index, start)
            and not (index > 0 and words[index - 1][0] in _project_nouns())  # A项目和|伊莱特…: two names
        ):
            start = w_start
            continue
        if (
            not _HAN.match(word)
            or word in boundaries
            or _describes_a_firm(word)
            or _closes_a_trades_description(words, index)
        ):
            if _digits_before(word) and start < end and w_end == start and _single_han(text, start, words):
                start += 1  # 500强湖南金荣集团, 3家…: a rank or measure after a number opens no name
            break
        if word.endswith(date_ending) and any(c.isdigit() for c in word):
            break
        if (
            (word[0] in boundaries or word[0] in function_chars)
            and word_frequency(word) == 0
            and not _bare_place_before(words, index)
            and not _is_place(word)  # 于都, 同心: a place whose name opens with a boundary character
            and not _opens_a_coined_pair(word, boundaries)
        ):
            # jieba glued a boundary to the name (由湘工, 这是德国…): the name starts after it
            glued = len(word) - len(word.lstrip("".join(boundaries | function_chars)))
            single = len(word) - len(word.lstrip("".join(w for w in boundaries if len(w) == 1)))
            if glued == len(word) and single:  # 为英|创汇智: what a boundary of one character glued on opens
                glued = single  # the name
            return w_start + glued
        if (
            len(word) > 1
            and word[-1] in boundaries
            and word[-1] in function_chars  # 大数据 ends with 据 (据了解), a boundary but no function word
            and word_frequency(word) == 0
            and start == w_end
        ):
            return w_end  # 某县与|陕西…: a place glued to the conjunction before the name
        if first is not None and _is_place(first) and (_is_area(word) or word in _project_nouns()):
            # 主会场南湖高新区|香港丰源集团, 开工项目|苏州宝岚…: a zone, a district or a project before a
            # name that opens with a place
            break
        start = w_start
        first = word
    return _after_a_glued_boundary(text, start, end)


def _describes_a_firm(word: str) -> bool:
    """民营企业, 知名企业: a compound closing on a noun for a firm describes the name after it (a bare 龙头
    may be a place's own name: 某港龙头作业区)."""
    return any(word.endswith(head) and len(word) > len(head) for head in lang.words("firm_descriptor_heads"))


def _closes_a_trades_description(words: list[tuple[str, int, int]], index: int) -> bool:
    """半导体|大厂|力晶科技: a noun for a firm right after an industry's word, the two a description of
    the firm named next, though the segmenter cuts them apart."""
    word, w_start, _ = words[index]
    if word not in lang.words("firm_descriptor_heads") or index == 0:
        return False
    before, _, before_end = words[index - 1]
    return before_end == w_start and before in lang.word_set("industry_terms")


def _opens_a_coined_pair(word: str, boundaries: frozenset[str]) -> bool:
    """全岚|精机: a function character that is no boundary word (全, 至, 沿) before a rare character, in a
    pair no dictionary knows, is the coined pair's first character (各大|医药 is not: 大 is common)."""
    return len(word) == 2 and word[0] not in boundaries and word[1] not in _common_hanzi()


@cache
def _common_hanzi() -> frozenset[str]:
    return frozenset("".join(lang.words("common_hanzi")))


def _bare_place_before(words, index: int) -> bool:
    """菏泽|同裕纸业有限公司: a place named without its 县/市/区 right before the word is the registered name's
    opening, so the word's first character, a boundary elsewhere (同, 和), is the name's 字号."""
    if index == 0:
        return False
    word, _start, end = words[index - 1]
    return end == words[index][1] and _is_place(word) and not word.endswith(_division_endings())


@cache
def _division_endings() -> tuple[str, ...]:
    return tuple(lang.data("place_names")["district_endings"])


@cache
def _boundary_before_a_country() -> re.Pattern[str]:
    boundaries = [w for w in lang.words("name_left_boundaries") if len(w) > 1]
    return re.compile(
        f"(?:{lang.alternation(boundaries)})(?={lang.alternation(lang.words('foreign_places'))})"
    )


MAX_LIST_HEAD = 3  # how far before a name its list's head noun may begin (签约企业|有某某: 企业 before 有)


@cache
def _existential_after_a_list_head() -> re.Pattern[str]:
    patterns = lang.data("company_patterns")
    heads = lang.alternation(patterns["list_heads_before_existential"])
    return re.compile(f"(?:{heads}){re.escape(patterns['existential'])}")


def _after_a_glued_boundary(text: str, start: int, end: int) -> int:
    """生产企业|法国某某公司, which jieba reads 企业法|国某: a boundary word right before a country's name
    ends the words before the name, however the segmenter cut them. So does 有 after a list's head noun
    (签约企业有|某某集团, read 企业|有某某)."""
    ends = [match.end() for match in _boundary_before_a_country().finditer(text, start, end)]
    existential = _existential_after_a_list_head().finditer(text, max(0, start - MAX_LIST_HEAD), end)
    ends += [match.end() for match in existential if start < match.end() < end]
    # 精准对|标三安光电: a boundary word of two characters the segmenter cut after its first
    ends += [
        start + len(word) - 1
        for word in _split_boundaries()
        if text.endswith(word[:1], 0, start) and text.startswith(word[1:], start) and end - start > len(word)
    ]
    return max(ends) if ends else start


@cache
def _split_boundaries() -> tuple[str, ...]:
    """Boundary words of two characters whose first is a boundary on its own (对标: 对)."""
    boundaries = lang.word_set("name_left_boundaries")
    return tuple(w for w in boundaries if len(w) == 2 and w[0] in boundaries)


def _digits_before(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _single_han(text: str, position: int, words) -> bool:
    return any(s == position and e == position + 1 and _HAN.match(w) for w, s, e in words)


def _is_area(word: str) -> bool:
    """A district, county or zone name (南湖高新区, 吴中区), not a city or province."""
    return any(
        e.place.kind not in ("city", "province") for e in gazetteer().places_named(word)
    ) or word.endswith(tuple(lang.data("place_names")["district_endings"]))


def _after_leading_verb(text: str, start: int, end: int, *, further_in: bool = True) -> int:
    """涉及福建恒丰实业有限公司, 深挖比亚迪: a verb opening the span before a place or a name is the
    clause's, not the company's; the name starts after it. So is the clause's verb further in (重点攻坚|
    国岚集团, 一行深入|交城某某有限公司, 签约项目有|庞岚集团), when `further_in` (a legal form or a list
    vouches for the name): what stands before it is no name either."""
    pairs = tagged(text[start:end])
    trades = lang.word_set("company_industry_words")
    at = start
    cut = start
    leading = True  # still among the pronouns and prepositions opening the span (这次|, 随着|以|)
    for index, (word, flag) in enumerate(pairs[:-1]):
        at += len(word)
        following, following_flag = pairs[index + 1]
        names_next = _is_place(following) or following_flag in _PROPER_FLAGS or rare_word(following)
        clause_word = flag.startswith(_CLAUSE_OPENING_FLAGS) and not _is_place(word)
        if index == 0 or (leading and clause_word):
            opens = (flag == "v" and len(word) > 1 and not _is_place(word)) or clause_word
            leading = leading and clause_word
            if opens and names_next:
                cut = at
        elif (
            further_in
            and _verb_inside_the_span(pairs[index - 1][0], word, flag)
            and (
                _is_place(following)
                or following_flag == "ns"  # 某某投下属|中国某某租赁…: a country or a place jieba knows
                or (following_flag in _PROPER_FLAGS and len(following) > 1)
            )
            and not any(
                f.startswith(_CLAUSE_WORD_FLAGS + ("v", "c")) and w not in trades
                for w, f in pairs[index + 1 :]
            )
        ):
            cut = at  # what follows reads as a name alone (no preposition or verb of its own)
        else:
            leading = False
    return cut


def _verb_inside_the_span(before: str, word: str, flag: str) -> bool:
    """攻坚, 深入 (a verb of two characters, or a verbal noun), or 有 after a noun for projects or firms
    (签约项目有|…): the clause's verb, not a word of a firm's name (控股, 投资, 服务 are trades)."""
    if _is_place(word) or word in _name_words() or _is_place(before):
        return False  # 秦皇岛|满仓|面业: after a place, a verb-like word is the firm's 字号
    if len(word) > 1:
        return flag in ("v", "vn")
    return flag == "v" and before.endswith((*_project_nouns(), *lang.words("generic_company_nouns")))


@cache
def _name_words() -> frozenset[str]:
    return (
        lang.word_set("company_industry_words")
        | lang.word_set("company_name_endings")
        | lang.word_set("company_legal_forms")
        | lang.word_set("name_inside_words")
    )


_CLAUSE_WORD_FLAGS = ("f", "p", "d", "u", "r")  # locatives, prepositions, adverbs … (仪式上, 也)
# a preposition or a pronoun opening a span (随着|以|, 这次|) is the clause's
_CLAUSE_OPENING_FLAGS = ("p", "r")


def _opens_a_clause_or_a_placed_name(words, index: int, name_start: int) -> bool:
    """，与|恒申…, 仪式上与|香港…: a conjunction after punctuation opens its clause, and one before a
    place joins the clause to a name that opens with its place; neither is inside the name."""
    before = words[index - 1] if index > 0 else None
    if before is None or before[2] != words[index][1] or not _HAN.match(before[0]):
        return True
    if len(before[0]) == 1 and (
        before[0] in _division_endings() or tagged(before[0])[0][1].startswith(_CLAUSE_WORD_FLAGS)
    ):
        return True  # 东岭县与|…, 仪式上与|…: a division or a locative before it ends the words before
    following = next((w for w, s, _e in words[index + 1 :] if s == name_start), None)
    return following is not None and _is_place(following)


def _between_single_characters(words, index: int, name_start: int) -> bool:
    def single(i: int) -> bool:
        word = words[i][0] if 0 <= i < len(words) else ""
        return (
            len(word) == 1
            and _HAN.match(word) is not None
            and word not in lang.char_set("function")
            and word not in lang.char_set("localizers")
        )

    if index + 1 >= len(words) or words[index + 1][1] != name_start:
        return False  # nothing of the name after it yet
    return single(index - 1) or single(index + 1)


def _names_an_event(text: str, item: _Found) -> bool:
    """某洽会, 某博会, 某推介会: a fair or a meeting where projects are signed, never their investor, nor
    is the fair's name read without its 会 (某洽|会, which the segmenter takes for a verb)."""
    endings = tuple(lang.data("company_patterns")["event_endings"])
    longest = max(map(len, endings))
    return item.name.endswith(endings) or any(
        text[s:end].endswith(endings) for s, e in item.spans for end in range(e + 1, e + longest)
    )


def _is_organization(name: str) -> bool:
    return name.endswith(_organization_suffixes())


@cache
def _organization_suffixes() -> tuple[str, ...]:
    return tuple(lang.word_set("organization_endings") | lang.word_set("person_suffixes"))


def rare_word(word: str) -> bool:
    return word_frequency(word) < RARE_WORD_FREQ and not set(word) <= lang.char_set("function")


_FIRM_CLASSES = lang.longest_first(lang.data("company_patterns")["firm_classes"])


def _generic(core: str, strict: bool = False) -> bool:
    """平台公司, 跨国公司: what precedes the suffix names nobody. `strict` (no suffix to vouch for the
    name): it also needs a word that is neither everyday nor a verb."""
    if (
        not core
        or core in lang.word_set("company_generic_names")
        or core[0] in lang.char_set("approximate")
        or _COUNTED.match(core)
    ):
        return True
    classes = [c for c in _FIRM_CLASSES if c in core]
    if classes:  # 国内外独角兽专精特新小巨人: classes of firms, rare as their words are
        rest = core
        for firm_class in classes:
            rest = rest.replace(firm_class, "")
        return not rest or _generic(rest, strict=True)
    words = segment_words(core)
    named = [
        w
        for w in words
        if (rare_word(w) and not _adverb(w)) or _proper_word(w) or (_placed(w) and len(words) > 1)
    ]
    if words[-1] in lang.word_set("company_generic_names") and not [w for w in named if w != words[-1]]:
        return True
    if strict and is_verb_only(words[-1]) and all(_is_place(w) for w in named):
        return True  # 将在吴中区打造|集团中国区总部: what is built, not whose (中拉控股 is a name)
    if strict and words[-1] in lang.data("company_patterns")["firm_kinds"]:
        return True  # 世博地区|跨国|公司, 某集团下属|子|公司: a kind of firm, wherever it is, no firm

    if strict and _holds_a_clause(core):
        return True  # 园区就是要集中|公司: an adverb before a verb says what is done, no name
    if strict and core[0] == lang.chars("one") and _is_place(core[1:]):
        return True  # 一|成都|公司: "a firm of Chengdu"
    if strict:
        return not named
    return False


def _opens_with_a_verb(name: str) -> bool:
    """利用|某某湿地, 助力|某某纸业, 退出|某某: a verb of two characters or more opening a short name is the
    clause's, not the firm's (a known brand aside: 共享装备 is a firm)."""
    if _brand_re().match(name):
        return False
    first, flag = tagged(name)[0]
    return flag == "v" and len(first) >= 2 and len(name) > len(first)


def _holds_a_clause(core: str) -> bool:
    """An adverb right before a verb (就是要|集中): what is done, said in a clause."""
    pairs = tagged(core)
    return any(
        flag == "d" and following.startswith("v")
        for (_w, flag), (_n, following) in zip(pairs, pairs[1:], strict=False)
    )


def _placed(word: str) -> bool:
    """A place or a country opening a name (青岛|港务, 中国|热力)."""
    return _is_place(word) or word in lang.word_set("foreign_places")


_ADVERB_FLAG = "d"


def _adverb(word: str) -> bool:
    """最多, 仍然: a word the dictionary tags as an adverb is no name, however rarely it counts it."""
    return all(flag.startswith(_ADVERB_FLAG) for _w, flag in tagged(word))


def _proper_word(word: str) -> bool:
    """A name as jieba's dictionary tags it (微软 nrt, 奇瑞 nz), however common."""
    return any(flag in _PROPER_FLAGS for _w, flag in tagged(word))


def is_verb_only(word: str) -> bool:
    """A word jieba tags as a plain verb (打造), not a verbal noun (建设) or a name."""
    pairs = tagged(word)
    return len(pairs) == 1 and pairs[0][1] == "v"


def is_verb(word: str) -> bool:
    return any(flag.startswith("v") for _w, flag in tagged(word))


_FIRM_COUNT_ENDING = re.compile(lang.pattern("company_patterns", "firm_count_ending"))


def _registered_names(text: str) -> list[_Found]:
    """Registered forms (…有限公司) first; a bare 集团/公司 inside one of them is not a name of its own."""
    out: list[_Found] = []
    matches = sorted(_suffix_re().finditer(text), key=lambda m: not _is_registered(m.group(0)))
    for match in matches:
        if any(s <= match.start() < e for found in out for s, e in found.spans):
            continue
        registered = _is_registered(match.group(0))
        start = _after_leading_verb(text, left_edge(text, match.start()), match.start())
        start = max(start, text.rfind(_NAME_JOINER, start, match.start()) + 1)
        start = _at_the_place_after_a_quantity(text, start, match.start())
        start = _through_a_boundary_inside_the_name(text, start, match.start(), registered)
        start = _after_a_zone(text, start, match.start())
        start = _after_another_firms_name(text, start, match.start())
        core = text[start : match.start()]
        known = core in lang.word_set("company_brands")  # 东方希望|集团: a brand of everyday words
        if (
            len(core) < 2
            or (not known and _generic(core, strict=not registered))
            or (not registered and _is_organization(core))
        ):
            continue  # a bare 集团/公司 needs a name before it (工厂已经成为集团, 租赁公司); a registered one
            # is a firm's whatever its core ends with (某某购物中心有限公司, 某某研究院有限公司)
        if _unclosed_bracket(core):
            continue  # 大湾区(但若公司有…: a remark in brackets, no name's place (时代电服(青岛)有限公司)
        if not registered and _FIRM_COUNT_ENDING.search(core):
            continue  # 甲有限公司和乙两家公司: a count of the firms named before it
        if _counted(text, start):
            continue  # 等35家|央企集团: a count of firms, no name
        out.append(
            _Found(text[start : match.end()], [(start, match.end())], full=_is_registered(match.group(0)))
        )
    return out


_COUNTING_CHARS = lang.char_set("digits") | lang.char_set("count_magnitudes") | lang.char_set("approximate")


def _after_another_firms_name(text: str, start: int, end: int) -> int:
    """Where a name the left edge opened too early starts: after another firm's registered name and the
    conjunction joining them, after a bracket giving the firm before it another name (甲有限公司(现|…), or
    after a count of firms (近三年来近百家|国际知名公司)."""
    ends = (
        m.end()
        for pattern in (_JOINED_AFTER_A_REGISTERED, _OTHER_NAME_IN_BRACKETS, _FIRM_COUNT_INSIDE)
        for m in pattern.finditer(text, start, end)
    )
    return max([start, *ends])


def _counted(text: str, start: int) -> bool:
    """A name the left edge opened at the measure word of a count (35家|央企集团): the count's noun."""
    before = text[start - 1] if start else ""
    return text.startswith(_FIRM_MEASURES, start) and (before.isdigit() or before in _COUNTING_CHARS)


_PERSON_TITLE_BEFORE = re.compile(f"(?:{lang.alternation('person_titles')})$")
_PERSON_TITLE_THEN_NAME = re.compile(f"(?:{lang.alternation('person_titles')})[\u4e00-\u9fff]{{2,3}}$")
PERSON_NAME_MAX = 3  # characters of a person's name listed after a title (某某某)


def after_a_person_title(text: str, start: int) -> bool:
    """澳商股东|某某, 董事长|某某: a name right after a title or role is a person's."""
    return _PERSON_TITLE_BEFORE.search(text, max(0, start - 4), start) is not None


def _people_listed(items: list[str]) -> int:
    """How many items open a list of people (市级领导某某、某某某、…): a title and a name, then names alone."""
    if not items or not _PERSON_TITLE_THEN_NAME.search(items[0]):
        return 0
    count = 1
    while count < len(items) and len(items[count]) <= PERSON_NAME_MAX:
        count += 1
    return count


def _unclosed_bracket(core: str) -> bool:
    opened = sum(core.count(b) for b in lang.chars("opening_brackets"))
    return opened > sum(core.count(b) for b in lang.chars("closing_brackets"))


MAX_CORE_BEFORE_INSIDE_BOUNDARY = 2  # characters between a name's place and a boundary word inside it


def _through_a_boundary_inside_the_name(text: str, start: int, end: int, registered: bool) -> int:
    """岳阳大华和|鑫家具有限公司, 杭州钧和|集团, 某省某市金穗联合|收割机有限公司: a name cut right after a
    conjunction or a verb that opens names elsewhere, with no word of its own left before its trade, is
    cut inside: a registered name has a distinctive core. When a place stands one or two characters before
    that word, the name opens with that place (and its province); a core that names someone keeps the cut
    (某市与|远创置业集团), and so does 等 (甲等公司, 华为等公司: an enumeration closes there)."""
    if start == 0 or not _names_nobody(text[start:end], registered):
        return start
    boundary = boundary_inside_ending_at(text, start)
    if not boundary:
        return start
    before = start - len(boundary)
    for gap in range(1, MAX_CORE_BEFORE_INSIDE_BOUNDARY + 1):
        core = text[before - gap : before]
        if len(core) < gap or not all(_HAN.match(c) for c in core):
            break
        if core[0] in _division_endings() or core[0] in lang.char_set("function"):
            break
        place = _place_ending_at(text, before - gap)
        if place and not _is_organization(place + core):  # 某市政府与|公司: an office, no firm's core
            opening = before - gap - len(place)
            return opening - _province_before(text, opening)
    return start


def _names_nobody(core: str, registered: bool) -> bool:
    """Before a registered form: no word of a name, or a single common noun (收割机, a product) — no 字号.
    Before a bare 集团, only nothing or a single character (某均和|集团): a common word there may be a
    second firm's short name (某城建与|建工集团)."""
    if not registered:
        return len(core) <= 1
    pairs = tagged(core) if core else ()
    common_noun = len(pairs) == 1 and pairs[0][1] == "n" and word_frequency(core) > 0
    return common_noun or len(_without_trades(core)) <= 1 or _generic(core, strict=True)


def _without_trades(core: str) -> str:
    """某鑫|食品: the core without the trade words closing it (a 字号 has two characters or more)."""
    trades = lang.longest_first(lang.word_set("company_industry_words"))
    while trade := next((t for t in trades if core.endswith(t) and len(core) > len(t)), None):
        core = core[: -len(trade)]
    return core


def boundary_inside_ending_at(text: str, at: int) -> str | None:
    """The conjunction (和, 与, 及) or the boundary word of two characters or more ending at `at`."""
    words = [w for w in lang.words("name_left_boundaries") if len(w) > 1] + list(_CONJUNCTIONS)
    return next((w for w in sorted(words, key=len, reverse=True) if text.startswith(w, at - len(w))), None)


def _place_ending_at(text: str, at: int) -> str | None:
    for length in range(PLACE_NAME_MAX, 1, -1):
        word = text[max(0, at - length) : at]
        if len(word) == length and _is_place(word):
            return word
    return None


PLACE_NAME_MAX = 4  # characters of a city or a county's name with its 市/县 (乌鲁木齐, 吐鲁番市)


def _at_the_place_after_a_quantity(text: str, start: int, end: int) -> int:
    """3×100兆瓦风力发电|酒泉某某旅游开发有限公司: a name that the left edge opened right after a number runs
    over the unit and product of a plant before it; a registered name opens with its place."""
    if start == 0 or not text[start - 1].isdigit():
        return start
    return next((at for at in range(start + 1, end - 1) if _leading_places(text[at:end])), start)


@cache
def _legal_forms() -> tuple[str, ...]:
    return tuple(lang.words("company_legal_forms"))


def _ends_with_suffix(name: str) -> bool:
    return name.endswith(_legal_forms())


def _is_registered(suffix: str) -> bool:
    shapes = lang.data("company_patterns")
    return shapes["registered_marker"] in suffix or suffix in shapes["registered_forms"]


_DIVISION_ANAPHORA = frozenset(lang.data("metric_keywords")["district_anaphora"])


_PHASE_AT_THE_END = re.compile(
    f"(?:{lang.pattern('project_words', 'phase')}|{lang.pattern('project_words', 'bracketed_phase')})$"
)


def _clean_item(text: str, start: int, end: int, *, in_list: bool = False) -> tuple[int, int] | None:
    phase = _PHASE_AT_THE_END.search(text, start, end) if in_list else None
    if phase and _opens_with_a_brand(text[start : phase.start()]):
        end = phase.start()  # 岚威二期、岚科二期等项目: the phase is the project's, the firm is 岚威
    new_start = _after_leading_verb(text, left_edge(text, end, limit=end - start), end, further_in=in_list)
    if in_list and text.endswith(_INCLUSIVE_LIST_TAIL, new_start, end):
        end -= len(_INCLUSIVE_LIST_TAIL)  # 包括A、B在内等41家企业: 在内 closes the list
    item = text[new_start:end]
    suffix = _suffix_re().search(item)
    vouched = suffix is not None and suffix.end() == len(item)  # 微软集团: the suffix vouches for the name
    core = item[: suffix.start()] if vouched else item
    if len(item) < 2 or _is_place(item) or _is_organization(item) or _generic(core, strict=not vouched):
        return None
    if item in _DIVISION_ANAPHORA:  # 与该县签约, 与我区签署: the place spoken of, no firm
        return None
    if _party_side(item):
        return None
    if not in_list and not vouched and is_verb(item):  # 领军企业参会
        return None
    if _DIGITS.fullmatch(item) or not _HAN.match(item):
        return None
    if not vouched and item.endswith(_project_nouns()):
        # 比亚迪郑州基地等整车企业: a plant named in the list; its investor's brand is the company
        brand = brand_of(item)
        return (new_start, new_start + len(brand)) if brand and item.startswith(brand) else None
    return new_start, end


def _party_side(item: str) -> bool:
    """美方, 中外双方, 投资方: a country or a role before 方 names a side of a deal, not a company."""
    patterns = lang.data("company_patterns")
    side, before = item[-1:], item[:-1]
    if side != patterns["party_side_ending"] or not before:
        return False
    return set(before) <= set(patterns["party_side_openings"]) or before in patterns["party_side_roles"]


@cache
def _project_nouns() -> tuple[str, ...]:
    return tuple(line.split()[0] for line in lang.words("project_nouns"))  # (a column may mark it weak)


def _enumeration_matches(text: str) -> list[re.Match[str]]:
    """Lists closed by 等 (甲、乙等企业) and lists counted without it (甲、乙2家企业)."""
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for needle in (_ENUMERATION_CLOSER, *_FIRM_MEASURES, _LIST_ROLE):
        for match in finditer_within(_enumeration_re(), text, NO_LIST_BREAK, needle):
            if match.group("closer") or _LIST_SEPARATOR in match.group(1):
                matches.setdefault(match.span(), match)
    for match in finditer_within(_investor_enumeration_re(), text, NO_LIST_BREAK, _ENUMERATION_CLOSER):
        matches.setdefault(match.span(), match)
    return [matches[span] for span in sorted(matches)]


def _opens_with_a_clause(words: str, flags: tuple[str, ...]) -> bool:
    """刘某共同会见了: words before a list item that hold a verb or its aspect particle (了) are a clause the
    list is the object of (an item of everyday words alone, 延长|石油, may hold a verb)."""
    return any(flag in flags for _word, flag in tagged(words))


def _enumerated(text: str) -> list[_Found]:
    out = []
    for match in _enumeration_matches(text):
        position = match.start(1)
        listed = match.group(1)
        if tail := _COUNT_TAIL.search(listed):
            listed = listed[: tail.start()]
        items = listed.split(_LIST_SEPARATOR)
        spans = []
        of_projects = match.re is _investor_enumeration_re()
        for item in items:
            span = _clean_item(text, position, position + len(item), in_list=True)
            if span and of_projects and not _investor_named(text[span[0] : span[1]]):
                span = None
            # 张某、刘某会见了|甲集团、乙集团等央企: the list starts after the verb
            if spans and (
                _opens_with_a_clause(text[position : span[0]], ("v", "ul"))
                if span
                else _opens_with_a_clause(item, ("ul",))
            ):
                spans = [None] * len(spans)
            spans.append(span)
            position += len(item) + 1
        # 数字出版、动漫游戏等企业: a list of trades, whatever one item looks like; an institute listed
        # beside enterprises (某研究院、安泰科技等20户企业) is a name, not a trade
        trades = sum(
            span is None and not _is_organization(item) for span, item in zip(spans, items, strict=True)
        )
        if len(items) >= 2 and 2 * trades >= len(items):
            continue
        if not of_projects and trades == 1 and len(items) >= LIST_TYPES_AN_ITEM:
            spans = _typed_by_the_list(text, match, items, spans)
        people = _people_listed(items)
        spans = [None] * people + spans[people:]  # 市级领导某某、某某某: people, no firms
        out += [_without_latin_gloss(text, span) for span in spans if span]
    return out


_TRAILING_LATIN_GLOSS = re.compile(lang.pattern("company_patterns", "trailing_latin_gloss"))


def _without_latin_gloss(text: str, span: tuple[int, int]) -> _Found:
    """国际商业机器公司(IBM) in a list of firms: the name, with its Latin name in brackets as a mention."""
    start, end = span
    gloss = _TRAILING_LATIN_GLOSS.search(text, start, end)
    if gloss is None or gloss.start() - start < 2:
        return _Found(text[start:end], [span])
    return _Found(text[start : gloss.start()], [(start, gloss.start())], glosses=(gloss.group("latin"),))


_KINDS_AFTER_A_LIST = re.compile(lang.pattern("project_words", "kinds_after_a_list"))


def _firm_list_after_its_head(text: str) -> list[_Found]:
    """签约企业包括甲、乙和丙: the firms a noun for firms opens; a list most of whose items are not names
    (企业包括制造、物流和商贸) lists trades."""
    out = []
    for match in _firm_list_after_its_head_re().finditer(text):
        items = match.group("items").split(_LIST_SEPARATOR)
        last = items.pop()
        closer = last.find(_ENUMERATION_CLOSER)
        if closer >= 0 and _KINDS_AFTER_A_LIST.match(last, closer + len(_ENUMERATION_CLOSER)):
            continue  # 企业涵盖装备制造、矿产资源等行业领域: the trades the firms are in
        last = last.split(_ENUMERATION_CLOSER, 1)[0]
        joiner = next((at for w, at, _e in tokens(last) if _joins_the_last_item(w, at, last)), None)
        items += [last[:joiner], last[joiner + 1 :]] if joiner is not None else [last]
        position, spans = match.start("items"), []
        for item in items:
            span = _clean_item(text, position, position + len(item), in_list=True) if item else None
            if span and span[0] > position and token_at(text, position)[1] < position:
                span = (position, span[1])  # 有|岚芯微 read as 有岚|芯微: the item starts after its opener
            described = _COUNTED.match(item) or _DESCRIBED_ITEM.search(item)
            spans.append(None if described else span)
            position += len(item) + 1
        if 2 * sum(span is None for span in spans) >= len(spans):
            continue
        out += [_without_latin_gloss(text, span) for span in spans if span]
    return out


def _joins_the_last_item(word: str, at: int, item: str) -> bool:
    """甲、乙和丙: a conjunction, standing alone or glued by the segmenter to the next name (和泓晶), with
    a name of two characters or more on either side."""
    return (
        word[0] in _CONJUNCTIONS
        and 2 <= at <= len(item) - 3
        and (len(word) == 1 or word_frequency(word) == 0)
    )


LIST_TYPES_AN_ITEM = 3  # items of a firms' list, all names but one, that make the one a name too


def _typed_by_the_list(text: str, match: re.Match[str], items: list[str], spans: list) -> list:
    """甲集团、延河石油、乙有限公司等重点国企: in a list of firms whose other items are names, an item
    of everyday words (延河石油) is a firm's short name too; a place, a body or a count is not."""
    out, position = [], match.start(1)
    for item, span in zip(items, spans, strict=True):
        start, end = position, position + len(item)
        position = end + 1
        if (
            span is None
            and start > match.start(1)
            and _HAN.match(item)
            and not (
                _is_place(item) or _is_organization(item) or _DIGITS.fullmatch(item) or _COUNTED.match(item)
            )
        ):
            span = (start, end)
        out.append(span)
    return out


_HEADED_PROJECT_LIST = re.compile(lang.pattern("project_words", "headed_list"))
_LIST_ENDS = re.compile(lang.pattern("company_patterns", "headed_list_end"))
_KINDS_AFTER_A_LIST = re.compile(lang.pattern("project_words", "kinds_after_a_list"))


def _headed_project_list(text: str) -> list[_Found]:
    """签约项目3个，分别是：甲精密钢、乙电器项目等: the projects a head counts are named by their
    investors, as in 引进甲、乙等N个项目."""
    out = []
    for match in _HEADED_PROJECT_LIST.finditer(text):
        start = match.start("items")
        stop = _LIST_ENDS.search(text, start, match.end("items"))
        items = text[start : stop.start() if stop else match.end("items")].split(_LIST_SEPARATOR)
        if len(items) < 2 or (stop and _KINDS_AFTER_A_LIST.match(text, stop.end())):
            continue  # 包括先进制造业、研发中心等类别: kinds of projects
        found = []
        for item in items:
            span = _clean_item(text, start, start + len(item), in_list=True)
            if span and span[0] > start and _QUANTITY_CHAR.match(text[span[0] - 1]):
                span = None  # 承兴30万锭高档纺纱: what follows a quantity is the product, not the investor
            investor = _listed_investor(text[span[0] : span[1]]) if span else None
            investor = investor if investor and _holds_a_name(investor) else None
            found.append(
                _Found(investor, [(span[0], span[0] + len(investor))]) if span and investor else None
            )
            start += len(item) + 1
        for i, (item, investor) in enumerate(zip(items, found, strict=True)):
            # 甲公司机械加工、结构件制造项目: an item whose next names no investor runs on into it
            runs_on = (
                i + 1 < len(items)
                and not item.endswith(_project_nouns())
                and not _opens_with_a_brand(items[i + 1])
            )
            if investor and not runs_on:
                out.append(investor)
    return out


def _counted_project_list(text: str) -> list[_Found]:
    """甲置业房地产开发、乙纸业年产5万吨纸浆等27个项目: items of a list of projects that open with their
    investor's short name (a brand, a place and a brand, or a word before its trade)."""
    out = []
    for match in finditer_within(_counted_project_list_re(), text, NO_LIST_BREAK, _ENUMERATION_CLOSER):
        position = match.start(1)
        for item in match.group(1).split(_LIST_SEPARATOR):
            span = _clean_item(text, position, position + _before_a_quantity(item), in_list=True)
            position += len(item) + 1
            if span is None:
                continue
            named = text[span[0] : span[1]]
            if public_works(named):
                continue
            investor = placed_brand(named) or brand_of(named) or _word_before_its_trade(named)
            if investor and named.startswith(investor):
                out.append(_Found(investor, [(span[0], span[0] + len(investor))], leads_a_project=True))
    return out


def public_works(name: str) -> bool:
    """甲河水电站, 甲至乙铁路: public works are named after the places and rivers they serve, not investors."""
    return any(word in name for word in lang.data("company_patterns")["public_works"])


def _before_a_quantity(item: str) -> int:
    """How much of a listed project names its investor and product: up to a quantity after its words
    (亚洲硅业新能源|60兆瓦光伏发电), which says how big the plant is."""
    return next(
        (at for at in range(1, len(item)) if item[at].isdigit() and _HAN.match(item[at - 1])), len(item)
    )


def _word_before_its_trade(item: str) -> str | None:
    """太阳纸业|年产…, 亚洲硅业|新能源…: a word of two characters, however common, then a trade word that
    ends firms' short names, then more of the project: the two words are the investor."""
    pairs = tagged(item)
    if len(pairs) < 3:
        return None
    (word, flag), (trade, _trade_flag) = pairs[0], pairs[1]
    if (
        len(word) != 2
        or not _HAN.match(word)
        or flag.startswith(_LEADING_NON_NAME)
        or flag == "ours"
        or word in lang.word_set("industry_terms")
        or word.endswith(_division_endings())
        or trade not in lang.word_set("company_industry_words")
    ):
        return None
    return word + trade


def _opens_with_a_brand(item: str) -> bool:
    """An item whose first word after its places is a name or a word no dictionary knows (南城|华达电器),
    not an everyday word (高铁|结构件)."""
    pairs = list(tagged(item[:12]))
    while pairs and _is_place(pairs[0][0]):
        pairs.pop(0)
    return bool(pairs) and pairs[0][1] in _PROPER_FLAGS


def _listed_investor(item: str) -> str | None:
    """Whose project an item of a list of projects is: the investor opening it (泉州嘉芯|集成电路), the
    coined word before the work it does (恒宏新纤|化学纤维制造), else the item itself when it names its
    investor (岚钧精密钢)."""
    if brand := placed_brand(item) or brand_of(item):
        return brand
    pairs = tagged(item)
    first, flag = pairs[0]
    if len(pairs) > 1 and is_verb_only(pairs[-1][0]) and flag == "oov" and word_frequency(first) == 0:
        return first
    return item if _investor_named(item) else None


def _investor_named(item: str) -> bool:
    """An item of a list of projects names its investor (拓维智造, 国网投) unless it names the work:
    a product inside the name (董家口炼化|一体化), an everyday word before the product (三峡|海上风电), or
    a public work named after the places it joins (甲乙城际, 甲乙高铁)."""
    if public_works(item):
        return False
    products = lang.longest_first(lang.word_set("industry_terms"))
    for at in range(len(item)):
        product = next((p for p in products if item.startswith(p, at)), None)
        if product:
            return (
                at + len(product) == len(item)
                and at >= 2
                and rare_word(item[:at])
                and not _is_place(item[:at])
            )
    return True


_ADVERBS_BEFORE_A_VERB = lang.longest_first(lang.data("company_patterns")["adverbs_before_a_verb"])


# names, and organizations, places and idioms (中国电信, 深圳, 前程无忧)
_NAMING_FLAGS = (*_PROPER_FLAGS, "nt", "ns", "i")
EVERYDAY_PLACE_WORD_FREQ = 1000  # jieba frequency of a place-tagged word that is an everyday noun (城市)


def _from_a_glued_slot(text: str, slot_start: int, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """由晟屹|微电子投资: jieba glued the trigger's word to the name's first characters (由晟屹), and the name
    was cut after that word; it starts where the trigger's slot does."""
    if span is None or span[0] <= slot_start:
        return span
    token = token_at(text, slot_start)
    glued = token is not None and token[1] < slot_start and token[2] == span[0]
    return (slot_start, span[1]) if glued and _HAN.match(text[slot_start : span[0]]) else span


def _holds_a_name(slot: str) -> bool:
    """A slot a trigger fills (与…签署, 引进…，) that holds a name or a word no dictionary knows, not only
    common nouns and verbs (就业机会, 高端产业, 设厂, 年度计划); one ending in a word of position (…项目中)
    says where, not who (西部证券: a word of position may open a name)."""
    pairs = tagged(slot)
    if pairs and pairs[-1][1] == "f":
        return False
    return any(
        (flag in _NAMING_FLAGS and not everyday_place_word(word, flag))
        or not _HAN.match(word)
        or (len(word) == 1 and word not in _common_hanzi())  # 晟|屹|微电子: rare characters coin a 字号
        for word, flag in pairs
    )


def everyday_place_word(word: str, flag: str, *, freq: int = EVERYDAY_PLACE_WORD_FREQ) -> bool:
    """城市, 各县市: a word the dictionary tags as a place, names no place or country, and is at least as
    common as `freq`."""
    return (
        flag == "ns"
        and not gazetteer().places_named(word)
        and word not in lang.word_set("foreign_places")
        and word_frequency(word) >= freq
    )


def _triggered(text: str) -> list[_Found]:
    out = []
    for pattern, literals in zip(_trigger_res(), _trigger_literals(), strict=True):
        if not all(literal in text for literal in literals):
            continue
        for match in pattern.finditer(text):
            end = match.end("name")
            head = next((h for h in _HEAD_NOUNS if text.endswith(h, match.start("name"), end)), "")
            if head and _COUNTED_LOOSELY.search(text, match.start("name"), end):
                continue  # 引进一批专精特新企业: a kind of enterprise, counted, not one named
            end -= len(head)
            while not head and (
                adverb := next((a for a in _ADVERBS_BEFORE_A_VERB if text.endswith(a, 0, end)), "")
            ):
                end -= len(adverb)  # 某某开发区就已|签约落户: every adverb before the verb
            span = _clean_item(text, match.start("name"), end)  # 由深圳寓墅文旅|企业投资, 与富士康|分别签署
            if span and text[span[0] : span[1]].endswith(_zone_words()):
                continue  # 某某经济开发区就已签约落户…: a zone, no firm
            span = _from_a_glued_slot(text, match.start("name"), span)
            if span and _holds_a_name(text[span[0] : span[1]]):
                out.append(_Found(text[span[0] : span[1]], [span]))
    return out


_LATIN_GLOSS = re.compile(lang.pattern("company_patterns", "latin_gloss"))
_OPENING_QUOTE = re.compile(lang.pattern("company_patterns", "bilingual_opening_quote"))
_BRAND_IN_LATIN = re.compile(lang.pattern("company_patterns", "brand_in_latin"))


_BILINGUAL_HEADS = tuple(lang.data("company_patterns")["bilingual_heads"])
_LIST_JOINERS = frozenset(lang.chars("list_separator") + lang.chars("clause_ends"))


_FOREIGN_FIRM_MARK = re.compile(lang.alternation(lang.data("company_patterns")["foreign_firm_markers"]))
FOREIGN_FIRM_MAX_CHARS = 8
_NOT_IN_A_FIRMS_NAME = ("v", "d", "p", "c", "u", "m", "f", "r", "q")


def _nationality_marked(text: str) -> list[_Found]:
    """美商伊顿扩充…, 荷商恩智浦、法商亚东工业气体: the firm a country's 商 marks, its name the words after
    the mark up to a verb, a particle, a count or punctuation."""
    out = []
    for mark in _FOREIGN_FIRM_MARK.finditer(text):
        start = end = mark.end()
        for word, flag in tagged(text[start : start + FOREIGN_FIRM_MAX_CHARS + 4]):
            # a verb, particle or count ends the name, and so does punctuation (not alphanumeric)
            if flag.startswith(_NOT_IN_A_FIRMS_NAME) or not word.isalnum():
                break
            if end + len(word) - start > FOREIGN_FIRM_MAX_CHARS:
                break
            end += len(word)
        name = text[start:end]
        if len(name) < 2 or _is_organization(name) or name in lang.word_set("company_generic_names"):
            continue
        first = tagged(name)[0][0]
        if len(first) == 1 or word_frequency(first) >= RARE_WORD_FREQ:
            continue  # 澳商股东某某, 川澳商人: an everyday noun after the mark, a person or people
        out.append(_Found(name, [(start, end)]))
    return out


def _without_nationality_mark(found: _Found) -> _Found:
    """荷商恩智浦 read as one list item is 恩智浦: the mark says where the firm comes from."""
    mark = _FOREIGN_FIRM_MARK.match(found.name)
    if mark is None or len(found.name) - mark.end() < 2 or len(found.spans) != 1:
        return found
    (start, end), cut = found.spans[0], mark.end()
    return replace(found, name=found.name[cut:], spans=[(start + cut, end)])


def _bilingual(text: str) -> list[_Found]:
    """A Chinese name glossed with its Latin name in brackets names an enterprise when it stands right
    after a noun that types it (a leading enterprise 伏图拉 (Futurasun)) or is quoted with a brand's one
    Latin word (DeepSeek); a phrase glossed so (a panel's back end (Open-Cell), a quoted slogan (Belt and
    Road), an event's acronym (CIIE)) is none."""
    out = []
    accepted_end = -1
    for match in _LATIN_GLOSS.finditer(text):
        start, end = match.span("name")
        if match.group("quote"):
            if not _OPENING_QUOTE.search(text, 0, start) or not _BRAND_IN_LATIN.fullmatch(
                match.group("latin")
            ):
                continue
        else:
            name = match.group("name")
            head = max((name.rfind(h) + len(h) for h in _HEAD_NOUNS if h in name), default=-1)
            if head < 0 and _BRAND_IN_LATIN.fullmatch(match.group("latin")):
                # 美商|某某(Brand), 燒肉品牌|某某(Brand); 、某某(Brand) right after such a gloss in one list
                head = max((name.rfind(h) + len(h) for h in _BILINGUAL_HEADS if h in name), default=-1)
                if head < 0 and text[accepted_end:start] in _LIST_JOINERS:
                    head = 0
            if head < 0:
                continue
            start += head
        if end - start < 2 or _is_organization(text[start:end]):
            continue
        out.append(_Found(text[start:end], [(start, end)]))
        accepted_end = match.end()
    return out


# A project's name recurs across the sentences and reports that speak of it: its brand is read once.
NAME_CACHE_SIZE = 32768


@cached_on_words(NAME_CACHE_SIZE)
def brand_of(name: str) -> str | None:
    """The investor's brand leading a project name: 鹏辉能源储能电池生产项目 → 鹏辉能源, 奇瑞青岛基地 → 奇瑞."""
    pairs = list(tagged(name))
    while pairs and (_is_place(pairs[0][0]) or pairs[0][1].startswith(_LEADING_NON_NAME)):
        pairs.pop(0)  # 加快推进 / 青岛 before the brand
    words = [w for w, _flag in pairs]
    trades = lang.word_set("company_industry_words")
    brand: list[str] = []
    for word, flag in pairs:
        if (
            _is_place(word)
            or word in lang.word_set("industry_terms")
            or flag == "ours"
            or not rare_word(word)
            or (brand and word in trades)
            or _CAPACITY_AHEAD.match(word)
        ):  # 宏泰|药业|注射剂…: a trade word ends the brand, however rare the product after it
            break
        brand.append(word)
    if not brand or len("".join(brand)) < 2:
        return None
    if "".join(brand).endswith(tuple(lang.data("company_patterns")["town_endings"])):
        return None  # 西河市镇|建材…: the town where it is built
    if not any(flag in _PROPER_FLAGS for _w, flag in tagged("".join(brand))):
        return None  # 座舱 (电子) is a thing, not a brand
    rest = words[len(brand) :]
    if rest and rest[0].startswith(_zone_words()):
        return None  # 汾岚|高新区项目: the zone's own name, not an investor
    if len(rest) >= 2 and rest[0] in trades:
        return "".join(brand) + ("" if _qualifies_a_product(rest) else rest[0])
    if rest and _is_place(rest[0]):
        return "".join(brand)
    if rest and _CAPACITY_AHEAD.match(rest[0]) and all(flag == "oov" for _w, flag in tagged("".join(brand))):
        return "".join(brand)  # 潮岚|年产5万吨…, 旭岚|3GW…: a coined word before the plant's capacity
    proper = all(flag in _PROPER_FLAGS for _w, flag in tagged("".join(brand)))
    if rest and rest[0] in lang.word_set("industry_terms") and proper and len("".join(brand)) >= 3:
        return "".join(brand)  # 海尔卡奥斯|工业互联网…, 中外运|跨境电商…
    return None


def _splits_a_word(name: str, at: int) -> bool:
    """Whether `at` falls inside a word of three or more characters of `name` (航天|新能源: 航天新 splits it)."""
    return any(start < at < end and end - start >= 3 for _w, start, end in tokens(name))


def _qualifies_a_product(rest: list[str]) -> bool:
    """法兰泰克|智能|起重机, 汇胜|环保|包装材料: a trade word that also qualifies products, followed by
    further product words (not a place, a phase or the project's noun), is the product's, not the firm's."""
    if rest[0] not in lang.word_set("product_qualifying_trades") or len(rest) < 2:
        return False
    following = rest[1]
    return not (
        _is_place(following)
        or following in lang.data("company_patterns")["trades_closing_a_name"]
        or following.startswith(_project_nouns())
        or _CAPACITY_AHEAD.match(following)
        or not _HAN.match(following)
    )


@cached_on_words(NAME_CACHE_SIZE)
def coined_brand(name: str) -> str | None:
    """A project's name opening a clause (or after the sum invested in it) with two characters the segmenter
    has never seen as a word and no dictionary knows, then a product or the plant's capacity (岚钧|氢能…基地,
    朔丰|新能源…项目, 衡岚|年产…项目): the coined word is the investor's 字号."""
    pairs = tagged(name)
    if len(pairs) < 2:
        return None
    word, flag = pairs[0]
    output_verbs = tuple(lang.data("project_words")["output_verbs"])
    # 岚钧|氢能…, 衡岚|年产30亿平方米…: a product or the plant's capacity after the coined word
    if pairs[1][0] not in lang.word_set("industry_terms") and not name.startswith(output_verbs, len(word)):
        return None
    coined = len(word) in COINED_BRAND_LENGTHS and flag == "oov" and word_frequency(word) == 0
    # 由澜峰|动力电池…: jieba glued a boundary to a pair; the 字号 is the pair, named elsewhere in full
    glued = word[0] in lang.word_set("name_left_boundaries")
    return word if coined and not glued and _unknown_word(word) else None


def invested_brand(name: str) -> str | None:
    """A project's name its investment introduces (投资2.5亿美元的|迎辉光电项目) that opens with two
    characters no dictionary knows and a trade: they name the investor (迎辉光电, 绿德电子)."""
    stem = name[:BRAND_STEM_LENGTH]
    if len(stem) < BRAND_STEM_LENGTH or word_frequency(stem) > 0 or not _unknown_word(stem):
        return None
    trades = lang.longest_first(lang.word_set("company_industry_words"))
    trade = next((t for t in trades if name.startswith(t, BRAND_STEM_LENGTH)), None)
    return stem + trade if trade else None


# 年产15万吨|磷酸铁锂正极材料项目: after a quantity comes the product, not the investor's brand
_CLAUSE_MARKS = lang.chars("clause_ends") + lang.chars("sentence_ends")
# greedy: the match ends right after the last clause mark of the stretch searched
_UP_TO_LAST_CLAUSE_MARK = re.compile(f"(?s:.*)[{re.escape(_CLAUSE_MARKS)}]")
_POSSESSIVE = lang.data("company_patterns")["possessive"]
_QUANTITY_CHAR = re.compile(r"[\d.]")
_QUANTITY_BEFORE = re.compile(lang.pattern("company_patterns", "quantity_before"))
_INVESTMENT_BEFORE = re.compile(lang.pattern("company_patterns", "investment_attributive"))
INVESTMENT_REACH = 12  # characters of an amount and 的 before a name (2.5亿美元的)


def _leading_places(name: str) -> int:
    """How many characters of `name` are places named one after another (江苏南通…, 厦门…)."""
    at = 0
    while length := next((n for n in range(8, 1, -1) if _is_place(name[at : at + n])), 0):
        at += length
    return at


_NON_NAME_OPENINGS = ("v", "d", "p", "c")


@cached_on_words(NAME_CACHE_SIZE)
def placed_brand(name: str) -> str | None:
    """The investor opening a project's name with its place: place + a brand of two or three characters
    no dictionary knows + its trade (苏州恒邦涂料|年产…项目 → 苏州恒邦涂料, 厦门联创|集成电路项目 →
    厦门联创, 青岛利和|陇南…项目 → 青岛利和). The brand ends where a trade word, a product or another
    place begins."""
    places = _leading_places(name)
    if not places or _names_a_zone(name[places:]):
        return None  # 天津鲲鹏生物医药产业园项目: the park's own name, not an investor
    if _brand_re().match(name, places):
        return None  # 江南区|中广核…: a known brand after the place where it invests
    trades = lang.longest_first(lang.word_set("company_industry_words"))
    products = lang.longest_first(lang.word_set("industry_terms"))
    for length in (2, 3):
        brand_end = places + length
        brand = name[places:brand_end]
        if len(brand) < length or _splits_a_word(name, brand_end):
            continue  # 三江|航天新|能源: a brand does not end inside a word (新能源)
        # 青岛恒和|天水…: a function character may end a brand that a named place follows
        traded = any(name.startswith(t, brand_end) for t in trades)
        if not (
            _unknown_word(brand)
            or (
                _unknown_word(brand, ending=True)
                and _named_place_at(name, brand_end)
                # 拉萨市|拟在|东城区: a verb and its preposition before the place, no 字号
                and not tagged(brand)[0][1].startswith(_NON_NAME_OPENINGS)
            )
            or (traded and _proper_brand(brand))  # 南城|华达|电器: a name, however common, before its trade
        ):
            continue
        chain = [brand_end]
        while trade := next((t for t in trades if name.startswith(t, chain[-1])), None):
            chain.append(chain[-1] + len(trade))
            if trade in lang.word_set("company_legal_forms"):
                break  # 南城华达集团|电子信息产业基地: a legal form closes the name; trades after it are the plant's
        if len(chain) > 1 and _qualifies_a_product(
            [name[brand_end : chain[1]], *segment_words(name[chain[1] :])]
        ):
            chain = [brand_end]  # 汇胜|环保包装材料: the trade qualifies the product
        ends = {word_end for _w, _s, word_end in tokens(name)}
        # 诚越|电子科技, but 科利科技|电子产品: the trades end where a word of the name ends
        end = next((e for e in reversed(chain) if e in ends or e == brand_end), brand_end)
        if (
            end > brand_end
            or any(name.startswith(p, end) for p in products)
            or _named_place_at(name, end)
            or (
                end == brand_end
                and _CAPACITY_AHEAD.match(name, end)
                and (_coined(brand) or (places and _rare_noun(brand)))
            )
        ):  # …|年产5万吨, …|3GW: the plant's capacity follows its investor (江苏润泽|年产…: after its place, a
            # rare word is a 字号 too)
            return name[:end]
    return None


EVERYDAY_HEAD_FREQ = 5000  # 长城 (1559), 东方 (3993) still name firms before a trade; 汽车, 国家 do not
_ADJECTIVE_FLAGS = ("a", "b", "v")  # 新型, 高效, 焕发: a word that qualifies what follows


@cached_on_words(NAME_CACHE_SIZE)
def trade_named_head(name: str) -> str | None:
    """A project's name that opens with a firm's short name: its places, a word of two or three characters
    that is no product, place or adjective, and a trade noun right after it, then what is built
    (中联|能源|年产…项目, 浙江|天台|药业|原料药…, 东群|科技|纳米…): the places, word and trade are the
    investor, though a dictionary knows the word. A trade that as often qualifies the product (环保, 智能)
    or a word whose trade runs on into a longer word (凯裕|机械制造) names no firm."""
    places = _leading_places(name)
    pairs = _coined_pieces_joined(list(tagged(name[places:])))
    trades = lang.word_set("company_industry_words")
    if len(pairs) < 3:
        return None  # 某某物流 alone: the project is named after the firm, which may be the brand alone
    (word, flag), (trade, trade_flag) = pairs[0], pairs[1]
    if (
        not 2 <= len(word) <= (COINED_PIECES_CHARS[1] if flag == "oov" else 3)
        or not all("\u4e00" <= c <= "\u9fff" for c in word)
        or flag.startswith(_ADJECTIVE_FLAGS)
        or word_frequency(word) >= EVERYDAY_HEAD_FREQ
        or (_is_place(word) and not places)
        or word in lang.word_set("industry_terms")
        or word in lang.word_set("company_industry_words")
        or trade not in trades
        or trade in lang.word_set("product_qualifying_trades")
        or trade in lang.data("company_patterns")["trades_opening_a_product"]
        or word in lang.word_set("product_qualifying_trades")
        or not trade_flag.startswith("n")
    ):
        return None
    return name[: places + len(word) + len(trade)]


COINED_PIECES_CHARS = (2, 4)  # 碚|圣, 隆基乐叶: a brand the segmenter cut into pieces, before its trade


def _coined_pieces_joined(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The words of a name with the pieces of a coined brand before its trade joined into one unknown
    word (碚|圣|药业 → 碚圣|药业): single characters and unknown words, together no word of the
    dictionary, nor a place."""
    trades = lang.word_set("company_industry_words")
    at = next((i for i, (w, _f) in enumerate(pairs[:3]) if i and w in trades), None)
    if at is None or at == 1:
        return pairs
    pieces = pairs[:at]
    word = "".join(w for w, _f in pieces)
    if (
        not COINED_PIECES_CHARS[0] <= len(word) <= COINED_PIECES_CHARS[1]
        or not all(len(w) == 1 or f == "oov" for w, f in pieces)
        or not _unknown_word(word)
    ):
        return pairs
    return [(word, "oov"), *pairs[at:]]


def _coined(word: str) -> bool:
    """One word the segmenter has never seen (潮岚, 旭岚), not one it cuts into known words (共|签约)."""
    pairs = tagged(word)
    return len(pairs) == 1 and pairs[0][1] == "oov" and _unknown_word(word) and not _ends_like_a_place(word)


def _ends_like_a_place(word: str) -> bool:
    return word.endswith(tuple(lang.data("place_names")["district_endings"]))  # 汽开区


_NOUN_FLAGS = ("n", "nr", "nrt", "nz", "j", "oov")


def _rare_noun(word: str) -> bool:
    """One rare noun or proper name, as jieba reads it (润泽, 帕罗), that is no place: not a verb, a date or
    words run together (共|签约, 元月|有, 年|处理)."""
    pairs = tagged(word)
    return (
        len(pairs) == 1
        and pairs[0][1] in _NOUN_FLAGS
        and not _ends_like_a_place(word)
        and (_unknown_word(word) or _proper_brand(word))
    )


def _proper_brand(word: str) -> bool:
    """One word jieba tags as a person's or proper name (华达 nz), not a place."""
    pairs = tagged(word)
    return len(pairs) == 1 and pairs[0][1] in _PROPER_FLAGS and pairs[0][1] != "oov" and not _is_place(word)


def _named_place_at(name: str, at: int) -> bool:
    """A place named in full at `at` (陇南), not a bare zone word (新区) that needs context."""
    return any(
        e.form != CONTEXT for n in range(8, 1, -1) for e in gazetteer().places_named(name[at : at + n])
    )


@cache
def _zone_words() -> tuple[str, ...]:
    suffixes = gazetteer().zone_suffixes
    abbreviations = [a for a, _strength in suffixes.values() if a]
    return tuple(suffixes) + tuple(abbreviations) + tuple(lang.data("place_names")["parks"])


ZONE_BEFORE_A_NAME_MIN_CORE = 2  # characters of a firm's own name a zone before it must leave


def _after_a_zone(text: str, start: int, end: int) -> int:
    """交城经济开发区|华庆新材料科技有限公司: a zone's name before a registered firm's is where it is, not part
    of its name; the name opens after the zone's ending."""
    before = text[start:end]
    ends = [before.rfind(z) + len(z) for z in gazetteer().strong_zone_suffixes() if z in before]
    cut = max(ends, default=0)
    return start + cut if cut and len(before) - cut >= ZONE_BEFORE_A_NAME_MIN_CORE else start


def _names_a_zone(rest: str) -> bool:
    return any(word in rest for word in _zone_words())


def _unknown_word(word: str, *, ending: bool = False) -> bool:
    """Two or three Han characters that are no everyday word, place, trade or product (恒邦, 福尔程);
    `ending`: a function character may stand last (恒和)."""
    return (
        _HAN.match(word) is not None
        and all("\u4e00" <= c <= "\u9fff" for c in word)
        and not set(word[:-1] if ending else word) & lang.char_set("function")
        and word_frequency(word) < UNKNOWN_BRAND_FREQ
        and not _is_place(word)
        and word not in lang.word_set("industry_terms")
        and word not in lang.word_set("zone_name_words")  # 武汉空港…: a zone's word
        and not (len(word) > 2 and len(segment_words(word)) == 1 and word_frequency(word) > 0)  # 古战场
    )


UNKNOWN_BRAND_FREQ = 100  # 科利 (40), 新升 (3) may be brands; 高端 (499), 西海岸 (207) are words


def _name_head(text: str, start: int) -> int:
    """Where a project's name starts when a quantity cut it (苏州恒邦涂料年产4万吨|功能涂料项目): before
    the quantity, back to the name's left edge."""
    at = start
    while at > 0 and _QUANTITY_CHAR.match(text[at - 1]):
        at -= 1
    return left_edge(text, at) if at < start and at > 0 and _HAN.match(text[at - 1]) else start


def _local_places(text: str) -> set[str]:
    """The places of the report's own city: a project name opening with one of them says where the project
    is (青岛瑞幸咖啡…项目 in a Qingdao report), not where its investor comes from. A province before a brand
    is the firm's registered place (湖北某创医疗 in a Hubei report): firms register so, projects are not
    placed by province."""
    from zhaoyin.extractors.districts import document_city

    city = document_city(text)
    if not city:
        return set()
    return set(gazetteer().surfaces_in_city(city))


PLACE_HEAD_REACH = 40  # characters a place may stand before a name's head (bounds the scan on long lines)


def _place_head(text: str, head: int) -> int:
    """Where a name opening with a place starts when the name's left edge fell after it, at a product
    word or a conjunction (的苏州恒邦涂料年产4万吨功能涂料及|研发中心项目): the last place in the clause
    that stands after a boundary (的, a comma) with no 的 or list break between it and `head`."""
    reach = max(0, head - PLACE_HEAD_REACH)
    last_mark = _UP_TO_LAST_CLAUSE_MARK.match(text, reach, head)
    clause_start = max(reach, last_mark.end() if last_mark else 0)
    best = head
    for end, surface in gazetteer().automaton.iter_long(text[clause_start:head]):
        at = clause_start + end - len(surface) + 1
        before = text[at - 1] if at else ""
        opens = not before or not _HAN.match(before) or before in lang.word_set("name_left_boundaries")
        if opens and _POSSESSIVE not in text[at:head] and _LIST_SEPARATOR not in text[at:head]:
            best = at
    return best


_CLAUSE_OPENERS = _CLAUSE_MARKS + _LIST_SEPARATOR + "\n"


SHORT_MODIFIER = 4  # characters of a listed modifier inside a project's name (低损、耐热、…陶瓷基板项目)
MODIFIERS_WALKED = 3


def _name_before_its_modifiers(text: str, start: int) -> int | None:
    """Where a project's name starts when short modifiers listed with 、 split it (恒越电子科技低损、
    耐热、…陶瓷基板项目): back over them to the piece that opens the name, at a clause mark or 的."""
    at = start
    for _ in range(MODIFIERS_WALKED):
        if at == 0 or text[at - 1] != _LIST_SEPARATOR:
            return None
        piece_end = at - 1
        opening = piece_end
        while opening > 0 and _HAN.match(text[opening - 1]) and text[opening - 1] != _POSSESSIVE:
            opening -= 1
        if text[opening:piece_end].endswith(_project_nouns()):
            return None  # the item before is a project of its own
        if piece_end - opening > SHORT_MODIFIER:
            return opening
        at = opening
    return None


def _with_the_place_it_comes_from(text: str, head: int, brand: str, local: set[str]) -> str:
    """武汉|某岚模泰科技重组…项目, 湖北|某创医疗项目: a province, or a city other than the report's own, opening
    a project's name right before its investor's brand is where the firm is registered; the fullest name the
    text gives keeps it. The report's own city (青岛|瑞幸咖啡…项目 in a Qingdao report) or a county-level
    division (某某区|山推…项目) says where the project lands instead."""
    at = text.find(brand, head)
    if at <= head:
        return brand
    for opening in range(max(head, at - PLACE_PREFIX_MAX), at - 1):
        place = text[opening:at]
        if not _only_places(place):
            continue
        before = text[opening - 1] if opening else ""
        if before and _HAN.match(before) and before not in lang.word_set("name_left_boundaries"):
            continue
        if (place in local and _known_brand(brand)) or _county_level_before(place, len(place)):
            return brand
        return place + brand
    return brand


def _known_brand(brand: str) -> bool:
    """A brand the whole country knows (碧桂园): the report's own city before it says where the project is."""
    return _brand_re().match(brand) is not None


def _only_places(words: str) -> bool:
    """江苏南通, 内蒙古: provinces and cities named one after another, and nothing else (no zone)."""
    at = 0
    while at < len(words):
        length = next((n for n in range(len(words) - at, 1, -1) if _province_or_city(words[at : at + n])), 0)
        if not length:
            return False
        at += length
    return True


def _province_or_city(word: str) -> bool:
    return any(e.place.kind in ("city", "province") for e in gazetteer().places_named(word))


PLACE_PREFIX_MAX = 8  # characters of the places before a brand (内蒙古自治区, 江苏南通)


def _opens_a_name(text: str, at: int) -> bool:
    """A clause mark, or an investment said of what follows (总投资60亿元的|…), stands right before `at`."""
    return (
        at == 0
        or text[at - 1] in _CLAUSE_OPENERS
        or _INVESTMENT_BEFORE.search(text, max(0, at - INVESTMENT_REACH), at) is not None
    )


_COUNTED_AFTER_A_NAME = re.compile(lang.pattern("project_words", "counted_after"))


def _project_brands(text: str) -> list[_Found]:
    out = []
    local: set[str] | None = None
    for match in _project_name_re().finditer(text):
        if _COUNTED_AFTER_A_NAME.match(text, match.end()):
            continue  # 新签工业项目6个: a tally of projects, no project's name nor its investor
        start = left_edge(text, match.end(1))
        name = text[start : match.end()]
        head = _name_head(text, start)
        brand = brand_of(name)
        if brand and _QUANTITY_BEFORE.search(text, max(0, start - 12), text.find(brand, start)):
            brand = None  # 衡岚年产30亿平方米|锂离子电池…: the product after a quantity names no firm
        placed = placed_brand(text[head : match.end()])
        if not placed:
            head = _place_head(text, head)
            placed = placed_brand(text[head : match.end()])
        if not placed and not brand and (opening := _name_before_its_modifiers(text, start)) is not None:
            head, placed = opening, placed_brand(text[opening : match.end()])
        if placed and brand and placed.endswith(brand):
            local = _local_places(text) if local is None else local
            if placed[: -len(brand)] not in local or not _known_brand(brand):
                brand = placed  # 江苏科朗科技…项目 in another province's report: the investor's own place
        if brand and not placed:
            local = _local_places(text) if local is None else local
            brand = _with_the_place_it_comes_from(text, head, brand, local)
        brand = brand or placed
        # 岚钧新能源船舶与…示范基地: past a 与 too; 总投资60亿元的|衡岚年产…: before the quantity
        for opening in dict.fromkeys((start, match.start(), head)):
            if not brand and _opens_a_name(text, opening):
                brand = coined_brand(text[opening : match.end()])
                head = min(head, opening)
        if not brand and _INVESTMENT_BEFORE.search(text, max(0, start - INVESTMENT_REACH), start):
            brand = invested_brand(text[start : match.end()])
            head = min(head, start)
        # 重庆市经信委2014年聚焦项目引进: a government body; 仓储物流…项目: trades, no investor
        if brand and (_is_organization(brand) or not _holds_a_name(brand)):
            brand = None
        at = text.find(brand, head, match.end()) if brand else -1
        if brand and at >= 0 and not _QUANTITY_BEFORE.search(text, max(0, at - 12), at):
            end = _trades_ending_an_item(text, at + len(brand))  # 某硅|半导体|300毫米…: its trade too
            out.append(_Found(text[at:end], [(at, end)], leads_a_project=True))
    return out


# A clause opens with a word no dictionary knows, then a trade, then what the firm does (兴宏铜业|破产重组,
# 岚川药业|已投产): the coined word and its trade name an enterprise, the clause being about it.
_CLAUSE_SUBJECT_AT = re.compile(f"(?:^|(?<=[{re.escape(_CLAUSE_OPENERS)}]))[\u4e00-\u9fff]")
_CLAUSE_SUBJECT_REACH = 12  # characters read from a clause's start: brand, trade and the next word
_VERB_FLAGS = ("v", "d", "p")


def _clause_subjects(text: str) -> list[_Found]:
    trades = lang.word_set("company_industry_words")
    out = []
    for match in _CLAUSE_SUBJECT_AT.finditer(text):
        start = match.start()
        words = tagged(text[start : start + _CLAUSE_SUBJECT_REACH])
        if len(words) < 3:
            continue
        (brand, flag), (trade, _t), (_after, after_flag) = words[:3]
        if not (
            len(brand) == BRAND_STEM_LENGTH
            and flag == "oov"
            and word_frequency(brand) == 0
            and _unknown_word(brand)
            and trade in trades
            and after_flag.startswith(_VERB_FLAGS)
        ):
            continue
        out.append(_Found(brand + trade, [(start, start + len(brand) + len(trade))]))
    return out


COINED_NAME_CHARS = (2, 4)  # a coined word alone that names a firm (弘玑, 赫力昂)


def _clause_investors(text: str) -> list[_Found]:
    """甲电子将投资近40亿元: the subject of a clause that invests a sum is a firm when it reads as one: a
    name before its trade (宏泰电子), a place before a proper name (青岛华联), or coined words alone."""
    out = []
    for match in _clause_investor_re().finditer(text):
        span = _clean_item(text, match.start("name"), match.end("name"))
        if span is None:
            continue
        name = text[span[0] : span[1]]
        if _reads_as_a_firm(name, opens_the_clause=span[0] == match.start("name")):
            out.append(_Found(name, [span]))
    return out


def _reads_as_a_firm(name: str, *, opens_the_clause: bool = False) -> bool:
    pairs = tagged(name)
    if _is_place(name):
        return False
    if len(pairs) == 1:  # 赫力昂计划投资10亿元 (not 该公司计划在|青总投资): a coined word opening its clause
        word, flag = pairs[0]
        coined = flag == "oov" and COINED_NAME_CHARS[0] <= len(word) <= COINED_NAME_CHARS[1]
        return opens_the_clause and coined and not word_frequency(word)
    if len(pairs) != 2:
        return False
    (first, first_flag), (second, second_flag) = pairs
    if second in lang.word_set("company_industry_words") | lang.word_set("industry_terms"):
        return first_flag in _PROPER_FLAGS or (first_flag == "ns" and not _is_place(first))
    if first_flag in _PROPER_FLAGS and second_flag in _PROPER_FLAGS:
        return True  # 翔|丰华
    if _is_place(first):
        return second_flag in (*_PROPER_FLAGS, "ns") and not _is_place(second)
    return first_flag == second_flag == "oov"


@cache
def _foreign_places() -> dict[str, tuple[str, ...]]:
    """First character → the foreign countries and regions that open with it, longest first."""
    by_first: dict[str, list[str]] = {}
    for place in lang.longest_first(lang.word_set("foreign_places")):
        by_first.setdefault(place[:1], []).append(place)
    return {first: tuple(places) for first, places in by_first.items()}


def foreign_origins(name: str) -> list[str]:
    """The foreign countries and regions `name` opens with, longest first (日本|岚钧, 澳门|…)."""
    return [p for p in _foreign_places().get(name[:1], ()) if name.startswith(p)]


ORIGIN_MIN_REST = 3  # characters of a short name after its country (某某医药), not a lone brand
FIRM_NAME_MIN_CHARS = 2  # a known brand after its country may be this short (美国|雅培)


def _without_origin(name: str, min_rest: int = ORIGIN_MIN_REST) -> str | None:
    """A short name with no legal form opened by the country or region its firm comes from (香港某某医药):
    the name without it, which reports use alone. None for a name with a legal form (香港某某集团 keeps
    its place) or a country a short name keeps (中国中铁)."""
    if _ends_with_suffix(name):
        return None
    kept = set(lang.data("company_patterns")["origin_kept_in_short_names"])
    origin = next((p for p in foreign_origins(name) if p not in kept), None)
    if origin is None or len(name) - len(origin) < min_rest:
        return None
    return name[len(origin) :]


@lru_cache(maxsize=4096)
def _core(full: str) -> str:
    """前海方舟资产管理有限公司 → 前海方舟资产管理; 德国博世集团 → 博世; 时代电服（青岛）科技有限公司 → 时代电服科技."""
    core = _BRACKETED.sub("", _suffix_re().sub("", full))
    for word, _s, end in tokens(core):
        if (_is_place(word) or word in lang.word_set("foreign_places")) and end < len(core) - 1:
            core = core[end:]
        else:
            break
    return core


def _alias_in_text(text: str, full: _Found) -> str | None:
    """The longest leading words of the full name's core that the text also uses on its own
    (前海方舟资产管理有限公司 → 前海方舟): standing after a boundary and before a verb or function word."""
    core = _core(full.name)
    inside = [range(s, e) for s, e in full.spans]
    ends = [end for _w, _s, end in tokens(core) if end >= 2]
    for length in sorted(ends, reverse=True):
        alias = core[:length]
        for match in re.finditer(re.escape(alias), text):
            if any(match.start() in r for r in inside):
                continue
            if _stands_alone(text, match.start(), match.end()):
                return alias
    return None


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else "\n"
    if re.match(r"[\u4e00-\u9fff]", before) and before not in lang.word_set("name_left_boundaries"):
        return False
    after = tagged(text[end : end + 4])
    if not after or not re.match(r"[\u4e00-\u9fff]", after[0][0]):
        return True
    word, flag = after[0]
    verb_or_function = flag.startswith(("v", "p", "c", "d", "u")) or word[0] in lang.char_set("function")
    return verb_or_function or _is_place(word)  # 宁远新能源青岛基地


def _distinctive(alias: str) -> bool:
    """An alias must not be an everyday word (先导集团 ↛ 先导, 项目… ↛ 项目; 博世集团 → 博世)."""
    pairs = tagged(alias)
    return len(pairs) > 1 or pairs[0][1] in _PROPER_FLAGS or rare_word(alias)


def _mention_spans(text: str, mentions: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of every mention; a short one inside a longer one (前海方舟 in its full name) is not."""
    spans: list[tuple[int, int]] = []
    for mention in sorted(mentions, key=len, reverse=True):
        for m in re.finditer(re.escape(mention), text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return sorted(spans)


def _cut_from_another(item: _Found, found: list[_Found]) -> bool:
    """重型装备股份有限公司 found inside 湘工重型装备股份有限公司 is a piece of it, not a company."""
    start, end = item.spans[0]
    return any(
        s <= start and end <= e and (s, e) != (start, end) and not other.name.startswith(item.name)
        for other in found
        for s, e in other.spans
    )


def _longer_form_of(name: str, companies: list[Company]) -> Company | None:
    """赫尔曼集团 is 赫尔曼传动技术集团 said short: the same name before the same suffix, the registered
    form after it too (荣氏集团 is 荣氏投资集团有限公司)."""
    forms = lang.longest_first(lang.words("company_legal_forms"))
    core, suffix = split_ending(name, forms)
    if not suffix or len(core) < 2:
        return None
    pairs = tagged(core)
    one_brand = len(pairs) == 1 and (pairs[0][1] in _PROPER_FLAGS or rare_word(core))  # not 某市产业
    endings = (suffix, *(suffix + form for form in forms)) if one_brand else (suffix,)
    return next(
        (c for c in companies if c.canonical.startswith(core) and c.canonical.endswith(endings)), None
    )


_OWN_COUNTRY = lang.data("place_names")["own_country"]


def _placed_form_of(name: str, companies: list[Company]) -> Company | None:
    """华达集团 is 南城华达集团 without its place: the same name after the place it comes from."""
    return next(
        (
            c
            for c in companies
            if c.canonical.endswith(name)
            and len(c.canonical) > len(name)
            and (
                _leading_places(c.canonical) == len(c.canonical) - len(name)
                or c.canonical == _OWN_COUNTRY + name  # 中国兵装集团 said as 兵装集团
            )
        ),
        None,
    )


def _registered_under(name: str, companies: list[Company]) -> Company | None:
    """甬岚 is 宁波甬岚集成电路有限公司 said by its 字号: the registered name's core, after its place, opens
    with it."""
    return next(
        (c for c in companies if _ends_with_suffix(c.canonical) and _core(c.canonical).startswith(name)),
        None,
    )


def _short_form_alone(text: str, company: Company) -> str:
    """天士力医药, read off the head of a project's name (天士力医药产业园), is 天士力 when the text names it
    so alone (not only inside the longer form): the trade after it belongs to the project."""
    industry = lang.word_set("company_industry_words")
    name = company.canonical
    alone = {text[s:e] for s, e in _mention_spans(text, company.mentions)}
    return next(
        (m for m in company.mentions if m in alone and name.startswith(m) and name[len(m) :] in industry),
        name,
    )


def _without_the_district_before_a_brand(text: str, item: _Found) -> _Found:
    """江南区|中广核…, 东岭区|紫光集团, 横州市|潮岚|年产…: a county-level division named right before a known
    brand, or before a brand and its plant's capacity, is where it invests, not part of its name (a city or
    province before it may be: 青岛海尔)."""
    places = _leading_places(item.name)
    if not places or not _county_level_before(item.name, places):
        return item
    start, end = item.spans[0]
    known = _brand_re().match(item.name, places) and not _inside_a_word(item.name, places)
    if not known and not (item.leads_a_project and _CAPACITY_AHEAD.match(text, end)):
        return item  # 石狮|通达电器: a county-level city before a firm's own brand may be where it is from
    return replace(item, name=item.name[places:], spans=[(start + places, end), *item.spans[1:]])


# characters of a town's name before its ending (梅岚|镇; 华|乡 is a brand)
TOWN_STEM_MIN, TOWN_STEM_MAX = 2, 3


def opens_with_a_county(name: str) -> bool:
    """岚固县|某药…, 昭岚市|永岚县|码口…, 梅岚镇|人居环境: a county-level division (县, 区, 旗) or a town named
    with its ending opening a short name says where a project lands; the reports name no firm so. A name
    with its legal form (岚山区某岚公司, …有限公司) still names one."""
    if _ends_with_suffix(name):
        return False
    endings = set(lang.data("place_names")["district_endings"]) - {lang.data("place_names")["city_ending"]}
    places = min(_leading_places(name), len(name) - 1)
    if any(name[end - 1] in endings and _county_level_before(name, end) for end in range(2, places + 1)):
        return True
    town_endings = lang.longest_first(lang.data("company_patterns")["town_endings"])
    for stem_end in range(places + TOWN_STEM_MIN, places + TOWN_STEM_MAX + 1):
        ending = next((e for e in town_endings if name.startswith(e, stem_end)), None)
        if ending is not None and stem_end + len(ending) < len(name):
            return True
    return False


def _county_level_before(name: str, end: int) -> bool:
    """The place ending at `end` is a county-level division with its own code (邕宁区, 横州市, 宾阳县, 黄岛区),
    not a city or province."""
    return any(
        surface.place.admin_code is not None
        for n in range(min(end, 8), 1, -1)
        for surface in gazetteer().places_named(name[end - n : end])
    )


_SENTENCE_ENDS = lang.chars("sentence_ends") + "\n"


def _brand_of_a_named_firm(text: str, item: _Found, found: list[_Found]) -> bool:
    """由嘉衡生物医药有限公司投资的嘉衡光伏组件…项目: the brand heading the project (嘉衡) is the stem of the firm
    the sentence names in full, so its trade-looking next word (光伏) is the product, not a firm of its own."""
    if not item.leads_a_project or item.full or not item.spans:
        return False
    start, end = item.spans[0]
    left = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    right = min((i for c in _SENTENCE_ENDS if (i := text.find(c, end)) >= 0), default=len(text))
    stem = item.name[:BRAND_STEM_LENGTH]
    return any(
        other.full
        and other.name != item.name
        and any(left <= s and e <= right for s, e in other.spans)
        and not item.name.startswith(_core(other.name))
        and _core(other.name).startswith(stem)
        for other in found
    )


_INVESTMENT_BY_THE_FIRM = re.compile(lang.pattern("company_patterns", "investment_by_the_firm"))


def _brand_of_a_project_a_firm_invests(text: str, item: _Found, found: list[_Found]) -> bool:
    """某某有限公司计划投资8亿元的乐岚大健康产业园项目: the firm whose investment introduces the project is its
    investor, so the words heading the project's name (乐岚大健康) name no firm of their own."""
    if not item.leads_a_project or item.full or not item.spans:
        return False
    start = item.spans[0][0]
    firm_ends = {e for other in found if other.full for _s, e in other.spans}
    return any(
        (said := _INVESTMENT_BY_THE_FIRM.match(text, end)) is not None and said.end() == start
        for end in firm_ends
        if 0 < start - end <= INVESTMENT_REACH + 8
    )


_OPENING_BRACKETS = lang.chars("opening_brackets")
_CLOSING_BRACKETS = lang.chars("closing_brackets")


def _unmatched_brackets(name: str) -> tuple[int | None, int | None]:
    """The first closing bracket with no opening one before it, and the last opening one left open."""
    opened: list[int] = []
    first_close = None
    for at, char in enumerate(name):
        if char in _OPENING_BRACKETS:
            opened.append(at)
        elif char in _CLOSING_BRACKETS:
            if opened:
                opened.pop()
            elif first_close is None:
                first_close = at
    return first_close, (opened[-1] if opened else None)


def _with_balanced_brackets(text: str, item: _Found) -> _Found | None:
    """A name never ends inside a bracket: 鸿岚(长春)…项目 read up to the opening bracket is 鸿岚, and
    (跨国公司 is no firm once cut. None when nothing that names a firm is left. A closing bracket left
    without its opening one (某某)集团) stays as read: its pair may be a garbled character."""
    close, open_ = _unmatched_brackets(item.name)
    if close is not None and (open_ is None or close < open_):
        return _with_the_opening_bracket(text, item)
    if open_ is None:
        return item
    name = item.name[:open_].rstrip()
    if not name or name[0] in _OPENING_BRACKETS + _CLOSING_BRACKETS:
        return None
    if _generic(_core(name), strict=not item.full) or _only_places(name) or _is_place(name):
        return None
    spans = [(s, s + len(name)) for s, e in item.spans if text[s:e] == item.name]
    return replace(item, name=name, spans=spans)


BRACKET_REACH = 20  # characters before a name where the bracket its closing one pairs with may open


def _with_the_opening_bracket(text: str, item: _Found) -> _Found | None:
    """A name read from inside a bracket on (记者 某某)…: None when no name stands before the opening bracket
    (a credit or a remark in brackets names no firm). A closing bracket no opening one pairs with in the
    text stays as read: its pair may be a garbled character."""
    start = item.spans[0][0]
    before = text[max(0, start - BRACKET_REACH) : start]
    opening = max(before.rfind(b) for b in _OPENING_BRACKETS)
    if opening < 0 or any(b in before[opening:] for b in _CLOSING_BRACKETS):
        return item
    at = start - len(before) + opening
    return None if left_edge(text, at) >= at else item


@cache
def _described_firm_re() -> re.Pattern[str]:
    plain = set(lang.data("company_patterns")["plain_firm_heads"])
    heads = lang.alternation([h for h in lang.words("firm_descriptor_heads") if h not in plain])
    trades = lang.alternation(sorted(lang.word_set("company_industry_words"), key=len, reverse=True))
    return re.compile(rf"(?:{heads})(?P<name>[\u4e00-\u9fff]{{2,4}}?(?:{trades}))")


def _described_firms(text: str) -> list[_Found]:
    """零组件大厂|某椿金属, 马达制造厂|某田电机, 零组件制造商|某林企业: a name right after the noun describing
    its firm, closed by its trade, holding a word that names someone."""
    out = []
    for match in _described_firm_re().finditer(text):
        start, end = match.span("name")
        name = text[start:end]
        first = tagged(name)[0]
        if (first[1] == "oov" or first[1] in _NAMING_FLAGS) and not _is_place(name):
            out.append(_Found(name, [(start, end)]))
    return out


def _continues_a_number(text: str, item: _Found) -> bool:
    """亿安时锂离子 in 年产15亿安时…: a name read from a magnitude the number before it owns."""
    return item.name[:1] in lang.chars("large_magnitudes") and any(
        start and (text[start - 1].isdigit() or text[start - 1] in lang.chars("digits"))
        for start, _end in item.spans
    )


def find_companies(text: str) -> list[Company]:
    found = (
        _registered_names(text)
        + _enumerated(text)
        + _triggered(text)
        + _headed_project_list(text)
        + _counted_project_list(text)
        + _firm_list_after_its_head(text)
        + _project_brands(text)
        + _clause_subjects(text)
        + _clause_investors(text)
        + _known_brands(text)
        + _state_group_units(text)
        + _bilingual(text)
        + _nationality_marked(text)
        + _described_firms(text)
    )
    found = [_without_the_district_before_a_brand(text, _without_nationality_mark(f)) for f in found]
    found = [balanced for f in found if (balanced := _with_balanced_brackets(text, f)) is not None]
    found = [f for f in found if f.full or not (opens_with_a_county(f.name) or _names_an_event(text, f))]
    found = [f for f in found if f.full or not _opens_with_a_verb(f.name)]
    found = [f for f in found if not _continues_a_number(text, f)]
    found.sort(key=lambda f: (not f.full, -len(f.name)))
    found = [f for f in found if not _cut_from_another(f, found)]
    found = [f for f in found if not _brand_of_a_named_firm(text, f, found)]
    found = [f for f in found if not _brand_of_a_project_a_firm_invests(text, f, found)]
    companies: list[Company] = []
    by_mention: dict[str, Company] = {}
    for item in found:
        if item.name in by_mention:
            continue
        owner = next((c for c in companies if item.name in c.mentions), None)
        if owner is None and item.full:
            owner = _placed_form_of(item.name, companies)  # 博昱有限公司 after 成都博昱有限公司
        if owner is None and not item.full:
            owner = next((c for c in companies if c.canonical.startswith(item.name)), None)
        if owner is None and not item.full:
            owner = (
                _longer_form_of(item.name, companies)
                or _placed_form_of(item.name, companies)
                or _registered_under(item.name, companies)
            )
        if owner is None:
            owner = Company(canonical=item.name, mentions=[item.name])
            companies.append(owner)
            if _ends_with_suffix(item.name) and (alias := _alias_in_text(text, item)):
                if alias != item.name and alias not in by_mention and _distinctive(alias):
                    owner.mentions.append(alias)
            owner.mentions += [g for g in item.glosses if g not in by_mention and g not in owner.mentions]
        elif item.name not in owner.mentions:
            owner.mentions.append(item.name)
        for mention in owner.mentions:
            by_mention[mention] = owner
    project_leads = {f.name for f in found if f.leads_a_project}
    for company in companies:
        leads_a_project = company.canonical in project_leads
        if leads_a_project:
            company.canonical = _short_form_alone(text, company)
        # 香港某诺医药|项目 is 某诺医药's; 英国某某、澳大利亚某某等知名企业 lists firms by their full names
        # 美国|雅培、丹麦|乐高等一批世界名企: a known brand and the country it comes from
        if (own := _without_origin(company.canonical, min_rest=FIRM_NAME_MIN_CHARS)) in lang.word_set(
            "company_brands"
        ):
            company.canonical = own
        if leads_a_project and (own := _without_origin(company.canonical)) is not None:
            company.canonical = own
            if own not in company.mentions:
                company.mentions.append(own)
        company.spans = [Span(start=s, end=e) for s, e in _mention_spans(text, company.mentions)]
    return sorted(companies, key=lambda c: c.spans[0].start if c.spans else 0)
