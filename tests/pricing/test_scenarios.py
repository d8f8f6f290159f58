"""Worked examples that must come out exactly (they correct arithmetic in popular articles).

Prices (USD per million tokens, genai-prices 0.2.3, prices_and_routing.md §B.5):
gpt-4o-mini 0.15 in / 0.60 out; claude-3-5-haiku 0.80 / 4.00; claude-haiku-4-5 batch
0.50 / 2.50 (standard 1.00 / 5.00); claude-opus-4-7 5.00 / 25.00.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from analyzer.pricing.cost import price

from .rows import cost_of, frame, priced, row, total

M = 1_000_000


def test_gpt_4o_mini_ten_million_each_way_per_day_and_month() -> None:
    day = cost_of(provider="openai", model="gpt-4o-mini", input=10 * M, output=10 * M)
    assert day == pytest.approx((10 * M * 0.15 + 10 * M * 0.60) / 1e6, rel=1e-12)
    assert day == pytest.approx(7.50, rel=1e-12)
    # a 30-day month of the same traffic, priced day by day (November 2026 has 30 days)
    month = total(*(row(provider="openai", model="gpt-4o-mini", input=10 * M, output=10 * M,
                        timestamp=date(2026, 11, 1) + timedelta(days=i)) for i in range(30)))
    assert month == pytest.approx(7.50 * 30, rel=1e-12)
    assert month == pytest.approx(225.0, rel=1e-12)


def test_claude_3_5_haiku_ten_million_each_way_per_day_and_month() -> None:
    day = cost_of(provider="anthropic", model="claude-3-5-haiku-latest", input=10 * M, output=10 * M)
    assert day == pytest.approx((10 * M * 0.80 + 10 * M * 4.00) / 1e6, rel=1e-12)
    assert day == pytest.approx(48.00, rel=1e-12)
    month = total(*(row(provider="anthropic", model="claude-3-5-haiku-latest", input=10 * M,
                        output=10 * M, timestamp=date(2026, 11, 1) + timedelta(days=i))
                    for i in range(30)))
    assert month == pytest.approx(48.00 * 30, rel=1e-12)
    assert month == pytest.approx(1440.0, rel=1e-12)


def test_one_small_gpt_4o_mini_request() -> None:
    c = cost_of(provider="openai", model="gpt-4o-mini", input=1_000, output=500)
    assert c == pytest.approx((1_000 * 0.15 + 500 * 0.60) / 1e6, rel=1e-12)
    assert c == pytest.approx(0.00045, rel=1e-12)


REQUESTS = 100_000


@pytest.mark.parametrize("day", [date(2026, 11, 1), date(2026, 10, 5)],
                         ids=["catalog-batch-variant", "published-discount-fallback"])
def test_claude_haiku_4_5_batch_one_aggregated_row(day: date) -> None:
    out, _ = priced(row(provider="anthropic", model="claude-haiku-4-5", service_tier="batch",
                        timestamp=day, requests=REQUESTS, input=REQUESTS * 2_000,
                        output=REQUESTS * 500))
    expected = REQUESTS * (2_000 * 0.50 + 500 * 2.50) / 1e6
    assert expected == pytest.approx(225.0, rel=1e-12)
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("day", [date(2026, 11, 1), date(2026, 10, 5)],
                         ids=["catalog-batch-variant", "published-discount-fallback"])
def test_claude_haiku_4_5_batch_one_row_per_request(day: date) -> None:
    one = frame(row(provider="anthropic", model="claude-haiku-4-5", service_tier="batch",
                    timestamp=day, input=2_000, output=500)).collect()
    many = one[[0] * REQUESTS]
    costs = price(many.lazy()).frame.select("cost_usd").collect()["cost_usd"]
    assert costs.len() == REQUESTS
    assert costs.null_count() == 0
    assert float(costs.sum()) == pytest.approx(REQUESTS * (2_000 * 0.50 + 500 * 2.50) / 1e6, rel=1e-9)
    assert float(costs.sum()) == pytest.approx(225.0, rel=1e-9)


def test_claude_opus_4_7_standard_day() -> None:
    out, _ = priced(row(provider="anthropic", model="claude-opus-4-7", requests=REQUESTS,
                        input=REQUESTS * 2_000, output=REQUESTS * 500))
    expected = REQUESTS * (2_000 * 5.00 + 500 * 25.00) / 1e6
    assert expected == pytest.approx(2250.0, rel=1e-12)
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    # the same day as single requests
    many = frame(row(provider="anthropic", model="claude-opus-4-7", input=2_000, output=500)).collect()
    many = many[[0] * REQUESTS]
    day_total = price(many.lazy()).frame.select(pl.col("cost_usd").sum()).collect().item()
    assert day_total == pytest.approx(2250.0, rel=1e-9)
