"""CSV rows with the wrong number of fields are rejected one by one, with real line numbers."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ingest_one

HEADER = "timestamp,model,input_tokens,output_tokens,project"


def test_short_and_long_rows_are_rejected(tmp_path: Path) -> None:
    f = tmp_path / "usage.csv"
    f.write_text(
        HEADER + "\n"
        "2026-10-05T10:00:00Z,gpt-4o,100,10,web\n"   # line 2: good
        "2026-10-05T10:00:01Z,gpt-4o,100\n"           # line 3: too few fields
        "2026-10-05T10:00:02Z,gpt-4o,100,10,web,x\n"  # line 4: too many fields
        "\n"                                          # line 5: blank
        "2026-10-05T10:00:03Z,gpt-4o,50,5,api\n"      # line 6: good
    )
    report, rows, _ = ingest_one(f)
    assert [(r.line, r.reason) for r in report.rejections] == [
        (3, "expected 5 CSV fields, found 3"),
        (4, "expected 5 CSV fields, found 6"),
    ]
    assert (report.lines_read, report.rows_ingested, report.skipped) == (5, 2, 1)
    assert rows["input_tokens"].sum() == 100 + 50
    assert rows["source_line"].to_list() == [2, 6]


def test_multiline_cells_keep_true_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "usage.csv"
    f.write_text(
        HEADER + "\n"
        '2026-10-05T10:00:00Z,gpt-4o,100,10,"two\nlines"\n'  # lines 2-3: one record
        "2026-10-05T10:00:01Z,gpt-4o,-1,10,web\n"            # line 4: negative
    )
    report, rows, _ = ingest_one(f)
    assert [(r.line, r.reason) for r in report.rejections] == [(4, "negative input_tokens: -1")]
    assert rows["source_line"].to_list() == [2]  # numbered by its first line
