"""Ingest files into canonical rows, accounting for every record.

For each file: lines read = ingested + rejected + duplicates + skipped, where

- *rejected* lines are unusable (bad JSON, wrong type, negative count, unknown timestamp),
  each with its line number and reason;
- *duplicates* repeat a request already seen (same ``request_id``) in this file, in this
  run, or (counted by the workspace) in an earlier run;
- *skipped* records carry no billable usage: blank lines, transcript user turns, tracing
  spans and events, batch input lines (their prompts are joined to the batch output rows
  by ``custom_id`` among the files of one run), and billed amounts from cost reports
  (kept apart, in ``billed``, for reconciliation).

A file that cannot be read or recognised is reported as an error; the others still land.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analyzer.classify.assign import classify_templates
from analyzer.errors import InputError
from analyzer.ingest import normalize, read, validate
from analyzer.ingest.jsonl import Rejection
from analyzer.ingest.sources import Source, expand
from analyzer.schema import COLUMNS, empty_frame

Progress = Callable[[str, int], None]  # (file path, lines just read)

_BATCH_FIELDS = ("template_id", "prompt_text", "message_count", "has_tools")
_TEMPLATES = pl.Schema({"template_id": pl.String, "template_key": pl.String, "sample_text": pl.String,
                        "requests": pl.UInt32,
                        "has_tools": pl.Boolean, "message_count": pl.Int32})


@dataclass
class FileReport:
    path: str
    format: str
    sha256: str
    lines_read: int = 0
    rows_ingested: int = 0
    rows_rejected: int = 0
    duplicates: int = 0
    skipped: int = 0
    billed_records: int = 0
    timestamps_from_file: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "sha256": self.sha256,
            "lines_read": self.lines_read,
            "rows_ingested": self.rows_ingested,
            "rows_rejected": self.rows_rejected,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "billed_records": self.billed_records,
            "timestamps_from_file": self.timestamps_from_file,
        }


@dataclass
class IngestResult:
    files: list[FileReport]
    errors: list[InputError]
    rows: pl.DataFrame  # canonical rows, unique by request_id within the run
    templates: pl.DataFrame  # template_id, template_key, requests
    billed: pl.DataFrame  # billed amounts from cost reports (normalize.BILLED_SCHEMA)


def ingest(
    paths: Sequence[str | Path],
    *,
    keep_text: bool = False,
    progress: Progress | None = None,
    column_map: dict[str, str] | None = None,
    known_templates: set[str] | frozenset[str] = frozenset(),
) -> IngestResult:
    """Ingest ``paths``; new prompt templates (not in ``known_templates``) are classified."""
    files: list[FileReport] = []
    errors: list[InputError] = []
    frames: list[pl.DataFrame] = []
    templates: list[pl.DataFrame] = []
    batch_inputs: list[pl.DataFrame] = []
    billed: list[pl.DataFrame] = []
    for item in expand(list(paths)):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        try:
            report, rows, tmpl, inputs, bills = _ingest_source(item, keep_text, progress, column_map or {})
        except InputError as e:
            errors.append(e)
            continue
        files.append(report)
        frames.append(rows)
        templates.append(tmpl)
        batch_inputs.append(inputs)
        billed.append(bills)
    rows = pl.concat(frames, how="vertical") if frames else empty_frame().with_columns(
        pl.lit(None, pl.String).alias("custom_id")
    )
    rows = _join_batch_inputs(rows, [b for b in batch_inputs if b.height])
    rows, files = _dedupe_run(rows, files)
    merged = _merge_templates(templates)
    merged = classify_templates(merged.filter(~pl.col("template_id").is_in(list(known_templates))))
    bills = pl.concat(billed) if billed else pl.DataFrame(schema=normalize.BILLED_SCHEMA)
    return IngestResult(files, errors, rows.select(COLUMNS), merged, bills)


def _ingest_source(
    source: Source, keep_text: bool, progress: Progress | None, column_map: dict[str, str]
) -> tuple[FileReport, pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    opened = read.open_source(source, column_map)
    fmt = opened.fmt
    report = FileReport(source.path, fmt.name, source.sha256)
    good_frames: list[pl.DataFrame] = []
    billed_frames: list[pl.DataFrame] = []
    skipped_frames: list[pl.DataFrame] = []
    template_frames: list[pl.DataFrame] = []
    for parsed, pre in read.chunks(opened):
        report.lines_read += parsed.lines
        report.skipped += parsed.blank_lines
        report.rejections.extend(parsed.rejections)
        pre = normalize.conform(pre)
        if fmt.timestamp_from_file:
            pre, filled = _file_time(pre, source.mtime)
            report.timestamps_from_file += filled
        skip = pre.filter(pl.col("_skip"))
        report.skipped += skip.height
        if skip.height and skip["custom_id"].null_count() < skip.height:
            inputs, tmpl = normalize.fingerprint(
                skip.filter(pl.col("custom_id").is_not_null()), keep_text=keep_text
            )
            skipped_frames.append(inputs)
            template_frames.append(tmpl.with_columns(pl.lit(0, pl.UInt32).alias("requests")))
        good, rejected = validate.split(pre.filter(~pl.col("_skip")))
        report.rejections.extend(rejected)
        is_billed = pl.col("billed_usd").is_not_null()
        if good.select(is_billed.any()).item():
            billed_frames.append(good.filter(is_billed))
            good = good.filter(~is_billed)
        good, tmpl = normalize.fingerprint(good, keep_text=keep_text)
        good_frames.append(_finish(good, fmt.name, source.path))
        template_frames.append(tmpl)
        if progress:
            progress(source.path, parsed.lines)
    report.rejections.sort(key=lambda r: r.line)
    report.rows_rejected = len(report.rejections)
    if not good_frames:
        empty = normalize.conform(pl.DataFrame({"_line": pl.Series([], dtype=pl.Int64)}))
        good_frames.append(_finish(validate.split(empty)[0].drop("system_text", "user_text"),
                                   fmt.name, source.path))
    good, finalize_dups = fmt.finalize(pl.concat(good_frames, how="vertical_relaxed"))
    rows = good.drop(c for c in good.columns if c.startswith("_"))
    templates = _merge_templates(template_frames)
    report.duplicates += finalize_dups
    bills = normalize.billed_rows(
        pl.concat(billed_frames) if billed_frames else good.head(0),
        source_format=fmt.name,
        source_file=source.path,
    )
    report.billed_records = bills.height
    report.skipped += bills.height
    inputs = _batch_inputs(skipped_frames, fmt.name, source.path)
    return report, rows, templates, inputs, bills


def _finish(frame: pl.DataFrame, fmt: str, path: str) -> pl.DataFrame:
    """Canonical rows of one chunk, keeping ``custom_id`` and the adapter's private columns
    (``_line``, ...) for ``finalize``."""
    private = tuple(c for c in frame.columns if c.startswith("_") and c not in ("_skip", "_ts_raw"))
    return normalize.finish(frame, source_format=fmt, source_file=path, carry=("custom_id", *private))


def _file_time(pre: pl.DataFrame, mtime: float) -> tuple[pl.DataFrame, int]:
    missing = pre["timestamp"].is_null() & pre["_ts_raw"].is_null() & ~pre["_skip"]
    n = int(missing.sum())
    if n:
        when = pl.lit(int(mtime * 1_000_000)).cast(pl.Datetime("us", "UTC"))
        pre = pre.with_columns(
            pl.when(pl.Series(missing)).then(when).otherwise(pl.col("timestamp")).alias("timestamp")
        )
    return pre, n


def _batch_inputs(frames: list[pl.DataFrame], fmt: str, path: str) -> pl.DataFrame:
    """Prompts of batch input lines keyed by ``custom_id``, to join onto output rows."""
    if not frames:
        return pl.DataFrame()
    pre = pl.concat(frames, how="vertical_relaxed").with_columns(
        pl.col("timestamp").fill_null(pl.lit(0).cast(pl.Datetime("us", "UTC"))),
        pl.col("model_raw").alias("_input_model"),
    )
    rows = normalize.finish(pre, source_format=fmt, source_file=path, carry=("custom_id", "_input_model"))
    inputs = rows.select(*_BATCH_FIELDS, "custom_id", "_input_model")
    return inputs.unique(subset="custom_id", keep="first")


def _merge_templates(frames: list[pl.DataFrame]) -> pl.DataFrame:
    if not frames:
        return pl.DataFrame(schema=_TEMPLATES)
    return pl.concat(frames, how="vertical_relaxed").group_by("template_id").agg(
        pl.col("template_key").first(), pl.col("sample_text").first(), pl.col("requests").sum(),
        pl.col("has_tools").any(),
        pl.col("message_count").max(),
    )


def _join_batch_inputs(rows: pl.DataFrame, inputs: list[pl.DataFrame]) -> pl.DataFrame:
    if not inputs or rows.height == 0:
        return rows
    table = pl.concat(inputs, how="vertical_relaxed").unique(subset="custom_id", keep="first")
    joined = rows.join(table, on="custom_id", how="left", suffix="_in", maintain_order="left")
    fill = [pl.coalesce(pl.col(c), pl.col(f"{c}_in")).alias(c) for c in _BATCH_FIELDS]
    joined = joined.with_columns(fill)
    # An errored batch line names no model; its input line does.
    fix = (pl.col("model") == "unknown") & pl.col("_input_model").is_not_null()
    if joined.select(fix.any()).item():
        fixed = normalize.resolve_models(
            joined.filter(fix).with_columns(pl.col("_input_model").alias("model_raw"),
                                            pl.lit(None, pl.String).alias("provider"))
            .drop("model")
        )
        joined = pl.concat([joined.filter(~fix), fixed.select(joined.columns)])
    return joined.select(rows.columns)


def _dedupe_run(rows: pl.DataFrame, files: list[FileReport]) -> tuple[pl.DataFrame, list[FileReport]]:
    """Drop repeated request ids within the run, charging each to its file."""
    dup_mask = ~rows["request_id"].is_first_distinct()
    if dup_mask.any():
        counts = rows.filter(dup_mask).group_by("source_file").len()
        by_file = dict(counts.iter_rows())
        for f in files:
            f.duplicates += by_file.get(f.path, 0)
        rows = rows.filter(~dup_mask)
    ingested = dict(rows.group_by("source_file").len().iter_rows()) if rows.height else {}
    for f in files:
        f.rows_ingested = ingested.get(f.path, 0)
    return rows, files
