"""CSV files for spreadsheets. Every CSV writer (``report --csv``, the dashboard's downloads)
goes through here, so no cell taken from a log becomes a live formula.

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to Excel, LibreOffice and Google Sheets (``=HYPERLINK(...)`` in a model name or a
metadata value would be a link, or worse). Such cells get a leading ``'``, as OWASP's
CSV-injection guidance recommends: the spreadsheet shows the text, and the number columns
(written as numbers, not text) are left as they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

from analyzer.errors import ConfigError

_FORMULA = r"^[=+\-@\t\r]"


def spreadsheet_safe(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with every text cell that a spreadsheet would run as a formula quoted."""
    text = [c for c, t in frame.schema.items() if t == pl.String]
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(_FORMULA)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in text
    )


def frame_csv(frame: pl.DataFrame) -> str:
    """A frame as CSV text with a header row (dates as YYYY-MM-DD)."""
    return spreadsheet_safe(frame).write_csv()


def rows_csv(rows: list[dict[str, Any]]) -> str:
    """Plain rows (lists become ``a;b``) as CSV text; empty rows give an empty text."""
    if not rows:
        return ""
    flat = [{k: ";".join(str(x) for x in v) if isinstance(v, list | tuple) else v for k, v in r.items()}
            for r in rows]
    return frame_csv(pl.DataFrame(flat, infer_schema_length=None))


def write_csv(frame: pl.DataFrame, path: Path) -> None:
    try:
        path.write_text(frame_csv(frame))
    except OSError as e:
        raise ConfigError(f"{path}: cannot write CSV ({e.strerror or e})") from e
