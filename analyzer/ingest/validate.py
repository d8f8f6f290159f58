"""Row rules as polars expressions: split good rows from rejected ones, with a reason each.

Rules run on the pre-canonical frame an adapter produced (token columns as Float64, NaN
for a value that was present but not a number). The first failing rule names the line's
reason; ``RULES`` is the single list of them, in order.
"""

from __future__ import annotations

import polars as pl

from analyzer.ingest.jsonl import Rejection
from analyzer.schema import TOKEN_COLUMNS

_PARTS = ("cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens")
# A plausibility bound on every count of one row: a trillion tokens (the largest context
# windows hold ~10 million; a usage-report bucket of a large organisation's day holds
# billions). Past it a row is rejected, never cast (1e19 overflowed Int64 and failed the
# run); it also keeps sums far from the Int64 limit (9.2e18): reports sum in 128 bits.
MAX_COUNT = 1e12


def _rules() -> list[tuple[pl.Expr, pl.Expr]]:
    c = pl.col
    rules: list[tuple[pl.Expr, pl.Expr]] = [
        (c("_reject").is_not_null(), c("_reject")),  # the adapter's own reason
        (c("timestamp").is_null() & c("_ts_raw").is_null(), pl.lit("missing timestamp")),
        (
            c("timestamp").is_null(),
            pl.format("unknown timestamp format: '{}'", c("_ts_raw").str.slice(0, 40)),
        ),
        (
            (c("model_raw").is_null() | (c("model_raw").str.strip_chars() == ""))
            & (c("status") == "ok")
            & c("billed_usd").is_null(),
            pl.lit("missing model"),
        ),
    ]
    rules.append((c("billed_usd").is_nan(), pl.lit("billed amount is not a number")))
    for col in TOKEN_COLUMNS:
        rules.append((c(col).is_nan(), pl.lit(f"{col} is not a number")))
    for col in TOKEN_COLUMNS:
        rules.append((c(col).abs() > MAX_COUNT,
                      pl.format("{} out of range: {} (at most 1e12 in one row)", pl.lit(col), c(col))))
    for col in TOKEN_COLUMNS:
        rules.append((c(col) < 0, pl.format("negative {}: {}", pl.lit(col), c(col).cast(pl.Int64))))
    for col in TOKEN_COLUMNS:
        rules.append((c(col) != c(col).floor(), pl.lit(f"{col} is not a whole number")))
    rules += [
        (
            pl.sum_horizontal(*_PARTS) > c("input_tokens"),
            pl.lit("cache tokens exceed input_tokens"),
        ),
        (c("reasoning_tokens") > c("output_tokens"), pl.lit("reasoning_tokens exceed output_tokens")),
        (c("input_audio_tokens") > c("input_tokens"), pl.lit("input_audio_tokens exceed input_tokens")),
        (c("output_audio_tokens") > c("output_tokens"), pl.lit("output_audio_tokens exceed output_tokens")),
    ]
    return rules


def split(frame: pl.DataFrame) -> tuple[pl.DataFrame, list[Rejection]]:
    """``(good rows, rejections)``; good rows have integer token columns."""
    reason = pl.lit(None, pl.String)
    for cond, text in reversed(_rules()):
        reason = pl.when(cond.fill_null(False)).then(text).otherwise(reason)
    checked = frame.with_columns(reason.alias("_reason"))
    bad = checked.filter(pl.col("_reason").is_not_null())
    good = checked.filter(pl.col("_reason").is_null()).drop("_reason", "_ts_raw", "_reject")
    good = good.with_columns(pl.col(list(TOKEN_COLUMNS)).cast(pl.Int64))
    rejections = [Rejection(n, r) for n, r in bad.select("_line", "_reason").iter_rows()]
    return good, rejections
