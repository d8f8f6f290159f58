"""The numpy scorer reproduces scikit-learn's TF-IDF + logistic regression exactly."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.classify import model as text_model
from analyzer.classify import train
from analyzer.ingest.template import SEP, TAIL_SEP

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_linear = pytest.importorskip("sklearn.linear_model")

TEXTS = [
    "Translate this sentence into German: the invoice is overdue.",
    "Write a Python function that merges two sorted lists.",
    "Summarize the meeting notes below in three bullet points.",
    "Is this review positive or negative? Great battery, awful screen.",
    "Extract the invoice number and the total amount as JSON.",
    "What is the capital of Portugal?",
    "Draft an email to the customer apologising for the late delivery.",
    "  odd   spacing\tand UPPER case, a b c, éàü unicode words  ",
]
LABELS = ["translation", "code_generation", "summarization", "sentiment_analysis",
          "entity_extraction", "simple_qa", "email_drafting", "other"]


@pytest.mark.parametrize("text", TEXTS)
def test_analyzers_match_scikit_learn(text: str) -> None:
    words = sklearn_text.TfidfVectorizer(ngram_range=(1, 2)).build_analyzer()
    chars = sklearn_text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert text_model.word_ngrams(text) == words(text)
    assert text_model.char_ngrams(text) == chars(text)


def test_head_is_the_instructions_first_sentence() -> None:
    assert text_model.head_of(f"You label tickets. Reply with one word.{SEP}My card was charged twice.") == (
        "you label tickets.")
    assert text_model.head_of(f"{SEP}Give me tips for a job interview. I am nervous{TAIL_SEP}tomorrow!") == (
        "give me tips for a job interview.")
    assert text_model.head_of(f"  {SEP}Translate: hello there") == "translate:"
    assert text_model.head_of("") == ""


def test_scores_match_predict_proba(tmp_path) -> None:
    union = train.vectorizers()
    texts = [*TEXTS, f"You are a support bot. Be kind.{SEP}Where is my parcel?"]
    labels = [*LABELS, "simple_qa"]
    x = union.fit_transform(texts * 3)
    clf = sklearn_linear.LogisticRegression(C=5.0, max_iter=500).fit(x, labels * 3)
    text_model.save(tmp_path / "m.npz", train.export(union, clf))
    loaded = text_model.load.__wrapped__(tmp_path / "m.npz")
    probe = [*texts, "completely unseen words zzz", "", f"{SEP}Summarize the notes below. Thanks"]
    ours = loaded.proba(probe)
    theirs = clf.predict_proba(union.transform(probe))
    assert np.abs(ours - theirs).max() < 1e-5
    assert (ours.argmax(1) == theirs.argmax(1)).all()


_PIECES = st.sampled_from(["Summarize", "the", "ticket", "ΟΔΟΣ", "Σ", "naïve", "x", "a1", "—", ".", ":", "?",
                           " ", "  ", "\n", "\t", "\u00a0", TAIL_SEP, "İstanbul", "ǅ", "_", "it's"])
_TEXT = st.lists(_PIECES, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(system=_TEXT, user=_TEXT)
def test_counts_from_the_cached_system_prompt_equal_the_whole_texts(system: str, user: str) -> None:
    m = text_model.load()
    text = f"{system}{SEP}{user}"
    assert m._split_counts(text) == m._counts(text)
