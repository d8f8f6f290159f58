"""Benchmarks, printed as figures: ``make bench`` (or ``python bench/run.py``).

Ingest: end-to-end ``spendscope ingest`` of N lines of OpenAI chat logs (format 1) against
a bare ``polars.read_ndjson`` of the same file, each in its own process, alternated in one
run (these machines are shared and noisy: compare ratios from the same run). Reports wall
time, peak resident memory and the ratio (target: ≤ 2×).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PY = sys.executable
SPENDSCOPE = str(Path(PY).parent / "spendscope")


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


def ensure_log(lines: int) -> Path:
    path = OUT / f"openai_chat_{lines}.jsonl"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=OUT))
    print(f"generating {lines:,} lines of openai_chat logs ...", flush=True)
    subprocess.run(
        [PY, str(ROOT / "sample_logs" / "generate.py"), "--out", str(tmp), "--requests", str(lines),
         "--formats", "openai_chat", "--no-gzip", "--no-bad-lines"],  # bare read_ndjson fails on one
        check=True, stdout=subprocess.DEVNULL,
    )
    (tmp / "logs" / "openai_chat.jsonl").rename(path)
    shutil.rmtree(tmp)
    return path


def bench_ingest(lines: int, rounds: int) -> None:
    path = ensure_log(lines)
    size_mb = path.stat().st_size / 1e6
    with open(path, "rb") as f:
        n_lines = sum(1 for _ in f)
    bare_cmd = [PY, "-c", f"import polars as pl; pl.read_ndjson({str(path)!r})"]
    bare, ours = [], []
    for _ in range(rounds):
        bare.append(run(bare_cmd))
        ws = tempfile.mkdtemp(prefix="ws-", dir=OUT)
        ours.append(run([SPENDSCOPE, "ingest", str(path), "--workspace", ws]))
        shutil.rmtree(ws)
    b = min(bare)
    o = min(ours)
    print(f"ingest: {n_lines:,} lines ({size_mb:,.0f} MB) of openai_chat, best of {rounds}")
    print(f"  bare polars.read_ndjson : {b[0]:6.2f} s   peak {max(m for _, m in bare):7,.0f} MB")
    print(f"  spendscope ingest       : {o[0]:6.2f} s   peak {max(m for _, m in ours):7,.0f} MB"
          f"   ({n_lines / o[0]:,.0f} lines/s)")
    print(f"  ratio ingest / bare     : {o[0] / b[0]:6.2f}x  (target <= 2.0x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    bench_ingest(args.lines, args.rounds)


if __name__ == "__main__":
    main()
