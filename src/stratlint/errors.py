"""The one exception type that ends a run with exit code 2.

Raised anywhere a run cannot go on (a bad option, a config or rule pack
that does not validate, a plugin that will not load) and caught only at
the command-line edge, where it becomes a one-line message.
"""
from __future__ import annotations

#: Exit codes (DESIGN.md): nothing at or above --fail-on, findings, the run failed.
EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def report_error(message: str) -> None:
    """Write one ``stratlint: error: ...`` line on standard error."""
    import click

    click.echo(f"stratlint: error: {message}", err=True)


class StratlintError(Exception):
    """A problem with the run itself, reported as one line and exit code 2."""

    def __init__(self, message: str, *, path: str | None = None,
                 line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        return where + self.message
