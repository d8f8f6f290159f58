"""Read newline-delimited JSON in bounded memory, one line id per row.

A line id is ``file_index * 2**32 + line_number`` (``line_id``): a block may hold whole lines
of many small files of one format (Claude Code writes thousands of session files), read by
one ``read_ndjson`` call, and every row still knows its file and line.

Fast path: a chunk of whole lines goes to ``polars.read_ndjson`` with the adapter's read
schema, whose leaves are strings, so a wrong type cannot fail the chunk. When the chunk
still fails (malformed JSON, an object where a scalar was expected) or holds blank lines,
it is bisected until the bad lines are isolated: each becomes a ``Rejection`` and every
other line is still read. A file with one bad line costs about two reads of its chunk.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import numpy as np
import orjson
import polars as pl

from analyzer.ingest import limits

CHUNK_BYTES = 8 * 1024 * 1024
_BISECT_FLOOR = 16
_POLARS_ERRORS = (pl.exceptions.ComputeError, pl.exceptions.PolarsError, ValueError)
BOM = b"\xef\xbb\xbf"
FILE_SHIFT = 32  # line id = file index << FILE_SHIFT | line number


def line_id(file_index: int, line: int) -> int:
    return (file_index << FILE_SHIFT) | line


def split_id(gid: int) -> tuple[int, int]:
    """``(file_index, line_number)`` of a line id."""
    return gid >> FILE_SHIFT, gid & ((1 << FILE_SHIFT) - 1)


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str


@dataclass
class Parsed:
    frame: pl.DataFrame  # read-schema columns plus ``_line`` (line ids)
    rejections: list[Rejection]  # ``line`` is a line id
    blank_lines: int
    lines: int  # physical lines (or records) in the chunk
    lines_by_file: dict[int, int] | None = None  # file index -> lines; None: one file, index 0
    size: int = 0  # bytes of input the chunk covers (for progress: ``tally.py``)


@dataclass
class Lines:
    """Whole lines of one or more files, not yet parsed; ``ids`` holds each line's id."""

    block: bytes
    ids: np.ndarray
    by_file: dict[int, int]  # file index -> lines

    def parse(self, schema: pl.Schema) -> Parsed:
        parsed = parse_lines(self.block, self.ids, schema)
        parsed.lines_by_file = self.by_file
        parsed.size = len(self.block)
        return parsed


def iter_line_chunks(stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES,
                     max_line: int | None = None) -> Iterator[tuple[int, int, bytes]]:
    """Yield ``(first_line_number, lines, bytes)`` blocks of whole lines, each ending in ``\\n``.

    A line longer than ``max_line`` bytes (default: ``limits.py``) is never held whole: it is
    skipped up to its newline and stands in its block as an ``oversized`` marker line, which
    the parsers reject with its length (so the line still counts, once)."""
    max_line = limits.current().max_line_bytes if max_line is None else max_line
    carry = b""
    line_no = 1
    first = getattr(stream, "starts_file", True)  # a byte order mark is only a file's first bytes
    while True:
        buf = stream.read(chunk_bytes)
        if first:
            first = False
            if buf.startswith(BOM):
                buf = buf[len(BOM) :]
        if not buf:
            if carry:
                yield line_no, 1, _long_lines_marked(carry + b"\n", max_line)
            return
        buf = carry + buf
        cut = buf.rfind(b"\n")
        if cut < 0:
            if len(buf) > max_line:
                length, carry = _skip_line(stream, len(buf), chunk_bytes)
                yield line_no, 1, oversized(length) + b"\n"
                line_no += 1
            else:
                carry = buf
            continue
        block, carry = buf[: cut + 1], buf[cut + 1 :]
        lines = block.count(b"\n")
        yield line_no, lines, _long_lines_marked(block, max_line) if max_line < chunk_bytes else block
        line_no += lines


_OVERSIZED = b"\x00spendscope:oversized:"


def oversized(length: int) -> bytes:
    """The marker that stands for a line too long to read (never valid JSON)."""
    return _OVERSIZED + str(length).encode()


def oversized_reason(line: bytes) -> str | None:
    """The rejection of a marker line, else None."""
    if not line.startswith(_OVERSIZED):
        return None
    length = int(line[len(_OVERSIZED):].strip() or 0)
    return (f"line longer than {limits.megabytes(limits.current().max_line_bytes)} "
            f"({limits.megabytes(length)}+): not read (raise {limits.variable('max_line_bytes')})")


def _long_lines_marked(block: bytes, max_line: int) -> bytes:
    """``block`` (whole lines) with each line over ``max_line`` bytes replaced by its marker.
    Only a limit under the read size needs this: a longer line never fits in one read."""
    ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
    starts = np.concatenate(([0], ends[:-1] + 1))
    too_long = np.flatnonzero(ends - starts > max_line)
    if not too_long.size:
        return block
    parts, at = [], 0
    for i in too_long:
        start, end = int(starts[i]), int(ends[i])
        parts += [block[at:start], oversized(end - start)]
        at = end  # the newline stays
    parts.append(block[at:])
    return b"".join(parts)


def _skip_line(stream: BinaryIO, held: int, chunk_bytes: int) -> tuple[int, bytes]:
    """Read past the rest of a line (``held`` bytes of it are read already); returns its
    length so far and what follows its newline."""
    length = held
    while buf := stream.read(chunk_bytes):
        cut = buf.find(b"\n")
        if cut >= 0:
            return length + cut, buf[cut + 1:]
        length += len(buf)
    return length, b""


def parse_block(block: bytes, first_line: int, schema: pl.Schema, n_lines: int | None = None) -> Parsed:
    """Parse a block of whole lines (``n_lines`` of them, counted when not given); bad
    lines become rejections."""
    n_lines = block.count(b"\n") if n_lines is None else n_lines
    return parse_lines(block, np.arange(first_line, first_line + n_lines, dtype=np.int64), schema)


def parse_lines(block: bytes, ids: np.ndarray, schema: pl.Schema) -> Parsed:
    """Parse a block of whole lines whose line ids are ``ids`` (one per line)."""
    n_lines = len(ids)
    try:
        frame = pl.read_ndjson(io.BytesIO(block), schema=schema)
        if frame.height == n_lines:
            return Parsed(frame.with_columns(pl.Series("_line", ids, pl.Int64)), [], 0, n_lines)
    except _POLARS_ERRORS:
        pass
    numbered = [
        (int(ids[i]), line)
        for i, line in enumerate(block.split(b"\n")[:n_lines])
        if line.strip()
    ]
    frames: list[pl.DataFrame] = []
    rejections: list[Rejection] = []
    _bisect(numbered, schema, frames, rejections)
    frame = pl.concat(frames, how="vertical") if frames else _with_lines(pl.DataFrame(schema=schema), [])
    rejections.sort(key=lambda r: r.line)
    return Parsed(frame, rejections, n_lines - len(numbered), n_lines)


def parse_records(records: Sequence[tuple[int, object]], schema: pl.Schema) -> Parsed:
    """Parse already-decoded records (from a JSON document), numbered by the caller."""
    numbered = [(n, orjson.dumps(r)) for n, r in records]
    frames: list[pl.DataFrame] = []
    rejections: list[Rejection] = []
    _bisect(numbered, schema, frames, rejections)
    frame = pl.concat(frames, how="vertical") if frames else _with_lines(pl.DataFrame(schema=schema), [])
    rejections.sort(key=lambda r: r.line)
    return Parsed(frame, rejections, 0, len(records))


def _with_lines(frame: pl.DataFrame, lines: Sequence[int] | range) -> pl.DataFrame:
    return frame.with_columns(pl.Series("_line", list(lines) if not isinstance(lines, range) else lines, pl.Int64))


def _read(numbered: Sequence[tuple[int, bytes]], schema: pl.Schema) -> pl.DataFrame | None:
    try:
        frame = pl.read_ndjson(io.BytesIO(b"\n".join(line for _, line in numbered) + b"\n"), schema=schema)
    except _POLARS_ERRORS:
        return None
    if frame.height != len(numbered):
        return None
    return _with_lines(frame, [n for n, _ in numbered])


def _bisect(
    numbered: Sequence[tuple[int, bytes]],
    schema: pl.Schema,
    frames: list[pl.DataFrame],
    rejections: list[Rejection],
) -> None:
    if not numbered:
        return
    frame = _read(numbered, schema)
    if frame is not None:
        frames.append(frame)
        return
    if len(numbered) <= _BISECT_FLOOR:
        for n, line in numbered:
            one = _read([(n, line)], schema)
            if one is None:
                rejections.append(Rejection(n, _line_problem(line, schema)))
            else:
                frames.append(one)
        return
    mid = len(numbered) // 2
    _bisect(numbered[:mid], schema, frames, rejections)
    _bisect(numbered[mid:], schema, frames, rejections)


def _line_problem(line: bytes, schema: pl.Schema) -> str:
    too_long = oversized_reason(line)
    if too_long:
        return too_long
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        return f"invalid JSON ({str(e).split(':')[0]})"
    if not isinstance(value, dict):
        return f"not a JSON object (a {type(value).__name__})"
    try:
        pl.read_ndjson(io.BytesIO(line), schema=schema)
    except _POLARS_ERRORS as e:
        msg = str(e).strip().splitlines()[0]
        return f"unexpected structure: {msg[:160]}"
    return "unreadable record"
