"""The rollup: stored requests summed into cells at ingest; every report reads the cells.

A cell is every request sharing

- its pricing time: the UTC day, or the half hour for providers whose prices change
  within a day (``catalog.time_of_day_providers``), kept in ``timestamp``;
- ``provider``, ``model``, ``service_tier``, ``status``, ``source_format``, ``template_id``;
- ``size_max``: the simulator's size bucket (input + output per request, ``SIZE_EDGES``);
- ``input_band``: how many long-context thresholds of the catalog its per-request input
  passes (``catalog.tier_thresholds``), so every request of a cell takes the same price
  tier, and so does the cell's average — pricing the sum is pricing each request;
- ``metadata``: the request's metadata reduced to the *rollup keys* — the keys users filter
  by (most requests carry them, at most ``MAX_VALUES`` values each, at most ``KEY_LIMIT``
  keys, chosen from the whole workspace), the caller's category label (``task`` /
  ``category``: kept when it is a taxonomy id, else marked ``~``) and Anthropic's
  ``context_window`` bucket (pricing);

with integer sums of ``requests`` and every token column, and the quality evidence of its
requests (``quality/evidence.py``: counts, sums, a latency histogram). Pricing and categories are
applied to cells when they are read, exactly as to rows (the cells have the columns the
readers use), so ``prices.toml``, relabels and rules apply to all history at once. A
report by a metadata key outside the rollup keys, or a ``classify.toml`` rule on one,
reads the raw rows instead (``Workspace.traffic``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson
import polars as pl

from analyzer.aggregate import is_meta_key
from analyzer.classify.assign import LABEL_KEYS
from analyzer.classify.taxonomy import CATEGORIES
from analyzer.ingest.exprs import meta
from analyzer.pricing import catalog
from analyzer.pricing.cost import per_request_input
from analyzer.quality import evidence
from analyzer.schema import CANONICAL_SCHEMA, TOKEN_COLUMNS
from analyzer.simulate.cells import size_bucket

KEY_LIMIT = 5  # as many filter keys as the dashboard offers
CATEGORY_BATCH = 100_000  # cells categorized at a time (categorized_cells)
MAX_VALUES = 50
STATS_TEXTS = 2_000  # distinct metadata texts per block read for key statistics
NOT_A_CATEGORY = "~"
KEYS = ("timestamp", "provider", "model", "service_tier", "status", "source_format", "template_id",
        "size_max", "input_band", "metadata")
SCHEMA = pl.Schema({
    **{k: CANONICAL_SCHEMA[k] for k in KEYS if k in CANONICAL_SCHEMA},
    "size_max": pl.Int64, "input_band": pl.Int8,
    **{c: pl.Int64 for c in TOKEN_COLUMNS},
    **evidence.SCHEMA,
})
VALUES = (*TOKEN_COLUMNS, *evidence.COLUMNS)


def _merged() -> list[pl.Expr]:
    """How cells merge: token counts and evidence add up (``evidence.aggregations``)."""
    return [pl.col(list(TOKEN_COLUMNS)).sum(), *evidence.aggregations()]

Stats = dict[str, dict[str, Any]]  # key -> {"requests": n, "values": [...] or None (too many)}


def block_stats(metadata: pl.Series) -> Stats:
    """Which metadata keys a block's rows carry, how often, with which values (capped)."""
    return key_stats(metadata.value_counts(sort=True, name="n").head(STATS_TEXTS).iter_rows())


def key_stats(texts: Iterable[tuple[str | None, int]]) -> Stats:
    """Which keys ``(metadata text, requests)`` pairs carry, for how many requests, with which
    values (``None`` past ``MAX_VALUES``)."""
    requests: Counter[str] = Counter()
    values: dict[str, set[str]] = {}
    for text, n in texts:
        try:
            obj = orjson.loads(text) if text else {}
        except orjson.JSONDecodeError:
            continue
        if not isinstance(obj, dict):
            continue
        for key, value in obj.items():
            requests[key] += n
            seen = values.setdefault(key, set())
            if len(seen) <= MAX_VALUES:
                seen.add(str(value))
    return {k: {"requests": n, "values": sorted(values[k]) if len(values[k]) <= MAX_VALUES else None}
            for k, n in requests.items()}


def merge_stats(a: Mapping[str, Mapping[str, Any]], b: Mapping[str, Mapping[str, Any]]) -> Stats:
    out: Stats = {k: dict(v) for k, v in a.items()}
    for key, s in b.items():
        mine = out.setdefault(key, {"requests": 0, "values": []})
        mine["requests"] += s["requests"]
        if mine["values"] is None or s["values"] is None:
            mine["values"] = None
        else:
            union = set(mine["values"]) | set(s["values"])
            mine["values"] = sorted(union) if len(union) <= MAX_VALUES else None
    return out


def ranked_keys(stats: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """The filter keys, most requests first: few values, usable in a JSON path."""
    usable = [k for k, s in stats.items() if s["values"] is not None and is_meta_key(k)]
    return tuple(sorted(usable, key=lambda k: (-stats[k]["requests"], k))[:KEY_LIMIT])


def choose_keys(stats: Mapping[str, Mapping[str, Any]]) -> tuple[str, ...]:
    """The rollup keys: ``ranked_keys``, in name order."""
    return tuple(sorted(ranked_keys(stats)))


def _kept(keys: Iterable[str]) -> list[str]:
    return sorted(set(keys) | set(LABEL_KEYS) | {"context_window"})


def reduced_metadata(keys: Iterable[str], decoded: pl.Expr | None = None) -> pl.Expr:
    """A row's metadata with only the rollup keys (see the module doc).

    ``decoded``: the metadata already parsed into the kept keys (``with_decoded_metadata``), else
    each key is looked up in the JSON text on its own (a parse per key)."""
    m = pl.col("metadata")
    fields: dict[str, pl.Expr] = {}
    for key in _kept(keys):
        value = m.str.json_path_match(f"$.{key}") if decoded is None else decoded.struct.field(key)
        if key in LABEL_KEYS and key not in keys:
            value = (pl.when(value.str.to_lowercase().is_in(list(CATEGORIES))).then(value)
                     .when(value.is_not_null()).then(pl.lit(NOT_A_CATEGORY)))
        elif key == "context_window" and key not in keys:
            value = (pl.when(value.str.starts_with("200k")).then(pl.lit("200k"))
                     .when(value.str.starts_with("0-")).then(pl.lit("0-")))
        fields[key] = value
    return meta(**fields)


def with_decoded_metadata(frame: pl.LazyFrame, keys: Iterable[str]) -> pl.LazyFrame:
    """``frame`` plus ``_meta``: each row's metadata parsed once into a struct of the kept
    keys. ``str.json_decode`` is about ten times faster than a ``json_path_match`` per key,
    but fails the whole column on a value that is a list, a raw tab or a text that is not
    JSON (see ``cells_of``). Rows with a number among their values are looked up key by key
    (the two spell ``1e5`` differently)."""
    m = pl.col("metadata")
    kept = _kept(keys)
    numeric = m.str.contains(r'":\s*-?[0-9]')
    frame = frame.with_columns(
        pl.when(~numeric).then(m).str.json_decode(pl.Struct({k: pl.String for k in kept})).alias("_meta"),
        pl.when(numeric).then(m).alias("_numeric"),
    )
    return frame.with_columns(pl.struct(
        pl.coalesce(pl.col("_meta").struct.field(k), pl.col("_numeric").str.json_path_match(f"$.{k}")).alias(k)
        for k in kept
    ).alias("_meta")).drop("_numeric")


def pricing_time() -> pl.Expr:
    ts = pl.col("timestamp")
    intraday = pl.col("provider").is_in(list(catalog.time_of_day_providers()))
    return pl.when(intraday).then(ts.dt.truncate("30m")).otherwise(ts.dt.truncate("1d"))


def input_band() -> pl.Expr:
    size = per_request_input()
    return pl.sum_horizontal(*[(size > t).cast(pl.Int8) for t in catalog.tier_thresholds()]).cast(pl.Int8)


def cells_of(rows: pl.DataFrame | pl.LazyFrame, keys: Iterable[str]) -> pl.DataFrame:
    """Canonical rows summed into cells (``SCHEMA``).

    The metadata is decoded once per row into the kept keys (``str.json_decode``, about ten
    times faster than a ``json_path_match`` per key); when some row's metadata cannot be
    decoded that way (an object or list value, a raw tab, a text that is not JSON), each key
    is looked up instead."""
    keys = tuple(keys)
    frame = rows.lazy().with_columns(size_bucket(), input_band().alias("input_band"),
                                     pricing_time().alias("timestamp"))
    try:
        decoded = with_decoded_metadata(frame, keys)
        return _summed(decoded.with_columns(reduced_metadata(keys, pl.col("_meta")).alias("metadata")))
    except pl.exceptions.PolarsError:
        return _summed(frame.with_columns(reduced_metadata(keys).alias("metadata")))


def _summed(frame: pl.LazyFrame) -> pl.DataFrame:
    """Rows summed into cells: the evidence counted in each group (``evidence.row_aggregations``)."""
    return (
        frame.group_by(KEYS).agg(pl.col(list(TOKEN_COLUMNS)).sum(), *evidence.row_aggregations())
        .select(pl.col(c).cast(t) for c, t in SCHEMA.items())
        .sort(KEYS, nulls_last=True)
        .collect()
    )


CATEGORY_KEYS = (*(k for k in KEYS if k != "template_id"), "category", "category_source")
CATEGORY_SCHEMA = pl.Schema({
    **{k: t for k, t in SCHEMA.items() if k != "template_id"},
    "category": pl.String, "category_source": pl.String,
})


def by_category(categorized: pl.LazyFrame) -> pl.DataFrame:
    """Categorized cells summed over templates (``CATEGORY_SCHEMA``): what every report
    reads. Chat-like traffic has a template per request or two, so this is where the rollup
    becomes small (1M requests of the generator's mix: 496k cells by template, 14k by
    category); per-template detail stays in the cells."""
    return (
        categorized.group_by(CATEGORY_KEYS).agg(_merged())
        .select(pl.col(c).cast(t) for c, t in CATEGORY_SCHEMA.items())
        .sort(CATEGORY_KEYS, nulls_last=True)
        .collect()
    )


def categorized_cells(cells: pl.LazyFrame, categorize: Callable[[pl.LazyFrame], pl.LazyFrame]) -> pl.DataFrame:
    """``by_category`` of ``cells`` given their categories by ``categorize``, ``CATEGORY_BATCH``
    cells at a time: the join that categorizes holds its whole input, and chat-like traffic
    has about one cell per request (1M requests of a chat log: 588k cells, 504 MB at once,
    358 MB in batches)."""
    n = cells.select(pl.len()).collect().item()
    if n <= CATEGORY_BATCH:
        return by_category(categorize(cells))
    parts = [by_category(categorize(cells.slice(o, CATEGORY_BATCH))) for o in range(0, n, CATEGORY_BATCH)]
    return by_category(pl.concat(parts).lazy())


def regroup(cells: pl.LazyFrame) -> pl.LazyFrame:
    """Cells of several parts with the same keys summed into one."""
    return cells.group_by(KEYS).agg(_merged())
