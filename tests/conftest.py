from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LOGS = FIXTURES / "logs"
SHARED = ROOT.parent / "shared"

os.environ.setdefault("TZ", "UTC")
# The catalog's lookup memo (analyzer/pricing/catalog.py) goes to a folder of this test run,
# never the user's own cache; subprocesses of the tests share it.
os.environ["SPENDSCOPE_CACHE"] = tempfile.mkdtemp(prefix="spendscope-cache-")


@pytest.fixture
def logs() -> Path:
    return LOGS
