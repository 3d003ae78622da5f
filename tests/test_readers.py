"""Readers: bytes → Document for txt, html, pdf and docx, from generated files."""

from __future__ import annotations

import io
import time

import pytest
from hostile import REPORT, TRADITIONAL, gov_page_gbk, make_docx, make_image_pdf, make_pdf, make_zip

from zhaoyin.extractors.pipeline import extract
from zhaoyin.extractors.readers import read_document, sniff_media_type
from zhaoyin.extractors.readers.sniff import DOCX, GZIP, HTML, PDF, TEXT, ZIP
from zhaoyin.schemas import RawDocument, ReadError


def _read(data: bytes, source: str = "doc", **kw):
    return read_document(RawDocument(data=data, source=source, **kw))


# --- sniffing ---------------------------------------------------------------------------------------------


def test_sniff_uses_bytes_not_names():
    import gzip

    pdf = make_pdf([["即墨区"]])
    docx = make_docx(["即墨区"])
    assert sniff_media_type(pdf, "report.txt") == PDF
    assert sniff_media_type(docx, "report.pdf") == DOCX
    assert sniff_media_type(make_zip({"a.txt": b"x"}), "a.docx") == ZIP
    assert sniff_media_type(gzip.compress(b"abc"), "a.txt") == GZIP
    assert sniff_media_type(b"\n  <!DOCTYPE html><html><body>x</body></html>", "a.txt") == HTML
    assert sniff_media_type("<p>即墨区</p>".encode("gbk"), "a.pdf") == HTML
    assert sniff_media_type(REPORT.encode("gbk"), "a.html") == TEXT
    assert sniff_media_type("# 标题\n正文".encode(), "a.md") == "text/markdown"


# --- plain text ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-8-sig", "utf-8 (BOM)"), ("utf-8", "utf-8")],
)
def test_text_encodings(encoding, expected):
    doc = _read(REPORT.encode(encoding), "report.txt")
    assert doc.text == REPORT
    assert doc.encoding == expected
    assert doc.title == "青岛西海岸新区招商引资再提速"
    assert doc.byline == "□青岛日报/观海新闻记者 王明"
    assert doc.meta["script"] == "simplified"
    assert doc.media_type == "text/plain"
    assert doc.sha256 and doc.source == "report.txt"


def test_big5_traditional_text():
    doc = _read(("嶗山區投資動態\n" + TRADITIONAL).encode("big5"), "big5.txt")
    assert "嶗山區簽約重點項目" in doc.text
    assert doc.encoding.startswith("big5")
    assert doc.meta["script"] == "traditional"
    assert doc.title == "嶗山區投資動態"


def test_gbk_text_declared_utf8_still_decodes():
    doc = _read(REPORT.encode("gbk"), "report.txt", meta={"charset": "utf-8"})
    assert doc.text == REPORT


def test_gb18030_only_characters():
    text = "㐀䶵€ 即墨区签约项目。"
    assert _read(text.encode("gb18030")).text == text


def test_title_skips_markdown_marks_and_long_first_lines():
    assert _read("\n\n# 创新招引模式\n\n正文。".encode()).title == "创新招引模式"
    long_first = "这是一段很长的正文" * 20 + "\n第二行"
    assert _read(long_first.encode()).title is None


def test_garbled_pinyin_is_removed_before_storing():
    doc = _read("城阳区新签约项(xiàng)目8个，总投资(zǒng tóu zī)45亿元。".encode())
    assert doc.text == "城阳区新签约项目8个，总投资45亿元。"


def test_labelled_date_and_source_in_text():
    doc = _read("关于项目的通报\n发布日期：2023年7月8日　来源：胶州市商务局\n正文内容。".encode())
    assert doc.published == "2023-07-08"
    assert doc.meta["source_name"] == "胶州市商务局"


def test_crawl_meta_date_is_a_fallback():
    doc = _read("即墨区签约项目12个。".encode(), meta={"published": "2024/02/01"})
    assert doc.published == "2024-02-01"
    assert doc.meta["published_from"] == "crawl"


def test_last_modified_header_then_the_file_name_date():
    text = "即墨区签约项目12个。".encode()
    doc = _read(text, meta={"http": {"last_modified": "Wed, 08 May 2024 07:28:00 GMT"}})
    assert (doc.published, doc.meta["published_from"]) == ("2024-05-08", "http-last-modified")
    assert (
        _read(text, meta={"headers": {"Last-Modified": "Tue, 07 May 2024 01:00:00 GMT"}}).published
        == "2024-05-07"
    )
    for name, published in (
        ("jimo_signing_2024-05-08.txt", "2024-05-08"),
        ("20240508.txt", "2024-05-08"),
        ("jimo_2024-05.txt", "2024-05"),
        ("policy_jimo_2023.txt", "2023"),
        ("r7_e3f2019ab20240508c.txt", None),  # digits inside a hash-like name are no date
    ):
        doc = _read(text, source=f"/data/{name}")
        assert doc.published == published, name
        assert doc.meta.get("published_from") == ("file-name" if published else None)
    assert _read(text, source="http://news.example.cn/n2/2020/1102/c3741-3438.html").published == "2020-11-02"
    assert (
        _read(text, source="http://www.example.gov.cn/art/202011/t20201102_5.html").published == "2020-11-02"
    )
    # a year and month as parts of a page's address the crawl kept
    address = {"url": "http://www.example.cn/HTML/2021_9_746162.html"}
    assert _read(text, source="/data/r1_e3f2.txt", meta=address).published == "2021-09"
    # eight digits opening a part of the address, letters after them
    address = {"url": "http://www.example.cn/zhuanti/20100815jitai_view.asp?id=182"}
    assert _read(text, source="/data/r1_e3f2.txt", meta=address).published == "2010-08-15"
    address = {"url": "http://www.example.cn/news/id20100815123.html"}
    assert _read(text, source="/data/r1_e3f2.txt", meta=address).published is None
    # the crawl's list date comes first
    assert (
        _read(text, source="/data/a_2024-05-08.txt", meta={"published": "2024-05-09"}).published
        == "2024-05-09"
    )


def test_empty_and_binary():
    with pytest.raises(ReadError, match="empty file"):
        _read(b"")
    with pytest.raises(ReadError, match="binary data"):
        _read(bytes(range(256)) * 10, "x.txt")


# --- html ----------------------------------------------------------------------------------------------


GOV_PAGE = """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>胶州市举行重点项目集中签约仪式_胶州市人民政府</title>
<meta name="PubDate" content="2024-03-05 09:30">
<script>var big = "{script}";</script><style>p {{color: red}}</style></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a>政务要闻</a></div>
<h1>胶州市举行重点项目集中签约仪式</h1>
<div class="info">发布时间：2024-03-05 来源：胶州市投资促进中心 浏览次数：<span>120</span></div>
<div id="zoom"><p>　　3月4日，胶州市举行重点项目集中签约仪式，共签约项目15个，总投资120亿元。</p>
<p>　　其中，某新能源科技有限公司储能电池项目总投资50亿元，
将建设年产10GWh生产线。</p>
<table><tr><td>项目</td><td>投资额</td></tr><tr><td>储能电池</td><td>50亿元</td></tr></table></div>
<div class="footer">版权所有：胶州市人民政府 网站标识码：1234</div></body></html>"""


def test_government_page_in_gbk():
    html = GOV_PAGE.format(script="x" * 1000)
    doc = _read(html.encode("gbk"), "http://gov.example/art/1.html")
    assert doc.media_type == "text/html"
    assert doc.encoding == "gb18030"
    assert doc.title == "胶州市举行重点项目集中签约仪式"
    assert doc.published == "2024-03-05"
    assert doc.meta["source_name"] == "胶州市投资促进中心"
    lines = doc.text.split("\n")
    assert lines[0] == "3月4日，胶州市举行重点项目集中签约仪式，共签约项目15个，总投资120亿元。"
    assert lines[1] == "其中，某新能源科技有限公司储能电池项目总投资50亿元，将建设年产10GWh生产线。"
    assert "储能电池\t50亿元" in lines
    assert "版权所有" not in doc.text and "首页" not in doc.text and "var big" not in doc.text


def test_gov_date_from_label_when_no_meta():
    html = GOV_PAGE.replace('<meta name="PubDate" content="2024-03-05 09:30">', "").replace(
        "发布时间：2024-03-05", "发布时间：2023年12月1日 10:00"
    )
    doc = _read(html.format(script="").encode("gbk"))
    assert doc.published == "2023-12-01"
    assert doc.meta["published_from"] == "label"


def test_gbk_page_labelled_utf8():
    doc = _read(gov_page_gbk(), "page.html")
    assert "即墨区举行重点项目集中签约活动" in doc.text
    assert doc.published == "2024-03-05"
    assert doc.title == "即墨区重点项目集中签约"


NEWS_PAGE = """<html><head><meta charset="utf-8"><title>新签约项目45个 总投资超300亿元 - 青岛新闻网</title>
<meta property="article:published_time" content="2023-11-20T08:15:00+08:00"></head><body>
<header><a>青岛新闻网</a> <a>首页</a> <a>财经</a></header>
<div class="main"><div class="article-content">
<p>□青岛日报/观海新闻记者 王明 李华</p>
<p>11月19日，青岛市举行重点产业链招商推介会，现场签约项目45个，总投资超过300亿元。</p>
<p>城阳区签约项目8个，涵盖新能源汽车、集成电路等领域。</p></div></div>
<footer>Copyright 青岛新闻网</footer></body></html>"""


def test_newspaper_page_with_byline():
    doc = _read(NEWS_PAGE.encode("utf-8"), "news.html")
    assert doc.byline == "□青岛日报/观海新闻记者 王明 李华"
    assert doc.published == "2023-11-20"
    assert doc.title == "新签约项目45个 总投资超300亿元"
    assert doc.text.split("\n")[1:] == [
        "11月19日，青岛市举行重点产业链招商推介会，现场签约项目45个，总投资超过300亿元。",
        "城阳区签约项目8个，涵盖新能源汽车、集成电路等领域。",
    ]


def test_page_without_known_layout_uses_trafilatura():
    paras = [
        f"<p>第{i}段：西海岸新区新签约项目{i}个，总投资{i * 10}亿元，涉及新能源、新材料等产业。</p>"
        for i in range(1, 6)
    ]
    html = f"<html><body><div class='nav'>首页 | 新闻 | 关于</div><div class='x'>{''.join(paras)}</div></body></html>"
    doc = _read(html.encode("utf-8"))
    assert doc.text.count("西海岸新区新签约项目") == 5
    assert doc.text.count("\n") >= 4


def test_crawl_selectors_win():
    html = """<html><body><div class="t">真正的标题</div><span class="d">2022-06-30</span>
    <div id="zoom"><p>这是导航里的错误正文，不该被选中的部分内容。这是导航里的错误正文。</p></div>
    <div class="c"><p>城阳区签约项目8个，总投资45亿元。</p></div></body></html>"""
    doc = _read(html.encode(), meta={"selectors": {"title": ".t", "date": ".d", "body": ".c"}})
    assert (doc.title, doc.published, doc.text) == (
        "真正的标题",
        "2022-06-30",
        "城阳区签约项目8个，总投资45亿元。",
    )


def test_huge_script_is_cheap():
    html = GOV_PAGE.format(script="y" * 10_000_000).encode("gbk")
    started = time.perf_counter()
    doc = _read(html)
    assert time.perf_counter() - started < 10
    assert "yyyy" not in doc.text and "总投资120亿元" in doc.text


# --- pdf -----------------------------------------------------------------------------------------------


def test_multi_page_pdf_page_spans():
    pages = [
        ["西海岸新区招商引资再提速", "发布时间：2024-03-05", "西海岸新区新签约项目32个。"],
        ["第二页：即墨区新开工项目12个。"],
        ["第三页：胶州市新落地外资项目5个。"],
    ]
    doc = _read(make_pdf(pages, title="招商"), "report.pdf")
    assert doc.media_type == "application/pdf"
    assert [p.page for p in doc.pages] == [1, 2, 3]
    for span, lines in zip(doc.pages, pages, strict=True):
        assert doc.text[span.start : span.end] == "\n".join(lines)
    assert doc.text == "\n".join("\n".join(lines) for lines in pages)
    assert doc.title == "西海岸新区招商引资再提速"
    assert doc.published == "2024-03-05"


def test_pdf_wrapped_paragraph_lines_are_rejoined():
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    make_pdf([["x"]])  # registers the CID font
    body = ParagraphStyle(
        "zh", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK", firstLineIndent=24
    )
    paragraph = (
        "青岛西海岸新区今年一季度签约项目32个，总投资超过420亿元，其中储能电池生产基地项目总投资130亿元。" * 3
    )
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build(
        [Paragraph(paragraph, body), Paragraph("第二段：即墨区签约项目12个。", body)]
    )
    doc = _read(buf.getvalue(), "wrapped.pdf")
    assert doc.text == paragraph + "\n第二段：即墨区签约项目12个。"


def test_pdf_without_text_layer_says_how_to_ocr():
    with pytest.raises(ReadError) as info:
        _read(make_image_pdf(), "scan.pdf")
    assert "no text layer" in info.value.reason and "--ocr" in info.value.reason


def test_encrypted_and_truncated_pdf():
    with pytest.raises(ReadError, match="encrypted PDF"):
        _read(make_pdf([["机密"]], encrypt="secret"))
    pdf = make_pdf([["即墨区"]])
    with pytest.raises(ReadError, match="truncated PDF"):
        _read(pdf[: len(pdf) - 200])


def test_pdf_with_owner_password_only_opens():
    from reportlab.lib import pdfencrypt

    enc = pdfencrypt.StandardEncryption("", ownerPassword="owner", canPrint=1)
    try:
        doc = _read(make_pdf([["即墨区签约项目12个。"]], encrypt=enc))
    except ReadError as exc:  # pdfminer opens it but cannot map reportlab's encrypted CID font
        assert "cannot be decoded" in exc.reason and "--ocr" in exc.reason
    else:
        assert doc.text == "即墨区签约项目12个。"


# --- docx ----------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_in_order():
    import docx

    document = docx.Document()
    document.add_paragraph("即墨区重点项目签约情况")
    document.add_paragraph("发布时间：2024-05-06")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [["项目", "区市", "投资额"], ["储能电池", "即墨区", "50亿元"], ["智能制造", "胶州市", "20亿元"]]
    ):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.add_paragraph("以上项目均已签约。")
    buf = io.BytesIO()
    document.save(buf)
    doc = _read(buf.getvalue(), "list.docx")
    assert doc.text.split("\n") == [
        "即墨区重点项目签约情况",
        "发布时间：2024-05-06",
        "项目\t区市\t投资额",
        "储能电池\t即墨区\t50亿元",
        "智能制造\t胶州市\t20亿元",
        "以上项目均已签约。",
    ]
    assert doc.published == "2024-05-06"
    assert doc.title == "即墨区重点项目签约情况"
    assert doc.media_type.endswith("wordprocessingml.document")


def test_docx_merged_cells_appear_once():
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "重点项目一览"
    for c, text in enumerate(["储能", "即墨区", "50亿元"]):
        table.cell(1, c).text = text
    buf = io.BytesIO()
    document.save(buf)
    assert _read(buf.getvalue()).text == "重点项目一览\n储能\t即墨区\t50亿元"


def test_http_charset_from_crawl_meta():
    page = "<html><body><p>臺灣企業在嶗山區投資建設研發中心，總投資五億元。</p></body></html>".encode("big5")
    doc = _read(page, "http://x/a", meta={"http": {"content_type": "text/html; charset=big5"}})
    assert "嶗山區投資建設研發中心" in doc.text and doc.encoding.startswith("big5")
    assert _read("投資".encode("big5")).text == "投資"  # even two characters decode right


def test_dateline_credit_is_the_byline():
    text = "长沙经开区签约16个项目\n本报讯（记者 谭湘宁 通讯员 罗一帆）10月22日，长沙经开区举行签约大会，现场签约项目16个。"
    assert _read(text.encode()).byline == "记者 谭湘宁 通讯员 罗一帆"
    assert _read("标题\n记者从市商务局获悉，全市新签约项目12个，总投资80亿元。".encode()).byline is None


def test_text_date_beats_file_creation_date():
    import docx

    document = docx.Document()
    document.core_properties.created = __import__("datetime").datetime(2026, 1, 1)
    for line in ("签约项目一览", "□本报记者 王明 2024年9月20日", "9月19日，胶州市签约项目8个。"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    doc = _read(buf.getvalue())
    assert (doc.published, doc.meta["published_from"]) == ("2024-09-20", "text-head")
    only_meta = make_docx(["胶州市签约项目8个。"])
    assert _read(only_meta).meta.get("published_from") in ("file-metadata", None)


def test_pdf_fake_bold_is_read_once():
    from reportlab.pdfgen import canvas

    make_pdf([["x"]])  # registers the CID font
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 14)
    for dx in (0, 0.3):  # the same title printed twice, slightly shifted
        c.drawString(72 + dx, 700, "即墨区签约项目")
    c.drawString(72, 670, "正文：总投资50亿元。")
    c.save()
    assert _read(buf.getvalue()).text == "即墨区签约项目\n正文：总投资50亿元。"


def _two_column_pdf(left: list[str], right: list[str], headline: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    make_pdf([["x"]])  # registers the CID font
    body = ParagraphStyle(
        "b", fontName="STSong-Light", fontSize=10.5, leading=15, wordWrap="CJK", firstLineIndent=21
    )
    head = ParagraphStyle("h", fontName="STSong-Light", fontSize=20, leading=26)
    width, height = A4
    half = (width - 100) / 2 - 10
    frames = [
        Frame(50, height - 130, width - 100, 80, id="headline"),
        Frame(50, 60, half, height - 200, id="left"),
        Frame(50 + half + 20, 60, half, height - 200, id="right"),
    ]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=frames)])
    story = [Paragraph(headline, head), FrameBreak()]
    story += [Paragraph(p, body) for p in left] + [FrameBreak()] + [Paragraph(p, body) for p in right]
    doc.build(story)
    return buf.getvalue()


def test_newspaper_pdf_columns_are_read_one_after_the_other():
    left = [
        "西海岸新区今年一季度签约项目32个，总投资超过420亿元，其中储能电池生产基地项目总投资130亿元，预计明年建成投产。",
        "即墨区新开工亿元以上项目12个，涵盖新能源汽车、集成电路等产业，年内计划完成投资60亿元。",
    ]
    right = [
        "胶州市新落地外资项目5个，实际使用外资1.2亿美元，同比增长15.6%，外资来源地覆盖日韩和欧洲。",
        "城阳区聚焦产业链精准招商，新引进项目8个，其中总部类项目3个，预计年营业收入超过50亿元。",
    ]
    doc = _read(_two_column_pdf(left, right, "跨栏标题：青岛招商引资再提速"), "paper.pdf")
    assert doc.text.split("\n") == ["跨栏标题：青岛招商引资再提速", *left, *right]


def test_table_page_is_not_mistaken_for_columns():
    rows = [["序号", "项目名称", "所在区市", "总投资"]] + [
        [str(i), f"第{i}号智能制造项目", "即墨区", f"{i * 5}亿元"] for i in range(1, 16)
    ]
    from reportlab.platypus import SimpleDocTemplate, Table

    make_pdf([["x"]])
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Table(rows, style=[("FONT", (0, 0), (-1, -1), "STSong-Light")])])
    lines = _read(buf.getvalue()).text.split("\n")
    assert lines[0] == "序号 项目名称 所在区市 总投资"
    assert lines[3] == "3 第3号智能制造项目 即墨区 15亿元"


def test_epaper_founder_layout():
    html = """<html><head><meta charset="gbk"><title>青岛日报数字报</title></head><body>
    <div class="nav">上一版 下一版 版面导航</div><founder-title>崂山区新签约项目9个</founder-title>
    <founder-content><p>本报讯 崂山区新签约项目9个，总投资86亿元。</p><p>其中总部项目3个。</p></founder-content>
    <div class="list">第01版 要闻 第02版 综合</div></body></html>"""
    doc = _read(html.encode("gbk"))
    assert doc.text == "本报讯 崂山区新签约项目9个，总投资86亿元。\n其中总部项目3个。"


def test_reprint_info_line_without_labels():
    html = """<html><head><meta charset="utf-8"><title>崂山区签约9个项目_某财经网</title>
    <meta name="ContentSource" content="某财经网"></head><body>
    <div class="header"><a href="/">首页</a> &gt; 正文</div>
    <div class="article"><h1>崂山区签约9个项目</h1>
    <div class="info">2024-03-16 08:42　来源：青岛日报　作者：王晓岚</div>
    <div class="text"><p>3月15日，崂山区集中签约项目9个，总投资86亿元，涵盖生物医药、数字经济等领域。</p>
    <p>其中，总部类项目3个，预计年营业收入超过30亿元，带动就业2000余人。</p></div></div>
    <div class="related"><ul><li><a href="/a/1.html">其他新闻标题</a><span class="date">2023-01-01</span></li></ul></div>
    </body></html>"""
    doc = _read(html.encode())
    assert (doc.published, doc.byline, doc.meta["source_name"]) == ("2024-03-16", "王晓岚", "青岛日报")
    assert "总投资86亿元" in doc.text and "其他新闻标题" not in doc.text


_WRAPPED = (
    "12 月 25 日，东宝区第八届人民代表大会第五次会议隆\n"
    "重开幕。区长代表区政府向大会作《政府工作报告》。\n"
    "2019 年成绩\n"
    "2019 年，全区预计实现地区生产总值 369 亿元，增长\n"
    "7.6%；规模以上工业增加值增长 5%；固定资产投资 316 亿\n"
    "元，增长 11.8%；社会消费品零售总额 226.2 亿元，增长\n"
    "11.4%。引进海太欧林办公家具、新欧鹏教育城等亿元以\n"
    "上项目 60 个，其中 10 亿元以上项目 5 个，被评为“全省\n"
    "投资和项目建设突出贡献单位”。\n"
    "  ——抓招商建项目，有效投资持续扩大。围绕电子信息、\n"
    "绿色建材和装配式建筑、现代服务业和现代农业，引进\n"
)


def test_hard_wrapped_lines_of_a_text_file_are_joined_into_paragraphs():
    doc = read_document(RawDocument(data=_WRAPPED.encode(), source="report.txt"))
    lines = doc.text.split("\n")
    assert (
        lines[0]
        == "12 月 25 日，东宝区第八届人民代表大会第五次会议隆重开幕。区长代表区政府向大会作《政府工作报告》。"
    )
    assert lines[1] == "2019 年成绩"  # a heading is a line of its own
    assert "固定资产投资 316 亿元，增长 11.8%" in lines[2] and "亿元以上项目 60 个" in lines[2]
    assert lines[2].endswith("突出贡献单位”。")
    assert lines[3].startswith("  ——抓招商建项目")  # an indented line opens a paragraph
    amounts = [a.text for a in extract(doc).amounts]
    assert "316 亿元" in amounts


@pytest.mark.parametrize(
    "text",
    [
        # lines of a WeChat-style post, each a phrase of its own width
        "大邑县重大项目集中开工仪式举行\n总投资127亿元\n10个项目开工\n涵盖多个领域\n注入新动能新活力\n" * 3,
        # paragraphs one per line, of any length
        "记者从市商务局获悉，今年以来全市新签约亿元以上项目85个，总投资达到526亿元，同比增长18%\n"
        "其中，先进制造业项目42个，总投资318亿元\n"
        "现代服务业项目31个，总投资156亿元，数字经济项目12个，总投资52亿元，均较上年明显增加\n"
        "下一步，全市将继续聚焦主导产业链，开展精准招商\n" * 2,
    ],
)
def test_lines_that_are_not_hard_wrapped_stay_as_written(text):
    assert read_document(RawDocument(data=text.encode(), source="post.txt")).text.rstrip("\n") == text.rstrip(
        "\n"
    )
