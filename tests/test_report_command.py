"""``stratlint report``: the HTML review as a user runs it.

The command chooses files, config, rules, suppressions and baseline as
``check`` does, so each test compares what the pages show with what
``check`` reports on the same files; the output folder is only ever
written inside, and only earlier report pages in it are replaced. The
browser test opens every page the command wrote in real headless
Chromium (tests/report_fixtures/browser.py).
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import run_cli, write
from tests.report_fixtures.browser import Page, browser  # noqa: F401 (a fixture)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.strategy.yaml"))
BROKEN = "version: 1\nname: Broken plan\nkpis: [unclosed\nchannels:\n  - {id: web}\n"
VANITY = """\
    version: 1
    name: Claps plan
    kpis:
      - {id: claps, name: Claps per post}
      - {id: likes, name: Page likes}
"""


def codes_on(page: Path) -> list[str]:
    """The rule code of each finding a page shows, in page order."""
    return re.findall(r'<article class="finding[^"]*" id="f\d+" data-code="([^"]+)"', page.read_text("utf-8"))


def check_codes(*args: str) -> dict[str, list[str]]:
    """What ``check`` reports, as {path: [codes]}."""
    result = run_cli(["check", "--format", "json", *args])
    found: dict[str, list[str]] = {}
    for f in json.loads(result.stdout)["findings"]:
        found.setdefault(f["path"], []).append(f["code"])
    return found


@pytest.fixture
def plans(workdir) -> Path:
    """The examples and a plan that does not parse, in plans/."""
    (workdir / "plans").mkdir()
    for example in EXAMPLES:
        shutil.copy(example, workdir / "plans" / example.name)
    write(workdir / "plans" / "drafts" / "broken.strategy.yaml", BROKEN, dedent=False)
    return workdir / "plans"


def test_a_folder_gets_an_index_and_a_page_per_plan(plans):
    result = run_cli(["report", "plans", "-o", "review"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote the review of {len(EXAMPLES) + 1} plans to review/index.html\n"
    assert result.stderr == ""
    names = sorted(p.name for p in Path("review").iterdir())
    assert names == sorted(["index.html", "broken.html", *(p.name.split(".")[0] + ".html" for p in EXAMPLES)])
    index = Path("review/index.html").read_text("utf-8")
    assert all(f'href="{name}"' in index for name in names if name != "index.html")
    assert "Did not parse" in index


def test_pages_show_what_check_reports(plans):
    assert run_cli(["report", "plans", "-o", "review"]).exit_code == 0
    reported = check_codes("plans")
    for example in EXAMPLES:
        page = Path("review") / (example.name.split(".")[0] + ".html")
        assert sorted(codes_on(page)) == sorted(reported.get(f"plans/{example.name}", [])), example.name
    assert codes_on(Path("review/broken.html")) == ["SL001"]


def test_rule_selection_config_suppressions_and_baseline_apply(workdir):
    write("plans/a.strategy.yaml", VANITY)
    write("plans/b.strategy.yaml", VANITY.replace("Claps plan", "Suppressed plan").replace(
        "    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n"))
    write("plans/archive/old.strategy.yaml", VANITY)
    write(".stratlint.yaml", """\
        exclude: [archive]
        rules:
          vanity-only-kpis: {vocabularies: {vanity: {extend: [claps]}}}
    """)
    assert run_cli(["report", "plans", "-o", "all"]).exit_code == 0
    assert sorted(p.name for p in Path("all").iterdir()) == ["a.html", "b.html", "index.html"]  # archive excluded
    a, b = Path("all/a.html"), Path("all/b.html")
    assert "SL201" in codes_on(a) and "SL201" not in codes_on(b)  # the config's vocabulary; the suppression
    assert sorted(codes_on(a)) == sorted(check_codes("plans")["plans/a.strategy.yaml"])
    # the KPI chart counts what the configured rule calls vanity
    assert "KPI mix by category: outcome 0 (0%), engagement 0 (0%), awareness 0 (0%), activity 0 (0%), vanity 2 (100%)" \
        in a.read_text("utf-8")

    assert run_cli(["report", "plans", "--select", "SL9", "-o", "selected"]).exit_code == 0
    assert set(codes_on(Path("selected/a.html"))) <= {"SL001", "SL002", "SL003", "SL004", "SL005"} | {
        c for c in codes_on(Path("all/a.html")) if c.startswith("SL9")}
    assert "SL201" not in codes_on(Path("selected/a.html"))

    assert run_cli(["check", "--write-baseline", "baseline.json", "plans"]).exit_code == 0
    assert run_cli(["report", "plans", "--baseline", "baseline.json", "-o", "new"]).exit_code == 0
    assert codes_on(Path("new/a.html")) == [] and codes_on(Path("new/b.html")) == []


def test_the_classifier_follows_the_rules_when_the_rule_is_off(workdir):
    write("a.strategy.yaml", VANITY)
    assert run_cli(["report", "a.strategy.yaml", "--ignore", "SL201", "-o", "out"]).exit_code == 0
    html = Path("out/index.html").read_text("utf-8")
    assert "SL201" not in codes_on(Path("out/index.html"))
    assert "vanity 1 (50%)" in html  # 'Page likes' by the built-in vocabulary; 'Claps' not in it


def test_one_plan_makes_index_its_page(workdir):
    write("q3.strategy.yaml", VANITY)
    result = run_cli(["report", "q3.strategy.yaml", "-o", "out"])
    assert result.exit_code == 0 and result.stdout == "Wrote the review of 1 plan to out/index.html\n"
    assert [p.name for p in Path("out").iterdir()] == ["index.html"]
    assert "<h1>Claps plan</h1>" in Path("out/index.html").read_text("utf-8")


def test_output_folder_is_made_and_earlier_pages_are_replaced(workdir):
    write("a.strategy.yaml", VANITY)
    write("b.strategy.yaml", VANITY.replace("Claps plan", "Other plan"))
    assert run_cli(["report", ".", "-o", "deep/new/folder"]).exit_code == 0
    assert sorted(p.name for p in Path("deep/new/folder").iterdir()) == ["a.html", "b.html", "index.html"]
    write("deep/new/folder/notes.txt", "mine")
    write("b.strategy.yaml", VANITY.replace("Claps plan", "Renamed plan"))
    assert run_cli(["report", ".", "-o", "deep/new/folder"]).exit_code == 0
    assert "<h1>Renamed plan</h1>" in Path("deep/new/folder/b.html").read_text("utf-8")
    assert Path("deep/new/folder/notes.txt").read_text() == "mine"
    assert not [p for p in Path("deep/new/folder").iterdir() if p.name.startswith(".")]  # no temporary file left


@pytest.mark.parametrize("blocker", ["file", "folder", "link"])
def test_a_file_that_is_not_a_report_page_is_never_replaced(workdir, blocker):
    write("a.strategy.yaml", VANITY)
    write("b.strategy.yaml", VANITY)
    write("outside.html", "precious")
    Path("out").mkdir()
    if blocker == "file":
        write("out/b.html", "<html>my own page</html>")
    elif blocker == "folder":
        Path("out/b.html").mkdir()
    else:
        os.symlink(Path("outside.html").resolve(), "out/b.html")
    result = run_cli(["report", ".", "-o", "out"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("stratlint: error: out/b.html: exists and is not a page of a stratlint report; "
                             "not replaced (move it, or write the report to another folder)\n")
    assert sorted(p.name for p in Path("out").iterdir()) == ["b.html"]  # nothing written
    assert Path("outside.html").read_text() == "precious"
    if blocker == "file":
        assert Path("out/b.html").read_text() == "<html>my own page</html>"


def test_output_that_is_a_file_is_an_error(workdir):
    write("a.strategy.yaml", VANITY)
    write("out", "a file")
    result = run_cli(["report", "a.strategy.yaml", "-o", "out"])
    assert result.exit_code == 2 and result.stderr.endswith("Error: Invalid value for '--output' / '-o': "
                                                            "Directory 'out' is a file.\n")
    assert Path("out").read_text() == "a file"


def test_output_is_required(workdir):
    result = run_cli(["report", "."])
    assert result.exit_code == 2 and "Missing option '--output' / '-o'" in result.stderr


def test_an_unreadable_file_is_one_line_and_the_others_are_reviewed(workdir):
    for name in ("a", "b", "c"):
        write(f"{name}.strategy.yaml", VANITY.replace("Claps plan", f"Plan {name}"))
    os.mkfifo("p.strategy.yaml")
    result = run_cli(["report", ".", "missing.strategy.yaml", "-o", "out"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "stratlint: error: missing.strategy.yaml: no such file or directory",
        "stratlint: error: p.strategy.yaml: not a regular file (a pipe, socket or device)"]
    assert result.stdout == "Wrote the review of 3 plans to out/index.html\n"
    index = Path("out/index.html").read_text("utf-8")
    assert all(f"Plan {name}" in index for name in "abc")


def test_the_same_folder_whatever_the_number_of_jobs(workdir):
    for i in range(3):
        for example in EXAMPLES:
            shutil.copy(example, workdir / f"{i}-{example.name}")
    write("broken.strategy.yaml", BROKEN, dedent=False)
    for jobs in ("1", "2"):
        assert run_cli(["report", ".", "--jobs", jobs, "-o", f"out{jobs}"]).exit_code == 0
    one, two = sorted(Path("out1").iterdir()), sorted(Path("out2").iterdir())
    assert [p.name for p in one] == [p.name for p in two] and len(one) == 3 * len(EXAMPLES) + 2
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(one, two))


def test_standard_input_is_a_plan(workdir):
    result = run_cli(["report", "-", "-o", "out"], input=VANITY.replace("    ", "", 1).replace("\n    ", "\n"))
    assert result.exit_code == 0
    html = Path("out/index.html").read_text("utf-8")
    assert "<h1>Claps plan</h1>" in html and "&lt;stdin&gt;" in html


def test_help_says_what_it_writes():
    result = run_cli(["report", "--help"])
    assert result.exit_code == 0
    assert "index.html" in result.stdout and "-o, --output DIR" in result.stdout


def test_every_page_the_command_wrote_loads_in_a_browser(browser, plans):
    assert run_cli(["report", "plans", "-o", "review"]).exit_code == 0
    pages = sorted(Path("review").iterdir())
    for path in pages:
        with Page(browser, path.resolve()) as p:
            assert p.locator("h1").count() == 1
            if path.name == "index.html":
                assert p.locator("table.compare tbody tr").count() == len(pages) - 1
            elif path.name != "broken.html":
                assert p.locator("table.scorecard tbody tr").count() == 13
    with Page(browser, Path("review/advertising-heavy.html").resolve()) as p:
        assert p.locator("figure.chart svg[role=img]").count() == 5
        finding = p.locator("article.finding").first
        assert finding.locator(".source .line.hit").count() >= 1


def test_the_readme_screenshot_script_shoots_a_page_the_command_wrote(browser, tmp_path):
    from tests.report_fixtures.screenshot import DEFAULT_PLAN, take

    png = take(ROOT / DEFAULT_PLAN, tmp_path / "shot.png", width=800, browser=browser).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == 800 and height > 2000  # the whole page, not the first screen
    committed = (ROOT / "docs" / "report-screenshot.png").read_bytes()
    assert committed[:8] == png[:8] and int.from_bytes(committed[16:20], "big") == 1280


def test_a_file_that_does_not_decode_shows_its_lines(workdir):
    Path("a.strategy.yaml").write_bytes(b"version: 1\nname: \xff\xfe bad\nowner: x\n")
    write("b.strategy.yaml", VANITY)
    assert run_cli(["report", ".", "-o", "out"]).exit_code == 0
    html = Path("out/a.html").read_text("utf-8")
    assert codes_on(Path("out/a.html")) == ["SL001"]
    assert 'data-line="2"' in html and "\ufffd" in html and "past the end" not in html


def test_each_folder_follows_its_own_config_and_gitignore(workdir):
    likes = VANITY.replace("Claps per post", "Instagram followers")
    write("team-a/q3.strategy.yaml", likes)
    write("team-b/q3.strategy.yaml", likes)
    write("team-b/.stratlint.yaml", "ignore: [vanity-only-kpis]\n", dedent=False)
    write("team-b/draft.strategy.yaml", VANITY)
    write(".gitignore", "draft.strategy.yaml\n", dedent=False)
    Path(".git").mkdir()  # a repository, as far as the walk is concerned
    assert run_cli(["report", ".", "-o", "out"]).exit_code == 0
    assert sorted(p.name for p in Path("out").iterdir()) == ["index.html", "team-a-q3.html", "team-b-q3.html"]
    assert "SL201" in codes_on(Path("out/team-a-q3.html")) and "SL201" not in codes_on(Path("out/team-b-q3.html"))
    assert run_cli(["report", ".", "--no-respect-gitignore", "-o", "all"]).exit_code == 0
    assert "draft.html" in [p.name for p in Path("all").iterdir()]


def test_config_and_isolated_contradict(workdir):
    result = run_cli(["report", ".", "--config", "x.yaml", "--isolated", "-o", "out"])
    assert result.exit_code == 2 and "--config and --isolated contradict each other" in result.stderr
    assert not Path("out").exists()
