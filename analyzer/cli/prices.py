"""``spendscope prices``."""

import json
from datetime import date
from typing import Annotated, Any

import typer

from analyzer.cli.common import JsonOpt, WorkspaceOpt, app, new_table, open_workspace, out, parse_date, user_errors
from analyzer.errors import ConfigError
from analyzer.model_ids import canonical
from analyzer.pricing import catalog
from analyzer.schema import SERVICE_TIERS


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
    ws = open_workspace(workspace)
    day, why = parse_date(on, "--date"), "--date"
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
