"""The ingest's per-file stage as Ray Core tasks (``spendscope ingest --engine ray``).

The driver opens and detects every file (``pipeline._units``) and cuts the JSONL formats'
streams into pieces of whole files. Each piece is one Ray task: it reads, validates,
normalizes and fingerprints its files exactly as the local engine does (``Unit.blocks``),
writes its rows as Parquet into the run's staging folder — a path every node must see, the
workspace's own ``.staging`` — and returns the rest as data: the accounting, rejections,
templates, batch prompts, billed amounts, verdicts, and the errors of files it could not read. The
driver takes the pieces in the local engine's order, then settles, dedupes and stores as
the local engine does, so both give the same workspace.

A task never raises for bad input (a file's error is data). A worker that dies is retried
by Ray (``MAX_RETRIES``); a retried task starts its folder again. A run that still cannot
finish raises ``EngineError`` before anything is stored, so the workspace stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from analyzer.errors import AnalyzerError, ConfigError, EngineError, InputError
from analyzer.ingest import sources
from analyzer.ingest.jsonl import Rejection
from analyzer.ingest.staging import Spilled, Staging

if TYPE_CHECKING:
    from analyzer.ingest.pipeline import Stager, Unit, _Block
    from analyzer.ingest.read import Opened

PIECE_MIN_BYTES = 16 * 1024 * 1024  # a task reads at least this much (start-up is ~10 ms)
PIECES_PER_CPU = 4  # a format's stream is cut in about this many pieces per CPU
MAX_RETRIES = 3  # a task whose worker died is run again this many times
# Tests inject faults: "once:PATH" kills the worker of the first task that finds PATH missing
# (and creates it), so Ray runs that task again; "always" kills every task's worker.
FAULT_ENV = "SPENDSCOPE_RAY_FAULT"
# The ingest limits (limits.py) hold on the workers too; nothing else of ours (never
# SPENDSCOPE_AUTH) travels in the job's runtime environment, which the cluster shows.
FORWARDED_ENV = ("SPENDSCOPE_MAX_", FAULT_ENV)


@dataclass
class Piece:
    """What one task returns: its blocks without their rows, the files it could not read,
    and its rows as files in the staging folder."""

    blocks: list[_Block]
    errors: list[tuple[int, InputError]]
    staged: Spilled


def stage(units: Sequence[Unit], stager: Stager, shared: Path, address: str | None) -> Iterator[Piece]:
    """Each unit's pieces staged in Ray tasks, yielded in the order of ``units``."""
    ray = _ray()
    with _session(ray, address):
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        pieces = [p for u in units for p in split(u, cpus)]
        task = ray.remote(stage_piece).options(num_cpus=1, max_retries=MAX_RETRIES,
                                                runtime_env={"env_vars": worker_env(os.environ)})
        stager_ref = ray.put(stager)
        refs = [task.remote(stager_ref, piece, shared / "ray" / f"piece-{k:06d}")
                for k, piece in enumerate(pieces)]
        lines: dict[int, int] = {}  # file index -> lines of its pieces taken so far
        taken = 0
        try:
            for unit, ref in zip(pieces, refs, strict=True):
                yield _numbered(ray.get(ref), unit, lines)
                taken += 1
        except ray.exceptions.RayTaskError as e:
            if isinstance(e.cause, AnalyzerError):
                raise e.cause from None
            raise
        except ray.exceptions.RayError as e:
            raise EngineError(f"the Ray engine could not finish the run ({type(e).__name__}: "
                              f"{str(e).splitlines()[0] if str(e) else 'no detail'}); nothing was "
                              "stored, the workspace is as it was") from None
        finally:
            _cancel_unfinished(ray, refs[taken:])


def _cancel_unfinished(ray, refs: list) -> None:  # type: ignore[no-untyped-def]
    """Cancel the tasks of a run that stopped early that are still queued or running. Only
    those: cancelling a task as it completes can fail a check in Ray's core (2.60,
    task_manager.cc "Tried to complete task that was not pending"), which ends the process."""
    if not refs:
        return
    with contextlib.suppress(Exception):
        _, pending = ray.wait(refs, num_returns=len(refs), timeout=0)
        for ref in pending:
            with contextlib.suppress(Exception):  # it finished meanwhile
                ray.cancel(ref, force=False)


def worker_env(environ: Mapping[str, str]) -> dict[str, str]:
    """The variables a task runs with: the forwarded ones, and one polars thread."""
    env = {k: v for k, v in environ.items() if k.startswith(FORWARDED_ENV)}
    env["POLARS_MAX_THREADS"] = "1"  # one CPU per task: N tasks x N threads would oversubscribe
    return env


def split(unit: Unit, cpus: int) -> list[Unit]:
    """A JSONL unit cut into pieces of about the same size, in order, about
    ``PIECES_PER_CPU`` per CPU: small files grouped whole, a large plain file cut into byte
    ranges of whole lines, each range a piece of its own (its lines numbered from 1, see
    ``_numbered``). Any other unit is one piece. Documents are read again by the worker
    rather than shipped."""
    files = [(i, replace(o, whole=None)) for i, o in unit.files]
    if not unit.lines:
        return [replace(unit, files=files)]
    total = sum(o.source.size for _, o in files)
    target = max(PIECE_MIN_BYTES, total // (cpus * PIECES_PER_CPU))
    pieces: list[Unit] = []
    current: list[tuple[int, Opened]] = []
    held = 0

    def close() -> None:  # the files gathered so far, if any, as one piece
        nonlocal current, held
        if current:
            pieces.append(replace(unit, files=current))
        current, held = [], 0

    for index, o in files:
        ranges = sources.pieces(o.source, target)
        if len(ranges) > 1:
            close()
            pieces += [replace(unit, files=[(index, replace(o, source=r))]) for r in ranges]
            continue
        current.append((index, o))
        held += o.source.size
        if held >= target:
            close()
    close()
    return pieces


def _numbered(piece: Piece, unit: Unit, lines: dict[int, int]) -> Piece:
    """A piece's line numbers made the file's: a range that does not start a file numbered
    its lines from 1, so the lines of the file's earlier pieces (taken in order) are added."""
    (index, _), *others = unit.files
    offset = 0 if others else lines.get(index, 0)
    for block in piece.blocks:
        for i, n in block.lines_by_file.items():
            lines[i] = lines.get(i, 0) + n
        if offset:
            block.rejections = [Rejection(r.line + offset, r.reason) for r in block.rejections]
            for side in ("billed", "feedback"):  # records kept beside the requests
                if getattr(block, side) is not None:
                    setattr(block, side, getattr(block, side).with_columns(pl.col("source_line") + offset))
    piece.staged.line_offset = offset
    return piece


def stage_piece(stager: Stager, unit: Unit, folder: Path) -> Piece:
    """One task, on a worker: the unit's blocks staged, their rows written to ``folder``."""
    _injected_fault()
    shutil.rmtree(folder, ignore_errors=True)  # a retried task starts again
    rows = Staging(folder)
    errors: list[tuple[int, InputError]] = []
    blocks = []
    for block in unit.blocks(stager, lambda i, e: errors.append((i, e)), threads=1):
        rows.add(block.rows)
        stager.remember(block)
        blocks.append(replace(block, rows=block.rows.clear()))
    return Piece(blocks, errors, rows.handover())


def _injected_fault() -> None:
    fault = os.environ.get(FAULT_ENV, "")
    if fault.startswith("once:") and not os.path.exists(fault[5:]):
        Path(fault[5:]).touch()
        os._exit(1)  # the worker dies mid-task, as a lost node would
    if fault == "always":
        os._exit(1)


@contextmanager
def _session(ray, address: str | None) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Ray as the caller left it: joined or started here, and shut down only if started here."""
    if ray.is_initialized():
        yield
        return
    try:
        if address:
            ray.init(address=address, log_to_driver=False, logging_level="warning")
        else:
            ray.init(num_cpus=os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                     logging_level="warning")
    except (ConnectionError, RuntimeError, ValueError) as e:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        hint = ("; a cluster with token authentication (Ray 2.59+ turns it on for `ray start` when "
                "~/.ray/auth_token exists) needs RAY_AUTH_MODE=token and its token here, or "
                "--ray-address auto on one of its nodes" if address and address != "auto" else "")
        raise EngineError(f"cannot start or reach {where}: {str(e).splitlines()[0]}{hint}") from None
    try:
        yield
    finally:
        ray.shutdown()


def _ray():  # type: ignore[no-untyped-def]
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'spendscope[ray]'") from None
    return ray


__all__ = ["MAX_RETRIES", "Piece", "split", "stage", "stage_piece"]
