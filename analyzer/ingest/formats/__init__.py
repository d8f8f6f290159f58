"""The registry of log-format adapters, in the order they are listed to users.

Each module holds one adapter (see ``base.py`` for the contract) and exports ``FORMAT``.
"""

from __future__ import annotations

from analyzer.ingest.formats import openai_chat
from analyzer.ingest.formats.base import Format

FORMATS: tuple[Format, ...] = (openai_chat.FORMAT,)

BY_NAME = {f.name: f for f in FORMATS}
