"""``python -m sample_logs.generator [args]``: the same command line as ``sample_logs/generate.py``."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
