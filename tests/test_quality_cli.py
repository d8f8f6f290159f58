"""``spendscope quality`` and ``spendscope alerts`` on workspaces built for them: the figures
worked out by hand, each alert made to fire (exit code 3) and made not to."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from typer.testing import CliRunner

from analyzer.cli import app

from .helpers import completion_line

DAY0 = datetime(2026, 10, 1, 12, tzinfo=timezone.utc)


def _chat(n: int, day: int, *, model: str = "gpt-4o-mini", text: str | None = None, minute: int = 0,
          **extra: object) -> str:
    return completion_line(f"c{day}-{n}-{model}-{minute}", DAY0 + timedelta(days=day, minutes=minute),
                           text or f"Extract the order number from message {day}-{n}-{minute}", model=model, **extra)


def _run(*args: str) -> tuple[int, dict]:
    done = CliRunner().invoke(app, [*args, "--json"])
    assert done.exit_code in (0, 3), done.output
    return done.exit_code, json.loads(done.stdout)


def _ingest(tmp_path: Path, lines: list[str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    logs, ws = tmp_path / "logs.jsonl", tmp_path / "ws"
    logs.write_text("\n".join(lines) + "\n")
    done = CliRunner().invoke(app, ["ingest", str(logs), "--workspace", str(ws), "--json"])
    assert done.exit_code == 0, done.output
    return ws


def test_quality_by_model_from_the_logs_and_a_feedback_file(tmp_path: Path) -> None:
    ws = _ingest(tmp_path, [
        _chat(1, 0), _chat(2, 0, text="Where is parcel 9?"),
        _chat(3, 0, text="Where is parcel 9?", minute=2),  # the same input 2 minutes later: a retry
        _chat(4, 0, finish="length"),  # cut at the output limit
        _chat(5, 0, metadata={"thumbs": "down"}),
    ])
    (ws / "feedback.csv").write_text("request_id,flag\nc0-1-gpt-4o-mini-0,bad\nnot-a-request,bad\n")
    code, found = _run("quality", "--workspace", str(ws), "--by", "model")
    assert code == 0
    [row] = found["rows"]
    assert (row["model"], row["requests"], row["observed"]) == ("gpt-4o-mini", 5, 5)
    assert row["truncation_rate"] == 1 / 5
    assert row["retry_rate"] == 1 / 5
    assert row["flag_rate"] == 2 / 2  # the thumbs down in the log and the file's flag
    assert row["quality"] == 1 - 3 / 5  # truncated, flagged in the log, flagged in the file
    assert found["notes"] == ["feedback.csv: 1 of 2 verdicts name no request in the workspace"]


def _steady(days: range, per_day: int = 40, **kw: object) -> list[str]:
    return [_chat(n, d, **kw) for d in days for n in range(per_day)]


def test_no_alert_on_steady_traffic(tmp_path: Path) -> None:
    ws = _ingest(tmp_path, _steady(range(16)))
    code, found = _run("alerts", "--workspace", str(ws))
    assert (code, found["fired"]) == (0, 0)
    assert found["window"] == {"since": "2026-10-15", "until": "2026-10-16",
                               "baseline_since": "2026-10-01", "baseline_until": "2026-10-14"}


def test_a_significant_quality_drop_fires_with_its_counts(tmp_path: Path) -> None:
    # 14 days of 40 good requests, then two days where 12 of 40 are cut short each day
    lines = _steady(range(14)) + _steady(range(14, 16), 28) + [
        _chat(n, d, finish="length", minute=1) for d in (14, 15) for n in range(12)]
    ws = _ingest(tmp_path, lines)
    code, found = _run("alerts", "--workspace", str(ws))
    assert code == 3
    [drop] = [a for a in found["alerts"] if a["kind"] == "quality_drop"]
    counts = drop["counts"]
    assert (counts["baseline_good"], counts["baseline_observed"]) == (14 * 40, 14 * 40)
    assert (counts["good"], counts["observed"]) == (56, 80)
    assert counts["p_value"] < 0.01 and counts["categories_tested"] == 1


def test_many_steady_categories_raise_the_bar_for_one(tmp_path: Path) -> None:
    task = {"metadata": {"task": "entity_extraction"}}
    # extraction: 10 of 420 cut in the baseline (2.4 %), 5 of 60 in the window (8.3 %): p = 0.0066
    cut = {(d, 0) for d in range(10)} | {(14, 0), (14, 1), (14, 2), (15, 0), (15, 1)}
    drop = [_chat(n, d, finish="length" if (d, n) in cut else "stop", **task) for d in range(16) for n in range(30)]
    others = [_chat(n, d, text=f"Question {k}: {d}-{n}", minute=10 + k, metadata={"task": cat})
              for k, cat in enumerate(["translation", "summarization", "chat", "classification"])
              for d in range(16) for n in range(30)]
    alone = _run("alerts", "--workspace", str(_ingest(tmp_path / "alone", drop)))[1]
    among = _run("alerts", "--workspace", str(_ingest(tmp_path / "among", drop + others)))[1]
    assert [(a["kind"], a["counts"]["categories_tested"]) for a in alone["alerts"]] == [("quality_drop", 1)]
    assert among["alerts"] == []  # 0.0066 is not under 0.01 / 5 categories tested


def test_a_dip_within_the_baselines_noise_is_not_an_alert(tmp_path: Path) -> None:
    # the baseline loses 2 of 40 a day (95 %), the window 3 of 40 (92.5 %): z = 0.93, p = 0.18
    def days(first: int, last: int, cut: int) -> list[str]:
        return _steady(range(first, last), 40 - cut) + [
            _chat(n, d, finish="length", minute=1) for d in range(first, last) for n in range(cut)]

    ws = _ingest(tmp_path, days(0, 14, 2) + days(14, 16, 3))
    assert [a["kind"] for a in _run("alerts", "--workspace", str(ws))[1]["alerts"]] == []


def test_a_significant_drop_of_less_than_a_point_is_not_an_alert(tmp_path: Path) -> None:
    # 2 of 400 cut a day in the window against none before: p < 0.01, but a 0.5-point drop
    lines = _steady(range(14), 400) + _steady(range(14, 16), 398) + [
        _chat(n, d, finish="length", minute=1) for d in (14, 15) for n in range(2)]
    ws = _ingest(tmp_path, lines)
    assert [a["kind"] for a in _run("alerts", "--workspace", str(ws))[1]["alerts"]] == []


def test_overrides_over_five_percent_fire(tmp_path: Path) -> None:
    sent = [_chat(n, 15, text=f"Classify ticket {n}") for n in range(30)]
    resent = [_chat(n, 15, model="gpt-4o", text=f"Classify ticket {n}", minute=1) for n in range(3)]
    ws = _ingest(tmp_path, _steady(range(14)) + sent + resent)
    alerts = _run("alerts", "--workspace", str(ws))[1]["alerts"]
    [over] = [a for a in alerts if a["kind"] == "override_rate"]
    assert over["counts"] == {"overrides": 3, "observed": 33}  # 3 / 33 = 9.1 % > 5 %


def test_a_spend_spike_and_a_budget_overrun_fire(tmp_path: Path) -> None:
    ws = _ingest(tmp_path, _steady(range(15), 20, prompt=100_000) + _steady(range(15, 16), 200, prompt=100_000))
    code, found = _run("alerts", "--workspace", str(ws), "--budget", "1")
    assert code == 3
    kinds = sorted(a["kind"] for a in found["alerts"])
    assert kinds.count("spend_spike") == 2  # by model and by category
    assert "budget" in kinds
    spike = next(a for a in found["alerts"] if a["subject"] == "model gpt-4o-mini")
    # gpt-4o-mini: 100,000 input and 100 output tokens at $0.15 / $0.60 per million
    per_request = 100_000 * 0.15e-6 + 100 * 0.60e-6
    assert abs(spike["counts"]["cost_usd"] - 200 * per_request) < 1e-9
    assert abs(spike["counts"]["trailing_median_usd"] - 20 * per_request) < 1e-9


def test_optimize_moves_a_category_whose_answers_users_flag_up_a_tier(tmp_path: Path) -> None:
    from analyzer.simulate import quality

    # 40 answers of one prompt template on the budget model, 8 of them thumbed down: 20 % > 10 %
    lines = [_chat(n, 0, text=f"Translate to German: order {n} has shipped",
                   metadata={"thumbs": "down" if n < 8 else "up"}) for n in range(40)]
    ws = _ingest(tmp_path, lines)
    out = tmp_path / "policy.json"
    done = CliRunner().invoke(app, ["optimize", "--workspace", str(ws), "--out", str(out), "--json"])
    assert done.exit_code == 0, done.output
    found = json.loads(done.stdout)
    [up] = [c for c in found["choices"] if c["model"] == "(tier up)"]
    assert up["reason"] == "flagged by users 20.0% (8 of 40) > 10%"
    written = json.loads(out.read_text())
    mid = quality.family_models("openai")["mid"]
    [route] = [r for r in written["routes"] if r["match"].get("tier") == ["budget"]]
    assert route["match"]["category"] == [up["category"]] and route["to"][0]["model"].endswith(mid)
    assert route["note"].startswith("moved up a tier by spendscope optimize: flagged by users 20.0%")
    assert up["category"] in written["description"]
    # the category's requests all run on the mid model in the policy's simulation
    by_model = {m["model"]: m["requests"] for m in found["simulation"]["by_model"]}
    assert by_model.get(mid) == 40


def test_feedback_corrections_are_read_once_per_state_of_the_workspace(tmp_path: Path, monkeypatch) -> None:
    from analyzer.quality import report
    from analyzer.workspace import Workspace

    root = _ingest(tmp_path, [_chat(1, 0), _chat(2, 0), _chat(3, 0)])
    (root / "feedback.csv").write_text("request_id,flag\nc0-1-gpt-4o-mini-0,bad\n")
    reads = []
    real = Workspace.requests
    monkeypatch.setattr(Workspace, "requests", lambda self: reads.append(1) or real(self))

    def flagged() -> int:
        table, _ = report.quality_table(Workspace(root), ("model",))
        return int(table["flagged"].sum())

    assert flagged() == 1 and flagged() == 1
    assert len(reads) == 1  # the second table reused the corrections
    (root / "feedback.csv").write_text("request_id,flag\nc0-1-gpt-4o-mini-0,bad\nc0-2-gpt-4o-mini-0,bad\n")
    assert flagged() == 2 and len(reads) == 2  # a changed file is read again
    (root / "relabels.json").write_text("{}")
    assert flagged() == 2 and len(reads) == 3  # so is a relabel
