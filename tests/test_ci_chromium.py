""".ci/run installs Debian's chromium for the report's browser tests when it
is missing and the machine can (root, with apt), and otherwise says the
browser tests will be skipped. Run here with stand-ins for id and apt-get."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def chromium_step() -> str:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    start = script.index("# The HTML report's tests open every page")
    return script[start:script.index("run_suite .ci-venv python3", start)]


def run_step(tmp_path: Path, uid: str, apt: str | None) -> tuple[subprocess.CompletedProcess, str]:
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    if apt is not None:
        (shims / "apt-get").write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/apt.log"\nexit {apt}\n')
    for shim in shims.iterdir():
        shim.chmod(0o755)
    done = subprocess.run(["/bin/bash", "-e", "-u", "-o", "pipefail", "-c", chromium_step()], capture_output=True,
                          text=True, timeout=60,
                          env={"PATH": str(shims), "STRATLINT_CHROMIUM": str(tmp_path / "no-chromium")})
    log = tmp_path / "apt.log"
    return done, log.read_text() if log.exists() else ""


def test_root_with_apt_installs_chromium(tmp_path):
    done, apt = run_step(tmp_path, "0", "0")
    assert done.returncode == 0, done.stderr
    assert apt == "update -qq\ninstall -y -qq chromium\n"
    assert done.stdout == "== installing Debian's chromium for the report's browser tests\n"


@pytest.mark.parametrize("uid, apt, says, asked", [
    ("1000", "0", "== no chromium, and no root with apt to install it: the browser tests will be skipped\n", ""),
    ("0", None, "== no chromium, and no root with apt to install it: the browser tests will be skipped\n", ""),
    ("0", "100", "== installing Debian's chromium for the report's browser tests\n"
                 "== chromium could not be installed: the browser tests will be skipped\n", "update -qq\n"),
])
def test_otherwise_ci_goes_on_and_says_the_browser_tests_will_skip(tmp_path, uid, apt, says, asked):
    done, log = run_step(tmp_path, uid, apt)
    assert done.returncode == 0, done.stderr
    assert done.stdout == says and log == asked
