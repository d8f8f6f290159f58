"""Reconciliation: the cost a source reported against the cost spendscope computes.

Two kinds of reported figures:

- *logged* costs on request rows (LiteLLM ``spend``, OpenRouter ``total_cost``, Helicone
  ``cost``, Claude Code ``costUSD``, Langfuse ``costDetails``): compared on exactly those
  rows, by source format, model and day;
- *billed* amounts from cost reports (OpenAI Costs API, Anthropic cost report): compared
  with every request of that provider (and model, when the report names one) on that day.

Each line gets an explanation built from what the rows show: unpriced models, batch
discounts, long-context tiers, cache reads, cache writes logged without their TTL, gateway
cache hits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import polars as pl

from analyzer.aggregate import filter_dates
from analyzer.errors import ConfigError
from analyzer.pricing import catalog, cost

MATCH_TOLERANCE = 0.005  # relative: within 0.5 % is a match
_LONG_CONTEXT = 200_000
CACHE_TTLS = ("5m", "1h")
# rows whose cache writes were logged without their TTL (older Claude Code versions)
_TTL_UNKNOWN = pl.col("metadata").str.contains('"cache_ttl":"unknown"', literal=True).fill_null(False)


def _facts(listed: bool = False) -> list[pl.Expr]:
    """What the rows behind a line hold (``listed``: also their cost at catalog prices)."""
    c = pl.col
    return [
        *([c("list_cost_usd").fill_null(0.0).sum().alias("list_usd")] if listed else []),
        (c("input_tokens") + c("output_tokens")).sum().alias("tokens"),
        c("requests").sum().alias("requests"),
        c("requests").filter(c("price_status") == "unpriced").sum().alias("unpriced_requests"),
        c("requests").filter(c("service_tier") == "batch").sum().alias("batch_requests"),
        c("requests").filter(c("status") == "cached").sum().alias("cached_requests"),
        c("requests").filter(cost.per_request_input() > _LONG_CONTEXT).sum().alias("long_context_requests"),
        c("cache_read_tokens").sum().alias("cache_read_tokens"),
        (c("cache_write_tokens") + c("cache_write_1h_tokens")).filter(_TTL_UNKNOWN).sum()
        .alias("ttl_unknown_write_tokens"),
        c("input_tokens").sum().alias("input_tokens"),
        c("cost_usd").fill_null(0.0).sum().alias("computed_usd"),
    ]


def reconcile(
    requests: pl.LazyFrame,
    billed: pl.LazyFrame,
    *,
    since: date | None = None,
    until: date | None = None,
    resolve: catalog.Resolver = catalog.unit_prices,
    cache_ttl: str = "5m",
) -> dict[str, Any]:
    """``compare`` for request rows not yet priced (a workspace's come priced from
    ``priced.rows``): ``cache_ttl`` as there."""
    adjusted = assume_ttl(cache_ttl)(filter_dates(requests, since, until))
    return compare(cost.price(adjusted, resolve=resolve), billed, since=since, until=until, cache_ttl=cache_ttl)


def assume_ttl(cache_ttl: str) -> Callable[[pl.LazyFrame], pl.LazyFrame]:
    """Rows' cache writes logged without a TTL moved to the ``cache_ttl`` they are assumed to
    have: ``5m`` (as every report prices them: unchanged) or ``1h``."""
    if cache_ttl not in CACHE_TTLS:
        raise ConfigError(f"--cache-ttl must be one of {', '.join(CACHE_TTLS)}, got {cache_ttl!r}")
    if cache_ttl == "5m":
        return lambda requests: requests
    writes = pl.col("cache_write_tokens") + pl.col("cache_write_1h_tokens")
    return lambda requests: requests.with_columns(
        pl.when(_TTL_UNKNOWN).then(0).otherwise(pl.col("cache_write_tokens")).alias("cache_write_tokens"),
        pl.when(_TTL_UNKNOWN).then(writes).otherwise(pl.col("cache_write_1h_tokens")).alias("cache_write_1h_tokens"),
    )


def compare(
    priced: cost.Priced,
    billed: pl.LazyFrame,
    *,
    since: date | None = None,
    until: date | None = None,
    cache_ttl: str = "5m",
) -> dict[str, Any]:
    """Reported against computed cost, per source format (logged), provider and model, and
    day: ``priced`` rows of the period (cache writes already as ``assume_ttl`` left them),
    ``billed`` amounts (filtered to ``since``..``until`` here); ``cache_ttl`` names the
    assumption in the reasons."""
    rows = priced.frame.with_columns(pl.col("timestamp").dt.date().alias("day"))
    listed = "list_cost_usd" in rows.collect_schema().names()
    logged = (
        rows.filter(pl.col("logged_cost_usd").is_not_null())
        .group_by("source_format", "provider", "model", "day")
        .agg(pl.col("logged_cost_usd").sum().alias("reported_usd"), *_facts(listed))
        .with_columns(pl.lit("logged").alias("kind"))
        .collect()
    )
    lines = [_line({**r, "cache_ttl": cache_ttl})
             for r in logged.sort("day", "source_format", "model").iter_rows(named=True)]
    bills = filter_dates(billed, since, until).with_columns(pl.col("timestamp").dt.date().alias("day"))
    per_bill = (
        bills.group_by("source_format", "provider", "model", "day")
        .agg(pl.col("billed_usd").sum().alias("reported_usd"))
        .collect()
    )
    if per_bill.height:
        by_model = rows.group_by("provider", "model", "day").agg(*_facts(listed)).collect()
        by_provider = rows.group_by("provider", "day").agg(*_facts(listed)).collect()
        for bill in per_bill.sort("day", "provider", "model", nulls_last=True).iter_rows(named=True):
            if bill["model"] is None:
                match = by_provider.filter((pl.col("provider") == bill["provider"]) & (pl.col("day") == bill["day"]))
            else:
                match = by_model.filter((pl.col("provider") == bill["provider"]) & (pl.col("model") == bill["model"])
                                        & (pl.col("day") == bill["day"]))
            facts = match.row(0, named=True) if match.height else {"computed_usd": 0.0, "requests": 0}
            lines.append(_line({**facts, **bill, "kind": "billed", "cache_ttl": cache_ttl}))
    return {
        "currency": "USD",
        "lines": lines,
        "totals": {
            kind: {
                "reported_usd": sum(ln["reported_usd"] for ln in lines if ln["kind"] == kind),
                "computed_usd": sum(ln["computed_usd"] for ln in lines if ln["kind"] == kind),
            }
            for kind in ("logged", "billed")
        },
        "assumptions": priced.assumptions + _ttl_assumption(lines, cache_ttl),
    }


def _ttl_reason(r: dict[str, Any], priced_as: str, other: str) -> str:
    return (f"{r['ttl_unknown_write_tokens']:,} cache-write tokens were logged without their TTL and are "
            f"priced as {priced_as} writes here; the source may have written them {other}")


def _ttl_assumption(lines: list[dict[str, Any]], cache_ttl: str) -> list[str]:
    tokens = sum(ln["ttl_unknown_write_tokens"] for ln in lines)
    if not tokens:
        return []
    ttl = "1-hour" if cache_ttl == "1h" else "5-minute"
    return [f"{tokens:,} cache-write tokens were logged without their TTL (older Claude Code versions): "
            f"priced as {ttl} writes (--cache-ttl {'5m' if cache_ttl == '1h' else '1h'} prices them the other way)"]


def _line(r: dict[str, Any]) -> dict[str, Any]:
    reported, computed = float(r["reported_usd"] or 0.0), float(r.get("computed_usd") or 0.0)
    diff = computed - reported
    pct = 100 * diff / reported if reported else None
    return {
        "kind": r["kind"],
        "source_format": r["source_format"],
        "provider": r["provider"],
        "model": r["model"],
        "day": r["day"].isoformat(),
        "requests": int(r.get("requests") or 0),
        "ttl_unknown_write_tokens": int(r.get("ttl_unknown_write_tokens") or 0),
        "reported_usd": reported,
        "computed_usd": computed,
        "difference_usd": diff,
        "difference_pct": pct,
        "explanation": explain(r, reported, computed),
    }


def explain(r: dict[str, Any], reported: float, computed: float) -> str:
    """Why the two figures differ, from the facts of the rows behind them.

    Only causes that push in the direction of the gap are named: when the source reports
    more, unpriced models, batch discounts, cache-read rates and untracked traffic; when it
    reports less, long-context tier rates.
    """
    if abs(computed - reported) <= MATCH_TOLERANCE * max(abs(reported), 1e-9):
        return "matches (within 0.5 %)"
    if not r.get("requests") and not r.get("tokens"):
        return "no requests in the logs for this provider/model and day: the bill covers traffic not ingested"
    listed = r.get("list_usd")
    if listed is not None and abs(listed - reported) <= MATCH_TOLERANCE * max(abs(reported), 1e-9):
        return (f"reported is {'higher' if reported > computed else 'lower'}: the source priced at list prices "
                f"(${listed:,.4f} at the catalog's); the workspace's prices.toml (own prices, discounts) "
                f"applies here")
    why = []
    if reported > computed:
        if r.get("unpriced_requests"):
            why.append(f"{r['unpriced_requests']:,} requests of models without a known price add nothing here")
        if r.get("batch_requests"):
            why.append(f"{r['batch_requests']:,} batch requests are priced at the batch discount here")
        if r.get("ttl_unknown_write_tokens") and r.get("cache_ttl", "5m") == "5m":
            why.append(_ttl_reason(r, "5-minute", "for 1 hour (try --cache-ttl 1h)"))
        elif r.get("input_tokens") and r.get("cache_read_tokens", 0) / r["input_tokens"] > 0.2:
            share = 100 * r["cache_read_tokens"] / r["input_tokens"]
            why.append(f"{share:.0f} % of input is cache reads, priced at the cache-read rate here "
                       "(a source that prices them as input reports more)")
        if r["kind"] == "billed":
            why.append("the bill may include traffic missing from the ingested logs")
    else:
        if r.get("long_context_requests"):
            why.append(f"{r['long_context_requests']:,} long-context requests are priced at tier rates here")
        if r.get("ttl_unknown_write_tokens") and r.get("cache_ttl") == "1h":
            why.append(_ttl_reason(r, "1-hour", "for 5 minutes (--cache-ttl 5m)"))
    if not why:
        why.append("the source's own price table differs from the catalog (or applies a discount)")
    direction = "higher" if reported > computed else "lower"
    return f"reported is {direction}: " + "; ".join(why)
