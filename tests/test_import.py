"""The import path: discovery, the plain ingest loop, the Prefect flow and `zhaoyin import`, on real files."""

from __future__ import annotations

import io
import os
import zipfile

import duckdb
from test_import_corpus import build_mixed_corpus, report_text, write_txt

from zhaoyin.flows.importing.discover import discover, iter_file_paths
from zhaoyin.flows.importing.ingest import IngestSummary, ingest
from zhaoyin.schemas import QuarantineRecord, RawDocument


def table_count(db, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def doc_ids(db) -> set[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}


def assert_balanced(summary: IngestSummary) -> None:
    assert summary.files_seen == summary.new_documents + summary.already_present + summary.quarantined


# --- discovery ---------------------------------------------------------------------------------------


def test_discover_follows_folders_and_skips_hidden_and_warehouse_files(tmp_path):
    write_txt(tmp_path / "a.txt", 0)
    (tmp_path / "deep" / "deeper").mkdir(parents=True)
    write_txt(tmp_path / "deep" / "deeper" / "b.txt", 1)
    write_txt(tmp_path / ".hidden.txt", 2)
    (tmp_path / ".git").mkdir()
    write_txt(tmp_path / ".git" / "c.txt", 3)
    (tmp_path / "zhaoyin.duckdb").write_bytes(b"not ours to read")
    (tmp_path / "zhaoyin.duckdb.wal").write_bytes(b"")

    found = list(discover([tmp_path]))

    assert all(isinstance(item, RawDocument) for item in found)
    assert sorted(os.path.relpath(item.source, tmp_path) for item in found) == ["a.txt", "deep/deeper/b.txt"]
    assert found[0].data == report_text(0).encode("utf-8")


def test_discover_turns_loops_broken_links_pipes_and_missing_paths_into_quarantine(tmp_path):
    write_txt(tmp_path / "good.txt", 0)
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe")

    found = list(discover([tmp_path, tmp_path / "missing"]))

    good = [item for item in found if isinstance(item, RawDocument)]
    bad = {os.path.basename(item.path): item for item in found if isinstance(item, QuarantineRecord)}
    assert [os.path.basename(g.source) for g in good] == ["good.txt"]
    assert set(bad) == {"loop", "self", "broken", "pipe", "missing"}
    assert "loop" in bad["loop"].reason and "loop" in bad["self"].reason
    assert "broken symlink" in bad["broken"].reason
    assert "regular file" in bad["pipe"].reason
    assert all(record.reason for record in bad.values())


def test_discover_reads_each_file_only_when_the_consumer_asks(tmp_path):
    for i in range(3):
        write_txt(tmp_path / f"{i}.txt", i)
    stream = discover([tmp_path])
    first = next(stream)
    assert isinstance(first, RawDocument)
    (tmp_path / "1.txt").write_text("changed after discovery started", encoding="utf-8")
    (tmp_path / "2.txt").unlink()

    rest = list(stream)

    assert rest[0].data == b"changed after discovery started"
    assert isinstance(rest[1], QuarantineRecord)
    assert len(list(iter_file_paths([tmp_path]))) == 2


# --- the plain loop ----------------------------------------------------------------------------------


def test_ingest_loads_every_format_once(tmp_path, db_path):
    files = build_mixed_corpus(tmp_path / "in")

    first = ingest(discover([tmp_path / "in"]), db_path, batch_size=4)
    second = ingest(discover([tmp_path / "in"]), db_path, batch_size=4)

    assert [r.reason for r in first.quarantine] == []
    assert first.files_seen == first.new_documents == len(files)
    assert first.amounts >= len(files)  # every report states at least one amount
    assert table_count(db_path, "documents") == len(files)
    assert table_count(db_path, "investments") == first.amounts
    assert_balanced(first)
    assert (second.new_documents, second.already_present, second.amounts) == (0, len(files), 0)
    assert table_count(db_path, "documents") == len(files)


def test_same_text_in_two_encodings_is_one_document(tmp_path, db_path):
    write_txt(tmp_path / "utf8.txt", 5)
    write_txt(tmp_path / "gbk.txt", 5, "gbk")

    summary = ingest(discover([tmp_path]), db_path)

    assert (summary.new_documents, summary.already_present) == (1, 1)
    assert table_count(db_path, "documents") == 1


def test_archive_members_are_imported_as_documents(tmp_path, db_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(3):
            archive.writestr(f"member_{i}.txt", report_text(100 + i).encode("utf-8"))
    (tmp_path / "reports.zip").write_bytes(buffer.getvalue())

    summary = ingest(discover([tmp_path]), db_path)

    assert summary.new_documents == 3
    assert table_count(db_path, "documents") == 3


def test_worker_processes_give_the_same_warehouse_as_one_process(tmp_path):
    build_mixed_corpus(tmp_path / "in")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"

    single = ingest(discover([tmp_path / "in"]), one, workers=1, batch_size=3)
    pooled = ingest(discover([tmp_path / "in"]), two, workers=2, batch_size=3)

    assert doc_ids(one) == doc_ids(two) and len(doc_ids(one)) == 6
    assert {k: v for k, v in vars(single).items() if k != "quarantine"} == {
        k: v for k, v in vars(pooled).items() if k != "quarantine"
    }


def test_progress_is_reported_per_batch(tmp_path, db_path):
    build_mixed_corpus(tmp_path / "in")
    seen: list[int] = []

    ingest(discover([tmp_path / "in"]), db_path, batch_size=2, progress=lambda s: seen.append(s.files_seen))

    assert seen == sorted(seen) and seen[-1] == 6 and len(seen) == 3


# --- the Prefect flow --------------------------------------------------------------------------------


def test_bulk_import_is_a_real_prefect_flow_run_and_idempotent(prefect_harness, tmp_path, db_path):
    from prefect import get_client

    from zhaoyin.flows.importing.bulk_import import bulk_import

    files = build_mixed_corpus(tmp_path / "in", start=200)

    first = bulk_import([tmp_path / "in"], db_path, batch_size=4, workers=2, task_runner="thread")
    second = bulk_import([tmp_path / "in"], db_path, batch_size=4, workers=1, task_runner="thread")

    assert first.new_documents == len(files) and first.quarantined == 0
    assert (second.new_documents, second.already_present) == (0, len(files))
    assert table_count(db_path, "documents") == len(files)
    with get_client(sync_client=True) as client:
        runs = [run for run in client.read_flow_runs() if run.name and run.state and run.state.is_completed()]
        flows = {client.read_flow(run.flow_id).name for run in runs}
    assert "bulk-import" in flows


def test_bulk_import_with_prefects_process_runner_and_a_progress_callback(prefect_harness, tmp_path, db_path):
    from zhaoyin.flows.importing.bulk_import import bulk_import

    files = build_mixed_corpus(tmp_path / "in", start=500)
    seen: list[int] = []

    summary = bulk_import(
        [tmp_path / "in"], db_path, batch_size=3, workers=2, task_runner="process",
        progress=lambda s: seen.append(s.files_seen),
    )  # fmt: skip

    assert summary.new_documents == len(files) and summary.quarantined == 0
    assert seen[-1] == len(files)
    assert table_count(db_path, "documents") == len(files)


# --- the CLI -----------------------------------------------------------------------------------------


def test_cli_import_prints_the_summary_and_warns_on_quarantine(cli, tmp_path, db_path):
    build_mixed_corpus(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")

    result = cli("import", tmp_path / "in", "--db", db_path, "--no-prefect", "--workers", "1")
    strict = cli("import", tmp_path / "in", "--db", db_path, "--no-prefect", "--workers", "1", "--strict")

    assert result.exit_code == 1, result.output  # partial: one file quarantined
    assert "new documents" in result.output and "quarantined" in result.output
    assert "empty.txt" in result.output and "warning" in result.output
    assert table_count(db_path, "documents") == 6
    assert table_count(db_path, "quarantine") >= 1
    assert strict.exit_code == 2


def test_cli_import_clean_folder_with_strict_exits_zero(cli, tmp_path, db_path):
    build_mixed_corpus(tmp_path / "in")

    result = cli("import", tmp_path / "in", "--db", db_path, "--no-prefect", "--workers", "1", "--strict")

    assert result.exit_code == 0, result.output
    assert table_count(db_path, "documents") == 6


def test_a_small_import_without_a_prefect_server_runs_the_plain_loop_and_says_so(
    cli, tmp_path, db_path, monkeypatch
):
    from zhaoyin.flows.cli.commands_import import PREFECT_MIN_FILES, plain_loop_reason

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    write_txt(tmp_path / "one.txt", 0)

    result = cli("import", tmp_path / "one.txt", "--db", db_path)

    assert result.exit_code == 0, result.output
    assert "running without Prefect" in result.output and "1 file is too few" in result.output
    assert table_count(db_path, "documents") == 1
    assert plain_loop_reason(PREFECT_MIN_FILES) == (False, "")  # a bulk import keeps its flow run
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")  # the discard port: nothing answers
    plain, reason = plain_loop_reason(3)
    assert plain and "no Prefect server answers at http://127.0.0.1:9/api" in reason


def test_a_lone_file_is_extracted_without_starting_worker_processes(tmp_path):
    from zhaoyin.flows.importing.runners import ExtractionPool

    write_txt(tmp_path / "one.txt", 2)
    (raw,) = discover([tmp_path / "one.txt"])
    with ExtractionPool(2) as pool:
        (outcome,) = pool.submit([raw]).result()
        assert pool._executor is None  # no forkserver, no workers for one file
    assert outcome.source.endswith("one.txt") and outcome.rows("projects")


def test_a_small_import_reuses_a_prefect_server_that_answers(
    prefect_harness, cli, tmp_path, db_path, monkeypatch
):
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL

    monkeypatch.setenv("PREFECT_API_URL", PREFECT_API_URL.value())
    write_txt(tmp_path / "one.txt", 1)
    with get_client(sync_client=True) as client:
        before = {run.id for run in client.read_flow_runs()}

    result = cli("import", tmp_path / "one.txt", "--db", db_path)

    assert result.exit_code == 0, result.output
    assert "running without Prefect" not in result.output
    assert table_count(db_path, "documents") == 1
    with get_client(sync_client=True) as client:
        new_runs = [run for run in client.read_flow_runs() if run.id not in before]
        names = {client.read_flow(run.flow_id).name for run in new_runs if run.state.is_completed()}
    assert "bulk-import" in names


def test_files_with_the_same_bad_bytes_are_each_quarantined(tmp_path, db_path):
    for name in ("a.txt", "b.pdf", "c.html"):
        (tmp_path / name).write_bytes(b"")
    write_txt(tmp_path / "good.txt", 9)
    write_txt(tmp_path / "good_copy.txt", 9)

    first = ingest(discover([tmp_path]), db_path, batch_size=2)
    second = ingest(discover([tmp_path]), db_path, batch_size=10)

    for summary in (first, second):
        assert sorted(os.path.basename(r.path) for r in summary.quarantine) == ["a.txt", "b.pdf", "c.html"]
        assert len({r.reason for r in summary.quarantine}) == 1
        assert_balanced(summary)
    assert (first.new_documents, first.already_present) == (1, 1)
    assert (second.new_documents, second.already_present) == (0, 2)
