"""The Quality page's figure builders as plain functions: frames in, figures out."""

from __future__ import annotations

import polars as pl

from analyzer.quality.evidence import OVERRIDE_LIMIT
from dashboard import quality_figures as qf
from dashboard.figures import FLOOR_COLOR
from tests.dashboard.test_figures import BOLD, ESCAPED, EVIL, _strings

BY_DAY = pl.DataFrame({"day": ["2026-10-05", "2026-10-05", "2026-10-06", "2026-10-07"],
                       "category": ["translation", "summarization", "translation", "summarization"],
                       "observed": [40, 10, 40, 12], "bad": [0, 3, 2, 0], "quality": [1.0, 0.7, 0.95, 1.0]})
OVERRIDES = pl.DataFrame({"category": ["translation", "chat", "summarization", "legacy"],
                          "observed": [80, 40, 20, 0], "overrides": [6, 1, 0, 0],
                          "override_rate": [0.075, 0.025, 0.0, None]})
MODELS = pl.DataFrame({
    "model": ["gpt-4o-mini", "gpt-4o"], "requests": [80, 20], "observed": [80, 20],
    "error_rate": [0.0, 0.2], "truncation_rate": [0.01, None], "filter_rate": [0.0, None],
    "malformed_json_rate": [None, None], "retry_rate": [0.02, 0.0], "override_rate": [0.075, 0.0],
    "flag_rate": [None, 1.0], "quality": [0.97, 0.7], "latency_p50_ms": [1000.0, None],
    "latency_p95_ms": [1400.0, None]}, schema_overrides={"malformed_json_rate": pl.Float64})


def _trace(fig: object, name: str) -> object:
    [found] = [t for t in fig.data if t.name == name]  # type: ignore[attr-defined]
    return found


def _message(fig: object) -> str:
    return fig.layout.annotations[0].text  # type: ignore[attr-defined]


def test_quality_by_day_one_line_per_category_with_gaps_and_counts() -> None:
    fig = qf.quality_by_day(BY_DAY)
    assert [t.name for t in fig.data] == ["summarization", "translation"]
    days = ["2026-10-05", "2026-10-06", "2026-10-07"]
    summ, trans = _trace(fig, "summarization"), _trace(fig, "translation")
    assert list(summ.x) == days and list(trans.x) == days
    assert list(summ.y) == [0.7, None, 1.0]  # no observed request on the 6th: a gap, not 0
    assert list(trans.y) == [1.0, 0.95, None]
    assert summ.connectgaps is False
    assert [list(c) for c in summ.customdata] == [[3, 10], [None, None], [0, 12]]  # bad, observed
    assert "%{customdata[0]:,} bad of %{customdata[1]:,} observed" in summ.hovertemplate
    assert fig.layout.yaxis.tickformat == ".1%"


def test_override_rate_highest_on_top_red_over_the_alert_line() -> None:
    fig = qf.override_rate(OVERRIDES)
    [bars] = fig.data
    # plotly draws the first bar at the bottom: the highest rate is last
    assert list(bars.y) == ["legacy", "summarization", "chat", "translation"]
    assert list(bars.x) == [None, 0.0, 0.025, 0.075]  # nothing observed: no bar, not 0
    assert list(bars.marker.color)[-1] == FLOOR_COLOR and FLOOR_COLOR not in list(bars.marker.color)[:-1]
    [line] = fig.layout.shapes
    assert (line.x0, line.x1, line.line.dash) == (OVERRIDE_LIMIT, OVERRIDE_LIMIT, "dash")
    assert OVERRIDE_LIMIT == 0.05 and "5%" in fig.layout.annotations[0].text
    assert [list(c) for c in bars.customdata][-1] == [6, 80]  # overrides, observed in the hover
    assert fig.layout.xaxis.range[1] > 0.075


def test_rates_by_model_one_trace_per_rate_kind_nulls_as_gaps() -> None:
    fig = qf.rates_by_model(MODELS)
    assert [t.name for t in fig.data] == [name for name, _ in qf.RATE_KINDS.values()]
    assert len({t.marker.color for t in fig.data}) == len(qf.RATE_KINDS)  # fixed, distinct colours
    assert fig.layout.barmode == "group"
    for t in fig.data:
        assert list(t.x) == ["gpt-4o-mini", "gpt-4o"]
    assert list(_trace(fig, "errors").y) == [0.0, 0.2]
    assert list(_trace(fig, "truncated").y) == [0.01, None]
    assert list(_trace(fig, "malformed JSON").y) == [None, None]
    assert list(_trace(fig, "flagged").y) == [None, 1.0]


def test_latency_by_model_in_seconds_without_a_bar_where_none_is_logged() -> None:
    fig = qf.latency_by_model(MODELS)
    assert [t.name for t in fig.data] == ["p50", "p95"]
    assert list(fig.data[0].y) == [1.0, None] and list(fig.data[1].y) == [1.4, None]
    assert fig.layout.yaxis.ticksuffix == " s"


def test_no_signals_give_a_message_not_an_empty_chart() -> None:
    empty_days = BY_DAY.clear()
    assert _message(qf.quality_by_day(empty_days)) == qf.NO_SIGNALS
    assert _message(qf.override_rate(OVERRIDES.clear())) == qf.NO_SIGNALS
    assert _message(qf.rates_by_model(None)) == qf.NO_SIGNALS
    untimed = MODELS.with_columns(pl.lit(None, pl.Float64).alias(c) for c in ("latency_p50_ms", "latency_p95_ms"))
    assert _message(qf.latency_by_model(untimed)) == "No latency in these logs"
    unobserved = MODELS.with_columns(pl.lit(None, pl.Float64).alias(c) for c in qf.RATE_KINDS)
    assert _message(qf.rates_by_model(unobserved)) == qf.NO_SIGNALS  # rates all null: nothing to draw


def test_markup_in_category_and_model_names_is_escaped() -> None:
    figs = [
        qf.quality_by_day(pl.DataFrame({"day": ["2026-10-05", "2026-10-06"], "category": EVIL, "observed": [4, 5],
                                        "bad": [1, 0], "quality": [0.75, 1.0]})),
        qf.override_rate(pl.DataFrame({"category": EVIL, "observed": [40, 40], "overrides": [4, 0],
                                       "override_rate": [0.1, 0.0]})),
        qf.rates_by_model(MODELS.with_columns(pl.Series("model", EVIL))),
        qf.latency_by_model(MODELS.with_columns(pl.Series("model", EVIL))),
    ]
    for fig in figs:
        found = _strings(fig.to_plotly_json())
        raw = [s for s in found if "<b>" in s or "<a" in s.lower() or "</a" in s.lower()]
        assert raw == [], raw
        assert any(ESCAPED[0] in s for s in found), found
        for trace in fig.data:  # hover templates refer to the data, never embed it
            assert "e.example" not in trace.hovertemplate and "x&lt;" not in trace.hovertemplate
    assert sorted(t.name for t in figs[0].data) == sorted(ESCAPED)
    assert sorted(figs[1].data[0].y) == sorted(ESCAPED)
    assert list(figs[2].data[0].x) == ESCAPED and list(figs[3].data[0].x) == ESCAPED
    assert BOLD not in str(figs[2].to_plotly_json()["data"])
