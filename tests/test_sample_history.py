"""The sample history (sample_logs/history/, written by ``generate.py --history``): five months
of daily usage and cost exports before the sample week, and the demo that ingests both.

The story it must tell (sample_logs/README.md): traffic grows month over month and its last
days run at the week's level; clausecheck's Opus traffic moves from claude-opus-4-1 to
claude-opus-4-7 in July; Anthropic bills 12 % below list from September (prices.toml says
so); and the Costs API bills one embedding job the completions usage does not hold.
"""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from analyzer import priced, reconcile
from analyzer.cli import app
from analyzer.cli import serve as serve_cli
from analyzer.ingest.pipeline import ingest
from analyzer.views import Views
from analyzer.workspace import Workspace
from sample_logs.generator import write_history
from sample_logs.generator.history_story import BACKFILL, DISCOUNT, HISTORY_END, MIGRATION

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT / "sample_logs" / "history"
FORMATS = {"openai_usage", "openai_costs", "anthropic_usage", "anthropic_cost"}
FULL_MONTHS = ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09")


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _workspace(root: Path, exports: Path, *, with_prices: bool = True) -> Workspace:
    root.mkdir(parents=True)
    if with_prices:
        shutil.copyfile(exports.parent / "prices.toml", root / "prices.toml")
    ws = Workspace(root)
    result = ws.add(ingest([exports]))
    assert not result.errors, result.errors
    assert {f.format for f in result.files} == FORMATS
    assert sum(f.rows_rejected for f in result.files) == 0
    return ws


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("history")
    write_history(out)
    return out


@pytest.fixture(scope="module")
def history_ws(history: Path, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return _workspace(tmp_path_factory.mktemp("ws") / "w", history / "exports")


@pytest.fixture(scope="module")
def cells(history_ws: Workspace) -> pl.DataFrame:
    """The history's priced cells with their month and day."""
    frame = priced.rollup(history_ws).frame.collect()
    return frame.with_columns(pl.col("timestamp").dt.strftime("%Y-%m").alias("month"),
                              pl.col("timestamp").dt.date().alias("day"))


def test_the_history_is_deterministic_and_committed(history: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_history(again)
    assert _digests(again) == _digests(history)
    assert _digests(HISTORY) == _digests(history), "sample_logs/history is stale: python sample_logs/generate.py --history"
    other = tmp_path / "other"
    write_history(other, seed=8)
    assert _digests(other) != _digests(history)


def test_the_history_ingests_with_nothing_rejected(history_ws: Workspace, cells: pl.DataFrame) -> None:
    days = cells["day"]
    assert (days.min(), days.max()) == (date(2026, 5, 1), HISTORY_END)
    assert cells["day"].n_unique() == (HISTORY_END - date(2026, 5, 1)).days + 1
    assert history_ws.billed().collect().height > 5_000
    assert cells.filter(pl.col("price_status") == "unpriced").height == 0


def test_traffic_grows_every_month(cells: pl.DataFrame) -> None:
    tokens = (pl.col("input_tokens") + pl.col("output_tokens")).sum()
    monthly = cells.filter(pl.col("month").is_in(FULL_MONTHS)).group_by("month", "provider").agg(
        tokens.alias("tokens"), pl.col("requests").sum()).sort("month")
    for provider in ("openai", "anthropic"):
        series = monthly.filter(pl.col("provider") == provider)["tokens"].to_list()
        assert all(b > a for a, b in zip(series, series[1:])), (provider, series)
        assert 1.4 < series[-1] / series[0] < 2.5, (provider, series)
    openai_requests = monthly.filter(pl.col("provider") == "openai")["requests"].to_list()
    assert all(b > a for a, b in zip(openai_requests, openai_requests[1:]))


def test_weekdays_are_busier_than_weekends(cells: pl.DataFrame) -> None:
    daily = cells.group_by("day").agg(pl.col("cost_usd").sum()).with_columns(
        pl.col("day").dt.weekday().alias("weekday"))
    weekdays = daily.filter(pl.col("weekday") <= 5)["cost_usd"].mean()
    weekends = daily.filter(pl.col("weekday") > 5)["cost_usd"].mean()
    assert weekends < 0.45 * weekdays  # type: ignore[operator]


def test_the_last_days_run_at_the_weeks_level(cells: pl.DataFrame, week_workspace: Workspace) -> None:
    """The seven days before the week against the week itself, per provider: OpenAI requests
    and cost, Anthropic tokens (the week's workspace has no discount, the history's has)."""
    last = cells.filter(pl.col("day") > date(2026, 9, 27))
    week = priced.rollup(week_workspace).frame.collect()
    sums = [(pl.col("input_tokens") + pl.col("output_tokens")).sum().alias("tokens"),
            pl.col("requests").sum(), pl.col("cost_usd").sum()]
    both = last.group_by("provider").agg(*sums).join(week.group_by("provider").agg(*sums), on="provider",
                                                      suffix="_week")
    assert both.height == 2
    for row in both.iter_rows(named=True):
        assert 0.85 < row["tokens"] / row["tokens_week"] < 1.1, row
        if row["provider"] == "openai":
            assert 0.85 < row["requests"] / row["requests_week"] < 1.1, row
            assert 0.85 < row["cost_usd"] / row["cost_usd_week"] < 1.1, row


def test_the_opus_migration_is_visible(cells: pl.DataFrame) -> None:
    opus = cells.filter(pl.col("model").str.starts_with("claude-opus")).group_by("month", "model").agg(
        (pl.col("input_tokens") + pl.col("output_tokens")).sum().alias("tokens"))

    def share_of_old(month: str) -> float:
        m = opus.filter(pl.col("month") == month)
        return m.filter(pl.col("model") == MIGRATION.old)["tokens"].sum() / m["tokens"].sum()

    before, during, after = share_of_old("2026-06"), share_of_old("2026-07"), share_of_old("2026-08")
    assert 0.1 < before  # clausecheck's part of the Opus tokens (Claude Code holds most of the rest)
    assert 0 < during < before
    assert after == 0.0
    days = cells.filter(pl.col("model") == MIGRATION.old)["day"]
    assert days.max() == date(2026, 7, 25)  # the last day with some of it left on the old model


def test_reconcile_over_the_history_has_no_unexplained_gap(history_ws: Workspace) -> None:
    found = reconcile.compare(priced.rows(history_ws), history_ws.billed())
    lines = found["lines"]
    assert {ln["kind"] for ln in lines} == {"billed"}
    gaps = [ln for ln in lines if not ln["explanation"].startswith("matches")]
    assert [(ln["day"], ln["model"]) for ln in gaps] == [(BACKFILL.day.isoformat(), BACKFILL.model)]
    (gap,) = gaps
    assert gap["explanation"].startswith("no requests in the logs")
    assert gap["reported_usd"] == pytest.approx(BACKFILL.tokens * BACKFILL.price / 1e6)
    by_day: dict[str, float] = {}
    for ln in lines:
        if ln is not gap:
            by_day[ln["day"]] = by_day.get(ln["day"], 0.0) + ln["difference_usd"]
    assert len(by_day) == (HISTORY_END - date(2026, 5, 1)).days + 1
    assert max(abs(d) for d in by_day.values()) < 0.01  # within a cent every day
    assert any("discount" in a and "anthropic" in a for a in found["assumptions"])


def test_the_cost_report_bills_the_discount(history: Path, tmp_path: Path) -> None:
    """Without the prices.toml beside the history, Anthropic's bills from the discount's start
    are exactly the discount below the list price spendscope computes."""
    ws = _workspace(tmp_path / "w", history / "exports", with_prices=False)
    found = reconcile.compare(priced.rows(ws), ws.billed())
    anthropic = [ln for ln in found["lines"] if ln["source_format"] == "anthropic_cost"]
    after = [ln for ln in anthropic if ln["day"] >= DISCOUNT.start.isoformat()]
    before = [ln for ln in anthropic if ln["day"] < DISCOUNT.start.isoformat()]
    assert after and before
    assert all(ln["explanation"].startswith("matches") for ln in before)
    ratio = 1 / (1 - DISCOUNT.percent / 100)
    assert all(ln["computed_usd"] / ln["reported_usd"] == pytest.approx(ratio, rel=1e-3) for ln in after)


def test_the_demo_ingests_the_history_and_the_week(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_cli, "serve", lambda *a: pytest.fail("the demo served with --no-serve"))
    root = tmp_path / "demo"
    res = CliRunner().invoke(app, ["demo", "--workspace", str(root), "--no-serve"])
    assert res.exit_code == 0, res.output
    assert (root / "prices.toml").read_text() == (HISTORY / "prices.toml").read_text()
    for fmt in (*FORMATS, "openai_chat", "anthropic_messages", "claude_code"):
        assert fmt in res.output
    assert "Spend by month" in res.output
    monthly = Views(Workspace(root)).monthly()
    actual = monthly.filter(pl.col("kind") == "actual").group_by("month").agg(pl.col("cost_usd").sum()).sort("month")
    assert actual["month"].to_list() == [*FULL_MONTHS, "2026-10"]
    assert actual["cost_usd"][0] < actual["cost_usd"][4]  # September above May, discount and all
    assert monthly.filter(pl.col("kind") == "projected")["month"].unique().to_list() == ["2026-10"]
