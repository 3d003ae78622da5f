"""A polite, careful HTTP fetcher for one source spec.

User-Agent with a contact, robots.txt (protego) with Crawl-delay, a per-host rate limit, timeouts,
retries with backoff on 5xx/timeouts (tenacity) honouring Retry-After on 429/503, a body size cap
(streamed), redirects followed by hand and refused when they leave `allowed_domains`, http(s) only,
and no private/loopback addresses unless the spec allows them (checked on the resolved address and
again on the connected peer).
"""

from __future__ import annotations

import codecs
import email.utils
import ipaddress
import re
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit

import httpx
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from zhaoyin.flows.crawling.sources import SourceSpec

Outcome = Literal["ok", "not_modified", "robots", "off_domain", "refused", "too_large", "error"]

MAX_REDIRECTS = 5
MAX_ROBOTS_BYTES = 512_000
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
RETRY_AFTER_STATUSES = {429, 503}
_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


@dataclass
class FetchResult:
    url: str
    outcome: Outcome
    final_url: str | None = None
    status: int | None = None
    content: bytes = field(default=b"", repr=False)
    headers: dict[str, str] = field(default_factory=dict)
    reason: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


class _Retryable(Exception):
    def __init__(self, message: str, retry_after: float | None = None, status: int | None = None):
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class _Refused(Exception):
    def __init__(self, outcome: Outcome, reason: str):
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class Fetcher:
    """Fetches URLs for one source. Use as a context manager; not thread-safe (one crawl, one fetcher)."""

    def __init__(
        self,
        spec: SourceSpec,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.spec = spec
        self.user_agent = spec.effective_user_agent()
        self._sleep = sleep
        self._clock = clock
        self._client = httpx.Client(
            headers={
                "User-Agent": self.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(spec.timeout),
            follow_redirects=False,
            trust_env=False,
        )
        self._robots: dict[str, Protego] = {}
        self._last_request: dict[str, float] = {}
        self._resolved: dict[tuple[str, int], str | None] = {}
        self.requests_made = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- what may be fetched -------------------------------------------------------------------

    def check_url(self, url: str) -> tuple[Outcome, str] | None:
        """Why `url` must not be requested, or None when it may be (robots.txt aside)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "refused", f"scheme {parts.scheme or '(none)'!r} is not http(s)"
        host = (parts.hostname or "").lower()
        if not host:
            return "refused", "URL has no host"
        if not self.spec.host_allowed(host):
            return "off_domain", f"{host} is outside allowed_domains"
        if parts.username or parts.password:
            return "refused", "URLs with credentials are not fetched"
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            return "refused", "URL has an invalid port"
        if not self.spec.allow_private_addresses:
            problem = self._private_address_problem(host, port)
            if problem:
                return "refused", problem
        return None

    def _private_address_problem(self, host: str, port: int) -> str | None:
        key = (host, port)
        if key not in self._resolved:
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                self._resolved[key] = f"cannot resolve {host}: {exc}"
            else:
                private = sorted({info[4][0] for info in infos if not is_public_address(info[4][0])})
                self._resolved[key] = (
                    f"{host} resolves to a private or loopback address ({', '.join(private)})"
                    if private
                    else None
                )
        return self._resolved[key]

    def _check_peer(self, response: httpx.Response) -> None:
        if self.spec.allow_private_addresses:
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if peer and not is_public_address(str(peer[0])):
            raise _Refused("refused", f"connected to a private or loopback address ({peer[0]})")

    def robots_allows(self, url: str) -> bool:
        return self._robots_for(url).can_fetch(url, self.user_agent)

    def _robots_for(self, url: str) -> Protego:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = Protego.parse(self._fetch_robots_txt(origin + "/robots.txt"))
        return self._robots[origin]

    def _fetch_robots_txt(self, robots_url: str) -> str:
        # RFC 9309: 4xx means no rules; 5xx or unreachable means "assume everything disallowed".
        result = self._fetch(robots_url, check_robots=False, max_bytes=MAX_ROBOTS_BYTES)
        if result.ok:
            return result.content.decode("utf-8", errors="replace")
        if result.status is not None and 400 <= result.status < 500 and result.status != 429:
            return ""
        return _DISALLOW_ALL

    def min_interval(self, url: str) -> float:
        interval = 1.0 / self.spec.rate
        robots = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc.lower()}")
        if robots is not None:
            delay = robots.crawl_delay(self.user_agent)
            if delay:
                interval = max(interval, float(delay))
            rate = robots.request_rate(self.user_agent)
            if rate and rate.requests:
                interval = max(interval, rate.seconds / rate.requests)
        return interval

    # -- fetching ------------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url` with every rule applied. Never raises for network or HTTP trouble."""
        return self._fetch(url, etag=etag, last_modified=last_modified)

    def _fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = True,
        max_bytes: int | None = None,
    ) -> FetchResult:
        url = urldefrag(url).url
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            refusal = self.check_url(current)
            if refusal:
                return FetchResult(url, refusal[0], final_url=current, reason=refusal[1])
            if check_robots and not self.robots_allows(current):
                return FetchResult(url, "robots", final_url=current, reason="disallowed by robots.txt")
            try:
                result = self._with_retries(current, conditional, max_bytes or self.spec.max_body_bytes)
            except _Refused as exc:
                return FetchResult(url, exc.outcome, final_url=current, reason=exc.reason)
            except (_Retryable, httpx.HTTPError, httpx.InvalidURL) as exc:
                status = exc.status if isinstance(exc, _Retryable) else None
                return FetchResult(url, "error", final_url=current, status=status, reason=_describe(exc))
            if result.status in REDIRECT_STATUSES:
                location = result.headers.get("location")
                if not location:
                    return FetchResult(
                        url,
                        "error",
                        final_url=current,
                        status=result.status,
                        reason="redirect without Location",
                    )
                current = urldefrag(urljoin(current, location)).url
                continue
            result.url = url
            result.final_url = current
            return result
        return FetchResult(url, "error", final_url=current, reason=f"more than {MAX_REDIRECTS} redirects")

    def _with_retries(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        backoff = wait_exponential(multiplier=0.5, min=0.5, max=30)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                return exc.retry_after
            return backoff(state)

        retrying = Retrying(
            stop=stop_after_attempt(self.spec.retries + 1),
            wait=wait,
            retry=retry_if_exception_type((_Retryable, httpx.TimeoutException, httpx.TransportError)),
            sleep=self._sleep,
            reraise=True,
        )
        return retrying(self._get_once, url, headers, max_bytes)

    def _wait_turn(self, url: str) -> None:
        # Spacing runs from the end of the previous response, so slow answers slow us down too.
        last = self._last_request.get(urlsplit(url).netloc.lower())
        if last is not None:
            delay = last + self.min_interval(url) - self._clock()
            if delay > 0:
                self._sleep(delay)

    def _get_once(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        self._wait_turn(url)
        self.requests_made += 1
        try:
            return self._exchange(url, headers, max_bytes)
        finally:
            self._last_request[urlsplit(url).netloc.lower()] = self._clock()

    def _exchange(self, url: str, headers: dict[str, str], max_bytes: int) -> FetchResult:
        with self._client.stream("GET", url, headers=headers) as response:
            self._check_peer(response)
            status = response.status_code
            response_headers = {k.lower(): v for k, v in response.headers.items()}
            if status in RETRY_AFTER_STATUSES or status >= 500:
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                if retry_after is not None and retry_after > self.spec.max_retry_after:
                    raise _Refused("error", f"HTTP {status}; server asks to wait {retry_after:.0f} s")
                raise _Retryable(
                    f"HTTP {status}", retry_after if status in RETRY_AFTER_STATUSES else None, status
                )
            if status in REDIRECT_STATUSES:
                return FetchResult(url, "ok", status=status, headers=response_headers)
            if status == 304:
                return FetchResult(url, "not_modified", status=status, headers=response_headers)
            if status >= 400 or status < 200:
                return FetchResult(
                    url, "error", status=status, headers=response_headers, reason=f"HTTP {status}"
                )
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                return FetchResult(
                    url,
                    "too_large",
                    status=status,
                    headers=response_headers,
                    reason=f"body of {declared} bytes exceeds {max_bytes}",
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    return FetchResult(
                        url,
                        "too_large",
                        status=status,
                        headers=response_headers,
                        reason=f"body exceeds {max_bytes} bytes",
                    )
            return FetchResult(url, "ok", status=status, content=bytes(body), headers=response_headers)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out ({type(exc).__name__})"
    return str(exc) or type(exc).__name__


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# GB2312 and GBK pages routinely contain characters only GB18030 (their superset) names.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "ascii": "utf-8",
}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def html_encoding_candidates(content: bytes, content_type: str | None = None) -> list[str]:
    candidates: list[str | None] = []
    if content.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
        candidates.append(_codec(match.group(1)) if match else None)
    match = _META_CHARSET.search(content[:4096])
    candidates.append(_codec(match.group(1).decode("ascii")) if match else None)
    return list(dict.fromkeys(c for c in candidates if c))


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Text of an HTML page: BOM, then the HTTP charset, then <meta charset>, then detection."""
    for encoding in html_encoding_candidates(content, content_type):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is not None and best.encoding:
        return content.decode(_codec(best.encoding) or best.encoding, errors="replace")
    return content.decode("utf-8", errors="replace")
