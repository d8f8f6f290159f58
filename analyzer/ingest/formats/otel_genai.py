"""OpenTelemetry GenAI traces: OTLP/JSON span exports (GenAI semantic conventions, OpenLLMetry).

Accepted layouts:

- one OTLP/JSON document ``{"resourceSpans": [{"resource": {"attributes": [...]},
  "scopeSpans": [{"scope": {...}, "spans": [...]}]}]}`` (pretty-printed or not; the older
  ``instrumentationLibrarySpans`` / ``instrumentationLibrary`` names are read too), or a
  JSON array of such documents;
- JSONL with one such document per line, as the OTel Collector's file exporter writes it
  (``explode``: every span of a line carries that line's number);
- JSONL or a JSON array of bare OTLP spans (``traceId`` + ``spanId`` + ``startTimeUnixNano``
  + an ``attributes`` list).

``records`` walks resourceSpans → scopeSpans → spans and copies the resource's
``service.name`` onto each span (``_service``). A document without spans yields nothing,
and so do the ``resourceLogs`` / ``resourceMetrics`` lines a Collector file exporter
shared by several pipelines writes into the same file.

Traps handled:

- attributes are a list of ``{"key", "value": {"stringValue" | "intValue" | "doubleValue" |
  "boolValue" | "arrayValue": ...}}``; ``intValue`` is a *string* in OTLP/JSON ("1234") but
  some exporters write a number: both are read as text (the read schema's leaves are
  strings), and the wanted keys are picked with one explode + group-by (no per-row Python).
  A token value that is not a number rejects the span ("input_tokens is not a number");
- only LLM calls are requests: ``gen_ai.operation.name`` chat / text_completion /
  generate_content / embeddings (OpenLLMetry: ``llm.request.type`` chat / completion /
  embedding), or, with neither, a span carrying usage tokens and a model. Agent spans
  (``invoke_agent``, ``create_agent``: their usage is the sum of their calls), tool spans,
  OpenLLMetry workflow/task spans, HTTP and DB spans are skipped;
- a request span whose child is a request span too (a framework's wrapper around the
  provider call, both instrumented: pydantic-ai + Logfire, LangChain + the OpenAI SDK) is
  skipped in favour of the child, so one call is not counted twice. Parent and child must
  be in the same document (the same read block for JSONL);
- token names: ``gen_ai.usage.input_tokens`` / ``output_tokens``, else the older
  ``gen_ai.usage.prompt_tokens`` / ``completion_tokens``, else OpenLLMetry's
  ``llm.usage.prompt_tokens`` / ``completion_tokens``; with no input count, ``total_tokens``
  − output (embeddings often carry only a total);
- cache semantics: cache reads (``gen_ai.usage.cache_read.input_tokens``, the older
  ``gen_ai.usage.cache_read_input_tokens``, ``llm.usage.cache_read_input_tokens``) and
  writes (``gen_ai.usage.cache_creation.input_tokens``, ``..._cache_creation_input_tokens``)
  are taken as *part of* ``input_tokens``: the semantic conventions say they SHOULD be
  included, OpenAI and Gemini count them in the prompt, and OpenLLMetry's and
  OpenInference's Anthropic instrumentations add them in. When reads + writes exceed the
  input count, the input was the uncached count (Anthropic Messages / Bedrock Converse
  usage copied verbatim by some instrumentations) and they are added:
  input = input + reads + writes. An uncached count that happens to be at least the cache
  parts cannot be told apart and is read as inclusive;
- reasoning (``gen_ai.usage.reasoning.output_tokens``, ``gen_ai.usage.reasoning_tokens``,
  ``gen_ai.usage.output_tokens_details.reasoning_tokens``) is part of the output; when it
  exceeds the output count it was left out of it (Gemini's thoughts) and is added;
- span status code 2 / ``STATUS_CODE_ERROR`` or an ``error.type`` attribute → status
  ``error``. Unlike provider logs, a failed span keeps the tokens it reports: a span
  records usage only when the provider answered (the error came after, e.g. while
  parsing the reply), so those tokens were billed;
- ``startTimeUnixNano`` / ``endTimeUnixNano``: integer nanoseconds as strings or numbers
  (also in exponent form) → UTC timestamp and ``latency_ms`` = (end − start) / 1e6; a
  zero start (unset) is rejected as an unknown timestamp.

Other fields: ``request_id`` = ``gen_ai.response.id`` (so the same call logged by a gateway
dedupes against it), else ``traceId:spanId`` (stable: re-ingesting an export dedupes);
``model_raw`` = ``gen_ai.response.model`` (the snapshot that answered), else
``gen_ai.request.model``; provider from ``gen_ai.provider.name`` / ``gen_ai.system``
(``aws.bedrock`` → aws, ``gcp.vertex_ai`` / ``gcp.gemini`` → google, ``azure.ai.openai`` →
azure, OpenLLMetry's capitalised "Anthropic"...); ``openai.response.service_tier`` → tier.
Metadata: ``service`` (resource ``service.name``), ``operation``, ``trace``,
``finish_reason`` (the first of ``gen_ai.response.finish_reasons``), ``server``
(``server.address``), ``session`` (``gen_ai.conversation.id``), ``error``. Prompt text,
where cheap: OpenLLMetry's ``gen_ai.prompt.N.role`` / ``.content`` attributes, span events
``gen_ai.system.message`` / ``gen_ai.user.message`` (attribute ``content``), or the
``gen_ai.input.messages`` / ``gen_ai.system_instructions`` JSON text (system and last user
message).

Quality signals (``signals.py``): finish_reason from the first of
``gen_ai.response.finish_reasons`` (OpenLLMetry: ``gen_ai.completion.0.finish_reason``).
JSON asked for: ``gen_ai.output.type`` "json". The conventions that name the provider
``gen_ai.provider.name`` require ``gen_ai.output.type`` whenever the request sets an output
format, so such a span without it asked for none (false); older spans, which never log it, give
null. JSON given: the first text part of the first ``gen_ai.output.messages`` entry, or
OpenLLMetry's ``gen_ai.completion.0.content``. ttft_ms from ``gen_ai.response.time_to_first_chunk``
(seconds, streamed calls).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import polars as pl

from analyzer.ingest import signals
from analyzer.ingest.exprs import content_text, meta, num, ts
from analyzer.ingest.formats.base import Format, Sample
from analyzer.ingest.jsontext import blank_null, fit_cache_parts, soft_num

S = pl.String

_VALUE_FIELDS = ("stringValue", "intValue", "doubleValue", "boolValue", "arrayValue")
VALUE = pl.Struct({f: S for f in _VALUE_FIELDS})
ATTRIBUTES = pl.List(pl.Struct({"key": S, "value": VALUE}))
EVENTS = pl.List(pl.Struct({"name": S, "attributes": ATTRIBUTES}))

OPERATION = ("gen_ai.operation.name",)
REQUEST_TYPE = ("llm.request.type",)
PROVIDER = ("gen_ai.provider.name", "gen_ai.system")
MODEL = ("gen_ai.response.model", "gen_ai.request.model")
RESPONSE_ID = ("gen_ai.response.id",)
INPUT = ("gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.usage.prompt_tokens")
OUTPUT = (
    "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.usage.completion_tokens",
)
TOTAL = ("gen_ai.usage.total_tokens", "llm.usage.total_tokens")
CACHE_READ = (
    "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
    "llm.usage.cache_read_input_tokens",
)
CACHE_WRITE = (
    "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens",
    "llm.usage.cache_creation_input_tokens",
)
REASONING = (
    "gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens",
    "gen_ai.usage.output_tokens_details.reasoning_tokens",
)
FINISH = ("gen_ai.response.finish_reasons", "gen_ai.completion.0.finish_reason")
SERVER = ("server.address",)
ERROR_TYPE = ("error.type",)
CONVERSATION = ("gen_ai.conversation.id",)
TIER = ("openai.response.service_tier", "gen_ai.openai.response.service_tier")
INPUT_MESSAGES = ("gen_ai.input.messages",)
SYSTEM_INSTRUCTIONS = ("gen_ai.system_instructions",)
OUTPUT_TYPE = ("gen_ai.output.type",)
OUTPUT_MESSAGES = ("gen_ai.output.messages",)
COMPLETION = ("gen_ai.completion.0.content",)
TTFT = ("gen_ai.response.time_to_first_chunk",)
_WANTED = (
    *OPERATION, *REQUEST_TYPE, *PROVIDER, *MODEL, *RESPONSE_ID, *INPUT, *OUTPUT, *TOTAL,
    *CACHE_READ, *CACHE_WRITE, *REASONING, *FINISH, *SERVER, *ERROR_TYPE, *CONVERSATION,
    *TIER, *INPUT_MESSAGES, *SYSTEM_INSTRUCTIONS, *OUTPUT_TYPE, *OUTPUT_MESSAGES, *COMPLETION,
    *TTFT,
)

LLM_OPERATIONS = ("chat", "text_completion", "generate_content", "embeddings")
LLM_REQUEST_TYPES = ("chat", "completion", "embedding")
ERROR_CODES = ("2", "STATUS_CODE_ERROR", "ERROR")

# gen_ai.provider.name / gen_ai.system (lower-cased) -> model_ids provider hint;
# other values pass through lower-cased (openai, anthropic, deepseek, groq, cohere...)
_PROVIDERS = {
    "aws.bedrock": "aws", "bedrock": "aws", "aws_bedrock": "aws",
    "gcp.vertex_ai": "google", "gcp.gemini": "google", "gcp.gen_ai": "google",
    "vertex_ai": "google", "vertexai": "google", "gemini": "google", "google_genai": "google",
    "azure.ai.openai": "azure", "az.ai.openai": "azure", "azure.ai.inference": "azure",
    "az.ai.inference": "azure", "azure_openai": "azure",
    "mistral_ai": "mistral", "mistralai": "mistral", "x_ai": "x-ai", "xai": "x-ai",
}

_OTHER_SIGNALS = {"resourceLogs", "resourceMetrics", "resourceProfiles"}
_PROMPT_KEY = r"^gen_ai\.prompt\.(\d+)\.(role|content)$"
_ARRAY_STRING = r'"stringValue"\s*:\s*"((?:[^"\\]|\\.)*)"'
_JSON_STRING = r'("(?:[^"\\]|\\.)*")'


def _col(key: str) -> pl.Expr:
    """The column holding attribute ``key``'s value (see ``_attribute_table``)."""
    return pl.col("@" + key)


def _first(keys: tuple[str, ...]) -> pl.Expr:
    """The first of the attributes ``keys`` that is present and not blank."""
    return pl.coalesce([blank_null(_col(k)) for k in keys])


def _count(keys: tuple[str, ...]) -> pl.Expr:
    """A token count from the first present attribute: null if none, NaN if not a number."""
    return pl.coalesce([num(_col(k)) for k in keys])


class OtelGenAI(Format):
    name = "otel_genai"
    title = "OpenTelemetry GenAI traces (OTLP/JSON exports, Collector file exporter, OpenLLMetry)"
    explode = True  # Collector file exports hold one OTLP document per line
    schema = pl.Schema(
        {
            "traceId": S,
            "spanId": S,
            "parentSpanId": S,
            "startTimeUnixNano": S,
            "endTimeUnixNano": S,
            "attributes": ATTRIBUTES,
            "events": EVENTS,
            "status": pl.Struct({"code": S, "message": S}),
            "_service": S,  # added by records(): the resource's service.name
        }
    )

    def sniff(self, sample: Sample) -> bool:
        return any(_is_document(r) or _is_span(r) for r in sample.objects())

    def explodes(self, sample: Sample) -> bool:
        """JSONL of bare spans takes the fast streaming path; documents are exploded."""
        return not all(_is_span(r) for r in sample.objects())

    def records(self, doc: Any) -> Iterable[Any]:
        return list(_spans(doc))

    def to_canonical(self, frame: pl.DataFrame) -> pl.DataFrame:
        frame = frame.hstack(_attribute_table(frame))
        frame = _mark_requests(frame)
        frame = _add_tokens(frame)
        start, end = _nanos("startTimeUnixNano"), _nanos("endTimeUnixNano")
        failed = _failed()
        operation = pl.coalesce(_operation(), _request_type())
        return frame.select(
            pl.col("_line"),
            pl.coalesce(
                _first(RESPONSE_ID),
                pl.concat_str([blank_null("traceId"), pl.lit(":"), blank_null("spanId")]),
            ).alias("request_id"),
            _timestamp(start).alias("timestamp"),
            pl.col("startTimeUnixNano").alias("_ts_raw"),
            _first(PROVIDER).str.strip_chars().str.to_lowercase().replace(_PROVIDERS)
            .alias("provider"),
            _first(MODEL).alias("model_raw"),
            pl.col("input_tokens"),
            pl.col("cache_read_tokens"),
            pl.col("cache_write_tokens"),
            pl.col("cache_write_1h_tokens"),
            pl.col("output_tokens"),
            pl.col("reasoning_tokens"),
            _first(TIER).alias("service_tier"),
            pl.when(failed).then(pl.lit("error")).otherwise(pl.lit("ok")).alias("status"),
            pl.when(end >= start).then((end - start).cast(pl.Float64) / 1e6).alias("latency_ms"),
            *_signals(),
            meta(
                service=blank_null("_service"),
                operation=operation,
                trace=blank_null("traceId"),
                finish_reason=_finish_reason(),
                server=_first(SERVER),
                session=_first(CONVERSATION),
                error=pl.when(failed).then(
                    pl.coalesce(
                        _first(ERROR_TYPE),
                        blank_null(pl.col("status").struct.field("message")).str.slice(0, 200),
                        pl.lit("error"),
                    )
                ),
            ).alias("metadata"),
            _system_text().alias("system_text"),
            _user_text().alias("user_text"),
            pl.col("_skip"),
        )


# --- records -------------------------------------------------------------------------------


def _is_document(r: dict[str, Any]) -> bool:
    return isinstance(r.get("resourceSpans"), list)


def _is_span(r: dict[str, Any]) -> bool:
    return (
        "traceId" in r
        and "spanId" in r
        and "startTimeUnixNano" in r
        and isinstance(r.get("attributes"), list)
    )


def _spans(doc: Any) -> Iterator[Any]:
    """Spans of an OTLP document, of a list of documents or spans, or a bare span."""
    if isinstance(doc, list):
        for item in doc:
            yield from _spans(item)
    elif isinstance(doc, dict) and _is_document(doc):
        for resource_spans in doc["resourceSpans"]:
            yield from _resource_spans(resource_spans)
    elif isinstance(doc, dict) and _OTHER_SIGNALS & doc.keys():
        return  # a logs or metrics document of the same Collector file: no spans
    else:
        yield doc  # a bare span, or something else that is rejected downstream


def _resource_spans(item: Any) -> Iterator[Any]:
    if not isinstance(item, dict):
        yield item  # rejected: not a JSON object
        return
    service = _resource_attribute(item, "service.name")
    scopes = item.get("scopeSpans", item.get("instrumentationLibrarySpans")) or []
    for scope in scopes if isinstance(scopes, list) else []:
        spans = scope.get("spans") if isinstance(scope, dict) else None
        for span in spans if isinstance(spans, list) else []:
            yield {**span, "_service": service} if isinstance(span, dict) else span


def _resource_attribute(resource_spans: dict[str, Any], key: str) -> str | None:
    resource = resource_spans.get("resource")
    attributes = resource.get("attributes") if isinstance(resource, dict) else None
    for attribute in attributes if isinstance(attributes, list) else []:
        if isinstance(attribute, dict) and attribute.get("key") == key:
            value = attribute.get("value")
            return value.get("stringValue") if isinstance(value, dict) else None
    return None


# --- attributes ----------------------------------------------------------------------------


def _key_values(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per span attribute: ``_i`` (the span's row), ``k`` (key), ``v`` (value text)."""
    value = pl.col("a").struct.field("value")
    return (
        frame.select(
            pl.int_range(pl.len(), dtype=pl.UInt32).alias("_i"), pl.col("attributes").alias("a")
        )
        .explode("a")
        .filter(pl.col("a").is_not_null())
        .select(
            "_i",
            pl.col("a").struct.field("key").alias("k"),
            pl.coalesce([value.struct.field(f) for f in _VALUE_FIELDS]).alias("v"),
        )
    )


def _attribute_table(frame: pl.DataFrame) -> pl.DataFrame:
    """A column ``@key`` per wanted attribute (first value of that key), plus the system and
    last user text of OpenLLMetry's ``gen_ai.prompt.N.*`` attributes; one row per span."""
    kv = _key_values(frame)
    k, v = pl.col("k"), pl.col("v")
    wanted = kv.filter(k.is_in(_WANTED)).group_by("_i").agg(
        [v.filter(k == key).first().alias("@" + key) for key in _WANTED]
    )
    rows = pl.DataFrame({"_i": pl.Series(range(frame.height), dtype=pl.UInt32)})
    return (
        rows.join(wanted, on="_i", how="left", maintain_order="left")
        .join(_prompt_texts(kv), on="_i", how="left", maintain_order="left")
        .drop("_i")
    )


def _prompt_texts(kv: pl.DataFrame) -> pl.DataFrame:
    """``_p_system`` / ``_p_user`` per span from ``gen_ai.prompt.N.role`` / ``.content``."""
    parts = kv.filter(pl.col("k").str.starts_with("gen_ai.prompt.")).with_columns(
        pl.col("k").str.extract(_PROMPT_KEY, 1).cast(pl.Int64, strict=False).alias("n"),
        pl.col("k").str.extract(_PROMPT_KEY, 2).alias("f"),
    ).filter(pl.col("n").is_not_null())
    messages = parts.group_by("_i", "n").agg(
        pl.col("v").filter(pl.col("f") == "role").first().alias("role"),
        pl.col("v").filter(pl.col("f") == "content").first().alias("content"),
    ).sort("_i", "n")
    role, content = pl.col("role").str.to_lowercase(), pl.col("content")
    return messages.group_by("_i").agg(
        content.filter(role.is_in(["system", "developer"])).first().alias("_p_system"),
        content.filter(role == "user").last().alias("_p_user"),
    )


# --- requests and tokens -------------------------------------------------------------------


def _operation() -> pl.Expr:
    return _first(OPERATION).str.strip_chars().str.to_lowercase()


def _request_type() -> pl.Expr:
    return _first(REQUEST_TYPE).str.strip_chars().str.to_lowercase()


def _mark_requests(frame: pl.DataFrame) -> pl.DataFrame:
    """``_skip``: spans that are not LLM calls, and LLM spans wrapping another LLM span."""
    op, kind = _operation(), _request_type()
    has_usage = pl.any_horizontal(
        [_count(keys).is_not_null() for keys in (INPUT, OUTPUT, TOTAL)]
    )
    request = (
        op.is_in(LLM_OPERATIONS)
        | (op.is_null() & kind.is_in(LLM_REQUEST_TYPES))
        | (op.is_null() & kind.is_null() & has_usage & _first(MODEL).is_not_null())
    ).fill_null(False)
    frame = frame.with_columns(request.alias("_request"))
    children = (
        frame.filter(pl.col("_request"))
        .select(pl.col("traceId"), blank_null("parentSpanId").alias("spanId"))
        .drop_nulls()
        .unique()
        .with_columns(pl.lit(True).alias("_wraps_call"))
    )
    frame = frame.join(children, on=["traceId", "spanId"], how="left", maintain_order="left")
    return frame.with_columns(
        (~pl.col("_request") | pl.col("_wraps_call").fill_null(False)).alias("_skip")
    )


def _add_tokens(frame: pl.DataFrame) -> pl.DataFrame:
    """Canonical token columns (see the module docstring for the cache and reasoning rules)."""
    c = pl.col
    output = _count(OUTPUT)
    frame = frame.with_columns(
        pl.coalesce(_count(INPUT), _count(TOTAL) - output.fill_null(0.0)).alias("_input"),
        output.alias("_output"),
        _count(CACHE_READ).fill_null(0.0).alias("_read"),
        _count(CACHE_WRITE).fill_null(0.0).alias("_write"),
        _count(REASONING).fill_null(0.0).alias("_reasoning"),
        pl.lit(0.0).alias("_write_1h"),
    )
    parts = c("_read") + c("_write")
    out = c("_output").fill_null(0.0)
    frame = frame.with_columns(
        # cache parts larger than the input: it was the uncached count
        pl.when(parts > c("_input")).then(c("_input") + parts).otherwise(c("_input"))
        .alias("input_tokens"),
        # reasoning larger than the output: it was left out of it
        pl.when(c("_reasoning") > out).then(out + c("_reasoning")).otherwise(c("_output"))
        .alias("output_tokens"),
    )
    return fit_cache_parts(frame, zero_when=c("_skip"))


def _failed() -> pl.Expr:
    code = pl.col("status").struct.field("code").str.strip_chars().str.to_uppercase()
    return (code.is_in(ERROR_CODES).fill_null(False) | _first(ERROR_TYPE).is_not_null())


# --- times ---------------------------------------------------------------------------------


def _nanos(column: str) -> pl.Expr:
    """Integer nanoseconds from a string or number (also in exponent form)."""
    s = pl.col(column).str.strip_chars()
    return pl.coalesce(
        s.cast(pl.Int64, strict=False),
        s.cast(pl.Float64, strict=False).cast(pl.Int64, strict=False),
    )


def _timestamp(nanos: pl.Expr) -> pl.Expr:
    """UTC time of a start in nanoseconds (0: unset); smaller epochs and ISO text by ``ts``."""
    from_nanos = pl.from_epoch(nanos // 1000, time_unit="us").dt.replace_time_zone("UTC")
    return (
        pl.when(nanos == 0)
        .then(None)
        .when(nanos > 10**17)
        .then(from_nanos)
        .otherwise(ts("startTimeUnixNano"))
    )


# --- metadata and text ---------------------------------------------------------------------


def _finish_reason() -> pl.Expr:
    """The first finish reason: an ``arrayValue`` (JSON text), a JSON list text or a string."""
    text = _first(FINISH)
    return pl.coalesce(
        pl.when(text.str.contains('"values"', literal=True)).then(
            text.str.extract(_ARRAY_STRING, 1)
        ),
        pl.when(text.str.starts_with("[")).then(text.str.json_path_match("$[0]")),
        pl.when(~text.str.starts_with("[") & ~text.str.starts_with("{")).then(text),
    )


def _signals() -> list[pl.Expr]:
    """Finish reason, JSON asked for, JSON given and time to first token (module docstring)."""
    output_type = _first(OUTPUT_TYPE).str.strip_chars().str.to_lowercase()
    logged = output_type.is_not_null() | blank_null(_col("gen_ai.provider.name")).is_not_null()
    # "json" in the terms of a response_format type
    requested = signals.json_requested(pl.when(output_type == "json").then(pl.lit("json_object")),
                                       logged)
    ttft = soft_num(_first(TTFT))
    return [
        signals.finish_reason(_finish_reason()).alias("finish_reason"),
        requested.alias("json_requested"),
        pl.when(requested).then(signals.json_valid(_answer_text(requested))).alias("json_valid"),
        pl.when(ttft >= 0).then(ttft * 1000.0).alias("ttft_ms"),
    ]


def _answer_text(requested: pl.Expr) -> pl.Expr:
    """The answer's text, read only where ``requested``: the first text part of the first output
    message (of its first two parts: a reasoning part may come first), else OpenLLMetry's."""
    messages = pl.when(requested).then(_first(OUTPUT_MESSAGES))

    def text_part(i: int) -> pl.Expr:
        part = messages.str.json_path_match(f"$[0].parts[{i}]")
        return pl.when(part.str.json_path_match("$.type") == "text").then(
            part.str.json_path_match("$.content")
        )

    completion = pl.when(requested).then(_col(COMPLETION[0]))
    return pl.coalesce(text_part(0), text_part(1), completion)


def _event_content(name: str, last: bool) -> pl.Expr:
    """The ``content`` attribute of the first (last) span event called ``name``."""
    attributes = pl.col("events").list.eval(
        pl.element().filter(pl.element().struct.field("name") == name).struct.field("attributes")
    )
    chosen = attributes.list.last() if last else attributes.list.first()
    return chosen.list.eval(
        pl.element()
        .filter(pl.element().struct.field("key") == "content")
        .struct.field("value")
        .struct.field("stringValue")
    ).list.first()


def _json_text(quoted: pl.Expr) -> pl.Expr:
    """A captured JSON string literal (quotes included) decoded to its text."""
    return pl.concat_str([pl.lit('{"v":'), quoted, pl.lit("}")]).str.json_path_match("$.v")


def _message_content(messages: pl.Expr, role: str, last: bool) -> pl.Expr:
    """The first ``"content": "..."`` after the first (last) message of ``role`` in a JSON
    messages text (``gen_ai.input.messages``: ``{"role", "parts": [{"content"}]}`` or
    ``{"role", "content"}``). Cheap and approximate: a regex, never a parse failure."""
    lead = r"(?s).*" if last else r"(?s)"
    pattern = lead + rf'"role"\s*:\s*"{role}".*?"content"\s*:\s*' + _JSON_STRING
    return _json_text(messages.str.extract(pattern, 1))


def _system_text() -> pl.Expr:
    instructions = _first(SYSTEM_INSTRUCTIONS)
    return content_text(
        pl.coalesce(
            pl.col("_p_system"),
            _event_content("gen_ai.system.message", last=False),
            _message_content(_first(INPUT_MESSAGES), "system", last=False),
            _json_text(instructions.str.extract(r'"content"\s*:\s*' + _JSON_STRING, 1)),
        )
    )


def _user_text() -> pl.Expr:
    return content_text(
        pl.coalesce(
            pl.col("_p_user"),
            _event_content("gen_ai.user.message", last=True),
            _message_content(_first(INPUT_MESSAGES), "user", last=True),
        )
    )


ORDER = 90
FORMATS = (OtelGenAI(),)
