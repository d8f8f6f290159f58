"""Generic CSV/JSONL with canonical column names: counts pass through unchanged."""

from __future__ import annotations

import json

from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.generic import Generic
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "generic"


def _row(rows, request_id: str) -> dict:
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_csv_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "usage.csv", keep_text=True)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (5, 5, 0)
    t = totals(rows)
    assert t["requests"] == 1 + 1 + 1 + 1 + 250
    assert t["input_tokens"] == 1200 + 5000 + 400 + 0 + 90000
    assert t["cache_read_tokens"] == 1000 + 3000 + 0 + 0 + 40000
    assert (t["cache_write_tokens"], t["cache_write_1h_tokens"]) == (1500, 0)
    assert t["output_tokens"] == 300 + 800 + 90 + 0 + 21000
    assert t["reasoning_tokens"] == 120 + 40


def test_csv_columns_become_metadata() -> None:
    _, rows, _ = ingest_one(DIR / "usage.csv", keep_text=True)
    first = _row(rows, "gen-1")
    assert (first["provider"], first["model"], first["service_tier"]) == (
        "openai", "gpt-4o-mini", "standard")
    assert (first["latency_ms"], first["logged_cost_usd"]) == (850.0, 0.00031)
    assert first["prompt_text"] == "Summarize the ticket, please"
    # the metadata column's keys, then the extra columns (empty cells left out)
    assert json.loads(first["metadata"]) == {
        "feature": "triage", "env": "prod", "project": "support", "user": "alice"}
    # a column wins over the same key inside the metadata column
    assert json.loads(_row(rows, "gen-3")["metadata"]) == {"project": "support", "team": "ml"}
    assert str(_row(rows, "gen-3")["timestamp"]) == "2026-10-05 12:00:00+00:00"  # epoch
    assert _row(rows, "gen-2")["status"] == "ok"  # "success"
    assert _row(rows, "gen-4")["status"] == "error"  # "failed"
    agg = rows.filter(rows["requests"] == 250).row(0, named=True)
    assert (agg["service_tier"], agg["logged_cost_usd"]) == ("flex", 1.23)
    assert str(agg["timestamp"]) == "2026-10-06 10:00:00+00:00"  # +02:00 offset


def test_jsonl_totals_and_metadata() -> None:
    report, rows, _ = ingest_one(DIR / "usage.jsonl", keep_text=True)
    assert (report.lines_read, report.rows_ingested) == (3, 3)
    t = totals(rows)
    assert t["requests"] == 1 + 1 + 3
    assert t["input_tokens"] == 3000 + 150 + 800
    assert (t["cache_read_tokens"], t["cache_write_tokens"], t["cache_write_1h_tokens"]) == (
        2000, 500, 300)
    assert t["output_tokens"] == 200 + 60 + 1200
    assert t["reasoning_tokens"] == 1000
    first = _row(rows, "gj-1")
    assert json.loads(first["metadata"]) == {"feature": "chat", "team": "web", "project": "website"}
    assert first["prompt_text"] == "You are terse.\n\nName a colour"
    second = rows.filter(rows["model"] == "gpt-4o").row(0, named=True)
    # metadata as a JSON string works too; the unknown top-level key is dropped
    assert json.loads(second["metadata"]) == {"env": "staging", "user": "u9"}
    third = rows.filter(rows["model"] == "o3-mini").row(0, named=True)
    assert (third["service_tier"], third["logged_cost_usd"]) == ("priority", 0.0123)


def test_bad_csv_rows() -> None:
    report, rows, _ = ingest_one(DIR / "bad_usage.csv")
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 2, 7)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -4"),
        (5, "cache tokens exceed input_tokens"),
        (6, "unknown timestamp format: 'sometime'"),
        (7, "missing model"),
        (8, "expected 6 CSV fields, found 7"),
        (9, "input_tokens is not a number"),  # a required count left empty
    ]
    assert totals(rows)["input_tokens"] == 100 + 70
    assert sorted(json.loads(m)["team"] for m in rows["metadata"]) == ["core", "infra"]


def test_bad_jsonl_records() -> None:
    report, rows, _ = ingest_one(DIR / "bad_usage.jsonl")
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (7, 2, 5)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),  # an object where a count belongs
        (4, "reasoning_tokens exceed output_tokens"),
        (5, "negative input_tokens: -1"),
        (6, "input_tokens is not a number"),  # required key missing
    ]
    assert totals(rows)["output_tokens"] == 10 + 6


def test_sniff_loses_to_specific_formats() -> None:
    fmt = Generic()
    flat = {"timestamp": "t", "model": "m", "input_tokens": 1, "output_tokens": 1,
            "metadata": {"project": "p"}}
    assert fmt.sniff(Sample("a.jsonl", "jsonl", [flat]))
    nested = {**flat, "usage": {"input_tokens": 1}}
    assert not fmt.sniff(Sample("a.jsonl", "jsonl", [nested]))
    assert not fmt.sniff(Sample("a.jsonl", "jsonl", [{"timestamp": "t", "model": "m"}]))
    assert fmt.csv_sniff(("timestamp", "model", "input_tokens", "output_tokens", "team"))
    assert not fmt.csv_sniff(("timestamp", "model", "prompt_tokens", "completion_tokens"))
