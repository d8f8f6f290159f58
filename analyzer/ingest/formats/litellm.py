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
status ``ok`` and ``cache_hit: "true"`` in the metadata. ``status: "failure"`` (or a
payload ``error_str``) is an error row with zero tokens. ``metadata`` is an object or a
JSON-encoded string: it is read as text and queried with ``str.json_path_match``.
Metadata keys: ``api_key`` (key alias, else the hashed key), ``api_key_hash``, ``team``
(alias, else id), ``user``, ``end_user``, ``session``, ``trace``, ``tags``
(``request_tags``), ``model_group``, ``call_type``, ``cache_hit``, plus every flat key of
the caller's ``spend_logs_metadata`` (``project``, ``feature``, ...).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from analyzer.ingest.exprs import (
    MESSAGES,
    NAN,
    last_user_text,
    messages_text,
    meta,
    num,
    ts,
)
from analyzer.ingest.formats.base import Format, Sample

S = pl.String

# ---------------------------------------------------------------------------------------
# Helpers shared with the Langfuse adapter
# ---------------------------------------------------------------------------------------


def blank_null(e: pl.Expr | str) -> pl.Expr:
    """A text field with empty / whitespace-only values as null."""
    e = pl.col(e) if isinstance(e, str) else e
    return pl.when(e.str.strip_chars() == "").then(None).otherwise(e)


def jp(e: pl.Expr, path: str) -> pl.Expr:
    """``json_path_match`` that treats a blank result as missing."""
    return blank_null(e.str.json_path_match(path))


def soft_num(e: pl.Expr | str) -> pl.Expr:
    """A non-token number (cost, latency): null when absent or not a number.

    Token counts use ``exprs.num`` so a bad value rejects the line; a bad cost or latency
    only loses that value.
    """
    e = pl.col(e) if isinstance(e, str) else e
    v = e.cast(S).str.strip_chars().cast(pl.Float64, strict=False)
    return pl.when(v.is_nan() | v.is_infinite()).then(None).otherwise(v)


def nan_max(*es: pl.Expr) -> pl.Expr:
    """Largest of the present values; NaN when any is NaN (so validation rejects it)."""
    return (
        pl.when(pl.any_horizontal([e.is_nan() for e in es]))
        .then(NAN)
        .otherwise(pl.max_horizontal(*es))
    )


def nan_min(x: pl.Expr, hi: pl.Expr) -> pl.Expr:
    """``min(x, hi)`` that keeps a NaN ``x`` (polars' min_horizontal would drop it)."""
    return pl.when(x.is_nan()).then(NAN).otherwise(pl.min_horizontal(x, hi))


def ensure_columns(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """Missing read-schema columns as null strings (CSV exports may leave columns out)."""
    missing = [pl.lit(None, S).alias(c) for c in schema.names() if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def doc_records(doc: Any) -> list[Any]:
    """Records of a JSON document: a list's items, a ``{"data": [...]}`` page, or itself."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict) and isinstance(doc.get("data"), list):
        return doc["data"]
    return [doc]


def sample_rows(sample: Sample) -> list[dict[str, Any]]:
    """The sample's objects, looking inside ``{"data": [...]}`` pages."""
    rows: list[dict[str, Any]] = []
    for r in sample.objects():
        data = r.get("data")
        if isinstance(data, list):
            rows.extend(x for x in data if isinstance(x, dict))
        else:
            rows.append(r)
    return rows


_STRING = r'"((?:[^"\\]|\\.)*)"'


def tags_text(e: pl.Expr) -> pl.Expr:
    """A JSON array of tags (or one plain tag) as comma-joined text; null when empty."""
    is_list = e.str.strip_chars().str.starts_with("[")
    joined = (
        e.str.extract_all(_STRING)
        .list.eval(pl.element().str.extract(_STRING, 1).str.replace_all(r'\\"', '"'))
        .list.join(",")
    )
    return blank_null(pl.when(is_list).then(joined).otherwise(e))


_NULL_PAIR_MID = r'"[^"\\]*":null,'
_NULL_PAIR_END = r',"[^"\\]*":null\}'
_NULL_PAIR_ONLY = r'\{"[^"\\]*":null\}'


def drop_null_keys(e: pl.Expr) -> pl.Expr:
    """Remove ``"key":null`` members from the compact JSON object ``exprs.meta`` builds."""
    return (
        e.str.replace_all(_NULL_PAIR_MID, "")
        .str.replace_all(_NULL_PAIR_END, "}")
        .str.replace_all(_NULL_PAIR_ONLY, "{}")
    )


_PAIR = r'"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)'


def merge_flat(
    base: pl.Expr, extra: pl.Expr, exclude: Sequence[str], skip_prefixes: Sequence[str] = ()
) -> pl.Expr:
    """Add the scalar members of the flat JSON object ``extra`` to the object ``base``.

    Values become strings; keys in ``exclude`` (the ones ``base`` sets itself), keys
    starting with one of ``skip_prefixes`` and null values are left out. An ``extra``
    that nests objects or lists adds nothing.
    """
    text = extra.str.strip_chars()
    flat = text.str.starts_with("{") & ~text.str.slice(1).str.contains(r"[\{\[]")
    key = pl.element().str.extract(_PAIR, 1)
    value = pl.element().str.extract(_PAIR, 2)
    skipped = pl.any_horizontal(pl.lit(False), *[key.str.starts_with(p) for p in skip_prefixes])
    quoted = pl.when(value.str.starts_with('"')).then(value).otherwise(
        pl.concat_str([pl.lit('"'), value, pl.lit('"')])
    )
    pairs = (
        pl.when(flat)
        .then(text)
        .otherwise(None)
        .str.extract_all(_PAIR)
        .list.eval(
            pl.concat_str([pl.lit('"'), key, pl.lit('":'), quoted]).filter(
                ~key.is_in(list(exclude))
                & (value != "null")
                & ~skipped
            )
        )
        .list.join(",")
    )
    has = pairs.is_not_null() & (pairs != "")
    return (
        pl.when(~has)
        .then(base)
        .when(base == "{}")
        .then(pl.concat_str([pl.lit("{"), pairs, pl.lit("}")]))
        .otherwise(pl.concat_str([base.str.strip_suffix("}"), pl.lit(","), pairs, pl.lit("}")]))
    )


# LiteLLM ``custom_llm_provider`` (and LangChain ``ls_provider``) -> model_ids provider hint
_PROVIDERS: dict[str, str | None] = {
    "bedrock": "aws", "bedrock_converse": "aws", "sagemaker": "aws", "sagemaker_chat": "aws",
    "vertex_ai": "google", "vertex_ai_beta": "google", "gemini": "google",
    "google_genai": "google", "google_vertexai": "google", "google_anthropic_vertex": "google",
    "azure": "azure", "azure_ai": "azure", "azure_text": "azure",
    "text-completion-openai": "openai", "together_ai": "together", "fireworks_ai": "fireworks",
    "xai": "x-ai", "amazon_bedrock": "aws",
    "openrouter": None, "litellm_proxy": None, "hosted_vllm": None, "openai_like": None,
    "custom_openai": None,
}


def provider_hint(e: pl.Expr) -> pl.Expr:
    low = blank_null(e).str.strip_chars().str.to_lowercase()
    return low.replace(_PROVIDERS)


def _wrapped_lines(texts: pl.Series) -> pl.Series:
    """``{"m": <messages JSON>}`` per row (``{"m":null}`` where it is not a list of objects)."""
    t = texts.cast(S).str.strip_chars()
    ok = t.str.contains(r"^\[\s*(\{|\])") & t.str.ends_with("]")
    return pl.select(
        pl.when(ok.fill_null(False))
        .then(pl.concat_str([pl.lit('{"m":'), t.str.replace_all(r"[\r\n]+", " "), pl.lit("}")]))
        .otherwise(pl.lit('{"m":null}'))
    ).to_series()


def _read_messages(lines: pl.Series) -> pl.Series | None:
    if lines.len() == 0:
        return pl.Series("m", [], MESSAGES)
    data = (lines.str.join("\n").item() + "\n").encode()
    try:
        frame = pl.read_ndjson(io.BytesIO(data), schema={"m": MESSAGES})
    except (pl.exceptions.PolarsError, ValueError):
        return None
    return frame["m"] if frame.height == lines.len() else None


def decode_messages(texts: pl.Series) -> pl.Series:
    """``List(Struct{role, content})`` from message-list JSON texts; null where unreadable.

    ``str.json_decode`` fails the whole column on one odd value (content given as a list
    of parts, a string element...), while the NDJSON reader turns nested content into its
    JSON text. Rows are read together; a failing block is bisected so only the rows
    that cannot be read lose their messages.
    """
    lines = _wrapped_lines(texts)

    def read(part: pl.Series) -> pl.Series:
        got = _read_messages(part)
        if got is not None:
            return got
        if part.len() == 1:
            return pl.Series("m", [None], MESSAGES)
        mid = part.len() // 2
        return pl.concat([read(part.slice(0, mid)), read(part.slice(mid))])

    return read(lines).alias("_msgs")


def looks_json(e: pl.Expr) -> pl.Expr:
    s = e.str.strip_chars()
    return s.str.starts_with("{") | s.str.starts_with("[")


def latency_ms(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    return (ts(end) - ts(start)).dt.total_microseconds().cast(pl.Float64) / 1000.0


# ---------------------------------------------------------------------------------------
# Token columns (both LiteLLM adapters)
# ---------------------------------------------------------------------------------------


def _usage_value(sources: Sequence[tuple[pl.Expr, str]], path: str) -> pl.Expr:
    return pl.coalesce([num(jp(text, f"{prefix}.{path}")) for text, prefix in sources])


def litellm_tokens(
    prompt: pl.Expr, completion: pl.Expr, failed: pl.Expr, sources: Sequence[tuple[pl.Expr, str]]
) -> list[pl.Expr]:
    """Canonical token columns from OpenAI-style counts plus LiteLLM usage details."""

    def u(path: str) -> pl.Expr:
        return _usage_value(sources, path)

    read = nan_max(
        u("cache_read_input_tokens"), u("prompt_tokens_details.cached_tokens")
    ).fill_null(0.0)
    write = nan_max(
        u("cache_creation_input_tokens"),
        u("prompt_tokens_details.cache_creation_tokens"),
        u("prompt_tokens_details.cache_write_tokens"),
    ).fill_null(0.0)
    write_1h = pl.coalesce(
        u("prompt_tokens_details.cache_creation_token_details.ephemeral_1h_input_tokens"),
        u("cache_creation.ephemeral_1h_input_tokens"),
    ).fill_null(0.0)
    reasoning = u("completion_tokens_details.reasoning_tokens").fill_null(0.0)
    # older versions: prompt_tokens = uncached + cache reads (writes were left out)
    legacy = ((read + write) > prompt) & ~prompt.is_nan()
    input_tokens = pl.when(legacy.fill_null(False)).then(prompt + write).otherwise(prompt)
    read_c = nan_min(read, input_tokens)
    write_c = nan_min(write, (input_tokens - read_c).clip(0.0))
    write_1h_c = nan_min(write_1h, write_c)

    def zero_if_failed(e: pl.Expr) -> pl.Expr:
        return pl.when(failed).then(0.0).otherwise(e)

    return [
        zero_if_failed(input_tokens).alias("input_tokens"),
        zero_if_failed(read_c).alias("cache_read_tokens"),
        zero_if_failed(write_c - write_1h_c).alias("cache_write_tokens"),
        zero_if_failed(write_1h_c).alias("cache_write_1h_tokens"),
        zero_if_failed(completion).alias("output_tokens"),
        zero_if_failed(nan_min(reasoning, completion.fill_nan(None).fill_null(0.0))).alias(
            "reasoning_tokens"
        ),
    ]


# metadata keys the adapters set themselves (spend_logs_metadata keys of the same name yield)
_META_KEYS = (
    "project", "feature", "task", "environment", "user", "team", "team_id", "org",
    "api_key", "api_key_hash", "end_user", "session", "trace", "tags", "model_group",
    "call_type", "cache_hit", "error",
)


def _caller_key(sources: Iterable[pl.Expr], key: str) -> pl.Expr:
    return pl.coalesce([jp(s, f"$.{key}") for s in sources])


def litellm_metadata(
    md: pl.Expr,
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
    caller = jp(md, "$.spend_logs_metadata")
    requester = jp(md, "$.requester_metadata")
    callers = (caller, requester)
    alias = jp(md, "$.user_api_key_alias")
    base = meta(
        project=_caller_key(callers, "project"),
        feature=_caller_key(callers, "feature"),
        task=_caller_key(callers, "task"),
        environment=pl.coalesce(_caller_key(callers, "environment"), _caller_key(callers, "env")),
        user=pl.coalesce(blank_null(user), jp(md, "$.user_api_key_user_id")),
        team=pl.coalesce(jp(md, "$.user_api_key_team_alias"), blank_null(team_id),
                         jp(md, "$.user_api_key_team_id")),
        team_id=pl.coalesce(blank_null(team_id), jp(md, "$.user_api_key_team_id")),
        org=pl.coalesce(blank_null(org), jp(md, "$.user_api_key_org_id")),
        api_key=pl.coalesce(alias, blank_null(api_key_hash)),
        api_key_hash=blank_null(api_key_hash),
        end_user=pl.coalesce(blank_null(end_user), jp(md, "$.user_api_key_end_user_id")),
        session=blank_null(session),
        trace=blank_null(trace),
        tags=tags,
        model_group=blank_null(model_group),
        call_type=blank_null(call_type),
        cache_hit=pl.when(cache_hit).then(pl.lit("true")),
        error=error,
    )
    return merge_flat(drop_null_keys(base), caller, _META_KEYS)


def _is_cache_hit(request_id: pl.Expr, flag: pl.Expr) -> pl.Expr:
    return (
        request_id.str.contains("_cache_hit", literal=True).fill_null(False)
        | flag.str.to_lowercase().is_in(["true", "1"]).fill_null(False)
    )


def _prompt_text(frame: pl.DataFrame, texts: pl.Expr) -> tuple[pl.DataFrame, list[pl.Expr]]:
    """Decoded messages and the text columns they give."""
    frame = frame.with_columns(decode_messages(frame.select(texts.alias("t"))["t"]))
    msgs = pl.col("_msgs")
    return frame, [
        messages_text(msgs, ("system", "developer")).alias("system_text"),
        last_user_text(msgs).alias("_user_from_msgs"),
        msgs.list.len().cast(pl.Int32).alias("message_count"),
    ]


def _has_tools(*texts: pl.Expr) -> pl.Expr:
    tools = pl.coalesce([jp(t, "$.tools") for t in texts])
    return tools.is_not_null() & ~tools.is_in(["[]", "{}", "null"])


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
        md = pl.col("metadata")
        psr = pl.col("proxy_server_request")
        messages = pl.col("messages")
        msg_texts = pl.coalesce(
            pl.when(messages.str.strip_chars().str.starts_with("[")).then(messages),
            jp(messages, "$.messages"),
            jp(psr, "$.messages"),
        )
        frame, text_cols = _prompt_text(frame, msg_texts)
        status = pl.col("status").str.strip_chars().str.to_lowercase()
        failed = status.is_in(["failure", "failed", "error"]).fill_null(False)
        cache_hit = _is_cache_hit(pl.col("request_id"), pl.col("cache_hit"))
        usage_sources = [(md, "$.usage_object"), (md, "$.additional_usage_values")]
        tier = pl.coalesce(
            jp(md, "$.usage_object.service_tier"),
            jp(md, "$.additional_usage_values.service_tier"),
            jp(psr, "$.service_tier"),
        )
        plain_prompt = pl.when(~looks_json(messages)).then(blank_null(messages))
        out = frame.select(
            pl.col("_line"),
            blank_null("request_id").alias("request_id"),
            ts("startTime").alias("timestamp"),
            pl.col("startTime").alias("_ts_raw"),
            provider_hint(pl.col("custom_llm_provider")).alias("provider"),
            pl.coalesce(blank_null("model"), blank_null("model_group")).alias("model_raw"),
            *litellm_tokens(num("prompt_tokens"), num("completion_tokens"), failed, usage_sources),
            tier.alias("service_tier"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            pl.coalesce(
                soft_num("request_duration_ms"),
                latency_ms(pl.col("startTime"), pl.col("endTime")),
            ).alias("latency_ms"),
            soft_num("spend").alias("logged_cost_usd"),
            litellm_metadata(
                md,
                api_key_hash=pl.col("api_key"),
                user=pl.col("user"),
                team_id=pl.col("team_id"),
                org=pl.col("organization_id"),
                end_user=pl.col("end_user"),
                session=pl.col("session_id"),
                trace=pl.lit(None, S),
                tags=tags_text(pl.col("request_tags")),
                model_group=pl.col("model_group"),
                call_type=pl.col("call_type"),
                cache_hit=cache_hit,
                error=pl.when(failed).then(
                    pl.coalesce(
                        jp(md, "$.error_information.error_class"),
                        jp(md, "$.error_information.error_code"),
                        pl.lit("failure"),
                    )
                ),
            ).alias("metadata"),
            *text_cols,
            plain_prompt.alias("_plain_prompt"),
            _has_tools(psr).alias("has_tools"),
        )
        return out.with_columns(
            pl.coalesce("_user_from_msgs", "_plain_prompt").alias("user_text")
        ).drop("_user_from_msgs", "_plain_prompt")


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
        md = pl.col("metadata")
        resp = pl.col("response")
        params = pl.col("model_parameters")
        messages = pl.col("messages")
        msg_texts = pl.coalesce(
            pl.when(messages.str.strip_chars().str.starts_with("[")).then(messages),
            jp(messages, "$.messages"),
        )
        frame, text_cols = _prompt_text(frame, msg_texts)
        status = pl.col("status").str.strip_chars().str.to_lowercase()
        error_str = blank_null(pl.col("error_str"))
        failed = (status.is_in(["failure", "failed", "error"]) | error_str.is_not_null()).fill_null(
            False
        )
        cache_hit = _is_cache_hit(pl.col("id"), pl.col("cache_hit"))
        usage_sources = [
            (md, "$.usage_object"), (resp, "$.usage"), (md, "$.additional_usage_values")
        ]
        prompt = pl.coalesce(num("prompt_tokens"), num(jp(resp, "$.usage.prompt_tokens")))
        completion = pl.coalesce(
            num("completion_tokens"), num(jp(resp, "$.usage.completion_tokens"))
        )
        start, end = pl.col("startTime"), pl.col("endTime")
        plain_prompt = pl.when(~looks_json(messages)).then(blank_null(messages))
        out = frame.select(
            pl.col("_line"),
            pl.coalesce(blank_null("id"), blank_null("trace_id")).alias("request_id"),
            ts(start).alias("timestamp"),
            start.alias("_ts_raw"),
            provider_hint(pl.col("custom_llm_provider")).alias("provider"),
            pl.coalesce(blank_null("model"), jp(resp, "$.model"), blank_null("model_group")).alias(
                "model_raw"
            ),
            *litellm_tokens(prompt, completion, failed, usage_sources),
            pl.coalesce(jp(resp, "$.service_tier"), jp(params, "$.service_tier"),
                        jp(md, "$.usage_object.service_tier")).alias("service_tier"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            pl.coalesce(latency_ms(start, end), soft_num("response_time") * 1000.0).alias(
                "latency_ms"
            ),
            soft_num("response_cost").alias("logged_cost_usd"),
            litellm_metadata(
                md,
                api_key_hash=jp(md, "$.user_api_key_hash"),
                user=jp(md, "$.user_api_key_user_id"),
                team_id=jp(md, "$.user_api_key_team_id"),
                org=jp(md, "$.user_api_key_org_id"),
                end_user=pl.col("end_user"),
                session=jp(md, "$.session_id"),
                trace=pl.col("trace_id"),
                tags=tags_text(pl.col("request_tags")),
                model_group=pl.col("model_group"),
                call_type=pl.col("call_type"),
                cache_hit=cache_hit,
                error=pl.when(failed).then(
                    pl.coalesce(
                        jp(pl.col("error_information"), "$.error_class"),
                        jp(pl.col("error_information"), "$.error_code"),
                        pl.lit("failure"),
                    )
                ),
            ).alias("metadata"),
            *text_cols,
            plain_prompt.alias("_plain_prompt"),
            _has_tools(params).alias("has_tools"),
        )
        return out.with_columns(
            pl.coalesce("_user_from_msgs", "_plain_prompt").alias("user_text")
        ).drop("_user_from_msgs", "_plain_prompt")


ORDER = 50
FORMATS = (LiteLLMSpendLogs(), LiteLLMPayload())

__all__ = [
    "FORMATS",
    "ORDER",
    "blank_null",
    "decode_messages",
    "doc_records",
    "drop_null_keys",
    "ensure_columns",
    "jp",
    "looks_json",
    "merge_flat",
    "nan_max",
    "nan_min",
    "provider_hint",
    "sample_rows",
    "soft_num",
    "tags_text",
]
