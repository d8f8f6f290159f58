"""What ``Workspace.add`` keeps beside the rows: the metadata key statistics that choose the
rollup keys, summed over runs, and the id index and statistics of a workspace written
before they existed, built once on its next ingest. Found by a mutation run (mutmut 2 over
``Workspace.add``): nothing checked these paths.
"""

from __future__ import annotations

import json
from pathlib import Path

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import MANIFEST, Workspace

from .test_workspace import chat_line, write


def team_line(i: int, team: str) -> str:
    line = json.loads(chat_line(i))
    line["request"]["metadata"] = {"team": team}
    return json.dumps(line)


def manifest(ws: Workspace) -> dict:
    return json.loads((ws.root / MANIFEST).read_text())


def test_metadata_statistics_add_up_over_runs(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [team_line(i, "search") for i in range(5)])]))
    assert manifest(ws)["meta_stats"]["team"] == {"requests": 5, "values": ["search"]}
    ws.add(ingest([write(tmp_path / "b.jsonl", [team_line(i, "ads") for i in range(10, 13)])]))
    m = manifest(ws)
    assert m["meta_stats"]["team"] == {"requests": 8, "values": ["ads", "search"]}  # 5 + 3
    assert "team" in m["rollup_keys"]
    # the rollup answers a report by team, and its cells hold every request
    assert ws.rollup_keys() is not None and "team" in ws.rollup_keys()  # type: ignore[operator]
    assert int(ws.traffic(["team"]).select("requests").sum().collect().item()) == 8


def as_written_before(ws: Workspace, *keys: str) -> None:
    """The manifest as an older version wrote it: without ``keys``."""
    (ws.root / MANIFEST).write_text(json.dumps({k: v for k, v in manifest(ws).items() if k not in keys}))


def test_a_workspace_without_an_id_index_gets_one_on_its_next_ingest(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(5)])]))
    as_written_before(ws, "ids")
    again = ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(7)])]))
    # the five stored requests are found through the index built from the stored rows
    assert (again.files[0].rows_ingested, again.files[0].duplicates) == (2, 5)
    assert ws.raw_requests().collect().height == 7
    assert sum(p.endswith("-index.parquet") for p in manifest(ws)["ids"]) == 1


def test_a_workspace_without_statistics_gets_them_from_its_rows(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [team_line(i, "search") for i in range(5)])]))
    as_written_before(ws, "meta_stats")
    ws.add(ingest([write(tmp_path / "b.jsonl", [team_line(i, "ads") for i in range(10, 12)])]))
    # 5 stored requests, counted from their parts, and the 2 new ones
    assert manifest(ws)["meta_stats"]["team"] == {"requests": 7, "values": ["ads", "search"]}


def test_files_listed_before_feedback_records_existed_read_them_as_zero(tmp_path: Path) -> None:
    import polars as pl

    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(1)])]))
    [part] = manifest(ws)["file_parts"]
    pl.read_parquet(ws.root / part).drop("feedback_records").write_parquet(ws.root / part)  # as 0.9 wrote it
    ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(2)])]))
    assert [(Path(f["path"]).name, f["feedback_records"]) for f in ws.files()] == [("a.jsonl", 0), ("b.jsonl", 0)]


def test_a_rollup_cut_by_an_older_version_is_read_from_rows_until_the_next_ingest_rebuilds_it(
        tmp_path: Path) -> None:
    from analyzer.workspace import ROLLUP_VERSION

    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(4)])]))
    assert manifest(ws)["rollup_version"] == ROLLUP_VERSION and ws.rollup_keys() is not None
    old = manifest(ws)
    del old["rollup_version"]  # as written before versions were kept
    (ws.root / MANIFEST).write_text(json.dumps(old))
    assert ws.rollup_keys() is None  # not trusted: reports read the rows
    assert ws.traffic().collect().height == 4 and "input_band" not in ws.traffic().collect_schema().names()
    old_rollup = set(old["rollup"])
    ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(4, 6)])]))
    now = manifest(ws)
    assert now["rollup_version"] == ROLLUP_VERSION and not old_rollup & set(now["rollup"])  # rebuilt
    cells = ws.traffic().collect()
    assert "input_band" in cells.columns and cells["requests"].sum() == 6
