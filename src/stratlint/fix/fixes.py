"""``check --fix`` and ``check --diff``: scaffold what fixable rules find missing.

A rule is fixable when its pack entry says what to insert (``fix: {at,
add}``, validated by the rule-pack schema): the keys of ``add``, with
``TODO:`` placeholders, go into the mapping at the finding's pointer plus
``at``. Placeholders are never real content: placeholder-text (SL903)
reports each of them, so a fix turns "this section is missing" into "this
section is to be written", never into a pass. Keeping fixes as data means
a user pack can declare fixes too, and ``stratlint explain`` and
``stratlint rules`` know which rules have one.

The edit itself is :mod:`stratlint.fix.scaffold` (text insertion, verified).
This module turns the findings a run would report (after config, inline
suppressions and the baseline) into new bytes for a file, and describes
what changed; ``stratlint check`` lints the result, refuses a fix that
would add an error-level finding and writes files only once every file
has been read. A file that does not parse is never touched; a second
``--fix`` finds nothing to do, since every scaffolded key is then present.
"""
from __future__ import annotations

import codecs
import difflib
import os
import re
from dataclasses import dataclass, field

from stratlint.findings import Finding
from stratlint.document import LoadError, decode, load
from stratlint.rules.packs import Rule
from stratlint.document.pointer import from_parts, human, split
from stratlint.fix.scaffold import Addition, NotFixable, Request, scaffold


@dataclass
class FileFix:
    """The outcome for one file: the new bytes (None: unchanged), what was
    added per finding, and why other fixable findings were not fixed."""

    after: bytes | None = None
    applied: list[tuple[Finding, list[Addition], tuple[int, int]]] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def fix_bytes(data: bytes, findings: list[Finding], rules: dict[str, Rule]) -> FileFix:
    """Scaffold the fixable ``findings`` of one file (``rules``: the fixable
    rules by code). The caller lints the result and keeps it only if it
    adds no error-level finding (:func:`stratlint.commands.check`)."""
    out = FileFix()
    todo: dict[tuple[str, str], Finding] = {}
    for f in findings:
        if f.code in rules and rules[f.code].fix:
            todo.setdefault((f.code, f.pointer), f)
    if not todo:
        return out
    wanted = list(todo.values())
    if data.startswith((codecs.BOM_UTF32_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        out.skipped = [(f, "only UTF-8 files are edited") for f in wanted]
        return out
    try:
        text = decode(data)
    except LoadError as exc:
        out.skipped = [(f, exc.message) for f in wanted]
        return out
    requests = [Request(tuple(split(f.pointer)) + tuple(split(rules[f.code].fix.get("at", ""))),
                        rules[f.code].fix["add"]) for f in wanted]
    try:
        outcome = scaffold(text, requests)
    except NotFixable as exc:
        out.skipped = [(f, str(exc)) for f in wanted]
        return out
    if outcome.text == text:
        out.skipped = [(f, _why_not(r, a, why)) for f, r, a, why in
                       zip(wanted, requests, outcome.additions, outcome.reasons)]
        return out
    out.after = (codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b"") + outcome.text.encode("utf-8")
    new_doc = load(outcome.text)
    for f, request, additions, why in zip(wanted, requests, outcome.additions, outcome.reasons):
        if additions:
            span = new_doc.span(from_parts(additions[0].path), "key")
            out.applied.append((f, additions, (span.line, span.column)))
        else:
            out.skipped.append((f, _why_not(request, additions, why)))
    return out


def _why_not(request: Request, additions: list, why: str | None) -> str:
    if why:
        return why
    if additions:
        return "its fix could not be applied with the others"
    keys = ", ".join(human(list(request.path) + [k]) for k in request.add)
    return f"nothing to add: {keys} already there; fix it by hand"


def describe(additions: list[Addition]) -> str:
    """``review.cadence, listening.tools``: the leaf keys that were added."""
    out: list[str] = []

    def walk(path: tuple, value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(path + (key,), item)
        else:
            out.append(human(path))

    for addition in additions:
        walk(addition.path, addition.value)
    return ", ".join(out)


_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff with ``a/`` and ``b/`` headers, as git and ruff print them."""
    shown = name.replace(os.sep, "/").lstrip("/")
    out = []
    for line in difflib.unified_diff(_LINE.findall(before), _LINE.findall(after), f"a/{shown}", f"b/{shown}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
