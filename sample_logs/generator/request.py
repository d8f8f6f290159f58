"""A request in a provider-neutral form (``Req``), built from a workload entry and a prompt
template, and turned into OpenAI or Anthropic messages. The token sizes are drawn here; the
text stays short, since the usage counts carry the realistic sizes."""

from __future__ import annotations

from random import Random
from typing import Any

import orjson

from .content import Ctx, fill
from .content.agents import AGENT_FINALS, AGENT_SYSTEMS, AGENT_TASKS, TOOLSETS
from .content.chats import CONVERSATIONS, PERSONAS
from .content.responses import RESPONSES, response_text
from .content.templates import API, CHAT, SHORT_SYSTEMS, TEMPLATES
from .draw import logu, rid
from .traffic import Entry


# --------------------------------------------------------------------------------------
# Token profiles: (new input lo, hi, output lo, hi), log-uniform. System prompts, tool
# definitions and conversation history are added on top (see build_request).
# --------------------------------------------------------------------------------------

PROFILE: dict[str, tuple[int, int, int, int]] = {
    "classification": (40, 600, 1, 6),
    "sentiment_analysis": (25, 400, 1, 5),
    "spam_detection": (30, 600, 1, 12),
    "language_detection": (8, 150, 1, 4),
    "pii_detection": (80, 1800, 20, 1200),
    "entity_extraction": (150, 4000, 30, 450),
    "keyword_extraction": (120, 2500, 8, 60),
    "format_conversion": (80, 3000, 80, 3200),
    "translation": (30, 1500, 30, 1700),
    "simple_qa": (12, 2500, 3, 90),
    "summarization": (1500, 40000, 60, 600),
    "email_drafting": (120, 1800, 110, 480),
    "content_editing": (100, 1800, 90, 1800),
    "code_explanation": (150, 4000, 150, 1000),
    "data_analysis": (300, 9000, 180, 1100),
    "brainstorming": (20, 400, 180, 900),
    "open_qa": (10, 250, 150, 900),
    "code_generation": (60, 4000, 250, 3200),
    "reasoning": (50, 700, 250, 2500),
    "research_synthesis": (5000, 60000, 700, 2800),
    "legal_analysis": (1500, 30000, 350, 1600),
    "architecture_review": (1200, 12000, 700, 2600),
    "creative_writing": (30, 400, 250, 2500),
    "chat": (15, 300, 40, 600),
    "agentic": (50, 3000, 30, 1200),
    "other": (1, 40, 2, 60),
}


class Req:
    """One generated request before it is written in a provider's shape.

    ``turns`` items: ``{"role": "user"|"assistant", "text"}``, ``{"role": "assistant",
    "calls": [(suffix, name, args)]}`` or ``{"role": "tool", "call": suffix, "text"}``.
    Token parts: ``prefix`` (system prompt + tool definitions, stable per template, the
    cacheable part), ``hist`` (earlier turns), ``new`` (the new input), ``out`` (visible output).
    """

    __slots__ = ("category", "style", "system", "turns", "toolset", "reply", "prefix", "hist", "new", "out", "ctx", "template",
                 "doc")

    def __init__(self) -> None:
        self.toolset: str | None = None
        self.hist = 0
        self.doc = 0  # part of `new` that is a re-sent document (cacheable)
        self.template = ""


def build_request(r: Random, e: Entry) -> Req:
    cat = e.category
    c: Ctx = {}
    if cat == "chat":
        return _build_chat(r, e, c)
    if cat == "agentic":
        return _build_agent(r, e, c)
    q = Req()
    q.category, q.ctx = cat, c
    tpls = TEMPLATES[cat]
    if r.random() < e.api_share:
        i = r.randrange(len(tpls[API]))
        system, user_t = tpls[API][i]
        q.style, q.template = API, f"{cat}/api/{i}"
        user = fill(user_t, r, c)
        prefix = len(system) // 4 + e.sys_extra
    else:
        i = r.randrange(len(tpls[CHAT]))
        q.style, q.template = CHAT, f"{cat}/chat/{i}"
        user = fill(tpls[CHAT][i], r, c)
        system = r.choice(SHORT_SYSTEMS) if r.random() < 0.35 else None
        prefix = len(system) // 4 if system else 0
    lo, hi, olo, ohi = PROFILE[cat]
    q.system = system
    q.turns = [{"role": "user", "text": user}]
    q.prefix = prefix
    q.new = max(len(user) // 4 + 2, logu(r, lo, hi))
    q.doc = int(q.new * e.doc_cache) if q.style == API else 0
    q.out = logu(r, olo, ohi)
    q.reply = {"text": response_text(cat, r, c, q.template)}
    return q


def _build_chat(r: Random, e: Entry, c: Ctx) -> Req:
    q = Req()
    q.category, q.ctx, q.style = "chat", c, CHAT
    ci = r.randrange(len(CONVERSATIONS))
    personas, lines = CONVERSATIONS[ci]
    q.template = f"chat/{ci}"
    k = 7 if r.random() < 0.3 else 5
    texts = [fill(t, r, c) for t in lines[:k]]
    q.system = PERSONAS[r.choice(personas)]
    q.turns = [{"role": "user" if j % 2 == 0 else "assistant", "text": t} for j, t in enumerate(texts)]
    q.prefix = len(q.system) // 4 + e.sys_extra
    q.hist = max(sum(len(t) // 4 + 4 for t in texts[:-1]), logu(r, 150, 2500 if k == 5 else 5000))
    lo, hi, olo, ohi = PROFILE["chat"]
    q.new = max(len(texts[-1]) // 4 + 4, logu(r, lo, hi))
    q.out = logu(r, olo, ohi)
    reply = fill(lines[k], r, c) if k < len(lines) else fill(r.choice(RESPONSES["chat"]), r, c)
    q.reply = {"text": reply}
    return q


def _build_agent(r: Random, e: Entry, c: Ctx) -> Req:
    q = Req()
    q.category, q.ctx, q.style = "agentic", c, API
    ti = r.randrange(len(AGENT_TASKS))
    toolset, task_t, steps = AGENT_TASKS[ti]
    q.template = f"agentic/{ti}"
    q.toolset = toolset
    q.system = AGENT_SYSTEMS[toolset]
    done = r.randrange(0, len(steps) + 1)
    turns: list[dict[str, Any]] = [{"role": "user", "text": fill(task_t, r, c)}]
    for name, args_t, result_t in steps[:done]:
        suffix = rid(r, 24)
        turns.append({"role": "assistant", "calls": [(suffix, name, {k: fill(v, r, c) for k, v in args_t.items()})]})
        turns.append({"role": "tool", "call": suffix, "text": fill(result_t, r, c)})
    q.turns = turns
    lo, hi, olo, ohi = PROFILE["agentic"]
    if done < len(steps):
        name, args_t, _ = steps[done]
        q.reply = {"calls": [(rid(r, 24), name, {k: fill(v, r, c) for k, v in args_t.items()})]}
        q.out = logu(r, 25, 260)
    else:
        q.reply = {"text": fill(AGENT_FINALS[toolset], r, c)}
        q.out = logu(r, 120, ohi)
    q.prefix = len(q.system) // 4 + TOOLSET_TOKENS[toolset] + e.sys_extra
    q.hist = sum(logu(r, 400, 9000) for _ in range(done))
    q.new = logu(r, lo, hi) if done else len(turns[0]["text"]) // 4 + 8
    return q


def _oa_tool(t: dict[str, Any]) -> dict[str, Any]:
    props = {k: {"type": typ, "description": d} for k, (typ, d) in t["params"].items()}
    return {"type": "function", "function": {"name": t["name"], "description": t["description"],
                                             "parameters": {"type": "object", "properties": props, "required": t["required"]}}}


def _an_tool(t: dict[str, Any]) -> dict[str, Any]:
    props = {k: {"type": typ, "description": d} for k, (typ, d) in t["params"].items()}
    return {"name": t["name"], "description": t["description"],
            "input_schema": {"type": "object", "properties": props, "required": t["required"]}}


OA_TOOLS = {k: [_oa_tool(t) for t in v] for k, v in TOOLSETS.items()}
AN_TOOLS = {k: [_an_tool(t) for t in v] for k, v in TOOLSETS.items()}
TOOLSET_TOKENS = {k: len(orjson.dumps(v)) // 3 + 300 for k, v in OA_TOOLS.items()}


def oa_messages(q: Req) -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = []
    if q.system is not None:
        msgs.append({"role": "system", "content": q.system})
    for t in q.turns:
        if "calls" in t:
            msgs.append({"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_" + s, "type": "function", "function": {"name": n, "arguments": orjson.dumps(a).decode()}}
                for s, n, a in t["calls"]]})
        elif t["role"] == "tool":
            msgs.append({"role": "tool", "tool_call_id": "call_" + t["call"], "content": t["text"]})
        else:
            msgs.append({"role": t["role"], "content": t["text"]})
    return msgs


def an_messages(q: Req, cache_tail: dict[str, str] | None) -> list[dict[str, Any]]:
    """Anthropic messages; ``cache_tail`` puts that cache_control on the last content block."""
    msgs: list[dict[str, Any]] = []
    for t in q.turns:
        if "calls" in t:
            msgs.append({"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_01" + s[:22], "name": n, "input": a} for s, n, a in t["calls"]]})
        elif t["role"] == "tool":
            block = {"type": "tool_result", "tool_use_id": "toolu_01" + t["call"][:22], "content": t["text"]}
            if msgs and msgs[-1]["role"] == "user" and isinstance(msgs[-1]["content"], list):
                msgs[-1]["content"].append(block)
            else:
                msgs.append({"role": "user", "content": [block]})
        else:
            msgs.append({"role": t["role"], "content": t["text"]})
    if cache_tail:
        last = msgs[-1]
        if isinstance(last["content"], str):
            last["content"] = [{"type": "text", "text": last["content"], "cache_control": cache_tail}]
        else:
            last["content"][-1]["cache_control"] = cache_tail
    return msgs


def again(q: Req, r: Random) -> Req:
    """The same request sent again: the same input, a new answer (its length drawn anew)."""
    q2 = Req()
    for name in Req.__slots__:
        setattr(q2, name, getattr(q, name))
    q2.out = logu(r, *PROFILE[q.category][2:])
    return q2
