"""Simulator (``/simulator``): route categories to other models and see the cost and quality.

The page only builds a policy *dict* (``policy.from_dict`` checks it) and shows what
``Simulator.run`` returns; every price and quality number comes from ``analyzer.simulate``.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from dash import ALL, Input, Output, State as DState, ctx, dcc, html, no_update

from analyzer.errors import ConfigError
from analyzer.simulate.tokens import NEUTRAL as NEUTRAL_TOKENS
from analyzer.simulate import policy as policy_mod
from analyzer.simulate import quality, window
from dashboard import figures
from dashboard.state import State, guarded, info_box, money, pct, rows_csv, table, whole

SCENARIOS = "scenarios.json"  # saved scenarios in the workspace: {name: policy dict}
KEEP = ""  # "keep the current model" in a row's dropdown
DEFAULT_FLOOR = 0.9
MONTH_DAYS = 30


# --------------------------------------------------------------------------- plain functions
def candidates(views: Any, current: list[str]) -> list[str]:
    """Target models: each present provider's family (budget, mid, flagship), then the
    models already in use."""
    found: list[str] = []
    for provider in views.simulator().providers():
        found += list((quality.family_models(provider) or {}).values())
    return list(dict.fromkeys(found + [m for m in current if m]))


def preset_source(name: str | None) -> dict[str, Any]:
    """A shipped preset's file content (empty for none)."""
    if not name:
        return {}
    path = policy_mod.presets().get(name)
    if path is None:
        raise ConfigError(f"unknown preset '{name}' (presets: {', '.join(policy_mod.presets())})")
    return tomllib.loads(path.read_text())


def build_policy(
    rows: list[dict[str, Any]],
    *,
    preset: str | None = None,
    keep_cache: bool = False,
    output_factor: float | None = 1.0,
    tokenizer: bool = True,
    name: str | None = None,
) -> dict[str, Any]:
    """A policy file's content. ``rows`` are ``{"category", "model", "share", "batch"}``;
    a row routes its category when it names a model (with a share > 0) or turns batch on.
    Row routes come first, so they take precedence over the preset's routes."""
    routes: list[dict[str, Any]] = []
    for r in rows:
        share = float(r.get("share") or 0.0)
        model = r.get("model") or KEEP
        to = [{"model": model, "share": round(min(share, 1.0), 4)}] if model != KEEP and share > 0 else []
        if to or r.get("batch"):
            route: dict[str, Any] = {"match": {"category": r["category"]}, "to": to}
            if r.get("batch"):
                route["batch"] = True
            routes.append(route)
    base = preset_source(preset)
    content = {k: v for k, v in base.items() if k not in ("name", "description", "routes")}
    title = name or (f"{base.get('name', preset)}" + (" + custom routes" if routes else "") if preset else "custom")
    content = {"name": title, "description": base.get("description", "Built in the spendscope dashboard."),
               **content, "keep_cache": bool(keep_cache),
               "output_factor": float(output_factor) if output_factor else 1.0,
               "routes": routes + list(base.get("routes", []))}
    if not tokenizer:  # the same token counts on every provider
        content["token_factors"] = dict(NEUTRAL_TOKENS)
    return content


def run(views: Any, content: dict[str, Any], floor: float | None, month_days: float = MONTH_DAYS) -> Any:
    chosen = policy_mod.from_dict(content, "scenario")
    if chosen.meta_keys:
        raise ConfigError(f"the dashboard's simulator cannot match on {', '.join(chosen.meta_keys)}; "
                          "use spendscope simulate --policy FILE")
    return views.simulator().run(chosen, month_days=month_days, floor=floor)


SCENARIO_COLS = [("category", "category"), ("requests", "requests"), ("baseline_usd", "baseline"),
                 ("scenario_usd", "scenario"), ("quality", "quality before → after"),
                 ("quality_evidence_share", "evidence"), ("retry_usd", "retries"),
                 ("latency_p50", "latency p50 before → after"), ("latency_p95", "latency p95 before → after")]


def _seconds(ms: float | None) -> str:
    return "–" if ms is None else f"{ms / 1000:.1f} s"


def category_rows(by_category: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The scenario's by-category rows for ``scenario-table``: its numbers as they are, and
    the before → after pairs as text."""
    return [{
        "category": r["category"], "requests": r.get("requests"), "baseline_usd": r.get("baseline_usd"),
        "scenario_usd": r.get("scenario_usd"),
        "quality": f"{pct(r.get('quality_baseline'))} → {pct(r.get('quality_scenario'))}",
        "quality_evidence_share": r.get("quality_evidence_share"), "retry_usd": r.get("retry_usd"),
        **{f"latency_{q}": " → ".join(_seconds(r.get(f"latency_{q}_ms_{side}")) for side in ("baseline", "scenario"))
           for q in ("p50", "p95")},
    } for r in by_category]


def scenario_table(by_category: list[dict[str, Any]]) -> Any:
    return table(category_rows(by_category), SCENARIO_COLS,
                 formats={"requests": whole, "baseline_usd": money, "scenario_usd": money,
                          "quality_evidence_share": pct, "retry_usd": money},
                 empty="No categories in this scenario.")


QUALITY_NOTE = ("Expected quality is the share of requests a model of that tier is expected to answer "
                "acceptably in that category: a shipped prior (judgement, wide ranges), updated by the answers "
                "judged in your logs and replaced by your own quality_results.csv where they cover it.")


def _period(report: dict[str, Any]) -> str:
    """Which days the figures reprice, and why when the simulator chose them (``window.py``)."""
    period = report["period"]
    if not period["start"]:
        return ""
    chosen = any(a.startswith(window.CHOSEN) for a in report["assumptions"])
    text = f"Repriced: {period['start']} to {period['end']} ({period['days']} days)"
    return text + (": the days of per-request logs (the usage exports before them have no prompts to route). "
                   if chosen else ". ")


def render(result: Any) -> dict[str, Any]:
    """Texts, figures and the by-category table of one scenario."""
    report = result.to_json()
    m = report["monthly"]
    below = report["below_floor"]
    return {
        "scenario-cost": money(report["scenario"]["cost_usd"]),
        "scenario-baseline": money(report["baseline"]["cost_usd"]),
        "scenario-savings": f"{money(report['savings_usd'])} ({report['savings_pct']:.1f}%)",
        "sim-monthly": (f"{money(m['baseline_usd'])} → {money(m['scenario_usd'])} per {m['month_days']:g}-day month "
                        f"(saves {money(m['savings_usd'])})"),
        "sim-quality": (_period(report)
                        + f"Expected quality {pct(report['baseline']['quality'])} → {pct(report['scenario']['quality'])}"
                        + (f"; this scenario leaves below the floor: {', '.join(below)}" if below else "")
                        + ". " + QUALITY_NOTE),
        "scenario-chart": figures.scenario_by(report["by_category"], "category"),
        "scenario-by-model": figures.scenario_by(report["by_model"], "model"),
        "scenario-quality": figures.quality_change(report["by_category"], report["quality_floor"]),
        "scenario-table": scenario_table(report["by_category"]),
        "sim-notes": [html.Li(a) for a in report["assumptions"]],
    }


def load_saved(root: Path) -> dict[str, dict[str, Any]]:
    path = Path(root) / SCENARIOS
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError) as e:
        raise ConfigError(f"{path}: cannot read saved scenarios ({e})") from e
    return data if isinstance(data, dict) else {}


def save_scenario(root: Path, name: str | None, content: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    name = (name or "").strip()
    if not name:
        raise ConfigError("give the scenario a name before saving it")
    if not content:
        raise ConfigError("nothing to save yet: change a control first")
    policy_mod.from_dict(content, "scenario")  # only valid policies are saved
    saved = load_saved(root)
    saved[name] = {**content, "name": name}
    path = Path(root) / SCENARIOS
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(saved, indent=2) + "\n")
    tmp.replace(path)
    return saved


def compare(views: Any, saved: dict[str, dict[str, Any]], names: list[str], floor: float | None) -> list[dict[str, Any]]:
    rows = []
    for name in names:
        if name not in saved:
            continue
        rep = run(views, saved[name], floor).to_json()
        rows.append({"scenario": name, "baseline": money(rep["baseline"]["cost_usd"]),
                     "cost": money(rep["scenario"]["cost_usd"]),
                     "savings": f"{money(rep['savings_usd'])} ({rep['savings_pct']:.1f}%)",
                     "monthly": money(rep["monthly"]["scenario_usd"]),
                     "quality": pct(rep["scenario"]["quality"]),
                     "below_floor": ", ".join(rep["below_floor"]) or "-"})
    return rows


COMPARE_COLS = [("scenario", "scenario"), ("baseline", "baseline"), ("cost", "scenario cost"),
                ("savings", "savings"), ("monthly", "per month"), ("quality", "quality"),
                ("below_floor", "below floor")]


# --------------------------------------------------------------------------- layout
def _row(cat: dict[str, Any], options: list[dict[str, str]]) -> html.Tr:
    c = cat["category"]
    return html.Tr([
        html.Td(c),
        html.Td(whole(cat.get("requests")), className="num"),
        html.Td(money(cat.get("cost_usd")), className="num"),
        html.Td(dcc.Dropdown(id={"type": "sim-model", "index": c}, options=options, value=KEEP, clearable=False),
                className="cell-model"),
        html.Td(dcc.Slider(id={"type": "sim-share", "index": c}, min=0, max=1, step=0.05, value=1,
                           marks={0: "0", 0.5: "50%", 1: "100%"}, updatemode="mouseup"),
                className="cell-share"),
        html.Td(dcc.Checklist(id={"type": "sim-batch", "index": c}, options=[{"label": " batch", "value": "batch"}],
                              value=[], className="check")),
    ])


def layout(views: Any, state: State) -> html.Div:
    if views.is_empty():
        return html.Div([html.H2("Simulator"),
                         html.Div(["The workspace holds no requests yet. Upload logs on the ",
                                   dcc.Link("Data", href="/data"), " page first."], className="alert alert-info"),
                         html.Div(id="scenario-cost"), html.Div(id="scenario-savings"),
                         dcc.Graph(id="scenario-chart", style={"display": "none"})])
    cats = views.simulated_categories().to_dicts()  # the days it reprices, not the whole history
    current = views.requests_by_model(state.filters()).to_dicts()
    options = [{"label": "keep current model", "value": KEEP}] + [
        {"label": m, "value": m} for m in candidates(views, [r["model"] for r in current])]
    presets = [{"label": "none (only the rows below)", "value": ""}] + [
        {"label": n, "value": n} for n in policy_mod.presets()]
    return html.Div([
        html.H2("Simulator"),
        html.Div([
            html.Div([html.Div("Baseline", className="kpi-label"), html.Div(id="scenario-baseline", className="kpi-value")], className="card kpi"),
            html.Div([html.Div("Scenario cost", className="kpi-label"), html.Div(id="scenario-cost", className="kpi-value")], className="card kpi"),
            html.Div([html.Div("Savings", className="kpi-label"), html.Div(id="scenario-savings", className="kpi-value")], className="card kpi"),
            html.Div([html.Div("Monthly", className="kpi-label"), html.Div(id="sim-monthly", className="kpi-text")], className="card kpi kpi-wide"),
        ], className="kpis"),
        html.Div(id="sim-msg"),
        html.Div(id="sim-quality", className="muted"),
        html.Div([
            html.Div([html.Label("Preset", htmlFor="sim-preset"),
                      dcc.Dropdown(id="sim-preset", options=presets, value="", clearable=False)], className="filter filter-wide"),
            html.Div([html.Label("Output tokens ×", htmlFor="sim-output-factor"),
                      dcc.Input(id="sim-output-factor", type="number", min=0.1, max=5, step=0.05, value=1.0,
                                debounce=True, className="input")], className="filter"),
            html.Div([html.Label("Quality floor", htmlFor="sim-floor"),
                      dcc.Input(id="sim-floor", type="number", min=0, max=1, step=0.01, value=DEFAULT_FLOOR,
                                debounce=True, className="input")], className="filter"),
            html.Div([html.Label("Cache", htmlFor="sim-keep-cache"),
                      dcc.Checklist(id="sim-keep-cache", options=[{"label": " moved requests keep cache hits",
                                                                   "value": "keep"}], value=[], className="check")],
                     className="filter filter-wide"),
            html.Div([html.Label("Tokenizers", htmlFor="sim-tokenizer"),
                      dcc.Checklist(id="sim-tokenizer", options=[{"label": " count tokens per provider's tokenizer",
                                                                  "value": "on"}], value=["on"], className="check")],
                     className="filter filter-wide"),
        ], className="filters card"),
        html.Div([
            html.H3("Route per category"),
            html.P("Rows take precedence over the preset. Share = part of the category's requests moved.",
                   className="muted"),
            html.Div(html.Table([
                html.Thead(html.Tr([html.Th(h) for h in ("category", "requests", "cost", "target model",
                                                        "share moved", "")])),
                html.Tbody([_row(c, options) for c in cats]),
            ], className="table sim-table"), className="table-wrap"),
        ], className="card"),
        html.Div([
            html.Div([dcc.Graph(id="scenario-chart", config={"displaylogo": False}),
                      html.Button("Download CSV", id="scenario-chart-csv", className="btn btn-small", n_clicks=0)],
                     className="card chart"),
            html.Div([dcc.Graph(id="scenario-by-model", config={"displaylogo": False}),
                      html.Button("Download CSV", id="scenario-by-model-csv", className="btn btn-small", n_clicks=0)],
                     className="card chart"),
        ], className="row row-2"),
        html.Div([dcc.Graph(id="scenario-quality", config={"displaylogo": False}),
                  html.Button("Download CSV", id="scenario-quality-csv", className="btn btn-small", n_clicks=0)],
                 className="card chart"),
        html.Div([html.H3("By category"),
                  html.P("Evidence: the share of the expected quality that rests on your results or judged "
                         "answers rather than the prior. Retries: what the new models' retries add (negative: "
                         "save). Latency: the mix of each model's latency in the logs; – where none is logged.",
                         className="muted"),
                  html.Div(id="scenario-table")], className="card"),
        html.Div([
            html.H3("Save and compare"),
            html.Div([
                dcc.Input(id="sim-name", placeholder="scenario name", className="input", debounce=False),
                html.Button("Save scenario", id="sim-save", className="btn", n_clicks=0),
                html.Button("Download policy (JSON)", id="sim-policy-btn", className="btn btn-secondary", n_clicks=0),
            ], className="inline"),
            html.Div(id="sim-save-msg"),
            dcc.Dropdown(id="sim-compare-select", options=sorted(load_saved(Path(state.workspace.root))), multi=True,
                         placeholder="Pick saved scenarios to compare"),
            html.Div(id="sim-compare"),
        ], className="card"),
        html.Details([html.Summary("Assumptions"), html.Ul(id="sim-notes")], className="card"),
        dcc.Store(id="sim-policy"),
        dcc.Download(id="sim-download"),
    ])


# --------------------------------------------------------------------------- callbacks
def rows_from(ids: list[dict[str, str]], models: list[str], shares: list[float], batches: list[list[str]]) -> list[dict[str, Any]]:
    return [{"category": i["index"], "model": m, "share": s, "batch": bool(b)}
            for i, m, s, b in zip(ids, models, shares, batches, strict=True)]


def _floor(value: Any) -> float | None:
    if value in (None, ""):
        return None
    f = float(value)
    if not 0 <= f <= 1:
        raise ConfigError(f"the quality floor is a pass rate between 0 and 1, got {f:g}")
    return f


OUTS = ["scenario-cost", "scenario-baseline", "scenario-savings", "sim-monthly", "sim-quality",
        "scenario-chart", "scenario-by-model", "scenario-quality", "scenario-table", "sim-notes"]
FIGURES = {"scenario-chart", "scenario-by-model", "scenario-quality"}  # the other outputs are children


def register(app: Any, state: State) -> None:
    @app.callback(
        [Output(o, "figure" if o in FIGURES else "children") for o in OUTS]
        + [Output("sim-policy", "data"), Output("sim-msg", "children")],
        Input({"type": "sim-model", "index": ALL}, "value"), Input({"type": "sim-share", "index": ALL}, "value"),
        Input({"type": "sim-batch", "index": ALL}, "value"), Input("sim-preset", "value"),
        Input("sim-keep-cache", "value"), Input("sim-output-factor", "value"), Input("sim-floor", "value"),
        Input("sim-tokenizer", "value"), DState({"type": "sim-model", "index": ALL}, "id"),
    )
    @guarded(state, len(OUTS) + 2)
    def _simulate(models: list[str], shares: list[float], batches: list[list[str]], preset: str | None,
                  keep_cache: list[str] | None, output_factor: float | None, floor: Any,
                  tokenizer: list[str] | None, ids: list[dict[str, str]]) -> tuple[Any, ...]:
        content = build_policy(rows_from(ids, models, shares, batches), preset=preset,
                               keep_cache=bool(keep_cache), output_factor=output_factor, tokenizer=bool(tokenizer))
        got = render(run(state.views, content, _floor(floor)))
        return (*(got[o] for o in OUTS), content, None)

    @app.callback(Output("sim-compare-select", "options"), Output("sim-save-msg", "children"),
                  Input("sim-save", "n_clicks"), DState("sim-name", "value"), DState("sim-policy", "data"),
                  prevent_initial_call=True)
    @guarded(state, 2)
    def _save(_: int, name: str | None, content: dict[str, Any] | None) -> tuple[Any, Any]:
        saved = save_scenario(Path(state.workspace.root), name, content)
        return sorted(saved), info_box(f"Saved scenario '{name.strip() if name else ''}' to {SCENARIOS}.")

    @app.callback(Output("sim-compare", "children"), Input("sim-compare-select", "value"),
                  DState("sim-floor", "value"))
    @guarded(state, 1)
    def _compare(names: list[str] | None, floor: Any) -> Any:
        if not names:
            return html.P("Saved scenarios appear here side by side.", className="muted")
        rows = compare(state.views, load_saved(Path(state.workspace.root)), names, _floor(floor))
        return table(rows, COMPARE_COLS)

    @app.callback(Output("sim-download", "data"), Output("sim-save-msg", "children", allow_duplicate=True),
                  Input("sim-policy-btn", "n_clicks"), Input("scenario-chart-csv", "n_clicks"),
                  Input("scenario-by-model-csv", "n_clicks"), Input("scenario-quality-csv", "n_clicks"),
                  DState("sim-policy", "data"), DState("sim-floor", "value"), prevent_initial_call=True)
    @guarded(state, 2)
    def _download(a: int, b: int, c: int, d: int, content: dict[str, Any] | None, floor: Any) -> tuple[Any, Any]:
        if not content or not (a or b or c or d):
            return no_update, no_update
        return download(state, str(ctx.triggered_id), content, _floor(floor)), None


def download(state: State, trigger: str, content: dict[str, Any], floor: float | None) -> dict[str, Any]:
    if trigger == "sim-policy-btn":
        policy_mod.from_dict(content, "scenario")
        return dcc.send_string(json.dumps(content, indent=2) + "\n", "policy.json")
    report = run(state.views, content, floor).to_json()
    if trigger == "scenario-by-model-csv":
        return dcc.send_string(rows_csv(report["by_model"]), "scenario_by_model.csv")
    return dcc.send_string(rows_csv(report["by_category"]), "scenario_by_category.csv")
