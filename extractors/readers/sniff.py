"""What kind of file the bytes are, from the bytes themselves (a name is only a tie-breaker)."""

from __future__ import annotations

import io
import re
import zipfile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ZIP = "application/zip"
GZIP = "application/gzip"
TAR = "application/x-tar"
HTML = "text/html"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
LEGACY_OFFICE = "application/x-ole-storage"  # .doc/.xls of Office 97–2003
RTF = "application/rtf"
OFFICE_OTHER = "application/x-office-document"
PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
OCTET = "application/octet-stream"

ARCHIVES = frozenset({ZIP, GZIP, TAR})
IMAGES = frozenset({PNG, JPEG, TIFF})

_HTML_TAG = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|script|article|span|br|h[1-6])[\s>/]",
    re.IGNORECASE,
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_WINDOW = 4096


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return ZIP  # looks like a zip but is broken: the archive reader gives the reason
    if "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names or "mimetype" in names or "META-INF/manifest.xml" in names:
        return OFFICE_OTHER  # xlsx/pptx/odt/epub: a zip, but a document format of its own
    return ZIP


def _is_tar(data: bytes) -> bool:
    return len(data) >= 262 and data[257:262] == b"ustar"


def looks_binary(sample: bytes) -> bool:
    """Control bytes (other than tab, newlines, form feed, escape) are absent from real text."""
    if not sample or sample.startswith(_UTF16_BOMS):
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
    return controls > max(2, len(sample) // 200)


def _utf16_without_bom(sample: bytes) -> bool:
    # ASCII-heavy UTF-16 puts a NUL in every other byte
    if len(sample) < 8:
        return False
    even, odd = sample[0::2], sample[1::2]
    return odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)


def sniff_media_type(data: bytes, name_hint: str | None = None) -> str:
    """Media type from magic numbers and content; `name_hint` only tells markdown from plain text."""
    head = data[:_SNIFF_WINDOW]
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if head.startswith(b"\x1f\x8b"):
        return GZIP
    if _is_tar(data):
        return TAR
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return LEGACY_OFFICE
    if head.startswith(b"{\\rtf"):
        return RTF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith(_UTF16_BOMS) or _utf16_without_bom(head):
        text_head = _utf16_head(head)
        if text_head is not None and _HTML_TAG.search(text_head.encode("ascii", "ignore")):
            return HTML
        if text_head is not None:
            return _text_kind(name_hint)
    if looks_binary(head):
        return OCTET
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        stripped.startswith(b"<")
        and _HTML_TAG.search(head)
        or re.search(rb"<(?:!doctype\s+html|html|body)[\s>]", head, re.IGNORECASE)
    ):
        return HTML
    return _text_kind(name_hint)


def _utf16_head(head: bytes) -> str | None:
    for enc in ("utf-16", "utf-16-le", "utf-16-be"):
        try:
            text = head[: len(head) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        if not looks_binary(text.encode("utf-8", "ignore")):
            return text
    return None


def _text_kind(name_hint: str | None) -> str:
    if name_hint and name_hint.lower().rsplit(".", 1)[-1] in ("md", "markdown"):
        return MARKDOWN
    return TEXT
