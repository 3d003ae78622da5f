"""samples/: every file reads into text, sizes stay small, encodings and text layers are what README.md says,
the cross-document story holds, and the generator scripts reproduce the committed binaries."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCRIPTS = ROOT / "scripts"
SCANNED = "scanned_jiaozhou_shanghe_2024-09.pdf"
SAMPLE_FILES = sorted(
    p for p in SAMPLES.iterdir() if p.is_file() and p.name != "README.md" and not p.name.startswith(".")
)


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _can_ocr() -> bool:
    if shutil.which("tesseract") is None or importlib.util.find_spec("pytesseract") is None:
        return False
    import pytesseract

    return "chi_sim" in pytesseract.get_languages(config="")


def test_enough_samples_in_every_format():
    suffixes = [p.suffix for p in SAMPLE_FILES]
    assert len(SAMPLE_FILES) >= 14
    for suffix, at_least in {".txt": 5, ".html": 3, ".pdf": 3, ".docx": 2}.items():
        assert suffixes.count(suffix) >= at_least, suffix


def test_sizes_stay_small():
    sizes = {
        p.name: p.stat().st_size
        for p in SAMPLES.rglob("*")
        if p.is_file() and "sources" not in p.parts and not p.name.startswith(".")
    }
    assert all(size < 300_000 for size in sizes.values()), sizes
    assert sum(sizes.values()) < 1_500_000
    assert all(size > 500 for size in sizes.values()), sizes


def test_readme_lists_every_sample():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in SAMPLE_FILES if f"`{p.name}`" not in readme]
    assert missing == []


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_reads_into_text(path):
    from zhaoyin.extractors import readers
    from zhaoyin.schemas import RawDocument

    ocr = path.name == SCANNED
    if ocr and not _can_ocr():
        pytest.skip("OCR needs tesseract with chi_sim and pytesseract")
    document = readers.read_document(RawDocument(data=path.read_bytes(), source=str(path)), ocr=ocr)
    han = re.findall(r"[\u4e00-\u9fff]", document.text)
    assert len(han) >= 200, f"{path.name}: only {len(han)} Chinese characters read"
    assert re.search(r"\d+(?:\.\d+)?\s*[万亿億]", document.text), path.name
    assert "<" not in document.text and "charset" not in document.text  # no markup left over


def test_pdfs_have_a_text_layer_except_the_scan():
    pdfs = [p for p in SAMPLE_FILES if p.suffix == ".pdf" and p.name != SCANNED]
    for path in pdfs:
        pages = _pdf_text(path)
        assert pages and all(len(page.strip()) > 30 for page in pages), path.name
    assert len(_pdf_text(SAMPLES / "qingdao_xihaian_ningyuan_completed_2025-12.pdf")) >= 2
    assert "".join(_pdf_text(SAMPLES / SCANNED)).strip() == ""
    with pdfplumber.open(SAMPLES / SCANNED) as pdf:
        assert len(pdf.pages[0].images) == 1


def test_gbk_files_really_are_gbk():
    for name in ("suzhou_sip_foreign_investment_2023-11_gbk.txt", "qingdao_xihaian_gov_kaigong_2024-06.html"):
        data = (SAMPLES / name).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = data.decode("gbk")
        assert "项目" in text and "亿元" in text
    gov = (SAMPLES / "qingdao_xihaian_gov_kaigong_2024-06.html").read_bytes().decode("gbk")
    assert (
        "charset=gbk" in gov and '<meta name="PubDate"' in gov and 'id="zoom"' in gov and "发布时间：" in gov
    )


def test_big5_report_is_the_traditional_twin_of_the_simplified_one():
    opencc = pytest.importorskip("opencc")
    data = (SAMPLES / "shenzhen_qianhai_hk_2024-07_big5.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    traditional = data.decode("big5")
    simplified = (SAMPLES / "shenzhen_qianhai_hk_2024-07_simplified.txt").read_text(encoding="utf-8")
    assert "項目" in traditional and "项目" not in traditional
    assert len(traditional) == len(simplified)
    converted = opencc.OpenCC("t2s").convert(traditional)
    differing = sum(a != b for a, b in zip(converted, simplified, strict=True))
    assert differing <= len(simplified) // 100


def test_one_project_told_at_three_stages_and_reprinted():
    signed = (SAMPLES / "qingdao_xihaian_signing_2024-03.txt").read_text(encoding="utf-8")
    reprint = (SAMPLES / "reprint_huanghai_finance_xihaian_2024-03.html").read_text(encoding="utf-8")
    started = (SAMPLES / "qingdao_xihaian_gov_kaigong_2024-06.html").read_bytes().decode("gbk")
    completed = "".join(_pdf_text(SAMPLES / "qingdao_xihaian_ningyuan_completed_2025-12.pdf")).replace(
        "\n", ""
    )
    for text, stage_word in ((signed, "签约"), (started, "开工"), (completed, "投产")):
        assert "宁远新能源（青岛）有限公司" in text and stage_word in text
    assert "120亿元" in signed and "一百二十亿元" in started and "120亿元" in completed
    sentences = [s for s in re.split(r"[。；]", re.sub(r"<[^>]+>|\s", "", reprint)) if len(s) > 15]
    shared = [s for s in sentences if s in signed]
    assert len(shared) >= 8 and len(shared) / len(sentences) > 0.6


def test_pdf_script_reproduces_the_committed_pdfs(tmp_path):
    _script("make_sample_pdfs").main(tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert made and all((SAMPLES / name).is_file() for name in made)
    for name in made:  # text, not bytes: another reportlab version may lay out the same text differently
        assert _pdf_text(tmp_path / name) == _pdf_text(SAMPLES / name), name


def test_docx_script_reproduces_the_committed_text(tmp_path):
    from docx import Document

    def body(path: Path) -> list[str]:
        doc = Document(str(path))
        cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        return [p.text for p in doc.paragraphs] + cells

    _script("make_sample_docx").main(tmp_path)
    made = sorted(tmp_path.glob("*.docx"))
    assert len(made) == 2
    for path in made:
        assert body(path) == body(SAMPLES / path.name), path.name
    table = Document(str(SAMPLES / "hefei_jingkai_signing_2024-06.docx")).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["项目名称", "投资主体", "总投资", "所在区"]
    assert len(table.rows) >= 5
