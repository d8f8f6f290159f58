"""Folders, .gz and .zip are read transparently; broken archives are clear errors."""

from __future__ import annotations

import gzip
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


def test_empty_file_is_unknown(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("")
    (e,) = ingest([tmp_path / "empty.jsonl"]).errors
    assert isinstance(e, UnknownFormatError)
