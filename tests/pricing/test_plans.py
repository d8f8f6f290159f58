"""Flat-fee plans: the API-list value of covered traffic beside the plan's fee, by hand."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from analyzer import aggregate
from analyzer.cli import app
from analyzer.errors import ConfigError
from analyzer.pricing import overrides
from analyzer.pricing.plans import Plan
from analyzer.simulate import cells, policy, scenario
from tests.pricing.rows import frame, row

MAX = Plan("Claude Max", 310.0, provider="anthropic")


def test_fee_spread_over_the_days_of_each_month() -> None:
    # October has 31 days: a week of it costs 310 × 7 / 31
    assert MAX.cost(date(2026, 10, 1), date(2026, 10, 7)) == pytest.approx(70.0)
    # across a month end: 2 of September's 30 days + 2 of October's 31
    assert MAX.cost(date(2026, 9, 29), date(2026, 10, 2)) == pytest.approx(310 * 2 / 30 + 310 * 2 / 31)
    # a whole month is the fee
    assert MAX.cost(date(2026, 11, 1), date(2026, 11, 30)) == pytest.approx(310.0)
    # only the days the plan runs
    dated = Plan("trial", 310.0, provider="anthropic", start=date(2026, 10, 5), end=date(2026, 10, 6))
    assert dated.cost(date(2026, 10, 1), date(2026, 10, 31)) == pytest.approx(310 * 2 / 31)
    assert dated.days(date(2026, 10, 1), date(2026, 10, 31)) == 2
    assert dated.cost(date(2026, 11, 1), date(2026, 11, 30)) == 0.0


def _traffic() -> pl.LazyFrame:
    # two days of October 2026: Claude Haiku 4.5 ($1 / $5 per million) and gpt-4o-mini
    return frame(
        row(provider="anthropic", model="claude-haiku-4-5", timestamp="2026-10-01", input=100_000, output=20_000),
        row(provider="anthropic", model="claude-haiku-4-5", timestamp="2026-10-02", input=300_000, output=40_000),
        row(provider="openai", model="gpt-4o-mini", timestamp="2026-10-02", input=1_000_000, output=100_000),
    )


def test_report_shows_list_value_beside_the_fee() -> None:
    report = aggregate.spend_report(_traffic(), plans=(MAX,))
    haiku = (400_000 * 1 + 60_000 * 5) / 1e6  # $0.70 at API prices
    mini = (1_000_000 * 0.15 + 100_000 * 0.60) / 1e6  # $0.21
    assert report["totals"]["cost_usd"] == pytest.approx(haiku + mini)  # the list cost, as before
    (plan,) = report["plans"]
    assert plan["requests"] == 2
    assert plan["list_value_usd"] == pytest.approx(haiku)
    assert plan["plan_cost_usd"] == pytest.approx(310 * 2 / 31)  # 2 days of October: $20
    assert plan["savings_vs_api_usd"] == pytest.approx(haiku - 20.0)
    # what was paid: the API price of the rest, the plan's fee for what it covers
    assert report["totals"]["cost_with_plans_usd"] == pytest.approx(mini + 20.0)


def test_plan_filters_models_and_dates() -> None:
    plan = Plan("haiku only", 100.0, models=("claude-sonnet-4-5",))
    report = aggregate.spend_report(_traffic(), plans=(plan,))
    assert report["plans"][0]["requests"] == 0  # no Sonnet traffic: the fee is paid all the same
    assert report["totals"]["cost_with_plans_usd"] == pytest.approx(report["totals"]["cost_usd"] + 100 * 2 / 31)
    assert "plans" not in aggregate.spend_report(_traffic())  # no plans, no new keys


def test_plans_in_prices_toml(tmp_path: Path) -> None:
    path = tmp_path / "prices.toml"
    path.write_text('[[plans]]\nname = "Max"\nmonthly_fee = 200\nmodels = ["claude-haiku-4-5-20251001"]\n'
                    'source = "claude_code"\nstart = 2026-09-01\n')
    (plan,) = overrides.load(path).pricing().plans
    assert plan == Plan("Max", 200.0, None, ("claude-haiku-4-5",), "claude_code", date(2026, 9, 1), None)
    path.write_text('[[plans]]\nname = "everything"\nmonthly_fee = 200\n')
    with pytest.raises(ConfigError, match="at least one of provider, models, source"):
        overrides.load(path)
    path.write_text('[[plans]]\nname = "a"\nmonthly_fee = 1\nprovider = "openai"\n'
                    '[[plans]]\nname = "a"\nmonthly_fee = 2\nprovider = "anthropic"\n')
    with pytest.raises(ConfigError, match="plan names must differ"):
        overrides.load(path)


def test_simulator_never_moves_covered_traffic() -> None:
    day = datetime(2026, 10, 5, 12, tzinfo=timezone.utc)
    traffic = pl.DataFrame([
        {"timestamp": day, "provider": "anthropic", "model": "claude-opus-4-7", "category": "other",
         "service_tier": "standard", "status": "ok", "requests": 1000, "input_tokens": 5_000_000,
         "cache_read_tokens": 0, "cache_write_tokens": 0, "cache_write_1h_tokens": 0,
         "output_tokens": 2_000_000, "reasoning_tokens": 0, "metadata": None},
    ], schema_overrides={"metadata": pl.String}).lazy()
    to_haiku = policy.from_dict({"name": "t", "routes": [{"to": [{"model": "claude-haiku-4-5", "share": 1.0}]}]})
    free, _ = cells.build(traffic)
    moved = scenario.run(free, to_haiku)
    # opus 5M × $5 + 2M × $25 = $75; haiku 5M × $1 + 2M × $5 = $15
    assert moved.savings_usd == pytest.approx(75.0 - 15.0)
    covered, _ = cells.build(traffic, plans=(Plan("Max", 200.0, provider="anthropic"),))
    kept = scenario.run(covered, to_haiku)
    assert kept.savings_usd == 0.0
    assert kept.scenario["moved_requests"] == 0
    assert any("covered by a flat-fee plan stay on their model" in a for a in kept.assumptions)


def test_report_command_prints_the_plans(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    log = tmp_path / "usage.csv"
    log.write_text("timestamp,model,input_tokens,output_tokens,request_id\n"
                   "2026-10-01T10:00:00Z,claude-haiku-4-5,100000,20000,r1\n"
                   "2026-10-01T11:00:00Z,gpt-4o-mini,1000000,100000,r2\n")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(log), "--workspace", str(ws)]).exit_code == 0
    (ws / "prices.toml").write_text('[[plans]]\nname = "Max"\nmonthly_fee = 310\nprovider = "anthropic"\n')
    out = runner.invoke(app, ["report", "--workspace", str(ws)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    # 100k × $1/M + 20k × $5/M = $0.20 at API prices; one day of October: 310 / 31 = $10
    assert "Plan 'Max' ($310.00 a month): covers 1 request worth $0.2000 at API prices" in out.output
    assert "the plan costs $10.00 for its 1 day in this period" in out.output
    assert "Cost with plans: $10.21" in out.output
