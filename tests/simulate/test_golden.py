"""Golden figures of the simulator over the committed sample week: every preset, docs/simulator.md's
worked example and ``optimize`` (``UPDATE_GOLDEN=1 pytest tests/simulate/test_golden.py``
rewrites the file after an intended change; review its diff)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from analyzer.ingest import pipeline
from analyzer.simulate import policy
from analyzer.simulate.optimize import optimize
from analyzer.simulate.session import Simulator
from analyzer.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("golden") / "sample_week.json"
EXAMPLE = ROOT / "sample_logs" / "policies" / "worked-example.toml"


def _cents(x: float) -> float:
    return round(x, 2)


def _summary(result: Any) -> dict[str, Any]:
    return {
        "baseline_usd": _cents(result.baseline["cost_usd"]),
        "scenario_usd": _cents(result.scenario["cost_usd"]),
        "savings_pct": round(result.savings_pct, 1),
        "monthly_scenario_usd": _cents(result.monthly(result.scenario["cost_usd"])),
        "moved_requests": round(result.scenario["moved_requests"]),
        "quality": [round(result.baseline["quality"], 3), round(result.scenario["quality"], 3)],
        "by_category": {c["category"]: _cents(c["scenario_usd"]) for c in result.by_category},
    }


@pytest.fixture(scope="module")
def runs(week_workspace: Workspace) -> dict[str, Any]:
    """Every preset, the worked example and ``optimize`` over the sample week: their results,
    the optimizer's choices and the baseline's own assumptions."""
    sim = Simulator.for_workspace(week_workspace)
    results = {name: sim.run(policy.load(path)) for name, path in policy.presets().items()}
    results["worked-example"] = sim.run(policy.load(EXAMPLE))
    found = optimize(sim, 0.9)
    results["optimize-0.9"] = found.result
    return {"results": results, "choices": {c.category: c.model for c in found.choices},
            "baseline_assumptions": list(sim.assumptions)}


@pytest.fixture(scope="module")
def figures(runs: dict[str, Any]) -> dict[str, Any]:
    out = {name: _summary(result) for name, result in runs["results"].items()}
    out["optimize-0.9"] |= {"choices": runs["choices"]}
    return out


def test_sample_week_figures_match_the_golden_file(figures: dict[str, Any]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    assert figures == json.loads(GOLDEN.read_text())


def _kind(sentence: str) -> str:
    """What an assumption sentence is about: its head before the colon."""
    return "batch price" if sentence.startswith("batch requests priced at ") else sentence.split(":", 1)[0]


def test_every_preset_saves_or_says_why(figures: dict[str, Any], runs: dict[str, Any]) -> None:
    base = figures["batch-not-real-time"]["baseline_usd"]
    assert all(f["baseline_usd"] == base for f in figures.values())
    # batch and "down a tier" never cost more; 70/30 moves cheap traffic up to the flagship
    for name in ("batch-not-real-time", "simple-to-budget", "cheapest-tier-per-category", "optimize-0.9"):
        assert figures[name]["scenario_usd"] <= base
    results = runs["results"]
    assert results["budget-flagship-70-30"].scenario["cost_usd"] > base  # ...so it must say why

    # the baseline's own assumption (the sample week's batch rows) heads every run's list
    (baseline,) = runs["baseline_assumptions"]
    assert baseline.startswith("batch requests priced at openai's published 50 % batch discount")
    assert "gpt-4.1-mini, gpt-4o, gpt-4o-mini on 2026-10-05 to 2026-10-11" in baseline
    assert all(r.assumptions[0] == baseline for r in results.values())
    # what each run says: the prices it assumed and what moving traffic costs beyond list prices
    # (every run that moves traffic between models says how the logged retry rates scale it)
    assert {name: sorted({_kind(s) for s in r.assumptions}) for name, r in results.items()} == {
        "batch-not-real-time": ["batch price"],
        "budget-flagship-70-30": ["batch price", "prompt cache", "retries"],
        "cheapest-tier-per-category": ["batch price", "prompt cache", "retries"],
        "simple-to-budget": ["batch price", "prompt cache", "retries"],
        "worked-example": ["batch price", "escalation", "prompt cache", "retries"],
        "optimize-0.9": ["batch price", "prompt cache", "retries", "tokenizer"],
    }
    # the batch preset names the providers whose batch rates it assumed
    batch = " ".join(results["batch-not-real-time"].assumptions)
    assert "anthropic's published 50 % batch discount on input, output and cache" in batch
    # every run that moved traffic says how many cached tokens it repriced as plain input;
    # the 70/30 split, dearer than the baseline, moved the most
    lost: dict[str, int] = {}
    for name, r in results.items():
        (cache,) = [s for s in r.assumptions if s.startswith("prompt cache: ")] or [None]
        assert (cache is not None) == (r.scenario["moved_requests"] > 0), name
        if cache is not None:
            assert "priced as plain input on the target" in cache and "keep_cache = true" in cache
            tokens = re.match(r"prompt cache: ([\d,]+) cache-read/write tokens of moved requests", cache)
            assert tokens, cache
            lost[name] = int(tokens.group(1).replace(",", ""))
    assert min(lost.values()) > 0 and max(lost, key=lost.get) == "budget-flagship-70-30"
    # the worked example's 5 % coming back to Opus, and optimize's tokenizer factors
    (escalation,) = [s for s in results["worked-example"].assumptions if s.startswith("escalation: ")]
    assert escalation.startswith("escalation: 5% of moved requests (")
    assert "pay its cost on top of the target's" in escalation
    tokenizer = [s for s in results["optimize-0.9"].assumptions if s.startswith("tokenizer: ")]
    assert tokenizer and all("moving anthropic → openai" in s for s in tokenizer)


def test_cells_from_grouped_rows_equal_cells_from_categorized_rows(tmp_path: Path) -> None:
    from analyzer.simulate import cells

    ws = Workspace(tmp_path / "ws")
    ws.add(pipeline.ingest([ROOT / "tests" / "fixtures" / "logs"]))
    direct, _ = cells.build(ws.requests(), meta_keys=("meta:project",))
    grouped, _ = cells.build(ws.raw_requests(), meta_keys=("meta:project",), categorize=ws.categorize)
    assert direct.drop("cost_usd").equals(grouped.drop("cost_usd"))
    assert direct["cost_usd"].is_null().to_list() == grouped["cost_usd"].is_null().to_list()
    assert direct["cost_usd"].fill_null(0).to_list() == pytest.approx(grouped["cost_usd"].fill_null(0).to_list(),
                                                                      rel=1e-12)
    assert direct.height > 20 and direct["priced"].any() and not direct["priced"].all()
