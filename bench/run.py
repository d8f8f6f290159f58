"""Benchmarks, printed as figures: ``make bench`` (or ``python bench/run.py``).

Classification: the sample week's distinct prompt templates through the rules and the model
(target ≥ 2,000 templates/s), and templates classified plus every row assigned its
category (target ≥ 50,000 requests/s).

Pricing: 1 M synthetic canonical requests (8 models incl. a tiered one × 30 days × 2 service
tiers, cache reads and writes) priced end to end — distinct keys, the unit-price table, the
join and the cost expressions — target ≤ 0.5 s.

Simulate: 10 M synthetic requests (8 models, 26 categories, 7 days) aggregated into cells
once, then one scenario (target ≤ 50 ms) and ``optimize`` (target ≤ 2 s).

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


MODELS = [("openai", "gpt-4o-mini"), ("openai", "gpt-4o"), ("openai", "gpt-5-mini"), ("openai", "o4-mini"),
          ("anthropic", "claude-haiku-4-5"), ("anthropic", "claude-sonnet-4-5"),
          ("anthropic", "claude-opus-4-7"), ("google", "gemini-2.5-pro")]


def synthetic_requests(rows: int, days: int = 30):  # -> pl.DataFrame
    """Canonical requests: 8 models (one tiered), ``days`` days, 2 service tiers, cache reads
    and writes, and every taxonomy category."""
    import polars as pl

    from analyzer.classify.taxonomy import CATEGORIES

    idx = pl.int_range(rows, eager=True)
    pick = lambda values: pl.col("i").mod(len(values)).replace_strict(dict(enumerate(values)),  # noqa: E731
                                                                      return_dtype=pl.String)
    return pl.DataFrame({"i": idx}).with_columns(
        pick([p for p, _ in MODELS]).alias("provider"),
        pick([m for _, m in MODELS]).alias("model"),
        ((pl.col("i") * 7).mod(len(CATEGORIES)).replace_strict(dict(enumerate(CATEGORIES)),
                                                               return_dtype=pl.String)).alias("category"),
        (pl.lit(1_790_000_000_000_000) + pl.col("i") * 2_591_000_000 % (days * 86_400_000_000))
        .cast(pl.Datetime("us", "UTC")).alias("timestamp"),
        pl.when(pl.col("i").mod(5) == 0).then(pl.lit("batch")).otherwise(pl.lit("standard")).alias("service_tier"),
        pl.lit("ok").alias("status"),
        pl.lit('{"project":"helpdesk","feature":"triage"}').alias("metadata"),
        pl.lit(1, pl.Int64).alias("requests"),
        (pl.col("i") * 7919 % 300_000).alias("input_tokens"),
        (pl.col("i") * 104_729 % 2_000).alias("output_tokens"),
        pl.lit(0, pl.Int64).alias("reasoning_tokens"),
    ).with_columns(
        (pl.col("input_tokens") // 2).alias("cache_read_tokens"),
        (pl.col("input_tokens") // 10).alias("cache_write_tokens"),
        pl.lit(0, pl.Int64).alias("cache_write_1h_tokens"),
    ).drop("i")


def bench_pricing(rows: int) -> None:
    import polars as pl

    from analyzer.pricing.cost import price

    frame = synthetic_requests(rows).drop("category")
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        total = price(frame.lazy()).frame.select(pl.col("cost_usd").sum()).collect().item()
        best = min(best, time.perf_counter() - start)
    print(f"pricing: {rows:,} requests (8 models x 30 days x 2 tiers), best of 3")
    print(f"  distinct keys + price table + join + cost : {best:6.3f} s   (target <= 0.5 s)"
          f"   total ${total:,.2f}")


def bench_classify() -> None:
    import polars as pl

    from analyzer.classify.assign import categorize, classify_templates
    from analyzer.classify.classifier import classify_keys
    from analyzer.classify.model import load
    from analyzer.ingest.pipeline import ingest

    result = ingest([ROOT / "sample_logs" / "week" / "logs"])
    templates = result.templates
    keys = templates["template_key"].to_list()
    from analyzer.classify import rules

    def cold() -> None:  # forget what a previous pass learned (per-word n-grams, rule verdicts)
        load()._char_cache.clear()
        load()._system_cache.clear()
        rules._first.cache_clear()

    load()  # the model loads once per process; not part of the per-template rate
    cold()
    start = time.perf_counter()
    classify_keys(keys)
    per_template = time.perf_counter() - start
    cold()
    start = time.perf_counter()
    rows = categorize(result.rows.lazy(), classify_templates(templates)).select(pl.len()).collect().item()
    end_to_end = time.perf_counter() - start
    requests = int(result.rows["requests"].sum())
    print(f"classify: sample week, {requests:,} requests in {len(keys):,} distinct templates")
    print(f"  rules + model on every template      : {per_template:6.3f} s   "
          f"({len(keys) / per_template:,.0f} templates/s; target >= 2,000)")
    print(f"  templates classified + rows assigned : {end_to_end:6.3f} s   "
          f"({rows / end_to_end:,.0f} requests/s; target >= 50,000)")


def bench_simulate(rows: int) -> None:
    from analyzer.simulate import policy
    from analyzer.simulate.optimize import optimize
    from analyzer.simulate.session import Simulator

    frame = synthetic_requests(rows, days=7)
    start = time.perf_counter()
    sim = Simulator(frame.lazy())
    build = time.perf_counter() - start
    del frame
    preset = policy.load("cheapest-tier-per-category")
    times = []
    for _ in range(7):
        start = time.perf_counter()
        result = sim.run(preset)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    found = optimize(sim, 0.9)
    best_opt = time.perf_counter() - start
    times.sort()
    print(f"simulate: {rows:,} requests over 7 days -> {sim.cells.height:,} cells "
          f"(built in {build:.1f} s, once per workspace)")
    print(f"  one scenario (cheapest-tier preset)  : {times[0] * 1000:6.1f} ms best, {times[3] * 1000:.1f} ms median"
          f"   (target <= 50 ms)   saves {result.savings_pct:.1f} %")
    print(f"  optimize --quality-floor 0.9         : {best_opt:6.3f} s   (target <= 2 s; "
          f"{len(found.choices)} categories, saves {found.result.savings_pct:.1f} %)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", choices=["ingest", "pricing", "classify", "simulate"], default=None)
    args = parser.parse_args()
    if args.only in (None, "classify"):
        bench_classify()
    if args.only in (None, "simulate"):
        bench_simulate(10_000_000)
    if args.only in (None, "pricing"):
        bench_pricing(1_000_000)
    if args.only in (None, "ingest"):
        bench_ingest(args.lines, args.rounds)


if __name__ == "__main__":
    main()
