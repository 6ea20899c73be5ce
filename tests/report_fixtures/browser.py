"""A real headless browser for the report's tests: Debian's Chromium
(/usr/bin/chromium, or ``chromium`` on PATH, or the binary
``STRATLINT_CHROMIUM`` names), driven by Playwright. ``.ci/run`` installs
Debian's ``chromium`` when it is missing and it can; where there is no
such browser or no Playwright, the tests that need one are skipped and
the skip says why.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    for candidate in (os.environ.get("STRATLINT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    executable = find_chromium()
    if executable is None:
        pytest.skip("no Chromium found (/usr/bin/chromium, chromium on PATH, or STRATLINT_CHROMIUM); "
                    "on Debian or Ubuntu: apt-get install chromium")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A page loaded from disk, with everything that went wrong while loading:
    console errors and warnings, script errors, failed requests and any
    request that leaves the disk. Leaving the ``with`` block asserts there
    was none."""

    def __init__(self, browser, path: Path, width: int = 1280):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(
            f"console {m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url}"))
        self.page.on("request", lambda r: not r.url.startswith("file://") and self.problems.append(
            f"network request: {r.url}"))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def __enter__(self):
        return self.page

    def __exit__(self, kind, *exc):
        self.page.close()
        if kind is None:
            assert self.problems == [], self.problems
