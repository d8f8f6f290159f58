"""All prompt and response text of the sample: word lists, the ``{{slot}}`` library, the
topic modules that register their slots, prompt templates, conversations, agent tasks and
answers. Every sentence was written for this project; none comes from a public prompt
collection.

Importing this package imports every topic module, so ``fill`` finds every slot a template
names; the request builders import ``fill`` from here for that reason.
"""

from __future__ import annotations

from . import agents, chats, coding, knowledge, language, reasoning, responses, support, templates, words
from .slots import SLOTS, Ctx, SlotFn, fill

__all__ = [
    "SLOTS", "Ctx", "SlotFn", "fill",
    "agents", "chats", "coding", "knowledge", "language", "reasoning", "responses", "support", "templates", "words",
]
