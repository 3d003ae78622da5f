"""Districts, county-level cities, counties, new areas and functional zones mentioned in a text.

The document's city is what most place mentions point to; short forms (城阳), bare zone names (新区,
自贸片区) and names shared by several cities (鼓楼区) are resolved against it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.gazetteer import (
    CITY,
    CONTEXT,
    NAME,
    PROVINCE,
    SHORT,
    Place,
    Surface,
    city_prefix,
    city_short,
    every_town_name,
    gazetteer,
    province_short,
    towns_of,
)
from zhaoyin.extractors.segment import tagged, token_at, tokens_before, word_frequency
from zhaoyin.extractors.text import HAN_CHAR, SpanIndex
from zhaoyin.schemas import District, Span

_PLACE_NAMES = lang.data("place_names")
_BODY = lang.pattern("place_names", "name_body")
_SUB_AREA = re.compile(lang.pattern("place_names", "sub_area"))
_PARK_AFTER_A_ZONE = re.compile(lang.pattern("place_names", "park_after_a_zone"))
_JOINT_PREFIX = re.compile(lang.pattern("place_names", "joint_prefix"))
_NATIONAL = re.compile(lang.pattern("place_names", "national"))
RARE_WORD_FREQ = 300  # jieba frequency under which a word can be part of a zone's own name (董家口)


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    place: Place


def _hits(text: str) -> list[tuple[int, int, str]]:
    automaton = gazetteer().automaton
    out = []
    for end, surface in automaton.iter_long(text):
        start = end - len(surface) + 1
        out.append(_reread(text, start, end + 1, surface))
    return _split_city_prefix(text, out)


LONGEST_SURFACE = 12  # characters of the longest place name read again one character later


def _reread(text: str, start: int, end: int, surface: str) -> tuple[int, int, str]:
    """位于洪湖经济开发区 holds 洪湖, not 于洪: a name whose first character ends an everyday word (位于) is
    read again from the next character, when a place name starts there."""
    if not _inside_a_word(text, start):
        return start, end, surface
    for length in range(min(LONGEST_SURFACE, len(text) - start - 1), 1, -1):
        candidate = text[start + 1 : start + 1 + length]
        if gazetteer().places_named(candidate):
            return start + 1, start + 1 + length, candidate
    return start, end, surface


def _split_city_prefix(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """青岛市南区 reads 青岛 + 市南区: a city name whose 市 starts one of its own districts gives it up."""
    out = []
    for index, (start, end, surface) in enumerate(hits):
        following = hits[index + 1][0] if index + 1 < len(hits) else len(text)
        district = None
        if surface.endswith(_PLACE_NAMES["city_ending"]) and following >= end:
            city = next((e.place for e in gazetteer().places_named(surface) if e.form == CITY), None)
            for length in range(min(following - end + 1, 6), 2, -1):
                candidate = text[end - 1 : end - 1 + length]
                if city and any(
                    e.form == NAME and e.place.city == city.canonical
                    for e in gazetteer().places_named(candidate)
                ):
                    district = candidate
                    break
        if district:
            out += [(start, end - 1, surface[:-1]), (end - 1, end - 1 + len(district), district)]
        else:
            out.append((start, end, surface))
    return out


def _choose(entries: list[Surface], *cities: str | None, province: str | None) -> Place | None:
    """The place a name shared by several cities means: the one in the nearest city context."""
    places = [e.place for e in entries]
    for city in cities:
        fitting = [p for p in places if city and p.city == city]
        if fitting:
            return fitting[0]
    fitting = [p for p in places if p.province == province]
    return (fitting or places or [None])[0]


_VENUE_BEFORE = re.compile(lang.pattern("place_names", "venue_before"))
_VENUE_AFTER = re.compile(lang.pattern("place_names", "venue_after"))
VENUE_REACH = 12  # characters read on either side of a mention for its venue slot


def _is_venue(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`–`end` is where an event is held or a delegation goes (在某市举行, 赴某市招商)."""
    before = text[max(0, start - VENUE_REACH) : start]
    if not _VENUE_BEFORE.search(before):
        return False
    goes = before.endswith(tuple(_PLACE_NAMES["destination_verbs"]))
    return goes or bool(_VENUE_AFTER.match(text[end : end + VENUE_REACH]))


_PUBLISHER_AFTER = re.compile(lang.pattern("place_names", "publisher_after"))
_ORIGIN_AFTER = re.compile(lang.pattern("place_names", "origin_after"))


def where_things_happen(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`–`end` is neither a venue (`_is_venue`) nor a source (`_is_source`)."""
    return not _is_venue(text, start, end) and not _is_source(text, start, end)


def _is_source(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`–`end` names who publishes (香港文汇报) or where investment comes from
    (香港在陕新设…, 香港、韩国、日本 listed with countries) rather than where things happen."""
    after = text[end : end + VENUE_REACH]
    if _PUBLISHER_AFTER.match(after) or _ORIGIN_AFTER.match(after):
        return True
    separator = lang.chars("list_separator")
    foreign = lang.word_set("foreign_places")
    neighbours = []
    if text.startswith(separator, end):
        neighbours.append(next((w for w in foreign if text.startswith(w, end + 1)), None))
    if start > 0 and text[start - 1] == separator:
        neighbours.append(next((w for w in foreign if text.endswith(w, 0, start - 1)), None))
    return any(n and n != _PLACE_NAMES["own_country"] for n in neighbours)


def _city_votes(hits: list[tuple[int, int, str]], text: str | None = None) -> Counter[str]:
    """Each mention's city; with `text`, mentions where an event is held or a delegation goes vote only
    when nothing else does (兰州市在深圳举办推介会 is a report about Lanzhou), and mentions of who
    publishes or where investment comes from do not vote."""
    if text is not None:
        hits = [
            h for h in hits if not _is_source(text, h[0], h[1]) and not _words_not_a_name(text, h[0], h[1])
        ]
    votes = _votes(hits, text)
    if text is None:
        return votes
    outside = _votes([h for h in hits if not _is_venue(text, h[0], h[1])], text)
    return outside or votes


def _votes(hits: list[tuple[int, int, str]], text: str | None = None) -> Counter[str]:
    votes: Counter[str] = Counter()
    for start, end, surface in hits:
        entries = gazetteer().places_named(surface)
        cities = {e.place.city for e in entries if e.form in (NAME, CITY) and e.place.city}
        renamed = _with_former_ending(text, start, end, entries) if text and not cities else None
        if renamed is not None and renamed.city:
            cities = {renamed.city}
        if len(cities) == 1:
            votes[cities.pop()] += 1
    return votes


def document_city(text: str, hits: list[tuple[int, int, str]] | None = None) -> str | None:
    """The prefecture-level city most place mentions in `text` belong to."""
    votes = _city_votes(hits if hits is not None else _hits(text), text)
    return votes.most_common(1)[0][0] if votes else None


def outlet_city(outlet: str | None) -> str | None:
    """The prefecture-level city a paper is named after (兰州日报 → 兰州市, 梧州晚报 → 梧州市): where a report
    that names no city of its own was written. None for a national or provincial outlet (人民日报, 湖北日报)."""
    for length in range(min(len(outlet or ""), 5), 1, -1):
        entries = gazetteer().places_named((outlet or "")[:length])
        cities = {e.place.canonical for e in entries if e.form == CITY}
        if entries:
            return cities.pop() if len(cities) == 1 and not any(e.form == PROVINCE for e in entries) else None
    return None


CITY_DOMINANCE = 0.75  # share of place mentions that makes a report about one city only


def _single_city(hits: list[tuple[int, int, str]], city: str | None) -> bool:
    """Whether the report is about `city` alone (then an unnamed zone is that city's)."""
    votes = _city_votes(hits)
    return bool(city) and votes[city] >= CITY_DOMINANCE * sum(votes.values())


def _context_boundary(text: str, start: int) -> bool:
    return (
        start == 0
        or not HAN_CHAR.match(text[start - 1])
        or text[start - 1] in lang.char_set("bare_zone_before")
        or text.endswith(tuple(_PLACE_NAMES["bare_zone_after_words"]), 0, start)
        or text.endswith(tuple(_PLACE_NAMES["zone_location_verbs"]), 0, start)
    )


EVERYDAY_WORD_FREQ = 1000  # jieba frequency of a word that a place name's first character cannot be cut from


def _inside_a_word(text: str, start: int, end: int | None = None) -> bool:
    """丰富县域 holds no 富县: the name's first character belongs to an everyday word with the one before,
    as the segmenter reads the sentence too (结合成都高新区 does hold 成都). Nor does 综合示范县 hold 范县:
    the whole name is the tail of one everyday word the segmenter reads there."""
    if start == 0:
        return False
    word = token_at(text, start)
    if word is None or word[1] >= start:
        return False
    if end is not None and word[2] >= end and word_frequency(word[0]) >= EVERYDAY_WORD_FREQ:
        return True
    return word_frequency(text[start - 1 : start + 1]) >= EVERYDAY_WORD_FREQ


def _two_everyday_words(text: str, start: int, end: int) -> bool:
    """沿海城市 holds no 海城市: its first character ends an everyday word with the one before and the rest
    of the name is an everyday word of its own."""
    return (
        start > 0
        and end - start >= 3
        and word_frequency(text[start - 1 : start + 1]) >= EVERYDAY_WORD_FREQ
        and word_frequency(text[start + 1 : end]) >= EVERYDAY_WORD_FREQ
        # 湖南省长沙市 reads 省长|沙市 too, but a place ends right before it
        and not any(gazetteer().places_named(text[start - k : start]) for k in range(2, PLACE_BEFORE_MAX + 1))
    )


PLACE_BEFORE_MAX = 8  # characters of a place name right before another (内蒙古自治区|…)


def _run_on_into_a_word(text: str, start: int, end: int) -> bool:
    """大理石 holds no 大理, 伊犁河 no 伊犁: an autonomous prefecture's bare place name of two characters and
    the next one make a word of the dictionary."""
    if end - start != 2 or word_frequency(text[start : end + 1]) == 0:
        return False
    ending = _PLACE_NAMES["autonomous_prefecture_ending"]
    return all(
        e.form == CITY and e.place.canonical.endswith(ending)
        for e in gazetteer().places_named(text[start:end])
    )


def _suffix_read_onward(text: str, start: int, end: int) -> bool:
    """市委市政府和县委 holds no 和县: a name of one character and its suffix, where the segmenter reads the
    character alone and the suffix as the start of a word running on (县委)."""
    if end - start != 2:
        return False
    stem, suffix = token_at(text, start), token_at(text, end - 1)
    return (
        stem is not None
        and suffix is not None
        and stem[2] == start + 1
        and suffix[1] == end - 1 < suffix[2] - 1
    )


def reads_as_everyday_words(text: str, start: int, end: int) -> bool:
    """Whether a place's name at `start`–`end` reads as everyday words in its sentence (丰富县域, 三大方案)."""
    return _words_not_a_name(text, start, end)


def _words_not_a_name(text: str, start: int, end: int) -> bool:
    """Characters that spell a place but read as everyday words in their sentence (丰富县域, 和县委, 和县区)."""
    return (
        _inside_a_word(text, start, end)
        or _two_everyday_words(text, start, end)
        or _run_on_into_a_word(text, start, end)
        or _suffix_read_onward(text, start, end)
        or _and_the_divisions(text, start, end)
        or _the_n_big(text, start)
    )


_NUMERAL_CHARS = lang.char_set("digits") | lang.char_set("numerals")


def _the_n_big(text: str, start: int) -> bool:
    """四大园区新签项目18个 holds no 大园区: 四大 is 'the four big', the name's first character its 大."""
    return (
        start > 0
        and text[start] in lang.char_set("size_after_numeral")
        and (text[start - 1] in _NUMERAL_CHARS or text[start - 1].isdigit())  # 5大园区 too
    )


def _and_the_divisions(text: str, start: int, end: int) -> bool:
    """开工和县区自行开工 holds no 和县: a conjunction and 县 run on into 县区 or 县市, the divisions of a city."""
    return (
        end - start == 2
        and text[start] in lang.char_set("conjunctions")
        and text[end : end + 1] in lang.char_set("divisions_after_county")
        and end < len(text)
    )


_PEOPLE_LIST_BEFORE = re.compile(
    lang.pattern("place_names", "people_list_before", person_titles=lang.alternation("person_titles"))
)
GIVEN_NAME_LONGEST = 2  # characters of a given name after its surname


def _given_name(text: str, start: int, end: int) -> bool:
    """县领导甲云林、乙文化参加 holds no 云林县: a short name right after one character that follows the
    title of the people listed (or the list mark after one of them) is a person's given name."""
    if end - start > GIVEN_NAME_LONGEST or not _PEOPLE_LIST_BEFORE.search(text, max(0, start - 40), start):
        return False
    return tagged(text[start - 1])[0][1][:1] not in tuple(_PLACE_NAMES["not_surname_tags"])


def _city_name_then_word(text: str, start: int, end: int) -> bool:
    """西安区域总部 holds no 西安区 (a district of 辽源市): a city's name whose next two characters are an
    everyday word (区域, 市场) is the city, unless the district is that city's own (城阳区域 is 城阳区)."""
    if end >= len(text) or word_frequency(text[end - 1 : end + 1]) < EVERYDAY_WORD_FREQ:
        return False
    cities = {e.place.city for e in gazetteer().places_named(text[start : end - 1]) if e.form == CITY}
    own = {e.place.city for e in gazetteer().places_named(text[start:end]) if e.form == NAME}
    return bool(cities) and not cities & own


def _fits(place: Place, near: str | None, city: str | None, province: str | None) -> bool:
    """Whether `place` lies in the city named nearby, the document's city or its province (or the
    document has no province to compare with)."""
    return province is None or place.city in (near, city) or place.province == province


def _in_city(place: Place, near: str | None, city: str | None, province: str | None) -> bool:
    """Whether `place` lies in the city named nearby or the document's city; a county-level city no
    prefecture holds (双河市 under its region) lies in neither, only in its province (or in a report
    with no province to compare with)."""
    if place.city is None:
        return province is None or place.province == province
    return place.city in (near, city)


LOCAL_CONTEXT = 30  # characters after a city name within which a district name is read as that city's


_PLACE_LIST_HEAD = re.compile(lang.pattern("place_names", "place_list_head"))


def _typed_list_items(text: str, hits) -> set[int]:
    """Starts of the names in a list that its head says are places (于都、瑞金等地; 定远、凤阳两县)."""
    joiners = _PLACE_NAMES["place_list_joiners"]
    items: set[int] = set()
    group: list[tuple[int, int, str]] = []
    for hit in [*hits, (len(text) + 2, len(text) + 2, "")]:
        if group and hit[0] - group[-1][1] == 1 and text[group[-1][1]] in joiners:
            group.append(hit)
            continue
        if group and (_PLACE_LIST_HEAD.match(text, group[-1][1]) or _among_named_places(group)):
            items.update(start for start, _end, _surface in group)
        group = [hit]
    return items


_PARALLEL_PLACE_BEFORE = re.compile(lang.pattern("place_names", "parallel_place_before"))
_PARALLEL_PLACE_AFTER = re.compile(lang.pattern("place_names", "parallel_place_after"))
PARALLEL_CLAUSE_REACH = 200  # characters between the openings of two parallel clauses


def _parallel_clause_places(text: str, hits) -> set[int]:
    """在甲市，…；在乙县，…；在丙，…: places opening parallel clauses (在 X，) are places alike, a short
    name among them (丙) too, when enough of them are named for sure."""
    openers = [
        hit
        for hit in hits
        if _PARALLEL_PLACE_BEFORE.search(text[max(0, hit[0] - 2) : hit[0]])
        and _PARALLEL_PLACE_AFTER.match(text[hit[1] : hit[1] + 1])
    ]
    items: set[int] = set()
    group: list[tuple[int, int, str]] = []
    for hit in [*openers, (len(text) + PARALLEL_CLAUSE_REACH + 1, 0, "")]:
        if group and (hit[0] - group[-1][1] > PARALLEL_CLAUSE_REACH or "\n" in text[group[-1][1] : hit[0]]):
            if _among_named_places(group):
                items.update(start for start, _end, _surface in group)
            group = []
        group.append(hit)
    return items


PLACES_TYPING_A_LIST = 2  # places named in full or as cities that make the other items of their list places


def _among_named_places(group: list[tuple[int, int, str]]) -> bool:
    """海口、三亚、琼海使用外资…: a short name listed with cities and divisions the text names for sure
    (by their names, or the cities' short names) is a place as they are."""
    if len(group) <= PLACES_TYPING_A_LIST:
        return False
    sure = sum(
        1
        for _s, _e, surface in group
        if any(e.form in (NAME, CITY) for e in gazetteer().places_named(surface))
    )
    return sure >= PLACES_TYPING_A_LIST


def _listed_short_form(entries: list[Surface], province: str | None) -> Place | None:
    """The county a short name in a place list stands for: the one in the report's province, else the only one."""
    shorts = [e.place for e in entries if e.form == SHORT]
    in_province = [p for p in shorts if province and p.province == province]
    if in_province:
        return in_province[0]
    return shorts[0] if len(shorts) == 1 else None


_PROJECT_ITEM_AFTER = re.compile(lang.pattern("place_names", "project_item_after"))
_PROJECT_ITEM_BEFORE = re.compile(lang.pattern("place_names", "project_item_before"))


def _opens_a_listed_project(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`–`end` opens an item of a list of projects (…、某县某某电器项目等; 某县某某
    温泉开发等一批项目): a county's short name there says where that project is."""
    return bool(_PROJECT_ITEM_BEFORE.search(text[max(0, start - 1) : start])) and bool(
        _PROJECT_ITEM_AFTER.match(text[end : end + 40])
    )


def _only_short_form_in(entries: list[Surface], province: str | None) -> Place | None:
    """The county a short name stands for in the report's province, when only one there has it."""
    in_province = [e.place for e in entries if e.form == SHORT and province and e.place.province == province]
    return in_province[0] if len(in_province) == 1 else None


def _with_former_ending(text: str, start: int, end: int, entries) -> Place | None:
    """禄丰县 for today's 禄丰市: a division's short form written with another division ending than the
    gazetteer's (a county made a city, a county made a district) names that division, when it is the one
    division of that short form and the name so written is no other place."""
    ending = text[end : end + 1]
    if ending not in _RENAMED_ENDINGS or text.startswith(_ENDING_OPENING_A_WORD, end):
        return None
    divisions = {e.place for e in entries if e.form == SHORT and e.place.kind in _DIVISION_KINDS}
    if len(divisions) != 1:
        return None
    place = divisions.pop()
    if place.canonical.endswith(ending) or gazetteer().places_named(text[start:end] + ending):
        return None
    return place


def _after_own_province(text: str, start: int, place: Place) -> bool:
    """Whether the name at `start` follows the name of its own province (江苏沭阳, 山东省邹平)."""
    if not place.province:
        return False
    return text.endswith((place.province, province_short(place.province)), 0, start)


_ROUTE_AFTER = re.compile(lang.pattern("place_names", "route_after"))


def _route_end(text: str, start: int, end: int) -> bool:
    """Whether the place at `start`–`end` is an end of a route named there (甲市至乙旗联络线)."""
    joiners = _PLACE_NAMES["route_joiners"]
    if end < len(text) and text[end] in joiners:
        return bool(_ROUTE_AFTER.match(text[end + 1 : end + 40]))
    return start > 0 and text[start - 1] in joiners and bool(_ROUTE_AFTER.match(text[end : end + 20]))


def _resolve(text: str, hits, city: str | None, province: str | None) -> list[_Hit]:
    out = []
    listed = _typed_list_items(text, hits) | _parallel_clause_places(text, hits)
    local_city, local_end = None, -1
    for start, end, surface in hits:
        entries = gazetteer().places_named(surface)
        forms = {e.form for e in entries}
        near = local_city if start - local_end <= LOCAL_CONTEXT else None
        if CITY in forms and NAME not in forms:
            local_city, local_end = next(e.place.city for e in entries if e.form == CITY), end
            continue
        if end < len(text) and text[end] in lang.char_set("street_after"):
            continue
        if _words_not_a_name(text, start, end):
            continue
        if _given_name(text, start, end):
            continue
        if _city_name_then_word(text, start, end):
            continue
        if _route_end(text, start, end):
            continue
        if NAME in forms:
            place = _choose([e for e in entries if e.form == NAME], near, city, province=province)
            if len(surface) == 2 and not _fits(place, near, city, province):
                continue  # 旅游兴县、工业强县: a two-character county far from the report is a phrase
        elif SHORT in forms:
            if text.startswith(tuple(_PLACE_NAMES["place_named_things"]), end):
                continue  # 甲山机场, 轨道交通乙谷线: a thing named after the place
            place = next(
                (e.place for e in entries if e.form == SHORT and _in_city(e.place, near, city, province)),
                None,
            )
            if place is None and start in listed:
                place = _listed_short_form(entries, province)
            if place is None and _opens_a_listed_project(text, start, end):
                place = _only_short_form_in(entries, province)
            if place is None:  # 江苏沭阳, 浙江义乌: the province written right before names the county
                place = next(
                    (
                        e.place
                        for e in entries
                        if e.form == SHORT and _after_own_province(text, start, e.place)
                    ),
                    None,
                )
            if place is None:
                place = _with_former_ending(text, start, end, entries)
        elif CONTEXT in forms and _context_boundary(text, start):
            place = next(
                (e.place for e in entries if e.form == CONTEXT and _in_city(e.place, near, city, province)),
                None,
            )
        else:
            place = None
        if place is not None:
            out.append(_Hit(start, end, place))
            if place.city:
                local_city, local_end = place.city, end
    return out


@cache
def _zone_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any zone suffix after a name body (for a known place's zones), and the strong suffixes alone."""
    suffixes = gazetteer().zone_suffixes
    every = sorted(suffixes, key=len, reverse=True) + [a for a, _s in suffixes.values() if a]
    strong = list(gazetteer().strong_zone_suffixes())
    strong += [a for a, kind in suffixes.values() if kind == "strong" and a]
    after_place = re.compile(rf"{_BODY}{{0,10}}?(?:{'|'.join(map(re.escape, every))})")
    return after_place, re.compile("|".join(map(re.escape, sorted(strong, key=len, reverse=True))))


_CITY_OR_PROVINCE_ENDING = re.compile(
    lang.pattern("place_names", "city_ending") + "|" + lang.pattern("place_names", "province_ending")
)
_PARK_AS_PROJECT = re.compile(lang.pattern("place_names", "park_as_project"))
_COMPANY_PARK_BEFORE = re.compile(
    lang.pattern(
        "place_names",
        "company_park_before",
        company_words=lang.alternation(
            [
                *lang.words("company_legal_forms"),
                *lang.words("company_name_endings"),
                *lang.words("company_brands"),
            ]
        ),
        regions=lang.alternation(lang.data("place_names")["company_park_regions"]),
    )
)
COMPANY_PARK_REACH = 16  # characters read before a park's name for the company that owns it


@cache
def _brand_opening() -> re.Pattern[str]:
    return re.compile(lang.alternation(lang.words("company_brands")))


def _brand_park(text: str, place_end: int, zone_end: int) -> bool:
    """某某区京东电商产业园: a known company's name right after the place opens the park's own name, so the
    park is that company's project, not an area of the place."""
    match = _brand_opening().match(text, place_end, zone_end)
    return match is not None and zone_end - match.end() >= 2


_DIVISION_ENDINGS = tuple(_PLACE_NAMES["district_endings"])
_DIVISION_KINDS = ("district", "county", "county_city")


def _division_opens_a_named_park(surface: str, entries: list[Surface], rest: str) -> bool:
    """扎鲁特旗鲁北产业园: a county-level division written whole before a park of its own name (a weak
    suffix: 产业园, 工业园) is named as the division, and the park after it is named by what follows; an
    official zone (某县经济技术开发区) or a park with no name of its own (某县产业集聚区) keeps the county in
    its name."""
    if not surface.endswith(_DIVISION_ENDINGS):
        return False
    if not any(e.form == NAME and e.place.kind in _DIVISION_KINDS for e in entries):
        return False
    suffix = next(
        (s for s in sorted(gazetteer().zone_suffixes, key=len, reverse=True) if rest.endswith(s)), None
    )
    if suffix is None or gazetteer().zone_suffixes[suffix][1] != "weak" or len(rest) - len(suffix) < 2:
        return False
    return _holds_a_proper_word(rest[: -len(suffix)])


def _compound_of_common_words(word: str) -> bool:
    """现代农业, 农业产业: a word the dictionary holds rarely, made of two everyday words."""
    return any(
        word_frequency(word[:cut]) >= RARE_WORD_FREQ and word_frequency(word[cut:]) >= RARE_WORD_FREQ
        for cut in range(2, len(word) - 1)
    )


def _holds_a_proper_word(words: str) -> bool:
    """Whether `words` hold a proper name (鲁北, 星澜): a place, or a rare word that is no everyday,
    zone or industry word and no compound of everyday words."""
    return bool(_hits(words)) or any(
        word_frequency(word) < RARE_WORD_FREQ
        and word not in lang.word_set("zone_name_words")
        and word not in lang.word_set("industry_terms")
        and not _compound_of_common_words(word)
        for word, _flag in tagged(words)
        if HAN_CHAR.match(word)
    )


def _zone_canonical(surface: str) -> str:
    """The name of a zone the gazetteer does not list: as written, but for an abbreviation with one full
    form (银川综保区 → 银川综合保税区), and for a place's 经开区, which unlisted is no national
    经济技术开发区 but the place's 经济开发区 (安化经开区)."""
    surface = _without_city_before_its_division(surface)
    for abbreviation, full in _PLACE_NAMES["unambiguous_zone_abbreviations"].items():
        if surface.endswith(abbreviation):
            return surface.removesuffix(abbreviation) + full
    for abbreviation, full in _PLACE_NAMES["unlisted_zone_abbreviations"].items():
        place = surface.removesuffix(abbreviation)
        if place != surface and gazetteer().places_named(place):
            return place + full
    return surface


DIVISION_NAME_LENGTHS = (2, 3, 4)  # characters of a county-level division's name without its ending


def _without_city_before_its_division(name: str) -> str:
    """某某市东海经济开发区 is 东海经济开发区: a zone whose own name opens with one of the city's
    county-level divisions is named from the division, the city written whole before it aside."""
    ending = _PLACE_NAMES["city_ending"]
    cut = name.find(ending) + 1
    if cut <= 1:
        return name
    city = next((e.place.city for e in gazetteer().places_named(name[:cut]) if e.form == CITY), None)
    if city is None:
        return name
    rest = name[cut:]
    for length in DIVISION_NAME_LENGTHS:
        own = rest[:length]
        candidates = [*gazetteer().places_named(own)]
        for division_ending in _PLACE_NAMES["division_kind_by_ending"]:
            candidates += gazetteer().places_named(own + division_ending)
        if any(
            e.form in (NAME, SHORT) and e.place.city == city and e.place.kind in _DIVISION_KINDS
            for e in candidates
        ):
            return rest
    return name


def _opens_a_bracket(name: str) -> bool:
    """Whether `name` opens a bracket it does not close (中日（青岛）… closes its own)."""
    depth = 0
    for char in name:
        if char in lang.chars("opening_brackets"):
            depth += 1
        elif char in lang.chars("closing_brackets"):
            depth -= 1
    return depth > 0


def _partner_before(text: str, hits, start: int, prefix: Place) -> int:
    """某县某市现代产业园, 某省某省合作产业园: a place of the same level (two counties, two cities, two
    provinces) but of another city or province written right before the place a zone's name opens with is
    the partner that builds the zone with it, and opens the name; a place that holds it (某市某县, 某省某县)
    is only its address, and a city before a county's short name (苏州太湖) reads the name as its own."""
    for hit_start, hit_end, surface in hits:
        if hit_end != start:
            continue
        for entry in gazetteer().places_named(surface):
            if entry.form == CONTEXT:
                continue
            if prefix.kind == "province" and entry.form == PROVINCE:
                partner = entry.place.province != prefix.province
            else:
                partner = (
                    entry.form in (NAME, SHORT, CITY)
                    and (entry.place.kind in _DIVISION_KINDS) == (prefix.kind in _DIVISION_KINDS)
                    and prefix.kind != "province"
                    and entry.place.city is not None
                    and entry.place.city != prefix.city
                )
            if partner:
                return hit_start
    return start


def _generic_zones(text: str, hits, city: str | None, province: str | None) -> list[_Hit]:
    """Zones the gazetteer does not list: a known place + a name + a zone suffix (青岛国际招商产业园),
    中日（青岛）…示范区, 国家…示范区, and an unknown name + a strong suffix (董家口综合保税区)."""
    after_place, strong = _zone_patterns()
    # bare forms (高新区, 新区) may be part of a longer zone name, full names may not
    named = [
        (s, e) for s, e, surface in hits if any(x.form != CONTEXT for x in gazetteer().places_named(surface))
    ]
    found: list[_Hit] = []
    for start, end, surface in hits:
        entries = gazetteer().places_named(surface)
        # (Taiwan's counties and the county-level cities a province governs have no city of their own)
        prefix = next(
            (
                e.place
                for e in entries
                if e.form in (NAME, CITY, SHORT) and (e.place.city or e.place.admin_code)
            ),
            None,
        )
        if prefix is None and province:
            # 辽宁某某电子商务产业园: the report's province opening a zone's name
            prefix = next(
                (e.place for e in entries if e.form == PROVINCE and e.place.province == province), None
            )
        if prefix is None or any(e.place.kind in ("zone", "new_area") for e in entries):
            continue
        by_province = any(e.form == PROVINCE and e.place == prefix for e in entries)
        if _inside_a_word(text, start):
            continue  # 位于洪湖经济开发区 opens with no 于洪
        match = after_place.match(text, end)
        if not match or any(
            end <= other < match.end()
            and not (other == end and _another_citys_zone(text[other:other_end], prefix))
            for other, other_end in named
        ):
            continue
        if text.endswith(_PLACE_NAMES["new_area"], 0, match.end()) and (
            match.end() - end < 4 or not any(e.form == CITY for e in entries)
        ):
            continue  # a city's 新区 needs a name of its own (宁波前湾新区), not 城阳区新区建设
        if _PARK_AS_PROJECT.match(text, match.end()):
            continue  # 天津鲲鹏生物医药产业园项目: the park is what is being built, not where
        if _holds_a_clause_word(text[end : match.end()]):
            continue  # 某市举行开发区…活动: the place opens a clause, not a zone's name
        if _collective_zones(text, surface, entries, text[end : match.end()]):
            continue  # 某省开发区第三次活动, 某市各开发区…某市开发区集中开工: the place's zones together
        if _opens_a_bracket(text[end : match.end()]):
            continue  # 某某县（某某经开区）: a note in brackets after the place names its zone on its own
        zone_start = _partner_before(text, hits, _province_before(text, start, prefix.province), prefix)
        if by_province and not _has_a_name(text[zone_start:start] + text[end : match.end()]):
            continue  # 台湾产业园区已成为…, 河南省经济开发区: a province's zones of a kind, no zone of its own
        if _COMPANY_PARK_BEFORE.search(text, max(0, zone_start - COMPANY_PARK_REACH), zone_start):
            continue  # 宁德时代宜宾动力电池产业园: a company's park is its project
        if _brand_park(text, end, match.end()):
            continue
        if text[end] in lang.chars("closing_brackets"):
            left = _JOINT_PREFIX.search(text, max(0, start - 4), start)
            if not left:
                continue
            zone_start = left.start()
        if _division_opens_a_named_park(surface, entries, text[end : match.end()]):
            zone_start = end
        glued_start, known = _known_zone_ending_at(text, zone_start, match.end())
        if glued_start > zone_start and len(known) == 1:
            found.append(_Hit(glued_start, match.end(), known.pop()))
            continue
        name = text[zone_start : match.end()]
        found.append(
            _Hit(zone_start, match.end(), Place(_zone_canonical(name), "zone", prefix.city, prefix.province))
        )
    for match in _NATIONAL.finditer(text):
        found.append(_Hit(match.start(), match.end(), Place(match.group(0), "zone", city, province)))
    named_places = [
        (s, e, entry.place)
        for s, e, surface in hits
        for entry in gazetteer().places_named(surface)[:1]
        if entry.form in (NAME, SHORT, CITY) and entry.place.city
    ]
    single_city = _single_city(hits, city)
    short = (city_short(city) or city) if city else ""
    for match in strong.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in named):
            continue  # 成都高新区 is in the gazetteer already
        name_start, own_name = _zone_name_start(text, match.start())
        if _holds_a_clause_word(text[name_start : match.start()]):
            continue  # 孝义市以经济开发区为…: the city is the subject of its clause
        if match.start() - name_start >= 2:
            known_start, known = _known_zone_ending_at(text, name_start, match.end())
            if len(known) == 1:  # 滨海高新区 away from any mention of Tianjin is still Tianjin's
                found.append(_Hit(known_start, match.end(), known.pop()))
                continue
            name = _zone_canonical(text[name_start : match.end()])
            zone_city, zone_province = next(
                ((p.city, p.province) for s, _e, p in named_places if s == name_start), (city, province)
            )  # 光谷生物城 is Wuhan's whatever city the report is about
            if not own_name and single_city and zone_city == city and not name.startswith(short):
                name = short + name  # 高新综保区 → 成都高新综合保税区
            found.append(_Hit(name_start, match.end(), Place(name, "zone", zone_city, zone_province)))
    return found


def _another_citys_zone(surface: str, prefix: Place) -> bool:
    """滨海新区 in 绍兴滨海新区: a zone the gazetteer lists only in another city than the place before it names
    that place's own zone."""
    entries = gazetteer().places_named(surface)
    return bool(entries) and all(
        e.place.kind in ("zone", "new_area") and e.place.city != prefix.city for e in entries
    )


def _holds_a_clause_word(name: str) -> bool:
    """A verb or preposition of the clause between a place and a zone's ending (举行, 建设, 以): no name."""
    return any(word in _PLACE_NAMES["zone_name_never_holds"] for word, _flag in tagged(name))


GLUED_CHARACTERS = 2  # characters a word before a zone's name (同, 与) may glue onto it


def _known_zone_ending_at(text: str, name_start: int, end: int) -> tuple[int, set[Place]]:
    """Where the gazetteer's zone that the name run back from a strong suffix ends with starts, and its
    places: the name itself (滨海高新区), or the name after a character or two glued onto it (项目同德州经济技术
    开发区签订合同: the gazetteer read 同德 first, and 同 is a preposition)."""
    for start in range(name_start, min(name_start + GLUED_CHARACTERS, end - 2) + 1):
        entries = gazetteer().places_named(text[start:end])
        if start > name_start:  # only a zone's full name (德州经济技术开发区), no bare form (综保区)
            entries = [e for e in entries if e.form == NAME and e.place.kind == "zone"]
        known = {e.place for e in entries}
        if known:
            return start, known
    return name_start, set()


def _collective_zones(text: str, surface: str, entries: list[Surface], rest: str) -> bool:
    """A bare 开发区 right after a province (某省开发区) stands for the province's zones together, and so
    does one after a city the report says has several (某市各开发区…某市开发区集中开工)."""
    if rest != _PLACE_NAMES["bare_development_zone"]:
        return False
    if any(e.form == PROVINCE for e in entries):
        return True
    several = (surface + marker + rest for marker in _PLACE_NAMES["several_zones_markers"])
    return any(e.form == CITY for e in entries) and any(phrase in text for phrase in several)


@cache
def _zone_suffix_alternation() -> str:
    every = gazetteer().zone_suffixes
    return lang.alternation([*every, *(a for a, _s in every.values() if a)])


@cache
def _located_zone_re() -> re.Pattern[str]:
    suffixes = _zone_suffix_alternation()
    verbs = lang.alternation(_PLACE_NAMES["zone_location_verbs"])
    parts = lang.alternation(_PLACE_NAMES["zone_part_endings"])
    modifier = _PLACE_NAMES["located_modifier"].format(name_body=_BODY)
    return re.compile(rf"(?:{verbs})(?:{modifier})?(?P<name>{_BODY}{{2,16}}?(?:{suffixes})(?:{parts})?)")


SLOT_ONLY_NAME_WORDS = (
    3  # words beyond which a slot-only zone's name of everyday words (高端电气装备…基地) is one
)


@cache
def _slot_only_zone_re() -> re.Pattern[str]:
    """在某某产业基地建设, 入驻某某园区，: a name with an ending that closes projects' names as often
    (基地, 园区, 平台), in the slot of where something lands, followed by what happens there."""
    verbs = lang.alternation(_PLACE_NAMES["zone_location_verbs"])
    endings = lang.alternation(_PLACE_NAMES["slot_only_zone_endings"])
    after = _PLACE_NAMES["slot_only_zone_after"]
    return re.compile(rf"(?:{verbs})(?P<name>{_BODY}{{2,16}}?(?:{endings}))(?={after})")


def _without_leading_division(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where a slot-only zone's own name starts: after a county-level division written whole that opens
    it (在某区国家某某产业基地建设: the district is named on its own); whether one did."""
    for last, surface in gazetteer().automaton.iter_long(text[start:end]):
        if last + 1 != len(surface):
            break
        if surface.endswith(_DIVISION_ENDINGS) and any(
            e.form == NAME and e.place.kind in _DIVISION_KINDS for e in gazetteer().places_named(surface)
        ):
            return start + len(surface), True
        break
    return start, False


LONGEST_TOWN_NAME = 8  # characters of a town's full name (镇, 乡, 街道), at most


def _without_leading_town(text: str, start: int, end: int) -> tuple[int, bool]:
    """Where a slot-only zone's own name starts after a town written whole that opens it (选址在某某镇某某
    工业城: the town says where the zone lies, it is no part of its name); whether one did."""
    towns = every_town_name()
    for length in range(min(LONGEST_TOWN_NAME, end - start), 1, -1):
        if text[start : start + length] in towns:
            return start + length, True
    return start, False


def _slot_only_zones(text: str, city: str | None, province: str | None, zones: list[_Hit]) -> list[_Hit]:
    """Zones ending in 基地, 园区 or 平台 named in the slot of where something lands or is built (see
    _slot_only_zone_re); a name holding a verb (在某市建设某某产业基地) says what is built, not where, and a
    name of everyday words only (在生产基地内) is no place."""
    never_opens = tuple(_PLACE_NAMES["zone_name_never_opens"])
    found = []
    for match in _slot_only_zone_re().finditer(text):
        start, end = match.span("name")
        start += _leading_city_or_province(text[start:end])
        start, after_division = _without_leading_division(text, start, end)
        start, after_town = _without_leading_town(text, start, end)
        after_division = after_division or after_town
        if end - start < 4 or any(z.start < end and start < z.end for z in zones):
            continue
        if _PARK_AS_PROJECT.match(text, end):
            continue
        if any(text.startswith(text[start:end], z.end) for z in zones):
            continue  # 落户伊宁园区 after 某某经济开发区伊宁园区: the part of a zone named before, named again
        words = tagged(text[start:end])
        # a rare name the dictionary tags as a verbal noun (采育) may open one; a verb never (建设某某基地)
        first, flag = words[0]
        if flag.startswith(never_opens) and not (flag == "vn" and word_frequency(first) < RARE_WORD_FREQ):
            continue
        if any(flag in ("v", "vn", "m") for _w, flag in words[1:]):
            continue
        if not (after_division or _has_a_name(text[start:end]) or len(words) > SLOT_ONLY_NAME_WORDS):
            continue
        found.append(_Hit(start, end, Place(text[start:end], "zone", city, province)))
    return found


@cache
def _town_re(city: str) -> re.Pattern[str] | None:
    towns = towns_of(city)
    forms = [*towns.full, *towns.short]
    return re.compile(lang.alternation(forms)) if forms else None


def town_mentions(text: str, city: str | None) -> list[tuple[int, int, Place, bool]]:
    """The towns of the report's city named in `text` (某镇, 某街道, or a town's short name): (start, end,
    the town's county, whether written short). Towns are no districts; they tell which county a project in
    one goes to."""
    pattern = _town_re(city) if city else None
    if pattern is None:
        return []
    towns = towns_of(city)
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if _inside_a_word(text, start):
            continue
        town = match.group(0)
        county = towns.full.get(town)
        found.append((start, end, county or towns.short[town], county is None))
    return found


@cache
def _feature_named_zone_re() -> re.Pattern[str]:
    features = lang.alternation("natural_feature_names")
    return re.compile(rf"(?:{features})(?:{lang.alternation(_PLACE_NAMES['feature_named_zone_endings'])})")


def _zones_named_after_a_feature(
    text: str, city: str | None, province: str | None, zones: list[_Hit]
) -> list[_Hit]:
    """长江工业园, 太湖新城: a zone named after a river, lake or mountain (a place the county gazetteer
    lacks), with an ending that names an area for industry or a new town; a park that is what is being built
    (某江工业园项目) or a firm's (某某集团某江工业园) is none."""
    return _zones_matching(_feature_named_zone_re(), text, city, province, zones)


@cache
def _joint_zone_re() -> re.Pattern[str]:
    return re.compile(lang.pattern("place_names", "joint_zone", regions=_PLACE_NAMES["region_characters"]))


def _joint_zones(text: str, city: str | None, province: str | None, zones: list[_Hit]) -> list[_Hit]:
    """粤澳合作产业园, 京津合作示范区: a zone two or three provinces or regions set up together, named by their
    one-character names and their cooperation (the gazetteer knows no place in it)."""
    return _zones_matching(_joint_zone_re(), text, city, province, zones)


@cache
def _town_named_zone_re(city: str) -> re.Pattern[str] | None:
    towns = towns_of(city)
    forms = [*towns.full, *towns.short]
    if not forms:
        return None
    endings = lang.alternation(_PLACE_NAMES["feature_named_zone_endings"])
    return re.compile(rf"(?:{lang.alternation(forms)})(?:{endings})")


def _zones_named_after_a_town(
    text: str, city: str | None, province: str | None, zones: list[_Hit], divisions: list[_Hit]
) -> list[_Hit]:
    """某某开发区, 某某镇工业园区: a zone named after a town of the report's city or of a city whose
    county-level division the report names (the town's name, whole or short, then an ending that names an
    area for industry), written as it is; the town is no district, and the zone, not the town's county, is
    where the projects in it go."""
    zones = [z for z in zones if not _runs_on_to(text, z)]
    found: list[_Hit] = []
    for town_city in dict.fromkeys([city, *(h.place.city for h in divisions)]):
        pattern = _town_named_zone_re(town_city) if town_city else None
        if pattern is not None:
            found += _zones_matching(pattern, text, town_city, province, zones + found)
    return found


def _runs_on_to(text: str, zone: _Hit) -> bool:
    """东河水库提水至某某工业园区: a zone's name read back from its ending over a verb or a word like 至
    runs on from another place to the zone (a canal, a road); the town before the ending names the zone."""
    if zone.place.kind != "zone":
        return False
    words = tagged(text[zone.start : zone.end])
    return any(
        flag == "v" or any(char in lang.char_set("function") for char in word) for word, flag in words[1:]
    )


def _holds_a_clause(text: str, zone: _Hit) -> bool:
    """某市举办合作产业园推介, 某城打造北区物流园区, 某省某市首个某某工业园: a zone's name read back from its
    ending over a verb or a counted quantity (首个, 第一家) is a clause about a zone, not its name. Verbs that
    do stand in zone names (创新, 集聚) are zone name words."""
    if zone.place.kind != "zone":
        return False
    counters = _PLACE_NAMES["zone_name_never_counts"]
    count_openers = lang.chars("numerals") + _PLACE_NAMES["ordinal_openers"]
    words = tagged(text[zone.start : zone.end])
    place_before = False
    for index, (word, flag) in enumerate(words[:-2]):
        # a verb right before the ending qualifies the park (制造产业园); one after a place or opening the
        # name, before further words, makes a clause (某市举办…) where a policy name holds a verb phrase
        # of its own (国家进口贸易促进创新示范区)
        a_place = flag == "ns" or bool(gazetteer().places_named(word))
        verb = flag == "v" and word not in lang.word_set("zone_name_words") and not a_place
        if verb and (index == 0 or place_before):
            return True
        place_before = place_before or a_place
    return any(flag == "m" and word[0] in count_openers and word[-1] in counters for word, flag in words[:-1])


def _without_zones_run_on_to(text: str, hits: list[_Hit], by_town: list[_Hit]) -> list[_Hit]:
    """The hits but those a town-named zone ends and that run on to it from elsewhere (see _runs_on_to)."""
    return [
        h
        for h in hits
        if not (_runs_on_to(text, h) and any(h.start < t.start and t.end == h.end for t in by_town))
    ]


def _zones_matching(
    pattern: re.Pattern[str], text: str, city: str | None, province: str | None, zones: list[_Hit]
) -> list[_Hit]:
    found = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if _inside_a_word(text, start) or any(z.start < end and start < z.end for z in zones):
            continue
        if _PARK_AS_PROJECT.match(text, end):
            continue
        if _COMPANY_PARK_BEFORE.search(text, max(0, start - COMPANY_PARK_REACH), start):
            continue
        found.append(_Hit(start, end, Place(text[start:end], "zone", city, province)))
    return found


@cache
def _signing_party_zone_re() -> re.Pattern[str]:
    """某某开发区与某某公司签署…: a zone named as the party signing with a firm."""
    return re.compile(lang.pattern("place_names", "signing_party_zone", suffixes=_zone_suffix_alternation()))


def _leading_city_or_province(name: str) -> int:
    """How long the city or province written whole (苏州市, 江苏省) opening `name` is, else 0."""
    for end, surface in gazetteer().automaton.iter_long(name):
        if end + 1 != len(surface):
            break
        entries = gazetteer().places_named(surface)
        written_whole = _CITY_OR_PROVINCE_ENDING.search(surface)
        if (
            written_whole
            and any(e.form in (CITY, PROVINCE) for e in entries)
            and NAME not in {e.form for e in entries}
        ):
            return len(surface)
        break
    return 0


_PLACE_WORD_FLAGS = ("ns",)  # a word the segmenter knows as a place (西夏, 海湾)


def _has_a_name(zone: str) -> bool:
    """Whether a zone's words hold a name of its own (a rare word or a place: 长德, 武清), not only
    everyday and zone words (全市产业园区, 重点产业园区, 数字经济产业园)."""
    return bool(_hits(zone)) or any(
        (
            word_frequency(word) < RARE_WORD_FREQ
            or flag in _PLACE_WORD_FLAGS
            and word not in lang.word_set("natural_feature_names")
        )
        and word not in lang.word_set("zone_name_words")
        and word not in lang.word_set("industry_terms")
        for word, flag in tagged(zone)
        if HAN_CHAR.match(word) and word not in gazetteer().zone_suffixes
    )


def _located_zones(text: str, city: str | None, province: str | None, zones: list[_Hit]) -> list[_Hit]:
    """Zones named in the slot of where something lands or is built (入驻某某产业园标准厂房, 计划在某某
    开发区建设), or of the party signing with a firm (某某开发区与某某公司签署), that no other rule found whole: a name with a zone's suffix there is a place; a name that
    opens with a verb (在推动产业园建设) or is what is built (在某某产业园项目) is none."""
    found = []
    never_opens = tuple(_PLACE_NAMES["zone_name_never_opens"])
    slots = [*_located_zone_re().finditer(text), *_signing_party_zone_re().finditer(text)]
    for match in slots:
        first_start, first_end = match.span("name")
        first_start += _leading_city_or_province(
            text[first_start:first_end]
        )  # 在苏州市昆山…: the city is context
        for start, end in [(first_start, first_end), *_further_list_items(text, first_end)]:
            if _PARK_AS_PROJECT.match(text, end) or any(z.start <= start and end <= z.end for z in zones):
                continue
            if tagged(text[start:end])[0][1].startswith(never_opens) or not _has_a_name(text[start:end]):
                continue
            if _holds_a_clause_word(text[start:end]):
                continue  # 在铁西区建设某某产业园: where it is built, then what
            found.append(_Hit(start, end, Place(_zone_canonical(text[start:end]), "zone", city, province)))
    return found


_NAME_RUN = re.compile(rf"{_BODY}+")


def _further_list_items(text: str, end: int) -> list[tuple[int, int]]:
    """分别位于甲经济开发区、乙镇某村和丙经合区: the items after the first of a list in the slot of where
    something lands, those that end like a zone (the list's other items, a village, are passed over)."""
    items = []
    joiners = _PLACE_NAMES["place_list_joiners"]
    while end < len(text) and text[end] in joiners:
        run = _NAME_RUN.match(text, end + 1)
        if run is None:
            break
        if _listed_zone_item_re().fullmatch(run.group(0)):
            items.append(run.span())
        end = run.end()
    return items


@cache
def _listed_zone_item_re() -> re.Pattern[str]:
    parts = lang.alternation(_PLACE_NAMES["zone_part_endings"])
    return re.compile(rf"{_BODY}{{2,16}}(?:{_zone_suffix_alternation()})(?:{parts})?")


_NAME_RUN_END = re.compile(rf"{_BODY}+$")
_SENTENCE = re.compile(lang.pattern("place_names", "place_list_sentence"))
_PLACE_COUNT_AFTER = re.compile(lang.pattern("place_names", "place_count_after"))


@cache
def _listed_item_re() -> re.Pattern[str]:
    endings = lang.alternation(_PLACE_NAMES["listed_zone_endings"])
    return re.compile(rf"{_BODY}{{1,12}}?(?:{_zone_suffix_alternation()}|{endings})")


def _list_parts(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """The stretches of text[start:end] between the characters of `separator`."""
    parts, opening = [], start
    for mark in re.compile(f"[{separator}]").finditer(text, start, end):
        parts.append((opening, mark.start()))
        opening = mark.end()
    parts.append((opening, end))
    return parts


def _list_items(
    text: str, parts: list[tuple[int, int]], separator: str, found: list[_Hit]
) -> list[tuple[int, int] | None]:
    """The place each part of a list stands for: a 、 list's parts are its items (the first one ends its
    part, the last one opens it); a ； list's parts open with theirs (某某区签约项目11个). An item is a
    place found there or a name ending like a zone."""
    items: list[tuple[int, int] | None] = []
    comma_list = separator == lang.chars("list_separator")
    count_list = not comma_list and separator != lang.chars("semicolons")
    for index, (a, b) in enumerate(parts):
        if count_list:  # 兴义市3个，某某新区3个: a ，-list's parts count per place, each opening with its own
            place = next(((h.start, h.end) for h in found if h.start == a), None)
            match = _listed_item_re().match(text, a, b)
            item = place or (match.span() if match else None)
            counted = item is not None and _PLACE_COUNT_AFTER.match(text[item[1] : b])
            items.append(item if counted else None)
        elif comma_list and index == 0:
            run = _NAME_RUN_END.search(text, a, b)
            items.append(run.span() if run else None)
        elif comma_list and index + 1 < len(parts):
            named = any((h.start, h.end) == (a, b) for h in found) or _listed_item_re().fullmatch(text, a, b)
            items.append((a, b) if named else None)
        elif index == 0:  # a ； list's first part may open with a preamble (分县区看，): only a place found
            items.append(next(((h.start, h.end) for h in found if h.start == a), None))
        else:
            place = next(((h.start, h.end) for h in found if h.start == a), None)
            match = _listed_item_re().match(text, a, b)
            items.append(place or (match.span() if match else None))
    return items


def _listed_zones(text: str, found: list[_Hit], city: str | None, province: str | None) -> list[_Hit]:
    """长沙县、长沙经开区、某某会展区: an unknown item of a list whose other items are places, ending like
    a zone (…区, …园), is a zone; written elsewhere after the city's name (长沙某某区), it is named so."""
    out: list[_Hit] = []
    never_opens = tuple(_PLACE_NAMES["zone_name_never_opens"])
    short = (city_short(city) or city) if city else ""
    found_at = SpanIndex((h.start, h.end) for h in found)
    for sentence in _SENTENCE.finditer(text):
        # the places that may touch the sentence: its list's items lie in it
        nearby = [found[i] for i in found_at.indices_reaching(sentence.start(), sentence.end())]
        for separator in _PLACE_NAMES["place_list_separators"]:
            parts = _list_parts(text, sentence.start(), sentence.end(), separator)
            if len(parts) < 3:
                continue  # a list of fewer than three items says nothing here
            items = _list_items(text, parts, separator, nearby)
            places = [item for item in items if item and any((h.start, h.end) == item for h in nearby)]
            if len(places) < 2:
                continue
            for item in items:
                if (
                    item is None
                    or item in places
                    or any(h.start < item[1] and item[0] < h.end for h in nearby)
                ):
                    continue
                name = text[item[0] : item[1]]
                if len(name) < 4 or tagged(name)[0][1].startswith(never_opens) or not _has_a_name(name):
                    continue
                written_whole = (
                    []
                    if not short or name.startswith(short)
                    else list(re.finditer(re.escape(short + name), text))
                )
                place = Place(
                    _zone_canonical(short + name if written_whole else name), "zone", city, province
                )
                out.append(_Hit(item[0], item[1], place))
                for whole in written_whole:
                    if not any(h.start < whole.end() and whole.start() < h.end for h in found):
                        out.append(_Hit(whole.start(), whole.end(), place))
    return out


def _listed_division_stems(text: str, found: list[_Hit]) -> list[_Hit]:
    """两江新区、南岸、渝北、永川等区县: an item of a list whose neighbours are divisions of one city, that is
    the name of another division of that city without its ending, is that division — though alone (南岸,
    the south bank) it is an everyday word."""
    separator = lang.chars("list_separator")
    divisions = [h for h in found if h.place.kind in _DIVISION_KINDS and h.place.city]
    out: list[_Hit] = []
    for hit in divisions:
        for start, end in (_item_after(text, hit.end, separator), _item_before(text, hit.start, separator)):
            if start is None or any(h.start < end and start < h.end for h in found + out):
                continue
            stem = text[start:end]
            for ending in _PLACE_NAMES["district_endings"]:
                match = next(
                    (
                        e.place
                        for e in gazetteer().places_named(stem + ending)
                        if e.form == NAME and e.place.city == hit.place.city
                    ),
                    None,
                )
                if match is not None:
                    out.append(_Hit(start, end, match))
                    break
    return out


LISTED_STEM_CHARS = (2, 3)  # 南岸, 石景山: a division's name without its ending


def _item_after(text: str, end: int, separator: str) -> tuple[int | None, int]:
    """The item after a list separator at `end`: Han characters up to the next separator or a closer."""
    if text[end : end + 1] != separator:
        return None, end
    start = stop = end + 1
    while stop < len(text) and HAN_CHAR.match(text[stop]) and text[stop] not in _STEM_CLOSERS:
        stop += 1
    return (start, stop) if LISTED_STEM_CHARS[0] <= stop - start <= LISTED_STEM_CHARS[1] else (None, stop)


def _item_before(text: str, start: int, separator: str) -> tuple[int | None, int]:
    """The item before a list separator right before `start`."""
    if start == 0 or text[start - 1] != separator:
        return None, start
    stop = first = start - 1
    while first > 0 and HAN_CHAR.match(text[first - 1]):
        first -= 1
    return (first, stop) if LISTED_STEM_CHARS[0] <= stop - first <= LISTED_STEM_CHARS[1] else (None, stop)


_STEM_CLOSERS = frozenset(_PLACE_NAMES["place_list_joiners"] + _PLACE_NAMES["place_list_closer"])


@cache
def _anaphoric_zone_re() -> re.Pattern[str]:
    anaphors = lang.alternation(_PLACE_NAMES["zone_anaphors"])
    return re.compile(rf"(?P<anaphor>{anaphors})(?P<suffix>{_zone_suffix_alternation()})")


def _anaphoric_zones(text: str, found: list[_Hit]) -> list[_Hit]:
    """位于该县产业集聚区: a zone named by the county (or district) the report is about, written as 该县 or
    本县, is that division's zone (某某县产业集聚区), when the text named exactly one such division before."""
    out = []
    for match in _anaphoric_zone_re().finditer(text):
        if any(h.start < match.end() and match.start() < h.end for h in found):
            continue
        ending = match.group("anaphor")[-1]
        before = {
            h.place
            for h in found
            if h.end <= match.start()
            and h.place.kind in ("district", "county", "county_city")
            and h.place.canonical.endswith(ending)
        }
        if len(before) != 1:
            continue
        division = before.pop()
        name = division.canonical + match.group("suffix")
        out.append(_Hit(match.start(), match.end(), Place(name, "zone", division.city, division.province)))
    return out


@cache
def _city_level_zone_re() -> re.Pattern[str]:
    marker = re.escape(_PLACE_NAMES["city_level_marker"])
    return re.compile(rf"{marker}(?P<name>{_BODY}{{0,6}}?)(?P<suffix>{_zone_suffix_alternation()})")


def _city_level_zones(text: str, found: list[_Hit], city: str | None, province: str | None) -> list[_Hit]:
    """市开发区8个，市科教园区1个: in a city's report, 市 alone before a zone's name is the city's own zone,
    beside the counties' (the city's 开发区 the gazetteer lists under the city's short name, else as written)."""
    if not city:
        return []
    short = city_short(city) or city
    out = []
    for match in _city_level_zone_re().finditer(text):
        start, end = match.span()
        word = token_at(text, start)
        if word is None or word[1] != start:
            continue  # 城市开发区, 全市开发区: 市 ends a word, no city's own zone
        if any(h.start < end and start < h.end for h in found):
            continue
        known = [e.place for e in gazetteer().places_named(short + text[start + 1 : end]) if e.form == NAME]
        known = [p for p in known if p.kind == "zone" and p.city == city]
        if len(known) == 1:
            out.append(_Hit(start, end, known[0]))
        elif len(match.group("name")) >= 2 and not all(
            word in lang.word_set("zone_name_words") or word in lang.word_set("industry_terms")
            for word, _flag in tagged(match.group("name"))
        ):
            out.append(_Hit(start, end, Place(text[start:end], "zone", city, province)))
    return out


_ZONE_LIST_CLOSE = re.compile(lang.pattern("place_names", "zone_list_close"))
_LIST_OPENING = re.compile(lang.pattern("place_names", "zone_list_opening"))


def _zone_typed_list_items(
    text: str, found: list[_Hit], city: str | None, province: str | None
) -> list[_Hit]:
    """甲科教园区、乙旅游区、丙开发区等市直载体: a list closed by a head noun of zones (载体, 园区, 平台) types
    its items as zones: each item ending like a zone (…区, …园) is one, though its words are everyday ones."""
    out: list[_Hit] = []
    never_opens = tuple(_PLACE_NAMES["zone_name_never_opens"])
    for close in _ZONE_LIST_CLOSE.finditer(text):
        opening = max((m.end() for m in _LIST_OPENING.finditer(text, 0, close.start())), default=0)
        parts = _list_parts(text, opening, close.start(), lang.chars("list_separator"))
        if len(parts) < 2:
            continue  # a single name before 等园区 is no list
        for start, end in parts:
            if end - start < 3 or not _listed_item_re().fullmatch(text, start, end):
                continue
            overlapping = [h for h in [*found, *out] if h.start < end and start < h.end]
            if any(h.place.kind in ("zone", "new_area") or not start < h.start for h in overlapping):
                continue  # a zone found already; a division inside (甲琅山旅游区 holds 琅山) names it
            if tagged(text[start:end])[0][1].startswith(never_opens):
                continue
            out.append(_Hit(start, end, Place(_zone_canonical(text[start:end]), "zone", city, province)))
    return out


def _province_before(text: str, start: int, province: str | None) -> int:
    """云南牟定产业园区: a zone's name may open with its province, before the county it is named after."""
    for name in (province, province_short(province or "")):
        if name and text.endswith(name, 0, start):
            return start - len(name)
    return start


def _zone_name_start(text: str, suffix_start: int) -> tuple[int, bool]:
    """Where the name before a strong zone suffix starts, and whether it has a word of its own (董家口)
    rather than only everyday and zone words (高新, 天府国际). The first word may be an everyday noun
    when a boundary (在, a comma) stands before it."""
    name_start, own_name = suffix_start, False
    before = tokens_before(text, suffix_start, 8)
    for index in range(len(before) - 1, -1, -1):
        word, w_start, _w_end = before[index]
        before_a_name = word in lang.char_set("function") or word in lang.word_set("name_left_boundaries")
        collective = word in _PLACE_NAMES["zone_name_collectives"]
        if not HAN_CHAR.match(word) or before_a_name or collective or suffix_start - w_start > 6:
            break
        everyday = len(word) > 1 and word_frequency(word) >= RARE_WORD_FREQ
        zone_word = word in lang.word_set("zone_name_words")
        if everyday and not zone_word:
            if w_start > 0 and text[w_start - 1].isdigit():
                break  # 2023年度|洋浦经济开发区: a word after a number says when or how much
            previous = before[index - 1][0] if index else ""
            opens = not previous or not HAN_CHAR.match(previous) or previous in lang.char_set("function")
            if not (opens and tagged(word)[0][1].startswith("n")):
                break
        own_name = own_name or not (everyday or zone_word)
        name_start = w_start
    return name_start, own_name


def _sub_areas(text: str, zone_hits: list[_Hit], city: str | None) -> list[_Hit]:
    """临空经济示范区 + 平度片区, 某某经济开发区 + 某某园区: a zone's area or park named after one of the
    city's divisions, and that area's own name written alone after it."""
    out = []
    for hit in zone_hits:
        match = _SUB_AREA.match(text, hit.end)
        if not match:
            continue
        entries = gazetteer().places_named(match.group(1))
        if any(e.form in (NAME, SHORT) and e.place.city == (hit.place.city or city) for e in entries):
            name = text[hit.start : match.end()]
            area = Place(name, "zone", hit.place.city or city, hit.place.province)
            out.append(_Hit(hit.start, match.end(), area))
            # …经济开发区伊宁园区 … 落户伊宁园区: the area's own name alone, later, is the area again
            own = match.group(0)
            at = text.find(own, match.end())
            while at >= 0:
                if _context_boundary(text, at):
                    out.append(_Hit(at, at + len(own), area))
                at = text.find(own, at + len(own))
    return out


def _parks_after_a_zone(
    text: str, zone_hits: list[_Hit], city: str | None, province: str | None
) -> list[_Hit]:
    """坐落于某某开发区城南工业园的…: a park with a name of its own right after its zone is a zone too (a
    park named after a division of the city is the zone's area, `_sub_areas`)."""
    found = []
    never_opens = tuple(_PLACE_NAMES["zone_name_never_opens"])
    for hit in zone_hits:
        match = _PARK_AFTER_A_ZONE.match(text, hit.end)
        if match is None or _SUB_AREA.match(text, hit.end) and _sub_areas(text, [hit], city):
            continue
        start, end = match.span("name")
        name = text[start:end]
        if _PARK_AS_PROJECT.match(text, end) or any(z.start <= start < z.end for z in zone_hits):
            continue
        if tagged(name)[0][1].startswith(never_opens) or not _has_a_name(name) or _holds_a_clause_word(name):
            continue
        found.append(_Hit(start, end, Place(_zone_canonical(name), "zone", hit.place.city or city, province)))
    return found


def _bare_back_references(text: str, generic: list[_Hit], found: list[_Hit]) -> list[_Hit]:
    """天府国际生物城 … 生物城已累计引进: the bare suffix of a zone found in the text, when no other zone
    of the text ends so, refers back to it."""
    by_suffix: dict[str, set[Place]] = {}
    for hit in generic:
        for suffix in _BARE_SUFFIXES:
            if hit.place.canonical.endswith(suffix) and len(hit.place.canonical) > len(suffix):
                by_suffix.setdefault(suffix, set()).add(hit.place)
    out = []
    for suffix, places in by_suffix.items():
        if len(places) != 1:
            continue
        place = next(iter(places))
        first = min(h.end for h in generic if h.place == place)
        bare = _BARE_SUFFIXES[suffix]
        at = text.find(bare, first)
        while at >= 0:
            inside = any(h.start <= at < h.end for h in found)
            if not inside and _context_boundary(text, at):
                out.append(_Hit(at, at + len(bare), place))
            at = text.find(bare, at + len(bare))
    return out


ZONE_OWN_NAME_MIN = 4  # characters of a zone's name without its city (江东新区): shorter is a common word


def _written_without_their_city(text: str, generic: list[_Hit], found: list[_Hit]) -> list[_Hit]:
    """海口江东新区 … 江东新区持续推进: a zone no table knows, found with its city's name, is the same zone
    written after that without it."""
    suffixes = tuple(gazetteer().zone_suffixes)
    out = []
    for place in dict.fromkeys(h.place for h in generic if h.place.kind in ("zone", "new_area")):
        prefix = city_prefix(place)
        own = place.canonical[len(prefix) :]
        if (
            not prefix
            or len(own) < ZONE_OWN_NAME_MIN
            or not own.endswith(suffixes)
            or gazetteer().places_named(own)
        ):
            continue
        first = min(h.end for h in generic if h.place == place)
        at = text.find(own, first)
        while at >= 0:
            if not any(h.start <= at < h.end for h in found) and _context_boundary(text, at):
                out.append(_Hit(at, at + len(own), place))
            at = text.find(own, at + len(own))
    return out


_LOCATION_BEFORE = re.compile(lang.pattern("place_names", "zone_location_before"))


def _a_citys_only_zone(text: str, found: list[_Hit], city: str | None) -> list[_Hit]:
    """某企业在临港经济区投资: a zone a city has only one of (its port's, its airport's), written bare where
    a project goes in a report about that city, is the city's, named with the city's short name."""
    if not city:
        return []
    short = city_short(city) or city
    province = next((e.place.province for e in gazetteer().places_named(city) if e.place.province), None)
    out = []
    for ending in _PLACE_NAMES["a_citys_only_zones"]:
        for match in re.finditer(re.escape(ending), text):
            start, end = match.span()
            if any(h.start < end and start < h.end for h in found):
                continue
            if _LOCATION_BEFORE.search(text[max(0, start - 3) : start]):
                out.append(_Hit(start, end, Place(short + ending, "zone", city, province)))
    return out


# canonical ending → the bare form that refers back to such a zone
_BARE_SUFFIXES = _PLACE_NAMES["bare_zone_suffixes"]
_PARKS = tuple(_PLACE_NAMES["parks"])
_BARE_PARK = _PLACE_NAMES["bare_park"]


def _park_back_references(text: str, found: list[_Hit]) -> list[_Hit]:
    """苏州工业园区 … 上半年园区新引进外资项目67个: a bare 园区 is the park last named before it."""
    parks = sorted((h for h in found if h.place.canonical.endswith(_PARKS)), key=lambda h: h.start)
    if not parks:
        return []
    out: list[_Hit] = []
    at = text.find(_BARE_PARK, parks[0].end)
    while at >= 0:
        inside = any(h.start <= at < h.end for h in found)
        listed = at > 0 and text[at - 1] == lang.chars(
            "list_separator"
        )  # 资本招商、园区招商: a kind of thing, not a park
        if not inside and not listed and _context_boundary(text, at):
            last = max((h for h in parks + out if h.end <= at), key=lambda h: h.end)
            if at - last.end <= PARK_REFERENCE_REACH:
                out.append(_Hit(at, at + len(_BARE_PARK), last.place))
        at = text.find(_BARE_PARK, at + len(_BARE_PARK))
    return out


PARK_REFERENCE_REACH = 250  # characters after a park's mention within which a bare 园区 still means it


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Longest first; a hit inside a longer zone name is dropped unless it is a district (平度 in 平度片区)."""
    kept: list[_Hit] = []
    zones: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if hit.place.kind in ("zone", "new_area"):
            if any(z.start <= hit.start and hit.end <= z.end for z in zones):
                continue
            zones.append(hit)
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


LEAD_REACH = 300  # characters of a report's opening in which the county it is about is named


def _lead_county_city(text: str, hits: list[tuple[int, int, str]]) -> str | None:
    """本报讯 乐陵举行22个重点项目集中开工: a report that names no city but opens with a county's short name
    (one county in the whole country is so called) as the place that holds the event is about that county;
    its city is the report's."""
    for start, end, surface in hits:
        if start > LEAD_REACH:
            break
        entries = gazetteer().places_named(surface)
        places = {e.place for e in entries}
        if {e.form for e in entries} != {SHORT} or len(places) != 1:
            continue
        opens = (
            start == 0 or not HAN_CHAR.match(text[start - 1]) or text[start - 1] in lang.char_set("function")
        )
        if opens and _VENUE_AFTER.match(text[end : end + VENUE_REACH]):
            return places.pop().city
    return None


TOPIC_REPEATS = 3  # times a report that names no city writes the one county it is about


def _topic_county_city(text: str, hits: list[tuple[int, int, str]]) -> str | None:
    """全区共上报项目40个 … 打造高质量发展的甲城; 落户甲仓的第400家德企 … 甲仓用了28年 … 投资甲仓: a report
    that names no city and writes one division's short name (one division in the whole country is so
    called) is about that division when it speaks of its own 区 (县), no other such division so ends, and
    it is the only division named or the one the title opens with; or when it writes that name again and
    again and no other division's. Its city is the report's."""
    found: Counter[Place] = Counter()
    title_start = len(text) - len(text.lstrip())
    opening = None
    for start, end, surface in hits:
        if _words_not_a_name(text, start, end):
            continue  # 三大方案 holds no 大方
        entries = gazetteer().places_named(surface)
        places = {e.place for e in entries}
        if {e.form for e in entries} == {SHORT} and len(places) == 1:
            place = places.pop()
            if place.kind in _DIVISION_KINDS:
                found[place] += 1
                opening = place if start == title_start else opening
    own_endings = tuple(
        ending for ending, words in _PLACE_NAMES["self_reference"].items() if any(w in text for w in words)
    )
    spoken_of = {place for place in found if own_endings and place.canonical.endswith(own_endings)}
    if len(spoken_of) == 1 and (len(found) == 1 or opening in spoken_of):
        return (
            spoken_of.pop().city
        )  # with other divisions named too (客商来自甲州), only the one the title opens with
    if len(found) == 1 and found.most_common(1)[0][1] >= TOPIC_REPEATS:
        return next(iter(found)).city
    return None


_PROJECTS_LIST_HEAD = re.compile(lang.pattern("place_names", "projects_list_head"))
_PROJECTS_LIST_CLOSE = re.compile(lang.pattern("place_names", "projects_list_close"))
_LIST_BREAK = re.compile(lang.pattern("place_names", "projects_list_break"))
_PROJECTS_COUNT_CLOSE = re.compile(lang.pattern("place_names", "projects_count_close"))
_LIST_JOINERS = lang.pattern("place_names", "projects_list_joiners")


def _listed_as_project(text: str, start: int, end: int) -> bool:
    """Whether the park at `start:end` is an item of a list its head types as projects: 开工的项目包括甲产业园
    （一期）、乙物流园等, or closes so (甲科技城和乙产业园两大项目, 甲产业园、乙物流园等6个项目)."""
    if _PROJECTS_LIST_CLOSE.match(text, end):
        return not _PROJECTS_COUNT_CLOSE.match(text, end) or text[start - 1 : start] in _LIST_JOINERS
    sentence_start = max((m.end() for m in _LIST_BREAK.finditer(text, 0, start)), default=0)
    heads = list(_PROJECTS_LIST_HEAD.finditer(text, sentence_start, start))
    return bool(heads) and not any(c in lang.chars("clause_ends") for c in text[heads[-1].end() : start])


def _without_parks_listed_as_projects(text: str, zones: list[_Hit]) -> list[_Hit]:
    """Zones the gazetteer does not list, less the parks a list types as projects, wherever the text
    names them again (位于某区的甲科技城总投资…)."""
    surfaces = {text[h.start : h.end] for h in zones}
    projects = {
        surface
        for surface in surfaces
        if any(_listed_as_project(text, m.start(), m.end()) for m in re.finditer(re.escape(surface), text))
    }
    return [h for h in zones if text[h.start : h.end] not in projects]


@cache
def _former_names() -> dict[tuple[str, str], tuple[str, int]]:
    """A division's successor (name, city) → its former name and the year it changed."""
    return {
        (row["successor"], row["city"]): (row["name"], int(row["year"]))
        for row in lang.table("former_admin_divisions")
    }


def _as_named_then(hits: list[_Hit], published: str | None) -> list[_Hit]:
    """A report dated before a division changed its name names it by the name it had then: 兖州 in a
    report of 2009 is 兖州市, not the 兖州区 of 2013."""
    year = int(published[:4]) if published and published[:4].isdigit() else None
    if year is None:
        return hits
    out = []
    for hit in hits:
        former = _former_names().get((hit.place.canonical, hit.place.city or ""))
        if former is not None and year < former[1]:
            named = [e.place for e in gazetteer().places_named(former[0]) if e.place.city == hit.place.city]
            if named:
                hit = _Hit(hit.start, hit.end, named[0])
        out.append(hit)
    return out


_RENAMED_ENDINGS: dict[str, str] = _PLACE_NAMES["renamed_division_endings"]  # ending → kind
_ENDING_OPENING_A_WORD = tuple(_PLACE_NAMES["ending_opening_a_word"])


def _name_the_report_writes(text: str, hits: list[_Hit]) -> dict[Place, Place]:
    """Divisions the report writes with another ending than the gazetteer's, short form and that ending
    (桐乡县 in a report older than today's 桐乡市), and never by the gazetteer's name: each → itself
    under the report's name, with its own code."""
    renamed: dict[Place, Place] = {}
    for hit in hits:
        place, surface = hit.place, text[hit.start : hit.end]
        if place.kind not in _DIVISION_KINDS or place in renamed or surface == place.canonical:
            continue
        if not any(e.form == SHORT and e.place == place for e in gazetteer().places_named(surface)):
            continue
        ending = text[hit.end : hit.end + 1]
        written = surface + ending
        if (
            ending not in _RENAMED_ENDINGS
            or written == place.canonical
            or gazetteer().places_named(written)
            or text.startswith(_ENDING_OPENING_A_WORD, hit.end)
            or place.canonical in text
        ):
            continue
        renamed[place] = Place(
            written, _RENAMED_ENDINGS[ending], place.city, place.province, place.admin_code
        )
    return renamed


def _as_the_report_names_it(text: str, hits: list[_Hit]) -> list[_Hit]:
    renamed = _name_the_report_writes(text, hits)
    out = []
    for hit in hits:
        place = renamed.get(hit.place)
        if place is None:
            out.append(hit)
            continue
        end = hit.end + 1 if text.startswith(place.canonical, hit.start) else hit.end
        out.append(_Hit(hit.start, end, place))
    return out


def _province_of_city(city: str | None) -> str | None:
    return next((e.place.province for e in gazetteer().places_named(city or "") if e.form == CITY), None)


def _document_province(text: str, hits: list[tuple[int, int, str]], city: str | None) -> str | None:
    """The province the report is about: its city's, unless the cities it names belong to another
    province more often (a provincial report naming one city of each region, and once where money
    came from)."""
    own = _province_of_city(city)
    by_province: Counter[str] = Counter()
    for voted, count in _city_votes(hits, text).items():
        if (province := _province_of_city(voted)) is not None:
            by_province[province] += count
    if not by_province:
        return own
    leading, votes = by_province.most_common(1)[0]
    return leading if votes > by_province.get(own or "", 0) else own


ZONE_NAME_MIN = 4  # characters of a zone's name without its province (雄安新区, 大龙开发区)


def _as_commonly_named(text: str, place: Place) -> str:
    """A zone's name as the press and the State Council lists write it: without the province opening its
    registered name (河北雄安新区 → 雄安新区, 河北沧州经济开发区 → 沧州经济开发区) unless the report writes it
    so; a city opening it stays (天津滨海新区, 青岛西海岸新区)."""
    canonical = place.canonical
    for qualifier in _PLACE_NAMES["zone_level_qualifiers"]:  # 西宁(国家级)经济技术开发区: its level, no name
        canonical = canonical.replace(qualifier, "")
    if place.kind in ("zone", "new_area") and (written := _written_with_its_city(text, place)):
        return written
    for full, forms in _PLACE_NAMES["national_level_forms"].items():
        stem = canonical.removesuffix(full)
        if stem != canonical and any(stem + form in text for form in forms):
            return stem + forms[0]  # 玉溪国家高新区 → 玉溪国家高新技术产业开发区
    if place.kind not in ("zone", "new_area") or not place.province or canonical in text:
        return canonical
    if place.city and canonical.startswith(city_short(place.city) or place.city):
        return canonical  # 北京经济技术开发区, 吉林经济技术开发区: the province's name is the city's
    for prefix in (place.province, province_short(place.province)):
        rest = canonical.removeprefix(prefix)
        if rest != canonical and len(rest) >= ZONE_NAME_MIN and HAN_CHAR.match(rest) and _has_a_name(rest):
            return rest  # (广西-东盟经济技术开发区 keeps its province: the name is of both; 青海高新技术产业开发区
            # keeps it too, its only name)
    return canonical


def _written_with_its_city(text: str, place: Place) -> str | None:
    """天津滨海新区 where the gazetteer's name is 滨海新区: the zone's registered name with its city opening
    it, when the report writes it so."""
    name = place.canonical
    for opening in filter(None, {place.city, city_short(place.city or "")}):
        longer = opening + name
        if longer in text and any(e.place == place for e in gazetteer().places_named(longer)):
            return longer
    return None


def find_districts(text: str, published: str | None = None) -> tuple[list[District], str | None]:
    """The places of `text`; `published` (ISO date) names renamed divisions as they were called then."""
    hits = _hits(text)
    city = document_city(text, hits) or _lead_county_city(text, hits) or _topic_county_city(text, hits)
    province = _document_province(text, hits, city)
    resolved = _as_named_then(_resolve(text, hits, city, province), published)
    resolved = _as_the_report_names_it(text, resolved)
    generic = _generic_zones(text, hits, city, province)
    zones = [h for h in resolved + generic if h.place.kind in ("zone", "new_area")]
    located = _located_zones(text, city, province, zones)
    located += _slot_only_zones(text, city, province, zones + located)
    located += _zones_named_after_a_feature(text, city, province, zones + located)
    located += _joint_zones(text, city, province, zones + located)
    divisions = [h for h in resolved if h.place.kind in _DIVISION_KINDS]
    by_town = _zones_named_after_a_town(text, city, province, zones + located, divisions)
    generic, located = _without_zones_run_on_to(text, generic, by_town), located + by_town
    zones = _without_zones_run_on_to(text, zones, by_town)
    generic, zones = generic + located, zones + located
    generic = [h for h in _without_parks_listed_as_projects(text, generic) if not _holds_a_clause(text, h)]
    generic += _parks_after_a_zone(text, zones, city, province)
    resolved = _without_overlaps(resolved + generic + _sub_areas(text, zones, city))
    resolved = sorted(resolved + _bare_back_references(text, generic, resolved), key=lambda h: h.start)
    resolved = sorted(resolved + _written_without_their_city(text, generic, resolved), key=lambda h: h.start)
    resolved = sorted(resolved + _a_citys_only_zone(text, resolved, city), key=lambda h: h.start)
    resolved = sorted(resolved + _park_back_references(text, resolved), key=lambda h: h.start)
    resolved = sorted(resolved + _listed_zones(text, resolved, city, province), key=lambda h: h.start)
    resolved = sorted(resolved + _listed_division_stems(text, resolved), key=lambda h: h.start)
    resolved = sorted(resolved + _anaphoric_zones(text, resolved), key=lambda h: h.start)
    resolved = sorted(resolved + _city_level_zones(text, resolved, city, province), key=lambda h: h.start)
    resolved = sorted(
        resolved + _zone_typed_list_items(text, resolved, city, province), key=lambda h: h.start
    )
    resolved = [h for h in resolved if not _holds_a_clause(text, h)]

    by_name: dict[tuple[str, str | None], District] = {}
    for hit in resolved:
        place = hit.place
        district = by_name.get((place.canonical, place.city))
        if district is None:
            district = by_name[(place.canonical, place.city)] = District(
                canonical=_as_commonly_named(text, place),
                mentions=[],
                city=place.city,
                kind=place.kind,
                admin_code=place.admin_code if place.kind != "zone" else None,
                province=place.province,
            )
        surface = text[hit.start : hit.end]
        if surface not in district.mentions:
            district.mentions.append(surface)
        district.spans.append(Span(start=hit.start, end=hit.end))
    _merge_zones_written_without_their_city(by_name)
    _merge_short_forms_of_a_named_zone(by_name)
    zone_spans = [(h.start, h.end) for h in resolved if h.place.kind in ("zone", "new_area")]
    titles = [m.span() for m in _BOOK_TITLE.finditer(text)]
    return [
        d
        for d in by_name.values()
        if not _only_inside_zone_names(d, zone_spans)
        and not _zone_only_in_titles(d, titles)
        and not _only_opening_registered_bodies(text, d)
    ], city


def _merge_zones_written_without_their_city(by_name: dict[tuple[str, str | None], District]) -> None:
    """南昌小蓝经济技术开发区 … 小蓝经开区: a zone the report also writes with its city is one zone, named
    whole; written only without its city, it keeps the name the report gives it."""
    for (name, city), district in list(by_name.items()):
        if district.kind != "zone" or not city:
            continue
        for prefix in (city, city_short(city)):
            whole = by_name.get((f"{prefix}{name}", city)) if prefix else None
            whole = whole or next(  # 包头稀土高新区 (包头稀土高新技术产业开发区) … 稀土高新区
                (
                    other
                    for (other_name, other_city), other in by_name.items()
                    if prefix
                    and other_city == city
                    and other_name != name
                    and other.kind == "zone"
                    and f"{prefix}{name}" in other.mentions
                ),
                None,
            )
            if whole is not None:
                whole.mentions += [m for m in district.mentions if m not in whole.mentions]
                whole.spans = sorted([*whole.spans, *district.spans], key=lambda s: s.start)
                del by_name[(name, city)]
                break


def _zone_forms(name: str) -> tuple[str, set[str]] | None:
    """A zone's place and the full endings its ending may stand for: 某某县开发区 → (某某, every ending in
    开发区), 某某经开区 → (某某, {经济技术开发区, 经济开发区}), 某某市经济技术开发区 → (某某, {经济技术开发区})."""
    suffixes = gazetteer().zone_suffixes
    by_abbreviation: dict[str, set[str]] = {}
    for suffix, (abbreviation, _strength) in suffixes.items():
        if abbreviation:
            by_abbreviation.setdefault(abbreviation, set()).add(suffix)
    for suffix, abbreviation in _PLACE_NAMES["bare_abbreviation_also"].items():
        by_abbreviation.setdefault(abbreviation, set()).add(suffix)
    endings = sorted({*suffixes, *by_abbreviation}, key=len, reverse=True)
    ending = next((e for e in endings if name.endswith(e) and len(name) > len(e)), None)
    if ending is None:
        return None
    place = name[: -len(ending)]
    if len(place) > 2 and place[-1] in _PLACE_NAMES["division_kind_by_ending"]:
        place = place[:-1]
    if ending in by_abbreviation:
        return place, by_abbreviation[ending]
    bare = _PLACE_NAMES["bare_development_zone"]
    if ending == bare:
        return place, {s for s in suffixes if s.endswith(bare)}
    return place, {ending}


def _is_bare_form(name: str) -> bool:
    bare = _PLACE_NAMES["bare_development_zone"]
    return name.endswith(bare) and not any(
        name.endswith(s) for s in gazetteer().zone_suffixes if s != bare and s.endswith(bare)
    )


def _merge_short_forms_of_a_named_zone(by_name: dict[tuple[str, str | None], District]) -> None:
    """某某经济开发区 … 某某经开区 … 某某县开发区: a zone the report names in full, then by its abbreviation or
    by its county and a bare 开发区, is one zone, named in full."""
    zones = {key: d for key, d in by_name.items() if d.kind == "zone"}
    # abbreviations first, bare forms last: 某某县开发区 then finds the one zone its abbreviation was merged into
    for key, district in sorted(zones.items(), key=lambda kv: _is_bare_form(kv[1].canonical)):
        forms = _zone_forms(district.canonical)
        if forms is None:
            continue
        place, endings = forms
        if district.canonical in {place + ending for ending in endings}:
            continue  # written in full itself
        # every other zone of the place it may stand for (某某县开发区: its 经济开发区 and its 高新区 alike)
        others = [
            (k, d, other[1])
            for k, d in zones.items()
            if k != key
            and k in by_name
            and d.city == district.city
            and (other := _zone_forms(d.canonical)) is not None
            and other[0] == place
            and other[1] & endings
            and not _is_bare_form(d.canonical)  # another bare form is no zone's full name
        ]
        if len(others) != 1 or others[0][1].canonical not in {place + e for e in others[0][2] & endings}:
            continue
        whole = others[0][1]
        whole.mentions += [m for m in district.mentions if m not in whole.mentions]
        whole.spans = sorted([*whole.spans, *district.spans], key=lambda s: s.start)
        del by_name[key]


_BOOK_TITLE = re.compile(lang.pattern("punctuation", "book_title"))


def _zone_only_in_titles(district: District, titles: list[tuple[int, int]]) -> bool:
    """《某某自由贸易港建设总体方案》公布以来: a zone named only inside the title of a plan or a law is
    what the document is called, not a place the report speaks of."""
    if district.kind != "zone" or not titles:
        return False
    return all(any(s <= span.start and span.end <= e for s, e in titles) for span in district.spans)


REGISTERED_NAME_REACH = 8  # characters of a body's own name between the division and its ending


@cache
def _registered_body_after() -> re.Pattern[str]:
    endings = _PLACE_NAMES["registered_body_endings"]
    return re.compile(rf"({_BODY}{{0,{REGISTERED_NAME_REACH}}}?)(?:{lang.alternation(endings)})")


def _only_opening_registered_bodies(text: str, district: District) -> bool:
    """某区某某家居协会签订…, 某某银行某县支行: a county-level division named only as the opening of an
    association's or a bank branch's name is where the body is registered, not a place the report speaks
    of; a verb between them (某县成立某某协会) ends the name before the body's. A company's name is left
    alone: a project list names its county-level place so (某县某某有限公司年产…项目)."""
    if district.kind not in _DIVISION_KINDS or not district.spans:
        return False
    for span in district.spans:
        match = _registered_body_after().match(text, span.end)
        if match is None or any(flag == "v" for _w, flag in tagged(match.group(1) or "")):
            return False
    return True


def _only_inside_zone_names(district: District, zone_spans: list[tuple[int, int]]) -> bool:
    """长春农安经济技术开发区 and 洪洞经济技术开发区 name the county's zone, not the county: a county named
    only inside or opening zone names (never alone) is not a place of the report."""
    if district.kind in ("zone", "new_area"):
        return False
    return all(any(s <= span.start and span.end <= e for s, e in zone_spans) for span in district.spans)
