"""Old versions of files from git history, for ``stratlint diff --base``.

The working tree's top level is found as :mod:`stratlint.repository` finds
it (no git command); the old versions are read with git commands. Every
git command runs from an argument list, never through a shell, and
nothing a user types can reach git as an option: a revision that starts
with ``-`` (or holds a line break or NUL) is refused, it is resolved once
to a commit id, and only that id and blob ids (hexadecimal) reach the
commands after it; paths are matched in Python, never passed to git.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass

from stratlint.errors import StratlintError

_HEX = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?")
TIMEOUT = 120  # seconds for one git command


def _git(args: list[str], cwd: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=TIMEOUT,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise StratlintError("--base needs git, and git is not installed (or not on PATH)") from None
    except subprocess.TimeoutExpired:
        raise StratlintError(f"git {args[0]} took more than {TIMEOUT} seconds") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise StratlintError(f"git {args[0]} failed: {message[-1] if message else f'exit {done.returncode}'}")
    return done.stdout


@dataclass(frozen=True)
class History:
    top: str  # the working tree's top folder

    @classmethod
    def around(cls, folder: str = ".") -> "History":
        """The history of the working tree the folder is in."""
        from stratlint.repository import top_level

        top = top_level(folder)
        if top is None:
            raise StratlintError(f"--base compares with a git revision, and {os.path.abspath(folder)} is not in a "
                                 "git working tree")
        return cls(top)

    def commit(self, revision: str) -> str:
        """The commit id a revision names (a branch, tag, id, ``HEAD~2``...)."""
        if not revision or revision.startswith("-") or any(c in revision for c in "\n\r\0"):
            raise StratlintError(f"'{revision}' is not a revision (a branch, tag or commit)")
        try:
            found = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], self.top)
        except StratlintError:
            raise StratlintError(f"no commit named '{revision}' in {self.top}") from None
        commit = found.decode().strip()
        if not _HEX.fullmatch(commit):
            raise StratlintError(f"no commit named '{revision}' in {self.top}")
        return commit

    def files(self, commit: str) -> dict[str, str]:
        """Every regular file of the commit, by path from the top (with
        ``/``), with its blob id; links and submodules are left out."""
        assert _HEX.fullmatch(commit)
        listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit], self.top)
        files = {}
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, path = entry.partition(b"\t")
            mode, kind, blob = meta.decode().split(" ")
            if kind == "blob" and mode in ("100644", "100755"):
                files[path.decode("utf-8", "surrogateescape")] = blob
        return files

    def show(self, blob: str) -> bytes:
        """A file's bytes as the commit holds them (``git show`` of its blob)."""
        assert _HEX.fullmatch(blob)
        return _git(["show", "--no-textconv", blob], self.top)

    def relative(self, path: str) -> str | None:
        """``path`` (which need not exist) from the top, with ``/``; None
        when it is outside the working tree."""
        absolute = os.path.abspath(path)
        folder = os.path.realpath(os.path.dirname(absolute))
        rel = os.path.relpath(os.path.join(folder, os.path.basename(absolute)), os.path.realpath(self.top))
        if rel == os.curdir:
            return ""
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return None
        return rel.replace(os.sep, "/")

    def absolute(self, rel: str) -> str:
        return os.path.join(self.top, *rel.split("/"))
