"""The rows one document adds to the warehouse, computed without a connection.

`prepare` turns a `Document` and its `Extraction` into plain values: a row per table as a tuple in the
column order of `SCHEMAS`, the search index's terms, the MinHash fingerprint and the document id, all
computed once. An import calls it in the worker process that extracted the document, so the single writer
receives rows ready for Arrow and only inserts them and resolves; `load_batch` calls it for the records it
is given directly. Nothing here reads or writes the database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import NamedTuple

import pyarrow as pa

from zhaoyin.schemas import Document, Extraction
from zhaoyin.schemas.documents import doc_id_for
from zhaoyin.warehouse.search import document_postings

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


COLUMNS: dict[str, tuple[str, ...]] = {table: tuple(schema.names) for table, schema in SCHEMAS.items()}
_LOAD_SEQ = COLUMNS["documents"].index("load_seq")


class MinHash(NamedTuple):
    """A document's fingerprint as plain values (`schemas.Fingerprint` without pydantic)."""

    signature: list[int]
    shingle_count: int
    bands: list[int]


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """Everything the warehouse stores for one document, ready to insert."""

    doc_id: str
    source: str
    sha256: str | None
    fetched_at: datetime | None
    document: tuple  # the `documents` row; its load_seq is set by the writer
    records: dict[str, list[tuple]] = field(default_factory=dict)  # table → rows, only tables with rows
    terms: list[str] = field(default_factory=list)  # search index terms of the text …
    term_counts: list[int] = field(default_factory=list)  # … and how often each occurs
    fingerprint: MinHash | None = None

    def rows(self, table: str) -> list[tuple]:
        return self.records.get(table, [])

    def document_value(self, column: str):
        return self.document[COLUMNS["documents"].index(column)]


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


def utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def prepare(doc: Document, ext: Extraction) -> PreparedDocument:
    doc_id = doc_id_for(doc.text)
    records = {table: rows for table, rows in _record_rows(doc_id, ext).items() if rows}
    # Records of one sentence hold equal evidence strings; one object each pickles once (a third less to send).
    sentences: dict[str, str] = {}
    for rows in records.values():
        for row in rows:
            if "evidence" in row and row["evidence"] is not None:
                row["evidence"] = sentences.setdefault(row["evidence"], row["evidence"])
    terms, term_counts = document_postings(doc.text)
    fingerprint = ext.fingerprint
    return PreparedDocument(
        doc_id=doc_id,
        source=doc.source,
        sha256=doc.sha256,
        fetched_at=utc(doc.fetched_at),
        document=_in_order("documents", _document_row(doc_id, doc, ext)),
        records={table: [_in_order(table, row) for row in rows] for table, rows in records.items()},
        terms=terms,
        term_counts=term_counts,
        fingerprint=(
            None
            if fingerprint is None
            else MinHash(list(fingerprint.signature), fingerprint.shingle_count, list(fingerprint.bands))
        ),
    )


def arrow_table(table: str, rows: list[tuple], *, load_seq: int | None = None) -> pa.Table:
    """Rows in column order as one Arrow table of `SCHEMAS[table]` (documents: with `load_seq` set)."""
    schema = SCHEMAS[table]
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    if table == "documents":
        columns[_LOAD_SEQ] = [load_seq] * len(rows)
    arrays = [
        pa.array(column, type=column_type) for column, column_type in zip(columns, schema.types, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def _in_order(table: str, row: dict) -> tuple:
    return tuple(row[column] for column in COLUMNS[table])


def _first_span(spans) -> tuple[int | None, int | None]:
    return (spans[0].start, spans[0].end) if spans else (None, None)


def _evidence_span(record) -> dict[str, int | None]:
    return {"evidence_start": record.evidence_start, "evidence_end": record.evidence_end}


def _record_rows(doc_id: str, ext: Extraction) -> dict[str, list[dict]]:
    """The rows of every record table for one document."""
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


def _document_row(doc_id: str, doc: Document, ext: Extraction) -> dict:
    # the extractors weigh the document's metadata date against its dateline (extractors/dates.py)
    published = ext.published or doc.published
    meta = dict(doc.meta)
    if ext.date_source:
        meta["date_source"] = ext.date_source
    return {
        "doc_id": doc_id,
        "source": doc.source,
        "title": doc.title,
        "published": published,
        "published_date": published_date(published),
        "byline": doc.byline,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "sha256": doc.sha256,
        "fetched_at": utc(doc.fetched_at),
        "load_seq": None,
        "city": ext.city,
        "text": doc.text,
        "char_count": len(doc.text),
        "pages": json.dumps([p.model_dump() for p in doc.pages]),
        "meta": json.dumps(meta, ensure_ascii=False, default=str),
        "extractor_version": ext.extractor_version,
        "backend": ext.backend,
    }
