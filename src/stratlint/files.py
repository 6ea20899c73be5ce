"""From the paths a user names to the text of each strategy file.

Directories are walked for ``*.strategy.yaml``, ``*.strategy.yml`` and
``*.strategy.json`` (hidden folders such as ``.git`` are skipped, links
to folders are not followed, so a link loop cannot trap the walk); a file
named on the command line is always checked, whatever its name; ``-`` is
standard input.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from dataclasses import dataclass

from stratlint.document.located import LoadError

PATTERNS = (".strategy.yaml", ".strategy.yml", ".strategy.json")
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that could not be read: a one-line error, and exit code 2."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def discover(paths: list[str], include: list[str] | None = None, exclude: list[str] = (),
             allow_empty: bool = False, base: str | None = None) -> tuple[list[str], list[PathProblem]]:
    """The files to check, in order, and the paths that went wrong.

    ``include`` (file-name globs) replaces the default patterns of a
    directory walk; ``exclude`` globs skip files and folders in a walk
    (a pattern without '/' matches a name at any depth), relative to the
    folder walked or to ``base`` (the config's folder). A file named
    explicitly is always checked. A path with ``*``, ``?`` or ``[`` that
    names no file is expanded as a glob (``**`` spans folders), as a shell
    would. A folder or glob that yields no strategy file is a problem
    unless ``allow_empty``, so that a renamed folder cannot turn a CI gate
    green by checking nothing.
    """
    import glob

    files: list[str] = []
    problems: list[PathProblem] = []
    for path in paths:
        if path == STDIN:
            files.append(STDIN)
        elif os.path.isdir(path):
            found = _walk(path, include, exclude, base)
            if not found and not allow_empty:
                problems.append(PathProblem(path, f"no strategy file here ({', '.join('*' + p for p in PATTERNS)}); "
                                                  "pass --allow-empty if that is expected"))
            files.extend(found)
        elif os.path.lexists(path):
            files.append(os.path.normpath(path))  # ./a.yaml is a.yaml, as in a folder walk
        elif glob.has_magic(path):
            found = []
            for match in sorted(glob.glob(path, recursive=True)):
                if os.path.isdir(match):
                    found.extend(_walk(match, include, exclude, base))
                else:
                    found.append(os.path.normpath(match))
            if not found and not allow_empty:
                problems.append(PathProblem(path, "the pattern matches no strategy file; "
                                                  "pass --allow-empty if that is expected"))
            files.extend(found)
        else:
            problems.append(PathProblem(path, "no such file or directory"))
    seen: set[str] = set()
    unique = []
    for f in files:  # a file named twice (./a.yaml and a folder holding it) is checked once
        key = f if f == STDIN else os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, problems


def _walk(top: str, include: list[str] | None, exclude: list[str], base: str | None = None) -> list[str]:
    from fnmatch import fnmatchcase

    from stratlint.config.settings import glob_regex

    skip = [glob_regex(p.rstrip("/")) for p in exclude]

    def excluded(path: str) -> bool:
        if not skip:
            return False
        rels = {os.path.relpath(path, top).replace(os.sep, "/")}
        if base is not None:  # patterns are also relative to the config's folder
            rels.add(os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/"))
        return any(p.match(rel) for p in skip for rel in rels)

    def wanted(name: str) -> bool:
        return any(fnmatchcase(name, p) for p in include) if include is not None else name.endswith(PATTERNS)

    found = []
    for root, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
        found.extend(os.path.normpath(os.path.join(root, n)) for n in names
                     if wanted(n) and not excluded(os.path.join(root, n)))
    return sorted(found)


def display_name(path: str) -> str:
    return STDIN_NAME if path == STDIN else path


def read_stdin() -> bytes:
    return sys.stdin.buffer.read()


def read_bytes(path: str) -> bytes:
    """Read a file, or raise ``OSError`` (a one-line error, exit code 2)."""
    if path == STDIN:
        return read_stdin()
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError("is a directory")
    if not stat.S_ISREG(mode):
        raise OSError("not a regular file (a pipe, socket or device)")
    with open(path, "rb") as fh:
        return fh.read()


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16/32 with a BOM.

    Anything else is :class:`LoadError` at the first bad byte's line and
    column, so the user sees where the file stops being text.
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            break
    else:
        encoding = "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise LoadError(f"the file is not valid {encoding.upper().replace('-SIG', '')} text "
                        f"(byte 0x{data[exc.start]:02x})", line, column) from None
    if "\x00" in text:
        line, column = _position(data, data.find(b"\x00"))
        raise LoadError("the file holds NUL bytes; it looks binary, not a YAML plan", line, column)
    return text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    column = len(before[start:].decode("utf-8", errors="replace")) + 1
    return line, column
