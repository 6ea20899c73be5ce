"""Write docs/report-screenshot.png: the review of one example plan in
headless Chromium at a desktop width.

    python tests/report_fixtures/screenshot.py [examples/NAME.strategy.yaml] [--width 1280] [--out PATH]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.report_fixtures.browser import CHROMIUM_ARGS, find_chromium  # noqa: E402
from tests.test_report_html import INFOS, RULES, plan_input  # noqa: E402
from stratlint.checks.classify import classifiers  # noqa: E402
from stratlint.report import write_report  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plan", nargs="?", default="examples/broadcast-only.strategy.yaml")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--out", default=str(ROOT / "docs" / "report-screenshot.png"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    text = (ROOT / args.plan).read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as out:
        kpi_category, channel_medium = classifiers(RULES)
        [page] = write_report([plan_input(args.plan, text)], INFOS, Path(out),
                              kpi_category=kpi_category, channel_medium=channel_medium)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": args.width, "height": 900})
            tab.goto(page.as_uri())
            tab.screenshot(path=args.out, full_page=True)
            browser.close()
    print(args.out)


if __name__ == "__main__":
    main()
