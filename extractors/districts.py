"""Districts, county-level cities, counties, new areas and functional zones mentioned in a text.

The document's city is what most place mentions point to; short forms (城阳), bare zone names (新区,
自贸片区) and names shared by several cities (鼓楼区) are resolved against it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from extractors.gazetteer import CITY, CONTEXT, NAME, PROVINCE, SHORT, Place, Surface, gazetteer
from extractors.segment import tokens_before, word_frequency
from schemas import District, Span

# A place name followed by these is a street or village named after it (即墨路, 平度路), not the place.
_NOT_A_PLACE_AFTER = set("路街巷弄")
# A bare context form (新区) counts only after a boundary: punctuation, a line start, or one of these words.
_CONTEXT_LEFT = set("在和与及的是将该全为到至了赴于")
_FUNCTION_CHARS = _CONTEXT_LEFT | set("等各个其此")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BODY = r"(?:(?![的和与及在等将是为对向从把被各、，。；：])[\u4e00-\u9fffA-Za-z0-9（）()·-])"
_SUB_AREA = re.compile(r"([\u4e00-\u9fff]{2,4}?)片区")
_JOINT_PREFIX = re.compile(r"中[\u4e00-\u9fff]{1,2}[（(]$")
_NATIONAL = re.compile(rf"国家(?!级){_BODY}{{2,10}}?(?:示范区|试验区|实验区|合作区)")
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
        out.append((start, end + 1, surface))
    return _split_city_prefix(text, out)


def _split_city_prefix(text: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """青岛市南区 reads 青岛 + 市南区: a city name whose 市 starts one of its own districts gives it up."""
    out = []
    for index, (start, end, surface) in enumerate(hits):
        following = hits[index + 1][0] if index + 1 < len(hits) else len(text)
        district = None
        if surface.endswith("市") and following >= end:
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


def _choose(entries: list[Surface], city: str | None, province: str | None) -> Place | None:
    places = [e.place for e in entries]
    for match in (lambda p: p.city == city, lambda p: p.province == province):
        fitting = [p for p in places if match(p)]
        if fitting:
            return fitting[0]
    return places[0] if places else None


def document_city(text: str, hits: list[tuple[int, int, str]] | None = None) -> str | None:
    """The prefecture-level city most place mentions in `text` belong to."""
    votes: Counter[str] = Counter()
    for _start, _end, surface in hits if hits is not None else _hits(text):
        entries = gazetteer().places_named(surface)
        cities = {e.place.city for e in entries if e.form in (NAME, CITY) and e.place.city}
        if len(cities) == 1:
            votes[cities.pop()] += 1
    return votes.most_common(1)[0][0] if votes else None


def _context_boundary(text: str, start: int) -> bool:
    return start == 0 or not _HAN.match(text[start - 1]) or text[start - 1] in _CONTEXT_LEFT


def _resolve(text: str, hits, city: str | None, province: str | None) -> list[_Hit]:
    out = []
    for start, end, surface in hits:
        if end < len(text) and text[end] in _NOT_A_PLACE_AFTER:
            continue
        entries = gazetteer().places_named(surface)
        forms = {e.form for e in entries}
        if NAME in forms:
            place = _choose([e for e in entries if e.form == NAME], city, province)
        elif SHORT in forms and city:
            place = next((e.place for e in entries if e.form == SHORT and e.place.city == city), None)
        elif CONTEXT in forms and city and _context_boundary(text, start):
            place = next((e.place for e in entries if e.form == CONTEXT and e.place.city == city), None)
        else:
            place = None
        if place is not None:
            out.append(_Hit(start, end, place))
    return out


def _suffix_pattern() -> re.Pattern[str]:
    suffixes = sorted(gazetteer().zone_suffixes, key=len, reverse=True)
    abbreviations = [a for a, _s in gazetteer().zone_suffixes.values() if a]
    alternatives = "|".join(map(re.escape, suffixes + abbreviations))
    return re.compile(rf"{_BODY}{{0,10}}?(?:{alternatives})")


_SUFFIX_RE: re.Pattern[str] | None = None
_STRONG_RE: re.Pattern[str] | None = None


def _zone_canonical(surface: str) -> str:
    for suffix, (abbreviation, _strength) in gazetteer().zone_suffixes.items():
        if abbreviation and surface.endswith(abbreviation):
            return surface[: -len(abbreviation)] + suffix
    return surface


def _generic_zones(text: str, hits, city: str | None, province: str | None) -> list[_Hit]:
    """Zones the gazetteer does not list: a known place + a name + a zone suffix (青岛国际招商产业园),
    中日（青岛）…示范区, 国家…示范区, and an unknown name + a strong suffix (董家口综合保税区)."""
    global _SUFFIX_RE, _STRONG_RE
    if _SUFFIX_RE is None:
        _SUFFIX_RE = _suffix_pattern()
        strong = [s for s, (_a, kind) in gazetteer().zone_suffixes.items() if kind == "strong"]
        strong += [a for s, (a, kind) in gazetteer().zone_suffixes.items() if kind == "strong" and a]
        _STRONG_RE = re.compile("|".join(map(re.escape, sorted(strong, key=len, reverse=True))))
    found: list[_Hit] = []
    for start, end, surface in hits:
        entries = gazetteer().places_named(surface)
        prefix_city = next(
            (e.place.city for e in entries if e.form in (NAME, CITY, SHORT) and e.place.city), None
        )
        if prefix_city is None or any(e.place.kind in ("zone", "new_area") for e in entries):
            continue
        match = _SUFFIX_RE.match(text, end)
        if not match or any(end <= other < match.end() for other, _e, _s in hits):
            continue
        zone_start = start
        if text[end] in ")）":
            left = _JOINT_PREFIX.search(text, max(0, start - 4), start)
            if not left:
                continue
            zone_start = left.start()
        name = text[zone_start : match.end()]
        found.append(
            _Hit(zone_start, match.end(), Place(_zone_canonical(name), "zone", prefix_city, province))
        )
    for match in _NATIONAL.finditer(text):
        found.append(_Hit(match.start(), match.end(), Place(match.group(0), "zone", city, province)))
    for match in _STRONG_RE.finditer(text):
        name_start = match.start()
        for word, w_start, _w_end in reversed(tokens_before(text, match.start(), 8)):
            everyday = len(word) > 1 and word_frequency(word) >= RARE_WORD_FREQ
            if not _HAN.match(word) or everyday or word in _FUNCTION_CHARS:
                break
            if match.start() - w_start > 6:
                break
            name_start = w_start
        if match.start() - name_start >= 2:
            name = text[name_start : match.end()]
            found.append(_Hit(name_start, match.end(), Place(_zone_canonical(name), "zone", city, province)))
    return found


def _sub_areas(text: str, zone_hits: list[_Hit], city: str | None) -> list[_Hit]:
    """临空经济示范区 + 平度片区: a zone's part named after one of the city's districts."""
    out = []
    for hit in zone_hits:
        match = _SUB_AREA.match(text, hit.end)
        if not match:
            continue
        entries = gazetteer().places_named(match.group(1))
        if any(e.form in (NAME, SHORT) and e.place.city == (hit.place.city or city) for e in entries):
            name = text[hit.start : match.end()]
            out.append(
                _Hit(hit.start, match.end(), Place(name, "zone", hit.place.city or city, hit.place.province))
            )
    return out


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Longest first; a hit inside a longer zone name is dropped unless it is a district (平度 in 平度片区)."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        inside = any(k.start <= hit.start and hit.end <= k.end for k in kept)
        if inside and hit.place.kind in ("zone", "new_area"):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def find_districts(text: str) -> tuple[list[District], str | None]:
    hits = _hits(text)
    city = document_city(text, hits)
    province = next((e.place.province for e in gazetteer().places_named(city or "") if e.form == CITY), None)
    place_hits = [
        h for h in hits if any(e.form not in (CITY, PROVINCE) for e in gazetteer().places_named(h[2]))
    ]
    resolved = _resolve(text, place_hits, city, province)
    generic = _generic_zones(text, hits, city, province)
    zones = [h for h in resolved + generic if h.place.kind in ("zone", "new_area")]
    resolved = _without_overlaps(resolved + generic + _sub_areas(text, zones, city))

    by_name: dict[str, District] = {}
    for hit in resolved:
        place = hit.place
        district = by_name.get(place.canonical)
        if district is None:
            district = by_name[place.canonical] = District(
                canonical=place.canonical,
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
    return list(by_name.values()), city
