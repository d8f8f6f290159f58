"""The simulator and the logs' evidence: retries as cost, latency before and after, and which
quality rests on evidence — hand-computed.

Prices (as in test_scenario.py): claude-opus-4-7 in 5 / out 25, claude-haiku-4-5 in 1 / out 5
USD per million tokens."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from analyzer.quality import evidence
from analyzer.simulate import cells, policy, scenario
from analyzer.simulate.observed import Observed, retry_factor
from analyzer.simulate.quality import QualityTable

from .test_scenario import OPUS_MILLION, rows

BIN_1S = evidence.HISTOGRAM[7]  # [1000, 1414) ms
BIN_4S = evidence.HISTOGRAM[11]  # [4000, 5657) ms


def observed(*models: dict[str, Any]) -> Observed:
    base: dict[str, Any] = {"provider": "anthropic", "category": "other", "judged": 0, "judged_bad": 0,
                            "retries": 0, "keyed": 0, "timed": 0, **dict.fromkeys(evidence.HISTOGRAM, 0),
                            "latency_max_ms": None}
    return Observed(pl.DataFrame([base | m for m in models], schema=Observed.empty().frame.schema))


def run(obs: Observed, share: float = 0.5, quality: QualityTable | None = None) -> scenario.Result:
    built, _ = cells.build(rows(OPUS_MILLION))
    prepared = scenario.prepare(built, quality, obs)
    return scenario.run(prepared, policy.from_dict(
        {"name": "t", "routes": [{"to": [{"model": "claude-haiku-4-5", "share": share}]}]}))


def test_a_moved_request_is_sent_as_often_as_its_new_model_needs() -> None:
    # opus: 50 of 1,000 logged requests were retries (5 %); haiku: 200 of 1,000 (20 %)
    obs = observed({"model": "claude-opus-4-7", "retries": 50, "keyed": 1000},
                   {"model": "claude-haiku-4-5", "retries": 200, "keyed": 1000})
    r = run(obs)
    # the callers meant 0.95 of opus's requests; on haiku they become 0.95 / 0.8 = 1.1875 each
    # 0.5M moved × 1.1875 × $0.015 + 0.5M kept × $0.075 = 8,906.25 + 37,500
    assert r.scenario["cost_usd"] == pytest.approx(0.5e6 * 1.1875 * 0.015 + 37_500, rel=1e-12)
    assert {m["model"]: m["requests"] for m in r.by_model}["claude-haiku-4-5"] == pytest.approx(0.5e6 * 1.1875)
    assert any("× 1.1875 = (1 − 0.050) / (1 − 0.200)" in a for a in r.assumptions), r.assumptions
    # what haiku's retries add over the retries the traffic had: 8,906.25 × (1 − 1 / 1.1875)
    retry = 0.5e6 * 1.1875 * 0.015 * (1 - 1 / 1.1875)
    assert r.scenario["retry_usd"] == pytest.approx(retry, rel=1e-12)
    assert r.by_category[0]["retry_usd"] == pytest.approx(retry, rel=1e-12)
    assert r.baseline["retry_usd"] == 0.0


def test_without_evidence_on_both_models_a_move_keeps_its_retries() -> None:
    plain = run(Observed.empty())
    assert plain.scenario["cost_usd"] == pytest.approx(0.5e6 * 0.015 + 37_500, rel=1e-12)
    assert not any(a.startswith("retries") for a in plain.assumptions)  # no evidence at all: nothing to say
    few = run(observed({"model": "claude-opus-4-7", "retries": 5, "keyed": 100},
                       {"model": "claude-haiku-4-5", "retries": 4, "keyed": 49}))  # under 50: not measured
    assert few.scenario["cost_usd"] == plain.scenario["cost_usd"]
    assert any("keep the retries they had" in a for a in few.assumptions)
    assert retry_factor({("a", "x"): (0.1, 60)}, ("a", "x"), ("a", "y")) is None


def test_latency_before_and_after_mixes_each_models_distribution() -> None:
    obs = observed({"model": "claude-opus-4-7", "timed": 100, BIN_4S: 100, "latency_max_ms": 5000.0},
                   {"model": "claude-haiku-4-5", "timed": 40, BIN_1S: 40, "latency_max_ms": 1300.0})
    [row] = run(obs, share=0.7).by_category
    # before: all opus, every request in the 4.0-5.7 s bin: p50 halfway through it on a log scale
    assert row["latency_p50_ms_baseline"] == pytest.approx(4000 * 2 ** 0.25)
    # after: 70 % haiku (1.0-1.4 s), 30 % opus: p50 is 0.5 / 0.7 of the way through haiku's bin
    assert row["latency_p50_ms_scenario"] == pytest.approx(1000 * 2 ** (0.5 * 0.5 / 0.7))
    # p95: 0.25 / 0.3 of the way through opus's bin
    assert row["latency_p95_ms_scenario"] == pytest.approx(4000 * 2 ** (0.5 * 0.25 / 0.3))


def test_latency_is_unknown_without_enough_timed_requests() -> None:
    [row] = run(observed({"model": "claude-opus-4-7", "timed": 19, BIN_4S: 19})).by_category
    assert row["latency_p50_ms_baseline"] is None and row["latency_p95_ms_scenario"] is None


def test_each_category_says_how_much_of_its_quality_rests_on_evidence() -> None:
    judged = {("claude-opus-4-7", "other"): (90, 100)}  # over MIN_JUDGED (30)
    [row] = run(Observed.empty(), share=0.3, quality=QualityTable.load(judged=judged)).by_category
    # 70 % stays on opus, judged in the logs; haiku's 30 % rests on the prior
    assert row["quality_evidence_share"] == pytest.approx(0.7)


def test_each_optimize_choice_says_which_way_its_cost_goes_and_why() -> None:
    from analyzer.simulate.optimize import KEEP, TIER_UP, Choice

    def why(model: str, base: float, cost: float, meets: bool = True, q: float | None = 0.8) -> str:
        return Choice("chat", model, base, q, cost, 0.9, meets, "flagged by users 20.0% (8 of 40) > 10%").why

    assert why("openai/gpt-5-mini", 10.0, 4.0) == "cheaper at the floor"
    assert why("openai/gpt-5.2", 10.0, 12.0) == "dearer: today's expected quality (80.0%) is below the floor"
    assert why(KEEP, 10.0, 10.0) == "kept: nothing cheaper reaches the floor"
    assert why(KEEP, 10.0, 10.0, meets=False) == "no option reaches the floor: kept"
    assert why(TIER_UP, 10.0, 14.0) == "up a tier: flagged by users 20.0% (8 of 40) > 10%"


def test_only_categories_the_scenario_changes_are_flagged_below_the_floor() -> None:
    built, _ = cells.build(pl.concat([rows(OPUS_MILLION), rows({**OPUS_MILLION, "category": "translation"})]))
    moved = scenario.run(built, policy.from_dict({"name": "t", "routes": [
        {"match": {"category": ["translation"]}, "to": [{"model": "claude-haiku-4-5"}]}]}), floor=0.99)
    # both categories' expected quality is under 99 %; only translation's traffic moved
    assert [c["quality_scenario"] < 0.99 for c in moved.by_category] == [True, True]
    assert moved.below_floor == ["translation"]
    untouched = scenario.run(built, policy.identity(), floor=0.99)
    assert untouched.below_floor == []
