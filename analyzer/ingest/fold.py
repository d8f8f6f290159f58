"""Chat-like traffic stays small: templates seen once are folded into a coarse one.

Where every user message differs (a chatbot, or prompts with no fixed instruction line),
the template key (system prompt + masked first line of the user text, ``template.py``)
never repeats, and each request would become a template of its own: a template table and a
rollup keyed by template as large as the rows, and the classifier run once per request.

At the end of a run, the new templates that held a single request are grouped by their
system prompt part and the first word of their user part. A group of at least
``FOLD_MIN`` of them becomes one template, keyed ``<system>␟<first word> ␞``: the rows
take its id (in the stored rows and the rollup alike), the classifier reads the sample text
of its first member (by template id), and a relabel or a ``classify.toml`` rule applies to
it as to any template. Smaller groups keep their own templates, so a rare prompt keeps its
own verdict; templates that repeat, and templates the workspace already holds, are never
folded. The coarse id is a digest of its key, so the same chat app folds into the same
template run after run.

Request ids derived from content (``normalize._fill_ids``) are computed before folding, so
re-ingesting a file dedupes exactly as before.
"""

from __future__ import annotations

from collections.abc import Collection

import polars as pl

from analyzer.ingest.template import SEP, ids_for

FOLD_MIN = 10  # singletons sharing a system prompt and first word before they fold
FOLDED = " \u241e"  # ends a folded template's key: "<system>␟<first word> ␞"
MAPPING = pl.Schema({"template_id": pl.String, "folded_id": pl.String})  # fine id -> folded id
TEMPLATES = pl.Schema({"template_id": pl.String, "template_key": pl.String, "sample_text": pl.String,
                       "requests": pl.UInt32, "has_tools": pl.Boolean, "message_count": pl.Int32})


def merge_templates(frames: list[pl.DataFrame]) -> pl.DataFrame:
    """A run's template tables as one, a row per template (``TEMPLATES``): the first key and
    sample text met, the requests summed."""
    if not frames:
        return pl.DataFrame(schema=TEMPLATES)
    return pl.concat(frames, how="diagonal_relaxed").group_by("template_id").agg(
        pl.col("template_key").drop_nulls().first(), pl.col("sample_text").drop_nulls().first(),
        pl.col("requests").sum(), pl.col("has_tools").any(), pl.col("message_count").max(),
    )


def fold_singletons(templates: pl.DataFrame, known: Collection[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``templates`` with the folded groups replaced by their coarse template, and the
    mapping for the run's rows: ``template_id`` -> ``folded_id`` (no rows when nothing
    folds; see ``apply``).

    ``templates``: one row per template of the run (``template_id``, ``template_key``,
    ``sample_text``, ``requests``, ``has_tools``, ``message_count``)."""
    single = (
        (pl.col("requests") == 1)
        & pl.col("template_key").is_not_null()
        & ~pl.col("template_id").is_in(pl.Series(list(known), dtype=pl.String).implode())
    )
    parts = pl.col("template_key").str.split_exact(SEP, 1)
    first_word = parts.struct.field("field_1").fill_null("").str.extract(r"^(\S*)", 1).fill_null("")
    coarse = pl.concat_str([parts.struct.field("field_0"), pl.lit(SEP), first_word, pl.lit(FOLDED)])
    candidates = templates.lazy().filter(single).select("template_id", coarse.alias("_coarse"))
    members = candidates.filter(pl.len().over("_coarse") >= FOLD_MIN).collect()
    if members.height == 0:
        return templates, pl.DataFrame(schema=MAPPING)
    keys = members.group_by("_coarse").agg(pl.col("template_id").min().alias("_first"))
    keys = keys.with_columns(ids_for(keys["_coarse"]).alias("folded_id"))
    mapping = members.join(keys, on="_coarse").select("template_id", "folded_id")
    of_members = templates.join(mapping, on="template_id")  # the members' own rows
    folded = of_members.group_by("folded_id").agg(
        pl.col("requests").sum(), pl.col("has_tools").any(), pl.col("message_count").max(),
    ).join(keys.select("folded_id", pl.col("_coarse").alias("template_key"), "_first"), on="folded_id")
    # the classifier reads the sample text of the group's first member (by template id)
    folded = folded.join(templates.select(pl.col("template_id").alias("_first"), "sample_text"), on="_first")
    folded = folded.rename({"folded_id": "template_id"}).select(templates.columns).cast(templates.schema)
    kept = templates.join(mapping, on="template_id", how="anti")
    # a coarse template met in this run under its own id (rows of an earlier fold) merges in
    merged = merge_templates([kept, folded])
    return merged.select(templates.columns).cast(templates.schema), mapping


def apply(rows: pl.DataFrame, mapping: pl.DataFrame) -> pl.DataFrame:
    """``rows`` with the template ids of folded templates replaced by their coarse one."""
    if mapping.height == 0:
        return rows
    joined = rows.join(mapping, on="template_id", how="left", maintain_order="left")
    return joined.with_columns(pl.coalesce("folded_id", "template_id").alias("template_id")).drop("folded_id")


__all__ = ["FOLDED", "FOLD_MIN", "MAPPING", "TEMPLATES", "apply", "fold_singletons", "merge_templates"]
