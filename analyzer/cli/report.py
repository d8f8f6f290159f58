"""``spendscope report`` (and ``report --reconcile``)."""

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from analyzer import aggregate, priced, reconcile
from analyzer.cli.common import JsonOpt, MonthOpt, SinceOpt, UntilOpt, WorkspaceOpt, app, money, new_table, open_workspace, out, parse_date, user_errors


@app.command("report")
@user_errors
def report_cmd(
    by: Annotated[str, typer.Option("--by", help="model, provider, category, day, week, month, service_tier, source_format or meta:KEY.")] = "model",
    since: SinceOpt = None,
    until: UntilOpt = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write the groups to this CSV file.")] = None,
    month_days: MonthOpt = 30,
    prices_at: Annotated[str | None, typer.Option("--prices-at", help="Price all history at this day's prices (YYYY-MM-DD) instead of each request's own date.")] = None,
    reconcile_: Annotated[bool, typer.Option("--reconcile", help="Compare the costs the logs reported (and ingested cost reports) with computed cost, by model and day.")] = False,
    cache_ttl: Annotated[str, typer.Option("--cache-ttl", help="With --reconcile: the TTL to assume for cache writes logged without one (older Claude Code): 5m or 1h.")] = "5m",
) -> None:
    """Spend, requests and tokens by one dimension, with a monthly projection."""
    ws = open_workspace(workspace)
    pricing = ws.pricing()
    first, last = parse_date(since, "--since"), parse_date(until, "--until")
    if reconcile_:
        rows = priced.rows(ws, since=first, until=last, adjust=reconcile.assume_ttl(cache_ttl), list_prices=True)
        found = reconcile.compare(rows, ws.billed(), since=first, until=last, cache_ttl=cache_ttl)
        if as_json:
            out.print_json(json.dumps(found))
        else:
            _print_reconcile(found)
        return
    at = parse_date(prices_at, "--prices-at")
    cells = priced.rollup(ws, aggregate.meta_keys_of(by), since=first, until=last, prices_at=at)
    report = aggregate.spend_report(cells, by=by, month_days=month_days, prices_at=at, plans=pricing.plans)
    if pricing.currency != "USD":
        report["display"] = {"currency": pricing.currency, "usd_to_currency": pricing.usd_to_currency}
    if csv is not None:
        _write_csv(report, csv)
    if as_json:
        print(json.dumps(report, indent=2))
    elif csv is None:
        print_report(report, pricing.currency, pricing.usd_to_currency)


def _write_csv(report: dict[str, Any], path: Path) -> None:
    import polars as pl

    from analyzer import exports

    exports.write_csv(pl.DataFrame(report["groups"]), path)


def print_report(report: dict[str, Any], currency: str = "USD", rate: float = 1.0) -> None:
    p = report["period"]
    if not p["start"]:
        out.print("The workspace holds no requests yet: run [bold]spendscope ingest PATH[/] first.")
        return
    t = report["totals"]
    table = new_table(title=f"Spend by {report['by']}, {p['start']} to {p['end']} ({p['days']} days), prices {report['prices']}",
                  title_justify="left", show_footer=True)
    cols = ("requests", "input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens")
    table.add_column(report["by"], footer="total")
    table.add_column("cost", justify="right", footer=money(t["cost_usd"], currency, rate))
    table.add_column("share", justify="right", footer="100.0%")
    for c in cols:
        table.add_column(c.replace("_tokens", "").replace("_", " "), justify="right", footer=f"{t[c]:,}")
    for g in report["groups"]:
        share = 100 * g["cost_usd"] / t["cost_usd"] if t["cost_usd"] else 0.0
        table.add_row(str(g["key"]), money(g["cost_usd"], currency, rate), f"{share:.1f}%", *(f"{g[c]:,}" for c in cols))
    out.print(table)
    out.print(f"Daily run rate {money(t['daily_run_rate_usd'], currency, rate)}; "
              f"monthly projection ({t['month_days']:g} days) [bold]{money(t['monthly_projection_usd'], currency, rate)}[/]")
    extras = {k: v for k, v in t["cost_parts_usd"].items() if k in ("audio", "web_search") and v}
    if extras:
        out.print("Of the cost: " + ", ".join(f"{k.replace('_', ' ')} {money(v, currency, rate)}"
                                               for k, v in extras.items()), markup=False)
    for plan in report.get("plans", []):
        n, days = plan["requests"], plan["days"]
        out.print(f"Plan {plan['name']!r} ({money(plan['monthly_fee_usd'], currency, rate)} a month): covers "
                  f"{n:,} request{'' if n == 1 else 's'} worth {money(plan['list_value_usd'], currency, rate)} "
                  f"at API prices; the plan costs {money(plan['plan_cost_usd'], currency, rate)} for its "
                  f"{days} day{'' if days == 1 else 's'} in this period", markup=False)
    if "cost_with_plans_usd" in t:
        out.print(f"Cost with plans: [bold]{money(t['cost_with_plans_usd'], currency, rate)}[/] "
                  f"(API prices for the rest, the plans' fees for what they cover)")
    if t["unpriced_requests"]:
        names = ", ".join(f"{m['model']} ({m['requests']:,})" for m in report["unpriced_models"])
        out.print(f"[yellow]{t['unpriced_requests']:,} requests have no known price and add nothing to the cost:[/] {names}"
                  " (add them to prices.toml in the workspace)", markup=True)
    for a in report["assumptions"]:
        out.print(f"Assumption: {a}", markup=False)


def _print_reconcile(found: dict[str, Any]) -> None:
    if not found["lines"]:
        out.print("Nothing to reconcile: no ingested source reported its own cost, and no cost report was ingested.")
        return
    table = new_table(title="Reported cost vs computed cost", title_justify="left")
    for col in ("kind", "source", "model", "day", "requests", "reported", "computed", "diff", "why"):
        table.add_column(col, justify="right" if col in ("requests", "reported", "computed", "diff") else "left")
    for ln in found["lines"]:
        pct = f" ({ln['difference_pct']:+.1f}%)" if ln["difference_pct"] is not None else ""
        table.add_row(ln["kind"], ln["source_format"], ln["model"] or f"(all {ln['provider']})", ln["day"],
                      f"{ln['requests']:,}", money(ln["reported_usd"]), money(ln["computed_usd"]),
                      money(ln["difference_usd"]) + pct, ln["explanation"])
    out.print(table)
    for kind, t in found["totals"].items():
        if t["reported_usd"] or t["computed_usd"]:
            out.print(f"{kind}: reported {money(t['reported_usd'])}, computed {money(t['computed_usd'])}")
