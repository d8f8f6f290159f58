"""Canonical rows for pricing tests, written as a few keywords each.

``frame(row(model="gpt-4o-mini", input=1000, output=500), ...)`` is a canonical LazyFrame
(every column of ``analyzer.schema.CANONICAL_SCHEMA``), ready for ``cost.price``.
Token keywords follow the canonical semantics: ``input`` includes ``cache_read``,
``cache_write`` (5-minute) and ``cache_write_1h``; ``output`` includes ``reasoning``.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timezone
from decimal import Decimal

import polars as pl
from genai_prices import Usage, calc_price

from analyzer.pricing import cost
from analyzer.schema import CANONICAL_SCHEMA

UTC = timezone.utc
DAY = date(2026, 11, 1)  # after the catalog's batch variants start (2026-10-14)
_ids = itertools.count()


def when(value: date | datetime | str) -> datetime:
    """A UTC timestamp: a date means noon of that day."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime(value.year, value.month, value.day, 12, tzinfo=UTC)


def row(
    *,
    provider: str = "openai",
    model: str = "gpt-4o-mini",
    timestamp: date | datetime | str = DAY,
    input: int = 0,
    cache_read: int = 0,
    cache_write: int = 0,
    cache_write_1h: int = 0,
    output: int = 0,
    reasoning: int = 0,
    input_audio: int = 0,
    output_audio: int = 0,
    web_searches: int = 0,
    requests: int = 1,
    service_tier: str = "standard",
    status: str = "ok",
    metadata: dict[str, str] | None = None,
) -> dict[str, object]:
    assert cache_read + cache_write + cache_write_1h <= input, "cache parts are part of input"
    assert reasoning <= output, "reasoning is part of output"
    return {
        "request_id": f"test:{next(_ids)}",
        "timestamp": when(timestamp),
        "provider": provider,
        "model": model,
        "model_raw": model,
        "source_format": "test",
        "source_file": "test",
        "source_line": 1,
        "requests": requests,
        "input_tokens": input,
        "cache_read_tokens": cache_read,
        "cache_write_tokens": cache_write,
        "cache_write_1h_tokens": cache_write_1h,
        "output_tokens": output,
        "reasoning_tokens": reasoning,
        "input_audio_tokens": input_audio,
        "output_audio_tokens": output_audio,
        "web_search_requests": web_searches,
        "tokens_estimated": False,
        "service_tier": service_tier,
        "status": status,
        "latency_ms": None,
        "logged_cost_usd": None,
        # the adapters write compact JSON (no spaces), as orjson does
        "metadata": json.dumps(metadata or {}, separators=(",", ":")),
        "template_id": None,
        "prompt_text": None,
        "message_count": None,
        "has_tools": None,
    }


def frame(*rows: dict[str, object]) -> pl.LazyFrame:
    return pl.DataFrame(list(rows), schema=CANONICAL_SCHEMA).lazy()


def priced(*rows: dict[str, object], **kwargs: object) -> tuple[pl.DataFrame, list[str]]:
    """The priced rows (collected) and the assumptions made."""
    result = cost.price(frame(*rows), **kwargs)  # type: ignore[arg-type]
    return result.frame.collect(), result.assumptions


def cost_of(**kwargs: object) -> float | None:
    """``cost_usd`` of one row built by ``row(**kwargs)``."""
    out, _ = priced(row(**kwargs))  # type: ignore[arg-type]
    return out["cost_usd"][0]


def total(*rows: dict[str, object], **kwargs: object) -> float:
    out, _ = priced(*rows, **kwargs)
    return float(out["cost_usd"].sum())


def usage(
    input: int | Decimal, cache_read: int | Decimal = 0, cache_write: int | Decimal = 0,
    cache_write_1h: int | Decimal = 0, output: int | Decimal = 0, input_audio: int | Decimal = 0,
    output_audio: int | Decimal = 0, web_searches: int | Decimal = 0,
) -> Usage:
    """genai-prices' Usage for canonical token counts.

    genai-prices' ``cache_write_tokens`` is the total of both TTLs, and
    ``cache_write_1h_tokens`` (the 1-hour part of it) may only be given together with it.
    """
    kw: dict[str, int | Decimal] = {"input_tokens": input, "cache_read_tokens": cache_read,
                                    "output_tokens": output}
    if cache_write or cache_write_1h:
        kw["cache_write_tokens"] = cache_write + cache_write_1h
        if cache_write_1h:
            kw["cache_write_1h_tokens"] = cache_write_1h
    extra = {"input_audio_tokens": input_audio, "output_audio_tokens": output_audio, "web_searches": web_searches}
    if input_audio and cache_read:  # spendscope's cache reads are text: no audio among them
        kw["cache_audio_read_tokens"] = 0
    return Usage(**kw, **{k: v for k, v in extra.items() if v})


def genai_cost(
    provider: str, model: str, timestamp: date | datetime | str = DAY, *,
    input: int = 0, cache_read: int = 0, cache_write: int = 0, cache_write_1h: int = 0,
    output: int = 0, price_context: dict[str, str] | None = None,
) -> float:
    """What ``genai_prices.calc_price`` says one request costs (USD, as float)."""
    p = calc_price(usage(input, cache_read, cache_write, cache_write_1h, output),
                   model_ref=model, provider_id=provider, genai_request_timestamp=when(timestamp),
                   price_context=price_context)
    return float(p.total_price)
