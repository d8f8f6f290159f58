"""Anthropic Messages logs: input_tokens EXCLUDES cache; canonical input adds reads and writes."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import orjson

from analyzer.ingest.formats.anthropic_messages import AnthropicMessages
from analyzer.ingest.formats.base import Sample
from analyzer.ingest.formats.openai_chat import OpenAIChat
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

TRAPS = LOGS / "anthropic_messages" / "traps.jsonl"
BAD = LOGS / "anthropic_messages" / "bad_lines.jsonl"


def _row(rows, request_id):  # type: ignore[no-untyped-def]
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_traps_file_totals_by_hand() -> None:
    report, rows, _ = ingest_one(TRAPS)
    # 9 physical lines: 7 ingested (1, 2, 3, 4, 5, 8, 9), line 6 repeats msg_01A
    # (duplicate), line 7 is blank (skipped).
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 7, 0)
    assert (report.duplicates, report.skipped) == (1, 1)
    assert report.timestamps_from_file == 1  # the bare Message on line 3
    t = totals(rows)
    # line 5 has no usage: counted with the tokenizer
    estimated = rows.filter(rows["tokens_estimated"])
    assert estimated["source_line"].to_list() == [5]
    est_in, est_out = estimated["input_tokens"][0], estimated["output_tokens"][0]
    assert 3 <= est_in <= 8 and 5 <= est_out <= 12  # "Say hello to the team" / the reply
    assert t["requests"] == 7
    # input = uncached + cache read + cache write 5m + cache write 1h, per line:
    assert t["input_tokens"] == (
        (12 + 30500 + 2048 + 1024)  # line 1: TTL split from usage.cache_creation
        + (410 + 0 + 1500 + 0)  # line 2: no split object -> all 1500 are 5-minute writes
        + (2200 + 0 + 0 + 0)  # line 3: cache fields present with null
        + 0  # line 4: failed call
        + est_in  # line 5
        + (5 + 0 + 0 + 4000)  # line 8: 1-hour writes only
        + 0  # line 9: an error body logged as the response
    )
    assert t["cache_read_tokens"] == 30500
    assert t["cache_write_tokens"] == 2048 + 1500
    assert t["cache_write_1h_tokens"] == 1024 + 4000
    assert t["output_tokens"] == 340 + 900 + 150 + 0 + est_out + 20  # thinking is inside
    assert t["reasoning_tokens"] == 600  # output_tokens_details.thinking_tokens (line 2)


def test_rows_keep_model_tier_and_metadata() -> None:
    _, rows, _ = ingest_one(TRAPS, keep_text=True)
    first = _row(rows, "msg_01A")
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929")
    assert first["service_tier"] == "standard"
    assert json.loads(first["metadata"]) == {
        "project": "support", "feature": "triage", "user": "u-77", "user_id": "u-77",
        "web_fetch_requests": "0",
    }
    assert first["web_search_requests"] == 0
    assert first["prompt_text"] == (
        "You are a support triage bot. Answer with one label.\n\nTicket 5521: refund not received")
    assert (first["message_count"], first["has_tools"]) == (1, False)

    agent = _row(rows, "msg_01B")
    assert agent["service_tier"] == "priority"
    assert agent["has_tools"] is True  # request.tools and tool_use / tool_result blocks
    assert agent["message_count"] == 3
    # system from a list of text blocks; user text = the last user message's text parts
    assert agent["prompt_text"] == "You are a coding agent.\n\nNow fix it."
    assert agent["latency_ms"] == 8123.0
    assert json.loads(agent["metadata"]) == {}  # "server_tool_use": null leaves nothing

    picture = _row(rows, "msg_01H")
    assert (picture["cache_write_tokens"], picture["cache_write_1h_tokens"]) == (0, 4000)
    assert picture["service_tier"] == "standard"  # request.service_tier "auto"
    assert picture["prompt_text"] == "What is in this picture?"  # the image block is no text


def test_bare_message_takes_the_file_time() -> None:
    _, rows, _ = ingest_one(TRAPS)
    bare = _row(rows, "msg_01C")
    mtime = datetime.fromtimestamp(os.path.getmtime(TRAPS), tz=timezone.utc)
    assert abs((bare["timestamp"] - mtime).total_seconds()) < 1e-3
    assert bare["service_tier"] == "batch"
    assert bare["has_tools"] is True  # server_tool_use / web_search_tool_result blocks
    assert json.loads(bare["metadata"]) == {"inference_geo": "us"}
    assert bare["web_search_requests"] == 2  # server_tool_use: priced per 1,000 searches


def test_failed_calls_are_zero_token_error_rows() -> None:
    _, rows, _ = ingest_one(TRAPS)
    err = rows.filter(rows["status"] == "error").sort("source_line")
    assert err["source_line"].to_list() == [4, 9]
    row = err.row(0, named=True)  # "response": null plus "error"
    assert row["request_id"] == "req_011CUerr"  # the error body's request_id
    assert row["model"] == "claude-sonnet-4-5"  # from the request
    assert sum(row[c] for c in ("input_tokens", "output_tokens", "cache_read_tokens")) == 0
    assert row["requests"] == 1
    assert json.loads(row["metadata"]) == {"error_type": "overloaded_error"}
    body = err.row(1, named=True)  # {"type": "error", "error": {...}} as the response
    assert (body["request_id"], body["model"], body["output_tokens"]) == (
        "req_rl1", "claude-haiku-4-5", 0)
    assert json.loads(body["metadata"]) == {"error_type": "rate_limit_error"}


def test_bad_lines_rejected_with_reasons_and_the_rest_lands() -> None:
    report, rows, _ = ingest_one(BAD)
    assert [(r.line, r.reason) for r in report.rejections[:4]] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "output_tokens is not a number"),
        # -10 uncached + 500 cache read must not pass as 490
        (4, "negative input_tokens: -10"),
        (5, "negative cache_read_tokens: -3"),
    ]
    # line 6 holds "usage": "oops": the reason names the structure it broke (the usage
    # object with its token counts), in at most 160 characters after the prefix
    line, reason = report.rejections[4].line, report.rejections[4].reason
    assert line == 6
    prefix = "unexpected structure: "
    assert reason.startswith(prefix) and 0 < len(reason) - len(prefix) <= 160
    assert "'input_tokens'" in reason and "'cache_read_input_tokens'" in reason
    assert [(r.line, r.reason) for r in report.rejections[5:]] == [
        (7, "unknown timestamp format: 'yesterday'"),
        (8, "reasoning_tokens exceed output_tokens"),
        (10, "not a JSON object (a list)"),
        (11, "cache_read_tokens is not a number"),  # names the bad part, not the sum
    ]
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (11, 2, 9)
    assert sorted(rows["request_id"].to_list()) == ["msg_B1", "msg_B9"]
    t = totals(rows)
    assert t["input_tokens"] == 100 + (7 + 3)
    assert t["output_tokens"] == 10 + 2


def _sample(path) -> Sample:  # type: ignore[no-untyped-def]
    lines = [ln for ln in path.read_bytes().splitlines() if ln.strip()]
    records = []
    for ln in lines:
        try:
            records.append(orjson.loads(ln))
        except orjson.JSONDecodeError:
            pass
    return Sample(path.name, "jsonl", records)


def test_sniffers_do_not_cross_claim_openai_chat() -> None:
    mine, openai = AnthropicMessages(), OpenAIChat()
    assert mine.sniff(_sample(TRAPS)) and not openai.sniff(_sample(TRAPS))
    openai_traps = LOGS / "openai_chat" / "traps.jsonl"
    assert openai.sniff(_sample(openai_traps)) and not mine.sniff(_sample(openai_traps))
    # an error line alone: claimed by the model name
    err = {"timestamp": "2026-10-05T10:03:00Z", "response": None, "error": {"type": "error"},
           "request": {"model": "claude-haiku-4-5", "messages": []}}
    assert mine.sniff(Sample("x", "jsonl", [err])) and not openai.sniff(Sample("x", "jsonl", [err]))
    err["request"]["model"] = "gpt-4o"  # type: ignore[index]
    assert not mine.sniff(Sample("x", "jsonl", [err]))
    # Claude Code transcript lines nest the Message under "message": not ours
    cc = {"type": "assistant", "message": {"type": "message", "usage": {"input_tokens": 1}}}
    assert not mine.sniff(Sample("x", "jsonl", [cc]))


def test_compaction_billed_as_the_sum_of_its_iterations() -> None:
    report, rows, _ = ingest_one(LOGS / "anthropic_messages" / "compaction.jsonl")
    assert (report.lines_read, report.rows_ingested) == (3, 3)
    by_id = {r["request_id"]: r for r in rows.iter_rows(named=True)}
    first = by_id["msg_compact_01"]  # top level says 229 in / 5 out; billed: both steps
    assert (first["input_tokens"], first["output_tokens"]) == (55196 + 229, 131 + 5)
    second = by_id["msg_compact_02"]
    # input = uncached + cache reads + cache writes, summed over the compaction and the message
    assert second["input_tokens"] == (900 + 60000 + 0) + (12 + 20000 + 300)
    assert (second["cache_read_tokens"], second["cache_write_tokens"]) == (60000 + 20000, 300)
    assert second["output_tokens"] == 210 + 40
    assert (by_id["msg_plain_03"]["input_tokens"], by_id["msg_plain_03"]["output_tokens"]) == (50, 6)
