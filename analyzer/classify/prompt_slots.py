"""How a slot of a training prompt gets its value (``analyzer/classify/data/README.md``).

A template's text names slots as ``{name}``. While one example is rendered, a ``Ctx`` holds
the random generator and the values drawn so far: a slot is drawn the first time it is
needed and then reused, so a name used twice in one prompt stays the same. Values are
inserted verbatim (never re-scanned), so code and JSON inside them are safe.

The data files declare each slot as one of a few *kinds* (below); a slot whose value must
be computed (a date, an amount, a CSV table) names a function of
``analyzer/classify/slot_functions`` instead. Every kind draws from the generator in a
fixed order, which is what keeps the examples, and the trained model, reproducible.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

SLOT_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class Words(dict[str, Any]):
    """The named word lists of the data files, also readable as attributes (``w.FIRST``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no word list {name} in analyzer/classify/data") from None


class Ctx:
    """The values drawn for one example; ``get`` draws a slot once and caches it."""

    __slots__ = ("r", "vals", "slots", "words")

    def __init__(self, r: random.Random, slots: Mapping[str, SlotFn], words: Words) -> None:
        self.r = r
        self.vals: dict[str, str] = {}
        self.slots = slots
        self.words = words

    def get(self, name: str) -> str:
        v = self.vals.get(name)
        if v is None:
            fn = self.slots.get(name)
            if fn is None:
                raise KeyError(f"unknown slot {{{name}}}")
            v = fn(self)
            self.vals[name] = v
        return v

    def fill(self, text: str) -> str:
        return SLOT_RE.sub(lambda m: self.get(m.group(1)), text)

    def pick(self, options: Sequence[str]) -> str:
        """One option, with its slots filled."""
        return self.fill(self.r.choice(options))


SlotFn = Callable[[Ctx], str]


# --- the kinds a data file can declare ------------------------------------------------


def one(options: Sequence[str]) -> SlotFn:
    """``one`` / ``one_of``: pick one option and fill the slots inside it."""
    return lambda c: c.pick(options)


def raw(options: Sequence[str]) -> SlotFn:
    """``raw`` / ``raw_of``: pick one option verbatim (code, JSON: braces are not slots)."""
    return lambda c: c.r.choice(options)


def fill(text: str) -> SlotFn:
    """``fill``: one fixed text with its slots filled (draws nothing itself)."""
    return lambda c: c.fill(text)


def lines(pool: Sequence[str], lo: int, hi: int, sep: str = "\n", keep_order: bool = True) -> SlotFn:
    """``lines`` / ``lines_of``: between ``lo`` and ``hi`` distinct lines of ``pool``, each
    filled, joined by ``sep`` (in pool order unless ``keep_order`` is false)."""

    def f(c: Ctx) -> str:
        k = c.r.randint(lo, min(hi, len(pool)))
        idx = c.r.sample(range(len(pool)), k)
        if keep_order:
            idx.sort()
        return sep.join(c.fill(pool[i]) for i in idx)

    return f


def set_by(source: str, name: str) -> SlotFn:
    """``set_by``: a value that slot ``source``'s function stores while it draws (the
    question that fits the document it picked, the language of the snippet ...)."""
    return lambda c: (c.get(source), c.vals[name])[1]


def call(fn: Callable[..., str], args: Sequence[Any]) -> SlotFn:
    """``fn`` (+ ``args``): a registered slot function, called as ``fn(ctx, *args)``."""
    if not args:
        return fn
    return lambda c: fn(c, *args)
