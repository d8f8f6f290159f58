"""OpenRouter generation records (``GET /api/v1/generation?id=gen-…``).

Accepted layouts (log_formats.md §9b): JSONL whose lines are ``{"data": {...}}`` responses
or the bare inner objects; a JSON document holding one response, a JSON array of either
shape, or ``{"data": [...]}`` with several records.

Token convention — bill from the model's **native** counts, never from the normalized
``tokens_prompt``/``tokens_completion`` (GPT-tokenizer counts OpenRouter uses for ranking):

- ``input_tokens`` = ``native_tokens_prompt`` (OpenAI style: cached tokens included);
- ``cache_read_tokens`` = ``native_tokens_cached`` (a part of the prompt; if it exceeds the
  prompt validation rejects the line);
- ``output_tokens`` = ``native_tokens_completion`` (includes reasoning);
- ``reasoning_tokens`` = ``native_tokens_reasoning``;
- no cache-write count is exposed, so cache writes are 0.
- A record with no native counts at all (older records) falls back to the normalized
  counts and is marked ``tokens_estimated``; a file of only such records is still detected
  (``tokens_prompt``/``tokens_completion`` with ``provider_name`` or a ``gen-`` id).

Other fields: ``total_cost`` (else ``usage``; credits = USD) → ``logged_cost_usd``; for BYOK
requests (``is_byok``) that is only OpenRouter's fee, so ``upstream_inference_cost`` (what the
upstream provider charged) is added. ``latency`` (ms) → ``latency_ms``. ``cancelled`` →
status ``canceled`` and ``finish_reason == "error"`` → ``error``; their native counts are
kept, because OpenRouter bills the tokens a cancelled or failed stream consumed.
``model`` ("anthropic/claude-sonnet-4.5") is kept as ``model_raw``; the provider hint is the
model's prefix, else ``provider_name``. ``service_tier`` passes through.
Metadata: ``user`` (``external_user``), ``app`` (``app_id``), ``upstream``
(``provider_name``), ``origin``, ``api_type``, ``preset``, ``byok``, ``streamed``,
``finish_reason``. There is no prompt text in these records.

Quality signals (``signals.py``): ``finish_reason`` (OpenRouter's normalised value), else
``native_finish_reason`` (the upstream provider's own) → finish_reason. The records hold
neither the request nor the answer's text, so json_requested and json_valid stay null.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import blank_null

S = pl.String

FIELDS = (
    "id",
    "upstream_id",
    "created_at",
    "model",
    "provider_name",
    "origin",
    "app_id",
    "streamed",
    "cancelled",
    "finish_reason",
    "native_finish_reason",
    "latency",
    "generation_time",
    "tokens_prompt",
    "tokens_completion",
    "native_tokens_prompt",
    "native_tokens_completion",
    "native_tokens_reasoning",
    "native_tokens_cached",
    "total_cost",
    "usage",
    "upstream_inference_cost",
    "cache_discount",
    "is_byok",
    "external_user",
    "api_type",
    "service_tier",
    "preset_id",
)
INNER = {f: S for f in FIELDS}

# Model prefix (the model's maker) → provider hint.
_PREFIX_HINTS = {
    "anthropic": "anthropic", "openai": "openai", "google": "google", "mistralai": "mistral",
    "x-ai": "x-ai", "deepseek": "deepseek", "meta-llama": "meta", "cohere": "cohere",
    "moonshotai": "moonshotai", "z-ai": "zai", "perplexity": "perplexity", "minimax": "minimax",
}
# provider_name (the upstream that served it) → provider hint.
_UPSTREAM_HINTS = {
    "anthropic": "anthropic", "openai": "openai", "google": "google",
    "google ai studio": "google", "google vertex": "google", "amazon bedrock": "aws",
    "azure": "azure", "mistral": "mistral", "xai": "x-ai", "deepseek": "deepseek",
    "together": "together", "fireworks": "fireworks", "groq": "groq", "cerebras": "cerebras",
    "cohere": "cohere", "perplexity": "perplexity", "novita": "novita",
}


class OpenRouter(Format):
    name = "openrouter"
    title = "OpenRouter generation records"
    schema = pl.Schema({"data": pl.Struct(INNER), **INNER})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_generation(r) for r in self.records(sample.objects()))

    def records(self, doc: Any) -> list[Any]:
        out: list[Any] = []
        for r in doc if isinstance(doc, list) else [doc]:
            if isinstance(r, dict) and isinstance(r.get("data"), list):
                out.extend(r["data"])
            else:
                out.append(r)
        return out

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        data = pl.col("data")

        def f(name: str) -> pl.Expr:  # a field of {"data": {...}}, else the bare one
            return pl.coalesce(data.struct.field(name), pl.col(name))

        def flag(name: str) -> pl.Expr:
            return f(name).str.strip_chars().str.to_lowercase().is_in(["true", "1"])

        native = [f(c) for c in ("native_tokens_prompt", "native_tokens_completion",
                                 "native_tokens_reasoning", "native_tokens_cached")]
        has_native = pl.any_horizontal(e.is_not_null() for e in native)
        prompt = pl.when(has_native).then(num(native[0])).otherwise(num(f("tokens_prompt")))
        completion = pl.when(has_native).then(num(native[1])).otherwise(
            num(f("tokens_completion"))
        )
        estimated = ~has_native & (
            f("tokens_prompt").is_not_null() | f("tokens_completion").is_not_null()
        )
        byok = flag("is_byok")
        cost = pl.coalesce(num(f("total_cost")), num(f("usage"))).fill_nan(None)
        upstream_cost = num(f("upstream_inference_cost")).fill_nan(None).fill_null(0.0)
        cost = pl.when(byok).then(cost + upstream_cost).otherwise(cost)
        finish = f("finish_reason").str.to_lowercase()
        status = (
            pl.when(flag("cancelled"))
            .then(pl.lit("canceled"))
            .when((finish == "error").fill_null(False))
            .then(pl.lit("error"))
            .otherwise(pl.lit("ok"))
        )
        model = f("model").str.strip_chars().replace("", None)
        prefix = model.str.split("/").list.first().str.to_lowercase()
        upstream = f("provider_name").str.strip_chars().str.to_lowercase()
        hint = pl.coalesce(
            pl.when(model.str.contains("/")).then(
                prefix.replace_strict(_PREFIX_HINTS, default=None, return_dtype=S)
            ),
            upstream.replace_strict(_UPSTREAM_HINTS, default=upstream, return_dtype=S),
        )
        metadata = meta(**
            {
                "user": f("external_user"),
                "app": f("app_id"),
                "upstream": f("provider_name"),
                "origin": f("origin"),
                "api_type": f("api_type"),
                "preset": f("preset_id"),
                "byok": pl.when(byok).then(pl.lit("true")),
                "streamed": f("streamed").str.to_lowercase(),
                "finish_reason": f("finish_reason"),
            }
        )
        return frame.select(
            pl.col("_line"),
            f("id").alias("request_id"),
            ts(f("created_at")).alias("timestamp"),
            f("created_at").alias("_ts_raw"),
            hint.alias("provider"),
            model.alias("model_raw"),
            prompt.alias("input_tokens"),
            num(native[3]).fill_null(0.0).alias("cache_read_tokens"),
            completion.alias("output_tokens"),
            num(native[2]).fill_null(0.0).alias("reasoning_tokens"),
            estimated.alias("tokens_estimated"),
            f("service_tier").alias("service_tier"),
            status.alias("status"),
            signals.finish_reason(
                pl.coalesce(blank_null(f("finish_reason")), blank_null(f("native_finish_reason")))
            ).alias("finish_reason"),
            num(f("latency")).fill_nan(None).alias("latency_ms"),
            cost.alias("logged_cost_usd"),
            metadata.alias("metadata"),
        )


def _is_generation(r: Any) -> bool:
    if not isinstance(r, dict):
        return False
    inner = r.get("data") if isinstance(r.get("data"), dict) else r
    if not isinstance(inner, dict):
        return False
    if "native_tokens_prompt" in inner:
        return True
    # a record without native counts (older ones): the normalized counts and OpenRouter's marks
    normalized = "tokens_prompt" in inner and "tokens_completion" in inner
    return normalized and ("provider_name" in inner or str(inner.get("id", "")).startswith("gen-"))


ORDER = 71
FORMATS = (OpenRouter(),)
