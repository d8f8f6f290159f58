"""Evidence of quality in the logs, kept in the rollup so it is cheap at any volume.

Each logged request adds to the counts of its rollup cell (``rollup.cells_of``); the cells
are categorized and summed like the token columns, so any grouping — model, category, day —
reads rates from sums. A request counts as **observed** when it was ingested with the
quality signals (older workspaces' rows are not) and stands for one request (a usage
export's bucket holds no per-request signal). Each rate has the denominator of the
requests where its signal could be seen:

- truncation and content-filter rates: of the requests whose finish reason is logged;
- malformed JSON: of the requests that asked for JSON and whose answer's text is logged;
- retries: of the requests whose input is logged (``signals.marks``); overrides: of the
  observed requests;
- flags: of the requests with a thumbs or feedback verdict; the mean score of those with a
  score (as given: a workspace mixing scales mixes them);
- *judged* requests: those a person passed judgement on — a verdict, or an override of the
  answer (``judged_bad``: flagged or overridden). These are graded like the simulator's
  prior, so they are what updates it (``simulate/quality.py``); errors, truncation and
  malformed JSON are not grades and show as rates only;
- latency p50/p95 from a histogram (``LATENCY_EDGES_MS``: 20 edges a factor of √2 apart,
  125 ms to 90.5 s; within a bin the value is interpolated on a log scale, and the top bin
  reaches the cell's slowest request), and output tokens per second of latency.

A request is **bad** when it failed, was cut short, filtered or stopped on an error,
returned malformed JSON it was asked for, was flagged, or was re-sent to a higher tier;
``1 - bad / observed`` is the quality proxy that alerts watch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import polars as pl

LATENCY_EDGES_MS = tuple(125 * 2 ** (k / 2) for k in range(20))
HISTOGRAM = tuple(f"lat_{k:02d}" for k in range(len(LATENCY_EDGES_MS) + 1))
COUNTS = ("observed", "bad", "finished", "truncated", "filtered", "json_judged", "json_malformed", "keyed",
          "retries", "overrides", "overridden", "rated", "verdicts", "flagged", "judged", "judged_bad", "timed",
          "timed_output_tokens", *HISTOGRAM)
SUMS = ("score_sum", "latency_ms_sum")
MAXIMA = ("latency_max_ms",)
COLUMNS = (*COUNTS, *SUMS, *MAXIMA)
# Per row a count is 0 or 1 (UInt8); a cell's counts are UInt32 (a cell is one day, model and
# template or category: far from 4 billion requests), except the output tokens it sums. The
# narrow types keep chat-like traffic's cells (about one per request) from doubling in size.
TOKENS = "timed_output_tokens"
SCHEMA = pl.Schema({**{c: pl.Int64 if c == TOKENS else pl.UInt32 for c in COUNTS},
                    **{c: pl.Float64 for c in (*SUMS, *MAXIMA)}})
FAILED = ("error", "canceled", "expired")
# When a category's answers need a stronger model (``optimize`` moves it up a tier; alerts
# report the override rate), each rate counted from ``MIN_SIGNALS`` requests up.
OVERRIDE_LIMIT = 0.05
FLAG_LIMIT = 0.10
MALFORMED_LIMIT = 0.05
MIN_SIGNALS = 30


def over_limits(counts: dict[str, int]) -> list[str]:
    """Why a category's answers need a stronger model, from its summed ``COUNTS``: flags,
    overrides or malformed JSON over their limits (empty when none is)."""
    found = []
    for part, whole, limit, what in (("flagged", "verdicts", FLAG_LIMIT, "flagged by users"),
                                     ("overrides", "observed", OVERRIDE_LIMIT, "overridden"),
                                     ("json_malformed", "json_judged", MALFORMED_LIMIT, "malformed JSON")):
        n, of = counts.get(part) or 0, counts.get(whole) or 0
        if of >= MIN_SIGNALS and n / of > limit:
            found.append(f"{what} {n / of:.1%} ({n:,} of {of:,}) > {limit:.0%}")
    return found


def row_columns() -> list[pl.Expr]:
    """Each row's contribution to ``COLUMNS`` (canonical rows in, one value per column)."""
    one = pl.col("requests") == 1
    observed = one & pl.col("is_override").is_not_null()
    reason = pl.col("finish_reason")
    malformed = pl.col("json_requested").fill_null(False) & ~pl.col("json_valid").fill_null(True)
    latency = pl.when(observed & (pl.col("latency_ms") > 0)).then(pl.col("latency_ms"))
    timed = latency.is_not_null()
    bin_of = pl.sum_horizontal(*[(latency >= e).cast(pl.Int8) for e in LATENCY_EDGES_MS])
    bad = (pl.col("status").is_in(FAILED) | reason.is_in(["truncated", "content_filter", "error"]).fill_null(False)
           | malformed | pl.col("was_overridden").fill_null(False) | pl.col("feedback_flag").fill_null(False))

    def count(e: pl.Expr) -> pl.Expr:
        return (observed & e.fill_null(False)).cast(pl.UInt8)

    return [
        count(pl.lit(True)).alias("observed"),
        count(bad).alias("bad"),
        count(reason.is_not_null()).alias("finished"),
        count(reason == "truncated").alias("truncated"),
        count(reason == "content_filter").alias("filtered"),
        count(pl.col("json_requested") & pl.col("json_valid").is_not_null()).alias("json_judged"),
        count(malformed).alias("json_malformed"),
        count(pl.col("is_retry").is_not_null()).alias("keyed"),
        count(pl.col("is_retry")).alias("retries"),
        count(pl.col("is_override")).alias("overrides"),
        count(pl.col("was_overridden")).alias("overridden"),
        count(pl.col("feedback_score").is_not_null()).alias("rated"),
        count(pl.col("feedback_flag").is_not_null()).alias("verdicts"),
        count(pl.col("feedback_flag")).alias("flagged"),
        count(pl.col("feedback_flag").is_not_null() | pl.col("was_overridden")).alias("judged"),
        count(pl.col("feedback_flag") | pl.col("was_overridden")).alias("judged_bad"),
        timed.cast(pl.UInt8).alias("timed"),
        pl.when(timed).then(pl.col("output_tokens")).otherwise(0).cast(pl.Int64).alias("timed_output_tokens"),
        *[(timed & (bin_of == k)).cast(pl.UInt8).alias(name) for k, name in enumerate(HISTOGRAM)],
        pl.when(observed).then(pl.col("feedback_score")).fill_null(0.0).cast(pl.Float64).alias("score_sum"),
        latency.fill_null(0.0).cast(pl.Float64).alias("latency_ms_sum"),
        latency.cast(pl.Float64).alias("latency_max_ms"),
    ]


def row_aggregations() -> list[pl.Expr]:
    """``COLUMNS`` of a group of canonical rows, straight from them: the same sums as
    ``row_columns`` then ``aggregations``, without a column per count for every row."""
    return [e.max() if e.meta.output_name() in MAXIMA else e.sum().cast(SCHEMA[e.meta.output_name()])
            for e in row_columns()]


def aggregations() -> list[pl.Expr]:
    """How cells of ``COLUMNS`` merge: counts and sums add up, maxima take the largest."""
    return [*(pl.col(c).sum().cast(SCHEMA[c]) for c in (*COUNTS, *SUMS)), *(pl.col(c).max() for c in MAXIMA)]


def table(frame: pl.LazyFrame, by: Sequence[str]) -> pl.DataFrame:
    """Rates per ``by`` from rows or cells holding ``COLUMNS`` and ``requests``/``status``:
    ``requests``, ``observed``, ``error_rate``, ``truncation_rate``, ``filter_rate``,
    ``malformed_json_rate``, ``retry_rate``, ``override_rate``, ``flag_rate``,
    ``mean_score``, ``judged_pass_rate``, ``quality``, ``latency_p50_ms``, ``latency_p95_ms``,
    ``output_tokens_per_s``, with the counts behind them. A rate with nothing to count
    is null."""
    failed = pl.when(pl.col("status").is_in(FAILED)).then(pl.col("requests")).otherwise(0)
    summed = (frame.with_columns(pl.col(list(COLUMNS)).fill_null(0), failed.alias("failed"))
              .group_by(list(by)).agg(pl.col("requests").sum(), pl.col("failed").sum(), *aggregations())
              .sort(list(by)).collect())

    def rate(part: str, whole: str) -> pl.Expr:
        return pl.when(pl.col(whole) > 0).then(pl.col(part) / pl.col(whole))

    rates = summed.with_columns(
        rate("failed", "requests").alias("error_rate"),
        rate("truncated", "finished").alias("truncation_rate"),
        rate("filtered", "finished").alias("filter_rate"),
        rate("json_malformed", "json_judged").alias("malformed_json_rate"),
        rate("retries", "keyed").alias("retry_rate"),
        rate("overrides", "observed").alias("override_rate"),
        rate("flagged", "verdicts").alias("flag_rate"),
        rate("score_sum", "rated").alias("mean_score"),
        (1 - rate("judged_bad", "judged")).alias("judged_pass_rate"),
        (1 - rate("bad", "observed")).alias("quality"),
        pl.when(pl.col("latency_ms_sum") > 0)
        .then(pl.col("timed_output_tokens") / (pl.col("latency_ms_sum") / 1000)).alias("output_tokens_per_s"),
    )
    hist = rates.select(*HISTOGRAM, "latency_max_ms").rows()
    return rates.with_columns(
        pl.Series("latency_p50_ms", [quantile(h[:-1], 0.50, h[-1]) for h in hist], dtype=pl.Float64),
        pl.Series("latency_p95_ms", [quantile(h[:-1], 0.95, h[-1]) for h in hist], dtype=pl.Float64),
    )


def quantile(counts: Sequence[int], q: float, slowest: float | None = None) -> float | None:
    """The ``q`` quantile of a latency histogram (``HISTOGRAM`` bins), interpolated on a log
    scale within its bin; the first bin starts at a tenth of the first edge, the last ends
    at ``slowest`` (or twice the last edge). None for an empty histogram."""
    total = sum(counts)
    if total == 0:
        return None
    target = q * total
    edges = (LATENCY_EDGES_MS[0] / 10, *LATENCY_EDGES_MS,
             max(slowest or 0.0, LATENCY_EDGES_MS[-1] * 2))
    seen = 0
    for k, n in enumerate(counts):
        if n and seen + n >= target:
            lo, hi = edges[k], max(edges[k + 1], edges[k])
            share = (target - seen) / n
            return math.exp(math.log(lo) + share * (math.log(hi) - math.log(lo)))
        seen += n
    return edges[-1]
