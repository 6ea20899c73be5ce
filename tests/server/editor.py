"""A scripted editor for the language server tests: it starts ``stratlint
server`` as a subprocess, talks to it over stdio with pytest-lsp's client
(which also checks the server's answers against the LSP specification),
keeps the text of what it opened, and applies edits the way an editor
does, counting positions in UTF-16 code units on its own."""
from __future__ import annotations

import asyncio
import contextlib
import os
import re
import sys
from pathlib import Path

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

#: a guard against a hung server, not a timing: every wait is far shorter
PATIENCE = 60

_BREAK = re.compile(r"\r\n|\r|\n")


def offset(text: str, position: types.Position) -> int:
    """An LSP position (UTF-16 units) as an index into ``text``."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    start = starts[position.line]
    end = starts[position.line + 1] if position.line + 1 < len(starts) else len(text)
    units = 0
    for i, char in enumerate(text[start:end]):
        if units >= position.character:
            return start + i
        units += 2 if ord(char) > 0xFFFF else 1
    return end


def to_position(text: str, index: int) -> types.Position:
    """An index into ``text`` as an LSP position (UTF-16 units)."""
    starts = [0] + [m.end() for m in _BREAK.finditer(text)]
    line = max(i for i, s in enumerate(starts) if s <= index)
    return types.Position(line=line, character=len(text[starts[line]:index].encode("utf-16-le")) // 2)


def position(text: str, line: int, needle: str, nth: int = 0) -> types.Position:
    """The position of the ``nth`` ``needle`` on 0-based ``line``, in UTF-16 units."""
    body = _BREAK.split(text)[line]
    at = -1
    for _ in range(nth + 1):
        at = body.index(needle, at + 1)
    return types.Position(line=line, character=len(body[:at].encode("utf-16-le")) // 2)


def span(text: str, line: int, needle: str, nth: int = 0) -> types.Range:
    start = position(text, line, needle, nth)
    width = len(needle.encode("utf-16-le")) // 2
    return types.Range(start=start, end=types.Position(line=line, character=start.character + width))


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits as an editor does: all against the original text."""
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits),
                   reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


class Editor:
    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    # -- documents -------------------------------------------------------

    async def open(self, name: str, text: str, *, wait: bool = True) -> str:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        uri = path.as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.client.diagnostics.pop(uri, None)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        if wait:
            await self.diagnostics(uri)
        return uri

    async def edit(self, uri: str, edits: list[types.TextEdit]) -> list[types.Diagnostic]:
        """Send ``edits`` as one incremental change and wait for the new diagnostics."""
        self.versions[uri] += 1
        self.client.diagnostics.pop(uri, None)
        changes = []
        text = self.texts[uri]
        for e in sorted(edits, key=lambda e: offset(text, e.range.start), reverse=True):
            changes.append(types.TextDocumentContentChangePartial(range=e.range, text=e.new_text))
        self.texts[uri] = apply(text, edits)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=changes))
        return await self.diagnostics(uri)

    async def replace(self, uri: str, old: str, new: str) -> list[types.Diagnostic]:
        """Replace the first ``old`` in the document with ``new``, as typing would."""
        text = self.texts[uri]
        start = text.index(old)
        where = types.Range(start=to_position(text, start), end=to_position(text, start + len(old)))
        return await self.edit(uri, [types.TextEdit(range=where, new_text=new)])

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        async def arrived():
            while uri not in self.client.diagnostics:
                await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            return list(self.client.diagnostics[uri])

        return await asyncio.wait_for(arrived(), PATIENCE)

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))

    # -- requests --------------------------------------------------------

    async def hover(self, uri: str, at: types.Position) -> types.Hover | None:
        return await self.client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=at))

    async def actions(self, uri: str, where: types.Range, diagnostics=(), only=None) -> list[types.CodeAction]:
        found = await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=where,
            context=types.CodeActionContext(diagnostics=list(diagnostics), only=only)))
        return list(found or [])

    async def perform(self, uri: str, action: types.CodeAction) -> list[types.Diagnostic]:
        """Resolve the action if it has no edit yet, apply its edit to the
        document and send the change; the diagnostics that follow."""
        if action.edit is None:
            action = await self.client.code_action_resolve_async(action)
        assert action.edit is not None, action.title
        edits: list[types.TextEdit] = []
        if action.edit.document_changes:
            for change in action.edit.document_changes:
                assert change.text_document.uri == uri
                assert change.text_document.version == self.versions[uri]
                edits += change.edits
        else:
            edits += action.edit.changes[uri]
        return await self.edit(uri, edits)


@contextlib.asynccontextmanager
async def editor(root: Path, *, args=(), env: dict | None = None,
                 client: str | types.ClientCapabilities = "visual-studio-code", options=None):
    """A session with ``stratlint server ARGS``, initialized as ``client``
    would (a client pytest-lsp knows, or capabilities)."""
    environment = {k: v for k, v in os.environ.items() if k != "STRATLINT_TRUST_PLUGINS"}
    environment.update(env or {})
    config = ClientServerConfig(server_command=[sys.executable, "-m", "stratlint", "server", *args],
                                server_env=environment)
    lsp = await config.start()
    try:
        await asyncio.wait_for(lsp.initialize_session(types.InitializeParams(
            capabilities=client_capabilities(client) if isinstance(client, str) else client, root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="plans")],
            initialization_options=options)), PATIENCE)
        yield Editor(lsp, root)
    finally:
        # shut down whatever the test's outcome, so a failed assertion never leaves the server running
        try:
            await asyncio.wait_for(lsp.shutdown_session(), PATIENCE)
        finally:
            if lsp._server is not None and lsp._server.returncode is None:
                lsp._server.kill()
            await asyncio.wait_for(lsp.stop(), PATIENCE)
