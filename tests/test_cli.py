"""The command line as CONTRACT.md fixes it: JSON keys, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from analyzer.cli import app

from .test_workspace import chat_line, write

runner = CliRunner()

TOKEN_KEYS = {"requests", "input_tokens", "cache_read_tokens", "cache_write_tokens",
              "output_tokens", "reasoning_tokens", "unpriced_requests"}
REPORT_TOTAL_KEYS = TOKEN_KEYS | {"cost_usd", "monthly_projection_usd"}
REPORT_GROUP_KEYS = {"key", "requests", "input_tokens", "cache_read_tokens", "cache_write_tokens",
                     "output_tokens", "cost_usd", "unpriced_requests"}


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return tmp_path / "ws"


def test_ingest_json_matches_contract(tmp_path: Path, ws: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(1), "{oops", chat_line(2), chat_line(1)])
    res = runner.invoke(app, ["ingest", str(f), "--workspace", str(ws), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    (file,) = data["files"]
    assert {"path", "format", "rows_ingested", "rows_rejected", "duplicates", "skipped"} <= set(file)
    assert (file["format"], file["rows_ingested"], file["rows_rejected"], file["duplicates"]) == (
        "openai_chat", 2, 1, 1)
    assert (data["rows_ingested"], data["rows_rejected"], data["duplicates"], data["skipped"]) == (2, 1, 1, 0)
    assert data["rejections"] == [{"path": str(f), "line": 2, "reason": "invalid JSON (unexpected character, expected a string key)"}]


def test_report_json_matches_contract(tmp_path: Path, ws: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(1, day=5), chat_line(2, day=7, prompt=50, completion=5)])
    runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)])
    res = runner.invoke(app, ["report", "--workspace", str(ws), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["period"] == {"start": "2026-10-05", "end": "2026-10-07", "days": 3}
    assert REPORT_TOTAL_KEYS <= set(data["totals"])
    assert data["totals"]["requests"] == 2
    assert data["totals"]["input_tokens"] == 100 + 50
    assert data["totals"]["output_tokens"] == 10 + 5
    (group,) = data["groups"]
    assert REPORT_GROUP_KEYS <= set(group) and group["key"] == "gpt-4o-mini"
    assert all(isinstance(data["totals"][k], int) for k in TOKEN_KEYS)
    assert data["currency"] == "USD"
    # gpt-4o-mini at $0.15 / $0.60 per million: (150 in × 0.15 + 15 out × 0.60) / 1e6
    cost = (150 * 0.15 + 15 * 0.60) / 1e6
    assert data["totals"]["cost_usd"] == pytest.approx(cost, rel=1e-12)
    assert group["cost_usd"] == pytest.approx(cost, rel=1e-12)
    assert data["totals"]["monthly_projection_usd"] == pytest.approx(cost / 3 * 30, rel=1e-12)
    assert data["totals"]["unpriced_requests"] == 0


def test_report_by_day_since_until_and_csv(tmp_path: Path, ws: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(1, day=5), chat_line(2, day=6), chat_line(3, day=7)])
    runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)])
    res = runner.invoke(app, ["report", "--workspace", str(ws), "--by", "day", "--since", "2026-10-06",
                              "--until", "2026-10-07", "--json"])
    data = json.loads(res.stdout)
    assert [g["key"] for g in data["groups"]] == ["2026-10-06", "2026-10-07"]
    out = tmp_path / "r.csv"
    res = runner.invoke(app, ["report", "--workspace", str(ws), "--by", "month", "--csv", str(out)])
    assert res.exit_code == 0
    header, row = out.read_text().splitlines()
    assert header.startswith("key,cost_usd,requests,input_tokens,")
    # 3 × gpt-4o-mini (100 in, 10 out): 3 × (100 × 0.15 + 10 × 0.60) / 1e6
    key, cost, requests = row.split(",")[:3]
    assert (key, requests) == ("2026-10", "3")
    assert float(cost) == pytest.approx(3 * (100 * 0.15 + 10 * 0.60) / 1e6, rel=1e-12)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--by", "colour"], "unknown --by value 'colour'"),
        (["report", "--since", "yesterday"], "--since expects a date as YYYY-MM-DD"),
        (["ingest", "nope.jsonl"], "nope.jsonl: no such file or folder"),
        (["ingest", "x.csv", "--map", "broken"], "--map expects OLD=NEW"),
    ],
)
def test_user_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "x.csv").write_text("a,b\n1,2\n")
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", *args, "--workspace", str(tmp_path / "ws")],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_format_exit_2_but_good_files_land(tmp_path: Path, ws: Path) -> None:
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "notes.txt").write_text("hello\n")
    write(tmp_path / "logs" / "a.jsonl", [chat_line(1)])
    proc = subprocess.run(
        [sys.executable, "-m", "analyzer.cli", "ingest", str(tmp_path / "logs"), "--workspace", str(ws)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 2
    assert "notes.txt: unknown log format (tried: openai_chat" in proc.stderr
    res = runner.invoke(app, ["report", "--workspace", str(ws), "--json"])
    assert json.loads(res.stdout)["totals"]["requests"] == 1


def test_unpriced_model_is_counted_not_free(tmp_path: Path, ws: Path) -> None:
    line = chat_line(1).replace('"gpt-4o-mini"', '"acme-secret-llm"')
    f = write(tmp_path / "a.jsonl", [chat_line(2), line])
    runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)])
    data = json.loads(runner.invoke(app, ["report", "--workspace", str(ws), "--json"]).stdout)
    assert data["totals"]["unpriced_requests"] == 1
    assert data["unpriced_models"] == [{"provider": "unknown", "model": "acme-secret-llm", "requests": 1}]
    assert data["totals"]["cost_usd"] == pytest.approx((100 * 0.15 + 10 * 0.60) / 1e6, rel=1e-12)
    text = runner.invoke(app, ["report", "--workspace", str(ws)]).stdout
    assert "1 requests have no known price" in text and "acme-secret-llm" in text


def test_price_overrides_and_discount(tmp_path: Path, ws: Path) -> None:
    line = chat_line(1).replace('"gpt-4o-mini"', '"acme-secret-llm"')
    f = write(tmp_path / "a.jsonl", [chat_line(2), line])
    runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)])
    (ws / "prices.toml").write_text(
        '[[prices]]\nmodel = "acme-secret-llm"\ninput = 2.0\noutput = 4.0\n'
        '[[discounts]]\npercent = 10\nprovider = "openai"\n'
    )
    data = json.loads(runner.invoke(app, ["report", "--workspace", str(ws), "--json"]).stdout)
    assert data["totals"]["unpriced_requests"] == 0
    own = (100 * 2.0 + 10 * 4.0) / 1e6                    # acme at the user's own prices
    discounted = (100 * 0.15 + 10 * 0.60) / 1e6 * 0.9     # gpt-4o-mini less 10 %
    assert data["totals"]["cost_usd"] == pytest.approx(own + discounted, rel=1e-12)
    assert any("negotiated discount of 10 %" in a for a in data["assumptions"])


def test_bad_price_settings_name_the_key(tmp_path: Path, ws: Path) -> None:
    runner.invoke(app, ["ingest", str(write(tmp_path / "a.jsonl", [chat_line(1)])), "--workspace", str(ws)])
    (ws / "prices.toml").write_text('[[prices]]\nmodel = "x"\ninput = 1\noutput = 1\ncolour = "red"\n')
    proc = subprocess.run([sys.executable, "-m", "analyzer.cli", "report", "--workspace", str(ws)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "prices.toml: prices.0.colour: Extra inputs are not permitted" in proc.stderr


def test_prices_command(ws: Path) -> None:
    res = runner.invoke(app, ["prices", "gpt-4o-mini-2024-07-18", "--date", "2026-11-01", "--json",
                              "--workspace", str(ws)])
    data = json.loads(res.stdout)
    assert (data["model"], data["provider"]) == ("gpt-4o-mini", "openai")
    assert data["tiers"]["standard"]["rates"]["input"]["base"] == 0.15
    assert data["tiers"]["standard"]["rates"]["output"]["base"] == 0.6
    assert data["tiers"]["batch"]["rates"]["input"]["base"] == 0.075
    assert data["date_is"] == "--date"


def test_prices_default_to_the_workspaces_last_day(tmp_path: Path, ws: Path) -> None:
    from datetime import date

    def prices() -> dict:
        res = runner.invoke(app, ["prices", "gpt-4o-mini", "--json", "--workspace", str(ws)])
        assert res.exit_code == 0, res.output
        return json.loads(res.stdout)

    assert (prices()["date"], prices()["date_is"]) == (date.today().isoformat(), "today")  # nothing stored yet
    f = write(tmp_path / "a.jsonl", [chat_line(1), chat_line(2)])
    assert runner.invoke(app, ["ingest", str(f), "--workspace", str(ws)]).exit_code == 0
    last = json.loads(runner.invoke(app, ["report", "--by", "day", "--json", "--workspace", str(ws)]).stdout)
    assert (prices()["date"], prices()["date_is"]) == (last["period"]["end"], "the workspace's last day")


def test_empty_workspace_report(ws: Path) -> None:
    res = runner.invoke(app, ["report", "--workspace", str(ws)])
    assert res.exit_code == 0 and "no requests yet" in res.stdout


def test_help_shows_flags_as_flags_and_the_workspace_default() -> None:
    done = CliRunner().invoke(app, ["report", "--help"])
    assert done.exit_code == 0
    text = " ".join(done.output.split())  # as wrapped at any width
    assert "<bool>" not in text  # a flag takes no value
    assert "Workspace folder [default: $SPENDSCOPE_WORKSPACE, else a per-user data folder]." in text
    assert "CONTRACT.md" not in done.output  # not in the repository
    assert all(f"  {name}" in CliRunner().invoke(app, ["--help"]).output
               for name in ("quality", "alerts", "sample", "simulate", "optimize", "serve"))


@pytest.mark.parametrize("what", ["missing", "unknown format"])
def test_an_ingest_that_reads_nothing_says_why_and_makes_no_workspace(tmp_path: Path, what: str) -> None:
    path = tmp_path / "none.jsonl"
    if what == "unknown format":
        path.write_text('{"hello": "world"}\n')
    ws = tmp_path / "new-ws"
    done = CliRunner().invoke(app, ["ingest", str(path), "--workspace", str(ws)])
    assert done.exit_code == 2
    assert str(path) in done.stderr
    assert "Ingested into" not in done.stdout
    assert not ws.exists()
