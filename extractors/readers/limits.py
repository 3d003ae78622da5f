"""Input limits: refuse oversized input before reading or parsing it, and the budgets of one document.

`Budgets` bounds what one file may cost: extraction time, characters, PDF pages, expanded bytes of an
archive and of one part of a .docx/.xlsx container, HTML nesting depth. Each has a default, an environment
variable (`ZHAOYIN_MAX_SECONDS`, …) and a flag of `zhaoyin import` (`--max-seconds`, …); a file over a
budget is quarantined with a reason that names the flag, and the import goes on.
"""

from __future__ import annotations

import dataclasses
import mimetypes
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from zhaoyin.schemas import RawDocument, ReadError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "ZHAOYIN_MAX_BYTES"

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """'50MB', '50M', '1048576', '1.5 GiB' → bytes."""
    m = _SIZE.match(value)
    if not m:
        raise ValueError(f"not a size: {value!r} (write e.g. 52428800, 50MB or 1.5GB)")
    unit = (m.group(2) or "").lower()[:1]
    return int(float(m.group(1)) * _UNITS[unit])


def size_limit(explicit: int | None = None) -> int:
    """The size limit in force: the explicit value, else $ZHAOYIN_MAX_BYTES, else 50 MB."""
    if explicit is not None:
        return explicit
    configured = os.environ.get(MAX_BYTES_ENV)
    if configured:
        try:
            return parse_size(configured)
        except ValueError as exc:
            raise ReadError(f"{MAX_BYTES_ENV} is set to an invalid size: {exc}") from None
    return DEFAULT_MAX_BYTES


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def too_large(size: int, limit: int) -> ReadError:
    return ReadError(
        f"file too large: {size} bytes ({human_size(size)}) is over the size limit of {limit} bytes "
        f"({human_size(limit)}); raise it with {MAX_BYTES_ENV}, e.g. {MAX_BYTES_ENV}=200MB"
    )


def raw_from_path(
    path: str | os.PathLike, *, max_bytes: int | None = None, source: str | None = None, **fields
) -> RawDocument:
    """Read a file into a RawDocument, refusing oversized files from their size before reading them.
    `source` names it (default: the path as given).

    OS errors (missing file, permission, symlink loop, a folder) become ReadError with a plain reason.
    """
    limit = size_limit(max_bytes)
    p = Path(path)
    try:
        st = p.stat()
        size = st.st_size
        if stat.S_ISDIR(st.st_mode):
            raise ReadError("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):  # opening a pipe or device would block or never end
            raise ReadError("not a regular file (device, socket or pipe)")
        if size > limit:
            raise too_large(size, limit)
        with p.open("rb") as fh:
            data = fh.read(limit + 1)  # files can grow between stat and read
    except ReadError:
        raise
    except OSError as exc:
        raise ReadError(_os_reason(exc)) from None
    if len(data) > limit:
        raise too_large(len(data), limit)
    fields.setdefault("media_type_hint", mimetypes.guess_type(p.name)[0])
    return RawDocument(data=data, source=source if source is not None else str(path), **fields)


def _os_reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "cannot open: symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "cannot open: no such file (or a broken symlink)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot open: permission denied"
    if exc.errno == errno.EISDIR:
        return "is a folder, not a file"
    return f"cannot open: {exc.strerror or exc.__class__.__name__}"


@dataclass(frozen=True)
class Budgets:
    """What reading and extracting one file may cost; over a budget, the file is quarantined."""

    seconds: float = 60.0  # wall time to read + extract one file
    chars: int = 2_000_000  # characters of one document's text (about 6 MB of Chinese)
    pdf_pages: int = 2_000
    archive_bytes: int = 2 * 1024**3  # expanded bytes of all members of one archive
    part_bytes: int = 64 * 1024**2  # expanded bytes of one part of a .docx/.xlsx (word/document.xml)
    html_depth: int = 512  # nesting depth of HTML elements

    @classmethod
    def from_env(cls, **overrides) -> Budgets:
        """Defaults, overridden by the environment (ZHAOYIN_MAX_SECONDS, …), then by `overrides` not None."""
        values = {}
        for item in dataclasses.fields(cls):
            configured = os.environ.get(BUDGET_ENV[item.name])
            if configured:
                try:
                    values[item.name] = _parse_budget(item.name, configured)
                except ValueError as exc:
                    raise ReadError(f"{BUDGET_ENV[item.name]} is set to an invalid value: {exc}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


BUDGET_ENV = {
    "seconds": "ZHAOYIN_MAX_SECONDS",
    "chars": "ZHAOYIN_MAX_CHARS",
    "pdf_pages": "ZHAOYIN_MAX_PDF_PAGES",
    "archive_bytes": "ZHAOYIN_MAX_ARCHIVE_BYTES",
    "part_bytes": "ZHAOYIN_MAX_PART_BYTES",
    "html_depth": "ZHAOYIN_MAX_HTML_DEPTH",
}
BUDGET_FLAG = {
    "seconds": "--max-seconds",
    "chars": "--max-chars",
    "pdf_pages": "--max-pdf-pages",
    "archive_bytes": "--max-archive-bytes",
    "part_bytes": "--max-part-bytes",
    "html_depth": "--max-html-depth",
}


def _parse_budget(name: str, value: str) -> float | int:
    if name == "seconds":
        seconds = float(value)
        if not seconds > 0:
            raise ValueError(f"not a positive number of seconds: {value!r}")
        return seconds
    number = parse_size(value) if name.endswith("_bytes") else int(value)
    if number <= 0:
        raise ValueError(f"not a positive number: {value!r}")
    return number


def over_budget(what: str, name: str) -> ReadError:
    """The ReadError for a file over budget `name`: what happened and the flag that raises the budget."""
    return ReadError(f"{what}; raise the budget with {BUDGET_FLAG[name]} or {BUDGET_ENV[name]}")
