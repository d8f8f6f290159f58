"""Flat-fee plans: traffic a subscription pays for with a fixed monthly fee, not per token.

A team on Claude Max or Team seats (or any other plan) declares it in ``prices.toml``
(``[[plans]]``, validated in ``overrides.py``). The rows a plan covers keep their API-list
cost in ``cost_usd`` — what the same traffic would cost through the API — and reports add,
per plan, what it actually cost: the fee spread over the days of each calendar month
(a month of 30 days costs ``fee / 30`` a day), for the days of the report's period that fall
within the plan's dates. ``cost_with_plans_usd`` is then the list cost of everything else
plus the plans' fees. The simulator keeps covered traffic where it is: a plan's fee does not
change with routing, so moving that traffic can never "save" money.

A row is covered by the first plan whose filters all match it: ``provider``, ``models``
(canonical ids), ``source`` (a source format, e.g. ``claude_code``) and the plan's
``start`` / ``end`` days (inclusive, UTC).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from analyzer.pricing.cost import NANOS, summed_money


@dataclass(frozen=True)
class Plan:
    name: str
    monthly_fee: float  # USD per calendar month
    provider: str | None = None
    models: tuple[str, ...] = ()  # canonical model ids; empty: every model
    source: str | None = None  # a source format; None: every source
    start: date | None = None
    end: date | None = None

    def matches(self) -> pl.Expr:
        """Whether a row (or a rollup cell) falls under this plan."""
        cond = pl.lit(True)
        if self.provider:
            cond &= pl.col("provider") == self.provider.lower()
        if self.models:
            cond &= pl.col("model").is_in(list(self.models))
        if self.source:
            cond &= pl.col("source_format") == self.source
        day = pl.col("timestamp").dt.date()
        if self.start:
            cond &= day >= self.start
        if self.end:
            cond &= day <= self.end
        return cond

    def cost(self, first: date, last: date) -> float:
        """The fee for the days from ``first`` to ``last`` (inclusive) that the plan runs."""
        lo = max(first, self.start) if self.start else first
        hi = min(last, self.end) if self.end else last
        total, day = 0.0, lo
        while day <= hi:
            days_in_month = calendar.monthrange(day.year, day.month)[1]
            month_end = date(day.year, day.month, days_in_month)
            days = (min(hi, month_end) - day).days + 1
            total += self.monthly_fee * days / days_in_month
            day = month_end + timedelta(days=1)
        return total

    def days(self, first: date, last: date) -> int:
        lo = max(first, self.start) if self.start else first
        hi = min(last, self.end) if self.end else last
        return max((hi - lo).days + 1, 0)


def covering(plans: Sequence[Plan]) -> pl.Expr:
    """The name of the first plan that covers each row, else null."""
    name = pl.lit(None, pl.String)
    for plan in reversed(plans):
        name = pl.when(plan.matches()).then(pl.lit(plan.name)).otherwise(name)
    return name


def covered_sums(priced: pl.LazyFrame, plans: Sequence[Plan]) -> pl.LazyFrame:
    """Requests and API-list cost (nano-dollars) of the priced rows each plan covers."""
    return (
        priced.with_columns(covering(plans).alias("_plan"))
        .filter(pl.col("_plan").is_not_null())
        .group_by("_plan")
        .agg(pl.col("requests").sum(), summed_money(pl.col("cost_usd").fill_null(0.0)).alias("nanos"))
    )


def summary(sums: pl.DataFrame, plans: Sequence[Plan], first: date, last: date,
            cost_usd: float) -> tuple[list[dict[str, object]], float]:
    """Per plan (from its ``covered_sums``): the requests it covers, their API-list value and
    the plan's cost over ``first``..``last``; and the cost with plans in total."""
    found = {name: (int(n), nanos / NANOS) for name, n, nanos in sums.iter_rows()}
    out, total = [], cost_usd
    for plan in plans:
        requests, value = found.get(plan.name, (0, 0.0))
        fee = plan.cost(first, last)
        total += fee - value
        out.append({
            "name": plan.name, "monthly_fee_usd": plan.monthly_fee, "days": plan.days(first, last),
            "requests": requests, "list_value_usd": value, "plan_cost_usd": fee,
            "savings_vs_api_usd": value - fee,
        })
    return out, total
