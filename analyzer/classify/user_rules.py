"""A workspace's own classification rules, ``classify.toml``::

    [[rules]]
    category = "spam_detection"   # a taxonomy id
    pattern = "is this spam"      # a regular expression, matched case-insensitively
    field = "prompt"              # prompt (the template text), model, or meta:KEY

Validated strictly (``analyzer/settings.py``); ``assign.categorize`` applies them, first
match first, over the template's own verdict.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
from pydantic import BaseModel, ConfigDict, Field, field_validator

from analyzer import settings
from analyzer.classify.taxonomy import CATEGORIES


class UserRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    category: str
    pattern: str = Field(description="A regular expression, matched case-insensitively.")
    field: str = Field("prompt", description="prompt, model, or meta:KEY")

    @field_validator("category")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"'{v}' is not a taxonomy category")
        return v

    @field_validator("field")
    @classmethod
    def _field(cls, v: str) -> str:
        if v not in ("prompt", "model") and not re.fullmatch(r"meta:[A-Za-z0-9_.\-]+", v):
            raise ValueError("field must be prompt, model or meta:KEY")
        return v

    @field_validator("pattern")
    @classmethod
    def _regex(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as e:
            raise ValueError(f"not a regular expression ({e})") from None
        return v

    def matches(self) -> pl.Expr:
        target = {
            "prompt": pl.col("template_key"),
            "model": pl.col("model"),
        }.get(self.field, pl.col("metadata").str.json_path_match(f"$.{self.field[5:]}"))
        return target.str.contains(f"(?i){self.pattern}").fill_null(False)


class ClassifySettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    rules: tuple[UserRule, ...] = ()


def load_settings(path: Path) -> ClassifySettings:
    return settings.load(path, ClassifySettings)
