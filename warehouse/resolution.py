"""Cross-document resolution: the same company and the same project across reports.

Companies are recomputed as a whole after each load (there are few distinct names): names are joined
when one report lists them as surface forms of one company, when they are equal after normalizing
brackets/width/spaces, and when a short name (no legal-form ending) is contained in the core of exactly
one registered name (宁德时代 ↔ 宁德时代新能源科技股份有限公司).

Projects are resolved incrementally so their ids stay stable: each newly loaded project row joins the
existing project it is compatible with (same company, same district when both are known, similar
name), or founds a new one whose id derives from that row.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick
import duckdb
import pyarrow as pa
from rapidfuzz import fuzz

from warehouse.staging import staged

NAME_SIMILARITY = 85  # rapidfuzz ratio (0–100) above which two project names are one project
_DROPPED = set(" \t\r\n\u3000()[]{}<>《》「」『』【】〔〕\"'“”‘’·・")


def _data_lines(name: str) -> list[str]:
    text = resources.files("warehouse").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def company_suffixes() -> tuple[str, ...]:
    return tuple(sorted({name_key(s) for s in _data_lines("company_suffixes.txt")}, key=len, reverse=True))


@cache
def project_suffixes() -> tuple[str, ...]:
    return tuple(sorted({name_key(s) for s in _data_lines("project_suffixes.txt")}, key=len, reverse=True))


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
    return _strip_suffix(name_key(name), company_suffixes())


def project_key(name: str | None) -> str | None:
    if not name:
        return None
    key = name_key(name)
    stripped, _ = _strip_suffix(key, project_suffixes())
    return stripped or key


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


def resolve_companies(groups: list[list[str]]) -> dict[str, tuple[str, str]]:
    """Map every raw name to (company_id, canonical).

    `groups`: for each company record, its canonical name and surface forms (a project's company is a
    group of one name).
    """
    uf = _UnionFind()
    raw_by_key: dict[str, Counter] = defaultdict(Counter)
    for group in groups:
        keys = [name_key(n) for n in group if n and name_key(n)]
        for raw in group:
            if raw and name_key(raw):
                raw_by_key[name_key(raw)][raw] += 1
        for key in keys:
            uf.union(keys[0], key)

    # A short name belongs to the registered name whose core contains it when that is unambiguous. When
    # several registered names contain it, all as a prefix (a brand and its subsidiaries: 宁德时代,
    # 宁德时代（青岛）…), it belongs to the one without a bracketed place, if exactly one.
    registered = {}
    for key in raw_by_key:
        core, is_registered = company_core(key)
        if is_registered and len(core) >= 2:
            registered[key] = core
    short = [k for k in raw_by_key if not company_core(k)[1] and len(k) >= 2]
    if short and registered:
        automaton = ahocorasick.Automaton()
        for key in short:
            automaton.add_word(key, key)
        automaton.make_automaton()
        holders: dict[str, set[str]] = defaultdict(set)
        for full, core in registered.items():
            for _, found in automaton.iter(core):
                holders[found].add(full)
        for key, fulls in holders.items():
            fulls = {f for f in fulls if uf.find(f) != uf.find(key)}
            clusters = {uf.find(f) for f in fulls}
            if len(clusters) > 1 and all(registered[f].startswith(key) for f in fulls):
                plain = {f for f in fulls if not any(b in raw for raw in raw_by_key[f] for b in "(（")}
                clusters = {uf.find(f) for f in plain}
            if len(clusters) == 1:
                uf.union(key, clusters.pop())

    members: dict[str, list[str]] = defaultdict(list)
    for key in raw_by_key:
        members[uf.find(key)].append(key)
    resolved: dict[str, tuple[str, str]] = {}
    for keys in members.values():
        raws = Counter()
        for key in keys:
            raws.update(raw_by_key[key])
        canonical = max(
            raws, key=lambda raw: (company_core(raw)[1], len(name_key(raw)), raws[raw], "（" in raw, raw)
        )
        company_id = _stable_id("company:" + name_key(canonical))
        for key in keys:
            for raw in raw_by_key[key]:
                resolved[raw] = (company_id, canonical)
    return resolved


def refresh_companies(con: duckdb.DuckDBPyConnection) -> None:
    groups = [
        [canonical, *(mentions or [])]
        for canonical, mentions in con.execute(
            "SELECT DISTINCT canonical, mentions FROM companies"
        ).fetchall()
    ]
    groups += [
        [row[0]]
        for row in con.execute("SELECT DISTINCT company FROM projects WHERE company IS NOT NULL").fetchall()
    ]
    resolved = resolve_companies(groups)
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


def _similar(a: str, b: str) -> float:
    """0–100; containment of one name in the other counts as a match for names of 4+ characters."""
    if a == b:
        return 100.0
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return 95.0
    return fuzz.ratio(a, b)


def _match(report: _Report, known: list[_Report]) -> str | None:
    """The project_id of the known project `report` continues, or None for a new project.

    Named reports join a project with a similar name; a report without a name (or a named report
    meeting a project never named) joins the one project of the same company it can be.
    """
    strong: dict[str, float] = {}
    named: set[str] = {o.project_id for o in known if o.name_key}
    weak: list[_Report] = []
    for other in known:
        if report.company_id and other.company_id and report.company_id != other.company_id:
            continue
        if report.district and other.district and report.district != other.district:
            continue
        if report.name_key and other.name_key:
            score = _similar(report.name_key, other.name_key)
            if score >= NAME_SIMILARITY:
                strong[other.project_id] = max(score, strong.get(other.project_id, 0))
        elif report.company_id and report.company_id == other.company_id:
            if report.name_key is None or other.project_id not in named:
                weak.append(other)
    if strong:
        return max(strong, key=lambda pid: (strong[pid], pid))
    candidates = {o.project_id for o in weak}
    if len(candidates) > 1 and report.district:
        candidates = {o.project_id for o in weak if o.district == report.district}
    if len(candidates) > 1 and report.amount_yuan:
        candidates = {o.project_id for o in weak if o.amount_yuan == report.amount_yuan}
    return candidates.pop() if len(candidates) == 1 else None


def refresh_projects(con: duckdb.DuckDBPyConnection) -> int:
    """Link project rows not linked yet; returns how many were linked."""
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
        SELECT p.doc_id, p.seq, p.name, n.company_id, p.district, p.amount_yuan
        FROM projects p
        JOIN documents d USING (doc_id)
        LEFT JOIN company_names n ON n.name = p.company
        WHERE NOT EXISTS (SELECT 1 FROM project_links l WHERE l.doc_id = p.doc_id AND l.seq = p.seq)
        ORDER BY d.load_seq, d.published_date NULLS LAST, p.doc_id, p.seq
        """
    ).fetchall()
    if not rows:
        return 0
    reports = [_Report(r[0], r[1], project_key(r[2]), r[3], r[4], r[5]) for r in rows]

    company_ids = sorted({r.company_id for r in reports if r.company_id})
    districts = sorted({r.district for r in reports if r.district})
    keys = sorted({r.name_key for r in reports if r.name_key})
    with (
        staged(con, "_block_companies", pa.table({"v": pa.array(company_ids, pa.string())})),
        staged(con, "_block_districts", pa.table({"v": pa.array(districts, pa.string())})),
        staged(con, "_block_keys", pa.table({"v": pa.array(keys, pa.string())})),
    ):
        known_rows = con.execute(
            """
            SELECT DISTINCT l.project_id, l.name_key, l.company_id, l.district, p.amount_yuan
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

    for project_id, key, company_id, district, amount in known_rows:
        remember(_Report("", -1, key, company_id, district, amount, project_id))

    for report in reports:
        if report.company_id:
            pool = by_company[report.company_id] + by_company[None]
        else:
            pool = (
                [o for reports_ in by_district.values() for o in reports_]
                if not report.district
                else (by_district[report.district] + by_district[None])
            )
        found = _match(report, pool) if (report.name_key or report.company_id) else None
        report.project_id = found or _stable_id(f"project:{report.doc_id}:{report.seq}")
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


def refresh_resolution(con: duckdb.DuckDBPyConnection, *, rebuild: bool = False) -> None:
    """Recompute companies and link new project rows (`rebuild=True`: re-link every project row)."""
    if rebuild:
        con.execute("DELETE FROM project_links")
    refresh_companies(con)
    refresh_projects(con)
