"""The numpy scorer reproduces scikit-learn's TF-IDF + logistic regression exactly."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.classify import model as text_model

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


def test_scores_match_predict_proba(tmp_path) -> None:
    from sklearn.pipeline import FeatureUnion

    union = FeatureUnion([
        ("w", sklearn_text.TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("c", sklearn_text.TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
    ])
    x = union.fit_transform(TEXTS * 3)
    clf = sklearn_linear.LogisticRegression(C=5.0, max_iter=500).fit(x, LABELS * 3)
    w, c = union.transformer_list[0][1], union.transformer_list[1][1]
    n = len(w.vocabulary_)
    idf = np.concatenate([w.idf_, c.idf_])
    exported = text_model.TextModel(
        tuple(clf.classes_), text_model.Block(dict(w.vocabulary_), idf),
        text_model.Block({t: n + i for t, i in c.vocabulary_.items()}, idf),
        clf.coef_.T.copy(), clf.intercept_.copy(),
    )
    text_model.save(tmp_path / "m.npz", exported)
    loaded = text_model.load.__wrapped__(tmp_path / "m.npz")
    probe = [*TEXTS, "completely unseen words zzz", ""]
    ours = loaded.proba(probe)
    theirs = clf.predict_proba(union.transform(probe))
    assert np.abs(ours - theirs).max() < 1e-5
    assert (ours.argmax(1) == theirs.argmax(1)).all()
