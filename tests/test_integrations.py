"""pre-commit and the GitHub Action, run for real, and the README snippets
that tell users how to set them up."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import run_cli
from tests.readme import block

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BAD = (ROOT / "examples" / "growth-hacks.strategy.yaml").read_text(encoding="utf-8")
GOOD = (ROOT / "examples" / "good.strategy.yaml").read_text(encoding="utf-8")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


def test_hook_definition_matches_the_readme():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert [h["id"] for h in hooks] == ["stratlint"]
    hook = hooks[0]
    assert hook["entry"] == "stratlint check" and hook["language"] == "python"
    assert hook["files"] == r"\.strategy\.(ya?ml|json)$"
    config = yaml.safe_load(block("# .pre-commit-config.yaml"))
    assert config["repos"][0]["hooks"][0]["id"] == "stratlint"


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs a git checkout")
def test_pre_commit_try_repo_fails_on_a_bad_plan_and_passes_on_a_good_one(tmp_path):
    repo = tmp_path / "plans"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "q3.strategy.yaml").write_text(BAD, encoding="utf-8")
    (repo / "notes.yaml").write_text("not: a plan\n")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [str(BIN / "pre-commit"), "try-repo", str(ROOT), "stratlint", "--all-files", "--color", "never"]
    bad = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "q3.strategy.yaml:" in bad.stdout and "SL901 [error]" in bad.stdout
    assert "notes.yaml" not in bad.stdout.split("stratlint")[-1]

    (repo / "q3.strategy.yaml").write_text(GOOD, encoding="utf-8")
    git(repo, "add", ".")
    good = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def action_steps() -> list[dict]:
    return yaml.safe_load((ROOT / "action.yml").read_text())["runs"]["steps"]


def test_action_inputs_and_readme_workflow_agree():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"paths", "fail-on", "config", "sarif", "summary", "plugins",
                                     "trust-config-plugins"}
    assert action["inputs"]["trust-config-plugins"]["default"] == "false"  # the safe default (tests/test_security.py)
    workflow = yaml.safe_load(block("# .github/workflows/strategy.yml"))
    steps = workflow["jobs"]["stratlint"]["steps"]
    lint = next(s for s in steps if "stratlint" in s.get("uses", ""))
    assert set(lint["with"]) <= set(action["inputs"])
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == lint["with"]["sarif"]
    assert workflow["permissions"]["security-events"] == "write"


@pytest.mark.parametrize("fail_on, code, summary", [("error", 1, "true"), ("never", 0, "true"), ("error", 1, "false")])
def test_action_run_step_annotates_and_writes_sarif_and_the_job_summary(tmp_path, fail_on, code, summary):
    """The Action's own shell step, run with its inputs as the runner passes them."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "q3.strategy.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "plans" / "good.strategy.yaml").write_text(GOOD, encoding="utf-8")
    job_summary = tmp_path / "runner" / "step_summary_1"
    job_summary.parent.mkdir()
    job_summary.write_text("")  # the runner makes the file empty for each step
    script = action_steps()[1]["run"]
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "INPUT_PATHS": "plans",
           "INPUT_FAIL_ON": fail_on, "INPUT_CONFIG": "", "INPUT_SARIF": "stratlint.sarif",
           "INPUT_SUMMARY": summary, "GITHUB_STEP_SUMMARY": str(job_summary)}
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == code, proc.stderr
    assert any(line.startswith("::error file=plans/q3.strategy.yaml,line=") for line in proc.stdout.splitlines())
    sarif = json.loads((tmp_path / "stratlint.sarif").read_text())
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} >= {"SL901"}
    markdown = job_summary.read_text(encoding="utf-8")
    if summary == "false":
        assert markdown == ""
        return
    assert markdown.startswith("## stratlint\n\n**Found ")
    # three growth hacks (errors) and the follower target they serve (SL206, a warning)
    assert "| `plans/q3.strategy.yaml` | 3 | 1 | 0 |" in markdown and "**SL901**" in markdown
    assert "`plans/good.strategy.yaml`" not in markdown  # a clean file has no row


def test_action_install_step_installs_from_the_action_checkout():
    install = action_steps()[0]
    assert install["env"]["STRATLINT_SOURCE"] == "${{ github.action_path }}"
    assert '"$STRATLINT_SOURCE"' in install["run"]


def test_readme_config_examples_are_valid(tmp_path, monkeypatch):
    import jsonschema


    schema = json.loads((ROOT / "schemas" / "config.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(block("# .stratlint.yaml")))
    lines = block("# .stratlint.yaml").replace("rule-packs: [rules/acme.yaml]", "").replace("plugins: [acme]", "").replace(
        "baseline: stratlint-baseline.json", "")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".stratlint.yaml").write_text(lines)
    (tmp_path / "sub" / "plans").mkdir()
    (tmp_path / "sub" / "plans" / "q3.strategy.yaml").write_text(
        (ROOT / "examples" / "good.strategy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    result = run_cli(["check", "plans"])
    assert (result.stderr, result.exit_code) == ("", 0)
    (tmp_path / "pyproject.toml").write_text(block("[tool.stratlint]").join(["[tool.stratlint]\n", ""]))
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "q3.strategy.yaml").write_text(
        (ROOT / "examples" / "vanity-metrics.strategy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "plans"])
    assert result.stderr == ""
    assert "SL201 [error] every KPI is a vanity or activity metric" in result.stdout  # severity from the snippet
    assert result.exit_code == 1


@pytest.mark.slow
@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None, reason="needs a git checkout")
def test_pre_commit_in_a_repository_with_a_gitignore(tmp_path):
    """pre-commit for real, on a repository whose .gitignore hides a bad draft:
    the hook as shipped (file names passed) and a folder-walking hook
    (pass_filenames: false) both leave the ignored draft alone, and
    --no-respect-gitignore brings it back."""
    repo = tmp_path / "plans"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / ".gitignore").write_text("drafts/\n")
    (repo / "q3.strategy.yaml").write_text(GOOD, encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "wip.strategy.yaml").write_text(BAD, encoding="utf-8")
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    shipped = subprocess.run([str(BIN / "pre-commit"), "try-repo", str(ROOT), "stratlint", "--all-files",
                              "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert shipped.returncode == 0, shipped.stdout + shipped.stderr
    assert "wip.strategy.yaml" not in shipped.stdout

    def walking(*args: str) -> subprocess.CompletedProcess:
        hooks = {"repos": [{"repo": "local", "hooks": [{
            "id": "stratlint-walk", "name": "stratlint", "entry": str(BIN / "stratlint"), "language": "system",
            "args": ["check", *args, "."], "pass_filenames": False, "always_run": True}]}]}
        (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(hooks))
        return subprocess.run([str(BIN / "pre-commit"), "run", "--all-files", "--verbose", "--color", "never"],
                              cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900)

    respected = walking()
    assert respected.returncode == 0, respected.stdout + respected.stderr
    assert "No problems found in 1 file." in respected.stdout
    ignored_too = walking("--no-respect-gitignore")
    assert ignored_too.returncode == 1
    assert "drafts/wip.strategy.yaml:" in ignored_too.stdout and "SL901 [error]" in ignored_too.stdout
