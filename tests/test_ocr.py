"""OCR of pages without a text layer: render Chinese news text to an image-only PDF, read it back."""

from __future__ import annotations

import difflib
import io
from pathlib import Path

import pytest

from zhaoyin.extractors.readers import read_document
from zhaoyin.schemas import RawDocument, ReadError

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
]
LINES = [
    "西海岸新区招商引资再提速",
    "今年一季度，西海岸新区新签约项目32个，总投资超过420亿元。",
    "其中，储能电池生产基地项目总投资130亿元，预计明年建成投产。",
    "即墨区新开工亿元以上项目12个，胶州市新落地外资项目5个。",
    "城阳区聚焦集成电路、新能源汽车等产业链开展精准招商。",
]


def _cjk_font() -> Path:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    pytest.skip("no CJK TrueType font: apt-get install fonts-wqy-microhei (or fonts-noto-cjk)")


def _ocr_ready() -> None:
    from zhaoyin.extractors.ocr import check_ocr_available

    try:
        check_ocr_available()
    except ReadError as exc:
        pytest.skip(exc.reason)


def _scanned_pdf(lines: list[str], font_path: Path) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), 40)
    image = Image.new("L", (1800, 100 + 80 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 50 + 80 * i), line, font=font, fill=0)
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=150)
    return buf.getvalue()


def test_ocr_of_scanned_page_character_accuracy():
    font = _cjk_font()
    _ocr_ready()
    data = _scanned_pdf(LINES, font)
    with pytest.raises(ReadError, match="--ocr"):
        read_document(RawDocument(data=data, source="scan.pdf"))
    doc = read_document(RawDocument(data=data, source="scan.pdf"), ocr=True)
    assert doc.meta["ocr"] is True and doc.meta["ocr_pages"] == [1]
    assert [p.page for p in doc.pages] == [1]
    expected = "".join(LINES)
    got = "".join(doc.text.split())
    accuracy = difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio()
    print(f"OCR character accuracy: {accuracy:.3f} ({len(expected)} characters)")
    assert accuracy >= 0.95
    assert " " not in doc.text.replace("\n", "")  # no spurious spaces between Han characters

    from zhaoyin.extractors.pipeline import extract

    amounts = {a.text: a.value for a in extract(doc).amounts}
    assert amounts.get("420亿元") == 4.2e10 and amounts.get("130亿元") == 1.3e10, amounts


def test_mixed_pdf_only_ocrs_pages_without_text():
    font = _cjk_font()
    _ocr_ready()
    from hostile import make_pdf  # registers the CID font
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    make_pdf([["x"]])
    image = Image.new("L", (1800, 260), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES[1:3]):
        draw.text((60, 50 + 80 * i), line, font=ImageFont.truetype(str(font), 40), fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, LINES[0])
    c.showPage()
    c.drawImage(ImageReader(image), 36, 500, width=520, height=75)
    c.showPage()
    c.save()

    without = read_document(RawDocument(data=buf.getvalue(), source="mixed.pdf"))
    assert without.text == LINES[0] + "\n" and without.meta["pages_without_text"] == [2]
    doc = read_document(RawDocument(data=buf.getvalue(), source="mixed.pdf"), ocr=True)
    assert doc.meta["ocr_pages"] == [2]
    first, second = (doc.text[p.start : p.end] for p in doc.pages)
    assert first == LINES[0]
    ratio = difflib.SequenceMatcher(
        None, "".join(LINES[1:3]), "".join(second.split()), autojunk=False
    ).ratio()
    assert ratio >= 0.9, second


def test_missing_language_data_says_what_to_install():
    from zhaoyin.extractors.ocr import check_ocr_available

    try:
        import pytesseract  # noqa: F401
    except ImportError:
        pytest.skip("pytesseract not installed")
    with pytest.raises(ReadError) as info:
        check_ocr_available("zz_fake")
    assert "tesseract-ocr-zz-fake" in info.value.reason or "tesseract" in info.value.reason


def test_tidy_ocr_text():
    from zhaoyin.extractors.ocr import tidy_ocr_text

    raw = "西 海 岸 新 区 签 约 项 目 3 2 个 ， 总 投 资\n超 过 420 亿 元 。\n\n第 二 段 ABC Corp 项目"
    assert tidy_ocr_text(raw) == "西海岸新区签约项目3 2个，总投资超过420亿元。\n第二段 ABC Corp 项目"


def test_missing_tesseract_program_says_what_to_install(monkeypatch):
    pytesseract = pytest.importorskip("pytesseract")
    from zhaoyin.extractors.ocr import check_ocr_available

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ReadError) as info:
        check_ocr_available.__wrapped__("chi_sim")  # bypass the cached answer for the real install
    assert "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in info.value.reason


def test_image_file_is_ocred_only_on_request():
    font = _cjk_font()
    _ocr_ready()
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1400, 120), 255)
    ImageDraw.Draw(image).text((40, 30), LINES[1], font=ImageFont.truetype(str(font), 40), fill=0)
    buf = io.BytesIO()
    image.save(buf, "PNG")
    with pytest.raises(ReadError, match="--ocr"):
        read_document(RawDocument(data=buf.getvalue(), source="clip.png"))
    doc = read_document(RawDocument(data=buf.getvalue(), source="clip.png"), ocr=True)
    assert doc.meta["ocr"] is True and doc.media_type == "image/png"
    assert difflib.SequenceMatcher(None, LINES[1], doc.text, autojunk=False).ratio() >= 0.9
