"""The findings model: what every check produces and every formatter prints."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple


class Severity(IntEnum):
    """Ordered so that a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


class Span(NamedTuple):
    """A 1-based region of a file; the end column is one past the last character."""

    line: int
    column: int
    end_line: int
    end_column: int


TOP = Span(1, 1, 1, 1)


class Related(NamedTuple):
    """Another place a finding names, such as the first occurrence of a
    repeated key or id (editors show it as related information)."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """What a stage of the run (the loader, the suppression filter) finds
    wrong, before any rule claims it. The rule whose pack entry says
    ``reports: <name>`` turns it into a finding (see :func:`stratlint.engine.report`)."""

    name: str  # "parse", "unused-suppression", "expired-waiver" or "missing-reason"
    span: Span
    message: str
    pointer: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    span: Span
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str = ""
    #: the line-free identity baselines and code scanning match findings by
    #: (see :mod:`stratlint.filters.baseline`); set by the filter stage
    fingerprint: str = ""
    #: other places the finding names (not part of the output contract)
    related: tuple[Related, ...] = ()

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def with_fingerprint(self, fingerprint: str) -> "Finding":
        return dataclasses.replace(self, fingerprint=fingerprint)

    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "pointer": self.pointer,
        }


def summarize(findings) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts
