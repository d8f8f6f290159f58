"""classify / relabel / report --by category through the command line (CONTRACT.md)."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from analyzer.classify.taxonomy import CATEGORIES
from analyzer.cli import app
from analyzer.workspace import Workspace
from tests.test_workspace import write

runner = CliRunner()


def _line(i: int, system: str, user: str, tools: bool = False) -> str:
    request = {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": system},
                                                    {"role": "user", "content": user}]}
    if tools:
        request["tools"] = [{"type": "function", "function": {"name": "search"}}]
    return json.dumps({"timestamp": f"2026-10-05T10:00:{i:02d}Z", "request": request,
                       "response": {"id": f"chatcmpl-{i}", "object": "chat.completion", "model": "gpt-4o-mini",
                                    "usage": {"prompt_tokens": 100, "completion_tokens": 10}}})


def test_classify_text_json_shape() -> None:
    res = runner.invoke(app, ["classify", "--text", "Translate this into French: good morning", "--json"])
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    assert set(record) == {"id", "category", "source", "confidence"}
    assert (record["category"], record["source"]) == ("translation", "rule")


def test_classify_texts_file(tmp_path: Path) -> None:
    f = tmp_path / "p.jsonl"
    f.write_text('{"id": 1, "text": "Summarize the notes below."}\n\n{"id": "b", "text": "hello?"}\n')
    res = runner.invoke(app, ["classify", "--texts", str(f), "--json"])
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b"]
    assert out[0]["category"] == "summarization"
    assert all(o["category"] in CATEGORIES and 0.0 <= o["confidence"] <= 1.0 for o in out)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no id"}\n')
    res = runner.invoke(app, ["classify", "--texts", str(bad)])
    assert res.exit_code == 2


def test_relabel_and_report_by_category(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    logs = write(tmp_path / "a.jsonl", [
        _line(1, "Classify the ticket into billing or shipping.", "Ticket 1: charged twice"),
        _line(2, "Classify the ticket into billing or shipping.", "Ticket 2: parcel lost"),
        _line(3, "You are an agent.", "Find the order", tools=True),
    ])
    assert runner.invoke(app, ["ingest", str(logs), "--workspace", str(ws)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["report", "--by", "category", "--workspace", str(ws), "--json"]).stdout)
    by_key = {g["key"]: g["requests"] for g in data["groups"]}
    assert by_key["agentic"] == 1 and sum(by_key.values()) == 3
    dist = json.loads(runner.invoke(app, ["classify", "--workspace", str(ws), "--json"]).stdout)
    assert dist["templates"] == 2  # the two tickets share one template
    tickets = Workspace(ws).requests().filter(~pl.col("has_tools")).collect()
    (template_id,) = set(tickets["template_id"])
    res = runner.invoke(app, ["relabel", template_id, "spam_detection", "--workspace", str(ws)])
    assert res.exit_code == 0 and "2 requests" in res.stdout
    data = json.loads(runner.invoke(app, ["report", "--by", "category", "--workspace", str(ws), "--json"]).stdout)
    assert {g["key"]: g["requests"] for g in data["groups"]} == {"spam_detection": 2, "agentic": 1}
    bad = runner.invoke(app, ["relabel", template_id, "haiku", "--workspace", str(ws)])
    assert bad.exit_code == 2


def test_classify_text_prints_a_table_without_json() -> None:
    res = runner.invoke(app, ["classify", "--text", "Translate this into French: good morning"])
    assert res.exit_code == 0, res.output
    assert "\t" not in res.stdout
    header, row = [line for line in res.stdout.splitlines() if "translation" in line or "category" in line][:2]
    assert ["id", "category", "source", "confidence"] == [w for w in header.replace("┃", " ").split()]
    assert [w for w in row.replace("│", " ").split()] == ["text", "translation", "rule", "0.95"]
