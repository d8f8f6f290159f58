"""The compact tables every dashboard view reads, built in one pass over the workspace.

* **cells** — requests grouped by (day, provider, model, category, service tier), with
  token sums, ``cost_usd`` (priced requests only: a group of unpriced requests sums to $0)
  and ``unpriced_requests``; plus, per metadata key, the same grouped also by that key's
  value (a filter selects one key at a time, so no table crosses two keys). A few thousand
  rows each, so a chart query filters and sums them in milliseconds.
* **verdicts** — requests grouped by (template, category, category source, model), with
  ``cost_usd`` and ``confidence_sum`` (confidence × requests, for request-weighted means).

How: the cells come from the rollup's category cells (``Workspace.categorized``: the
rollup categorized and summed over templates, kept up to date at ingest), priced and summed
per (day, provider, model, service tier, category, metadata), so the dashboard starts in
about the same time at 10M requests as at 10k. The verdicts need the template, so they are
read from the rollup's cells by template (``Workspace.traffic``), priced, summed per
(day, provider, model, service tier, metadata, template) and categorized per group: built
when the categories page first asks for them. Metadata keys are read from each distinct
metadata text once.

Metadata keys become filters when they look like one: the keys most requests carry
(``project``, ``feature``, ``team``…), at most ``rollup.KEY_LIMIT``, leaving out a key with more
than ``rollup.MAX_VALUES`` values (user or trace ids are not a dropdown). A request without
the key has the value ``(none)``, as in ``report --by meta:KEY``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from analyzer import priced, rollup
from analyzer.aggregate import NONE_KEY
from analyzer.ingest.template import SEP
from analyzer.workspace import Workspace

META_SAMPLE = 10_000  # distinct metadata texts (most requests first) read to find the keys
KEYS = ("day", "provider", "model", "category", "service_tier")
GRAIN = ("day", "provider", "model", "service_tier", "metadata")
SUMS = ("requests", "input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens",
        "reasoning_tokens", "cost_usd", "unpriced_requests")
VERDICT_KEYS = ("template_id", "category", "category_source", "model")


@dataclass(frozen=True, eq=False)  # eq=False: DataFrame fields do not compare to a bool
class Tables:
    meta_keys: tuple[str, ...]  # the metadata keys that can filter, most requests first
    cells: dict[str | None, pl.DataFrame]  # None: KEYS + SUMS; key: also meta:KEY
    assumptions: list[str]  # what pricing assumed, in words
    usage_exports: tuple[int, float] = (0, 0.0)  # requests and cost of aggregated rows (no prompts)


@dataclass(frozen=True, eq=False)
class Verdicts:
    verdicts: pl.DataFrame  # VERDICT_KEYS, requests, cost_usd, confidence_sum
    samples: pl.DataFrame  # template_id, sample (the masked template text)


def meta_column(key: str) -> str:
    """The cells' column for a metadata key (prefixed: a key may be named like a column)."""
    return f"meta:{key}"


def build(ws: Workspace) -> Tables:
    """The cells, from the rollup's category cells (``Workspace.categorized``): a few
    thousand to a few hundred thousand, whatever the workspace's size."""
    cells = priced.rollup(ws)
    # one pass over the priced cells for both; streaming: 2-3x faster than in-memory
    groups, exports = pl.collect_all([_grouped(cells.frame, ("category",)), _usage_exports(cells.frame)],
                                     engine="streaming")
    kept = ws.rollup_keys()  # the rollup's metadata holds these keys (and the label, marked)
    keys = tuple(k for k in meta_keys(groups) if kept is None or k in kept)
    tables: dict[str | None, pl.DataFrame] = {None: _cells(groups)}
    if keys:
        valued = _with_meta_values(groups, keys)
        for key in keys:
            tables[key] = _cells(valued, key)
    requests, cost = exports.row(0)
    return Tables(keys, tables, cells.assumptions, (int(requests or 0), float(cost or 0.0)))


def _usage_exports(priced_cells: pl.LazyFrame) -> pl.LazyFrame:
    """Requests and cost of the rows usage exports wrote (``Format.aggregated``): daily
    totals with no prompt, so their category is ``other``."""
    from analyzer.ingest.formats import AGGREGATED

    return (priced_cells.filter(pl.col("source_format").is_in(list(AGGREGATED)))
            .select(pl.col("requests").sum(), pl.col("cost_usd").fill_null(0.0).sum()))


def verdicts(ws: Workspace) -> Verdicts:
    """Requests and cost per (template, category, source, model): the categories page's
    table, read from the rollup's cells by template (larger: built when first asked for)."""
    cells = priced.rollup(ws, by_template=True)
    groups = ws.categorize(_grouped(cells.frame, ("template_id",))).collect(engine="streaming")
    confidence = pl.col("category_confidence").fill_null(0.0) * pl.col("requests")
    table = (
        groups.lazy().group_by(VERDICT_KEYS)
        .agg(pl.col("requests", "cost_usd").sum(), confidence.sum().alias("confidence_sum"))
        .sort(VERDICT_KEYS, nulls_last=True)
        .collect(engine="streaming")
    )
    return Verdicts(table, _samples(ws.templates()))


def _grouped(priced: pl.LazyFrame, by: Sequence[str]) -> pl.LazyFrame:
    """Priced rows or cells summed per ``GRAIN`` and ``by`` (cache writes: 5-minute plus
    1-hour, as in report)."""
    unpriced = pl.col("price_status") == "unpriced"
    return priced.group_by(
        pl.col("timestamp").dt.date().alias("day"), *GRAIN[1:], *by
    ).agg(
        pl.col("requests", "input_tokens", "cache_read_tokens", "output_tokens",
               "reasoning_tokens").sum(),
        (pl.col("cache_write_tokens") + pl.col("cache_write_1h_tokens")).sum()
        .alias("cache_write_tokens"),
        pl.col("cost_usd").sum(),  # nulls (unpriced) add nothing
        pl.col("requests").filter(unpriced).sum().alias("unpriced_requests"),
    )


def meta_keys(groups: pl.DataFrame) -> tuple[str, ...]:
    """The metadata keys worth filtering by (see the module doc), most requests first: the
    rollup's rule (``rollup.ranked_keys``) over the most common metadata texts."""
    common = (
        groups.group_by("metadata").agg(pl.col("requests").sum())
        .sort("requests", descending=True).head(META_SAMPLE)
    )
    return rollup.ranked_keys(rollup.key_stats(common.iter_rows()))


def _cells(groups: pl.DataFrame, key: str | None = None) -> pl.DataFrame:
    """``KEYS`` + ``SUMS``; with ``key``, also by that key's value (``_with_meta_values``)."""
    by = [*KEYS] if key is None else [*KEYS, meta_column(key)]
    frame = groups.lazy().with_columns(pl.col("category").fill_null("other"))
    return frame.group_by(by).agg(pl.col(SUMS).sum()).sort(by).collect(engine="streaming")


def _with_meta_values(groups: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """``groups`` with a ``meta:KEY`` column per key (``(none)`` without it), each distinct
    metadata text read once for all keys (the texts repeat across days and models)."""
    values = groups.lazy().select(pl.col("metadata").unique()).with_columns(
        pl.col("metadata").str.json_path_match(f"$.{key}").fill_null(NONE_KEY).alias(meta_column(key))
        for key in keys
    )
    return (groups.lazy().join(values, on="metadata", how="left", nulls_equal=True)
            .collect(engine="streaming"))


def _samples(templates: pl.DataFrame) -> pl.DataFrame:
    """The text a template shows: the classifier's sample (masked), else its key."""
    text = pl.coalesce("sample_text", "template_key").fill_null("").str.strip_chars(SEP + " ")
    return templates.select("template_id", text.str.replace_all(SEP, f" {SEP} ", literal=True)
                            .alias("sample"))
