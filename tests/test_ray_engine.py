"""``ingest --engine ray`` gives the local engine's workspace, byte for byte in every report.

One Ray cluster for the module: two nodes of one CPU each on this machine
(``ray.cluster_utils.Cluster``), so tasks and their results really cross nodes. Ray runs only
in processes of its own (``tests/ray_processes.py``): the cluster in one, and each Ray ingest
in a driver that joins it by address, as a user's ``spendscope ingest --ray-address`` does.
The local engine's runs, to compare with, are in-process.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from typer.testing import CliRunner

from analyzer.cli import app, ingest_json
from analyzer.ingest import on_ray
from analyzer.ingest.jsonl import CHUNK_BYTES
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

from .conftest import ROOT

WEEK = ROOT / "sample_logs" / "week" / "logs"
BY = ("model", "provider", "category", "day", "week", "month", "service_tier", "source_format",
      "meta:project", "meta:feature", "meta:team", "meta:session", "meta:environment")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The address of a two-node Ray cluster running in a process of its own."""
    proc = subprocess.Popen([sys.executable, "-m", "tests.ray_processes", "cluster"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdin and proc.stdout
    address = proc.stdout.readline().strip()
    assert address, f"the Ray cluster did not start (exit code {proc.wait()})"
    yield address
    proc.stdin.close()  # the cluster shuts down
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()


def _on_ray(address: str, ws: Path, inputs: list[Path], **env: str) -> subprocess.CompletedProcess[str]:
    """``spendscope ingest INPUTS --json --engine ray --ray-address ADDRESS`` in a driver process."""
    return subprocess.run(
        [sys.executable, "-m", "tests.ray_processes", "ingest", *map(str, inputs), "--json",
         "--workspace", str(ws), "--engine", "ray", "--ray-address", address],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=600)


def _accounting(done: subprocess.CompletedProcess[str]) -> str:
    return json.dumps(json.loads(done.stdout), sort_keys=True)


def _local(ws: Path, inputs: list[Path]) -> str:
    """The local engine's run into ``ws``, and its ``ingest --json`` accounting."""
    workspace = Workspace(ws)
    result = workspace.add(ingest(inputs, stage_dir=workspace.staging_dir(),
                                  known_templates=workspace.template_ids()))
    return json.dumps(ingest_json(result), sort_keys=True)


def _report(root: Path, by: str) -> bytes:
    done = CliRunner().invoke(app, ["report", "--workspace", str(root), "--json", "--by", by])
    assert done.exit_code == 0, done.output
    return done.stdout_bytes


def _rows(root: Path):  # type: ignore[no-untyped-def]
    return Workspace(root).raw_requests().collect().sort("request_id")


@pytest.fixture(scope="module")
def ray_week(cluster: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ray-week")
    done = _on_ray(cluster, root, [WEEK])
    assert done.returncode == 0, done.stderr
    assert not json.loads(done.stdout)["errors"]
    return root


@pytest.mark.parametrize("by", BY)
def test_every_report_of_the_sample_week_is_byte_identical(by: str, ray_week: Path,
                                                           week_workspace: Workspace) -> None:
    ours, theirs = _report(ray_week, by), _report(week_workspace.root, by)
    assert json.loads(ours)["totals"]["requests"] == 50_000
    assert ours == theirs


def test_the_stored_rows_are_the_same(ray_week: Path, week_workspace: Workspace) -> None:
    assert _rows(ray_week).equals(_rows(week_workspace.root))


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The sample week decompressed (so large files are cut in byte ranges), a file of no
    known format, a truncated archive, and a file of bad lines past its first chunk."""
    root = tmp_path_factory.mktemp("mixed")
    logs = root / "logs"
    shutil.copytree(WEEK, logs)
    for gz in logs.glob("*.gz"):
        gz.with_suffix("").write_bytes(gzip.decompress(gz.read_bytes()))
        gz.unlink()
    (logs / "notes.jsonl").write_text('{"hello": "world"}\n')
    whole = gzip.compress((logs / "openai_batch_output.jsonl").read_bytes())
    (logs / "cut.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    chat = (logs / "openai_chat.jsonl").read_bytes().splitlines(keepends=True)
    bad = chat + [b"{oops\n", b'{"timestamp": 1}\n'] + chat[:10]
    (logs / "zz_chat_copy.jsonl").write_bytes(b"".join(bad))
    assert (logs / "zz_chat_copy.jsonl").stat().st_size > 2 * CHUNK_BYTES
    return [logs]


def test_accounting_errors_and_rejections_match_with_files_cut_in_ranges(
    cluster: str, mixed: list[Path], tmp_path: Path
) -> None:
    record = tmp_path / "pieces"
    local = _local(tmp_path / "local", mixed)
    done = _on_ray(cluster, tmp_path / "ray", mixed, TEST_PIECE_MIN_BYTES=str(CHUNK_BYTES),
                   TEST_SPLIT_RECORD=str(record))  # one 8 MB chunk per piece
    assert done.returncode == 2, done.stderr  # the two unreadable files are user errors
    assert any(int(n) > 2 for n in record.read_text().split())  # some file was read as several ranges
    assert _accounting(done) == local
    mine = json.loads(done.stdout)
    assert {e["path"].rsplit("/", 1)[-1] for e in mine["errors"]} == {"notes.jsonl", "cut.jsonl.gz"}
    chat = next(f for f in mine["files"] if f["path"].endswith("/openai_chat.jsonl"))
    n = chat["lines_read"]  # the copy's two bad lines follow the chat file's lines, past two ranges
    copy = [r["line"] for r in mine["rejections"] if r["path"].endswith("zz_chat_copy.jsonl")]
    assert copy[-2:] == [n + 1, n + 2]
    assert _rows(tmp_path / "ray").equals(_rows(tmp_path / "local"))


def test_a_worker_killed_mid_task_is_retried_and_the_totals_match(
    cluster: str, week_workspace: Workspace, tmp_path: Path
) -> None:
    marker = tmp_path / "killed-once"
    done = _on_ray(cluster, tmp_path / "ws", [WEEK], **{on_ray.FAULT_ENV: f"once:{marker}"})
    assert marker.exists()  # a worker did die
    assert done.returncode == 0, done.stderr
    assert _report(tmp_path / "ws", "day") == _report(week_workspace.root, "day")


def test_a_run_that_cannot_finish_leaves_the_workspace_as_it_was(cluster: str, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    _local(ws, [WEEK / "openai_batch_output.jsonl.gz"])
    manifest, before = (ws / "manifest.json").read_bytes(), _report(ws, "model")
    done = _on_ray(cluster, ws, [WEEK / "openai_chat.jsonl.gz"],
                   **{on_ray.FAULT_ENV: "always"})  # every attempt's worker dies
    assert done.returncode == 2
    assert "nothing was stored" in done.stderr
    assert (ws / "manifest.json").read_bytes() == manifest
    assert _report(ws, "model") == before
    staging = ws / ".staging"
    assert not staging.exists() or not any(staging.iterdir())  # the run's staged rows are gone too


def test_the_cli_joins_a_running_cluster_by_address(cluster: str, tmp_path: Path) -> None:
    inputs = [WEEK / "openai_chat.jsonl.gz", WEEK / "claude_code", tmp_path / "none.jsonl"]
    joined = _on_ray(cluster, tmp_path / "ray", inputs)
    local = subprocess.run([sys.executable, "-m", "analyzer.cli", "ingest", *map(str, inputs), "--json",
                            "--workspace", str(tmp_path / "local")], capture_output=True, text=True)
    assert joined.returncode == local.returncode == 2, joined.stderr  # the missing file is a user error
    assert "none.jsonl: no such file or folder" in joined.stderr
    assert json.loads(joined.stdout) == json.loads(local.stdout)
    assert _report(tmp_path / "ray", "category") == _report(tmp_path / "local", "category")


def test_the_split_keeps_every_file_once_and_in_order(mixed: list[Path]) -> None:
    from analyzer.ingest import pipeline

    class _Sink:
        errors: list[object] = []

        def __init__(self) -> None:
            self.files: list[str] = []

        def add_file(self, source, fmt) -> int:  # type: ignore[no-untyped-def]
            self.files.append(source.path)
            return len(self.files) - 1

    sink = _Sink()
    units = pipeline._units(mixed, {}, sink)  # type: ignore[arg-type]
    for unit in units:
        pieces = on_ray.split(unit, cpus=2)
        cut = [(i, o.source.path) for p in pieces for i, o in p.files]
        assert [i for i, _ in cut] == sorted(i for i, _ in cut)
        assert {i for i, _ in cut} == {i for i, _ in unit.files}
        assert sum(o.source.size for p in pieces for _, o in p.files) == sum(o.source.size for _, o in unit.files)


def test_the_ingest_limits_hold_on_the_workers(cluster: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # a CSV file is read whole by the task that reads it, so its limit is the worker's
    usage = tmp_path / "usage.csv"
    usage.write_text("timestamp,model,input_tokens,output_tokens\n"
                     + "2026-10-05T10:00:00Z,gpt-4o-mini,100,10\n" * 20)
    limit = {"SPENDSCOPE_MAX_CSV_MB": "0.0002"}  # 200 bytes: the file is over it
    monkeypatch.setenv("SPENDSCOPE_MAX_CSV_MB", limit["SPENDSCOPE_MAX_CSV_MB"])
    local = _local(tmp_path / "local", [usage])
    done = _on_ray(cluster, tmp_path / "ray", [usage], **limit)
    assert done.returncode == 2, done.stderr
    assert [e["reason"].split(",")[0] for e in json.loads(done.stdout)["errors"]] == ["a CSV file over 200 bytes"]
    assert _accounting(done) == local


def test_only_the_ingest_limits_travel_to_the_workers() -> None:
    env = on_ray.worker_env({"SPENDSCOPE_MAX_CSV_MB": "1", "SPENDSCOPE_AUTH": "user:secret",
                             on_ray.FAULT_ENV: "always", "HOME": "/root", "POLARS_MAX_THREADS": "8"})
    assert env == {"SPENDSCOPE_MAX_CSV_MB": "1", on_ray.FAULT_ENV: "always", "POLARS_MAX_THREADS": "1"}
