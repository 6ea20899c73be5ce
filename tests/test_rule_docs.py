"""Every built-in rule is documented: the sections `explain` shows, a seed
quote that really is in its seed, and a committed reference that is current."""
from __future__ import annotations

import dataclasses

from pathlib import Path

import pytest

from stratlint.errors import StratlintError
from stratlint.rules.registry import load_rules
from stratlint.testing import RuleTester
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
RULES = load_rules().rules
# Structural rules and placeholders come from no article; SL203 (baselines)
# is a measurement habit the articles do not ask for, so it is opt-in and
# quotes nothing rather than a sentence that does not say what it checks.
NO_SEED = {"SL001", "SL002", "SL003", "SL004", "SL005", "SL006", "SL007", "SL008", "SL203", "SL903"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_every_documentation_section(rule):
    page = run_cli(["explain", rule.slug]).stdout
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


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed articles are not beside this checkout")
@pytest.mark.parametrize("rule", [r for r in RULES if r.docs.get("quote")], ids=lambda r: r.code)
def test_the_article_shown_is_the_title_of_the_quotes_seed(rule):
    title = (SEEDS / rule.docs["seed"]).read_text(encoding="utf-8").splitlines()[0]
    assert rule.docs.get("article") == " ".join(title.split())


@pytest.mark.parametrize("rule", [r for r in RULES if r.docs.get("quote")], ids=lambda r: r.code)
def test_users_read_the_articles_title_never_a_file_name(rule):
    page = run_cli(["explain", rule.code]).stdout
    assert f"\u201d  (\u201c{rule.docs['article']}\u201d)" in page
    assert ".txt" not in page and "seed" not in page.lower()


def test_no_file_name_of_a_source_in_the_reference_or_the_schema():
    from stratlint.resources import schema_path

    for text in (run_cli(["rules", "--format", "markdown"]).stdout, schema_path("strategy-v1.schema.json").read_text()):
        assert ".txt" not in text and "(seed" not in text


def test_an_opt_in_rule_says_so_in_explain_and_in_the_list():
    assert "off by default (opt-in)" in run_cli(["explain", "SL203"]).stdout.splitlines()[0]
    listing = run_cli(["rules", "--isolated"]).stdout
    line = next(ln for ln in listing.splitlines() if ln.startswith("SL203"))
    assert line.split()[3] == "no"


def test_explain_lists_each_vocabulary_by_language():
    page = run_cli(["explain", "vanity-kpi-as-success"]).stdout
    assert "Vocabularies (by the plan's language; English when a language has none):" in page
    for lang in ("en", "fr", "de", "es"):
        assert f"    vanity [{lang}]: " in page
    assert "abonné" in page and "seguidores" in page


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_documented_example_fires(rule):
    """The 'example that fires' does fire, with the settings that switch on
    the suppression rules (--report-unused-disables, require-reason)."""
    example = rule.docs["example"]
    plan = example if example.lstrip().startswith("version:") else f"version: 1\nname: Example\n{example}"
    tester = RuleTester(rule.slug, report_unused_disables=True, require_reason=True)
    assert tester.findings(plan), f"{rule.code}'s documented example does not fire"


def test_rules_are_listed_in_code_order():
    codes = [r.code for r in RULES]
    assert codes == sorted(codes)


def test_a_second_rule_with_a_taken_code_or_slug_is_refused_naming_both_places():
    ruleset = load_rules()
    first = ruleset.find("SL201")
    for clash, what in ((dataclasses.replace(first, slug="other-slug", where="b.yaml:3"), "code 'SL201'"),
                        (dataclasses.replace(first, code="SL299", where="b.yaml:3"), "slug 'vanity-only-kpis'")):
        with pytest.raises(StratlintError) as info:
            ruleset.add(clash)
        assert str(info.value) == (f"two rules share the {what}: one in {first.where} (stratlint), "
                                   "one in b.yaml:3 (stratlint)")


def test_generated_reference_is_current():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    generated = run_cli(["rules", "--format", "markdown"]).stdout
    assert committed == generated, "docs/rules.md is stale: run 'stratlint rules --format markdown > docs/rules.md'"
