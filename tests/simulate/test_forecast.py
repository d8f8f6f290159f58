"""Next month's forecast: each method's arithmetic by hand, budget breach, edge cases."""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import ConfigError
from analyzer.simulate.forecast import forecast

FEB_1 = date(2026, 2, 1)  # a Sunday; Feb 2026 has 28 days, so 1..28 is exactly 4 weeks
MAR_1 = date(2026, 3, 1)


def series(start: date, costs: list[float], column: str = "baseline_usd") -> pl.DataFrame:
    days = [start + timedelta(days=i) for i in range(len(costs))]
    return pl.DataFrame({"day": days, column: costs}, schema={"day": pl.Date, column: pl.Float64})


def test_run_rate_seven_days_into_a_30_day_month() -> None:
    fc = forecast(series(date(2026, 3, 1), [100.0] * 7), ["baseline_usd"])
    assert (fc.month, fc.days, fc.method, fc.observed_days) == ("2026-04", 30, "run-rate", 7)
    assert fc.totals["baseline_usd"] == pytest.approx(100 * 30)  # $3,000
    assert fc.daily.height == 30
    assert fc.daily["day"].to_list() == [date(2026, 4, 1) + timedelta(days=i) for i in range(30)]
    assert fc.daily["baseline_usd"].to_list() == [100.0] * 30
    assert fc.budget_breach == {"baseline_usd": None}
    assert any("run-rate" in n and "7 observed days" in n for n in fc.notes)


def test_run_rate_into_a_31_day_month() -> None:
    fc = forecast(series(date(2026, 4, 24), [100.0] * 7), ["baseline_usd"])  # ends Apr 30
    assert (fc.month, fc.days) == ("2026-05", 31)
    assert fc.totals["baseline_usd"] == pytest.approx(100 * 31)  # $3,100


def test_december_rolls_into_january() -> None:
    fc = forecast(series(date(2026, 12, 25), [10.0] * 7), ["baseline_usd"])
    assert (fc.month, fc.days) == ("2027-01", 31)
    assert fc.daily["day"][0] == date(2027, 1, 1)


def test_method_switches_at_14_observed_days() -> None:
    assert forecast(series(FEB_1, [5.0] * 13), ["baseline_usd"]).method == "run-rate"
    assert forecast(series(FEB_1, [5.0] * 14), ["baseline_usd"]).method == "trend+weekday"


def test_weekday_pattern_is_reproduced() -> None:
    # Feb 2026: weekdays $100, Saturday and Sunday $50, flat otherwise.
    costs = [50.0 if (FEB_1 + timedelta(days=i)).weekday() >= 5 else 100.0 for i in range(28)]
    fc = forecast(series(FEB_1, costs), ["baseline_usd"])
    assert fc.method == "trend+weekday"
    assert (fc.month, fc.days) == ("2026-03", 31)
    # Mar 2026 starts on a Sunday: 4 full weeks (20 weekdays, 8 weekend days) plus
    # Sun 29, Mon 30, Tue 31 -> 22 weekdays and 9 weekend days.
    assert fc.totals["baseline_usd"] == pytest.approx(22 * 100 + 9 * 50)  # $2,650
    for day, cost in fc.daily.iter_rows():
        assert cost == pytest.approx(50.0 if day.weekday() >= 5 else 100.0)
    assert any("weekday factors" in n and "4 full weeks" in n for n in fc.notes)


def test_linear_growth_is_extrapolated() -> None:
    # cost = 10 + 2t for t = 0 (Feb 1) .. 27 (Feb 28); March is t = 28 .. 58.
    fc = forecast(series(FEB_1, [10.0 + 2 * t for t in range(28)]), ["baseline_usd"])
    assert fc.daily["baseline_usd"][0] == pytest.approx(10 + 2 * 28)  # Mar 1: $66
    assert fc.daily["baseline_usd"][-1] == pytest.approx(10 + 2 * 58)  # Mar 31: $126
    # 31 × $10 + 2 × (28 + ... + 58) = 310 + 2 × 31 × 43 = 310 + 2666
    assert fc.totals["baseline_usd"] == pytest.approx(2976.0)
    assert any("+$2.00/day" in n for n in fc.notes)


def test_growth_times_weekday_pattern() -> None:
    # Multiplicative: (100 + 5t) on weekdays, half of it at weekends.
    def cost(t: int) -> float:
        weekend = (FEB_1 + timedelta(days=t)).weekday() >= 5
        return (100 + 5 * t) * (0.5 if weekend else 1.0)

    fc = forecast(series(FEB_1, [cost(t) for t in range(28)]), ["baseline_usd"])
    expected = [cost(t) for t in range(28, 59)]
    assert fc.daily["baseline_usd"].to_list() == pytest.approx(expected, rel=0.02)
    assert fc.totals["baseline_usd"] == pytest.approx(sum(expected), rel=0.01)


def test_falling_trend_is_clamped_at_zero() -> None:
    # cost = 280 - 10t reaches $0 at t = 28 (Mar 1) and would go negative after.
    fc = forecast(series(FEB_1, [280.0 - 10 * t for t in range(28)]), ["baseline_usd"])
    assert fc.totals["baseline_usd"] == pytest.approx(0.0, abs=1e-6)
    assert min(fc.daily["baseline_usd"]) >= 0.0
    assert any("below $0 from 2026-03-02; clamped at $0" in n for n in fc.notes)
    assert not any("$-" in n for n in fc.notes)


def test_budget_breach_day() -> None:
    # $100/day from Apr 1: cumulative $1,000 on Apr 10 (not over $1,050), $1,100 on Apr 11.
    fc = forecast(series(date(2026, 3, 25), [100.0] * 7), ["baseline_usd"], budget=1050)
    assert fc.budget_breach == {"baseline_usd": date(2026, 4, 11)}
    # Exactly at the budget is not a breach: $1,000 is reached on Apr 10, exceeded on Apr 11.
    fc = forecast(series(date(2026, 3, 25), [100.0] * 7), ["baseline_usd"], budget=1000)
    assert fc.budget_breach == {"baseline_usd": date(2026, 4, 11)}
    fc = forecast(series(date(2026, 3, 25), [100.0] * 7), ["baseline_usd"], budget=3000)
    assert fc.budget_breach == {"baseline_usd": None}  # 30 × $100 = $3,000, never over


def test_missing_days_inside_the_range_count_as_zero() -> None:
    days = [date(2026, 3, d) for d in (1, 2, 3, 5, 6, 7)]  # no traffic on Mar 4
    frame = pl.DataFrame({"day": days, "baseline_usd": [100.0] * 6})
    fc = forecast(frame, ["baseline_usd"])
    assert fc.observed_days == 7
    assert fc.totals["baseline_usd"] == pytest.approx(600 / 7 * 30)  # $2,571.43


def test_unsorted_duplicate_and_null_rows() -> None:
    frame = pl.DataFrame(
        {
            "day": [date(2026, 3, 7), date(2026, 3, 1), date(2026, 3, 1), date(2026, 3, 4)],
            "baseline_usd": [70.0, 40.0, 30.0, None],
        }
    )
    fc = forecast(frame, ["baseline_usd"])
    # Mar 1 = 40 + 30, Mar 7 = 70, the rest $0: $140 over 7 days = $20/day.
    assert fc.totals["baseline_usd"] == pytest.approx(20 * 30)


def test_several_columns_forecast_independently() -> None:
    growth = [10.0 + 2 * t for t in range(28)]
    frame = series(FEB_1, growth).with_columns(scenario_usd=pl.lit(40.0))
    fc = forecast(frame, ["baseline_usd", "scenario_usd"], budget=1000)
    assert fc.daily.columns == ["day", "baseline_usd", "scenario_usd"]
    assert fc.totals["baseline_usd"] == pytest.approx(2976.0)  # as in the growth test
    assert fc.totals["scenario_usd"] == pytest.approx(40 * 31)
    # baseline: 66 + 68 + ... ; cumulative after k days = 66k + k(k-1) -> k=12: 924, k=13: 1014
    # scenario: $40/day -> 25 days = $1,000 (not over), 26 days = $1,040
    assert fc.budget_breach == {
        "baseline_usd": date(2026, 3, 13),
        "scenario_usd": date(2026, 3, 26),
    }


def test_empty_series_is_a_config_error() -> None:
    empty = pl.DataFrame(schema={"day": pl.Date, "baseline_usd": pl.Float64})
    with pytest.raises(ConfigError, match="empty"):
        forecast(empty, ["baseline_usd"])


def test_missing_column_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="scenario_usd"):
        forecast(series(FEB_1, [1.0] * 7), ["baseline_usd", "scenario_usd"])
    with pytest.raises(ConfigError, match="day"):
        forecast(pl.DataFrame({"baseline_usd": [1.0]}), ["baseline_usd"])
    with pytest.raises(ConfigError):
        forecast(series(FEB_1, [1.0] * 7), [])


def test_negative_budget_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="budget"):
        forecast(series(FEB_1, [1.0] * 7), ["baseline_usd"], budget=-1)


COSTS = st.lists(
    st.one_of(st.just(0.0), st.floats(0, 10_000, allow_nan=False, allow_subnormal=False)),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(
    costs=COSTS,
    start=st.dates(date(2025, 1, 1), date(2027, 12, 31)),
    factor=st.floats(0.01, 100, allow_subnormal=False),
)
def test_totals_are_non_negative_and_scale_linearly(
    costs: list[float], start: date, factor: float
) -> None:
    fc = forecast(series(start, costs), ["baseline_usd"])
    scaled = forecast(series(start, [c * factor for c in costs]), ["baseline_usd"])
    total = fc.totals["baseline_usd"]
    assert total >= 0
    assert scaled.totals["baseline_usd"] >= 0
    assert min(fc.daily["baseline_usd"]) >= 0
    tolerance = 1e-9 * factor * max(costs) * fc.days
    assert scaled.totals["baseline_usd"] == pytest.approx(total * factor, rel=1e-6, abs=tolerance)
