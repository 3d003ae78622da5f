"""Language data the backends share: suffix lists (data/*.txt beside this file) and the gazetteers.

Gazetteer entries come from engineer C's `extractors.gazetteer` when it is importable (companies,
districts and their aliases); otherwise from the county-level table that ships with `cpca`, so the
spaCy backend still knows every district name in China.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

DATA = Path(__file__).with_name("data")


def read_list(name: str) -> list[str]:
    """Lines of data/`name`, without comments and blanks, in file order."""
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def rules_word_list(name: str) -> tuple[str, ...]:
    """A word list of the rules engine (extractors/data/NAME), or () when it is not there."""
    try:
        from zhaoyin.extractors.segment import read_word_list

        return tuple(read_word_list(name))
    except (ImportError, OSError):
        return ()


@cache
def company_suffixes() -> tuple[str, ...]:
    """Ours plus the rules engine's (extractors/data/company_suffixes.txt) when it is there."""
    suffixes = set(read_list("company_suffixes.txt")) | set(rules_word_list("company_suffixes.txt"))
    return tuple(sorted(suffixes, key=len, reverse=True))


@cache
def generic_company_cores() -> frozenset[str]:
    """What before 公司/集团 names nobody (跨国, 租赁, 新能源): ours, the rules engine's generic names and
    its industry terms."""
    return frozenset(
        read_list("generic_company_cores.txt")
        + list(rules_word_list("company_generic_names.txt"))
        + list(rules_word_list("industry_terms.txt"))
    )


def company_core(name: str) -> str:
    """The name without its enterprise suffix: 北京联东投资集团 → 北京联东投资."""
    name = strip_brackets(name)
    for suffix in company_suffixes():
        if name.endswith(strip_brackets(suffix)):
            return name[: -len(suffix)]
    return name


@cache
def org_suffixes() -> tuple[str, ...]:
    suffixes = set(read_list("org_suffixes.txt")) | set(rules_word_list("organization_suffixes.txt"))
    return tuple(sorted(suffixes, key=len, reverse=True))


@cache
def zone_suffix_strength() -> dict[str, str]:
    """Zone endings → "strong" (a zone after any name: 董家口综合保税区) or "weak" (only after a place name).

    The gazetteer's zone_suffixes.tsv when it is there (with its abbreviations, weak), plus ours (weak)."""
    strength = dict.fromkeys(read_list("zone_suffixes.txt"), "weak")
    tsv = Path(__file__).parent.parent / "gazetteer" / "zone_suffixes.tsv"
    if tsv.is_file():
        rows = [line for line in tsv.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        for row in csv.DictReader(rows, delimiter="\t"):
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
    return name_boundary_tokens() - frozenset(read_list("name_inside_words.txt"))


@cache
def generic_company_nouns() -> tuple[str, ...]:
    return tuple(read_list("generic_company_nouns.txt"))


@cache
def name_boundary_tokens() -> frozenset[str]:
    """Words that cannot begin an enterprise name: ours and the rules engine's left boundaries."""
    return frozenset(read_list("name_boundary_tokens.txt")) | frozenset(
        rules_word_list("company_left_boundaries.txt")
    )


def strip_brackets(name: str) -> str:
    return name.replace("（", "(").replace("）", ")").strip()


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
    """Short names of large enterprises (宁德时代, 奇瑞) the rules engine knows, each its own canonical."""
    return {name: name for name in rules_word_list("company_brands.txt")}


_DISTRICT_KINDS = {"district", "county_city", "county", "new_area", "zone"}


def _from_engineer_c() -> Lexicon | None:
    """C's gazetteer (extractors.gazetteer): names, short forms, cities and provinces."""
    try:
        from zhaoyin.extractors.gazetteer import CITY, NAME, PROVINCE, SHORT, city_short, gazetteer
    except ImportError:
        return None
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
    if not districts:
        return None
    return Lexicon(brand_companies(), districts, shorts, frozenset(places), "zhaoyin.extractors.gazetteer")


def _from_cpca() -> Lexicon:
    """County-level names (区/县/县级市/旗) of the national table shipped with cpca."""
    districts: dict[str, str] = {}
    places: set[str] = set()
    try:
        table = resources.files("cpca.resources").joinpath("adcodes.csv").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return Lexicon(source="none")
    for row in csv.DictReader(table.splitlines()):
        code, name = row["adcode"], row["name"]
        if code[4:6] != "00":
            districts[name] = name
        else:
            places.add(name)
            if name.endswith("市") and len(name) > 2:
                places.add(name[:-1])
    places |= set(districts)
    return Lexicon(brand_companies(), districts, {}, frozenset(places), "cpca")


@cache
def lexicon() -> Lexicon:
    return _from_engineer_c() or _from_cpca()
