"""The history's daily usage: for every day from HISTORY_START to HISTORY_END, the rows the
admin APIs export (OpenAI per project, model and batch flag; Anthropic per workspace and
model), scaled back from the detailed week by each project's growth, shaped by the week's
weekday rhythm, with clausecheck's Opus migration applied and a little day-to-day noise.

Every row draws the same number of random values whatever its size, from one stream seeded
by ``seed``, so the same seed always gives the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from .clock import DAY_WEIGHTS, WEEK_START
from .history_story import (
    BATCH_PROJECTS,
    GROWTH,
    GROWTH_DEFAULT,
    HISTORY_END,
    HISTORY_START,
    MIGRATION,
    NOISE_DAY,
    NOISE_OUTPUT,
    NOISE_ROW,
    WEEK_VOLUMES_ANTHROPIC,
    WEEK_VOLUMES_OPENAI,
)

DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class OpenAIRow:
    """One result of the OpenAI usage API: a project's tokens on one model in one day."""

    project: str
    model: str
    batch: bool
    requests: int
    input: int  # includes ``cached``, as the API counts it
    cached: int
    output: int


@dataclass(frozen=True)
class AnthropicRow:
    """One result of the Anthropic usage report: a workspace's tokens on one model in one day.
    ``requests`` is what the day held, for the summary; the report itself has no request count."""

    workspace: str
    model: str
    requests: int
    uncached: int
    read: int
    write_5m: int
    write_1h: int
    output: int


@dataclass(frozen=True)
class Day:
    """One day of the history: its OpenAI and Anthropic usage rows."""

    day: date
    openai: tuple[OpenAIRow, ...]
    anthropic: tuple[AnthropicRow, ...]


def history_days() -> list[date]:
    """Every day from HISTORY_START to HISTORY_END."""
    n = (HISTORY_END - HISTORY_START).days + 1
    return [HISTORY_START + timedelta(days=i) for i in range(n)]


def level(group: str, day: date) -> float:
    """The share of the detailed week's weekly volume that ``group`` sent on ``day``: its growth
    back from the week, times that weekday's part of a week (the batch jobs run every night)."""
    growth = GROWTH.get(group, GROWTH_DEFAULT)
    months_before = (WEEK_START.date() - day).days / DAYS_PER_MONTH
    scale = math.exp(-math.log1p(growth) * months_before)
    if group == "batch":
        return scale / 7
    return scale * DAY_WEIGHTS[day.weekday()] / sum(DAY_WEIGHTS)


def migrated_share(day: date) -> float:
    """The share of the migrating workspace's Opus traffic already on the new model."""
    done = (day - MIGRATION.start).days + 1
    return min(1.0, max(0.0, done / MIGRATION.days))


def daily_usage(seed: int) -> list[Day]:
    """Every day of the history with its usage rows (in a fixed order)."""
    r = Random(f"spendscope-history:{seed}")
    out = []
    for day in history_days():
        company = math.exp(r.gauss(0.0, NOISE_DAY))
        out.append(Day(day, tuple(_openai_rows(r, day, company)), tuple(_anthropic_rows(r, day, company))))
    return out


def _noise(r: Random, company: float) -> tuple[float, float]:
    """(a row's factor, its output's extra factor): two draws for every row, used or not."""
    return company * math.exp(r.gauss(0.0, NOISE_ROW)), math.exp(r.gauss(0.0, NOISE_OUTPUT))


def _openai_rows(r: Random, day: date, company: float) -> list[OpenAIRow]:
    rows = []
    for group, model, requests, inp, cached, output in WEEK_VOLUMES_OPENAI:
        f, f_out = _noise(r, company)
        f *= level(group, day)
        if group == "batch":  # one nightly run per model, submitted by two projects
            total = sum(w for _, w in BATCH_PROJECTS)
            parts = [(project, w / total) for project, w in BATCH_PROJECTS]
        else:
            parts = [(group, 1.0)]
        for project, share in parts:
            k = f * share
            row = OpenAIRow(project, model, group == "batch", round(requests * k), round(inp * k),
                            round(cached * k), round(output * k * f_out))
            if row.requests > 0:
                rows.append(row)
    return sorted(rows, key=lambda x: (x.project, x.model, x.batch))


def _anthropic_rows(r: Random, day: date, company: float) -> list[AnthropicRow]:
    rows = []
    for group, model, requests, uncached, read, w5, w1h, output in WEEK_VOLUMES_ANTHROPIC:
        f, f_out = _noise(r, company)
        f *= level(group, day)
        if group == MIGRATION.workspace and model == MIGRATION.new:
            moved = migrated_share(day)
            parts = [(MIGRATION.old, 1.0 - moved), (model, moved)]
        else:
            parts = [(model, 1.0)]
        for name, share in parts:
            k = f * share
            if k <= 0:
                continue
            row = AnthropicRow(group, name, round(requests * k), round(uncached * k), round(read * k),
                               round(w5 * k), round(w1h * k), round(output * k * f_out))
            if row.uncached + row.read + row.write_5m + row.write_1h + row.output > 0:
                rows.append(row)
    return sorted(rows, key=lambda x: (x.workspace, x.model))
