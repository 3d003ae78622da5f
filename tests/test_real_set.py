"""The real-report evaluation set: committed without quotes, scored when its texts are in the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import real_set
from zhaoyin.extractors.evaluation import evaluate, load_gold

ROOT = Path(__file__).resolve().parent.parent


def _manifest() -> list[dict]:
    return real_set.manifest()


def _gold_files() -> dict[str, Path]:
    return {p.with_suffix(".txt").name: p for p in (real_set.REAL / "gold").glob("*/*.json")}


def test_manifest_has_the_promised_breadth():
    entries = _manifest()
    splits = [e["split"] for e in entries]
    assert splits.count("dev") >= 30 and splits.count("test") >= 10
    assert len({e["province"] for e in entries}) >= 12
    assert any(e["script"] == "traditional" for e in entries)
    assert all(len(e["sha256"]) == 64 and e["url"].startswith("http") for e in entries)


def test_every_report_has_gold_in_its_split_and_no_quoted_evidence():
    gold_files = _gold_files()
    for entry in _manifest():
        path = gold_files[entry["doc"]]
        assert path.parent.name == entry["split"]
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["text_sha256"] == entry["sha256"]
        for project in gold["projects"]:
            evidence = project["evidence"]
            assert evidence is None or (
                isinstance(evidence, list) and 0 <= evidence[0] < evidence[1] <= entry["chars"]
            ), f"{entry['doc']}: evidence must be [start, end] offsets, not quoted text"


def test_sources_md_lists_every_report():
    sources = (real_set.REAL / "SOURCES.md").read_text(encoding="utf-8")
    for entry in _manifest():
        assert entry["doc"] in sources and entry["sha256"] in sources


def test_quote_free_turns_sentences_into_offsets_and_back():
    text = "甲县签约项目3个。总投资5亿元的乙公司丙项目落户甲县。\n"
    draft = {
        "doc": "x.txt",
        "projects": [{"name": "丙项目", "evidence": "总投资5亿元的乙公司丙项目落户甲县"}],
    }
    gold = real_set.quote_free(draft, text)
    start, end = gold["projects"][0]["evidence"]
    assert text[start:end] == "总投资5亿元的乙公司丙项目落户甲县"
    assert gold["text_sha256"] == real_set.sha256(text.encode())


def test_gold_with_a_missing_or_changed_text_is_named_not_scored(tmp_path):
    text = "总投资5亿元的乙公司丙项目落户甲县。\n"
    gold = real_set.quote_free(
        {"doc": "a.txt", "amounts": [{"text": "5亿元", "value": 5e8, "currency": "CNY"}], "projects": []},
        text,
    )
    gold_dir, corpus = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    corpus.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    assert load_gold(gold_dir, corpus) == []  # text missing: left out
    (corpus / "a.txt").write_text(text.replace("5", "6"), encoding="utf-8")
    assert load_gold(gold_dir, corpus) == []  # a different text: left out
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    report = evaluate(gold_dir, {"a.txt": {"amounts": [{"value": 5e8, "currency": "CNY"}]}}, corpus)
    assert report.kinds["amounts"].f1 == 1.0


@pytest.fixture(scope="module")
def real_texts() -> Path:
    present = [e for e in _manifest() if real_set.text_status(e) == "present"]
    if not present:
        pytest.skip(f"no real-report texts in {real_set.cache_dir()} (make real-cache refills it)")
    return real_set.cache_dir()


def test_offsets_of_the_real_gold_slice_annotated_strings(real_texts):
    for path in _gold_files().values():
        gold = json.loads(path.read_text(encoding="utf-8"))
        text_path = real_texts / gold["doc"]
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        for project in gold["projects"]:
            if project.get("name"):
                assert project["name"] in text
            if project["evidence"]:
                start, end = project["evidence"]
                assert text[start:end].strip(), gold["doc"]
        for amount in gold["amounts"]:
            assert amount["text"] in text


def test_eval_cli_scores_the_real_sets_beside_the_others(real_texts, tmp_path):
    # twenty reports of the dev part whose texts are present: the whole part takes half a minute to score
    gold = tmp_path / "gold"
    gold.mkdir()
    present = [
        p
        for p in sorted((real_set.REAL / "gold" / "dev").glob("*.json"))
        if (real_texts / f"{p.stem}.txt").exists()
    ]
    for path in present[:20]:
        (gold / path.name).write_bytes(path.read_bytes())
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "zhaoyin.flows.cli",
            "eval",
            "--json",
            "--set",
            f"real-dev={gold}:{real_texts}",
            "--set",
            f"absent={ROOT / 'tests' / 'data' / 'no-such-set'}",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    scores = json.loads(out.stdout)
    assert scores["absent"] is None
    assert len(scores["real-dev"]["docs"]) == len(present[:20]) > 0
    assert 0.0 < scores["real-dev"]["kinds"]["amounts"]["f1"] <= 1.0


def test_the_second_annotation_covers_ten_reports_of_the_set_without_quotes():
    docs = {e["doc"]: e for e in _manifest()}
    second = sorted((real_set.REAL / "gold2").glob("*.json"))
    assert len(second) >= 10
    for path in second:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["text_sha256"] == docs[gold["doc"]]["sha256"]
        assert all(p["evidence"] is None or isinstance(p["evidence"], list) for p in gold["projects"])


def test_recover_finds_each_text_inside_a_stored_copy_of_its_page(tmp_path, capsys):
    body = "甲县签约项目3个\n\n总投资5亿元的乙公司丙项目落户甲县。\n"
    chrome_inside = "甲县签约项目3个\n当前位置：首页 > 新闻\n\n总投资5亿元的乙公司丙项目落户甲县。相关阅读"
    entries = [
        {
            "doc": "a.txt",
            "url": "http://a.example/1",
            "chars": len(body),
            "sha256": real_set.sha256(body.encode()),
        },
        {
            "doc": "b.txt",
            "url": "http://b.example/2",
            "chars": len(body),
            "sha256": real_set.sha256(body.encode()),
        },
    ]
    pages, target = tmp_path / "pages", tmp_path / "cache"
    pages.mkdir()
    (pages / "a.json").write_text(
        json.dumps(
            {"url": "http://a.example/1", "excerpt": "网站首页\n" + chrome_inside}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    (pages / "b.json").write_text(
        json.dumps(
            [{"url": "http://b.example/2", "excerpt": body.replace("5亿元", "6亿元")}], ensure_ascii=False
        ),
        encoding="utf-8",
    )
    assert real_set.recover(pages, entries, target) == 0
    assert (target / "a.txt").read_text(encoding="utf-8") == body
    assert not (target / "b.txt").exists()
    assert "unmatched: b.txt" in capsys.readouterr().out


def test_status_read_only_in_part_ends_without_a_traceback(tmp_path):
    # `make eval` reads the first line of status only (… | head -1): a reader gone is no error
    env = {**os.environ, "ZHAOYIN_REAL_DIR": str(tmp_path)}  # an empty cache: a line per missing text
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first line
    try:
        done = subprocess.run(
            [sys.executable, "-m", "scripts.real_set", "status"],
            cwd=ROOT,
            env=env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
    assert done.returncode == 0
