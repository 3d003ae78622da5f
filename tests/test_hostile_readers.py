"""Every hostile case: bad ones raise ReadError with a human reason, good ones read, nothing else raises."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from hostile import build_hostile_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhaoyin.extractors.archives import expand_archive, is_archive
from zhaoyin.extractors.readers import raw_from_path, read_document
from zhaoyin.schemas import ReadError


def _run(case) -> tuple[str, str | None, str]:
    """(outcome, reason, text) with outcome 'good' or 'bad'; any other exception propagates (a crash)."""
    try:
        raw = raw_from_path(case.path)
        if case.kind == "archive" or is_archive(raw.data):
            texts = [read_document(member).text for member in expand_archive(raw)]
            if not texts:
                return "bad", "archive had no documents", ""
            return "good", None, "\n".join(texts)
        return "good", None, read_document(raw).text
    except ReadError as exc:
        return "bad", exc.reason, ""


def test_hostile_corpus(tmp_path):
    cases = build_hostile_corpus(tmp_path / "corpus")
    tried = [c for c in cases if c.expect != "skip"]
    assert len(tried) >= 30
    rejected, crashes, wrong = 0, [], []
    for case in tried:
        started = time.perf_counter()
        try:
            outcome, reason, text = _run(case)
        except Exception as exc:  # anything but ReadError is a crash
            crashes.append(f"{case.path.name}: {exc.__class__.__name__}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        assert elapsed < 20, f"{case.path.name} took {elapsed:.1f} s"
        rejected += outcome == "bad"
        if outcome != case.expect:
            wrong.append(f"{case.path.name!r}: expected {case.expect}, got {outcome} ({reason})")
        elif outcome == "bad" and case.reason_contains not in reason:
            wrong.append(f"{case.path.name!r}: reason {reason!r} lacks {case.reason_contains!r}")
        elif outcome == "bad":
            assert len(reason) >= 8 and "Traceback" not in reason
        elif case.text_contains and case.text_contains not in text:
            wrong.append(f"{case.path.name!r}: text lacks {case.text_contains!r}: {text[:80]!r}")
    print(f"hostile cases: {len(tried)} tried / {rejected} rejected / {len(crashes)} crashes")
    assert not crashes, crashes
    assert not wrong, "\n".join(wrong)


def test_over_limit_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(4 * 1024**3)  # sparse 4 GB
    tracemalloc.start()
    try:
        with pytest.raises(ReadError, match="size limit"):
            raw_from_path(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024


def test_size_limit_from_env_and_parameter(tmp_path, monkeypatch):
    text = ("即墨区签约项目12个，总投资50亿元。\n" * 200).encode("utf-8")
    path = tmp_path / "report.txt"
    path.write_bytes(text)
    monkeypatch.setenv("ZHAOYIN_MAX_BYTES", "2KB")
    with pytest.raises(ReadError, match="size limit") as info:
        raw_from_path(path)
    assert "ZHAOYIN_MAX_BYTES" in info.value.reason
    monkeypatch.setenv("ZHAOYIN_MAX_BYTES", str(len(text)))
    raw = raw_from_path(path)
    assert read_document(raw).text.count("即墨区") == 200
    with pytest.raises(ReadError, match="size limit"):
        read_document(raw, max_bytes=len(text) - 1)
    monkeypatch.setenv("ZHAOYIN_MAX_BYTES", "lots")
    with pytest.raises(ReadError, match="invalid size"):
        read_document(raw)


def test_unexpected_errors_become_read_errors(monkeypatch):
    import zhaoyin.extractors.readers.html as html_reader

    def broken(*args, **kwargs):
        raise KeyError("surprise")

    monkeypatch.setattr(html_reader, "read_html_bytes", broken)
    from zhaoyin.schemas import RawDocument

    with pytest.raises(ReadError, match="unexpected error while reading: KeyError"):
        read_document(RawDocument(data=b"<html><body><p>x</p></body></html>", source="x.html"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
        st.text(alphabet="即墨区签约项目亿元，。<>/pbody&;\n 臺灣", max_size=300).map(
            lambda t: t.encode("gb18030")
        ),
        st.sampled_from(
            [b"%PDF-1.4\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"<html><body>", b"\xef\xbb\xbf"]
        ).flatmap(lambda head: st.binary(max_size=2000).map(lambda tail: head + tail)),
    ),
    st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.html", "a.zip", "a"]),
)
def test_arbitrary_bytes_read_or_raise_read_error(data, name):
    from zhaoyin.schemas import RawDocument

    raw = RawDocument(data=data, source=name)
    try:
        if is_archive(data):
            for member in expand_archive(raw):
                read_document(member)
        else:
            doc = read_document(raw)
            assert doc.text.strip()
    except ReadError as exc:
        assert exc.reason
