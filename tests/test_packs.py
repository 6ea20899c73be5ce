"""User rule packs: --rules, validation errors located in the pack, codes and slugs."""
from __future__ import annotations

import textwrap

import pytest

from stratlint.testing import RuleTester
from tests.helpers import run_cli
from tests.readme import block

PLAN = textwrap.dedent("""\
    version: 1
    name: Spring plan
    kpis:
      - {id: imp, name: Impressions, target: 1000}
      - {id: ret, name: Repeat purchases, target: 30%}
    tactics:
      - id: webinar
        name: Monthly webinar
      - {id: quiz, name: Product quiz, owner: Ana}
""")

PACK = block("# acme-rules.yaml")  # the README's example pack, proven here


@pytest.fixture
def pack(tmp_path):
    path = tmp_path / "acme.yaml"
    path.write_text(PACK)
    return path


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.strategy.yaml"
    path.write_text(PLAN)
    return path


def test_user_pack_rules_fire_through_the_cli(pack, plan, monkeypatch):
    monkeypatch.chdir(plan.parent)
    result = run_cli(["check", "--rules", str(pack), "--select", "ACME", "plan.strategy.yaml"])
    assert result.stdout == (
        "plan.strategy.yaml:4:21: ACME002 [error] 'Impressions' is not a KPI we report on  (no-impressions-kpi)\n"
        "plan.strategy.yaml:7:5: ACME001 [warning] tactic 'webinar' has no owner; name the person who runs it"
        "  (tactic-needs-owner)\n"
        "Found 2 problems (1 error, 1 warning, 0 info) in 1 file.\n"
    )
    assert result.exit_code == 1


def test_rule_tester_runs_a_user_pack(pack):
    tester = RuleTester("tactic-needs-owner", packs=[str(pack)])
    tester.assert_findings(PLAN, (7, 5, "tactic 'webinar' has no owner"))
    tester.assert_findings("""
        version: 1
        name: P
        tactics: [{id: a, name: Webinar, owner: Ana}, not-a-mapping]
    """)


def test_user_rule_listed_and_explained(pack):
    listing = run_cli(["rules", "--rules", str(pack)]).stdout
    assert any(line.split()[:5] == ["ACME001", "tactic-needs-owner", "warning", "yes", "acme"]
               for line in listing.splitlines())
    page = run_cli(["explain", "ACME001", "--rules", str(pack)]).stdout
    assert page.startswith("ACME001 tactic-needs-owner [warning]  (acme)\n")
    assert "Work nobody owns does not get done." in page


def test_a_rule_of_the_configs_pack_is_explained_like_it_is_listed(pack, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".stratlint.yaml").write_text("rule-packs: [acme.yaml]\n")
    assert "ACME001" in run_cli(["rules"]).stdout
    page = run_cli(["explain", "tactic-needs-owner"])
    assert page.exit_code == 0 and page.stdout.startswith("ACME001 tactic-needs-owner [warning]  (acme)\n")
    isolated = run_cli(["explain", "ACME001", "--isolated"])
    assert (isolated.exit_code, isolated.stderr) == (2, "stratlint: error: no rule named 'ACME001'; "
                                                         "'stratlint rules' lists them\n")
    both = run_cli(["explain", "ACME001", "--isolated", "--config", ".stratlint.yaml"])
    assert both.exit_code == 2 and "--config" in both.stderr and "--isolated" in both.stderr


@pytest.mark.parametrize("edit, where, message", [
    (("then: {function: present,", "then: {function: presnt,"), "8:22",
     "unknown check function 'presnt'; did you mean 'present'?"),
    (("    given: /tactics/*\n", "    given: /tactics/*\n    severty: warning\n"), "8:5",
     "unknown key 'severty' in rules[0]; did you mean 'severity'? (or 'x-severty' for a field of your own)"),
    (("options: {field: owner}", "options: {feild: owner}"), "8:41",
     "unknown key 'feild' in the options of 'present'; did you mean 'field'?"),
    (("code: ACME001", "code: SL999"), "3:11", "prefix SL, which is reserved"),
    (("severity: warning", "severity: high"), "5:15", "rules[0].severity is 'high'"),
    (("  - code: ACME001", "  - code: ACME001\n    code: ACME003"), "4:5", "repeats the key 'code'"),
    (("rules:\n", "rules: [\n"), "3:3", "rule pack is not valid YAML"),
])
def test_invalid_pack_is_one_located_line_and_exit_2(tmp_path, plan, edit, where, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(PACK.replace(*edit, 1))
    result = run_cli(["check", "--rules", str(bad), str(plan)])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"stratlint: error: {bad}:{where}: ")
    assert message in lines[0]


def test_two_rules_with_one_code_name_both_sources(tmp_path, pack, plan):
    other = tmp_path / "other.yaml"
    other.write_text(PACK.replace("pack: acme", "pack: other").replace("slug: tactic-needs-owner", "slug: x-owner"))
    result = run_cli(["check", "--rules", str(pack), "--rules", str(other), str(plan)])
    assert result.exit_code == 2
    assert f"two rules share the code 'ACME001': one in {pack}:3 (acme), one in {other}:3 (other)" in result.stderr


def test_a_user_slug_may_not_repeat_a_builtin_one(tmp_path, plan):
    clash = tmp_path / "clash.yaml"
    clash.write_text(PACK.replace("slug: tactic-needs-owner", "slug: vanity-only-kpis"))
    result = run_cli(["check", "--rules", str(clash), str(plan)])
    assert result.exit_code == 2
    assert "two rules share the slug 'vanity-only-kpis'" in result.stderr
    assert "(stratlint)" in result.stderr and "(acme)" in result.stderr


def test_missing_pack_file_is_exit_2(tmp_path, plan):
    result = run_cli(["check", "--rules", str(tmp_path / "nope.yaml"), str(plan)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"stratlint: error: {tmp_path / 'nope.yaml'}: cannot read rule pack")


def test_unknown_vocabulary_name_crashes_the_rule_not_the_run(tmp_path, plan, monkeypatch):
    """A rule that raises is reported with its slug and the file; other rules still run; exit 2."""
    crashing = tmp_path / "crash.yaml"
    crashing.write_text(PACK.replace("given: /tactics/*\n", "given: /tactics\n").replace(
        "then: {function: present, options: {field: owner}}",
        "then: {function: none_match, options: {where: {field: name, matches: nowhere}}}"))
    monkeypatch.chdir(plan.parent)
    result = run_cli(["check", "--rules", str(crashing), "--select", "ACME", "plan.strategy.yaml"])
    assert result.exit_code == 2
    assert result.stderr == (
        "stratlint: error: rule 'tactic-needs-owner' failed on plan.strategy.yaml: "
        "KeyError: \"the rule's options define no vocabulary named 'nowhere'\"\n")
    assert "ACME002 [error] 'Impressions' is not a KPI we report on" in result.stdout


def test_builtin_packs_validate():
    """Runs skip validating the shipped packs; this test does it for them."""
    from stratlint.checks import builtin_checks
    from stratlint.resources import builtin_packs
    from stratlint.rules.packs import read_pack

    checks = builtin_checks()
    for path in builtin_packs():
        assert read_pack(path, checks, source="stratlint", validate=True)


@pytest.mark.parametrize("text, message", [
    ("", "a rule pack is a mapping with 'pack:' and 'rules:'"),
    ("- code: ACME001\n", "a rule pack is a mapping with 'pack:' and 'rules:', not a list"),
    ("pack: acme\nrules: []\n", "invalid rule pack: rules must not be empty"),
    ("pack: acme\n", "invalid rule pack: the rule pack needs a 'rules'"),
])
def test_pack_of_the_wrong_shape_is_one_line(tmp_path, plan, text, message):
    bad = tmp_path / "shape.yaml"
    bad.write_text(text)
    result = run_cli(["check", "--rules", str(bad), str(plan)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert message in result.stderr, result.stderr
