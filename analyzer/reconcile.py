"""Reconciliation: the cost a source reported against the cost spendscope computes.

Two kinds of reported figures:

- *logged* costs on request rows (LiteLLM ``spend``, OpenRouter ``total_cost``, Helicone
  ``cost``, Claude Code ``costUSD``, Langfuse ``costDetails``): compared on exactly those
  rows, by source format, model and day;
- *billed* amounts from cost reports (OpenAI Costs API, Anthropic cost report): compared
  with every request of that provider (and model, when the report names one) on that day.

Each line gets an explanation built from what the rows show: unpriced models, batch
discounts, long-context tiers, cache reads, gateway cache hits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from analyzer.aggregate import filter_dates
from analyzer.pricing import catalog, cost

MATCH_TOLERANCE = 0.005  # relative: within 0.5 % is a match
_LONG_CONTEXT = 200_000


def _facts() -> list[pl.Expr]:
    c = pl.col
    return [
        c("requests").sum().alias("requests"),
        c("requests").filter(c("price_status") == "unpriced").sum().alias("unpriced_requests"),
        c("requests").filter(c("service_tier") == "batch").sum().alias("batch_requests"),
        c("requests").filter(c("status") == "cached").sum().alias("cached_requests"),
        c("requests").filter(cost.per_request_input() > _LONG_CONTEXT).sum().alias("long_context_requests"),
        c("cache_read_tokens").sum().alias("cache_read_tokens"),
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
) -> dict[str, Any]:
    priced = cost.price(filter_dates(requests, since, until), resolve=resolve)
    rows = priced.frame.with_columns(pl.col("timestamp").dt.date().alias("day"))
    logged = (
        rows.filter(pl.col("logged_cost_usd").is_not_null())
        .group_by("source_format", "provider", "model", "day")
        .agg(pl.col("logged_cost_usd").sum().alias("reported_usd"), *_facts())
        .with_columns(pl.lit("logged").alias("kind"))
        .collect()
    )
    lines = [_line(r) for r in logged.sort("day", "source_format", "model").iter_rows(named=True)]
    bills = filter_dates(billed, since, until).with_columns(pl.col("timestamp").dt.date().alias("day"))
    per_bill = (
        bills.group_by("source_format", "provider", "model", "day")
        .agg(pl.col("billed_usd").sum().alias("reported_usd"))
        .collect()
    )
    if per_bill.height:
        by_model = rows.group_by("provider", "model", "day").agg(*_facts()).collect()
        by_provider = rows.group_by("provider", "day").agg(*_facts()).collect()
        for bill in per_bill.sort("day", "provider", "model", nulls_last=True).iter_rows(named=True):
            if bill["model"] is None:
                match = by_provider.filter((pl.col("provider") == bill["provider"]) & (pl.col("day") == bill["day"]))
            else:
                match = by_model.filter((pl.col("provider") == bill["provider"]) & (pl.col("model") == bill["model"])
                                        & (pl.col("day") == bill["day"]))
            facts = match.row(0, named=True) if match.height else {"computed_usd": 0.0, "requests": 0}
            lines.append(_line({**facts, **bill, "kind": "billed"}))
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
        "assumptions": priced.assumptions,
    }


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
    if not r.get("requests"):
        return "no requests in the logs for this provider/model and day: the bill covers traffic not ingested"
    why = []
    if reported > computed:
        if r.get("unpriced_requests"):
            why.append(f"{r['unpriced_requests']:,} requests of models without a known price add nothing here")
        if r.get("batch_requests"):
            why.append(f"{r['batch_requests']:,} batch requests are priced at the batch discount here")
        if r.get("input_tokens") and r.get("cache_read_tokens", 0) / r["input_tokens"] > 0.2:
            share = 100 * r["cache_read_tokens"] / r["input_tokens"]
            why.append(f"{share:.0f} % of input is cache reads, priced at the cache-read rate here "
                       "(a source that prices them as input reports more)")
        if r["kind"] == "billed":
            why.append("the bill may include traffic missing from the ingested logs")
    elif r.get("long_context_requests"):
        why.append(f"{r['long_context_requests']:,} long-context requests are priced at tier rates here")
    if not why:
        why.append("the source's own price table differs from the catalog (or applies a discount)")
    direction = "higher" if reported > computed else "lower"
    return f"reported is {direction}: " + "; ".join(why)
