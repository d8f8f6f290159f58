"""Measure the task classifier on labelled sets it never trained on.

Sets (each a list of ``(system, user, category)`` with taxonomy ids as labels):

- ``self_instruct``: the 252 user-oriented instructions of self-instruct, labelled with
  our taxonomy ids in ``user_oriented_task_labels.jsonl`` (joined on ``id``). The prompt
  is the instruction, then a blank line and the instance input when it has one.
- ``mt_bench`` and ``vicuna``: FastChat's benchmark questions; only the first turn is an
  API request's prompt. Their categories are mapped as ``shared/data/prompts/README.md``
  says (see ``MT_BENCH_MAP`` / ``VICUNA_MAP``); a ``writing`` question that asks for an
  e-mail is ``email_drafting``.
- ``held_out``: the project's own training examples whose template is in
  ``analyzer.classify.train.HELD_OUT`` (templates never used for training).
- ``sample_week``: the committed sample week, ingested, each request's ``category``
  compared with ``sample_logs/week/expected_categories.csv.gz``.

Metrics are computed here (no sklearn): per-category precision, recall, F1 and support
over the categories present in the truth, their macro-F1, accuracy and the most frequent
(truth, predicted) errors. A random split of one source overstates accuracy badly, so
always measure on sources or templates the model never saw.

    python -m analyzer.classify.evaluate [--shared ../shared]
        [--only self_instruct,mt_bench_vicuna,held_out,sample_week]

Exit status 0 when every measured set meets its target, 1 otherwise (a target missed or a
set that could not be measured).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.classify.taxonomy import CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SHARED = ROOT.parent / "shared"

Row = tuple[str | None, str, str]  # (system, user, category)

# ---------------------------------------------------------------------------------------
# metrics


@dataclass(frozen=True)
class CategoryScore:
    precision: float
    recall: float
    f1: float
    support: int  # rows with this truth
    predicted: int  # rows predicted as this category


@dataclass(frozen=True)
class Scores:
    n: int
    accuracy: float
    macro_f1: float  # mean F1 over the categories present in the truth
    per_category: dict[str, CategoryScore]  # only categories present in the truth
    confusion: list[tuple[str, str, int]]  # top 10 (truth, predicted, count) errors

    def table(self) -> list[tuple[str, CategoryScore]]:
        """Per-category rows, largest support first (ties by name)."""
        return sorted(self.per_category.items(), key=lambda kv: (-kv[1].support, kv[0]))


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def scores(truth: Sequence[str], predicted: Sequence[str]) -> Scores:
    """Precision, recall, F1 and support per category present in ``truth``, their
    macro-F1, accuracy and the 10 most frequent (truth, predicted) errors.

    A category that is never predicted has precision 0 (and so F1 0); a predicted
    category absent from the truth gets no row but still costs the recall of the truths
    it was predicted for.
    """
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} truths but {len(predicted)} predictions")
    n = len(truth)
    support = Counter(truth)
    n_pred = Counter(predicted)
    hits = Counter(t for t, p in zip(truth, predicted) if t == p)
    errors = Counter((t, p) for t, p in zip(truth, predicted) if t != p)
    per: dict[str, CategoryScore] = {}
    for cat in support:
        p = _ratio(hits[cat], n_pred[cat])
        r = _ratio(hits[cat], support[cat])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per[cat] = CategoryScore(p, r, f1, support[cat], n_pred[cat])
    macro = sum(s.f1 for s in per.values()) / len(per) if per else 0.0
    top = sorted(errors.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return Scores(
        n=n,
        accuracy=_ratio(sum(hits.values()), n),
        macro_f1=macro,
        per_category=per,
        confusion=[(t, p, c) for (t, p), c in top],
    )


# ---------------------------------------------------------------------------------------
# labelled sets

MT_BENCH_MAP: dict[str, str] = {
    "writing": "creative_writing",  # e-mails: email_drafting (see _map_writing)
    "roleplay": "chat",
    "reasoning": "reasoning",
    "math": "reasoning",
    "coding": "code_generation",
    "extraction": "entity_extraction",
    "stem": "open_qa",
    "humanities": "open_qa",
}

VICUNA_MAP: dict[str, str] = {
    "coding": "code_generation",
    "math": "reasoning",
    "writing": "creative_writing",  # e-mails: email_drafting (see _map_writing)
    "fermi": "open_qa",
    "counterfactual": "open_qa",
    "common-sense": "open_qa",
    "knowledge": "open_qa",
    "generic": "open_qa",
    "roleplay": "chat",
}

# The README's MT-Bench map sends writing e-mails to email_drafting; the same rule is
# applied to Vicuna's writing questions, which also ask for e-mails (the taxonomy defines
# email_drafting as "a message to a person: email, ..."). Letters are left as writing.
_EMAIL = re.compile(r"\be-?mails?\b", re.IGNORECASE)


def _prompts_dir(shared_dir: str | Path) -> Path:
    return Path(shared_dir) / "data" / "prompts"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _check_label(label: str, where: str) -> str:
    if label not in CATEGORIES:
        raise ValueError(f"{where}: {label!r} is not a taxonomy category id")
    return label


def self_instruct(shared_dir: str | Path = DEFAULT_SHARED) -> list[Row]:
    """The 252 self-instruct user-oriented instructions with their taxonomy labels.

    Instructions and labels are joined on ``id`` (both files also list them in the same
    order). The prompt is the instruction, or ``instruction + "\\n\\n" + input`` when the
    (first) instance has a non-empty input.
    """
    folder = _prompts_dir(shared_dir) / "self-instruct"
    instructions = _read_jsonl(folder / "user_oriented_instructions.jsonl")
    label_rows = _read_jsonl(folder / "user_oriented_task_labels.jsonl")
    labels = {r["id"]: r["category"] for r in label_rows}
    ids = [r["id"] for r in instructions]
    if len(set(ids)) != len(ids) or set(ids) != set(labels):
        raise ValueError("self-instruct: instruction ids and label ids do not match one to one")
    out: list[Row] = []
    for rec in instructions:
        instruction = rec["instruction"].strip()
        instances = rec.get("instances") or []
        text = (instances[0].get("input") or "").strip() if instances else ""
        user = f"{instruction}\n\n{text}" if text else instruction
        out.append((None, user, _check_label(labels[rec["id"]], f"self-instruct {rec['id']}")))
    return out


def _map_writing(label: str, first_turn: str, mapping: dict[str, str], where: str) -> str:
    if label not in mapping:
        raise ValueError(f"{where}: unmapped category {label!r}")
    if label == "writing" and _EMAIL.search(first_turn):
        return "email_drafting"
    return _check_label(mapping[label], where)


def _fastchat(path: Path, mapping: dict[str, str], name: str) -> list[Row]:
    out: list[Row] = []
    for rec in _read_jsonl(path):
        first = rec["turns"][0]
        where = f"{name} question {rec.get('question_id')}"
        out.append((None, first, _map_writing(rec["category"], first, mapping, where)))
    return out


def mt_bench(shared_dir: str | Path = DEFAULT_SHARED) -> list[Row]:
    """The 80 MT-Bench questions, first turn only, labels mapped by ``MT_BENCH_MAP``."""
    path = _prompts_dir(shared_dir) / "fastchat-bench" / "mt_bench_question.jsonl"
    return _fastchat(path, MT_BENCH_MAP, "mt_bench")


def vicuna(shared_dir: str | Path = DEFAULT_SHARED) -> list[Row]:
    """The 80 Vicuna-bench questions, first turn only, labels mapped by ``VICUNA_MAP``."""
    path = _prompts_dir(shared_dir) / "fastchat-bench" / "vicuna_bench_question.jsonl"
    return _fastchat(path, VICUNA_MAP, "vicuna")


def held_out_examples(seed: int = 0, per_template: int = 12) -> list[Any]:
    """The project's own examples (``training_data.Example``) whose template is in
    ``train.HELD_OUT``."""
    training_data = importlib.import_module("analyzer.classify.training_data")
    train = importlib.import_module("analyzer.classify.train")
    held = frozenset(train.HELD_OUT)
    every = training_data.examples(seed=seed, per_template=per_template)
    return [ex for ex in every if ex.template in held]


def _example_rows(examples: Sequence[Any]) -> list[Row]:
    return [
        (ex.system, ex.user, _check_label(ex.category, f"held-out template {ex.template}"))
        for ex in examples
    ]


def held_out(seed: int = 0, per_template: int = 12) -> list[Row]:
    """``(system, user, category)`` of the examples of the held-out templates."""
    return _example_rows(held_out_examples(seed, per_template))


# ---------------------------------------------------------------------------------------
# the sample week


@dataclass(frozen=True)
class WeekResult:
    rows: int  # request rows ingested
    matched: int  # rows whose id is in the expected file (compared)
    unmatched_rows: int  # ingested rows with no expected category (e.g. HTTP errors without id)
    missing_expected: int  # expected ids no ingested row carries
    share: float  # matched rows whose category equals the expected one
    scores: Scores  # per-category recall etc. over the matched rows


def _read_expected(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header != ["request_id", "category"]:
            raise ValueError(f"{path}: unexpected header {header!r}")
        return {row[0]: row[1] for row in reader if row}


def classified_rows(path: Path) -> Any:
    """Ingest ``path`` and give every row its category, as a workspace read would."""
    from analyzer.classify.assign import categorize
    from analyzer.ingest import pipeline

    result = pipeline.ingest([path])
    return categorize(result.rows.lazy(), result.templates).collect()


def sample_week(root: str | Path = ROOT) -> WeekResult:
    """Ingest ``sample_logs/week/logs`` and compare each request's ``category`` with
    ``expected_categories.csv.gz``.

    Rows are keyed by ``request_id``; batch output rows, whose expected key is the
    ``custom_id``, fall back to the ``custom_id`` in their metadata.
    """
    import polars as pl

    week = Path(root) / "sample_logs" / "week"
    expected = _read_expected(week / "expected_categories.csv.gz")
    rows = classified_rows(week / "logs")
    ids = rows["request_id"].to_list()
    if "metadata" in rows.columns:
        custom = rows["metadata"].str.json_path_match("$.custom_id").to_list()
    else:
        custom = [None] * rows.height
    cats = rows["category"].cast(pl.String).to_list()
    truth: list[str] = []
    predicted: list[str] = []
    seen: set[str] = set()
    for rid, cid, cat in zip(ids, custom, cats):
        key = rid if rid in expected else cid if cid in expected else None
        if key is None:
            continue
        seen.add(key)
        truth.append(expected[key])
        predicted.append(cat if cat is not None else "<none>")
    s = scores(truth, predicted)
    return WeekResult(
        rows=rows.height,
        matched=len(truth),
        unmatched_rows=rows.height - len(truth),
        missing_expected=len(set(expected) - seen),
        share=s.accuracy,
        scores=s,
    )


# ---------------------------------------------------------------------------------------
# report

SETS = ("self_instruct", "mt_bench_vicuna", "held_out", "sample_week")
TARGETS = {  # set -> (metric, threshold)
    "self_instruct": ("macro-F1", 0.70),
    "mt_bench_vicuna": ("macro-F1", 0.70),
    "held_out": ("macro-F1", 0.85),
    "sample_week": ("match share", 0.95),
}

Out = Callable[[str], None]


def _classify(rows: Sequence[Row], has_tools: Sequence[bool] | None = None,
              message_count: Sequence[int | None] | None = None) -> list[Any]:
    classifier = importlib.import_module("analyzer.classify.classifier")
    items = [(system, user) for system, user, _ in rows]
    kwargs: dict[str, Any] = {}
    if has_tools is not None:
        kwargs["has_tools"] = has_tools
    if message_count is not None:
        kwargs["message_count"] = message_count
    verdicts = classifier.classify_texts(items, **kwargs)
    if len(verdicts) != len(rows):
        raise RuntimeError(
            f"classify_texts returned {len(verdicts)} verdicts for {len(rows)} items"
        )
    return list(verdicts)


def _print_scores(name: str, s: Scores, out: Out, *, table: bool = True,
                  sources: Counter[str] | None = None) -> None:
    out(f"== {name}: n={s.n}  accuracy={s.accuracy:.3f}  macro-F1={s.macro_f1:.3f}"
        f"  ({len(s.per_category)} categories)")
    if sources:
        out("   verdict sources: " + ", ".join(f"{k} {v}" for k, v in sources.most_common()))
    if not table:
        return
    out(f"   {'category':<22}{'recall':>8}{'precision':>11}{'F1':>7}"
        f"{'support':>9}{'predicted':>11}")
    for cat, c in s.table():
        out(f"   {cat:<22}{c.recall:>8.3f}{c.precision:>11.3f}{c.f1:>7.3f}"
            f"{c.support:>9}{c.predicted:>11}")
    if s.confusion:
        out("   top errors (truth -> predicted: count): "
            + "; ".join(f"{t} -> {p}: {c}" for t, p, c in s.confusion))


def _verdict(set_name: str, value: float, out: Out) -> bool:
    metric, threshold = TARGETS[set_name]
    ok = value >= threshold
    mark = "PASS" if ok else "MISS"
    out(f"   target {set_name}: {metric} {value:.3f} >= {threshold:.2f}  {mark}")
    return ok


def _measure(name: str, rows: Sequence[Row], out: Out, *, table: bool = True,
             **hints: Any) -> tuple[Scores, list[str]]:
    verdicts = _classify(rows, **hints)
    predicted = [v.category for v in verdicts]
    s = scores([r[2] for r in rows], predicted)
    sources = Counter(getattr(v, "source", "?") for v in verdicts)
    _print_scores(name, s, out, table=table, sources=sources)
    return s, predicted


def _run(set_name: str, shared: Path, seed: int, out: Out) -> bool:
    if set_name == "self_instruct":
        s, _ = _measure("self_instruct", self_instruct(shared), out)
        return _verdict(set_name, s.macro_f1, out)
    if set_name == "mt_bench_vicuna":
        mt, vc = mt_bench(shared), vicuna(shared)
        _, p_mt = _measure("mt_bench", mt, out, table=False)
        _, p_vc = _measure("vicuna", vc, out, table=False)
        s = scores([r[2] for r in [*mt, *vc]], p_mt + p_vc)
        _print_scores("mt_bench+vicuna", s, out)
        return _verdict(set_name, s.macro_f1, out)
    if set_name == "held_out":
        examples = held_out_examples(seed)
        if not examples:
            raise RuntimeError("no examples of the held-out templates (train.HELD_OUT)")
        rows = _example_rows(examples)
        hints: dict[str, Any] = {}
        # pass request shape when the examples carry it (Example may grow these fields)
        if examples and all(hasattr(ex, "has_tools") for ex in examples):
            hints["has_tools"] = [bool(ex.has_tools) for ex in examples]
        if examples and all(hasattr(ex, "message_count") for ex in examples):
            hints["message_count"] = [ex.message_count for ex in examples]
        templates = len({ex.template for ex in examples})
        s, _ = _measure(f"held_out (seed {seed}, {templates} templates)", rows, out, **hints)
        return _verdict(set_name, s.macro_f1, out)
    if set_name == "sample_week":
        w = sample_week(ROOT)
        _print_scores("sample_week", w.scores, out)
        out(f"   rows ingested {w.rows}, compared {w.matched}, without expected category "
            f"{w.unmatched_rows}, expected ids not found {w.missing_expected}")
        return _verdict(set_name, w.share, out)
    raise ValueError(f"unknown set {set_name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analyzer.classify.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED,
                        help="the shared folder holding data/prompts "
                        "(default: ../shared beside the repo)")
    parser.add_argument("--only", default=",".join(SETS),
                        help=f"comma-separated sets to measure: {','.join(SETS)}")
    parser.add_argument("--seed", type=int, default=0, help="seed of the held-out examples")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    out: Out = print
    results: dict[str, str] = {}
    for name in chosen:
        try:
            results[name] = "PASS" if _run(name, args.shared, args.seed, out) else "MISS"
        except Exception as e:  # one set failing must not hide the others
            out(f"== {name}: not measured: {type(e).__name__}: {e}")
            results[name] = "ERROR"
        out("")
    out("summary: " + ", ".join(f"{k} {v}" for k, v in results.items()))
    return 0 if all(v == "PASS" for v in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
