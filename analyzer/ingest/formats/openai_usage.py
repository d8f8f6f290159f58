"""OpenAI organization Usage API and Costs API pages (log_formats.md §3).

Both APIs return pages ``{"object": "page", "data": [bucket, ...], "has_more",
"next_page"}`` whose buckets are ``{"object": "bucket", "start_time", "end_time",
"results": [...]}`` (times in Unix seconds, UTC). The old OpenAPI spec named the list
``result`` (singular): both spellings are read. Accepted layouts: one pretty-printed page
(a JSON document), a JSON array of pages or of buckets, or one page per JSONL line
(``explode``). ``records`` flattens every bucket into its results, each tagged with the
bucket's start/end; an empty bucket (``results: []``) yields nothing. Every record is
timestamped with its bucket's ``start_time``.

``openai_usage`` (``GET /v1/organization/usage/completions``, and the embeddings /
moderations endpoints which share the token fields): one aggregated row per result.
Token convention: ``input_tokens`` already includes the cached tokens
(``input_cached_tokens``, a subset) and, in current API versions, the cache-write tokens
(``input_cache_write_tokens``, newer) — so it passes through as canonical input; cache
writes are clamped to ``input − cached``. ``output_tokens`` passes through; the API has
no reasoning split (0). Audio (``input_audio_tokens`` / ``output_audio_tokens``) is priced
at the model's audio rates: results with the newer modality split (``input_text_tokens``)
count it inside ``input_tokens`` / ``output_tokens``, as the current API documents; older
results (no split) counted text only, so their audio is added to input and output. Cached
audio is not told apart (priced as uncached audio). ``num_model_requests`` → ``requests``. ``batch: true`` →
service tier ``batch``, else the result's ``service_tier``. Grouping dimensions
(``project_id``, ``user_id``, ``api_key_id``, ``batch``, ``service_tier``) are null
unless grouped by; the non-null ones go to ``metadata`` so two results of one bucket
never share the content-derived id (``request_id`` is left null, so overlapping exports
dedupe). A result without ``model`` (not grouped by model) keeps its tokens under the
model ``unknown`` (then counted as unpriced) rather than being rejected. Results of
other endpoints that carry no token usage (images, audio, vector stores, code
interpreter, file/web search) and cost results are skipped.

``openai_costs`` (``GET /v1/organization/costs``, ``organization.costs.result``): billed
amounts for reconciliation, never requests. ``amount.value`` is USD (not cents), a
number or a numeric string, and becomes ``billed_usd``; tokens stay 0. When
``line_item`` names a model ("gpt-4o-2024-08-06, input") that is the model, else the
amount is kept without one. ``metadata``: project, api_key, line_item. An amount that is
missing or not a number rejects the record (reported as "requests is not a number",
the validator having no rule for ``billed_usd``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import polars as pl

from analyzer.ingest.exprs import NAN, meta, num, timestamp_columns
from analyzer.ingest.formats.base import Format, Sample

S = pl.String
USAGE_PREFIX = "organization.usage."
COSTS_OBJECT = "organization.costs.result"
_START = "_bucket_start"
# "gpt-4o-2024-08-06, input" → "gpt-4o-2024-08-06"; "Image models" names no model
_LINE_ITEM_MODEL = r"^([a-z0-9][a-z0-9._:/-]*)(?:,|$)"


class _PageFormat(Format):
    """Shared page walking for the usage and costs APIs."""

    explode = True  # a JSONL file holds one page per line

    def records(self, doc: Any) -> Iterable[Any]:
        return list(_records(doc))


class OpenAIUsage(_PageFormat):
    name = "openai_usage"
    aggregated = True
    title = "OpenAI organization Usage API (completions)"
    schema = pl.Schema(
        {
            "object": S,
            "input_tokens": S,
            "input_cached_tokens": S,
            "input_cache_write_tokens": S,
            "input_text_tokens": S,
            "input_audio_tokens": S,
            "output_tokens": S,
            "output_audio_tokens": S,
            "num_model_requests": S,
            "model": S,
            "project_id": S,
            "user_id": S,
            "api_key_id": S,
            "batch": S,
            "service_tier": S,
            _START: S,
        }
    )

    def sniff(self, sample: Sample) -> bool:
        kinds = _result_kinds(sample.objects())
        if kinds is None:
            return False
        # a page of empty buckets carries nothing: claimed here, it yields nothing
        return any(k.startswith(USAGE_PREFIX) for k in kinds) or not kinds

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        audio_in = num("input_audio_tokens").fill_null(0.0)
        audio_out = num("output_audio_tokens").fill_null(0.0)
        # current results (with the modality split) count audio inside input/output_tokens;
        # earlier ones counted text only, audio beside it
        apart = pl.col("input_text_tokens").is_null()
        input_tokens = num("input_tokens") + pl.when(apart).then(audio_in).otherwise(0.0)
        output = num("output_tokens").fill_null(0.0) + pl.when(apart).then(audio_out).otherwise(0.0)
        cache_read = num("input_cached_tokens").fill_null(0.0)
        cache_write = num("input_cache_write_tokens").fill_null(0.0)
        is_batch = pl.col("batch").str.to_lowercase() == "true"
        no_tokens = pl.col("input_tokens").is_null() & pl.col("output_tokens").is_null()
        return frame.select(
            pl.col("_line"),
            (no_tokens & pl.col("object").is_not_null()).alias("_skip"),
            *timestamp_columns(_START),
            pl.lit("openai").alias("provider"),
            pl.col("model").fill_null("unknown").alias("model_raw"),
            num("num_model_requests").alias("requests"),
            input_tokens.alias("input_tokens"),
            cache_read.alias("cache_read_tokens"),
            pl.min_horizontal(cache_write, (input_tokens - cache_read).clip(0.0)).alias(
                "cache_write_tokens"
            ),
            output.alias("output_tokens"),
            audio_in.alias("input_audio_tokens"),
            audio_out.alias("output_audio_tokens"),
            pl.when(is_batch.fill_null(False))
            .then(pl.lit("batch"))
            .otherwise(pl.col("service_tier"))
            .alias("service_tier"),
            meta(
                project=pl.col("project_id"),
                user=pl.col("user_id"),
                api_key=pl.col("api_key_id"),
                batch=pl.col("batch").str.to_lowercase(),
                service_tier=pl.col("service_tier"),
            ).alias("metadata"),
        )


class OpenAICosts(_PageFormat):
    name = "openai_costs"
    title = "OpenAI organization Costs API"
    schema = pl.Schema(
        {
            "object": S,
            "amount": pl.Struct({"value": S, "currency": S}),
            "line_item": S,
            "project_id": S,
            "api_key_id": S,
            _START: S,
        }
    )

    def sniff(self, sample: Sample) -> bool:
        kinds = _result_kinds(sample.objects())
        return bool(kinds) and COSTS_OBJECT in kinds and not any(
            k.startswith(USAGE_PREFIX) for k in kinds
        )

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        amount = num(pl.col("amount").struct.field("value"))
        model = pl.col("line_item").str.strip_chars().str.extract(_LINE_ITEM_MODEL, 1)
        return frame.select(
            pl.col("_line"),
            (pl.col("object") != COSTS_OBJECT).fill_null(False).alias("_skip"),
            *timestamp_columns(_START),
            pl.lit("openai").alias("provider"),
            model.alias("model_raw"),  # an amount for no model is still a billed amount
            amount.fill_null(NAN).alias("billed_usd"),  # missing or not a number: rejected
            meta(
                project=pl.col("project_id"),
                api_key=pl.col("api_key_id"),
                line_item=pl.col("line_item"),
            ).alias("metadata"),
        )



def _buckets(doc: Any) -> Iterator[dict[str, Any]]:
    """Buckets of a page, of a list of pages or buckets, or a bare bucket."""
    if isinstance(doc, list):
        for item in doc:
            yield from _buckets(item)
    elif isinstance(doc, dict):
        if isinstance(doc.get("data"), list) and not _is_bucket(doc):
            for item in doc["data"]:
                yield from _buckets(item)
        elif _is_bucket(doc):
            yield doc


def _is_bucket(d: dict[str, Any]) -> bool:
    return "start_time" in d and (
        isinstance(d.get("results"), list) or isinstance(d.get("result"), list)
    )


def _records(doc: Any) -> Iterator[Any]:
    buckets = list(_buckets(doc))
    if not buckets and not _is_page(doc):
        yield doc  # not a page at all: rejected downstream (no timestamp)
        return
    for bucket in buckets:
        results = bucket.get("results")
        if not isinstance(results, list):
            results = bucket.get("result") or []
        for result in results:
            if isinstance(result, dict):
                yield {**result, _START: bucket.get("start_time")}
            else:
                yield result  # rejected downstream: not a JSON object


def _is_page(doc: Any) -> bool:
    if isinstance(doc, list):
        return all(_is_page(d) for d in doc)
    return isinstance(doc, dict) and doc.get("object") == "page" and isinstance(
        doc.get("data"), list
    )


def _result_kinds(objects: list[dict[str, Any]]) -> set[str] | None:
    """The ``object`` kinds of the results in OpenAI usage/cost pages; None if no pages."""
    buckets = [
        b
        for o in objects
        if o.get("object") in ("page", "bucket") or isinstance(o.get("data"), list)
        for b in _buckets(o)
        if b.get("object", "bucket") == "bucket"
    ]
    if not buckets:
        return None
    kinds: set[str] = set()
    for b in buckets:
        results = b.get("results") if isinstance(b.get("results"), list) else b.get("result")
        for r in results or []:
            if isinstance(r, dict) and isinstance(r.get("object"), str):
                kinds.add(r["object"])
    return kinds


ORDER = 30
FORMATS = (OpenAIUsage(), OpenAICosts())
