"""``generate()``: write the sample week (every selected format, the expected categories, the
known bad lines and the feedback) and return a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from random import Random
from typing import Any

from .anthropic_messages import write_anthropic
from .bad_lines import BAD_FILE, bad_lines_md, plan_bad_lines
from .claude_code import write_claude_code
from .langfuse import write_langfuse
from .litellm import write_litellm
from .openai_batch import write_openai_batch
from .openai_chat import write_openai_chat
from .outputs import FEEDBACK_FILE, Expected, jsonl_ext, write_feedback
from .signals import Signals
from .traffic import FORMATS, FORMAT_SHARES

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "week"
DEFAULT_REQUESTS = 50_000
DEFAULT_SEED = 7

Writer = Callable[[Random, int, Path, bool, Expected, dict[int, bytes], Signals], dict[str, int]]
WRITERS: dict[str, Writer] = {
    "openai_chat": write_openai_chat,
    "openai_batch": write_openai_batch,
    "anthropic_messages": write_anthropic,
    "litellm": write_litellm,
    "langfuse": write_langfuse,
    "claude_code": write_claude_code,
}


def allocate(total: int, formats: Sequence[str]) -> dict[str, int]:
    """Split ``total`` requests over ``formats`` by FORMAT_SHARES (largest remainder)."""
    weights = {f: FORMAT_SHARES[f] for f in formats}
    s = sum(weights.values())
    raw = {f: total * w / s for f, w in weights.items()}
    counts = {f: int(v) for f, v in raw.items()}
    rest = total - sum(counts.values())
    for f in sorted(formats, key=lambda f: (-(raw[f] - counts[f]), FORMATS.index(f)))[:rest]:
        counts[f] += 1
    return {f: counts[f] for f in FORMATS if f in counts}


def generate(
    out_dir: Path,
    requests: int = DEFAULT_REQUESTS,
    seed: int = DEFAULT_SEED,
    formats: Sequence[str] | None = None,
    *,
    gzip_output: bool = True,
    bad_lines: bool = True,
) -> dict[str, Any]:
    """Write the sample week into ``out_dir`` and return a summary.

    Args:
        out_dir: folder to write (created if missing).
        requests: total billed API requests over all selected formats.
        seed: RNG seed; the same arguments always give byte-identical files.
        formats: subset of FORMATS (default: all). Requests are split by FORMAT_SHARES.
        gzip_output: gzip every file (``.jsonl.gz``) or write plain ``.jsonl``.
        bad_lines: add the deliberately corrupt lines listed in KNOWN_BAD_LINES.md.

    Returns:
        ``{"requests": {format: n}, "total_requests", "files": {relative path: lines},
        "expected_rows", "known_bad_lines": [{"file", "line", "reason"}], ...}``.
    """
    out_dir = Path(out_dir)
    selected = list(FORMATS) if formats is None else [f.strip() for f in formats if f.strip()]
    unknown = [f for f in selected if f not in FORMAT_SHARES]
    if unknown or not selected:
        raise ValueError(f"unknown format(s) {unknown or selected}; choose from {', '.join(FORMATS)}")
    if requests < 0:
        raise ValueError("requests must be >= 0")
    counts = allocate(requests, selected)
    log_dir = out_dir / "logs"  # only logs here, so `spendscope ingest week/logs` reads them all
    log_dir.mkdir(parents=True, exist_ok=True)
    expected = Expected(out_dir / ("expected_categories.csv.gz" if gzip_output else "expected_categories.csv"), gzip_output)
    files: dict[str, int] = {}
    bad_items: list[tuple[str, int, str]] = []
    feedback: list[tuple[str, str, str]] = []
    signals: dict[str, int] = {}
    spread: dict[tuple[str, ...], float] = {}
    for fmt, n in counts.items():
        r = Random(f"spendscope-sample:{seed}:{fmt}")
        sig = Signals(seed, fmt, spread)
        bad: dict[int, bytes] = {}
        if bad_lines and fmt in BAD_FILE:
            bad, reasons = plan_bad_lines(fmt, n, seed)
            bad_items += [(BAD_FILE[fmt] + jsonl_ext(gzip_output), ln, why) for ln, why in reasons]
        files.update(WRITERS[fmt](r, n, log_dir, gzip_output, expected, bad, sig))
        feedback += sig.feedback
        for k, v in sig.counts.items():
            signals[k] = signals.get(k, 0) + v
    expected_rows = expected.close()
    (out_dir / "KNOWN_BAD_LINES.md").write_text(bad_lines_md(bad_items), encoding="utf-8")
    write_feedback(out_dir / FEEDBACK_FILE, feedback)
    return {
        "out_dir": str(out_dir),
        "seed": seed,
        "week": ["2026-10-05", "2026-10-11"],
        "requests": counts,
        "total_requests": sum(counts.values()),
        "files": dict(sorted(files.items())),
        "expected_rows": expected_rows,
        "known_bad_lines": [{"file": f, "line": ln, "reason": why} for f, ln, why in bad_items],
        "feedback_rows": len(feedback),
        "signals": signals,
    }
