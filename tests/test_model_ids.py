"""Model ids as logs write them resolve to the catalog's one name per priced model."""

from __future__ import annotations

import pytest

from analyzer.model_ids import canonical


@pytest.mark.parametrize(("raw", "expected"), [
    ("claude-sonnet-4-5-20250929", ("anthropic", "claude-sonnet-4-5")),
    ("us.anthropic.claude-3-5-haiku-20241022-v1:0", ("anthropic", "claude-3-5-haiku-latest")),  # Bedrock geo profile
    ("claude-sonnet-4-5@20250929", ("anthropic", "claude-sonnet-4-5")),  # Vertex
    ("openai/gpt-4o-mini", ("openai", "gpt-4o-mini")),  # a gateway prefix
    # OpenRouter names Claude 4+ version first, dots in the version, optional date or ":thinking"
    ("anthropic/claude-4.5-sonnet-20250929", ("anthropic", "claude-sonnet-4-5")),
    ("anthropic/claude-4.1-opus", ("anthropic", "claude-opus-4-1")),
    ("anthropic/claude-4.5-haiku", ("anthropic", "claude-haiku-4-5")),
    ("anthropic/claude-sonnet-4.5", ("anthropic", "claude-sonnet-4-5")),
    ("anthropic/claude-3.7-sonnet:thinking", ("anthropic", "claude-3-7-sonnet-latest")),  # 3.x stays version first
    ("mistralai/mistral-small", ("mistral", "mistral-small")),
])
def test_canonical_ids(raw: str, expected: tuple[str, str]) -> None:
    assert canonical(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    # Claude 4.5+ through a Bedrock geographic profile or in-region: the catalog's regional model
    ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", ("aws", "regional.anthropic.claude-sonnet-4-5-20250929-v1:0")),
    ("eu.anthropic.claude-haiku-4-5-20251001-v1:0", ("aws", "regional.anthropic.claude-haiku-4-5-20251001-v1:0")),
    ("anthropic.claude-opus-4-5-20251101-v1:0", ("aws", "regional.anthropic.claude-opus-4-5-v1:0")),
    ("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
     ("aws", "regional.anthropic.claude-sonnet-4-5-20250929-v1:0")),
    ("bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0", ("aws", "regional.anthropic.claude-haiku-4-5-20251001-v1:0")),
    # the global profile is billed at the global (first-party) price
    ("global.anthropic.claude-sonnet-4-5-20250929-v1:0", ("anthropic", "claude-sonnet-4-5")),
    # older models cost the same in a region: they stay the Anthropic model
    ("apac.anthropic.claude-3-5-sonnet-20241022-v2:0", ("anthropic", "claude-3-5-sonnet")),
    ("us.anthropic.claude-sonnet-4-20250514-v1:0", ("anthropic", "claude-sonnet-4-0")),
    # Vertex AI: a regional location vs the global endpoint
    ("projects/p1/locations/us-east5/publishers/anthropic/models/claude-sonnet-4-5@20250929",
     ("google", "claude-sonnet-4-5@regional")),
    ("projects/p1/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929",
     ("anthropic", "claude-sonnet-4-5")),
    ("projects/p1/locations/europe-west1/publishers/anthropic/models/claude-3-5-haiku@20241022",
     ("anthropic", "claude-3-5-haiku-latest")),
])
def test_regional_endpoints(raw: str, expected: tuple[str, str]) -> None:
    assert canonical(raw) == expected


def test_vertex_regional_price_is_the_global_price_plus_ten_percent() -> None:
    from datetime import date

    from analyzer.pricing.catalog import unit_prices

    glob = unit_prices("google", "claude-sonnet-4-5", date(2026, 10, 1))
    regional = unit_prices("google", "claude-sonnet-4-5@regional", date(2026, 10, 1))
    assert glob is not None and regional is not None
    # Sonnet 4.5 on Vertex, global endpoint: $3 in / $15 out per million; regional: × 1.1
    assert regional.rates["input"].base == pytest.approx(3 * 1.1)
    assert regional.rates["output"].base == pytest.approx(15 * 1.1)
    assert [a.rule for a in regional.assumptions] == [
        "Vertex AI regional endpoint priced at the global price + Google's published 10 % premium: "
        "the catalog has no regional price"]
