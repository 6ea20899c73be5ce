"""Code actions: the way out of a finding, one click away.

- **Add the missing sections.** For a finding of a fixable rule, the same
  lossless scaffold as ``stratlint check --fix``
  (:func:`stratlint.linter.lint_fixed`: verified insertions with
  ``TODO:`` placeholders, refused when it would add an error-level
  finding), as a workspace edit; one action per finding, and one
  ``source.fixAll.stratlint`` action that adds everything missing.
- **Disable this rule on this line.** ``# stratlint: disable=<slug>`` at
  the end of the finding's line; where that line already has a
  suppression, the rule is added to it; where a comment cannot go at the
  end of the line (it ends inside a multi-line text), the comment goes
  alone on the line above. A finding about the whole plan is disabled for
  the file (``disable-file``), after the comments that open the file.
- **Waive until a date with a reason.** The same place, with
  ``-- TODO: reason, until YYYY-MM-DD`` (90 days from today): a waiver
  whose reason the user writes, and which expires.

Every comment edit is verified before it is offered: the edited text must
load to the same data, every suppression already there must still apply
to the same line, and the new one to the finding's. A plan stored as
JSON gets no comment actions (a comment would make it YAML), nor does a
file that does not parse, nor a finding about a suppression comment
itself (SL006-SL008).
"""
from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from lsprotocol import types

from stratlint.document import LoadError, LocatedDocument, decode, load
from stratlint.filters import suppressions
from stratlint.findings import Finding
from stratlint.document.pointer import human, split
from stratlint.linter import FileResult, lint_fixed
from stratlint.rules.model import Rule
from stratlint.server.configs import FileSettings
from stratlint.server.documents import BOM, Document
from stratlint.server.edits import text_edits, workspace_edit

FIX_ALL = "source.fixAll.stratlint"
WAIVER_DAYS = 90
REASON = "TODO: reason"
_ABOUT_SUPPRESSIONS = {suppressions.UNUSED, suppressions.EXPIRED, suppressions.NO_REASON}


@dataclass
class Request:
    """What the actions of one request are computed from."""

    doc: Document
    file: FileSettings
    result: FileResult
    document_changes: bool  # the client takes versioned edits
    today: datetime.date


def fix_title(findings: list[Finding] | None, rules: dict[str, Rule]) -> tuple[str, str]:
    """The title and kind of the fix of ``findings`` (None: all of a file's),
    from what the rule's fix adds (so it is known before the edit is made)."""
    if findings is None:
        return "stratlint: add all missing sections", FIX_ALL
    finding = findings[0]
    fix = rules[finding.code].fix or {}
    at = [int(t) if t.isdigit() else t for t in (*split(finding.pointer), *split(fix.get("at", "")))]
    keys = ", ".join(human([*at, key]) for key in fix.get("add", {}))
    return f"stratlint ({finding.code}): add {keys or 'the missing section'}", types.CodeActionKind.QuickFix


def fix_edit(req: Request, findings: list[Finding] | None) -> types.WorkspaceEdit | None:
    """The scaffold of ``findings`` (None: every fixable finding of the file)
    as a workspace edit; None when there is nothing it can add."""
    path = req.doc.path or "<unsaved>"
    _, fix = lint_fixed(req.doc.data(), path, req.file.settings.rules, req.file.options, req.result, findings)
    if fix.after is None or not fix.applied:
        return None
    new = (BOM if req.doc.text.startswith(BOM) else "") + decode(fix.after)
    return workspace_edit(req.doc.uri, req.doc.version, text_edits(req.doc.text, new, req.doc.index),
                          req.document_changes)


def comment_actions(req: Request, finding: Finding, diagnostic: types.Diagnostic,
                    loaded: LocatedDocument | None) -> list[types.CodeAction]:
    """"Disable on this line" and "waive until a date" for one finding."""
    rule = next((r for r in req.file.settings.rules if r.code == finding.code), None)
    if loaded is None or (req.doc.path or "").lower().endswith(".json") or rule is None or \
            rule.reports in _ABOUT_SUPPRESSIONS:
        return []
    whole = finding.pointer == "" and finding.line == 1
    until = req.today + datetime.timedelta(days=WAIVER_DAYS)
    out = []
    for reason, title in ((None, f"disable {finding.rule} " + ("in this file" if whole else "on this line")),
                          (f"{REASON}, until {until.isoformat()}",
                           f"waive {finding.rule} {'in this file ' if whole else ''}until {until.isoformat()} "
                           "with a reason")):
        edit = _comment_edit(req.doc, loaded, finding, reason, whole)
        if edit is not None:
            out.append(types.CodeAction(
                title=f"stratlint ({finding.code}): {title}", kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                edit=workspace_edit(req.doc.uri, req.doc.version, [edit], req.document_changes)))
    return out


def _comment_edit(doc: Document, loaded: LocatedDocument, finding: Finding, reason: str | None,
                  whole: bool) -> types.TextEdit | None:
    index = doc.index
    marks = _marks(doc.text[index.skip:], loaded)
    tail = f" -- {reason}" if reason else ""
    slug, line = finding.rule, finding.line
    text = index.line_text(line)
    # each candidate: (line, column, text to insert, the line the new comment must apply to, merged into)
    if whole:
        first = 1
        while first <= len(index.yaml) and index.line_text(first).lstrip().startswith("#"):
            first += 1
        candidates = [(first, 1, f"# stratlint: disable-file={slug}{tail}{_break(index, first)}", 0, None)]
    else:
        indent = text[:len(text) - len(text.lstrip(" \t"))]
        above = (line, 1, f"{indent}# stratlint: disable={slug}{tail}{_break(index, line)}", line + 1, None)
        mark = next((m for m in marks if m.line == line and m.scope == "disable" and m.target == line), None)
        if mark is None:
            candidates = [(line, len(text) + 1, f"  # stratlint: disable={slug}{tail}", line, None), above]
        elif reason is None:  # add the rule to the suppression the line has
            candidates = [(line, mark.names_end, f",{slug}", line, mark), above]
        else:  # that suppression's reason and expiry are not this waiver's
            candidates = [above]
    for at_line, column, insert, target, merged in candidates:
        offset = index.yaml_offset(at_line, column)
        new = doc.text[:offset] + insert + doc.text[offset:]
        added = insert.count("\n") or insert.count("\r")

        def expected(s: suppressions.Suppression) -> tuple:
            shift = added if s.target and s.target >= at_line else 0
            names = tuple(s.names) + ((slug,) if s is merged else ())
            return s.scope, s.target + shift, names, s.reason, s.until

        want = Counter(expected(s) for s in marks)
        new_mark = None if merged else ("disable-file" if whole else "disable", target)
        if _verified(new[index.skip:], loaded, want, new_mark, slug):
            return types.TextEdit(range=index.range(offset, offset), new_text=insert)
    return None


def _break(index, line: int) -> str:
    """The line break the document uses (that of ``line``, else of line 1)."""
    for number in (line, 1):
        if 1 <= number < len(index.yaml):
            brk = index.text[index.yaml[number - 1] + len(index.line_text(number)):index.yaml[number]]
            if brk:
                return brk
    return "\n"


def _marks(text: str, loaded: LocatedDocument) -> list[suppressions.Suppression]:
    return suppressions.parse(text, lambda line, column: not loaded.in_value(line, column))


def _verified(new: str, loaded: LocatedDocument, want: Counter, new_mark: tuple | None, slug: str) -> bool:
    """The edited text holds the same data, and exactly the suppressions
    ``want`` plus, if ``new_mark`` (scope, target line), one new one for ``slug``."""
    try:
        again = load(new)
    except LoadError:
        return False
    if again.data != loaded.data:
        return False
    after = Counter((s.scope, s.target, tuple(s.names), s.reason, s.until) for s in _marks(new, again))
    if want - after:
        return False
    gained = list((after - want).elements())
    if new_mark is None:
        return not gained
    return len(gained) == 1 and gained[0][:2] == new_mark and gained[0][2] == (slug,)
