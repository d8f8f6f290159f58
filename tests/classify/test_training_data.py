"""The classifier's synthetic training data: coverage, determinism, well-formed examples."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from analyzer.classify import training_data
from analyzer.classify.taxonomy import CATEGORIES

MIN_TEMPLATES = 10
PER_TEMPLATE = 12


@pytest.fixture(scope="module")
def examples() -> list[training_data.Example]:
    return training_data.examples()


def _category(template: str) -> str:
    return template.split("/", 1)[0]


def test_every_category_has_enough_templates() -> None:
    counts = Counter(_category(t) for t in training_data.templates())
    assert set(counts) == set(CATEGORIES)
    thin = {c: n for c, n in counts.items() if n < MIN_TEMPLATES}
    assert not thin, f"categories with fewer than {MIN_TEMPLATES} templates: {thin}"


def test_template_names_are_unique_and_well_formed() -> None:
    names = training_data.templates()
    assert len(names) == len(set(names))
    for name in names:
        assert re.fullmatch(r"[a-z_]+/[a-z0-9][a-z0-9-]*", name), name
        assert _category(name) in CATEGORIES, name


def test_examples_are_deterministic_for_a_seed() -> None:
    a = training_data.examples(seed=3, per_template=4)
    b = training_data.examples(seed=3, per_template=4)
    assert a == b
    c = training_data.examples(seed=4, per_template=4)
    assert a != c  # another seed draws other slot values


def test_default_seed_is_zero(examples: list[training_data.Example]) -> None:
    assert examples == training_data.examples(seed=0, per_template=PER_TEMPLATE)


def test_counts(examples: list[training_data.Example]) -> None:
    assert len(examples) >= len(CATEGORIES) * MIN_TEMPLATES * PER_TEMPLATE
    per_template = Counter(e.template for e in examples)
    assert set(per_template) == set(training_data.templates())
    assert set(per_template.values()) == {PER_TEMPLATE}
    assert len(training_data.examples(per_template=2)) == 2 * len(training_data.templates())


def test_every_example_is_well_formed(examples: list[training_data.Example]) -> None:
    for e in examples:
        assert e.category in CATEGORIES, e
        assert e.category == _category(e.template), e
        assert e.user.strip(), e
        assert e.system is None or e.system.strip(), e


def test_no_unfilled_slots(examples: list[training_data.Example]) -> None:
    # A slot is ``{name}``; literal braces in code and JSON never look like that outside code
    # categories, so a match elsewhere is a slot the generator forgot to fill.
    code_like = {"code_explanation", "code_generation", "architecture_review", "agentic"}
    slot = re.compile(r"\{[a-z][a-z0-9_]*\}")
    for e in examples:
        if e.category in code_like:
            continue
        for text in (e.system or "", e.user):
            assert not slot.search(text), (e.template, text)


def test_templates_vary(examples: list[training_data.Example]) -> None:
    by_template: dict[str, set[tuple[str | None, str]]] = defaultdict(set)
    for e in examples:
        by_template[e.template].add((e.system, e.user))
    repetitive = {t: len(v) for t, v in by_template.items() if len(v) < PER_TEMPLATE // 2}
    assert not repetitive, f"templates with too little variety: {repetitive}"


def test_styles_are_mixed() -> None:
    styles_by_category: dict[str, set[str]] = defaultdict(set)
    for name in training_data.templates():
        styles_by_category[_category(name)].add(name.split("/", 1)[1].split("-", 1)[0])
    for category, styles in styles_by_category.items():
        if category == "chat":
            continue  # persona chats are their own style
        assert {"api", "chat"} <= styles, (category, styles)


def test_chat_templates_use_persona_or_generic_systems(examples: list[training_data.Example]) -> None:
    chats = [e for e in examples if e.category == "chat"]
    assert sum(e.system is not None for e in chats) > len(chats) // 2


def test_lengths_vary(examples: list[training_data.Example]) -> None:
    lengths = [len(e.user) for e in examples]
    assert min(lengths) <= 5  # "ping", "hi"
    assert max(lengths) >= 1500  # pasted documents, tables, code
    assert sum(n >= 400 for n in lengths) >= len(lengths) // 10


# The training set model.npz was fitted on (`python -m analyzer.classify.train` reproduces the
# file byte for byte from it). A change to the data files or the slot functions that moves
# this digest needs a retrain, and this digest updated with the new model.npz.
TRAINED_ON = "62ceed6cb8356495b0f09a035996910045139d018374b0d998e6db222ee828a4"


def test_the_training_set_is_the_one_the_shipped_model_learnt() -> None:
    import hashlib

    from analyzer.classify import train

    texts, labels, templates = train.training_set()
    digest = hashlib.sha256()
    for text, label in zip(texts, labels, strict=True):
        digest.update(text.encode() + b"\x00" + label.encode() + b"\x01")
    assert (len(texts), templates) == (8016, 668)
    assert digest.hexdigest() == TRAINED_ON, "the training data changed: retrain model.npz and update TRAINED_ON"
