"""Format 2: OpenAI Batch API input and output files of the nightly jobs (outputs shuffled, a
few 400 lines)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from random import Random
from typing import Any

from .answers import oa_completion
from .clock import DAY_MS, HOUR_MS, WEEK_START, WEEK_START_MS
from .draw import HEX, rid, weighted
from .json_answers import json_wanted, oa_response_format
from .outputs import Expected, LineWriter, jsonl_ext
from .request import build_request, oa_messages
from .signals import Sent, Signals
from .traffic import MIXES, Picker
from .usage import oa_usage, oa_usage_parts

BATCH_ERRORS = (
    {"message": "Invalid 'messages[1].content': string too long. Expected a string with maximum length 1048576, but got "
                "a string with length 1301977 instead.", "type": "invalid_request_error", "param": "messages[1].content",
     "code": "string_above_max_length"},
    {"message": "Invalid value for 'max_tokens': must be less than or equal to 16384.", "type": "invalid_request_error",
     "param": "max_tokens", "code": "invalid_value"},
)


def write_openai_batch(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                       sig: Signals) -> dict[str, int]:
    pick_entry = Picker(MIXES["openai_batch"])
    w_in = LineWriter(out / f"openai_batch_input{jsonl_ext(gz)}", gz)
    w_out = LineWriter(out / f"openai_batch_output{jsonl_ext(gz)}", gz)
    per_night = [n // 7 + (1 if d < n % 7 else 0) for d in range(7)]
    for night, count in enumerate(per_night):
        submit = WEEK_START_MS + night * DAY_MS + HOUR_MS + r.randrange(30 * 60_000)
        day = (WEEK_START + timedelta(days=night)).strftime("%Y%m%d")
        outputs: list[dict[str, Any]] = []
        for seq in range(count):
            e = pick_entry(r)
            q = build_request(r, e)
            model = weighted(r, e.models)
            custom_id = f"{e.product}-{e.feature}-{day}-{seq:06d}"
            body: dict[str, Any] = {"model": model, "messages": oa_messages(q), "temperature": 0,
                                    "max_tokens": 32768 if r.random() < 0.005 else 4096 if q.out > 1000 else 1024}
            sent = Sent(e, q, model, submit)
            o = sent.outcome = sig.decide(q, model, submit)
            if o.limit is not None and body["max_tokens"] != 32768:
                body["max_tokens"] = o.limit  # the job's limit that the answer ran into
            if json_wanted(q):
                body["response_format"] = oa_response_format(q)
            w_in.write({"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body})
            line: dict[str, Any] = {"id": "batch_req_" + rid(r, 32, HEX), "custom_id": custom_id}
            too_long = r.random() < 0.005
            if body["max_tokens"] == 32768 or too_long:
                line["response"] = {"status_code": 400, "request_id": rid(r, 32, HEX),
                                    "body": {"error": BATCH_ERRORS[0 if too_long else 1]}}
                sent.failed = True
            else:
                created = (submit + r.randrange(10 * 60_000, 5 * HOUR_MS)) // 1000
                prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
                resp = oa_completion(r, q, model, created, oa_usage(prompt, cached, completion, reasoning),
                                     sig.oa_answer(q, o))
                resp["service_tier"] = "default"
                line["response"] = {"status_code": 200, "request_id": rid(r, 32, HEX), "body": resp}
                sent.rid = line["id"]  # what spendscope ingests as the request id of an output line
            line["error"] = None
            outputs.append(line)
            sig.keep(sent, expected, custom_id)
        r.shuffle(outputs)  # output order is not input order
        for line in outputs:
            w_out.write(line)
    return {w_in.path.name: w_in.close(), w_out.path.name: w_out.close()}
