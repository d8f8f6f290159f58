"""Format 6: Claude Code session transcripts (``~/.claude/projects/<dir>/<session>.jsonl``):
streaming snapshots, tool loops, sidechain replays and auto-compaction."""

from __future__ import annotations

import shutil
from pathlib import Path
from random import Random
from typing import Any

from .clock import DAY_MS, HOUR_MS, WEEK_START_MS, iso_ms, sample_times
from .content import Ctx, fill
from .content.agents import CC_FINALS, CC_NARRATION, CC_PROMPTS, CC_SUMMARIES, CC_TOOLS
from .content.words import REPOS
from .draw import B58, logu, rid, ruuid, weighted
from .outputs import Expected, LineWriter, jsonl_ext
from .signals import Signals
from .traffic import EMPLOYEES
from .usage import an_cost

CC_VERSIONS = (("2.0.30", 5), ("2.0.31", 3), ("2.0.22", 2), ("1.0.88", 1))
CC_MODELS = (("claude-sonnet-4-5-20250929", 7), ("claude-opus-4-7", 2.5), ("claude-haiku-4-5-20251001", 0.5))
CC_TURN_CATEGORIES = (("code_generation", 55), ("agentic", 30), ("code_explanation", 15))
CC_CALLS_PER_TURN = {"code_generation": (2, 12), "agentic": (4, 18), "code_explanation": (1, 4)}
CC_DEVS = EMPLOYEES[14:24]


def _plan_sessions(r: Random, n: int) -> list[list[tuple[str, int]]]:
    """Sessions as lists of (turn category, API calls), totalling exactly n calls."""
    sessions: list[list[tuple[str, int]]] = []
    left = n
    while left > 0:
        turns: list[tuple[str, int]] = []
        for _ in range(weighted(r, ((1, 1), (2, 2), (3, 3), (4, 3), (5, 2), (7, 1.5), (10, 1), (14, 0.5)))):
            cat = weighted(r, CC_TURN_CATEGORIES)
            lo, hi = CC_CALLS_PER_TURN[cat]
            k = min(left, r.randrange(lo, hi + 1))
            turns.append((cat, k))
            left -= k
            if left == 0:
                break
        sessions.append(turns)
    return sessions


def _cc_base(session: dict[str, Any], parent: str | None) -> dict[str, Any]:
    """The leading fields every Claude Code transcript line shares."""
    return {"parentUuid": parent, "isSidechain": False, "userType": "external", "cwd": session["cwd"],
            "sessionId": session["id"], "version": session["version"], "gitBranch": session["branch"]}


def write_claude_code(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                      sig: Signals) -> dict[str, int]:
    """Coding-agent transcripts: their finish reasons are the agent's own (end_turn, tool_use);
    no JSON asked for, no re-sends (every call of a turn carries the same prompt) and no
    feedback."""
    base = out / "claude_code"
    if base.exists():
        shutil.rmtree(base)  # generated content only; stale sessions from earlier runs would double count
    plan = _plan_sessions(r, n)
    week_end = WEEK_START_MS + 7 * DAY_MS
    starts = sample_times(r, len(plan))
    r.shuffle(starts)
    files: dict[str, int] = {}
    for si, (turns, start) in enumerate(zip(plan, starts)):
        start = min(start, week_end - 8 * HOUR_MS)
        repo = r.choice(REPOS)
        version = weighted(r, CC_VERSIONS)
        old = version.startswith("1.")
        session = {"id": ruuid(r), "cwd": f"/home/dev/{repo}", "version": version,
                   "branch": r.choice(("main", "main", f"feat/{r.choice(('sync', 'billing', 'export', 'pagination'))}", "fix/flaky-tests"))}
        model = weighted(r, CC_MODELS)
        ttl = "1h" if r.random() < 0.3 else "5m"
        c: Ctx = {"repo": repo}
        w = LineWriter(base / f"-home-dev-{repo}" / f"{session['id']}{jsonl_ext(gz)}", gz)
        if r.random() < 0.2:
            w.write({"type": "summary", "summary": fill(r.choice(CC_SUMMARIES), r, c), "leafUuid": ruuid(r)})
        t = start
        parent: str | None = None
        ctx_tokens = r.randrange(13_000, 19_000)  # system prompt + tool definitions
        first_call = True
        pending_delta = 0
        replays: list[dict[str, Any]] = []
        for cat, k in turns:
            uid = ruuid(r)
            prompt = fill(r.choice(CC_PROMPTS[cat]), r, c)
            line = _cc_base(session, parent)
            line.update({"type": "user", "message": {"role": "user", "content": prompt}, "uuid": uid, "timestamp": iso_ms(t)})
            w.write(line)
            parent = uid
            pending_delta += len(prompt) // 4 + 20
            for call in range(k):
                final = call == k - 1
                t += r.randrange(1500, 9000)
                msg_id = "msg_01" + rid(r, 22, B58)
                req_id = "req_011C" + rid(r, 18, B58)
                if ctx_tokens > 150_000:  # auto-compaction: the context is summarized and rebuilt
                    ctx_tokens = r.randrange(18_000, 40_000)
                    first_call = True
                if first_call:
                    shared = r.randrange(9_000, 12_000) if r.random() < 0.8 else 0
                    read, write = shared, ctx_tokens - shared + pending_delta
                    first_call = False
                else:
                    read, write = ctx_tokens, pending_delta
                inp = r.randrange(1, 10) if r.random() < 0.9 else r.randrange(10, 600)
                out_final = logu(r, 40, 1800) if final or cat == "code_generation" else logu(r, 25, 700)
                ctx_tokens = read + write + inp
                usage: dict[str, Any] = {"input_tokens": inp, "cache_creation_input_tokens": write, "cache_read_input_tokens": read}
                if not old:
                    usage["cache_creation"] = {"ephemeral_5m_input_tokens": write if ttl == "5m" else 0,
                                               "ephemeral_1h_input_tokens": write if ttl == "1h" else 0}
                usage["output_tokens"] = out_final
                usage["service_tier"] = "standard"
                tool = None if final else CC_TOOLS[r.randrange(len(CC_TOOLS))]
                tool_id = "toolu_01" + rid(r, 22, B58)
                opener = CC_NARRATION[r.randrange(3)] if call == 0 else CC_NARRATION[r.randrange(3, len(CC_NARRATION))]
                blocks: list[dict[str, Any]] = [{"type": "text", "text": opener}]
                if tool is not None:
                    blocks.append({"type": "tool_use", "id": tool_id, "name": tool[0],
                                   "input": {kk: fill(v, r, c) for kk, v in tool[1].items()}})
                else:
                    blocks.append({"type": "text", "text": fill(CC_FINALS[cat], r, c)})
                n_lines = 3 if r.random() < 0.4 else 2
                snaps = ([max(1, out_final // 12), max(2, out_final // 2), out_final] if n_lines == 3
                         else [max(1, out_final // 8), out_final])
                last_line: dict[str, Any] = {}
                for li, snap in enumerate(snaps):
                    uid = ruuid(r)
                    block = blocks[min(li, len(blocks) - 1)] if n_lines == 2 else blocks[0 if li == 0 else 1 if li == 1 else -1]
                    u = dict(usage)
                    u["output_tokens"] = snap
                    is_last = li == len(snaps) - 1
                    line = _cc_base(session, parent)
                    line["message"] = {"id": msg_id, "type": "message", "role": "assistant", "model": model,
                                       "content": [block],
                                       "stop_reason": ("end_turn" if final else "tool_use") if is_last else None,
                                       "stop_sequence": None, "usage": u}
                    line["requestId"] = req_id
                    line["type"] = "assistant"
                    line["uuid"] = uid
                    line["timestamp"] = iso_ms(t + li * r.randrange(80, 900))
                    if old and is_last:
                        line["costUSD"] = round(an_cost(model, inp, read, write, out_final, ttl), 6)
                    w.write(line)
                    parent = uid
                    last_line = line
                # Every Claude Code API call carries its tool definitions: a coding agent's
                # tool loop is `agentic` by the taxonomy, whatever the turn asked for.
                expected.add(msg_id, "agentic")
                if r.random() < 0.004:
                    rep = dict(last_line)
                    rep.update({"isSidechain": True, "requestId": "req_011C" + rid(r, 18, B58), "uuid": ruuid(r)})
                    replays.append(rep)
                pending_delta = out_final
                if tool is not None:
                    t += r.randrange(60, 4000)
                    uid = ruuid(r)
                    result = fill(tool[2], r, c)
                    line = _cc_base(session, parent)
                    line.update({"type": "user", "message": {"role": "user", "content": [
                        {"tool_use_id": tool_id, "type": "tool_result", "content": result}]},
                        "uuid": uid, "timestamp": iso_ms(t), "toolUseResult": {"stdout": result[:200], "stderr": "", "interrupted": False}})
                    w.write(line)
                    parent = uid
                    pending_delta += logu(r, 120, 6000)
            for rep in replays:  # sub-agent transcript replaying a parent message
                rep["timestamp"] = iso_ms(t + 500)
                w.write(rep)
            replays = []
            t += r.randrange(20_000, 600_000)
        if si % 60 == 7:
            uid = ruuid(r)
            line = _cc_base(session, parent)
            line.update({"type": "assistant", "uuid": uid, "timestamp": iso_ms(t), "isApiErrorMessage": False,
                         "message": {"id": ruuid(r), "model": "<synthetic>", "role": "assistant", "stop_reason": "stop_sequence",
                                     "stop_sequence": "", "type": "message",
                                     "usage": {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
                                               "cache_read_input_tokens": 0, "server_tool_use": None, "service_tier": None},
                                     "content": [{"type": "text", "text": "No response requested."}]}})
            w.write(line)
        files[str(w.path.relative_to(out))] = w.close()
    return files
