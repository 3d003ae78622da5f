"""Where read + extract of a batch runs: inline, or in a pool of worker processes.

jieba holds the GIL, so threads do not help extraction; a `ProcessPoolExecutor` whose initializer warms up
the extractors once per worker does. The pool gets whole chunks (not single files) so pickling and
scheduling cost little next to the work. Loading never happens here: one writer, in the caller's process.

Workers also turn each extraction into the rows the warehouse stores (`warehouse.rows.prepare`: Arrow-ready
tuples, search terms, document id), so the writer only inserts and resolves, and what crosses between the
processes is plain values, not pydantic records.

Each file has a time budget (`Budgets.seconds`). In the thread that reads it, a timer interrupts the work
(SIGALRM in a main thread, which also stops a running regular expression; an asynchronous exception in
other threads, which stops Python code between two steps); the file is quarantined as "took too long" and
the batch goes on. A worker process stuck in C code past the budget and a grace period is killed, and the
files of its chunk are retried one by one.
"""

from __future__ import annotations

import ctypes
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from zhaoyin.extractors.backends import BackendUnavailable
from zhaoyin.extractors.readers.limits import BUDGET_ENV, BUDGET_FLAG, Budgets
from zhaoyin.schemas import Document, Extraction, QuarantineRecord, RawDocument, ReadError
from zhaoyin.warehouse.rows import PreparedDocument, prepare

Outcome = tuple[Document, Extraction] | QuarantineRecord
LoadableOutcome = PreparedDocument | QuarantineRecord  # what an import's writer receives
HARD_DEADLINE_GRACE = 15.0  # seconds past the budget before a worker process is killed

CHUNKS_PER_WORKER = 4
WARM_UP_ENV = "ZHAOYIN_FORKSERVER_WARM_UP"
_WARM_UP_TEXT = "青岛市黄岛区签约落地新能源电池项目，总投资10亿元，由某某科技有限公司投资建设。"


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def warm_up(backend: str = "rules") -> None:
    """Load dictionaries and gazetteers now, once, instead of inside the first document's timing."""
    from zhaoyin.extractors.pipeline import extract

    try:
        extract(Document(text=_WARM_UP_TEXT, source="warm-up"), backend=backend)
    except Exception:  # a broken backend shows up again, with its reason, on the first real document
        pass


def warm_forkserver(backend: str):
    """A forkserver context whose server process has warmed up the extractors once.

    Workers start from a clean process (not a fork of one running Prefect's threads) and inherit the loaded
    dictionaries instead of each loading them again. The server reads WARM_UP_ENV when it imports this module.
    """
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["zhaoyin.flows.importing.runners"])
    previous = os.environ.get(WARM_UP_ENV)
    os.environ[WARM_UP_ENV] = backend
    try:
        forkserver.ensure_running()
    finally:
        if previous is None:
            os.environ.pop(WARM_UP_ENV, None)
        else:
            os.environ[WARM_UP_ENV] = previous
    return context


RING_AGAIN_SECONDS = 0.05


class TookTooLong(BaseException):
    """Raised into the code reading a file when its time budget runs out. A BaseException, like
    KeyboardInterrupt, so the `except Exception` of a reader or an extraction stage does not swallow it."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise TookTooLong in this thread once `seconds` have passed inside the block."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async_alarm(seconds):
            yield


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def ring(signum, frame):
        raise TookTooLong

    previous = signal.signal(signal.SIGALRM, ring)
    # Rings again until the block ends: an exception raised while the interpreter runs a garbage-collection
    # callback (a WeakSet's _remove) is printed and dropped, and the file would then run past its budget.
    signal.setitimer(signal.ITIMER_REAL, seconds, RING_AGAIN_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async_alarm(seconds: float) -> Iterator[None]:
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "rung": False}

    timers: list[threading.Timer] = []

    def arm(after: float) -> None:
        timer = threading.Timer(after, ring)
        timer.daemon = True
        timers.append(timer)
        timer.start()

    def ring() -> None:
        with lock:
            if not state["done"]:
                state["rung"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(TookTooLong))
                arm(RING_AGAIN_SECONDS)  # as in _alarm: a ring dropped in a callback is rung again

    arm(seconds)
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["rung"]:  # rung as the block ended: withdraw the exception not yet raised
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)
            for timer in timers:
                timer.cancel()


def took_too_long(seconds: float) -> str:
    return (
        f"took too long: over the budget of {seconds:g} s per file; raise it with "
        f"{BUDGET_FLAG['seconds']} or {BUDGET_ENV['seconds']}"
    )


def _quarantine(raw: RawDocument, stage: str, reason: str) -> QuarantineRecord:
    return QuarantineRecord(path=raw.source, sha256=raw.sha256, stage=stage, reason=reason)


def _unexpected(stage: str, error: BaseException) -> str:
    return f"{stage} failed unexpectedly: {type(error).__name__}: {error}"[:500]


def ensure_backend(name: str) -> None:
    """Raise `BackendUnavailable` now, before any file is read, when backend `name` cannot run here: a
    missing model is the machine's problem, not the files', and must not quarantine a whole batch."""
    from zhaoyin.extractors.backends import get_backend

    get_backend(name)


def read_and_extract(
    raw: RawDocument, *, backend: str = "rules", ocr: bool = False, budgets: Budgets | None = None
) -> Outcome:
    """One file: Document + Extraction, or the quarantine record that says which stage failed and why."""
    try:
        budgets = budgets or Budgets.from_env()
    except ReadError as error:
        return _quarantine(raw, "read", error.reason)
    stage = ["read"]
    try:
        with time_budget(budgets.seconds):
            return _read_and_extract(raw, backend, ocr, budgets, stage)
    except TookTooLong:
        return _quarantine(raw, stage[0], took_too_long(budgets.seconds))


def _read_and_extract(
    raw: RawDocument, backend: str, ocr: bool, budgets: Budgets, stage: list[str]
) -> Outcome:
    from zhaoyin.extractors.pipeline import extract
    from zhaoyin.extractors.readers import read_document

    try:
        document = read_document(raw, ocr=ocr, budgets=budgets)
    except ReadError as error:
        return _quarantine(raw, error.stage or "read", error.reason)
    except Exception as error:
        return _quarantine(raw, "read", _unexpected("reading", error))
    if document.sha256 is None:
        document = document.model_copy(update={"sha256": raw.sha256})
    stage[0] = "extract"
    try:
        extraction = extract(document, backend=backend)
    except BackendUnavailable:
        raise
    except Exception as error:
        return _quarantine(raw, "extract", _unexpected("extraction", error))
    return document, extraction


def read_and_prepare(
    raw: RawDocument, *, backend: str = "rules", ocr: bool = False, budgets: Budgets | None = None
) -> LoadableOutcome:
    """One file for an import: the rows it adds to the warehouse, or its quarantine record."""
    outcome = read_and_extract(raw, backend=backend, ocr=ocr, budgets=budgets)
    if isinstance(outcome, QuarantineRecord):
        return outcome
    try:
        return prepare(*outcome)
    except Exception as error:
        return _quarantine(raw, "load", _unexpected("preparing the rows", error))


def read_and_prepare_all(
    raws: Sequence[RawDocument], backend: str = "rules", ocr: bool = False, budgets: Budgets | None = None
) -> list[LoadableOutcome]:
    return [read_and_prepare(raw, backend=backend, ocr=ocr, budgets=budgets) for raw in raws]


def _chunks(items: Sequence[RawDocument], count: int) -> Iterator[Sequence[RawDocument]]:
    size = max(1, math.ceil(len(items) / count))
    for start in range(0, len(items), size):
        yield items[start : start + size]


class ExtractionPool:
    """Read + extract batches on `workers` processes (inline when workers == 1).

    A worker that dies (a C library crashing on a hostile file) breaks the whole pool; the batch is then
    retried one file at a time in a fresh pool, so only the file that kills a worker is quarantined.
    """

    def __init__(
        self, workers: int = 1, *, backend: str = "rules", ocr: bool = False, budgets: Budgets | None = None
    ):
        ensure_backend(backend)
        self.workers = max(1, int(workers))
        self.backend = backend
        self.ocr = ocr
        self.budgets = budgets or Budgets.from_env()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                context = warm_forkserver(self.backend)
                self._executor = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=context,
                    initializer=warm_up,
                    initargs=(self.backend,),
                )
            return self._executor

    def _discard_broken_pool(self, *, kill: bool = False) -> None:
        with self._lock:
            if self._executor is not None:
                if kill:  # a worker stuck in C code does not stop any other way
                    for process in list(getattr(self._executor, "_processes", {}).values()):
                        process.kill()
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def deadline(self, files: int) -> float:
        """Seconds to wait for `files` files of one worker before it counts as stuck."""
        return (self.budgets.seconds + HARD_DEADLINE_GRACE) * max(1, files)

    def run(self, raws: Sequence[RawDocument]) -> list[LoadableOutcome]:
        """Outcomes in the order of `raws`."""
        return self.submit(raws).result()

    def submit(self, raws: Sequence[RawDocument]) -> PendingBatch:
        """Start reading + extracting `raws`; the caller loads the previous batch meanwhile.

        A lone file while no worker process runs yet is read here: starting the processes would cost
        more than the file (`zhaoyin import one.txt`)."""
        if self.workers == 1 or (len(raws) <= 1 and self._executor is None):
            done = read_and_prepare_all(raws, self.backend, self.ocr, self.budgets)
            return PendingBatch(self, [raws], done=done)
        chunks = list(_chunks(raws, self.workers * CHUNKS_PER_WORKER))
        try:
            pool = self._pool()
            futures = [
                pool.submit(read_and_prepare_all, chunk, self.backend, self.ocr, self.budgets)
                for chunk in chunks
            ]
        except BrokenProcessPool:
            self._discard_broken_pool()
            futures = None
        return PendingBatch(self, chunks, futures=futures)

    def _run_alone(self, raw: RawDocument) -> LoadableOutcome:
        try:
            future = self._pool().submit(
                read_and_prepare, raw, backend=self.backend, ocr=self.ocr, budgets=self.budgets
            )
            return future.result(timeout=self.deadline(1))
        except BrokenProcessPool:
            self._discard_broken_pool()
            return _quarantine(raw, "read", "the file crashed the worker process that was reading it")
        except FutureTimeout:
            self._discard_broken_pool(kill=True)
            return _quarantine(raw, "read", took_too_long(self.budgets.seconds))


class PendingBatch:
    """A batch being extracted in chunks; `result()` waits for it, and retries the files of a chunk one by
    one when its worker crashed or got stuck past the deadline (so only the guilty file is quarantined)."""

    def __init__(
        self, pool: ExtractionPool, chunks: Sequence[Sequence[RawDocument]], *, done=None, futures=None
    ):
        self._pool, self._chunks, self._done, self._futures = pool, chunks, done, futures

    def result(self) -> list[LoadableOutcome]:
        if self._done is None:
            futures = self._futures or [None] * len(self._chunks)
            done: list[LoadableOutcome] = []
            for chunk, future in zip(self._chunks, futures, strict=True):
                outcomes = None
                if future is not None:
                    try:
                        outcomes = future.result(timeout=self._pool.deadline(len(chunk)))
                    except BrokenProcessPool:
                        self._pool._discard_broken_pool()
                    except FutureTimeout:
                        self._pool._discard_broken_pool(kill=True)
                if outcomes is None:
                    outcomes = [self._pool._run_alone(raw) for raw in chunk]
                done.extend(outcomes)
            self._done = done
        return self._done


_shared: dict[tuple[int, str, bool, Budgets], ExtractionPool] = {}
_shared_lock = threading.Lock()


def shared_pool(
    workers: int, backend: str = "rules", ocr: bool = False, budgets: Budgets | None = None
) -> ExtractionPool:
    """One pool per process and setting, reused by every Prefect task of a flow run in this process."""
    budgets = budgets or Budgets.from_env()
    key = (max(1, int(workers)), backend, ocr, budgets)
    with _shared_lock:
        if key not in _shared:
            _shared[key] = ExtractionPool(key[0], backend=backend, ocr=ocr, budgets=budgets)
        return _shared[key]


def close_shared_pools() -> None:
    with _shared_lock:
        pools = list(_shared.values())
        _shared.clear()
    for pool in pools:
        pool.close()


if os.environ.get(WARM_UP_ENV):  # imported by the forkserver process of `warm_forkserver`
    warm_up(os.environ[WARM_UP_ENV])
