"""Plugins: a distribution with an entry point in 'stratlint.plugins' adds
check functions and rule packs; it runs only when a run names it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.readme import block

MODULE = block("# acme_stratlint/__init__.py")  # the README's example plugin, proven here

PACK = '''
pack: acme
rules:
  - code: ACME100
    slug: tactic-over-budget
    severity: warning
    summary: A tactic spends more than the team may sign off alone.
    given: /tactics/*
    then: {function: budget_over, options: {limit: 5000}}
    message: "a budget of {amount} is above the {limit} a team may sign off alone"
    docs:
      what: Tactic budgets above the sign-off limit.
      why: Large spends need the sponsor.
      example: "tactics: [{id: a, name: Ads, budget: 9000}]"
      fix: Split the tactic or get the sponsor's sign-off.
'''

PLAN = textwrap.dedent("""\
    version: 1
    name: Plan
    tactics:
      - {id: ads, name: Search ads, budget: 9000}
      - {id: talk, name: Meetup talk, budget: 200}
""")


def make_distribution(root: Path, entry: str = "acme = acme_stratlint:plugin", module: str = MODULE) -> Path:
    package = root / "acme_stratlint"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(module)
    (package / "acme.yaml").write_text(PACK)
    info = root / "acme_stratlint-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-stratlint\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[stratlint.plugins]\n{entry}\n")
    return root


@pytest.fixture(autouse=True)
def fresh_import(monkeypatch):
    """Each test imports its own copy of the plugin module."""
    monkeypatch.delitem(sys.modules, "acme_stratlint", raising=False)
    yield
    sys.modules.pop("acme_stratlint", None)


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plan.strategy.yaml"
    path.write_text(PLAN)
    return path


def test_named_plugin_adds_a_function_and_a_pack(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site")))
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--plugin", "acme", "--select", "ACME", "plan.strategy.yaml"])
    assert result.stdout == (
        "plan.strategy.yaml:4:41: ACME100 [warning] a budget of 9000 is above the 5000 a team may sign off alone"
        "  (tactic-over-budget)\n"
        "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file.\n")
    assert result.exit_code == 0  # --fail-on error by default


def test_installed_plugin_does_not_run_unless_named(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site")))
    result = run_cli(["rules"])
    assert "ACME100" not in result.stdout
    listing = run_cli(["rules", "--plugin", "acme"]).stdout
    assert any(line.split()[:5] == ["ACME100", "tactic-over-budget", "warning", "yes", "acme"]
               for line in listing.splitlines())


def test_plugin_that_fails_to_import_is_one_line_and_exit_2(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site", module="raise RuntimeError('boom')\n")))
    result = run_cli(["check", "--plugin", "acme", str(plan)])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: plugin 'acme' (acme_stratlint:plugin) failed to load: "
                             "RuntimeError: boom\n")


def test_plugin_that_exits_while_loading_is_one_line_and_exit_2(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site", module="import sys\nsys.exit(3)\n")))
    result = run_cli(["check", "--plugin", "acme", str(plan)])
    assert (result.exit_code, result.stderr) == (
        2, "stratlint: error: plugin 'acme' (acme_stratlint:plugin) failed to load: SystemExit: 3\n")


def test_check_function_that_exits_is_a_crash_of_its_rule_and_the_others_run(tmp_path, plan, monkeypatch):
    module = MODULE.replace('    """A tactic\'s budget above ``limit``."""\n',
                            '    """A tactic\'s budget above ``limit``."""\n    import sys\n    sys.exit(3)\n')
    assert "sys.exit(3)" in module
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site", module=module)))
    result = run_cli(["check", "--plugin", "acme", "--select", "ACME,SL101", str(plan)])
    assert result.exit_code == 2
    assert result.stderr == f"stratlint: error: rule 'tactic-over-budget' failed on {plan}: SystemExit: 3\n"
    assert result.stdout.splitlines()[-1].startswith(("Found ", "No problems found"))  # the run went on


def test_unknown_plugin_names_the_installed_ones(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site")))
    result = run_cli(["check", "--plugin", "acne", str(plan)])
    assert result.exit_code == 2
    assert "plugin 'acne' is not installed and is no module on the Python path; installed: acme" in result.stderr


def test_plugin_through_the_console_script(tmp_path, plan):
    site = make_distribution(tmp_path / "site")
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    script = Path(sys.executable).parent / "stratlint"
    proc = subprocess.run([str(script), "check", "--plugin", "acme", "--select", "tactic-over-budget",
                           "--fail-on", "warning", "plan.strategy.yaml"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == (
        "plan.strategy.yaml:4:41: ACME100 [warning] a budget of 9000 is above the 5000 a team may sign off alone"
        "  (tactic-over-budget)")
    assert proc.stderr == ""


def test_isolated_runs_no_plugin(tmp_path, plan, monkeypatch):
    monkeypatch.syspath_prepend(str(make_distribution(tmp_path / "site")))
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".stratlint.yaml").write_text("plugins: [acme]\n")
    isolated = run_cli(["check", "--isolated", "plan.strategy.yaml", "--select", "SL0"])
    assert "ACME100" not in isolated.stdout and isolated.exit_code == 0
    assert "acme_stratlint" not in sys.modules  # not even imported
    named = run_cli(["check", "--trust-config-plugins", "--select", "ACME", "plan.strategy.yaml"])
    assert "ACME100" in named.stdout  # the config names it and the user trusts it: it runs
    both = run_cli(["check", "--isolated", "--plugin", "acme", "plan.strategy.yaml"])
    assert both.exit_code == 2
    assert both.stderr == ("stratlint: error: --isolated runs no plugin (it is the way to lint with no code "
                           "but stratlint's); drop --plugin or --isolated\n")


def test_config_names_a_local_module_as_a_plugin(tmp_path, plan, monkeypatch):
    """DESIGN: config `plugins` are module names; a module beside the config works without installing."""
    (tmp_path / "team_rules").mkdir()
    (tmp_path / "team_rules" / "__init__.py").write_text(MODULE)
    (tmp_path / "team_rules" / "acme.yaml").write_text(PACK)
    (tmp_path / ".stratlint.yaml").write_text("plugins: [team_rules]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delitem(sys.modules, "team_rules", raising=False)
    result = run_cli(["check", "--trust-config-plugins", "--select", "ACME", "plan.strategy.yaml"])
    sys.modules.pop("team_rules", None)
    assert result.stdout.splitlines()[0] == (
        "plan.strategy.yaml:4:41: ACME100 [warning] a budget of 9000 is above the 5000 a team may sign off alone"
        "  (tactic-over-budget)")
    assert result.exit_code == 0
