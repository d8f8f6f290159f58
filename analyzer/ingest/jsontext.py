"""Reading values out of JSON *text*: fields some exports nest as objects and others
encode as strings (LiteLLM ``metadata``, Langfuse ``input``), tag lists, flat objects.

``json_fields`` and ``decode_messages`` parse each text once with the NDJSON reader (a
failing block is bisected, so one odd value only loses itself); the rest are expressions.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import polars as pl

from analyzer.ingest.exprs import MESSAGES, NAN, ts
from analyzer.ingest.formats.base import Sample

S = pl.String




def blank_null(e: pl.Expr | str) -> pl.Expr:
    """A text field with empty / whitespace-only values as null."""
    e = pl.col(e) if isinstance(e, str) else e
    return pl.when(e.str.strip_chars() == "").then(None).otherwise(e)


def jp(e: pl.Expr, path: str) -> pl.Expr:
    """``json_path_match`` that treats a blank result as missing."""
    return blank_null(e.str.json_path_match(path))


def soft_num(e: pl.Expr | str) -> pl.Expr:
    """A non-token number (cost, latency): null when absent or not a number.

    Token counts use ``exprs.num`` so a bad value rejects the line; a bad cost or latency
    only loses that value.
    """
    e = pl.col(e) if isinstance(e, str) else e
    v = e.cast(S).str.strip_chars().cast(pl.Float64, strict=False)
    return pl.when(v.is_nan() | v.is_infinite()).then(None).otherwise(v)


def nan_max(*es: pl.Expr) -> pl.Expr:
    """Largest of the present values; NaN when any is NaN (so validation rejects it)."""
    return (
        pl.when(pl.any_horizontal([e.is_nan() for e in es]))
        .then(NAN)
        .otherwise(pl.max_horizontal(*es))
    )


def nan_min(x: pl.Expr, hi: pl.Expr) -> pl.Expr:
    """``min(x, hi)`` that keeps a NaN ``x`` (polars' min_horizontal would drop it)."""
    return pl.when(x.is_nan()).then(NAN).otherwise(pl.min_horizontal(x, hi))


def ensure_columns(frame: pl.DataFrame, schema: pl.Schema) -> pl.DataFrame:
    """Missing read-schema columns as null strings (CSV exports may leave columns out)."""
    missing = [pl.lit(None, S).alias(c) for c in schema.names() if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def doc_records(doc: Any) -> list[Any]:
    """Records of a JSON document: a list's items, a ``{"data": [...]}`` page, or itself."""
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict) and isinstance(doc.get("data"), list):
        return doc["data"]
    return [doc]


def sample_rows(sample: Sample) -> list[dict[str, Any]]:
    """The sample's objects, looking inside ``{"data": [...]}`` pages."""
    rows: list[dict[str, Any]] = []
    for r in sample.objects():
        data = r.get("data")
        if isinstance(data, list):
            rows.extend(x for x in data if isinstance(x, dict))
        else:
            rows.append(r)
    return rows


_STRING = r'"((?:[^"\\]|\\.)*)"'


def tags_text(e: pl.Expr) -> pl.Expr:
    """A JSON array of tags (or one plain tag) as comma-joined text; null when empty."""
    is_list = e.str.strip_chars().str.starts_with("[")
    joined = (
        e.str.extract_all(_STRING)
        .list.eval(pl.element().str.extract(_STRING, 1).str.replace_all(r'\\"', '"'))
        .list.join(",")
    )
    return blank_null(pl.when(is_list).then(joined).otherwise(e))


_PAIR = r'"((?:[^"\\]|\\.)*)"\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)'


def merge_flat(
    base: pl.Expr, extra: pl.Expr, exclude: Sequence[str], skip_prefixes: Sequence[str] = ()
) -> pl.Expr:
    """Add the scalar members of the flat JSON object ``extra`` to the object ``base``.

    Values become strings; keys in ``exclude`` (the ones ``base`` sets itself), keys
    starting with one of ``skip_prefixes`` and null values are left out. An ``extra``
    that nests objects or lists adds nothing.
    """
    return with_pairs(base, flat_pairs(extra, exclude, skip_prefixes))


def flat_pairs(extra: pl.Expr, exclude: Sequence[str], skip_prefixes: Sequence[str] = ()) -> pl.Expr:
    """The members ``merge_flat`` adds, as the body of a JSON object (``"k":"v",...``), or
    null or empty when it adds none (a text that repeats can be read once: ``with_pairs``)."""
    text = extra.str.strip_chars()
    flat = text.str.starts_with("{") & ~text.str.slice(1).str.contains(r"[\{\[]")
    key = pl.element().str.extract(_PAIR, 1)
    value = pl.element().str.extract(_PAIR, 2)
    skipped = pl.any_horizontal(pl.lit(False), *[key.str.starts_with(p) for p in skip_prefixes])
    quoted = pl.when(value.str.starts_with('"')).then(value).otherwise(
        pl.concat_str([pl.lit('"'), value, pl.lit('"')])
    )
    return (
        pl.when(flat)
        .then(text)
        .otherwise(None)
        .str.extract_all(_PAIR)
        .list.eval(
            pl.concat_str([pl.lit('"'), key, pl.lit('":'), quoted]).filter(
                ~key.is_in(list(exclude))
                & (value != "null")
                & ~skipped
            )
        )
        .list.join(",")
    )


def with_pairs(base: pl.Expr, pairs: pl.Expr) -> pl.Expr:
    """The JSON object ``base`` with the members ``pairs`` (``flat_pairs``) appended."""
    has = pairs.is_not_null() & (pairs != "")
    return (
        pl.when(~has)
        .then(base)
        .when(base == "{}")
        .then(pl.concat_str([pl.lit("{"), pairs, pl.lit("}")]))
        .otherwise(pl.concat_str([base.str.strip_suffix("}"), pl.lit(","), pairs, pl.lit("}")]))
    )


# LiteLLM ``custom_llm_provider`` (and LangChain ``ls_provider``) -> model_ids provider hint
_PROVIDERS: dict[str, str | None] = {
    "bedrock": "aws", "bedrock_converse": "aws", "sagemaker": "aws", "sagemaker_chat": "aws",
    "vertex_ai": "google", "vertex_ai_beta": "google", "gemini": "google",
    "google_genai": "google", "google_vertexai": "google", "google_anthropic_vertex": "google",
    "azure": "azure", "azure_ai": "azure", "azure_text": "azure",
    "text-completion-openai": "openai", "together_ai": "together", "fireworks_ai": "fireworks",
    "xai": "x-ai", "amazon_bedrock": "aws",
    "openrouter": None, "litellm_proxy": None, "hosted_vllm": None, "openai_like": None,
    "custom_openai": None,
}


def provider_hint(e: pl.Expr) -> pl.Expr:
    low = blank_null(e).str.strip_chars().str.to_lowercase()
    return low.replace(_PROVIDERS)


def _looks_like(texts: pl.Series, opener: str, closer: str) -> tuple[pl.Series, pl.Series]:
    """The texts stripped, and whether each looks like a JSON object (``{``) or a list of
    objects (``[``)."""
    t = texts.cast(S).str.strip_chars()
    head = r"^\[\s*(\{|\])" if opener == "[" else r"^\{"
    return t, (t.str.contains(head) & t.str.ends_with(closer)).fill_null(False)


def _wrapped_lines(texts: pl.Series, opener: str, closer: str, tabs_escaped: bool = True) -> pl.Series:
    """``{"m": <JSON text>}`` per row; ``{"m":null}`` where the text is not that kind of value.

    Line breaks become spaces (one record per line). A nested value that the NDJSON reader
    handed back as text carries its strings' tabs and other control characters raw (it
    escapes only line breaks, quotes and backslashes), which no JSON reader takes: tabs are
    escaped, the rarer controls become spaces. A text that was JSON already can only hold
    them between tokens: ``tabs_escaped=False`` reads such a text again, tabs as spaces."""
    t, ok = _looks_like(texts, opener, closer)
    flat = t.str.replace_all(r"[\r\n]+", " ").str.replace_all(r"[\x00-\x08\x0b-\x1f]", " ")
    flat = flat.str.replace_all("\t", "\\t", literal=True) if tabs_escaped else flat.str.replace_all("\t", " ", literal=True)
    return pl.select(
        pl.when(ok)
        .then(pl.concat_str([pl.lit('{"m":'), flat, pl.lit("}")]))
        .otherwise(pl.lit('{"m":null}'))
    ).to_series()


def _json_decoded(texts: pl.Series, dtype: pl.DataType, opener: str, closer: str) -> pl.Series | None:
    """``str.json_decode`` of the texts that look like the value asked for (others null),
    or None when any of them cannot be decoded that way. Raw tabs are escaped first (the
    NDJSON reader's text of a nested value keeps its strings' tabs raw)."""
    t, ok = _looks_like(texts, opener, closer)
    try:
        escaped = pl.when(ok).then(t).str.replace_all("\t", "\\t", literal=True)
        return pl.select(escaped.str.json_decode(dtype).alias("m")).to_series()
    except (pl.exceptions.PolarsError, ValueError):
        return None


def _read_block(lines: pl.Series, dtype: pl.DataType) -> pl.Series | None:
    if lines.len() == 0:
        return pl.Series("m", [], dtype)
    data = (lines.str.join("\n").item() + "\n").encode()
    try:
        frame = pl.read_ndjson(io.BytesIO(data), schema={"m": dtype})
    except (pl.exceptions.PolarsError, ValueError):
        return None
    return frame["m"] if frame.height == lines.len() else None


def _decode(texts: pl.Series, dtype: pl.DataType, opener: str) -> tuple[pl.Series, pl.Series]:
    """``(values, failed)``: JSON texts parsed once each.

    First ``str.json_decode`` of the whole column, which is fast (about 8x the NDJSON
    reader on nested lists) but fails the whole column on one odd value: an object or list
    under a ``String`` leaf, a raw tab, a string where an object was expected. Then the
    NDJSON reader, which turns nested values under a ``String`` leaf into their JSON text;
    a block that fails is bisected, so only the rows that cannot be read come back null
    (and ``failed``). Where the first way succeeds both give the same values (tested).
    """
    closer = "]" if opener == "[" else "}"
    fast = _json_decoded(texts, dtype, opener, closer)
    if fast is not None:
        return fast, pl.Series("failed", [False] * texts.len(), pl.Boolean)
    lines = _wrapped_lines(texts, opener, closer)
    failed: list[int] = []

    def read(part: pl.Series, offset: int) -> pl.Series:
        got = _read_block(part, dtype)
        if got is not None:
            return got
        if part.len() == 1:
            failed.append(offset)
            return pl.Series("m", [None], dtype)
        mid = part.len() // 2
        return pl.concat([read(part.slice(0, mid), offset), read(part.slice(mid), offset + mid)])

    values = read(lines, 0)
    if failed:  # tabs between the tokens of a text that was JSON already
        retry = pl.Series(failed, dtype=pl.UInt32)
        lines, first, failed = _wrapped_lines(texts.gather(retry), opener, closer, tabs_escaped=False), failed, []
        again = pl.DataFrame({"i": retry, "again": read(lines, 0)})
        values = (pl.DataFrame({"m": values}).with_row_index("i").join(again, on="i", how="left")
                  .select(pl.coalesce("again", "m").alias("m")).to_series())
        failed = [first[i] for i in failed]
    mask = pl.Series("failed", [False] * texts.len(), pl.Boolean)
    if failed:
        mask = mask.scatter(failed, True)
    return values, mask


def decode_messages(texts: pl.Series) -> pl.Series:
    """``List(Struct{role, content})`` from message-list JSON texts; null where unreadable."""
    return _decode(texts, MESSAGES, "[")[0].alias("_msgs")


def _struct_of(paths: Sequence[str]) -> pl.Struct:
    tree: dict[str, Any] = {}
    for path in paths:
        node = tree
        *parents, leaf = path.split(".")
        for part in parents:
            node = node.setdefault(part, {})
        node[leaf] = None

    def build(node: dict[str, Any]) -> pl.Struct:
        return pl.Struct({k: S if v is None else build(v) for k, v in node.items()})

    return build(tree)


def json_fields(
    texts: pl.Series, paths: Sequence[str], prefix: str = "", text_paths: Sequence[str] = ()
) -> pl.DataFrame:
    """String columns ``prefix + path`` with the values at dotted ``paths`` of JSON objects.

    Each text is parsed once (see ``_decode``). Values that are objects or lists come back
    as JSON text, numbers as their text; a missing key, a non-object text or a null gives
    null. Rows whose shape the one-pass read cannot take (an object where a string was
    expected on the way down) fall back to ``json_path_match`` for those rows only.

    ``text_paths``: members expected to hold objects or lists, taken as compact JSON text
    with ``json_path_match`` (one more parse each), which keeps the one pass on its fast
    way (``_decode``) for the scalar ``paths``.
    """
    values, failed = _decode(texts, _struct_of(paths), "{") if paths else (None, None)

    def field(path: str) -> pl.Expr:
        e = pl.col("m")
        for part in path.split("."):
            e = e.struct.field(part)
        return e

    out = pl.DataFrame({"m": values}).select(
        [blank_null(field(p)).alias(prefix + p) for p in paths]
    ) if paths else pl.DataFrame()
    if failed is not None and failed.any():
        idx = failed.arg_true()
        fallback = pl.DataFrame({"t": texts.cast(S).gather(idx)}).select(
            [jp(pl.col("t"), f"$.{p}").alias(prefix + p) for p in paths]
        )
        out = out.with_columns(
            [out[c].clone().scatter(idx, fallback[c]) for c in out.columns]
        )
    if not text_paths:
        return out
    objects = pl.DataFrame({"t": texts.cast(S)}).select(jp(pl.col("t"), f"$.{p}").alias(prefix + p) for p in text_paths)
    return out.hstack(objects) if paths else objects


def add_json_fields(
    frame: pl.DataFrame, texts: pl.Expr, paths: Sequence[str], prefix: str,
    text_paths: Sequence[str] = (),
) -> pl.DataFrame:
    """``frame`` plus the ``json_fields`` of the JSON texts ``texts`` evaluates to."""
    series = frame.select(texts.cast(S).alias("t"))["t"]
    return frame.hstack(json_fields(series, paths, prefix, text_paths))


def looks_json(e: pl.Expr) -> pl.Expr:
    s = e.str.strip_chars()
    return s.str.starts_with("{") | s.str.starts_with("[")


def ms_between(start: pl.Expr, end: pl.Expr) -> pl.Expr:
    """Milliseconds from one parsed time to another."""
    return (end - start).dt.total_microseconds().cast(pl.Float64) / 1000.0


def first_token_ms(start: pl.Expr, first_token: pl.Expr) -> pl.Expr:
    """Time to the first token from two parsed times; null when missing or before the start."""
    gap = ms_between(start, first_token)
    return pl.when(gap >= 0).then(gap).alias("ttft_ms")


def ttft_ms(start: pl.Expr, first_token: pl.Expr) -> pl.Expr:
    """``first_token_ms`` of two times as logged (``startTime``, ``completionStartTime``)."""
    return first_token_ms(ts(start), ts(first_token))


TOKENS = ("input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens",
          "output_tokens", "reasoning_tokens")


def fit_cache_parts(frame: pl.DataFrame, zero_when: pl.Expr) -> pl.DataFrame:
    """Final token columns from ``input_tokens``, ``output_tokens`` and the raw parts
    ``_read``, ``_write`` (all cache writes), ``_write_1h`` and ``_reasoning``.

    Each part is clamped to what holds it — reads to the input, writes to the input left
    after reads, 1-hour writes to the writes, reasoning to the output — keeping NaN so a
    non-number is still rejected; every token column is 0 where ``zero_when``.
    """
    c = pl.col
    frame = frame.with_columns(nan_min(c("_read"), c("input_tokens").fill_null(0.0)).alias("cache_read_tokens"))
    room = (c("input_tokens").fill_null(0.0) - c("cache_read_tokens")).clip(0.0)
    frame = frame.with_columns(nan_min(c("_write"), room).alias("_write"))
    frame = frame.with_columns(
        nan_min(c("_write_1h"), c("_write")).alias("cache_write_1h_tokens"),
        nan_min(c("_reasoning"), c("output_tokens").fill_nan(None).fill_null(0.0)).alias("reasoning_tokens"),
    )
    frame = frame.with_columns((c("_write") - c("cache_write_1h_tokens")).alias("cache_write_tokens"))
    return frame.with_columns([pl.when(zero_when).then(0.0).otherwise(c(k)).alias(k) for k in TOKENS])
