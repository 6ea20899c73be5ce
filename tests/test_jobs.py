"""--jobs: files checked in several processes give the same bytes as one."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.helpers import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_output_is_byte_identical_whatever_the_number_of_jobs(tmp_path, monkeypatch):
    for i in range(4):  # enough files for the work to be shared out
        for example in sorted(EXAMPLES.glob("*.strategy.yaml")):
            shutil.copy(example, tmp_path / f"{i}-{example.name}")
    (tmp_path / "broken.strategy.yaml").write_text("version: 1\nname: [unclosed\n")
    monkeypatch.chdir(tmp_path)
    outputs = {}
    for jobs in ("1", "2", "3"):
        for fmt in ("text", "json", "sarif"):
            result = run_cli(["check", "--jobs", jobs, "--format", fmt, "."])
            assert result.exit_code == 1 and result.stderr == ""
            outputs[jobs, fmt] = result.stdout
    for fmt in ("text", "json", "sarif"):
        assert outputs["1", fmt] == outputs["2", fmt] == outputs["3", fmt]
    assert outputs["1", "text"].splitlines()[-1].endswith(f"in {4 * len(list(EXAMPLES.glob('*.strategy.yaml'))) + 1} files.")


def test_an_unreadable_file_in_a_worker_is_one_line_and_exit_2(tmp_path, monkeypatch):
    for i in range(12):
        (tmp_path / f"p{i:02}.strategy.yaml").write_text("version: 1\nname: Plan\n")
    (tmp_path / "p05.strategy.yaml").unlink()
    os.mkfifo(tmp_path / "p05.strategy.yaml")  # a pipe is never read: it could block forever
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", "--jobs", "2", "--select", "SL0",
                                      *[f"p{i:02}.strategy.yaml" for i in range(12)]])
    assert result.exit_code == 2
    assert result.stderr == ("stratlint: error: p05.strategy.yaml: not a regular file (a pipe, socket or device)\n")
    assert result.stdout == "No problems found in 11 files; 1 path could not be checked (see the errors above).\n"
