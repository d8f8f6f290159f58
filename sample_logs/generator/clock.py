"""The sample week's calendar: when it starts, how traffic spreads over hours and days, and
timestamps in the ISO form the logs carry. Fixed dates keep the output byte-for-byte stable."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from random import Random

WEEK_START = datetime(2026, 10, 5, tzinfo=timezone.utc)
WEEK_START_MS = int(WEEK_START.timestamp()) * 1000
DAY_MS = 86_400_000
HOUR_MS = 3_600_000


#: Relative traffic per UTC hour on a weekday (EU working day plus the US morning).
HOUR_WEIGHTS = (
    0.25, 0.2, 0.18, 0.18, 0.2, 0.3, 0.5, 0.9, 1.5, 1.9, 2.0, 1.9,
    1.6, 1.8, 2.0, 2.0, 1.9, 1.5, 1.1, 0.8, 0.6, 0.5, 0.4, 0.3,
)  # fmt: skip
#: Relative traffic per day, Monday first: a quiet weekend.
DAY_WEIGHTS = (1.0, 1.06, 1.04, 1.0, 0.88, 0.3, 0.26)

_DATES = {d: (WEEK_START + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(-3, 12)}


def iso_ms(ms: int) -> str:
    """ISO-8601 UTC with milliseconds and a Z, for an epoch-milliseconds value."""
    rel = ms - WEEK_START_MS
    day, rest = divmod(rel, DAY_MS)
    date = _DATES.get(day)
    if date is None:
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%S.%f"
        )[:-3] + "Z"
    h, rest = divmod(rest, HOUR_MS)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{date}T{h:02d}:{m:02d}:{s:02d}.{milli:03d}Z"


def sample_times(r: Random, n: int) -> list[int]:
    """`n` sorted epoch-ms timestamps inside the week following the diurnal pattern."""
    cum: list[float] = []
    acc = 0.0
    for d in range(7):
        for h in range(24):
            w = DAY_WEIGHTS[d] * HOUR_WEIGHTS[h]
            if d >= 5:  # weekends are flatter: people dip in at odd hours
                w = DAY_WEIGHTS[d] * (0.5 + 0.5 * HOUR_WEIGHTS[h])
            acc += w
            cum.append(acc)
    slots = r.choices(range(168), cum_weights=cum, k=n)
    out = [WEEK_START_MS + s * HOUR_MS + r.randrange(HOUR_MS) for s in slots]
    out.sort()
    return out
