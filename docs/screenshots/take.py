"""Take the docs' screenshots of the dashboard on the demo workspace.

    .venv/bin/python docs/screenshots/take.py      # needs /usr/bin/chromium and playwright (dev extra)

Builds the demo workspace (the sample history and week) in a temporary folder, serves it on
a free loopback port as ``spendscope serve`` does, and saves one full-page screenshot per
page next to this file. The system Chromium is driven, never a downloaded browser.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = "/usr/bin/chromium"
MAX_HEIGHT = 1800  # pixels: a page longer than this is shot from its top
PAGES = {"overview": "/", "data": "/data", "categories": "/categories", "quality": "/quality",
         "simulator": "/simulator", "monthly": "/monthly"}


def main() -> int:
    from playwright.sync_api import sync_playwright
    from waitress.server import create_server

    sys.path.insert(0, str(ROOT))
    from dashboard.app import create_app
    from dashboard.security import server_options

    with tempfile.TemporaryDirectory(prefix="spendscope-shots-") as tmp:
        ws = Path(tmp) / "demo"
        subprocess.run([sys.executable, "-m", "analyzer.cli", "demo", "--no-serve", "--workspace", str(ws)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        server = create_server(create_app(ws).server, host="127.0.0.1", port=0, **server_options())
        threading.Thread(target=server.run, daemon=True).start()
        url = f"http://127.0.0.1:{server.effective_port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for name, path in PAGES.items():
                page.goto(url + path, wait_until="networkidle")
                page.wait_for_timeout(1500)  # the charts' callbacks after the first paint
                tall = page.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": 1280, "height": min(tall, MAX_HEIGHT)}  # long tables: their top
                page.screenshot(path=str(HERE / f"{name}.png"), full_page=True, clip=clip)
                print(f"{name}.png")
            browser.close()
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
