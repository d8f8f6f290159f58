"""Token counts for records that carry text but no usage.

OpenAI's o200k encoding (``bpe-openai``, bundled, offline) counts the prompt and the
completion text. For other providers' models this is a stated approximation: their
tokenizers differ (Claude's counts run 16-30 % higher on published measurements, see
the tokenizer row of "How a moved request is repriced" in docs/simulator.md). Rows counted this way have ``tokens_estimated = true``.
The tokenizer is loaded only when a file needs it (importing it costs about a second).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import polars as pl

_MAX_CHARS = 900_000  # bpe-openai refuses texts of 1,000,000 characters or more
_COMPLETION_TEXT = r'"(?:content|text)"\s*:\s*"((?:[^"\\]|\\.)*)"'


@lru_cache(maxsize=1)
def _encoder() -> Any:
    import bpe_openai

    return bpe_openai.get_encoding("o200k_base")


def count_tokens(text: str | None) -> int:
    if not text:
        return 0
    enc = _encoder()
    return sum(len(enc.encode(text[i : i + _MAX_CHARS])) for i in range(0, len(text), _MAX_CHARS))


def only_without_usage(input_tokens: pl.Expr, text: pl.Expr) -> pl.Expr:
    """``text`` where ``input_tokens`` is null, else null: an adapter builds the texts to
    tokenize from inputs nulled this way, so rows that carry usage (nearly all) cost nothing."""
    return pl.when(input_tokens.is_null()).then(text)


def fill_missing_usage(frame: pl.DataFrame, *, prompt: str, completion: str) -> pl.DataFrame:
    """Estimate input/output tokens where a successful row has none; drops the text columns."""
    need = pl.col("input_tokens").is_null() & (pl.col("status") == "ok")
    frame = frame.with_columns(need.alias("tokens_estimated"))
    if not frame["tokens_estimated"].any():
        return frame.drop(prompt, completion)
    todo = frame.filter(pl.col("tokens_estimated"))
    out_text = todo[completion].str.extract_all(_COMPLETION_TEXT).list.eval(
        pl.element().str.extract(_COMPLETION_TEXT, 1)
    ).list.join("\n")
    counts_in = [float(count_tokens(t)) for t in todo[prompt].to_list()]
    counts_out = [float(count_tokens(t)) for t in out_text.to_list()]
    todo = todo.with_columns(
        pl.Series("input_tokens", counts_in, pl.Float64),
        pl.Series("output_tokens", counts_out, pl.Float64),
        pl.lit(0.0).alias("cache_read_tokens"),
        pl.lit(0.0).alias("cache_write_tokens"),
        pl.lit(0.0).alias("reasoning_tokens"),
    )
    rest = frame.filter(~pl.col("tokens_estimated"))
    return pl.concat([rest, todo.select(rest.columns)]).sort("_line").drop(prompt, completion)


__all__ = ["count_tokens", "fill_missing_usage", "only_without_usage"]
