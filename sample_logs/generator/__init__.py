"""The Northwind Labs sample generator: one synthetic week of LLM API traffic, and the months
of daily usage and cost exports before it.

The week runs from Monday 2026-10-05 00:00 UTC to Sunday 2026-10-11 23:59 UTC. Seven
products call OpenAI and Anthropic models, directly, through a LiteLLM gateway, through
Langfuse-traced pipelines, as nightly OpenAI batch jobs and through Claude Code. Every
record is written in the exact shape of a real export (see
``shared/reference/log_formats.md``), so the ingester, the classifier and the pricer can be
exercised end to end on realistic data.

All prompt and response text in this package was written for this project from scratch;
none of it comes from a public prompt collection.

Usage::

    python sample_logs/generate.py                      # 50,000 requests -> sample_logs/week
    python sample_logs/generate.py --out /tmp/w --requests 2000 --seed 3
    python sample_logs/generate.py --formats openai_chat --requests 1000000 --no-gzip
    python -m sample_logs.generator ...                 # the same, from the repository root

Output is byte-for-byte deterministic for the same arguments: one ``random.Random`` per
format seeded from ``seed`` and the format name, fixed timestamps, insertion-ordered dicts
serialized by orjson, gzip members with ``mtime=0`` and no file name.

Next to the logs the generator writes ``expected_categories.csv.gz`` (``request_id,category``,
the category each request was generated for, keyed by the id in the log record),
``KNOWN_BAD_LINES.md`` (the deliberately corrupt lines and why they are bad) and
``feedback.csv`` (``request_id,flag,score``: user feedback, keyed by the id spendscope ingests).

The logs also carry the quality signals spendscope reads (docs/quality.md and
``signals.py``): finish reasons with a model-dependent share of cut answers, JSON asked for
and answered (a model-dependent share malformed), retries and overrides (a request sent
again by the same user), a category whose budget-model answers are often re-sent to the
flagship, and a regression on the last two days.

Layout: ``week.generate`` drives one module per format (``openai_chat``, ``openai_batch``,
``anthropic_messages``, ``litellm``, ``langfuse``, ``claude_code``); they share ``traffic``
(the company's mix), ``request`` (provider-neutral requests), ``usage`` (tokens and cost),
``answers`` (response objects), ``json_answers``, ``signals`` and ``resending`` (quality
signals), ``outputs`` (writers), ``bad_lines``, ``clock`` and ``draw``; ``content/`` holds
the text. ``cli.main`` is the command line.
"""

from __future__ import annotations

from .bad_lines import parse_known_bad_lines
from .cli import main
from .history import DEFAULT_HISTORY_OUT, write_history
from .traffic import CATEGORIES, FORMAT_SHARES, FORMATS
from .week import DEFAULT_OUT, DEFAULT_REQUESTS, DEFAULT_SEED, allocate, generate

__all__ = [
    "CATEGORIES", "DEFAULT_HISTORY_OUT", "DEFAULT_OUT", "DEFAULT_REQUESTS", "DEFAULT_SEED", "FORMATS",
    "FORMAT_SHARES", "allocate", "generate", "main", "parse_known_bad_lines", "write_history",
]
