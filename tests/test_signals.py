"""Quality signals from the logs: finish reasons across providers, malformed JSON, retries."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.ingest import signals

T0 = datetime(2026, 10, 5, 9, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("raw", "expected"), [
    # OpenAI Chat Completions
    ("stop", "stop"), ("length", "truncated"), ("content_filter", "content_filter"),
    ("tool_calls", "tool_use"), ("function_call", "tool_use"),
    # Anthropic Messages
    ("end_turn", "stop"), ("stop_sequence", "stop"), ("max_tokens", "truncated"),
    ("tool_use", "tool_use"), ("refusal", "content_filter"),
    ("model_context_window_exceeded", "truncated"),
    # Gemini (upper case) and Bedrock Converse
    ("STOP", "stop"), ("MAX_TOKENS", "truncated"), ("SAFETY", "content_filter"),
    ("MALFORMED_FUNCTION_CALL", "error"), ("guardrail_intervened", "content_filter"),
    # OpenAI Responses' incomplete reason
    ("max_output_tokens", "truncated"),
    # what we do not know is "other"; what is missing stays missing
    ("pause_turn", "other"), ("FINISH_REASON_UNSPECIFIED", "other"), (" Stop ", "stop"), (None, None),
])
def test_finish_reasons_across_providers(raw: str | None, expected: str | None) -> None:
    got = pl.select(signals.finish_reason(pl.lit(raw, pl.String))).item()
    assert got == expected


def test_every_listed_value_has_one_reason() -> None:
    table = signals.reason_table()
    assert set(table.values()) <= set(signals.FINISH_REASONS)
    assert table["length"] == "truncated" and len(table) > 30


@pytest.mark.parametrize(("text", "expected"), [
    ('{"intent": "refund"}', True),
    ('  [1, 2, 3]\n', True),
    ('{"intent": "refund"', False),  # cut by the output limit
    ('```json\n{"intent": "refund"}\n```', False),  # fenced: json.loads fails, the caller retries
    ('Sure! {"intent": "refund"}', False),
    ('{"a": 1} {"b": 2}', False),
    ('"refund"', False),  # valid JSON, but not the object or array that was asked for
    ("", False),
    (None, None),  # the answer's text is not in the log: unknown
])
def test_json_validity_is_what_a_callers_parser_sees(text: str | None, expected: bool | None) -> None:
    assert pl.select(signals.json_valid(pl.lit(text, pl.String))).item() == expected


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda kids: st.lists(kids) | st.dictionaries(st.text(), kids), max_leaves=8))
def test_any_json_object_or_array_is_valid(value: object) -> None:
    import json

    wrapped = json.dumps({"v": value})
    listed = json.dumps([value])
    got = pl.select(signals.json_valid(pl.Series([wrapped, listed]))).to_series().to_list()
    assert got == [True, True]


@pytest.mark.parametrize(("format_type", "logged", "expected"), [
    ("json_object", True, True), ("json_schema", True, True), ("JSON_SCHEMA", True, True),
    ("text", True, False), (None, True, False),  # a logged request that asked for nothing
    (None, False, None),  # no request in the log: unknown
])
def test_json_requested(format_type: str | None, logged: bool, expected: bool | None) -> None:
    expr = signals.json_requested(pl.lit(format_type, pl.String), pl.lit(logged))
    assert pl.select(expr).item() == expected


def _marked(hashes: list[int | None], minutes: list[float], tiers: list[int],
            meta: list[bool] | None = None) -> list[tuple[str, bool, bool, bool]]:
    rows = pl.DataFrame({
        "request_id": [f"r{i}" for i in range(len(hashes))],
        "_input_hash": pl.Series(hashes, dtype=pl.UInt64),
        "timestamp": [T0 + timedelta(minutes=m) for m in minutes],
        "tier": pl.Series(tiers, dtype=pl.Int8),
        "is_override": meta or [False] * len(hashes),
    })
    return sorted(signals.marks(rows).rows())


def test_a_repeat_of_the_same_input_within_the_window_is_a_retry() -> None:
    # r1 repeats r0 after 30 s; r2 is another input; r3 comes 10.5 min after r1 (the
    # previous copy), past the 10-minute window
    assert _marked([1, 1, 2, 1], [0, 0.5, 0.6, 11], [0, 0, 0, 0]) == [
        ("r0", False, False, False), ("r1", True, False, False), ("r2", False, False, False),
        ("r3", False, False, False)]


def test_a_chain_of_retries_counts_each_repeat() -> None:
    # each 8 min after the previous, listed newest first
    assert [r[1] for r in _marked([7] * 4, [24, 16, 8, 0], [1] * 4)] == [True, True, True, False]


def test_a_repeat_to_a_higher_tier_is_an_override_and_marks_the_one_it_replaced() -> None:
    # budget, then the same budget model again (a retry), then mid, then budget again
    assert _marked([5, 5, 5, 5], [0, 1, 2, 3], [0, 0, 1, 0]) == [
        ("r0", False, False, False), ("r1", True, False, True), ("r2", False, True, False),
        ("r3", True, False, False)]  # back down a tier: a retry, not an override


def test_metadata_marks_an_override_on_its_own() -> None:
    assert _marked([1, 2], [0, 0], [0, 0], meta=[False, True]) == [
        ("r0", False, False, False), ("r1", False, True, False)]


def test_feedback_and_override_marks_from_metadata() -> None:
    frame = pl.DataFrame({
        "metadata": ['{"thumbs":"down"}', '{"feedback":"4"}', '{"feedback":"good","override":"yes"}',
                     '{"score":"0.25","quality_override":"true"}', '{"thumbs":"sideways"}', "{}"],
        "feedback_score": [None, None, None, None, None, 1.0],
        "feedback_flag": pl.Series([None, None, None, None, None, None], dtype=pl.Boolean),
    })
    out = signals.from_metadata(frame).select("feedback_score", "feedback_flag", "_override_mark").rows()
    assert out == [(None, True, False), (4.0, None, False), (None, False, True), (0.25, None, True),
                   (None, None, False), (1.0, None, False)]  # an adapter's own score is kept


def test_a_tool_loops_later_turns_have_no_input_to_compare() -> None:
    frame = pl.DataFrame({
        "system_text": ["s", "s", "s", None], "user_text": ["find subsidies", "find subsidies", "hi", None],
        "message_count": pl.Series([1, 3, 3, 2], dtype=pl.Int32), "has_tools": [True, True, False, False],
        "metadata": ['{"user":"a"}'] * 4})
    hashed = frame.select(signals.input_hash())["_input_hash"].to_list()
    # a first turn with tools, and a plain chat of three messages, keep theirs; the loop's third
    # message (a tool result the text leaves out) and a request without text have none
    assert [h is not None for h in hashed] == [True, False, True, False]
