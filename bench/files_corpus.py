"""A corpus of many files for the engine bench: ``python bench/files_corpus.py OUT --lines N --files F``.

What a gateway's hourly export looks like when it lands in a bucket: ``F`` JSONL files of
OpenAI Chat Completions logs (``openai_chat``), one per service and hour, short templated
requests (a ticket triage, a summary, an extraction, a translation ... with varied inputs),
a few models, a week of timestamps. Lines are short (~450 bytes), so the figure is about
the engine's per-line work, not the disk. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

SERVICES = ["support", "search", "billing", "docs", "onboarding", "sales", "ops", "mobile"]
MODELS = ["gpt-4o-mini", "gpt-4.1-mini", "gpt-4o", "gpt-4.1-nano", "o4-mini"]
TASKS = [
    "Classify this support ticket as billing, bug, account or other: {x}",
    "Summarize the customer's message in one sentence: {x}",
    "Extract the order number and the city as JSON from: {x}",
    "Translate into German, keeping the tone: {x}",
    "Write a short, polite reply to: {x}",
    "Does this review mention delivery problems? Answer yes or no. Review: {x}",
    "Rewrite this product title for search, under 60 characters: {x}",
    "List the action items in this meeting note: {x}",
]
WORDS = ["parcel", "invoice", "refund", "login", "password", "late", "broken", "hamburg", "lyon", "order",
         "charged", "twice", "screen", "update", "cancel", "plan", "upgrade", "missing", "box", "thanks"]


def line(rng: random.Random, service: str, when: datetime, n: int) -> dict:
    model = rng.choice(MODELS)
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
    prompt = rng.choice(TASKS).format(x=text)
    prompt_tokens = len(prompt) // 4 + 20
    completion = 5 + (n * 7) % 90
    return {
        "timestamp": when.isoformat().replace("+00:00", "Z"),
        "request": {"model": model, "messages": [{"role": "user", "content": prompt}],
                    "metadata": {"project": service}},
        "response": {"id": f"chatcmpl-{service}-{n}", "object": "chat.completion", "model": model,
                     "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion,
                               "total_tokens": prompt_tokens + completion}},
    }


def write(out: Path, lines: int, files: int, seed: int = 7) -> Path:
    """``files`` files of ``lines`` lines in all into ``out`` (written to a temporary name first)."""
    rng = random.Random(seed)
    start = datetime(2026, 10, 5, tzinfo=timezone.utc)
    out.mkdir(parents=True, exist_ok=True)
    per_file = -(-lines // files)
    n = 0
    for i in range(files):
        service = SERVICES[i % len(SERVICES)]
        hour = start + timedelta(hours=(i * 7 * 24) // files)
        path = out / f"{service}-{hour:%Y%m%dT%H}-{i:04d}.jsonl"
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w") as f:
            for _ in range(min(per_file, lines - n)):
                when = hour + timedelta(seconds=rng.randint(0, 3599))
                f.write(json.dumps(line(rng, service, when, n), separators=(",", ":")) + "\n")
                n += 1
        tmp.rename(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write(args.out, args.lines, args.files, args.seed)


if __name__ == "__main__":
    main()
