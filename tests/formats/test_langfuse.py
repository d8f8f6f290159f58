"""Langfuse observations: detail keys summed back into input/output, spans and events skipped."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import polars as pl

from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.langfuse import Langfuse
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "langfuse"


def _row(rows: pl.DataFrame, request_id: str) -> dict:
    found = rows.filter(pl.col("request_id") == request_id)
    assert found.height == 1, request_id
    return found.row(0, named=True)


def test_api_page_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "observations_page.json", keep_text=True)
    assert report.format == "langfuse"
    # 11 observations: SPAN, EVENT, TOOL and the usage-less EMBEDDING are skipped
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (11, 7, 0)
    assert (report.duplicates, report.skipped) == (0, 4)
    # obs-gen-6 reports only zeros (the v1 API's "nothing reported"): counted from its text
    estimated = rows.filter(pl.col("tokens_estimated"))
    assert estimated["request_id"].to_list() == ["obs-gen-6"]
    est_in, est_out = estimated["input_tokens"][0], estimated["output_tokens"][0]
    assert 4 <= est_in <= 12 and 12 <= est_out <= 30
    t = totals(rows)
    assert t["requests"] == 7
    assert t["input_tokens"] == (
        (210 + 1024)  # obs-gen-1: server subtracted input_cached_tokens from input
        + (20 + 3000 + 1500 + 1000 + 500 - (1000 + 500))  # obs-gen-2: TTL keys counted once
        + 100  # obs-gen-3
        + 0  # obs-gen-4: ERROR
        + 300  # obs-gen-5: deprecated usage mirror
        + 64  # obs-emb-1
        + est_in  # obs-gen-6
    )
    assert t["cache_read_tokens"] == 1024 + 3000
    assert t["cache_write_tokens"] == 1500 - 500
    assert t["cache_write_1h_tokens"] == 500
    assert t["output_tokens"] == 3 + 100 + (50 + 200) + 0 + 20 + 0 + est_out
    assert t["reasoning_tokens"] == 200


def test_api_page_rows() -> None:
    _, rows, _ = ingest_one(DIR / "observations_page.json", keep_text=True)
    gen = _row(rows, "obs-gen-1")
    assert gen["timestamp"] == datetime(2026, 10, 5, 8, 0, 1, 120000, tzinfo=UTC)
    assert gen["latency_ms"] == 890.0  # latency is in seconds
    assert gen["logged_cost_usd"] == 0.0001101  # costDetails.total
    assert (gen["provider"], gen["model"], gen["status"]) == ("openai", "gpt-4o-mini", "ok")
    assert gen["prompt_text"] == (
        "Classify the ticket: billing, shipping or account.\n\nMy card was charged twice")
    assert json.loads(gen["metadata"]) == {
        "project": "helpdesk", "feature": "triage", "customer_tier": "gold", "trace": "tr-100",
        "environment": "production", "prompt": "ticket-classifier@3", "name": "classify-ticket",
    }
    lc = _row(rows, "obs-gen-2")
    assert (lc["provider"], lc["logged_cost_usd"]) == ("anthropic", 0.0042)  # calculatedTotalCost
    assert lc["prompt_text"] == "Summarize the attached contract"
    err = _row(rows, "obs-gen-4")
    assert err["status"] == "error" and err["input_tokens"] == 0
    assert json.loads(err["metadata"])["error"] == "Error code: 429 - rate limit exceeded"
    legacy = _row(rows, "obs-gen-5")
    assert (legacy["input_tokens"], legacy["output_tokens"]) == (300, 20)
    assert legacy["prompt_text"] == "Translate to French: good morning"  # a plain-string input
    skipped = {"obs-span-1", "obs-event-1", "obs-tool-1", "obs-emb-2"}
    assert set(rows["request_id"]).isdisjoint(skipped)


def test_blob_export_jsonl() -> None:
    report, rows, _ = ingest_one(DIR / "observations_blob.jsonl", keep_text=True)
    assert (report.lines_read, report.rows_ingested, report.skipped) == (4, 3, 1)
    t = totals(rows)
    # b-gen-1 carries Anthropic keys: input is uncached, cache keys are separate
    assert t["input_tokens"] == (12 + 2048 + 30500) + 9 + (300 + 0)
    assert t["cache_read_tokens"] == 2048 + 0 + 0
    assert t["cache_write_tokens"] == 30500
    assert t["output_tokens"] == 410 + 1 + 25
    first = _row(rows, "b-gen-1")
    # "YYYY-MM-DD HH:MM:SS.ffffff", UTC without an offset
    assert first["timestamp"] == datetime(2026, 10, 6, 10, tzinfo=UTC)
    assert first["latency_ms"] == 1500.0 and first["logged_cost_usd"] == 0.12
    assert first["provider"] == "anthropic"
    assert json.loads(first["metadata"]) == {
        "project": "assistant", "user": "user-42", "session": "sess-7", "trace": "tr-200",
        "environment": "default", "tags": "beta,qa", "name": "answer", "trace_name": "qa",
    }
    assert first["prompt_text"] == "Answer briefly.\n\nWhat is 2+2?"
    # input is a JSON-encoded string literal in blob exports
    assert _row(rows, "b-gen-2")["prompt_text"] == "Rewrite politely: send it now"
    # a LangChain (non-chat) LLM call: input is a list of prompt strings
    assert _row(rows, "b-gen-3")["prompt_text"] == "Q: capital of France?\nA:"


def test_blob_export_csv() -> None:
    report, rows, _ = ingest_one(DIR / "observations_blob.csv", keep_text=True)
    assert report.format == "langfuse"
    assert (report.lines_read, report.rows_ingested, report.skipped) == (3, 2, 1)
    t = totals(rows)
    assert t["input_tokens"] == (500 + 1500) + 0
    assert t["cache_read_tokens"] == 1500
    assert t["output_tokens"] == (20 + 0) + 0
    first = _row(rows, "c-gen-1")
    assert first["source_line"] == 2
    assert first["prompt_text"] == "Extract the date: due 3 March"
    assert json.loads(first["metadata"])["tags"] == "etl"
    assert _row(rows, "c-gen-2")["status"] == "error"


def test_bad_lines() -> None:
    report, rows, _ = ingest_one(DIR / "bad_observations.jsonl")
    # 8 lines: 2 ingested (1, 7), 5 rejected, 1 skipped (a SPAN)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (8, 2, 5)
    assert (report.duplicates, report.skipped) == (0, 1)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),  # "input": "lots"
        (4, "negative output_tokens: -2"),
        (5, "unknown timestamp format: 'not a time'"),
        (8, "not a JSON object (a list)"),
    ]
    t = totals(rows)
    assert (t["input_tokens"], t["output_tokens"]) == (10 + 40, 2 + 4)


def test_sniff() -> None:
    fmt = Langfuse()
    obs = {"id": "o", "traceId": "t", "type": "GENERATION", "startTime": "2026-10-01T00:00:00Z"}
    assert fmt.sniff(Sample("o.jsonl", "jsonl", [obs]))
    assert fmt.sniff(Sample("p.json", "json", [{"data": [obs], "meta": {"page": 1}}]))
    snake = {"id": "o", "trace_id": "t", "type": "SPAN", "start_time": "2026-10-01 00:00:00"}
    assert fmt.sniff(Sample("b.jsonl", "jsonl", [snake]))
    # a Langfuse ingestion event (not an export) is not claimed
    event = {"id": "e", "type": "generation-create", "timestamp": "2026", "body": {"traceId": "t"}}
    assert not fmt.sniff(Sample("e.jsonl", "jsonl", [event]))
    assert fmt.csv_sniff(("id", "trace_id", "type", "start_time", "usage_details"))
    assert not fmt.csv_sniff(("id", "type", "start_time"))


def test_api_pages_one_per_line_are_read_whole(tmp_path: Path) -> None:
    # a paginating export appends each /api/public/observations page as one compact line:
    # the 11 observations of the fixture page split over two lines, 7 of them generations
    page = json.loads((DIR / "observations_page.json").read_text())
    first, second = {"data": page["data"][:5], "meta": {"page": 1}}, {"data": page["data"][5:], "meta": {"page": 2}}
    path = tmp_path / "observations.jsonl"
    path.write_text(json.dumps(first) + "\n" + json.dumps(second) + "\n")
    report, rows, _ = ingest_one(path)
    whole, whole_rows, _ = ingest_one(DIR / "observations_page.json")
    assert (report.rows_ingested, report.skipped) == (whole.rows_ingested, whole.skipped) == (7, 4)
    assert rows.select("request_id", "input_tokens", "output_tokens").equals(
        whole_rows.select("request_id", "input_tokens", "output_tokens"))
