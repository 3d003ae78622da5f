"""Files under the paths a user gives, as a stream of RawDocuments (one file in memory at a time).

Folders are followed recursively in name order; hidden entries and warehouse files are skipped, and so is
whatever a folder's `.zhaoyinignore` names (gitignore syntax, like `.dockerignore`: `README.md`, `sources/`,
`*.yaml`); symlink loops, broken links, unreadable and special files become QuarantineRecords with a reason
instead of errors.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

import pathspec

from zhaoyin.schemas import QuarantineRecord, RawDocument, ReadError

WAREHOUSE_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb.tmp")
IGNORE_FILE = ".zhaoyinignore"
Ignores = tuple[tuple[str, pathspec.GitIgnoreSpec], ...]  # (folder the file lies in, its patterns)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.endswith(WAREHOUSE_SUFFIXES)


def _quarantine(path: str, reason: str) -> QuarantineRecord:
    return QuarantineRecord(path=path, stage="discover", reason=reason)


def _os_reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _ignored(path: str, is_dir: bool, ignores: Ignores) -> bool:
    for base, spec in ignores:
        relative = os.path.relpath(path, base).replace(os.sep, "/")
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False


def _with_ignore_file(folder: str, ignores: Ignores) -> Ignores:
    try:
        with open(os.path.join(folder, IGNORE_FILE), encoding="utf-8") as handle:
            return (*ignores, (folder, pathspec.GitIgnoreSpec.from_lines(handle)))
    except (OSError, UnicodeDecodeError):
        return ignores


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: reported when the walk reaches it
        return False


def _walk(root: str) -> Iterator[str | QuarantineRecord]:
    """File paths under `root` (or `root` itself), depth first, in name order."""
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[str, Ignores]] = [(root, ())]
    while stack:
        path, ignores = stack.pop()
        try:
            info = os.stat(path)
        except FileNotFoundError:
            reason = (
                "broken symlink (its target does not exist)"
                if os.path.islink(path)
                else "no such file or directory"
            )
            yield _quarantine(path, reason)
            continue
        except OSError as error:
            if error.errno == errno.ELOOP:
                yield _quarantine(path, "symlink loop (too many levels of symbolic links)")
            else:
                yield _quarantine(path, f"cannot inspect: {_os_reason(error)}")
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited:
            yield _quarantine(path, "symlink loop: this folder was already visited")
            continue
        visited.add(key)
        ignores = _with_ignore_file(path, ignores)
        try:
            with os.scandir(path) as entries:
                children = sorted(
                    (entry.name, _is_dir(entry)) for entry in entries if not _skipped(entry.name)
                )
        except OSError as error:
            yield _quarantine(path, f"cannot list folder: {_os_reason(error)}")
            continue
        stack.extend(
            (child, ignores)
            for name, is_dir in reversed(children)
            if not _ignored(child := os.path.join(path, name), is_dir, ignores)
        )


def iter_file_paths(paths: Iterable[str | os.PathLike]) -> Iterator[str | QuarantineRecord]:
    for root in paths:
        yield from _walk(os.fspath(root))


def count_files(paths: Iterable[str | os.PathLike]) -> int:
    """How many entries `discover` will yield (for a progress bar); reads no file contents."""
    return sum(1 for _ in iter_file_paths(paths))


def read_raw(path: str) -> RawDocument | QuarantineRecord:
    """The file's bytes (size limit and OS errors as the readers word them), or why they cannot be had."""
    from zhaoyin.extractors.readers.limits import raw_from_path

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a pipe would block the import
            return _quarantine(path, "not a regular file (device, socket or pipe)")
        return raw_from_path(path, meta={"file_name": os.path.basename(path)})
    except ReadError as error:
        return QuarantineRecord(path=path, stage=error.stage or "read", reason=error.reason)
    except OSError as error:
        return _quarantine(path, f"cannot read file: {_os_reason(error)}")


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[RawDocument | QuarantineRecord]:
    """RawDocuments of every file under `paths`, read only when the consumer asks for the next one."""
    for item in iter_file_paths(paths):
        yield item if isinstance(item, QuarantineRecord) else read_raw(item)
