"""The named summaries that reports and views need, as plain data.

``spend_report`` is the ``spendscope report`` table: totals and groups by one dimension
(see ``DIMENSIONS``, plus ``meta:KEY`` for any metadata key), over an inclusive UTC date
range, priced by ``analyzer.pricing``. Token totals follow CONTRACT.md: ``input_tokens``
counts every prompt token, ``cache_write_tokens`` every cache write (its 1-hour part is
``cache_write_1h_tokens``), ``output_tokens`` includes ``reasoning_tokens``. Money is USD,
summed as integer nano-dollars (each row's or cell's cost rounded once) and converted once,
so the same workspace gives the same digits whatever order polars sums in; unpriced
requests add nothing to ``cost_usd`` and are counted apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

import polars as pl

from analyzer.errors import ConfigError
from analyzer.pricing import catalog, cost
from analyzer.pricing import plans as plan_costs
from analyzer.pricing.plans import Plan

DIMENSIONS = ("model", "provider", "category", "day", "week", "month", "service_tier", "source_format")
NONE_KEY = "(none)"
_META_KEY = re.compile(r"^[A-Za-z0-9_.\-]+$")


def is_meta_key(key: str) -> bool:
    """Whether a metadata key can be grouped by (it goes into a JSON path)."""
    return bool(_META_KEY.match(key))

_SUMS = {
    "requests": pl.col("requests"),
    "input_tokens": pl.col("input_tokens"),
    "cache_read_tokens": pl.col("cache_read_tokens"),
    "cache_write_tokens": pl.col("cache_write_tokens") + pl.col("cache_write_1h_tokens"),
    "cache_write_1h_tokens": pl.col("cache_write_1h_tokens"),
    "output_tokens": pl.col("output_tokens"),
    "reasoning_tokens": pl.col("reasoning_tokens"),
    "input_audio_tokens": pl.col("input_audio_tokens"),
    "output_audio_tokens": pl.col("output_audio_tokens"),
    "web_search_requests": pl.col("web_search_requests"),
}


def dimension(by: str) -> pl.Expr:
    """The grouping key for a ``--by`` value, as a string column named ``key``."""
    ts = pl.col("timestamp")
    exprs = {
        "model": pl.col("model"),
        "provider": pl.col("provider"),
        "category": pl.col("category"),
        "service_tier": pl.col("service_tier"),
        "source_format": pl.col("source_format"),
        "day": ts.dt.strftime("%Y-%m-%d"),
        "week": ts.dt.strftime("%G-W%V"),
        "month": ts.dt.strftime("%Y-%m"),
    }
    if by in exprs:
        return exprs[by].fill_null(NONE_KEY).alias("key")
    if by.startswith("meta:") and is_meta_key(by[5:]):
        value = pl.col("metadata").str.json_path_match(f"$.{by[5:]}")
        return value.fill_null(NONE_KEY).alias("key")
    choices = ", ".join((*DIMENSIONS, "meta:KEY"))
    raise ConfigError(f"unknown --by value '{by}' (choose from {choices})")


def meta_keys_of(by: str) -> list[str]:
    """The metadata keys a ``--by`` value reads."""
    return [by[5:]] if by.startswith("meta:") else []


def filter_dates(frame: pl.LazyFrame, since: date | None, until: date | None) -> pl.LazyFrame:
    day = pl.col("timestamp").dt.date()
    if since is not None:
        frame = frame.filter(day >= since)
    if until is not None:
        frame = frame.filter(day <= until)
    return frame


def spend_report(
    requests: pl.LazyFrame | cost.Priced,
    *,
    by: str = "model",
    since: date | None = None,
    until: date | None = None,
    month_days: float = 30,
    prices_at: date | None = None,
    resolve: cost.Resolver = catalog.unit_prices,
    plans: Sequence[Plan] = (),
) -> dict[str, Any]:
    """Totals and per-group sums with cost; groups sorted by cost, then requests. With flat-fee
    ``plans``: per plan, the API-list value of the traffic it covers beside its fee for the
    period, and ``totals.cost_with_plans_usd`` (see ``pricing/plans.py``). ``requests`` may come
    priced (``priced.rollup``: the period and prices already applied; ``prices_at`` then only
    names them), else are priced here."""
    if month_days <= 0:
        raise ConfigError(f"--month-days must be positive, got {month_days}")
    key = dimension(by)
    if isinstance(requests, cost.Priced):
        priced = requests
    else:
        priced = cost.price(filter_dates(requests, since, until), prices_at=prices_at, resolve=resolve)
    frame = priced.frame
    unpriced = pl.col("price_status") == "unpriced"
    sums = [
        # 128-bit sums: no total of in-range rows can wrap (validate.MAX_COUNT)
        *(e.cast(pl.Int128).sum().alias(k) for k, e in _SUMS.items()),
        cost.summed_money(pl.col("cost_usd")).alias("cost_nanos"),
        pl.col("requests").filter(unpriced).sum().alias("unpriced_requests"),
        pl.col("requests").filter(pl.col("status") == "error").sum().alias("error_requests"),
    ]
    # One collect for the queries: polars scans and prices the shared input once.
    groups, totals_frame, unpriced_models, *covered = pl.collect_all([
        frame.group_by(key).agg(*sums).sort(["cost_nanos", "requests", "key"], descending=[True, True, False]),
        frame.select(
            *sums,
            *(cost.summed_money(pl.col(p).fill_null(0.0)).alias(p) for p in cost.PARTS),
            pl.col("timestamp").min().dt.date().alias("start"),
            pl.col("timestamp").max().dt.date().alias("end"),
        ),
        frame.filter(unpriced).group_by("provider", "model").agg(pl.col("requests").sum())
        .sort("requests", descending=True),
        *([plan_costs.covered_sums(frame, plans)] if plans else []),
    ])
    totals = totals_frame.row(0, named=True)
    start, end = totals.pop("start"), totals.pop("end")
    days = (end - start).days + 1 if start is not None else 0
    total_cost = int(totals.pop("cost_nanos") or 0) / cost.NANOS
    # what the cost is made of: token classes, audio, web searches (priced rows)
    parts = {p.removesuffix("_cost_usd"): int(totals.pop(p) or 0) / cost.NANOS for p in cost.PARTS}
    with_plans: dict[str, Any] = {}
    if plans and start is not None:
        found, paid = plan_costs.summary(covered[0], plans, start, end, total_cost)
        with_plans = {"plans": found, "cost_with_plans_usd": paid}
    report = {
        "currency": "USD",
        "by": by,
        "prices": "as of " + prices_at.isoformat() if prices_at else "as billed (each request's date)",
        "period": {
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "days": days,
        },
        "totals": {
            **{k: int(v or 0) for k, v in totals.items()},
            "cost_usd": total_cost,
            "daily_run_rate_usd": total_cost / days if days else 0.0,
            "monthly_projection_usd": total_cost / days * month_days if days else 0.0,
            "month_days": month_days,
            "cost_parts_usd": parts,
        },
        "groups": [_group(g) for g in groups.iter_rows(named=True)],
        "unpriced_models": unpriced_models.to_dicts(),
        "assumptions": priced.assumptions,
    }
    if with_plans:
        report["plans"] = with_plans["plans"]
        report["totals"]["cost_with_plans_usd"] = with_plans["cost_with_plans_usd"]
    return report


def _group(g: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"key": g.pop("key"), "cost_usd": int(g.pop("cost_nanos") or 0) / cost.NANOS}
    return out | {k: int(v or 0) for k, v in g.items()}


def category_distribution(requests: pl.LazyFrame) -> list[dict[str, Any]]:
    """Requests and templates per category, with how they were classified."""
    from analyzer.classify.taxonomy import TIERS

    src = pl.col("category_source")
    frame = requests.group_by("category").agg(
        pl.col("requests").sum(),
        pl.col("template_id").n_unique().alias("templates"),
        pl.col("requests").filter(src == "rule").sum().alias("by_rule"),
        pl.col("requests").filter(src == "model").sum().alias("by_model"),
        pl.col("requests").filter(~src.is_in(["rule", "model"])).sum().alias("by_other"),
    ).sort("requests", descending=True).collect()
    return [{**r, "tier": TIERS.get(r["category"], "moderate")} for r in frame.to_dicts()]
