"""Write docs/report-screenshot.png: the review ``stratlint report`` writes
for one example plan, in headless Chromium at a desktop width.

    python tests/report_fixtures/screenshot.py [examples/NAME.strategy.yaml] [--width 1280] [--out PATH]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.report_fixtures.browser import CHROMIUM_ARGS, find_chromium  # noqa: E402

DEFAULT_PLAN = "examples/broadcast-only.strategy.yaml"


def take(plan: Path, out: Path, width: int = 1280, browser=None) -> Path:
    """Run ``stratlint report PLAN`` (from the plan's folder, isolated from
    any config) and screenshot its page, whole, in ``browser`` (a Playwright
    Chromium; by default one started here)."""
    plan = Path(plan).resolve()
    with tempfile.TemporaryDirectory() as folder:
        cwd = ROOT if plan.is_relative_to(ROOT) else plan.parent
        subprocess.run([sys.executable, "-m", "stratlint", "report", "--isolated", str(plan.relative_to(cwd)),
                        "-o", folder], check=True, capture_output=True, cwd=cwd)
        page = (Path(folder) / "index.html").as_uri()
        if browser is not None:
            _shoot(browser, page, out, width)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                started = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
                _shoot(started, page, out, width)
                started.close()
    return out


def _shoot(browser, url: str, out: Path, width: int) -> None:
    tab = browser.new_page(viewport={"width": width, "height": 900})
    tab.goto(url)
    tab.screenshot(path=str(out), full_page=True)
    tab.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default=DEFAULT_PLAN)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--out", default=str(ROOT / "docs" / "report-screenshot.png"))
    args = parser.parse_args()
    print(take(ROOT / args.plan, Path(args.out), args.width))


if __name__ == "__main__":
    main()
