"""Resolution keys and evidence sentences of extracted records: pure functions of names and the text.

The warehouse joins companies and projects across documents on these keys and stores the evidence sentence
of every record as given; it does no normalizing or sentence splitting of its own.

- `name_key`: the comparable form of a name (NFKC, simplified script, lower case, no brackets or spaces);
- `company_core`: a company name's key without its legal-form ending, and whether it had one;
- `project_key`: a project name's key without its company's names and a generic ending;
- `generic_chars`: the characters of a project key that say what kind of thing it is (基地, 产业…), which
  project linkage does not look a name up by;
- `district_path`: a district's place in the hierarchy city ⊃ county ⊃ zone, from the gazetteer;
- `EvidenceSentences`: the sentence around a span (sentence-final punctuation and newlines bound it).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from pydantic import BaseModel

from zhaoyin.extractors import lang
from zhaoyin.extractors.script import simplified_view
from zhaoyin.schemas import CompanyKey, District, Extraction

BRAND_MIN_CHARS = 3  # a leading part shared with the company name this long is its brand, not the project
_DROPPED = lang.char_set("name_key_dropped")
_GENERIC_NAME_CHARS = lang.char_set("generic_project_name")
_NUMBERS = re.compile(lang.pattern("project_words", "key_numbers"))


@cache
def company_legal_forms() -> tuple[str, ...]:
    forms = lang.words("company_legal_forms") + lang.words("company_legal_forms_latin")
    return tuple(lang.longest_first({name_key(s) for s in forms}))


@cache
def project_suffixes() -> tuple[str, ...]:
    return tuple(lang.longest_first({name_key(s) for s in lang.words("project_suffixes")}))


@lru_cache(maxsize=16384)  # a document's names come back in its records, mentions and resolution keys
def name_key(name: str) -> str:
    """Comparable form of a name: NFKC (full-width brackets → half-width), simplified script (深港聯創 = 深港联创),
    lower case, no brackets/spaces."""
    folded = simplified_view(unicodedata.normalize("NFKC", name))
    return "".join(ch for ch in folded.lower() if ch not in _DROPPED)


def split_ending(name: str, endings: Iterable[str]) -> tuple[str, str]:
    """(name without its ending, the ending) for the first of `endings` (give them longest first) that the
    name ends with and is longer than; (name, "") when none."""
    for ending in endings:
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)], ending
    return name, ""


def company_core(name: str) -> tuple[str, bool]:
    """(core, is_registered_name): 宁德时代新能源科技股份有限公司 → (宁德时代新能源科技, True)."""
    core, form = split_ending(name_key(name), company_legal_forms())
    return core, bool(form)


def company_key(name: str) -> CompanyKey:
    core, registered = company_core(name)
    return CompanyKey(
        name=name,
        key=name_key(name),
        core=core,
        registered=registered,
        bracketed=any(b in name for b in lang.chars("opening_brackets")),
        fullwidth_brackets=lang.chars("fullwidth_opening_bracket") in name,
    )


def project_key(name: str | None, company_names: Iterable[str] = ()) -> str | None:
    """Comparable form of a project name: normalized, without its company's name and a generic ending.

    康泽生物医药（青岛）有限公司创新药研发生产基地 and 康泽生物创新药研发生产基地 both become 创新药研发生产基地
    when both names belong to the company.
    """
    if not name:
        return None
    key = name_key(name)
    companies = sorted({name_key(c) for c in company_names} - {""}, key=len, reverse=True)
    for company in companies:
        if company in key and len(key) - len(company) >= 2:
            key = key.replace(company, "", 1)
            break
    else:  # the brand the registered name starts with (澄波新材料科技股份有限公司 → 澄波新材料…项目)
        brand = max((os.path.commonprefix([key, c]) for c in companies), key=len, default="")
        if len(brand) >= BRAND_MIN_CHARS and len(key) - len(brand) >= 4:
            key = key[len(brand) :]
    stripped, _ = split_ending(key, project_suffixes())
    return stripped or key


def generic_chars(key: str | None) -> str | None:
    """The distinct characters of a project key that are generic (产业园基地 → 产业园基地, 澜湾冷链基地 → 基地):
    a gram made of these alone stands in half the names of a place."""
    if key is None:
        return None
    return "".join(dict.fromkeys(ch for ch in key if ch in _GENERIC_NAME_CHARS))


def key_numbers(key: str | None) -> list[str]:
    """The numbers of a project key (一期/二期, 1号线/2号线): projects that differ in them are different."""
    return sorted(set(_NUMBERS.findall(key))) if key else []


@cache
def _counties() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(admin code → county name, city → [(county name, its name without the 区/县/市 ending)])."""
    by_code: dict[str, str] = {}
    by_city: dict[str, list[tuple[str, str]]] = {}
    for row in lang.table("admin_divisions"):
        if row["kind"] == "zone":
            continue
        by_code[row["code"]] = row["name"]
        stem = row["short"] or (row["name"][:-1] if len(row["name"]) >= 3 else "")
        if stem:
            by_city.setdefault(row["city"], []).append((row["name"], stem))
    return by_code, by_city


def district_path(district: District) -> list[str]:
    """[city, county, zone] as far as known, widest first: a zone coterminous with a county (its admin code) or
    named after one (胶州经济技术开发区 → 胶州市) lies in that county; 黄岛区 → [青岛市, 黄岛区]."""
    by_code, by_city = _counties()
    path = [district.city] if district.city and district.city != district.canonical else []
    county = by_code.get(district.admin_code or "")
    if county is None and district.city:
        name = district.canonical.removeprefix(district.city).removeprefix(district.city[:-1])
        county = next((c for c, stem in by_city.get(district.city, []) if name.startswith(stem)), None)
    if county and county != district.canonical:
        path.append(county)
    return [*path, district.canonical]


EVIDENCE_CONTEXT_CHARS = 300  # at most this much evidence on either side of a record's own span


class EvidenceSentences:
    """The sentence around a character span of one text (boundaries: sentence-final punctuation, newlines)."""

    def __init__(self, text: str):
        self.text = text
        ends = re.escape(lang.chars("sentence_ends"))
        self.bounds = [m.end() for m in re.finditer(f"[{ends}]+|\n+", text)]

    def span(self, start: int | None, end: int | None) -> tuple[int, int] | None:
        """(start, end) of the sentence holding text[start:end], surrounding whitespace left out."""
        if start is None or not (0 <= start <= len(self.text)):
            return None
        end = start if end is None or end < start else min(end, len(self.text))
        i = bisect.bisect_right(self.bounds, start)
        left = self.bounds[i - 1] if i > 0 else 0
        j = bisect.bisect_left(self.bounds, max(end, start + 1))
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        # a "sentence" of a line without punctuation can be the whole document: each of its thousands of
        # records would carry all of it as evidence (gigabytes in the warehouse), so the context is capped
        left, right = max(left, start - EVIDENCE_CONTEXT_CHARS), min(right, end + EVIDENCE_CONTEXT_CHARS)
        sentence = self.text[left:right]
        first = left + len(sentence) - len(sentence.lstrip())
        last = left + len(sentence.rstrip())
        return (first, last) if first < last else None

    def around(self, start: int | None, end: int | None) -> str | None:
        found = self.span(start, end)
        return self.text[found[0] : found[1]] if found else None


def locate_evidence(text: str, evidence: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Offsets of the occurrence of `evidence` in `text` that holds text[start:end], if there is one."""
    if not evidence or start is None:
        return None
    at = text.rfind(evidence, 0, start + len(evidence))
    if at < 0 or at + len(evidence) < (end if end is not None else start):
        return None
    return at, at + len(evidence)


def set_fields(record: BaseModel, **values: Any) -> None:
    """`record.<name> = value` for each of `values`, at once: what pydantic's assignment does for a model
    that does not validate assignments (no record model does), without its dispatch per attribute —
    a document's ~1,400 assignments were a visible share of extraction time."""
    record.__dict__.update(values)
    record.__pydantic_fields_set__.update(values)


def _set_evidence(record, sentences: EvidenceSentences, start: int | None, end: int | None) -> None:
    found = sentences.span(start, end)
    if found:
        set_fields(
            record,
            evidence_start=found[0],
            evidence_end=found[1],
            evidence=sentences.text[found[0] : found[1]],
        )
    else:
        set_fields(record, evidence_start=None, evidence_end=None, evidence=None)


def _names_of_company(name: str, extraction: Extraction) -> list[str]:
    """Every name the document gives the company called `name`, and the cores of its registered names."""
    names = {name}
    for company in extraction.companies:
        forms = {company.canonical, *company.mentions}
        if name in forms:
            names |= forms
    cores = [core for core, registered in map(company_core, names) if registered]
    return [*sorted(names), *cores]


def attach_keys(text: str, extraction: Extraction) -> Extraction:
    """Give every record of `extraction` its evidence sentence and offsets in `text`, and its resolution keys.

    Evidence already located (a project's, a metric's) is kept; the rest is the sentence around the
    record's (first) span. Changes `extraction` in place and returns it.
    """
    sentences = EvidenceSentences(text)
    paths = {d.canonical: district_path(d) for d in extraction.districts}
    for project in extraction.projects:
        names = _names_of_company(project.company, extraction) if project.company else []
        key = project_key(project.name, names)
        set_fields(
            project,
            district_path=paths.get(project.district or "", [project.district] if project.district else []),
            evidence_start=project.start,
            evidence_end=project.end,
            name_key=name_key(project.name) if project.name else None,
            company_key=company_key(project.company) if project.company else None,
            project_key=key,
            key_numbers=key_numbers(key),
            key_generic_chars=generic_chars(key),
        )
    for company in extraction.companies:
        first = company.spans[0] if company.spans else None
        _set_evidence(company, sentences, first and first.start, first and first.end)
        names = dict.fromkeys(n for n in (company.canonical, *company.mentions) if n)
        set_fields(company, name_keys=[company_key(n) for n in names])
    for district in extraction.districts:
        first = district.spans[0] if district.spans else None
        _set_evidence(district, sentences, first and first.start, first and first.end)
        set_fields(district, name_key=name_key(district.canonical))
    for record in (*extraction.amounts, *extraction.mentions):
        _set_evidence(record, sentences, record.start, record.end)
    for metric in extraction.metrics:
        if metric.evidence_start is not None:
            continue
        found = locate_evidence(text, metric.evidence or "", metric.start, metric.end)
        if found:
            metric.evidence_start, metric.evidence_end = found
        elif not metric.evidence:
            _set_evidence(metric, sentences, metric.start, metric.end)
    for policy in extraction.policies:
        for incentive in policy.incentives:
            _set_evidence(incentive, sentences, incentive.start, incentive.end)
    return extraction
