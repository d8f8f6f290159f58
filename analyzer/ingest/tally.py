"""How far an ingest run has got: what it plans to read and what it has read so far.

The pipeline fills a ``Tally`` as it goes (``detected`` per file as formats are detected,
before any is read; ``add`` per staged chunk, in order); a progress display reads it. Sizes are the bytes the parsers
see: a ``.gz`` file counts its uncompressed size (the gzip trailer's, modulo 4 GiB as gzip
stores it) and a zip member its ``file_size``, so the share read, and the time left, follow
the work rather than the disk.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class Tally:
    files: int = 0  # files detected, to be read
    size: int = 0  # their bytes as parsed (uncompressed)
    files_started: int = 0  # files with at least one chunk read
    lines: int = 0
    rows: int = 0  # rows ingested (before duplicates across files are dropped)
    read: int = 0  # bytes parsed so far
    phase: str = "reading"  # then the run's own steps (pipeline), then the caller's
    started_at: float = field(default_factory=time.monotonic)
    _seen: set[int] = field(default_factory=set, repr=False)

    def detected(self, size: int) -> None:
        """One more file to read, of ``size`` bytes."""
        self.files += 1
        self.size += size

    def add(self, file_indices: list[int], lines: int, rows: int, size: int) -> None:
        for i in file_indices:
            if i not in self._seen:
                self._seen.add(i)
                self.files_started += 1
        self.lines += lines
        self.rows += rows
        self.read += size

    def rows_per_second(self) -> float:
        """Rows ingested per second since the run began (detection included)."""
        elapsed = time.monotonic() - self.started_at
        return self.rows / elapsed if elapsed > 0 else 0.0
