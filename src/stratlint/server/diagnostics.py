"""Findings as editor diagnostics.

Each finding becomes one LSP diagnostic: its exact range (converted from
the finding's 1-based line and column to the client's position
encoding), its severity mapped to the editor's, the rule code with a link
to the rule's documentation, ``stratlint`` as the source, and the places
the finding names (the first occurrence of a repeated key or id) as
related information. ``data`` carries the rule's slug and the finding's
pointer, for hover and code actions.
"""
from __future__ import annotations

from lsprotocol import types

from stratlint.findings import Finding, Severity
from stratlint.rules.model import Rule
from stratlint.server.positions import LineIndex

SOURCE = "stratlint"
#: where the built-in rules are documented (``stratlint rules --format markdown``)
RULES_DOC = "https://github.com/stratlint/stratlint/blob/main/docs/rules.md"

SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
#: rules whose finding marks text that can go (editors fade it)
UNNECESSARY = {"unused-suppression"}


def rule_url(rule: Rule | None) -> str | None:
    """The documentation of a built-in rule; rules from packs and plugins
    have theirs in ``stratlint explain``."""
    if rule is None or rule.source != "stratlint":
        return None
    return f"{RULES_DOC}#{rule.code.lower()}-{rule.slug}"


def to_diagnostic(finding: Finding, index: LineIndex, uri: str, rule: Rule | None) -> types.Diagnostic:
    url = rule_url(rule)
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=index.span_range(r.span)), message=r.message)
        for r in finding.related] or None
    return types.Diagnostic(
        range=index.span_range(finding.span),
        message=finding.message,
        severity=SEVERITY[finding.severity],
        code=finding.code,
        code_description=types.CodeDescription(href=url) if url else None,
        source=SOURCE,
        related_information=related,
        tags=[types.DiagnosticTag.Unnecessary] if finding.rule in UNNECESSARY else None,
        data={"rule": finding.rule, "pointer": finding.pointer},
    )
