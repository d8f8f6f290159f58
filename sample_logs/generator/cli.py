"""The command line of the generator (``python sample_logs/generate.py``): the sample week by
default, the months of history before it with ``--history``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .history import DEFAULT_HISTORY_OUT, write_history
from .traffic import FORMATS
from .week import DEFAULT_OUT, DEFAULT_REQUESTS, DEFAULT_SEED, generate


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic week of Northwind Labs LLM API logs, "
                                             "or (--history) the months of daily usage and cost exports before it.")
    ap.add_argument("--out", type=Path, default=None,
                    help="output folder (default: sample_logs/week, with --history sample_logs/history)")
    ap.add_argument("--requests", type=int, default=None, help=f"total requests (default: {DEFAULT_REQUESTS})")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    ap.add_argument("--formats", default=None, help=f"comma-separated subset of: {','.join(FORMATS)}")
    ap.add_argument("--no-gzip", action="store_true", help="write plain .jsonl instead of .jsonl.gz")
    ap.add_argument("--no-bad-lines", action="store_true", help="leave out the deliberately corrupt lines")
    ap.add_argument("--history", action="store_true",
                    help="write the history 2026-05-01 .. 2026-10-04 (daily usage and cost exports of both "
                         "providers, and prices.toml) instead of the week; it is calibrated to the default week")
    args = ap.parse_args(argv)
    if args.history:
        if args.requests is not None or args.formats or args.no_bad_lines:
            print("error: --history takes --out, --seed and --no-gzip only (its volumes follow the default week)",
                  file=sys.stderr)
            return 2
        _print_history(write_history(args.out or DEFAULT_HISTORY_OUT, args.seed, gzip_output=not args.no_gzip))
        return 0
    try:
        summary = generate(args.out or DEFAULT_OUT, DEFAULT_REQUESTS if args.requests is None else args.requests,
                           args.seed, args.formats.split(",") if args.formats else None,
                           gzip_output=not args.no_gzip, bad_lines=not args.no_bad_lines)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    _print_week(summary)
    return 0


def _print_week(summary: dict[str, Any]) -> None:
    files = summary["files"]
    cc = {k: v for k, v in files.items() if k.startswith("claude_code")}
    shown = {k: v for k, v in files.items() if not k.startswith("claude_code")}
    if cc:
        shown[f"claude_code/ ({len(cc)} session files)"] = sum(cc.values())
    print(f"wrote {summary['total_requests']:,} requests to {summary['out_dir']}")
    for fmt, n in summary["requests"].items():
        print(f"  {fmt:<20} {n:>9,} requests")
    for name, n in shown.items():
        print(f"  {name:<45} {n:>9,} lines")
    print(f"  expected_categories rows {summary['expected_rows']:,}; known bad lines {len(summary['known_bad_lines'])}")
    sig = summary["signals"]
    print(f"  signals: {sig['json_requested']:,} JSON requests ({sig['json_malformed']:,} malformed), "
          f"{sig['truncated']:,} cut, {sig['content_filter']:,} filtered, {sig['retries']:,} retries, "
          f"{sig['overrides']:,} overrides (+{sig['override_marks']:,} marked); "
          f"feedback.csv {summary['feedback_rows']:,} rows ({sig['feedback_flags']:,} flagged)")


def _print_history(summary: dict[str, Any]) -> None:
    first, last = summary["period"]
    print(f"wrote the history {first} .. {last} to {summary['out_dir']}")
    for name, n in summary["files"].items():
        print(f"  {name:<45} {n:>5,} {'pages' if name.endswith(('.jsonl', '.gz')) else 'file'}")
    print(f"  {'month':<8} {'OpenAI requests':>16} {'OpenAI billed':>14} {'Anthropic tokens':>17} {'Anthropic billed':>17}")
    for month, m in summary["months"].items():
        o, a = m["openai"], m["anthropic"]
        print(f"  {month:<8} {o['requests']:>16,.0f} {o['billed_usd']:>14,.2f} {a['tokens']:>17,.0f} "
              f"{a['billed_usd']:>17,.2f}")
