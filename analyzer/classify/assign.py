"""Give every row a category, in this order of precedence:

1. ``metadata`` — the caller's own label: a ``task`` or ``category`` metadata value that is
   a taxonomy id;
2. ``relabel`` — the user relabelled the row's template (``spendscope relabel``);
3. ``rule`` (user) — the workspace's ``classify.toml`` rules, on the prompt's template
   text, the model or a metadata key (a user's rule always wins over the model);
4. the template's own verdict, decided once per template at ingest (``rule`` / ``model``
   / ``shape``, see ``classifier.py``);
5. ``other`` with source ``shape`` — no text (aggregated exports) and no label.

Categories are assigned when the table is read, so a relabel or a rule change applies to
every request at once, with nothing stored to rewrite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from analyzer.classify.taxonomy import CATEGORIES

if TYPE_CHECKING:  # pydantic loads only when a workspace has a classify.toml
    from analyzer.classify.user_rules import ClassifySettings

VERDICT_SCHEMA = pl.Schema(
    {"category": pl.String, "category_source": pl.String, "category_confidence": pl.Float64}
)
LABEL_KEYS = ("task", "category")


def classify_templates(templates: pl.DataFrame) -> pl.DataFrame:
    """Add the classifier's verdict to each template (once per template)."""
    if templates.height == 0:
        return templates.with_columns(
            pl.lit(None, t).alias(c) for c, t in VERDICT_SCHEMA.items()
        )
    texts = templates.select(pl.coalesce("sample_text", "template_key") if "sample_text" in templates.columns
                             else pl.col("template_key")).to_series()
    from analyzer.classify.classifier import classify_keys  # the text model loads with it

    verdicts = classify_keys(
        texts.to_list(),
        has_tools=templates["has_tools"].to_list() if "has_tools" in templates.columns else None,
        message_count=templates["message_count"].to_list() if "message_count" in templates.columns else None,
    )
    return templates.with_columns(
        pl.Series("category", [v.category for v in verdicts], pl.String),
        pl.Series("category_source", [v.source for v in verdicts], pl.String),
        pl.Series("category_confidence", [v.confidence for v in verdicts], pl.Float64),
    )


def categorize(
    rows: pl.LazyFrame,
    templates: pl.DataFrame,
    *,
    relabels: dict[str, str] | None = None,
    settings: ClassifySettings | None = None,
) -> pl.LazyFrame:
    """``rows`` with ``category``, ``category_source`` and ``category_confidence``."""
    text = pl.coalesce("sample_text", "template_key") if "sample_text" in templates.columns else pl.col("template_key")
    table = templates.select("template_id", text.alias("template_key"), *VERDICT_SCHEMA.names()).rename(
        {"category": "_t_category", "category_source": "_t_source", "category_confidence": "_t_conf"}
    )
    # The caller's label, parsed only from metadata that names a label key: a cheap scan
    # first (most rows carry none), in a column of its own so the parse stays behind it.
    names_label = pl.col("metadata").str.contains("|".join(f'"{k}"' for k in LABEL_KEYS))
    parsed = pl.coalesce(
        *[pl.col("metadata").str.json_path_match(f"$.{k}").str.to_lowercase() for k in LABEL_KEYS]
    )
    joined = rows.join(table.lazy(), on="template_id", how="left", maintain_order="left").with_columns(
        pl.when(names_label).then(parsed).alias("_label")
    )
    label = pl.when(pl.col("_label").is_in(list(CATEGORIES))).then(pl.col("_label"))
    steps: list[tuple[pl.Expr, pl.Expr, pl.Expr, float]] = [
        (label.is_not_null(), label, pl.lit("metadata"), 1.0),
    ]
    if relabels:
        relabelled = pl.col("template_id").replace_strict(relabels, default=None, return_dtype=pl.String)
        steps.append((relabelled.is_not_null(), relabelled, pl.lit("relabel"), 1.0))
    for rule in (settings.rules if settings else ()):
        steps.append((rule.matches(), pl.lit(rule.category), pl.lit("rule"), 1.0))
    category = pl.coalesce(pl.col("_t_category"), pl.lit("other"))
    source = pl.coalesce(pl.col("_t_source"), pl.lit("shape"))
    confidence = pl.coalesce(pl.col("_t_conf"), pl.lit(0.0))
    for cond, cat, src, conf in reversed(steps):
        category = pl.when(cond).then(cat).otherwise(category)
        source = pl.when(cond).then(src).otherwise(source)
        confidence = pl.when(cond).then(pl.lit(conf)).otherwise(confidence)
    return joined.with_columns(
        category.alias("category"), source.alias("category_source"), confidence.alias("category_confidence")
    ).drop("template_key", "_t_category", "_t_source", "_t_conf", "_label")
