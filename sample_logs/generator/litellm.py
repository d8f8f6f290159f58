"""Format 4: LiteLLM gateway StandardLoggingPayload lines, routed to OpenAI and Anthropic, with
the gateway's own cost and its habit of folding cache tokens into ``prompt_tokens``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from random import Random
from typing import Any

import orjson

from .answers import hash_small, oa_completion
from .content.templates import API, CHAT
from .draw import ruuid, weighted
from .json_answers import json_wanted
from .outputs import Expected, jsonl_ext
from .request import Req, again, build_request, oa_messages
from .resending import write_resending
from .signals import Sent, Signals
from .traffic import PRODUCT_USERS, TASK_LABEL_PRODUCT, TASK_LABEL_SHARE, Entry
from .usage import an_cost, an_usage_parts, is_anthropic, latency_ms, oa_cost, oa_usage, oa_usage_parts

GATEWAY_GROUPS = {"gw_fast": "fast", "gw_smart": "smart", "gw_reason": "reasoning"}
GATEWAY_KEYS = {  # product -> (key alias, team alias, team id)
    "askme": ("askme-prod", "internal-assistant", "team_5f2c9a7e"),
    "datahub": ("datahub-analysts", "data-platform", "team_a81d03b4"),
}


def _deployment_id(model: str) -> str:
    return hashlib.sha256(f"northwind-gateway:{model}".encode()).hexdigest()


def _litellm_model(model: str) -> str:
    return "claude-haiku-4-5-20251001" if model == "claude-haiku-4-5" else model


def _gateway_response(r: Random, q: Req, model: str, ts: int, usage: dict[str, Any], anth: bool,
                      answer: tuple[str, str | None] | None = None) -> dict[str, Any]:
    resp = oa_completion(r, q, model, ts // 1000, usage, answer)
    if anth:  # LiteLLM builds its own ModelResponse for Anthropic: uuid id, no fingerprint
        resp["id"] = "chatcmpl-" + ruuid(r)
        resp["service_tier"] = None
        resp["system_fingerprint"] = None
    return resp


def litellm_record(r: Random, e: Entry, ts: int, expected: Expected | None) -> dict[str, Any]:
    """One line of the log, without quality signals drawn (the corrupt lines start from these)."""
    lines, sent = litellm_lines(r, e, ts, None, None, None)
    if expected is not None and sent.rid is not None:
        expected.add(sent.rid, sent.q.category)
    return lines[0]


def litellm_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                  model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A gateway call; with ``prior``, that call sent again (``r`` is then the signals stream)."""
    if prior is None:
        q = build_request(r, e)
        model = _litellm_model(weighted(r, e.models))
    else:
        q, model = again(prior.q, r), model_to or prior.model
    sent = Sent(e, q, model, ts)
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    anth = is_anthropic(model)
    provider = "anthropic" if anth else "openai"
    api_base = "https://api.anthropic.com/v1/messages" if anth else "https://api.openai.com/v1"
    messages = oa_messages(q)
    call_id = ruuid(r)
    if anth:
        uses_cache = q.prefix >= 1024 and q.system is not None
        inp, read, write, out_tok = an_usage_parts(r, q, uses_cache, False)
        prompt = inp + read + write  # LiteLLM folds cache read + write into prompt_tokens
        completion = out_tok
        usage: dict[str, Any] = {
            "completion_tokens": completion, "prompt_tokens": prompt, "total_tokens": prompt + completion,
            "completion_tokens_details": {"reasoning_tokens": 0, "accepted_prediction_tokens": None,
                                          "rejected_prediction_tokens": None, "audio_tokens": None, "text_tokens": None},
            "prompt_tokens_details": {"cached_tokens": read, "cache_creation_tokens": write, "audio_tokens": None,
                                      "text_tokens": None, "image_tokens": None},
            "cache_creation_input_tokens": write, "cache_read_input_tokens": read,
        }
        cost = an_cost(model, inp, read, write, out_tok, "5m")
    else:
        prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
        usage = oa_usage(prompt, cached, completion, reasoning)
        cost = oa_cost(model, prompt, cached, completion)
    lat = latency_ms(r, model, prompt, completion)
    start = ts / 1000
    ttft = min(lat, int(lat * r.uniform(0.1, 0.4)) + 120)
    failed = r.random() < 0.005
    if prior is None:
        user = r.choice(PRODUCT_USERS[e.product])
        slm: dict[str, str] = {"project": e.product, "feature": e.feature}
        if e.product == TASK_LABEL_PRODUCT and r.random() < TASK_LABEL_SHARE:
            slm["task"] = e.category
    else:
        user, slm = prior.extra["user"], dict(prior.extra["slm"])
    sent.extra = {"user": user, "slm": slm}
    key_alias, team_alias, team_id = GATEWAY_KEYS[e.product]
    model_parameters: dict[str, Any] = {"temperature": 0.2 if q.style == API else 0.7, "stream": q.style == CHAT}
    if json_wanted(q):
        model_parameters["response_format"] = {"type": "json_object"}
    metadata: Any = {
        "user_api_key_hash": _deployment_id(key_alias),
        "user_api_key_alias": key_alias,
        "user_api_key_team_id": team_id,
        "user_api_key_org_id": None,
        "user_api_key_user_id": user,
        "user_api_key_team_alias": team_alias,
        "user_api_key_user_email": f"{user}@northwind.example" if "." in user else None,
        "user_api_key_end_user_id": None,
        "spend_logs_metadata": slm,
        "requester_metadata": {},
        "requester_ip_address": f"10.20.{hash_small(user) % 250}.{hash_small(user[::-1]) % 250 + 2}",
        "usage_object": None if failed else usage,
        "applied_guardrails": [],
        "mcp_tool_call_metadata": None,
    }
    if r.random() < 0.05:
        metadata = orjson.dumps(metadata).decode()  # some exporters double-encode it
    rec: dict[str, Any] = {
        "id": call_id,
        "trace_id": ruuid(r),
        "call_type": "acompletion",
        "stream": q.style == CHAT,
        "status": "failure" if failed else "success",
        "custom_llm_provider": provider,
        "response_cost": 0.0 if failed else round(cost, 10),
        "saved_cache_cost": 0.0,
        "prompt_tokens": 0 if failed else prompt,
        "completion_tokens": 0 if failed else completion,
        "total_tokens": 0 if failed else prompt + completion,
        "startTime": start,
        "endTime": start + lat / 1000,
        "completionStartTime": start + ttft / 1000,
        "response_time": lat / 1000,
        "model": model,
        "model_id": _deployment_id(model),
        "model_group": GATEWAY_GROUPS.get(e.mix, model),
        "api_base": api_base,
        "cache_hit": None,
        "cache_key": None,
        "request_tags": [f"project:{e.product}", f"feature:{e.feature}"],
        "end_user": "",
        "requester_ip_address": None,
        "messages": messages,
        "response": {} if failed else _gateway_response(r, q, model, ts, usage, anth,
                                                        sig.oa_answer(q, o) if sig is not None else None),
        "model_parameters": model_parameters,
        "hidden_params": {"model_id": _deployment_id(model), "api_base": api_base,
                          "response_cost": None if failed else round(cost, 10), "litellm_overhead_time_ms": r.randrange(2, 40),
                          "additional_headers": {}},
        "error_str": None,
        "metadata": metadata,
    }
    if failed:
        rec["error_str"] = f"litellm.RateLimitError: {provider.capitalize()}Exception - rate limit exceeded for {model}"
        rec["error_information"] = {"error_code": "429", "error_class": "RateLimitError", "llm_provider": provider,
                                    "traceback": "", "error_message": rec["error_str"]}
    sent.failed = failed
    sent.rid = call_id
    return [rec], sent


def write_litellm(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                  sig: Signals) -> dict[str, int]:
    return write_resending("litellm", r, n, out / f"litellm_spend_logs{jsonl_ext(gz)}", gz, expected, bad, sig,
                           litellm_lines)
