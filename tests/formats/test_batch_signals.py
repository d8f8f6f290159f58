"""OpenAI batch outputs carry their answers' finish reasons; whether their JSON was asked for
comes from the input lines, joined by custom_id in the same run (written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

from analyzer.ingest.pipeline import ingest


def _input(cid: str, fmt: str | None) -> str:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Extract the order of {cid}"}]}
    if fmt:
        body["response_format"] = {"type": fmt}
    return json.dumps({"custom_id": cid, "method": "POST", "url": "/v1/chat/completions", "body": body})


def _output(cid: str, text: str, finish: str) -> str:
    body = {"id": f"chatcmpl-{cid}", "object": "chat.completion", "created": 1760000000, "model": "gpt-4o-mini",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": finish}],
            "usage": {"prompt_tokens": 20, "completion_tokens": 5, "total_tokens": 25}}
    return json.dumps({"id": f"batch_req_{cid}", "custom_id": cid,
                       "response": {"status_code": 200, "request_id": f"r-{cid}", "body": body}, "error": None})


def test_finish_reasons_and_json_judged_through_the_input_lines(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text("\n".join([
        _input("a", "json_object"), _input("b", "json_schema"), _input("c", None)]) + "\n")
    (tmp_path / "out.jsonl").write_text("\n".join([
        _output("a", '{"order": "A-1"}', "stop"),
        _output("b", '{"order": "A-', "length"),  # cut at the output limit: malformed
        _output("c", "A-1", "stop"),  # no JSON asked for: not judged
    ]) + "\n")
    rows = ingest([tmp_path]).rows.sort("request_id")
    assert rows.select("request_id", "finish_reason", "json_requested", "json_valid").rows() == [
        ("batch_req_a", "stop", True, True), ("batch_req_b", "truncated", True, False),
        ("batch_req_c", "stop", False, None)]


def test_without_the_input_lines_json_is_not_judged(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl").write_text(_output("a", '{"order": "A-1"}', "stop") + "\n")
    rows = ingest([tmp_path / "out.jsonl"]).rows
    assert rows.select("finish_reason", "json_requested", "json_valid").rows() == [("stop", None, None)]
