"""GitHub Actions workflow commands: one annotation per finding.

    ::warning file=plans/q3.strategy.yaml,line=14,col=5,endLine=14,endColumn=9,title=SL201 vanity-only-kpis::every KPI ...

Values are escaped as the Actions runner expects: in the message ``%``,
CR and LF; in properties also ``:`` and ``,``.
"""
from __future__ import annotations

from stratlint.formatters import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    lines = []
    for f in report.findings:
        props = {
            "file": f.path,
            "line": f.span.line,
            "col": f.span.column,
            "endLine": f.span.end_line,
            "endColumn": f.span.end_column,
            "title": f"{f.code} {f.rule}",
        }
        joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        lines.append(f"::{COMMANDS[str(f.severity)]} {joined}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
