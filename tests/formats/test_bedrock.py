"""AWS Bedrock invocation logs: uncached input + cache read + cache write (additive)."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.bedrock import Bedrock
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "bedrock"
TRAPS = DIR / "invocations.jsonl"


def _row(rows, request_id: str) -> dict:
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_plain_records_totals_by_hand() -> None:
    report, rows, _ = ingest_one(TRAPS, keep_text=True)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (7, 7, 0)
    assert (report.duplicates, report.skipped) == (0, 0)
    t = totals(rows)
    assert t["requests"] == 7
    # per line: inputTokenCount + cacheRead + cacheWrite; line 4 is an error (zero tokens)
    assert t["input_tokens"] == (
        (35 + 2048 + 0) + (12 + 0 + 30500) + (50 + 4096 + 1024) + 0 + 9 + 20 + (100 + 0 + 2000)
    )
    assert t["cache_read_tokens"] == 2048 + 4096
    # line 2: body splits 30500 writes into 20000 1h + 10500 5m; line 3: split says 0 1h;
    # line 7: no split in the body -> all 2000 are 5-minute writes
    assert t["cache_write_tokens"] == (30500 - 20000) + (1024 - 0) + 2000
    assert t["cache_write_1h_tokens"] == 20000
    assert t["output_tokens"] == 120 + 410 + 300 + 0 + 6 + 40 + 50
    assert t["reasoning_tokens"] == 0


def test_converse_row_fields_and_metadata() -> None:
    _, rows, _ = ingest_one(TRAPS, keep_text=True)
    first = _row(rows, "br-0001")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "anthropic", "claude-3-5-haiku-latest", "us.anthropic.claude-3-5-haiku-20241022-v1:0")
    assert first["status"] == "ok" and first["service_tier"] == "standard"
    assert first["latency_ms"] == 812.0
    assert first["has_tools"] is True and first["message_count"] == 1
    meta = json.loads(first["metadata"])
    assert meta == {
        "user": "app-role", "session": "worker-7",
        "arn": "arn:aws:sts::111122223333:assumed-role/app-role/worker-7",
        "account": "111122223333", "region": "us-east-1", "inference_region": "us-west-2",
        "operation": "Converse", "team": "search", "project": "docsearch",
    }
    assert first["prompt_text"] == (
        "You summarize server logs.\n\nSummarize this log: disk full on node-3")


def test_model_ids_prompts_and_errors() -> None:
    _, rows, _ = ingest_one(TRAPS, keep_text=True)
    second = _row(rows, "br-0002")
    assert json.loads(second["metadata"])["user"] == "alice"  # IAM user ARN
    # the last user turn, after the system prompt
    assert second["prompt_text"] == "You are a contract reviewer.\n\nAnd clause 7?"
    assert second["message_count"] == 3 and second["has_tools"] is False  # "tools": []
    stream = _row(rows, "br-0003")  # inference-profile ARN, body = stream chunks
    assert (stream["model"], stream["latency_ms"]) == ("claude-3-7-sonnet-latest", 2300.0)
    err = _row(rows, "br-0004")
    assert (err["status"], err["input_tokens"], err["output_tokens"]) == ("error", 0, 0)
    assert err["model"] == "claude-3-haiku"  # foundation-model ARN
    titan = _row(rows, "br-0005")
    assert (titan["provider"], titan["model"]) == ("aws", "amazon.titan-text-express-v1")
    assert titan["prompt_text"] == "Translate to French: good morning"
    llama = _row(rows, "br-0006")
    assert llama["model_raw"] == "meta.llama3-1-70b-instruct-v1:0"
    assert llama["prompt_text"] == "Write a haiku about queues"
    assert _row(rows, "br-0007")["model"] == "claude-haiku-4-5"  # global. profile


def test_cloudwatch_get_log_events_document() -> None:
    report, rows, _ = ingest_one(DIR / "get_log_events.json")
    assert (report.lines_read, report.rows_ingested) == (2, 2)
    t = totals(rows)
    assert t["input_tokens"] == (10 + 0 + 0) + (200 + 1000 + 300)
    assert (t["cache_read_tokens"], t["cache_write_tokens"]) == (1000, 300)
    assert t["output_tokens"] == 5 + 70
    # cw-0002 has no timestamp of its own: the event's 1791288060000 ms is used
    no_ts = _row(rows, "cw-0002")
    assert str(no_ts["timestamp"]) == "2026-10-06 12:01:00+00:00"
    assert json.loads(_row(rows, "cw-0001")["metadata"])["project"] == "chatbot"


def test_cloudwatch_events_one_document_per_line() -> None:
    report, rows, _ = ingest_one(DIR / "filter_log_events.jsonl")
    # line 1 holds 2 events, line 2 a subscription CONTROL_MESSAGE (skipped), line 3 one event
    assert (report.lines_read, report.rows_ingested, report.skipped) == (4, 3, 1)
    assert sorted(rows["request_id"].to_list()) == ["cw-0003", "cw-0004", "cw-0005"]
    assert rows.filter(rows["request_id"] == "cw-0005")["source_line"].to_list() == [3]
    t = totals(rows)
    assert (t["input_tokens"], t["output_tokens"]) == (7 + 3 + 4, 9 + 2 + 1)
    assert _row(rows, "cw-0003")["latency_ms"] == 350.0  # ConverseStream metadata chunk


def test_gzipped_s3_delivery_object() -> None:
    report, rows, _ = ingest_one(DIR / "s3_delivery.json.gz")
    assert (report.format, report.rows_ingested) == ("bedrock", 2)
    assert totals(rows)["input_tokens"] == 10 + 20


def test_json_array_of_records(tmp_path: Path) -> None:
    records = [json.loads(line) for line in TRAPS.read_text().splitlines()[:2]]
    path = tmp_path / "records.json"
    path.write_text(json.dumps(records, indent=2))
    report, rows, _ = ingest_one(path)
    assert (report.format, report.rows_ingested) == ("bedrock", 2)
    assert totals(rows)["input_tokens"] == (35 + 2048) + (12 + 30500)


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(DIR / "bad_invocations.jsonl")
    # 10 physical lines, line 5 holds two events: 11 records read
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (11, 3, 6)
    assert report.skipped == 2  # blank line 8, other schemaType on line 9
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -5"),
        (5, "not a JSON object (a str)"),
        (6, "unknown timestamp format: 'yesterday'"),
        (7, "missing model"),
    ]
    assert rows["request_id"].to_list() == ["bad-01", "bad-05", "bad-10"]
    assert totals(rows)["input_tokens"] == 100 + 100 + 7


def test_sniff_is_specific() -> None:
    fmt = Bedrock()
    wrapped = {"events": [{"timestamp": 1, "message": '{"schemaType": "ModelInvocationLog"}'}]}
    assert fmt.sniff(Sample("x.json", "json", [wrapped]))
    other = {"events": [{"timestamp": 1, "message": "START RequestId: 1"}]}
    assert not fmt.sniff(Sample("x.json", "json", [other]))
    assert not fmt.sniff(Sample("x.jsonl", "jsonl", [{"modelId": "x", "timestamp": "t"}]))


def test_events_with_messages_already_decoded(tmp_path: Path) -> None:
    record = json.loads(TRAPS.read_text().splitlines()[0])
    doc = {"events": [{"timestamp": 1791288000000, "message": record}]}  # jq fromjson'ed
    path = tmp_path / "decoded.json"
    path.write_text(json.dumps(doc, indent=1))
    report, rows, _ = ingest_one(path)
    assert (report.format, rows["request_id"].to_list()) == ("bedrock", ["br-0001"])
    assert totals(rows)["input_tokens"] == 35 + 2048 + 0


def test_cloudwatch_console_export_with_at_fields() -> None:
    # [{"@timestamp", "@message": "<record>"}]: the first record has no timestamp of its own
    report, rows, _ = ingest_one(LOGS / "bedrock" / "console_export.json")
    assert report.format == "bedrock"
    assert (report.rows_ingested, report.rows_rejected) == (2, 0)
    t = totals(rows)
    assert t["input_tokens"] == (35 + 2048 + 0) + (50 + 0 + 0)  # uncached + cache read + write
    assert t["output_tokens"] == 120 + 40
    first = rows.filter(rows["request_id"] == "br-at-0001").row(0, named=True)
    assert first["timestamp"] == datetime(2026, 10, 5, 9, 1, 30, tzinfo=timezone.utc)


def test_cloudwatch_logs_insights_results() -> None:
    # get-query-results: {"results": [[{"field", "value"}, ...]]}; row 4 kept no @message
    report, rows, _ = ingest_one(LOGS / "bedrock" / "logs_insights.json")
    assert report.format == "bedrock"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (4, 3, 1)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (4, "CloudWatch event without @message (the query did not keep the record)")]
    t = totals(rows)
    # Claude: uncached 120 + cache read 3000 + cache write 500; Llama: 900; the throttled call: 0
    assert t["input_tokens"] == (120 + 3000 + 500) + 900 + 0
    assert (t["cache_read_tokens"], t["cache_write_tokens"]) == (3000, 500)
    assert t["output_tokens"] == 210 + 150 + 0
    by_id = {r["request_id"]: r for r in rows.iter_rows(named=True)}
    # no timestamp in the record: the event's @timestamp; with one: the record's own
    assert by_id["br-li-0001"]["timestamp"] == datetime(2026, 10, 6, 14, 0, 1, 250000, tzinfo=timezone.utc)
    assert by_id["br-li-0002"]["timestamp"] == datetime(2026, 10, 6, 14, 2, 44, tzinfo=timezone.utc)
    assert by_id["br-li-0003"]["status"] == "error"


def test_regional_profiles_priced_above_the_global_one() -> None:
    from analyzer.aggregate import spend_report

    _, rows, _ = ingest_one(LOGS / "bedrock" / "regional_profiles.jsonl")
    by_id = {r["request_id"]: r for r in rows.iter_rows(named=True)}
    assert (by_id["br-rg-0001"]["provider"], by_id["br-rg-0001"]["model"]) == (
        "aws", "regional.anthropic.claude-sonnet-4-5-20250929-v1:0")
    assert (by_id["br-rg-0002"]["provider"], by_id["br-rg-0002"]["model"]) == ("anthropic", "claude-sonnet-4-5")
    report = spend_report(rows.lazy(), by="model")
    cost = {g["key"]: g["cost_usd"] for g in report["groups"]}
    # each call: 1,000 in, 200 out. Sonnet 4.5 through the us. profile: $3.30 / $16.50 per
    # million; through the global profile: $3 / $15; Haiku 4.5 through eu.: $1.10 / $5.50
    assert cost["regional.anthropic.claude-sonnet-4-5-20250929-v1:0"] == pytest.approx(1000 * 3.3e-6 + 200 * 16.5e-6)
    assert cost["claude-sonnet-4-5"] == pytest.approx(1000 * 3e-6 + 200 * 15e-6)
    assert cost["regional.anthropic.claude-haiku-4-5-20251001-v1:0"] == pytest.approx(1000 * 1.1e-6 + 200 * 5.5e-6)
