"""The named summaries that reports and views need, as plain data.

``spend_report`` is the ``spendscope report`` table: totals and groups by one dimension
(see ``DIMENSIONS``, plus ``meta:KEY`` for any metadata key), over an inclusive UTC date
range. Token totals follow CONTRACT.md: ``input_tokens`` counts every prompt token,
``cache_write_tokens`` every cache write (its 1-hour part is ``cache_write_1h_tokens``),
``output_tokens`` includes ``reasoning_tokens``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import polars as pl

from analyzer.errors import ConfigError

DIMENSIONS = ("model", "provider", "day", "week", "month", "service_tier", "source_format")
NONE_KEY = "(none)"
_META_KEY = re.compile(r"^[A-Za-z0-9_.\-]+$")

_SUMS = {
    "requests": pl.col("requests"),
    "input_tokens": pl.col("input_tokens"),
    "cache_read_tokens": pl.col("cache_read_tokens"),
    "cache_write_tokens": pl.col("cache_write_tokens") + pl.col("cache_write_1h_tokens"),
    "cache_write_1h_tokens": pl.col("cache_write_1h_tokens"),
    "output_tokens": pl.col("output_tokens"),
    "reasoning_tokens": pl.col("reasoning_tokens"),
}


def dimension(by: str) -> pl.Expr:
    """The grouping key for a ``--by`` value, as a string column named ``key``."""
    ts = pl.col("timestamp")
    exprs = {
        "model": pl.col("model"),
        "provider": pl.col("provider"),
        "service_tier": pl.col("service_tier"),
        "source_format": pl.col("source_format"),
        "day": ts.dt.strftime("%Y-%m-%d"),
        "week": ts.dt.strftime("%G-W%V"),
        "month": ts.dt.strftime("%Y-%m"),
    }
    if by in exprs:
        return exprs[by].fill_null(NONE_KEY).alias("key")
    if by.startswith("meta:") and _META_KEY.match(by[5:]):
        value = pl.col("metadata").str.json_path_match(f"$.{by[5:]}")
        return value.fill_null(NONE_KEY).alias("key")
    choices = ", ".join((*DIMENSIONS, "meta:KEY"))
    raise ConfigError(f"unknown --by value '{by}' (choose from {choices})")


def filter_dates(frame: pl.LazyFrame, since: date | None, until: date | None) -> pl.LazyFrame:
    day = pl.col("timestamp").dt.date()
    if since is not None:
        frame = frame.filter(day >= since)
    if until is not None:
        frame = frame.filter(day <= until)
    return frame


def spend_report(
    requests: pl.LazyFrame,
    *,
    by: str = "model",
    since: date | None = None,
    until: date | None = None,
) -> dict[str, Any]:
    """Totals and per-group sums; groups sorted by requests, largest first."""
    key = dimension(by)
    frame = filter_dates(requests, since, until)
    sums = [e.sum().alias(k) for k, e in _SUMS.items()]
    errors = (pl.col("status") == "error").sum().alias("error_requests")
    groups = (
        frame.group_by(key)
        .agg(*sums, errors)
        .sort(["requests", "key"], descending=[True, False])
        .collect()
    )
    totals = frame.select(
        *sums,
        errors,
        pl.col("timestamp").min().dt.date().alias("start"),
        pl.col("timestamp").max().dt.date().alias("end"),
    ).collect().row(0, named=True)
    start, end = totals.pop("start"), totals.pop("end")
    days = (end - start).days + 1 if start is not None else 0
    return {
        "by": by,
        "period": {
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
            "days": days,
        },
        "totals": {k: int(v or 0) for k, v in totals.items()},
        "groups": [{k: (v if k == "key" else int(v)) for k, v in g.items()} for g in groups.iter_rows(named=True)],
    }
