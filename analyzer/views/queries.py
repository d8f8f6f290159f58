"""Chart queries: pure functions over the compact tables of ``tables.py``.

Each takes the cells (or verdicts) and returns a small frame; none reads the workspace.
The *period* of a selection is its date range clipped to the days the workspace has data
for: with no date filter it is the CONTRACT's ``period`` (first to last record), and a
quiet day inside it counts as a day at $0.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl

from analyzer.errors import ConfigError
from analyzer.views.tables import Tables, meta_column

MIX_MODELS = 3  # models named in a "top models" string


@dataclass(frozen=True)
class Filters:
    """What the dashboard's filter bar selects; the defaults select everything."""

    start: date | None = None  # inclusive, UTC
    end: date | None = None  # inclusive, UTC
    providers: tuple[str, ...] = ()  # empty = all
    meta_key: str | None = None  # e.g. "project"
    meta_values: tuple[str, ...] = ()  # e.g. ("search",); empty = all


def select(t: Tables, f: Filters) -> pl.DataFrame:
    """The cells the filters keep (from the table grouped by the filter's metadata key)."""
    if f.start is not None and f.end is not None and f.start > f.end:
        raise ConfigError(f"start date {f.start} is after end date {f.end}")
    if f.meta_values and f.meta_key is None:
        raise ConfigError("metadata values given without a metadata key")
    if f.meta_key is not None and f.meta_key not in t.meta_keys:
        choices = ", ".join(t.meta_keys) or "none in this workspace"
        raise ConfigError(f"metadata key '{f.meta_key}' is not a filter (choose from {choices})")
    cells = t.cells[f.meta_key if f.meta_values else None]
    keep = pl.lit(True)
    if f.start is not None:
        keep &= pl.col("day") >= f.start
    if f.end is not None:
        keep &= pl.col("day") <= f.end
    if f.providers:
        keep &= pl.col("provider").is_in(list(f.providers))
    if f.meta_key is not None and f.meta_values:
        keep &= pl.col(meta_column(f.meta_key)).is_in(list(f.meta_values))
    return cells.filter(keep)


def period(cells: pl.DataFrame, f: Filters) -> tuple[date, date] | None:
    """The filters' date range clipped to the workspace's data; None when they do not meet."""
    if cells.height == 0:
        return None
    first, last = cells["day"].min(), cells["day"].max()
    start = max(f.start, first) if f.start else first
    end = min(f.end, last) if f.end else last
    return (start, end) if start <= end else None


def kpis(t: Tables, f: Filters, month_days: float = 30) -> dict[str, Any]:
    picked = select(t, f)
    sums = picked.select(
        pl.col("cost_usd").sum(), pl.col("requests").sum(), pl.col("input_tokens").sum(),
        pl.col("output_tokens").sum(), pl.col("unpriced_requests").sum(),
        # usage exports that count no requests (Anthropic's) add cost but no request
        pl.col("cost_usd").filter(pl.col("requests") > 0).sum().alias("counted_cost"),
    ).row(0, named=True)
    span = period(t.cells[None], f)
    days = (span[1] - span[0]).days + 1 if span else 0
    total = float(sums["cost_usd"] or 0.0)
    requests, unpriced = int(sums["requests"] or 0), int(sums["unpriced_requests"] or 0)
    priced = requests - unpriced
    return {
        "total_cost_usd": total,
        "requests": requests,
        "tokens": int(sums["input_tokens"] or 0) + int(sums["output_tokens"] or 0),
        "input_tokens": int(sums["input_tokens"] or 0),
        "output_tokens": int(sums["output_tokens"] or 0),
        "avg_cost_per_request_usd": float(sums["counted_cost"] or 0.0) / priced if priced else 0.0,
        "monthly_projection_usd": total / days * month_days if days else 0.0,
        "unpriced_requests": unpriced,
        "days": days,
        "start": span[0] if span else None,
        "end": span[1] if span else None,
    }


def summed(frame: pl.DataFrame, by: list[str], *columns: str) -> pl.DataFrame:
    return frame.group_by(by).agg(pl.col(c).sum() for c in columns)


def daily_cost(t: Tables, f: Filters) -> pl.DataFrame:
    picked = summed(select(t, f), ["day"], "cost_usd")
    span = period(t.cells[None], f)
    if span is None:
        return pl.DataFrame(schema={"day": pl.Date, "cost_usd": pl.Float64})
    days = pl.DataFrame({"day": pl.date_range(span[0], span[1], "1d", eager=True)})
    return days.join(picked, on="day", how="left").with_columns(pl.col("cost_usd").fill_null(0.0))


def monthly(cells: pl.DataFrame, month_days: float | None = None) -> pl.DataFrame:
    """Actual spend per calendar month and model; the last month, when not fully observed,
    also its ``projected`` rest: at the observed rate, the month costs its spend × (days in
    the month, or ``month_days``) / the days observed in it (from its 1st, or the first
    record, to the last record), so ``projected`` = that − actual, and the two stack."""
    schema = {"month": pl.String, "model": pl.String, "cost_usd": pl.Float64, "kind": pl.String}
    if cells.height == 0:
        return pl.DataFrame(schema=schema)
    if month_days is not None and month_days <= 0:
        raise ConfigError(f"month days must be positive, got {month_days}")
    actual = summed(cells.with_columns(pl.col("day").dt.strftime("%Y-%m").alias("month")),
                    ["month", "model"], "cost_usd").with_columns(pl.lit("actual").alias("kind"))
    first, last = cells["day"].min(), cells["day"].max()
    observed = (last - max(first, last.replace(day=1))).days + 1
    in_month = calendar.monthrange(last.year, last.month)[1]
    frames = [actual]
    if observed < in_month:
        scale = (month_days or in_month) / observed
        frames.append(actual.filter(pl.col("month") == last.strftime("%Y-%m")).with_columns(
            pl.col("cost_usd") * (scale - 1), pl.lit("projected").alias("kind")))
    return (pl.concat(frames).select(schema.keys()).cast(schema)  # type: ignore[arg-type]
            .sort(["month", "kind", "cost_usd", "model"], descending=[False, False, True, False]))


def model_mix(frame: pl.DataFrame, by: list[str]) -> pl.DataFrame:
    """``by`` + ``top_models``: the models with most requests and their share, e.g.
    ``"gpt-4o-mini 62%, claude-haiku-4-5 38%"`` (at most ``MIX_MODELS``)."""
    total = pl.col("requests").sum().over(by)
    share = pl.when(total > 0).then(pl.col("requests") / total).otherwise(0.0) * 100
    label = pl.when(share.round(0) >= 1).then(share.round(0).cast(pl.Int64).cast(pl.String) + "%") \
        .otherwise(pl.lit("<1%"))
    return (
        summed(frame, [*by, "model"], "requests")
        .sort([*by, "requests", "model"], descending=[False] * len(by) + [True, False])
        .with_columns((pl.col("model") + " " + label).alias("label"))
        .group_by(by, maintain_order=True)
        .agg(pl.col("label").head(MIX_MODELS).str.join(", ").alias("top_models"))
    )


def rolled_up_templates(verdicts: pl.DataFrame, samples: pl.DataFrame) -> pl.DataFrame:
    """One row per template: its requests and cost, and the category (with its source and
    request-weighted confidence) that most of its requests have."""
    known = verdicts.filter(pl.col("template_id").is_not_null())
    by_verdict = summed(known, ["template_id", "category", "category_source"],
                        "requests", "cost_usd", "confidence_sum")
    main = (
        by_verdict.sort(["template_id", "requests", "category"], descending=[False, True, False])
        .group_by("template_id", maintain_order=True).first()
        .select("template_id", "category", "category_source",
                (pl.col("confidence_sum") / pl.col("requests")).fill_nan(0.0)
                .alias("category_confidence"))
    )
    return (
        main.join(summed(by_verdict, ["template_id"], "requests", "cost_usd"), on="template_id")
        .join(samples, on="template_id", how="left")
        .join(model_mix(known, ["template_id"]), on="template_id", how="left")
        .select("template_id", pl.col("sample").fill_null(""), "category", "category_source",
                "category_confidence", "requests", "cost_usd", "top_models")
        .sort(["cost_usd", "requests", "template_id"], descending=[True, True, False])
    )
