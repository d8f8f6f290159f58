"""``spendscope demo`` and ``spendscope formats``."""

import calendar
import shutil
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import polars as pl
import typer

from analyzer import aggregate, priced
from analyzer.cli.common import WorkspaceOpt, app, money, new_table, out, user_errors
from analyzer.cli.ingest import print_ingest, run_ingest
from analyzer.cli.report import print_report
from analyzer.errors import ConfigError
from analyzer.workspace import Workspace, default_path


SAMPLES = Path(__file__).resolve().parents[2] / "sample_logs"
SAMPLE_WEEK = SAMPLES / "week" / "logs"
#: Five months of daily usage and cost exports before the week (sample_logs/README.md), and the
#: negotiated discount their cost report bills, which the workspace needs to price them alike.
SAMPLE_HISTORY = SAMPLES / "history" / "exports"
SAMPLE_PRICES = SAMPLES / "history" / "prices.toml"
WEEK_FIRST = "2026-10-05"  # the first day of the request logs
BACKFILL_DAYS = ("2026-06-15", "2026-06-19")  # around the one bill no usage explains


@app.command("demo")
@user_errors
def demo_cmd(
    workspace: WorkspaceOpt = None,
    port: Annotated[int, typer.Option("--port", help="Port of the dashboard served at the end.")] = 8050,
    no_serve: Annotated[bool, typer.Option("--no-serve", help="Only build the workspace and print the report.")] = False,
) -> None:
    """Build a demo workspace from the bundled samples (months of daily usage exports, then a
    week of request logs), show its report, serve the dashboard."""
    if not SAMPLE_WEEK.is_dir():
        raise ConfigError(f"{SAMPLE_WEEK}: the sample week is missing (run python sample_logs/generate.py)")
    if not SAMPLE_HISTORY.is_dir() or not SAMPLE_PRICES.is_file():
        raise ConfigError(f"{SAMPLE_HISTORY.parent}: the sample history is missing "
                          "(run python sample_logs/generate.py --history)")
    root = workspace if workspace is not None else default_path().parent / "demo"
    _reset_demo(root)
    shutil.copyfile(SAMPLE_PRICES, root / SAMPLE_PRICES.name)  # before anything is priced
    ws = Workspace(root)
    result = run_ingest(ws, [SAMPLE_HISTORY, SAMPLE_WEEK], keep_text=False, column_map={}, quiet=False)
    feedback = SAMPLE_WEEK.parent / "feedback.csv"  # users' verdicts on some answers
    if feedback.is_file():
        shutil.copyfile(feedback, root / feedback.name)
    print_ingest(result, ws)
    pricing, cells = ws.pricing(), priced.rollup(ws)
    print_report(aggregate.spend_report(cells, by="model", plans=pricing.plans), pricing.currency,
                 pricing.usd_to_currency)
    print_months(cells.frame)
    me = command_name()
    out.print(f"\nExplore further: {me} report --workspace {root} --by meta:project", markup=False)
    out.print(f"Bills against usage: {me} report --reconcile --workspace {root} "
              f"--since {BACKFILL_DAYS[0]} --until {BACKFILL_DAYS[1]}", markup=False)
    out.print(f"Quality from the logs: {me} quality --workspace {root}; {me} alerts --workspace {root}",
              markup=False)
    if not no_serve:
        from analyzer.cli.serve import serve

        serve(root, "127.0.0.1", port, None)


def print_months(cells: pl.LazyFrame) -> None:
    """Spend per calendar month, oldest first, per provider and against the month before: the
    sample's story (growth, the Opus migration in July, the Anthropic discount from September)
    at a glance. The months before the week are daily usage exports: no prompts (category
    ``other``) and, for Anthropic, no request counts, so the table shows cost only."""
    month = pl.col("timestamp").dt.strftime("%Y-%m").alias("month")
    spent = pl.col("cost_usd").fill_null(0.0)
    months = cells.group_by(month).agg(
        spent.sum().alias("total"),
        *(spent.filter(pl.col("provider") == p).sum().alias(p) for p in ("openai", "anthropic")),
        pl.col("timestamp").max().dt.date().alias("last"),
    ).sort("month").collect()
    if months.height < 2:
        return
    table = new_table(title="Spend by month", title_justify="left")
    for col in ("month", "cost", "vs month before", "OpenAI", "Anthropic"):
        table.add_column(col, justify="left" if col == "month" else "right")
    before = None
    for m in months.iter_rows(named=True):
        last: date = m["last"]
        change = f"{100 * (m['total'] / before - 1):+.1f}%" if before else ""
        if last.day < calendar.monthrange(last.year, last.month)[1]:
            change = f"({last.day} days)"  # a month that ends with the data: no fair comparison
        table.add_row(m["month"], money(m["total"]), change, money(m["openai"]), money(m["anthropic"]))
        before = m["total"]
    out.print(table)
    out.print(f"Before {WEEK_FIRST}: the providers' daily usage exports (sample_logs/history); from then on the "
              "week's request logs. The dashboard's Monthly page projects the rest of the last month.",
              markup=False)


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
