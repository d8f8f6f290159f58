"""Chart builders of the Quality page: the frames of ``Views.quality_by_day``,
``override_rates`` and ``rates_by_model`` in, ``go.Figure`` out.

The same rules as ``figures.py``: data strings enter through ``_rows`` (escaped), hover
templates refer to data and never embed it. A null rate (nothing observed) is drawn as a gap
(``None``), never as 0.
"""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go

from analyzer.quality.evidence import OVERRIDE_LIMIT
from dashboard.figures import FLOOR_COLOR, PALETTE, _base, _empty, _rows

NO_SIGNALS = "No quality signals in these logs"
# rate column -> (trace name, colour); the rate kinds are the traces, in fixed colours
RATE_KINDS = {
    "error_rate": ("errors", "#dc2626"),
    "truncation_rate": ("truncated", "#f59e0b"),
    "filter_rate": ("content filter", "#8b5cf6"),
    "malformed_json_rate": ("malformed JSON", "#06b6d4"),
    "retry_rate": ("retries", "#64748b"),
    "override_rate": ("overrides", "#ec4899"),
    "flag_rate": ("flagged", "#84cc16"),
}
P50_COLOR, P95_COLOR = "#93c5fd", "#1d4ed8"
DAY_MS = 86_400_000


def _rate(value: Any) -> float | None:
    return None if value is None else float(value)


def _seconds(ms: Any) -> float | None:
    return None if ms is None else float(ms) / 1000


def quality_by_day(frame: Any) -> go.Figure:
    """Lines: the quality proxy per day, one per category (``day, category, observed, bad,
    quality``); a day without observed requests is a gap in its category's line."""
    fig = _base("Quality per day (share of observed requests not bad)", height=400)
    rows = _rows(frame)
    if not rows:
        return _empty(fig, NO_SIGNALS)
    days = sorted({str(r["day"]) for r in rows})
    for i, cat in enumerate(sorted({str(r["category"]) for r in rows})):
        mine = {str(r["day"]): r for r in rows if str(r["category"]) == cat}
        got = [mine.get(d) for d in days]
        fig.add_scatter(
            name=cat, x=days, y=[_rate(r["quality"]) if r else None for r in got], mode="lines+markers",
            connectgaps=False, line={"width": 2.5, "color": PALETTE[i % len(PALETTE)]},
            customdata=[[r["bad"], r["observed"]] if r else [None, None] for r in got],
            hovertemplate="%{x}: %{y:.1%}<br>%{customdata[0]:,} bad of %{customdata[1]:,} observed"
                          "<extra>%{fullData.name}</extra>")
    step = max(1, math.ceil(len(days) / 12))  # whole days between ticks (plotly would tick hours)
    fig.update_layout(yaxis={"title": "quality", "tickformat": ".1%"},
                      xaxis={"type": "date", "tick0": days[0], "dtick": step * DAY_MS, "tickformat": "%b %d"},
                      hovermode="closest", margin={"b": 72})
    return fig


def override_rate(frame: Any, limit: float = OVERRIDE_LIMIT) -> go.Figure:
    """Horizontal bars: the override rate per category (``category, observed, overrides,
    override_rate``), highest on top, those over ``limit`` in red; ``limit`` as a dashed line."""
    rows = _rows(frame)
    fig = _base("Override rate per category", height=max(320, 80 + 24 * len(rows)))
    if not rows:
        return _empty(fig, NO_SIGNALS)
    # plotly draws the first row at the bottom: ascending rates, ties in reverse name order
    rows.sort(key=lambda r: str(r["category"]), reverse=True)
    rows.sort(key=lambda r: -1.0 if r["override_rate"] is None else float(r["override_rate"]))
    rates = [_rate(r["override_rate"]) for r in rows]
    fig.add_bar(y=[str(r["category"]) for r in rows], x=rates, orientation="h",
                marker_color=[FLOOR_COLOR if x is not None and x > limit else PALETTE[0] for x in rates],
                customdata=[[r["overrides"], r["observed"]] for r in rows],
                hovertemplate="%{y}: %{x:.1%} (%{customdata[0]:,} of %{customdata[1]:,})<extra></extra>")
    top = max([x for x in rates if x is not None] + [limit])
    fig.add_vline(x=limit, line={"color": FLOOR_COLOR, "dash": "dash", "width": 2},
                  annotation_text=f"alert line {limit:.0%}", annotation_position="top right",
                  annotation_yshift=14)
    fig.update_layout(xaxis={"title": "overrides / observed requests", "tickformat": ".0%", "range": [0, top * 1.15]},
                      yaxis={"automargin": True}, showlegend=False, margin={"b": 72})
    return fig


def rates_by_model(frame: Any) -> go.Figure:
    """Grouped bars: each rate kind (``RATE_KINDS``) per model, models in the frame's order
    (``model`` and the rate columns of ``Views.rates_by_model``)."""
    fig = _base("Rates by model", height=420)
    rows = _rows(frame)
    if not rows or all(r.get(col) is None for r in rows for col in RATE_KINDS):
        return _empty(fig, NO_SIGNALS)
    models = [str(r["model"]) for r in rows]
    for col, (name, color) in RATE_KINDS.items():
        fig.add_bar(name=name, x=models, y=[_rate(r.get(col)) for r in rows], marker_color=color,
                    hovertemplate="%{x}: %{y:.2%}<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="group", yaxis={"title": "share of the requests that could show it",
                                              "tickformat": ".1%"}, xaxis={"automargin": True}, margin={"b": 72})
    return fig


def latency_by_model(frame: Any) -> go.Figure:
    """Grouped bars: latency p50 and p95 per model in seconds (``model, latency_p50_ms,
    latency_p95_ms``); a model without logged latency has no bar."""
    fig = _base("Latency by model", height=400)
    rows = _rows(frame)
    if not any(r.get("latency_p50_ms") is not None or r.get("latency_p95_ms") is not None for r in rows):
        return _empty(fig, "No latency in these logs")
    models = [str(r["model"]) for r in rows]
    for col, name, color in (("latency_p50_ms", "p50", P50_COLOR), ("latency_p95_ms", "p95", P95_COLOR)):
        fig.add_bar(name=name, x=models, y=[_seconds(r.get(col)) for r in rows], marker_color=color,
                    hovertemplate="%{x}: %{y:.1f} s<extra>%{fullData.name}</extra>")
    fig.update_layout(barmode="group", yaxis={"title": "seconds", "ticksuffix": " s"}, xaxis={"automargin": True},
                      margin={"b": 72})
    return fig
