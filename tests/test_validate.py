"""Every row rule names its reason: the rules a mutation run found untested (mutmut 2 over
analyzer/ingest/validate.py)."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ingest_one


def test_each_rule_names_its_reason(tmp_path: Path) -> None:
    long_bad = "x" * 60
    path = tmp_path / "usage.csv"
    path.write_text(
        "timestamp,model,input_tokens,output_tokens,input_audio_tokens,output_audio_tokens,request_id\n"
        f"{long_bad},gpt-4o-mini,10,1,0,0,r1\n"
        "2026-10-05T10:00:00Z,   ,10,1,0,0,r2\n"
        "2026-10-05T10:00:01Z,gpt-4o-mini,10.5,1,0,0,r3\n"
        "2026-10-05T10:00:02Z,gpt-4o-mini,10,1,11,0,r4\n"
        "2026-10-05T10:00:03Z,gpt-4o-mini,10,1,0,2,r5\n"
        "2026-10-05T10:00:04Z,gpt-4o-mini,10,1,4,1,r6\n")
    report, rows, _ = ingest_one(path)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, f"unknown timestamp format: '{'x' * 40}'"),  # the value quoted up to 40 characters
        (3, "missing model"),  # blank after stripping
        (4, "input_tokens is not a whole number"),
        (5, "input_audio_tokens exceed input_tokens"),
        (6, "output_audio_tokens exceed output_tokens"),
    ]
    assert rows["request_id"].to_list() == ["r6"]


def test_a_blank_model_from_any_adapter_is_missing(tmp_path: Path) -> None:
    import json

    line = {"timestamp": "2026-10-05T10:00:00Z", "request": {"messages": [{"role": "user", "content": "hi"}]},
            "response": {"id": "c1", "object": "chat.completion", "model": "   ",
                         "usage": {"prompt_tokens": 3, "completion_tokens": 1}}}
    path = tmp_path / "chat.jsonl"
    path.write_text(json.dumps(line) + "\n")
    report, _, _ = ingest_one(path)
    assert [(r.line, r.reason) for r in report.rejections] == [(1, "missing model")]
