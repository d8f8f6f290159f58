"""Monthly (``/monthly``): spend per month, next month's forecast now and under a preset, budget."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, dcc, html

from analyzer.errors import ConfigError
from analyzer.simulate import policy as policy_mod
from dashboard import figures
from dashboard.state import State, guarded, money

COLUMNS = {"baseline_usd": "current mix", "scenario_usd": "scenario"}


def _budget(value: Any) -> float | None:
    if value in (None, ""):
        return None
    b = float(value)
    if b < 0:
        raise ConfigError(f"the budget must be zero or more, got {b:g}")
    return b


def compute(views: Any, preset: str | None, budget: float | None) -> dict[str, Any]:
    """The month chart, the forecast chart and the forecast/breach text."""
    frame = views.monthly()
    if views.is_empty():
        return {"monthly-spend": figures.monthly_spend(frame, budget=budget),
                "monthly-forecast": figures.daily_forecast(None, COLUMNS),
                "monthly-breach": "No requests yet: nothing to forecast."}
    chosen = policy_mod.load(preset) if preset else policy_mod.identity("current mix")
    sim = views.simulator()
    result = sim.run(chosen)
    f = sim.forecast(result, budget)
    label = preset or "no change"
    totals = {"current mix": f.totals["baseline_usd"]}
    if preset:
        totals[f"scenario: {label}"] = f.totals["scenario_usd"]
    parts = [f"Forecast for {f.month} ({f.method}): current mix {money(f.totals['baseline_usd'])}"]
    if preset:
        parts.append(f"under '{label}' {money(f.totals['scenario_usd'])}")
    text = ", ".join(parts) + "."
    if budget is not None:
        b, s = f.budget_breach["baseline_usd"], f.budget_breach["scenario_usd"]
        text += f" Budget {money(budget)}: " + (f"exceeded on {b.isoformat()} with the current mix" if b
                                                  else "not exceeded with the current mix")
        if preset:
            text += f"; {'exceeded on ' + s.isoformat() if s else 'not exceeded'} under '{label}'"
        text += "."
    cols = dict(COLUMNS) if preset else {"baseline_usd": "current mix"}
    if preset:
        cols["scenario_usd"] = f"scenario: {label}"
    return {
        "monthly-spend": figures.monthly_spend(frame, totals, f.month, budget),
        "monthly-forecast": figures.daily_forecast(f.daily, cols, budget),
        "monthly-breach": [text, html.Br(), html.Span("; ".join(
            n for n in f.notes if preset or not n.startswith("scenario_usd")), className="muted")],
    }


def layout(views: Any, state: State | None = None) -> html.Div:
    presets = [{"label": "current mix only", "value": ""}] + [{"label": n, "value": n} for n in policy_mod.presets()]
    q = views.quality_over_time()
    return html.Div([
        html.H2("Monthly"),
        html.Div([
            html.Div([html.Label("Scenario", htmlFor="monthly-preset"),
                      dcc.Dropdown(id="monthly-preset", options=presets, value="", clearable=False)],
                     className="filter filter-wide"),
            html.Div([html.Label("Monthly budget (USD)", htmlFor="monthly-budget"),
                      dcc.Input(id="monthly-budget", type="number", min=0, step=100, debounce=True,
                                placeholder="e.g. 5000", className="input")], className="filter"),
        ], className="filters card"),
        html.Div(id="monthly-msg"),
        html.Div(id="monthly-breach", className="alert alert-info"),
        html.Div([dcc.Graph(id="monthly-spend", config={"displaylogo": False}),
                  html.Button("Download CSV", id="monthly-csv", className="btn btn-small", n_clicks=0)],
                 className="card chart"),
        html.Div(dcc.Graph(id="monthly-forecast", config={"displaylogo": False}), className="card chart"),
        html.Div(dcc.Graph(id="quality-over-time", figure=figures.quality_over_time(q), config={"displaylogo": False}),
                 className="card chart") if q is not None else None,
        dcc.Download(id="monthly-download"),
    ])


def register(app: Any, state: State) -> None:
    @app.callback(Output("monthly-spend", "figure"), Output("monthly-forecast", "figure"),
                  Output("monthly-breach", "children"), Output("monthly-msg", "children"),
                  Input("monthly-preset", "value"), Input("monthly-budget", "value"))
    @guarded(state, 4)
    def _update(preset: str | None, budget: Any) -> tuple[Any, ...]:
        got = compute(state.views, preset, _budget(budget))
        return got["monthly-spend"], got["monthly-forecast"], got["monthly-breach"], None

    @app.callback(Output("monthly-download", "data"), Input("monthly-csv", "n_clicks"), prevent_initial_call=True)
    def _csv(n: int) -> Any:
        with state.lock:
            return dcc.send_string(state.to_csv(state.views.monthly()), "monthly.csv") if n else None
