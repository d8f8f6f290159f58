"""A workspace's quality evidence by any report dimensions (``spendscope quality``).

The rollup's category cells carry the evidence (``evidence.py``), so a table by model,
category and day reads thousands of cells, not millions of rows. A ``feedback.csv`` in the
workspace (``feedback.py``) adds its scores and flags to the requests it names: those rows
are read from the stored requests, and their cells corrected by the difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from analyzer import aggregate
from analyzer.quality import evidence, feedback
from analyzer.workspace import Workspace

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
    path = ws.root / feedback.FILE_NAME
    if not path.is_file():
        return Evidence(cells)
    given = feedback.read(path)
    named = ws.requests().join(given.lazy(), on="request_id", how="inner").collect()
    notes = []
    missing = given.height - named.height
    if missing:
        notes.append(f"{feedback.FILE_NAME}: {missing:,} of {given.height:,} request ids are not in the workspace")
    if named.height:
        cells = pl.concat([cells, _corrections(named)], how="diagonal_relaxed")
    return Evidence(cells, notes)


def _corrections(named: pl.DataFrame) -> pl.LazyFrame:
    """What the feedback file changes on the rows it names: each row's evidence with the
    file's score (in place of the log's) and flag (or the log's), minus its evidence before."""
    before = named.lazy().with_columns(evidence.row_columns())
    after = named.lazy().with_columns(
        pl.coalesce("score", "feedback_score").alias("feedback_score"),
        pl.coalesce("flag", "feedback_flag").alias("feedback_flag"),
    ).with_columns(evidence.row_columns())
    keys = [pl.col(c) for c in KEY_COLUMNS]
    delta = pl.concat([after.select(*keys, *(pl.col(c) for c in FEEDBACK_COLUMNS)),
                       before.select(*keys, *(-pl.col(c) for c in FEEDBACK_COLUMNS))])
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
