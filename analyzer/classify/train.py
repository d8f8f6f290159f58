"""Train the text model from the project's own examples and export ``model.npz``.

    python -m analyzer.classify.train          # needs the dev extra (scikit-learn)

The model sees what the classifier sees at run time: the *sample text* of a prompt
(``ingest/template.py``: system prompt plus the start of the user text, variable parts
masked). Templates in ``HELD_OUT`` (one in five per category, chosen by a stable hash of
the template name) are never trained on; ``evaluate.py`` measures on them. After
exporting, the numpy scorer is checked against scikit-learn's ``predict_proba``.
"""

from __future__ import annotations

import hashlib
import sys
import time
from typing import Any

import numpy as np

from analyzer.classify import model as text_model
from analyzer.classify import training_data
from analyzer.ingest.template import samples_of

WORD_FEATURES = 15_000
CHAR_FEATURES = 30_000
C = 8.0


def _held_out() -> frozenset[str]:
    by_category: dict[str, list[str]] = {}
    for name in training_data.templates():
        by_category.setdefault(name.split("/", 1)[0], []).append(name)
    out = set()
    for names in by_category.values():
        ranked = sorted(names, key=lambda n: hashlib.blake2b(n.encode(), digest_size=8).hexdigest())
        out.update(ranked[: max(1, len(ranked) // 5)])
    return frozenset(out)


HELD_OUT: frozenset[str] = _held_out()


def vectorizers() -> Any:
    """The scikit-learn feature union the shipped model reproduces (``model.py``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                  max_features=WORD_FEATURES, dtype=np.float64)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2,
                                  max_features=CHAR_FEATURES, dtype=np.float64)),
        ("heads", TfidfVectorizer(preprocessor=text_model.head_of, ngram_range=(1, 2), sublinear_tf=True,
                                  min_df=2, dtype=np.float64)),
    ])


def export(union: Any, clf: Any) -> text_model.TextModel:
    """The fitted union and classifier as a numpy ``TextModel`` (one column space)."""
    word_vec, char_vec, head_vec = (t for _, t in union.transformer_list)
    n_words, n_chars = len(word_vec.vocabulary_), len(char_vec.vocabulary_)
    idf = np.concatenate([word_vec.idf_, char_vec.idf_, head_vec.idf_])
    return text_model.TextModel(
        categories=tuple(clf.classes_),
        words=text_model.Block(dict(word_vec.vocabulary_), idf),
        chars=text_model.Block({t: n_words + i for t, i in char_vec.vocabulary_.items()}, idf),
        heads=text_model.Block({t: n_words + n_chars + i for t, i in head_vec.vocabulary_.items()}, idf),
        coef_t=clf.coef_.T.copy(),
        intercept=clf.intercept_.copy(),
    )


def training_set() -> tuple[list[str], list[str], int]:
    """The sample texts and categories the model trains on (held-out templates left out),
    and how many templates they come from."""
    examples = [e for e in training_data.examples() if e.template not in HELD_OUT]
    texts = samples_of([(e.system, e.user) for e in examples])
    return texts, [e.category for e in examples], len({e.template for e in examples})


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    texts, labels, n_templates = training_set()
    union = vectorizers()
    x = union.fit_transform(texts)
    clf = LogisticRegression(C=C, max_iter=2000)
    clf.fit(x, labels)
    exported = export(union, clf)
    text_model.save(text_model.ARTIFACT, exported)
    text_model.load.cache_clear()
    shipped = text_model.load()
    check = texts[:: max(1, len(texts) // 400)]
    ours = shipped.proba(check)
    theirs = clf.predict_proba(union.transform(check))
    agree = float((ours.argmax(1) == theirs.argmax(1)).mean())
    print(f"trained on {len(texts):,} examples of {n_templates} templates "
          f"({len(HELD_OUT)} held out) in {time.perf_counter() - started:.1f} s; "
          f"{x.shape[1]:,} features; artefact {text_model.ARTIFACT.stat().st_size / 1e6:.1f} MB")
    print(f"numpy scorer vs scikit-learn on {len(check)} texts: max |Δp| {np.abs(ours - theirs).max():.2e}, "
          f"argmax agreement {agree:.3f}")
    if np.abs(ours - theirs).max() > 1e-4 or agree < 1.0:
        sys.exit("the exported model does not reproduce scikit-learn")


if __name__ == "__main__":
    main()
