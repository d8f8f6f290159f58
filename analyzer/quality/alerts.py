"""Alerts over a workspace: what changed in the recent window that someone should act on.

The recent window is ``--since`` to the last day with traffic (default: the last
``RECENT_DAYS`` days); its baseline is the ``BASELINE_DAYS`` days before it. Four kinds:

- ``quality_drop``: a category's quality proxy (``evidence.py``: the share of observed
  requests that were not bad) is lower in the window than in its baseline, and the drop is
  significant (one-sided two-proportion test, ``significance.drop_p_value`` under ``ALPHA``
  divided by the number of categories tested: Bonferroni, so that testing twenty-odd
  categories every day does not raise a false alarm most weeks) and large enough to matter
  (at least ``MIN_DROP``: at a million requests a tenth of a point is significant), with at
  least ``MIN_REQUESTS`` observed requests on each side;
- ``override_rate``: a category's requests in the window were re-sent to a higher tier (or
  marked as overridden) more than ``OVERRIDE_LIMIT`` of the time — its routing or its
  classification needs work;
- ``spend_spike``: a day in the window whose spend on one model or one category is more
  than ``SPIKE_FACTOR`` times the median of the ``TRAILING_DAYS`` days before it (at least
  ``MIN_TRAILING`` of them with spend, and at least ``MIN_SPIKE_USD`` more than that median);
- ``budget``: next month's forecast (``simulate/forecast.py``) passes ``--budget``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from statistics import median
from typing import Any

import polars as pl

from analyzer import priced
from analyzer.pricing import cost
from analyzer.quality import evidence, report
from analyzer.quality.evidence import OVERRIDE_LIMIT
from analyzer.quality.significance import drop_p_value
from analyzer.workspace import Workspace

RECENT_DAYS = 2
BASELINE_DAYS = 14
ALPHA = 0.01
MIN_DROP = 0.01  # one percentage point
MIN_REQUESTS = 30
SPIKE_FACTOR = 2.0
TRAILING_DAYS = 7
MIN_TRAILING = 3
MIN_SPIKE_USD = 1.0


@dataclass
class Alert:
    kind: str  # quality_drop, override_rate, spend_spike, budget
    subject: str  # "category extraction", "model gpt-4o", "workspace"
    message: str
    counts: dict[str, Any] = field(default_factory=dict)


@dataclass
class Alerts:
    window: dict[str, str | None]  # since, until, baseline_since, baseline_until
    alerts: list[Alert]
    notes: list[str]

    def as_json(self) -> dict[str, Any]:
        return {"window": self.window, "alerts": [asdict(a) for a in self.alerts], "notes": self.notes,
                "fired": len(self.alerts)}


def find(ws: Workspace, since: date | None = None, budget: float | None = None) -> Alerts:
    found = report.workspace_evidence(ws)
    cells = found.frame.with_columns(pl.col("timestamp").dt.date().alias("day"))
    last = cells.select(pl.col("day").max()).collect().item()
    if last is None:
        return Alerts({"since": None, "until": None, "baseline_since": None, "baseline_until": None}, [],
                      ["the workspace holds no requests yet"])
    start = since or last - timedelta(days=RECENT_DAYS - 1)
    base_start, base_end = start - timedelta(days=BASELINE_DAYS), start - timedelta(days=1)
    window = {"since": start.isoformat(), "until": last.isoformat(),
              "baseline_since": base_start.isoformat(), "baseline_until": base_end.isoformat()}
    recent = cells.filter(pl.col("day") >= start)
    baseline = cells.filter(pl.col("day").is_between(base_start, base_end))
    alerts = [*quality_drops(baseline, recent), *override_rates(recent)]
    daily = _daily_costs(ws)
    alerts += spend_spikes(daily, "model", start) + spend_spikes(daily, "category", start)
    if budget is not None:
        alerts += over_budget(daily, budget)
    return Alerts(window, alerts, found.notes)


def _by_category(frame: pl.LazyFrame) -> dict[str, dict[str, Any]]:
    table = evidence.table(frame, ["category"])
    return {r["category"]: r for r in table.iter_rows(named=True)}


def quality_drops(baseline: pl.LazyFrame, recent: pl.LazyFrame) -> list[Alert]:
    before, now = _by_category(baseline), _by_category(recent)
    tested = {c: (before[c], n) for c, n in sorted(now.items())
              if c in before and min(before[c]["observed"], n["observed"]) >= MIN_REQUESTS}
    found = []
    for category, (b, n) in tested.items():
        good_b, good_n = b["observed"] - b["bad"], n["observed"] - n["bad"]
        p = drop_p_value(good_b, b["observed"], good_n, n["observed"])
        if p < ALPHA / len(tested) and b["quality"] - n["quality"] >= MIN_DROP:
            found.append(Alert(
                "quality_drop", f"category {category}",
                f"{category}: quality proxy {n['quality']:.1%} in the window against {b['quality']:.1%} "
                f"in its baseline ({good_n:,} of {n['observed']:,} good against {good_b:,} of "
                f"{b['observed']:,}; one-sided p = {p:.2g}, under {ALPHA:g} / {len(tested)} categories tested)",
                {"baseline_good": good_b, "baseline_observed": b["observed"], "good": good_n,
                 "observed": n["observed"], "p_value": p, "categories_tested": len(tested)}))
    return found


def override_rates(recent: pl.LazyFrame) -> list[Alert]:
    found = []
    for category, n in sorted(_by_category(recent).items()):
        if n["observed"] >= MIN_REQUESTS and (n["override_rate"] or 0) > OVERRIDE_LIMIT:
            found.append(Alert(
                "override_rate", f"category {category}",
                f"{category}: {n['override_rate']:.1%} of requests were overrides ({n['overrides']:,} of "
                f"{n['observed']:,}), over {OVERRIDE_LIMIT:.0%}: its routing or its classification needs work",
                {"overrides": n["overrides"], "observed": n["observed"]}))
    return found


def _daily_costs(ws: Workspace) -> pl.DataFrame:
    """Spend per day, model and category (USD)."""
    cells = priced.rollup(ws).frame.with_columns(pl.col("timestamp").dt.date().alias("day"))
    return (cells.group_by("day", "model", "category")
            .agg((cost.summed_money(pl.col("cost_usd").fill_null(0.0)) / cost.NANOS).alias("cost_usd"))
            .sort("day", "model", "category").collect())


def spend_spikes(daily: pl.DataFrame, by: str, start: date) -> list[Alert]:
    per_day = daily.group_by("day", by).agg(pl.col("cost_usd").sum())
    found = []
    for key, rows in sorted(per_day.partition_by(by, as_dict=True).items(), key=lambda kv: str(kv[0][0])):
        spend = dict(rows.select("day", "cost_usd").iter_rows())
        for day in sorted(d for d in spend if d >= start):
            trailing = [spend.get(day - timedelta(days=k), 0.0) for k in range(1, TRAILING_DAYS + 1)]
            if sum(1 for v in trailing if v > 0) < MIN_TRAILING:
                continue
            usual = median(trailing)
            if spend[day] > SPIKE_FACTOR * usual and spend[day] - usual >= MIN_SPIKE_USD:
                found.append(Alert(
                    "spend_spike", f"{by} {key[0]}",
                    f"{key[0]}: ${spend[day]:,.2f} on {day} against a median of ${usual:,.2f} over the "
                    f"{TRAILING_DAYS} days before ({spend[day] / usual if usual else float('inf'):.1f}x)",
                    {"day": day.isoformat(), "cost_usd": spend[day], "trailing_median_usd": usual}))
    return found


def over_budget(daily: pl.DataFrame, budget: float) -> list[Alert]:
    from analyzer.simulate import forecast  # numpy loads with it

    total = daily.group_by("day").agg(pl.col("cost_usd").sum()).sort("day")
    f = forecast.forecast(total, ["cost_usd"], budget)
    breach = f.budget_breach["cost_usd"]
    if breach is None:
        return []
    return [Alert("budget", "workspace",
                  f"the forecast for {f.month} is ${f.totals['cost_usd']:,.2f} ({f.method}), over the budget of "
                  f"${budget:,.2f} from {breach}", {"forecast_usd": f.totals["cost_usd"], "budget_usd": budget,
                                                    "breach_day": breach.isoformat(), "month": f.month})]
