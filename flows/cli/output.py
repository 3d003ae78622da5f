"""What the CLI prints: text made safe for a terminal, JSON without NaN, and query rows as a table, one
column per line, CSV, JSON or markdown.

Extracted text and file names come from documents nobody here wrote: an escape sequence in a crawled page
must not repaint the analyst's terminal, and a `[bold]` in a title must print as itself.
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from uuid import UUID

from rich.console import Console
from rich.markup import escape
from rich.table import Table

# C0 controls but tab and newline, DEL, C1 controls (ESC starts ANSI sequences; CSI 0x9b alone does too).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CELL_WIDTH = 48
ROW_FORMATS = ("table", "line", "csv", "json", "markdown")


def safe_text(value: object) -> str:
    """`value` as text with every control character but tab and newline removed."""
    return _CONTROL.sub("", str(value))


def plain(value: object) -> str:
    """User data shown inside rich markup: control characters gone, brackets literal."""
    return escape(safe_text(value))


def jsonable(value):
    """The JSON form of what DuckDB and our records hold; NaN and ±Infinity become null (RFC 8259 has
    no such numbers, and strict parsers reject them)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return jsonable(float(value))
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, UUID):
        return str(value)
    if hasattr(value, "model_dump"):
        return jsonable(value.model_dump(mode="json"))
    return str(value)


def json_text(payload, *, indent: int | None = 1) -> str:
    return json.dumps(jsonable(payload), ensure_ascii=False, indent=indent, allow_nan=False)


def emit_json(payload) -> None:
    """Write `payload` as JSON on stdout (bypassing rich: no wrapping, no markup)."""
    sys.stdout.write(json_text(payload) + "\n")
    sys.stdout.flush()


def cell_text(value, *, width: int | None = CELL_WIDTH) -> str:
    """A value as one terminal line: numbers without a spurious .0, newlines folded, long text cut."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
    if isinstance(value, list | tuple | dict):
        text = json.dumps(jsonable(value), ensure_ascii=False)
    else:
        text = str(value)
    text = safe_text(text).replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    if width is not None and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def fits_as_table(columns: Sequence[str], rows: Sequence[Sequence], width: int) -> bool:
    """Whether a table of these rows fits a `width` terminal without cutting a header or a short value
    (long text is cut to CELL_WIDTH anyway)."""
    from rich.cells import cell_len

    needed = 1
    for index, column in enumerate(columns):
        widest = max([cell_len(column), *(cell_len(cell_text(row[index])) for row in rows[:200])])
        needed += min(widest, CELL_WIDTH) + 3
    return needed <= width


def print_rows(
    console: Console,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    fmt: str = "table",
    *,
    caption: str | None = None,
) -> None:
    """Rows in one of ROW_FORMATS. Table and line output is for people (cells cut to one line); csv, json
    and markdown keep every character of every value (control characters removed on a terminal)."""
    if fmt == "json":  # one row a line, written as the rows come (a large result is never held whole)
        sys.stdout.write("[")
        for number, row in enumerate(rows):
            item = json_text(dict(zip(columns, row, strict=True)), indent=None)
            sys.stdout.write(("," if number else "") + "\n" + item)
        sys.stdout.write("\n]\n")
        sys.stdout.flush()
        return
    if fmt == "csv":
        keep = (
            (lambda v: v)
            if not sys.stdout.isatty()
            else (lambda v: safe_text(v) if isinstance(v, str) else v)
        )
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([keep(v) for v in row] for row in rows)
        return
    if fmt == "markdown":

        def md(value) -> str:
            text = cell_text(value, width=None) if not isinstance(value, str) else safe_text(value)
            return text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")

        out = ["| " + " | ".join(md(c) for c in columns) + " |", "|" + "---|" * len(columns)]
        out += ["| " + " | ".join(md(v) for v in row) + " |" for row in rows]
        sys.stdout.write("\n".join(out) + "\n")
        if caption:
            sys.stdout.write(f"\n{caption}\n")
        return
    if fmt == "line":
        label_width = max((len(c) for c in columns), default=0)
        value_width = max(20, console.width - label_width - 3)
        for number, row in enumerate(rows, 1):
            console.print(f"[dim]── row {number} ──[/dim]", highlight=False)
            for column, value in zip(columns, row, strict=True):
                console.print(
                    f"[bold]{plain(column.rjust(label_width))}[/bold] │ {plain(cell_text(value, width=value_width))}",
                    highlight=False,
                    soft_wrap=True,
                )
        if caption:
            console.print(f"[dim]{plain(caption)}[/dim]", highlight=False)
        return
    table = Table()
    for column in columns:
        table.add_column(plain(column), overflow="ellipsis", no_wrap=True, max_width=CELL_WIDTH)
    for row in rows:
        table.add_row(*(plain(cell_text(v)) for v in row))
    console.print(table)
    if caption:
        console.print(f"[dim]{plain(caption)}[/dim]", highlight=False)
