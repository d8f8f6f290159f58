"""Invariants of the simulator over random traffic and random policies (hypothesis)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.classify.taxonomy import CATEGORIES
from analyzer.simulate import cells, policy, scenario

MODELS = [("anthropic", "claude-opus-4-7"), ("anthropic", "claude-haiku-4-5"), ("openai", "gpt-4o"),
          ("openai", "gpt-5-mini"), ("google", "gemini-2.5-flash"), ("acme", "in-house-llm")]
TARGETS = ["claude-haiku-4-5", "claude-sonnet-4-6", "gpt-5-nano", "gpt-4o-mini", "gemini-2.5-flash-lite"]
START = datetime(2026, 10, 1, 12, tzinfo=timezone.utc)

row = st.fixed_dictionaries({
    "model": st.sampled_from(MODELS),
    "category": st.sampled_from(CATEGORIES[:8]),
    "day": st.integers(0, 9),
    "tier": st.sampled_from(["standard", "batch", "flex"]),
    "requests": st.integers(1, 50),
    "input": st.integers(0, 400_000),
    "cached": st.floats(0, 1),
    "output": st.integers(0, 20_000),
})


def frame(rows: list[dict[str, Any]]) -> pl.LazyFrame:
    records = []
    for r in rows:
        n = r["requests"]
        records.append({
            "timestamp": START + timedelta(days=r["day"]), "provider": r["model"][0], "model": r["model"][1],
            "category": r["category"], "service_tier": r["tier"], "status": "ok", "requests": n,
            "input_tokens": r["input"] * n, "cache_read_tokens": int(r["input"] * r["cached"]) * n,
            "cache_write_tokens": 0, "cache_write_1h_tokens": 0, "output_tokens": r["output"] * n,
            "reasoning_tokens": 0, "metadata": None,
        })
    return pl.DataFrame(records, schema_overrides={"metadata": pl.String}).lazy()


route = st.fixed_dictionaries({
    "match": st.one_of(st.just({}), st.builds(lambda c: {"category": c}, st.lists(st.sampled_from(CATEGORIES[:8]),
                                                                                   min_size=1, max_size=3)),
                       st.builds(lambda m: {"model": m}, st.sampled_from([m for _, m in MODELS[:5]]))),
    "to": st.lists(st.fixed_dictionaries({"model": st.sampled_from(TARGETS),
                                          "share": st.sampled_from([0.1, 0.25, 0.3, 0.5])}), max_size=2),
    "batch": st.booleans(),
    "override_rate": st.sampled_from([0.0, 0.05]),
})

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(row, min_size=1, max_size=30))
def test_the_empty_policy_reproduces_the_baseline_exactly(rows: list[dict[str, Any]]) -> None:
    built, _ = cells.build(frame(rows))
    r = scenario.run(built, policy.identity())
    assert r.scenario["cost_usd"] == r.baseline["cost_usd"]
    assert r.savings_usd == 0
    for c in r.by_category:
        assert c["scenario_usd"] == c["baseline_usd"]
        assert c["quality_scenario"] == c["quality_baseline"]
    assert r.daily["scenario_usd"].to_list() == r.daily["baseline_usd"].to_list()


@SETTINGS
@given(st.lists(row, min_size=1, max_size=30), st.lists(route, max_size=3))
def test_totals_are_the_sums_of_their_parts(rows: list[dict[str, Any]], routes: list[dict[str, Any]]) -> None:
    built, _ = cells.build(frame(rows))
    r = scenario.run(built, policy.from_dict({"routes": routes}))
    total = r.scenario["cost_usd"]
    assert sum(c["scenario_usd"] for c in r.by_category) == pytest.approx(total, rel=1e-9, abs=1e-9)
    assert sum(m["cost_usd"] for m in r.by_model) == pytest.approx(total, rel=1e-9, abs=1e-9)
    assert float(r.daily["scenario_usd"].sum()) == pytest.approx(total, rel=1e-9, abs=1e-9)
    assert sum(c["baseline_usd"] for c in r.by_category) == pytest.approx(r.baseline["cost_usd"], rel=1e-9, abs=1e-9)
    # every request is accounted for: each category keeps its requests; the models carry
    # the requests plus the escalated second calls
    requests = sum(x["requests"] for x in rows)
    assert sum(c["requests"] for c in r.by_category) == pytest.approx(requests)
    assert sum(m["requests"] for m in r.by_model) == pytest.approx(requests + r.scenario["escalated_requests"])
    assert r.scenario["moved_requests"] <= requests + 1e-6


@SETTINGS
@given(st.lists(row, min_size=1, max_size=20), st.sampled_from(TARGETS), st.sampled_from([0.2, 0.5, 0.8]))
def test_a_move_is_linear_in_its_share(rows: list[dict[str, Any]], target: str, share: float) -> None:
    built, _ = cells.build(frame(rows))
    full = scenario.run(built, policy.from_dict({"routes": [{"to": [{"model": target}]}]}))
    part = scenario.run(built, policy.from_dict({"routes": [{"to": [{"model": target, "share": share}]}]}))
    expected = full.baseline["cost_usd"] + share * (full.scenario["cost_usd"] - full.baseline["cost_usd"])
    assert part.scenario["cost_usd"] == pytest.approx(expected, rel=1e-9, abs=1e-9)
