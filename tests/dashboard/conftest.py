"""Fixtures for the dashboard tests: a small workspace built from hand-written log lines."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace

@pytest.fixture(autouse=True)
def validated_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures are built without plotly's property validation at run time (speed); the
    tests build them with it, so a misspelt property fails here."""
    from dashboard import figures

    monkeypatch.setattr(figures, "VALIDATE", True)


PROMPTS = [
    ("Translate to French: good morning, how are you?", "gpt-4o", "openai"),
    ("Summarize this article in three bullet points: The quarterly results show growth.", "claude-sonnet-4-5", "anthropic"),
    ("Write a Python function that parses ISO dates and returns a datetime.", "gpt-4o", "openai"),
    ("Classify the sentiment of this review as positive or negative: I loved it.", "gpt-4o-mini", "openai"),
]


def log_lines(days: int = 4, per_day: int = 3, start: str = "2026-10-05", prefix: str = "r") -> str:
    """JSONL in the generic format: a few requests per day and prompt."""
    t0 = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    out = []
    n = 0
    for d in range(days):
        for i, (prompt, model, provider) in enumerate(PROMPTS):
            for k in range(per_day):
                n += 1
                ts = t0 + timedelta(days=d, hours=9 + i, minutes=k)
                out.append(json.dumps({
                    "timestamp": ts.strftime("%Y-%m-%dT%H:%M:%SZ"), "model": model, "provider": provider,
                    "input_tokens": 24000 + 1000 * i, "output_tokens": 3000 + 100 * k, "request_id": f"{prefix}-{n}",
                    "prompt": prompt, "metadata": {"team": "core" if i % 2 else "web"},
                }))
    return "\n".join(out) + "\n"


def build_workspace(root: Path, text: str | None = None) -> Workspace:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "usage.jsonl").write_text(text or log_lines())
    ws = Workspace(root / "ws")
    ws.add(ingest([src / "usage.jsonl"], known_templates=ws.template_ids()))
    return ws


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return build_workspace(tmp_path)
