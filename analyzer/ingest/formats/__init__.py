"""The registry of log-format adapters.

Every module in this package holds one or more adapters (see ``base.py`` for the
contract) and lists them in a module-level ``FORMATS`` tuple. Modules are discovered, so
adding a format means adding a module; ``ORDER`` (default 100) sorts them for display.
"""

from __future__ import annotations

import importlib
import pkgutil

from analyzer.ingest.formats.base import Format


def _discover() -> tuple[Format, ...]:
    found: list[tuple[int, str, Format]] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for fmt in getattr(module, "FORMATS", ()):
            found.append((getattr(module, "ORDER", 100), fmt.name, fmt))
    return tuple(f for _, _, f in sorted(found, key=lambda t: (t[0], t[1])))


FORMATS: tuple[Format, ...] = _discover()
BY_NAME = {f.name: f for f in FORMATS}
AGGREGATED = tuple(f.name for f in FORMATS if f.aggregated)  # usage exports: a row per period
