"""Formatters: pure functions from a run's results to the text of a report."""
from __future__ import annotations

from dataclasses import dataclass, field

from stratlint.errors import one_line
from stratlint.findings import Finding, Severity


@dataclass(frozen=True, slots=True)
class RunError:
    """Something the run could not do, a one-line error and exit code 2: a
    path it could not read (``kind`` "unreadable": the file is missing from
    the results), a rule that crashed on a file it did check ("crash"), a
    line of an ignore file it did not apply ("ignore-file")."""

    path: str  # the file or the path named; "" when the error is about no path
    message: str
    kind: str = "unreadable"
    line: int | None = None  # where in the file, when the error is about one line (of an ignore file)

    def __str__(self) -> str:
        """The line on standard error (a crash's message names its file already)."""
        if self.kind == "crash" or not self.path:
            return self.message
        return f"{self.path}:{self.line}:1: {self.message}" if self.line else f"{self.path}: {self.message}"


@dataclass(slots=True)
class Report:
    findings: list[Finding]
    files_checked: int
    rules: list = field(default_factory=list)  # the rules that ran, for formats that describe them
    files: list[str] = field(default_factory=list)  # the files checked, in order
    failed: bool = False  # the run itself failed (exit code 2)
    errors: list[RunError] = field(default_factory=list)  # in the order they happened
    fail_on: str = "error"  # the severity at and above which a finding fails the run
    root: str | None = None  # the absolute folder relative paths are relative to (SARIF's %SRCROOT%)
    fail_on_by_path: dict[str, str] = field(default_factory=dict)  # a file's own fail-on (its config's)

    def fails(self, finding: Finding) -> bool:
        """Whether the finding is at or above its file's fail-on."""
        fail_on = self.fail_on_by_path.get(finding.path, self.fail_on)
        return fail_on != "never" and finding.severity >= Severity.parse(fail_on)

    @property
    def unchecked(self) -> list[str]:
        """The paths that could not be checked at all, each once."""
        return list(dict.fromkeys(e.path for e in self.errors if e.kind == "unreadable"))


FORMATS = ("text", "json", "sarif", "github", "junit", "markdown")


def shown(text: str) -> str:
    """A file name as a report prints it: control characters (line breaks
    included) written as escapes (``\\n``, ``\\x1b``), so that no name can
    start a line of its own, such as a GitHub workflow command. Applying it
    twice changes nothing. Error lines are escaped the same way
    (:func:`stratlint.errors.one_line`)."""
    return one_line(text)


def render(fmt: str, report: Report, *, color: bool = False, quiet: bool = False) -> str:
    if fmt == "text":
        from stratlint.formatters.text import render as text_render

        return text_render(report, color=color, quiet=quiet)
    from importlib import import_module

    module = import_module(f"stratlint.formatters.{'json_format' if fmt == 'json' else fmt}")
    return module.render(report)
