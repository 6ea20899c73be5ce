"""The language server: LSP over standard input and output, on pygls.

Lifecycle of a lint: a plan is linted when it is opened or saved, and
when it changes, debounced: a change that follows a pause is linted at
once, and changes that come within :data:`DEBOUNCE` seconds of each other
(a paste, an undo, a fast burst of keys, an editor that sends several
notifications for one action) are folded into one lint, :data:`DEBOUNCE`
seconds after the last of them. Lints run one at a time on one worker
thread, so the event loop keeps reading messages while a large plan is
linted; a lint whose document changed meanwhile is dropped (the newer
text is already scheduled), and a scheduled lint that a newer change
overtakes is cancelled, so a burst costs one lint, not one per keystroke,
and a slow lint never queues up more than one more. Diagnostics carry the
document version they were computed for.

Nothing a document holds can stop the server: every handler catches what
it did not expect, logs one line to the client (``window/logMessage``)
and goes on serving the other documents.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from stratlint import __version__
from stratlint.config.files import FILENAMES
from stratlint.document import LoadError, decode, load
from stratlint.server import actions, features
from stratlint.server.configs import Configs
from stratlint.server.documents import Document, Documents
from stratlint.server.linting import Linted, lint_document

#: Seconds that make changes one burst, and between the last change of a
#: burst and its lint. Keystrokes come 100 ms or more apart when a person
#: types, so each is linted at once; 30 ms folds the notifications of one
#: action (a paste, an undo, a multi-cursor edit) into one lint. The time
#: from a change to its diagnostics is then the lint's own, under 100 ms
#: for a 1,000-line plan (benchmarks/lsp_latency.py measures it).
DEBOUNCE = 0.03

CONFIG_NAMES = set(FILENAMES) | {"pyproject.toml"}


class StratlintServer(LanguageServer):
    def __init__(self, *, trust_plugins: bool = False) -> None:
        super().__init__("stratlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.configs = Configs(trust_plugins=trust_plugins, report=self._config_problem)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stratlint-lint")
        self.loop: asyncio.AbstractEventLoop | None = None
        self.pending: dict[str, asyncio.Task] = {}
        self.last_change: dict[str, float] = {}
        self.warm = False
        self.linted: dict[str, Linted] = {}
        self.loaded: dict[str, tuple[str, object]] = {}  # uri -> (text, LocatedDocument or None)
        self.published: set[str] = set()
        self.crashes: dict[str, list[str]] = {}
        self.markdown = True
        self.document_changes = False
        self.resolve_edits = False

    # -- messages to the client --------------------------------------------------

    def log(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"stratlint: {message}"))

    def _config_problem(self, message: str) -> None:
        """A config that does not load (reported from the lint thread)."""
        def tell() -> None:
            self.log(message, types.MessageType.Warning)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning,
                                                             message=f"stratlint: {message}"))
        if self.loop is not None:
            self.loop.call_soon_threadsafe(tell)

    # -- linting ---------------------------------------------------------------

    def changed(self, uri: str) -> None:
        """Schedule the lint of a change: at once after a pause, else at the end of the burst."""
        now = asyncio.get_running_loop().time()
        last = self.last_change.get(uri)
        self.last_change[uri] = now
        self.schedule(uri, DEBOUNCE if last is not None and now - last < DEBOUNCE else 0)

    def schedule(self, uri: str, delay: float) -> None:
        self.loop = asyncio.get_running_loop()
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.documents.get(uri)
            if doc is None:
                return
            snapshot = doc.snapshot()
            linted = await self.run(lint_document, snapshot, self.configs, what=f"linting {uri}")
            if linted is None or not self._current(linted):
                return
            self.linted[uri] = linted
            self._publish(linted)
            if not self.warm:  # after the first diagnostics are out, not before them
                self.warm = True
                await self.run(_warm_up, what="loading the schema validator")
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    async def run(self, function, *args, what: str):
        """``function(*args)`` on the lint thread; None (and one logged line)
        if it fails."""
        try:
            return await asyncio.get_running_loop().run_in_executor(self.executor, function, *args)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # one document's bad luck must not stop the server
            self.log(f"internal error while {what}: {type(exc).__name__}: {exc} (please report this)")
            return None

    def _current(self, linted: Linted) -> bool:
        doc = self.documents.get(linted.uri)
        return doc is not None and doc.version == linted.version and doc.text == linted.text

    def _publish(self, linted: Linted) -> None:
        if linted.file is None and linted.uri not in self.published:
            return  # not a plan, and nothing shown for it to clear
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=linted.uri, version=linted.version, diagnostics=linted.diagnostics))
        (self.published.add if linted.file is not None else self.published.discard)(linted.uri)
        crashes = [str(c) for c in linted.result.crashes] if linted.result else []
        if crashes != self.crashes.get(linted.uri, []):
            for crash in crashes:
                self.log(crash)
            self.crashes[linted.uri] = crashes

    async def linted_now(self, uri: str) -> tuple[Document, Linted] | None:
        """The document and its lint for the text the editor has now."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        linted = self.linted.get(uri)
        if linted is None or not self._current(linted):
            snapshot = doc.snapshot()
            linted = await self.run(lint_document, snapshot, self.configs, what=f"linting {uri}")
            if linted is None:
                return None
            if self._current(linted):
                self.linted[uri] = linted
            return snapshot, linted
        return doc.snapshot(), linted

    def loaded_document(self, doc: Document):
        """The plan's located document (None if it does not parse), kept per text."""
        cached = self.loaded.get(doc.uri)
        if cached is not None and cached[0] == doc.text:
            return cached[1]
        try:
            located = load(decode(doc.data()))
        except LoadError:
            located = None
        self.loaded[doc.uri] = (doc.text, located)
        return located


def build(*, trust_plugins: bool = False) -> StratlintServer:
    server = StratlintServer(trust_plugins=trust_plugins)

    @server.feature(types.INITIALIZE)
    def initialize(ls: StratlintServer, params: types.InitializeParams) -> None:
        encoding = ls.workspace.position_encoding
        ls.documents.encoding = str(getattr(encoding, "value", encoding) or "utf-16")
        caps = params.capabilities
        hover = caps.text_document.hover if caps.text_document else None
        formats = (hover.content_format if hover else None) or [types.MarkupKind.Markdown]
        ls.markdown = types.MarkupKind.Markdown in formats
        edit = caps.workspace.workspace_edit if caps.workspace else None
        ls.document_changes = bool(edit and edit.document_changes)
        action = caps.text_document.code_action if caps.text_document else None
        resolve = action.resolve_support if action else None
        ls.resolve_edits = bool(resolve and "edit" in resolve.properties)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StratlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.documents.open(params.text_document)
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StratlintServer, params: types.DidChangeTextDocumentParams) -> None:
        try:
            doc = ls.documents.change(params)
        except Exception as exc:  # a change that does not fit the text: ask for nothing, keep serving
            ls.log(f"could not apply a change to {params.text_document.uri}: {type(exc).__name__}: {exc}")
            return
        if doc is not None:
            ls.changed(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: StratlintServer, params: types.DidSaveTextDocumentParams) -> None:
        doc = ls.documents.get(params.text_document.uri)
        if doc is not None and doc.path and Path(doc.path).name in CONFIG_NAMES:
            for other in ls.documents:  # a config changed: every open plan may lint differently
                ls.schedule(other.uri, 0)
        elif doc is not None:
            ls.schedule(doc.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StratlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.documents.close(uri)
        ls.linted.pop(uri, None)
        ls.loaded.pop(uri, None)
        ls.crashes.pop(uri, None)
        ls.last_change.pop(uri, None)
        if uri in ls.published:
            ls.published.discard(uri)
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: StratlintServer, params: types.HoverParams) -> types.Hover | None:
        found = await ls.linted_now(params.text_document.uri)
        if found is None or found[1].file is None:
            return None
        doc, linted = found
        return await ls.run(features.hover, ls, doc, linted, params.position, what=f"hovering in {doc.uri}")

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL], resolve_provider=True))
    async def code_action(ls: StratlintServer, params: types.CodeActionParams):
        found = await ls.linted_now(params.text_document.uri)
        if found is None or found[1].file is None or found[1].result is None:
            return None
        doc, linted = found
        return await ls.run(features.code_actions, ls, doc, linted, params,
                            what=f"computing code actions for {doc.uri}")

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve_code_action(ls: StratlintServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        found = await ls.linted_now(str(data.get("uri", "")))
        if found is None or found[1].file is None or found[0].version != data.get("version"):
            return action  # the document changed or closed: nothing to apply
        doc, linted = found
        resolved = await ls.run(features.resolve_fix, ls, doc, linted, data, what=f"resolving a fix for {doc.uri}")
        if resolved is not None:
            action.edit = resolved
        return action

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: StratlintServer, params) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.executor.shutdown(wait=False, cancel_futures=True)

    return server


def _warm_up() -> None:
    """Load jsonschema and build the validator that explains schema
    violations, so that the first edit that breaks the schema is not the
    one that waits for it (about a tenth of a second)."""
    from stratlint.schema.explain import validator

    validator()


def quiet_logging() -> None:
    """pygls's own log lines go to standard error (the editor's server log),
    one line each, without tracebacks."""
    class OneLine(logging.Formatter):
        def formatException(self, ei) -> str:  # noqa: N802 - logging's name
            return ""

        def format(self, record: logging.LogRecord) -> str:
            record.exc_text = ""
            return super().format(record).splitlines()[0] if record.msg else ""

    handler = logging.StreamHandler()
    handler.setFormatter(OneLine("stratlint server: %(levelname)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
