"""Inline suppressions, waivers and `stratlint waivers`.

DESIGN.md, "Configuration (contract)": `# stratlint: disable=RULE[,RULE]` at
the end of the finding's line or alone on the line above it;
`# stratlint: disable-file=...` anywhere in the file; `--report-unused-disables`
reports a suppression that suppresses nothing. A suppression with a reason
and `until YYYY-MM-DD` is a waiver: past its date it no longer suppresses
and is reported itself (SL007 expired-waiver); with `require-reason: true`
a suppression without a reason suppresses nothing (SL008).

Dates are far in the past (2000-01-01) or far in the future (2999-12-31),
so that no test depends on today's date.
"""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tests.helpers import run_cli

VANITY_MSG = ("every KPI is a vanity or activity metric ('Page likes', 'Followers'); add one that measures customer action "
              "such as retention, referrals or repeat purchases")
NO_TARGET_MSG = "KPI 'Followers' has no target; set the value it should reach so the plan can tell success from failure"
PLACEHOLDER_MSG = "'TODO' is only a placeholder; write the real value, or remove the key until it is decided"
SELECT = "SL201,SL202,SL903,SL0"  # the rules these plans draw, and the suppression rules SL006-SL008


def vanity(line: int) -> str:
    return f"plan.strategy.yaml:{line}:1: SL201 [warning] {VANITY_MSG}  (vanity-only-kpis)"


def no_target(line: int, column: int = 5) -> str:
    return f"plan.strategy.yaml:{line}:{column}: SL202 [warning] {NO_TARGET_MSG}  (kpi-without-target)"


def unused(line: int, column: int, names: str) -> str:
    return (f"plan.strategy.yaml:{line}:{column}: SL006 [warning] this suppression of {names} suppresses nothing; "
            "remove it  (unused-suppression)")


def check(here: Path, plan: str, *options: str, select: str = SELECT):
    (here / "plan.strategy.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    return run_cli(["check", "--select", select, *options, "plan.strategy.yaml"])


def lines(result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture(autouse=True)
def here(workdir) -> Path:
    return workdir


PLAN = """\
    version: 1
    name: Spring plan
    objectives:
      - id: grow
        statement: Grow repeat purchases by 20%
    kpis:
      - {id: likes, name: Page likes, target: 1000, objective: grow}
      - {id: fans, name: Followers, objective: grow}
    """


def test_without_suppressions_the_plan_draws_two_findings(here):
    result = check(here, PLAN)
    assert lines(result) == [vanity(6), no_target(8), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


# -- disable= on the finding's line, or alone on the line above -----------------------

@pytest.mark.parametrize("name", ["vanity-only-kpis", "SL201", "SL20", "sl201"])
def test_disable_at_the_end_of_the_findings_line(here, name):
    result = check(here, PLAN.replace("    kpis:\n", f"    kpis:  # stratlint: disable={name}\n"))
    assert lines(result) == [no_target(8), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_disable_alone_on_the_line_above(here):
    result = check(here, PLAN.replace("    kpis:\n", "    # stratlint: disable=vanity-only-kpis\n    kpis:\n"))
    assert lines(result) == [no_target(9), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_disable_alone_on_the_line_above_a_list_item(here):
    plan = PLAN.replace("      - {id: fans", "      # stratlint: disable=kpi-without-target\n      - {id: fans")
    assert lines(check(here, plan)) == [vanity(6), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_disable_two_lines_above_does_not_reach_the_finding(here):
    plan = PLAN.replace("    kpis:\n", "    # stratlint: disable=vanity-only-kpis\n\n    kpis:\n")
    result = check(here, plan, "--report-unused-disables")
    assert lines(result) == [unused(6, 1, "vanity-only-kpis"), vanity(8), no_target(10),
                             "Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file."]


def test_disable_on_the_line_below_does_not_reach_the_finding(here):
    plan = PLAN.replace("target: 1000, objective: grow}", "target: 1000, objective: grow}  # stratlint: disable=SL201")
    assert lines(check(here, plan)) == [vanity(6), no_target(8),
                                        "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


def test_disable_only_suppresses_the_rules_it_names(here):
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=kpi-without-target\n")
    result = check(here, plan, "--report-unused-disables")
    assert lines(result) == [vanity(6), unused(6, 8, "kpi-without-target"), no_target(8),
                             "Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file."]


@pytest.mark.parametrize("names", ["SL202,placeholder-text", "SL202, SL903", "placeholder-text,kpi-without-target"])
def test_disable_names_several_rules_separated_by_commas(here, names):
    plan = PLAN.replace("{id: fans, name: Followers, objective: grow}",
                        f"{{id: fans, name: TODO, objective: grow}}  # stratlint: disable={names}")
    result = check(here, plan, "--report-unused-disables")
    assert result.stdout == "No problems found in 1 file.\n"  # 'TODO' is no vanity name: SL201 is gone too
    plan = plan.replace(f"# stratlint: disable={names}", "")
    assert [line.split(" ")[1] for line in lines(check(here, plan))[:-1]] == ["SL202", "SL903"]


# -- a finding about a mapping is suppressed on the mapping's line -------------------------

BLOCK_PLAN = """\
    version: 1
    name: Spring plan
    objectives:
      - id: grow
        statement: Grow repeat purchases by 20%
    kpis:
      - id: likes
        name: Page likes
        target: 1000
        objective: grow
      - id: fans{fans}
        name: Followers{name}
        objective: grow
    """


def test_a_finding_about_a_list_item_stands_on_its_first_line(here):
    result = check(here, BLOCK_PLAN.format(fans="", name=""))
    assert lines(result) == [vanity(6), no_target(11), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


def test_a_finding_about_a_mapping_is_suppressed_on_the_mappings_line(here):
    result = check(here, BLOCK_PLAN.format(fans="  # stratlint: disable=kpi-without-target", name=""),
                   "--report-unused-disables")
    assert lines(result) == [vanity(6), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_a_finding_about_a_mapping_is_not_suppressed_on_a_child_line(here):
    result = check(here, BLOCK_PLAN.format(fans="", name="  # stratlint: disable=kpi-without-target"),
                   "--report-unused-disables")
    assert lines(result) == [vanity(6), no_target(11), unused(12, 22, "kpi-without-target"),
                             "Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file."]


def test_a_finding_about_a_section_is_suppressed_on_its_keys_line(here):
    plan = BLOCK_PLAN.format(fans="", name="").replace("    kpis:\n", "    kpis:  # stratlint: disable=SL201\n")
    assert lines(check(here, plan)) == [no_target(11), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


LISTENING_MSG = ("the plan does not listen: it names no listening tools and no cadence; add listening with the "
                 "tools that monitor conversations about you and how often someone acts on them")


def test_a_finding_about_the_whole_plan_is_suppressed_on_line_1(here):
    result = check(here, "version: 1\nname: Spring plan\n", select="no-listening")
    assert lines(result) == [f"plan.strategy.yaml:1:1: SL502 [warning] {LISTENING_MSG}  (no-listening)",
                             "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    result = check(here, "version: 1  # stratlint: disable=no-listening\nname: Spring plan\n", select="no-listening")
    assert result.stdout == "No problems found in 1 file.\n"


# -- disable-file= anywhere -------------------------------------------------------------------

@pytest.mark.parametrize("where", ["top", "middle", "end"])
def test_disable_file_anywhere_suppresses_in_the_whole_file(here, where):
    comment = "# stratlint: disable-file=SL20\n"
    plan = textwrap.dedent(PLAN)
    plan = {"top": comment + plan,
            "middle": plan.replace("kpis:\n", "kpis:\n  " + comment),
            "end": plan + comment}[where]
    result = check(here, plan, "--report-unused-disables")
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0


def test_disable_file_names_several_rules(here):
    plan = textwrap.dedent(PLAN) + "# stratlint: disable-file=vanity-only-kpis,SL202\n"
    assert check(here, plan).stdout == "No problems found in 1 file.\n"


def test_disable_file_only_suppresses_the_rules_it_names(here):
    plan = textwrap.dedent(PLAN) + "# stratlint: disable-file=SL202\n"
    assert lines(check(here, plan)) == [vanity(6), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


# -- what is not a suppression ----------------------------------------------------------------

@pytest.mark.parametrize("plan", [
    PLAN.replace("name: Spring plan", 'name: "Spring plan # stratlint: disable-file=SL2"'),
    PLAN.replace("name: Spring plan", "name: 'Spring # stratlint: disable-file=SL2'"),
    PLAN.replace("name: Spring plan", "name: Spring plan\n    value_proposition: |\n      Bread at four.\n"
                                      "      # stratlint: disable-file=SL2"),
])
def test_the_marker_inside_a_value_is_not_a_suppression(here, plan):
    result = check(here, plan)
    assert [line.split(" ")[1] for line in lines(result)[:-1]] == ["SL201", "SL202"]
    assert run_cli(["waivers", "plan.strategy.yaml"]).stdout == "0 suppressions, 0 expired, in 1 file.\n"


# -- --report-unused-disables --------------------------------------------------------------------

def test_unused_suppressions_are_reported_only_with_the_flag(here):
    plan = textwrap.dedent(PLAN).replace("name: Spring plan\n", "name: Spring plan  # stratlint: disable=SL201\n")
    plan += "# stratlint: disable-file=kpi-without-target,SL903\n"
    quiet = check(here, plan)
    assert lines(quiet) == [vanity(6), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert quiet.exit_code == 0
    loud = check(here, plan, "--report-unused-disables")
    assert lines(loud) == [unused(2, 20, "SL201"), vanity(6), unused(9, 1, "SL903"),
                           "Found 3 problems (0 errors, 3 warnings, 0 info) in 1 file."]
    assert check(here, plan, "--report-unused-disables", "--fail-on", "warning").exit_code == 1


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused(here):
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n")
    result = check(here, plan, "--report-unused-disables", select="SL202,SL006")
    assert lines(result) == [no_target(8), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_report_unused_disables_works_whatever_rules_are_selected(here):
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=kpi-without-target\n")
    result = check(here, plan, "--report-unused-disables", select="SL202")
    assert lines(result) == [unused(6, 8, "kpi-without-target"), no_target(8),
                             "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


# -- waivers: a reason and an expiry ---------------------------------------------------------------

def test_a_waiver_before_its_date_suppresses(here):
    plan = PLAN.replace("    kpis:\n", "    # stratlint: disable=SL201 -- launch quarter only, until 2999-12-31\n"
                                      "    kpis:\n")
    result = check(here, plan, "--report-unused-disables")
    assert lines(result) == [no_target(9), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_a_waiver_past_its_date_stops_suppressing_and_is_reported(here):
    plan = PLAN.replace("    kpis:\n", "    # stratlint: disable=SL201 -- launch quarter only, until 2000-01-01\n"
                                      "    kpis:\n")
    result = check(here, plan)
    assert lines(result) == [
        "plan.strategy.yaml:6:1: SL007 [error] the waiver for SL201 expired on 2000-01-01; fix the findings it hid "
        "or renew it with a new date and reason  (expired-waiver)",
        vanity(7), no_target(9),
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_an_expired_end_of_line_waiver_is_reported_at_its_comment(here):
    plan = PLAN.replace("{id: fans, name: Followers, objective: grow}",
                        "{id: fans, name: Followers, objective: grow}  # stratlint: disable=SL202 -- "
                        "set after launch, until 2000-01-01")
    result = check(here, plan)
    assert lines(result) == [
        vanity(6), no_target(8),
        "plan.strategy.yaml:8:51: SL007 [error] the waiver for SL202 expired on 2000-01-01; fix the findings it hid "
        "or renew it with a new date and reason  (expired-waiver)",
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]


def test_an_expired_file_waiver_stops_suppressing(here):
    plan = "# stratlint: disable-file=SL2 -- legacy plan, until 2000-01-01\n" + textwrap.dedent(PLAN)
    result = check(here, plan)
    assert lines(result) == [
        "plan.strategy.yaml:1:1: SL007 [error] the waiver for SL2 expired on 2000-01-01; fix the findings it hid "
        "or renew it with a new date and reason  (expired-waiver)",
        vanity(7), no_target(9),
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]


def test_a_waiver_with_an_impossible_date_does_not_suppress_and_is_reported(here):
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=SL201 -- launch only, until 2999-02-30\n")
    result = check(here, plan)
    assert lines(result) == [
        vanity(6),
        "plan.strategy.yaml:6:8: SL007 [error] the waiver's date '2999-02-30' is not a real date; write it as "
        "YYYY-MM-DD  (expired-waiver)",
        no_target(8),
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]


def test_an_expired_waiver_is_reported_whatever_rules_are_selected(here):
    (here / ".stratlint.yaml").write_text("select: [SL2]\n")
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=SL201 -- launch only, until 2000-01-01\n")
    (here / "plan.strategy.yaml").write_text(textwrap.dedent(plan))
    result = run_cli(["check", "plan.strategy.yaml"])
    assert "plan.strategy.yaml:6:8: SL007 [error] the waiver for SL201 expired on 2000-01-01" in result.stdout
    assert result.exit_code == 1


# -- require-reason ---------------------------------------------------------------------------------

def test_require_reason_refuses_a_suppression_without_a_reason(here):
    (here / ".stratlint.yaml").write_text("require-reason: true\n")
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n")
    result = check(here, plan)
    assert lines(result) == [
        vanity(6),
        "plan.strategy.yaml:6:8: SL008 [error] the suppression of vanity-only-kpis gives no reason; add one after "
        "'--', e.g. '-- launch quarter only'  (missing-waiver-reason)",
        no_target(8),
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_require_reason_refuses_a_file_suppression_without_a_reason(here):
    (here / ".stratlint.yaml").write_text("require-reason: true\n")
    result = check(here, textwrap.dedent(PLAN) + "# stratlint: disable-file=SL202\n")
    assert lines(result) == [
        vanity(6), no_target(8),
        "plan.strategy.yaml:9:1: SL008 [error] the suppression of SL202 gives no reason; add one after "
        "'--', e.g. '-- launch quarter only'  (missing-waiver-reason)",
        "Found 3 problems (1 error, 2 warnings, 0 info) in 1 file."]


@pytest.mark.parametrize("reason", ["-- agreed with the CMO", "-- launch quarter only, until 2999-12-31"])
def test_require_reason_accepts_a_suppression_with_a_reason(here, reason):
    (here / ".stratlint.yaml").write_text("require-reason: true\n")
    plan = PLAN.replace("    kpis:\n", f"    kpis:  # stratlint: disable=vanity-only-kpis {reason}\n")
    result = check(here, plan)
    assert lines(result) == [no_target(8), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_without_require_reason_a_bare_suppression_is_fine(here):
    (here / ".stratlint.yaml").write_text("require-reason: false\n")
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n")
    assert lines(check(here, plan)) == [no_target(8), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_require_reason_in_pyproject(here):
    (here / "pyproject.toml").write_text("[tool.stratlint]\nrequire-reason = true\n")
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n")
    assert [line.split(" ")[1] for line in lines(check(here, plan))[:-1]] == ["SL201", "SL008", "SL202"]


def test_a_missing_reason_is_reported_whatever_rules_are_selected(here):
    (here / ".stratlint.yaml").write_text("require-reason: true\nselect: [SL2]\n")
    plan = PLAN.replace("    kpis:\n", "    kpis:  # stratlint: disable=vanity-only-kpis\n")
    (here / "plan.strategy.yaml").write_text(textwrap.dedent(plan))
    result = run_cli(["check", "plan.strategy.yaml"])
    assert "plan.strategy.yaml:6:8: SL008 [error] the suppression of vanity-only-kpis gives no reason" in result.stdout


# -- stratlint waivers ---------------------------------------------------------------------------------

WAIVED = """\
    version: 1
    name: Spring plan
    objectives:
      - id: grow
        statement: Grow repeat purchases by 20%
    # stratlint: disable=SL201 -- launch quarter only, until 2000-01-01
    kpis:
      - {id: likes, name: Page likes, target: 1000, objective: grow}  # stratlint: disable=SL203 -- measured from launch, until 2999-12-31
      - {id: fans, name: Followers, objective: grow}  # stratlint: disable=SL202,placeholder-text
    # stratlint: disable-file=SL7 -- one-person company
    """


def test_waivers_lists_every_suppression_with_rules_reason_expiry_and_place(here):
    (here / "plans").mkdir()
    (here / "plans" / "q3.strategy.yaml").write_text(textwrap.dedent(WAIVED))
    (here / "plans" / "clean.strategy.yaml").write_text(textwrap.dedent(PLAN))
    result = run_cli(["waivers", "--format", "json", "plans"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["waivers"]
    assert [{k: r[k] for k in ("path", "line", "column", "scope", "rules", "until", "status")} for r in rows] == [
        {"path": "plans/q3.strategy.yaml", "line": 6, "column": 1, "scope": "disable", "rules": ["SL201"],
         "until": "2000-01-01", "status": "expired"},
        {"path": "plans/q3.strategy.yaml", "line": 8, "column": 67, "scope": "disable", "rules": ["SL203"],
         "until": "2999-12-31", "status": "active"},
        {"path": "plans/q3.strategy.yaml", "line": 9, "column": 51, "scope": "disable",
         "rules": ["SL202", "placeholder-text"], "until": None, "status": "active"},
        {"path": "plans/q3.strategy.yaml", "line": 10, "column": 1, "scope": "disable-file", "rules": ["SL7"],
         "until": None, "status": "active"},
    ]
    assert rows[0]["reason"].startswith("launch quarter only")
    assert rows[1]["reason"].startswith("measured from launch")
    assert [r["reason"] for r in rows[2:]] == ["", "one-person company"]


def test_waivers_text_lists_one_line_each_and_a_summary(here):
    (here / "a.strategy.yaml").write_text("version: 1  # stratlint: disable=no-listening -- we listen in the shop\n"
                                          "name: A\n# stratlint: disable-file=SL7\n")
    (here / "b.strategy.yaml").write_text("version: 1\nname: B\n")
    result = run_cli(["waivers"])
    assert lines(result) == [
        "a.strategy.yaml:1:13: no-listening [line] no expiry: we listen in the shop",
        "a.strategy.yaml:3:1: SL7 [whole file] no expiry: (no reason given)",
        "2 suppressions, 0 expired, in 2 files.",
    ]
    assert result.exit_code == 0


def test_waivers_counts_the_expired_ones(here):
    (here / "plan.strategy.yaml").write_text(textwrap.dedent(WAIVED))
    result = run_cli(["waivers", "plan.strategy.yaml"])
    assert lines(result)[-1] == "4 suppressions, 1 expired, in 1 file."
    assert [line.split(" [")[0] for line in lines(result)[:-1]] == [
        "plan.strategy.yaml:6:1: SL201", "plan.strategy.yaml:8:67: SL203",
        "plan.strategy.yaml:9:51: SL202,placeholder-text", "plan.strategy.yaml:10:1: SL7"]
    assert "until 2000-01-01 (expired)" in lines(result)[0]
    assert "until 2999-12-31 (active)" in lines(result)[1]


def test_waivers_lists_the_reason_apart_from_the_expiry(here):
    (here / "plan.strategy.yaml").write_text(textwrap.dedent(WAIVED))
    result = run_cli(["waivers", "plan.strategy.yaml"])
    assert lines(result)[:2] == [
        "plan.strategy.yaml:6:1: SL201 [line] until 2000-01-01 (expired): launch quarter only",
        "plan.strategy.yaml:8:67: SL203 [line] until 2999-12-31 (active): measured from launch",
    ]
    rows = json.loads(run_cli(["waivers", "--format", "json", "plan.strategy.yaml"]).stdout)["waivers"]
    assert [r["reason"] for r in rows[:2]] == ["launch quarter only", "measured from launch"]


def test_waivers_of_a_missing_path_is_exit_2(here):
    result = run_cli(["waivers", "nowhere.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: nowhere.strategy.yaml: no such file or directory\n"


def test_a_suppression_naming_no_rule_is_reported_with_report_unused_disables(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.strategy.yaml").write_text("version: 1\nname: x  # stratlint: disable=no-such-rule\n")
    result = run_cli(["check", "--isolated", "--select", "SL0", "--report-unused-disables",
                                      "s.strategy.yaml"])
    assert result.stdout.splitlines()[0] == (
        "s.strategy.yaml:2:10: SL006 [warning] this suppression names 'no-such-rule', which is no rule; "
        "correct the name or remove it  (unused-suppression)")
    quiet = run_cli(["check", "--isolated", "--select", "SL0", "s.strategy.yaml"])
    assert quiet.stdout == "No problems found in 1 file.\n"


def test_waivers_says_how_many_paths_could_not_be_read_never_zero_files(here):
    (here / "plan.strategy.yaml").write_text("version: 1\nname: P\n")
    both = run_cli(["waivers", "nope.strategy.yaml", "plan.strategy.yaml"])
    assert both.stdout == "0 suppressions, 0 expired, in 1 file; 1 path could not be read (see the errors above).\n"
    assert both.stderr == "stratlint: error: nope.strategy.yaml: no such file or directory\n"
    assert both.exit_code == 2
    none = run_cli(["waivers", "nope.strategy.yaml"])
    assert none.stdout == "No file was read; 1 path could not be read (see the errors above).\n"
