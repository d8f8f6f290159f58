"""Small helpers shared by the adapter tests."""

from __future__ import annotations

import json
from datetime import datetime
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


def completion_line(request_id: str, at: datetime, text: str, *, model: str = "gpt-4o-mini", finish: str = "stop",
                    prompt: int = 1000, **extra: object) -> str:
    """An OpenAI chat completion as a log holds it, with its request: ``text`` asked of
    ``model`` at ``at``, answered "A-1" with ``finish``; ``extra`` keys go on the record."""
    return json.dumps({
        "id": request_id, "object": "chat.completion", "created": int(at.timestamp()), "model": model,
        "request": {"model": model, "messages": [{"role": "user", "content": text}]},
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "A-1"}, "finish_reason": finish}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": 100, "total_tokens": prompt + 100}, **extra})
