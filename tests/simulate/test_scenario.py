"""Simulator money math, checked against hand-computed figures (arithmetic in each test).

List prices used (genai-prices 0.2.3, USD per million tokens):
claude-opus-4-7 in 5 / out 25 / cache read 0.5; claude-haiku-4-5 in 1 / out 5 / cache read 0.1;
gpt-4o in 2.5 / out 10 / cache read 1.25.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import polars as pl
import pytest

from analyzer.errors import ConfigError
from analyzer.simulate import cells, policy, scenario

DAY = datetime(2026, 10, 5, 12, tzinfo=timezone.utc)


def rows(*records: dict[str, Any]) -> pl.LazyFrame:
    """Categorized request rows with just the columns pricing and cells read."""
    base = {"timestamp": DAY, "provider": "anthropic", "model": "claude-opus-4-7", "category": "other",
            "service_tier": "standard", "status": "ok", "requests": 1, "input_tokens": 0,
            "cache_read_tokens": 0, "cache_write_tokens": 0, "cache_write_1h_tokens": 0, "output_tokens": 0,
            "reasoning_tokens": 0, "metadata": None}
    frame = pl.DataFrame([base | r for r in records], schema_overrides={"metadata": pl.String})
    return frame.lazy()


def simulate(frame: pl.LazyFrame, routes: list[dict[str, Any]], **policy_keys: Any) -> scenario.Result:
    built, _ = cells.build(frame)
    return scenario.run(built, policy.from_dict({"name": "t", "routes": routes, **policy_keys}))


OPUS_MILLION = {"requests": 1_000_000, "input_tokens": 5_000 * 1_000_000, "output_tokens": 2_000 * 1_000_000}


def test_seventy_percent_of_a_million_opus_requests_to_haiku() -> None:
    r = simulate(rows(OPUS_MILLION), [{"to": [{"model": "claude-haiku-4-5", "share": 0.7}]}])
    # opus: 5,000 × $5/M + 2,000 × $25/M = $0.025 + $0.05 = $0.075 per request × 1M = $75,000
    assert r.baseline["cost_usd"] == pytest.approx(75_000.0, rel=1e-12)
    # haiku: 5,000 × $1/M + 2,000 × $5/M = $0.015; 0.7M × 0.015 + 0.3M × 0.075 = 10,500 + 22,500
    assert r.scenario["cost_usd"] == pytest.approx(33_000.0, rel=1e-12)
    assert r.savings_usd == pytest.approx(42_000.0, rel=1e-12)
    assert r.savings_pct == pytest.approx(56.0, rel=1e-12)
    by_model = {m["model"]: m for m in r.by_model}
    assert by_model["claude-haiku-4-5"]["requests"] == pytest.approx(700_000)
    assert by_model["claude-opus-4-7"]["cost_usd"] == pytest.approx(22_500.0)


def test_fifty_fifty_split_saves_thirty_thousand() -> None:
    r = simulate(rows(OPUS_MILLION), [{"match": {"model": "claude-opus-4-7"},
                                        "to": [{"model": "claude-haiku-4-5", "share": 0.5}]}])
    # 0.5M × 0.075 + 0.5M × 0.015 = 37,500 + 7,500 = 45,000 → saves 75,000 − 45,000
    assert r.savings_usd == pytest.approx(30_000.0, rel=1e-12)


def test_classification_to_haiku_batch() -> None:
    day = {"category": "classification", "requests": 100_000, "input_tokens": 2_000 * 100_000,
           "output_tokens": 500 * 100_000}
    r = simulate(rows(day), [{"match": {"category": "classification"},
                              "to": [{"model": "claude-haiku-4-5", "share": 1.0}], "batch": True}])
    # opus standard: 2,000 × $5/M + 500 × $25/M = 0.01 + 0.0125 = $0.0225 × 100,000 = $2,250
    assert r.baseline["cost_usd"] == pytest.approx(2_250.0, rel=1e-12)
    # haiku batch (half price): (2,000 × $1/M + 500 × $5/M) / 2 = 0.0045 / 2 = $0.00225 × 100,000 = $225
    assert r.scenario["cost_usd"] == pytest.approx(225.0, rel=1e-12)


def test_batch_route_without_moves_prices_kept_traffic_at_batch() -> None:
    r = simulate(rows({"requests": 10, "input_tokens": 10_000, "output_tokens": 1_000}), [{"batch": True}])
    # standard: 10,000 × $5/M + 1,000 × $25/M = 0.05 + 0.025 = $0.075; batch half: $0.0375
    assert r.baseline["cost_usd"] == pytest.approx(0.075)
    assert r.scenario["cost_usd"] == pytest.approx(0.0375)
    assert r.scenario["moved_requests"] == 0


def test_moved_requests_lose_their_cache_hits_unless_kept() -> None:
    cached = {"requests": 1, "input_tokens": 10_000, "cache_read_tokens": 8_000, "output_tokens": 0}
    route = [{"to": [{"model": "claude-haiku-4-5"}]}]
    lost = simulate(rows(cached), route)
    # baseline opus: 2,000 × $5/M + 8,000 × $0.5/M = 0.010 + 0.004 = $0.014
    assert lost.baseline["cost_usd"] == pytest.approx(0.014)
    # haiku without the cache: 10,000 × $1/M = $0.010
    assert lost.scenario["cost_usd"] == pytest.approx(0.010)
    assert any("prompt cache" in a for a in lost.assumptions)
    kept = simulate(rows(cached), route, keep_cache=True)
    # haiku with it: 2,000 × $1/M + 8,000 × $0.1/M = 0.002 + 0.0008 = $0.0028
    assert kept.scenario["cost_usd"] == pytest.approx(0.0028)


def test_window_is_checked_in_target_tokens() -> None:
    # 160,000 o200k tokens a request fit haiku's 200,000 window as such, not × 1.30 (code) = 208,000
    code = {"provider": "openai", "model": "gpt-4o", "category": "code_generation", "requests": 1,
            "input_tokens": 160_000}
    r = simulate(rows(code), [{"to": [{"model": "claude-haiku-4-5"}]}])
    assert r.scenario["blocked_requests"] == 1
    assert r.scenario["cost_usd"] == r.baseline["cost_usd"]


def test_requests_larger_than_the_target_window_stay() -> None:
    big = {"requests": 2, "input_tokens": 2 * 300_000, "output_tokens": 2 * 1_000}  # 301k each > haiku's 200k
    small = {"requests": 1, "input_tokens": 1_000, "output_tokens": 0, "category": "summarization"}
    r = simulate(rows(big, small), [{"to": [{"model": "claude-haiku-4-5"}]}])
    assert r.scenario["blocked_requests"] == pytest.approx(2)
    assert r.scenario["moved_requests"] == pytest.approx(1)
    # big stays on opus: 600,000 × $5/M + 2,000 × $25/M = 3.0 + 0.05; small → 1,000 × $1/M = 0.001
    assert r.scenario["cost_usd"] == pytest.approx(3.05 + 0.001)
    assert any("context window" in a and "claude-haiku-4-5" in a for a in r.assumptions)


def test_tokenizer_factor_openai_to_anthropic() -> None:
    gpt = {"provider": "openai", "model": "gpt-4o", "requests": 10, "input_tokens": 1_000_000,
           "output_tokens": 100_000, "category": "summarization"}
    code = gpt | {"category": "code_generation"}
    r = simulate(rows(gpt, code), [{"to": [{"model": "claude-haiku-4-5"}]}])
    # prose ×1.16: 1,160,000 × $1/M + 116,000 × $5/M = 1.16 + 0.58 = 1.74
    # code  ×1.30: 1,300,000 × $1/M + 130,000 × $5/M = 1.30 + 0.65 = 1.95
    assert r.scenario["cost_usd"] == pytest.approx(1.74 + 1.95)
    assert any("× 1.160" in a for a in r.assumptions) and any("× 1.300" in a for a in r.assumptions)
    custom = simulate(rows(gpt), [{"to": [{"model": "claude-haiku-4-5"}]}], token_factors={"anthropic": 1.0})
    # factor 1: 1,000,000 × $1/M + 100,000 × $5/M = 1.0 + 0.5
    assert custom.scenario["cost_usd"] == pytest.approx(1.5)


def test_output_factor_and_override_rate() -> None:
    one = {"requests": 100, "input_tokens": 100_000, "output_tokens": 100_000}
    # baseline opus: 100,000 × $5/M + 100,000 × $25/M = 0.5 + 2.5 = $3.00
    r = simulate(rows(one), [{"to": [{"model": "claude-haiku-4-5"}], "override_rate": 0.1,
                              "output_factor": 1.5}])
    # all 100 go to haiku: 100,000 × $1/M + 150,000 × $5/M = 0.1 + 0.75 = 0.85
    # 10 % escalate back to opus and pay their baseline again: 0.1 × 3.00 = 0.30
    assert r.scenario["cost_usd"] == pytest.approx(0.85 + 0.30)
    assert r.scenario["escalated_requests"] == pytest.approx(10)
    assert r.scenario["requests"] == pytest.approx(100)


def test_first_matching_route_wins_and_meta_keys_match() -> None:
    a = {"requests": 10, "input_tokens": 1_000_000, "metadata": '{"project":"search"}'}
    b = {"requests": 10, "input_tokens": 1_000_000, "metadata": '{"project":"billing"}'}
    frame = rows(a, b)
    built, _ = cells.build(frame, meta_keys=("meta:project",))
    p = policy.from_dict({"routes": [
        {"match": {"meta:project": "search"}, "to": [{"model": "claude-haiku-4-5"}]},
        {"to": [{"model": "gpt-4o"}]},  # would take everything, but only billing is left
    ]})
    r = scenario.run(built, p)
    # search → haiku 1,000,000 × $1/M = 1.0; billing → gpt-4o at ×1/1.16 tokens: 862,068.97 × $2.5/M
    assert r.scenario["cost_usd"] == pytest.approx(1.0 + 1_000_000 / 1.16 * 2.5 / 1e6)


def test_same_model_target_is_not_a_move() -> None:
    cached = {"requests": 1, "input_tokens": 10_000, "cache_read_tokens": 8_000}
    r = simulate(rows(cached), [{"to": [{"model": "claude-opus-4-7"}]}])
    assert r.scenario["cost_usd"] == r.baseline["cost_usd"]
    assert r.scenario["moved_requests"] == 0


def test_unpriced_models_stay_and_are_counted() -> None:
    r = simulate(rows({"model": "in-house-llm", "provider": "acme", "requests": 5, "input_tokens": 100}),
                 [{"to": [{"model": "claude-haiku-4-5"}]}])
    assert r.baseline["unpriced_requests"] == 5 and r.scenario["unpriced_requests"] == 5
    assert r.scenario["cost_usd"] == 0 and r.scenario["moved_requests"] == 0
    assert any("without a price" in a for a in r.assumptions)


def test_quality_follows_the_moved_share() -> None:
    r = simulate(rows({"category": "code_generation", **OPUS_MILLION}),
                 [{"to": [{"model": "claude-haiku-4-5", "share": 0.5}]}])
    cat = r.by_category[0]
    assert cat["quality_scenario"] < cat["quality_baseline"]
    r2 = simulate(rows({"category": "code_generation", **OPUS_MILLION}),
                  [{"to": [{"model": "claude-haiku-4-5", "share": 1.0}]}])
    # half the move costs half the quality change (request-weighted mean)
    half = cat["quality_baseline"] - cat["quality_scenario"]
    full = r2.by_category[0]["quality_baseline"] - r2.by_category[0]["quality_scenario"]
    assert half == pytest.approx(full / 2)


@pytest.mark.parametrize(("raw", "message"), [
    ({"routes": [{"match": {"colour": "red"}}]}, "unknown match key 'colour'"),
    ({"routes": [{"to": [{"model": "no-such-model-9"}]}]}, "unknown model 'no-such-model-9'"),
    ({"routes": [{"to": [{"model": "claude-haiku-4-5", "share": 0.7}, {"model": "gpt-4o", "share": 0.4}]}]},
     "more than 1"),
    ({"routes": [{"match": {"category": "sentiment"}}]}, "unknown category 'sentiment'"),
    ({"routes": [], "speed": "fast"}, "speed"),
    ({"routes": [{"to": [{"model": "claude-haiku-4-5", "share": 0}]}]}, "share"),
])
def test_invalid_policies_name_the_problem(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        policy.from_dict(raw, "p.json")


def test_models_accept_dated_ids_and_provider_prefixes() -> None:
    p = policy.from_dict({"routes": [{"match": {"model": "claude-opus-4-7"},
                                      "to": [{"model": "anthropic/claude-haiku-4-5-20251001"}]}]})
    assert p.routes[0].moves[0].model == "claude-haiku-4-5"
    assert p.routes[0].moves[0].provider == "anthropic"
