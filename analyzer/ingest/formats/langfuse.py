"""Langfuse observation exports (log_formats.md §8).

Accepted shapes:

- v1/v2 API observations (camelCase: ``id``, ``traceId``, ``type``, ``startTime``,
  ``model`` / ``providedModelName``, ``usageDetails``, ``costDetails``, deprecated ``usage``,
  ``calculatedTotalCost`` / ``totalCost``, ``input``, ``output``, ``metadata``, ``latency``
  in seconds, ``level``, ...) as a JSON array, an API page ``{"data": [...], "meta": ...}``
  or JSONL; the UI export as CSV with the same column names;
- blob-storage enriched rows (snake_case: ``trace_id``, ``start_time``
  "YYYY-MM-DD HH:MM:SS.ffffff" UTC, ``provided_model_name``, ``usage_details``,
  ``cost_details``, ``total_cost``, ``user_id``, ``session_id``, ``tags``...) as JSONL or
  CSV (nested objects JSON-encoded in cells).

Only ``GENERATION`` observations are requests (``EMBEDDING`` too when it carries usage;
an untyped row when it names a model or usage). ``SPAN``, ``EVENT``, ``AGENT``, ``TOOL``,
``CHAIN``, ``RETRIEVER``, ``EVALUATOR``, ``GUARDRAIL`` are skipped.

Token convention (§8a gotcha): ``usageDetails`` keys are free-form, and when usage came
in OpenAI shape the server moved every detail into its own key (``input_cached_tokens``,
``output_reasoning_tokens``...) *and subtracted it* from ``input`` / ``output``. So the
map is read as JSON text, its ``"key": number`` pairs are extracted with a regex, and:

- ``input_tokens`` = Σ keys containing "input" (+ cache keys that do not say "input",
  e.g. a bare ``cache_read``, since cache reads and writes are part of the prompt);
- ``cache_read`` = Σ keys containing "cache_read" or "cached";
- ``cache_write`` = Σ keys containing "cache_creation" / "cache_write", of which
  keys containing "ephemeral" and "1h" are 1-hour writes. When both a generic
  cache-creation key and LangChain's ``ephemeral_5m/1h`` breakdown keys are present,
  the breakdown is not counted a second time;
- ``output_tokens`` = Σ keys containing "output"; ``reasoning`` = Σ keys containing
  "reasoning" (clamped to the output);
- with no ``usageDetails`` (or only zeros, which is how an observation without
  reported usage can look in API output), the deprecated ``usage`` {input, output} mirror is used; a
  generation with neither is counted from its text with the o200k tokenizer
  (``tokens_estimated``).

``logged_cost_usd`` = ``costDetails.total``, else ``totalCost`` / ``calculatedTotalCost`` /
``total_cost``. ``level == "ERROR"`` is an error row (zero tokens). ``system_text`` /
``user_text`` come from ``input`` when it is a messages list (or ``{"messages": [...]}``)
or a plain string. Metadata: ``user``, ``session``, ``trace``, ``environment``, ``tags``,
``prompt``, ``name``, ``trace_name``, ``release``, plus ``project``/``feature``/``task``/
``team`` and other flat keys of the observation's ``metadata`` object.

Quality signals (``signals.py``): finish_reason from the output's ``finish_reason`` (a chat
completion's first choice, or the output object's own), else the metadata's (Langfuse's OpenAI
integration writes it there for streamed calls). JSON asked for, when ``input`` is logged: the
type of ``response_format`` in ``modelParameters``, or in the metadata, where that integration
logs it (a Pydantic class as its JSON schema: a schema was asked for). JSON given: the
answer's text in ``output`` (a chat completion's first choice, a message's ``content``, or
the output itself when it is text). ``completionStartTime`` gives ttft_ms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import polars as pl

from analyzer.ingest import estimate, signals
from analyzer.ingest.exprs import NAN, content_text, last_user_text, messages_text, meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import (
    add_json_fields,
    blank_null,
    decode_messages,
    doc_records,
    ensure_columns,
    fit_cache_parts,
    jp,
    looks_json,
    merge_flat,
    provider_hint,
    sample_rows,
    soft_num,
    tags_text,
    ttft_ms,
)

S = pl.String

CAMEL = (
    "traceId", "startTime", "endTime", "completionStartTime", "model", "providedModelName",
    "modelParameters", "usageDetails", "costDetails", "usage", "calculatedTotalCost",
    "totalCost", "timeToFirstToken", "promptName", "promptVersion", "statusMessage", "userId",
    "sessionId", "traceName", "parentObservationId", "toolDefinitions",
)
SNAKE = (
    "trace_id", "start_time", "end_time", "completion_start_time", "provided_model_name",
    "model_parameters", "usage_details", "cost_details", "total_cost", "time_to_first_token",
    "prompt_name", "prompt_version", "status_message", "user_id", "session_id", "trace_name",
    "parent_observation_id", "tool_definitions",
)
SHARED = (
    "id", "type", "name", "input", "output", "metadata", "level", "latency", "environment",
    "tags", "release", "version",
)
TYPES = {
    "GENERATION", "SPAN", "EVENT", "AGENT", "TOOL", "CHAIN", "RETRIEVER", "EVALUATOR",
    "EMBEDDING", "GUARDRAIL",
}
_META_KEYS = (
    "project", "feature", "task", "team", "user", "session", "trace", "environment", "tags",
    "prompt", "name", "trace_name", "release", "error",
)

# one "key": value member of the usageDetails map (values are numbers; anything else is
# captured too so that a non-number makes the row fail validation instead of vanishing)
_UPAIR = r'"([^"\\]*)"\s*:\s*("(?:[^"\\]|\\.)*"|[^,}\s]+)'


def _c(camel: str, snake: str) -> pl.Expr:
    return pl.coalesce(blank_null(camel), blank_null(snake))


_SUMS = ("nonzero", "input", "cache_not_input", "read", "write", "eph", "eph_1h", "output",
         "reasoning")


def usage_sums(details: pl.Series) -> pl.DataFrame:
    """Per-category sums over the ``"key": value`` members of usageDetails JSON texts.

    One row per input row (all null where the map has no members): the members are
    extracted once, exploded to one row per member, classified by key and summed back.
    """
    index = pl.int_range(pl.len(), dtype=pl.UInt32).alias("_i")
    pairs = (
        pl.DataFrame({"d": details.cast(S)})
        .select(index, pl.col("d").str.extract_all(_UPAIR).alias("p"))
        .explode("p")
        .filter(pl.col("p").is_not_null())
    )
    raw = pl.col("p").str.extract(_UPAIR, 2).str.strip_chars('"').str.strip_chars()
    kv = pairs.select(
        "_i",
        pl.col("p").str.extract(_UPAIR, 1).str.to_lowercase().alias("k"),
        pl.when(raw == "null")
        .then(0.0)
        .otherwise(raw.cast(pl.Float64, strict=False).fill_null(NAN))
        .alias("v"),
    )
    k, v = pl.col("k"), pl.col("v")
    is_input = k.str.contains("input", literal=True)
    is_read = k.str.contains("cache_read|cached")
    is_eph = k.str.contains("ephemeral", literal=True)
    is_write = k.str.contains("cache_creation|cache_write") & ~is_eph
    sums = kv.group_by("_i").agg(
        # members with a non-zero value (a NaN counts: the row must fail, not vanish)
        (v != 0.0).sum().cast(pl.Float64).alias("nonzero"),
        v.filter(is_input).sum().alias("input"),
        v.filter((is_read | is_write | is_eph) & ~is_input).sum().alias("cache_not_input"),
        v.filter(is_read).sum().alias("read"),
        v.filter(is_write).sum().alias("write"),
        v.filter(is_eph).sum().alias("eph"),
        v.filter(is_eph & k.str.contains("1h", literal=True)).sum().alias("eph_1h"),
        v.filter(k.str.contains("output", literal=True)).sum().alias("output"),
        v.filter(k.str.contains("reasoning", literal=True)).sum().alias("reasoning"),
    )
    rows = pl.DataFrame({"_i": pl.Series(range(details.len()), dtype=pl.UInt32)})
    return rows.join(sums, on="_i", how="left", maintain_order="left").select(_SUMS)


def _add_tokens(frame: pl.DataFrame) -> pl.DataFrame:
    """Canonical token columns from ``_u.*`` sums, the ``usage`` mirror, ``_skip``, ``_failed``.

    Staged over materialized columns (the parts depend on each other).
    """
    c = pl.col
    m_in, m_out = num("_mirror.input"), num("_mirror.output")
    frame = frame.with_columns(
        (c("_u.nonzero") > 0).fill_null(False).alias("_has_details"),
        ((m_in != 0.0) | (m_out != 0.0)).fill_null(False).alias("_has_mirror"),
        # LangChain's ephemeral_5m/1h keys break down a generic cache-creation key: count once
        ((c("_u.write") > 0) & (c("_u.eph") > 0)).fill_null(False).alias("_breakdown"),
    )
    details = c("_has_details")
    in_details = c("_u.input") + c("_u.cache_not_input")
    frame = frame.with_columns(
        pl.when(details)
        .then(pl.when(c("_breakdown")).then(in_details - c("_u.eph")).otherwise(in_details))
        .when(c("_has_mirror"))
        .then(m_in.fill_null(0.0))
        .otherwise(None)  # no usage at all: estimated from the text
        .alias("input_tokens"),
        pl.when(details)
        .then(c("_u.output"))
        .when(c("_has_mirror"))
        .then(m_out.fill_null(0.0))
        .otherwise(None)
        .alias("output_tokens"),
        pl.when(details).then(c("_u.read")).otherwise(0.0).alias("_read"),
        pl.when(details)
        .then(pl.when(c("_breakdown")).then(c("_u.write")).otherwise(c("_u.write") + c("_u.eph")))
        .otherwise(0.0)
        .alias("_write"),
        pl.when(details).then(c("_u.eph_1h")).otherwise(0.0).alias("_write_1h"),
        pl.when(details).then(c("_u.reasoning")).otherwise(0.0).alias("_reasoning"),
    )
    # skipped records and errors carry no tokens
    return fit_cache_parts(frame, zero_when=c("_skip") | c("_failed"))


def _is_observation(r: dict[str, Any]) -> bool:
    return (
        str(r.get("type", "")).upper() in TYPES
        and ("traceId" in r or "trace_id" in r)
        and ("startTime" in r or "start_time" in r)
    )


_MD_PATHS = (
    "project", "feature", "task", "team", "langfuse_user_id", "user_id", "langfuse_session_id",
    "session_id", "ls_provider", "finish_reason",
)
_OUT = (
    "_line", "request_id", "timestamp", "_ts_raw", "provider", "model_raw", "input_tokens",
    "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "output_tokens",
    "reasoning_tokens", "status", "latency_ms", "ttft_ms", "logged_cost_usd", "metadata", "system_text",
    "user_text", "message_count", "has_tools", "finish_reason", "json_requested", "json_valid",
    "_skip", "_prompt_all", "_completion",
)


class Langfuse(Format):
    name = "langfuse"
    title = "Langfuse observations (API JSON / JSONL, UI and blob-storage exports, CSV)"
    schema = pl.Schema({f: S for f in (*SHARED, *CAMEL, *SNAKE)})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_observation(r) for r in sample_rows(sample))

    def explodes(self, sample: Sample) -> bool:
        """JSONL whose lines are API pages (``{"data": [...]}``, as a paginating export
        appends them) is exploded; plain observation lines take the streaming path."""
        return any(isinstance(r, dict) and isinstance(r.get("data"), list) for r in sample.records)

    def records(self, doc: Any) -> Iterable[Any]:
        return doc_records(doc)

    def csv_sniff(self, header: tuple[str, ...]) -> bool:
        h = set(header)
        return (
            "type" in h
            and bool({"traceId", "trace_id"} & h)
            and bool({"startTime", "start_time"} & h)
        )

    def csv_to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        return self.to_canonical(ensure_columns(frame, self.schema))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        c = pl.col
        frame = frame.with_columns(
            blank_null("input").alias("_in"),
            blank_null("metadata").alias("_md"),
            _c("usageDetails", "usage_details").alias("_details"),
            blank_null("usage").alias("_usage"),
            pl.coalesce(blank_null("model"), _c("providedModelName", "provided_model_name")).alias(
                "_model"
            ),
        )
        frame = add_json_fields(frame, c("_md"), _MD_PATHS, "_md.", text_paths=("response_format",))
        frame = add_json_fields(frame, c("_in"), ("messages", "system", "prompt", "input"), "_in.")
        frame = add_json_fields(frame, c("_usage"), ("input", "output", "totalCost"), "_mirror.")
        frame = add_json_fields(frame, _c("costDetails", "cost_details"), ("total",), "_cost.")
        frame = add_json_fields(
            frame, _c("modelParameters", "model_parameters"), ("tools",), "_mp.",
            text_paths=("response_format",),
        )
        frame = frame.hstack(usage_sums(frame["_details"]).select(pl.all().name.prefix("_u.")))
        inp = c("_in")
        frame = frame.with_columns(
            decode_messages(
                frame.select(
                    pl.coalesce(pl.when(inp.str.strip_chars().str.starts_with("[")).then(inp),
                                c("_in.messages")).alias("t")
                )["t"]
            )
        )

        kind = c("type").str.strip_chars().str.to_uppercase()
        has_usage = ((c("_u.nonzero") > 0) | (num("_mirror.input") != 0.0)
                     | (num("_mirror.output") != 0.0)).fill_null(False)
        request = (
            (kind == "GENERATION")
            | ((kind == "EMBEDDING") & has_usage)
            | (kind.is_null() & (c("_model").is_not_null() | has_usage))
        ).fill_null(False)
        frame = frame.with_columns(
            (~request).alias("_skip"),
            (c("level").str.strip_chars().str.to_uppercase() == "ERROR").fill_null(False).alias(
                "_failed"
            ),
        )
        frame = _add_tokens(frame)

        msgs = c("_msgs")
        # a plain-string input (a JSON string literal in blob exports: "\"hello\"")
        plain = pl.when(~looks_json(inp)).then(
            pl.coalesce(pl.when(inp.str.starts_with('"')).then(inp).str.json_path_match("$"), inp)
        )
        frame = frame.with_columns(
            pl.coalesce(messages_text(msgs, ("system", "developer")), content_text(c("_in.system")))
            .alias("system_text"),
            pl.coalesce(
                last_user_text(msgs),
                plain,
                c("_in.prompt"),
                c("_in.input"),
                # LangChain (non-chat) LLM calls: a list of prompt strings
                pl.when(inp.str.starts_with('["')).then(inp).str.json_path_match("$[0]"),
            ).alias("user_text"),
            messages_text(msgs, ("user", "assistant", "tool")).alias("_conversation"),
            plain.alias("_plain"),
        )
        failed = c("_failed")
        start, end = _c("startTime", "start_time"), _c("endTime", "end_time")
        prompt_name = _c("promptName", "prompt_name")
        prompt_version = _c("promptVersion", "prompt_version")
        base = meta(
            project=c("_md.project"),
            feature=c("_md.feature"),
            task=c("_md.task"),
            team=c("_md.team"),
            user=pl.coalesce(_c("userId", "user_id"), c("_md.langfuse_user_id"), c("_md.user_id")),
            session=pl.coalesce(
                _c("sessionId", "session_id"), c("_md.langfuse_session_id"), c("_md.session_id")
            ),
            trace=_c("traceId", "trace_id"),
            environment=blank_null("environment"),
            tags=tags_text(blank_null("tags")),
            prompt=pl.when(prompt_version.is_not_null())
            .then(pl.concat_str([prompt_name, pl.lit("@"), prompt_version]))
            .otherwise(prompt_name),
            name=blank_null("name"),
            trace_name=_c("traceName", "trace_name"),
            release=blank_null("release"),
            error=pl.when(failed).then(
                pl.coalesce(
                    _c("statusMessage", "status_message").str.slice(0, 200), pl.lit("ERROR")
                )
            ),
        )
        tools = pl.coalesce(_c("toolDefinitions", "tool_definitions"), c("_mp.tools"))
        prompt_all = pl.concat_str(
            [c("system_text"), c("_conversation"), c("_plain")], separator="\n", ignore_nulls=True
        )
        out_text = blank_null("output")
        out = frame.with_columns(
            blank_null("id").alias("request_id"),
            ts(start).alias("timestamp"),
            start.alias("_ts_raw"),
            provider_hint(c("_md.ls_provider")).alias("provider"),
            c("_model").alias("model_raw"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            pl.coalesce(
                soft_num(blank_null("latency")) * 1000.0,
                (ts(end) - ts(start)).dt.total_microseconds().cast(pl.Float64) / 1000.0,
            ).alias("latency_ms"),
            ttft_ms(start, _c("completionStartTime", "completion_start_time")),
            pl.coalesce(
                soft_num("_cost.total"),
                soft_num(blank_null("totalCost")),
                soft_num(blank_null("calculatedTotalCost")),
                soft_num(blank_null("total_cost")),
                soft_num("_mirror.totalCost"),
            ).alias("logged_cost_usd"),
            merge_flat(
                base, c("_md"), _META_KEYS, skip_prefixes=("ls_", "langfuse_")
            ).alias("metadata"),
            msgs.list.len().cast(pl.Int32).alias("message_count"),
            (tools.is_not_null() & ~tools.str.strip_chars().is_in(["[]", "{}", "null"])).alias(
                "has_tools"
            ),
            *_signals(inp, out_text),
            # only rows without usage are tokenized (estimate.fill_missing_usage)
            pl.when(c("input_tokens").is_null())
            .then(pl.coalesce(pl.when(prompt_all != "").then(prompt_all), inp))
            .alias("_prompt_all"),
            pl.when(c("input_tokens").is_null())
            .then(
                pl.when(looks_json(out_text))
                .then(out_text)
                .otherwise(pl.struct(out_text.alias("content")).struct.json_encode())
            )
            .alias("_completion"),
        ).select(_OUT)
        out = estimate.fill_missing_usage(out, prompt="_prompt_all", completion="_completion")
        return out.with_columns(
            (pl.col("tokens_estimated") & ~pl.col("_skip")).alias("tokens_estimated")
        )


def _signals(inp: pl.Expr, output: pl.Expr) -> list[pl.Expr]:
    """Finish reason, JSON asked for, JSON given (see the module docstring). An output is
    parsed for its finish reason only when it names one, for its text only when JSON was
    asked for."""
    c = pl.col
    named = pl.when(output.str.contains('"finish_reason"', literal=True)).then(output)
    finish = pl.coalesce(
        jp(named, "$.choices[0].finish_reason"), jp(named, "$.finish_reason"),
        c("_md.finish_reason"),
    )
    asked = _format_type(pl.coalesce(c("_mp.response_format"), c("_md.response_format")))
    requested = signals.json_requested(asked, inp.is_not_null())
    answer = _answer_text(pl.when(requested).then(output))
    return [
        signals.finish_reason(finish).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def _format_type(response_format: pl.Expr) -> pl.Expr:
    """The ``type`` of a logged ``response_format``: of the object (or its JSON text), else the
    ``json_object`` / ``json_schema`` its text names (a Python repr). A bare JSON schema
    (``"type": "object"``: a Pydantic class as Langfuse's OpenAI integration logs it) asks for
    a schema."""
    kind = pl.coalesce(
        jp(response_format, "$.type"),
        response_format.str.extract(r"\b(json_object|json_schema)\b", 1),
    )
    return pl.when(kind == "object").then(pl.lit("json_schema")).otherwise(kind)


def _answer_text(output: pl.Expr) -> pl.Expr:
    """The answer's text in a logged output: a chat completion's first choice, a message's
    ``content``, a JSON string literal (blob exports write a text output so), or the output
    itself when it does not parse as JSON (it can only have been text). Null for any other
    JSON output: whether it is the answer or a wrapper of it is unknown."""
    whole = output.str.json_path_match("$")
    return pl.coalesce(
        output.str.json_path_match("$.choices[0].message.content"),
        output.str.json_path_match("$.content"),
        pl.when(output.str.starts_with('"')).then(whole),
        pl.when(whole.is_null()).then(output),
    )


ORDER = 60
FORMATS = (Langfuse(),)
