"""High-precision keyword rules, tried before the model.

Each rule names a category and a pattern over the lower-cased prompt (system text and
user text). They cover the clear cases, where the asked-for task is named outright:
"translate", "convert … to JSON", "redact the PII", "is this spam", "what language",
"write an email", "summarize", "write a function". The first rule that matches wins;
anything subtler is left to the model.
"""

from __future__ import annotations

import re
from functools import lru_cache

_LANG = (r"(english|french|german|spanish|italian|portuguese|dutch|polish|swedish|danish|"
         r"norwegian|finnish|japanese|chinese|korean|arabic|hindi|turkish|russian|ukrainian|greek)")
_FORMAT = r"(json|csv|yaml|xml|toml|markdown|html|a table|a markdown table|sql inserts?)"
_NOT_LANGUAGE = (r"formula|code|sql|query|regex|command|script|function|natural language|plain english|"
                 r"json|csv|yaml|xml|pseudo-?code")
_CODE_LANG = r"(python|javascript|typescript|java|go|golang|rust|c\+\+|c#|ruby|php|kotlin|swift|bash|shell|sql)"

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(pattern))
    for category, pattern in (
        ("language_detection", r"\b(what|which) language (is|was) (this|the following|it) (written|text|in)\b"
                               r"|\b(detect|identify) the language\b|\biso[ -]639\b"),
        # "translate" names the task unless the target is code or a notation, not a language
        ("translation", rf"\btranslat(e|ing)\b(?![^.]{{0,40}}\b(into|to) [^.]{{0,30}}\b({_NOT_LANGUAGE})\b)"
                        rf"|\btranslation (of|into|to)\b|\b(into|to) {_LANG}\b.{{0,20}}\btranslat"
                        rf"|\bhow (do|would) (you|i) say\b.{{0,60}}\bin {_LANG}\b|\b(into|in) (a second|another) language\b"),
        ("pii_detection", r"\bpii\b|\bredact\b|personally identifiable|\bpersonal (data|information)\b.{0,40}"
                          r"\b(find|detect|remove|mask|flag|list)|\b(find|detect|remove|mask|flag) .{0,30}"
                          r"personal (data|information)"),
        ("spam_detection", r"\bspam\b|\bphishing\b|\bis (this|the following) (message|comment|post) "
                           r"(abusive|toxic|offensive)|\bcontent moderation\b"),
        ("format_conversion", rf"\bconvert\b.{{0,60}}\b(to|into) {_FORMAT}\b|\breformat\b.{{0,40}}\bas {_FORMAT}\b"),
        # "Sentiment: positive" in a given record is a field, not the task
        ("sentiment_analysis", r"\bsentiment\b(?!\s*:)|\bemotional tone\b"),
        # a label set to pick from: "classify", "categorize", "choose one of: a, b, c"
        ("classification", r"\bclassify\b|\bcategori[sz]e\b|\b(choose|pick|select) (exactly )?one of\b"
                           r"|\bone of: |\b(return|output|answer with|reply with) (only )?the (single )?best "
                           r"(category|label|class)\b"),
        # fields pulled out of a text, even out of a contract
        ("entity_extraction", r"\bextract (all |the |every |each )?(\w+ )?(names?|dates?|parties|amounts?|entities|"
                              r"fields|addresses|phone numbers|prices|totals?)\b"),
        # TAXONOMY.md's signals for legal analysis, ahead of summarization (a label list naming
        # "contract" is still classification)
        ("legal_analysis", r"\bclauses?\b|\bliabilit(y|ies)\b|\bgdpr\b|\bcontract(s|ual)?\b"
                           r"|\bcompliance\b|\bindemni"),
        ("reasoning", r"\bprove (that|the (given|following) (statement|claim|theorem|identity))\b"),
        ("email_drafting", r"\b(write|draft|compose)\b.{0,30}\b(e-?mail|reply to (this|the) (customer|email))\b"),
        ("content_editing", r"\b(proofread|rewrite|rephrase|paraphrase|shorten|tighten)\b.{0,30}\b(text|copy|"
                            r"paragraph|sentence|message|draft|post|bio|announcement)\b"),
        ("summarization", r"\bsummari[sz]e\b|\btl;?dr\b|\bsummary of (this|the following)\b"),
        ("keyword_extraction", r"\b(extract|list|give me|suggest)\b.{0,30}\b(keywords|key phrases|hashtags|seo tags)\b"),
        ("code_explanation", r"\bdocstrings?\b|"
                             r"\bexplain (what )?(this|the following) (code|function|snippet|query|regex|script)\b"
                             r"|\bwhat does (this|the following) (code|function|snippet|query|regex|script) do\b"),
        ("code_generation", rf"\b(write|implement|create) (a|an|the) ({_CODE_LANG} )?(function|script|class|"
                            r"unit tests?|sql query|regex|method)\b|traceback \(most recent call last\)"),
        # an answer from given context (TAXONOMY.md: "based on the text above")
        ("simple_qa", r"\bbased (only )?on the (text|context|passage|document|article|record)\b"
                      r"|\busing (only )?the (given |provided )?(context|passage|record|\w+ record)\b"),
    )
)

CONFIDENCE = 0.95


_NONE = len(RULES)


@lru_cache(maxsize=65536)
def _first(part: str) -> int:
    """The index of the first rule whose pattern occurs in ``part`` (lower-cased), or
    ``_NONE``. Cached: many templates share one system prompt."""
    for i, (_, pattern) in enumerate(RULES):
        if pattern.search(part):
            return i
    return _NONE


def match(text: str, sep: str | None = None) -> str | None:
    """The category of the first rule whose pattern occurs in ``text``, or None. With
    ``sep``, the parts of ``text`` around it are searched apart (a pattern does not span
    them), and each distinct part once."""
    lowered = text.lower()
    parts = lowered.split(sep) if sep else [lowered]
    best = min(_first(p) for p in parts)
    return RULES[best][0] if best < _NONE else None
