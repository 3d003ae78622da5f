"""The polite fetcher against a real HTTP server on 127.0.0.1: robots, retries, redirects, limits."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from site_fixture import GovSite, article_text

from zhaoyin.flows.crawling.crawl import Link, attachment_links, feed_links, list_page_links
from zhaoyin.flows.crawling.fetch import Fetcher, decode_html, is_public_address, parse_retry_after
from zhaoyin.flows.crawling.sources import SourceSpec


@pytest.fixture
def site():
    with GovSite(crawl_delay=0.1, retry_after=1) as served:
        yield served


def spec_for(site: GovSite, **overrides) -> SourceSpec:
    values = {
        "name": "test-gov",
        "start_urls": [site.base + "/xwzx/index.html"],
        "allowed_domains": ["127.0.0.1"],
        "list": {"links": "ul.list a", "next": "a.next", "date": "span.date"},
        "rate": 50,
        "timeout": 5,
        "contact": "crawl-tests@example.org",
        "allow_private_addresses": True,
        **overrides,
    }
    return SourceSpec.model_validate(values)


def test_robots_disallow_is_never_requested_and_user_agent_has_contact(site):
    with Fetcher(spec_for(site)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.PRIVATE)
        allowed = fetcher.fetch(site.base + GovSite.ARTICLES[0])
    assert result.outcome == "robots"
    assert allowed.ok and allowed.etag and allowed.status == 200
    assert GovSite.PRIVATE not in site.paths()
    assert site.paths() == ["/robots.txt", GovSite.ARTICLES[0]]
    assert all("crawl-tests@example.org" in r.headers["user-agent"] for r in site.requests)


def test_crawl_delay_from_robots_spaces_requests(site):
    with Fetcher(spec_for(site, rate=100)) as fetcher:
        for path in GovSite.ARTICLES:
            assert fetcher.fetch(site.base + path).ok
    times = [r.at for r in site.requests]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.1 * 0.9, gaps  # Crawl-delay: 0.1 beats rate 100/s


def test_500_is_retried_and_429_waits_for_retry_after(site):
    with Fetcher(spec_for(site)) as fetcher:
        flaky = fetcher.fetch(site.base + GovSite.FLAKY)
        busy = fetcher.fetch(site.base + GovSite.BUSY)
    assert flaky.ok and busy.ok
    statuses = [(r.path, r.status) for r in site.requests if r.path in (GovSite.FLAKY, GovSite.BUSY)]
    assert statuses == [(GovSite.FLAKY, 500), (GovSite.FLAKY, 200), (GovSite.BUSY, 429), (GovSite.BUSY, 200)]
    busy_times = [r.at for r in site.requests if r.path == GovSite.BUSY]
    assert busy_times[1] - busy_times[0] >= 0.95  # Retry-After: 1


def test_retries_give_up_with_an_error_not_an_exception(site):
    site.failures[GovSite.FLAKY] = [500, 503, 500]
    with Fetcher(spec_for(site, retries=1)) as fetcher:
        failed = fetcher.fetch(site.base + GovSite.FLAKY)
        missing = fetcher.fetch(site.base + "/missing.html")
    assert failed.outcome == "error" and "503" in failed.reason
    assert site.paths().count(GovSite.FLAKY) == 2  # one try and one retry
    assert missing.outcome == "error" and missing.status == 404
    assert site.paths().count("/missing.html") == 1  # a 404 is not retried


def test_timeout_is_retried(site):
    site.delays[GovSite.ARTICLES[2]] = [1.0]
    with Fetcher(spec_for(site, timeout=0.3)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.ARTICLES[2])
    assert result.ok
    assert site.paths().count(GovSite.ARTICLES[2]) == 2


def test_redirect_off_domain_is_refused_before_any_request(site):
    with Fetcher(spec_for(site)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.REDIRECT)
        direct = fetcher.fetch(site.other_domain_base + "/elsewhere.html")
    assert result.outcome == "off_domain" and "localhost" in result.reason
    assert direct.outcome == "off_domain"
    assert site.paths(host="localhost") == []
    assert "/partner.html" not in site.paths() and "/elsewhere.html" not in site.paths()


def test_loopback_is_refused_unless_the_spec_allows_it(site):
    with Fetcher(spec_for(site, allow_private_addresses=False)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.ARTICLES[0])
    assert result.outcome == "refused" and "private or loopback" in result.reason
    assert site.requests == []
    assert not is_public_address("10.1.2.3") and not is_public_address("::ffff:127.0.0.1")
    assert is_public_address("8.8.8.8")


def test_connected_peer_is_checked_too(site, monkeypatch):
    """Were DNS to answer a public address and the connection land on loopback (DNS rebinding)."""
    monkeypatch.setattr(Fetcher, "_private_address_problem", lambda self, host, port: None)
    with Fetcher(spec_for(site, allow_private_addresses=False, retries=0)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.ARTICLES[0])
    assert result.outcome == "robots"  # robots.txt itself was refused, so nothing is allowed
    assert result.content == b"" and GovSite.ARTICLES[0] not in site.paths()
    with Fetcher(spec_for(site, allow_private_addresses=False, retries=0)) as fetcher:
        direct = fetcher._fetch(site.base + "/robots.txt", check_robots=False)
    assert direct.outcome == "refused" and "connected to a private or loopback address" in direct.reason


def test_other_schemes_are_refused(site):
    with Fetcher(spec_for(site)) as fetcher:
        for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "http://user:pw@127.0.0.1/"):
            assert fetcher.fetch(url).outcome in ("refused", "off_domain")
    assert site.requests == []


def test_body_larger_than_the_cap_is_abandoned(site):
    with Fetcher(spec_for(site, max_body_bytes=2048)) as fetcher:
        result = fetcher.fetch(site.base + GovSite.PDF)
    assert result.outcome == "too_large" and result.content == b""
    assert len(site.pages[GovSite.PDF].body) > 2048


def test_body_without_content_length_is_cut_while_streaming():
    class Endless(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            if self.path == "/robots.txt":
                return
            try:
                for _ in range(10_000):  # ~10 MB unless the client hangs up
                    self.wfile.write(b"x" * 1024)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Endless)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        spec = SourceSpec.model_validate(
            {
                "name": "endless",
                "kind": "feed",
                "url": base + "/feed",
                "allow_private_addresses": True,
                "max_body_bytes": 64_000,
                "rate": 100,
                "timeout": 5,
            }
        )
        with Fetcher(spec) as fetcher:
            result = fetcher.fetch(base + "/big")
        assert result.outcome == "too_large"
    finally:
        server.shutdown()
        server.server_close()


def test_conditional_get_answers_304(site):
    with Fetcher(spec_for(site)) as fetcher:
        first = fetcher.fetch(site.base + GovSite.ARTICLES[0])
        again = fetcher.fetch(site.base + GovSite.ARTICLES[0], etag=first.etag)
        by_date = fetcher.fetch(site.base + GovSite.ARTICLES[3], last_modified=first.last_modified)
    assert again.outcome == "not_modified" and again.content == b""
    assert by_date.outcome == "not_modified"
    assert site.requests[-2].headers["if-none-match"] == first.etag


def test_gbk_list_page_is_decoded_and_links_found(site):
    with Fetcher(spec_for(site)) as fetcher:
        page = fetcher.fetch(site.base + "/xwzx/index.html")
    assert "charset" not in (page.content_type or "")  # only <meta charset="gb2312"> tells
    html = decode_html(page.content, page.content_type)
    links, next_url = list_page_links(html, page.final_url, spec_for(site).listing)
    title, date, _ = article_text(1)
    assert links[0] == Link(site.base + GovSite.ARTICLES[0], "article", title, date, page.final_url)
    assert next_url == site.base + "/xwzx/index_1.html"
    assert site.other_domain_base + "/elsewhere.html" in {link.url for link in links}


def test_decode_html_without_declaration_and_with_wrong_header():
    text = "青岛西海岸新区招商引资项目集中签约，总投资一百二十亿元。" * 5
    undeclared = f"<html><body><p>{text}</p></body></html>".encode("gb18030")
    assert text in decode_html(undeclared)
    assert text in decode_html(undeclared, "text/html; charset=utf-8")  # header lies, detection saves
    assert text in decode_html(f"<p>{text}</p>".encode(), "text/html; charset=UTF-8")


def test_feed_and_attachment_links():
    rss = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>项目签约</title><link>https://invest.example.gov.cn/a/1.html#top</link>"
        "<pubDate>Mon, 06 May 2024 08:00:00 +0800</pubDate></item>"
        "<item><title>无链接</title></item></channel></rss>"
    ).encode()
    links = feed_links(rss, "https://invest.example.gov.cn/rss.xml")
    assert [(link.url, link.title) for link in links] == [
        ("https://invest.example.gov.cn/a/1.html", "项目签约")
    ]
    article = Link("https://www.example.gov.cn/a.html", "article", "标题", "2024-05-06")
    html = '<a href="/f/x.PDF">说明</a><a href="y.docx"></a><a href="z.html">z</a><a href="javascript:void(0)">j</a>'
    found = attachment_links(html, article.url, article)
    assert [(f.url, f.title) for f in found] == [
        ("https://www.example.gov.cn/f/x.PDF", "说明"),
        ("https://www.example.gov.cn/y.docx", "标题"),
    ]


def test_retry_after_forms():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_unreachable_robots_txt_means_disallow_all_and_missing_means_allow(site):
    site.failures["/robots.txt"] = [503]
    with Fetcher(spec_for(site, retries=0)) as fetcher:
        assert fetcher.fetch(site.base + GovSite.ARTICLES[0]).outcome == "robots"
    assert site.paths() == ["/robots.txt"]
    del site.pages["/robots.txt"]
    with Fetcher(spec_for(site)) as fetcher:
        assert fetcher.fetch(site.base + GovSite.PRIVATE).ok  # 404: no rules at all


def test_javascript_paginated_lists_follow_a_page_url_template(site):
    from zhaoyin.flows.crawling.crawl import CrawlSummary, _Crawl

    spec = spec_for(site, list={"links": "ul.list a", "page_url": "index_{n}.html", "max_pages": 10})
    with Fetcher(spec) as fetcher:
        crawl = _Crawl(spec, fetcher, CrawlSummary(source=spec.name))
        links = crawl.discover()
    list_requests = [(r.path, r.status) for r in site.requests if r.path.startswith("/xwzx/index")]
    assert list_requests == [
        ("/xwzx/index.html", 200),
        ("/xwzx/index_1.html", 200),
        ("/xwzx/index_2.html", 200),
        ("/xwzx/index_3.html", 404),  # the end of the list
    ]
    assert crawl.summary.list_pages == 3 and crawl.summary.errors == 0
    assert {site.base + GovSite.WITH_PDF, site.base + GovSite.FLAKY} <= {link.url for link in links}
