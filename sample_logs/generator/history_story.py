"""What happened at Northwind Labs in the five months before the sample week, as numbers.

The history (``history.py``) is daily totals, the way the providers' admin APIs export them,
from 2026-05-01 to 2026-10-04, the day before the detailed week. This module holds the
facts it is drawn from, so the story can be read in one place:

- **Where it ends.** ``WEEK_VOLUMES`` is the detailed week as spendscope ingests it (the
  default ``python sample_logs/generate.py`` run): per project (OpenAI) or workspace
  (Anthropic) and model, a week's requests and tokens. The history's last days run at that
  level, so the week continues the trend instead of jumping.
- **Growth.** Going back in time every project shrinks by its monthly growth rate; Claude
  Code, rolled out to the developers in the spring, grows fastest, the nightly batch jobs
  slowest. Weekdays and weekends keep the week's rhythm.
- **A migration.** Until mid-July clausecheck's Opus traffic ran on claude-opus-4-1; over two
  weeks it moved to claude-opus-4-7, the same tier at a third of the price.
- **A price change.** Northwind signed an annual commitment with Anthropic in August: from
  1 September its Anthropic invoices are 12 % below list. The cost report bills that, and the
  ``prices.toml`` written beside the history tells spendscope so.
- **A line the usage does not explain.** On 17 June datahub re-embedded its document archive
  once with text-embedding-3-large. The usage pages were exported for the completions
  endpoint only, so the Costs API bills tokens no usage row holds.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Migration(NamedTuple):
    """A workspace's traffic on ``new`` was all on ``old`` before ``start``; over ``days`` days
    a growing share moves to ``new``; after that, all of it is there."""

    workspace: str
    old: str
    new: str
    start: date
    days: int


class Discount(NamedTuple):
    """Every price of ``provider`` times (1 - percent / 100), from ``start`` on."""

    provider: str
    percent: float
    start: date

    def factor(self, provider: str, day: date) -> float:
        return 1 - self.percent / 100 if provider == self.provider and day >= self.start else 1.0


class Backfill(NamedTuple):
    """A one-off job billed by the Costs API on ``day``: ``tokens`` of input at ``price``."""

    day: date
    model: str
    tokens: int
    price: float  # USD per million tokens

HISTORY_START = date(2026, 5, 1)
HISTORY_END = date(2026, 10, 4)  # the Sunday before the detailed week

#: Monthly growth of each project's traffic; the default for the rest.
GROWTH: dict[str, float] = {"claude_code": 0.20, "batch": 0.06}
GROWTH_DEFAULT = 0.11
#: Day-to-day noise (log-normal sigma): one draw for the whole company, one per row.
NOISE_DAY = 0.04
NOISE_ROW = 0.07
NOISE_OUTPUT = 0.03

#: The nightly batch jobs, split over the projects that submit them (their weights in traffic.MIXES).
BATCH_PROJECTS = (("datahub", 82), ("helpdesk", 23))

#: OpenAI project ids and Anthropic workspace ids as the admin APIs report them. Real ids are
#: opaque (``proj_`` / ``wrkspc_`` and random characters) and a team would map them to the
#: names its request logs carry; Northwind's are those names, so ``--by meta:project`` and
#: the dashboard's project filter show one value per project across history and week.
PROJECT_ID = "{}"
WORKSPACE_ID = "{}"
ORGANIZATION_ID = "org-nwl4bs"

#: Model ids as the usage exports name them (dated where the provider reports a snapshot).
ANTHROPIC_IDS = {
    "claude-haiku-4-5": "claude-haiku-4-5-20251001",
    "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
    "claude-opus-4-7": "claude-opus-4-7",
    "claude-opus-4-1": "claude-opus-4-1-20250805",
}
#: The names the Anthropic cost report's descriptions use.
ANTHROPIC_NAMES = {
    "claude-haiku-4-5": "Claude Haiku 4.5",
    "claude-sonnet-4-5": "Claude Sonnet 4.5",
    "claude-opus-4-7": "Claude Opus 4.7",
    "claude-opus-4-1": "Claude Opus 4.1",
}

#: clausecheck's Opus traffic, from the older Opus to the newer one in the second half of July.
MIGRATION = Migration("clausecheck", "claude-opus-4-1", "claude-opus-4-7", date(2026, 7, 13), 14)
#: The negotiated discount on Anthropic's list prices.
DISCOUNT = Discount("anthropic", 12, date(2026, 9, 1))
#: The one-off re-embedding the Costs API bills and the completions usage does not show.
BACKFILL = Backfill(date(2026, 6, 17), "text-embedding-3-large", 310_000_000, 0.13)

#: List prices the providers bill, USD per million tokens, beside the week's (usage.PRICES):
#: OpenAI (input, cached input, output), Anthropic (input, cache read, output, 5m write, 1h write).
OLDER_PRICES: dict[str, tuple[float, ...]] = {"claude-opus-4-1": (15.00, 1.50, 75.00, 18.75, 30.00)}
#: OpenAI's Batch API: half the input and output price.
BATCH_FACTOR = 0.5

# The detailed week as spendscope ingests the default run, summed over its seven days:
# (project or "batch" or "claude_code", model, requests, uncached input, cache read,
# 5-minute cache writes, 1-hour cache writes, output) for Anthropic, where every LiteLLM,
# Langfuse, Messages and Claude Code call of a workspace lands in the usage report; and
# (project or "batch", model, requests, input incl. cached, cached, output) for OpenAI.
WEEK_VOLUMES_ANTHROPIC: tuple[tuple[str, str, int, int, int, int, int, int], ...] = (
    ("askme", "claude-haiku-4-5", 1085, 1601136, 239948, 42581, 0, 245768),
    ("askme", "claude-opus-4-7", 777, 7165802, 2562143, 963467, 0, 801976),
    ("askme", "claude-sonnet-4-5", 2175, 3404335, 1676636, 283022, 0, 1520074),
    ("claude_code", "claude-haiku-4-5", 546, 19078, 27861566, 632390, 412934, 183719),
    ("claude_code", "claude-opus-4-7", 1627, 62274, 81894501, 1920038, 1068815, 585956),
    ("claude_code", "claude-sonnet-4-5", 3827, 137068, 205058106, 5334067, 2278398, 1349271),
    ("clausecheck", "claude-haiku-4-5", 398, 483879, 1242954, 110839, 0, 59021),
    ("clausecheck", "claude-opus-4-7", 1190, 4583623, 6307453, 142755, 1168658, 706299),
    ("clausecheck", "claude-sonnet-4-5", 2047, 10528941, 12833004, 147798, 2942523, 1064669),
    ("datahub", "claude-haiku-4-5", 164, 186254, 0, 0, 0, 57716),
    ("datahub", "claude-opus-4-7", 102, 248099, 37708, 4878, 0, 87717),
    ("datahub", "claude-sonnet-4-5", 529, 1250750, 183132, 29714, 0, 389455),
    ("devtools", "claude-opus-4-7", 434, 2130148, 667871, 55771, 0, 630824),
    ("devtools", "claude-sonnet-4-5", 888, 945531, 708857, 93540, 0, 721232),
    ("helpdesk", "claude-haiku-4-5", 950, 793778, 2965688, 270069, 0, 134539),
    ("helpdesk", "claude-sonnet-4-5", 334, 676903, 345658, 35793, 0, 26737),
    ("opsagent", "claude-sonnet-4-5", 1420, 18314, 8761998, 0, 1602367, 313809),
    ("studio", "claude-haiku-4-5", 208, 29480, 379000, 20892, 0, 198368),
    ("studio", "claude-opus-4-7", 233, 32030, 201368, 261452, 0, 218669),
    ("studio", "claude-sonnet-4-5", 3001, 1097749, 5328928, 550805, 0, 1734891),
)
WEEK_VOLUMES_OPENAI: tuple[tuple[str, str, int, int, int, int], ...] = (
    ("askme", "gpt-4.1-mini", 523, 771642, 107264, 147481),
    ("askme", "gpt-4o", 2286, 4849197, 695296, 1043418),
    ("askme", "gpt-4o-mini", 1539, 3005340, 0, 346329),
    ("askme", "gpt-5-mini", 1209, 2027631, 107648, 1228718),
    ("askme", "o4-mini", 386, 99609, 0, 1673286),
    ("batch", "gpt-4.1-mini", 795, 2540994, 0, 163379),
    ("batch", "gpt-4o", 388, 1378163, 0, 88038),
    ("batch", "gpt-4o-mini", 2817, 9677156, 0, 662408),
    ("clausecheck", "gpt-4.1-mini", 251, 795629, 139648, 56340),
    ("clausecheck", "gpt-4o", 645, 6954687, 1205632, 357928),
    ("clausecheck", "gpt-4o-mini", 492, 692678, 82304, 64102),
    ("clausecheck", "gpt-5-mini", 165, 2047715, 417024, 293667),
    ("datahub", "gpt-4.1-mini", 1002, 1876875, 201216, 542945),
    ("datahub", "gpt-4o", 994, 2590150, 274944, 726407),
    ("datahub", "gpt-4o-mini", 1612, 2329603, 0, 553657),
    ("datahub", "gpt-5-mini", 550, 1017947, 65920, 588849),
    ("datahub", "o4-mini", 115, 263542, 110336, 322960),
    ("devtools", "gpt-4.1-mini", 488, 954685, 354816, 370026),
    ("devtools", "gpt-4o", 382, 772824, 271744, 328209),
    ("devtools", "gpt-5-mini", 202, 672034, 135296, 424617),
    ("devtools", "o4-mini", 378, 1123692, 240768, 918846),
    ("helpdesk", "gpt-4.1-mini", 1998, 5434699, 1044992, 204210),
    ("helpdesk", "gpt-4o", 2129, 3639444, 1697152, 236296),
    ("helpdesk", "gpt-4o-mini", 4113, 9938949, 1958016, 355144),
    ("helpdesk", "gpt-5-mini", 651, 1703732, 398336, 246785),
    ("opsagent", "gpt-4.1-mini", 195, 1281797, 782080, 43548),
    ("opsagent", "gpt-4o", 583, 3686433, 2484864, 121683),
    ("opsagent", "gpt-5-mini", 216, 1377778, 888832, 163314),
    ("studio", "gpt-4.1-mini", 198, 211589, 0, 83899),
    ("studio", "gpt-4o", 475, 450491, 0, 326810),
    ("studio", "gpt-4o-mini", 127, 138521, 0, 3663),
    ("studio", "gpt-5-mini", 161, 150930, 0, 132238),
)
