"""Docs that run: every ```sql block of README.md and docs/*.md goes through `zhaoyin sql`'s read-only rules
against the demo warehouse (samples/ imported as `make demo` does) and returns rows; a block that says
"-- needs a crawl" runs after a real crawl of a local site. Every `zhaoyin search "…"` example finds a
document."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from site_fixture import GovSite

from zhaoyin.flows.crawling.crawl import run_crawl
from zhaoyin.flows.crawling.sources import SourceSpec
from zhaoyin.warehouse.readonly import run_readonly_query

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
NEEDS_CRAWL = "-- needs a crawl"
_SQL_BLOCK = re.compile(r"^```sql\n(.*?)^```", re.S | re.M)
_SEARCH = re.compile(r'zhaoyin search "([^"]+)"')


def sql_blocks() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in _SQL_BLOCK.finditer(text):
            line = text[: match.start()].count("\n") + 1
            found.append((f"{doc.relative_to(ROOT)}:{line}", match.group(1)))
    return found


BLOCKS = sql_blocks()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, cli) -> Path:
    path = tmp_path_factory.mktemp("demo") / "zhaoyin.duckdb"
    done = cli("import", ROOT / "samples", "--db", path, "--no-prefect", "--workers", "1")
    assert done.exit_code == 1, done.output  # partial: the scanned PDF needs --ocr
    return path


@pytest.fixture(scope="module")
def crawled_db(demo_db, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("crawled") / "zhaoyin.duckdb"
    shutil.copy(demo_db, path)
    with GovSite(crawl_delay=0.0) as site:
        site.failures.clear()
        spec = SourceSpec.model_validate(
            {
                "name": "docs-gov",
                "start_urls": [site.base + "/xwzx/index.html"],
                "list": {"links": "ul.list a", "next": "a.next"},
                "rate": 100,
                "timeout": 5,
                "allow_private_addresses": True,
            }
        )
        run_crawl(spec, path)
    return path


def test_the_docs_have_sql_to_check():
    assert len(BLOCKS) >= 10
    assert any(NEEDS_CRAWL in sql for _, sql in BLOCKS)


@pytest.mark.parametrize(("where", "sql"), BLOCKS, ids=[where for where, _ in BLOCKS])
def test_every_sql_block_returns_rows(where, sql, demo_db, request):
    db = request.getfixturevalue("crawled_db") if NEEDS_CRAWL in sql else demo_db
    columns, rows = run_readonly_query(db, sql)
    assert columns and rows, f"{where} returns no rows on the demo warehouse:\n{sql}"


def test_search_examples_find_documents(demo_db, cli):
    examples = {m.group(1) for doc in DOCS for m in _SEARCH.finditer(doc.read_text(encoding="utf-8"))}
    examples |= {m.group(1) for m in _SEARCH.finditer((ROOT / "flows/cli/commands_warehouse.py").read_text())}
    assert examples
    for words in examples:
        done = cli("search", words, "--db", demo_db, "--json")
        assert done.exit_code == 0 and '"doc_id"' in done.stdout, f"zhaoyin search {words!r} finds nothing"
