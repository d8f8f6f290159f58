"""The catalog's lookup memo: what it gives back is what the catalog says, and a command
that finds its lookups in it never loads genai-prices."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from analyzer.pricing import catalog

LOOKUPS = [
    ("openai", "gpt-4o", date(2026, 3, 2), "standard"),
    ("anthropic", "claude-sonnet-4-5", date(2026, 3, 2), "batch"),  # a stated batch discount
    ("google", "gemini-2.5-pro", date(2026, 3, 2), "standard"),  # long-context tiers
    ("openai", "no-such-model", date(2026, 3, 2), "standard"),  # not in the catalog: None
]


@pytest.mark.parametrize("lookup", LOOKUPS)
def test_a_memo_entry_reads_back_as_the_catalog_answer(lookup: tuple) -> None:
    provider, model, day, tier = lookup
    direct = catalog._unit_prices(provider, model, catalog.noon(day), tier)
    assert catalog._from_json(json.loads(json.dumps(catalog._to_json(direct)))) == direct


def test_a_memoised_lookup_skips_the_catalog(tmp_path: Path) -> None:
    env = {**os.environ, catalog.CACHE_ENV: str(tmp_path)}
    script = (
        "import sys, datetime\n"
        "from analyzer.pricing import catalog\n"
        "p = catalog.unit_prices('anthropic', 'claude-sonnet-4-5', datetime.date(2026, 3, 2), 'batch')\n"
        "print(repr((p.rates['input'].base, p.assumptions[0].rule[:5], sorted(catalog.time_of_day_providers()))))\n"
        "print('genai_prices' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert first.stdout.splitlines()[1] == "True" and second.stdout.splitlines()[1] == "False"
    assert first.stdout.splitlines()[0] == second.stdout.splitlines()[0]
    assert len(list(tmp_path.glob("catalog-*.json"))) == 1


def test_an_unreadable_memo_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(catalog.CACHE_ENV, str(tmp_path))
    memo = catalog.Memo()
    memo.path().write_text("{not json")  # type: ignore[union-attr]
    assert memo.get("k", lambda: [1, 2]) == [1, 2]
    memo.save()
    assert json.loads(memo.path().read_text()) == {"k": [1, 2]}  # type: ignore[union-attr]
