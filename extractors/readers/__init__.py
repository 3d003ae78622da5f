"""Bytes → Document for every input kind: txt/md, html, pdf, docx (and images or scans with OCR).

The kind is sniffed from the bytes, never trusted from a file name. Every failure raises
`schemas.ReadError` with a reason a person understands; no other exception escapes `read_document`.
"""

from __future__ import annotations

import io
import re
from typing import Any

from zhaoyin.extractors.readers import sniff
from zhaoyin.extractors.readers.encoding import decode_text
from zhaoyin.extractors.readers.limits import (
    DEFAULT_MAX_BYTES,
    MAX_BYTES_ENV,
    Budgets,
    over_budget,
    raw_from_path,
    size_limit,
    too_large,
)
from zhaoyin.extractors.readers.metadata import (
    find_byline,
    labelled_date,
    labelled_source,
    named_outlet,
    parse_date,
    title_line,
)
from zhaoyin.extractors.readers.sniff import sniff_media_type
from zhaoyin.extractors.readers.wrapped import rejoin_wrapped_lines
from zhaoyin.extractors.script import clean_garbled_pinyin, script_of
from zhaoyin.schemas import Document, RawDocument, ReadError

__all__ = [
    "Budgets",
    "DEFAULT_MAX_BYTES",
    "MAX_BYTES_ENV",
    "raw_from_path",
    "read_document",
    "size_limit",
    "sniff_media_type",
]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")
_NAMED_KINDS = {
    "pdf": "a PDF (no %PDF header)",
    "docx": "a Word .docx (not a zip container)",
    "doc": "a Word document",
    "html": "an HTML page",
    "htm": "an HTML page",
    "txt": "text",
    "md": "text",
}


def read_document(
    raw: RawDocument, *, ocr: bool = False, max_bytes: int | None = None, budgets: Budgets | None = None
) -> Document:
    """Read one RawDocument. `max_bytes` (else $ZHAOYIN_MAX_BYTES, else 50 MB) caps the input size;
    `budgets` (else `Budgets.from_env()`) caps characters, PDF pages, container parts and HTML depth."""
    try:
        return _read(raw, ocr=ocr, limit=_limit(max_bytes), budgets=budgets or Budgets.from_env())
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("out of memory while reading the file (too large or too complex)") from None
    except RecursionError:
        raise ReadError("the file is nested too deeply to read (malformed or hostile structure)") from None
    except Exception as exc:
        raise ReadError(
            f"unexpected error while reading: {exc.__class__.__name__}: {str(exc)[:300]}"
        ) from None


def _limit(explicit: int | None) -> int:
    from zhaoyin.extractors.readers import limits

    return limits.size_limit(explicit)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return clean_garbled_pinyin(_CONTROL.sub("", text))


def _name_of(source: str) -> str:
    return source.rsplit("!/", 1)[-1].rsplit("/", 1)[-1]


def _binary_reason(source: str) -> str:
    suffix = _name_of(source).rsplit(".", 1)[-1].lower() if "." in _name_of(source) else ""
    expected = _NAMED_KINDS.get(suffix)
    if expected and expected != "text":
        return f"not a readable document: binary data that is not {expected} (named .{suffix})"
    return "not a readable document: binary data, not text, HTML, PDF or docx"


_UNSUPPORTED = {
    sniff.LEGACY_OFFICE: "old Office 97–2003 file (.doc/.xls): not supported, save it as .docx and import again",
    sniff.OFFICE_OTHER: "office file other than .docx (xlsx, pptx, odt or epub): not supported",
    sniff.RTF: "RTF document: not supported, save it as .docx or .txt and import again",
}


def _read_html(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    from zhaoyin.extractors.readers.html import read_html_bytes

    fields = read_html_bytes(raw.data, raw.meta, raw.media_type_hint, max_depth=budgets.html_depth)
    fields["text"] = _clean(fields["text"])
    return fields


def _read_pdf(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    from zhaoyin.extractors.readers.pdf import join_pages, read_pdf_bytes

    result = read_pdf_bytes(raw.data, ocr=ocr, max_pages=budgets.pdf_pages)
    text, pages = join_pages([_clean(t) for t in result["page_texts"]])
    pdf_meta = result["pdf_metadata"]
    meta = result["meta"]
    title = pdf_meta.get("Title", "").strip()
    if title and not title.lower().startswith(("microsoft word", "untitled", "(anonymous)")):
        meta["pdf_title"] = title
    return {
        "text": text,
        "pages": pages,
        "meta": meta,
        "weak_published": parse_date(pdf_meta.get("CreationDate")),
    }


def _read_docx(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    from zhaoyin.extractors.readers.docx import read_docx_bytes

    result = read_docx_bytes(raw.data, max_part_bytes=budgets.part_bytes)
    return {"text": _clean(result["text"]), "title": result["title"], "weak_published": result["created"]}


def _read_text(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    from zhaoyin.extractors.readers.html import declared_charset

    text, encoding = decode_text(raw.data, declared_charset(b"", raw.meta, raw.media_type_hint))
    if _CONTROL.search(text[:20000]) and sniff.looks_binary(text[:4096].encode("utf-8", "ignore")):
        raise ReadError(_binary_reason(raw.source))
    return {"text": rejoin_wrapped_lines(_clean(text)), "encoding": encoding}


def _read_image(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    kind = sniff_media_type(raw.data)
    if not ocr:
        raise ReadError(
            f"an image ({kind}), not a document with text (install zhaoyin[ocr] and use --ocr to OCR it)"
        )
    import PIL.Image

    from zhaoyin.extractors.ocr import ocr_image

    try:
        image = PIL.Image.open(io.BytesIO(raw.data))
        image.load()
    except Exception as exc:
        raise ReadError(f"corrupt image, cannot be decoded ({exc.__class__.__name__})") from None
    return {"text": _clean(ocr_image(image)), "meta": {"ocr": True}}


def _refuse_archive(raw: RawDocument, ocr: bool, budgets: Budgets) -> dict[str, Any]:
    raise ReadError(
        "is an archive: expand it with extractors.archives.expand_archive "
        "(zhaoyin import does this) instead of reading it as a document"
    )


_READERS = {
    sniff.HTML: _read_html,
    sniff.PDF: _read_pdf,
    sniff.DOCX: _read_docx,
    sniff.TEXT: _read_text,
    sniff.MARKDOWN: _read_text,
    **{kind: _read_image for kind in sniff.IMAGES},
    **{kind: _refuse_archive for kind in sniff.ARCHIVES},
}


def _read(raw: RawDocument, *, ocr: bool, limit: int, budgets: Budgets) -> Document:
    if raw.meta.get("refused"):  # an archive member refused by expand_archive, with its reason
        raise ReadError(str(raw.meta["refused"]))
    if not raw.data:
        raise ReadError("empty file")
    if len(raw.data) > limit:
        raise too_large(len(raw.data), limit)
    kind = sniff_media_type(raw.data, name_hint=_name_of(raw.source))
    if kind == sniff.TEXT and "markdown" in (raw.media_type_hint or ""):
        kind = sniff.MARKDOWN
    if kind in _UNSUPPORTED:
        raise ReadError(_UNSUPPORTED[kind])
    reader = _READERS.get(kind)
    if reader is None:
        raise ReadError(_binary_reason(raw.source))
    fields = reader(raw, ocr, budgets)
    if len(fields["text"]) > budgets.chars:
        raise over_budget(
            f"document too long: {len(fields['text']):,} characters, over the budget of "
            f"{budgets.chars:,} per document",
            "chars",
        )
    return _document(raw, kind, fields)


def _publication(text: str, fields: dict[str, Any], raw: RawDocument) -> tuple[str | None, str | None]:
    """Publication date and where it came from: the page's own metadata, a labelled date in the text
    ("发布时间："), the crawl's list page, the server's Last-Modified header, a date in the file name or the
    address (…_2024-05-08.txt, 20240508.html, /2020/1102/), and only then the file's creation date, which is
    often when it was converted or scanned (so a full date the text opens with wins over it). The dateline
    of the text, read by the extractors (extractors/dates.py), comes before all of these but the first."""
    if fields.get("published"):
        return fields["published"], None
    labelled = labelled_date(text)
    if labelled:
        return labelled, "label"
    crawled = parse_date(str(raw.meta.get("published") or ""))
    if crawled:
        return crawled, "crawl"
    modified = _last_modified(raw.meta)
    if modified:
        return modified, "http-last-modified"
    named = _date_in_name(raw)
    if named:
        return named, "file-name"
    if fields.get("weak_published"):
        head_date = parse_date(text[:300])
        if head_date and len(head_date) == 10:
            return head_date, "text-head"
        return fields["weak_published"], "file-metadata"
    return None, None


def _last_modified(meta: dict[str, Any]) -> str | None:
    """The HTTP Last-Modified header a crawl kept ("Wed, 08 May 2024 07:28:00 GMT") as an ISO date."""
    from email.utils import parsedate_to_datetime

    headers = {str(k).lower(): v for k, v in (meta.get("headers") or {}).items()}
    value = (meta.get("http") or {}).get("last_modified") or headers.get("last-modified")
    if not value:
        return None
    try:
        return parsedate_to_datetime(str(value)).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return parse_date(str(value))


# a date standing apart from the letters and digits around it (a hash-like name holds digits by chance)
_NAME_DATE = re.compile(
    r"(?<![0-9A-Za-z])t?((?:19|20)\d\d)[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])"
)
_NAME_MONTH = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?![0-9A-Za-z])")
_NAME_YEAR = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)(?![0-9A-Za-z])")
# a date of eight digits opening a part of a page's address, letters after it (/zhuanti/20100815jitai_view.asp)
_ADDRESS_COMPACT_DATE = re.compile(
    r"(?<![0-9A-Za-z])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[A-Za-z])"
)
# a year and month as folders or parts of a page's address (/2021_9_746162.html, /2021/9/, /2024-05/)
_ADDRESS_MONTH = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)[-_/](0?[1-9]|1[0-2])(?=[-_/])")


def _date_in_name(raw: RawDocument) -> str | None:
    """A date written in the file's name (report_2024-05-08.txt, 20240508.txt, 2024-05, 2024) or in the path
    of its address (/2020/1102/, /202011/t20201102_5.html, a month: /2021_9_746162.html); a bare year only
    in a file name."""
    name = str(raw.meta.get("file_name") or _name_of(raw.source))
    address = str(raw.meta.get("url") or (raw.source if "://" in raw.source else ""))
    path = address.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    for candidate in (name, path):
        found = _NAME_DATE.search(candidate)
        if found:
            return f"{found.group(1)}-{found.group(2)}-{found.group(3)}"
    found = _ADDRESS_COMPACT_DATE.search(path)
    if found:
        return f"{found.group(1)}-{found.group(2)}-{found.group(3)}"
    found = _NAME_MONTH.search(name) or _ADDRESS_MONTH.search(path)
    if found:
        return f"{found.group(1)}-{int(found.group(2)):02d}"
    found = _NAME_YEAR.search(name) if not address else None
    return found.group(1) if found else None


def _document(raw: RawDocument, kind: str, fields: dict[str, Any]) -> Document:
    text = fields["text"]
    if not text.strip():
        raise ReadError(
            "no text found on the page"
            if kind == sniff.HTML
            else "no text: the document is empty after reading"
        )
    meta = dict(fields.get("meta") or {})
    published, published_from = _publication(text, fields, raw)
    if published_from and "published_from" not in meta:
        meta["published_from"] = published_from
    script = script_of(text)
    if script:
        meta["script"] = script
    if "source_name" not in meta:
        source_name = labelled_source(text) or named_outlet(text)
        if source_name:
            meta["source_name"] = source_name
    if raw.meta.get("crawl_source"):
        meta.setdefault("crawl_source", raw.meta["crawl_source"])
    title = fields.get("title") or title_line(text) or meta.get("pdf_title") or raw.meta.get("title")
    return Document(
        text=text,
        title=title,
        published=published,
        byline=fields.get("byline") or find_byline(text),
        source=raw.source,
        media_type=kind,
        encoding=fields.get("encoding"),
        pages=fields.get("pages", []),
        sha256=raw.sha256,
        fetched_at=raw.fetched_at,
        meta=meta,
    )
