"""Helicone request exports (``@helicone/export``): JSONL / JSON and the fixed-column CSV.

Accepted layouts (log_formats.md §9a):

- JSONL or a JSON array of ``HeliconeRequest`` objects as the CLI writes them (snake_case:
  ``request_id``, ``request_created_at``, ``request_properties``, ``provider``,
  ``response_status``, ``delay_ms``, ``prompt_tokens``, ``prompt_cache_read_tokens``,
  ``prompt_cache_write_tokens``, ``completion_tokens``, ``costUSD``/``cost``, and with
  ``--include-body`` ``request_body``/``response_body``); also the REST page
  ``{"data": [...]}`` the CLI reads them from;
- the CLI's CSV with its fixed 12-column header ``response_id, response_created_at,
  response_status, request_created_at, request_body, request_properties, request_user_id,
  model, prompt_tokens, completion_tokens, latency, cost`` (objects JSON-encoded in cells,
  missing keys as empty cells; no provider and no cache columns).

Token convention — whether ``prompt_tokens`` includes the cache buckets depends on the
provider (Helicone's mappers copy the upstream's own convention):

- OpenAI-style providers (``OPENAI``, ``AZURE``, ``OPENROUTER``, and every provider not
  listed below): ``prompt_tokens`` already includes cached tokens, so
  ``input_tokens = prompt_tokens``; ``cache_read = prompt_cache_read_tokens``;
  ``cache_write = prompt_cache_write_tokens`` clamped to ``prompt_tokens - cache_read``.
- ``ANTHROPIC`` rows (and Claude models behind a non-OpenAI-style provider such as
  Bedrock or Vertex): ``prompt_tokens`` is the fresh (uncached) part, so
  ``input_tokens = prompt_tokens + prompt_cache_read_tokens + prompt_cache_write_tokens``
  (all cache writes count as 5-minute writes: Helicone does not split the TTL).
- Any other non-OpenAI-style provider whose cache buckets exceed ``prompt_tokens`` is
  treated as fresh too (an inclusive count cannot be smaller than its parts); for
  ``OPENAI``/``AZURE``/``OPENROUTER`` rows such a contradiction is rejected by validation.
- ``output_tokens = completion_tokens`` (no reasoning split in the export).

Other fields: ``response_status`` >= 400 (or Helicone's negative non-HTTP codes) → a
zero-token ``error`` row; ``delay_ms`` (CSV ``latency``) → ``latency_ms``; ``costUSD`` or
``cost`` → ``logged_cost_usd`` in USD — a value above 1,000 cannot be one request's USD
cost and is the ClickHouse integer USD × 1e9, so it is divided by 1e9 (this also covers
the brief's "> 1e6" rule, and typical ClickHouse values such as 95,000 = $0.000095);
``provider`` (OPENAI, ANTHROPIC, …) → lower-case provider hint. ``request_properties``
(custom ``Helicone-Property-*`` headers) become metadata keys: lower-cased, the
``helicone-property-`` prefix dropped, ``-``/spaces → ``_``, ``env`` → ``environment``,
``helicone-session-id`` → ``session``, ``helicone-user-id`` → ``user``;
``request_user_id`` → ``user``; ``prompt_id`` is kept. With ``--include-body``,
``request_body.messages`` (or ``system``/``input``/``instructions``) give ``system_text``
and ``user_text``; ``service_tier`` is read from the response or request body.

Ids: ``request_id`` (JSONL); the CSV has only ``response_id``, which is used instead.

Quality signals: ``time_to_first_token`` (ms) → ``ttft_ms``; ``feedback_rating`` (the user's
thumbs in Helicone: true up, false down) → ``feedback_flag``; with the bodies, the finish
reason, JSON asked for and JSON given (``_signals``).
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import MESSAGES, content_text, last_user_text, messages_text, meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsonl import parse_block

S = pl.String

FIELDS = (
    "request_id",
    "request_created_at",
    "request_path",
    "request_user_id",
    "request_properties",
    "request_model",
    "model_override",
    "response_id",
    "response_created_at",
    "response_status",
    "response_model",
    "model",
    "provider",
    "delay_ms",
    "latency",
    "time_to_first_token",
    "prompt_tokens",
    "prompt_cache_read_tokens",
    "prompt_cache_write_tokens",
    "completion_tokens",
    "costUSD",
    "cost",
    "prompt_id",
    "request_body",
    "response_body",
    "feedback_rating",
)
CSV_HEADER = (
    "response_id",
    "response_created_at",
    "response_status",
    "request_created_at",
    "request_body",
    "request_properties",
    "request_user_id",
    "model",
    "prompt_tokens",
    "completion_tokens",
    "latency",
    "cost",
)
# Providers whose usage is OpenAI-shaped: prompt_tokens includes the cached tokens.
OPENAI_STYLE = ("OPENAI", "AZURE", "OPENROUTER")
_PROVIDER_HINTS = {
    "bedrock": "aws", "aws": "aws", "vertex": "google", "vertexai": "google", "gemini": "google",
    "google": "google", "x": "x-ai", "xai": "x-ai", "mistralai": "mistral",
    "custom": None, "local": None, "helicone": None, "openrouter": None,
}
# Above this a "USD" cost is the ClickHouse integer USD × 1e9.
COST_SCALE_THRESHOLD = 1_000.0
_KEY_ALIASES = {
    "env": "environment",
    "helicone_session_id": "session",
    "helicone_session_name": "session_name",
    "helicone_session_path": "session_path",
    "helicone_user_id": "user",
    "user_id": "user",
}
_I, _USER, _PROMPT_ID = "__helicone_i", "__helicone_user", "__helicone_prompt_id"
_PROPS_KEY = re.compile(r'"((?:[^"\\]|\\.)*)"\s*:')
BODY_SCHEMA = pl.Schema(
    {
        "messages": MESSAGES,
        "system": S,
        "input": S,
        "instructions": S,
        "tools": S,
        "service_tier": S,
    }
)


class Helicone(Format):
    name = "helicone"
    title = "Helicone request export (JSONL / JSON / CSV)"
    schema = pl.Schema({f: S for f in FIELDS})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_helicone(r) for r in _flatten(sample.objects()))

    def records(self, doc: Any) -> list[Any]:
        return _flatten(doc if isinstance(doc, list) else [doc])

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        return tuple(h.lower() for h in header[:2]) == ("response_id", "response_created_at")

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return _canonical(frame)

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        frame = frame.rename({c: c.strip() for c in frame.columns if c != c.strip()})
        frame = frame.with_columns(
            pl.col(c).str.strip_chars().replace("", None) for c in frame.columns if c != "_line"
        )
        missing = [pl.lit(None, S).alias(f) for f in FIELDS if f not in frame.columns]
        return _canonical(frame.with_columns(missing) if missing else frame)


def _canonical(frame: pl.DataFrame) -> pl.DataFrame:
    def text(c: str) -> pl.Expr:
        return pl.col(c).str.strip_chars().replace("", None)

    provider = text("provider").str.to_uppercase()
    model = pl.coalesce(text("response_model"), text("model"), text("request_model"),
                        text("model_override"))
    prompt = num("prompt_tokens")
    read = num("prompt_cache_read_tokens").fill_null(0.0)
    write = num("prompt_cache_write_tokens").fill_null(0.0)
    openai_style = provider.is_in(OPENAI_STYLE).fill_null(False)
    fresh = (provider == "ANTHROPIC").fill_null(False) | (
        ~openai_style
        & (model.str.to_lowercase().str.contains("claude").fill_null(False)
           | ((read.fill_nan(0.0) + write.fill_nan(0.0)) > prompt).fill_null(False))
    )
    additive = prompt + read.fill_nan(0.0) + write.fill_nan(0.0)
    # a negative prompt count must not hide inside a positive sum
    input_tokens = pl.when(fresh).then(
        pl.when(prompt < 0).then(prompt).otherwise(additive)
    ).otherwise(prompt)
    write_part = pl.when(fresh).then(write).otherwise(
        pl.min_horizontal(write, (prompt.fill_null(0.0) - read).clip(0.0))
    )
    status_code = num("response_status")
    failed = ((status_code >= 400) | (status_code < 0)).fill_null(False)
    cost = pl.coalesce(num("costUSD"), num("cost")).fill_nan(None)
    cost = pl.when(cost > COST_SCALE_THRESHOLD).then(cost / 1e9).otherwise(cost)
    body = _body_columns(frame["request_body"])
    resp_body = pl.col("response_body")
    tier = pl.coalesce(
        resp_body.str.json_path_match("$.service_tier"),
        resp_body.str.json_path_match("$.usage.service_tier"),
        body["service_tier"],
    )
    tokens = {
        "input_tokens": input_tokens,
        "cache_read_tokens": read,
        "cache_write_tokens": write_part,
        "output_tokens": num("completion_tokens"),
    }
    hint = provider.str.to_lowercase()
    out = frame.select(
        pl.col("_line"),
        pl.coalesce(text("request_id"), text("response_id")).alias("request_id"),
        pl.coalesce(ts("request_created_at"), ts("response_created_at")).alias("timestamp"),
        pl.coalesce(text("request_created_at"), text("response_created_at")).alias("_ts_raw"),
        hint.replace_strict(_PROVIDER_HINTS, default=hint, return_dtype=S).alias("provider"),
        model.alias("model_raw"),
        *[pl.when(failed).then(0.0).otherwise(e).alias(k) for k, e in tokens.items()],
        tier.alias("service_tier"),
        pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
        pl.coalesce(num("delay_ms"), num("latency")).fill_nan(None).alias("latency_ms"),
        cost.alias("logged_cost_usd"),
        num("time_to_first_token").fill_nan(None).alias("ttft_ms"),
        # a user's rating in Helicone: true is a thumbs up, false a thumbs down
        text("feedback_rating").str.to_lowercase().replace_strict(
            {"true": False, "1": False, "false": True, "0": True}, default=None, return_dtype=pl.Boolean)
        .alias("feedback_flag"),
        *_signals(pl.col("request_body"), resp_body),
        text("request_user_id").alias("_user"),
        text("prompt_id").alias("_prompt_id"),
    )
    out = out.with_columns(
        _metadata(frame["request_properties"], out["_user"], out["_prompt_id"]).alias("metadata"),
        body["system_text"].alias("system_text"),
        body["user_text"].alias("user_text"),
        body["message_count"].alias("message_count"),
        body["has_tools"].alias("has_tools"),
    )
    return out.drop("_user", "_prompt_id")


# --- request_properties → metadata ------------------------------------------------------


def _meta_key(raw: str) -> str:
    k = raw.strip().lower()
    k = k.removeprefix("helicone-property-")
    k = re.sub(r"[\s\-]+", "_", k)
    return _KEY_ALIASES.get(k, k)


def _metadata(props: pl.Series, user: pl.Series, prompt_id: pl.Series) -> pl.Series:
    """Metadata JSON per row from the ``request_properties`` map, user and prompt id."""
    compact = props.str.json_path_match("$")
    compact = pl.select(
        pl.when(compact.str.starts_with("{")).then(compact).otherwise(None)
    ).to_series()
    raw_keys: list[str] = []
    if compact.null_count() < len(compact):
        found = compact.str.extract_all(_PROPS_KEY.pattern).explode().drop_nulls()
        for k in found.str.extract(_PROPS_KEY.pattern, 1).unique().sort().to_list():
            if k and "\\" not in k and k != "_line" and not k.startswith("__helicone"):
                raw_keys.append(k)
    cols: dict[str, list[pl.Expr]] = {}
    table = pl.DataFrame()
    if raw_keys:
        block = (compact.fill_null("{}").str.join("\n")[0] + "\n").encode()
        parsed = parse_block(block, 0, pl.Schema({k: S for k in raw_keys}))
        table = (
            pl.DataFrame({_I: pl.int_range(0, len(props), eager=True)})
            .join(parsed.frame.rename({"_line": _I}), on=_I, how="left")
            .sort(_I)
        )
        for k in raw_keys:
            cols.setdefault(_meta_key(k), []).append(pl.col(k).replace("", None))
    fields = {k: pl.coalesce(v) if len(v) > 1 else v[0] for k, v in cols.items()}
    fields["user"] = pl.coalesce(pl.col(_USER), *(cols.get("user", [])))
    fields["prompt_id"] = pl.coalesce(pl.col(_PROMPT_ID), *(cols.get("prompt_id", [])))
    base = table if raw_keys else pl.DataFrame({_I: pl.int_range(0, len(props), eager=True)})
    base = base.with_columns(user.alias(_USER), prompt_id.alias(_PROMPT_ID))
    return base.select(meta(**fields).alias("metadata")).to_series()


# --- request_body → prompt text ----------------------------------------------------------


def _signals(request: pl.Expr, response: pl.Expr) -> list[pl.Expr]:
    """Finish reason, JSON asked for and JSON given, from the bodies (``--include-body``): an
    OpenAI-style response's first choice or an Anthropic message's ``stop_reason``; the
    request's ``response_format`` (or Anthropic ``output_format``) type."""
    logged = request.str.strip_chars().str.starts_with("{").fill_null(False)
    asked = pl.coalesce(request.str.json_path_match("$.response_format.type"),
                        request.str.json_path_match("$.output_format.type"))
    requested = signals.json_requested(asked, logged)
    answer = pl.coalesce(response.str.json_path_match("$.choices[0].message.content"),
                         response.str.json_path_match("$.content[0].text"))
    return [
        signals.finish_reason(pl.coalesce(response.str.json_path_match("$.choices[0].finish_reason"),
                                          response.str.json_path_match("$.stop_reason"))).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def _body_columns(bodies: pl.Series) -> pl.DataFrame:
    """system/user text, message count, tools and service tier from request-body JSON."""
    n = len(bodies)
    empty = pl.DataFrame(
        {
            "system_text": pl.Series([None] * n, dtype=S),
            "user_text": pl.Series([None] * n, dtype=S),
            "message_count": pl.Series([None] * n, dtype=pl.Int32),
            "has_tools": pl.Series([None] * n, dtype=pl.Boolean),
            "service_tier": pl.Series([None] * n, dtype=S),
        }
    )
    compact = bodies.str.json_path_match("$")
    compact = pl.select(pl.when(compact.str.starts_with("{")).then(compact)).to_series()
    if compact.null_count() == n:
        return empty
    block = (compact.fill_null("{}").str.join("\n")[0] + "\n").encode()
    parsed = parse_block(block, 0, BODY_SCHEMA).frame
    table = (
        pl.DataFrame({_I: pl.int_range(0, n, eager=True), "_has": compact.is_not_null()})
        .join(parsed.rename({"_line": _I}), on=_I, how="left")
        .sort(_I)
    )
    messages = pl.col("messages")
    tools = pl.col("tools")
    return table.select(
        pl.coalesce(
            messages_text(messages, ("system", "developer")),
            content_text(pl.col("system")),
            content_text(pl.col("instructions")),
        ).alias("system_text"),
        pl.coalesce(last_user_text(messages), content_text(pl.col("input")))
        .replace("", None)
        .alias("user_text"),
        messages.list.len().cast(pl.Int32).alias("message_count"),
        pl.when(pl.col("_has"))
        .then(tools.is_not_null() & (tools.str.strip_chars() != "[]"))
        .alias("has_tools"),
        pl.col("service_tier"),
    )


# --- detection ---------------------------------------------------------------------------


def _flatten(records: list[Any]) -> list[Any]:
    """Records, with a REST page ``{"data": [...]}`` replaced by its items."""
    out: list[Any] = []
    for r in records:
        if isinstance(r, dict) and isinstance(r.get("data"), list) and "request_id" not in r:
            out.extend(r["data"])
        else:
            out.append(r)
    return out


def _is_helicone(r: Any) -> bool:
    return (
        isinstance(r, dict)
        and "request_id" in r
        and "request_created_at" in r
        and ("provider" in r or "response_status" in r)
    )


ORDER = 70
FORMATS = (Helicone(),)
