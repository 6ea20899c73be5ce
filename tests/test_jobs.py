"""--jobs: files checked in several processes give the same bytes as one."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from stratlint.commands import parallel
from tests.helpers import run_cli

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(autouse=True)
def share_small_work(monkeypatch):
    """These plans are far less work than pays for a worker; share them out anyway."""
    monkeypatch.setattr(parallel, "BYTES_PER_PROCESS", 1)


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


def test_workers_answer_from_the_cache_and_fill_it(tmp_path, monkeypatch, own_cache):
    for i in range(8):
        shutil.copy(EXAMPLES / "vanity-metrics.strategy.yaml", tmp_path / f"p{i}.strategy.yaml")
    monkeypatch.chdir(tmp_path)
    first = run_cli(["check", "--jobs", "2", "."])
    assert len(list(own_cache.glob("*/*.json"))) == 8  # written by the workers
    Path("p3.strategy.yaml").write_text(Path("p3.strategy.yaml").read_text().replace("kpis:", "kpi:", 1))
    second = run_cli(["check", "--jobs", "2", "."])
    assert first.stdout != second.stdout and "unknown key 'kpi'" in second.stdout
    assert second.stdout == run_cli(["check", "--jobs", "1", "--no-cache", "."]).stdout


@pytest.mark.parametrize("sizes, requested, expected", [
    ([11_000] * 500, 2, 2),  # 5.5 MB: both cores pay
    ([11_000] * 500, 1, 1),  # --jobs 1
    ([11_000] * 50, 2, 1),  # half a megabyte: a worker costs more than it saves
    ([10_000_000], 4, 1),  # one plan cannot be shared
    ([3_000_000, 3_000_000], 8, 1),  # two files: no more than half the files
    ([11_000] * 300, 8, 3),  # 3.3 MB: three processes' worth
])
def test_processes_only_as_many_as_the_work_pays_for(monkeypatch, sizes, requested, expected):
    monkeypatch.setattr(parallel, "BYTES_PER_PROCESS", 1_000_000)
    assert parallel.processes_for(sizes, requested) == expected


def test_by_default_only_idle_cores_are_used(monkeypatch):
    monkeypatch.setattr(parallel, "BYTES_PER_PROCESS", 1_000_000)
    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (2.2, 2.0, 2.0))
    assert parallel.processes_for([11_000] * 2000, None) == 2  # two of four cores are busy
    assert parallel.processes_for([11_000] * 2000, 4) == 4  # --jobs 4 is a choice
    monkeypatch.setattr(parallel.os, "getloadavg", lambda: (7.5, 7.0, 7.0))
    assert parallel.processes_for([11_000] * 2000, None) == 1
