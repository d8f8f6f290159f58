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
