"""``Workspace.damaged`` and ``drop_damaged``: every damaged part named with its problem, and a
repair that names exactly the files to ingest again (none for a damaged id index or rollup,
which are rebuilt) and keeps the rollup's metadata keys. Found by a mutation run (mutmut 2 over
analyzer/workspace.py, with tests/test_workspace*.py and the workspace promises)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from analyzer import aggregate
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write


def _two_runs(tmp_path: Path) -> tuple[Workspace, Path, Path]:
    """Run a: 4 requests on 2026-10-05 and 4 on 10-06; run b: 3 requests on 10-07."""
    a = write(tmp_path / "a.jsonl", [chat_line(i, day=5 + i // 4) for i in range(8)])
    b = write(tmp_path / "b.jsonl", [chat_line(i, day=7) for i in range(100, 103)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([a]))
    ws.add(ingest([b]))
    return ws, a, b


def _runs(ws: Workspace) -> list[str]:
    return [r["run"] for r in ws.manifest()["runs"]]


def test_every_damaged_part_of_a_kind_is_named(tmp_path: Path) -> None:
    ws, _, _ = _two_runs(tmp_path)
    parts = ws.manifest()["parts"]
    assert len(parts) == 3
    for rel in parts[:2]:  # both days of run a
        (ws.root / rel).unlink()
    assert ws.damaged() == [(parts[0], "missing"), (parts[1], "missing")]


def test_an_unreadable_part_is_named_with_the_first_line_of_the_error_cut_at_120(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _, _ = _two_runs(tmp_path)
    (first, *_) = ws.manifest()["parts"]

    def unreadable(path: Path, *args: object, **kwargs: object) -> pl.DataFrame:
        raise pl.exceptions.ComputeError("x" * 200 + "\nsecond line")

    monkeypatch.setattr(pl, "read_parquet", unreadable)
    found = dict(ws.damaged())
    assert found[first] == "unreadable (" + "x" * 120 + ")"


def test_a_damaged_id_index_or_rollup_names_no_file_to_ingest_again(tmp_path: Path) -> None:
    ws, a, b = _two_runs(tmp_path)
    m = ws.manifest()
    for rel in [*m["ids"], *m["rollup"]]:  # derived parts only: the rows are all still there
        (ws.root / rel).write_bytes(b"not parquet")
    done = ws.drop_damaged()
    assert len(done["damaged"]) == len(m["ids"]) + len(m["rollup"])
    assert done["runs"] == [] and done["files_to_ingest_again"] == []
    assert ws.damaged() == []
    assert aggregate.spend_report(ws.traffic(), by="day")["totals"]["requests"] == 11
    again = ws.add(ingest([a, b]))  # the id index was rebuilt: every row is known
    assert [(f.rows_ingested, f.duplicates) for f in again.files] == [(0, 8), (0, 3)]


def test_a_damaged_request_part_names_only_its_own_run_and_file(tmp_path: Path) -> None:
    ws, a, _ = _two_runs(tmp_path)
    run_a, run_b = _runs(ws)
    m = ws.manifest()
    (part_a,) = [p for p in m["parts"] if "day=2026-10-05" in p]
    (ws.root / part_a).write_bytes(b"not parquet")
    (rollup_b,) = [p for p in m["rollup"] if run_b in p]  # a derived part of the other run
    (ws.root / rollup_b).unlink()
    done = ws.drop_damaged()
    assert [d["part"] for d in done["damaged"]] == [part_a, rollup_b]  # in PART_KEYS order
    assert done["damaged"][1] == {"part": rollup_b, "problem": "missing"}
    assert done["runs"] == [run_a]
    assert done["files_to_ingest_again"] == [str(a)]
    assert not (ws.root / part_a).exists()  # taken out of the manifest and off the disk
    assert aggregate.spend_report(ws.traffic(), by="day")["totals"]["requests"] == 7  # 8 - 4 + 3


def test_a_repair_keeps_the_rollup_keys(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    lines = [json.dumps(json.loads(chat_line(i, day=5 + i // 6)) | {"metadata": {"team": "ml" if i % 3 else "ops"}})
             for i in range(12)]
    ws.add(ingest([write(tmp_path / "a.jsonl", lines)]))
    keys = ws.rollup_keys()
    assert keys is not None and "team" in keys
    (day_6,) = [p for p in ws.manifest()["parts"] if "day=2026-10-06" in p]
    (ws.root / day_6).unlink()  # requests 6..11: ml 7, 8, 10, 11; ops 6, 9
    ws.drop_damaged()
    assert ws.rollup_keys() == keys
    report = aggregate.spend_report(ws.categorized(["team"]), by="meta:team")
    assert {g["key"]: g["requests"] for g in report["groups"]} == {"ml": 4, "ops": 2}  # requests 0..5
