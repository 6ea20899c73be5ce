"""The README's "The strategy review" section, proven: its ``diff``
example is what stratlint prints, and its pull-request workflow's shell
steps, run as the runner runs them in a git checkout, gate, post and
publish what the README says."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.readme import block

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOOD = (ROOT / "examples" / "good.strategy.yaml").read_text(encoding="utf-8")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def the_change(plan: str) -> str:
    """The edit the README's example shows: a KPI renamed, a target
    lowered, a tactic moved, listening dropped, money moved to paid."""
    for old, new in (("    target: 25%", "    target: 15%"),
                     ("    name: Monthly live workshop Q&A\n    channel: instagram",
                      "    name: Monthly live workshop Q&A\n    channel: strava-club"),
                     ("group-ride-regulars", "group-ride-regs"),
                     ('listening:\n  tools: [Mention alerts for "Alderbrook", Google review inbox, Strava club comments]\n'
                      "  cadence: daily triage, weekly summary to the store managers\n  owner: Community lead\n", ""),
                     ("{channel: search-ads, amount: 14000}", "{channel: search-ads, amount: 20000}"),
                     ("{channel: stores, amount: 14000}", "{channel: stores, amount: 8000}")):
        assert old in plan, old
        plan = plan.replace(old, new)
    return plan


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A pull request's checkout: main holds the plan, the working tree the change."""
    repo = tmp_path / "repo"
    (repo / "plans").mkdir(parents=True)
    (repo / "plans" / "alderbrook.strategy.yaml").write_text(GOOD, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "plan")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # as actions/checkout with fetch-depth: 0 has it
    (repo / "plans" / "alderbrook.strategy.yaml").write_text(the_change(GOOD), encoding="utf-8")
    return repo


def run(script: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **env})


def test_the_diff_example_is_what_stratlint_prints(checkout):
    example = block("$ stratlint diff --base main --fail-on-new warning plans")
    done = run("stratlint diff --base main --fail-on-new warning plans", checkout)
    assert done.returncode == 1, done.stderr
    assert done.stdout == example


def test_the_pull_request_workflow(checkout, tmp_path):
    workflow = yaml.safe_load(block("# .github/workflows/strategy-review.yml"))
    assert workflow["permissions"] == {"contents": "read", "pull-requests": "write"}
    steps = workflow["jobs"]["review"]["steps"]
    assert steps[0]["uses"] == "actions/checkout@v4" and steps[0]["with"]["fetch-depth"] == 0
    by_name = {s["name"]: s for s in steps if "name" in s}

    gate = by_name["What this pull request does to the strategy"]["run"]
    assert "--base origin/main --fail-on-new warning" in gate
    done = run(gate, checkout)
    assert done.returncode == 1, done.stderr  # the change drops listening: a new warning fails the job
    summary = (checkout / "stratlint-diff.md").read_text(encoding="utf-8")
    assert summary.startswith("## stratlint diff\n\n**Compared 1 file against origin/main: 1 changed")
    assert "**SL502** `no-listening` [warning]" in summary

    post = by_name["Post it on the pull request"]
    assert post["if"].startswith("always()")
    gh = tmp_path / "bin" / "gh"  # a stand-in for the GitHub CLI: records what it was asked
    gh.parent.mkdir()
    gh.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$GH_CALLS"\n')
    gh.chmod(0o755)
    job_summary = tmp_path / "step_summary"
    job_summary.write_text("")
    done = run(post["run"], checkout, PATH=f"{gh.parent}{os.pathsep}{BIN}{os.pathsep}{os.environ['PATH']}", PR="7",
               GH_TOKEN="t", GH_CALLS=str(tmp_path / "calls"), GITHUB_STEP_SUMMARY=str(job_summary))
    assert done.returncode == 0, done.stderr
    assert job_summary.read_text(encoding="utf-8") == summary
    assert (tmp_path / "calls").read_text().split("\n")[:-1] == [
        "pr", "comment", "7", "--edit-last", "--create-if-none", "--body-file", "stratlint-diff.md"]

    review = by_name["The HTML review"]
    done = run(review["run"], checkout)
    assert done.returncode == 0, done.stderr
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert (checkout / upload["with"]["path"] / "index.html").is_file()
