"""Template fingerprints: what grouping reads of a prompt is all the key depends on."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest import template

# Texts made of the pieces the mask treats specially: whitespace runs, line breaks, colons,
# digits, quotes, URLs, e-mail addresses, and plain words.
PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", ":", "a", "Word", "x1", "2024-05-01", '"', "“", "”",
                          "https://e.x/a?b=1", "a.b@c.de", "é", "ticket", " : ", "\u00a0", "\u2003"])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(system=st.one_of(st.none(), TEXTS), users=st.lists(st.one_of(st.none(), TEXTS), min_size=1, max_size=8))
def test_the_key_of_the_head_is_the_key_of_the_whole_text(system: str | None, users: list[str | None]) -> None:
    frame = pl.DataFrame({"s": [system] * len(users), "u": users}, schema={"s": pl.String, "u": pl.String})
    whole = frame.select(template.template_key(pl.col("s"), pl.col("u"))).to_series()
    head = frame.select(template.template_key(pl.col("s"), template.key_head(pl.col("u")))).to_series()
    assert whole.to_list() == head.to_list()


def test_the_head_is_short_whatever_the_text() -> None:
    long = "   Summarize the following report for the board:\n" + "word " * 10_000
    head = pl.select(template.key_head(pl.lit(long))).item()
    assert head == "Summarize the following report for the board:\nword word word"  # 60 characters
    assert len(head) == template.USER_CHARS == 60
