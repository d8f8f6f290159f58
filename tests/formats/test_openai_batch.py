"""OpenAI Batch API files: input lines are skipped but joined, output counts pass through."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from analyzer.ingest.pipeline import ingest
from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

INPUT = LOGS / "openai_batch_input" / "input.jsonl"
BAD_INPUT = LOGS / "openai_batch_input" / "bad_input.jsonl"
OUTPUT = LOGS / "openai_batch" / "output.jsonl"
ERRORS = LOGS / "openai_batch" / "errors.jsonl"
BAD_OUTPUT = LOGS / "openai_batch" / "bad_output.jsonl"

EARLIEST = datetime(2026, 10, 1, 2, 0, 0, tzinfo=UTC)  # created 1790820000 (ticket-0001)


def _row(rows: pl.DataFrame, request_id: str) -> dict[str, object]:
    return rows.filter(pl.col("request_id") == request_id).row(0, named=True)


def test_output_file_totals_by_hand() -> None:
    report, rows, _ = ingest_one(OUTPUT)
    assert (report.format, report.lines_read, report.rows_ingested) == ("openai_batch", 6, 6)
    assert (report.rows_rejected, report.duplicates, report.skipped) == (0, 0, 0)
    t = totals(rows)
    # lines: r3 (responses), e4 (HTTP 400), c1 (chat), x5 (expired), c2 (chat, null
    # details), m6 (embeddings). Failed lines count as requests with zero tokens.
    assert t["requests"] == 6
    assert t["input_tokens"] == 5000 + 0 + 1840 + 0 + 96 + 7
    assert t["cache_read_tokens"] == 4096 + 1536
    # r3 reports cache_write_tokens 1200 but only 5000 - 4096 = 904 uncached tokens: clamped
    assert t["cache_write_tokens"] == 904
    assert t["cache_write_1h_tokens"] == 0
    assert t["output_tokens"] == 900 + 212 + 2 + 0
    assert t["reasoning_tokens"] == 640


def test_status_from_status_code_not_error_field() -> None:
    _, rows, _ = ingest_one(OUTPUT)
    # issue #302 shape: status_code 400 with a null top-level "error"
    e4 = _row(rows, "batch_req_e4:ticket-0004")
    assert (e4["status"], e4["input_tokens"], e4["output_tokens"]) == ("error", 0, 0)
    assert json.loads(e4["metadata"]) == {
        "custom_id": "ticket-0004", "error_code": "string_above_max_length"}
    # response null + error.code batch_expired
    x5 = _row(rows, "batch_req_x5:ticket-0005")
    assert (x5["status"], x5["input_tokens"]) == ("expired", 0)
    assert json.loads(x5["metadata"]) == {"custom_id": "ticket-0005", "error_code": "batch_expired"}
    assert rows.filter(pl.col("status") == "ok").height == 4


def test_every_row_is_batch_tier_with_body_model() -> None:
    _, rows, _ = ingest_one(OUTPUT)
    assert set(rows["service_tier"]) == {"batch"}  # the bodies say "default"
    c1 = _row(rows, "batch_req_c1")
    assert (c1["provider"], c1["model"], c1["model_raw"]) == (
        "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18")
    assert c1["timestamp"] == EARLIEST
    r3 = _row(rows, "batch_req_r3")
    assert (r3["model"], r3["timestamp"]) == ("o4-mini", datetime(2026, 10, 1, 2, 1, tzinfo=UTC))
    # alone, an errored line names no model
    assert _row(rows, "batch_req_e4:ticket-0004")["model"] == "unknown"


def test_lines_without_timestamp_take_the_earliest_of_their_chunk() -> None:
    report, rows, _ = ingest_one(OUTPUT)
    # error lines and the embeddings line (an embedding list has no "created")
    for rid in ("batch_req_e4:ticket-0004", "batch_req_x5:ticket-0005", "batch_req_m6"):
        assert _row(rows, rid)["timestamp"] == EARLIEST
    assert report.timestamps_from_file == 0


def test_error_file_alone_uses_file_mtime(tmp_path: Path) -> None:
    path = tmp_path / "batch_errors.jsonl"
    shutil.copy(ERRORS, path)
    mtime = datetime(2026, 10, 2, 12, 30, tzinfo=UTC).timestamp()
    os.utime(path, (mtime, mtime))
    report, rows, _ = ingest_one(path)
    assert (report.rows_ingested, report.timestamps_from_file) == (2, 2)
    assert rows["timestamp"].to_list() == [datetime(2026, 10, 2, 12, 30, tzinfo=UTC)] * 2
    assert rows["status"].to_list() == ["error", "error"]
    assert json.loads(_row(rows, "batch_req_f7:ticket-0007")["metadata"]) == {
        "custom_id": "ticket-0007", "error_code": "server_error"}
    assert json.loads(_row(rows, "batch_req_f8:ticket-0008")["metadata"]) == {
        "custom_id": "ticket-0008", "error_code": "rate_limit_exceeded"}
    assert totals(rows)["input_tokens"] == 0


def test_input_file_alone_is_all_skipped() -> None:
    report, rows, result = ingest_one(INPUT)
    assert report.format == "openai_batch_input"
    assert (report.lines_read, report.skipped, report.rows_ingested) == (6, 6, 0)
    assert rows.height == 0
    # the prompts still register their templates (with zero requests)
    assert result.templates.height >= 4
    assert result.templates["requests"].sum() == 0


def test_input_and_output_together_join_prompts() -> None:
    result = ingest([INPUT, OUTPUT], keep_text=True)
    assert not result.errors
    by_format = {f.format: f for f in result.files}
    inp, out = by_format["openai_batch_input"], by_format["openai_batch"]
    assert (inp.lines_read, inp.skipped, inp.rows_ingested) == (6, 6, 0)
    assert (out.lines_read, out.rows_ingested, out.skipped) == (6, 6, 0)
    rows = result.rows
    assert rows.height == 6
    assert rows["template_id"].null_count() == 0  # every output line got its prompt
    c1, c2, e4 = (_row(rows, r) for r in ("batch_req_c1", "batch_req_c2", "batch_req_e4:ticket-0004"))
    # one instruction, varying tickets ("Ticket 1001: ...", "Ticket 1002: ..."): one template;
    # the summarization request (another instruction) is a template of its own
    assert c1["template_id"] == c2["template_id"] == e4["template_id"]
    assert _row(rows, "batch_req_r3")["template_id"] != c1["template_id"]
    assert (c1["message_count"], c1["has_tools"]) == (2, False)
    assert (c2["message_count"], c2["has_tools"]) == (2, True)
    assert "Ticket 1001: I was charged twice" in c1["prompt_text"]
    assert c1["prompt_text"].startswith("Classify the support ticket")
    # responses input: instructions + input_text part
    r3 = _row(rows, "batch_req_r3")
    assert r3["prompt_text"].startswith("Summarize the conversation in three bullet points.")
    assert "wrong address" in r3["prompt_text"]
    assert r3["message_count"] == 1
    # embeddings input string
    assert _row(rows, "batch_req_m6")["prompt_text"] == "refund policy for damaged goods"
    # errored lines name no model: it comes from their input line
    assert (e4["status"], e4["model"], e4["model_raw"], e4["provider"]) == (
        "error", "gpt-4o-mini", "gpt-4o-mini", "openai")
    x5 = _row(rows, "batch_req_x5:ticket-0005")
    assert (x5["status"], x5["model"]) == ("expired", "gpt-4o")
    assert x5["prompt_text"].startswith("Translate the message to French.")  # developer role


def test_bad_output_lines_rejected_with_reasons() -> None:
    report, rows, _ = ingest_one(BAD_OUTPUT)
    # 9 physical lines: 2 ingested (1, 7), 5 rejected, 1 blank skipped, line 9 repeats line 1
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (9, 2, 5)
    assert (report.duplicates, report.skipped) == (1, 1)
    reasons = [(r.line, r.reason) for r in report.rejections]
    assert reasons[:4] == [
        (2, "invalid JSON (unexpected end of data)"),
        (3, "input_tokens is not a number"),
        (4, "negative output_tokens: -5"),
        (5, "unknown timestamp format: 'yesterday'"),
    ]
    # line 6: "response" is a string, not an object
    assert reasons[4][0] == 6 and reasons[4][1].startswith("unexpected structure")
    assert sorted(rows["source_line"].to_list()) == [1, 7]
    b7 = _row(rows, "batch_req_b7:b-7")
    # the 503 line has no timestamp: it takes line 1's (the chunk's earliest)
    assert b7["timestamp"] == _row(rows, "batch_req_b1")["timestamp"]
    assert (b7["status"], b7["input_tokens"]) == ("error", 0)


def test_bad_input_lines() -> None:
    report, rows, _ = ingest_one(BAD_INPUT)
    assert (report.lines_read, report.skipped, report.rows_rejected) == (4, 2, 2)
    assert report.rejections[0].line == 2
    assert report.rejections[0].reason == "invalid JSON (unexpected end of data)"
    assert report.rejections[1].line == 3  # "messages" is a string
    assert report.rejections[1].reason.startswith("unexpected structure")
    assert rows.height == 0


def test_legacy_completions_input_prompt(tmp_path: Path) -> None:
    inp = tmp_path / "in.jsonl"
    out = tmp_path / "out.jsonl"
    inp.write_text(
        '{"custom_id":"p-1","method":"POST","url":"/v1/completions",'
        '"body":{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is a test"}}\n'
    )
    out.write_text(
        '{"id":"batch_req_p1","custom_id":"p-1","response":{"status_code":200,"body":'
        '{"id":"cmpl-1","object":"text_completion","created":1790820000,'
        '"model":"gpt-3.5-turbo-instruct","usage":{"prompt_tokens":5,"completion_tokens":7}}},'
        '"error":null}\n'
    )
    result = ingest([inp, out], keep_text=True)
    row = result.rows.row(0, named=True)
    assert (row["prompt_text"], row["input_tokens"], row["output_tokens"]) == (
        "Say this is a test", 5, 7)


ONE_MODEL = LOGS / "openai_batch" / "one_model_output.jsonl"


def test_failed_lines_keyed_by_custom_id_and_named_by_their_batch() -> None:
    report, rows, _ = ingest_one(ONE_MODEL)
    # lines 3 and 4 share the id batch_req_fail: two failed requests, not a duplicate
    assert (report.lines_read, report.rows_ingested, report.duplicates) == (5, 5, 0)
    assert sorted(rows["request_id"].to_list()) == [
        "batch_req_fail:doc-003", "batch_req_fail:doc-004", "batch_req_s1", "batch_req_s2",
        "batch_req_s5:doc-005"]
    # the file's other lines name one model: the failed and expired lines ran on it too
    assert set(rows["model"]) == {"gpt-4.1-mini"}
    assert rows.filter(pl.col("status") != "ok")["status"].sort().to_list() == ["error", "error", "expired"]
    t = totals(rows)
    assert (t["requests"], t["input_tokens"], t["output_tokens"]) == (5, 1000 + 3000, 200 + 100)


def test_failed_lines_without_a_model_are_not_unpriced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from analyzer.aggregate import spend_report
    from analyzer.workspace import Workspace

    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([ERRORS]))  # an error file alone: no line names a model
    report = spend_report(ws.traffic(), by="model")
    assert report["totals"]["requests"] == 2
    assert report["totals"]["cost_usd"] == 0
    # they carry no tokens, so they cost $0 whatever the model: nothing is "unpriced"
    assert (report["totals"]["unpriced_requests"], report["unpriced_models"]) == (0, [])
