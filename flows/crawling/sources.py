"""Source specs: one small YAML file per crawled site or feed, validated with pydantic.

A new site takes one file, not code. See docs/crawling.md and samples/sources/ for the fields.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from zhaoyin.flows.settings import default_timezone

DEFAULT_USER_AGENT = "zhaoyin/0.1 (+contact: set ZHAOYIN_CONTACT)"
SPEC_SUFFIXES = (".yaml", ".yml")


class SpecError(ValueError):
    """A source spec that cannot be used; the message says which file and which field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ListRule(_Strict):
    """How to find article links (and the next list page) on a list page, as CSS selectors."""

    links: str = Field(description="CSS selector of the article links, e.g. 'ul.list a'")
    next: str | None = Field(default=None, description="CSS selector of the link to the next list page")
    date: str | None = Field(
        default=None, description="CSS selector of a link's date, looked up beside the link (its list item)"
    )
    page_url: str | None = Field(
        default=None,
        description="template of the later list pages, e.g. 'index_{n}.html', for sites that paginate "
        "in JavaScript (common in Chinese government CMSs); used when `next` finds no link",
    )
    first_page_number: int = Field(default=1, ge=0, description="{n} of the second list page")
    max_pages: int = Field(default=20, ge=1, le=10_000)

    @field_validator("page_url")
    @classmethod
    def _has_number(cls, template: str | None) -> str | None:
        if template is not None and "{n}" not in template:
            raise ValueError("page_url needs '{n}' where the page number goes, e.g. 'index_{n}.html'")
        return template


class ArticleRule(_Strict):
    """CSS selectors of an article page's parts; the reader extracts them (without it: main-text extraction)."""

    title: str | None = None
    date: str | None = None
    body: str | None = None


class SourceSpec(_Strict):
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
    kind: Literal["site", "feed"] = "site"
    start_urls: list[str] = Field(min_length=1)
    allowed_domains: list[str] = Field(default_factory=list)
    listing: ListRule | None = Field(default=None, alias="list")
    article: ArticleRule | None = None
    attachments: bool = False
    rate: float = Field(default=1.0, gt=0, le=100, description="requests per second per host")
    schedule: str | None = None
    timezone: str = Field(
        default_factory=lambda: default_timezone(), description="IANA zone the cron schedule is read in"
    )
    user_agent: str | None = None
    contact: str | None = None
    max_body_bytes: int = Field(default=20_000_000, ge=1024)
    timeout: float = Field(
        default=20.0,
        gt=0,
        le=600,
        description="seconds one request may take, from connecting to the last byte",
    )
    url_deadline: float = Field(
        default=60.0,
        gt=0,
        le=3600,
        description="seconds one URL may take with its retries, redirects and Retry-After waits",
    )
    run_deadline: float = Field(
        default=3600.0,
        gt=0,
        le=7 * 86_400,
        description="seconds one run of this source may take; URLs left over are fetched on the next run",
    )
    retries: int = Field(default=3, ge=0, le=10)
    max_retry_after: float = Field(default=120.0, ge=0, description="longest Retry-After we wait for")
    max_articles: int | None = Field(default=None, ge=1)
    recheck_seen: bool = Field(
        default=True, description="re-request known articles with a conditional GET to catch edits"
    )
    allow_private_addresses: bool = False

    @model_validator(mode="before")
    @classmethod
    def _feed_url_shorthand(cls, data):
        # `url: ...` is accepted as a one-URL `start_urls`, the natural way to write a feed.
        if isinstance(data, dict) and "url" in data and "start_urls" not in data:
            data = {**data, "start_urls": [data["url"]]}
            data.pop("url")
        return data

    @field_validator("start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"{url!r} is not an http(s) URL with a host")
        return urls

    @field_validator("allowed_domains")
    @classmethod
    def _bare_domains(cls, domains: list[str]) -> list[str]:
        cleaned = []
        for domain in domains:
            domain = domain.strip().lower().rstrip(".")
            if not domain or any(c in domain for c in "/:@ \t"):
                raise ValueError(f"{domain!r}: give a bare host name such as 'www.example.gov.cn'")
            cleaned.append(domain)
        return cleaned

    @field_validator("schedule")
    @classmethod
    def _cron(cls, cron: str | None) -> str | None:
        if cron is None:
            return None
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValidationError as exc:
            raise ValueError(f"{cron!r} is not a cron expression (minute hour day month weekday)") from exc
        return cron

    @field_validator("timezone")
    @classmethod
    def _zone(cls, zone: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{zone!r} is not an IANA time zone (e.g. Asia/Shanghai, UTC)") from None
        return zone

    def next_runs(self, count: int = 3, after=None) -> list:
        """The next `count` times the schedule fires, as aware datetimes in the spec's zone."""
        if not self.schedule:
            return []
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from cronsim import CronSim

        start = (after or datetime.now(ZoneInfo(self.timezone))).astimezone(ZoneInfo(self.timezone))
        runs = CronSim(self.schedule, start)
        return [next(runs) for _ in range(count)]

    @model_validator(mode="after")
    def _complete(self) -> SourceSpec:
        if not self.allowed_domains:
            self.allowed_domains = sorted({urlsplit(u).hostname.lower() for u in self.start_urls})
        for url in self.start_urls:
            if not self.host_allowed(urlsplit(url).hostname or ""):
                raise ValueError(f"start URL {url!r} is outside allowed_domains {self.allowed_domains}")
        if self.kind == "site" and self.listing is None:
            raise ValueError("a 'site' source needs a 'list' rule (links: CSS selector of article links)")
        return self

    def host_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)

    def effective_user_agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        contact = self.contact or os.environ.get("ZHAOYIN_CONTACT")
        return f"zhaoyin/0.1 (+contact: {contact})" if contact else DEFAULT_USER_AGENT


def _format_errors(exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(spec)"
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)


def parse_spec(data: object, origin: str = "<spec>") -> SourceSpec:
    if not isinstance(data, dict):
        raise SpecError(f"{origin}: a source spec is a YAML mapping (name:, start_urls:, ...)")
    try:
        return SourceSpec.model_validate(data)
    except ValidationError as exc:
        raise SpecError(f"{origin}: invalid source spec\n{_format_errors(exc)}") from None


def load_spec(path: str | os.PathLike) -> SourceSpec:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SpecError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise SpecError(f"{path}: not valid YAML ({exc})") from None
    return parse_spec(data, str(path))


def spec_files(sources_dir: str | os.PathLike) -> list[Path]:
    directory = Path(sources_dir)
    if not directory.is_dir():
        raise SpecError(f"{directory}: no such directory of source specs")
    return sorted(p for p in directory.iterdir() if p.suffix in SPEC_SUFFIXES and p.is_file())


def load_sources(sources_dir: str | os.PathLike) -> list[SourceSpec]:
    specs = [load_spec(p) for p in spec_files(sources_dir)]
    seen: dict[str, int] = {}
    for spec in specs:
        seen[spec.name] = seen.get(spec.name, 0) + 1
    duplicates = sorted(n for n, count in seen.items() if count > 1)
    if duplicates:
        raise SpecError(f"{sources_dir}: source names must be unique, repeated: {', '.join(duplicates)}")
    return specs


def default_sources_dir() -> Path:
    return Path(os.environ.get("ZHAOYIN_SOURCES_DIR") or "sources")
