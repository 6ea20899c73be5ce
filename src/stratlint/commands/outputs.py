"""Where ``check`` writes: never over a file the run reads.

``--output``, each ``--report`` file and ``--write-baseline`` are checked
before anything is read or written: one that is a file being checked, the
config, a rule pack or (for the reports) the baseline, or that two of them
share, stops the run with one line and exit code 2, so that a typo such as
``-o plan.strategy.yaml`` cannot replace a plan with a report. Paths are
compared once links are followed (and, where both exist, as files, so a
hard link counts too). ``--write-baseline`` may name the baseline it
replaces: that is how a baseline is brought up to date.
"""
from __future__ import annotations

import os

from stratlint.errors import StratlintError


def refuse_overwrites(outputs: list[tuple[str, str]], reads: list[tuple[str, str]]) -> None:
    """``outputs``: (option, path) written; ``reads``: (path, what it is) read."""
    for i, (option, path) in enumerate(outputs):
        for read, what in reads:
            if option == "--write-baseline" and what == "the baseline":
                continue
            if _same(path, read):
                raise StratlintError(f"{option} {path} is {what}, which this run reads; write to another file")
        for other, earlier in outputs[:i]:
            if _same(path, earlier):
                raise StratlintError(f"{option} and {other} name the same file, {path}; give each its own")


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.realpath(a) == os.path.realpath(b)
