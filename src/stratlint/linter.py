"""One file through the pipeline: bytes -> located document -> findings
-> inline suppressions. Pure: the same input always gives the same result,
and the result can cross a process boundary (``--jobs``)."""
from __future__ import annotations

import datetime
import gc
from dataclasses import dataclass, field

from stratlint import engine
from stratlint.filters import suppressions as suppress
from stratlint.findings import Finding, Span
from stratlint.document.located import LoadError, load
from stratlint.rules.packs import Rule
from stratlint.config.settings import covers
from stratlint.files import decode

INVALID_YAML = "SL001"


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    crashes: list[engine.Crash] = field(default_factory=list)
    fingerprints: list[str] = field(default_factory=list)  # baseline fingerprints, one per finding
    suppressions: list[suppress.Suppression] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FileOptions:
    """What a file's lint needs beyond its rules."""

    ignore: tuple[str, ...] = ()  # per-file-ignores that match this file
    require_reason: bool = False
    report_unused: bool = False
    fingerprints: bool = False
    today: datetime.date | None = None
    known: tuple[tuple[str, str], ...] = ()  # (code, slug) of every rule there is, for unknown names


def lint_bytes(data: bytes, path: str, rules: list[Rule], options: FileOptions = FileOptions()) -> FileResult:
    """Lint one file. Python's cyclic garbage collector is paused meanwhile:
    a plan's values and nodes hold no cycles, and on a large plan the
    collector's passes over millions of them would cost more than the rules."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _lint(data, path, rules, options)
    finally:
        if enabled:
            gc.enable()


def _lint(data: bytes, path: str, rules: list[Rule], options: FileOptions) -> FileResult:
    result = FileResult(path)
    doc = None
    text = None
    try:
        text = decode(data)
        doc = load(text)
    except LoadError as exc:
        rule = _rule(rules, INVALID_YAML)
        if rule is not None:
            span = Span(exc.line, exc.column, exc.line, exc.column)
            result.findings.append(Finding(path, span, rule.code, rule.slug, rule.severity, exc.message, ""))
    if doc is not None:
        result.findings, result.crashes = engine.run(rules, doc, path)
    if options.ignore:
        result.findings = [f for f in result.findings
                           if not any(covers(n, f.code, f.rule) for n in options.ignore)]
    if text is not None:
        _suppress(result, text, doc, rules, options)
    result.findings.sort(key=Finding.sort_key)
    if options.fingerprints:
        from stratlint.filters.baseline import fingerprint

        data_root = doc.data if doc is not None else None
        result.fingerprints = [fingerprint(f, data_root) for f in result.findings]
    return result


def _rule(rules: list[Rule], code: str) -> Rule | None:
    return next((r for r in rules if r.code == code), None)


def _suppress(result: FileResult, text: str, doc, rules: list[Rule], options: FileOptions) -> None:
    found = suppress.parse(text, (lambda line, col: not doc.in_value(line, col)) if doc is not None else None)
    result.suppressions = found
    if not found:
        return
    outcome = suppress.apply(
        result.findings, found, lambda name, f: covers(name, f.code, f.rule),
        today=options.today or datetime.date.today(), require_reason=options.require_reason,
        report_unused=options.report_unused and (lambda n: any(covers(n, r.code, r.slug) for r in rules)),
        is_rule=(lambda n: any(covers(n, code, slug) for code, slug in options.known)) if options.known else None)
    result.findings = outcome.kept
    for code, s, message in outcome.problems:
        rule = _rule(rules, code)
        if rule is not None:
            result.findings.append(Finding(result.path, s.span, rule.code, rule.slug, rule.severity, message, ""))
