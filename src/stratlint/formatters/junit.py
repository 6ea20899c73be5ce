"""JUnit XML, as Jenkins, GitLab and Azure Pipelines read it.

One ``<testsuite>`` per file, named by the file, and in it:

- one test case per finding (as ruff writes it), named by the rule and the
  place (``SL201 vanity-only-kpis at 14:5``); a finding at or above
  ``--fail-on`` is a ``<failure>``, one below it passes and carries the
  finding in ``<system-out>``, so it is reported without failing the suite;
- a passing test case ``no problems`` for a file with no finding;
- an ``<error>`` test case for a file that could not be read, or for a
  rule that crashed on it, so that no file is silently absent.

The ``tests``, ``failures`` and ``errors`` counts of every suite and of
``<testsuites>`` add up. File names have their control characters escaped
(:func:`stratlint.formatters.shown`), and characters XML cannot hold
become U+FFFD.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from stratlint.formatters import Report, shown

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def render(report: Report) -> str:
    suites: dict[str, list[ET.Element]] = {}
    errors_of: dict[str, int] = {}
    failures_of: dict[str, int] = {}

    def case(path: str, name: str, **extra: str) -> ET.Element:
        element = ET.Element("testcase", {"classname": _xml(shown(path)), "name": _xml(name),
                                          "file": _xml(shown(path)), **extra})
        suites.setdefault(path, []).append(element)
        return element

    for path in report.files:
        suites.setdefault(path, [])
    for f in report.findings:
        element = case(f.path, f"{f.code} {f.rule} at {f.line}:{f.column}", line=str(f.line))
        text = _xml(f"{shown(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}  ({f.rule})")
        if report.fails(f):
            failure = ET.SubElement(element, "failure", {"type": f.code, "message": _xml(f"{f.rule}: {f.message}")})
            failure.text = text
            failures_of[f.path] = failures_of.get(f.path, 0) + 1
        else:
            ET.SubElement(element, "system-out").text = text
    for error in report.errors:
        path = error.path or "stratlint"
        element = case(path, {"unreadable": "read", "crash": "rules"}.get(error.kind, error.kind))
        ET.SubElement(element, "error", {"type": error.kind,
                                         "message": _xml(error.message)}).text = _xml(error.message)
        errors_of[path] = errors_of.get(path, 0) + 1
    for path, cases in suites.items():
        if not cases:
            case(path, "no problems")

    total = {"tests": 0, "failures": 0, "errors": 0}
    root = ET.Element("testsuites", {"name": "stratlint"})
    for path, cases in suites.items():
        counts = {"tests": len(cases), "failures": failures_of.get(path, 0), "errors": errors_of.get(path, 0)}
        for key in total:
            total[key] += counts[key]
        suite = ET.SubElement(root, "testsuite", {"name": _xml(shown(path)), "file": _xml(shown(path)),
                                                  **{k: str(v) for k, v in counts.items()}, "skipped": "0"})
        suite.extend(cases)
    root.attrib.update({k: str(v) for k, v in total.items()})
    root.set("skipped", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
