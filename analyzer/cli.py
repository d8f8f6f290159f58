"""The ``spendscope`` command line (CONTRACT.md).

Exit codes: 0 success (also when some lines were rejected); 2 a user error (unknown format,
unreadable file, bad arguments), printed as one line on stderr; 1 anything unexpected
(one line; ``SPENDSCOPE_DEBUG=1`` shows the traceback).
"""

import functools
import json
import os
import re
import shutil
import sys
import traceback
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from analyzer import aggregate, reconcile
from analyzer.errors import AnalyzerError, ConfigError
from analyzer.model_ids import canonical
from analyzer.pricing import catalog
from analyzer.schema import SERVICE_TIERS
from analyzer.workspace import Workspace, default_path

if TYPE_CHECKING:  # the ingest modules load with the commands that ingest (a report starts faster)
    from rich.console import Console
    from rich.table import Table

    from analyzer.ingest.pipeline import IngestResult

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
        if self._console is None:
            from rich.console import Console

            width = None if self._stderr or sys.stdout.isatty() else 160
            self._console = Console(stderr=self._stderr, highlight=False, width=width)
        return getattr(self._console, name)

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


def _fail_line(message: str) -> None:
    """One unwrapped line on stderr (scripts grep these)."""
    print(f"spendscope: {printable(message)}", file=sys.stderr, flush=True)

SAMPLE_WEEK = Path(__file__).resolve().parent.parent / "sample_logs" / "week" / "logs"
REJECTIONS_IN_JSON = 1000

F = TypeVar("F", bound=Callable[..., Any])

WorkspaceOpt = Annotated[
    Path | None,
    typer.Option("--workspace", help="Workspace folder [default: $SPENDSCOPE_WORKSPACE, else a per-user data folder]."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def user_errors(fn: F) -> F:
    """Turn an ``AnalyzerError`` into one line on stderr and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _OPENED.clear()  # a process running several commands (tests) names only this one's
        try:
            return fn(*args, **kwargs)
        except AnalyzerError as e:
            _fail_line(str(e))
            raise typer.Exit(2) from None
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception:
            damage = _damage_found()  # a part deleted or truncated under the workspace?
            if damage is None:
                raise
            _fail_line(damage)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


_OPENED: list[Workspace] = []  # the workspaces this command opened (for _damage_found)


def _workspace(path: Path | None) -> Workspace:
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


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{flag} expects a date as YYYY-MM-DD, got '{value}'") from None


def _column_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        old, sep, new = pair.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise ConfigError(f"--map expects OLD=NEW, got '{pair}'")
        mapping[old.strip()] = new.strip()
    return mapping


# --------------------------------------------------------------------------- ingest
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
    ws = _workspace(workspace)
    result = _run_ingest(ws, paths, keep_text=keep_text, column_map=_column_map(column_map or []), quiet=as_json,
                         engine=engine, ray_address=ray_address)
    if as_json:
        print(json.dumps(ingest_json(result), indent=2))  # rich's print_json: 70x slower on 30k files
    elif result.files:  # nothing read: the errors below say why
        _print_ingest(result, ws)
    for e in result.errors:
        _fail_line(str(e))
    if result.errors:
        raise typer.Exit(2)


def _run_ingest(
    ws: Workspace, paths: list[Path], *, keep_text: bool, column_map: dict[str, str], quiet: bool,
    engine: str = "local", ray_address: str | None = None,
) -> "IngestResult":
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from analyzer.ingest.pipeline import ingest

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} lines"),
        TimeElapsedColumn(), console=err, transient=True, disable=quiet or not err.is_terminal,
    ) as progress:
        tasks: dict[str, Any] = {}

        def tick(path: str, lines: int) -> None:
            if path not in tasks:
                tasks[path] = progress.add_task(path, total=None)
            progress.advance(tasks[path], lines)

        result = ingest(paths, keep_text=keep_text, progress=tick, column_map=column_map,
                        known_templates=ws.template_ids(), stage_dir=ws.staging_dir(), engine=engine,
                        ray_address=ray_address)
    if not result.files:  # no file could be read: the workspace stays as it was (or unmade)
        result.close()
        return result
    return ws.add(result)


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


def _print_ingest(result: "IngestResult", ws: Workspace) -> None:
    """A row per file, or per format when there are many files (``--json`` has every file)."""
    many = len(result.files) > 15
    table = new_table(title=f"Ingested into {ws.root}", title_justify="left")
    first = ("format", "files") if many else ("file", "format")
    for col in (*first, "read", "ingested", "rejected", "duplicates", "skipped"):
        table.add_column(col, justify="left" if col in ("file", "format") else "right")
    rows: dict[str, list[int]] = {}
    for f in result.files:
        key = f.format if many else f"{f.path}\x00{f.format}"
        acc = rows.setdefault(key, [0] * 6)
        for i, v in enumerate((1, f.lines_read, f.rows_ingested, f.rows_rejected, f.duplicates, f.skipped)):
            acc[i] += v
    for key, (n, *counts) in rows.items():
        head = (key, f"{n:,}") if many else tuple(key.split("\x00"))
        table.add_row(*head, *(f"{c:,}" for c in counts))
    out.print(table)
    shown = [(f.path, r) for f in result.files for r in f.rejections][:10]
    total = sum(len(f.rejections) for f in result.files)
    if shown:
        out.print(f"[bold]{total:,} lines rejected[/]" + (" (first 10):" if total > 10 else ":"))
        for path, r in shown:
            out.print(f"  {path}:{r.line}: {r.reason}", markup=False)


# --------------------------------------------------------------------------- report
@app.command("report")
@user_errors
def report_cmd(
    by: Annotated[str, typer.Option("--by", help="model, provider, category, day, week, month, service_tier, source_format or meta:KEY.")] = "model",
    since: Annotated[str | None, typer.Option("--since", help="First day, YYYY-MM-DD (UTC, inclusive).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day, YYYY-MM-DD (UTC, inclusive).")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
    csv: Annotated[Path | None, typer.Option("--csv", help="Write the groups to this CSV file.")] = None,
    month_days: Annotated[float, typer.Option("--month-days", help="Days in the projected month.")] = 30,
    prices_at: Annotated[str | None, typer.Option("--prices-at", help="Price all history at this day's prices (YYYY-MM-DD) instead of each request's own date.")] = None,
    reconcile_: Annotated[bool, typer.Option("--reconcile", help="Compare the costs the logs reported (and ingested cost reports) with computed cost, by model and day.")] = False,
    cache_ttl: Annotated[str, typer.Option("--cache-ttl", help="With --reconcile: the TTL to assume for cache writes logged without one (older Claude Code): 5m or 1h.")] = "5m",
) -> None:
    """Spend, requests and tokens by one dimension, with a monthly projection."""
    ws = _workspace(workspace)
    pricing = ws.pricing()
    if reconcile_:
        found = reconcile.reconcile(ws.requests(), ws.billed(), since=_date(since, "--since"),
                                    until=_date(until, "--until"), resolve=pricing.resolve,
                                    cache_ttl=cache_ttl)
        if as_json:
            out.print_json(json.dumps(found))
        else:
            _print_reconcile(found)
        return
    report = aggregate.spend_report(
        ws.categorized(aggregate.meta_keys_of(by)), by=by, since=_date(since, "--since"), until=_date(until, "--until"),
        month_days=month_days, prices_at=_date(prices_at, "--prices-at"), resolve=pricing.resolve,
        plans=pricing.plans,
    )
    if pricing.currency != "USD":
        report["display"] = {"currency": pricing.currency, "usd_to_currency": pricing.usd_to_currency}
    if csv is not None:
        _write_csv(report, csv)
    if as_json:
        print(json.dumps(report, indent=2))
    elif csv is None:
        _print_report(report, pricing.currency, pricing.usd_to_currency)


def _write_csv(report: dict[str, Any], path: Path) -> None:
    import polars as pl

    from analyzer import exports

    exports.write_csv(pl.DataFrame(report["groups"]), path)


def _money(usd: float, currency: str = "USD", rate: float = 1.0) -> str:
    value = usd * rate
    digits = 2 if abs(value) >= 1 or value == 0 else 4 if abs(value) >= 0.0001 else 6
    return f"${value:,.{digits}f}" if currency == "USD" else f"{value:,.{digits}f} {currency}"


def _print_report(report: dict[str, Any], currency: str = "USD", rate: float = 1.0) -> None:
    p = report["period"]
    if not p["start"]:
        out.print("The workspace holds no requests yet: run [bold]spendscope ingest PATH[/] first.")
        return
    t = report["totals"]
    table = new_table(title=f"Spend by {report['by']}, {p['start']} to {p['end']} ({p['days']} days), prices {report['prices']}",
                  title_justify="left", show_footer=True)
    cols = ("requests", "input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens")
    table.add_column(report["by"], footer="total")
    table.add_column("cost", justify="right", footer=_money(t["cost_usd"], currency, rate))
    table.add_column("share", justify="right", footer="100.0%")
    for c in cols:
        table.add_column(c.replace("_tokens", "").replace("_", " "), justify="right", footer=f"{t[c]:,}")
    for g in report["groups"]:
        share = 100 * g["cost_usd"] / t["cost_usd"] if t["cost_usd"] else 0.0
        table.add_row(str(g["key"]), _money(g["cost_usd"], currency, rate), f"{share:.1f}%", *(f"{g[c]:,}" for c in cols))
    out.print(table)
    out.print(f"Daily run rate {_money(t['daily_run_rate_usd'], currency, rate)}; "
              f"monthly projection ({t['month_days']:g} days) [bold]{_money(t['monthly_projection_usd'], currency, rate)}[/]")
    extras = {k: v for k, v in t["cost_parts_usd"].items() if k in ("audio", "web_search") and v}
    if extras:
        out.print("Of the cost: " + ", ".join(f"{k.replace('_', ' ')} {_money(v, currency, rate)}"
                                               for k, v in extras.items()), markup=False)
    for plan in report.get("plans", []):
        n, days = plan["requests"], plan["days"]
        out.print(f"Plan {plan['name']!r} ({_money(plan['monthly_fee_usd'], currency, rate)} a month): covers "
                  f"{n:,} request{'' if n == 1 else 's'} worth {_money(plan['list_value_usd'], currency, rate)} "
                  f"at API prices; the plan costs {_money(plan['plan_cost_usd'], currency, rate)} for its "
                  f"{days} day{'' if days == 1 else 's'} in this period", markup=False)
    if "cost_with_plans_usd" in t:
        out.print(f"Cost with plans: [bold]{_money(t['cost_with_plans_usd'], currency, rate)}[/] "
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
                      f"{ln['requests']:,}", _money(ln["reported_usd"]), _money(ln["computed_usd"]),
                      _money(ln["difference_usd"]) + pct, ln["explanation"])
    out.print(table)
    for kind, t in found["totals"].items():
        if t["reported_usd"] or t["computed_usd"]:
            out.print(f"{kind}: reported {_money(t['reported_usd'])}, computed {_money(t['computed_usd'])}")


# --------------------------------------------------------------------------- classify
@app.command("classify")
@user_errors
def classify_cmd(
    text: Annotated[str | None, typer.Option("--text", help="Classify this one prompt (no workspace needed).")] = None,
    texts: Annotated[Path | None, typer.Option("--texts", help='Classify every line of a JSONL file of {"id": ..., "text": ...}.')] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Classify prompts, or re-classify the workspace and show the category distribution."""
    if text is not None or texts is not None:
        _classify_texts(text, texts, as_json)
        return
    ws = _workspace(workspace)
    n = ws.reclassify()
    dist = aggregate.category_distribution(ws.categorized(by_template=True))
    if as_json:
        out.print_json(json.dumps({"templates": n, "categories": dist}))
        return
    table = new_table(title=f"Categories ({n:,} templates classified)", title_justify="left")
    for col in ("category", "tier", "requests", "share", "templates", "by rule", "by model", "other sources"):
        table.add_column(col, justify="left" if col in ("category", "tier") else "right")
    total = sum(d["requests"] for d in dist) or 1
    for d in dist:
        table.add_row(d["category"], d["tier"], f"{d['requests']:,}", f"{100 * d['requests'] / total:.1f}%",
                      f"{d['templates']:,}", f"{d['by_rule']:,}", f"{d['by_model']:,}", f"{d['by_other']:,}")
    out.print(table)


def _classify_texts(text: str | None, texts: Path | None, as_json: bool) -> None:
    from analyzer.classify.classifier import classify_texts

    if text is not None:
        items = [("text", text)]
    else:
        assert texts is not None
        items = []
        try:
            lines = texts.read_text().splitlines()
        except OSError as e:
            raise ConfigError(f"{texts}: cannot read ({e.strerror or e})") from e
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                items.append((obj["id"], str(obj["text"])))
            except (ValueError, KeyError, TypeError):
                raise ConfigError(f'{texts}:{n}: expected a JSON object with "id" and "text"') from None
    verdicts = classify_texts([(None, t) for _, t in items])
    records = [{"id": ident, "category": v.category, "source": v.source, "confidence": round(v.confidence, 4)}
               for (ident, _), v in zip(items, verdicts, strict=True)]
    if as_json:  # one object per prompt (a JSONL stream for --texts)
        for record in records:
            print(json.dumps(record))
        return
    table = new_table(title="Categories", title_justify="left")
    for col in ("id", "category", "source", "confidence"):
        table.add_column(col, justify="right" if col == "confidence" else "left")
    for r in records:
        table.add_row(str(r["id"]), r["category"], r["source"], f"{r['confidence']:.2f}")
    out.print(table)


@app.command("check")
@user_errors
def check_cmd(
    workspace: WorkspaceOpt = None,
    drop_damaged: Annotated[bool, typer.Option("--drop-damaged", help="Take damaged parts out of the manifest and rebuild the id index and the rollup.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Verify that every part the workspace lists is there and reads whole (exit 2 if not)."""
    ws = _workspace(workspace)
    if drop_damaged:
        found = ws.drop_damaged()
    else:
        found = {"damaged": [{"part": p, "problem": why} for p, why in ws.damaged()]}
    if as_json:
        print(json.dumps(found, indent=2))
    elif not found["damaged"]:
        out.print(f"{ws.root}: every listed part reads.")
    else:
        for d in found["damaged"]:
            out.print(f"damaged: {d['part']} ({d['problem']})", markup=False)
        if drop_damaged:
            out.print("Taken out of the manifest; the id index and the rollup were rebuilt. "
                      "Ingest these files again to restore what they held:", markup=False)
            for path in found["files_to_ingest_again"] or ["(the damaged run's file list is lost: ingest "
                                                           "its folder again; stored rows count as duplicates)"]:
                out.print(f"  {path}", markup=False)
        else:
            out.print("Run `spendscope check --drop-damaged` to take them out.", markup=False)
    if found["damaged"] and not drop_damaged:
        raise typer.Exit(2)


@app.command("relabel")
@user_errors
def relabel_cmd(
    template_id: Annotated[str, typer.Argument(help="A template id (see report --by meta or the templates list).")],
    category: Annotated[str, typer.Argument(help="A taxonomy category id.")],
    workspace: WorkspaceOpt = None,
) -> None:
    """Set the category of a prompt template; every request of it follows (persisted)."""
    n = _workspace(workspace).relabel(template_id, category)
    out.print(f"Template {template_id} is now {category} ({n:,} requests).")


# --------------------------------------------------------------------------- prices
@app.command("prices")
@user_errors
def prices_cmd(
    model: Annotated[str, typer.Argument(help="A model as logged (dated ids, aliases and gateway prefixes are fine).")],
    on: Annotated[str | None, typer.Option("--date", help="The day, YYYY-MM-DD [default: the workspace's last day, else today].")] = None,
    provider: Annotated[str | None, typer.Option("--provider", help="Provider hint, e.g. anthropic.")] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the unit prices spendscope would use for a model on a day."""
    ws = _workspace(workspace)
    day, why = _date(on, "--date"), "--date"
    if day is None:
        last = None if ws.is_empty() else ws.last_day()
        day, why = (last, "the workspace's last day") if last else (date.today(), "today")
    found = explain_prices(model, day, provider, ws.pricing().resolve) | {"date_is": why}
    if as_json:
        out.print_json(json.dumps(found))
        return
    out.print(f"[bold]{found['model']}[/] ({found['provider']}), prices on {found['date']} ({why}), USD per "
              "million tokens" + (f"; context window {found['context_window']:,}" if found["context_window"] else ""))
    table = new_table(title_justify="left")
    for col in ("tier", "input", "cache read", "cache write 5m", "cache write 1h", "output", "source"):
        table.add_column(col, justify="left" if col in ("tier", "source") else "right")
    for tier, row in found["tiers"].items():
        cells = [_rate_text(row["rates"].get(k)) for k in ("input", "cache_read", "cache_write", "cache_write_1h", "output")]
        table.add_row(tier, *cells, row["source"])
    out.print(table)
    for tier, row in found["tiers"].items():
        for a in row["assumptions"]:
            out.print(f"Assumption ({tier}): {a}", markup=False)


def explain_prices(model: str, day: date, provider: str | None, resolve: Any) -> dict[str, Any]:
    prov, canonical_model = canonical(model, provider)
    tiers = {}
    for tier in SERVICE_TIERS:
        prices = resolve(prov, canonical_model, catalog.noon(day), tier)
        if prices is None:
            raise ConfigError(f"unknown model '{model}': no price in {catalog.CATALOG} or prices.toml")
        tiers[tier] = {
            "rates": {k: ({"base": r.base, "tiers": [{"above_input_tokens": s, "price": p} for s, p in r.tiers]}
                          if r else None) for k, r in prices.rates.items()},
            "source": prices.source,
            "assumptions": catalog.summarize(list(prices.assumptions)),
        }
    info = catalog.model_info(prov, canonical_model)
    return {"model": canonical_model, "model_raw": model, "provider": prov, "date": day.isoformat(),
            "currency": "USD", "unit": "per million tokens",
            "context_window": info.context_window if info else None, "tiers": tiers}


def _rate_text(rate: dict[str, Any] | None) -> str:
    if rate is None:
        return "-"
    text = f"{rate['base']:g}"
    for t in rate["tiers"]:
        text += f" ({t['price']:g} >{t['above_input_tokens'] // 1000}k)"
    return text


# --------------------------------------------------------------------------- demo
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
    result = _run_ingest(ws, [SAMPLE_WEEK], keep_text=False, column_map={}, quiet=False)
    feedback = SAMPLE_WEEK.parent / "feedback.csv"  # users' verdicts on some answers
    if feedback.is_file():
        shutil.copyfile(feedback, root / feedback.name)
    _print_ingest(result, ws)
    _print_report(aggregate.spend_report(ws.categorized(), by="model", resolve=ws.pricing().resolve))
    me = command_name()
    out.print(f"\nExplore further: {me} report --workspace {root} --by meta:project", markup=False)
    out.print(f"Quality from the logs: {me} quality --workspace {root}; {me} alerts --workspace {root}",
              markup=False)
    if not no_serve:
        from analyzer.serve_cli import serve

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


# --------------------------------------------------------------------------- formats
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


from analyzer import simulate_cli  # noqa: E402,F401  (registers simulate and optimize)
from analyzer import serve_cli  # noqa: E402,F401  (registers serve)
from analyzer import quality_cli  # noqa: E402,F401  (registers quality, alerts and sample)


def main() -> None:
    """Console-script entry point: unexpected errors become one line and exit code 1."""
    try:
        app()
    except SystemExit:
        raise
    except Exception as e:  # noqa: BLE001 - the boundary of last resort
        if os.environ.get("SPENDSCOPE_DEBUG"):
            traceback.print_exc()
        _fail_line(f"unexpected error: {type(e).__name__}: {e} (set SPENDSCOPE_DEBUG=1 for details)")
        sys.exit(1)


if __name__ == "__main__":  # python -m analyzer.cli: run the module the other commands register on
    from analyzer import cli as registered

    registered.main()
