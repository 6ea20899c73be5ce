"""The git repository a path is in: its top level and its ignore files.

Read straight from the file system (no ``git`` command runs): the top level
is the nearest folder above a path that holds ``.git`` (a folder, or the
file a worktree or submodule has); ``.gitignore`` files and
``.git/info/exclude`` are read as text, their patterns bounded as every
pattern is (:mod:`stratlint.globs`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from stratlint.globs import PatternError, Patterns

#: a .gitignore larger than this is not read (it is reported instead)
MAX_IGNORE_FILE = 1024 * 1024


def top_level(start: str) -> str | None:
    """The absolute path of the git top level at or above ``start``, or None."""
    folder = os.path.abspath(start)
    while True:
        if os.path.lexists(os.path.join(folder, ".git")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _git_dir(top: str) -> str | None:
    """The repository's shared git folder (for a worktree, the main one's)."""
    dot_git = os.path.join(top, ".git")
    if os.path.isdir(dot_git):
        return dot_git
    try:
        with open(dot_git, encoding="utf-8", errors="replace") as fh:
            first = fh.readline(4096).strip()
    except OSError:
        return None
    if not first.startswith("gitdir:"):
        return None
    git_dir = os.path.join(top, first.split(":", 1)[1].strip())
    try:
        with open(os.path.join(git_dir, "commondir"), encoding="utf-8", errors="replace") as fh:
            return os.path.normpath(os.path.join(git_dir, fh.readline(4096).strip()))
    except OSError:
        return git_dir


@dataclass(frozen=True, slots=True)
class IgnoreProblem:
    """A line of an ignore file that stratlint does not apply, and why."""

    path: str
    line: int
    message: str


@dataclass
class IgnoreFiles:
    """The ignore rules of one repository, read once per folder.

    :meth:`ignored` answers as git does: the ``.gitignore`` nearest the path
    decides first (its last matching pattern wins, ``!`` re-includes), then
    those of the folders above it, then ``.git/info/exclude``.
    """

    top: str
    problems: list[IgnoreProblem] = field(default_factory=list)
    _folders: dict[str, Patterns | None] = field(default_factory=dict)
    _exclude: Patterns | None = None

    @classmethod
    def of(cls, start: str) -> "IgnoreFiles | None":
        top = top_level(start)
        if top is None:
            return None
        files = cls(top)
        git_dir = _git_dir(top)
        if git_dir is not None:
            files._exclude = files._read(os.path.join(git_dir, "info", "exclude"))
        return files

    def ignored(self, path: str, is_dir: bool, below: str | None = None) -> bool:
        """Whether git ignores ``path``; only the ``.gitignore`` files from
        ``below`` (a folder the user named) downwards count when given, so
        that a folder named on the command line is walked even if ignored."""
        absolute = os.path.abspath(path)
        folder = os.path.dirname(absolute)
        limit = os.path.abspath(below) if below else self.top
        while True:
            patterns = self._patterns_in(folder)
            if patterns is not None:
                decided = patterns.decide(_relative(absolute, folder), is_dir)
                if decided is not None:
                    return decided
            if folder == limit or folder == self.top or os.path.dirname(folder) == folder:
                break
            folder = os.path.dirname(folder)
        if self._exclude is not None and not below:
            return bool(self._exclude.decide(_relative(absolute, self.top), is_dir))
        return False

    def _patterns_in(self, folder: str) -> Patterns | None:
        if folder not in self._folders:
            self._folders[folder] = self._read(os.path.join(folder, ".gitignore"))
        return self._folders[folder]

    def _read(self, path: str) -> Patterns | None:
        try:
            if os.path.getsize(path) > MAX_IGNORE_FILE:
                self.problems.append(IgnoreProblem(_shown(path), 1, "ignore file larger than 1 MiB"))
                return None
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = fh.read().splitlines()
        except OSError:
            return None
        kept = []
        for number, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                Patterns.compile([line])
            except PatternError as exc:
                self.problems.append(IgnoreProblem(_shown(path), number, str(exc)))
                continue
            kept.append(line)
        return Patterns.compile(kept) if kept else None


def _relative(path: str, folder: str) -> str:
    return os.path.relpath(path, folder).replace(os.sep, "/")


def _shown(path: str) -> str:
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel
