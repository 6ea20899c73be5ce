"""The one exception type that ends a run with exit code 2.

Raised anywhere a run cannot go on (a bad option, a config or rule pack
that does not validate, a plugin that will not load) and caught only at
the command-line edge, where it becomes a one-line message.
"""
from __future__ import annotations

import re

#: Exit codes (DESIGN.md): nothing at or above --fail-on, findings, the run failed.
EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2

#: characters that would end the line, move the cursor, recolour the
#: terminal or reorder the text it shows: control characters (C0, DEL, C1),
#: Unicode line and paragraph separators, and bidirectional overrides
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` with every character that could break or disguise a line
    written as an escape (``\\n``, ``\\x1b``, ``\\u2028``), so that a file
    name cannot start a line of its own (a GitHub workflow command, say)."""
    return _UNSAFE.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                            else f"\\u{ord(m.group()):04x}"), text)


def report_error(message: str) -> None:
    """Write one ``stratlint: error: ...`` line on standard error (always
    one line: see :func:`one_line`)."""
    import click

    click.echo(f"stratlint: error: {one_line(message)}", err=True)


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
