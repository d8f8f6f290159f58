"""Langfuse scores: verdicts exported apart from the generations they judge, applied to them
when quality is read (fixture langfuse_scores/scores.jsonl, written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.workspace import Workspace

from .conftest import LOGS

SCORES = LOGS / "langfuse_scores" / "scores.jsonl"


def _generation(oid: str, trace: str, minute: int) -> dict:
    start = f"2026-10-06T08:{minute:02d}:00.000Z"
    return {"id": oid, "traceId": trace, "type": "GENERATION", "name": "answer", "startTime": start,
            "endTime": f"2026-10-06T08:{minute:02d}:02.000Z", "model": "gpt-4o-mini",
            "usageDetails": {"input": 100, "output": 20, "total": 120}, "metadata": {}}


def _ingest(ws: Path, *paths: Path) -> dict:
    done = CliRunner().invoke(app, ["ingest", *map(str, paths), "--workspace", str(ws), "--json"])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def test_scores_are_verdicts_kept_beside_the_requests_and_applied_to_them(tmp_path: Path) -> None:
    observations = tmp_path / "observations.jsonl"
    observations.write_text("\n".join(json.dumps(_generation(*g)) for g in [
        ("gen-1", "tr-1", 1), ("gen-2", "tr-1", 2), ("gen-3", "tr-2", 3), ("gen-4", "tr-2", 4)]) + "\n")
    ws = tmp_path / "ws"
    first = _ingest(ws, observations, SCORES)
    scores = next(f for f in first["files"] if f["format"] == "langfuse_scores")
    # five verdicts kept (not requests: skipped), one score naming nothing rejected
    assert (scores["lines_read"], scores["skipped"], scores["feedback_records"], scores["rows_rejected"]) == \
        (6, 5, 5, 1)
    assert first["rows_ingested"] == 4
    assert Workspace(ws).feedback().collect().height == 5
    _ingest(ws, SCORES)  # the same export again: no verdict counts twice
    assert Workspace(ws).feedback().collect().height == 5

    done = CliRunner().invoke(app, ["quality", "--workspace", str(ws), "--by", "model", "--json"])
    found = json.loads(done.stdout)
    [row] = found["rows"]
    # gen-1: user-feedback 0 (a boolean feedback score: flagged, score 0); gen-2: helpfulness 4
    # and hallucination 1 (scores only: its name is not feedback) -> mean 2.5; tr-2's thumbs up
    # judges the trace's last generation, gen-4
    assert (row["verdicts"], row["flagged"], row["flag_rate"]) == (2, 1, 0.5)
    assert (row["rated"], row["mean_score"]) == (2, (0.0 + 2.5) / 2)
    assert found["notes"] == ["ingested scores: 1 of 4 verdicts name no request in the workspace"]  # gen-9


def test_a_workspace_check_covers_the_verdicts(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _ingest(ws, SCORES)
    [part] = Workspace(ws).manifest()["feedback"]
    (ws / part).write_bytes(b"not parquet")
    done = CliRunner().invoke(app, ["check", "--workspace", str(ws), "--json"])
    assert done.exit_code == 2 and part in done.stdout
