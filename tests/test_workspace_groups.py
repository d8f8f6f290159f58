"""A run stored a group of request-id buckets at a time (``GROUP_BYTES``; one bucket a group
here): a group of only known rows skips to the next one, every group's parts stay listed,
the run's row count sums them all, and a damaged part of a later group still names the run's
files. Found by a mutation run (mutmut 2 over analyzer/workspace.py, with
tests/test_workspace*.py and the workspace promises): every earlier test stored one group."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ingest import staging
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write


@pytest.fixture(autouse=True)
def one_bucket_a_group(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(staging, "GROUP_BYTES", 1)


def test_every_group_of_a_run_is_stored_after_a_group_of_known_rows(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    known = write(tmp_path / "a.jsonl", [chat_line(11, day=5)])
    ws.add(ingest([known]))
    lines = [chat_line(i, day=5 + i % 2) for i in range(12)]  # 11 on day 5 as before
    result = ingest([write(tmp_path / "b.jsonl", lines)])
    groups = [g["request_id"].to_list() for g in result.groups()]
    assert len(groups) == 12 and groups[0] == ["chatcmpl-11"]  # its bucket (17) is the lowest
    ws.add(result)
    assert (result.files[0].rows_ingested, result.files[0].duplicates) == (11, 1)
    assert [r["rows"] for r in ws.manifest()["runs"]] == [1, 11]  # the second run: 11 groups of 1
    rows = ws.requests().collect()
    assert rows.height == 12 and rows["request_id"].n_unique() == 12
    assert len(ws.manifest()["parts"]) == 1 + 11  # one part a group and day
    assert ws.damaged() == []


def test_a_damaged_part_of_a_later_group_names_the_runs_files(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    log = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(4)])
    ws.add(ingest([log]))
    (run,) = [r["run"] for r in ws.manifest()["runs"]]
    later = [p for p in ws.manifest()["parts"] if p.endswith(f"/{run}-g3.parquet")]
    assert len(later) == 1
    (ws.root / later[0]).unlink()
    done = ws.drop_damaged()
    assert done["runs"] == [run] and done["files_to_ingest_again"] == [str(log)]
    assert ws.requests().collect().height == 3
