"""Format-agnostic clean-up between an adapter and the workspace.

``conform`` gives an adapter's frame every pre-canonical column (defaults for the ones the
format lacks), so validation sees one shape. ``finish`` turns validated rows into the
canonical table: canonical model ids, service tiers, content-derived ids for records
without one, template fingerprints, and prompt text only when the user asked to keep it.
"""

from __future__ import annotations

import polars as pl

from analyzer.ingest import signals, template
from analyzer.ingest.jsonl import FILE_SHIFT
from analyzer.model_ids import canonical
from analyzer.schema import BILLED_SCHEMA, CANONICAL_SCHEMA, FEEDBACK_SCHEMA, ID_TOKEN_COLUMNS, TOKEN_COLUMNS

PROMPT_CHARS = 2000

_DEFAULTS: dict[str, pl.Expr] = {
    "request_id": pl.lit(None, pl.String),
    "provider": pl.lit(None, pl.String),
    "model_raw": pl.lit(None, pl.String),
    "requests": pl.lit(1.0),
    **{c: pl.lit(0.0) for c in TOKEN_COLUMNS if c != "requests"},
    "tokens_estimated": pl.lit(False),
    "service_tier": pl.lit(None, pl.String),
    "status": pl.lit("ok"),
    "latency_ms": pl.lit(None, pl.Float64),
    "logged_cost_usd": pl.lit(None, pl.Float64),
    "metadata": pl.lit("{}"),
    "finish_reason": pl.lit(None, pl.String),
    "json_requested": pl.lit(None, pl.Boolean),
    "json_valid": pl.lit(None, pl.Boolean),
    "ttft_ms": pl.lit(None, pl.Float64),
    "feedback_score": pl.lit(None, pl.Float64),
    "feedback_flag": pl.lit(None, pl.Boolean),
    "feedback_for": pl.lit(None, pl.String),  # a verdict on another record (see feedback_rows)
    "feedback_target": pl.lit("request"),
    "feedback_name": pl.lit(None, pl.String),
    "system_text": pl.lit(None, pl.String),
    "user_text": pl.lit(None, pl.String),
    "message_count": pl.lit(None, pl.Int32),
    "has_tools": pl.lit(None, pl.Boolean),
    "custom_id": pl.lit(None, pl.String),
    "billed_usd": pl.lit(None, pl.Float64),
    "_skip": pl.lit(False),
    "timestamp": pl.lit(None, CANONICAL_SCHEMA["timestamp"]),
    "_ts_raw": pl.lit(None, pl.String),
    "_reject": pl.lit(None, pl.String),  # an adapter's reason to reject the record
}
_DTYPES: dict[str, pl.DataType] = {
    **{c: pl.Float64 for c in TOKEN_COLUMNS},
    "latency_ms": pl.Float64,
    "ttft_ms": pl.Float64,
    "feedback_score": pl.Float64,
    "feedback_flag": pl.Boolean,
    "json_requested": pl.Boolean,
    "json_valid": pl.Boolean,
    "logged_cost_usd": pl.Float64,
    "billed_usd": pl.Float64,
    "message_count": pl.Int32,
    "has_tools": pl.Boolean,
    "tokens_estimated": pl.Boolean,
    "_skip": pl.Boolean,
    "timestamp": CANONICAL_SCHEMA["timestamp"],
}

_TIERS = {
    "default": "standard", "auto": "standard", "standard": "standard", "on_demand": "standard",
    "provisioned_throughput": "standard", "standard_only": "standard",
    "batch": "batch", "flex": "flex", "on_demand_flex": "flex",
    "priority": "priority", "scale": "priority", "fast": "priority", "ultrafast": "priority",
    "on_demand_priority": "priority",
}


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """Every pre-canonical column present, with its dtype (``_line`` is kept)."""
    missing = [v.alias(k) for k, v in _DEFAULTS.items() if k not in frame.columns]
    frame = frame.with_columns(missing) if missing else frame
    casts = [
        pl.col(k).cast(t, strict=False) for k, t in _DTYPES.items() if frame.schema[k] != t
    ]
    frame = frame.with_columns(casts) if casts else frame
    # A missing optional value means "none"; ``requests`` defaults to one request.
    return frame.with_columns(
        pl.col("requests").fill_null(1.0),
        *[pl.col(c).fill_null(0.0) for c in TOKEN_COLUMNS if c != "requests"],
        pl.col("status").fill_null("ok"),
        pl.col("metadata").fill_null("{}"),
        pl.col("_skip").fill_null(False),
        pl.col("tokens_estimated").fill_null(False),
    )


def fingerprint(
    frame: pl.DataFrame, *, keep_text: bool, seen: set[str] | None = None
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Replace the prompt text by its ``template_id`` (and ``prompt_text`` with ``keep_text``).

    Runs per chunk, so a large file never holds its prompts in memory. Returns the frame
    without ``system_text`` / ``user_text`` and the chunk's templates (``template_id``,
    ``template_key``, ``sample_text``, ``requests``, ``has_tools``, ``message_count``).

    The key is computed once per distinct (system prompt, head of the user text) pair, and
    the sample text (which masks the whole user text) only for templates not in ``seen``
    (those already met in this run or the workspace); the others' ``template_key`` and
    ``sample_text`` are null. ``seen`` is only read: the caller adds the new templates when
    it takes the chunk, in order, so chunks can be fingerprinted concurrently.
    """
    head = template.key_head(pl.col("user_text"))
    pairs = frame.select(pl.col("system_text"), head.alias("_head")).unique()
    pairs = pairs.with_columns(
        template.template_key(pl.col("system_text"), pl.col("_head")).alias("_template_key")
    )
    pairs = pairs.with_columns(template.ids_for(pairs["_template_key"]).alias("template_id"))
    frame = frame.with_columns(head.alias("_head")).join(
        pairs, on=["system_text", "_head"], how="left", nulls_equal=True, maintain_order="left"
    )
    prompt = pl.concat_str(
        [pl.col("system_text"), pl.col("user_text")], separator="\n\n", ignore_nulls=True
    ).str.slice(0, PROMPT_CHARS)
    frame = frame.with_columns(
        (prompt if keep_text else pl.lit(None, pl.String)).replace("", None).alias("prompt_text"),
    )
    keyed = frame.filter(pl.col("template_id").is_not_null())
    firsts = keyed.filter(pl.col("template_id").is_first_distinct())
    if seen is not None:
        new = [t for t in firsts["template_id"].to_list() if t not in seen]
        firsts = firsts.filter(pl.col("template_id").is_in(pl.Series(new, dtype=pl.String).implode()))
    texts = firsts.select(
        "template_id",
        pl.col("_template_key").alias("template_key"),
        template.sample_text(pl.col("system_text"), pl.col("user_text")).alias("sample_text"),
    )
    stats = keyed.group_by("template_id").agg(
        pl.len().cast(pl.UInt32).alias("requests"),
        pl.col("has_tools").fill_null(False).any().alias("has_tools"),
        pl.col("message_count").max().alias("message_count"),
    )
    templates = stats.join(texts, on="template_id", how="left")
    return frame.drop("system_text", "user_text", "_template_key", "_head"), templates


def finish(
    frame: pl.DataFrame,
    *,
    source_format: str,
    paths: dict[int, str],
    carry: tuple[str, ...] = (),
) -> pl.DataFrame:
    """Canonical rows from fingerprinted, validated rows; ``carry`` columns are kept too.

    ``_line`` holds line ids (``jsonl.line_id``): ``paths`` names each file index."""
    frame = resolve_models(frame)
    tier = pl.col("service_tier").str.to_lowercase().replace_strict(_TIERS, default="standard")
    frame = frame.with_columns(
        pl.lit(source_format).alias("source_format"),
        file_path(paths).alias("source_file"),
        line_number().alias("source_line"),
        tier.fill_null("standard").alias("service_tier"),
        pl.col("status").str.to_lowercase(),
    )
    frame = _fill_ids(frame, source_format)
    frame = signals.from_metadata(frame).with_columns(
        # a row with an input may turn out to be a retry (``pipeline``), one without never can
        pl.when(pl.col("_input_hash").is_not_null()).then(False).alias("is_retry")
        if "_input_hash" in frame.columns else pl.lit(None, pl.Boolean).alias("is_retry"),
        pl.col("_override_mark").alias("is_override"),
        pl.lit(False).alias("was_overridden"),
    )
    canonical = [pl.col(c).cast(t) for c, t in CANONICAL_SCHEMA.items()]
    return frame.select(*canonical, *carry)


def file_index() -> pl.Expr:
    """The file index of a row's line id."""
    return pl.col("_line") // (1 << FILE_SHIFT)


def line_number() -> pl.Expr:
    """The line number (within its file) of a row's line id."""
    return pl.col("_line") % (1 << FILE_SHIFT)


def file_path(paths: dict[int, str]) -> pl.Expr:
    """The source file of a row, from its line id."""
    if len(paths) == 1:
        return pl.lit(next(iter(paths.values())), pl.String)
    return file_index().replace_strict(paths, default=None, return_dtype=pl.String)


def resolve_models(frame: pl.DataFrame) -> pl.DataFrame:
    pairs = frame.select("model_raw", "provider").unique()
    resolved = [canonical(m, p) for m, p in pairs.iter_rows()]
    table = pairs.with_columns(
        pl.Series("_provider", [r[0] for r in resolved], pl.String),
        pl.Series("model", [r[1] for r in resolved], pl.String),
    )
    frame = frame.join(table, on=["model_raw", "provider"], how="left", nulls_equal=True,
                       maintain_order="left")
    return frame.with_columns(
        pl.col("_provider").alias("provider"), pl.col("model_raw").fill_null("unknown")
    ).drop("_provider")


def _fill_ids(frame: pl.DataFrame, source_format: str) -> pl.DataFrame:
    """A content-derived id where the source has none, so an overlapping export dedupes."""
    if frame["request_id"].null_count() == 0:
        return frame
    content = pl.concat_str(
        [
            pl.col("timestamp").cast(pl.String),
            pl.col("model_raw"),
            pl.col("custom_id"),
            pl.col("metadata"),
            pl.col("status"),
            *[pl.col(c).cast(pl.String) for c in ID_TOKEN_COLUMNS],
            pl.col("template_id"),
        ],
        separator="|",
        ignore_nulls=True,
    )
    made = template.ids_for(frame.select(content.alias("c"))["c"])
    return frame.with_columns(
        pl.coalesce(pl.col("request_id"), pl.lit(source_format + ":") + made).alias("request_id")
    )


def billed_rows(frame: pl.DataFrame, *, source_format: str, paths: dict[int, str]) -> pl.DataFrame:
    """Billed amounts (cost reports): kept for reconciliation, never counted as requests."""
    if frame.height == 0:
        return pl.DataFrame(schema=BILLED_SCHEMA)
    frame = resolve_models(frame).with_columns(
        pl.lit(source_format).alias("source_format"),
        file_path(paths).alias("source_file"),
        line_number().alias("source_line"),
        pl.when(pl.col("model_raw") == "unknown").then(None).otherwise(pl.col("model")).alias("model"),
    )
    return frame.select(pl.col(c).cast(t) for c, t in BILLED_SCHEMA.items())


def feedback_rows(frame: pl.DataFrame, *, source_format: str, paths: dict[int, str]) -> pl.DataFrame:
    """Verdicts on other records (``feedback_for``): kept beside the requests, never counted
    as requests. ``feedback_id`` is the record's own id, else a hash of what it says."""
    if frame.height == 0:
        return pl.DataFrame(schema=FEEDBACK_SCHEMA)
    content = pl.concat_str([pl.col("feedback_for"), pl.col("feedback_name").fill_null(""),
                             pl.col("timestamp").cast(pl.String).fill_null(""),
                             pl.col("feedback_score").cast(pl.String).fill_null(""),
                             pl.col("feedback_flag").cast(pl.String).fill_null("")], separator="\x1f")
    return frame.select(
        pl.coalesce("request_id", pl.lit(f"{source_format}:") + content.hash(seed=11).cast(pl.String))
        .alias("feedback_id"),
        "timestamp", pl.col("feedback_for").alias("target_id"), pl.col("feedback_target").alias("target"),
        pl.col("feedback_name").alias("name"), pl.col("feedback_score").alias("score"),
        pl.col("feedback_flag").alias("flag"), pl.lit(source_format).alias("source_format"),
        file_path(paths).alias("source_file"), line_number().alias("source_line"),
    ).select(pl.col(c).cast(t) for c, t in FEEDBACK_SCHEMA.items())


__all__ = ["billed_rows", "feedback_rows", "conform", "file_index", "file_path", "line_number", "finish", "fingerprint", "resolve_models"]
