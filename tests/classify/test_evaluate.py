"""The evaluation harness: metrics by hand, the labelled sets' loaders, the sample-week join.

Nothing here runs the real classifier; stand-ins take its place where one is needed.
"""

from __future__ import annotations

import gzip
import sys
import types
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polars as pl
import pytest

from analyzer.classify import evaluate as ev
from analyzer.classify.taxonomy import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PROMPTS = SHARED / "data" / "prompts"


@pytest.fixture
def shared() -> Path:
    if not PROMPTS.is_dir():
        pytest.skip(f"{PROMPTS} is missing")
    return SHARED


# --- scores ----------------------------------------------------------------------------


def test_scores_by_hand() -> None:
    #           0    1    2    3    4    5
    truth = ["a", "a", "a", "b", "b", "c"]
    pred = ["a", "a", "b", "b", "a", "a"]
    s = ev.scores(truth, pred)
    # a: support 3; predicted "a" at 0, 1, 4, 5 (4 times), right at 0, 1 (2 hits)
    #    P = 2/4 = 0.5, R = 2/3, F1 = 2·0.5·(2/3) / (0.5 + 2/3) = (2/3) / (7/6) = 4/7
    a = s.per_category["a"]
    assert (a.support, a.predicted) == (3, 4)
    assert a.precision == pytest.approx(0.5)
    assert a.recall == pytest.approx(2 / 3)
    assert a.f1 == pytest.approx(4 / 7)
    # b: support 2; predicted "b" at 2, 3 (2 times), right at 3 (1 hit)
    #    P = 1/2, R = 1/2, F1 = 1/2
    b = s.per_category["b"]
    assert (b.support, b.predicted) == (2, 2)
    assert (b.precision, b.recall, b.f1) == pytest.approx((0.5, 0.5, 0.5))
    # c: support 1, never predicted: P = 0 (no predictions), R = 0/1 = 0, F1 = 0
    c = s.per_category["c"]
    assert (c.support, c.predicted) == (1, 0)
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    # macro-F1 = (4/7 + 1/2 + 0) / 3 = (8/14 + 7/14) / 3 = 5/14; accuracy = 3/6
    assert s.macro_f1 == pytest.approx(5 / 14)
    assert s.accuracy == pytest.approx(0.5)
    assert s.n == 6
    # errors: (a→b) at 2, (b→a) at 4, (c→a) at 5, one each, ordered by count then name
    assert s.confusion == [("a", "b", 1), ("b", "a", 1), ("c", "a", 1)]
    assert [cat for cat, _ in s.table()] == ["a", "b", "c"]


def test_scores_count_only_categories_present_in_truth() -> None:
    # "z" is predicted but never true: no row of its own, yet it costs x's recall
    s = ev.scores(["x", "x", "y", "y"], ["x", "z", "y", "y"])
    assert set(s.per_category) == {"x", "y"}
    # x: P = 1/1, R = 1/2, F1 = 2/3;  y: P = R = F1 = 1;  macro = (2/3 + 1) / 2 = 5/6
    assert s.per_category["x"].f1 == pytest.approx(2 / 3)
    assert s.per_category["y"].f1 == pytest.approx(1.0)
    assert s.macro_f1 == pytest.approx(5 / 6)
    assert s.accuracy == pytest.approx(3 / 4)
    assert s.confusion == [("x", "z", 1)]


def test_scores_confusion_keeps_top_ten_by_count() -> None:
    truth = ["t"] * 3 + [f"t{i}" for i in range(12)]
    pred = ["p"] * 3 + [f"p{i}" for i in range(12)]
    s = ev.scores(truth, pred)
    assert len(s.confusion) == 10
    assert s.confusion[0] == ("t", "p", 3)
    assert all(c == 1 for _, _, c in s.confusion[1:])
    assert s.accuracy == 0.0 and s.macro_f1 == 0.0


def test_scores_perfect_empty_and_mismatched() -> None:
    s = ev.scores(["a", "b"], ["a", "b"])
    assert (s.accuracy, s.macro_f1, s.confusion) == (1.0, 1.0, [])
    empty = ev.scores([], [])
    assert (empty.n, empty.accuracy, empty.macro_f1, empty.per_category) == (0, 0.0, 0.0, {})
    with pytest.raises(ValueError):
        ev.scores(["a"], ["a", "b"])


# --- public labelled sets ----------------------------------------------------------------


def _only_taxonomy(rows: list[tuple[str | None, str, str]]) -> None:
    assert all(system is None for system, _, _ in rows)
    assert all(isinstance(user, str) and user.strip() for _, user, _ in rows)
    assert {cat for _, _, cat in rows} <= set(CATEGORIES)


def test_self_instruct(shared: Path) -> None:
    rows = ev.self_instruct(shared)
    assert len(rows) == 252
    _only_taxonomy(rows)
    counts = Counter(cat for _, _, cat in rows)
    assert counts["brainstorming"] == 61 and counts["open_qa"] == 43
    # instruction, blank line, input (user_oriented_task_0 has an input)
    system, user, cat = rows[0]
    assert user.startswith("The sentence you are given might be too wordy")
    assert "\n\nIf you have any questions about my rate" in user
    assert cat == "content_editing"
    # 44 instructions have an empty input: the prompt is the instruction alone
    assert sum("\n\n" not in u for _, u, _ in rows) >= 40


def test_mt_bench(shared: Path) -> None:
    rows = ev.mt_bench(shared)
    assert len(rows) == 80
    _only_taxonomy(rows)
    assert Counter(cat for _, _, cat in rows) == {
        "reasoning": 20, "open_qa": 20, "chat": 10, "code_generation": 10,
        "entity_extraction": 10, "creative_writing": 8, "email_drafting": 2,
    }
    # first turn only
    assert rows[0][1].startswith("Compose an engaging travel blog post about a recent trip")
    assert "Start every sentence with the letter A" not in rows[0][1]
    assert rows[1][2] == "email_drafting"  # question 82: "Draft a professional email ..."


def test_vicuna(shared: Path) -> None:
    rows = ev.vicuna(shared)
    assert len(rows) == 80
    _only_taxonomy(rows)
    assert Counter(cat for _, _, cat in rows) == {
        "open_qa": 50, "chat": 10, "code_generation": 7, "creative_writing": 7,
        "email_drafting": 3, "reasoning": 3,
    }


def test_every_source_category_is_mapped() -> None:
    assert set(ev.MT_BENCH_MAP.values()) <= set(CATEGORIES)
    assert set(ev.VICUNA_MAP.values()) <= set(CATEGORIES)
    with pytest.raises(ValueError, match="unmapped"):
        ev._map_writing("poetry", "x", ev.VICUNA_MAP, "test")


# --- held-out templates (stand-ins for training_data and train) --------------------------


@dataclass(frozen=True)
class _Example:
    system: str | None
    user: str
    category: str
    template: str


def _stand_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    def examples(seed: int = 0, per_template: int = 12) -> list[_Example]:
        return [
            _Example("You triage tickets.", f"ticket {seed}-{i}", "classification", "triage_api")
            for i in range(per_template)
        ] + [
            _Example(None, f"translate {i}", "translation", "translate_chat")
            for i in range(per_template)
        ] + [
            _Example(None, f"poem {i}", "creative_writing", "poem_api") for i in range(per_template)
        ]

    td = types.ModuleType("analyzer.classify.training_data")
    td.examples = examples  # type: ignore[attr-defined]
    tr = types.ModuleType("analyzer.classify.train")
    tr.HELD_OUT = frozenset({"triage_api", "poem_api"})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "analyzer.classify.training_data", td)
    monkeypatch.setitem(sys.modules, "analyzer.classify.train", tr)


def test_held_out_keeps_only_held_out_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    _stand_ins(monkeypatch)
    rows = ev.held_out(seed=3, per_template=4)
    assert len(rows) == 8
    assert Counter(cat for _, _, cat in rows) == {"classification": 4, "creative_writing": 4}
    assert rows[0] == ("You triage tickets.", "ticket 3-0", "classification")


# --- sample week (ingest replaced by a stand-in) -------------------------------------------


def _week(tmp_path: Path, expected: dict[str, str]) -> Path:
    week = tmp_path / "sample_logs" / "week"
    (week / "logs").mkdir(parents=True)
    with gzip.open(week / "expected_categories.csv.gz", "wt", newline="") as f:
        f.write("request_id,category\n")
        for rid, cat in expected.items():
            f.write(f"{rid},{cat}\n")
    return tmp_path


def _fake_ingest(monkeypatch: pytest.MonkeyPatch, rows: pl.DataFrame) -> list[list[Path]]:
    calls: list[list[Path]] = []

    def classified(path: Path) -> pl.DataFrame:
        calls.append([path])
        return rows

    monkeypatch.setattr(ev, "classified_rows", classified)
    return calls


def test_sample_week_joins_on_request_id_and_batch_custom_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _week(tmp_path, {
        "chatcmpl-1": "chat", "chatcmpl-2": "chat", "msg_3": "summarization",
        "nightly-000001": "classification", "never-ingested": "other",
    })
    rows = pl.DataFrame({
        "request_id": ["chatcmpl-1", "chatcmpl-2", "msg_3", "batch_req_x", "err:abc"],
        "metadata": ['{"project":"askme"}', None, "{}", '{"custom_id":"nightly-000001"}', "{}"],
        "category": ["chat", "open_qa", "summarization", "classification", "other"],
    })
    calls = _fake_ingest(monkeypatch, rows)
    w = ev.sample_week(root)
    assert calls == [[root / "sample_logs" / "week" / "logs"]]
    # 4 rows compared (the batch row through its custom_id), 3 right
    assert (w.rows, w.matched, w.unmatched_rows, w.missing_expected) == (5, 4, 1, 1)
    assert w.share == pytest.approx(3 / 4)
    assert w.scores.per_category["chat"].recall == pytest.approx(1 / 2)
    assert w.scores.per_category["classification"].recall == 1.0
    assert w.scores.confusion == [("chat", "open_qa", 1)]


# --- main (classifier replaced by a stand-in) ---------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    category: str
    source: str
    confidence: float


def _fake_classifier(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[dict[str, object]]:
    calls: list[dict[str, object]] = []

    def classify_texts(  # type: ignore[no-untyped-def]
        items, *, has_tools=None, message_count=None
    ):
        calls.append({"n": len(items), "has_tools": has_tools, "message_count": message_count})
        return [_Verdict(answer, "rule", 1.0) for _ in items]

    mod = types.ModuleType("analyzer.classify.classifier")
    mod.classify_texts = classify_texts  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "analyzer.classify.classifier", mod)
    return calls


def test_main_prints_sets_and_targets(
    shared: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_classifier(monkeypatch, "open_qa")
    code = ev.main(["--shared", str(shared), "--only", "mt_bench_vicuna,self_instruct"])
    out = capsys.readouterr().out
    assert code == 1  # a constant answer misses every target
    assert "== mt_bench: n=80" in out and "== vicuna: n=80" in out
    assert "== mt_bench+vicuna: n=160" in out and "== self_instruct: n=252" in out
    assert "target mt_bench_vicuna: macro-F1" in out and "MISS" in out
    assert "summary: mt_bench_vicuna MISS, self_instruct MISS" in out
    # per-category table sorted by support: open_qa (20 + 50 = 70) first for the combined set
    combined = out.split("== mt_bench+vicuna")[1]
    first_row = combined.splitlines()[2].split()
    assert first_row[0] == "open_qa" and first_row[4] == "70"


def test_main_held_out_with_stand_ins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stand_ins(monkeypatch)
    calls = _fake_classifier(monkeypatch, "classification")
    assert ev.main(["--only", "held_out"]) == 1  # creative_writing rows are missed
    out = capsys.readouterr().out
    assert calls[0]["n"] == 24 and "held_out (seed 0, 2 templates)" in out
    assert "MISS" in out


def test_main_reports_unmeasured_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _fake_classifier(monkeypatch, "open_qa")
    assert ev.main(["--shared", str(tmp_path / "nowhere"), "--only", "self_instruct"]) == 1
    out = capsys.readouterr().out
    assert "self_instruct: not measured" in out and "summary: self_instruct ERROR" in out
    with pytest.raises(SystemExit):
        ev.main(["--only", "bogus"])
