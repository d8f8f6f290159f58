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

    def cells(div: Any) -> list[dict[str, Any]]:  # a rendered table's body rows, by column label
        head, body = div.children.children
        labels = [th.children for th in head.children.children]
        return [dict(zip(labels, [td.children for td in tr.children])) for tr in body.children]

    files, unpriced, coverage = data.workspace_tables(state.views)  # the tables after the upload
    listed = cells(files)
    assert len(listed) == 2  # the first file, then the upload
    assert listed[0]["path"].endswith("/usage.jsonl") and listed[1]["path"].endswith("-n.jsonl")
    assert [r["rows ingested"] for r in listed] == ["48", "4"]
    assert "Every request has a price." in str(unpriced)
    assert [(r["requests"], r["share"]) for r in cells(coverage)] == [("52", "100.0%")]


def test_simulator_categories_monthly_over_real_views(state: Any) -> None:
    got = simulator.render(simulator.run(state.views, simulator.build_policy(
        [{"category": "code_generation", "model": "gpt-5-nano", "share": 1, "batch": False}]), 0.9))
    assert got["scenario-savings"].startswith("$") and not got["scenario-savings"].startswith("$0.00")
    rows = categories.template_rows(state.views, None)
    assert sorted(r["category"] for r in rows) == ["code_generation", "sentiment_analysis", "summarization",
                                                    "translation"]
    assert sum(r["requests"] for r in rows) == 48
    rendered = str(categories.template_table(rows))
    assert "No prompt templates recorded" not in rendered
    for r in rows:  # each template's id, sample and category in the table
        assert r["template_id"] in rendered and r["sample"] in rendered and r["category"] in rendered
    assert "Forecast for" in monthly.compute(state.views, "simple-to-budget", 100.0)["monthly-breach"][0]
