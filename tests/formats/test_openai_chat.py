"""OpenAI chat/responses logs: counts pass through (cached ⊂ prompt, reasoning ⊂ output)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import LOGS
from tests.helpers import ingest_one, totals

TRAPS = LOGS / "openai_chat" / "traps.jsonl"


def test_traps_file_totals_by_hand() -> None:
    report, rows, _ = ingest_one(TRAPS, keep_text=True)
    # 11 physical lines: 4 ingested (lines 1, 7, 8, 10), 5 rejected, 1 duplicate
    # (line 9 repeats chatcmpl-1), 1 blank line skipped.
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (11, 4, 5)
    assert (report.duplicates, report.skipped) == (1, 1)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (2, "output_tokens is not a number"),
        (3, "invalid JSON (unexpected end of data)"),
        (4, "unknown timestamp format: 'last tuesday'"),
        (6, "negative input_tokens: -10"),
        (11, "not a JSON object (a list)"),
    ]
    t = totals(rows)
    # input: 1840 (line 1) + 0 (line 7, error) + estimate for line 8 + 300 (line 10)
    estimated = rows.filter(rows["tokens_estimated"])
    assert estimated["source_line"].to_list() == [8]
    est_in, est_out = estimated["input_tokens"][0], estimated["output_tokens"][0]
    assert 3 <= est_in <= 8 and 5 <= est_out <= 12  # "Say hello to the team" / the reply
    assert t["input_tokens"] == 1840 + 0 + est_in + 300
    assert t["cache_read_tokens"] == 1536
    assert t["output_tokens"] == 212 + 0 + est_out + 50
    assert t["reasoning_tokens"] == 128 + 20
    assert t["requests"] == 4


def test_error_line_is_a_zero_token_error_row() -> None:
    _, rows, _ = ingest_one(TRAPS)
    err = rows.filter(rows["status"] == "error")
    assert err.height == 1
    assert err.row(0, named=True)["input_tokens"] == 0
    assert err.row(0, named=True)["model"] == "gpt-4o"


def test_models_canonical_and_metadata_kept() -> None:
    _, rows, _ = ingest_one(TRAPS)
    first = rows.filter(rows["request_id"] == "chatcmpl-1").row(0, named=True)
    assert (first["provider"], first["model"], first["model_raw"]) == (
        "openai", "gpt-4o-mini", "gpt-4o-mini-2024-07-18")
    assert json.loads(first["metadata"]) == {"project": "support", "feature": "triage", "user": "u1"}
    assert first["service_tier"] == "standard"


def test_prompt_text_only_with_keep_text() -> None:
    _, rows, _ = ingest_one(TRAPS)
    assert rows["prompt_text"].null_count() == rows.height
    assert rows.filter(rows["request_id"] == "chatcmpl-1")["template_id"].null_count() == 0


def test_plain_request_response_lines_without_an_object_are_openai_chat() -> None:
    # Frugon's demo log and some proxies write {model, timestamp, request, response, usage}
    # with no "object" in the response; the choices or OpenAI's usage names identify it.
    report, rows, _ = ingest_one(LOGS / "openai_chat" / "plain_request_response.jsonl")
    assert report.format == "openai_chat"
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (3, 3, 0)
    t = totals(rows)
    assert t["input_tokens"] == 412 + 398 + 2150  # = 2,960
    assert t["cache_read_tokens"] == 256
    assert t["output_tokens"] == 3 + 2 + 180  # = 185
    assert rows["model"].to_list() == ["gpt-4o-mini", "gpt-4o-mini", "gpt-4.1"]
    assert not rows["tokens_estimated"].any()


def test_openrouter_usage_cost_is_the_logged_cost() -> None:
    report, rows, _ = ingest_one(LOGS / "openai_chat" / "openrouter_completions.jsonl")
    assert (report.format, report.rows_ingested) == ("openai_chat", 3)
    by_id = {r["request_id"]: r for r in rows.iter_rows(named=True)}
    sonnet = by_id["gen-1759824900-aB3dE5fG7hJ9kL1m"]
    assert (sonnet["provider"], sonnet["model"]) == ("anthropic", "claude-sonnet-4-5")
    # the list price of the same tokens: 200 uncached x $3/M + 1000 cached x $0.30/M + 300 x $15/M
    assert sonnet["logged_cost_usd"] == pytest.approx(200 * 3e-6 + 1000 * 0.3e-6 + 300 * 15e-6)
    # BYOK: OpenRouter's fee 0.000018 + what OpenAI charged 0.00036
    assert by_id["gen-1759824990-nP2qR4sT6vW8xY0z"]["logged_cost_usd"] == pytest.approx(0.000018 + 0.00036)
    assert by_id["gen-1759825020-cD4eF6gH8iJ0kL2m"]["logged_cost_usd"] is None  # no usage.cost


def test_audio_parts_and_web_searches_priced() -> None:
    from analyzer.aggregate import spend_report

    _, rows, _ = ingest_one(LOGS / "openai_chat" / "audio_and_search.jsonl")
    by_id = {r["request_id"]: r for r in rows.iter_rows(named=True)}
    voice = by_id["chatcmpl-aud1"]
    assert (voice["input_tokens"], voice["input_audio_tokens"]) == (1200, 1000)
    assert (voice["output_tokens"], voice["output_audio_tokens"]) == (900, 800)
    search = by_id["resp_ws1"]
    assert search["web_search_requests"] == 2  # two web_search_call output items
    cost = {g["key"]: g["cost_usd"] for g in spend_report(rows.lazy())["groups"]}
    # gpt-audio: text $2.50 / $10, audio $32 / $64 per million
    assert cost["gpt-audio"] == pytest.approx((200 * 2.5 + 1000 * 32 + 100 * 10 + 800 * 64) / 1e6)
    # gpt-4.1: $2 / $8 per million, $10 per 1,000 web searches
    assert cost["gpt-4.1"] == pytest.approx((3000 * 2 + 250 * 8) / 1e6 + 2 * 10 / 1000)
