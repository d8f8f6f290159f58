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
- **retries and overrides** — a request whose input (``input_hash``) matches one sent at
  most ten minutes before: sent again to a model of a higher tier it is an *override* (the
  earlier answer was not good enough), else a *retry* (``marks``). Found across the whole
  run, after duplicates are dropped; a retry whose first attempt was ingested in an earlier
  run is not seen. Formats whose logged input is not the whole request (coding agents'
  transcripts: many requests share a prompt) have no input hash.
- **user feedback** — scores, thumbs and override marks in the metadata
  (``from_metadata``); a workspace's ``feedback.csv`` adds more when it is read.

The adapters that log finish reasons and JSON call the expressions on their own fields.
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


def input_hash() -> pl.Expr:
    """A fingerprint of a request's whole input as the log holds it, and of who sent it: the
    system prompt, the last user message, the number of messages and the metadata's
    ``user`` (the same question from two users is two requests, not a retry). 64-bit,
    polars' hash: stable within a run, which is where retries are found. Null when the log
    holds neither text, and for a tool loop's later turns (tools offered, more than one
    message): their input is mostly tool results, which the logged text leaves out, so two
    runs of one task would look alike."""
    parts = [pl.col("system_text").fill_null(""), pl.col("user_text").fill_null(""),
             pl.col("message_count").cast(pl.String).fill_null(""),
             pl.col("metadata").str.json_path_match("$.user").fill_null("")]
    texts = pl.col("system_text").is_not_null() | pl.col("user_text").is_not_null()
    loop = pl.col("has_tools").fill_null(False) & (pl.col("message_count").fill_null(1) > 1)
    known = texts & ~loop
    return pl.when(known).then(pl.concat_str(parts, separator="\x1f").hash(seed=7)).alias("_input_hash")


def marks(frame: pl.DataFrame, window: timedelta = RETRY_WINDOW) -> pl.DataFrame:
    """Retries and overrides among requests with the same input.

    ``frame``: ``request_id``, ``_input_hash``, ``timestamp``, ``tier`` (0 budget, 1 mid,
    2 flagship) and ``is_override`` (the metadata's mark). Within each input, in time order
    (ties by request id), a request at most ``window`` after the previous one is an
    *override* when its model's tier is higher (the previous one ``was_overridden``), else a
    *retry*. Returns ``request_id``, ``is_retry``, ``is_override``, ``was_overridden``, in
    time order."""
    key = "_input_hash"
    ordered = frame.sort([key, "timestamp", "request_id"])
    within = ((pl.col("timestamp") - pl.col("timestamp").shift(1).over(key)) <= window).fill_null(False)
    up = within & (pl.col("tier") > pl.col("tier").shift(1).over(key)).fill_null(False)
    return ordered.select(
        "request_id",
        (within & ~up).alias("is_retry"),
        (pl.col("is_override") | up).alias("is_override"),
        up.shift(-1).over(key).fill_null(False).alias("was_overridden"),
    )


# A user's verdict on an answer, as metadata spells it (feedback.csv has its own vocabulary).
THUMBS_DOWN = ("down", "thumbs_down", "-1", "bad", "negative", "flagged", "\U0001f44e")
THUMBS_UP = ("up", "thumbs_up", "+1", "good", "positive", "\U0001f44d")
MARKED = ("true", "1", "yes", "y")
FEEDBACK_KEYS = ("score", "feedback", "thumbs", "quality_override", "override")


def from_metadata(frame: pl.DataFrame) -> pl.DataFrame:
    """``feedback_score``, ``feedback_flag`` and ``_override_mark`` from the metadata keys users
    put there: ``score`` (a number, as given) or a numeric ``feedback``; ``thumbs`` or a word
    ``feedback`` (down / bad / ... flags the answer, up / good / ... clears it);
    ``quality_override`` or ``override`` (true / 1 / yes). An adapter's own feedback comes
    first. Metadata values are JSON strings, so the keys are looked up only in rows that
    name one."""
    m = pl.col("metadata")
    names = "|".join(FEEDBACK_KEYS)
    named = m.str.contains(f'"(?:{names})"\\s*:')
    if frame.height == 0 or not frame.select(named.any()).item():
        return frame.with_columns(pl.lit(False).alias("_override_mark"))

    def word(key: str) -> pl.Expr:
        return pl.when(named).then(m.str.json_path_match(f"$.{key}")).str.strip_chars().str.to_lowercase()

    number = pl.coalesce(word("score"), word("feedback")).cast(pl.Float64, strict=False)
    verdict = pl.coalesce(word("thumbs"), pl.when(word("feedback").cast(pl.Float64, strict=False).is_null())
                          .then(word("feedback")))
    flag = pl.when(verdict.is_in(THUMBS_DOWN)).then(True).when(verdict.is_in(THUMBS_UP)).then(False)
    mark = pl.coalesce(word("quality_override"), word("override")).is_in(MARKED).fill_null(False)
    return frame.with_columns(
        pl.coalesce(pl.col("feedback_score"), pl.when(number.is_finite()).then(number)).alias("feedback_score"),
        pl.coalesce(pl.col("feedback_flag"), flag).alias("feedback_flag"),
        mark.alias("_override_mark"),
    )


__all__ = ["FINISH_REASONS", "RETRY_WINDOW", "finish_reason", "from_metadata", "input_hash", "json_requested",
           "json_valid", "marks", "reason_table"]
