"""Pass rates over time, from the user's own dated evaluation results.

The workspace's ``quality_results.csv`` (``category,model,passed,total``, read by the
simulator's ``QualityTable``) may carry a ``day`` column (``YYYY-MM-DD``). When it does,
the pass rate per day and category is Σ passed / Σ total over that day's rows (all models).
Rows with an empty ``day`` count for the simulator but not here.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from analyzer.errors import ConfigError
from analyzer.simulate.quality import read_results
from analyzer.simulate.session import QUALITY_RESULTS


def quality_over_time(root: Path) -> pl.DataFrame | None:
    """``day``, ``category``, ``pass_rate``; None without a file or without dated rows."""
    path = root / QUALITY_RESULTS
    if not path.is_file():
        return None
    read_results(path)  # validates every row (ConfigError naming the line)
    rows = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")
    rows = rows.rename({c: c.strip().lower().lstrip("\ufeff") for c in rows.columns})
    if "day" not in rows.columns:
        return None
    dated = rows.with_columns(pl.col("day").str.strip_chars()).filter(
        pl.col("day").is_not_null() & (pl.col("day") != "")
    )
    if dated.height == 0:
        return None
    days = dated["day"].str.to_date("%Y-%m-%d", strict=False)
    bad = dated.filter(days.is_null())
    if bad.height:
        raise ConfigError(f"{path}: day must be YYYY-MM-DD, got '{bad['day'][0]}'")
    return (
        dated.with_columns(
            days.alias("day"),
            pl.col("category").str.strip_chars(),
            pl.col("passed").str.strip_chars().cast(pl.Int64),
            pl.col("total").str.strip_chars().cast(pl.Int64),
        )
        .group_by("day", "category")
        .agg((pl.col("passed").sum() / pl.col("total").sum()).alias("pass_rate"))
        .sort("day", "category")
    )
