"""Quality evidence: each rate from its own denominator, latency quantiles from the
histogram, and the marks an ingest run finds — every figure worked out by hand."""

from __future__ import annotations

import json
import math
from pathlib import Path

import polars as pl
import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.quality import evidence
from analyzer.schema import CANONICAL_SCHEMA


def _rows(*rows: dict) -> pl.LazyFrame:
    base = {"model": "m", "requests": 1, "status": "ok", "output_tokens": 0, "latency_ms": None,
            "finish_reason": None, "json_requested": None, "json_valid": None, "is_retry": None,
            "is_override": False, "was_overridden": False, "feedback_score": None, "feedback_flag": None}
    frame = pl.DataFrame([{**base, **r} for r in rows],
                         schema={k: CANONICAL_SCHEMA[k] for k in base})
    return frame.lazy().with_columns(evidence.row_columns())


def test_each_rate_counts_only_the_requests_where_its_signal_is_seen() -> None:
    table = evidence.table(_rows(
        {"finish_reason": "stop", "json_requested": True, "json_valid": True, "latency_ms": 1000.0,
         "output_tokens": 100, "is_retry": False, "feedback_flag": False},
        {"finish_reason": "truncated", "json_requested": True, "json_valid": False, "latency_ms": 3000.0,
         "output_tokens": 300, "is_retry": True},
        {"finish_reason": "content_filter", "json_requested": False, "feedback_flag": True, "feedback_score": 2.0},
        {"status": "error", "latency_ms": 500.0, "is_retry": False, "was_overridden": True},
        {"requests": 1000, "is_override": None, "latency_ms": 700.0},  # a usage bucket: no per-request signal
        {"is_override": None, "finish_reason": "truncated"},  # ingested before the signals existed
    ), ["model"]).row(0, named=True)
    assert table["requests"] == 1 + 1 + 1 + 1 + 1000 + 1
    assert table["error_rate"] == 1 / 1005
    assert table["observed"] == 4
    assert table["truncation_rate"] == 1 / 3  # of the three with a finish reason
    assert table["filter_rate"] == 1 / 3
    assert table["malformed_json_rate"] == 1 / 2  # of the two that asked for JSON, answer logged
    assert table["retry_rate"] == 1 / 3  # of the three whose input is logged
    assert table["override_rate"] == 0 / 4
    assert table["flag_rate"] == 1 / 2 and table["mean_score"] == 2.0
    # judged by a person: the two verdicts and the overridden one; the flag and the override failed
    assert (table["judged"], table["judged_bad"], table["judged_pass_rate"]) == (3, 2, 1 - 2 / 3)
    # bad: the truncated-and-malformed one, the filtered-and-flagged one, the failed-and-overridden one
    assert table["quality"] == 1 - 3 / 4
    assert table["output_tokens_per_s"] == pytest.approx((100 + 300 + 0) / ((1000 + 3000 + 500) / 1000))
    # bins: 500 ms in [500, 707), 1000 in [1000, 1414), 3000 in [2828, 4000) (edges 125 * 2^(k/2))
    # p50: the 1.5th of 3 is halfway through the 1000 bin, on a log scale
    assert table["latency_p50_ms"] == pytest.approx(125 * 2 ** (6 / 2 + 0.5 / 2))
    # p95: the 2.85th is 0.85 of the way through the 2828 bin
    assert table["latency_p95_ms"] == pytest.approx(125 * 2 ** (9 / 2 + 0.85 / 2))
    assert table["latency_max_ms"] == 3000.0


def test_the_top_bin_reaches_the_slowest_request() -> None:
    counts = [0] * (len(evidence.HISTOGRAM) - 1) + [2]
    top = evidence.LATENCY_EDGES_MS[-1]
    assert evidence.quantile(counts, 0.5, 200_000.0) == pytest.approx(math.exp(
        math.log(top) + 0.5 * (math.log(200_000.0) - math.log(top))))
    assert evidence.quantile([0] * len(evidence.HISTOGRAM), 0.5) is None


def test_a_rate_with_nothing_to_count_is_null() -> None:
    table = evidence.table(_rows({"is_override": None}), ["model"]).row(0, named=True)
    assert table["observed"] == 0
    assert [table[k] for k in ("truncation_rate", "malformed_json_rate", "retry_rate", "override_rate",
                               "flag_rate", "mean_score", "quality", "latency_p50_ms")] == [None] * 8


def _chat(i: int, model: str, at: int, text: str, **extra: object) -> str:
    return json.dumps({
        "id": f"c{i}", "object": "chat.completion", "created": at, "model": model,
        "request": {"model": model, "messages": [{"role": "user", "content": text}]},
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "fine"}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": 2, "total_tokens": 12}, **extra})


def test_an_ingest_run_finds_retries_and_overrides_across_its_files(tmp_path: Path) -> None:
    t = 1_760_000_000
    (tmp_path / "a.jsonl").write_text("\n".join([
        _chat(1, "gpt-4o-mini", t, "Where is my parcel 7?"),
        _chat(2, "gpt-4o-mini", t + 30, "Where is my parcel 7?"),  # sent again: a retry
        _chat(9, "gpt-4o-mini", t, "Plan my week", metadata={"thumbs": "down", "override": "true"}),
    ]) + "\n")
    (tmp_path / "b.jsonl").write_text("\n".join([
        _chat(3, "gpt-4o", t + 60, "Where is my parcel 7?"),  # then to a higher tier: an override
        _chat(4, "gpt-4o-mini", t + 3600, "Where is my parcel 7?"),  # an hour later: a new request
        _chat(2, "gpt-4o-mini", t + 30, "Where is my parcel 7?"),  # a duplicate line: never a retry
    ]) + "\n")
    rows = ingest([tmp_path]).rows.sort("request_id")
    assert rows.select("request_id", "is_retry", "is_override", "was_overridden", "feedback_flag").rows() == [
        ("c1", False, False, False, None),
        ("c2", True, False, True, None),
        ("c3", False, True, False, None),
        ("c4", False, False, False, None),
        ("c9", False, True, False, True),
    ]


def test_latency_quantiles_from_the_histogram_stay_close_to_the_exact_ones() -> None:
    import numpy as np

    rng = np.random.default_rng(1)
    for mu, sigma in [(6, 0.5), (7, 1.0), (8, 0.7), (9, 1.2), (5.5, 0.3)]:  # medians 0.25 s to 8 s
        x = rng.lognormal(mu, sigma, 20_000)
        counts = np.bincount(np.searchsorted(np.array(evidence.LATENCY_EDGES_MS), x, side="right"),
                             minlength=len(evidence.HISTOGRAM))
        assert evidence.quantile(list(counts), 0.5, x.max()) == pytest.approx(np.quantile(x, 0.5), rel=0.01)
        assert evidence.quantile(list(counts), 0.95, x.max()) == pytest.approx(np.quantile(x, 0.95), rel=0.09)
