"""Prompt-template fingerprints: identical templates get the same ``template_id``.

Two texts per prompt: the *template key* groups requests (system prompt plus the user
text's first line, masked), and the *sample text* is what the classifier reads for the
template (system prompt plus the first 120 and the last 100 characters of the masked user
text, from the template's first request: instructions come first or last, around the input).

Production traffic repeats a few hundred templates millions of times, so the classifier
classifies a template once. The *template key* is the system prompt plus the start of the
user text with the variable parts masked: URLs, e-mail addresses, quoted material, and
any word containing a digit (numbers, ids, dates, amounts). The id is the first 16 hex
digits of its BLAKE2b digest: stable across runs, machines and library versions (polars'
own hash is not), and computed once per distinct key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import polars as pl

SYSTEM_CHARS = 1000
USER_CHARS = 60  # of the user text's first line, in the grouping key
SAMPLE_USER_CHARS = 120  # from the start of the user text, in the text the classifier reads
SAMPLE_TAIL_CHARS = 100  # and from its end ("Based on the text above, ...")
# The sample text masks at most this much of each end of a long user text.
SAMPLE_END_CHARS = 2000
SEP = "\u241f"
TAIL_SEP = " \u2026 "  # between the start and the end of a long user text in the sample text


def _mask(e: pl.Expr) -> pl.Expr:
    return (
        e.str.replace_all(r"https?://\S+", "<url>")
        .str.replace_all(r"[\w.+-]+@[\w-]+\.[\w.-]+", "<email>")
        .str.replace_all(r"\"[^\"\n]{0,400}\"|“[^”\n]{0,400}”", '"…"')
        .str.replace_all(r"\S*\d\S*", "#")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )


def template_key(system: pl.Expr, user: pl.Expr) -> pl.Expr:
    """The masked fixed part of a prompt; null when the request carries no text.

    The user text counts up to its first line break or colon (``USER_CHARS`` at most):
    "Ticket 4411: <body>" keeps "Ticket #", "Summarize this for me: <article>" keeps its
    instruction, and the pasted input that follows never splits a template.
    """
    sys_part = _mask(system.fill_null("")).str.slice(0, SYSTEM_CHARS)
    head = user.fill_null("").str.strip_chars().str.extract(r"^([^\n:]*)", 1).str.slice(0, USER_CHARS)
    user_part = _mask(head)
    key = pl.concat_str([sys_part, pl.lit(SEP), user_part])
    return pl.when(system.is_null() & user.is_null()).then(None).otherwise(key)


def key_head(user: pl.Expr) -> pl.Expr:
    """All of a user text that its template key reads: ``USER_CHARS`` characters past the
    leading whitespace (``template_key`` of this equals ``template_key`` of the whole text:
    the key stops at 60 characters, and trailing whitespace is masked away). Fingerprinting
    groups requests by this, so a pasted document is never hashed or compared whole."""
    return user.str.strip_chars_start().str.slice(0, USER_CHARS)


def sample_text(system: pl.Expr, user: pl.Expr) -> pl.Expr:
    """What the classifier reads for a template: the masked system prompt, and the start and
    the end of the masked user text (more than the grouping key keeps); null without text."""
    sys_part = _mask(system.fill_null("")).str.slice(0, SYSTEM_CHARS)
    raw = user.fill_null("")
    masked = _mask(raw.str.slice(0, 2 * SAMPLE_END_CHARS))  # the whole text unless ``long``
    short = masked.str.len_chars() <= SAMPLE_USER_CHARS + SAMPLE_TAIL_CHARS
    both_ends = pl.concat_str([masked.str.slice(0, SAMPLE_USER_CHARS), pl.lit(TAIL_SEP),
                               masked.str.slice(-SAMPLE_TAIL_CHARS)])
    # A long text: each end masked on its own (the middle can never reach the sample).
    ends = pl.concat_str([_mask(raw.str.slice(0, SAMPLE_END_CHARS)).str.slice(0, SAMPLE_USER_CHARS),
                          pl.lit(TAIL_SEP),
                          _mask(raw.str.slice(-SAMPLE_END_CHARS)).str.slice(-SAMPLE_TAIL_CHARS)])
    long = raw.str.len_chars() > 2 * SAMPLE_END_CHARS
    user_part = pl.when(long).then(ends).when(short).then(masked).otherwise(both_ends)
    text = pl.concat_str([sys_part, pl.lit(SEP), user_part])
    return pl.when(system.is_null() & user.is_null()).then(None).otherwise(text)


def digest(key: str) -> str:
    return hashlib.blake2b(key.encode(), digest_size=8).hexdigest()


def ids_for(keys: pl.Series) -> pl.Series:
    """``template_id`` for each key (null stays null), hashing each distinct key once."""
    uniq = keys.drop_nulls().unique()
    table = pl.DataFrame(
        {"_k": uniq, "_id": [digest(k) for k in uniq.to_list()]},
        schema={"_k": pl.String, "_id": pl.String},
    )
    return keys.to_frame("_k").join(table, on="_k", how="left", maintain_order="left")["_id"]


def samples_of(pairs: Sequence[tuple[str | None, str | None]]) -> list[str]:
    """Classifier texts of ``(system_text, user_text)`` pairs, exactly as ingest computes them."""
    frame = pl.DataFrame(
        {"s": [s for s, _ in pairs], "u": [u for _, u in pairs]}, schema={"s": pl.String, "u": pl.String}
    )
    return frame.select(sample_text(pl.col("s"), pl.col("u")).fill_null("")).to_series().to_list()
