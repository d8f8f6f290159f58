"""What every command shares: the app, its consoles, options, error boundary and helpers.

Exit codes: 0 success (also when some lines were rejected); 2 a user error (unknown format,
unreadable file, bad arguments), printed as one line on stderr; 1 anything unexpected
(one line; ``SPENDSCOPE_DEBUG=1`` shows the traceback).
"""

import functools
import re
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from analyzer.errors import AnalyzerError, ConfigError
from analyzer.workspace import Workspace, default_path

if TYPE_CHECKING:  # rich loads with the first table or console line (a JSON report never loads it)
    from rich.console import Console
    from rich.table import Table

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts are plain: "[default: ...]" is text, not a markup tag
    help="Understand and cut LLM API spend: ingest usage logs, price them as billed, report where the money goes.",
)


class _LazyConsole:
    """rich's Console, made on first use: a command printing JSON never loads rich."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.console(), name)

    def console(self) -> "Console":
        """The Console itself, for what takes one (a progress display enters it as a context
        manager, which a proxy's ``__getattr__`` cannot stand in for)."""
        if self._console is None:
            from rich.console import Console

            width = None if self._stderr or sys.stdout.isatty() else 160
            self._console = Console(stderr=self._stderr, highlight=False, width=width)
        return self._console

    def print(self, *objects: Any, **options: Any) -> None:
        """rich's print, with control characters in text shown, never sent to the terminal."""
        self.__getattr__("print")(*(printable(o) if isinstance(o, str) else o for o in objects), **options)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (an escape sequence in a model name, a bell, a
    carriage return) written as ``\\x1b`` and the like: log content never drives the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


out = _LazyConsole()
err = _LazyConsole(stderr=True)


def new_table(title: str | None = None, **options: Any) -> "Table":
    """A rich table (rich loads with the first one) whose cells go through ``printable``."""
    return _safe_table()(title=title, **options)


@functools.cache
def _safe_table() -> type:
    from rich.table import Table

    class SafeTable(Table):
        def add_row(self, *cells: Any, **options: Any) -> None:
            super().add_row(*(printable(c) if isinstance(c, str) else c for c in cells), **options)

    return SafeTable


def fail_line(message: str) -> None:
    """One unwrapped line on stderr (scripts grep these)."""
    print(f"spendscope: {printable(message)}", file=sys.stderr, flush=True)


F = TypeVar("F", bound=Callable[..., Any])

WorkspaceOpt = Annotated[
    Path | None,
    typer.Option("--workspace", help="Workspace folder [default: $SPENDSCOPE_WORKSPACE, else a per-user data folder]."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD (UTC, inclusive).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD (UTC, inclusive).")]
MonthOpt = Annotated[float, typer.Option("--month-days", help="Days in the projected month.")]


def user_errors(fn: F) -> F:
    """Turn an ``AnalyzerError`` into one line on stderr and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _OPENED.clear()  # a process running several commands (tests) names only this one's
        try:
            return fn(*args, **kwargs)
        except AnalyzerError as e:
            fail_line(str(e))
            raise typer.Exit(2) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception:
            damage = _damage_found()  # a part deleted or truncated under the workspace?
            if damage is None:
                raise
            fail_line(damage)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


_OPENED: list[Workspace] = []  # the workspaces this command opened (for _damage_found)


def open_workspace(path: Path | None) -> Workspace:
    ws = Workspace(path if path is not None else default_path())
    _OPENED.append(ws)
    return ws


def _damage_found() -> str | None:
    """After an unexpected error: the damaged parts of the workspace, named, with the way
    out; None when every part reads (the error was something else)."""
    for ws in _OPENED:
        try:
            damage = ws.damaged()
        except Exception:  # noqa: BLE001 - the manifest itself is unreadable: say nothing more
            continue
        if damage:
            first, why = damage[0]
            more = f" and {len(damage) - 1} more" if len(damage) > 1 else ""
            return (f"{ws.root}: damaged workspace: {first} is {why}{more}; run `spendscope check "
                    f"--drop-damaged --workspace {ws.root}` to take the damaged parts out, then ingest "
                    "the files it names again")
    return None


def parse_date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{flag} expects a date as YYYY-MM-DD, got '{value}'") from None


def money(usd: float, currency: str = "USD", rate: float = 1.0) -> str:
    value = usd * rate
    digits = 2 if abs(value) >= 1 or value == 0 else 4 if abs(value) >= 0.0001 else 6
    return f"${value:,.{digits}f}" if currency == "USD" else f"{value:,.{digits}f} {currency}"
