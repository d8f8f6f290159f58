"""OpenAI Chat Completions and Responses logs (JSONL).

Accepted line shapes (log_formats.md §1):

- ``{"timestamp", "request": {...}, "response": <chat.completion | response>}`` as proxies
  and SDK callbacks write them; a failed call has ``"response": null`` plus ``"error"``;
- a bare response object (``"object": "chat.completion"`` or ``"response"``);
- ``{"model", "request": {"messages"}, "response", "usage", "timestamp"}``, the response
  with or without its ``"object"`` (Frugon's demo log has none: its choices, or
  ``prompt_tokens`` and ``completion_tokens`` in the usage, tell it apart).

Token convention: ``prompt_tokens`` / ``input_tokens`` already include cached tokens
(``*_tokens_details.cached_tokens``) and ``completion_tokens`` includes reasoning, which is
the canonical convention, so counts pass through. ``cache_write_tokens`` (newer SDKs) is
documented as "unadjusted" and is clamped to what the prompt can hold. A successful line
without usage (a stream without ``include_usage``) is counted with the o200k tokenizer and
marked ``tokens_estimated``.

Audio: ``prompt_tokens_details.audio_tokens`` / ``completion_tokens_details.audio_tokens``
(subsets) are the audio parts, priced at the model's audio rates. Web searches: a Responses
object's ``web_search_call`` output items, one search each (priced per 1,000).

OpenRouter's chat completions (``model`` like ``anthropic/claude-sonnet-4.5``) carry their
price in ``usage.cost`` (USD): it becomes the logged cost that ``report --reconcile`` checks,
plus ``usage.cost_details.upstream_inference_cost`` when ``usage.is_byok`` is true (the
cost is then only OpenRouter's fee).
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
USAGE = pl.Struct(
    {
        "prompt_tokens": S,
        "completion_tokens": S,
        "input_tokens": S,
        "output_tokens": S,
        # the same fields on both spellings, so the two coalesce
        "prompt_tokens_details": pl.Struct({"cached_tokens": S, "cache_write_tokens": S, "audio_tokens": S}),
        "input_tokens_details": pl.Struct({"cached_tokens": S, "cache_write_tokens": S, "audio_tokens": S}),
        "completion_tokens_details": pl.Struct({"reasoning_tokens": S, "audio_tokens": S}),
        "output_tokens_details": pl.Struct({"reasoning_tokens": S, "audio_tokens": S}),
        # OpenRouter's usage accounting on its chat completions
        "cost": S,
        "is_byok": S,
        "cost_details": pl.Struct({"upstream_inference_cost": S}),
    }
)
RESPONSE_FIELDS = {
    "id": S,
    "object": S,
    "created": S,
    "created_at": S,
    "model": S,
    "service_tier": S,
    "status": S,
    "usage": USAGE,
    "choices": S,  # JSON text: token estimates, the finish reason, the answer's text
    "output": S,
    "incomplete_details": S,  # Responses: why an answer is incomplete
    "error": S,
    "instructions": S,
}
REQUEST = pl.Struct(
    {
        "model": S,
        "messages": MESSAGES,
        "input": S,
        "instructions": S,
        "tools": S,
        "metadata": S,
        "user": S,
        "service_tier": S,
        "response_format": S,  # Chat Completions: {"type": "json_object" | "json_schema" | "text"}
        "text": S,  # Responses: {"format": {"type": ...}}
    }
)
RESPONSE_OBJECTS = {"chat.completion", "response", "chat.completion.chunk"}


class OpenAIChat(Format):
    name = "openai_chat"
    title = "OpenAI Chat Completions / Responses logs"
    schema = pl.Schema(
        {
            "timestamp": S,
            "request": REQUEST,
            "response": pl.Struct(RESPONSE_FIELDS),
            "status_code": S,
            "metadata": S,
            **RESPONSE_FIELDS,  # bare response objects and the flat {model, usage} shape
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_openai_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        req = pl.col("request")
        resp = pl.col("response")

        def r(field: str) -> pl.Expr:  # response field, else the top-level (bare) one
            return pl.coalesce(resp.struct.field(field), pl.col(field))

        usage = r("usage")
        details_in = pl.coalesce(
            usage.struct.field("prompt_tokens_details"), usage.struct.field("input_tokens_details")
        )
        details_out = pl.coalesce(
            usage.struct.field("completion_tokens_details"),
            usage.struct.field("output_tokens_details"),
        )
        input_tokens = pl.coalesce(
            num(usage.struct.field("prompt_tokens")), num(usage.struct.field("input_tokens"))
        )
        cache_read = num(details_in.struct.field("cached_tokens")).fill_null(0.0)
        cache_write = num(details_in.struct.field("cache_write_tokens")).fill_null(0.0)
        failed = (
            pl.col("error").is_not_null()
            | (num("status_code") >= 400).fill_null(False)
            | r("status").is_in(["failed", "cancelled"]).fill_null(False)
        )
        messages = req.struct.field("messages")

        def unless_usage(e: pl.Expr) -> pl.Expr:
            return estimate.only_without_usage(input_tokens, e)

        system = pl.coalesce(
            messages_text(messages, ("system", "developer")),
            req.struct.field("instructions"),
            r("instructions"),
        )
        user = pl.coalesce(last_user_text(messages), content_text(req.struct.field("input")))
        meta_json = pl.coalesce(req.struct.field("metadata"), pl.col("metadata"))
        out = frame.select(
            pl.col("_line"),
            r("id").alias("request_id"),
            pl.coalesce(ts("timestamp"), ts(r("created")), ts(r("created_at"))).alias("timestamp"),
            pl.coalesce("timestamp", r("created"), r("created_at")).alias("_ts_raw"),
            pl.coalesce(r("model"), req.struct.field("model")).alias("model_raw"),
            pl.when(failed).then(0.0).otherwise(input_tokens).alias("input_tokens"),
            pl.when(failed).then(0.0).otherwise(cache_read).alias("cache_read_tokens"),
            pl.when(failed)
            .then(0.0)
            .otherwise(pl.min_horizontal(cache_write, (input_tokens - cache_read).clip(0.0)))
            .alias("cache_write_tokens"),
            pl.when(failed)
            .then(0.0)
            .otherwise(
                pl.coalesce(
                    num(usage.struct.field("completion_tokens")),
                    num(usage.struct.field("output_tokens")),
                )
            )
            .alias("output_tokens"),
            pl.when(failed)
            .then(0.0)
            .otherwise(num(details_out.struct.field("reasoning_tokens")).fill_null(0.0))
            .alias("reasoning_tokens"),
            pl.when(failed).then(0.0).otherwise(
                num(details_in.struct.field("audio_tokens")).fill_null(0.0)).alias("input_audio_tokens"),
            pl.when(failed).then(0.0).otherwise(
                num(details_out.struct.field("audio_tokens")).fill_null(0.0)).alias("output_audio_tokens"),
            # Responses API: each web_search_call output item is one search
            r("output").str.count_matches(_WEB_SEARCH_CALL).fill_null(0).cast(pl.Float64)
            .alias("web_search_requests"),
            pl.coalesce(r("service_tier"), req.struct.field("service_tier")).alias("service_tier"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            *_signals(req, r),
            _openrouter_cost(usage).alias("logged_cost_usd"),
            merge_meta(meta_json, meta(user=req.struct.field("user"))).alias("metadata"),
            system.alias("system_text"),
            user.alias("user_text"),
            messages.list.len().cast(pl.Int32).alias("message_count"),
            (req.struct.field("tools").is_not_null() & (req.struct.field("tools") != "[]")).alias(
                "has_tools"
            ),
            # for rows without usage: what the tokenizer would count (built for those only)
            pl.concat_str(
                [system, messages_text(unless_usage(messages), ("user", "assistant", "tool")),
                 content_text(unless_usage(req.struct.field("input")))],
                separator="\n",
                ignore_nulls=True,
            ).alias("_prompt_all"),
            unless_usage(pl.coalesce(r("choices"), r("output"))).alias("_completion"),
        )
        return estimate.fill_missing_usage(out, prompt="_prompt_all", completion="_completion")


_WEB_SEARCH_CALL = r'"type"\s*:\s*"web_search_call"'
_FUNCTION_CALL = r'"type"\s*:\s*"function_call"'


def _signals(req: pl.Expr, r: Callable[[str], pl.Expr]) -> list[pl.Expr]:
    """Finish reason, JSON asked for, JSON given (``signals.py``). Chat Completions: the first
    choice's ``finish_reason`` and ``message.content``. Responses: ``incomplete_details.reason``
    when incomplete, ``tool_calls`` when the output holds a function call, else completed; the
    answer's text is not read there (``json_valid`` stays null)."""
    choices, status = r("choices"), r("status")
    responses = (
        pl.when(status == "incomplete").then(pl.coalesce(jp(r("incomplete_details"), "$.reason"), status))
        .when(r("output").str.contains(_FUNCTION_CALL)).then(pl.lit("tool_calls"))
        .when(status == "completed").then(status)
    )
    asked = pl.coalesce(jp(req.struct.field("response_format"), "$.type"),
                        jp(req.struct.field("text"), "$.format.type"))
    requested = signals.json_requested(asked, req.is_not_null())
    answer = choices.str.json_path_match("$[0].message.content")
    return [
        signals.finish_reason(pl.coalesce(jp(choices, "$[0].finish_reason"), responses)).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def _openrouter_cost(usage: pl.Expr) -> pl.Expr:
    """OpenRouter's ``usage.cost`` (USD); for a BYOK request that is only OpenRouter's fee, so
    what the upstream provider charged (``cost_details.upstream_inference_cost``) is added."""
    byok = usage.struct.field("is_byok").str.to_lowercase().is_in(["true", "1"]).fill_null(False)
    upstream = num(usage.struct.field("cost_details").struct.field("upstream_inference_cost"))
    cost = num(usage.struct.field("cost")).fill_nan(None)
    return cost + pl.when(byok).then(upstream.fill_nan(None).fill_null(0.0)).otherwise(0.0)


def _is_openai_line(r: dict[str, Any]) -> bool:
    if "custom_id" in r or "call_type" in r or "schemaType" in r:
        return False
    resp = r.get("response")
    request = r.get("request")
    if isinstance(resp, dict) and resp.get("object") in RESPONSE_OBJECTS:
        return True
    if isinstance(request, dict) and isinstance(request.get("messages"), list) and isinstance(resp, dict):
        # a chat completion logged without its "object" (Frugon's demo log, several proxies):
        # its choices, or OpenAI's usage names beside it
        usage = r.get("usage") if isinstance(r.get("usage"), dict) else resp.get("usage")
        return isinstance(resp.get("choices"), list) or (
            isinstance(usage, dict) and "prompt_tokens" in usage and "completion_tokens" in usage)
    if isinstance(resp, dict):
        return False
    if isinstance(r.get("request"), dict) and ("error" in r or resp is None):
        model = str(r["request"].get("model", ""))
        return "messages" in r["request"] and not model.startswith("claude") and "system" not in r["request"]
    return r.get("object") in RESPONSE_OBJECTS and "usage" in r


ORDER = 10
FORMATS = (OpenAIChat(),)
