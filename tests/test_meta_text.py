"""The metadata text ``exprs.meta`` writes: one struct encoded at once, its null members cut
out, byte for byte what encoding each member apart writes (the way kept for keys JSON
escapes)."""

from __future__ import annotations

import json

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.ingest.exprs import json_string, meta

KEYS = ("project", "user", "team", "note")


def member_by_member(**fields: pl.Expr) -> pl.Expr:
    parts = [pl.concat_str([pl.lit(json.dumps(k) + ":"), json_string(v)]) for k, v in fields.items()]
    body = pl.concat_str(parts, separator=",", ignore_nulls=True)
    return pl.concat_str([pl.lit("{"), body.fill_null(""), pl.lit("}")])


# values that look like the pieces the null-member cut matches: quotes, colons, "null", commas
tricky = st.sampled_from(['"', '":null', ',"k":null', "\\", "null", "{", "é", "\t", "\x01", ""])
values = st.one_of(st.none(), st.text(max_size=12), st.lists(tricky, max_size=4).map("".join))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(*[values] * len(KEYS)), min_size=1, max_size=20))
def test_meta_equals_encoding_each_member(rows: list[tuple[str | None, ...]]) -> None:
    frame = pl.DataFrame(rows, schema={k: pl.String for k in KEYS}, orient="row")
    fields = {k: pl.col(k) for k in KEYS}
    fast = frame.select(meta(**fields).alias("m"))["m"]
    slow = frame.select(member_by_member(**fields).alias("m"))["m"]
    assert fast.to_list() == slow.to_list()
    for text, row in zip(fast.to_list(), rows, strict=True):
        assert json.loads(text) == {k: v for k, v in zip(KEYS, row, strict=True) if v is not None}


def test_keys_json_escapes_keep_the_member_by_member_way() -> None:
    frame = pl.DataFrame({"a": ["x", None], "b": ["y", "z"]})
    for keys in (("é", "b"), ('q"k', "b"), ("", "b")):
        fields = dict(zip(keys, (pl.col("a"), pl.col("b")), strict=True))
        got = frame.select(meta(**fields).alias("m"))["m"].to_list()
        assert got == frame.select(member_by_member(**fields).alias("m"))["m"].to_list()
        assert json.loads(got[0]) == {keys[0]: "x", keys[1]: "y"} and json.loads(got[1]) == {keys[1]: "z"}
