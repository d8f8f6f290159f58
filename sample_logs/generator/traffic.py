"""Northwind Labs' traffic mix: which formats carry how much of the week, the 26 categories,
the model mixes, the people and services that call the APIs, and the Entry table of
workloads (product, feature, category, weight, models) each format draws its requests from."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from .content.words import FIRST, LAST


#: Share of requests per format (percent). Renormalized over the selected formats.
FORMAT_SHARES: dict[str, float] = {
    "openai_chat": 35,
    "openai_batch": 8,
    "anthropic_messages": 22,
    "litellm": 15,
    "langfuse": 8,
    "claude_code": 12,
}
FORMATS: tuple[str, ...] = tuple(FORMAT_SHARES)

#: The 26 category ids of shared/design/TAXONOMY.md, in its order.
CATEGORIES: tuple[str, ...] = (
    "classification",
    "sentiment_analysis",
    "spam_detection",
    "language_detection",
    "pii_detection",
    "entity_extraction",
    "keyword_extraction",
    "format_conversion",
    "translation",
    "simple_qa",
    "summarization",
    "email_drafting",
    "content_editing",
    "code_explanation",
    "data_analysis",
    "brainstorming",
    "open_qa",
    "code_generation",
    "reasoning",
    "research_synthesis",
    "legal_analysis",
    "architecture_review",
    "creative_writing",
    "chat",
    "agentic",
    "other",
)

MODEL_MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "oa_mini": (("gpt-4o-mini", 6), ("gpt-4.1-mini", 3), ("gpt-5-mini", 1)),
    "oa_over": (("gpt-4o", 5), ("gpt-4o-mini", 4), ("gpt-4.1-mini", 1)),  # simple work on a big model
    "oa_big": (("gpt-4o", 6), ("gpt-4.1-mini", 2), ("gpt-5-mini", 2)),
    "oa_reason": (("o4-mini", 6), ("gpt-5-mini", 4)),
    "oa_code": (("gpt-4.1-mini", 4), ("gpt-4o", 3), ("o4-mini", 2), ("gpt-5-mini", 1)),
    "oa_batch": (("gpt-4o-mini", 7), ("gpt-4.1-mini", 2), ("gpt-4o", 1)),
    "an_haiku": (("claude-haiku-4-5", 1),),
    "an_sonnet": (("claude-sonnet-4-5-20250929", 1),),
    "an_opus": (("claude-opus-4-7", 1),),
    "an_mix": (("claude-sonnet-4-5-20250929", 7), ("claude-haiku-4-5", 2), ("claude-opus-4-7", 1)),
    "an_legal": (("claude-opus-4-7", 4), ("claude-sonnet-4-5-20250929", 6)),
    "gw_fast": (("gpt-4o-mini", 5), ("claude-haiku-4-5", 3), ("gpt-5-mini", 2)),
    "gw_smart": (("gpt-4o", 4), ("claude-sonnet-4-5-20250929", 5), ("claude-opus-4-7", 1)),
    "gw_reason": (("o4-mini", 5), ("claude-sonnet-4-5-20250929", 3), ("gpt-5-mini", 2)),
    "lf_mix": (("gpt-4o-mini", 4), ("gpt-4.1-mini", 2), ("claude-sonnet-4-5-20250929", 2), ("claude-haiku-4-5", 1), ("gpt-4o", 1)),
    "lf_legal": (("claude-sonnet-4-5-20250929", 4), ("gpt-4o", 3), ("claude-opus-4-7", 2), ("gpt-5-mini", 1)),
}

#: Accounts that call the APIs. Employees are "first.last"; services are "svc-<name>".
EMPLOYEES = tuple(f"{FIRST[i].lower()}.{LAST[(i * 7) % len(LAST)].lower().replace(chr(39), '')}" for i in range(len(FIRST)))
PRODUCT_USERS: dict[str, tuple[str, ...]] = {
    "helpdesk": ("svc-helpdesk", "svc-helpdesk", "svc-helpdesk") + EMPLOYEES[0:8],
    "datahub": ("svc-datahub-etl", "svc-datahub-etl") + EMPLOYEES[8:14],
    "devtools": ("svc-review-bot",) + EMPLOYEES[14:24],
    "studio": EMPLOYEES[24:30],
    "askme": EMPLOYEES,
    "clausecheck": ("svc-clausecheck",) + EMPLOYEES[30:34],
    "opsagent": ("svc-opsagent",),
}
#: Products that tag some of their calls with the task they perform (caller label).
TASK_LABEL_PRODUCT = "datahub"
TASK_LABEL_SHARE = 0.10


class Entry:
    """One workload: a product feature doing one kind of task on some models."""

    __slots__ = ("product", "feature", "category", "weight", "mix", "models", "api_share", "sys_extra", "cache_ttl",
                 "doc_cache")

    def __init__(self, product: str, feature: str, category: str, weight: float, models: str,
                 api_share: float = 1.0, sys_extra: int = 0, cache_ttl: str = "5m", doc_cache: float = 0.0) -> None:
        self.product, self.feature, self.category, self.weight = product, feature, category, weight
        self.mix = models
        self.models = MODEL_MIXES[models]
        self.api_share, self.sys_extra, self.cache_ttl = api_share, sys_extra, cache_ttl
        #: share of the new input that is a long document re-sent across calls (cacheable on Anthropic)
        self.doc_cache = doc_cache


E = Entry
MIXES: dict[str, list[Entry]] = {
    "openai_chat": [
        E("helpdesk", "ticket-triage", "classification", 9, "oa_over", 1.0, 1300),
        E("helpdesk", "sentiment", "sentiment_analysis", 5, "oa_mini", 0.95, 200),
        E("helpdesk", "spam-filter", "spam_detection", 3, "oa_mini", 0.95, 300),
        E("helpdesk", "lang-detect", "language_detection", 2, "oa_over", 1.0),
        E("helpdesk", "pii-scrub", "pii_detection", 3, "oa_mini", 0.9, 400),
        E("helpdesk", "reply-draft", "email_drafting", 5, "oa_big", 0.85, 1800),
        E("helpdesk", "ticket-summary", "summarization", 3, "oa_mini", 0.9, 200),
        E("helpdesk", "faq-bot", "simple_qa", 5, "oa_mini", 0.7, 2400),
        E("helpdesk", "translate", "translation", 2, "oa_over", 0.8, 300),
        E("datahub", "extract", "entity_extraction", 6, "oa_mini", 0.95, 900),
        E("datahub", "convert", "format_conversion", 3, "oa_mini", 0.85),
        E("datahub", "sql-gen", "code_generation", 3, "oa_code", 0.8, 1600),
        E("datahub", "insights", "data_analysis", 3, "oa_big", 0.7, 500),
        E("datahub", "tagging", "keyword_extraction", 2, "oa_mini", 0.9),
        E("askme", "chat", "chat", 3, "oa_big", 0.0, 600),
        E("askme", "ask", "open_qa", 4, "oa_big", 0.2, 600),
        E("askme", "ask", "reasoning", 1.5, "oa_reason", 0.3),
        E("askme", "ask", "simple_qa", 1.5, "oa_mini", 0.2),
        E("askme", "ask", "other", 1.5, "oa_big", 0.2),
        E("askme", "ask", "brainstorming", 1, "oa_big", 0.2),
        E("askme", "research", "research_synthesis", 0.5, "oa_big", 0.6, 300),
        E("studio", "copy", "creative_writing", 1, "oa_big", 0.6, 900),
        E("studio", "edit", "content_editing", 2, "oa_big", 0.7, 900),
        E("studio", "ideas", "brainstorming", 1, "oa_big", 0.6, 900),
        E("studio", "seo", "keyword_extraction", 1, "oa_mini", 0.9, 400),
        E("devtools", "review-bot", "code_explanation", 3, "oa_code", 0.8, 1400),
        E("devtools", "review-bot", "code_generation", 3, "oa_code", 0.6, 1400),
        E("devtools", "design-review", "architecture_review", 1, "oa_reason", 0.7, 1200),
        E("opsagent", "agent", "agentic", 5, "oa_big", 1.0, 2200),
        E("clausecheck", "review", "legal_analysis", 1, "oa_big", 0.8, 4800),
        E("clausecheck", "redact", "pii_detection", 0.5, "oa_over", 1.0, 400),
    ],
    "openai_batch": [
        E("datahub", "nightly-extract", "entity_extraction", 30, "oa_batch", 1.0, 900),
        E("datahub", "nightly-convert", "format_conversion", 15, "oa_batch", 1.0),
        E("datahub", "nightly-tagging", "keyword_extraction", 10, "oa_batch", 1.0),
        E("datahub", "nightly-docclass", "classification", 15, "oa_batch", 1.0, 600),
        E("datahub", "nightly-digest", "summarization", 12, "oa_batch", 1.0),
        E("helpdesk", "nightly-summaries", "summarization", 10, "oa_batch", 1.0, 200),
        E("helpdesk", "sentiment-backfill", "sentiment_analysis", 5, "oa_batch", 1.0),
        E("helpdesk", "kb-translate", "translation", 5, "oa_batch", 1.0, 300),
        E("helpdesk", "lang-backfill", "language_detection", 3, "oa_batch", 1.0),
    ],
    "anthropic_messages": [
        E("studio", "copy", "creative_writing", 10, "an_mix", 0.7, 2600),
        E("studio", "edit", "content_editing", 8, "an_sonnet", 0.8, 2600),
        E("studio", "ideas", "brainstorming", 5, "an_sonnet", 0.6, 2600),
        E("studio", "localize", "translation", 5, "an_sonnet", 0.9, 2600),
        E("studio", "outreach", "email_drafting", 4, "an_sonnet", 0.7, 2600),
        E("clausecheck", "review", "legal_analysis", 12, "an_legal", 0.85, 6200, "1h", 0.8),
        E("clausecheck", "digest", "summarization", 6, "an_sonnet", 0.9, 3000, "1h", 0.6),
        E("clausecheck", "redact", "pii_detection", 4, "an_opus", 1.0, 1400),
        E("clausecheck", "extract", "entity_extraction", 3, "an_haiku", 1.0, 4400),
        E("opsagent", "agent", "agentic", 14, "an_sonnet", 1.0, 3000, "1h"),
        E("devtools", "design-review", "architecture_review", 4, "an_opus", 0.7, 2400),
        E("devtools", "explain", "code_explanation", 4, "an_sonnet", 0.5, 1200),
        E("devtools", "codegen", "code_generation", 5, "an_sonnet", 0.5, 2200),
        E("askme", "chat", "chat", 6, "an_mix", 0.0, 1200),
        E("askme", "ask", "reasoning", 3, "an_sonnet", 0.3, 1200),
        E("askme", "research", "research_synthesis", 4, "an_opus", 0.6, 1500, "5m", 0.5),
        E("helpdesk", "reply-draft", "email_drafting", 4, "an_haiku", 0.9, 4200),
        E("helpdesk", "ticket-triage", "classification", 3, "an_haiku", 1.0, 4300),
        E("askme", "ask", "other", 1, "an_haiku", 0.3),
    ],
    "litellm": [
        E("askme", "chat", "chat", 12, "gw_smart", 0.0, 700),
        E("askme", "ask", "open_qa", 14, "gw_fast", 0.15, 700),
        E("askme", "ask", "simple_qa", 8, "gw_fast", 0.15),
        E("askme", "ask", "reasoning", 5, "gw_reason", 0.2),
        E("askme", "ask", "brainstorming", 6, "gw_smart", 0.2),
        E("askme", "ask", "other", 5, "gw_fast", 0.2),
        E("askme", "research", "research_synthesis", 3, "gw_smart", 0.5, 700),
        E("askme", "ask", "translation", 4, "gw_fast", 0.2),
        E("askme", "ask", "content_editing", 4, "gw_smart", 0.2),
        E("askme", "ask", "email_drafting", 4, "gw_smart", 0.2),
        E("askme", "ask", "code_generation", 6, "gw_smart", 0.2),
        E("askme", "ask", "summarization", 6, "gw_fast", 0.3),
        E("datahub", "analyst", "data_analysis", 8, "gw_smart", 0.6, 800),
        E("datahub", "analyst", "code_generation", 5, "gw_smart", 0.7, 1600),
        E("datahub", "analyst", "format_conversion", 3, "gw_fast", 0.7),
        E("datahub", "analyst", "entity_extraction", 3, "gw_fast", 0.8, 900),
        E("datahub", "analyst", "keyword_extraction", 2, "gw_fast", 0.8),
    ],
    "langfuse": [
        E("clausecheck", "contract-qa", "legal_analysis", 20, "lf_legal", 0.9, 5200),
        E("clausecheck", "contract-digest", "summarization", 10, "lf_legal", 0.9, 1800),
        E("clausecheck", "pii-gate", "pii_detection", 8, "lf_mix", 1.0, 600),
        E("clausecheck", "party-extract", "entity_extraction", 8, "lf_mix", 1.0, 900),
        E("clausecheck", "policy-qa", "simple_qa", 6, "lf_mix", 0.8, 1500),
        E("clausecheck", "doc-router", "classification", 6, "lf_mix", 1.0, 500),
        E("helpdesk", "kb-answer", "simple_qa", 20, "lf_mix", 0.8, 2400),
        E("helpdesk", "kb-digest", "summarization", 6, "lf_mix", 0.9),
        E("helpdesk", "kb-router", "classification", 6, "lf_mix", 1.0, 1300),
        E("helpdesk", "kb-translate", "translation", 4, "lf_mix", 0.9),
        E("helpdesk", "kb-spam", "spam_detection", 3, "lf_mix", 1.0),
        E("helpdesk", "kb-sentiment", "sentiment_analysis", 3, "lf_mix", 1.0),
    ],
}


class Picker:
    """Weighted choice of a traffic-mix entry."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        acc = 0.0
        self.cum = []
        for e in self.entries:
            acc += e.weight
            self.cum.append(acc)

    def __call__(self, r: Random) -> Entry:
        return r.choices(self.entries, cum_weights=self.cum)[0]


def caller_meta(r: Random, e: Entry, user: str) -> dict[str, str]:
    meta = {"project": e.product, "feature": e.feature, "user": user}
    if e.product == TASK_LABEL_PRODUCT and r.random() < TASK_LABEL_SHARE:
        meta["task"] = e.category
    return meta
