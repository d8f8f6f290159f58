"""Response objects as the providers return them: an OpenAI chat.completion and an Anthropic
Message, with the dated snapshot names and system fingerprints the real APIs report."""

from __future__ import annotations

from random import Random
from typing import Any

import orjson

from .draw import B58, rid
from .request import Req


#: Request model -> the dated snapshot OpenAI reports back in `response.model`.
OPENAI_SNAPSHOT = {
    "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "gpt-4o": "gpt-4o-2024-08-06",
    "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
    "gpt-5-mini": "gpt-5-mini-2025-08-07",
    "o4-mini": "o4-mini-2025-04-16",
}

SYSTEM_FINGERPRINTS = ("fp_0ba0d124f1", "fp_7a1c4d9e2b", "fp_b376dfbbd5", "fp_e2f22fdd96")


def oa_completion(r: Random, q: Req, model: str, created_s: int, usage: dict[str, Any],
                  answer: tuple[str, str | None] | None = None) -> dict[str, Any]:
    """A chat.completion; ``answer`` (finish_reason, content) as ``Signals`` decided it, else
    the reply's text ending on a stop (rarely a cut, drawn here)."""
    message: dict[str, Any] = {"role": "assistant"}
    if "calls" in q.reply:
        message["content"] = None
        message["tool_calls"] = [{"id": "call_" + s, "type": "function",
                                  "function": {"name": n, "arguments": orjson.dumps(a).decode()}} for s, n, a in q.reply["calls"]]
        finish = "tool_calls"
    else:
        message["content"] = q.reply["text"]
        finish = "length" if r.random() < 0.004 else "stop"  # drawn either way: the stream stays aligned
        if answer is not None:
            finish, message["content"] = answer
    message["refusal"] = None
    message["annotations"] = []
    return {
        "id": "chatcmpl-" + rid(r, 29),
        "object": "chat.completion",
        "created": created_s,
        "model": OPENAI_SNAPSHOT.get(model, model),
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": usage,
        "service_tier": "default",
        "system_fingerprint": None if model == "gpt-5-mini" else SYSTEM_FINGERPRINTS[hash_small(model) % len(SYSTEM_FINGERPRINTS)],
    }


def hash_small(s: str) -> int:
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def an_message(r: Random, q: Req, model: str, usage: dict[str, Any], thinking: bool,
               answer: tuple[str, str] | None = None) -> dict[str, Any]:
    """A Message; ``answer`` (stop_reason, text) as ``Signals`` decided it (see oa_completion)."""
    content: list[dict[str, Any]] = []
    if thinking:
        content.append({"type": "thinking", "thinking": "Let me set up the problem carefully and check each step.",
                        "signature": rid(r, 48)})
    if "calls" in q.reply:
        content.append({"type": "text", "text": "Let me check that."})
        content.extend({"type": "tool_use", "id": "toolu_01" + s[:22], "name": n, "input": a} for s, n, a in q.reply["calls"])
        stop = "tool_use"
    else:
        block = {"type": "text", "text": q.reply["text"]}
        content.append(block)
        stop = "max_tokens" if r.random() < 0.004 else "end_turn"  # drawn either way (see oa_completion)
        if answer is not None:
            stop, block["text"] = answer
    return {
        "id": "msg_01" + rid(r, 22, B58),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": usage,
    }
