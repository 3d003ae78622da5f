"""Resolution keys and evidence sentences of extracted records: pure functions of names and the text.

The warehouse joins companies and projects across documents on these keys and stores the evidence sentence
of every record as given; it does no normalizing or sentence splitting of its own.

- `name_key`: the comparable form of a name (NFKC, lower case, no brackets or spaces);
- `company_core`: a company name's key without its legal-form ending, and whether it had one;
- `project_key`: a project name's key without its company's names and a generic ending;
- `EvidenceSentences`: the sentence around a span (sentence-final punctuation and newlines bound it).
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

from zhaoyin.schemas import CompanyKey, Extraction

BRAND_MIN_CHARS = 3  # a leading part shared with the company name this long is its brand, not the project
_DROPPED = set(" \t\r\n\u3000()[]{}<>《》「」『』【】〔〕\"'“”‘’·・")
_NUMBERS = re.compile(r"[0-9]+|[一二三四五六七八九十百千万]+(?=[期号#栋座条])")


def _lang_lines(name: str) -> list[str]:
    text = resources.files("zhaoyin.extractors.lang").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def company_legal_forms() -> tuple[str, ...]:
    names = _lang_lines("company_legal_forms_warehouse.txt")
    return tuple(sorted({name_key(s) for s in names}, key=len, reverse=True))


@cache
def project_suffixes() -> tuple[str, ...]:
    return tuple(sorted({name_key(s) for s in _lang_lines("project_suffixes.txt")}, key=len, reverse=True))


@cache
def sentence_ends() -> str:
    return "".join(_lang_lines("sentence_ends.txt"))


def name_key(name: str) -> str:
    """Comparable form of a name: NFKC (full-width brackets → half-width), lower case, no brackets/spaces."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", name).lower() if ch not in _DROPPED)


def _strip_suffix(key: str, suffixes: tuple[str, ...]) -> tuple[str, bool]:
    for suffix in suffixes:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)], True
    return key, False


def company_core(name: str) -> tuple[str, bool]:
    """(core, is_registered_name): 宁德时代新能源科技股份有限公司 → (宁德时代新能源科技, True)."""
    return _strip_suffix(name_key(name), company_legal_forms())


def company_key(name: str) -> CompanyKey:
    core, registered = company_core(name)
    return CompanyKey(
        name=name,
        key=name_key(name),
        core=core,
        registered=registered,
        bracketed=any(b in name for b in "(（"),
        fullwidth_brackets="（" in name,
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
    stripped, _ = _strip_suffix(key, project_suffixes())
    return stripped or key


def key_numbers(key: str | None) -> list[str]:
    """The numbers of a project key (一期/二期, 1号线/2号线): projects that differ in them are different."""
    return sorted(set(_NUMBERS.findall(key))) if key else []


EVIDENCE_CONTEXT_CHARS = 300  # at most this much evidence on either side of a record's own span


class EvidenceSentences:
    """The sentence around a character span of one text (boundaries: sentence-final punctuation, newlines)."""

    def __init__(self, text: str):
        self.text = text
        ends = re.escape(sentence_ends())
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


def _set_evidence(record, sentences: EvidenceSentences, start: int | None, end: int | None) -> None:
    found = sentences.span(start, end)
    record.evidence_start, record.evidence_end = found if found else (None, None)
    record.evidence = sentences.text[found[0] : found[1]] if found else None


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
    for project in extraction.projects:
        project.evidence_start, project.evidence_end = project.start, project.end
        project.name_key = name_key(project.name) if project.name else None
        project.company_key = company_key(project.company) if project.company else None
        names = _names_of_company(project.company, extraction) if project.company else []
        project.project_key = project_key(project.name, names)
        project.key_numbers = key_numbers(project.project_key)
    for company in extraction.companies:
        first = company.spans[0] if company.spans else None
        _set_evidence(company, sentences, first and first.start, first and first.end)
        names = dict.fromkeys(n for n in (company.canonical, *company.mentions) if n)
        company.name_keys = [company_key(n) for n in names]
    for district in extraction.districts:
        first = district.spans[0] if district.spans else None
        _set_evidence(district, sentences, first and first.start, first and first.end)
        district.name_key = name_key(district.canonical)
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
