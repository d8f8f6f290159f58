"""The spendscope dashboard: one Dash app, six pages (CONTRACT.md, "Dashboard"), and the alerts
banner above each of them."""

from __future__ import annotations

import base64
import hmac
from pathlib import Path
from typing import Any

from dash import Dash, Input, Output, dcc, html
from flask import Response, request

from analyzer.errors import AnalyzerError
from analyzer.workspace import Workspace
from dashboard import figures
from dashboard import uploads as big_uploads
from dashboard.pages import categories, data, monthly, overview, quality, simulator
from dashboard.security import harden
from dashboard.state import State, error_box

PAGES = {  # path -> (nav label, module)
    "/": ("Overview", overview),
    "/data": ("Data", data),
    "/categories": ("Categories", categories),
    "/quality": ("Quality", quality),
    "/simulator": ("Simulator", simulator),
    "/monthly": ("Monthly", monthly),
}
ASSETS = Path(__file__).resolve().parent / "assets"
BANNER_LIMIT = 5  # alert messages listed in the banner; the rest are counted


def _nav(path: str) -> list[Any]:
    return [dcc.Link(label, href=href, id=f"nav-{label.lower()}",
                     className="nav-link active" if href == path else "nav-link")
            for href, (label, _) in PAGES.items()]


def render_page(state: State, path: str | None) -> tuple[Any, Any]:
    """(page content, nav links) for a path; an unknown path is a small 404 message."""
    path = (path or "/").rstrip("/") or "/"
    if path not in PAGES:
        return html.Div([html.H2("Not found"), html.P(f"No page at {path}."), dcc.Link("Overview", href="/")]), _nav(path)
    _, module = PAGES[path]
    try:
        with state.lock:
            content = module.layout(state.views, state)
            try:
                banner = alerts_banner(state.views)
            except AnalyzerError as e:  # e.g. a bad feedback.csv: said above the page, which still shows
                banner = error_box(f"The alerts could not be checked: {e}")
    except AnalyzerError as e:
        return error_box(str(e)), _nav(path)
    return (content if banner is None else html.Div([banner, content])), _nav(path)


def alerts_banner(views: Any) -> html.Div | None:
    """The alerts that fire on the workspace (``views.alerts()``, as ``spendscope alerts``),
    at most ``BANNER_LIMIT`` messages and a link to the Quality page; None when none fires."""
    found = views.alerts()
    if not found:
        return None
    items = [html.Li(a["message"]) for a in found[:BANNER_LIMIT]]
    if len(found) > BANNER_LIMIT:
        items.append(html.Li(f"and {len(found) - BANNER_LIMIT} more"))
    return html.Div([
        html.Strong(f"{len(found)} alert{'' if len(found) == 1 else 's'}"),
        html.Ul(items),
        html.Span(["See the ", dcc.Link("Quality", href="/quality"), " page, or run spendscope alerts."]),
    ], id="alerts-banner", className="alert alert-warning", role="alert")


def create_app(workspace: Workspace | Path | str, *, views: Any = None, filters_cls: type | None = None,
               to_csv: Any = None, auth: tuple[str, str] | None = None, bind_host: str = "127.0.0.1") -> Dash:
    """The dashboard over a workspace. ``views``/``filters_cls``/``to_csv`` default to
    ``analyzer.views``; ``auth`` (user, password) turns on HTTP basic auth for every request.
    Every request is checked first for its size and its Host header (``security.harden``:
    loopback names, ``bind_host`` and ``$SPENDSCOPE_ALLOWED_HOSTS``; any Host on a wildcard bind).
    Large files arrive in chunks on ``/api/uploads`` (``dashboard.uploads``), behind the same checks."""
    ws = workspace if isinstance(workspace, Workspace) else Workspace(Path(workspace))
    if views is None or filters_cls is None or to_csv is None:
        from analyzer import views as views_mod

        views = views if views is not None else views_mod.Views(ws)
        filters_cls = filters_cls or views_mod.Filters
        to_csv = to_csv or views_mod.to_csv
    state = State(views=views, workspace=ws, filters_cls=filters_cls, to_csv=to_csv)
    state.uploads = big_uploads.Uploads(
        Path(ws.root), lambda up, path: data.ingest_saved(state, path, up.name, up.count))
    if not views.is_empty():  # the most used models get the first palette colours
        figures.seed_model_colors(views.requests_by_model(filters_cls()))
        views.simulator()  # built before serving: a big workspace takes seconds, better not on a first visit
        try:  # the banner on every page: found once, until the next upload or relabel
            views.alerts()
        except AnalyzerError:
            pass  # said in the banner's place on each page (render_page)
    app = Dash(__name__, title="spendscope", assets_folder=str(ASSETS), suppress_callback_exceptions=True,
               update_title=None)
    app.layout = html.Div([
        dcc.Location(id="url"),
        html.Header([
            html.Div([html.Span("spendscope", className="brand"),
                      html.Span(str(ws.root), className="ws-path", title="workspace")], className="brand-wrap"),
            html.Nav(_nav("/"), id="nav", className="nav"),
        ], className="topbar"),
        html.Main(id="page-content", className="page"),
        # an empty graph in the shell starts loading plotly.js (most of a first page load)
        # while the page's own content is still being computed
        dcc.Graph(id="plotly-preload", style={"display": "none"}),
    ], className="app")

    @app.callback(Output("page-content", "children"), Output("nav", "children"), Input("url", "pathname"))
    def _route(path: str | None) -> tuple[Any, Any]:
        return render_page(state, path)

    for _, module in PAGES.values():
        module.register(app, state)
    big_uploads.register(app.server, state.uploads)
    harden(app.server, bind_host)  # before auth: a foreign Host is refused without asking for a password
    if auth is not None:
        add_basic_auth(app, *auth)
    app.spendscope_state = state  # type: ignore[attr-defined]  # for tests and the CLI
    return app


def add_basic_auth(app: Dash, user: str, password: str) -> None:
    """HTTP basic auth on every request of the Flask server (constant-time compare)."""
    expected = base64.b64encode(f"{user}:{password}".encode()).decode()

    @app.server.before_request
    def _check() -> Response | None:
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() == "basic" and hmac.compare_digest(token.strip().encode(), expected.encode()):
            return None
        return Response("Authentication required.\n", 401, {"WWW-Authenticate": 'Basic realm="spendscope"'})
