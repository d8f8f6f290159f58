"""Overview (``/``): KPIs and three charts, all under one set of filters."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State as DState, dcc, html

from dashboard import figures
from dashboard.state import State, chart_card, guarded, money, whole

CHARTS = {  # graph id -> (views method, figure builder, CSV file name)
    "cost-by-model": ("cost_by_model_day", figures.cost_by_model_day, "cost_by_model_day.csv"),
    "requests-by-model": ("requests_by_model", figures.requests_by_model, "requests_by_model.csv"),
    "cost-by-category": ("cost_by_category", figures.cost_by_category, "cost_by_category.csv"),
}
FILTER_INPUTS = [Input("f-dates", "start_date"), Input("f-dates", "end_date"), Input("f-providers", "value"),
                 Input("f-meta-key", "value"), Input("f-meta-values", "value")]


def _kpi(id: str, label: str, value: Any = "-") -> html.Div:
    return html.Div([html.Div(label, className="kpi-label"), html.Div(value, id=id, className="kpi-value")],
                    className="card kpi")


def layout(views: Any, state: State | None = None) -> html.Div:
    """The page with its figures for the full period already in it (no second round trip
    on a first load; the filters' callback runs on a change)."""
    opts = views.filter_options()
    meta_keys = opts.get("meta_keys") or []
    first: dict[str, Any] = {}
    if state is not None and not views.is_empty():
        first = compute(views, state.filters(opts.get("start"), opts.get("end")))
    return html.Div([
        html.H2("Overview"),
        html.Div([
            html.Div([html.Label("Dates", htmlFor="f-dates"),
                      dcc.DatePickerRange(id="f-dates", min_date_allowed=opts.get("start"),
                                          max_date_allowed=opts.get("end"), start_date=opts.get("start"),
                                          end_date=opts.get("end"), display_format="YYYY-MM-DD")],
                     className="filter"),
            html.Div([html.Label("Providers", htmlFor="f-providers"),
                      dcc.Dropdown(id="f-providers", options=opts.get("providers") or [], multi=True,
                                   placeholder="All providers")], className="filter filter-wide"),
            html.Div([html.Label("Metadata key", htmlFor="f-meta-key"),
                      dcc.Dropdown(id="f-meta-key", options=meta_keys, placeholder="Any")], className="filter"),
            html.Div([html.Label("Values", htmlFor="f-meta-values"),
                      dcc.Dropdown(id="f-meta-values", options=[], multi=True, placeholder="All values")],
                     className="filter filter-wide"),
        ], className="filters card"),
        html.Div(id="overview-msg"),
        html.Div(["The workspace holds no requests yet. Upload logs on the ",
                  dcc.Link("Data", href="/data"), " page, or run spendscope ingest PATH."],
                 className="alert alert-info") if views.is_empty() else None,
        html.Div([
            _kpi("kpi-total-cost", "Total cost", first.get("kpi-total-cost", "-")),
            _kpi("kpi-requests", "Requests", first.get("kpi-requests", "-")),
            _kpi("kpi-tokens", "Tokens", first.get("kpi-tokens", "-")),
            _kpi("kpi-monthly-projection", "Monthly projection", first.get("kpi-monthly-projection", "-")),
            _kpi("kpi-avg-cost", "Avg cost / request", first.get("kpi-avg-cost", "-")),
            _kpi("kpi-unpriced", "Unpriced requests", first.get("kpi-unpriced", "-")),
        ], className="kpis"),
        html.Div(chart_card("cost-by-model", first.get("cost-by-model")), className="row"),
        html.Div([chart_card("requests-by-model", first.get("requests-by-model")),
                  chart_card("cost-by-category", first.get("cost-by-category"))], className="row row-2"),
        dcc.Download(id="overview-download"),
    ])


def compute(views: Any, filters: Any) -> dict[str, Any]:
    """KPI texts and figures for one filter selection (the callback's body, browser-free)."""
    k = views.kpis(filters)
    avg = k.get("avg_cost_per_request_usd")
    return {
        "kpi-total-cost": money(k.get("total_cost_usd") or 0.0),
        "kpi-requests": whole(k.get("requests") or 0),
        "kpi-tokens": whole(k.get("tokens") or 0),
        "kpi-monthly-projection": money(k.get("monthly_projection_usd") or 0.0),
        "kpi-avg-cost": money(avg) if avg is None or avg >= 1 else f"${avg:.4f}",
        "kpi-unpriced": whole(k.get("unpriced_requests") or 0),
        **{gid: build(getattr(views, method)(filters)) for gid, (method, build, _) in CHARTS.items()},
    }


def meta_value_options(views: Any, meta_key: str | None) -> list[str]:
    if not meta_key:
        return []
    return list((views.filter_options().get("meta_values") or {}).get(meta_key, []))


def chart_csv(state: State, graph_id: str, filters: Any) -> dict[str, Any]:
    method, _, filename = CHARTS[graph_id]
    return dcc.send_string(state.to_csv(getattr(state.views, method)(filters)), filename)


def register(app: Any, state: State) -> None:
    outs = ["kpi-total-cost", "kpi-requests", "kpi-tokens", "kpi-monthly-projection", "kpi-avg-cost", "kpi-unpriced"]

    @app.callback([Output(i, "children") for i in outs] + [Output(g, "figure") for g in CHARTS]
                  + [Output("overview-msg", "children")], FILTER_INPUTS, prevent_initial_call=True)
    @guarded(state, len(outs) + len(CHARTS) + 1)
    def _update(start: str | None, end: str | None, providers: list[str] | None, meta_key: str | None,
                meta_values: list[str] | None) -> tuple[Any, ...]:
        got = compute(state.views, state.filters(start, end, providers, meta_key, meta_values))
        return (*(got[i] for i in outs), *(got[g] for g in CHARTS), None)

    @app.callback(Output("f-meta-values", "options"), Output("f-meta-values", "value"), Input("f-meta-key", "value"),
                  prevent_initial_call=True)
    def _meta_values(meta_key: str | None) -> tuple[list[str], list[str]]:
        with state.lock:
            return meta_value_options(state.views, meta_key), []

    @app.callback(Output("overview-download", "data"), Output("overview-msg", "children", allow_duplicate=True),
                  [Input(f"{g}-csv", "n_clicks") for g in CHARTS],
                  [DState(c.component_id, c.component_property) for c in FILTER_INPUTS],
                  prevent_initial_call=True)
    @guarded(state, 2)
    def _download(*args: Any) -> tuple[Any, Any]:
        from dash import ctx

        if not ctx.triggered_id or not any(args[: len(CHARTS)]):
            from dash import no_update
            return no_update, no_update
        graph_id = str(ctx.triggered_id).removesuffix("-csv")
        return chart_csv(state, graph_id, state.filters(*args[len(CHARTS):])), None
