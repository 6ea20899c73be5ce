"""SARIF 2.1.0: the format code-scanning tools (GitHub, Azure DevOps, IDEs) read.

One ``reportingDescriptor`` per rule that ran, with its summary, its full
documentation as help text, and its default level; one result per finding
with the rule's index, a level, the message and a physical location (a
relative URI and a 1-based region whose columns count Unicode code points).
"""
from __future__ import annotations

import json
from urllib.parse import quote

from stratlint import __version__
from stratlint.formatters import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _descriptor(rule) -> dict:
    from stratlint.rules.docs import explain_rule

    docs = rule.docs
    markdown = (f"**What it checks**\n\n{docs['what'].strip()}\n\n**Why**\n\n{docs['why'].strip()}\n\n"
                + (f"> {docs['quote'].strip()}" + (f" ({docs['seed']})" if docs.get("seed") else "") + "\n\n"
                   if docs.get("quote") else "")
                + f"**Example that fires**\n\n```yaml\n{docs['example'].rstrip()}\n```\n\n**Fix**\n\n{docs['fix'].strip()}")
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(docs["what"].split())},
        "help": {"text": explain_rule(rule), "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"tags": [rule.source], "slug": rule.slug},
    }


def _location(path: str) -> dict:
    """A relative path is relative to the checkout (%SRCROOT%); an absolute one is a file: URI."""
    posix = path.replace("\\", "/")
    if posix.startswith("/"):
        return {"uri": "file://" + quote(posix, safe="/")}
    return {"uri": quote(posix, safe="/"), "uriBaseId": "%SRCROOT%"}


def render(report: Report) -> str:
    rules = sorted({r.code: r for r in report.rules}.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        result = {
            "ruleId": f.code,
            "level": LEVELS[str(f.severity)],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": _location(f.path),
                "region": {"startLine": f.span.line, "startColumn": f.span.column,
                           "endLine": f.span.end_line, "endColumn": f.span.end_column},
            }}],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.pointer:
            result["properties"] = {"pointer": f.pointer}
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "stratlint",
                "version": __version__,
                "informationUri": "https://stratlint.dev",
                "rules": [_descriptor(r) for r in rules],
            }},
            "invocations": [{"executionSuccessful": not report.failed}],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
