"""Reprice aggregated cells under a routing policy and compare with the baseline.

For each cell (see ``cells.py``) the first matching route decides. Its share for each
target model moves, when the cell's requests fit the target's context window; the rest
stays. Moved traffic is repriced on the target's prices for the cell's day with:

* token counts × the tokenizer ratio between the two families (``tokens.py``), and output
  × the policy's ``output_factor``;
* cache reads and writes turned into plain input, as cached prefixes belong to one model
  (unless ``keep_cache``);
* batch rates when the route says ``batch`` (kept traffic too), with the catalog's batch
  price or the provider's published discount (``pricing.catalog``);
* ``override_rate`` of the moved requests escalated back: they pay the target's price and
  their original cost again, and get the original model's quality;
* retries as the logs measured them (``observed.py``): a moved request is sent
  ``(1 - r_source) / (1 - r_target)`` times, ``r`` being the share of each model's logged
  requests that were retries; where either model has no retry evidence the move keeps the
  retries it had, and the assumptions say so.

Traffic that stays (and is not switched to batch) keeps its exact baseline cost, so the
empty policy reproduces the baseline to the last bit. Quality is the request-weighted
expected pass rate of ``quality.QualityTable`` per (model, category); each category says how
much of it rests on evidence (your results or answers judged in the logs) rather than the
prior, and its latency p50 / p95 before and after (``Observed.latency``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from analyzer.pricing import catalog, cost
from analyzer.simulate import tokens
from analyzer.simulate.cells import SUMS
from analyzer.simulate.observed import Observed, retry_factor
from analyzer.simulate.policy import Move, Policy, ResolvedRoute
from analyzer.simulate.quality import QualityTable
from analyzer.simulate.quality import tier_of as quality_tier

_TOKENS = ("input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens",
           "reasoning_tokens", "input_audio_tokens", "output_audio_tokens", "web_search_requests")
_OUT = ("day", "provider", "model", "category", "requests", "quality_requests", "cost_usd", "priced", "moved",
        "retry_usd")


@dataclass
class Result:
    policy: str
    start: date | None
    end: date | None
    days: int
    month_days: float
    baseline: dict[str, float]
    scenario: dict[str, float]
    by_category: list[dict[str, Any]]
    by_model: list[dict[str, Any]]
    daily: pl.DataFrame  # day, baseline_usd, scenario_usd
    assumptions: list[str]
    floor: float | None = None
    below_floor: list[str] = field(default_factory=list)

    @property
    def savings_usd(self) -> float:
        return self.baseline["cost_usd"] - self.scenario["cost_usd"]

    @property
    def savings_pct(self) -> float:
        base = self.baseline["cost_usd"]
        return 100.0 * self.savings_usd / base if base else 0.0

    def monthly(self, value: float) -> float:
        return value / self.days * self.month_days if self.days else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "policy": self.policy,
            "currency": "USD",
            "period": {"start": self.start.isoformat() if self.start else None,
                       "end": self.end.isoformat() if self.end else None, "days": self.days},
            "baseline": self.baseline,
            "scenario": self.scenario,
            "savings_usd": self.savings_usd,
            "savings_pct": self.savings_pct,
            "monthly": {
                "baseline_usd": self.monthly(self.baseline["cost_usd"]),
                "scenario_usd": self.monthly(self.scenario["cost_usd"]),
                "savings_usd": self.monthly(self.savings_usd),
                "month_days": self.month_days,
            },
            "by_category": self.by_category,
            "by_model": self.by_model,
            "quality_floor": self.floor,
            "below_floor": self.below_floor,
            "assumptions": self.assumptions,
        }


def _match_expr(route: ResolvedRoute) -> pl.Expr:
    expr = pl.lit(True)
    for key, values in route.match.items():
        expr = expr & pl.col(key).is_in(list(values))
    return expr


@dataclass(frozen=True)
class Prepared:
    """Cells with what every scenario reads: the model's line (``tier``, for
    ``match.tier``), the content kind (``_kind``, for tokenizer factors), and the
    baseline's sums."""

    cells: pl.DataFrame
    quality: QualityTable
    b_small: pl.DataFrame
    observed: Observed


def prepare(cells: pl.DataFrame, quality: QualityTable | None = None,
            observed: Observed | None = None) -> Prepared:
    quality = quality or QualityTable.load()
    if "covered" not in cells.columns:
        cells = cells.with_columns(pl.lit(False).alias("covered"))
    pairs = cells.select("provider", "model").unique()
    tiers = [quality_tier(p, m) for p, m in pairs.iter_rows()]
    frame = cells.join(pairs.with_columns(pl.Series("tier", tiers, pl.String)), on=["provider", "model"],
                       how="left", maintain_order="left").with_columns(
        tokens.kind().alias("_kind"), pl.col("requests").alias("quality_requests"), pl.lit(False).alias("moved"),
        pl.lit(0.0).alias("retry_usd"), pl.lit(1.0).alias("_again"))
    return Prepared(frame, quality, _small(frame, quality), observed or Observed.empty())


def _route_index(policy: Policy) -> pl.Expr:
    """The index of the first route that matches a cell (priced cells a flat-fee plan does not
    cover), else null."""
    index = pl.lit(None, pl.Int32)
    for i in reversed(range(len(policy.routes))):
        index = pl.when(_match_expr(policy.routes[i])).then(pl.lit(i, pl.Int32)).otherwise(index)
    return pl.when(pl.col("priced") & ~pl.col("covered")).then(index).alias("_route")


def _window(move: Move) -> int | None:
    info = catalog.model_info(move.provider, move.model)
    return info.context_window if info is not None else None


def _scaled(weight: pl.Expr) -> list[pl.Expr]:
    return [(pl.col(c) * weight).alias(c) for c in SUMS]


def _with_factors(cells: pl.DataFrame, moves: tuple[Move, ...], policy: Policy,
                  retries: dict[tuple[str, str], tuple[float, int]]) -> pl.DataFrame:
    """Add, per move ``j``, the tokenizer ratio ``_f{j}``, the retry factor ``_r{j}`` (null
    without evidence) and whether the cell moves, ``_m{j}``: its largest request, in target
    tokens, fits the target's window, and the target is another model."""
    frame = cells
    pairs = frame.select("provider", "model", "_kind").unique()
    for j, move in enumerate(moves):
        target = (move.provider, move.model)
        ratios = [tokens.ratio((p, m), target, k, policy.token_factors) for p, m, k in pairs.iter_rows()]
        again = [retry_factor(retries, (p, m), target) for p, m, _ in pairs.iter_rows()]
        frame = frame.join(pairs.with_columns(pl.Series(f"_f{j}", ratios, pl.Float64),
                                              pl.Series(f"_r{j}", again, pl.Float64)),
                           on=["provider", "model", "_kind"], how="left")
        window = _window(move)
        fits = pl.lit(True) if window is None else pl.col("size_max") * pl.col(f"_f{j}") <= window
        same = (pl.col("provider") == move.provider) & (pl.col("model") == move.model)
        frame = frame.with_columns((fits & ~same).alias(f"_m{j}"), (~fits & ~same).alias(f"_b{j}"))
    return frame


class _Notes:
    """Counters behind the assumption sentences of one run."""

    def __init__(self) -> None:
        self.lost_cache = 0.0
        self.blocked: dict[str, float] = {}
        self.factors: dict[tuple[str, str, str], float] = {}
        self.output: dict[float, float] = {}
        self.escalated: dict[float, float] = {}
        self.tier_change = 0.0
        self.retries: dict[tuple[str, str], float] = {}  # (source, target) model -> factor
        self.no_retry_evidence: dict[str, float] = {}  # target model -> moved requests
        self.rates: dict[tuple[str, str], tuple[float, int]] = {}

    def sentences(self, policy: Policy) -> list[str]:
        out = []
        for (src, dst, kind), f in sorted(self.factors.items()):
            why = tokens.SOURCES.get(dst if tokens.DEFAULT_FACTORS.get(dst, {}).get(kind, 1) != 1 else src, "")
            custom = " (policy token_factors)" if policy.token_factors else ""
            out.append(f"tokenizer: {kind} token counts × {f:.3f} moving {src} → {dst}{custom}"
                       + (f"; {why}" if why and not custom else ""))
        if self.lost_cache:
            out.append(f"prompt cache: {self.lost_cache:,.0f} cache-read/write tokens of moved requests priced as "
                       "plain input on the target (cached prefixes belong to one model; keep_cache = true "
                       "carries them over)")
        for model, n in sorted(self.blocked.items()):
            out.append(f"context window: {n:,.0f} requests too large for {model} stay on their model")
        for f, n in self.output.items():
            out.append(f"output length: × {f:g} on {n:,.0f} moved requests (output_factor)")
        for r, n in self.escalated.items():
            out.append(f"escalation: {r:.0%} of moved requests ({n:,.0f}) go back to their original model and "
                       "pay its cost on top of the target's")
        for (src, dst), f in sorted(self.retries.items()):
            (r_s, n_s), (r_t, n_t) = self._rate(src), self._rate(dst)
            out.append(f"retries: {src} re-sent {r_s:.1%} of {n_s:,} logged requests, {dst} {r_t:.1%} of "
                       f"{n_t:,}: requests moved {src} → {dst} × {f:.4f} = (1 − {r_s:.3f}) / (1 − {r_t:.3f})")
        for model, n in sorted(self.no_retry_evidence.items()):
            out.append(f"retries: {n:,.0f} requests moved to {model} keep the retries they had (the logs hold "
                       "too few requests with their input to measure a retry rate on one of the two models)")
        if self.tier_change:
            out.append(f"service tier: {self.tier_change:,.0f} moved flex/priority requests priced at the "
                       "target's standard rates")
        return out

    def _rate(self, model: str) -> tuple[float, int]:
        return next(v for (_, m), v in self.rates.items() if m == model)


def _moved(part: pl.DataFrame, j: int, move: Move, route: ResolvedRoute) -> pl.DataFrame:
    """``part``'s share for ``move``, as rows on the target model to be repriced."""
    share = move.share
    again = pl.col(f"_r{j}").fill_null(1.0)  # each request sent this many times on the target
    f = pl.col(f"_f{j}") * share * again
    out_f = f * route.output_factor
    cache = 1.0 if route.keep_cache else 0.0
    batch = pl.lit(route.batch) | (pl.col("service_tier") == "batch")
    return part.with_columns(
        pl.lit(move.provider).alias("provider"),
        pl.lit(move.model).alias("model"),
        pl.when(batch).then(pl.lit("batch")).otherwise(pl.lit("standard")).alias("service_tier"),
        (pl.col("requests") * share * again).alias("requests"),
        (pl.col("input_tokens") * f).alias("input_tokens"),
        *((pl.col(c) * f * cache).alias(c) for c in ("cache_read_tokens", "cache_write_tokens",
                                                     "cache_write_1h_tokens")),
        (pl.col("output_tokens") * out_f).alias("output_tokens"),
        (pl.col("reasoning_tokens") * out_f).alias("reasoning_tokens"),
        # audio is tokens like the rest; a web search is a search whatever model runs it
        (pl.col("input_audio_tokens") * f).alias("input_audio_tokens"),
        (pl.col("output_audio_tokens") * out_f).alias("output_audio_tokens"),
        (pl.col("web_search_requests") * share * again).alias("web_search_requests"),
        (pl.col("requests") * share * (1 - route.override_rate)).alias("quality_requests"),
        pl.lit(True).alias("moved"),
        again.alias("_again"),
    )


def _escalated(part: pl.DataFrame, move: Move, route: ResolvedRoute) -> pl.DataFrame:
    """The escalated share of a move: back on the original model at its baseline cost."""
    back = move.share * route.override_rate
    return part.with_columns(
        (pl.col("requests") * back).alias("requests"),
        (pl.col("cost_usd") * back).alias("cost_usd"),
        (pl.col("requests") * back).alias("quality_requests"),
        pl.lit(False).alias("moved"),
    )


def _note_move(notes: _Notes, part: pl.DataFrame, j: int, move: Move, route: ResolvedRoute) -> None:
    share = move.share
    for p, k, f in part.select("provider", "_kind", f"_f{j}").unique().iter_rows():
        if abs(f - 1) > 1e-12:
            notes.factors[(p, move.provider, k)] = f
    if not route.keep_cache:
        cached = pl.col("cache_read_tokens") + pl.col("cache_write_tokens") + pl.col("cache_write_1h_tokens")
        notes.lost_cache += float(part.select(cached.sum()).item()) * share
    requests = float(part["requests"].sum()) * share
    if route.output_factor != 1:
        notes.output[route.output_factor] = notes.output.get(route.output_factor, 0.0) + requests
    if route.override_rate:
        notes.escalated[route.override_rate] = (notes.escalated.get(route.override_rate, 0.0)
                                                + requests * route.override_rate)
    tiers = part.filter(pl.col("service_tier").is_in(["flex", "priority"]))
    notes.tier_change += float(tiers["requests"].sum()) * share
    for p, m, again, n in (part.group_by("provider", "model", f"_r{j}").agg(pl.col("requests").sum())
                           .iter_rows()):
        if again is None and notes.rates:  # some models have retry evidence, not this pair
            notes.no_retry_evidence[move.model] = notes.no_retry_evidence.get(move.model, 0.0) + n * share
        elif again is not None:
            notes.retries[(m, move.model)] = again


def _route_rows(
    cells: pl.DataFrame, route: ResolvedRoute, policy: Policy, notes: _Notes
) -> tuple[list[pl.DataFrame], list[pl.DataFrame]]:
    """(rows with a known cost, rows to reprice) for the cells of one route."""
    frame = _with_factors(cells, route.moves, policy, notes.rates)
    keep = pl.lit(1.0)
    for j, move in enumerate(route.moves):
        keep = keep - pl.when(pl.col(f"_m{j}")).then(move.share).otherwise(0.0)
        blocked = float(frame.filter(pl.col(f"_b{j}"))["requests"].sum()) * move.share
        if blocked:
            notes.blocked[move.model] = notes.blocked.get(move.model, 0.0) + blocked
    kept = frame.with_columns(keep.alias("weight")).filter(pl.col("weight") > 1e-12)
    kept = kept.with_columns(*_scaled(pl.col("weight")), pl.lit(False).alias("moved")).with_columns(
        pl.col("requests").alias("quality_requests"))
    to_batch = route.batch & (pl.col("service_tier") != "batch")
    known = [kept.filter(~to_batch).with_columns(pl.col("cost_usd") * pl.col("weight"))]
    reprice = [kept.filter(to_batch).with_columns(pl.lit("batch").alias("service_tier"))]
    for j, move in enumerate(route.moves):
        part = frame.filter(pl.col(f"_m{j}"))
        if part.is_empty():
            continue
        _note_move(notes, part, j, move, route)
        reprice.append(_moved(part, j, move, route))
        if route.override_rate:
            known.append(_escalated(part, move, route))
    return known, reprice


def _repriced(rows: pl.DataFrame, resolve: cost.Resolver) -> tuple[pl.DataFrame, list[str]]:
    if rows.is_empty():
        return rows, []
    lazy = rows.lazy().with_columns(
        pl.col("day").cast(pl.Datetime("us", "UTC")).alias("timestamp"),
        pl.lit(None, pl.String).alias("metadata"),
    )
    priced = cost.price(lazy, resolve=resolve)
    frame = priced.frame.with_columns(
        (pl.col("price_status") == "priced").alias("priced"),
        # what the target's retries add (or save) against the retries the traffic had
        (pl.col("cost_usd").fill_null(0.0) * (1 - 1 / pl.col("_again"))).alias("retry_usd"),
    )
    return frame.collect(), priced.assumptions


_ADD = ("requests", "cost_usd", "unpriced_requests", "quality_requests", "q", "q_low", "q_high", "q_evidence",
        "retry_usd")
_MIX = ["category", "provider", "model"]


def _small(frame: pl.DataFrame, quality: QualityTable, sign: float = 1.0) -> pl.DataFrame:
    """Additive sums by (day, provider, model, category), expected quality × requests
    included (``q``, ``q_low``, ``q_high``); ``sign`` −1 takes rows away."""
    small = frame.group_by("day", "provider", "model", "category").agg(
        pl.col("requests").sum(),
        pl.col("quality_requests").sum(),
        pl.col("cost_usd").fill_null(0.0).sum(),
        pl.col("requests").filter(~pl.col("priced")).sum().alias("unpriced_requests"),
        pl.col("retry_usd").sum(),
    )
    pairs = small.select("provider", "model").unique().sort("provider", "model").rows()
    table = quality.frame(pairs).select("provider", "model", "category", "quality", "quality_low", "quality_high",
                                        "evidenced")
    w = pl.col("quality_requests")
    return small.join(table, on=["provider", "model", "category"], how="left").select(
        "day", "provider", "model", "category",
        *((pl.col(c) * sign).cast(pl.Float64) for c in ("requests", "cost_usd", "unpriced_requests", "retry_usd")),
        w * sign,
        *((pl.col(q) * w * sign).alias(a) for q, a in (("quality", "q"), ("quality_low", "q_low"),
                                                       ("quality_high", "q_high"))),
        (pl.col("evidenced").cast(pl.Float64) * w * sign).alias("q_evidence"),
    )


def _sums(small: pl.DataFrame, by: str | list[str] | None) -> pl.DataFrame:
    aggs = [pl.col(c).sum() for c in _ADD]
    return small.group_by(by).agg(aggs) if by else small.select(aggs)


def _plus(base: pl.DataFrame, delta: pl.DataFrame, by: str | list[str] | None) -> pl.DataFrame:
    """``base`` + ``delta`` per key: where nothing changed, exactly ``base``."""
    if by is None:
        return base.with_columns(*(pl.col(c) + delta[c][0] for c in _ADD))
    keys = [by] if isinstance(by, str) else by
    joined = base.join(delta, on=keys, how="full", coalesce=True, suffix="_d")
    return joined.select(*keys, *((pl.col(c).fill_null(0.0) + pl.col(f"{c}_d").fill_null(0.0)).alias(c)
                                  for c in _ADD))


def _averages(sums: pl.DataFrame) -> pl.DataFrame:
    w = pl.col("quality_requests")
    return sums.with_columns(
        *((pl.when(w > 0).then(pl.col(q) / w)).alias(name)
          for q, name in (("q", "quality"), ("q_low", "quality_low"), ("q_high", "quality_high"),
                          ("q_evidence", "evidence_share"))),
    )


def _compare(b_small: pl.DataFrame, d_small: pl.DataFrame, by: str | None) -> pl.DataFrame:
    """Baseline and scenario sums by ``by`` side by side (scenario columns ``*_scenario``)."""
    base = _sums(b_small, by)
    scen = _averages(_plus(base, _sums(d_small, by), by))
    if by is None:
        return pl.concat([_averages(base), scen.rename(lambda c: f"{c}_scenario")], how="horizontal")
    return _averages(base).join(scen, on=by, how="full", coalesce=True, suffix="_scenario")


def run(
    cells: pl.DataFrame | Prepared,
    policy: Policy,
    *,
    quality: QualityTable | None = None,
    resolve: cost.Resolver = catalog.unit_prices,
    month_days: float = 30,
    floor: float | None = None,
    baseline_assumptions: list[str] | None = None,
) -> Result:
    """Simulate ``policy`` over ``cells`` (``prepare`` them once to run many policies);
    cells of unpriced models stay as they are."""
    prepared = cells if isinstance(cells, Prepared) else prepare(cells, quality)
    quality = prepared.quality
    base = prepared.cells.with_columns(_route_index(policy))
    known = [base.filter(pl.col("_route").is_null())]
    reprice: list[pl.DataFrame] = []
    notes = _Notes()
    notes.rates = prepared.observed.retry_rates()
    for i, route in enumerate(policy.routes):
        k, r = _route_rows(base.filter(pl.col("_route") == i), route, policy, notes)
        known += k
        reprice += r
    scenario_assumptions: list[str] = []
    parts = [f.select(_OUT) for f in known[1:]]  # what the routes made of their cells
    if reprice:
        repriced, scenario_assumptions = _repriced(pl.concat(reprice, how="diagonal_relaxed"), resolve)
        parts.append(repriced.select(_OUT))
    changed = pl.concat(parts, how="vertical_relaxed") if parts else base.select(_OUT).head(0)
    b_small = prepared.b_small
    d_small = pl.concat([_small(changed, quality), _small(base.filter(pl.col("_route").is_not_null()), quality, -1.0)])
    by_category = _compare(b_small, d_small, "category").sort("cost_usd", descending=True)
    mix = _sums(b_small, _MIX)
    latency = (prepared.observed.latency(mix.select(*_MIX, "requests")),
               prepared.observed.latency(_plus(mix, _sums(d_small, _MIX), _MIX).select(*_MIX, "requests")))
    # the categories the scenario changes that end below the floor (one it leaves alone is
    # not the scenario's doing, however low its quality)
    changed_here = ((pl.col("quality_scenario") - pl.col("quality")).abs() > 1e-12) | (
        (pl.col("cost_usd_scenario") - pl.col("cost_usd")).abs() > 1e-9)
    below = [] if floor is None else sorted(
        by_category.filter((pl.col("quality_scenario") < floor) & changed_here.fill_null(True))["category"].to_list())
    totals = _compare(b_small, d_small, None).row(0, named=True)
    b_total = {k: v for k, v in totals.items() if not k.endswith("_scenario")}
    s_total = {k.removesuffix("_scenario"): v for k, v in totals.items() if k.endswith("_scenario")}
    by_model = _compare(b_small, d_small, "model").fill_null(0).sort("cost_usd_scenario", descending=True)
    daily = (
        _compare(b_small, d_small, "day")
        .select("day", pl.col("cost_usd").fill_null(0.0).alias("baseline_usd"),
                pl.col("cost_usd_scenario").fill_null(0.0).alias("scenario_usd"))
        .sort("day")
    )
    moved = changed.filter(pl.col("moved"))["requests"].sum()
    days = prepared.cells["day"]
    start, end = (days.min(), days.max()) if days.len() else (None, None)
    assumptions = list(dict.fromkeys([
        *(baseline_assumptions or []), *scenario_assumptions, *notes.sentences(policy),
    ]))
    covered = float(prepared.cells.filter(pl.col("covered"))["requests"].sum())
    if covered:
        assumptions.append(f"{covered:,.0f} requests covered by a flat-fee plan stay on their model: the plan's "
                           "fee does not change with routing (their API-list cost is in both costs)")
    unpriced_base = float(b_total["unpriced_requests"] or 0)
    if unpriced_base:
        assumptions.append(f"{unpriced_base:,.0f} requests on models without a price stay out of both costs "
                           "and are not moved")
    return Result(
        policy=policy.name,
        start=start,
        end=end,
        days=(end - start).days + 1 if start is not None else 0,
        month_days=month_days,
        baseline=_totals(b_total),
        scenario=_totals(s_total) | {
            "requests": _totals(b_total)["requests"],
            "moved_requests": float(moved),
            "blocked_requests": float(sum(notes.blocked.values())),
            "escalated_requests": float(sum(notes.escalated.values())),
        },
        by_category=[_category_row(r, *(lat.get(r["category"], {}) for lat in latency))
                     for r in by_category.iter_rows(named=True)],
        by_model=[_model_row(r) for r in by_model.iter_rows(named=True)],
        daily=daily,
        assumptions=assumptions,
        floor=floor,
        below_floor=below,
    )


def _totals(row: dict[str, Any]) -> dict[str, float]:
    return {
        "requests": float(row["requests"] or 0),
        "cost_usd": float(row["cost_usd"] or 0.0),
        "retry_usd": float(row["retry_usd"] or 0.0),
        "unpriced_requests": float(row["unpriced_requests"] or 0),
        "quality": float(row["quality"]) if row["quality"] is not None else None,
    }


def _category_row(r: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    qb, qs = r["quality"], r["quality_scenario"]
    return {
        "category": r["category"],
        "requests": float(r["requests"] or 0),
        "baseline_usd": float(r["cost_usd"] or 0.0),
        "scenario_usd": float(r["cost_usd_scenario"] or 0.0),
        "savings_usd": float((r["cost_usd"] or 0.0) - (r["cost_usd_scenario"] or 0.0)),
        "quality_baseline": qb,
        "quality_scenario": qs,
        "quality_change": (qs - qb) if qb is not None and qs is not None else None,
        "quality_scenario_range": [r["quality_low_scenario"], r["quality_high_scenario"]],
        # the share of the expected quality resting on your results or answers judged in the logs
        "quality_evidence_share": r["evidence_share_scenario"],
        "retry_usd": float(r["retry_usd_scenario"] or 0.0),
        "latency_p50_ms_baseline": before.get("p50_ms"),
        "latency_p95_ms_baseline": before.get("p95_ms"),
        "latency_p50_ms_scenario": after.get("p50_ms"),
        "latency_p95_ms_scenario": after.get("p95_ms"),
    }


def _model_row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "model": r["model"],
        "requests": float(r["requests_scenario"]),
        "cost_usd": float(r["cost_usd_scenario"]),
        "baseline_requests": float(r["requests"]),
        "baseline_usd": float(r["cost_usd"]),
    }
