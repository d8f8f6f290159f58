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


def test_a_first_line_longer_than_the_sniffed_head_is_still_detected(tmp_path: Path) -> None:
    """An OpenAI Usage API page of a month of daily buckets by model and project, one JSONL
    line of ~350 KB (more than detection's 256 KiB head), and a second page after it."""
    import json

    from analyzer.ingest import detect
    from analyzer.ingest.pipeline import ingest

    def page(day0: int, results: int) -> str:
        result = {"object": "organization.usage.completions.result", "input_tokens": 1000, "output_tokens": 100,
                  "input_cached_tokens": 0, "num_model_requests": 2, "model": "gpt-4o-mini", "user_id": None,
                  "api_key_id": None, "batch": False, "service_tier": None}
        buckets = [{"object": "bucket", "start_time": 1788220800 + 86400 * (day0 + d),
                    "end_time": 1788220800 + 86400 * (day0 + d + 1),
                    "results": [{**result, "project_id": f"proj_{i:04d}"} for i in range(results)]}
                   for d in range(31)]
        return json.dumps({"object": "page", "data": buckets, "has_more": False, "next_page": None})

    first = page(0, 40)
    assert len(first) > detect.HEAD_BYTES
    path = tmp_path / "usage.jsonl"
    path.write_text(first + "\n" + page(31, 2) + "\n")
    [source] = expand([path])
    assert read.open_source(source).fmt.name == "openai_usage"
    result = ingest([path])
    try:
        [report] = result.files
        rows = 31 * 40 + 31 * 2  # a page's results each count as a record read
        assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (rows, rows, 0)
    finally:
        result.close()
