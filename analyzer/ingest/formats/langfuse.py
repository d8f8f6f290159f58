"""Langfuse observation exports (log_formats.md §8).

Accepted shapes:

- v1/v2 API observations (camelCase: ``id``, ``traceId``, ``type``, ``startTime``,
  ``model`` / ``providedModelName``, ``usageDetails``, ``costDetails``, deprecated ``usage``,
  ``calculatedTotalCost`` / ``totalCost``, ``input``, ``output``, ``metadata``, ``latency``
  in seconds, ``level``, ...) as a JSON array, an API page ``{"data": [...], "meta": ...}``
  or JSONL; the UI export as CSV with the same column names;
- blob-storage enriched rows (snake_case: ``trace_id``, ``start_time``
  "YYYY-MM-DD HH:MM:SS.ffffff" UTC, ``provided_model_name``, ``usage_details``,
  ``cost_details``, ``total_cost``, ``user_id``, ``session_id``, ``tags``...) as JSONL or
  CSV (nested objects JSON-encoded in cells).

Only ``GENERATION`` observations are requests (``EMBEDDING`` too when it carries usage;
an untyped row when it names a model or usage). ``SPAN``, ``EVENT``, ``AGENT``, ``TOOL``,
``CHAIN``, ``RETRIEVER``, ``EVALUATOR``, ``GUARDRAIL`` are skipped.

Token convention (§8a gotcha): ``usageDetails`` keys are free-form, and when usage came
in OpenAI shape the server moved every detail into its own key (``input_cached_tokens``,
``output_reasoning_tokens``...) *and subtracted it* from ``input`` / ``output``. So the
map is read as JSON text, its ``"key": number`` pairs are extracted with a regex, and:

- ``input_tokens`` = Σ keys containing "input" (+ cache keys that do not say "input",
  e.g. a bare ``cache_read``, since cache reads and writes are part of the prompt);
- ``cache_read`` = Σ keys containing "cache_read" or "cached";
- ``cache_write`` = Σ keys containing "cache_creation" / "cache_write", of which
  keys containing "ephemeral" and "1h" are 1-hour writes. When both a generic
  cache-creation key and LangChain's ``ephemeral_5m/1h`` breakdown keys are present,
  the breakdown is not counted a second time;
- ``output_tokens`` = Σ keys containing "output"; ``reasoning`` = Σ keys containing
  "reasoning" (clamped to the output);
- with no ``usageDetails`` (or only zeros, which is how an observation without
  reported usage can look in API output), the deprecated ``usage`` {input, output} mirror is used; a
  generation with neither is counted from its text with the o200k tokenizer
  (``tokens_estimated``).

``logged_cost_usd`` = ``costDetails.total``, else ``totalCost`` / ``calculatedTotalCost`` /
``total_cost``. ``level == "ERROR"`` is an error row (zero tokens). ``system_text`` /
``user_text`` come from ``input`` when it is a messages list (or ``{"messages": [...]}``)
or a plain string. Metadata: ``user``, ``session``, ``trace``, ``environment``, ``tags``,
``prompt``, ``name``, ``trace_name``, ``release``, plus ``project``/``feature``/``task``/
``team`` and other flat keys of the observation's ``metadata`` object.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from analyzer.ingest import estimate
from analyzer.ingest.exprs import NAN, content_text, last_user_text, messages_text, meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.formats.litellm import (
    blank_null,
    decode_messages,
    doc_records,
    drop_null_keys,
    ensure_columns,
    jp,
    looks_json,
    merge_flat,
    nan_min,
    provider_hint,
    soft_num,
    sample_rows,
    tags_text,
)

S = pl.String

CAMEL = (
    "traceId", "startTime", "endTime", "completionStartTime", "model", "providedModelName",
    "modelParameters", "usageDetails", "costDetails", "usage", "calculatedTotalCost",
    "totalCost", "timeToFirstToken", "promptName", "promptVersion", "statusMessage", "userId",
    "sessionId", "traceName", "parentObservationId", "toolDefinitions",
)
SNAKE = (
    "trace_id", "start_time", "end_time", "completion_start_time", "provided_model_name",
    "model_parameters", "usage_details", "cost_details", "total_cost", "time_to_first_token",
    "prompt_name", "prompt_version", "status_message", "user_id", "session_id", "trace_name",
    "parent_observation_id", "tool_definitions",
)
SHARED = (
    "id", "type", "name", "input", "output", "metadata", "level", "latency", "environment",
    "tags", "release", "version",
)
TYPES = {
    "GENERATION", "SPAN", "EVENT", "AGENT", "TOOL", "CHAIN", "RETRIEVER", "EVALUATOR",
    "EMBEDDING", "GUARDRAIL",
}
_META_KEYS = (
    "project", "feature", "task", "team", "user", "session", "trace", "environment", "tags",
    "prompt", "name", "trace_name", "release", "error",
)

# one "key": value member of the usageDetails map (values are numbers; anything else is
# captured too so that a non-number makes the row fail validation instead of vanishing)
_UPAIR = r'"([^"\\]*)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)'


def _c(camel: str, snake: str) -> pl.Expr:
    return pl.coalesce(blank_null(camel), blank_null(snake))


def _usage_sums(details: pl.Expr) -> dict[str, pl.Expr]:
    """Per-category sums over the pairs of a usageDetails JSON text (null when no pairs)."""
    pairs = details.str.extract_all(_UPAIR)
    key = pl.element().str.extract(_UPAIR, 1).str.to_lowercase()
    raw = pl.element().str.extract(_UPAIR, 2).str.strip_chars('"').str.strip_chars()
    value = (
        pl.when(raw == "null")
        .then(0.0)
        .otherwise(raw.cast(pl.Float64, strict=False).fill_null(NAN))
    )

    def total(cond: pl.Expr) -> pl.Expr:
        return pairs.list.eval(pl.when(cond).then(value).otherwise(0.0)).list.sum()

    is_input = key.str.contains("input", literal=True)
    is_read = key.str.contains("cache_read|cached")
    is_eph = key.str.contains("ephemeral", literal=True)
    is_write = key.str.contains("cache_creation|cache_write") & ~is_eph
    return {
        # members with a non-zero value (a NaN counts: the row must fail, not vanish)
        "nonzero": pairs.list.eval((value != 0.0).cast(pl.Float64)).list.sum(),
        "input": total(is_input),
        "cache_not_input": total((is_read | is_write | is_eph) & ~is_input),
        "read": total(is_read),
        "write": total(is_write),
        "eph": total(is_eph),
        "eph_1h": total(is_eph & key.str.contains("1h", literal=True)),
        "output": total(key.str.contains("output", literal=True)),
        "reasoning": total(key.str.contains("reasoning", literal=True)),
    }


def _has_usage(details: pl.Expr, mirror: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Whether usageDetails / the deprecated ``usage`` mirror report any usage.

    A map of zeros is treated as no usage (an LLM call always reads some tokens).
    """
    has_details = (_usage_sums(details)["nonzero"] > 0).fill_null(False)
    m_in, m_out = num(jp(mirror, "$.input")), num(jp(mirror, "$.output"))
    has_mirror = ((m_in != 0.0) | (m_out != 0.0)).fill_null(False)
    return has_details, has_mirror


def _token_columns(
    details: pl.Expr, mirror: pl.Expr, failed: pl.Expr, skip: pl.Expr
) -> list[pl.Expr]:
    u = _usage_sums(details)
    has_details, has_mirror = _has_usage(details, mirror)
    # LangChain's ephemeral_5m/1h keys break down a generic cache-creation key: count once
    breakdown = (u["write"] > 0) & (u["eph"] > 0)
    d_input = pl.when(breakdown).then(u["input"] + u["cache_not_input"] - u["eph"]).otherwise(
        u["input"] + u["cache_not_input"]
    )
    d_write = pl.when(breakdown).then(u["write"]).otherwise(u["write"] + u["eph"])
    input_tokens = (
        pl.when(has_details)
        .then(d_input)
        .when(has_mirror)
        .then(num(jp(mirror, "$.input")).fill_null(0.0))
        .otherwise(None)  # no usage at all: estimated from the text below
    )
    output_tokens = (
        pl.when(has_details)
        .then(u["output"])
        .when(has_mirror)
        .then(num(jp(mirror, "$.output")).fill_null(0.0))
        .otherwise(None)
    )
    read = pl.when(has_details).then(u["read"]).otherwise(0.0)
    write = pl.when(has_details).then(d_write).otherwise(0.0)
    write_1h = pl.when(has_details).then(u["eph_1h"]).otherwise(0.0)
    reasoning = pl.when(has_details).then(u["reasoning"]).otherwise(0.0)
    read_c = nan_min(read, input_tokens.fill_null(0.0))
    write_c = nan_min(write, (input_tokens.fill_null(0.0) - read_c).clip(0.0))
    write_1h_c = nan_min(write_1h, write_c)

    def gate(e: pl.Expr) -> pl.Expr:  # skipped records and errors carry no tokens
        return pl.when(skip | failed).then(0.0).otherwise(e)

    return [
        gate(input_tokens).alias("input_tokens"),
        gate(read_c).alias("cache_read_tokens"),
        gate(write_c - write_1h_c).alias("cache_write_tokens"),
        gate(write_1h_c).alias("cache_write_1h_tokens"),
        gate(output_tokens).alias("output_tokens"),
        gate(nan_min(reasoning, output_tokens.fill_nan(None).fill_null(0.0))).alias(
            "reasoning_tokens"
        ),
    ]


def _is_observation(r: dict[str, Any]) -> bool:
    return (
        str(r.get("type", "")).upper() in TYPES
        and ("traceId" in r or "trace_id" in r)
        and ("startTime" in r or "start_time" in r)
    )


class Langfuse(Format):
    name = "langfuse"
    title = "Langfuse observations (API JSON / JSONL, UI and blob-storage exports, CSV)"
    schema = pl.Schema({f: S for f in (*SHARED, *CAMEL, *SNAKE)})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_observation(r) for r in sample_rows(sample))

    def records(self, doc: Any) -> Iterable[Any]:
        return doc_records(doc)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        h = set(header)
        return (
            "type" in h
            and bool({"traceId", "trace_id"} & h)
            and bool({"startTime", "start_time"} & h)
        )

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return self.to_canonical(ensure_columns(frame, self.schema))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        inp = blank_null("input")
        md = blank_null("metadata")
        msg_texts = pl.coalesce(
            pl.when(inp.str.strip_chars().str.starts_with("[")).then(inp), jp(inp, "$.messages")
        )
        frame = frame.with_columns(decode_messages(frame.select(msg_texts.alias("t"))["t"]))
        msgs = pl.col("_msgs")
        # a plain-string input (a JSON string literal in blob exports: "\"hello\"")
        plain = pl.when(~looks_json(inp)).then(
            pl.coalesce(pl.when(inp.str.starts_with('"')).then(inp.str.json_path_match("$")), inp)
        )
        system = pl.coalesce(
            messages_text(msgs, ("system", "developer")), content_text(jp(inp, "$.system"))
        )
        user = pl.coalesce(
            last_user_text(msgs),
            plain,
            jp(inp, "$.prompt"),
            jp(inp, "$.input"),
            pl.when(inp.str.starts_with('["')).then(jp(inp, "$[0]")),  # LangChain LLM prompts
        )
        prompt_all = pl.concat_str(
            [system, messages_text(msgs, ("user", "assistant", "tool")), plain],
            separator="\n",
            ignore_nulls=True,
        )
        out_text = blank_null("output")
        completion = pl.when(looks_json(out_text)).then(out_text).otherwise(
            pl.struct(out_text.alias("content")).struct.json_encode()
        )

        kind = pl.col("type").str.strip_chars().str.to_uppercase()
        details = _c("usageDetails", "usage_details")
        model = pl.coalesce(blank_null("model"), _c("providedModelName", "provided_model_name"))
        has_details, has_mirror = _has_usage(details, blank_null("usage"))
        has_usage = has_details | has_mirror
        request = (
            (kind == "GENERATION")
            | ((kind == "EMBEDDING") & has_usage)
            | (kind.is_null() & (model.is_not_null() | has_usage))
        ).fill_null(False)
        skip = ~request
        failed = (pl.col("level").str.strip_chars().str.to_uppercase() == "ERROR").fill_null(False)

        cost_details = _c("costDetails", "cost_details")
        cost = pl.coalesce(
            soft_num(jp(cost_details, "$.total")),
            soft_num(blank_null("totalCost")),
            soft_num(blank_null("calculatedTotalCost")),
            soft_num(blank_null("total_cost")),
            soft_num(jp(blank_null("usage"), "$.totalCost")),
        )
        start = _c("startTime", "start_time")
        end = _c("endTime", "end_time")
        latency = pl.coalesce(
            soft_num(blank_null("latency")) * 1000.0,
            (ts(end) - ts(start)).dt.total_microseconds().cast(pl.Float64) / 1000.0,
        )
        prompt_name = _c("promptName", "prompt_name")
        prompt_version = _c("promptVersion", "prompt_version")
        base = meta(
            project=jp(md, "$.project"),
            feature=jp(md, "$.feature"),
            task=jp(md, "$.task"),
            team=jp(md, "$.team"),
            user=pl.coalesce(
                _c("userId", "user_id"), jp(md, "$.langfuse_user_id"), jp(md, "$.user_id")
            ),
            session=pl.coalesce(
                _c("sessionId", "session_id"),
                jp(md, "$.langfuse_session_id"),
                jp(md, "$.session_id"),
            ),
            trace=_c("traceId", "trace_id"),
            environment=blank_null("environment"),
            tags=tags_text(blank_null("tags")),
            prompt=pl.when(prompt_version.is_not_null())
            .then(pl.concat_str([prompt_name, pl.lit("@"), prompt_version]))
            .otherwise(prompt_name),
            name=blank_null("name"),
            trace_name=_c("traceName", "trace_name"),
            release=blank_null("release"),
            error=pl.when(failed).then(
                pl.coalesce(
                    _c("statusMessage", "status_message").str.slice(0, 200), pl.lit("ERROR")
                )
            ),
        )
        metadata = merge_flat(
            drop_null_keys(base), md, _META_KEYS, skip_prefixes=("ls_", "langfuse_")
        )
        tools = pl.coalesce(
            _c("toolDefinitions", "tool_definitions"),
            jp(_c("modelParameters", "model_parameters"), "$.tools"),
        )
        out = frame.select(
            pl.col("_line"),
            blank_null("id").alias("request_id"),
            ts(start).alias("timestamp"),
            start.alias("_ts_raw"),
            provider_hint(jp(md, "$.ls_provider")).alias("provider"),
            model.alias("model_raw"),
            *_token_columns(details, blank_null("usage"), failed, skip),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            latency.alias("latency_ms"),
            cost.alias("logged_cost_usd"),
            metadata.alias("metadata"),
            system.alias("system_text"),
            user.alias("user_text"),
            msgs.list.len().cast(pl.Int32).alias("message_count"),
            (tools.is_not_null() & ~tools.str.strip_chars().is_in(["[]", "{}", "null"])).alias(
                "has_tools"
            ),
            skip.alias("_skip"),
            pl.when(request & ~failed).then(
                pl.coalesce(pl.when(prompt_all != "").then(prompt_all), inp)
            ).alias("_prompt_all"),
            completion.alias("_completion"),
        )
        out = estimate.fill_missing_usage(out, prompt="_prompt_all", completion="_completion")
        return out.with_columns(
            (pl.col("tokens_estimated") & ~pl.col("_skip")).alias("tokens_estimated")
        )


ORDER = 60
FORMATS = (Langfuse(),)
