"""Plain text set in hard-wrapped lines (a PDF's text layer copied into a .txt, a fixed-width export):
the lines of one paragraph are joined again, as the PDF reader joins them by their geometry.

Without geometry, a line counts as wrapped when it is as wide as the text's column — the width most of
its long lines share — and does not end a sentence; the next line continues it unless it is indented.
"""

from __future__ import annotations

import statistics

from zhaoyin.extractors import lang

_SENTENCE_END = tuple(lang.chars("sentence_ends") + lang.chars("colons"))
_CLOSERS = lang.chars("sentence_closers")
_MIN_COLUMN = 30  # display columns: shorter lines are headings, list items or verse, never wrapped text
# A wrapped line is as wide as the column give or take this share: digits and spaces are set narrower than
# the width counted here, and a line may break a character early.
_BAND = 0.12
_MIN_WRAPPED = 6
_SHARE = 0.6  # of the long lines


def _width(line: str) -> int:
    """Display columns: a Han character or full-width mark (three bytes in UTF-8) takes two."""
    return len(line) + (len(line.encode("utf-8", "surrogatepass")) - len(line)) // 2


def _column(widths: list[int]) -> float | None:
    """The width of the text's column: the median long line, when most long lines are that wide."""
    long = [w for w in widths if w >= _MIN_COLUMN]
    if len(long) < _MIN_WRAPPED:
        return None
    column = statistics.median(long)
    near = sum(1 for w in long if abs(w - column) <= _BAND * column)
    return column if near >= _MIN_WRAPPED and near >= _SHARE * len(long) else None


def rejoin_wrapped_lines(text: str) -> str:
    """`text` with the hard-wrapped lines of each paragraph joined; unchanged when it is not wrapped."""
    lines = text.split("\n")
    widths = [_width(line.rstrip()) for line in lines]
    column = _column(widths)
    if column is None:
        return text
    out = [lines[0]]
    for prev_width, line in zip(widths, lines[1:], strict=False):
        prev = out[-1].rstrip()
        continues = (
            prev_width >= (1 - _BAND) * column
            and line.strip()
            and not line[0].isspace()
            and not prev.rstrip(_CLOSERS).endswith(_SENTENCE_END)
        )
        if continues:
            sep = (
                " "
                if prev[-1].isascii() and prev[-1].isalnum() and line[0].isascii() and line[0].isalnum()
                else ""
            )
            out[-1] = prev + sep + line
        else:
            out.append(line)
    return "\n".join(out)
