"""Which rows a flat-fee plan covers, filter by filter, and what covered traffic is worth.

``test_plans.py`` holds the fee arithmetic and one provider-wide plan; these pin each filter
of ``Plan.matches`` on its own and together (all must match), the inclusive ``start`` /
``end`` days, the days a plan runs outside the period (none), and covered rows without a
price (worth $0 at API prices, never a guess). Found by a mutation run (mutmut 2 over
analyzer/pricing/plans.py): each test fails on a changed filter.
"""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from analyzer import aggregate
from analyzer.pricing.plans import Plan, covering

from .rows import frame, row


def covered_by(plans: tuple[Plan, ...], *rows: dict[str, object], source: str = "test") -> list[str | None]:
    """The name of the plan covering each row (None: no plan), in order."""
    rows_frame = frame(*rows).with_columns(pl.lit(source).alias("source_format"))
    return rows_frame.select(covering(plans).alias("plan")).collect()["plan"].to_list()


def test_provider_and_models_must_both_match() -> None:
    plan = Plan("Max", 100.0, provider="anthropic", models=("claude-haiku-4-5",))
    assert covered_by(
        (plan,),
        row(provider="anthropic", model="claude-haiku-4-5"),
        row(provider="google", model="claude-haiku-4-5"),  # the same model through Vertex: not this plan
        row(provider="anthropic", model="claude-sonnet-4-5"),  # the provider, another model
    ) == ["Max", None, None]


def test_a_provider_is_matched_in_lower_case() -> None:
    assert covered_by((Plan("Max", 100.0, provider="Anthropic"),),
                      row(provider="anthropic", model="claude-haiku-4-5")) == ["Max"]


def test_source_filter_covers_only_that_source_format() -> None:
    plan = Plan("Codex seats", 100.0, provider="openai", source="codex_cli")
    assert covered_by((plan,), row(provider="openai"), source="codex_cli") == ["Codex seats"]
    assert covered_by((plan,), row(provider="openai"), source="openai_chat") == [None]
    # the source, another provider: not this plan (every filter must match)
    assert covered_by((plan,), row(provider="anthropic", model="claude-haiku-4-5"), source="codex_cli") == [None]
    # the source alone, with no provider: every provider's rows of that source, none other
    alone = Plan("Claude Code", 100.0, source="claude_code")
    assert covered_by((alone,), row(provider="anthropic", model="claude-haiku-4-5"),
                      source="claude_code") == ["Claude Code"]
    assert covered_by((alone,), row(provider="anthropic", model="claude-haiku-4-5"), source="test") == [None]


def test_start_and_end_days_are_inclusive() -> None:
    plan = Plan("October", 310.0, provider="openai", start=date(2026, 10, 5), end=date(2026, 10, 7))
    days = ["2026-10-04T23:59:59Z", "2026-10-05T00:00:00Z", "2026-10-06T12:00:00Z",
            "2026-10-07T23:59:59Z", "2026-10-08T00:00:00Z"]
    assert covered_by((plan,), *(row(timestamp=t) for t in days)) == [None, "October", "October", "October", None]
    # within the dates, another provider: not this plan (the dates add to the other filters)
    assert covered_by((plan,), row(provider="anthropic", model="claude-haiku-4-5",
                                   timestamp="2026-10-06T12:00:00Z")) == [None]
    with_source = Plan("Codex October", 310.0, source="codex_cli", start=date(2026, 10, 5))
    assert covered_by((with_source,), row(timestamp="2026-10-06T12:00:00Z"), source="openai_chat") == [None]


def test_start_alone_and_end_alone_bound_one_side() -> None:
    since = Plan("since", 1.0, provider="openai", start=date(2026, 10, 5))
    until = Plan("until", 1.0, provider="openai", end=date(2026, 10, 5))
    rows = (row(timestamp="2026-10-04T12:00:00Z"), row(timestamp="2026-10-05T12:00:00Z"),
            row(timestamp="2026-10-06T12:00:00Z"))
    assert covered_by((since,), *rows) == [None, "since", "since"]
    assert covered_by((until,), *rows) == ["until", "until", None]


def test_the_first_matching_plan_covers_a_row() -> None:
    wide = Plan("wide", 1.0, provider="openai")
    narrow = Plan("narrow", 1.0, provider="openai", models=("gpt-4o-mini",))
    assert covered_by((narrow, wide), row(), row(model="gpt-4o")) == ["narrow", "wide"]
    assert covered_by((wide, narrow), row(), row(model="gpt-4o")) == ["wide", "wide"]


def test_a_plan_outside_the_period_runs_no_days_and_costs_nothing() -> None:
    plan = Plan("trial", 310.0, provider="openai", start=date(2026, 9, 1), end=date(2026, 9, 30))
    assert plan.days(date(2026, 10, 1), date(2026, 10, 31)) == 0
    assert plan.cost(date(2026, 10, 1), date(2026, 10, 31)) == 0.0
    # one day of overlap: 1 day of September's 30 at $310 a month = $10.33
    assert plan.days(date(2026, 9, 30), date(2026, 10, 31)) == 1
    assert plan.cost(date(2026, 9, 30), date(2026, 10, 31)) == pytest.approx(310 / 30)


def test_covered_rows_without_a_price_are_worth_nothing_at_api_prices() -> None:
    traffic = frame(
        # gpt-4o-mini $0.15 / $0.60 per million: 1M in × $0.15/M + 100k out × $0.60/M = $0.21
        row(provider="openai", model="gpt-4o-mini", timestamp="2026-10-01", input=1_000_000, output=100_000),
        row(provider="openai", model="acme-secret-llm", timestamp="2026-10-01", input=1_000, output=100),
    )
    report = aggregate.spend_report(traffic, plans=(Plan("seats", 31.0, provider="openai"),))
    (plan,) = report["plans"]
    assert plan["requests"] == 2
    assert plan["list_value_usd"] == pytest.approx(0.21, rel=1e-12)  # the unpriced row adds $0, not a guess
    # one day of October: $31 / 31 = $1; paid: the plan's $1, nothing at API prices
    assert plan["plan_cost_usd"] == pytest.approx(1.0)
    assert report["totals"]["cost_with_plans_usd"] == pytest.approx(1.0)
