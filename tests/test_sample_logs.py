"""The sample-week generator (the package sample_logs/generator/, run as sample_logs/generate.py)
and the committed sample_logs/week/."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import sample_logs.generator as gen

ROOT = Path(__file__).resolve().parents[1]
ENTRY_SCRIPT = ROOT / "sample_logs" / "generate.py"
WEEK = ROOT / "sample_logs" / "week"
TAXONOMY = ROOT.parent / "shared" / "design" / "TAXONOMY.md"


def _load_entry_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_logs_generate", ENTRY_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_entry_script_is_the_package() -> None:
    """sample_logs/generate.py (the path the Makefile, the benchmarks and the docs use) runs
    the package and, loaded from its path, exposes the package's names."""
    script = _load_entry_script()
    assert script.generate is gen.generate and script.FORMATS == gen.FORMATS
    done = subprocess.run([sys.executable, str(ENTRY_SCRIPT), "--help"], capture_output=True, text=True, cwd="/")
    assert done.returncode == 0 and "--requests" in done.stdout


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def _jsonl_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and re.search(r"\.jsonl(\.gz)?$", p.name)
    )


def _expected(folder: Path) -> dict[str, str]:
    path = folder / "expected_categories.csv.gz"
    if not path.exists():
        path = folder / "expected_categories.csv"
    rows = list(csv.reader(io.StringIO(_read(path).decode())))
    assert rows[0] == ["request_id", "category"]
    return dict(rows[1:])


def _assert_lines_parse(folder: Path, bad: dict[str, set[int]]) -> int:
    """json.loads every line except the listed bad ones; the listed invalid-JSON ones must fail."""
    checked = 0
    for path in _jsonl_files(folder / "logs"):
        listed = bad.get(path.name, set())
        for number, line in enumerate(_read(path).split(b"\n")[:-1], start=1):
            if number in listed:
                continue
            json.loads(line)
            checked += 1
    return checked


@pytest.fixture(scope="module")
def two_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, Any]]:
    a, b = tmp_path_factory.mktemp("run_a"), tmp_path_factory.mktemp("run_b")
    summary = gen.generate(a, requests=2000)
    gen.generate(b, requests=2000)
    return a, b, summary


Runs = tuple[Path, Path, dict[str, Any]]


def test_generation_is_byte_for_byte_deterministic(two_runs: Runs) -> None:
    a, b, _ = two_runs
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    assert len(files_a) > 8
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_different_seed_gives_different_data(tmp_path: Path) -> None:
    gen.generate(tmp_path / "s1", requests=300, seed=1, formats=["openai_chat"])
    gen.generate(tmp_path / "s2", requests=300, seed=2, formats=["openai_chat"])
    one = (tmp_path / "s1/logs/openai_chat.jsonl.gz").read_bytes()
    two = (tmp_path / "s2/logs/openai_chat.jsonl.gz").read_bytes()
    assert one != two


def test_summary_request_counts_add_up(two_runs: Runs) -> None:
    folder, _, summary = two_runs
    total = sum(summary["requests"].values())
    assert total == summary["total_requests"]
    assert abs(total - 2000) <= 20
    assert set(summary["requests"]) == set(gen.FORMATS)
    # the files hold what the summary says
    files, req = summary["files"], summary["requests"]
    bad: dict[str, int] = {}
    for item in summary["known_bad_lines"]:
        bad[item["file"]] = bad.get(item["file"], 0) + 1
    assert files["openai_chat.jsonl.gz"] - bad["openai_chat.jsonl.gz"] == req["openai_chat"]
    litellm = "litellm_spend_logs.jsonl.gz"
    assert files[litellm] - bad[litellm] == req["litellm"]
    assert files["openai_batch_input.jsonl.gz"] == req["openai_batch"]
    assert files["openai_batch_output.jsonl.gz"] == req["openai_batch"]
    assert files["anthropic_messages.jsonl.gz"] == req["anthropic_messages"]
    # Claude Code: one request per distinct assistant message (snapshots, replays count once)
    ids = set()
    for path in _jsonl_files(folder / "logs" / "claude_code"):
        for line in _read(path).splitlines():
            rec = json.loads(line)
            msg = rec.get("message") or {}
            if rec.get("type") == "assistant" and msg.get("model") != "<synthetic>":
                ids.add(msg["id"])
    assert len(ids) == req["claude_code"]
    # every request with an id in its record is expected (OpenAI HTTP errors have no id)
    expected = _expected(folder)
    assert len(expected) == summary["expected_rows"]
    assert total * 0.99 <= len(expected) <= total
    assert ids <= set(expected)


def test_every_line_parses_except_the_known_bad_ones(two_runs: Runs) -> None:
    folder, _, summary = two_runs
    bad: dict[str, set[int]] = {}
    for item in summary["known_bad_lines"]:
        bad.setdefault(item["file"], set()).add(item["line"])
    assert 3 <= sum(len(v) for v in bad.values()) <= 6
    assert gen.parse_known_bad_lines((folder / "KNOWN_BAD_LINES.md").read_text()) == bad
    assert _assert_lines_parse(folder, bad) > 2000
    for item in summary["known_bad_lines"]:
        line = _read(folder / "logs" / item["file"]).split(b"\n")[item["line"] - 1]
        if "invalid JSON" in item["reason"]:
            with pytest.raises(json.JSONDecodeError):
                json.loads(line)


def test_single_format_plain_jsonl(tmp_path: Path) -> None:
    summary = gen.generate(tmp_path, requests=500, formats=["openai_chat"], gzip_output=False)
    assert summary["requests"] == {"openai_chat": 500}
    assert (tmp_path / "logs" / "openai_chat.jsonl").exists()
    assert (tmp_path / "expected_categories.csv").exists()
    bad = {"openai_chat.jsonl": {i["line"] for i in summary["known_bad_lines"]}}
    assert _assert_lines_parse(tmp_path, bad) == 500


def test_unknown_format_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        gen.generate(tmp_path, requests=10, formats=["openai_chatt"])


def test_generator_categories_match_the_taxonomy() -> None:
    if not TAXONOMY.exists():
        pytest.skip("shared/design/TAXONOMY.md not beside the checkout")
    ids = re.findall(r"^\| `([a-z_]+)` \|", TAXONOMY.read_text(encoding="utf-8"), re.M)
    assert len(ids) == 26
    assert set(gen.CATEGORIES) == set(ids)


def test_committed_week_has_every_category() -> None:
    expected = _expected(WEEK)
    assert set(expected.values()) == set(gen.CATEGORIES)
    assert len(expected) > 45_000


def test_committed_week_lines_parse_except_known_bad() -> None:
    bad = gen.parse_known_bad_lines((WEEK / "KNOWN_BAD_LINES.md").read_text(encoding="utf-8"))
    assert 3 <= sum(len(v) for v in bad.values()) <= 6
    assert _assert_lines_parse(WEEK, bad) > 50_000


# --- quality signals (docs/quality.md) ----------------------------------------------------

BUDGET = ("gpt-4o-mini", "gpt-4.1-mini", "claude-haiku-4-5")


def _records(path: Path) -> list[dict[str, Any]]:
    out = []
    for line in _read(path).split(b"\n")[:-1]:
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a known bad line
    return out


def _is_json_answer(text: str | None) -> bool:
    """As spendscope judges an answer asked for as JSON: one object or array, nothing else."""
    if text is None:
        return False
    stripped = text.strip()
    try:
        json.loads(stripped)
    except json.JSONDecodeError:
        return False
    return stripped.startswith(("{", "["))


def _sent(folder: Path) -> list[dict[str, Any]]:
    """The requests of the request/response logs, each as the analyzer sees it: the id it
    ingests, its time, model, input (system, last user message, message count, user),
    whether it asked for JSON, its answer's text and why the answer stopped."""
    logs = folder / "logs"
    rows: list[dict[str, Any]] = []

    def user_text(messages: list[dict[str, Any]]) -> Any:
        users = [m["content"] for m in messages if m["role"] == "user"]
        return json.dumps(users[-1]) if users else None

    for rec in _records(logs / "openai_chat.jsonl.gz"):
        req, resp = rec["request"], rec.get("response")
        system = [m["content"] for m in req["messages"] if m["role"] == "system"]
        choice = resp["choices"][0] if resp else {}
        rows.append({"format": "openai_chat", "id": resp and resp["id"], "ts": rec["timestamp"],
                     "model": req["model"], "input": (json.dumps(system), user_text(req["messages"]),
                                                      len(req["messages"]), req["metadata"]["user"]),
                     "json": "response_format" in req, "answer": (choice.get("message") or {}).get("content"),
                     "finish": choice.get("finish_reason"), "metadata": req["metadata"]})
    for rec in _records(logs / "anthropic_messages.jsonl.gz"):
        req, resp = rec["request"], rec["response"]
        rows.append({"format": "anthropic_messages", "id": resp["id"], "ts": rec["timestamp"],
                     "model": req["model"], "input": (json.dumps(req.get("system")), user_text(req["messages"]),
                                                      len(req["messages"]), req["metadata"]["user_id"]),
                     "json": "output_format" in req, "answer": resp["content"][0].get("text"),
                     "finish": resp["stop_reason"], "metadata": req["metadata"]})
    for rec in _records(logs / "litellm_spend_logs.jsonl.gz"):
        choices = (rec["response"] or {}).get("choices") or [{}]
        rows.append({"format": "litellm", "id": rec["id"], "ts": rec["startTime"], "model": rec["model"],
                     "input": None, "json": "response_format" in rec["model_parameters"],
                     "answer": (choices[0].get("message") or {}).get("content"), "finish": choices[0].get("finish_reason")})
    for rec in _records(logs / "langfuse_observations.jsonl.gz"):
        if rec["type"] == "GENERATION":
            rows.append({"format": "langfuse", "id": rec["id"], "ts": rec["startTime"], "model": rec["model"],
                         "input": None, "json": "response_format" in rec["modelParameters"],
                         "answer": rec["output"]["content"], "finish": rec["metadata"].get("finish_reason")})
    for rec in _records(logs / "openai_batch_output.jsonl.gz"):
        if rec["response"]["status_code"] == 200:  # a failed line's request id also names its custom_id
            rows.append({"format": "openai_batch", "id": rec["id"], "ts": None, "model": rec["response"]["body"]["model"],
                         "input": None, "json": None, "answer": None, "finish": None})
    return rows


def _feedback(folder: Path) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO((folder / "feedback.csv").read_text(encoding="utf-8"))))
    assert rows[0] == ["request_id", "flag", "score"]
    return rows[1:]


def test_feedback_names_requests_by_the_ids_spendscope_ingests(two_runs: Runs) -> None:
    folder, _, summary = two_runs
    rows = _feedback(folder)
    assert len(rows) == summary["feedback_rows"] > 0
    ids = {r["id"] for r in _sent(folder) if r["id"]}
    assert {rid for rid, _, _ in rows} <= ids
    assert len({rid for rid, _, _ in rows}) == len(rows)
    assert {flag for _, flag, _ in rows} <= {"0", "1"}
    assert {score for _, _, score in rows} <= {"", "1", "2", "3", "4", "5"}
    signals = summary["signals"]
    assert signals["feedback_rows"] == len(rows)
    assert signals["feedback_flags"] == sum(flag == "1" for _, flag, _ in rows)


def test_committed_week_carries_the_quality_signals() -> None:
    sent = _sent(WEEK)
    expected = _expected(WEEK)
    # feedback on about 4 % of the requests, by ingested ids only
    rows = _feedback(WEEK)
    assert 0.03 * 50_000 < len(rows) < 0.05 * 50_000
    assert {rid for rid, _, _ in rows} <= {r["id"] for r in sent if r["id"]}
    # answers cut at the limit, a few filtered; tool calls end as tool calls
    finishes = {r["finish"] for r in sent}
    assert {"length", "max_tokens", "content_filter", "refusal", "tool_calls", "tool_use"} <= finishes
    # JSON asked for: budget models' answers malformed several times as often as the others'
    judged = [r for r in sent if r["json"] and r["answer"] is not None and r["finish"] != "content_filter"]
    assert len(judged) > 2_500

    def malformed(rs: list[dict[str, Any]]) -> float:
        return sum(not _is_json_answer(r["answer"]) for r in rs) / len(rs)

    budget = [r for r in judged if r["model"].startswith(BUDGET)]
    others = [r for r in judged if not r["model"].startswith(BUDGET)]
    assert malformed(budget) > 0.035 and malformed(others) < 0.02
    # the weekend regression: gpt-4o-mini's extraction answers
    extraction = [r for r in judged if r["model"].startswith("gpt-4o-mini")
                  and expected.get(r["id"]) == "entity_extraction" and r["format"] == "openai_chat"]
    weekend = [r for r in extraction if r["ts"] >= "2026-10-10"]
    weekdays = [r for r in extraction if r["ts"] < "2026-10-10"]
    assert len(weekend) >= 40 and malformed(weekend) > 0.2 > 0.08 > malformed(weekdays)
    # re-sends: the same input from the same user within 10 minutes; retries on the same model,
    # overrides of Haiku's copywriting on Opus
    retries = overrides = 0
    last: dict[Any, dict[str, Any]] = {}
    for r in sorted((r for r in sent if r["input"] is not None), key=lambda r: r["ts"]):
        before = last.get(r["input"])
        if before is not None and _minutes(before["ts"], r["ts"]) <= 10:
            if r["model"] == "claude-opus-4-7" and before["model"].startswith("claude-haiku"):
                overrides += 1
                assert expected[r["id"]] == "creative_writing"
            elif r["model"] == before["model"]:
                retries += 1
        last[r["input"]] = r
    chat = sum(1 for r in sent if r["input"] is not None)
    assert 0.005 * chat < retries < 0.03 * chat
    creative = sum(1 for c in expected.values() if c == "creative_writing")
    assert overrides > 0.06 * creative
    # the caller's own override marks stay rare (never one of the workspace's filter keys)
    marked = sum(1 for r in sent if (r.get("metadata") or {}).get("override") == "true")
    assert 0 < marked < 100


def _minutes(a: str, b: str) -> float:
    from datetime import datetime

    def t(s: str) -> datetime:
        return datetime.fromisoformat(s.replace("Z", "+00:00"))

    return (t(b) - t(a)).total_seconds() / 60
