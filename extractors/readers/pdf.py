"""PDF → Document with pdfplumber, page by page; hard-wrapped lines of a paragraph are re-joined."""

from __future__ import annotations

import io
import re
import statistics
from typing import Any

from zhaoyin.extractors import lang
from zhaoyin.extractors.readers.limits import Budgets, over_budget
from zhaoyin.schemas import PageSpan, ReadError

_SENTENCE_END = tuple(lang.chars("sentence_ends") + lang.chars("colons"))
_MIN_COLUMN_CHARS = 20
_MIN_NARROW_COLUMN_CHARS = 6  # newspaper columns can be this narrow
_CID = re.compile(r"\(cid:\d+\)")
_UNDECODABLE = (
    "the PDF's text layer cannot be decoded (its fonts have no Unicode map) "
    "(install zhaoyin[ocr] and use --ocr to OCR the pages)"
)
_NO_TEXT_LAYER = (
    "no text layer: the PDF holds only images (a scan?) "
    "(install zhaoyin[ocr] and use --ocr to OCR scanned pages)"
)


def _pdfminer_reason(exc: BaseException) -> str:
    """A person-readable reason from pdfminer's exceptions (pdfplumber wraps them)."""
    seen = exc
    chain = []
    while seen is not None and len(chain) < 5:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    names = " ".join(type(e).__name__ for e in chain) + " " + " ".join(str(e) for e in chain)
    if "Password" in names or "Encrypt" in names or "encrypt" in names:
        return "encrypted PDF: it needs a password to open (remove the password and import again)"
    detail = next((f"{type(e).__name__}: {e}" for e in chain if str(e)), type(exc).__name__)
    return f"corrupt PDF, cannot be parsed ({detail[:200]})"


def _is_truncated(data: bytes) -> bool:
    # the end marker usually closes the file; some tools append padding, so look further back too
    return b"%%EOF" not in data[-4096:] and data.rfind(b"%%EOF") < 0


def _char_width(chars: list[dict[str, Any]]) -> float:
    widths = [c["x1"] - c["x0"] for c in chars if c.get("text", " ").strip()]
    return statistics.median(widths) if widths else 10.0


def _page_text(lines: list[dict[str, Any]], char_width: float, min_chars: int = _MIN_COLUMN_CHARS) -> str:
    """Lines of one page or column; a line that reaches the right margin continues on the next line
    unless that one is indented (a new paragraph) or far below (a new block)."""
    if not lines:
        return ""
    left = min(line["x0"] for line in lines)
    right = max(line["x1"] for line in lines)
    if right - left < min_chars * char_width:  # short lines only: nothing was wrapped
        return "\n".join(line["text"].strip() for line in lines if line["text"].strip())
    out: list[str] = []
    for i, line in enumerate(lines):
        text = line["text"].strip()
        if not text:
            continue
        if out and _continues(lines[i - 1], line, left, right, char_width):
            prev = out[-1]
            sep = " " if prev[-1].isascii() and prev[-1].isalnum() and text[0].isascii() else ""
            out[-1] = prev + sep + text
        else:
            out.append(text)
    return "\n".join(out)


def _layout_text(page: Any) -> str:
    """Text of a page in reading order: multi-column layouts (newspaper pages) column by column."""
    cw = _char_width(page.chars)
    regions = _column_regions(page, cw)
    if not regions:
        return _page_text(page.extract_text_lines(return_chars=True), cw)
    parts = []
    for bbox in regions:
        lines = page.within_bbox(bbox).extract_text_lines(return_chars=True)
        text = _page_text(lines, cw, _MIN_NARROW_COLUMN_CHARS)
        if text:
            parts.append(text)
    return "\n".join(parts)


def _column_regions(page: Any, cw: float) -> list[tuple[float, float, float, float]]:
    """Crop boxes in reading order when the page has columns, else [].

    A gutter is an x-range that (almost) no word crosses while the columns beside it hold many lines;
    lines crossing it (headlines over several columns) become full-width bands, and between bands
    the columns are read left to right. Tables are not columns: their cells do not fill the width.
    """
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
    if len(words) < 12:
        return []
    left = min(w["x0"] for w in words)
    right = max(w["x1"] for w in words)
    width = int(right - left) + 1
    if width < 2 * _MIN_NARROW_COLUMN_CHARS * cw:
        return []
    coverage = [0] * width
    for w in words:
        for x in range(int(w["x0"] - left), min(width, int(w["x1"] - left) + 1)):
            coverage[x] += 1
    peak = sorted(coverage)[int(width * 0.9)]
    if peak < 6:
        return []
    quiet = [c <= max(1, peak * 0.12) for c in coverage]
    gutters, x = [], int(_MIN_NARROW_COLUMN_CHARS * cw)
    while x < width - _MIN_NARROW_COLUMN_CHARS * cw:
        if quiet[x]:
            start = x
            while x < width and quiet[x]:
                x += 1
            if x - start >= 0.8 * cw and x < width - _MIN_NARROW_COLUMN_CHARS * cw:
                gutters.append((left + start, left + x))
        x += 1
    if not gutters:
        return []
    edges = [left - 1] + [(a + b) / 2 for a, b in gutters] + [right + 1]
    columns = list(zip(edges, edges[1:], strict=False))
    spanning = sorted(
        (w["top"], w["bottom"]) for w in words if any(w["x0"] < a and w["x1"] > b for a, b in gutters)
    )
    if not _columns_hold_running_text(words, columns, spanning, cw):
        return []
    top, bottom = page.bbox[1], page.bbox[3]
    bands: list[tuple[float, float, bool]] = []  # (top, bottom, spans the page)
    cursor = top
    for s_top, s_bottom in _merge_ranges(spanning):
        if s_top > cursor:
            bands.append((cursor, s_top, False))
        bands.append((max(s_top, cursor), s_bottom, True))
        cursor = s_bottom
    if cursor < bottom:
        bands.append((cursor, bottom, False))
    regions = []
    x_min, x_max = page.bbox[0], page.bbox[2]
    for b_top, b_bottom, full in bands:
        if b_bottom - b_top < 0.5:
            continue
        if full:
            regions.append((x_min, b_top, x_max, b_bottom))
        else:
            regions.extend((max(x_min, c0), b_top, min(x_max, c1), b_bottom) for c0, c1 in columns)
    return regions


def _merge_ranges(ranges: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _columns_hold_running_text(words, columns, spanning, cw: float) -> bool:
    """Each column's lines mostly fill its width without gaps inside (table rows have gaps between cells)."""

    def in_spanning(w):
        return any(t <= w["top"] and w["bottom"] <= b for t, b in spanning)

    for c0, c1 in columns:
        rows: dict[int, list[tuple[float, float]]] = {}
        for w in words:
            if c0 <= w["x0"] and w["x1"] <= c1 and not in_spanning(w):
                rows.setdefault(round(w["top"] / max(cw * 0.5, 1)), []).append((w["x0"], w["x1"]))
        if len(rows) < 3:
            return False
        widths, gapped = [], 0
        for spans in rows.values():
            spans.sort()
            widths.append(spans[-1][1] - spans[0][0])
            if any(nxt[0] - cur[1] > 1.2 * cw for cur, nxt in zip(spans, spans[1:], strict=False)):
                gapped += 1
        widths.sort()
        column_width = widths[-1]
        if column_width < _MIN_NARROW_COLUMN_CHARS * cw or widths[len(widths) // 2] < 0.7 * column_width:
            return False
        if gapped > 0.2 * len(rows):
            return False
    return True


def _continues(prev: dict[str, Any], line: dict[str, Any], left: float, right: float, cw: float) -> bool:
    prev_text = prev["text"].strip()
    if not prev_text or prev_text.endswith(_SENTENCE_END) and line["x0"] > left + cw * 0.8:
        return False
    reaches_margin = prev["x1"] >= right - 1.5 * cw
    indented = line["x0"] > left + cw * 0.8
    height = max(prev["bottom"] - prev["top"], cw)
    near = line["top"] - prev["bottom"] < 1.2 * height
    return reaches_margin and not indented and near and not _has_gap(prev, cw) and not _has_gap(line, cw)


def _has_gap(line: dict[str, Any], cw: float) -> bool:
    """Running text sets characters side by side; a table row leaves gaps between its cells."""
    chars = [c for c in line.get("chars", ()) if c["text"].strip()]
    return any(b["x0"] - a["x1"] > 1.2 * cw for a, b in zip(chars, chars[1:], strict=False))


def _page_count(data: bytes) -> int:
    """The page count as PDFium reads the page tree (C, a fraction of a second for 200k pages, where
    pdfminer parses a flat /Kids array for minutes); 0 when PDFium cannot open the file."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except Exception:  # encrypted or broken: pdfminer reports it in its words
        return 0
    try:
        return len(document)
    finally:
        document.close()


def _too_many_pages(count: int | str, max_pages: int) -> ReadError:
    return over_budget(f"PDF has {count} pages, over the budget of {max_pages:,} pages", "pdf_pages")


def read_pdf_bytes(data: bytes, *, ocr: bool = False, max_pages: int | None = None) -> dict[str, Any]:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    if _is_truncated(data):
        raise ReadError("truncated PDF: no %%EOF end marker (an incomplete download or a cut-off file)")
    texts: list[str] = []
    empty_pages: list[int] = []
    undecodable: list[int] = []
    max_pages = max_pages or Budgets().pdf_pages
    try:
        count = _page_count(data)
        if count > max_pages:
            raise _too_many_pages(f"{count:,}", max_pages)
        # pages past the budget are never parsed, even where PDFium and pdfminer disagree on the count
        with pdfplumber.open(io.BytesIO(data), pages=range(1, max_pages + 2)) as pdf:
            metadata = dict(pdf.metadata or {})
            if not pdf.pages:
                raise ReadError("PDF has no pages")
            if len(pdf.pages) > max_pages:
                raise _too_many_pages(f"more than {max_pages:,}", max_pages)
            for number, page in enumerate(pdf.pages, start=1):
                deduped = page.dedupe_chars()  # fake bold prints each character twice
                text = _layout_text(deduped)
                if _CID.search(text) and len(_CID.sub("", text).strip()) < len(text) / 4:
                    undecodable.append(number)
                    text = ""
                if not text.strip():
                    empty_pages.append(number)
                texts.append(text)
                page.close()
    except ReadError:
        raise
    except PdfminerException as exc:
        raise ReadError(_pdfminer_reason(exc)) from None
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise ReadError(_pdfminer_reason(exc)) from None

    meta: dict[str, Any] = {"page_count": len(texts)}
    if empty_pages and ocr:
        from zhaoyin.extractors.ocr import ocr_pdf_pages

        for number, text in ocr_pdf_pages(data, empty_pages).items():
            texts[number - 1] = text
        meta["ocr"] = True
        meta["ocr_pages"] = empty_pages
    elif len(empty_pages) == len(texts):
        raise ReadError(_UNDECODABLE if undecodable else _NO_TEXT_LAYER)
    elif empty_pages:
        meta["pages_without_text"] = empty_pages
    return {"page_texts": texts, "pdf_metadata": _plain(metadata), "meta": meta}


def _plain(metadata: dict[str, Any]) -> dict[str, str]:
    out = {}
    for key, value in metadata.items():
        if isinstance(value, bytes):
            value = value.decode("utf-8", "ignore")
        if isinstance(value, str | int | float):
            out[str(key)] = str(value)
    return out


def join_pages(page_texts: list[str]) -> tuple[str, list[PageSpan]]:
    """Pages joined with "\\n"; spans give each page's place in the text (1-based page numbers)."""
    parts, spans, pos = [], [], 0
    for number, text in enumerate(page_texts, start=1):
        if parts:
            parts.append("\n")
            pos += 1
        parts.append(text)
        spans.append(PageSpan(page=number, start=pos, end=pos + len(text)))
        pos += len(text)
    return "".join(parts), spans
