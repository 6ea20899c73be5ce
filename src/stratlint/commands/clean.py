"""``stratlint clean``: remove the result cache (:mod:`stratlint.cache`).

Removes ``.stratlint_cache`` in the current folder and in every folder
below it (``.git`` is not entered, links are not followed), and the folder
``--cache-dir`` or ``STRATLINT_CACHE_DIR`` names. Only a folder that holds
the ``CACHEDIR.TAG`` stratlint writes is removed: a link, a file, or a
folder stratlint did not make is left alone and named in an error line
(exit 2), so a mistyped ``--cache-dir`` cannot delete anything else.
"""
from __future__ import annotations

import os
import shutil
import stat

import click

from stratlint.cache import DEFAULT_DIR, cache_dir, is_cache
from stratlint.errors import EXIT_FAILURE, EXIT_OK, report_error


def run_clean(given: str | None = None) -> int:
    folder, chosen = cache_dir(given)
    folder = folder.rstrip("/" + os.sep) or folder  # 'link/' would name the folder the link leads to
    targets = [folder] if chosen and os.path.lexists(folder) else []
    targets += [path for path in _caches_below(".") if not chosen or not _same(path, folder)]
    failed = False
    for path in targets:
        problem = _not_a_cache(path)
        if problem:
            report_error(f"{path}: not removed: {problem}")
            failed = True
            continue
        try:
            shutil.rmtree(path)
        except OSError as exc:
            report_error(f"{path}: cannot remove the cache: {exc.strerror or exc}")
            failed = True
            continue
        click.echo(f"removed {path}")
    if not targets:
        click.echo("no cache to remove")
    return EXIT_FAILURE if failed else EXIT_OK


def _caches_below(top: str) -> list[str]:
    found = []
    for root, dirs, _ in os.walk(top):
        if DEFAULT_DIR in dirs:
            found.append(os.path.normpath(os.path.join(root, DEFAULT_DIR)))
        dirs[:] = sorted(d for d in dirs if d not in (DEFAULT_DIR, ".git"))
    return found


def _not_a_cache(path: str) -> str:
    """Why ``path`` is not a cache stratlint made ("" if it is one)."""
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return "it is a link, not a folder stratlint made"
    if not stat.S_ISDIR(st.st_mode):
        return "it is not a folder"
    return "" if is_cache(path) else "it holds no CACHEDIR.TAG, so it is not stratlint's cache"


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
