"""feedback.csv: scores and flags per request, every bad row named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.errors import ConfigError
from analyzer.quality import feedback


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / feedback.FILE_NAME
    path.write_text(text)
    return path


def test_scores_average_and_any_flag_counts(tmp_path: Path) -> None:
    path = write(tmp_path, "Request_ID , Score,flag\n"
                           "r1,4,\n"
                           "r2,,thumbs_down\n"
                           "r1,2,no\n"
                           "\n"
                           "r3,5,good\n"
                           "r2,1,0\n")
    rows = {r["request_id"]: r for r in feedback.read(path).iter_rows(named=True)}
    # r1: (4 + 2) / 2 = 3.0, flagged on no row of two (one blank)
    assert rows["r1"] == {"request_id": "r1", "score": 3.0, "flag": False, "feedback_rows": 2}
    # r2: flagged once (thumbs_down), not flagged once: any flag counts; one score
    assert rows["r2"] == {"request_id": "r2", "score": 1.0, "flag": True, "feedback_rows": 2}
    assert rows["r3"]["flag"] is False and list(rows) == ["r1", "r2", "r3"]


def test_a_file_of_flags_only_and_one_of_scores_only(tmp_path: Path) -> None:
    flags = feedback.read(write(tmp_path, "request_id,flag\na,yes\nb,FALSE\n"))
    assert flags["flag"].to_list() == [True, False] and flags["score"].null_count() == 2
    (tmp_path / "s").mkdir()
    scores = feedback.read(write(tmp_path / "s", "request_id,score\na,0.25\n"))
    assert scores["score"].to_list() == [0.25] and scores["flag"].to_list() == [None]


@pytest.mark.parametrize(("text", "message"), [
    ("id,score\na,1\n", "line 1: the header must name request_id and score or flag (found: id, score)"),
    ("request_id,score\na,great\n", "line 2: score must be a number, got 'great'"),
    ("request_id,score\na,nan\n", "line 2: score must be a finite number, got 'nan'"),
    ("request_id,flag\na,yes\nb,meh\n", "line 3: flag must be one of"),
    ("request_id,score\n,3\n", "line 2: request_id is empty"),
    ("request_id,score,flag\na,,\n", "line 2: neither a score nor a flag for a"),
    ("request_id,score\na,1,2\n", "line 2: expected 2 fields, found 3"),
])
def test_a_bad_row_names_the_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        feedback.read(path)
    assert str(caught.value).startswith(f"{path}, ") and message in str(caught.value)


def test_unreadable_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        feedback.read(tmp_path / "missing.csv")
    path = tmp_path / feedback.FILE_NAME
    path.write_bytes(b"request_id,score\n\xff\xfe,1\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        feedback.read(path)
