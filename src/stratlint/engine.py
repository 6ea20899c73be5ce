"""The rule engine: turns what checks and stages report into findings.

:func:`run` runs each rule's check functions on a located document;
:func:`report` gives the diagnostics of the loader and the suppression
filter to the rules that report them (``reports:`` in their pack). Either
way the engine, not the check, decides where a finding stands (from the
hit's pointer, falling back to the nearest existing ancestor), what it is
called and how serious it is. A rule that raises is recorded as a crash
with its slug; the other rules still run.

The engine also reads the plan's ``language`` once and gives every check
the vocabularies of that language (:func:`stratlint.checks.vocabulary.localize`),
and skips a rule whose ``unless`` test holds for the plan (a small
organisation is spared advice meant for departments).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from stratlint.checks import Context
from stratlint.checks.helpers import quoted
from stratlint.checks.vocabulary import localize, plan_language
from stratlint.checks.where import holds
from stratlint.findings import Diagnostic, Finding, Related, Span
from stratlint.limits import MESSAGE_VALUE, excerpt
from stratlint.document.located import LocatedDocument
from stratlint.rules.model import Rule
from stratlint.document.select import select

_PLACEHOLDER = re.compile(r"'?\{([A-Za-z_][A-Za-z0-9_]*)\}'?")


@dataclass(frozen=True, slots=True)
class Crash:
    rule: str
    path: str
    error: str

    def __str__(self) -> str:
        return f"rule '{self.rule}' failed on {self.path}: {self.error}"


_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")


def render(template: str, values: dict) -> str:
    """Fill ``{name}`` placeholders; only plain names, nothing is evaluated.

    A placeholder in single quotes (``'{label}'``) is a value shown as
    text: it is shortened to one line of at most 80 characters, and quoted
    so that its own quotes never double (``"'Like us' card"``). Any other
    placeholder fills at most :data:`~stratlint.limits.MESSAGE_VALUE`
    characters, so that no value can make a message long. A finding is
    one line, so line breaks in other values become single spaces."""
    def value(m: re.Match) -> str:
        name = m.group(1)
        if name not in values:
            return m.group(0)
        text = m.group(0)
        if text.startswith("'") and text.endswith("'"):
            return quoted(values[name])
        before, after = ("'" if text.startswith("'") else ""), ("'" if text.endswith("'") else "")
        return before + excerpt(str(values[name]).strip(), MESSAGE_VALUE) + after

    return _one_line(_PLACEHOLDER.sub(value, template))


def _one_line(text: str) -> str:
    """Each line break, with the white space around it, becomes one space
    (linear in the text: no pattern that could backtrack)."""
    parts = _BREAKS.split(text)
    if len(parts) == 1:
        return text
    pieces = [parts[0].rstrip(), *(p.strip() for p in parts[1:-1]), parts[-1].lstrip()]
    return " ".join(p for p in pieces if p)


def run(rules: list[Rule], doc: LocatedDocument, path: str) -> tuple[list[Finding], list[Crash]]:
    findings: list[Finding] = []
    crashes: list[Crash] = []
    language = plan_language(doc.data)
    for rule in rules:
        if not rule.steps:
            continue
        try:
            if rule.unless is not None and holds(rule.unless, doc.data, {}):
                continue
            findings.extend(_run_rule(rule, doc, path, language))
        except (Exception, SystemExit) as exc:  # a faulty rule (even one that exits) must not stop the others
            crashes.append(Crash(rule.slug, path, f"{type(exc).__name__}: {exc}"))
    return findings, crashes


def _run_rule(rule: Rule, doc: LocatedDocument, path: str, language: str = "en") -> list[Finding]:
    out: dict[tuple, Finding] = {}
    fixed = doc.resolve(rule.location["pointer"], rule.location.get("at", "key")) if rule.location else None
    steps = [(step, localize(step.options, language)) for step in rule.steps]
    for given in rule.given:
        for pointer, value in select(doc.data, given):
            ctx = Context(doc.data, pointer, doc, path)
            for step, options in steps:
                for hit in step.function.function(value, options, ctx):
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
