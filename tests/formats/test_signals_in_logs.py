"""Quality signals as the adapters read them: finish reason, JSON asked for, JSON given.

Fixtures (written for these tests): ``openai_chat/signals.jsonl`` — a JSON object answered
whole, a JSON schema answer cut by the output limit, a tool call, a bare response filtered
(no request logged), a Responses call incomplete at its output limit;
``anthropic_messages/signals.jsonl`` — the same with structured outputs, a tool use and a
refusal."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import ingest_one

from ..conftest import LOGS

COLUMNS = ["request_id", "finish_reason", "json_requested", "json_valid"]


def test_openai_chat_and_responses() -> None:
    _, rows, _ = ingest_one(LOGS / "openai_chat" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("c1", "stop", True, True),
        ("c2", "truncated", True, False),  # '{"a": ' cut at the limit: malformed
        ("c3", "tool_use", False, None),  # no JSON asked for: validity not judged
        ("c4", "content_filter", None, None),  # a bare response: whether JSON was asked is unknown
        ("resp_5", "truncated", True, None),  # Responses: the answer's text is not read
    ]


def test_anthropic_messages() -> None:
    _, rows, _ = ingest_one(LOGS / "anthropic_messages" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("msg_1", "stop", True, True),
        ("msg_2", "truncated", True, False),
        ("msg_3", "tool_use", False, None),
        ("msg_4", "content_filter", False, None),  # a refusal
    ]


def test_claude_code_keeps_the_final_snapshots_stop_reason(tmp_path: Path) -> None:
    base = {"isSidechain": False, "userType": "external", "cwd": "/home/dev/shop", "sessionId": "s1",
            "version": "2.0.30", "type": "assistant", "requestId": "req_1"}

    def line(uuid: str, stop: str | None, output: int) -> str:
        message = {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                   "content": [{"type": "text", "text": "Done."}], "stop_reason": stop,
                   "usage": {"input_tokens": 10, "output_tokens": output}}
        return json.dumps({**base, "uuid": uuid, "timestamp": "2025-10-02T14:03:05Z", "message": message})

    path = tmp_path / "s1.jsonl"
    # a streamed message logged twice: an early snapshot without a stop reason, the final one
    path.write_text(line("u1", None, 3) + "\n" + line("u2", "max_tokens", 50) + "\n")
    _, rows, _ = ingest_one(path)
    assert rows.select("request_id", "output_tokens", "finish_reason").rows() == [("msg_1", 50, "truncated")]


def test_a_format_that_logs_no_signals_leaves_them_null() -> None:
    _, rows, _ = ingest_one(LOGS / "openai_usage" / "pages.jsonl")
    assert rows.select(COLUMNS[1:]).null_count().row(0) == (rows.height,) * 3


def test_time_to_first_token_from_completion_start() -> None:
    _, rows, _ = ingest_one(LOGS / "litellm_spend_logs" / "spend_logs.json")
    first = rows.filter(rows["request_id"] == "chatcmpl-lt-0001").row(0, named=True)
    # completionStartTime 10:15:03.020 - startTime 10:15:02.118 = 902 ms; end 10:15:04.902 = 2,784 ms
    assert (first["ttft_ms"], first["latency_ms"]) == (902.0, 2784.0)
    assert rows.filter(rows["request_id"] == "chatcmpl-lt-0002")["ttft_ms"].to_list() == [None]  # not logged


def test_langfuse_time_to_first_token_and_a_start_after_the_end(tmp_path: Path) -> None:
    page = json.loads((LOGS / "langfuse" / "observations_page.json").read_text())
    generations = [o for o in page["data"] if o["type"] == "GENERATION"]
    first, second = generations[0], generations[1]
    assert first["startTime"] == "2026-10-05T08:00:01.120Z"
    first["completionStartTime"] = "2026-10-05T08:00:01.570Z"  # 1.570 - 1.120 s = 450 ms
    second["completionStartTime"] = "2020-01-01T00:00:00.000Z"  # before its start: not a time
    path = tmp_path / "observations.json"
    path.write_text(json.dumps(page))
    _, rows, _ = ingest_one(path)
    got = dict(rows.select("request_id", "ttft_ms").iter_rows())
    assert got[first["id"]] == 450.0 and got[second["id"]] is None
