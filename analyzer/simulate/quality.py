"""What quality a routing move costs: expected pass rates per (model, task category).

A move to a cheaper model saves money only if its answers stay acceptable, so every
simulated saving carries an expected pass rate (the share of requests answered
acceptably) with an uncertainty range. Two sources, the user's own first:

1. **Your results** — a CSV of A/B or shadow-eval outcomes, ``category,model,passed,total``
   (model named as in the logs: dated ids, aliases and gateway prefixes are normalised by
   ``model_ids.canonical``; several rows for the same model and category add up). For
   that exact (model, category) the pass rate is ``passed / total`` with a Wilson 95 %
   interval.
2. **The shipped prior** (``data/quality_prior.csv``) — one hand-curated row per
   (tier, category) with a wide interval and its provenance. No public dataset measures
   current models on these categories (prices_and_routing.md §A.5), so the prior works at
   the grain of model *tiers*: budget / mid / flagship, assigned by the ordered patterns
   in ``data/model_tiers.toml``. A model no pattern knows is treated as ``mid`` and its
   estimates say so. Most cells are judgement and say that too.
3. **Answers judged in the logs** update the prior where the user's results do not cover a
   (model, category): thumbs, flags and ``feedback.csv`` verdicts, and overrides (an answer
   re-sent to a stronger model failed), counted by ``quality/evidence.py``. The update is
   beta-binomial, the prior worth as many requests as its interval is narrow
   (``prior_weight``, at most ``MAX_PRIOR_WEIGHT``) — see ``with_evidence`` — from
   ``MIN_JUDGED`` judged answers of the (model, category) up. Errors,
   truncations and malformed JSON are not grades: they show as rates, and the simulator
   charges their retries as cost instead.

``data/model_tiers.toml`` also names each provider family's budget / mid / flagship
model, which presets and the optimizer use.
"""

from __future__ import annotations

import csv
import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import polars as pl

from analyzer.classify.taxonomy import CATEGORIES
from analyzer.errors import ConfigError, reading_csv
from analyzer.model_ids import canonical

DATA = Path(__file__).resolve().parent / "data"
PRIOR_FILE = DATA / "quality_prior.csv"
TIERS_FILE = DATA / "model_tiers.toml"
TIERS = ("budget", "mid", "flagship")
UNKNOWN_TIER = "mid"
RESULT_COLUMNS = ("category", "model", "passed", "total")
Z95 = 1.959963984540054  # two-sided 95 % normal quantile
FRAME_SCHEMA = {"provider": pl.String, "model": pl.String, "category": pl.String,
                "quality": pl.Float64, "quality_low": pl.Float64, "quality_high": pl.Float64,
                "quality_source": pl.String, "evidenced": pl.Boolean}


@dataclass(frozen=True)
class Estimate:
    """Expected share of requests answered acceptably, its range, and where it came from."""

    pass_rate: float
    low: float
    high: float
    source: str  # "prior 2026-11, budget tier (judgement: …)" or "your results: 182/200"


# --- tiers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _TierRules:
    families: dict[str, dict[str, str]]
    patterns: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _tier_rules() -> _TierRules:
    raw = tomllib.loads(TIERS_FILE.read_text())
    families = {provider: {t: models[t] for t in TIERS}
                for provider, models in raw["families"].items()}
    patterns = []
    for rule in raw["tiers"]:
        if rule["tier"] not in TIERS:
            raise ValueError(f"{TIERS_FILE}: unknown tier {rule['tier']!r} "
                             f"for pattern {rule['pattern']!r}")
        patterns.append((re.compile(rule["pattern"]), rule["tier"]))
    return _TierRules(families, tuple(patterns))


@lru_cache(maxsize=4096)
def _matched_tier(model: str) -> str | None:
    for pattern, tier in _tier_rules().patterns:
        if pattern.search(model):
            return tier
    return None


def tier_of(provider: str, model: str) -> str:
    """``budget`` / ``mid`` / ``flagship`` for a model (raw or canonical id); ``mid`` when
    no pattern matches (see ``tier_known``)."""
    return _matched_tier(canonical(model, provider)[1]) or UNKNOWN_TIER


def tier_known(provider: str, model: str) -> bool:
    """Whether a pattern in ``model_tiers.toml`` placed the model (else ``mid`` is assumed)."""
    return _matched_tier(canonical(model, provider)[1]) is not None


def family_models(provider: str) -> dict[str, str] | None:
    """The family's model per tier (``{"budget": …, "mid": …, "flagship": …}``), or None."""
    models = _tier_rules().families.get(provider)
    return dict(models) if models is not None else None


# --- the prior -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _prior() -> tuple[str, dict[tuple[str, str], Estimate]]:
    """``(version, {(tier, category): Estimate})`` from the shipped CSV, parsed once."""
    with PRIOR_FILE.open(newline="") as f:
        rows = list(csv.DictReader(f))
    versions = {r["version"] for r in rows}
    if len(versions) != 1:
        raise ValueError(f"{PRIOR_FILE}: expected one version, found {sorted(versions)}")
    version = versions.pop()
    cells = {
        (r["tier"], r["category"]): Estimate(float(r["pass_rate"]), float(r["low"]),
                                             float(r["high"]), r["source"])
        for r in rows
    }
    missing = [(t, c) for t in TIERS for c in CATEGORIES if (t, c) not in cells]
    if missing or len(cells) != len(rows):
        raise ValueError(f"{PRIOR_FILE}: needs exactly one row per tier and category "
                         f"(missing {missing[:3]})")
    return version, cells


# --- evidence from the logs ------------------------------------------------------------

MAX_PRIOR_WEIGHT = 200.0  # a prior never counts for more than this many observed requests
MIN_JUDGED = 30  # judged answers of a (model, category) needed before they update its prior


def prior_weight(prior: Estimate) -> float:
    """How many observed requests the prior is worth: the size ``k`` of a Beta(p·k, (1−p)·k)
    whose 95 % interval is as wide as the prior's (``k = p(1−p)/σ² − 1``, σ = width / 3.92),
    between 1 and ``MAX_PRIOR_WEIGHT``. A judgement prior of ±0.15 weighs ~30 requests."""
    sigma = (prior.high - prior.low) / (2 * Z95)
    p = min(max(prior.pass_rate, 1e-6), 1 - 1e-6)
    if sigma <= 0:
        return MAX_PRIOR_WEIGHT
    return min(MAX_PRIOR_WEIGHT, max(1.0, p * (1 - p) / (sigma * sigma) - 1))


def with_evidence(prior: Estimate, passed: int, total: int) -> Estimate:
    """The prior updated by answers judged in the logs (beta-binomial): the prior counts as
    ``prior_weight`` pseudo-requests at its pass rate, and ``passed`` of ``total`` judged
    answers passed (a verdict that did not flag it, and no override: ``evidence.py``). The
    interval is the posterior's normal approximation. With no evidence the prior comes back
    unchanged."""
    if total <= 0:
        return prior
    k = prior_weight(prior)
    mean = (prior.pass_rate * k + passed) / (k + total)
    half = Z95 * math.sqrt(mean * (1 - mean) / (k + total + 1))
    source = (f"{prior.source}; updated by the logs: {passed:,} of {total:,} judged answers passed "
              f"(prior worth {k:,.0f} requests)")
    return Estimate(mean, max(0.0, mean - half), min(1.0, mean + half), source)


# --- your results --------------------------------------------------------------------


def wilson(passed: int, total: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for ``passed`` successes out of ``total`` trials."""
    p = passed / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return max(0.0, centre - half), min(1.0, centre + half)


def _whole(value: str, column: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ValueError(f"{column} must be a whole number, got '{value.strip()}'") from None


def _result_row(row: dict[str, str]) -> tuple[str, str, int, int]:
    """``(model, category, passed, total)`` from one CSV row; ValueError names the problem."""
    category = (row["category"] or "").strip()
    if category not in CATEGORIES:
        raise ValueError(f"unknown category '{category}'")
    raw_model = (row["model"] or "").strip()
    if not raw_model:
        raise ValueError("model is empty")
    passed, total = _whole(row["passed"] or "", "passed"), _whole(row["total"] or "", "total")
    if total <= 0:
        raise ValueError(f"total must be more than 0, got {total}")
    if not 0 <= passed <= total:
        raise ValueError(f"passed must be between 0 and total ({total}), got {passed}")
    return canonical(raw_model)[1], category, passed, total


def read_results(path: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """``{(canonical model, category): (passed, total)}`` summed over the file's rows."""
    with reading_csv(path), path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        header = [(name or "").strip().lower() for name in reader.fieldnames or []]
        missing = [c for c in RESULT_COLUMNS if c not in header]
        if missing:
            raise ConfigError(f"{path}, line 1: missing column(s) {', '.join(missing)} "
                              f"(the header must name {','.join(RESULT_COLUMNS)})")
        reader.fieldnames = header
        totals: dict[tuple[str, str], tuple[int, int]] = {}
        for row in reader:
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # a blank line
            try:
                model, category, passed, total = _result_row(row)
            except ValueError as e:
                raise ConfigError(f"{path}, line {reader.line_num}: {e}") from None
            seen = totals.get((model, category), (0, 0))
            totals[(model, category)] = (seen[0] + passed, seen[1] + total)
    return totals


# --- the table -----------------------------------------------------------------------


class QualityTable:
    """The shipped prior, overridden cell by cell by the user's own results."""

    def __init__(self, version: str, prior: dict[tuple[str, str], Estimate],
                 results: dict[tuple[str, str], tuple[int, int]] | None = None,
                 judged: dict[tuple[str, str], tuple[int, int]] | None = None) -> None:
        self._version = version
        self._prior = prior
        self._results = dict(results or {})
        self._judged = {k: v for k, v in (judged or {}).items() if v[1] >= MIN_JUDGED}

    @classmethod
    def load(cls, results: Path | None = None,
             judged: dict[tuple[str, str], tuple[int, int]] | None = None) -> QualityTable:
        """The prior (parsed once per process), plus ``results`` when given, plus the answers
        judged in the logs: ``{(canonical model, category): (passed, judged)}``."""
        version, prior = _prior()
        return cls(version, prior, read_results(Path(results)) if results is not None else None, judged)

    @property
    def version(self) -> str:
        """The prior's version, e.g. ``2026-11``."""
        return self._version

    def calibrated(self, model: str, category: str) -> bool:
        """Whether the user's results cover this model (any spelling) and category."""
        return (canonical(model)[1], category) in self._results

    def basis(self, provider: str, model: str, category: str) -> str:
        """What an estimate rests on: ``results`` (the user's A/B file), ``logs`` (the prior
        updated by answers judged in the logs) or ``prior``."""
        key = (canonical(model, provider)[1], category)
        return "results" if key in self._results else "logs" if key in self._judged else "prior"

    def estimate(self, provider: str, model: str, category: str) -> Estimate:
        if category not in CATEGORIES:
            raise ValueError(f"unknown category '{category}'")
        canonical_model = canonical(model, provider)[1]
        result = self._results.get((canonical_model, category))
        if result is not None:
            passed, total = result
            low, high = wilson(passed, total)
            return Estimate(passed / total, low, high, f"your results: {passed}/{total}")
        tier = tier_of(provider, model)
        prior = self._prior[(tier, category)]
        where = f"{tier} tier" if tier_known(provider, model) \
            else f"{tier} tier assumed, model not in {TIERS_FILE.name}"
        shipped = Estimate(prior.pass_rate, prior.low, prior.high, f"prior {self._version}, {where} ({prior.source})")
        judged = self._judged.get((canonical_model, category))
        return with_evidence(shipped, *judged) if judged else shipped

    def frame(self, pairs: list[tuple[str, str]]) -> pl.DataFrame:
        """One row per distinct given ``(provider, model)`` × every category, the provider
        and model exactly as given (for joins)."""
        rows = []
        for provider, model in dict.fromkeys(pairs):
            for category in CATEGORIES:
                e = self.estimate(provider, model, category)
                rows.append((provider, model, category, e.pass_rate, e.low, e.high, e.source,
                             self.basis(provider, model, category) != "prior"))
        return pl.DataFrame(rows, schema=FRAME_SCHEMA, orient="row")
