"""Baselines: `--write-baseline FILE`, `--baseline FILE` and config `baseline`.

DESIGN.md, "Configuration (contract)": a finding's fingerprint is its path,
rule and JSON Pointer (plus a hash of the node's content where the pointer
is a list index), never its line number; the path is recorded relative to
the baseline file's folder, with '/'. So: inserting lines or items
above a baselined finding keeps it baselined; changing the offending value
reports it again; a fixed finding disappears from the next written
baseline; the file is stable, sorted, diff-friendly JSON.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import cli
from tests.helpers import run_cli

SELECT = "SL201,SL202,SL203,SL903,SL402"

PLAN = """\
version: 1
name: Spring plan
objectives:
  - id: grow
    statement: TODO
kpis:
  - {id: likes, name: Page likes, target: 1000, objective: grow}
  - {id: fans, name: Followers, objective: grow}
tactics:
  - {id: post, name: Weekly post}
"""

PLACEHOLDER = "'{value}' is only a placeholder; write the real value, or remove the key until it is decided"
VANITY = ("every KPI is a vanity or activity metric ({labels}); add one that measures customer action such as retention, "
          "referrals or repeat purchases")
NO_TARGET = "KPI '{name}' has no target; set the value it should reach so the plan can tell success from failure"
NO_BASELINE = ("KPI '{name}' has a target but no baseline; record where it stands today so the change can be "
               "measured")
NO_OBJECTIVE = ("tactic '{name}' serves no objective and has no channel that serves one; name the objectives it "
                "serves, or drop it")

# The five findings PLAN draws, as the text format prints them.
PLAN_FINDINGS = [
    "plan.strategy.yaml:5:16: SL903 [warning] " + PLACEHOLDER.format(value="TODO") + "  (placeholder-text)",
    "plan.strategy.yaml:6:1: SL201 [warning] " + VANITY.format(labels="'Page likes', 'Followers'")
    + "  (vanity-only-kpis)",
    "plan.strategy.yaml:7:5: SL203 [info] " + NO_BASELINE.format(name="Page likes") + "  (kpi-without-baseline)",
    "plan.strategy.yaml:8:5: SL202 [warning] " + NO_TARGET.format(name="Followers") + "  (kpi-without-target)",
    "plan.strategy.yaml:10:5: SL402 [warning] " + NO_OBJECTIVE.format(name="Weekly post")
    + "  (tactic-without-objective)",
]


def check(*args: str):
    return run_cli(["check", "--isolated", "--select", SELECT, *args])


def lines(result) -> list[str]:
    return result.stdout.splitlines()


def write_plan(here: Path, text: str, name: str = "plan.strategy.yaml") -> None:
    (here / name).write_text(text, encoding="utf-8")


def recorded(path: Path) -> list[tuple[str, str, str]]:
    """(path, code, message) of each baseline entry."""
    return [(e["path"], e["code"], e["message"]) for e in json.loads(path.read_text())["findings"]]


@pytest.fixture(autouse=True)
def here(workdir) -> Path:
    write_plan(workdir, PLAN)
    return workdir


@pytest.fixture
def baselined(here) -> Path:
    result = check("--write-baseline", "base.json", "plan.strategy.yaml")
    assert result.exit_code == 0
    return here / "base.json"


# -- writing and using a baseline ------------------------------------------------------------

def test_write_baseline_records_todays_findings_and_exits_0(here):
    write_plan(here, PLAN.replace("statement: TODO", "statement: TODO\n    type: marketing"))  # + SL101, an error
    result = run_cli(["check", "--isolated", "--select", SELECT + ",SL101", "--write-baseline", "base.json",
                      "plan.strategy.yaml"])
    assert result.exit_code == 0
    assert [line.split(" ")[1] for line in lines(result)[:-1]] == ["SL101", "SL903", "SL201", "SL203", "SL202",
                                                                  "SL402"]
    assert [code for _, code, _ in recorded(here / "base.json")] == [
        "SL101", "SL201", "SL202", "SL203", "SL402", "SL903"]
    assert result.stderr == ("Recorded 6 findings in base.json; with --baseline base.json only new ones "
                             "are reported.\n")
    quiet = run_cli(["check", "--isolated", "-q", "--write-baseline", "base.json", "plan.strategy.yaml"])
    assert quiet.stderr == ""


def test_baseline_hides_the_recorded_findings(baselined):
    assert check("plan.strategy.yaml").exit_code == 0
    assert check("--fail-on", "info", "plan.strategy.yaml").exit_code == 1
    result = check("--fail-on", "info", "--baseline", "base.json", "plan.strategy.yaml")
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0


def test_a_new_finding_is_reported_over_a_baseline(here, baselined):
    write_plan(here, PLAN + "  - {id: quiz, name: Monthly quiz}\n")
    result = check("--fail-on", "warning", "--baseline", "base.json", "plan.strategy.yaml")
    assert lines(result) == [
        "plan.strategy.yaml:11:5: SL402 [warning] " + NO_OBJECTIVE.format(name="Monthly quiz")
        + "  (tactic-without-objective)",
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_a_baseline_covers_only_the_file_it_recorded(here, baselined):
    write_plan(here, PLAN, "copy.strategy.yaml")
    result = check("--baseline", "base.json", "plan.strategy.yaml", "copy.strategy.yaml")
    assert lines(result) == [line.replace("plan.strategy.yaml", "copy.strategy.yaml") for line in PLAN_FINDINGS] + [
        "Found 5 problems (0 errors, 4 warnings, 1 info) in 2 files."]


def test_the_config_baseline_key_is_relative_to_the_config_file(here, monkeypatch):
    (here / "ci").mkdir()
    assert check("--write-baseline", "ci/base.json", "plan.strategy.yaml").exit_code == 0
    (here / "ci" / "team.yaml").write_text(f"select: [{SELECT}]\nbaseline: base.json\n")
    result = run_cli(["check", "--config", "ci/team.yaml", "--fail-on", "info", "plan.strategy.yaml"])
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0
    (here / ".stratlint.yaml").write_text(f"select: [{SELECT}]\nbaseline: ci/base.json\n")
    assert run_cli(["check", "plan.strategy.yaml"]).stdout == "No problems found in 1 file.\n"


def test_cli_baseline_overrides_the_config_baseline(here, baselined):
    write_plan(here, PLAN.replace("statement: TODO", "statement: Grow repeat purchases by 20%"))
    assert check("--write-baseline", "fixed.json", "plan.strategy.yaml").exit_code == 0
    write_plan(here, PLAN)
    (here / ".stratlint.yaml").write_text(f"select: [{SELECT}]\nbaseline: fixed.json\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        PLAN_FINDINGS[0], "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert run_cli(["check", "--baseline", "base.json", "plan.strategy.yaml"]).stdout == "No problems found in 1 file.\n"


def test_write_baseline_records_everything_even_when_a_baseline_is_configured(here, baselined):
    (here / ".stratlint.yaml").write_text(f"select: [{SELECT}]\nbaseline: base.json\n")
    result = run_cli(["check", "--write-baseline", "again.json", "plan.strategy.yaml"])
    assert lines(result) == PLAN_FINDINGS + ["Found 5 problems (0 errors, 4 warnings, 1 info) in 1 file."]
    assert (here / "again.json").read_bytes() == baselined.read_bytes()


def test_statistics_count_only_the_findings_not_in_the_baseline(here, baselined):
    write_plan(here, PLAN + "  - {id: quiz, name: Monthly quiz}\n")
    result = check("--statistics", "--baseline", "base.json", "plan.strategy.yaml")
    assert lines(result) == ["1  SL402   [warning] tactic-without-objective",
                             "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


# -- fingerprints never use line numbers -----------------------------------------------------------

@pytest.mark.parametrize("edit", [
    lambda p: "# yaml-language-server: $schema=strategy-v1.schema.json\n\n# Spring plan, draft 2\n" + p,
    lambda p: p.replace("name: Spring plan\n", "name: Spring plan\nowner: Ana\nsponsor: Ben\n\n"),
    lambda p: p.replace("kpis:\n", "value_proposition: Bread at four\n\nkpis:\n"),
    lambda p: p.replace("objectives:\n  - id: grow\n    statement: TODO\n",
                        "objectives:\n  -\n    id: grow\n\n    statement: TODO\n"),
], ids=["comments-on-top", "keys-above", "section-above", "reflowed"])
def test_inserting_lines_above_keeps_findings_baselined(here, baselined, edit):
    write_plan(here, edit(PLAN))
    moved = check("plan.strategy.yaml")
    assert lines(moved)[:-1] != PLAN_FINDINGS  # the findings did move
    assert len(lines(moved)) == len(PLAN_FINDINGS) + 1
    result = check("--fail-on", "info", "--baseline", "base.json", "plan.strategy.yaml")
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0


def test_inserting_items_above_keeps_findings_on_later_items_baselined(here, baselined):
    plan = PLAN.replace("  - {id: likes,", "  - {id: buyers, name: Repeat buyers, baseline: 10, target: 30, "
                                          "objective: grow}\n  - {id: likes,")
    plan = plan.replace("tactics:\n", "tactics:\n  - {id: quiz, name: Monthly quiz}\n")
    write_plan(here, plan)
    result = check("--baseline", "base.json", "plan.strategy.yaml")
    # only the new tactic; the moved KPI and tactic findings stay baselined (and SL201 no longer fires)
    assert lines(result) == [
        "plan.strategy.yaml:11:5: SL402 [warning] " + NO_OBJECTIVE.format(name="Monthly quiz")
        + "  (tactic-without-objective)",
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_reordering_items_keeps_findings_baselined(here, baselined):
    plan = PLAN.replace("  - {id: likes, name: Page likes, target: 1000, objective: grow}\n"
                        "  - {id: fans, name: Followers, objective: grow}\n",
                        "  - {id: fans, name: Followers, objective: grow}\n"
                        "  - {id: likes, name: Page likes, target: 1000, objective: grow}\n")
    write_plan(here, plan)
    result = check("--baseline", "base.json", "plan.strategy.yaml")
    # SL201 lists the KPIs in their new order, so its message changes; the per-KPI findings stay baselined
    assert [line.split(" ")[1] for line in lines(result)[:-1]] in ([], ["SL201"])
    assert not any(" SL202 " in line or " SL203 " in line for line in lines(result))


# -- changing the offending value reports it again -------------------------------------------------

@pytest.mark.parametrize("old, new, expected", [
    ("statement: TODO", "statement: TBD",
     "plan.strategy.yaml:5:16: SL903 [warning] " + PLACEHOLDER.format(value="TBD") + "  (placeholder-text)"),
    ("{id: fans, name: Followers,", "{id: fans, name: Instagram followers,",
     "plan.strategy.yaml:8:5: SL202 [warning] " + NO_TARGET.format(name="Instagram followers")
     + "  (kpi-without-target)"),
    ("name: Weekly post}", "name: Weekly story}",
     "plan.strategy.yaml:10:5: SL402 [warning] " + NO_OBJECTIVE.format(name="Weekly story")
     + "  (tactic-without-objective)"),
    ("target: 1000", "target: 2000",
     "plan.strategy.yaml:7:5: SL203 [info] " + NO_BASELINE.format(name="Page likes") + "  (kpi-without-baseline)"),
], ids=["placeholder", "kpi-name", "tactic-name", "kpi-target"])
def test_changing_the_offending_value_reports_it_again(here, baselined, old, new, expected):
    write_plan(here, PLAN.replace(old, new))
    result = check("--baseline", "base.json", "plan.strategy.yaml")
    found = lines(result)
    assert expected in found
    assert len(found) in (2, 3)  # the changed finding (and SL201, whose list of KPI names may change), a summary
    assert all(" SL201 " in line for line in found[:-1] if line != expected)


def test_a_baselined_finding_counts_once_per_recorded_occurrence(here):
    # two identical items without an id (texts of a list), two identical fingerprints; identical tactics
    # would need the same id, which SL005 (always on) reports
    write_plan(here, PLAN + "listening:\n  tools: [TODO, TODO]\n")
    assert check("--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    assert check("--baseline", "base.json", "plan.strategy.yaml").stdout == "No problems found in 1 file.\n"
    write_plan(here, PLAN + "listening:\n  tools: [TODO, TODO, TODO]\n")  # a third one is new
    assert lines(check("--baseline", "base.json", "plan.strategy.yaml")) == [
        "plan.strategy.yaml:12:23: SL903 [warning] " + PLACEHOLDER.format(value="TODO") + "  (placeholder-text)",
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


# -- a fixed finding disappears from the next written baseline ---------------------------------------

def test_a_fixed_finding_disappears_from_the_next_written_baseline(here, baselined):
    before = recorded(baselined)
    assert ("plan.strategy.yaml", "SL903", PLACEHOLDER.format(value="TODO")) in before
    write_plan(here, PLAN.replace("statement: TODO", "statement: Grow repeat purchases by 20%"))
    assert check("--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    after = recorded(baselined)
    assert after == [entry for entry in before if entry[1] != "SL903"]


def test_a_deleted_file_disappears_from_the_next_written_baseline(here):
    write_plan(here, PLAN, "other.strategy.yaml")
    assert check("--write-baseline", "base.json", ".").exit_code == 0
    assert {path for path, _, _ in recorded(here / "base.json")} == {"other.strategy.yaml", "plan.strategy.yaml"}
    (here / "other.strategy.yaml").unlink()
    assert check("--write-baseline", "base.json", ".").exit_code == 0
    assert {path for path, _, _ in recorded(here / "base.json")} == {"plan.strategy.yaml"}


# -- a stable, sorted, diff-friendly file -------------------------------------------------------------

def test_the_baseline_is_byte_identical_when_written_twice(here, baselined):
    first = baselined.read_bytes()
    assert check("--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    assert baselined.read_bytes() == first


def test_the_baseline_does_not_depend_on_the_order_of_the_paths(here):
    write_plan(here, PLAN.replace("Spring", "Autumn"), "autumn.strategy.yaml")
    assert check("--write-baseline", "one.json", "plan.strategy.yaml", "autumn.strategy.yaml").exit_code == 0
    assert check("--write-baseline", "two.json", "autumn.strategy.yaml", "plan.strategy.yaml").exit_code == 0
    assert (here / "one.json").read_bytes() == (here / "two.json").read_bytes()


def test_the_baseline_is_sorted_indented_json_without_line_numbers(here):
    write_plan(here, PLAN, "autumn.strategy.yaml")
    assert check("--write-baseline", "base.json", "plan.strategy.yaml", "autumn.strategy.yaml").exit_code == 0
    text = (here / "base.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["findings"]
    assert len(entries) == 10
    keys = [(e["path"], e["code"], e["fingerprint"]) for e in entries]
    assert keys == sorted(keys)
    assert [e["path"] for e in entries] == ["autumn.strategy.yaml"] * 5 + ["plan.strategy.yaml"] * 5
    # one value per line, indented, ending with a newline: a change is a small diff
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert all(len(line) < 300 for line in text.splitlines())
    # nothing about where a finding stands in the file
    assert not any(key in e for e in entries for key in ("line", "column", "end_line", "end_column"))
    assert all(":5:" not in e["fingerprint"] and "|5|" not in e["fingerprint"] for e in entries)


def test_a_baseline_keeps_non_ascii_text_readable(here):
    write_plan(here, PLAN.replace("name: Followers", "name: Abonnés"))
    assert check("--write-baseline", "base.json", "plan.strategy.yaml").exit_code == 0
    assert "Abonnés" in (here / "base.json").read_text(encoding="utf-8")


# -- errors -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, error", [
    (None, "missing.json: cannot read the baseline: No such file or directory"),
    ('{"version": 1, "findings": [\n', "missing.json:2:1: the baseline is not valid JSON: Expecting value"),
    ("[]\n", 'missing.json: not a stratlint baseline (expected {"version": 1, "findings": [...]})'),
    ('{"version": 2, "findings": []}\n',
     'missing.json: not a stratlint baseline (expected {"version": 1, "findings": [...]})'),
])
def test_a_baseline_that_cannot_be_used_is_one_line_and_exit_2(here, content, error):
    if content is not None:
        (here / "missing.json").write_text(content)
    result = check("--baseline", "missing.json", "plan.strategy.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"stratlint: error: {error}\n"
    assert result.stdout == ""


def test_a_baseline_that_cannot_be_written_is_exit_2(here):
    result = check("--write-baseline", "no/such/folder/base.json", "plan.strategy.yaml")
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: no/such/folder/base.json: cannot write the baseline: "
                             "No such file or directory\n")


def test_the_same_file_spelt_differently_stays_baselined(here, baselined):
    result = check("--baseline", "base.json", "./plan.strategy.yaml")
    assert result.stdout == "No problems found in 1 file.\n"


def test_a_baseline_records_paths_relative_to_its_own_folder_and_holds_from_any_folder(here, monkeypatch):
    (here / "ci").mkdir()
    assert check("--write-baseline", "ci/base.json", "plan.strategy.yaml").exit_code == 0
    assert {path for path, _, _ in recorded(here / "ci" / "base.json")} == {"../plan.strategy.yaml"}
    assert all("plan.strategy.yaml" not in e["fingerprint"]
               for e in json.loads((here / "ci" / "base.json").read_text())["findings"])
    monkeypatch.chdir(here / "ci")
    result = check("--fail-on", "info", "--baseline", "base.json", "../plan.strategy.yaml")
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0


def test_adding_a_section_keeps_findings_about_the_whole_plan_baselined(tmp_path, monkeypatch):
    """A finding about the plan as a whole (1:1) or a section is not tied to the rest of its content."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.strategy.yaml").write_text(
        "version: 1\nname: x\nobjectives: [{id: o, statement: Grow retention}]\n"
        "kpis:\n  - {id: likes, name: Page likes, objective: o}\n")
    runner = CliRunner()
    wrote = runner.invoke(cli, ["check", "--isolated", "--write-baseline", "base.json", "p.strategy.yaml"])
    assert wrote.exit_code == 0
    with open(tmp_path / "p.strategy.yaml", "a") as fh:
        fh.write("owner: Ana\nsponsor: CEO\n")
    again = runner.invoke(cli, ["check", "--isolated", "--select", "SL301,SL201,SL502",
                                "--baseline", "base.json", "p.strategy.yaml"])
    assert again.stdout == "No problems found in 1 file.\n"
    assert again.exit_code == 0
