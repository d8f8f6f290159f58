"""The pure figure builders, from hand-made frames."""

from __future__ import annotations

from datetime import date

import plotly.graph_objects as go
import polars as pl

from dashboard import figures


def _annotations(fig: go.Figure) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_cost_by_model_day_stacks_one_trace_per_model_largest_first() -> None:
    frame = pl.DataFrame({"day": [date(2026, 10, 5), date(2026, 10, 5), date(2026, 10, 6)],
                          "model": ["small", "big", "big"], "cost_usd": [1.0, 2.0, 3.0]})
    fig = figures.cost_by_model_day(frame)
    assert fig.layout.barmode == "stack"
    assert [t.name for t in fig.data] == ["big", "small"]
    assert list(fig.data[0].y) == [2.0, 3.0]
    assert all(isinstance(t, go.Bar) for t in fig.data)


def test_empty_frames_give_a_message_not_an_error() -> None:
    empty = pl.DataFrame({"day": [], "model": [], "cost_usd": []})
    for fig in (figures.cost_by_model_day(empty), figures.requests_by_model([]), figures.cost_by_category([]),
                figures.scenario_by([], "category"), figures.quality_change([], 0.9), figures.monthly_spend([]),
                figures.quality_over_time(None), figures.daily_forecast(None, {"a": "a"})):
        assert fig.data == ()
        assert _annotations(fig)


def test_requests_by_model_is_a_donut() -> None:
    fig = figures.requests_by_model(pl.DataFrame({"model": ["a", "b", "c"], "requests": [1, 5, 0]}))
    (pie,) = fig.data
    assert isinstance(pie, go.Pie) and pie.hole > 0
    assert list(pie.labels) == ["b", "a"]  # zero-request models left out, biggest first


def test_cost_by_category_orders_biggest_on_top() -> None:
    fig = figures.cost_by_category(pl.DataFrame({"category": ["x", "y"], "cost_usd": [5.0, 1.0], "requests": [1, 2]}))
    assert list(fig.data[0].y) == ["y", "x"]  # plotly draws the last category at the top


def test_scenario_by_category_and_by_model() -> None:
    by_cat = [{"category": "translation", "baseline_usd": 4.0, "scenario_usd": 1.0},
              {"category": "chat", "baseline_usd": 2.0, "scenario_usd": 2.0}]
    fig = figures.scenario_by(by_cat, "category")
    assert [t.name for t in fig.data] == ["baseline", "scenario"]
    assert list(fig.data[1].x) == [2.0, 1.0]
    by_model = [{"model": "gpt-5-nano", "baseline_usd": 0.0, "cost_usd": 1.0, "requests": 3}]
    assert list(figures.scenario_by(by_model, "model").data[1].x) == [1.0]


def test_quality_change_flags_categories_below_the_floor() -> None:
    rows = [{"category": "a", "quality_baseline": 0.95, "quality_scenario": 0.80},
            {"category": "b", "quality_baseline": 0.90, "quality_scenario": 0.92},
            {"category": "c", "quality_baseline": None, "quality_scenario": None}]
    fig = figures.quality_change(rows, 0.85)
    scen = fig.data[1]
    colors = dict(zip(scen.y, scen.marker.color, strict=True))
    assert colors == {"a": figures.FLOOR_COLOR, "b": figures.SCENARIO_COLOR}
    assert any(s.type == "line" and s.x0 == 0.85 for s in fig.layout.shapes)
    assert "floor 85%" in _annotations(fig)
    no_floor = figures.quality_change(rows, None)
    assert not no_floor.layout.shapes and figures.FLOOR_COLOR not in no_floor.data[1].marker.color


def test_monthly_spend_marks_projection_forecast_and_budget() -> None:
    frame = pl.DataFrame({"month": ["2026-09", "2026-10", "2026-10"], "model": ["m", "m", "m"],
                          "cost_usd": [10.0, 4.0, 6.0], "kind": ["actual", "actual", "projected"]})
    fig = figures.monthly_spend(frame, {"current mix": 12.0, "scenario": 8.0}, "2026-11", budget=11.0)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    projected = [t for t in bars if t.name.endswith("(projected)")]
    assert len(projected) == 1 and projected[0].marker.pattern.shape == "/" and projected[0].opacity < 1
    forecasts = [t for t in fig.data if isinstance(t, go.Scatter)]
    assert [t.name for t in forecasts] == ["forecast: current mix", "forecast: scenario"]
    assert list(fig.layout.xaxis.categoryarray) == ["2026-09", "2026-10", "2026-11"]
    assert any(s.y0 == 11.0 for s in fig.layout.shapes)
    assert fig.layout.barmode == "stack"


def test_daily_forecast_is_cumulative() -> None:
    daily = pl.DataFrame({"day": [date(2026, 11, 1), date(2026, 11, 2)], "baseline_usd": [1.0, 2.0]})
    fig = figures.daily_forecast(daily, {"baseline_usd": "current"}, budget=2.5)
    assert list(fig.data[0].y) == [1.0, 3.0]
    assert fig.layout.shapes[0].y0 == 2.5


def test_quality_over_time_one_line_per_category() -> None:
    frame = pl.DataFrame({"day": [date(2026, 10, 2), date(2026, 10, 1), date(2026, 10, 1)],
                          "category": ["a", "a", "b"], "pass_rate": [0.9, 0.8, 0.7]})
    fig = figures.quality_over_time(frame)
    assert [t.name for t in fig.data] == ["a", "b"]
    assert list(fig.data[0].y) == [0.8, 0.9]
