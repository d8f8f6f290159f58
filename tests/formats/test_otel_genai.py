"""OpenTelemetry GenAI traces: LLM-call spans become requests, every other span is skipped."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.otel_genai import OtelGenAI
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

DIR = LOGS / "otel_genai"
T1 = "5b8efff798038103d269b633813fc60c"  # support-bot's trace
T2 = "0af7651916cd43dd8448eb211c80319c"  # contract-summarizer's trace


def _row(rows: pl.DataFrame, request_id: str) -> dict:
    found = rows.filter(pl.col("request_id") == request_id)
    assert found.height == 1, request_id
    return found.row(0, named=True)


def _attr(key: str, value: object) -> dict:
    kind = "stringValue" if isinstance(value, str) else "intValue"
    return {"key": key, "value": {kind: value}}


def _span(span_id: str, attributes: list[dict], parent: str = "", start: int = 0) -> dict:
    begin = 1791190800000000000 + start * 1_000_000_000
    return {
        "traceId": "feedfacefeedfacefeedfacefeedface", "spanId": span_id,
        "parentSpanId": parent, "name": "span", "kind": 3,
        "startTimeUnixNano": str(begin), "endTimeUnixNano": str(begin + 500_000_000),
        "attributes": attributes, "status": {},
    }


def _document(service: str, spans: list[dict]) -> dict:
    return {"resourceSpans": [{
        "resource": {"attributes": [_attr("service.name", service)]},
        "scopeSpans": [{"scope": {"name": "test"}, "spans": spans}],
    }]}


def test_document_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "trace_export.json")
    assert report.format == "otel_genai"
    # 8 spans in 2 resources: the agent, tool and HTTP spans are skipped; the two failed
    # chat spans are requests (status error)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (8, 5, 0)
    assert (report.duplicates, report.skipped) == (0, 3)
    t = totals(rows)
    assert t["requests"] == 5
    assert t["input_tokens"] == (
        2048  # OpenAI chat: input_tokens already holds its 1536 cached tokens
        + 0  # rate-limited chat: no usage
        + (42 + 3000 + 1200)  # Anthropic: reads + writes exceed input 42, so it was uncached
        + 256  # embeddings
        + 1250  # failed Anthropic call with usage: 1000 reads fit inside 1250 (inclusive)
    )
    assert t["cache_read_tokens"] == 1536 + 3000 + 1000
    assert t["cache_write_tokens"] == 1200
    assert t["cache_write_1h_tokens"] == 0
    assert t["output_tokens"] == 180 + 0 + 512 + 0 + 64
    assert t["reasoning_tokens"] == 0


def test_document_rows() -> None:
    _, rows, _ = ingest_one(DIR / "trace_export.json", keep_text=True)
    chat = _row(rows, "chatcmpl-otel-0001")
    assert chat["timestamp"] == datetime(2026, 10, 5, 9, 0, 0, 100000, tzinfo=UTC)
    assert chat["latency_ms"] == 1250.0  # (1791190801350000000 - 1791190800100000000) / 1e6
    assert (chat["provider"], chat["model"], chat["model_raw"], chat["status"]) == (
        "openai", "gpt-4o", "gpt-4o-2024-08-06", "ok")
    assert chat["source_line"] == 3  # the third span of the document
    assert json.loads(chat["metadata"]) == {
        "service": "support-bot", "operation": "chat", "trace": T1, "finish_reason": "stop",
        "server": "api.openai.com",
    }
    # span events gen_ai.system.message / gen_ai.user.message
    assert chat["prompt_text"] == "You are a support triage assistant.\n\nWhere is my order 1234?"

    limited = _row(rows, f"{T1}:eee19b7ec3c1b177")  # no response id: traceId:spanId
    assert (limited["status"], limited["input_tokens"], limited["latency_ms"]) == (
        "error", 0, 220.0)
    assert json.loads(limited["metadata"])["error"] == "RateLimitError"

    claude = _row(rows, "msg_01OtelContractSummary1")
    assert (claude["provider"], claude["model"]) == ("anthropic", "claude-sonnet-4-5")
    assert (claude["input_tokens"], claude["cache_read_tokens"], claude["cache_write_tokens"]) == (
        42 + 3000 + 1200, 3000, 1200)
    assert claude["latency_ms"] == 4800.0
    assert json.loads(claude["metadata"]) == {
        "service": "contract-summarizer", "operation": "chat", "trace": T2,
        "finish_reason": "end_turn", "server": "api.anthropic.com", "session": "conv-881",
    }
    # gen_ai.input.messages (JSON text, parts): the system and the last user message
    assert claude["prompt_text"] == (
        "You summarize contracts for a legal team.\n\nSummarize clause 4.2 of the attached lease.")

    failed = _row(rows, "msg_01OtelContractSummary2")  # STATUS_CODE_ERROR after the reply
    assert (failed["status"], failed["input_tokens"], failed["output_tokens"]) == (
        "error", 1250, 64)
    assert json.loads(failed["metadata"])["error"] == "pydantic_core.ValidationError"

    embedding = _row(rows, f"{T2}:b7ad6b7169203332")  # times written as JSON numbers
    assert embedding["timestamp"] == datetime(2026, 10, 5, 14, 29, 59, 500000, tzinfo=UTC)
    assert (embedding["model"], embedding["input_tokens"], embedding["latency_ms"]) == (
        "text-embedding-3-small", 256, 85.0)
    skipped = {f"{T1}:eee19b7ec3c1b174", f"{T1}:eee19b7ec3c1b175", f"{T1}:eee19b7ec3c1b178"}
    assert set(rows["request_id"]).isdisjoint(skipped)


def test_collector_jsonl_totals_by_hand() -> None:
    report, rows, _ = ingest_one(DIR / "collector_export.jsonl", keep_text=True)
    assert report.format == "otel_genai"
    # 3 lines holding 3 + 1 + 4 spans: the task span, the agent span and pydantic-ai's chat
    # span (it wraps Logfire's span of the same call) are skipped
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (8, 5, 0)
    assert (report.duplicates, report.skipped) == (0, 3)
    t = totals(rows)
    assert t["input_tokens"] == (
        40  # OpenLLMetry embeddings: only llm.usage.total_tokens (40 - no output)
        + 900  # OpenLLMetry chat: llm.usage.prompt_tokens
        + 2250  # OpenLLMetry Anthropic: already 50 uncached + 2000 reads + 200 writes
        + 1200  # Logfire's span of the gpt-4o call (the wrapper's 1200 is not counted again)
        + 800  # Gemini
    )
    assert t["cache_read_tokens"] == 2000
    assert t["cache_write_tokens"] == 200
    assert t["output_tokens"] == 0 + 60 + 150 + 300 + 420
    assert t["reasoning_tokens"] == 300  # part of Gemini's 420

    openllmetry = _row(rows, "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b9")
    assert (openllmetry["provider"], openllmetry["model"]) == ("openai", "gpt-4o-mini")
    assert (openllmetry["input_tokens"], openllmetry["output_tokens"]) == (900, 60)
    assert openllmetry["source_line"] == 1 and openllmetry["latency_ms"] == 760.0
    assert openllmetry["prompt_text"] == (
        "Answer from the context only.\n\nWhat is the refund window?")
    assert json.loads(openllmetry["metadata"]) == {
        "service": "rag-api", "operation": "chat", "trace": "4bf92f3577b34da6a3ce929d0e0e4736",
        "finish_reason": "stop",
    }
    haiku = _row(rows, "msg_01OtelHaikuRag")
    assert (haiku["provider"], haiku["model"], haiku["source_line"]) == (
        "anthropic", "claude-3-5-haiku-latest", 2)  # gen_ai.system "Anthropic"
    gemini = _row(rows, "a3ce929d0e0e47364bf92f3577b34da6:4444444444444444")
    assert (gemini["provider"], gemini["model"], gemini["source_line"]) == (
        "google", "gemini-2.5-flash", 3)
    logfire = _row(rows, "chatcmpl-otel-0777")  # no operation name: usage + model
    assert (logfire["model"], logfire["latency_ms"]) == ("gpt-4o", 2900.0)
    assert json.loads(logfire["metadata"])["service"] == "research-agent"


def test_reingest_does_not_double_count(tmp_path: Path) -> None:
    files = [DIR / "trace_export.json", DIR / "collector_export.jsonl"]
    ws = Workspace(tmp_path / "ws")
    first = ws.add(ingest(files))
    assert [f.rows_ingested for f in first.files] == [5, 5]
    second = ws.add(ingest(files))
    assert [(f.rows_ingested, f.duplicates) for f in second.files] == [(0, 5), (0, 5)]
    stored = ws.requests().collect()
    assert stored.height == 10 and stored["request_id"].n_unique() == 10
    assert stored["input_tokens"].sum() == 7796 + 5190


def test_int_values_and_bad_values() -> None:
    report, rows, _ = ingest_one(DIR / "bad_values.jsonl")
    # line 1 holds two spans: intValue 77 (a JSON number) is read, "12x" is rejected
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (5, 1, 4)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (1, "input_tokens is not a number"),
        (2, "invalid JSON (unexpected end of data)"),
        (3, "missing model"),
        (4, "unknown timestamp format: '0'"),  # startTimeUnixNano "0" is unset
    ]
    t = totals(rows)
    assert (t["input_tokens"], t["output_tokens"]) == (77, 5)  # intValue 77 and "5"


def test_bare_spans_and_count_conventions(tmp_path: Path) -> None:
    chat = [_attr("gen_ai.operation.name", "chat"), _attr("gen_ai.provider.name", "anthropic"),
            _attr("gen_ai.request.model", "claude-sonnet-4-5")]
    spans = [
        # the Messages API's own counts copied verbatim: 20 uncached + 900 reads + 100 writes
        _span("0000000000000001", [*chat, _attr("gen_ai.usage.input_tokens", "20"),
                                   _attr("gen_ai.usage.cache_read.input_tokens", "900"),
                                   _attr("gen_ai.usage.cache_creation.input_tokens", 100),
                                   _attr("gen_ai.usage.output_tokens", "30")]),
        # thoughts outside the output count (reasoning 50 > output 10): added to it
        _span("0000000000000002", [_attr("gen_ai.operation.name", "generate_content"),
                                   _attr("gen_ai.system", "gcp.vertex_ai"),
                                   _attr("gen_ai.request.model", "gemini-2.5-flash"),
                                   _attr("gen_ai.usage.input_tokens", "100"),
                                   _attr("gen_ai.usage.output_tokens", "10"),
                                   _attr("gen_ai.usage.reasoning_tokens", "50")], start=1),
        # an HTTP span: skipped
        _span("0000000000000003", [_attr("http.request.method", "POST")], start=2),
    ]
    path = tmp_path / "spans.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in spans))
    report, rows, _ = ingest_one(path)
    assert (report.format, report.lines_read, report.rows_ingested, report.skipped) == (
        "otel_genai", 3, 2, 1)
    t = totals(rows)
    assert t["input_tokens"] == (20 + 900 + 100) + 100
    assert (t["cache_read_tokens"], t["cache_write_tokens"]) == (900, 100)
    assert (t["output_tokens"], t["reasoning_tokens"]) == (30 + (10 + 50), 50)
    assert set(rows["provider"]) == {"anthropic", "google"}


def test_array_of_documents_without_spans(tmp_path: Path) -> None:
    one = _document("a", [_span("0000000000000001", [
        _attr("gen_ai.operation.name", "chat"), _attr("gen_ai.request.model", "gpt-4o-mini"),
        _attr("gen_ai.usage.input_tokens", "10"), _attr("gen_ai.usage.output_tokens", "1")])])
    two = _document("b", [_span("0000000000000002", [
        _attr("gen_ai.operation.name", "embeddings"),
        _attr("gen_ai.request.model", "text-embedding-3-small"),
        _attr("gen_ai.usage.input_tokens", "7")])])
    path = tmp_path / "docs.json"
    metrics = {"resourceMetrics": [{"resource": {}, "scopeMetrics": []}]}  # same Collector file
    path.write_text(json.dumps([one, {"resourceSpans": []}, metrics, two], indent=1))
    report, rows, _ = ingest_one(path)
    assert (report.lines_read, report.rows_ingested) == (2, 2)
    assert totals(rows)["input_tokens"] == 10 + 7
    assert {json.loads(m)["service"] for m in rows["metadata"]} == {"a", "b"}


def test_sniff() -> None:
    fmt = OtelGenAI()
    doc = _document("svc", [])
    assert fmt.sniff(Sample("t.json", "json", [doc]))
    assert fmt.sniff(Sample("t.jsonl", "jsonl", [doc, doc]))
    assert fmt.explodes(Sample("t.jsonl", "jsonl", [doc]))
    span = _span("0000000000000001", [])
    assert fmt.sniff(Sample("s.jsonl", "jsonl", [span]))
    assert not fmt.explodes(Sample("s.jsonl", "jsonl", [span]))  # the fast path
    # a Langfuse observation and the SDK's ConsoleSpanExporter output are not claimed
    obs = {"id": "o", "traceId": "t", "type": "GENERATION", "startTime": "2026-10-01T00:00:00Z"}
    console = {"name": "chat", "context": {"trace_id": "0x1", "span_id": "0x2"},
               "attributes": {"gen_ai.system": "openai"}, "start_time": "2026-10-01T00:00:00Z"}
    assert not fmt.sniff(Sample("o.jsonl", "jsonl", [obs, console]))


def test_cli_ingest_and_report_by_model(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = str(tmp_path / "ws")
    res = runner.invoke(app, ["ingest", str(DIR), "--workspace", ws, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    # 5 + 5 + 1 requests, and the 5 of signals.jsonl; 3 + 3 skipped spans; 4 bad records
    assert (data["rows_ingested"], data["skipped"], data["rows_rejected"]) == (16, 6, 4)
    res = runner.invoke(app, ["report", "--by", "model", "--workspace", ws, "--json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.stdout)
    assert report["totals"]["unpriced_requests"] == 0
    groups = {g["key"]: g for g in report["groups"]}
    assert set(groups) == {
        "gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5", "claude-3-5-haiku-latest",
        "text-embedding-3-small", "gemini-2.5-flash",
    }
    mini = groups["gpt-4o-mini"]  # collector_export.jsonl's chat + bad_values.jsonl's one
    assert (mini["requests"], mini["input_tokens"], mini["output_tokens"]) == (2, 900 + 77, 60 + 5)
    # gpt-4o-mini at $0.15 / $0.60 per million tokens
    assert abs(mini["cost_usd"] - ((900 + 77) * 0.15 + (60 + 5) * 0.60) / 1e6) < 1e-9
    assert all(g["cost_usd"] > 0 for g in report["groups"])
