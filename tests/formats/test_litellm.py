"""LiteLLM spend logs and StandardLoggingPayload: OpenAI-style counts, cache parts from metadata."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import polars as pl

from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.litellm import LiteLLMPayload, LiteLLMSpendLogs
from analyzer.ingest.jsontext import decode_messages, json_fields, merge_flat
from analyzer.ingest.formats.openai_chat import OpenAIChat
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

SPEND = LOGS / "litellm_spend_logs"
PAYLOAD = LOGS / "litellm_payload"


def _row(rows: pl.DataFrame, request_id: str) -> dict:
    found = rows.filter(pl.col("request_id") == request_id)
    assert found.height == 1, request_id
    return found.row(0, named=True)


# --- LiteLLM_SpendLogs ------------------------------------------------------------------


def test_spend_logs_json_array_totals_by_hand() -> None:
    report, rows, _ = ingest_one(SPEND / "spend_logs.json")
    assert report.format == "litellm_spend_logs"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (7, 7, 0)
    assert (report.duplicates, report.skipped) == (0, 0)
    t = totals(rows)
    assert t["requests"] == 7
    # prompt_tokens already hold cache reads and writes (current LiteLLM), except row 6,
    # an older version that left the 3000 written tokens out: 10 + 1000 + 3000.
    assert t["input_tokens"] == (
        2010 + (12 + 2048 + 30500) + 1500 + 1500 + 0 + (10 + 1000 + 3000) + 50
    )
    assert t["cache_read_tokens"] == 1800 + 2048 + 1024 + 0 + 0 + 1000 + 0
    assert t["cache_write_tokens"] == 0 + (30500 - 500) + 0 + 0 + 0 + 3000 + 0
    assert t["cache_write_1h_tokens"] == 500
    assert t["output_tokens"] == 200 + 410 + 300 + 300 + 0 + 90 + 0
    assert t["reasoning_tokens"] == 120 + 64


def test_spend_logs_row_fields_and_metadata_object() -> None:
    _, rows, _ = ingest_one(SPEND / "spend_logs.json", keep_text=True)
    first = _row(rows, "chatcmpl-lt-0001")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "anthropic", "claude-3-5-haiku-latest", "claude-3-5-haiku-20241022")
    assert first["timestamp"] == datetime(2026, 10, 6, 10, 15, 2, 118000, tzinfo=UTC)
    assert first["latency_ms"] == 2784.0
    assert first["logged_cost_usd"] == 0.00231
    assert first["service_tier"] == "standard" and first["status"] == "ok"
    assert json.loads(first["metadata"]) == {
        "project": "helpdesk", "feature": "triage", "ticket_queue": "eu", "priority": "2",
        "user": "u_ops", "team": "Support", "team_id": "t_support", "api_key": "support-bot",
        "api_key_hash": "9f1c2e7ab34d5e6f", "end_user": "cust-77", "tags": "job:triage,env:prod",
        "model_group": "haiku", "call_type": "acompletion",
    }
    assert first["prompt_text"] == (
        "You route support tickets to a queue.\n\nTicket 5120: refund not received")
    assert first["message_count"] == 2
    embed = _row(rows, "emb-lt-0007")
    assert embed["provider"] == "aws" and embed["input_tokens"] == 50


def test_spend_logs_metadata_as_json_string() -> None:
    _, rows, _ = ingest_one(SPEND / "spend_logs.json")
    row = _row(rows, "chatcmpl-lt-0003")  # metadata is a JSON-encoded string here
    assert (row["input_tokens"], row["cache_read_tokens"]) == (1500, 1024)
    assert row["output_tokens"] == 300
    assert row["reasoning_tokens"] == 64
    assert row["timestamp"] == datetime(2026, 10, 6, 12, 30, 0, 250000, tzinfo=UTC)
    assert row["latency_ms"] == 1500.0
    assert json.loads(row["metadata"]) == {
        "project": "search", "feature": "rerank", "user": "u_search", "team": "Search",
        "team_id": "t_search", "api_key": "77aa01bb", "api_key_hash": "77aa01bb",
        "session": "sess-9", "tags": "rerank", "model_group": "reasoning-small",
        "call_type": "acompletion",
    }
    assert (row["provider"], row["model"]) == ("openai", "o4-mini")


def test_spend_logs_cache_hit_failure_and_legacy_rows() -> None:
    _, rows, _ = ingest_one(SPEND / "spend_logs.json")
    hit = _row(rows, "chatcmpl-lt-0003_cache_hit1791290000")
    assert hit["status"] == "cached" and hit["logged_cost_usd"] == 0.0
    assert json.loads(hit["metadata"])["cache_hit"] == "true"
    assert (hit["input_tokens"], hit["output_tokens"]) == (1500, 300)
    failed = _row(rows, "chatcmpl-lt-0005")
    assert failed["status"] == "error" and failed["input_tokens"] == 0
    assert json.loads(failed["metadata"])["error"] == "RateLimitError"
    legacy = _row(rows, "chatcmpl-lt-0006")
    assert (legacy["input_tokens"], legacy["cache_read_tokens"], legacy["cache_write_tokens"]) == (
        10 + 1000 + 3000, 1000, 3000)


def test_spend_logs_csv_export() -> None:
    report, rows, _ = ingest_one(SPEND / "spend_logs_export.csv", keep_text=True)
    assert report.format == "litellm_spend_logs"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (3, 3, 0)
    t = totals(rows)
    assert t["requests"] == 3
    assert t["input_tokens"] == 4000 + 700 + 0
    assert t["cache_read_tokens"] == 3000 + 0 + 0
    assert t["cache_write_tokens"] == 800
    assert t["output_tokens"] == 150 + 40 + 0
    first = _row(rows, "chatcmpl-csv-01")
    assert first["source_line"] == 2  # the header is line 1
    assert first["timestamp"] == datetime(2026, 10, 7, 8, 0, tzinfo=UTC)
    meta = json.loads(first["metadata"])
    assert (meta["api_key"], meta["project"]) == ("csv-key", "reports")
    assert meta["tags"] == "batch-report"
    assert _row(rows, "chatcmpl-csv-02")["prompt_text"] == "Summarize: the meeting moved to Friday."
    assert _row(rows, "chatcmpl-csv-03")["status"] == "error"


def test_spend_logs_bad_lines() -> None:
    report, rows, _ = ingest_one(SPEND / "bad_spend_logs.jsonl")
    # 9 physical lines: 2 ingested (1, 8), 5 rejected, 1 blank line, 1 duplicate (line 9)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 2, 5)
    assert (report.duplicates, report.skipped) == (1, 1)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -7"),
        (5, "unknown timestamp format: 'yesterday'"),
        (7, "cache_read_tokens is not a number"),  # "many" inside the metadata string
    ]
    assert sorted(rows["source_line"].to_list()) == [1, 8]
    assert totals(rows)["input_tokens"] == 100 + 300


# --- StandardLoggingPayload ---------------------------------------------------------------


def test_payload_totals_by_hand() -> None:
    report, rows, _ = ingest_one(PAYLOAD / "payload.jsonl", keep_text=True)
    assert report.format == "litellm_payload"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (4, 4, 0)
    t = totals(rows)
    assert t["requests"] == 4
    assert t["input_tokens"] == 1840 + (30 + 4000 + 1000) + 0 + 1840
    assert t["cache_read_tokens"] == 1536 + 4000 + 0 + 0  # row 1 from response.usage details
    assert t["cache_write_tokens"] == 0  # row 2 wrote 1000 tokens, all of them 1-hour
    assert t["cache_write_1h_tokens"] == 1000
    assert t["output_tokens"] == 212 + 350 + 0 + 212
    assert t["reasoning_tokens"] == 0 + 90


def test_payload_rows() -> None:
    _, rows, _ = ingest_one(PAYLOAD / "payload.jsonl", keep_text=True)
    first = _row(rows, "chatcmpl-pl-01")
    assert first["timestamp"] == datetime.fromtimestamp(1791367200.25, tz=UTC)  # epoch float
    assert first["latency_ms"] == 1500.0
    assert (first["provider"], first["model"]) == ("openai", "gpt-4o-mini")
    assert first["has_tools"] is True
    assert first["prompt_text"] == (
        "Classify the ticket into billing, shipping or account.\n\n"
        "Ticket 4411: I was charged twice")
    assert json.loads(first["metadata"]) == {
        "project": "support", "feature": "triage", "user": "u_1", "team": "Support",
        "team_id": "t_support", "api_key": "triage-key", "api_key_hash": "ab12cd",
        "trace": "trace-a", "tags": "prod", "model_group": "mini", "call_type": "acompletion",
    }
    second = _row(rows, "chatcmpl-pl-02")  # metadata as a JSON string, datetime strings
    assert second["timestamp"] == datetime(2026, 10, 6, 9, tzinfo=UTC)
    assert second["prompt_text"] == "You are a careful code reviewer.\n\nReview this diff"
    assert json.loads(second["metadata"])["repo"] == "core"
    assert second["provider"] == "anthropic"
    failed = _row(rows, "chatcmpl-pl-03")
    assert failed["status"] == "error" and failed["output_tokens"] == 0
    assert json.loads(failed["metadata"])["error"] == "RateLimitError"
    hit = _row(rows, "chatcmpl-pl-01_cache_hit1791367300")
    assert hit["status"] == "cached" and json.loads(hit["metadata"])["cache_hit"] == "true"


def test_payload_bad_lines() -> None:
    report, rows, _ = ingest_one(PAYLOAD / "bad_payload.jsonl", keep_text=True)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (6, 2, 4)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected character, expected a JSON value)"),
        (3, "output_tokens is not a number"),  # an object where a count belongs
        (4, "negative input_tokens: -3"),
        (5, "missing model"),
    ]
    text = _row(rows, "chatcmpl-pb-06")  # a text completion: messages is a plain prompt
    assert text["prompt_text"] == "Complete this sentence: the sky is"


# --- detection and helpers ----------------------------------------------------------------


def test_sniffers_do_not_cross_claim() -> None:
    spend = {"request_id": "r", "spend": 0.1, "startTime": "2026-10-01", "call_type": "acompletion"}
    payload = {"id": "x", "response_cost": 0.1, "call_type": "acompletion", "response": {
        "object": "chat.completion", "usage": {"prompt_tokens": 1}}}
    for record, owner in ((spend, "litellm_spend_logs"), (payload, "litellm_payload")):
        sample = Sample("f.jsonl", "jsonl", [record])
        formats = (LiteLLMSpendLogs(), LiteLLMPayload(), OpenAIChat())
        hits = [f.name for f in formats if f.sniff(sample)]
        assert hits == [owner]
    page = Sample("p.json", "json", [{"data": [spend], "total": 1}])
    assert LiteLLMSpendLogs().sniff(page)
    assert LiteLLMSpendLogs().csv_sniff(("request_id", "call_type", "spend", "startTime"))
    assert not LiteLLMPayload().csv_sniff(("request_id", "call_type", "spend", "startTime"))


def test_decode_messages_survives_odd_values() -> None:
    texts = pl.Series([
        '[{"role": "user", "content": "hi"}]',
        '[{"role": "user", "content": [{"type": "text", "text": "parts"}]}]',
        '["just a string"]',  # not a list of objects: read alone, becomes null
        "{}",
        None,
        "[]",
        "[{broken",
    ])
    out = decode_messages(texts).to_list()
    assert out[0] == [{"role": "user", "content": "hi"}]
    assert out[1][0]["content"] == '[{"type": "text", "text": "parts"}]'
    assert out[2] is None and out[3] is None and out[4] is None and out[6] is None
    assert out[5] == []


def test_metadata_helpers() -> None:
    df = pl.DataFrame({
        "base": ['{"a":"x"}', '{}', '{"a":"1"}'],  # as exprs.meta builds them
        "extra": ['{"k": "v", "n": 3, "a": "dup", "z": null}', '{"nested": {"x": 1}}', None],
    })
    out = df.select(merge_flat(pl.col("base"), pl.col("extra"), ["a"])).to_series()
    assert [json.loads(s) for s in out] == [{"a": "x", "k": "v", "n": "3"}, {}, {"a": "1"}]


def test_json_fields_reads_once_and_falls_back_per_row() -> None:
    texts = pl.Series([
        '{"usage_object": {"cache_read_input_tokens": 5, "x": {"deep": 1}}, "alias": "k"}',
        '{"usage_object": "not an object", "alias": "k2"}',  # the one-pass read cannot take it
        '"a JSON string"',
        None,
        '{"alias": {"nested": true}}',
    ])
    out = json_fields(texts, ["usage_object.cache_read_input_tokens", "alias"], "_p.")
    assert out.columns == ["_p.usage_object.cache_read_input_tokens", "_p.alias"]
    assert out.rows() == [
        ("5", "k"),
        (None, "k2"),  # read with json_path_match for this row only
        (None, None),
        (None, None),
        (None, '{"nested": true}'),
    ]


def test_tabs_in_prompts_are_read_whether_the_messages_were_nested_or_json_text(tmp_path) -> None:
    # Nested messages come back from the NDJSON reader as text with their strings' tabs raw
    # (it escapes only line breaks, quotes and backslashes); a JSON-text field may hold tabs
    # between its tokens. Both are read, and the prompt keeps its tab.
    code = "def f():\n\treturn 1"
    nested = {"request_id": "r1", "spend": 0.1, "startTime": "2026-03-02T10:00:00Z", "model": "gpt-4o",
              "prompt_tokens": 10, "completion_tokens": 2,
              "messages": [{"role": "user", "content": f"Fix this: {code}"}]}
    as_text = dict(nested, request_id="r2", messages='[\n\t{"role": "user",\t"content": "Explain: x"}\n]')
    path = tmp_path / "spend.jsonl"
    path.write_text(json.dumps(nested) + "\n" + json.dumps(as_text) + "\n")
    _, rows, _ = ingest_one(path, keep_text=True)
    rows = rows.sort("request_id")
    assert rows["prompt_text"].to_list() == [f"Fix this: {code}", "Explain: x"]
    assert rows["template_id"].null_count() == 0
    texts = pl.Series(['[{"role": "user", "content": "a\tb\x1bc"}]', "[{oops\t"])
    assert decode_messages(texts).to_list() == [[{"role": "user", "content": "a\tb c"}], None]


def test_the_callers_fields_come_from_spend_logs_metadata_else_requester_metadata(tmp_path) -> None:
    line = json.loads((PAYLOAD / "payload.jsonl").read_text().splitlines()[0])
    lines = []
    for i, (spend, requester) in enumerate([
        ({"project": "support", "feature": "triage"}, {"project": "ignored", "environment": "prod"}),
        ({"feature": "triage"}, {"project": "billing", "env": "staging"}),
        ({}, {}),
    ]):
        lines.append(json.dumps({**line, "id": f"req-{i}", "metadata": {
            **line["metadata"], "spend_logs_metadata": spend, "requester_metadata": requester}}))
    path = tmp_path / "payload.jsonl"
    path.write_text("\n".join(lines) + "\n")
    _, rows, _ = ingest_one(path)
    meta = {r["request_id"]: json.loads(r["metadata"]) for r in rows.iter_rows(named=True)}
    assert (meta["req-0"]["project"], meta["req-0"]["environment"]) == ("support", "prod")
    assert (meta["req-1"]["project"], meta["req-1"]["environment"]) == ("billing", "staging")
    assert "project" not in meta["req-2"] and "environment" not in meta["req-2"]
