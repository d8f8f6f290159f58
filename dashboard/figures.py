"""Pure chart builders: data in, ``plotly.graph_objects.Figure`` out.

Inputs are the frames ``analyzer.views`` returns (polars DataFrames) or plain lists of
dicts (``scenario.Result.to_json()`` parts). Nothing here reads a workspace or computes
prices: a figure only lays out numbers it is given.

Plotly renders a small HTML subset (``<b>``, ``<a href>``, ``<br>``...) in trace names, axis
categories, hover text, annotations and titles. Every string that comes from data enters a
builder through ``_rows`` or ``_label``, which escape it (``escape_text``); hovertemplates
never embed data, they refer to it (``%{y}``, ``%{fullData.name}``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

FONT = "Inter, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
PALETTE = ["#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#ec4899",
           "#84cc16", "#f97316", "#64748b", "#14b8a6", "#a855f7"]
BASELINE_COLOR = "#94a3b8"
SCENARIO_COLOR = "#2563eb"
FLOOR_COLOR = "#dc2626"


_MODEL_COLORS: dict[str, str] = {}


def model_color(model: Any) -> str:
    """One colour per model for the whole app, so a model looks the same in every chart:
    models take palette colours in the order first seen (``create_app`` shows them the
    workspace's models, most expensive first)."""
    name = str(model)
    if name not in _MODEL_COLORS:
        _MODEL_COLORS[name] = PALETTE[len(_MODEL_COLORS) % len(PALETTE)]
    return _MODEL_COLORS[name]


def escape_text(value: Any) -> Any:
    """A data value made safe for a plotly text property: strings (also inside lists and
    tuples) get ``&``, ``<`` and ``>`` as entities, which plotly displays literally; other
    values pass unchanged. Quotes stay: plotly does not decode ``&quot;``, and without ``<``
    no tag can start."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list | tuple):
        return type(value)(escape_text(v) for v in value)
    return value


def _label(value: Any) -> str:
    """A data value as an escaped label."""
    return escape_text(str(value))


def _rows(frame: Any) -> list[dict[str, Any]]:
    """Rows of a polars DataFrame (or a sequence of mappings) as dicts, strings escaped."""
    if frame is None:
        return []
    rows = frame.to_dicts() if hasattr(frame, "to_dicts") else frame
    return [{k: escape_text(v) for k, v in dict(r).items()} for r in rows]


def seed_model_colors(frame: Any) -> None:
    """Give the models of ``frame`` (a ``model`` column) their colours in row order, under
    the same (escaped) names the builders use."""
    for r in _rows(frame):
        model_color(r["model"])


# plotly validates every property it is given, which is most of a figure's build time
# (~24 ms of ~33 for a 26-bar chart); the tests turn validation on to catch a bad property.
VALIDATE = False


def _base(title: str, *, height: int = 380) -> go.Figure:
    fig = go.Figure(_validate=VALIDATE)
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        template="plotly_white",
        font={"family": FONT, "size": 12, "color": "#1f2937"},
        colorway=PALETTE,
        height=height,
        margin={"l": 56, "r": 24, "t": 56, "b": 48},
        xaxis={"automargin": True}, yaxis={"automargin": True},  # long category names stay whole
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1.0},
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


def _empty(fig: go.Figure, text: str = "No data for this selection") -> go.Figure:
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
                       font={"size": 14, "color": "#6b7280"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _ordered(keys: Iterable[Any], weights: Mapping[Any, float]) -> list[Any]:
    """Unique keys, largest weight first (ties by name) so stacks and legends are stable."""
    return sorted(dict.fromkeys(keys), key=lambda k: (-weights.get(k, 0.0), str(k)))


def cost_by_model_day(frame: Any) -> go.Figure:
    """Stacked bars: cost per day, one trace per model (``day, model, cost_usd``)."""
    fig = _base("Cost by model per day")
    rows = _rows(frame)
    if not rows:
        return _empty(fig)
    totals: dict[Any, float] = {}
    for r in rows:
        totals[r["model"]] = totals.get(r["model"], 0.0) + float(r["cost_usd"] or 0)
    for model in _ordered(totals, totals):
        mine = sorted((r for r in rows if r["model"] == model), key=lambda r: r["day"])
        fig.add_bar(name=str(model), x=[r["day"] for r in mine], y=[float(r["cost_usd"] or 0) for r in mine],
                    marker_color=model_color(model),
                    hovertemplate="%{x}<br>%{fullData.name}: $%{y:,.2f}<extra></extra>")
    fig.update_layout(barmode="stack", yaxis={"title": "USD", "tickprefix": "$"}, xaxis={"type": "date"})
    return fig


def requests_by_model(frame: Any) -> go.Figure:
    """Donut: requests per model (``model, requests``)."""
    fig = _base("Requests by model")
    rows = [r for r in _rows(frame) if r["requests"]]
    if not rows:
        return _empty(fig)
    rows.sort(key=lambda r: (-r["requests"], str(r["model"])))
    fig.add_pie(labels=[str(r["model"]) for r in rows], values=[r["requests"] for r in rows], hole=0.55,
                marker={"colors": [model_color(r["model"]) for r in rows]}, sort=False, textinfo="percent",
                hovertemplate="%{label}: %{value:,} requests<extra></extra>")
    fig.update_layout(legend={"orientation": "v", "x": 1.02, "y": 0.5, "xanchor": "left", "yanchor": "middle"})
    return fig


def cost_by_category(frame: Any) -> go.Figure:
    """Horizontal bars: cost per category (``category, cost_usd, requests``), largest on top."""
    rows = _rows(frame)
    fig = _base("Cost by category", height=max(320, 60 + 24 * len(rows)))
    if not rows:
        return _empty(fig)
    rows.sort(key=lambda r: (float(r["cost_usd"] or 0), str(r["category"])))
    fig.add_bar(y=[str(r["category"]) for r in rows], x=[float(r["cost_usd"] or 0) for r in rows],
                orientation="h", marker_color=PALETTE[0],
                customdata=[r.get("requests", 0) for r in rows],
                hovertemplate="%{y}: $%{x:,.2f} (%{customdata:,} requests)<extra></extra>")
    fig.update_layout(xaxis={"title": "USD", "tickprefix": "$"}, showlegend=False)
    return fig


def scenario_by(rows: Sequence[Mapping[str, Any]], key: str, *, title: str | None = None) -> go.Figure:
    """Grouped bars, baseline vs scenario cost per ``key`` ("category" or "model").

    ``rows`` are ``Result.to_json()["by_category"]`` (``baseline_usd``, ``scenario_usd``) or
    ``["by_model"]`` (``baseline_usd``, ``cost_usd``)."""
    data = _rows(rows)
    fig = _base(_label(title) if title else f"Baseline vs scenario by {key}",
                height=max(340, 80 + 30 * len(data)))
    if not data:
        return _empty(fig)

    def scen(r: Mapping[str, Any]) -> float:
        return float(r.get("scenario_usd", r.get("cost_usd", 0.0)) or 0.0)

    data.sort(key=lambda r: (max(float(r["baseline_usd"] or 0), scen(r)), str(r[key])))
    names = [str(r[key]) for r in data]
    fig.add_bar(name="baseline", y=names, x=[float(r["baseline_usd"] or 0) for r in data], orientation="h",
                marker_color=BASELINE_COLOR, hovertemplate="%{y}: $%{x:,.2f}<extra>baseline</extra>")
    fig.add_bar(name="scenario", y=names, x=[scen(r) for r in data], orientation="h",
                marker_color=SCENARIO_COLOR, hovertemplate="%{y}: $%{x:,.2f}<extra>scenario</extra>")
    fig.update_layout(barmode="group", xaxis={"title": "USD", "tickprefix": "$"})
    return fig


def quality_change(rows: Sequence[Mapping[str, Any]], floor: float | None) -> go.Figure:
    """Expected pass rate per category, baseline vs scenario; the floor as a line and the
    categories whose scenario quality falls below it in red."""
    data = [r for r in _rows(rows)
            if r.get("quality_baseline") is not None or r.get("quality_scenario") is not None]
    fig = _base("Expected quality per category", height=max(340, 80 + 30 * len(data)))
    if not data:
        return _empty(fig, "No quality estimate for these categories")
    data.sort(key=lambda r: str(r["category"]), reverse=True)
    names = [str(r["category"]) for r in data]
    below = [floor is not None and r.get("quality_scenario") is not None and r["quality_scenario"] < floor
             for r in data]
    fig.add_bar(name="baseline", y=names, x=[r.get("quality_baseline") for r in data], orientation="h",
                marker_color=BASELINE_COLOR, hovertemplate="%{y}: %{x:.1%}<extra>baseline</extra>")
    fig.add_bar(name="scenario", y=names, x=[r.get("quality_scenario") for r in data], orientation="h",
                marker_color=[FLOOR_COLOR if b else SCENARIO_COLOR for b in below],
                hovertemplate="%{y}: %{x:.1%}<extra>scenario</extra>")
    if floor is not None:
        fig.add_vline(x=floor, line={"color": FLOOR_COLOR, "dash": "dash", "width": 2},
                      annotation_text=f"floor {floor:.0%}", annotation_position="bottom right")
    fig.update_layout(barmode="group", xaxis={"title": "expected pass rate", "tickformat": ".0%",
                                              "range": [0, 1.02]})
    return fig


def monthly_spend(
    frame: Any,
    forecast: Mapping[str, float] | None = None,
    forecast_month: str | None = None,
    budget: float | None = None,
) -> go.Figure:
    """Stacked bars per month by model (``month, model, cost_usd, kind``); the projected
    part of a month hatched and lighter; forecast totals (label -> USD) for
    ``forecast_month`` as markers; the budget as a horizontal line."""
    fig = _base("Monthly spend", height=420)
    rows = _rows(frame)
    marks = {_label(k): v for k, v in (forecast or {}).items()}  # forecast label -> USD
    mark_month = _label(forecast_month) if forecast_month is not None else None
    if not rows and not marks:
        return _empty(fig)
    months = sorted({str(r["month"]) for r in rows} | ({mark_month} if marks and mark_month else set()))
    totals: dict[Any, float] = {}
    for r in rows:
        totals[r["model"]] = totals.get(r["model"], 0.0) + float(r["cost_usd"] or 0)
    for model in _ordered(totals, totals):
        color = model_color(model)
        for kind in ("actual", "projected"):
            mine = [r for r in rows if r["model"] == model and r["kind"] == kind]
            if not mine:
                continue
            by_month = {str(r["month"]): float(r["cost_usd"] or 0) for r in mine}
            projected = kind == "projected"
            fig.add_bar(
                name=f"{model}" + (" (projected)" if projected else ""), legendgroup=str(model),
                showlegend=not projected or not any(r["model"] == model and r["kind"] == "actual" for r in rows),
                x=list(by_month), y=list(by_month.values()), marker_color=color,
                marker_pattern_shape="/" if projected else "", opacity=0.45 if projected else 1.0,
                meta=[str(model)], hovertemplate="%{x} %{meta[0]}" + (" projected" if projected else "")
                + ": $%{y:,.2f}<extra></extra>",
            )
    if marks and mark_month:
        symbols = ["diamond", "star", "circle", "square"]
        for i, (label, usd) in enumerate(marks.items()):
            fig.add_scatter(name=f"forecast: {label}", x=[mark_month], y=[usd], mode="markers+text",
                            marker={"size": 14, "symbol": symbols[i % len(symbols)],
                                    "color": "#111827" if i == 0 else "#16a34a"},
                            text=[f"${usd:,.0f}"], textposition="top center",
                            meta=[label], hovertemplate="%{meta[0]}: $%{y:,.2f}<extra>forecast</extra>")
    if budget is not None:
        fig.add_hline(y=budget, line={"color": FLOOR_COLOR, "dash": "dash", "width": 2},
                      annotation_text=f"budget ${budget:,.0f}", annotation_position="top left")
    fig.update_layout(barmode="stack", yaxis={"title": "USD", "tickprefix": "$"},
                      xaxis={"type": "category", "categoryorder": "array", "categoryarray": months})
    return fig


def daily_forecast(forecast_daily: Any, columns: Mapping[str, str], budget: float | None = None) -> go.Figure:
    """Cumulative spend over the forecast month, one line per forecast column (label by column)."""
    fig = _base("Forecast: cumulative spend next month", height=360)
    rows = _rows(forecast_daily)
    if not rows:
        return _empty(fig)
    days = [r["day"] for r in rows]
    for i, (col, text) in enumerate(columns.items()):
        total, ys = 0.0, []
        for r in rows:
            total += float(r[col] or 0)
            ys.append(total)
        fig.add_scatter(name=_label(text), x=days, y=ys, mode="lines",
                        line={"width": 2.5, "color": PALETTE[i % len(PALETTE)]},
                        hovertemplate="%{x}: $%{y:,.2f}<extra>%{fullData.name}</extra>")
    if budget is not None:
        fig.add_hline(y=budget, line={"color": FLOOR_COLOR, "dash": "dash"}, annotation_text="budget")
    fig.update_layout(yaxis={"title": "USD (cumulative)", "tickprefix": "$"})
    return fig


def quality_over_time(frame: Any) -> go.Figure:
    """Lines: pass rate per day, one per category (``day, category, pass_rate``)."""
    fig = _base("Quality over time")
    rows = _rows(frame)
    if not rows:
        return _empty(fig, "No quality results in this workspace")
    for cat in sorted({str(r["category"]) for r in rows}):
        mine = sorted((r for r in rows if str(r["category"]) == cat), key=lambda r: r["day"])
        fig.add_scatter(name=cat, x=[r["day"] for r in mine], y=[r["pass_rate"] for r in mine], mode="lines+markers",
                        hovertemplate="%{x}: %{y:.1%}<extra>%{fullData.name}</extra>")
    fig.update_layout(yaxis={"title": "pass rate", "tickformat": ".0%", "range": [0, 1.02]})
    return fig

