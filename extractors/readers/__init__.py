"""Bytes → Document for every input kind: txt/md, html, pdf, docx (and images or scans with OCR).

The kind is sniffed from the bytes, never trusted from a file name. Every failure raises
`schemas.ReadError` with a reason a person understands; no other exception escapes `read_document`.
"""

from __future__ import annotations

import re
from typing import Any

from extractors.readers import sniff
from extractors.readers.encoding import decode_text
from extractors.readers.limits import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, raw_from_path, size_limit, too_large
from extractors.readers.metadata import find_byline, labelled_date, labelled_source, parse_date, title_line
from extractors.readers.sniff import sniff_media_type
from extractors.script import clean_garbled_pinyin, script_of
from schemas import Document, RawDocument, ReadError

__all__ = [
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


def read_document(raw: RawDocument, *, ocr: bool = False, max_bytes: int | None = None) -> Document:
    """Read one RawDocument. `max_bytes` (else $ZHAOYIN_MAX_BYTES, else 50 MB) caps the input size."""
    try:
        return _read(raw, ocr=ocr, limit=_limit(max_bytes))
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
    from extractors.readers import limits

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


def _read(raw: RawDocument, *, ocr: bool, limit: int) -> Document:
    if raw.meta.get("refused"):  # an archive member refused by expand_archive, with its reason
        raise ReadError(str(raw.meta["refused"]))
    data = raw.data
    if not data:
        raise ReadError("empty file")
    if len(data) > limit:
        raise too_large(len(data), limit)
    hint = raw.media_type_hint or ""
    kind = sniff_media_type(data, name_hint=_name_of(raw.source))
    if kind == sniff.TEXT and "markdown" in hint:
        kind = sniff.MARKDOWN

    fields: dict[str, Any] = {}
    pages = []
    weak_published: str | None = None
    if kind == sniff.HTML:
        from extractors.readers.html import read_html_bytes

        fields = read_html_bytes(data, raw.meta, raw.media_type_hint)
        fields["text"] = _clean(fields["text"])
    elif kind == sniff.PDF:
        from extractors.readers.pdf import join_pages, read_pdf_bytes

        result = read_pdf_bytes(data, ocr=ocr)
        text, pages = join_pages([_clean(t) for t in result["page_texts"]])
        pdf_meta = result["pdf_metadata"]
        fields = {"text": text, "meta": result["meta"]}
        title = pdf_meta.get("Title", "").strip()
        if title and not title.lower().startswith(("microsoft word", "untitled", "(anonymous)")):
            fields["meta"]["pdf_title"] = title
        weak_published = parse_date(pdf_meta.get("CreationDate"))
    elif kind == sniff.DOCX:
        from extractors.readers.docx import read_docx_bytes

        result = read_docx_bytes(data)
        fields = {"text": _clean(result["text"]), "title": result["title"], "meta": {}}
        weak_published = result["created"]
    elif kind in (sniff.TEXT, sniff.MARKDOWN):
        from extractors.readers.html import declared_charset

        text, encoding = decode_text(data, declared_charset(b"", raw.meta, raw.media_type_hint))
        if _CONTROL.search(text[:20000]) and sniff.looks_binary(text[:4096].encode("utf-8", "ignore")):
            raise ReadError(_binary_reason(raw.source))
        fields = {"text": _clean(text), "encoding": encoding, "meta": {}}
    elif kind in sniff.ARCHIVES:
        raise ReadError(
            f"is an archive ({kind.rsplit('/', 1)[-1]}): expand it with extractors.archives.expand_archive "
            "(zhaoyin import does this) instead of reading it as a document"
        )
    elif kind in sniff.IMAGES:
        fields = _read_image(data, kind, ocr=ocr)
        fields["text"] = _clean(fields["text"])
    elif kind == sniff.LEGACY_OFFICE:
        raise ReadError(
            "old Office 97–2003 file (.doc/.xls): not supported, save it as .docx and import again"
        )
    elif kind == sniff.OFFICE_OTHER:
        raise ReadError("office file other than .docx (xlsx, pptx, odt or epub): not supported")
    elif kind == sniff.RTF:
        raise ReadError("RTF document: not supported, save it as .docx or .txt and import again")
    else:
        raise ReadError(_binary_reason(raw.source))

    text = fields["text"]
    if not text.strip():
        raise ReadError(
            "no text found on the page"
            if kind == sniff.HTML
            else "no text: the document is empty after reading"
        )
    meta = dict(fields.get("meta") or {})
    published = fields.get("published")
    if published is None:
        published = labelled_date(text)
        if published:
            meta["published_from"] = "label"
    if published is None and raw.meta.get("published"):
        published = parse_date(str(raw.meta["published"]))
        if published:
            meta["published_from"] = "crawl"
    if published is None and weak_published:
        # a file's creation date is often when it was converted or scanned: a date the text opens with wins
        head_date = parse_date(text[:300])
        if head_date and len(head_date) == 10:
            published, meta["published_from"] = head_date, "text-head"
        else:
            published, meta["published_from"] = weak_published, "file-metadata"
    script = script_of(text)
    if script:
        meta["script"] = script
    if "source_name" not in meta:
        source_name = labelled_source(text)
        if source_name:
            meta["source_name"] = source_name
    title = fields.get("title") or title_line(text) or meta.get("pdf_title") or raw.meta.get("title")
    return Document(
        text=text,
        title=title,
        published=published,
        byline=fields.get("byline") or find_byline(text),
        source=raw.source,
        media_type=kind,
        encoding=fields.get("encoding"),
        pages=pages,
        sha256=raw.sha256,
        fetched_at=raw.fetched_at,
        meta=meta,
    )


def _read_image(data: bytes, kind: str, *, ocr: bool) -> dict[str, Any]:
    if not ocr:
        raise ReadError(
            f"an image ({kind}), not a document with text (install zhaoyin[ocr] and use --ocr to OCR it)"
        )
    import PIL.Image

    from extractors.ocr import ocr_image

    try:
        image = PIL.Image.open(__import__("io").BytesIO(data))
        image.load()
    except Exception as exc:
        raise ReadError(f"corrupt image, cannot be decoded ({exc.__class__.__name__})") from None
    return {"text": ocr_image(image), "meta": {"ocr": True}}
