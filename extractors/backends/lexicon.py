"""Language data the backends share, read from extractors/lang: enterprise and organisation endings,
zone endings, name boundaries, and the gazetteer's places as a lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from zhaoyin.extractors import lang
from zhaoyin.extractors.gazetteer import CITY, NAME, PROVINCE, SHORT, city_short, gazetteer
from zhaoyin.extractors.keys import split_ending


@cache
def company_suffixes() -> tuple[str, ...]:
    """Legal forms and the other endings of enterprise names (控股, 银行), longest first."""
    return tuple(
        lang.longest_first(set(lang.words("company_legal_forms")) | set(lang.words("company_name_endings")))
    )


@cache
def generic_company_cores() -> frozenset[str]:
    """What before 公司/集团 names nobody (跨国, 租赁, 新能源): generic names and industry terms."""
    return lang.word_set("company_generic_names") | lang.word_set("industry_terms")


def company_core(name: str) -> str:
    """The name without its enterprise suffix: 北京联东投资集团 → 北京联东投资."""
    return split_ending(strip_brackets(name), company_suffixes())[0]


@cache
def org_suffixes() -> tuple[str, ...]:
    return tuple(lang.longest_first(lang.word_set("organization_endings")))


@cache
def zone_suffix_strength() -> dict[str, str]:
    """Zone endings → "strong" (a zone after any name: 董家口综合保税区) or "weak" (only after a place name).

    zone_suffixes.tsv with its abbreviations (weak), plus the backends' further endings (weak)."""
    strength = dict.fromkeys(lang.words("zone_endings_backends"), "weak")
    for row in lang.table("zone_suffixes"):
        strength[row["suffix"]] = row.get("strength") or "weak"
        if row.get("abbreviation"):
            strength.setdefault(row["abbreviation"], "weak")
    return strength


def zone_suffixes(strength: str | None = None) -> tuple[str, ...]:
    table = zone_suffix_strength()
    chosen = {s for s, level in table.items() if strength is None or level == strength}
    return tuple(sorted(chosen, key=len, reverse=True))


@cache
def name_inner_stop_tokens() -> frozenset[str]:
    """Boundary words that cannot stand inside a name either (与, 引进, 签约 …)."""
    return name_boundary_tokens() - lang.word_set("name_inside_words")


@cache
def generic_company_nouns() -> tuple[str, ...]:
    return lang.words("generic_company_nouns")


@cache
def name_boundary_tokens() -> frozenset[str]:
    """Words that cannot begin an enterprise name."""
    return lang.word_set("name_left_boundaries") | lang.word_set("name_left_boundaries_backends")


_ROUND_BRACKETS = str.maketrans(lang.data("punctuation")["round_bracket_folding"])


def strip_brackets(name: str) -> str:
    return name.translate(_ROUND_BRACKETS).strip()


def is_company_name(name: str) -> bool:
    """An organisation name that ends like an enterprise (有限公司, 集团 …) rather than a body (政府, 大学 …)."""
    name = strip_brackets(name)
    if len(name) < 3:
        return False
    return any(name.endswith(strip_brackets(s)) and len(name) > len(s) for s in company_suffixes())


@dataclass(frozen=True)
class Lexicon:
    """Surface form → canonical name, per label.

    `short_districts` map short forms (城阳 → 城阳区) that only count in a text about their city:
    surface → (canonical, city names that license it). `places` are names a zone may start with.
    """

    companies: dict[str, str] = field(default_factory=dict)
    districts: dict[str, str] = field(default_factory=dict)
    short_districts: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    source: str = "none"

    def words(self) -> set[str]:
        return set(self.companies) | set(self.districts) | set(self.short_districts) | set(self.places)


def brand_companies() -> dict[str, str]:
    """Short names of large enterprises (宁德时代, 奇瑞), each its own canonical."""
    return {name: name for name in lang.words("company_brands")}


_DISTRICT_KINDS = {"district", "county_city", "county", "new_area", "zone"}


@cache
def lexicon() -> Lexicon:
    """The gazetteer's names, short forms, cities and provinces."""
    districts: dict[str, str] = {}
    shorts: dict[str, tuple[str, tuple[str, ...]]] = {}
    places: set[str] = set()
    for surface, entries in gazetteer().surfaces.items():
        for entry in entries:
            place = entry.place
            if entry.form in (CITY, PROVINCE):
                places.add(surface)
            elif place.kind in _DISTRICT_KINDS and entry.form == NAME:
                districts.setdefault(surface, place.canonical)
                places.add(surface)
            elif place.kind in _DISTRICT_KINDS and entry.form == SHORT and place.city:
                licences = tuple(filter(None, {place.city, city_short(place.city)}))
                shorts.setdefault(surface, (place.canonical, licences))
    for surface in districts:
        shorts.pop(surface, None)
    return Lexicon(brand_companies(), districts, shorts, frozenset(places), "zhaoyin.extractors.gazetteer")
