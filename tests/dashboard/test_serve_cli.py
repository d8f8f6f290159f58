"""``spendscope serve``: binding rules and auth, without starting a server."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from analyzer import serve_cli
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
    res = CliRunner().invoke(app, ["demo", "--workspace", str(tmp_path / "d"), "--port", "9002"])
    assert res.exit_code == 0, res.output
    assert called == [(tmp_path / "d", "127.0.0.1", 9002, None)]
