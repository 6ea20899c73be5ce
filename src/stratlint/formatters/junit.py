"""JUnit XML: one test case per file checked, one failure per finding.

A file with findings is a failed test case (the suite's ``failures``
counts those test cases); each finding is a ``<failure>`` element whose
type is the rule's code and whose text is the finding's line.
"""
from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from stratlint.formatters import Report

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def render(report: Report) -> str:
    by_file: dict[str, list] = {path: [] for path in report.files}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    failed = sum(1 for items in by_file.values() if items)
    counts = {"tests": str(len(by_file)), "failures": str(failed), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "stratlint", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "stratlint", **counts})
    for path, items in by_file.items():
        case = ET.SubElement(suite, "testcase", {"classname": "stratlint", "name": _xml(path), "file": _xml(path)})
        for f in items:
            failure = ET.SubElement(case, "failure", {"type": f.code, "message": _xml(f"{f.rule}: {f.message}")})
            failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}  ({f.rule})")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
