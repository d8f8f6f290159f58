"""A damaged workspace is named, exits 2, and can be repaired by ``spendscope check``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.workspace import Workspace

from .test_workspace import chat_line

runner = CliRunner()


def _workspace(tmp_path: Path) -> tuple[Path, Path, Path]:
    ws = tmp_path / "ws"
    a = tmp_path / "a.jsonl"
    a.write_text("\n".join(chat_line(i, day=5) for i in range(20)) + "\n")
    b = tmp_path / "b.jsonl"
    b.write_text("\n".join(chat_line(i, day=6) for i in range(100, 130)) + "\n")
    for log in (a, b):
        assert runner.invoke(app, ["ingest", str(log), "--workspace", str(ws)]).exit_code == 0
    return ws, a, b


def _part_of(ws: Path, day: str) -> Path:
    (rel,) = [p for p in Workspace(ws).manifest()["parts"] if f"day={day}" in p]
    return ws / rel


def _requests(ws: Path) -> int:
    out = runner.invoke(app, ["report", "--json", "--workspace", str(ws)])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)["totals"]["requests"]


def test_truncated_part_is_named_with_exit_2_and_repaired(tmp_path: Path) -> None:
    ws, a, _ = _workspace(tmp_path)
    assert _requests(ws) == 50
    part = _part_of(ws, "2026-10-05")
    part.write_bytes(part.read_bytes()[:200])  # truncated
    for cache in (ws / "cache").glob("*.parquet"):
        cache.unlink()  # reports read the cells; make them read the rows again
    for rel in Workspace(ws).manifest()["rollup"]:
        (ws / rel).write_bytes(b"not parquet")
    result = runner.invoke(app, ["report", "--workspace", str(ws)])
    assert result.exit_code == 2
    assert "damaged workspace" in result.output and "spendscope check --drop-damaged" in result.output
    check = runner.invoke(app, ["check", "--workspace", str(ws)])
    assert check.exit_code == 2 and str(part.relative_to(ws)) in check.output
    fixed = runner.invoke(app, ["check", "--drop-damaged", "--json", "--workspace", str(ws)])
    assert fixed.exit_code == 0, fixed.output
    found = json.loads(fixed.stdout)
    assert str(a) in found["files_to_ingest_again"]
    assert runner.invoke(app, ["check", "--workspace", str(ws)]).exit_code == 0
    assert _requests(ws) == 30  # b's rows; a's were in the damaged part
    again = runner.invoke(app, ["ingest", str(a), "--workspace", str(ws)])
    assert again.exit_code == 0
    assert _requests(ws) == 50  # restored, nothing counted twice


def test_missing_part_is_named(tmp_path: Path) -> None:
    ws, _, _ = _workspace(tmp_path)
    part = _part_of(ws, "2026-10-06")
    part.unlink()
    check = runner.invoke(app, ["check", "--json", "--workspace", str(ws)])
    assert check.exit_code == 2
    assert {"part": str(part.relative_to(ws)), "problem": "missing"} in json.loads(check.stdout)["damaged"]
    result = runner.invoke(app, ["report", "--reconcile", "--workspace", str(ws)])  # reads the rows
    assert result.exit_code == 2 and "damaged workspace" in result.output
    assert str(part.relative_to(ws)) in result.output and "is missing" in result.output
