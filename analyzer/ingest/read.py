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
from collections.abc import Iterator
from dataclasses import dataclass

import orjson
import polars as pl

from analyzer.errors import UnreadableFileError
from analyzer.ingest import detect
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsonl import BOM, Parsed, Rejection, iter_line_chunks, parse_block, parse_records
from analyzer.ingest.sources import Source, read_all


@dataclass
class Opened:
    source: Source
    sample: Sample
    fmt: Format
    whole: bytes | None  # the decoded content, when it had to be read whole to sniff
    column_map: dict[str, str]  # CSV columns renamed before detection (``--map``)


def open_source(source: Source, column_map: dict[str, str] | None = None) -> Opened:
    """Sniff a source and choose its adapter (raises for unknown or unreadable files)."""
    column_map = column_map or {}
    with source.open() as f:
        try:
            head = f.read(detect.HEAD_BYTES)
        except (OSError, EOFError) as e:
            raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e
    sample = detect.sample_of(source, head)
    whole = None
    if sample.layout == "unknown" and head.lstrip(BOM + b" \t\r\n")[:1] in (b"{", b"["):
        whole = read_all(source)
        sample = detect.sample_of(source, head, whole)
    if sample.csv_header and column_map:
        renamed = tuple(column_map.get(c, c) for c in sample.csv_header)
        sample = Sample(sample.name, sample.layout, sample.records, renamed)
    return Opened(source, sample, detect.choose(source, sample), whole, column_map)


def chunks(opened: Opened) -> Iterator[tuple[Parsed, pl.DataFrame]]:
    """``(parsed, pre_canonical)`` pairs for the whole source."""
    fmt = opened.fmt
    for parsed in _parsed(opened):
        if parsed.frame.height:
            canon = (
                fmt.csv_to_canonical(parsed.frame)
                if opened.sample.layout == "csv"
                else fmt.to_canonical(parsed.frame)
            )
        else:
            canon = pl.DataFrame({"_line": pl.Series([], dtype=pl.Int64)})
        yield parsed, canon


def _parsed(opened: Opened) -> Iterator[Parsed]:
    layout, fmt, source = opened.sample.layout, opened.fmt, opened.source
    if layout == "csv":
        parsed = _read_csv(read_all(source), source.path)
        renames = {k: v for k, v in opened.column_map.items() if k in parsed.frame.columns}
        parsed.frame = parsed.frame.rename(renames) if renames else parsed.frame
        yield parsed
    elif layout == "json":
        data = opened.whole if opened.whole is not None else read_all(source)
        doc = orjson.loads(data[len(BOM) :] if data.startswith(BOM) else data)
        records = list(enumerate(fmt.records(doc), start=1))
        yield parse_records(records, fmt.schema)
    elif fmt.explodes(opened.sample):
        yield from _exploded_lines(source, fmt)
    else:
        try:
            with source.open() as f:
                for first_line, block in iter_line_chunks(f):
                    yield parse_block(block, first_line, fmt.schema)
        except (OSError, EOFError) as e:
            raise UnreadableFileError(source.path, f"truncated or corrupt archive ({e})") from e


def _exploded_lines(source: Source, fmt: Format) -> Iterator[Parsed]:
    with source.open() as f:
        for first_line, block in iter_line_chunks(f):
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
                    rejections.append(Rejection(n, f"invalid JSON ({str(e).split(':')[0]})"))
                    continue
                found = [(n, r) for r in fmt.records(doc)]
                if not found:
                    blank += 1  # a document with no records (e.g. a page of empty buckets)
                records.extend(found)
            parsed = parse_records(records, fmt.schema)
            parsed.rejections = sorted(parsed.rejections + rejections, key=lambda r: r.line)
            parsed.blank_lines = blank
            parsed.lines = len(records) + len(rejections) + blank
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
