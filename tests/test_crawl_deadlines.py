"""The crawler against hostile servers on 127.0.0.1 (issue 20, rows 14–17): a page trickling a byte at a
time, a Retry-After longer than the URL may take, a run past its deadline, validators with non-ASCII bytes,
and robots rules dodged by percent-encoding or doubled slashes."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest
from site_fixture import GovSite

from zhaoyin.flows.crawling.crawl import run_crawl
from zhaoyin.flows.crawling.fetch import Fetcher, header_bytes, header_text, robots_normalised
from zhaoyin.flows.crawling.sources import SourceSpec

ARTICLE = (
    "<html><head><meta charset='utf-8'><title>黄岛区新能源项目签约</title></head><body><h1>黄岛区新能源项目签约</h1>"
    "<p>近日，黄岛区举行重点项目集中签约仪式，青岛华信新能科技有限公司投资建设的储能电池项目正式签约，"
    "项目总投资20亿元。</p></body></html>"
).encode()


class Hostile(BaseHTTPRequestHandler):
    """`/trickle-body`, `/trickle-head`: a byte every 0.25 s; `/busy`: 429 Retry-After 120; `/etag.html`: an
    ETag and Last-Modified with bytes outside ASCII, 304 when they come back byte for byte."""

    protocol_version = "HTTP/1.1"
    ETAG = '"v1-\xe9\xff"'  # sent as the bytes 0xE9 0xFF (http.server writes latin-1)
    LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT \xa0"
    seen: list[tuple[str, dict[str, str]]]

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self):
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path == "/trickle-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(100_000):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.25)
        elif self.path == "/trickle-head":
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"y" * 10_000:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.25)
        elif self.path == "/busy":
            self.send_response(429)
            self.send_header("Retry-After", "120")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/etag.html":
            if self.headers.get("If-None-Match") == self.ETAG:
                self.send_response(304)
                self.send_header("ETag", self.ETAG)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("ETag", self.ETAG)
            self.send_header("Last-Modified", self.LAST_MODIFIED)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE)
        elif self.path == "/feed.xml":
            base = f"http://{self.headers['Host']}"
            items = "".join(
                f"<item><title>t{i}</title><link>{base}/{path}</link></item>"
                for i, path in enumerate(("etag.html", "trickle-body", "busy"))
            )
            self._send(
                200, f"<rss version='2.0'><channel>{items}</channel></rss>".encode(), "application/rss+xml"
            )
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


@contextmanager
def hostile_server() -> Iterator[tuple[str, list]]:
    seen: list[tuple[str, dict[str, str]]] = []
    handler = type("Handler", (Hostile,), {"seen": seen})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def hostile_spec(base: str, **overrides) -> SourceSpec:
    values = {
        "name": "hostile",
        "kind": "feed",
        "url": base + "/feed.xml",
        "allow_private_addresses": True,
        "rate": 100,
        "timeout": 1,
        "retries": 1,
        **overrides,
    }
    return SourceSpec.model_validate(values)


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_a_trickling_page_is_given_up_within_its_deadline(path):
    """Row 14: one byte every 2 s kept the old per-read timeout from ever firing."""
    with hostile_server() as (base, seen), Fetcher(hostile_spec(base)) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(base + path)
        elapsed = time.monotonic() - started
    assert result.outcome == "error" and "timed out" in result.reason
    assert [p for p, _ in seen].count(path) == 2  # the request and its one retry
    # two requests of at most 1 s each, one backoff of 0.5 s, and robots.txt
    assert elapsed < 4, f"{elapsed:.1f} s"


def test_the_url_deadline_bounds_retries_and_waits():
    with (
        hostile_server() as (base, seen),
        Fetcher(hostile_spec(base, retries=10, url_deadline=2.5)) as fetcher,
    ):
        started = time.monotonic()
        result = fetcher.fetch(base + "/trickle-body")
        elapsed = time.monotonic() - started
    assert result.outcome == "error" and "deadline (2.5 s) passed" in result.reason
    assert elapsed < 3.5 and [p for p, _ in seen].count("/trickle-body") < 4


def test_retry_after_longer_than_the_url_may_take_gives_up_at_once():
    """Row 15: `429` with `Retry-After: 120` and default retries cost 6 minutes per URL."""
    with hostile_server() as (base, seen), Fetcher(hostile_spec(base, retries=3, timeout=20)) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(base + "/busy")
        elapsed = time.monotonic() - started
    assert result.outcome == "error" and result.status is None
    assert "asks to wait 120 s, more than the 60 s left" in result.reason
    assert [p for p, _ in seen].count("/busy") == 1 and elapsed < 2


def test_the_run_deadline_stops_requesting_and_the_next_run_goes_on(db_path):
    with GovSite(crawl_delay=0.02) as site:
        site.failures.clear()
        for path in GovSite.ARTICLES:
            site.delays[path] = [0.6]
        spec = SourceSpec.model_validate(
            {
                "name": "gov",
                "start_urls": [site.base + "/xwzx/index.html"],
                "allowed_domains": ["127.0.0.1"],
                "list": {"links": "ul.list a", "next": "a.next"},
                "rate": 100,
                "timeout": 5,
                "allow_private_addresses": True,
                "run_deadline": 1.5,
            }
        )
        started = time.monotonic()
        first = run_crawl(spec, db_path)
        last_request = max(r.at for r in site.requests) - started
        requested = set(site.paths())
        second = run_crawl(spec.model_copy(update={"run_deadline": 120}), db_path)
    assert first.not_fetched_deadline > 0 and "deadline (1.5 s) passed" in " ".join(first.error_messages)
    assert last_request < 1.5, f"a request was sent {last_request:.1f} s into a 1.5 s run"
    assert not {*GovSite.ARTICLES} <= requested  # some articles were left for later
    assert second.not_fetched_deadline == 0
    with duckdb.connect(str(db_path), read_only=True) as con:
        sources = {row[0] for row in con.execute("SELECT source FROM documents").fetchall()}
    assert {site.base + path for path in GovSite.ARTICLES} <= sources


def test_non_ascii_validators_are_stored_and_sent_back_byte_for_byte(db_path):
    """Row 16: an ETag with one non-ASCII byte made every later crawl fail with UnicodeEncodeError."""
    with hostile_server() as (base, seen):
        spec = hostile_spec(base, url_deadline=2)
        first = run_crawl(spec, db_path)
        second = run_crawl(spec, db_path)
        third = run_crawl(spec, db_path)
    assert first.new_articles == 1 and first.documents_loaded == 1
    for later in (second, third):
        assert later.not_modified == 1 and later.new_articles == later.changed_articles == 0
        assert not any("etag.html" in message for message in later.error_messages)
    conditional = [headers for path, headers in seen if path == "/etag.html"][1:]
    assert [h.get("if-none-match") for h in conditional] == [Hostile.ETAG, Hostile.ETAG]
    assert [h.get("if-modified-since") for h in conditional] == [Hostile.LAST_MODIFIED] * 2
    with duckdb.connect(str(db_path), read_only=True) as con:
        stored = con.execute("SELECT etag, outcome FROM crawl_urls WHERE url LIKE '%etag.html'").fetchall()
    assert stored == [(Hostile.ETAG, "not_modified")]


def test_header_values_round_trip_every_byte():
    every_byte = bytes(b for b in range(256) if b not in b"\r\n\x00")
    assert header_bytes(header_text(every_byte)) == every_byte
    assert header_bytes('W/"中文"') == 'W/"中文"'.encode()  # a value stored decoded as UTF-8 before
    assert header_bytes("a\r\nX-Injected: 1") is None and header_bytes("") is None


ROBOTS_DODGES = [
    "/private%2Finternal.html",
    "/private%2finternal.html",
    "//private/internal.html",
    "/xwzx/../private/internal.html",
    "/./private/internal.html",
    "/%70%72ivate/internal.html",
    "/private/%2E%2E/private/internal.html",
]


@pytest.mark.parametrize("path", ROBOTS_DODGES)
def test_robots_rules_match_the_normalised_path(path):
    """Row 17: `/private%2Fsecret.html` under `Disallow: /private/` was fetched."""
    with GovSite(crawl_delay=0.01) as site:
        with Fetcher(
            SourceSpec.model_validate(
                {
                    "name": "gov",
                    "start_urls": [site.base + "/xwzx/index.html"],
                    "list": {"links": "ul.list a"},
                    "rate": 100,
                    "allow_private_addresses": True,
                }
            )
        ) as fetcher:
            result = fetcher.fetch(site.base + path)
            allowed = fetcher.fetch(site.base + "/xwzx//art_1.html")
        assert result.outcome == "robots"
        assert site.paths() == ["/robots.txt", "/xwzx//art_1.html"]
    assert allowed.outcome in ("ok", "error")  # requested: not a robots verdict


def test_robots_normalisation():
    assert robots_normalised("http://h/private%2Fsecret.html?q=%2F") == "http://h/private/secret.html?q=%2F"
    assert robots_normalised("http://h//a///b/./c/../d") == "http://h/a/b/d"
    assert robots_normalised("http://h/%7Euser/%41%20b%3f") == "http://h/~user/A%20b%3F"
    assert robots_normalised("http://h") == "http://h/"
