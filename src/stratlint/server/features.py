"""What the server answers to hover and code-action requests, worked out
on the lint thread from a document and its lint (see
:mod:`stratlint.server.app`)."""
from __future__ import annotations

import datetime
import re

from lsprotocol import types

from stratlint.server import actions
from stratlint.server.documents import Document
from stratlint.server.hover import key_at, rule_help
from stratlint.server.linting import Linted

# ``ls`` below is the running :class:`stratlint.server.app.StratlintServer`
# (for the client's capabilities and the located-document cache).

_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def hover(ls, doc: Document, linted: Linted, position: types.Position) -> types.Hover | None:
    index = doc.index
    here = (position.line, position.character)
    parts: list[str] = []
    ranges: list[types.Range] = []
    rules = {r.code: r for r in linted.file.settings.rules}
    for diagnostic in linted.diagnostics:
        r = diagnostic.range
        start, end = (r.start.line, r.start.character), (r.end.line, r.end.character)
        if start <= here < end or here == start:
            rule = rules.get(str(diagnostic.code))
            if rule is not None and rule_help(rule) not in parts:
                parts.append(rule_help(rule))
                ranges.append(r)
    located = ls.loaded_document(doc)
    if located is not None:
        line, column = index.yaml_place(index.offset(position))
        key = key_at(located, line, column)
        if key is not None:
            text, (l1, c1, l2, c2) = key
            parts.append(text)
            ranges.append(index.range(index.yaml_offset(l1, c1), index.yaml_offset(l2, c2)))
    if not parts:
        return None
    body = "\n\n---\n\n".join(parts)
    kind = types.MarkupKind.Markdown if ls.markdown else types.MarkupKind.PlainText
    if not ls.markdown:
        body = _LINK.sub(r"\1: \2", body.replace("**", "").replace("`", ""))
    return types.Hover(contents=types.MarkupContent(kind=kind, value=body), range=ranges[0])


def _request(ls, doc: Document, linted: Linted) -> actions.Request:
    return actions.Request(doc, linted.file, linted.result, ls.document_changes, datetime.date.today())


def code_actions(ls, doc: Document, linted: Linted, params: types.CodeActionParams):
    only = params.context.only
    wanted = lambda kind: not only or any(kind == k or kind.startswith(f"{k}.") for k in only)  # noqa: E731
    req = _request(ls, doc, linted)
    r = params.range
    lo, hi = (r.start.line, r.start.character), (r.end.line, r.end.character)
    out: list[types.CodeAction] = []
    fixable = {rule.code for rule in linted.file.settings.rules if rule.fixable and rule.fix}
    located = None
    for finding, diagnostic in zip(linted.result.findings, linted.diagnostics):
        d = diagnostic.range
        start, end = (d.start.line, d.start.character), (d.end.line, d.end.character)
        if end < lo or start > hi:
            continue
        if finding.code in fixable and wanted(types.CodeActionKind.QuickFix):
            out.append(_fix(ls, req, [finding], [diagnostic]))
        if wanted(types.CodeActionKind.QuickFix):
            if located is None:
                located = ls.loaded_document(doc)
            out.extend(actions.comment_actions(req, finding, diagnostic, located))
    if wanted(actions.FIX_ALL) and any(f.code in fixable for f in linted.result.findings):
        out.append(_fix(ls, req, None, []))
    return [a for a in out if a is not None] or None


def _fix(ls, req: actions.Request, findings, diagnostics) -> types.CodeAction | None:
    """A fix action. With a client that resolves actions, its edit is
    computed only when the user picks it; else now, and only if there is
    something to add."""
    title, kind = actions.fix_title(findings, {r.code: r for r in req.file.settings.rules})
    action = types.CodeAction(title=title, kind=kind, diagnostics=diagnostics or None,
                              is_preferred=findings is not None)
    if ls.resolve_edits:
        action.data = {"uri": req.doc.uri, "version": req.doc.version,
                       "findings": None if findings is None else [[f.code, f.pointer] for f in findings]}
        return action
    action.edit = actions.fix_edit(req, findings)
    return action if action.edit is not None else None


def resolve_fix(ls, doc: Document, linted: Linted, data: dict) -> types.WorkspaceEdit | None:
    keys = data.get("findings")
    findings = None
    if isinstance(keys, list):
        wanted = {tuple(k) for k in keys if isinstance(k, list) and len(k) == 2}
        findings = [f for f in linted.result.findings if (f.code, f.pointer) in wanted]
        if not findings:
            return None
    return actions.fix_edit(_request(ls, doc, linted), findings)
