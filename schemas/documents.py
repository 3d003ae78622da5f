"""Documents before and after reading."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

_SPACE = re.compile(r"\s+")


def normalize_for_id(text: str) -> str:
    """The form of a text its identity is computed on: NFKC, whitespace removed.

    Two copies of one report that differ only in line breaks, indentation or full/half-width
    characters get the same `doc_id`.
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def doc_id_for(text: str) -> str:
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]


class ReadError(Exception):
    """Raised by a reader when bytes cannot become a Document. `reason` is for a person to read."""

    def __init__(self, reason: str, stage: str = "read"):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage


class RawDocument(BaseModel):
    """Bytes and where they came from: a file path, an archive member or a URL."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    data: bytes = Field(repr=False)
    source: str
    fetched_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    media_type_hint: str | None = None  # from a file extension or Content-Type; never trusted alone
    meta: dict[str, Any] = Field(default_factory=dict)  # e.g. http headers, crawl spec title/date

    @computed_field  # type: ignore[prop-decorator]
    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class PageSpan(BaseModel):
    """Where a page of a paginated source (pdf) lies in `Document.text`."""

    page: int  # 1-based
    start: int
    end: int


class Document(BaseModel):
    """Text of one report, ready for extraction.

    `text` is what a user reads (original script). `offsets` in all records refer to it.
    """

    text: str
    title: str | None = None
    published: str | None = None  # ISO date or partial date (YYYY, YYYY-MM, YYYY-MM-DD)
    byline: str | None = None
    source: str
    media_type: str = "text/plain"
    encoding: str | None = None
    pages: list[PageSpan] = Field(default_factory=list)
    sha256: str | None = None  # of the raw bytes
    fetched_at: datetime | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def doc_id(self) -> str:
        return doc_id_for(self.text)


class QuarantineRecord(BaseModel):
    """A file or URL that could not be read or extracted, and why, for a person to read."""

    path: str
    sha256: str | None = None
    stage: str  # discover | read | extract | load | fetch
    reason: str
    at: datetime = Field(default_factory=lambda: datetime.now(UTC))
