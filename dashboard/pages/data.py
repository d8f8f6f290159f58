"""Data (``/data``): upload logs, see what was ingested, what is unpriced, how it was classified."""

from __future__ import annotations

import base64
import binascii
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from dash import Input, Output, State as DState, dcc, html

from analyzer.errors import InputError, WorkspaceError
from analyzer.ingest.pipeline import IngestResult, ingest
from dashboard.security import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB
from dashboard.uploads import CHUNK_BYTES, max_upload_bytes
from dashboard.state import State, error_box, guarded, info_box, pct, table, whole

MAX_REJECTIONS = 20  # shown per file
UPLOADS = "uploads"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
BUSY = "Another upload is being ingested; try again when it is done."
TOO_BIG = ("{name}: {size:.1f} MB is over the dashboard's {limit:g} MB upload limit; "  # MB = 10**6 bytes
           "send it with \"Upload a large file\" below, or from the command line: "
           "spendscope ingest PATH --workspace {ws}")


def safe_name(filename: str | None) -> str:
    """A file name that cannot become a path: no directories, only ``[A-Za-z0-9._-]``,
    no leading dots, at most 120 characters."""
    base = re.split(r"[\\/]", filename or "")[-1]
    clean = _UNSAFE.sub("_", base).lstrip(".")[-120:].lstrip(".")
    return clean or "upload"


def decode(contents: str) -> bytes:
    """The bytes of a ``dcc.Upload`` data URL (``data:<mime>;base64,<payload>``)."""
    _, sep, payload = contents.partition(",")
    if not sep:
        payload = contents
    try:
        return base64.b64decode(payload, validate=False)
    except (binascii.Error, ValueError) as e:
        raise InputError("upload", f"not a valid upload ({e})") from None


def encoded_size(contents: str) -> int:
    """Decoded size of a data URL, without decoding it."""
    payload = contents.partition(",")[2] or contents
    return len(payload) * 3 // 4 - payload[-2:].count("=")


def save_uploads(root: Path, contents: list[str], filenames: list[str], *, now: datetime | None = None,
                 limit: int = MAX_UPLOAD_BYTES) -> tuple[dict[Path, str], list[str]]:
    """Write each upload to ``<root>/uploads/<timestamp>-<safe name>``. Returns the saved
    paths (-> original name) and a message per file over ``limit`` bytes (refused; sizes in
    MB of 10**6 bytes). The server refuses a whole request over ``security.MAX_REQUEST_BYTES``
    before this runs."""
    folder = (root / UPLOADS).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S%f")
    saved: dict[Path, str] = {}
    refused: list[str] = []
    for i, (data, name) in enumerate(zip(contents, filenames, strict=True)):
        size = encoded_size(data)
        if size > limit:
            refused.append(TOO_BIG.format(name=name, size=size / 1e6, limit=limit / 1e6, ws=root))
            continue
        target = (folder / f"{stamp}-{i}-{safe_name(name)}").resolve()
        if target.parent != folder:  # cannot happen with safe_name; belt and braces
            raise InputError(str(name), "refused: the file name would leave the uploads folder")
        target.write_bytes(decode(data))
        saved[target] = str(name)
    return saved, refused


def summarize(result: IngestResult, names: dict[Path, str]) -> dict[str, Any]:
    """Per-file rows, rejections and error messages of one ingest, under the names the user uploaded."""
    by_path = {str(p): n for p, n in names.items()}

    def name(path: str) -> str:
        return by_path.get(str(Path(path).resolve()), by_path.get(path, Path(path).name))

    files = [{"file": name(f.path), "format": f.format, "lines_read": f.lines_read,
              "rows_ingested": f.rows_ingested, "rows_rejected": f.rows_rejected,
              "duplicates": f.duplicates, "skipped": f.skipped} for f in result.files]
    rejections = [{"file": name(f.path), "line": r.line, "reason": r.reason}
                  for f in result.files for r in f.rejections[:MAX_REJECTIONS]]
    errors = [f"{name(e.path)}: {e.reason}" for e in result.errors]
    return {"files": files, "rejections": rejections, "errors": errors}


def handle_upload(state: State, contents: list[str] | str | None, filenames: list[str] | str | None) -> dict[str, Any]:
    """Save, ingest, add to the workspace, refresh the views (the upload callback's body)."""
    if not contents:
        return {"files": [], "rejections": [], "errors": [], "refused": []}
    contents = [contents] if isinstance(contents, str) else list(contents)
    filenames = [filenames] if isinstance(filenames, str) else list(filenames or [])
    filenames += ["upload"] * (len(contents) - len(filenames))
    ws = state.workspace
    if not state.ingest_lock.acquire(blocking=False):  # runs under state.lock: never wait here
        raise WorkspaceError(BUSY)
    try:
        saved, refused = save_uploads(Path(ws.root), contents, filenames)
        found: dict[str, Any] = {"files": [], "rejections": [], "errors": []}
        if saved:
            result = ingest(list(saved), known_templates=ws.template_ids())
            result = ws.add(result)
            found = summarize(result, saved)
            state.views.refresh()
    finally:
        state.ingest_lock.release()
    return {**found, "refused": refused}


def ingest_saved(state: State, path: Path, name: str, progress: Any = None) -> dict[str, Any]:
    """Ingest one file already in ``uploads/`` (a large upload; runs on the upload worker thread):
    parsed outside ``state.lock`` so the pages stay live, then added to the workspace and the views
    refreshed under it, as the page's own upload does. One at a time (``state.ingest_lock``)."""
    ws = state.workspace
    with state.ingest_lock:
        result = ingest([path], known_templates=ws.template_ids(), progress=progress)
        with state.lock:
            result = ws.add(result)
            found = summarize(result, {path.resolve(): name})
            state.views.refresh()
    return {**found, "refused": []}


FILE_COLS = [("file", "file"), ("format", "format detected"), ("lines_read", "lines"),
             ("rows_ingested", "ingested"), ("rows_rejected", "rejected"), ("duplicates", "duplicates"),
             ("skipped", "skipped")]


def render_summary(found: dict[str, Any]) -> tuple[Any, Any]:
    """(``ingest-summary`` children, ``rejections`` children)."""
    parts: list[Any] = [error_box(m) for m in found["refused"] + found["errors"]]
    if found["files"]:
        total = sum(f["rows_ingested"] for f in found["files"])
        parts.append(info_box(f"Ingested {total:,} rows from {len(found['files'])} file(s)."))
        parts.append(table(found["files"], FILE_COLS))
    if found["rejections"]:
        rej = [html.H4("First rejected lines"),
               table(found["rejections"], [("file", "file"), ("line", "line"), ("reason", "reason")])]
    elif found["files"]:
        rej = [html.P("No line was rejected.", className="muted")]
    else:
        rej = []
    return parts, rej


def _files_table(files: list[dict[str, Any]]) -> Any:
    if not files:
        return table([], [], empty="No file ingested yet.")
    keys = [k for k in files[0] if not isinstance(files[0][k], dict | list)]
    return table(files, [(k, k.replace("_", " ")) for k in keys])


def workspace_tables(views: Any) -> tuple[Any, Any, Any]:
    unpriced = views.unpriced_models().to_dicts()
    coverage = views.classification_coverage().to_dicts()
    return (
        _files_table(views.files()),
        table(unpriced, [("provider", "provider"), ("model", "model"), ("requests", "requests")],
              empty="Every request has a price."),
        table(coverage, [("category_source", "classified by"), ("requests", "requests"), ("share", "share")],
              formats={"share": pct, "requests": whole}, empty="Nothing classified yet."),
    )


def big_upload(state: State | None) -> html.Div:
    """The large-file upload: a button that opens the file picker of ``assets/chunked_upload.js``,
    a progress line and the store the script sets when an upload's ingest has finished."""
    limit = state.uploads.max_bytes if state is not None and state.uploads is not None else max_upload_bytes()
    return html.Div([
        html.Button("Upload a large file", id="big-upload-button", className="btn", n_clicks=0),
        html.Span(f" one log up to {limit / 1e9:g} GB (1 GB = 10^9 bytes), sent in "
                  f"{CHUNK_BYTES // 2**20} MiB pieces; $SPENDSCOPE_MAX_UPLOAD_GB sets the limit.",
                  className="muted"),
        html.Div(id="big-upload-progress", className="muted", role="status"),
        dcc.Store(id="big-upload-done"),
    ], className="big-upload")


def big_result(state: State, done: dict[str, Any] | None) -> dict[str, Any]:
    """The per-file results of a finished large upload, looked up on the server by its id
    (the browser only says which one finished)."""
    up = state.uploads.get(str((done or {}).get("id", ""))) if state.uploads is not None else None
    if up is None:
        return {"files": [], "rejections": [], "errors": ["That upload is not known to the server."],
                "refused": []}
    if up.state == "done" and up.result is not None:
        return up.result
    message = up.error or f"{up.name}: the upload is {up.state}"
    return {"files": [], "rejections": [], "errors": [message], "refused": []}


def layout(views: Any, state: State | None = None) -> html.Div:
    files, unpriced, coverage = workspace_tables(views)
    return html.Div([
        html.H2("Data"),
        html.Div([
            dcc.Upload(
                id="upload", multiple=True, max_size=MAX_UPLOAD_BYTES, className="upload",
                className_active="upload upload-active", className_reject="upload upload-reject",
                children=html.Div(["Drag and drop usage logs here, or ", html.A("select files")]),
            ),
            html.P(f"JSONL, CSV, .gz or .zip, up to {MAX_UPLOAD_MB} MB (1 MB = 1,000,000 bytes) per upload, "
                   "files dropped together counted together. Bigger logs: \"Upload a large file\" "
                   "or spendscope ingest PATH.",
                   className="muted"),
            big_upload(state),
            dcc.Loading(html.Div([html.Div(id="ingest-summary"), html.Div(id="rejections")]), type="dot"),
        ], className="card"),
        html.Div([html.H3("Ingested files"), html.Div(files, id="data-files")], className="card"),
        html.Div([
            html.Div([html.H3("Unpriced models"), html.Div(unpriced, id="data-unpriced")], className="card"),
            html.Div([html.H3("Classification coverage"), html.Div(coverage, id="data-coverage")], className="card"),
        ], className="row row-2"),
    ])


def register(app: Any, state: State) -> None:
    @app.callback(Output("data-files", "children"), Output("data-unpriced", "children"),
                  Output("data-coverage", "children"), Output("rejections", "children"),
                  Output("ingest-summary", "children"),
                  Input("upload", "contents"), DState("upload", "filename"), prevent_initial_call=True)
    @guarded(state, 5)
    def _upload(contents: list[str] | None, filenames: list[str] | None) -> tuple[Any, ...]:
        summary, rejections = render_summary(handle_upload(state, contents, filenames))
        return (*workspace_tables(state.views), rejections, summary)

    @app.callback(Output("data-files", "children", allow_duplicate=True),
                  Output("data-unpriced", "children", allow_duplicate=True),
                  Output("data-coverage", "children", allow_duplicate=True),
                  Output("rejections", "children", allow_duplicate=True),
                  Output("ingest-summary", "children", allow_duplicate=True),
                  Input("big-upload-done", "data"), prevent_initial_call=True)
    @guarded(state, 5)
    def _big_upload_done(done: dict[str, Any] | None) -> tuple[Any, ...]:
        summary, rejections = render_summary(big_result(state, done))
        return (*workspace_tables(state.views), rejections, summary)
