"""Canonical model ids: one name per priced model, whatever the log called it.

``canonical("us.anthropic.claude-3-5-haiku-20241022-v1:0")`` →
``("anthropic", "claude-3-5-haiku-latest")``. Steps:

1. clean the raw string: gateway prefixes (``openai/``, ``openrouter/anthropic/``),
   Bedrock geo prefixes, ``anthropic.`` vendor parts, ``-v1:0`` suffixes and ARNs, Vertex
   ``publishers/google/models/`` paths and ``@version`` suffixes, ``4.5`` → ``4-5`` in
   Claude names, and OpenRouter's version-first Claude 4+ names (``claude-4.5-sonnet``) in
   Anthropic's order (``claude-sonnet-4-5``);
2. ask genai-prices' bundled catalog, which resolves dated snapshots and aliases to its
   own model id (``gpt-4o-mini-2024-07-18`` → ``gpt-4o-mini``) and names the provider;
3. a model the catalog does not know keeps its cleaned name and its guessed provider.

Claude through a regional endpoint is billed above its global (first-party) price for the
models where the provider says so (Claude 4.5 and later: +10 %):

- Bedrock: a geographic profile (``us.``, ``eu.``, ``apac.``, ``jp.``, …) or an in-region id
  without a profile is the catalog's AWS ``regional.anthropic.*`` model
  (``("aws", "regional.anthropic.claude-sonnet-4-5-20250929-v1:0")``) when that model's price
  is above Anthropic's; a ``global.`` profile, and every model without a premium, keeps the
  Anthropic model as before.
- Vertex AI: a model path naming a region (``projects/P/locations/us-east5/publishers/
  anthropic/models/claude-sonnet-4-5@20250929``) is ``("google", "<catalog id>@regional")``
  for the same models (those whose Bedrock regional price carries the premium: Google
  publishes the same 10 % and the catalog has no regional Vertex price); ``catalog.py``
  prices it as the global price × ``VERTEX_REGIONAL_PREMIUM``. ``locations/global`` keeps the
  Anthropic model.

Resolved once per distinct (provider hint, raw id) and cached.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

_GATEWAY_PREFIXES = {
    "openai": "openai",
    "azure": "azure",
    "anthropic": "anthropic",
    "bedrock": "aws",
    "vertex_ai": "google",
    "gemini": "google",
    "google": "google",
    "openrouter": None,
    "litellm_proxy": None,
    "mistral": "mistral",
    "groq": "groq",
    "deepseek": "deepseek",
    "x-ai": "x-ai",
    "xai": "x-ai",
    "meta-llama": None,
    "mistralai": "mistral",
    "z-ai": "zai",
    "moonshotai": "moonshotai",
    "cohere": "cohere",
    "perplexity": "perplexity",
    "minimax": "minimax",
    "qwen": None,
    "together_ai": "together",
    "fireworks_ai": "fireworks",
}
_BEDROCK_VENDORS = {"anthropic": "anthropic", "amazon": "aws", "meta": "aws", "mistral": "aws",
                    "cohere": "aws", "ai21": "aws", "deepseek": "aws", "openai": "aws"}
_GEO = re.compile(r"^(us|eu|apac|global|us-gov|ca|jp|au)\.")
_BEDROCK_VERSION = re.compile(r"-v\d+(:\d+)?$")
_CLAUDE_DOT = re.compile(r"^(claude-[a-z]+-\d+)\.(\d+)")
# OpenRouter names Claude 4+ version first ("claude-4.5-sonnet"); Anthropic family first
_CLAUDE_VERSION_FIRST = re.compile(r"^claude-([4-9])(?:[.-](\d))?-(opus|sonnet|haiku)")


_VERTEX_REGION = re.compile(r"/locations/([a-z0-9-]+)/publishers/anthropic/")
REGIONAL = "@regional"  # a Vertex AI model id through a regional endpoint


def _guess_provider(model: str) -> str | None:
    if model.startswith(("gpt-", "o1", "o3", "o4", "chatgpt", "text-embedding", "ft:gpt", "davinci",
                         "babbage", "whisper", "tts-", "codex")):
        return "openai"
    if model.startswith("claude"):
        return "anthropic"
    if model.startswith(("gemini", "gemma")):
        return "google"
    return None


def clean(raw: str, provider_hint: str | None = None) -> tuple[str, str | None]:
    """Strip transport decoration from a model id; returns ``(model, provider_hint)``."""
    m = raw.strip()
    if m.startswith("arn:"):
        m = m.rsplit("/", 1)[-1]
        provider_hint = provider_hint or "aws"
    if m.startswith("publishers/") or m.startswith("projects/"):
        m = m.rsplit("/", 1)[-1]
        provider_hint = provider_hint or "google"
    m = m.replace("models/", "", 1) if m.startswith("models/") else m
    while "/" in m:
        head, rest = m.split("/", 1)
        hint = _GATEWAY_PREFIXES.get(head.lower(), "unknown-prefix")
        if hint == "unknown-prefix":
            break
        provider_hint = hint or provider_hint
        m = rest
    geo = _GEO.sub("", m)
    vendor, dot, rest = geo.partition(".")
    if dot and vendor in _BEDROCK_VENDORS and rest:
        m = _BEDROCK_VERSION.sub("", rest)
        if vendor == "anthropic":
            provider_hint = "anthropic"
        else:
            provider_hint = provider_hint or "aws"
    if "@" in m:  # Vertex: claude-sonnet-4-5@20250929
        base, _, version = m.partition("@")
        m = f"{base}-{version}" if version.isdigit() else base
    m = _CLAUDE_VERSION_FIRST.sub(lambda g: f"claude-{g[3]}-{g[1]}" + (f"-{g[2]}" if g[2] else ""), m.lower())
    m = _CLAUDE_DOT.sub(r"\1-\2", m)
    return m, provider_hint


@lru_cache(maxsize=65536)
def canonical(raw: str | None, provider_hint: str | None = None) -> tuple[str, str]:
    """``(provider, model)`` for a raw model id as logged."""
    if raw is None or not raw.strip():
        return (provider_hint or "unknown", "unknown")
    model, hint = clean(raw, provider_hint.lower() if provider_hint else None)
    if hint in ("aws", "azure") and _guess_provider(model) is not None:
        hint = _guess_provider(model)  # priced by the model's maker's list price
    guess = _guess_provider(model) or hint
    attempts = [(model, p) for p in dict.fromkeys([guess, hint, None])]
    # Bedrock-only models (Llama, Nova, Mistral on Bedrock) are priced under their full
    # Bedrock id: try it with and without the geo prefix.
    bedrock_id = raw.strip().rsplit("/", 1)[-1]
    if "." in bedrock_id:
        attempts += [(bedrock_id, "aws"), (_GEO.sub("", bedrock_id), "aws")]
    for ref, provider_id in attempts:
        found = _find(ref, provider_id)
        if found is None:
            continue
        provider, info = found
        if provider.id == "anthropic":
            return _regional(raw, model, info) or (provider.id, info.id)
        return provider.id, info.id
    return (guess or "unknown", model)


def _find(ref: str, provider_id: str | None) -> tuple[Any, Any] | None:
    """genai-prices' ``(provider, model)`` for a model reference, else None."""
    from genai_prices.data_snapshot import get_snapshot

    try:
        return get_snapshot().find_provider_model(ref, None, provider_id, None)
    except LookupError:
        return None


def _regional(raw: str, model: str, first_party: Any) -> tuple[str, str] | None:
    """The regional-endpoint model a Claude id names, when it is billed above ``first_party``
    (see the module docstring); None for the global price."""
    bedrock_id = raw.strip().rsplit("/", 1)[-1]
    vertex = _VERTEX_REGION.search(raw)
    profile = _GEO.match(bedrock_id)
    if vertex is None and not bedrock_id.startswith("anthropic.") and profile is None:
        return None  # neither Bedrock nor a Vertex model path
    if (vertex is not None and vertex[1] == "global") or (profile is not None and profile[1] == "global"):
        return None
    found = _find(bedrock_id if vertex is None else model, "aws")
    regional = found[1] if found else None
    if regional is None or not regional.id.startswith("regional.") or not (
            _input_price(regional) > _input_price(first_party)):
        return None
    if vertex is None:
        return "aws", regional.id
    google = _find(first_party.id, "google")
    return ("google", google[1].id + REGIONAL) if google else None


def _input_price(info: Any) -> float:
    """A catalog model's input price today (the base of a tiered price)."""
    price = info.get_prices(datetime.now(timezone.utc)).input_mtok
    return float(getattr(price, "base", price) or 0)
