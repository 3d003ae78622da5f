"""Places of China the extractors recognize: county-level divisions, cities, provinces and functional zones.

Runtime reads only the TSV files of extractors/lang (see build_admin_divisions.py for where the divisions
come from). Everything is loaded once per process into one Aho-Corasick automaton.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cache

import ahocorasick

from zhaoyin.extractors import lang
from zhaoyin.extractors.text import halfwidth

# How a surface form may be used: NAME stands alone; SHORT and CONTEXT (新区, 自贸片区) need the document's
# city to fit; CITY and PROVINCE only tell which city a document is about.
NAME, SHORT, CONTEXT, CITY, PROVINCE = "name", "short", "context", "city", "province"

_PLACE_NAMES = lang.data("place_names")
# the press's short forms of a national zone's name, and the name written with its level
_NATIONAL_FORMS = (
    *_PLACE_NAMES["national_short_forms"].items(),
    *_PLACE_NAMES["national_level_forms"].items(),
)
_PROVINCE_SUFFIX = re.compile(lang.pattern("place_names", "province_ending"))
_CITY_SUFFIX = re.compile(lang.pattern("place_names", "city_ending"))
_FTZ_AREA = _PLACE_NAMES["ftz_area"]


@dataclass(frozen=True, slots=True)
class Place:
    canonical: str
    kind: str  # district | county_city | county | new_area | zone | city | province
    city: str | None
    province: str | None
    admin_code: str | None = None


@dataclass(frozen=True, slots=True)
class Surface:
    form: str  # NAME | SHORT | CONTEXT | CITY | PROVINCE
    place: Place


@dataclass
class Gazetteer:
    surfaces: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    zone_suffixes: dict[str, tuple[str, str]] = field(default_factory=dict)  # suffix → (full form, strength)
    automaton: ahocorasick.Automaton | None = None
    _by_city: dict[str, frozenset[str]] | None = field(default=None, repr=False, compare=False)

    def add(self, surface: str, form: str, place: Place) -> None:
        if len(surface) < 2:
            return
        entries = self.surfaces[halfwidth(surface)]
        if not any(e.place == place and e.form == form for e in entries):
            entries.append(Surface(form, place))

    def places_named(self, surface: str) -> list[Surface]:
        return self.surfaces.get(surface, [])

    def strong_zone_suffixes(self) -> tuple[str, ...]:
        """The endings that make a zone after any name (董家口综合保税区), not only after a known place."""
        return tuple(s for s, (_a, strength) in self.zone_suffixes.items() if strength == "strong")

    def surfaces_in_city(self, city: str) -> frozenset[str]:
        """Every surface form naming a place of `city` (indexed on first use, after the build)."""
        if self._by_city is None:
            by_city: dict[str, set[str]] = defaultdict(set)
            for surface, entries in self.surfaces.items():
                for entry in entries:
                    if entry.place.city is not None:
                        by_city[entry.place.city].add(surface)
            self._by_city = {c: frozenset(s) for c, s in by_city.items()}
        return self._by_city.get(city, frozenset())

    def all_names(self, kinds: set[str] | None = None) -> list[str]:
        """Surface forms a segmenter should never split."""
        return [
            s
            for s, entries in self.surfaces.items()
            if any(
                e.form in (NAME, SHORT, CITY) and (kinds is None or e.place.kind in kinds) for e in entries
            )
        ]


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return lang.table(name)


def province_short(name: str) -> str:
    short = _PROVINCE_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def city_short(name: str) -> str:
    short = _CITY_SUFFIX.sub("", name)
    return short if len(short) >= 2 and short != name else ""


def _autonomous_prefecture_shorts(name: str) -> list[str]:
    """黔东南苗族侗族自治州 → 黔东南州, 黔东南; 楚雄彝族自治州 → 楚雄州, 楚雄."""
    ending = _PLACE_NAMES["autonomous_prefecture_ending"]
    if not name.endswith(ending):
        return []
    place = name.removesuffix(ending)
    peoples = sorted(_PLACE_NAMES["autonomous_prefecture_peoples"], key=len, reverse=True)
    while people := next((p for p in peoples if place.endswith(p) and len(place) > len(p) + 1), None):
        place = place.removesuffix(people)
    if place == name.removesuffix(ending) or len(place) < 2:
        return []
    shorts = [place + _PLACE_NAMES["autonomous_prefecture_short_ending"]]
    return shorts + ([place] if place not in _PLACE_NAMES["autonomous_prefecture_bare_elsewhere"] else [])


def _autonomous_division_form(name: str) -> str | None:
    """石柱土家族自治县 → 石柱县, 宽城满族自治县 → 宽城县, 鄂温克族自治旗 → 鄂温克旗: how the press writes an
    autonomous county or banner."""
    ending, plain = next(
        ((e, p) for e, p in _PLACE_NAMES["autonomous_division_endings"].items() if name.endswith(e)),
        (None, None),
    )
    if ending is None:
        return None
    place = name.removesuffix(ending)
    peoples = sorted(_PLACE_NAMES["autonomous_division_peoples"], key=len, reverse=True)
    while people := next((p for p in peoples if place.endswith(p) and len(place) > len(p)), None):
        place = place.removesuffix(people)
    if place in peoples:  # 鄂温克族自治旗: the people is the place
        place = place.removesuffix(_PLACE_NAMES["people_ending"])
    return place + plain if len(place) >= 2 else None


def _add_whole_ftz(gaz: Gazetteer, short: str, province: str, municipality: str | None) -> None:
    """中国（陕西）自由贸易试验区: the province's whole pilot free trade zone, in no one city."""
    whole = _FTZ_AREA["whole"].format(province=short)
    if gaz.places_named(whole):
        return
    zone = Place(whole, "zone", municipality, province)
    gaz.add(whole, NAME, zone)
    for alias in _FTZ_AREA["whole_aliases"]:
        if not gaz.places_named(alias.format(province=short)):
            gaz.add(alias.format(province=short), NAME, zone)
    if municipality:
        for bare in _FTZ_AREA["whole_bare"]:
            gaz.add(bare, CONTEXT, zone)


def _zone_aliases(gaz: Gazetteer, place: Place) -> None:
    """高新技术产业开发区 → 高新区 and the like; the bare abbreviation is added by _bare_abbreviations."""
    names = {place.canonical}
    if place.province and place.city:
        without_province = place.canonical.removeprefix(province_short(place.province))
        if without_province.startswith(city_short(place.city) or place.city):  # 河北唐山芦台… → 唐山芦台…
            names.add(without_province)
    if place.city:
        short = city_short(place.city) or place.city
        names |= {n.replace(place.city, short, 1) for n in list(names)}
        # the city written whole before the zone's ending alone (吉林市经济技术开发区 is 吉林经济技术开发区),
        # not before a zone's own name (南昌市 小蓝经开区: the city, then the zone as the report names it)
        names |= {place.city + n[len(short) :] for n in list(names) if n[len(short) :] in gaz.zone_suffixes}
    for suffix, (abbreviation, _strength) in gaz.zone_suffixes.items():
        if abbreviation:
            names |= {n[: -len(suffix)] + abbreviation for n in list(names) if n.endswith(suffix)}
            short = city_short(place.city or "")
            if short and place.canonical.endswith(suffix) and f"{short}{abbreviation}" in names:
                names.add(f"{place.city}{abbreviation}")  # the city written whole: 兰州市高新区
    for name in names - {place.canonical}:
        if len(name) > 3:
            gaz.add(name, NAME, place)


def _area_form(gaz: Gazetteer, place: Place) -> None:
    """潍坊滨海经济技术开发区 is 潍坊滨海区 too: the city's short name, the zone's own name and 区, when no
    other place is so called."""
    short = city_short(place.city or "")
    if not short or not place.canonical.startswith(short):
        return
    for full, area in _PLACE_NAMES["national_area_forms"].items():
        own = place.canonical.removeprefix(short).removesuffix(full)
        taken = any(gaz.places_named(name) for name in (short + own + area, own + area, own))
        if place.canonical.endswith(full) and len(own) >= 2 and not taken:  # 天津西青区 is the district
            gaz.add(short + own + area, NAME, place)


def city_prefix(place: Place) -> str:
    """The city's name (or short name) that a place's canonical name opens with, else "" (海口|江东新区)."""
    return next(
        (p for p in (place.city, city_short(place.city or "")) if p and place.canonical.startswith(p)), ""
    )


def _without_city_prefix(gaz: Gazetteer, place: Place, *, keep_canonical: bool = False) -> None:
    """天津滨海高新技术产业开发区 is 滨海高新区 in a report about Tianjin: the name without its city, in
    context only, and so named (the report writes no city into it). A zone the division table registers
    under its city's name (沧州渤海新区, 130973) keeps that registered name (`keep_canonical`)."""
    prefix = city_prefix(place)
    if not prefix:
        return
    rest = place.canonical[len(prefix) :]
    # the zone as the report calls it, the city being context: 小蓝经开区 is 小蓝经济技术开发区
    as_written = place if keep_canonical else replace(place, canonical=rest)
    # the longest ending: 县|经济开发区 leaves a county's ending, no name of its own (株洲县经济开发区)
    suffix = max((x for x in gaz.zone_suffixes if rest.endswith(x)), key=len, default="")
    if suffix and len(rest) - len(suffix) >= 2:
        gaz.add(rest, CONTEXT, as_written)
        if abbreviation := gaz.zone_suffixes[suffix][0]:
            gaz.add(rest[: -len(suffix)] + abbreviation, CONTEXT, as_written)


def _bare_abbreviations(gaz: Gazetteer, zones: list[Place]) -> None:
    """A bare 高新区 or 自贸片区 means the city's own zone when the city has exactly one of that kind."""
    per_city: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for place in zones:
        # a bare 经开区 in the city's press is the city's own (合肥…), not a county's (肥西…)
        the_citys_own = bool(place.city) and (city_short(place.city) or place.city) in place.canonical
        for suffix, (abbreviation, _strength) in gaz.zone_suffixes.items():
            if abbreviation and the_citys_own and place.canonical.endswith(suffix):
                per_city[(place.city, abbreviation)].append(place)
        for suffix, abbreviation in _PLACE_NAMES["bare_abbreviation_also"].items():
            if the_citys_own and place.canonical.endswith(suffix):
                per_city[(place.city, abbreviation)].append(place)
        ftz_area = place.canonical.startswith(_FTZ_AREA["opening"]) and place.canonical.endswith(
            _FTZ_AREA["ending"]
        )
        if place.city and ftz_area:
            for bare in _FTZ_AREA["bare"]:
                per_city[(place.city, bare)].append(place)
    for (_city, bare), places in per_city.items():
        places = list(dict.fromkeys(places))  # a zone both tables list counts once
        if len(places) == 1:
            gaz.add(bare, CONTEXT, places[0])


def _after_their_city(gaz: Gazetteer) -> None:
    """新北市莺歌, 台中大雅: a Taiwan district without its 区, too common a word for a short form of its own,
    is that district right after its city's name."""
    ending = _PLACE_NAMES["district_ending"]
    for row in _rows("taiwan_divisions"):
        name, city = row["name"], row["city"]
        if row["short"] or not city or not name.endswith(ending) or len(name) < 3:
            continue
        place = next((e.place for e in gaz.places_named(name) if e.place.city == city), None)
        if place is None:
            continue
        for written_city in {city, city_short(city) or city}:
            if not gaz.places_named(written_city + name[: -len(ending)]):
                gaz.add(written_city + name[: -len(ending)], NAME, place)


def _former_divisions(gaz: Gazetteer) -> None:
    """九江县, 即墨市: a division's former name is a place of its own, with its successor's code, unless the
    name belongs to a division of today."""
    kinds = _PLACE_NAMES["division_kind_by_ending"]
    for row in _rows("former_admin_divisions"):
        successor = next(
            (
                e.place
                for e in gaz.places_named(row["successor"])
                if e.form == NAME and e.place.city == row["city"]
            ),
            None,
        )
        if successor is None or gaz.places_named(row["name"]):
            continue
        kind = kinds[row["name"][-1]]
        gaz.add(
            row["name"],
            NAME,
            Place(row["name"], kind, successor.city, successor.province, successor.admin_code),
        )


def _build() -> Gazetteer:
    gaz = Gazetteer()
    gaz.zone_suffixes = {
        row["suffix"]: (row["abbreviation"] or "", row["strength"]) for row in _rows("zone_suffixes")
    }
    provinces: dict[str, Place] = {}
    cities: dict[str, Place] = {}
    zones: list[Place] = []
    autonomous_forms: list[tuple[str, Place]] = []

    for row in (*_rows("admin_divisions"), *_rows("taiwan_divisions"), *_rows("recent_admin_divisions")):
        province = provinces.setdefault(
            row["province"], Place(row["province"], "province", None, row["province"])
        )
        city = None
        if row["city"]:
            city = cities.setdefault(row["city"], Place(row["city"], "city", row["city"], row["province"]))
        kind = row["kind"]
        place = Place(
            row["name"],
            kind,
            city.canonical if city else None,
            province.canonical,
            None if kind == "zone" else row["code"] or None,
        )
        # two-character full names (城区, 矿区, 东区) are everyday words, not mentions
        if len(place.canonical) > 2 or place.canonical.endswith(_PLACE_NAMES["county_ending"]):
            gaz.add(place.canonical, NAME, place)
        if row["short"]:
            gaz.add(row["short"], SHORT, place)
        if kind == "zone":
            zones.append(place)
            _without_city_prefix(gaz, place, keep_canonical=True)
        if (written := _autonomous_division_form(place.canonical)) and written != place.canonical:
            autonomous_forms.append((written, place))

    _after_their_city(gaz)
    for written, place in autonomous_forms:
        entries = gaz.places_named(written)
        if not entries:
            gaz.add(written, NAME, place)
        elif all(e.place == place for e in entries):
            # 东乡县, 河南县: the county's short form, being its written form with 县, is sure on its own
            gaz.surfaces[halfwidth(written)] = [Surface(NAME, place)]
    _former_divisions(gaz)

    for row in _rows("zones"):
        place = Place(
            row["canonical"],
            row["kind"],
            row["city"] or None,
            row["province"] or None,
            row["admin_code"] or None,
        )
        for name in [place.canonical, *filter(None, row["aliases"].split("|"))]:
            # the same place seen by the division table (兰州新区 as a zone) gives way to this fuller entry
            key = halfwidth(name)
            gaz.surfaces[key] = [e for e in gaz.surfaces.get(key, []) if e.place.city != place.city]
            gaz.add(name, NAME, place)
        for alias in filter(None, row["context_aliases"].split("|")):
            gaz.add(alias, CONTEXT, place)
        zones.append(place)
        if (
            place.admin_code
        ):  # the new area replaces the division it is coterminous with (黄岛区 → 西海岸新区)
            for surface, entries in gaz.surfaces.items():
                gaz.surfaces[surface] = [
                    Surface(e.form, place)
                    if e.place.admin_code == place.admin_code and e.place != place
                    else e
                    for e in entries
                ]

    for row in _rows("undivided_cities"):
        cities.setdefault(row["city"], Place(row["city"], "city", row["city"], row["province"]))

    for row in _rows("national_zones"):
        place = Place(row["canonical"], "zone", row["city"] or None, row["province"] or None)
        if row["city"] and row["province"]:  # cities without counties (东莞, 中山) appear only here
            cities.setdefault(row["city"], Place(row["city"], "city", row["city"], row["province"]))
        gaz.add(place.canonical, NAME, place)
        for full, shorts in _NATIONAL_FORMS:
            if place.canonical.endswith(full) and len(place.canonical) - len(full) >= 2:
                for short in shorts:  # 昆山开发区, 昆山经济开发区; 玉溪国家高新区
                    written = place.canonical[: -len(full)] + short
                    if all(e.place.canonical == place.canonical for e in gaz.places_named(written)):
                        gaz.add(written, NAME, place)
        _area_form(gaz, place)
        _without_city_prefix(gaz, place)
        zones.append(place)

    for row in _rows("ftz_areas"):
        province = next((p for p in provinces if province_short(p) == row["province"]), row["province"])
        area, short = row["area"], row["province"]
        canonical = _FTZ_AREA["canonical"].format(province=short, area=area)
        place = Place(canonical, "zone", row["city"], province)
        gaz.add(place.canonical, NAME, place)
        for alias in _FTZ_AREA["aliases"]:
            gaz.add(alias.format(province=short, area=area), NAME, place)
        zones.append(place)
        municipality = row["city"] if province_short(row["city"]) == short else None
        _add_whole_ftz(gaz, short, province, municipality)
    for short in _FTZ_AREA["wholes_without_areas"]:
        province = next((p for p in provinces if province_short(p) == short), short)
        _add_whole_ftz(gaz, short, province, None)

    for place in zones:
        _zone_aliases(gaz, place)
    _bare_abbreviations(gaz, zones)

    for city in cities.values():
        gaz.add(city.canonical, CITY, city)
        if short := city_short(city.canonical):
            gaz.add(short, CITY, city)
        for abbreviation in _PLACE_NAMES["city_abbreviations"].get(city.canonical, []):
            if abbreviation not in gaz.surfaces:
                gaz.add(abbreviation, CITY, city)
    for city in cities.values():
        for short in _autonomous_prefecture_shorts(city.canonical):
            if short not in gaz.surfaces:  # 海南 is a province, 巴州 a district's short form
                gaz.add(short, CITY, city)
    for province in provinces.values():
        gaz.add(province.canonical, PROVINCE, province)
        gaz.add(province_short(province.canonical), PROVINCE, province)

    automaton = ahocorasick.Automaton()
    for surface in gaz.surfaces:
        automaton.add_word(surface, surface)
    automaton.make_automaton()
    gaz.automaton = automaton
    return gaz


_LOCK = threading.Lock()
_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        with _LOCK:
            if _GAZETTEER is None:
                _GAZETTEER = _build()
    return _GAZETTEER


@dataclass(frozen=True, slots=True)
class Towns:
    """The towns (镇, 乡, 街道) of one city: each written form → the county-level division it belongs to.
    A town is never a district itself; full names are sure, short forms (towns.tsv's safe ones, and none
    that names another place) only where their use says they are a place."""

    full: dict[str, Place]
    short: dict[str, Place]


def _counties_by_code() -> dict[str, Place]:
    by_code: dict[str, Place] = {}
    for entries in gazetteer().surfaces.values():
        for entry in entries:
            if entry.form == NAME and entry.place.admin_code and entry.place.kind != "zone":
                by_code.setdefault(entry.place.admin_code, entry.place)
    return by_code


@cache
def _towns_by_city() -> dict[str, Towns]:
    by_code = _counties_by_code()
    full: dict[str, dict[str, set[Place]]] = defaultdict(lambda: defaultdict(set))
    short: dict[str, dict[str, set[Place]]] = defaultdict(lambda: defaultdict(set))
    for row in _rows("towns"):
        county = by_code.get(row["county"])
        if county is None or county.city is None:
            continue
        full[county.city][halfwidth(row["name"])].add(county)
        if row["short"] and not gazetteer().places_named(row["short"]):
            short[county.city][halfwidth(row["short"])].add(county)
    return {
        city: Towns(
            {name: next(iter(p)) for name, p in full[city].items() if len(p) == 1},
            {name: next(iter(p)) for name, p in short[city].items() if len(p) == 1},
        )
        for city in full
    }


@cache
def every_town_name() -> frozenset[str]:
    """The full name of every town in the country (镇, 乡, 街道), whatever city it belongs to: written
    whole, a town is a town even where the report's city is not known."""
    return frozenset(halfwidth(row["name"]) for row in _rows("towns"))


def towns_of(city: str | None) -> Towns:
    """The towns of `city` (see Towns); none when the city is not known."""
    return _towns_by_city().get(city or "", Towns({}, {}))
