"""What a run writes besides its rows: its record in the manifest (run, time, rows), each file's
run and time (the dashboard's file list shows them), a workspace folder whose parents do not
exist yet, and the rollup summed only once it holds more than ``ROLLUP_PARTS`` parts. Found by a
mutation run (mutmut 2 over analyzer/workspace.py, with tests/test_workspace*.py and the
workspace promises)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from analyzer import workspace
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write


def test_a_run_records_its_name_time_and_rows_and_its_files_carry_them(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    a = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])
    b = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(2, 6)])  # 2 seen in a
    started = datetime.now(timezone.utc).replace(microsecond=0)
    ws.add(ingest([a, b]))
    (run,) = ws.manifest()["runs"]
    assert set(run) == {"run", "at", "rows"} and run["rows"] == 6
    at = datetime.fromisoformat(run["at"])
    assert at.tzinfo is not None and started <= at <= started + timedelta(minutes=1)
    files = ws.files()
    assert [(f["path"], f["run"], f["at"]) for f in files] == [(str(a), run["run"], run["at"]),
                                                                (str(b), run["run"], run["at"])]


def test_a_workspace_folder_and_its_parents_are_created(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "data" / "spendscope" / "workspace")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(1)])]))
    assert ws.requests().collect().height == 1


def test_the_rollup_is_summed_only_above_rollup_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace, "ROLLUP_PARTS", 2)
    ws = Workspace(tmp_path / "ws")
    for run in range(3):
        ws.add(ingest([write(tmp_path / f"run{run}.jsonl", [chat_line(10 * run + i) for i in range(2)])]))
        parts = ws.manifest()["rollup"]
        if run < 2:  # 1, then 2 parts: not more than ROLLUP_PARTS
            assert len(parts) == run + 1 and not any("-compact-" in p for p in parts)
        else:  # 3 parts: summed into one
            assert len(parts) == 1 and "-compact-" in parts[0]
    assert ws.categorized().collect()["requests"].sum() == 6
