"""Metadata found in page text: labelled dates and sources, bylines, titles. Layout data in extractors/lang/page_layout.yaml."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from zhaoyin.extractors import lang

_DATE = re.compile(lang.pattern("page_layout", "date"))
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


_FULLWIDTH_DIGITS = str.maketrans(
    lang.data("page_layout")["fullwidth_date_chars"]["from"],
    lang.data("page_layout")["fullwidth_date_chars"]["to"],
)


@lru_cache(maxsize=1)
def _label_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = layout()
    date_labels = "|".join(sorted(map(re.escape, cfg["date_labels"]), key=len, reverse=True))
    source_labels = "|".join(sorted(map(re.escape, cfg["source_labels"]), key=len, reverse=True))
    date_re = re.compile(lang.pattern("page_layout", "date_label", date_labels=date_labels), re.M)
    source_re = re.compile(lang.pattern("page_layout", "source_label", source_labels=source_labels), re.M)
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
    return re.split(lang.pattern("page_layout", "source_end"), m.group(1))[0].strip() or None


@lru_cache(maxsize=1)
def _author_pattern() -> re.Pattern[str]:
    labels = "|".join(sorted(set(map(re.escape, layout()["author_labels"])), key=len, reverse=True))
    return re.compile(lang.pattern("page_layout", "author_label", author_labels=labels), re.M)


def labelled_author(text: str, *, window: int = 3000) -> str | None:
    """The name after "作者：" / "记者：" in a page's info line."""
    m = _author_pattern().search(text[:window])
    return m.group(1).strip() if m else None


@lru_cache(maxsize=1)
def _byline_pattern() -> re.Pattern[str]:
    cfg = layout()
    markers = "".join(map(re.escape, cfg["byline_markers"]))
    roles = "|".join(sorted(map(re.escape, cfg["byline_roles"]), key=len, reverse=True))
    return re.compile(lang.pattern("page_layout", "byline", byline_markers=markers, byline_roles=roles), re.M)


_CREDIT = re.compile(lang.pattern("page_layout", "credit"))
_CREDIT_TRAILER = re.compile(lang.pattern("page_layout", "credit_trailer"))


def find_byline(text: str, *, window: int = 2000) -> str | None:
    """A newspaper byline near the top: a line like "□青岛日报/观海新闻记者 刘兰星" or "本报记者 王明",
    else the credit of a dateline lead: "本报讯（记者 谭湘宁 通讯员 罗一帆）" → "记者 谭湘宁 通讯员 罗一帆"."""
    head = text[:window]
    for m in _byline_pattern().finditer(head):
        line = m.group(0).strip().strip("*_").strip()
        never_holds, never_ends = layout()["byline_never_holds"], tuple(layout()["byline_never_ends"])
        if len(line) <= 80 and never_holds not in line and not line.endswith(never_ends):
            return line
    m = _CREDIT.search(head)
    if m:
        return _CREDIT_TRAILER.sub("", m.group(1).strip()).strip() or None
    return None


def named_outlet(text: str, *, window: int = 600) -> str | None:
    """The newspaper, agency or site a text names as its own near the top: the dateline lead "大众日报讯",
    "新华社北京3月5日电", or a byline "新华日报记者 沈嘉怡" — never "本报讯", which names no one."""
    never = set(layout()["outlet_never"])
    for m in _outlet_pattern().finditer(text[:window]):
        if m.group("outlet") not in never:
            return m.group("outlet")
    return None


@lru_cache(maxsize=1)
def _outlet_pattern() -> re.Pattern[str]:
    return re.compile(lang.pattern("page_layout", "outlet"), re.M)


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
