"""Where things are in a text, in the three ways the server has to say it.

- an **offset**: an index into the Python string (code points);
- a **YAML place**: a 1-based line and column, as findings carry them
  (:class:`stratlint.findings.Span`). Findings count lines as editors do
  (:mod:`stratlint.document.positions`): a line ends at ``\\r\\n``,
  ``\\r`` or ``\\n``, not at the NEL, LS and PS a YAML parser also breaks
  at; columns count code points;
- an **LSP position**: a 0-based line and character, where only
  ``\\r\\n``, ``\\r`` and ``\\n`` end a line and the character counts the
  code units of the encoding agreed at initialization: UTF-16 unless the
  client offered UTF-8 or UTF-32. An emoji is one column to YAML, two
  UTF-16 units and four UTF-8 bytes.

:class:`LineIndex` converts between them for one text, every conversion
clamped to the text, so no position a client sends can raise.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from lsprotocol import types

from stratlint.findings import Span

_LSP_BREAK = re.compile(r"\r\n|[\r\n]")
_YAML_BREAK = _LSP_BREAK  # findings' lines end where the editor's do

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units ``text`` takes in ``encoding``."""
    if text.isascii() or encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _index(text: str, count: int, encoding: str) -> int:
    """The index in ``text`` after ``count`` code units (clamped; a count
    that ends inside a character stops before it)."""
    if text.isascii() or encoding == UTF32:
        return min(max(count, 0), len(text))
    used = 0
    for i, char in enumerate(text):
        width = units(char, encoding)
        if used + width > count:
            return i
        used += width
    return len(text)


class LineIndex:
    """Line starts of one text, in LSP's and in YAML's sense."""

    def __init__(self, text: str, encoding: str = UTF16, skip: int = 0) -> None:
        """``skip``: characters at the start of ``text`` that the linted text
        lacks (a byte-order mark the editor kept), so YAML places shift by it."""
        self.text = text
        self.encoding = encoding
        self.skip = skip
        self.lsp = [0] + [m.end() for m in _LSP_BREAK.finditer(text)]
        self._yaml: list[int] | None = None

    @property
    def yaml(self) -> list[int]:
        if self._yaml is None:
            self._yaml = [self.skip] + [m.end() for m in _YAML_BREAK.finditer(self.text, self.skip)]
        return self._yaml

    # -- LSP -------------------------------------------------------------

    def offset(self, position: types.Position) -> int:
        """The offset of an LSP position (clamped to its line and the text)."""
        if position.line < 0:
            return 0
        if position.line >= len(self.lsp):
            return len(self.text)
        start = self.lsp[position.line]
        return start + _index(self._line_body(start, self.lsp, position.line), position.character, self.encoding)

    def position(self, offset: int) -> types.Position:
        offset = min(max(offset, 0), len(self.text))
        line = bisect_right(self.lsp, offset) - 1
        start = self.lsp[line]
        return types.Position(line=line, character=units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(max(start, end)))

    # -- YAML ------------------------------------------------------------

    def yaml_offset(self, line: int, column: int) -> int:
        """The offset of a 1-based YAML line and column (clamped to the line)."""
        starts = self.yaml
        if line < 1:
            return self.skip
        if line > len(starts):
            return len(self.text)
        start = starts[line - 1]
        return start + min(max(column - 1, 0), len(self._line_body(start, starts, line - 1)))

    def yaml_place(self, offset: int) -> tuple[int, int]:
        """The 1-based YAML line and column of an offset."""
        offset = min(max(offset, self.skip), len(self.text))
        line = bisect_right(self.yaml, offset) - 1
        return line + 1, offset - self.yaml[line] + 1

    def span_range(self, span: Span) -> types.Range:
        """The LSP range of a finding's span; an empty span covers at least
        one character where the line has one, so editors show it."""
        start = self.yaml_offset(span.line, span.column)
        end = self.yaml_offset(span.end_line, span.end_column)
        if end <= start:
            line_end = self.yaml_offset(span.line, 1 << 30)
            end = min(start + 1, line_end)
        return self.range(start, end)

    def line_text(self, line: int) -> str:
        """The text of a 1-based YAML line, without its line break."""
        starts = self.yaml
        if not 1 <= line <= len(starts):
            return ""
        return self._line_body(starts[line - 1], starts, line - 1)

    def _line_body(self, start: int, starts: list[int], number: int) -> str:
        end = starts[number + 1] if number + 1 < len(starts) else len(self.text)
        body = self.text[start:end]
        return body.rstrip("\r\n")
