"""Bytes → str for Chinese text: BOMs, declared charsets that lie, GBK/GB18030/Big5, mixed files."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import charset_normalizer

from zhaoyin.extractors import lang
from zhaoyin.schemas import ReadError

# Legacy Chinese charsets are decoded with their supersets: GB2312 ⊂ GBK ⊂ GB18030, Big5 ⊂ Big5-HKSCS.
_SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ["gb18030", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be", "cp1252"]
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    return frozenset("".join(lang.words("common_hanzi")))


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def normalize_charset(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("'\"").lower()
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSET.get(name) or _SUPERSET.get(canonical) or canonical


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


# What a wrong double-byte decoding produces besides rare Han: Greek, Cyrillic, kana, box drawing, private use.
_ODD = re.compile(r"[\u0370-\u04ff\u3040-\u30ff\u2500-\u257f\ue000-\uf8ff\u3400-\u4dbf]")


def _plausibility(text: str) -> float:
    """Share of common Han characters among Han and odd characters: wrong decodings score near zero."""
    sample = text[:20000]
    han = _HAN.findall(sample)
    if not han:
        return 0.0
    common = _common_hanzi()
    odd = len(_ODD.findall(sample))
    return sum(1 for c in han if c in common) / (len(han) + odd)


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding used).

    Order: BOM; valid UTF-8 (a strong signal, whatever the page declares); the declared charset if it
    decodes cleanly and reads like Chinese; charset-normalizer among Chinese encodings; finally
    line by line for files that mix encodings.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data, enc)
            if text is not None:
                return text, enc.replace("-sig", "") + (" (BOM)" if enc == "utf-8-sig" else "")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "ascii" if text.isascii() else "utf-8"

    candidates: list[tuple[str, str]] = []
    declared_norm = normalize_charset(declared)
    if declared_norm and declared_norm not in ("utf-8", "ascii"):
        text = _strict(data, declared_norm)
        if text is not None:
            candidates.append((declared_norm, text))
    for enc in ("gb18030", "big5hkscs"):
        if enc != declared_norm:
            text = _strict(data, enc)
            if text is not None:
                candidates.append((enc, text))
    if candidates:
        best = max(candidates, key=lambda c: (_plausibility(c[1]), c[0] == declared_norm))
        if _plausibility(best[1]) > 0.5:
            return best[1], best[0]

    guess = charset_normalizer.from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    if guess is not None and guess.encoding:
        text = _strict(data, guess.encoding)
        if text is not None and not _CONTROL.search(text[:20000]):
            return text, normalize_charset(guess.encoding) or guess.encoding
    if candidates:
        return best[1], best[0]
    return _decode_by_line(data)


def _decode_by_line(data: bytes) -> tuple[str, str]:
    """Files concatenated from differently encoded parts: decode each line on its own."""
    lines, used, bad = [], set(), 0
    for raw_line in data.split(b"\n"):
        for enc in ("utf-8", "gb18030", "big5hkscs"):
            text = _strict(raw_line, enc)
            if text is not None:
                if not raw_line.isascii():
                    used.add(enc)
                break
        else:
            text = raw_line.decode("gb18030", errors="replace")
            bad += text.count("\ufffd")
            used.add("gb18030")
        lines.append(text)
    text = "\n".join(lines)
    if bad > max(8, len(text) // 50):
        raise ReadError(
            f"cannot decode the text: {bad} undecodable byte sequences in UTF-8, GB18030 and Big5 "
            "(not a text file, or an unsupported encoding)"
        )
    label = "mixed(" + ",".join(sorted(used)) + ")" if len(used) > 1 else (used.pop() if used else "ascii")
    return text, label


def decode_name(name: str | bytes) -> str:
    """A file or archive member name as text to store and show: each path component's bytes decoded as
    UTF-8, else GB18030 (names from Chinese Windows), else with the bytes escaped (`\\xb9`).

    A str from the OS (`os.scandir`, `tarfile`) carries undecodable bytes as lone surrogates, which no
    database or terminal accepts; they are turned back into the bytes and decoded here.
    """
    if isinstance(name, bytes):
        raw = name
    else:
        try:
            raw = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate that stands for no byte
            raw = name.encode("utf-8", "backslashreplace")
    return "/".join(_decode_component(part) for part in raw.split(b"/"))


def _decode_component(part: bytes) -> str:
    for encoding in ("utf-8", "gb18030"):
        try:
            return part.decode(encoding)
        except UnicodeDecodeError:
            continue
    return part.decode("utf-8", "backslashreplace")
