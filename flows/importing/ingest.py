"""RawDocuments → warehouse: skip what is known, expand archives, read, extract, load in batches.

Used by `zhaoyin import` (files) and by the crawler (fetched pages). Every failure becomes a
`QuarantineRecord` loaded with its batch; nothing a file contains stops the import.
The stages live in `IngestSession` and the batches move through `run_pipelined`, so the Prefect flow
(`importing.bulk_import`) and the plain loop here (`ingest`) run exactly the same code.
"""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from zhaoyin.extractors.readers.limits import Budgets
from zhaoyin.flows.importing.runners import ExtractionPool, LoadableOutcome
from zhaoyin.schemas import QuarantineRecord, RawDocument, ReadError
from zhaoyin.warehouse.rows import PreparedDocument

T = TypeVar("T")
ProgressCallback = Callable[["IngestSummary"], None]
# A batch closes at this many bytes of input, whatever its count: with the batches in flight and one being
# admitted, an import holds a few of these at a time, however large the archives it expands.
BATCH_BYTES = 64 * 1024**2
# Batches handed out at once: while the oldest is loaded, the next two are extracted, so the workers do not
# wait for the single writer to finish a batch before they get another one.
IN_FLIGHT = 3


class ExtractingBatch(Protocol):
    """A batch being read + extracted somewhere: a `PendingBatch` of the process pool, a Prefect future."""

    def result(self) -> list[LoadableOutcome]: ...


COUNTED_RECORDS = ("projects", "amounts", "districts", "companies", "metrics")
_TABLE_OF_COUNT = {"amounts": "investments"}  # the others count the rows of the table of their name


@dataclass
class IngestSummary:
    """What one import or crawl did. files_seen == new_documents + already_present + quarantined."""

    files_seen: int = 0
    new_documents: int = 0
    already_present: int = 0
    quarantine: list[QuarantineRecord] = field(default_factory=list)
    projects: int = 0
    amounts: int = 0
    districts: int = 0
    companies: int = 0
    metrics: int = 0

    @property
    def quarantined(self) -> int:
        return len(self.quarantine)

    def reasons(self) -> Counter[str]:
        """How many files were quarantined for each stage and reason."""
        return Counter(f"{record.stage}: {record.reason}" for record in self.quarantine)

    def count_records(self, prepared: PreparedDocument) -> None:
        for name in COUNTED_RECORDS:
            rows = prepared.rows(_TABLE_OF_COUNT.get(name, name))
            setattr(self, name, getattr(self, name) + len(rows))

    def as_dict(self) -> dict[str, Any]:
        return {
            "files_seen": self.files_seen,
            "new_documents": self.new_documents,
            "already_present": self.already_present,
            "quarantined": self.quarantined,
            **{name: getattr(self, name) for name in COUNTED_RECORDS},
            "quarantine": [
                {"path": r.path, "stage": r.stage, "reason": r.reason, "sha256": r.sha256}
                for r in self.quarantine
            ],
        }


def batched(items: Iterable[T], size: int, max_bytes: int | None = None) -> Iterator[list[T]]:
    """Lists of up to `size` items and, for RawDocuments, up to `max_bytes` of data (an item larger than
    that makes a batch of its own)."""
    batch: list[T] = []
    held = 0
    for item in items:
        weight = len(item.data) if isinstance(item, RawDocument) else 0
        if batch and max_bytes is not None and held + weight > max_bytes:
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += weight
        if len(batch) >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def expand_archives(
    items: Iterable[RawDocument | QuarantineRecord], budgets: Budgets | None = None
) -> Iterator[RawDocument | QuarantineRecord]:
    """Archives replaced by their members, each member read only when the consumer asks for it (one in
    memory at a time); an archive that fails part-way keeps the members it gave and adds its quarantine
    record."""
    from zhaoyin.extractors.archives import ArchiveLimits, expand_archive, is_archive

    budgets = budgets or Budgets.from_env()
    for item in items:
        if isinstance(item, QuarantineRecord) or not is_archive(item.data):
            yield item
            continue
        try:
            yield from expand_archive(item, limits=ArchiveLimits(max_total_bytes=budgets.archive_bytes))
        except ReadError as error:
            yield QuarantineRecord(
                path=item.source, sha256=item.sha256, stage=error.stage or "read", reason=error.reason
            )
        except Exception as error:
            reason = f"archive could not be expanded: {type(error).__name__}: {error}"[:500]
            yield QuarantineRecord(path=item.source, sha256=item.sha256, stage="read", reason=reason)


class IngestSession:
    """The bookkeeping of one import run, and the warehouse opened only while a batch is looked up or written.

    `admit` turns a batch of files (archives already expanded by `expand_archives`) into the files still to
    read (known hashes and repeats skipped); `load` writes their outcomes in one `load_batch` call. Between
    those short writes the file is closed, so readers (`sql`, `search`, `report`) get in while files are
    read and extracted or pages fetched.
    """

    def __init__(self, db_path: str | os.PathLike, *, progress: ProgressCallback | None = None):
        from zhaoyin import warehouse
        from zhaoyin.warehouse.connection import writing

        self._warehouse = warehouse
        self._db_path = db_path
        self._writing = writing
        warehouse.connect(db_path).close()  # create and migrate now: a busy or broken file fails at once
        self.summary = IngestSummary()
        self.progress = progress
        self._seen_sha256: set[str] = set()
        self._seen_doc_ids: set[str] = set()
        self._failed_doc_ids: set[str] = set()
        self._twins: dict[str, list[str]] = {}  # sha256 being read → other files with the same bytes
        self._quarantined_sha256: dict[str, QuarantineRecord] = {}

    def __enter__(self) -> IngestSession:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        pass  # nothing stays open between batches

    def admit(
        self, batch: Iterable[RawDocument | QuarantineRecord]
    ) -> tuple[list[RawDocument], list[QuarantineRecord]]:
        leaves: list[tuple[str, RawDocument]] = []
        quarantined: list[QuarantineRecord] = []
        for item in batch:
            self.summary.files_seen += 1
            if isinstance(item, QuarantineRecord):
                quarantined.append(item)
            else:
                leaves.append((item.sha256, item))

        fresh = {sha for sha, _ in leaves} - self._seen_sha256
        known = set()
        if fresh:
            with self._writing(self._db_path) as con:
                known = self._warehouse.known_sha256(con, sorted(fresh))
        todo: list[RawDocument] = []
        for sha, raw in leaves:
            if sha in self._quarantined_sha256:
                quarantined.append(_twin_record(self._quarantined_sha256[sha], raw.source))
            elif sha in self._twins:
                self._twins[sha].append(raw.source)  # same bytes as a file still being read
            elif sha in known or sha in self._seen_sha256:
                self.summary.already_present += 1
            else:
                self._seen_sha256.add(sha)
                self._twins[sha] = []
                todo.append(raw)
        return todo, quarantined

    def load(self, outcomes: Iterable[LoadableOutcome], quarantined: list[QuarantineRecord]) -> None:
        items: list[PreparedDocument] = []
        quarantined = list(quarantined)
        for outcome in outcomes:
            if isinstance(outcome, QuarantineRecord):
                quarantined.append(outcome)
                twins = self._twins.pop(outcome.sha256, [])
                if outcome.sha256:
                    self._quarantined_sha256[outcome.sha256] = outcome
                quarantined.extend(_twin_record(outcome, source) for source in twins)
                continue
            self.summary.already_present += len(self._twins.pop(outcome.sha256, []))
            if outcome.doc_id in self._seen_doc_ids:
                self.summary.already_present += 1  # same text again (another encoding, a reprint)
            else:
                self._seen_doc_ids.add(outcome.doc_id)
                items.append(outcome)
        with self._writing(self._db_path) as con:
            loaded = self._load(con, items, quarantined)
        for prepared in items:
            if prepared.doc_id in loaded:
                self.summary.new_documents += 1
                self.summary.count_records(prepared)
            elif prepared.doc_id not in self._failed_doc_ids:
                self.summary.already_present += 1
        self.summary.quarantine.extend(quarantined)
        if self.progress is not None:
            self.progress(self.summary)

    def _load(self, con, items: list[PreparedDocument], quarantined: list[QuarantineRecord]) -> set[str]:
        """Doc ids inserted now. A batch the warehouse rejects is retried file by file."""
        self._failed_doc_ids.clear()
        try:
            return set(self._warehouse.load_batch(con, items, quarantined).new_doc_ids)
        except Exception:
            pass
        inserted: set[str] = set()
        for item in items:
            try:
                inserted.update(self._warehouse.load_batch(con, [item], []).new_doc_ids)
            except Exception as error:
                self._failed_doc_ids.add(item.doc_id)
                reason = f"warehouse rejected the document: {type(error).__name__}: {error}"[:500]
                quarantined.append(
                    QuarantineRecord(path=item.source, sha256=item.sha256, stage="load", reason=reason)
                )
        try:
            self._warehouse.load_batch(con, [], quarantined)
        except Exception:
            for record in quarantined:  # one bad record must not take the others' rows with it
                try:
                    self._warehouse.load_batch(con, [], [record])
                except Exception:
                    pass  # it still reaches the summary the user sees
        return inserted


def _twin_record(original: QuarantineRecord, source: str) -> QuarantineRecord:
    """A file with the same bytes as a quarantined one fails for the same reason."""
    return original.model_copy(update={"path": source})


def ingest(
    raws: Iterable[RawDocument | QuarantineRecord],
    db_path: str | os.PathLike,
    *,
    backend: str = "rules",
    workers: int = 1,
    batch_size: int = 200,
    ocr: bool = False,
    progress: ProgressCallback | None = None,
    budgets: Budgets | None = None,
) -> IngestSummary:
    """Import `raws` into the warehouse at `db_path` in batches of `batch_size`; plain loop, no Prefect."""
    budgets = budgets or Budgets.from_env()
    with (
        IngestSession(db_path, progress=progress) as session,
        ExtractionPool(workers, backend=backend, ocr=ocr, budgets=budgets) as pool,
    ):
        return run_pipelined(session, raws, batch_size=batch_size, extract=pool.submit, budgets=budgets)


def run_pipelined(
    session: IngestSession,
    items: Iterable[RawDocument | QuarantineRecord],
    *,
    batch_size: int,
    extract: Callable[[list[RawDocument]], ExtractingBatch],
    in_flight: int = IN_FLIGHT,
    budgets: Budgets | None = None,
) -> IngestSummary:
    """Admit `items` batch by batch, hand each batch to `extract`, and load finished batches in order
    with up to `in_flight` batches handed out (load batch N while batches N+1 and N+2 are extracted)."""
    pending: deque[tuple[ExtractingBatch, list[QuarantineRecord]]] = deque()

    def load_oldest() -> None:
        extracting, quarantined_early = pending.popleft()
        session.load(extracting.result(), quarantined_early)

    for batch in batched(expand_archives(items, budgets), batch_size, BATCH_BYTES):
        todo, quarantined = session.admit(batch)
        pending.append((extract(todo), quarantined))
        while len(pending) >= in_flight:
            load_oldest()
    while pending:
        load_oldest()
    return session.summary
