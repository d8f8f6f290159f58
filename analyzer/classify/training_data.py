"""Synthetic, labelled prompts for training the task classifier.

Every prompt was written for this project from scratch: no text comes from a public prompt
collection, and the templates, slot words and topics differ from the ones in
``sample_logs/generator/content/`` (the sample week measures the classifier, so it must stay unseen).
The prompts are data: templates and word lists live in ``analyzer/classify/data/*.toml``
(format: ``data/README.md``, reader: ``prompt_files.py``); the slots whose values are
computed (dates, amounts, CSV/JSON documents, tables ...) are functions in
``analyzer/classify/slot_functions/``, named from the data files.

Each *template* belongs to one category of ``shared/design/TAXONOMY.md`` and renders
``(system, user)`` pairs in one of three styles:

* API style: a fixed system prompt that states the task, and a user message that is mostly the
  variable input (a review, a table, a code block, a contract clause ...);
* inline style: no system prompt, the instruction and the input share the user message;
* chat style: a person typing a question, with no system prompt or a generic assistant one
  (companion personas are a fourth, chat-like style of their own).

Slots are written ``{name}`` and filled from the word lists and slot functions; a value is
drawn once per example, so a name used twice in one prompt stays the same. Slot values are
inserted verbatim (never re-scanned), so code and JSON inside them are safe. Output is
deterministic: template ``t`` with seed ``s`` draws from ``random.Random(f"{s}:{t}")``, and
templates come in the order of the data files.

    >>> from analyzer.classify import training_data
    >>> len(training_data.examples()) >= 26 * 10 * 12
    True
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from analyzer.classify import prompt_files
from analyzer.classify.prompt_slots import Ctx


@dataclass(frozen=True)
class Example:
    """One labelled request: what the classifier sees, and the category it should give."""

    system: str | None  # system prompt (API style) or None (chat style)
    user: str  # the user message (the last user turn)
    category: str  # a taxonomy id
    template: str  # a stable template name, e.g. "sentiment_analysis/api-hotel-review"


def templates() -> list[str]:
    """All template names, ``<category>/<style>-<slug>``, in a stable order."""
    return list(prompt_files.load().templates)


def examples(seed: int = 0, per_template: int = 12) -> list[Example]:
    """``per_template`` examples of every template (deterministic for a seed)."""
    data = prompt_files.load()
    out: list[Example] = []
    for name, t in data.templates.items():
        r = random.Random(f"{seed}:{name}")
        seen: set[tuple[str | None, str]] = set()
        for _ in range(per_template):
            for _attempt in range(10):
                pair = _render(t, r, data)
                if pair not in seen:
                    break
            seen.add(pair)
            out.append(Example(pair[0], pair[1], t.category, name))
    return out


def _render(t: prompt_files.Template, r: random.Random, data: prompt_files.PromptData) -> tuple[str | None, str]:
    c = Ctx(r, data.slots, data.words)
    system_t = r.choice(t.systems)
    user_t = r.choice(t.users)
    user = c.fill(user_t).strip()
    system = c.fill(system_t).strip() if system_t is not None else None
    if t.casual:
        user = _casualize(r, user)
    return system, user


def _casualize(r: random.Random, text: str) -> str:
    """People type carelessly: sometimes a lowercase start or no final question mark."""
    x = r.random()
    if x < 0.3 and len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    if r.random() < 0.15 and text.endswith("?") and "\n" not in text:
        text = text[:-1]
    return text
