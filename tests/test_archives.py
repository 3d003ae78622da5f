"""Archives: members become RawDocuments with their member path as source; limits against bombs."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pytest
from hostile import REPORT, TRADITIONAL, gov_page_gbk, make_docx, make_pdf, make_zip

from zhaoyin.extractors.archives import ArchiveLimits, expand_archive, is_archive
from zhaoyin.extractors.readers import read_document
from zhaoyin.schemas import RawDocument, ReadError


def _raw(data: bytes, source: str = "/data/reports.zip") -> RawDocument:
    return RawDocument(data=data, source=source)


def test_zip_of_mixed_reports():
    data = make_zip(
        {
            "2024/gbk.txt": REPORT.encode("gbk"),
            "2024/page.html": gov_page_gbk(),
            "2024/report.pdf": make_pdf([["即墨区签约项目12个。"]]),
            "2024/report.docx": make_docx(["胶州市新落地项目5个。"]),
            "2024/big5.txt": TRADITIONAL.encode("big5"),
            "2024/": b"",
            "__MACOSX/2024/._gbk.txt": b"junk",
            ".DS_Store": b"junk",
            "~$report.docx": b"lock",
        }
    )
    assert is_archive(data)
    members = list(expand_archive(_raw(data)))
    assert [m.source for m in members] == [
        "/data/reports.zip!/2024/gbk.txt",
        "/data/reports.zip!/2024/page.html",
        "/data/reports.zip!/2024/report.pdf",
        "/data/reports.zip!/2024/report.docx",
        "/data/reports.zip!/2024/big5.txt",
    ]
    docs = [read_document(m) for m in members]
    assert docs[0].text == REPORT
    assert "即墨区举行重点项目集中签约活动" in docs[1].text
    assert docs[2].text == "即墨区签约项目12个。" and docs[2].pages[0].page == 1
    assert docs[3].text == "胶州市新落地项目5个。"
    assert docs[4].meta["script"] == "traditional"
    assert all(d.source.startswith("/data/reports.zip!/") for d in docs)


def test_docx_is_not_an_archive():
    assert not is_archive(make_docx(["即墨区"]))
    assert not is_archive(REPORT.encode())


def test_gbk_member_names_from_windows_zip_tools():
    gbk_name = "报道.txt".encode("gbk")
    placeholder = b"q" * (len(gbk_name) - 4) + b".txt"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(placeholder.decode(), REPORT.encode())
    # GBK name bytes without the UTF-8 flag, as Chinese Windows zip tools write them
    data = buf.getvalue().replace(placeholder, gbk_name)
    assert zipfile.ZipFile(io.BytesIO(data)).namelist() == [gbk_name.decode("cp437")]
    (member,) = expand_archive(_raw(data, "a.zip"))
    assert member.source == "a.zip!/报道.txt"
    assert read_document(member).text == REPORT


def test_tar_gz_members_and_gzip_file():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in {
            "a/one.txt": REPORT.encode(),
            "a/.hidden.txt": b"x",
            "a/two.html": gov_page_gbk(),
        }.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("a/link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    members = list(expand_archive(_raw(buf.getvalue(), "r.tgz")))
    assert [m.source for m in members] == ["r.tgz!/a/one.txt", "r.tgz!/a/two.html"]
    assert read_document(members[0]).text == REPORT

    import gzip

    (single,) = expand_archive(_raw(gzip.compress(REPORT.encode("gbk")), "/x/report.txt.gz"))
    assert single.source == "/x/report.txt.gz!/report.txt"
    assert read_document(single).text == REPORT


def test_limits_raise_with_reasons():
    data = make_zip({f"{i}.txt": REPORT.encode() for i in range(5)})
    with pytest.raises(ReadError, match="more than 3 members"):
        list(expand_archive(_raw(data), limits=ArchiveLimits(max_members=3)))
    with pytest.raises(ReadError, match="zip bomb"):
        list(expand_archive(_raw(data), limits=ArchiveLimits(max_total_bytes=len(REPORT.encode()) * 2)))
    with pytest.raises(ReadError, match="unsafe archive"):
        list(expand_archive(_raw(make_zip({"a/../../b.txt": b"x"}))))
    with pytest.raises(ReadError, match="not an archive"):
        list(expand_archive(_raw(REPORT.encode())))


def test_member_problems_refuse_only_that_member():
    data = make_zip({"small.txt": "即墨区".encode(), "large.txt": REPORT.encode() * 10})
    members = list(expand_archive(_raw(data), limits=ArchiveLimits(max_member_bytes=1000)))
    assert [m.meta.get("refused") is None for m in members] == [True, False]
    assert read_document(members[0]).text == "即墨区"
    with pytest.raises(ReadError, match="archive member too large"):
        read_document(members[1])


def test_one_level_of_nesting_is_expanded():
    inner = make_zip({"inner.txt": REPORT.encode()})
    members = list(expand_archive(_raw(make_zip({"month.zip": inner, "top.txt": b"abc"}), "y.zip")))
    assert [m.source for m in members] == ["y.zip!/month.zip!/inner.txt", "y.zip!/top.txt"]
    deeper = make_zip({"l2.zip": make_zip({"l3.zip": inner})})
    (refused,) = expand_archive(_raw(deeper, "z.zip"))
    assert refused.source == "z.zip!/l2.zip!/l3.zip"
    with pytest.raises(ReadError, match="nested archive too deep"):
        read_document(refused)


def test_members_are_read_lazily():
    data = make_zip({"a.txt": b"one", "b.txt": b"two"})
    members = expand_archive(_raw(data))
    first = next(members)
    assert first.data == b"one"
    assert next(members).data == b"two"


def test_symlink_members_are_skipped():
    import stat

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        link = zipfile.ZipInfo("passwd.txt")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        zf.writestr("report.txt", REPORT.encode())
    assert [m.source for m in expand_archive(_raw(buf.getvalue(), "s.zip"))] == ["s.zip!/report.txt"]
