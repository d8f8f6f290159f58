"""The README documents every supported format and every CLI command."""

from __future__ import annotations

from analyzer.cli import app
from analyzer.ingest.formats import FORMATS

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def test_every_format_is_in_the_readme() -> None:
    missing = [f.name for f in FORMATS if f"| `{f.name}` |" not in README]
    assert not missing, missing


def test_every_command_is_in_the_readme() -> None:
    names = [c.name for c in app.registered_commands]
    missing = [n for n in names if f"spendscope {n}" not in README]
    assert not missing, missing


def test_every_canonical_column_is_described() -> None:
    from analyzer.schema import COLUMN_DOCS, COLUMNS

    assert tuple(COLUMN_DOCS) == COLUMNS
