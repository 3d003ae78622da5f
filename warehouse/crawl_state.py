"""What the crawler has fetched before: validators (ETag/Last-Modified), content hashes, versions.

Lives in the warehouse file beside the documents, in its own tables:
`crawl_urls` (one row per URL, latest state) and `crawl_url_versions` (one row per distinct content
a URL has served; its sha256 is the raw-bytes hash, the same as `documents.sha256`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import duckdb

from zhaoyin.warehouse.connection import writing

DDL = """
CREATE TABLE IF NOT EXISTS crawl_urls (
    url           VARCHAR PRIMARY KEY,
    source        VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,      -- list | feed | article | attachment
    etag          VARCHAR,
    last_modified VARCHAR,
    sha256        VARCHAR,               -- of the raw bytes last served
    content_type  VARCHAR,
    http_status   INTEGER,
    outcome       VARCHAR,               -- ok | not_modified | robots | off_domain | refused | too_large | error | quarantined
    error         VARCHAR,
    versions      INTEGER NOT NULL DEFAULT 0,
    first_seen    TIMESTAMPTZ NOT NULL,
    last_fetched  TIMESTAMPTZ NOT NULL,
    last_changed  TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS crawl_url_versions (
    url        VARCHAR NOT NULL,
    sha256     VARCHAR NOT NULL,
    source     VARCHAR NOT NULL,
    fetched_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (url, sha256)
);
"""


@dataclass(frozen=True)
class UrlState:
    url: str
    etag: str | None
    last_modified: str | None
    sha256: str | None
    versions: int


@dataclass(frozen=True)
class FetchRecord:
    """One fetch to remember. `sha256` is None when no body came back (304, refusals, errors)."""

    url: str
    source: str
    kind: str
    outcome: str
    fetched_at: datetime
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    sha256: str | None = None
    error: str | None = None


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(DDL)


@contextmanager
def open_state(db_path: str | os.PathLike) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived writable connection with the crawl tables in place: the crawl opens the warehouse only
    to read what it knows and to record what it fetched, never while it fetches."""
    with writing(db_path) as con:
        ensure_schema(con)
        yield con


def known_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str]) -> dict[str, UrlState]:
    """State of those `urls` that were fetched successfully before."""
    wanted = sorted(set(urls))
    if not wanted:
        return {}
    rows = con.execute(
        "SELECT url, etag, last_modified, sha256, versions FROM crawl_urls "
        "WHERE url IN (SELECT unnest(?)) AND sha256 IS NOT NULL",
        [wanted],
    ).fetchall()
    return {row[0]: UrlState(*row) for row in rows}


def known_for_source(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, UrlState]:
    """State of every URL (article or attachment) that `source` fetched successfully before."""
    rows = con.execute(
        "SELECT url, etag, last_modified, sha256, versions FROM crawl_urls "
        "WHERE source = ? AND sha256 IS NOT NULL AND kind IN ('article', 'attachment')",
        [source],
    ).fetchall()
    return {row[0]: UrlState(*row) for row in rows}


def record_fetches(con: duckdb.DuckDBPyConnection, records: Iterable[FetchRecord]) -> int:
    """Remember fetches; returns how many brought a content the URL had not served before."""
    new_versions = 0
    con.execute("BEGIN TRANSACTION")
    try:
        for rec in records:
            is_new_version = False
            if rec.sha256 is not None:
                inserted = con.execute(
                    "INSERT INTO crawl_url_versions VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1",
                    [rec.url, rec.sha256, rec.source, rec.fetched_at],
                ).fetchall()
                is_new_version = bool(inserted)
                new_versions += is_new_version
            con.execute(
                """
                INSERT INTO crawl_urls (url, source, kind, etag, last_modified, sha256, content_type,
                                        http_status, outcome, error, versions, first_seen, last_fetched,
                                        last_changed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (url) DO UPDATE SET
                    source = excluded.source,
                    kind = excluded.kind,
                    etag = CASE WHEN excluded.outcome = 'ok' THEN excluded.etag ELSE crawl_urls.etag END,
                    last_modified = CASE WHEN excluded.outcome = 'ok' THEN excluded.last_modified
                                         ELSE crawl_urls.last_modified END,
                    sha256 = coalesce(excluded.sha256, crawl_urls.sha256),
                    content_type = coalesce(excluded.content_type, crawl_urls.content_type),
                    http_status = excluded.http_status,
                    outcome = excluded.outcome,
                    error = excluded.error,
                    versions = crawl_urls.versions + excluded.versions,
                    last_fetched = excluded.last_fetched,
                    last_changed = coalesce(excluded.last_changed, crawl_urls.last_changed)
                """,
                [
                    rec.url,
                    rec.source,
                    rec.kind,
                    rec.etag,
                    rec.last_modified,
                    rec.sha256,
                    rec.content_type,
                    rec.http_status,
                    rec.outcome,
                    rec.error,
                    int(is_new_version),
                    rec.fetched_at,
                    rec.fetched_at,
                    rec.fetched_at if is_new_version else None,
                ],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return new_versions
