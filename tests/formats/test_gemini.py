"""Gemini / Vertex usageMetadata: prompt includes cache; thoughts are outside candidates."""

from __future__ import annotations

import json

from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.gemini import Gemini
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

TRAPS = LOGS / "gemini" / "traps.jsonl"


def _row(rows, request_id: str) -> dict:
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_traps_file_totals_by_hand() -> None:
    report, rows, _ = ingest_one(TRAPS)
    # 10 lines: lines 3-5 are three streamed chunks of resp-g3 (2 duplicates), the rest
    # one request each; line 8 has no timestamp at all (file time).
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (10, 8, 0)
    assert (report.duplicates, report.skipped, report.timestamps_from_file) == (2, 0, 1)
    estimated = rows.filter(rows["tokens_estimated"])
    assert estimated["request_id"].to_list() == ["resp-g7"]  # line 10: no usageMetadata
    est_in, est_out = estimated["input_tokens"][0], estimated["output_tokens"][0]
    assert 3 <= est_in <= 8 and 5 <= est_out <= 12
    t = totals(rows)
    assert t["requests"] == 8
    # input = promptTokenCount (cache included) + toolUsePromptTokenCount
    assert t["input_tokens"] == (5120 + 230) + 800 + 300 + 1000 + 0 + 12 + 40 + est_in
    assert t["cache_read_tokens"] == 4096 + 0 + 0 + 250 + 0 + 0 + 8
    assert t["cache_write_tokens"] == 0 and t["cache_write_1h_tokens"] == 0
    # output = candidatesTokenCount + thoughtsTokenCount; stream: last chunk only (95 + 64)
    assert t["output_tokens"] == (
        (18 + 640) + (200 + 1500) + (95 + 64) + 50 + 0 + 3 + (10 + 6) + est_out
    )
    assert t["reasoning_tokens"] == 640 + 1500 + 64 + 6


def test_wrapper_row_fields() -> None:
    _, rows, _ = ingest_one(TRAPS, keep_text=True)
    first = _row(rows, "resp-g1")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "google", "gemini-2.5-flash", "gemini-2.5-flash")
    assert (first["input_tokens"], first["cache_read_tokens"]) == (5120 + 230, 4096)
    assert (first["output_tokens"], first["reasoning_tokens"]) == (18 + 640, 640)
    assert json.loads(first["metadata"]) == {"project": "tutor", "user": "u-17"}
    assert first["prompt_text"] == "You are a math tutor.\n\nWhat is 6*7?"
    assert first["has_tools"] is True and first["message_count"] == 3
    assert str(first["timestamp"]) == "2026-10-05 09:00:00+00:00"


def test_tiers_batch_and_errors() -> None:
    _, rows, _ = ingest_one(TRAPS)
    flex = _row(rows, "resp-g2")
    assert (flex["service_tier"], flex["model"]) == ("flex", "gemini-2.5-pro")  # ON_DEMAND_FLEX
    assert str(flex["timestamp"]) == "2026-10-05 09:01:00.123456+00:00"  # createTime
    stream = _row(rows, "resp-g3")
    assert stream["source_line"] == 5 and stream["service_tier"] == "standard"
    batch = _row(rows, "resp-g4")
    assert batch["service_tier"] == "batch" and batch["model"] == "gemini-2.0-flash"
    assert json.loads(batch["metadata"]) == {"team": "ml", "job": "nightly"}  # request.labels
    err = rows.filter(rows["status"] == "error").row(0, named=True)
    assert (err["source_line"], err["input_tokens"], err["output_tokens"]) == (7, 0, 0)
    assert err["service_tier"] == "batch"
    snake = _row(rows, "resp-g6")  # python-genai model_dump(): snake_case keys
    got = (snake["input_tokens"], snake["cache_read_tokens"], snake["output_tokens"])
    assert got == (40, 8, 10 + 6)


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(LOGS / "gemini" / "bad_traps.jsonl")
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 2, 7)
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:6] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "output_tokens is not a number"),
        (4, "negative input_tokens: -10"),
        (5, "cache tokens exceed input_tokens"),  # cachedContentTokenCount > promptTokenCount
        (6, "unknown timestamp format: '06/10/2026 9am'"),
        (7, "missing model"),
    ]
    # line 8: usageMetadata is a string, not an object
    assert reasons[6][0] == 8 and reasons[6][1].startswith("unexpected structure")
    t = totals(rows)
    got = (t["input_tokens"], t["output_tokens"], t["reasoning_tokens"])
    assert got == (10 + 20, 2 + (4 + 1), 1)


def test_sniff_is_specific() -> None:
    fmt = Gemini()
    assert fmt.sniff(Sample("a.jsonl", "jsonl", [{"usageMetadata": {"promptTokenCount": 1}}]))
    assert fmt.sniff(Sample("a.jsonl", "jsonl", [
        {"request": {"contents": []}, "status": "Bad Request", "processed_time": "2026-01-01"}]))
    # a batch *input* line alone, or an OpenAI usage object, is not Gemini
    assert not fmt.sniff(Sample("a.jsonl", "jsonl", [{"request": {"contents": []}}]))
    assert not fmt.sniff(Sample("a.jsonl", "jsonl", [{"usage": {"prompt_tokens": 1}}]))
