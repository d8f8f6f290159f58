"""``spendscope ingest``."""

import json
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import (BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.text import Text

from analyzer.cli.common import JsonOpt, WorkspaceOpt, app, err, fail_line, new_table, open_workspace, out, user_errors
from analyzer.errors import ConfigError
from analyzer.ingest.tally import Tally
from analyzer.workspace import Workspace

if TYPE_CHECKING:  # the ingest modules load with the commands that ingest (a report starts faster)
    from analyzer.ingest.pipeline import IngestResult


REJECTIONS_IN_JSON = 1000


@app.command("ingest")
@user_errors
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Log files or folders (.gz and .zip are read too).")],
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
    keep_text: Annotated[bool, typer.Option("--keep-text", help="Store the first 2,000 characters of each prompt (logs hold users' data: off by default).")] = False,
    column_map: Annotated[list[str] | None, typer.Option("--map", help="Rename a CSV column before detection, OLD=NEW (repeatable).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine's cores) or ray (Ray Core tasks; needs spendscope[ray]).")] = "local",
    ray_address: Annotated[str | None, typer.Option("--ray-address", help="With --engine ray: join the Ray cluster at this address (default: start a local Ray instance).")] = None,
) -> None:
    """Detect each file's format, parse and normalize it into the workspace."""
    if engine not in ("local", "ray"):
        raise ConfigError(f"--engine expects local or ray, got '{engine}'")
    if ray_address and engine != "ray":
        raise ConfigError("--ray-address needs --engine ray")
    ws = open_workspace(workspace)
    result = run_ingest(ws, paths, keep_text=keep_text, column_map=_column_map(column_map or []), quiet=as_json,
                         engine=engine, ray_address=ray_address)
    if as_json:
        print(json.dumps(ingest_json(result), indent=2))  # rich's print_json: 70x slower on 30k files
    elif result.files:  # nothing read: the errors below say why
        print_ingest(result, ws)
    for e in result.errors:
        fail_line(str(e))
    if result.errors:
        raise typer.Exit(2)


def run_ingest(
    ws: Workspace, paths: list[Path], *, keep_text: bool, column_map: dict[str, str], quiet: bool,
    engine: str = "local", ray_address: str | None = None,
) -> "IngestResult":
    """Ingest ``paths`` into ``ws`` behind one progress bar (on a terminal, unless ``quiet``)."""
    from analyzer.ingest.pipeline import ingest

    tally = Tally()
    with Progress(
        SpinnerColumn(), _TallyColumn(tally, "phase"), BarColumn(bar_width=24), _TallyColumn(tally, "counts"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=err.console(), transient=True, disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingest", total=None)

        def tick(path: str, lines: int) -> None:
            progress.update(task, total=tally.size or None, completed=tally.read)

        result = ingest(paths, keep_text=keep_text, progress=tick, column_map=column_map,
                        known_templates=ws.template_ids(), stage_dir=ws.staging_dir(), engine=engine,
                        ray_address=ray_address, tally=tally)
        if not result.files:  # no file could be read: the workspace stays as it was (or unmade)
            result.close()
            return result
        tally.phase = "writing the workspace"
        return ws.add(result)


class _TallyColumn(ProgressColumn):
    """A progress column that reads the run's ``Tally`` whenever the bar redraws: its
    ``phase``, or its counts (files begun of those found, lines, rows per second)."""

    def __init__(self, tally: Tally, part: str) -> None:
        super().__init__()
        self.tally, self.part = tally, part

    def render(self, task: Any) -> Text:
        t = self.tally
        if self.part == "phase":
            return Text(t.phase)
        return Text(f"{t.files_started:,}/{t.files:,} files  {t.lines:,} lines  {t.rows_per_second():,.0f} rows/s")


def ingest_json(result: "IngestResult") -> dict[str, Any]:
    files = [f.as_json() for f in result.files]
    keys = ("lines_read", "rows_ingested", "rows_rejected", "duplicates", "skipped", "billed_records",
            "feedback_records")
    rejections = [
        {"path": f.path, "line": r.line, "reason": r.reason} for f in result.files for r in f.rejections
    ]
    return {
        "files": files,
        **{k: sum(int(f[k]) for f in files) for k in keys},  # type: ignore[call-overload]
        "rejections": rejections[:REJECTIONS_IN_JSON],
        "errors": [{"path": e.path, "reason": e.reason} for e in result.errors],
    }


# The summary's columns, each a count of a file's report (billed lines and verdicts are
# counted as skipped in --json; here they have columns of their own).
SUMMARY: tuple[tuple[str, Callable[[Any], int]], ...] = (
    ("files", lambda f: 1), ("read", lambda f: f.lines_read), ("ingested", lambda f: f.rows_ingested),
    ("billed", lambda f: f.billed_records), ("verdicts", lambda f: f.feedback_records),
    ("rejected", lambda f: f.rows_rejected), ("duplicates", lambda f: f.duplicates),
    ("skipped", lambda f: f.skipped - f.billed_records - f.feedback_records),
)
SHOWN_IF_ANY = {"billed", "verdicts"}


def print_ingest(result: "IngestResult", ws: Workspace) -> None:
    """One row per format, and a total when there are several (``--json`` has every file).
    Cost-report lines (billed) and verdicts have columns of their own when a run has any,
    and are then not counted as skipped."""
    n_files = len(result.files)
    table = new_table(title=f"Ingested {n_files:,} file{'s' if n_files != 1 else ''} into {ws.root}",
                      title_justify="left")
    counters = [(name, get) for name, get in SUMMARY
                if name not in SHOWN_IF_ANY or any(get(f) for f in result.files)]
    table.add_column("format", justify="left")
    for name, _ in counters:
        table.add_column(name, justify="right")
    rows: dict[str, list[int]] = {}
    for f in result.files:
        acc = rows.setdefault(f.format, [0] * len(counters))
        for i, (_, get) in enumerate(counters):
            acc[i] += get(f)
    for fmt, counts in rows.items():
        table.add_row(fmt, *(f"{c:,}" for c in counts))
    if len(rows) > 1:
        total = [sum(col) for col in zip(*rows.values(), strict=True)]
        table.add_section()
        table.add_row("total", *(f"{c:,}" for c in total), style="bold")
    out.print(table)
    shown = [(f.path, r) for f in result.files for r in f.rejections][:10]
    total_rejected = sum(len(f.rejections) for f in result.files)
    if shown:
        out.print(f"[bold]{total_rejected:,} lines rejected[/]" + (" (first 10):" if total_rejected > 10 else ":"))
        for path, r in shown:
            out.print(f"  {path}:{r.line}: {r.reason}", markup=False)


def _column_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ConfigError(f"--map expects OLD=NEW, got '{pair}'")
        mapping[old.strip()] = new.strip()
    return mapping
