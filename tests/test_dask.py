"""`bulk_import --task-runner dask` through prefect-dask, on a small in-process LocalCluster."""

from __future__ import annotations

import duckdb
from test_import_corpus import build_mixed_corpus

from zhaoyin.flows.importing.bulk_import import bulk_import


def test_bulk_import_on_a_dask_local_cluster(prefect_harness, tmp_path, db_path):
    from distributed import LocalCluster

    files = build_mixed_corpus(tmp_path / "in", start=300)

    with LocalCluster(n_workers=1, processes=False, threads_per_worker=2, dashboard_address=None) as cluster:
        first = bulk_import(
            [tmp_path / "in"],
            db_path,
            batch_size=2,
            workers=2,
            task_runner="dask",
            dask_address=cluster.scheduler_address,
        )
        again = bulk_import(
            [tmp_path / "in"],
            db_path,
            batch_size=2,
            workers=2,
            task_runner="dask",
            dask_address=cluster.scheduler_address,
        )

    assert [r.reason for r in first.quarantine] == []
    assert first.new_documents == len(files) and first.amounts >= len(files)
    assert (again.new_documents, again.already_present) == (0, len(files))
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(files)
