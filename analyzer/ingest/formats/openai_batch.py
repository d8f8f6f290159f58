"""OpenAI Batch API files (JSONL): the input file and the output / error files.

Input lines (log_formats.md §2a) are ``{"custom_id", "method", "url", "body"}`` where
``body`` is a normal Chat Completions (``messages``), Responses (``input`` +
``instructions``), Embeddings (``input``) or legacy Completions (``prompt``) request. They are not requests: every line is
``_skip``ped, but it carries ``custom_id``, the requested model and the prompt text so the
pipeline can join the prompt fingerprint (``template_id``), ``message_count`` and
``has_tools`` onto the output rows of the same run, and give a model to errored lines.

Output and error lines (§2b) are ``{"id": "batch_req_…", "custom_id", "response":
{"status_code", "request_id", "body"}, "error"}``; ``body`` is a chat.completion,
response or embedding-list object with ``usage`` as in §1.

Token convention (same as ``openai_chat``): ``prompt_tokens`` / ``input_tokens`` already
include the cached tokens (``*_tokens_details.cached_tokens``) and ``completion_tokens`` /
``output_tokens`` include reasoning, so counts pass through; ``cache_write_tokens``
(newer, "unadjusted") is clamped to ``input − cached``. Every row is billed at the batch
rate: ``service_tier`` is ``batch`` whatever the body says ("default").

Status: decided by ``response.status_code`` (≥ 400 → ``error``), never by ``error`` alone:
the error file mostly holds 4xx/5xx lines whose top-level ``error`` is null (openai-openapi
issue #302). A line with ``response: null`` never got an HTTP response; its top-level
``error.code`` gives ``expired`` for ``batch_expired``, ``canceled`` for
``batch_cancelled``, else ``error``. Failed lines are zero-token rows; their error code
goes to ``metadata.error_code``. They name no model: when the other lines of the same file
name exactly one (a batch runs one model), it is that one; else the pipeline takes it from the joined input line;
with neither, the row's model is ``unknown`` and, carrying no tokens, it is priced at $0
(never listed as unpriced). A failed line's ``request_id`` is its ``id`` + ``:`` +
``custom_id``: two failed requests that share an ``id`` are two requests.

Timestamps: ``response.body.created`` (chat) or ``created_at`` (responses), epoch
seconds. Error lines (and embedding-list bodies) have none: they take the earliest timestamp of the other lines of
the same chunk of the file (a file under 8 MB is one chunk; a batch runs within its 24 h window). When no line
of the chunk has one (a separate error file), the row is left without a timestamp and,
as ``timestamp_from_file`` is set, the pipeline uses the file's modification time and
counts it in the file report's ``timestamps_from_file``.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import MESSAGES, last_user_text, messages_text, meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.normalize import file_index

S = pl.String
USAGE = pl.Struct(
    {
        "prompt_tokens": S,
        "completion_tokens": S,
        "input_tokens": S,
        "output_tokens": S,
        "prompt_tokens_details": pl.Struct({"cached_tokens": S, "cache_write_tokens": S}),
        "input_tokens_details": pl.Struct({"cached_tokens": S, "cache_write_tokens": S}),
        "completion_tokens_details": pl.Struct({"reasoning_tokens": S}),
        "output_tokens_details": pl.Struct({"reasoning_tokens": S}),
    }
)
BODY = pl.Struct(
    {
        "id": S,
        "object": S,
        "created": S,
        "created_at": S,
        "model": S,
        "status": S,
        "usage": USAGE,
        "error": S,  # JSON text: {"message", "type", "param", "code"}
        "choices": pl.List(pl.Struct({"finish_reason": S, "message": pl.Struct({"content": S})})),
    }
)

_ERROR_STATUS = {"batch_expired": "expired", "batch_cancelled": "canceled",
                 "batch_canceled": "canceled"}


class OpenAIBatchInput(Format):
    name = "openai_batch_input"
    title = "OpenAI Batch API input file"
    schema = pl.Schema(
        {
            "custom_id": S,
            "method": S,
            "url": S,
            "body": pl.Struct(
                {
                    "model": S,
                    "messages": MESSAGES,
                    "input": S,  # string, list of strings, or list of input items (JSON text)
                    "prompt": S,  # legacy /v1/completions
                    "instructions": S,
                    "tools": S,
                    "response_format": S,  # JSON text: {"type": "json_object" | "json_schema", ...}
                    "text": S,  # Responses: {"format": {"type": ...}}
                }
            ),
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_input_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        body = pl.col("body")
        messages = body.struct.field("messages")
        items = body.struct.field("input")
        tools = body.struct.field("tools")
        system = pl.coalesce(
            messages_text(messages, ("system", "developer")), body.struct.field("instructions")
        )
        user = pl.coalesce(
            last_user_text(messages), _input_text(items), body.struct.field("prompt")
        )
        count = pl.coalesce(
            messages.list.len().cast(pl.Int32),
            pl.when(items.str.starts_with("[{"))
            .then(items.str.count_matches(r'"role"\s*:').cast(pl.Int32))
            .when(items.is_not_null())
            .then(pl.lit(1, pl.Int32)),
        )
        return frame.select(
            pl.col("_line"),
            pl.lit(True).alias("_skip"),
            pl.col("custom_id"),
            pl.lit("openai").alias("provider"),
            body.struct.field("model").alias("model_raw"),
            pl.lit("batch").alias("service_tier"),
            system.alias("system_text"),
            user.alias("user_text"),
            count.alias("message_count"),
            (tools.is_not_null() & (tools != "[]")).alias("has_tools"),
            signals.json_requested(pl.coalesce(body.struct.field("response_format").str.json_path_match("$.type"),
                                               body.struct.field("text").str.json_path_match("$.format.type")),
                                   pl.lit(True)).alias("json_requested"),
        )


class OpenAIBatch(Format):
    name = "openai_batch"
    title = "OpenAI Batch API output / error file"
    timestamp_from_file = True  # error-only chunks carry no timestamp at all
    schema = pl.Schema(
        {
            "id": S,
            "custom_id": S,
            "response": pl.Struct({"status_code": S, "request_id": S, "body": BODY}),
            "error": S,  # JSON text: {"code", "message"}
            "created_at": S,
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_output_line(r) for r in sample.objects())

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        resp = pl.col("response")
        body = resp.struct.field("body")
        usage = body.struct.field("usage")
        details_in = pl.coalesce(
            usage.struct.field("prompt_tokens_details"), usage.struct.field("input_tokens_details")
        )
        details_out = pl.coalesce(
            usage.struct.field("completion_tokens_details"),
            usage.struct.field("output_tokens_details"),
        )
        input_tokens = pl.coalesce(
            num(usage.struct.field("prompt_tokens")), num(usage.struct.field("input_tokens"))
        )
        cache_read = num(details_in.struct.field("cached_tokens")).fill_null(0.0)
        cache_write = num(details_in.struct.field("cache_write_tokens")).fill_null(0.0)
        output_tokens = pl.coalesce(
            num(usage.struct.field("completion_tokens")), num(usage.struct.field("output_tokens"))
        )
        reasoning = num(details_out.struct.field("reasoning_tokens")).fill_null(0.0)

        status_code = num(resp.struct.field("status_code"))
        error_code = pl.coalesce(
            pl.col("error").str.json_path_match("$.code"),
            body.struct.field("error").str.json_path_match("$.code"),
            body.struct.field("error").str.json_path_match("$.type"),
        )
        failed = (
            resp.is_null()
            | (status_code >= 400).fill_null(False)
            | body.struct.field("status").is_in(["failed", "cancelled"]).fill_null(False)
        )
        status = (
            pl.when(~failed)
            .then(pl.lit("ok"))
            .when(resp.is_null())
            .then(
                error_code.replace_strict(_ERROR_STATUS, default="error", return_dtype=S)
                .fill_null("error")
            )
            .otherwise(pl.lit("error"))
        )

        def zero_if_failed(e: pl.Expr) -> pl.Expr:
            return pl.when(failed).then(0.0).otherwise(e)

        raw_ts = pl.coalesce(
            body.struct.field("created"), body.struct.field("created_at"), pl.col("created_at")
        )
        parsed = ts(raw_ts)
        model = body.struct.field("model")
        return frame.select(
            pl.col("_line"),
            _request_id(failed).alias("request_id"),
            pl.col("custom_id"),
            # error lines have no time of their own: the earliest time of their chunk
            pl.when(raw_ts.is_null()).then(parsed.min().over(file_index())).otherwise(parsed).alias("timestamp"),
            raw_ts.alias("_ts_raw"),
            pl.lit("openai").alias("provider"),
            # a failed line names no model: when the file's other lines name one model (a
            # batch runs one model), it is that one
            pl.coalesce(model, pl.when(model.drop_nulls().n_unique().over(file_index()) == 1)
                        .then(model.drop_nulls().first().over(file_index()))).alias("model_raw"),
            zero_if_failed(input_tokens).alias("input_tokens"),
            zero_if_failed(cache_read).alias("cache_read_tokens"),
            zero_if_failed(
                pl.min_horizontal(cache_write, (input_tokens - cache_read).clip(0.0))
            ).alias("cache_write_tokens"),
            zero_if_failed(output_tokens).alias("output_tokens"),
            zero_if_failed(reasoning).alias("reasoning_tokens"),
            pl.lit("batch").alias("service_tier"),
            status.alias("status"),
            meta(
                custom_id=pl.col("custom_id"), error_code=pl.when(failed).then(error_code)
            ).alias("metadata"),
            # the answer: why it stopped, and whether its text is JSON (judged once the input
            # line says JSON was asked for: pipeline._join_batch_inputs)
            pl.when(~failed).then(signals.finish_reason(
                body.struct.field("choices").list.first().struct.field("finish_reason"))).alias("finish_reason"),
            pl.when(~failed).then(signals.json_valid(
                body.struct.field("choices").list.first().struct.field("message").struct.field("content")))
            .alias("_answer_json"),
        )


def _request_id(failed: pl.Expr) -> pl.Expr:
    """The line's ``id`` (else the response's ``request_id``); a failed line's also carries its
    ``custom_id``: error files have been seen to repeat one ``id`` over several failed
    requests, and ``custom_id`` is what tells requests of a batch apart."""
    found = pl.coalesce(pl.col("id"), pl.col("response").struct.field("request_id"))
    keyed = pl.concat_str([found.fill_null("openai_batch"), pl.col("custom_id")], separator=":")
    return pl.when(failed & pl.col("custom_id").is_not_null()).then(keyed).otherwise(found)


def _input_text(e: pl.Expr) -> pl.Expr:
    """Text of a Responses/Embeddings ``input``: a string, or the text parts of a list.

    Input items arrive as JSON text; their text is in ``"text"`` parts or in a plain
    string ``"content"``. A list of plain strings (embeddings) is kept as its JSON text.
    """
    part = r'"(?:text|content)"\s*:\s*"((?:[^"\\]|\\.)*)"'
    texts = (
        e.str.extract_all(part)
        .list.eval(
            pl.element().str.extract(part, 1).str.replace_all(r"\\n", "\n")
            .str.replace_all(r'\\"', '"')
        )
        .list.join("\n")
    )
    return pl.when(e.str.starts_with("[{")).then(texts.replace("", None)).otherwise(e)


def _is_input_line(r: dict[str, Any]) -> bool:
    return "custom_id" in r and "method" in r and isinstance(r.get("body"), dict)


def _is_output_line(r: dict[str, Any]) -> bool:
    return (
        "custom_id" in r
        and "response" in r
        and (r["response"] is None or isinstance(r["response"], dict))
        and ("id" in r or "error" in r)
        and "body" not in r
    )


ORDER = 20
FORMATS = (OpenAIBatchInput(), OpenAIBatch())
