"""The dashboard's data layer: every number a page shows, as plain frames and dicts.

The dashboard holds no business logic and no polars queries; it calls ``Views``. Reading
and pricing millions of requests takes seconds, a filter change must take milliseconds, so
``Views`` prices the workspace once (on construction and on ``refresh()``, after an upload
or a relabel) into compact tables (``tables.py``): *cells* per (day, provider, model,
category, service tier) and the same per metadata key's value, from the rollup's category
cells; *verdicts* per (template, category, source, model) when a page first needs them.
Every query then filters and sums those (``queries.py``):
thousands of rows rather than millions. Money is USD, unrounded; unpriced requests add
nothing to a cost and are counted apart.
"""

from __future__ import annotations

import threading
from typing import Any

import polars as pl

from analyzer import exports
from analyzer.classify.taxonomy import CATEGORIES
from analyzer.errors import ConfigError
from analyzer.simulate.session import Simulator
from analyzer.views import queries, tables
from analyzer.quality.alerts import find as find_alerts
from analyzer.quality.report import quality_table
from analyzer.views.quality import quality_over_time
from analyzer.views.queries import Filters
from analyzer.workspace import Workspace

__all__ = ["Filters", "Views", "to_csv"]


def to_csv(frame: pl.DataFrame) -> str:
    """A frame as CSV text with a header row (dates as YYYY-MM-DD), for downloads; cells that
    a spreadsheet would run as formulas are quoted (``exports.py``)."""
    return exports.frame_csv(frame)


class Views:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._sim_lock = threading.Lock()
        self._verdicts_lock = threading.Lock()
        self.refresh()

    def refresh(self) -> None:
        """Read and price the workspace again (after an upload or a relabel)."""
        self._t = tables.build(self.ws)
        with self._verdicts_lock:
            self._v: tables.Verdicts | None = None
            self._templates: pl.DataFrame | None = None
        with self._sim_lock:  # a simulator being built for the old data finishes first
            self._simulator: Simulator | None = None
        self._evidence: dict[tuple[str, ...], pl.DataFrame] = {}
        self._alerts: list[dict[str, Any]] | None = None

    def _verdicts(self) -> tables.Verdicts:
        """Verdicts per template (``tables.verdicts``), built on first use."""
        with self._verdicts_lock:
            if self._v is None:
                self._v = tables.verdicts(self.ws)
            return self._v

    def _all_templates(self) -> pl.DataFrame:
        v = self._verdicts()
        with self._verdicts_lock:
            if self._templates is None:
                self._templates = queries.rolled_up_templates(v.verdicts, v.samples)
            return self._templates

    def is_empty(self) -> bool:
        return self._t.cells[None].height == 0

    @property
    def assumptions(self) -> list[str]:
        """What pricing assumed, in words."""
        return list(self._t.assumptions)

    # ------------------------------------------------------------------ overview
    def filter_options(self) -> dict[str, Any]:
        cells = self._t.cells[None]
        span = queries.period(cells, Filters())
        providers = queries.summed(cells, ["provider"], "requests").sort(
            ["requests", "provider"], descending=[True, False])["provider"].to_list()
        values = {}
        for key in self._t.meta_keys:
            col = tables.meta_column(key)
            ranked = queries.summed(self._t.cells[key], [col], "requests").sort(
                ["requests", col], descending=[True, False])
            values[key] = ranked[col].to_list()
        return {"start": span[0] if span else None, "end": span[1] if span else None,
                "providers": providers, "meta_keys": list(self._t.meta_keys),
                "meta_values": values}

    def kpis(self, f: Filters, *, month_days: float = 30) -> dict[str, Any]:
        """Totals of the selection; ``monthly_projection_usd`` = cost / days × month_days,
        ``days`` the calendar days of the selected range that the workspace covers;
        ``avg_cost_per_request_usd`` over priced requests."""
        if month_days <= 0:
            raise ConfigError(f"month days must be positive, got {month_days}")
        return queries.kpis(self._t, f, month_days)

    def cost_by_model_day(self, f: Filters) -> pl.DataFrame:
        picked = self._select(f)
        return queries.summed(picked, ["day", "model"], "cost_usd").sort("day", "model")

    def requests_by_model(self, f: Filters) -> pl.DataFrame:
        return queries.summed(self._select(f), ["model"], "requests").sort(
            ["requests", "model"], descending=[True, False])

    def cost_by_category(self, f: Filters) -> pl.DataFrame:
        return queries.summed(self._select(f), ["category"], "cost_usd", "requests").sort(
            ["cost_usd", "requests", "category"], descending=[True, True, False])

    def daily_cost(self, f: Filters) -> pl.DataFrame:
        """Cost per day over the selection's period, $0 on days without traffic."""
        return queries.daily_cost(self._t, f)

    # ------------------------------------------------------------------ data
    def files(self) -> list[dict[str, Any]]:
        """The manifest's ingested files: path, format, sha256, counts, run, at (UTC)."""
        return self.ws.files()

    def unpriced_models(self) -> pl.DataFrame:
        unpriced = self._t.cells[None].filter(pl.col("unpriced_requests") > 0)
        return queries.summed(unpriced, ["provider", "model"], "unpriced_requests").rename(
            {"unpriced_requests": "requests"}).sort(
            ["requests", "provider", "model"], descending=[True, False, False])

    # ------------------------------------------------------------------ categories
    def usage_exports(self) -> tuple[int, float]:
        """Requests and cost (USD) of usage-export rows: no prompts, so category ``other``."""
        return self._t.usage_exports

    def classification_coverage(self) -> pl.DataFrame:
        """Requests per category source (metadata, relabel, rule, model, shape), with share."""
        by_source = queries.summed(self._verdicts().verdicts, ["category_source"], "requests")
        total = by_source["requests"].sum()
        return by_source.with_columns(
            (pl.col("requests") / total if total else pl.lit(0.0)).alias("share")
        ).sort(["requests", "category_source"], descending=[True, False])

    def categories(self) -> pl.DataFrame:
        """category, requests, cost_usd, avg_confidence (request-weighted), top_models."""
        verdicts = self._verdicts().verdicts
        sums = queries.summed(verdicts, ["category"], "requests", "cost_usd", "confidence_sum")
        return (
            sums.join(queries.model_mix(verdicts, ["category"]), on="category", how="left")
            .select("category", "requests", "cost_usd",
                    (pl.col("confidence_sum") / pl.col("requests")).fill_nan(0.0)
                    .alias("avg_confidence"), "top_models")
            .sort(["requests", "category"], descending=[True, False])
        )

    def top_templates(self, category: str | None = None, limit: int = 50) -> pl.DataFrame:
        """Templates by cost: template_id, sample, category, category_source,
        category_confidence, requests, cost_usd, top_models. With ``category``, only the
        requests in that category count."""
        if category is None:
            return self._all_templates().head(max(limit, 0))
        if category not in CATEGORIES:
            raise ConfigError(f"unknown category '{category}'")
        v = self._verdicts()
        verdicts = v.verdicts.filter(pl.col("category") == category)
        return queries.rolled_up_templates(verdicts, v.samples).head(max(limit, 0))

    def relabel(self, template_id: str, category: str) -> int:
        """Set a template's category (persisted in the workspace); returns the requests
        it covers. Every view reflects it at once."""
        covered = self.ws.relabel(template_id, category)
        self.refresh()
        return covered

    # ------------------------------------------------------------------ monthly, simulator
    def monthly(self, month_days: float | None = None) -> pl.DataFrame:
        """month (YYYY-MM), model, cost_usd, kind: ``actual`` per calendar month; for the
        last month, when not fully observed, also ``projected`` (see ``queries.monthly``)."""
        return queries.monthly(self._t.cells[None], month_days)

    def simulator(self) -> Simulator:
        """The routing simulator over this workspace, built on first use."""
        with self._sim_lock:
            if self._simulator is None:
                self._simulator = Simulator.for_workspace(self.ws)
            return self._simulator

    def simulated_categories(self) -> pl.DataFrame:
        """category, requests, cost_usd of the days the simulator reprices (``window.py``)."""
        return self.simulator().categories()

    def quality_over_time(self) -> pl.DataFrame | None:
        """day, category, pass_rate from the workspace's dated ``quality_results.csv``."""
        return quality_over_time(self.ws.root)

    # ------------------------------------------------------------------ quality from the logs
    def quality_evidence(self, by: tuple[str, ...]) -> pl.DataFrame:
        """The evidence table (``quality/evidence.py``) by ``by`` (e.g. ``("day", "category")``),
        sorted by requests; computed once per grouping until ``refresh``."""
        if by not in self._evidence:
            table, _ = quality_table(self.ws, by)
            self._evidence[by] = table.sort(["requests", *by], descending=[True, *[False] * len(by)])
        return self._evidence[by]

    def quality_by_day(self, categories: list[str] | None = None) -> pl.DataFrame:
        """day, category, observed, quality (the share of observed requests not bad), for
        ``categories`` (default: the six with the most observed requests)."""
        table = self.quality_evidence(("day", "category")).filter(pl.col("observed") > 0)
        if not categories:
            ranked = table.group_by("category").agg(pl.col("observed").sum()).sort(
                ["observed", "category"], descending=[True, False])
            categories = ranked["category"].head(6).to_list()
        return table.filter(pl.col("category").is_in(categories)).select(
            "day", "category", "observed", "bad", "quality").sort("day", "category")

    def override_rates(self) -> pl.DataFrame:
        """category, observed, overrides, override_rate, for categories with observed requests."""
        table = self.quality_evidence(("category",)).filter(pl.col("observed") > 0)
        return table.select("category", "observed", "overrides", "override_rate").sort(
            ["override_rate", "category"], descending=[True, False])

    def rates_by_model(self) -> pl.DataFrame:
        """model, requests and every rate of the evidence table, latency p50/p95 and tokens/s."""
        return self.quality_evidence(("model",)).select(
            "model", "requests", "observed", "error_rate", "truncation_rate", "filter_rate", "malformed_json_rate",
            "retry_rate", "override_rate", "flag_rate", "quality", "latency_p50_ms", "latency_p95_ms",
            "output_tokens_per_s")

    def alerts(self) -> list[dict[str, Any]]:
        """``spendscope alerts`` over the workspace (no budget): kind, subject, message, counts."""
        if self._alerts is None:
            self._alerts = [] if self.is_empty() else [
                {"kind": a.kind, "subject": a.subject, "message": a.message, "counts": a.counts}
                for a in find_alerts(self.ws).alerts]
        return self._alerts

    def _select(self, f: Filters) -> pl.DataFrame:
        return queries.select(self._t, f)
