"""AWS Bedrock model-invocation logs (``schemaType: "ModelInvocationLog"``, log_formats.md §11a).

Accepted layouts:

- JSONL of plain records, as Bedrock delivers them to S3 (often ``.gz``, several records
  per object, one per line);
- a JSON array of records, or one pretty-printed record;
- CloudWatch Logs exports, where each record is the JSON text of an event's ``message``:
  ``aws logs get-log-events`` / ``filter-log-events`` output
  (``{"events": [{"timestamp": <ms>, "message": "<record>"}], ...}``, pretty-printed or one
  document per line), a bare list of such events, and subscription-filter payloads
  (``{"messageType": "DATA_MESSAGE", "logEvents": [...]}``; ``CONTROL_MESSAGE`` payloads are
  skipped); the CloudWatch console's exports name the fields ``@message`` and ``@timestamp``
  (``[{"@timestamp": "2026-10-05 09:00:00.000", "@message": "<record>"}]``, or under
  ``events``); CloudWatch Logs Insights results (``aws logs get-query-results``:
  ``{"results": [[{"field": "@timestamp", "value": ...}, {"field": "@message", "value":
  "<record>"}, ...], ...]}``; a row without ``@message`` is rejected, since a query that
  picked single fields has not kept the record). Every record of a wrapper line carries
  that line's number. A message that is
  not JSON is rejected ("not a JSON object"); a ``message`` already decoded into an object
  (``jq '.events[].message |= fromjson'``) is taken as is.

Token convention (Claude on Bedrock: ``inputTokenCount`` is the UNCACHED input only; cache
reads and writes are separate and additive — the same holds for Converse usage):

- ``input_tokens`` = ``input.inputTokenCount`` + ``input.cacheReadInputTokenCount`` +
  ``input.cacheWriteInputTokenCount``;
- ``cache_read_tokens`` = ``cacheReadInputTokenCount``;
- cache writes = ``cacheWriteInputTokenCount``, split into 1-hour / 5-minute with the
  Anthropic ``usage.cache_creation.ephemeral_1h_input_tokens`` found in
  ``output.outputBodyJson`` (an object, or the array of stream chunks); without that split
  every cache write is a 5-minute write;
- when the record has no cache fields at all (older logs), the response body's own usage
  (``cache_read_input_tokens`` / ``cache_creation_input_tokens``, Converse
  ``cacheReadInputTokens`` / ``cacheWriteInputTokens``) is used instead;
- ``output_tokens`` = ``output.outputTokenCount`` (Claude thinking is inside it; no
  separate reasoning count is logged, so ``reasoning_tokens`` = 0);
- a record with ``errorCode`` is a zero-token row with status ``error``.

Other fields: ``requestId`` → request_id; ``timestamp`` (else the CloudWatch event's
timestamp); ``modelId`` → model_raw as logged (plain id, geo/cross-region profile
``us.anthropic.…-v1:0`` or an ARN — ``analyzer/model_ids.py`` canonicalises it), provider
hint ``aws``; metadata: ``user`` (IAM role name of an assumed role, else the user name),
``session`` (the role session), ``arn``, ``account``, ``region``, ``inference_region``,
``operation``, then every ``requestMetadata`` key (these win on a clash). Prompt text from
``input.inputBodyJson`` (kept as JSON text since its shape depends on the model):
Anthropic/Converse/Nova ``system`` and ``messages`` (the last user message), Titan
``inputText``, Llama/Mistral ``prompt``, Cohere ``message``; ``tools`` / ``toolConfig`` →
has_tools. Latency from the body's Converse ``metrics.latencyMs`` or the stream's
``invocationLatency``. Records of another ``schemaType`` are skipped.

Quality signals (``signals.py``), from the logged bodies: finish_reason is the first
``stopReason`` (Converse, Nova), ``stop_reason`` (Anthropic, Llama, Mistral) or
``finish_reason`` (OpenAI-compatible, Cohere) with a value in ``output.outputBodyJson``; in a
streamed body (a list of chunks) that is the ``messageStop`` / ``message_delta`` chunk's.
JSON asked for, where ``input.inputBodyJson`` is logged: Converse
``outputConfig.textFormat.type`` (or Anthropic's ``output_config`` passed through
``additionalModelRequestFields``), Anthropic ``output_config.format.type`` or the older
``output_format.type``, open-weight models' ``response_format.type``; a body only in S3
leaves it null. JSON given: the answer's first text block of a whole (not streamed) body.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import orjson
import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import content_text, merge_meta, meta, num, tok, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import jp

S = pl.String
SCHEMA_TYPE = "ModelInvocationLog"

INPUT = pl.Struct(
    {
        "inputContentType": S,
        "inputBodyJson": S,
        "inputBodyS3Path": S,
        "inputTokenCount": S,
        "cacheReadInputTokenCount": S,
        "cacheWriteInputTokenCount": S,
    }
)
OUTPUT = pl.Struct(
    {
        "outputContentType": S,
        "outputBodyJson": S,
        "outputBodyS3Path": S,
        "outputTokenCount": S,
    }
)


class Bedrock(Format):
    name = "bedrock"
    title = "AWS Bedrock model invocation logs"
    explode = True  # CloudWatch exports hold many records per JSON line
    schema = pl.Schema(
        {
            "schemaType": S,
            "schemaVersion": S,
            "timestamp": S,
            "accountId": S,
            "region": S,
            "requestId": S,
            "identity": S,  # JSON text: {"arn": ...}
            "operation": S,
            "modelId": S,
            "inferenceRegion": S,
            "requestMetadata": S,  # JSON text of a str -> str map
            "input": INPUT,
            "output": OUTPUT,
            "errorCode": S,
            "errorMessage": S,
            "_event_timestamp": S,  # added by records(): the CloudWatch event's time (ms)
            "_kind": S,  # added by records(): "control" for CloudWatch control messages
            "_reject": S,  # added by records(): why an event holds no record
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_bedrock(r) for r in sample.objects())

    def explodes(self, sample: Sample) -> bool:
        """Plain record-per-line files (S3 delivery) take the fast streaming path."""
        return not all(r.get("schemaType") == SCHEMA_TYPE for r in sample.objects())

    def records(self, doc: Any) -> Iterable[Any]:
        if isinstance(doc, dict) and "schemaType" in doc:
            return (doc,)  # the common case: one plain record per line
        items = doc if isinstance(doc, list) else [doc]
        return [r for item in items for r in _unwrap(item)]

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        inp, outp = pl.col("input"), pl.col("output")
        in_body = inp.struct.field("inputBodyJson")
        out_body = outp.struct.field("outputBodyJson")
        failed = pl.col("errorCode").is_not_null() & (pl.col("errorCode").str.strip_chars() != "")

        has_cache_fields = (
            inp.struct.field("cacheReadInputTokenCount").is_not_null()
            | inp.struct.field("cacheWriteInputTokenCount").is_not_null()
        )
        cache_read = pl.when(has_cache_fields).then(
            tok(inp.struct.field("cacheReadInputTokenCount"))
        ).otherwise(tok(_body_count(out_body, "cache_read_input_tokens", "cacheReadInputTokens")))
        cache_write = pl.when(has_cache_fields).then(
            tok(inp.struct.field("cacheWriteInputTokenCount"))
        ).otherwise(
            tok(_body_count(out_body, "cache_creation_input_tokens", "cacheWriteInputTokens"))
        )
        write_1h = pl.min_horizontal(
            tok(_body_count(out_body, "ephemeral_1h_input_tokens")), cache_write
        )
        uncached = tok(inp.struct.field("inputTokenCount"))

        def zero_if_failed(e: pl.Expr) -> pl.Expr:
            return pl.when(failed).then(0.0).otherwise(e)

        arn = pl.col("identity").str.json_path_match("$.arn")
        resource = arn.str.splitn(":", 6).struct.field("field_5")
        assumed = resource.str.starts_with("assumed-role/")
        user = pl.when(assumed).then(
            resource.str.split("/").list.get(1, null_on_oob=True)
        ).otherwise(resource.str.split("/").list.last())
        session = pl.when(assumed).then(resource.str.split("/").list.get(2, null_on_oob=True))
        metadata = merge_meta(
            meta(**
                {
                    "user": user,
                    "session": session,
                    "arn": arn,
                    "account": pl.col("accountId"),
                    "region": pl.col("region"),
                    "inference_region": pl.col("inferenceRegion"),
                    "operation": pl.col("operation"),
                }
            ),
            pl.col("requestMetadata"),
        )

        messages = in_body.str.json_path_match("$.messages")
        turns = {i: messages.str.json_path_match(f"$[{i}]") for i in (0, -1, -2)}

        def turn_text(i: int, role: str) -> pl.Expr:
            t = turns[i]
            return pl.when(t.str.json_path_match("$.role") == role).then(
                content_text(t.str.json_path_match("$.content"))
            )

        system = pl.coalesce(
            content_text(in_body.str.json_path_match("$.system")), turn_text(0, "system")
        )
        user_text = pl.coalesce(
            turn_text(-1, "user"),
            turn_text(-2, "user"),
            in_body.str.json_path_match("$.inputText"),
            in_body.str.json_path_match("$.prompt"),
            in_body.str.json_path_match("$.message"),
        )
        tools = pl.coalesce(
            in_body.str.json_path_match("$.tools"),
            in_body.str.json_path_match("$.toolConfig.tools"),
        )
        latency = pl.coalesce(
            num(out_body.str.extract(r'"latencyMs"\s*:\s*(\d+(?:\.\d+)?)', 1)),
            num(out_body.str.extract(r'"invocationLatency"\s*:\s*(\d+(?:\.\d+)?)', 1)),
        )
        skip = (pl.col("_kind") == "control").fill_null(False) | (
            pl.col("schemaType").is_not_null() & (pl.col("schemaType") != SCHEMA_TYPE)
        )
        return frame.select(
            pl.col("_line"),
            pl.col("requestId").alias("request_id"),
            pl.coalesce(ts("timestamp"), ts("_event_timestamp")).alias("timestamp"),
            pl.coalesce("timestamp", "_event_timestamp").alias("_ts_raw"),
            pl.lit("aws").alias("provider"),
            pl.col("modelId").alias("model_raw"),
            zero_if_failed(uncached + cache_read + cache_write).alias("input_tokens"),
            zero_if_failed(cache_read).alias("cache_read_tokens"),
            zero_if_failed(cache_write - write_1h).alias("cache_write_tokens"),
            zero_if_failed(write_1h).alias("cache_write_1h_tokens"),
            zero_if_failed(tok(outp.struct.field("outputTokenCount"))).alias("output_tokens"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            *_signals(in_body, out_body),
            latency.alias("latency_ms"),
            metadata.alias("metadata"),
            system.alias("system_text"),
            user_text.alias("user_text"),
            messages.str.count_matches(r'(?:^|[^\\])"role"\s*:').cast(pl.Int32).alias(
                "message_count"
            ),
            pl.when(in_body.is_not_null()).then(
                tools.is_not_null() & (tools.str.strip_chars() != "[]")
            ).alias("has_tools"),
            skip.alias("_skip"),
            pl.col("_reject"),
        )


# the first stop reason with a value (a streamed Anthropic body starts with "stop_reason": null);
# inside a string the key's quotes are escaped, so an answer's text never matches
_STOP = r'"(?:stopReason|stop_reason|finish_reason)"\s*:\s*"([^"]+)"'
# the request members that state an output format
_FORMAT_KEY = r'"(?:outputConfig|output_config|output_format|response_format)"\s*:'
_FORMAT_PATHS = (
    "$.outputConfig.textFormat.type", "$.additionalModelRequestFields.output_config.format.type",
    "$.output_config.format.type", "$.output_format.type", "$.response_format.type",
)
_ANSWER_PATHS = (
    "$.output.message.content[0].text", "$.content[0].text", "$.choices[0].message.content",
)


def _signals(in_body: pl.Expr, out_body: pl.Expr) -> list[pl.Expr]:
    """Finish reason, JSON asked for, JSON given (see the module docstring). The request body is
    parsed only when it names an output format, the response body only when JSON was asked for."""
    stated = pl.when(in_body.str.contains(_FORMAT_KEY)).then(in_body)
    asked = pl.coalesce([jp(stated, path) for path in _FORMAT_PATHS])
    requested = signals.json_requested(asked, in_body.is_not_null())
    whole = pl.when(requested & ~out_body.str.starts_with("[")).then(out_body)
    answer = pl.coalesce([whole.str.json_path_match(path) for path in _ANSWER_PATHS])
    return [
        signals.finish_reason(out_body.str.extract(_STOP, 1)).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(answer)).alias("json_valid"),
    ]


def _body_count(body: pl.Expr, *keys: str) -> pl.Expr:
    """The first ``"key": <int>`` of the given keys anywhere in a JSON body text."""
    return pl.coalesce([body.str.extract(rf'(?:^|[^\\])"{k}"\s*:\s*(-?\d+)', 1) for k in keys])


def _unwrap(item: Any) -> Iterator[Any]:
    """The invocation records inside one JSON value (a record, or a CloudWatch wrapper)."""
    if not isinstance(item, dict) or "schemaType" in item:
        yield item
        return
    events = _events_of(item)
    if isinstance(events, list):
        control = item.get("messageType") == "CONTROL_MESSAGE"
        for event in events:
            yield {"_kind": "control"} if control else _event_record(event)
        return
    if isinstance(_message_of(item), (str, dict)):  # one bare CloudWatch event
        yield _event_record(item)
        return
    yield item


def _events_of(item: dict[str, Any]) -> Any:
    """The events of a CloudWatch wrapper: ``events`` / ``logEvents``, or the rows of a Logs
    Insights result (lists of ``{"field", "value"}``) as ``{field: value}`` events."""
    events = item.get("events", item.get("logEvents"))
    results = item.get("results")
    if events is None and isinstance(results, list) and all(isinstance(r, list) for r in results):
        return [{f["field"]: f.get("value") for f in row if isinstance(f, dict) and "field" in f}
                for row in results]
    return events


def _message_of(event: Any) -> Any:
    """A CloudWatch event's message: ``message`` (the API), ``@message`` (console exports)."""
    if not isinstance(event, dict):
        return None
    return event["message"] if "message" in event else event.get("@message")


def _event_record(event: Any) -> Any:
    """A CloudWatch event's decoded ``message``, with the event time as a fallback."""
    message = _message_of(event)
    if isinstance(message, dict):  # already decoded (e.g. by jq's fromjson)
        record: Any = message
    elif isinstance(message, str):
        try:
            record = orjson.loads(message)
        except orjson.JSONDecodeError:
            return message  # rejected: not a JSON object
    elif "@timestamp" in event or "@ptr" in event:  # a console or Logs Insights row
        return {"_reject": "CloudWatch event without @message (the query did not keep the record)"}
    else:
        return event
    when = event.get("timestamp", event.get("@timestamp"))
    if isinstance(record, dict) and when is not None:
        record = {**record, "_event_timestamp": when}
    return record


def _is_bedrock(r: dict[str, Any]) -> bool:
    if r.get("schemaType") == SCHEMA_TYPE:
        return True
    events = _events_of(r)
    if not isinstance(events, list):
        events = [r] if _message_of(r) is not None else []
    for event in events[:20]:
        msg = _message_of(event)
        if isinstance(msg, dict) and msg.get("schemaType") == SCHEMA_TYPE:
            return True
        if isinstance(msg, str) and f'"schemaType":"{SCHEMA_TYPE}"' in msg.replace(" ", ""):
            return True
    return False


ORDER = 90
FORMATS = (Bedrock(),)
