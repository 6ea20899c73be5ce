"""Configuration: discovery, every key, precedence and validation errors.

DESIGN.md, "Configuration (contract)": `.stratlint.yaml` or `[tool.stratlint]`
in `pyproject.toml`, found by walking up from the current directory;
`--config FILE`; `--isolated`. Precedence, highest first: the command line,
the nearest config, what it `extends`, each rule's defaults. A config that
does not validate is one line on stderr naming the file, line and key, and
exit code 2.

Every test runs in its own temporary folder (the current directory) and
pins the rules that run, so that unrelated rules never change the output.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli, write

# Three KPI findings, each at its own line, with distinct default severities.
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

VANITY_MSG = ("every KPI is a vanity or activity metric ('Page likes', 'Followers'); add one that measures customer "
              "action such as retention, referrals or repeat purchases")
SUCCESS_MSG = ("KPI '{name}' counts applause, not customer action, yet it is a measure of success ({use}); keep it as "
               "a diagnostic without a target or objective, or measure what customers do")
NO_TARGET_MSG = "KPI 'Followers' has no target; set the value it should reach so the plan can tell success from failure"
NO_BASELINE_MSG = ("KPI 'Page likes' has a target but no baseline; record where it stands today so the change "
                   "can be measured")


def sl201(severity="warning", path="plan.strategy.yaml"):
    return f"{path}:6:1: SL201 [{severity}] {VANITY_MSG}  (vanity-only-kpis)"


def sl203(severity="info", path="plan.strategy.yaml"):
    return f"{path}:7:5: SL203 [{severity}] {NO_BASELINE_MSG}  (kpi-without-baseline)"


sl203_line = sl203


def sl202(severity="warning", path="plan.strategy.yaml"):
    return f"{path}:8:5: SL202 [{severity}] {NO_TARGET_MSG}  (kpi-without-target)"


def sl206(kpi: int, severity="warning", path="plan.strategy.yaml"):
    """SL206 at the likes (7) or the followers (8): both are vanity KPIs that measure an objective."""
    message = SUCCESS_MSG.format(name="Page likes", use="target 1,000 and objective 'grow'") if kpi == 7 else \
        SUCCESS_MSG.format(name="Followers", use="objective 'grow'")
    return f"{path}:{kpi}:5: SL206 [{severity}] {message}  (vanity-kpi-as-success)"


def sl2(severity=None, *, sl203=None, path="plan.strategy.yaml") -> list[str]:
    """What the KPI rules (select: [SL2]) report on PLAN; SL203 is opt-in, so only when asked."""
    levels = {code: severity for code in ("SL201", "SL202", "SL206")} if severity else {}
    out = [sl201(levels.get("SL201", "warning"), path)]
    if sl203:
        out.append(sl203_line(sl203, path))
    out += [sl206(7, levels.get("SL206", "warning"), path), sl202(levels.get("SL202", "warning"), path),
            sl206(8, levels.get("SL206", "warning"), path)]
    return out


def lines(result) -> list[str]:
    return result.stdout.splitlines()


@pytest.fixture(autouse=True)
def here(workdir) -> Path:
    write(workdir / "plan.strategy.yaml", PLAN)
    return workdir


# -- discovery -------------------------------------------------------------------

def test_stratlint_yaml_in_the_current_directory_is_used(here):
    write(here / ".stratlint.yaml", "select: [SL201]\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl201(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_config_is_found_by_walking_up_from_a_subfolder(here, monkeypatch):
    write(here / ".stratlint.yaml", "select: [SL202]\nseverity: {SL202: error}\n")
    sub = here / "plans" / "q3"
    write(sub / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(sub)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl202("error"), "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_pyproject_with_a_tool_stratlint_table_is_a_config(here):
    write(here / "pyproject.toml", """\
        [project]
        name = "plans"

        [tool.stratlint]
        select = ["SL202"]
        fail-on = "warning"

        [tool.stratlint.severity]
        kpi-without-target = "info"
        """)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl202("info"), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]
    assert result.exit_code == 0  # info is below fail-on: warning


@pytest.mark.parametrize("header", ["[tool.stratlint", "[ tool.stratlint ]\nselect = [", "[tool.stratlint.severity"])
def test_a_broken_tool_stratlint_table_is_an_error_not_ignored(here, header):
    write(here / "pyproject.toml", header + "\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("stratlint: error: pyproject.toml:")
    assert "is not valid TOML" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("header", ["[tool.stratlintx]", "[tool.stratlint-extra]"])
def test_a_table_that_only_starts_like_tool_stratlint_is_no_config(here, header):
    write(here / "pyproject.toml", header + "\nkey = 1\n")
    assert run_cli(["check", "plan.strategy.yaml"]).stderr == ""


def test_pyproject_without_tool_stratlint_is_not_a_config(here, monkeypatch):
    write(here / ".stratlint.yaml", "select: [SL201]\n")
    sub = here / "project"
    write(sub / "pyproject.toml", """\
        [project]
        name = "plans"

        [tool.black]
        line-length = 100
        """)
    write(sub / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(sub)
    # the walk goes past the pyproject.toml and finds the .stratlint.yaml above it
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl201(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_the_nearest_pyproject_wins_over_a_stratlint_yaml_further_up(here, monkeypatch):
    write(here / ".stratlint.yaml", "select: [SL201]\n")
    sub = here / "project"
    write(sub / "pyproject.toml", '[tool.stratlint]\nselect = ["SL203"]\n')
    write(sub / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(sub)
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl203(), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]


def test_stratlint_yaml_wins_over_pyproject_in_the_same_folder(here):
    write(here / ".stratlint.yaml", "select: [SL201]\n")
    write(here / "pyproject.toml", '[tool.stratlint]\nselect = ["SL203"]\n')
    assert lines(run_cli(["check", "plan.strategy.yaml"]))[0] == sl201()


def test_only_the_nearest_config_counts_configs_further_up_are_not_merged(here, monkeypatch):
    write(here / ".stratlint.yaml", "severity: {kpi-without-target: error}\nfail-on: never\n")
    sub = here / "team"
    write(sub / ".stratlint.yaml", "select: [SL202]\n")
    write(sub / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(sub)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl202("warning"), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_config_option_names_the_file_and_skips_discovery(here):
    write(here / ".stratlint.yaml", "select: [SL201]\n")
    write(here / "ci" / "strict.yaml", "select: [SL202]\nfail-on: warning\n")
    result = run_cli(["check", "--config", "ci/strict.yaml", "plan.strategy.yaml"])
    assert lines(result) == [sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_config_option_accepts_a_pyproject(here):
    write(here / "other" / "pyproject.toml", '[tool.stratlint]\nselect = ["kpi-without-baseline"]\n')
    assert lines(run_cli(["check", "--config", "other/pyproject.toml", "plan.strategy.yaml"])) == [
        sl203(), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]


def test_config_option_naming_a_missing_file_is_exit_2(here):
    result = run_cli(["check", "--config", "nope.yaml", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: nope.yaml: config file not found\n"
    assert result.stdout == ""


def test_isolated_ignores_every_config_file(here, monkeypatch):
    write(here / ".stratlint.yaml", "ignore: [SL201]\nseverity: {SL202: error}\n")
    write(here / "sub" / "pyproject.toml", '[tool.stratlint]\nignore = ["SL202"]\n')
    write(here / "sub" / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(here / "sub")
    result = run_cli(["check", "--isolated", "--select", "SL201,SL202", "plan.strategy.yaml"])
    assert lines(result) == [sl201(), sl202(), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_an_empty_config_file_means_the_defaults(here):
    write(here / ".stratlint.yaml", "")
    configured = run_cli(["check", "plan.strategy.yaml"])
    assert configured.stderr == ""
    assert configured.stdout == run_cli(["check", "--isolated", "plan.strategy.yaml"]).stdout


def test_a_config_of_only_comments_means_the_defaults(here):
    write(here / ".stratlint.yaml", "# select: [SL2]\n# fail-on: warning\n")
    configured = run_cli(["check", "plan.strategy.yaml"])
    assert configured.stderr == ""
    assert configured.stdout == run_cli(["check", "--isolated", "plan.strategy.yaml"]).stdout


# -- select and ignore ---------------------------------------------------------------

@pytest.mark.parametrize("select", [
    "[vanity-only-kpis, kpi-without-target]",  # slugs
    "[SL201, SL202]",  # codes
    "SL201, kpi-without-target",  # one comma-separated string
])
def test_select_takes_slugs_and_codes(here, select):
    write(here / ".stratlint.yaml", f"select: {select}\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl201(), sl202(), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


def test_select_takes_a_code_prefix(here):
    """A prefix selects the rules that run by default; the opt-in SL203 is not one of them."""
    write(here / ".stratlint.yaml", "select: [SL2]\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        *sl2(), "Found 4 problems (0 errors, 4 warnings, 0 info) in 1 file."]


@pytest.mark.parametrize("select", ["[SL2, SL203]", "[SL2, kpi-without-baseline]", "ALL"])
def test_an_opt_in_rule_runs_when_a_selection_names_it(here, select):
    write(here / ".stratlint.yaml", f"select: {select}\n")
    found = lines(run_cli(["check", "plan.strategy.yaml"]))
    assert sl203() in found


def test_an_opt_in_rule_runs_when_the_config_gives_it_a_severity(here):
    write(here / ".stratlint.yaml", "severity: {kpi-without-baseline: info}\n")
    assert sl203() in lines(run_cli(["check", "plan.strategy.yaml"]))
    write(here / ".stratlint.yaml", "severity: {SL2: info}\n")  # a prefix does not name it
    assert sl203() not in lines(run_cli(["check", "plan.strategy.yaml"]))
    assert sl203() in lines(run_cli(["check", "--select", "SL203", "plan.strategy.yaml"]))


@pytest.mark.parametrize("ignore", ["[kpi-without-baseline]", "[SL203]", "SL203"])
def test_ignore_takes_slugs_and_codes(here, ignore):
    write(here / ".stratlint.yaml", f"select: [SL2, SL203]\nignore: {ignore}\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        *sl2(), "Found 4 problems (0 errors, 4 warnings, 0 info) in 1 file."]


def test_ignore_takes_a_code_prefix(here):
    # SL7 is the organization rules: the plan draws two of them when they run
    write(here / ".stratlint.yaml", "select: [SL2, SL7]\nignore: [SL7, SL20]\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0
    write(here / ".stratlint.yaml", "select: [SL2, SL7]\nignore: [SL20]\n")
    assert [line.split(" ")[1] for line in lines(run_cli(["check", "plan.strategy.yaml"]))[:-1]] == [
        "SL701", "SL704"]


# -- severity and fail-on --------------------------------------------------------------

def test_severity_changes_a_rules_level_and_the_exit_code(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity:\n  vanity-only-kpis: error\n  SL203: warning\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    found = sl2(sl203="warning")
    found[0] = sl201("error")
    assert lines(result) == [*found, "Found 5 problems (1 error, 4 warnings, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_severity_takes_a_code_prefix(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity:\n  SL2: info\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [*sl2("info"), "Found 4 problems (0 errors, 0 warnings, 4 info) in 1 file."]


def test_severity_off_switches_a_rule_off(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity:\n  vanity-kpi-as-success: 'off'\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl201(), sl202(), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


@pytest.mark.parametrize("config", [
    "select: [SL2]\nseverity:\n  vanity-kpi-as-success: off\n",
    "select: [SL2]\nseverity: {SL206: off}\n",
])
def test_severity_off_unquoted_as_the_design_writes_it(here, config):
    """YAML reads a bare off as false; DESIGN.md and the schema's example write it bare."""
    write(here / ".stratlint.yaml", config)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.stderr == ""
    assert lines(result) == [sl201(), sl202(), "Found 2 problems (0 errors, 2 warnings, 0 info) in 1 file."]


STRUCTURE_FINDINGS = [
    "broken.strategy.yaml:2:19: SL001 [{}] did not find expected ',' or ']' (while parsing a flow sequence)"
    "  (invalid-yaml)",
    "schema.strategy.yaml:4:5: SL002 [{}] tactics[0] needs an 'id'  (schema-violation)",
]


def write_structure_breakers(here: Path) -> None:
    write(here / "broken.strategy.yaml", "version: 1\nname: [Spring plan\n")
    write(here / "schema.strategy.yaml", "version: 1\nname: Spring plan\ntactics:\n  - {name: Weekly post}\n")


@pytest.mark.parametrize("config", [
    "select: [SL2]\nseverity: {invalid-yaml: 'off', SL002: off}\n",
    "select: [SL2]\nseverity: {SL0: off}\n",
])
def test_severity_off_does_not_switch_the_structural_rules_off(here, config):
    write_structure_breakers(here)
    write(here / ".stratlint.yaml", config)
    result = run_cli(["check", "broken.strategy.yaml", "schema.strategy.yaml"])
    assert result.stderr == ""
    assert lines(result) == [STRUCTURE_FINDINGS[0].format("error"), STRUCTURE_FINDINGS[1].format("error"),
                             "Found 2 problems (2 errors, 0 warnings, 0 info) in 2 files."]
    assert result.exit_code == 1


def test_severity_still_changes_a_structural_rules_level(here):
    write_structure_breakers(here)
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity: {SL002: warning}\n")
    result = run_cli(["check", "schema.strategy.yaml"])
    assert lines(result) == [STRUCTURE_FINDINGS[1].format("warning"),
                             "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


@pytest.mark.parametrize("fail_on, code", [("warning", 1), ("info", 1), ("error", 0), ("never", 0)])
def test_fail_on_in_the_config(here, fail_on, code):
    write(here / ".stratlint.yaml", f"select: [SL202]\nfail-on: {fail_on}\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == code


def test_fail_on_never_passes_a_plan_with_errors(here):
    write(here / ".stratlint.yaml", "select: [SL201]\nseverity: {SL201: error}\nfail-on: never\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl201("error"), "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file."]
    assert result.exit_code == 0


# -- rules: options per rule ------------------------------------------------------------

CLAPS_PLAN = """\
version: 1
name: Spring plan
objectives:
  - id: grow
    statement: Grow repeat purchases by 20%
kpis:
  - {id: claps, name: Claps per article, target: 1000, objective: grow}
  - {id: likes, name: Page likes, target: 1000, objective: grow}
"""
CLAPS_VANITY = ("claps.strategy.yaml:6:1: SL201 [warning] every KPI is a vanity or activity metric ('Claps per "
                "article', 'Page likes'); add one that measures customer action such as retention, referrals or "
                "repeat purchases  (vanity-only-kpis)")


def test_rules_extends_a_vocabulary(here):
    write(here / "claps.strategy.yaml", CLAPS_PLAN)
    assert run_cli(["check", "--isolated", "--select", "SL201", "claps.strategy.yaml"]).stdout == (
        "No problems found in 1 file.\n")  # 'claps' is not vanity by default
    write(here / ".stratlint.yaml", """\
        select: [SL201]
        rules:
          vanity-only-kpis:
            vocabularies:
              vanity: {extend: [claps]}
        """)
    assert lines(run_cli(["check", "claps.strategy.yaml"])) == [
        CLAPS_VANITY, "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_rules_replaces_a_vocabulary_given_as_a_list(here):
    write(here / "claps.strategy.yaml", CLAPS_PLAN)
    write(here / ".stratlint.yaml", """\
        select: [SL201]
        rules:
          SL201:
            vocabularies:
              vanity: [claps]
        """)
    # 'likes' is no longer in the vocabulary, so not every KPI is vanity
    assert run_cli(["check", "claps.strategy.yaml"]).stdout == "No problems found in 1 file.\n"


def test_top_level_vocabularies_reach_every_rule_that_has_that_vocabulary(here):
    """One entry extends 'vanity' for SL201, SL206 and SL207 alike."""
    write(here / "claps.strategy.yaml", CLAPS_PLAN)
    write(here / ".stratlint.yaml", "select: [SL201, SL206]\nvocabularies:\n  vanity: {extend: [claps]}\n")
    found = [line.split(" ")[1] for line in lines(run_cli(["check", "claps.strategy.yaml"]))[:-1]]
    assert found == ["SL201", "SL206", "SL206"]


def test_a_vocabulary_is_extended_for_one_language_in_config(here):
    plan = ("version: 1\nname: Piano\nlanguage: {lang}\nkpis:\n"
            "  - {{id: k, name: Seguaci su Instagram, target: 100}}\n")
    write(here / "it.strategy.yaml", plan.format(lang="it"))
    write(here / "en.strategy.yaml", plan.format(lang="en"))
    write(here / ".stratlint.yaml", "select: [SL206]\nvocabularies:\n  vanity: {it: {extend: [seguaci]}}\n")
    assert [line.split(":")[0] for line in lines(run_cli(["check", "it.strategy.yaml", "en.strategy.yaml"]))[:-1]] \
        == ["it.strategy.yaml"]


def test_a_vocabulary_no_rule_has_is_left_alone_and_a_bad_one_is_an_error(here):
    write(here / ".stratlint.yaml", "select: [SL201]\nvocabularies:\n  nowhere: [claps]\n")
    assert run_cli(["check", "plan.strategy.yaml"]).exit_code == 0
    write(here / ".stratlint.yaml", "select: [SL201]\nvocabularies:\n  vanity: {french: [claps]}\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: .stratlint.yaml:3:3: invalid config: vocabularies.vanity has the key "
                             "'french', which is not a language code such as en, fr or de\n")
    write(here / ".stratlint.yaml", "vocabularies:\n  vanity: {fr: {extends: [claps]}}\n")
    assert run_cli(["check", "plan.strategy.yaml"]).stderr == (
        "stratlint: error: .stratlint.yaml:2:17: invalid config: unknown key 'extends' in vocabularies.vanity.fr; "
        "did you mean 'extend'?\n")


def test_the_size_of_a_small_organisation_is_set_per_rule_in_config(here):
    write(here / "org.strategy.yaml", "version: 1\nname: Choir\norganization: {size: 8, teams: [Publicity]}\n")
    write(here / ".stratlint.yaml", "select: [SL701, SL702]\n")
    assert [line.split(" ")[1] for line in lines(run_cli(["check", "org.strategy.yaml"]))[:-1]] == [
        "SL701", "SL702"]
    write(here / ".stratlint.yaml", "select: [SL701, SL702]\nrules:\n  marketing-silo:\n"
                                    "    unless: {field: organization.size, below: 10}\n")
    assert [line.split(" ")[1] for line in lines(run_cli(["check", "org.strategy.yaml"]))[:-1]] == ["SL701"]
    write(here / ".stratlint.yaml", "rules:\n  marketing-silo:\n    unless: {field: organization.size, under: 10}\n")
    result = run_cli(["check", "org.strategy.yaml"])
    assert result.exit_code == 2 and "unless" in result.stderr


# -- rule-packs and plugins ----------------------------------------------------------------

PACK = """\
pack: acme
rules:
  - code: ACME001
    slug: tactic-needs-owner
    severity: warning
    summary: Every tactic names an owner.
    given: /tactics/*
    then: {function: present, options: {field: owner}}
    message: "tactic '{id}' has no owner; name the person who runs it"
    docs:
      what: Every tactic has an owner.
      why: Work nobody owns does not get done.
      example: "tactics: [{id: a, name: Webinar}]"
      fix: Add an owner.
"""

TACTIC_PLAN = """\
version: 1
name: Spring plan
tactics:
  - {id: quiz, name: Product quiz, owner: Ana}
  - {id: webinar, name: Monthly webinar}
"""
OWNER = ("tactics.strategy.yaml:5:5: ACME001 [warning] tactic 'webinar' has no owner; name the person who runs it"
         "  (tactic-needs-owner)")


def test_rule_packs_are_found_relative_to_the_config_file(here, monkeypatch):
    write(here / "lint" / "acme.yaml", PACK)
    write(here / ".stratlint.yaml", "rule-packs: [lint/acme.yaml]\nselect: [ACME]\n")
    write(here / "plans" / "tactics.strategy.yaml", TACTIC_PLAN)
    monkeypatch.chdir(here / "plans")
    result = run_cli(["check", "tactics.strategy.yaml"])
    assert lines(result) == [OWNER, "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 0


def test_rule_names_from_a_configured_pack_are_valid_in_the_config(here):
    write(here / "acme.yaml", PACK)
    write(here / ".stratlint.yaml", "rule-packs: [acme.yaml]\nselect: [tactic-needs-owner]\n"
                                    "severity: {tactic-needs-owner: error}\n")
    write(here / "tactics.strategy.yaml", TACTIC_PLAN)
    result = run_cli(["check", "tactics.strategy.yaml"])
    assert lines(result) == [OWNER.replace("[warning]", "[error]"),
                             "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_a_missing_rule_pack_is_an_error_at_its_line(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nrule-packs:\n  - lint/acme.yaml\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: .stratlint.yaml:3:5: rule pack 'lint/acme.yaml' does not exist\n"


PLUGIN_MODULE = """\
from pathlib import Path

from stratlint.plugin import Plugin

plugin = Plugin(packs=[Path(__file__).parent / "acme.yaml"])
"""


@pytest.fixture
def plugin_site(here, monkeypatch):
    """An installed distribution with a 'cfgdemo' entry point in 'stratlint.plugins'."""
    site = here / "site"
    write(site / "cfgdemo_stratlint" / "__init__.py", PLUGIN_MODULE)
    write(site / "cfgdemo_stratlint" / "acme.yaml", PACK)
    info = site / "cfgdemo_stratlint-1.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: cfgdemo-stratlint\nVersion: 1.0\n")
    write(info / "entry_points.txt", "[stratlint.plugins]\ncfgdemo = cfgdemo_stratlint:plugin\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "cfgdemo_stratlint", raising=False)
    yield site
    sys.modules.pop("cfgdemo_stratlint", None)


def test_plugins_named_in_the_config_are_loaded(here, plugin_site):
    write(here / "tactics.strategy.yaml", TACTIC_PLAN)
    assert run_cli(["check", "--isolated", "--select", "SL2", "tactics.strategy.yaml"]).stdout == (
        "No problems found in 1 file.\n")
    write(here / ".stratlint.yaml", "plugins: [cfgdemo]\nselect: [ACME001]\n")
    assert lines(run_cli(["check", "--trust-config-plugins", "tactics.strategy.yaml"])) == [
        OWNER, "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_a_plugin_that_is_not_installed_is_exit_2(here, plugin_site):
    write(here / ".stratlint.yaml", "plugins: [cfgdemon]\n")
    result = run_cli(["check", "--trust-config-plugins", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == "stratlint: error: plugin 'cfgdemon' is not installed and is no module on the Python path; installed: cfgdemo\n"


# -- include, exclude, per-file-ignores ---------------------------------------------------

@pytest.fixture
def tree(here):
    (here / "plan.strategy.yaml").unlink()
    for name in ("plans/q3/a.strategy.yaml", "plans/legacy/old.strategy.yaml", "plans/q3/b.plan.yaml"):
        write(here / name, PLAN)
    return here


def test_include_replaces_the_file_patterns_of_a_directory_walk(tree):
    write(tree / ".stratlint.yaml", "select: [SL202]\ninclude: ['*.plan.yaml']\n")
    assert lines(run_cli(["check", "."])) == [
        sl202(path="plans/q3/b.plan.yaml"), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


@pytest.mark.parametrize("exclude", ["[plans/legacy]", "[legacy]", "['plans/legacy/**']"])
def test_exclude_skips_folders_in_a_directory_walk(tree, exclude):
    write(tree / ".stratlint.yaml", f"select: [SL202]\nexclude: {exclude}\n")
    assert lines(run_cli(["check", "."])) == [
        sl202(path="plans/q3/a.strategy.yaml"), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_per_file_ignores_maps_globs_to_rules(tree):
    write(tree / ".stratlint.yaml", """\
        select: [SL201, SL202, SL203]
        per-file-ignores:
          'plans/legacy/**': [SL20]
          'a.strategy.yaml': kpi-without-baseline
        """)
    result = run_cli(["check", "."])
    assert lines(result) == [
        sl201(path="plans/q3/a.strategy.yaml"), sl202(path="plans/q3/a.strategy.yaml"),
        "Found 2 problems (0 errors, 2 warnings, 0 info) in 2 files."]


def test_per_file_ignores_apply_to_files_named_on_the_command_line(tree):
    write(tree / ".stratlint.yaml", "select: [SL201, SL202, SL203]\nper-file-ignores:\n  'plans/*/old.*': [SL201, SL202]\n")
    assert lines(run_cli(["check", "plans/legacy/old.strategy.yaml"])) == [
        sl203(path="plans/legacy/old.strategy.yaml"), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]


# -- extends and presets ----------------------------------------------------------------------

def test_extends_a_file_relative_to_the_extending_config(here):
    write(here / "shared" / "base.yaml", "select: [SL201, SL202, SL203]\nseverity: {SL203: error}\n")
    write(here / "ci" / "team.yaml", "extends: ../shared/base.yaml\nignore: [SL201]\n")
    result = run_cli(["check", "--config", "ci/team.yaml", "plan.strategy.yaml"])
    assert lines(result) == [sl203("error"), sl202(), "Found 2 problems (1 error, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 1


def test_extends_a_list_later_entries_win(here):
    write(here / "a.yaml", "select: [SL202]\nseverity: {SL202: error}\n")
    write(here / "b.yaml", "severity: {SL202: info}\nfail-on: info\n")
    write(here / ".stratlint.yaml", "extends: [a.yaml, b.yaml]\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl202("info"), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]
    assert result.exit_code == 1
    write(here / ".stratlint.yaml", "extends: [b.yaml, a.yaml]\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"]))[0] == sl202("error")


def test_extends_chains_through_several_files(here):
    write(here / "org.yaml", "select: [SL201, SL202, SL203]\nseverity: {SL201: error}\n")
    write(here / "dept.yaml", "extends: org.yaml\nseverity: {SL202: error}\n")
    write(here / ".stratlint.yaml", "extends: dept.yaml\nseverity: {SL201: info}\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl201("info"), sl203(), sl202("error"), "Found 3 problems (1 error, 0 warnings, 2 info) in 1 file."]


def test_preset_recommended_is_the_default_behaviour(here):
    write(here / ".stratlint.yaml", "extends: stratlint:recommended\n")
    configured = run_cli(["check", "plan.strategy.yaml"])
    isolated = run_cli(["check", "--isolated", "plan.strategy.yaml"])
    assert configured.stdout == isolated.stdout
    assert configured.stdout.count("\n") > 5  # every rule ran, not only the KPI rules
    assert configured.exit_code == isolated.exit_code == 1  # SL301 missing-target-market is an error


def test_preset_strict_raises_info_rules_to_warning_and_fails_on_warnings(here):
    write(here / ".stratlint.yaml", "extends: stratlint:strict\nselect: [SL203]\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl203("warning"), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == 1
    write(here / ".stratlint.yaml", "extends: stratlint:recommended\nselect: [SL203]\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl203("info"), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]
    assert result.exit_code == 0


def test_preset_strict_raises_every_info_rule_and_switches_the_opt_in_rule_on(here):
    import yaml

    from stratlint.resources import presets_dir
    from stratlint.rules.registry import load_rules

    raised = yaml.safe_load((presets_dir() / "strict.yaml").read_text(encoding="utf-8"))["severity"]
    info = {r.slug for r in load_rules().rules if str(r.severity) == "info"}
    assert info <= set(raised), info - set(raised)
    write(here / ".stratlint.yaml", "extends: stratlint:strict\n")
    assert sl203("warning") in lines(run_cli(["check", "plan.strategy.yaml"]))


def test_a_config_overrides_the_preset_it_extends(here):
    write(here / ".stratlint.yaml", "extends: stratlint:strict\nselect: [SL203]\nfail-on: error\n"
                                    "severity: {kpi-without-baseline: info}\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert lines(result) == [sl203("info"), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]
    assert result.exit_code == 0


# -- precedence: command line > nearest config > extends > defaults -----------------------------

def test_severity_precedence_nearest_config_over_extends_over_defaults(here):
    write(here / "base.yaml", "select: [SL201, SL202, SL203]\nseverity:\n  vanity-only-kpis: error\n  kpi-without-target: error\n")
    write(here / ".stratlint.yaml", "extends: base.yaml\nseverity:\n  kpi-without-target: info\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl201("error"),  # from the extended file
        sl203("info"),  # the rule's default
        sl202("info"),  # the nearest config overrides the extended file
        "Found 3 problems (1 error, 0 warnings, 2 info) in 1 file."]


@pytest.mark.parametrize("configs, cli_args, code", [
    ({}, ["--isolated"], 0),  # default fail-on error; the plan has one warning
    ({"base.yaml": "fail-on: warning\n"}, ["--config", "base.yaml"], 1),
    ({"base.yaml": "fail-on: warning\n", ".stratlint.yaml": "extends: base.yaml\nfail-on: never\n"}, [], 0),
    ({"base.yaml": "fail-on: warning\n", ".stratlint.yaml": "extends: base.yaml\nfail-on: never\n"},
     ["--fail-on", "info"], 1),
    ({".stratlint.yaml": "fail-on: warning\n"}, ["--fail-on", "error"], 0),
])
def test_fail_on_precedence(here, configs, cli_args, code):
    for name, text in configs.items():
        write(here / name, text)
    result = run_cli(["check", "--select", "SL202", *cli_args, "plan.strategy.yaml"])
    assert lines(result) == [sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert result.exit_code == code


def test_select_precedence_cli_over_nearest_over_extends(here):
    write(here / "base.yaml", "select: [SL201]\n")
    write(here / ".stratlint.yaml", "extends: base.yaml\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"]))[0] == sl201()
    write(here / ".stratlint.yaml", "extends: base.yaml\nselect: [SL202]\n")
    assert lines(run_cli(["check", "plan.strategy.yaml"])) == [
        sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]
    assert lines(run_cli(["check", "--select", "SL203", "plan.strategy.yaml"])) == [
        sl203(), "Found 1 problem (0 errors, 0 warnings, 1 info) in 1 file."]


def test_cli_ignore_applies_on_top_of_the_config_select(here):
    write(here / ".stratlint.yaml", "select: [SL201, SL202, SL203]\n")
    assert lines(run_cli(["check", "--ignore", "SL203,vanity-only-kpis", "plan.strategy.yaml"])) == [
        sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_cli_select_overrides_a_config_ignore(here):
    write(here / ".stratlint.yaml", "ignore: [SL202]\n")
    assert lines(run_cli(["check", "--select", "SL202", "plan.strategy.yaml"])) == [
        sl202(), "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."]


def test_select_does_not_hide_a_file_that_is_not_yaml(here):
    write(here / ".stratlint.yaml", "select: [SL2]\n")
    write(here / "broken.strategy.yaml", "version: 1\nname: [Spring plan\n")
    result = run_cli(["check", "broken.strategy.yaml"])
    assert result.stdout.startswith("broken.strategy.yaml:2:19: SL001 [error] ")
    assert result.exit_code == 1


# -- validation: one line naming file, line and key; exit 2 -------------------------------------

KEYS = ("baseline, exclude, extends, fail-on, ignore, include, per-file-ignores, plugins, require-reason, "
        "rule-packs, rules, select, severity, vocabularies")


@pytest.mark.parametrize("config, error", [
    ("select: [SL2]\ncolour: red\n",
     f".stratlint.yaml:2:1: invalid config: unknown key 'colour' in the config; expected one of: {KEYS}"),
    ("select: [SL2]\nfail-on: sometimes\n",
     ".stratlint.yaml:2:1: invalid config: fail-on is 'sometimes', which is not one of: error, warning, info, never"),
    ("require-reason: yes please\n",
     ".stratlint.yaml:1:1: invalid config: require-reason must be true or false, not the text 'yes please'"),
    ("baseline: ''\n", ".stratlint.yaml:1:1: invalid config: baseline must not be empty"),
    ("severity:\n  vanity-only-kpi: error\n",
     ".stratlint.yaml:2:3: invalid config: severity names 'vanity-only-kpi', which is no rule; "
     "did you mean 'vanity-only-kpis'?"),
    ("fail-on: warning\nselect:\n  - SL201\n  - SL9999\n",
     ".stratlint.yaml:2:1: invalid config: select names 'SL9999', which is no rule"),
    ("ignore: [SL201, nope]\n", ".stratlint.yaml:1:1: invalid config: ignore names 'nope', which is no rule"),
    ("per-file-ignores:\n  'legacy/*': [SL201, bogus]\n",
     ".stratlint.yaml:2:3: invalid config: per-file-ignores names 'bogus', which is no rule"),
    ("rules:\n  SL9: {}\n", ".stratlint.yaml:2:3: invalid config: rules takes a rule's slug or code, not 'SL9'"),
    ("rules:\n  vanity-only-kpis:\n    vocabularies:\n      vanity: [claps]\n    colour: red\n",
     ".stratlint.yaml:2:3: invalid config: options for 'vanity-only-kpis': unknown key 'colour' in the options of "
     "'any_match'; expected one of: classes, field, vocabularies, when_empty, where (at /colour)"),
    ("select: [SL201]\nselect: [SL202]\n", ".stratlint.yaml:2:1: config repeats the key 'select' (first on line 1)"),
    ("select: [SL201\n",
     ".stratlint.yaml:1:15: config is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"),
    ("extends: missing.yaml\n", ".stratlint.yaml:1:1: 'extends' names 'missing.yaml', which does not exist"),
    ("fail-on: info\nextends: stratlint:lenient\n",
     ".stratlint.yaml:2:1: unknown preset 'stratlint:lenient'; use stratlint:recommended or stratlint:strict"),
    ("extends: .stratlint.yaml\n",
     ".stratlint.yaml:1:1: 'extends' goes round in a circle: .stratlint.yaml -> .stratlint.yaml"),
])
def test_invalid_config_is_one_line_naming_file_line_and_key(here, config, error):
    write(here / ".stratlint.yaml", config)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == f"stratlint: error: {error}\n"
    assert result.stdout == ""


def test_a_bad_severity_level_is_one_line_naming_file_line_and_key(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity:\n  vanity-only-kpis: loud\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("stratlint: error: .stratlint.yaml:3:3: invalid config: severity.vanity-only-kpis "
                                    "is 'loud', which is not one of: error, warning, info, off")
    assert result.stderr.count("\n") == 1


def test_an_extends_cycle_names_the_file_that_closes_it(here):
    write(here / ".stratlint.yaml", "extends: a.yaml\n")
    write(here / "a.yaml", "select: [SL2]\nextends: b.yaml\n")
    write(here / "b.yaml", "fail-on: warning\nextends: a.yaml\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: b.yaml:2:1: 'extends' goes round in a circle: "
                             ".stratlint.yaml -> a.yaml -> b.yaml -> a.yaml\n")


def test_an_error_in_an_extended_file_names_that_file(here):
    write(here / ".stratlint.yaml", "extends: shared/base.yaml\nselect: [SL2]\n")
    write(here / "shared" / "base.yaml", "select: [SL2]\n\nseverty:\n  SL201: error\n")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: shared/base.yaml:3:1: invalid config: unknown key 'severty' "
                             "in the config; did you mean 'severity'?\n")


def test_an_error_in_a_config_given_with_config_names_that_file(here):
    write(here / "ci" / "team.yaml", "select: [SL201]\nseverity:\n  SL201: error\n  bogus: info\n")
    result = run_cli(["check", "--config", "ci/team.yaml", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: ci/team.yaml:4:3: invalid config: severity names 'bogus', "
                             "which is no rule\n")


def test_an_error_in_a_config_found_further_up_names_its_full_path(here, monkeypatch):
    write(here / ".stratlint.yaml", "select: [SL2]\nfail-on: sometimes\n")
    write(here / "plans" / "plan.strategy.yaml", PLAN)
    monkeypatch.chdir(here / "plans")
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (f"stratlint: error: {(here / '.stratlint.yaml').resolve()}:2:1: invalid config: "
                             "fail-on is 'sometimes', which is not one of: error, warning, info, never\n")


@pytest.mark.parametrize("pyproject, error", [
    ('[project]\nname = "x"\n\n[tool.stratlint]\nselect = ["SL201"]\ncolour = "red"\n',
     f"pyproject.toml:6:1: invalid config: unknown key 'colour' in the config; expected one of: {KEYS}"),
    ('[project]\nname = "x"\n\n[tool.stratlint]\nfail-on = "sometimes"\n',
     "pyproject.toml:5:1: invalid config: fail-on is 'sometimes', which is not one of: error, warning, info, never"),
    ('[tool.stratlint]\nselect = ["SL201"]\n\n[tool.stratlint.severity]\nvanity-only-kpi = "error"\n',
     "pyproject.toml:5:1: invalid config: severity names 'vanity-only-kpi', which is no rule; "
     "did you mean 'vanity-only-kpis'?"),
    ('[tool.stratlint]\nextends = "gone.yaml"\n',
     "pyproject.toml:2:1: 'extends' names 'gone.yaml', which does not exist"),
])
def test_invalid_pyproject_config_is_one_line_naming_file_line_and_key(here, pyproject, error):
    write(here / "pyproject.toml", pyproject)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == f"stratlint: error: {error}\n"


@pytest.mark.parametrize("config, kind", [("- select\n- SL2\n", "a list"), ("SL2\n", "a single value")])
def test_a_config_that_is_not_a_mapping_is_reported_as_a_config(here, config, kind):
    write(here / ".stratlint.yaml", config)
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: .stratlint.yaml:1:1: a config is a mapping of keys such as "
                             f"'select:' and 'ignore:', not {kind}\n")
    assert "plan" not in result.stderr and "'version:'" not in result.stderr


def test_the_shipped_schema_validates_the_config(here):
    """The error comes from schemas/config.schema.json: its enum is what the message lists."""
    from stratlint.resources import load_schema

    schema = load_schema("config.schema.json")
    assert schema["properties"]["fail-on"]["enum"] == ["error", "warning", "info", "never"]
    assert ", ".join(sorted(schema["properties"])) == KEYS
    write(here / ".stratlint.yaml", "include: '*.plan.yaml'\n")  # include takes a list
    result = run_cli(["check", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr.startswith("stratlint: error: .stratlint.yaml:1:1: invalid config: include ")


def test_cli_select_naming_no_rule_is_exit_2(here):
    result = run_cli(["check", "--isolated", "--select", "SL999", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: --select: no rule is named or starts with 'SL999'; "
                             "'stratlint rules' lists them\n")


# -- --statistics ---------------------------------------------------------------------------

def test_statistics_counts_findings_per_rule_most_first(here):
    kpis = "".join(f"  - {{id: k{i}, name: Followers {i}, objective: grow}}\n" for i in range(10))
    write(here / "many.strategy.yaml", "version: 1\nname: Spring plan\nobjectives:\n  - id: grow\n"
                                       "    statement: TODO\nkpis:\n" + kpis)
    result = run_cli(["check", "--isolated", "--select", "SL2,SL903", "--statistics", "many.strategy.yaml",
                      "plan.strategy.yaml"])
    assert lines(result) == [
        "12  SL206   [warning] vanity-kpi-as-success",
        "11  SL202   [warning] kpi-without-target",
        " 2  SL201   [warning] vanity-only-kpis",
        " 1  SL903   [warning] placeholder-text",
        "Found 26 problems (0 errors, 26 warnings, 0 info) in 2 files.",
    ]
    assert result.exit_code == 0


def test_statistics_uses_the_configured_severities_and_exit_code(here):
    write(here / ".stratlint.yaml", "select: [SL2]\nseverity: {SL202: error, SL203: info}\n")
    result = run_cli(["check", "--statistics", "plan.strategy.yaml"])
    assert lines(result) == [
        "2  SL206   [warning] vanity-kpi-as-success",
        "1  SL201   [warning] vanity-only-kpis",
        "1  SL202   [error] kpi-without-target",
        "1  SL203   [info] kpi-without-baseline",
        "Found 5 problems (1 error, 3 warnings, 1 info) in 1 file.",
    ]
    assert result.exit_code == 1


def test_statistics_with_no_findings(here):
    result = run_cli(["check", "--isolated", "--select", "SL903", "--statistics", "plan.strategy.yaml"])
    assert result.stdout == "No problems found in 1 file.\n"
    assert result.exit_code == 0
