"""Small helpers shared by the adapter tests."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from analyzer.ingest.pipeline import FileReport, IngestResult, ingest


def ingest_one(path: Path | str, **kwargs: object) -> tuple[FileReport, pl.DataFrame, IngestResult]:
    """Ingest a single file; assert it was read and the line accounting holds."""
    result = ingest([path], **kwargs)  # type: ignore[arg-type]
    assert not result.errors, result.errors
    assert len(result.files) == 1, result.files
    report = result.files[0]
    assert report.lines_read == (
        report.rows_ingested + report.rows_rejected + report.duplicates + report.skipped
    ), report.as_json()
    return report, result.rows, result


def totals(rows: pl.DataFrame) -> dict[str, int]:
    cols = ["requests", "input_tokens", "cache_read_tokens", "cache_write_tokens",
            "cache_write_1h_tokens", "output_tokens", "reasoning_tokens"]
    return {c: int(rows[c].sum()) for c in cols}
