"""The write loop of a request/response log in which users send some requests again: the
re-sends take the place of later requests, so each file keeps its request count."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from pathlib import Path
from random import Random

from .clock import WEEK_START_MS, sample_times
from .outputs import Expected, LineWriter
from .signals import RESEND_MAX_MS, Sent, Signals
from .traffic import MIXES, Entry, Picker


#: A format's request builder: (r, entry, time, signals, first send or None, model of a re-send) -> (lines, Sent).
Make = Callable[[Random, Entry, int, "Signals | None", "Sent | None", "str | None"],
                "tuple[list[dict[str, Any]], Sent]"]


def write_resending(fmt: str, r: Random, n: int, path: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                    sig: Signals, make: Make) -> dict[str, int]:
    """Write ``n`` requests of a request/response log. A request the user sends again takes
    the place of the first request due at or after that time (its time moved back to when it
    was sent), so the count stays ``n``; the request it replaces is still drawn from the main
    stream, which keeps every other request as it was."""
    pick_entry = Picker(MIXES[fmt])
    w = LineWriter(path, gz, bad)
    due: list[tuple[int, int, Sent, str, str]] = []  # (at, seq, first send, kind, model), a heap
    seq = 0
    last = WEEK_START_MS
    for ts in sample_times(r, n):
        e = pick_entry(r)
        lines, sent = make(r, e, ts, sig, None, None)
        while due and due[0][0] <= ts:
            at, _, prior, kind, model = heapq.heappop(due)
            at = max(at, last)
            if at - prior.ts > RESEND_MAX_MS:
                continue  # too late: the user gave up
            lines, sent = make(sig.r, prior.e, at, sig, prior, model)
            sent.kind, sent.depth = kind, prior.depth + 1
            break
        for line in lines:
            w.write(line)
        last = sent.ts
        sig.keep(sent, expected)
        plan = sig.resend(sent)
        if plan is not None:
            seq += 1
            heapq.heappush(due, (plan[0], seq, sent, plan[1], plan[2]))
    return {w.path.name: w.close()}
