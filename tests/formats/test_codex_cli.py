"""Codex CLI rollouts: a row per token_count; re-emits and fork replays dedupe; old deltas."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from analyzer.ingest import detect
from analyzer.ingest.formats.codex_cli import CodexCli
from analyzer.ingest.pipeline import ingest
from analyzer.ingest.sources import expand
from analyzer.pricing import cost
from analyzer.workspace import Workspace
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

FOLDER = LOGS / "codex_cli"
DAY = FOLDER / "2026" / "09" / "14"
SESSION = "0199a3c1-7e52-7b10-9d4e-2f6c1a8b5e01"
MAIN = DAY / f"rollout-2026-09-14T09-12-03-{SESSION}.jsonl"
FORK_ID = "0199a3f0-2b6d-7c4e-8a1f-5d9e0c7b3a12"
FORK = DAY / f"rollout-2026-09-14T10-05-40-{FORK_ID}.jsonl"
OLD_ID = "c3b0e1d2-5a47-4f86-9e1b-7d2a4c6f8e90"
OLD = FOLDER / "2025" / "08" / "21" / f"rollout-2025-08-21T16-40-55-{OLD_ID}.jsonl"
PROMPT_1 = "The tax total is off by a cent for some carts; fix the rounding in totals.py"
PROMPT_2 = "Now add a regression test for a 3-item cart"


def test_session_totals_by_hand() -> None:
    report, rows, _ = ingest_one(MAIN)
    assert report.format == "codex_cli"
    # 22 lines: session_meta, 9 response_items (2 user prompts, the environment context,
    # reasoning, 2 calls, 2 outputs, the answer), 2 turn_contexts, 2 user_messages,
    # 2 agent_messages, a rate-limit token_count (info: null), 4 token_counts with usage
    # and one identical re-emit of the second (line 13)
    assert report.lines_read == 22
    assert report.rows_ingested == 4
    assert report.duplicates == 1  # line 13 repeats line 12's totals
    assert report.skipped == 22 - 5  # every line but the five usage token_counts
    assert report.rows_rejected == 0
    t = totals(rows)
    assert t["requests"] == 4
    # last_token_usage per request; input already includes the cached part (OpenAI's way)
    assert t["input_tokens"] == 9120 + 10240 + 11105 + 12480  # = 42,945
    assert t["cache_read_tokens"] == 0 + 8960 + 10112 + 11008  # = 30,080
    assert t["cache_write_tokens"] == 0
    # reasoning is inside output: each total_tokens = input + output (9120 + 412 = 9532, …)
    assert t["output_tokens"] == 412 + 618 + 95 + 1520  # = 2,645
    assert t["reasoning_tokens"] == 256 + 384 + 0 + 1152  # = 1,792
    # …and the sums equal the session's final cumulative total_token_usage (line 21)
    final = (t["input_tokens"], t["cache_read_tokens"], t["output_tokens"], t["reasoning_tokens"])
    assert final == (42945, 30080, 2645, 1792)


def test_rows_in_detail() -> None:
    _, rows, _ = ingest_one(MAIN, keep_text=True)
    rows = rows.sort("source_line")
    assert rows["source_line"].to_list() == [9, 12, 17, 21]  # the first copy of line 12 is kept
    assert rows["request_id"].to_list() == [
        "codex:9120:0:412:256:9532",
        "codex:19360:8960:1030:640:20390",
        "codex:30465:19072:1125:640:31590",
        "codex:42945:30080:2645:1792:45590",
    ]
    # the model switch at line 18 (a new turn_context) applies from the next request on
    assert rows["model_raw"].to_list() == ["gpt-5-codex"] * 3 + ["gpt-5.1-codex-mini"]
    assert rows["model"].to_list() == ["gpt-5"] * 3 + ["gpt-5.1-codex-mini"]  # the catalog's ids
    assert set(rows["provider"]) == {"openai"}
    assert rows["has_tools"].all()
    assert set(rows["service_tier"]) == {"standard"}
    first, last = rows.row(0, named=True), rows.row(3, named=True)
    assert str(first["timestamp"]) == "2026-09-14 09:12:16.301000+00:00"
    assert json.loads(first["metadata"]) == {
        "project": "checkout-api", "session": SESSION, "branch": "fix/tax-rounding",
        "version": "0.46.0", "effort": "medium"}
    assert json.loads(last["metadata"])["effort"] == "low"  # the second turn's effort
    assert rows["prompt_text"].to_list() == [PROMPT_1] * 3 + [PROMPT_2]


def test_cost_by_hand() -> None:
    _, rows, _ = ingest_one(MAIN)
    priced = cost.price(rows.lazy(), prices_at=date(2026, 10, 1)).frame.collect()
    assert set(priced["price_status"]) == {"priced"}
    # gpt-5 (gpt-5-codex): $1.25 / M input, $0.125 / M cached input, $10 / M output
    # gpt-5.1-codex-mini: $0.25 / M input, $0.025 / M cached input, $2 / M output
    by_hand = [
        (9120 - 0) * 1.25 + 0 * 0.125 + 412 * 10,  # 11,400 + 0 + 4,120 = 15,520
        (10240 - 8960) * 1.25 + 8960 * 0.125 + 618 * 10,  # 1,600 + 1,120 + 6,180 = 8,900
        (11105 - 10112) * 1.25 + 10112 * 0.125 + 95 * 10,  # 1,241.25 + 1,264 + 950 = 3,455.25
        (12480 - 11008) * 0.25 + 11008 * 0.025 + 1520 * 2,  # 368 + 275.2 + 3,040 = 3,683.2
    ]
    got = priced.sort("source_line")["cost_usd"].to_list()
    assert got == pytest.approx([c / 1e6 for c in by_hand], rel=1e-12)
    assert sum(got) == pytest.approx(0.03155845, rel=1e-12)  # 31,558.45 / 1e6


def test_totals_only_file_takes_deltas_by_hand() -> None:
    # An old rollout: no turn_context (the model is on session_meta), no last_token_usage
    report, rows, _ = ingest_one(OLD)
    counts = (report.lines_read, report.rows_ingested, report.duplicates, report.skipped)
    assert counts == (13, 4, 1, 8)
    rows = rows.sort("source_line")
    assert rows["source_line"].to_list() == [5, 8, 11, 13]
    # line 5: the first total counts whole;     (6200, 0, 340, 192)
    # line 8: 13090-6200, 5888-0, 655-340, 384-192 = (6890, 5888, 315, 192)
    # line 9 repeats line 8's totals: a duplicate (its delta would be 0)
    # line 11: 20480-13090, 12800-5888, 1105-655, 640-384 = (7390, 6912, 450, 256)
    # line 13: total 3220 < 21585, a restarted counter: counts whole = (3100, 0, 120, 64)
    assert rows["input_tokens"].to_list() == [6200, 6890, 7390, 3100]
    assert rows["cache_read_tokens"].to_list() == [0, 5888, 6912, 0]
    assert rows["output_tokens"].to_list() == [340, 315, 450, 120]
    assert rows["reasoning_tokens"].to_list() == [192, 192, 256, 64]
    t = totals(rows)
    assert t["input_tokens"] == 6200 + 6890 + 7390 + 3100  # = 23,580
    assert t["output_tokens"] == 340 + 315 + 450 + 120  # = 1,225
    # line 11 names its own model (payload.model); the others take session_meta's
    assert rows["model_raw"].to_list() == ["gpt-5", "gpt-5", "gpt-5-mini", "gpt-5"]
    meta = json.loads(rows["metadata"][0])
    assert meta == {"project": "ledger", "session": OLD_ID, "version": "0.21.0"}


def test_same_file_twice_in_one_run_and_across_runs(tmp_path: Path) -> None:
    copy = tmp_path / "copy" / MAIN.name
    copy.parent.mkdir()
    shutil.copy(MAIN, copy)
    result = ingest([MAIN, copy])
    assert not result.errors
    first, second = result.files
    assert (first.rows_ingested, first.duplicates) == (4, 1)
    assert (second.rows_ingested, second.duplicates) == (0, 5)  # every usage line seen before
    assert totals(result.rows)["input_tokens"] == 42945

    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([MAIN]))
    again = ws.add(ingest([MAIN]))
    assert (again.files[0].rows_ingested, again.files[0].duplicates) == (0, 4 + 1)
    stored = ws.requests().collect()
    assert stored.height == 4 and int(stored["input_tokens"].sum()) == 42945


def test_a_growing_session_file_adds_only_its_new_requests(tmp_path: Path) -> None:
    lines = MAIN.read_text().splitlines(keepends=True)
    growing = tmp_path / MAIN.name
    growing.write_text("".join(lines[:13]))  # Codex was still writing: up to the re-emit
    ws = Workspace(tmp_path / "ws")
    early = ws.add(ingest([growing]))
    assert (early.files[0].rows_ingested, early.files[0].duplicates) == (2, 1)
    growing.write_text("".join(lines))
    later = ws.add(ingest([growing]))
    # lines 9, 12 are in the workspace and 13 repeats 12; lines 17 and 21 are new
    assert (later.files[0].rows_ingested, later.files[0].duplicates) == (2, 3)
    assert int(ws.requests().collect()["input_tokens"].sum()) == 42945


def test_fork_replay_is_a_duplicate_of_its_parent() -> None:
    result = ingest([DAY])  # the parent session and a fork of it
    assert not result.errors
    parent, fork = result.files
    assert parent.path.endswith(MAIN.name) and fork.path.endswith(FORK.name)
    # the fork's file: its own session_meta, the parent's, a replay of the parent's first turn
    # (turn_context, user_message, 3 token_counts under the fork's timestamp), then its own turn
    assert (fork.lines_read, fork.rows_ingested, fork.duplicates, fork.skipped) == (11, 1, 3, 7)
    for f in result.files:
        assert f.lines_read == f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped
    t = totals(result.rows)
    assert t["requests"] == 4 + 1
    assert t["input_tokens"] == 42945 + 12160
    assert t["cache_read_tokens"] == 30080 + 10880
    assert t["output_tokens"] == 2645 + 730
    own = result.rows.filter(result.rows["source_file"] == fork.path).row(0, named=True)
    assert own["request_id"] == "codex:42625:29952:1855:1152:44480"  # parent's 31,590 + 12,890
    assert json.loads(own["metadata"]) == {
        "project": "checkout-api", "session": FORK_ID, "branch": "fix/tax-cents",
        "version": "0.47.0", "effort": "high"}


def test_fork_alone_counts_its_replay_once() -> None:
    report, rows, _ = ingest_one(FORK)
    assert (report.rows_ingested, report.duplicates) == (4, 0)
    assert totals(rows)["input_tokens"] == 9120 + 10240 + 11105 + 12160
    assert set(json.loads(m)["session"] for m in rows["metadata"]) == {FORK_ID}  # the file's own


def test_bad_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(FOLDER / "bad_session.jsonl")
    assert report.format == "codex_cli"
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:5] == [
        (3, "invalid JSON (unexpected end of data)"),
        (4, "output_tokens is not a number"),  # "lots"
        (5, "negative input_tokens: -40"),
        (6, "unknown timestamp format: 'yesterday'"),
        (8, "cache tokens exceed input_tokens"),  # 3,976 cached of 2,400
    ]
    # line 9's payload is a string, not an object
    assert reasons[5][0] == 9 and reasons[5][1].startswith("unexpected structure")
    assert len(reasons) == 6
    assert (report.lines_read, report.rows_ingested, report.skipped) == (9, 1, 2)
    row = rows.row(0, named=True)
    got = (row["source_line"], row["input_tokens"], row["cache_read_tokens"], row["output_tokens"])
    assert got == (7, 2400, 1024, 88)
    meta = json.loads(row["metadata"])
    assert meta["project"] == "billing"  # a Windows cwd with a trailing backslash
    assert "branch" not in meta


def test_newer_fields(tmp_path: Path) -> None:
    def line(ts: str, kind: str, payload: dict[str, object]) -> str:
        return json.dumps({"timestamp": ts, "type": kind, "payload": payload})

    def usage(i: int, c: int, w: int, o: int, r: int) -> dict[str, int]:
        return {"input_tokens": i, "cached_input_tokens": c, "cache_write_input_tokens": w,
                "output_tokens": o, "reasoning_output_tokens": r, "total_tokens": i + o}

    first = usage(50000, 40000, 6000, 900, 700)
    second = usage(30000, 28000, 5000, 3000, 3500)
    lines = [
        line("2026-09-20T10:00:00Z", "session_meta",
             {"id": "s-new", "cwd": "/srv/app", "cli_version": "0.60.0"}),
        line("2026-09-20T10:00:01Z", "turn_context",
             {"model": "gpt-5.1-codex-max", "effort": "xhigh"}),
        line("2026-09-20T10:00:02Z", "event_msg",
             {"type": "user_message", "message": "Refactor the scheduler"}),
        line("2026-09-20T10:00:09Z", "event_msg", {"type": "token_count", "info": {
            "model": "gpt-5.1-codex", "total_token_usage": first, "last_token_usage": first}}),
        line("2026-09-20T10:01:00Z", "turn_context", {"model": "gpt-5.1-codex-max"}),  # no effort
        line("2026-09-20T10:01:09Z", "event_msg", {"type": "token_count", "info": {
            "total_token_usage": usage(80000, 68000, 11000, 3900, 4200),
            "last_token_usage": second}}),
    ]
    path = tmp_path / "rollout-new.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report, rows, _ = ingest_one(path)
    assert (report.rows_ingested, report.skipped) == (2, 4)
    a, b = rows.sort("source_line").iter_rows(named=True)
    assert a["model_raw"] == "gpt-5.1-codex"  # the event's own model wins over the turn's
    cache = ("input_tokens", "cache_read_tokens", "cache_write_tokens")
    assert tuple(a[k] for k in cache) == (50000, 40000, 6000)
    # cache writes are part of input: at most the uncached part, 30,000 - 28,000 = 2,000
    assert tuple(b[k] for k in cache) == (30000, 28000, 2000)
    assert (b["output_tokens"], b["reasoning_tokens"]) == (3000, 3000)  # reasoning capped at output
    assert b["model_raw"] == "gpt-5.1-codex-max"
    assert json.loads(a["metadata"])["effort"] == "xhigh"
    assert "effort" not in json.loads(b["metadata"])  # a turn without effort does not inherit it


def test_detected_through_ingest_and_claims_no_other_fixture() -> None:
    result = ingest([FOLDER])
    assert {f.format for f in result.files} == {"codex_cli"}
    assert len(result.files) == 4 and not result.errors
    sniffer = CodexCli()
    for path in sorted(LOGS.rglob("*")):
        if not path.is_file() or path.is_relative_to(FOLDER):
            continue
        for source in expand([path]):
            assert not isinstance(source, Exception), source
            with source.open() as f:
                sample = detect.sample_of(source, f.read(detect.HEAD_BYTES))
            assert not sniffer.sniff(sample), path
