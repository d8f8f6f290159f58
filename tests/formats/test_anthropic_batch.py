"""Anthropic Message Batches: results (succeeded/errored/canceled/expired) and kept requests."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from analyzer.ingest.pipeline import ingest
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "anthropic_batch"
RESULTS = DIR / "results.jsonl"
REQUESTS_DOC = LOGS / "anthropic_batch_requests" / "requests.json"
REQUESTS_LINES = LOGS / "anthropic_batch_requests" / "requests_lines.jsonl"
BAD = DIR / "bad_results.jsonl"


def _by_custom_id(rows):  # type: ignore[no-untyped-def]
    return {json.loads(r["metadata"])["custom_id"]: r for r in rows.iter_rows(named=True)}


def test_results_totals_by_hand() -> None:
    report, rows, _ = ingest_one(RESULTS)
    # 9 lines: 8 rows (doc-1 .. doc-8), line 9 repeats msg_bt1 (duplicate)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 8, 0)
    assert (report.duplicates, report.skipped) == (1, 0)
    assert report.timestamps_from_file == 8  # lines 1-7 and 9; line 8 has its own timestamp
    t = totals(rows)
    assert t["requests"] == 8  # 3 succeeded + 2 errored + 1 canceled + 2 expired
    assert t["input_tokens"] == (
        (410 + 0 + 0)  # doc-1
        + (20 + 12000 + 0 + 5000)  # doc-2: uncached + cache read + 5m + 1h writes
        + 0 + 0 + 0 + 0 + 0  # doc-3..doc-7: errored / canceled / expired are zero-token
        + (1000 + 0 + 64)  # doc-8: cache_read null, no TTL split -> 64 five-minute writes
    )
    assert t["cache_read_tokens"] == 12000
    assert t["cache_write_tokens"] == 64
    assert t["cache_write_1h_tokens"] == 5000
    assert t["output_tokens"] == 3 + 700 + 45
    assert t["reasoning_tokens"] == 250
    assert set(rows["service_tier"]) == {"batch"}


def test_statuses_ids_and_error_metadata() -> None:
    _, rows, _ = ingest_one(RESULTS)
    by = _by_custom_id(rows)
    assert {k: r["status"] for k, r in by.items()} == {
        "doc-1": "ok", "doc-2": "ok", "doc-3": "error", "doc-4": "error",
        "doc-5": "canceled", "doc-6": "expired", "doc-7": "expired", "doc-8": "ok",
    }
    assert by["doc-2"]["request_id"] == "msg_bt2"
    assert (by["doc-2"]["model"], by["doc-2"]["provider"]) == ("claude-sonnet-4-5", "anthropic")
    assert by["doc-3"]["request_id"] == "req_bt3"  # the error body's request_id
    # the double-nested error.error is kept
    assert json.loads(by["doc-3"]["metadata"]) == {
        "custom_id": "doc-3", "error_type": "invalid_request_error",
        "error_message": "max_tokens: 100000 > 64000"}
    # no provider id: content ids, distinct thanks to custom_id
    ids = [by[k]["request_id"] for k in ("doc-4", "doc-5", "doc-6", "doc-7")]
    assert len(set(ids)) == 4 and all(i.startswith("anthropic_batch:") for i in ids)
    assert by["doc-4"]["model"] == "unknown"  # an errored result names no model
    assert by["doc-8"]["has_tools"] is True  # tool_use block in the answer
    line8 = by["doc-8"]["timestamp"]
    assert line8 == datetime(2026, 10, 4, 8, 0, tzinfo=timezone.utc)
    mtime = datetime.fromtimestamp(os.path.getmtime(RESULTS), tz=timezone.utc)
    assert abs((by["doc-1"]["timestamp"] - mtime).total_seconds()) < 1e-3


def test_requests_join_results_by_custom_id() -> None:
    result = ingest([REQUESTS_DOC, REQUESTS_LINES, RESULTS], keep_text=True)
    assert not result.errors
    files = {Path(f.path).name: f for f in result.files}
    assert {n: f.format for n, f in files.items()} == {
        "requests.json": "anthropic_batch_requests",
        "requests_lines.jsonl": "anthropic_batch_requests",
        "results.jsonl": "anthropic_batch",
    }
    assert (files["requests.json"].skipped, files["requests.json"].rows_ingested) == (3, 0)
    lines = files["requests_lines.jsonl"]
    assert (lines.skipped, lines.lines_read) == (2, 2)
    for f in result.files:
        assert f.lines_read == f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped
    by = _by_custom_id(result.rows)
    assert by["doc-1"]["prompt_text"] == (
        "Classify the document type. Answer with one word.\n\nInvoice #123 from ACME, total 40 EUR")
    assert (by["doc-1"]["message_count"], by["doc-1"]["has_tools"]) == (1, False)
    assert by["doc-1"]["template_id"] is not None
    assert by["doc-3"]["model"] == "claude-sonnet-4-5"  # errored row: model from its request
    assert by["doc-3"]["prompt_text"] == (
        "Summarize the contract.\n\nThis agreement is made between...")
    assert by["doc-8"]["has_tools"] is True
    assert by["doc-5"]["model"] == "claude-haiku-4-5"  # canceled row, from the JSONL copy
    assert by["doc-2"]["template_id"] is None  # no request kept for it
    assert totals(result.rows)["input_tokens"] == 18494  # the join adds no tokens


def test_minified_requests_document(tmp_path: Path) -> None:
    doc = json.loads(REQUESTS_DOC.read_text())
    path = tmp_path / "batch_requests.json"
    path.write_text(json.dumps(doc))  # one line, as json.dump writes it
    report, rows, _ = ingest_one(path)
    assert report.format == "anthropic_batch_requests"
    assert (report.lines_read, report.skipped, rows.height) == (3, 3, 0)


def test_bad_results_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(BAD)
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:6] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "output_tokens is not a number"),
        (4, "negative cache_write_tokens: -1"),
        (5, "input_tokens is not a number"),  # succeeded without usage: cannot be counted
        (6, "missing model"),  # unknown result type
        (7, "unknown timestamp format: 'soon'"),
    ]
    assert reasons[6][0] == 8 and reasons[6][1].startswith("unexpected structure")
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 2, 7)
    by = _by_custom_id(rows)
    assert set(by) == {"b-1", "b-9"}
    assert by["b-9"]["status"] == "error"
    assert totals(rows)["input_tokens"] == 100 + 0
