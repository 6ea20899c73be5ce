"""The filter stage: which of a file's findings a run reports.

One order, for every command (``check``, ``check --fix``, the language
server):

1. per-file ignores: the config's ``per-file-ignores`` that match the file;
2. inline suppressions and waivers: comments in the file
   (:mod:`stratlint.filters.suppressions`); what is wrong with the comments
   themselves becomes findings of the rules that report it (SL006-SL008);
3. the baseline: findings recorded earlier, matched by fingerprint
   (:mod:`stratlint.filters.baseline`). The findings that reach this step
   get their fingerprint when a baseline is in use or ``fingerprints`` is
   asked for (to write a baseline, or for formats that carry it).
"""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from stratlint import engine
from stratlint.document import LocatedDocument
from stratlint.filters import suppressions
from stratlint.findings import Finding
from stratlint.rules.model import Rule
from stratlint.rules.selectors import covers


@dataclass(frozen=True, slots=True)
class FilterOptions:
    """What the filter stage needs to know about one file beyond its text."""

    ignore: tuple[str, ...] = ()  # rule selectors of the per-file-ignores that match this file
    require_reason: bool = False  # a suppression without a reason suppresses nothing (SL008)
    report_unused: bool = False  # report suppressions that suppress nothing (SL006)
    known: tuple[tuple[str, str], ...] = ()  # (code, slug) of every rule there is, to tell unknown names
    baseline: tuple[tuple[str, int], ...] | None = None  # this file's baselined fingerprints, with counts
    fingerprints: bool = False  # give every finding its fingerprint (always done with a baseline)
    today: datetime.date | None = None


@dataclass(slots=True)
class Filtered:
    findings: list[Finding]
    suppressions: list[suppressions.Suppression] = field(default_factory=list)


def apply(findings: list[Finding], *, path: str, text: str | None, doc: LocatedDocument | None,
          rules: list[Rule], options: FilterOptions) -> Filtered:
    """Filter one file's findings (``text`` is None when the file could not be decoded)."""
    if options.ignore:
        findings = [f for f in findings if not any(covers(n, f.code, f.rule) for n in options.ignore)]
    found: list[suppressions.Suppression] = []
    if text is not None:
        found = suppressions.parse(text, (lambda line, col: not doc.in_value(line, col)) if doc is not None else None)
    if found:
        outcome = suppressions.apply(
            findings, found, lambda name, f: covers(name, f.code, f.rule),
            today=options.today or datetime.date.today(), require_reason=options.require_reason,
            report_unused=options.report_unused and (lambda n: any(covers(n, r.code, r.slug) for r in rules)),
            is_rule=(lambda n: any(covers(n, code, slug) for code, slug in options.known)) if options.known else None)
        findings = outcome.kept + engine.report(outcome.problems, rules, path)
    if options.fingerprints or options.baseline is not None:
        from stratlint.filters.baseline import fingerprint

        data = doc.data if doc is not None else None
        findings = [f.with_fingerprint(fingerprint(f, data)) for f in findings]
    if options.baseline is not None:
        from stratlint.filters.baseline import not_in

        findings = not_in(findings, Counter(dict(options.baseline)))
    findings.sort(key=Finding.sort_key)
    return Filtered(findings, found)
