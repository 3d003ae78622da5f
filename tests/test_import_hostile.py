"""`zhaoyin import` on a folder of hostile files (tests/hostile.py) mixed with good reports: every bad file
ends in `quarantine` with its reason, the import never crashes and exits 1, partial (2 with --strict), every good
file loads."""

from __future__ import annotations

import duckdb
import pytest
from hostile import build_hostile_corpus
from test_import_corpus import build_mixed_corpus
from typer.testing import CliRunner

from zhaoyin.extractors.archives import expand_archive, is_archive
from zhaoyin.extractors.readers import raw_from_path, read_document


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    from zhaoyin.flows.cli import app

    root = tmp_path_factory.mktemp("hostile")
    folder = root / "in"
    cases = build_hostile_corpus(folder)
    good_reports = build_mixed_corpus(folder / "good_reports", start=400)
    db = root / "hostile.duckdb"
    runner = CliRunner()
    args = ["import", str(folder), "--db", str(db), "--no-prefect", "--workers", "1", "--batch-size", "16"]
    first = runner.invoke(app, args)
    strict = runner.invoke(app, [*args, "--strict"])
    with duckdb.connect(str(db), read_only=True) as con:
        quarantine = con.execute("SELECT path, stage, reason FROM quarantine").fetchall()
        doc_ids = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
    return {
        "cases": cases,
        "good": good_reports,
        "first": first,
        "strict": strict,
        "q": quarantine,
        "ids": doc_ids,
    }


def records_for(path, quarantine) -> list[tuple[str, str, str]]:
    name = str(path)
    return [row for row in quarantine if row[0] == name or row[0].startswith(name + "!/")]


def expected_doc_ids(path) -> set[str]:
    raw = raw_from_path(path)
    members = list(expand_archive(raw)) if is_archive(raw.data) else [raw]
    return {read_document(member).doc_id for member in members}


def test_hostile_import_exits_partial_and_usage_error_with_strict(imported):
    assert imported["first"].exception is None or isinstance(imported["first"].exception, SystemExit)
    assert imported["first"].exit_code == 1, imported["first"].output
    assert "quarantined" in imported["first"].output and "warning" in imported["first"].output
    assert imported["strict"].exit_code == 2, imported["strict"].output


def test_every_bad_file_is_quarantined_with_its_reason(imported):
    bad = [case for case in imported["cases"] if case.expect == "bad"]
    assert len(bad) >= 20
    missing = []
    for case in bad:
        reasons = [reason.lower() for _, _, reason in records_for(case.path, imported["q"])]
        if not any(case.reason_contains.lower() in reason for reason in reasons):
            missing.append((case.path.name, case.reason_contains, reasons))
    assert missing == []


def test_every_good_file_loads(imported):
    good = [case.path for case in imported["cases"] if case.expect == "good"] + imported["good"]
    quarantined_good = [
        (p.name, records_for(p, imported["q"])) for p in good if records_for(p, imported["q"])
    ]
    assert quarantined_good == []
    not_loaded = [p.name for p in good if not expected_doc_ids(p) <= imported["ids"]]
    assert not_loaded == []


def test_folder_traps_do_not_hang_or_load_twice(imported):
    traps = [case for case in imported["cases"] if case.expect == "skip"]
    for trap in traps:
        inside = [row for row in imported["q"] if row[0].startswith(str(trap.path))]
        assert all("loop" in reason for _, _, reason in inside)
    assert len(imported["ids"]) == len(set(imported["ids"]))
