"""The cheapest per-category routing whose expected quality stays at or above a floor.

For every candidate model the whole workload is simulated as moved there ("everything →
candidate", one scenario each, with all the simulator's rules: tokenizer factors, lost
cache hits, context windows). Per category the options are then "keep as is" and each
candidate, with their cost and expected quality; the cheapest option at or above the
floor wins, which may be a dearer model where today's falls short of the floor. Where no
option reaches the floor the category keeps its current models and is reported.
Candidates default to the budget, mid and flagship models of the providers the traffic
already uses (``quality.family_models``) plus the models it already runs on: the optimizer
does not move a team to a provider it has no account with unless asked.

The logs come first: a category whose users flag its answers, override them or get
malformed JSON more often than ``evidence.over_limits`` allows is moved **up a tier**
(budget → mid, mid → flagship, within each provider's family) whatever the floor says,
and each of its routes says why in its ``note``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from analyzer.errors import ConfigError
from analyzer.simulate import quality
from analyzer.simulate.policy import from_dict, identity, resolve_model
from analyzer.simulate.scenario import Result
from analyzer.simulate.session import Simulator

KEEP = "(keep)"


TIER_UP = "(tier up)"
NEXT_TIER = {"budget": "mid", "mid": "flagship"}


@dataclass
class Choice:
    category: str
    model: str  # "provider/model", KEEP or TIER_UP
    baseline_usd: float
    baseline_quality: float | None
    cost_usd: float
    quality: float | None
    meets_floor: bool
    reason: str = ""  # why a category moves up a tier

    @property
    def why(self) -> str:
        """The choice in words: which way its cost goes and what decided it."""
        if self.model == TIER_UP:
            return f"up a tier: {self.reason}"
        if not self.meets_floor:
            return "no option reaches the floor: kept"
        if self.model == KEEP:
            return "kept: nothing cheaper reaches the floor"
        if self.cost_usd > self.baseline_usd:
            q = "unknown" if self.baseline_quality is None else f"{self.baseline_quality:.1%}"
            return f"dearer: today's expected quality ({q}) is below the floor"
        return "cheaper at the floor"


@dataclass
class Optimized:
    floor: float
    policy: dict[str, Any]  # a policy file's content
    choices: list[Choice]
    result: Result  # the chosen policy, simulated

    def to_json(self) -> dict[str, Any]:
        return {
            "quality_floor": self.floor,
            "policy": self.policy,
            "choices": [c.__dict__ | {"why": c.why} for c in self.choices],
            "simulation": self.result.to_json(),
        }


def candidates(sim: Simulator, extra: Sequence[str] = ()) -> list[tuple[str, str]]:
    found: dict[tuple[str, str], None] = {}
    for provider in sim.providers():
        for model in (quality.family_models(provider) or {}).values():
            found[resolve_model(model, "model_tiers.toml")] = None
    priced = sim.cells.filter(pl.col("priced")).select("provider", "model").unique().sort("provider", "model")
    for provider, model in priced.iter_rows():
        found[(provider, model)] = None
    for raw in extra:
        found[resolve_model(raw, "--candidate")] = None
    return list(found)


def _options(sim: Simulator, models: list[tuple[str, str]]) -> dict[str, list[tuple[str, float, float | None]]]:
    """Per category: (option, cost, quality) for keeping and for each candidate."""
    baseline = sim.run(identity())
    options = {c["category"]: [(KEEP, c["baseline_usd"], c["quality_baseline"])] for c in baseline.by_category}
    for provider, model in models:
        everything = from_dict({"name": model, "routes": [{"to": [{"model": f"{provider}/{model}"}]}]})
        for c in sim.run(everything).by_category:
            options[c["category"]].append((f"{provider}/{model}", c["scenario_usd"], c["quality_scenario"]))
    return options


def optimize(sim: Simulator, floor: float, *, extra_candidates: Sequence[str] = (),
             month_days: float = 30) -> Optimized:
    if not 0 < floor <= 1:
        raise ConfigError(f"--quality-floor must be in (0, 1], got {floor}")
    options = _options(sim, candidates(sim, extra_candidates))
    stronger = sim.observed.needs_stronger()
    choices: list[Choice] = []
    routes: list[dict[str, Any]] = []
    for category, opts in sorted(options.items()):
        _, keep_cost, keep_quality = opts[0]
        if category in stronger:
            reason = "; ".join(stronger[category])
            routes += _tier_up(sim, category, f"moved up a tier by spendscope optimize: {reason}")
            choices.append(Choice(category, TIER_UP, keep_cost, keep_quality, keep_cost, keep_quality,
                                  True, reason))
            continue
        good = [o for o in opts if o[2] is not None and o[2] >= floor - 1e-12]
        option, cost_usd, q = min(good, key=lambda o: (o[1], o[0] != KEEP)) if good else opts[0]
        choices.append(Choice(category, option, keep_cost, keep_quality, cost_usd, q, bool(good)))
        if option != KEEP:
            routes.append({"match": {"category": [category]}, "to": [{"model": option, "share": 1.0}]})
    up = [c.category for c in choices if c.model == TIER_UP]
    policy = {
        "name": f"cheapest per category at quality ≥ {floor:g}",
        "description": "written by spendscope optimize" + (
            f"; moved up a tier because the logs show their answers fall short: {', '.join(up)}" if up else ""),
        "routes": routes,
    }
    result = sim.run(from_dict(policy), month_days=month_days, floor=floor)
    after = {c["category"]: c for c in result.by_category}
    for c in choices:
        if c.model == TIER_UP and c.category in after:
            c.cost_usd, c.quality = after[c.category]["scenario_usd"], after[c.category]["quality_scenario"]
    return Optimized(floor, policy, choices, result)


def _tier_up(sim: Simulator, category: str, note: str) -> list[dict[str, Any]]:
    """Routes taking a category's budget traffic to its provider's mid model and its mid
    traffic to the flagship, for each provider with a known family."""
    routes = []
    for provider in sim.providers():
        family = quality.family_models(provider) or {}
        for tier, higher in NEXT_TIER.items():
            if higher in family:
                target = "/".join(resolve_model(family[higher], "model_tiers.toml"))
                routes.append({"match": {"category": [category], "provider": [provider], "tier": [tier]},
                               "to": [{"model": target, "share": 1.0}], "note": note})
    return routes
