"""Which days the simulator reprices, and the daily series next month's forecast reads.

Usage exports (formats marked ``aggregated``: OpenAI's Usage API, Anthropic's usage report)
sum a period's requests per model: no prompt, so no category and nothing a routing policy
can move. A workspace holding months of them before a week of per-request logs (as the
sample does) would have the simulator spread one week's savings over months it cannot
route. So by default the simulator reprices the days of per-request logs — from the first of
them, when usage exports reach further back — and says so; ``--since`` / ``--until`` choose
other days.

The forecast wants every day (the trend is in the months before) at the prices next month
will be billed at: the current mix is forecast from each day's traffic priced on the
workspace's last day (a price cut or a discount that began mid-history is not a trend), and a
scenario's forecast is that series times the scenario's cost ratio over the days it repriced
("the same routing applied to all traffic").
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

import polars as pl

from analyzer import priced
from analyzer.workspace import Workspace


CHOSEN = "repriced from"  # how the note of a window chosen here begins (``choose``)


class Window:
    """Why the simulator reprices fewer days than the workspace holds (``note``), and the
    series next month's forecast reads (``history``: built when a forecast first asks)."""

    def __init__(self, note: str | None = None, ws: Workspace | None = None) -> None:
        self.note = note
        self.ws = ws  # None: a simulator over given rows forecasts from their own days

    @cached_property
    def prices_of(self) -> date | None:
        """The workspace's last day: next month is billed at its prices."""
        return self.ws.last_day() if self.ws is not None else None

    @cached_property
    def history(self) -> pl.DataFrame | None:
        """``day``, ``baseline_usd``: every day of the workspace at ``prices_of``'s prices."""
        if self.ws is None:
            return None
        cells = priced.rollup(self.ws, prices_at=self.prices_of).frame
        return (cells.group_by(pl.col("timestamp").dt.date().alias("day"))
                .agg(pl.col("cost_usd").fill_null(0.0).sum().alias("baseline_usd")).sort("day").collect())

    def forecast_series(self, daily: pl.DataFrame, baseline_usd: float, scenario_usd: float
                        ) -> tuple[pl.DataFrame, list[str]]:
        """``day``, ``baseline_usd``, ``scenario_usd`` to forecast from, and what it assumed:
        every day's traffic at the latest prices (a price change or a discount that began
        mid-history is then not read as a trend), the scenario that series times its cost
        ratio over the repriced days; without that history, the repriced days' own series."""
        history = self.history
        if history is None or history.height == 0:
            return daily, []
        ratio = scenario_usd / baseline_usd if baseline_usd else 1.0
        series = history.with_columns((pl.col("baseline_usd") * ratio).alias("scenario_usd"))
        first, last = history["day"].min(), history["day"].max()
        return series, [f"baseline_usd: every day's traffic from {first} to {last} at the prices of {self.prices_of}",
                        f"scenario_usd: that series × {ratio:.3f}, the scenario's cost ratio over the days it "
                        f"repriced"]


def detailed_since(traffic: pl.LazyFrame) -> date | None:
    """The first day of per-request rows when usage exports start earlier, else None (the
    simulator then reprices every day)."""
    from analyzer.ingest.formats import AGGREGATED  # the adapters load only when a workspace is read

    aggregated = pl.col("source_format").is_in(list(AGGREGATED))
    firsts = traffic.select(
        pl.col("timestamp").filter(aggregated).min().alias("usage"),
        pl.col("timestamp").filter(~aggregated).min().alias("requests"),
    ).collect().row(0, named=True)
    usage, requests = firsts["usage"], firsts["requests"]
    if usage is None or requests is None or requests.date() <= usage.date():
        return None
    return requests.date()


def choose(traffic: pl.LazyFrame, since: date | None, until: date | None) -> tuple[date | None, str | None]:
    """The window's first day and, when chosen here, why: ``since`` as given, else the first
    day of per-request logs when usage exports reach further back."""
    if since is not None:
        return since, None
    found = detailed_since(traffic)
    if found is None:
        return None, None
    return found, (f"{CHOSEN} {found}, the first day of per-request logs: the usage-export days "
                   f"before it have no prompts to route (--since chooses another first day)")
