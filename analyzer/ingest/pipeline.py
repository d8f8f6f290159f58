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

How, in bounded memory: files are opened and detected first; JSONL files of one format are
then read together in 8 MB blocks of whole lines (``read.line_blocks``), other layouts file
by file. Each block goes through one stage — parse, adapter, validation, fingerprint,
canonical rows (``_Run.stage``, which changes nothing of the run, on two threads) — and is
taken in block order (``_Run.commit``: accounting, templates), its rows staged by bucket of
``request_id`` (``staging.Staging``). When every file is read, each group of buckets is *settled*: batch
prompts joined by ``custom_id``, the adapters' ``finalize`` (e.g. the largest Claude Code
snapshot of a message, across all files of the run), then the first copy of each request
id kept. ``Workspace.add`` stores the settled groups one at a time.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import polars as pl

from analyzer import rollup
from analyzer.classify.assign import classify_templates
from analyzer.errors import ConfigError, InputError
from analyzer.ingest import fold, normalize, read, signals, validate
from analyzer.ingest.formats.base import Format
from analyzer.ingest.jsonl import Parsed, Rejection, split_id
from analyzer.ingest.sources import Source, expand
from analyzer.ingest.staging import Staging, with_bucket
from analyzer.ingest.tally import Tally
from analyzer.schema import BILLED_SCHEMA, COLUMNS, FEEDBACK_SCHEMA, empty_frame

Progress = Callable[[str, int], None]  # (file path, lines just read)
T = TypeVar("T")
R = TypeVar("R")
STAGE_THREADS = min(2, os.cpu_count() or 1)  # chunks staged at once
TEMPLATE_FRAMES = 64  # the chunks' template tables are merged past this many

_BATCH_FIELDS = ("template_id", "prompt_text", "message_count", "has_tools", "json_requested")


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
    feedback_records: int = 0
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
            "feedback_records": self.feedback_records,
            "timestamps_from_file": self.timestamps_from_file,
        }


@dataclass
class IngestResult:
    files: list[FileReport]
    errors: list[InputError]
    templates: pl.DataFrame  # template_id, template_key, sample_text, ... with the verdict
    billed: pl.DataFrame  # billed amounts from cost reports (schema.BILLED_SCHEMA)
    settled: Staging  # canonical rows (+ ``_bucket``), unique by request_id within the run
    feedback: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=FEEDBACK_SCHEMA))
    stage_dir: Path | None = None
    meta_stats: rollup.Stats = field(default_factory=dict)  # metadata keys the rows carry
    marks: pl.DataFrame | None = None  # retries and overrides found across the run (_marks)

    def groups(self) -> Iterator[pl.DataFrame]:
        """The run's rows, a group of request-id buckets at a time (bounded memory)."""
        for group in self.settled.groups():
            if self.marks is not None:
                group = _with_marks(group, self.marks)
            yield group.drop("_input_hash", strict=False)

    @property
    def rows(self) -> pl.DataFrame:
        """All of the run's rows at once (for small runs and tests)."""
        frames = [g.select(COLUMNS) for g in self.groups()]
        return pl.concat(frames) if frames else empty_frame()

    def close(self) -> None:
        self.settled.close()
        if self.stage_dir is not None:
            shutil.rmtree(self.stage_dir, ignore_errors=True)


def ingest(
    paths: Sequence[str | Path],
    *,
    keep_text: bool = False,
    progress: Progress | None = None,
    column_map: dict[str, str] | None = None,
    known_templates: set[str] | frozenset[str] = frozenset(),
    stage_dir: Path | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    tally: Tally | None = None,
) -> IngestResult:
    """Ingest ``paths``; new prompt templates (not in ``known_templates``) are classified.

    ``stage_dir``: where a large run spills its rows (default: a temporary folder).
    ``engine``: ``local`` stages the files on this machine's threads, ``ray`` in Ray tasks
    (``on_ray``; ``ray_address`` joins a running cluster): the same rows either way.
    ``tally``: filled as the run goes, for a progress display (``tally.py``)."""
    if engine not in ("local", "ray"):
        raise ConfigError(f"unknown engine '{engine}' (local or ray)")
    run = _Run(keep_text, progress, set(known_templates), stage_dir, tally)
    try:
        units = _units(paths, column_map or {}, run)
        if engine == "ray":
            from analyzer.ingest import on_ray

            for out in on_ray.stage(units, run.stager, run.shared_dir(), ray_address):
                for block in out.blocks:
                    run.commit(block)
                for index, error in out.errors:
                    run.fail(index, error)
                run.staged.adopt(out.staged)
        else:
            for unit in units:
                for block in unit.blocks(run.stager, run.fail):
                    run.commit(block)
        return run.finish()
    except BaseException:
        run.discard()  # a run that stops stores nothing and leaves no staged rows behind
        raise


@dataclass
class Unit:
    """Files staged as one stream: one file read on its own, or JSONL files of one format
    read together in blocks of whole lines (``lines``)."""

    files: list[tuple[int, read.Opened]]
    lines: bool

    def blocks(self, stager: Stager, on_error: Callable[[int, InputError], None],
               threads: int | None = None) -> Iterator[_Block]:
        """The unit's staged blocks, in order; a file that fails goes to ``on_error``."""
        if self.lines:
            first = self.files[0][1]
            yield from _in_order(read.line_blocks(self.files, on_error),
                                 lambda lines: stager.stage(lines.parse(first.fmt.schema), first), threads)
            return
        index, o = self.files[0]
        try:
            yield from _in_order(read.chunks(o, index), lambda p: stager.stage(p, o), threads)
        except InputError as e:
            on_error(index, e)


def _units(paths: Sequence[str | Path], column_map: dict[str, str], run: _Run) -> list[Unit]:
    """Every file opened and detected, in the order the run takes them: files read on their
    own first, then one unit per JSONL format (errors go to the run)."""
    alone: list[Unit] = []
    batches: dict[str, list[tuple[int, read.Opened]]] = defaultdict(list)
    hints: dict[str, Format] = {}  # folder -> the format of its last file
    for item in expand(list(paths)):
        if isinstance(item, InputError):
            run.errors.append(item)
            continue
        folder = str(Path(item.path).parent)
        try:
            o = read.open_source(item, column_map, hint=hints.get(folder))
        except InputError as e:
            run.errors.append(e)
            continue
        hints[folder] = o.fmt
        index = run.add_file(item, o.fmt)
        if read.batchable(o):  # dropped at once: 35k session files' samples held 270 MB
            o.sample = o.sample.without_records()
            batches[o.fmt.name].append((index, o))
        else:
            alone.append(Unit([(index, o)], lines=False))
    return alone + [Unit(group, lines=True) for group in batches.values()]


def _in_order(items: Iterator[T], work: Callable[[T], R], threads: int | None = None) -> Iterator[R]:
    """``work`` over ``items`` on a few threads, results in the order of ``items``, with at
    most ``threads + 1`` items in flight. The stages spend their time in polars, which
    releases the GIL, so two blocks run on two cores."""
    threads = threads or STAGE_THREADS
    if threads == 1:
        yield from map(work, items)
        return
    with ThreadPoolExecutor(threads, thread_name_prefix="ingest") as pool:
        pending: deque[Future[R]] = deque()
        try:
            for item in items:
                pending.append(pool.submit(work, item))
                if len(pending) > threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for f in pending:
                f.cancel()


@dataclass
class _Block:
    """One parsed chunk staged (``_Run.stage``), for ``_Run.commit`` to take in order."""

    lines_by_file: dict[int, int]
    rejections: list[Rejection]
    counts: dict[str, dict[int, int]]  # FileReport counter -> file index -> n
    rows: pl.DataFrame
    templates: list[pl.DataFrame]
    inputs: pl.DataFrame | None = None
    billed: pl.DataFrame | None = None
    feedback: pl.DataFrame | None = None
    stats: rollup.Stats = field(default_factory=dict)
    size: int = 0  # bytes of input the chunk covers


class Stager:
    """What staging a chunk needs of its run, and nothing else (it travels to Ray workers):
    whether to keep prompt text, the templates already seen, and each file's path and
    modification time by file index."""

    def __init__(self, keep_text: bool, seen: set[str]) -> None:
        self.keep_text = keep_text
        self.seen = seen
        self.paths: list[str] = []
        self.mtimes: list[float] = []

    def remember(self, block: _Block) -> None:
        """The templates a block stored with their text: later blocks need not store it."""
        for tmpl in block.templates:
            self.seen.update(tmpl.filter(pl.col("sample_text").is_not_null())["template_id"].to_list())

    def paths_of(self, frame: pl.DataFrame) -> dict[int, str]:
        """File index -> path, for the files present in ``frame``."""
        present = frame.select(normalize.file_index().unique())["_line"].to_list()
        return {i: self.paths[i] for i in present}

    def stage(self, parsed: Parsed, opened: read.Opened) -> _Block:
        """One parsed chunk through the adapter, validation, fingerprint and finish.

        Reads the run's state but changes none of it (``_Run.commit`` does, in order), so
        chunks can be staged on several threads, or in other processes."""
        fmt = opened.fmt
        by_file = parsed.lines_by_file or {0: parsed.lines}
        rows_in = _per_file(parsed.frame)
        rejected: dict[int, int] = defaultdict(int)
        for r in parsed.rejections:
            rejected[split_id(r.line)[0]] += 1
        counts: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        for i, n in by_file.items():
            counts["skipped"][i] += n - rows_in.get(i, 0) - rejected.get(i, 0)  # blank lines
        pre = normalize.conform(read.canonical(opened, parsed))
        if fmt.timestamp_from_file:
            pre = self._file_time(pre, counts)
        block = _Block(by_file, list(parsed.rejections), counts, empty_frame(), [], size=parsed.size)
        skip = pre.filter(pl.col("_skip"))
        _count(counts, skip, "skipped")
        if skip.height and skip["custom_id"].null_count() < skip.height:
            inputs, tmpl = normalize.fingerprint(
                skip.filter(pl.col("custom_id").is_not_null()), keep_text=self.keep_text, seen=self.seen
            )
            block.inputs = _batch_inputs(inputs, fmt.name, self.paths_of(inputs))
            block.templates.append(tmpl.with_columns(pl.lit(0, pl.UInt32).alias("requests")))
        good, rejections = validate.split(pre.filter(~pl.col("_skip")))
        block.rejections += rejections
        is_billed = pl.col("billed_usd").is_not_null()
        if good.height and good.select(is_billed.any()).item():
            bills = good.filter(is_billed)
            block.billed = normalize.billed_rows(bills, source_format=fmt.name, paths=self.paths_of(bills))
            _count(counts, bills, "billed_records")
            _count(counts, bills, "skipped")
            good = good.filter(~is_billed)
        is_feedback = pl.col("feedback_for").is_not_null()
        if good.height and good.select(is_feedback.any()).item():
            verdicts = good.filter(is_feedback)
            block.feedback = normalize.feedback_rows(verdicts, source_format=fmt.name,
                                                     paths=self.paths_of(verdicts))
            _count(counts, verdicts, "feedback_records")
            _count(counts, verdicts, "skipped")
            good = good.filter(~is_feedback)
        hashed = signals.input_hash() if fmt.inputs_whole else pl.lit(None, pl.UInt64).alias("_input_hash")
        good, tmpl = normalize.fingerprint(good.with_columns(hashed), keep_text=self.keep_text, seen=self.seen)
        block.templates.append(tmpl)
        private = tuple(c for c in good.columns if c.startswith("_") and c not in ("_skip", "_ts_raw"))
        rows = normalize.finish(good, source_format=fmt.name, paths=self.paths_of(good),
                                carry=("custom_id", *private))
        block.rows = with_bucket(rows)
        block.stats = rollup.block_stats(rows["metadata"])
        return block

    def _file_time(self, pre: pl.DataFrame, counts: dict[str, dict[int, int]]) -> pl.DataFrame:
        """Rows without a time of their own take their file's modification time."""
        missing = pl.col("timestamp").is_null() & pl.col("_ts_raw").is_null() & ~pl.col("_skip")
        filled = pre.filter(missing)
        if filled.height == 0:
            return pre
        _count(counts, filled, "timestamps_from_file")
        mtimes = {i: int(self.mtimes[i] * 1_000_000) for i in self.paths_of(filled)}
        when = normalize.file_index().replace_strict(mtimes, default=None, return_dtype=pl.Int64)
        return pre.with_columns(
            pl.when(missing).then(when.cast(pl.Datetime("us", "UTC"))).otherwise(pl.col("timestamp"))
            .alias("timestamp")
        )


class _Run:
    """The state of one ingest run: file reports, staged rows, templates, batch inputs."""

    def __init__(self, keep_text: bool, progress: Progress | None, known: set[str],
                 stage_dir: Path | None, tally: Tally | None = None) -> None:
        self.progress = progress
        self.tally = tally
        self.known_templates = set(known)
        self.stager = Stager(keep_text, set(known))
        self.stage_dir = stage_dir
        self.files: list[FileReport] = []
        self.formats: dict[str, Format] = {}
        self.errors: list[InputError] = []
        self.failed: set[int] = set()
        self.staged = Staging(stage_dir / "read" if stage_dir else None)
        self.templates: list[pl.DataFrame] = []
        self.inputs: list[pl.DataFrame] = []
        self.billed: list[pl.DataFrame] = []
        self.feedback: list[pl.DataFrame] = []
        self.meta_stats: rollup.Stats = {}

    def add_file(self, source: Source, fmt: Format) -> int:
        self.files.append(FileReport(source.path, fmt.name, source.sha256))
        self.stager.paths.append(source.path)
        self.stager.mtimes.append(source.mtime)
        if self.tally is not None:
            self.tally.detected(source.expanded)
        self.formats[fmt.name] = fmt
        return len(self.files) - 1

    def fail(self, index: int, error: InputError) -> None:
        self.failed.add(index)
        self.errors.append(error)

    def discard(self) -> None:
        self.staged.close()
        if self.stage_dir is not None:
            shutil.rmtree(self.stage_dir, ignore_errors=True)

    def shared_dir(self) -> Path:
        """The run's staging folder, made now if the run has none (other processes write
        into it, so it cannot wait for the first spill)."""
        if self.stage_dir is None:
            self.stage_dir = Path(tempfile.mkdtemp(prefix="spendscope-run-"))
        return self.stage_dir

    def commit(self, block: _Block) -> None:
        """Take a staged chunk into the run: accounting, templates, staged rows."""
        if self.tally is not None:
            self.tally.add(list(block.lines_by_file), sum(block.lines_by_file.values()), block.rows.height,
                           block.size)
        for i, n in block.lines_by_file.items():
            self.files[i].lines_read += n
            if self.progress:
                self.progress(self.files[i].path, n)
        for counter, per_file in block.counts.items():
            for i, n in per_file.items():
                setattr(self.files[i], counter, getattr(self.files[i], counter) + n)
        for r in block.rejections:
            index, line = split_id(r.line)
            self.files[index].rejections.append(Rejection(line, r.reason))
        self.stager.remember(block)
        self.templates += block.templates
        if len(self.templates) >= TEMPLATE_FRAMES:  # one row per template, not per block
            self.templates = [fold.merge_templates(self.templates)]
        if block.inputs is not None:
            self.inputs.append(block.inputs)
        if block.billed is not None:
            self.billed.append(block.billed)
        if block.feedback is not None:
            self.feedback.append(block.feedback)
        self.staged.add(block.rows)
        self.meta_stats = rollup.merge_stats(self.meta_stats, block.stats)

    def finish(self) -> IngestResult:
        self._phase("dropping duplicates")
        for f in self.files:
            f.rejections.sort(key=lambda r: r.line)
            f.rows_rejected = len(f.rejections)
        inputs = [i for i in self.inputs if i.height]
        table = (pl.concat(inputs, how="vertical_relaxed").unique(subset="custom_id", keep="first",
                                                                   maintain_order=True)
                 if inputs else None)
        settled = Staging(self.stage_dir / "settled" if self.stage_dir else None)
        ingested: dict[int, int] = defaultdict(int)
        prefixes: list[pl.Series] = []  # of the input hashes, to find inputs sent more than once
        merged, folded = fold.fold_singletons(fold.merge_templates(self.templates), self.known_templates)
        self.templates, self.stager.seen = [], set()  # a chat log's run held a template per request
        for group in self.staged.groups():
            if self.failed:
                group = group.filter(~normalize.file_index().is_in(list(self.failed)))
            rows = fold.apply(self._settle(group, table), folded)
            for i, n in _per_file(rows).items():
                ingested[i] += n
            if "_input_hash" not in rows.columns:
                rows = rows.with_columns(pl.lit(None, pl.UInt64).alias("_input_hash"))
            settled.add(rows.select(*COLUMNS, "_input_hash", "_bucket"))
            prefixes.append(rows.select(_HASH_PREFIX)["_input_hash"].drop_nulls())
        self.staged.close()
        for i, f in enumerate(self.files):
            f.rows_ingested = ingested.get(i, 0)
        files = [f for i, f in enumerate(self.files) if i not in self.failed]
        self._phase("classifying prompts")
        merged = classify_templates(merged.filter(~pl.col("template_id").is_in(list(self.known_templates))))
        bills = pl.concat(self.billed) if self.billed else pl.DataFrame(schema=BILLED_SCHEMA)
        verdicts = pl.concat(self.feedback) if self.feedback else pl.DataFrame(schema=FEEDBACK_SCHEMA)
        if self.failed:
            verdicts = verdicts.filter(~pl.col("source_file").is_in([self.files[i].path for i in self.failed]))
        self._phase("finding retries")
        return IngestResult(files, self.errors, merged, bills, settled, verdicts, self.stage_dir, self.meta_stats,
                            _marks(settled, prefixes))

    def _phase(self, name: str) -> None:
        if self.tally is not None:
            self.tally.phase = name

    def _settle(self, rows: pl.DataFrame, inputs: pl.DataFrame | None) -> pl.DataFrame:
        """One group of buckets: batch prompts joined, adapters' finalize, then the first
        copy of each request id; every dropped row is a duplicate of its file."""
        rows = rows.sort("_line")
        before = _per_file(rows)
        if inputs is not None:
            rows = _join_batch_inputs(rows, inputs)
        for name in rows["source_format"].unique().sort().to_list():
            fmt = self.formats[name]
            if type(fmt).finalize is not Format.finalize:
                mine = pl.col("source_format") == name
                kept, _ = fmt.finalize(rows.filter(mine))
                rows = pl.concat([rows.filter(~mine), kept.select(rows.columns)]).sort("_line")
        rows = rows.filter(pl.col("request_id").is_first_distinct())
        after = _per_file(rows)
        for i, n in before.items():
            self.files[i].duplicates += n - after.get(i, 0)
        return rows


_HASH_PREFIX = (pl.col("_input_hash") // (1 << 32)).cast(pl.UInt32)
_MARKS = ("is_retry", "is_override", "was_overridden")


def _marks(settled: Staging, prefixes: list[pl.Series]) -> pl.DataFrame | None:
    """The run's retries and overrides (``signals.marks``), for the rows they mark.

    Only inputs sent more than once can be either, and most are sent once: the repeated
    32-bit prefixes of the hashes name them, and only their rows are read again."""
    from analyzer.simulate.quality import TIERS, tier_of  # TIERS: budget, mid, flagship

    every = pl.concat(prefixes) if prefixes else pl.Series([], dtype=pl.UInt32)
    repeated = every.filter(every.is_duplicated()).unique()
    if repeated.len() == 0:
        return None
    rows = settled.select(["request_id", "_input_hash", "timestamp", "provider", "model", "is_override"],
                          _HASH_PREFIX.is_in(repeated.implode()))
    pairs = rows.select("provider", "model").unique()
    tiers = pairs.with_columns(pl.Series("tier", [TIERS.index(tier_of(p or "", m or "")) for p, m in pairs.iter_rows()],
                                         dtype=pl.Int8))
    marked = signals.marks(rows.join(tiers, on=["provider", "model"], how="left", nulls_equal=True))
    return marked.filter(pl.any_horizontal(*_MARKS))


def _with_marks(rows: pl.DataFrame, marks: pl.DataFrame) -> pl.DataFrame:
    joined = rows.join(marks, on="request_id", how="left", suffix="_marked", maintain_order="left")
    return joined.with_columns(pl.coalesce(f"{c}_marked", c).alias(c) for c in _MARKS).drop(
        f"{c}_marked" for c in _MARKS)


def _count(counts: dict[str, dict[int, int]], frame: pl.DataFrame, counter: str) -> None:
    for i, n in _per_file(frame).items():
        counts[counter][i] += n


def _per_file(frame: pl.DataFrame) -> dict[int, int]:
    """Rows per file index (from the ``_line`` ids)."""
    if frame.height == 0:
        return {}
    counts = frame.group_by(normalize.file_index().alias("_f")).len()
    return dict(counts.iter_rows())


def _batch_inputs(pre: pl.DataFrame, fmt: str, paths: dict[int, str]) -> pl.DataFrame:
    """Prompts of batch input lines keyed by ``custom_id``, to join onto output rows."""
    pre = pre.with_columns(
        pl.col("timestamp").fill_null(pl.lit(0).cast(pl.Datetime("us", "UTC"))),
        pl.col("model_raw").alias("_input_model"),
    )
    rows = normalize.finish(pre, source_format=fmt, paths=paths, carry=("custom_id", "_input_model"))
    return rows.select(*_BATCH_FIELDS, "custom_id", "_input_model")


def _join_batch_inputs(rows: pl.DataFrame, table: pl.DataFrame) -> pl.DataFrame:
    if rows.height == 0 or rows["custom_id"].null_count() == rows.height:
        return rows
    joined = rows.join(table, on="custom_id", how="left", suffix="_in", maintain_order="left")
    fill = [pl.coalesce(pl.col(c), pl.col(f"{c}_in")).alias(c) for c in _BATCH_FIELDS]
    joined = joined.with_columns(fill)
    if "_answer_json" in joined.columns:  # an answer's JSON is judged when its input asked for JSON
        joined = joined.with_columns(pl.coalesce(
            "json_valid", pl.when(pl.col("json_requested")).then(pl.col("_answer_json"))).alias("json_valid"))
    # An errored batch line names no model; its input line does.
    fix = (pl.col("model") == "unknown") & pl.col("_input_model").is_not_null()
    if joined.select(fix.any()).item():
        fixed = normalize.resolve_models(
            joined.filter(fix).with_columns(pl.col("_input_model").alias("model_raw"),
                                            pl.lit(None, pl.String).alias("provider"))
            .drop("model")
        )
        joined = pl.concat([joined.filter(~fix), fixed.select(joined.columns)]).sort("_line")
    return joined.select(rows.columns)


__all__ = ["FileReport", "IngestResult", "ingest"]
