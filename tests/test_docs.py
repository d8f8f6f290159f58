"""The docs: a short README with the quick start and every CLI command, pages under docs/ for
the rest (every supported format in docs/formats.md, every dashboard page in
docs/dashboard.md), every page linked from the README, and every relative link resolving."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from analyzer.cli import app
from analyzer.ingest.formats import FORMATS

from .conftest import ROOT

README_PATH = ROOT / "README.md"
README = README_PATH.read_text()
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md")) + [ROOT / "CHANGELOG.md"]
MARKDOWN = [README_PATH, *PAGES]
README_MAX_BYTES = 20_000


def _section(text: str, heading: str) -> str:
    """The body of `heading` (a whole heading line) up to the next heading of its level or higher."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = text.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines))
                if re.match(rf"#{{1,{level}}} ", lines[i])), len(lines))
    return "\n".join(lines[start:end])


def _outside_code(text: str) -> list[str]:
    """The lines of a Markdown file outside fenced code blocks, inline code spans removed."""
    out, fenced = [], False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            out.append(re.sub(r"`[^`]*`", "", line))
    return out


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: markup dropped, lowercase, punctuation removed, spaces → '-'."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text stays
    text = text.replace("`", "").strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    fenced = False
    for line in path.read_text().splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        m = None if fenced else re.match(r"#{1,6} (.+?)\s*#*\s*$", line)
        if m:
            base = _anchor(m.group(1))
            n = seen.get(base, 0)
            seen[base] = n + 1
            out.add(base if n == 0 else f"{base}-{n}")
    return out


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _links(path: Path) -> list[str]:
    return [m.group(1) for line in _outside_code(path.read_text()) for m in LINK.finditer(line)]


# --- the README ---------------------------------------------------------------------------

def test_the_readme_stays_short() -> None:
    size = len(README.encode())
    assert size < README_MAX_BYTES, f"README.md is {size} bytes: move detail to a page under docs/"


def test_the_quick_start_is_make_demo_and_make_test() -> None:
    quick = _section(README, "## Quick start")
    makefile = (ROOT / "Makefile").read_text()
    for target in ("demo", "test"):
        assert f"make {target}" in quick
        assert re.search(rf"^{target}:", makefile, re.M), target


def test_every_command_is_in_the_readme_command_table() -> None:
    table = _section(README, "## Commands")
    rows = [line for line in table.splitlines() if line.startswith("| `spendscope ")]
    names = [c.name for c in app.registered_commands]
    missing = [n for n in names if not any(r.startswith(f"| `spendscope {n} ") or r.startswith(f"| `spendscope {n}`")
                                           for r in rows)]
    assert not missing, missing
    assert "--workspace DIR" in table  # the one option every command takes, said once


def test_every_option_of_every_command_is_in_its_table_rows() -> None:
    table = _section(README, "## Commands")
    rows = [line for line in table.splitlines() if line.startswith("| `spendscope ")]
    missing = []
    for name, command in typer.main.get_command(app).commands.items():  # type: ignore[attr-defined]
        mine = " ".join(r for r in rows if r.startswith((f"| `spendscope {name} ", f"| `spendscope {name}`")))
        for param in command.params:
            missing += [f"{name} {o}" for o in param.opts
                        if o.startswith("--") and o not in ("--workspace", "--help") and o not in mine]
    assert not missing, missing


def test_every_docs_page_is_linked_from_the_readme() -> None:
    linked = {(ROOT / link.split("#")[0]).resolve() for link in _links(README_PATH)
              if not re.match(r"[a-z]+:", link) and not link.startswith("#")}
    unlinked = [str(p.relative_to(ROOT)) for p in PAGES if p.resolve() not in linked]
    assert not unlinked, unlinked


# --- the pages the README's sections moved to ---------------------------------------------

def test_every_format_is_in_docs_formats() -> None:
    text = (DOCS / "formats.md").read_text()
    missing = [f.name for f in FORMATS if f"| `{f.name}` |" not in text]
    assert not missing, missing


def test_every_dashboard_page_is_in_docs_dashboard() -> None:
    from dashboard.app import PAGES as DASH_PAGES

    table = _section((DOCS / "dashboard.md").read_text(), "# Dashboard")
    missing = [path for path, (label, _) in DASH_PAGES.items() if f"| {label} `{path}` |" not in table]
    assert not missing, missing


def test_the_dashboard_ids_documented_are_the_apps() -> None:
    text = (DOCS / "dashboard.md").read_text()
    documented = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`", text))
    # the ids the docs have always named (the Quality page's charts, the banner, the simulator's)
    assert {"alerts-banner", "quality-by-day", "quality-categories", "override-rate", "rates-by-model",
            "latency-by-model", "scenario-savings", "scenario-table"} <= documented
    source = "\n".join(p.read_text() for p in (ROOT / "dashboard").rglob("*.py"))
    stale = sorted(i for i in documented if f'"{i}"' not in source)
    assert not stale, f"docs/dashboard.md names ids the dashboard does not have: {stale}"


def test_every_canonical_column_is_described() -> None:
    from analyzer.schema import COLUMN_DOCS, COLUMNS

    assert tuple(COLUMN_DOCS) == COLUMNS


# --- links ----------------------------------------------------------------------------------

def test_anchor_rules() -> None:
    assert _anchor("What `ingest` promises") == "what-ingest-promises"
    assert _anchor("Limitations (known, not yet addressed)") == "limitations-known-not-yet-addressed"
    assert _anchor("Scale-out on Ray") == "scale-out-on-ray"


@pytest.mark.parametrize("path", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_and_anchor_resolves(path: Path) -> None:
    broken = []
    for link in _links(path):
        if re.match(r"[a-z][a-z0-9+.-]*:", link):  # http:, https:, mailto:
            continue
        target, _, anchor = link.partition("#")
        file = (path.parent / target).resolve() if target else path
        if not file.exists():
            broken.append(f"{link}: no file {file}")
        elif anchor and (file.suffix != ".md" or anchor not in _anchors(file)):
            broken.append(f"{link}: no heading #{anchor} in {file.name}")
    assert not broken, broken
