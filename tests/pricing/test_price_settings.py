"""``prices.toml``: own prices, negotiated discounts and their validation, rule by rule.

``tests/test_cli.py`` prices one report with an own price and a discount; these pin what a
mutation run (mutmut 2 over analyzer/pricing/overrides.py) found unchecked: the inclusive
effective dates, the filters of an entry (provider, service tier) and of a discount
(provider, model, dates), which entry and which discount win, what a discount scales (every
rate, long-context tiers too), the assumptions stated, and every bound the validation
enforces. Prices are USD per million tokens (genai-prices 0.2.3): gpt-4o-mini 0.15 in /
0.60 out / 0.075 cache read; claude-sonnet-4-5 3.00 in, 6.00 above 200k input tokens.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from analyzer.errors import ConfigError
from analyzer.pricing import catalog, overrides
from analyzer.pricing.catalog import Rate, UnitPrices
from analyzer.pricing.overrides import PriceSettings
from analyzer.pricing.plans import Plan

ACME = {"model": "acme-llm-70b", "input": 0.9, "output": 1.8}


def at(day: date, tier: str = "standard") -> tuple[datetime, str]:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc), tier


def resolve(settings: dict[str, object], provider: str, model: str, day: date,
            tier: str = "standard") -> UnitPrices | None:
    return PriceSettings.model_validate(settings).resolver()(provider, model, *at(day, tier))


def base(prices: UnitPrices | None, key: str = "input") -> float | None:
    assert prices is not None
    rate = prices.rates[key]
    return rate.base if rate else None


def rules(prices: UnitPrices | None) -> list[str]:
    assert prices is not None
    return [a.rule for a in prices.assumptions]


def load_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "prices.toml"
    path.write_text(text)
    with pytest.raises(ConfigError) as e:
        overrides.load(path)
    return str(e.value).removeprefix(f"{path}: ")


# ------------------------------------------------------------------ own prices


def test_own_prices_become_unit_prices_with_their_source_and_assumption() -> None:
    own = resolve({"prices": [{**ACME, "cache_read": 0.45}]}, "unknown", "acme-llm-70b", date(2026, 10, 5))
    assert own is not None
    assert own.rates["input"] == Rate(0.9) and own.rates["output"] == Rate(1.8)
    assert own.rates["cache_read"] == Rate(0.45)
    # no cache-write price given: none (cost.py then writes at the input rate), never $0
    assert own.rates["cache_write"] is None and own.rates["cache_write_1h"] is None
    assert own.source == "prices.toml"
    assert [(a.rule, a.model, a.day) for a in own.assumptions] == [
        ("your own prices from prices.toml", "acme-llm-70b", date(2026, 10, 5))]


def test_both_cache_write_prices_are_kept() -> None:
    own = resolve({"prices": [{**ACME, "cache_write": 1.1, "cache_write_1h": 1.8}]},
                  "unknown", "acme-llm-70b", date(2026, 10, 5))
    assert (base(own, "cache_write"), base(own, "cache_write_1h"), base(own, "cache_read")) == (1.1, 1.8, None)


def test_an_entry_applies_from_its_start_to_its_end_day_inclusive() -> None:
    dated = {"prices": [{**ACME, "start": date(2026, 10, 5), "end": date(2026, 10, 7)}]}
    found = [resolve(dated, "unknown", "acme-llm-70b", date(2026, 10, d)) for d in (4, 5, 6, 7, 8)]
    # outside its dates the catalog answers, and it has no price for this model
    assert [base(p) if p else None for p in found] == [None, 0.9, 0.9, 0.9, None]


def test_an_entry_with_a_start_alone_or_an_end_alone() -> None:
    since = {"prices": [{**ACME, "start": date(2026, 10, 5)}]}
    until = {"prices": [{**ACME, "end": date(2026, 10, 5)}]}
    assert resolve(since, "unknown", "acme-llm-70b", date(2026, 10, 4)) is None
    assert base(resolve(since, "unknown", "acme-llm-70b", date(2027, 1, 1))) == 0.9
    assert base(resolve(until, "unknown", "acme-llm-70b", date(2026, 1, 1))) == 0.9
    assert resolve(until, "unknown", "acme-llm-70b", date(2026, 10, 6)) is None


def test_an_entry_with_a_provider_prices_only_that_providers_model() -> None:
    together = {"prices": [{**ACME, "provider": "together"}]}
    assert base(resolve(together, "together", "acme-llm-70b", date(2026, 10, 5))) == 0.9
    assert resolve(together, "fireworks", "acme-llm-70b", date(2026, 10, 5)) is None
    # without a provider, the model under any provider
    assert base(resolve({"prices": [ACME]}, "fireworks", "acme-llm-70b", date(2026, 10, 5))) == 0.9


def test_an_entry_names_the_model_as_logged_and_replaces_the_catalog() -> None:
    dated_id = {"prices": [{"model": "gpt-4o-mini-2024-07-18", "provider": "openai", "input": 0.1, "output": 0.2}]}
    own = resolve(dated_id, "openai", "gpt-4o-mini", date(2026, 10, 5))
    assert (base(own), base(own, "output"), own.source if own else None) == (0.1, 0.2, "prices.toml")
    assert base(resolve(dated_id, "openai", "gpt-4o", date(2026, 10, 5))) == 2.5  # other models: the catalog


def test_an_entry_for_one_service_tier_leaves_the_others_to_the_catalog() -> None:
    batch_only = {"prices": [{"model": "gpt-4o-mini", "provider": "openai", "input": 0.01, "output": 0.02,
                              "service_tier": "batch"}]}
    assert base(resolve(batch_only, "openai", "gpt-4o-mini", date(2026, 11, 1), "batch")) == 0.01
    assert base(resolve(batch_only, "openai", "gpt-4o-mini", date(2026, 11, 1), "standard")) == 0.15


def test_the_first_matching_entry_wins() -> None:
    two = {"prices": [{**ACME, "start": date(2026, 10, 5)}, {**ACME, "input": 5.0}]}
    assert base(resolve(two, "unknown", "acme-llm-70b", date(2026, 10, 5))) == 0.9
    assert base(resolve(two, "unknown", "acme-llm-70b", date(2026, 10, 4))) == 5.0  # the first is not active


def test_no_prices_and_no_discounts_is_the_catalog_itself() -> None:
    assert PriceSettings().resolver() is catalog.unit_prices
    assert PriceSettings.model_validate({"currency": "EUR", "usd_to_currency": 0.92}).resolver() is catalog.unit_prices


# ------------------------------------------------------------------ discounts


def test_a_discount_scales_every_rate_and_its_tiers() -> None:
    deal = resolve({"discounts": [{"percent": 15, "provider": "anthropic"}]},
                   "anthropic", "claude-sonnet-4-5", date(2026, 11, 1))
    assert deal is not None
    # 3.00 × 0.85 = 2.55 up to 200k input tokens, 6.00 × 0.85 = 5.10 above
    assert deal.rates["input"].base == pytest.approx(2.55)  # type: ignore[union-attr]
    assert deal.rates["input"].tiers[0][0] == 200_000  # type: ignore[union-attr]
    assert deal.rates["input"].tiers[0][1] == pytest.approx(5.10)  # type: ignore[union-attr]
    assert deal.rates["output"].base == pytest.approx(15 * 0.85)  # type: ignore[union-attr]
    assert deal.rates["input_audio"] is None  # no price stays no price
    listed = catalog.unit_prices("anthropic", "claude-sonnet-4-5", date(2026, 11, 1))
    assert listed is not None
    assert (deal.provider, deal.model, deal.context_window) == ("anthropic", "claude-sonnet-4-5", listed.context_window)
    assert deal.source == catalog.CATALOG
    assert rules(deal) == ["negotiated discount of 15 % (anthropic) from prices.toml"]


def test_a_discount_applies_on_top_of_own_prices_and_keeps_their_assumptions() -> None:
    deal = resolve({"prices": [ACME], "discounts": [{"percent": 10}]}, "unknown", "acme-llm-70b", date(2026, 10, 5))
    assert deal is not None
    assert base(deal) == pytest.approx(0.81)  # 0.9 × 0.9
    assert deal.source == "prices.toml"
    assert rules(deal) == ["your own prices from prices.toml",
                           "negotiated discount of 10 % (all models) from prices.toml"]


def test_a_discount_names_its_model_before_its_provider() -> None:
    deal = resolve({"discounts": [{"percent": 12.5, "provider": "openai", "model": "gpt-4o-mini"}]},
                   "openai", "gpt-4o-mini", date(2026, 10, 5))
    assert base(deal) == pytest.approx(0.15 * 0.875)
    assert rules(deal) == ["negotiated discount of 12.5 % (gpt-4o-mini) from prices.toml"]


def test_a_discount_filters_by_provider_any_case_model_as_logged_and_dates() -> None:
    deal = {"discounts": [{"percent": 50, "provider": "OpenAI", "model": "gpt-4o-mini-2024-07-18",
                           "start": date(2026, 10, 5), "end": date(2026, 10, 7)}]}
    halved = [base(resolve(deal, "openai", "gpt-4o-mini", date(2026, 10, d))) for d in (4, 5, 7, 8)]
    assert halved == [0.15, 0.075, 0.075, 0.15]
    assert base(resolve(deal, "openai", "gpt-4o", date(2026, 10, 5))) == 2.5  # another model: full price
    assert base(resolve({"discounts": [{"percent": 50, "provider": "anthropic"}]},
                        "openai", "gpt-4o-mini", date(2026, 10, 5))) == 0.15  # another provider


def test_the_first_matching_discount_applies_alone() -> None:
    two = {"discounts": [{"percent": 20, "model": "gpt-4o-mini"}, {"percent": 50}]}
    assert base(resolve(two, "openai", "gpt-4o-mini", date(2026, 10, 5))) == pytest.approx(0.12)  # 0.15 × 0.8
    assert base(resolve(two, "openai", "gpt-4o", date(2026, 10, 5))) == pytest.approx(1.25)  # 2.50 × 0.5


def test_a_model_without_any_price_stays_unpriced_under_a_discount() -> None:
    assert resolve({"discounts": [{"percent": 10}]}, "unknown", "acme-llm-70b", date(2026, 10, 5)) is None


# ------------------------------------------------------------------ what a workspace prices with


def test_pricing_carries_the_currency_the_rate_and_the_plans() -> None:
    settings = PriceSettings.model_validate({
        "currency": "EUR", "usd_to_currency": 0.92,
        "plans": [{"name": "Max", "monthly_fee": 200, "provider": "Anthropic", "models": ["claude-haiku-4-5-20251001"],
                   "end": date(2026, 12, 31)}]})
    pricing = settings.pricing()
    assert (pricing.currency, pricing.usd_to_currency) == ("EUR", 0.92)
    assert pricing.plans == (Plan("Max", 200.0, "Anthropic", ("claude-haiku-4-5",), None, None, date(2026, 12, 31)),)
    assert pricing.resolve is catalog.unit_prices
    default = PriceSettings().pricing()
    assert (default.currency, default.usd_to_currency, default.plans) == ("USD", 1.0, ())


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(("text", "message"), [
    ('[[prices]]\nmodel = "x"\ninput = -0.01\noutput = 1\n',
     "prices.0.input: Input should be greater than or equal to 0"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = -1\n',
     "prices.0.output: Input should be greater than or equal to 0"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\ncache_read = -1\n',
     "prices.0.cache_read: Input should be greater than or equal to 0"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\ncache_write = -1\n',
     "prices.0.cache_write: Input should be greater than or equal to 0"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\ncache_write_1h = -1\n',
     "prices.0.cache_write_1h: Input should be greater than or equal to 0"),
    ('[[prices]]\nmodel = "x"\noutput = 1\n', "prices.0.input: Field required"),
    ('[[prices]]\nmodel = "x"\ninput = 1\n', "prices.0.output: Field required"),
    ('[[prices]]\ninput = 1\noutput = 1\n', "prices.0.model: Field required"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\nservice_tier = "cheap"\n',
     "prices.0.service_tier: Input should be 'standard', 'batch', 'flex' or 'priority'"),
    ('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\nstart = 2026-10-07\nend = 2026-10-06\n',
     "prices.0: Value error, end is before start"),
    ('[[discounts]]\npercent = 0\n', "discounts.0.percent: Input should be greater than 0"),
    ('[[discounts]]\npercent = 100\n', "discounts.0.percent: Input should be less than 100"),
    ("[[discounts]]\n", "discounts.0.percent: Field required"),
    ('[[discounts]]\npercent = 5\nregion = "eu"\n', "discounts.0.region: Extra inputs are not permitted"),
    ('[[plans]]\nname = ""\nmonthly_fee = 1\nprovider = "openai"\n',
     "plans.0.name: String should have at least 1 character"),
    ('[[plans]]\nname = "a"\nmonthly_fee = -1\nprovider = "openai"\n',
     "plans.0.monthly_fee: Input should be greater than or equal to 0"),
    ('currency = "EURO"\n', "currency: String should have at most 3 characters"),
    ('currency = "E"\n', "currency: String should have at least 3 characters"),
    ("usd_to_currency = 0\n", "usd_to_currency: Input should be greater than 0"),
    ('colour = "red"\n', "colour: Extra inputs are not permitted"),
    ('[[plans]]\nname = "all"\nmonthly_fee = 1\n', "plans.0: Value error, a plan needs at least one of provider, models, source"),
    ('[[plans]]\nname = "a"\nmonthly_fee = 1\nprovider = "openai"\n[[plans]]\nname = "a"\nmonthly_fee = 2\nsource = "codex_cli"\n',
     "(top level): Value error, plan names must differ"),
], ids=["negative-input", "negative-output", "negative-cache-read", "negative-cache-write",
        "negative-cache-write-1h", "no-input", "no-output", "no-model", "unknown-tier", "end-before-start",
        "zero-percent", "hundred-percent", "no-percent", "unknown-discount-key", "blank-plan-name",
        "negative-fee", "long-currency", "short-currency", "zero-rate", "unknown-top-key",
        "unscoped-plan", "same-plan-names"])
def test_each_bad_setting_is_refused_naming_its_key(tmp_path: Path, text: str, message: str) -> None:
    assert load_error(tmp_path, text) == message


def test_the_edges_of_each_bound_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "prices.toml"
    path.write_text(
        'currency = "EUR"\nusd_to_currency = 0.01\n'
        '[[prices]]\nmodel = "free-llm"\ninput = 0\noutput = 0\ncache_read = 0\ncache_write = 0\ncache_write_1h = 0\n'
        "start = 2026-10-05\nend = 2026-10-05\n"  # a one-day entry: start == end
        "[[discounts]]\npercent = 0.5\n[[discounts]]\npercent = 99.5\n"
        '[[plans]]\nname = "x"\nmonthly_fee = 0\nprovider = "openai"\n')
    settings = overrides.load(path)
    assert [d.percent for d in settings.discounts] == [0.5, 99.5]
    (entry,) = settings.prices
    assert (entry.input, entry.output, entry.start, entry.end) == (0.0, 0.0, date(2026, 10, 5), date(2026, 10, 5))
    assert settings.plans[0].monthly_fee == 0.0
    assert settings.pricing().plans == (Plan("x", 0.0, "openai"),)  # no models listed: every model


@pytest.mark.parametrize("tier", ["standard", "batch", "flex", "priority"])
def test_an_entry_may_name_each_service_tier(tier: str) -> None:
    settings = {"prices": [{**ACME, "service_tier": tier}]}
    assert base(resolve(settings, "unknown", "acme-llm-70b", date(2026, 10, 5), tier)) == 0.9


def test_settings_are_frozen() -> None:
    settings = PriceSettings()
    with pytest.raises(ValueError, match="frozen"):
        settings.currency = "EUR"  # type: ignore[misc]
