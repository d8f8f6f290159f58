"""Small random draws shared by every part of the generator: ids in a provider's alphabet,
uuids, log-uniform sizes and weighted choices. Each takes the caller's ``random.Random``, so a
format's output depends only on its own seeded stream."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from random import Random
from typing import Any

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
HEX = "0123456789abcdef"


def rid(r: Random, n: int, alphabet: str = B62) -> str:
    return "".join(r.choices(alphabet, k=n))


def ruuid(r: Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def logu(r: Random, lo: float, hi: float) -> int:
    """Log-uniform integer in [lo, hi]."""
    if hi <= lo:
        return int(lo)
    return int(round(lo * (hi / lo) ** r.random()))


def weighted(r: Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    total = 0.0
    for _, w in pairs:
        total += w
    x = r.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]
