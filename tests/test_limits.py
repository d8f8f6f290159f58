"""Hostile input stays inside ingest's limits: long lines, decompression bombs, documents
read whole, archive member names; every line still accounted for, the other files still land."""

from __future__ import annotations

import dataclasses
import gzip
import io
import json
import zipfile
from pathlib import Path

import pytest

from analyzer.errors import ConfigError
from analyzer.ingest import limits
from analyzer.ingest.jsonl import iter_line_chunks
from analyzer.ingest.pipeline import ingest
from tests.helpers import ingest_one

from .test_workspace import chat_line


def _zeros_gz(path: Path, good: list[str], tail_bytes: int) -> Path:
    """Good lines, then ``tail_bytes`` of one line without a newline (compresses ~1000:1)."""
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(("\n".join(good) + "\n").encode())
        block = b"0" * 1_000_000
        for _ in range(tail_bytes // len(block)):
            f.write(block)
    return path


def test_a_line_over_the_limit_is_one_rejection_and_reading_resumes() -> None:
    data = b'{"a": 1}\n' + b"x" * 5_000 + b"\n" + b'{"a": 2}\n'
    chunks = list(iter_line_chunks(io.BytesIO(data), chunk_bytes=256, max_line=1_000))
    lines = b"".join(block for _, _, block in chunks).split(b"\n")[:-1]
    assert [n for _, n, _ in chunks] and sum(n for _, n, _ in chunks) == 3
    assert lines[0] == b'{"a": 1}' and lines[2] == b'{"a": 2}'
    assert lines[1].startswith(b"\x00spendscope:oversized:")  # stands for the 5,000-byte line


def test_a_limit_under_the_read_size_still_rejects_every_longer_line(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # the 2,000-byte limit is far under the 8 MB read: both long lines sit inside one read
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", "0.002")
    long = json.loads(chat_line(2))
    long["request"]["messages"][0]["content"] = "x" * 5_000
    last = json.loads(chat_line(4))
    last["request"]["messages"][0]["content"] = "y" * 3_000
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([chat_line(1), json.dumps(long), chat_line(3), chat_line(5), json.dumps(last)]))
    report, rows, _ = ingest_one(path)  # the last line has no newline
    assert [(r.line, r.reason.split(" (")[0]) for r in report.rejections] == [
        (2, "line longer than 2,000 bytes"), (5, "line longer than 2,000 bytes")]
    assert (report.lines_read, report.rows_ingested) == (5, 3)
    exact = len(json.dumps(long).encode())
    assert f"({exact:,} bytes+)" in report.rejections[0].reason  # its whole length, known here


def test_gzip_of_a_line_without_newline_stops_at_the_line_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", "1")
    path = _zeros_gz(tmp_path / "a.jsonl.gz", [chat_line(i) for i in range(3)], 30_000_000)
    report, rows, _ = ingest_one(path)
    assert (report.lines_read, report.rows_ingested, report.rows_rejected) == (4, 3, 1)
    (rejection,) = report.rejections
    assert rejection.line == 4
    assert rejection.reason.startswith("line longer than 1 MB") and "SPENDSCOPE_MAX_LINE_MB" in rejection.reason


def test_decompression_bomb_refused_by_ratio(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "RATIO_FLOOR_BYTES", 1_000_000)
    monkeypatch.setenv("SPENDSCOPE_MAX_RATIO", "50")
    bomb = _zeros_gz(tmp_path / "bomb.jsonl.gz", [chat_line(0)], 20_000_000)
    good = tmp_path / "good.jsonl"
    good.write_text(chat_line(1) + "\n")
    result = ingest([bomb, good])
    (error,) = result.errors
    assert error.path == str(bomb)
    assert "refused as a decompression bomb" in str(error) and "SPENDSCOPE_MAX_RATIO" in str(error)
    assert [f.path for f in result.files] == [str(good)]  # the other file still lands
    assert result.rows.height == 1


def test_zip_member_over_the_size_limit_is_refused_while_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPENDSCOPE_MAX_FILE_MB", "2")
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.jsonl", "\n".join(chat_line(i) for i in range(20_000)) + "\n")  # ~5 MB
        zf.writestr("small.jsonl", chat_line(99_999) + "\n")
    result = ingest([archive])
    assert [e.path for e in result.errors] == [f"{archive}!big.jsonl"]
    assert "decompresses past 2 MB" in str(result.errors[0])
    assert [f.path for f in result.files] == [f"{archive}!small.jsonl"]


def test_zip_member_names_that_leave_the_archive_are_reported(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("..\\..\\x.jsonl", chat_line(1) + "\n")
        zf.writestr("../y.jsonl", chat_line(2) + "\n")
        zf.writestr("ok/z.jsonl", chat_line(3) + "\n")
        zf.writestr(".hidden.jsonl", chat_line(4) + "\n")  # hidden: skipped, as folders' are
    result = ingest([archive])
    assert sorted(e.path for e in result.errors) == [f"{archive}!../y.jsonl", f"{archive}!..\\..\\x.jsonl"]
    assert all("leaves the archive" in str(e) for e in result.errors)
    assert [f.path for f in result.files] == [f"{archive}!ok/z.jsonl"]


def test_damaged_zip_member_is_an_error_naming_it(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.jsonl", "\n".join(chat_line(i) for i in range(50)) + "\n")
    data = bytearray(archive.read_bytes())
    start = data.index(b'{"timestamp"') + 2_000
    data[start:start + 5] = b"#####"  # the CRC no longer matches
    archive.write_bytes(bytes(data))
    result = ingest([archive])
    assert [e.path for e in result.errors] == [f"{archive}!a.jsonl"]
    assert "truncated or corrupt archive" in str(result.errors[0])


def test_json_document_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPENDSCOPE_MAX_DOCUMENT_MB", "0.01")  # 10,000 bytes
    doc = tmp_path / "usage.json"
    doc.write_text(json.dumps([json.loads(chat_line(i)) for i in range(200)], indent=1))
    result = ingest([doc])
    (error,) = result.errors
    assert "a JSON document over 10,000 bytes, read whole: refused" in str(error)
    assert "SPENDSCOPE_MAX_DOCUMENT_MB" in str(error)


def test_limits_must_be_positive_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", "lots")
    with pytest.raises(ConfigError, match="SPENDSCOPE_MAX_LINE_MB must be a number"):
        limits.current()
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", "0")
    with pytest.raises(ConfigError, match="must be positive"):
        limits.current()


def test_counts_out_of_range_are_rejections_not_a_failed_run(tmp_path: Path) -> None:
    from analyzer.aggregate import spend_report

    lines = ["timestamp,model,input_tokens,output_tokens,request_id"]
    values = ["1e19", "1e23", "1e308", "inf", "-inf", "9e18", "1000000000000", "1000000000001"]
    lines += [f"2026-10-05T10:00:{i:02d}Z,gpt-4o-mini,{v},10,r{i}" for i, v in enumerate(values)]
    lines += ["2026-10-05T11:00:00Z,gpt-4o-mini,900000000000,10,big1",
              "2026-10-05T11:00:01Z,gpt-4o-mini,900000000000,10,big2"]
    path = tmp_path / "usage.csv"
    path.write_text("\n".join(lines) + "\n")
    report, rows, _ = ingest_one(path)
    # 1e12 exactly is the bound (kept); everything above it, and the infinities, rejected
    assert report.rows_rejected == 7 and report.rows_ingested == 3
    assert all("input_tokens out of range" in r.reason for r in report.rejections)
    assert report.rejections[0].reason == "input_tokens out of range: 1e+19 (at most 1e12 in one row)"
    totals = spend_report(rows.lazy())["totals"]
    assert totals["input_tokens"] == 1_000_000_000_000 + 2 * 900_000_000_000  # no wrap-around


def test_epochs_are_read_by_range(tmp_path: Path) -> None:
    from datetime import datetime, timezone

    base = 1_791_201_600  # 2026-10-05T12:00:00Z
    stamps = [base, base * 1_000, base * 1_000_000, base * 1_000_000_000, 253_402_300_800, 12_345]
    lines = ["timestamp,model,input_tokens,output_tokens,request_id"]
    lines += [f"{t},gpt-4o-mini,10,1,e{i}" for i, t in enumerate(stamps)]
    path = tmp_path / "epochs.csv"
    path.write_text("\n".join(lines) + "\n")
    report, rows, _ = ingest_one(path)
    noon = datetime(2026, 10, 5, 12, tzinfo=timezone.utc)
    assert rows.sort("source_line")["timestamp"].to_list() == [noon] * 4  # s, ms, us, ns
    # year 9999 in seconds fits no unit between 2000 and 2100; neither does 12,345
    assert [(r.line, r.reason) for r in report.rejections] == [
        (6, "unknown timestamp format: '253402300800'"), (7, "unknown timestamp format: '12345'")]


def test_defaults_are_the_documented_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SPENDSCOPE_MAX_LINE_MB", "SPENDSCOPE_MAX_FILE_MB", "SPENDSCOPE_MAX_DOCUMENT_MB",
                 "SPENDSCOPE_MAX_CSV_MB", "SPENDSCOPE_MAX_RATIO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", " ")  # blank: the default
    assert limits.current() == limits.Limits(
        max_line_bytes=32_000_000, max_file_bytes=50_000_000_000, max_document_bytes=64_000_000,
        max_csv_bytes=512_000_000, max_ratio=250.0, ratio_floor_bytes=1_000_000_000)
    monkeypatch.setenv("SPENDSCOPE_MAX_CSV_MB", "2")
    monkeypatch.setenv("SPENDSCOPE_MAX_RATIO", "2000")
    now = limits.current()
    assert (now.max_csv_bytes, now.max_ratio) == (2_000_000, 2000.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        now.max_ratio = 1.0  # type: ignore[misc]


def test_a_raised_ratio_lets_a_real_file_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "RATIO_FLOOR_BYTES", 1_000_000)
    monkeypatch.setenv("SPENDSCOPE_MAX_RATIO", "100000")
    path = _zeros_gz(tmp_path / "a.jsonl.gz", [chat_line(0)], 3_000_000)  # ~1000:1, but allowed
    monkeypatch.setenv("SPENDSCOPE_MAX_LINE_MB", "10")
    report, _, _ = ingest_one(path)
    assert (report.rows_ingested, report.rows_rejected) == (1, 1)  # the zeros: one line, not JSON


def test_limit_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPENDSCOPE_MAX_CSV_MB", "x")
    with pytest.raises(ConfigError) as e:
        limits.current()
    assert str(e.value) == "SPENDSCOPE_MAX_CSV_MB must be a number, got 'x'"
    monkeypatch.setenv("SPENDSCOPE_MAX_CSV_MB", "-3")
    with pytest.raises(ConfigError) as e:
        limits.current()
    assert str(e.value) == "SPENDSCOPE_MAX_CSV_MB must be positive, got '-3'"
    assert limits.megabytes(1_500_000) == "2 MB" and limits.megabytes(999) == "999 bytes"
    assert limits.variable("max_ratio") == "SPENDSCOPE_MAX_RATIO"
    assert limits.variable("max_csv_bytes") == "SPENDSCOPE_MAX_CSV_MB"
