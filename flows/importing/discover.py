"""Files under the paths a user gives, as a stream of RawDocuments (one file in memory at a time).

Folders are followed recursively in name order; hidden entries and warehouse files are skipped, and so is
whatever a folder's `.zhaoyinignore` names (gitignore syntax, like `.dockerignore`: `README.md`, `sources/`,
`*.yaml`, matched in linear time by RE2, so no pattern can make the listing hang); symlink loops, broken
links, unreadable and special files become QuarantineRecords with a reason instead of errors.

An import reads only what the user named: a symlink inside a named folder that leads outside it (to
`/etc/passwd`, to another folder) is not followed but quarantined, unless `follow_symlinks` is set. A path
named on the command line is always read, link or not.

Names are bytes on Linux. The OS path (undecodable bytes as lone surrogates) is what gets opened; what is
stored and shown is `decode_name` of it (UTF-8, else GB18030, else escaped), so a GBK-named file imports.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator

import pathspec

from zhaoyin.extractors.readers.encoding import decode_name
from zhaoyin.schemas import QuarantineRecord, RawDocument, ReadError

WAREHOUSE_SUFFIXES = (".duckdb", ".duckdb.wal", ".duckdb.tmp")
IGNORE_FILE = ".zhaoyinignore"
Ignores = tuple[tuple[str, pathspec.GitIgnoreSpec], ...]  # (folder the file lies in, its patterns)


def _skipped(name: str) -> bool:
    return name.startswith(".") or name.endswith(WAREHOUSE_SUFFIXES)


def _quarantine(path: str, reason: str) -> QuarantineRecord:
    return QuarantineRecord(path=decode_name(path), stage="discover", reason=reason)


def _os_reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _ignored(path: str, is_dir: bool, ignores: Ignores) -> bool:
    for base, spec in ignores:
        relative = decode_name(os.path.relpath(path, base).replace(os.sep, "/"))
        if spec.match_file(relative + "/" if is_dir else relative):
            return True
    return False


def _with_ignore_file(folder: str, ignores: Ignores) -> Ignores:
    try:
        with open(os.path.join(folder, IGNORE_FILE), encoding="utf-8") as handle:
            # RE2 matches in linear time: `*a*a*a*a*a*a*a*a*a*a*b` against a long name backtracks for hours
            # in Python's re
            return (*ignores, (folder, pathspec.GitIgnoreSpec.from_lines(handle, backend="re2")))
    except (OSError, UnicodeDecodeError, ValueError):
        return ignores


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop: reported when the walk reaches it
        return False


def _leads_outside(link: str, root_real: str) -> str | None:
    """Where symlink `link` leads when that is outside `root_real`, else None (inside, broken or a loop)."""
    target = os.path.realpath(link)
    if not os.path.exists(target):
        return None  # reported as broken or a loop when the walk reaches it
    if target == root_real or target.startswith(root_real.rstrip(os.sep) + os.sep):
        return None
    return target


def _outside_record(link: str, target: str) -> QuarantineRecord:
    return _quarantine(
        link,
        f"symlink leads outside the imported folder (to {decode_name(target)}): not followed; "
        "import that path by name or use --follow-symlinks",
    )


def _walk(root: str, follow_symlinks: bool = False) -> Iterator[str | QuarantineRecord]:
    """File paths under `root` (or `root` itself), depth first, in name order."""
    visited: set[tuple[int, int]] = set()
    root_real = os.path.realpath(root)
    stack: list[tuple[str, Ignores] | QuarantineRecord] = [(root, ())]
    while stack:
        entry = stack.pop()
        if isinstance(entry, QuarantineRecord):
            yield entry
            continue
        path, ignores = entry
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
                    (entry.name, _is_dir(entry), entry.is_symlink())
                    for entry in entries
                    if not _skipped(entry.name)
                )
        except OSError as error:
            yield _quarantine(path, f"cannot list folder: {_os_reason(error)}")
            continue
        for name, is_dir, is_link in reversed(children):
            child = os.path.join(path, name)
            if _ignored(child, is_dir, ignores):
                continue
            target = None if follow_symlinks or not is_link else _leads_outside(child, root_real)
            stack.append(_outside_record(child, target) if target else (child, ignores))


def iter_file_paths(
    paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False
) -> Iterator[str | QuarantineRecord]:
    for root in paths:
        yield from _walk(os.fspath(root), follow_symlinks)


def count_files(paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False) -> int:
    """How many entries `discover` will yield (for a progress bar); reads no file contents."""
    return sum(1 for _ in iter_file_paths(paths, follow_symlinks=follow_symlinks))


def read_raw(path: str) -> RawDocument | QuarantineRecord:
    """The file's bytes (size limit and OS errors as the readers word them), or why they cannot be had."""
    from zhaoyin.extractors.readers.limits import raw_from_path

    name = decode_name(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a pipe would block the import
            return _quarantine(path, "not a regular file (device, socket or pipe)")
        return raw_from_path(path, source=name, meta={"file_name": name.rsplit("/", 1)[-1]})
    except ReadError as error:
        return QuarantineRecord(path=name, stage=error.stage or "read", reason=error.reason)
    except OSError as error:
        return _quarantine(path, f"cannot read file: {_os_reason(error)}")


def discover(
    paths: Iterable[str | os.PathLike], *, follow_symlinks: bool = False
) -> Iterator[RawDocument | QuarantineRecord]:
    """RawDocuments of every file under `paths`, read only when the consumer asks for the next one."""
    for item in iter_file_paths(paths, follow_symlinks=follow_symlinks):
        yield item if isinstance(item, QuarantineRecord) else read_raw(item)
