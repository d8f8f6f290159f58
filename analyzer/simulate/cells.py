"""Aggregated cells: the traffic the simulator reprices, a few thousand rows for any volume.

A cell is every request sharing (day, provider, model, category, service tier, status,
size bucket[, meta:KEY values a policy matches on]), with its token sums and its exact
baseline cost (each request priced as billed, then summed). Moving a share of a cell
moves that share of its requests and tokens, so the averages per request that decide
long-context tiers and context-window fit stay those of the cell.

Size buckets (a request's input plus output tokens) are bounded by the context windows
that current models share (``SIZE_EDGES``); a cell moves to a target only when its
bucket's upper bound, in the target's tokens, fits the target's window: conservative for
the rare model whose window lies between two edges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import polars as pl

from analyzer import aggregate
from analyzer.pricing import catalog, cost
from analyzer.pricing.plans import Plan, covering

KEYS = ("day", "provider", "model", "category", "service_tier", "status", "size_max")
SUMS = ("requests", "input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens",
        "output_tokens", "reasoning_tokens", "input_audio_tokens", "output_audio_tokens", "web_search_requests")
UNBOUNDED = 2**62
# Context windows in tokens shared by many models (genai-prices 0.2.3: GPT-4o and o-series
# 128k, Claude 200k, GPT-5 400k, Gemini and GPT-4.1 ~1M, Gemini 1.5 Pro 2M), and powers
# of two below them, so small requests split into a few size classes.
# 0: requests without tokens (failed calls) keep cells of their own, so a cell is priced
# exactly as its rows are (``cost.no_tokens``)
SIZE_EDGES = (0, 4_096, 8_192, 16_384, 32_768, 65_536, 128_000, 200_000, 272_000, 400_000, 1_000_000,
              1_048_576, 2_000_000)


def size_bucket() -> pl.Expr:
    """The smallest edge that holds a request of the row (input plus output tokens, per
    request), or ``UNBOUNDED`` above the largest."""
    per_request = (pl.col("input_tokens") + pl.col("output_tokens")) / pl.max_horizontal(pl.col("requests"), 1)
    expr = pl.lit(UNBOUNDED, pl.Int64)
    for edge in reversed(SIZE_EDGES):
        expr = pl.when(per_request <= edge).then(pl.lit(edge, pl.Int64)).otherwise(expr)
    return expr.alias("size_max")


def build(
    requests: pl.LazyFrame | cost.Priced,
    *,
    meta_keys: Sequence[str] = (),
    resolve: cost.Resolver = catalog.unit_prices,
    categorize: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
    plans: Sequence[Plan] = (),
) -> tuple[pl.DataFrame, list[str]]:
    """Cells of categorized requests, with ``cost_usd`` (null when unpriced),
    ``priced`` and ``covered`` (by one of the flat-fee ``plans``); also the pricing
    assumptions of the baseline. ``requests`` come priced (a workspace's: ``priced.rollup``),
    or are priced here with ``resolve``.

    With ``categorize`` (e.g. ``Workspace.categorize``), ``requests`` are raw rows: each is
    priced, rows are summed per template, metadata and the cell keys, and the category is
    given to those sums (it depends on template, model and metadata only) — the same cells,
    without reading every row's metadata."""
    priced = requests if isinstance(requests, cost.Priced) else cost.price(requests, resolve=resolve)
    frame = priced.frame.with_columns(
        pl.col("timestamp").dt.date().alias("day"),
        size_bucket(),
        (pl.col("price_status") == "priced").alias("priced"),
        # traffic a flat-fee plan pays for: never moved (plans.py)
        (covering(plans).is_not_null() if plans else pl.lit(False)).alias("covered"),
    )
    if categorize is not None:
        grain = [k for k in KEYS if k != "category"] + ["priced", "covered", "template_id", "metadata"]
        frame = categorize(frame.group_by(grain).agg(*(pl.col(c).sum() for c in SUMS), pl.col("cost_usd").sum()))
    meta = [aggregate.dimension(k).alias(k) for k in meta_keys]
    frame = frame.with_columns(pl.col("category").cast(pl.String).fill_null("other"), *meta)
    cells = (
        frame.group_by(*KEYS, "priced", "covered", *meta_keys)
        .agg(*(pl.col(c).sum() for c in SUMS), pl.col("cost_usd").sum())
        .with_columns(pl.when(pl.col("priced")).then(pl.col("cost_usd")).alias("cost_usd"))
        .sort(*KEYS, "priced", "covered", *meta_keys)
        .collect()
    )
    return cells, priced.assumptions
