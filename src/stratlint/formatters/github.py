"""GitHub Actions workflow commands: one annotation per finding, and one
``::error`` per path the run could not check (or rule that crashed), so
that a failed run says why where the user looks.

    ::warning file=plans/q3.strategy.yaml,line=14,col=5,endLine=14,endColumn=9,title=SL201 vanity-only-kpis::every KPI ...
    ::error file=plans/gone.strategy.yaml,title=stratlint::no such file or directory

Values are escaped as the Actions runner expects: in the message ``%``,
CR and LF; in properties also ``:`` and ``,``. File names have their
other control characters escaped too (:func:`stratlint.formatters.shown`).
"""
from __future__ import annotations

from stratlint.formatters import Report, shown

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(name: str, props: dict, message: str) -> str:
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{name} {joined}::{escape_data(message)}"


def render(report: Report) -> str:
    lines = []
    for error in report.errors:
        props = {"file": shown(error.path)} if error.path else {}
        if error.line:
            props["line"] = error.line
        lines.append(_command("error", {**props, "title": "stratlint"}, error.message))
    for f in report.findings:
        props = {
            "file": shown(f.path),
            "line": f.span.line,
            "col": f.span.column,
            "endLine": f.span.end_line,
            "endColumn": f.span.end_column,
            "title": f"{f.code} {f.rule}",
        }
        lines.append(_command(COMMANDS[str(f.severity)], props, f.message))
    return "".join(line + "\n" for line in lines)
