"""Turn one source into pre-canonical chunks with its chosen adapter.

Three layouts, one outcome (frames with ``_line`` plus rejections):

- JSONL: streamed in blocks of whole lines (bounded memory); documents-per-line formats
  (``explode``) decode each line and parse the records inside it.
- JSON document: decoded whole; the adapter lists its records (numbered 1..n).
- CSV: read as all-string columns (line = data row + 1 for the header); a ragged row is
  rejected on its own and the others are kept.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import orjson
import polars as pl

from analyzer.errors import UnreadableFileError
from analyzer.ingest import detect, limits
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsonl import (
    BOM, CHUNK_BYTES, Lines, Parsed, Rejection, iter_line_chunks, line_id, oversized_reason, parse_block,
    parse_records,
)
from analyzer.ingest.sources import Source, read_all


@dataclass
class Opened:
    source: Source
    sample: Sample
    fmt: Format
    whole: bytes | None  # the decoded content, when it had to be read whole to sniff
    column_map: dict[str, str]  # CSV columns renamed before detection (``--map``)


def open_source(source: Source, column_map: dict[str, str] | None = None,
                hint: Format | None = None) -> Opened:
    """Sniff a source and choose its adapter (raises for unknown or unreadable files).

    ``hint``: the format of the previous file in the same folder. A JSONL file whose first
    records that adapter recognises is taken as that format at once, without decoding the
    full sample and asking every adapter (a Claude Code folder holds thousands of files)."""
    column_map = column_map or {}
    with source.open() as f:
        try:
            head = f.read(detect.HEAD_BYTES)
        except (OSError, EOFError) as e:
            raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e
    if hint is not None:
        quick = detect.sample_of(source, head, records=detect.QUICK_RECORDS)
        if quick.layout == "jsonl" and detect.sniffs(hint, quick):
            return Opened(source, quick, hint, None, column_map)
    sample = detect.sample_of(source, head)
    if sample.layout == "unknown" and len(head) == detect.HEAD_BYTES and b"\n" not in head:
        head = _long_head(source)  # one line longer than the head: a JSONL page of a usage export
        sample = detect.sample_of(source, head)
    whole = None
    if sample.layout == "unknown" and head.lstrip(BOM + b" \t\r\n")[:1] in (b"{", b"["):
        whole = _document(source)
        sample = detect.sample_of(source, head, whole)
    if sample.csv_header and column_map:
        renamed = tuple(column_map.get(c, c) for c in sample.csv_header)
        sample = Sample(sample.name, sample.layout, sample.records, renamed)
    return Opened(source, sample, detect.choose(source, sample), whole, column_map)


def _long_head(source: Source) -> bytes:
    """The head of a file whose first line is longer than ``detect.HEAD_BYTES``: to the end
    of that line (at most the longest line read, ``limits.py``) and the head of what follows."""
    cap = limits.current().max_line_bytes
    parts: list[bytes] = []
    held = 0
    try:
        with source.open() as f:
            while held < cap:
                block = f.read(detect.HEAD_BYTES)
                parts.append(block)
                held += len(block)
                if not block or b"\n" in block:
                    break
            parts.append(f.read(detect.HEAD_BYTES))
    except (OSError, EOFError) as e:
        raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e
    return b"".join(parts)


def chunks(opened: Opened, index: int = 0) -> Iterator[Parsed]:
    """Parsed chunks of the whole source; ``_line`` and rejections hold line ids of file
    ``index`` (``jsonl.line_id``)."""
    offset = line_id(index, 0)
    for parsed in _parsed(opened):
        if offset:
            parsed.frame = parsed.frame.with_columns(pl.col("_line") + offset)
            parsed.rejections = [Rejection(r.line + offset, r.reason) for r in parsed.rejections]
        parsed.lines_by_file = {index: parsed.lines}
        yield parsed


def canonical(opened: Opened, parsed: Parsed) -> pl.DataFrame:
    """The adapter's pre-canonical frame of a parsed chunk."""
    if not parsed.frame.height:
        return pl.DataFrame({"_line": pl.Series([], dtype=pl.Int64)})
    if opened.sample.layout == "csv":
        return opened.fmt.csv_to_canonical(parsed.frame)
    return opened.fmt.to_canonical(parsed.frame)


def batchable(opened: Opened) -> bool:
    """JSONL of one record per line: many such files of a format are read as one stream."""
    return opened.sample.layout == "jsonl" and not opened.fmt.explodes(opened.sample)


def line_blocks(
    files: Sequence[tuple[int, Opened]],
    on_error: Callable[[int, UnreadableFileError], None],
    block_bytes: int = CHUNK_BYTES,
) -> Iterator[Lines]:
    """Blocks of whole lines from many JSONL files of one format, each to be parsed by one
    ``read_ndjson`` call (thousands of small session files cost one read per 8 MB, not one
    per file). A file of more than one chunk (``iter_line_chunks``) is read in blocks of its
    own, one per chunk, so how a file is cut never depends on the files read before it (the
    Ray engine reads such a file's chunks in other processes and must cut it the same way).
    A file that fails mid-way is reported through ``on_error``; its lines still pending are
    dropped here, the ones already yielded by the caller."""
    pieces: list[tuple[int, int, int, bytes]] = []  # (file index, first line, lines, whole lines)
    held = 0

    def flush() -> Lines:
        block = b"".join(p for *_, p in pieces)
        ids = np.concatenate([
            np.arange(first, first + n, dtype=np.int64) + line_id(index, 0)
            for index, first, n, _ in pieces
        ])
        by_file: dict[int, int] = {}
        for index, _, n, _ in pieces:
            by_file[index] = by_file.get(index, 0) + n
        return Lines(block, ids, by_file)

    for index, opened in files:
        start = len(pieces)
        try:
            chunks = _line_chunks(opened.source)
            ahead = list(itertools.islice(chunks, 2))
            if len(ahead) < 2:  # a file of one chunk shares a block with its neighbours
                for first_line, n, block in ahead:
                    pieces.append((index, first_line, n, block))
                    held += len(block)
                if held >= block_bytes:
                    yield flush()
                    pieces, held, start = [], 0, 0
                continue
            if pieces:  # a larger file's blocks are its own chunks, whatever came before it
                yield flush()
                pieces, held, start = [], 0, 0
            for first_line, n, block in itertools.chain(ahead, chunks):
                pieces = [(index, first_line, n, block)]
                yield flush()
            pieces, held, start = [], 0, 0
        except UnreadableFileError as e:
            del pieces[start:]
            held = sum(len(p) for *_, p in pieces)
            on_error(index, e)
    if pieces:
        yield flush()


def _line_chunks(source: Source) -> Iterator[tuple[int, int, bytes]]:
    """``jsonl.iter_line_chunks`` of a source; a damaged archive is an ``UnreadableFileError``."""
    try:
        with source.open() as f:
            yield from iter_line_chunks(f)
    except (OSError, EOFError) as e:
        raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e


def _parsed(opened: Opened) -> Iterator[Parsed]:
    layout, fmt, source = opened.sample.layout, opened.fmt, opened.source
    if layout == "csv":
        lim = limits.current()
        data = read_all(source, lim.max_csv_bytes, "a CSV file", "max_csv_bytes")
        parsed = _read_csv(data, source.path)
        parsed.size = len(data)
        renames = {k: v for k, v in opened.column_map.items() if k in parsed.frame.columns}
        parsed.frame = parsed.frame.rename(renames) if renames else parsed.frame
        yield parsed
    elif layout == "json":
        data = opened.whole if opened.whole is not None else _document(source)
        doc = orjson.loads(data[len(BOM) :] if data.startswith(BOM) else data)
        records = list(enumerate(fmt.records(doc), start=1))
        parsed = parse_records(records, fmt.schema)
        parsed.size = len(data)
        yield parsed
    elif fmt.explodes(opened.sample):
        yield from _exploded_lines(source, fmt)
    else:
        for first_line, n, block in _line_chunks(source):
            parsed = parse_block(block, first_line, fmt.schema, n)
            parsed.size = len(block)
            yield parsed


def _document(source: Source) -> bytes:
    return read_all(source, limits.current().max_document_bytes, "a JSON document", "max_document_bytes")


def _exploded_lines(source: Source, fmt: Format) -> Iterator[Parsed]:
    with source.open() as f:
        for first_line, _, block in iter_line_chunks(f):
            records: list[tuple[int, object]] = []
            rejections: list[Rejection] = []
            blank = 0
            lines = block.split(b"\n")[:-1]
            for i, line in enumerate(lines):
                n = first_line + i
                if not line.strip():
                    blank += 1
                    continue
                try:
                    doc = orjson.loads(line)
                except orjson.JSONDecodeError as e:
                    reason = oversized_reason(line) or f"invalid JSON ({str(e).split(':')[0]})"
                    rejections.append(Rejection(n, reason))
                    continue
                found = [(n, r) for r in fmt.records(doc)]
                if not found:
                    blank += 1  # a document with no records (e.g. a page of empty buckets)
                records.extend(found)
            parsed = parse_records(records, fmt.schema)
            parsed.rejections = sorted(parsed.rejections + rejections, key=lambda r: r.line)
            parsed.blank_lines = blank
            parsed.lines = len(records) + len(rejections) + blank
            parsed.size = len(block)
            yield parsed


def _read_csv(data: bytes, path: str) -> Parsed:
    """All-string columns; a row with too few or too many fields is rejected on its own.

    A first pass with the ``csv`` module checks every row's field count and records its
    real line number (quoted cells may span lines); polars then parses the file, or, when
    some rows are bad, only the good rows are built.
    """
    data = data[len(BOM) :] if data.startswith(BOM) else data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UnreadableFileError(path, f"not UTF-8 text ({e.reason} at byte {e.start})") from e
    reader = csv.reader(io.StringIO(text))
    header = next(reader, [])
    numbers: list[int] = []
    rejections: list[Rejection] = []
    blank = 0
    start = reader.line_num + 1  # a record is numbered by the line it starts on
    for row in reader:
        if not row or (len(row) == 1 and not row[0].strip()):
            blank += 1
        elif len(row) != len(header):
            rejections.append(Rejection(start, f"expected {len(header)} CSV fields, found {len(row)}"))
        else:
            numbers.append(start)
        start = reader.line_num + 1
    lines = len(numbers) + len(rejections) + blank
    if not rejections:
        try:
            frame = pl.read_csv(io.BytesIO(data), infer_schema=False)
        except (pl.exceptions.PolarsError, ValueError):
            frame = None
        if frame is not None and frame.height == len(numbers):
            return Parsed(frame.with_columns(pl.Series("_line", numbers, pl.Int64)), [], blank, lines)
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    rows = [row for row in reader if len(row) == len(header)]
    frame = pl.DataFrame(rows, schema=[(h, pl.String) for h in header], orient="row")
    return Parsed(frame.with_columns(pl.Series("_line", numbers, pl.Int64)), rejections, blank, lines)
