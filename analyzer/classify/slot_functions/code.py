"""Code snippets (``CODE_SNIPPETS``, ``LONG_SNIPPETS`` in the data files) and the language
that goes with them."""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function


@slot_function("snippet")
def snippet(c: Ctx) -> str:
    """Any snippet; its language is kept for ``{code_lang}``."""
    s = c.r.choice(c.words.CODE_SNIPPETS)
    c.vals["code_lang"] = s["lang"]
    return s["code"]


@slot_function("code_in")
def code_in(c: Ctx, langs: Sequence[str]) -> str:
    """A snippet in one of ``langs``."""
    return c.r.choice([s["code"] for s in c.words.CODE_SNIPPETS if s["lang"] in langs])


@slot_function("code_not_in")
def code_not_in(c: Ctx, langs: Sequence[str]) -> str:
    """A snippet in none of ``langs``."""
    return c.r.choice([s["code"] for s in c.words.CODE_SNIPPETS if s["lang"] not in langs])


@slot_function("target_lang")
def target_lang(c: Ctx) -> str:
    """A language to port the snippet to: not the one it is written in."""
    return c.r.choice([x for x in ("Go", "Rust", "TypeScript", "Java", "Python", "Kotlin") if x != c.get("code_lang")])


@slot_function("long_snippet")
def long_snippet(c: Ctx) -> str:
    """A file-sized snippet; its language is kept for ``{long_lang}``."""
    s = c.r.choice(c.words.LONG_SNIPPETS)
    c.vals["long_lang"] = s["lang"]
    return s["code"]
