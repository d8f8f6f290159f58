"""Helicone exports: prompt_tokens includes cache for OpenAI-style providers, not for Anthropic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "helicone"


def _row(rows, request_id: str) -> dict:  # type: ignore[no-untyped-def]
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_jsonl_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "export.jsonl")
    # 6 lines: 5 requests, line 6 repeats hel-req-0001
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (6, 5, 0)
    assert (report.duplicates, report.skipped) == (1, 0)
    t = totals(rows)
    assert t["requests"] == 5
    # OPENAI rows: input = prompt_tokens (cache included); ANTHROPIC and Claude-on-Bedrock rows:
    # input = prompt_tokens + cache_read + cache_write; the 429 row is a zero-token error.
    assert t["input_tokens"] == 820 + (12 + 30500 + 2048) + 0 + 1000 + (200 + 1000 + 0)
    assert t["cache_read_tokens"] == 512 + 30500 + 0 + 0 + 1000
    assert t["cache_write_tokens"] == 0 + 2048 + 0 + 0 + 0
    assert t["cache_write_1h_tokens"] == 0
    assert t["output_tokens"] == 40 + 340 + 0 + 100 + 20
    assert t["reasoning_tokens"] == 0


def test_jsonl_row_details() -> None:
    _, rows, _ = ingest_one(DIR / "export.jsonl", keep_text=True)
    first = _row(rows, "hel-req-0001")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18")
    assert first["latency_ms"] == 1200.0
    assert first["logged_cost_usd"] == pytest.approx(0.000095)
    # Helicone-Property-* prefix dropped, keys lower-cased, env → environment, user id → user
    assert json.loads(first["metadata"]) == {
        "project": "helpdesk", "feature": "triage", "environment": "prod", "user": "alice"}

    claude = _row(rows, "hel-req-0002")
    assert (claude["provider"], claude["model"]) == ("anthropic", "claude-sonnet-4-5")
    assert claude["service_tier"] == "standard"
    assert json.loads(claude["metadata"]) == {
        "project": "helpdesk", "session": "sess-9", "user": "bob"}
    # --include-body: system text and the last user message
    assert claude["prompt_text"] == "You are a support agent.\n\nWhere is it now?"
    assert claude["message_count"] == 3 and claude["has_tools"] is False

    err = _row(rows, "hel-req-0003")
    assert err["status"] == "error" and err["input_tokens"] == 0 and err["output_tokens"] == 0

    scaled = _row(rows, "hel-req-0004")  # cost 150000 is ClickHouse USD × 1e9
    assert scaled["logged_cost_usd"] == pytest.approx(150000 / 1e9)
    assert scaled["service_tier"] == "flex" and scaled["has_tools"] is True

    bedrock = _row(rows, "hel-req-0005")
    assert (bedrock["provider"], bedrock["model"]) == ("anthropic", "claude-3-5-haiku-latest")


@pytest.mark.parametrize(
    ("provider", "expected_input", "expected_write"),
    [
        ("OPENAI", 1000, 100),  # cached included: input = prompt_tokens
        ("ANTHROPIC", 1000 + 600 + 100, 100),  # fresh: input = prompt + read + write
    ],
)
def test_prompt_tokens_convention_depends_on_provider(
    tmp_path: Path, provider: str, expected_input: int, expected_write: int
) -> None:
    line = {
        "request_id": f"conv-{provider}", "request_created_at": "2025-09-05T12:00:00Z",
        "model": "some-model", "provider": provider, "response_status": 200,
        "prompt_tokens": 1000, "prompt_cache_read_tokens": 600, "prompt_cache_write_tokens": 100,
        "completion_tokens": 10,
    }
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(line) + "\n")
    _, rows, _ = ingest_one(path)
    t = totals(rows)
    assert t["input_tokens"] == expected_input
    assert (t["cache_read_tokens"], t["cache_write_tokens"]) == (600, expected_write)


def test_csv_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "export.csv", keep_text=True)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (3, 3, 0)
    t = totals(rows)
    assert t["requests"] == 3
    # the CSV has no provider and no cache columns: input = prompt_tokens; row 2 is a 500
    assert t["input_tokens"] == 1500 + 0 + 300
    assert t["output_tokens"] == 12 + 0 + 50
    assert t["cache_read_tokens"] == t["cache_write_tokens"] == 0
    first = _row(rows, "hel-resp-1001")
    assert json.loads(first["metadata"]) == {
        "feature": "classify", "environment": "staging", "user": "carol"}
    assert first["prompt_text"] == "Classify the ticket.\n\nRefund please, order 42"
    assert first["latency_ms"] == 640.0
    assert first["logged_cost_usd"] == pytest.approx(0.00387)
    assert _row(rows, "hel-resp-1002")["status"] == "error"
    assert _row(rows, "hel-resp-1003")["logged_cost_usd"] == pytest.approx(0.00012)


def test_rest_page_document() -> None:
    report, rows, _ = ingest_one(DIR / "query_page.json")
    assert (report.rows_ingested, report.rows_rejected) == (2, 0)
    t = totals(rows)
    # GOOGLE is OpenAI-style (cached ⊂ prompt); the -3 row is a non-HTTP failure
    assert t["input_tokens"] == 4000 + 0
    assert t["cache_read_tokens"] == 1024
    assert t["output_tokens"] == 250
    gem = _row(rows, "hel-req-3001")
    assert (gem["provider"], gem["model"]) == ("google", "gemini-2.5-flash")
    assert json.loads(gem["metadata"]) == {"team": "growth", "session": "s-42"}
    assert _row(rows, "hel-req-3002")["status"] == "error"


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(DIR / "bad_lines.jsonl")
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -5"),
        (5, "unknown timestamp format: 'yesterday'"),
        (6, "not a JSON object (a list)"),
        (7, "cache tokens exceed input_tokens"),  # an OPENAI row cannot cache more than it sent
    ]
    assert (report.rows_ingested, report.skipped) == (2, 1)  # line 8 is blank
    # a non-object request_properties and a malformed body do not cost the line
    assert rows["source_line"].to_list() == [1, 9]
    assert _row(rows, "hel-bad-01")["metadata"] == "{}"
    t = totals(rows)
    assert t["input_tokens"] == 100 + (50 + 400 + 25)
    assert t["output_tokens"] == 10 + 7


def test_bad_csv_rows_rejected() -> None:
    report, rows, _ = ingest_one(DIR / "bad_export.csv")
    assert [(r.line, r.reason) for r in report.rejections] == [
        (3, "expected 12 CSV fields, found 13"),
        (4, "input_tokens is not a number"),
    ]
    assert rows["request_id"].to_list() == ["hel-resp-2001"]
    assert totals(rows)["input_tokens"] == 200


def test_a_users_rating_and_the_time_to_first_token(tmp_path: Path) -> None:
    first = json.loads((LOGS / "helicone" / "export.jsonl").read_text().splitlines()[0])
    lines = [{**first, "request_id": f"r{i}", **extra} for i, extra in
             enumerate([{"feedback_rating": True}, {"feedback_rating": False}, {}])]
    path = tmp_path / "rated.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    _, rows, _ = ingest_one(path)
    # true is a thumbs up (not flagged), false a thumbs down; no rating: no verdict
    assert rows.sort("request_id").select("feedback_flag", "ttft_ms").rows() == [
        (False, 310.0), (True, 310.0), (None, 310.0)]


def test_finish_reasons_and_json_from_the_bodies(tmp_path: Path) -> None:
    first = json.loads((LOGS / "helicone" / "export.jsonl").read_text().splitlines()[0])
    asked = {"messages": [{"role": "user", "content": "Give me JSON"}], "response_format": {"type": "json_object"}}
    lines = [
        {**first, "request_id": "a", "request_body": asked,
         "response_body": {"choices": [{"finish_reason": "length", "message": {"content": '{"a": '}}]}},
        {**first, "request_id": "b", "request_body": {**asked, "response_format": None,
                                                      "output_format": {"type": "json_schema"}},
         "response_body": {"stop_reason": "end_turn", "content": [{"type": "text", "text": '{"a": 1}'}]}},
        {**first, "request_id": "c", "request_body": {"messages": asked["messages"]},
         "response_body": {"choices": [{"finish_reason": "stop", "message": {"content": "Sure"}}]}},
        {**first, "request_id": "d"},  # no bodies: nothing known
    ]
    path = tmp_path / "bodies.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    _, rows, _ = ingest_one(path)
    assert rows.sort("request_id").select("finish_reason", "json_requested", "json_valid").rows() == [
        ("truncated", True, False), ("stop", True, True), ("stop", False, None), (None, None, None)]
