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
    issuer_suffixes: tuple[str, ...]
    grant: tuple[str, ...]
    admin: tuple[str, ...]
    cap_cues: tuple[str, ...]
    fixed_cues: tuple[str, ...]
    kinds: dict[str, tuple[str, ...]]
    rate_words: dict[str, float]


@cache
def _words() -> _Words:
    raw = lang.data("policy_keywords")
    return _Words(
        title=tuple(raw["title_words"]),
        issuer_suffixes=tuple(raw["issuer_suffixes"]),
        grant=tuple(raw["grant_words"]),
        admin=tuple(raw["admin_words"]),
        cap_cues=tuple(sorted(raw["cap_cues"], key=len, reverse=True)),
        fixed_cues=tuple(raw["fixed_cues"]),
        kinds={kind: tuple(words) for kind, words in raw["kinds"].items()},
        rate_words={word: float(rate) for word, rate in raw["rate_words"].items()},
    )


_CN_NUM = "零〇一二两三四五六七八九十百"
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔［\[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*\d{1,4}\s*号")
# Article markers at the start of a line: 第一条 · 一、 · （一） · 1. / 1、
_ARTICLE = re.compile(
    rf"^[ \t\u3000]*(?:第[{_CN_NUM}\d]+条|[{_CN_NUM}]+[、．.]|[（(][{_CN_NUM}]+[）)]|\d{{1,2}}[、．.](?!\d))",
    re.MULTILINE,
)
_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2}|[二][〇零一二三四五六七八九]{3})\s*[年\-/.]\s*"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*[月\-/.]\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*日)?"
)
_LABELLED_DATE = {
    "written": re.compile(r"成文(?:日期|时间)\s*[：:]?\s*"),
    "published": re.compile(r"(?:发布|公开|印发)(?:日期|时间)\s*[：:]?\s*"),
}
_YEAR_END = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?:底|末|12月末)")
_VALID_RANGE = re.compile(
    r"(?:有效期|执行期|实施期|期限)[^。；\n]{0,6}?(?P<start>(?:19|20)\d{2}\s*年[^。；，,至到]{2,8})\s*(?:至|到|—|-|～|~)\s*"
    r"(?P<end>(?:19|20)\d{2}\s*年[^。；，,]{1,8})"
)
_PERCENT = re.compile(
    r"(\d+(?:\.\d+)?)\s*[%％]|百分之([零〇一二两三四五六七八九十百点]+)|千分之([零〇一二两三四五六七八九十点]+)|(\d+(?:\.\d+)?)\s*‰"
)
_VALID_UNTIL = re.compile(
    r"(?:有效期|执行期|实施期)?(?:至|到|截至)\s*(?P<date>[^，。；,\n]{6,16}?)(?:止|$|[，。；,\n])"
)
_VALID_YEARS = re.compile(r"有效期(?:为|暂定)?\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*年")
_VALID_FROM = re.compile(r"自\s*(?P<date>[^，。；,\n起]{6,16}?)\s*起(?:施行|实施|执行|生效)")
_VALID_FROM_ISSUE = re.compile(r"自(?:印发|发布|公布)之日起(?:施行|实施|执行|生效)")
_MIN_INVESTMENT = re.compile(
    r"投资(?:额|总额|规模)?\s*(?:在|达到|达|超过|不低于|不少于)?\s*(?P<amount>[\d.]+\s*[万亿]*元|[一二两三四五六七八九十百千]+[万亿]*元)"
    r"\s*(?:以上|及以上|\(含\)|（含）)?"
)
_INCLUDES_INVESTMENT_THRESHOLD = ("以上", "不低于", "不少于", "超过", "达到")


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
    if not ("关于印发" in head or any(word in head for word in title_words) or _DOC_NUMBER.search(head)):
        return False  # the cheap look: most news ends here
    return _has_policy_header(head) and len(_ARTICLE.findall(text)) >= 3


def _has_policy_header(head: str) -> bool:
    """A line of its own holds the document number, a 通知 title or a policy title — not a news sentence."""
    title_words = _words().title
    for line in _lines(head)[:80]:
        if len(line) > 100 or line.endswith(("。", "；", "！")):
            continue
        if re.search(r"发文字号|文\s*号", line) or _DOC_NUMBER.fullmatch(line):
            return True
        if line.endswith(("的通知", "的决定", *title_words)):
            return True
    return False


# --- header fields -------------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]


def _doc_number(text: str) -> str | None:
    labelled = re.search(r"(?:发文字号|文\s*号)\s*[：:]?\s*([^\s：:]{3,30}号)", text)
    if labelled:
        return labelled.group(1)
    found = _DOC_NUMBER.search(text[:3000])
    return re.sub(r"\s+", "", found.group(0)) if found else None


def _title(text: str) -> str | None:
    notice = re.search(r"关于印发\s*《(?P<title>[^》]{4,80})》", text[:3000])
    if notice:
        return notice.group("title")
    title_words = _words().title
    for line in _lines(text[:3000]):
        if len(line) <= 80 and line.endswith(title_words) and not line.startswith(("原", "《")):
            return line
    return None


def _issuer(text: str) -> str | None:
    labelled = re.search(r"(?:发文机关|发布机构|发文单位)\s*[：:]?\s*([^\s，。；：:]{2,40})", text)
    if labelled:
        return labelled.group(1)
    suffixes = lang.alternation(_words().issuer_suffixes)
    before_notice = re.search(rf"([\u4e00-\u9fff（）()]{{2,40}}(?:{suffixes}))\s*关于", text[:3000])
    if before_notice:
        return before_notice.group(1)
    standalone = re.compile(rf"^([\u4e00-\u9fff（）()]{{2,40}}(?:{suffixes}))(?:文件)?$")
    for line in _lines(text[:3000]):
        found = standalone.match(line)
        if found:
            return found.group(1)
    return None


def _district_of(issuer: str | None) -> str | None:
    """The place an issuer governs, as written: 青岛西海岸新区管理委员会 → 青岛西海岸新区."""
    if not issuer:
        return None
    governing = re.sub(r"(?:人民政府(?:办公厅|办公室)?|管理委员会|管委会|工作委员会)$", "", issuer)
    if governing != issuer:
        return governing or None
    place = re.match(r"^(.*(?:新区|开发区|示范区|实验区|合作区|园区|片区|区|县|市|州|盟|旗|省))", issuer)
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
    printed = re.search(r"(?P<date>\S{8,16}?)\s*印发\s*$", text.strip(), re.MULTILINE)
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
        if "有效期" in flat[max(0, until.start() - 12) : until.end()] or until.group(0).endswith("止"):
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
    first, sep, _ = body.partition("。")
    return first if sep and len(first) <= 20 else None


def _kind(body: str) -> str:
    kinds = _words().kinds
    heading = _heading(body)
    for scope in ([heading] if heading else []) + [body]:
        for kind, kind_words in kinds.items():
            if any(word in scope for word in kind_words):
                return kind
    return "other"


_CONDITION_START = re.compile(r"(?:对于|对|凡是|凡)")


def _condition(body: str) -> tuple[str | None, int]:
    """Who qualifies — the 对……的 part before the words that grant — and where it ends in `body`."""
    heading = _heading(body)
    offset = len(heading) + 1 if heading else 0
    sentence_end = body.find("。", offset)
    sentence = body[offset : sentence_end if sentence_end >= 0 else len(body)]
    opener = _CONDITION_START.match(sentence) or _CONDITION_START.search(sentence[:30])
    begin = opener.end() if opener else 0
    grant = re.compile(rf"按|{lang.alternation(_words().grant)}")
    parts, pos = [], begin
    for piece in re.split(r"(?<=[，,])", sentence[begin:]):
        granted = grant.search(piece)
        if granted:
            parts.append(piece[: granted.start()].strip("，, "))
            pos += granted.start()
            break
        parts.append(piece.strip("，, "))
        pos += len(piece)
    condition = "，".join(p for p in parts if p)
    if not opener and ("的" not in condition or len(condition) > 60):
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
    words = _words()
    amounts = _amounts(body)
    cap = re.compile(rf"(?:{lang.alternation(words.cap_cues)})+(?:奖励|补助|补贴|贴息|资助|为|可达)?\s*$")
    for start, _end, value in amounts:
        if cap.search(body[max(0, start - 12) : start]):
            return value
    fixed = re.compile(rf"(?:{lang.alternation(words.fixed_cues)})[^，。；,0-9]{{0,8}}$")
    for start, end, value in amounts:
        after = body[end : end + 3]
        if fixed.search(body[max(0, start - 12) : start]) and not after.startswith(
            ("以上", "以下", "及以上")
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
