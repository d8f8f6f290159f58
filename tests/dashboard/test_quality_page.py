"""The Quality page, the alerts banner and the simulator's by-category table, without a browser:
the pages' plain functions over a workspace with known quality signals (``signal_logs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from analyzer.errors import ConfigError
from analyzer.ingest.pipeline import ingest
from analyzer.workspace import Workspace
from dashboard.app import BANNER_LIMIT, PAGES, create_app, render_page
from dashboard.pages import quality, simulator
from dashboard.state import State
from tests.dashboard.fakes import FakeViews, Filters, to_csv
from tests.dashboard.test_pages import _ids

GRAPHS = ["quality-by-day", "override-rate", "rates-by-model", "latency-by-model"]
USAGE_EXPORT = Path(__file__).resolve().parents[1] / "fixtures" / "logs" / "openai_usage" / "page.json"


@pytest.fixture
def real(signals_workspace: Workspace) -> State:
    return create_app(signals_workspace).spendscope_state


def _trace(fig: Any, name: str) -> Any:
    [found] = [t for t in fig.data if t.name == name]
    return found


def _find(component: Any, id: str) -> Any:
    stack = [component]
    while stack:
        c = stack.pop()
        if isinstance(c, list | tuple):
            stack.extend(c)
        elif c is not None and not isinstance(c, str | int | float):
            if getattr(c, "id", None) == id:
                return c
            stack.append(getattr(c, "children", None))
    return None


def _cells(div: Any) -> list[dict[str, Any]]:
    """A rendered ``state.table``'s body rows, by column label."""
    head, body = div.children.children
    labels = [th.children for th in head.children.children]
    return [dict(zip(labels, [td.children for td in tr.children], strict=True)) for tr in body.children]


# --------------------------------------------------------------------------- the Quality page
def test_quality_is_a_page_after_categories() -> None:
    assert list(PAGES)[:4] == ["/", "/data", "/categories", "/quality"]
    assert PAGES["/quality"] == ("Quality", quality)


def test_compute_on_a_workspace_with_known_signals(real: State) -> None:
    got = quality.compute(real.views)
    assert got["options"] == ["entity_extraction", "summarization", "translation"]
    assert got["selected"] == ["summarization", "translation", "entity_extraction"]  # all three: fewer than six

    by_day = got["quality-by-day"]
    assert [t.name for t in by_day.data] == ["entity_extraction", "summarization", "translation"]
    assert list(_trace(by_day, "summarization").y) == [0.7, 0.7]  # 2 errors and a thumbs down of 10, each day
    assert list(_trace(by_day, "translation").y) == [1.0, 1.0]  # overrides are not bad answers themselves
    extraction = _trace(by_day, "entity_extraction")
    assert extraction.y[0] is None and extraction.y[1] == pytest.approx(9 / 11)  # no traffic on day 1: a gap
    assert list(extraction.customdata[1]) == [2, 11]

    [bars] = got["override-rate"].data
    assert dict(zip(bars.y, bars.x, strict=True)) == {"translation": 0.075, "entity_extraction": 0.0,
                                                      "summarization": 0.0}
    assert got["override-rate"].layout.shapes[0].x0 == 0.05

    rates = got["rates-by-model"]
    models = list(rates.data[0].x)
    assert sorted(models) == ["gpt-4.1-mini", "gpt-4o", "gpt-4o-mini"]

    def rate(kind: str, model: str) -> float | None:
        return _trace(rates, kind).y[models.index(model)]

    assert rate("errors", "gpt-4o") == pytest.approx(0.2)
    assert rate("flagged", "gpt-4o") == 1.0 and rate("flagged", "gpt-4o-mini") is None  # no verdicts: a gap
    assert rate("truncated", "gpt-4.1-mini") == pytest.approx(2 / 11)
    assert rate("truncated", "gpt-4o") is None  # the generic log has no finish reason
    assert rate("retries", "gpt-4.1-mini") == pytest.approx(1 / 11)
    assert rate("overrides", "gpt-4o-mini") == pytest.approx(0.075)
    assert rate("malformed JSON", "gpt-4o") is None

    latency = got["latency-by-model"]
    p50 = dict(zip(latency.data[0].x, latency.data[0].y, strict=True))
    assert 0.8 <= p50["gpt-4o-mini"] <= 1.2 and 4.0 <= p50["gpt-4o"] <= 5.7  # seconds
    assert p50["gpt-4.1-mini"] is None  # OpenAI chat logs carry no latency


def test_layout_has_the_charts_the_picker_and_csv_buttons(real: State) -> None:
    page = quality.layout(real.views, real)
    ids = _ids(page)
    assert set(GRAPHS) | {f"{g}-csv" for g in GRAPHS} | {"quality-categories", "quality-msg"} <= ids
    picker = _find(page, "quality-categories")
    assert picker.multi is True and picker.value == ["summarization", "translation", "entity_extraction"]
    assert "spendscope quality" in str(page) and "spendscope alerts" in str(page)
    assert "not failed, cut short, filtered, malformed" in str(page)


def test_picking_categories_changes_the_lines_and_the_csv(real: State) -> None:
    fig = quality.compute(real.views, ["translation"])["quality-by-day"]
    assert [t.name for t in fig.data] == ["translation"]
    sent = quality.chart_csv(real, "quality-by-day", ["translation"])
    frame = pl.read_csv(sent["content"].encode())
    assert sent["filename"] == "quality_by_day.csv" and set(frame["category"]) == {"translation"}
    assert frame.columns == ["day", "category", "observed", "bad", "quality"]
    everything = pl.read_csv(quality.chart_csv(real, "quality-by-day", [])["content"].encode())  # none: the default
    assert set(everything["category"]) == {"translation", "summarization", "entity_extraction"}


def test_every_chart_downloads_its_frame(real: State) -> None:
    for graph_id, (_, _, filename) in quality.CHARTS.items():
        sent = quality.chart_csv(real, graph_id)
        assert sent["filename"] == filename and sent["content"].strip()
    overrides = pl.read_csv(quality.chart_csv(real, "override-rate")["content"].encode())
    assert overrides.row(0) == ("translation", 80, 6, 0.075)
    models = pl.read_csv(quality.chart_csv(real, "latency-by-model")["content"].encode())
    assert {"latency_p50_ms", "latency_p95_ms", "error_rate"} <= set(models.columns)


def test_an_empty_workspace_says_no_requests_yet(workspace: Workspace) -> None:
    page = quality.layout(FakeViews(workspace, empty=True))
    assert "holds no requests yet" in str(page)
    assert not set(GRAPHS) & _ids(page)


def test_rows_ingested_without_signals_say_so_instead_of_empty_charts(tmp_path: Path) -> None:
    """A usage export counts requests without logging each: nothing observed, like the rows
    of a workspace ingested before the signals existed."""
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([USAGE_EXPORT], known_templates=ws.template_ids()))
    state = create_app(ws).spendscope_state
    assert not state.views.is_empty() and not quality.has_signals(state.views)
    content, _ = render_page(state, "/quality")
    assert "No quality signals in these logs" in str(content) and "quality-no-signals" in _ids(content)
    assert not set(GRAPHS) & _ids(content)
    assert "alerts-banner" not in _ids(content)


# --------------------------------------------------------------------------- the alerts banner
def test_the_banner_is_on_every_page_when_an_alert_fires(real: State) -> None:
    for path in PAGES:
        content, _ = render_page(real, path)
        banner = _find(content, "alerts-banner")
        assert banner is not None, path
        assert banner.className == "alert alert-warning" and banner.role == "alert"
        text = str(banner)
        assert "translation: 7.5% of requests were overrides (6 of 80)" in text
        assert "href='/quality'" in text
        assert content.children[1].children[0].children == PAGES[path][0]  # the page under it


def test_no_banner_when_no_alert_fires(workspace: Workspace) -> None:
    state = create_app(workspace).spendscope_state  # steady traffic, no quality issue
    assert state.views.alerts() == []
    for path in PAGES:
        content, _ = render_page(state, path)
        assert "alerts-banner" not in _ids(content), path


def test_the_banner_lists_five_alerts_then_counts_the_rest(workspace: Workspace) -> None:
    fired = [{"kind": "spend_spike", "subject": f"model m{i}", "message": f"<b>spike {i}</b>", "counts": {}}
             for i in range(BANNER_LIMIT + 2)]
    state = State(views=FakeViews(workspace, alerts=fired), workspace=workspace, filters_cls=Filters, to_csv=to_csv)
    content, _ = render_page(state, "/")
    banner = _find(content, "alerts-banner")
    items = [li.children for li in banner.children[1].children]
    assert items == [f"<b>spike {i}</b>" for i in range(BANNER_LIMIT)] + ["and 2 more"]  # plain text: React escapes it
    assert banner.children[0].children == f"{BANNER_LIMIT + 2} alerts"


def test_a_failing_alert_check_does_not_hide_the_page(workspace: Workspace) -> None:
    class Broken(FakeViews):
        def alerts(self) -> list[dict[str, Any]]:
            raise ConfigError("feedback.csv line 3: flag must be 1/0")

    state = State(views=Broken(workspace), workspace=workspace, filters_cls=Filters, to_csv=to_csv)
    content, _ = render_page(state, "/")
    error, page = content.children
    assert "feedback.csv line 3" in error.children and "alert-error" in error.className
    assert page.children[0].children == "Overview"


# --------------------------------------------------------------------------- simulator table
REPORT_ROW = {"category": "summarization", "requests": 3162.0, "baseline_usd": 47.22, "scenario_usd": 1.9,
              "quality_baseline": 0.897, "quality_scenario": 0.88, "quality_evidence_share": 0.25,
              "quality_scenario_range": [0.78, 0.95], "retry_usd": -0.083,
              "latency_p50_ms_baseline": 1930.7, "latency_p95_ms_baseline": 5653.4,
              "latency_p50_ms_scenario": None, "latency_p95_ms_scenario": None}


def test_scenario_table_rows() -> None:
    [row] = simulator.category_rows([REPORT_ROW])
    assert row["quality"] == "89.7% → 88.0%"
    assert row["latency_p50"] == "1.9 s → –" and row["latency_p95"] == "5.7 s → –"  # no latency logged for it
    [cells] = _cells(simulator.scenario_table([REPORT_ROW]))
    assert cells == {"category": "summarization", "requests": "3,162", "baseline": "$47.22", "scenario": "$1.90",
                     "quality before → after": "89.7% → 88.0%", "evidence": "25.0%", "retries": "-$0.08",
                     "latency p50 before → after": "1.9 s → –", "latency p95 before → after": "5.7 s → –"}
    unknown = simulator.category_rows([{**REPORT_ROW, "quality_baseline": None, "latency_p50_ms_baseline": None}])[0]
    assert unknown["quality"] == "- → 88.0%" and unknown["latency_p50"] == "– → –"


def test_scenario_table_over_a_real_scenario_and_its_csv(real: State) -> None:
    content = simulator.build_policy([{"category": "summarization", "model": "gpt-4o-mini", "share": 1,
                                       "batch": False}])
    got = simulator.render(simulator.run(real.views, content, 0.9))
    rows = {r["category"]: r for r in _cells(got["scenario-table"])}
    assert set(rows) == {"translation", "summarization", "entity_extraction"}
    summ = rows["summarization"]
    assert summ["requests"] == "20" and summ["baseline"].startswith("$") and summ["evidence"].endswith("%")
    before, after = summ["latency p50 before → after"].split(" → ")
    assert before.endswith(" s") and after.endswith(" s") and before != after  # gpt-4o's latency → gpt-4o-mini's
    assert rows["entity_extraction"]["latency p50 before → after"] == "– → –"  # no latency in its logs
    sent = simulator.download(real, "scenario-chart-csv", content, 0.9)
    frame = pl.read_csv(sent["content"].encode())
    assert {"retry_usd", "quality_evidence_share", "latency_p50_ms_baseline", "latency_p95_ms_scenario",
            "quality_scenario_range"} <= set(frame.columns)
    assert all(";" in v for v in frame["quality_scenario_range"].drop_nulls())  # a list stays one CSV cell
    assert frame.height == 3


def test_the_callbacks_write_the_new_outputs(real: State, signals_workspace: Workspace) -> None:
    app = create_app(signals_workspace)
    outputs = " ".join(app.callback_map)
    assert "scenario-table.children" in outputs
    assert "quality-by-day.figure" in outputs and "quality-download.data" in outputs
    assert "scenario-table" in simulator.OUTS and "scenario-table" not in simulator.FIGURES
