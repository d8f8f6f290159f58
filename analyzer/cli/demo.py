"""``spendscope demo`` and ``spendscope formats``."""

import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer

from analyzer import aggregate
from analyzer.cli.common import WorkspaceOpt, app, new_table, out, user_errors
from analyzer.cli.ingest import print_ingest, run_ingest
from analyzer.cli.report import print_report
from analyzer.errors import ConfigError
from analyzer.workspace import Workspace, default_path


SAMPLE_WEEK = Path(__file__).resolve().parents[2] / "sample_logs" / "week" / "logs"


@app.command("demo")
@user_errors
def demo_cmd(
    workspace: WorkspaceOpt = None,
    port: Annotated[int, typer.Option("--port", help="Port of the dashboard served at the end.")] = 8050,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Only build the workspace and print the report.")] = False,
) -> None:
    """Build a demo workspace from the bundled sample week, show its report, serve the dashboard."""
    if not SAMPLE_WEEK.is_dir():
        raise ConfigError(f"{SAMPLE_WEEK}: the sample week is missing (run python sample_logs/generate.py)")
    root = workspace if workspace is not None else default_path().parent / "demo"
    _reset_demo(root)
    ws = Workspace(root)
    result = run_ingest(ws, [SAMPLE_WEEK], keep_text=False, column_map={}, quiet=False)
    feedback = SAMPLE_WEEK.parent / "feedback.csv"  # users' verdicts on some answers
    if feedback.is_file():
        shutil.copyfile(feedback, root / feedback.name)
    print_ingest(result, ws)
    print_report(aggregate.spend_report(ws.categorized(), by="model", resolve=ws.pricing().resolve))
    me = command_name()
    out.print(f"\nExplore further: {me} report --workspace {root} --by meta:project", markup=False)
    out.print(f"Quality from the logs: {me} quality --workspace {root}; {me} alerts --workspace {root}",
              markup=False)
    if not no_serve:
        from analyzer.cli.serve import serve

        serve(root, "127.0.0.1", port, None)


def command_name() -> str:
    """How to run spendscope from this shell: ``spendscope`` when it is on PATH, else the
    script that is running (``.venv/bin/spendscope`` after ``make demo``), else the module."""
    if shutil.which("spendscope"):
        return "spendscope"
    script = Path(sys.argv[0])
    if script.name == "spendscope" and script.is_file():
        try:
            return str(script.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(script.resolve())
    return f"{sys.executable} -m analyzer.cli"


def _reset_demo(root: Path) -> None:
    """Rebuild the demo workspace from scratch, but never delete a folder we did not make."""
    marker = root / ".spendscope-demo"
    if root.exists() and any(root.iterdir()) and not marker.exists():
        raise ConfigError(f"{root}: not empty and not a demo workspace; choose another --workspace")
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    marker.write_text("Built by `spendscope demo`; rebuilt on every run.\n")



@app.command("formats")
def formats_cmd() -> None:
    """List the log formats spendscope recognises."""
    from analyzer.ingest.formats import FORMATS

    table = new_table(title="Supported log formats", title_justify="left")
    table.add_column("name")
    table.add_column("source")
    for f in FORMATS:
        table.add_row(f.name, f.title)
    out.print(table)
