"""The ``spendscope`` command line: one module per command group over ``common`` (the app,
its consoles, options and error boundary). Importing this package registers every command;
``main`` is the console script.

Exit codes: 0 success (also when some lines were rejected); 2 a user error (unknown format,
unreadable file, bad arguments), printed as one line on stderr; 3 ``alerts`` found some; 1
anything unexpected (one line; ``SPENDSCOPE_DEBUG=1`` shows the traceback).
"""

import os
import sys
import traceback

# each module registers its commands on ``app``, in the order ``--help`` lists them
from analyzer.cli import ingest, report, classify, workspace, prices, demo, simulate, serve, quality  # noqa: F401
from analyzer.cli.common import app, fail_line, printable
from analyzer.cli.demo import SAMPLE_WEEK, command_name
from analyzer.cli.ingest import REJECTIONS_IN_JSON, ingest_json

__all__ = ["REJECTIONS_IN_JSON", "SAMPLE_WEEK", "app", "command_name", "ingest_json", "main", "printable"]


def main() -> None:
    """Console-script entry point: unexpected errors become one line and exit code 1."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - the boundary of last resort
        if os.environ.get("SPENDSCOPE_DEBUG"):
            traceback.print_exc()
        fail_line(f"unexpected error: {type(e).__name__}: {e} (set SPENDSCOPE_DEBUG=1 for details)")
        sys.exit(1)
