"""Promises the docs (README.md, docs/*.md) and the code make that the rest of the suite did not hold them to.

Each test here was checked against a deliberately broken copy of the code it guards (see
each section's comment): it fails then, and passes on the code as it is.

1. line numbers stay right past the first 8 MB block;
2. one writer at a time (``Workspace._locked``);
3. ``manifest.json`` is replaced atomically (``_atomic_json``), orphans removed next run;
4. a crash anywhere in ``Workspace.add`` leaves the workspace as it was;
5. ``--keep-text`` keeps at most 2,000 characters of the prompt, and only with the flag;
6. ``ingest --json`` lists at most 1,000 rejections while counting every one;
7. a template is stored once.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from typer.testing import CliRunner

from analyzer import workspace as workspace_mod
from analyzer.aggregate import spend_report
from analyzer.cli import REJECTIONS_IN_JSON, app
from analyzer.errors import WorkspaceError
from analyzer.ingest import jsonl, read
from analyzer.ingest.normalize import PROMPT_CHARS
from analyzer.ingest.pipeline import FileReport, ingest
from analyzer.workspace import MANIFEST, Workspace

from .conftest import LOGS
from .test_workspace import chat_line, write

runner = CliRunner()
BAD_JSON = '{"timestamp": "2026-10-05'  # cut mid-string: invalid JSON
COSTS = LOGS / "openai_costs" / "costs.json"
PART_FOLDERS = ("requests", "billed", "templates", "ids", "rollup", "files")


# ---------------------------------------------------------------------------- helpers


def numbered_line(n: int, pad: int = 0) -> str:
    """A chat log line whose request id names its line number ``n``; every line has the same
    prompt (one template), ``pad`` characters longer than a bare one."""
    return json.dumps({
        "timestamp": f"2026-10-05T{n // 3600 % 24:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z",
        "request": {"model": "gpt-4o-mini",
                    "messages": [{"role": "user", "content": "Say hello to the team." + " ." * (pad // 2)}]},
        "response": {"id": f"line-{n}", "object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": 100, "completion_tokens": 10}},
    })


def numbered_file(path: Path, lines: int, bad: set[int], blank: set[int], pad: int = 0) -> Path:
    text = ["" if n in blank else BAD_JSON if n in bad else numbered_line(n, pad) for n in range(1, lines + 1)]
    return write(path, text)


def assert_accounted(f: FileReport | dict[str, Any]) -> None:
    get = f.get if isinstance(f, dict) else lambda k: getattr(f, k)
    assert get("lines_read") == (get("rows_ingested") + get("rows_rejected") + get("duplicates")
                                 + get("skipped")), f


def assert_lines_match_ids(rows: pl.DataFrame, path: Path) -> None:
    """Every row of ``path`` has the line number its request id names (``line-<n>``)."""
    mine = rows.filter(pl.col("source_file") == str(path))
    named = mine["request_id"].str.strip_prefix("line-").cast(pl.Int64)
    wrong = mine.filter(pl.col("source_line") != named).select("request_id", "source_line")
    assert wrong.height == 0, f"{path.name}: rows at the wrong line: {wrong.head(5).rows()}"


def state(ws: Workspace) -> dict[str, Any]:
    """What a reader of the workspace sees: reports, rows, bills, templates, files."""
    ws = Workspace(ws.root)  # a fresh reader: nothing cached from before
    return {
        "report": spend_report(ws.traffic()),
        "by_category": spend_report(ws.categorized(), by="category"),
        "rows": ws.raw_requests().collect().sort("request_id").to_dicts(),
        "billed": ws.billed().collect().sort(pl.all()).to_dicts(),
        "templates": ws.templates().drop("requests", strict=False).sort("template_id").to_dicts(),
        "files": [(f["path"], f["rows_ingested"]) for f in ws.files()],
    }


def unlisted(ws: Workspace) -> set[str]:
    """Part files on disk that the manifest does not list (a crashed run's)."""
    m = json.loads((ws.root / MANIFEST).read_text())
    listed = {p for key in ("parts", "billed", "templates", "ids", "rollup", "file_parts") for p in m.get(key, [])}
    on_disk = {str(p.relative_to(ws.root)) for sub in PART_FOLDERS if (ws.root / sub).is_dir()
               for p in (ws.root / sub).rglob("*.parquet*")}
    return on_disk - listed


def files_under(root: Path) -> dict[str, bytes]:
    """Every file of a workspace but its lock file, with its content."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".lock"}


@contextmanager
def half_written_manifest(mp: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """``json.dump`` in the workspace module writes half the text, then the disk is full."""
    calls: list[str] = []

    def dump(obj: Any, fp: Any, **kwargs: Any) -> None:
        text = json.dumps(obj, **kwargs)
        fp.write(text[: len(text) // 2])
        fp.flush()
        calls.append(getattr(fp, "name", "?"))
        raise OSError(28, "No space left on device (injected)")

    shim = types.SimpleNamespace(dump=dump, dumps=json.dumps, loads=json.loads, load=json.load,
                                 JSONDecodeError=json.JSONDecodeError)
    mp.setattr(workspace_mod, "json", shim)
    yield calls


# ------------------------------------------------------- 1. line numbers past the first block
# Proven with ``line_no += lines + 1`` (and ``- 1``) in ``jsonl.iter_line_chunks``, and with
# ``np.arange(first + 1, ...)`` in ``read.line_blocks``: every test of this section fails.


@pytest.mark.parametrize("block_bytes", [None, 2048], ids=["one-read", "many-reads"])
def test_line_numbers_stay_right_past_many_small_blocks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block_bytes: int | None
) -> None:
    # 1 KB chunks of whole lines (about 4 lines each): a.jsonl spans ~60 of them. With
    # ``block_bytes`` the chunks are also parsed a few at a time (read.line_blocks).
    monkeypatch.setattr(jsonl.iter_line_chunks, "__defaults__", (1024, None))  # chunk_bytes, max_line
    if block_bytes:
        monkeypatch.setattr(read.line_blocks, "__defaults__", (block_bytes,))
    chunks: list[tuple[int, int]] = []
    real_chunks = jsonl.iter_line_chunks

    def spy(stream: Any) -> Iterator[tuple[int, int, bytes]]:
        for first, n, block in real_chunks(stream):
            chunks.append((first, n))
            yield first, n, block

    monkeypatch.setattr(read, "iter_line_chunks", spy)
    d = tmp_path / "logs"
    d.mkdir()
    a_bad, a_blank = {37, 123, 190, 250}, {88, 201}
    a = numbered_file(d / "a.jsonl", 250, a_bad, a_blank)
    b = numbered_file(d / "b.jsonl", 60, {45}, set())
    # b's ids repeat a's: make them its own
    b.write_text(b.read_text().replace('"line-', '"b-line-'))
    result = ingest([d])
    assert not result.errors
    assert len(chunks) > 20  # the premise: both files are read in many chunks
    # each chunk starts where the one before ended, or a file starts
    assert chunks[0][0] == 1
    for (first, n), (nxt, _) in zip(chunks, chunks[1:]):
        assert nxt in (first + n, 1), chunks

    ra, rb = result.files
    assert [r.line for r in ra.rejections] == sorted(a_bad)
    assert all(r.reason.startswith("invalid JSON") for r in ra.rejections)
    assert (ra.lines_read, ra.rows_ingested, ra.rows_rejected, ra.skipped) == (250, 244, 4, 2)
    assert [r.line for r in rb.rejections] == [45]
    assert (rb.lines_read, rb.rows_ingested, rb.rows_rejected) == (60, 59, 1)
    assert_accounted(ra)
    assert_accounted(rb)
    rows = result.rows
    assert_lines_match_ids(rows, a)
    b_rows = rows.filter(pl.col("source_file") == str(b))
    assert (b_rows["source_line"] == b_rows["request_id"].str.strip_prefix("b-line-").cast(pl.Int64)).all()
    # lines of the 2nd, 3rd and a late block of a, by name
    by_id = dict(rows.select("request_id", "source_line").iter_rows())
    for n in (5, 6, 9, 10, 13, 200, 249):
        assert by_id[f"line-{n}"] == n


def test_line_numbers_of_exploded_pages_past_many_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Cost-report pages, one per line: read through ``read._exploded_lines`` (not line_blocks)
    monkeypatch.setattr(jsonl.iter_line_chunks, "__defaults__", (1024, None))

    def page(n: int) -> str:
        return json.dumps({"object": "page", "data": [{
            "object": "bucket", "start_time": 1790812800 + 86400 * n, "end_time": 1790899200 + 86400 * n,
            "results": [{"object": "organization.costs.result", "amount": {"value": n / 100, "currency": "usd"},
                         "line_item": "gpt-4o-2024-08-06, input", "project_id": "p1"}]}]})

    bad = {41, 97}
    path = write(tmp_path / "costs.jsonl", [BAD_JSON if n in bad else page(n) for n in range(1, 121)])
    result = ingest([path])
    assert not result.errors
    (report,) = result.files
    assert report.format == "openai_costs"
    assert [r.line for r in report.rejections] == sorted(bad)
    assert report.billed_records == 118
    assert_accounted(report)
    billed = result.billed
    assert billed.height == 118
    # the amount names the line it came from
    wrong = billed.filter((pl.col("billed_usd") * 100).round(0).cast(pl.Int64) != pl.col("source_line"))
    assert wrong.height == 0, wrong.select("billed_usd", "source_line").head(5).rows()


def test_line_numbers_stay_right_past_real_8mb_blocks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A ~21 MB file read in the real 8 MB chunks: three of them. Bad lines in the 2nd and 3rd.
    assert jsonl.iter_line_chunks.__defaults__[0] == jsonl.CHUNK_BYTES == 8 * 1024 * 1024
    chunks: list[tuple[int, int]] = []
    real_chunks = jsonl.iter_line_chunks

    def spy(stream: Any) -> Iterator[tuple[int, int, bytes]]:
        for first, n, block in real_chunks(stream):  # the real defaults
            chunks.append((first, n))
            yield first, n, block

    monkeypatch.setattr(read, "iter_line_chunks", spy)
    lines = 21_000
    line_bytes = len(numbered_line(10_000, pad=800)) + 1
    bad_2nd = (9 * 2**20) // line_bytes  # ~9 MB in: the 2nd chunk
    bad_3rd = (19 * 2**20) // line_bytes  # ~19 MB in: the 3rd chunk
    blank_2nd = bad_2nd + 500
    path = numbered_file(tmp_path / "big.jsonl", lines, {bad_2nd, bad_3rd}, {blank_2nd}, pad=800)
    assert path.stat().st_size > 2.5 * jsonl.CHUNK_BYTES
    result = ingest([path])
    assert not result.errors
    assert len(chunks) == 3 and chunks[0][0] == 1
    (first1, n1), (first2, n2), (first3, n3) = chunks
    assert (first2, first3, n1 + n2 + n3) == (1 + n1, 1 + n1 + n2, lines)
    assert first2 < bad_2nd < first3 <= bad_3rd  # the premise: the bad lines sit in chunks 2 and 3

    (report,) = result.files
    assert [r.line for r in report.rejections] == [bad_2nd, bad_3rd]
    assert (report.lines_read, report.rows_ingested, report.rows_rejected, report.skipped) == (
        lines, lines - 3, 2, 1)
    assert_accounted(report)
    rows = result.rows
    assert_lines_match_ids(rows, path)
    by_id = dict(rows.select("request_id", "source_line").iter_rows())
    for n in (first2 - 1, first2, first2 + 1, first3 - 1, first3, first3 + 1, lines):
        assert by_id[f"line-{n}"] == n
    result.close()


# ------------------------------------------------------- 2. one writer at a time
# Proven with the ``fcntl.flock`` call of ``Workspace._locked`` removed (the second add
# writes), and with ``LOCK_NB`` dropped (the second add waits instead of refusing).


def attempt(fn: Callable[[], Any], timeout: float = 20) -> dict[str, Any]:
    """Run ``fn`` on a thread; ``{"waiting": True}`` when it has not returned in ``timeout``."""
    box: dict[str, Any] = {}

    def go() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed to the test
            box["error"] = e

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(timeout)
    box["waiting"] = t.is_alive()
    return box


@contextmanager
def lock_held(ws: Workspace, how: str) -> Iterator[None]:
    if how == "workspace":  # another Workspace.add of this process, mid-run
        with Workspace(ws.root)._locked():
            yield
    elif how == "flock":
        with open(ws.root / ".lock", "a") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            yield
    else:  # another process
        code = ("import fcntl, sys\nf = open(sys.argv[1], 'a')\nfcntl.flock(f, fcntl.LOCK_EX)\n"
                "print('locked', flush=True)\nsys.stdin.read()\n")
        proc = subprocess.Popen([sys.executable, "-c", code, str(ws.root / ".lock")],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
            yield
        finally:
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.close()
            proc.wait(timeout=30)
            proc.stdout.close()


@pytest.mark.parametrize("how", ["workspace", "flock", "process"])
def test_a_second_writer_is_refused_and_writes_nothing(tmp_path: Path, how: str) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])]))
    before = files_under(ws.root)
    seen = state(ws)
    result = ingest([write(tmp_path / "b.jsonl", [chat_line(i) for i in range(10, 15)])])
    with lock_held(ws, how):
        got = attempt(lambda: Workspace(ws.root).add(result))
        assert not got["waiting"], "the second writer waited for the lock instead of refusing"
        # checked while the lock is still held
        assert files_under(ws.root) == before  # the manifest and every part as they were
    assert isinstance(got.get("error"), WorkspaceError), got
    assert "another spendscope ingest is writing here" in str(got["error"])
    assert str(ws.root) in str(got["error"])
    assert state(ws) == seen
    assert unlisted(ws) == set()
    # the lock is free again: the same run lands now, once
    ws.add(result)
    assert ws.raw_requests().collect().height == 8
    assert len(ws.manifest()["runs"]) == 2


def test_relabel_is_refused_while_an_ingest_writes(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])]))
    tid = next(iter(ws.template_ids()))
    with lock_held(ws, "flock"):
        got = attempt(lambda: ws.relabel(tid, "translation"))
        assert not got["waiting"], "relabel waited for the lock instead of refusing"
    assert isinstance(got.get("error"), WorkspaceError), got
    assert "another spendscope ingest is writing here" in str(got["error"])
    assert ws.relabels() == {}


# ------------------------------------------------------- 3. the manifest is replaced atomically
# Proven with ``_atomic_json`` writing ``manifest.json`` in place (no temporary file): the
# manifest is left half-written. And with ``_remove_orphans`` returning at once: the
# crashed run's parts stay on disk.


def test_a_crash_while_writing_the_manifest_keeps_the_previous_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", [chat_line(i, day=5 + i % 2) for i in range(6)])]))
    manifest = (ws.root / MANIFEST).read_bytes()
    before = state(ws)
    assert before["report"]["totals"]["requests"] == 6
    result = ingest([write(tmp_path / "b.jsonl", [chat_line(i, day=7) for i in range(10, 20)]), COSTS],
                    known_templates=ws.template_ids())
    with monkeypatch.context() as mp, half_written_manifest(mp) as calls:
        with pytest.raises(OSError, match="No space left"):
            ws.add(result)
    result.close()
    assert calls and Path(calls[0]).name.startswith(MANIFEST)  # the crash hit the manifest write
    assert (ws.root / MANIFEST).read_bytes() == manifest  # untouched, and readable
    assert json.loads(manifest)["version"] == workspace_mod.VERSION
    assert state(ws) == before  # a fresh reader
    assert ws.raw_requests().collect().height == 6  # the same object, its memo checked
    crashed = unlisted(ws)
    assert {p.split("/")[0] for p in crashed} >= {"requests", "ids", "rollup", "billed", "files"}

    # the next run removes the crashed run's parts, and adds its own once
    ws.add(ingest([write(tmp_path / "c.jsonl", [chat_line(30, day=8)])], known_templates=ws.template_ids()))
    assert unlisted(ws) == set()
    assert not any((ws.root / p).exists() for p in crashed)
    after = state(ws)
    assert after["report"]["totals"]["requests"] == 7
    assert after["billed"] == []  # the crashed run's bills never landed
    assert json.loads((ws.root / MANIFEST).read_text())["runs"][-1]["rows"] == 1


# ------------------------------------------------------- 4. a crash anywhere leaves the workspace as it was
# Proven by writing the manifest early in ``Workspace.add`` (after the request parts, and
# after the billed part): the crash at that point shows a half run; and as in section 3.


def crash_at(mp: pytest.MonkeyPatch, point: str) -> None:
    def boom(*_: Any, **__: Any) -> Any:
        raise RuntimeError(f"crash injected at {point}")

    if point == "after-requests":  # request, id and rollup parts written; bills next
        mp.setattr(Workspace, "_new_bills", boom)
    elif point in ("after-billed", "after-templates"):  # the next part's write fails
        folder = "templates/" if point == "after-billed" else "files/"
        write_part = Workspace._write

        def failing(self: Workspace, frame: pl.DataFrame, rel: str) -> str:
            if rel.startswith(folder):
                boom()
            return write_part(self, frame, rel)

        mp.setattr(Workspace, "_write", failing)
    else:
        raise AssertionError(point)


def new_run(tmp_path: Path) -> list[Path]:
    """A run with new requests (over 3 days), new templates and billed amounts."""
    b = tmp_path / "b.jsonl"
    if not b.exists():
        lines = [json.dumps({
            "timestamp": f"2026-10-{6 + i % 3:02d}T11:00:{i:02d}Z",
            "request": {"model": "gpt-4o", "messages": [
                {"role": "system", "content": f"You are the {role}."},
                {"role": "user", "content": "Handle this ticket: the printer is on fire"}]},
            "response": {"id": f"chatcmpl-new-{i}", "object": "chat.completion", "model": "gpt-4o",
                         "usage": {"prompt_tokens": 1000 + i, "completion_tokens": 50}},
        }) for i, role in enumerate(["triager", "summarizer", "translator"] * 4)]
        write(b, lines)
    return [b, COSTS]


def base_workspace(root: Path, tmp_path: Path) -> Workspace:
    ws = Workspace(root)
    a = tmp_path / "a.jsonl"
    if not a.exists():
        write(a, [chat_line(i, day=5 + i % 2) for i in range(8)])
    ws.add(ingest([a], known_templates=ws.template_ids()))
    return ws


@pytest.mark.parametrize("point", ["after-requests", "after-billed", "after-templates", "manifest"])
def test_a_crash_anywhere_in_add_leaves_the_workspace_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    # the same two runs, without a crash
    reference = base_workspace(tmp_path / "reference", tmp_path)
    reference.add(ingest(new_run(tmp_path), known_templates=reference.template_ids()))
    expected = state(reference)
    assert expected["billed"] and len(expected["templates"]) >= 4  # the premise: bills, new templates

    ws = base_workspace(tmp_path / "ws", tmp_path)
    before = state(ws)
    manifest = (ws.root / MANIFEST).read_bytes()
    result = ingest(new_run(tmp_path), known_templates=ws.template_ids(), stage_dir=ws.staging_dir())
    assert result.billed.height and result.templates.height
    with monkeypatch.context() as mp:
        if point == "manifest":
            with half_written_manifest(mp), pytest.raises(OSError):
                ws.add(result)
        else:
            crash_at(mp, point)
            with pytest.raises(RuntimeError, match="crash injected"):
                ws.add(result)
    result.close()
    crashed = {p.split("/")[0] for p in unlisted(ws)}
    assert {"requests", "ids", "rollup"} <= crashed  # the premise: the run had written parts
    if point != "after-requests":
        assert "billed" in crashed
    if point in ("after-templates", "manifest"):
        assert "templates" in crashed
    assert (ws.root / MANIFEST).read_bytes() == manifest
    assert state(ws) == before

    # the run again, now without a crash: everything lands once
    again = ws.add(ingest(new_run(tmp_path), known_templates=ws.template_ids()))
    assert sum(f.rows_ingested for f in again.files) == 12
    assert sum(f.duplicates for f in again.files) == 0
    assert unlisted(ws) == set()
    got = state(ws)
    assert got["report"] == expected["report"]
    assert got["by_category"] == expected["by_category"]
    assert got["billed"] == expected["billed"]
    assert got["templates"] == expected["templates"]
    assert [r["request_id"] for r in got["rows"]] == [r["request_id"] for r in expected["rows"]]
    assert got["files"] == expected["files"]
    assert len(ws.manifest()["runs"]) == 2  # the crashed run is not one
    parts = pl.read_parquet([str(ws.root / p) for p in ws.manifest()["templates"]])
    assert parts["template_id"].is_unique().all()


# ------------------------------------------------------- 5. --keep-text: 2,000 characters, only then
# Proven with ``PROMPT_CHARS = 2001`` (and the slice removed), with ``prompt if keep_text
# or True``, and with the CLI passing ``keep_text=False`` to the run.


def long_prompt(n: int) -> str:
    """``n`` characters that never repeat a 4-character window at the same offset."""
    text = "".join(f"{i:04d}{chr(97 + i % 26)}" for i in range(n // 5 + 1))
    return text[:n]


def prompt_line(rid: str, prompt: str) -> str:
    return json.dumps({
        "timestamp": "2026-10-05T10:00:00Z",
        "request": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]},
        "response": {"id": rid, "object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": 1200, "completion_tokens": 10}},
    })


def folders_holding(root: Path, needle: str) -> set[str]:
    """The workspace folders with a parquet file holding ``needle`` in a string cell."""
    found = set()
    for path in root.rglob("*.parquet"):
        frame = pl.read_parquet(path)
        for name, dtype in frame.schema.items():
            if dtype == pl.String and frame[name].str.contains(needle, literal=True).any():
                found.add(str(path.relative_to(root)).split("/")[0])
    return found


@pytest.mark.parametrize("keep", [True, False], ids=["keep-text", "default"])
def test_keep_text_keeps_2000_characters_and_only_with_the_flag(tmp_path: Path, keep: bool) -> None:
    assert PROMPT_CHARS == 2000  # docs/formats.md's ("What ingest promises") and the --help's figure
    prompt = long_prompt(5000)
    short = "Translate to French: good morning"
    f = write(tmp_path / "a.jsonl", [prompt_line("long", prompt), prompt_line("short", short)])
    ws = tmp_path / "ws"
    res = runner.invoke(app, ["ingest", str(f), "--workspace", str(ws), "--json", *(["--keep-text"] if keep else [])])
    assert res.exit_code == 0, res.output
    rows = dict(Workspace(ws).raw_requests().select("request_id", "prompt_text").collect().iter_rows())
    if keep:
        assert len(rows["long"]) == 2000
        assert rows["long"] == prompt[:2000]
        assert rows["short"] == short
        assert "requests" in folders_holding(ws, prompt[:2000])  # the search finds a stored prompt
    else:
        assert rows == {"long": None, "short": None}
        assert folders_holding(ws, prompt[:2000]) == set()
        assert folders_holding(ws, prompt[1000:1400]) == set()  # not even a middle piece


# ------------------------------------------------------- 6. ingest --json: 1,000 rejections listed, all counted
# Proven with the ``[:REJECTIONS_IN_JSON]`` slice removed, with ``REJECTIONS_IN_JSON = 100``,
# and with ``rows_rejected`` counted from the listed rejections.


def test_ingest_json_lists_1000_rejections_and_counts_all(tmp_path: Path) -> None:
    assert REJECTIONS_IN_JSON == 1000
    lines, bad = [], []
    for n in range(1, 1541):
        if n % 77 == 0:  # 20 good lines among the bad ones
            lines.append(chat_line(n))
        elif n == 1000:
            lines.append("")
        else:
            lines.append(BAD_JSON)
            bad.append(n)
    assert len(bad) == 1519
    f = write(tmp_path / "bad.jsonl", [chat_line(0), *lines])  # a good first line: recognised
    bad = [n + 1 for n in bad]  # the first line shifts the others
    res = runner.invoke(app, ["ingest", str(f), "--workspace", str(tmp_path / "ws"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    (file,) = data["files"]
    assert file["rows_rejected"] == data["rows_rejected"] == 1519
    assert (file["lines_read"], file["rows_ingested"], file["skipped"]) == (1541, 21, 1)
    assert_accounted(file)
    assert_accounted(data)
    assert len(data["rejections"]) == 1000
    assert [r["line"] for r in data["rejections"]] == bad[:1000]  # the first 1,000, in line order
    assert {r["path"] for r in data["rejections"]} == {str(f)}
    assert all(r["reason"].startswith("invalid JSON") for r in data["rejections"])
    (stored,) = Workspace(tmp_path / "ws").files()
    assert stored["rows_rejected"] == 1519


def test_ingest_json_caps_rejections_for_every_file(tmp_path: Path) -> None:
    # two files of 1,200 bad lines: never more than 1,000 listed for one file, each file's
    # listed lines are its first ones, and every rejection is counted
    paths = []
    for name in ("a", "b"):
        lines = [chat_line(0 if name == "a" else 1)] + [BAD_JSON] * 1200
        paths.append(write(tmp_path / f"{name}.jsonl", lines))
    res = runner.invoke(app, ["ingest", *map(str, paths), "--workspace", str(tmp_path / "ws"), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [f["rows_rejected"] for f in data["files"]] == [1200, 1200]
    assert data["rows_rejected"] == 2400
    for f in data["files"]:
        assert_accounted(f)
    for p in paths:
        listed = [r["line"] for r in data["rejections"] if r["path"] == str(p)]
        assert len(listed) <= 1000
        assert listed == list(range(2, 2 + len(listed)))
    assert 1000 <= len(data["rejections"]) <= 2000


# ------------------------------------------------------- 7. a template is stored once
# Proven with the known-template filter of ``Workspace.add`` removed (the plain runs), and
# with the pipeline's ``known_templates`` filter removed (the CLI runs).

WORDS = ["otter", "badger", "heron", "lynx", "marten", "osprey", "puffin", "quokka", "raven", "stoat",
         "tapir", "vole", "walrus", "yak"]


def template_line(rid: str, system: str, user: str) -> str:
    return json.dumps({
        "timestamp": "2026-10-05T10:00:00Z",
        "request": {"model": "gpt-4o-mini", "messages": [{"role": "system", "content": system},
                                                         {"role": "user", "content": user}]},
        "response": {"id": rid, "object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": 10, "completion_tokens": 1}},
    })


def template_file(path: Path, roles: list[str], words: list[str]) -> Path:
    """3 requests per role (a template each) and a chat of one-off questions (folded into one)."""
    tag = path.stem
    lines = [template_line(f"{tag}-{role}-{i}", f"You are the {role}.", "Do the task on: good morning")
             for role in roles for i in range(3)]
    lines += [template_line(f"{tag}-chat-{w}", "You are a friendly bot.", f"Tell me about the {w}") for w in words]
    return write(path, lines)


def stored_template_ids(ws: Workspace) -> list[str]:
    """``template_id`` of every row of every templates part on disk."""
    parts = sorted((ws.root / "templates").glob("*.parquet"))
    assert {str(p.relative_to(ws.root)) for p in parts} == set(ws.manifest()["templates"])
    return pl.read_parquet(parts)["template_id"].to_list()


@pytest.mark.parametrize("via", ["workspace", "cli"])
def test_each_template_is_stored_once(tmp_path: Path, via: str) -> None:
    a = template_file(tmp_path / "a.jsonl", ["translator", "summarizer", "tagger"], WORDS[:12])
    b = template_file(tmp_path / "b.jsonl", ["summarizer", "tagger", "poet"], WORDS[2:14])
    ws = Workspace(tmp_path / "ws")
    for f in (a, b):
        if via == "cli":  # the CLI tells the run which templates the workspace holds
            res = runner.invoke(app, ["ingest", str(f), "--workspace", str(ws.root), "--json"])
            assert res.exit_code == 0, res.output
        else:  # a run that knows nothing of the workspace: Workspace.add leaves the known out
            ws.add(ingest([f]))
    assert ws.raw_requests().collect().height == 2 * (9 + 12)
    keys = dict(ws.templates().select("template_id", "template_key").iter_rows())
    roles = sorted(k.split("␟")[0] for k in keys.values())
    # four roles and the folded chat: each once
    assert roles == ["You are a friendly bot.", "You are the poet.", "You are the summarizer.",
                     "You are the tagger.", "You are the translator."]
    ids = stored_template_ids(ws)
    assert sorted(ids) == sorted(keys)  # once across all parts
    assert len(ws.manifest()["templates"]) == 2  # the second run stored only the poet
    # every stored row's template is there
    used = set(ws.raw_requests().select("template_id").unique().collect()["template_id"])
    assert used == set(keys)
