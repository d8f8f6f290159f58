"""A/B samples: real requests of a category, ready to send to a candidate model in a batch.

"Fifty comparisons per category" is where a routing change starts: ``spendscope sample``
picks them from the workspace's stored prompts (ingested with ``--keep-text``), stratified
by the model that served them and the day, and writes

- the candidate's batch input — OpenAI Batch API JSONL (``/v1/chat/completions``) or an
  Anthropic Message Batches request (``{"requests": [...]}``), both at half price;
- a grading sheet, ``category,model,passed,total,custom_id,request_id``, one row per request
  with ``total`` 1 and ``passed`` left for the grader (1 or 0): filled in, it *is* a
  ``quality_results.csv`` (the simulator's own A/B input), so grading closes the loop.

Nothing is sent anywhere. What the stored text cannot give is said: a stored prompt is its
first 2,000 characters with the system prompt and the user text joined, so prompts that long
are left out (they were cut) and each request goes as one user message; ``max_tokens`` is
twice the original answer's length, between ``MIN_OUTPUT`` and ``MAX_OUTPUT``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from analyzer.errors import ConfigError
from analyzer.ingest.normalize import PROMPT_CHARS
from analyzer.pricing import catalog, cost
from analyzer.schema import TOKEN_COLUMNS
from analyzer.workspace import Workspace

MIN_OUTPUT = 256
MAX_OUTPUT = 8192
GRADING_COLUMNS = ("category", "model", "passed", "total", "custom_id", "request_id")


@dataclass
class Sample:
    rows: pl.DataFrame  # request_id, day, model, provider, prompt_text, input_tokens, output_tokens, custom_id
    candidate: tuple[str, str]  # (provider, model)
    available: int  # requests of the category with a whole stored prompt
    notes: list[str] = field(default_factory=list)


def pick(ws: Workspace, category: str, n: int, candidate: tuple[str, str], *,
         model: str | None = None, seed: int = 0) -> Sample:
    """``n`` requests of ``category`` (served by ``model``, if given) with a whole stored
    prompt, allocated to the (model, day) strata in proportion to their size (largest
    remainders), drawn within each by a seeded hash of the request id."""
    if n <= 0:
        raise ConfigError(f"--n must be positive, got {n}")
    rows = ws.requests().filter(pl.col("category") == category, pl.col("prompt_text").is_not_null())
    if model is not None:
        rows = rows.filter(pl.col("model") == model)
    stored = rows.select(pl.len()).collect().item()
    whole = rows.filter(pl.col("prompt_text").str.len_chars() < PROMPT_CHARS).select(
        "request_id", pl.col("timestamp").dt.date().alias("day"), "provider", "model", "prompt_text",
        "input_tokens", "output_tokens").collect()
    if whole.height == 0:
        served = f" served by {model}" if model else ""
        raise ConfigError(f"no stored prompt of category '{category}'{served} to sample: prompts are stored only "
                          "when logs are ingested with --keep-text (and only those under 2,000 characters "
                          "are whole)")
    notes = []
    if stored > whole.height:
        notes.append(f"{stored - whole.height:,} requests left out: their stored prompt reached 2,000 characters "
                     "(it was cut)")
    if n > whole.height:
        notes.append(f"only {whole.height:,} requests to sample from, fewer than --n {n}")
    chosen = _stratified(whole, min(n, whole.height), seed)
    chosen = chosen.with_columns(pl.format("ab-{}", pl.int_range(1, chosen.height + 1).cast(pl.String)
                                           .str.pad_start(4, "0")).alias("custom_id"))
    return Sample(chosen, candidate, whole.height, notes)


def _stratified(rows: pl.DataFrame, n: int, seed: int) -> pl.DataFrame:
    sizes = rows.group_by("model", "day").len().sort("model", "day")
    total = rows.height
    quotas = [(m, d, size * n / total) for m, d, size in sizes.iter_rows()]
    taken = {(m, d): int(q) for m, d, q in quotas}
    rest = n - sum(taken.values())
    for m, d, q in sorted(quotas, key=lambda x: (-(x[2] - int(x[2])), str(x[0]), x[1]))[:rest]:
        taken[(m, d)] += 1
    ranked = rows.with_columns(pl.col("request_id").hash(seed).alias("_draw")).sort("_draw", "request_id")
    ranked = ranked.with_columns(pl.int_range(pl.len()).over("model", "day").alias("_rank"))
    quota = pl.DataFrame([(m, d, k) for (m, d), k in taken.items()], orient="row",
                         schema={"model": pl.String, "day": pl.Date, "_quota": pl.Int64})
    return (ranked.join(quota, on=["model", "day"]).filter(pl.col("_rank") < pl.col("_quota"))
            .sort("day", "model", "_draw").drop("_draw", "_rank", "_quota"))


def _max_tokens(output_tokens: int) -> int:
    return max(MIN_OUTPUT, min(MAX_OUTPUT, 2 * int(output_tokens or 0)))


def batch_lines(sample: Sample) -> str:
    """The candidate's batch input: OpenAI JSONL, or Anthropic's ``{"requests": [...]}``."""
    provider, model = sample.candidate
    items = [(r["custom_id"], [{"role": "user", "content": r["prompt_text"]}], _max_tokens(r["output_tokens"]))
             for r in sample.rows.iter_rows(named=True)]
    if provider == "anthropic":
        requests = [{"custom_id": cid, "params": {"model": model, "max_tokens": top, "messages": messages}}
                    for cid, messages, top in items]
        return json.dumps({"requests": requests}, ensure_ascii=False, indent=1) + "\n"
    if provider != "openai":
        raise ConfigError(f"--model {provider}/{model}: batch files are written for OpenAI and Anthropic models")
    return "".join(json.dumps({"custom_id": cid, "method": "POST", "url": "/v1/chat/completions",
                               "body": {"model": model, "messages": messages, "max_completion_tokens": top}},
                              ensure_ascii=False) + "\n" for cid, messages, top in items)


def grading_sheet(sample: Sample, category: str) -> pl.DataFrame:
    """``GRADING_COLUMNS``: one row per request, ``passed`` for the grader to fill."""
    return sample.rows.select(
        pl.lit(category).alias("category"), pl.lit(sample.candidate[1]).alias("model"),
        pl.lit(None, pl.String).alias("passed"), pl.lit(1).alias("total"), "custom_id", "request_id")


def batch_cost(sample: Sample, resolve: cost.Resolver = catalog.unit_prices) -> float:
    """What the batch costs at the candidate's batch prices on the sample's last day (from
    ``resolve``: the workspace's prices, with its overrides and discounts),
    taking each request's own input tokens and the ``max_tokens`` it allows as output
    (an upper bound: answers usually stop sooner)."""
    provider, model = sample.candidate
    day = sample.rows["day"].max()
    frame = sample.rows.select(
        pl.lit(day).cast(pl.Datetime("us", "UTC")).alias("timestamp"), pl.lit(provider).alias("provider"),
        pl.lit(model).alias("model"), pl.lit("batch").alias("service_tier"), pl.lit("ok").alias("status"),
        pl.lit(1).alias("requests"), "input_tokens",
        pl.col("output_tokens").map_elements(_max_tokens, return_dtype=pl.Int64).alias("output_tokens"),
        *(pl.lit(0).alias(c) for c in TOKEN_COLUMNS if c not in ("requests", "input_tokens", "output_tokens")),
        pl.lit(None, pl.String).alias("metadata"))
    priced = cost.price(frame.lazy(), resolve=resolve).frame
    return float(priced.select(pl.col("cost_usd").fill_null(0.0).sum()).collect().item())


def write(sample: Sample, category: str, out: Path) -> tuple[Path, Path]:
    """The batch input at ``out`` and the grading sheet beside it (``<stem>.grading.csv``)."""
    from analyzer import exports

    try:
        out.write_text(batch_lines(sample), encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"{out}: cannot write the batch file ({e.strerror or e})") from e
    sheet = out.with_name(out.stem + ".grading.csv")
    exports.write_csv(grading_sheet(sample, category), sheet)
    return out, sheet
