"""The rollup gives what the raw rows give, for every report dimension, and its money is
the same digits every time it is read."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from analyzer import aggregate, rollup
from analyzer.classify.assign import categorize
from analyzer.cli import app
from analyzer.ingest.pipeline import ingest
from analyzer.pricing import catalog
from analyzer.quality import evidence
from analyzer.schema import CANONICAL_SCHEMA
from analyzer.workspace import Workspace

from .test_workspace import chat_line

START = datetime(2026, 10, 5, tzinfo=timezone.utc)
MODELS = [("openai", "gpt-4o"), ("anthropic", "claude-sonnet-4-5"), ("google", "gemini-2.5-pro"),
          ("deepseek", "deepseek-chat"), ("openai", "no-such-model")]  # deepseek: prices by the half hour
METAS = ['{}', '{"project":"a"}', '{"project":"b","feature":"x"}', '{"task":"translation"}',
         '{"task":"Not a category","category":"summarization"}', '{"category":"code_generation","project":"a"}',
         '{"context_window":"200k-1M","project":"b"}', '{"context_window":"0-200k"}']
TEMPLATES = pl.DataFrame({
    "template_id": ["t1", "t2", "t3"], "template_key": ["summarize this", "translate", "hello"],
    "sample_text": ["summarize this", "translate", "hello"],
    "category": ["summarization", "translation", "chat"], "category_source": ["rule", "rule", "model"],
    "category_confidence": [1.0, 1.0, 0.7],
})
BYS = [*aggregate.DIMENSIONS, "meta:project", "meta:feature"]

row = st.fixed_dictionaries({
    "minute": st.integers(0, 3 * 24 * 60),
    "model": st.sampled_from(MODELS),
    "tier": st.sampled_from(["standard", "batch", "flex"]),
    "status": st.sampled_from(["ok", "ok", "ok", "error", "cached"]),
    "template": st.sampled_from(["t1", "t2", "t3", None]),
    "metadata": st.sampled_from(METAS),
    # sizes on both sides of the long-context thresholds (128k, 200k, 272k)
    "input": st.sampled_from([0, 10, 1_000, 127_999, 128_001, 199_999, 200_000, 200_001, 300_000]),
    "cache_read": st.integers(0, 5),
    "output": st.integers(0, 50_000),
    "requests": st.sampled_from([1, 1, 1, 0, 3]),
    "audio": st.sampled_from([0, 0, 7, 900]),  # audio parts of input and output
    "searches": st.sampled_from([0, 0, 0, 2]),  # web searches
    # quality signals, null where a log would not have them
    "finish": st.sampled_from([None, "stop", "stop", "truncated", "content_filter", "tool_use"]),
    "json": st.sampled_from([(None, None), (False, None), (True, True), (True, False), (True, None)]),
    "latency": st.sampled_from([None, 40.0, 125.0, 900.0, 2_500.0, 95_000.0, 200_000.0]),
    "marks": st.sampled_from([(None, False, False), (False, False, False), (True, False, False),
                              (False, True, False), (False, False, True), (None, None, None)]),
    "feedback": st.sampled_from([(None, None), (4.0, None), (None, True), (0.5, False)]),
})


def frame_of(rows: list[dict[str, Any]]) -> pl.DataFrame:
    data = {
        "request_id": [f"r{i}" for i in range(len(rows))],
        "timestamp": [START + timedelta(minutes=r["minute"]) for r in rows],
        "provider": [r["model"][0] for r in rows],
        "model": [r["model"][1] for r in rows],
        "model_raw": [r["model"][1] for r in rows],
        "source_format": ["generic" if i % 2 else "openai_chat" for i in range(len(rows))],
        "source_file": ["f"] * len(rows),
        "source_line": list(range(len(rows))),
        "requests": [r["requests"] for r in rows],
        "input_tokens": [r["input"] * max(r["requests"], 1) for r in rows],
        "cache_read_tokens": [min(r["cache_read"], r["input"]) for r in rows],
        "cache_write_tokens": [0] * len(rows),
        "cache_write_1h_tokens": [0] * len(rows),
        "output_tokens": [r["output"] for r in rows],
        "reasoning_tokens": [0] * len(rows),
        "input_audio_tokens": [min(r.get("audio", 0), r["input"] * max(r["requests"], 1) - min(r["cache_read"], r["input"]))
                               for r in rows],
        "output_audio_tokens": [min(r.get("audio", 0), r["output"]) for r in rows],
        "web_search_requests": [r.get("searches", 0) for r in rows],
        "tokens_estimated": [False] * len(rows),
        "service_tier": [r["tier"] for r in rows],
        "status": [r["status"] for r in rows],
        "latency_ms": [r.get("latency") for r in rows],
        "logged_cost_usd": [None] * len(rows),
        "metadata": [r["metadata"] for r in rows],
        "finish_reason": [r.get("finish") for r in rows],
        "json_requested": [r.get("json", (None, None))[0] for r in rows],
        "json_valid": [r.get("json", (None, None))[1] for r in rows],
        "ttft_ms": [None] * len(rows),
        "is_retry": [r.get("marks", (None, None, None))[0] for r in rows],
        "is_override": [r.get("marks", (None, None, None))[1] for r in rows],
        "was_overridden": [r.get("marks", (None, None, None))[2] for r in rows],
        "feedback_score": [r.get("feedback", (None, None))[0] for r in rows],
        "feedback_flag": [r.get("feedback", (None, None))[1] for r in rows],
        "template_id": [r["template"] for r in rows],
        "prompt_text": [None] * len(rows),
        "message_count": [None] * len(rows),
        "has_tools": [None] * len(rows),
    }
    return pl.DataFrame(data, schema=CANONICAL_SCHEMA)


@settings(max_examples=30, deadline=None)
@given(st.lists(row, min_size=1, max_size=80), st.integers(1, 3))
def test_rollup_reports_what_the_rows_report(rows: list[dict[str, Any]], parts: int) -> None:
    frame = frame_of(rows)
    keys = rollup.choose_keys(rollup.block_stats(frame["metadata"]))
    # cells built in several parts (as several ingest runs would) and read together
    size = -(-frame.height // parts)
    cells = pl.concat([rollup.cells_of(frame.slice(i, size), keys) for i in range(0, frame.height, size)])
    by_category = rollup.by_category(categorize(cells.lazy(), TEMPLATES)).lazy()  # what reports read
    for by, source in [(by, source) for by in BYS for source in (categorize(cells.lazy(), TEMPLATES), by_category)]:
        raw = aggregate.spend_report(categorize(frame.lazy(), TEMPLATES), by=by)
        rolled = aggregate.spend_report(source, by=by)
        money = ("cost_usd", "daily_run_rate_usd", "monthly_projection_usd")
        # every count and token sum is exact; money to the nano-dollar rounding of each row or cell
        assert {k: v for k, v in raw["totals"].items() if k not in money} == \
               {k: v for k, v in rolled["totals"].items() if k not in money}, by
        assert abs(raw["totals"]["cost_usd"] - rolled["totals"]["cost_usd"]) <= frame.height * 1e-9, by
        assert [g["key"] for g in raw["groups"]] == [g["key"] for g in rolled["groups"]] or \
               sorted(g["key"] for g in raw["groups"]) == sorted(g["key"] for g in rolled["groups"]), by
        by_key = {g["key"]: g for g in rolled["groups"]}
        for g in raw["groups"]:
            r = by_key[g["key"]]
            assert {k: v for k, v in g.items() if k != "cost_usd"} == \
                   {k: v for k, v in r.items() if k != "cost_usd"}, (by, g["key"])
            assert abs(g["cost_usd"] - r["cost_usd"]) <= frame.height * 1e-9, (by, g["key"])
        assert raw["unpriced_models"] == rolled["unpriced_models"], by
        assert raw["period"] == rolled["period"], by
    # the quality evidence too, by model, category and day
    by = ["model", "category", "day"]
    raw_rows = categorize(frame.lazy(), TEMPLATES).with_columns(evidence.row_columns())
    for source in (categorize(cells.lazy(), TEMPLATES), by_category):
        days = pl.col("timestamp").dt.date().alias("day")
        assert evidence.table(source.with_columns(days), by).equals(
            evidence.table(raw_rows.with_columns(days), by))


def test_long_context_requests_never_share_a_cell_with_short_ones() -> None:
    rows = [{"minute": 0, "model": MODELS[1], "tier": "standard", "status": "ok", "template": "t1",
             "metadata": "{}", "input": size, "cache_read": 0, "output": 10, "requests": 1}
            for size in (100_000, 250_000)]
    cells = rollup.cells_of(frame_of(rows), ())
    # one 100k and one 250k request: their average (175k) would sit below the 200k tier
    assert cells.height == 2
    assert sorted(cells["input_band"].to_list()) != [cells["input_band"][0]] * 2


def test_reduced_metadata_keeps_rollup_keys_and_marks_labels() -> None:
    frame = pl.DataFrame({"metadata": ['{"project":"a","user":"u1","task":"Weekly digest"}',
                                       '{"task":"translation","context_window":"200k-1M"}']})
    out = frame.select(rollup.reduced_metadata(("project",)).alias("m"))["m"].to_list()
    assert [json.loads(o) for o in out] == [{"project": "a", "task": "~"},
                                            {"context_window": "200k", "task": "translation"}]


def test_report_json_is_byte_identical_across_reads_and_equals_raw(tmp_path: Path) -> None:
    ws_path = tmp_path / "ws"
    lines = [chat_line(i, day=5 + i % 3, prompt=1000 + 37 * i, completion=11 * i) for i in range(40)]
    log = tmp_path / "a.jsonl"
    log.write_text("\n".join(lines) + "\n")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(log), "--workspace", str(ws_path)]).exit_code == 0
    outs = {runner.invoke(app, ["report", "--by", "day", "--json", "--workspace", str(ws_path)]).stdout
            for _ in range(3)}
    assert len(outs) == 1
    ws = Workspace(ws_path)
    assert ws.rollup_keys() is not None
    cells = ws.traffic().collect()
    assert set(cells.columns) == set(rollup.SCHEMA.names())  # the report read the rollup
    raw = aggregate.spend_report(ws.requests(), by="day")
    assert json.loads(outs.pop())["totals"]["requests"] == raw["totals"]["requests"] == 40


def test_rollup_rebuilt_when_its_keys_change(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    a = tmp_path / "a.jsonl"
    a.write_text(chat_line(1) + "\n")
    ws.add(ingest([a]))
    before = ws.rollup_keys()
    # a later run whose rows carry a new low-cardinality key, on most requests
    b = tmp_path / "b.jsonl"
    b.write_text("\n".join(json.dumps(json.loads(chat_line(i)) | {"metadata": {"team": "ml"}})
                           for i in range(2, 12)) + "\n")
    ws.add(ingest([b]))
    after = ws.rollup_keys()
    assert after is not None and "team" in after and after != before
    # every part of the rollup carries the new key's values, including the first run's rows
    report = aggregate.spend_report(ws.categorized(["team"]), by="meta:team")
    assert {g["key"]: g["requests"] for g in report["groups"]} == {"ml": 10, "(none)": 1}
    assert set(ws.traffic(["team"]).collect_schema().names()) == set(rollup.SCHEMA.names())


def test_meta_key_outside_the_rollup_reads_raw_rows(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    a = tmp_path / "a.jsonl"
    a.write_text(chat_line(1) + "\n")
    ws.add(ingest([a]))
    assert "request_id" in ws.traffic(["no_such_key"]).collect_schema().names()
    assert "request_id" not in ws.traffic().collect_schema().names()


def test_reports_read_the_category_cells_cached_until_a_relabel(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    a = tmp_path / "a.jsonl"
    a.write_text("\n".join(chat_line(i, prompt=100 + i) for i in range(6)) + "\n")
    ws.add(ingest([a]))
    (cached,) = (ws.root / "cache").glob("categories-*.parquet")  # written by the ingest
    cells = ws.categorized().collect()
    assert "template_id" not in cells.columns and cells["requests"].sum() == 6
    assert "template_id" in ws.categorized(by_template=True).collect_schema().names()
    before = aggregate.spend_report(ws.categorized(), by="category")
    assert before == aggregate.spend_report(ws.categorized(by_template=True), by="category")
    (template,) = ws.templates()["template_id"].to_list()
    ws.relabel(template, "translation")
    after = aggregate.spend_report(ws.categorized(), by="category")
    assert [(g["key"], g["requests"]) for g in after["groups"]] == [("translation", 6)]
    assert after == aggregate.spend_report(ws.categorized(by_template=True), by="category")
    assert not cached.exists() and len(list((ws.root / "cache").glob("categories-*.parquet"))) == 1


def test_an_ingest_adds_its_cells_to_the_category_cells(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    paths = []
    for run in range(3):
        p = tmp_path / f"{run}.jsonl"
        p.write_text("\n".join(chat_line(10 * run + i, day=5 + i % 2, prompt=50 + i) for i in range(5)) + "\n")
        paths.append(p)
    for p in paths:
        ws.add(ingest([p]))
    (cached,) = (ws.root / "cache").glob("categories-*.parquet")
    incremental = pl.read_parquet(cached)
    cached.unlink()
    again = ws.categorized().collect()  # from the whole rollup
    assert incremental.sort(rollup.CATEGORY_KEYS, nulls_last=True).equals(
        again.sort(rollup.CATEGORY_KEYS, nulls_last=True))
    assert incremental["requests"].sum() == 15


def test_metadata_decoded_once_equals_each_key_looked_up() -> None:
    texts = ['{"project":"a","task":"summarization"}', '{"project":123,"env":true}', '{"project":1e5}',
             '{"project":"é \\"q\\"","context_window":"200k-1M"}', '{}', None, '{"task":"nope","project":null}',
             '{"project":{"a":1}}', '{"project":"x","other":{"deep":[1]}}', '{"a":"x\\":1"}']
    frame = pl.DataFrame({"metadata": texts})
    keys = ("project", "env")
    looked_up = frame.select(rollup.reduced_metadata(keys).alias("m"))["m"]
    decoded = rollup.with_decoded_metadata(frame.lazy(), keys).select(
        rollup.reduced_metadata(keys, pl.col("_meta")).alias("m")).collect()["m"]
    assert decoded.to_list() == looked_up.to_list()
    # a list value, a raw tab or a text that is not JSON fails the decode: cells_of looks keys up
    for text in ['{"project":[1,2]}', '{"project":"a\tb"}', "not json"]:
        with pytest.raises(pl.exceptions.PolarsError):
            rollup.with_decoded_metadata(pl.LazyFrame({"metadata": [text]}), keys).collect()
    odd = pl.DataFrame({"metadata": ['{"project":[1,2]}', '{"project":"a\tb"}', "not json", '{"project":"p"}']})
    assert odd.select(rollup.reduced_metadata(keys).alias("m"))["m"].to_list() == [
        '{"project":"[1,2]"}', "{}", "{}", '{"project":"p"}']


def test_a_row_for_no_requests_does_not_push_its_cell_into_a_long_context_tier() -> None:
    # Two batch rows of 127,999 input tokens (under the 128k threshold), one standing for
    # 0 requests: each is priced at the short tier, batch: 127,999 * $3/M * 0.5 = $0.1919985,
    # $0.383997 for both. Summed into one cell they average 255,998 tokens per request,
    # which the cell's band (that of 127,999 tokens) must not turn into the >200k price
    # ($6/M: twice that).
    rows = [{"minute": 0, "model": MODELS[1], "tier": "batch", "status": "ok", "template": None,
             "metadata": '{"project":"a"}', "input": 127_999, "cache_read": 0, "output": 0, "requests": n}
            for n in (1, 0)]
    frame = frame_of(rows).with_columns(pl.lit("generic").alias("source_format"))
    cells = rollup.cells_of(frame, ("project",))
    # the counted request's band is that of its 127,999 tokens; the row of no requests has no
    # size per request and takes the lowest band (cost.per_request_input): two cells
    bands = dict(zip(cells["requests"].to_list(), cells["input_band"].to_list(), strict=True))
    assert bands == {1: sum(127_999 > t for t in catalog.tier_thresholds()), 0: 0}
    raw = aggregate.spend_report(categorize(frame.lazy(), TEMPLATES), by="model")
    rolled = aggregate.spend_report(categorize(cells.lazy(), TEMPLATES), by="model")
    assert raw["totals"]["cost_usd"] == rolled["totals"]["cost_usd"] == pytest.approx(0.383997, abs=1e-9)


def test_compacted_rollup_reports_what_the_rows_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer import workspace

    monkeypatch.setattr(workspace, "ROLLUP_PARTS", 2)
    monkeypatch.setattr(workspace, "COMPACT_SPANS", 2)
    ws = Workspace(tmp_path / "ws")
    for run in range(4):  # four runs, each a rollup part, over five days
        log = tmp_path / f"run{run}.jsonl"
        log.write_text("\n".join(chat_line(run * 100 + i, day=5 + i % 5, prompt=100 + run, completion=i)
                                 for i in range(20)) + "\n")
        ws.add(ingest([log]))
    parts = ws.manifest()["rollup"]
    assert 1 <= len(parts) <= 2 and all("-compact-" in p for p in parts)  # summed, a span of days each
    cells = pl.concat([pl.read_parquet(ws.root / p) for p in parts])
    assert cells.select(pl.struct(rollup.KEYS).is_unique().all()).item()  # no cell twice
    for by in ("model", "day"):
        raw = aggregate.spend_report(ws.categorize(ws.raw_requests()), by=by)
        rolled = aggregate.spend_report(ws.categorized(), by=by)
        assert raw["groups"] == rolled["groups"] and raw["totals"] == rolled["totals"], by


def test_a_rebuilt_rollup_keeps_a_new_keys_values_from_earlier_runs(tmp_path: Path) -> None:
    # The first run carries "team" on 2 of 10 rows, behind five keys on every row, so "team"
    # is not a rollup key yet (KEY_LIMIT = 5). The second run makes it one: the rollup must be
    # rebuilt from the stored rows, or the first run's two teams vanish from the report.
    def lines(ids: range, meta: dict[str, str], team_every: int) -> str:
        rows = []
        for i in ids:
            extra = {"team": "ops"} if i % team_every == 0 else {}
            rows.append(json.dumps(json.loads(chat_line(i)) | {"metadata": meta | extra}))
        return "\n".join(rows) + "\n"

    ws = Workspace(tmp_path / "ws")
    first = tmp_path / "a.jsonl"
    first.write_text(lines(range(10), {f"k{n}": "x" for n in range(5)}, team_every=5))  # rows 0 and 5
    ws.add(ingest([first]))
    assert "team" not in (ws.rollup_keys() or ())
    second = tmp_path / "b.jsonl"
    second.write_text(lines(range(100, 130), {}, team_every=1).replace('"ops"', '"ml"'))
    ws.add(ingest([second]))
    assert "team" in (ws.rollup_keys() or ())
    report = aggregate.spend_report(ws.categorized(["team"]), by="meta:team")
    assert {g["key"]: g["requests"] for g in report["groups"]} == {"ml": 30, "ops": 2, "(none)": 8}


@settings(max_examples=20, deadline=None)
@given(st.lists(row, min_size=1, max_size=60), st.integers(1, 9))
def test_categorizing_cells_in_batches_sums_the_same(rows: list[dict[str, Any]], batch: int) -> None:
    cells = rollup.cells_of(frame_of(rows), ())
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rollup, "CATEGORY_BATCH", batch)
        batched = rollup.categorized_cells(cells.lazy(), lambda f: categorize(f, TEMPLATES))
    assert batched.equals(rollup.by_category(categorize(cells.lazy(), TEMPLATES)))
