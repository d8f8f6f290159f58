"""Pieces of ``analyzer/pricing/catalog.py`` the pricing tests did not pin: a tier taken only
above its start, a premium that scales the long-context tiers too, the exact sentence of each
assumption and of its summary, and the hour a day is priced at. Found by a mutation run
(mutmut 2 over analyzer/pricing/catalog.py, with tests/pricing/test_conventions.py,
test_catalog_memo.py and tests/test_model_ids.py).

Prices (USD per million tokens, genai-prices 0.2.3): claude-sonnet-4-5 3.00 in / 15.00 out up to
200,000 input tokens a request, 6.00 / 22.50 above; gemini-2.5-pro 1.25 / 10.00, above 200,000
2.50 / 15.00.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from analyzer.pricing import catalog
from analyzer.pricing.catalog import Assumption, Rate

EARLY = date(2026, 10, 5)  # before the catalog's batch variants (2026-10-14): the fallback applies


def test_a_rate_takes_a_tier_only_above_its_start() -> None:
    rate = Rate(3.0, ((200_000, 6.0), (1_000_000, 9.0)))
    assert [rate.at(n) for n in (0, 200_000, 200_001, 1_000_000, 1_000_001)] == [3.0, 3.0, 6.0, 6.0, 9.0]
    assert Rate(0.5).at(10**9) == 0.5  # no tiers: the base at any size


def test_a_regional_endpoint_scales_the_long_context_tiers_too() -> None:
    regional = catalog.unit_prices("google", "claude-sonnet-4-5@regional", date(2026, 10, 1))
    assert regional is not None
    # above 200,000 input tokens: 6.00 × 1.1 = 6.60 in, 22.50 × 1.1 = 24.75 out
    assert regional.rates["input"].tiers == ((200_000, pytest.approx(6.6)),)
    assert regional.rates["output"].tiers == ((200_000, pytest.approx(24.75)),)


def test_the_batch_fallback_states_its_rule_exactly() -> None:
    anthropic = catalog.unit_prices("anthropic", "claude-sonnet-4-5", EARLY, "batch")
    google = catalog.unit_prices("google", "gemini-2.5-pro", EARLY, "batch")
    assert anthropic is not None and google is not None
    assert anthropic.assumptions == (Assumption(
        "batch requests priced at anthropic's published 50 % batch discount on input, output and cache: "
        "the catalog has no batch price", "claude-sonnet-4-5", EARLY),)
    assert google.assumptions == (Assumption(
        "batch requests priced at google's published 50 % batch discount on input and output "
        "(cache rates standard): the catalog has no batch price", "gemini-2.5-pro", EARLY),)
    # 1.25 × 0.5 = 0.625 in, above 200,000: 2.50 × 0.5 = 1.25
    assert google.rates["input"] == Rate(0.625, ((200_000, 1.25),))


def test_a_tier_without_its_variant_states_the_standard_rates_exactly() -> None:
    flex = catalog.unit_prices("openai", "gpt-4o-mini", EARLY, "flex")
    assert flex is not None
    assert flex.assumptions == (Assumption(
        "flex requests priced at standard rates: the catalog has no flex price", "gpt-4o-mini", EARLY),)


def test_assumptions_are_summarized_per_rule_with_their_models_and_days() -> None:
    first, second, third = date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3)
    found = [Assumption("rule a", "m2", second), Assumption("rule b", "x", second),
             Assumption("rule a", "m1", third), Assumption("rule a", "m1", first)]
    assert catalog.summarize(found) == ["rule a for m1, m2 on 2026-10-01 to 2026-10-03",
                                        "rule b for x on 2026-10-02"]


def test_a_day_is_priced_at_its_noon_utc() -> None:
    assert catalog.noon(EARLY) == datetime(2026, 10, 5, 12, tzinfo=timezone.utc)


def test_the_price_table_has_every_column_typed_even_when_nothing_is_priced() -> None:
    import polars as pl

    noon = datetime(2026, 10, 5, 12, tzinfo=timezone.utc)
    keys = pl.DataFrame({"provider": ["openai"], "model": ["no-such-model"], "when": [noon],
                         "service_tier": ["standard"]})
    unpriced, assumptions = catalog.table(keys)
    expected = {"provider": pl.String, "model": pl.String, "when": pl.Datetime("us", "UTC"),
                "service_tier": pl.String, "priced": pl.Boolean}
    for k in catalog.KEYS:  # a base and two tiers a key (MAX_TIERS = 2)
        expected |= {k: pl.Float64, f"{k}_t1": pl.Float64, f"{k}_t1_start": pl.Int64,
                     f"{k}_t2": pl.Float64, f"{k}_t2_start": pl.Int64}
    assert unpriced.schema == pl.Schema(expected)
    assert unpriced.row(0, named=True)["priced"] is False and assumptions == []
    priced, _ = catalog.table(keys.with_columns(provider=pl.lit("google"), model=pl.lit("gemini-2.5-pro")))
    got = priced.row(0, named=True)
    # gemini-2.5-pro: 1.25 in, 2.50 above 200,000; one tier only
    assert (got["input"], got["input_t1"], got["input_t1_start"], got["input_t2"]) == (1.25, 2.5, 200_000, None)


def test_the_batch_fallback_discounts_tokens_not_web_searches() -> None:
    # before the catalog had Anthropic batch prices (2026-10-14), batch was priced at 50 % of
    # standard: input $3.00 -> $1.50 per million, but a web search stays $10 per 1,000, as
    # the catalog's own batch prices keep it from 2026-10-14
    def rates(day: date, tier: str) -> dict[str, float | None]:
        prices = catalog.unit_prices("anthropic", "claude-sonnet-4-5", day, tier)
        assert prices is not None
        return {k: (r.base if r is not None else None) for k, r in prices.rates.items()}

    before = rates(date(2026, 10, 5), "batch")
    assert before["input"] == pytest.approx(1.50) and before["web_search"] == pytest.approx(10.0)
    assert rates(date(2026, 11, 1), "batch")["web_search"] == pytest.approx(10.0)
    assert rates(date(2026, 10, 5), "standard")["web_search"] == pytest.approx(10.0)
