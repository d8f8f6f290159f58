"""Deliberately corrupt lines: an ingester must reject and report each of them and still load
every other line. KNOWN_BAD_LINES.md lists them."""

from __future__ import annotations

import re
from random import Random

import orjson

from .clock import DAY_MS, HOUR_MS, WEEK_START_MS
from .litellm import litellm_record
from .openai_chat import openai_chat_record
from .traffic import MIXES


def plan_bad_lines(fmt: str, n_lines: int, seed: int) -> tuple[dict[int, bytes], list[tuple[int, str]]]:
    """Corrupt lines for a file of ``n_lines`` good lines: {line number: bytes} and reasons."""
    if fmt not in ("openai_chat", "litellm") or n_lines < 40:
        return {}, []
    rb = Random(f"spendscope-sample:{seed}:bad:{fmt}")
    mid = WEEK_START_MS + 2 * DAY_MS + 10 * HOUR_MS
    plan: list[tuple[float, bytes, str]] = []
    if fmt == "openai_chat":
        entries = MIXES["openai_chat"]
        rec = openai_chat_record(rb, entries[0], mid, None)
        while rec.get("response") is None:
            rec = openai_chat_record(rb, entries[0], mid, None)
        b = orjson.dumps(rec)
        plan.append((0.41, b[: int(len(b) * 0.55)], "truncated JSON: the writer stopped mid-record (invalid JSON)"))
        rec = openai_chat_record(rb, entries[9], mid + 7_200_000, None)
        while rec.get("response") is None:
            rec = openai_chat_record(rb, entries[9], mid + 7_200_000, None)
        u = rec["response"]["usage"]
        u["prompt_tokens"] = -u["prompt_tokens"]
        u["total_tokens"] = u["prompt_tokens"] + u["completion_tokens"]
        plan.append((0.87, orjson.dumps(rec), "negative token count (response.usage.prompt_tokens < 0)"))
    else:
        entries = MIXES["litellm"]
        rec = litellm_record(rb, entries[1], mid, None)
        while rec["status"] != "success":
            rec = litellm_record(rb, entries[1], mid, None)
        rec["completion_tokens"] = -rec["completion_tokens"] - 1
        rec["total_tokens"] = rec["prompt_tokens"] + rec["completion_tokens"]
        plan.append((0.29, orjson.dumps(rec), "negative token count (completion_tokens < 0)"))
        rec = litellm_record(rb, entries[3], mid + 3_600_000, None)
        rec["startTime"] = "last tuesday"  # the only time field the payload is dated by
        plan.append((0.52, orjson.dumps(rec), "unparseable timestamp: startTime is \"last tuesday\""))
        a = orjson.dumps(litellm_record(rb, entries[0], mid + 5_400_000, None))
        b = orjson.dumps(litellm_record(rb, entries[2], mid + 5_400_500, None))
        plan.append((0.74, a[: int(len(a) * 0.4)] + b,
                     "two records fused on one line, the first cut short (crash during write; invalid JSON)"))
    bad: dict[int, bytes] = {}
    reasons: list[tuple[int, str]] = []
    total = n_lines + len(plan)
    for frac, data, why in plan:
        pos = max(25, int(total * frac))
        while pos in bad:
            pos += 1
        bad[pos] = data
        reasons.append((pos, why))
    return bad, reasons


def bad_lines_md(items: list[tuple[str, int, str]]) -> str:
    lines = [
        "# Known bad lines",
        "",
        "Deliberately corrupt lines written by `sample_logs/generate.py` (regenerated with the logs);",
        "file names are relative to `logs/`.",
        "An ingester must reject each of them, report file, line and reason, and still load every",
        "other line. Line numbers are 1-based, counted in the decompressed file. The bad lines are",
        "extra records: they are not in `expected_categories.csv.gz` and not in the request counts.",
        "",
        "| file | line | why it is bad |",
        "|---|---|---|",
    ]
    lines += [f"| {f} | {ln} | {why} |" for f, ln, why in items] or ["| (none) | | |"]
    return "\n".join(lines) + "\n"


def parse_known_bad_lines(md_text: str) -> dict[str, set[int]]:
    """{file name: {line numbers}} from a KNOWN_BAD_LINES.md written by this module."""
    out: dict[str, set[int]] = {}
    for m in re.finditer(r"^\| (\S+) \| (\d+) \|", md_text, re.M):
        out.setdefault(m.group(1), set()).add(int(m.group(2)))
    return out


BAD_FILE = {"openai_chat": "openai_chat", "litellm": "litellm_spend_logs"}
