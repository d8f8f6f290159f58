"""Anthropic Messages API logs (JSONL), as proxies and SDK callbacks write them.

Accepted line shapes (log_formats.md §4):

- ``{"timestamp", "request": {"model", "system", "messages", "metadata", "tools"},
  "response": <Message>}``; a failed call has ``"response": null`` plus ``"error"`` (or an
  error body ``{"type": "error", "error": {...}}`` as the response, or ``status_code`` >= 400)
  and becomes a zero-token row with status ``error`` (``error_type`` in metadata);
- a bare Message object per line (``"type": "message"``). It has no timestamp: such rows
  take the file's modification time (``timestamp_from_file``).

Token convention: Anthropic's ``usage.input_tokens`` is only the *uncached* part of the
prompt; cache reads and writes are reported apart and are additive. So

- ``input_tokens`` = ``input_tokens`` + ``cache_read_input_tokens`` + cache writes;
- cache writes: when ``usage.cache_creation`` carries the TTL split, ``ephemeral_5m_input_tokens``
  → ``cache_write_tokens`` and ``ephemeral_1h_input_tokens`` → ``cache_write_1h_tokens``;
  otherwise all of ``cache_creation_input_tokens`` is a 5-minute write;
- ``output_tokens`` passes through (it already includes thinking);
  ``usage.output_tokens_details.thinking_tokens`` (newer) → ``reasoning_tokens``;
- server-side compaction (``context_management`` ``compact_*`` edits) samples twice in one
  request, and ``usage.iterations`` lists each step (``compaction``, then ``message``) with
  its own counts. The top-level ``usage`` is the last step only, so when ``iterations`` is
  present the request is billed as the sum of its iterations (every column, converted as
  above per iteration).

Any usage field may be present with ``null`` (``"server_tool_use": null``): it counts as 0.
``usage.service_tier`` (standard/priority/batch) is the tier; ``request.service_tier``
(auto/standard_only) is the fallback. ``server_tool_use.web_search_requests`` is the row's
``web_search_requests`` (priced per 1,000 searches); ``web_fetch_requests`` (no charge beyond
its tokens) and ``inference_geo`` are kept in metadata, with
``request.metadata.user_id`` as ``user`` and the standard attribution keys of a top-level
``metadata`` object a proxy may add. A successful line without usage is counted with the
o200k tokenizer and marked ``tokens_estimated`` (an approximation for Claude).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from analyzer.ingest import estimate, signals
from analyzer.ingest.exprs import (
    MESSAGES,
    content_text,
    last_user_text,
    merge_meta,
    messages_text,
    meta,
    num,
    ts,
)
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import jp

S = pl.String

TOKEN_FIELDS: dict[str, pl.DataType] = {
    "input_tokens": S,
    "cache_creation_input_tokens": S,
    "cache_read_input_tokens": S,
    "cache_creation": pl.Struct({"ephemeral_5m_input_tokens": S, "ephemeral_1h_input_tokens": S}),
    "output_tokens": S,
    "output_tokens_details": pl.Struct({"thinking_tokens": S}),
}
# server-side compaction: one entry per sampling step (the compaction, then the message)
ITERATIONS = pl.List(pl.Struct({"type": S, **TOKEN_FIELDS}))
USAGE = pl.Struct(
    {
        **TOKEN_FIELDS,
        "iterations": ITERATIONS,
        "server_tool_use": pl.Struct({"web_search_requests": S, "web_fetch_requests": S}),
        "service_tier": S,
        "inference_geo": S,
    }
)
MESSAGE_FIELDS: dict[str, pl.DataType] = {
    "id": S,
    "type": S,
    "role": S,
    "model": S,
    "content": S,  # JSON text of the content blocks
    "stop_reason": S,
    "usage": USAGE,
    "error": S,  # an error body logged as the response: {"type": "error", "error": {...}}
    "request_id": S,  # ... and its request id
}
MESSAGE = pl.Struct(MESSAGE_FIELDS)
REQUEST = pl.Struct(
    {
        "model": S,
        "system": S,  # a string, or the JSON text of a list of text blocks
        "messages": MESSAGES,
        "metadata": S,
        "tools": S,
        "service_tier": S,
        "output_format": S,  # structured outputs: {"type": "json_schema", "schema": {...}}
    }
)
# tool_use, tool_result, server_tool_use, web_search_tool_result, ... content blocks
_TOOL_BLOCK = r'"type"\s*:\s*"[a-z_]*tool_(use|result)"'


def _signals(req: pl.Expr, r: Callable[[str], pl.Expr]) -> list[pl.Expr]:
    """Finish reason (``stop_reason``), JSON asked for (structured outputs' ``output_format``),
    JSON given: the first content block's text (null, unknown, when that block is not text,
    e.g. thinking)."""
    asked = jp(req.struct.field("output_format"), "$.type")
    requested = signals.json_requested(asked, req.is_not_null())
    answer = r("content").str.json_path_match("$[0].text")
    return [
        signals.finish_reason(r("stop_reason")).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def nan_safe(e: pl.Expr) -> pl.Expr:
    """NaN → 0 for a part that is summed into another column (so the reason names the part)."""
    return e.fill_nan(0.0)


def usage_tokens(usage: pl.Expr) -> dict[str, pl.Expr]:
    """Canonical token columns from an Anthropic ``usage`` object (see module docstring).

    ``input_tokens`` is null when the usage object (or its ``input_tokens``) is absent. With
    ``usage.iterations`` (server-side compaction), the request is billed as the sum of its
    iterations: the top-level counts are the last step's only and leave the compaction out.
    """
    top = _tokens(usage)
    iterations = usage.struct.field("iterations")
    billed_by_step = (iterations.list.len() > 0).fill_null(False)
    searches = usage.struct.field("server_tool_use").struct.field("web_search_requests")
    return {
        **{k: pl.when(billed_by_step).then(iterations.list.eval(_tokens(pl.element())[k]).list.sum())
           .otherwise(e) for k, e in top.items()},
        "web_search_requests": num(searches).fill_null(0.0),
    }


def _tokens(usage: pl.Expr) -> dict[str, pl.Expr]:
    f = usage.struct.field
    uncached = num(f("input_tokens"))
    cache_read = num(f("cache_read_input_tokens")).fill_null(0.0)
    created = num(f("cache_creation_input_tokens")).fill_null(0.0)
    split = f("cache_creation")
    thinking = f("output_tokens_details").struct.field("thinking_tokens")
    w5 = num(split.struct.field("ephemeral_5m_input_tokens"))
    w1h = num(split.struct.field("ephemeral_1h_input_tokens"))
    has_split = w5.is_not_null() | w1h.is_not_null()
    write_5m = pl.when(has_split).then(w5.fill_null(0.0)).otherwise(created)
    write_1h = pl.when(has_split).then(w1h.fill_null(0.0)).otherwise(0.0)
    total = uncached + nan_safe(cache_read) + nan_safe(write_5m) + nan_safe(write_1h)
    return {
        # a negative uncached count must not hide inside a positive sum
        "input_tokens": pl.when(uncached < 0).then(uncached).otherwise(total),
        "cache_read_tokens": cache_read,
        "cache_write_tokens": write_5m,
        "cache_write_1h_tokens": write_1h,
        "output_tokens": num(f("output_tokens")),
        "reasoning_tokens": num(thinking).fill_null(0.0),
    }


def usage_meta(usage: pl.Expr) -> dict[str, pl.Expr]:
    """Metadata worth keeping from an Anthropic ``usage`` object."""
    tools = usage.struct.field("server_tool_use")

    def count(field: str) -> pl.Expr:
        return num(tools.struct.field(field)).cast(pl.Int64, strict=False)

    return {
        "web_fetch_requests": count("web_fetch_requests"),
        "inference_geo": usage.struct.field("inference_geo"),
    }


def has_tool_blocks(e: pl.Expr) -> pl.Expr:
    """Does the JSON text of a content-block list hold a tool block?"""
    return e.str.contains(_TOOL_BLOCK).fill_null(False)


def error_type(error: pl.Expr) -> pl.Expr:
    """``error.error.type`` of an error body, else ``error.type``, else the plain text."""
    return pl.coalesce(
        error.str.json_path_match("$.error.type"),
        error.str.json_path_match("$.type").replace("error", None),
        pl.when(error.str.starts_with("{")).then(None).otherwise(error.str.slice(0, 80)),
    )


def _error_line(r: dict[str, Any]) -> bool:
    req, resp = r.get("request"), r.get("response")
    if not isinstance(req, dict) or not str(req.get("model", "")).startswith("claude"):
        return False
    if isinstance(resp, dict):
        return resp.get("type") == "error"
    return resp is None and "error" in r


def _is_message(m: Any) -> bool:
    return (
        isinstance(m, dict)
        and m.get("type") == "message"
        and isinstance(m.get("usage"), dict)
        and "input_tokens" in m["usage"]
    )


_FOREIGN_KEYS = ("custom_id", "result", "call_type", "schemaType", "response_cost", "spend",
                 "message", "modelId", "response_body")


def _is_anthropic_line(r: dict[str, Any]) -> bool:
    if any(k in r for k in _FOREIGN_KEYS):
        return False
    if "response" in r:
        return _is_message(r["response"]) or _error_line(r)
    return _is_message(r)


class AnthropicMessages(Format):
    name = "anthropic_messages"
    title = "Anthropic Messages API logs"
    timestamp_from_file = True  # bare Message objects carry no time
    schema = pl.Schema(
        {
            "timestamp": S,
            "request": REQUEST,
            "response": MESSAGE,
            "status_code": S,
            "latency_ms": S,
            "metadata": S,
            **MESSAGE_FIELDS,  # a bare Message object (and a top-level "error")
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_anthropic_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        req = pl.col("request")
        resp = pl.col("response")

        def r(field: str) -> pl.Expr:  # response field, else the top-level (bare) one
            return pl.coalesce(resp.struct.field(field), pl.col(field))

        usage = r("usage")
        error = pl.coalesce(pl.col("error"), resp.struct.field("error"))
        failed = (
            (error.is_not_null() & ~error.str.strip_chars().is_in(["", "false", "{}", "[]"]))
            | (resp.struct.field("type") == "error").fill_null(False)
            | (num("status_code") >= 400).fill_null(False)
        )
        tokens = usage_tokens(usage)
        zero_if_failed = [
            pl.when(failed).then(0.0).otherwise(e).alias(k) for k, e in tokens.items()
        ]
        messages = req.struct.field("messages")
        system = content_text(req.struct.field("system"))

        def unless_usage(e: pl.Expr) -> pl.Expr:
            return estimate.only_without_usage(tokens["input_tokens"], e)
        tools = req.struct.field("tools")
        tool_blocks = (
            messages.list.eval(has_tool_blocks(pl.element().struct.field("content"))).list.any()
            .fill_null(False)
            | has_tool_blocks(r("content"))
        )
        has_tools = (
            pl.when((tools.is_not_null() & (tools.str.strip_chars() != "[]")) | tool_blocks)
            .then(True)
            .when(req.is_not_null())
            .then(False)
            .otherwise(None)
        )
        top_meta, req_meta = pl.col("metadata"), req.struct.field("metadata")
        # every key of the logged metadata objects is kept; Anthropic's user_id is `user`
        meta_fields = {
            "user": pl.coalesce(
                req_meta.str.json_path_match("$.user_id"), top_meta.str.json_path_match("$.user")
            )
        }
        meta_fields |= usage_meta(usage)
        meta_fields["error_type"] = pl.when(failed).then(error_type(error))
        out = frame.select(
            pl.col("_line"),
            pl.coalesce(r("id"), r("request_id"), error.str.json_path_match("$.request_id")).alias(
                "request_id"
            ),
            ts("timestamp").alias("timestamp"),
            pl.col("timestamp").alias("_ts_raw"),
            pl.lit("anthropic").alias("provider"),
            pl.coalesce(r("model"), req.struct.field("model")).alias("model_raw"),
            *zero_if_failed,
            pl.coalesce(usage.struct.field("service_tier"), req.struct.field("service_tier")).alias(
                "service_tier"
            ),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            *_signals(req, r),
            num("latency_ms").fill_nan(None).alias("latency_ms"),
            merge_meta(top_meta, req_meta, meta(**meta_fields)).alias("metadata"),
            system.alias("system_text"),
            last_user_text(messages).alias("user_text"),
            messages.list.len().cast(pl.Int32).alias("message_count"),
            has_tools.alias("has_tools"),
            # for rows without usage: what the tokenizer would count (built for those only)
            pl.concat_str(
                [system, messages_text(unless_usage(messages), ("user", "assistant"))],
                separator="\n",
                ignore_nulls=True,
            ).alias("_prompt_all"),
            unless_usage(r("content")).alias("_completion"),
        )
        return estimate.fill_missing_usage(out, prompt="_prompt_all", completion="_completion")


ORDER = 40
FORMATS = (AnthropicMessages(),)
