"""Keyword rules fire on clear asks and stay quiet otherwise."""

from __future__ import annotations

import pytest

from analyzer.classify import rules


@pytest.mark.parametrize(("text", "category"), [
    ("Translate the following paragraph into Spanish.", "translation"),
    ("Convert this list of orders to JSON with keys id and total.", "format_conversion"),
    ("Redact all PII from the support transcript below.", "pii_detection"),
    ("Is this message spam? WIN A FREE CRUISE NOW", "spam_detection"),
    ("What language is this text written in: 'Dziękuję bardzo'", "language_detection"),
    ("Write an email to the landlord about the broken heater.", "email_drafting"),
    ("Summarize this incident report for the weekly review.", "summarization"),
    ("Write a Python function that parses ISO dates.", "code_generation"),
    ("Explain what this code does:\nfor i in range(3): print(i)", "code_explanation"),
    ("Rate the sentiment of each review as positive or negative.", "sentiment_analysis"),
    ("Summarize the liability clause below for the sales team.", "legal_analysis"),
    ("Does this data-sharing setup comply with GDPR?", "legal_analysis"),
    ("Translating the menu below into Italian for our new branch, please.", "translation"),
    ("Put this paragraph in another language: the museum opens at nine.", "translation"),
    ("How do you say 'see you tomorrow' in Japanese?", "translation"),
    ("Read the lease and extract the parties and the start date.", "entity_extraction"),
    ("Prove that the sum of two even numbers is even.", "reasoning"),
])
def test_clear_cases(text: str, category: str) -> None:
    assert rules.match(text) == category


@pytest.mark.parametrize("text", [
    "Why do cats purr?",
    "Compare the three vendor proposals and recommend one.",
    "Here is our quarterly revenue table; what stands out?",
    "hello?",
    # "translate" into code or a notation is not a translation between languages
    "Translate this description into a spreadsheet formula: sum column B when A is late.",
    "Translate the requirement into a SQL query over the orders table.",
    "Translate the logic statement into natural language.",
    # a field named "Sentiment" in a given record is input, not the task
    "Write a product review from these notes. Product: desk lamp. Sentiment: positive",
])
def test_subtle_cases_are_left_to_the_model(text: str) -> None:
    assert rules.match(text) is None
