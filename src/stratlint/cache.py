"""The result cache: a file that has not changed is not linted again.

As ruff's, the cache is on by default, in ``.stratlint_cache/`` in the
current folder (``STRATLINT_CACHE_DIR`` or ``--cache-dir`` move it; a
config cannot, so a repository cannot point it anywhere). A file's entry
is found by the file's name and the settings that apply to it, and holds
the findings with the digest of the bytes they were found in:

- the file's bytes (an entry whose digest differs is a miss, and is
  overwritten, so the cache holds one entry per file and settings);
- the name findings carry, and the filter options of the file (its
  per-file ignores, suppression settings, share of the baseline);
- the resolved rules: each rule's code, slug, severity, ``given``, check
  functions with their options, messages (so a config or a rule pack that
  changes what a rule does changes the key);
- the code behind the check functions: stratlint's version, and for
  stratlint and each plugin the size and modification time of every file
  of its package, or for a plugin that is one module, of the Python files
  beside it (a new release, a plugin upgrade, an edit in a source
  checkout, a helper module edited all count), plus a plugin's
  ``__version__``.

An entry also says on which days it holds: a waiver that expires later
(``until 2027-03-31``) makes the cached findings wrong after that day,
and one that has expired makes them wrong on a day before it did.
Results with a crashed rule are never cached. Entries are JSON, read with
a size limit and checked field by field; anything unexpected is a miss,
and a cache that cannot be read or written never fails a run.

The default folder is refused when it is a link (a repository could
commit one pointing anywhere), a folder that holds other files is never
made a cache, and entries are opened without following links (or waiting
on a named pipe) and replaced by renaming, so nothing is written outside
the folder.
"""
from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import os
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache

try:  # BLAKE2 without hashlib, whose import loads OpenSSL: 8 ms of every start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

from stratlint import __version__
from stratlint.filters import FilterOptions
from stratlint.findings import Finding, Severity, Span
from stratlint.linter import FileResult, lint_bytes
from stratlint.rules.model import Rule

#: the fields of a rule that change no finding
_DOCUMENTATION = ("summary", "docs", "where")

DEFAULT_DIR = ".stratlint_cache"
ENV = "STRATLINT_CACHE_DIR"
#: the first line of CACHEDIR.TAG (https://bford.info/cachedir/), which
#: also marks a folder as one `stratlint clean` may remove
TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
_TAG_TEXT = f"{TAG_SIGNATURE}\n# This folder is stratlint's result cache; 'stratlint clean' removes it.\n"
_GITIGNORE_TEXT = "# Created by stratlint: its result cache is not part of the repository.\n*\n"
#: bumped when the layout or contents of entries change
FORMAT = 1
#: an entry larger than this is not read (a plan's findings are far smaller)
MAX_ENTRY_BYTES = 64 * 1024 * 1024


class CacheUnavailable(Exception):
    """The cache folder cannot be used; the run goes on without it."""


def cache_dir(given: str | None = None) -> tuple[str, bool]:
    """The cache folder, and whether the user chose it (``--cache-dir``, then
    ``STRATLINT_CACHE_DIR``); the default is ``.stratlint_cache`` here."""
    chosen = given or os.environ.get(ENV)
    return (chosen, True) if chosen else (DEFAULT_DIR, False)


@dataclass(frozen=True, slots=True)
class Key:
    entry: str  # the entry's file name: the file's name and settings
    digest: str  # the file's bytes


class ResultCache:
    """Cached lint results in one folder. :meth:`open` creates the folder."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.entries = os.path.join(folder, f"{FORMAT}-{__version__}")
        self._code = _code_fingerprint()
        self._rules: dict[int, tuple[list[Rule], str]] = {}
        self._plugins: dict[str, str] = {}  # top-level package -> state
        self.reads = True  # False: lint() looks nothing up (the caller has), it only keeps results

    @classmethod
    def open(cls, given: str | None = None) -> "ResultCache":
        """The cache in ``given``, ``STRATLINT_CACHE_DIR`` or ``.stratlint_cache``;
        raises :class:`CacheUnavailable` when that folder cannot be used."""
        folder, chosen = cache_dir(given)
        try:
            _make_folder(folder, follow=chosen, marked=True)
            cache = cls(folder)
            _make_folder(cache.entries, follow=False, marked=False)
        except OSError as exc:
            raise CacheUnavailable(f"{folder}: {exc.strerror or exc}") from None
        return cache

    def lint(self, data: bytes, name: str, rules: list[Rule], options: FilterOptions) -> FileResult:
        """:func:`stratlint.linter.lint_bytes`, answered from the cache when it can be."""
        key = self.key(data, name, rules, options)
        result = self.get(key, name, options.today) if self.reads else None
        if result is None:
            result = lint_bytes(data, name, rules, options)
            self.put(key, result, options.today)
        return result

    def writer(self) -> "ResultCache":
        """This cache, for files already looked up and missed: :meth:`lint`
        lints and keeps, without reading the entry a second time."""
        other = copy.copy(self)
        other.reads = False
        return other

    def lookup(self, data: bytes, name: str, rules: list[Rule], options: FilterOptions) -> FileResult | None:
        """The cached result of :func:`stratlint.linter.lint_bytes` for these arguments, or None."""
        return self.get(self.key(data, name, rules, options), name, options.today)

    def key(self, data: bytes, name: str, rules: list[Rule], options: FilterOptions) -> Key:
        entry = blake2b(digest_size=20)
        for part in (self._code, self._rules_fingerprint(rules), name, repr(options)):
            entry.update(part.encode("utf-8", "surrogatepass"))
            entry.update(b"\0")
        return Key(entry.hexdigest(), blake2b(data, digest_size=20).hexdigest())

    def get(self, key: Key, name: str, today: datetime.date | None = None) -> FileResult | None:
        """The cached result, or None (a miss, whatever went wrong)."""
        try:
            entry = _read_entry(os.path.join(self.entries, key.entry + ".json"))
            if entry is None or entry.get("bytes") != key.digest:
                return None
            today = today or datetime.date.today()
            through, since = entry.get("valid_through"), entry.get("valid_from")
            if through is not None and today > datetime.date.fromisoformat(through):
                return None  # a waiver has expired since
            if since is not None and today < datetime.date.fromisoformat(since):
                return None  # an expired waiver would hold again (a clock behind, another time zone)
            return FileResult(name, [_finding(name, raw) for raw in entry["findings"]])
        except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
            return None

    def put(self, key: Key, result: FileResult, today: datetime.date | None = None) -> None:
        """Keep ``result`` (unless a rule crashed); a write that fails is dropped."""
        if result.crashes:
            return
        today = today or datetime.date.today()
        # the findings hold while the same waivers are in force: from the day after the last
        # one that has expired to the last day of the first one still to expire
        coming = [s.until for s in result.suppressions if s.until is not None and s.until >= today]
        past = [s.until for s in result.suppressions if s.until is not None and s.until < today]
        entry = {
            "bytes": key.digest,
            "valid_through": min(coming).isoformat() if coming else None,
            "valid_from": (max(past) + datetime.timedelta(days=1)).isoformat() if past else None,
            "findings": [[f.span.line, f.span.column, f.span.end_line, f.span.end_column, f.code, f.rule,
                          int(f.severity), f.message, f.pointer, f.fingerprint] for f in result.findings],
        }
        try:
            _write_entry(self.entries, key.entry + ".json", json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass

    def _rules_fingerprint(self, rules: list[Rule]) -> str:
        known = self._rules.get(id(rules))
        if known is None or known[0] is not rules:
            text = json.dumps([self._rule_fields(r) for r in rules], sort_keys=True, default=repr)
            known = (rules, blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest())
            self._rules[id(rules)] = known
        return known[1]

    def _rule_fields(self, rule: Rule) -> dict:
        """What a rule does: every field of it but its documentation, with the
        state of the plugin code its check functions come from."""
        fields = {f.name: getattr(rule, f.name) for f in dataclasses.fields(rule) if f.name not in _DOCUMENTATION}
        fields["severity"] = int(rule.severity)
        fields["steps"] = [[s.function.name, s.function.source, s.options, self._plugin_state(s.function.function)]
                           for s in rule.steps]
        return fields

    def _plugin_state(self, function) -> str:
        """For a check function outside stratlint: its top-level package's
        ``__version__`` and the state of that package's files; for a plugin
        that is one module, the state of every Python file beside it too
        (the helpers it imports), unless it is installed among packages."""
        top = (getattr(function, "__module__", None) or "").split(".")[0]
        if not top or top == "stratlint":
            return ""
        if top not in self._plugins:
            module = sys.modules.get(top)
            where = getattr(module, "__file__", None) or ""
            if where.endswith("__init__.py"):
                states = _file_states(os.path.dirname(where))
            elif where:
                states = _file_states(where) + _beside(where)
            else:
                states = []
            self._plugins[top] = "\n".join([f"{top} {getattr(module, '__version__', '')}", *states])
        return self._plugins[top]


def _code_fingerprint() -> str:
    """stratlint's version and the state of its files (code, schemas, packs)."""
    from stratlint.resources import data_dir

    parts = [f"stratlint {__version__} format {FORMAT}"]
    parts.extend(_file_states(os.path.dirname(os.path.abspath(__file__))))
    for name in ("schemas", "rules"):
        try:
            parts.extend(_file_states(str(data_dir(name))))
        except FileNotFoundError:
            pass
    return blake2b("\n".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _file_states(top: str) -> list[str]:
    """``path size mtime`` of a file, or of every file below a folder."""
    if os.path.isfile(top):
        st = os.stat(top)
        return [f"{top} {st.st_size} {st.st_mtime_ns}"]
    out = []
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(root, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    return out


def _beside(module_file: str) -> list[str]:
    """The states of the Python files in a module's folder, but none for a
    folder of installed packages (a version says what changed there)."""
    import sysconfig

    folder = os.path.dirname(os.path.abspath(module_file))
    installed = {os.path.abspath(sysconfig.get_paths()[name]) for name in ("purelib", "platlib")}
    if folder in installed:
        return []
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
    except OSError:
        return []
    return [state for n in names for state in _file_states(os.path.join(folder, n))]


def _finding(name: str, raw: list) -> Finding:
    line, column, end_line, end_column, code, rule, severity, message, pointer, fingerprint = raw
    for number in (line, column, end_line, end_column, severity):
        if type(number) is not int:
            raise TypeError("not a whole number")
    for text in (code, rule, message, pointer, fingerprint):
        if type(text) is not str:
            raise TypeError("not text")
    return Finding(name, Span(line, column, end_line, end_column), code, rule, Severity(severity), message,
                   pointer, fingerprint)


def is_cache(folder: str) -> bool:
    """Whether ``folder`` holds the CACHEDIR.TAG stratlint writes (read
    without following a link or waiting on a named pipe)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(os.path.join(folder, "CACHEDIR.TAG"), flags)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, len(TAG_SIGNATURE) + 2)
    except OSError:
        return False
    finally:
        os.close(fd)
    return head.decode("utf-8", "replace").split("\n")[0].strip() == TAG_SIGNATURE


def _make_folder(folder: str, *, follow: bool, marked: bool) -> None:
    """Create ``folder`` unless it exists (``marked``: with CACHEDIR.TAG and
    a .gitignore that keeps it out of git); refuse a link unless ``follow``."""
    try:
        st = os.stat(folder) if follow else os.lstat(folder)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
        st = os.stat(folder) if follow else os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise OSError(f"not a folder{' (a link)' if stat.S_ISLNK(st.st_mode) else ''}")
    if marked and not is_cache(folder) and any(True for _ in os.scandir(folder)):
        # a folder of the user's (a mistyped --cache-dir): marking it would let 'stratlint clean'
        # remove it, and its .gitignore would hide the files in it from git
        raise OSError("a folder that holds other files and is not a stratlint cache")
    for name, text in (("CACHEDIR.TAG", _TAG_TEXT), (".gitignore", _GITIGNORE_TEXT)) if marked else ():
        if not os.path.lexists(os.path.join(folder, name)):
            _write_entry(folder, name, text.encode("utf-8"))


def _read_entry(path: str) -> dict | None:
    # not following a link, and not waiting on a named pipe: only a regular file is read
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)
    entry = json.loads(data)
    return entry if isinstance(entry, dict) else None


@lru_cache(maxsize=None)
def _file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_entry(folder: str, name: str, data: bytes) -> None:
    """Write ``folder/name`` in one step: a temporary file in the folder,
    renamed over the name (which replaces a link rather than following it)."""
    import tempfile  # only a run that writes an entry needs it

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), _file_mode())  # as any new file, not mkstemp's owner-only mode
        os.replace(tmp, os.path.join(folder, name))
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["CacheUnavailable", "DEFAULT_DIR", "ENV", "Key", "ResultCache", "cache_dir"]
