"""OpenAI organization Usage API (aggregated rows) and Costs API (billed amounts)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import polars as pl
import pytest

from analyzer.ingest import read
from analyzer.ingest.sources import expand
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

PAGE = LOGS / "openai_usage" / "page.json"
PAGES = LOGS / "openai_usage" / "pages.jsonl"
BAD_PAGES = LOGS / "openai_usage" / "bad_pages.jsonl"
COSTS = LOGS / "openai_costs" / "costs.json"
BAD_COSTS = LOGS / "openai_costs" / "bad_costs.jsonl"

DAY1 = datetime(2026, 10, 1, tzinfo=UTC)  # start_time 1790812800
DAY3 = datetime(2026, 10, 3, tzinfo=UTC)  # start_time 1790985600


def _meta(row: dict[str, object]) -> dict[str, str]:
    return json.loads(str(row["metadata"]))


def test_page_document_totals_by_hand() -> None:
    report, rows, _ = ingest_one(PAGE)
    # 7 results: bucket 1 holds 3 ("results"), bucket 2 is empty, bucket 3 holds 4
    # ("result", the old spelling); the images result has no tokens and is skipped.
    assert (report.format, report.lines_read, report.rows_ingested) == ("openai_usage", 7, 6)
    assert (report.skipped, report.rows_rejected, report.duplicates) == (1, 0, 0)
    t = totals(rows)
    assert t["requests"] == 37 + 37 + 12 + 5 + 40 + 3
    # input_tokens already include cached and cache-write tokens: pass through
    assert t["input_tokens"] == 52000 + 52000 + 120000 + 3000 + 8000 + 500
    assert t["cache_read_tokens"] == 30000 + 30000 + 64000 + 2500
    # o4-mini: 900 cache writes but only 3000 - 2500 = 500 uncached tokens → clamped
    assert t["cache_write_tokens"] == 9000 + 500
    assert t["cache_write_1h_tokens"] == 0
    assert t["output_tokens"] == 4100 + 4100 + 8000 + 700 + 0 + 90
    assert t["reasoning_tokens"] == 0


def test_identical_results_of_one_bucket_stay_apart() -> None:
    _, rows, _ = ingest_one(PAGE)
    mini = rows.filter(pl.col("model") == "gpt-4o-mini")
    # same bucket, model and counts; only project_id differs
    assert mini.height == 2
    assert mini["request_id"].n_unique() == 2
    assert sorted(_meta(r)["project"] for r in mini.iter_rows(named=True)) == [
        "proj_search", "proj_support"]


def test_rows_carry_bucket_time_tier_and_grouping() -> None:
    _, rows, _ = ingest_one(PAGE)
    by_model = {r["model"]: r for r in rows.iter_rows(named=True)}
    batch = by_model["gpt-4o"]
    assert (batch["timestamp"], batch["service_tier"], batch["provider"]) == (
        DAY1, "batch", "openai")
    assert _meta(batch) == {"project": "proj_support", "batch": "true"}
    flex = by_model["o4-mini"]
    assert (flex["timestamp"], flex["service_tier"], flex["model_raw"]) == (
        DAY3, "flex", "o4-mini-2025-04-16")
    assert _meta(flex) == {"project": "proj_support", "user": "user_ab12", "api_key": "key_xy34",
                           "batch": "false", "service_tier": "flex"}
    assert by_model["text-embedding-3-small"]["requests"] == 40
    # not grouped by model: kept (unpriced) under "unknown", not rejected
    unknown = by_model["unknown"]
    assert (unknown["input_tokens"], unknown["output_tokens"], unknown["requests"]) == (500, 90, 3)
    assert _meta(unknown) == {}
    assert set(rows["status"]) == {"ok"}


def test_jsonl_pages_explode_and_overlapping_buckets_dedupe() -> None:
    report, rows, _ = ingest_one(PAGES)
    # line 1: bucket A (2 results); line 2: bucket A again + bucket B (1 result)
    assert (report.lines_read, report.rows_ingested, report.duplicates) == (5, 3, 2)
    t = totals(rows)
    assert t["requests"] == 4 + 6 + 2
    assert t["input_tokens"] == 1000 + 2000 + 500
    assert t["cache_read_tokens"] == 200 + 0 + 100
    assert t["output_tokens"] == 50 + 80 + 20
    assert rows["source_line"].to_list() == [1, 1, 2]


def test_bad_usage_pages() -> None:
    report, rows, _ = ingest_one(BAD_PAGES)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -40"),
        (5, "unknown timestamp format: 'soon'"),
        (6, "cache tokens exceed input_tokens"),
        (7, "not a JSON object (a str)"),
        (8, "missing timestamp"),  # {"hello": "world"} is not a page
    ]
    # 10 lines: 8 with one record each, 1 blank line, and a last line whose only bucket is
    # empty (a document with no records): both skipped
    assert (report.lines_read, report.rows_ingested, report.skipped) == (10, 1, 2)
    assert rows.row(0, named=True)["input_tokens"] == 100


def test_costs_are_billed_amounts_not_requests() -> None:
    report, rows, result = ingest_one(COSTS)
    assert report.format == "openai_costs"
    assert rows.height == 0  # never request rows
    assert (report.lines_read, report.billed_records, report.skipped) == (4, 4, 4)
    billed = result.billed
    assert billed.height == 4
    # a float, a numeric string, a float and (bucket 3, "result" spelling) a float
    assert billed["billed_usd"].sum() == pytest.approx(12.5 + 3.75 + 0.42 + 1.2)
    assert billed["model"].to_list() == ["gpt-4o", "gpt-4o", None, None]
    assert set(billed["provider"]) == {"openai"}
    assert billed["timestamp"].to_list() == [DAY1, DAY1, DAY1, DAY3]
    first = billed.row(0, named=True)
    assert _meta(first) == {"project": "proj_support", "line_item": "gpt-4o-2024-08-06, input"}
    assert _meta(billed.row(3, named=True)) == {}


def test_bad_costs() -> None:
    report, rows, result = ingest_one(BAD_COSTS)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "billed amount is not a number"),  # amount "twelve"
        (3, "billed amount is not a number"),  # no amount at all
        (4, "invalid JSON (unexpected end of data)"),
    ]
    assert rows.height == 0
    assert result.billed["billed_usd"].sum() == pytest.approx(2.5 + 0.75)
    assert result.billed["model"].to_list() == ["gpt-4o-mini", "o4-mini"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [(BAD_PAGES, "openai_usage"), (BAD_COSTS, "openai_costs")],
)
def test_bad_files_still_detected(path: object, expected: str) -> None:
    (source,) = expand([path])  # type: ignore[list-item]
    assert read.open_source(source).fmt.name == expected


def test_audio_tokens_priced_at_the_audio_rates() -> None:
    from analyzer.aggregate import spend_report

    report, rows, _ = ingest_one(LOGS / "openai_usage" / "audio_page.json")
    assert report.rows_ingested == 2
    old, new = rows.sort("source_line").iter_rows(named=True)
    # older result: input_tokens counted text only, so the audio is added to it
    assert (old["input_tokens"], old["input_audio_tokens"]) == (12_000 + 30_000, 30_000)
    assert (old["output_tokens"], old["output_audio_tokens"]) == (1_500 + 8_000, 8_000)
    # current result (input_text_tokens present): input_tokens already holds the audio
    assert (new["input_tokens"], new["input_audio_tokens"]) == (42_000, 30_000)
    assert (new["output_tokens"], new["output_audio_tokens"]) == (9_500, 8_000)
    # gpt-realtime, 2026-10-05: text $4 in (cached $0.40) / $16 out, audio $32 in / $64 out
    each = (10_000 * 4 + 2_000 * 0.40 + 1_500 * 16 + 30_000 * 32 + 8_000 * 64) / 1e6
    assert spend_report(rows.lazy())["totals"]["cost_usd"] == pytest.approx(each + (12_000 * 4 + 1_500 * 16
                                                                                 + 30_000 * 32 + 8_000 * 64) / 1e6)
