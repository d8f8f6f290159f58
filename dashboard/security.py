"""The dashboard server's guards: request size, Host header, and the WSGI server's limits.

Units: MB means 10**6 bytes everywhere in the dashboard (constants, messages, page text).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from flask import Flask, Response, request

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000
# a callback body carries an upload base64-encoded (4 characters per 3 bytes) inside JSON,
# next to the data-URL prefix, the file name and Dash's envelope: 1 MB covers those
REQUEST_MARGIN_BYTES = 1_000_000

ALLOWED_HOSTS_ENV = "SPENDSCOPE_ALLOWED_HOSTS"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_BINDS = frozenset({"0.0.0.0", "::"})
_PORT = re.compile(r"\d{1,5}")

SERVER_THREADS = 8
SERVER_CONNECTION_LIMIT = 64
SERVER_CHANNEL_TIMEOUT_S = 60


def request_limit(upload_bytes: int = MAX_UPLOAD_BYTES) -> int:
    """The largest request body the server accepts: one upload of ``upload_bytes`` as base64
    (``ceil(n / 3) * 4`` characters) plus ``REQUEST_MARGIN_BYTES``. Files dropped together
    travel in one request, so this bounds the total of one drop as well."""
    return -(-upload_bytes // 3) * 4 + REQUEST_MARGIN_BYTES


MAX_REQUEST_BYTES = request_limit()


def limit_request_size(server: Flask, limit: int = MAX_REQUEST_BYTES) -> None:
    """Flask answers 413 to a body declared longer than ``limit`` before reading any of it
    (and stops a streamed body at ``limit``)."""
    server.config["MAX_CONTENT_LENGTH"] = limit


def host_name(value: str) -> str | None:
    """The name in a Host header (or an allowed-host entry): lower case, without the port
    and without IPv6 brackets. ``None`` when it is malformed (empty, bad port, bad brackets).
    A bare IPv6 address (``::1``) is taken as a name without a port."""
    text = value.strip().lower()
    if text.startswith("["):
        name, sep, rest = text[1:].partition("]")
        if not sep or (rest and not (rest.startswith(":") and _PORT.fullmatch(rest[1:]))):
            return None
    elif text.count(":") == 1:
        name, _, port = text.partition(":")
        if not _PORT.fullmatch(port):
            return None
    else:
        name = text
    return name or None


def is_wildcard(bind_host: str) -> bool:
    """An address that binds every interface (``0.0.0.0``, ``::``, ``[::]``, empty)."""
    return bind_host.strip() in ("", "*") or host_name(bind_host) in WILDCARD_BINDS


def allowed_hosts(bind_host: str, extra: str | None = None) -> frozenset[str] | None:
    """Host names the server answers to: the loopback names, ``bind_host`` and the
    comma-separated ``extra`` names (``$SPENDSCOPE_ALLOWED_HOSTS``; a port there is ignored).
    ``None`` (any Host) when ``bind_host`` is a wildcard such as 0.0.0.0 or ::, which the CLI
    only allows with --auth."""
    if is_wildcard(bind_host):
        return None
    names = set(LOOPBACK_NAMES)
    for item in [bind_host, *(extra or "").split(",")]:
        name = host_name(item) if item.strip() else None
        if name:
            names.add(name)
    return frozenset(names)


def add_host_check(server: Flask, allowed: frozenset[str] | None) -> None:
    """Every request whose Host header names none of ``allowed`` gets 400 "host not allowed"
    (a page on another site that rebinds its DNS name to 127.0.0.1 sends its own name).
    ``allowed=None`` accepts any Host."""
    if allowed is None:
        return

    @server.before_request
    def _check_host() -> Response | None:
        if host_name(request.headers.get("Host", "")) in allowed:
            return None
        return Response("host not allowed\n", 400, {"Content-Type": "text/plain; charset=utf-8"})


def harden(server: Flask, bind_host: str, env: Mapping[str, str] | None = None) -> None:
    """The request-size limit and the Host check (names from ``bind_host`` and the env var)."""
    env = os.environ if env is None else env
    limit_request_size(server)
    add_host_check(server, allowed_hosts(bind_host, env.get(ALLOWED_HOSTS_ENV)))


def server_options() -> dict[str, Any]:
    """waitress settings for ``spendscope serve``: a bounded thread pool and connection count,
    idle connections closed after a minute, and waitress itself refusing (413) a body over
    ``MAX_REQUEST_BYTES`` from its Content-Length, before buffering it (waitress refuses at
    ``>= max_request_body_size``, hence the + 1)."""
    return {
        "threads": SERVER_THREADS,
        "connection_limit": SERVER_CONNECTION_LIMIT,
        "channel_timeout": SERVER_CHANNEL_TIMEOUT_S,
        "max_request_body_size": MAX_REQUEST_BYTES + 1,
        "asyncore_use_poll": True,  # no select() limit on file descriptors
    }
