"""Real-browser tests: Playwright driving Debian's /usr/bin/chromium against a live server.

Never ``playwright install``: the system Chromium is used through ``executable_path``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.dashboard.conftest import build_signals_workspace, build_workspace, log_lines

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PAGES = ["/", "/data", "/categories", "/quality", "/simulator", "/monthly"]
TIMEOUT = 15_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
expect = sync_api.expect


@contextmanager
def waitress_server(wsgi_app: Any) -> Iterator[str]:
    """``wsgi_app`` served as ``spendscope serve`` serves it (waitress, the same settings) on
    a free loopback port, in a thread; yields its URL."""
    from waitress import wasyncore
    from waitress.server import create_server

    from dashboard.security import server_options

    srv = create_server(wsgi_app, host="127.0.0.1", port=0, **server_options())
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.effective_port}"
    finally:
        srv.task_dispatcher.shutdown()
        wasyncore.close_all(srv._map)
        thread.join(timeout=5)


@contextmanager
def served_workspace(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[str]:
    """A fresh sample workspace in a folder of its own, served; yields the server's URL."""
    pytest.importorskip("analyzer.views", reason="analyzer.views (the data layer) is not there yet")
    from dashboard.app import create_app

    ws = build_workspace(tmp_path_factory.mktemp(name))
    with waitress_server(create_app(ws).server) as url:
        yield url


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_workspace(tmp_path_factory, "browser") as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    yield pg
    ctx.close()


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def money_of(text: str) -> float:
    m = re.search(r"-?\$(-?[\d,]+\.\d\d)", text)
    assert m, text
    return float(m.group(1).replace(",", "")) * (-1 if text.strip().startswith("-") else 1)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_console_errors(live_server: str, page: Any, path: str) -> None:
    page.goto(live_server + path)
    expect(page.locator("#page-content h2")).to_be_visible(timeout=TIMEOUT)
    if path == "/":
        expect(page.locator("#kpi-total-cost")).to_contain_text("$", timeout=TIMEOUT)
        expect(page.locator("#cost-by-model .main-svg").first).to_be_visible(timeout=TIMEOUT)
    if path == "/simulator":
        expect(page.locator("#scenario-savings")).to_contain_text("$", timeout=TIMEOUT)
        expect(page.locator("#scenario-chart .main-svg").first).to_be_visible(timeout=TIMEOUT)
    if path == "/monthly":
        expect(page.locator("#monthly-spend .main-svg").first).to_be_visible(timeout=TIMEOUT)
    if path == "/quality":
        expect(page.locator("#quality-by-day .main-svg").first).to_be_visible(timeout=TIMEOUT)
    expect(page.locator("#alerts-banner")).to_have_count(0)  # steady traffic: no alert
    page.wait_for_load_state("networkidle")
    shot(page, "page-overview" if path == "/" else "page" + path.replace("/", "-"))
    assert page.console_errors == []


def test_wide_layout_1920(live_server: str, browser: Any) -> None:
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    pg = ctx.new_page()
    pg.goto(live_server + "/")
    expect(pg.locator("#kpi-requests")).not_to_have_text("", timeout=TIMEOUT)
    expect(pg.locator("#requests-by-model .main-svg").first).to_be_visible(timeout=TIMEOUT)
    shot(pg, "overview-1920")
    ctx.close()


def test_upload_changes_overview_kpis(live_server: str, page: Any) -> None:
    page.goto(live_server + "/")
    expect(page.locator("#kpi-requests")).to_have_text(re.compile(r"^\d[\d,]*$"), timeout=TIMEOUT)
    before_requests = int(page.locator("#kpi-requests").inner_text().replace(",", ""))
    before_cost = money_of(page.locator("#kpi-total-cost").inner_text())

    page.get_by_role("link", name="Data").click()
    expect(page.locator("#upload")).to_be_visible(timeout=TIMEOUT)
    extra = log_lines(days=1, per_day=2, start="2026-10-09", prefix="upload")
    page.locator("#upload input[type=file]").set_input_files(
        {"name": "../../evil dir/more usage.jsonl", "mimeType": "application/json", "buffer": extra.encode()})
    expect(page.locator("#ingest-summary")).to_contain_text("Ingested 8 rows", timeout=TIMEOUT)
    expect(page.locator("#ingest-summary")).to_contain_text("generic")
    shot(page, "data-after-upload")

    page.get_by_role("link", name="Overview").click()
    expect(page.locator("#kpi-requests")).to_have_text(f"{before_requests + 8:,}", timeout=TIMEOUT)
    after_cost = money_of(page.locator("#kpi-total-cost").inner_text())
    assert after_cost > before_cost
    shot(page, "overview-after-upload")
    assert page.console_errors == []


def test_upload_unknown_format_shows_message(live_server: str, page: Any) -> None:
    page.goto(live_server + "/data")
    page.locator("#upload input[type=file]").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello there\nthis is not a log\n"})
    expect(page.locator("#ingest-summary .alert-error")).to_contain_text("notes.txt", timeout=TIMEOUT)
    assert page.console_errors == []


def test_simulator_control_changes_savings(live_server: str, page: Any) -> None:
    page.goto(live_server + "/simulator")
    savings = page.locator("#scenario-savings")
    expect(savings).to_contain_text("$", timeout=TIMEOUT)
    before = savings.inner_text()
    # turn batch on for the first category row
    page.locator("[id*='sim-batch'] input[type=checkbox]").first.check()
    expect(savings).not_to_have_text(before, timeout=TIMEOUT)
    assert money_of(savings.inner_text()) > money_of(before)
    expect(page.locator("#scenario-cost")).to_contain_text("$")
    shot(page, "simulator-after-change")
    assert page.console_errors == []


@pytest.fixture(scope="module")
def signals_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A workspace whose logs carry quality signals and fire the override alert, served."""
    from dashboard.app import create_app

    ws = build_signals_workspace(tmp_path_factory.mktemp("signals"))
    with waitress_server(create_app(ws).server) as url:
        yield url


def test_quality_page_shows_four_charts_and_the_alerts_banner(signals_server: str, page: Any) -> None:
    page.goto(signals_server + "/")
    banner = page.locator("#alerts-banner")
    expect(banner).to_contain_text("translation: 7.5% of requests were overrides", timeout=TIMEOUT)
    banner.get_by_role("link", name="Quality").click()
    expect(page).to_have_url(signals_server + "/quality", timeout=TIMEOUT)
    expect(page.locator("#nav-quality")).to_have_class("nav-link active")
    for graph in ("quality-by-day", "override-rate", "rates-by-model", "latency-by-model"):
        expect(page.locator(f"#{graph} .main-svg").first).to_be_visible(timeout=TIMEOUT)
        expect(page.locator(f"#{graph}-csv")).to_be_visible()
    expect(page.locator("#alerts-banner")).to_be_visible()
    lines = page.locator("#quality-by-day .scatterlayer .trace")
    expect(lines).to_have_count(3, timeout=TIMEOUT)
    with page.expect_download() as got:
        page.locator("#override-rate-csv").click()
    assert got.value.suggested_filename == "override_rates.csv"
    assert Path(got.value.path()).read_text().splitlines()[1].startswith("translation,80,6,")
    # removing a category from the picker redraws the chart without its line
    page.locator("#quality-categories").click()
    page.get_by_role("option", name="translation").click()
    page.keyboard.press("Escape")
    expect(lines).to_have_count(2, timeout=TIMEOUT)
    expect(page.locator("#quality-by-day .legendtext")).to_have_text(["entity_extraction", "summarization"])
    page.wait_for_load_state("networkidle")
    shot(page, "quality-with-alert")
    assert page.console_errors == []


def test_markup_in_model_names_shows_as_text(browser: Any) -> None:
    """Plotly displays escaped names literally: no bold, no link, no entity left over."""
    import polars as pl
    from dash import Dash, dcc

    from dashboard import figures

    names = ["<b>x</b>", '<a href="https://e.example">y</a>']
    app = Dash(__name__)
    app.layout = dcc.Graph(id="g", figure=figures.cost_by_model_day(pl.DataFrame(
        {"day": ["2026-10-05", "2026-10-06"], "model": names, "cost_usd": [1.0, 2.0]})))
    with waitress_server(app.server) as url:
        pg = browser.new_page()
        pg.goto(url)
        legend = pg.locator("#g .legendtext")
        expect(legend).to_have_count(2, timeout=TIMEOUT)
        assert sorted(legend.all_text_contents()) == sorted(names)
        assert pg.locator("#g svg a").count() == 0
        assert pg.locator("#g .legendtext [style*='bold']").count() == 0
        box = pg.locator("#g .point path").first.bounding_box()
        pg.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        hover = pg.locator("#g .hoverlayer .hovertext")
        # the first bar is the costlier model's; %{fullData.name} shows its name as text
        expect(hover).to_contain_text('<a href="https://e.example">y</a>: $2.00', timeout=TIMEOUT)
        assert pg.locator("#g .hoverlayer a").count() == 0
        pg.close()


BIG_BYTES = 205_000_000  # a real week of logs is bigger; over 200 MB is enough to need the chunked path
BIG_TIMEOUT = 600_000


def write_big_log(path: Path, min_bytes: int = BIG_BYTES) -> int:
    """An openai_chat JSONL file of at least ``min_bytes`` (distinct response ids); its line count."""
    from tests.dashboard.test_uploads import chat_line

    n = size = 0
    with open(path, "w") as f:
        while size < min_bytes:
            block = "".join(chat_line(i) + "\n" for i in range(n, n + 10_000))
            f.write(block)
            size += len(block)
            n += 10_000
    return n


@pytest.fixture(scope="module")
def big_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own: the big upload does not change what the other tests see."""
    with served_workspace(tmp_path_factory, "big") as url:
        yield url


def test_large_file_uploads_in_chunks(big_server: str, page: Any, tmp_path: Path) -> None:
    log = tmp_path / "week usage.jsonl"
    lines = write_big_log(log)
    assert log.stat().st_size > 200_000_000
    page.goto(big_server + "/data")
    expect(page.locator("#big-upload-button")).to_be_visible(timeout=TIMEOUT)
    puts: list[str] = []
    page.on("request", lambda r: puts.append(r.url) if r.method == "PUT" else None)
    with page.expect_file_chooser() as chooser:
        page.locator("#big-upload-button").click()
    chooser.value.set_files(str(log))
    expect(page.locator("#big-upload-progress")).to_contain_text("uploading", timeout=TIMEOUT)
    summary = page.locator("#ingest-summary")
    expect(summary).to_contain_text(f"Ingested {lines:,} rows", timeout=BIG_TIMEOUT)
    expect(summary).to_contain_text("openai_chat")
    expect(summary).to_contain_text("week usage.jsonl")
    expect(page.locator("#rejections")).to_contain_text("No line was rejected")
    expect(page.locator("#big-upload-progress")).to_contain_text(f"ingested {lines:,} lines")
    expect(page.locator("#data-files")).to_contain_text("week_usage.jsonl")
    shot(page, "data-after-large-upload")
    chunks = -(-log.stat().st_size // (8 * 1024 * 1024))
    assert len(puts) == chunks and puts[-1].endswith(f"offset={(chunks - 1) * 8 * 1024 * 1024}")
    assert page.console_errors == []
