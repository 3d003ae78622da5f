"""SIGKILL `zhaoyin import` (the real CLI, in a subprocess) at random moments of a 1,000-document import;
after a rerun the warehouse must hold exactly 1,000 documents, no duplicate rows and no orphan records.

"No duplicate rows" is checked against a reference import of the same folder that nobody interrupted:
every table of per-document records must hold exactly as many rows as the reference does.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_import_corpus import build_txt_corpus

DOCS = 1000
ZHAOYIN = str(Path(sys.executable).parent / "zhaoyin")
ROOT = Path(__file__).resolve().parent.parent


def import_command(folder: Path, db: Path, *, prefect: bool = False, workers: int = 1) -> list[str]:
    command = [
        ZHAOYIN,
        "import",
        str(folder),
        "--db",
        str(db),
        "--workers",
        str(workers),
        "--batch-size",
        "100",
    ]
    return command if prefect else [*command, "--no-prefect"]


def run_to_end(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.perf_counter() - start


def kill_during(command: list[str], db: Path, seconds: float) -> bool:
    """Start the import, SIGKILL it (and its worker processes) `seconds` after it opened the warehouse.

    Waiting for the file first puts every kill inside the import, not in Prefect's server start-up.
    Returns True if the import was still running when killed.
    """
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    opened_before = db.exists()
    deadline = time.monotonic() + 120
    while not opened_before and not db.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        process.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return True


def per_document_tables(con) -> list[str]:
    rows = con.execute(
        """
        SELECT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.column_name = 'doc_id' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'documents'
        ORDER BY 1
        """
    ).fetchall()
    return [row[0] for row in rows]


def warehouse_state(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        documents, distinct = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        tables = per_document_tables(con)
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        orphans = {
            t: con.execute(
                f'SELECT count(*) FROM "{t}" r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = r.doc_id)'
            ).fetchone()[0]
            for t in tables
        }
    return {"documents": documents, "distinct": distinct, "counts": counts, "orphans": orphans}


# The killed imports get a Prefect home of their own: a server killed mid-write must not hurt anyone else's.
ENV = dict(os.environ)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    ENV["PREFECT_HOME"] = str(tmp_path_factory.mktemp("prefect-home"))
    ENV.pop("PREFECT_API_URL", None)
    folder = tmp_path_factory.mktemp("crash") / "docs"
    build_txt_corpus(folder, DOCS)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[dict, float]:
    db = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    seconds = run_to_end(import_command(corpus, db))
    state = warehouse_state(db)
    assert state["documents"] == DOCS
    assert (
        sum(state["counts"].values()) > DOCS
    )  # records were extracted, so the count comparison means something
    return state, seconds


def assert_recovered(db: Path, reference_state: dict, note: str) -> None:
    state = warehouse_state(db)
    assert state["documents"] == state["distinct"] == DOCS, note
    assert state["orphans"] == dict.fromkeys(state["orphans"], 0), note
    assert state["counts"] == reference_state["counts"], note


def crash_trial(
    seed: int, corpus: Path, reference, tmp_path: Path, *, prefect: bool = False, workers: int = 1
) -> None:
    reference_state, seconds = reference
    rng = random.Random(seed)
    db = tmp_path / f"crash-{seed}.duckdb"
    kills = []
    for _ in range(1 if prefect else rng.randint(1, 2)):  # sometimes kill the rerun too
        moment = rng.uniform(0.02, 0.9) * seconds
        kills.append(
            (
                round(moment, 2),
                kill_during(import_command(corpus, db, prefect=prefect, workers=workers), db, moment),
            )
        )
    run_to_end(import_command(corpus, db))
    assert_recovered(db, reference_state, f"seed={seed} kills (seconds, was running)={kills}")


@pytest.mark.parametrize("seed", [1, 2])
def test_killed_plain_import_recovers_on_rerun(seed, corpus, reference, tmp_path):
    crash_trial(seed, corpus, reference, tmp_path)


def test_killed_prefect_import_recovers_on_rerun(corpus, reference, tmp_path):
    crash_trial(101, corpus, reference, tmp_path, prefect=True)


@pytest.mark.stress
@pytest.mark.parametrize("seed", range(1000, 1024))
def test_many_kills_stress(seed, corpus, reference, tmp_path):
    crash_trial(seed, corpus, reference, tmp_path, prefect=seed % 6 == 0, workers=1 + seed % 2)
