"""The canonical request table: one row per billed API request or aggregated record.

Token semantics are the same whatever the source (see CONTRACT.md):

- ``input_tokens`` is *all* prompt tokens: uncached + cache reads + cache writes.
- ``cache_read_tokens``, ``cache_write_tokens`` (5-minute) and ``cache_write_1h_tokens``
  are parts of ``input_tokens``.
- ``output_tokens`` includes ``reasoning_tokens``.
- ``input_audio_tokens`` / ``output_audio_tokens`` are the audio parts of ``input_tokens`` /
  ``output_tokens`` (priced at the model's audio rates).
- ``web_search_requests`` counts server-side web searches (priced per 1,000).
- ``requests`` is how many API requests the row stands for (1 for a logged request,
  ``num_model_requests`` for a usage-API bucket).

Adapters convert each source's convention once; nothing downstream re-derives it.
"""

from __future__ import annotations

import polars as pl

TIMESTAMP = pl.Datetime("us", "UTC")

TOKEN_COLUMNS = (
    "requests",
    "input_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "cache_write_1h_tokens",
    "output_tokens",
    "reasoning_tokens",
    "input_audio_tokens",
    "output_audio_tokens",
    "web_search_requests",
)
# The columns a content-derived request id hashes (normalize._fill_ids): fixed, so a row's
# id never changes when a column is added and re-ingesting an old export still dedupes.
ID_TOKEN_COLUMNS = TOKEN_COLUMNS[:7]
# Count columns added after workspaces were first written (0.8.0): a part, a rollup or a
# caller's frame without them reads them as 0.
ADDED_COUNTS = TOKEN_COLUMNS[7:]

SERVICE_TIERS = ("standard", "batch", "flex", "priority")

CANONICAL_SCHEMA = pl.Schema(
    {
        # identity
        "request_id": pl.String,
        "timestamp": TIMESTAMP,
        "provider": pl.String,
        "model": pl.String,
        "model_raw": pl.String,
        "source_format": pl.String,
        "source_file": pl.String,
        "source_line": pl.Int64,
        # tokens: never null, 0 when absent
        **{c: pl.Int64 for c in TOKEN_COLUMNS},
        "tokens_estimated": pl.Boolean,
        # context
        "service_tier": pl.String,
        "status": pl.String,
        "latency_ms": pl.Float64,
        "logged_cost_usd": pl.Float64,
        "metadata": pl.String,  # flat JSON object of str -> str
        # quality signals (analyzer/ingest/signals.py): null where the source does not log them
        "finish_reason": pl.String,
        "json_requested": pl.Boolean,
        "json_valid": pl.Boolean,
        "ttft_ms": pl.Float64,
        "is_retry": pl.Boolean,
        "is_override": pl.Boolean,
        "was_overridden": pl.Boolean,
        "feedback_score": pl.Float64,
        "feedback_flag": pl.Boolean,
        # text: a fingerprint always, the text itself only when asked to keep it
        "template_id": pl.String,
        "prompt_text": pl.String,
        "message_count": pl.Int32,
        "has_tools": pl.Boolean,
    }
)

COLUMNS = tuple(CANONICAL_SCHEMA.names())


# What each column holds (the polars schema above is the contract; a test keeps the two in step).
COLUMN_DOCS = {
    "request_id": "Provider id, or a content-derived id 'fmt:<hash>'.",
    "timestamp": "When the request ran, UTC.",
    "provider": "openai, anthropic, google, aws-bedrock, ... or 'unknown'.",
    "model": "Canonical model id (the price catalog's id when known).",
    "model_raw": "The model string exactly as the log had it.",
    "source_format": "The detected log format.",
    "source_file": "The file the row came from.",
    "source_line": "1-based line (or record) number in the source file.",
    "requests": "API requests this row stands for (>= 0).",
    "input_tokens": "All prompt tokens, cache reads and writes included.",
    "cache_read_tokens": "Prompt tokens read from the cache (part of input_tokens).",
    "cache_write_tokens": "5-minute cache writes (part of input_tokens).",
    "cache_write_1h_tokens": "1-hour cache writes (part of input_tokens).",
    "output_tokens": "All generated tokens, reasoning included.",
    "reasoning_tokens": "Part of output_tokens.",
    "input_audio_tokens": "Audio prompt tokens (part of input_tokens).",
    "output_audio_tokens": "Audio output tokens (part of output_tokens).",
    "web_search_requests": "Server-side web searches the request ran (priced per 1,000).",
    "tokens_estimated": "Counts came from a tokenizer, not the log.",
    "service_tier": "standard, batch, flex or priority.",
    "status": "ok; error, canceled or expired (zero tokens); cached (answered by a gateway's "
              "own cache: the provider billed nothing).",
    "latency_ms": "Request latency, when the log has it.",
    "logged_cost_usd": "Cost the source itself reported.",
    "metadata": "Flat JSON object: project, user, feature, tags, ...",
    "finish_reason": "Why generation stopped: stop, truncated, content_filter, tool_use, error or "
                     "other; null when the log does not say.",
    "json_requested": "Whether the request asked for JSON output (response_format); null when the "
                      "request is not in the log.",
    "json_valid": "Whether the answer's text is one JSON object or array, as a caller's parser "
                  "takes it; null when the answer's text is not in the log.",
    "ttft_ms": "Time to the first token, when the log has it.",
    "is_retry": "The same prompt (template and input) was sent within 10 minutes before, to a model "
                "of the same or a higher tier; null where the log holds no input to compare.",
    "is_override": "Re-sent to a higher-tier model within 10 minutes of the same prompt, or marked "
                   "by metadata quality_override / override.",
    "was_overridden": "A later request re-sent this one's prompt to a higher-tier model.",
    "feedback_score": "A user's score of the answer (metadata score or feedback, as given).",
    "feedback_flag": "A user marked the answer bad (true) or good (false): metadata thumbs or "
                     "feedback; null without feedback.",
    "template_id": "Fingerprint of the prompt's fixed part.",
    "prompt_text": "First 2,000 characters, with --keep-text.",
    "message_count": "Messages in the request, when the log has them.",
    "has_tools": "Whether the request offered tools.",
}


# Billed amounts from cost reports, kept apart from requests for reconciliation.
BILLED_SCHEMA = pl.Schema(
    {
        "timestamp": CANONICAL_SCHEMA["timestamp"],
        "provider": pl.String,
        "model": pl.String,
        "billed_usd": pl.Float64,
        "metadata": pl.String,
        "source_format": pl.String,
        "source_file": pl.String,
        "source_line": pl.Int64,
    }
)


# Verdicts on requests that arrive apart from them (a Langfuse scores export), kept beside the
# requests and applied to them when quality is read (``quality/report.py``).
FEEDBACK_SCHEMA = pl.Schema(
    {
        "feedback_id": pl.String,
        "timestamp": CANONICAL_SCHEMA["timestamp"],
        "target_id": pl.String,  # the request it judges, or the trace whose last request it judges
        "target": pl.String,  # request or trace
        "name": pl.String,
        "score": pl.Float64,
        "flag": pl.Boolean,
        "source_format": pl.String,
        "source_file": pl.String,
        "source_line": pl.Int64,
    }
)


def with_added_counts(frame: pl.LazyFrame) -> pl.LazyFrame:
    """``frame`` with every ``ADDED_COUNTS`` column, 0 where it had none (or a null)."""
    names = frame.collect_schema().names()
    return frame.with_columns(
        pl.col(c).fill_null(0) if c in names else pl.lit(0, pl.Int64).alias(c) for c in ADDED_COUNTS)


def empty_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=CANONICAL_SCHEMA)
