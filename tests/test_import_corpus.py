"""Generated report files for the import tests: txt (UTF-8, GBK), html, pdf (reportlab STSong-Light), docx.

Each document is distinct (its own numbers and names) and holds at least one project sentence with an amount.
"""

from __future__ import annotations

from pathlib import Path

PLACES = [
    ("青岛市", "青岛西海岸新区"),
    ("成都市", "成都高新区"),
    ("武汉市", "东湖高新区"),
    ("苏州市", "苏州工业园区"),
    ("合肥市", "合肥经济技术开发区"),
    ("西安市", "西安高新区"),
]
FIRMS = ["宁远", "华芯", "瑞泰", "海川", "明德", "天成", "远景", "嘉禾", "东方", "恒信", "澜湾", "博瑞"]
INDUSTRIES = [
    ("新能源", "动力电池"),
    ("半导体", "芯片封装测试"),
    ("生物医药", "创新药研发"),
    ("智能装备", "数控机床"),
    ("新材料", "锂电池隔膜"),
]


def project_amount_text(i: int) -> str:
    return f"{5 + (i * 7) % 190}亿元"


def report_paragraphs(i: int) -> tuple[str, list[str]]:
    city, district = PLACES[i % len(PLACES)]
    firm = FIRMS[i % len(FIRMS)] + FIRMS[(i // len(FIRMS)) % len(FIRMS)]
    industry, product = INDUSTRIES[i % len(INDUSTRIES)]
    amount = project_amount_text(i)
    total = int(amount[:-2]) * 3 + i % 11
    title = f"{district}重点项目集中签约 第{i + 1}批"
    paragraphs = [
        f"本报讯 {1 + i % 12}月{1 + i % 28}日，{city}{district}举行第{i + 1}批重点项目集中签约仪式，"
        f"共签约项目{3 + i % 20}个，总投资{total}亿元。",
        f"其中，{firm}{industry}科技有限公司投资建设的{product}生产基地项目总投资{amount}，计划明年开工建设。",
        "相关负责人表示，将持续优化营商环境，推动签约项目早落地、早投产、早见效。",
    ]
    return title, paragraphs


def report_text(i: int) -> str:
    title, paragraphs = report_paragraphs(i)
    return "\n\n".join([title, *paragraphs]) + "\n"


def write_txt(path: Path, i: int, encoding: str = "utf-8") -> Path:
    path.write_bytes(report_text(i).encode(encoding))
    return path


def write_html(path: Path, i: int) -> Path:
    title, paragraphs = report_paragraphs(i)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    return path


def write_pdf(path: Path, i: int) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    title, paragraphs = report_paragraphs(i)
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 11)
    y = 800
    for text in [title, *paragraphs]:
        for start in range(0, len(text), 40):
            page.drawString(40, y, text[start : start + 40])
            y -= 18
        y -= 10
    page.save()
    return path


def write_docx(path: Path, i: int) -> Path:
    import docx

    title, paragraphs = report_paragraphs(i)
    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def build_mixed_corpus(folder: Path, start: int = 0) -> list[Path]:
    """Six good files, one of each kind (one in a subfolder); numbered from `start` so corpora never overlap."""
    (folder / "nested").mkdir(parents=True, exist_ok=True)
    return [
        write_txt(folder / f"report_{start}_utf8.txt", start),
        write_txt(folder / f"report_{start + 1}_gbk.txt", start + 1, "gbk"),
        write_html(folder / f"report_{start + 2}.html", start + 2),
        write_pdf(folder / f"report_{start + 3}.pdf", start + 3),
        write_docx(folder / f"report_{start + 4}.docx", start + 4),
        write_txt(folder / "nested" / f"report_{start + 5}.txt", start + 5),
    ]


def build_txt_corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_txt(folder / f"doc_{i:05d}.txt", i) for i in range(count)]


def test_generated_reports_are_distinct():
    texts = {report_text(i) for i in range(2000)}
    assert len(texts) == 2000


def test_generated_pdf_reads_back(tmp_path):
    import pdfplumber

    path = write_pdf(tmp_path / "r.pdf", 7)
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert report_paragraphs(7)[0] in text
