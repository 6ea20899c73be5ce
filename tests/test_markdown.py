"""``check --format markdown`` and ``--report markdown:FILE``: the summary a
pull request shows. The output is rendered with a CommonMark parser
(markdown-it-py, with GitHub's tables) to check what a reader sees, and
held to GitHub's limit for a comment."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from markdown_it import MarkdownIt

from stratlint.checks.helpers import shorten
from stratlint.findings import Finding, Severity, Span
from stratlint.formatters import Report
from stratlint.formatters.markdown import COMMENT_LIMIT, render, size
from tests.helpers import run_cli, write

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "[click](https://evil.example) <img src=x onerror=alert(1)> @octocat | `x` $y$ **b** &amp; ~~s~~ \\"


def to_html(markdown: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def visible(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_findings_grouped_by_file_then_severity(workdir):
    write("plans/a.strategy.yaml", """\
        version: 1
        name: Plan A
        kpis:
          - {id: likes, name: Page likes}
    """)
    write("plans/b.strategy.yaml", (ROOT / "examples" / "good.strategy.yaml").read_text(), dedent=False)
    result = run_cli(["check", "--format", "markdown", "--select", "SL201,SL202,SL101", "plans"])
    assert result.exit_code == 1
    assert result.stdout == (
        "## stratlint\n\n"
        "**Found 3 problems (1 error, 2 warnings, 0 info) in 2 files.**\n\n"
        "| File | Errors | Warnings | Info |\n"
        "|:--|--:|--:|--:|\n"
        "| `plans/a.strategy.yaml` | 1 | 2 | 0 |\n\n"
        "### `plans/a.strategy.yaml`\n\n"
        "**Errors (1)**\n\n"
        "- Line 1, column 1: **SL101** `missing-business-objective`: the plan has no business objective; add one "
        "(type: business, the default) that states the company goal the channels and tactics serve\n\n"
        "**Warnings (2)**\n\n"
        "- Line 3, column 1: **SL201** `vanity-only-kpis`: every KPI is a vanity or activity metric ('Page likes'); add one that "
        "measures customer action such as retention, referrals or repeat purchases\n"
        "- Line 4, column 5: **SL202** `kpi-without-target`: KPI 'Page likes' has no target; set the value it should "
        "reach so the plan can tell success from failure\n")
    page = to_html(result.stdout)
    assert "<h3><code>plans/a.strategy.yaml</code></h3>" in page
    assert re.search(r"<td[^>]*><code>plans/a.strategy.yaml</code></td>", page)  # a real table row
    assert page.index("Errors (1)") < page.index("Warnings (2)")


def test_report_option_writes_the_same_summary(workdir):
    write("a.strategy.yaml", "version: 1\nname: Plan\n", dedent=False)
    printed = run_cli(["check", "--format", "markdown", "a.strategy.yaml"])
    written = run_cli(["check", "--report", "markdown:summary.md", "a.strategy.yaml"])
    assert written.stdout.startswith("a.strategy.yaml:1:1: SL101 [error]")  # the terminal still gets text
    assert Path("summary.md").read_text(encoding="utf-8") == printed.stdout


def test_a_clean_run(workdir):
    write("good.strategy.yaml", (ROOT / "examples" / "good.strategy.yaml").read_text(), dedent=False)
    result = run_cli(["check", "--format", "markdown", "--ignore", "SL9", "good.strategy.yaml"])
    assert result.exit_code == 0
    assert result.stdout == "## stratlint\n\n**No problems found in 1 file.**\n"


def test_plan_text_stays_text(workdir):
    write("plans/x|`y`.strategy.yaml", f"version: 1\nname: Plan\nkpis:\n  - {{id: a, name: {json.dumps(HOSTILE)}}}\n",
          dedent=False)
    result = run_cli(["check", "--format", "markdown", "--select", "SL202", "plans"])
    assert "evil.example" in result.stdout
    page = to_html(result.stdout)
    for tag in ("<a ", "<img", "<strong>b", "<em>", "<del>", "<script"):
        assert tag not in page, tag
    item = re.search(r"<li>(.*?)</li>", page, re.S).group(1)
    shown = shorten(HOSTILE)  # a message shows at most 80 characters of a value
    assert visible(item).endswith(f"KPI '{shown.replace('@', '@' + chr(0x2060))}' has no target; set the value it "
                                  "should reach so the plan can tell success from failure")
    # the file name with a | and backticks: one cell, shown exactly
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", page, re.S).group(1)
    assert re.findall(r"<td[^>]*>(.*?)</td>", row)[0] == "<code>plans/x|`y`.strategy.yaml</code>"
    heading = re.search(r"<h3>(.*?)</h3>", page).group(1)
    assert visible(heading) == "plans/x|`y`.strategy.yaml"


def finding(path: str, line: int, severity: str, message: str = "a finding") -> Finding:
    return Finding(path, Span(line, 1, line, 2), "SL202", "kpi-without-target", Severity.parse(severity), message)


def test_a_long_run_is_cut_to_the_comment_limit_with_a_count():
    findings = [finding(f"plans/team-{i // 30:03}.strategy.yaml", i % 30 + 1, ("error", "warning", "info")[i % 3],
                        "KPI '😀 " + "x" * 60 + "' has no target") for i in range(3000)]
    out = render(Report(findings, 100, files=[]))
    assert size(out) <= COMMENT_LIMIT < len(render(Report(findings, 100), limit=10**9))
    assert len(out) < size(out)  # the emoji counts twice, as GitHub's UTF-16 length does
    shown = out.count("\n- Line ")
    assert 0 < shown < 3000
    left = 3000 - shown
    last = out.rstrip("\n").splitlines()[-1]
    assert re.fullmatch(rf"\*\*{left} more findings \(\d+ errors, \d+ warnings, \d+ info\) in \d+ files not shown\*\*: "
                        r"a pull-request comment holds at most 65,536 characters\. `stratlint check` lists every finding\.",
                        last), last
    counts = re.search(r"\((\d+) errors, (\d+) warnings, (\d+) info\)", last).groups()
    assert sum(map(int, counts)) == left
    assert out.count("| `plans/team-") == 100  # every file keeps its row in the table
    to_html(out)  # still markdown


def test_a_table_too_long_for_the_limit_is_cut_too():
    findings = [finding(f"plans/{'deep/' * 20}plan-{i:05}.strategy.yaml", 1, "warning") for i in range(5000)]
    out = render(Report(findings, 5000))
    assert size(out) <= COMMENT_LIMIT
    rows = out.count("\n| `plans/")
    assert 0 < rows < 5000 and "\n### " not in out
    assert out.endswith(f"**5000 more findings (0 errors, 5000 warnings, 0 info) in 5000 files not shown**: "
                        "a pull-request comment holds at most 65,536 characters. `stratlint check` lists every finding.\n"
                        f"{5000 - rows} of the 5000 files are not in the table above.\n")


def test_a_failed_run_says_so(workdir):
    write("a.strategy.yaml", "version: 1\nname: Plan\n", dedent=False)
    result = run_cli(["check", "--format", "markdown", "--select", "SL0", "a.strategy.yaml", "missing.strategy.yaml"])
    assert result.exit_code == 2
    assert "> The run itself failed on some input (exit code 2):\n> - missing.strategy.yaml: no such file or directory\n" \
        in result.stdout
