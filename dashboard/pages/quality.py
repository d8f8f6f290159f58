"""Quality (``/quality``): the quality signals the logs carry, by category, day and model.

Every number comes from ``Views`` (``quality_by_day``, ``override_rates``,
``rates_by_model``); the page lays the frames out and sends them as CSV.
"""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State as DState, ctx, dcc, html, no_update

from dashboard import quality_figures as qf
from dashboard.state import State, chart_card, guarded

CHARTS = {  # graph id -> (views method, figure builder, CSV file name)
    "quality-by-day": ("quality_by_day", qf.quality_by_day, "quality_by_day.csv"),
    "override-rate": ("override_rates", qf.override_rate, "override_rates.csv"),
    "rates-by-model": ("rates_by_model", qf.rates_by_model, "rates_by_model.csv"),
    "latency-by-model": ("rates_by_model", qf.latency_by_model, "latency_by_model.csv"),  # the same frame
}
EMPTY = "The workspace holds no requests yet. Upload logs on the "
NO_SIGNALS = ("No quality signals in these logs: their requests were ingested before spendscope read the "
              "signals (0.10.0), or they come from usage exports, which count requests without logging "
              "each one. Ingest the original logs again to see them here.")


def frame(views: Any, graph_id: str, categories: list[str] | None = None) -> Any:
    """The frame behind a chart (``categories`` picks the lines of ``quality-by-day``)."""
    method = CHARTS[graph_id][0]
    if method == "quality_by_day":
        return views.quality_by_day(list(categories) if categories else None)
    return getattr(views, method)()


def has_signals(views: Any) -> bool:
    """Any category with observed requests (``override_rates`` lists only those)."""
    return not views.is_empty() and len(views.override_rates()) > 0


def compute(views: Any, categories: list[str] | None = None) -> dict[str, Any]:
    """The four figures, and the category picker's options and value (its default: the
    categories ``quality_by_day`` picks)."""
    by_day = frame(views, "quality-by-day", categories)
    overrides = views.override_rates()
    models = views.rates_by_model()
    return {
        "quality-by-day": qf.quality_by_day(by_day),
        "override-rate": qf.override_rate(overrides),
        "rates-by-model": qf.rates_by_model(models),
        "latency-by-model": qf.latency_by_model(models),
        "options": sorted(r["category"] for r in overrides.to_dicts()),
        "selected": list(dict.fromkeys(r["category"] for r in by_day.to_dicts())),
    }


def chart_csv(state: State, graph_id: str, categories: list[str] | None = None) -> dict[str, Any]:
    return dcc.send_string(state.to_csv(frame(state.views, graph_id, categories)), CHARTS[graph_id][2])


def _explanation() -> html.P:
    return html.P([
        "Quality here is the share of observed requests that were not failed, cut short, filtered, "
        "malformed (JSON asked for, not returned), flagged by a user or overridden by a later request "
        "to a stronger model. Each rate counts only the requests whose log shows that signal (truncation "
        "of those with a finish reason, malformed JSON of those that asked for JSON, …): a missing "
        "point or bar means nothing was observed, not zero. In a terminal: ",
        html.Code("spendscope quality"), " for the full table, ", html.Code("spendscope alerts"),
        " for the alerts above the pages.",
    ], className="muted")


def layout(views: Any, state: State | None = None) -> html.Div:
    head = [html.H2("Quality"), _explanation(), html.Div(id="quality-msg")]
    if views.is_empty():
        return html.Div([*head, html.Div([EMPTY, dcc.Link("Data", href="/data"),
                                          " page, or run spendscope ingest PATH."], className="alert alert-info")])
    if not has_signals(views):
        return html.Div([*head, html.Div(NO_SIGNALS, id="quality-no-signals", className="alert alert-info")])
    got = compute(views)
    return html.Div([
        *head,
        html.Div(html.Div([html.Label("Categories", htmlFor="quality-categories"),
                           dcc.Dropdown(id="quality-categories", options=got["options"], value=got["selected"],
                                        multi=True, placeholder="The six busiest categories")],
                          className="filter filter-wide"), className="filters card"),
        html.Div(chart_card("quality-by-day", got["quality-by-day"]), className="row"),
        html.Div([chart_card("override-rate", got["override-rate"]), chart_card("latency-by-model", got["latency-by-model"])],
                 className="row row-2"),
        html.Div(chart_card("rates-by-model", got["rates-by-model"]), className="row"),
        dcc.Download(id="quality-download"),
    ])


def register(app: Any, state: State) -> None:
    @app.callback(Output("quality-by-day", "figure"), Output("quality-msg", "children"),
                  Input("quality-categories", "value"), prevent_initial_call=True)
    @guarded(state, 2)
    def _categories(categories: list[str] | None) -> tuple[Any, Any]:
        return qf.quality_by_day(frame(state.views, "quality-by-day", categories)), None

    @app.callback(Output("quality-download", "data"), Output("quality-msg", "children", allow_duplicate=True),
                  [Input(f"{g}-csv", "n_clicks") for g in CHARTS], DState("quality-categories", "value"),
                  prevent_initial_call=True)
    @guarded(state, 2)
    def _download(*args: Any) -> tuple[Any, Any]:
        if not ctx.triggered_id or not any(args[: len(CHARTS)]):
            return no_update, no_update
        return chart_csv(state, str(ctx.triggered_id).removesuffix("-csv"), args[len(CHARTS)]), None

