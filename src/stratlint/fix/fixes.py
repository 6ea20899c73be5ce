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
This module decides which findings to fix (those the run would report:
after config, inline suppressions and the baseline), refuses a fix that
would add an error-level finding, writes files atomically (a temporary
file in the same folder, the original's mode, ``os.replace``) and prints
what it changed. A file that does not parse is never touched; a second
``--fix`` finds nothing to do, since every scaffolded key is then present.
"""
from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import re
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass, field

import click

from stratlint.findings import Finding, Severity
from stratlint.document.located import LoadError, load
from stratlint.rules.packs import Rule
from stratlint.document.pointer import from_parts, human, split
from stratlint.fix.scaffold import Addition, NotFixable, Request, scaffold
from stratlint.files import STDIN, decode, display_name, read_bytes
from stratlint.errors import report_error


@dataclass
class FileFix:
    """The outcome for one file: the new bytes (None: unchanged), what was
    added per finding, and why other fixable findings were not fixed."""

    after: bytes | None = None
    applied: list[tuple[Finding, list[Addition], tuple[int, int]]] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)


def fix_bytes(data: bytes, findings: list[Finding], rules: dict[str, Rule], errors_of=None) -> FileFix:
    """Scaffold the fixable ``findings`` of one file. ``errors_of(data)``,
    if given, counts error-level findings per code: a fix that would raise
    any count is not applied."""
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
    after = (codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b"") + outcome.text.encode("utf-8")
    if errors_of is not None:
        before, now = errors_of(data), errors_of(after)
        worse = sorted(code for code in now if now[code] > before.get(code, 0))
        if worse:
            reason = f"the fix would add an error-level finding ({', '.join(worse)}); please report this"
            out.skipped = [(f, reason) for f in wanted]
            return out
    out.after = after
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


# -- files -----------------------------------------------------------------------


@dataclass
class FixRun:
    fixed: int = 0  # findings fixed (or, with --diff, that would be)
    files: int = 0  # files changed (or that would be)
    failed: bool = False
    diff: str = ""
    stdin_data: bytes | None = None

    @property
    def exit_code(self) -> int:
        """For --diff: 1 when there is something to fix, as ``ruff --diff``."""
        return 1 if self.fixed else 0


def fix_files(files: list[str], settings, options, known=None) -> FixRun:
    """Fix (or, with ``options.diff``, show the fixes of) each file."""
    from stratlint.linter import lint_bytes
    from stratlint.commands.check import file_options

    run = FixRun()
    rules = {r.code: r for r in settings.rules if r.fixable and r.fix}
    diffs: list[str] = []
    for path in files:
        name = display_name(path)
        try:
            data = read_bytes(path)
        except OSError as exc:
            if options.diff:  # without --diff, the check that follows reports it
                report_error(f"{name}: {exc.strerror or exc}")
                run.failed = True
            continue
        if path == STDIN:
            run.stdin_data = data
        opts = file_options(name, settings, options, fingerprints=known is not None)
        result = lint_bytes(data, name, settings.rules, opts) if rules else None
        findings = result.findings if result else []
        if known is not None and result:
            from stratlint.filters import baseline

            prints = dict(zip(map(id, result.findings), result.fingerprints))
            findings = baseline.subtract(findings, prints, known, settings.baseline)

        def errors_of(content: bytes, name=name, opts=opts) -> Counter:
            found = lint_bytes(content, name, settings.rules, opts).findings
            return Counter(f.code for f in found if f.severity >= Severity.ERROR)

        outcome = fix_bytes(data, findings, rules, errors_of)
        for f, reason in outcome.skipped:
            click.echo(f"{name}:{f.line}:{f.column}: {f.code} {f.rule} not fixed: {reason}", err=True)
        if outcome.after is None:
            if path == STDIN and not options.diff:
                click.echo(data, nl=False)
            continue
        run.fixed += len(outcome.applied)
        run.files += 1
        if options.diff:
            diffs.append(unified_diff(decode(data), decode(outcome.after), name))
            continue
        if path == STDIN:
            click.echo(outcome.after, nl=False)
            run.stdin_data = outcome.after
        else:
            try:
                write_atomic(path, outcome.after, expect=data)
            except OSError as exc:
                report_error(f"{name}: cannot write the fixed plan: {exc.strerror or exc}")
                run.failed = True
                continue
        for f, additions, (line, column) in outcome.applied:
            click.echo(f"{name}:{line}:{column}: fixed {f.code} {f.rule}: added {describe(additions)}", err=True)
    run.diff = "".join(diffs)
    if run.fixed and not options.quiet:
        done = f"{_count(run.fixed, 'problem')} in {_count(run.files, 'file')}"
        click.echo(f"Would fix {done}; --fix applies it." if options.diff else
                   f"Fixed {done}; fill in the TODO placeholders.", err=True)
    return run


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"



_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff with ``a/`` and ``b/`` headers, as git and ruff print them."""
    shown = name.replace(os.sep, "/").lstrip("/")
    out = []
    for line in difflib.unified_diff(_LINE.findall(before), _LINE.findall(after), f"a/{shown}", f"b/{shown}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: str, data: bytes, expect: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` in one step: a temporary file in the same
    folder, the original's permission bits, then ``os.replace``. A link is
    followed, so the file it points at is replaced, not the link. With
    ``expect``, a file that no longer holds those bytes is left alone."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    if expect is not None:
        with open(real, "rb") as fh:
            if fh.read() != expect:
                raise OSError("the file changed while it was being fixed; run --fix again")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(real)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
