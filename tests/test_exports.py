"""CSV exports never carry a live spreadsheet formula; the terminal never gets raw control
characters from a log."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from analyzer import exports
from analyzer.cli import app, printable

HOSTILE = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx",
           "plain", "a=b"]


def test_formula_cells_are_quoted_and_numbers_untouched() -> None:
    frame = pl.DataFrame({"name": HOSTILE, "cost": [-1.5] * len(HOSTILE)})
    text = exports.frame_csv(frame)
    read = pl.read_csv(text.encode(), infer_schema=False)
    assert read["name"].to_list()[:6] == ["'" + v for v in HOSTILE[:6]]
    assert read["name"].to_list()[6:] == ["plain", "a=b"]
    assert set(read["cost"]) == {"-1.5"}  # a number column stays a number
    assert exports.rows_csv([{"k": "=1", "v": ["a", "b"]}]) == "k,v\n'=1,a;b\n"


def test_report_csv_quotes_formulas_from_the_logs(tmp_path: Path) -> None:
    log = tmp_path / "usage.jsonl"
    log.write_text("\n".join(json.dumps({
        "timestamp": "2026-10-05T10:00:00Z", "model": "gpt-4o-mini", "input_tokens": 10, "output_tokens": 1,
        "request_id": f"r{i}", "project": value}) for i, value in enumerate(HOSTILE)) + "\n")
    ws, out = tmp_path / "ws", tmp_path / "out.csv"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(log), "--workspace", str(ws)]).exit_code == 0
    result = runner.invoke(app, ["report", "--by", "meta:project", "--csv", str(out), "--workspace", str(ws)])
    assert result.exit_code == 0, result.output
    keys = pl.read_csv(out, infer_schema=False)["key"].to_list()
    assert not [k for k in keys if k[:1] in "=+-@\t\r"]
    assert "'=HYPERLINK(\"https://evil.example\",\"click\")" in keys


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    assert printable("gpt\x1b[2J\x07-4o") == "gpt\\x1b[2J\\x07-4o"
    log = tmp_path / "usage.jsonl"
    log.write_text(json.dumps({"timestamp": "2026-10-05T10:00:00Z", "model": "m\x1b[31mred", "input_tokens": 1,
                               "output_tokens": 1, "project": "p\x1b]0;title\x07"}) + "\n")
    ws = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(log), "--workspace", str(ws)]).exit_code == 0
    for by in ("model", "meta:project"):
        result = runner.invoke(app, ["report", "--by", by, "--workspace", str(ws)])
        assert result.exit_code == 0
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b" in runner.invoke(app, ["report", "--by", "meta:project", "--workspace", str(ws)]).output
