"""Every built-in rule is documented: the sections `explain` shows, a seed
quote that really is in its seed, and a committed reference that is current."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from stratlint.cli import cli
from stratlint.rules.registry import load_rules
from stratlint.testing import RuleTester

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RULES = load_rules().rules
NO_SEED = {"SL001", "SL002", "SL003", "SL004", "SL005", "SL006", "SL007", "SL008", "SL903"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_every_documentation_section(rule):
    page = CliRunner().invoke(cli, ["explain", rule.slug]).stdout
    for title in ("What it checks:", "Why:", "Example that fires:", "Fix:"):
        assert f"\n{title}\n    " in page, f"{rule.code} lacks '{title}'"
    if rule.code not in NO_SEED:
        assert rule.docs.get("quote") and rule.docs.get("seed"), f"{rule.code} quotes no seed"
        assert f"\u201c{' '.join(rule.docs['quote'].split())}" in " ".join(page.split())


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
@pytest.mark.parametrize("rule", [r for r in RULES if r.docs.get("quote")], ids=lambda r: r.code)
def test_quote_is_in_its_seed(rule):
    text = " ".join((SEEDS / rule.docs["seed"]).read_text(encoding="utf-8").split())
    assert " ".join(rule.docs["quote"].split()) in text


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documented_example_fires(rule):
    """The 'example that fires' does fire, with the settings that switch on
    the suppression rules (--report-unused-disables, require-reason)."""
    example = rule.docs["example"]
    plan = example if example.lstrip().startswith("version:") else f"version: 1\nname: Example\n{example}"
    tester = RuleTester(rule.slug, report_unused_disables=True, require_reason=True)
    assert tester.findings(plan), f"{rule.code}'s documented example does not fire"


def test_codes_and_slugs_are_unique_and_sorted():
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes)
    assert len({r.slug for r in RULES}) == len(RULES)


def test_generated_reference_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    generated = CliRunner().invoke(cli, ["rules", "--format", "markdown"]).stdout
    assert committed == generated, "docs/rules.md is stale: run 'stratlint rules --format markdown > docs/rules.md'"
