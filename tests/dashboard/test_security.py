"""The server's guards through Flask's test client: request size (413 before the body is
read) and the Host check (400 for a foreign Host, DNS rebinding)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from dashboard import security
from dashboard.app import create_app
from dashboard.pages import data
from tests.dashboard.fakes import FakeViews, Filters, to_csv

DASH_UPDATE = "/_dash-update-component"
META_CALLBACK = {  # overview: metadata key -> its values (a small, real callback)
    "output": "..f-meta-values.options...f-meta-values.value..",
    "outputs": [{"id": "f-meta-values", "property": "options"}, {"id": "f-meta-values", "property": "value"}],
    "inputs": [{"id": "f-meta-key", "property": "value", "value": "team"}],
    "changedPropIds": ["f-meta-key.value"],
    "state": [],
}
UPLOAD_OUTPUTS = ["data-files", "data-unpriced", "data-coverage", "rejections", "ingest-summary"]


def make_app(workspace: Any, **kwargs: Any) -> Any:
    return create_app(workspace, views=FakeViews(workspace), filters_cls=Filters, to_csv=to_csv, **kwargs)


def upload_callback(contents: str, filename: str) -> dict[str, Any]:
    """The body ``dcc.Upload`` makes the browser send for one file."""
    return {
        "output": ".." + "...".join(f"{o}.children" for o in UPLOAD_OUTPUTS) + "..",
        "outputs": [{"id": o, "property": "children"} for o in UPLOAD_OUTPUTS],
        "inputs": [{"id": "upload", "property": "contents", "value": [contents]}],
        "changedPropIds": ["upload.contents"],
        "state": [{"id": "upload", "property": "filename", "value": [filename]}],
    }


class TrippingStream:
    """A request body that fails the test if the app reads any of it."""

    def __init__(self) -> None:
        self.reads = 0

    def tell(self) -> int:
        return 0

    def seek(self, *args: Any) -> int:
        return 0

    def read(self, *args: Any) -> bytes:
        self.reads += 1
        raise AssertionError("the oversized body was read")

    readline = read


# --------------------------------------------------------------------------- size
def test_limits_are_in_mb_of_a_million_bytes(tmp_path: Path) -> None:
    assert security.MAX_UPLOAD_BYTES == security.MAX_UPLOAD_MB * 1_000_000 == data.MAX_UPLOAD_BYTES
    base64_chars = (security.MAX_UPLOAD_BYTES + 2) // 3 * 4
    assert security.MAX_REQUEST_BYTES == base64_chars + security.REQUEST_MARGIN_BYTES
    two_mb = "data:," + base64.b64encode(b"\0" * 2_000_000).decode()
    saved, refused = data.save_uploads(tmp_path, [two_mb], ["big.jsonl"], limit=1_500_000)
    assert saved == {}
    assert refused[0].startswith("big.jsonl: 2.0 MB is over the dashboard's 1.5 MB upload limit")
    page = data.layout(FakeViews())
    assert f"up to {security.MAX_UPLOAD_MB} MB (1 MB = 1,000,000 bytes)" in str(page)
    (upload,) = [c for c in _walk(page) if getattr(c, "id", None) == "upload"]
    assert upload.max_size == security.MAX_UPLOAD_BYTES


def _walk(component: Any) -> list[Any]:
    found, stack = [], [component]
    while stack:
        c = stack.pop()
        if isinstance(c, list | tuple):
            stack.extend(c)
        elif c is not None and not isinstance(c, str | int | float):
            found.append(c)
            stack.append(getattr(c, "children", None))
    return found


def test_oversized_request_gets_413_before_its_body_is_read(workspace: Any) -> None:
    app = make_app(workspace)
    assert app.server.config["MAX_CONTENT_LENGTH"] == security.MAX_REQUEST_BYTES
    body = TrippingStream()
    res = app.server.test_client().post(
        DASH_UPDATE, input_stream=body, content_type="application/json",
        environ_overrides={"CONTENT_LENGTH": str(security.MAX_REQUEST_BYTES + 1)})
    assert res.status_code == 413
    assert body.reads == 0


def test_a_normal_callback_still_works(workspace: Any) -> None:
    res = make_app(workspace).server.test_client().post(DASH_UPDATE, json=META_CALLBACK)
    assert res.status_code == 200, res.data[:300]
    assert res.get_json()["response"]["f-meta-values"] == {"options": ["core", "web"], "value": []}


def test_an_upload_at_the_limit_passes_the_size_gate(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of exactly MAX_UPLOAD_BYTES, as the browser sends it, fits in MAX_REQUEST_BYTES."""
    seen: list[int] = []

    def fake_handle(state: Any, contents: list[str], filenames: list[str]) -> dict[str, Any]:
        seen.append(data.encoded_size(contents[0]))
        return {"files": [], "rejections": [], "errors": [], "refused": []}

    monkeypatch.setattr(data, "handle_upload", fake_handle)
    name = "x" * 255 + ".jsonl"  # the longest file name a file system allows
    payload = base64.b64encode(b"\0" * security.MAX_UPLOAD_BYTES).decode()
    contents = "data:application/x-ndjson;base64," + payload
    body = json.dumps(upload_callback(contents, name)).encode()
    del contents, payload
    assert len(body) <= security.MAX_REQUEST_BYTES
    client = make_app(workspace).server.test_client()
    res = client.post(DASH_UPDATE, data=body, content_type="application/json")
    assert res.status_code == 200, res.data[:300]
    assert seen == [security.MAX_UPLOAD_BYTES]


# --------------------------------------------------------------------------- Host header
@pytest.mark.parametrize(("header", "name"), [
    ("localhost", "localhost"), ("LocalHost:8050", "localhost"), ("127.0.0.1:8050", "127.0.0.1"),
    ("[::1]", "::1"), ("[::1]:8050", "::1"), ("::1", "::1"), ("evil.example:80", "evil.example"),
    ("", None), ("localhost:", None), ("localhost:http", None), ("[::1", None), ("[::1]x", None),
])
def test_host_name(header: str, name: str | None) -> None:
    assert security.host_name(header) == name


@pytest.mark.parametrize("host", ["localhost", "localhost:8050", "127.0.0.1", "127.0.0.1:8050", "[::1]",
                                  "[::1]:8050", "::1"])
def test_loopback_hosts_are_answered(workspace: Any, host: str) -> None:
    client = make_app(workspace).server.test_client()
    assert client.get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8050", "127.0.0.1.evil.example",
                                  "localhost:abc", "192.168.1.5"])
def test_other_hosts_get_400(workspace: Any, host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(security.ALLOWED_HOSTS_ENV, raising=False)
    client = make_app(workspace).server.test_client()
    res = client.get("/", headers={"Host": host})
    assert res.status_code == 400 and b"host not allowed" in res.data
    assert client.post(DASH_UPDATE, json=META_CALLBACK, headers={"Host": host}).status_code == 400


def test_host_check_comes_before_basic_auth(workspace: Any) -> None:
    client = make_app(workspace, auth=("ann", "pw")).server.test_client()
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8050"}).status_code == 401


def test_the_bind_host_and_the_env_var_add_names(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(security.ALLOWED_HOSTS_ENV, " spend.internal:8443 , Box.Local,,")
    client = make_app(workspace, bind_host="192.168.1.5").server.test_client()
    for host in ("192.168.1.5:8050", "spend.internal", "box.local:8050", "localhost:8050"):
        assert client.get("/", headers={"Host": host}).status_code == 200, host
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("bind", ["0.0.0.0", "::", "[::]"])
def test_a_wildcard_bind_answers_any_host(workspace: Any, bind: str) -> None:
    assert security.allowed_hosts(bind) is None
    client = make_app(workspace, bind_host=bind).server.test_client()
    assert client.get("/", headers={"Host": "dashboard.example:8050"}).status_code == 200


def test_allowed_hosts() -> None:
    assert security.allowed_hosts("127.0.0.1") == security.LOOPBACK_NAMES
    assert security.allowed_hosts("[::1]") == security.LOOPBACK_NAMES
    assert security.allowed_hosts("127.0.0.2", "a.example, [fd00::5]:80") == (
        security.LOOPBACK_NAMES | {"127.0.0.2", "a.example", "fd00::5"})
