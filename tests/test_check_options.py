"""Options never silently ignored, and the progress bar (issue #15, items 6
and 7): --statistics with --format json and --quiet, option combinations
that cannot work together, --output-format, and a bar on a terminal's
standard error only."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli, write

pytestmark = pytest.mark.usefixtures("workdir")

ROOT = Path(__file__).resolve().parent.parent
BAD = (ROOT / "examples" / "growth-hacks.strategy.yaml").read_text(encoding="utf-8")


@pytest.fixture
def plans():
    write("plans/a.strategy.yaml", BAD, dedent=False)
    write("plans/b.strategy.yaml", BAD, dedent=False)


def test_statistics_as_json(plans):
    result = run_cli(["check", "--isolated", "--select", "SL901,SL101", "--statistics", "--format", "json", "plans"])
    assert json.loads(result.stdout) == {
        "version": 1, "files_checked": 2,
        "statistics": [{"code": "SL901", "rule": "growth-hack-tactic", "severity": "error", "count": 6}],
        "summary": {"error": 6, "warning": 0, "info": 0}}
    assert result.exit_code == 1


def test_statistics_honour_quiet(plans):
    loud = run_cli(["check", "--isolated", "--select", "SL901", "--statistics", "plans"])
    quiet = run_cli(["check", "--isolated", "--select", "SL901", "--statistics", "--quiet", "plans"])
    assert loud.stdout == "6  SL901   [error] growth-hack-tactic\nFound 6 problems (6 errors, 0 warnings, 0 info) in 2 files.\n"
    assert quiet.stdout == "6  SL901   [error] growth-hack-tactic\n"


def test_output_format_is_the_same_option_as_format(plans):
    spelled = run_cli(["check", "--isolated", "--output-format", "json", "plans"])
    assert spelled.stdout == run_cli(["check", "--isolated", "--format", "json", "plans"]).stdout
    assert json.loads(spelled.stdout)["files_checked"] == 2
    assert "--format, --output-format" in run_cli(["check", "--help"]).stdout


@pytest.mark.parametrize("args, reason", [
    (["--statistics", "--format", "sarif"], "--statistics prints counts as text or json, not sarif"),
    (["--statistics", "--format", "junit"], "--statistics prints counts as text or json, not junit"),
    (["--config", "x.yaml", "--isolated"], "--config and --isolated contradict each other"),
    (["--fix", "--diff"], "--fix writes the fixes and --diff only shows them; use one"),
    (["--diff", "--format", "json"], "--diff prints only the diff of the fixes, so --format would do nothing"),
    (["--diff", "--statistics"], "--diff prints only the diff of the fixes, so --statistics would do nothing"),
    (["--diff", "--report", "json:r.json"], "--diff prints only the diff of the fixes, so --report would do nothing"),
    (["--diff", "--write-baseline", "b.json"], "so --write-baseline would do nothing"),
    (["--stdin-filename", "x.strategy.yaml"], "--stdin-filename names standard input; pass '-'"),
])
def test_combinations_that_cannot_work_are_usage_errors(plans, args, reason):
    result = run_cli(["check", *args, "plans"])
    assert result.exit_code == 2
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error_lines) == 1 and reason in error_lines[0]
    assert result.stdout == ""
    assert not Path("r.json").exists() and not Path("b.json").exists()


def test_stdin_filename_alone_reads_standard_input():
    result = run_cli(["check", "--isolated", "--select", "SL901", "--stdin-filename", "q3.strategy.yaml"], input=BAD)
    assert result.stdout.startswith("q3.strategy.yaml:42:5: SL901 [error]")


# -- the progress bar ---------------------------------------------------------------------------------

def run_with_terminal_stderr(args: list[str]) -> tuple[bytes, bytes, int]:
    """Run stratlint with standard error on a pseudo-terminal and standard
    output on a pipe, as in a terminal piping the report to a file."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "stratlint", *args], stdout=subprocess.PIPE, stderr=child,
                            stdin=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = proc.stdout.read()
    code = proc.wait(timeout=120)
    os.close(main)
    return out, seen, code


def many_plans(count: int) -> None:
    for i in range(count):
        write(f"plans/p{i:02}.strategy.yaml", "version: 1\nname: P\n")


def test_a_long_run_on_a_terminal_shows_a_bar_on_standard_error_only():
    many_plans(30)
    out, terminal, code = run_with_terminal_stderr(["check", "--isolated", "--select", "SL0", "plans"])
    assert out == b"No problems found in 30 files.\n"  # the report holds no bar
    assert b"Checking" in terminal and b"30/30" in terminal
    assert code == 0


def test_no_bar_for_a_few_files_or_when_standard_error_is_not_a_terminal():
    many_plans(3)
    out, terminal, _ = run_with_terminal_stderr(["check", "--isolated", "--select", "SL0", "plans"])
    assert out == b"No problems found in 3 files.\n" and terminal == b""
    many_plans(30)
    piped = subprocess.run([sys.executable, "-m", "stratlint", "check", "--isolated", "--select", "SL0", "plans"],
                           capture_output=True, timeout=120)
    assert piped.stderr == b"" and piped.stdout == b"No problems found in 30 files.\n"
