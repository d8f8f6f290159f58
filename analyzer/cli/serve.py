"""``spendscope serve``: the dashboard over a workspace (registered on the CLI's app)."""

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from analyzer.cli.common import WorkspaceOpt, open_workspace, app, out, user_errors
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


def url_host(host: str) -> str:
    """``host`` as it goes in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def serve(root: Path, host: str, port: int, creds: tuple[str, str] | None) -> None:
    """Serve the dashboard through waitress (a production WSGI server, not Flask's development
    server) with ``dashboard.security.server_options()``: a bounded thread pool and connection
    count, an idle timeout and the request-size limit. The app answers only to loopback names,
    ``host`` and ``$SPENDSCOPE_ALLOWED_HOSTS`` (any name on a wildcard bind, which needs --auth)."""
    import waitress

    from dashboard.app import create_app
    from dashboard.security import server_options

    dash_app = create_app(root, auth=creds, bind_host=host)
    out.print(f"spendscope dashboard on http://{url_host(host)}:{port}/ (workspace {root}; Ctrl+C to stop)"
              + (" with basic auth" if creds else ""))
    waitress.serve(dash_app.server, host=host.strip("[]"), port=port, **server_options())


@app.command("serve")
@user_errors
def serve_cmd(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8050,
    auth: AuthOpt = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Serve the dashboard (Overview, Data, Categories, Quality, Simulator, Monthly) over a workspace."""
    creds = check_bind(host, auth)
    serve(open_workspace(workspace).root, host, port, creds)
