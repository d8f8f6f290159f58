"""Claude Code transcripts: Anthropic usage, deduped snapshots, skipped non-usage lines."""

from __future__ import annotations

import json
from pathlib import Path

from analyzer.ingest.pipeline import ingest
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

PROJECT = LOGS / "claude_code" / "-home-dev-shop"
SESSION = "5e1f0c2a-0000-4000-8000-000000000001"
MAIN = PROJECT / f"{SESSION}.jsonl"
SUBAGENT = PROJECT / SESSION / "subagents" / "agent-a1.jsonl"


def _row(rows, request_id: str) -> dict:  # type: ignore[no-untyped-def]
    return rows.filter(rows["request_id"] == request_id).row(0, named=True)


def test_session_totals_by_hand() -> None:
    report, rows, _ = ingest_one(MAIN)
    # 14 lines: summary, user, 3 snapshots of msg_01A, tool-result user, msg_01B, a sidechain
    # replay of msg_01B, system, <synthetic>, API error, user, msg_01C (fast), file snapshot.
    assert report.lines_read == 14
    assert report.rows_ingested == 4  # msg_01A, msg_01B, the API error, msg_01C
    assert report.duplicates == 2 + 1  # two smaller snapshots + the in-file sidechain replay
    assert report.skipped == 7  # summary, 3 user lines, system, <synthetic>, file snapshot
    assert report.rows_rejected == 0
    t = totals(rows)
    assert t["requests"] == 4
    # input = input_tokens + cache_read + cache writes (5m + 1h)
    assert t["input_tokens"] == (4 + 48000 + 1900) + (6 + 49900 + 200 + 300) + 0 + (3 + 20000 + 0)
    assert t["cache_read_tokens"] == 48000 + 49900 + 0 + 20000
    assert t["cache_write_tokens"] == 1900 + 200 + 0 + 0  # 5-minute writes
    assert t["cache_write_1h_tokens"] == 0 + 300 + 0 + 0
    # snapshots of msg_01A had output 10, 40, 156: counted once, at 156
    assert t["output_tokens"] == 156 + 80 + 0 + 500
    assert t["reasoning_tokens"] == 120


def test_rows_in_detail() -> None:
    _, rows, _ = ingest_one(MAIN, keep_text=True)
    a = _row(rows, "msg_01A")
    assert a["source_line"] == 5  # the largest snapshot
    assert (a["provider"], a["model"], a["service_tier"]) == ("anthropic", "claude-sonnet-4-5",
                                                               "standard")
    assert json.loads(a["metadata"]) == {
        "project": "shop", "session": SESSION, "branch": "main", "version": "2.0.30"}
    assert a["prompt_text"] == "Fix the failing checkout test"
    assert rows["has_tools"].all()  # every Claude Code request carries its tool definitions

    b = _row(rows, "msg_01B")  # the non-sidechain copy is kept
    assert b["source_line"] == 7
    assert "sidechain" not in json.loads(b["metadata"])
    assert b["logged_cost_usd"] == 0.0321
    assert b["prompt_text"] == "Fix the failing checkout test"  # tool results are not prompts

    err = rows.filter(rows["status"] == "error").row(0, named=True)
    assert err["source_line"] == 11
    assert (err["input_tokens"], err["output_tokens"], err["model"]) == (0, 0, "unknown")

    fast = _row(rows, "msg_01C")
    assert fast["service_tier"] == "priority"
    assert json.loads(fast["metadata"])["speed"] == "fast"
    assert fast["prompt_text"] == "Now run the linter"
    assert set(rows["model_raw"]) & {"<synthetic>"} == set()


def test_subagent_file_and_cross_file_replay() -> None:
    result = ingest([PROJECT])
    assert not result.errors
    main, sub = result.files
    assert main.path.endswith(f"{SESSION}.jsonl") and sub.path.endswith("agent-a1.jsonl")
    # subagents file: 1 user line skipped, msg_01D ingested, the replay of msg_01A (same
    # message.id, other requestId) is a duplicate of the parent file's row
    assert (sub.lines_read, sub.rows_ingested, sub.duplicates, sub.skipped) == (3, 1, 1, 1)
    for f in result.files:
        assert f.lines_read == f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped
    t = totals(result.rows)
    assert t["requests"] == 4 + 1
    assert t["input_tokens"] == 120313 + (10 + 0 + 3000)
    assert t["cache_write_tokens"] == 2100 + 3000  # no cache_creation split → all 5-minute
    assert t["output_tokens"] == 736 + 200
    d = _row(result.rows, "msg_01D")
    assert json.loads(d["metadata"])["agent"] == "a1"
    assert _row(result.rows, "msg_01A")["source_file"].endswith(f"{SESSION}.jsonl")


def test_sidechain_copy_dropped_but_largest_snapshot_kept(tmp_path: Path) -> None:
    def line(n: int, out: int, side: bool) -> str:
        return json.dumps({
            "parentUuid": None, "isSidechain": side, "sessionId": "s", "type": "assistant",
            "uuid": f"u{n}", "timestamp": f"2025-10-02T14:00:0{n}Z", "requestId": f"r{n}",
            "message": {"id": "msg_X", "model": "claude-haiku-4-5", "usage": {
                "input_tokens": 10, "output_tokens": out}},
        })

    path = tmp_path / "s.jsonl"
    path.write_text("\n".join([line(1, 30, False), line(2, 50, True)]) + "\n")
    report, rows, _ = ingest_one(path)
    assert (report.rows_ingested, report.duplicates) == (1, 1)
    kept = rows.row(0, named=True)
    assert kept["source_line"] == 1  # the main-chain copy
    assert (kept["input_tokens"], kept["output_tokens"]) == (10, 50)  # the largest snapshot


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(LOGS / "claude_code" / "bad_session.jsonl")
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:4] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "output_tokens is not a number"),
        (4, "negative input_tokens: -1"),
        (5, "missing timestamp"),
    ]
    # line 6's "message" is a string: the reason names the structure it broke (the message
    # object, with its usage), in at most 160 characters after the prefix
    line, reason = reasons[4]
    assert line == 6
    prefix = "unexpected structure: "
    assert reason.startswith(prefix) and 0 < len(reason) - len(prefix) <= 160
    assert "'model'" in reason and "'usage'" in reason
    assert len(reasons) == 5
    assert rows["source_line"].to_list() == [1, 7]
    t = totals(rows)
    assert t["input_tokens"] == (5 + 1000 + 100) + (2 + 0 + 0)
    assert t["output_tokens"] == 50 + 9
    first = _row(rows, "msg_bad1")
    assert json.loads(first["metadata"])["project"] == "billing"  # Windows cwd
    assert first["logged_cost_usd"] == 0.0012


def test_assistant_records_without_a_type_are_read() -> None:
    report, rows, _ = ingest_one(LOGS / "claude_code" / "untyped" / "records.jsonl")
    assert report.format == "claude_code"
    # 3 lines: msg_0X1, and two snapshots of msg_0X2 (the larger, output 130, is kept)
    assert (report.lines_read, report.rows_ingested, report.duplicates) == (3, 2, 1)
    t = totals(rows)
    assert t["input_tokens"] == (12 + 30000 + 1500) + (8 + 31500 + 0)  # = 63,020
    assert t["cache_read_tokens"] == 30000 + 31500
    assert t["cache_write_tokens"] == 1500
    assert t["output_tokens"] == 220 + 130


def test_compacted_request_billed_by_its_iterations(tmp_path: Path) -> None:
    usage = {"input_tokens": 8, "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 0,
             "output_tokens": 20, "service_tier": "standard",
             "iterations": [
                 {"type": "compaction", "input_tokens": 4000, "cache_read_input_tokens": 90000,
                  "cache_creation_input_tokens": 2500, "output_tokens": 600},
                 {"type": "message", "input_tokens": 8, "cache_read_input_tokens": 1000,
                  "cache_creation_input_tokens": 0, "output_tokens": 20}]}
    line = {"type": "assistant", "sessionId": SESSION, "timestamp": "2026-10-08T11:00:00.000Z",
            "requestId": "req_c1", "uuid": "u-c1", "isSidechain": False, "cwd": "/home/dev/shop",
            "message": {"id": "msg_c1", "model": "claude-opus-4-5-20251101", "role": "assistant",
                        "content": [{"type": "text", "text": "Compacted; going on."}], "usage": usage}}
    path = tmp_path / "compacted.jsonl"
    path.write_text(json.dumps(line) + "\n")
    _, rows, _ = ingest_one(path)
    row = rows.row(0, named=True)
    # (uncached + cache read + cache write) of each step, summed
    assert row["input_tokens"] == (4000 + 90000 + 2500) + (8 + 1000 + 0)
    assert (row["cache_read_tokens"], row["cache_write_tokens"]) == (91000, 2500)
    assert row["output_tokens"] == 600 + 20
