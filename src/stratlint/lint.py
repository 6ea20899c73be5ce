"""One file through the pipeline: text -> located document -> findings."""
from __future__ import annotations

from dataclasses import dataclass, field

from stratlint import engine
from stratlint.findings import Finding, Span
from stratlint.located import LoadError, load
from stratlint.packs import Rule
from stratlint.sources import decode

INVALID_YAML = "SL001"


@dataclass(slots=True)
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    crashes: list[engine.Crash] = field(default_factory=list)


def lint_bytes(data: bytes, path: str, rules: list[Rule]) -> FileResult:
    result = FileResult(path)
    try:
        doc = load(decode(data))
    except LoadError as exc:
        rule = next((r for r in rules if r.code == INVALID_YAML), None)
        if rule is not None:
            span = Span(exc.line, exc.column, exc.line, exc.column)
            result.findings.append(Finding(path, span, rule.code, rule.slug, rule.severity, exc.message, ""))
        return result
    result.findings, result.crashes = engine.run(rules, doc, path)
    result.findings.sort(key=Finding.sort_key)
    return result
