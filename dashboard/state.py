"""What every page shares: the views, the workspace, one lock, and the error boundary."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from dash import dcc, html, no_update

from analyzer.errors import AnalyzerError

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    """``views`` is an ``analyzer.views.Views``; ``filters_cls`` and ``to_csv`` come from the
    same module (tests inject stand-ins)."""

    views: Any
    workspace: Any
    filters_cls: type
    to_csv: Callable[[Any], str]
    lock: threading.RLock = field(default_factory=threading.RLock)
    # one ingest at a time (one workspace writer); waited for only before ``lock``, else just tried
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    uploads: Any = None  # the large-file uploads (``dashboard.uploads.Uploads``)

    def filters(
        self,
        start: str | date | None = None,
        end: str | date | None = None,
        providers: Any = None,
        meta_key: str | None = None,
        meta_values: Any = None,
    ) -> Any:
        return self.filters_cls(
            start=_day(start),
            end=_day(end),
            providers=tuple(providers or ()),
            meta_key=meta_key or None,
            meta_values=tuple(meta_values or ()) if meta_key else (),
        )


def _day(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def money(usd: float | None) -> str:
    """``$33,000.00``; negative amounts as ``-$12.00``."""
    if usd is None:
        return "-"
    return f"-${-usd:,.2f}" if usd < 0 else f"${usd:,.2f}"


def chart_card(graph_id: str, figure: Any = None) -> html.Div:
    """A chart in its card, with the button that downloads its data (``<graph_id>-csv``)."""
    return html.Div([
        dcc.Graph(id=graph_id, figure=figure, config={"displaylogo": False, "responsive": True}),
        html.Button("Download CSV", id=f"{graph_id}-csv", className="btn btn-small", n_clicks=0),
    ], className="card chart")


def error_box(message: str) -> html.Div:
    return html.Div(message, className="alert alert-error", role="alert")


def info_box(message: Any) -> html.Div:
    return html.Div(message, className="alert alert-info", role="status")


def guarded(state: State, outputs: int) -> Callable[[F], F]:
    """The dashboard's error boundary. The wrapped callback's *last* output is a message
    slot: an ``AnalyzerError`` becomes a visible message there and every other output
    stays as it was. Callbacks also run one at a time (the views are not thread-safe)."""

    def deco(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                with state.lock:
                    return fn(*args, **kwargs)
            except AnalyzerError as e:
                box = error_box(str(e))
                if outputs == 1:
                    return box
                return (*([no_update] * (outputs - 1)), box)

        return wrapper  # type: ignore[return-value]

    return deco


def table(rows: list[dict[str, Any]], columns: list[tuple[str, str]], *, id: str | None = None,
          formats: dict[str, Callable[[Any], str]] | None = None, empty: str = "Nothing to show yet.") -> html.Div:
    """A plain HTML table (text is escaped by Dash; nothing is rendered as HTML)."""
    formats = formats or {}
    if not rows:
        return html.Div(html.P(empty, className="muted"), id=id) if id else html.P(empty, className="muted")
    head = html.Thead(html.Tr([html.Th(label) for _, label in columns]))
    body = html.Tbody([
        html.Tr([html.Td(formats.get(key, _cell)(r.get(key)), className=_align(r.get(key))) for key, _ in columns])
        for r in rows
    ])
    tbl = html.Table([head, body], className="table")
    return html.Div(tbl, className="table-wrap", id=id) if id else html.Div(tbl, className="table-wrap")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1 else f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _align(value: Any) -> str:
    return "num" if isinstance(value, int | float) and not isinstance(value, bool) else ""


def pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def whole(value: Any) -> str:
    return "-" if value is None else f"{int(round(float(value))):,}"


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """CSV of plain rows (lists become ``a;b``), for data that does not come from the views;
    formula-looking cells quoted (``analyzer/exports.py``, as every CSV download)."""
    from analyzer.exports import rows_csv as safe_rows_csv

    return safe_rows_csv(rows)
