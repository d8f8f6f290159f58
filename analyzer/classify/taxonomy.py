"""The task categories (shared/design/TAXONOMY.md): id → default routing tier.

The first 17 seed categories of a common routing guide keep their ids, so a routing map
written against that guide loads unchanged.
"""

from __future__ import annotations

TIERS: dict[str, str] = {
    "classification": "simple",
    "sentiment_analysis": "simple",
    "spam_detection": "simple",
    "language_detection": "simple",
    "pii_detection": "simple",
    "entity_extraction": "simple",
    "keyword_extraction": "simple",
    "format_conversion": "simple",
    "translation": "simple",
    "simple_qa": "simple",
    "summarization": "moderate",
    "email_drafting": "moderate",
    "content_editing": "moderate",
    "code_explanation": "moderate",
    "data_analysis": "moderate",
    "brainstorming": "moderate",
    "open_qa": "moderate",
    "code_generation": "complex",
    "reasoning": "complex",
    "research_synthesis": "complex",
    "legal_analysis": "complex",
    "architecture_review": "complex",
    "creative_writing": "complex",
    "chat": "moderate",
    "agentic": "complex",
    "other": "moderate",
}

CATEGORIES: tuple[str, ...] = tuple(TIERS)
SOURCES = ("metadata", "rule", "model", "shape", "relabel")
