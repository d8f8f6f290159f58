"""Invariants over generated files: every line is accounted for, totals are the sum of parts."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.pipeline import ingest

from .test_workspace import chat_line

KINDS = st.sampled_from(["good", "good", "good", "dup", "blank", "badjson", "negative", "string", "error"])


def render(kind: str, i: int, tokens: int) -> tuple[str, int | None]:
    """A line of the given kind and the input tokens it should contribute (None: not ingested)."""
    if kind == "good":
        return chat_line(i, prompt=tokens), tokens
    if kind == "dup":
        return chat_line(0, prompt=7), None  # repeats request 0 (see below)
    if kind == "blank":
        return "   ", None
    if kind == "badjson":
        return '{"timestamp": "2026-10-05', None
    if kind == "negative":
        return chat_line(i, prompt=-tokens - 1), None
    if kind == "string":
        return chat_line(i).replace('"prompt_tokens": 100', '"prompt_tokens": "many"'), None
    line = json.dumps({"timestamp": "2026-10-05T00:00:00Z", "request": {"model": "gpt-4o"},
                       "response": None, "error": {"message": "x"}, "status_code": 500, "id": f"e{i}"})
    return line, 0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(KINDS, st.integers(0, 10_000)), max_size=60))
def test_every_line_accounted_for(spec: list[tuple[str, int]]) -> None:
    lines = [chat_line(0, prompt=7)]  # request 0, so "dup" lines are real duplicates
    expected_input = 7
    for i, (kind, tokens) in enumerate(spec, start=1):
        line, contributes = render(kind, i, tokens)
        lines.append(line)
        if contributes is not None and kind == "good":
            expected_input += contributes
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "gen.jsonl"
        path.write_text("\n".join(lines) + "\n")
        result = ingest([path])
    (f,) = result.files
    assert f.lines_read == len(lines)
    assert f.lines_read == f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped
    kinds = [k for k, _ in spec]
    assert f.duplicates == kinds.count("dup")
    assert f.skipped == kinds.count("blank")
    assert f.rows_rejected == sum(kinds.count(k) for k in ("badjson", "negative", "string"))
    assert f.rows_ingested == 1 + kinds.count("good") + kinds.count("error")
    assert result.rows["input_tokens"].sum() == expected_input
    assert sorted(r.line for r in f.rejections) == [r.line for r in f.rejections]
