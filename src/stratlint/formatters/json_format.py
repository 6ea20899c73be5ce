"""The json format: one object with the findings and a summary (DESIGN.md)."""
from __future__ import annotations

import json

from stratlint.findings import summarize
from stratlint.formatters import Report


def render(report: Report) -> str:
    return json.dumps({
        "version": 1,
        "files_checked": report.files_checked,
        "findings": [f.to_dict() for f in report.findings],
        "summary": summarize(report.findings),
    }, ensure_ascii=False, indent=2) + "\n"
