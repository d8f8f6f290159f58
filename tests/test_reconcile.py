"""Reconciliation: reported cost against computed cost, with the gap explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.reconcile import explain, reconcile
from analyzer.workspace import Workspace

# gpt-4o-mini at $0.15 / $0.60 per million tokens
ONE = (1000 * 0.15 + 500 * 0.60) / 1e6  # 1,000 in + 500 out = $0.00045


def _workspace(tmp_path: Path) -> Workspace:
    (tmp_path / "usage.csv").write_text(
        "timestamp,model,input_tokens,output_tokens,cost_usd,request_id\n"
        f"2026-10-05T10:00:00Z,gpt-4o-mini,1000,500,{ONE},r1\n"   # logged = computed
        f"2026-10-05T11:00:00Z,gpt-4o-mini,1000,500,{ONE},r2\n"
        "2026-10-06T10:00:00Z,gpt-4o-mini,1000,500,0.0009,r3\n"   # logged twice the price
    )
    (tmp_path / "costs.json").write_text(json.dumps({"object": "page", "data": [{
        "object": "bucket", "start_time": 1791158400, "end_time": 1791244800,  # 2026-10-05
        "results": [{"object": "organization.costs.result",
                     "amount": {"value": "0.01", "currency": "usd"},
                     "line_item": "gpt-4o-mini, input"}]}]}))
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([tmp_path / "usage.csv", tmp_path / "costs.json"]))
    return ws


def test_logged_costs_by_model_and_day(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    found = reconcile(ws.requests(), ws.billed())
    logged = [ln for ln in found["lines"] if ln["kind"] == "logged"]
    assert [(ln["day"], ln["requests"]) for ln in logged] == [("2026-10-05", 2), ("2026-10-06", 1)]
    day5, day6 = logged
    assert day5["reported_usd"] == pytest.approx(2 * ONE) and day5["computed_usd"] == pytest.approx(2 * ONE)
    assert day5["explanation"] == "matches (within 0.5 %)"
    assert day6["difference_usd"] == pytest.approx(ONE - 0.0009)
    assert day6["difference_pct"] == pytest.approx(100 * (ONE - 0.0009) / 0.0009)
    assert day6["explanation"].startswith("reported is higher: the source's own price table")


def test_billed_amounts_against_all_requests_of_the_model(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    (bill,) = [ln for ln in reconcile(ws.requests(), ws.billed())["lines"] if ln["kind"] == "billed"]
    assert (bill["provider"], bill["model"], bill["day"]) == ("openai", "gpt-4o-mini", "2026-10-05")
    assert bill["reported_usd"] == pytest.approx(0.01)
    assert bill["computed_usd"] == pytest.approx(2 * ONE)  # the two requests of that day
    assert "the bill may include traffic missing from the ingested logs" in bill["explanation"]


def test_explanations_follow_the_direction_of_the_gap() -> None:
    facts = {"kind": "logged", "requests": 10, "unpriced_requests": 2, "batch_requests": 3,
             "long_context_requests": 1, "input_tokens": 100, "cache_read_tokens": 50}
    higher = explain(facts, reported=2.0, computed=1.0)
    assert "2 requests of models without a known price" in higher
    assert "3 batch requests" in higher and "50 % of input is cache reads" in higher
    assert "long-context" not in higher
    lower = explain(facts, reported=1.0, computed=2.0)
    assert lower == "reported is lower: 1 long-context requests are priced at tier rates here"


# An older Claude Code line: 10,000 cache-write tokens without their 5m/1h split, and the
# costUSD Claude Code logged, which priced them as 1-hour writes. Claude Sonnet 4 on
# 2025-07-01: input $3, 5-minute write $3.75, 1-hour write $6, output $15 per million.
_OLD_CC_COST = (10 * 3 + 10_000 * 6 + 100 * 15) / 1e6  # = 0.06153
_AS_5M = (10 * 3 + 10_000 * 3.75 + 100 * 15) / 1e6  # = 0.03903


def _old_claude_code(tmp_path: Path) -> Workspace:
    line = {"type": "assistant", "sessionId": "s-old", "timestamp": "2025-07-01T09:00:00.000Z",
            "requestId": "req_old1", "uuid": "u-old1", "version": "1.0.2", "cwd": "/home/dev/api",
            "costUSD": _OLD_CC_COST,
            "message": {"id": "msg_old1", "model": "claude-sonnet-4-20250514", "role": "assistant",
                        "content": [{"type": "text", "text": "Done."}],
                        "usage": {"input_tokens": 10, "cache_creation_input_tokens": 10_000,
                                  "cache_read_input_tokens": 0, "output_tokens": 100}}}
    (tmp_path / "session.jsonl").write_text(json.dumps(line) + "\n")
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([tmp_path / "session.jsonl"]))
    return ws


def test_cache_writes_without_ttl_explained_and_assumable(tmp_path: Path) -> None:
    ws = _old_claude_code(tmp_path)
    (line,) = reconcile(ws.requests(), ws.billed())["lines"]
    assert line["computed_usd"] == pytest.approx(_AS_5M)
    assert line["ttl_unknown_write_tokens"] == 10_000
    # the gap is the unknown TTL, not cache reads (there are none)
    assert "10,000 cache-write tokens were logged without their TTL" in line["explanation"]
    assert "try --cache-ttl 1h" in line["explanation"]
    found = reconcile(ws.requests(), ws.billed(), cache_ttl="1h")
    (line,) = found["lines"]
    assert line["computed_usd"] == pytest.approx(_OLD_CC_COST)
    assert line["explanation"] == "matches (within 0.5 %)"
    assert any("priced as 1-hour writes" in a for a in found["assumptions"])


def test_cache_ttl_must_be_known(tmp_path: Path) -> None:
    from analyzer.errors import ConfigError

    ws = _old_claude_code(tmp_path)
    with pytest.raises(ConfigError, match="--cache-ttl"):
        reconcile(ws.requests(), ws.billed(), cache_ttl="2h")


def test_a_source_at_list_prices_against_a_workspace_discount(tmp_path: Path) -> None:
    """r1 and r2 logged $0.00045 each, the list price; the workspace's prices.toml takes 20 %
    off OpenAI: computed 2 × $0.00045 × 0.8 = $0.00072, and the reason is the discount."""
    from typer.testing import CliRunner

    from analyzer.cli import app

    ws = _workspace(tmp_path)
    (ws.root / "prices.toml").write_text('[[discounts]]\npercent = 20\nprovider = "openai"\n')
    done = CliRunner().invoke(app, ["report", "--reconcile", "--workspace", str(ws.root), "--json"])
    assert done.exit_code == 0, done.output
    day5 = [ln for ln in json.loads(done.stdout)["lines"] if ln["kind"] == "logged"][0]
    assert day5["reported_usd"] == pytest.approx(2 * ONE)
    assert day5["computed_usd"] == pytest.approx(2 * ONE * 0.8)
    assert day5["explanation"] == (f"reported is higher: the source priced at list prices (${2 * ONE:,.4f} at the "
                                   "catalog's); the workspace's prices.toml (own prices, discounts) applies here")


def test_usage_rows_without_a_request_count_are_traffic_not_missing_logs() -> None:
    # Anthropic's usage report counts no requests, but its tokens are the traffic the bill covers
    facts = {"kind": "billed", "requests": 0, "tokens": 1_000_000, "input_tokens": 900_000,
             "cache_read_tokens": 0}
    assert "not ingested" not in explain(facts, reported=2.0, computed=1.0)
    assert "not ingested" in explain({**facts, "tokens": 0}, reported=2.0, computed=1.0)
