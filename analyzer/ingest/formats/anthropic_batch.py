"""Anthropic Message Batches results (JSONL), and the batch's requests when kept.

Results file (``GET /v1/messages/batches/{id}/results``, log_formats.md §5), one line per
request, in any order: ``{"custom_id", "result": {"type", "message"?, "error"?}}``.

- ``succeeded``: one row with the message's usage, ``request_id`` = ``message.id``,
  service tier ``batch``. Token convention as for the Messages API (see
  ``anthropic_messages``): ``input_tokens`` excludes cache, so canonical input =
  ``input_tokens`` + ``cache_read_input_tokens`` + cache writes (5m/1h split from
  ``usage.cache_creation`` when present, else all 5-minute); output includes thinking;
  ``output_tokens_details.thinking_tokens`` → reasoning.
- ``errored``: a zero-token row with status ``error``; the error body is nested twice
  (``result.error.error.type`` / ``.message``), kept in metadata as ``error_type`` /
  ``error_message``. The body's ``request_id``, when present, is the row's id.
- ``canceled`` / ``expired``: zero-token rows with that status (not billed).

Rows without a provider id get a content-derived id; ``custom_id`` is part of it (and of
the metadata), so distinct requests of one file never collide. Results files have no
timestamps: rows take the file's modification time (``timestamp_from_file``) unless the
line has a top-level ``timestamp`` (some exporters add one).

A succeeded line without ``usage.input_tokens`` cannot be counted and is rejected
(``input_tokens is not a number``); so is a result of an unknown type (``missing model``).

``anthropic_batch_requests``: the batch is created with
``{"requests": [{"custom_id", "params": {...}}]}`` (not a JSONL upload); a copy the user kept,
as that JSON document (pretty or minified) or as ``{"custom_id", "params"}`` lines, is read
by this second adapter. Its records carry no usage (counted as skipped); when it is ingested
in the same run as the results, its prompts join the result rows by ``custom_id`` (template,
message count, tools, and the model of errored / canceled / expired rows). Results files
stream in chunks; only the requests adapter decodes line by line (``explode``).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest import exprs
from analyzer.ingest.exprs import MESSAGES, content_text, last_user_text, ts
from analyzer.ingest.formats.anthropic_messages import (
    MESSAGE,
    has_tool_blocks,
    usage_meta,
    usage_tokens,
)
from analyzer.ingest.formats.base import Format, Sample

S = pl.String
NAN = float("nan")
RESULT_TYPES = {"succeeded", "errored", "canceled", "expired"}
_STATUS = {"succeeded": "ok", "errored": "error", "canceled": "canceled", "expired": "expired"}
PARAMS = pl.Struct(
    {
        "model": S,
        "system": S,
        "messages": MESSAGES,
        "tools": S,
    }
)


def _is_result(r: dict[str, Any]) -> bool:
    res = r.get("result")
    return "custom_id" in r and isinstance(res, dict) and res.get("type") in RESULT_TYPES


def _is_request(r: dict[str, Any]) -> bool:
    params = r.get("params")
    return "custom_id" in r and isinstance(params, dict) and "messages" in params


class AnthropicBatch(Format):
    name = "anthropic_batch"
    title = "Anthropic Message Batches results"
    timestamp_from_file = True
    schema = pl.Schema(
        {
            "custom_id": S,
            "timestamp": S,
            "result": pl.Struct({"type": S, "message": MESSAGE, "error": S}),
            "params": PARAMS,
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_result(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        result = pl.col("result")
        kind = result.struct.field("type")
        message = result.struct.field("message")
        usage = message.struct.field("usage")
        error = result.struct.field("error")
        params = pl.col("params")
        is_input = params.is_not_null() & result.is_null()
        succeeded = kind == "succeeded"
        status = kind.replace_strict(_STATUS, default=None)
        tokens = usage_tokens(usage)
        token_cols = [
            pl.when(is_input | (status.is_not_null() & ~succeeded))
            .then(0.0)
            # no usage to count (or an unknown result type): rejected as not a number
            .otherwise(e.fill_null(NAN) if k == "input_tokens" else e)
            .alias(k)
            for k, e in tokens.items()
        ]
        messages = params.struct.field("messages")
        tools = params.struct.field("tools")
        input_tools = (
            (tools.is_not_null() & (tools.str.strip_chars() != "[]"))
            | messages.list.eval(has_tool_blocks(pl.element().struct.field("content"))).list.any()
            .fill_null(False)
        )
        output_tools = pl.when(has_tool_blocks(message.struct.field("content"))).then(True)
        meta = {
            "custom_id": pl.col("custom_id"),
            **usage_meta(usage),
            "error_type": pl.coalesce(
                error.str.json_path_match("$.error.type"),
                error.str.json_path_match("$.type").replace("error", None),
            ),
            "error_message": error.str.json_path_match("$.error.message"),
        }
        return frame.select(
            pl.col("_line"),
            pl.when(succeeded)
            .then(message.struct.field("id"))
            .otherwise(error.str.json_path_match("$.request_id"))
            .alias("request_id"),
            ts("timestamp").alias("timestamp"),
            pl.col("timestamp").alias("_ts_raw"),
            pl.lit("anthropic").alias("provider"),
            pl.coalesce(message.struct.field("model"), params.struct.field("model")).alias(
                "model_raw"
            ),
            *token_cols,
            pl.lit("batch").alias("service_tier"),
            pl.when(is_input).then(pl.lit("ok")).otherwise(status.fill_null("ok")).alias("status"),
            exprs.meta(**meta).alias("metadata"),
            content_text(params.struct.field("system")).alias("system_text"),
            last_user_text(messages).alias("user_text"),
            pl.when(is_input).then(messages.list.len().cast(pl.Int32)).alias("message_count"),
            pl.when(is_input).then(input_tools).otherwise(output_tools).alias("has_tools"),
            pl.col("custom_id"),
            is_input.alias("_skip"),
        )


class AnthropicBatchRequests(AnthropicBatch):
    """The batch's requests, kept by the user: no usage, prompts for the join."""

    name = "anthropic_batch_requests"
    title = "Anthropic Message Batches requests (kept copy)"
    explode = True  # a minified {"requests": [...]} document arrives as one JSONL line

    def sniff(self, sample: Sample) -> bool:
        objects = sample.objects()
        if any(_is_request(r) for r in objects):
            return True
        return any(
            isinstance(r.get("requests"), list)
            and any(isinstance(q, dict) and _is_request(q) for q in r["requests"][:20])
            for r in objects
        )

    def records(self, doc: Any) -> list[Any]:
        if isinstance(doc, dict) and isinstance(doc.get("requests"), list):
            return doc["requests"]
        return doc if isinstance(doc, list) else [doc]


ORDER = 41
FORMATS = (AnthropicBatch(), AnthropicBatchRequests())
