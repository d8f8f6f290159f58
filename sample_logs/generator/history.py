"""``write_history()``: the months before the sample week as the providers' admin APIs export
them, so a workspace has a past: the Monthly page a trend, ``report --reconcile`` bills.

Four exports of daily (``1d``) buckets, one page per JSONL line, in the exact shapes of
``analyzer/ingest/formats/openai_usage.py`` and ``anthropic_admin.py``:

- ``openai_usage_completions``: the organization Usage API for completions, grouped by
  model, project and batch (``num_model_requests``, ``input_cached_tokens``, ``batch``);
- ``openai_costs``: the Costs API grouped by line item (USD amounts);
- ``anthropic_usage_report``: the Admin usage report for messages, grouped by model,
  workspace and context window (uncached input, cache reads, 5-minute and 1-hour writes);
- ``anthropic_cost_report``: the Admin cost report grouped by description (amounts in cents).

Beside them, ``prices.toml`` carries the discount the cost report bills, for the workspace.
The story and the numbers it is drawn from are in ``history_story.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from random import Random
from typing import Any

from .answers import OPENAI_SNAPSHOT
from .draw import B62, rid
from .history_billing import anthropic_cost_lines, openai_cost_lines
from .history_days import Day, daily_usage
from .history_story import (
    ANTHROPIC_IDS,
    ANTHROPIC_NAMES,
    DISCOUNT,
    HISTORY_END,
    HISTORY_START,
    ORGANIZATION_ID,
    PROJECT_ID,
    WORKSPACE_ID,
)
from .outputs import LineWriter, jsonl_ext

DEFAULT_HISTORY_OUT = Path(__file__).resolve().parents[1] / "history"
EXPORTS = "exports"  # only the exports in here, so `spendscope ingest history/exports` reads them all
PRICES_FILE = "prices.toml"
#: Daily buckets per page: both APIs' default page size for 1d buckets (31 is their maximum).
PAGE_DAYS = 7

Results = Callable[[Day], list[dict[str, Any]]]


def write_history(out_dir: Path, seed: int = 7, *, gzip_output: bool = True) -> dict[str, Any]:
    """Write the history's four exports and ``prices.toml`` into ``out_dir``; return a summary.

    Returns:
        ``{"out_dir", "seed", "period": [first, last], "files": {relative path: pages},
        "months": {YYYY-MM: {provider: {"requests", "tokens", "billed_usd"}}}}``; Anthropic
        requests are counted for the summary only (its usage report has none).
    """
    out_dir = Path(out_dir)
    days = daily_usage(seed)
    pages = Random(f"spendscope-history:{seed}:pages")
    exports = out_dir / EXPORTS
    ext = jsonl_ext(gzip_output)
    files = {
        "openai_usage_completions": _write_openai(exports / f"openai_usage_completions{ext}", gzip_output, days,
                                                  _openai_usage_results, pages),
        "openai_costs": _write_openai(exports / f"openai_costs{ext}", gzip_output, days, _openai_cost_results, pages),
        "anthropic_usage_report": _write_anthropic(exports / f"anthropic_usage_report{ext}", gzip_output, days,
                                                   _anthropic_usage_results, pages),
        "anthropic_cost_report": _write_anthropic(exports / f"anthropic_cost_report{ext}", gzip_output, days,
                                                  _anthropic_cost_results, pages),
    }
    (out_dir / PRICES_FILE).write_text(prices_toml(), encoding="utf-8")
    return {
        "out_dir": str(out_dir),
        "seed": seed,
        "period": [HISTORY_START.isoformat(), HISTORY_END.isoformat()],
        "files": {f"{EXPORTS}/{name}{ext}": n for name, n in files.items()} | {PRICES_FILE: 1},
        "months": monthly(days),
    }


def prices_toml() -> str:
    """The workspace's price settings that match what the cost report bills."""
    return (
        "# Northwind Labs' negotiated prices, for a workspace that holds the sample history\n"
        "# (spendscope demo copies this file into the demo workspace). Written by\n"
        "# `python sample_logs/generate.py --history` with the exports whose cost report bills it.\n"
        "\n"
        "# An annual commitment with Anthropic, signed in August 2026: every Anthropic price is\n"
        f"# {DISCOUNT.percent:g} % below list from {DISCOUNT.start.day} {DISCOUNT.start:%B %Y}.\n"
        "[[discounts]]\n"
        f"percent = {DISCOUNT.percent:g}\n"
        f'provider = "{DISCOUNT.provider}"\n'
        f"start = {DISCOUNT.start.isoformat()}\n"
    )


def monthly(days: Sequence[Day]) -> dict[str, dict[str, dict[str, float]]]:
    """Per calendar month and provider: requests, tokens (input with cache, and output) and
    the billed USD."""
    out: dict[str, dict[str, dict[str, float]]] = defaultdict(
        lambda: {p: {"requests": 0, "tokens": 0, "billed_usd": 0.0} for p in ("openai", "anthropic")})
    for day in days:
        m = out[day.day.strftime("%Y-%m")]
        for o in day.openai:
            m["openai"]["requests"] += o.requests
            m["openai"]["tokens"] += o.input + o.output
        for a in day.anthropic:
            m["anthropic"]["requests"] += a.requests
            m["anthropic"]["tokens"] += a.uncached + a.read + a.write_5m + a.write_1h + a.output
        m["openai"]["billed_usd"] += sum(usd for _, usd in openai_cost_lines(day))
        m["anthropic"]["billed_usd"] += sum(usd for *_, usd in anthropic_cost_lines(day))
    return dict(out)


# ---- the page shapes ----------------------------------------------------------------------


def _day_start(day: Day) -> datetime:
    return datetime(day.day.year, day.day.month, day.day.day, tzinfo=timezone.utc)


def _openai_usage_results(day: Day) -> list[dict[str, Any]]:
    return [{"object": "organization.usage.completions.result", "input_tokens": o.input,
             "output_tokens": o.output, "input_cached_tokens": o.cached, "input_audio_tokens": 0,
             "output_audio_tokens": 0, "num_model_requests": o.requests, "project_id": PROJECT_ID.format(o.project),
             "user_id": None, "api_key_id": None, "model": OPENAI_SNAPSHOT.get(o.model, o.model), "batch": o.batch,
             "service_tier": None} for o in day.openai]


def _openai_cost_results(day: Day) -> list[dict[str, Any]]:
    return [{"object": "organization.costs.result", "amount": {"value": round(usd, 6), "currency": "usd"},
             "line_item": item, "project_id": None, "organization_id": ORGANIZATION_ID}
            for item, usd in openai_cost_lines(day)]


def _anthropic_usage_results(day: Day) -> list[dict[str, Any]]:
    return [{"uncached_input_tokens": a.uncached,
             "cache_creation": {"ephemeral_1h_input_tokens": a.write_1h, "ephemeral_5m_input_tokens": a.write_5m},
             "cache_read_input_tokens": a.read, "output_tokens": a.output,
             "server_tool_use": {"web_search_requests": 0}, "api_key_id": None,
             "workspace_id": WORKSPACE_ID.format(a.workspace), "model": ANTHROPIC_IDS[a.model], "service_tier": None,
             "context_window": "0-200k", "inference_geo": None} for a in day.anthropic]


def _anthropic_cost_results(day: Day) -> list[dict[str, Any]]:
    names = {v: ANTHROPIC_NAMES[k] for k, v in ANTHROPIC_IDS.items()}
    return [{"currency": "USD", "amount": f"{usd * 100:.2f}", "workspace_id": None,
             "description": f"{names[model]} Usage - {kind}", "cost_type": "tokens", "context_window": "0-200k",
             "model": model, "service_tier": "standard", "token_type": token_type, "inference_geo": None}
            for model, token_type, kind, usd in anthropic_cost_lines(day)]


def _chunks(days: Sequence[Day]) -> list[Sequence[Day]]:
    return [days[i:i + PAGE_DAYS] for i in range(0, len(days), PAGE_DAYS)]


def _cursor(r: Random) -> str:
    return "page_" + rid(r, 40, B62)


def _write_openai(path: Path, gz: bool, days: Sequence[Day], results: Results, r: Random) -> int:
    """OpenAI pages: ``{"object": "page", "data": [buckets], "has_more", "next_page"}``, buckets
    with Unix-second ``start_time`` / ``end_time``."""
    w = LineWriter(path, gz)
    chunks = _chunks(days)
    for i, chunk in enumerate(chunks):
        buckets = []
        for day in chunk:
            start = int(_day_start(day).timestamp())
            buckets.append({"object": "bucket", "start_time": start, "end_time": start + 86_400,
                            "results": results(day)})
        more = i < len(chunks) - 1
        w.write({"object": "page", "data": buckets, "has_more": more, "next_page": _cursor(r) if more else None})
    return w.close()


def _write_anthropic(path: Path, gz: bool, days: Sequence[Day], results: Results, r: Random) -> int:
    """Anthropic pages: ``{"data": [buckets], "has_more", "next_page"}``, buckets with RFC 3339
    ``starting_at`` / ``ending_at``."""
    w = LineWriter(path, gz)
    chunks = _chunks(days)
    for i, chunk in enumerate(chunks):
        buckets = []
        for day in chunk:
            start = _day_start(day)
            buckets.append({"starting_at": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "ending_at": (start + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                            "results": results(day)})
        more = i < len(chunks) - 1
        w.write({"data": buckets, "has_more": more, "next_page": _cursor(r) if more else None})
    return w.close()
