"""HTML pages → Document: main text with paragraph breaks, title, publication date, byline, outlet.

Tuned for Chinese government release pages (TRS and similar CMSs: `#zoom`, `.TRS_Editor`, `<meta
name="PubDate">`, "发布时间：…  来源：…") and newspaper sites (bylines like "□青岛日报/观海新闻记者 …").
Crawl specs may pass CSS selectors in `RawDocument.meta["selectors"]` (keys title, date, body); they win.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from zhaoyin.extractors.readers.encoding import decode_text
from zhaoyin.extractors.readers.limits import Budgets, over_budget
from zhaoyin.extractors.readers.metadata import (
    find_byline,
    labelled_author,
    labelled_date,
    labelled_source,
    layout,
    parse_date,
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
_DROPPED = re.compile(r"<(script|style|noscript|template|iframe|svg)\b|<!--", re.IGNORECASE)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')
_BLOCK_TAGS = (
    "p,div,br,li,h1,h2,h3,h4,h5,h6,section,article,header,footer,blockquote,pre,ul,ol,dl,dt,dd,table,tr,"
    "caption,figcaption,hr,form,center,address"
)
_PARA = "\u2029"  # paragraph marker inserted after block elements, turned into "\n" at the end
_WS = re.compile(r"[ \t\r\n\f\v\xa0]+")
# A line break in the HTML source between two Han characters is layout, not a space.
_HAN_WRAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\f\v]*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")  # [^<>]: an unclosed "<a" never rescans the page
# Elements that never hold children, and those whose end tag the parser implies (a new <p> closes the last)
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split()
)
_IMPLIED_END = frozenset(
    "p li dt dd tr td th option optgroup rb rt rp thead tbody tfoot colgroup caption".split()
)
_MIN_BODY_HAN = 30  # for trafilatura's guess; a known CMS body container needs less
_MIN_SELECTED_HAN = 10


def declared_charset(
    data: bytes, meta: dict[str, Any] | None = None, content_type: str | None = None
) -> str | None:
    """Charset from the HTTP Content-Type (crawl meta or media type hint), else the page's <meta charset>."""
    meta = meta or {}
    headers = {str(k).lower(): str(v) for k, v in (meta.get("headers") or {}).items()}
    http = meta.get("http") if isinstance(meta.get("http"), dict) else {}
    if meta.get("charset"):
        return str(meta["charset"])
    for value in (
        headers.get("content-type"),
        http.get("content_type"),
        meta.get("content_type"),
        content_type,
    ):
        m = _HEADER_CHARSET.search(str(value or ""))
        if m:
            return m.group(1)
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "ignore") if m else None


def strip_inert_elements(html: str) -> str:
    """Remove scripts, styles and comments in one linear pass (megabytes of <script> cost nothing)."""
    lower = html.lower()
    kept, pos = [], 0
    while True:
        m = _DROPPED.search(lower, pos)
        if not m:
            kept.append(html[pos:])
            break
        kept.append(html[pos : m.start()])
        if m.group(0) == "<!--":
            end = lower.find("-->", m.end())
            pos = len(html) if end < 0 else end + 3
        else:
            end = lower.find(f"</{m.group(1).lower()}", m.end())
            if end < 0:
                pos = len(html)
            else:
                close = lower.find(">", end)
                pos = len(html) if close < 0 else close + 1
        kept.append(" ")
    return "".join(kept)


def mark_blocks(node: LexborNode) -> None:
    """Insert paragraph markers around block elements and tabs after table cells (once per tree)."""
    for cell in node.css("td,th"):
        cell.insert_after("\t")
    for block in node.css(_BLOCK_TAGS):
        block.insert_after(_PARA)
        block.insert_before(_PARA)


def block_text(node: LexborNode, *, marked: bool = False) -> str:
    """Visible text of `node`, one line per paragraph/block, table cells separated by tabs."""
    if not marked:
        mark_blocks(node)
    raw = node.text(deep=True, separator="")
    lines = []
    for part in raw.split(_PARA):
        cells = [_WS.sub(" ", _HAN_WRAP.sub("", c)).strip(" \u3000") for c in part.split("\t")]
        line = "\t".join(c for c in cells if c)
        if line:
            lines.append(line)
    return "\n".join(lines)


def nesting_depth(html: str, limit: int) -> int:
    """How deeply the elements of `html` nest, from its tags alone, in one pass; counting stops past `limit`.

    HTML parsers take time growing with the square of the depth (20 MB of nested <div> keep lexbor busy
    for hours), so the depth is measured before parsing. Unclosed elements whose end the parser implies
    do not count; an end tag closes the innermost open element of its name and those inside it.
    """
    stack: list[str] = []
    open_count: dict[str, int] = {}
    deepest = 0
    for m in _TAG.finditer(html):
        closing, name = m.group(1), m.group(2).lower()
        if closing:
            if open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
        elif name not in _VOID and name not in _IMPLIED_END:  # "<div/>" opens a div, as parsers read it
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > deepest:
                deepest = len(stack)
                if deepest > limit:
                    break
    return deepest


def _han_count(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and key.lower() not in out:
            out[key.lower()] = content.strip()
    return out


def _select_text(tree: LexborHTMLParser, selector: str) -> str | None:
    try:
        node = tree.css_first(selector)
    except Exception:  # an invalid selector from a crawl spec must not fail the page
        return None
    if node is None:
        return None
    if node.tag == "time" and node.attributes.get("datetime"):
        return node.attributes["datetime"]
    text = node.text(deep=True, separator=" ").strip()
    return text or None


def _title(tree: LexborHTMLParser, metas: dict[str, str], selectors: dict[str, str]) -> str | None:
    cfg = layout()
    if selectors.get("title"):
        found = _select_text(tree, selectors["title"])
        if found:
            return _WS.sub(" ", found).strip()
    for name in cfg["title_meta"]:
        if metas.get(name):
            return _cut_site_suffix(metas[name])
    title_node = tree.css_first("title")
    if title_node is not None and title_node.text(strip=True):
        return _cut_site_suffix(title_node.text(strip=True))
    for selector in cfg["title_selectors"]:
        found = _select_text(tree, selector)
        if found:
            return _WS.sub(" ", found).strip()
    return None


def _cut_site_suffix(title: str) -> str:
    title = _WS.sub(" ", title).strip()
    for sep in layout()["title_suffix_separators"]:
        head = title.split(sep)[0].strip()
        if len(head) >= 4 and head != title:
            title = head
    return title


def _published(tree, metas, selectors, page_text, jsonld_date, raw_meta) -> tuple[str | None, str | None]:
    cfg = layout()
    if selectors.get("date"):
        found = parse_date(_select_text(tree, selectors["date"]))
        if found:
            return found, "selector"
    for name in cfg["date_meta"]:
        found = parse_date(metas.get(name))
        if found:
            return found, f"meta:{name}"
    if jsonld_date:
        return jsonld_date, "json-ld"
    for selector in cfg["date_selectors"]:
        found = parse_date(_select_text(tree, selector))
        if found:
            return found, "page"
    found = labelled_date(page_text)
    if found:
        return found, "label"
    # generic containers: the first in document order (the article's info line precedes sidebars)
    for node in tree.css(", ".join(cfg["date_selectors_generic"])):
        value = node.attributes.get("datetime") if node.tag == "time" else node.text(deep=True, separator=" ")
        found = parse_date(value)
        if found:
            return found, "page"
    found = parse_date(str(raw_meta.get("published") or ""))
    if found:
        return found, "crawl"
    return None, None


def _body(tree: LexborHTMLParser, html: str, selectors: dict[str, str]) -> tuple[str, str]:
    candidates = []
    if selectors.get("body"):
        candidates.append(selectors["body"])
    candidates += layout()["body_selectors"]
    for selector in candidates:
        try:
            node = tree.css_first(selector)
        except Exception:
            continue
        if node is not None:
            text = block_text(node, marked=True)
            if _han_count(text) >= _MIN_SELECTED_HAN:
                return text, f"selector:{selector}"
    # precision first: on small pages the default falls back to the whole page, navigation included
    for precise in (True, False):
        text = _trafilatura_text(html, precise)
        if text and _han_count(text) >= _MIN_BODY_HAN:
            return text, "trafilatura"
    body = tree.body
    return (block_text(body, marked=True) if body is not None else ""), "body"


def _trafilatura_text(html: str, precise: bool) -> str | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
            deduplicate=False,
            favor_precision=precise,
        )
    except Exception:
        return None
    text = getattr(result, "text", None) if result is not None else None
    if isinstance(result, dict):
        text = result.get("text")
    if not text:
        return None
    return "\n".join(line.strip(" \u3000") for line in text.splitlines() if line.strip(" \u3000"))


def read_html_bytes(
    data: bytes, raw_meta: dict[str, Any], content_type: str | None = None, *, max_depth: int | None = None
) -> dict[str, Any]:
    """Fields for a Document from the bytes of an HTML page; elements nested deeper than `max_depth`
    (default: the budget's) refuse the page."""
    html, encoding = decode_text(data, declared_charset(data, raw_meta, content_type))
    jsonld = _JSONLD_DATE.search(html)
    html = strip_inert_elements(html)
    max_depth = max_depth or Budgets().html_depth
    if nesting_depth(html, max_depth) > max_depth:
        raise over_budget(f"HTML nested too deeply: elements more than {max_depth} levels deep", "html_depth")
    selectors = {str(k).lower(): v for k, v in (raw_meta.get("selectors") or {}).items() if v}
    if "published" in selectors and "date" not in selectors:
        selectors["date"] = selectors["published"]
    if "content" in selectors and "body" not in selectors:
        selectors["body"] = selectors["content"]

    tree = LexborHTMLParser(html)
    metas = _meta_tags(tree)
    title = _title(tree, metas, selectors) or raw_meta.get("title")
    # selectors above read the tree as parsed; from here on it carries paragraph markers
    mark_blocks(tree.root)
    page_text = block_text(tree.body, marked=True) if tree.body is not None else ""
    published, published_from = _published(
        tree, metas, selectors, page_text, parse_date(jsonld.group(1)) if jsonld else None, raw_meta
    )
    text, body_from = _body(tree, html, selectors)
    byline = (
        find_byline(text)
        or next((metas[n] for n in layout()["byline_meta"] if metas.get(n)), None)
        or labelled_author(page_text)
    )
    meta: dict[str, Any] = {"body_from": body_from}
    if published_from:
        meta["published_from"] = published_from
    source_name = labelled_source(page_text) or next(
        (metas[n] for n in layout()["source_meta"] if metas.get(n)), None
    )
    if source_name:
        meta["source_name"] = source_name
    return {
        "text": text,
        "title": title,
        "published": published,
        "byline": byline,
        "encoding": encoding,
        "meta": meta,
    }
