"""`zhaoyin extract FILE`: one document, no database, the gold JSON keys or rich tables."""

from __future__ import annotations

import json

import pytest
from test_import_corpus import project_amount_text, write_docx, write_pdf, write_txt

GOLD_KEYS = {"projects", "companies", "districts", "amounts", "metrics"}


@pytest.mark.parametrize("writer", [write_txt, write_pdf, write_docx])
def test_extract_prints_the_gold_json_shape(cli, tmp_path, writer):
    suffix = {"write_txt": ".txt", "write_pdf": ".pdf", "write_docx": ".docx"}[writer.__name__]
    path = writer(tmp_path / f"report{suffix}", 11)

    result = cli("extract", path, "--format", "json")

    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert GOLD_KEYS <= set(payload) and "policies" in payload
    assert payload["doc"] == path.name
    amount_texts = [a["text"] for a in payload["amounts"]]
    assert project_amount_text(11) in amount_texts
    for amount in payload["amounts"]:
        assert {"start", "end", "confidence", "value"} <= set(amount)


def test_extract_table_format_shows_each_record_kind(cli, tmp_path):
    path = write_txt(tmp_path / "report.txt", 12)

    result = cli("extract", path, "--format", "table")

    assert result.exit_code == 0, result.output
    for key in GOLD_KEYS:
        assert key in result.output


def test_extract_unreadable_file_says_why_and_fails(cli, tmp_path):
    missing = cli("extract", tmp_path / "missing.txt")
    empty_path = tmp_path / "empty.txt"
    empty_path.write_bytes(b"")
    empty = cli("extract", empty_path)
    binary_path = tmp_path / "noise.pdf"
    binary_path.write_bytes(b"%PDF-1.4 \x00\x01\x02 truncated")
    binary = cli("extract", binary_path)

    assert missing.exit_code != 0 and "missing.txt" in missing.output
    assert empty.exit_code != 0 and "cannot" in empty.output
    assert binary.exit_code != 0 and "cannot" in binary.output
