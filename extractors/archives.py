"""Zip and tar(.gz) archives → one RawDocument per member, read lazily, with limits against bombs.

Members get the source "<archive source>!/<member path>", the member path decoded as UTF-8, else GB18030,
else with its bytes escaped (`readers.encoding.decode_name`). Members are read one at a time, when the
consumer asks for the next one, so an archive costs the memory of its largest member, not of all of them. Archive-wide problems (too many members, too
many bytes, a suspicious compression ratio, absolute or `..` member paths, a corrupt archive) raise
ReadError before any member is yielded. A problem with one member (too large, encrypted, an archive
nested too deep) yields that member with `meta["refused"]` set to the reason and a short marker as data:
`read_document` raises ReadError with that reason, so the importer quarantines just that member.
"""

from __future__ import annotations

import gzip
import io
import mimetypes
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from zhaoyin.extractors.readers import sniff
from zhaoyin.extractors.readers.encoding import decode_name
from zhaoyin.extractors.readers.limits import human_size, size_limit
from zhaoyin.schemas import RawDocument, ReadError

MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200  # uncompressed ÷ compressed, checked once an archive expands past RATIO_FLOOR
RATIO_FLOOR = 16 * 1024**2
MAX_DEPTH = 1  # an archive inside an archive is expanded; one level deeper is refused

_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "__macosx", ".git", ".svn"}


@dataclass
class ArchiveLimits:
    max_members: int = MAX_MEMBERS
    max_total_bytes: int = MAX_TOTAL_BYTES
    max_ratio: float = MAX_RATIO
    max_depth: int = MAX_DEPTH
    max_member_bytes: int | None = None  # default: the reader's size limit
    _members: int = field(default=0, repr=False)
    _bytes: int = field(default=0, repr=False)


def is_archive(data: bytes) -> bool:
    """True for zip, tar and gzip data (a .docx is a zip too, but a document, so False)."""
    return sniff.sniff_media_type(data[:4096] if not data.startswith(b"PK") else data) in sniff.ARCHIVES


def _is_junk(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return any(p.lower() in _JUNK_NAMES or p.startswith((".", "~$")) for p in parts)


def _check_path(path: str, archive: str) -> None:
    p = path.replace("\\", "/")
    if p.startswith("/") or (len(p) > 1 and p[1] == ":") or ".." in PurePosixPath(p).parts:
        raise ReadError(
            f"unsafe archive: member path {path!r} is absolute or climbs out with '..' ({archive})"
        )


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Names from Chinese Windows zip tools are GBK without the UTF-8 flag; zipfile decodes them as cp437."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return info.filename


def _member(raw: RawDocument, path: str, data: bytes, depth: int, refused: str | None = None) -> RawDocument:
    meta = {"archive": raw.source, "member": path, "archive_depth": depth}
    if refused:
        meta["refused"] = refused
        # a marker instead of the bytes, distinct per member so hash-based de-duplication keeps each one
        data = f"refused archive member {raw.source}!/{path}: {refused}".encode()
    return RawDocument(
        data=data,
        source=f"{raw.source}!/{path}",
        fetched_at=raw.fetched_at,
        media_type_hint=mimetypes.guess_type(path)[0],
        meta=meta,
    )


def expand_archive(raw: RawDocument, *, limits: ArchiveLimits | None = None) -> Iterator[RawDocument]:
    """Yield the members of a zip, tar, tar.gz/.tgz or .gz archive as RawDocuments, lazily."""
    limits = limits or ArchiveLimits()
    depth = int(raw.meta.get("archive_depth", 0))
    kind = sniff.sniff_media_type(raw.data)
    if kind == sniff.ZIP:
        members = _zip_members(raw, limits)
    elif kind in (sniff.GZIP, sniff.TAR):
        members = _tar_members(raw, limits) if _is_tar_data(raw.data, kind) else _gzip_member(raw, limits)
    else:
        raise ReadError(f"not an archive ({kind})")
    member_limit = size_limit(limits.max_member_bytes)
    for path, size, read in members:
        if size > member_limit:
            yield _member(raw, path, b"", depth + 1, _too_large(size, member_limit))
            continue
        try:
            data = read()
        except ReadError as exc:
            yield _member(raw, path, b"", depth + 1, exc.reason)
            continue
        if is_archive(data):
            if depth + 1 > limits.max_depth:
                reason = (
                    f"nested archive too deep: archives are expanded at most {limits.max_depth} level(s) deep"
                )
                yield _member(raw, path, b"", depth + 1, reason)
                continue
            nested = _member(raw, path, data, depth + 1)
            yield from expand_archive(nested, limits=limits)
            continue
        yield _member(raw, path, data, depth + 1)


def _too_large(size: int, limit: int) -> str:
    return f"archive member too large: {human_size(size)} is over the size limit of {human_size(limit)}"


def _count(limits: ArchiveLimits, size: int, packed_total: int, source: str) -> None:
    limits._members += 1
    limits._bytes += size
    if limits._members > limits.max_members:
        raise ReadError(f"archive rejected: more than {limits.max_members} members ({source})")
    if limits._bytes > limits.max_total_bytes:
        raise ReadError(
            f"archive rejected as a zip bomb: expands to more than {human_size(limits.max_total_bytes)} "
            f"({source})"
        )
    if limits._bytes > RATIO_FLOOR and limits._bytes / max(packed_total, 1) > limits.max_ratio:
        raise ReadError(
            f"archive rejected as a zip bomb: compression ratio over {limits.max_ratio:.0f}:1 "
            f"({human_size(limits._bytes)} from {human_size(packed_total)}; {source})"
        )


def _zip_members(raw: RawDocument, limits: ArchiveLimits):
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw.data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ReadError(f"corrupt zip archive (or a truncated .docx): {exc}") from None
    chosen = []
    for info in infos:  # every check before the first member is read
        name = _zip_name(info)
        _check_path(name, raw.source)
        if info.is_dir() or _is_junk(name) or stat.S_ISLNK(info.external_attr >> 16):
            continue  # a symlink member holds a path, not a document
        _count(limits, info.file_size, len(raw.data), raw.source)
        chosen.append((name, info))

    def reader(info: zipfile.ZipInfo, limit: int):
        def read() -> bytes:
            if info.flag_bits & 0x1:
                raise ReadError("encrypted archive member: it needs a password")
            try:
                with zf.open(info) as fh:
                    return fh.read(limit + 1)
            except (
                zipfile.BadZipFile,
                OSError,
                ValueError,
                EOFError,
                NotImplementedError,
                RuntimeError,
                zlib.error,
            ) as exc:
                raise ReadError(f"corrupt archive member: {exc}") from None

        return read

    limit = size_limit(limits.max_member_bytes)
    return ((name, info.file_size, reader(info, limit)) for name, info in chosen)


def _is_tar_data(data: bytes, kind: str) -> bool:
    if kind == sniff.TAR:
        return True
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            head = gz.read(512)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"corrupt gzip archive: {exc}") from None
    return len(head) >= 262 and head[257:262] == b"ustar"


def _tar_members(raw: RawDocument, limits: ArchiveLimits):
    chosen = []
    try:
        # first pass: headers only (streaming, so the scan stops at the first limit it trips)
        with tarfile.open(fileobj=io.BytesIO(raw.data), mode="r|*") as tf:
            for info in tf:
                name = decode_name(info.name)  # tarfile keeps undecodable bytes as lone surrogates
                _check_path(name, raw.source)
                if info.issym() or info.islnk():
                    continue  # links could point anywhere; they are not documents
                if not info.isfile() or _is_junk(name):
                    continue
                _count(limits, info.size, len(raw.data), raw.source)
                chosen.append(info.name)
        tf = tarfile.open(fileobj=io.BytesIO(raw.data), mode="r:*")
    except ReadError:
        raise
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error) as exc:
        raise ReadError(f"corrupt tar archive: {exc.__class__.__name__}: {exc}") from None
    limit = size_limit(limits.max_member_bytes)

    def members():
        with tf:
            for info in tf:
                if info.name not in chosen_set or not info.isfile():
                    continue

                def read(info=info) -> bytes:
                    try:
                        fh = tf.extractfile(info)
                        return fh.read(limit + 1) if fh else b""
                    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
                        raise ReadError(f"corrupt archive member: {exc}") from None

                yield decode_name(info.name), info.size, read

    chosen_set = set(chosen)
    return members()


def _gzip_member(raw: RawDocument, limits: ArchiveLimits):
    name = raw.source.replace("\\", "/").rsplit("!/", 1)[-1].rsplit("/", 1)[-1]
    name = name[:-3] if name.lower().endswith(".gz") else name + ".out"
    limit = size_limit(limits.max_member_bytes)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw.data)) as gz:
            data = gz.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"corrupt gzip file: {exc}") from None
    _count(limits, len(data), len(raw.data), raw.source)
    return iter([(name, len(data), lambda: data)])
