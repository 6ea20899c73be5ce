"""From the paths a user names to the text of each strategy file.

Directories are walked for ``*.strategy.yaml``, ``*.strategy.yml`` and
``*.strategy.json`` (hidden folders such as ``.git`` are skipped, links
to folders are not followed, so a link loop cannot trap the walk, and a
link to a file outside the folder walked is skipped, so that a pull
request cannot have a file of the machine read); a file named on the
command line is always checked, whatever its name; ``-`` is standard
input.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
from dataclasses import dataclass

from stratlint.selection import PATTERNS, Selection

STDIN = "-"
STDIN_NAME = "<stdin>"


class TooLarge(Exception):
    """A file larger than the size limit: not read, one SL001 finding
    (:data:`stratlint.limits.DEFAULT_MAX_FILE_SIZE`)."""

    def __init__(self, size: int | None, limit: int) -> None:
        from stratlint.limits import megabytes

        super().__init__(f"the file is {megabytes(size)}, more than the {megabytes(limit)} limit" if size else
                         f"the file is larger than the {megabytes(limit)} limit")
        self.size = size
        self.limit = limit


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that could not be read (or, ``kind`` "ignore-file", a line of a
    ``.gitignore`` that is not applied): a one-line error, and exit code 2."""

    path: str
    message: str
    kind: str = "unreadable"
    line: int | None = None  # the line of an ignore file

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:1: {self.message}" if self.line else f"{self.path}: {self.message}"


def discover(paths: list[str], selection: Selection | None = None,
             allow_empty: bool = False) -> tuple[list[str], list[PathProblem]]:
    """The files to check, in order, and the paths that went wrong.

    A directory is walked for the files ``selection`` takes (the strategy
    -file patterns or the config's ``include``, less its ``exclude`` and
    what git ignores: :mod:`stratlint.selection`). A file named
    explicitly is always checked. A path with ``*``, ``?`` or ``[`` that
    names no file is expanded as a glob (``**`` spans folders), as a shell
    would. A folder or glob that yields no strategy file is a problem
    unless ``allow_empty``, so that a renamed folder cannot turn a CI gate
    green by checking nothing.
    """
    import glob

    selection = selection or Selection()
    files: list[str] = []
    problems: list[PathProblem] = []
    for path in paths:
        if path == STDIN:
            files.append(STDIN)
        elif os.path.isdir(path):
            found = _walk(path, selection)
            if not found and not allow_empty:
                problems.append(PathProblem(path, f"no strategy file here ({', '.join('*' + p for p in PATTERNS)}); "
                                                  "pass --allow-empty if that is expected"))
            files.extend(found)
        elif os.path.lexists(path):
            files.append(os.path.normpath(path))  # ./a.yaml is a.yaml, as in a folder walk
        elif glob.has_magic(path):
            found = []
            for match in _glob(path):
                if os.path.isdir(match):
                    found.extend(_walk(match, selection))
                else:
                    found.append(os.path.normpath(match))
            if not found and not allow_empty:
                problems.append(PathProblem(path, "the pattern matches no strategy file; "
                                                  "pass --allow-empty if that is expected"))
            files.extend(found)
        else:
            problems.append(PathProblem(path, "no such file or directory"))
    problems += [PathProblem(p.path, f"{p.message}; the pattern is not applied", "ignore-file", p.line)
                 for p in selection.problems]
    seen: set[str] = set()
    unique = []
    for f in files:  # a file named twice (./a.yaml and a folder holding it) is checked once
        key = f if f == STDIN else os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _walk(top: str, selection: Selection) -> list[str]:
    walk = selection.walk(top)
    inside = os.path.realpath(top)

    def leaves(path: str) -> bool:  # a link to a file outside the folder walked
        if not os.path.islink(path):
            return False
        real = os.path.realpath(path)
        return os.path.commonpath([real, inside]) != inside

    found = []
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and walk.enter(os.path.join(root, d)))
        found.extend(os.path.normpath(os.path.join(root, n)) for n in names
                     if walk.take(os.path.join(root, n)) and not leaves(os.path.join(root, n)))
    return sorted(found)


def _glob(pattern: str) -> list[str]:
    """What a shell pattern names, sorted. ``**`` spans folders, but unlike
    ``glob.glob`` it follows no link to a folder (two links to ``.`` make
    ``glob.glob`` run for ever) and, as a walk, skips hidden folders."""
    import glob

    parts = pattern.split("/")
    deep = next((i for i, part in enumerate(parts) if part == "**"), None)
    if deep is None:
        return sorted(glob.glob(pattern))
    head, below = "/".join(parts[:deep]), parts[deep:]
    if deep == 1 and not head:
        head = "/"
    found = []
    for base in (sorted(glob.glob(head)) if glob.has_magic(head) else [head]):
        if not os.path.isdir(base or "."):
            continue
        for root, dirs, names in os.walk(base or "."):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in (*dirs, *names):
                path = os.path.join(root, name)
                if _matches(below, os.path.relpath(path, base or ".").split(os.sep)):
                    found.append(path if base else os.path.relpath(path))
    return sorted(found)


def _matches(pattern: list[str], parts: list[str]) -> bool:
    """Whether path ``parts`` match pattern segments, where ``**`` is any
    number of folders and any other segment one name (``fnmatch``; a
    hidden name only for a segment that starts with a dot, as for a shell)."""
    from fnmatch import fnmatchcase

    def name_ok(name: str, segment: str) -> bool:
        return fnmatchcase(name, segment) and (segment.startswith(".") or not name.startswith("."))

    size = len(parts)
    after = [False] * size + [True]  # the rest of the pattern (none, at first) matches parts[j:]
    for segment in reversed(pattern):
        here = [False] * (size + 1)
        for j in range(size, -1, -1):
            if segment == "**":
                here[j] = after[j] or (j < size and not parts[j].startswith(".") and here[j + 1])
            else:
                here[j] = j < size and name_ok(parts[j], segment) and after[j + 1]
        after = here
    return after[0]


def display_name(path: str) -> str:
    return STDIN_NAME if path == STDIN else path


def read_stdin(limit: int | None = None) -> bytes:
    """Standard input, or :class:`TooLarge` past ``limit`` bytes (no more is
    read: what comes after may never end)."""
    data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise TooLarge(None, limit)
    return data


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """Read a file, or raise ``OSError`` (a one-line error, exit code 2), or
    :class:`TooLarge` for a file over ``limit`` bytes (checked before reading,
    and no more than the limit is read should it grow meanwhile)."""
    if path == STDIN:
        return read_stdin(limit)
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise OSError("not a regular file (a pipe, socket or device)")
    if limit is not None and st.st_size > limit:
        raise TooLarge(st.st_size, limit)
    with open(path, "rb") as fh:
        data = fh.read() if limit is None else fh.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise TooLarge(os.stat(path).st_size, limit)
    return data


def write_atomic(path: str, data: bytes, expect: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` in one step: a temporary file in the same
    folder, the original's permission bits, then ``os.replace``. A link is
    refused: a fix never writes through one to wherever it leads. With
    ``expect``, a file that no longer holds those bytes is left alone."""
    if os.path.islink(path):
        raise OSError("it is a symbolic link, and a fix never writes through one; fix the file it leads to")
    real = path
    folder = os.path.dirname(real) or "."
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    if expect is not None:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))  # a link put there meanwhile
        with os.fdopen(fd, "rb") as fh:
            if fh.read() != expect:
                raise OSError("the file changed while it was being fixed; run --fix again")
    import tempfile

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
