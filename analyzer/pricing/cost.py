"""Cost of every row as polars expressions over a joined unit-price table.

For a row of canonical tokens (``input`` includes cache reads and writes), with each rate
chosen by the request's input size (long-context tiers, see ``catalog``):

    cost = input_rate       × (input − cache_read − cache_write_5m − cache_write_1h)
         + cache_read_rate  × cache_read            (no cache-read price: the input rate)
         + cache_write_rate × cache_write_5m        (no cache-write price: the input rate)
         + cache_1h_rate    × cache_write_1h        (no 1-hour price: the cache-write rate)
         + output_rate      × output                (reasoning is part of output)

all divided by 1,000,000, where audio tokens (parts of input and output) take the audio
rates instead (no audio price: the text rate), and web searches add
``web_search_rate × searches / 1,000`` (no price in the catalog: $0 for them, stated).
This is genai-prices' own decomposition, so a row costs exactly what
``genai_prices.calc_price`` says for it. The tier is chosen by the *per-request* input:
``input_tokens / requests`` for an aggregated row, or its ``context_window`` bucket when
the source reports one (Anthropic's usage report). A model without a price is
``unpriced``: its cost is null (never a silent $0) and it is counted apart. Rows answered
from a gateway's cache (status ``cached``) cost $0.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import polars as pl

from analyzer.pricing import catalog
from analyzer.schema import with_added_counts

NANOS = 1_000_000_000  # money is summed in integer nano-dollars: the same digits every run


def summed_money(e: pl.Expr) -> pl.Expr:
    """The sum of a USD column in integer nano-dollars (order-independent, exact)."""
    return (e * NANOS).round().cast(pl.Int64).sum()


PARTS = ("input_cost_usd", "cache_read_cost_usd", "cache_write_cost_usd", "output_cost_usd",
         "audio_cost_usd", "web_search_cost_usd")
_JOIN = ["provider", "model", "_price_time", "service_tier"]

Resolver = catalog.Resolver


@dataclass
class Priced:
    frame: pl.LazyFrame  # the rows with cost columns and ``price_status``
    assumptions: list[str]


def per_request_input() -> pl.Expr:
    """The input size that selects a long-context tier for a row. A row that counts no
    requests (Anthropic's usage report not grouped by context window) has no size per
    request: it is taken to be below every threshold (``unsized_rows`` says so), never the
    size of its token sum."""
    average = pl.col("input_tokens") / pl.max_horizontal(pl.col("requests"), pl.lit(1))
    meta = pl.col("metadata")
    return (
        pl.when(meta.str.contains('"context_window":"200k', literal=True))
        .then(pl.lit(float("inf")))
        .when(meta.str.contains('"context_window":"0-', literal=True))
        .then(pl.lit(0.0))
        .when(pl.col("requests") == 0)
        .then(pl.lit(0.0))
        .otherwise(average)
    )


def unsized_rows() -> pl.Expr:
    """Rows whose tokens would pass a long-context threshold, but who count no requests
    and name no context window: priced below the thresholds (``per_request_input``)."""
    no_window = ~pl.col("metadata").str.contains('"context_window":', literal=True).fill_null(False)
    passes = pl.col("input_tokens") > min(catalog.tier_thresholds(), default=float("inf"))
    return (pl.col("requests") == 0) & no_window & passes


def banded_input() -> pl.Expr:
    """The input size that selects the tier for a rollup cell: the lowest size of its
    ``input_band`` (the catalog thresholds its requests' own sizes passed, see
    ``rollup.py``). Any size in a band takes the same tier, and a cell's average could
    leave the band (a row standing for 0 requests adds tokens but no request)."""
    bounds = (0.0, *(t + 1.0 for t in catalog.tier_thresholds()))
    return pl.col("input_band").cast(pl.Int64).replace_strict(
        dict(enumerate(bounds)), default=float("inf"), return_dtype=pl.Float64)


def price_time(prices_at: date | None = None) -> pl.Expr:
    """When a row's prices are looked up: noon UTC of its day, or the middle of its
    half-hour for providers whose prices change within a day; ``prices_at`` moves the day."""
    ts = pl.col("timestamp")
    day = pl.lit(prices_at, pl.Date).cast(pl.Datetime("us", "UTC")) if prices_at else ts.dt.truncate("1d")
    slot = ts.dt.truncate("30m") - ts.dt.truncate("1d") + pl.duration(minutes=15)
    intraday = pl.col("provider").is_in(list(catalog.time_of_day_providers()))
    return day + pl.when(intraday).then(slot).otherwise(pl.duration(hours=12))


def _rate(key: str, size: pl.Expr) -> pl.Expr:
    rate = pl.col(key)
    for i in range(1, catalog.MAX_TIERS + 1):
        start = pl.col(f"{key}_t{i}_start")
        rate = pl.when(start.is_not_null() & (size > start)).then(pl.col(f"{key}_t{i}")).otherwise(rate)
    return rate


def cost_columns(size: pl.Expr | None = None) -> list[pl.Expr]:
    """Cost columns of rows (or cells) joined with the price table; ``size`` selects tiers."""
    size = per_request_input() if size is None else size
    r_in = _rate("input", size)
    r_read = pl.coalesce(_rate("cache_read", size), r_in)
    r_write = pl.coalesce(_rate("cache_write", size), r_in)
    r_1h = pl.coalesce(_rate("cache_write_1h", size), r_write)
    c = pl.col
    audio_in, audio_out = c("input_audio_tokens"), c("output_audio_tokens")
    uncached = (c("input_tokens") - c("cache_read_tokens") - c("cache_write_tokens") - c("cache_write_1h_tokens")
                - audio_in)
    r_out = _rate("output", size).fill_null(0.0)
    free = c("status") == "cached"
    parts = {
        "input_cost_usd": r_in * uncached,
        "cache_read_cost_usd": r_read * c("cache_read_tokens"),
        "cache_write_cost_usd": r_write * c("cache_write_tokens") + r_1h * c("cache_write_1h_tokens"),
        "output_cost_usd": r_out * (c("output_tokens") - audio_out),
        "audio_cost_usd": pl.coalesce(_rate("input_audio", size), r_in) * audio_in
        + pl.coalesce(_rate("output_audio", size), r_out) * audio_out,
        # per 1,000 searches: × 1,000 here, as every part is divided by a million below
        "web_search_cost_usd": _rate("web_search", size).fill_null(0.0) * c("web_search_requests") * 1000,
    }
    exprs = [
        pl.when(~is_priced()).then(None).when(free | no_tokens()).then(0.0).otherwise(e / 1e6).alias(k)
        for k, e in parts.items()
    ]
    return exprs


def no_tokens() -> pl.Expr:
    """Rows (or cells) that carry no tokens: a failed or expired call that names no model
    costs nothing whatever the model, so it is priced at $0, never listed as unpriced."""
    c = pl.col
    return (c("input_tokens") == 0) & (c("output_tokens") == 0) & (c("web_search_requests") == 0)


def _unpriced_searches(keys: pl.DataFrame, table: pl.DataFrame) -> list[str]:
    """Web searches on priced models whose catalog entry has no web-search price."""
    found = keys.join(table.select("provider", "model", "when", "service_tier", "priced", "web_search"),
                      on=["provider", "model", "when", "service_tier"], how="left")
    missing = found.filter(pl.col("priced") & pl.col("web_search").is_null() & (pl.col("_searches") > 0))
    if not missing.height:
        return []
    by_model = missing.group_by("model").agg(pl.col("_searches").sum()).sort("model")
    names = ", ".join(f"{m} ({int(n):,})" for m, n in by_model.iter_rows())
    return [f"web searches priced at $0: the catalog has no web-search price for {names}"]


def is_priced() -> pl.Expr:
    return pl.col("priced") | no_tokens()


def _unsized(keys: pl.DataFrame, table: pl.DataFrame) -> list[str]:
    """Rows ``per_request_input`` took below the thresholds, on models that have tiers."""
    tiered = table.filter(pl.col("input_t1_start").is_not_null()).select("provider", "model", "when", "service_tier")
    found = (keys.filter(pl.col("_unsized") > 0).join(tiered, on=["provider", "model", "when", "service_tier"])
             .group_by("model").agg(pl.col("_unsized").sum()).sort("model"))
    if found.height == 0:
        return []
    rows = int(found["_unsized"].sum())
    return [f"{rows:,} usage rows that count no requests and name no context window ({', '.join(found['model'])}) "
            f"priced at the rates below the long-context threshold (group the usage report by context window "
            f"to price each part at its own)"]


def price(
    requests: pl.LazyFrame,
    *,
    prices_at: date | None = None,
    resolve: Resolver = catalog.unit_prices,
) -> Priced:
    """Add ``cost_usd``, its parts and ``price_status`` (``priced`` / ``unpriced``).

    ``prices_at``: price every row on that day instead of its own ("at current prices").
    """
    rows = with_added_counts(requests).with_columns(price_time(prices_at).alias("_price_time"))
    keys = (rows.group_by("provider", "model", pl.col("_price_time").alias("when"), "service_tier")
            .agg(pl.col("web_search_requests").sum().alias("_searches"), unsized_rows().sum().alias("_unsized"))
            .collect())
    table, assumptions = catalog.table(keys.drop("_unsized"), resolve)
    assumptions += _unpriced_searches(keys, table) + _unsized(keys, table)
    table = table.rename({"when": "_price_time"})
    joined = rows.join(table.lazy(), on=_JOIN, how="left", maintain_order="left").with_columns(
        pl.col("priced").fill_null(False)
    )
    cells = "input_band" in requests.collect_schema().names()
    priced = joined.with_columns(cost_columns(banded_input() if cells else None)).with_columns(
        pl.when(is_priced()).then(pl.sum_horizontal(*PARTS)).alias("cost_usd"),
        pl.when(is_priced()).then(pl.lit("priced")).otherwise(pl.lit("unpriced")).alias("price_status"),
    )
    drop = [c for c in table.columns if c not in _JOIN] + ["_price_time"]
    return Priced(priced.drop(drop), assumptions)
