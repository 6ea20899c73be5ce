"""One file through the pipeline, the same for every command:

    bytes -> text -> located document -> rules -> findings -> filters

Diagnostics of the loader become findings of the rule that reports them
(SL001); the filter stage (:mod:`stratlint.filters`) then applies the
per-file ignores, the inline suppressions and the baseline. Pure: the
same input always gives the same result, and the result can cross a
process boundary (``--jobs``).
"""
from __future__ import annotations

import gc
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from stratlint import engine, filters
from stratlint.document import LoadError, decode, load
from stratlint.filters import FilterOptions
from stratlint.filters.suppressions import Suppression
from stratlint.findings import Diagnostic, Finding, Severity, Span
from stratlint.rules.model import Rule


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    crashes: list[engine.Crash] = field(default_factory=list)
    suppressions: list[Suppression] = field(default_factory=list)
    #: with ``keep_document``: the text (bytes that do not decode replaced
    #: by U+FFFD) and the plan's values (None where the file could not be
    #: decoded or parsed), for commands that show the plan (report, diff)
    text: str | None = None
    data: Any = None


@contextmanager
def paused_gc():
    """Python's cyclic garbage collector, paused: a plan's values and nodes
    hold no cycles, and on a large plan the collector's passes over millions
    of them would cost more than the rules."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def lint_bytes(data: bytes, path: str, rules: list[Rule], options: FilterOptions = FilterOptions(), *,
               keep_document: bool = False) -> FileResult:
    """Lint one file's bytes; ``path`` is the name findings carry. With
    ``keep_document``, the result also holds the text and the plan's values."""
    with paused_gc():  # _lint's document is freed before the collector resumes
        return _lint(data, path, rules, options, keep_document)


def lint_unread(path: str, problem: str, rules: list[Rule], options: FilterOptions = FilterOptions()) -> FileResult:
    """The result for a file that was not read (it is over the size limit):
    one SL001 at 1:1 saying why, through the same rules and filters."""
    findings = engine.report([Diagnostic("parse", Span(1, 1, 1, 2), problem)], rules, path)
    return FileResult(path, filters.apply(findings, path=path, text=None, doc=None, rules=rules,
                                          options=options).findings)


def _lint(data: bytes, path: str, rules: list[Rule], options: FilterOptions, keep: bool) -> FileResult:
    text = doc = None
    diagnostics: list[Diagnostic] = []
    try:
        text = decode(data)
        doc = load(text)
    except LoadError as exc:
        # one character wide: a region is never empty
        diagnostics.append(Diagnostic("parse", Span(exc.line, exc.column, exc.line, exc.column + 1), exc.message))
    findings, crashes = engine.run(rules, doc, path) if doc is not None else ([], [])
    findings += engine.report(diagnostics, rules, path)
    kept = filters.apply(findings, path=path, text=text, doc=doc, rules=rules, options=options)
    if keep:  # text that does not decode is shown with U+FFFD where its bad bytes are
        shown = text if text is not None else data.decode("utf-8", "replace")
        return FileResult(path, kept.findings, crashes, kept.suppressions, shown, doc.data if doc is not None else None)
    return FileResult(path, kept.findings, crashes, kept.suppressions)


def lint_fixed(data: bytes, path: str, rules: list[Rule], options: FilterOptions, result: FileResult,
               findings: list[Finding] | None = None):
    """Scaffold the fixable ``findings`` (default: all of ``result``'s) and
    lint the fixed text: ``(result, fix)``, where ``result`` is the lint of
    the fixed text, or the one given when nothing was fixed. A fix that
    would add an error-level finding is refused (every fix is then listed
    as skipped, with the reason). ``check --fix`` and the language server's
    code actions both go through here."""
    from stratlint.fix import FileFix, fix_bytes

    fixable = {r.code: r for r in rules if r.fixable and r.fix}
    fix = fix_bytes(data, result.findings if findings is None else findings, fixable) if fixable else FileFix()
    if fix.after is None:
        return result, fix
    fixed = lint_bytes(fix.after, path, rules, options)
    worse = sorted(code for code, n in _errors(fixed).items() if n > _errors(result).get(code, 0))
    if worse:
        reason = f"the fix would add an error-level finding ({', '.join(worse)}); please report this"
        refused = [(f, reason) for f, _, _ in fix.applied] + [(f, reason) for f, _ in fix.skipped]
        return result, FileFix(skipped=sorted(refused, key=lambda pair: pair[0].sort_key()))
    return fixed, fix


def _errors(result: FileResult) -> Counter:
    return Counter(f.code for f in result.findings if f.severity >= Severity.ERROR)
