"""Policy documents (招商引资优惠政策, 若干措施, 实施细则 …) as records.

`find_policies(text)` recognises a policy by its form — a document number (青政发〔2024〕5号), a policy
title or a 关于印发…的通知, and numbered articles (第一条 / 一、 / （一）) — and returns one `Policy` with its
issuer, dates, validity period, the district its issuer governs, and one `PolicyIncentive` per numbered
clause that grants something. Ordinary news gives [] after a cheap look. Keyword lists live in
extractors/lang/policy_keywords.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import cn2an

from zhaoyin.extractors import lang
from zhaoyin.extractors.amounts import find_amounts
from zhaoyin.schemas import Policy, PolicyIncentive


@dataclass(frozen=True)
class _Words:
    title: tuple[str, ...]
    grant: tuple[str, ...]
    admin: tuple[str, ...]
    kinds: dict[str, tuple[str, ...]]
    rate_words: dict[str, float]


@cache
def _words() -> _Words:
    raw = lang.data("policy_keywords")
    return _Words(
        title=tuple(raw["title_words"]),
        grant=tuple(raw["grant_words"]),
        admin=tuple(raw["admin_words"]),
        kinds={kind: tuple(words) for kind, words in raw["kinds"].items()},
        rate_words={word: float(rate) for word, rate in raw["rate_words"].items()},
    )


_KW = lang.data("policy_keywords")


@cache
def _pattern(key: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(lang.pattern("policy_keywords", key), flags)


_DOC_NUMBER = _pattern("doc_number")
_DOC_NUMBER_LABEL = _pattern("doc_number_label")
_ARTICLE = _pattern("article", re.MULTILINE)
_YEAR_DIGITS = str.maketrans(_KW["year_digits"]["from"], _KW["year_digits"]["to"])
_DATE = _pattern("date")
_LABELLED_DATE = {"written": _pattern("written_label"), "published": _pattern("published_label")}
_PRINTED_DATE = _pattern("printed_date", re.MULTILINE)
_YEAR_END = _pattern("year_end")
_VALID_RANGE = _pattern("valid_range")
_PERCENT = _pattern("percent")
_VALID_UNTIL = _pattern("valid_until")
_VALID_YEARS = _pattern("valid_years")
_VALID_FROM = _pattern("valid_from")
_VALID_FROM_ISSUE = _pattern("valid_from_issue")
_MIN_INVESTMENT = _pattern("min_investment")
_INCLUDES_INVESTMENT_THRESHOLD = tuple(_KW["includes_investment_threshold"])


def find_policies(text: str) -> list[Policy]:
    """The policy a document states, or [] when it is not a policy document."""
    if not text or not _looks_like_policy(text):
        return []
    issuer = _issuer(text)
    written = _labelled_date(text, "written") or _signature_date(text)
    published = _labelled_date(text, "published") or _printed_date(text)
    valid_from, valid_to = _validity(text, written or published)
    return [
        Policy(
            title=_title(text),
            issuer=issuer,
            doc_number=_doc_number(text),
            written=written,
            published=published,
            valid_from=valid_from,
            valid_to=valid_to,
            district=_district_of(issuer),
            incentives=_incentives(text),
        )
    ]


def _looks_like_policy(text: str) -> bool:
    head = text[:3000]
    title_words = _words().title
    if not (
        _KW["notice_opening"] in head or any(word in head for word in title_words) or _DOC_NUMBER.search(head)
    ):
        return False  # the cheap look: most news ends here
    return _has_policy_header(head) and len(_ARTICLE.findall(text)) >= 3


def _has_policy_header(head: str) -> bool:
    """A line of its own holds the document number, a 通知 title or a policy title — not a news sentence."""
    title_words = _words().title
    for line in _lines(head)[:80]:
        if len(line) > 100 or line.endswith(tuple(_KW["header_never_ends"])):
            continue
        if _DOC_NUMBER_LABEL.search(line) or _DOC_NUMBER.fullmatch(line):
            return True
        if line.endswith((*_KW["notice_endings"], *title_words)):
            return True
    return False


# --- header fields -------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]


def _doc_number(text: str) -> str | None:
    labelled = _pattern("labelled_doc_number").search(text)
    if labelled:
        return labelled.group(1)
    found = _DOC_NUMBER.search(text[:3000])
    return re.sub(r"\s+", "", found.group(0)) if found else None


def _title(text: str) -> str | None:
    notice = _pattern("notice_title").search(text[:3000])
    if notice:
        return notice.group("title")
    title_words = _words().title
    for line in _lines(text[:3000]):
        if (
            len(line) <= 80
            and line.endswith(title_words)
            and not line.startswith(tuple(_KW["title_never_starts"]))
        ):
            return line
    return None


def _issuer(text: str) -> str | None:
    labelled = _pattern("issuer_label").search(text)
    if labelled:
        return labelled.group(1)
    before_notice = _pattern("issuer_before_notice").search(text[:3000])
    if before_notice:
        return before_notice.group(1)
    standalone = _pattern("issuer_line")
    for line in _lines(text[:3000]):
        found = standalone.match(line)
        if found:
            return found.group(1)
    return None


def _district_of(issuer: str | None) -> str | None:
    """The place an issuer governs, as written: 青岛西海岸新区管理委员会 → 青岛西海岸新区."""
    if not issuer:
        return None
    governing = _pattern("governing_body").sub("", issuer)
    if governing != issuer:
        return governing or None
    place = _pattern("governed_place").match(issuer)
    return place.group(1) if place else None


# --- dates and validity --------------------------------------------------------------------------------


def _chinese_number(numeral: str) -> float | None:
    try:
        return float(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def _small_number(token: str) -> int:
    if token.isdigit():
        return int(token)
    value = _chinese_number(token)
    if value is None:
        raise ValueError(token)
    return int(value)


def _iso_date(expr: str) -> str | None:
    found = _DATE.search(expr)
    if not found:
        year_end = _YEAR_END.search(expr)
        return f"{year_end.group('y')}-12-31" if year_end else None
    try:
        year = int(found.group("y").translate(_YEAR_DIGITS))
        return date(year, _small_number(found.group("m")), _small_number(found.group("d"))).isoformat()
    except ValueError:
        return None


def _labelled_date(text: str, which: str) -> str | None:
    label = _LABELLED_DATE[which].search(text)
    return _iso_date(text[label.end() : label.end() + 20]) if label else None


def _signature_date(text: str) -> str | None:
    """成文日期: the date standing alone on a line, normally under the issuer's signature."""
    for line in _lines(text):
        found = _DATE.fullmatch(line)
        if found:
            return _iso_date(line)
    return None


def _printed_date(text: str) -> str | None:
    printed = _PRINTED_DATE.search(text.strip())
    return _iso_date(printed.group("date")) if printed else None


def _validity(text: str, issued: str | None) -> tuple[str | None, str | None]:
    flat = _flatten(text)
    valid_from = None
    starts = _VALID_FROM.search(flat)
    if starts:
        valid_from = _iso_date(starts.group("date"))
    elif _VALID_FROM_ISSUE.search(flat):
        valid_from = issued
    valid_to = None
    span = _VALID_RANGE.search(flat)
    if span:
        valid_from = valid_from or _iso_date(span.group("start"))
        valid_to = _iso_date(span.group("end"))
    for until in [] if valid_to else _VALID_UNTIL.finditer(flat):
        labelled = _KW["validity_word"] in flat[max(0, until.start() - 12) : until.end()]
        if labelled or until.group(0).endswith(_KW["until_closer"]):
            valid_to = _iso_date(until.group("date"))
            if valid_to:
                break
    if valid_to is None:
        years = _VALID_YEARS.search(flat)
        if years and valid_from:
            start = date.fromisoformat(valid_from)
            n = _small_number(years.group("n"))
            try:
                anniversary = start.replace(year=start.year + n)
            except ValueError:  # from 02-29 into a common year
                anniversary = date(start.year + n, 3, 1)
            valid_to = (anniversary - timedelta(days=1)).isoformat()
    return valid_from, valid_to


def _flatten(text: str) -> str:
    """Lines rejoined: a PDF wraps sentences at the page width."""
    return re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "", text)


# --- incentives ----------------------------------------------------------------------------------------


def _articles(text: str) -> list[tuple[int, int]]:
    """Spans from each article marker to the next one (or the end of the text)."""
    starts = [
        m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000")) for m in _ARTICLE.finditer(text)
    ]
    return [(start, starts[i + 1] if i + 1 < len(starts) else len(text)) for i, start in enumerate(starts)]


def _incentives(text: str) -> list[PolicyIncentive]:
    words = _words()
    out = []
    for start, end in _articles(text):
        raw = text[start:end].rstrip()
        clause = _flatten(raw)
        body = _ARTICLE.sub("", clause, count=1).strip()
        if any(word in body for word in words.admin) or not any(word in body for word in words.grant):
            continue
        condition, condition_end = _condition(body)
        out.append(
            PolicyIncentive(
                clause=clause,
                kind=_kind(body),
                amount_yuan=_granted_amount(body),
                rate=_rate(body[condition_end:]),
                condition=condition,
                min_investment_yuan=_min_investment(condition),
                start=start,
                end=start + len(raw),
            )
        )
    return out


def _heading(body: str) -> str | None:
    first, sep, _ = body.partition(lang.chars("full_stop"))
    return first if sep and len(first) <= 20 else None


def _kind(body: str) -> str:
    kinds = _words().kinds
    heading = _heading(body)
    for scope in ([heading] if heading else []) + [body]:
        for kind, kind_words in kinds.items():
            if any(word in scope for word in kind_words):
                return kind
    return "other"


_CONDITION_START = _pattern("condition_start")


def _condition(body: str) -> tuple[str | None, int]:
    """Who qualifies — the 对……的 part before the words that grant — and where it ends in `body`."""
    heading = _heading(body)
    offset = len(heading) + 1 if heading else 0
    sentence_end = body.find(lang.chars("full_stop"), offset)
    sentence = body[offset : sentence_end if sentence_end >= 0 else len(body)]
    opener = _CONDITION_START.match(sentence) or _CONDITION_START.search(sentence[:30])
    begin = opener.end() if opener else 0
    grant = _pattern("grant")
    parts, pos = [], begin
    trim = _KW["condition_trim"]
    for piece in _pattern("after_comma").split(sentence[begin:]):
        granted = grant.search(piece)
        if granted:
            parts.append(piece[: granted.start()].strip(trim))
            pos += granted.start()
            break
        parts.append(piece.strip(trim))
        pos += len(piece)
    condition = _KW["condition_joiner"].join(p for p in parts if p)
    if not opener and (_KW["condition_marker"] not in condition or len(condition) > 60):
        return None, offset  # without 对/凡 only a "…的企业/项目" phrase names who qualifies
    return (condition or None), offset + pos


def _amounts(text: str) -> list[tuple[int, int, float]]:
    """(start, end, yuan) of every CNY amount."""
    return [
        (a.start, a.end, a.value)
        for a in find_amounts(text)
        if a.currency == "CNY" and a.start is not None and a.end is not None
    ]


def _granted_amount(body: str) -> float | None:
    """A cap (最高…/不超过…) or, failing that, a fixed sum (给予…200万元); never a threshold (…以上的)."""
    amounts = _amounts(body)
    cap = _pattern("cap")
    for start, _end, value in amounts:
        if cap.search(body[max(0, start - 12) : start]):
            return value
    fixed = _pattern("fixed")
    for start, end, value in amounts:
        after = body[end : end + 3]
        if fixed.search(body[max(0, start - 12) : start]) and not after.startswith(
            tuple(_KW["threshold_after"])
        ):
            return value
    return None


def _rate(text: str) -> float | None:
    found = _PERCENT.search(text)
    if not found:
        return next((rate for word, rate in _words().rate_words.items() if word in text), None)
    percent, cn_percent, cn_permille, permille = found.groups()
    if percent:
        return round(float(percent) / 100, 6)
    if permille:
        return round(float(permille) / 1000, 6)
    value = _chinese_number(cn_percent or cn_permille)
    if value is None:
        return None
    return round(value / (100 if cn_percent else 1000), 6)


def _min_investment(condition: str | None) -> float | None:
    if not condition:
        return None
    found = _MIN_INVESTMENT.search(condition)
    if not found or not any(word in condition[found.start() :] for word in _INCLUDES_INVESTMENT_THRESHOLD):
        return None
    amounts = _amounts(found.group("amount"))
    return amounts[0][2] if amounts else None
