"""Cross-document resolution: the same company and the same project across reports.

Resolution works on the keys the records arrive with (extractors.keys): a company name's comparison key,
its core without the legal-form ending and whether it has one; a project's key and its numbers. It never
normalizes a name itself; rows stored before keys came with the records are compared as written.

Companies are recomputed as a whole after each load (there are few distinct names): names are joined
when one report lists them as surface forms of one company, when their keys are equal, and when a short
name (no legal-form ending) is contained in the core of exactly one registered name.

Projects are resolved incrementally by record linkage (warehouse.linkage) so their ids stay stable: each
newly loaded project row is compared with the reports sharing a blocking key (company, brand, project key;
a name gram within its county, zone or amount; an amount within 1 % within its place), joins the project it
scores highest with at or above the threshold, or founds a new one whose id derives from that row.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import math
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache

import ahocorasick
import duckdb
import pyarrow as pa

from zhaoyin.schemas import CompanyKey
from zhaoyin.warehouse import linkage, summaries
from zhaoyin.warehouse.staging import staged


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
    """The names of every company record and every project's company, each name with its stored keys.

    Many reports list the same company the same way: the distinct groups are taken in SQL, so the Python
    work grows with the distinct names, not with the reports."""
    records = con.execute("SELECT DISTINCT canonical, mentions FROM companies").fetchall()
    stored_keys = con.execute(
        """
        SELECT k.name, min(k), 0 AS source FROM (SELECT unnest(name_keys) AS k FROM companies) GROUP BY k.name
        UNION ALL
        SELECT company, min(company_key), 1 FROM projects
        WHERE company IS NOT NULL AND company_key IS NOT NULL GROUP BY company
        ORDER BY source
        """
    ).fetchall()
    project_companies = con.execute(
        "SELECT DISTINCT company FROM projects WHERE company IS NOT NULL"
    ).fetchall()
    known: dict[str, CompanyKey] = {}
    for name, keys, _ in stored_keys:
        if name is not None:
            known.setdefault(name, CompanyKey(**keys))

    def keys_of(name: str) -> CompanyKey:
        return known.get(name) or as_written(name)

    distinct = sorted({(canonical, tuple(mentions or ())) for canonical, mentions in records})
    groups = [[keys_of(n) for n in (canonical, *mentions) if n] for canonical, mentions in distinct]
    groups += [[keys_of(company)] for company in sorted({row[0] for row in project_companies})]
    return groups


def refresh_companies(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Resolve every company name again; only the rows of company_names and company_dim that changed are
    written (a batch adds a few names to a warehouse of many). Returns the names that resolve to a company
    they did not resolve to before (new names among them)."""
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
    with staged(con, "_company_names", names), staged(con, "_company_dim", dim):
        changed = con.execute(
            """
            SELECT name FROM _company_names s
            WHERE NOT EXISTS (
                SELECT 1 FROM company_names n WHERE n.name = s.name AND n.company_id = s.company_id)
            ORDER BY name
            """
        ).fetchall()
        con.execute(
            """
            DELETE FROM company_names WHERE NOT EXISTS (
                SELECT 1 FROM _company_names s
                WHERE s.name = company_names.name AND s.company_id = company_names.company_id)
            """
        )
        con.execute(
            """
            INSERT INTO company_names SELECT name, company_id FROM _company_names s
            WHERE NOT EXISTS (SELECT 1 FROM company_names n WHERE n.name = s.name)
            """
        )
        con.execute(
            """
            DELETE FROM company_dim WHERE NOT EXISTS (
                SELECT 1 FROM _company_dim s
                WHERE s.company_id = company_dim.company_id AND s.canonical = company_dim.canonical
                  AND s.aliases = company_dim.aliases)
            """
        )
        con.execute(
            """
            INSERT INTO company_dim SELECT company_id, canonical, aliases FROM _company_dim s
            WHERE NOT EXISTS (SELECT 1 FROM company_dim d WHERE d.company_id = s.company_id)
            """
        )
    return [name for (name,) in changed]


def _company_names(con: duckdb.DuckDBPyConnection) -> dict[str, frozenset[str]]:
    """company_id → the keys and cores of every name it is reported under (linkage compares them)."""
    rows = con.execute(
        """
        WITH named AS (
            SELECT unnest(name_keys) AS k FROM companies
            UNION ALL SELECT company_key FROM projects WHERE company_key IS NOT NULL
        )
        SELECT n.company_id, list(DISTINCT named.k.key) || list(DISTINCT named.k.core)
        FROM named JOIN company_names n ON n.name = named.k.name
        GROUP BY n.company_id
        """
    ).fetchall()
    names = {company_id: frozenset(v for v in values if v) for company_id, values in rows}
    for name, company_id in con.execute("SELECT name, company_id FROM company_names").fetchall():
        names[company_id] = names.get(company_id, frozenset()) | {name}
    return names


_REPORT_COLUMNS = """
    p.doc_id, p.seq, coalesce(p.project_key, p.name) AS key, coalesce(p.name_key, p.name) AS full_key,
    {company_id} AS company_id, p.district, coalesce(p.district_path, []) AS path,
    coalesce(p.amount_value, p.amount_yuan) AS amount,
    coalesce(p.amount_currency, CASE WHEN p.amount_yuan IS NOT NULL THEN 'CNY' END) AS currency,
    coalesce(p.key_numbers, []) AS numbers, coalesce(p.kind, 'project') AS kind, p.status, d.published_date
"""


class _CompanyFinder:
    """Which companies a project's name holds (by their whole name, or the brand both start with)."""

    def __init__(self, names: dict[str, frozenset[str]]):
        self.names = names
        self.automaton = ahocorasick.Automaton()
        self.by_brand: dict[str, set[str]] = defaultdict(set)
        for company_id, forms in names.items():
            for form in forms:
                if len(form) >= linkage.NAME_IN_NAME_MIN_CHARS:
                    if form not in self.automaton:
                        self.automaton.add_word(form, set())
                    self.automaton.get(form).add(company_id)
                if len(form) >= linkage.BRAND_MIN_CHARS:
                    self.by_brand[form[: linkage.BRAND_MIN_CHARS]].add(company_id)
        if len(self.automaton):
            self.automaton.make_automaton()

    def __call__(self, key: str | None) -> frozenset[str]:
        if not key:
            return frozenset()
        found = set(self.by_brand.get(key[: linkage.BRAND_MIN_CHARS], ()))
        if len(self.automaton):
            for _, ids in self.automaton.iter(key):
                found |= ids
        return frozenset(
            c for c in found if any(linkage.names_company(key, n) for n in self.names.get(c, ()))
        )


def _report(
    row: tuple,
    names: dict[str, frozenset[str]],
    finder: _CompanyFinder,
    project_id: str | None = None,
    generic: str = "",
) -> linkage.Report:
    (
        doc_id,
        seq,
        key,
        full_key,
        company_id,
        district,
        path,
        amount,
        currency,
        numbers,
        kind,
        status,
        published,
    ) = row
    return linkage.Report(
        doc_id=doc_id,
        seq=seq,
        key=key,
        full_key=full_key,
        company_id=company_id,
        district=district,
        path=tuple(path),
        amount=amount,
        currency=currency,
        numbers=frozenset(numbers),
        kind=kind,
        status=status,
        published=published,
        project_id=project_id,
        company_names=names.get(company_id, frozenset()) if company_id else frozenset(),
        named_companies=finder(key) if not company_id else frozenset(),
        generic=generic,
    )


def _places(report: linkage.Report) -> set[str]:
    """The county and zone of a report (its city is too wide to block on)."""
    return {place for place in (*report.path[1:], report.district) if place}


def _scopes(report: linkage.Report) -> set[str]:
    """Where a report's name grams are filed: each of its places, and its amount."""
    scopes = {f"place:{place}" for place in _places(report)}
    if report.amount is not None:
        scopes.add(f"amount:{report.currency or 'CNY'}:{report.amount:.0f}")
    return scopes


# kinds of project_blocks rows: a name gram within a scope (place or amount), the same for a gram the row is
# looked up by (linkage.probe_grams), the project key, its brand, an amount bucket within a place
_GRAM, _PROBE_GRAM, _KEY, _BRAND, _AMOUNT = range(5)
_NAME_GRAM_KINDS = (_GRAM, _PROBE_GRAM)


@lru_cache(maxsize=1 << 18)
def _block_hash(text: str) -> int:
    """A block as stored in project_blocks: 64 bits of its text (a collision only adds a candidate fetched)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _amount_bucket(amount: float) -> int:
    return math.floor(math.log(amount) / linkage.AMOUNT_BUCKET)


@lru_cache(maxsize=1 << 16)
def _gram_blocks(key: str, generic: str, scope: str) -> tuple[frozenset, frozenset]:
    """(filed, looked up) name-gram blocks of a key in one scope (many reports share both): filed under each
    gram, as a probe gram when the key is looked up by it; looked up by every gram among the stored probe
    grams and by its own probe grams among all stored grams."""
    probes = linkage.probe_grams(key, generic)
    filed, looked_up = set(), set()
    for gram in linkage.name_grams(key):
        block = _block_hash(f"{scope}|{gram}")
        filed.add((block, _PROBE_GRAM if gram in probes else _GRAM))
        looked_up.add((block, _PROBE_GRAM))
        if gram in probes:
            looked_up.add((block, _GRAM))
    return frozenset(filed), frozenset(looked_up)


@lru_cache(maxsize=1 << 12)
def _brand_blocks(company_names: frozenset[str]) -> frozenset[tuple[str, str]]:
    """The brands (first characters) of a company's names: the rows of one company share the same set."""
    return frozenset(
        ("brand", n[: linkage.BRAND_MIN_CHARS]) for n in company_names if len(n) >= linkage.BRAND_MIN_CHARS
    )


def _company_blocks(report: linkage.Report) -> set[tuple[str, str]]:
    """The blocks of a report's company (its own, those its name holds) and of its brand: filed and looked
    up alike, and not in project_blocks (a company's names change as companies are resolved again)."""
    common = {("company", c) for c in report.named_companies}
    if report.company_id:
        common.add(("company", report.company_id))
        common |= _brand_blocks(report.company_names)
    elif report.key and len(report.key) >= linkage.BRAND_MIN_CHARS:
        common.add(("brand", report.key[: linkage.BRAND_MIN_CHARS]))
    return common


def _blocks(report: linkage.Report) -> tuple[set, set]:
    """(the blocks a report is filed under, the blocks it looks up): only reports one of whose blocks the
    other looks up are ever compared.

    A place or an amount alone is no block: a county of years of reports holds thousands of rows, and
    round amounts (1 亿元) are everywhere. Within a place or an amount, a report is filed under its name's
    grams and looked up by its specific ones (linkage.name_grams, probe_grams); within a place it is also
    filed under its amount's bucket and looks up that bucket and the two beside it. What can reach the
    threshold there agrees on one of them (a name weight of 4, or amounts within 1 %), unless two names
    agree only on generic grams. The blocks of the key, its grams and amounts are (hash, kind) as in
    project_blocks, so a stored report's are read from there."""
    common = _company_blocks(report)
    filed, looked_up = set(common), set(common)
    if report.key:
        key_block = (_block_hash(f"key|{report.key}"), _KEY)
        filed.add(key_block)
        looked_up.add(key_block)
        for scope in _scopes(report):
            scoped_filed, scoped_looked_up = _gram_blocks(report.key, report.generic, scope)
            filed |= scoped_filed
            looked_up |= scoped_looked_up
    if report.amount and report.amount > 0:
        bucket = _amount_bucket(report.amount)
        for place in _places(report):
            prefix = f"amount|{place}|{report.currency or 'CNY'}|"
            filed.add((_block_hash(f"{prefix}{bucket}"), _AMOUNT))
            looked_up |= {(_block_hash(f"{prefix}{b}"), _AMOUNT) for b in (bucket - 1, bucket, bucket + 1)}
    return filed, looked_up


def _filed_blocks(report: linkage.Report, filed: set | None = None) -> set[tuple[int, int]]:
    """(block, kind) of a linked report in project_blocks: what the candidate fetch of a later batch finds it
    by, besides its company (kept current in project_links): the hashed blocks of `_blocks` and the brand
    its key starts with."""
    filed = _blocks(report)[0] if filed is None else filed
    stored = {block for block in filed if isinstance(block[0], int)}
    if report.key and len(report.key) >= linkage.BRAND_MIN_CHARS:
        stored.add((_block_hash(f"brand|{report.key[: linkage.BRAND_MIN_CHARS]}"), _BRAND))
    return stored


def _insert_blocks(
    con: duckdb.DuckDBPyConnection, reports: list[linkage.Report], filed: dict[int, set] | None = None
) -> None:
    """File the blocks of linked reports (`filed`: their `_blocks(...)[0]` by id, when already computed)."""
    filed = filed or {}
    rows = [
        (block, kind, r.doc_id, r.seq) for r in reports for block, kind in _filed_blocks(r, filed.get(id(r)))
    ]
    table = pa.table(
        {
            "block": pa.array([row[0] for row in rows], pa.uint64()),
            "kind": pa.array([row[1] for row in rows], pa.uint8()),
            "doc_id": pa.array([row[2] for row in rows], pa.string()),
            "seq": pa.array([row[3] for row in rows], pa.int32()),
        }
    )
    with staged(con, "_new_blocks", table):
        con.execute("INSERT INTO project_blocks SELECT block, kind, doc_id, seq FROM _new_blocks")


def file_missing_blocks(con: duckdb.DuckDBPyConnection, chunk: int = 200_000) -> int:
    """File the blocks of the linked project rows that have none in project_blocks (rows linked before the
    table existed, or copied in by the bench's scale builder); returns how many rows were filed."""
    missing = con.sql(
        """
        SELECT p.doc_id, p.seq, coalesce(p.project_key, p.name), p.district, coalesce(p.district_path, []),
               coalesce(p.amount_value, p.amount_yuan),
               coalesce(p.amount_currency, CASE WHEN p.amount_yuan IS NOT NULL THEN 'CNY' END),
               coalesce(p.key_generic_chars, '')
        FROM projects p
        WHERE EXISTS (SELECT 1 FROM project_links l WHERE l.doc_id = p.doc_id AND l.seq = p.seq)
          AND NOT EXISTS (SELECT 1 FROM project_blocks b WHERE b.doc_id = p.doc_id AND b.seq = p.seq)
        """
    ).to_arrow_table()  # whole: the inserts below would end a result read in pieces
    filed = 0
    for start in range(0, missing.num_rows, chunk):
        reports = [
            linkage.Report(
                doc_id=doc_id,
                seq=seq,
                key=key,
                company_id=None,
                district=district,
                path=tuple(path),
                amount=amount,
                currency=currency,
                generic=generic,
            )
            for doc_id, seq, key, district, path, amount, currency, generic in zip(
                *(column.to_pylist() for column in missing.slice(start, chunk).columns), strict=True
            )
        ]
        _insert_blocks(con, reports)
        filed += len(reports)
    return filed


def _wanted_blocks(reports: list[linkage.Report], looked_up: set) -> pa.Table:
    """(block, kind, low, high) of project_blocks that the new reports look up: their keys and brands, their
    scoped name grams (a stored gram is found by a new row's probe gram; a stored probe gram by any of its
    grams) and the amount buckets of their places (low, high: the amounts they fetch there)."""
    rows: set[tuple[int, int, float | None, float | None]] = set()
    for first, second in looked_up:  # ("company" | "brand", its value) or (hash, kind)
        if first == "brand":
            rows.add((_block_hash(f"brand|{second}"), _BRAND, None, None))
        elif isinstance(first, int) and second != _AMOUNT:
            rows.add((first, second, None, None))
    for report in reports:
        if report.amount and report.amount > 0:
            low, high = report.amount * _AMOUNT_WINDOW[0], report.amount * _AMOUNT_WINDOW[1]
            # one bucket more on either side: a stored bucket was computed once, in floating point
            buckets = range(_amount_bucket(low) - 1, _amount_bucket(high) + 2)
            for place in _places(report):
                for bucket in buckets:
                    block = _block_hash(f"amount|{place}|{report.currency or 'CNY'}|{bucket}")
                    rows.add((block, _AMOUNT, low, high))
    ordered = sorted(rows, key=lambda row: (row[0], row[1], row[2] or 0.0, row[3] or 0.0))
    return pa.table(
        {
            "block": pa.array([row[0] for row in ordered], pa.uint64()),
            "kind": pa.array([row[1] for row in ordered], pa.uint8()),
            "low": pa.array([row[2] for row in ordered], pa.float64()),
            "high": pa.array([row[3] for row in ordered], pa.float64()),
        }
    )


# the most candidates a new row is compared with through its name grams alone (see _candidate_positions)
NAME_GRAM_CANDIDATES = 64


def _candidate_positions(looked_up: set, by_block: dict[tuple, set[int]], recency: list[tuple]) -> set[int]:
    """The positions of the reports a new row is compared with, each once (it shares several blocks with
    most of them).

    Every report sharing its company, brand, key or an amount bucket is compared. Those found through its
    name grams alone are compared whole up to NAME_GRAM_CANDIDATES; past that (a gram of a place that years
    of reports share), only the NAME_GRAM_CANDIDATES sharing the most grams with it, the most recent first
    (`recency`, by position) among equals: a report sharing one gram of many is far from a name weight that
    could reach the threshold, and a project that continues is found by its key, company or amount too."""
    whole: list[set[int]] = []
    by_gram: list[set[int]] = []
    for block in looked_up:
        positions = by_block.get(block)
        if positions:
            (by_gram if block[1] in _NAME_GRAM_KINDS else whole).append(positions)
    found = set().union(*whole)
    shared = Counter()
    for positions in by_gram:
        shared.update(positions)
    for position in found:
        shared.pop(position, None)
    if len(shared) <= NAME_GRAM_CANDIDATES:
        return found | shared.keys()
    # the fewest grams a kept report shares: all sharing more are kept, the most recent of those sharing as many
    left, fewest = NAME_GRAM_CANDIDATES, 0
    for count, reports in sorted(Counter(shared.values()).items(), reverse=True):
        if reports >= left:
            fewest = count
            break
        left -= reports
    found.update(position for position, count in shared.items() if count > fewest)
    tied = [position for position, count in shared.items() if count == fewest]
    found.update(heapq.nlargest(left, tied, key=recency.__getitem__))
    return found


def _new_row_blocks(reports: list[linkage.Report], blocks_of: dict[int, tuple[set, set]], finder) -> dict:
    """Per new row (its position in `reports`), what it looks up, as tables for the candidate fetch: its name
    grams, its key and amount blocks, its companies, the companies whose names carry a brand it looks up,
    and those brands (the brand of a stored row without company is its key's start)."""
    columns = {name: ([], []) for name in ("grams", "whole", "companies", "brand_companies", "brands")}
    for row, report in enumerate(reports):
        for first, second in blocks_of[id(report)][1]:
            if first == "company":
                target, value = "companies", second
            elif first == "brand":
                columns["brands"][0].append(row)
                columns["brands"][1].append(second)
                for company_id in sorted(finder.by_brand.get(second, ())):
                    columns["brand_companies"][0].append(row)
                    columns["brand_companies"][1].append(company_id)
                continue
            else:
                target, value = ("grams" if second in _NAME_GRAM_KINDS else "whole"), (first, second)
            columns[target][0].append(row)
            columns[target][1].append(value)
    tables = {}
    for name in ("grams", "whole"):
        rows, values = columns[name]
        tables[name] = pa.table(
            {
                "row": pa.array(rows, pa.int32()),
                "block": pa.array([v[0] for v in values], pa.uint64()),
                "kind": pa.array([v[1] for v in values], pa.uint8()),
            }
        )
    for name, column in (("companies", "company_id"), ("brand_companies", "company_id"), ("brands", "brand")):
        rows, values = columns[name]
        tables[name] = pa.table({"row": pa.array(rows, pa.int32()), column: pa.array(values, pa.string())})
    return tables


# new rows whose name-gram candidates are ranked in one query (bounds the pairs held in memory)
_RANKED_ROWS_AT_ONCE = 500


def _stored_candidates(
    con: duckdb.DuckDBPyConnection,
    reports: list[linkage.Report],
    blocks_of: dict[int, tuple[set, set]],
    looked_up: set,
    finder: _CompanyFinder,
) -> list[tuple]:
    """The stored reports the new ones can be compared with (as `_REPORT_COLUMNS`, project_id, and the
    (block, kind) lists project_blocks holds for each among those looked up).

    Stored reports alike in all that linkage compares but their dates are compared as at most three: the
    earliest, the latest and an undated one. A project scores as its closest report, and a date changes a
    score only through order_weight, which at a given status is monotone in the date; only a report of the
    same document (score's −1) must stay apart, so rows of the new rows' documents are not merged.

    Of the reports a new row finds through its name grams alone, only the NAME_GRAM_CANDIDATES that
    `_candidate_positions` can keep come back: ranked here as there (the most grams shared, the most recent
    first among equals) among those sharing no other block with it, so the Python side builds a `Report`
    for those and for the ones sharing a company, brand, key or amount block with a new row, not for every
    row of a county's grams. The companies a stored row's name holds (`_CompanyFinder`) decide whether it
    shares a company block; they are computed for the distinct keys without company between the queries."""
    companies = sorted(value for kind, value in looked_up if kind == "company")
    new_docs = sorted({r.doc_id for r in reports})
    per_row = _new_row_blocks(reports, blocks_of, finder)
    temporary = ("_cand_matched", "_cand_hits", "_cand_members", "_cand_blocks", "_cand_kept")
    try:
        with (
            staged(con, "_companies", pa.table({"v": pa.array(companies, pa.string())})),
            staged(con, "_wanted", _wanted_blocks(reports, looked_up)),
            staged(con, "_new_docs", pa.table({"doc_id": pa.array(new_docs, pa.string())})),
        ):
            # not made distinct: every reader below dedupes (a UNION, a DISTINCT), and 4 million matched
            # rows at 100,000 reports made the aggregate cost as much as the scan
            con.execute(
                """
                CREATE OR REPLACE TEMP TABLE _cand_matched AS
                SELECT b.doc_id, b.seq, b.block, b.kind, w.low, w.high
                FROM project_blocks b JOIN _wanted w ON w.block = b.block AND w.kind = b.kind
                """
            )
            # the stored rows found, as a table of its own: with its true size the join below starts from it
            con.execute(
                f"""
                CREATE OR REPLACE TEMP TABLE _cand_hits AS
                    SELECT doc_id, seq FROM project_links WHERE company_id IN (SELECT v FROM _companies)
                    UNION
                    SELECT doc_id, seq FROM _cand_matched WHERE kind IN ({_GRAM}, {_PROBE_GRAM}, {_KEY})
                    UNION
                    SELECT m.doc_id, m.seq FROM _cand_matched m JOIN project_links l USING (doc_id, seq)
                    WHERE m.kind = {_BRAND} AND l.company_id IS NULL
                    UNION
                    SELECT m.doc_id, m.seq FROM _cand_matched m JOIN projects p USING (doc_id, seq)
                    WHERE m.kind = {_AMOUNT}
                      AND coalesce(p.amount_value, p.amount_yuan) BETWEEN m.low AND m.high
                """
            )
            con.execute(
                f"""
                CREATE OR REPLACE TEMP TABLE _cand_members AS
                WITH candidate AS (
                    SELECT coalesce(own_doc, member.d) AS doc_id, coalesce(own_seq, member.s) AS seq,
                           key, full_key, company_id, district, path, amount, currency, numbers, kind,
                           status, published, project_id
                    FROM (
                        SELECT * EXCLUDE (first, last, undated),
                               -- first and last are one report when it alone is dated: one member
                               unnest([first, CASE WHEN last <> first THEN last END, undated]) AS member,
                               unnest([first_date, last_date, NULL]) AS published
                        FROM (
                            SELECT own_doc, own_seq, key, full_key, company_id, district, path, amount,
                                   currency, numbers, kind, status, project_id,
                                   arg_min(struct_pack(d := doc_id, s := seq), published_date) AS first,
                                   min(published_date) AS first_date,
                                   arg_max(struct_pack(d := doc_id, s := seq), published_date) AS last,
                                   max(published_date) AS last_date,
                                   min(struct_pack(d := doc_id, s := seq))
                                       FILTER (WHERE published_date IS NULL) AS undated
                            FROM (
                                SELECT {_REPORT_COLUMNS.format(company_id="l.company_id")}, l.project_id,
                                       CASE WHEN p.doc_id IN (SELECT doc_id FROM _new_docs) THEN p.doc_id END
                                           AS own_doc,
                                       CASE WHEN p.doc_id IN (SELECT doc_id FROM _new_docs) THEN p.seq END
                                           AS own_seq
                                FROM _cand_hits hits
                                JOIN project_links l ON l.doc_id = hits.doc_id AND l.seq = hits.seq
                                JOIN projects p ON p.doc_id = l.doc_id AND p.seq = l.seq
                                JOIN documents d ON d.doc_id = p.doc_id
                            )
                            GROUP BY own_doc, own_seq, key, full_key, company_id, district, path, amount,
                                     currency, numbers, kind, status, project_id
                        )
                    )
                    WHERE member IS NOT NULL
                )
                -- numbered in the order _candidate_positions keeps among equals (date, doc_id, seq): a member's
                -- number is its recency
                SELECT row_number() OVER (ORDER BY coalesce(published, DATE '0001-01-01'), doc_id, seq) AS member, *
                FROM candidate
                """
            )
            # the blocks of each member as found, by its number: the per-row counting below stays narrow
            con.execute(
                """
                CREATE OR REPLACE TEMP TABLE _cand_blocks AS
                SELECT DISTINCT m.member, x.block, x.kind
                FROM _cand_matched x JOIN _cand_members m ON m.doc_id = x.doc_id AND m.seq = x.seq
                """
            )
        unnamed = con.execute(
            "SELECT DISTINCT key FROM _cand_members WHERE company_id IS NULL AND key IS NOT NULL"
        ).fetchall()
        wanted_companies = set(companies)
        named = [
            (key, company_id) for (key,) in unnamed for company_id in sorted(finder(key) & wanted_companies)
        ]
        named_table = pa.table(
            {
                "key": pa.array([key for key, _ in named], pa.string()),
                "company_id": pa.array([company_id for _, company_id in named], pa.string()),
            }
        )
        with (
            staged(con, "_row_grams", per_row["grams"]),
            staged(con, "_row_whole", per_row["whole"]),
            staged(con, "_row_companies", per_row["companies"]),
            staged(con, "_row_brand_companies", per_row["brand_companies"]),
            staged(con, "_row_brands", per_row["brands"]),
            staged(con, "_named", named_table),
        ):
            con.execute("CREATE OR REPLACE TEMP TABLE _cand_kept (member BIGINT)")
            # a few hundred new rows at a time: each meets up to thousands of stored rows through its grams
            for first in range(0, len(reports), _RANKED_ROWS_AT_ONCE):
                con.execute(
                    f"""
                    INSERT INTO _cand_kept
                    WITH
                    -- (new row, stored report) sharing a block that is not a name gram (_candidate_positions'
                    -- `found`: always compared)
                    shares_more AS (
                        SELECT w.row, x.member
                        FROM _row_whole w JOIN _cand_blocks x ON x.block = w.block AND x.kind = w.kind
                        WHERE w.row BETWEEN $first AND $last
                        UNION
                        SELECT c.row, m.member
                        FROM (SELECT * FROM _row_companies UNION SELECT * FROM _row_brand_companies) c
                        JOIN _cand_members m ON m.company_id = c.company_id
                        WHERE c.row BETWEEN $first AND $last
                        UNION
                        SELECT b.row, m.member
                        FROM _row_brands b
                        JOIN _cand_members m ON m.company_id IS NULL AND substring(m.key, 1, 4) = b.brand
                        WHERE b.row BETWEEN $first AND $last
                        UNION
                        SELECT c.row, m.member
                        FROM _row_companies c
                        JOIN _named n ON n.company_id = c.company_id
                        JOIN _cand_members m ON m.company_id IS NULL AND m.key = n.key
                        WHERE c.row BETWEEN $first AND $last
                    ),
                    shared_grams AS (
                        SELECT g.row, x.member, count(*) AS shared
                        FROM _row_grams g JOIN _cand_blocks x ON x.block = g.block AND x.kind = g.kind
                        WHERE g.row BETWEEN $first AND $last
                        GROUP BY g.row, x.member
                    ),
                    -- the most grams shared first, then the most recent: one integer, the member (its recency)
                    -- below 2^32
                    ranked AS (
                        SELECT unnest(
                            max_by(s.member, s.shared * 4294967296 + s.member, {NAME_GRAM_CANDIDATES})
                        ) AS member
                        FROM shared_grams s
                        ANTI JOIN shares_more o ON o.row = s.row AND o.member = s.member
                        GROUP BY s.row
                    )
                    SELECT member FROM shares_more UNION SELECT member FROM ranked
                    """,
                    {"first": first, "last": first + _RANKED_ROWS_AT_ONCE - 1},
                )
            return con.execute(
                f"""
                WITH filed AS (
                    SELECT member, list(block) AS blocks, list(kind) AS kinds
                    FROM _cand_blocks WHERE kind <> {_BRAND}
                    GROUP BY member
                )
                SELECT m.doc_id, m.seq, m.key, m.full_key, m.company_id, m.district, m.path, m.amount,
                       m.currency, m.numbers, m.kind, m.status, m.published, m.project_id,
                       coalesce(f.blocks, []), coalesce(f.kinds, [])
                FROM _cand_members m
                SEMI JOIN (SELECT DISTINCT member FROM _cand_kept) kept USING (member)
                LEFT JOIN filed f USING (member)
                """
            ).fetchall()
    finally:
        for table in temporary:
            # in an aborted transaction this fails too; the original error is the one to see
            with contextlib.suppress(duckdb.Error):
                con.execute(f"DROP TABLE IF EXISTS {table}")


# the stored amounts fetched for a new one: wider than the two buckets of ln(amount) it shares (±2.03 %)
_AMOUNT_WINDOW = (0.97, 1.031)


def _unlinked_reports(
    con: duckdb.DuckDBPyConnection, names: dict[str, frozenset[str]], finder: _CompanyFinder
) -> list[linkage.Report]:
    """The project rows not linked yet, in the order they are linked (load, date, document, row)."""
    rows = con.execute(
        f"""
        SELECT {_REPORT_COLUMNS.format(company_id="n.company_id")}, coalesce(p.key_generic_chars, '')
        FROM projects p
        JOIN documents d USING (doc_id)
        LEFT JOIN company_names n ON n.name = p.company
        WHERE NOT EXISTS (SELECT 1 FROM project_links l WHERE l.doc_id = p.doc_id AND l.seq = p.seq)
        ORDER BY d.load_seq, d.published_date NULLS LAST, p.doc_id, p.seq
        """
    ).fetchall()
    return [_report(r[:-1], names, finder, generic=r[-1]) for r in rows]


class _Members:
    """Every report that can be a candidate, once; a block holds the positions of the reports filed under it."""

    def __init__(self, looked_up: set):
        self.looked_up = looked_up
        self.members: list[linkage.Report] = []
        self.recency: list[
            tuple
        ] = []  # of each member: (date, doc_id, seq), to keep the most recent of equals
        self.remembered: set[tuple[str, int, str | None]] = set()
        self.by_block: dict[tuple, set[int]] = defaultdict(set)

    def remember(self, report: linkage.Report, filed: set) -> None:
        identity = (report.doc_id, report.seq, report.project_id)
        if identity in self.remembered:
            return
        self.remembered.add(identity)
        self.members.append(report)
        self.recency.append((report.published or date.min, report.doc_id, report.seq))
        for block in filed & self.looked_up:  # a block no new row looks up is never read
            self.by_block[block].add(len(self.members) - 1)

    def remember_stored(
        self, rows: list[tuple], names: dict[str, frozenset[str]], finder: _CompanyFinder
    ) -> None:
        """A stored report's blocks are those project_blocks holds for it (as fetched: the ones looked up) and
        its company's, which follow company resolution."""
        for row in rows:
            report = _report(row[:-3], names, finder, project_id=row[-3])
            self.remember(report, _company_blocks(report) | set(zip(row[-2], row[-1], strict=True)))


def _relink_companies(con: duckdb.DuckDBPyConnection, changed_names: list[str] | None) -> None:
    """Bring the company of linked rows up to date with company_names: of the rows named by `changed_names`
    (what `refresh_companies` returned), or of every row when None. Every link is written with its name's
    company and rewritten here when that changes, so a name that did not change has no stale link."""
    if changed_names is not None and not changed_names:
        return
    update = """
        UPDATE project_links SET company_id = n.company_id
        FROM projects p, company_names n
        WHERE p.doc_id = project_links.doc_id AND p.seq = project_links.seq AND n.name = p.company
          AND project_links.company_id IS DISTINCT FROM n.company_id
    """
    if changed_names is None:
        con.execute(update)
        return
    with staged(con, "_changed_names", pa.table({"name": pa.array(changed_names, pa.string())})):
        con.execute(update + " AND n.name IN (SELECT name FROM _changed_names)")


def refresh_projects(
    con: duckdb.DuckDBPyConnection,
    previous_ids: dict[tuple[str, int], str] | None = None,
    changed_names: list[str] | None = None,
) -> int:
    """Link project rows not linked yet; returns how many were linked.

    Each new row is compared (warehouse.linkage.score) only with the reports sharing one of its blocking
    keys (_blocks) and joins the project of the best score at or above the threshold, else founds a new one. `previous_ids`: the project ids rows had before
    they were re-extracted; a project founded anew by such a row keeps its old id (when no other project
    holds it), so ids survive re-extraction. `changed_names`: the names whose company `refresh_companies`
    changed; only their rows' links are brought up to date (None: every link).
    """
    previous_ids = previous_ids or {}
    _relink_companies(con, changed_names)
    names = _company_names(con)
    finder = _CompanyFinder(names)
    reports = _unlinked_reports(con, names, finder)
    if not reports:
        return 0
    blocks_of = {id(r): _blocks(r) for r in reports}  # (filed, looked up) of each new report
    looked_up = set().union(*(looked for _, looked in blocks_of.values()))
    known_rows = _stored_candidates(con, reports, blocks_of, looked_up, finder)

    known = _Members(looked_up)
    known.remember_stored(known_rows, names, finder)
    members, recency, by_block, remember = known.members, known.recency, known.by_block, known.remember

    reusable = set(previous_ids.values())
    if reusable:
        with staged(con, "_previous_ids", pa.table({"v": pa.array(sorted(reusable), pa.string())})):
            held = con.execute(
                "SELECT DISTINCT project_id FROM project_links WHERE project_id IN (SELECT v FROM _previous_ids)"
            ).fetchall()
        reusable -= {pid for (pid,) in held}

    for report in reports:
        candidates: dict[str, list[linkage.Report]] = defaultdict(list)
        for position in _candidate_positions(blocks_of[id(report)][1], by_block, recency):
            member = members[position]
            candidates[member.project_id].append(member)
        found, best = linkage.best_project(report, candidates)
        if found:
            report.score = best
        else:
            found = previous_ids.get((report.doc_id, report.seq))
            if found in reusable:
                reusable.discard(found)
            else:
                found = _stable_id(f"project:{report.doc_id}:{report.seq}")
        report.project_id = found
        remember(report, blocks_of[id(report)][0])

    links = pa.table(
        {
            "doc_id": pa.array([r.doc_id for r in reports], pa.string()),
            "seq": pa.array([r.seq for r in reports], pa.int32()),
            "project_id": pa.array([r.project_id for r in reports], pa.string()),
            "company_id": pa.array([r.company_id for r in reports], pa.string()),
            "name_key": pa.array([r.key for r in reports], pa.string()),
            "district": pa.array([r.district for r in reports], pa.string()),
            "score": pa.array([r.score for r in reports], pa.float64()),
        }
    )
    with staged(con, "_new_links", links):
        con.execute(
            "INSERT INTO project_links (doc_id, seq, project_id, company_id, name_key, district, score) "
            "SELECT doc_id, seq, project_id, company_id, name_key, district, score FROM _new_links"
        )
    _insert_blocks(con, reports, {key: filed for key, (filed, _) in blocks_of.items()})
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
    """Recompute companies, link new project rows and bring the summary tables up to date.

    `rebuild=True` re-links every project row from scratch in a fixed order (the result then depends only on
    the rows, not on the batches they came in); re-founded projects keep the ids in `previous_ids`
    (default: the current links).
    """
    if rebuild:
        if previous_ids is None:
            previous_ids = current_links(con)
        con.execute("DELETE FROM project_links")
        con.execute("DELETE FROM project_blocks")
    changed_names = refresh_companies(con)
    refresh_projects(con, previous_ids, changed_names)
    summaries.refresh_summaries(con, full=rebuild)


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
