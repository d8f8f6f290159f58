"""The canonical request table: one row per billed API request or aggregated record.

Token semantics are the same whatever the source (see CONTRACT.md):

- ``input_tokens`` is *all* prompt tokens: uncached + cache reads + cache writes.
- ``cache_read_tokens``, ``cache_write_tokens`` (5-minute) and ``cache_write_1h_tokens``
  are parts of ``input_tokens``.
- ``output_tokens`` includes ``reasoning_tokens``.
- ``requests`` is how many API requests the row stands for (1 for a logged request,
  ``num_model_requests`` for a usage-API bucket).

Adapters convert each source's convention once; nothing downstream re-derives it.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl
from pydantic import BaseModel, Field

TIMESTAMP = pl.Datetime("us", "UTC")

TOKEN_COLUMNS = (
    "requests",
    "input_tokens",
    "cache_read_tokens",
    "cache_write_tokens",
    "cache_write_1h_tokens",
    "output_tokens",
    "reasoning_tokens",
)

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
        # text: a fingerprint always, the text itself only when asked to keep it
        "template_id": pl.String,
        "prompt_text": pl.String,
        "message_count": pl.Int32,
        "has_tools": pl.Boolean,
    }
)

COLUMNS = tuple(CANONICAL_SCHEMA.names())


class RequestRow(BaseModel):
    """Documents one row of the canonical table (the polars schema above is the contract)."""

    request_id: str = Field(description="Provider id, or a content-derived id 'fmt:<hash>'.")
    timestamp: datetime = Field(description="When the request ran, UTC.")
    provider: str = Field(description="openai, anthropic, google, aws-bedrock, ... or 'unknown'.")
    model: str = Field(description="Canonical model id (the price catalog's id when known).")
    model_raw: str = Field(description="The model string exactly as the log had it.")
    source_format: str
    source_file: str
    source_line: int = Field(description="1-based line (or record) number in the source file.")
    requests: int = Field(ge=0, description="API requests this row stands for.")
    input_tokens: int = Field(ge=0, description="All prompt tokens, cache reads and writes included.")
    cache_read_tokens: int = Field(ge=0)
    cache_write_tokens: int = Field(ge=0, description="5-minute cache writes.")
    cache_write_1h_tokens: int = Field(ge=0, description="1-hour cache writes.")
    output_tokens: int = Field(ge=0, description="All generated tokens, reasoning included.")
    reasoning_tokens: int = Field(ge=0, description="Part of output_tokens.")
    tokens_estimated: bool = Field(description="Counts came from a tokenizer, not the log.")
    service_tier: str = Field(description="standard, batch, flex or priority.")
    status: str = Field(
        description="ok; error, canceled or expired (zero tokens); cached (answered by a "
        "gateway's own cache: the provider billed nothing)."
    )
    latency_ms: float | None = None
    logged_cost_usd: float | None = Field(None, description="Cost the source itself reported.")
    metadata: str = Field(description="Flat JSON object: project, user, feature, tags, ...")
    template_id: str | None = Field(None, description="Fingerprint of the prompt's fixed part.")
    prompt_text: str | None = Field(None, description="First 2,000 characters, with --keep-text.")
    message_count: int | None = None
    has_tools: bool | None = None


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


def empty_frame() -> pl.DataFrame:
    return pl.DataFrame(schema=CANONICAL_SCHEMA)
