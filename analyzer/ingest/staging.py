"""Rows of one ingest run, held in bounded memory until they are settled and stored.

Every row gets a *bucket*, a stable function of its ``request_id`` (``BUCKETS`` of them),
so all copies of a request — repeated snapshots, overlapping exports, the copy already in
the workspace — meet in the same bucket. A run's rows are kept in memory while they are
small; past ``SPILL_BYTES`` they are spilled to Parquet files in a staging folder, and read
back a *group* of buckets at a time, each group small enough to settle in memory.

The bucket of an id is the first byte of the BLAKE2b digest of its last two characters
(256 buckets, so a group stays small at tens of millions of requests; it was that byte mod
16 before, which is why an index lookup also asks for the bucket mod 16), computed once per
distinct ending (ids end in random or counting characters, so the endings spread evenly);
it never depends on polars' own hash, which is not stable across versions, because the
workspace keeps an index of its ids by bucket.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

BUCKETS = 256
LEGACY_BUCKETS = 16  # id indexes written before 0.7.1 hold the bucket mod 16
SPILL_BYTES = 16 * 1024 * 1024  # rows held in memory before the run spills to disk
GROUP_BYTES = 32 * 1024 * 1024  # rows settled together (a group of buckets)
_TAIL = 2


def _bucket(tail: str) -> int:
    return hashlib.blake2b(tail.encode(), digest_size=2).digest()[0] % BUCKETS


def index_buckets(buckets: list[int]) -> list[int]:
    """The ``_bucket`` values an id index may hold for rows of ``buckets``: the buckets
    themselves and, for indexes written with 16 buckets, the same mod 16."""
    return sorted(set(buckets) | {b % LEGACY_BUCKETS for b in buckets})


def with_bucket(frame: pl.DataFrame, column: str = "request_id") -> pl.DataFrame:
    """``frame`` with ``_bucket`` (UInt8) computed from ``column``."""
    tails = frame.select(pl.col(column).str.tail(_TAIL).alias("t"))["t"]
    mapping = {t: _bucket(t) for t in tails.drop_nulls().unique().to_list()}
    bucket = pl.col(column).str.tail(_TAIL).replace_strict(mapping, default=0, return_dtype=pl.UInt8)
    return frame.with_columns(bucket.alias("_bucket"))


@dataclass
class Spilled:
    """Rows another process staged, as files on a path both see (``Staging.handover``)."""

    files: list[Path]
    per_bucket: Counter[int]
    bytes: int
    rows: int
    line_offset: int = 0  # added to the rows' line numbers when read back (a piece of a file)


class Staging:
    """Frames with a ``_bucket`` column, in memory or spilled, read back by bucket group."""

    def __init__(self, directory: Path | None = None, spill_bytes: int = SPILL_BYTES) -> None:
        self._dir = directory
        self._spill_bytes = spill_bytes
        self._frames: list[pl.DataFrame] = []
        self._held = 0
        self._files: list[Path] = []
        self._offsets: dict[Path, int] = {}  # adopted files whose line numbers start later
        self._bytes = 0  # estimated in-memory size of everything added
        self._per_bucket: Counter[int] = Counter()  # rows per bucket
        self.rows = 0

    def add(self, frame: pl.DataFrame) -> None:
        if frame.height == 0:
            return
        size = int(frame.estimated_size())
        self._frames.append(frame)
        self._held += size
        self._bytes += size
        self.rows += frame.height
        self._per_bucket.update(dict(frame["_bucket"].value_counts().iter_rows()))
        if self._held > self._spill_bytes:
            self._spill()

    def _spill(self) -> None:
        if self._dir is None:
            self._dir = Path(tempfile.mkdtemp(prefix="spendscope-run-"))
        self._dir.mkdir(parents=True, exist_ok=True)
        path = self._dir / f"blk-{len(self._files):06d}.parquet"
        frame = pl.concat(self._frames, how="diagonal_relaxed").sort("_bucket")
        frame.write_parquet(path, compression="lz4", statistics=True, row_group_size=16_384)
        self._files.append(path)
        self._frames, self._held = [], 0

    def handover(self) -> Spilled:
        """Everything added, spilled to files, for another ``Staging`` to ``adopt``."""
        if self._frames:
            self._spill()
        return Spilled(list(self._files), Counter(self._per_bucket), self._bytes, self.rows)

    def adopt(self, spilled: Spilled) -> None:
        """Take rows staged elsewhere as if they had been added and spilled here (the files
        stay where they are; ``close`` removes only this staging's own folder)."""
        self._files += spilled.files
        if spilled.line_offset:
            self._offsets.update(dict.fromkeys(spilled.files, spilled.line_offset))
        self._per_bucket.update(spilled.per_bucket)
        self._bytes += spilled.bytes
        self.rows += spilled.rows

    def groups(self) -> Iterator[pl.DataFrame]:
        """The rows, a group of buckets at a time: consecutive buckets holding about
        ``GROUP_BYTES`` together (a bucket is never split)."""
        if self._files and self._frames:
            self._spill()  # a spilled run holds only the group being read
        row_bytes = self._bytes / max(self.rows, 1)
        members: list[int] = []
        held = 0.0
        for bucket in sorted(self._per_bucket):
            members.append(bucket)
            held += self._per_bucket[bucket] * row_bytes
            if held >= GROUP_BYTES:
                yield self._group(members)
                members, held = [], 0.0
        if members:
            yield self._group(members)

    def select(self, columns: list[str], predicate: pl.Expr) -> pl.DataFrame:
        """``columns`` of the rows that match ``predicate``, in memory and spilled alike."""
        parts = [f.lazy() for f in self._frames]
        parts += [self._shifted(pl.scan_parquet(f), f) for f in self._files]
        return pl.concat([p.filter(predicate).select(columns).collect() for p in parts], how="vertical_relaxed")

    def _group(self, members: list[int]) -> pl.DataFrame:
        everything = len(members) == len(self._per_bucket)
        mine = pl.col("_bucket").is_in(pl.Series(members, dtype=pl.UInt8).implode())
        parts = [f if everything else f.filter(mine) for f in self._frames]
        # spilled files are sorted by bucket: statistics skip the other groups' row groups;
        # files may differ in their adapters' private columns, so each is read on its own
        parts += [self._shifted(pl.scan_parquet(f).filter(mine), f).collect() for f in self._files]
        return pl.concat([p for p in parts if p.height], how="diagonal_relaxed")

    def _shifted(self, rows: pl.LazyFrame, path: Path) -> pl.LazyFrame:
        offset = self._offsets.get(path, 0)
        if not offset:
            return rows
        return rows.with_columns(pl.col("_line") + offset, pl.col("source_line") + offset)

    def close(self) -> None:
        """Drop the rows and the staging folder (each ``Staging`` has a folder of its own)."""
        self._frames, self._files = [], []
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
