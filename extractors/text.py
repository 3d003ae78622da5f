"""Text utilities every extractor shares: width normalization and sentence/clause spans with offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache

from zhaoyin.extractors import lang

# Full-width digits, letters, % and . → ASCII; keeps length so offsets stay valid.
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH["\u3000"] = " "
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")
# one CJK unified ideograph of the basic block: what the extractors read as a Han character
HAN_CHAR = re.compile("[\u4e00-\u9fff]")

# A "sentence" of more than MAX_SENTENCE_CHARS (a table flattened into one line, hostile input) is cut into
# pieces of that length: extractors look around each figure within its sentence, which on one sentence of a
# million characters costs the square of its length.
MAX_SENTENCE_CHARS = 2000
_ENDS = re.escape(lang.chars("sentence_ends"))
_CLOSERS = re.escape(lang.chars("sentence_closers"))
_SENTENCE_END = re.compile(rf"[^{_ENDS}\n]{{0,{MAX_SENTENCE_CHARS}}}(?:[{_ENDS}]+[{_CLOSERS}]*|\n|$)?")
_CLAUSE_END = re.compile(lang.pattern("punctuation", "clause"))


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    start: int
    end: int


class SpanIndex:
    """(start, end) spans looked up by position: a document's lists of names and figures grow with its length,
    and a scan of all of them for each name found costs the square of the length. Lookups return the spans in
    the order given."""

    def __init__(self, spans):
        self._given = list(spans)
        self._by_start = sorted((span[0], index) for index, span in enumerate(self._given))
        self._starts = [start for start, _index in self._by_start]
        self._reach = max((end - start for start, end in self._given), default=0)

    def __iter__(self):
        return iter(self._given)

    @cached_property
    def end_from_start(self) -> dict[int, int]:
        """start → end (of the last span given with that start)."""
        return {start: end for start, end in self._given}

    def indices_starting_in(self, low: int, high: int) -> list[int]:
        """The positions, in the list given, of the spans that start at `low` or after and before `high`."""
        found = self._by_start[bisect_left(self._starts, low) : bisect_left(self._starts, high)]
        return sorted(index for _start, index in found)

    def starting_in(self, low: int, high: int) -> list[tuple[int, int]]:
        """The spans that start at `low` or after and before `high`."""
        return [self._given[index] for index in self.indices_starting_in(low, high)]

    def indices_reaching(self, low: int, high: int) -> list[int]:
        """The positions, in the list given, of the spans `reaching` gives."""
        return self.indices_starting_in(low - self._reach, high + 1)

    def reaching(self, low: int, high: int) -> list[tuple[int, int]]:
        """Every span that may hold or end at a position from `low` to `high` (a superset: the caller tests
        its own condition)."""
        return self.starting_in(low - self._reach, high + 1)


def halfwidth(text: str) -> str:
    """Full-width ASCII forms → half-width, same length (offsets unchanged)."""
    if not _FULLWIDTH_CHAR.search(text):
        return text
    # Replacing only the full-width characters is several times faster than translate(), which looks up
    # every character of the text in a dict.
    return _FULLWIDTH_CHAR.sub(_halfwidth_char, text)


def _halfwidth_char(match: re.Match[str]) -> str:
    return _FULLWIDTH[match.group()]


def _spans(pattern: re.Pattern[str], text: str, base: int = 0) -> list[Segment]:
    out = []
    for m in pattern.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = base + m.start() + lead
        out.append(Segment(stripped, start, start + len(stripped)))
    return out


def sentences(text: str) -> list[Segment]:
    """Sentences ending in 。！？； or a line break, with their offsets in `text`."""
    return list(_sentences(text))


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[Segment, ...]:
    return tuple(_spans(_SENTENCE_END, text))  # several extractors split the same paragraphs


def clauses(segment: Segment) -> list[Segment]:
    """Clauses of a sentence, split on ，：；(enumerations joined by 、 stay whole); offsets stay relative to the whole text."""
    return _spans(_CLAUSE_END, segment.text, segment.start)


def paragraphs(text: str) -> list[Segment]:
    out, pos = [], 0
    for block in text.split("\n"):
        stripped = block.strip()
        if stripped:
            start = pos + block.index(stripped[0])
            out.append(Segment(stripped, start, start + len(stripped)))
        pos += len(block) + 1
    return out


SECTION_HEADING = re.compile(lang.pattern("punctuation", "section_heading"))
# An enumeration (…、…等企业, …、…等项目) never crosses these: the stretches `finditer_within` searches.
NO_LIST_BREAK = re.compile(lang.pattern("punctuation", "no_list_break"))


def finditer_within(pattern: re.Pattern[str], text: str, stretch: re.Pattern[str], needle: str):
    """`pattern.finditer(text)`, for a pattern whose every match lies inside one `stretch` match and
    contains `needle`: only the stretches holding `needle` are searched (same matches, a fraction of the work)."""
    for part in stretch.finditer(text):
        start, end = part.span()
        if text.find(needle, start, end) >= 0:
            yield from pattern.finditer(text, start, end)
