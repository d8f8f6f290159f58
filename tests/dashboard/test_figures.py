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


# --------------------------------------------------------------------------- markup in data
BOLD = "<b>x</b>"
LINK = '<a href="https://e.example">y</a>'
EVIL = [BOLD, LINK]
ESCAPED = ["&lt;b&gt;x&lt;/b&gt;", '&lt;a href="https://e.example"&gt;y&lt;/a&gt;']


def _strings(value: object) -> list[str]:
    """Every string in a figure's JSON (layout.template excepted: plotly's own)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "template" for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    if hasattr(value, "tolist"):
        return _strings(value.tolist())
    return []


def _markup_figures() -> list[go.Figure]:
    """Every builder, fed model, category and label strings that carry markup."""
    d1, d2 = date(2026, 10, 5), date(2026, 10, 6)
    cats = [{"category": name, "model": name, "baseline_usd": 2.0, "scenario_usd": 1.0, "cost_usd": 1.0,
             "requests": 3, "quality_baseline": 0.9, "quality_scenario": 0.8} for name in EVIL]
    return [
        figures.cost_by_model_day(pl.DataFrame({"day": [d1, d2], "model": EVIL, "cost_usd": [1.0, 2.0]})),
        figures.requests_by_model(pl.DataFrame({"model": EVIL, "requests": [3, 4]})),
        figures.cost_by_category(pl.DataFrame({"category": EVIL, "cost_usd": [1.0, 2.0],
                                               "requests": [1, 2]})),
        figures.scenario_by(cats, "category"),
        figures.scenario_by(cats, "model", title=BOLD),
        figures.quality_change(cats, 0.85),
        figures.monthly_spend(pl.DataFrame({"month": ["2026-10", "2026-10"], "model": EVIL,
                                            "cost_usd": [1.0, 2.0], "kind": ["actual", "projected"]}),
                              {BOLD: 3.0, f"scenario: {LINK}": 2.0}, "2026-11", budget=5.0),
        figures.daily_forecast(pl.DataFrame({"day": [d1, d2], "a": [1.0, 2.0], "b": [1.0, 1.0]}),
                               {"a": BOLD, "b": f"scenario: {LINK}"}),
        figures.quality_over_time(pl.DataFrame({"day": [d1, d2], "category": EVIL, "pass_rate": [0.9, 0.8]})),
    ]


def test_markup_in_data_is_escaped_in_every_figure() -> None:
    for fig in _markup_figures():
        found = _strings(fig.to_plotly_json())
        raw = [s for s in found if "<b>" in s or "<a" in s.lower() or "</a" in s.lower()]
        assert raw == [], raw
        assert any(ESCAPED[0] in s for s in found), found  # the text is there, shown literally by plotly
    names = {t.name for t in _markup_figures()[0].data}
    assert names == set(ESCAPED)
    cat_axis = _markup_figures()[2].data[0].y
    assert sorted(cat_axis) == sorted(ESCAPED)
    assert list(_markup_figures()[1].data[0].labels) == ESCAPED[::-1]


def test_hovertemplates_refer_to_data_never_embed_it() -> None:
    """A name like ``%{y}`` stays text: templates reference names (``%{fullData.name}``) instead."""
    for fig in _markup_figures():
        for trace in fig.data:
            template = getattr(trace, "hovertemplate", None) or ""
            assert "e.example" not in template and "x&lt;" not in template, template


def test_escape_text_rules() -> None:
    assert figures.escape_text('a & <b> "q"') == 'a &amp; &lt;b&gt; "q"'
    assert figures.escape_text(["<i>", ("<u>",)]) == ["&lt;i&gt;", ("&lt;u&gt;",)]
    assert figures.escape_text(3.5) == 3.5 and figures.escape_text(None) is None

def test_seeded_colours_use_the_names_the_builders_use() -> None:
    figures.seed_model_colors(pl.DataFrame({"model": ["<s>colour-test</s>"]}))
    assert "&lt;s&gt;colour-test&lt;/s&gt;" in figures._MODEL_COLORS
    assert "<s>colour-test</s>" not in figures._MODEL_COLORS
