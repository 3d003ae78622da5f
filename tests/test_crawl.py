"""Crawling a generated government site end to end: fetch → ingest → warehouse, then incrementally."""

from __future__ import annotations

import duckdb
import pytest
import yaml
from site_fixture import GovSite, Page, article_text

from zhaoyin.flows.crawling.crawl import crawl_source, run_crawl
from zhaoyin.flows.crawling.sources import SourceSpec

LIST_PAGES = {"/xwzx/index.html", "/xwzx/index_1.html", "/xwzx/index_2.html"}
ARTICLE_PATHS = {*GovSite.ARTICLES, GovSite.FLAKY, GovSite.BUSY, GovSite.WITH_PDF}


@pytest.fixture
def site():
    with GovSite(crawl_delay=0.02, retry_after=1) as served:
        yield served


@pytest.fixture
def calm_site(site):
    """The site without its one-off 500 and 429 (those cost a second of backoff per crawl)."""
    site.failures.clear()
    return site


def site_spec(site: GovSite, **overrides) -> SourceSpec:
    return SourceSpec.model_validate(
        {
            "name": "test-gov",
            "start_urls": [site.base + "/xwzx/index.html"],
            "allowed_domains": ["127.0.0.1"],
            "list": {"links": "ul.list a", "next": "a.next", "date": "span.date"},
            "article": {"title": "h1", "date": ".pubdate", "body": "#zoom"},
            "attachments": True,
            "rate": 50,
            "timeout": 5,
            "allow_private_addresses": True,
            **overrides,
        }
    )


def documents_by_source(db_path) -> dict[str, list[str]]:
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute("SELECT source, text FROM documents ORDER BY imported_at").fetchall()
    found: dict[str, list[str]] = {}
    for source, text in rows:
        found.setdefault(source, []).append(text)
    return found


def completed_flow_run_names() -> set[str]:
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(limit=200)
    return {run.name for run in runs if run.state is not None and run.state.is_completed()}


def test_crawl_flow_imports_each_article_once_and_rerun_only_asks_conditionally(
    site, db_path, prefect_harness
):
    first = crawl_source(site_spec(site), str(db_path))

    paths = site.paths()
    assert GovSite.PRIVATE not in paths  # robots.txt Disallow
    assert site.paths(host="localhost") == []  # the off-domain redirect and link were not followed
    assert {p for p in paths if p.startswith("/xwzx/")} == LIST_PAGES | ARTICLE_PATHS | {GovSite.REMOVED}
    assert GovSite.PDF in paths
    assert (first.new_articles, first.attachments, first.list_pages) == (7, 1, 3)
    assert (first.skipped_robots, first.refused_off_domain, first.errors) == (1, 2, 1)
    assert first.documents_loaded == 8 and first.quarantined == 1  # the 404 page, stage "fetch"
    assert "crawl-test-gov" in completed_flow_run_names()

    documents = documents_by_source(db_path)
    expected_sources = {site.base + p for p in ARTICLE_PATHS | {GovSite.PDF}}
    assert set(documents) == expected_sources
    assert all(len(texts) == 1 for texts in documents.values())
    _, _, paragraphs = article_text(1)
    assert paragraphs[0][:30] in documents[site.base + GovSite.ARTICLES[0]][0]  # GBK decoded
    assert "莱西市新能源产业园" in documents[site.base + GovSite.PDF][0]
    assert "版权所有" not in documents[site.base + GovSite.ARTICLES[0]][0]  # article selectors honoured

    site.clear_log()
    second = crawl_source(site_spec(site), str(db_path))
    article_requests = [r for r in site.requests if r.path in ARTICLE_PATHS | {GovSite.PDF}]
    assert {r.path for r in article_requests} == ARTICLE_PATHS  # attachments of unchanged articles not asked
    assert all(r.status == 304 for r in article_requests)
    assert all("if-none-match" in r.headers or "if-modified-since" in r.headers for r in article_requests)
    assert [r.status for r in site.requests if r.status == 200 and r.path not in LIST_PAGES] == [
        200
    ]  # robots
    assert (second.new_articles, second.changed_articles, second.not_modified) == (0, 0, 7)
    assert documents_by_source(db_path) == documents


def test_changed_article_becomes_a_new_version(calm_site, db_path):
    site = calm_site
    run_crawl(site_spec(site), db_path)
    changed = GovSite.ARTICLES[1]
    site.change_article(changed)
    site.clear_log()

    summary = run_crawl(site_spec(site), db_path)

    assert summary.changed_articles == 1 and summary.new_articles == 0
    statuses = {r.path: r.status for r in site.requests if r.path in ARTICLE_PATHS}
    assert statuses.pop(changed) == 200 and set(statuses.values()) == {304}
    documents = documents_by_source(db_path)
    versions = documents[site.base + changed]
    assert len(versions) == 2 and "第2次更新" in versions[1] and "第2次更新" not in versions[0]
    assert all(len(texts) == 1 for source, texts in documents.items() if source != site.base + changed)
    with duckdb.connect(str(db_path), read_only=True) as con:
        recorded = con.execute(
            "SELECT count(*) FROM crawl_url_versions WHERE url = ?", [site.base + changed]
        ).fetchone()[0]
        versions_column = con.execute(
            "SELECT versions FROM crawl_urls WHERE url = ?", [site.base + changed]
        ).fetchone()[0]
    assert recorded == versions_column == 2

    site.clear_log()
    third = run_crawl(site_spec(site), db_path)  # the new version is now the known one
    assert third.changed_articles == 0 and third.not_modified == 7


def test_failed_fetch_is_quarantined_and_retried_next_run(calm_site, db_path):
    site = calm_site
    run_crawl(site_spec(site), db_path)
    with duckdb.connect(str(db_path), read_only=True) as con:
        rows = con.execute("SELECT path, stage, reason FROM quarantine").fetchall()
    assert rows == [(site.base + GovSite.REMOVED, "fetch", "article not fetched: HTTP 404")]
    site.pages[GovSite.REMOVED] = Page(
        body=site.pages[GovSite.FLAKY].body.replace("崂山区".encode("gbk"), "市北区".encode("gbk")),
        content_type="text/html",
    )
    site.clear_log()
    summary = run_crawl(site_spec(site), db_path)
    assert summary.new_articles == 1 and site.base + GovSite.REMOVED in documents_by_source(db_path)


def test_feed_source_fetches_entry_links(calm_site, db_path):
    site = calm_site
    spec = SourceSpec.model_validate(
        {
            "name": "test-feed",
            "kind": "feed",
            "url": site.base + "/rss.xml",
            "rate": 50,
            "allow_private_addresses": True,
        }
    )
    summary = run_crawl(spec, db_path)
    assert summary.new_articles == 2 and summary.errors == 0
    assert set(documents_by_source(db_path)) == {site.base + p for p in GovSite.FEED_ARTICLES}
    assert not LIST_PAGES & set(site.paths())


def test_cli_crawl_prints_a_summary(calm_site, db_path, tmp_path):
    site = calm_site
    from typer.testing import CliRunner

    from zhaoyin.flows.cli import app

    sources = tmp_path / "sources"
    sources.mkdir()
    spec = site_spec(site).model_dump(mode="json", by_alias=True, exclude_none=True)
    (sources / "test-gov.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    runner = CliRunner()
    args = ["crawl", "test-gov", "--sources-dir", str(sources), "--db", str(db_path), "--no-prefect"]
    result = runner.invoke(app, args)
    # partial: the site links one article that answers 404, and the reason is printed
    assert result.exit_code == 1, result.output
    assert "removed.html: HTTP 404" in result.output
    assert "crawl summary" in result.output and "test-gov" in result.output
    assert len(documents_by_source(db_path)) == 8

    missing = runner.invoke(app, ["crawl", "nope", "--sources-dir", str(sources), "--db", str(db_path)])
    assert missing.exit_code == 2 and "test-gov" in missing.output


def test_attachment_of_a_changed_article_is_asked_conditionally(calm_site, db_path):
    site = calm_site
    run_crawl(site_spec(site), db_path)
    site.change_article(GovSite.WITH_PDF)
    site.clear_log()
    summary = run_crawl(site_spec(site), db_path)
    pdf_requests = [r for r in site.requests if r.path == GovSite.PDF]
    assert [r.status for r in pdf_requests] == [304] and "if-none-match" in pdf_requests[0].headers
    assert (summary.changed_articles, summary.attachments) == (1, 0)
