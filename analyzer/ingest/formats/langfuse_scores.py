"""Langfuse scores: verdicts on observations and traces, exported apart from them.

A score (API ``/api/public/scores``: a JSON array, a page ``{"data": [...]}``, JSONL; the
blob-storage export's ``scores/`` rows in snake_case; the UI's CSV) names what it judges —
``observationId`` (a generation: the request whose ``request_id`` is that id) or only
``traceId`` (the trace's last request) — and holds ``name``, ``value``, ``dataType``
(``NUMERIC``, ``BOOLEAN``, ``CATEGORICAL``) and ``stringValue``.

Scores are not requests: each is kept as a verdict (``feedback_rows``) and counted in the
file's ``skipped`` and ``feedback_records``; ``spendscope quality`` applies them to the
requests they name. What a score says:

- a categorical score whose value is a verdict word (``thumbs_down``, ``bad``, ``negative``
  … / ``thumbs_up``, ``good``, ``positive`` …; ``signals.THUMBS_*``) flags or clears the
  answer;
- a boolean score named for feedback (a name containing ``feedback``, ``thumb``, ``user``,
  ``helpful``, ``correct`` or ``good``) clears the answer when 1 and flags it when 0;
- every numeric or boolean score is a score, as given (a workspace mixing scales mixes them
  in the mean).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import timestamp_columns
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import blank_null, doc_records, ensure_columns, sample_rows

S = pl.String
FIELDS = ("id", "timestamp", "name", "value", "source", "comment", "traceId", "trace_id", "observationId",
          "observation_id", "dataType", "data_type", "stringValue", "string_value", "createdAt", "created_at")
FEEDBACK_NAMES = r"(?i)feedback|thumb|user|helpful|correct|good"


def _is_score(r: dict[str, Any]) -> bool:
    return ("traceId" in r or "trace_id" in r) and "name" in r and ("dataType" in r or "data_type" in r) \
        and "type" not in r and "startTime" not in r and "start_time" not in r


def _c(camel: str, snake: str) -> pl.Expr:
    return pl.coalesce(blank_null(camel), blank_null(snake))


class LangfuseScores(Format):
    name = "langfuse_scores"
    title = "Langfuse scores (API JSON / JSONL, blob-storage and UI exports): verdicts on requests"
    schema = pl.Schema({f: S for f in FIELDS})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_score(r) for r in sample_rows(sample))

    def explodes(self, sample: Sample) -> bool:
        return any(isinstance(r, dict) and isinstance(r.get("data"), list) for r in sample.records)

    def records(self, doc: Any) -> Iterable[Any]:
        return doc_records(doc)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        h = set(header)
        return bool({"traceId", "trace_id"} & h) and "name" in h and bool({"dataType", "data_type"} & h) \
            and "type" not in h

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return self.to_canonical(ensure_columns(frame, self.schema))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        kind = _c("dataType", "data_type").str.to_uppercase()
        word = _c("stringValue", "string_value").str.strip_chars().str.to_lowercase()
        value = blank_null("value").str.strip_chars().cast(pl.Float64, strict=False)
        named = blank_null("name").str.contains(FEEDBACK_NAMES).fill_null(False)
        flag = (pl.when(kind.is_in(["CATEGORICAL", "BOOLEAN"]) & word.is_in(signals.THUMBS_DOWN)).then(True)
                .when(kind.is_in(["CATEGORICAL", "BOOLEAN"]) & word.is_in(signals.THUMBS_UP)).then(False)
                .when((kind == "BOOLEAN") & named & value.is_not_null()).then(value == 0))
        observation = _c("observationId", "observation_id")
        return frame.select(
            "_line",
            blank_null("id").alias("request_id"),
            *timestamp_columns(pl.coalesce(blank_null("timestamp"), _c("createdAt", "created_at"))),
            pl.coalesce(observation, _c("traceId", "trace_id")).alias("feedback_for"),
            pl.when(observation.is_not_null()).then(pl.lit("request")).otherwise(pl.lit("trace"))
            .alias("feedback_target"),
            blank_null("name").alias("feedback_name"),
            pl.when(kind.is_in(["NUMERIC", "BOOLEAN"]) & value.is_finite()).then(value).alias("feedback_score"),
            flag.alias("feedback_flag"),
            pl.lit("unknown").alias("model_raw"),
            pl.lit(0.0).alias("requests"),
            pl.when(observation.is_null() & _c("traceId", "trace_id").is_null())
            .then(pl.lit("a score that names no observation or trace")).alias("_reject"),
        )


FORMATS = (LangfuseScores(),)
