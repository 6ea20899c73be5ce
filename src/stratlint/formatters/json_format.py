"""The json format: one object with the findings and a summary (DESIGN.md),
and, when the run could not do something (read a path, run a rule on a
file), ``errors``: each ``{path, message, kind}``, so that a script sees why
the exit code is 2. A run without errors prints the contract's four keys only."""
from __future__ import annotations

import json

from stratlint.findings import summarize
from stratlint.formatters import Report


def render(report: Report) -> str:
    out = {
        "version": 1,
        "files_checked": report.files_checked,
        "findings": [f.to_dict() for f in report.findings],
        "summary": summarize(report.findings),
    }
    if report.errors:
        out["errors"] = [{"path": e.path, "message": e.message, "kind": e.kind} for e in report.errors]
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
