"""Where the paths a config names may lead.

A config, and every config it ``extends``, comes from the repository being
checked: in CI, from whoever opened the pull request. The files it names
(``extends``, ``rule-packs``, ``baseline``) must therefore stay inside that
repository, so that a pull request cannot make stratlint read a file of
the machine it runs on (a key, a token, another project's config) and
quote it in an error. The repository is the top folder of the git work
tree that holds the config (the nearest folder above it with a ``.git``);
outside git, it is the current folder when the config is inside it, else
the config's own folder. Paths are compared once links are followed, so
a link inside the repository that leads out of it is refused as well.

Paths given on the command line (``--config``, ``--rules``, ``--baseline``)
are the choice of whoever runs stratlint and are not limited; the paths
inside a ``--config`` file are, like any config's.
"""
from __future__ import annotations

import os
from pathlib import Path


def repository_root(config: Path) -> Path:
    """The folder a config's paths must stay in (resolved)."""
    folder = config.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    here = Path.cwd().resolve()
    return here if folder == here or here in folder.parents else folder


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, links followed, is ``root`` or below it."""
    real = Path(os.path.realpath(path))
    return real == root or root in real.parents


def outside_message(key: str, named: str, root: Path, option: str) -> str:
    return (f"'{key}' names '{named}', which is outside the repository ({root}); a config may only name files "
            f"inside it (a file you trust can be given with {option})")
