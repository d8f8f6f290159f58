"""Workspace: dedupe across runs, overlapping exports, atomic writes, day partitions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace


def chat_line(i: int, day: int = 5, prompt: int = 100, completion: int = 10) -> str:
    return json.dumps({
        "timestamp": f"2026-10-{day:02d}T10:00:{i % 60:02d}Z",
        "request": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"q{i}"}]},
        "response": {"id": f"chatcmpl-{i}", "object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": prompt, "completion_tokens": completion}},
    })


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n")
    return path


def test_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(5)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([f]))
    second = ws.add(ingest([f]))
    assert second.files[0].rows_ingested == 0
    assert second.files[0].duplicates == 5
    assert ws.requests().collect().height == 5


def test_overlapping_exports_count_each_request_once(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(0, 6)])
    b = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(4, 10)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([a]))
    r = ws.add(ingest([b]))
    assert (r.files[0].rows_ingested, r.files[0].duplicates) == (4, 2)  # 4..5 seen before
    rows = ws.requests().collect()
    assert rows.height == 10 and rows["request_id"].n_unique() == 10
    assert rows["input_tokens"].sum() == 10 * 100


def test_overlap_within_one_run(tmp_path: Path) -> None:
    a = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(0, 6)])
    b = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(4, 10)])
    r = Workspace(tmp_path / "ws").add(ingest([a, b]))
    assert sum(f.rows_ingested for f in r.files) == 10
    assert sum(f.duplicates for f in r.files) == 2


def test_parts_are_partitioned_by_day(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(1, day=5), chat_line(2, day=6), chat_line(3, day=6)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([f]))
    days = sorted(p.parent.name for p in (tmp_path / "ws" / "requests").rglob("*.parquet"))
    assert days == ["day=2026-10-05", "day=2026-10-06"]


def test_crash_before_manifest_leaves_previous_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])]))
    before = ws.requests().collect()

    def crash(self: Workspace, manifest: dict) -> None:
        raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(Workspace, "_write_manifest", crash)
    with pytest.raises(KeyboardInterrupt):
        ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(10, 20)])]))
    monkeypatch.undo()
    # the new parts were written but are not listed: readers still see the old state
    assert ws.requests().collect().equals(before)
    parts_on_disk = len(list((tmp_path / "ws" / "requests").rglob("*.parquet")))
    assert parts_on_disk == 2  # one listed, one orphan
    ws.add(ingest([write(tmp_path / "c.jsonl", [chat_line(30)])]))  # next run cleans up
    assert len(list((tmp_path / "ws" / "requests").rglob("*.parquet"))) == 2
    assert ws.requests().collect().height == 4


def test_manifest_records_files(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)] + ["{bad"])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([f]))
    (entry,) = ws.files()
    assert entry["format"] == "openai_chat" and len(entry["sha256"]) == 64
    assert (entry["lines_read"], entry["rows_ingested"], entry["rows_rejected"]) == (4, 3, 1)


def test_templates_are_stored_once(tmp_path: Path) -> None:
    import polars as pl

    f = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])
    ws = Workspace(tmp_path / "ws")
    g = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(3, 6)])  # new requests, same prompts
    ws.add(ingest([f]))
    ws.add(ingest([f]))
    ws.add(ingest([g]))
    t = ws.templates()
    assert t.height >= 1
    # ``templates()`` drops repeats itself: count the rows stored, over every part listed
    parts = ws.manifest()["templates"]
    assert len(parts) == 1  # the later runs brought no new template, so wrote none
    stored = pl.read_parquet([str(ws.root / p) for p in parts])
    assert stored["template_id"].is_unique().all()
    assert sorted(stored["template_id"]) == sorted(t["template_id"])
    assert sorted(str(p.relative_to(ws.root)) for p in (ws.root / "templates").glob("*.parquet")) == parts
    ids = ws.requests().select("template_id").unique().collect()
    assert set(ids["template_id"]) == set(t["template_id"])


def test_workspace_path_that_is_a_file(tmp_path: Path) -> None:
    from analyzer.errors import WorkspaceError

    (tmp_path / "f").write_text("x")
    with pytest.raises(WorkspaceError):
        Workspace(tmp_path / "f")


def test_parts_written_before_audio_and_web_search_columns_read_them_as_zero(tmp_path: Path) -> None:
    import polars as pl

    from analyzer.aggregate import spend_report
    from analyzer.schema import ADDED_COUNTS

    log = write(tmp_path / "a.jsonl", [chat_line(i, day=5 + i % 2) for i in range(6)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([log]))
    before = spend_report(ws.traffic(), by="day")
    # rewrite every stored part and rollup part as a 0.7 workspace wrote them
    m = ws.manifest()
    for part in [*m["parts"], *m["rollup"]]:
        path = ws.root / part
        pl.read_parquet(path).drop(ADDED_COUNTS).write_parquet(path)
    for derived in (ws.root / "cache").glob("*.parquet"):  # rebuilt from the old parts
        derived.unlink()
    ws = Workspace(tmp_path / "ws")
    assert set(ADDED_COUNTS) <= set(ws.raw_requests().collect_schema().names())
    assert ws.raw_requests().select(pl.col(list(ADDED_COUNTS)).sum()).collect().row(0) == (0, 0, 0)
    after = spend_report(ws.traffic(), by="day")
    assert after["totals"] == before["totals"]
    # and a new run on top of the old parts adds to them
    ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i, day=6) for i in range(6, 9)])]))
    assert spend_report(ws.traffic(), by="day")["totals"]["requests"] == 9


def test_a_cost_report_ingested_twice_is_billed_once(tmp_path: Path) -> None:
    import polars as pl

    page = {"object": "page", "data": [{"object": "bucket", "start_time": 1791158400, "end_time": 1791244800,
                                        "results": [
                                            {"object": "organization.costs.result", "line_item": "gpt-4o, input",
                                             "amount": {"value": 12.5, "currency": "usd"}, "project_id": "p1"},
                                            {"object": "organization.costs.result", "line_item": "gpt-4o, output",
                                             "amount": {"value": 5.37, "currency": "usd"}, "project_id": "p1"}]}]}
    first = tmp_path / "costs.json"
    first.write_text(json.dumps(page))
    copy = tmp_path / "costs-again.json"
    copy.write_text(json.dumps(page, indent=2))  # the same report, another file
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([first]))
    ws.add(ingest([first]))
    ws.add(ingest([copy]))
    billed = ws.billed().collect()
    assert billed.height == 2
    assert billed["billed_usd"].sum() == pytest.approx(12.5 + 5.37)
    assert set(billed["source_file"]) == {str(first)}
    assert billed.filter(pl.col("billed_usd") > 0).height == 2
