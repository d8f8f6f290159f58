"""How far can the self-instruct labels be learned at all? A diagnostic, not a model.

The shipped classifier never sees the public prompt sets (they are for evaluation only).
This script asks a different question: if the same features and learner were *also* trained
on four fifths of the self-instruct set itself (each item weighted ``--weight`` times, on top
of the project's own training data), what macro-F1 would they reach on the fifth they did not
see? Five folds, each item scored once, keyword rules in front as at run time. Nothing is
written and no artefact is produced; the figure bounds what more of our own data could give.

    python bench/classifier_ceiling.py [--shared ../shared] [--weight 5] [--seeds 0,1]

Needs scikit-learn (the dev extra). Takes about two minutes per seed on 2 cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyzer.classify import evaluate, rules, train  # noqa: E402
from analyzer.ingest.template import SEP, TAIL_SEP, samples_of  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(evaluate.DEFAULT_SHARED))
    parser.add_argument("--weight", type=int, default=5)
    parser.add_argument("--seeds", default="0,1")
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    our_texts, our_labels, _ = train.training_set()
    rows = evaluate.self_instruct(args.shared)
    texts = samples_of([(s, u) for s, u, _ in rows])
    truth = np.array([c for _, _, c in rows], dtype=object)
    print(f"self-instruct: {len(rows)} items; our data: {len(our_texts):,} examples; weight {args.weight}")
    for seed in (int(s) for s in args.seeds.split(",")):
        started = time.perf_counter()
        predicted = np.empty(len(rows), dtype=object)
        for fit, held in KFold(5, shuffle=True, random_state=seed).split(texts):
            union = train.vectorizers()
            x = union.fit_transform(our_texts + [texts[i] for i in fit] * args.weight)
            clf = LogisticRegression(C=train.C, max_iter=2000)
            clf.fit(x, our_labels + list(truth[fit]) * args.weight)
            guesses = clf.predict(union.transform([texts[i] for i in held]))
            for i, guess in zip(held, guesses, strict=True):
                predicted[i] = rules.match(texts[i].split(TAIL_SEP, 1)[0], SEP) or guess
        s = evaluate.scores(list(truth), list(predicted))
        print(f"seed {seed}: macro-F1 {s.macro_f1:.3f}, accuracy {s.accuracy:.3f} "
              f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
