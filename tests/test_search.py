"""Chinese full-text search: BM25 over character bigrams, ranked in SQL, snippets with highlights."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_warehouse_fixtures import SERVICE_LANDED, SERVICE_SIGNED, SIGNED, document, story, story_doc_ids

from zhaoyin import warehouse
from zhaoyin.schemas import Extraction
from zhaoyin.warehouse.search import query_terms, search

ZHAOYIN = Path(sys.executable).parent / "zhaoyin"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "test.duckdb"
    con = warehouse.connect(path)
    warehouse.load_batch(con, story(), [])
    traditional = "青島西海岸新區與寧德時代簽約，建設儲能電池基地。"
    warehouse.load_batch(con, [(document(traditional, "/tw/1.txt", "2025-04-01"), Extraction())], [])
    con.close()
    return path


@pytest.fixture
def con(db):
    con = warehouse.connect(db, read_only=True)
    yield con
    con.close()


def test_query_words_become_bigrams():
    assert query_terms("换电站") == ["换电", "电站"]
    assert query_terms("储") == ["储"]
    assert sorted(query_terms("40GWh")) == ["40", "gwh"]


def test_document_with_every_word_ranks_first_and_reprints_are_folded(con):
    ids = story_doc_ids()
    hits = search(con, "宁德时代 换电")
    assert hits[0].doc_id == ids["signed"]
    assert hits[0].words_matched == 2
    assert ids["reprint"] not in {h.doc_id for h in hits}
    assert all(a.words_matched >= b.words_matched for a, b in zip(hits, hits[1:], strict=False))


def test_more_occurrences_rank_higher(con):
    hits = search(con, "换电站")
    order = [h.doc_id for h in hits]
    twice = document(SERVICE_SIGNED, "x", None).doc_id
    once = document(SERVICE_LANDED, "x", None).doc_id
    longer_once = document(SIGNED, "x", None).doc_id
    assert order.index(twice) < order.index(once) < order.index(longer_once)
    assert hits[0].score > hits[-1].score


def test_snippet_highlights_the_query_words(con):
    hit = search(con, "宁德时代 换电", snippet_width=60)[0]
    marked = {hit.snippet[s:e] for s, e in hit.highlights}
    assert marked == {"宁德时代", "换电"}
    assert len(hit.snippet) <= 62
    rich = hit.rich_snippet()
    assert "[bold yellow]宁德时代[/]" in rich and "[bold yellow]换电[/]" in rich


def test_latin_words_digits_and_no_match(con):
    assert search(con, "GWh")[0].doc_id == story_doc_ids()["signed"]
    assert search(con, "北极熊 企鹅") == []
    assert search(con, "   ") == []


def test_limit(con):
    assert len(search(con, "项目", limit=2)) == 2


def test_cli_json(db):
    env = {**os.environ, "ZHAOYIN_DB": str(db)}
    done = subprocess.run(
        [str(ZHAOYIN), "search", "宁德时代 换电", "--limit", "3", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert 1 <= len(hits) <= 3
    assert hits[0]["doc_id"] == story_doc_ids()["signed"]
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end] in {"宁德时代", "换电"}
