"""Quality table: the shipped prior's shape, tier patterns, family models, user results."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from analyzer.classify.taxonomy import CATEGORIES, TIERS as CATEGORY_TIERS
from analyzer.errors import ConfigError
from analyzer.pricing import catalog
from analyzer.simulate import quality
from analyzer.simulate.quality import TIERS, QualityTable, family_models, tier_known, tier_of

COMPLEX = [c for c, t in CATEGORY_TIERS.items() if t == "complex"]
SIMPLE = [c for c, t in CATEGORY_TIERS.items() if t == "simple"]


def prior_rows() -> list[dict[str, str]]:
    with quality.PRIOR_FILE.open(newline="") as f:
        return list(csv.DictReader(f))


def results_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "results.csv"
    path.write_text(text)
    return path


# --- the prior -----------------------------------------------------------------------


def test_prior_has_one_row_per_tier_and_category() -> None:
    rows = prior_rows()
    assert list(rows[0]) == ["version", "tier", "category", "pass_rate", "low", "high", "source"]
    keys = [(r["tier"], r["category"]) for r in rows]
    assert len(keys) == len(set(keys)) == 78
    assert set(keys) == {(t, c) for t in TIERS for c in CATEGORIES}
    assert {r["version"] for r in rows} == {QualityTable.load().version}


def test_prior_intervals_are_ordered_and_within_0_1() -> None:
    for r in prior_rows():
        low, p, high = float(r["low"]), float(r["pass_rate"]), float(r["high"])
        assert 0 <= low <= p <= high <= 1, r
        assert r["source"].strip(), r


def test_prior_tiers_are_ordered_and_complex_gaps_are_larger() -> None:
    table = QualityTable.load()
    models = family_models("openai")
    assert models is not None
    gap = {}
    for category in CATEGORIES:
        b, m, f = (table.estimate("openai", models[t], category).pass_rate for t in TIERS)
        assert b <= m <= f, category
        gap[category] = f - b
    assert min(gap[c] for c in COMPLEX) > max(gap[c] for c in SIMPLE)


def test_prior_estimate_says_where_it_came_from() -> None:
    e = QualityTable.load().estimate("anthropic", "claude-haiku-4-5", "sentiment_analysis")
    assert e.source.startswith("prior 2026-11, budget tier (judgement:")


def test_loading_the_prior_is_parsed_once() -> None:
    QualityTable.load()
    hits = quality._prior.cache_info().hits
    QualityTable.load()
    assert quality._prior.cache_info().hits == hits + 1


# --- tiers and families --------------------------------------------------------------


@pytest.mark.parametrize(("provider", "model", "tier"), [
    ("anthropic", "claude-haiku-4-5", "budget"),
    ("anthropic", "claude-3-5-haiku-20241022", "budget"),   # dated id, normalised
    ("aws", "us.anthropic.claude-3-5-haiku-20241022-v1:0", "budget"),
    ("anthropic", "claude-sonnet-4-5-20250929", "mid"),
    ("anthropic", "claude-opus-4-7", "flagship"),
    ("openai", "gpt-4o-mini-2024-07-18", "budget"),
    ("openai", "gpt-4.1-nano", "budget"),
    ("openai", "gpt-5-nano", "budget"),
    ("openai", "gpt-5-mini", "mid"),                        # GPT-5-generation mini: reasoning model
    ("openai", "o4-mini", "mid"),
    ("openai", "gpt-4o", "mid"),
    ("openai", "gpt-4.1", "mid"),
    ("openai", "gpt-5", "flagship"),
    ("openai", "gpt-5.1", "flagship"),
    ("openai", "o3", "flagship"),
    ("google", "gemini-2.5-flash-lite", "budget"),
    ("google", "gemini-2.0-flash", "budget"),
    ("google", "gemini-2.5-flash", "mid"),
    ("google", "gemini-2.5-pro", "flagship"),
    ("google", "gemini-3-pro-preview", "flagship"),
    ("deepseek", "deepseek-chat", "mid"),
    ("mistral", "mistral-large-latest", "flagship"),
])
def test_tier_of(provider: str, model: str, tier: str) -> None:
    assert tier_of(provider, model) == tier
    assert tier_known(provider, model)


def test_unknown_model_is_mid_and_flagged() -> None:
    assert tier_of("acme", "acme-supermodel-9") == "mid"
    assert not tier_known("acme", "acme-supermodel-9")
    e = QualityTable.load().estimate("acme", "acme-supermodel-9", "chat")
    assert "mid tier assumed" in e.source


@pytest.mark.parametrize("provider", ["anthropic", "openai", "google"])
def test_family_models_are_priced_and_in_their_own_tier(provider: str) -> None:
    models = family_models(provider)
    assert models is not None and list(models) == list(TIERS)
    prices = []
    for tier, model in models.items():
        unit = catalog.unit_prices(provider, model, date(2026, 10, 1))
        assert unit is not None, model
        assert tier_of(provider, model) == tier
        prices.append(unit.rates["input"].base + unit.rates["output"].base)
    assert prices == sorted(prices)  # moving down a tier always saves


def test_family_models_unknown_provider() -> None:
    assert family_models("acme") is None


# --- your results --------------------------------------------------------------------


def test_results_override_only_their_own_cell(tmp_path: Path) -> None:
    path = results_file(tmp_path,
                        "category,model,passed,total\nsummarization,claude-haiku-4-5,45,50\n")
    prior, table = QualityTable.load(), QualityTable.load(path)
    e = table.estimate("anthropic", "claude-haiku-4-5", "summarization")
    assert (e.pass_rate, e.source) == (0.9, "your results: 45/50")
    assert table.calibrated("claude-haiku-4-5-20251001", "summarization")
    assert not table.calibrated("claude-haiku-4-5", "chat")
    for provider, model, category in [("anthropic", "claude-haiku-4-5", "chat"),
                                      ("anthropic", "claude-3-5-haiku-latest", "summarization"),
                                      ("openai", "gpt-5-nano", "summarization")]:
        expected = prior.estimate(provider, model, category)
        assert table.estimate(provider, model, category) == expected


def test_results_add_up_across_spellings_with_a_wilson_interval(tmp_path: Path) -> None:
    path = results_file(tmp_path, "category,model,passed,total\n"
                                  "code_generation,gpt-4o-2024-08-06,90,100\n"
                                  "\n"
                                  "code_generation,openai/gpt-4o,92,100\n")
    e = QualityTable.load(path).estimate("openai", "gpt-4o", "code_generation")
    # 182/200: p = 0.91, n = 200, z = 1.96 (z² = 3.8415)
    #   denominator = 1 + z²/n             = 1 + 0.019207           = 1.019207
    #   centre      = (p + z²/2n) / denom  = (0.91 + 0.009604) / 1.019207 = 0.902273
    #   half        = z/denom · √(p(1−p)/n + z²/4n²)
    #               = 1.96/1.019207 · √(0.0004095 + 0.0000240) = 1.923064 · 0.020821 = 0.040039
    #   interval    = 0.902273 ± 0.040039  = [0.862234, 0.942312]
    assert e.pass_rate == pytest.approx(0.91)
    assert e.low == pytest.approx(0.862234, abs=2e-6)
    assert e.high == pytest.approx(0.942312, abs=2e-6)
    assert e.source == "your results: 182/200"


def test_wilson_stays_within_0_1() -> None:
    low, high = quality.wilson(0, 10)
    assert low == 0 and 0 < high < 0.3
    low, high = quality.wilson(10, 10)
    assert 0.7 < low and high <= 1


@pytest.mark.parametrize(("body", "line", "reason"), [
    ("summarization,gpt-4o,9,10\nfortune_telling,gpt-4o,9,10\n", 3,
     "unknown category 'fortune_telling'"),
    ("summarization,gpt-4o,11,10\n", 2, "passed must be between 0 and total (10), got 11"),
    ("summarization,gpt-4o,-1,10\n", 2, "passed must be between 0 and total"),
    ("summarization,gpt-4o,9.5,10\n", 2, "passed must be a whole number, got '9.5'"),
    ("summarization,gpt-4o,9,ten\n", 2, "total must be a whole number, got 'ten'"),
    ("summarization,gpt-4o,0,0\n", 2, "total must be more than 0"),
    ("summarization,,1,2\n", 2, "model is empty"),
    ("summarization,gpt-4o,9\n", 2, "total must be a whole number, got ''"),
])
def test_bad_result_rows_name_file_and_line(
    tmp_path: Path, body: str, line: int, reason: str
) -> None:
    path = results_file(tmp_path, "category,model,passed,total\n" + body)
    with pytest.raises(ConfigError) as e:
        QualityTable.load(path)
    assert str(e.value).startswith(f"{path}, line {line}: {reason}")


def test_missing_column_names_file_and_header_line(tmp_path: Path) -> None:
    path = results_file(tmp_path, "category,model,passed\nsummarization,gpt-4o,9\n")
    with pytest.raises(ConfigError, match=r"results\.csv, line 1: missing column\(s\) total"):
        QualityTable.load(path)


def test_unreadable_results_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        QualityTable.load(tmp_path / "absent.csv")


# --- frame ---------------------------------------------------------------------------


def test_frame_covers_every_pair_and_category(tmp_path: Path) -> None:
    path = results_file(tmp_path, "category,model,passed,total\nchat,gpt-4o-mini,19,20\n")
    pairs = [("openai", "gpt-4o-mini-2024-07-18"), ("anthropic", "claude-opus-4-7"),
             ("openai", "gpt-4o-mini-2024-07-18")]  # a repeated pair gives no duplicate rows
    frame = QualityTable.load(path).frame(pairs)
    assert frame.columns == ["provider", "model", "category", "quality", "quality_low",
                             "quality_high", "quality_source", "evidenced"]
    assert frame.height == 2 * len(CATEGORIES)
    assert frame.select("provider", "model", "category").is_unique().all()
    # models as given (not normalised), so the frame joins on the caller's own ids
    assert set(frame["model"]) == {"gpt-4o-mini-2024-07-18", "claude-opus-4-7"}
    chat = frame.filter((pl.col("model") == "gpt-4o-mini-2024-07-18")
                        & (pl.col("category") == "chat"))
    assert chat["quality"].item() == pytest.approx(0.95)
    assert chat["quality_source"].item() == "your results: 19/20"
    assert chat["evidenced"].item() is True
    assert QualityTable.load().frame([]).shape == (0, 8)


# --- evidence from the logs (beta-binomial) -------------------------------------------

JUDGEMENT = quality.Estimate(0.80, 0.65, 0.95, "prior: judgement")


def test_a_judgement_prior_weighs_a_few_dozen_requests() -> None:
    # sigma = 0.30 / (2 x 1.96) = 0.07653; k = 0.8 x 0.2 / 0.07653^2 - 1 = 0.16 / 0.005857 - 1 = 26.32
    assert quality.prior_weight(JUDGEMENT) == pytest.approx(26.317, abs=1e-3)
    narrow = quality.Estimate(0.5, 0.4999, 0.5001, "prior")
    assert quality.prior_weight(narrow) == quality.MAX_PRIOR_WEIGHT  # capped: evidence still counts


def test_evidence_moves_the_prior_by_its_weight() -> None:
    # 90 of 100 observed requests passed: (0.8 x 26.317 + 90) / (26.317 + 100) = 111.05 / 126.32 = 0.8792
    updated = quality.with_evidence(JUDGEMENT, passed=90, total=100)
    assert updated.pass_rate == pytest.approx(0.87917, abs=1e-5)
    # half width 1.96 x sqrt(0.8792 x 0.1208 / 127.32) = 0.0566
    assert (updated.low, updated.high) == pytest.approx((0.87917 - 0.05662, 0.87917 + 0.05662), abs=1e-4)
    assert "90 of 100 judged answers passed" in updated.source and updated.source.startswith("prior: judgement")
    # 0 of 10: (0.8 x 26.317 + 0) / 36.317 = 0.5797, still held up by the prior
    assert quality.with_evidence(JUDGEMENT, 0, 10).pass_rate == pytest.approx(0.57972, abs=1e-5)


def test_no_evidence_leaves_the_prior_and_much_evidence_outweighs_it() -> None:
    assert quality.with_evidence(JUDGEMENT, 0, 0) is JUDGEMENT
    many = quality.with_evidence(JUDGEMENT, passed=50_000, total=100_000)
    assert many.pass_rate == pytest.approx(0.5, abs=0.001)
    assert many.high - many.low < 0.01


def test_answers_judged_in_the_logs_update_the_prior_unless_your_results_cover_it(tmp_path: Path) -> None:
    path = results_file(tmp_path, "category,model,passed,total\nchat,gpt-4o-mini,19,20\n")
    judged = {("gpt-4o-mini", "chat"): (5, 40), ("gpt-4o-mini", "translation"): (27, 30),
              ("gpt-4o-mini", "entity_extraction"): (0, 29)}  # under MIN_JUDGED: the prior stands
    table = QualityTable.load(path, judged=judged)
    prior = QualityTable.load().estimate("openai", "gpt-4o-mini", "translation")
    logs = table.estimate("openai", "gpt-4o-mini", "translation")
    assert logs.pass_rate == quality.with_evidence(prior, 27, 30).pass_rate
    assert "updated by the logs: 27 of 30 judged answers passed" in logs.source
    assert table.estimate("openai", "gpt-4o-mini", "chat").source == "your results: 19/20"  # yours win
    assert table.estimate("openai", "gpt-4o-mini", "entity_extraction") == QualityTable.load().estimate(
        "openai", "gpt-4o-mini", "entity_extraction")
    assert [table.basis("openai", "gpt-4o-mini-2024-07-18", c) for c in ("chat", "translation", "entity_extraction")] \
        == ["results", "logs", "prior"]
