"""Unit prices (USD per million tokens) from genai-prices' bundled, dated catalog.

Resolved once per distinct (provider, model, day, service tier) — never per row — into a
small polars table that ``cost.py`` joins. Never fetches: only the snapshot shipped in the
pinned ``genai-prices`` wheel is read (``UpdatePrices`` is never started).

Per price key the table holds a base rate and up to two long-context tiers
(``<key>_t1``/``<key>_t1_start``, ``_t2``): above a tier's start, *all* of a request's
tokens of that key take the tier rate (genai-prices' cliff semantics, ``>`` not ``>=``).

Service tiers: ``batch`` uses the catalog's batch variant (``processing=batch``); where the
catalog has none for that model and date, the provider's published batch discount applies
(50 % for OpenAI, Anthropic and Google; Anthropic discounts cache reads and writes too,
OpenAI and Google keep cache rates standard — prices_and_routing.md §B.1, §B.8) and the
row carries that assumption. ``flex`` / ``priority`` use their variants, else standard
rates, also stated as an assumption.

Prices are looked up at noon UTC of the request's day, except for providers whose prices
change within a day (DeepSeek's off-peak hours, all on half-hour boundaries): those at the
middle of the request's half-hour. A model with an input price but no output price
(embeddings) costs nothing for output, as in genai-prices.

Lookups are remembered on disk (``Memo``: one JSON file per catalog version under the
user's cache folder), so a command that prices a workspace it has priced before does not
load the catalog at all: loading it is a fifth of a second, most of a report's time.
"""

from __future__ import annotations

import atexit
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from analyzer.model_ids import REGIONAL

if TYPE_CHECKING:
    from genai_prices.types import ModelInfo, TieredPrices

    from analyzer.pricing.plans import Plan

KEYS = ("input", "cache_read", "cache_write", "cache_write_1h", "output", "input_audio", "output_audio",
        "web_search")
_CATALOG_KEYS = {
    "input": "input_mtok",
    "cache_read": "cache_read_mtok",
    "cache_write": "cache_write_mtok",
    "cache_write_1h": "cache_write_1h_mtok",
    "output": "output_mtok",
    "input_audio": "input_audio_mtok",
    "output_audio": "output_audio_mtok",
    "web_search": "web_searches_kcount",  # USD per 1,000 searches
}
MEMO_FORMAT = 3  # bumped when what a lookup remembers changes (2: audio and web-search rates; 3: batch fallback keeps web-search prices)
MAX_TIERS = 2
BATCH_DISCOUNT = {"openai": 0.5, "anthropic": 0.5, "google": 0.5}
# Claude 4.5+ on Vertex AI regional and multi-region endpoints: the global price + 10 %
# (cloud.google.com/vertex-ai/generative-ai/pricing#claude-models, as genai-prices' own
# notes on its Vertex Claude entries quote it)
VERTEX_REGIONAL_PREMIUM = 1.1
_BATCH_CACHE_DISCOUNTED = {"anthropic"}
_CONTEXT = {"batch": {"processing": "batch"}, "flex": {"service_tier": "flex"},
            "priority": {"service_tier": "priority"}}
CATALOG = "genai-prices " + version("genai-prices")
CACHE_ENV = "SPENDSCOPE_CACHE"  # the folder of the lookup memo; "off" keeps none


@dataclass(frozen=True)
class Rate:
    """One price key: base USD/MTok and ``(start, USD/MTok)`` tiers, ascending."""

    base: float
    tiers: tuple[tuple[int, float], ...] = ()

    def scaled(self, factor: float) -> Rate:
        return Rate(self.base * factor, tuple((s, p * factor) for s, p in self.tiers))

    def at(self, request_input: float) -> float:
        rate = self.base
        for start, price in self.tiers:
            if request_input > start:
                rate = price
        return rate


@dataclass(frozen=True)
class Assumption:
    """A rule applied where the catalog had no figure: summarised per rule in reports."""

    rule: str  # e.g. "batch: openai's published 50 % batch discount on input and output"
    model: str
    day: date


@dataclass(frozen=True)
class UnitPrices:
    """What one (provider, model, day, tier) costs, and where the figure came from."""

    provider: str
    model: str
    rates: dict[str, Rate | None]
    source: str = CATALOG
    assumptions: tuple[Assumption, ...] = field(default=())
    context_window: int | None = None

    def with_assumption(self, rule: str, day: date) -> UnitPrices:
        return replace(self, assumptions=(*self.assumptions, Assumption(rule, self.model, day)))


class Memo:
    """Catalog lookups remembered on disk, one JSON file per catalog version (the bundled
    snapshot never changes within a version, so an entry never goes stale). Read once,
    written once at exit when it grew; a file that cannot be read or written is ignored."""

    def __init__(self) -> None:
        self.entries: dict[str, Any] | None = None
        self.grew = False

    def path(self) -> Path | None:
        folder = os.environ.get(CACHE_ENV) or str(
            Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "spendscope")
        return None if folder == "off" else Path(folder) / f"catalog-{CATALOG.split()[-1]}-{MEMO_FORMAT}.json"

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        if self.entries is None:
            self.entries = self._load()
        if key not in self.entries:
            self.entries[key] = compute()
            if not self.grew:
                atexit.register(self.save)
            self.grew = True
        return self.entries[key]

    def _load(self) -> dict[str, Any]:
        path = self.path()
        try:
            data = json.loads(path.read_text()) if path and path.is_file() else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def save(self) -> None:
        path = self.path()
        if not self.grew or path is None or self.entries is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.entries, separators=(",", ":")))
            os.replace(tmp, path)
            self.grew = False
        except OSError:
            pass


MEMO = Memo()


def snapshot() -> Any:
    """genai-prices' bundled catalog (imported on first use: it is slow to import)."""
    from genai_prices.data_snapshot import get_snapshot

    return get_snapshot()


@lru_cache(maxsize=1)
def _models() -> dict[tuple[str, str], ModelInfo]:
    """Catalog models by (provider id, model id): canonical ids resolve without matching."""
    return {(p.id, m.id): m for p in snapshot().providers for m in p.models}


def model_info(provider: str, model: str) -> ModelInfo | None:
    return _models().get((provider, model.removesuffix(REGIONAL)))


def _rate(value: Decimal | TieredPrices | None) -> Rate | None:
    from genai_prices.types import TieredPrices

    if value is None:
        return None
    if isinstance(value, TieredPrices):
        return Rate(float(value.base), tuple((t.start, float(t.price)) for t in value.tiers))
    return Rate(float(value))


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc)


@lru_cache(maxsize=1)
def time_of_day_providers() -> frozenset[str]:
    """Providers with prices that change within a day (DeepSeek's off-peak hours)."""
    return frozenset(MEMO.get("time_of_day_providers", lambda: sorted(_time_of_day_providers())))


def _time_of_day_providers() -> set[str]:
    found = set()
    for p in snapshot().providers:
        for m in p.models:
            if isinstance(m.prices, list) and any(
                type(cp.constraint).__name__ == "TimeOfDateConstraint" for cp in m.prices
            ):
                found.add(p.id)
    return found


@lru_cache(maxsize=65536)
def unit_prices(
    provider: str, model: str, when: date | datetime, tier: str = "standard"
) -> UnitPrices | None:
    """Catalog prices for a canonical model at a time (a date means its noon, UTC) and
    service tier; None when the catalog has no input price for it."""
    if not isinstance(when, datetime):
        when = noon(when)
    key = json.dumps(["unit_prices", provider, model, when.isoformat(), tier])
    found = MEMO.get(key, lambda: _to_json(_unit_prices(provider, model, when, tier)))
    return _from_json(found)


def _to_json(p: UnitPrices | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"provider": p.provider, "model": p.model, "source": p.source, "context_window": p.context_window,
            "rates": {k: None if r is None else [r.base, [list(t) for t in r.tiers]] for k, r in p.rates.items()},
            "assumptions": [[a.rule, a.model, a.day.isoformat()] for a in p.assumptions]}


def _from_json(d: dict[str, Any] | None) -> UnitPrices | None:
    if d is None:
        return None
    rates = {k: None if r is None else Rate(r[0], tuple((int(s), p) for s, p in r[1]))
             for k, r in d["rates"].items()}
    assumptions = tuple(Assumption(rule, model, date.fromisoformat(day)) for rule, model, day in d["assumptions"])
    return UnitPrices(d["provider"], d["model"], rates, d["source"], assumptions, d["context_window"])


def _unit_prices(provider: str, model: str, when: datetime, tier: str) -> UnitPrices | None:
    if model.endswith(REGIONAL):  # Vertex AI through a regional endpoint (model_ids.py)
        found = _unit_prices(provider, model.removesuffix(REGIONAL), when, tier)
        if found is None:
            return None
        rates = {k: None if r is None else r.scaled(VERTEX_REGIONAL_PREMIUM) for k, r in found.rates.items()}
        pct = round(100 * (VERTEX_REGIONAL_PREMIUM - 1))
        return replace(found, model=model, rates=rates).with_assumption(
            f"Vertex AI regional endpoint priced at the global price + Google's published {pct} % premium: "
            "the catalog has no regional price", when.date())
    day = when.date()
    info = model_info(provider, model)
    if info is None:
        return None
    standard = info.get_prices(when)
    base = {k: _rate(getattr(standard, c)) for k, c in _CATALOG_KEYS.items()}
    if base["input"] is None:
        return None
    prices = UnitPrices(provider, model, base, context_window=info.context_window)
    if tier not in _CONTEXT:
        return prices
    variant = info.get_prices(when, _CONTEXT[tier])
    rates = {k: _rate(getattr(variant, c)) for k, c in _CATALOG_KEYS.items()}
    if rates != base:
        return replace(prices, rates=rates)
    if tier == "batch" and provider in BATCH_DISCOUNT:
        factor = BATCH_DISCOUNT[provider]
        cache_too = provider in _BATCH_CACHE_DISCOUNTED
        # tokens only: server-side web searches keep their price (as the catalog's own batch
        # prices keep them, e.g. Anthropic's $10 per 1,000 from 2026-10-14)
        scaled = {
            k: (r.scaled(factor) if r is not None and k != "web_search"
                and (cache_too or k in ("input", "output")) else r)
            for k, r in base.items()
        }
        pct = round(100 * (1 - factor))
        what = "input, output and cache" if cache_too else "input and output (cache rates standard)"
        return replace(prices, rates=scaled).with_assumption(
            f"batch requests priced at {provider}'s published {pct} % batch discount on {what}: "
            "the catalog has no batch price",
            day,
        )
    return prices.with_assumption(
        f"{tier} requests priced at standard rates: the catalog has no {tier} price", day
    )


Resolver = Callable[[str, str, datetime, str], UnitPrices | None]


@dataclass(frozen=True)
class Pricing:
    """How a workspace prices: the lookup, and the currency reports display (JSON stays USD)."""

    resolve: Resolver
    currency: str = "USD"
    usd_to_currency: float = 1.0
    plans: tuple[Plan, ...] = ()  # flat-fee plans (plans.py)


def summarize(assumptions: list[Assumption]) -> list[str]:
    """One sentence per rule, naming the models and the days it applied to."""
    by_rule: dict[str, list[Assumption]] = {}
    for a in assumptions:
        by_rule.setdefault(a.rule, []).append(a)
    out = []
    for rule, items in by_rule.items():
        models = ", ".join(sorted({a.model for a in items}))
        first, last = min(a.day for a in items), max(a.day for a in items)
        days = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        out.append(f"{rule} for {models} on {days}")
    return out


def table(keys: pl.DataFrame, resolve: Resolver = unit_prices) -> tuple[pl.DataFrame, list[str]]:
    """The price table for distinct ``provider, model, when, service_tier`` rows.

    Columns: the four keys, ``priced``, and per price key ``<key>`` (base), ``<key>_t1``,
    ``<key>_t1_start``, ``<key>_t2``, ``<key>_t2_start``. Also returns the assumptions made,
    one sentence per rule.
    """
    rows: list[dict[str, Any]] = []
    assumptions: list[Assumption] = []
    for provider, model, when, tier in keys.select("provider", "model", "when", "service_tier").iter_rows():
        prices = resolve(provider, model, when, tier)
        row: dict[str, Any] = {"provider": provider, "model": model, "when": when,
                               "service_tier": tier, "priced": prices is not None}
        for k in KEYS:
            rate = prices.rates.get(k) if prices is not None else None
            row[k] = rate.base if rate else None
            for i in range(MAX_TIERS):
                tier_i = rate.tiers[i] if rate and i < len(rate.tiers) else None
                row[f"{k}_t{i + 1}"] = tier_i[1] if tier_i else None
                row[f"{k}_t{i + 1}_start"] = tier_i[0] if tier_i else None
        if prices is not None:
            assumptions.extend(prices.assumptions)
        rows.append(row)
    schema: dict[str, pl.DataType] = {
        "provider": pl.String, "model": pl.String, "when": pl.Datetime("us", "UTC"),
        "service_tier": pl.String,
        "priced": pl.Boolean,
    }
    for k in KEYS:
        schema[k] = pl.Float64
        for i in range(1, MAX_TIERS + 1):
            schema[f"{k}_t{i}"] = pl.Float64
            schema[f"{k}_t{i}_start"] = pl.Int64
    return pl.DataFrame(rows, schema=schema), summarize(assumptions)


@lru_cache(maxsize=1)
def tier_thresholds() -> tuple[int, ...]:
    """Every input size at which some catalog price changes tier (long context), sorted.

    Requests between two neighbouring thresholds take the same tier of every model, so
    summing them before pricing is exact (see ``analyzer/rollup.py``)."""
    return tuple(MEMO.get("tier_thresholds", _tier_thresholds))


def _tier_thresholds() -> list[int]:
    from genai_prices.types import TieredPrices

    found: set[int] = set()
    for p in snapshot().providers:
        for m in p.models:
            prices = m.prices if isinstance(m.prices, list) else [m.prices]
            for cp in prices:
                price = getattr(cp, "prices", cp)
                for value in vars(price).values():
                    if isinstance(value, TieredPrices):
                        found.update(int(t.start) for t in value.tiers)
    return sorted(found)
