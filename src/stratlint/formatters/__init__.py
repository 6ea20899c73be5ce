"""Formatters: pure functions from a run's results to the text of a report."""
from __future__ import annotations

from dataclasses import dataclass, field

from stratlint.findings import Finding


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    files_checked: int
    rules: list = field(default_factory=list)  # the rules that ran, for formats that describe them
    files: list[str] = field(default_factory=list)  # the files checked, in order
    failed: bool = False  # the run itself failed (exit code 2)


FORMATS = ("text", "json", "sarif", "github", "junit")


def render(fmt: str, report: Report, *, color: bool = False, quiet: bool = False) -> str:
    if fmt == "text":
        from stratlint.formatters.text import render as text_render

        return text_render(report, color=color, quiet=quiet)
    from importlib import import_module

    module = import_module(f"stratlint.formatters.{'json_format' if fmt == 'json' else fmt}")
    return module.render(report)
