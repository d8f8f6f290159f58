"""Hostile input, generated: valid lines of every adapter's fixtures, mutated (truncated,
wrong types, huge or negative numbers, unicode, deep nesting, bad encodings). Whatever the
mutation, ingest never fails the run, and every line is accounted for:
lines read = ingested + rejected + duplicates + skipped."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.ingest.pipeline import ingest
from tests.conftest import LOGS


def _valid_lines() -> list[bytes]:
    lines: list[bytes] = []
    for path in sorted(LOGS.rglob("*.jsonl")):
        if path.name.startswith("bad"):
            continue
        for line in path.read_bytes().splitlines()[:3]:
            try:
                if isinstance(json.loads(line), dict):
                    lines.append(line)
            except ValueError:
                continue  # a fixture's deliberately bad line
    return lines


VALID = _valid_lines()
NUMBERS = [b"1e19", b"-1e19", b"1e308", b"-5", b"9223372036854775808", b"1.5", b'"12x"', b"null",
           b"[]", b"{}", b'"\\u0000"', b"true", b"NaN", b"Infinity", b"-0"]


def _replace_number(line: bytes, value: bytes, nth: int) -> bytes:
    """The ``nth`` JSON number of ``line`` (after a colon) replaced by ``value``."""
    import re

    spots = [m for m in re.finditer(rb":\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)", line)]
    if not spots:
        return line
    m = spots[nth % len(spots)]
    return line[: m.start(1)] + value + line[m.end(1):]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    line = draw(st.sampled_from(VALID))
    kind = draw(st.sampled_from(["truncate", "number", "unicode", "nesting", "encoding", "keys"]))
    if kind == "truncate":
        return line[: draw(st.integers(0, max(len(line) - 1, 0)))]
    if kind == "number":
        return _replace_number(line, draw(st.sampled_from(NUMBERS)), draw(st.integers(0, 20)))
    if kind == "unicode":
        text = draw(st.text(min_size=1, max_size=20)).encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(line)))
        return line[:at] + text + line[at:]
    if kind == "nesting":
        depth = draw(st.sampled_from([100, 600, 2_000]))
        return _replace_number(line, b"[" * depth + b"1" + b"]" * depth, draw(st.integers(0, 20)))
    if kind == "encoding":
        at = draw(st.integers(0, len(line)))
        return line[:at] + draw(st.sampled_from([b"\xff\xfe", b"\xc3\x28", b"\x80", b"\xed\xa0\x80"])) + line[at:]
    obj = json.loads(line)  # keys: a known field holding the wrong kind of value
    key = draw(st.sampled_from(sorted(obj)))
    obj[key] = draw(st.sampled_from([None, 0, "x", [], {}, [1, {"a": None}], -1e300]))
    return json.dumps(obj).encode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutated(), min_size=1, max_size=4), st.integers(0, 3))
def test_mutated_lines_never_fail_the_run(bad: list[bytes], where: int) -> None:
    good = VALID[where % len(VALID)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutated.jsonl"
        data = b"\n".join([good, *bad, good]) + b"\n"
        path.write_bytes(data)
        result = ingest([path])  # raises only on a bug: the file may be refused, never the run
        for f in result.files:
            assert f.lines_read == f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped, f.as_json()
            assert f.lines_read == data.count(b"\n")  # a mutation may add line breaks
        assert len(result.files) + len(result.errors) == 1


def test_deep_nesting_is_a_rejection() -> None:
    deep = b'{"timestamp": "2026-10-05T10:00:00Z", "model": "gpt-4o-mini", "input_tokens": 1, ' \
           b'"output_tokens": 1, "metadata": ' + b"[" * 5_000 + b"]" * 5_000 + b"}"
    ok = b'{"timestamp": "2026-10-05T10:00:00Z", "model": "gpt-4o-mini", "input_tokens": 2, "output_tokens": 1}'
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deep.jsonl"
        path.write_bytes(ok + b"\n" + deep + b"\n" + ok.replace(b"2,", b"3,") + b"\n")
        result = ingest([path])
        (f,) = result.files
        assert (f.lines_read, f.rows_ingested, f.rows_rejected) == (3, 2, 1)
