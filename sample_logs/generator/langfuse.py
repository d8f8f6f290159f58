"""Format 5: Langfuse v1 observations (camelCase): generations plus the spans and events of the
same traces."""

from __future__ import annotations

from pathlib import Path
from random import Random
from typing import Any

from .answers import hash_small
from .clock import iso_ms
from .content.templates import API
from .draw import HEX, rid, weighted
from .json_answers import json_wanted
from .outputs import Expected, jsonl_ext
from .request import again, build_request, oa_messages
from .resending import write_resending
from .signals import Sent, Signals
from .traffic import Entry
from .usage import PRICES, an_usage_parts, is_anthropic, latency_ms, oa_usage_parts, price_key

LF_SPANS = {"clausecheck": ("contract-review-pipeline", "retrieve-clauses", "guardrail-check"),
            "helpdesk": ("kb-answer-pipeline", "retrieve-articles", "cache-miss")}


def _lf_obs(oid: str, trace: str, typ: str, name: str, start: int, end: int | None, parent: str | None) -> dict[str, Any]:
    return {"id": oid, "traceId": trace, "type": typ, "name": name, "startTime": iso_ms(start),
            "endTime": iso_ms(end) if end is not None else None, "completionStartTime": None,
            "parentObservationId": parent, "level": "DEFAULT", "statusMessage": None, "version": None,
            "environment": "production"}


def langfuse_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                   model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A trace's observations: the generation, and spans and an event around some of them; with
    ``prior``, the same generation sent again in a new trace."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
    else:
        q, model = again(prior.q, r), model_to or prior.model
    sent = Sent(e, q, model, ts)
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    lines: list[dict[str, Any]] = []
    trace = rid(r, 32, HEX)
    root_name, retr_name, event_name = LF_SPANS[e.product]
    has_root, has_retr, has_event = r.random() < 0.26, r.random() < 0.12, r.random() < 0.06
    anth = is_anthropic(model)
    if anth:
        inp, read, write, out_tok = an_usage_parts(r, q, q.prefix >= 1024 and q.system is not None, False)
        usage_details = {"input": inp, "cache_read_input_tokens": read, "cache_creation_input_tokens": write,
                         "output": out_tok, "total": inp + read + write + out_tok}
        pin, pread, pout, pw5, _ = PRICES[price_key(model)]
        cost_details = {"input": inp * pin / 1e6, "cache_read_input_tokens": read * pread / 1e6,
                        "cache_creation_input_tokens": write * pw5 / 1e6, "output": out_tok * pout / 1e6}
        prompt, completion = inp + read + write, out_tok
    else:
        prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
        usage_details = {"input": prompt - cached, "input_cached_tokens": cached, "output": completion - reasoning,
                         "output_reasoning_tokens": reasoning, "total": prompt + completion}
        pin, pcache, pout = PRICES[price_key(model)][:3]
        cost_details = {"input": (prompt - cached) * pin / 1e6, "input_cached_tokens": cached * pcache / 1e6,
                        "output": (completion - reasoning) * pout / 1e6, "output_reasoning_tokens": reasoning * pout / 1e6}
    total_cost = sum(cost_details.values())
    cost_details = {k: round(v, 10) for k, v in cost_details.items()}
    cost_details["total"] = round(total_cost, 10)
    lat = latency_ms(r, model, prompt, completion)
    retr_ms = r.randrange(40, 400) if has_retr else 0
    gen_start = ts + retr_ms + (r.randrange(2, 15) if has_root else 0)
    gen_end = gen_start + lat
    root_id = rid(r, 16, HEX) if has_root else None
    if has_root:
        span = _lf_obs(root_id, trace, "SPAN", root_name, ts, gen_end + r.randrange(1, 30), None)  # type: ignore[arg-type]
        span.update({"model": None, "input": {"question": q.turns[-1].get("text", "")[:120]}, "output": None,
                     "metadata": {"project": e.product, "feature": e.feature}, "usageDetails": {}, "costDetails": {},
                     "latency": (gen_end - ts) / 1000, "timeToFirstToken": None})
        lines.append(span)
    if has_retr:
        span = _lf_obs(rid(r, 16, HEX), trace, "SPAN", retr_name, ts + 1, ts + retr_ms, root_id)
        span.update({"model": None, "input": {"top_k": 5}, "output": {"documents": r.randrange(1, 6)},
                     "metadata": {"index": f"{e.product}-kb-v3"}, "usageDetails": {}, "costDetails": {},
                     "latency": retr_ms / 1000, "timeToFirstToken": None})
        lines.append(span)
    gid = rid(r, 16, HEX)
    g = _lf_obs(gid, trace, "GENERATION", e.feature, gen_start, gen_end, root_id)
    ttft = min(lat, int(lat * r.uniform(0.1, 0.4)) + 120)
    g["completionStartTime"] = iso_ms(gen_start + ttft)
    params: dict[str, Any] = {"temperature": 0 if q.style == API else 0.7, "max_tokens": 1024}
    if json_wanted(q):  # the pipelines' client takes an OpenAI-style response_format for every provider
        params["response_format"] = {"type": "json_object"}
    metadata = {"project": e.product, "feature": e.feature}
    text = q.reply.get("text", "")
    if sig is not None and o is not None:
        answer = sig.an_answer(q, o) if anth else sig.oa_answer(q, o)
        if answer is not None:
            metadata["finish_reason"], text = answer[0], answer[1] or ""  # as the provider reported it
        if o.limit is not None:
            params["max_tokens"] = o.limit
    g.update({
        "model": model,
        "modelParameters": params,
        "input": oa_messages(q),
        "output": {"role": "assistant", "content": text},
        "metadata": metadata,
        "usageDetails": usage_details,
        "costDetails": cost_details,
        "calculatedTotalCost": cost_details["total"],
        "promptName": e.feature if q.style == API else None,
        "promptVersion": (hash_small(e.feature) % 6) + 1 if q.style == API else None,
        "latency": lat / 1000,
        "timeToFirstToken": ttft / 1000,
    })
    lines.append(g)
    sent.rid = gid
    if has_event:
        event = _lf_obs(rid(r, 16, HEX), trace, "EVENT", event_name, gen_end + 1, None, root_id)
        event.update({"model": None, "input": None, "output": {"passed": True}, "metadata": {}, "usageDetails": {},
                      "costDetails": {}, "latency": None, "timeToFirstToken": None})
        lines.append(event)
    return lines, sent


def write_langfuse(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                   sig: Signals) -> dict[str, int]:
    return write_resending("langfuse", r, n, out / f"langfuse_observations{jsonl_ext(gz)}", gz, expected, bad, sig,
                           langfuse_lines)
