"""A test helper for rule authors: plan text in, findings out.

    from stratlint.testing import RuleTester

    tester = RuleTester("tactic-needs-owner", packs=["rules/acme.yaml"])

    def test_fires():
        tester.assert_findings('''
            version: 1
            name: Plan
            tactics:
              - id: a
                name: Webinar
        ''', (4, 5, "tactic 'a' has no owner"))

    def test_near_miss():
        tester.assert_findings('''
            version: 1
            name: Plan
            tactics: [{id: a, name: Webinar, owner: Ana}]
        ''')

Only the rule under test runs, so other rules never leak into a case.
``options`` are laid over the rule's own options as a config's ``rules:``
entry would be (a vocabulary given as a list replaces the rule's,
``{extend: [...]}`` adds to it). ``report_unused_disables`` and
``require_reason`` switch on what ``--report-unused-disables`` and the
config's ``require-reason`` switch on. The plan text is dedented and its first blank line dropped, so line 1 is
the first line you see in the test. Each expected finding is ``(line,
column)`` or ``(line, column, text)``, where ``text`` must appear in the
message; the findings must match the expected ones exactly, in order.
"""
from __future__ import annotations

import textwrap
from typing import Iterable

from stratlint.findings import Finding
from stratlint.filters import FilterOptions
from stratlint.linter import lint_bytes
from stratlint.document import LoadError, load
from stratlint.rules.options import with_options
from stratlint.rules.registry import load_rules

Expected = tuple


def plan_text(text: str) -> str:
    text = textwrap.dedent(text)
    return text[1:] if text.startswith("\n") else text


class RuleTester:
    """Runs one rule (by slug or code) on inline plans."""

    def __init__(self, rule: str, *, packs: Iterable[str] = (), plugins: Iterable[str] = (),
                 options: dict | None = None, report_unused_disables: bool = False,
                 require_reason: bool = False) -> None:
        ruleset = load_rules(list(packs), list(plugins))
        found = ruleset.find(rule)
        if found is None:
            raise LookupError(f"no rule named {rule!r}")
        if options:  # laid over the rule's own, as a config's `rules:` entry would be
            found = with_options(found, options)
        self.rule = found
        known = tuple((r.code, r.slug) for r in ruleset.rules) if report_unused_disables else ()
        self.filter_options = FilterOptions(require_reason=require_reason, report_unused=report_unused_disables,
                                            known=known)

    def findings(self, plan: str, path: str = "plan.strategy.yaml") -> list[Finding]:
        text = plan_text(plan)
        if self.rule.reports != "parse":  # a plan that does not parse is the case of the rule that reports it
            try:
                load(text)
            except LoadError as exc:
                raise AssertionError(
                    f"the test plan is not valid YAML: {exc.line}:{exc.column}: {exc.message}") from None
        result = lint_bytes(text.encode("utf-8"), path, [self.rule], self.filter_options)
        if result.crashes:
            raise AssertionError(f"the rule crashed: {result.crashes[0]}")
        return result.findings

    def assert_findings(self, plan: str, *expected: Expected) -> list[Finding]:
        findings = self.findings(plan)
        got = [(f.line, f.column, f.message) for f in findings]
        problems = []
        if len(findings) != len(expected):
            problems.append(f"expected {len(expected)} finding(s), got {len(findings)}")
        for exp, (line, column, message) in zip(expected, got):
            if (line, column) != tuple(exp[:2]):
                problems.append(f"expected a finding at {exp[0]}:{exp[1]}, got {line}:{column} ({message})")
            elif len(exp) > 2 and exp[2] not in message:
                problems.append(f"at {line}:{column}: {exp[2]!r} is not in the message {message!r}")
        if problems:
            listing = "\n".join(f"  {line}:{column}: {message}" for line, column, message in got) or "  (none)"
            raise AssertionError(f"{self.rule.slug}: " + "; ".join(problems) + "\nfindings:\n" + listing)
        return findings
