"""Pieces of ``analyzer/pricing/cost.py`` the worked examples did not reach: the nano-dollar
sums, the tier of a rollup cell (its ``input_band``, not its average), and the input size
of a row that stands for no request. Found by a mutation run (mutmut 2 over
analyzer/pricing/cost.py, with tests/pricing/test_conventions.py and test_scenarios.py).

Prices (USD per million tokens, genai-prices 0.2.3): claude-sonnet-4-5 3.00 in / 15.00 out
up to 200,000 input tokens a request, 6.00 / 22.50 above; gpt-5.4's tier starts above
272,000; gemini-2.5-pro 1.25 / 10.00 up to 200,000, 2.50 / 15.00 above.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from analyzer import rollup
from analyzer.pricing import catalog, cost

from .rows import DAY, UTC, frame, priced, row

SONNET = {"provider": "anthropic", "model": "claude-sonnet-4-5"}
_gpt_5_4 = catalog.unit_prices("openai", "gpt-5.4", DAY)
assert _gpt_5_4 is not None and _gpt_5_4.rates["input"] is not None
GPT_5_4_INPUT = _gpt_5_4.rates["input"]


def test_money_is_summed_in_whole_nano_dollars() -> None:
    amounts = pl.DataFrame({"usd": [7.5, 0.000000001, 0.0000000004, None]})
    # $7.50 = 7,500,000,000 nano-dollars; $0.000000001 = 1; $0.0000000004 rounds to 0; null adds 0
    assert amounts.select(cost.summed_money(pl.col("usd"))).item() == 7_500_000_001
    assert cost.NANOS == 1_000_000_000


def band_of(size: int) -> int:
    """The ``input_band`` the rollup gives a request of ``size`` input tokens."""
    return frame(row(input=size)).select(rollup.input_band()).collect().item()


def cell_cost(band: int, **kwargs: object) -> float:
    """``cost_usd`` of one row priced as a rollup cell in ``band``."""
    cells = frame(row(**kwargs)).with_columns(pl.lit(band, pl.Int8).alias("input_band"))  # type: ignore[arg-type]
    return cost.price(cells).frame.collect()["cost_usd"][0]


def test_the_band_of_a_cell_chooses_its_tier_not_its_average() -> None:
    assert rollup.SCHEMA["input_band"] == pl.Int8
    at_200k, above_200k = band_of(200_000), band_of(200_001)
    assert above_200k == at_200k + 1
    # 1,000 input tokens, as if every request of the cell were small: the band decides
    # band of 200,000 tokens: 1,000 in × $3/M + 100 out × $15/M = $0.0045
    assert cell_cost(at_200k, **SONNET, input=1_000, output=100) == pytest.approx(0.0045, rel=1e-12)
    # band of 200,001 tokens: 1,000 in × $6/M + 100 out × $22.50/M = $0.00825
    assert cell_cost(above_200k, **SONNET, input=1_000, output=100) == pytest.approx(0.00825, rel=1e-12)
    # the lowest band is the base rate, however many tokens the cell sums
    # 5,000,000 in × $3/M = $15
    assert cell_cost(0, **SONNET, input=5_000_000, requests=100) == pytest.approx(15.0, rel=1e-12)


def test_every_band_takes_the_tier_of_its_lowest_size() -> None:
    thresholds = catalog.tier_thresholds()
    for band in range(len(thresholds) + 1):
        lowest = 0 if band == 0 else thresholds[band - 1] + 1
        assert band_of(lowest) == band
        # 1,000 in × gpt-5.4's rate for a request of the band's lowest size ($2.50/M up to
        # 272,000, $5.00/M above): the catalog's own tier rule, ``Rate.at``
        expected = 1_000 * GPT_5_4_INPUT.at(lowest) / 1e6
        assert cell_cost(band, provider="openai", model="gpt-5.4", input=1_000) == pytest.approx(expected, rel=1e-12), band


def test_a_row_of_no_requests_takes_the_base_tier_whatever_its_tokens() -> None:
    # a usage row without a request count (requests = 0) sums an unknown number of requests:
    # its total says nothing of any one request's size, so it takes the base rates.
    # gemini-2.5-pro, 250,000 in: 250,000 × $1.25/M + 1,000 out × $10/M = $0.3225
    zero = priced(row(provider="google", model="gemini-2.5-pro", requests=0, input=250_000, output=1_000))[0]
    assert zero["cost_usd"][0] == pytest.approx(0.3225, rel=1e-12)
    # 150,000 in: the base rate as before, 150,000 × $1.25/M + 1,000 × $10/M = $0.1975
    below = priced(row(provider="google", model="gemini-2.5-pro", requests=0, input=150_000, output=1_000))[0]
    assert below["cost_usd"][0] == pytest.approx(0.1975, rel=1e-12)
    # one request of 250,000 in: the tier rates, 250,000 × $2.50/M + 1,000 × $15/M = $0.64
    one = priced(row(provider="google", model="gemini-2.5-pro", requests=1, input=250_000, output=1_000))[0]
    assert one["cost_usd"][0] == pytest.approx(0.64, rel=1e-12)


def test_prices_are_looked_up_at_noon_or_mid_half_hour() -> None:
    asked: list[tuple[str, datetime]] = []

    def spy(provider: str, model: str, when: datetime, tier: str) -> catalog.UnitPrices | None:
        asked.append((provider, when))
        return catalog.unit_prices(provider, model, when, tier)

    cost.price(frame(
        row(provider="openai", model="gpt-4o-mini", timestamp="2026-10-05T23:59:00Z", input=10),
        row(provider="deepseek", model="deepseek-chat", timestamp="2026-10-05T16:47:00Z", input=10),
    ), resolve=spy)
    # a day's prices at its noon UTC; DeepSeek's (they change within a day) at the middle
    # of the request's half-hour: 16:47 is in 16:30-17:00, looked up at 16:45
    assert sorted(asked) == [("deepseek", datetime(2026, 10, 5, 16, 45, tzinfo=UTC)),
                             ("openai", datetime(2026, 10, 5, 12, 0, tzinfo=UTC))]


def test_output_of_a_model_without_an_output_price_costs_nothing() -> None:
    # text-embedding-3-small: $0.02 per million input tokens, no output price
    out = priced(row(provider="openai", model="text-embedding-3-small", input=8_000, output=500))[0]
    # 8,000 in × $0.02/M = $0.00016; the 500 output tokens add $0
    assert out["cost_usd"][0] == pytest.approx(0.00016, rel=1e-12)
    assert out["output_cost_usd"][0] == 0.0


def test_only_a_row_without_any_token_or_search_is_free_whatever_its_model() -> None:
    unknown = {"provider": "unknown", "model": "acme-secret-llm"}
    out = priced(
        row(**unknown, status="error"),  # no tokens, no searches: $0, priced
        row(**unknown, input=1),
        row(**unknown, output=50),
        row(**unknown, web_searches=1),
    )[0]
    assert out["price_status"].to_list() == ["priced", "unpriced", "unpriced", "unpriced"]
    assert out["cost_usd"].to_list() == [0.0, None, None, None]


def test_even_one_search_without_a_price_is_stated_with_its_count() -> None:
    # claude-3-haiku has no web-search price: its searches cost $0, said so per model
    _, one_search = priced(row(provider="anthropic", model="claude-3-haiku", input=100, web_searches=1))
    assert "web searches priced at $0: the catalog has no web-search price for claude-3-haiku (1)" in one_search
    _, many = priced(row(provider="anthropic", model="claude-3-haiku", input=100, web_searches=1_000),
                     row(provider="anthropic", model="claude-3-haiku", input=100, web_searches=500,
                         timestamp="2026-11-02"))
    assert "web searches priced at $0: the catalog has no web-search price for claude-3-haiku (1,500)" in many
    # two models: one sentence, the models by name
    _, two = priced(row(provider="openai", model="gpt-3.5-turbo", input=100, web_searches=2),
                    row(provider="anthropic", model="claude-3-haiku", input=100, web_searches=1))
    assert ("web searches priced at $0: the catalog has no web-search price for claude-3-haiku (1), "
            "gpt-3.5-turbo (2)") in two
    # none without searches, and none for a model that has a price for them
    # (claude-haiku-4-5: $10 per 1,000 searches)
    _, none = priced(row(provider="anthropic", model="claude-3-haiku", input=100),
                     row(provider="anthropic", model="claude-haiku-4-5", input=100, web_searches=3))
    assert not any(a.startswith("web searches") for a in none)


def test_a_row_whose_price_key_is_missing_is_unpriced_never_free() -> None:
    # the ingest always fills provider, model and tier; a frame built by hand may not: a row
    # the price table cannot be joined to is unpriced (null cost), not a silent $0
    out = priced(row(provider="openai", model="gpt-4o-mini", input=1_000, service_tier=None))[0]  # type: ignore[arg-type]
    assert (out["price_status"][0], out["cost_usd"][0]) == ("unpriced", None)
