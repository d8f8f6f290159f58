"""What the providers billed for the history's usage: the lines of the OpenAI Costs API and of
the Anthropic cost report, day by day.

Each line is the day's tokens of one kind on one model times the provider's list price (the
same list the week's LiteLLM and Langfuse costs use, plus the older Opus), OpenAI's batch
lines at half price, Anthropic's at the negotiated discount from its start, and the one-off
embedding job on its day. The lines are computed from the very rows the usage exports hold,
so a reconciliation over the history agrees except where the story says it should not.
"""

from __future__ import annotations

from collections import defaultdict

from .answers import OPENAI_SNAPSHOT
from .history_days import Day
from .history_story import ANTHROPIC_IDS, BACKFILL, BATCH_FACTOR, DISCOUNT, OLDER_PRICES
from .usage import PRICES

LIST_PRICES: dict[str, tuple[float, ...]] = {**PRICES, **OLDER_PRICES}

#: Anthropic token types of the cost report, with the index of their price in LIST_PRICES.
ANTHROPIC_TOKEN_TYPES = (
    ("uncached_input_tokens", 0, "Input Tokens"),
    ("cache_read_input_tokens", 1, "Input Tokens, Cache Read"),
    ("cache_creation.ephemeral_5m_input_tokens", 3, "Input Tokens, Cache Write (5m)"),
    ("cache_creation.ephemeral_1h_input_tokens", 4, "Input Tokens, Cache Write (1h)"),
    ("output_tokens", 2, "Output Tokens"),
)


def openai_cost_lines(day: Day) -> list[tuple[str, float]]:
    """(line_item, USD) for the day, per model and kind, in a fixed order."""
    tokens: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in day.openai:
        t = tokens[row.model]
        if row.batch:
            t["batch input"] += row.input - row.cached
            t["batch cached input"] += row.cached
            t["batch output"] += row.output
        else:
            t["input"] += row.input - row.cached
            t["cached input"] += row.cached
            t["output"] += row.output
    lines = []
    for model in sorted(tokens):
        pin, pcache, pout = LIST_PRICES[model][:3]
        rates = {"input": pin, "cached input": pcache, "output": pout, "batch input": pin * BATCH_FACTOR,
                 "batch cached input": pcache, "batch output": pout * BATCH_FACTOR}
        for kind, n in tokens[model].items():
            if n:
                lines.append((f"{OPENAI_SNAPSHOT.get(model, model)}, {kind}", n * rates[kind] / 1e6))
    if day.day == BACKFILL.day:
        lines.append((f"{BACKFILL.model}, input", BACKFILL.tokens * BACKFILL.price / 1e6))
    return lines


def anthropic_cost_lines(day: Day) -> list[tuple[str, str, str, float]]:
    """(model id, token type, kind of tokens, USD) for the day, in a fixed order; ``kind`` is the
    cost report's wording in its descriptions."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0] * len(ANTHROPIC_TOKEN_TYPES))
    for row in day.anthropic:
        for i, n in enumerate((row.uncached, row.read, row.write_5m, row.write_1h, row.output)):
            sums[row.model][i] += n
    factor = DISCOUNT.factor("anthropic", day.day)
    lines = []
    for model in sorted(sums):
        prices = LIST_PRICES[model]
        for (token_type, price_at, kind), n in zip(ANTHROPIC_TOKEN_TYPES, sums[model]):
            if n:
                lines.append((ANTHROPIC_IDS[model], token_type, kind, n * prices[price_at] * factor / 1e6))
    return lines

