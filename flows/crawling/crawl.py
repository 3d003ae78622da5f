"""Crawl one source (a government release site or a feed) into the warehouse.

List pages / feeds → article links (CSS selectors, feedparser) → articles and their pdf/docx
attachments fetched politely (`crawling.fetch`) → `importing.ingest.ingest`, the same reading, extraction and
loading as imported files, with each URL as the document's source. What was fetched is remembered in
`warehouse.crawl_state`, so a rerun requests only list pages, new articles and conditional GETs.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

from prefect import flow, get_run_logger
from pydantic import BaseModel, Field
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

from zhaoyin.flows.crawling.fetch import Fetcher, FetchResult, decode_html
from zhaoyin.flows.crawling.sources import ListRule, SourceSpec
from zhaoyin.flows.importing.ingest import IngestSummary, ingest
from zhaoyin.schemas import QuarantineRecord, RawDocument
from zhaoyin.warehouse.crawl_state import FetchRecord, UrlState, known_for_source, open_state, record_fetches

ATTACHMENT_SUFFIXES = (".pdf", ".docx")
MAX_ERRORS_KEPT = 50

# Set by the CLI around a flow call: `progress(event, url)` after each fetch. Not a flow parameter,
# because a callable cannot be stored as a flow run's parameters.
progress_callback: ContextVar[Callable[[str, str], None] | None] = ContextVar(
    "progress_callback", default=None
)


@dataclass(frozen=True)
class Link:
    url: str
    kind: str  # article | attachment
    title: str | None = None
    published: str | None = None
    found_on: str | None = None


class CrawlSummary(BaseModel):
    source: str
    requests: int = 0  # every HTTP request sent, robots.txt and retries included
    pages_fetched: int = 0  # responses with a body (list pages, feeds, articles, attachments)
    list_pages: int = 0
    links_found: int = 0
    new_articles: int = 0
    changed_articles: int = 0
    attachments: int = 0
    not_modified: int = 0  # 304 answers to conditional GETs
    unchanged: int = 0  # re-fetched with a 200 but the same bytes
    skipped_robots: int = 0
    refused_off_domain: int = 0
    refused_other: int = 0  # scheme, private address, credentials
    too_large: int = 0
    errors: int = 0
    not_fetched_deadline: int = 0  # left for the next run: the run's deadline (`run_deadline`) had passed
    documents_loaded: int | None = None  # new documents in the warehouse (from ingest)
    quarantined: int | None = None  # fetched or failed URLs the pipeline could not use
    error_messages: list[str] = Field(default_factory=list)

    def note_error(self, url: str, reason: str | None) -> None:
        if len(self.error_messages) < MAX_ERRORS_KEPT:
            self.error_messages.append(f"{url}: {reason or 'error'}")


# -- link discovery (crawling, not NLP) --------------------------------------------------------------


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None


def _date_beside(link: Node, selector: str) -> str | None:
    """The date printed next to a list link: the `selector` match in the nearest ancestor holding only this link."""
    node = link.parent
    for _ in range(3):
        if node is None or len(node.css("a")) > 1:
            return None
        found = node.css_first(selector)
        if found is not None:
            return _clean(found.text())
        node = node.parent
    return None


def _absolute(base_url: str, href: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    return urldefrag(urljoin(base_url, href)).url


def list_page_links(html: str, base_url: str, rule: ListRule) -> tuple[list[Link], str | None]:
    """Article links (with the list's title and date text) and the next list page, if any."""
    tree = HTMLParser(html)
    base = tree.css_first("base[href]")
    if base is not None:
        base_url = urljoin(base_url, base.attributes.get("href") or "")
    links: dict[str, Link] = {}
    for node in tree.css(rule.links):
        url = _absolute(base_url, node.attributes.get("href"))
        if url is None or url in links:
            continue
        title = _clean(node.attributes.get("title")) or _clean(node.text())
        published = _date_beside(node, rule.date) if rule.date else None
        links[url] = Link(url, "article", title=title, published=published, found_on=base_url)
    next_url = None
    if rule.next:
        node = tree.css_first(rule.next)
        if node is not None:
            next_url = _absolute(base_url, node.attributes.get("href"))
    return list(links.values()), next_url


def feed_links(content: bytes, feed_url: str) -> list[Link]:
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": feed_url})
    links: dict[str, Link] = {}
    for entry in parsed.entries:
        url = _absolute(feed_url, entry.get("link"))
        if url is None or url in links:
            continue
        published = entry.get("published") or entry.get("updated")
        links[url] = Link(
            url, "article", title=_clean(entry.get("title")), published=published, found_on=feed_url
        )
    return list(links.values())


def attachment_links(html: str, base_url: str, article: Link) -> list[Link]:
    """pdf/docx files an article links to, by the path's suffix."""
    tree = HTMLParser(html)
    found: dict[str, Link] = {}
    for node in tree.css("a[href]"):
        url = _absolute(base_url, node.attributes.get("href"))
        if url is None or url in found:
            continue
        if urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES):
            title = _clean(node.text()) or article.title
            found[url] = Link(
                url, "attachment", title=title, published=article.published, found_on=article.url
            )
    return list(found.values())


# -- the crawl -------------------------------------------------------------------------------------


class _Crawl:
    """State of one crawl run: the fetcher, what is known, the summary and the fetches to record."""

    def __init__(self, spec: SourceSpec, fetcher: Fetcher, summary: CrawlSummary):
        self.spec = spec
        self.fetcher = fetcher
        self.summary = summary
        self.records: list[FetchRecord] = []
        self.known: dict[str, UrlState] = {}
        self.fetched: set[str] = set()
        self.progress = progress_callback.get()

    def fetch(
        self, url: str, kind: str, known: UrlState | None = None, *, may_be_missing: bool = False
    ) -> FetchResult:
        result = self.fetcher.fetch(
            url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
        )
        summary = self.summary
        if result.outcome == "deadline":
            if not summary.not_fetched_deadline:
                summary.note_error(url, f"{result.reason}; the rest waits for the next run")
            summary.not_fetched_deadline += 1
            return result  # nothing was requested: nothing to remember
        if result.ok:
            summary.pages_fetched += 1
        elif result.outcome == "not_modified":
            summary.not_modified += 1
        elif result.outcome == "robots":
            summary.skipped_robots += 1
        elif result.outcome == "off_domain":
            summary.refused_off_domain += 1
        elif result.outcome == "refused":
            summary.refused_other += 1
            summary.note_error(url, result.reason)
        elif may_be_missing and result.status in (404, 410):
            pass  # a guessed page number past the end of the list
        elif result.outcome == "too_large":
            summary.too_large += 1
            summary.note_error(url, result.reason)
        else:
            summary.errors += 1
            summary.note_error(url, result.reason)
        self.records.append(
            FetchRecord(
                url=url,
                source=self.spec.name,
                kind=kind,
                outcome=result.outcome,
                fetched_at=result.fetched_at,
                http_status=result.status,
                etag=result.etag,
                last_modified=result.last_modified,
                content_type=result.content_type,
                sha256=hashlib.sha256(result.content).hexdigest() if result.ok else None,
                error=result.reason,
            )
        )
        if self.progress:
            self.progress(result.outcome, url)
        return result

    def discover(self) -> list[Link]:
        found: dict[str, Link] = {}
        for start_url in self.spec.start_urls:
            if self.spec.kind == "feed":
                result = self.fetch(start_url, "feed")
                if result.ok:
                    for link in feed_links(result.content, result.final_url or start_url):
                        found.setdefault(link.url, link)
                continue
            rule = self.spec.listing
            page_url: str | None = start_url
            page_number = rule.first_page_number
            visited: set[str] = set()
            guessed = False
            while page_url and page_url not in visited and len(visited) < rule.max_pages:
                visited.add(page_url)
                result = self.fetch(page_url, "list", may_be_missing=guessed)
                if not result.ok:
                    break
                self.summary.list_pages += 1
                html = decode_html(result.content, result.content_type)
                links, page_url = list_page_links(html, result.final_url or page_url, rule)
                guessed = page_url is None and bool(rule.page_url and links)
                if guessed:
                    page_url = urljoin(start_url, rule.page_url.format(n=page_number))
                    page_number += 1
                for link in links:
                    found.setdefault(link.url, link)
        self.summary.links_found = len(found)
        return list(found.values())

    def plan(self, links: list[Link]) -> list[Link]:
        new = [link for link in links if link.url not in self.known]
        seen = [link for link in links if link.url in self.known] if self.spec.recheck_seen else []
        planned = new + seen
        if self.spec.max_articles is not None:
            planned = planned[: self.spec.max_articles]
        return planned

    def documents(self, planned: list[Link]) -> Iterator[RawDocument | QuarantineRecord]:
        """Fetch planned articles (and attachments) lazily; yield those with new content.

        A URL that failed (HTTP error, timeout, too large) is yielded as a QuarantineRecord, so the
        warehouse's quarantine shows it beside files that could not be read.
        """
        for link in planned:
            raw = self._fetch_document(link)
            if raw is None:
                continue
            yield raw
            if (
                isinstance(raw, RawDocument)
                and link.kind == "article"
                and self.spec.attachments
                and _is_html(raw)
            ):
                html = decode_html(raw.data, raw.media_type_hint)
                for attachment in attachment_links(html, raw.meta["final_url"], link):
                    attached = self._fetch_document(attachment)
                    if attached is not None:
                        yield attached

    def _fetch_document(self, link: Link) -> RawDocument | QuarantineRecord | None:
        if link.url in self.fetched:  # an attachment linked from several articles
            return None
        self.fetched.add(link.url)
        known = self.known.get(link.url)
        result = self.fetch(link.url, link.kind, known)
        if result.outcome in ("error", "too_large"):
            reason = f"{link.kind} not fetched: {result.reason or result.outcome}"
            return QuarantineRecord(path=link.url, stage="fetch", reason=reason)
        if not result.ok:
            return None
        digest = self.records[-1].sha256
        if known is not None and known.sha256 == digest:
            self.summary.unchanged += 1
            return None
        if link.kind == "attachment":
            self.summary.attachments += 1
        elif known is None:
            self.summary.new_articles += 1
        else:
            self.summary.changed_articles += 1
        return self._raw_document(link, result)

    def _raw_document(self, link: Link, result: FetchResult) -> RawDocument:
        meta = {
            "url": link.url,
            "final_url": result.final_url or link.url,
            "crawl_source": self.spec.name,
            "kind": link.kind,
            "found_on": link.found_on,
            "title": link.title,
            "published": link.published,
            "http": {
                "status": result.status,
                "content_type": result.content_type,
                "etag": result.etag,
                "last_modified": result.last_modified,
            },
        }
        if link.kind == "article" and self.spec.article is not None:
            meta["selectors"] = self.spec.article.model_dump(exclude_none=True)
        return RawDocument(
            data=result.content,
            source=link.url,
            fetched_at=result.fetched_at,
            media_type_hint=result.content_type,
            meta=meta,
        )


def _is_html(raw: RawDocument) -> bool:
    return "html" in (raw.media_type_hint or "").lower() or raw.data.lstrip()[:1] == b"<"


def hand_off(items: Iterator[RawDocument | QuarantineRecord], db_path: str | os.PathLike) -> IngestSummary:
    """The one call into the import pipeline (read → extract → load), shared with `zhaoyin import`."""
    return ingest(items, db_path)


def run_crawl(spec: SourceSpec, db_path: str | os.PathLike) -> CrawlSummary:
    """Crawl one source once. The Prefect flow `crawl_source` wraps this."""
    summary = CrawlSummary(source=spec.name)
    with Fetcher(spec) as fetcher:
        crawl = _Crawl(spec, fetcher, summary)
        links = crawl.discover()
        with open_state(db_path) as con:
            crawl.known = known_for_source(con, spec.name)
        planned = crawl.plan(links)
        documents = crawl.documents(planned)
        ingested = hand_off(documents, db_path)
        summary.documents_loaded = ingested.new_documents
        summary.quarantined = ingested.quarantined
        summary.requests = fetcher.requests_made
    records = forget_unusable(crawl.records, ingested.quarantine)
    with open_state(db_path) as con:
        record_fetches(con, records)
    return summary


def forget_unusable(records: list[FetchRecord], quarantine: list[QuarantineRecord]) -> list[FetchRecord]:
    """Fetches whose bytes the pipeline could not read or extract are not remembered as seen,
    so the next run fetches them again (a fixed reader or a repaired page then gets its chance)."""
    failed = {q.path: q.reason for q in quarantine if q.stage != "fetch"}
    return [
        replace(rec, outcome="quarantined", sha256=None, error=failed[rec.url][:500])
        if rec.url in failed and rec.sha256 is not None
        else rec
        for rec in records
    ]


def _flow_run_name() -> str:
    from prefect.runtime import flow_run

    spec = flow_run.parameters.get("spec")
    name = spec.get("name") if isinstance(spec, dict) else getattr(spec, "name", None)
    return f"crawl-{name or 'source'}"


@flow(name="crawl-source", flow_run_name=_flow_run_name, persist_result=False, log_prints=False)
def crawl_source(spec: SourceSpec, db_path: str) -> CrawlSummary:
    """Crawl one source spec into the warehouse at `db_path` (a Prefect flow run per source)."""
    summary = run_crawl(spec, Path(db_path))
    logger = get_run_logger()
    logger.info(
        "%s: %d list pages, %d new articles, %d changed, %d not modified, %d robots, %d off-domain, %d errors",
        spec.name,
        summary.list_pages,
        summary.new_articles,
        summary.changed_articles,
        summary.not_modified,
        summary.skipped_robots,
        summary.refused_off_domain,
        summary.errors,
    )
    return summary
