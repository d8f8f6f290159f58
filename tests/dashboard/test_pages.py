"""The pages' plain functions and the error boundary, without a browser."""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from dash import no_update

from analyzer.errors import ConfigError
from analyzer.simulate import policy as policy_mod
from dashboard.app import PAGES, add_basic_auth, create_app, render_page
from dashboard.pages import categories, data, monthly, overview, simulator
from dashboard.state import State, guarded, money
from tests.dashboard.conftest import log_lines
from tests.dashboard.fakes import FakeViews, Filters, to_csv


@pytest.fixture
def state(workspace: Any) -> State:
    return State(views=FakeViews(workspace), workspace=workspace, filters_cls=Filters, to_csv=to_csv)


def data_url(text: str | bytes, mime: str = "application/json") -> str:
    raw = text.encode() if isinstance(text, str) else text
    return f"data:{mime};base64," + base64.b64encode(raw).decode()


# --------------------------------------------------------------------------- shared
def test_money_format() -> None:
    assert money(33000) == "$33,000.00"
    assert money(-12) == "-$12.00"
    assert money(0.004) == "$0.00"


def test_filters_from_callback_values(state: State) -> None:
    f = state.filters("2026-10-05", "2026-10-07T00:00:00", ["openai"], "team", ["core"])
    assert f == Filters(date(2026, 10, 5), date(2026, 10, 7), ("openai",), "team", ("core",))
    assert state.filters(None, "", None, None, ["x"]) == Filters()  # values without a key are dropped


def test_guarded_turns_analyzer_errors_into_a_message(state: State) -> None:
    @guarded(state, 3)
    def boom() -> tuple[Any, ...]:
        raise ConfigError("bad value")

    a, b, msg = boom()
    assert a is no_update and b is no_update
    assert msg.children == "bad value" and "alert-error" in msg.className

    @guarded(state, 1)
    def fine() -> str:
        return "ok"

    assert fine() == "ok"


def test_every_page_renders(state: State) -> None:
    for path in PAGES:
        content, nav = render_page(state, path)
        assert content.children[0].children == PAGES[path][0]
        assert [n.className for n in nav].count("nav-link active") == 1
    content, _ = render_page(state, "/nope")
    assert content.children[0].children == "Not found"


def _ids(component: Any) -> set[str]:
    found = set()
    stack = [component]
    while stack:
        c = stack.pop()
        if c is None or isinstance(c, str | int | float):
            continue
        if isinstance(c, list | tuple):
            stack.extend(c)
            continue
        if isinstance(getattr(c, "id", None), str):
            found.add(c.id)
        stack.append(getattr(c, "children", None))
    return found


def test_contract_ids_are_on_their_pages(state: State) -> None:
    wanted = {"/": {"kpi-total-cost", "kpi-requests", "kpi-monthly-projection", "cost-by-model",
                    "requests-by-model", "cost-by-category"},
              "/data": {"upload", "ingest-summary", "rejections"},
              "/quality": {"quality-by-day", "quality-categories", "override-rate", "rates-by-model",
                           "latency-by-model"},
              "/simulator": {"scenario-cost", "scenario-savings", "scenario-chart", "scenario-table"},
              "/monthly": {"monthly-spend"}}
    for path, ids in wanted.items():
        content, _ = render_page(state, path)
        assert ids <= _ids(content), path


def test_create_app_with_injected_views(workspace: Any) -> None:
    app = create_app(workspace, views=FakeViews(workspace), filters_cls=Filters, to_csv=to_csv)
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/_dash-layout").status_code == 200


def test_basic_auth(workspace: Any) -> None:
    app = create_app(workspace, views=FakeViews(workspace), filters_cls=Filters, to_csv=to_csv, auth=("ann", "s3cret"))
    client = app.server.test_client()
    assert client.get("/").status_code == 401
    assert "Basic" in client.get("/").headers["WWW-Authenticate"]
    bad = base64.b64encode(b"ann:nope").decode()
    assert client.get("/", headers={"Authorization": f"Basic {bad}"}).status_code == 401
    good = base64.b64encode(b"ann:s3cret").decode()
    assert client.get("/", headers={"Authorization": f"Basic {good}"}).status_code == 200
    # add_basic_auth on its own (exported for the CLI): an app made without auth asks for
    # a password once it is added (an app without it answers 200: test_create_app_with_injected_views)
    other = create_app(workspace, views=FakeViews(workspace), filters_cls=Filters, to_csv=to_csv)
    add_basic_auth(other, "bob", "pa:ss")
    client = other.server.test_client()
    assert client.get("/").status_code == 401
    assert client.get("/_dash-layout").status_code == 401  # every route, not only the page
    assert client.get("/", headers={"Authorization": f"Basic {good}"}).status_code == 401  # ann's: not here
    bob = base64.b64encode(b"bob:pa:ss").decode()
    assert client.get("/", headers={"Authorization": f"Bearer {bob}"}).status_code == 401
    assert client.get("/", headers={"Authorization": f"Basic {bob}"}).status_code == 200
    assert client.get("/_dash-layout", headers={"Authorization": f"basic {bob}"}).status_code == 200


# --------------------------------------------------------------------------- overview
def test_overview_compute(state: State) -> None:
    got = overview.compute(state.views, state.filters())
    assert got["kpi-total-cost"] == "$33,000.00"
    assert got["kpi-requests"] == "1,234"
    assert got["kpi-tokens"] == "99,999"
    assert got["kpi-monthly-projection"] == "$330,000.00"
    assert {"cost-by-model", "requests-by-model", "cost-by-category"} <= set(got)
    filtered = overview.compute(state.views, state.filters(providers=["openai"]))
    assert filtered["kpi-total-cost"] == "$16,500.00"
    assert state.views.calls[-1] == ("kpis", Filters(providers=("openai",)))


class MarkupViews(FakeViews):
    """Model and category names that carry markup."""

    def cost_by_model_day(self, f: Filters) -> Any:
        import polars as pl

        return pl.DataFrame({"day": [date(2026, 10, 5)], "model": ["<b>x</b>"], "cost_usd": [1.0]})

    def requests_by_model(self, f: Filters) -> Any:
        import polars as pl

        return pl.DataFrame({"model": ['<a href="https://e.example">y</a>'], "requests": [10]})

    def cost_by_category(self, f: Filters) -> Any:
        import polars as pl

        return pl.DataFrame({"category": ["<i>c</i>"], "cost_usd": [4.0], "requests": [8]})


def test_overview_figures_escape_markup_from_data(workspace: Any) -> None:
    got = overview.compute(MarkupViews(workspace), Filters())
    text = json.dumps([got[g].to_plotly_json()["data"] for g in overview.CHARTS], default=str)
    assert "<b>" not in text and "<a" not in text and "<i>" not in text
    assert "&lt;b&gt;x&lt;/b&gt;" in text and "&lt;a href" in text and "&lt;i&gt;c&lt;/i&gt;" in text


def test_overview_meta_values_and_csv(state: State) -> None:
    assert overview.meta_value_options(state.views, "team") == ["core", "web"]
    assert overview.meta_value_options(state.views, None) == []
    sent = overview.chart_csv(state, "requests-by-model", state.filters())
    assert sent["filename"] == "requests_by_model.csv" and sent["content"].startswith("model,requests")


# --------------------------------------------------------------------------- data
@pytest.mark.parametrize(("name", "expected"), [
    ("usage.jsonl", "usage.jsonl"), ("../../etc/passwd", "passwd"), ("C:\\logs\\my log.csv", "my_log.csv"),
    ("..", "upload"), ("", "upload"), (".hidden.jsonl", "hidden.jsonl"), ("a/b/<script>.jsonl", "_script_.jsonl"),
])
def test_safe_name(name: str, expected: str) -> None:
    assert data.safe_name(name) == expected


def test_save_uploads_stays_inside_the_workspace(tmp_path: Path) -> None:
    saved, refused = data.save_uploads(tmp_path, [data_url("x"), data_url("y")], ["../../a.jsonl", "/etc/b.csv"],
                                       now=datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert refused == []
    folder = (tmp_path / "uploads").resolve()
    assert all(p.parent == folder for p in saved)
    assert sorted(p.name for p in saved) == ["20260102T030405000000-0-a.jsonl", "20260102T030405000000-1-b.csv"]
    assert sorted(saved.values()) == ["../../a.jsonl", "/etc/b.csv"]
    assert sorted(p.read_text() for p in saved) == ["x", "y"]


def test_save_uploads_refuses_big_files_with_a_cli_hint(tmp_path: Path) -> None:
    saved, refused = data.save_uploads(tmp_path, [data_url("x" * 2000)], ["big.jsonl"], limit=1000)
    assert saved == {}
    assert "big.jsonl" in refused[0] and "spendscope ingest" in refused[0]


def test_handle_upload_ingests_into_the_workspace(state: State) -> None:
    before = state.workspace.requests().select("request_id").collect().height
    found = data.handle_upload(state, [data_url(log_lines(days=1, per_day=1, start="2026-10-20", prefix="u"))],
                               ["new.jsonl"])
    assert found["errors"] == [] and found["refused"] == []
    assert found["files"][0]["file"] == "new.jsonl" and found["files"][0]["rows_ingested"] == 4
    assert state.workspace.requests().select("request_id").collect().height == before + 4
    assert state.views.refreshed == 1
    summary, rejections = data.render_summary(found)
    assert "Ingested 4 rows" in str(summary)


def test_handle_upload_reports_rejections_and_unknown_formats(state: State) -> None:
    bad = ('{"timestamp":"2026-10-21T09:00:00Z","model":"gpt-4o-mini","input_tokens":100,"output_tokens":10}\n'
           '{"timestamp":"2026-10-21T09:01:00Z","model":"gpt-4o-mini","input_tokens":{"n":1},"output_tokens":10}\n')
    found = data.handle_upload(state, [data_url(bad), data_url("just some text\n", "text/plain")],
                               ["bad.jsonl", "notes.txt"])
    assert [f["file"] for f in found["files"]] == ["bad.jsonl"]
    assert found["rejections"] and found["rejections"][0]["file"] == "bad.jsonl"
    assert found["rejections"][0]["line"] == 2
    assert len(found["errors"]) == 1 and found["errors"][0].startswith("notes.txt: ")
    summary, rejections = data.render_summary(found)
    assert "alert-error" in str(summary) and "bad.jsonl" in str(rejections)


def test_workspace_tables(state: State) -> None:
    files, unpriced, coverage = data.workspace_tables(state.views)
    assert "mystery-1" in str(unpriced) and "66.7%" in str(coverage) and "usage.jsonl" in str(files)


# --------------------------------------------------------------------------- categories
def test_categories_tables_escape_and_relabel(state: State) -> None:
    rows = categories.template_rows(state.views, "translation")
    assert [r["template_id"] for r in rows] == ["t1"]
    rendered = categories.template_table(rows)
    assert "<b>Translate</b> this" in str(rendered)  # a plain string child: React escapes it
    assert "dangerously" not in str(rendered)
    msg = categories.relabel(state.views, "t1", "summarization")
    assert state.views.labels == {"t1": "summarization"} and "8 requests" in msg
    with pytest.raises(ConfigError):
        categories.relabel(state.views, "t1", "no-such-category")
    with pytest.raises(ConfigError):
        categories.relabel(state.views, None, "chat")


# --------------------------------------------------------------------------- simulator
def test_build_policy_from_rows() -> None:
    rows = [{"category": "translation", "model": "gpt-5-nano", "share": 0.5, "batch": False},
            {"category": "chat", "model": "", "share": 1, "batch": True},
            {"category": "summarization", "model": "gpt-5-nano", "share": 0, "batch": False},
            {"category": "reasoning", "model": "", "share": 1, "batch": False}]
    content = simulator.build_policy(rows, keep_cache=True, output_factor=1.2)
    assert content["routes"] == [
        {"match": {"category": "translation"}, "to": [{"model": "gpt-5-nano", "share": 0.5}]},
        {"match": {"category": "chat"}, "to": [], "batch": True},
    ]
    assert content["keep_cache"] is True and content["output_factor"] == 1.2
    policy_mod.from_dict(content)  # valid


def test_build_policy_rows_come_before_the_preset() -> None:
    preset = next(iter(policy_mod.presets()))
    content = simulator.build_policy([{"category": "chat", "model": "gpt-5-nano", "share": 1, "batch": False}],
                                     preset=preset)
    assert content["routes"][0]["match"] == {"category": "chat"}
    assert len(content["routes"]) == 1 + len(simulator.preset_source(preset).get("routes", []))
    policy_mod.from_dict(content)
    with pytest.raises(ConfigError):
        simulator.preset_source("no-such-preset")


def test_run_and_render_a_scenario(state: State) -> None:
    keep = simulator.render(simulator.run(state.views, simulator.build_policy([]), 0.9))
    assert keep["scenario-savings"] == "$0.00 (0.0%)"
    assert keep["scenario-cost"] == keep["scenario-baseline"]
    cheaper = simulator.build_policy([{"category": "code_generation", "model": "gpt-5-nano", "share": 1,
                                       "batch": False}])
    got = simulator.render(simulator.run(state.views, cheaper, 0.9))
    assert got["scenario-cost"].startswith("$") and got["scenario-savings"].startswith("$")
    assert got["scenario-savings"] != keep["scenario-savings"]
    assert "%" in got["scenario-savings"] and "per 30-day month" in got["sim-monthly"]
    assert {t.name for t in got["scenario-chart"].data} == {"baseline", "scenario"}


def test_candidates_are_families_of_present_providers_plus_current(state: State) -> None:
    found = simulator.candidates(state.views, ["gpt-4o", "claude-sonnet-4-5"])
    assert "gpt-5-nano" in found and "claude-haiku-4-5" in found and "gpt-4o" in found
    assert not any(m.startswith("gemini") for m in found)  # google has no traffic here


def test_save_and_compare_scenarios(state: State) -> None:
    root = Path(state.workspace.root)
    content = simulator.build_policy([{"category": "translation", "model": "gpt-5-nano", "share": 1, "batch": False}])
    saved = simulator.save_scenario(root, "cheap", content)
    simulator.save_scenario(root, "same", simulator.build_policy([]))
    assert set(saved) == {"cheap"}
    on_disk = json.loads((root / simulator.SCENARIOS).read_text())
    assert set(on_disk) == {"cheap", "same"} and on_disk["cheap"]["name"] == "cheap"
    rows = simulator.compare(state.views, simulator.load_saved(root), ["cheap", "same", "gone"], 0.9)
    assert [r["scenario"] for r in rows] == ["cheap", "same"]
    assert rows[1]["savings"] == "$0.00 (0.0%)"
    with pytest.raises(ConfigError):
        simulator.save_scenario(root, "  ", content)
    with pytest.raises(ConfigError):
        simulator.save_scenario(root, "x", {"routes": [{"to": [{"model": "no-such-model"}]}]})


def test_policy_download_and_csv(state: State) -> None:
    content = simulator.build_policy([{"category": "translation", "model": "gpt-5-nano", "share": 1, "batch": False}])
    sent = simulator.download(state, "sim-policy-btn", content, None)
    assert sent["filename"] == "policy.json" and json.loads(sent["content"]) == content
    csv = simulator.download(state, "scenario-chart-csv", content, 0.9)
    assert csv["filename"] == "scenario_by_category.csv" and csv["content"].startswith("category,")
    by_model = simulator.download(state, "scenario-by-model-csv", content, 0.9)
    assert by_model["content"].startswith("model,")


def test_floor_must_be_a_rate() -> None:
    assert simulator._floor(None) is None and simulator._floor("0.8") == 0.8
    with pytest.raises(ConfigError):
        simulator._floor(5)


# --------------------------------------------------------------------------- monthly
def test_monthly_forecast_with_a_preset_and_budget(state: State) -> None:
    preset = "simple-to-budget"
    got = monthly.compute(state.views, preset, 0.01)
    text = got["monthly-breach"][0]
    assert "Forecast for" in text and "current mix $" in text and preset in text
    assert "exceeded on 20" in text  # a one-cent budget is exceeded on the first day
    names = [t.name for t in got["monthly-spend"].data]
    assert "forecast: current mix" in names and f"forecast: scenario: {preset}" in names
    plain = monthly.compute(state.views, "", None)
    assert "Budget" not in plain["monthly-breach"][0]
    with pytest.raises(ConfigError):
        monthly._budget(-1)


def test_tokenizer_switch_sets_neutral_token_factors() -> None:
    on = simulator.build_policy([], tokenizer=True)
    off = simulator.build_policy([], tokenizer=False)
    assert "token_factors" not in on
    assert off["token_factors"] == {"openai": 1.0, "anthropic": 1.0, "google": 1.0}
    policy_mod.from_dict(off, "dashboard")  # a valid policy file


def test_downloads_quote_formula_cells() -> None:
    from analyzer.views import to_csv as views_csv
    from dashboard.state import rows_csv

    import polars as pl

    sent = pl.read_csv(rows_csv([{"model": "=HYPERLINK(\"https://e.example\")", "cost": -1.5}]).encode())
    assert sent.row(0) == ("'=HYPERLINK(\"https://e.example\")", -1.5)  # quoted text, the number kept
    assert views_csv(pl.DataFrame({"model": ["@SUM(A1)", "gpt-4o"]})).splitlines()[1:] == ["'@SUM(A1)", "gpt-4o"]
