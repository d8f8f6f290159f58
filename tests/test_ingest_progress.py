"""The ingest's progress: what the run tallies, and the one bar a terminal shows."""

from __future__ import annotations

import gzip
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

from analyzer.ingest.pipeline import ingest
from analyzer.ingest.sources import _gzip_size, expand
from analyzer.ingest.tally import Tally

from .test_workspace import chat_line

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT / "sample_logs" / "week" / "logs" / "claude_code"


def _chat_file(path: Path, n: int) -> Path:
    offset = sum(map(ord, path.stem)) * 10_000  # ids of their own per file
    path.write_text("".join(chat_line(offset + i) + "\n" for i in range(n)))
    return path


def test_gzip_size_reads_the_trailer_and_unwraps_past_4_gib(tmp_path: Path) -> None:
    data = b'{"a": 1}\n' * 10_000  # 90,000 bytes
    gz = tmp_path / "a.jsonl.gz"
    gz.write_bytes(gzip.compress(data))
    assert _gzip_size(gz, gz.stat().st_size) == 90_000
    # a trailer stating far less than the compressed size wrapped: 4 GiB + the stated size
    big = tmp_path / "big.gz"
    big.write_bytes(b"\x1f\x8b" + bytes(100_000) + (7).to_bytes(4, "little"))
    assert _gzip_size(big, big.stat().st_size) == (1 << 32) + 7
    # incompressible data: a stated size a little under the compressed one is taken as is
    raw = os.urandom(50_000)
    noisy = tmp_path / "noise.gz"
    noisy.write_bytes(gzip.compress(raw))
    assert _gzip_size(noisy, noisy.stat().st_size) == 50_000
    assert _gzip_size(tmp_path / "missing.gz", 100) is None


def test_sources_know_the_bytes_the_parsers_will_see(tmp_path: Path) -> None:
    plain = _chat_file(tmp_path / "plain.jsonl", 50)
    gz = tmp_path / "packed.jsonl.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    found = {Path(s.path).name: s for s in expand([tmp_path])}
    assert found["plain.jsonl"].expanded == plain.stat().st_size
    assert found["packed.jsonl.gz"].expanded == plain.stat().st_size  # not the compressed size
    assert found["packed.jsonl.gz"].size == gz.stat().st_size


def test_the_tally_counts_every_file_line_row_and_byte(tmp_path: Path) -> None:
    a = _chat_file(tmp_path / "a.jsonl", 120)
    b = _chat_file(tmp_path / "b.jsonl", 30)
    sessions = tmp_path / "sessions"
    shutil.copytree(SESSIONS / sorted(os.listdir(SESSIONS))[0], sessions)  # one project's transcripts
    tally = Tally()
    result = ingest([tmp_path], tally=tally)
    try:
        assert tally.files == len(result.files) == tally.files_started
        assert tally.lines == sum(f.lines_read for f in result.files)
        # rows before duplicates are dropped: what was ingested plus the duplicates
        assert tally.rows == sum(f.rows_ingested + f.duplicates for f in result.files)
        expanded = sum(s.expanded for s in expand([tmp_path]))
        assert tally.size == expanded
        assert tally.read == expanded  # whole lines, newline-terminated: every byte once
        assert tally.phase == "finding retries"  # the run's last step
        assert a.stat().st_size + b.stat().st_size < tally.read
    finally:
        result.close()


def _run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """The CLI with stdout and stderr on a pseudo-terminal 120 columns wide; all it drew."""
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "LINES": "40", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "analyzer.cli", *args], stdin=slave, stdout=slave,
                            stderr=slave, cwd=cwd, env=env, close_fds=True)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_sees_one_bar_then_one_table_by_format(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    shutil.copytree(SESSIONS, logs / "claude_code")
    _chat_file(logs / "chat.jsonl", 200)
    sessions = sum(1 for _ in (logs / "claude_code").rglob("*.jsonl.gz"))
    assert sessions > 100
    code, shown = _run_on_a_terminal(["ingest", str(logs), "--workspace", str(tmp_path / "ws")], ROOT)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown)  # cursor moves and colours
    assert code == 0, text
    assert "Traceback" not in text
    frames = [f for f in re.split(r"[\r\n]", text) if " files " in f and "lines" in f]
    assert frames, text  # the bar was drawn ...
    assert all(re.search(r"\d+/\d+ files +[\d,]+ lines +[\d,]+ rows/s \d+:\d\d:\d\d ETA", f) for f in frames), frames
    assert all(len(f.rstrip()) <= 120 for f in frames)  # ... nothing cut at 120 columns
    assert not any("jsonl" in f for f in frames)  # one bar for the run, not a row per file
    assert f"Ingested {sessions + 1} files into" in text
    table = text[text.index(f"Ingested {sessions + 1} files"):]
    assert re.search(rf"claude_code\s*│\s*{sessions} │", table) and re.search(r"openai_chat\s*│\s*1 │", table)
    assert re.search(rf"total\s*│\s*{sessions + 1} │", table)
    assert ".jsonl" not in table  # by format: no file is listed


def test_cost_reports_and_verdicts_have_columns_of_their_own_in_the_summary(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from analyzer.cli import app

    fixtures = ROOT / "tests" / "fixtures" / "logs"
    logs = tmp_path / "logs"
    logs.mkdir()
    _chat_file(logs / "chat.jsonl", 5)
    done = CliRunner().invoke(app, ["ingest", str(logs), str(fixtures / "openai_costs"), "--workspace",
                                    str(tmp_path / "ws"), "--json"])
    as_json = __import__("json").loads(done.stdout)
    billed = as_json["billed_records"]
    assert billed > 0 and as_json["skipped"] >= billed  # JSON: billed lines count as skipped too
    done = CliRunner().invoke(app, ["ingest", str(logs), str(fixtures / "openai_costs"), "--workspace",
                                    str(tmp_path / "ws2")])
    header = next(line for line in done.stdout.splitlines() if "format" in line and "files" in line)
    assert [c.strip() for c in header.strip("┃│ ").split("┃")][:5] == ["format", "files", "read", "ingested", "billed"]
    total = next(line for line in done.stdout.splitlines() if "total" in line)
    cells = [c.strip().replace(",", "") for c in total.strip("│ ").split("│")]
    assert int(cells[4]) == billed and int(cells[-1]) == as_json["skipped"] - billed
