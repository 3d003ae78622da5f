"""Input size limits: refuse oversized input before reading or parsing it."""

from __future__ import annotations

import mimetypes
import os
import re
import stat
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


def raw_from_path(path: str | os.PathLike, *, max_bytes: int | None = None, **fields) -> RawDocument:
    """Read a file into a RawDocument, refusing oversized files from their size before reading them.

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
    return RawDocument(data=data, source=str(path), **fields)


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
