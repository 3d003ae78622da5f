"""A hostile-file corpus, generated into a folder at test time (no committed binaries).

    from hostile import build_hostile_corpus, HostileCase
    cases = build_hostile_corpus(tmp_path)      # list[HostileCase]

Each case says what a reader or importer must do with it:
- expect == "good": reads into a Document (archives: expand and every member reads);
  `text_contains`, when set, must appear in the text.
- expect == "bad": refused with a ReadError whose reason contains `reason_contains`
  (archives: `expand_archive` or reading one of its members refuses).
- expect == "skip": a folder trap (symlink loop); a folder walk must terminate, may skip or quarantine it.

`kind` is "file", "archive" (run `extractors.archives.expand_archive` first), "link" (a symlink loop: only
reading by path can fail) or "folder". Also used by the import-level hostile test of the importer.
The over-limit case is a sparse file just over the size limit (`max_bytes`, default the reader's 50 MB):
it costs no disk, and a reader that checks the size before reading refuses it at once.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPORT = (
    "青岛西海岸新区招商引资再提速\n"
    "□青岛日报/观海新闻记者 王明\n"
    "今年一季度，西海岸新区新签约项目32个，总投资超过420亿元。"
    "其中，某储能科技有限公司储能电池生产基地项目总投资130亿元，预计明年建成投产。\n"
    "即墨区新开工亿元以上项目12个，胶州市新落地外资项目5个。\n"
)
TRADITIONAL = "青島市嶗山區簽約重點項目十二個，總投資約一百億元，涵蓋新能源、生物醫藥等產業。\n"


@dataclass(frozen=True)
class HostileCase:
    path: Path
    expect: str  # good | bad | skip
    reason_contains: str | None = None
    kind: str = "file"  # file | archive | link | folder
    text_contains: str | None = None
    note: str = ""


# --- generators shared with the reader tests ---------------------------------------------------------


def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def make_pdf(pages: list[list[str]], *, encrypt: str | None = None, title: str | None = None) -> bytes:
    """A PDF with a real Chinese text layer: one list of lines per page (reportlab, STSong-Light)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cid_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    if title:
        c.setTitle(title)
    for lines in pages:
        c.setFont(font, 12)
        y = A4[1] - 72
        for line in lines:
            c.drawString(72, y, line)
            y -= 20
        c.showPage()
    c.save()
    return buf.getvalue()


def make_image_pdf(lines: list[str] | None = None) -> bytes:
    """A PDF page holding only an image (no text layer), like a scan. Blank image without `lines`."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (1240, 400), 255)
    if lines:
        draw = ImageDraw.Draw(img)
        for i, line in enumerate(lines):
            draw.text((40, 40 + 40 * i), line, fill=0)
    else:
        ImageDraw.Draw(img).rectangle((100, 100, 600, 300), outline=0, width=5)
    buf = io.BytesIO()
    img.save(buf, "PDF", resolution=150)
    return buf.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _zero_member_zip(extra: dict[str, bytes], big_name: str, size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in extra.items():
            zf.writestr(name, data)
        with zf.open(big_name, "w", force_zip64=True) as fh:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                fh.write(chunk)
    return buf.getvalue()


def _tar_gz(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _tar_gz_bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz", compresslevel=9) as tf:
        info = tarfile.TarInfo("zeros.txt")
        info.size = size
        tf.addfile(info, io.BytesIO(bytes(size)))
    return buf.getvalue()


def gov_page_gbk() -> bytes:
    """A government release page in GBK whose <meta> wrongly says UTF-8."""
    html = (
        "<html><head><meta charset='utf-8'><title>即墨区重点项目集中签约_即墨区人民政府</title></head><body>"
        "<div class='info'>发布时间：2024-03-05 来源：即墨区投资促进中心</div>"
        "<div id='zoom'><p>3月4日，即墨区举行重点项目集中签约活动，共签约项目15个，总投资120亿元。</p></div>"
        "</body></html>"
    )
    return html.encode("gbk")


# --- the corpus ------------------------------------------------------------------------------------------


def build_hostile_corpus(directory: str | os.PathLike, *, max_bytes: int | None = None) -> list[HostileCase]:
    """Write ≥ 30 hostile files into `directory` and return what each must do."""
    from zhaoyin.extractors.readers.limits import size_limit as reader_limit

    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240305)
    cases: list[HostileCase] = []

    def add(name: str, data: bytes, expect: str, reason: str | None = None, kind: str = "file", **kw):
        path = root / name
        path.write_bytes(data)
        cases.append(HostileCase(path, expect, reason, kind, **kw))

    good_pdf = make_pdf(
        [["青岛市新签约项目45个，总投资300亿元。", "城阳区新开工项目8个。"], ["第二页：胶州市项目投产。"]]
    )

    # empty and binary junk, named as documents
    for name in ("empty.txt", "empty.pdf", "empty.docx", "empty.html"):
        add(name, b"", "bad", "empty file")
    for name in ("random.txt", "random.pdf", "random.docx", "random.html", "random"):
        add(name, rng.randbytes(8192), "bad", "binary data", note="random bytes")
    add("whitespace.txt", b" \n\t\r\n   \n", "bad", "no text")
    add("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4000), "bad", "Office 97")
    png = io.BytesIO()
    __import__("PIL.Image", fromlist=["Image"]).new("L", (20, 20), 255).save(png, "PNG")
    add("picture.txt", png.getvalue(), "bad", "an image", note="PNG named .txt, no --ocr")

    # PDFs: truncated, corrupt, encrypted, scanned
    add("truncated.pdf", good_pdf[: len(good_pdf) // 2], "bad", "truncated PDF")
    add("corrupt.pdf", b"%PDF-1.4\n" + rng.randbytes(3000) + b"\n%%EOF\n", "bad", "corrupt PDF")
    add("header_only.pdf", b"%PDF-1.7\n%%EOF\n", "bad", "corrupt PDF")
    add("encrypted.pdf", make_pdf([["机密文件：投资协议"]], encrypt="secret"), "bad", "encrypted")
    add("scanned.pdf", make_image_pdf(), "bad", "no text layer", note="image-only page")
    add("text_named.pdf", REPORT.encode("utf-8"), "good", text_contains="西海岸新区", note="text named .pdf")
    add("good.pdf", good_pdf, "good", text_contains="第二页")

    # docx: not a zip, zip bomb, truncated, real one
    add("not_a_zip.docx", b"\x00\x01\x02\x03" + rng.randbytes(2000), "bad", "binary data")
    add(
        "plain_text.docx", REPORT.encode("gb18030"), "good", text_contains="储能电池", note="text named .docx"
    )
    bomb_docx = _zero_member_zip({"word/document.xml": b"<w:document/>"}, "word/media/zeros.bin", 64 << 20)
    add("bomb.docx", bomb_docx, "bad", "zip bomb")
    good_docx = make_docx(["即墨区签约项目12个。"], [["区市", "项目"], ["即墨区", "12"]])
    add("truncated.docx", good_docx[: len(good_docx) // 2], "bad", "corrupt", kind="archive")
    add("good.docx", good_docx, "good", text_contains="即墨区\t12")

    # html: huge script, lying charset, no text, deep nesting
    script = "<script>" + ("var a = '<p>x</p>';\n" * (10_000_000 // 20)) + "</script>"
    page = f"<html><head><meta charset='utf-8'>{script}</head><body><p>{REPORT}</p></body></html>"
    add("huge_script.html", page.encode("utf-8"), "good", text_contains="西海岸新区", note="10 MB <script>")
    add("gbk_says_utf8.html", gov_page_gbk(), "good", text_contains="即墨区举行重点项目集中签约活动")
    add(
        "scripts_only.html",
        b"<html><head><script>var x=1;</script></head><body></body></html>",
        "bad",
        "no text",
    )
    deep = "<div>" * 20000 + "<p>深层嵌套的页面：即墨区签约项目。</p>" + "</div>" * 20000
    # deeper than the HTML depth budget (512): refused before the parser, whose time grows with depth²
    add("deep_nesting.html", deep.encode("utf-8"), "bad", "nested too deeply")

    # text encodings
    add("gbk.txt", REPORT.encode("gbk"), "good", text_contains="储能电池生产基地")
    add("gb18030.txt", (REPORT + "㐀䶵").encode("gb18030"), "good", text_contains="储能电池")
    add("big5.txt", TRADITIONAL.encode("big5"), "good", text_contains="嶗山區")
    add("utf8_bom.txt", REPORT.encode("utf-8-sig"), "good", text_contains="青岛西海岸新区")
    add("utf16.txt", REPORT.encode("utf-16"), "good", text_contains="胶州市")
    mixed = REPORT.encode("utf-8") + "胶州市上合示范区新签约项目9个。\n".encode("gbk")
    add("mixed_encodings.txt", mixed, "good", text_contains="上合示范区")
    # one line of a million characters, half of them the words of a project (项目) to weigh as candidates:
    # extraction time grows with the candidates, and what this file tests is that a line never ends
    add("one_long_line.txt", ("项目签约" * 250_000).encode("utf-8"), "good", text_contains="项目签约")

    # odd file names
    for name in ("name with spaces.txt", "中文 文件名（报道）.txt", 'quote\'s "double".txt', "new\nline.txt"):
        add(name, REPORT.encode("utf-8"), "good", text_contains="即墨区")

    # over the size limit: sparse, so it costs no disk and must be refused from its size
    limit = reader_limit(max_bytes)
    huge = root / "over_limit.txt"
    with huge.open("wb") as fh:
        fh.truncate(limit + 1)
    cases.append(HostileCase(huge, "bad", "size limit", "file", note=f"sparse, {limit + 1} bytes"))

    # symlink traps
    loop_a, loop_b = root / "loop_a.txt", root / "loop_b.txt"
    try:
        os.symlink(loop_b.name, loop_a)
        os.symlink(loop_a.name, loop_b)
        cases.append(HostileCase(loop_a, "bad", "symlink loop", "link"))
        trap = root / "loop_folder"
        trap.mkdir()
        (trap / "inside.txt").write_bytes(REPORT.encode("utf-8"))
        os.symlink("..", trap / "parent")
        os.symlink(".", trap / "self")
        cases.append(HostileCase(trap / "inside.txt", "good", text_contains="西海岸"))
        cases.append(
            HostileCase(trap, "skip", None, "folder", note="contains links to itself and its parent")
        )
    except OSError:  # no symlinks on this file system
        pass

    fifo = root / "named_pipe.txt"
    try:
        os.mkfifo(fifo)
        cases.append(HostileCase(fifo, "bad", "not a regular file", "file", note="reading it would block"))
    except (OSError, AttributeError):  # no FIFOs here
        pass

    # archives
    add(
        "zip_slip.zip",
        make_zip({"ok.txt": REPORT.encode(), "../../evil.txt": b"x"}),
        "bad",
        "unsafe archive",
        "archive",
    )
    add("absolute.zip", make_zip({"/etc/evil.txt": REPORT.encode()}), "bad", "unsafe archive", "archive")
    add("bomb.zip", _zero_member_zip({}, "zeros.txt", 64 << 20), "bad", "zip bomb", "archive")
    add("bomb.tar.gz", _tar_gz_bomb(48 << 20), "bad", "zip bomb", "archive")
    add("corrupt.zip", b"PK\x03\x04" + rng.randbytes(3000), "bad", "corrupt", "archive")
    add(
        "corrupt.tar.gz", gzip.compress(b"ustar-ish" + rng.randbytes(2000))[:500], "bad", "corrupt", "archive"
    )
    inner = make_zip({"deepest.txt": REPORT.encode()})
    nested = make_zip({"level2.zip": make_zip({"level3.zip": inner})})
    add("nested_deep.zip", nested, "bad", "nested archive too deep", "archive")
    reports = {
        "报道/gbk.txt": REPORT.encode("gbk"),
        "报道/page.html": gov_page_gbk(),
        "报道/report.pdf": good_pdf,
        "报道/report.docx": good_docx,
        "__MACOSX/报道/._gbk.txt": b"\x00\x05\x16\x07junk",
        ".DS_Store": b"\x00\x00\x00\x01Bud1",
    }
    add("reports.zip", make_zip(reports), "good", kind="archive")
    add(
        "reports.tar.gz",
        _tar_gz({"a/report.txt": REPORT.encode(), "a/big5.txt": TRADITIONAL.encode("big5")}),
        "good",
        kind="archive",
    )
    add("single.txt.gz", gzip.compress(REPORT.encode("gbk")), "good", kind="archive")
    return cases
