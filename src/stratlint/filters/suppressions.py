"""Inline suppressions and waivers, written as YAML comments.

    budget: 9000  # stratlint: disable=advertising-heavy
    # stratlint: disable=SL201,SL202 -- launch quarter only, until 2027-03-31
    kpis:
    # stratlint: disable-file=SL7

``disable`` applies to its own line when it ends a line of YAML, or to
the next line when the comment stands alone; ``disable-file`` applies to
the whole file. Rules are named by slug, code or code prefix. Text after
``--`` is the reason; a reason ending in ``until YYYY-MM-DD`` is a waiver
that expires: after that day it no longer suppresses and is reported
itself (SL007 expired-waiver). With ``require-reason``, a suppression
without a reason suppresses nothing and is reported (SL008). With
``--report-unused-disables``, a rule named in a suppression that
suppressed nothing is reported (SL006 unused-suppression).
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from stratlint.document.positions import split_lines
from stratlint.findings import Diagnostic, Finding, Span
from stratlint.limits import excerpt

# Every pattern here runs in time linear in the comment: none starts with
# an unbounded repeat that a failed match would retry from each position,
# and none ends with two repeats of white space (so ``until`` and its
# date are matched on a reason already stripped of trailing white space).
_MARK = re.compile(r"#\s*stratlint:\s*(disable-file|disable)\s*=\s*(.*)$")
_UNTIL = re.compile(r"(?<![^\s,;])until\s+(\d{4}-\d{2}-\d{2})\.?\Z", re.I)
_NAMES = re.compile(r"[,\s]+")

#: the diagnostics this filter reports (rules claim them with ``reports:``)
UNUSED, EXPIRED, NO_REASON = "unused-suppression", "expired-waiver", "missing-reason"


@dataclass(slots=True)
class Suppression:
    line: int  # the comment's line
    column: int  # the '#'
    scope: str  # "disable" or "disable-file"
    names: list[str]
    target: int  # the line it applies to (0 for the whole file)
    reason: str = ""
    until: datetime.date | None = None
    bad_date: str = ""
    used: set[str] = field(default_factory=set)
    names_end: int = 0  # the column just after the last rule name (where another name can go)

    def expired(self, today: datetime.date) -> bool:
        return self.until is not None and today > self.until

    @property
    def span(self) -> Span:
        return Span(self.line, self.column, self.line, self.column + 1)


def parse(source: str, is_comment=None) -> list[Suppression]:
    """Every suppression comment in ``source``.

    ``is_comment(line, column)`` tells whether a ``#`` at that place starts
    a comment (it may stand inside a quoted value); without it, every
    ``#`` that YAML could read as a comment counts.
    """
    found = []
    if "stratlint:" not in source:
        return found
    for number, line in enumerate(split_lines(source), 1):
        if "stratlint:" not in line:
            continue
        for m in _MARK.finditer(line):
            col = m.start()
            if col > 0 and not line[col - 1].isspace():
                continue  # YAML starts a comment only after white space
            if is_comment is not None and not is_comment(number, col + 1):
                continue
            found.append(_build(number, col + 1, m.group(1), m.group(2), alone=not line[:col].strip()))
            found[-1].names_end = m.start(2) + len(m.group(2).partition("--")[0].rstrip()) + 1
            break
    return found


def _build(line: int, column: int, scope: str, rest: str, alone: bool) -> Suppression:
    names_part, _, reason = rest.partition("--")
    names = [n for n in _NAMES.split(names_part.strip()) if n]
    reason = reason.strip()
    until = None
    bad_date = ""
    m = _UNTIL.search(reason)
    if m:
        try:
            until = datetime.date.fromisoformat(m.group(1))
        except ValueError:
            bad_date = m.group(1)
        reason = reason[:m.start()].rstrip(" \t,;")
    target = 0 if scope == "disable-file" else (line + 1 if alone else line)
    return Suppression(line, column, scope, names, target, reason, until, bad_date)


@dataclass(slots=True)
class Outcome:
    kept: list[Finding]
    suppressed: list[Finding]
    problems: list[Diagnostic]


def apply(findings: list[Finding], suppressions: list[Suppression], matches, *, today: datetime.date,
          require_reason: bool = False, report_unused=False, is_rule=None) -> Outcome:
    """Filter ``findings``; ``matches(name, finding)`` says whether a name covers a finding.

    ``report_unused`` is a flag, or a predicate naming the rule names whose
    non-use is worth reporting (a rule not run in this run suppresses
    nothing, and that is no reason to remove its suppression). ``is_rule``
    tells whether a name names any rule at all; with ``report_unused``, a
    name that names none is reported as such."""
    problems: list[Diagnostic] = []
    active = []
    for s in suppressions:
        if s.bad_date:
            problems.append(Diagnostic(EXPIRED, s.span, f"the waiver's date '{s.bad_date}' is not a real date; write it as YYYY-MM-DD"))
        elif s.expired(today):
            problems.append(Diagnostic(EXPIRED, s.span, f"the waiver for {', '.join(map(excerpt, s.names))} expired on {s.until.isoformat()}; "
                                         "fix the findings it hid or renew it with a new date and reason"))
        elif require_reason and not s.reason:
            problems.append(Diagnostic(NO_REASON, s.span, f"the suppression of {', '.join(map(excerpt, s.names))} gives no reason; "
                                           "add one after '--', e.g. '-- launch quarter only'"))
        else:
            active.append(s)
    kept, suppressed = [], []
    for f in findings:
        hit = False
        for s in active:
            if s.target in (0, f.line):
                for name in s.names:
                    if matches(name, f):
                        s.used.add(name)
                        hit = True
        (suppressed if hit else kept).append(f)
    if report_unused:
        relevant = report_unused if callable(report_unused) else (lambda name: True)
        for s in active:
            unknown = [n for n in s.names if is_rule is not None and not is_rule(n)]
            if unknown:
                problems.append(Diagnostic(UNUSED, s.span, f"this suppression names {', '.join(repr(excerpt(n)) for n in unknown)}, "
                                            "which is no rule; correct the name or remove it"))
            unused = [n for n in s.names if n not in s.used and n not in unknown and relevant(n)]
            if unused:
                problems.append(Diagnostic(UNUSED, s.span, f"this suppression of {', '.join(map(excerpt, unused))} suppresses nothing; remove it"))
    return Outcome(kept, suppressed, problems)
