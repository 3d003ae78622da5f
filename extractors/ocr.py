"""OCR for pages without a text layer (optional extra `zhaoyin[ocr]`: pytesseract + pypdfium2).

Needs the Debian packages `tesseract-ocr` and `tesseract-ocr-chi-sim`. Pages are rendered with pypdfium2
(no poppler). Text from OCR is less reliable: readers mark such documents with `meta["ocr"] = True`.
"""

from __future__ import annotations

import os
import re
import shutil
from functools import lru_cache
from typing import Any

from zhaoyin.extractors import lang
from zhaoyin.schemas import ReadError

DEFAULT_LANG = "chi_sim"
DEFAULT_DPI = 300
_INSTALL_HINT = (
    "install the OCR extra and Tesseract with Chinese data: "
    "pip install 'zhaoyin[ocr]' and apt-get install tesseract-ocr tesseract-ocr-chi-sim"
)
_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[{_CJK}])")
_CJK_DIGIT_GAP = re.compile(rf"(?<=[{_CJK}])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[{_CJK}])")
_BRACKET_GAP = re.compile(lang.pattern("ocr_repairs", "bracket_gap", cjk=_CJK))
# Tesseract often reads Chinese punctuation as its ASCII look-alike; after a Han character it is Chinese.
_ASCII_PUNCT = re.compile(lang.pattern("ocr_repairs", "ascii_punctuation"))
_FULLWIDTH_PUNCT = lang.data("ocr_repairs")["ascii_to_chinese_punctuation"]
_DIGIT_DASH = re.compile(
    lang.pattern("ocr_repairs", "digit_dash")
)  # "1一8月": a dash read as the character 一


@lru_cache(maxsize=4)
def check_ocr_available(lang: str = DEFAULT_LANG) -> None:
    """Raise ReadError naming exactly what to install when OCR cannot run."""
    try:
        import pypdfium2  # noqa: F401
        import pytesseract
    except ImportError as exc:
        raise ReadError(f"OCR is not installed ({exc.name} missing): {_INSTALL_HINT}") from None
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise ReadError(f"OCR needs the tesseract program, which is not on PATH: {_INSTALL_HINT}")
    try:
        languages = set(pytesseract.get_languages(config=""))
    except Exception as exc:  # tesseract present but broken
        raise ReadError(
            f"tesseract does not run ({exc.__class__.__name__}: {exc}): {_INSTALL_HINT}"
        ) from None
    missing = [part for part in lang.split("+") if part not in languages]
    if missing:
        package = " ".join("tesseract-ocr-" + m.replace("_", "-").lower() for m in missing)
        raise ReadError(
            f"tesseract has no language data for {'+'.join(missing)}: apt-get install {package} "
            f"(installed: {', '.join(sorted(languages)) or 'none'})"
        )


def _visual_width(line: str) -> float:
    return sum(0.5 if ch.isascii() else 1.0 for ch in line)


def _tidy_line(line: str) -> str:
    line = _CJK_GAP.sub("", line.strip())
    line = _CJK_DIGIT_GAP.sub("", line)
    line = _BRACKET_GAP.sub("", line)
    line = _ASCII_PUNCT.sub(lambda m: _FULLWIDTH_PUNCT[m.group(1)], line)
    return _DIGIT_DASH.sub(lang.data("ocr_repairs")["dash"], line)


def tidy_ocr_text(text: str) -> str:
    """Undo Tesseract's habits on Chinese: spaces between Han characters, and lines of one paragraph
    broken where the page wrapped. A line as wide as the page's text column continues on the next line;
    a shorter one (a title, a byline, a paragraph's last line) ends its paragraph."""
    blocks = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_tidy_line(line) for line in block.splitlines()]
        lines = [line for line in lines if line]
        if lines:
            blocks.append(lines)
    if not blocks:
        return ""
    column = max(_visual_width(line) for lines in blocks for line in lines)
    paragraphs = []
    for lines in blocks:
        joined = lines[0]
        for prev, line in zip(lines, lines[1:], strict=False):
            if _visual_width(prev) < 0.85 * column:
                joined += "\n" + line
            elif joined[-1].isascii() and joined[-1].isalnum() and line[0].isascii() and line[0].isalnum():
                joined += " " + line
            else:
                joined += line
        paragraphs.append(joined)
    return "\n".join(paragraphs)


def ocr_image(image: Any, *, lang: str = DEFAULT_LANG) -> str:
    """Text of a PIL image."""
    check_ocr_available(lang)
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # tesseract's OpenMP threads fight our worker processes
    try:
        raw = pytesseract.image_to_string(image, lang=lang, config="--psm 3")
    except Exception as exc:
        raise ReadError(f"OCR failed: {exc.__class__.__name__}: {exc}") from None
    return tidy_ocr_text(raw)


def ocr_pdf_pages(
    data: bytes, pages: list[int], *, lang: str = DEFAULT_LANG, dpi: int = DEFAULT_DPI
) -> dict[int, str]:
    """OCR the given 1-based pages of a PDF; returns {page number: text}."""
    check_ocr_available(lang)
    import pypdfium2 as pdfium

    out: dict[int, str] = {}
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        raise ReadError(f"cannot render the PDF for OCR: {exc}") from None
    try:
        for number in pages:
            page = pdf[number - 1]
            try:
                image = _page_image(page, dpi)
            finally:
                page.close()
            out[number] = ocr_image(image, lang=lang)
    finally:
        pdf.close()
    return out


def _page_image(page: Any, dpi: int) -> Any:
    """A scanned page is usually one embedded image: OCR it at its own resolution (resampling costs
    accuracy); upscale only very coarse scans. Anything else is rendered at `dpi`."""
    import pypdfium2 as pdfium
    from PIL import Image

    images = list(page.get_objects(filter=[pdfium.raw.FPDF_PAGEOBJ_IMAGE], max_depth=1))
    if len(images) == 1:
        try:
            image = images[0].get_bitmap(render=False).to_pil()
        except Exception:
            image = None
        if image is not None:
            width_inches = page.get_width() / 72 or 1
            native_dpi = image.width / width_inches
            if native_dpi < 100:
                factor = 200 / native_dpi
                image = image.resize((int(image.width * factor), int(image.height * factor)), Image.LANCZOS)
            return image.convert("L")
    return page.render(scale=dpi / 72, grayscale=True).to_pil()
