"""Cross-document resolution: the same company and the same project across reports.

Resolution works on the keys the records arrive with (extractors.keys): a company name's comparison key,
its core without the legal-form ending and whether it has one; a project's key and its numbers. It never
normalizes a name itself; rows stored before keys came with the records are compared as written.

Companies are recomputed as a whole after each load (there are few distinct names): names are joined
when one report lists them as surface forms of one company, when their keys are equal, and when a short
name (no legal-form ending) is contained in the core of exactly one registered name.

Projects are resolved incrementally so their ids stay stable: each newly loaded project row joins the
existing project it is compatible with (same company, same district when both are known, similar
key), or founds a new one whose id derives from that row.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import duckdb
import pyarrow as pa
from rapidfuzz import fuzz

from zhaoyin.schemas import CompanyKey
from zhaoyin.warehouse.staging import staged

NAME_SIMILARITY = 85  # rapidfuzz ratio (0–100) above which two project names are one project


def as_written(name: str) -> CompanyKey:
    """The keys of a name stored without any (loaded before keys came with the records): the name itself."""
    return CompanyKey(name=name, key=name, core=name, registered=False)


def _stable_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve_companies(groups: list[list[CompanyKey]]) -> dict[str, tuple[str, str]]:
    """Map every raw name to (company_id, canonical).

    `groups`: for each company record, the keys of its canonical name then of its surface forms (a
    project's company is a group of one name). Registered names (with a legal-form ending) listed together join when one core
    contains the other; a short name joins the registered name that lists it or whose core contains it —
    only when that is unambiguous across all documents, so one wrong surface form cannot chain unrelated
    companies together.
    """
    uf = _UnionFind()
    raw_by_key: dict[str, Counter] = defaultdict(Counter)
    listed_by: dict[str, set[str]] = defaultdict(set)
    core_of: dict[str, tuple[str, bool]] = {}  # key → (core, is_registered)
    key_of: dict[str, CompanyKey] = {}  # raw name → its keys
    for group in groups:
        keys = []
        for name in group:
            key = name.key if name.name else ""
            if key:
                raw_by_key[key][name.name] += 1
                core_of.setdefault(key, (name.core, name.registered))
                key_of.setdefault(name.name, name)
                uf.find(key)
                keys.append(key)
        if not keys:
            continue
        head, (head_core, head_registered) = keys[0], core_of[keys[0]]
        for key in keys[1:]:
            core, is_registered = core_of[key]
            if key == head:
                continue
            if head_registered and is_registered:
                if core in head_core or head_core in core:
                    uf.union(head, key)
            elif is_registered:
                listed_by[head].add(key)
            else:
                listed_by[key].add(head)

    registered = {}
    for key in raw_by_key:
        core, is_registered = core_of[key]
        if is_registered and len(core) >= 2:
            registered[key] = core
    short = [k for k in raw_by_key if k not in registered and not core_of[k][1] and len(k) >= 2]
    containing: dict[str, set[str]] = defaultdict(set)
    if short and registered:
        automaton = ahocorasick.Automaton()
        for key in short:
            automaton.add_word(key, key)
        automaton.make_automaton()
        for full, core in registered.items():
            for _, found in automaton.iter(core):
                containing[found].add(full)

    def owner(key: str, names: set[str]) -> str | None:
        """The one company among `names` (that list or contain the short name `key`) it can mean, if any."""
        names = {n for n in names if uf.find(n) != uf.find(key)}
        clusters = {uf.find(n) for n in names}
        fulls = {n for n in names if n in registered}
        if len(clusters) > 1 and fulls == names and all(registered[f].startswith(key) for f in fulls):
            # a brand and its subsidiaries (宁德时代, 宁德时代（青岛）…): the one without a bracketed place
            plain = {f for f in fulls if not any(key_of[raw].bracketed for raw in raw_by_key[f])}
            clusters = {uf.find(f) for f in plain}
        return clusters.pop() if len(clusters) == 1 else None

    for key in short:
        target = owner(key, listed_by.get(key, set())) if key in listed_by else owner(key, containing[key])
        if target is not None:
            uf.union(key, target)

    members: dict[str, list[str]] = defaultdict(list)
    for key in raw_by_key:
        members[uf.find(key)].append(key)
    resolved: dict[str, tuple[str, str]] = {}
    for keys in members.values():
        raws = Counter()
        for key in keys:
            raws.update(raw_by_key[key])
        canonical = max(
            raws,
            key=lambda raw: (
                key_of[raw].registered,
                raws[raw],
                len(key_of[raw].key),
                key_of[raw].fullwidth_brackets,
                raw,
            ),
        )
        company_id = _stable_id("company:" + key_of[canonical].key)
        for key in keys:
            for raw in raw_by_key[key]:
                resolved[raw] = (company_id, canonical)
    return resolved


def _company_groups(con: duckdb.DuckDBPyConnection) -> list[list[CompanyKey]]:
    """The names of every company record and every project's company, each name with its stored keys."""
    records = con.execute("SELECT canonical, mentions, name_keys FROM companies").fetchall()
    project_companies = con.execute(
        "SELECT DISTINCT company, company_key FROM projects WHERE company IS NOT NULL"
    ).fetchall()
    known: dict[str, CompanyKey] = {}
    for _, _, name_keys in records:
        for keys in name_keys or []:
            known.setdefault(keys["name"], CompanyKey(**keys))
    for company, keys in project_companies:
        if keys is not None:
            known.setdefault(company, CompanyKey(**keys))

    def keys_of(name: str) -> CompanyKey:
        return known.get(name) or as_written(name)

    distinct = sorted({(canonical, tuple(mentions or ())) for canonical, mentions, _ in records})
    groups = [[keys_of(n) for n in (canonical, *mentions) if n] for canonical, mentions in distinct]
    groups += [[keys_of(company)] for company in sorted({row[0] for row in project_companies})]
    return groups


def refresh_companies(con: duckdb.DuckDBPyConnection) -> None:
    resolved = resolve_companies(_company_groups(con))
    names = pa.table(
        {
            "name": pa.array(list(resolved), pa.string()),
            "company_id": pa.array([v[0] for v in resolved.values()], pa.string()),
        }
    )
    by_id: dict[str, tuple[str, set[str]]] = {}
    for raw, (company_id, canonical) in resolved.items():
        by_id.setdefault(company_id, (canonical, set()))[1].add(raw)
    dim = pa.table(
        {
            "company_id": pa.array(list(by_id), pa.string()),
            "canonical": pa.array([v[0] for v in by_id.values()], pa.string()),
            "aliases": pa.array([sorted(v[1]) for v in by_id.values()], pa.list_(pa.string())),
        }
    )
    con.execute("DELETE FROM company_names")
    con.execute("DELETE FROM company_dim")
    with staged(con, "_company_names", names), staged(con, "_company_dim", dim):
        con.execute("INSERT INTO company_names SELECT name, company_id FROM _company_names")
        con.execute("INSERT INTO company_dim SELECT company_id, canonical, aliases FROM _company_dim")


@dataclass
class _Report:
    doc_id: str
    seq: int
    name_key: str | None
    company_id: str | None
    district: str | None
    amount_yuan: float | None
    project_id: str | None = None
    numbers: frozenset[str] = frozenset()  # phase/line numbers of `name_key`, from the extractors


@lru_cache(maxsize=1 << 18)
def _similar(
    a: str, b: str, numbers_a: frozenset[str] = frozenset(), numbers_b: frozenset[str] = frozenset()
) -> float:
    """0–100; containment of one name in the other counts as a match for names of 4+ characters.

    Names that differ in their numbers (一期/二期, 1号线/2号线) are different projects however alike.
    """
    if a == b:
        return 100.0
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return 0.0
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return 95.0
    return fuzz.ratio(a, b)


def _match(report: _Report, known: list[_Report]) -> str | None:
    """The project_id of the known project `report` continues, or None for a new project.

    Named reports join a project with a similar name; a report without a name (or a named report
    meeting a project never named) joins the one project of the same company it can be.
    """
    strong: dict[str, float] = {}
    named: set[str] | None = None  # projects ever named, built only when a named report needs it
    weak: list[_Report] = []
    for other in known:
        if report.district and other.district and report.district != other.district:
            continue
        if report.company_id and other.company_id and report.company_id != other.company_id:
            # one project reported under two company names the resolution could not join: only when the
            # specific name is the same and so is the district or the amount
            same_place = report.district is not None and report.district == other.district
            same_amount = report.amount_yuan is not None and report.amount_yuan == other.amount_yuan
            if not (report.name_key and other.name_key and (same_place or same_amount)):
                continue
            if min(len(report.name_key), len(other.name_key)) < 6:
                continue
            if _similar(report.name_key, other.name_key, report.numbers, other.numbers) >= 95:
                strong[other.project_id] = max(90.0, strong.get(other.project_id, 0))
            continue
        if report.name_key and other.name_key:
            score = _similar(report.name_key, other.name_key, report.numbers, other.numbers)
            if score >= NAME_SIMILARITY:
                strong[other.project_id] = max(score, strong.get(other.project_id, 0))
        elif report.company_id and report.company_id == other.company_id:
            if report.name_key is None:
                weak.append(other)
                continue
            if named is None:
                named = {o.project_id for o in known if o.name_key}
            if other.project_id not in named:
                weak.append(other)
    if strong:
        return max(strong, key=lambda pid: (strong[pid], pid))
    candidates = {o.project_id for o in weak}
    if len(candidates) > 1 and report.district:
        candidates = {o.project_id for o in weak if o.district == report.district}
    if len(candidates) > 1 and report.amount_yuan:
        candidates = {o.project_id for o in weak if o.amount_yuan == report.amount_yuan}
    return candidates.pop() if len(candidates) == 1 else None


def refresh_projects(
    con: duckdb.DuckDBPyConnection, previous_ids: dict[tuple[str, int], str] | None = None
) -> int:
    """Link project rows not linked yet; returns how many were linked.

    `previous_ids`: the project ids rows had before they were re-extracted; a project founded anew by
    such a row keeps its old id (when no other project holds it), so ids survive re-extraction.
    """
    previous_ids = previous_ids or {}
    con.execute(
        """
        UPDATE project_links SET company_id = n.company_id
        FROM projects p, company_names n
        WHERE p.doc_id = project_links.doc_id AND p.seq = project_links.seq AND n.name = p.company
          AND project_links.company_id IS DISTINCT FROM n.company_id
        """
    )
    rows = con.execute(
        """
        SELECT p.doc_id, p.seq, coalesce(p.project_key, p.name), n.company_id, p.district, p.amount_yuan,
               p.key_numbers
        FROM projects p
        JOIN documents d USING (doc_id)
        LEFT JOIN company_names n ON n.name = p.company
        WHERE NOT EXISTS (SELECT 1 FROM project_links l WHERE l.doc_id = p.doc_id AND l.seq = p.seq)
        ORDER BY d.load_seq, d.published_date NULLS LAST, p.doc_id, p.seq
        """
    ).fetchall()
    if not rows:
        return 0
    company_ids = sorted({r[3] for r in rows if r[3]})
    reports = [_Report(*r[:6], numbers=frozenset(r[6] or ())) for r in rows]

    districts = sorted({r.district for r in reports if r.district})
    keys = sorted({r.name_key for r in reports if r.name_key})
    with (
        staged(con, "_block_companies", pa.table({"v": pa.array(company_ids, pa.string())})),
        staged(con, "_block_districts", pa.table({"v": pa.array(districts, pa.string())})),
        staged(con, "_block_keys", pa.table({"v": pa.array(keys, pa.string())})),
    ):
        known_rows = con.execute(
            """
            SELECT DISTINCT l.project_id, l.name_key, l.company_id, l.district, p.amount_yuan, p.key_numbers
            FROM project_links l JOIN projects p ON p.doc_id = l.doc_id AND p.seq = l.seq
            WHERE l.company_id IN (SELECT v FROM _block_companies)
               OR l.district IN (SELECT v FROM _block_districts)
               OR l.name_key IN (SELECT v FROM _block_keys)
            """
        ).fetchall()

    by_company: dict[str | None, list[_Report]] = defaultdict(list)
    by_district: dict[str | None, list[_Report]] = defaultdict(list)

    def remember(report: _Report) -> None:
        by_company[report.company_id].append(report)
        if report.company_id is None or report.name_key:
            by_district[report.district].append(report)

    for project_id, key, company_id, district, amount, numbers in known_rows:
        remember(_Report("", -1, key, company_id, district, amount, project_id, frozenset(numbers or ())))

    reusable = set(previous_ids.values())
    if reusable:
        with staged(con, "_previous_ids", pa.table({"v": pa.array(sorted(reusable), pa.string())})):
            held = con.execute(
                "SELECT DISTINCT project_id FROM project_links WHERE project_id IN (SELECT v FROM _previous_ids)"
            ).fetchall()
        reusable -= {pid for (pid,) in held}

    for report in reports:
        if report.company_id:
            pool = by_company[report.company_id] + by_company[None]
            if report.name_key and report.district:
                # the same project under a company name resolution kept apart (a parent and its local
                # subsidiary): `_match` joins those only on a near-identical name in the same place
                pool += [
                    o for o in by_district[report.district] if o.company_id not in (None, report.company_id)
                ]
        else:
            pool = (
                [o for reports_ in by_district.values() for o in reports_]
                if not report.district
                else (by_district[report.district] + by_district[None])
            )
        found = _match(report, pool) if (report.name_key or report.company_id) else None
        if not found:
            found = previous_ids.get((report.doc_id, report.seq))
            if found in reusable:
                reusable.discard(found)
            else:
                found = _stable_id(f"project:{report.doc_id}:{report.seq}")
        report.project_id = found
        remember(report)

    links = pa.table(
        {
            "doc_id": pa.array([r.doc_id for r in reports], pa.string()),
            "seq": pa.array([r.seq for r in reports], pa.int32()),
            "project_id": pa.array([r.project_id for r in reports], pa.string()),
            "company_id": pa.array([r.company_id for r in reports], pa.string()),
            "name_key": pa.array([r.name_key for r in reports], pa.string()),
            "district": pa.array([r.district for r in reports], pa.string()),
        }
    )
    with staged(con, "_new_links", links):
        con.execute(
            "INSERT INTO project_links (doc_id, seq, project_id, company_id, name_key, district) "
            "SELECT doc_id, seq, project_id, company_id, name_key, district FROM _new_links"
        )
    return len(reports)


def current_links(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int], str]:
    """(doc_id, seq) → project_id of every linked project row."""
    rows = con.execute("SELECT doc_id, seq, project_id FROM project_links").fetchall()
    return {(doc_id, seq): project_id for doc_id, seq, project_id in rows}


def refresh_resolution(
    con: duckdb.DuckDBPyConnection,
    *,
    rebuild: bool = False,
    previous_ids: dict[tuple[str, int], str] | None = None,
) -> None:
    """Recompute companies and link new project rows.

    `rebuild=True` re-links every project row from scratch in a fixed order (the result then depends only on
    the rows, not on the batches they came in); re-founded projects keep the ids in `previous_ids`
    (default: the current links).
    """
    if rebuild:
        if previous_ids is None:
            previous_ids = current_links(con)
        con.execute("DELETE FROM project_links")
    refresh_companies(con)
    refresh_projects(con, previous_ids)


def rebuild_resolution(
    con: duckdb.DuckDBPyConnection, previous_ids: dict[tuple[str, int], str] | None = None
) -> None:
    """`refresh_resolution(rebuild=True)` in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        refresh_resolution(con, rebuild=True, previous_ids=previous_ids)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
