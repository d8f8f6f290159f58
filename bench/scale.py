"""Scale benchmarks against peer tools and bare floors: ``python bench/scale.py``.

Usage::

    python bench/scale.py [--only NAME,...] [--runs N] [--full]

NAME is one of claude_code, frugon, single, memory, reads, templates, dashboard, engines (default: all). The script sets
itself up: it installs its peer tools into ``bench/out/tools/`` (ccusage with npm, frugon in
its own venv), generates its corpora with ``sample_logs/generate.py`` into ``bench/out/``
(git-ignored) and reuses them on the next run. A tool that fails to install skips its row.

Every command runs in its own process. Wall time is ``time.perf_counter`` around the child;
peak memory is "Maximum resident set size" from ``/usr/bin/time -v`` (``os.wait4``'s
``ru_maxrss`` when that is missing). Each figure runs its commands ``--runs`` times (default
3), ours and the peer's alternated in one run (these machines are shared and noisy: only
compare figures from the same run), and prints the median wall seconds (min-max), the median
peak RSS and the ratio of the medians. Every ``spendscope ingest`` gets a fresh, empty
workspace, so ingest is always measured from scratch.

Rows and targets:

1. claude_code -- a Claude Code folder of 100k requests (also 1M with ``--full``):
   ``spendscope ingest`` + ``spendscope report --by day`` timed together against
   ``ccusage daily --json --offline --timezone UTC`` over the same folder (CLAUDE_CONFIG_DIR
   points at a folder whose ``projects`` links to it; HOME is an empty folder so ccusage sees
   no other agent's data; --offline uses its bundled prices; UTC days, as spendscope's).
   Target: ratio < 1. Also checks that the tokens per day agree (ccusage's inputTokens are
   the uncached ones: spendscope input_tokens - cache_read_tokens - cache_write_tokens),
   and shows a floor beside it: a bare python process reading every session file with
   ``polars.read_ndjson`` (no target). A last figure sets the parser's own floor against
   ccusage: one ``read_ndjson`` of all the folder's bytes with the adapter's schema, nothing
   written -- the least any polars-based ingest spends, before its report.
2. frugon -- frugon's own demo log (56,100 calls, .jsonl.gz): ``spendscope ingest`` +
   ``spendscope simulate --policy simple-to-budget`` against ``frugon analyze FILE
   --no-report --no-progress`` (fully local; HOME is an empty folder). Target: ratio <= 0.33
   (3x faster). Also shown beside a bare ``polars.read_ndjson`` of the decompressed file (a
   floor, no target), and the parser's floor (the .gz as shipped, decompressed and read in
   one ``read_ndjson`` with the adapter's schema) against frugon.
3. single -- each generator format as one JSONL corpus of 200k requests: ``spendscope
   ingest`` against a bare ``polars.read_ndjson`` of its file(s) in one python process, the
   schema inferred from every line (the default, the first 100 lines, fails on litellm).
   Target: ratio <= 1.5. Polars cannot read the langfuse file at all (its observations'
   structs differ): that one shows ours alone.
4. memory -- peak RSS of ``spendscope ingest`` of one openai_chat file at 200k and 1M
   requests. Targets: <= 1 GB (1,024 MB) at 1M; growth from 200k to 1M <= 25 %. With
   ``--full`` also the generator's default mix at 10M requests, ingested once: <= 2 GB.
5. reads -- a workspace of the default mix at 1M requests (also 10M with ``--full``), ingested
   once and kept: ``spendscope report --by X`` for X in model, category, meta:project, day
   against one bare ``pl.scan_parquet`` group-by over the workspace's Parquet parts (category
   is not stored: the bare query groups by template_id instead). Target: ratio <= 1.5.
6. templates -- templates and rollup cells per 1M requests of two kinds of traffic: the
   generator's templated mix (the reads workspace) and a chat-like log
   (``bench/chat_corpus.py``: chat apps whose users all write something different, where
   each request used to be a template of its own). Counts, no target: the issue asked to
   measure both.
7. dashboard -- the same workspace: seconds from starting ``spendscope serve`` until its
   page layout (``/_dash-layout``) answers, i.e. the views are built and the server
   listens, and the server's peak RSS then; at 1M (also 10M with ``--full``). Target:
   <= 5 s at 10M requests.

8. engines -- ``spendscope ingest --engine ray`` against ``--engine local`` on a corpus of
   10M lines in 200 files (``bench/files_corpus.py``: an hourly gateway export, short
   templated requests), on a Ray instance started once beforehand with ``ray start --head
   --num-cpus 2`` (its start-up is timed and shown apart) and joined with ``--ray-address
   auto``. Target: ratio <= 1.2. Peak RSS is the driver's own (the workers are the Ray
   instance's processes, not the command's children). Needs the ``ray`` extra.

The figures are printed as they are measured, then as a summary table, and written as JSON
to ``bench/out/scale.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import chat_corpus
import files_corpus
from scale_setup import (
    PY, ROOT, TOOLS, claude_config_dir, corpus, decompressed, ensure_ccusage, ensure_frugon, frugon_demo_log,
    isolated_env,
)
from scale_timing import (
    OUT, TIME, Failed, Sample, alternate, combine, compare, failed_figure, run, show, single_figure, stats,
    verdict,
)

SPENDSCOPE = str(Path(PY).parent / "spendscope")

ROWS = ("claude_code", "frugon", "single", "memory", "reads", "templates", "dashboard", "engines")
SINGLE_FORMATS = ("openai_chat", "anthropic_messages", "litellm", "langfuse", "openai_batch")
READ_KEYS = ("model", "category", "meta:project", "day")
SIMULATE_POLICY = "simple-to-budget"

# A bare python process reading JSONL files: the floor for ingest. The schema is inferred
# from every line (the default, the first 100, fails on the litellm corpus; it costs the same
# on openai_chat).
BARE_READ = """
import sys
import polars as pl
for path in sys.argv[1:]:
    pl.read_ndjson(path, infer_schema_length=None)
"""

# The same over every JSONL file under a folder (a Claude Code projects folder).
BARE_READ_FOLDER = """
import sys
from pathlib import Path
import polars as pl
for path in sorted(Path(sys.argv[1]).rglob("*.jsonl")):
    pl.read_ndjson(path, infer_schema_length=None)
"""

# The parser's floor: every byte of the folder (or one file, gzip or not) in ONE read_ndjson
# call with the adapter's own schema -- what any polars-based ingest must at least spend.
PARSER_FLOOR = """
import gzip, io, sys
from pathlib import Path
import polars as pl
from analyzer.ingest.formats import FORMATS
schema = {f.name: f.schema for f in FORMATS}[sys.argv[1]]
root = Path(sys.argv[2])
files = sorted(root.rglob("*.jsonl")) if root.is_dir() else [root]
data = b"".join(gzip.open(f).read() if f.suffix == ".gz" else f.read_bytes() for f in files)
pl.read_ndjson(io.BytesIO(data), schema=schema)
"""

# A bare python process doing one report's group-by straight over a workspace's Parquet parts.
BARE_GROUP_BY = """
import json, sys
import polars as pl
ws, by = sys.argv[1], sys.argv[2]
with open(f"{ws}/manifest.json") as f:
    parts = [f"{ws}/{part}" for part in json.load(f)["parts"]]
key = {
    "model": pl.col("model"),
    "category": pl.col("template_id"),  # category is not stored; the template is its proxy
    "meta:project": pl.col("metadata").str.json_path_match("$.project"),
    "day": pl.col("timestamp").dt.date(),
}[by]
sums = ["requests", "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens"]
pl.scan_parquet(parts).group_by(key.alias("key")).agg(pl.col(c).sum() for c in sums).collect()
"""


# --------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------


@contextlib.contextmanager
def fresh_workspace():
    """A new, empty workspace folder, deleted afterwards."""
    ws = Path(tempfile.mkdtemp(prefix="ws-", dir=OUT))
    try:
        yield ws
    finally:
        shutil.rmtree(ws, ignore_errors=True)


def ingest(paths: list[Path], ws: Path) -> Sample:
    return run([SPENDSCOPE, "ingest", *map(str, paths), "--workspace", str(ws), "--json"])


def report(ws: Path, by: str) -> Sample:
    return run([SPENDSCOPE, "report", "--by", by, "--json", "--workspace", str(ws)])


def bare_read(paths: list[Path]) -> Sample:
    return run([PY, "-c", BARE_READ, *map(str, paths)])


def bare_read_error(paths: list[Path]) -> str:
    """One unmeasured bare read: '' when polars reads the files, else its error."""
    try:
        bare_read(paths)
        return ""
    except Failed as e:
        return e.stderr.strip().splitlines()[-1] if e.stderr.strip() else str(e)


def reads_workspace(requests: int) -> Path:
    """``bench/out/ws-reads-N``: the default mix, ingested once and kept until the code that
    writes a workspace changes (a stale layout would measure the old engine)."""
    ws = OUT / f"ws-reads-{requests}"
    stamp = ws / ".bench-writer"
    if (ws / "manifest.json").exists() and stamp.is_file() and stamp.read_text() == writer_digest():
        return ws
    logs = corpus("mix", requests, None, bad_lines=True)
    print(f"  ingesting {logs.relative_to(ROOT)} into {ws.relative_to(ROOT)} (once) ...",
          flush=True)
    shutil.rmtree(ws, ignore_errors=True)
    try:
        ingest([logs], ws)
    except Failed:
        shutil.rmtree(ws, ignore_errors=True)
        raise
    stamp.write_text(writer_digest())
    return ws


def writer_digest() -> str:
    """A digest of the sources that decide a workspace's layout."""
    h = hashlib.blake2b(digest_size=12)
    sources = [ROOT / "analyzer" / name for name in ("workspace.py", "rollup.py", "schema.py")]
    for path in sorted([*sources, *(ROOT / "analyzer" / "ingest").glob("*.py")]):
        h.update(path.read_bytes())
    return h.hexdigest()


# --------------------------------------------------------------------------------------
# Rows
# --------------------------------------------------------------------------------------


def tokens_per_day_check(report_json: str, ccusage_json: str) -> tuple[bool, str]:
    """Compare spendscope's report --by day with ccusage daily; (equal, first difference)."""
    fields = ("inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens")
    ours = {}
    for g in json.loads(report_json)["groups"]:
        ours[g["key"]] = {
            "inputTokens": g["input_tokens"] - g["cache_read_tokens"] - g["cache_write_tokens"],
            "outputTokens": g["output_tokens"],
            "cacheCreationTokens": g["cache_write_tokens"],
            "cacheReadTokens": g["cache_read_tokens"],
        }
    theirs = {}
    for d in json.loads(ccusage_json)["daily"]:
        theirs[d.get("period") or d.get("date")] = {field: d[field] for field in fields}
    found = sorted(day for day, tokens in theirs.items() if sum(tokens.values()) > 0)
    print(f"  ccusage found tokens on {len(found)} days"
          + (f": {found[0]} .. {found[-1]}" if found else " (it did not find the sessions)"))
    for day in sorted(set(ours) | set(theirs)):
        for field in fields:
            a, b = ours.get(day, {}).get(field), theirs.get(day, {}).get(field)
            if a != b:
                return False, f"{day} {field}: spendscope {a} vs ccusage {b}"
    return True, ""


def row_claude_code(requests: int, runs: int) -> list[dict]:
    row = f"claude_code {requests:,}"
    print(f"\n[{row}] spendscope ingest + report --by day vs ccusage daily")
    ccusage = ensure_ccusage()
    if ccusage is None:
        return []
    logs = corpus("cc", requests, ["claude_code"]) / "claude_code"
    config = claude_config_dir(logs.parent.parent)
    env = isolated_env(OUT / "cc-home", CLAUDE_CONFIG_DIR=str(config))
    sessions = sum(1 for _ in logs.rglob("*.jsonl"))
    print(f"  {logs.relative_to(ROOT)}: {sessions:,} session files")
    ingests, reports = [], []

    def ours() -> Sample:
        with fresh_workspace() as ws:
            ingests.append(ingest([logs], ws))
            reports.append(report(ws, "day"))
        return combine(ingests[-1], reports[-1])

    def peer() -> Sample:
        return run([str(ccusage), "daily", "--json", "--offline", "--timezone", "UTC"], env=env)

    def bare() -> Sample:
        return run([PY, "-c", BARE_READ_FOLDER, str(logs)])

    def parser() -> Sample:
        return run([PY, "-c", PARSER_FLOOR, "claude_code", str(logs)])

    mine, theirs, floor, parsed = alternate(runs, ours, peer, bare, parser)
    show("spendscope ingest", ingests)
    show("spendscope report --by day", reports)
    figure = compare(row, "spendscope ingest + report", mine, "ccusage daily", theirs, 1.0,
                     strict=True)
    floor_figure = compare(f"{row} floor", "spendscope ingest + report", mine,
                           "bare read_ndjson of each file", floor, None)
    print("  the parser's floor against the peer (no workspace written, no report process):")
    parser_figure = compare(f"{row} parser floor", "one read_ndjson of all bytes", parsed,
                            "ccusage daily", theirs, None)
    equal, difference = tokens_per_day_check(mine[-1].stdout, theirs[-1].stdout)
    print(f"  tokens per day equal: {'yes' if equal else 'no'}"
          + (f"  (first difference: {difference})" if difference else ""))
    figure.update(ingest_stats=stats(ingests), report_stats=stats(reports), sessions=sessions)
    check = single_figure(f"{row} tokens/day", "equal" if equal else "differ", "equal", equal,
                          difference=difference)
    return [figure, check, floor_figure, parser_figure]


def row_frugon(runs: int) -> list[dict]:
    row = "frugon demo"
    print(f"\n[{row}] spendscope ingest + simulate --policy {SIMULATE_POLICY} vs frugon analyze")
    frugon = ensure_frugon()
    if frugon is None:
        return []
    log = frugon_demo_log(frugon)
    plain = decompressed(log, OUT / "frugon" / "sample_logs.jsonl")
    env = isolated_env(OUT / "frugon-home")
    print(f"  {log.relative_to(ROOT)} ({log.stat().st_size / 1e6:.1f} MB gz)")
    print(f"  bare floor reads the decompressed copy {plain.relative_to(ROOT)}"
          f" ({plain.stat().st_size / 1e6:.0f} MB)")

    def ours() -> Sample:
        with fresh_workspace() as ws:
            first = ingest([log], ws)
            second = run([SPENDSCOPE, "simulate", "--policy", SIMULATE_POLICY, "--json",
                          "--workspace", str(ws)])
        return combine(first, second)

    def peer() -> Sample:
        return run([str(frugon), "analyze", str(log), "--no-report", "--no-progress"], env=env)

    def parser() -> Sample:
        return run([PY, "-c", PARSER_FLOOR, "openai_chat", str(log)])

    mine, theirs, bare, parsed = alternate(runs, ours, peer, lambda: bare_read([plain]), parser)
    figures = [compare(row, "spendscope ingest + simulate", mine, "frugon analyze", theirs, 0.33)]
    figures.append(compare(f"{row} floor", "spendscope ingest + simulate", mine,
                           "bare read_ndjson", bare, None))
    print("  the parser's floor against the peer (the .gz as shipped, one read, nothing else):")
    figures.append(compare(f"{row} parser floor", "one read_ndjson of the .gz", parsed,
                           "frugon analyze", theirs, None))
    return figures


def row_single(requests: int, runs: int) -> list[dict]:
    figures = []
    for fmt in SINGLE_FORMATS:
        row = f"single {fmt} {requests:,}"
        print(f"\n[{row}] spendscope ingest vs bare polars.read_ndjson")
        try:
            figures.append(single_format(row, corpus(fmt, requests, [fmt]), runs))
        except Failed as e:
            figures.append(failed_figure(row, e))
    return figures


def single_format(row: str, logs: Path, runs: int) -> dict:
    """Ingest the folder of one format against a bare read of its file(s)."""
    files = sorted(logs.glob("*.jsonl"))
    print("  " + ", ".join(f"{p.name} ({p.stat().st_size / 1e6:,.0f} MB)" for p in files))

    def ours() -> Sample:
        with fresh_workspace() as ws:
            return ingest([logs], ws)

    floor_error = bare_read_error(files)
    if floor_error:
        print(f"  bare polars.read_ndjson cannot read it ({floor_error}): ours alone")
        mine = show("spendscope ingest", alternate(runs, ours)[0])
        return single_figure(row, f"{mine['median_s']:.2f} s", "-", None, peer="bare read fails",
                             ours_stats=mine, peer_error=floor_error)
    mine, bare = alternate(runs, ours, lambda: bare_read(files))
    return compare(row, "spendscope ingest", mine, "bare read_ndjson", bare, 1.5)


def ingest_once(path: Path) -> Sample:
    with fresh_workspace() as ws:
        return ingest([path], ws)


def row_memory(small: int, large: int, runs: int, full_mix: int | None) -> list[dict]:
    print(f"\n[memory] peak RSS of spendscope ingest of one openai_chat file,"
          f" {small:,} and {large:,} requests")
    small_file = corpus("openai_chat", small, ["openai_chat"]) / "openai_chat.jsonl"
    large_file = corpus("openai_chat", large, ["openai_chat"]) / "openai_chat.jsonl"
    at_small, at_large = alternate(runs, lambda: ingest_once(small_file),
                                   lambda: ingest_once(large_file))
    small_mb = show(f"ingest openai_chat {small:,}", at_small)["median_rss_mb"]
    large_mb = show(f"ingest openai_chat {large:,}", at_large)["median_rss_mb"]
    growth = (large_mb / small_mb - 1) * 100
    print(f"  peak at {large:,}: {large_mb:,.0f} MB (target <= 1,024 MB)"
          f"  {verdict(large_mb <= 1024)}")
    print(f"  growth {small:,} -> {large:,}: {growth:+.0f} % (target <= 25 %)"
          f"  {verdict(growth <= 25)}")
    figures = [
        single_figure(f"memory openai_chat {large:,}", f"{large_mb:,.0f} MB", "<= 1,024 MB",
                      large_mb <= 1024, ours_stats=stats(at_large)),
        single_figure(f"memory growth {small:,}->{large:,}", f"{growth:+.0f} %", "<= 25 %",
                      growth <= 25, small_stats=stats(at_small)),
    ]
    if full_mix:
        figures.append(memory_mix(full_mix))
    return figures


def memory_mix(requests: int) -> dict:
    """Peak RSS of one ingest of the generator's default mix (long: only with --full)."""
    row = f"memory mix {requests:,}"
    print(f"\n[{row}] peak RSS of spendscope ingest of the default mix, one run")
    try:
        mix = ingest_once(corpus("mix", requests, None, bad_lines=True))
    except Failed as e:
        return failed_figure(row, e)
    show(f"ingest mix {requests:,}", [mix])
    ok = mix.rss_mb <= 2048
    print(f"  peak: {mix.rss_mb:,.0f} MB (target <= 2,048 MB)  {verdict(ok)}")
    return single_figure(row, f"{mix.rss_mb:,.0f} MB", "<= 2,048 MB", ok, ours_stats=stats([mix]))


def row_templates(requests: int) -> list[dict]:
    """Templates and rollup cells of a templated and a chat-like log (the figures are counts:
    one ingest each; a reused reads workspace for the mix)."""
    print(f"\n[templates {requests:,}] templates and rollup cells: the generator's mix and a chat-like log")
    chat = OUT / f"chat-{requests}" / "chat.jsonl"
    if not chat.exists():
        print(f"  writing {requests:,} chat-like requests to {chat.relative_to(ROOT)} ...", flush=True)
        chat_corpus.write(chat, requests)
    figures = []
    with fresh_workspace() as ws:
        sample = ingest([chat], ws)
        show(f"ingest chat-like {requests:,}", [sample])
        figures.append(template_figure(f"templates chat-like {requests:,}", ws, requests, sample))
    figures.append(template_figure(f"templates mix {requests:,}", reads_workspace(requests), requests, None))
    return figures


def template_figure(row: str, ws: Path, requests: int, sample: Sample | None) -> dict:
    code = ("import sys, polars as pl; from analyzer.workspace import Workspace; from analyzer import rollup;"
            "w = Workspace(sys.argv[1]);"
            "print(w.templates().height, w._scan('rollup', rollup.SCHEMA).select(pl.len()).collect().item())")
    out = subprocess.run([PY, "-c", code, str(ws)], check=True, capture_output=True, text=True)
    templates, cells = map(int, out.stdout.split())
    print(f"  {row}: {templates:,} templates, {cells:,} rollup cells for {requests:,} requests")
    detail = {"templates": templates, "rollup_cells": cells}
    if sample is not None:
        detail["ingest"] = stats([sample])
    return single_figure(row, f"{templates:,} templates / {cells:,} cells", "-", None, **detail)


def row_dashboard(requests: int, runs: int) -> list[dict]:
    print(f"\n[dashboard {requests:,}] spendscope serve until its layout answers")
    ws = reads_workspace(requests)
    samples = [serve_start(ws) for _ in range(runs)]
    median = show(f"spendscope serve {requests:,}", samples)["median_s"]
    ok = median <= 5 if requests >= 10_000_000 else None
    print(f"  start: {median:.2f} s (target <= 5 s at 10M)  {verdict(ok)}")
    return [single_figure(f"dashboard start {requests:,}", f"{median:.2f} s", "<= 5 s at 10M", ok,
                          ours_stats=stats(samples))]


def serve_start(ws: Path, timeout: float = 300) -> Sample:
    """Seconds until a fresh ``spendscope serve`` answers ``/_dash-layout``; its RSS then."""
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    start = time.perf_counter()
    proc = subprocess.Popen([SPENDSCOPE, "serve", "--port", str(port), "--workspace", str(ws)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while True:
            if proc.poll() is not None:
                raise Failed(f"spendscope serve exited {proc.returncode}", proc.returncode,
                             proc.stderr.read().decode(errors="replace") if proc.stderr else "")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=5) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.perf_counter() - start > timeout:
                raise Failed(f"spendscope serve did not answer in {timeout:.0f} s")
            time.sleep(0.05)
        wall = time.perf_counter() - start
        status = Path(f"/proc/{proc.pid}/status")
        hwm = [line for line in status.read_text().splitlines() if line.startswith("VmHWM")]
        rss_mb = int(hwm[0].split()[1]) / 1024 if hwm else 0.0
        return Sample(wall, rss_mb)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def row_reads(requests: int, runs: int) -> list[dict]:
    print(f"\n[reads {requests:,}] spendscope report vs one bare pl.scan_parquet group-by")
    ws = reads_workspace(requests)
    figures = []
    for by in READ_KEYS:
        row = f"reads --by {by} {requests:,}"
        try:
            figures.append(read_figure(row, ws, by, runs))
        except Failed as e:
            figures.append(failed_figure(row, e))
    return figures


def read_figure(row: str, ws: Path, by: str, runs: int) -> dict:
    print(f"  --by {by}" + ("  (bare: group by template_id)" if by == "category" else ""))
    mine, bare = alternate(runs, lambda: report(ws, by),
                           lambda: run([PY, "-c", BARE_GROUP_BY, str(ws), by]))
    return compare(row, f"spendscope report --by {by}", mine, "bare scan_parquet", bare, 1.5)


# --------------------------------------------------------------------------------------
# Summary and main
# --------------------------------------------------------------------------------------


def print_summary(figures: list[dict]) -> None:
    header = ("row", "ours", "peer/floor", "ratio", "target", "result")
    lines = [header]
    for f in figures:
        lines.append((f["row"], f["ours"], f["peer"], f["ratio"], f["target"], verdict(f["pass"])))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    print("\nsummary")
    for line in lines:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def versions() -> dict[str, str]:
    def first_line(cmd: list[str]) -> str:
        try:
            out = subprocess.run(cmd, check=False, capture_output=True, text=True, timeout=60)
            return out.stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "-"

    spendscope = "import importlib.metadata as m; print(m.version('spendscope'))"
    return {
        "spendscope": first_line([PY, "-c", spendscope]),
        "polars": first_line([PY, "-c", "import polars; print(polars.__version__)"]),
        "ccusage": first_line([str(TOOLS / "ccusage" / "node_modules" / ".bin" / "ccusage"), "-v"]),
        "frugon": first_line([str(TOOLS / "frugon-venv" / "bin" / "frugon"), "--version"]),
    }


def row_engines(lines: int, runs: int) -> list[dict]:
    row = f"engines ray/local {lines:,} lines"
    print(f"\n[{row}] spendscope ingest --engine ray (Ray up) vs --engine local")
    folder = OUT / f"files-{lines}"
    if not (folder / ".done").exists():
        print(f"  generating {lines:,} lines into {folder.relative_to(ROOT)} ...", flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        files_corpus.write(folder / "logs", lines, files=200)
        (folder / ".done").touch()
    logs = folder / "logs"
    print(f"  {sum(1 for _ in logs.iterdir())} files, {sum(p.stat().st_size for p in logs.iterdir()) / 1e9:.2f} GB")
    ray_bin = str(Path(PY).parent / "ray")
    subprocess.run([ray_bin, "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    started = run([ray_bin, "start", "--head", "--num-cpus", "2", "--include-dashboard=false",
                   "--disable-usage-stats"])
    up = show("ray start --head (start-up, apart)", [started])
    try:
        def engine(*flags: str):  # type: ignore[no-untyped-def]
            def ours() -> Sample:
                with fresh_workspace() as ws:
                    return run([SPENDSCOPE, "ingest", str(logs), "--workspace", str(ws), "--json", *flags])
            return ours

        on_ray, local = alternate(runs, engine("--engine", "ray", "--ray-address", "auto"), engine())
        figure = compare(row, "ingest --engine ray --ray-address auto", on_ray, "ingest --engine local",
                         local, 1.2)
    finally:
        subprocess.run([ray_bin, "stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    per_core = lines / statistics.median(s.wall for s in on_ray) / 2
    print(f"  per worker core: {per_core:,.0f} lines/s ({per_core * 3600 / 1e6:,.1f} M lines per core-hour)")
    return [figure, single_figure("ray start-up", f"{up['median_s']:.2f} s", "-", None),
            single_figure("ray lines per core-second", f"{per_core:,.0f}", "-", None)]


def run_row(name: str, runs: int, full: bool, scale: float) -> list[dict]:
    def n(requests: int) -> int:  # --scale shrinks the corpora for quick checks
        return max(1_000, int(requests * scale))

    if name == "claude_code":
        sizes = [100_000, 1_000_000] if full else [100_000]
        return [figure for size in sizes for figure in row_claude_code(n(size), runs)]
    if name == "frugon":
        return row_frugon(runs)
    if name == "single":
        return row_single(n(200_000), runs)
    if name == "memory":
        return row_memory(n(200_000), n(1_000_000), runs, n(10_000_000) if full else None)
    if name == "templates":
        return row_templates(n(1_000_000))
    if name == "engines":
        return row_engines(n(10_000_000), runs)
    sizes = [1_000_000, 10_000_000] if full else [1_000_000]
    row = row_dashboard if name == "dashboard" else row_reads
    return [figure for size in sizes for figure in row(n(size), runs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(ROWS),
                        help=f"comma-separated subset of {','.join(ROWS)} (default: all)")
    parser.add_argument("--runs", type=int, default=3, help="runs per command (default: 3)")
    parser.add_argument("--full", action="store_true",
                        help="add the 1M Claude Code and 10M mix figures (long)")
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)  # e.g. 0.05
    args = parser.parse_args()
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(ROWS))
    if unknown:
        parser.error(f"unknown --only {','.join(unknown)} (choose from {','.join(ROWS)})")

    OUT.mkdir(parents=True, exist_ok=True)
    # Bytecode as an installed package has it (pip compiles wheels; an editable install
    # writes it on the first run unless PYTHONDONTWRITEBYTECODE is set, as on some CI hosts).
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "analyzer"), str(ROOT / "dashboard")],
                   check=True, stdout=subprocess.DEVNULL)
    print(f"bench/scale.py: {args.runs} run(s) per command; median (min-max) wall, median peak RSS"
          + ("; --full" if args.full else "")
          + (f"; scale {args.scale:g}" if args.scale != 1 else ""))
    figures = []
    for name in ROWS:
        if name in only:
            try:
                figures += run_row(name, args.runs, args.full, args.scale)
            except (Failed, subprocess.CalledProcessError) as e:
                figures.append(failed_figure(name, e))
    print_summary(figures)
    result = {
        "args": vars(args),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "versions": versions(),
        "peak_rss_from": "/usr/bin/time -v" if TIME else "os.wait4 ru_maxrss",
        "figures": figures,
    }
    (OUT / "scale.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"\nwrote {(OUT / 'scale.json').relative_to(ROOT)}")


if __name__ == "__main__":
    main()
