"""Readers get in during an import or a crawl (issue 20, row 13): the writer opens the warehouse only while
it looks up or writes a batch, steps aside for a waiting reader, and a crawl never holds it while fetching."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from site_fixture import GovSite
from test_import_corpus import write_txt

from zhaoyin import warehouse
from zhaoyin.warehouse.readonly import run_readonly_query

READER_BUDGET_SECONDS = 20  # the "a reader answered during an import within 20 s"

IMPORTER = textwrap.dedent(
    """
    import sys
    from zhaoyin.flows.importing.discover import discover
    from zhaoyin.flows.importing.ingest import ingest
    folder, db, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    summary = ingest(
        discover([folder]), db, batch_size=batch_size,
        progress=lambda s: print("loaded", s.new_documents, flush=True),
    )
    print("done", summary.new_documents, flush=True)
    """
)

CRAWLER = textwrap.dedent(
    """
    import json, sys
    from zhaoyin.flows.crawling.crawl import run_crawl
    from zhaoyin.flows.crawling.sources import SourceSpec
    summary = run_crawl(SourceSpec.model_validate(json.loads(sys.argv[1])), sys.argv[2])
    print("done", summary.documents_loaded, flush=True)
    """
)


def _env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}


def _timed_read(db_path: Path) -> tuple[float, int]:
    started = time.monotonic()
    _, rows = run_readonly_query(
        db_path, "SELECT count(*) FROM documents", wait_seconds=READER_BUDGET_SECONDS
    )
    return time.monotonic() - started, rows[0][0]


def test_readers_are_answered_between_the_batches_of_a_running_import(tmp_path, db_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(300):
        write_txt(folder / f"report_{i:04}.txt", i)
    warehouse.connect(db_path).close()
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(folder), str(db_path), "20"],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert importer.stdout is not None
        assert importer.stdout.readline().startswith("loaded")  # the import is under way
        answers = []
        for _ in range(3):
            elapsed, documents = _timed_read(db_path)
            assert importer.poll() is None, "the import ended before the reader could prove anything"
            answers.append((elapsed, documents))
        search = cli("search", "项目", "--db", db_path, "--json")
        assert search.exit_code == 0, search.output
        assert importer.poll() is None
    finally:
        remaining = importer.communicate(timeout=300)[0]
    assert importer.returncode == 0 and "done 300" in remaining
    assert all(elapsed < READER_BUDGET_SECONDS for elapsed, _ in answers), answers
    counts = [documents for _, documents in answers]
    assert counts == sorted(counts) and 0 < counts[0] and counts[-1] < 300
    assert all(count % 20 == 0 for count in counts)  # whole batches only
    assert run_readonly_query(db_path, "SELECT count(*) FROM documents")[1] == [(300,)]


def test_a_crawl_does_not_hold_the_warehouse_while_it_fetches(tmp_path, db_path):
    with GovSite(crawl_delay=0.02) as site:
        site.failures.clear()
        slow = GovSite.ARTICLES[1]
        site.delays[slow] = [6.0]
        spec = {
            "name": "slow-gov",
            "start_urls": [site.base + "/xwzx/index.html"],
            "allowed_domains": ["127.0.0.1"],
            "list": {"links": "ul.list a", "next": "a.next"},
            "rate": 50,
            "timeout": 20,
            "allow_private_addresses": True,
        }
        warehouse.connect(db_path).close()
        crawler = subprocess.Popen(
            [sys.executable, "-c", CRAWLER, json.dumps(spec), str(db_path)],
            stdout=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        try:
            deadline = time.monotonic() + 60
            while slow not in site.paths():
                assert crawler.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
            elapsed, _ = _timed_read(db_path)
            pending = [r for r in site.requests if r.path == slow]
            assert pending[0].status == 0  # the slow page is still being answered
            assert crawler.poll() is None
        finally:
            output = crawler.communicate(timeout=120)[0]
    assert crawler.returncode == 0 and output.startswith("done")
    assert elapsed < 2, f"the reader waited {elapsed:.1f} s while the crawler was only fetching"


@pytest.mark.stress
def test_zhaoyin_sql_during_a_zhaoyin_import(tmp_path, db_path):
    """The row as a user meets it: `zhaoyin import` (a Prefect flow run) and `zhaoyin sql` side by side."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4000):
        write_txt(folder / f"report_{i:05}.txt", i)
    env = {**_env(), "COLUMNS": "200"}
    importer = subprocess.Popen(
        [sys.executable, "-m", "zhaoyin.flows.cli", "import", str(folder), "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        deadline = time.monotonic() + 120
        while not (db_path.exists() and run_readonly_query(db_path, "SELECT count(*) FROM documents")[1][0]):
            assert importer.poll() is None and time.monotonic() < deadline
            time.sleep(0.5)
        timings = []
        for _ in range(3):
            started = time.monotonic()
            reader = subprocess.run(
                [sys.executable, "-m", "zhaoyin.flows.cli", "sql", "SELECT count(*) FROM documents", "--csv"],
                capture_output=True,
                text=True,
                env={**env, "ZHAOYIN_DB": str(db_path)},
                timeout=60,
            )
            timings.append(time.monotonic() - started)
            assert reader.returncode == 0, reader.stderr
            assert importer.poll() is None
    finally:
        importer.wait(timeout=900)
    assert importer.returncode == 0
    assert max(timings) < READER_BUDGET_SECONDS, timings


BUSY_WRITER = textwrap.dedent(
    """
    import sys, time
    from zhaoyin.warehouse.connection import writing
    db, rounds = sys.argv[1], int(sys.argv[2])
    print("writing", flush=True)
    for _ in range(rounds):
        with writing(db) as con:  # back to back: the file is closed only for an instant between rounds
            con.execute("INSERT INTO warehouse_meta VALUES ('busy', 'x') ON CONFLICT DO NOTHING")
            time.sleep(0.4)
    print("done", flush=True)
    """
)


def test_a_writer_writing_back_to_back_steps_aside_for_a_waiting_reader(db_path):
    warehouse.connect(db_path).close()
    writer = subprocess.Popen(
        [sys.executable, "-c", BUSY_WRITER, str(db_path), "20"], stdout=subprocess.PIPE, text=True, env=_env()
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
        time.sleep(0.5)
        timings = [_timed_read(db_path)[0] for _ in range(3)]
        assert writer.poll() is None
    finally:
        writer.communicate(timeout=120)
    assert writer.returncode == 0
    assert max(timings) < 2, timings  # about one round of the writer (without stepping aside: up to 4 s)
    assert not Path(f"{db_path}.readers-waiting").exists()
