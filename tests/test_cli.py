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

REPORT_TOTAL_KEYS = {"requests", "input_tokens", "cache_read_tokens", "cache_write_tokens",
                     "output_tokens", "reasoning_tokens"}
REPORT_GROUP_KEYS = {"key", "requests", "input_tokens", "cache_read_tokens", "cache_write_tokens",
                     "output_tokens"}


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
    assert all(isinstance(v, int) for k, v in data["totals"].items())


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
    assert out.read_text().splitlines()[1].startswith("2026-10,3,")


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


def test_empty_workspace_report(ws: Path) -> None:
    res = runner.invoke(app, ["report", "--workspace", str(ws)])
    assert res.exit_code == 0 and "no requests yet" in res.stdout
