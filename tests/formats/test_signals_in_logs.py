"""Quality signals as the adapters read them: finish reason, JSON asked for, JSON given.

Fixtures (written for these tests): ``openai_chat/signals.jsonl`` — a JSON object answered
whole, a JSON schema answer cut by the output limit, a tool call, a bare response filtered
(no request logged), a Responses call incomplete at its output limit;
``anthropic_messages/signals.jsonl`` — the same with structured outputs, a tool use and a
refusal. The other adapters' ``signals.jsonl`` each hold a JSON answer given whole, a JSON
answer cut short, a tool call, a filtered or blocked answer and a record that does not say
why it stopped:

- ``gemini`` — JSON by ``responseMimeType`` (after a thought part), by a ``responseSchema``,
  a function call (Gemini says STOP), a prompt blocked (``promptFeedback``, no request
  logged);
- ``bedrock`` — Converse ``outputConfig.textFormat``, Anthropic ``output_config.format``
  through InvokeModel, a streamed tool use, a guardrail with the request body only in S3;
- ``openrouter`` — generation records: the normalised ``finish_reason``, else the native
  one; never a request or an answer's text;
- ``otel_genai`` — ``gen_ai.output.type``, the output messages and the time to first chunk
  on current-convention spans, an OpenLLMetry span's content filter, an older span without
  either;
- ``litellm_spend_logs`` — rows stored with their request (``proxy_server_request``) and
  without; ``litellm_payload`` — ``model_parameters.response_format``, a fenced JSON answer,
  a failed call;
- ``langfuse`` — an output logged as the whole chat completion, a streamed call of Langfuse's
  OpenAI integration (finish reason and a Pydantic ``response_format`` in the metadata), an
  observation without its input."""

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


def test_gemini() -> None:
    _, rows, _ = ingest_one(LOGS / "gemini" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("g-sig-1", "stop", True, True),  # the thought part before the answer is not the answer
        ("g-sig-2", "truncated", True, False),
        ("g-sig-3", "tool_use", False, None),  # STOP after a function call
        ("g-sig-4", "content_filter", None, None),  # the prompt was blocked: no candidate
        ("g-sig-5", None, False, None),
    ]


def test_gemini_streamed_chunks_leave_json_validity_unknown(tmp_path: Path) -> None:
    request = {"model": "gemini-2.5-flash", "contents": [{"parts": [{"text": "q"}]}],
               "generationConfig": {"responseMimeType": "application/json"}}

    def chunk(text: str, finish: str | None, output: int) -> str:
        candidate: dict[str, object] = {"content": {"role": "model", "parts": [{"text": text}]}}
        if finish:
            candidate["finishReason"] = finish
        response = {"candidates": [candidate], "responseId": "g-stream",
                    "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": output},
                    "modelVersion": "gemini-2.5-flash"}
        line = {"timestamp": "2026-10-07T09:00:00Z", "request": request, "response": response}
        return json.dumps(line)

    path = tmp_path / "stream.jsonl"
    # each chunk holds a piece of '{"a": 1}': the last one alone is not the answer
    path.write_text(chunk('{"a"', None, 2) + "\n" + chunk(": 1}", "STOP", 4) + "\n")
    _, rows, _ = ingest_one(path)
    assert rows.select(COLUMNS).rows() == [("g-stream", "stop", True, None)]


def test_bedrock() -> None:
    _, rows, _ = ingest_one(LOGS / "bedrock" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("br-sig-1", "stop", True, True),
        ("br-sig-2", "truncated", True, False),
        ("br-sig-3", "tool_use", False, None),  # streamed: messageStop's stopReason
        ("br-sig-4", "content_filter", None, None),  # the request body went to S3
        ("br-sig-5", None, False, None),
    ]


def test_openrouter() -> None:
    _, rows, _ = ingest_one(LOGS / "openrouter" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("gen-sig-1", "stop", None, None),
        ("gen-sig-2", "truncated", None, None),
        ("gen-sig-3", "tool_use", None, None),
        ("gen-sig-4", "content_filter", None, None),  # only the native SAFETY
        ("gen-sig-5", None, None, None),
    ]


def test_otel_genai() -> None:
    _, rows, _ = ingest_one(LOGS / "otel_genai" / "signals.jsonl")
    assert rows.select(*COLUMNS, "ttft_ms").rows() == [
        ("chatcmpl-otel-sig-1", "stop", True, True, 250.0),  # time to first chunk 0.25 s
        ("chatcmpl-otel-sig-2", "truncated", True, False, None),
        ("chatcmpl-otel-sig-3", "tool_use", False, None, None),  # no gen_ai.output.type: none asked
        ("chatcmpl-otel-sig-4", "content_filter", None, None, None),  # OpenLLMetry: not logged
        ("chatcmpl-otel-sig-5", None, None, None, None),
    ]


def test_litellm_spend_logs() -> None:
    _, rows, _ = ingest_one(LOGS / "litellm_spend_logs" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("chatcmpl-sl-sig-1", "stop", True, True),
        ("chatcmpl-sl-sig-2", "truncated", True, False),
        ("chatcmpl-sl-sig-3", "tool_use", False, None),
        ("chatcmpl-sl-sig-4", "content_filter", None, None),  # proxy_server_request not stored
        ("chatcmpl-sl-sig-5", None, None, None),  # neither the request nor the response stored
    ]


def test_litellm_payload() -> None:
    _, rows, _ = ingest_one(LOGS / "litellm_payload" / "signals.jsonl")
    assert rows.select(*COLUMNS, "ttft_ms").rows() == [
        ("chatcmpl-pl-sig-1", "stop", True, True, 400.0),  # whitespace around the object is fine
        ("chatcmpl-pl-sig-2", "truncated", True, False, 400.0),  # a Markdown fence: malformed
        ("chatcmpl-pl-sig-3", "tool_use", False, None, 400.0),
        ("chatcmpl-pl-sig-4", "content_filter", False, None, 400.0),
        ("chatcmpl-pl-sig-5", None, False, None, 400.0),  # a failed call: no response
    ]


def test_langfuse() -> None:
    _, rows, _ = ingest_one(LOGS / "langfuse" / "signals.jsonl")
    assert rows.select(COLUMNS).rows() == [
        ("obs-sig-1", "stop", True, True),
        ("obs-sig-2", "truncated", True, False),  # the answer's text is the output
        ("obs-sig-3", "tool_use", False, None),
        ("obs-sig-4", "content_filter", None, None),  # input not logged
        ("obs-sig-5", None, False, None),
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
