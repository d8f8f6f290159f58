"""``ingest --engine ray`` gives the local engine's workspace, byte for byte in every report.

One Ray cluster for the module: two nodes of one CPU each on this machine
(``ray.cluster_utils.Cluster``), so tasks and their results really cross nodes. This process
joins it as the driver of the in-process tests; the CLI test starts a driver of its own that
joins it by address, as a user joins a running cluster.
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
import ray
from ray.cluster_utils import Cluster

from typer.testing import CliRunner

from analyzer.cli import app, ingest_json
from analyzer.errors import EngineError
from analyzer.ingest import on_ray
from analyzer.ingest.jsonl import CHUNK_BYTES
from analyzer.ingest.pipeline import IngestResult, ingest
from analyzer.workspace import Workspace

from .conftest import ROOT

WEEK = ROOT / "sample_logs" / "week" / "logs"
BY = ("model", "provider", "category", "day", "week", "month", "service_tier", "source_format",
      "meta:project", "meta:feature", "meta:team", "meta:session", "meta:environment")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    c = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    c.add_node(num_cpus=1)
    c.wait_for_nodes()
    ray.init(address=c.address, log_to_driver=False)
    yield c
    ray.shutdown()
    c.shutdown()


def _stored(root: Path, paths: list[Path], engine: str) -> tuple[Workspace, IngestResult]:
    ws = Workspace(root)
    return ws, ws.add(ingest(paths, stage_dir=ws.staging_dir(), engine=engine,
                             known_templates=ws.template_ids()))


def _report(root: Path, by: str) -> bytes:
    done = CliRunner().invoke(app, ["report", "--workspace", str(root), "--json", "--by", by])
    assert done.exit_code == 0, done.output
    return done.stdout_bytes


def _accounting(result: IngestResult) -> str:
    return json.dumps(ingest_json(result), sort_keys=True)


@pytest.fixture(scope="module")
def ray_week(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws, result = _stored(tmp_path_factory.mktemp("ray-week"), [WEEK], "ray")
    assert not result.errors
    return ws


@pytest.mark.parametrize("by", BY)
def test_every_report_of_the_sample_week_is_byte_identical(by: str, ray_week: Workspace,
                                                           week_workspace: Workspace) -> None:
    ours, theirs = _report(ray_week.root, by), _report(week_workspace.root, by)
    assert json.loads(ours)["totals"]["requests"] == 50_000
    assert ours == theirs


def test_the_stored_rows_are_the_same(ray_week: Workspace, week_workspace: Workspace) -> None:
    mine = ray_week.raw_requests().collect().sort("request_id")
    local = week_workspace.raw_requests().collect().sort("request_id")
    assert mine.equals(local)


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
    cluster: Cluster, mixed: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(on_ray, "PIECE_MIN_BYTES", CHUNK_BYTES)  # one 8 MB chunk per piece
    units = []
    real_split = on_ray.split
    monkeypatch.setattr(on_ray, "split", lambda u, cpus: units.append(real_split(u, cpus)) or units[-1])
    local_ws, local = _stored(tmp_path / "local", mixed, "local")
    ray_ws, mine = _stored(tmp_path / "ray", mixed, "ray")
    assert any(len(pieces) > 2 for pieces in units)  # some file was read as several ranges
    assert _accounting(mine) == _accounting(local)
    reasons = {e.path.rsplit("/", 1)[-1] for e in mine.errors}
    assert reasons == {"notes.jsonl", "cut.jsonl.gz"}
    chat = next(f for f in mine.files if f.path.endswith("/openai_chat.jsonl"))
    copy = next(f for f in mine.files if f.path.endswith("zz_chat_copy.jsonl"))
    n = chat.lines_read  # the copy's two bad lines follow the chat file's lines, past two ranges
    assert [r.line for r in copy.rejections][-2:] == [n + 1, n + 2]
    assert ray_ws.raw_requests().collect().sort("request_id").equals(
        local_ws.raw_requests().collect().sort("request_id"))


def test_a_worker_killed_mid_task_is_retried_and_the_totals_match(
    cluster: Cluster, week_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "killed-once"
    monkeypatch.setenv(on_ray.FAULT_ENV, f"once:{marker}")
    ws, result = _stored(tmp_path / "ws", [WEEK], "ray")
    assert marker.exists()  # a worker did die
    assert not result.errors
    assert _report(ws.root, "day") == _report(week_workspace.root, "day")


def test_a_run_that_cannot_finish_leaves_the_workspace_as_it_was(
    cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, _ = _stored(tmp_path / "ws", [WEEK / "openai_batch_output.jsonl.gz"], "local")
    manifest, before = (ws.root / "manifest.json").read_bytes(), _report(ws.root, "model")
    monkeypatch.setenv(on_ray.FAULT_ENV, "always")  # every attempt's worker dies
    with pytest.raises(EngineError, match="nothing was stored"):
        _stored(ws.root, [WEEK / "openai_chat.jsonl.gz"], "ray")
    assert (ws.root / "manifest.json").read_bytes() == manifest
    assert _report(ws.root, "model") == before
    staging = ws.root / ".staging"
    assert not staging.exists() or not any(staging.iterdir())  # the run's staged rows are gone too


def test_the_cli_joins_a_running_cluster_by_address(cluster: Cluster, tmp_path: Path) -> None:
    inputs = [str(WEEK / "openai_chat.jsonl.gz"), str(WEEK / "claude_code"), str(tmp_path / "none.jsonl")]

    def run(engine: list[str], ws: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "analyzer.cli", "ingest", *inputs, "--json",
                               "--workspace", str(ws), *engine], capture_output=True, text=True)

    joined = run(["--engine", "ray", "--ray-address", cluster.address], tmp_path / "ray")
    local = run([], tmp_path / "local")
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


def test_the_ingest_limits_hold_on_the_workers(cluster: Cluster, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # a CSV file is read whole by the task that reads it, so its limit is the worker's
    usage = tmp_path / "usage.csv"
    usage.write_text("timestamp,model,input_tokens,output_tokens\n"
                     + "2026-10-05T10:00:00Z,gpt-4o-mini,100,10\n" * 20)
    monkeypatch.setenv("SPENDSCOPE_MAX_CSV_MB", "0.0002")  # 200 bytes: the file is over it
    monkeypatch.setenv("SPENDSCOPE_AUTH", "user:secret")
    _, local = _stored(tmp_path / "local", [usage], "local")
    _, mine = _stored(tmp_path / "ray", [usage], "ray")
    assert [e.reason.split(",")[0] for e in mine.errors] == ["a CSV file over 200 bytes"]
    assert _accounting(mine) == _accounting(local)
    forwarded = {k for k in os.environ if k.startswith(on_ray.FORWARDED_ENV)}
    assert "SPENDSCOPE_MAX_CSV_MB" in forwarded and "SPENDSCOPE_AUTH" not in forwarded
