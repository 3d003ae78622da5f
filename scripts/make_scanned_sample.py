"""Write samples/scanned_jiaozhou_shanghe_2024-09.pdf: a "scanned" newspaper clipping, image only (no text layer).

The text is drawn with a CJK TrueType font found at run time (install one with
`apt-get install -y fonts-wqy-microhei`), slightly rotated and speckled like a scan, and saved as a
one-page image PDF with Pillow. Readers need OCR to get the text back.
Run: .venv/bin/python scripts/make_scanned_sample.py
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NAME = "scanned_jiaozhou_shanghe_2024-09.pdf"
DPI = 150
PAGE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 110
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
]

TITLE = "上合示范区签约8个重点项目 总投资136亿元"
BYLINE = "□本报记者 韩丽娜　2024年9月20日"
PARAGRAPHS = [
    "本报讯　9月19日，中国—上海合作组织地方经贸合作示范区（简称上合示范区）在胶州市举行重点项目签约仪式，"
    "8个项目集中签约，总投资136亿元，涉及国际物流、跨境贸易、高端装备等领域。",
    "其中，青岛丝路联运供应链有限公司投资的中亚班列集结中心项目总投资32亿元，将建设集装箱堆场和海关监管作业场所；"
    "胶州湾智能制造有限公司投资的智能农机装备产业园项目总投资25亿元，计划明年一季度开工。",
    "今年1—8月，胶州市新签约亿元以上项目67个，总投资503.2亿元，同比增长17.5%；实际使用外资1.4亿美元。",
]


def find_cjk_font() -> str:
    for path in FONT_CANDIDATES:
        if Path(path).is_file():
            return path
    found = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False)
    for line in found.stdout.splitlines():
        path = line.split(":")[0].strip()
        if path:
            return path
    raise SystemExit("no CJK font found: apt-get install -y fonts-wqy-microhei")


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines, line = [], ""
    for char in text:
        if font.getlength(line + char) > width:
            lines.append(line)
            line = char
        else:
            line += char
    return [*lines, line] if line else lines


def render() -> Image.Image:
    font_path = find_cjk_font()
    title_font = ImageFont.truetype(font_path, 44)
    meta_font = ImageFont.truetype(font_path, 26)
    body_font = ImageFont.truetype(font_path, 32)
    page = Image.new("L", PAGE, 250)
    draw = ImageDraw.Draw(page)
    width = PAGE[0] - 2 * MARGIN
    y = MARGIN
    for line in wrap(TITLE, title_font, width):
        draw.text((MARGIN, y), line, font=title_font, fill=20)
        y += 66
    draw.text((MARGIN, y + 6), BYLINE, font=meta_font, fill=40)
    y += 70
    for paragraph in PARAGRAPHS:
        for line in wrap("\u3000\u3000" + paragraph, body_font, width):
            draw.text((MARGIN, y), line, font=body_font, fill=25)
            y += 50
        y += 16
    rng = random.Random(20240920)
    for _ in range(1500):  # scanner dust
        x, y_dot = rng.randrange(PAGE[0]), rng.randrange(PAGE[1])
        draw.point((x, y_dot), fill=rng.randrange(120, 200))
    return page.rotate(0.6, resample=Image.Resampling.BICUBIC, fillcolor=250)


def main(out_dir: Path = SAMPLES) -> None:
    out = out_dir / NAME
    render().save(out, "PDF", resolution=DPI)
    print(out.name, out.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
