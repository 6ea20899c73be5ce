"""SARIF 2.1.0: the format code-scanning tools (GitHub, Azure DevOps, IDEs) read.

One ``reportingDescriptor`` per rule that ran, with its summary, its full
documentation as help text and Markdown, a ``helpUri`` (built-in rules:
their section of docs/rules.md) and its default level; one result per
finding with the rule's index, a level, the message, a physical location
and ``partialFingerprints``.

What GitHub code scanning needs, and how it is met:

- **Stable alerts.** ``partialFingerprints["stratlintFingerprint/v1"]`` is a
  hash of the file's URI and the finding's baseline fingerprint (rule and
  node, no line: :mod:`stratlint.filters.baseline`), so an alert survives
  lines moving above it; a repeat of the same fingerprint in a file gets
  ``:2``, ``:3``.
- **Paths.** A file's URI is relative to the repository root (the git top
  level above the current folder, else the current folder: ``Report.root``)
  with ``uriBaseId`` ``%SRCROOT%``, which ``originalUriBaseIds`` resolves;
  so the URIs are the same whatever folder stratlint runs from. A file
  outside that root gets an absolute ``file:`` URI.
- **Regions.** 1-based, columns counting Unicode code points, never zero
  width (the engine spans at least a key or a character).
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

from stratlint import __version__
from stratlint.formatters import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: where the built-in rules are documented: docs/rules.md, one section per rule
RULES_DOC = "https://github.com/stratlint/stratlint/blob/main/docs/rules.md"
FINGERPRINT = "stratlintFingerprint/v1"


def help_uri(rule) -> str | None:
    """The page that documents a rule: a built-in rule's section of
    docs/rules.md (the anchor GitHub gives its heading); None for a rule
    from another pack or a plugin."""
    if rule.source != "stratlint":
        return None
    return f"{RULES_DOC}#{rule.code.lower()}-{rule.slug}"


def _descriptor(rule) -> dict:
    from stratlint.rules.docs import cited, explain_rule

    docs = rule.docs
    markdown = (f"**What it checks**\n\n{docs['what'].strip()}\n\n**Why**\n\n{docs['why'].strip()}\n\n"
                + (f"> {docs['quote'].strip()}" + (f" ({cited(docs)})" if docs.get("article") else "") + "\n\n"
                   if docs.get("quote") else "")
                + f"**Example that fires**\n\n```yaml\n{docs['example'].rstrip()}\n```\n\n**Fix**\n\n{docs['fix'].strip()}")
    descriptor = {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(docs["what"].split())},
        "help": {"text": explain_rule(rule), "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {"tags": [rule.source], "slug": rule.slug},
    }
    uri = help_uri(rule)
    if uri:
        descriptor["helpUri"] = uri
    return descriptor


def _location(path: str, root: str | None) -> dict:
    """A path under ``root`` is a URI relative to %SRCROOT%; any other one is
    an absolute file: URI (standard input's ``<stdin>`` stays relative)."""
    if path.startswith("<"):
        return {"uri": quote(os.fsencode(path), safe=""), "uriBaseId": "%SRCROOT%"}
    absolute = os.path.abspath(path)
    if root is not None:
        rel = os.path.relpath(absolute, root) if _inside(absolute, root) else None
        if rel is not None:
            # the bytes of the name, as the file system holds them (a name need not be UTF-8)
            return {"uri": quote(os.fsencode(rel.replace(os.sep, "/")), safe="/"), "uriBaseId": "%SRCROOT%"}
    return {"uri": Path(absolute).as_uri()}


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # another drive
        return False


def _fingerprint(uri: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{uri}\0{fingerprint}".encode("utf-8")).hexdigest()[:32]


def render(report: Report) -> str:
    root = os.path.abspath(report.root) if report.root else None
    rules = sorted({r.code: r for r in report.rules}.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    seen: dict[str, int] = {}
    for f in report.findings:
        location = _location(f.path, root)
        result = {
            "ruleId": f.code,
            "level": LEVELS[str(f.severity)],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": {"startLine": f.span.line, "startColumn": f.span.column,
                           "endLine": f.span.end_line, "endColumn": f.span.end_column},
            }}],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.fingerprint:
            key = _fingerprint(location["uri"], f.fingerprint)
            seen[key] = seen.get(key, 0) + 1
            result["partialFingerprints"] = {FINGERPRINT: key if seen[key] == 1 else f"{key}:{seen[key]}"}
        if f.pointer:
            result["properties"] = {"pointer": f.pointer}
        results.append(result)
    run = {
        "tool": {"driver": {
            "name": "stratlint",
            "version": __version__,
            "informationUri": "https://stratlint.dev",
            "rules": [_descriptor(r) for r in rules],
        }},
        "invocations": [_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if root is not None:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path(root).as_uri().rstrip("/") + "/"}}
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _invocation(report: Report) -> dict:
    invocation: dict = {"executionSuccessful": not report.failed}
    notes = []
    for error in report.errors:
        note: dict = {"level": "error", "message": {"text": error.message}}
        if error.path and not error.path.startswith("<"):
            note["locations"] = [{"physicalLocation": {"artifactLocation": _location(error.path, report.root)}}]
        notes.append(note)
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
