"""An ingest clears what crashed runs left in ``.staging`` once it is a day old, and only that:
a younger folder may be a run still going, and a stray file there never stops an ingest.
Found by a mutation run (mutmut 2 over analyzer/workspace.py, with tests/test_workspace*.py
and the workspace promises)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import STALE_STAGING_S, Workspace

from .test_workspace import chat_line, write


def test_staging_older_than_a_day_is_removed_and_younger_kept(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])]))
    staging = ws.root / ".staging"
    crashed, running = staging / "20261001T000000-aaaaaa", staging / "20261005T100000-bbbbbb"
    stray = staging / "notes.txt"
    for folder in (crashed, running):
        folder.mkdir(parents=True)
        (folder / "rows-0.parquet").write_bytes(b"rows")
    stray.write_text("not a run")
    day_and_an_hour_ago = time.time() - STALE_STAGING_S - 3600
    for old in (crashed, stray):
        os.utime(old, (day_and_an_hour_ago, day_and_an_hour_ago))
    ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(3, 5)])]))
    assert not crashed.exists()
    assert (running / "rows-0.parquet").read_bytes() == b"rows"  # an hour old at most: kept
    assert stray.exists()  # not a folder: left alone, and the ingest went through
    assert ws.requests().collect().height == 5
