"""OpenRouter generations: billed from native counts (cached ⊂ prompt, reasoning ⊂ output)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "openrouter"


def _row(rows, request_id: str) -> dict:  # type: ignore[no-untyped-def]
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_jsonl_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "generations.jsonl")
    # 5 lines ({"data": ...} and bare objects); line 5 repeats gen-or-0001
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (5, 4, 0)
    assert (report.duplicates, report.skipped) == (1, 0)
    t = totals(rows)
    assert t["requests"] == 4
    # native counts, never tokens_prompt/tokens_completion (5400/310, 900/1500, ...)
    assert t["input_tokens"] == 5710 + 880 + 160 + 0
    assert t["cache_read_tokens"] == 4096 + 0 + 0 + 0
    assert t["cache_write_tokens"] == t["cache_write_1h_tokens"] == 0
    assert t["output_tokens"] == 344 + 1620 + 25 + 0
    assert t["reasoning_tokens"] == 0 + 1280 + 0 + 0
    assert rows["tokens_estimated"].sum() == 0


def test_row_details() -> None:
    _, rows, _ = ingest_one(DIR / "generations.jsonl")
    first = _row(rows, "gen-or-0001")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "anthropic", "claude-sonnet-4-5", "anthropic/claude-sonnet-4.5")
    assert first["latency_ms"] == 2310.0
    assert first["logged_cost_usd"] == pytest.approx(0.00912)
    assert json.loads(first["metadata"]) == {
        "user": "user-77", "app": "4711", "upstream": "Anthropic", "origin": "https://shop.example",
        "streamed": "true", "finish_reason": "stop"}

    byok = _row(rows, "gen-or-0002")  # BYOK: OpenRouter's fee + what the upstream charged
    assert byok["logged_cost_usd"] == pytest.approx(0.008 + 0.0079)
    assert (byok["provider"], byok["model"], byok["service_tier"]) == ("openai", "o4-mini", "flex")
    assert json.loads(byok["metadata"])["byok"] == "true"

    canceled = _row(rows, "gen-or-0003")  # a cancelled stream keeps the tokens it was billed
    assert (canceled["status"], canceled["input_tokens"], canceled["output_tokens"]) == (
        "canceled", 160, 25)
    assert canceled["provider"] == "google"
    assert _row(rows, "gen-or-0004")["status"] == "error"


def test_json_array_document() -> None:
    report, rows, _ = ingest_one(DIR / "generations.json")
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (2, 2, 0)
    t = totals(rows)
    # record 2 has no native counts: the normalized ones stand in, marked as estimated
    assert t["input_tokens"] == 1010 + 300
    assert t["cache_read_tokens"] == 512
    assert t["output_tokens"] == 190 + 40
    est = _row(rows, "gen-or-0102")
    assert est["tokens_estimated"] is True
    assert _row(rows, "gen-or-0101")["tokens_estimated"] is False


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(DIR / "bad_generations.jsonl")
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -3"),
        (5, "cache tokens exceed input_tokens"),
        (6, "unknown timestamp format: 'soon'"),
        (7, "reasoning_tokens exceed output_tokens"),
    ]
    assert rows["source_line"].to_list() == [1, 8]
    t = totals(rows)
    assert t["input_tokens"] == 1000 + 300
    assert t["output_tokens"] == 100 + 30


def test_records_without_native_counts_are_detected_and_estimated() -> None:
    report, rows, _ = ingest_one(DIR / "normalized_only.jsonl")
    assert report.format == "openrouter"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (2, 2, 0)
    t = totals(rows)
    assert t["input_tokens"] == 1200 + 800  # the normalized counts, the only ones given
    assert t["output_tokens"] == 310 + 95
    assert rows["tokens_estimated"].to_list() == [True, True]
    assert rows["logged_cost_usd"].sum() == pytest.approx(0.000225 + 0.000117)
