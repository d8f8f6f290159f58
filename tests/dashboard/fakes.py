"""Stand-ins for ``analyzer.views`` in browser-free tests: hand-made frames, a real simulator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import polars as pl


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    providers: tuple[str, ...] = ()
    meta_key: str | None = None
    meta_values: tuple[str, ...] = ()


def to_csv(frame: pl.DataFrame) -> str:
    return frame.write_csv()


class FakeViews:
    """The Views API over fixed frames; ``simulator()`` is a real one over ``ws`` when given."""

    def __init__(self, ws: Any = None, empty: bool = False, alerts: list[dict[str, Any]] | None = None) -> None:
        self.ws = ws
        self.empty = empty
        self.fired = list(alerts or [])
        self.calls: list[tuple[str, Any]] = []
        self.refreshed = 0
        self.labels: dict[str, str] = {}
        self._sim: Any = None

    def refresh(self) -> None:
        self.refreshed += 1
        self._sim = None

    def is_empty(self) -> bool:
        return self.empty

    def filter_options(self) -> dict[str, Any]:
        return {"start": date(2026, 10, 5), "end": date(2026, 10, 7), "providers": ["anthropic", "openai"],
                "meta_keys": ["team"], "meta_values": {"team": ["core", "web"]}}

    def kpis(self, f: Filters) -> dict[str, Any]:
        self.calls.append(("kpis", f))
        scale = 0.5 if f.providers else 1.0
        return {"total_cost_usd": 33000.0 * scale, "requests": int(1234 * scale), "tokens": 99999,
                "avg_cost_per_request_usd": 26.74, "monthly_projection_usd": 330000.0 * scale,
                "unpriced_requests": 3, "days": 3}

    def cost_by_model_day(self, f: Filters) -> pl.DataFrame:
        return pl.DataFrame({"day": [date(2026, 10, 5), date(2026, 10, 5), date(2026, 10, 6)],
                             "model": ["gpt-4o", "claude-haiku-4-5", "gpt-4o"], "cost_usd": [1.0, 2.0, 3.0]})

    def requests_by_model(self, f: Filters) -> pl.DataFrame:
        return pl.DataFrame({"model": ["gpt-4o", "claude-haiku-4-5"], "requests": [10, 5]})

    def cost_by_category(self, f: Filters) -> pl.DataFrame:
        return pl.DataFrame({"category": ["translation", "summarization"], "cost_usd": [4.0, 2.0], "requests": [8, 7]})

    def files(self) -> list[dict[str, Any]]:
        return [{"path": "usage.jsonl", "format": "generic", "rows_ingested": 15}]

    def unpriced_models(self) -> pl.DataFrame:
        return pl.DataFrame({"provider": ["acme"], "model": ["mystery-1"], "requests": [3]})

    def classification_coverage(self) -> pl.DataFrame:
        return pl.DataFrame({"category_source": ["rule", "model"], "requests": [10, 5], "share": [0.667, 0.333]})

    def categories(self) -> pl.DataFrame:
        return pl.DataFrame({"category": ["translation", "summarization"], "requests": [8, 7], "cost_usd": [4.0, 2.0],
                             "avg_confidence": [0.9, 0.7], "top_models": [["gpt-4o"], ["claude-haiku-4-5"]]})

    def usage_exports(self) -> tuple[int, float]:
        return (0, 0.0)

    def simulated_categories(self) -> pl.DataFrame:
        return self.categories().select("category", "requests", "cost_usd")

    def top_templates(self, category: str | None = None, limit: int = 50) -> pl.DataFrame:
        frame = pl.DataFrame({"template_id": ["t1", "t2"], "sample": ["<b>Translate</b> this", "Summarize"],
                              "category": ["translation", "summarization"], "category_source": ["rule", "model"],
                              "category_confidence": [0.9, 0.7], "requests": [8, 7], "cost_usd": [4.0, 2.0]})
        return frame.filter(pl.col("category") == category) if category else frame

    def relabel(self, template_id: str, category: str) -> int:
        self.labels[template_id] = category
        return 8

    def monthly(self, month_days: float | None = None) -> pl.DataFrame:
        return pl.DataFrame({"month": ["2026-10", "2026-10", "2026-10"], "model": ["gpt-4o", "gpt-4o", "claude-haiku-4-5"],
                             "cost_usd": [6.0, 54.0, 2.0], "kind": ["actual", "projected", "actual"]})

    def daily_cost(self, f: Filters) -> pl.DataFrame:
        return pl.DataFrame({"day": [date(2026, 10, 5), date(2026, 10, 6)], "cost_usd": [3.0, 3.0]})

    def simulator(self) -> Any:
        if self._sim is None:
            from analyzer.simulate.session import Simulator

            self._sim = Simulator.for_workspace(self.ws)
        return self._sim

    def quality_over_time(self) -> pl.DataFrame | None:
        return None

    # quality from the logs: two categories, two models (gpt-4o without latency, no flags)
    def quality_by_day(self, categories: list[str] | None = None) -> pl.DataFrame:
        self.calls.append(("quality_by_day", categories))
        frame = pl.DataFrame({"day": ["2026-10-05", "2026-10-05", "2026-10-06"],
                              "category": ["translation", "summarization", "translation"],
                              "observed": [40, 10, 40], "bad": [0, 3, 2], "quality": [1.0, 0.7, 0.95]})
        return frame.filter(pl.col("category").is_in(categories)) if categories else frame

    def override_rates(self) -> pl.DataFrame:
        return pl.DataFrame({"category": ["translation", "summarization"], "observed": [80, 10],
                             "overrides": [6, 0], "override_rate": [0.075, 0.0]})

    def rates_by_model(self) -> pl.DataFrame:
        nulls = [None, None]
        return pl.DataFrame({
            "model": ["gpt-4o-mini", "gpt-4o"], "requests": [80, 10], "observed": [80, 10],
            "error_rate": [0.0, 0.2], "truncation_rate": [0.01, None], "filter_rate": [0.0, None],
            "malformed_json_rate": nulls, "retry_rate": [0.02, 0.0], "override_rate": [0.075, 0.0],
            "flag_rate": nulls, "quality": [0.97, 0.7], "latency_p50_ms": [1000.0, None],
            "latency_p95_ms": [1400.0, None], "output_tokens_per_s": [300.0, None]},
            schema_overrides={c: pl.Float64 for c in ("malformed_json_rate", "flag_rate")})

    def alerts(self) -> list[dict[str, Any]]:
        return self.fired
