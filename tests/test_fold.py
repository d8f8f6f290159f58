"""Chat-like traffic: templates seen once fold into a coarse template per system prompt and
first word; templated traffic, repeats and stored templates are left alone."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl

from analyzer.ingest.fold import FOLD_MIN, FOLDED, fold_singletons
from analyzer.ingest.pipeline import ingest
from analyzer.ingest.template import SEP, digest
from analyzer.workspace import Workspace

SYSTEM = "You are the help assistant of a bike shop."
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett",
         "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"]


def templates(rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    """(template_id, template_key, requests) rows as the run's template table."""
    return pl.DataFrame({
        "template_id": [r[0] for r in rows], "template_key": [r[1] for r in rows],
        "sample_text": [f"sample of {r[0]}" for r in rows], "requests": [r[2] for r in rows],
        "has_tools": [False] * len(rows), "message_count": [2] * len(rows),
    }, schema={"template_id": pl.String, "template_key": pl.String, "sample_text": pl.String,
               "requests": pl.UInt32, "has_tools": pl.Boolean, "message_count": pl.Int32})


def test_singletons_sharing_a_system_prompt_and_first_word_fold_into_one() -> None:
    rows = [(f"t{i:02d}", f"{SYSTEM}{SEP}How do I {w} my gears", 1) for i, w in enumerate(WORDS[:FOLD_MIN + 2])]
    rows += [("r1", f"{SYSTEM}{SEP}Ticket #", 40)]  # a template that repeats
    out, mapping = fold_singletons(templates(rows), known=set())
    key = f"{SYSTEM}{SEP}How{FOLDED}"
    assert set(mapping["template_id"]) == {r[0] for r in rows[:-1]}
    assert set(mapping["folded_id"]) == {digest(key)}
    folded = out.filter(pl.col("template_id") == digest(key)).row(0, named=True)
    assert folded["template_key"] == key and folded["requests"] == FOLD_MIN + 2
    assert folded["sample_text"] == "sample of t00"  # the first member by id
    assert sorted(out["template_id"].to_list()) == sorted([digest(key), "r1"])


def test_small_groups_repeats_and_stored_templates_keep_their_own_id() -> None:
    few = [(f"f{i}", f"{SYSTEM}{SEP}Why is {w} slow", 1) for i, w in enumerate(WORDS[:FOLD_MIN - 1])]
    stored = [(f"s{i}", f"{SYSTEM}{SEP}Can {w} ride", 1) for i, w in enumerate(WORDS[:FOLD_MIN])]
    repeats = [(f"p{i}", f"{SYSTEM}{SEP}Please {w} it", 2) for i, w in enumerate(WORDS[:FOLD_MIN])]
    table = templates(few + stored + repeats)
    out, mapping = fold_singletons(table, known={"s0"})  # one stored: nine left, under FOLD_MIN
    assert mapping.height == 0 and out.equals(table)


def _chat_lines(n: int, first: int = 0) -> list[str]:
    """Single requests to one assistant whose users all ask something different; no response
    id, so request ids are derived from content."""
    return [json.dumps({
        "timestamp": f"2026-10-05T10:{(first + i) // 60 % 60:02d}:{(first + i) % 60:02d}Z",
        "request": {"model": "gpt-4o-mini", "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Where {WORDS[(first + i) % 20]} {WORDS[(first + i) // 20 % 20]} now"}]},
        "response": {"object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": 30, "completion_tokens": 5}},
    }) for i in range(n)]


def test_a_chat_log_becomes_one_template_and_still_dedupes(tmp_path: Path) -> None:
    log = tmp_path / "chat.jsonl"
    log.write_text("\n".join(_chat_lines(40)) + "\n")
    ws = Workspace(tmp_path / "ws")
    first = ws.add(ingest([log], known_templates=ws.template_ids()))
    assert first.files[0].rows_ingested == 40
    stored = ws.templates()
    assert stored.height == 1 and stored["template_key"].item() == f"{SYSTEM}{SEP}Where{FOLDED}"
    rows = ws.requests().collect()
    assert rows["template_id"].unique().to_list() == stored["template_id"].to_list()
    # content-derived ids do not depend on folding: the same file again adds nothing
    again = ws.add(ingest([log], known_templates=ws.template_ids()))
    assert again.files[0].duplicates == 40 and ws.requests().collect().height == 40
    # next week's new questions fold into the same template, classified once
    more = tmp_path / "more.jsonl"
    more.write_text("\n".join(_chat_lines(30, first=40)) + "\n")
    third = ws.add(ingest([more], known_templates=ws.template_ids()))
    assert third.files[0].rows_ingested == 30 and third.templates.height == 0
    assert ws.templates().height == 1
    assert ws.requests().select(pl.col("template_id").n_unique()).collect().item() == 1
