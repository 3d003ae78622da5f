"""Metadata found in page text: labelled dates and sources, bylines, titles. Layout data in extractors/lang/page_layout.yaml."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from zhaoyin.extractors import lang

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.年]\s*(?P<m>\d{1,2})\s*(?:[-/.月]\s*(?P<d>\d{1,2})\s*日?)?|(?P<m2>\d{2})(?P<d2>\d{2}))"
)
_MAX_TITLE_CHARS = 80


def layout() -> dict[str, Any]:
    return lang.data("page_layout")


def parse_date(value: str | None) -> str | None:
    """The first plausible date in `value` as ISO: 'YYYY-MM-DD', or 'YYYY-MM' when the day is missing."""
    if not value:
        return None
    value = value.translate(_FULLWIDTH_DIGITS)
    for m in _DATE.finditer(value):
        year = int(m.group("y"))
        month = m.group("m") or m.group("m2")
        day = m.group("d") or m.group("d2")
        if month is None:
            continue
        try:
            if day is not None:
                d = date(year, int(month), int(day))
            else:
                d = date(year, int(month), 1)
        except ValueError:
            continue
        if d.year > datetime.now().year + 1:
            continue
        return d.isoformat() if day is not None else d.isoformat()[:7]
    return None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:")


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = layout()
    date_labels = "|".join(sorted(map(re.escape, cfg["date_labels"]), key=len, reverse=True))
    source_labels = "|".join(sorted(map(re.escape, cfg["source_labels"]), key=len, reverse=True))
    # a label starts a line or a field of a header line ("发布时间：… 来源：…"), not "签约时间：" in prose
    field_start = r"(?:^|(?<=[\s|｜丨【\[（(*_]))"
    date_re = re.compile(rf"{field_start}(?:{date_labels})\s*[:：]\s*([^\n]{{6,40}})", re.M)
    source_re = re.compile(
        rf"{field_start}(?:{source_labels})\s*[:：]\s*([^\s|｜丨/，,。】\])）)]{{2,30}})", re.M
    )
    return date_re, source_re


def labelled_date(text: str, *, window: int = 3000) -> str | None:
    """A date introduced by a label like "发布时间：" near the top of the text."""
    date_re, _ = _label_patterns()
    for m in date_re.finditer(text[:window]):
        found = parse_date(m.group(1))
        if found:
            return found
    return None


def labelled_source(text: str, *, window: int = 3000) -> str | None:
    """The outlet named after "来源：" near the top of the text."""
    _, source_re = _label_patterns()
    m = source_re.search(text[:window])
    if not m:
        return None
    return re.split(r"\s{2,}|发布|时间|日期|作者|编辑|浏览", m.group(1))[0].strip() or None


@lru_cache(maxsize=1)
def _author_pattern() -> re.Pattern[str]:
    labels = "|".join(sorted(set(map(re.escape, layout()["author_labels"])), key=len, reverse=True))
    return re.compile(
        rf"(?:^|(?<=[\s|｜丨【\[（(]))(?:{labels})\s*[:：]\s*([^\s|｜丨/，,。：:】\])）)]{{2,20}}(?: [^\s|｜丨/，,。：:】\])）)]{{2,4}})*)",
        re.M,
    )


def labelled_author(text: str, *, window: int = 3000) -> str | None:
    """The name after "作者：" / "记者：" in a page's info line."""
    m = _author_pattern().search(text[:window])
    return m.group(1).strip() if m else None


@lru_cache(maxsize=1)
def _byline_pattern() -> re.Pattern[str]:
    cfg = layout()
    markers = "".join(map(re.escape, cfg["byline_markers"]))
    roles = "|".join(sorted(map(re.escape, cfg["byline_roles"]), key=len, reverse=True))
    return re.compile(rf"^\s*(?:[{markers}]\s*\S.{{0,60}}|[^\n。]{{0,30}}(?:{roles})[^\n。]{{0,60}})$", re.M)


_CREDIT = re.compile(
    r"[讯訊][】\]]?\s*[（(]?\s*((?:本报|本報)?(?:记者|記者|通讯员|通訊員)[^）)，,。：:；;\n]{1,40})"
)


def find_byline(text: str, *, window: int = 2000) -> str | None:
    """A newspaper byline near the top: a line like "□青岛日报/观海新闻记者 刘兰星" or "本报记者 王明",
    else the credit of a dateline lead: "本报讯（记者 谭湘宁 通讯员 罗一帆）" → "记者 谭湘宁 通讯员 罗一帆"."""
    head = text[:window]
    for m in _byline_pattern().finditer(head):
        line = m.group(0).strip().strip("*_").strip()
        if len(line) <= 80 and "，" not in line and not line.endswith(("。", "！", "？")):
            return line
    m = _CREDIT.search(head)
    if m:
        return re.sub(r"(报道|報道)$", "", m.group(1).strip()).strip() or None
    return None


def title_line(text: str) -> str | None:
    """The first non-empty short line (markdown heading marks removed)."""
    for line in text.splitlines()[:40]:
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        if len(line) <= _MAX_TITLE_CHARS:
            return line
        return None
    return None
