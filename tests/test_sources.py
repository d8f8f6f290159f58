"""Folders, .gz and .zip are read transparently; broken archives are clear errors."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

from analyzer.errors import UnknownFormatError, UnreadableFileError
from analyzer.ingest.pipeline import ingest

from .test_workspace import chat_line


def test_folder_gz_and_zip(tmp_path: Path) -> None:
    (tmp_path / "logs" / "deep").mkdir(parents=True)
    (tmp_path / "logs" / "a.jsonl").write_text(chat_line(1) + "\n")
    with gzip.open(tmp_path / "logs" / "deep" / "b.jsonl.gz", "wt") as f:
        f.write(chat_line(2) + "\n" + chat_line(3) + "\n")
    with zipfile.ZipFile(tmp_path / "logs" / "c.zip", "w") as z:
        z.writestr("inner/c.jsonl", chat_line(4) + "\n")
        z.writestr("inner/d.jsonl.gz", gzip.compress((chat_line(5) + "\n").encode()))
    (tmp_path / "logs" / ".hidden.jsonl").write_text("garbage\n")
    r = ingest([tmp_path / "logs"])
    assert not r.errors
    assert sorted(f.rows_ingested for f in r.files) == [1, 1, 1, 2]
    assert {f.format for f in r.files} == {"openai_chat"}
    assert any("c.zip!inner/d.jsonl.gz" in f.path for f in r.files)
    assert r.rows.height == 5


def test_unknown_format_names_file_and_formats_tried(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("just some notes\nnothing to see\n")
    (tmp_path / "good.jsonl").write_text(chat_line(1) + "\n")
    r = ingest([tmp_path])
    (e,) = r.errors
    assert isinstance(e, UnknownFormatError)
    assert "notes.txt" in str(e) and "openai_chat" in str(e)
    assert r.rows.height == 1  # the good file still lands


def test_truncated_gzip_is_an_error_not_a_crash(tmp_path: Path) -> None:
    data = gzip.compress(("\n".join(chat_line(i) for i in range(2000)) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    r = ingest([tmp_path / "cut.jsonl.gz"])
    (e,) = r.errors
    assert isinstance(e, UnreadableFileError) and "cut.jsonl.gz" in str(e)


def test_bad_zip_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (e,) = ingest([tmp_path / "x.zip"]).errors
    assert isinstance(e, UnreadableFileError) and "x.zip" in str(e)


def test_missing_path(tmp_path: Path) -> None:
    (e,) = ingest([tmp_path / "nope.jsonl"]).errors
    assert "no such file" in str(e)


def test_an_empty_file_says_so_and_the_rest_of_its_folder_lands(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "blank.jsonl").write_text("  \n\n\t\n")
    (tmp_path / "good.jsonl").write_text(chat_line(1) + "\n")
    result = ingest([tmp_path])
    assert sorted(str(e) for e in result.errors) == [f"{tmp_path / 'blank.jsonl'}: empty file",
                                                     f"{tmp_path / 'empty.jsonl'}: empty file"]
    assert [(Path(f.path).name, f.rows_ingested) for f in result.files] == [("good.jsonl", 1)]


def test_a_bad_first_line_is_a_rejection_and_the_good_lines_land(tmp_path: Path) -> None:
    good = [chat_line(i) for i in range(1, 4)]
    for name, first in [("truncated.jsonl", good[0][:40].encode()), ("latin1.jsonl", "d\xe9j\xe0 vu".encode("latin-1")),
                        ("deep.jsonl", b"[" * 2000 + b"]" * 2000), ("text.jsonl", b"== export of 2026-10-05 ==")]:
        path = tmp_path / name
        path.write_bytes(first + b"\n" + "\n".join(good).encode() + b"\n")
        result = ingest([path])
        assert not result.errors, name
        (f,) = result.files
        assert (f.format, f.lines_read, f.rows_ingested, f.rows_rejected) == ("openai_chat", 4, 3, 1), name
        assert f.rejections[0].line == 1, name


def test_a_pretty_printed_document_is_not_taken_for_json_lines(tmp_path: Path) -> None:
    records = [json.loads(chat_line(i)) for i in range(1, 4)]
    path = tmp_path / "pretty.json"
    path.write_text("[\n" + ",\n".join("  " + json.dumps(r) for r in records) + "\n]\n")
    result = ingest([path])
    assert not result.errors and result.files[0].rows_ingested == 3
