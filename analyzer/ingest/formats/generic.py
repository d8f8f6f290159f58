"""Generic usage logs whose columns already ARE the canonical names (CSV or JSONL).

For sources without an adapter of their own: export or reshape the data so that each row
is one request (or an aggregate of ``requests`` requests) with these column / key names
(see ``analyzer/schema.py``):

- required: ``timestamp`` (ISO-8601, a date, or a Unix epoch in s/ms/us), ``model``,
  ``input_tokens``, ``output_tokens``;
- optional: ``provider``, ``cache_read_tokens``, ``cache_write_tokens`` (5-minute),
  ``cache_write_1h_tokens``, ``reasoning_tokens``, ``input_audio_tokens`` /
  ``output_audio_tokens`` (audio parts of input / output), ``web_search_requests``,
  ``requests`` (default 1), ``request_id``,
  ``service_tier``, ``status`` (``ok``/``error``/``canceled``/``expired``; ``success`` /
  ``failed`` / ``cancelled`` are understood), ``latency_ms``, ``cost_usd`` or
  ``logged_cost_usd`` (a cost the source logged, USD), ``prompt`` / ``prompt_text`` /
  ``user_text`` (the prompt) and ``system_prompt`` / ``system_text``;
- ``metadata``: a JSON object (in CSV: its JSON text) whose keys become metadata keys.

Token convention: the CANONICAL one, taken as is — ``input_tokens`` must already include
cache reads and cache writes (5m and 1h), and ``output_tokens`` must include
``reasoning_tokens``. Nothing is re-derived, so a file in Anthropic convention (input
without cache) must be converted first (validation rejects rows whose cache parts exceed
``input_tokens``). A required count that is missing or empty is rejected ("... is not a
number"); an optional one that is missing counts as 0.

Other columns become metadata keys: in CSV every column that is not a canonical name
(``project``, ``user``, ``feature``, ...), with empty cells left out and a column winning
over the same key inside ``metadata``. In JSONL the read schema is fixed, so only the
canonical keys, ``metadata`` and the standard attribution keys (``project``, ``feature``,
``user``, ``team``, ``api_key``, ``environment``, ``session``, ``trace``, ``tags``,
``task``) are read: other unknown top-level keys are dropped (put them in ``metadata``).

Detection is deliberately weak, so that this adapter loses to every specific format: the
CSV header or a JSON record holds the four required names, and (JSON) no record has a
nested object under a key that is not a canonical name (``metadata`` is an object).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest.exprs import content_text, merge_meta, meta, num, timestamp_columns, tok
from analyzer.ingest.formats.base import Format, Sample

S = pl.String
REQUIRED = ("timestamp", "model", "input_tokens", "output_tokens")
OPTIONAL_TOKENS = (
    "cache_read_tokens",
    "cache_write_tokens",
    "cache_write_1h_tokens",
    "reasoning_tokens",
    "input_audio_tokens",
    "output_audio_tokens",
    "web_search_requests",
)
CANONICAL_KEYS = (
    *REQUIRED,
    *OPTIONAL_TOKENS,
    "provider",
    "requests",
    "request_id",
    "service_tier",
    "status",
    "latency_ms",
    "cost_usd",
    "logged_cost_usd",
    "prompt",
    "prompt_text",
    "user_text",
    "system_prompt",
    "system_text",
    "metadata",
)
META_KEYS = (
    "project", "feature", "user", "team", "api_key", "environment", "session", "trace",
    "tags", "task",
)
_STATUS = {
    "ok": "ok", "success": "ok", "succeeded": "ok", "completed": "ok", "200": "ok",
    "error": "error", "failed": "error", "failure": "error",
    "canceled": "canceled", "cancelled": "canceled", "expired": "expired",
}


# -- the adapter ------------------------------------------------------------------------

class Generic(Format):
    name = "generic"
    title = "Generic CSV/JSONL with canonical column names"
    schema = pl.Schema({k: S for k in (*CANONICAL_KEYS, *META_KEYS)})

    def sniff(self, sample: Sample) -> bool:
        objects = sample.objects()
        if not objects or not any(all(k in r for k in REQUIRED) for r in objects):
            return False
        return not any(_nested(r) for r in objects)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        return all(k in header for k in REQUIRED)

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return _canonical(frame, META_KEYS)

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        extras = tuple(c for c in frame.columns if c not in CANONICAL_KEYS and c != "_line")
        present = [k for k in CANONICAL_KEYS if k not in frame.columns]
        frame = frame.with_columns(pl.lit(None, S).alias(k) for k in present)
        return _canonical(frame, extras)


def _nested(record: dict[str, Any]) -> bool:
    """An object (or a list of objects) under a key that is not a canonical name.

    Other formats nest their usage (``usage``, ``response``, ``message``...); a nested value
    under a canonical key is just a bad value, rejected on its own line.
    """
    for k, v in record.items():
        if k in CANONICAL_KEYS:
            continue
        if isinstance(v, dict) or (isinstance(v, list) and any(isinstance(i, dict) for i in v)):
            return True
    return False


def _blank(col: str) -> pl.Expr:
    """A text column with empty strings as null."""
    c = pl.col(col).str.strip_chars()
    return pl.when(c == "").then(None).otherwise(c)


def _required_count(col: str) -> pl.Expr:
    # missing → NaN so validation rejects the row ("... is not a number")
    return num(_blank(col)).fill_null(float("nan"))


def _canonical(frame: pl.DataFrame, meta_cols: tuple[str, ...]) -> pl.DataFrame:
    status = _blank("status").str.to_lowercase()
    metadata = merge_meta(
        pl.col("metadata"),
        meta(**{c: _blank(c) for c in meta_cols}),
    )
    return frame.select(
        pl.col("_line"),
        _blank("request_id").alias("request_id"),
        *timestamp_columns(_blank("timestamp")),
        _blank("provider").str.to_lowercase().alias("provider"),
        _blank("model").alias("model_raw"),
        num(_blank("requests")).alias("requests"),
        _required_count("input_tokens").alias("input_tokens"),
        *[tok(_blank(c)).alias(c) for c in OPTIONAL_TOKENS],
        _required_count("output_tokens").alias("output_tokens"),
        _blank("service_tier").alias("service_tier"),
        status.replace(_STATUS).fill_null("ok").alias("status"),
        num(_blank("latency_ms")).alias("latency_ms"),
        pl.coalesce(num(_blank("logged_cost_usd")), num(_blank("cost_usd"))).alias(
            "logged_cost_usd"
        ),
        metadata.alias("metadata"),
        content_text(pl.coalesce(_blank("system_prompt"), _blank("system_text"))).alias(
            "system_text"
        ),
        content_text(
            pl.coalesce(_blank("prompt"), _blank("prompt_text"), _blank("user_text"))
        ).alias("user_text"),
    )


ORDER = 200
FORMATS = (Generic(),)
