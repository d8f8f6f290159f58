"""``spendscope classify`` (the workspace, or prompts given on the command line)."""

import json
from pathlib import Path
from typing import Annotated

import typer

from analyzer import aggregate
from analyzer.cli.common import JsonOpt, WorkspaceOpt, app, new_table, open_workspace, out, user_errors
from analyzer.errors import ConfigError


@app.command("classify")
@user_errors
def classify_cmd(
    text: Annotated[str | None, typer.Option("--text", help="Classify this one prompt (no workspace needed).")] = None,
    texts: Annotated[Path | None, typer.Option("--texts", help='Classify every line of a JSONL file of {"id": ..., "text": ...}.')] = None,
    workspace: WorkspaceOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Classify prompts, or re-classify the workspace and show the category distribution."""
    if text is not None or texts is not None:
        _classify_texts(text, texts, as_json)
        return
    ws = open_workspace(workspace)
    n = ws.reclassify()
    dist = aggregate.category_distribution(ws.categorized(by_template=True))
    if as_json:
        out.print_json(json.dumps({"templates": n, "categories": dist}))
        return
    table = new_table(title=f"Categories ({n:,} templates classified)", title_justify="left")
    for col in ("category", "tier", "requests", "share", "templates", "by rule", "by model", "other sources"):
        table.add_column(col, justify="left" if col in ("category", "tier") else "right")
    total = sum(d["requests"] for d in dist) or 1
    for d in dist:
        table.add_row(d["category"], d["tier"], f"{d['requests']:,}", f"{100 * d['requests'] / total:.1f}%",
                      f"{d['templates']:,}", f"{d['by_rule']:,}", f"{d['by_model']:,}", f"{d['by_other']:,}")
    out.print(table)


def _classify_texts(text: str | None, texts: Path | None, as_json: bool) -> None:
    from analyzer.classify.classifier import classify_texts

    if text is not None:
        items = [("text", text)]
    else:
        assert texts is not None
        items = []
        try:
            lines = texts.read_text().splitlines()
        except OSError as e:
            raise ConfigError(f"{texts}: cannot read ({e.strerror or e})") from e
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                items.append((obj["id"], str(obj["text"])))
            except (ValueError, KeyError, TypeError):
                raise ConfigError(f'{texts}:{n}: expected a JSON object with "id" and "text"') from None
    verdicts = classify_texts([(None, t) for _, t in items])
    records = [{"id": ident, "category": v.category, "source": v.source, "confidence": round(v.confidence, 4)}
               for (ident, _), v in zip(items, verdicts, strict=True)]
    if as_json:  # one object per prompt (a JSONL stream for --texts)
        for record in records:
            print(json.dumps(record))
        return
    table = new_table(title="Categories", title_justify="left")
    for col in ("id", "category", "source", "confidence"):
        table.add_column(col, justify="right" if col == "confidence" else "left")
    for r in records:
        table.add_row(str(r["id"]), r["category"], r["source"], f"{r['confidence']:.2f}")
    out.print(table)
