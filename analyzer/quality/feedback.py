"""User feedback dropped into the workspace as ``feedback.csv``.

Two shapes, told apart by the header (case and surrounding spaces ignored):

- ``request_id,score`` — a number per request (a 1–5 rating, a 0–1 grade: kept as given);
- ``request_id,flag`` — the request was marked as a bad answer: ``1``/``true``/``yes``/``y``/
  ``bad``/``thumbs_down``, or not: ``0``/``false``/``no``/``n``/``good``/``thumbs_up``.

A file may have both columns. A request named on several rows gets the mean of its scores
and is flagged if any row flags it. A row that cannot be used stops the read with a
``ConfigError`` naming the file, the line and the reason: feedback is typed by people, and a
silently dropped row would skew the rates it feeds.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import polars as pl

from analyzer.errors import ConfigError, reading_csv

FILE_NAME = "feedback.csv"
SCHEMA = pl.Schema({"request_id": pl.String, "score": pl.Float64, "flag": pl.Boolean,
                    "feedback_rows": pl.UInt32})
FLAG_TRUE = frozenset({"1", "true", "yes", "y", "bad", "thumbs_down", "down", "flagged"})
FLAG_FALSE = frozenset({"0", "false", "no", "n", "good", "thumbs_up", "up", "ok"})


def read(path: Path) -> pl.DataFrame:
    """One row per request id (``SCHEMA``): mean score, any flag, and how many rows named it."""
    with reading_csv(path), path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [h.strip().lower() for h in next(reader, [])]
        if "request_id" not in header or not {"score", "flag"} & set(header):
            raise ConfigError(f"{path}, line 1: the header must name request_id and score or flag "
                              f"(found: {', '.join(header) or 'nothing'})")
        at = {name: header.index(name) for name in ("request_id", "score", "flag") if name in header}
        ids: list[str] = []
        scores: list[float | None] = []
        flags: list[bool | None] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            where = f"{path}, line {reader.line_num}"
            if len(row) != len(header):
                raise ConfigError(f"{where}: expected {len(header)} fields, found {len(row)}")
            request_id = row[at["request_id"]].strip()
            if not request_id:
                raise ConfigError(f"{where}: request_id is empty")
            score = _score(row[at["score"]], where) if "score" in at else None
            flag = _flag(row[at["flag"]], where) if "flag" in at else None
            if score is None and flag is None:
                raise ConfigError(f"{where}: neither a score nor a flag for {request_id}")
            ids.append(request_id)
            scores.append(score)
            flags.append(flag)
    rows = pl.DataFrame({"request_id": ids, "score": scores, "flag": flags},
                        schema={"request_id": pl.String, "score": pl.Float64, "flag": pl.Boolean})
    return (rows.group_by("request_id", maintain_order=True)
            .agg(*per_request(), pl.len().cast(pl.UInt32).alias("feedback_rows"))
            .select(SCHEMA.names()))


def per_request() -> list[pl.Expr]:
    """A request's verdicts as one: the mean of its scores, flagged if any verdict flags it
    (null when none says either way)."""
    flagged = pl.when(pl.col("flag").count() > 0).then(pl.col("flag").any()).otherwise(pl.lit(None, pl.Boolean))
    return [pl.col("score").mean(), flagged.alias("flag")]


def _score(raw: str, where: str) -> float | None:
    text = raw.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise ConfigError(f"{where}: score must be a number, got {text!r}") from None
    if not math.isfinite(value):
        raise ConfigError(f"{where}: score must be a finite number, got {text!r}")
    return value


def _flag(raw: str, where: str) -> bool | None:
    text = raw.strip().lower()
    if not text:
        return None
    if text in FLAG_TRUE:
        return True
    if text in FLAG_FALSE:
        return False
    raise ConfigError(f"{where}: flag must be one of 1/0, true/false, yes/no, bad/good, "
                      f"thumbs_down/thumbs_up; got {raw.strip()!r}")
