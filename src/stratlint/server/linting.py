"""One open plan through the lint function, and its diagnostics.

The server lints exactly as ``check`` does: the bytes a file with the
editor's text would hold go through :func:`stratlint.linter.lint_bytes`
with the rules and filter options of the plan's own config
(:mod:`stratlint.server.configs`), so suppressions, waivers, per-file
ignores and the baseline apply. A file that does not parse is an SL001
finding like any other.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lsprotocol import types

from stratlint.linter import FileResult, lint_bytes
from stratlint.server.configs import Configs, FileSettings
from stratlint.server.diagnostics import to_diagnostic
from stratlint.server.documents import Document


@dataclass
class Linted:
    """One version of one document, linted (``file`` is None when the
    document is no plan: its diagnostics are empty)."""

    uri: str
    version: int | None
    text: str
    file: FileSettings | None = None
    result: FileResult | None = None
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


def lint_document(doc: Document, configs: Configs) -> Linted:
    file = configs.for_file(doc.path)
    if file is None:
        return Linted(doc.uri, doc.version, doc.text)
    result = lint_bytes(doc.data(), doc.path, file.settings.rules, file.options)
    rules = {r.code: r for r in file.settings.rules}
    diagnostics = [to_diagnostic(f, doc.index, doc.uri, rules.get(f.code)) for f in result.findings]
    return Linted(doc.uri, doc.version, doc.text, file, result, diagnostics)
