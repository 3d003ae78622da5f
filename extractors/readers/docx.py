"""Word .docx → Document with python-docx: paragraphs and tables in document order."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from zhaoyin.extractors.readers.limits import Budgets, human_size, over_budget
from zhaoyin.schemas import ReadError

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # declared uncompressed ÷ compressed; real .docx stay far below
MAX_MEMBERS = 10_000


def check_zip_container(data: bytes, kind: str = "docx", *, max_part_bytes: int | None = None) -> None:
    """Refuse broken or bomb-like zip containers from their declared sizes, before decompressing.

    zipfile never inflates a member past its declared size, so the declared sizes bound what a parser
    gets; one part over `max_part_bytes` (a 180 MB word/document.xml) would cost gigabytes in lxml."""
    max_part_bytes = max_part_bytes or Budgets().part_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError(f"corrupt {kind}: not a readable zip container ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"{kind} rejected: {len(infos)} parts in the zip container (limit {MAX_MEMBERS})")
    largest = max(infos, key=lambda i: i.file_size, default=None)
    if largest is not None and largest.file_size > max_part_bytes:
        raise over_budget(
            f"{kind} rejected: its part {largest.filename} expands to {human_size(largest.file_size)}, over "
            f"the budget of {human_size(max_part_bytes)} per part",
            "part_bytes",
        )
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ReadError(
            f"{kind} rejected as a zip bomb: declares {human_size(total)} uncompressed "
            f"(limit {human_size(MAX_UNCOMPRESSED_BYTES)})"
        )
    if total > 10 * 1024 * 1024 and total / packed > MAX_RATIO:
        raise ReadError(
            f"{kind} rejected as a zip bomb: compression ratio {total / packed:.0f}:1 (limit {MAX_RATIO}:1)"
        )


def _row_cells(row) -> list[str]:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # merged cells repeat the same element
            continue
        seen.add(id(cell._tc))
        text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
        cells.append(text)
    return cells


def read_docx_bytes(data: bytes, *, max_part_bytes: int | None = None) -> dict[str, Any]:
    import docx
    from docx.table import Table

    check_zip_container(data, max_part_bytes=max_part_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = _row_cells(row)
                    if any(cells):
                        lines.append("\t".join(cells))
            else:
                text = block.text.strip()
                if text:
                    lines.append(text)
        props = document.core_properties
        title = (props.title or "").strip() or None
        created = props.created.date().isoformat() if props.created else None
    except ReadError:
        raise
    except KeyError as exc:
        raise ReadError(f"corrupt docx: a required part is missing ({exc})") from None
    except Exception as exc:
        raise ReadError(
            f"corrupt docx, cannot be parsed ({exc.__class__.__name__}: {str(exc)[:200]})"
        ) from None
    return {"text": "\n".join(lines), "title": title, "created": created}
