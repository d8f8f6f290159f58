#!/usr/bin/env python3
"""Entry script of the sample generator (the package ``sample_logs/generator/``).

``python sample_logs/generate.py [args]`` is how the Makefile, the benchmarks and the docs run
it, from any folder; the same command line is ``python -m sample_logs.generator`` from the
repository root. Loaded as a module (the tests load it from its path), it exposes the
package's public names.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: sample_logs.generator

from sample_logs.generator import (  # noqa: E402
    CATEGORIES,
    DEFAULT_OUT,
    DEFAULT_REQUESTS,
    DEFAULT_SEED,
    FORMAT_SHARES,
    FORMATS,
    allocate,
    generate,
    main,
    parse_known_bad_lines,
)

__all__ = [
    "CATEGORIES", "DEFAULT_OUT", "DEFAULT_REQUESTS", "DEFAULT_SEED", "FORMATS", "FORMAT_SHARES",
    "allocate", "generate", "main", "parse_known_bad_lines",
]

if __name__ == "__main__":
    sys.exit(main())
