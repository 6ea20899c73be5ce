"""Which files a directory walk selects.

A file is checked when its name matches the strategy-file patterns (or
the ``include`` of the config that governs its folder), no ``exclude``
pattern of that config matches it or a folder above it, and, unless
``--no-respect-gitignore``, git does not ignore it (``.gitignore`` files and
``.git/info/exclude``, in a git repository; as ruff does). Hidden folders
are never walked. A file named on the command line is always checked:
none of this applies to it.

``exclude`` patterns are gitignore patterns relative to the folder of the
config that sets them (:mod:`stratlint.globs`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Callable

from stratlint.globs import Patterns
from stratlint.repository import IgnoreFiles, IgnoreProblem

PATTERNS = (".strategy.yaml", ".strategy.yml", ".strategy.json")


@dataclass(frozen=True)
class FolderRules:
    """What the config governing a folder says about walking it."""

    include: tuple[str, ...] | None = None  # file-name globs; None: the strategy-file patterns
    exclude: Patterns = Patterns(())
    base: str = "."  # the folder exclude patterns are relative to


class Selection:
    """The walk's choices. ``rules_for(folder)`` gives the rules of the config
    governing a folder (see :mod:`stratlint.config.discovery`)."""

    def __init__(self, rules_for: Callable[[str], FolderRules] = lambda folder: FolderRules(),
                 respect_gitignore: bool = True) -> None:
        self.rules_for = rules_for
        self.respect_gitignore = respect_gitignore
        self.problems: list[IgnoreProblem] = []
        self._ignores: dict[str, IgnoreFiles | None] = {}

    def walk(self, top: str) -> "Walk":
        ignores = None
        if self.respect_gitignore:
            from stratlint.repository import top_level

            root = top_level(top)
            if root not in self._ignores:
                self._ignores[root] = IgnoreFiles.of(top) if root else None
                if self._ignores[root] is not None:
                    self._ignores[root].problems = self.problems
            ignores = self._ignores[root]
        return Walk(self, ignores, top)


class Walk:
    """One directory walk: is each folder entered, each file taken?"""

    def __init__(self, selection: Selection, ignores: IgnoreFiles | None, top: str) -> None:
        self.selection = selection
        self.ignores = ignores
        self.top = top
        # a folder the user named is walked even when git ignores it
        self.below = top if ignores is not None and ignores.ignored(top, True) else None

    def enter(self, folder: str) -> bool:
        return not self._excluded(folder, True)

    def reaches(self, path: str) -> bool:
        """Whether the walk would take ``path``, a file below its top that
        need not exist (``stratlint diff --base`` asks this of the files an
        old revision holds): every folder on the way entered, none hidden."""
        parts = os.path.relpath(path, self.top).split(os.sep)
        folder = self.top
        for part in parts[:-1]:
            folder = os.path.join(folder, part)
            if part in (os.curdir, os.pardir) or part.startswith(".") or not self.enter(folder):
                return False
        return parts[0] != os.pardir and self.take(path)

    def take(self, path: str) -> bool:
        rules = self.selection.rules_for(os.path.dirname(path) or ".")
        name = os.path.basename(path)
        wanted = (any(fnmatchcase(name, p) for p in rules.include) if rules.include is not None
                  else name.endswith(PATTERNS))
        return wanted and not self._excluded(path, False, rules)

    def _excluded(self, path: str, is_dir: bool, rules: FolderRules | None = None) -> bool:
        rules = rules or self.selection.rules_for(os.path.dirname(path) or ".")
        if rules.exclude.lines:
            rel = os.path.relpath(os.path.abspath(path), os.path.abspath(rules.base))
            if not rel.startswith("..") and rules.exclude.match(rel.replace(os.sep, "/"), is_dir):
                return True
        return self.ignores is not None and self.ignores.ignored(path, is_dir, self.below)
