"""Write the sample .docx files in samples/ (python-docx).

- hefei_jingkai_signing_2024-06.docx: a news release with a table of signed projects
  (项目名称 / 投资主体 / 总投资 / 所在区).
- policy_chengdu_gaoxin_ic_2023.docx: the policy text of policy_texts.CHENGDU_POLICY.
Run: .venv/bin/python scripts/make_sample_docx.py
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
sys.path.insert(0, str(HERE))

HEFEI_TITLE = "合肥经开区上半年集中签约重大项目32个 总投资496亿元"
HEFEI_BEFORE_TABLE = [
    "来源：合肥经济技术开发区投资促进局　　发布时间：2024年6月28日",
    "6月27日，合肥经济技术开发区2024年上半年重大项目集中签约活动举行，32个项目集中签约，总投资496亿元，"
    "其中50亿元以上项目3个、10亿元以上项目14个，新能源汽车及零部件、集成电路、生物医药项目占比超过七成。",
    "签约项目中，皖辰新能源汽车部件（合肥）有限公司投资的一体化底盘及电驱系统生产基地项目总投资65亿元，"
    "是经开区今年招引的单体投资最大的项目；皖辰新能源汽车部件项目一期计划年内开工，2026年投产。"
    "合肥晶川半导体材料有限公司12英寸硅片扩产项目总投资52亿元，项目建成后，经开区硅片年产能将翻一番。",
    "部分重点签约项目如下：",
]
HEFEI_TABLE = [
    ("项目名称", "投资主体", "总投资", "所在区"),
    ("一体化底盘及电驱系统生产基地项目", "皖辰新能源汽车部件（合肥）有限公司", "65亿元", "合肥经开区"),
    ("12英寸硅片扩产项目", "合肥晶川半导体材料有限公司", "52亿元", "合肥经开区"),
    ("生物制剂CDMO基地项目", "安徽华研生物医药有限公司", "18.5亿元", "合肥经开区"),
    ("工业机器人区域总部项目", "德国库伯自动化集团", "6000万欧元", "合肥经开区"),
    ("汽车电子功率模块项目", "合肥芯动汽车电子有限公司", "8亿元", "合肥经开区"),
]
HEFEI_AFTER_TABLE = [
    "据统计，今年1—5月，合肥经开区新签约亿元以上项目78个，协议总投资812.4亿元，同比增长22.1%；"
    "新开工项目46个，实际使用外资3.2亿美元。",
    "经开区投资促进局负责人表示，将对签约项目实行全生命周期服务，推动项目“签约即供地、拿地即开工”，"
    "力争签约项目当年开工率达到70%以上。",
]


def _new_document(dated: str) -> Document:
    """`dated` (ISO date) replaces the template's 2013 creation date in the core properties."""
    doc = Document()
    doc.core_properties.created = doc.core_properties.modified = datetime.fromisoformat(dated)
    normal = doc.styles["Normal"]
    normal.font.name = "SimSun"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    normal.font.size = Pt(12)
    return doc


def _heading(doc: Document, text: str, size: int = 16) -> None:
    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run(text)
    run.bold = True
    run.font.size = Pt(size)


def write_hefei_signing(path: Path) -> None:
    doc = _new_document("2024-06-28")
    doc.core_properties.title = HEFEI_TITLE
    _heading(doc, HEFEI_TITLE)
    for text in HEFEI_BEFORE_TABLE:
        doc.add_paragraph(text)
    table = doc.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in HEFEI_TABLE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
    for text in HEFEI_AFTER_TABLE:
        doc.add_paragraph(text)
    doc.save(str(path))


def write_blocks(path: Path, blocks: list[tuple[str, str]], dated: str) -> None:
    doc = _new_document(dated)
    for kind, text in blocks:
        if kind == "title":
            _heading(doc, text, 16)
            doc.core_properties.title = text
        elif kind == "subtitle":
            _heading(doc, text, 14)
        elif kind == "meta":
            para = doc.add_paragraph(text)
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            doc.add_paragraph(text)
    doc.save(str(path))


def main(out_dir: Path = SAMPLES) -> None:
    from policy_texts import CHENGDU_POLICY

    outputs = {
        "hefei_jingkai_signing_2024-06.docx": lambda p: write_hefei_signing(p),
        "policy_chengdu_gaoxin_ic_2023.docx": lambda p: write_blocks(p, CHENGDU_POLICY, "2023-06-20"),
    }
    for name, write in outputs.items():
        write(out_dir / name)
        print(name, (out_dir / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
