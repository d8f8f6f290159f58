"""Every priced row costs what ``genai_prices.calc_price`` says for it.

The reference is computed row by row, independently of ``analyzer.pricing``: only
genai-prices' ``calc_price`` (and, for the batch fallback, genai-prices' own
``ModelPrice.calc_price`` on the standard prices with the published discount applied).
"""

from __future__ import annotations

import json
import math
import random
from copy import copy
from decimal import Decimal
from typing import Any

import polars as pl
import pytest
from genai_prices import calc_price
from genai_prices.types import ModelPrice, Tier, TieredPrices

from analyzer.ingest.pipeline import IngestResult, ingest
from analyzer.pricing import cost

from ..conftest import LOGS, ROOT
from .rows import usage

BATCH = {"processing": "batch"}
SAMPLE = 3_000

# Where genai-prices has no batch price for a model on a day, the provider's published
# batch discount applies (prices_and_routing.md §B.1, §B.8): Anthropic halves every token
# price, cache reads and writes included; OpenAI and Google halve input and output and keep
# their cache prices standard.
HALVED = {
    "anthropic": ("input_mtok", "output_mtok", "cache_read_mtok", "cache_write_mtok", "cache_write_1h_mtok"),
    "openai": ("input_mtok", "output_mtok"),
    "google": ("input_mtok", "output_mtok"),
}


def _half(value: Decimal | TieredPrices) -> Decimal | TieredPrices:
    if isinstance(value, TieredPrices):
        return TieredPrices(value.base / 2, [Tier(t.start, t.price / 2) for t in value.tiers])
    return value / 2


def _discounted(prices: ModelPrice, keys: tuple[str, ...]) -> ModelPrice:
    out = copy(prices)
    out.__dict__.update({k: _half(v) for k, v in prices.__dict__.items() if k in keys and v is not None})
    return out


def tier_size(r: dict[str, Any]) -> Decimal:
    """The input size of one request of this row, which selects a long-context tier.

    An aggregated row of ``requests`` requests stands for that many requests of its average
    size. Anthropic's usage report has no request count but says which side of 200k the
    requests were on (``context_window``): above it, a size beyond every tier; below it, 1.
    """
    bucket = json.loads(r["metadata"] or "{}").get("context_window", "")
    if bucket.startswith("200k"):
        return Decimal(1_000_000)
    if bucket.startswith("0-"):
        return Decimal(1)
    return Decimal(r["input_tokens"]) / max(r["requests"], 1)


def reference(r: dict[str, Any]) -> tuple[Decimal | None, ModelPrice | None]:
    """What the row costs per genai-prices (None: genai-prices does not know the model),
    and the standard prices it used."""
    if r["status"] == "cached":
        # answered from a gateway's own cache: the provider billed nothing (calc_price would
        # price the tokens; the row's tokens only say what the request would have cost)
        return Decimal(0), None
    tokens = {"input": r["input_tokens"], "cache_read": r["cache_read_tokens"],
              "cache_write": r["cache_write_tokens"], "cache_write_1h": r["cache_write_1h_tokens"],
              "output": r["output_tokens"], "input_audio": r["input_audio_tokens"],
              "output_audio": r["output_audio_tokens"], "web_searches": r["web_search_requests"]}
    if not r["input_tokens"] and not r["output_tokens"] and not r["web_search_requests"]:
        return Decimal(0), None  # a failed call: nothing to bill, whatever the model (cost.no_tokens)
    # Price the row as k requests of `size` input tokens each (calc_price is linear in the
    # token counts for a given tier): k = 1 for a logged request, which is plain calc_price.
    size = tier_size(r)
    k = Decimal(r["input_tokens"]) / size if r["input_tokens"] and size else Decimal(1)
    one = usage(**{key: Decimal(v) / k for key, v in tokens.items()})
    call = {"model_ref": r["model"], "provider_id": r["provider"],
            "genai_request_timestamp": r["timestamp"]}
    try:
        standard = calc_price(one, **call)
    except LookupError:
        if not r["model"].startswith("regional."):
            return None, None
        # a Bedrock regional model: genai-prices finds it by the id the log wrote
        call["model_ref"] = r["model_raw"]
        standard = calc_price(one, **call)
    tier = r["service_tier"]
    if tier == "standard":
        return standard.total_price * k, standard.model_price
    if tier in ("flex", "priority"):
        return calc_price(one, **call, price_context={"service_tier": tier}).total_price * k, \
            standard.model_price
    assert tier == "batch", tier
    batch = calc_price(one, **call, price_context=BATCH)
    if batch.model_price != standard.model_price or r["provider"] not in HALVED:
        return batch.total_price * k, standard.model_price  # the catalog's batch price (or none)
    fallback = _discounted(standard.model_price, HALVED[r["provider"]])
    return fallback.calc_price(one)["total_price"] * k, standard.model_price


def close(got: float | None, expected: Decimal | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    e = float(expected)
    return got == e or abs(got - e) <= 1e-9 * max(abs(got), abs(e))


def input_only(prices: ModelPrice | None) -> bool:
    """A model genai-prices prices by input alone (embeddings)."""
    return prices is not None and prices.input_mtok is not None and prices.output_mtok is None


def compare(rows: pl.DataFrame) -> tuple[list[dict[str, Any]], list[Decimal | None], list[str]]:
    """Price ``rows`` with ``cost.price``; returns the priced rows, their references and the
    rows that differ (described)."""
    out = cost.price(rows.lazy()).frame.collect()
    assert out.height == rows.height
    priced = out.to_dicts()
    refs: list[Decimal | None] = []
    bad: list[str] = []
    for r in priced:
        ref, prices = reference(r)
        refs.append(ref)
        if input_only(prices):
            continue  # known bug, asserted separately (test_input_only_models_match_genai_prices)
        if not close(r["cost_usd"], ref):
            bad.append(f"{r['provider']}/{r['model']} {r['service_tier']} {r['status']} "
                       f"{r['timestamp']} req={r['requests']} in={r['input_tokens']} "
                       f"read={r['cache_read_tokens']} w5m={r['cache_write_tokens']} "
                       f"w1h={r['cache_write_1h_tokens']} out={r['output_tokens']} "
                       f"meta={r['metadata'][:60]}: got {r['cost_usd']!r}, genai-prices {ref}")
    return priced, refs, bad


# --- (a) the committed sample week -----------------------------------------------------------


@pytest.fixture(scope="module")
def week(week_workspace: Any) -> pl.DataFrame:
    """The sample week's rows (the session's workspace), in request-id order."""
    return week_workspace.raw_requests().sort("request_id").collect()


@pytest.fixture(scope="module")
def week_compared(week: pl.DataFrame) -> tuple[list[dict[str, Any]], list[Decimal | None], list[str]]:
    return compare(week)


def test_sample_of_the_week_row_by_row(week: pl.DataFrame) -> None:
    rows = week
    indices = sorted(random.Random(20261005).sample(range(rows.height), SAMPLE))
    sample = rows[indices]
    priced, refs, bad = compare(sample)
    assert not bad, f"{len(bad)} of {SAMPLE} rows differ from genai-prices:\n" + "\n".join(bad[:20])
    # the sample covers what the week holds
    kinds = {(r["provider"], r["model"], r["service_tier"]) for r in priced}
    assert ("openai", "gpt-4o-mini", "batch") in kinds
    assert {"anthropic", "openai"} <= {p for p, _, _ in kinds}
    assert sum(1 for r in priced if r["cache_write_1h_tokens"]) > 0
    assert sum(1 for r in priced if r["status"] == "error") > 0
    assert all(ref is not None for ref in refs), "every model of the sample week is priced"


def test_week_total_equals_the_sum_of_the_references(
    week_compared: tuple[list[dict[str, Any]], list[Decimal | None], list[str]],
) -> None:
    priced, refs, bad = week_compared
    assert len(priced) == 50_000
    assert not bad, f"{len(bad)} rows differ:\n" + "\n".join(bad[:20])
    got = math.fsum(r["cost_usd"] for r in priced)
    expected = sum((ref for ref in refs if ref is not None), Decimal(0))
    assert got == pytest.approx(float(expected), rel=1e-9)
    assert all(r["price_status"] == "priced" for r in priced)


# --- (b) the mixed-format fixtures -----------------------------------------------------------


@pytest.fixture(scope="module")
def fixtures() -> IngestResult:
    folders = sorted(p for p in LOGS.iterdir() if p.is_dir())
    result = ingest(folders)
    # some folders hold intentionally bad files (bad_*); every other file must be read
    unexpected = [e for e in result.errors if not e.path.rsplit("/", 1)[-1].startswith("bad_")]
    assert not unexpected, unexpected
    return result


@pytest.fixture(scope="module")
def fixtures_compared(fixtures: IngestResult) -> tuple[list[dict[str, Any]], list[Decimal | None], list[str]]:
    return compare(fixtures.rows)


def test_fixtures_row_by_row(
    fixtures_compared: tuple[list[dict[str, Any]], list[Decimal | None], list[str]],
) -> None:
    priced, refs, bad = fixtures_compared
    assert not bad, f"{len(bad)} of {len(priced)} rows differ from genai-prices:\n" + "\n".join(bad)
    # what the fixtures exercise
    tiers = {r["service_tier"] for r in priced}
    assert {"standard", "batch", "flex", "priority"} <= tiers
    assert any(r["status"] == "cached" for r in priced)
    assert any(r["requests"] > 1 for r in priced)
    assert any('"context_window":"200k' in r["metadata"] for r in priced)
    assert any('"context_window":"0-' in r["metadata"] for r in priced)
    unpriced = [r for r, ref in zip(priced, refs) if ref is None]
    assert unpriced and all(r["price_status"] == "unpriced" and r["cost_usd"] is None for r in unpriced)


def test_fixture_usage_report_rows_are_priced_by_their_bucket_not_their_total(
    fixtures_compared: tuple[list[dict[str, Any]], list[Decimal | None], list[str]],
) -> None:
    # an Anthropic usage-report row of 959,400 input tokens in the 0-200k bucket: many small
    # requests, so base rates although the row total is above 200k
    priced, _, _ = fixtures_compared
    rows = [r for r in priced if r["model"] == "claude-sonnet-4-5" and r["input_tokens"] > 200_000
            and '"context_window":"0-200k"' in r["metadata"]]
    assert rows
    for r in rows:
        uncached = (r["input_tokens"] - r["cache_read_tokens"] - r["cache_write_tokens"]
                    - r["cache_write_1h_tokens"])
        by_hand = (uncached * 3 + r["cache_read_tokens"] * 0.30 + r["cache_write_tokens"] * 3.75
                   + r["cache_write_1h_tokens"] * 6 + r["output_tokens"] * 15) / 1e6
        by_hand += r["web_search_requests"] * 10 / 1000  # $10 per 1,000 web searches
        assert r["cost_usd"] == pytest.approx(by_hand, rel=1e-12)


def test_input_only_models_match_genai_prices(fixtures: IngestResult) -> None:
    out = cost.price(fixtures.rows.lazy()).frame.collect().to_dicts()
    rows = [(r, ref) for r in out for ref, prices in [reference(r)] if input_only(prices)]
    assert rows, "the fixtures hold embedding rows"
    bad = [f"{r['provider']}/{r['model']} in={r['input_tokens']}: got {r['cost_usd']}, genai-prices {ref}"
           for r, ref in rows if not close(r["cost_usd"], ref)]
    assert not bad, "\n".join(bad)
