"""Prefect flow: discover → read → extract → load, one task per batch (not per file).

Extraction of a batch runs where the task runner puts it:
- "thread" (default): the task runs in a thread of the flow's process and hands the batch to a process
  pool of `workers` warmed-up extractors (jieba holds the GIL, so threads alone would not help);
- "process": Prefect's ProcessPoolTaskRunner, one batch per worker process;
- "dask": prefect-dask's DaskTaskRunner, on a LocalCluster or an existing cluster (`dask_address`).
Loading always stays in the flow's process: DuckDB has one writer. Batches move through
`ingest.run_pipelined`, the loop the plain (no-Prefect) `ingest` runs too.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from typing import Any, Literal

from zhaoyin.extractors.readers.limits import Budgets
from zhaoyin.flows.settings import configure_prefect_env

configure_prefect_env()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import PrefectFuture  # noqa: E402
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from zhaoyin.flows.importing.discover import discover  # noqa: E402
from zhaoyin.flows.importing.ingest import (  # noqa: E402
    IN_FLIGHT,
    IngestSession,
    IngestSummary,
    ProgressCallback,
    run_pipelined,
)
from zhaoyin.flows.importing.runners import (  # noqa: E402
    LoadableOutcome,
    close_shared_pools,
    default_workers,
    ensure_backend,
    read_and_prepare_all,
    shared_pool,
    warm_up,
)
from zhaoyin.schemas import RawDocument  # noqa: E402

TaskRunnerName = Literal["thread", "process", "dask"]

# Progress callbacks are not flow parameters (Prefect records parameters); the wrapper registers them here.
_progress_hooks: dict[str, ProgressCallback] = {}


def _progress_hook(key: str | None) -> ProgressCallback | None:
    # A function, not the dict itself, in the flow's globals: Prefect's process runner pickles the flow
    # function by value, and a registered callback (holding a rich progress bar) cannot be pickled.
    return _progress_hooks.get(key) if key else None


@task(name="read-and-extract", cache_policy=NO_CACHE, persist_result=False)
def extract_batch(
    raws: list[RawDocument], backend: str, ocr: bool, pool_workers: int, budgets: Budgets
) -> list[LoadableOutcome]:
    if pool_workers > 1:
        return shared_pool(pool_workers, backend, ocr, budgets).run(raws)
    return read_and_prepare_all(raws, backend, ocr, budgets)


@flow(name="bulk-import", persist_result=False, log_prints=False)
def bulk_import_flow(
    paths: list[str],
    db_path: str,
    batch_size: int = 200,
    workers: int = 1,
    backend: str = "rules",
    ocr: bool = False,
    task_runner: TaskRunnerName = "thread",
    progress_key: str | None = None,
    budgets: dict[str, Any] | None = None,
    follow_symlinks: bool = False,
) -> IngestSummary:
    ensure_backend(backend)
    file_budgets = Budgets.from_env(**(budgets or {}))
    # With "thread" one task at a time feeds the shared process pool; other runners run batches side by side.
    in_process = task_runner == "thread"
    pool_workers = workers if in_process else 1
    in_flight = IN_FLIGHT if in_process else max(IN_FLIGHT, workers + 1)

    def extract(todo: list[RawDocument]) -> PrefectFuture:
        # quote: in-process, Prefect would otherwise walk every document looking for upstream futures
        return extract_batch.submit(
            quote(todo) if in_process else todo, backend, ocr, pool_workers, file_budgets
        )

    with IngestSession(db_path, progress=_progress_hook(progress_key)) as session:
        return run_pipelined(
            session,
            discover(paths, follow_symlinks=follow_symlinks),
            batch_size=batch_size,
            extract=extract,
            in_flight=in_flight,
            budgets=file_budgets,
        )


def make_task_runner(name: TaskRunnerName, workers: int, dask_address: str | None = None) -> TaskRunner:
    if name == "thread":
        return ThreadPoolTaskRunner(max_workers=2)
    if name == "process":
        return ProcessPoolTaskRunner(max_workers=workers, initializer=warm_up)
    if name == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True}
        )
    raise ValueError(f"unknown task runner {name!r}: use thread, process or dask")


def bulk_import(
    paths: Sequence[str | os.PathLike],
    db_path: str | os.PathLike,
    *,
    batch_size: int = 200,
    workers: int | None = None,
    backend: str = "rules",
    ocr: bool = False,
    task_runner: TaskRunnerName = "thread",
    task_runner_instance: TaskRunner | None = None,
    dask_address: str | None = None,
    progress: ProgressCallback | None = None,
    budgets: Budgets | None = None,
    follow_symlinks: bool = False,
) -> IngestSummary:
    """Run the `bulk-import` flow on `paths` with the chosen task runner; returns what it did.

    `budgets` (default: `Budgets.from_env()`) bounds each file; `follow_symlinks` imports what symlinks
    leading out of the named folders point to (by default they are quarantined)."""
    workers = workers or default_workers()
    runner = task_runner_instance or make_task_runner(task_runner, workers, dask_address)
    key = None
    if progress is not None:
        key = f"{os.getpid()}-{id(progress)}"
        _progress_hooks[key] = progress
    try:
        return bulk_import_flow.with_options(task_runner=runner)(
            paths=[os.fspath(p) for p in paths],
            db_path=os.fspath(db_path),
            batch_size=batch_size,
            workers=workers,
            backend=backend,
            ocr=ocr,
            task_runner=task_runner,
            progress_key=key,
            budgets=dataclasses.asdict(budgets) if budgets is not None else None,
            follow_symlinks=follow_symlinks,
        )
    finally:
        if key is not None:
            _progress_hooks.pop(key, None)
        if task_runner == "thread":
            close_shared_pools()
