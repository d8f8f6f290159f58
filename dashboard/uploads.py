"""Large-file upload: a plain streaming endpoint beside the Dash app, on the same Flask server.

The browser sends a file in chunks (``CHUNK_BYTES``, each request well under
``security.MAX_REQUEST_BYTES``), then asks for it to be ingested:

    POST /api/uploads               {"name": ..., "size": N}  -> 201 {"id", "chunk_bytes", "max_bytes"}
    PUT  /api/uploads/<id>?offset=N raw bytes, appended to <workspace>/uploads/.partial/<id>
    POST /api/uploads/<id>/done     -> 202; the file moves to uploads/<stamp>-<safe name> and is queued
    GET  /api/uploads/<id>          -> {"state", "received", "size", "lines", "result" | "error", ...}

Rules: an offset must equal the bytes received so far (else 409 with ``received``, so a resumed
upload continues where it stopped); one upload is at most ``max_upload_bytes()`` (413); an upload
is refused (507) when the workspace's disk would keep less than ``DISK_MARGIN_BYTES`` free after
it and the uploads in progress; a request body is streamed to disk ``PIECE_BYTES`` at a time.
Ingests run one at a time on a single worker thread, under ``State.ingest_lock``. The Host check,
the size limit and basic auth (``before_request`` hooks) apply to these routes as to every other.
"""

from __future__ import annotations

import os
import queue
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from flask import Flask, Response, jsonify, request

from analyzer.errors import AnalyzerError
from analyzer.ingest import limits
from analyzer.ingest.pipeline import ingest
from dashboard.security import MAX_REQUEST_BYTES

MAX_UPLOAD_ENV = "SPENDSCOPE_MAX_UPLOAD_GB"
DEFAULT_MAX_UPLOAD_GB = 5.0  # decimal GB: 10**9 bytes
CHUNK_BYTES = 8 * 1024 * 1024  # what the browser sends per PUT
PIECE_BYTES = 1024 * 1024  # what the server reads from a request body at a time
DISK_MARGIN_BYTES = 1_000_000_000  # free space kept after an upload (ingest staging needs room too)
MAX_ACTIVE = 8  # uploads receiving at once
MAX_KEPT = 64  # finished uploads whose status is still answered
STALE_S = 3600  # an upload receiving nothing for this long is dropped (its slot and disk freed)
PARTIAL = ".partial"
_ID = re.compile(r"[0-9a-f]{32}")
JsonReply = tuple[Response, int]

assert CHUNK_BYTES < MAX_REQUEST_BYTES  # every chunk passes the server's request-size gate


def max_upload_bytes(env: Mapping[str, str] | None = None) -> int:
    """The largest upload: ``$SPENDSCOPE_MAX_UPLOAD_GB`` decimal GB (default 5); a value that is
    not a positive number stops the server at its start (``ConfigError``), never a silent 5."""
    return int(limits.positive(MAX_UPLOAD_ENV, DEFAULT_MAX_UPLOAD_GB, env) * 1e9)


@dataclass
class Upload:
    """One upload's progress. ``state``: receiving, queued, ingesting, done or failed."""

    id: str
    name: str
    size: int
    partial: Path
    received: int = 0
    state: str = "receiving"
    lines: int = 0
    result: dict[str, Any] | None = None
    error: str | None = None
    finished_at: float | None = None
    touched: float = field(default_factory=time.monotonic)  # the last chunk (or the start)
    lock: threading.Lock = field(default_factory=threading.Lock)  # one PUT at a time

    def count(self, path: str, lines: int) -> None:
        """The ingest pipeline's progress callback: ``lines`` more lines read."""
        self.lines += lines

    def status(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "size": self.size, "received": self.received,
                               "state": self.state, "lines": self.lines}
        if self.result is not None:
            out["result"] = self.result
        if self.error is not None:
            out["error"] = self.error
        return out


Ingest = Callable[[Upload, Path], dict[str, Any]]  # (upload, saved path) -> per-file results


class Uploads:
    """The uploads of one workspace, in memory; ``ingest_file`` does the ingest of one saved file
    (the caller's rule: one at a time; this class calls it from a single worker thread)."""

    def __init__(self, root: Path, ingest_file: Ingest, *, max_bytes: int | None = None,
                 margin: int = DISK_MARGIN_BYTES) -> None:
        self.root = Path(root)
        self.ingest_file = ingest_file
        self.max_bytes = max_upload_bytes() if max_bytes is None else max_bytes
        self.margin = margin
        self.items: dict[str, Upload] = {}
        self.lock = threading.Lock()
        self.jobs: queue.Queue[tuple[Upload, Path]] = queue.Queue()
        self.worker: threading.Thread | None = None
        self._drop_leftovers()

    def _drop_leftovers(self) -> None:
        """Partial files of an earlier server run: nobody can resume them (their ids are gone)."""
        if self.partial_dir.is_dir():
            for leftover in self.partial_dir.iterdir():
                if leftover.is_file() and _ID.fullmatch(leftover.name):
                    leftover.unlink(missing_ok=True)

    @property
    def partial_dir(self) -> Path:
        return self.root / "uploads" / PARTIAL

    def get(self, upload_id: str) -> Upload | None:
        return self.items.get(upload_id) if _ID.fullmatch(upload_id) else None

    def start(self, name: str, size: int) -> tuple[Upload | None, int, str]:
        """A new upload of ``size`` bytes, or (None, HTTP status, reason): 413 over the maximum,
        429 too many at once, 507 not enough disk for it plus the margin."""
        if size > self.max_bytes:
            limit = self.max_bytes / 1e9
            return None, 413, f"{name}: {size / 1e9:.2f} GB is over the {limit:g} GB upload limit"
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        with self.lock:
            self._forget_old()
            self._drop_stale()
            active = [u for u in self.items.values() if u.state == "receiving"]
            if len(active) >= MAX_ACTIVE:
                return None, 429, f"{len(active)} uploads are already in progress"
            pending = sum(u.size - u.received for u in active)
            free = shutil.disk_usage(self.partial_dir).free
            if free - pending - size < self.margin:
                return None, 507, (f"{name}: not enough disk space ({free / 1e9:.2f} GB free, "
                                   f"{(size + pending + self.margin) / 1e9:.2f} GB needed)")
            uid = secrets.token_hex(16)
            up = Upload(uid, name, size, self.partial_dir / uid)
            up.partial.touch()
            self.items[uid] = up
        return up, 201, ""

    def append(self, up: Upload, offset: int, length: int, read: Callable[[int], bytes]) -> tuple[int, str]:
        """Append ``length`` bytes from ``read`` at ``offset`` (HTTP status, reason): 409 when the
        offset is not the bytes received (or another chunk of it is being written), 413 past the
        declared size, 400 on a short body (the file is cut back to where it was)."""
        if not up.lock.acquire(blocking=False):
            return 409, "another chunk of this upload is being written"
        try:
            if up.state != "receiving":
                return 409, f"upload is {up.state}"
            if offset != up.received:
                return 409, f"offset {offset} is not the {up.received} bytes received"
            if up.received + length > up.size:
                return 413, f"{up.received + length} bytes is past the declared size {up.size}"
            written = _stream_to(up.partial, offset, length, read)
            if written != length:
                return 400, f"body ended after {written} of {length} bytes"
            up.received += written
            up.touched = time.monotonic()
            return 200, ""
        finally:
            up.lock.release()

    def finish(self, up: Upload, now: datetime | None = None) -> tuple[int, str]:
        """Move a complete upload to ``uploads/<stamp>-<safe name>`` and queue its ingest (202),
        or 409 when it is not complete or already finished."""
        from dashboard.pages.data import safe_name

        with up.lock:
            if up.state != "receiving":
                return 409, f"upload is {up.state}"
            if up.received != up.size:
                return 409, f"{up.received} of {up.size} bytes received"
            stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%S%f")
            target = (self.root / "uploads" / f"{stamp}-{safe_name(up.name)}").resolve()
            if target.parent != (self.root / "uploads").resolve():  # cannot happen with safe_name
                return 400, "the file name would leave the uploads folder"
            up.partial.replace(target)
            up.state = "queued"
        self.jobs.put((up, target))
        self._ensure_worker()
        return 202, ""

    def cancel(self, up: Upload, reason: str = "cancelled") -> None:
        """Drop an upload still receiving, and its partial file (not while a chunk is written)."""
        if not up.lock.acquire(blocking=False):
            return
        try:
            if up.state == "receiving":
                up.partial.unlink(missing_ok=True)
                up.state, up.error, up.finished_at = "failed", f"{up.name}: {reason}", time.monotonic()
        finally:
            up.lock.release()

    def _ensure_worker(self) -> None:
        with self.lock:
            if self.worker is None or not self.worker.is_alive():
                self.worker = threading.Thread(target=self._work, name="spendscope-ingest", daemon=True)
                self.worker.start()

    def _work(self) -> None:
        """The worker: queued uploads are ingested one after the other."""
        while True:
            up, path = self.jobs.get()
            self.run(up, path)
            self.jobs.task_done()

    def run(self, up: Upload, path: Path) -> None:
        """Ingest one saved upload; any error becomes the upload's message."""
        up.state = "ingesting"
        try:
            up.result = self.ingest_file(up, path)
            up.state = "done"
        except AnalyzerError as e:
            up.error, up.state = str(e), "failed"
        except Exception as e:  # noqa: BLE001 - a background thread has nobody else to tell
            up.error, up.state = f"{up.name}: ingest failed ({type(e).__name__}: {e})", "failed"
        up.finished_at = time.monotonic()

    def wait(self, timeout: float = 60.0) -> None:
        """Until every queued ingest is finished (tests)."""
        deadline = time.monotonic() + timeout
        while self.jobs.unfinished_tasks and time.monotonic() < deadline:
            time.sleep(0.02)

    def _drop_stale(self, now: float | None = None) -> None:
        """Cancel uploads that received nothing for ``STALE_S`` seconds."""
        now = time.monotonic() if now is None else now
        for u in list(self.items.values()):
            if u.state == "receiving" and now - u.touched > STALE_S:
                self.cancel(u, f"nothing received for {STALE_S // 60} minutes")

    def _forget_old(self) -> None:
        """Keep at most ``MAX_KEPT`` finished uploads (the oldest go first)."""
        done = sorted((u for u in self.items.values() if u.finished_at is not None),
                      key=lambda u: u.finished_at or 0.0)
        for u in done[:max(0, len(done) - MAX_KEPT)]:
            del self.items[u.id]


def _stream_to(path: Path, offset: int, length: int, read: Callable[[int], bytes]) -> int:
    """Write up to ``length`` bytes from ``read`` at ``offset``, ``PIECE_BYTES`` at a time; on a
    short body the file is cut back to ``offset``. Returns the bytes read."""
    written = 0
    with open(path, "r+b") as f:
        f.seek(offset)
        while written < length:
            piece = read(min(PIECE_BYTES, length - written))
            if not piece:
                break
            f.write(piece)
            written += len(piece)
        if written != length:
            f.truncate(offset)
    return written


def _reply(status: int, message: str = "", **extra: Any) -> JsonReply:
    body = {"error": message, **extra} if message else extra
    return jsonify(body), status


def register(server: Flask, uploads: Uploads) -> None:
    """The ``/api/uploads`` routes on ``server``."""

    @server.post("/api/uploads")
    def _start() -> JsonReply:
        if not request.is_json:  # a cross-site form cannot send JSON without a CORS preflight
            return _reply(415, "send JSON: {\"name\": ..., \"size\": ...}")
        body = request.get_json(silent=True) or {}
        size, name = body.get("size"), str(body.get("name") or "upload")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            return _reply(400, "size must be a whole number of bytes")
        up, status, reason = uploads.start(name, size)
        if up is None:
            return _reply(status, reason, max_bytes=uploads.max_bytes)
        return _reply(201, id=up.id, chunk_bytes=CHUNK_BYTES, max_bytes=uploads.max_bytes)

    @server.put("/api/uploads/<upload_id>")
    def _chunk(upload_id: str) -> JsonReply:
        up = uploads.get(upload_id)
        if up is None:
            return _reply(404, "no such upload")
        offset = request.args.get("offset", type=int)
        length = request.content_length
        if offset is None or offset < 0:
            return _reply(400, "offset must be a whole number", received=up.received)
        if length is None:
            return _reply(411, "Content-Length is required", received=up.received)
        if length > CHUNK_BYTES:
            return _reply(413, f"a chunk is at most {CHUNK_BYTES} bytes", received=up.received)
        status, reason = uploads.append(up, offset, length, request.stream.read)
        return _reply(status, reason, received=up.received)

    @server.post("/api/uploads/<upload_id>/done")
    def _done(upload_id: str) -> JsonReply:
        up = uploads.get(upload_id)
        if up is None:
            return _reply(404, "no such upload")
        status, reason = uploads.finish(up)
        return _reply(status, reason, **up.status())

    @server.delete("/api/uploads/<upload_id>")
    def _cancel(upload_id: str) -> JsonReply:
        up = uploads.get(upload_id)
        if up is None:
            return _reply(404, "no such upload")
        uploads.cancel(up)
        return _reply(200, **up.status())

    @server.get("/api/uploads/<upload_id>")
    def _status(upload_id: str) -> JsonReply:
        up = uploads.get(upload_id)
        if up is None:
            return _reply(404, "no such upload")
        return _reply(200, **up.status())
