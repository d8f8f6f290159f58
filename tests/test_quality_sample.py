"""``spendscope sample``: a stratified A/B sample as a batch input and a grading sheet that
is a quality_results.csv once graded."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from analyzer.cli import app
from analyzer.simulate.quality import QualityTable

from .test_quality_cli import _chat


def _workspace(tmp_path: Path, keep_text: bool = True) -> Path:
    lines = [_chat(n, day, model=model, text=f"Translate to French: parcel {day}-{n} is on its way",
                   metadata={"task": "translation"})
             for day in range(3) for model, per_day in (("gpt-4o-mini", 30), ("gpt-4o", 10))
             for n in range(per_day)]
    lines.append(_chat(99, 0, text="Translate to French: " + "word " * 500, metadata={"task": "translation"}))
    logs, ws = tmp_path / "logs.jsonl", tmp_path / "ws"
    logs.write_text("\n".join(lines) + "\n")
    args = ["ingest", str(logs), "--workspace", str(ws), *(["--keep-text"] if keep_text else [])]
    assert CliRunner().invoke(app, args).exit_code == 0
    return ws


def _sample(ws: Path, *args: str) -> dict:
    done = CliRunner().invoke(app, ["sample", "--workspace", str(ws), "--category", "translation", *args, "--json"])
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def test_the_sample_follows_the_strata_and_leaves_cut_prompts_out(tmp_path: Path) -> None:
    found = _sample(_workspace(tmp_path), "--n", "12", "--model", "claude-haiku-4-5")
    # 120 whole prompts: gpt-4o-mini 30 a day, gpt-4o 10 a day over three days -> 3 and 1 a day of 12
    assert found["available"] == 120 and found["requests"] == 12
    assert sorted((s["model"], s["len"]) for s in found["strata"]) == [("gpt-4o", 1)] * 3 + [("gpt-4o-mini", 3)] * 3
    assert found["notes"] == ["1 requests left out: their stored prompt reached 2,000 characters (it was cut)"]
    batch = json.loads(Path(found["batch_file"]).read_text())
    first = batch["requests"][0]
    assert first["custom_id"] == "ab-0001" and first["params"]["model"] == "claude-haiku-4-5"
    assert first["params"]["max_tokens"] == 256  # twice the 100-token answer, at least 256
    assert first["params"]["messages"][0]["content"].startswith("Translate to French: parcel")
    # claude-haiku-4-5 at the 50 % batch discount: 1,000 in x $0.50/M + 256 out x $2.50/M per request
    assert abs(found["batch_cost_usd_at_most"] - 12 * (1000 * 0.5e-6 + 256 * 2.5e-6)) < 1e-12


def test_openai_candidates_get_batch_api_jsonl_and_the_graded_sheet_is_quality_results(tmp_path: Path) -> None:
    found = _sample(_workspace(tmp_path), "--n", "5", "--model", "gpt-4.1-nano")
    lines = [json.loads(line) for line in Path(found["batch_file"]).read_text().splitlines()]
    assert [(x["method"], x["url"], x["body"]["model"]) for x in lines] == [
        ("POST", "/v1/chat/completions", "gpt-4.1-nano")] * 5
    sheet = Path(found["grading_sheet"])
    rows = list(csv.DictReader(sheet.open()))
    assert [r["passed"] for r in rows] == [""] * 5
    graded = sheet.with_name("quality_results.csv")
    with graded.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([{**r, "passed": "1" if i < 4 else "0"} for i, r in enumerate(rows)])
    estimate = QualityTable.load(graded).estimate("openai", "gpt-4.1-nano", "translation")
    assert estimate.source == "your results: 4/5"


def test_the_same_seed_draws_the_same_sample(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    runs = [_sample(ws, "--n", "6", "--seed", s, "--model", "gpt-4.1-nano", "--out", str(tmp_path / f"{k}.jsonl"))
            for k, s in enumerate(("1", "1", "2"))]
    drawn = [[r["request_id"] for r in csv.DictReader(Path(f["grading_sheet"]).open())] for f in runs]
    assert len(drawn[0]) == 6 and drawn[0] == drawn[1] and drawn[0] != drawn[2]


def test_without_stored_prompts_it_says_how_to_get_them(tmp_path: Path) -> None:
    ws = _workspace(tmp_path, keep_text=False)
    done = CliRunner().invoke(app, ["sample", "--workspace", str(ws), "--category", "translation"])
    assert done.exit_code == 2
    assert "--keep-text" in done.stderr
