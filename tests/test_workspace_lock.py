"""A workspace that cannot be written, or that another ingest is writing, is refused with a
message naming it and the reason. Found by a mutation run (mutmut 2 over analyzer/workspace.py,
with tests/test_workspace*.py and the workspace promises)."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.errors import WorkspaceError
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write


def test_a_workspace_under_a_file_cannot_be_written(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    ws = Workspace(tmp_path / "f" / "ws")
    with pytest.raises(WorkspaceError) as e:
        ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(1)])]))
    assert str(e.value) == f"{tmp_path / 'f' / 'ws'}: cannot write the workspace (Not a directory)"


def test_a_second_writer_is_told_another_ingest_is_writing(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    log = write(tmp_path / "a.jsonl", [chat_line(1)])
    with ws._locked(), pytest.raises(WorkspaceError) as e:  # the lock held, as an ingest holds it
        Workspace(tmp_path / "ws").add(ingest([log]))
    assert str(e.value) == f"{ws.root}: another spendscope ingest is writing here"
    ws.add(ingest([log]))  # released: the next run writes
    assert ws.requests().collect().height == 1
