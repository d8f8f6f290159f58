"""The workspace's traffic priced as its providers bill it: the one place a workspace is priced.

Every reader of a workspace — ``report`` (``aggregate.spend_report``), the dashboard's tables
(``views/tables.py``), the simulator's cells (``simulate/session.py``), the spend alerts
(``quality/alerts.py``) and reconciliation — takes its priced frame from here, so they all sum
the same rollup cells (``rollup.py``) priced with the same ``prices.toml`` (overrides, discounts;
``plans`` ride along for the readers that count them), and a change to how a workspace is
priced is made once.

* ``rollup``: the rollup's cells, restricted to a period *before* pricing (so the stated
  assumptions are those of the period): with their category, summed over templates (the
  category cells: reports, the dashboard, alerts), or by template and not yet categorized
  (the simulator, the dashboard's templates table: they sum the cells to their own grain
  first and give the sums their category with ``Workspace.categorize`` — a category depends
  on template, model and metadata only — which reads each distinct metadata text once).
* ``rows``: raw stored rows, for what the rollup does not keep: the costs the logs stated
  themselves and the cache-TTL marks that reconciliation compares, per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import polars as pl

from analyzer.aggregate import filter_dates
from analyzer.pricing import catalog, cost
from analyzer.workspace import Workspace


def rollup(
    ws: Workspace,
    meta_keys: Iterable[str] = (),
    *,
    by_template: bool = False,
    since: date | None = None,
    until: date | None = None,
    prices_at: date | None = None,
) -> cost.Priced:
    """The rollup cells from ``since`` to ``until`` — categorized and summed over templates,
    or ``by_template`` as stored (``Workspace.traffic``) — priced on each cell's own day (or all
    on ``prices_at``) with the workspace's prices."""
    cells = ws.traffic(meta_keys) if by_template else ws.categorized(meta_keys)
    cells = filter_dates(cells, since, until)
    return cost.price(cells, prices_at=prices_at, resolve=ws.pricing().resolve)


def rows(
    ws: Workspace,
    *,
    since: date | None = None,
    until: date | None = None,
    adjust: Callable[[pl.LazyFrame], pl.LazyFrame] | None = None,
    list_prices: bool = False,
) -> cost.Priced:
    """The stored rows with their category from ``since`` to ``until``, ``adjust``-ed (e.g. a
    TTL assumed for unmarked cache writes) and priced with the workspace's prices; with
    ``list_prices``, also ``list_cost_usd`` at the catalog's (what a source that knows nothing
    of the workspace's ``prices.toml`` computes), when the two can differ."""
    frame = filter_dates(ws.requests(), since, until)
    frame = adjust(frame) if adjust else frame
    pricing = ws.pricing()
    if list_prices and pricing.resolve is not catalog.unit_prices:
        listed = cost.price(frame).frame
        frame = listed.rename({"cost_usd": "list_cost_usd"}).select(*frame.collect_schema().names(),
                                                                    "list_cost_usd")
    return cost.price(frame, resolve=pricing.resolve)
