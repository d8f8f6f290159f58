"""Anthropic Admin API reports: the usage report and the cost report (log_formats.md §6).

Both share one envelope, saved as a JSON document (one page, or a list of pages) or as JSONL
with one page per line (``explode``)::

    {"data": [{"starting_at", "ending_at", "results": [...]}], "has_more", "next_page"}

Every result of every bucket is one record; its timestamp is the bucket's ``starting_at``
(``ending_at`` is kept in metadata as ``bucket_end``). Results have no id: a content id is
derived, and the grouping dimensions (workspace, API key, service tier, context window,
geo, ...) are in the metadata, so distinct results of one bucket never collide.

``anthropic_usage`` — ``GET /v1/organizations/usage_report/messages``. Token convention:
``uncached_input_tokens`` excludes cache (Messages ``input_tokens`` semantics), so
``input_tokens`` = ``uncached_input_tokens`` + ``cache_read_input_tokens`` +
``cache_creation.ephemeral_5m_input_tokens`` (→ ``cache_write_tokens``) +
``cache_creation.ephemeral_1h_input_tokens`` (→ ``cache_write_1h_tokens``); the nested
``cache_creation`` object is the documented form, the flat ``cache_creation_5m_input_tokens``
/ ``cache_creation_1h_input_tokens`` of some derived schemas is accepted too. Output passes
through (no reasoning split is reported). **The report has no request count**, so every row
has ``requests = 0``: request totals from this source are unknown, not zero. ``model`` is null
unless the report was grouped by model (``group_by[]=model``); such rows are ``unknown`` and
cannot be priced. ``context_window`` ("0-200k" / "200k-1M") is kept in metadata for the
pricer's long-context tier; ``server_tool_use.web_search_requests`` is the row's
``web_search_requests`` (priced per 1,000 searches).

``anthropic_cost`` — ``GET /v1/organizations/cost_report``. ``amount`` is a decimal string in
the lowest currency unit, **cents**: "123.45" is $1.2345, so ``billed_usd = amount / 100``.
These are billed amounts, not requests: rows carry ``billed_usd``, zero tokens, the model
when grouped by description, and ``workspace`` / ``description`` / ``token_type`` /
``cost_type`` / ``currency`` in metadata. Priority Tier spend never appears in this report.
A result whose ``amount`` is missing or not a number is rejected ("billed amount is not a
number").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import polars as pl

from analyzer.ingest import exprs
from analyzer.ingest.exprs import NAN, num, tok, ts
from analyzer.ingest.formats.anthropic_messages import nan_safe
from analyzer.ingest.formats.base import Format, Sample

S = pl.String
_BUCKET = {"_starting_at": S, "_ending_at": S}
_DIMENSIONS = ("model", "workspace_id", "api_key_id", "service_tier", "context_window",
               "inference_geo", "account_id", "service_account_id", "speed")


def _buckets(doc: Any) -> Iterator[dict[str, Any]]:
    if isinstance(doc, list):
        for item in doc:
            yield from _buckets(item)
    elif isinstance(doc, dict):
        if isinstance(doc.get("data"), list):
            yield from (b for b in doc["data"] if isinstance(b, dict))
        elif isinstance(doc.get("results"), list):
            yield doc


def _records(doc: Any) -> list[Any]:
    out: list[Any] = []
    found = False
    for bucket in _buckets(doc):
        found = True
        for r in bucket.get("results") or []:
            if isinstance(r, dict):
                out.append({**r, "_starting_at": bucket.get("starting_at"),
                            "_ending_at": bucket.get("ending_at")})
            else:
                out.append(r)  # rejected: not a JSON object
    return out if found else [doc]


def _sample_results(sample: Sample) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for bucket in _buckets(sample.objects()):
        if "starting_at" not in bucket:
            continue
        for r in (bucket.get("results") or [])[:20]:
            if isinstance(r, dict):
                yield bucket, r


def _dimensions_meta() -> dict[str, pl.Expr]:
    return {
        "project": pl.col("workspace_id"),  # a workspace is Anthropic's project-level unit
        "workspace": pl.col("workspace_id"),
        "api_key": pl.col("api_key_id"),
        "service_tier": pl.col("service_tier"),
        "context_window": pl.col("context_window"),
        "inference_geo": pl.col("inference_geo"),
        "account": pl.col("account_id"),
        "service_account": pl.col("service_account_id"),
        "speed": pl.col("speed"),
        "bucket_end": pl.col("_ending_at"),
    }


class AnthropicUsage(Format):
    name = "anthropic_usage"
    aggregated = True
    title = "Anthropic Admin API usage report"
    explode = True
    schema = pl.Schema(
        {
            **_BUCKET,
            "uncached_input_tokens": S,
            "cache_read_input_tokens": S,
            "cache_creation": pl.Struct(
                {"ephemeral_5m_input_tokens": S, "ephemeral_1h_input_tokens": S}
            ),
            "cache_creation_5m_input_tokens": S,
            "cache_creation_1h_input_tokens": S,
            "output_tokens": S,
            "server_tool_use": pl.Struct({"web_search_requests": S}),
            **{d: S for d in _DIMENSIONS},
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any("uncached_input_tokens" in r for _, r in _sample_results(sample))

    def records(self, doc: Any) -> list[Any]:
        return _records(doc)

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        split = pl.col("cache_creation")
        uncached = tok("uncached_input_tokens")
        cache_read = tok("cache_read_input_tokens")
        write_5m = pl.coalesce(
            num(split.struct.field("ephemeral_5m_input_tokens")),
            num("cache_creation_5m_input_tokens"),
        ).fill_null(0.0)
        write_1h = pl.coalesce(
            num(split.struct.field("ephemeral_1h_input_tokens")),
            num("cache_creation_1h_input_tokens"),
        ).fill_null(0.0)
        total = uncached + nan_safe(cache_read) + nan_safe(write_5m) + nan_safe(write_1h)
        meta = _dimensions_meta()
        return frame.select(
            pl.col("_line"),
            ts("_starting_at").alias("timestamp"),
            pl.col("_starting_at").alias("_ts_raw"),
            pl.lit("anthropic").alias("provider"),
            pl.col("model").fill_null("unknown").alias("model_raw"),
            pl.lit(0.0).alias("requests"),  # the report has no request count
            pl.when(uncached < 0).then(uncached).otherwise(total).alias("input_tokens"),
            cache_read.alias("cache_read_tokens"),
            write_5m.alias("cache_write_tokens"),
            write_1h.alias("cache_write_1h_tokens"),
            tok("output_tokens").alias("output_tokens"),
            tok(pl.col("server_tool_use").struct.field("web_search_requests")).alias("web_search_requests"),
            pl.col("service_tier"),
            exprs.meta(**meta).alias("metadata"),
        )


class AnthropicCost(Format):
    name = "anthropic_cost"
    title = "Anthropic Admin API cost report"
    explode = True
    schema = pl.Schema(
        {
            **_BUCKET,
            "amount": S,
            "currency": S,
            "cost_type": S,
            "token_type": S,
            "description": S,
            **{d: S for d in _DIMENSIONS},
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(
            "amount" in r
            and not isinstance(r["amount"], dict)
            and any(k in r for k in ("currency", "cost_type", "token_type"))
            for _, r in _sample_results(sample)
        )

    def records(self, doc: Any) -> list[Any]:
        return _records(doc)

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        cents = num("amount")
        meta = _dimensions_meta()
        meta |= {
            "description": pl.col("description"),
            "cost_type": pl.col("cost_type"),
            "token_type": pl.col("token_type"),
            "currency": pl.col("currency"),
        }
        return frame.select(
            pl.col("_line"),
            ts("_starting_at").alias("timestamp"),
            pl.col("_starting_at").alias("_ts_raw"),
            pl.lit("anthropic").alias("provider"),
            pl.col("model").alias("model_raw"),  # null for non-token costs
            # missing or not a number: NaN, rejected as "billed amount is not a number"
            (cents / 100.0).fill_null(NAN).alias("billed_usd"),
            pl.col("service_tier"),
            exprs.meta(**meta).alias("metadata"),
        )


ORDER = 42
FORMATS = (AnthropicUsage(), AnthropicCost())
