"""Every fixture is recognised as exactly the format its folder names, and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.ingest import read
from analyzer.ingest.formats import BY_NAME, FORMATS
from analyzer.ingest.sources import expand

from .conftest import LOGS

CASES = [
    (fmt_dir.name, path)
    for fmt_dir in sorted(LOGS.iterdir())
    if fmt_dir.is_dir()
    for path in sorted(fmt_dir.rglob("*"))
    if path.is_file() and not path.name.startswith(("bad_", "."))
]


def test_fixture_folders_name_real_formats() -> None:
    folders = {fmt_dir.name for fmt_dir in LOGS.iterdir() if fmt_dir.is_dir()}
    assert folders <= set(BY_NAME), folders - set(BY_NAME)


def test_format_names_are_unique() -> None:
    assert len(BY_NAME) == len(FORMATS)


@pytest.mark.parametrize(("expected", "path"), CASES, ids=[f"{e}/{p.name}" for e, p in CASES])
def test_detects_exactly_its_format(expected: str, path: Path) -> None:
    for source in expand([path]):
        assert not isinstance(source, Exception), source
        assert read.open_source(source).fmt.name == expected
