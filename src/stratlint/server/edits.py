"""From an old and a new text to the smallest LSP text edits, and to a
workspace edit an editor applies (and can undo) in one step.

The fixes stratlint makes only insert text, so the edits are insertions
at the places the scaffold chose: the rest of the document, its cursor
and marks stay where they are.
"""
from __future__ import annotations

import difflib
import re

from lsprotocol import types

from stratlint.server.positions import LineIndex

_LINES = re.compile(r"[^\r\n]*(?:\r\n|[\r\n]|$)")


def _lines(text: str) -> list[str]:
    return [line for line in _LINES.findall(text) if line]


def text_edits(old: str, new: str, index: LineIndex) -> list[types.TextEdit]:
    """Edits that turn ``old`` (the text ``index`` was built on) into ``new``."""
    a, b = _lines(old), _lines(new)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    out: list[types.TextEdit] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        start = starts[i1]
        # within a changed block, keep what both sides share at either end
        head = 0
        while head < min(len(before), len(after)) and before[head] == after[head]:
            head += 1
        tail = 0
        while tail < min(len(before), len(after)) - head and before[-1 - tail] == after[-1 - tail]:
            tail += 1
        out.append(types.TextEdit(range=index.range(start + head, start + len(before) - tail),
                                  new_text=after[head:len(after) - tail]))
    return out


def workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit],
                   document_changes: bool) -> types.WorkspaceEdit:
    """The edits as a workspace edit: tied to the document's version where
    the client supports ``documentChanges`` (so a stale edit is refused),
    else as plain ``changes``."""
    if document_changes:
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
            text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
            edits=edits)])
    return types.WorkspaceEdit(changes={uri: edits})
