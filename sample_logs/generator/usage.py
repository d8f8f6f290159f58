"""Token usage and its cost: how many tokens a request reports in each provider's semantics
(cached prefixes, cache reads and writes, reasoning tokens), the list prices the sources that
log their own cost use, and a plausible latency."""

from __future__ import annotations

from random import Random
from typing import Any

from .draw import logu
from .request import Req


# Prices in USD per million tokens, used for LiteLLM `response_cost` and Langfuse
# `costDetails` (the sources' own cost fields). OpenAI: (input, cached input, output).
# Anthropic: (input, cache read, output, cache write 5m, cache write 1h).
PRICES: dict[str, tuple[float, ...]] = {
    "gpt-4o-mini": (0.15, 0.075, 0.60),
    "gpt-4o": (2.50, 1.25, 10.00),
    "gpt-4.1-mini": (0.40, 0.10, 1.60),
    "gpt-5-mini": (0.25, 0.025, 2.00),
    "o4-mini": (1.10, 0.275, 4.40),
    "claude-haiku-4-5": (1.00, 0.10, 5.00, 1.25, 2.00),
    "claude-sonnet-4-5": (3.00, 0.30, 15.00, 3.75, 6.00),
    "claude-opus-4-7": (5.00, 0.50, 25.00, 6.25, 10.00),
}

REASONING_MODELS = frozenset({"o4-mini", "gpt-5-mini"})


def price_key(model: str) -> str:
    """The PRICES key for a model id (dated Anthropic ids collapse to the alias)."""
    if model.startswith("claude-haiku-4-5"):
        return "claude-haiku-4-5"
    if model.startswith("claude-sonnet-4-5"):
        return "claude-sonnet-4-5"
    if model.startswith("claude-opus-4-7"):
        return "claude-opus-4-7"
    return model


def is_anthropic(model: str) -> bool:
    return model.startswith("claude")


#: Extra reasoning tokens for o4-mini / gpt-5-mini, by category (lo, hi).
REASONING_EXTRA: dict[str, tuple[int, int]] = {
    "reasoning": (600, 9000), "code_generation": (300, 5000), "architecture_review": (500, 5000),
    "research_synthesis": (400, 4000), "legal_analysis": (400, 4000), "data_analysis": (300, 3000),
    "agentic": (100, 2000),
}


def oa_usage_parts(r: Random, q: Req, model: str) -> tuple[int, int, int, int]:
    """(prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens) in OpenAI semantics."""
    prompt = q.prefix + q.hist + q.new
    cacheable = q.prefix + q.hist
    cached = 0
    if cacheable >= 1024 and r.random() < 0.72:
        cached = 1024 + 128 * ((cacheable - 1024) // 128)
    reasoning = 0
    if model in REASONING_MODELS and not (model == "gpt-5-mini" and r.random() < 0.2):
        lo, hi = REASONING_EXTRA.get(q.category, (64, 700))
        reasoning = 64 * -(-logu(r, lo, hi) // 64)
    return prompt, cached, q.out + reasoning, reasoning


def oa_usage(prompt: int, cached: int, completion: int, reasoning: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": reasoning, "audio_tokens": 0,
                                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
    }


def an_usage_parts(r: Random, q: Req, uses_cache: bool, thinking: bool) -> tuple[int, int, int, int]:
    """(input_tokens, cache_read, cache_write, output_tokens) in Anthropic semantics."""
    p, h, n = q.prefix, q.hist, q.new
    out = q.out
    if thinking:
        out += logu(r, 500, 6000)  # extended thinking counts as output
    if h > 0:  # multi-turn: breakpoint on the last message, history normally warm
        x = r.random()
        tail = r.randrange(1, 12)
        if x < 0.86:
            return tail, p + h, n, out
        if x < 0.95:
            return tail, p, h + n, out
        return tail, 0, p + h + n, out
    if uses_cache:
        doc = q.doc
        read, write = (p, 0) if r.random() < 0.9 else (0, p)
        if doc:  # the same contract/report is asked about several times in a row
            if r.random() < 0.7:
                read += doc
            else:
                write += doc
        return n - doc, read, write, out
    return p + n, 0, 0, out


def an_usage(inp: int, read: int, write: int, out: int, ttl: str) -> dict[str, Any]:
    return {
        "input_tokens": inp,
        "cache_creation_input_tokens": write,
        "cache_read_input_tokens": read,
        "cache_creation": {"ephemeral_5m_input_tokens": write if ttl == "5m" else 0,
                           "ephemeral_1h_input_tokens": write if ttl == "1h" else 0},
        "output_tokens": out,
        "service_tier": "standard",
    }


def oa_cost(model: str, prompt: int, cached: int, completion: int) -> float:
    pin, pcache, pout = PRICES[price_key(model)][:3]
    return ((prompt - cached) * pin + cached * pcache + completion * pout) / 1e6


def an_cost(model: str, inp: int, read: int, write: int, out: int, ttl: str) -> float:
    pin, pread, pout, pw5, pw1 = PRICES[price_key(model)]
    return (inp * pin + read * pread + write * (pw1 if ttl == "1h" else pw5) + out * pout) / 1e6


def latency_ms(r: Random, model: str, prompt: int, out: int) -> int:
    per_tok = 6 if "mini" in model or "haiku" in model else 14 if "opus" in model else 10
    return int(180 + prompt * 0.02 + out * per_tok * r.uniform(0.7, 1.4))
