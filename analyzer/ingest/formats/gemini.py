"""Google Gemini API / Vertex AI ``generateContent`` responses (log_formats.md §11b), JSONL.

Accepted line shapes:

- a bare ``GenerateContentResponse`` (REST camelCase: ``candidates``, ``usageMetadata``,
  ``modelVersion``, ``responseId``, Vertex ``createTime``), or the python-genai
  ``model_dump()`` snake_case equivalent (``usage_metadata``, ``model_version``, ...);
- a wrapper ``{"timestamp", "request": {"model", "contents", "systemInstruction", "tools",
  "labels"}, "response": {...}, "metadata"?, "error"?}`` as proxies and callbacks write it;
- Vertex AI batch-prediction output lines ``{"request": {...}, "response": {...},
  "status": "", "processed_time": "..."}`` (service tier ``batch``; a non-empty ``status``
  is the error message of a failed request → a zero-token ``error`` row), and Gemini API
  batch output lines ``{"key", "response"}`` (``key`` → custom_id, tier ``batch``).

Token convention (``promptTokenCount`` INCLUDES ``cachedContentTokenCount``;
``thoughtsTokenCount`` is OUTSIDE ``candidatesTokenCount``; ``toolUsePromptTokenCount`` is
extra input; any missing count is 0):

- ``input_tokens`` = ``promptTokenCount`` + ``toolUsePromptTokenCount``;
- ``cache_read_tokens`` = ``cachedContentTokenCount`` (Gemini bills no cache writes:
  explicit caches are billed as storage, so cache writes are 0);
- ``output_tokens`` = ``candidatesTokenCount`` + ``thoughtsTokenCount``;
- ``reasoning_tokens`` = ``thoughtsTokenCount``.

A successful line without ``usageMetadata`` is counted with the tokenizer
(``tokens_estimated``). Streaming: when a file holds several chunks of one response (same
``responseId``), only the chunk with the largest total counts (the last one carries the
final usage; earlier chunks partial counts); the others are counted as duplicates.

Other fields: ``modelVersion`` (else ``request.model``) → model_raw, provider hint
``google``; ``responseId`` → request_id; ``createTime``, else the wrapper ``timestamp``,
else the batch ``processed_time`` → timestamp (lines with none take the file's time);
``usageMetadata.trafficType`` (ON_DEMAND / ON_DEMAND_PRIORITY / ON_DEMAND_FLEX /
PROVISIONED_THROUGHPUT) → service_tier as logged; ``request.labels`` and the wrapper
``metadata`` object → metadata keys; ``systemInstruction`` → system_text, the last user
turn of ``contents`` → user_text, ``tools`` → has_tools.

Quality signals (``signals.py``): the first candidate's ``finishReason`` → finish_reason (a
``STOP`` whose content is a function call is ``tool_use``: Gemini ends a tool call with STOP),
else ``promptFeedback.blockReason`` (a prompt blocked before any answer). JSON asked for, when
the request is logged: ``generationConfig.responseMimeType`` "application/json", or a
``responseSchema`` / ``responseJsonSchema`` without a MIME type. JSON given: the text of the
first candidate's first part that is not a thought; null for the chunks of a streamed
response, whose text is only a piece of the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl

from analyzer.ingest import estimate, signals
from analyzer.ingest.exprs import content_text, merge_meta, tok, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import jp

S = pl.String
_COUNTS = {  # canonical-ish name -> (camelCase, snake_case)
    "prompt": ("promptTokenCount", "prompt_token_count"),
    "cached": ("cachedContentTokenCount", "cached_content_token_count"),
    "candidates": ("candidatesTokenCount", "candidates_token_count"),
    "thoughts": ("thoughtsTokenCount", "thoughts_token_count"),
    "tool_prompt": ("toolUsePromptTokenCount", "tool_use_prompt_token_count"),
    "total": ("totalTokenCount", "total_token_count"),
    "traffic": ("trafficType", "traffic_type"),
}
USAGE_CAMEL = pl.Struct({camel: S for camel, _ in _COUNTS.values()})
USAGE_SNAKE = pl.Struct({snake: S for _, snake in _COUNTS.values()})
RESPONSE_FIELDS = {
    "candidates": S,  # JSON text: token estimates, the finish reason, the answer's text
    "usageMetadata": USAGE_CAMEL,
    "usage_metadata": USAGE_SNAKE,
    "modelVersion": S,
    "model_version": S,
    "responseId": S,
    "response_id": S,
    "createTime": S,
    "create_time": S,
    "promptFeedback": S,  # {"blockReason": ...} when the prompt itself was blocked
    "prompt_feedback": S,
    "error": S,
}
REQUEST = pl.Struct(
    {
        "model": S,
        "contents": S,  # JSON text: list of {role, parts}
        "systemInstruction": S,
        "system_instruction": S,
        "tools": S,
        "labels": S,
        "generationConfig": S,  # JSON text: responseMimeType, responseSchema, ...
        "generation_config": S,
    }
)
_RESPONSE_KEYS = ("usageMetadata", "usage_metadata")


class Gemini(Format):
    name = "gemini"
    title = "Google Gemini / Vertex AI generateContent responses"
    timestamp_from_file = True  # Gemini API responses carry no time of their own
    schema = pl.Schema(
        {
            "timestamp": S,
            "request": REQUEST,
            "response": pl.Struct(RESPONSE_FIELDS),
            "status": S,
            "processed_time": S,
            "key": S,
            "metadata": S,
            **RESPONSE_FIELDS,  # bare responses
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_gemini(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        req, resp = pl.col("request"), pl.col("response")

        def r(camel: str, snake: str | None = None) -> pl.Expr:
            """A response field: wrapped or bare, camelCase or snake_case."""
            names = [camel] + ([snake] if snake else [])
            return pl.coalesce(
                [resp.struct.field(n) for n in names] + [pl.col(n) for n in names]
            )

        def usage(kind: str) -> pl.Expr:
            camel, snake = _COUNTS[kind]
            return pl.coalesce(
                resp.struct.field("usageMetadata").struct.field(camel),
                pl.col("usageMetadata").struct.field(camel),
                resp.struct.field("usage_metadata").struct.field(snake),
                pl.col("usage_metadata").struct.field(snake),
            )

        has_usage = (
            resp.struct.field("usageMetadata").is_not_null()
            | pl.col("usageMetadata").is_not_null()
            | resp.struct.field("usage_metadata").is_not_null()
            | pl.col("usage_metadata").is_not_null()
        )
        is_batch = pl.col("processed_time").is_not_null() | pl.col("key").is_not_null()
        status_text = pl.col("status").str.strip_chars()
        failed = (
            r("error").is_not_null()
            | (is_batch & status_text.is_not_null() & (status_text != ""))
        )

        def counted(e: pl.Expr) -> pl.Expr:
            # failed → 0; no usage at all → null (estimated below); else missing → 0
            return pl.when(failed).then(0.0).when(~has_usage).then(None).otherwise(e)

        thoughts = tok(usage("thoughts"))
        contents = req.struct.field("contents")
        system = pl.coalesce(
            req.struct.field("systemInstruction"), req.struct.field("system_instruction")
        )
        tools = req.struct.field("tools")
        metadata = merge_meta(pl.col("metadata"), req.struct.field("labels"))
        input_tokens = counted(tok(usage("prompt")) + tok(usage("tool_prompt")))

        def unless_usage(e: pl.Expr) -> pl.Expr:
            return estimate.only_without_usage(input_tokens, e)

        out = frame.select(
            pl.col("_line"),
            r("responseId", "response_id").alias("request_id"),
            pl.coalesce(
                ts(r("createTime", "create_time")), ts("timestamp"), ts("processed_time")
            ).alias("timestamp"),
            pl.coalesce(r("createTime", "create_time"), "timestamp", "processed_time").alias(
                "_ts_raw"
            ),
            pl.lit("google").alias("provider"),
            pl.coalesce(r("modelVersion", "model_version"), req.struct.field("model")).alias(
                "model_raw"
            ),
            input_tokens.alias("input_tokens"),
            counted(tok(usage("cached"))).alias("cache_read_tokens"),
            counted(tok(usage("candidates")) + thoughts).alias("output_tokens"),
            counted(thoughts).alias("reasoning_tokens"),
            pl.when(is_batch).then(pl.lit("batch")).otherwise(usage("traffic")).alias(
                "service_tier"
            ),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            *_signals(req, r),
            metadata.alias("metadata"),
            content_text(system).alias("system_text"),
            _last_user_text(contents).alias("user_text"),
            pl.when(contents.str.starts_with("["))
            .then(contents.str.count_matches(r'(?:^|[^\\])"parts"\s*:'))
            .otherwise(pl.when(contents.is_not_null()).then(1))
            .cast(pl.Int32)
            .alias("message_count"),
            pl.when(req.is_not_null())
            .then(tools.is_not_null() & (tools.str.strip_chars() != "[]"))
            .alias("has_tools"),
            pl.col("key").alias("custom_id"),
            # for rows without usage: what the tokenizer would count (built for those only)
            pl.concat_str([content_text(system), content_text(unless_usage(contents))], separator="\n",
                          ignore_nulls=True).alias("_prompt_all"),
            unless_usage(r("candidates")).alias("_completion"),
        )
        return estimate.fill_missing_usage(out, prompt="_prompt_all", completion="_completion")

    def finalize(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, int]:
        """Streamed chunks of one response: keep the one with the largest total. Its text is
        only a piece of the answer, so whether the answer is valid JSON is unknown (null)."""
        if frame.height == 0:
            return frame, 0
        keyed = frame.filter(pl.col("request_id").is_not_null())
        if keyed["request_id"].n_unique() == keyed.height:
            return frame, 0
        total = pl.col("input_tokens") + pl.col("output_tokens")
        chunked = pl.len().over("request_id") > 1
        best = (
            keyed.with_columns(
                total.alias("_total"),
                pl.when(chunked).then(None).otherwise(pl.col("json_valid")).alias("json_valid"),
            )
            .sort(["_total", "_line"], descending=True)
            .unique(subset="request_id", keep="first", maintain_order=True)
            .drop("_total")
        )
        kept = pl.concat([frame.filter(pl.col("request_id").is_null()), best]).sort("_line")
        return kept, frame.height - kept.height


def _signals(req: pl.Expr, r: Callable[..., pl.Expr]) -> list[pl.Expr]:
    """Finish reason, JSON asked for, JSON given (see the module docstring)."""
    candidates = r("candidates")
    finish = pl.coalesce(jp(candidates, "$[0].finishReason"), jp(candidates, "$[0].finish_reason"))
    feedback = r("promptFeedback", "prompt_feedback")
    blocked = pl.coalesce(jp(feedback, "$.blockReason"), jp(feedback, "$.block_reason"))
    content = jp(candidates, "$[0].content")
    called = content.str.contains(r'"function_?[cC]all"\s*:').fill_null(False)
    reason = pl.when(called & (finish.str.to_uppercase() == "STOP")).then(pl.lit("tool_use"))
    requested = signals.json_requested(_json_format(req), req.is_not_null())
    return [
        signals.finish_reason(pl.coalesce(reason, finish, blocked)).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(_answer_text(candidates, requested)))
        .alias("json_valid"),
    ]


def _json_format(req: pl.Expr) -> pl.Expr:
    """The request's output format in ``response_format`` terms: ``json_schema`` for JSON with
    a schema, ``json_object`` for JSON alone, else null."""
    config = pl.coalesce(
        req.struct.field("generationConfig"), req.struct.field("generation_config")
    )

    def setting(camel: str, snake: str) -> pl.Expr:
        return pl.coalesce(jp(config, f"$.{camel}"), jp(config, f"$.{snake}"))

    mime = setting("responseMimeType", "response_mime_type").str.strip_chars().str.to_lowercase()
    schema = (setting("responseSchema", "response_schema").is_not_null()
              | setting("responseJsonSchema", "response_json_schema").is_not_null())
    as_json = (mime == "application/json") | (mime.is_null() & schema)
    return (
        pl.when(as_json & schema).then(pl.lit("json_schema"))
        .when(as_json).then(pl.lit("json_object"))
    )


def _answer_text(candidates: pl.Expr, requested: pl.Expr) -> pl.Expr:
    """The first candidate's first non-thought part's text, read only where ``requested``."""
    parts = pl.when(requested).then(candidates).str.json_path_match("$[0].content.parts")
    thought = (parts.str.json_path_match("$[0].thought") == "true").fill_null(False)
    return pl.when(thought).then(parts.str.json_path_match("$[1].text")).otherwise(
        parts.str.json_path_match("$[0].text")
    )


def _last_user_text(contents: pl.Expr) -> pl.Expr:
    """Text of the last user turn (a turn without ``role`` is a user turn)."""

    def user_turn(i: int) -> pl.Expr:
        turn = contents.str.json_path_match(f"$[{i}]")
        role = turn.str.json_path_match("$.role")
        return pl.when(turn.is_not_null() & (role.is_null() | (role == "user"))).then(
            content_text(turn.str.json_path_match("$.parts"))
        )

    plain = pl.when(~contents.str.starts_with("[") & ~contents.str.starts_with("{")).then(contents)
    single = pl.when(contents.str.starts_with("{")).then(content_text(contents))
    return pl.coalesce(user_turn(-1), user_turn(-2), single, plain)


def _is_gemini(r: dict[str, Any]) -> bool:
    if "schemaType" in r or "custom_id" in r:
        return False
    resp = r.get("response") if isinstance(r.get("response"), dict) else r
    for key in _RESPONSE_KEYS:
        usage = resp.get(key)
        if isinstance(usage, dict) and any(
            k in usage for names in _COUNTS.values() for k in names
        ):
            return True
    # a failed Vertex batch line: the request, a status message, no response
    req = r.get("request")
    return (
        isinstance(req, dict)
        and "contents" in req
        and "processed_time" in r
        and isinstance(r.get("status"), str)
    )


ORDER = 91
FORMATS = (Gemini(),)
