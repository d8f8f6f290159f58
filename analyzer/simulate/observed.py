"""What the simulator takes from the logs: answers judged, retries and latency, per model.

``quality/evidence.py`` counts them per rollup cell; here they are summed per (provider,
model, category), once per simulator, and read three ways:

- ``judged()`` — answers a person passed judgement on, per (canonical model, category):
  they update the quality prior (``quality.with_evidence``);
- ``retry_rates()`` — the share of a model's logged requests (with their input) that were
  retries, from ``MIN_KEYED`` such requests up: a moved request is sent again as often as
  its new model's answers need it (``scenario.py``);
- ``needs_stronger()`` — categories whose flags, overrides or malformed JSON pass their
  limits (``evidence.over_limits``): ``optimize`` moves them up a tier;
- ``latency()`` — p50 / p95 of a category's requests under a mix of models: each model's
  latency histogram in that category, or over all its categories when it has fewer than
  ``MIN_TIMED`` timed requests there, weighted by the mix's requests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from analyzer.model_ids import canonical
from analyzer.quality import evidence

MIN_KEYED = 50
MIN_TIMED = 20
KEYS = ("provider", "model", "category")
COUNTS = ("observed", "judged", "judged_bad", "retries", "keyed", "overrides", "verdicts", "flagged", "json_judged",
          "json_malformed", "timed", *evidence.HISTOGRAM)


@dataclass(frozen=True)
class Observed:
    frame: pl.DataFrame  # KEYS, COUNTS, latency_max_ms

    @classmethod
    def empty(cls) -> Observed:
        return cls(pl.DataFrame(schema={**{k: pl.String for k in KEYS}, **{c: pl.Int64 for c in COUNTS},
                                        "latency_max_ms": pl.Float64}))

    @classmethod
    def of(cls, cells: pl.LazyFrame) -> Observed:
        """Summed from categorized cells (or rows) holding ``evidence.COLUMNS``."""
        frame = (cells.filter(pl.col("category").is_not_null())
                 .group_by(*KEYS).agg(*(pl.col(c).fill_null(0).sum() for c in COUNTS),
                                      pl.col("latency_max_ms").max())
                 .sort(*KEYS).collect())
        return cls(frame)

    def judged(self) -> dict[tuple[str, str], tuple[int, int]]:
        """``{(canonical model, category): (passed, judged)}``."""
        out: dict[tuple[str, str], tuple[int, int]] = {}
        for provider, model, category, judged, bad in self.frame.select(*KEYS, "judged", "judged_bad").iter_rows():
            if judged:
                key = (canonical(model, provider)[1], category)
                seen = out.get(key, (0, 0))
                out[key] = (seen[0] + judged - bad, seen[1] + judged)
        return out

    def needs_stronger(self) -> dict[str, list[str]]:
        """``{category: reasons}`` for the categories whose answers need a stronger model
        (``evidence.over_limits``, over all the category's models)."""
        summed = self.frame.group_by("category").agg(pl.col(c).sum() for c in COUNTS if not c.startswith("lat_"))
        found = {row["category"]: evidence.over_limits(row) for row in summed.iter_rows(named=True)}
        return {c: reasons for c, reasons in sorted(found.items()) if reasons}

    def retry_rates(self) -> dict[tuple[str, str], tuple[float, int]]:
        """``{(provider, model): (retries / keyed, keyed)}`` for models with ``MIN_KEYED``
        or more logged requests with their input."""
        per_model = self.frame.group_by("provider", "model").agg(pl.col("retries").sum(), pl.col("keyed").sum())
        return {(p, m): (r / k, k) for p, m, r, k in per_model.iter_rows() if k >= MIN_KEYED}

    def latency(self, mix: pl.DataFrame) -> dict[str, dict[str, float | None]]:
        """``{category: {"p50_ms", "p95_ms", "requests_timed"}}`` for ``mix`` (``category``,
        ``provider``, ``model``, ``requests``): the mixture of each model's latency
        distribution weighted by its requests. Models without ``MIN_TIMED`` timed requests
        are left out (``requests_timed`` is the weight that had a distribution)."""
        own = self.frame.filter(pl.col("timed") >= MIN_TIMED)
        overall = (self.frame.group_by("provider", "model")
                   .agg(*(pl.col(c).sum() for c in ("timed", *evidence.HISTOGRAM)), pl.col("latency_max_ms").max())
                   .filter(pl.col("timed") >= MIN_TIMED))
        hist = {(p, m, c): row for p, m, c, *row in own.select(*KEYS, "timed", *evidence.HISTOGRAM,
                                                               "latency_max_ms").iter_rows()}
        general = {(p, m): row for p, m, *row in overall.select("provider", "model", "timed", *evidence.HISTOGRAM,
                                                                "latency_max_ms").iter_rows()}
        out: dict[str, dict[str, float | None]] = {}
        for (category,), rows in mix.filter(pl.col("requests") > 0).partition_by("category", as_dict=True).items():
            mixed = [0.0] * len(evidence.HISTOGRAM)
            weight, slowest = 0.0, 0.0
            for provider, model, requests in rows.select("provider", "model", "requests").iter_rows():
                found = hist.get((provider, model, category)) or general.get((provider, model))
                if found is None:
                    continue
                timed, *counts, top = found
                mixed = [a + requests * n / timed for a, n in zip(mixed, counts, strict=True)]
                weight += requests
                slowest = max(slowest, top or 0.0)
            out[category] = {"p50_ms": evidence.quantile(mixed, 0.50, slowest) if weight else None,
                             "p95_ms": evidence.quantile(mixed, 0.95, slowest) if weight else None,
                             "requests_timed": weight}
        return out


def retry_factor(rates: Mapping[tuple[str, str], tuple[float, int]], source: tuple[str, str],
                 target: tuple[str, str]) -> float | None:
    """How many requests a moved request becomes: ``(1 - r_source) / (1 - r_target)``,
    where ``r`` is the share of a model's requests that were retries (the requests a caller
    meant to send are ``1 - r`` of those logged). None when either model has no retry
    evidence (the move is then taken to keep the retries it had)."""
    if source not in rates or target not in rates:
        return None
    r_source, r_target = rates[source][0], rates[target][0]
    return (1 - r_source) / (1 - r_target) if r_target < 1 else None
