"""Streaming ingest: many files read as one stream (line ids), rows staged by request-id
bucket, spilled to disk and settled a group of buckets at a time, the workspace id index."""

from __future__ import annotations

import gzip
import json
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest import detect, jsonl, pipeline, read, staging
from analyzer.ingest.pipeline import FileReport, IngestResult, ingest
from analyzer.ingest.staging import BUCKETS, Staging, index_buckets, with_bucket
from analyzer.schema import COLUMNS
from analyzer.workspace import MANIFEST, Workspace

from .test_workspace import chat_line, write

BAD_JSON = '{"timestamp": "2026-10-05'  # cut mid-string: invalid JSON


# ---------------------------------------------------------------------------- helpers


def assert_accounted(files: list[FileReport]) -> None:
    for f in files:
        parts = f.rows_ingested + f.rows_rejected + f.duplicates + f.skipped
        assert f.lines_read == parts, f.as_json()


def report_of(result: IngestResult, path: Path) -> FileReport:
    (report,) = [f for f in result.files if f.path == str(path)]
    return report


def counts(f: FileReport) -> tuple[int, int, int, int, int]:
    return (f.lines_read, f.rows_ingested, f.rows_rejected, f.duplicates, f.skipped)


def row(rows: pl.DataFrame, request_id: str) -> dict:  # type: ignore[type-arg]
    (hit,) = rows.filter(pl.col("request_id") == request_id).iter_rows(named=True)
    return hit


@contextmanager
def tiny_staging(mp: pytest.MonkeyPatch, block_bytes: int = 2048) -> Iterator[dict[str, list[Any]]]:
    """Spill on every add, settle ~16 KB of buckets per group, read JSONL in ~``block_bytes`` blocks.

    ``Staging.__init__`` binds ``spill_bytes=SPILL_BYTES`` at import, and ``line_blocks`` /
    ``iter_line_chunks`` bind their block sizes the same way, so the defaults themselves are
    patched; ``GROUP_BYTES`` is read at call time. Yields the blocks taken, spills and settles."""
    seen: dict[str, list[Any]] = {"takes": [], "spills": [], "settles": []}
    spill, settle, commit = Staging._spill, pipeline._Run._settle, pipeline._Run.commit

    def spy_commit(self: pipeline._Run, block: pipeline._Block) -> None:
        seen["takes"].append(dict(block.lines_by_file))
        commit(self, block)

    def spy_spill(self: Staging) -> None:
        spill(self)
        seen["spills"].append(self._dir)  # set by the first spill when none was given

    def spy_settle(self: pipeline._Run, rows: pl.DataFrame, inputs: pl.DataFrame | None
                   ) -> pl.DataFrame:
        seen["settles"].append(rows.height)
        return settle(self, rows, inputs)

    mp.setattr(Staging.__init__, "__defaults__", (None, 1))  # (directory, spill_bytes)
    mp.setattr(staging, "GROUP_BYTES", 16 * 1024)  # a few buckets per group
    mp.setattr(pipeline, "TEMPLATE_FRAMES", 2)  # the template tables merged as they come
    mp.setattr(read.line_blocks, "__defaults__", (block_bytes,))
    mp.setattr(jsonl.iter_line_chunks, "__defaults__", (1024, None))  # chunk_bytes, max_line
    mp.setattr(Staging, "_spill", spy_spill)
    mp.setattr(pipeline._Run, "_settle", spy_settle)
    mp.setattr(pipeline._Run, "commit", spy_commit)
    yield seen


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def sorted_rows(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.select(COLUMNS).sort("request_id")


# ------------------------------------------------------- 1. many files, one stream


def test_per_file_reports_rejections_and_source_lines_in_one_stream(tmp_path: Path) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    a = write(d / "a.jsonl", [chat_line(i) for i in range(3)])
    b = write(d / "b.jsonl", [chat_line(10), BAD_JSON, chat_line(11), "", chat_line(12)])
    c = write(d / "c.jsonl", [chat_line(i) for i in range(20, 24)])
    result = ingest([d])
    assert not result.errors
    assert [f.path for f in result.files] == [str(a), str(b), str(c)]
    assert {f.format for f in result.files} == {"openai_chat"}
    assert_accounted(result.files)
    # (lines_read, rows_ingested, rows_rejected, duplicates, skipped)
    assert counts(report_of(result, a)) == (3, 3, 0, 0, 0)
    # b: 5 lines = 3 rows (lines 1, 3, 5) + the bad JSON of line 2 + the blank line 4
    assert counts(report_of(result, b)) == (5, 3, 1, 0, 1)
    assert counts(report_of(result, c)) == (4, 4, 0, 0, 0)
    # the rejection names line 2 of b (not a line id, not another file)
    assert [r.line for r in report_of(result, b).rejections] == [2]
    assert report_of(result, b).rejections[0].reason.startswith("invalid JSON")
    assert report_of(result, a).rejections == report_of(result, c).rejections == []

    rows = result.rows
    assert rows.height == 3 + 3 + 4
    for rid, path, line in [("chatcmpl-1", a, 2), ("chatcmpl-11", b, 3), ("chatcmpl-12", b, 5),
                            ("chatcmpl-23", c, 4)]:
        r = row(rows, rid)
        assert (r["source_file"], r["source_line"]) == (str(path), line), rid


def test_file_boundaries_inside_one_block(tmp_path: Path) -> None:
    # a has no final newline and c starts with a BOM: read as one block, a's last line must not
    # run into b's first line, and c's first line is still line 1 and valid
    d = tmp_path / "logs"
    d.mkdir()
    a = d / "a.jsonl"
    a.write_text("\n".join([chat_line(1), chat_line(2)]))  # no trailing "\n"
    b = write(d / "b.jsonl", [chat_line(3)])
    c = d / "c.jsonl"
    c.write_bytes(b"\xef\xbb\xbf" + (chat_line(4) + "\n" + chat_line(5) + "\n").encode())
    result = ingest([d])
    assert not result.errors
    assert [counts(f) for f in result.files] == [(2, 2, 0, 0, 0), (1, 1, 0, 0, 0), (2, 2, 0, 0, 0)]
    rows = result.rows
    for rid, path, line in [("chatcmpl-2", a, 2), ("chatcmpl-3", b, 1), ("chatcmpl-4", c, 1)]:
        r = row(rows, rid)
        assert (r["source_file"], r["source_line"]) == (str(path), line), rid


def test_duplicates_across_files_count_against_the_later_file(tmp_path: Path) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    a = write(d / "a.jsonl", [chat_line(i, prompt=100) for i in range(4)])
    b = write(d / "b.jsonl", [chat_line(i, prompt=999) for i in range(2, 6)])  # 2, 3 repeat a's
    result = ingest([d])
    assert_accounted(result.files)
    assert counts(report_of(result, a)) == (4, 4, 0, 0, 0)
    assert counts(report_of(result, b)) == (4, 2, 0, 2, 0)
    # the first copy (file order) is kept: a's, with 100 prompt tokens
    assert row(result.rows, "chatcmpl-3")["source_file"] == str(a)
    assert row(result.rows, "chatcmpl-3")["input_tokens"] == 100


# ------------------------------------------------------- 2. a truncated .gz among good files


def truncated_gz(path: Path, lines: list[str]) -> Path:
    data = gzip.compress(("\n".join(lines) + "\n").encode())
    path.write_bytes(data[: len(data) // 2])
    return path


def test_small_truncated_gz_is_an_error_the_other_files_land(tmp_path: Path) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    a = write(d / "a.jsonl", [chat_line(i) for i in range(5)])
    bad = truncated_gz(d / "b.jsonl.gz", [chat_line(i) for i in range(100, 150)])
    c = write(d / "c.jsonl", [chat_line(i) for i in range(200, 206)])
    result = ingest([d])
    assert [e.path for e in result.errors] == [str(bad)]
    assert "truncated" in str(result.errors[0]) or "corrupt" in str(result.errors[0])
    assert [f.path for f in result.files] == [str(a), str(c)]
    assert_accounted(result.files)
    rows = result.rows
    assert str(bad) not in set(rows["source_file"])
    assert rows.height == 5 + 6
    assert counts(report_of(result, a)) == (5, 5, 0, 0, 0)
    assert counts(report_of(result, c)) == (6, 6, 0, 0, 0)


@pytest.mark.parametrize("small_blocks", [False, True])
def test_gz_truncated_mid_stream_drops_all_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_blocks: bool
) -> None:
    # 4,000 lines (~1 MB) gzipped and cut in half: the 256 KB sniffing head still decodes, so
    # the file is only found broken while its lines are streamed. With small blocks, some of
    # its lines were already parsed and staged before the error: none of them may land.
    # The broken file holds ids 0..3999 and comes before c, which repeats ids 0..9: if any
    # of the broken file's rows survived, c's copies would be counted as duplicates.
    seen: list[tuple[str, int]] = []
    if small_blocks:
        monkeypatch.setattr(read.line_blocks, "__defaults__", (64 * 1024,))
        monkeypatch.setattr(jsonl.iter_line_chunks, "__defaults__", (16 * 1024, None))
    d = tmp_path / "logs"
    d.mkdir()
    a = write(d / "a.jsonl", [chat_line(i) for i in range(10_000, 10_005)])
    bad = truncated_gz(d / "b.jsonl.gz", [chat_line(i, prompt=i) for i in range(4000)])
    c = write(d / "c.jsonl", [chat_line(i) for i in range(10)])
    readable = zlib.decompressobj(wbits=31).decompress(bad.read_bytes())
    assert len(readable) > 2 * detect.HEAD_BYTES  # sniffing succeeds: it breaks while streamed
    result = ingest([d], progress=lambda path, n: seen.append((path, n)))
    if small_blocks:  # lines of the broken file were parsed and staged before it broke
        assert sum(n for path, n in seen if path == str(bad)) > 1000
    assert [e.path for e in result.errors] == [str(bad)]
    assert [f.path for f in result.files] == [str(a), str(c)]
    assert_accounted(result.files)
    assert counts(report_of(result, a)) == (5, 5, 0, 0, 0)
    assert counts(report_of(result, c)) == (10, 10, 0, 0, 0)
    rows = result.rows
    assert rows.height == 15 and str(bad) not in set(rows["source_file"])
    from_c = rows.filter(pl.col("source_file") == str(c))["request_id"]
    assert set(from_c) == {f"chatcmpl-{i}" for i in range(10)}

    ws = Workspace(tmp_path / "ws")
    ws.add(result)
    assert ws.raw_requests().collect().height == 15
    assert [f["path"] for f in ws.files()] == [str(a), str(c)]


# ------------------------------------------------------- 3. Claude Code snapshots across files


def cc_user(uuid: str, session: str, text: str) -> str:
    return json.dumps({
        "parentUuid": None, "isSidechain": False, "userType": "external", "cwd": "/home/dev/shop",
        "sessionId": session, "version": "2.0.30", "type": "user", "uuid": uuid,
        "timestamp": "2025-10-02T14:03:00.000Z", "message": {"role": "user", "content": text},
    })


def cc_assistant(uuid: str, session: str, msg: str, req: str, output: int, second: int = 5) -> str:
    return json.dumps({
        "parentUuid": None, "isSidechain": False, "userType": "external", "cwd": "/home/dev/shop",
        "sessionId": session, "version": "2.0.30", "type": "assistant", "uuid": uuid,
        "timestamp": f"2025-10-02T14:03:{second:02d}.000Z", "requestId": req,
        "message": {"id": msg, "type": "message", "role": "assistant",
                    "model": "claude-sonnet-4-5-20250929",
                    "content": [{"type": "text", "text": "ok"}],
                    "usage": {"input_tokens": 4, "cache_read_input_tokens": 1000,
                              "cache_creation_input_tokens": 0, "output_tokens": output,
                              "service_tier": "standard"}},
    })


@pytest.mark.parametrize("spill", [False, True], ids=["memory", "spilled"])
@pytest.mark.parametrize("larger_in", ["first", "second"])
def test_claude_code_largest_snapshot_kept_across_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, larger_in: str, spill: bool
) -> None:
    # s1.jsonl and s2.jsonl (read in that order) each hold: a user line (skipped), a snapshot
    # of msg_SHARED (same message.id and requestId) and a message of their own.
    # The snapshot with output 120 is kept wherever it is; the one with output 30 is a
    # duplicate of its own file.
    out1, out2 = (120, 30) if larger_in == "first" else (30, 120)
    d = tmp_path / "proj"
    d.mkdir()
    s1 = write(d / "s1.jsonl", [cc_user("u1", "sess-1", "fix it"),
                                cc_assistant("a1", "sess-1", "msg_SHARED", "req_SHARED", out1, 5),
                                cc_assistant("a2", "sess-1", "msg_ONE", "req_ONE", 7, 6)])
    s2 = write(d / "s2.jsonl", [cc_user("u2", "sess-2", "go on"),
                                cc_assistant("b1", "sess-2", "msg_SHARED", "req_SHARED", out2, 5),
                                cc_assistant("b2", "sess-2", "msg_TWO", "req_TWO", 9, 6)])
    # spilled: every block of whole lines (~1 KB, one or two lines) is staged and spilled on its
    # own, so the two copies meet only when their bucket is settled
    with tiny_staging(monkeypatch, block_bytes=1) if spill else _nothing() as seen:
        result = ingest([d])
        rows = result.rows
    if seen is not None:
        assert not any(len(t) > 1 for t in seen["takes"])  # no block holds lines of both files
        assert len(seen["takes"]) >= 2
    assert not result.errors
    assert {f.format for f in result.files} == {"claude_code"}
    assert_accounted(result.files)
    winner, loser = (s1, s2) if larger_in == "first" else (s2, s1)
    # (lines_read, rows_ingested, rows_rejected, duplicates, skipped)
    assert counts(report_of(result, winner)) == (3, 2, 0, 0, 1)  # msg_SHARED + its own message
    assert counts(report_of(result, loser)) == (3, 1, 0, 1, 1)  # its own message; the 30 copy
    assert rows.height == 3
    shared = row(rows, "msg_SHARED")
    assert shared["output_tokens"] == 120
    assert shared["input_tokens"] == 4 + 1000
    assert (shared["source_file"], shared["source_line"]) == (str(winner), 2)
    assert rows["output_tokens"].sum() == 120 + 7 + 9
    result.close()  # the spilled run's temporary folders


# ------------------------------------------------------- 4. spill to disk, settle in groups


def spread_files(d: Path) -> list[Path]:
    """5 files of ids 40k..40k+44 (capped at 199): 220 lines, 200 distinct requests.

    Each file after the first repeats the first 5 ids of the one before it."""
    d.mkdir()
    return [write(d / f"f{k}.jsonl", [chat_line(i, day=5 + i % 3, prompt=100 + i)
                                      for i in range(40 * k, min(40 * k + 45, 200))])
            for k in range(5)]


def test_spilled_run_equals_in_memory_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = spread_files(tmp_path / "logs")
    plain = ingest([tmp_path / "logs"])
    plain_rows = sorted_rows(plain.rows)
    # (lines_read, rows_ingested, rows_rejected, duplicates, skipped) per file:
    # f0 45 new; f1..f3 45 lines, 5 seen in the file before; f4 ids 160..199: 40 lines, 5 seen
    expected = [(45, 45, 0, 0, 0), (45, 40, 0, 5, 0), (45, 40, 0, 5, 0), (45, 40, 0, 5, 0),
                (40, 35, 0, 5, 0)]
    assert [counts(f) for f in plain.files] == expected
    assert plain_rows.height == 200 and plain_rows["request_id"].n_unique() == 200

    ws = Workspace(tmp_path / "ws")
    stage = ws.staging_dir()
    with tiny_staging(monkeypatch) as seen:
        spilled = ingest([tmp_path / "logs"], stage_dir=stage)
        # the read staging spilled under stage/read (removed when the run was settled); the
        # settled rows are in parquet files under stage/settled until they are stored
        assert stage / "read" in seen["spills"]
        assert len([s for s in seen["spills"] if s == stage / "read"]) > 1
        assert not (stage / "read").exists()
        assert len(list((stage / "settled").glob("*.parquet"))) > 1
        assert len(seen["settles"]) > 1  # settled in several bucket groups
        groups = list(spilled.groups())
        assert len(groups) > 1
        assert sum(g.height for g in groups) == 200
        # a bucket lives in one group only
        buckets = [set(g["_bucket"].unique()) for g in groups]
        assert sum(len(b) for b in buckets) == len(set().union(*buckets))
        assert [counts(f) for f in spilled.files] == expected
        assert sorted_rows(spilled.rows).equals(plain_rows)
        # the template tables, merged every two chunks here, come out as the plain run's
        by_id = ["template_id", "template_key", "sample_text", "requests", "has_tools", "message_count"]
        assert spilled.templates.select(by_id).sort("template_id").equals(
            plain.templates.select(by_id).sort("template_id"))

        ws.add(spilled)
        assert not stage.exists()  # the run's staging is gone after add
        stored = ws.raw_requests().collect()
        assert stored.height == 200 and stored["request_id"].n_unique() == 200
        assert sorted_rows(stored).equals(plain_rows)
        assert ws.manifest()["runs"][-1]["rows"] == 200

        again_stage = ws.staging_dir()
        again = ws.add(ingest(files, stage_dir=again_stage))
        assert not again_stage.exists()
    assert_accounted(again.files)
    # every line is a duplicate now: within the run (5 per later file) or of the workspace
    assert [(f.rows_ingested, f.duplicates) for f in again.files] == [
        (0, 45), (0, 45), (0, 45), (0, 45), (0, 40)]
    assert ws.raw_requests().collect().height == 200
    assert ws.manifest()["runs"][-1]["rows"] == 0


def test_spilled_run_without_stage_dir_cleans_its_temp_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spread_files(tmp_path / "logs")
    with tiny_staging(monkeypatch) as seen:
        result = ingest([tmp_path / "logs"])
        assert result.rows.height == 200
        folders = {Path(str(s)) for s in seen["spills"]}
        assert len(folders) == 2  # a temporary folder for the read rows, one for the settled
        assert sum(f.exists() for f in folders) == 1  # the read rows' is gone once settled
        result.close()
    assert not any(f.exists() for f in folders)


# ------------------------------------------------------- 5. a workspace without an id index


def test_legacy_workspace_gets_its_id_index_once(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(12)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([f]))
    manifest = json.loads((ws.root / MANIFEST).read_text())
    assert manifest["ids"]
    del manifest["ids"]  # as written before there was an id index
    (ws.root / MANIFEST).write_text(json.dumps(manifest))
    for p in (ws.root / "ids").glob("*"):
        p.unlink()
    (ws.root / "ids").rmdir()

    again = ws.add(ingest([f]))
    assert (again.files[0].rows_ingested, again.files[0].duplicates) == (0, 12)
    assert_accounted(again.files)
    assert ws.raw_requests().collect().height == 12
    ids = ws.manifest()["ids"]
    assert ids and all((ws.root / p).exists() for p in ids)
    indexed = pl.read_parquet([str(ws.root / p) for p in ids])
    assert sorted(indexed["request_id"]) == sorted(f"chatcmpl-{i}" for i in range(12))
    # the rebuilt index is used by the next run too: new rows land, old ones are duplicates
    more = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(10, 15)])
    third = ws.add(ingest([more]))
    assert (third.files[0].rows_ingested, third.files[0].duplicates) == (3, 2)
    assert ws.raw_requests().collect().height == 15


# ------------------------------------------------------- 6. bucket stability


def test_buckets_are_fixed_functions_of_the_id_tail() -> None:
    ids = ["chatcmpl-0", "chatcmpl-1", "msg_01A", "abc", "x", "zz-10", "yy-10"]
    frame = with_bucket(pl.DataFrame({"request_id": ids}))
    assert frame["_bucket"].dtype == pl.UInt8
    # BLAKE2b (2-byte digest) of the last two characters, first byte: never changes, since
    # the workspace's id index is stored by bucket; mod 16 it is what indexes written with
    # 16 buckets hold, which a lookup also asks for
    assert dict(frame.iter_rows()) == {
        "chatcmpl-0": 245, "chatcmpl-1": 25, "msg_01A": 24, "abc": 85, "x": 38, "zz-10": 108, "yy-10": 108,
    }
    assert {k: v % 16 for k, v in frame.iter_rows()} == {
        "chatcmpl-0": 5, "chatcmpl-1": 9, "msg_01A": 8, "abc": 5, "x": 6, "zz-10": 12, "yy-10": 12,
    }
    assert index_buckets([245, 25]) == [5, 9, 25, 245]


def test_buckets_in_range_and_shared_by_a_common_tail() -> None:
    ids = [f"req-{a}{b}" for a in "0123456789abcdef" for b in "0123456789abcdefghijklmnopqrstuv"]
    frame = with_bucket(pl.DataFrame({"request_id": ids}))
    assert set(frame["_bucket"]) <= set(range(BUCKETS))
    assert len(set(frame["_bucket"])) > BUCKETS * 0.8  # 512 distinct tails reach most buckets
    per_tail = frame.group_by(pl.col("request_id").str.tail(2)).agg(pl.col("_bucket").n_unique())
    assert per_tail["_bucket"].max() == 1
    # the column can be named
    named = with_bucket(pl.DataFrame({"id": ["chatcmpl-0"]}), column="id")
    assert named["_bucket"].to_list() == [245]


# ------------------------------------------------------- 7. property: spill changes nothing


REQUEST = st.tuples(st.integers(0, 14), st.integers(1, 999))  # (id from a small pool, prompt)
LINE = st.one_of(REQUEST, REQUEST, REQUEST, st.just("bad"), st.just("blank"))
# every file starts with a request: a JSONL file whose first line is bad JSON is not
# recognised at all (detect._jsonl_records), which is not what this test is about
FILE = st.tuples(REQUEST, st.lists(LINE, max_size=11)).map(lambda t: [t[0], *t[1]])
FILES = st.lists(FILE, min_size=1, max_size=5)


def _run(folder: Path, ws_root: Path, spill: bool) -> tuple[IngestResult, pl.DataFrame]:
    ws = Workspace(ws_root)
    with pytest.MonkeyPatch.context() as mp:
        if spill:
            with tiny_staging(mp):
                result = ingest([folder], stage_dir=ws.staging_dir())
                ws.add(result)
        else:
            result = ingest([folder])
            ws.add(result)
    return result, sorted_rows(ws.raw_requests().collect())


@settings(max_examples=25, deadline=None)
@given(FILES)
def test_spilling_changes_nothing(spec: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "logs"
        folder.mkdir()
        first_prompt: dict[int, int] = {}  # id -> prompt of its first good line (file, line order)
        for k, lines in enumerate(spec):
            text = []
            for item in lines:
                if item == "bad":
                    text.append(BAD_JSON)
                elif item == "blank":
                    text.append("")
                else:
                    i, prompt = item  # type: ignore[misc]
                    text.append(chat_line(i, prompt=prompt))
                    first_prompt.setdefault(i, prompt)
            write(folder / f"f{k}.jsonl", text)

        plain, plain_rows = _run(folder, Path(tmp) / "ws-plain", spill=False)
        spilled, spilled_rows = _run(folder, Path(tmp) / "ws-spilled", spill=True)

    for result in (plain, spilled):
        assert not result.errors
        assert len(result.files) == len(spec)
        assert_accounted(result.files)
        for f, lines in zip(result.files, spec):
            assert f.lines_read == len(lines)
            assert f.rows_rejected == lines.count("bad")
            assert f.skipped == lines.count("blank")
            bad = [n for n, x in enumerate(lines, start=1) if x == "bad"]
            assert [r.line for r in f.rejections] == bad
        assert sum(f.rows_ingested for f in result.files) == len(first_prompt)
    assert [counts(f) for f in plain.files] == [counts(f) for f in spilled.files]
    assert plain_rows.equals(spilled_rows)
    # the first copy of each id is kept
    assert dict(plain_rows.select("request_id", "input_tokens").iter_rows()) == {
        f"chatcmpl-{i}": p for i, p in first_prompt.items()}


def test_an_id_index_written_with_16_buckets_still_finds_its_ids(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(40)])
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([f]))
    for p in ws.manifest()["ids"]:  # as 0.7.0 wrote it: the bucket mod 16
        path = ws.root / p
        old = pl.read_parquet(path).with_columns(pl.col("_bucket") % 16).sort("_bucket")
        old.write_parquet(path)
    again = ws.add(ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(30, 50)])]))
    assert (again.files[0].rows_ingested, again.files[0].duplicates) == (10, 10)
    assert ws.raw_requests().collect().height == 50
