"""``spendscope simulate`` and ``spendscope optimize`` (registered on the CLI's app)."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from analyzer.cli.common import JsonOpt, MonthOpt, SinceOpt, UntilOpt, WorkspaceOpt, money, open_workspace, app, new_table, out, parse_date, user_errors
from analyzer.errors import ConfigError

if TYPE_CHECKING:  # the simulator, pydantic and rich's tables load with the commands that use them
    from analyzer.simulate.optimize import Optimized
    from analyzer.simulate.scenario import Result
    from analyzer.simulate.session import Simulator

FloorOpt = Annotated[float | None, typer.Option("--quality-floor", help="Flag categories whose expected quality falls below this pass rate (0-1).")]
ResultsOpt = Annotated[Path | None, typer.Option("--quality-results", help="Your own A/B results, CSV: category,model,passed,total [default: quality_results.csv in the workspace].")]


def _empty_check(sim: "Simulator") -> None:
    if sim.cells.is_empty():
        raise ConfigError("the workspace holds no requests yet: run spendscope ingest PATH first")


@app.command("simulate")
@user_errors
def simulate_cmd(
    policy_file: Annotated[str | None, typer.Option("--policy", help="Policy file (JSON or TOML), or a preset's name.")] = None,
    list_presets: Annotated[bool, typer.Option("--list-presets", help="List the shipped policies.")] = False,
    floor: FloorOpt = None,
    with_forecast: Annotated[bool, typer.Option("--forecast", help="Forecast next month's spend, now and under the policy.")] = False,
    budget: Annotated[float | None, typer.Option("--budget", help="Monthly budget in USD: the forecast says when it is exceeded.")] = None,
    month_days: MonthOpt = 30,
    quality_results: ResultsOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Reprice the workspace's traffic under a routing policy and compare with the baseline."""
    if list_presets:
        _print_presets(as_json)
        return
    if policy_file is None:
        raise ConfigError("--policy FILE (or a preset name, see --list-presets) is required")
    from analyzer.simulate import policy
    from analyzer.simulate.session import Simulator

    chosen = policy.load(policy_file)
    sim = Simulator.for_workspace(open_workspace(workspace), meta_keys=chosen.meta_keys,
                                  quality_results=quality_results, since=parse_date(since, "--since"),
                                  until=parse_date(until, "--until"))
    _empty_check(sim)
    result = sim.run(chosen, month_days=month_days, floor=floor)
    report = result.to_json()
    if with_forecast or budget is not None:
        report["forecast"] = _forecast_json(sim, result, budget)
    if as_json:
        out.print_json(json.dumps(report))
    else:
        _print_result(result, report.get("forecast"))


@app.command("optimize")
@user_errors
def optimize_cmd(
    floor: Annotated[float, typer.Option("--quality-floor", help="Minimum expected pass rate in every category (0-1).")] = 0.9,
    write: Annotated[Path | None, typer.Option("--out", help="Write the policy here (.json or .toml) [default: optimized-policy.json in the workspace].")] = None,
    candidate: Annotated[list[str] | None, typer.Option("--candidate", help="Also consider this model (repeatable).")] = None,
    month_days: MonthOpt = 30,
    quality_results: ResultsOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The cheapest per-category routing whose expected quality stays at or above the floor."""
    ws = open_workspace(workspace)
    from analyzer.simulate import policy
    from analyzer.simulate.optimize import optimize
    from analyzer.simulate.session import Simulator

    sim = Simulator.for_workspace(ws, quality_results=quality_results, since=parse_date(since, "--since"),
                                  until=parse_date(until, "--until"))
    _empty_check(sim)
    found = optimize(sim, floor, extra_candidates=candidate or [], month_days=month_days)
    path = write if write is not None else ws.root / "optimized-policy.json"
    policy.save(found.policy, path)
    if as_json:
        out.print_json(json.dumps(found.to_json() | {"written_to": str(path)}))
    else:
        _print_optimized(found, path)


def _forecast_json(sim: "Simulator", result: "Result", budget: float | None) -> dict[str, Any]:
    f = sim.forecast(result, budget)
    breach = {k.removesuffix("_usd"): (d.isoformat() if d else None) for k, d in f.budget_breach.items()}
    return {"month": f.month, "days": f.days, "method": f.method,
            "baseline_usd": f.totals["baseline_usd"], "scenario_usd": f.totals["scenario_usd"],
            "budget_usd": budget, "budget_exceeded_on": breach, "notes": f.notes}


def _print_presets(as_json: bool) -> None:
    from analyzer.simulate import policy

    found = {name: policy.load(path) for name, path in policy.presets().items()}
    if as_json:
        out.print_json(json.dumps([{"name": n, "title": p.name, "description": p.description,
                                    "routes": len(p.routes)} for n, p in found.items()]))
        return
    table = new_table(title="Shipped policies (spendscope simulate --policy NAME)", title_justify="left")
    for col in ("name", "what it does"):
        table.add_column(col)
    for name, p in found.items():
        table.add_row(name, p.description or p.name)
    out.print(table)


def _pct(q: float | None) -> str:
    return "-" if q is None else f"{100 * q:.1f}%"


def _latency(c: dict[str, Any]) -> str:
    def pair(when: str) -> str:
        p50, p95 = c[f"latency_p50_ms_{when}"], c[f"latency_p95_ms_{when}"]
        return "-" if p50 is None else f"{p50 / 1000:.1f}/{p95 / 1000:.1f}"

    before, after = pair("baseline"), pair("scenario")
    return before if before == after else f"{before} → {after}"


def _print_result(r: "Result", fc: dict[str, Any] | None) -> None:
    if not r.days:
        out.print("The workspace holds no requests yet: run [bold]spendscope ingest PATH[/] first.")
        return
    table = new_table(title=f"Policy '{r.policy}', {r.start} to {r.end} ({r.days} days)", title_justify="left",
                  show_footer=True)
    table.add_column("category", footer="total")
    table.add_column("requests", justify="right", footer=f"{r.baseline['requests']:,.0f}")
    table.add_column("baseline", justify="right", footer=money(r.baseline["cost_usd"]))
    table.add_column("scenario", justify="right", footer=money(r.scenario["cost_usd"]))
    table.add_column("saved", justify="right", footer=money(r.savings_usd))
    table.add_column("quality", justify="right",
                     footer=f"{_pct(r.baseline['quality'])} → {_pct(r.scenario['quality'])}")
    table.add_column("evidence", justify="right")
    table.add_column("retries", justify="right", footer=money(r.scenario["retry_usd"]))
    table.add_column("latency p50 / p95", justify="right")
    for c in r.by_category:
        flag = " [red]below floor[/]" if c["category"] in r.below_floor else ""
        table.add_row(c["category"], f"{c['requests']:,.0f}", money(c["baseline_usd"]), money(c["scenario_usd"]),
                      money(c["savings_usd"]), f"{_pct(c['quality_baseline'])} → {_pct(c['quality_scenario'])}{flag}",
                      _pct(c["quality_evidence_share"]), money(c["retry_usd"]), _latency(c))
    out.print(table)
    out.print("evidence: the share of the scenario's expected quality resting on your results or on answers "
              "judged in the logs (the rest is the prior); retries: what the new models' measured retry rates "
              "add (or save); latency in seconds, before → after, from the logs' measurements.")
    out.print(f"Savings [bold]{money(r.savings_usd)}[/] ({r.savings_pct:.1f} %); per {r.month_days:g}-day month "
              f"{money(r.monthly(r.baseline['cost_usd']))} → [bold]{money(r.monthly(r.scenario['cost_usd']))}[/] "
              f"(saves {money(r.monthly(r.savings_usd))})")
    s = r.scenario
    out.print(f"Moved {s['moved_requests']:,.0f} requests; {s['blocked_requests']:,.0f} blocked by context windows; "
              f"{s['escalated_requests']:,.0f} escalated back")
    if fc is not None:
        line = (f"Forecast {fc['month']} ({fc['method']}): current mix {money(fc['baseline_usd'])}, "
                f"under the policy {money(fc['scenario_usd'])}")
        if fc["budget_usd"] is not None:
            when = fc["budget_exceeded_on"]
            line += (f"; budget {money(fc['budget_usd'])} exceeded on {when['baseline'] or 'no day'} "
                     f"(current) / {when['scenario'] or 'no day'} (policy)")
        out.print(line)
    for a in r.assumptions:
        out.print(f"Assumption: {a}", markup=False)


def _print_optimized(found: "Optimized", path: Path) -> None:
    from analyzer.simulate.optimize import KEEP, TIER_UP

    table = new_table(title=f"Cheapest route per category at expected quality ≥ {found.floor:.0%}, by cost",
                      title_justify="left")
    for col, right in (("category", False), ("route", False), ("baseline", True), ("optimized", True),
                       ("change", True), ("quality", True), ("why", False)):
        table.add_column(col, justify="right" if right else "left")
    for c in sorted(found.choices, key=lambda c: (-c.baseline_usd, c.category)):
        route = "current models" if c.model in (KEEP, TIER_UP) else c.model
        route = "one tier up" if c.model == TIER_UP else route
        change = c.cost_usd - c.baseline_usd
        sign = "+" if change > 0 else "-" if change < 0 else ""
        table.add_row(c.category, route, money(c.baseline_usd), money(c.cost_usd),
                      f"{sign}{money(abs(change))}", f"{_pct(c.baseline_quality)} → {_pct(c.quality)}", c.why)
    out.print(table)
    r = found.result
    out.print(f"Total {money(r.baseline['cost_usd'])} → [bold]{money(r.scenario['cost_usd'])}[/] "
              f"(saves {money(r.savings_usd)}, {r.savings_pct:.1f} %); policy written to {path}")
