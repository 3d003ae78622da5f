"""Warehouses of 10,000 or 100,000 reports for figures (g) and (i), built in minutes rather than hours.

A pool of bench documents (1,000 by default) is imported once through the real pipeline (`ingest`: extraction,
loading, resolution, reprint linking). A warehouse of N reports is that pool plus N/pool − 1 *variants* of it,
written set-based from the pool's own rows: each variant renames every company and project with a seeded
substitution of the characters their names are made of (`translate`, so a name's keys, core and the company
names a project's name holds change together and stay consistent), scales its amounts, gives its documents
new ids and texts, and its fingerprints new signatures and LSH buckets. Places are kept: a warehouse of years
of reports about one region names the same districts again and again, so its place blocks grow with it.

Some variants collide, as reports do: about one report in ten is a follow-up of the previous variant's (same
names, same project ids), and about one in thirty of those is a reprint of it (same fingerprint, linked as a
reprint). The result is cached under bench/out/scale/ keyed by the pool's size and a hash of the record types
(schemas/) and this builder. A cached warehouse that predates a migration is upgraded when it is handed out,
once, through `zhaoyin.warehouse.connect` (so a migration's backfill is never timed).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow as pa

from zhaoyin.warehouse.loading import RECORD_TABLES

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
SCALE_DIR = BENCH_DIR / "out" / "scale"
FOLLOW_UP_EVERY = 10  # one report in ten continues a report of the previous variant
REPRINT_EVERY = 33  # one in thirty-three of those is a reprint of it
# characters of names that carry their kind, not their identity: kept, so a renamed company stays a company
_KEPT = set("有限公司股份集团责任合伙企业项目工程基地园区产业中心一二三四五六七八九十期号线（）()·")


# keys of warehouses cached before the key left the migrations out: this builder makes the same content, and
# the migrations since are applied when such a file is handed out
EARLIER_KEYS = ("a0f6c09a0608",)


def code_version() -> str:
    """A hash of what decides the content of a warehouse: the record types and this file. The extraction rules
    are left out on purpose: a warehouse filled by an older extractor is what users hold, and the bench's
    figures time imports and queries on it, not the rules that filled it. The tables (warehouse/migrations)
    are left out too: an older warehouse is upgraded on open, as users' are."""
    digest = hashlib.sha256()
    for folder in ("schemas",):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".sql", ".txt", ".tsv", ".json", ".csv"}:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:12]


def build_pool(files: list[Path], workers: int = 2, batch_size: int = 200) -> Path:
    """The pool warehouse: `files` imported through the real plain-loop pipeline (cached)."""
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest

    path = SCALE_DIR / f"pool-{len(files)}-{code_version()}.duckdb"
    if cached := _cached(path):
        return cached
    SCALE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.duckdb")
    partial.unlink(missing_ok=True)
    summary = ingest(discover(files), partial, workers=workers, batch_size=batch_size)
    if summary.new_documents != len(files):
        raise RuntimeError(f"the pool imported {summary.new_documents} of {len(files)} documents")
    partial.rename(path)
    return path


def _upgraded(path: Path) -> Path:
    """`path` with the migrations it predates applied (opening it through the warehouse does that)."""
    from zhaoyin.warehouse import connect

    connect(path).close()
    return path


def _cached(path: Path) -> Path | None:
    """The cached warehouse `path` names, or one cached under an earlier key, upgraded; None when neither is."""
    for key in (code_version(), *EARLIER_KEYS):
        candidate = path.with_name(path.name.replace(code_version(), key))
        if candidate.exists():
            started = time.perf_counter()
            _upgraded(candidate)
            if (seconds := time.perf_counter() - started) > 1:
                print(f"  {candidate.name} upgraded in {seconds:.0f} s", flush=True)
            return candidate
    return None


def _alphabet(con: duckdb.DuckDBPyConnection) -> str:
    """The characters that company and project names are made of, less those that say what kind of name it is."""
    rows = con.execute(
        """
        SELECT name FROM projects WHERE name IS NOT NULL
        UNION SELECT company FROM projects WHERE company IS NOT NULL
        UNION SELECT unnest(mentions) FROM companies
        UNION SELECT canonical FROM companies
        """
    ).fetchall()
    chars = {c for (name,) in rows for c in name if "\u4e00" <= c <= "\u9fff" and c not in _KEPT}
    return "".join(sorted(chars))


def _variant_map(pool_ids: list[str], variants: range, alphabet: str) -> pa.Table:
    """One row per (variant, pool document): its new id, the cipher it is written with, what it continues."""
    rows: dict[str, list] = {
        k: [] for k in ("pool_id", "variant", "doc_id", "offset", "to_chars", "previous")
    }
    rows["reprint"] = []
    n = len(alphabet)
    for variant in variants:
        for pool_id in pool_ids:
            draw = int(hashlib.blake2b(f"{variant}:{pool_id}".encode(), digest_size=4).hexdigest(), 16)
            follows = variant > 0 and draw % FOLLOW_UP_EVERY == 0
            offset = (variant - 1 if follows else variant) % n
            rows["pool_id"].append(pool_id)
            rows["variant"].append(variant)
            rows["doc_id"].append(_new_id(variant, pool_id))
            rows["offset"].append(offset)
            rows["to_chars"].append(alphabet[offset:] + alphabet[:offset])
            rows["previous"].append(_new_id(variant - 1, pool_id) if follows else None)
            rows["reprint"].append(follows and (draw // FOLLOW_UP_EVERY) % REPRINT_EVERY == 0)
    return pa.table(rows)


def _new_id(variant: int, pool_id: str) -> str:
    return pool_id if variant == 0 else hashlib.sha256(f"{variant}:{pool_id}".encode()).hexdigest()[:16]


def _key_struct(expr: str) -> str:
    return (
        f"CASE WHEN {expr} IS NULL THEN NULL ELSE struct_pack(name := t({expr}.name), key := t({expr}.key), "
        f"core := t({expr}.core), registered := {expr}.registered, bracketed := {expr}.bracketed, "
        f"fullwidth_brackets := {expr}.fullwidth_brackets) END"
    )


# Per table: column → expression over the pool row `r` and the variant map `m` (t() renames, f is the amount
# factor). Columns not named are copied.
_CHANGED: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "m.doc_id",
        "source": "r.source || '#v' || m.variant",
        "title": "t(r.title)",
        "sha256": "sha256(r.sha256 || ':' || m.variant)",
        "load_seq": "r.load_seq + 1000 * m.variant",
        "text": "'〔' || m.variant || '〕' || r.text",
        "reprint_of": "CASE WHEN m.reprint THEN m.previous END",
    },
    "document_sources": {
        "doc_id": "m.doc_id",
        "source": "r.source || '#v' || m.variant",
        "sha256": "sha256(r.sha256 || ':' || m.variant)",
    },
    "projects": {
        "name": "t(r.name)",
        "company": "t(r.company)",
        "evidence": "t(r.evidence)",
        "amount_text": "t(r.amount_text)",
        "amount_yuan": "r.amount_yuan * m.f",
        "amount_value": "r.amount_value * m.f",
        "name_key": "t(r.name_key)",
        "project_key": "t(r.project_key)",
        "key_generic_chars": "t(r.key_generic_chars)",
        "company_key": _key_struct("r.company_key"),
    },
    "companies": {
        "canonical": "t(r.canonical)",
        "mentions": "list_transform(r.mentions, lambda x: t(x))",
        "evidence": "t(r.evidence)",
        "name_keys": f"list_transform(r.name_keys, lambda k: {_key_struct('k')})",
    },
    "investments": {"value": "r.value * m.f", "evidence": "t(r.evidence)"},
    "mentions": {"text": "t(r.text)", "canonical": "t(r.canonical)", "evidence": "t(r.evidence)"},
    "project_links": {
        "project_id": "CASE WHEN m.offset = 0 THEN r.project_id "
        "ELSE substr(sha256(r.project_id || ':' || m.offset), 1, 16) END",
        "name_key": "t(r.name_key)",
    },
    "doc_minhash": {
        # a new signature (its shingle count kept), or the previous variant's for a reprint
        "signature": "CASE WHEN m.reprint AND m.variant = 1 THEN r.signature ELSE list_transform(r.signature, "
        "lambda x: (hash(x, m.variant - m.reprint::INTEGER) % 4294967296)::UINTEGER) END",
    },
    "doc_lsh": {
        "bucket": "CASE WHEN m.reprint AND m.variant = 1 THEN r.bucket "
        "ELSE (hash(r.bucket, m.variant - m.reprint::INTEGER) % 9223372036854775807)::BIGINT END"
    },
}
_COPIED = (
    "documents",
    "document_sources",
    *RECORD_TABLES,
    "doc_terms",
    "doc_lengths",
    "doc_minhash",
    "doc_lsh",
    "project_links",
)


def _columns(con, table: str) -> list[str]:
    return [
        row[0]
        for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]


def _renamed(expression: str, alphabet: str) -> str:
    """`t(x)` in an expression of _CHANGED: x with the variant's substitution of the name alphabet."""
    return re.sub(
        r"\bt\(([^()]*)\)", lambda m: f"translate({m.group(1)}, '{alphabet}', m.to_chars)", expression
    )


def _copy_variants(con: duckdb.DuckDBPyConnection, alphabet: str) -> None:
    """Insert, for every row of `_variant` (variant > 0), the renamed copies of its pool document's rows."""
    for table in _COPIED:
        columns = _columns(con, table)
        changed = {"doc_id": "m.doc_id", **_CHANGED.get(table, {})}
        select = ", ".join(_renamed(changed.get(c, f'r."{c}"'), alphabet) for c in columns)
        quoted = ", ".join(f'"{c}"' for c in columns)
        con.execute(
            f"""
            INSERT INTO {table} ({quoted})
            SELECT {select} FROM _pool_{table} r JOIN _variant m ON m.pool_id = r.doc_id
            """
        )
    con.execute(
        """
        INSERT INTO reprints (doc_id, original_doc_id, similarity)
        SELECT doc_id, previous, 1.0 FROM _variant WHERE reprint
        """
    )


def build_warehouse(pool: Path, reports: int, *, chunk: int = 10) -> Path:
    """A warehouse of `reports` documents: the pool and its variants (cached next to the pool)."""
    con = duckdb.connect(str(pool), read_only=True)
    pool_ids = [row[0] for row in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    con.close()
    variants = max(1, round(reports / len(pool_ids)))
    path = SCALE_DIR / f"scaled-{variants * len(pool_ids)}-{len(pool_ids)}-{code_version()}.duckdb"
    if cached := _cached(path):
        return cached
    partial = path.with_suffix(".partial.duckdb")
    partial.unlink(missing_ok=True)
    shutil.copy(pool, partial)
    _upgraded(partial)
    con = duckdb.connect(str(partial))
    alphabet = _alphabet(con)
    for table in _COPIED:
        con.execute(f"CREATE TEMP TABLE _pool_{table} AS SELECT * FROM {table}")
    started = time.perf_counter()
    for first in range(1, variants, chunk):
        batch = range(first, min(variants, first + chunk))
        con.execute("BEGIN")
        con.register("_variant_arrow", _variant_map(pool_ids, batch, alphabet))
        con.execute(
            'CREATE OR REPLACE TEMP TABLE _variant AS SELECT *, 1 + 0.013 * "offset" AS f FROM _variant_arrow'
        )
        con.unregister("_variant_arrow")
        _copy_variants(con, alphabet)
        con.execute("COMMIT")
        print(
            f"  variants {batch.start}–{batch.stop - 1} in {time.perf_counter() - started:.0f} s", flush=True
        )
    from zhaoyin.warehouse.resolution import file_missing_blocks, refresh_resolution

    con.execute("BEGIN")
    file_missing_blocks(con)  # the variants' rows are linked as copied, their blocks are of their new names
    refresh_resolution(con)
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()
    partial.rename(path)
    return path
