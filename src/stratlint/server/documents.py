"""The documents the editor has open, as the editor has them.

The server keeps its own copy of each open document's text rather than
pygls's: pygls splits lines with ``str.splitlines``, which also breaks at
form feeds, NEL, LS and PS, while LSP ends a line only at ``\\r\\n``,
``\\r`` or ``\\n``; an incremental change to a plan holding one of those
characters would land in the wrong place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types

from stratlint.server.positions import UTF16, LineIndex

BOM = "\ufeff"


@dataclass
class Document:
    uri: str
    text: str
    version: int | None = None
    encoding: str = UTF16
    _index: LineIndex | None = field(default=None, repr=False)

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text, self.encoding, skip=1 if self.text.startswith(BOM) else 0)
        return self._index

    @property
    def path(self) -> str | None:
        """The local file path of a ``file:`` URI, else None (an unsaved buffer)."""
        return uri_path(self.uri)

    def snapshot(self) -> "Document":
        """A copy that later changes leave alone (for the lint thread)."""
        return Document(self.uri, self.text, self.version, self.encoding, self._index)

    def data(self) -> bytes:
        """The bytes a file with this text would hold (UTF-8)."""
        return self.text.encode("utf-8", "surrogatepass")

    def change(self, change: types.TextDocumentContentChangeEvent) -> None:
        if isinstance(change, types.TextDocumentContentChangePartial):
            start = self.index.offset(change.range.start)
            end = self.index.offset(change.range.end)
            self.text = self.text[:start] + change.text + self.text[max(start, end):]
        else:
            self.text = change.text
        self._index = None


def uri_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    path = unquote(parsed.path)
    if parsed.netloc and parsed.netloc != "localhost":  # a UNC path, \\host\share
        path = f"//{parsed.netloc}{path}"
    if len(path) > 2 and path[0] == "/" and path[2] == ":":  # /C:/plans -> C:/plans
        path = path[1:]
    return str(Path(path))


class Documents:
    """Open documents by URI."""

    def __init__(self) -> None:
        self._open: dict[str, Document] = {}
        self.encoding = UTF16

    def open(self, item: types.TextDocumentItem) -> Document:
        doc = Document(item.uri, item.text, item.version, self.encoding)
        self._open[item.uri] = doc
        return doc

    def change(self, params: types.DidChangeTextDocumentParams) -> Document | None:
        doc = self._open.get(params.text_document.uri)
        if doc is None:
            return None
        for change in params.content_changes:
            doc.change(change)
        doc.version = params.text_document.version
        return doc

    def close(self, uri: str) -> None:
        self._open.pop(uri, None)

    def get(self, uri: str) -> Document | None:
        return self._open.get(uri)

    def __iter__(self):
        return iter(list(self._open.values()))
