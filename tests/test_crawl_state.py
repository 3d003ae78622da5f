"""The crawl's memory in the warehouse: validators, content hashes and versions per URL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from zhaoyin.flows.crawling.crawl import forget_unusable
from zhaoyin.schemas import QuarantineRecord
from zhaoyin.warehouse.crawl_state import (
    FetchRecord,
    known_for_source,
    known_urls,
    open_state,
    record_fetches,
)

T0 = datetime(2024, 5, 1, tzinfo=UTC)
URL = "https://www.example.gov.cn/xwzx/art_1.html"


def fetch(outcome="ok", sha=None, etag=None, minutes=0, url=URL, kind="article", source="gov"):
    return FetchRecord(
        url=url,
        source=source,
        kind=kind,
        outcome=outcome,
        fetched_at=T0 + timedelta(minutes=minutes),
        http_status={"ok": 200, "not_modified": 304}.get(outcome),
        etag=etag,
        sha256=sha,
    )


def test_versions_count_distinct_contents_and_keep_validators(db_path):
    with open_state(db_path) as con:
        assert record_fetches(con, [fetch(sha="a", etag='"1"')]) == 1
        assert record_fetches(con, [fetch("not_modified", minutes=1)]) == 0
        state = known_urls(con, [URL, "https://other.example/"])[URL]
        assert (state.etag, state.sha256, state.versions) == ('"1"', "a", 1)  # a 304 keeps what we had
        assert record_fetches(con, [fetch(sha="b", etag='"2"', minutes=2)]) == 1
        assert record_fetches(con, [fetch(sha="b", etag='"2"', minutes=3)]) == 0  # same bytes again
        state = known_for_source(con, "gov")[URL]
        assert (state.etag, state.sha256, state.versions) == ('"2"', "b", 2)
        rows = con.execute("SELECT sha256 FROM crawl_url_versions WHERE url = ? ORDER BY fetched_at", [URL])
        assert [r[0] for r in rows.fetchall()] == ["a", "b"]


def test_only_successful_articles_and_attachments_count_as_known(db_path):
    with open_state(db_path) as con:
        record_fetches(
            con,
            [
                fetch("robots", url="https://www.example.gov.cn/private/x.html"),
                fetch("error", url="https://www.example.gov.cn/gone.html"),
                fetch(sha="l", url="https://www.example.gov.cn/list.html", kind="list"),
                fetch(sha="p", url="https://www.example.gov.cn/f.pdf", kind="attachment"),
                fetch(sha="x", url="https://www.example.gov.cn/other.html", source="other"),
            ],
        )
        assert set(known_for_source(con, "gov")) == {"https://www.example.gov.cn/f.pdf"}


def test_quarantined_documents_are_not_remembered_as_seen(db_path):
    records = [fetch(sha="a", etag='"1"'), fetch(sha="p", url="https://www.example.gov.cn/f.pdf")]
    quarantine = [QuarantineRecord(path="https://www.example.gov.cn/f.pdf", stage="read", reason="not a pdf")]
    kept = forget_unusable(records, quarantine)
    assert kept[0] == records[0]
    assert (kept[1].outcome, kept[1].sha256, kept[1].error) == ("quarantined", None, "not a pdf")
    with open_state(db_path) as con:
        record_fetches(con, kept)
        assert set(known_for_source(con, "gov")) == {URL}
