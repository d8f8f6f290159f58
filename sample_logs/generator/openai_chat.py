"""Format 1: the OpenAI Chat Completions request/response log (one JSON line per call, HTTP
errors included)."""

from __future__ import annotations

from pathlib import Path
from random import Random
from typing import Any

from .answers import oa_completion
from .clock import iso_ms
from .content.templates import API
from .draw import weighted
from .json_answers import json_wanted, oa_response_format
from .outputs import Expected, jsonl_ext
from .request import OA_TOOLS, again, build_request, oa_messages
from .resending import write_resending
from .signals import OVERRIDE_MARK, Sent, Signals
from .traffic import PRODUCT_USERS, Entry, caller_meta
from .usage import REASONING_MODELS, oa_usage, oa_usage_parts

OA_ERRORS = (
    (429, "Rate limit reached for {model} in organization org-nwl4bs on tokens per min (TPM): Limit 2000000, Used "
          "1998712, Requested 3120. Please try again in 120ms. Visit https://platform.openai.com/account/rate-limits "
          "to learn more.", "tokens", "rate_limit_exceeded", 6),
    (500, "The server had an error while processing your request. Sorry about that!", "server_error", None, 2),
    (400, "This model's maximum context length is 128000 tokens. However, your messages resulted in 131204 tokens. "
          "Please reduce the length of the messages.", "invalid_request_error", "context_length_exceeded", 1),
    (503, "The engine is currently overloaded, please try again later.", "server_error", None, 1),
)
OA_ERROR_RATE = 0.003


def openai_chat_record(r: Random, e: Entry, ts: int, expected: Expected | None) -> dict[str, Any]:
    """One line of the log, without quality signals drawn (the corrupt lines start from these)."""
    lines, sent = openai_chat_lines(r, e, ts, None, None, None)
    if expected is not None and sent.rid is not None:
        expected.add(sent.rid, sent.q.category)
    return lines[0]


def openai_chat_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                      model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A request and its response; with ``prior``, that request sent again (``r`` is then the
    signals stream)."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
        request: dict[str, Any] = {"model": model, "messages": oa_messages(q)}
        if q.toolset:
            request["tools"] = OA_TOOLS[q.toolset]
        if model not in REASONING_MODELS:
            request["temperature"] = 0 if q.style == API else 0.7
        if json_wanted(q):
            request["response_format"] = oa_response_format(q)
        meta = caller_meta(r, e, r.choice(PRODUCT_USERS[e.product]))
        if (sig is not None and e.feature == OVERRIDE_MARK["feature"] and model == OVERRIDE_MARK["model"]
                and sig.r.random() < float(OVERRIDE_MARK["share"])):
            meta["override"] = "true"
        request["metadata"] = meta
    else:
        q, model = again(prior.q, r), model_to or prior.model
        request = {**prior.request, "model": model}
    sent = Sent(e, q, model, ts)
    sent.request = request
    if r.random() < OA_ERROR_RATE:
        status, msg, typ, code, _ = weighted(r, [(x, x[4]) for x in OA_ERRORS])
        sent.failed = True
        return [{"timestamp": iso_ms(ts), "request": request, "response": None,
                 "error": {"message": msg.format(model=model), "type": typ, "param": None, "code": code},
                 "status_code": status}], sent
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
    resp = oa_completion(r, q, model, ts // 1000, oa_usage(prompt, cached, completion, reasoning),
                         sig.oa_answer(q, o) if sig is not None else None)
    sent.rid = resp["id"]
    return [{"timestamp": iso_ms(ts), "request": request, "response": resp}], sent


def write_openai_chat(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                      sig: Signals) -> dict[str, int]:
    return write_resending("openai_chat", r, n, out / f"openai_chat{jsonl_ext(gz)}", gz, expected, bad, sig,
                           openai_chat_lines)
