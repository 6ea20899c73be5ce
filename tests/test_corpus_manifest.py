"""The generated corpus (benchmarks/corpus.py) plants exactly what its
manifest says: each file draws, rule by rule, the findings its defects
are meant to plant and nothing else, and a clean file draws none."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from stratlint.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def generate(tmp_path: Path, *args: str) -> tuple[Path, dict]:
    """Write a corpus into ``tmp_path/plans``; return the folder and the manifest's files."""
    plans, manifest = tmp_path / "plans", tmp_path / "manifest.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "corpus.py"), str(plans), "--manifest", str(manifest),
                    *args], check=True, capture_output=True)
    return plans, json.loads(manifest.read_text(encoding="utf-8"))["files"]


def findings(plans: Path) -> dict[str, Counter]:
    """Every file's findings by code, from ``stratlint check --format json``."""
    result = CliRunner().invoke(cli, ["check", "--isolated", "--format", "json", str(plans)])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    by_file = {path.name: Counter() for path in plans.glob("*.strategy.yaml")}
    assert report["files_checked"] == len(by_file)
    for finding in report["findings"]:
        by_file[Path(finding["path"]).name][finding["code"]] += 1
    return by_file


def test_each_file_draws_the_findings_its_manifest_expects(tmp_path):
    plans, manifest = generate(tmp_path, "--files", "40", "--seed", "11", "--defect-rate", "1")
    found = findings(plans)
    assert sorted(found) == sorted(manifest)
    assert all(entry["defects"] for entry in manifest.values())
    wrong = {name: (entry["defects"], entry["expected"], dict(found[name]))
             for name, entry in manifest.items() if dict(found[name]) != entry["expected"]}
    assert not wrong, wrong  # file: (defects, expected, found)
    # the 40 files use most of the defects, so most of the rules they plant are tested
    assert len({d for entry in manifest.values() for d in entry["defects"]}) >= 10


def test_a_clean_file_draws_no_finding(tmp_path):
    plans, manifest = generate(tmp_path, "--files", "5", "--seed", "11", "--defect-rate", "0")
    assert all(entry == {"defects": [], "expected": {}} for entry in manifest.values())
    assert findings(plans) == {name: Counter() for name in manifest}


def test_file_k_depends_on_the_seed_and_k_only(tmp_path):
    few, _ = generate(tmp_path / "few", "--files", "3", "--seed", "11")
    more, _ = generate(tmp_path / "more", "--files", "6", "--seed", "11")
    other, _ = generate(tmp_path / "other", "--files", "3", "--seed", "12")
    for path in few.iterdir():
        assert path.read_bytes() == (more / path.name).read_bytes()
        assert path.read_bytes() != (other / path.name).read_bytes()
