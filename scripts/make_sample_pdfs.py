"""Write the sample PDFs in samples/ with a real Chinese text layer.

reportlab's built-in CID font STSong-Light needs no font file; pdfplumber reads the text back.
Run: .venv/bin/python scripts/make_sample_pdfs.py
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
sys.path.insert(0, str(HERE))
FONT = "STSong-Light"

# A document is a list of blocks: ("title"|"subtitle"|"meta"|"p", text) or ("pagebreak", "").
NINGYUAN_COMPLETED = [
    ("title", "宁远新能源青岛基地一期建成投产"),
    ("subtitle", "从签约到投产仅用21个月 西海岸新区新能源汽车产业链再添“硬核”支撑"),
    ("meta", "□青岛财经周刊记者 王晓岚　　2025年12月22日"),
    (
        "p",
        "本报讯　12月20日，位于青岛西海岸新区董家口经济区的宁远新能源（青岛）有限公司动力电池生产基地一期项目"
        "正式建成投产，首批储能电池模组顺利下线。该项目于2024年3月签约落户新区，同年6月开工建设，"
        "从签约到投产仅用了21个月。",
    ),
    (
        "p",
        "宁远新能源青岛基地项目总投资120亿元，此次投产的一期工程投资约60亿元，建成年产10GWh动力及储能电池"
        "生产线。宁远新能源科技股份有限公司总经理何振宇介绍，一期满产后可实现年产值约150亿元，"
        "二期工程计划于2026年上半年开工，全部建成后将形成年产20GWh的产能。",
    ),
    (
        "p",
        "“项目建设期间，新区为我们配备了专班，环评、能评、施工许可等手续实现并联审批。”何振宇说。"
        "目前，已有12家上下游配套企业跟随宁远新能源落户新区，其中青岛鑫材电池材料有限公司投资的正极材料项目"
        "总投资9.6亿元，计划明年投产。",
    ),
    ("pagebreak", ""),
    ("subtitle", "链接：西海岸新区2025年招商引资“成绩单”"),
    (
        "p",
        "2025年，青岛西海岸新区新签约亿元以上项目218个，总投资2150.3亿元，同比增长14.6%；"
        "新开工亿元以上项目176个，新投产项目93个；实际使用外资8.9亿美元，同比增长7.2%。",
    ),
    (
        "p",
        "重点项目方面：海纳智能港机装备产业园项目一期已于9月投产，总投资35亿元；"
        "康泽生物医药（青岛）有限公司创新药研发生产基地项目主体结构封顶，总投资28.6亿元；"
        "福克斯传动精密减速机项目于10月投产运营，投资1.2亿欧元。",
    ),
    (
        "p",
        "新区投资促进中心表示，2026年将继续聚焦新能源、高端装备、海洋经济等主导产业，"
        "力争新签约亿元以上项目230个以上，其中10亿元以上项目不少于40个。",
    ),
]

ZHENGZHOU_AIRPORT = [
    ("title", "郑州航空港区前四月签约项目总投资超600亿元"),
    ("meta", "□中原经济报记者 宋雅楠　　发布日期：2024年5月13日"),
    (
        "p",
        "本报讯　记者从郑州航空港经济综合实验区获悉，今年1—4月，航空港区新签约项目47个，总投资613.5亿元，"
        "同比增长28.4%；其中亿元以上项目41个，新开工项目23个，实际利用外资1.9亿美元。",
    ),
    (
        "p",
        "智能终端产业继续领跑。4月18日，豫航智能终端（郑州）有限公司智能手机及可穿戴设备生产基地项目签约落户"
        "航空港区，项目总投资80亿元，达产后年产智能终端产品5000万台。同月，郑州中原航空物流有限公司投资的"
        "航空冷链物流园项目开工，总投资约26亿元，建设冷库及航空货站约12万平方米。",
    ),
    (
        "p",
        "新能源汽车方面，河南驰远新能源汽车有限公司整车扩能项目已于3月投产，投资额约45亿元；"
        "卢森堡货航合作的跨境电商分拨中心项目投资3000万欧元，目前已进入试运营。",
    ),
]


def _styles() -> dict[str, ParagraphStyle]:
    base = {"fontName": FONT, "wordWrap": "CJK"}
    return {
        "title": ParagraphStyle("title", fontSize=18, leading=26, alignment=1, spaceAfter=6, **base),
        "subtitle": ParagraphStyle("subtitle", fontSize=12, leading=18, alignment=1, spaceAfter=6, **base),
        "meta": ParagraphStyle("meta", fontSize=10, leading=16, alignment=1, spaceAfter=10, **base),
        "p": ParagraphStyle("p", fontSize=11, leading=19, firstLineIndent=22, spaceAfter=6, **base),
    }


def write_pdf(path: Path, blocks: list[tuple[str, str]], *, title: str, dated: str) -> None:
    """`dated` (ISO date) becomes the PDF's creation date: reproducible files, and a date a reader may trust."""
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.fromisoformat(dated).replace(tzinfo=UTC).timestamp()))
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    styles = _styles()
    story = []
    for kind, text in blocks:
        if kind == "pagebreak":
            story.append(PageBreak())
        else:
            story.append(Paragraph(text, styles[kind]))
            story.append(Spacer(1, 2 * mm))
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title=title, leftMargin=22 * mm, rightMargin=22 * mm, topMargin=20 * mm
    )
    try:
        doc.build(story)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def main(out_dir: Path = SAMPLES) -> None:
    from policy_texts import HEFEI_POLICY  # beside this script

    outputs = [
        ("qingdao_xihaian_ningyuan_completed_2025-12.pdf", NINGYUAN_COMPLETED, "2025-12-22"),
        ("zhengzhou_airport_zone_2024-05.pdf", ZHENGZHOU_AIRPORT, "2024-05-13"),
        ("policy_hefei_jingkai_2024.pdf", HEFEI_POLICY, "2024-03-05"),
    ]
    for name, blocks, dated in outputs:
        write_pdf(out_dir / name, blocks, title=blocks[0][1], dated=dated)
        print(name, (out_dir / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
