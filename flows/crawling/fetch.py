"""A polite, careful HTTP fetcher for one source spec.

User-Agent with a contact, robots.txt (protego, matched on the normalised path) with Crawl-delay, a
per-host rate limit, retries with backoff on 5xx/timeouts (tenacity) honouring Retry-After on 429/503, a
body size cap (streamed), redirects followed by hand and refused when they leave `allowed_domains`, http(s)
only, and no private/loopback addresses unless the spec allows them (checked on the resolved address and
again on the connected peer).

Time is bounded three ways: `timeout` is a deadline for one request, from connecting to the last byte (every
socket operation gets only what is left of it, so a server trickling a byte at a time is cut off on time);
`url_deadline` bounds one URL with its retries, redirects and Retry-After waits; `run_deadline` bounds one
run of the source, after which nothing more is requested. Header values are kept exactly as the bytes sent
(decoded as latin-1, one character per byte) and sent back the same way.
"""

from __future__ import annotations

import codecs
import email.utils
import ipaddress
import re
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit, urlunsplit

import certifi
import httpcore
import httpx
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_exception_type, wait_exponential

from zhaoyin.flows.crawling.sources import SourceSpec

Outcome = Literal["ok", "not_modified", "robots", "off_domain", "refused", "too_large", "error", "deadline"]

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


class _OutOfTime(Exception):
    """The URL's or the run's deadline has passed (or would, waiting for the next attempt)."""


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


def header_text(raw: bytes) -> str:
    """A header value as a string that maps one-to-one to its bytes (latin-1), whatever they are."""
    return raw.decode("latin-1")


def header_bytes(value: str) -> bytes | None:
    """The bytes of a stored header value to send back, or None when it cannot be sent as a header.

    Values stored by `header_text` round-trip exactly; older values decoded as UTF-8 go back as UTF-8.
    """
    try:
        raw = value.encode("latin-1")
    except UnicodeEncodeError:
        raw = value.encode("utf-8", errors="replace")
    if not raw or any(byte in raw for byte in b"\r\n\x00"):
        return None
    return raw


def _location_text(raw: str) -> str:
    """A Location header's URL: servers send raw UTF-8 in it often enough; anything else as latin-1."""
    data = raw.encode("latin-1", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return raw


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PERCENT_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


def _decode_escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED or char == "/" else "%" + match.group(1).upper()


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, as the server resolves `/a/../b` and `/./b`."""
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    resolved = "/" + "/".join(output)
    if path.endswith(("/.", "/..")) and not resolved.endswith("/"):
        resolved += "/"
    return resolved


def robots_normalised(url: str) -> str:
    """`url` with the path a server will serve: unreserved characters and `%2F` percent-decoded, runs of `/`
    collapsed and dot segments resolved — so `/private%2Fsecret.html`, `//private/x` and `/a/../private/x`
    meet `Disallow: /private/` as the server sees them."""
    parts = urlsplit(url)
    path = _PERCENT_ESCAPE.sub(_decode_escape, parts.path or "/")
    path = _remove_dot_segments(re.sub(r"/{2,}", "/", path))
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits at most what is left of the current request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, remaining: Callable[[float | None], float | None]):
        self._stream = stream
        self._remaining = remaining

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        left = self._remaining(timeout)
        if left is not None and left <= 0:
            raise httpcore.ReadTimeout("the request's deadline has passed")
        return self._stream.read(max_bytes, left)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        left = self._remaining(timeout)
        if left is not None and left <= 0:
            raise httpcore.WriteTimeout("the request's deadline has passed")
        self._stream.write(buffer, left)

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, self._remaining(timeout))
        return _DeadlineStream(stream, self._remaining)

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, remaining: Callable[[float | None], float | None]):
        self._backend = httpcore.SyncBackend()
        self._remaining = remaining

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        left = self._remaining(timeout)
        if left is not None and left <= 0:
            raise httpcore.ConnectTimeout("the request's deadline has passed")
        stream = self._backend.connect_tcp(host, port, left, local_address, socket_options)
        return _DeadlineStream(stream, self._remaining)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not crawled")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport on a connection pool whose sockets honour the fetcher's request deadline."""

    def __init__(self, remaining: Callable[[float | None], float | None]):
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(cafile=certifi.where()),
            max_connections=10,
            max_keepalive_connections=5,
            keepalive_expiry=5.0,
            network_backend=_DeadlineBackend(remaining),
        )


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
        self.run_ends = clock() + spec.run_deadline
        self._url_ends: float | None = None  # set while a URL is being fetched
        self._request_ends: float | None = None  # set while a request is on the wire
        self._client = httpx.Client(
            transport=_DeadlineTransport(self._time_left),
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
        self._attempts = 0  # of the request being retried

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- deadlines -------------------------------------------------------------------------------

    @property
    def out_of_time(self) -> bool:
        """The run's deadline has passed: nothing more is requested."""
        return self._clock() >= self.run_ends

    def _ends(self) -> float:
        ends = [self.run_ends]
        if self._url_ends is not None:
            ends.append(self._url_ends)
        if self._request_ends is not None:
            ends.append(self._request_ends)
        return min(ends)

    def _time_left(self, timeout: float | None = None) -> float | None:
        """Seconds a socket operation may wait: its own timeout cut to what is left of the deadlines."""
        left = self._ends() - self._clock()
        return left if timeout is None else min(timeout, left)

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
        return self._robots_for(url).can_fetch(robots_normalised(url), self.user_agent)

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
        if result.outcome == "deadline":
            raise _OutOfTime(result.reason)  # not a verdict on the site: ask again next run
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
        try:
            return self._fetch(url, etag=etag, last_modified=last_modified)
        except Exception as exc:  # one URL's surprise must not end the crawl of the others
            reason = f"{type(exc).__name__}: {exc}"[:500]
            return FetchResult(urldefrag(url).url, "error", final_url=url, reason=reason)

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
        if self.out_of_time:
            return self._out_of_time(url, "the run's deadline")
        conditional: dict[str, bytes] = {}
        for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified)):
            raw = header_bytes(value) if value else None
            if raw is not None:
                conditional[name] = raw
        outer_url_ends = self._url_ends  # robots.txt is fetched in the middle of another URL
        self._url_ends = self._clock() + self.spec.url_deadline
        try:
            return self._follow(url, conditional, check_robots=check_robots, max_bytes=max_bytes)
        except _OutOfTime as exc:
            return self._out_of_time(url, str(exc))
        finally:
            self._url_ends = outer_url_ends

    def _out_of_time(self, url: str, what: str) -> FetchResult:
        if self.out_of_time:
            return FetchResult(
                url,
                "deadline",
                reason=f"not fetched: the run's deadline ({self.spec.run_deadline:g} s) passed",
            )
        return FetchResult(url, "error", reason=f"gave up: {what}")

    def _follow(
        self, url: str, conditional: dict[str, bytes], *, check_robots: bool, max_bytes: int | None
    ) -> FetchResult:
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
                reason = _describe(exc, self.spec.timeout)
                if self._attempts > 1:
                    reason = f"{reason}; {self._attempts} attempts"
                if self._clock() >= self._ends():
                    reason = f"{reason}; {self._which_deadline()} passed"
                return FetchResult(url, "error", final_url=current, status=status, reason=reason)
            if result.status in REDIRECT_STATUSES:
                location = _location_text(result.headers.get("location") or "")
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

    def _which_deadline(self) -> str:
        if self.out_of_time:
            return f"the run's deadline ({self.spec.run_deadline:g} s)"
        if self._url_ends is not None and self._clock() >= self._url_ends:
            return f"the URL's deadline ({self.spec.url_deadline:g} s)"
        return f"the request's deadline ({self.spec.timeout:g} s)"

    def _with_retries(self, url: str, headers: dict[str, bytes], max_bytes: int) -> FetchResult:
        backoff = wait_exponential(multiplier=0.5, min=0.5, max=30)

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                return exc.retry_after
            return backoff(state)

        def out_of_attempts_or_time(state: RetryCallState) -> bool:
            if state.attempt_number > self.spec.retries:
                return True
            left = min(self.run_ends, self._url_ends or self.run_ends) - self._clock()
            if state.upcoming_sleep < left:
                return False
            exc = state.outcome.exception() if state.outcome else None
            if isinstance(exc, _Retryable) and exc.retry_after is not None:
                raise _Refused(
                    "error",
                    f"{exc}; the server asks to wait {exc.retry_after:.0f} s, more than the "
                    f"{max(0.0, left):.0f} s left before {self._which_deadline_after(exc.retry_after)}",
                )
            return True

        self._attempts = 0
        retrying = Retrying(
            stop=out_of_attempts_or_time,
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

    def _which_deadline_after(self, seconds: float) -> str:
        if self._clock() + seconds >= self.run_ends:
            return f"the run's deadline ({self.spec.run_deadline:g} s)"
        return f"the URL's deadline ({self.spec.url_deadline:g} s)"

    def _get_once(self, url: str, headers: dict[str, bytes], max_bytes: int) -> FetchResult:
        self._wait_turn(url)
        if self._clock() >= self._ends():
            raise _OutOfTime(f"{self._which_deadline()} passed before the request")
        self.requests_made += 1
        self._attempts += 1
        self._request_ends = self._clock() + self.spec.timeout
        try:
            return self._exchange(url, headers, max_bytes)
        finally:
            self._request_ends = None
            self._last_request[urlsplit(url).netloc.lower()] = self._clock()

    def _exchange(self, url: str, headers: dict[str, bytes], max_bytes: int) -> FetchResult:
        with self._client.stream("GET", url, headers=headers) as response:
            self._check_peer(response)
            status = response.status_code
            response_headers: dict[str, str] = {}
            for raw_name, raw_value in response.headers.raw:
                name, value = header_text(raw_name).lower(), header_text(raw_value)
                response_headers[name] = (
                    f"{response_headers[name]}, {value}" if name in response_headers else value
                )
            if status in RETRY_AFTER_STATUSES or status >= 500:
                retry_after = parse_retry_after(response_headers.get("retry-after"))
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
            declared = response_headers.get("content-length")
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


def _describe(exc: BaseException, timeout: float) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out: no complete answer within {timeout:g} s ({type(exc).__name__})"
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
