"""Next month's spend, forecast from a daily cost series, with the method spelled out.

``forecast(daily, columns, budget)`` takes one row per day (``day``, a ``pl.Date``, and one
or more USD cost columns such as ``baseline_usd`` / ``scenario_usd``) and forecasts every day
of the calendar month after the last observed day, each column on its own. It is a pure
function: no I/O, no plotting.

The observed range is first..last day inclusive; a day missing inside it had no traffic and
counts as $0 (duplicate rows for one day are summed, null costs are $0). Two methods, chosen
by how much history there is, both simple enough to explain in one sentence on a dashboard:

* **run-rate** (fewer than ``TREND_MIN_DAYS`` = 14 observed days): every forecast day is the
  mean daily cost over the observed range. Too little data to tell a trend from noise.
* **trend+weekday** (14 days or more), with ``t`` the day index (0 = first observed day):

  - ``trend(t) = a + b·t``, the least-squares line fitted to the *7-day centred average*
    of the series (not to the raw days: over whole weeks a weekday pattern alone would tilt
    a line fitted to the raw days, e.g. cheap weekends at the end of each week read as
    decline). The average of a line is the same line, so a steady growth is kept exactly.
  - ``factor[w] = Σ actual / Σ trend`` over the observed days that fall on weekday ``w``
    (days where the trend is not positive are left out), then all seven factors are divided
    by their mean so they average 1. That is the trend-weighted mean of ``actual / trend``
    per weekday; weighting keeps a day where the trend is near $0 from dominating.
  - ``forecast(t) = max(0, trend(t) × factor[weekday(t)])``. A trend that falls below $0
    is clamped at $0, and the notes say so.

``budget_breach`` is, per column, the first forecast day on which the cumulative forecast
from the 1st of the month exceeds ``budget`` (strictly), or None.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import polars as pl

from analyzer.errors import ConfigError

TREND_MIN_DAYS = 14
WEEK = 7
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ROUNDING = 1e-9  # a trend within this share of the series' largest day counts as $0


@dataclass(frozen=True, eq=False)  # eq=False: DataFrame fields do not compare to a bool
class Forecast:
    month: str  # "YYYY-MM", the calendar month after the last observed day
    days: int  # days in that month (28-31)
    method: str  # "trend+weekday" or "run-rate"
    totals: dict[str, float]  # column -> forecast USD for the month
    daily: pl.DataFrame  # day + one column per forecast column, every day of the month
    budget_breach: dict[str, date | None]  # column -> first day cumulative > budget
    notes: list[str] = field(default_factory=list)
    observed_days: int = 0  # calendar days first..last observed, inclusive


def forecast(daily: pl.DataFrame, columns: Sequence[str], budget: float | None = None) -> Forecast:
    """Forecast each column over the month after the last observed day (see module doc)."""
    columns = list(columns)
    series = _observed(daily, columns)
    if budget is not None and budget < 0:
        raise ConfigError(f"budget must be zero or more, got {budget}")
    first, last = series["day"][0], series["day"][-1]
    n = series.height
    month_start = _next_month(last)
    days = calendar.monthrange(month_start.year, month_start.month)[1]
    month_days = [month_start + timedelta(days=i) for i in range(days)]
    t = np.array([(d - first).days for d in month_days], dtype=float)
    weekday = np.array([d.weekday() for d in month_days])
    method = "trend+weekday" if n >= TREND_MIN_DAYS else "run-rate"
    if method == "run-rate":
        notes = [f"run-rate: mean of {n} observed days × {days} days"]
    else:
        notes = [
            f"trend: least-squares line through the 7-day centred average of {n} observed days; "
            f"weekday factors from {n} days ({n // WEEK} full weeks)"
        ]
    values: dict[str, np.ndarray] = {}
    for col in columns:
        y = series[col].to_numpy().astype(float)
        if method == "run-rate":
            values[col], col_notes = _run_rate(col, y, days)
        else:
            values[col], col_notes = _trend_weekday(col, y, first, t, weekday, month_days)
        notes.extend(col_notes)
    return Forecast(
        month=month_start.strftime("%Y-%m"),
        days=days,
        method=method,
        totals={col: float(v.sum()) for col, v in values.items()},
        daily=pl.DataFrame({"day": month_days, **values}, schema_overrides={"day": pl.Date}),
        budget_breach={col: _breach(v, month_days, budget) for col, v in values.items()},
        notes=notes,
        observed_days=n,
    )


def _observed(daily: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """One row per calendar day first..last, sorted, missing days and null costs as $0."""
    if not columns:
        raise ConfigError("forecast needs at least one cost column")
    missing = [c for c in ("day", *columns) if c not in daily.columns]
    if missing:
        raise ConfigError(f"forecast: column(s) not in the daily series: {', '.join(missing)}")
    dtype = daily.schema["day"]
    if not (dtype == pl.Date or isinstance(dtype, pl.Datetime)):
        raise ConfigError(f"forecast: 'day' must be a date column, got {dtype}")
    costs = [pl.col(c).cast(pl.Float64) for c in columns]
    try:
        frame = (
            daily.select(pl.col("day").cast(pl.Date), *costs)
            .drop_nulls("day")
            .group_by("day")
            .agg(pl.col(c).fill_null(0.0).sum() for c in columns)
        )
    except pl.exceptions.PolarsError as exc:
        raise ConfigError(f"forecast: cost columns must be numeric ({type(exc).__name__})") from exc
    if frame.height == 0:
        raise ConfigError("forecast: the daily series is empty (no days to forecast from)")
    span = pl.date_range(frame["day"].min(), frame["day"].max(), interval="1d", eager=True)
    return pl.DataFrame({"day": span}).join(frame, on="day", how="left").fill_null(0.0).sort("day")


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def _run_rate(col: str, y: np.ndarray, days: int) -> tuple[np.ndarray, list[str]]:
    rate = float(y.mean())
    flat = np.full(days, max(rate, 0.0))
    note = f"{col}: ${rate:,.2f}/day × {days} days = ${flat.sum():,.2f}"
    return flat, [note + (" (negative mean clamped at $0)" if rate < 0 else "")]


def _trend_weekday(
    col: str, y: np.ndarray, first: date, t: np.ndarray, weekday: np.ndarray, month_days: list[date]
) -> tuple[np.ndarray, list[str]]:
    zero = _ROUNDING * float(np.abs(y).max())  # |trend| at or below this is rounding, i.e. $0
    slope, intercept = _trend(y)
    factors = _weekday_factors(y, first, slope, intercept, zero)
    trend = intercept + slope * t
    values = np.maximum(trend * factors[weekday], 0.0)
    shown = " ".join(f"{name} {f:.2f}" for name, f in zip(WEEKDAYS, factors, strict=True))
    on_first = max(float(trend[0]), 0.0) if abs(trend[0]) <= zero else float(trend[0])
    notes = [
        f"{col}: trend {_signed(slope)}/day, {_signed(on_first)}/day on the 1st; "
        f"weekday factors {shown}"
    ]
    below = np.flatnonzero(trend < -zero)
    if below.size:
        notes.append(f"{col}: the trend falls below $0 from {month_days[below[0]]}; clamped at $0")
    return values, notes


def _signed(usd: float) -> str:
    return f"{'-' if usd < 0 else '+'}${abs(usd):,.2f}"


def _trend(y: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through the 7-day centred average."""
    smooth = np.convolve(y, np.ones(WEEK) / WEEK, mode="valid")  # centred on t = 3 .. n-4
    centres = np.arange(smooth.size, dtype=float) + WEEK // 2
    slope, intercept = np.polyfit(centres, smooth, 1)
    return float(slope), float(intercept)


def _weekday_factors(
    y: np.ndarray, first: date, slope: float, intercept: float, zero: float
) -> np.ndarray:
    """Σ actual / Σ trend per weekday over days with a positive trend, scaled to mean 1."""
    t = np.arange(y.size, dtype=float)
    trend = intercept + slope * t
    weekday = (first.weekday() + np.arange(y.size)) % WEEK
    usable = trend > zero
    factors = np.ones(WEEK)
    for w in range(WEEK):
        days = usable & (weekday == w)
        if days.any():
            factors[w] = max(float(y[days].sum() / trend[days].sum()), 0.0)
    mean = float(factors.mean())
    return factors / mean if mean > 0 else np.ones(WEEK)


def _breach(values: np.ndarray, month_days: list[date], budget: float | None) -> date | None:
    if budget is None:
        return None
    over = np.flatnonzero(np.cumsum(values) > budget)
    return month_days[over[0]] if over.size else None
