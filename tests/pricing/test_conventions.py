"""Pricing conventions: cache classes, reasoning, statuses, unpriced models, long-context
tiers, dated prices, batch and the price table's granularity.

Every figure is written out as arithmetic on the catalog's USD-per-million rates
(genai-prices 0.2.3) and, where it is a plain request, also checked against
``genai_prices.calc_price`` (``genai_cost``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import polars as pl
import pytest

from analyzer.pricing import catalog, cost
from analyzer.pricing.cost import PARTS

from .rows import DAY, UTC, cost_of, frame, genai_cost, priced, row

BATCH = {"processing": "batch"}


def one(**kwargs: object) -> dict[str, object]:
    """The single priced row (as a dict) for ``row(**kwargs)``."""
    out, _ = priced(row(**kwargs))  # type: ignore[arg-type]
    return out.row(0, named=True)


# --- cache classes (Anthropic: read 0.1x, 5-minute write 1.25x, 1-hour write 2x input) ------

HAIKU = {"provider": "anthropic", "model": "claude-haiku-4-5"}  # 1.00 in, 0.10 read,
# 1.25 5-minute write, 2.00 1-hour write, 5.00 out


def test_anthropic_cache_read() -> None:
    r = one(**HAIKU, input=10_000, cache_read=8_000, output=100)
    assert r["input_cost_usd"] == pytest.approx(2_000 * 1.00 / 1e6, rel=1e-12)
    assert r["cache_read_cost_usd"] == pytest.approx(8_000 * 0.10 / 1e6, rel=1e-12)
    assert r["cache_write_cost_usd"] == 0
    assert r["cost_usd"] == pytest.approx((2_000 * 1.00 + 8_000 * 0.10 + 100 * 5.00) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(
        genai_cost("anthropic", "claude-haiku-4-5", input=10_000, cache_read=8_000, output=100), rel=1e-12)


def test_anthropic_cache_write_5_minutes() -> None:
    r = one(**HAIKU, input=10_000, cache_write=8_000, output=100)
    assert r["input_cost_usd"] == pytest.approx(2_000 * 1.00 / 1e6, rel=1e-12)
    assert r["cache_write_cost_usd"] == pytest.approx(8_000 * 1.25 / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx((2_000 * 1.00 + 8_000 * 1.25 + 100 * 5.00) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(
        genai_cost("anthropic", "claude-haiku-4-5", input=10_000, cache_write=8_000, output=100), rel=1e-12)


def test_anthropic_cache_write_1_hour() -> None:
    r = one(**HAIKU, input=10_000, cache_write_1h=8_000, output=100)
    assert r["cache_write_cost_usd"] == pytest.approx(8_000 * 2.00 / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx((2_000 * 1.00 + 8_000 * 2.00 + 100 * 5.00) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(
        genai_cost("anthropic", "claude-haiku-4-5", input=10_000, cache_write_1h=8_000, output=100),
        rel=1e-12)


def test_anthropic_all_cache_classes_in_one_request() -> None:
    # claude-sonnet-4-5: 3.00 in, 0.30 read, 3.75 5-minute write, 6.00 1-hour write, 15.00 out
    r = one(provider="anthropic", model="claude-sonnet-4-5", input=1_000, cache_write=200,
            cache_write_1h=100, output=0)
    assert r["cost_usd"] == pytest.approx((700 * 3 + 200 * 3.75 + 100 * 6) / 1e6, rel=1e-12)
    r = one(provider="anthropic", model="claude-sonnet-4-5", input=10_000, cache_read=6_000,
            cache_write=2_000, cache_write_1h=1_000, output=500)
    expected = (1_000 * 3 + 6_000 * 0.30 + 2_000 * 3.75 + 1_000 * 6 + 500 * 15) / 1e6
    assert r["cost_usd"] == pytest.approx(expected, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(genai_cost(
        "anthropic", "claude-sonnet-4-5", input=10_000, cache_read=6_000, cache_write=2_000,
        cache_write_1h=1_000, output=500), rel=1e-12)


def test_no_cache_read_price_reads_at_the_input_rate() -> None:
    # o1-pro has only input (150) and output (600) prices
    rates = catalog.unit_prices("openai", "o1-pro", DAY).rates
    assert rates["cache_read"] is None and rates["input"].base == 150.0
    r = one(provider="openai", model="o1-pro", input=10_000, cache_read=4_000, output=1_000)
    assert r["cache_read_cost_usd"] == pytest.approx(4_000 * 150 / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx((10_000 * 150 + 1_000 * 600) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(
        genai_cost("openai", "o1-pro", input=10_000, cache_read=4_000, output=1_000), rel=1e-12)


def test_no_cache_write_price_writes_at_the_input_rate() -> None:
    # gpt-4o-mini: 0.15 in, 0.075 read, no cache-write price
    r = one(provider="openai", model="gpt-4o-mini", input=10_000, cache_write=3_000, output=0)
    assert r["cost_usd"] == pytest.approx(10_000 * 0.15 / 1e6, rel=1e-12)


def test_no_1_hour_price_writes_at_the_5_minute_rate() -> None:
    # Bedrock's Claude 3.5 Haiku entry: 0.80 in, 0.08 read, 1.00 cache write, no 1-hour price
    model = "regional.anthropic.claude-3-5-haiku-20241022-v1:0"
    assert catalog.unit_prices("aws", model, DAY).rates["cache_write_1h"] is None
    r = one(provider="aws", model=model, input=10_000, cache_write=1_000, cache_write_1h=2_000, output=10)
    assert r["cost_usd"] == pytest.approx((7_000 * 0.80 + 3_000 * 1.00 + 10 * 4.00) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx(genai_cost(
        "aws", model, input=10_000, cache_write=1_000, cache_write_1h=2_000, output=10), rel=1e-12)


def test_reasoning_is_inside_output_and_not_counted_twice() -> None:
    # o4-mini: 1.10 in, 4.40 out; 800 of the 1,000 output tokens are reasoning
    with_reasoning = one(provider="openai", model="o4-mini", input=2_000, output=1_000, reasoning=800)
    without = one(provider="openai", model="o4-mini", input=2_000, output=1_000, reasoning=0)
    assert with_reasoning["cost_usd"] == pytest.approx((2_000 * 1.10 + 1_000 * 4.40) / 1e6, rel=1e-12)
    assert with_reasoning["output_cost_usd"] == pytest.approx(1_000 * 4.40 / 1e6, rel=1e-12)
    assert with_reasoning["cost_usd"] == without["cost_usd"]


# --- statuses and unknown models --------------------------------------------------------------


def test_gateway_cache_hit_costs_nothing() -> None:
    r = one(provider="openai", model="gpt-4o-mini", input=1_840, cache_read=1_536, output=212,
            status="cached")
    assert r["cost_usd"] == 0.0
    assert all(r[p] == 0.0 for p in PARTS)
    assert r["price_status"] == "priced"


@pytest.mark.parametrize("status", ["error", "canceled", "expired"])
def test_failed_requests_with_zero_tokens_cost_zero_not_null(status: str) -> None:
    r = one(provider="anthropic", model="claude-haiku-4-5", status=status)
    assert r["cost_usd"] == 0.0
    assert r["price_status"] == "priced"


@pytest.mark.parametrize(("provider", "model"), [("openai", "gpt-9-imaginary"),
                                                 ("unknown", "unknown"),
                                                 ("acme", "acme-llm-70b")])
def test_unknown_model_is_unpriced_never_zero(provider: str, model: str) -> None:
    out, _ = priced(row(provider=provider, model=model, input=1_000, output=500),
                    row(provider="openai", model="gpt-4o-mini", input=1_000, output=500))
    unknown, known = out.row(0, named=True), out.row(1, named=True)
    assert unknown["cost_usd"] is None
    assert unknown["price_status"] == "unpriced"
    assert all(unknown[p] is None for p in PARTS)
    assert known["cost_usd"] == pytest.approx(0.00045, rel=1e-12)
    assert known["price_status"] == "priced"
    # the unpriced row is counted apart, not as $0
    assert out["cost_usd"].null_count() == 1


def test_unknown_model_answered_from_a_gateway_cache_is_still_unpriced() -> None:
    r = one(provider="acme", model="acme-llm-70b", input=1_000, output=5, status="cached")
    assert r["price_status"] == "unpriced" and r["cost_usd"] is None


@pytest.mark.parametrize(("provider", "model", "rate"), [
    ("openai", "text-embedding-3-small", 0.02),
    ("openai", "text-embedding-3-large", 0.13),
    ("aws", "amazon.titan-embed-text-v2:0", 0.02),
])
def test_embedding_models_are_priced_by_their_input_price(provider: str, model: str, rate: float) -> None:
    r = one(provider=provider, model=model, input=8_000)
    assert genai_cost(provider, model, input=8_000) == pytest.approx(8_000 * rate / 1e6, rel=1e-12)
    assert r["price_status"] == "priced"
    assert r["cost_usd"] == pytest.approx(8_000 * rate / 1e6, rel=1e-12)


def test_deepseek_peak_price_at_noon() -> None:
    # deepseek-chat: 0.27 in / 1.10 out from 00:30 to 16:30 UTC
    ts = datetime(2026, 10, 5, 12, tzinfo=UTC)
    c = cost_of(provider="deepseek", model="deepseek-chat", timestamp=ts, input=1_000_000, output=1_000_000)
    assert c == pytest.approx((1_000_000 * 0.27 + 1_000_000 * 1.10) / 1e6, rel=1e-12)
    assert c == pytest.approx(genai_cost("deepseek", "deepseek-chat", ts, input=1_000_000,
                                         output=1_000_000), rel=1e-12)


@pytest.mark.parametrize("ts", ["2026-10-05T20:00:00Z", "2026-10-05T00:10:00Z", "2026-10-05T16:30:00Z"])
def test_deepseek_off_peak_price(ts: str) -> None:
    # deepseek-chat: 0.135 in / 0.55 out from 16:30 to 00:30 UTC (half the peak price)
    expected = (1_000_000 * 0.135 + 1_000_000 * 0.55) / 1e6
    assert genai_cost("deepseek", "deepseek-chat", ts, input=1_000_000, output=1_000_000) == \
        pytest.approx(expected, rel=1e-12)
    c = cost_of(provider="deepseek", model="deepseek-chat", timestamp=ts, input=1_000_000, output=1_000_000)
    assert c == pytest.approx(expected, rel=1e-12)


# --- long-context tiers ------------------------------------------------------------------------


def test_gemini_2_5_pro_cliff_at_200k() -> None:
    # 1.25 / 10.00 up to 200k input per request; 2.50 / 15.00 for every token above
    def c(n: int) -> float:
        return cost_of(provider="google", model="gemini-2.5-pro", input=n, output=1_000)

    assert c(199_999) == pytest.approx((199_999 * 1.25 + 1_000 * 10) / 1e6, rel=1e-12)
    assert c(200_000) == pytest.approx((200_000 * 1.25 + 1_000 * 10) / 1e6, rel=1e-12)
    assert c(200_001) == pytest.approx((200_001 * 2.50 + 1_000 * 15) / 1e6, rel=1e-12)


def test_claude_sonnet_4_5_cliff_at_200k_applies_to_every_token_class() -> None:
    # base 3 / 0.30 / 3.75 / 6 / 15; above 200k: 6 / 0.60 / 7.50 / 12 / 22.50
    def c(n: int) -> float:
        return cost_of(provider="anthropic", model="claude-sonnet-4-5", input=n, cache_read=50_000,
                       cache_write=20_000, cache_write_1h=10_000, output=2_000)

    at = (120_000 * 3 + 50_000 * 0.30 + 20_000 * 3.75 + 10_000 * 6 + 2_000 * 15) / 1e6
    above = (120_001 * 6 + 50_000 * 0.60 + 20_000 * 7.50 + 10_000 * 12 + 2_000 * 22.50) / 1e6
    assert c(200_000) == pytest.approx(at, rel=1e-12)
    assert c(200_001) == pytest.approx(above, rel=1e-12)


def test_gpt_5_4_cliff_at_272k() -> None:
    # base 2.50 / 0.25 cached / 15.00; above 272k: 5.00 / 0.50 / 22.50
    def c(n: int) -> float:
        return cost_of(provider="openai", model="gpt-5.4", input=n, cache_read=100_000, output=1_000)

    assert c(272_000) == pytest.approx((172_000 * 2.50 + 100_000 * 0.25 + 1_000 * 15) / 1e6, rel=1e-12)
    assert c(272_001) == pytest.approx((172_001 * 5.00 + 100_000 * 0.50 + 1_000 * 22.50) / 1e6, rel=1e-12)


def _tiered_models() -> Iterator[tuple[str, str, date, int]]:
    """Every openai/anthropic/google model with a long-context tier on these days."""
    from genai_prices.data_snapshot import get_snapshot

    for day in (date(2026, 3, 1), DAY):
        for p in get_snapshot().providers:
            if p.id not in ("openai", "anthropic", "google"):
                continue
            for m in p.models:
                prices = catalog.unit_prices(p.id, m.id, day)
                if prices is None:
                    continue
                starts = {s for r in prices.rates.values() if r for s, _ in r.tiers}
                if starts:
                    assert len(starts) == 1, (p.id, m.id, starts)
                    yield p.id, m.id, day, starts.pop()


TIERED = list(_tiered_models())


def test_the_snapshot_has_the_tiered_models_the_notes_name() -> None:
    names = {(p, m) for p, m, _, _ in TIERED}
    assert {("google", "gemini-2.5-pro"), ("anthropic", "claude-sonnet-4-5"),
            ("anthropic", "claude-sonnet-4-6"), ("anthropic", "claude-opus-4-6"),
            ("openai", "gpt-5.4")} <= names
    assert len(TIERED) >= 40


@pytest.mark.parametrize(("provider", "model", "day", "start"), TIERED,
                         ids=[f"{p}/{m}/{d}" for p, m, d, _ in TIERED])
def test_tier_cliff_matches_genai_prices(provider: str, model: str, day: date, start: int) -> None:
    rates = catalog.unit_prices(provider, model, day).rates
    costs = {}
    for n in (start - 1, start, start + 1):
        tokens = {"input": n, "cache_read": n // 4, "cache_write": n // 10, "cache_write_1h": n // 20,
                  "output": 2_000}
        costs[n] = cost_of(provider=provider, model=model, timestamp=day, **tokens)
        assert costs[n] == pytest.approx(genai_cost(provider, model, day, **tokens), rel=1e-9), n
        # by hand: at or below the start every token takes the base rate, above it the tier rate
        def rate(key: str) -> float:
            r = rates[key] or (rates["cache_write"] if key == "cache_write_1h" else None) or rates["input"]
            return r.tiers[0][1] if r.tiers and n > r.tiers[0][0] else r.base
        uncached = n - n // 4 - n // 10 - n // 20
        by_hand = (uncached * rate("input") + (n // 4) * rate("cache_read")
                   + (n // 10) * rate("cache_write") + (n // 20) * rate("cache_write_1h")
                   + 2_000 * rate("output")) / 1e6
        assert costs[n] == pytest.approx(by_hand, rel=1e-12), n
    # the cliff: one token more re-prices the whole request
    assert costs[start + 1] / (start + 1) > costs[start] / start * 1.2


def test_aggregated_row_takes_the_tier_of_its_average_request() -> None:
    # gemini-2.5-pro, 10 requests of 250k input each: every token at the >200k rate
    above = one(provider="google", model="gemini-2.5-pro", requests=10, input=2_500_000, output=10_000)
    assert above["cost_usd"] == pytest.approx((2_500_000 * 2.50 + 10_000 * 15) / 1e6, rel=1e-12)
    # 10 requests averaging 199k: the base rate, although the row holds 1.99M tokens
    below = one(provider="google", model="gemini-2.5-pro", requests=10, input=1_990_000, output=10_000)
    assert below["cost_usd"] == pytest.approx((1_990_000 * 1.25 + 10_000 * 10) / 1e6, rel=1e-12)
    # exactly 200k per request is still the base rate
    at = one(provider="google", model="gemini-2.5-pro", requests=10, input=2_000_000, output=10_000)
    assert at["cost_usd"] == pytest.approx((2_000_000 * 1.25 + 10_000 * 10) / 1e6, rel=1e-12)
    # and it equals ten single requests priced by genai-prices
    assert above["cost_usd"] == pytest.approx(
        10 * genai_cost("google", "gemini-2.5-pro", input=250_000, output=1_000), rel=1e-12)
    assert below["cost_usd"] == pytest.approx(
        10 * genai_cost("google", "gemini-2.5-pro", input=199_000, output=1_000), rel=1e-12)


@pytest.mark.parametrize("requests", [0, 1, 40])
def test_anthropic_usage_report_context_window_bucket_decides_the_tier(requests: int) -> None:
    # claude-sonnet-4-5 usage-report rows (requests = 0: the report has no request count)
    long = one(provider="anthropic", model="claude-sonnet-4-5", requests=requests, input=150_000,
               cache_read=50_000, output=1_000,
               metadata={"service_tier": "standard", "context_window": "200k-1M",
                         "bucket_end": "2026-11-02T00:00:00Z"})
    assert long["cost_usd"] == pytest.approx((100_000 * 6 + 50_000 * 0.60 + 1_000 * 22.50) / 1e6, rel=1e-12)
    short = one(provider="anthropic", model="claude-sonnet-4-5", requests=requests, input=950_000,
                cache_read=50_000, output=1_000,
                metadata={"service_tier": "standard", "context_window": "0-200k"})
    assert short["cost_usd"] == pytest.approx((900_000 * 3 + 50_000 * 0.30 + 1_000 * 15) / 1e6, rel=1e-12)


def test_a_usage_row_without_a_request_count_or_window_takes_the_base_tier() -> None:
    # An Anthropic usage report not grouped by context window: 900k input tokens over an
    # unknown number of requests. Its sum says nothing about any request's size, so the base
    # rates apply ($3 input, $0.30 cache read, $15 output for claude-sonnet-4-5), not the
    # >200k ones ($6 / $0.60 / $22.50), and the assumptions say so.
    usage = frame(row(provider="anthropic", model="claude-sonnet-4-5", requests=0, input=900_000,
                         cache_read=100_000, output=2_000, metadata={"service_tier": "standard"}))
    found = cost.price(usage)
    got = found.frame.collect().row(0, named=True)
    assert got["cost_usd"] == pytest.approx((800_000 * 3 + 100_000 * 0.30 + 2_000 * 15) / 1e6, rel=1e-12)
    [said] = [a for a in found.assumptions if "count no requests" in a]
    assert "1 usage rows" in said and "claude-sonnet-4-5" in said
    # a model without long-context tiers: nothing to assume
    plain = cost.price(frame(row(provider="anthropic", model="claude-haiku-4-5", requests=0,
                                           input=900_000, output=2_000)))
    assert not any("count no requests" in a for a in plain.assumptions)
    # a row that counts its requests keeps its own average: 900k over 2 requests is 450k each
    counted = one(provider="anthropic", model="claude-sonnet-4-5", requests=2, input=900_000, output=2_000)
    assert counted["cost_usd"] == pytest.approx((900_000 * 6 + 2_000 * 22.50) / 1e6, rel=1e-12)


# --- prices that change by date ------------------------------------------------------------


def test_o3_price_cut_on_2025_06_10() -> None:
    # o3: 10 / 40 before 2025-06-10, 2 / 8 from that day (UTC)
    before = cost_of(provider="openai", model="o3", timestamp=date(2025, 6, 1), input=1_000_000,
                     output=1_000_000)
    after = cost_of(provider="openai", model="o3", timestamp=date(2025, 6, 20), input=1_000_000,
                    output=1_000_000)
    assert before == pytest.approx((1_000_000 * 10 + 1_000_000 * 40) / 1e6, rel=1e-12)
    assert before == pytest.approx(50.0, rel=1e-12)
    assert after == pytest.approx((1_000_000 * 2 + 1_000_000 * 8) / 1e6, rel=1e-12)
    assert after == pytest.approx(10.0, rel=1e-12)
    for day, figure in ((date(2025, 6, 1), before), (date(2025, 6, 20), after)):
        assert figure == pytest.approx(
            genai_cost("openai", "o3", day, input=1_000_000, output=1_000_000), rel=1e-12)


def test_o3_price_changes_at_utc_midnight() -> None:
    last_old = cost_of(provider="openai", model="o3", timestamp="2025-06-09T23:59:59Z", input=1_000_000)
    first_new = cost_of(provider="openai", model="o3", timestamp="2025-06-10T00:00:00Z", input=1_000_000)
    assert last_old == pytest.approx(10.0, rel=1e-12)
    assert first_new == pytest.approx(2.0, rel=1e-12)


def test_prices_at_reprices_history_at_that_days_prices() -> None:
    o3 = {"provider": "openai", "model": "o3", "input": 1_000_000, "output": 1_000_000}
    rows = [row(**o3, timestamp=date(2025, 6, 1)), row(**o3, timestamp=date(2025, 6, 20))]
    as_run, _ = priced(*rows)
    assert as_run["cost_usd"].to_list() == pytest.approx([50.0, 10.0], rel=1e-12)
    at_new, _ = priced(*rows, prices_at=date(2025, 6, 20))
    assert at_new["cost_usd"].to_list() == pytest.approx([10.0, 10.0], rel=1e-12)
    at_old, _ = priced(*rows, prices_at=date(2025, 6, 1))
    assert at_old["cost_usd"].to_list() == pytest.approx([50.0, 50.0], rel=1e-12)
    # the rows keep their own timestamps
    assert at_new["timestamp"].to_list() == as_run["timestamp"].to_list()


def test_a_dated_tier_disappears_with_its_date() -> None:
    # claude-sonnet-4-6 charged 6 / 22.50 above 200k until 2026-03-12; flat 3 / 15 from 2026-03-13
    def c(day: date) -> float:
        return cost_of(provider="anthropic", model="claude-sonnet-4-6", timestamp=day, input=300_000,
                       output=1_000)

    assert c(date(2026, 3, 12)) == pytest.approx((300_000 * 6 + 1_000 * 22.50) / 1e6, rel=1e-12)
    assert c(date(2026, 3, 13)) == pytest.approx((300_000 * 3 + 1_000 * 15) / 1e6, rel=1e-12)


# --- batch -----------------------------------------------------------------------------------

GPT5_MINI_BATCH = {"provider": "openai", "model": "gpt-5-mini", "service_tier": "batch",
                   "input": 100_000, "cache_read": 40_000, "output": 10_000}


def test_batch_uses_the_catalog_variant_where_there_is_one() -> None:
    # from 2026-10-14 the catalog has gpt-5-mini batch prices: 0.125 in, 0.0125 cached, 1.00 out
    assert catalog.unit_prices("openai", "gpt-5-mini", DAY, "batch").assumptions == ()
    out, assumptions = priced(row(**GPT5_MINI_BATCH, timestamp=DAY))
    expected = (60_000 * 0.125 + 40_000 * 0.0125 + 10_000 * 1.00) / 1e6
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    assert out["cost_usd"][0] == pytest.approx(genai_cost(
        "openai", "gpt-5-mini", DAY, input=100_000, cache_read=40_000, output=10_000,
        price_context=BATCH), rel=1e-12)
    assert assumptions == []


def test_batch_before_the_catalog_variant_takes_the_published_discount() -> None:
    day = date(2026, 10, 5)
    # genai-prices itself has no batch price that day: it returns the standard price
    assert genai_cost("openai", "gpt-5-mini", day, input=100_000, cache_read=40_000, output=10_000,
                      price_context=BATCH) == pytest.approx(
        (60_000 * 0.25 + 40_000 * 0.025 + 10_000 * 2.00) / 1e6, rel=1e-12)
    out, assumptions = priced(row(**GPT5_MINI_BATCH, timestamp=day))
    # OpenAI: input and output halved, cached input at the standard 0.025 (the documented rule;
    # note the catalog's own gpt-5-mini batch price from 2026-10-14 halves cached input too)
    expected = (60_000 * 0.25 * 0.5 + 40_000 * 0.025 + 10_000 * 2.00 * 0.5) / 1e6
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    assert len(assumptions) == 1
    text = assumptions[0]
    assert "batch" in text and "50 %" in text and "gpt-5-mini" in text and "2026-10-05" in text


def test_anthropic_batch_fallback_halves_cache_prices_too() -> None:
    day = date(2026, 10, 5)
    out, assumptions = priced(row(**HAIKU, service_tier="batch", timestamp=day, input=10_000,
                                  cache_read=6_000, cache_write=2_000, cache_write_1h=1_000, output=500))
    expected = 0.5 * (1_000 * 1.00 + 6_000 * 0.10 + 2_000 * 1.25 + 1_000 * 2.00 + 500 * 5.00) / 1e6
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    assert any("claude-haiku-4-5" in a and "batch" in a and "cache" in a for a in assumptions)
    # the catalog's own batch variant (from 2026-10-14) gives the same figure
    later, later_assumptions = priced(row(**HAIKU, service_tier="batch", timestamp=DAY, input=10_000,
                                          cache_read=6_000, cache_write=2_000, cache_write_1h=1_000,
                                          output=500))
    assert later["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    assert later_assumptions == []


def test_google_batch_fallback_keeps_context_cache_at_the_standard_rate() -> None:
    # gemini-2.5-flash: 0.30 in, 0.03 cached, 2.50 out; batch halves input and output only
    out, assumptions = priced(row(provider="google", model="gemini-2.5-flash", service_tier="batch",
                                  timestamp=date(2026, 10, 5), input=10_000, cache_read=4_000,
                                  output=1_000))
    expected = (6_000 * 0.15 + 4_000 * 0.03 + 1_000 * 1.25) / 1e6
    assert out["cost_usd"][0] == pytest.approx(expected, rel=1e-12)
    assert any("gemini-2.5-flash" in a and "batch" in a for a in assumptions)


def test_batch_without_a_variant_outside_the_discount_table_is_standard_with_an_assumption() -> None:
    # groq is not in BATCH_DISCOUNT and the catalog has no batch price for this model
    assert "groq" not in catalog.BATCH_DISCOUNT
    model = {"provider": "groq", "model": "llama-3.3-70b-versatile"}
    out, assumptions = priced(row(**model, service_tier="batch", input=10_000, output=1_000),
                              row(**model, service_tier="standard", input=10_000, output=1_000))
    assert out["cost_usd"].to_list() == pytest.approx([(10_000 * 0.59 + 1_000 * 0.79) / 1e6] * 2, rel=1e-12)
    assert len(assumptions) == 1
    text = assumptions[0]
    assert "batch" in text and "standard" in text and "llama-3.3-70b-versatile" in text


def test_priority_uses_its_variant_and_flex_without_one_is_standard_with_an_assumption() -> None:
    # gpt-4o-mini priority (from 2026-10-12): 0.25 in, 1.00 out; no flex price
    out, assumptions = priced(
        row(provider="openai", model="gpt-4o-mini", service_tier="priority", input=10_000, output=1_000),
        row(provider="openai", model="gpt-4o-mini", service_tier="flex", input=10_000, output=1_000))
    assert out["cost_usd"].to_list() == pytest.approx(
        [(10_000 * 0.25 + 1_000 * 1.00) / 1e6, (10_000 * 0.15 + 1_000 * 0.60) / 1e6], rel=1e-12)
    assert out["cost_usd"][0] == pytest.approx(genai_cost(
        "openai", "gpt-4o-mini", input=10_000, output=1_000, price_context={"service_tier": "priority"}),
        rel=1e-12)
    assert len(assumptions) == 1 and "flex" in assumptions[0]


# --- the price table is built per (provider, model, day, tier), not per row -----------------


def test_prices_are_resolved_once_per_model_day_and_tier() -> None:
    calls: list[tuple[str, str, date, str]] = []

    def counting(provider: str, model: str, day: date, tier: str) -> catalog.UnitPrices | None:
        calls.append((provider, model, day, tier))
        return catalog.unit_prices(provider, model, day, tier)

    n = 10_000
    models = [("openai", "gpt-4o-mini"), ("anthropic", "claude-haiku-4-5")]
    start = datetime(2026, 10, 5, tzinfo=UTC)
    lf = pl.DataFrame({"i": range(n)}).with_columns(
        # three days, at every time of day
        (pl.lit(start) + pl.duration(seconds=pl.col("i") * (3 * 86_400 // n))).alias("ts"))
    base = frame(row()).collect()
    rows = base[[0] * n].with_columns(
        timestamp=lf["ts"].dt.cast_time_unit("us"),
        provider=pl.Series([models[i % 2][0] for i in range(n)]),
        model=pl.Series([models[i % 2][1] for i in range(n)]),
        input_tokens=pl.Series(range(n)) + 100,
        output_tokens=pl.lit(10, pl.Int64),
    )
    assert rows.select(pl.col("timestamp").dt.date().n_unique()).item() == 3
    result = cost.price(rows.lazy(), resolve=counting)
    out = result.frame.collect()
    assert len(calls) == 6, calls
    assert len(set(calls)) == 6
    assert out.height == n and out["cost_usd"].null_count() == 0
    # the counted resolver changes nothing
    assert out["cost_usd"].to_list() == cost.price(rows.lazy()).frame.collect()["cost_usd"].to_list()


# --- audio tokens and web searches --------------------------------------------------------

def test_audio_tokens_at_the_audio_rates() -> None:
    # gpt-realtime on 2026-10-01: text $4 in / $16 out, audio $32 in / $64 out per million
    r = one(provider="openai", model="gpt-realtime", timestamp="2026-10-01", input=10_000,
            input_audio=6_000, output=2_000, output_audio=1_500)
    assert r["input_cost_usd"] == pytest.approx(4_000 * 4 / 1e6, rel=1e-12)  # text: 10,000 - 6,000
    assert r["output_cost_usd"] == pytest.approx(500 * 16 / 1e6, rel=1e-12)  # text: 2,000 - 1,500
    assert r["audio_cost_usd"] == pytest.approx((6_000 * 32 + 1_500 * 64) / 1e6, rel=1e-12)
    assert r["cost_usd"] == pytest.approx((4_000 * 4 + 500 * 16 + 6_000 * 32 + 1_500 * 64) / 1e6, rel=1e-12)


def test_audio_tokens_without_an_audio_price_take_the_text_rates() -> None:
    # gpt-4o-mini has no audio price in the catalog: $0.15 / $0.60 for every token
    r = one(input=1_000, input_audio=400, output=100, output_audio=50)
    assert r["cost_usd"] == pytest.approx((1_000 * 0.15 + 100 * 0.60) / 1e6, rel=1e-12)


def test_web_searches_per_thousand() -> None:
    # Claude Haiku 4.5: $10 per 1,000 searches, on top of $1 / $5 per million tokens
    r = one(**HAIKU, input=5_000, output=300, web_searches=3)
    assert r["web_search_cost_usd"] == pytest.approx(3 * 10 / 1000, rel=1e-12)
    assert r["cost_usd"] == pytest.approx((5_000 * 1 + 300 * 5) / 1e6 + 3 * 10 / 1000, rel=1e-12)


def test_web_searches_without_a_price_are_stated() -> None:
    out, assumptions = priced(row(provider="anthropic", model="claude-3-haiku", input=100, output=10,
                                  web_searches=4))
    assert out["web_search_cost_usd"][0] == 0
    assert "web searches priced at $0: the catalog has no web-search price for claude-3-haiku (4)" in assumptions


def test_report_shows_the_cost_parts() -> None:
    from analyzer import aggregate

    report = aggregate.spend_report(frame(
        row(**HAIKU, input=5_000, output=300, web_searches=3),
        row(provider="openai", model="gpt-realtime", timestamp="2026-10-01", input=1_000, input_audio=600,
            output=100)))
    parts = report["totals"]["cost_parts_usd"]
    # Haiku: 5,000 × $1/M in, 300 × $5/M out, 3 searches × $10/1,000; realtime: 400 × $4/M text in,
    # 600 × $32/M audio in, 100 × $16/M out
    assert parts["input"] == pytest.approx((5_000 * 1 + 400 * 4) / 1e6)
    assert parts["output"] == pytest.approx((300 * 5 + 100 * 16) / 1e6)
    assert parts["audio"] == pytest.approx(600 * 32 / 1e6)
    assert parts["web_search"] == pytest.approx(3 * 10 / 1000)
    assert sum(parts.values()) == pytest.approx(report["totals"]["cost_usd"], rel=1e-12)
