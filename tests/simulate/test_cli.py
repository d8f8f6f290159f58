"""``spendscope simulate`` and ``optimize`` as CONTRACT.md fixes them, and the presets."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer.classify.taxonomy import TIERS
from analyzer.cli import app
from analyzer.simulate import policy, quality

from ..test_workspace import chat_line, write

runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """Two days of gpt-4o-mini: 3 requests of 100 in + 10 out on Oct 5, 1 on Oct 6."""
    f = write(tmp_path / "a.jsonl", [chat_line(1), chat_line(2), chat_line(3), chat_line(4, day=6)])
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)]).exit_code == 0
    return ws


def simulate(ws: Path, *args: str) -> dict:
    res = runner.invoke(app, ["simulate", "--workspace", str(ws), "--json", *args])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_simulate_json_matches_contract(tmp_path: Path, ws: Path) -> None:
    p = tmp_path / "p.json"
    p.write_text(json.dumps({"name": "nano", "routes": [
        {"match": {"model": "gpt-4o-mini"}, "to": [{"model": "openai/gpt-5-nano", "share": 0.5}]}]}))
    data = simulate(ws, "--policy", str(p))
    assert {"policy", "baseline", "scenario", "savings_usd", "savings_pct", "monthly", "by_category", "by_model",
            "assumptions"} <= set(data)
    assert data["policy"] == "nano"
    # gpt-4o-mini $0.15 / $0.60: (100 × 0.15 + 10 × 0.60) / 1e6 = $0.000021 a request, × 4
    base = 4 * (100 * 0.15 + 10 * 0.60) / 1e6
    # half to gpt-5-nano $0.05 / $0.40: (100 × 0.05 + 10 × 0.40) / 1e6 = $0.000009 a request
    scen = 2 * (100 * 0.15 + 10 * 0.60) / 1e6 + 2 * (100 * 0.05 + 10 * 0.40) / 1e6
    assert data["baseline"] | {"cost_usd": pytest.approx(base)} == data["baseline"]
    assert data["baseline"]["requests"] == 4 and data["scenario"]["requests"] == 4
    assert data["scenario"]["cost_usd"] == pytest.approx(scen, rel=1e-12)
    assert data["savings_usd"] == pytest.approx(base - scen, rel=1e-9)
    assert data["savings_pct"] == pytest.approx(100 * (base - scen) / base, rel=1e-9)
    # 2 days of data, a 30-day month
    assert data["monthly"]["baseline_usd"] == pytest.approx(base / 2 * 30, rel=1e-12)
    assert data["monthly"]["savings_usd"] == pytest.approx((base - scen) / 2 * 30, rel=1e-9)
    (cat,) = data["by_category"]
    assert {"category", "requests", "baseline_usd", "scenario_usd", "quality_baseline", "quality_scenario"} <= set(cat)
    models = {m["model"]: m for m in data["by_model"]}
    assert models["gpt-5-nano"]["requests"] == 2.0
    assert models["gpt-4o-mini"]["cost_usd"] == pytest.approx(2 * (100 * 0.15 + 10 * 0.60) / 1e6)


def test_simulate_reads_toml_and_forecasts(tmp_path: Path, ws: Path) -> None:
    p = tmp_path / "p.toml"
    p.write_text('name = "batch"\n[[routes]]\nbatch = true\n')
    data = simulate(ws, "--policy", str(p), "--forecast", "--budget", "0.0005")
    # batch halves gpt-4o-mini (published 50 % fallback, stated)
    assert data["scenario"]["cost_usd"] == pytest.approx(data["baseline"]["cost_usd"] / 2, rel=1e-12)
    assert any("50 % batch discount" in a for a in data["assumptions"])
    f = data["forecast"]
    assert f["month"] == "2026-11" and f["method"] == "run-rate"
    # run-rate: (4 × $0.000021) / 2 days × 30 days of November
    assert f["baseline_usd"] == pytest.approx(4 * 0.000021 / 2 * 30, rel=1e-9)
    # $0.000042 a day: the cumulative passes $0.0005 on day 12 (12 × 0.000042 = 0.000504)
    assert f["budget_exceeded_on"]["baseline"] == "2026-11-12"


@pytest.mark.parametrize(("content", "message"), [
    ('{"routes": [{"match": {"colour": "red"}}]}', "routes.0.match: unknown match key 'colour'"),
    ('{"routes": [{"to": [{"model": "gpt-9-ultra"}]}]}', "unknown model 'gpt-9-ultra'"),
    ('{"routes": [], "extra": 1}', "extra"),
    ("{not json", "not valid JSON"),
])
def test_invalid_policy_exits_2_with_one_line(tmp_path: Path, ws: Path, content: str, message: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content)
    res = runner.invoke(app, ["simulate", "--workspace", str(ws), "--policy", str(p)])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and str(p) in lines[0]


def test_missing_policy_file_exits_2(ws: Path) -> None:
    res = runner.invoke(app, ["simulate", "--workspace", str(ws), "--policy", "no-such-file.json"])
    assert res.exit_code == 2 and "cannot read policy" in res.stderr


def test_presets_are_listed_and_load(ws: Path) -> None:
    res = runner.invoke(app, ["simulate", "--list-presets", "--json"])
    names = {p["name"] for p in json.loads(res.stdout)}
    assert names == {"cheapest-tier-per-category", "simple-to-budget", "budget-flagship-70-30", "batch-not-real-time"}
    for name in names:
        data = simulate(ws, "--policy", name)
        assert data["scenario"]["requests"] == 4


def test_presets_follow_the_taxonomy_and_model_tiers() -> None:
    simple = {c for c, t in TIERS.items() if t == "simple"}
    moderate = {c for c, t in TIERS.items() if t == "moderate"}
    for name in ("cheapest-tier-per-category", "simple-to-budget"):
        raw = tomllib.loads(policy.presets()[name].read_text())
        for route in raw["routes"]:
            family = quality.family_models(route["match"]["provider"])
            (target,) = route["to"]
            cats = set(route["match"]["category"])
            assert cats in (simple, moderate)
            assert target["model"] == family["budget" if cats == simple else "mid"]


def test_optimize_writes_a_policy_that_reproduces_its_figure(tmp_path: Path, ws: Path) -> None:
    out = tmp_path / "best.toml"
    res = runner.invoke(app, ["optimize", "--workspace", str(ws), "--quality-floor", "0.9", "--out", str(out),
                              "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["written_to"] == str(out)
    again = simulate(ws, "--policy", str(out))
    assert again["scenario"]["cost_usd"] == pytest.approx(data["simulation"]["scenario"]["cost_usd"], rel=1e-12)
    for choice in data["choices"]:
        assert choice["quality"] >= 0.9 or not choice["meets_floor"]
        if choice["baseline_quality"] >= 0.9:  # today's routing is good enough: never dearer
            assert choice["cost_usd"] <= choice["baseline_usd"] + 1e-15
        else:  # the cheapest model that reaches the floor, even if dearer
            assert choice["model"] != "(keep)" and choice["meets_floor"]


def test_optimize_rejects_a_floor_outside_0_1(ws: Path) -> None:
    res = runner.invoke(app, ["optimize", "--workspace", str(ws), "--quality-floor", "90"])
    assert res.exit_code == 2 and "--quality-floor" in res.stderr
