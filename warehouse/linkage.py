"""Record linkage of project reports: comparison features of two reports and one scored decision.

Each feature compares one field of two reports (both made comparable by the extractors: project keys, key
numbers, company keys and cores, district paths city ⊃ county ⊃ zone) and adds a weight — positive when the
field agrees, negative when it disagrees, nothing when one side does not know. The weights are log-odds in
the manner of Fellegi–Sunter, set by hand on the linkage set (tests/data/linkage) rather than estimated by
EM: a few dozen reports per block are too few for EM to separate m- from u-probabilities (see
docs/warehouse.md, "Why not Splink"). Two reports are one project when their score reaches THRESHOLD.

Some differences are vetoes, whatever else agrees: different phase or line numbers (一期 ≠ 二期), a fund
against a project, two different cities.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

THRESHOLD = 6.0
VETO = float("-inf")
BRAND_MIN_CHARS = 4  # two companies whose cores share this long a start are one group (parent, subsidiary)
TRADE_NAME_CHARS = 2  # two company names starting alike this far may be one name read in two lengths
NAME_IN_NAME_MIN_CHARS = 3  # a company key this long inside a project's name names the company


@dataclass
class Report:
    """One reported project row, with what linkage compares."""

    doc_id: str
    seq: int
    key: str | None  # project key (without company names and generic ending), else the name as written
    company_id: str | None
    district: str | None
    full_key: str | None = None  # the whole name's key (with the company names it holds)
    path: tuple[str, ...] = ()  # district_path: city ⊃ county ⊃ zone
    amount: float | None = None  # in `currency`
    currency: str | None = None
    numbers: frozenset[str] = frozenset()
    kind: str = "project"
    status: str | None = None
    published: date | None = None
    project_id: str | None = None
    score: float | None = None  # with which it joined its project
    company_names: frozenset[str] = field(default_factory=frozenset)  # keys and cores of its company
    named_companies: frozenset[str] = frozenset()  # companies whose name the project's name holds
    generic: str = ""  # the generic characters of `key` (extractors.keys.generic_chars)


AMOUNT_BUCKET = 0.0101  # ln(1/0.99): amounts within 1 % (amount_weight's +3) share a bucket or adjoin


@lru_cache(maxsize=1 << 16)
def name_grams(key: str) -> frozenset[str]:
    """Pairs of characters at most one apart (基地, 基园 of 基地园): two keys alike enough for a name weight of
    4 — one inside the other, bigram Jaccard or edit ratio ≥ 0.8 — always share one."""
    if len(key) < 2:
        return frozenset({key}) if key else frozenset()
    return frozenset(key[i : i + 2] for i in range(len(key) - 1)) | frozenset(
        key[i] + key[i + 2] for i in range(len(key) - 2)
    )


@lru_cache(maxsize=1 << 16)
def probe_grams(key: str, generic: str = "") -> frozenset[str]:
    """The grams a key is looked up by: those not made of its generic characters alone (`generic`, given with
    the row by the extractors: a gram of these alone is in half the names of a place), else all of them."""
    grams = name_grams(key)
    specific = frozenset(g for g in grams if not set(g) <= set(generic))
    return specific or grams


def amount_buckets(amount: float) -> tuple[int, int]:
    """Two adjoining buckets of ln(amount): two amounts within 1 % of each other share one of them."""
    bucket = math.floor(math.log(amount) / AMOUNT_BUCKET)
    return bucket, bucket + 1


STAGES = {"planned": 0, "signed": 1, "landed": 2, "started": 3, "completed": 4, "operating": 5}


@lru_cache(maxsize=1 << 16)
def _bigrams(key: str) -> frozenset[str]:
    return frozenset(key[i : i + 2] for i in range(len(key) - 1)) if len(key) > 1 else frozenset({key})


def names_company(key: str, name: str) -> str | None:
    """The part of a project key that names a company: the whole company name inside it, or the brand both
    start with (青岛澜湾冷链物流枢纽 and 青岛澜湾供应链管理 → 青岛澜湾)."""
    if len(name) >= NAME_IN_NAME_MIN_CHARS and name in key and len(key) - len(name) >= 2:
        return name
    if key[:BRAND_MIN_CHARS] != name[:BRAND_MIN_CHARS] or min(len(key), len(name)) < BRAND_MIN_CHARS:
        return None  # no brand this long in common (the cheap test first: most pairs stop here)
    brand = os.path.commonprefix([key, name])
    return brand if len(brand) >= BRAND_MIN_CHARS and len(key) - len(brand) >= 2 else None


def _without(key: str, names: frozenset[str]) -> str:
    """The key with the longest company name (or brand) it holds cut out (宁远新能源青岛基地一期 → 基地一期)."""
    found = max((part for name in names if (part := names_company(key, name))), key=len, default=None)
    return key.replace(found, "", 1) if found else key


def name_weight(a: str | None, b: str | None) -> float:
    """Project keys: equal, one inside the other, or as alike as their character bigrams and edit ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 6.0
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return 4.0
    a, b = _without_common_ending(a, b)
    jaccard = len(_bigrams(a) & _bigrams(b)) / len(_bigrams(a) | _bigrams(b))
    ratio = fuzz.ratio(a, b) / 100
    alike = max(jaccard, ratio)
    if alike >= 0.8:
        return 4.0
    if alike >= 0.6:
        return 1.5
    if alike >= 0.4:
        return 0.0
    return -3.0 if alike < 0.25 else -1.5


def _without_common_ending(a: str, b: str) -> tuple[str, str]:
    """Two keys ending alike (电驱动系统产业园 / 智能仪表产业园) compared by what tells them apart: the kind of
    facility they share says nothing about whether they are one project."""
    ending = len(os.path.commonprefix([a[::-1], b[::-1]]))
    if ending >= 2 and min(len(a), len(b)) - ending >= 2:
        return a[:-ending], b[:-ending]
    return a, b


@lru_cache(maxsize=1 << 16)
def _starts(names: frozenset[str], chars: int) -> frozenset[str]:
    return frozenset(n[:chars] for n in names if len(n) >= chars)


def _related_companies(a: frozenset[str], b: frozenset[str], chars: int = BRAND_MIN_CHARS) -> bool:
    """A parent and its local subsidiary (宁远新能源科技 ↔ 宁远新能源青岛): cores sharing a long start."""
    return not _starts(a, chars).isdisjoint(_starts(b, chars))


def _name_holds_company(report: Report, names: frozenset[str]) -> bool:
    key = report.full_key or report.key
    return bool(key) and any(names_company(key, n) for n in names)


def company_weight(a: Report, b: Report) -> float:
    if a.company_id and b.company_id:
        if a.company_id == b.company_id:
            return 4.0
        if _related_companies(a.company_names, b.company_names):
            return 1.5  # a parent and its subsidiary
        if _name_holds_company(a, b.company_names) or _name_holds_company(b, a.company_names):
            return 1.5  # the project's name says whose it is; the company found beside it is a fragment
        if _related_companies(a.company_names, b.company_names, TRADE_NAME_CHARS):
            return (
                -2.0
            )  # one trade name (字号) cut at two lengths (凌霄电子 / 凌霄智能), or two firms of one place
        return -6.0
    known, unknown = (a, b) if a.company_id else (b, a)
    if known.company_id and unknown.key and unknown.key != _without(unknown.key, known.company_names):
        return 3.0  # the company's name stands in the other report's project name
    return 0.0


def amount_weight(a: Report, b: Report) -> float:
    if a.amount is None or b.amount is None or a.currency != b.currency:
        return 0.0
    high, low = max(a.amount, b.amount), min(a.amount, b.amount)
    if high == 0 or (high - low) / high <= 0.01:
        return 3.0
    return 0.5 if (high - low) / high <= 0.15 else -3.0


def district_weight(a: Report, b: Report) -> float:
    pa_, pb = a.path or ((a.district,) if a.district else ()), b.path or ((b.district,) if b.district else ())
    if not pa_ or not pb:
        return 0.0
    if pa_[-1] == pb[-1]:
        return 2.0
    shorter, longer = sorted((pa_, pb), key=len)
    if len(shorter) >= 2 and longer[: len(shorter)] == shorter:
        return 1.5  # a zone inside the county the other report names
    if len(pa_) >= 2 and len(pb) >= 2 and pa_[0] == pb[0]:
        return -3.0  # two places of one city
    if len(pa_) >= 2 and len(pb) >= 2:
        return VETO  # two cities
    return -2.0


def order_weight(a: Report, b: Report) -> float:
    """A later report at a much earlier stage (completed, then signed) speaks against one project."""
    if not (a.published and b.published and a.status in STAGES and b.status in STAGES):
        return 0.0
    early, late = (a, b) if a.published <= b.published else (b, a)
    return -1.0 if STAGES[early.status] - STAGES[late.status] >= 2 else 0.0


def _name_part(a: Report, b: Report) -> float:
    """The weights of score that read the two reports' companies and names (the costly part)."""
    key_a, key_b = a.key, b.key
    if a.company_id and not b.company_id and key_b:
        key_b = _without(key_b, a.company_names)
    elif b.company_id and not a.company_id and key_a:
        key_a = _without(key_a, b.company_names)
    total = company_weight(a, b) + name_weight(key_a, key_b)
    if not key_a and not key_b:
        total -= 1.0  # neither names the project: the company and place alone say less
    return total


def _naming(report: Report) -> tuple:
    """What _name_part reads of one report: reports alike in it score alike there."""
    return report.company_id, report.company_names, report.key, report.full_key


def score(a: Report, b: Report, named: dict | None = None) -> float:
    """Log-odds that two reports are of one project (≥ THRESHOLD: they are). `named`: _name_part of `a`
    with the reports already met, by their _naming (a new row meets the same company and key many times)."""
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return VETO
    if a.kind != b.kind:
        return VETO
    district = district_weight(a, b)
    if district == VETO:
        return VETO
    if named is None:
        total = _name_part(a, b)
    else:
        naming = _naming(b)
        total = named.get(naming)
        if total is None:
            total = named[naming] = _name_part(a, b)
    total += amount_weight(a, b) + district + order_weight(a, b)
    if a.doc_id == b.doc_id:
        total -= 1.0  # one report listing two rows usually lists two projects
    return total


def best_project(report: Report, candidates: dict[str, list[Report]]) -> tuple[str | None, float]:
    """(project id, score) of the project `report` continues, or (None, best score) when none reaches the
    threshold or two projects tie for it. A project is as close as its closest report, and vetoed by any."""
    named: dict[tuple, float] = {}
    scored = []
    for project_id, members in candidates.items():
        scores = [score(report, m, named) for m in members]
        if not scores or VETO in scores:
            continue
        scored.append((max(scores), project_id))
    scored.sort(reverse=True)
    if not scored or scored[0][0] < THRESHOLD:
        return None, scored[0][0] if scored else VETO
    if not report.key and len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None, scored[0][0]  # a report naming no project, as close to two: which one is unknown
    return scored[0][1], scored[0][0]
