"""The simulator reprices the days of per-request logs when usage exports reach further back,
and next month's forecast still reads every day (``simulate/window.py``)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import polars as pl
import pytest

from analyzer.cli.ingest import run_ingest
from analyzer.simulate import window
from analyzer.simulate.policy import identity, load
from analyzer.simulate.session import Simulator
from analyzer.workspace import Workspace

from ..test_workspace import chat_line, write

USAGE_DAYS = 28  # 2026-09-07 .. 2026-10-04, then the chat week 2026-10-05 .. 2026-10-11
FIRST_CHAT = date(2026, 10, 5)


def _usage_page(day: date, requests: int) -> str:
    start = int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())
    result = {"object": "organization.usage.completions.result", "input_tokens": 100 * requests,
              "input_cached_tokens": 0, "output_tokens": 10 * requests, "num_model_requests": requests,
              "model": "gpt-4o-mini", "project_id": "proj_app", "user_id": None, "api_key_id": None,
              "batch": False, "service_tier": None}
    bucket = {"object": "bucket", "start_time": start, "end_time": start + 86400, "results": [result]}
    return json.dumps({"object": "page", "has_more": False, "next_page": None, "data": [bucket]})


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("window")
    first_usage = FIRST_CHAT - timedelta(days=USAGE_DAYS)
    # usage growing by 10 requests a day; the chat week: 200 requests a day of 100 in + 10 out
    usage = write(root / "usage.jsonl", [_usage_page(first_usage + timedelta(days=d), 100 + 10 * d)
                                         for d in range(USAGE_DAYS)])
    chat = write(root / "chat.jsonl", [chat_line(i, day=5 + i % 7) for i in range(1400)])
    ws = Workspace(root / "ws")
    result = run_ingest(ws, [usage, chat], keep_text=False, column_map={}, quiet=True)
    assert not result.errors and sum(f.rows_rejected for f in result.files) == 0
    return ws


def test_the_first_day_of_per_request_logs(mixed: Workspace) -> None:
    assert window.detailed_since(mixed.traffic()) == FIRST_CHAT
    since, why = window.choose(mixed.traffic(), None, None)
    assert since == FIRST_CHAT and "2026-10-05" in (why or "")
    assert window.choose(mixed.traffic(), date(2026, 9, 20), None) == (date(2026, 9, 20), None)


def test_a_workspace_of_one_kind_is_repriced_whole(tmp_path: Path) -> None:
    only_chat = pl.LazyFrame({"timestamp": [datetime(2026, 10, 5, tzinfo=timezone.utc)],
                              "source_format": ["openai_chat"]})
    assert window.detailed_since(only_chat) is None
    later_usage = pl.LazyFrame({  # usage exports that start after the logs narrow nothing
        "timestamp": [datetime(2026, 10, 5, tzinfo=timezone.utc), datetime(2026, 10, 8, tzinfo=timezone.utc)],
        "source_format": ["openai_chat", "openai_usage"]})
    assert window.detailed_since(later_usage) is None


def test_the_simulator_reprices_the_logged_week_and_says_so(mixed: Workspace) -> None:
    sim = Simulator.for_workspace(mixed)
    result = sim.run(identity())
    assert (result.start, result.end, result.days) == (FIRST_CHAT, date(2026, 10, 11), 7)
    assert result.baseline["requests"] == 1400
    assert any("first day of per-request logs" in a for a in result.assumptions)
    wide = Simulator.for_workspace(mixed, since=FIRST_CHAT - timedelta(days=USAGE_DAYS)).run(identity())
    assert wide.days == 7 + USAGE_DAYS
    assert wide.baseline["requests"] == 1400 + sum(100 + 10 * d for d in range(USAGE_DAYS))
    assert not any("first day of per-request logs" in a for a in wide.assumptions)


def test_the_forecast_reads_every_day_and_scales_the_scenario(mixed: Workspace) -> None:
    sim = Simulator.for_workspace(mixed)
    now = sim.forecast(sim.run(identity()))
    assert now.observed_days == USAGE_DAYS + 7  # the usage months, not the week alone
    assert now.method == "trend+weekday"
    assert now.totals["scenario_usd"] == pytest.approx(now.totals["baseline_usd"])  # identity: ratio 1
    moved = sim.run(load("budget-flagship-70-30"))  # 30 % to the flagship: dearer
    f = sim.forecast(moved)
    ratio = moved.scenario["cost_usd"] / moved.baseline["cost_usd"]
    assert ratio > 1.5
    assert f.totals["baseline_usd"] == pytest.approx(now.totals["baseline_usd"])
    assert f.totals["scenario_usd"] == pytest.approx(f.totals["baseline_usd"] * ratio)
    assert any(n.startswith("baseline_usd: every day's traffic from 2026-09-07 to 2026-10-11 at the prices of "
                            "2026-10-11") for n in f.notes)
    assert any(n.startswith(f"scenario_usd: that series × {ratio:.3f}") for n in f.notes)


def test_the_forecast_reads_history_at_the_latest_prices(mixed: Workspace, tmp_path: Path) -> None:
    """A 50 % discount from 2026-09-21 halves every day's cost in the series the forecast reads,
    before it too: 2026-09-07 had 100 requests × $0.000021 (gpt-4o-mini, 100 in at $0.15 and 10
    out at $0.60 per million) = $0.0021 billed, $0.00105 at today's prices."""
    import shutil

    copy = Workspace(shutil.copytree(mixed.root, tmp_path / "ws"))
    (copy.root / "prices.toml").write_text('[[discounts]]\npercent = 50\nstart = 2026-09-21\n')
    sim = Simulator.for_workspace(copy)
    history = sim.window.history
    assert history is not None
    first = history.filter(pl.col("day") == date(2026, 9, 7))["baseline_usd"].item()
    assert first == pytest.approx(100 * (100 * 0.15 + 10 * 0.60) / 1e6 * 0.5, rel=1e-9)
    billed = sim.run(identity())  # the simulator itself prices each day as billed
    assert billed.baseline["cost_usd"] == pytest.approx(1400 * (100 * 0.15 + 10 * 0.60) / 1e6 * 0.5, rel=1e-9)


def test_the_simulator_page_routes_the_categories_of_the_days_it_reprices(mixed: Workspace) -> None:
    from analyzer.views import Views

    cats = Views(mixed).simulated_categories()
    assert cats["requests"].sum() == 1400  # the week's requests, not the usage exports' too
    baseline = Simulator.for_workspace(mixed).run(identity()).baseline["cost_usd"]
    assert cats["cost_usd"].sum() == pytest.approx(baseline, abs=1e-9)


def test_the_simulator_page_says_which_days_it_reprices(mixed: Workspace) -> None:
    from dashboard.pages.simulator import render

    shown = render(Simulator.for_workspace(mixed).run(identity()))["sim-quality"]
    assert shown.startswith("Repriced: 2026-10-05 to 2026-10-11 (7 days): the days of per-request logs")
    wide = render(Simulator.for_workspace(mixed, since=date(2026, 9, 7)).run(identity()))["sim-quality"]
    assert wide.startswith("Repriced: 2026-09-07 to 2026-10-11 (35 days). Expected quality")


def test_the_categories_page_says_what_usage_exports_add_to_other(mixed: Workspace) -> None:
    from analyzer.views import Views
    from dashboard.pages.categories import layout

    views = Views(mixed)
    requests, cost = views.usage_exports()
    assert requests == sum(100 + 10 * d for d in range(USAGE_DAYS)) == 28 * 100 + 10 * 378  # 6,580
    assert cost == pytest.approx(requests * (100 * 0.15 + 10 * 0.60) / 1e6, rel=1e-9)
    assert "other includes $0.14 (6,580 requests) from usage exports" in str(layout(views))  # 6,580 × $0.000021
