"""A generated government-style release site served on 127.0.0.1 for crawl tests.

Three paginated list pages (GB2312-declared, GBK bytes), GBK article pages, a robots.txt that
disallows /private/ and sets a Crawl-delay, an article that fails with 500 once, one that answers
429 with Retry-After once, a redirect to another host name (localhost: same server, other domain,
so a request that should never happen would show up in the log), a PDF attachment written with
reportlab's STSong-Light, and an RSS feed. Every request is recorded. Pages carry ETag and/or
Last-Modified and answer conditional GETs with 304.
"""

from __future__ import annotations

import hashlib
import io
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DISTRICTS = ["黄岛区", "城阳区", "即墨区", "胶州市", "李沧区", "崂山区", "平度市", "莱西市"]
INDUSTRIES = [
    "新能源汽车零部件",
    "高端装备制造",
    "生物医药",
    "集成电路封装",
    "储能电池",
    "智能家电",
    "海洋科技",
]
COMPANIES = ["华信", "博远", "中科瑞达", "海晟", "鼎盛", "联创", "金桥", "汇能"]


@dataclass
class Request:
    method: str
    path: str
    host: str
    headers: dict[str, str]
    status: int
    at: float


@dataclass
class Page:
    body: bytes
    content_type: str
    etag: bool = True
    last_modified: bool = True
    version: int = 1
    modified_at: float = field(default_factory=lambda: time.time() - 86_400)

    @property
    def etag_value(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'

    @property
    def last_modified_value(self) -> str:
        return formatdate(self.modified_at, usegmt=True)


def article_text(n: int, version: int = 1) -> tuple[str, str, list[str]]:
    """(title, date, paragraphs) of a generated investment-attraction release."""
    district = DISTRICTS[n % len(DISTRICTS)]
    industry = INDUSTRIES[n % len(INDUSTRIES)]
    company = f"青岛{COMPANIES[n % len(COMPANIES)]}{industry[:2]}科技有限公司"
    amount = 10 + 7 * n + (version - 1) * 3
    title = f"{district}{industry}项目签约落地"
    date = f"2024-0{1 + n % 9}-1{n % 10}"
    paragraphs = [
        f"近日，{district}举行重点项目集中签约仪式，{company}投资建设的{industry}生产基地项目正式签约，"
        f"项目总投资{amount}亿元。",
        f"项目达产后预计年产值{amount * 2}亿元，新增就业岗位{300 + n * 20}个。",
        f"今年以来，{district}新签约亿元以上项目{5 + n}个，累计到位资金{40 + n}亿元。",
    ]
    if version > 1:
        paragraphs.append(f"（第{version}次更新）项目二期已于本月开工建设。")
    return title, date, paragraphs


def article_html(n: int, version: int = 1, attachment: str | None = None) -> bytes:
    title, date, paragraphs = article_text(n, version)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    link = f'<p>附件：<a href="{attachment}">项目情况说明.pdf</a></p>' if attachment else ""
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{title}_青岛市政府</title></head><body>"
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/xwzx/index.html">新闻中心</a></div>'
        f'<h1>{title}</h1><div class="pubdate">发布时间：{date}</div>'
        f'<div id="zoom">{body}{link}</div>'
        '<div class="footer">主办：某市人民政府办公厅　版权所有</div></body></html>'
    )
    return html.encode("gbk")


def list_html(items: list[tuple[str, str, str]], next_href: str | None) -> bytes:
    lis = "".join(
        f'<li><a href="{href}">{title}</a><span class="date">{date}</span></li>'
        for href, title, date in items
    )
    nxt = f'<a class="next" href="{next_href}">下一页</a>' if next_href else ""
    html = (
        '<html><head><meta charset="gb2312"><title>新闻发布</title></head><body>'
        '<div class="nav"><a href="/">首页</a></div>'
        f'<ul class="list">{lis}</ul><div class="pages">{nxt}</div></body></html>'
    )
    return html.encode("gbk")


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("STSong-Light", 12)
    y = 800
    for line in lines:
        pdf.drawString(50, y, line)
        y -= 20
    pdf.save()
    return buffer.getvalue()


def rss_xml(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{base}{href}</link><pubDate>{date}</pubDate></item>"
        for href, title, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>招商动态</title>'
        f"<link>{base}/</link><description>招商引资新闻</description>{entries}</channel></rss>"
    ).encode()


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):  # clients hanging up are normal here
            super().handle_error(request, client_address)


class GovSite:
    """The site, its server thread and the log of requests. Use as a context manager."""

    ARTICLES = ["/xwzx/art_1.html", "/xwzx/art_2.html", "/xwzx/art_3.html", "/xwzx/art_4.html"]
    FLAKY = "/xwzx/flaky.html"
    BUSY = "/xwzx/busy.html"
    WITH_PDF = "/xwzx/art_pdf.html"
    PDF = "/files/report_2024.pdf"
    PRIVATE = "/private/internal.html"
    REDIRECT = "/go/partner.html"
    REMOVED = "/xwzx/removed.html"  # listed, but answers 404
    FEED_ARTICLES = ["/feed/news_1.html", "/feed/news_2.html"]

    def __init__(self, crawl_delay: float = 0.05, retry_after: int = 1):
        self.crawl_delay = crawl_delay
        self.retry_after = retry_after
        self.requests: list[Request] = []
        self.pages: dict[str, Page] = {}
        # statuses a path answers, in turn, before it serves its page
        self.failures: dict[str, list[int]] = {self.FLAKY: [500], self.BUSY: [429]}
        # seconds a path waits before answering, in turn (to provoke client timeouts)
        self.delays: dict[str, list[float]] = {}
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.port = self._server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.other_domain_base = f"http://localhost:{self.port}"
        self._build()

    # -- content --------------------------------------------------------------------------------
    def _build(self) -> None:
        html = "text/html"
        self.pages["/robots.txt"] = Page(
            f"User-agent: *\nDisallow: /private/\nCrawl-delay: {self.crawl_delay}\n".encode(), "text/plain"
        )
        article_numbers = {path: i + 1 for i, path in enumerate(self.ARTICLES)}
        article_numbers.update({self.FLAKY: 5, self.BUSY: 6, self.WITH_PDF: 7})
        self.article_numbers = article_numbers
        for path, n in article_numbers.items():
            attachment = self.PDF if path == self.WITH_PDF else None
            # art_4 has only Last-Modified, the others ETag and Last-Modified
            self.pages[path] = Page(
                article_html(n, attachment=attachment), html, etag=path != self.ARTICLES[3]
            )
        self.pages[self.PRIVATE] = Page(article_html(20), html)
        self.pages["/elsewhere.html"] = Page(article_html(21), html)
        self.pages["/partner.html"] = Page(article_html(22), html)
        self.pages[self.PDF] = Page(
            pdf_bytes(
                ["莱西市新能源产业园项目情况说明", "项目总投资25亿元，由青岛汇能储能科技有限公司投资建设。"]
            ),
            "application/pdf",
        )

        def item(path: str) -> tuple[str, str, str]:
            title, date, _ = article_text(self.article_numbers.get(path, 20))
            return path, title, date

        page1 = [item(self.ARTICLES[0]), item(self.ARTICLES[1]), item(self.PRIVATE), item(self.REDIRECT)]
        page1.append((f"{self.other_domain_base}/elsewhere.html", "外站链接", "2024-01-01"))
        self.pages["/xwzx/index.html"] = Page(
            list_html(page1, "index_1.html"), html, etag=False, last_modified=False
        )
        page2 = [item(self.ARTICLES[2]), item(self.FLAKY), item(self.BUSY)]
        self.pages["/xwzx/index_1.html"] = Page(
            list_html(page2, "index_2.html"), html, etag=False, last_modified=False
        )
        page3 = [item(self.ARTICLES[3]), item(self.WITH_PDF), (self.REMOVED, "已撤下的稿件", "2024-09-09")]
        self.pages["/xwzx/index_2.html"] = Page(list_html(page3, None), html, etag=False, last_modified=False)

        for i, path in enumerate(self.FEED_ARTICLES):
            title, _, paragraphs = article_text(30 + i)
            body = f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            body += "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"
            self.pages[path] = Page(body.encode(), "text/html; charset=utf-8")
        feed_items = [
            (path, article_text(30 + i)[0], "Mon, 06 May 2024 08:00:00 +0800")
            for i, path in enumerate(self.FEED_ARTICLES)
        ]
        self.pages["/rss.xml"] = Page(rss_xml(self.base, feed_items), "application/rss+xml")

    def change_article(self, path: str) -> None:
        """Publish an edited version of an article (new bytes, new validators)."""
        page = self.pages[path]
        page.version += 1
        attachment = self.PDF if path == self.WITH_PDF else None
        page.body = article_html(self.article_numbers[path], page.version, attachment=attachment)
        page.modified_at = time.time()

    # -- what happened --------------------------------------------------------------------------
    def paths(self, host: str | None = None) -> list[str]:
        with self._lock:
            return [r.path for r in self.requests if host is None or r.host == host]

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- serving --------------------------------------------------------------------------------
    def __enter__(self) -> GovSite:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                request = Request(
                    "GET",
                    path,
                    (self.headers.get("Host") or "").split(":")[0],
                    {k.lower(): v for k, v in self.headers.items()},
                    0,
                    time.monotonic(),
                )
                with site._lock:
                    site.requests.append(request)  # on arrival, before any delay
                status, headers, body = site._respond(path, self.headers)
                request.status = status
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def _respond(self, path: str, request_headers) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            pending = self.failures.get(path)
            failure = pending.pop(0) if pending else None
            waits = self.delays.get(path)
            delay = waits.pop(0) if waits else 0.0
        if delay:
            time.sleep(delay)
        if failure == 429:
            return 429, {"Retry-After": str(self.retry_after), "Content-Type": "text/plain"}, b"slow down"
        if failure is not None:
            return failure, {"Content-Type": "text/plain"}, b"server trouble"
        if path == self.REDIRECT:
            return 302, {"Location": f"{self.other_domain_base}/partner.html"}, b""
        page = self.pages.get(path)
        if page is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        headers = {"Content-Type": page.content_type}
        if page.etag:
            headers["ETag"] = page.etag_value
        if page.last_modified:
            headers["Last-Modified"] = page.last_modified_value
        if page.etag and request_headers.get("If-None-Match") == page.etag_value:
            return 304, headers, b""
        if (
            not page.etag
            and page.last_modified
            and request_headers.get("If-Modified-Since") == page.last_modified_value
        ):
            return 304, headers, b""
        return 200, headers, page.body
