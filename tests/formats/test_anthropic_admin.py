"""Anthropic Admin API usage report (tokens, no request count) and cost report (cents)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

USAGE = LOGS / "anthropic_usage" / "usage_report.json"
USAGE_PAGES = LOGS / "anthropic_usage" / "usage_pages.jsonl"
BAD_USAGE = LOGS / "anthropic_usage" / "bad_usage.jsonl"
COST = LOGS / "anthropic_cost" / "cost_report.json"
COST_PAGES = LOGS / "anthropic_cost" / "cost_pages.jsonl"
BAD_COST = LOGS / "anthropic_cost" / "bad_cost.jsonl"


def test_usage_report_totals_by_hand() -> None:
    report, rows, _ = ingest_one(USAGE)
    assert report.format == "anthropic_usage"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (4, 4, 0)
    t = totals(rows)
    assert t["requests"] == 0  # the usage report has no request count
    # input = uncached + cache read + cache_creation.ephemeral_5m + .ephemeral_1h
    assert t["input_tokens"] == (
        (15400 + 880000 + 64000 + 0)
        + (250000 + 0 + 0 + 12000)
        + (90000 + 0 + 0 + 0)
        + (1000 + 2000 + 300 + 200)
    )
    assert t["cache_read_tokens"] == 880000 + 2000
    assert t["cache_write_tokens"] == 64000 + 300
    assert t["cache_write_1h_tokens"] == 12000 + 200
    assert t["output_tokens"] == 21000 + 4000 + 8000 + 500
    assert t["reasoning_tokens"] == 0


def test_usage_rows_timestamps_tiers_and_metadata() -> None:
    _, rows, _ = ingest_one(USAGE)
    rows = rows.sort("source_line")
    first, long_ctx, haiku, priority = rows.iter_rows(named=True)
    assert first["timestamp"] == datetime(2025, 9, 1, tzinfo=timezone.utc)  # bucket starting_at
    assert (first["provider"], first["model"]) == ("anthropic", "claude-sonnet-4-5")
    assert json.loads(first["metadata"]) == {
        "service_tier": "standard", "context_window": "0-200k",
        "bucket_end": "2025-09-02T00:00:00Z"}
    assert first["web_search_requests"] == 3  # server_tool_use: priced per 1,000 searches
    assert json.loads(long_ctx["metadata"])["context_window"] == "200k-1M"
    assert haiku["service_tier"] == "batch"
    assert priority["service_tier"] == "priority"
    assert priority["timestamp"] == datetime(2025, 9, 2, tzinfo=timezone.utc)
    meta = json.loads(priority["metadata"])
    assert (meta["workspace"], meta["project"], meta["api_key"], meta["inference_geo"]) == (
        "wrkspc_01", "wrkspc_01", "apikey_01", "us")
    assert rows["request_id"].n_unique() == 4


def test_usage_pages_jsonl_flat_cache_form_and_empty_bucket() -> None:
    report, rows, _ = ingest_one(USAGE_PAGES)
    # 2 page lines -> 3 results (an empty bucket holds none)
    assert (report.lines_read, report.rows_ingested, report.duplicates) == (3, 3, 0)
    t = totals(rows)
    assert t["input_tokens"] == (700 + 5000 + 100 + 0) * 2 + (40 + 0 + 60 + 2000)
    assert t["cache_read_tokens"] == 5000 * 2
    assert t["cache_write_tokens"] == 100 * 2 + 60  # flat cache_creation_5m_input_tokens
    assert t["cache_write_1h_tokens"] == 2000  # flat cache_creation_1h_input_tokens
    assert t["output_tokens"] == 90 * 2 + 10
    # two results equal but for the workspace stay two rows
    assert rows.filter(rows["source_line"] == 1)["request_id"].n_unique() == 2


def test_usage_report_without_model_grouping(tmp_path: Path) -> None:
    page = {"data": [{"starting_at": "2025-09-01T00:00:00Z", "ending_at": "2025-09-02T00:00:00Z",
                      "results": [{"uncached_input_tokens": 10, "cache_read_input_tokens": 5,
                                   "cache_creation": {"ephemeral_5m_input_tokens": 1,
                                                      "ephemeral_1h_input_tokens": 2},
                                   "output_tokens": 7, "model": None}]}],
            "has_more": False, "next_page": None}
    path = tmp_path / "usage.json"
    path.write_text(json.dumps(page, indent=1))
    _, rows, _ = ingest_one(path)
    row = rows.row(0, named=True)
    assert row["model"] == "unknown"  # not grouped by model: cannot be priced
    assert (row["input_tokens"], row["output_tokens"]) == (10 + 5 + 1 + 2, 7)


def test_bad_usage_lines() -> None:
    report, rows, _ = ingest_one(BAD_USAGE)
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:5] == [
        (1, "not a JSON object (a str)"),
        (1, "output_tokens is not a number"),
        (1, "negative input_tokens: -5"),  # -5 uncached + 100 cache read is not 95
        (2, "invalid JSON (unexpected end of data)"),
        (3, "unknown timestamp format: 'not a date'"),
    ]
    assert reasons[5][0] == 4 and reasons[5][1].startswith("unexpected structure")
    # line 1: 4 results, line 2: 1 bad line, line 3: 1 result, line 4: 2 results
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (8, 2, 6)
    assert totals(rows)["input_tokens"] == 100 + 2


def test_cost_report_is_billed_not_requests() -> None:
    report, rows, result = ingest_one(COST)
    assert report.format == "anthropic_cost"
    assert rows.height == 0  # billed amounts are not requests
    assert (report.lines_read, report.billed_records, report.skipped) == (5, 5, 5)
    billed = result.billed.sort("source_line")
    # amount is a decimal string in CENTS: divide by 100
    assert billed["billed_usd"].to_list() == pytest.approx(
        [412.75 / 100, 1830.5 / 100, 96 / 100, 3 / 100, 0.6 / 100])
    assert billed["billed_usd"].sum() == pytest.approx(4.1275 + 18.305 + 0.96 + 0.03 + 0.006)
    assert billed["billed_usd"].sum() == pytest.approx(23.4285)
    out = billed.row(0, named=True)
    assert (out["provider"], out["model"]) == ("anthropic", "claude-sonnet-4-5")
    assert out["timestamp"] == datetime(2025, 9, 1, tzinfo=timezone.utc)
    assert json.loads(out["metadata"]) == {
        "service_tier": "standard", "context_window": "0-200k",
        "bucket_end": "2025-09-02T00:00:00Z",
        "description": "Claude Sonnet 4.5 Usage - Output Tokens",
        "cost_type": "tokens", "token_type": "output_tokens", "currency": "USD"}
    web = billed.row(3, named=True)
    assert web["model"] is None  # non-token cost
    assert json.loads(web["metadata"])["cost_type"] == "web_search"
    assert json.loads(billed.row(4, named=True)["metadata"])["workspace"] == "wrkspc_01"


def test_cost_pages_jsonl() -> None:
    report, rows, result = ingest_one(COST_PAGES)
    assert (rows.height, report.billed_records) == (0, 3)
    assert result.billed["billed_usd"].sum() == pytest.approx((250 + 125.5 + 10) / 100)
    billed = result.billed.with_columns(
        pl.col("metadata").str.json_path_match("$.workspace").alias("ws")
    )
    by_ws = billed.group_by("ws").agg(pl.col("billed_usd").sum()).sort("ws")
    assert by_ws["billed_usd"].to_list() == pytest.approx([(250 + 10) / 100, 125.5 / 100])


def test_bad_cost_lines() -> None:
    report, _, result = ingest_one(BAD_COST)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (1, "billed amount is not a number"),  # amount "12,5"
        (1, "billed amount is not a number"),  # amount missing
        (2, "invalid JSON (unexpected end of data)"),
        (3, "unknown timestamp format: 'someday'"),
    ]
    assert (report.lines_read, report.rows_rejected, report.billed_records) == (5, 4, 1)
    assert result.billed["billed_usd"].to_list() == pytest.approx([100 / 100])
