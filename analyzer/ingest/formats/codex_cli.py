"""OpenAI Codex CLI session transcripts ("rollouts", JSONL), as ccusage reads them.

Files: ``${CODEX_HOME:-~/.codex}/sessions/YYYY/MM/DD/rollout-<timestamp>-<uuid>.jsonl``
(log_formats.md §10). Every line is ``{"timestamp", "type", "payload": {...}}``; ``type`` is
``session_meta`` (first line: session ``id``, ``cwd``, ``cli_version``, ``model_provider``,
``git.branch``), ``turn_context`` (at the start of each turn: ``model``, ``cwd``, ``effort``),
``response_item`` (messages, reasoning, tool calls and their outputs), ``event_msg``
(``user_message``, ``agent_message``, ``token_count``, …) or ``compacted``.

Requests: only ``event_msg`` lines with ``payload.type == "token_count"`` and a non-null
``payload.info`` carry usage, one row each. Every other line is skipped (counted, not
rejected), and so is a token_count whose ``info`` is null (a rate-limit refresh). The row's
tokens are ``info.last_token_usage`` (this request's usage). Very old files have only the
cumulative ``info.total_token_usage``: the row's usage is its total minus the previous
token_count's total in the same file (``shift`` over the file's rows); a total smaller than
the previous one is a restarted counter and counts whole. A line whose ``payload`` (or
``payload.info``) is not an object is rejected ("unexpected structure"). Detection: a line of
one of the four types above with an object ``payload``; rollouts written before this envelope
(which logged no token counts) are not recognised.

Token convention (OpenAI's Responses API, whose usage Codex copies):

- ``input_tokens`` already includes ``cached_input_tokens`` (→ ``cache_read_tokens``) and,
  in newer versions, ``cache_write_input_tokens`` (also spelled ``cache_write_tokens``;
  clamped to the uncached part, as ``openai_chat`` does): input passes through;
- ``output_tokens`` already includes ``reasoning_output_tokens``. The shape's own arithmetic
  says so: ``total_tokens`` = ``input_tokens`` + ``output_tokens``, reasoning not added
  again. Output passes through and reasoning, capped at output, is a part of it. (Some
  readers, ccusage's notes among them, took reasoning as extra output; that bills it twice.)

Duplicates (the big trap). Codex re-writes a token_count with unchanged totals (UI and
rate-limit refreshes, often right after the real one, with a fresh timestamp), and a forked
session's file (``session_meta.forked_from_id``) embeds its parent's ``session_meta`` and
replays the parent's history, token_counts included, under new timestamps. ``request_id`` is
therefore derived from the cumulative ``total_token_usage`` alone:
``codex:<input>:<cached>:<output>:<reasoning>:<total>``. It grows with every request of a
session, so a repeat, a re-read of a growing file, an overlapping copy and a fork's replayed
prefix all carry the id of the original and count as duplicates (the first copy in line
order is kept). The session id is deliberately left out: a fork's replay would not match
its parent, and only the first read block of a large file holds the ``session_meta`` line
(see below). The cost: unrelated sessions whose cumulative usage is equal in all five
counts collide — in practice only the first request of two sessions with the same prompt,
the same cached prefix and the same output and reasoning lengths; one of them then counts
as a duplicate. A token_count without totals gets the pipeline's content-derived id.

Context, in line order within the file: the model is the event's own ``info.model`` /
``payload.model`` (older versions), else the latest ``turn_context`` model (a mid-session
switch writes a new one), else ``session_meta.model`` (oldest versions). The file's own
(first) ``session_meta`` gives the provider (``model_provider``, default ``openai``) and the
metadata ``session`` (its ``id``; a fork's rows, replayed ones included, are the fork's),
``branch`` and ``version`` (``cli_version``); ``project`` is the last path component of
the latest ``cwd`` and ``effort`` the turn's reasoning effort. ``user_text`` is the latest
``user_message`` prompt before the event; ``has_tools`` is true (Codex sends its tool
definitions with every request).

Limitation: files are read in blocks of whole lines of at most 8 MB (``read.line_blocks``).
A file under 8 MB is always in one block; a larger one is split at line boundaries, and the
forward fills and the totals-only deltas cannot see across a split. Rows at the head of a
later block, before its first ``turn_context``, have no model (rejected, "missing model")
and no session, project or prompt; a totals-only row there counts its whole cumulative total.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest.exprs import meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.normalize import file_index

S = pl.String

USAGE = pl.Struct(
    {
        "input_tokens": S,
        "cached_input_tokens": S,
        "cache_write_input_tokens": S,
        "cache_write_tokens": S,
        "output_tokens": S,
        "reasoning_output_tokens": S,
        "total_tokens": S,
    }
)
INFO = pl.Struct({"total_token_usage": USAGE, "last_token_usage": USAGE, "model": S})
PAYLOAD = pl.Struct(
    {
        "type": S,
        "id": S,
        "cwd": S,
        "cli_version": S,
        "model_provider": S,
        "model": S,
        "effort": S,
        "message": S,
        "git": pl.Struct({"branch": S}),
        "info": INFO,
    }
)
LINE_TYPES = frozenset({"session_meta", "turn_context", "event_msg", "response_item"})
_COUNTS = ("input", "cached", "write", "output", "reasoning")


class CodexCli(Format):
    name = "codex_cli"
    title = "OpenAI Codex CLI session transcripts"
    inputs_whole = False  # a turn's requests all carry its prompt
    schema = pl.Schema({"timestamp": S, "type": S, "payload": PAYLOAD})

    def sniff(self, sample: Sample) -> bool:
        return any(_is_rollout_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        frame = frame.sort("_line")  # the forward fills and deltas run in line order
        p = pl.col("payload").struct.field
        info = p("info")
        last = info.struct.field("last_token_usage")
        total = info.struct.field("total_token_usage")
        is_count = (_is("event_msg") & (p("type") == "token_count")).fill_null(False)
        usage = is_count & (last.is_not_null() | total.is_not_null())
        tokens = _tokens(_counts(last), _delta(_counts(total), usage), has_last=last.is_not_null())
        model = pl.coalesce(
            pl.when(is_count).then(pl.coalesce(info.struct.field("model"), p("model"))),
            _latest(pl.col("type").is_in(["turn_context", "session_meta"]), p("model")),
        )
        return frame.select(
            pl.col("_line"),
            _request_id(total).alias("request_id"),
            ts("timestamp").alias("timestamp"),
            pl.col("timestamp").alias("_ts_raw"),
            pl.coalesce(_own(p("model_provider")).str.to_lowercase(), pl.lit("openai")).alias(
                "provider"),
            model.str.strip_chars().replace("", None).alias("model_raw"),
            *[e.alias(k) for k, e in tokens.items()],
            pl.lit("ok").alias("status"),
            _metadata().alias("metadata"),
            _latest(_is("event_msg") & (p("type") == "user_message"), p("message"))
            .str.strip_chars().replace("", None).alias("user_text"),
            # Codex sends its tool definitions (shell, apply_patch, …) with every request
            pl.lit(True).alias("has_tools"),
            (~usage).alias("_skip"),
        )


def _is(kind: str) -> pl.Expr:
    return (pl.col("type") == kind).fill_null(False)


def _latest(where: pl.Expr, value: pl.Expr, keep_nulls: bool = False) -> pl.Expr:
    """``value`` on the latest line matching ``where``, at or before each line of its file.

    ``keep_nulls``: a matching line without the value clears it (else the one before stays)."""
    marked = pl.when(where).then(value.fill_null("") if keep_nulls else value)
    return marked.forward_fill().over(file_index()).replace("", None)


def _own(value: pl.Expr) -> pl.Expr:
    """``value`` on the file's own ``session_meta`` line (its first), for every line of it."""
    return value.filter(_is("session_meta")).first().over(file_index())


def _counts(u: pl.Expr) -> dict[str, pl.Expr]:
    """One usage object's counts as Float64 (null when absent, NaN when not a number)."""
    f = u.struct.field
    return {
        "input": num(f("input_tokens")),
        "cached": num(f("cached_input_tokens")).fill_null(0.0),
        "write": pl.coalesce(num(f("cache_write_input_tokens")), num(f("cache_write_tokens")))
        .fill_null(0.0),
        "output": num(f("output_tokens")),
        "reasoning": num(f("reasoning_output_tokens")).fill_null(0.0),
        "total": pl.coalesce(num(f("total_tokens")),
                             num(f("input_tokens")) + num(f("output_tokens"))),
    }


def _delta(totals: dict[str, pl.Expr], usage: pl.Expr) -> dict[str, pl.Expr]:
    """Each count minus the previous usage line's, in the same file (totals-only files)."""
    known = usage & totals["total"].is_not_null() & ~totals["total"].is_nan()

    def before(e: pl.Expr) -> pl.Expr:  # the value on the previous usage line of the file
        return pl.when(known).then(e).shift(1).forward_fill().over(file_index())

    prev_total = before(totals["total"])
    restart = prev_total.is_null() | (totals["total"] < prev_total)
    return {
        k: pl.when(restart).then(e).otherwise(e - before(e).fill_null(0.0))
        for k, e in totals.items() if k in _COUNTS
    }


def _tokens(
    last: dict[str, pl.Expr], delta: dict[str, pl.Expr], has_last: pl.Expr
) -> dict[str, pl.Expr]:
    """Canonical token columns: ``last_token_usage`` when present, else the totals' delta."""
    c = {k: pl.when(has_last).then(last[k]).otherwise(delta[k]) for k in _COUNTS}
    uncached = (c["input"] - c["cached"]).clip(lower_bound=0.0)
    write = c["write"]
    reasoning = c["reasoning"]
    return {
        "input_tokens": c["input"],
        "cache_read_tokens": c["cached"],
        "cache_write_tokens": pl.when(write.is_nan() | (write < 0)).then(write)
        .otherwise(pl.min_horizontal(write, uncached)),
        "output_tokens": c["output"],
        # reasoning is part of output (total = input + output); a larger count is capped
        "reasoning_tokens": pl.when(~reasoning.is_nan() & (reasoning > c["output"]))
        .then(c["output"]).otherwise(reasoning),
    }


def _request_id(total: pl.Expr) -> pl.Expr:
    """``codex:<input>:<cached>:<output>:<reasoning>:<total>`` of the cumulative usage."""
    t = _counts(total)
    parts = [t[k] for k in ("input", "cached", "output", "reasoning", "total")]
    as_text = [e.cast(pl.Int64, strict=False).cast(pl.String) for e in parts]
    return pl.concat_str([pl.lit("codex"), *as_text], separator=":")  # null if any is unusable


def _metadata() -> pl.Expr:
    p = pl.col("payload").struct.field
    context = pl.col("type").is_in(["session_meta", "turn_context"])
    cwd = _latest(context, p("cwd")).str.replace_all("\\", "/", literal=True)
    cwd = cwd.str.strip_chars_end("/")
    return meta(
        project=cwd.str.split("/").list.last().replace("", None),
        session=_own(p("id")),
        branch=_own(p("git").struct.field("branch")),
        version=_own(p("cli_version")),
        # a turn without an effort (a model without reasoning) must not inherit the last one
        effort=_latest(_is("turn_context"), p("effort"), keep_nulls=True),
    )


def _is_rollout_line(r: dict[str, Any]) -> bool:
    kind = r.get("type")
    return isinstance(kind, str) and kind in LINE_TYPES and isinstance(r.get("payload"), dict)


ORDER = 85
FORMATS = (CodexCli(),)
