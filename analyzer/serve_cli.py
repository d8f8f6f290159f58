"""``spendscope serve``: the dashboard over a workspace (registered on the CLI's app)."""

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli import WorkspaceOpt, _workspace, app, out, user_errors
from analyzer.errors import ConfigError

AUTH_ENV = "SPENDSCOPE_AUTH"
HostOpt = Annotated[str, typer.Option("--host", help="Interface to bind; anything but loopback needs --auth.")]
PortOpt = Annotated[int, typer.Option("--port", help="TCP port.")]
AuthOpt = Annotated[str | None, typer.Option("--auth", help=f"user:password for HTTP basic auth [default: ${AUTH_ENV}].")]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if value is None or value == "":
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ConfigError("--auth expects user:password (both non-empty)")
    return user, password


def check_bind(host: str, auth: str | None) -> tuple[str, str] | None:
    """The credentials to require; a non-loopback host without any is a ConfigError."""
    creds = parse_auth(auth if auth is not None else os.environ.get(AUTH_ENV))
    if creds is None and not is_loopback(host):
        raise ConfigError(f"serving on {host} exposes your spend data: pass --auth user:password "
                          f"or set {AUTH_ENV}=user:password (or bind 127.0.0.1)")
    return creds


def serve(root: Path, host: str, port: int, creds: tuple[str, str] | None) -> None:
    from dashboard.app import create_app

    dash_app = create_app(root, auth=creds)
    out.print(f"spendscope dashboard on http://{host}:{port}/ (workspace {root}; Ctrl+C to stop)"
              + (" with basic auth" if creds else ""))
    dash_app.run(host=host, port=port, debug=False)


@app.command("serve")
@user_errors
def serve_cmd(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8050,
    auth: AuthOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Serve the dashboard (Overview, Data, Categories, Simulator, Monthly) over a workspace."""
    creds = check_bind(host, auth)
    serve(_workspace(workspace).root, host, port, creds)
