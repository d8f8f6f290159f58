"""User price settings: own unit prices, negotiated discounts, a display currency.

A workspace may hold ``prices.toml`` (or ``prices.json``), validated strictly::

    currency = "EUR"          # for display only; money in JSON output stays USD
    usd_to_currency = 0.92    # 1 USD = 0.92 EUR

    [[prices]]                # replaces the catalog for this model (or prices an unknown one)
    model = "acme-llm-70b"    # as in the logs; dated ids, aliases and prefixes are fine
    provider = "together"     # optional
    input = 0.9               # USD per million tokens
    output = 0.9
    cache_read = 0.45         # optional: cache_read, cache_write, cache_write_1h
    service_tier = "standard" # optional: only for this tier (default: every tier)
    start = 2026-01-01        # optional effective dates, inclusive
    end = 2026-12-31

    [[discounts]]             # a negotiated rate: every matching price times (1 - percent/100)
    percent = 15
    provider = "anthropic"    # optional filters: provider, model, start, end

    [[plans]]                 # a flat-fee plan: this traffic costs a fixed monthly fee
    name = "Claude Max, 3 seats"
    monthly_fee = 600         # USD per calendar month
    provider = "anthropic"    # filters, at least one: provider, models, source
    source = "claude_code"    # a source format (``spendscope formats``)
    models = ["claude-opus-4-7"]  # as in the logs; canonicalised
    start = 2026-09-01        # optional, inclusive

The first matching ``[[prices]]`` entry wins; then the first matching discount applies.
Both show up in the report's ``assumptions``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from analyzer import settings
from analyzer.model_ids import canonical
from analyzer.pricing import catalog
from analyzer.pricing.catalog import Rate, UnitPrices
from analyzer.pricing.plans import Plan


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Dated(_Strict):
    start: date | None = None
    end: date | None = None

    def active(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @model_validator(mode="after")
    def _ordered(self) -> _Dated:
        if self.start and self.end and self.end < self.start:
            raise ValueError("end is before start")
        return self


class PriceEntry(_Dated):
    model: str
    provider: str | None = None
    input: float = Field(ge=0, description="USD per million input tokens")
    output: float = Field(ge=0, description="USD per million output tokens")
    cache_read: float | None = Field(None, ge=0)
    cache_write: float | None = Field(None, ge=0)
    cache_write_1h: float | None = Field(None, ge=0)
    service_tier: Literal["standard", "batch", "flex", "priority"] | None = None

    def key(self) -> tuple[str, str]:
        return canonical(self.model, self.provider)


class Discount(_Dated):
    percent: float = Field(gt=0, lt=100)
    provider: str | None = None
    model: str | None = None

    def matches(self, provider: str, model: str, day: date) -> bool:
        if not self.active(day) or (self.provider and self.provider.lower() != provider):
            return False
        return self.model is None or canonical(self.model, self.provider)[1] == model


class PlanEntry(_Dated):
    name: str = Field(min_length=1)
    monthly_fee: float = Field(ge=0, description="USD per calendar month")
    provider: str | None = None
    models: tuple[str, ...] = ()
    source: str | None = None

    @model_validator(mode="after")
    def _scoped(self) -> PlanEntry:
        if not (self.provider or self.models or self.source):
            raise ValueError("a plan needs at least one of provider, models, source")
        return self

    def plan(self) -> Plan:
        models = tuple(canonical(m, self.provider)[1] for m in self.models)
        return Plan(self.name, self.monthly_fee, self.provider, models, self.source, self.start, self.end)


class PriceSettings(_Strict):
    currency: str = Field("USD", min_length=3, max_length=3)
    usd_to_currency: float = Field(1.0, gt=0)
    prices: tuple[PriceEntry, ...] = ()
    discounts: tuple[Discount, ...] = ()
    plans: tuple[PlanEntry, ...] = ()

    @model_validator(mode="after")
    def _plan_names(self) -> PriceSettings:
        names = [p.name for p in self.plans]
        if len(set(names)) != len(names):
            raise ValueError("plan names must differ")
        return self

    def pricing(self) -> catalog.Pricing:
        return catalog.Pricing(self.resolver(), self.currency, self.usd_to_currency,
                               tuple(p.plan() for p in self.plans))

    def resolver(self) -> catalog.Resolver:
        """A ``resolve(provider, model, day, tier)`` that applies these settings."""
        if not self.prices and not self.discounts:
            return catalog.unit_prices
        keyed = [(e.key(), e) for e in self.prices]

        def resolve(provider: str, model: str, when: datetime, tier: str) -> UnitPrices | None:
            day = when.date()
            own = next(
                (e for (p, m), e in keyed
                 if m == model and (e.provider is None or p == provider) and e.active(day)
                 and e.service_tier in (None, tier)),
                None,
            )
            prices = _from_entry(provider, model, own, day) if own else catalog.unit_prices(provider, model, when, tier)
            if prices is None:
                return None
            deal = next((d for d in self.discounts if d.matches(provider, model, day)), None)
            if deal is None:
                return prices
            factor = 1 - deal.percent / 100
            rates = {k: (r.scaled(factor) if r else None) for k, r in prices.rates.items()}
            scope = deal.model or deal.provider or "all models"
            return UnitPrices(provider, model, rates, prices.source, prices.assumptions,
                              prices.context_window).with_assumption(
                f"negotiated discount of {deal.percent:g} % ({scope}) from prices.toml", day)

        return resolve


def _from_entry(provider: str, model: str, e: PriceEntry, day: date) -> UnitPrices:
    rates = {
        "input": Rate(e.input), "output": Rate(e.output),
        "cache_read": Rate(e.cache_read) if e.cache_read is not None else None,
        "cache_write": Rate(e.cache_write) if e.cache_write is not None else None,
        "cache_write_1h": Rate(e.cache_write_1h) if e.cache_write_1h is not None else None,
    }
    return UnitPrices(provider, model, rates, source="prices.toml").with_assumption(
        "your own prices from prices.toml", day
    )


def load(path: Path) -> PriceSettings:
    """Read and validate a settings file; any problem is a ``ConfigError`` naming the key."""
    return settings.load(path, PriceSettings)
