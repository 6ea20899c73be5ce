"""What users install: a wheel with the schemas and rule packs inside it,
working from any directory in a fresh virtual environment."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_installs_and_checks_an_example_from_another_directory(tmp_path):
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("needs the source tree")
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist), str(ROOT)],
                   check=True, timeout=600)
    wheel = next(dist.glob("stratlint-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=600)

    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "vanity-metrics.strategy.yaml", work / "plan.strategy.yaml")
    proc = subprocess.run([str(env_dir / "bin" / "stratlint"), "check", "--select", "SL201,SL0", "."],
                          cwd=work, capture_output=True, text=True, timeout=120)
    assert proc.stderr == ""
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("plan.strategy.yaml:") and "SL201 [warning] every KPI is a vanity or activity metric" in lines[0]
    assert lines[-1] == "Found 1 problem (0 errors, 1 warning, 0 info) in 1 file."
    assert proc.returncode == 0

    schema = subprocess.run([str(env_dir / "bin" / "stratlint"), "schema"], cwd=work,
                            capture_output=True, text=True, timeout=120)
    assert schema.stdout == (ROOT / "schemas" / "strategy-v1.schema.json").read_text(encoding="utf-8")
    rules = subprocess.run([str(python), "-m", "stratlint", "rules"], cwd=work, capture_output=True, text=True,
                           timeout=120)
    assert rules.returncode == 0 and "SL601" in rules.stdout

    init = subprocess.run([str(env_dir / "bin" / "stratlint"), "init", "--no-input", "new.strategy.yaml"], cwd=work,
                          capture_output=True, text=True, timeout=120)
    assert init.returncode == 0, init.stderr  # the template is inside the wheel
    fixed = subprocess.run([str(env_dir / "bin" / "stratlint"), "check", "--fix", "new.strategy.yaml"], cwd=work,
                           capture_output=True, text=True, timeout=120)
    assert fixed.returncode == 0 and "0 errors" in fixed.stdout


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, timeout=60)


def test_readme_snippets_pin_a_release_commit_of_this_repository():
    """A user copies the pre-commit and Actions snippets as written: the
    commit they pin must exist here, and be the release they name."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pins = re.findall(r"rev: ([0-9a-f]{40})  # frozen: v(\d+\.\d+\.\d+)", readme)
    pins += re.findall(r"uses: stratlint/stratlint@([0-9a-f]{40})  # v(\d+\.\d+\.\d+)", readme)
    assert len(pins) == 2, pins
    assert not re.search(r"^ +(rev: |- uses: stratlint/stratlint@)v\d", readme, re.M)  # no unpublished tag
    if _git("rev-parse", "--is-shallow-repository").stdout.strip() != "false":
        pytest.skip("needs a full git checkout of the repository")
    for commit, version in pins:
        assert _git("merge-base", "--is-ancestor", commit, "HEAD").returncode == 0, commit
        pyproject = _git("show", f"{commit}:pyproject.toml").stdout
        assert f'\nversion = "{version}"\n' in pyproject, (commit, version)
