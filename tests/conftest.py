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


@pytest.fixture(scope="session")
def week_workspace(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The committed sample week ingested once for the whole session (it takes seconds):
    tests read it, none may write to it."""
    from analyzer.ingest.pipeline import ingest
    from analyzer.workspace import Workspace

    ws = Workspace(tmp_path_factory.mktemp("week"))
    result = ws.add(ingest([ROOT / "sample_logs" / "week" / "logs"]))
    assert not result.errors, result.errors
    return ws
