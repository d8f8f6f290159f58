"""Quality signals read from the logs themselves.

The logs already say a good deal about how well a model did, before anyone grades it:

- **finish reason** — why generation stopped, normalised across providers
  (``data/finish_reasons.toml``): ``stop``, ``truncated`` (an output or context limit cut
  the answer), ``content_filter`` (declined or filtered), ``tool_use`` (the turn ended in a
  tool call by design), ``error``, and ``other`` for a value we do not know. A log without
  the field gives null: never guessed.
- **malformed JSON** — when the request asked for JSON (``response_format`` of type
  ``json_object`` or ``json_schema``), whether the answer's text parses as a JSON object or
  array, as a caller's ``json.loads`` would take it (so an answer wrapped in a Markdown code
  fence is malformed: the caller retries it). Null when the answer's text is not logged.
- **retries** — a request whose template and full input match an earlier request within a
  window: the caller sent it again (``is_retry``).

The adapters that log these call the expressions on their own fields (``openai_chat``,
``anthropic_messages``, ``claude_code`` so far); ``is_retry`` is not applied at ingest yet.
"""

from __future__ import annotations

import tomllib
from datetime import timedelta
from functools import cache
from pathlib import Path

import polars as pl

REASONS_FILE = Path(__file__).resolve().parent / "data" / "finish_reasons.toml"
FINISH_REASONS = ("stop", "truncated", "content_filter", "tool_use", "error", "other")
JSON_FORMATS = ("json_object", "json_schema")
RETRY_WINDOW = timedelta(minutes=10)  # a repeat of the same input later than this is a new request


@cache
def reason_table() -> dict[str, str]:
    """Provider value (lower case) -> canonical finish reason."""
    raw = tomllib.loads(REASONS_FILE.read_text())
    unknown = sorted(set(raw) - set(FINISH_REASONS))
    if unknown:
        raise ValueError(f"{REASONS_FILE}: unknown finish reasons {unknown}")
    table: dict[str, str] = {}
    for reason, values in raw.items():
        for value in values:
            key = value.lower()
            if table.get(key, reason) != reason:
                raise ValueError(f"{REASONS_FILE}: {value!r} is both {table[key]} and {reason}")
            table[key] = reason
    return table


def finish_reason(raw: pl.Expr) -> pl.Expr:
    """The canonical finish reason of a provider's value (null stays null, unknown is other)."""
    known = (raw.cast(pl.String).str.strip_chars().str.to_lowercase()
             .replace_strict(reason_table(), default="other", return_dtype=pl.String))
    return pl.when(raw.is_null()).then(None).otherwise(known)


def json_requested(format_type: pl.Expr, request_logged: pl.Expr) -> pl.Expr:
    """Whether the request asked for JSON output: its ``response_format`` type is
    ``json_object`` or ``json_schema``; false for a logged request without one, null when the
    request itself is not in the log."""
    asked = format_type.cast(pl.String).str.to_lowercase().is_in(JSON_FORMATS).fill_null(False)
    return pl.when(request_logged).then(asked).otherwise(None)


def json_valid(text: pl.Expr) -> pl.Expr:
    """Whether an answer's text is one JSON object or array and nothing else (surrounding
    whitespace allowed); null when the text is not logged."""
    stripped = text.cast(pl.String).str.strip_chars()
    parses = stripped.str.json_path_match("$").is_not_null()
    shaped = stripped.str.starts_with("{") | stripped.str.starts_with("[")
    return pl.when(text.is_null()).then(None).otherwise(parses & shaped)


def is_retry(window: timedelta = RETRY_WINDOW) -> pl.Expr:
    """True for a request that repeats the same template and input at most ``window`` after
    the previous one (rows sorted by ``timestamp`` within each template and input, as
    ``mark_retries`` sorts them); rows without an input hash are never retries."""
    key = ["template_id", "input_hash"]
    gap = pl.col("timestamp") - pl.col("timestamp").shift(1).over(key)
    return (pl.col("input_hash").is_not_null() & (gap <= window).fill_null(False)).alias("is_retry")


def mark_retries(frame: pl.DataFrame, window: timedelta = RETRY_WINDOW) -> pl.DataFrame:
    """``frame`` (``template_id``, ``input_hash``, ``timestamp``) with ``is_retry``, in its
    own row order."""
    ordered = frame.with_row_index("_order").sort(["template_id", "input_hash", "timestamp", "_order"])
    return ordered.with_columns(is_retry(window)).sort("_order").drop("_order")


__all__ = ["FINISH_REASONS", "RETRY_WINDOW", "finish_reason", "is_retry", "json_requested", "json_valid",
           "mark_retries", "reason_table"]
