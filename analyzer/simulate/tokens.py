"""How many tokens the same text costs on another model's tokenizer.

Factors are tokens per family relative to OpenAI's o200k encoding, by content kind. A
request moved from family A to family B has its token counts multiplied by
``factor(B) / factor(A)``. Defaults (shared/reference/prices_and_routing.md, Part C.1):

* Anthropic: the same inputs cost Claude ~16 % more tokens than GPT-4o on English prose,
  ~21 % more on math and ~30 % more on Python code (VentureBeat analysis, May 2025, of
  Claude 3.5 Sonnet vs GPT-4o provider token counts).
* Google: no published ratio to o200k was found, so 1.0 (stated as an assumption).
* OpenAI's o200k and cl100k differ by < 1 % (measured with bpe-openai), so 1.0.

Within a family the factor is 1.0. Claude Opus 4.7's newer tokenizer (1.0–1.47× Opus 4.6,
by content) is not in the defaults; a policy can set it per model in ``token_factors``.
The content kind comes from the request's category: code for code and agent work, math
for reasoning and data analysis, prose for the rest.
"""

from __future__ import annotations

import polars as pl

KINDS = ("prose", "code", "math")
DEFAULT_FACTORS: dict[str, dict[str, float]] = {
    "openai": {"prose": 1.0, "code": 1.0, "math": 1.0},
    "anthropic": {"prose": 1.16, "code": 1.30, "math": 1.21},
    "google": {"prose": 1.0, "code": 1.0, "math": 1.0},
}
NEUTRAL: dict[str, float] = {family: 1.0 for family in DEFAULT_FACTORS}  # as token_factors: ignore tokenizers
SOURCES = {
    "anthropic": "Claude 3.5 Sonnet vs GPT-4o token counts (VentureBeat, May 2025)",
    "google": "no published Gemini/o200k ratio; assumed equal",
}
_CODE = ("code_generation", "code_explanation", "agentic", "architecture_review")
_MATH = ("reasoning", "data_analysis")

Factors = dict[str, float | dict[str, float]]


def kind() -> pl.Expr:
    """The content kind of a cell, from its ``category``."""
    c = pl.col("category")
    return pl.when(c.is_in(_CODE)).then(pl.lit("code")).when(c.is_in(_MATH)).then(pl.lit("math")).otherwise(
        pl.lit("prose"))


def factor_of(provider: str, model: str, content: str, overrides: Factors) -> float:
    """Tokens relative to o200k for text of ``content`` kind on this model."""
    for key in (model, f"{provider}/{model}", provider):
        if key in overrides:
            value = overrides[key]
            return value if isinstance(value, float | int) else float(value.get(content, 1.0))
    return DEFAULT_FACTORS.get(provider, {}).get(content, 1.0)


def ratio(source: tuple[str, str], target: tuple[str, str], content: str, overrides: Factors) -> float:
    """Multiplier for token counts moved from ``source`` to ``target`` (provider, model)."""
    return factor_of(*target, content, overrides) / factor_of(*source, content, overrides)
