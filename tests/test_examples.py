"""The examples promise their findings in a header; hold them to it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from stratlint.linter import lint_bytes
from stratlint.rules.registry import load_rules

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.strategy.yaml"))
RULES = load_rules().rules
MODELINE = "# yaml-language-server: $schema=../schemas/strategy-v1.schema.json"  # resolves in a checkout, offline


def expected_codes(path: Path) -> set[str]:
    header = re.search(r"^# stratlint-expect: (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert header, f"{path.name} has no '# stratlint-expect:' header"
    return set() if header.group(1).strip() == "clean" else set(header.group(1).split())


def test_there_is_a_clean_example_and_anti_patterns():
    names = {p.name for p in EXAMPLES}
    assert "good.strategy.yaml" in names and len(names) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_draws_exactly_the_codes_it_promises(path):
    result = lint_bytes(path.read_bytes(), path.name, RULES)
    assert not result.crashes
    assert {f.code for f in result.findings} == expected_codes(path)
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_cite_articles_by_title_not_file(path):
    text = path.read_text(encoding="utf-8")
    assert ".txt" not in text and "seed 0" not in text


def test_the_modeline_of_the_examples_resolves():
    assert (EXAMPLES[0].parent / "../schemas/strategy-v1.schema.json").resolve().is_file()
