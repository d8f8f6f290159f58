"""Pick exactly one adapter for a file by looking at its first records.

The sample is the first few JSON objects (JSONL lines, a JSON array's items, or the whole
document) or the CSV header. Every adapter sniffs it; exactly one must say yes.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import orjson

from analyzer.errors import UnknownFormatError, UnreadableFileError
from analyzer.ingest.formats import FORMATS
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsonl import BOM
from analyzer.ingest.sources import Source

HEAD_BYTES = 256 * 1024
SAMPLE_RECORDS = 20
QUICK_RECORDS = 3  # records a folder's known format is first checked on


def sample_of(source: Source, head: bytes, whole: bytes | None = None,
              records: int = SAMPLE_RECORDS) -> Sample:
    """Decode the start of a file (its first ``records`` records) into a ``Sample``."""
    limit = records
    text = head[len(BOM) :] if head.startswith(BOM) else head
    stripped = text.lstrip()
    if not stripped:
        return Sample(source.name, "empty")
    if stripped[:1] not in (b"{", b"[") and (found := _jsonl_records(stripped, limit)):
        return Sample(source.name, "jsonl", found)  # JSON lines after first lines that are not JSON
    if stripped[:1] in (b"{", b"["):
        first_line = stripped.split(b"\n", 1)[0]
        found = _jsonl_records(stripped, limit)
        if found is not None and (len(found) > 1 or _is_complete(first_line)):
            if len(found) == 1 and isinstance(found[0], list):
                return Sample(source.name, "json", found[0][:limit])
            return Sample(source.name, "jsonl", found)
        if whole is not None:
            try:
                doc = orjson.loads(whole[len(BOM) :] if whole.startswith(BOM) else whole)
            except orjson.JSONDecodeError:
                return Sample(source.name, "unknown")
            return Sample(source.name, "json", doc[:limit] if isinstance(doc, list) else [doc])
        return Sample(source.name, "unknown")
    header = _csv_header(text)
    if header:
        return Sample(source.name, "csv", csv_header=header)
    return Sample(source.name, "unknown")


def choose(source: Source, sample: Sample) -> Format:
    """The one adapter that recognises the sample."""
    if sample.layout == "empty":
        raise UnreadableFileError(source.path, "empty file")
    if sample.layout == "csv":
        hits = [f for f in FORMATS if sample.csv_header and f.csv_sniff(sample.csv_header)]
    elif sample.layout in ("jsonl", "json"):
        hits = [f for f in FORMATS if sniffs(f, sample)]
    else:
        hits = []
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        names = ", ".join(f.name for f in hits)
        raise UnreadableFileError(source.path, f"ambiguous log format (matches {names})")
    raise UnknownFormatError(source.path, [f.name for f in FORMATS])


_SNIFF_SLIPS = (TypeError, AttributeError, KeyError, IndexError, ValueError)


def sniffs(fmt: Format, sample: Sample) -> bool:
    """``fmt.sniff(sample)``, where a record of an unexpected shape (a list where a name was
    expected, ...) counts as not recognised instead of failing the run: the sample is then
    asked record by record."""
    try:
        return fmt.sniff(sample)
    except _SNIFF_SLIPS:
        pass
    for record in sample.records:
        try:
            if fmt.sniff(Sample(sample.name, sample.layout, [record], sample.csv_header)):
                return True
        except _SNIFF_SLIPS:
            continue
    return False


def _is_complete(line: bytes) -> bool:
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return False
    return True


def _jsonl_records(text: bytes, limit: int) -> list[Any] | None:
    """The first records if the head reads as JSON lines, else None.

    A bad line among good ones is still JSONL (it is rejected later, like any other). When
    the first lines are bad (truncated, not UTF-8, nested too deep), the head is JSONL only
    if at least two lines are JSON objects and they outnumber the bad lines: a pretty-printed
    document has at most a stray line that parses on its own."""
    records: list[Any] = []
    bad_first = 0
    for line in text.split(b"\n", limit * 4)[:-1] or [text]:
        if not line.strip():
            continue
        try:
            records.append(orjson.loads(line))
        except orjson.JSONDecodeError:
            if not records:
                bad_first += 1
            continue
        if len(records) >= limit:
            break
    if bad_first:
        objects = sum(isinstance(r, dict) for r in records)
        if objects < 2 or objects <= bad_first:
            return None
    return records or None


def _csv_header(text: bytes) -> tuple[str, ...] | None:
    try:
        first = text.split(b"\n", 1)[0].decode("utf-8").strip("\r")
    except UnicodeDecodeError:
        return None
    if "," not in first and "\t" not in first:
        return None
    row = next(csv.reader(io.StringIO(first)), None)
    if not row or any(not c.strip() for c in row):
        return None
    return tuple(c.strip() for c in row)
