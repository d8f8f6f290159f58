"""A workspace's quality evidence by any report dimensions (``spendscope quality``).

The rollup's category cells carry the evidence (``evidence.py``), so a table by model,
category and day reads thousands of cells, not millions of rows. Verdicts that arrive apart
from the requests — a ``feedback.csv`` in the workspace (``feedback.py``) and ingested score
exports (Langfuse scores: ``Workspace.feedback``) — add their scores and flags to the
requests they name (a trace's verdict to the trace's last request): those rows are read from
the stored requests, and their cells corrected by the difference. A request named several
times gets the mean of its scores and is flagged if any verdict flags it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from analyzer import aggregate
from analyzer.quality import evidence, feedback
from analyzer.workspace import CLASSIFY, RELABELS, Workspace

KEY_COLUMNS = ("timestamp", "provider", "model", "service_tier", "status", "source_format", "metadata",
               "category")
FEEDBACK_COLUMNS = ("bad", "rated", "score_sum", "verdicts", "flagged", "judged", "judged_bad")


@dataclass
class Evidence:
    frame: pl.LazyFrame  # categorized cells (or rows) with evidence.COLUMNS; corrections have 0 requests
    notes: list[str] = field(default_factory=list)


def workspace_evidence(ws: Workspace, meta_keys: Sequence[str] = ()) -> Evidence:
    """The workspace's categorized cells (or rows) with their evidence, plus the corrections
    that its ``feedback.csv`` makes."""
    cells = ws.categorized(meta_keys)
    if "observed" not in cells.collect_schema().names():  # raw rows: each its own evidence
        cells = cells.with_columns(evidence.row_columns())
    corrections, notes = _corrections_of(ws)
    if corrections is not None:
        cells = pl.concat([cells, corrections.lazy()], how="diagonal_relaxed")
    return Evidence(cells, list(notes))


_LAST: dict[str, tuple[str, pl.DataFrame | None, list[str]]] = {}  # root -> (state, corrections, notes)


def _corrections_of(ws: Workspace) -> tuple[pl.DataFrame | None, list[str]]:
    """The cells' corrections by the verdicts (None: no verdict names a stored request) and
    the notes on them, computed once per state of the workspace: the dashboard asks once per
    chart grouping, for the simulator and for the alerts, and the stored requests they read
    are the workspace's largest table."""
    state = _state(ws)
    memo = _LAST.get(str(ws.root))
    if memo is not None and memo[0] == state:
        return memo[1], memo[2]
    given, notes = _verdicts(ws)
    corrections = None
    if given is not None:
        named = ws.requests().join(given.lazy(), on="request_id", how="inner").collect()
        corrections = _corrections(named) if named.height else None
    _LAST[str(ws.root)] = (state, corrections, notes)
    return corrections, notes


def _state(ws: Workspace) -> str:
    """What the corrections depend on: the stored requests, templates and verdicts, the
    relabels and rules that categorize them, and ``feedback.csv``."""
    m = ws.manifest()
    parts = [json.dumps([m["parts"], m["templates"], m["feedback"]])]
    for name in (RELABELS, CLASSIFY):
        path = ws.root / name
        parts.append(path.read_text(errors="replace") if path.is_file() else "-")
    path = ws.root / feedback.FILE_NAME
    if path.is_file():
        st = path.stat()
        parts.append(f"{st.st_mtime_ns}:{st.st_size}")
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=16).hexdigest()


def _verdicts(ws: Workspace) -> tuple[pl.DataFrame | None, list[str]]:
    """``request_id``, ``score``, ``flag`` per request named by ``feedback.csv`` or a stored
    verdict, and notes on the ids that name nothing in the workspace."""
    parts, notes = [], []
    path = ws.root / feedback.FILE_NAME
    if path.is_file():
        parts.append(("feedback.csv", feedback.read(path).select("request_id", "score", "flag")))
    stored = ws.feedback().collect()
    if stored.height:
        direct = stored.filter(pl.col("target") == "request").select(
            pl.col("target_id").alias("request_id"), "score", "flag")
        parts.append(("ingested scores", direct))
        traces = stored.filter(pl.col("target") == "trace")
        if traces.height:
            parts.append(("ingested trace scores", _on_last_request(ws, traces)))
    if not parts:
        return None, notes
    known = ws.raw_requests().select("request_id")
    for label, frame in parts:
        found = frame.lazy().join(known, on="request_id", how="semi").select(pl.len()).collect().item()
        if frame.height > found:
            notes.append(f"{label}: {frame.height - found:,} of {frame.height:,} verdicts name no request "
                         "in the workspace")
    rows = pl.concat([f for _, f in parts], how="vertical_relaxed")
    return rows.group_by("request_id").agg(feedback.per_request()), notes


def _on_last_request(ws: Workspace, traces: pl.DataFrame) -> pl.DataFrame:
    """Trace verdicts as verdicts on each trace's last request (the answer the user saw);
    a trace with no request in the workspace keeps its id, so it is counted as unmatched."""
    trace = pl.col("metadata").str.json_path_match("$.trace")
    last = (ws.raw_requests().select("request_id", "timestamp", trace.alias("target_id"))
            .filter(pl.col("target_id").is_in(traces["target_id"].unique().implode()))
            .sort("timestamp", "request_id").group_by("target_id").last().select("target_id", "request_id")
            .collect())
    joined = traces.join(last, on="target_id", how="left")
    return joined.select(pl.coalesce("request_id", "target_id").alias("request_id"), "score", "flag")


def _corrections(named: pl.DataFrame) -> pl.LazyFrame:
    """What the feedback file changes on the rows it names: each row's evidence with the
    file's score (in place of the log's) and flag (or the log's), minus its evidence before."""
    before = named.lazy().with_columns(evidence.row_columns())
    after = named.lazy().with_columns(
        pl.coalesce("score", "feedback_score").alias("feedback_score"),
        pl.coalesce("flag", "feedback_flag").alias("feedback_flag"),
    ).with_columns(evidence.row_columns())
    keys = [pl.col(c) for c in KEY_COLUMNS]
    signed = [pl.col(c).cast(pl.Int64 if c != "score_sum" else pl.Float64) for c in FEEDBACK_COLUMNS]
    delta = pl.concat([after.select(*keys, *signed), before.select(*keys, *(-e for e in signed))])
    others = [c for c in evidence.COLUMNS if c not in FEEDBACK_COLUMNS]
    return delta.with_columns(pl.lit(0, pl.Int64).alias("requests"),
                              *(pl.lit(None, evidence.SCHEMA[c]).alias(c) for c in others))


def quality_table(ws: Workspace, by: Sequence[str] = ("model", "category", "day"),
                  since: date | None = None, until: date | None = None) -> tuple[pl.DataFrame, list[str]]:
    """``evidence.table`` by each ``--by`` dimension (columns named after them), and notes."""
    found = workspace_evidence(ws, [m for b in by for m in aggregate.meta_keys_of(b)])
    frame = aggregate.filter_dates(found.frame, since, until)
    keyed = frame.with_columns(aggregate.dimension(b).alias(b) for b in by)
    return evidence.table(keyed, list(by)), found.notes
