"""Limits that keep hostile or careless input inside ingest's memory and time budget.

Ingest streams, so most input costs memory by the block, not by the file. What would not:
a line without a newline (the reader would hold it whole), a decompression bomb (a small
archive that expands a thousandfold), and the layouts read whole (a JSON document, a CSV
file). The defaults fit a 2 GB budget; each can be changed with an environment variable
(decimal megabytes, 1 MB = 1,000,000 bytes):

| limit | default | variable | past it |
|---|---|---|---|
| one line of a JSONL file | 32 MB | ``SPENDSCOPE_MAX_LINE_MB`` | that line is rejected ("line longer than ..."); reading resumes at the next newline |
| a compressed file or zip member, decompressed | 50,000 MB | ``SPENDSCOPE_MAX_FILE_MB`` | the file is refused, with the size reached |
| decompressed / compressed size, once past 1,000 MB | 250 | ``SPENDSCOPE_MAX_RATIO`` | the file is refused as a decompression bomb |
| a JSON document (read whole) | 64 MB | ``SPENDSCOPE_MAX_DOCUMENT_MB`` | the file is refused: convert it to JSONL |
| a CSV file (read whole) | 512 MB | ``SPENDSCOPE_MAX_CSV_MB`` | the file is refused: split it |

A refused file is an ``UnreadableFileError`` naming the file, the limit and its variable; the
run goes on with the other files. A JSON document peaks at about 30× its size in memory
(decoded objects, then the adapter's frame), a CSV file at a few times, hence their limits.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from analyzer.errors import ConfigError

MB = 1_000_000

_VARIABLES = {
    "max_line_bytes": ("SPENDSCOPE_MAX_LINE_MB", 32),
    "max_file_bytes": ("SPENDSCOPE_MAX_FILE_MB", 50_000),
    "max_document_bytes": ("SPENDSCOPE_MAX_DOCUMENT_MB", 64),
    "max_csv_bytes": ("SPENDSCOPE_MAX_CSV_MB", 512),
}
RATIO_VARIABLE = "SPENDSCOPE_MAX_RATIO"
RATIO_FLOOR_BYTES = 1_000 * MB  # the ratio is only checked past this much output


@dataclass(frozen=True)
class Limits:
    max_line_bytes: int
    max_file_bytes: int
    max_document_bytes: int
    max_csv_bytes: int
    max_ratio: float
    ratio_floor_bytes: int = RATIO_FLOOR_BYTES


def current() -> Limits:
    """The limits in force: the defaults, or the environment's (read at each call)."""
    values: dict[str, float] = {}
    for field, (variable, default) in _VARIABLES.items():
        values[field] = int(positive(variable, default) * MB)
    return Limits(**values, max_ratio=positive(RATIO_VARIABLE, 250),  # type: ignore[arg-type]
                  ratio_floor_bytes=RATIO_FLOOR_BYTES)


def variable(field: str) -> str:
    """The environment variable that sets a limit (for messages)."""
    return RATIO_VARIABLE if field == "max_ratio" else _VARIABLES[field][0]


def megabytes(n: int) -> str:
    return f"{n / MB:,.0f} MB" if n >= MB else f"{n:,} bytes"


def positive(name: str, default: float, env: Mapping[str, str] | None = None) -> float:
    """The positive number in environment variable ``name`` (of ``env``, default the process's),
    else ``default`` when unset or blank; anything else is a ``ConfigError`` naming it."""
    raw = (os.environ if env is None else env).get(name)
    if raw is None or raw.strip() == "":
        return float(default)
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from None
    if not value > 0:
        raise ConfigError(f"{name} must be positive, got {raw!r}")
    return value
