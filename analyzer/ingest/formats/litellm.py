"""LiteLLM proxy logs: ``LiteLLM_SpendLogs`` rows and StandardLoggingPayload (log_formats.md §7).

Two adapters:

- ``litellm_spend_logs``: rows of the proxy's ``LiteLLM_SpendLogs`` table, as the
  ``GET /spend/logs`` JSON array (or a ``{"data": [...]}`` page), JSONL of the same rows,
  or the CSV export (same column names, nested values JSON-encoded in cells).
- ``litellm_payload``: StandardLoggingPayload JSONL (``kwargs["standard_logging_object"]``
  as written by logging callbacks), also accepted as a JSON array.

Token convention (§7b "cache gotcha"): LiteLLM rewrites every provider's usage into
OpenAI semantics, so ``prompt_tokens`` already includes cache reads and (current versions,
for Anthropic-routed calls) cache writes, and ``completion_tokens`` includes reasoning.
The cache numbers come from ``metadata.usage_object`` / ``metadata.additional_usage_values``
(payload: also ``response.usage``):

- ``input_tokens = prompt_tokens``;
- ``cache_read = cache_read_input_tokens`` or ``prompt_tokens_details.cached_tokens``
  (the larger when both are given: they mirror each other);
- ``cache_write = cache_creation_input_tokens`` (or ``prompt_tokens_details``
  ``cache_creation_tokens``/``cache_write_tokens``), of which
  ``prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens`` are
  1-hour writes and the rest 5-minute writes;
- older LiteLLM versions added only cache *reads* into ``prompt_tokens``: when
  ``cache_read + cache_write > prompt_tokens`` the row can only be from that convention,
  and ``input_tokens = prompt_tokens + cache_write``;
- parts are clamped so that ``cache_read + cache_write <= input_tokens``;
- ``output_tokens = completion_tokens``, ``reasoning_tokens =
  completion_tokens_details.reasoning_tokens`` (clamped to the output).

Cache hits (LiteLLM's own response cache: ``request_id`` suffix ``_cache_hit<epoch>``,
``cache_hit`` "True") are real rows with their own id, ``spend`` 0: they are kept with
status ``cached`` (the provider billed nothing; their tokens stay as logged) and
``cache_hit: "true"`` in the metadata. ``status: "failure"`` (or a
payload ``error_str``) is an error row with zero tokens. ``metadata`` is an object or a
JSON-encoded string (CSV: JSON text in a cell): it is read as a string and the fields
needed are taken from it in one parse per row (``json_fields``), which also keeps the
large ``model_map_information`` blobs real rows carry from being parsed once per field.
Metadata keys: ``api_key`` (key alias, else the hashed key), ``api_key_hash``, ``team``
(alias, else id), ``user``, ``end_user``, ``session``, ``trace``, ``tags``
(``request_tags``), ``model_group``, ``call_type``, ``cache_hit``, plus every flat key of
the caller's ``spend_logs_metadata`` (``project``, ``feature``, ...).

Quality signals (``signals.py``), from the logged ``response`` (a chat completion; ``"{}"`` in
spend logs unless ``store_prompts_in_spend_logs``): finish_reason is its first choice's
``finish_reason``; JSON asked for is the request's ``response_format.type``
(``proxy_server_request`` of a spend-logs row, null when that is not stored;
``model_parameters`` of a payload); JSON given is the first choice's ``message.content``.
``completionStartTime`` gives ttft_ms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import (
    last_user_text,
    messages_text,
    meta,
    num,
    ts,
)
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import (
    add_json_fields,
    blank_null,
    decode_messages,
    doc_records,
    ensure_columns,
    first_token_ms,
    fit_cache_parts,
    looks_json,
    flat_pairs,
    ms_between,
    nan_max,
    provider_hint,
    sample_rows,
    soft_num,
    tags_text,
    with_pairs,
)

S = pl.String

# ---------------------------------------------------------------------------------------
# Token columns (both LiteLLM adapters)
# ---------------------------------------------------------------------------------------

USAGE_PATHS = (
    "cache_read_input_tokens",
    "cache_creation_input_tokens",
    "prompt_tokens_details.cached_tokens",
    "prompt_tokens_details.cache_creation_tokens",
    "prompt_tokens_details.cache_write_tokens",
    "prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens",
    "cache_creation.ephemeral_1h_input_tokens",
    "completion_tokens_details.reasoning_tokens",
    "service_tier",
)
_MD = "_md."  # column prefix of the fields read from ``metadata``


def add_litellm_tokens(frame: pl.DataFrame, usage_prefixes: Sequence[str]) -> pl.DataFrame:
    """Canonical token columns, from ``_prompt``, ``_completion``, ``_failed`` and the
    usage-detail columns read under each of ``usage_prefixes`` (first one present wins).

    Computed in stages over materialized columns: the parts depend on each other, and
    nesting the expressions would repeat every JSON lookup many times over.
    """

    def u(path: str) -> pl.Expr:
        return pl.coalesce([num(pl.col(p + path)) for p in usage_prefixes])

    c = pl.col
    frame = frame.with_columns(
        nan_max(u("cache_read_input_tokens"), u("prompt_tokens_details.cached_tokens"))
        .fill_null(0.0)
        .alias("_read"),
        nan_max(
            u("cache_creation_input_tokens"),
            u("prompt_tokens_details.cache_creation_tokens"),
            u("prompt_tokens_details.cache_write_tokens"),
        )
        .fill_null(0.0)
        .alias("_write"),
        pl.coalesce(
            u("prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens"),
            u("cache_creation.ephemeral_1h_input_tokens"),
        )
        .fill_null(0.0)
        .alias("_write_1h"),
        u("completion_tokens_details.reasoning_tokens").fill_null(0.0).alias("_reasoning"),
    )
    # older versions: prompt_tokens = uncached + cache reads (the writes were left out)
    legacy = (((c("_read") + c("_write")) > c("_prompt")) & ~c("_prompt").is_nan()).fill_null(False)
    frame = frame.with_columns(
        pl.when(legacy)
        .then(c("_prompt") + c("_write"))
        .otherwise(c("_prompt"))
        .alias("input_tokens")
    )
    frame = frame.with_columns(c("_completion").alias("output_tokens"))
    return fit_cache_parts(frame, zero_when=c("_failed"))


# metadata keys the adapters set themselves (spend_logs_metadata keys of the same name yield)
_META_KEYS = (
    "project", "feature", "task", "environment", "user", "team", "team_id", "org",
    "api_key", "api_key_hash", "end_user", "session", "trace", "tags", "model_group",
    "call_type", "cache_hit", "error",
)
_CALLER_PATHS = ("project", "feature", "task", "environment", "env")
METADATA_PATHS = (
    *[f"usage_object.{p}" for p in USAGE_PATHS],
    *[f"additional_usage_values.{p}" for p in USAGE_PATHS],
    "user_api_key_alias", "user_api_key_hash", "user_api_key_team_alias", "user_api_key_team_id",
    "user_api_key_user_id", "user_api_key_org_id", "user_api_key_end_user_id", "session_id",
    "error_information.error_class", "error_information.error_code",
    *[f"requester_metadata.{p}" for p in _CALLER_PATHS],  # only these of it are read
)
METADATA_OBJECTS = ("spend_logs_metadata",)  # kept as JSON text: its flat members join the metadata


def add_metadata_fields(frame: pl.DataFrame) -> pl.DataFrame:
    """The ``metadata`` fields (object or JSON-encoded string), read once per row; then the
    caller's fields of ``spend_logs_metadata`` (an object, or JSON text of one) and the flat
    members it adds to the metadata (``_slm_pairs``), read once per distinct text: a few per
    block (one per project and feature), where the metadata around them differs per row."""
    frame = add_json_fields(frame, pl.col("metadata"), METADATA_PATHS, _MD, text_paths=METADATA_OBJECTS)
    text = _MD + "spend_logs_metadata"
    distinct = frame.select(pl.col(text).unique())
    distinct = add_json_fields(distinct, pl.col(text), _CALLER_PATHS, "_slm.").with_columns(
        flat_pairs(pl.col(text), _META_KEYS).alias("_slm_pairs"))
    return frame.join(distinct, on=text, how="left", nulls_equal=True, maintain_order="left")


def litellm_metadata(
    *,
    api_key_hash: pl.Expr,
    user: pl.Expr,
    team_id: pl.Expr,
    org: pl.Expr,
    end_user: pl.Expr,
    session: pl.Expr,
    trace: pl.Expr,
    tags: pl.Expr,
    model_group: pl.Expr,
    call_type: pl.Expr,
    cache_hit: pl.Expr,
    error: pl.Expr,
) -> pl.Expr:
    """The metadata object, from the columns ``add_metadata_fields`` added."""

    def md(key: str) -> pl.Expr:
        return pl.col(_MD + key)

    def caller(key: str) -> pl.Expr:
        return pl.coalesce(pl.col("_slm." + key), md("requester_metadata." + key))

    base = meta(
        project=caller("project"),
        feature=caller("feature"),
        task=caller("task"),
        environment=pl.coalesce(caller("environment"), caller("env")),
        user=pl.coalesce(blank_null(user), md("user_api_key_user_id")),
        team=pl.coalesce(md("user_api_key_team_alias"), blank_null(team_id),
                         md("user_api_key_team_id")),
        team_id=pl.coalesce(blank_null(team_id), md("user_api_key_team_id")),
        org=pl.coalesce(blank_null(org), md("user_api_key_org_id")),
        api_key=pl.coalesce(md("user_api_key_alias"), blank_null(api_key_hash)),
        api_key_hash=blank_null(api_key_hash),
        end_user=pl.coalesce(blank_null(end_user), md("user_api_key_end_user_id")),
        session=blank_null(session),
        trace=blank_null(trace),
        tags=tags,
        model_group=blank_null(model_group),
        call_type=blank_null(call_type),
        cache_hit=pl.when(cache_hit).then(pl.lit("true")),
        error=error,
    )
    return with_pairs(base, pl.col("_slm_pairs"))


def _status(failed: pl.Expr, cache_hit: pl.Expr) -> pl.Expr:
    """``error``; ``cached`` for answers from LiteLLM's own cache (the provider billed
    nothing: priced at $0, tokens kept as logged); else ``ok``."""
    return (
        pl.when(failed).then(pl.lit("error")).when(cache_hit).then(pl.lit("cached"))
        .otherwise(pl.lit("ok"))
    )


def _is_cache_hit(request_id: pl.Expr, flag: pl.Expr) -> pl.Expr:
    return (
        request_id.str.contains("_cache_hit", literal=True).fill_null(False)
        | flag.str.to_lowercase().is_in(["true", "1"]).fill_null(False)
    )


def _add_messages(frame: pl.DataFrame, *more: pl.Expr) -> pl.DataFrame:
    """``_msgs`` (decoded prompt messages) and the text columns they give, from ``messages``:
    a list, or an object holding one (``{"messages": [...]}``, looked up only in texts that
    are objects), else the first of ``more``."""
    messages = pl.col("messages")
    starts = messages.str.strip_chars().str.slice(0, 1)
    frame = add_json_fields(frame, pl.when(starts == "{").then(messages), (), "_msg.", text_paths=("messages",))
    texts = pl.coalesce(pl.when(starts == "[").then(messages), pl.col("_msg.messages"), *more)
    frame = frame.with_columns(decode_messages(frame.select(texts.alias("t"))["t"]))
    msgs = pl.col("_msgs")
    return frame.with_columns(
        messages_text(msgs, ("system", "developer")).alias("system_text"),
        last_user_text(msgs).alias("_user_from_msgs"),
        msgs.list.len().cast(pl.Int32).alias("message_count"),
    )


def _has_tools(tools: pl.Expr) -> pl.Expr:
    return tools.is_not_null() & ~tools.str.strip_chars().is_in(["[]", "{}", "null"])


# request fields read from proxy_server_request / model_parameters
_REQUEST_PATHS = ("service_tier", "response_format.type")
# the first finish reason with a value: the first choice's (a regex: no parse of every response;
# inside a string the key's quotes are escaped, so an answer's text never matches)
_FINISH = r'"finish_reason"\s*:\s*"([^"]+)"'


def _signals(response: pl.Expr, format_type: pl.Expr, request_logged: pl.Expr) -> list[pl.Expr]:
    """Finish reason, JSON asked for (``format_type``: the request's ``response_format.type``)
    and JSON given, from a logged chat completion; its text is parsed only where JSON was
    asked for."""
    requested = signals.json_requested(format_type, request_logged)
    answer = pl.when(requested).then(response).str.json_path_match("$.choices[0].message.content")
    return [
        signals.finish_reason(response.str.extract(_FINISH, 1)).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def _add_times(frame: pl.DataFrame) -> pl.DataFrame:
    """``_start``, ``_end`` and ``_first``: ``startTime``, ``endTime`` and
    ``completionStartTime`` parsed once each (the timestamp, the latency and the time to first
    token share them)."""
    return frame.with_columns(
        ts("startTime").alias("_start"), ts("endTime").alias("_end"),
        ts("completionStartTime").alias("_first"),
    )


def _failed(status: pl.Expr, error: pl.Expr | None = None) -> pl.Expr:
    failed = status.str.strip_chars().str.to_lowercase().is_in(["failure", "failed", "error"])
    if error is not None:
        failed = failed | error.is_not_null()
    return failed.fill_null(False)


_OUT = (
    "_line", "request_id", "timestamp", "_ts_raw", "provider", "model_raw", "input_tokens",
    "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens",
    "reasoning_tokens", "service_tier", "status", "latency_ms", "ttft_ms", "logged_cost_usd", "metadata",
    "system_text", "user_text", "message_count", "has_tools", "finish_reason", "json_requested",
    "json_valid",
)


# ---------------------------------------------------------------------------------------
# LiteLLM_SpendLogs rows
# ---------------------------------------------------------------------------------------

SPEND_FIELDS = (
    "request_id", "call_type", "api_key", "spend", "total_tokens", "prompt_tokens",
    "completion_tokens", "startTime", "endTime", "completionStartTime", "request_duration_ms",
    "model", "model_id", "model_group", "custom_llm_provider", "api_base", "user", "team_id",
    "organization_id", "end_user", "agent_id", "session_id", "metadata", "cache_hit",
    "cache_key", "request_tags", "requester_ip_address", "messages", "response",
    "proxy_server_request", "status", "mcp_namespaced_tool_name",
)


def _is_spend_row(r: dict[str, Any]) -> bool:
    return (
        "request_id" in r
        and "spend" in r
        and ("startTime" in r or "call_type" in r)
        and "response_cost" not in r
    )


class LiteLLMSpendLogs(Format):
    name = "litellm_spend_logs"
    title = "LiteLLM proxy spend logs (LiteLLM_SpendLogs, /spend/logs JSON, JSONL, CSV)"
    schema = pl.Schema({f: S for f in SPEND_FIELDS})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_spend_row(r) for r in sample_rows(sample))

    def records(self, doc: Any) -> Iterable[Any]:
        return doc_records(doc)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        h = set(header)
        return {"request_id", "spend"} <= h and bool({"startTime", "call_type"} & h)

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return self.to_canonical(ensure_columns(frame, self.schema))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        c = pl.col
        frame = add_metadata_fields(frame)
        frame = add_json_fields(frame, c("proxy_server_request"), _REQUEST_PATHS, "_psr.",
                                text_paths=("messages", "tools"))
        frame = _add_messages(frame, c("_psr.messages"))
        messages = c("messages")
        frame = frame.with_columns(
            num("prompt_tokens").alias("_prompt"),
            num("completion_tokens").alias("_completion"),
            _failed(c("status")).alias("_failed"),
        )
        frame = add_litellm_tokens(frame, [_MD + "usage_object.", _MD + "additional_usage_values."])
        failed = c("_failed")
        out = _add_times(frame).with_columns(
            blank_null("request_id").alias("request_id"),
            c("_start").alias("timestamp"),
            c("startTime").alias("_ts_raw"),
            provider_hint(c("custom_llm_provider")).alias("provider"),
            pl.coalesce(blank_null("model"), blank_null("model_group")).alias("model_raw"),
            pl.coalesce(
                c(_MD + "usage_object.service_tier"),
                c(_MD + "additional_usage_values.service_tier"),
                c("_psr.service_tier"),
            ).alias("service_tier"),
            _status(failed, _is_cache_hit(c("request_id"), c("cache_hit"))).alias("status"),
            pl.coalesce(
                soft_num("request_duration_ms"), ms_between(c("_start"), c("_end"))
            ).alias("latency_ms"),
            first_token_ms(c("_start"), c("_first")),
            soft_num("spend").alias("logged_cost_usd"),
            litellm_metadata(
                api_key_hash=c("api_key"),
                user=c("user"),
                team_id=c("team_id"),
                org=c("organization_id"),
                end_user=c("end_user"),
                session=c("session_id"),
                trace=pl.lit(None, S),
                tags=tags_text(c("request_tags")),
                model_group=c("model_group"),
                call_type=c("call_type"),
                cache_hit=_is_cache_hit(c("request_id"), c("cache_hit")),
                error=pl.when(failed).then(
                    pl.coalesce(
                        c(_MD + "error_information.error_class"),
                        c(_MD + "error_information.error_code"),
                        pl.lit("failure"),
                    )
                ),
            ).alias("metadata"),
            pl.coalesce(
                c("_user_from_msgs"), pl.when(~looks_json(messages)).then(blank_null(messages))
            ).alias("user_text"),
            _has_tools(c("_psr.tools")).alias("has_tools"),
            # the request body is stored only with store_prompts_in_spend_logs (else "{}")
            *_signals(c("response"), c("_psr.response_format.type"),
                      c("proxy_server_request").str.contains(r'^\s*\{\s*"')),
        )
        return out.select(_OUT)


# ---------------------------------------------------------------------------------------
# StandardLoggingPayload
# ---------------------------------------------------------------------------------------

PAYLOAD_FIELDS = (
    "id", "trace_id", "call_type", "stream", "status", "custom_llm_provider", "response_cost",
    "saved_cache_cost", "prompt_tokens", "completion_tokens", "total_tokens", "startTime",
    "endTime", "completionStartTime", "response_time", "model", "model_id", "model_group",
    "api_base", "cache_hit", "cache_key", "request_tags", "end_user", "requester_ip_address",
    "messages", "response", "model_parameters", "hidden_params", "metadata", "error_str",
    "error_information",
)
RESPONSE_PATHS = (
    "model", "service_tier", "usage.prompt_tokens", "usage.completion_tokens",
    *[f"usage.{p}" for p in USAGE_PATHS],
)


def _is_payload_row(r: dict[str, Any]) -> bool:
    return (
        "response_cost" in r
        and "call_type" in r
        and ("id" in r or "trace_id" in r)
        and "spend" not in r
        and "request_id" not in r
    )


class LiteLLMPayload(Format):
    name = "litellm_payload"
    title = "LiteLLM StandardLoggingPayload (callback logs, JSONL)"
    schema = pl.Schema({f: S for f in PAYLOAD_FIELDS})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_payload_row(r) for r in sample_rows(sample))

    def records(self, doc: Any) -> Iterable[Any]:
        return doc_records(doc)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        h = set(header)
        return {"response_cost", "call_type"} <= h and bool({"id", "trace_id"} & h) and (
            "spend" not in h
        )

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return self.to_canonical(ensure_columns(frame, self.schema))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        c = pl.col
        frame = add_metadata_fields(frame)
        frame = add_json_fields(frame, c("response"), RESPONSE_PATHS, "_resp.")
        frame = add_json_fields(frame, c("model_parameters"), _REQUEST_PATHS, "_mp.",
                                text_paths=("tools",))
        frame = add_json_fields(
            frame, c("error_information"), ("error_class", "error_code"), "_err."
        )
        frame = _add_messages(frame)
        messages = c("messages")
        frame = frame.with_columns(
            pl.coalesce(num("prompt_tokens"), num("_resp.usage.prompt_tokens")).alias("_prompt"),
            pl.coalesce(num("completion_tokens"), num("_resp.usage.completion_tokens")).alias(
                "_completion"
            ),
            _failed(c("status"), blank_null("error_str")).alias("_failed"),
        )
        frame = add_litellm_tokens(
            frame, [_MD + "usage_object.", "_resp.usage.", _MD + "additional_usage_values."]
        )
        failed = c("_failed")
        out = _add_times(frame).with_columns(
            pl.coalesce(blank_null("id"), blank_null("trace_id")).alias("request_id"),
            c("_start").alias("timestamp"),
            c("startTime").alias("_ts_raw"),
            provider_hint(c("custom_llm_provider")).alias("provider"),
            pl.coalesce(blank_null("model"), c("_resp.model"), blank_null("model_group")).alias(
                "model_raw"
            ),
            pl.coalesce(
                c("_resp.service_tier"), c("_mp.service_tier"), c(_MD + "usage_object.service_tier")
            ).alias("service_tier"),
            _status(failed, _is_cache_hit(c("id"), c("cache_hit"))).alias("status"),
            pl.coalesce(
                ms_between(c("_start"), c("_end")), soft_num("response_time") * 1000.0
            ).alias("latency_ms"),
            first_token_ms(c("_start"), c("_first")),
            soft_num("response_cost").alias("logged_cost_usd"),
            litellm_metadata(
                api_key_hash=c(_MD + "user_api_key_hash"),
                user=c(_MD + "user_api_key_user_id"),
                team_id=c(_MD + "user_api_key_team_id"),
                org=c(_MD + "user_api_key_org_id"),
                end_user=c("end_user"),
                session=c(_MD + "session_id"),
                trace=c("trace_id"),
                tags=tags_text(c("request_tags")),
                model_group=c("model_group"),
                call_type=c("call_type"),
                cache_hit=_is_cache_hit(c("id"), c("cache_hit")),
                error=pl.when(failed).then(
                    pl.coalesce(c("_err.error_class"), c("_err.error_code"), pl.lit("failure"))
                ),
            ).alias("metadata"),
            pl.coalesce(
                c("_user_from_msgs"), pl.when(~looks_json(messages)).then(blank_null(messages))
            ).alias("user_text"),
            _has_tools(c("_mp.tools")).alias("has_tools"),
            *_signals(c("response"), c("_mp.response_format.type"),
                      blank_null("model_parameters").is_not_null()),
        )
        return out.select(_OUT)


ORDER = 50
FORMATS = (LiteLLMSpendLogs(), LiteLLMPayload())
