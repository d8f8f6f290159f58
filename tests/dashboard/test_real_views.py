"""The pages over the real ``analyzer.views`` (no browser)."""

from __future__ import annotations

from typing import Any

import pytest

from dashboard.app import PAGES, create_app, render_page
from dashboard.pages import categories, data, monthly, overview, simulator
from tests.dashboard.test_pages import data_url
from tests.dashboard.conftest import log_lines

views_mod = pytest.importorskip("analyzer.views", reason="analyzer.views (the data layer) is not there yet")


@pytest.fixture
def state(workspace: Any) -> Any:
    return create_app(workspace).spendscope_state


def test_pages_render_over_real_views(state: Any) -> None:
    for path in PAGES:
        content, _ = render_page(state, path)
        assert content.children[0].children == PAGES[path][0], str(content)[:300]


def test_overview_then_upload_changes_kpis(state: Any) -> None:
    before = overview.compute(state.views, state.filters())
    assert before["kpi-requests"] == "48" and before["kpi-total-cost"].startswith("$")
    found = data.handle_upload(state, [data_url(log_lines(days=1, per_day=1, start="2026-10-20", prefix="n"))],
                               ["n.jsonl"])
    assert found["files"][0]["rows_ingested"] == 4
    after = overview.compute(state.views, state.filters())
    assert after["kpi-requests"] == "52"
    assert data.workspace_tables(state.views)


def test_simulator_categories_monthly_over_real_views(state: Any) -> None:
    got = simulator.render(simulator.run(state.views, simulator.build_policy(
        [{"category": "code_generation", "model": "gpt-5-nano", "share": 1, "batch": False}]), 0.9))
    assert got["scenario-savings"].startswith("$") and not got["scenario-savings"].startswith("$0.00")
    rows = categories.template_rows(state.views, None)
    assert rows and categories.template_table(rows)
    assert "Forecast for" in monthly.compute(state.views, "simple-to-budget", 100.0)["monthly-breach"][0]
