"""The shape every log-format adapter has.

An adapter is a small class with:

- ``name`` / ``title``: the id shown in reports (``source_format``) and a human title.
- ``sniff(sample) -> bool``: does this file look like my format? Look at the decoded first
  records (``sample.records``) or the CSV header, never at file names alone. Sniffers must
  be specific: detection fails when two adapters claim the same file.
- ``schema``: the polars read schema for one JSON record. Leaves are ``pl.String`` (numbers
  arrive as their text, objects as their JSON text), so no value type can fail a read.
- ``to_canonical(frame) -> frame``: polars expressions from the read schema to the
  *pre-canonical* columns below. Keep ``_line``.
- optionally ``records(doc)``: for document formats (usage-API pages, JSON arrays), the
  records inside one decoded JSON document; set ``explode = True`` (or override
  ``explodes(sample)``) when JSONL lines are documents too.
- optionally ``csv_to_canonical(frame)`` (all-string CSV columns) and ``csv_sniff``.
- optionally ``finalize(frame) -> (frame, duplicates)``: file-level clean-up after all
  chunks, e.g. Claude Code's repeated streaming snapshots.

Pre-canonical columns (all optional except ``timestamp``/``_ts_raw``/``model_raw``):
``request_id`` (null: a content hash is used), ``timestamp`` + ``_ts_raw`` (use
``exprs.timestamp_columns``), ``provider``, ``model_raw``, ``requests`` and the token
columns as Float64 via ``exprs.num``/``exprs.tok`` in canonical semantics (see
``analyzer/schema.py``), ``tokens_estimated``, ``service_tier``, ``status``
(``ok``/``error``/``canceled``/``expired``), ``latency_ms``, ``logged_cost_usd``,
``metadata`` (``exprs.meta``), ``system_text``, ``user_text``, ``message_count``,
``has_tools``, ``custom_id`` (batch join key), ``_reject`` (a reason of the adapter's own to
reject the record, checked before every other rule), ``_skip`` (True for records that carry no
billable usage: transcript user turns, tracing spans, batch input lines).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import polars as pl

Layout = Literal["jsonl", "json", "csv", "empty", "unknown"]


@dataclass(frozen=True)
class Sample:
    """What detection looks at: the first records of a file, decoded."""

    name: str
    layout: Layout
    records: list[Any] = field(default_factory=list)  # first JSON values (objects, usually)
    csv_header: tuple[str, ...] | None = None

    def first(self) -> dict[str, Any]:
        """The first record that is a JSON object, or an empty dict."""
        for r in self.records:
            if isinstance(r, dict):
                return r
        return {}

    def objects(self) -> list[dict[str, Any]]:
        return [r for r in self.records if isinstance(r, dict)]

    def without_records(self) -> Sample:
        """The same sample once detection is done: what it decided, not what it read."""
        return Sample(self.name, self.layout, [], self.csv_header)


class Format:
    name: ClassVar[str]
    title: ClassVar[str]
    schema: ClassVar[pl.Schema] = pl.Schema()
    explode: ClassVar[bool] = False  # JSONL lines are documents holding several records
    # The format has no timestamp of its own (e.g. Anthropic batch results): rows without
    # one take the file's modification time, and the file report says so.
    timestamp_from_file: ClassVar[bool] = False
    # The logged input (system prompt, last user message, message count) tells requests
    # apart, so a repeat of it is a retry or an override (signals.py). False for coding
    # agents' transcripts, where every request of a turn carries the turn's prompt.
    inputs_whole: ClassVar[bool] = True
    # A row sums many requests of a period (admin usage exports): no prompt, so no category
    # and nothing the simulator can route (simulate/window.py).
    aggregated: ClassVar[bool] = False

    def sniff(self, sample: Sample) -> bool:
        return False

    def explodes(self, sample: Sample) -> bool:
        """Whether this file's JSONL lines are documents to explode (default: ``explode``)."""
        return self.explode

    def records(self, doc: Any) -> Iterable[Any]:
        """Records inside one decoded JSON document (default: a list's items, else itself)."""
        return doc if isinstance(doc, list) else [doc]

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        raise NotImplementedError

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        return False

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        raise NotImplementedError

    def finalize(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, int]:
        return frame, 0
