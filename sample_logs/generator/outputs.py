"""Output plumbing: deterministic gzip or plain JSON-lines writers, the expected-categories CSV
(the ground truth keyed by the id in each log record) and the feedback CSV. Gzip members carry
``mtime=0`` and no file name, so the same input always gives the same bytes."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import orjson


class LineWriter:
    """Streams JSON lines to a (deterministic) gzip or plain file."""

    def __init__(self, path: Path, gz: bool, bad: dict[int, bytes] | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._raw: BinaryIO = open(path, "wb")
        self._f: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=9)  # type: ignore[assignment]
            if gz else self._raw
        )
        self._buf: list[bytes] = []
        self._bad = dict(bad or {})
        self.lines = 0

    def write(self, obj: Any) -> None:
        while self._bad and (self.lines + 1) in self._bad:
            self._raw_line(self._bad.pop(self.lines + 1))
        self._raw_line(orjson.dumps(obj))

    def _raw_line(self, b: bytes) -> None:
        self._buf.append(b)
        self.lines += 1
        if len(self._buf) >= 4096:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self._f.write(b"\n".join(self._buf) + b"\n")
            self._buf = []

    def close(self) -> int:
        for pos in sorted(self._bad):  # bad lines planned past the end go last
            self._raw_line(self._bad.pop(pos))
        self._flush()
        if self._f is not self._raw:
            self._f.close()
        self._raw.close()
        return self.lines


class Expected:
    """Streams ``request_id,category`` rows to a CSV (gzip or plain)."""

    def __init__(self, path: Path, gz: bool) -> None:
        self.path = path
        self._raw: BinaryIO = open(path, "wb")
        self._f: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=9)  # type: ignore[assignment]
            if gz else self._raw
        )
        self._buf: list[str] = ["request_id,category\n"]
        self.rows = 0

    def add(self, request_id: str, category: str) -> None:
        self._buf.append(f"{request_id},{category}\n")
        self.rows += 1
        if len(self._buf) >= 8192:
            self._flush()

    def _flush(self) -> None:
        self._f.write("".join(self._buf).encode())
        self._buf = []

    def close(self) -> int:
        self._flush()
        if self._f is not self._raw:
            self._f.close()
        self._raw.close()
        return self.rows


def jsonl_ext(gz: bool) -> str:
    return ".jsonl.gz" if gz else ".jsonl"


FEEDBACK_FILE = "feedback.csv"


def write_feedback(path: Path, rows: Sequence[tuple[str, str, str]]) -> None:
    """``request_id,flag,score`` (docs/quality.md): flag 1 = a bad answer, 0 = fine; score 1-5
    where the product's screen asks for one, else empty. Plain CSV: copied into a workspace,
    ``spendscope quality`` reads it."""
    text = "request_id,flag,score\n" + "".join(f"{rid},{flag},{score}\n" for rid, flag, score in rows)
    path.write_text(text, encoding="utf-8")
