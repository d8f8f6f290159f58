"""Categories (``/categories``): what the traffic is for, and fixing a template's label."""

from __future__ import annotations

from typing import Any

from dash import Input, Output, State as DState, dcc, html

from analyzer.classify.taxonomy import CATEGORIES
from analyzer.errors import ConfigError
from dashboard.state import State, guarded, info_box, money, table, whole

CAT_COLS = [("category", "category"), ("requests", "requests"), ("cost_usd", "cost"),
            ("top_models", "model mix"), ("avg_confidence", "avg confidence")]
TEMPLATE_COLS = [("template_id", "template"), ("sample", "sample"), ("category", "category"),
                 ("category_source", "by"), ("category_confidence", "confidence"), ("requests", "requests"),
                 ("cost_usd", "cost")]
TEMPLATE_LIMIT = 50


def _mix(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return ", ".join(_mix(v) for v in value)
    if isinstance(value, dict):
        name = value.get("model", "")
        share = value.get("share")
        return f"{name} {100 * share:.0f}%" if isinstance(share, int | float) else str(name)
    return str(value)


def _conf(value: Any) -> str:
    return "-" if value is None else f"{float(value):.2f}"


def _sample(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 160 else text[:157] + "…"


def category_table(views: Any) -> Any:
    return table(views.categories().to_dicts(), CAT_COLS,
                 formats={"requests": whole, "cost_usd": money, "top_models": _mix, "avg_confidence": _conf},
                 empty="No categorised traffic yet.")


def template_rows(views: Any, category: str | None) -> list[dict[str, Any]]:
    return views.top_templates(category=category or None, limit=TEMPLATE_LIMIT).to_dicts()


def template_table(rows: list[dict[str, Any]]) -> Any:
    return table(rows, TEMPLATE_COLS, formats={"requests": whole, "cost_usd": money, "sample": _sample,
                                               "category_confidence": _conf},
                 empty="No prompt templates recorded (logs without prompt text have none).")


def relabel(views: Any, template_id: str | None, category: str | None) -> str:
    if not template_id:
        raise ConfigError("pick a template to relabel")
    if not category or category not in CATEGORIES:
        raise ConfigError(f"pick a category from the taxonomy (got '{category or ''}')")
    n = views.relabel(template_id, category)  # persists and refreshes the views
    return f"Template {template_id} is now {category} ({n:,} requests)."


def _usage_note(views: Any) -> html.P | None:
    """Why ``other`` is large when usage exports are in the workspace."""
    requests, cost = views.usage_exports()
    if not requests and not cost:
        return None
    return html.P(f"other includes {money(cost)} ({whole(requests)} requests) from usage exports: daily "
                  "totals per model with no prompt to classify. Request logs of the same traffic classify it.",
                  id="usage-export-note", className="muted")


def layout(views: Any, state: State | None = None) -> html.Div:
    rows = template_rows(views, None)
    present = [r["category"] for r in views.categories().to_dicts()]
    return html.Div([
        html.H2("Categories"),
        html.Div([html.H3("By category"), _usage_note(views), html.Div(category_table(views), id="cat-table")],
                 className="card"),
        html.Div([
            html.H3("Top prompt templates"),
            html.Div([
                html.Div([html.Label("Show category", htmlFor="tpl-filter"),
                          dcc.Dropdown(id="tpl-filter", options=present, placeholder="All categories")],
                         className="filter filter-wide"),
            ], className="filters"),
            html.Div(template_table(rows), id="tpl-table"),
            html.H4("Relabel a template"),
            html.Div([
                dcc.Dropdown(id="relabel-template", options=[r["template_id"] for r in rows],
                             placeholder="template", className="grow"),
                dcc.Dropdown(id="relabel-category", options=list(CATEGORIES), placeholder="category", className="grow"),
                html.Button("Relabel", id="relabel-btn", className="btn", n_clicks=0),
            ], className="inline"),
            html.Div(id="relabel-msg"),
        ], className="card"),
    ])


def register(app: Any, state: State) -> None:
    @app.callback(Output("tpl-table", "children"), Output("relabel-template", "options"),
                  Output("relabel-msg", "children", allow_duplicate=True),
                  Input("tpl-filter", "value"), prevent_initial_call=True)
    @guarded(state, 3)
    def _filter(category: str | None) -> tuple[Any, Any, Any]:
        rows = template_rows(state.views, category)
        return template_table(rows), [r["template_id"] for r in rows], None

    @app.callback(Output("cat-table", "children"), Output("tpl-table", "children", allow_duplicate=True),
                  Output("relabel-msg", "children"),
                  Input("relabel-btn", "n_clicks"), DState("relabel-template", "value"),
                  DState("relabel-category", "value"), DState("tpl-filter", "value"), prevent_initial_call=True)
    @guarded(state, 3)
    def _relabel(_: int, template_id: str | None, category: str | None, shown: str | None) -> tuple[Any, Any, Any]:
        message = relabel(state.views, template_id, category)
        return category_table(state.views), template_table(template_rows(state.views, shown)), info_box(message)
