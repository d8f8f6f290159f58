"""Fixtures for the dashboard tests: a small workspace built from hand-written log lines."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace
from tests.helpers import completion_line

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


# --------------------------------------------------------------------------- quality signals
SIGNALS_DAY0 = datetime(2026, 10, 5, 9, tzinfo=timezone.utc)


def _generic(n: int, day: int, model: str, prompt: str, latency_ms: int | None, **extra: object) -> str:
    at = SIGNALS_DAY0 + timedelta(days=day, minutes=n)
    return json.dumps({"timestamp": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "model": model, "input_tokens": 1200,
                       "output_tokens": 300, "request_id": f"q-{day}-{model}-{n}", "prompt": prompt,
                       "latency_ms": latency_ms, **extra})


def _chat(n: int, day: int, *, model: str = "gpt-4.1-mini", finish: str = "stop", text: str | None = None,
          minute: int = 0) -> str:
    """An OpenAI chat completion as logged: a finish reason, no latency."""
    at = SIGNALS_DAY0 + timedelta(days=day, hours=3, minutes=n + minute)
    return completion_line(f"c{day}-{n}-{model}-{minute}", at,
                           text or f"Extract the order number from message {day}-{n}-{minute}", model=model,
                           finish=finish)


def signal_logs() -> dict[str, str]:
    """Two days of logs with known quality signals (file name -> JSONL):

    - translation on gpt-4o-mini, 40 a day, latency 0.8-1.19 s; 6 of the 80 marked
      ``quality_override`` (7.5 % > 5 %: the override alert fires);
    - summarization on gpt-4o, 10 a day: 2 errors and 1 thumbs down a day, latency 4-4.9 s
      (quality 0.7 each day, error rate 0.2, flag rate 1.0);
    - entity extraction on gpt-4.1-mini (OpenAI chat logs, no latency), on the second day
      only: 10 requests, 2 cut at the output limit, and the last question asked again 2
      minutes later (a retry): truncation and retry rates 2/11 and 1/11, quality 9/11.
    """
    generic = []
    for d in (0, 1):
        for n in range(40):
            meta = {"quality_override": "true"} if d == 1 and n < 6 else {}
            generic.append(_generic(n, d, "gpt-4o-mini", f"Translate to French: sentence number {d}-{n}, please",
                                    800 + 10 * n, metadata=meta))
        for n in range(10):
            extra: dict[str, object] = {"status": "error"} if n < 2 else {}
            if n == 2:
                extra["metadata"] = {"thumbs": "down"}
            generic.append(_generic(100 + n, d, "gpt-4o", f"Summarize this article in three bullet points: "
                                    f"story {d}-{n}", 4000 + 100 * n, **extra))
    chat = [_chat(n, 1, finish="length" if n < 2 else "stop") for n in range(10)]
    chat.append(_chat(9, 1, text="Extract the order number from message 1-9-0", minute=2))
    return {"usage.jsonl": "\n".join(generic) + "\n", "chat.jsonl": "\n".join(chat) + "\n"}


def build_signals_workspace(root: Path) -> Workspace:
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in signal_logs().items():
        (src / name).write_text(text)
        paths.append(src / name)
    ws = Workspace(root / "ws")
    ws.add(ingest(paths, known_templates=ws.template_ids()))
    return ws


@pytest.fixture
def signals_workspace(tmp_path: Path) -> Workspace:
    return build_signals_workspace(tmp_path)
