"""Classify prompts: structure first, then keyword rules, then the text model.

For one prompt (its template key, see ``ingest/template.py``):

1. tool definitions or tool results in the request → ``agentic`` (source ``shape``);
2. a high-precision keyword rule (``rules.py``) → its category (source ``rule``); rules read
   the instruction part (system prompt and the start of the user text), not the tail of a
   long input, where a pasted contract or report would set them off;
3. a long conversation (``LONG_CHAT`` messages or more) → ``chat`` (source ``shape``);
4. the text model (``model.py``) → its most likely category (source ``model``), with its
   probability as confidence;
5. no text at all → ``other`` (source ``shape``).

The caller's own labels and user rules come before all of this; they are applied per
row when the table is read (``labels.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from analyzer.classify import model as text_model
from analyzer.classify import rules
from analyzer.ingest.template import SEP, TAIL_SEP, samples_of

LONG_CHAT = 6


@dataclass(frozen=True)
class Verdict:
    category: str
    source: str  # "rule" | "model" | "shape"
    confidence: float


def classify_keys(
    keys: Sequence[str | None],
    *,
    has_tools: Sequence[bool | None] | None = None,
    message_count: Sequence[int | None] | None = None,
) -> list[Verdict]:
    """Verdicts for template keys (the masked fixed part of each prompt)."""
    verdicts: list[Verdict | None] = []
    pending: list[int] = []
    for i, key in enumerate(keys):
        tools = bool(has_tools[i]) if has_tools is not None else False
        turns = (message_count[i] or 0) if message_count is not None else 0
        if tools:
            verdicts.append(Verdict("agentic", "shape", 1.0))
        elif not key or not key.strip("\u241f "):
            verdicts.append(Verdict("other", "shape", 0.0))
        elif (found := rules.match(key.split(TAIL_SEP, 1)[0], SEP)) is not None:
            verdicts.append(Verdict(found, "rule", rules.CONFIDENCE))
        elif turns >= LONG_CHAT:
            verdicts.append(Verdict("chat", "shape", 0.9))
        else:
            verdicts.append(None)
            pending.append(i)
    if pending:
        m = text_model.load()
        proba = m.proba([keys[i] or "" for i in pending])
        best = proba.argmax(axis=1)
        for row, i in enumerate(pending):
            verdicts[i] = Verdict(m.categories[best[row]], "model", float(proba[row, best[row]]))
    return [v for v in verdicts if v is not None]


def classify_texts(
    items: Sequence[tuple[str | None, str | None]],
    *,
    has_tools: Sequence[bool] | None = None,
    message_count: Sequence[int | None] | None = None,
) -> list[Verdict]:
    """Classify ``(system_text, user_text)`` pairs (their sample texts are computed here)."""
    return classify_keys(samples_of(items), has_tools=has_tools, message_count=message_count)
