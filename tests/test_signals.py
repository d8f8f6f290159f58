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


def test_a_repeat_of_the_same_input_within_the_window_is_a_retry() -> None:
    rows = pl.DataFrame({
        "template_id": ["t1", "t1", "t1", "t1", "t2", "t1", "t1"],
        "input_hash": ["a", "a", "b", "a", "a", None, None],
        "timestamp": [T0, T0 + timedelta(seconds=30), T0 + timedelta(seconds=40),
                      T0 + timedelta(minutes=11), T0 + timedelta(seconds=50), T0, T0],
    })
    marked = signals.mark_retries(rows)
    # row 2 repeats row 1 after 30 s; row 3 is another input; row 4 comes 10.5 min after
    # row 2 (the previous copy), past the 10-minute window; row 5 is another template; rows
    # 6 and 7 have no input hash (their text is unknown)
    assert marked["is_retry"].to_list() == [False, True, False, False, False, False, False]
    assert marked.drop("is_retry").equals(rows)  # the caller's order and columns kept


def test_a_chain_of_retries_counts_each_repeat() -> None:
    times = [T0 + timedelta(minutes=m) for m in (0, 8, 16, 24)]  # each 8 min after the previous
    rows = pl.DataFrame({"template_id": ["t"] * 4, "input_hash": ["x"] * 4, "timestamp": times[::-1]})
    assert signals.mark_retries(rows)["is_retry"].to_list() == [True, True, True, False]
