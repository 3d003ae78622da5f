"""Publication dates and reporting periods.

`publication_date` gives the finest date a document tells ("2025-04-03", "2025-04" or "2025");
`dated_publication` gives it with where it came from (the `date_source`): the dateline the lead opens with,
else the source's metadata (page metadata, a crawl list's date, HTTP Last-Modified, the file name, as the
reader chose it), else a date at the head or under the signature of the text, else the years and months the
text speaks of; a dateline of only month and day takes its year from the metadata, the text or, last, the
import date.
`resolve_period` turns 一季度 / 上半年 / 去年 / 1—8月 / “十四五”期间 into ISO-like periods
("2025Q1", "2025H1", "2024", "2019-01/2019-08", "2021/2025") against that date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

import cn2an

from zhaoyin.extractors import lang
from zhaoyin.extractors.text import halfwidth, sentences

_DATA = lang.data("time_markers")
RELATIVE_YEARS: dict[str, int] = _DATA["relative_years"]
FUTURE_MARKERS: tuple[str, ...] = tuple(_DATA["future_markers"])
_PLAN_BASE: int = int(_DATA["five_year_plan_first_year_of_third"])

_CN = lang.chars("numerals")
_DASH = _DATA["dash"]
_YEAR_CHAR = _DATA["year"]
_PERIOD_FIRST = "".join(sorted({w[0] for w in RELATIVE_YEARS} | set(_DATA["period_openers"])))
_PERIOD = re.compile(lang.pattern("time_markers", "period", period_first=_PERIOD_FIRST))
_PLAN = re.compile(lang.pattern("time_markers", "plan"))
_ISO_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
# 16.07.2018  22:17: day first, as some pages print their time stamp (only so, before a time of day)
_DAY_FIRST_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?=\s+\d{1,2}:\d{2}(?!\d))"
)
_CN_DATE = re.compile(lang.pattern("time_markers", "chinese_date"))
_MONTH_DAY = re.compile(lang.pattern("time_markers", "month_day"))
_EVENT_YEAR = re.compile(lang.pattern("time_markers", "event_year"))
_BARE_YEAR = re.compile(lang.pattern("time_markers", "bare_year"))
_MONTH_RANGE = re.compile(lang.pattern("time_markers", "month_range"))
_FIRST_MONTHS = re.compile(lang.pattern("time_markers", "first_months"))
_MONTH = re.compile(lang.pattern("time_markers", "month"))
_YEAR_MONTH = re.compile(lang.pattern("time_markers", "year_month"))
_PART_OF_YEAR = re.compile(lang.pattern("time_markers", "part_of_year"))
_DAY_OR_MONTH_END = re.compile(lang.pattern("time_markers", "day_or_month_end"))
_FUTURE_YEAR_BEFORE = tuple(_DATA["future_year_before"])
_BASELINE_YEAR_BEFORE = tuple(_DATA["baseline_year_before"])
_BASELINE_YEAR_AFTER = tuple(_DATA["baseline_year_after"])
HISTORY_MARKERS = tuple(_DATA["history_markers"]["anywhere"] + _DATA["history_markers"]["before_a_year"])
_DEADLINE_AFTER = tuple(_DATA["deadline_after"])
_SCHEDULE_YEAR_BEFORE = re.compile(lang.pattern("time_markers", "schedule_year_before"))
_DATELINE_CREDIT = re.compile(lang.pattern("time_markers", "dateline_credit"))
_DATELINE_WIRE_BEFORE = re.compile(lang.pattern("time_markers", "dateline_wire_before"))
_DATELINE_AFTER = tuple(_DATA["dateline_after"])
_DATELINE_WIRE = tuple(_DATA["dateline_wire"])
_QUOTED = re.compile(lang.pattern("time_markers", "quoted"))
_WHOLE_YEAR_RESULTS = re.compile(lang.pattern("time_markers", "whole_year_results"))
_MONTH_DAY_ONLY = re.compile(lang.pattern("time_markers", "month_day_only"))
_VALIDITY_BEFORE = tuple(_DATA["validity_before"])
_VALIDITY_AFTER = tuple(_DATA["validity_after"])
# reader sources (Document.meta["published_from"]) that were read off the text itself, not the source
_TEXT_SOURCES = ("dateline", "text", "signature", "import-date")
# a report comes out within a few days of the day its dateline tells
_REPORTED_WITHIN_DAYS = 7
# a year's whole results are told after it ends; year-end reviews start in November
_YEAR_END_REVIEWS_FROM_MONTH = 11
_WHOLE_YEAR = tuple(_DATA["whole_year"])


def find_period_expressions(text: str) -> list[tuple[str, int, int]]:
    """Time expressions (今年一季度, 2024年, 1—8月, “十四五”期间, 3月15日) with their offsets."""
    view = halfwidth(text)
    found: list[tuple[str, int, int]] = []
    for m in _PERIOD.finditer(view):
        if m.group(0):
            found.append((text[m.start() : m.end()], m.start(), m.end()))
    for m in _PLAN.finditer(view):
        if _plan_number(m.group("quoted") or m.group("plain")) is not None:
            found.append((text[m.start() : m.end()], m.start(), m.end()))
    found.sort(key=lambda item: item[1])
    return found


def _plan_number(numeral: str | None) -> int | None:
    if not numeral:
        return None
    try:
        n = int(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None
    return n if 3 <= n <= 20 else None


def _published_parts(published: str | None) -> tuple[int | None, int | None]:
    if not published:
        return None, None
    m = re.match(r"(\d{4})(?:-(\d{1,2}))?", published)
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _small_number(token: str) -> int:
    return int(token) if token.isdigit() else int(cn2an.cn2an(token, "smart"))


@lru_cache(maxsize=4096)  # the same few expressions (今年, 1—8月) against the same dates
def resolve_period(expr: str, published: str | None) -> str | None:
    """An ISO-like period for a time expression, relative words resolved against `published`."""
    if not expr:
        return None
    view = halfwidth(expr)
    plan = _PLAN.fullmatch(view.strip())
    if plan and (n := _plan_number(plan.group("quoted") or plan.group("plain"))) is not None:
        first = _PLAN_BASE + 5 * (n - 3)
        return f"{first}/{first + 4}"
    m = next((m for m in _PERIOD.finditer(view) if m.group(0)), None)
    if m is None:
        return None
    pub_year, _ = _published_parts(published)
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("rel"):
        if pub_year is None:
            return None
        year = pub_year + RELATIVE_YEARS[m.group("rel")]
    else:
        year = pub_year
    if year is None:
        return None
    sub = m.group("sub")
    if not sub or sub in _WHOLE_YEAR:
        return str(year)
    return _resolve_sub(sub, year)


def _resolve_sub(sub: str, year: int) -> str | None:
    if sub.endswith(_DATA["quarter"]):
        n = _small_number(sub.removeprefix(_DATA["ordinal"]).removeprefix(_DATA["first_ones"])[0])
        if sub.startswith(_DATA["first_ones"]):
            return f"{year}-01/{year}-{3 * n:02d}"
        return f"{year}Q{n}"
    if sub in _DATA["half_years"]:
        return f"{year}{_DATA['half_years'][sub]}"
    months = _MONTH_RANGE.fullmatch(sub)
    if months:
        return f"{year}-{int(months.group(1)):02d}/{year}-{int(months.group(2)):02d}"
    first_months = _FIRST_MONTHS.fullmatch(sub)
    if first_months:
        return f"{year}-01/{year}-{_small_number(first_months.group(1)):02d}"
    month = _MONTH.match(sub)
    if month and 1 <= int(month.group(1)) <= 12:
        return f"{year}-{int(month.group(1)):02d}"
    return None


def _normalize_meta(value) -> str | None:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    text = halfwidth(str(value)).strip()
    for pattern in (_ISO_DATE, _CN_DATE):
        m = pattern.search(text)
        if m:
            parts = [m.group("y"), f"{int(m.group('m')):02d}"]
            if m.group("d"):
                parts.append(f"{int(m.group('d')):02d}")
            return "-".join(parts)
    m = _YEAR_MONTH.match(text)
    if m:
        return m.group(1) + (f"-{int(m.group(2)):02d}" if m.group(2) else "")
    return None


def _is_future(sentence: str) -> bool:
    unquoted = _QUOTED.sub("", sentence)
    return any(word in unquoted for word in FUTURE_MARKERS)


def _whole_year_told(view: str, year: int) -> bool:
    """Whether the text tells the results of the whole of `year` ("2024年，全市新签约项目242个")."""
    for sentence in sentences(view):
        for m in _WHOLE_YEAR_RESULTS.finditer(sentence.text):
            if int(m.group("y")) == year and not _is_future(sentence.text):
                return True
    return False


def publication_date(
    text: str, meta_published=None, *, meta_source: str | None = None, imported=None
) -> str | None:
    """The finest publication date known (see `dated_publication`)."""
    return dated_publication(text, meta_published, meta_source=meta_source, imported=imported)[0]


def dated_publication(
    text: str, meta_published=None, *, meta_source: str | None = None, imported=None
) -> tuple[str | None, str | None]:
    """The publication date and its source: "dateline" (a full date the lead opens with), "dateline+X" (a
    dateline of month and day, its year from X: the metadata's source, "text-head", "text" or "import-date"),
    the metadata's own source (`meta_source`, else "metadata"), "text-head" / "signature" (a full date at the
    top or under the signature), "text" (the years and months the text speaks of)."""
    view = halfwidth(text)
    metadata = None
    if meta_published and not str(meta_source or "").startswith(_TEXT_SOURCES):
        metadata = _normalize_meta(meta_published)
    meta_name = meta_source or "metadata"
    dateline = _dateline(view)
    written = _written_date(view)
    if dateline:
        found = _dated_by_dateline(view, dateline, [(metadata, meta_name), written or (None, None)], imported)
        if found:
            return found
    if metadata and len(metadata) == 10:
        return metadata, meta_name
    told = written or _told_in_text(view)
    if metadata:
        if told[0] and told[0].startswith(metadata) and len(told[0]) > len(metadata):
            return told  # the file name says 2024-05, the text which day of it
        return metadata, meta_name
    return told


def _told_in_text(view: str) -> tuple[str | None, str | None]:
    year = _text_year(view)
    if year is None:
        return None, None
    month = _text_month(view, year)
    return (f"{year}-{month:02d}" if month else str(year)), "text"


def _dated_by_dateline(
    view: str, dateline: tuple[int | None, int, int], known: list[tuple[str | None, str | None]], imported
) -> tuple[str, str] | None:
    """The dateline's date, its year from the first of `known` dates (metadata, a date written at the head)
    that has one, else from the text, else from the import date. A full `known` date up to a few days after
    the dateline is the day the report came out (the dateline tells the day of the event) and wins; one
    further on is a later repost's, which gives only the year."""
    year, month, day = dateline
    source = "dateline"
    if year is None:
        for value, name in known:
            year = _year_for(month, day, value)
            if year:
                source = f"dateline+{name}"
                break
    if year is None and (year := _text_year(view)):
        source = "dateline+text"
        if month < _YEAR_END_REVIEWS_FROM_MONTH and _whole_year_told(view, year):
            year += 1  # "4月15日 … 2024年，全市新签约项目242个": written in the year after
    if year is None and imported and (year := _year_for(month, day, _normalize_meta(imported))):
        source = "dateline+import-date"
    if year is None:
        return None
    try:
        lead = date(year, month, day)
    except ValueError:
        return None
    for value, name in known:
        if (
            value
            and len(value) == 10
            and 0 < (date.fromisoformat(value) - lead).days <= _REPORTED_WITHIN_DAYS
        ):
            return value, str(name)
    return lead.isoformat(), source


def _iso(year: int, month: int, day: int) -> str:
    return f"{year}-{month:02d}-{day:02d}"


def _year_for(month: int, day: int, known: str | None) -> int | None:
    """The year of a month and day written near `known` (a date at or after it): the year before when the
    day would fall after it ("12月30日" in a page of 2025-01-02)."""
    year, known_month = _published_parts(known)
    if year is None:
        return None
    known_day = int(known[8:10]) if known and len(known) >= 10 and known[8:10].isdigit() else 31
    if known_month is not None and (month, day) > (known_month, known_day):
        if _days_after(year, (known_month, known_day), (month, day)) <= _REPORTED_WITHIN_DAYS:
            return year  # 8月16日 in a page addressed 20100815: the page was set up the day before
        return year - 1
    return year


def _days_after(year: int, earlier: tuple[int, int], later: tuple[int, int]) -> int:
    try:
        return (date(year, *later) - date(year, *earlier)).days
    except ValueError:
        return _REPORTED_WITHIN_DAYS + 1


def _dateline(view: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of the date the lead opens with: at the start of its line, after a
    credit ("本报讯（记者 王明）5月8日，") or as a wire dateline ("新华社成都3月5日电")."""
    for line in view[:600].splitlines():
        found = _first_date(line)
        if found is None:
            if _is_paragraph(line):
                return None  # the lead has no dateline
            continue
        year, month, day, start, end = found
        before, after = line[:start], line[end:]
        wire = after.startswith(_DATELINE_WIRE) and _DATELINE_WIRE_BEFORE.match(before.strip())
        opens = _DATELINE_CREDIT.match(before) and (not after or after.startswith(_DATELINE_AFTER))
        if (wire or opens) and 1 <= month <= 12 and 1 <= day <= 31:
            return year, month, day
        if _is_paragraph(line):
            return None
    return None


def _is_paragraph(line: str) -> bool:
    return lang.chars("full_stop") in line or len(line.strip()) > 40


def _first_date(line: str) -> tuple[int | None, int, int, int, int] | None:
    found = []
    for pattern in (_CN_DATE, _ISO_DATE, _DAY_FIRST_DATE):
        m = pattern.search(line)
        if m and m.group("d"):
            found.append((int(m.group("y")), int(m.group("m")), int(m.group("d")), m.start(), m.end()))
    m = _MONTH_DAY_ONLY.search(line)
    if m:
        found.append((None, int(m.group("m")), int(m.group("d")), m.start(), m.end()))
    return min(found, key=lambda f: f[3]) if found else None


def _written_date(view: str) -> tuple[str, str] | None:
    """A full date near the top ("时间：2024-05-08") or on a short line of its own at the end (the signature
    of a release) — not one that says from or until when something holds ("有效期至2025年12月31日")."""
    tail_start = max(0, len(view.rstrip()) - 60)
    for offset, part, source in (
        (0, view[:300], "text-head"),
        (tail_start, view.rstrip()[-60:], "signature"),
    ):
        for pattern in (_CN_DATE, _ISO_DATE, _DAY_FIRST_DATE):
            for m in pattern.finditer(part):
                if not m.group("d") or _validity_date(part, m.start(), m.end()):
                    continue
                line = _line_around(view, offset + m.start(), offset + m.end())
                if source == "signature" and len(line.strip()) > 30:
                    continue
                if lang.chars("full_stop") in line:
                    continue  # 2022年11月28日，某线下线。: a date the body speaks of, not a date line
                try:
                    date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                except ValueError:
                    continue
                return _iso(int(m.group("y")), int(m.group("m")), int(m.group("d"))), source
    return None


def _validity_date(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 4) : start].endswith(_VALIDITY_BEFORE) or text[end:].lstrip().startswith(
        _VALIDITY_AFTER
    )


def _line_around(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]


def _text_year(view: str) -> int | None:
    """The year the report is written in: the latest year it speaks of, not counting targets
    ("至2027年"); one later when that year is only looked back on as a finished year of results."""
    years: list[int] = []
    for sentence in sentences(view):
        for m in _BARE_YEAR.finditer(sentence.text):
            before = sentence.text[: m.start()]
            if before.endswith(_FUTURE_YEAR_BEFORE) or _is_future(before):
                continue  # a target or plan: "至2027年", "计划2025年3月开工"
            if before.endswith(HISTORY_MARKERS):
                continue  # looking back: "继2015年落户园区后", "成立于2010年"
            if _SCHEDULE_YEAR_BEFORE.search(before):
                continue  # a plan's schedule: "第三年（2024年）完成销售额5亿元"
            if sentence.text.startswith(_DEADLINE_AFTER, m.end()):
                continue  # "2025年底前实现投产"
            if before.endswith(_BASELINE_YEAR_BEFORE) and sentence.text.startswith(
                _BASELINE_YEAR_AFTER, m.end()
            ):
                years.append(int(m.group("y")) + 1)  # "比2020年同期增加": the figures are the next year's
                continue
            years.append(int(m.group("y")))
    if not years:  # an event named with its year (2025成都全球投资促进大会) is held in the report's year
        years = [int(m.group("y")) for m in _EVENT_YEAR.finditer(view)]
    if not years:
        return None
    year = max(years)
    if _DATA["last_year"] in view and _looks_back_on(view, year):
        year += 1
    return year


def _looks_back_on(view: str, year: int) -> bool:
    """Whether `year` appears as a finished year of results ("2024年，全市…同比增长…")."""
    for sentence in sentences(view):
        written = f"{year}{_YEAR_CHAR}"
        if written not in sentence.text or _is_future(sentence.text):
            continue
        after = sentence.text.split(written, 1)[1]
        if after[:1] in _DATA["results_after_year"] and _DATA["year_on_year"] in sentence.text:
            return True
    return False


def _text_month(view: str, year: int) -> int | None:
    """The latest month the report speaks of as past: dates, and reporting periods already over."""
    months: list[int] = []
    for sentence in sentences(view):
        if _is_future(sentence.text):
            continue
        for m in _CN_DATE.finditer(sentence.text):
            if int(m.group("y")) == year:
                months.append(int(m.group("m")))
        for m in _MONTH_DAY.finditer(sentence.text):
            months.append(int(m.group("m")))
        for expr, start, end in find_period_expressions(sentence.text):
            if not _reported_as_over(sentence.text, start, end):
                continue
            period = resolve_period(expr, str(year))
            if period and period.startswith(str(year)) and _PART_OF_YEAR.search(expr):
                last = _period_end_month(period)
                if last and not _DAY_OR_MONTH_END.search(expr):
                    months.append(min(12, last + 1))
    months = [m for m in months if 1 <= m <= 12]
    return max(months) if months else None


def _reported_as_over(sentence: str, start: int, end: int) -> bool:
    """A period whose results are being reported: "今年一季度，全市…", "刚刚过去的一季度" — not a
    period named inside an event ("2024年一季度重点项目集中签约")."""
    return sentence.startswith(tuple(_DATA["reported_over_after"]), end) or sentence[:start].endswith(
        tuple(_DATA["reported_over_before"])
    )


def _period_end_month(period: str) -> int | None:
    if m := re.search(r"Q(\d)$", period):
        return 3 * int(m.group(1))
    if m := re.search(r"H(\d)$", period):
        return 6 * int(m.group(1))
    if m := re.search(r"-(\d\d)$", period):
        return int(m.group(1))
    return None
