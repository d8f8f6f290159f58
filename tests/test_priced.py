"""Every reader of a workspace prices it the same way (``analyzer/priced.py``): report, the
dashboard's tables, the simulator's baseline, the spend alerts and reconciliation agree with
each other and with the hand-computed figure under a prices.toml discount."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer import aggregate, priced
from analyzer.cli.ingest import run_ingest
from analyzer.quality import alerts
from analyzer.simulate.policy import identity
from analyzer.simulate.session import Simulator
from analyzer.views import Filters, Views
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write

REQUESTS = 400
# gpt-4o-mini: $0.15 input and $0.60 output per million tokens (genai-prices 0.2.3); each request
# has 100 input and 10 output tokens: (100 × 0.15 + 10 × 0.60) / 1e6 = $0.000021; the workspace's
# prices.toml takes 40 % off: $0.0000126 per request, $0.00504 for 400.
EXPECTED = REQUESTS * (100 * 0.15 + 10 * 0.60) / 1e6 * 0.6


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    root = tmp_path_factory.mktemp("priced")
    logs = write(root / "chat.jsonl", [chat_line(i, day=5 + i % 3) for i in range(REQUESTS)])
    ws = Workspace(root / "ws")
    result = run_ingest(ws, [logs], keep_text=False, column_map={}, quiet=True)
    assert not result.errors
    (ws.root / "prices.toml").write_text("[[discounts]]\npercent = 40\nprovider = \"openai\"\n")
    return ws


def test_the_hand_computed_figure() -> None:
    assert EXPECTED == pytest.approx(0.00504, abs=1e-12)


def test_every_reader_sums_the_same_priced_rollup(ws: Workspace) -> None:
    report = aggregate.spend_report(priced.rollup(ws), by="model", plans=ws.pricing().plans)
    assert report["totals"]["cost_usd"] == pytest.approx(EXPECTED, abs=1e-9)
    views = Views(ws)
    assert views.kpis(Filters())["total_cost_usd"] == pytest.approx(EXPECTED, abs=1e-9)
    baseline = Simulator.for_workspace(ws).run(identity()).baseline["cost_usd"]
    assert baseline == pytest.approx(EXPECTED, abs=1e-9)
    daily = alerts._daily_costs(ws)
    assert daily["cost_usd"].sum() == pytest.approx(EXPECTED, abs=1e-9)
    rows = priced.rows(ws).frame.select("cost_usd").collect()["cost_usd"].sum()
    assert rows == pytest.approx(EXPECTED, abs=1e-9)


def test_a_period_is_cut_before_pricing(ws: Workspace) -> None:
    from datetime import date

    one_day = priced.rollup(ws, since=date(2026, 10, 6), until=date(2026, 10, 6))
    frame = one_day.frame.collect()
    assert frame["timestamp"].dt.date().unique().to_list() == [date(2026, 10, 6)]
    per_request = EXPECTED / REQUESTS
    assert frame["cost_usd"].sum() == pytest.approx(frame["requests"].sum() * per_request, abs=1e-9)


def test_report_cli_reads_the_priced_rollup(ws: Workspace) -> None:
    from typer.testing import CliRunner

    from analyzer.cli import app

    done = CliRunner().invoke(app, ["report", "--workspace", str(ws.root), "--json"])
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["totals"]["cost_usd"] == pytest.approx(EXPECTED, abs=1e-9)
    done = CliRunner().invoke(app, ["report", "--workspace", str(ws.root), "--reconcile", "--json"])
    assert done.exit_code == 0, done.output


def test_no_module_prices_a_workspace_on_its_own() -> None:
    """Workspace frames are priced in analyzer/priced.py only: any other module that calls
    ``cost.price`` prices a frame it was given or built (a scenario's moves, a sample batch)."""
    root = Path(__file__).resolve().parents[1] / "analyzer"
    allowed = {"priced.py", "aggregate.py", "reconcile.py", "simulate/cells.py", "simulate/scenario.py",
               "quality/sample.py"}
    for path in root.rglob("*.py"):
        rel = path.relative_to(root).as_posix()
        text = path.read_text()
        if "cost.price(" in text:
            assert rel in allowed, f"{rel} prices on its own: use analyzer.priced"
        if rel in allowed - {"priced.py", "quality/sample.py"}:  # sample: picks stored rows, prices its batch
            for reader in ("ws.categorized(", "ws.traffic(", "ws.requests("):
                assert reader not in text, f"{rel} reads the workspace ({reader}) and prices it"


def test_the_average_cost_per_request_leaves_out_rows_that_count_no_requests(tmp_path: Path) -> None:
    """Anthropic's usage report adds cost but no request count: the dashboard's average
    cost per request is the cost of the counted requests over them ($0.000021 each here)."""
    fixtures = Path(__file__).resolve().parent / "fixtures" / "logs" / "anthropic_usage"
    chat = write(tmp_path / "chat.jsonl", [chat_line(i) for i in range(10)])
    ws = Workspace(tmp_path / "ws")
    result = run_ingest(ws, [chat, fixtures], keep_text=False, column_map={}, quiet=True)
    assert not result.errors
    k = Views(ws).kpis(Filters())
    assert k["requests"] == 10 and k["total_cost_usd"] > 10 * 0.000021 * 2  # the usage rows cost more
    assert k["avg_cost_per_request_usd"] == pytest.approx((100 * 0.15 + 10 * 0.60) / 1e6, rel=1e-9)
