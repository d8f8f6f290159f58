"""A simulator bound to one workspace: cells built once, then any number of scenarios.

The CLI runs one policy; the dashboard runs one per slider move. Both build the cells
once (``cells.build``, the only step that reads every request) and then call ``run``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from analyzer import priced
from analyzer.pricing import catalog, cost
from analyzer.pricing.plans import Plan
from analyzer.simulate import cells, window
from analyzer.simulate.observed import Observed
from analyzer.simulate.policy import Policy
from analyzer.simulate.quality import QualityTable
from analyzer.simulate.scenario import Result, prepare, run
from analyzer.workspace import Workspace

if TYPE_CHECKING:
    from analyzer.simulate.forecast import Forecast

QUALITY_RESULTS = "quality_results.csv"  # the user's own A/B results, in the workspace


class Simulator:
    def __init__(
        self,
        requests: pl.LazyFrame | cost.Priced,
        *,
        resolve: cost.Resolver = catalog.unit_prices,
        quality: QualityTable | None = None,
        meta_keys: Sequence[str] = (),
        categorize: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
        plans: Sequence[Plan] = (),
        observed: Observed | None = None,
    ) -> None:
        """``requests`` categorized rows, or raw rows with ``categorize``, priced or not (see
        ``cells.build``); ``resolve`` prices them if not, and prices every move;
        traffic the flat-fee ``plans`` cover is never moved; ``observed``: the logs' retries
        and latency (``observed.py``)."""
        self.resolve = resolve
        self.quality = quality or QualityTable.load()
        self.meta_keys = tuple(meta_keys)
        self.cells, self.assumptions = cells.build(requests, meta_keys=self.meta_keys, resolve=resolve,
                                                   categorize=categorize, plans=plans)
        self.observed = observed or Observed.empty()
        self.prepared = prepare(self.cells, self.quality, self.observed)
        self.window = window.Window()  # every day given (for_workspace may narrow it)

    @classmethod
    def for_workspace(
        cls, ws: Workspace, *, meta_keys: Sequence[str] = (), quality_results: Path | None = None,
        since: date | None = None, until: date | None = None,
    ) -> Simulator:
        """Cells of the workspace, priced with its ``prices.toml``, from ``since`` to ``until``
        (default: every day, or from the first day of per-request logs when usage exports
        reach further back: ``window.py``); quality from the shipped prior, updated by the
        answers judged in its logs, and ``quality_results`` (default: the workspace's
        ``quality_results.csv``) where they cover a model and category; retries and latency
        as its logs measured them."""
        from analyzer.quality.report import workspace_evidence

        if quality_results is None and (ws.root / QUALITY_RESULTS).is_file():
            quality_results = ws.root / QUALITY_RESULTS
        pricing = ws.pricing()
        observed = Observed.of(workspace_evidence(ws).frame)
        first, why = window.choose(ws.traffic(), since, until)
        sim = cls(priced.rollup(ws, meta_keys, by_template=True, since=first, until=until), resolve=pricing.resolve,
                  categorize=ws.categorize, quality=QualityTable.load(quality_results, observed.judged()),
                  meta_keys=meta_keys, plans=pricing.plans, observed=observed)
        sim.window = window.Window(why, ws)
        return sim

    def run(self, policy: Policy, *, month_days: float = 30, floor: float | None = None) -> Result:
        missing = [k for k in policy.meta_keys if k not in self.meta_keys]
        if missing:  # a policy matching on metadata this simulator did not group by
            raise ValueError(f"cells were built without {', '.join(missing)}")
        stated = [self.window.note] if self.window.note else []
        return run(self.prepared, policy, resolve=self.resolve, month_days=month_days,
                   floor=floor, baseline_assumptions=[*stated, *self.assumptions])

    def forecast(self, result: Result, budget: float | None = None) -> Forecast:
        """Next month's spend now and under ``result``'s policy (``forecast.py``), from every
        day of the workspace when the simulator repriced fewer (``window.py``)."""
        from analyzer.simulate import forecast  # numpy loads with it

        series, notes = self.window.forecast_series(result.daily, result.baseline["cost_usd"],
                                                    result.scenario["cost_usd"])
        found = forecast.forecast(series, ["baseline_usd", "scenario_usd"], budget)
        found.notes.extend(notes)
        return found

    def categories(self) -> pl.DataFrame:
        """category, requests, cost_usd (as billed) of the traffic it reprices, most requests
        first: what a route per category moves."""
        return (self.cells.group_by("category")
                .agg(pl.col("requests").sum(), pl.col("cost_usd").fill_null(0.0).sum())
                .sort(["requests", "category"], descending=[True, False]))

    def providers(self) -> list[str]:
        """Providers with priced traffic, most requests first."""
        frame = self.cells.filter(pl.col("priced")).group_by("provider").agg(pl.col("requests").sum())
        return frame.sort("requests", descending=True)["provider"].to_list()
