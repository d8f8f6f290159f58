"""Format 3: the Anthropic Messages request/response log, with prompt caching, extended
thinking and opaque user ids."""

from __future__ import annotations

import hashlib
from pathlib import Path
from random import Random
from typing import Any

from .answers import an_message
from .clock import iso_ms
from .content.templates import CHAT
from .draw import weighted
from .json_answers import an_output_format, json_wanted
from .outputs import Expected, jsonl_ext
from .request import AN_TOOLS, again, an_messages, build_request
from .resending import write_resending
from .signals import Sent, Signals
from .traffic import PRODUCT_USERS, Entry
from .usage import an_usage, an_usage_parts


def _opaque_user(user: str) -> str:
    return "usr_" + hashlib.sha256(f"northwind:{user}".encode()).hexdigest()[:24]


def an_max_tokens(out: int) -> int:
    """The output limit the callers set for an answer expected to be about ``out`` tokens."""
    return 8192 if out > 1500 else 2048 if out > 300 else 512


def anthropic_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                    model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A request and its response; with ``prior``, that request sent again (to ``model_to``)."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
        if model == "claude-haiku-4-5" and r.random() < 0.4:
            model = "claude-haiku-4-5-20251001"
    else:
        q, model = again(prior.q, r), model_to or prior.model
    uses_cache = q.prefix >= 1024 and q.system is not None
    multi = q.hist > 0
    ttl = e.cache_ttl
    cache_control: dict[str, str] = {"type": "ephemeral"} if ttl == "5m" else {"type": "ephemeral", "ttl": "1h"}
    if prior is None:
        request: dict[str, Any] = {"model": model, "max_tokens": an_max_tokens(q.out)}
        if q.system is not None:
            request["system"] = ([{"type": "text", "text": q.system, "cache_control": cache_control}]
                                 if uses_cache or multi else q.system)
        request["messages"] = an_messages(q, cache_control if multi or (uses_cache and q.doc > 0) else None)
        if q.toolset:
            request["tools"] = AN_TOOLS[q.toolset]
        if json_wanted(q):
            request["output_format"] = an_output_format(q)
        thinking = q.category == "reasoning" and r.random() < 0.5
        if thinking:
            request["thinking"] = {"type": "enabled", "budget_tokens": 8000}
        elif q.style == CHAT:
            request["temperature"] = 0.7
        user = r.choice(PRODUCT_USERS[e.product])
        request["metadata"] = {"user_id": _opaque_user(user), "project": e.product, "feature": e.feature}
    else:  # the same request; a retry of a cut answer asks for the usual limit again
        request = {**prior.request, "model": model, "max_tokens": an_max_tokens(q.out)}
        thinking = "thinking" in request
    sent = Sent(e, q, model, ts)
    sent.request = request
    o = sent.outcome = sig.decide(q, model, ts, thinking=thinking) if sig is not None else None
    if o is not None and o.limit is not None:
        request["max_tokens"] = o.limit
    inp, read, write, out_tok = an_usage_parts(r, q, uses_cache, thinking)
    if prior is not None and model != prior.model:  # a new model starts with a cold cache
        read, write = 0, read + write
    resp = an_message(r, q, model, an_usage(inp, read, write, out_tok, ttl), thinking,
                      sig.an_answer(q, o) if sig is not None else None)
    sent.rid = resp["id"]
    return [{"timestamp": iso_ms(ts), "request": request, "response": resp}], sent


def write_anthropic(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                    sig: Signals) -> dict[str, int]:
    return write_resending("anthropic_messages", r, n, out / f"anthropic_messages{jsonl_ext(gz)}", gz, expected, bad, sig,
                           anthropic_lines)
