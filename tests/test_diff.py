"""``stratlint diff``: what a change does to a strategy, on pairs of plans
that differ in one kind of change each, and inside a temporary git
repository with ``--base``."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from stratlint.changes import FORMATS, render
from stratlint.changes.model import FileDiff, PlanDiff
from stratlint.changes.plans import compare
from stratlint.formatters.markdown import COMMENT_LIMIT, size
from tests.helpers import run_cli, write

ROOT = Path(__file__).resolve().parent.parent

PLAN = """\
version: 1
name: Northwind Coffee 2027
owner: Head of Marketing
sponsor: CEO
period: {start: 2027-01-01, end: 2027-12-31}
objectives:
  - id: retain
    statement: Raise 12-month retention from 61% to 70%
    kpis: [retention, nps]
audience:
  segments:
    - id: baristas
      description: Subscribers who brew espresso at home
      insights: [They learn from each other]
value_proposition: Learn to brew like our baristas, with them
kpis:
  - {id: retention, name: 12-month retention, category: outcome, baseline: 61%, target: 70%, objective: retain}
  - {id: nps, name: Net promoter score, category: outcome, baseline: 31, target: 40, objective: retain}
channels:
  - {id: instagram, name: Instagram, kind: social, role: Live lessons, objectives: [retain]}
  - {id: cafes, name: Our cafes, kind: offline, role: Tasting nights, objectives: [retain]}
  - {id: site, name: northwind.example, kind: owned, role: Recipes and subscription, objectives: [retain]}
tactics:
  - {id: live-latte, name: Monthly live latte class, channel: instagram, interaction: two-way, stage: affinity, objectives: [retain]}
  - {id: tasting, name: Subscriber tasting night, channel: cafes, interaction: two-way, stage: advocacy, objectives: [retain]}
listening: {tools: [mentions dashboard], cadence: weekly, owner: Community lead}
customer_care: {channels: [instagram, site], response_time: 4h, owner: Support lead}
review: {cadence: monthly, method: plan-do-check-act, owner: Head of Marketing}
budget:
  currency: EUR
  allocations:
    - {channel: instagram, amount: 5000}
    - {channel: cafes, amount: 10000}
"""


def edit(text: str, *pairs: str) -> str:
    for old, new in zip(pairs[::2], pairs[1::2]):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def diff(old: str, new: str, *args: str):
    write("old.strategy.yaml", old, dedent=False)
    write("new.strategy.yaml", new, dedent=False)
    return run_cli(["diff", *args, "old.strategy.yaml", "new.strategy.yaml"])


def section(output: str, title: str) -> list[str]:
    """The lines under a section heading of the text format."""
    lines = output.splitlines()
    found = []
    for line in lines[lines.index(f"  {title}") + 1:]:
        if not line.startswith("    "):
            break
        found.append(line.strip())
    return found


@pytest.mark.parametrize("old, new, title, lines", [
    pytest.param(PLAN, edit(PLAN, "target: 70%", "target: 65%"), "KPIs",
                 ['changed retention ("12-month retention"): target: 70% -> 65%'], id="kpi-target"),
    pytest.param(PLAN, edit(PLAN, "audience:\n", "  - {id: grow, statement: Open two cafes in Leeds, kpis: [nps]}\n"
                                                  "audience:\n"), "Objectives",
                 ['added grow ("Open two cafes in Leeds")'], id="objective-added"),
    pytest.param(edit(PLAN, "audience:\n", "  - {id: grow, statement: Open two cafes in Leeds}\naudience:\n"), PLAN,
                 "Objectives", ['removed grow ("Open two cafes in Leeds")'], id="objective-removed"),
    pytest.param(PLAN, edit(PLAN, "insights: [They learn from each other]",
                            "insights: [They learn from each other, They buy beans monthly]"), "Audience segments",
                 ['changed baristas ("Subscribers who brew espresso at home"): insights: +"They buy beans monthly"'],
                 id="segment-insight"),
    pytest.param(PLAN, edit(PLAN, "channel: cafes, interaction", "channel: instagram, interaction"), "Tactics",
                 ['changed tasting ("Subscriber tasting night"): moved from channel cafes to instagram'],
                 id="tactic-moved"),
    pytest.param(PLAN, edit(PLAN, "{id: nps, name", "{id: net-promoter, name", "kpis: [retention, nps]",
                            "kpis: [retention, net-promoter]"), "KPIs",
                 ['renamed nps -> net-promoter ("Net promoter score")'], id="kpi-renamed"),
    pytest.param(PLAN, edit(PLAN, "{id: cafes, name: Our cafes", "{id: coffee-houses, name: Our cafes",
                            "channel: cafes, interaction", "channel: coffee-houses, interaction",
                            "{channel: cafes, amount", "{channel: coffee-houses, amount"), "Channels",
                 ['renamed cafes -> coffee-houses ("Our cafes")'], id="channel-renamed-with-references"),
    pytest.param(PLAN, edit(PLAN, "- id: baristas\n      description: Subscribers who brew espresso at home",
                            "- id: home-baristas\n      description: Subscribers who brew coffee at home"),
                 "Audience segments", ['added home-baristas ("Subscribers who brew coffee at home")',
                                       'removed baristas ("Subscribers who brew espresso at home")'],
                 id="renamed-and-changed"),
    pytest.param(PLAN, edit(PLAN, "sponsor: CEO\n", "", "end: 2027-12-31", "end: 2027-06-30"), "Plan",
                 ["changed period.end: 2027-12-31 -> 2027-06-30", "removed sponsor (was CEO)"], id="plan-fields"),
    pytest.param(PLAN, edit(PLAN, "review: {cadence: monthly, method: plan-do-check-act, owner: Head of Marketing}",
                            "review: {cadence: quarterly, method: plan-do-check-act}"), "Plan",
                 ["changed review.cadence: monthly -> quarterly; review.owner: \"Head of Marketing\" (removed)"],
                 id="plan-mapping"),
    pytest.param(PLAN, edit(PLAN, "{channel: instagram, amount: 5000}", "{channel: instagram, amount: 8000}"),
                 "Budget allocations", ["changed instagram: 5000 -> 8000"], id="allocation"),
])
def test_each_kind_of_change(workdir, old, new, title, lines):
    result = diff(old, new)
    assert result.exit_code == 0, result.stderr
    assert section(result.stdout, title) == lines
    headings = [line.strip() for line in result.stdout.splitlines() if re.match(r"  \S", line)]
    assert headings[0] == "compared with old.strategy.yaml"
    assert [h for h in headings[1:] if not h.startswith(("Budget by", "Findings"))] == [title]  # nothing else changed


def test_references_that_follow_a_rename_are_no_change(workdir):
    new = edit(PLAN, "{id: cafes, name: Our cafes", "{id: coffee-houses, name: Our cafes",
               "channel: cafes, interaction", "channel: coffee-houses, interaction",
               "{channel: cafes, amount", "{channel: coffee-houses, amount")
    result = diff(PLAN, new, "--format", "json")
    [changed] = json.loads(result.stdout)["files"]
    assert changed["changes"] == [{"section": "channels", "change": "renamed", "id": "coffee-houses",
                                   "label": "Our cafes", "old_id": "cafes", "fields": []}]
    assert changed["budget"] is None and changed["introduced"] == changed["resolved"] == []


def test_budget_shift_by_channel_kind(workdir):
    new = edit(PLAN, "{id: cafes, name: Our cafes, kind: offline", "{id: cafes, name: Our cafes, kind: paid",
               "{channel: instagram, amount: 5000}", "{channel: instagram, amount: 7500}")
    result = diff(PLAN, new)
    assert section(result.stdout, "Budget by channel kind (EUR)") == [
        "social: 5,000 -> 7,500 (+2,500)", "paid: 0 -> 10,000 (+10,000)", "offline: 10,000 -> 0 (-10,000)"]
    assert section(result.stdout, "Channels") == ['changed cafes ("Our cafes"): kind: offline -> paid']


def test_moved_lines_and_reordered_items_are_neither_change_nor_finding(workdir):
    old = edit(PLAN, "baseline: 61%, target: 70%, ", "")  # a KPI without target: SL202
    lines = old.splitlines(keepends=True)
    tactics = [i for i, line in enumerate(lines) if line.startswith("  - {id: live-latte") or
               line.startswith("  - {id: tasting")]
    lines[tactics[0]], lines[tactics[1]] = lines[tactics[1]], lines[tactics[0]]
    new = "# a comment\n# another\n\n" + "".join(lines)
    result = diff(old, new, "--format", "json")
    out = json.loads(result.stdout)
    assert out["files"][0]["status"] == "unchanged"
    assert out["summary"] == {"files": 1, "changes": 0, "introduced": {"error": 0, "warning": 0, "info": 0},
                              "resolved": {"error": 0, "warning": 0, "info": 0}}
    text = run_cli(["diff", "old.strategy.yaml", "new.strategy.yaml"]).stdout
    assert text == "No change to the strategy and no finding introduced or resolved in 1 file.\n"
    check = run_cli(["check", "--format", "json", "--select", "SL202", "old.strategy.yaml", "new.strategy.yaml"])
    lines = {f["path"]: f["line"] for f in json.loads(check.stdout)["findings"]}
    assert lines == {"old.strategy.yaml": 17, "new.strategy.yaml": 20}  # the finding did move


def test_findings_introduced_and_resolved_and_fail_on_new(workdir):
    no_listening = edit(PLAN, "listening: {tools: [mentions dashboard], cadence: weekly, owner: Community lead}\n", "")
    worse = diff(PLAN, no_listening, "--fail-on-new", "warning")
    assert worse.exit_code == 1
    assert section(worse.stdout, "Findings introduced (1)") == [
        "new.strategy.yaml:1:1: SL502 [warning] the plan does not listen: it names no listening tools and no cadence; "
        "add listening with the tools that monitor conversations about you and how often someone acts on them  "
        "(no-listening)"]
    assert worse.stdout.splitlines()[-1] == (
        "Compared 1 file: 1 changed, 0 added, 0 removed; 1 change to the strategy; "
        "1 finding introduced (0 errors, 1 warning, 0 info), 0 resolved.")
    assert diff(PLAN, no_listening, "--fail-on-new", "error").exit_code == 0
    assert diff(PLAN, no_listening).exit_code == 0
    better = diff(no_listening, PLAN, "--fail-on-new", "info")
    assert better.exit_code == 0
    assert section(better.stdout, "Findings resolved (1)")[0].startswith("old.strategy.yaml:1:1: SL502 [warning]")


def test_a_changed_offending_value_is_a_new_finding(workdir):
    old = edit(PLAN, "insights: [They learn from each other]", "insights: [TODO]")
    new = edit(PLAN, "insights: [They learn from each other]", "insights: [TBD]")
    out = json.loads(diff(old, new, "--format", "json").stdout)["files"][0]
    assert [f["code"] for f in out["introduced"]] == [f["code"] for f in out["resolved"]] == ["SL903"]
    assert out["introduced"][0]["fingerprint"] != out["resolved"][0]["fingerprint"]


def test_json_format(workdir):
    new = edit(PLAN, "target: 70%", "target: 65%", "sponsor: CEO\n", "", "end: 2027-12-31", "end: 2027-06-30")
    result = diff(PLAN, new, "--format", "json")
    out = json.loads(result.stdout)
    assert out["version"] == 1 and out["base"] is None
    [f] = out["files"]
    assert (f["old_path"], f["new_path"], f["status"]) == ("old.strategy.yaml", "new.strategy.yaml", "modified")
    assert {"section": "kpis", "change": "changed", "id": "retention", "label": "12-month retention",
            "fields": [{"field": "target", "old": "70%", "new": "65%"}]} in f["changes"]
    assert {"section": "plan", "change": "changed", "id": "period", "label": "",
            "fields": [{"field": "period.end", "old": "2027-12-31", "new": "2027-06-30"}]} in f["changes"]
    assert {"section": "plan", "change": "removed", "id": "sponsor", "label": "",
            "fields": [{"field": "sponsor", "old": "CEO"}]} in f["changes"]
    [sl701] = f["introduced"]
    assert sl701["code"] == "SL701" and sl701["path"] == "new.strategy.yaml" and sl701["fingerprint"]
    assert out["summary"]["changes"] == 3 and out["summary"]["introduced"] == {"error": 0, "warning": 0, "info": 1}


def test_markdown_format_is_a_pull_request_summary(workdir):
    new = edit(PLAN, "name: Net promoter score", "name: '[NPS](https://evil.example) <b>@team</b>'",
               "listening: {tools: [mentions dashboard], cadence: weekly, owner: Community lead}\n", "")
    result = diff(PLAN, new, "--format", "markdown", "--fail-on-new", "warning")
    assert result.exit_code == 1
    assert result.stdout.startswith("## stratlint diff\n\n**Compared 1 file: 1 changed")
    assert "| `new.strategy.yaml` | modified | 2 | 1 (0/1/0) | 0 |" in result.stdout
    page = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<a " not in page and "<b>" not in page
    assert "changed nps (&quot;[NPS](https://evil.example) &lt;b&gt;@\u2060team&lt;/b&gt;&quot;)" in page
    assert "<strong>SL502</strong> <code>no-listening</code> [warning]" in page


def test_a_long_markdown_diff_is_cut_to_the_comment_limit(workdir):
    many = "".join(f"  - {{id: t{i}, name: Weekly post number {i} about our espresso blends and cafes, channel: "
                   f"instagram, objectives: [retain]}}\n" for i in range(2000))
    new = edit(PLAN, "listening:", many.rstrip("\n") + "\nlistening:")
    result = diff(PLAN, new, "--format", "markdown")
    assert size(result.stdout) <= COMMENT_LIMIT
    shown = result.stdout.count("\n- added t")
    assert 0 < shown < 2000
    total = 2000 + len(json.loads(diff(PLAN, new, "--format", "json").stdout)["files"][0]["introduced"])
    assert re.search(rf"\*\*{total - shown} more lines not shown\*\*: a pull-request comment holds at most 65,536 "
                     r"characters\.", result.stdout)


def test_a_version_that_does_not_parse(workdir):
    result = diff(PLAN, PLAN + "kpis: [unclosed\n")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == ("new.strategy.yaml (the new version could not be read as a plan, so "
                                             "only findings are compared)")
    assert "SL001 [error]" in section(result.stdout, "Findings introduced (1)")[0]


def test_standard_input_as_one_side(workdir):
    write("old.strategy.yaml", PLAN, dedent=False)
    result = run_cli(["diff", "old.strategy.yaml", "-"], input=edit(PLAN, "target: 70%", "target: 65%"))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "<stdin>"


@pytest.mark.parametrize("args, message", [
    (["diff", "only-one.strategy.yaml"], "Error: diff takes two files, OLD and NEW, or --base REV [PATHS]..."),
    (["diff", "a.strategy.yaml", "plans"], "stratlint: error: plans: is a folder; diff compares two files "
                                            "(for folders, use --base REV)"),
    (["diff", "-", "-"], "stratlint: error: only one of OLD and NEW can be standard input ('-')"),
])
def test_usage_errors(workdir, args, message):
    write("a.strategy.yaml", PLAN, dedent=False)
    Path("plans").mkdir()
    result = run_cli(args)
    assert result.exit_code == 2 and result.stderr.rstrip("\n").endswith(message) and result.stdout == ""


def test_a_missing_file_is_one_line_and_exit_2(workdir):
    write("a.strategy.yaml", PLAN, dedent=False)
    result = run_cli(["diff", "missing.strategy.yaml", "a.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: missing.strategy.yaml: No such file or directory\n"


# -- --base, in a temporary git repository ----------------------------------------------

GIT = shutil.which("git")
needs_git = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(*args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(workdir) -> Path:
    """A repository whose first commit holds four plans (one excluded by the
    config), a notes file, and a plan whose name looks like an option."""
    git("init", "-q", "-b", "main")
    write(".stratlint.yaml", "exclude: [archive]\n", dedent=False)
    write("plans/coffee.strategy.yaml", PLAN, dedent=False)
    write("plans/tea.strategy.yaml", edit(PLAN, "name: Northwind Coffee 2027", "name: Northwind Tea"), dedent=False)
    write("plans/archive/old.strategy.yaml", PLAN, dedent=False)
    write("plans/--output=hacked.strategy.yaml", PLAN, dedent=False)
    write("plans/café plan.strategy.yaml", PLAN.replace("\n", "\r\n"), dedent=False)
    write("notes.md", "not a plan\n", dedent=False)
    git("add", "-A")
    git("commit", "-q", "-m", "plans")
    return workdir


@needs_git
def test_base_compares_the_working_tree_with_a_revision(repo):
    write("plans/coffee.strategy.yaml", edit(PLAN, "target: 70%", "target: 65%"), dedent=False)
    os.remove("plans/tea.strategy.yaml")
    os.remove("plans/archive/old.strategy.yaml")  # excluded by the config: not reported
    write("plans/new.strategy.yaml", "version: 1\nname: New plan\n", dedent=False)  # untracked
    result = run_cli(["diff", "--base", "main", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["base"] == "main"
    status = {(f["old_path"], f["new_path"]): f["status"] for f in out["files"]}
    assert status == {
        ("plans/--output=hacked.strategy.yaml", "plans/--output=hacked.strategy.yaml"): "unchanged",
        ("plans/café plan.strategy.yaml", "plans/café plan.strategy.yaml"): "unchanged",
        ("plans/coffee.strategy.yaml", "plans/coffee.strategy.yaml"): "modified",
        (None, "plans/new.strategy.yaml"): "added",
        ("plans/tea.strategy.yaml", None): "removed",
    }
    coffee = next(f for f in out["files"] if f["new_path"] == "plans/coffee.strategy.yaml")
    assert coffee["changes"][0]["fields"] == [{"field": "target", "old": "70%", "new": "65%"}]
    added = next(f for f in out["files"] if f["status"] == "added")
    assert "SL101" in {f["code"] for f in added["introduced"]}
    assert not Path("hacked").exists() and not list(Path(".").glob("*hacked*"))
    text = run_cli(["diff", "--base", "main"]).stdout
    assert "plans/tea.strategy.yaml (plan removed)" in text and "plans/new.strategy.yaml (new plan)" in text
    assert text.splitlines()[-1].startswith("Compared 5 files against main: 1 changed, 1 added, 1 removed;")


@needs_git
def test_base_with_paths_and_from_a_subfolder(repo):
    write("plans/coffee.strategy.yaml", edit(PLAN, "channel: cafes, interaction", "channel: site, interaction"),
          dedent=False)
    os.remove("plans/tea.strategy.yaml")
    one = run_cli(["diff", "--base", "HEAD", "plans/coffee.strategy.yaml"])
    assert one.exit_code == 0
    assert one.stdout.splitlines()[:3] == [
        "plans/coffee.strategy.yaml", "  Tactics", '    changed tasting ("Subscriber tasting night"): moved from '
        "channel cafes to site"]
    gone = run_cli(["diff", "--base", "HEAD", "plans/tea.strategy.yaml"])  # named, though deleted
    assert gone.exit_code == 0 and gone.stdout.startswith("plans/tea.strategy.yaml (plan removed)\n")
    os.chdir("plans")
    below = run_cli(["diff", "--base", "HEAD~0", "--fail-on-new", "error", "."])
    assert below.exit_code == 0, below.stderr
    assert "coffee.strategy.yaml\n" in below.stdout and "tea.strategy.yaml (plan removed)" in below.stdout


@needs_git
def test_base_gates_a_change_that_adds_a_warning(repo):
    write("plans/coffee.strategy.yaml", edit(PLAN, "customer_care: {channels: [instagram, site], response_time: 4h, "
                                                    "owner: Support lead}\n", ""), dedent=False)
    result = run_cli(["diff", "--base", "main", "--fail-on-new", "warning", "plans"])
    assert result.exit_code == 1
    assert "plans/coffee.strategy.yaml:1:1: SL503 [warning]" in result.stdout


@needs_git
@pytest.mark.parametrize("revision, message", [
    ("--output=stolen.txt", "'--output=stolen.txt' is not a revision (a branch, tag or commit)"),
    ("-h", "'-h' is not a revision (a branch, tag or commit)"),
    ("no-such-branch", "no commit named 'no-such-branch' in "),
    ("main:plans", "no commit named 'main:plans' in "),
])
def test_a_revision_cannot_be_an_option(repo, revision, message):
    result = run_cli(["diff", f"--base={revision}"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"stratlint: error: {message}") and result.stderr.count("\n") == 1
    assert not Path("stolen.txt").exists()


def test_base_outside_a_repository(workdir):
    if GIT is None:
        pytest.skip("git is not installed")
    write("a.strategy.yaml", PLAN, dedent=False)
    result = run_cli(["diff", "--base", "main"])
    assert result.exit_code == 2
    assert result.stderr == (f"stratlint: error: --base compares with a git revision, and {os.getcwd()} is not in "
                             "a git working tree\n")


@needs_git
def test_base_names_a_path_that_is_nowhere(repo):
    result = run_cli(["diff", "--base", "main", "plans/nowhere.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: plans/nowhere.strategy.yaml: no such file or directory, here or at main\n"


def test_help_names_both_forms():
    result = run_cli(["diff", "--help"])
    assert "OLD NEW | [PATHS]..." in result.stdout and "--base REV" in result.stdout
    assert "--fail-on-new [error|warning|info]" in result.stdout


# -- any values at all ----------------------------------------------------------------


_REFS = [("/tactics/*/channel", "/channels"), ("/objectives/*/kpis", "/kpis"),
         ("/budget/allocations/*/channel", "/channels")]
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                     st.text(max_size=8), st.sampled_from(["a", "b", "c", "#x", "", "paid", "offline"]))
_values = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "kind", "channel", "kpis", "amount", "allocations", "currency",
                                     "segments", "x"]), inner, max_size=4)), max_leaves=16)
_plans = st.dictionaries(st.sampled_from(["name", "sponsor", "period", "objectives", "audience", "kpis", "channels",
                                          "tactics", "budget", "review"]), _values, max_size=7)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=st.one_of(_plans, _values), new=st.one_of(_plans, _values))
def test_any_two_plans_compare_and_render(old, new):
    changes, shift = compare(old, new, _REFS)
    assert compare(new, new, _REFS) == ([], None)  # a plan is no change from itself
    diff = PlanDiff([FileDiff("a.yaml", "a.yaml", changes=changes, budget=shift)])
    for fmt in FORMATS:
        assert render(fmt, diff)
    json.loads(render("json", diff))


def test_a_change_of_currency_shows_every_kind(workdir):
    new = edit(PLAN, "currency: EUR", "currency: GBP")
    assert section(diff(PLAN, new).stdout, "Budget by channel kind (EUR -> GBP)") == [
        "social: 5,000 -> 5,000 (±0)", "offline: 10,000 -> 10,000 (±0)"]


@needs_git
def test_base_with_a_path_outside_the_working_tree(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "x.strategy.yaml"
    outside.write_text(PLAN)
    result = run_cli(["diff", "--base", "main", str(outside)])
    assert result.exit_code == 2
    assert result.stderr == (f"stratlint: error: {outside}: not in the git working tree at {Path.cwd().resolve()}, "
                             "so it has no old version\n")


def test_a_path_that_cannot_be_read_is_never_no_change_in_0_files(workdir):
    write("plan.strategy.yaml", PLAN)
    result = run_cli(["diff", "plan.strategy.yaml", "gone.strategy.yaml"])
    assert result.stdout == "No file was compared; see the errors above.\n"
    assert result.stderr == "stratlint: error: gone.strategy.yaml: no such file or directory\n"
    assert result.exit_code == 2
