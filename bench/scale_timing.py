"""Timing whole commands and printing figures, for ``bench/scale.py``.

Every command runs in its own process. Wall time is ``time.perf_counter`` around the child;
peak memory is "Maximum resident set size" from ``/usr/bin/time -v`` (``os.wait4``'s
``ru_maxrss`` when that is missing).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


# --------------------------------------------------------------------------------------
# Running and timing one command
# --------------------------------------------------------------------------------------


class Failed(Exception):
    """A command exited non-zero: its exit code and stderr."""

    def __init__(self, message: str, code: int = 1, stderr: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.stderr = stderr


@dataclass
class Sample:
    wall: float  # seconds
    rss_mb: float  # peak resident set size, MB
    stdout: str = ""


def run(cmd: list[str], env: dict[str, str] | None = None) -> Sample:
    """Wall seconds, peak RSS and stdout of one child process; raises Failed on a non-zero exit."""
    scratch = Path(tempfile.mkdtemp(prefix="run-", dir=OUT))
    try:
        prefix = [TIME, "-v", "-o", str(scratch / "time")] if TIME else []
        with open(scratch / "out", "wb") as out, open(scratch / "err", "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(prefix + cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        proc.returncode = code  # reaped by os.wait4 above, not by proc.wait()
        stdout = (scratch / "out").read_text(errors="replace")
        stderr = (scratch / "err").read_text(errors="replace")
        if code != 0:
            tail = " | ".join(stderr.strip().splitlines()[-3:])
            raise Failed(f"{describe(cmd)} exited {code}: {tail}", code, stderr)
        rss_kb = peak_rss_kb(scratch / "time") if TIME else usage.ru_maxrss
        return Sample(wall, rss_kb / 1024, stdout)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def describe(cmd: list[str]) -> str:
    """The command line, with an inline python script shown as <script>."""
    return " ".join("<script>" if "\n" in arg else arg for arg in cmd)


def peak_rss_kb(time_output: Path) -> int:
    for line in time_output.read_text().splitlines():
        if "Maximum resident set size" in line:
            return int(line.rsplit(":", 1)[1])
    raise Failed(f"no peak RSS in {time_output}")


def combine(*samples: Sample) -> Sample:
    """Commands run one after the other: walls add up, the peak is the largest one."""
    return Sample(sum(s.wall for s in samples), max(s.rss_mb for s in samples), samples[-1].stdout)


def alternate(runs: int, *commands) -> list[list[Sample]]:
    """Call each command (a function returning a Sample) ``runs`` times, taking turns."""
    samples: list[list[Sample]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            samples[i].append(command())
    return samples


# --------------------------------------------------------------------------------------
# Figures: medians, ratios, printing
# --------------------------------------------------------------------------------------


def stats(samples: list[Sample]) -> dict:
    walls = [s.wall for s in samples]
    return {"median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
            "median_rss_mb": statistics.median(s.rss_mb for s in samples), "walls_s": walls}


def show(label: str, samples: list[Sample]) -> dict:
    st = stats(samples)
    print(f"  {label:<42} {st['median_s']:7.2f} s  ({st['min_s']:.2f}-{st['max_s']:.2f})"
          f"   peak {st['median_rss_mb']:7,.0f} MB")
    return st


def verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("PASS" if ok else "MISS")


def compare(row: str, ours_label: str, ours: list[Sample], peer_label: str, peer: list[Sample],
            target: float | None, strict: bool = False) -> dict:
    """Print ours beside the peer and the ratio of the median walls; return the figure."""
    o, p = show(ours_label, ours), show(peer_label, peer)
    ratio = o["median_s"] / p["median_s"]
    ok = None if target is None else (ratio < target if strict else ratio <= target)
    target_text = "-" if target is None else f"{'<' if strict else '<='} {target:g}x"
    label = "ratio ours / " + peer_label
    print(f"  {label:<42} {ratio:7.2f}x  (target {target_text})  {verdict(ok)}")
    return {"row": row, "ours": f"{o['median_s']:.2f} s",
            "peer": f"{peer_label} {p['median_s']:.2f} s", "ratio": f"{ratio:.2f}x",
            "target": target_text, "pass": ok, "ours_stats": o, "peer_stats": p}


def single_figure(row: str, ours: str, target: str, ok: bool | None, **detail) -> dict:
    """A figure with no peer (or one that could not run); ``detail`` may name the peer."""
    return {"row": row, "ours": ours, "peer": "-", "ratio": "-", "target": target, "pass": ok,
            **detail}


def failed_figure(row: str, error: Exception) -> dict:
    print(f"  FAILED: {error}")
    return {"row": row, "ours": "FAILED", "peer": "-", "ratio": "-", "target": "-", "pass": False,
            "error": str(error)}
