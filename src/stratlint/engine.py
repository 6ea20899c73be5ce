"""The rule engine: turns what checks and stages report into findings.

:func:`run` runs each rule's check functions on a located document;
:func:`report` gives the diagnostics of the loader and the suppression
filter to the rules that report them (``reports:`` in their pack). Either
way the engine, not the check, decides where a finding stands (from the
hit's pointer, falling back to the nearest existing ancestor), what it is
called and how serious it is. A rule that raises is recorded as a crash
with its slug; the other rules still run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from stratlint.checks import Context
from stratlint.findings import Diagnostic, Finding, Related, Span
from stratlint.document.located import LocatedDocument
from stratlint.rules.model import Rule
from stratlint.document.select import select

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Crash:
    rule: str
    path: str
    error: str

    def __str__(self) -> str:
        return f"rule '{self.rule}' failed on {self.path}: {self.error}"


_BREAKS = re.compile(r"\s*[\r\n\x0b\x0c\x85\u2028\u2029]+\s*")


def render(template: str, values: dict) -> str:
    """Fill ``{name}`` placeholders; only plain names, nothing is evaluated.

    A finding is one line, so line breaks in the values (a multi-line
    statement, say) become single spaces."""
    def value(m: re.Match) -> str:
        return str(values[m.group(1)]).strip() if m.group(1) in values else m.group(0)

    return _BREAKS.sub(" ", _PLACEHOLDER.sub(value, template))


def run(rules: list[Rule], doc: LocatedDocument, path: str) -> tuple[list[Finding], list[Crash]]:
    findings: list[Finding] = []
    crashes: list[Crash] = []
    for rule in rules:
        if not rule.steps:
            continue
        try:
            findings.extend(_run_rule(rule, doc, path))
        except Exception as exc:  # a faulty rule must not stop the others
            crashes.append(Crash(rule.slug, path, f"{type(exc).__name__}: {exc}"))
    return findings, crashes


def _run_rule(rule: Rule, doc: LocatedDocument, path: str) -> list[Finding]:
    out: dict[tuple, Finding] = {}
    fixed = doc.resolve(rule.location["pointer"], rule.location.get("at", "key")) if rule.location else None
    for given in rule.given:
        for pointer, value in select(doc.data, given):
            ctx = Context(doc.data, pointer, doc, path)
            for step in rule.steps:
                for hit in step.function.function(value, step.options, ctx):
                    if fixed is not None:
                        span, found = fixed
                    else:
                        span, found = doc.resolve(hit.pointer, hit.at)
                        span = hit.span or span
                    message = render(rule.template(hit.variant), hit.values)
                    key = (span, message)
                    if key not in out:  # a node reached through aliases is reported once
                        related = tuple(Related(where if isinstance(where, Span) else doc.span(where), text)
                                        for where, text in hit.related)
                        out[key] = Finding(path, span, rule.code, rule.slug, rule.severity, message, found,
                                           related=related)
    return list(out.values())


def report(diagnostics: list[Diagnostic], rules: list[Rule], path: str) -> list[Finding]:
    """A finding for each diagnostic, from each rule that reports it."""
    out = []
    for d in diagnostics:
        for rule in rules:
            if rule.reports == d.name:
                message = render(rule.template(None), {"problem": d.message})
                out.append(Finding(path, d.span, rule.code, rule.slug, rule.severity, message, d.pointer))
    return out
