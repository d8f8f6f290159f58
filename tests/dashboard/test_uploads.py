"""The large-file upload endpoint (``dashboard/uploads.py``) through Flask's test client:
chunks at the right offset, limits, disk space, the background ingest, and the server's guards."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from analyzer.errors import ConfigError, WorkspaceError
from dashboard import uploads
from dashboard.pages import data
from tests.dashboard.fakes import FakeViews, Filters, to_csv
from tests.dashboard.test_security import TrippingStream

API = "/api/uploads"


def chat_line(i: int, day: int = 5) -> str:
    """One openai_chat log line with a distinct response id."""
    return json.dumps({
        "timestamp": f"2026-10-{day:02d}T10:00:{i % 60:02d}Z",
        "request": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"q{i}"}]},
        "response": {"id": f"chatcmpl-big-{i}", "object": "chat.completion", "model": "gpt-4o-mini",
                     "usage": {"prompt_tokens": 100, "completion_tokens": 10}},
    })


def chat_log(n: int, bad: int = 0) -> bytes:
    return ("".join(chat_line(i) + "\n" for i in range(n)) + "{not json\n" * bad).encode()


def make_app(workspace: Any, **kwargs: Any) -> Any:
    from dashboard.app import create_app

    return create_app(workspace, views=FakeViews(workspace), filters_cls=Filters, to_csv=to_csv, **kwargs)


@pytest.fixture
def app(workspace: Any) -> Any:
    return make_app(workspace)


@pytest.fixture
def client(app: Any) -> Any:
    return app.server.test_client()


def start(client: Any, name: str, size: int, **kw: Any) -> Any:
    return client.post(API, json={"name": name, "size": size}, **kw)


def put(client: Any, uid: str, offset: int, chunk: bytes, **kw: Any) -> Any:
    return client.put(f"{API}/{uid}?offset={offset}", data=chunk, content_type="application/octet-stream",
                      **kw)


def send_all(client: Any, name: str, body: bytes, chunk: int = 1000) -> str:
    res = start(client, name, len(body))
    assert res.status_code == 201, res.get_json()
    uid = res.get_json()["id"]
    for off in range(0, len(body), chunk):
        assert put(client, uid, off, body[off:off + chunk]).status_code == 200
    return uid


def finished(app: Any, client: Any, uid: str) -> dict[str, Any]:
    app.spendscope_state.uploads.wait()
    return client.get(f"{API}/{uid}").get_json()


# --------------------------------------------------------------------------- receiving
def test_chunks_are_appended_at_their_offsets(app: Any, client: Any, workspace: Any) -> None:
    body = chat_log(50)
    res = start(client, "usage.jsonl", len(body))
    assert res.status_code == 201
    info = res.get_json()
    assert info["chunk_bytes"] == uploads.CHUNK_BYTES and len(info["id"]) == 32
    uid = info["id"]
    assert put(client, uid, 0, body[:1000]).get_json()["received"] == 1000
    assert put(client, uid, 1000, body[1000:2500]).get_json()["received"] == 2500
    status = client.get(f"{API}/{uid}").get_json()
    assert (status["state"], status["received"], status["size"]) == ("receiving", 2500, len(body))
    partial = Path(workspace.root) / "uploads" / ".partial" / uid
    assert partial.read_bytes() == body[:2500]


def test_a_wrong_offset_is_409_and_the_upload_resumes_where_it_stopped(client: Any) -> None:
    body = chat_log(20)
    uid = start(client, "usage.jsonl", len(body)).get_json()["id"]
    assert put(client, uid, 0, body[:500]).status_code == 200
    for wrong in (0, 400, 600):
        res = put(client, uid, wrong, body[wrong:wrong + 100])
        assert res.status_code == 409 and res.get_json()["received"] == 500
    assert put(client, uid, 500, body[500:]).status_code == 200
    assert client.get(f"{API}/{uid}").get_json()["received"] == len(body)


def test_done_before_every_byte_arrived_is_409(client: Any) -> None:
    uid = start(client, "usage.jsonl", 100).get_json()["id"]
    put(client, uid, 0, b"x" * 40)
    res = client.post(f"{API}/{uid}/done")
    assert res.status_code == 409 and "40 of 100" in res.get_json()["error"]


def test_bad_requests(client: Any) -> None:
    form = client.post(API, data="name=a&size=3", content_type="application/x-www-form-urlencoded")
    assert form.status_code == 415
    assert start(client, "a.jsonl", -1).status_code == 400
    assert client.post(API, json={"name": "a", "size": "3"}).status_code == 400
    assert client.get(f"{API}/{'0' * 32}").status_code == 404
    assert client.get(f"{API}/NOT-AN-ID").status_code == 404
    uid = start(client, "a.jsonl", 10).get_json()["id"]
    assert client.put(f"{API}/{uid}", data=b"abc").status_code == 400  # no offset


# --------------------------------------------------------------------------- limits
def test_over_the_maximum_is_413(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(uploads.MAX_UPLOAD_ENV, "0.000001")  # 1,000 bytes
    client = make_app(workspace).server.test_client()
    res = start(client, "big.jsonl", 1001)
    assert res.status_code == 413 and "over the" in res.get_json()["error"]
    assert start(client, "ok.jsonl", 1000).status_code == 201


def test_a_chunk_past_the_declared_size_is_413(client: Any) -> None:
    uid = start(client, "a.jsonl", 10).get_json()["id"]
    assert put(client, uid, 0, b"x" * 11).status_code == 413
    assert client.get(f"{API}/{uid}").get_json()["received"] == 0


def test_a_chunk_over_the_chunk_size_is_413_unread(client: Any) -> None:
    uid = start(client, "a.jsonl", 100).get_json()["id"]
    stream = TrippingStream()
    res = client.put(f"{API}/{uid}?offset=0", input_stream=stream,
                     environ_overrides={"CONTENT_LENGTH": str(uploads.CHUNK_BYTES + 1)})
    assert res.status_code == 413 and stream.reads == 0


def test_not_enough_disk_is_507(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    free = 3 * uploads.DISK_MARGIN_BYTES
    monkeypatch.setattr(uploads.shutil, "disk_usage", lambda p: type("U", (), {"free": free})())
    assert start(client, "a.jsonl", free - uploads.DISK_MARGIN_BYTES).status_code == 201
    # the first upload's bytes still to come count against the second one
    res = start(client, "b.jsonl", 1)
    assert res.status_code == 507 and "not enough disk space" in res.get_json()["error"]


@pytest.mark.parametrize(("raw", "expected"), [
    (None, 5_000_000_000), ("", 5_000_000_000), ("2", 2_000_000_000), ("0.5", 500_000_000),
])
def test_max_upload_bytes_reads_decimal_gb(raw: str | None, expected: int) -> None:
    env = {} if raw is None else {uploads.MAX_UPLOAD_ENV: raw}
    assert uploads.max_upload_bytes(env) == expected


@pytest.mark.parametrize("raw", ["abc", "-1", "0"])
def test_a_bad_upload_limit_is_an_error_naming_the_variable(raw: str) -> None:
    with pytest.raises(ConfigError, match="SPENDSCOPE_MAX_UPLOAD_GB must be"):
        uploads.max_upload_bytes({uploads.MAX_UPLOAD_ENV: raw})


def test_serve_stops_at_its_start_on_a_bad_upload_limit(tmp_path: Path) -> None:
    env = {**os.environ, uploads.MAX_UPLOAD_ENV: "lots"}
    spendscope = str(Path(sys.executable).parent / "spendscope")
    done = subprocess.run([spendscope, "serve", "--workspace", str(tmp_path / "ws"), "--port", "18765"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2
    assert "SPENDSCOPE_MAX_UPLOAD_GB must be a number, got 'lots'" in done.stderr


def test_a_request_body_is_read_a_piece_at_a_time(tmp_path: Path) -> None:
    body = b"y" * (2 * uploads.PIECE_BYTES + 7)
    sizes: list[int] = []
    pos = 0

    def read(n: int) -> bytes:
        nonlocal pos
        sizes.append(n)
        pos += n
        return body[pos - n:pos]

    target = tmp_path / "p"
    target.write_bytes(b"")
    assert uploads._stream_to(target, 0, len(body), read) == len(body)
    assert max(sizes) == uploads.PIECE_BYTES and target.read_bytes() == body


def test_a_short_body_is_cut_back(tmp_path: Path) -> None:
    target = tmp_path / "p"
    target.write_bytes(b"abc")
    pieces = iter([b"defg", b""])
    assert uploads._stream_to(target, 3, 10, lambda n: next(pieces)) == 4
    assert target.read_bytes() == b"abc"


# --------------------------------------------------------------------------- ingest
def test_done_ingests_in_the_background_and_reports_results(app: Any, client: Any, workspace: Any) -> None:
    body = chat_log(120, bad=2)
    uid = send_all(client, "../../evil dir/big usage.jsonl", body)
    res = client.post(f"{API}/{uid}/done")
    assert res.status_code == 202 and res.get_json()["state"] in ("queued", "ingesting", "done")
    status = finished(app, client, uid)
    assert status["state"] == "done", status
    assert status["lines"] == 122
    (f,) = status["result"]["files"]
    assert f["file"] == "../../evil dir/big usage.jsonl"  # shown under the name the user gave
    assert (f["format"], f["rows_ingested"], f["rows_rejected"]) == ("openai_chat", 120, 2)
    assert [r["line"] for r in status["result"]["rejections"]] == [121, 122]
    folder = Path(workspace.root) / "uploads"
    (saved,) = [p for p in folder.iterdir() if p.is_file()]
    assert saved.name.endswith("-big_usage.jsonl") and saved.read_bytes() == body
    assert list((folder / ".partial").iterdir()) == []
    assert app.spendscope_state.views.refreshed == 1
    assert client.post(f"{API}/{uid}/done").status_code == 409  # once only
    assert put(client, uid, len(body), b"x").status_code == 409


def test_the_same_file_again_counts_duplicates(app: Any, client: Any) -> None:
    body = chat_log(30)
    first = send_all(client, "a.jsonl", body)
    client.post(f"{API}/{first}/done")
    second = send_all(client, "a.jsonl", body)
    client.post(f"{API}/{second}/done")
    (f,) = finished(app, client, second)["result"]["files"]
    assert (f["rows_ingested"], f["duplicates"]) == (0, 30)


def test_an_ingest_error_is_the_status_message(app: Any, client: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*args: Any, **kwargs: Any) -> Any:
        raise WorkspaceError("ws: another spendscope ingest is writing here")

    monkeypatch.setattr(data, "ingest_saved", busy)
    uid = send_all(client, "a.jsonl", chat_log(3))
    client.post(f"{API}/{uid}/done")
    status = finished(app, client, uid)
    assert status["state"] == "failed" and "another spendscope ingest" in status["error"]
    found = data.big_result(app.spendscope_state, {"id": uid})
    assert found["errors"] == [status["error"]] and found["files"] == []


def test_an_unknown_format_is_reported_per_file(app: Any, client: Any) -> None:
    uid = send_all(client, "notes.txt", b"hello there\nthis is not a log\n")
    client.post(f"{API}/{uid}/done")
    status = finished(app, client, uid)
    assert status["state"] == "done"
    assert any("notes.txt" in e for e in status["result"]["errors"])


def test_ingests_run_one_at_a_time(app: Any, client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second finished upload waits for the first; the small-file upload says "busy"."""
    state = app.spendscope_state
    release = threading.Event()
    running: list[str] = []
    real = data.ingest_saved

    def slow(st: Any, path: Path, name: str, progress: Any = None) -> dict[str, Any]:
        running.append(name)
        release.wait(10)
        return real(st, path, name, progress)

    monkeypatch.setattr(data, "ingest_saved", slow)
    a = send_all(client, "a.jsonl", chat_log(5))
    b = send_all(client, "b.jsonl", chat_log(5))
    client.post(f"{API}/{a}/done")
    client.post(f"{API}/{b}/done")
    for _ in range(200):
        if running:
            break
        threading.Event().wait(0.01)
    assert running == ["a.jsonl"]
    assert client.get(f"{API}/{b}").get_json()["state"] == "queued"
    with state.ingest_lock:  # what the page's own upload meets while a big ingest runs
        with pytest.raises(WorkspaceError, match="Another upload"):
            data.handle_upload(state, ["data:,eA=="], ["x.jsonl"])
    release.set()
    assert finished(app, client, b)["state"] == "done"
    assert running == ["a.jsonl", "b.jsonl"]


# --------------------------------------------------------------------------- guards
def test_the_host_check_applies(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPENDSCOPE_ALLOWED_HOSTS", raising=False)
    assert start(client, "a.jsonl", 3, headers={"Host": "evil.example"}).status_code == 400
    uid = start(client, "a.jsonl", 3).get_json()["id"]
    assert put(client, uid, 0, b"abc", headers={"Host": "evil.example"}).status_code == 400
    assert client.get(f"{API}/{uid}", headers={"Host": "evil.example"}).status_code == 400
    assert client.get(f"{API}/{uid}").get_json()["received"] == 0


def test_basic_auth_applies(workspace: Any) -> None:
    client = make_app(workspace, auth=("ann", "pw")).server.test_client()
    assert start(client, "a.jsonl", 3).status_code == 401
    ok = {"Authorization": "Basic " + base64.b64encode(b"ann:pw").decode()}
    res = start(client, "a.jsonl", 3, headers=ok)
    assert res.status_code == 201
    uid = res.get_json()["id"]
    assert put(client, uid, 0, b"abc").status_code == 401
    assert client.get(f"{API}/{uid}").status_code == 401
    assert put(client, uid, 0, b"abc", headers=ok).status_code == 200


def test_the_data_page_has_the_large_upload(app: Any) -> None:
    from dashboard.app import render_page

    content, _ = render_page(app.spendscope_state, "/data")
    text = str(content)
    for cid in ("upload", "ingest-summary", "rejections", "big-upload-button", "big-upload-progress",
                "big-upload-done"):
        assert f"'{cid}'" in text, cid
    assert "up to 5 GB" in text and uploads.MAX_UPLOAD_ENV in text


def test_cancel_and_stale_uploads_free_their_slot(app: Any, client: Any, workspace: Any) -> None:
    ups = app.spendscope_state.uploads
    uid = start(client, "a.jsonl", 10).get_json()["id"]
    put(client, uid, 0, b"abc")
    res = client.delete(f"{API}/{uid}")
    assert res.get_json()["state"] == "failed" and not ups.get(uid).partial.exists()
    other = start(client, "b.jsonl", 10).get_json()["id"]
    ups.get(other).touched -= uploads.STALE_S + 1
    ups._drop_stale()
    assert "nothing received" in client.get(f"{API}/{other}").get_json()["error"]


def test_partials_of_an_earlier_run_are_removed(workspace: Any) -> None:
    folder = Path(workspace.root) / "uploads" / ".partial"
    folder.mkdir(parents=True)
    (folder / ("a" * 32)).write_bytes(b"old")
    (folder / "keep.txt").write_bytes(b"not ours")
    make_app(workspace)
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


def test_a_zip_bomb_uploaded_through_the_page_stops_at_the_ingest_limits(
        app: Any, client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import zipfile

    from analyzer.ingest import limits

    monkeypatch.setattr(limits, "RATIO_FLOOR_BYTES", 1_000_000)
    monkeypatch.setenv("SPENDSCOPE_MAX_RATIO", "50")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.jsonl", chat_line(1) + "\n" + "0" * 20_000_000)  # ~20 KB compressed
        zf.writestr("ok.jsonl", chat_line(2) + "\n")
    uid = send_all(client, "export.zip", buf.getvalue(), chunk=8_000)
    client.post(f"{API}/{uid}/done")
    status = finished(app, client, uid)
    assert status["state"] == "done", status
    assert any("bomb.jsonl" in e and "decompression bomb" in e for e in status["result"]["errors"])
    assert [f["rows_ingested"] for f in status["result"]["files"]] == [1]  # the other member landed
