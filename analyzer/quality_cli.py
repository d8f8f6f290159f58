"""``spendscope quality`` and ``spendscope alerts`` (registered on the CLI's app)."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from analyzer.cli import JsonOpt, WorkspaceOpt, _date, _workspace, app, new_table, out, user_errors
from analyzer.errors import ConfigError

ALERTS_FIRED = 3  # the exit code when any alert fires: cron or CI can act on it
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD (UTC, inclusive).")]

# column -> (heading, format); rates are shares, shown as percentages
SHOWN = {
    "requests": ("requests", "{:,}"), "observed": ("observed", "{:,}"), "quality": ("quality", "{:.1%}"),
    "error_rate": ("errors", "{:.1%}"), "truncation_rate": ("truncated", "{:.1%}"),
    "filter_rate": ("filtered", "{:.1%}"), "malformed_json_rate": ("bad JSON", "{:.1%}"),
    "retry_rate": ("retries", "{:.1%}"), "override_rate": ("overrides", "{:.1%}"),
    "flag_rate": ("flagged", "{:.1%}"), "mean_score": ("score", "{:.2f}"),
    "latency_p50_ms": ("p50 s", "{:.2f}"), "latency_p95_ms": ("p95 s", "{:.2f}"),
    "output_tokens_per_s": ("tok/s", "{:.0f}"),
}


@app.command("quality")
@user_errors
def quality_cmd(
    by: Annotated[str, typer.Option("--by", help="Comma-separated dimensions: model, provider, category, day, week, month, service_tier, source_format, meta:KEY.")] = "model,category",
    since: SinceOpt = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD (UTC, inclusive).")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write the table to this CSV file.")] = None,
) -> None:
    """Quality evidence from the logs: errors, truncation, malformed JSON, retries, overrides, feedback, latency."""
    from analyzer import exports
    from analyzer.quality.report import quality_table

    dims = [d.strip() for d in by.split(",") if d.strip()]
    if not dims:
        raise ConfigError("--by needs at least one dimension")
    table, notes = quality_table(_workspace(workspace), dims, _date(since, "--since"), _date(until, "--until"))
    table = table.sort("requests", descending=True, maintain_order=True)
    if csv is not None:
        exports.write_csv(table, csv)
    if as_json:
        print(json.dumps({"by": dims, "rows": table.to_dicts(), "notes": notes}, indent=2, default=str))
    elif csv is None:
        _print_quality(table, dims, notes)


def _print_quality(table: Any, dims: list[str], notes: list[str]) -> None:
    if table.height == 0:
        out.print("The workspace holds no requests yet: run [bold]spendscope ingest PATH[/] first.")
        return
    shown = new_table(title=f"Quality evidence by {', '.join(dims)}", title_justify="left")
    for d in dims:
        shown.add_column(d)
    for heading, _ in SHOWN.values():
        shown.add_column(heading, justify="right")
    for row in table.iter_rows(named=True):
        cells = [str(row[d]) for d in dims]
        for column, (_, form) in SHOWN.items():
            value = row[column]
            if value is not None and column.startswith("latency"):
                value = value / 1000
            cells.append("–" if value is None else form.format(value))
        shown.add_row(*cells)
    out.print(shown)
    out.print("quality: share of observed requests not failed, cut short, filtered, malformed, flagged or "
              "overridden; each rate counts only requests whose log shows that signal (– : none did).")
    for note in notes:
        out.print(note, style="yellow")


@app.command("alerts")
@user_errors
def alerts_cmd(
    since: SinceOpt = None,
    budget: Annotated[float | None, typer.Option("--budget", help="Monthly budget in USD: alert when next month's forecast passes it.")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Quality drops, override rates over 5 %, spend spikes and budget overruns; exit code 3 when any fires."""
    from analyzer.quality import alerts

    found = alerts.find(_workspace(workspace), _date(since, "--since"), budget)
    if as_json:
        print(json.dumps(found.as_json(), indent=2))
    else:
        _print_alerts(found)
    if found.alerts:
        raise typer.Exit(ALERTS_FIRED)


def _print_alerts(found: Any) -> None:
    w = found.window
    if w["since"] is None:
        out.print("The workspace holds no requests yet: run [bold]spendscope ingest PATH[/] first.")
        return
    out.print(f"Window {w['since']} to {w['until']}, baseline {w['baseline_since']} to {w['baseline_until']}")
    if not found.alerts:
        out.print("[green]No alerts.[/]")
    for a in found.alerts:
        out.print(f"[bold red]{a.kind}[/] {a.message}")
    for note in found.notes:
        out.print(note, style="yellow")
