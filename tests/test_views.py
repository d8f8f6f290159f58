"""The dashboard's data layer: hand-computed figures from a small workspace."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.errors import ConfigError
from analyzer.ingest.pipeline import ingest
from analyzer.views import Filters, Views, to_csv
from analyzer.workspace import Workspace

from .test_workspace import write

MINI_IN, MINI_OUT = 0.15, 0.60  # gpt-4o-mini, USD per million tokens
HAIKU_IN, HAIKU_OUT = 1.0, 5.0  # claude-haiku-4-5


def line(i: int, ts: str, model: str, text: str, prompt: int, completion: int,
         meta: dict[str, str] | None = None) -> str:
    request: dict = {"model": model, "messages": [{"role": "user", "content": text}]}
    if meta:
        request["metadata"] = meta
    return json.dumps({
        "timestamp": ts, "request": request,
        "response": {"id": f"chatcmpl-{i}", "object": "chat.completion", "model": model,
                     "usage": {"prompt_tokens": prompt, "completion_tokens": completion}},
    })


TRANSLATE = "Translate to French: good morning"
SUMMARIZE = "Summarize the meeting notes below in three bullet points"
SEARCH, CHAT = {"project": "search"}, {"project": "chat"}
LINES = [
    line(1, "2026-09-30T23:00:00Z", "gpt-4o-mini", TRANSLATE, 1000, 100, SEARCH),
    line(2, "2026-10-01T10:00:00Z", "gpt-4o-mini", TRANSLATE, 1000, 100, SEARCH),
    line(3, "2026-10-01T11:00:00Z", "gpt-4o-mini", SUMMARIZE, 2000, 200, CHAT),
    line(4, "2026-10-03T09:00:00Z", "claude-haiku-4-5", SUMMARIZE, 1000, 100, SEARCH),
    line(5, "2026-10-03T09:30:00Z", "acme-secret-llm", TRANSLATE, 500, 50),  # no price
]


def mini(prompt: int, completion: int) -> float:
    return (prompt * MINI_IN + completion * MINI_OUT) / 1e6


def haiku(prompt: int, completion: int) -> float:
    return (prompt * HAIKU_IN + completion * HAIKU_OUT) / 1e6


COST = {1: mini(1000, 100), 2: mini(1000, 100), 3: mini(2000, 200), 4: haiku(1000, 100)}
TOTAL = sum(COST.values())


@pytest.fixture
def views(tmp_path: Path) -> Views:
    ws = Workspace(tmp_path / "ws")
    ws.add(ingest([write(tmp_path / "a.jsonl", LINES)]))
    return Views(ws)


def test_kpis_everything(views: Views) -> None:
    k = views.kpis(Filters())
    assert k["total_cost_usd"] == pytest.approx(TOTAL, rel=1e-12)
    assert k["requests"] == 5 and k["unpriced_requests"] == 1
    assert k["tokens"] == 1000 + 1000 + 2000 + 1000 + 500 + 100 + 100 + 200 + 100 + 50
    assert k["days"] == 4  # 2026-09-30 .. 2026-10-03
    assert k["monthly_projection_usd"] == pytest.approx(TOTAL / 4 * 30, rel=1e-12)
    assert k["avg_cost_per_request_usd"] == pytest.approx(TOTAL / 4, rel=1e-12)  # priced ones


def test_kpis_filtered(views: Views) -> None:
    october = views.kpis(Filters(start=date(2026, 10, 1), end=date(2026, 10, 2)))
    assert october["total_cost_usd"] == pytest.approx(COST[2] + COST[3], rel=1e-12)
    assert (october["requests"], october["days"]) == (2, 2)
    assert october["monthly_projection_usd"] == pytest.approx((COST[2] + COST[3]) / 2 * 30)
    openai = views.kpis(Filters(providers=("openai",)))
    assert openai["total_cost_usd"] == pytest.approx(COST[1] + COST[2] + COST[3], rel=1e-12)
    assert (openai["requests"], openai["unpriced_requests"], openai["days"]) == (3, 0, 4)
    search = views.kpis(Filters(meta_key="project", meta_values=("search",)))
    assert search["total_cost_usd"] == pytest.approx(COST[1] + COST[2] + COST[4], rel=1e-12)
    assert search["requests"] == 3
    none = views.kpis(Filters(meta_key="project", meta_values=("(none)",)))
    assert (none["requests"], none["unpriced_requests"], none["total_cost_usd"]) == (1, 1, 0.0)
    both = views.kpis(Filters(start=date(2026, 10, 3), providers=("anthropic",),
                              meta_key="project", meta_values=("search",)))
    assert both["total_cost_usd"] == pytest.approx(COST[4], rel=1e-12)
    assert both["days"] == 1


def test_filter_errors_and_options(views: Views) -> None:
    with pytest.raises(ConfigError, match="metadata key 'team'"):
        views.kpis(Filters(meta_key="team", meta_values=("x",)))
    with pytest.raises(ConfigError, match="after end date"):
        views.kpis(Filters(start=date(2026, 10, 3), end=date(2026, 10, 1)))
    options = views.filter_options()
    assert (options["start"], options["end"]) == (date(2026, 9, 30), date(2026, 10, 3))
    assert options["providers"] == ["openai", "anthropic", "unknown"]
    assert options["meta_keys"] == ["project"]
    assert options["meta_values"] == {"project": ["search", "(none)", "chat"]}


def test_charts_add_up_to_the_kpis(views: Views) -> None:
    f = Filters()
    by_day = views.cost_by_model_day(f)
    assert by_day.columns == ["day", "model", "cost_usd"] and by_day.schema["day"] == pl.Date
    assert by_day["cost_usd"].sum() == pytest.approx(TOTAL, rel=1e-12)
    assert views.requests_by_model(f).rows() == [
        ("gpt-4o-mini", 3), ("acme-secret-llm", 1), ("claude-haiku-4-5", 1)]
    by_cat = views.cost_by_category(f)
    assert by_cat.columns == ["category", "cost_usd", "requests"]
    assert by_cat["cost_usd"].sum() == pytest.approx(TOTAL, rel=1e-12)
    daily = views.daily_cost(f)
    assert daily["day"].to_list() == [date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 2),
                                      date(2026, 10, 3)]
    assert daily["cost_usd"].to_list() == pytest.approx([COST[1], COST[2] + COST[3], 0.0, COST[4]])
    assert views.unpriced_models().rows() == [("unknown", "acme-secret-llm", 1)]


def test_monthly_actual_and_projected(views: Views) -> None:
    m = views.monthly()
    actual = {(r["month"], r["model"]): r["cost_usd"] for r in m.iter_rows(named=True)
              if r["kind"] == "actual"}
    projected = {r["model"]: r["cost_usd"] for r in m.iter_rows(named=True)
                 if r["kind"] == "projected"}
    assert actual == pytest.approx({
        ("2026-09", "gpt-4o-mini"): COST[1], ("2026-10", "gpt-4o-mini"): COST[2] + COST[3],
        ("2026-10", "claude-haiku-4-5"): COST[4], ("2026-10", "acme-secret-llm"): 0.0})
    # October observed 1..3: three days of a 31-day month; September is complete (ends there).
    # projected = the rest of the month: spend × 31 / 3 − spend
    assert projected == pytest.approx({"gpt-4o-mini": (COST[2] + COST[3]) * (31 / 3 - 1),
                                       "claude-haiku-4-5": COST[4] * (31 / 3 - 1),
                                       "acme-secret-llm": 0.0})
    thirty = views.monthly(month_days=30).filter(pl.col("kind") == "projected")
    assert dict(thirty.select("model", "cost_usd").iter_rows())["gpt-4o-mini"] == pytest.approx(
        (COST[2] + COST[3]) * (30 / 3 - 1))


def test_categories_templates_and_relabel_round_trip(views: Views) -> None:
    coverage = views.classification_coverage()
    assert coverage["share"].sum() == pytest.approx(1.0)
    assert coverage["requests"].sum() == 5
    templates = views.top_templates()
    assert templates.columns[:7] == ["template_id", "sample", "category", "category_source",
                                     "category_confidence", "requests", "cost_usd"]
    assert sorted(templates["requests"].to_list()) == [2, 3]
    summarize = templates.filter(pl.col("sample").str.contains("Summarize")).row(0, named=True)
    assert summarize["cost_usd"] == pytest.approx(COST[3] + COST[4], rel=1e-12)
    assert summarize["top_models"] == "claude-haiku-4-5 50%, gpt-4o-mini 50%"

    covered = views.relabel(summarize["template_id"], "legal_analysis")
    assert covered == 2
    cats = views.categories()
    legal = cats.filter(pl.col("category") == "legal_analysis").row(0, named=True)
    assert (legal["requests"], legal["avg_confidence"]) == (2, 1.0)
    assert legal["cost_usd"] == pytest.approx(COST[3] + COST[4], rel=1e-12)
    assert legal["top_models"] == "claude-haiku-4-5 50%, gpt-4o-mini 50%"
    assert views.top_templates("legal_analysis")["template_id"].to_list() == [
        summarize["template_id"]]
    assert "relabel" in views.classification_coverage()["category_source"].to_list()
    # persisted: a fresh Views over the same folder sees it
    again = Views(views.ws)
    assert again.cost_by_category(Filters()).filter(
        pl.col("category") == "legal_analysis")["requests"].to_list() == [2]
    with pytest.raises(ConfigError, match="unknown category"):
        views.relabel(summarize["template_id"], "poetry")


def test_files_csv_and_empty_workspace(views: Views, tmp_path: Path) -> None:
    [f] = views.files()
    assert f["path"].endswith("a.jsonl") and f["rows_ingested"] == 5 and f["format"]
    text = to_csv(views.requests_by_model(Filters()))
    assert text.splitlines()[0] == "model,requests"
    assert to_csv(views.daily_cost(Filters())).splitlines()[1].startswith("2026-09-30,")
    empty = Views(Workspace(tmp_path / "nothing"))
    assert empty.is_empty() and empty.kpis(Filters())["total_cost_usd"] == 0.0
    assert empty.monthly().height == 0 and empty.daily_cost(Filters()).height == 0
    assert empty.filter_options()["start"] is None


def test_quality_over_time(views: Views) -> None:
    path = views.ws.root / "quality_results.csv"
    assert views.quality_over_time() is None
    path.write_text("category,model,passed,total\ntranslation,gpt-4o-mini,8,10\n")
    assert views.quality_over_time() is None  # undated
    path.write_text("category,model,passed,total,day\n"
                    "translation,gpt-4o-mini,8,10,2026-10-01\n"
                    "translation,claude-haiku-4-5,10,10,2026-10-01\n"
                    "summarization,gpt-4o-mini,3,4,2026-10-02\n")
    q = views.quality_over_time()
    assert q is not None and q.rows() == [(date(2026, 10, 1), "translation", 18 / 20),
                                          (date(2026, 10, 2), "summarization", 3 / 4)]
    path.write_text("category,model,passed,total,day\ntranslation,gpt-4o-mini,8,10,Oct 1\n")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        views.quality_over_time()


DAYS = [date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 1), date(2026, 10, 2),
        date(2026, 10, 3), date(2026, 10, 4)]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.none() | st.sampled_from(DAYS),
    length=st.integers(0, 5),
    providers=st.sets(st.sampled_from(["openai", "anthropic", "unknown", "google"])),
    values=st.none() | st.sets(st.sampled_from(["search", "chat", "(none)"])),
)
def test_sums_agree_for_any_filter(views: Views, start: date | None, length: int,
                                   providers: set[str], values: set[str] | None) -> None:
    end = None if start is None else DAYS[min(DAYS.index(start) + length, len(DAYS) - 1)]
    f = Filters(start=start, end=end, providers=tuple(sorted(providers)),
                meta_key=None if values is None else "project",
                meta_values=tuple(sorted(values or ())))
    total = views.kpis(f)["total_cost_usd"]
    assert views.cost_by_category(f)["cost_usd"].sum() == pytest.approx(total, abs=1e-15)
    assert views.cost_by_model_day(f)["cost_usd"].sum() == pytest.approx(total, abs=1e-15)
    assert views.daily_cost(f)["cost_usd"].sum() == pytest.approx(total, abs=1e-15)
