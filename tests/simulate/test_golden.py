"""Golden figures of the simulator over the committed sample week: every preset, the README's
worked example and ``optimize`` (``UPDATE_GOLDEN=1 pytest tests/simulate/test_golden.py``
rewrites the file after an intended change; review its diff)."""

from __future__ import annotations

import json
import os
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
def figures(week_workspace: Workspace) -> dict[str, Any]:
    sim = Simulator.for_workspace(week_workspace)
    out = {name: _summary(sim.run(policy.load(path))) for name, path in policy.presets().items()}
    out["worked-example"] = _summary(sim.run(policy.load(EXAMPLE)))
    found = optimize(sim, 0.9)
    out["optimize-0.9"] = _summary(found.result) | {"choices": {c.category: c.model for c in found.choices}}
    return out


def test_sample_week_figures_match_the_golden_file(figures: dict[str, Any]) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(figures, indent=1, sort_keys=True) + "\n")
    assert figures == json.loads(GOLDEN.read_text())


def test_every_preset_saves_or_says_why(figures: dict[str, Any]) -> None:
    base = figures["batch-not-real-time"]["baseline_usd"]
    assert all(f["baseline_usd"] == base for f in figures.values())
    # batch and "down a tier" never cost more; 70/30 moves cheap traffic up to the flagship
    for name in ("batch-not-real-time", "simple-to-budget", "cheapest-tier-per-category", "optimize-0.9"):
        assert figures[name]["scenario_usd"] <= base


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
