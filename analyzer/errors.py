"""One exception tree for everything the user can cause.

    AnalyzerError                 caught once, at the CLI and the dashboard boundary
    ├── InputError                a file the tool cannot use
    │   ├── UnknownFormatError    no adapter recognised the file (names the ones tried)
    │   └── UnreadableFileError   missing, unreadable, truncated archive, bad encoding
    ├── ConfigError               a settings, policy or mapping value that is not valid
    ├── WorkspaceError            the workspace folder is not usable
    └── EngineError               the distributed engine (Ray) could not finish the run

A *line* that cannot be used is not an exception: it becomes a ``Rejection`` in the ingest
report and every other line still lands.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AnalyzerError(Exception):
    """Root of every error the user can cause; its message is one line, shown as is."""


class InputError(AnalyzerError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        """Pickled with its fields (errors travel back from Ray workers as data)."""
        return _rebuild, (type(self), self.__dict__, self.args)


def _rebuild(cls: type[InputError], fields: dict[str, object], args: tuple[object, ...]) -> InputError:
    error = cls.__new__(cls)
    error.__dict__.update(fields)
    error.args = args
    return error


class UnknownFormatError(InputError):
    def __init__(self, path: str, tried: list[str]) -> None:
        self.tried = tried
        super().__init__(path, "unknown log format (tried: " + ", ".join(tried) + ")")


class UnreadableFileError(InputError):
    pass


class ConfigError(AnalyzerError):
    pass


class WorkspaceError(AnalyzerError):
    pass


class EngineError(AnalyzerError):
    pass


@contextmanager
def reading_csv(path: Path) -> Iterator[None]:
    """A user's CSV file read inside: an unreadable file, bad encoding or broken CSV becomes a
    ``ConfigError`` naming the file."""
    try:
        yield
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{path}: not UTF-8 text ({e.reason})") from e
    except csv.Error as e:
        raise ConfigError(f"{path}: not valid CSV ({e})") from e
