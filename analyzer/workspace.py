"""The only module that reads and writes the workspace folder.

Layout::

    WORKSPACE/
      manifest.json                         the truth: which parts exist, which files came in
      requests/day=YYYY-MM-DD/<run>.parquet canonical rows, one part per ingest run and day
      billed/<run>.parquet                  billed amounts from cost reports
      feedback/<run>.parquet                verdicts on requests from score exports (Langfuse)
      templates/<run>.parquet               template_id → masked template text
      ids/<run>.parquet                     request_id and its bucket: the dedupe index
      rollup/<run>.parquet                  the rows summed into cells (analyzer/rollup.py)
      files/<run>.parquet                   the run's files: path, format, sha256, counts
      cache/categories-<digest>.parquet     the cells categorized, summed over templates
      prices.toml | prices.json             the user's own prices and discounts (optional)
      classify.toml                         the user's classification rules (optional)
      relabels.json                         template_id → category set by the user
      .lock                                 one writer at a time

Writes are atomic: a run writes its new part files first, then replaces ``manifest.json``
in one ``os.replace``. Readers only read the parts the manifest lists, so a crash mid-ingest
leaves the previous workspace readable; the next run deletes the orphaned parts.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
import time
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from analyzer import rollup
from analyzer.classify import assign
from analyzer.classify.assign import VERDICT_SCHEMA
from analyzer.classify.taxonomy import CATEGORIES
from analyzer.errors import ConfigError, WorkspaceError
from analyzer.ingest.staging import index_buckets, with_bucket
from analyzer.pricing import catalog
from analyzer.pricing.catalog import Pricing
from analyzer.schema import ADDED_COUNTS, BILLED_SCHEMA, CANONICAL_SCHEMA, FEEDBACK_SCHEMA

if TYPE_CHECKING:  # the settings files' pydantic models load only when a file exists
    from analyzer.classify.user_rules import ClassifySettings
    from analyzer.ingest.pipeline import IngestResult

MANIFEST = "manifest.json"
VERSION = 1
ENV_VAR = "SPENDSCOPE_WORKSPACE"
TEMPLATE_SCHEMA = pl.Schema(
    {"template_id": pl.String, "template_key": pl.String, "sample_text": pl.String, "has_tools": pl.Boolean,
     "message_count": pl.Int32, **VERDICT_SCHEMA}
)
FILES_SCHEMA = pl.Schema({
    "path": pl.String, "format": pl.String, "sha256": pl.String, "lines_read": pl.Int64,
    "rows_ingested": pl.Int64, "rows_rejected": pl.Int64, "duplicates": pl.Int64, "skipped": pl.Int64,
    "billed_records": pl.Int64, "feedback_records": pl.Int64, "timestamps_from_file": pl.Int64, "run": pl.String, "at": pl.String,
})
RELABELS = "relabels.json"
STALE_STAGING_S = 24 * 3600
ROLLUP_PARTS = 32  # more rollup parts than this are summed into a few
COMPACT_SPANS = 8  # summed rollup parts: at most this many, a span of days each
CLASSIFY = "classify.toml"
CACHE = "cache"  # derived tables, rebuilt when what they derive from changes
CATEGORY_CELLS_VERSION = 3  # 2: audio tokens and web searches; 3: quality evidence
# How the rollup's cells are cut (rollup.py). A workspace whose rollup is older is read from
# its rows (correct, slower) until its next ingest rebuilds the rollup.
# 2: a row that counts no requests takes no long-context band from its token sum
ROLLUP_VERSION = 2


def default_path() -> Path:
    """``$SPENDSCOPE_WORKSPACE``, else the per-user data directory."""
    if env := os.environ.get(ENV_VAR):
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "spendscope" / "workspace"


class Workspace:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        self._manifest: tuple[tuple[int, int, int], dict[str, Any]] | None = None
        if self.root.exists() and not self.root.is_dir():
            raise WorkspaceError(f"{self.root}: workspace path is a file, not a folder")

    # ------------------------------------------------------------------ reading
    def manifest(self) -> dict[str, Any]:
        """The manifest as written last, parsed once per change (reads ask for it often):
        shared, so callers only read it; writers take ``_read_manifest()``."""
        path = self.root / MANIFEST
        try:
            st = path.stat()
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            stamp = None
        if stamp is not None and self._manifest is not None and self._manifest[0] == stamp:
            return self._manifest[1]
        data = self._read_manifest()
        if stamp is not None:
            self._manifest = (stamp, data)
        return data

    def _read_manifest(self) -> dict[str, Any]:
        path = self.root / MANIFEST
        if not path.exists():
            return {"version": VERSION, "runs": [], "files": [], "file_parts": [], "parts": [], "ids": [],
                    "rollup": [], "rollup_keys": [], "rollup_version": ROLLUP_VERSION, "meta_stats": {}, "billed": [],
                    "templates": [], "feedback": []}
        try:
            data = json.loads(path.read_text())
        except (OSError, json.JSONDecodeError) as e:
            raise WorkspaceError(f"{path}: unreadable manifest ({e})") from e
        if data.get("version") != VERSION:
            raise WorkspaceError(f"{path}: workspace version {data.get('version')} is not supported")
        return data

    def is_empty(self) -> bool:
        return not self.manifest()["parts"]

    def last_day(self) -> date | None:
        """The UTC day of the latest request stored (from the rollup when there is one)."""
        latest = self.traffic().select(pl.col("timestamp").max()).collect().item()
        return latest.date() if latest is not None else None

    def raw_requests(self) -> pl.LazyFrame:
        """All canonical rows as stored, lazily."""
        return self._scan("parts", CANONICAL_SCHEMA)

    def requests(self) -> pl.LazyFrame:
        """All canonical rows with their category (see ``classify/assign.py``), lazily."""
        return self.categorize(self.raw_requests())

    def categorized(self, meta_keys: Iterable[str] = (), *, by_template: bool = False) -> pl.LazyFrame:
        """``traffic(meta_keys)`` with each row's or cell's category. From the rollup, and
        unless ``by_template``, the cells come summed over templates (``rollup.by_category``,
        cached in ``cache/``): the same sums in a fraction of the cells."""
        if by_template or not self._rollup_serves(meta_keys):
            return self.categorize(self.traffic(meta_keys))
        return self._category_cells()

    def rollup_keys(self) -> tuple[str, ...] | None:
        """The metadata keys the rollup keeps (None: this workspace has no rollup yet, or one
        cut by an older version: ``ROLLUP_VERSION``)."""
        m = self.manifest()
        current = m.get("rollup_version", 1) == ROLLUP_VERSION
        return tuple(m["rollup_keys"]) if "rollup" in m and m["parts"] and current else None

    def traffic(self, meta_keys: Iterable[str] = ()) -> pl.LazyFrame:
        """What reports read: the rollup's cells (``analyzer/rollup.py``) when they keep
        every metadata key asked for and every key a ``classify.toml`` rule reads; else the
        raw rows (same columns, same results, slower)."""
        if self._rollup_serves(meta_keys):
            return self._scan("rollup", rollup.SCHEMA)
        return self.raw_requests()

    def _rollup_serves(self, meta_keys: Iterable[str]) -> bool:
        """Whether the rollup keeps every metadata key asked for and every key a rule reads."""
        keys = self.rollup_keys()
        rules = settings.rules if (settings := self.classify_settings()) else ()
        needed = set(meta_keys) | {r.field[5:] for r in rules if r.field.startswith("meta:")}
        return keys is not None and needed <= set(keys)

    def _category_cells(self, earlier: Path | None = None, added: list[str] | None = None) -> pl.LazyFrame:
        """The rollup categorized and summed over templates, cached under ``cache/`` by a
        digest of everything it depends on: the rollup and template parts, the rollup keys,
        ``relabels.json`` and ``classify.toml`` (prices are applied when it is read). A
        workspace that cannot be written still reads it, computed each time.

        After an ingest that kept the rollup keys, ``earlier`` (the cache before it) plus
        the ``added`` rollup parts categorized is the new cache: an ingest adds templates
        but never changes the verdict of one already stored."""
        path = self._category_cache()
        if path.is_file():
            return pl.scan_parquet(path)
        if earlier is not None and earlier.is_file() and added is not None:
            new = rollup.categorized_cells(self._scan_parts(added, rollup.SCHEMA), self.categorize)
            cells = rollup.by_category(pl.concat([pl.scan_parquet(earlier), new.lazy()]))
        else:
            cells = rollup.categorized_cells(self._scan("rollup", rollup.SCHEMA), self.categorize)
        with contextlib.suppress(OSError):
            self._write(cells, str(path.relative_to(self.root)))
            for old in path.parent.glob("categories-*.parquet"):
                if old != path:
                    old.unlink(missing_ok=True)
        return cells.lazy()

    def _category_cache(self) -> Path:
        m = self.manifest()
        h = hashlib.blake2b(json.dumps([CATEGORY_CELLS_VERSION, m["rollup"], m["templates"],
                                        m["rollup_keys"]]).encode(), digest_size=10)
        for name in (RELABELS, CLASSIFY):
            path = self.root / name
            h.update(path.read_bytes() if path.is_file() else b"-")
        return self.root / CACHE / f"categories-{h.hexdigest()}.parquet"

    def categorize(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """``frame`` (rows, or rows summed per template, model and metadata) with its
        category under this workspace's templates, relabels and rules."""
        return assign.categorize(frame, self.templates(), relabels=self.relabels(),
                                 settings=self.classify_settings())

    def template_ids(self) -> set[str]:
        return set(self.templates()["template_id"].to_list())

    def relabels(self) -> dict[str, str]:
        path = self.root / RELABELS
        if not path.exists():
            return {}
        try:
            return dict(json.loads(path.read_text()))
        except (OSError, ValueError) as e:
            raise WorkspaceError(f"{path}: unreadable ({e})") from e

    def relabel(self, template_id: str, category: str) -> int:
        """Set a template's category (persisted); returns the requests it covers."""
        if category not in CATEGORIES:
            raise ConfigError(f"unknown category '{category}' (see spendscope classify --categories)")
        if template_id not in self.template_ids():
            raise ConfigError(f"no template '{template_id}' in {self.root}")
        with self._locked():  # read under the lock too: two relabels at once both land
            _atomic_json(self.root / RELABELS, self.relabels() | {template_id: category})
        return int(self.raw_requests().filter(pl.col("template_id") == template_id)
                   .select(pl.col("requests").sum()).collect().item() or 0)

    def classify_settings(self) -> ClassifySettings | None:
        """``classify.toml``'s rules, or None when the workspace has none."""
        path = self.root / CLASSIFY
        if not path.is_file():
            return None
        from analyzer.classify.user_rules import load_settings

        return load_settings(path)

    def reclassify(self) -> int:
        """Classify every template again (after the classifier or rules changed)."""
        with self._locked():
            manifest = self._read_manifest()
            templates = self.templates()
            if templates.height == 0:
                return 0
            fresh = assign.classify_templates(templates.drop(*VERDICT_SCHEMA.names()))
            run = "reclassify-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
            rel = self._write(fresh.select(TEMPLATE_SCHEMA.names()), f"templates/{run}.parquet")
            old = manifest["templates"]
            manifest["templates"] = [rel]
            self._write_manifest(manifest)
            for path in old:
                (self.root / path).unlink(missing_ok=True)
            return fresh.height

    def billed(self) -> pl.LazyFrame:
        return self._scan("billed", BILLED_SCHEMA)

    def feedback(self) -> pl.LazyFrame:
        """Verdicts on requests ingested apart from them (``schema.FEEDBACK_SCHEMA``)."""
        return self._scan("feedback", FEEDBACK_SCHEMA)

    def templates(self) -> pl.DataFrame:
        """``template_id`` → ``template_key`` (the masked fixed part of the prompt)."""
        return self._scan("templates", TEMPLATE_SCHEMA).collect().unique("template_id", keep="first")

    def pricing(self) -> Pricing:
        """Prices under ``prices.toml`` (or ``prices.json``) of this workspace, else the catalog's."""
        for name in ("prices.toml", "prices.json"):
            if (self.root / name).is_file():
                from analyzer.pricing import overrides

                return overrides.load(self.root / name).pricing()
        return Pricing(catalog.unit_prices)

    def files(self) -> list[dict[str, Any]]:
        """Every ingested file with its counts, run and time (``files/<run>.parquet``; a
        workspace written before 0.7.1 lists its first files in the manifest itself)."""
        m = self.manifest()
        stored = [str(self.root / p) for p in m.get("file_parts", [])]
        if not stored:
            return list(m["files"])
        # a part written before a count existed (feedback_records: 0.10.0) reads it as 0
        parts = pl.scan_parquet(stored, schema=FILES_SCHEMA, missing_columns="insert", extra_columns="ignore")
        counts = [c for c, t in FILES_SCHEMA.items() if t == pl.Int64]
        return list(m["files"]) + parts.with_columns(pl.col(counts).fill_null(0)).collect().to_dicts()

    def _scan(self, key: str, schema: pl.Schema) -> pl.LazyFrame:
        return self._scan_parts(self.manifest().get(key, []), schema)

    def _scan_parts(self, parts: list[str], schema: pl.Schema) -> pl.LazyFrame:
        """Parts as ``schema``; a part written before a count column existed (0.8.0: audio
        tokens, web searches) reads it as 0."""
        if not parts:
            return pl.LazyFrame(schema=schema)
        frame = pl.scan_parquet([str(self.root / p) for p in parts], schema=schema,
                                missing_columns="insert", extra_columns="ignore")
        added = [pl.col(c).fill_null(0) for c in ADDED_COUNTS if c in schema]
        return (frame.with_columns(added) if added else frame).select(schema.names())

    # ------------------------------------------------------------------ writing
    def staging_dir(self) -> Path:
        """Where an ingest run spills its rows (same disk; removed after the run)."""
        return self.root / ".staging" / (datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
                                         + "-" + secrets.token_hex(3))

    def add(self, result: IngestResult) -> IngestResult:
        """Store new rows, a group of request-id buckets at a time; rows already in the
        workspace count as duplicates of their file."""
        with self._locked():
            manifest = self._read_manifest()
            earlier: Path | None = self._category_cache()  # the category cells before this run
            self._remove_orphans(manifest)
            run = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
            if "ids" not in manifest:
                manifest["ids"] = self._index_ids(manifest, run)
            if "meta_stats" not in manifest:
                manifest["meta_stats"] = self._meta_stats(manifest)
            manifest["meta_stats"] = rollup.merge_stats(manifest["meta_stats"], result.meta_stats)
            keys = rollup.choose_keys(manifest["meta_stats"])
            if (manifest.get("rollup_keys") != list(keys) or "rollup" not in manifest
                    or manifest.get("rollup_version", 1) != ROLLUP_VERSION):
                manifest["rollup"] = self._rebuild_rollup(manifest["parts"], keys, run)
                manifest["rollup_keys"] = list(keys)
                manifest["rollup_version"] = ROLLUP_VERSION
                earlier = None
            new_parts: dict[str, list[str]] = {"parts": [], "ids": [], "rollup": []}
            stored = 0
            for g, group in enumerate(result.groups()):
                group = self._drop_known(group, manifest["ids"], result)
                if group.height == 0:
                    continue
                name = run if g == 0 else f"{run}-g{g}"
                new_parts["parts"] += self._write_parts(group.drop("_bucket"), name)
                new_parts["ids"].append(self._write(
                    group.select("request_id", "_bucket").sort("_bucket"), f"ids/{name}.parquet"))
                new_parts["rollup"].append(self._write(rollup.cells_of(group, keys), f"rollup/{name}.parquet"))
                stored += group.height
            bills = self._new_bills(result.billed)
            if bills.height:
                new_parts["billed"] = [self._write(bills, f"billed/{run}.parquet")]
            verdicts = self._new_feedback(result.feedback)
            if verdicts.height:
                new_parts["feedback"] = [self._write(verdicts, f"feedback/{run}.parquet")]
            templates = result.templates.select(TEMPLATE_SCHEMA.names())
            if templates.height and manifest["templates"]:
                known = self.templates()["template_id"].implode()
                templates = templates.filter(~pl.col("template_id").is_in(known))
            if templates.height:
                new_parts["templates"] = [self._write(templates, f"templates/{run}.parquet")]
            for key in ("parts", "ids", "rollup", "billed", "templates", "feedback"):
                manifest[key] = manifest.get(key, []) + sorted(new_parts.get(key, []))
            if len(manifest["rollup"]) > ROLLUP_PARTS:
                manifest["rollup"] = self._compact_rollup(manifest["rollup"], run)
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            manifest["runs"].append({"run": run, "at": now, "rows": stored})
            if result.files:  # kept out of the manifest, which every read parses
                listed = pl.DataFrame([{**f.as_json(), "run": run, "at": now} for f in result.files],
                                      schema=FILES_SCHEMA, orient="row")
                manifest.setdefault("file_parts", []).append(self._write(listed, f"files/{run}.parquet"))
            self._write_manifest(manifest)
        result.close()
        if self._rollup_serves(()):  # what the next report reads, ready: the new cells added
            self._category_cells(earlier, new_parts["rollup"])
        return result

    def _meta_stats(self, manifest: dict[str, Any]) -> rollup.Stats:
        """Metadata key statistics of a workspace written before they were kept (once)."""
        stats: rollup.Stats = {}
        for part in manifest["parts"]:
            meta = pl.read_parquet(self.root / part, columns=["metadata"])["metadata"]
            stats = rollup.merge_stats(stats, rollup.block_stats(meta))
        return stats

    def _rebuild_rollup(self, parts: list[str], keys: tuple[str, ...], run: str) -> list[str]:
        """The rollup of the stored rows, again (the rollup keys changed), one part at a time."""
        cells = [rollup.cells_of(self._scan_parts([p], CANONICAL_SCHEMA), keys) for p in parts]
        return self._write_cells(pl.concat(cells).lazy(), f"rollup/{run}-all.parquet") if cells else []

    def _compact_rollup(self, parts: list[str], run: str) -> list[str]:
        """Many small rollup parts (one per run and group) summed into one."""
        return self._write_cells(self._scan_parts(parts, rollup.SCHEMA), f"rollup/{run}-compact.parquet")

    def _write_cells(self, cells: pl.LazyFrame, rel: str) -> list[str]:
        """``cells`` summed into parts of a span of days each (a day's cells never merge with
        another day's), so summing holds one span at a time: a 10M run's 5.3M cells into 961k
        peaked at 3.5 GB summed at once in memory."""
        day = pl.col("timestamp").dt.date()
        days = cells.select(day.unique()).collect(engine="streaming").to_series().drop_nulls().sort().to_list()
        step = max(1, -(-len(days) // COMPACT_SPANS))
        spans = [days[i:i + step] for i in range(0, len(days), step)] or [[]]
        parts = []
        for i, span in enumerate(spans):
            these = day.is_between(span[0], span[-1]) if span else pl.lit(False)
            if i == 0:
                these = these | day.is_null()
            merged = rollup.regroup(cells.filter(these)).collect(engine="streaming")
            if merged.height or i == 0:
                parts.append(self._write(merged.select(rollup.SCHEMA.names()), rel.replace(".parquet", f"-{i}.parquet")))
        return parts

    def _index_ids(self, manifest: dict[str, Any], run: str) -> list[str]:
        """The id index of a workspace written before there was one (once)."""
        if not manifest["parts"]:
            return []
        ids = self._scan_parts(manifest["parts"], CANONICAL_SCHEMA).select("request_id").collect()
        return [self._write(with_bucket(ids).sort("_bucket"), f"ids/{run}-index.parquet")]

    def _new_bills(self, bills: pl.DataFrame) -> pl.DataFrame:
        """Billed amounts not stored yet: the same cost report ingested twice (or two
        overlapping exports) must not double the bill. A bill is the same when everything
        but the file and line it came from is."""
        if not bills.height:
            return bills
        key = [c for c in BILLED_SCHEMA.names() if c not in ("source_file", "source_line")]
        bills = bills.unique(subset=key, keep="first", maintain_order=True)
        stored = self.billed().select(key).collect()
        return bills.join(stored, on=key, how="anti", nulls_equal=True) if stored.height else bills

    def _new_feedback(self, verdicts: pl.DataFrame) -> pl.DataFrame:
        """Verdicts not stored yet (by ``feedback_id``): a scores export ingested twice counts once."""
        if not verdicts.height:
            return verdicts
        verdicts = verdicts.unique(subset="feedback_id", keep="first", maintain_order=True)
        stored = self.feedback().select("feedback_id").collect()
        return verdicts.join(stored, on="feedback_id", how="anti") if stored.height else verdicts

    def _drop_known(self, group: pl.DataFrame, id_parts: list[str], result: IngestResult) -> pl.DataFrame:
        """``group`` without the requests already stored (checked in their buckets only)."""
        if not id_parts:
            return group
        members = pl.Series(index_buckets(group["_bucket"].unique().to_list()), dtype=pl.UInt8).implode()
        known = (
            pl.scan_parquet([str(self.root / p) for p in id_parts])
            .filter(pl.col("_bucket").is_in(members))
            .filter(pl.col("request_id").is_in(group["request_id"].implode()))
            .select("request_id").collect()
        )
        if known.height == 0:
            return group
        seen = group["request_id"].is_in(known["request_id"].implode())
        counts = dict(group.filter(seen).group_by("source_file").len().iter_rows())
        for f in result.files:
            n = counts.pop(f.path, 0)
            f.duplicates += n
            f.rows_ingested -= n
        return group.filter(~seen)

    def _write_parts(self, rows: pl.DataFrame, run: str) -> list[str]:
        parts = []
        by_day = rows.with_columns(pl.col("timestamp").dt.date().alias("_day"))
        for (day,), part in by_day.partition_by("_day", as_dict=True).items():
            rel = f"requests/day={day.isoformat()}/{run}.parquet"
            parts.append(self._write(part.drop("_day").sort("timestamp"), rel))
        return parts

    def _write(self, frame: pl.DataFrame, rel: str) -> str:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".parquet.tmp")
        frame.write_parquet(tmp, compression="zstd", statistics=True)
        os.replace(tmp, path)
        return rel

    # ------------------------------------------------------------------ checking
    def damaged(self) -> list[tuple[str, str]]:
        """``(part, problem)`` for every listed part that is missing or cannot be read whole."""
        m = self.manifest()
        found = []
        for key in PART_KEYS:
            for rel in m.get(key, []):
                path = self.root / rel
                if not path.is_file():
                    found.append((rel, "missing"))
                    continue
                try:
                    pl.read_parquet(path)
                except (pl.exceptions.PolarsError, OSError) as e:
                    found.append((rel, f"unreadable ({str(e).splitlines()[0][:120]})"))
        return found

    def drop_damaged(self) -> dict[str, Any]:
        """Take the damaged parts out of the manifest and rebuild the derived ones (the id
        index and the rollup) from what is left. Returns what was done, with the files of the
        runs that wrote a damaged part: ingesting them again restores exactly what was lost
        (the rows still stored count as duplicates)."""
        with self._locked():
            damage = self.damaged()
            manifest = self._read_manifest()
            bad = {rel for rel, _ in damage}
            runs = sorted({_run_of(rel) for rel in bad if _kind(rel) not in ("ids", "rollup")})
            files = self._files_of(manifest, runs)
            for key in PART_KEYS:
                manifest[key] = [p for p in manifest.get(key, []) if p not in bad]
            if damage:
                run = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-check"
                manifest["ids"] = self._index_ids(manifest, run)
                keys = tuple(manifest.get("rollup_keys", ()))
                manifest["rollup"] = self._rebuild_rollup(manifest["parts"], keys, run)
                manifest["rollup_version"] = ROLLUP_VERSION
                self._write_manifest(manifest)
                self._remove_orphans(manifest)
        return {"damaged": [{"part": rel, "problem": why} for rel, why in damage],
                "runs": runs, "files_to_ingest_again": files}

    def _files_of(self, manifest: dict[str, Any], runs: list[str]) -> list[str]:
        paths = [f["path"] for f in manifest["files"] if f.get("run") in runs]
        for rel in manifest.get("file_parts", []):
            if _run_of(rel) in runs and (self.root / rel).is_file():
                with contextlib.suppress(pl.exceptions.PolarsError, OSError):
                    paths += pl.read_parquet(self.root / rel)["path"].to_list()
        return sorted(set(paths))

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        _atomic_json(self.root / MANIFEST, manifest)

    def _remove_orphans(self, manifest: dict[str, Any]) -> None:
        listed = {p for key in ("parts", "billed", "templates", "ids", "rollup", "file_parts", "feedback")
                  for p in manifest.get(key, [])}
        for sub in ("requests", "billed", "templates", "ids", "rollup", "files", "feedback"):
            for path in (self.root / sub).rglob("*.parquet*") if (self.root / sub).exists() else []:
                if str(path.relative_to(self.root)) not in listed:
                    path.unlink(missing_ok=True)
        staging = self.root / ".staging"
        for path in staging.iterdir() if staging.is_dir() else []:
            if time.time() - path.stat().st_mtime > STALE_STAGING_S:  # a crashed run's rows
                shutil.rmtree(path, ignore_errors=True)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            lock = open(self.root / ".lock", "w")
        except OSError as e:
            raise WorkspaceError(f"{self.root}: cannot write the workspace ({e.strerror or e})") from e
        with lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                raise WorkspaceError(f"{self.root}: another spendscope ingest is writing here") from e
            yield


PART_KEYS = ("parts", "ids", "rollup", "billed", "templates", "file_parts", "feedback")


def _kind(rel: str) -> str:
    """The manifest key a part is listed under, from its folder."""
    top = rel.split("/", 1)[0]
    return {"requests": "parts", "files": "file_parts"}.get(top, top)


def _run_of(rel: str) -> str:
    """The run that wrote a part: ``<stamp>-<hex>`` at the start of its file name."""
    stem = rel.rsplit("/", 1)[-1].removesuffix(".parquet")
    return "-".join(stem.split("-")[:2])


def _atomic_json(path: Path, data: Any) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
