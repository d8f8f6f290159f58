"""Claude Code session transcripts (JSONL), as ccusage reads them.

Files: ``~/.claude/projects/<project-dir>/<sessionId>.jsonl`` (also ``~/.config/claude``)
and, in newer versions, ``<sessionId>/subagents/*.jsonl`` (log_formats.md §10).

Lines come in many types (``user``, ``assistant``, ``summary``, ``system``,
``file-history-snapshot``, …); assistant records written without a ``type`` (``message.id``,
``requestId``, ``message.model``, ``message.usage``, ``timestamp``) are read too. Only lines
with ``message.usage`` are usage records; every other line is skipped (counted, not
rejected). ``<synthetic>``-model lines are written locally, not by the API, and are skipped too — except API-error placeholders
(``isApiErrorMessage: true``), which become zero-token rows with status ``error``.

Token convention (Anthropic's, since the usage object is the Messages API's, and read by
``anthropic_messages.usage_tokens``, ``usage.iterations`` of a compacted request included):

- ``input_tokens`` = ``input_tokens`` + ``cache_read_input_tokens`` + cache writes;
- cache writes: when ``message.usage.cache_creation`` carries the TTL split,
  ``ephemeral_5m_input_tokens`` → ``cache_write_tokens`` and ``ephemeral_1h_input_tokens``
  → ``cache_write_1h_tokens`` (ccusage uses their sum); otherwise (older versions) all of
  ``cache_creation_input_tokens`` is a 5-minute write, and the row says so in metadata
  (``cache_ttl: unknown``) so ``report --reconcile --cache-ttl 1h`` can price them as 1-hour
  writes instead;
- ``output_tokens`` passes through (it includes thinking);
  ``output_tokens_details.thinking_tokens`` (newer) → ``reasoning_tokens``, capped at output.

Duplicates (the big trap): Claude Code writes one line per content block and intermediate
streaming snapshots, all with the same ``message.id`` (+ ``requestId``) and a repeated usage
whose ``output_tokens`` grows. ``request_id`` is ``message.id`` (else ``requestId``, else the
line's ``uuid``), and ``finalize`` keeps one row per id: the non-sidechain copy when a
message appears both with ``isSidechain`` true and false in one file, carrying the largest
token total (input + output) seen for that id; the other lines count as duplicates. Sidechain
replays in ``subagents/`` files share ``message.id`` and dedupe across files in the run.

Other fields: ``timestamp`` (ISO, Z); ``costUSD`` (older versions) → ``logged_cost_usd``;
``message.usage.speed == "fast"`` (fast mode, which ccusage reports as a ``-fast`` model)
→ service tier ``priority`` and ``speed: fast`` in metadata; otherwise
``message.usage.service_tier``. Metadata: ``project`` (last path component of ``cwd``),
``session`` (``sessionId``), ``branch`` (``gitBranch``: ``report --by meta:branch`` is what
a feature branch cost), ``version``, ``agent`` (``agentId``),
``sidechain``. ``user_text`` is the last real user prompt (not a tool result or meta line)
before the assistant turn in the same session (within one read chunk).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import content_text, meta, num, ts
from analyzer.ingest.formats.anthropic_messages import ITERATIONS, TOKEN_FIELDS, usage_tokens
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.normalize import file_index

S = pl.String

USAGE = pl.Struct({**TOKEN_FIELDS, "iterations": ITERATIONS, "service_tier": S, "speed": S,
                   "server_tool_use": pl.Struct({"web_search_requests": S})})
MESSAGE = pl.Struct(
    {"id": S, "model": S, "role": S, "content": S, "stop_reason": S, "usage": USAGE}
)
SYNTHETIC = "<synthetic>"
_TOOL_RESULT = r'"type"\s*:\s*"tool_result"'
_TOKENS = ("input_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens",
           "output_tokens", "reasoning_tokens")
_CC_KEYS = ("sessionId", "parentUuid", "isSidechain", "userType")


class ClaudeCode(Format):
    name = "claude_code"
    title = "Claude Code session transcripts"
    inputs_whole = False  # a turn's requests all carry its prompt
    schema = pl.Schema(
        {
            "type": S,
            "timestamp": S,
            "sessionId": S,
            "version": S,
            "cwd": S,
            "gitBranch": S,
            "agentId": S,
            "uuid": S,
            "requestId": S,
            "isSidechain": S,
            "isMeta": S,
            "isApiErrorMessage": S,
            "costUSD": S,
            "message": MESSAGE,
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_transcript_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        msg = pl.col("message")
        usage = msg.struct.field("usage")
        u = usage.struct.field
        model = msg.struct.field("model").str.strip_chars().replace("", None)
        is_error = _flag("isApiErrorMessage")
        synthetic = (model == SYNTHETIC).fill_null(False)
        skip = ~is_error & (usage.is_null() | synthetic)

        tokens = usage_tokens(usage)
        output, thinking = tokens["output_tokens"], tokens["reasoning_tokens"]
        tokens["reasoning_tokens"] = pl.when(thinking > output).then(output).otherwise(thinking)
        split = u("cache_creation")
        no_ttl = (num(u("cache_creation_input_tokens")) > 0) & split.struct.field(
            "ephemeral_5m_input_tokens").is_null() & split.struct.field("ephemeral_1h_input_tokens").is_null()
        fast = (u("speed").str.to_lowercase() == "fast").fill_null(False)
        sidechain = _flag("isSidechain")
        cwd = pl.col("cwd").str.replace_all("\\", "/", literal=True).str.strip_chars_end("/")
        metadata = meta(**
            {
                "project": cwd.str.split("/").list.last().replace("", None),
                "session": pl.col("sessionId"),
                "branch": pl.col("gitBranch"),
                "version": pl.col("version"),
                "agent": pl.col("agentId"),
                "sidechain": pl.when(sidechain).then(pl.lit("true")),
                "speed": pl.when(fast).then(pl.lit("fast")),
                "cache_ttl": pl.when(no_ttl).then(pl.lit("unknown")),
            }
        )
        return frame.select(
            pl.col("_line"),
            pl.coalesce(msg.struct.field("id"), pl.col("requestId"), pl.col("uuid")).alias(
                "request_id"
            ),
            ts("timestamp").alias("timestamp"),
            pl.col("timestamp").alias("_ts_raw"),
            # an API-error placeholder names no real model; it was still an Anthropic call
            pl.when(synthetic | model.is_null()).then(pl.lit("anthropic")).alias("provider"),
            pl.when(synthetic).then(None).otherwise(model).alias("model_raw"),
            *[pl.when(is_error).then(0.0).otherwise(e).alias(k) for k, e in tokens.items()],
            pl.when(fast).then(pl.lit("priority")).otherwise(u("service_tier")).alias(
                "service_tier"
            ),
            pl.when(is_error).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            signals.finish_reason(msg.struct.field("stop_reason")).alias("finish_reason"),
            num("costUSD").fill_nan(None).alias("logged_cost_usd"),
            metadata.alias("metadata"),
            _prompt_before().alias("user_text"),
            # Claude Code sends its tool definitions with every request: a coding agent's loop
            pl.lit(True).alias("has_tools"),
            skip.alias("_skip"),
            sidechain.alias("_sidechain"),
        )

    def finalize(self, frame: pl.DataFrame) -> tuple[pl.DataFrame, int]:
        """One row per ``request_id``: the non-sidechain copy, with the largest token total."""
        if frame.height == 0 or "request_id" not in frame.columns:
            return frame, 0
        if "_sidechain" not in frame.columns:
            frame = frame.with_columns(pl.lit(False).alias("_sidechain"))
        total = (pl.col("input_tokens") + pl.col("output_tokens")).alias("_total")
        frame = frame.with_columns(total)
        best = pl.col("_total").arg_max()
        frame = frame.with_columns(
            [pl.col(c).get(best).over("request_id").alias(c) for c in _TOKENS if c in frame.columns]
        )
        kept = (
            frame.sort(["_sidechain", "_total", "_line"], descending=[False, True, False])
            .unique(subset="request_id", keep="first")
            .sort("_line")
            .drop("_total")
        )
        return kept, frame.height - kept.height


def _flag(name: str) -> pl.Expr:
    return pl.col(name).str.strip_chars().str.to_lowercase().is_in(["true", "1"]).fill_null(False)


def _prompt_before() -> pl.Expr:
    """The last real user prompt before each line, within its session and file (a subagent's
    transcript shares its parent's session id, and starts with its own prompt)."""
    # Only user lines' content is searched and parsed (assistant content is most bytes).
    user = pl.when((pl.col("type") == "user") & ~_flag("isMeta")).then(
        pl.col("message").struct.field("content"))
    prompt = pl.when(~user.str.contains(_TOOL_RESULT)).then(user)
    text = content_text(prompt).str.strip_chars().replace("", None)
    return (
        pl.when(prompt.is_not_null())
        .then(text)
        .forward_fill()
        .over(file_index(), pl.col("sessionId").fill_null(""))
    )


def _is_transcript_line(r: dict[str, Any]) -> bool:
    kind = r.get("type")
    if kind in ("user", "assistant", "system", "summary") and any(k in r for k in _CC_KEYS):
        return True
    if kind is None and "requestId" in r and "timestamp" in r:
        # an assistant record written without its "type" (some tools and test suites do)
        msg = r.get("message")
        return isinstance(msg, dict) and "id" in msg and "model" in msg and isinstance(msg.get("usage"), dict)
    return kind == "summary" and "leafUuid" in r


ORDER = 80
FORMATS = (ClaudeCode(),)
