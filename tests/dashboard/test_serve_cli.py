"""``spendscope serve``: binding rules, auth, and the waitress server (one real subprocess)."""

from __future__ import annotations

import base64
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from typer.testing import CliRunner

from analyzer.cli import serve as serve_cli
from analyzer.cli import app
from analyzer.errors import ConfigError


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_auth(host: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(serve_cli.AUTH_ENV, raising=False)
    assert serve_cli.check_bind(host, None) is None


def test_other_hosts_need_auth(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(serve_cli.AUTH_ENV, raising=False)
    with pytest.raises(ConfigError, match="--auth"):
        serve_cli.check_bind("0.0.0.0", None)
    assert serve_cli.check_bind("0.0.0.0", "ann:pw") == ("ann", "pw")
    monkeypatch.setenv(serve_cli.AUTH_ENV, "bob:a:b")
    assert serve_cli.check_bind("192.168.1.5", None) == ("bob", "a:b")
    with pytest.raises(ConfigError, match="user:password"):
        serve_cli.check_bind("0.0.0.0", "no-colon")


def test_serve_command_exit_2_without_auth(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(serve_cli.AUTH_ENV, raising=False)
    called: list[Any] = []
    monkeypatch.setattr(serve_cli, "serve", lambda *a: called.append(a))
    res = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--workspace", str(tmp_path)])
    assert res.exit_code == 2 and called == []
    assert "--auth" in res.output or "--auth" in (res.stderr if hasattr(res, "stderr") else "")
    res = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9001", "--auth", "u:p",
                                   "--workspace", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert called == [(tmp_path, "0.0.0.0", 9001, ("u", "p"))]


def test_demo_no_serve_flag(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from analyzer import cli

    if not cli.SAMPLE_WEEK.is_dir():
        pytest.skip("the sample week is missing")
    called: list[Any] = []
    monkeypatch.setattr(serve_cli, "serve", lambda *a: called.append(a))
    res = CliRunner().invoke(app, ["demo", "--workspace", str(tmp_path / "d"), "--no-serve"])
    assert res.exit_code == 0, res.output
    assert called == []
    # the closing hint's command runs from this shell (spendscope is not on PATH after make demo)
    hint = next(line for line in res.output.splitlines() if line.startswith("Explore further: "))
    command = shlex.split(hint.removeprefix("Explore further: ").split(" report ")[0])
    assert subprocess.run([*command, "report", "--workspace", str(tmp_path / "d"), "--json"],
                          capture_output=True, text=True).returncode == 0
    assert (tmp_path / "d" / "feedback.csv").is_file()  # the sample week's verdicts come with it
    res = CliRunner().invoke(app, ["demo", "--workspace", str(tmp_path / "d"), "--port", "9002"])
    assert res.exit_code == 0, res.output
    assert called == [(tmp_path / "d", "127.0.0.1", 9002, None)]


def no_dev_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flask's development server fails the test instead of blocking it."""
    import dash
    import flask

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the development server was started")

    monkeypatch.setattr(dash.Dash, "run", refuse)
    monkeypatch.setattr(flask.Flask, "run", refuse)


def test_serve_runs_waitress_with_bounded_settings(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import waitress

    from dashboard import security

    no_dev_server(monkeypatch)
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.append((app, kw)))
    serve_cli.serve(workspace.root, "127.0.0.1", 9003, None)
    ((app, kw),) = calls
    assert app.name == "dashboard.app"  # the Dash app's Flask server
    assert app.config["MAX_CONTENT_LENGTH"] == security.MAX_REQUEST_BYTES
    assert kw["host"] == "127.0.0.1" and kw["port"] == 9003
    assert kw["threads"] == 8 and kw["connection_limit"] == 64 and kw["channel_timeout"] == 60
    assert kw["max_request_body_size"] == security.MAX_REQUEST_BYTES + 1  # waitress refuses at >=
    client = app.test_client()
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:9003"}).status_code == 200


def test_serve_passes_auth_and_bind_host(workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import waitress

    no_dev_server(monkeypatch)
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(waitress, "serve", lambda app, **kw: calls.append((app, kw)))
    serve_cli.serve(workspace.root, "::", 9004, ("ann", "pw"))
    ((app, kw),) = calls
    assert kw["host"] == "::"
    client = app.test_client()
    assert client.get("/", headers={"Host": "dash.example"}).status_code == 401  # any Host, but auth
    good = {"Host": "dash.example", "Authorization": "Basic " + base64.b64encode(b"ann:pw").decode()}
    assert client.get("/", headers=good).status_code == 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, host: str | None = None) -> tuple[int, bytes]:
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            return res.status, res.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def _status_of_headers_only(port: int, content_length: int) -> bytes:
    """The status line the server answers to a POST's headers, its body never sent."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(f"POST /_dash-update-component HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                  f"Content-Type: application/json\r\nContent-Length: {content_length}\r\n\r\n".encode())
        return s.recv(200).split(b"\r\n")[0]


def test_spendscope_serve_runs_waitress_in_a_subprocess(workspace: Any) -> None:
    from dashboard import security

    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in (serve_cli.AUTH_ENV, security.ALLOWED_HOSTS_ENV)}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from analyzer.cli import main; main()", "serve", "--port", str(port),
         "--workspace", str(workspace.root)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**env, "PYTHONUNBUFFERED": "1"})
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.communicate()[0].decode()
            try:
                status, _ = _get(url)
                break
            except OSError:
                assert time.monotonic() < deadline, "spendscope serve did not come up in 90 s"
                time.sleep(0.3)
        assert status == 200
        assert _get(url, host="evil.example") == (400, b"host not allowed\n")
        assert _status_of_headers_only(port, security.MAX_REQUEST_BYTES + 1).startswith(b"HTTP/1.1 413")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            output = proc.communicate(timeout=20)[0].decode()
        except subprocess.TimeoutExpired:
            proc.kill()
            output = proc.communicate()[0].decode()
    assert "development server" not in output, output
    assert f"spendscope dashboard on http://127.0.0.1:{port}/" in output, output
    assert proc.returncode == 0, output
