"""Which requests ask for JSON, and the schemas they send: OpenAI ``response_format`` and
Anthropic ``output_format``, so quality checks have JSON answers to judge."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .content.templates import API
from .request import Req


def _schema(props: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props if required is None else required),
            "additionalProperties": False}


_S, _N = {"type": "string"}, {"type": "number"}
_NS = {"type": ["string", "null"]}
#: Templates whose requests ask for JSON (response_format / structured outputs), with the
#: schema of the answer. Their prompts ask for one JSON object.
JSON_SCHEMAS: dict[str, dict[str, Any]] = {
    "classification/api/1": _schema({"intent": {"type": "string", "enum": [
        "cancel_subscription", "upgrade_plan", "report_bug", "request_refund", "ask_question", "give_feedback"]}}),
    "sentiment_analysis/api/1": _schema({"sentiment": {"type": "string", "enum": ["positive", "negative", "neutral"]},
                                         "score": _N, "emotion": _S}),
    "spam_detection/api/1": _schema({"spam": {"type": "boolean"}, "reason": _S}),
    "language_detection/api/1": _schema({"language": _S, "confidence": _N}),
    "entity_extraction/api/0": _schema({"vendor": _S, "invoice_number": _S, "invoice_date": _NS, "due_date": _NS,
                                        "currency": _S, "total_amount": _S, "line_items": {"type": "array"}},
                                       ["vendor", "invoice_number", "total_amount"]),
    "entity_extraction/api/1": _schema({"carrier": _S, "tracking_number": _NS, "order_id": _NS,
                                        "estimated_delivery": _NS, "destination_city": _NS}),
    "entity_extraction/api/2": _schema({"attendees": {"type": "array", "items": _S}, "date": _NS, "start_time": _NS,
                                        "duration_minutes": {"type": ["number", "null"]}, "location": _NS,
                                        "topic": _S}),
    "entity_extraction/api/4": _schema({"full_name": _S, "email": _NS, "phone": _NS,
                                        "months_experience": {"type": ["number", "null"]},
                                        "current_employer": _NS, "desired_role": _NS},
                                       ["full_name"]),
    "format_conversion/api/4": {"type": "object"},
}
#: OpenAI requests of these templates send the schema (``json_schema``); the others ``json_object``.
SCHEMA_NAMES = {"entity_extraction/api/0": "invoice", "entity_extraction/api/1": "shipment",
                "entity_extraction/api/2": "calendar_entry", "entity_extraction/api/4": "applicant"}
INTENTS = tuple(JSON_SCHEMAS["classification/api/1"]["properties"]["intent"]["enum"])


def json_wanted(q: Req) -> bool:
    """Whether the request asks for JSON output (its template does, in the API style)."""
    return q.style == API and q.template in JSON_SCHEMAS


def oa_response_format(q: Req) -> dict[str, Any]:
    name = SCHEMA_NAMES.get(q.template)
    if name is None:
        return {"type": "json_object"}
    return {"type": "json_schema", "json_schema": {"name": name, "schema": JSON_SCHEMAS[q.template]}}


def an_output_format(q: Req) -> dict[str, Any]:
    return {"type": "json_schema", "schema": JSON_SCHEMAS[q.template]}
