from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LOGS = FIXTURES / "logs"
SHARED = ROOT.parent / "shared"

os.environ.setdefault("TZ", "UTC")


@pytest.fixture
def logs() -> Path:
    return LOGS
