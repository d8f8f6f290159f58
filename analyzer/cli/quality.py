"""``spendscope quality``, ``alerts`` and ``sample`` (registered on the CLI's app)."""

import json
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer

from analyzer.cli.common import JsonOpt, SinceOpt, UntilOpt, WorkspaceOpt, parse_date, open_workspace, app, new_table, out, user_errors
from analyzer.errors import ConfigError

ALERTS_FIRED = 3  # the exit code when any alert fires: cron or CI can act on it

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
    until: UntilOpt = None,
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
    table, notes = quality_table(open_workspace(workspace), dims, parse_date(since, "--since"), parse_date(until, "--until"))
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

    found = alerts.find(open_workspace(workspace), parse_date(since, "--since"), budget)
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


@app.command("sample")
@user_errors
def sample_cmd(
    category: Annotated[str, typer.Option("--category", help="The task category to sample.")],
    n: Annotated[int, typer.Option("--n", help="How many requests.")] = 100,
    model: Annotated[str | None, typer.Option("--model", help="The candidate model to send them to [default: the budget model of the provider serving most of the category].")] = None,
    from_model: Annotated[str | None, typer.Option("--from-model", help="Only requests this model served.")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="The batch file [default: samples/CATEGORY-MODEL.jsonl (OpenAI) or .json (Anthropic) in the workspace].")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Draw another sample.")] = 0,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """A stratified sample of real requests as a Batch API input for a candidate model, and its grading sheet."""
    from analyzer.classify.taxonomy import CATEGORIES
    from analyzer.quality import sample as ab

    if category not in CATEGORIES:
        raise ConfigError(f"--category: unknown category '{category}'")
    ws = open_workspace(workspace)
    candidate = _candidate(ws, category, model)
    picked = ab.pick(ws, category, n, candidate, model=_canonical_model(from_model), seed=seed)
    suffix = ".json" if candidate[0] == "anthropic" else ".jsonl"
    path = out_file or ws.root / "samples" / f"{category}-{candidate[1]}{suffix}"
    path.parent.mkdir(parents=True, exist_ok=True)
    batch, sheet = ab.write(picked, category, path)
    found = {"category": category, "candidate": "/".join(candidate), "requests": picked.rows.height,
             "available": picked.available, "batch_file": str(batch), "grading_sheet": str(sheet),
             "batch_cost_usd_at_most": ab.batch_cost(picked, ws.pricing().resolve), "notes": picked.notes,
             "strata": picked.rows.group_by("model", "day").len().sort("model", "day")
             .with_columns(pl.col("day").cast(pl.String)).to_dicts()}
    if as_json:
        print(json.dumps(found, indent=2))
        return
    out.print(f"{found['requests']:,} requests of {category} (of {picked.available:,} with a whole stored prompt) "
              f"for {found['candidate']}, from {len(found['strata'])} model-day strata")
    out.print(f"Batch input: {batch}  (at most {found['batch_cost_usd_at_most']:,.4f} USD at batch prices)")
    out.print(f"Grading sheet: {sheet}")
    for note in picked.notes:
        out.print(note, style="yellow")
    out.print("Nothing was sent. Next: submit the batch, grade each answer against the original (passed 1 or 0 "
              "in the sheet), and save the sheet as quality_results.csv in the workspace: simulate and optimize "
              "then use your results for this model and category.")


def _canonical_model(raw: str | None) -> str | None:
    from analyzer.model_ids import canonical

    return canonical(raw)[1] if raw else None


def _candidate(ws: Any, category: str, raw: str | None) -> tuple[str, str]:
    """``--model``, resolved; else the budget model of the provider serving most of the category."""
    from analyzer.simulate import quality
    from analyzer.simulate.policy import resolve_model

    if raw:
        return resolve_model(raw, "--model")
    served = (ws.categorized().filter(pl.col("category") == category).group_by("provider")
              .agg(pl.col("requests").sum()).sort("requests", descending=True).collect())
    for provider in served["provider"].to_list():
        budget = (quality.family_models(provider) or {}).get("budget")
        if budget:
            return resolve_model(budget, "model_tiers.toml")
    raise ConfigError(f"--model: no default candidate for '{category}' (no traffic of a provider with a known "
                      "model family); name one")
