"""Formatters: pure functions from a run's results to the text of a report."""
from __future__ import annotations

from dataclasses import dataclass, field

from stratlint.findings import Finding


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    files_checked: int
    rules: list = field(default_factory=list)  # the rules that ran, for formats that describe them


FORMATS = ("text", "json")


def render(fmt: str, report: Report, *, color: bool = False, quiet: bool = False) -> str:
    if fmt == "json":
        from stratlint.formatters.json_format import render as json_render

        return json_render(report)
    from stratlint.formatters.text import render as text_render

    return text_render(report, color=color, quiet=quiet)
