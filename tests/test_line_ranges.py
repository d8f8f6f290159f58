"""A file is cut into blocks the same way whoever reads it: whole, in byte ranges on other
processes (``sources.pieces``, the Ray engine), or after other files of its format
(``read.line_blocks``). The engines' identical results rest on this."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest import jsonl, read, sources
from analyzer.ingest.jsonl import BOM, iter_line_chunks, split_id

from .test_workspace import chat_line, write

LINE = st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"x"))


def _source(path: Path) -> sources.Source:
    (source,) = sources.expand([path])
    assert isinstance(source, sources.Source)
    return source


def _chunks(stream, chunk: int) -> list[tuple[int, int, bytes]]:  # type: ignore[no-untyped-def]
    with stream:
        return list(iter_line_chunks(stream, chunk, max_line=1 << 20))


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(LINE, max_size=60), bom=st.booleans(), newline_at_end=st.booleans(),
       chunk=st.integers(8, 48), cells=st.integers(1, 3))
def test_ranges_give_the_whole_files_chunks(lines: list[bytes], bom: bool, newline_at_end: bool,
                                            chunk: int, cells: int) -> None:
    data = (BOM if bom else b"") + b"\n".join(lines) + (b"\n" if newline_at_end and lines else b"")
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        mp.setattr(sources, "CHUNK_BYTES", chunk)
        path = Path(tmp) / "a.jsonl"
        path.write_bytes(data)
        whole = _chunks(open(path, "rb"), chunk)
        pieces = sources.pieces(_source(path), chunk * cells)
        assert sum(p.size for p in pieces) == len(data)
        joined: list[tuple[int, int, bytes]] = []
        before = 0  # lines of the earlier pieces: a piece numbers its own from 1
        for piece in pieces:
            for first, n, block in _chunks(piece.open(), chunk):
                joined.append((first + before, n, block))
            before = sum(n for _, n, _ in joined)
        assert joined == whole


def test_a_file_that_is_not_plain_stays_whole(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b"{}\n" * 100_000))
    assert len(sources.pieces(_source(path), 1)) == 1


def _blocks_of(paths: list[Path], block_bytes: int) -> dict[int, list[tuple[bytes, set[int]]]]:
    """File index -> for each block that holds some of it: its lines there, and the files
    the block holds."""
    files = [(i, read.open_source(_source(p))) for i, p in enumerate(paths)]
    found: dict[int, list[tuple[bytes, set[int]]]] = {}
    for lines in read.line_blocks(files, lambda i, e: pytest.fail(str(e)), block_bytes=block_bytes):
        rows = lines.block.split(b"\n")[:-1]
        for index in lines.by_file:
            mine = [row for row, gid in zip(rows, lines.ids, strict=True) if split_id(int(gid))[0] == index]
            found.setdefault(index, []).append((b"\n".join(mine), set(lines.by_file)))
    return found


def test_a_large_files_blocks_do_not_depend_on_the_files_before_it(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl.iter_line_chunks, "__defaults__", (1024, None))  # 1 KB chunks
    small = write(tmp_path / "a.jsonl", [chat_line(i) for i in range(3)])
    large = write(tmp_path / "b.jsonl", [chat_line(i) for i in range(100, 130)])
    alone = [lines for lines, _ in _blocks_of([large], 1024)[0]]
    after = _blocks_of([small, large], 1024)
    assert len(alone) > 1  # several chunks, each a block of its own
    assert [lines for lines, _ in after[1]] == alone
    assert all(held == {1} for _, held in after[1])  # never sharing a block with the small file
    assert after[0] == [(after[0][0][0], {0})]  # which had a block to itself, flushed first


def test_a_line_of_byte_order_mark_bytes_in_a_later_range_is_kept(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # found by hypothesis: a range that starts with the bytes of a BOM dropped them as a file's BOM
    monkeypatch.setattr(sources, "CHUNK_BYTES", 8)
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"{\"a\":1}\n" + BOM)  # the second range starts at the BOM bytes, on the grid
    whole = _chunks(open(path, "rb"), 8)
    pieces = sources.pieces(_source(path), 8)
    assert len(pieces) == 2
    assert [block for p in pieces for _, _, block in _chunks(p.open(), 8)] == [b for _, _, b in whole]
