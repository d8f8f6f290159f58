"""Expand the paths a user gives into readable log sources.

Folders are walked recursively (hidden files skipped), ``.gz`` files are decompressed as
they stream, and every member of a ``.zip`` is a source of its own. Each source knows its
display path, the name used for sniffing (without ``.gz``) and the sha256 that identifies
it in the workspace manifest.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import UnreadableFileError

_HASH_BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class Source:
    path: str  # what the user sees: "logs/a.jsonl.gz" or "export.zip!2026/a.jsonl"
    name: str  # file name used for sniffing, ".gz" removed
    sha256: str
    size: int  # bytes on disk (compressed size for .gz)
    mtime: float  # modification time (Unix seconds): the timestamp of last resort
    opener: Callable[[], BinaryIO]

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
        yield Source(str(path), path.stem, digest, size, mtime, lambda: _checked_gzip(path))
    else:
        yield Source(str(path), path.name, digest, size, mtime, lambda: open(path, "rb"))


def _zip_sources(path: Path, digest: str) -> Iterator[Source | UnreadableFileError]:
    try:
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as e:
        yield UnreadableFileError(str(path), f"not a readable zip archive ({e})")
        return
    for m in sorted(members, key=lambda m: m.filename):
        base = m.filename.rsplit("/", 1)[-1]
        if base.startswith(".") or m.filename.startswith("__MACOSX/"):
            continue
        member_digest = hashlib.sha256(f"{digest}!{m.filename}:{m.CRC}".encode()).hexdigest()
        name = base[:-3] if base.lower().endswith(".gz") else base

        def opener(member: zipfile.ZipInfo = m) -> BinaryIO:
            data = zipfile.ZipFile(path).read(member)  # CRC-checked: a truncated member raises
            if member.filename.lower().endswith(".gz"):
                data = gzip.decompress(data)
            return io.BytesIO(data)

        mtime = datetime(*m.date_time, tzinfo=timezone.utc).timestamp()
        yield Source(f"{path}!{m.filename}", name, member_digest, m.compress_size, mtime, opener)


def _checked_gzip(path: Path) -> BinaryIO:
    return gzip.open(path, "rb")  # type: ignore[return-value]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(_HASH_BLOCK):
            h.update(block)
    return h.hexdigest()


def read_all(source: Source) -> bytes:
    """The whole decompressed content; a truncated archive raises ``UnreadableFileError``."""
    with source.open() as f:
        try:
            return f.read()
        except (OSError, EOFError, zipfile.BadZipFile) as e:
            raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e
