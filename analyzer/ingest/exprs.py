"""Polars expressions that adapters use to turn raw string fields into canonical values.

Adapters read every JSON leaf as a string (see ``jsonl.py``), so a wrong type never
breaks a whole file. These helpers cast with a marker for "present but unusable":

- ``num(e)`` gives a Float64: null when the field is absent, NaN when it is present but
  not a number. NaN survives arithmetic, so ``validate`` rejects the line with a reason.
- ``ts(e)`` parses ISO-8601 (with ``Z``, an offset, or none = UTC, ``T`` or a space),
  and Unix epochs in seconds, milliseconds, microseconds or nanoseconds, told apart by
  range: each unit is read only where it lands between 2000 and 2100 (the ranges do not
  overlap), and an epoch that fits none is unparseable (year 9999 in seconds is not read
  as milliseconds of 1978). Unparseable values become null and the
  raw text is kept in ``_ts_raw`` for the rejection message.
"""

from __future__ import annotations

import json

import polars as pl

from analyzer.schema import TIMESTAMP

NAN = float("nan")


def num(e: pl.Expr | str) -> pl.Expr:
    """A numeric field: null if absent, NaN if present but not a number."""
    e = pl.col(e) if isinstance(e, str) else e
    s = e.cast(pl.String)
    v = s.str.strip_chars().cast(pl.Float64, strict=False)
    return pl.when(s.is_not_null() & v.is_null()).then(NAN).otherwise(v)


def tok(e: pl.Expr | str) -> pl.Expr:
    """An optional token count: 0 when absent, NaN when not a number."""
    return num(e).fill_null(0.0)


_ISO_TZ = "%Y-%m-%dT%H:%M:%S%.f%#z"
EPOCH_RANGE = (946_684_800, 4_102_444_800)  # 2000-01-01 .. 2100-01-01, in seconds
_ISO_NAIVE = "%Y-%m-%dT%H:%M:%S%.f"


def ts(e: pl.Expr | str) -> pl.Expr:
    """Parse a timestamp string into UTC; null when it cannot be parsed."""
    e = pl.col(e) if isinstance(e, str) else e
    s = e.cast(pl.String).str.strip_chars().str.replace(" ", "T", literal=True)
    epoch = s.cast(pl.Float64, strict=False)
    epoch_us = pl.lit(None, pl.Float64)
    for per_second in (1e9, 1e6, 1e3, 1.0):  # ns, us, ms, s
        lo, hi = EPOCH_RANGE
        within = epoch.is_between(lo * per_second, hi * per_second)
        epoch_us = pl.when(within).then(epoch * 1e6 / per_second).otherwise(epoch_us)
    return pl.coalesce(
        s.str.strptime(TIMESTAMP, _ISO_TZ, strict=False),
        s.str.strptime(pl.Datetime("us"), _ISO_NAIVE, strict=False).dt.replace_time_zone("UTC"),
        s.str.strptime(pl.Datetime("us"), "%Y-%m-%d", strict=False).dt.replace_time_zone("UTC"),
        pl.from_epoch(epoch_us.cast(pl.Int64, strict=False), time_unit="us").dt.replace_time_zone(
            "UTC"
        ),
    )


def timestamp_columns(e: pl.Expr | str) -> list[pl.Expr]:
    """``timestamp`` and ``_ts_raw`` (kept so a rejection can quote the bad value)."""
    e = pl.col(e) if isinstance(e, str) else e
    return [ts(e).alias("timestamp"), e.cast(pl.String).alias("_ts_raw")]


def json_string(v: pl.Expr) -> pl.Expr:
    """A string expression as a JSON string literal (null stays null)."""
    enc = pl.struct(v.cast(pl.String).alias("v")).struct.json_encode()  # {"v":"..."}
    return pl.when(v.is_null()).then(None).otherwise(enc.str.slice(5).str.strip_suffix("}"))


_NULL_MEMBER = r'"(?:[^"\\]|\\.)*":null'  # a member whose value is null, in JSON polars wrote


def meta(**fields: pl.Expr) -> pl.Expr:
    """A flat JSON object of string values for the ``metadata`` column; null keys are left out.

    One struct encoded once, its null members then cut out (about twice as fast as encoding
    each value apart, which it equals byte for byte): in text polars encoded, a quote that is
    not escaped delimits a token, so ``"key":null`` after a ``,`` or the ``{`` is a member.
    Keys that JSON would escape (quotes, control or non-ASCII characters) take the member by
    member way, so every key is written as ``json.dumps`` writes it."""
    if not fields:
        return pl.lit("{}")
    if all(k and json.dumps(k) == f'"{k}"' for k in fields):
        whole = pl.struct(*(v.cast(pl.String).alias(k) for k, v in fields.items())).struct.json_encode()
        return whole.str.replace_all("," + _NULL_MEMBER, "").str.replace(r"^\{" + _NULL_MEMBER + ",?", "{")
    parts = [pl.concat_str([pl.lit(json.dumps(k) + ":"), json_string(v)]) for k, v in fields.items()]
    body = pl.concat_str(parts, separator=",", ignore_nulls=True)
    return pl.concat_str([pl.lit("{"), body.fill_null(""), pl.lit("}")])


def merge_meta(*objects: pl.Expr) -> pl.Expr:
    """Merge JSON-object texts (later keys win); values that are not objects are ignored."""
    bodies = []
    for o in objects:
        norm = o.cast(pl.String).str.json_path_match("$")  # null for invalid JSON; compact otherwise
        body = norm.str.strip_prefix("{").str.strip_suffix("}")
        bodies.append(
            pl.when(norm.str.starts_with("{") & (body.str.len_chars() > 0)).then(body)
        )
    joined = pl.concat_str(bodies, separator=",", ignore_nulls=True).fill_null("")
    merged = pl.concat_str([pl.lit("{"), joined, pl.lit("}")])
    # Re-normalising drops repeated keys (the last one wins).
    return merged.str.json_path_match("$").fill_null("{}")


_TEXT_PART = r'"text"\s*:\s*"((?:[^"\\]|\\.)*)"'


def content_text(e: pl.Expr | str) -> pl.Expr:
    """Message content as plain text.

    Content is either a string or (read as JSON text) a list of parts such as
    ``[{"type": "text", "text": "..."}]``; for the latter the text parts are joined.
    """
    e = pl.col(e) if isinstance(e, str) else e
    looks_json = e.str.starts_with("[{") | e.str.starts_with('{"')
    # the pattern runs on JSON-looking contents only (a plain string is most of them)
    parts = pl.when(looks_json).then(e).str.extract_all(_TEXT_PART).list.eval(
        pl.element().str.extract(_TEXT_PART, 1).str.replace_all(r"\\n", "\n")
        .str.replace_all(r'\\"', '"')
    ).list.join("\n")
    return pl.when(looks_json).then(parts).otherwise(e)


def messages_text(messages: pl.Expr | str, role: str | tuple[str, ...]) -> pl.Expr:
    """Text of the messages with the given role(s), joined by newlines.

    ``messages`` is a List(Struct{role: String, content: String}) column.
    """
    messages = pl.col(messages) if isinstance(messages, str) else messages
    roles = (role,) if isinstance(role, str) else role
    return (
        messages.list.eval(
            pl.element()
            .filter(pl.element().struct.field("role").is_in(roles))
            .struct.field("content")
        )
        .list.eval(content_text(pl.element()))
        .list.join("\n")
    ).replace("", None)


def last_user_text(messages: pl.Expr | str) -> pl.Expr:
    """Text of the last user message: the request's actual ask in a conversation."""
    messages = pl.col(messages) if isinstance(messages, str) else messages
    return messages.list.eval(
        pl.element().filter(pl.element().struct.field("role") == "user").struct.field("content")
    ).list.last().pipe(content_text)


MESSAGE = pl.Struct({"role": pl.String, "content": pl.String})
MESSAGES = pl.List(MESSAGE)
