"""Invariants of the cost arithmetic over generated requests."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.pricing.cost import PARTS

from .rows import DAY, genai_cost, priced, row

# models without a long-context tier (so a row's size never changes its rates)
UNTIERED = [("openai", "gpt-4o-mini"), ("anthropic", "claude-haiku-4-5"), ("openai", "o1-pro"),
            ("google", "gemini-2.5-flash"), ("anthropic", "claude-opus-4-7")]
TIERED = [("google", "gemini-2.5-pro"), ("anthropic", "claude-sonnet-4-5"), ("openai", "gpt-5.4")]
UNKNOWN = [("openai", "gpt-9-imaginary"), ("unknown", "unknown")]
DAYS = [DAY, date(2026, 10, 5), date(2025, 6, 1)]
SERVICE_TIERS = ["standard", "batch", "flex", "priority"]
STATUSES = ["ok", "ok", "ok", "cached", "error"]
BUCKETS = [None, {"context_window": "0-200k"}, {"context_window": "200k-1M"}]
REL = 1e-9


@st.composite
def tokens(draw: st.DrawFn, max_input: int = 400_000) -> dict[str, int]:
    """Valid canonical tokens: cache parts within input, reasoning within output."""
    n = draw(st.integers(0, max_input))
    cache_read = draw(st.integers(0, n))
    cache_write = draw(st.integers(0, n - cache_read))
    cache_write_1h = draw(st.integers(0, n - cache_read - cache_write))
    output = draw(st.integers(0, 60_000))
    reasoning = draw(st.integers(0, output))
    return {"input": n, "cache_read": cache_read, "cache_write": cache_write,
            "cache_write_1h": cache_write_1h, "output": output, "reasoning": reasoning}


def close(a: float, b: float, rel: float = REL) -> bool:
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


@settings(max_examples=60, deadline=None)
@given(model=st.sampled_from(UNTIERED), day=st.sampled_from(DAYS),
       tier=st.sampled_from(["standard", "batch"]), parts=st.lists(tokens(), min_size=1, max_size=12))
def test_usage_split_across_rows_costs_the_same_as_one_row(
    model: tuple[str, str], day: date, tier: str, parts: list[dict[str, int]],
) -> None:
    provider, name = model
    split = [row(provider=provider, model=name, timestamp=day, service_tier=tier, **t) for t in parts]
    summed = {k: sum(t[k] for t in parts) for k in parts[0]}
    one = row(provider=provider, model=name, timestamp=day, service_tier=tier, requests=len(parts), **summed)
    out, _ = priced(*split, one)
    costs = out["cost_usd"].to_list()
    assert close(pl.Series(costs[:-1]).sum(), costs[-1])


@settings(max_examples=60, deadline=None)
@given(model=st.sampled_from(UNTIERED), day=st.sampled_from(DAYS),
       tier=st.sampled_from(SERVICE_TIERS), t=tokens(), requests=st.integers(0, 50))
def test_doubling_every_token_count_doubles_the_cost(
    model: tuple[str, str], day: date, tier: str, t: dict[str, int], requests: int,
) -> None:
    provider, name = model
    base = row(provider=provider, model=name, timestamp=day, service_tier=tier, requests=requests, **t)
    double = row(provider=provider, model=name, timestamp=day, service_tier=tier, requests=requests,
                 **{k: 2 * v for k, v in t.items()})
    out, _ = priced(base, double)
    single, twice = out["cost_usd"].to_list()
    assert close(twice, 2 * single, 1e-12)


any_row = st.builds(
    lambda model, day, tier, status, bucket, requests, t: row(
        provider=model[0], model=model[1], timestamp=day, service_tier=tier,
        status=status, metadata=bucket, requests=requests,
        **(t if status != "error" else {})),
    model=st.sampled_from(UNTIERED + TIERED + UNKNOWN), day=st.sampled_from(DAYS),
    tier=st.sampled_from(SERVICE_TIERS), status=st.sampled_from(STATUSES),
    bucket=st.sampled_from(BUCKETS), requests=st.integers(0, 20), t=tokens(),
)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(any_row, min_size=1, max_size=25))
def test_cost_is_never_negative_and_is_the_sum_of_its_parts(rows: list[dict[str, object]]) -> None:
    out, _ = priced(*rows)
    for r in out.iter_rows(named=True):
        if r["price_status"] == "unpriced":
            assert r["cost_usd"] is None and all(r[p] is None for p in PARTS)
            assert (r["provider"], r["model"]) in UNKNOWN
            continue
        assert r["price_status"] == "priced"
        assert r["cost_usd"] >= 0 and all(r[p] >= 0 for p in PARTS)
        assert close(r["cost_usd"], sum(r[p] for p in PARTS), 1e-12)
        if r["status"] == "cached" or r["input_tokens"] + r["output_tokens"] == 0:
            assert r["cost_usd"] == 0


@settings(max_examples=80, deadline=None)
@given(model=st.sampled_from(UNTIERED + TIERED), day=st.sampled_from([DAY, date(2026, 3, 1)]),
       t=tokens(max_input=600_000))
def test_one_request_costs_what_genai_prices_says(
    model: tuple[str, str], day: date, t: dict[str, int],
) -> None:
    provider, name = model
    out, _ = priced(row(provider=provider, model=name, timestamp=day, **t))
    t = {k: v for k, v in t.items() if k != "reasoning"}
    assert out["cost_usd"][0] == pytest.approx(genai_cost(provider, name, day, **t), rel=REL, abs=0)
