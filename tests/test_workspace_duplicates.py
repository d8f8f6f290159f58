"""Rows and bills already stored are dropped and counted where they belong: one known request
among new ones, duplicates added to those the file already had, none on a file that brought
none, and a bill with empty fields stored once. Found by a mutation run (mutmut 2 over
analyzer/workspace.py, with tests/test_workspace*.py and the workspace promises)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .test_workspace import chat_line, write


def test_one_request_seen_before_is_dropped_and_counted_on_its_file(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(4)])]))
    # b: request 0 stored before, request 7 twice in the file, 8 new; c: only new
    b = write(tmp_path / "b.jsonl", [chat_line(0), chat_line(7), chat_line(7), chat_line(8)])
    c = write(tmp_path / "c.jsonl", [chat_line(9)])
    result = ingest([b, c])
    assert [(f.rows_ingested, f.duplicates) for f in result.files] == [(3, 1), (1, 0)]  # before the workspace
    ws.add(result)
    # b: 0 is known: 2 ingested (7, 8), 1 + 1 duplicates; c untouched
    assert [(f.rows_ingested, f.duplicates) for f in result.files] == [(2, 2), (1, 0)]
    rows = ws.requests().collect()
    assert rows.height == 7 and rows["request_id"].n_unique() == 7  # 0..3, 7, 8, 9


def test_a_bill_with_an_empty_field_ingested_twice_is_billed_once(tmp_path: Path) -> None:
    bucket = {"object": "bucket", "start_time": 1791158400, "end_time": 1791244800, "results": [
        {"object": "organization.costs.result", "line_item": None,  # no model
         "amount": {"value": 2.0, "currency": "usd"}, "project_id": None},
        {"object": "organization.costs.result", "line_item": "gpt-4o, input",
         "amount": {"value": 12.5, "currency": "usd"}, "project_id": "p1"}]}
    report = tmp_path / "costs.json"
    report.write_text(json.dumps({"object": "page", "data": [bucket]}))
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([report]))
    ws.add(ingest([report]))
    billed = ws.billed().collect()
    assert billed.height == 2 and billed["model"].null_count() == 1
    assert billed["billed_usd"].sum() == pytest.approx(2.0 + 12.5)  # $14.50, not 2.0 twice
