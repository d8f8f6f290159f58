"""Expand the paths a user gives into readable log sources.

Folders are walked recursively (hidden files skipped), ``.gz`` files are decompressed as
they stream, and every member of a ``.zip`` is a source of its own, streamed too. Each
source knows its display path, the name used for sniffing (without ``.gz``) and the sha256
that identifies it in the workspace manifest.

Decompression is bounded (``limits.py``): a file or member that expands past the maximum
size, or past the maximum ratio to its compressed size, stops with an
``UnreadableFileError`` naming it. A damaged archive (bad CRC, truncated stream) is one too.
A zip member whose name would leave the archive (``..``, an absolute path, backslashes) is
reported, never read.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from analyzer.errors import UnreadableFileError
from analyzer.ingest import limits
from analyzer.ingest.jsonl import CHUNK_BYTES

_HASH_BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: str  # what the user sees: "logs/a.jsonl.gz" or "export.zip!2026/a.jsonl"
    name: str  # file name used for sniffing, ".gz" removed
    sha256: str
    size: int  # bytes on disk (compressed size for .gz)
    mtime: float  # modification time (Unix seconds): the timestamp of last resort
    opener: Callable[[], BinaryIO]
    seekable: bool = False  # a plain file on disk: it can be read in byte ranges (``pieces``)
    uncompressed: int | None = None  # bytes once decompressed, when known (progress only)

    @property
    def expanded(self) -> int:
        """The bytes the parsers will see (for progress): the uncompressed size when known."""
        return self.size if self.uncompressed is None else self.uncompressed

    def open(self) -> BinaryIO:
        try:
            return self.opener()
        except (OSError, zipfile.BadZipFile, EOFError) as e:
            raise UnreadableFileError(self.path, f"cannot read: {e}") from e


def expand(paths: list[str | Path]) -> Iterator[Source | UnreadableFileError]:
    """Sources for every file under ``paths``; an unusable path yields its error instead."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield UnreadableFileError(str(path), "no such file or folder")
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith("."):
                        yield from _file_sources(Path(root) / f)
        else:
            yield from _file_sources(path)


def _file_sources(path: Path) -> Iterator[Source | UnreadableFileError]:
    try:
        digest = _sha256(path)
        stat = path.stat()
        size, mtime = stat.st_size, stat.st_mtime
    except OSError as e:
        yield UnreadableFileError(str(path), f"cannot read: {e.strerror or e}")
        return
    if path.suffix.lower() == ".zip":
        yield from _zip_sources(path, digest)
    elif path.suffix.lower() == ".gz":
        yield Source(str(path), path.stem, digest, size, mtime, lambda: _checked_gzip(path),
                     uncompressed=_gzip_size(path, size))
    else:
        yield Source(str(path), path.name, digest, size, mtime, lambda: open(path, "rb"), seekable=True)


def _zip_sources(path: Path, digest: str) -> Iterator[Source | UnreadableFileError]:
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as e:
        yield UnreadableFileError(str(path), f"not a readable zip archive ({e})")
        return
    for m in sorted(members, key=lambda m: m.filename):
        shown = f"{path}!{m.filename}"
        if _leaves_archive(m.filename):
            yield UnreadableFileError(shown, "refused: the member's name leaves the archive")
            continue
        base = m.filename.rsplit("/", 1)[-1]
        if base.startswith(".") or m.filename.startswith("__MACOSX/"):
            continue
        member_digest = hashlib.sha256(f"{digest}!{m.filename}:{m.CRC}".encode()).hexdigest()
        name = base[:-3] if base.lower().endswith(".gz") else base

        def opener(member: zipfile.ZipInfo = m, shown: str = shown) -> BinaryIO:
            stream: BinaryIO = zipfile.ZipFile(path).open(member)  # CRC-checked at its end
            if member.filename.lower().endswith(".gz"):
                stream = gzip.GzipFile(fileobj=stream)  # type: ignore[assignment]
            return Bounded(stream, shown, member.compress_size)

        mtime = datetime(*m.date_time, tzinfo=timezone.utc).timestamp()
        yield Source(shown, name, member_digest, m.compress_size, mtime, opener,
                     uncompressed=None if name != base else m.file_size)  # a .gz member: unknown


def _gzip_size(path: Path, size: int) -> int | None:
    """The uncompressed size a gzip file's trailer states (ISIZE: modulo 4 GiB, and of the last
    member only); None when unreadable. Read for progress, never trusted for limits."""
    if size < 18:  # shorter than a header and a trailer
        return None
    try:
        with open(path, "rb") as f:
            f.seek(size - 4)
            stated = int.from_bytes(f.read(4), "little")
    except OSError:
        return None
    while stated < size * 0.99 - 64:  # below even stored (incompressible) blocks: past 4 GiB it
        stated += 1 << 32  # wrapped; take the smallest size it can stand for
    return stated


class _Stream(io.RawIOBase):
    """A readable raw stream defined by its ``read``."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def pieces(source: Source, size: int) -> list[Source]:
    """A plain file cut into byte ranges of about ``size`` bytes, in whole chunks of
    ``CHUNK_BYTES`` (``LineRange``), so that each range is read in exactly the blocks of whole
    lines that reading the whole file gives (``iter_line_chunks``). Other sources, and files
    of one range, stay whole. The lines of a range are numbered from 1: the caller adds the
    earlier ranges' lines."""
    cells = max(1, size // CHUNK_BYTES)
    step = cells * CHUNK_BYTES
    if not source.seekable or source.size <= step:
        return [source]
    cuts = list(range(0, source.size, step))
    return [Source(source.path, source.name, source.sha256, min(step, source.size - start), source.mtime,
                   LineRange(source.path, start, start + step), seekable=False)
            for start in cuts]


@dataclass(frozen=True)
class LineRange:
    """Opens the lines of a file from the chunk boundary at byte ``start`` to the one at
    ``end`` (both multiples of ``CHUNK_BYTES``); a chunk boundary is where the last line
    that begins before it begins, as ``iter_line_chunks`` cuts a whole file. Reads end on the
    same multiples as a whole file's reads, so the chunks come out the same."""

    path: str
    start: int
    end: int

    def __call__(self) -> BinaryIO:
        f = open(self.path, "rb")
        try:
            size = os.fstat(f.fileno()).st_size
            begin = self._boundary(f, self.start, size)
            stop = self._boundary(f, self.end, size)
            f.seek(begin)
            return _Window(f, begin, stop)  # type: ignore[return-value]
        except BaseException:
            f.close()
            raise

    @staticmethod
    def _boundary(f: BinaryIO, offset: int, size: int) -> int:
        """Just past the last newline before ``offset`` (0 at the start, the size at the end)."""
        if offset <= 0:
            return 0
        if offset >= size:
            return size
        end = offset
        while end > 0:
            begin = max(0, end - _HASH_BLOCK)
            f.seek(begin)
            found = f.read(end - begin).rfind(b"\n")
            if found >= 0:
                return begin + found + 1
            end = begin
        return 0


class _Window(_Stream):
    """The bytes of ``inner`` from ``pos`` to ``stop``, no read crossing a multiple of
    ``CHUNK_BYTES`` (as whole-file reads of ``CHUNK_BYTES`` each end on one)."""

    def __init__(self, inner: BinaryIO, pos: int, stop: int) -> None:
        self.inner, self.pos, self.stop = inner, pos, stop
        self.starts_file = pos == 0  # elsewhere, bytes that look like a byte order mark are a line's

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return b"".join(iter(lambda: self.read(CHUNK_BYTES), b""))
        grid = (self.pos // CHUNK_BYTES + 1) * CHUNK_BYTES
        want = min(self.stop, grid, self.pos + size) - self.pos
        data = self.inner.read(want) if want > 0 else b""
        self.pos += len(data)
        return data

    def close(self) -> None:
        self.inner.close()
        super().close()


def _leaves_archive(name: str) -> bool:
    """A member name that extracting would place outside the archive's folder."""
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or name[1:2] == ":"


def _checked_gzip(path: Path) -> BinaryIO:
    return Bounded(gzip.open(path, "rb"), str(path), path.stat().st_size)  # type: ignore[arg-type]


_DAMAGED = (OSError, EOFError, zipfile.BadZipFile, zlib.error)


class Bounded(_Stream):
    """A decompressing stream that stops at the size and ratio limits (``limits.py``), and
    turns a damaged archive into an ``UnreadableFileError`` naming the file."""

    def __init__(self, inner: BinaryIO, path: str, compressed: int) -> None:
        self.inner, self.path, self.compressed = inner, path, max(compressed, 1)
        self.limits = limits.current()
        self.total = 0

    def read(self, size: int | None = -1) -> bytes:
        want = self.limits.max_file_bytes + 1 - self.total if size is None or size < 0 else size
        try:
            data = self.inner.read(max(want, 0))
        except _DAMAGED as e:
            raise UnreadableFileError(self.path, f"truncated or corrupt archive ({e})") from e
        self.total += len(data)
        self._check()
        return data

    def _check(self) -> None:
        lim = self.limits
        if self.total > lim.max_file_bytes:
            raise UnreadableFileError(self.path, f"decompresses past {limits.megabytes(lim.max_file_bytes)}: "
                                      f"refused (raise {limits.variable('max_file_bytes')} if it is real)")
        ratio = self.total / self.compressed
        if self.total > lim.ratio_floor_bytes and ratio > lim.max_ratio:
            raise UnreadableFileError(
                self.path, f"expands more than {lim.max_ratio:g}× its compressed size "
                f"({limits.megabytes(self.total)} from {limits.megabytes(self.compressed)}): refused as a "
                f"decompression bomb (raise {limits.variable('max_ratio')} if it is real)")

    def close(self) -> None:
        with contextlib.suppress(*_DAMAGED):
            self.inner.close()
        super().close()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_HASH_BLOCK):
            h.update(block)
    return h.hexdigest()


def read_all(source: Source, limit: int, what: str, field: str) -> bytes:
    """The whole decompressed content, at most ``limit`` bytes (``what`` names the layout in
    the message, ``field`` the limit); a truncated archive raises ``UnreadableFileError``."""
    with source.open() as f:
        try:
            data = f.read(limit + 1)
        except _DAMAGED as e:
            raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e
    if len(data) > limit:
        raise UnreadableFileError(
            source.path, f"{what} over {limits.megabytes(limit)}, read whole: refused (raise "
            f"{limits.variable(field)}, or convert it to JSONL, which streams)")
    return data
