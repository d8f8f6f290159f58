"""Precedence: caller's label > relabel > user rule > template verdict > other."""

from __future__ import annotations

import polars as pl
import pytest

from analyzer.classify.assign import categorize
from analyzer.classify.user_rules import ClassifySettings, UserRule
from analyzer.errors import ConfigError

TEMPLATES = pl.DataFrame({
    "template_id": ["t1", "t2", "t3"],
    "template_key": ["Summarize the call notes.\u241f#", "\u241fwhy is the sky blue", "Tag the ticket.\u241f#"],
    "category": ["summarization", "open_qa", "classification"],
    "category_source": ["rule", "model", "model"],
    "category_confidence": [0.95, 0.61, 0.8],
})


def rows() -> pl.LazyFrame:
    return pl.LazyFrame({
        "request_id": ["a", "b", "c", "d", "e", "f"],
        "template_id": ["t1", "t1", "t2", "t3", None, "t2"],
        "model": ["gpt-4o", "gpt-4o", "gpt-4o", "claude-haiku-4-5", "gpt-4o", "gpt-4o"],
        "metadata": ['{"task":"Sentiment_Analysis"}', "{}", "{}", "{}", "{}", '{"task":"not-a-category"}'],
    })


def assigned(**kwargs: object) -> dict[str, tuple[str, str, float]]:
    out = categorize(rows(), TEMPLATES, **kwargs).collect()  # type: ignore[arg-type]
    return {r: (c, s, p) for r, c, s, p in out.select(
        "request_id", "category", "category_source", "category_confidence").iter_rows()}


def test_template_verdicts_and_labels() -> None:
    got = assigned()
    assert got["a"] == ("sentiment_analysis", "metadata", 1.0)   # caller's label wins
    assert got["b"] == ("summarization", "rule", 0.95)           # the template's verdict
    assert got["c"] == ("open_qa", "model", 0.61)
    assert got["e"] == ("other", "shape", 0.0)                   # no text, no label
    assert got["f"] == ("open_qa", "model", 0.61)                # a label that is no category is ignored


def test_label_keys_and_values_that_only_look_like_them() -> None:
    frame = pl.LazyFrame({
        "request_id": ["g", "h", "i", "j"],
        "template_id": ["t2"] * 4,
        "model": ["gpt-4o"] * 4,
        "metadata": ['{"category":"translation"}', '{"note":"task"}', '{"team":"x","task": "PII_Detection"}',
                     '{"subtask":"translation"}'],
    })
    out = categorize(frame, TEMPLATES).collect()
    got = dict(zip(out["request_id"], zip(out["category"], out["category_source"], strict=True), strict=True))
    assert got["g"] == ("translation", "metadata")     # the other label key
    assert got["h"] == ("open_qa", "model")            # "task" as a value is no label
    assert got["i"] == ("pii_detection", "metadata")   # among other keys, with a space
    assert got["j"] == ("open_qa", "model")            # a key that merely ends in "task"


def test_relabel_and_user_rules() -> None:
    settings = ClassifySettings(rules=(
        UserRule(category="spam_detection", pattern="sky", field="prompt"),
        UserRule(category="classification", pattern="^claude", field="model"),
    ))
    got = assigned(relabels={"t1": "content_editing", "t2": "reasoning"}, settings=settings)
    assert got["a"][:2] == ("sentiment_analysis", "metadata")   # label still first
    assert got["b"][:2] == ("content_editing", "relabel")       # relabel before user rules
    assert got["c"][:2] == ("reasoning", "relabel")
    assert got["d"][:2] == ("classification", "rule")           # user rule on the model
    assert got["e"][:2] == ("other", "shape")


def test_user_rule_validation(tmp_path) -> None:
    from analyzer.classify.user_rules import load_settings

    (tmp_path / "classify.toml").write_text('[[rules]]\ncategory = "haiku"\npattern = "x"\n')
    with pytest.raises(ConfigError, match="rules.0.category"):
        load_settings(tmp_path / "classify.toml")
    (tmp_path / "classify.toml").write_text('[[rules]]\ncategory = "chat"\npattern = "("\n')
    with pytest.raises(ConfigError, match="not a regular expression"):
        load_settings(tmp_path / "classify.toml")
