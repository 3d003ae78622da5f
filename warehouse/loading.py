"""Set-based, idempotent loading: one transaction per batch, Arrow tables in, `INSERT … SELECT` out.

A batch's items are `PreparedDocument`s (rows made where the document was extracted, see `rows.prepare`)
or (Document, Extraction) pairs, prepared here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from zhaoyin.schemas import Document, Extraction, QuarantineRecord
from zhaoyin.warehouse import reprints, resolution, search, summaries
from zhaoyin.warehouse.rows import (
    RECORD_TABLES,
    SCHEMAS,
    PreparedDocument,
    arrow_table,
    prepare,
    utc,
)
from zhaoyin.warehouse.staging import staged

Loadable = PreparedDocument | tuple[Document, Extraction]


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


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple], *, load_seq: int | None = None
) -> int:
    """Stage `rows` (tuples in the column order of `SCHEMAS[table]`) as one Arrow table and
    `INSERT … SELECT` it into `table` (by column name)."""
    if not rows:
        return 0
    schema = SCHEMAS[table]
    columns = ", ".join(f'"{name}"' for name in schema.names)
    with staged(con, f"_staged_{table}", arrow_table(table, rows, load_seq=load_seq)) as view:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {view}")
    return len(rows)


def _prepared(items: Iterable[Loadable]) -> list[PreparedDocument]:
    """The items as `PreparedDocument`s, the first of each doc_id only."""
    seen: set[str] = set()
    unique = []
    for item in items:
        prepared = item if isinstance(item, PreparedDocument) else prepare(*item)
        if prepared.doc_id not in seen:
            seen.add(prepared.doc_id)
            unique.append(prepared)
    return unique


def _present_doc_ids(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> set[str]:
    if not doc_ids:
        return set()
    with staged(con, "_candidate_ids", pa.table({"doc_id": pa.array(list(doc_ids), pa.string())})):
        rows = con.execute("SELECT doc_id FROM documents JOIN _candidate_ids USING (doc_id)").fetchall()
    return {row[0] for row in rows}


def _next_load_seq(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(load_seq), 0) + 1 FROM documents").fetchall()[0][0]


def _insert_document_sources(con, items: list[PreparedDocument]) -> None:
    rows = [(p.doc_id, p.source, p.sha256, p.fetched_at) for p in items]
    if not rows:
        return
    with staged(con, "_staged_sources", arrow_table("document_sources", rows)):
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
            "at": utc(q.at),
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


def _insert_records(con, items: list[PreparedDocument], result: LoadResult) -> None:
    for name in RECORD_TABLES:
        rows = [row for prepared in items for row in prepared.rows(name)]
        result.counts[name] += insert_rows(con, name, rows)


def _in_transaction(con: duckdb.DuckDBPyConnection, work) -> LoadResult:
    con.execute("BEGIN TRANSACTION")
    try:
        result = work()
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def _add_new_documents(con, new_items: list[PreparedDocument], result: LoadResult) -> None:
    insert_rows(con, "documents", [p.document for p in new_items], load_seq=_next_load_seq(con))
    _insert_records(con, new_items, result)
    search.index_postings(con, [(p.doc_id, p.terms, p.term_counts) for p in new_items])
    result.reprints += reprints.link_reprints(con, [(p.doc_id, p.fingerprint) for p in new_items])
    result.new_documents += len(new_items)
    result.new_doc_ids.extend(p.doc_id for p in new_items)


def load_batch(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[Loadable],
    quarantined: list[QuarantineRecord] | None = None,
    *,
    refresh: bool = True,
) -> LoadResult:
    """Load documents and their extractions in ONE transaction; documents already present add nothing.

    A failure anywhere (a row violating a constraint, a crash) leaves nothing of the batch.
    `refresh=False` skips the cross-document resolution (call `refresh_resolution` once at the end).
    Evidence, resolution keys and fingerprints are taken from the records as the extractors made them.
    """
    items = _prepared(items)
    quarantined = list(quarantined or [])

    def work() -> LoadResult:
        result = LoadResult()
        present = _present_doc_ids(con, [p.doc_id for p in items])
        new_items = [p for p in items if p.doc_id not in present]
        result.already_present = len(items) - len(new_items)
        result.skipped_doc_ids = [p.doc_id for p in items if p.doc_id in present]
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
    items: Sequence[Loadable],
    *,
    refresh: bool = True,
) -> LoadResult:
    """Replace the extracted records of documents (one transaction); documents not present are added.

    Each replaced document's rows are deleted and re-inserted with the new extractor_version, so a
    re-extraction that finds the same things changes no counts.
    """
    items = _prepared(items)

    def work() -> LoadResult:
        result = LoadResult()
        present = _present_doc_ids(con, [p.doc_id for p in items])
        replaced = [p for p in items if p.doc_id in present]
        added = [p for p in items if p.doc_id not in present]
        previous_ids: dict[tuple[str, int], str] = {}
        if replaced:
            ids = pa.table({"doc_id": pa.array([p.doc_id for p in replaced], pa.string())})
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
                            "doc_id": p.doc_id,
                            "city": p.document_value("city"),
                            "extractor_version": p.document_value("extractor_version"),
                            "backend": p.document_value("backend"),
                        }
                        for p in replaced
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
    with staged(con, "_wanted_sha256", pa.table({"sha256": pa.array(wanted, pa.string())})):
        rows = con.execute(
            """
            SELECT sha256 FROM _wanted_sha256 w
            WHERE EXISTS (SELECT 1 FROM document_sources s WHERE s.sha256 = w.sha256)
               OR EXISTS (SELECT 1 FROM documents d WHERE d.sha256 = w.sha256)
            """
        ).fetchall()
    return {row[0] for row in rows}
