"""Slots whose value is computed, not picked: the registry the data files name them from.

A data file declares ``date = {fn = "date"}`` or ``amount = {fn = "money", args = [4, 450]}``;
the loader looks the name up here (never ``eval``), and an unknown name is an error that
names the file and the templates that need the slot. A function takes the example's
``Ctx`` (random generator, values drawn so far, word lists as ``c.words``) and any ``args``,
and returns the text. Each draws from ``c.r`` in a fixed order: changing that order changes
the examples and the trained model.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., str])

FUNCTIONS: dict[str, Callable[..., str]] = {}
MODULES = ("people", "documents", "code", "tables", "long_inputs", "problems")


def slot_function(name: str) -> Callable[[F], F]:
    """Register a function under the name the data files use."""

    def register(fn: F) -> F:
        if name in FUNCTIONS:
            raise ValueError(f"slot function {name} registered twice")
        FUNCTIONS[name] = fn
        return fn

    return register


def registry() -> dict[str, Callable[..., str]]:
    """Every slot function, by name (imports the modules that register them)."""
    for module in MODULES:
        importlib.import_module(f"{__name__}.{module}")
    return FUNCTIONS
