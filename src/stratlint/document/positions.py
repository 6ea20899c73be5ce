"""Lines and columns as editors count them.

A line ends at LF, CRLF or CR, and at nothing else: that is how editors
number lines, so that is how every finding is placed. Two other counts
disagree, and are corrected here:

- YAML 1.1 parsers (libyaml and PyYAML's) also end a line at NEL, LS and
  PS (U+0085, U+2028, U+2029). In a text that holds one of those, a
  parser's mark is placed from its character offset instead of its own
  line and column; in any other text the mark is right as it is.
- Python's ``str.splitlines`` also splits at form feeds, vertical tabs and
  more; :func:`split_lines` does not.

A position is 1-based, and never past the end of the text: a parser that
stops at the end of the input reports the end of the last line, not a
line after it.
"""
from __future__ import annotations

import bisect
import re

_BREAK = re.compile(r"\r\n|\r|\n")
_PARSER_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, without their ends; a final line end starts no new line."""
    lines = text.split("\n") if "\r" not in text else _BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def offset_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of the character at ``offset``."""
    before = text[:offset]
    line = before.count("\n") + before.count("\r") - before.count("\r\n") + 1
    start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return line, offset - start + 1


def end_position(text: str) -> tuple[int, int]:
    """Just past the last character of the last line (1:1 for an empty text)."""
    lines = split_lines(text)
    return (len(lines), len(lines[-1]) + 1) if lines else (1, 1)


def clamp(text: str, line: int, column: int) -> tuple[int, int]:
    """``(line, column)``, moved back to the end of the text if it lies beyond it."""
    lines = split_lines(text)
    if not lines:
        return 1, 1
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def utf8_offset_to_index(text: str, offset: int) -> int:
    """The character index of a byte offset into ``text`` encoded as UTF-8
    (where libyaml's reader reports a character it refuses)."""
    return len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))


class MarkPositions:
    """Editor positions of a parser's marks in one text (0-based, as marks are)."""

    __slots__ = ("text", "exact", "_starts")

    def __init__(self, text: str) -> None:
        self.text = text
        #: no NEL, LS or PS: the parser counts lines as editors do
        self.exact = not any(ch in text for ch in _PARSER_ONLY_BREAKS)
        self._starts: list[int] | None = None

    def of(self, mark) -> tuple[int, int]:
        """``(line, column)`` of a mark, 0-based."""
        if self.exact:
            return mark.line, mark.column
        return self.of_index(mark.index)

    def of_index(self, index: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _BREAK.finditer(self.text)]
        line = bisect.bisect_right(self._starts, index) - 1
        return line, index - self._starts[line]
