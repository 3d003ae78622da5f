"""Set-based, idempotent loading: one transaction per batch, Arrow tables in, `INSERT … SELECT` out."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache

import duckdb
import pyarrow as pa

from zhaoyin.schemas import Document, Extraction, QuarantineRecord
from zhaoyin.schemas.documents import doc_id_for
from zhaoyin.warehouse import reprints, resolution, search, summaries
from zhaoyin.warehouse.staging import staged

RECORD_TABLES = (
    "projects",
    "companies",
    "districts",
    "investments",
    "metrics",
    "mentions",
    "policies",
    "policy_incentives",
)


@dataclass
class LoadResult:
    """What one `load_batch` / `replace_extractions` call changed."""

    new_documents: int = 0
    already_present: int = 0
    replaced_documents: int = 0
    quarantined: int = 0
    reprints: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TABLES, 0))
    new_doc_ids: list[str] = field(default_factory=list)
    skipped_doc_ids: list[str] = field(default_factory=list)

    @property
    def projects(self) -> int:
        return self.counts["projects"]

    @property
    def amounts(self) -> int:
        return self.counts["investments"]

    @property
    def companies(self) -> int:
        return self.counts["companies"]

    @property
    def districts(self) -> int:
        return self.counts["districts"]

    @property
    def metrics(self) -> int:
        return self.counts["metrics"]


# --- arrow schemas of the staged rows --------------------------------------------------------------

_S, _I, _F = pa.string(), pa.int32(), pa.float64()
_COMMON = [("extractor_version", _S), ("backend", _S)]
_EVIDENCE_SPAN = [("evidence_start", _I), ("evidence_end", _I)]
COMPANY_KEY = pa.struct(
    [
        ("name", _S),
        ("key", _S),
        ("core", _S),
        ("registered", pa.bool_()),
        ("bracketed", pa.bool_()),
        ("fullwidth_brackets", pa.bool_()),
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("doc_id", _S),
            ("source", _S),
            ("title", _S),
            ("published", _S),
            ("published_date", pa.date32()),
            ("byline", _S),
            ("media_type", _S),
            ("encoding", _S),
            ("sha256", _S),
            ("fetched_at", pa.timestamp("us", tz="UTC")),
            ("load_seq", pa.int64()),
            ("city", _S),
            ("text", _S),
            ("char_count", _I),
            ("pages", _S),
            ("meta", _S),
            *_COMMON,
        ]
    ),
    "document_sources": pa.schema(
        [("doc_id", _S), ("source", _S), ("sha256", _S), ("fetched_at", pa.timestamp("us", tz="UTC"))]
    ),
    "projects": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("name", _S),
            ("company", _S),
            ("district", _S),
            ("amount_text", _S),
            ("amount_yuan", _F),
            ("status", _S),
            ("evidence", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("confidence", _F),
            *_EVIDENCE_SPAN,
            ("name_key", _S),
            ("project_key", _S),
            ("key_numbers", pa.list_(_S)),
            ("key_generic_chars", _S),
            ("company_key", COMPANY_KEY),
            ("kind", _S),
            ("amount_value", _F),
            ("amount_currency", _S),
            ("district_path", pa.list_(_S)),
            *_COMMON,
        ]
    ),
    "companies": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("canonical", _S),
            ("mentions", pa.list_(_S)),
            ("spans", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("evidence", _S),
            ("confidence", _F),
            *_EVIDENCE_SPAN,
            ("name_keys", pa.list_(COMPANY_KEY)),
            *_COMMON,
        ]
    ),
    "districts": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("canonical", _S),
            ("mentions", pa.list_(_S)),
            ("city", _S),
            ("kind", _S),
            ("admin_code", _S),
            ("province", _S),
            ("spans", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("evidence", _S),
            ("confidence", _F),
            *_EVIDENCE_SPAN,
            ("name_key", _S),
            *_COMMON,
        ]
    ),
    "investments": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("text", _S),
            ("value", _F),
            ("currency", _S),
            ("qualifier", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("evidence", _S),
            ("confidence", _F),
            *_EVIDENCE_SPAN,
            *_COMMON,
        ]
    ),
    "metrics": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("text", _S),
            ("subject", _S),
            ("indicator", _S),
            ("value", _F),
            ("unit", _S),
            ("period", _S),
            ("target", pa.bool_()),
            ("evidence", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("confidence", _F),
            *_EVIDENCE_SPAN,
            *_COMMON,
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", _S),
            ("seq", _I),
            ("text", _S),
            ("label", _S),
            ("canonical", _S),
            ("span_start", _I),
            ("span_end", _I),
            ("evidence", _S),
            ("confidence", _F),
            ("source", _S),
            *_EVIDENCE_SPAN,
            ("extractor_version", _S),
        ]
    ),
    "policies": pa.schema(
        [
            ("doc_id", _S),
            ("policy_seq", _I),
            ("title", _S),
            ("issuer", _S),
            ("doc_number", _S),
            ("written", _S),
            ("published", _S),
            ("valid_from", _S),
            ("valid_to", _S),
            ("district", _S),
            *_COMMON,
        ]
    ),
    "policy_incentives": pa.schema(
        [
            ("doc_id", _S),
            ("policy_seq", _I),
            ("seq", _I),
            ("clause", _S),
            ("kind", _S),
            ("amount_yuan", _F),
            ("rate", _F),
            ("condition", _S),
            ("min_investment_yuan", _F),
            ("span_start", _I),
            ("span_end", _I),
            ("evidence", _S),
            *_EVIDENCE_SPAN,
            *_COMMON,
        ]
    ),
    "quarantine": pa.schema(
        [
            ("path", _S),
            ("sha256", _S),
            ("stage", _S),
            ("reason", _S),
            ("at", pa.timestamp("us", tz="UTC")),
        ]
    ),
}


def published_date(published: str | None) -> date | None:
    """First day of an ISO-like partial date: '2025' → 2025-01-01, '2025-04' → 2025-04-01."""
    if not published:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", published.strip())
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        try:
            return date(year, month, 1)
        except ValueError:
            return None


def _utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@lru_cache(maxsize=2048)
def _doc_id_of_text(text: str) -> str:
    return doc_id_for(text)


def _doc_id(doc: Document) -> str:
    """`doc.doc_id` computed once per text: the property re-normalizes the whole text on every access."""
    return _doc_id_of_text(doc.text)


def _first_span(spans) -> tuple[int | None, int | None]:
    return (spans[0].start, spans[0].end) if spans else (None, None)


def _evidence_span(record) -> dict[str, int | None]:
    return {"evidence_start": record.evidence_start, "evidence_end": record.evidence_end}


def _record_rows(doc: Document, ext: Extraction) -> dict[str, list[dict]]:
    """The rows of every record table for one document."""
    doc_id = _doc_id(doc)
    common = {"extractor_version": ext.extractor_version, "backend": ext.backend}
    rows: dict[str, list[dict]] = {name: [] for name in RECORD_TABLES}
    for seq, p in enumerate(ext.projects):
        rows["projects"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                **p.model_dump(include={"name", "company", "district", "amount_text", "amount_yuan"}),
                "status": p.status,
                "evidence": p.evidence,
                "span_start": p.start,
                "span_end": p.end,
                "confidence": p.confidence,
                **_evidence_span(p),
                "name_key": p.name_key,
                "project_key": p.project_key,
                "key_numbers": list(p.key_numbers),
                "key_generic_chars": p.key_generic_chars,
                "company_key": p.company_key.model_dump() if p.company_key else None,
                "kind": p.kind,
                "amount_value": p.amount_value,
                "amount_currency": p.amount_currency,
                "district_path": list(p.district_path),
                **common,
            }
        )
    for seq, c in enumerate(ext.companies):
        start, end = _first_span(c.spans)
        rows["companies"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                "canonical": c.canonical,
                "mentions": list(c.mentions),
                "spans": json.dumps([[s.start, s.end] for s in c.spans]),
                "span_start": start,
                "span_end": end,
                "evidence": c.evidence,
                "confidence": c.confidence,
                **_evidence_span(c),
                "name_keys": [k.model_dump() for k in c.name_keys],
                **common,
            }
        )
    for seq, d in enumerate(ext.districts):
        start, end = _first_span(d.spans)
        rows["districts"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                **d.model_dump(include={"canonical", "city", "kind", "admin_code", "province"}),
                "mentions": list(d.mentions),
                "spans": json.dumps([[s.start, s.end] for s in d.spans]),
                "span_start": start,
                "span_end": end,
                "evidence": d.evidence,
                "confidence": d.confidence,
                **_evidence_span(d),
                "name_key": d.name_key,
                **common,
            }
        )
    for seq, a in enumerate(ext.amounts):
        rows["investments"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                "text": a.text,
                "value": a.value,
                "currency": a.currency,
                "qualifier": a.qualifier,
                "span_start": a.start,
                "span_end": a.end,
                "evidence": a.evidence,
                "confidence": a.confidence,
                **_evidence_span(a),
                **common,
            }
        )
    for seq, m in enumerate(ext.metrics):
        rows["metrics"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                **m.model_dump(include={"text", "subject", "indicator", "value", "unit", "period", "target"}),
                "evidence": m.evidence,
                "span_start": m.start,
                "span_end": m.end,
                "confidence": m.confidence,
                **_evidence_span(m),
                **common,
            }
        )
    for seq, m in enumerate(ext.mentions):
        rows["mentions"].append(
            {
                "doc_id": doc_id,
                "seq": seq,
                "text": m.text,
                "label": m.label,
                "canonical": m.canonical,
                "span_start": m.start,
                "span_end": m.end,
                "evidence": m.evidence,
                "confidence": m.confidence,
                "source": m.source,
                **_evidence_span(m),
                "extractor_version": ext.extractor_version,
            }
        )
    for policy_seq, pol in enumerate(ext.policies):
        rows["policies"].append(
            {
                "doc_id": doc_id,
                "policy_seq": policy_seq,
                **pol.model_dump(
                    include={
                        "title",
                        "issuer",
                        "doc_number",
                        "written",
                        "published",
                        "valid_from",
                        "valid_to",
                        "district",
                    }
                ),
                **common,
            }
        )
        for seq, inc in enumerate(pol.incentives):
            rows["policy_incentives"].append(
                {
                    "doc_id": doc_id,
                    "policy_seq": policy_seq,
                    "seq": seq,
                    **inc.model_dump(
                        include={"clause", "kind", "amount_yuan", "rate", "condition", "min_investment_yuan"}
                    ),
                    "span_start": inc.start,
                    "span_end": inc.end,
                    "evidence": inc.evidence,
                    **_evidence_span(inc),
                    **common,
                }
            )
    return rows


def _document_row(doc: Document, ext: Extraction, load_seq: int) -> dict:
    # the extractors weigh the document's metadata date against its dateline (extractors/dates.py)
    published = ext.published or doc.published
    meta = dict(doc.meta)
    if ext.date_source:
        meta["date_source"] = ext.date_source
    return {
        "doc_id": _doc_id(doc),
        "source": doc.source,
        "title": doc.title,
        "published": published,
        "published_date": published_date(published),
        "byline": doc.byline,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "fetched_at": _utc(doc.fetched_at),
        "load_seq": load_seq,
        "city": ext.city,
        "text": doc.text,
        "char_count": len(doc.text),
        "pages": json.dumps([p.model_dump() for p in doc.pages]),
        "meta": json.dumps(meta, ensure_ascii=False, default=str),
        "extractor_version": ext.extractor_version,
        "backend": ext.backend,
    }


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> int:
    """Stage `rows` as one Arrow table and `INSERT … SELECT` it into `table` (by column name)."""
    if not rows:
        return 0
    schema = SCHEMAS[table]
    staged_rows = pa.Table.from_pylist(rows, schema=schema)
    columns = ", ".join(f'"{name}"' for name in schema.names)
    with staged(con, f"_staged_{table}", staged_rows) as view:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")
    return len(rows)


def _unique_by_doc_id(items: Iterable[tuple[Document, Extraction]]) -> list[tuple[Document, Extraction]]:
    seen: set[str] = set()
    unique = []
    for doc, ext in items:
        if _doc_id(doc) not in seen:
            seen.add(_doc_id(doc))
            unique.append((doc, ext))
    return unique


def _present_doc_ids(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    if not doc_ids:
        return set()
    with staged(con, "_candidate_ids", pa.table({"doc_id": pa.array(list(doc_ids), _S)})):
        rows = con.execute("SELECT doc_id FROM documents JOIN _candidate_ids USING (doc_id)").fetchall()
    return {row[0] for row in rows}


def _next_load_seq(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(load_seq), 0) + 1 FROM documents").fetchall()[0][0]


def _insert_document_sources(con, items: list[tuple[Document, Extraction]]) -> None:
    rows = [
        {"doc_id": _doc_id(d), "source": d.source, "sha256": d.sha256, "fetched_at": _utc(d.fetched_at)}
        for d, _ in items
    ]
    if not rows:
        return
    with staged(con, "_staged_sources", pa.Table.from_pylist(rows, schema=SCHEMAS["document_sources"])):
        con.execute(
            """
            INSERT INTO document_sources (doc_id, source, sha256, fetched_at)
            SELECT DISTINCT s.doc_id, s.source, s.sha256, s.fetched_at FROM _staged_sources s
            WHERE NOT EXISTS (
                SELECT 1 FROM document_sources o
                WHERE o.doc_id = s.doc_id AND o.source = s.source AND o.sha256 IS NOT DISTINCT FROM s.sha256)
            """
        )


def _storable(text: str) -> str:
    """`text` as valid UTF-8: lone surrogates (undecodable bytes of a file name, kept by the OS layer as
    surrogates) become escapes like `\\xb9`, so a quarantine row is never lost to an encoding error."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")


def _insert_quarantine(con, records: list[QuarantineRecord]) -> int:
    if not records:
        return 0
    rows = [
        {
            "path": _storable(q.path),
            "sha256": q.sha256,
            "stage": _storable(q.stage),
            "reason": _storable(q.reason),
            "at": _utc(q.at),
        }
        for q in records
    ]
    with staged(con, "_staged_quarantine", pa.Table.from_pylist(rows, schema=SCHEMAS["quarantine"])):
        before = con.execute("SELECT count(*) FROM quarantine").fetchall()[0][0]
        con.execute(
            """
            INSERT INTO quarantine (path, sha256, stage, reason, "at")
            SELECT path, sha256, stage, reason, min("at") FROM _staged_quarantine s
            WHERE NOT EXISTS (
                SELECT 1 FROM quarantine q
                WHERE q.path = s.path AND q.sha256 IS NOT DISTINCT FROM s.sha256
                  AND q.stage = s.stage AND q.reason = s.reason)
            GROUP BY path, sha256, stage, reason
            """
        )
        return con.execute("SELECT count(*) FROM quarantine").fetchall()[0][0] - before


def _insert_records(con, items: list[tuple[Document, Extraction]], result: LoadResult) -> None:
    batched: dict[str, list[dict]] = {name: [] for name in RECORD_TABLES}
    for doc, ext in items:
        for name, rows in _record_rows(doc, ext).items():
            batched[name].extend(rows)
    for name in RECORD_TABLES:
        result.counts[name] += insert_rows(con, name, batched[name])


def _in_transaction(con: duckdb.DuckDBPyConnection, work) -> LoadResult:
    con.execute("BEGIN TRANSACTION")
    try:
        result = work()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def _add_new_documents(
    con,
    new_items: list[tuple[Document, Extraction]],
    result: LoadResult,
) -> None:
    load_seq = _next_load_seq(con)
    insert_rows(con, "documents", [_document_row(d, e, load_seq) for d, e in new_items])
    _insert_records(con, new_items, result)
    search.index_documents(con, [(_doc_id(d), d.text) for d, _ in new_items])
    result.reprints += reprints.link_reprints(con, [(_doc_id(d), e.fingerprint) for d, e in new_items])
    result.new_documents += len(new_items)
    result.new_doc_ids.extend(_doc_id(d) for d, _ in new_items)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    items: list[tuple[Document, Extraction]],
    quarantined: list[QuarantineRecord] | None = None,
    *,
    refresh: bool = True,
) -> LoadResult:
    """Load documents and their extractions in ONE transaction; documents already present add nothing.

    A failure anywhere (a row violating a constraint, a crash) leaves nothing of the batch.
    `refresh=False` skips the cross-document resolution (call `refresh_resolution` once at the end).
    Evidence, resolution keys and fingerprints are taken from the records as the extractors made them.
    """
    items = _unique_by_doc_id(items)
    quarantined = list(quarantined or [])

    def work() -> LoadResult:
        result = LoadResult()
        present = _present_doc_ids(con, [_doc_id(d) for d, _ in items])
        new_items = [(d, e) for d, e in items if _doc_id(d) not in present]
        result.already_present = len(items) - len(new_items)
        result.skipped_doc_ids = [_doc_id(d) for d, _ in items if _doc_id(d) in present]
        if new_items:
            _add_new_documents(con, new_items, result)
        _insert_document_sources(con, items)
        result.quarantined = _insert_quarantine(con, quarantined)
        if refresh and new_items:
            resolution.refresh_resolution(con)  # the summary tables with it
        elif new_items:
            summaries.refresh_summaries(con)
        return result

    return _in_transaction(con, work)


def replace_extractions(
    con: duckdb.DuckDBPyConnection,
    items: list[tuple[Document, Extraction]],
    *,
    refresh: bool = True,
) -> LoadResult:
    """Replace the extracted records of documents (one transaction); documents not present are added.

    Each replaced document's rows are deleted and re-inserted with the new extractor_version, so a
    re-extraction that finds the same things changes no counts.
    """
    items = _unique_by_doc_id(items)

    def work() -> LoadResult:
        result = LoadResult()
        present = _present_doc_ids(con, [_doc_id(d) for d, _ in items])
        replaced = [(d, e) for d, e in items if _doc_id(d) in present]
        added = [(d, e) for d, e in items if _doc_id(d) not in present]
        previous_ids: dict[tuple[str, int], str] = {}
        if replaced:
            ids = pa.table({"doc_id": pa.array([_doc_id(d) for d, _ in replaced], _S)})
            with staged(con, "_replaced_ids", ids):
                previous = con.execute(
                    "SELECT doc_id, seq, project_id FROM project_links WHERE doc_id IN (SELECT doc_id FROM _replaced_ids)"
                ).fetchall()
                previous_ids = {(doc_id, seq): project_id for doc_id, seq, project_id in previous}
                for table in (*RECORD_TABLES, "project_links", "project_blocks"):
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _replaced_ids)")
                updates = pa.Table.from_pylist(
                    [
                        {
                            "doc_id": _doc_id(d),
                            "city": e.city,
                            "extractor_version": e.extractor_version,
                            "backend": e.backend,
                        }
                        for d, e in replaced
                    ]
                )
                with staged(con, "_replaced_meta", updates):
                    con.execute(
                        """
                        UPDATE documents SET city = u.city, extractor_version = u.extractor_version,
                                             backend = u.backend
                        FROM _replaced_meta u WHERE documents.doc_id = u.doc_id
                        """
                    )
            _insert_records(con, replaced, result)
            result.replaced_documents = len(replaced)
        if added:
            _add_new_documents(con, added, result)
        if refresh and items:
            resolution.refresh_resolution(con, previous_ids=previous_ids)
        return result

    return _in_transaction(con, work)


def known_sha256(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> set[str]:
    """Which of these raw-byte hashes were already imported (so callers can skip reading those files)."""
    wanted = sorted({h for h in hashes if h})
    if not wanted:
        return set()
    with staged(con, "_wanted_sha256", pa.table({"sha256": pa.array(wanted, _S)})):
        rows = con.execute(
            """
            SELECT sha256 FROM _wanted_sha256 w
            WHERE EXISTS (SELECT 1 FROM document_sources s WHERE s.sha256 = w.sha256)
               OR EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = w.sha256)
            """
        ).fetchall()
    return {row[0] for row in rows}
