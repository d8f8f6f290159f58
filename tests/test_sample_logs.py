"""The sample-week generator (sample_logs/generate.py) and the committed sample_logs/week/."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT / "sample_logs" / "generate.py"
WEEK = ROOT / "sample_logs" / "week"
TAXONOMY = ROOT.parent / "shared" / "design" / "TAXONOMY.md"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sample_logs_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


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
