"""The settings each open plan is linted with: the one place the server
resolves configuration.

For a plan on disk the server finds the nearest ``.stratlint.yaml`` or
``pyproject.toml [tool.stratlint]`` above it, as ``check`` does for that
file, and resolves it with :func:`stratlint.config.settings.resolve`;
the per-file ignores, suppression settings and baseline come from
:func:`stratlint.config.per_file.filter_options`, as in ``check``. A
resolved config is kept until one of the files it was built from (the
config, the configs it extends, its rule packs, its baseline) changes on
disk, so an edit to ``.stratlint.yaml`` applies to the next lint.

**Security.** A config may name ``plugins:``, Python code that loading
would import, possibly from the workspace itself. The server imports
none unless the user opted in outside the workspace: ``stratlint server
--trust-plugins`` in the command the editor runs, or the environment
variable ``STRATLINT_TRUST_PLUGINS=1``. Editor settings the server
receives (initializationOptions, workspace/configuration) can come from
the workspace (``.vscode/settings.json``), so they never grant it.
Without the opt-in, a config that names plugins is reported (once) and
the plan is linted with the built-in defaults, as for any config that
does not load.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from stratlint.config.discovery import SettingsFinder
from stratlint.config.trust import ENVIRONMENT as TRUST_ENV
from stratlint.config.files import find_config, load_config
from stratlint.config.per_file import filter_options
from stratlint.config.settings import Settings, resolve
from stratlint.errors import StratlintError
from stratlint.filters import FilterOptions
from stratlint.selection import FolderRules, Selection

@dataclass(frozen=True)
class FileSettings:
    """What one plan is linted with."""

    settings: Settings
    options: FilterOptions
    config: str | None  # the config file in force, None for the defaults


@dataclass
class _Entry:
    settings: Settings
    known: Counter | None  # the baseline's findings
    stamps: tuple  # (path, mtime, size) of every file the settings were built from


class Configs:
    def __init__(self, *, trust_plugins: bool, report: Callable[[str], None]) -> None:
        """``report(message)`` tells the user about a config that does not
        load, once until the config changes."""
        self.trust_plugins = trust_plugins
        self._report = report
        self._finder = SettingsFinder(trust_plugins=trust_plugins)
        self._cache: dict[str | None, _Entry] = {}
        self._reported: dict[str | None, str] = {}  # config -> the error last reported

    def for_file(self, path: str | None) -> FileSettings | None:
        """The settings of the plan at ``path``; None when the file is not a
        plan the config's ``include``/``exclude`` let stratlint check (an
        unsaved buffer is never one)."""
        if path is None:
            return None
        folder = os.path.dirname(os.path.abspath(path))
        found = find_config(Path(folder))  # a few stats: a config created or deleted since counts at once
        if found != self._finder.config_of(folder):
            self._finder = SettingsFinder(trust_plugins=self.trust_plugins)
        key = str(found) if found else None
        entry = self._cache.get(key)
        if entry is None or entry.stamps != _stamps(entry.stamps):
            if entry is not None:
                self._finder = SettingsFinder(trust_plugins=self.trust_plugins)  # what the finder resolved is stale too
            entry = self._cache[key] = self._build(key, path)
        settings = entry.settings
        if not self._selected(path, settings):
            return None
        return FileSettings(settings, filter_options(path, settings, entry.known), settings.config_path)

    def _build(self, config: str | None, path: str) -> _Entry:
        sources = [config] if config else []
        try:
            if config is not None:
                found = load_config(Path(config))
                sources += sorted({origin.rsplit(":", 2)[0] for origin in found.origins.values()})
                sources += found.rule_packs + ([found.baseline] if found.baseline else [])
                if found.plugins and not self.trust_plugins:
                    raise StratlintError(
                        f"names plugins ({', '.join(found.plugins)}); the language server runs no code a "
                        f"workspace names unless it is started with --trust-plugins (or {TRUST_ENV}=1); "
                        "linting with the defaults instead", path=config)
            settings = self._finder.for_file(path)
            known = None
            if settings.baseline:
                from stratlint.filters import baseline as baselines

                known = baselines.read(settings.baseline)
        except StratlintError as exc:
            message = str(exc)
            if self._reported.get(config) != message:
                self._reported[config] = message
                self._report(message)
            return _Entry(resolve(isolated=True), None, _stamps(sources))
        self._reported.pop(config, None)
        return _Entry(settings, known, _stamps(sources))

    def _selected(self, path: str, settings: Settings) -> bool:
        """Whether a folder walk from the config's folder would take the file:
        its name matches ``include`` (or the strategy-file patterns) and no
        ``exclude`` pattern matches it or a folder above it. ``.gitignore``
        does not apply: a plan open in the editor is being worked on."""
        rules = FolderRules(tuple(settings.include) if settings.include is not None else None, settings.exclude,
                            settings.base)  # the file's config governs every folder between it and the file
        selection = Selection(lambda folder: rules, respect_gitignore=False)
        base = os.path.abspath(settings.base)
        walk = selection.walk(base)
        target = os.path.abspath(path)
        folder = os.path.dirname(target)
        while folder.startswith(base + os.sep) and folder != base:
            if not walk.enter(folder):
                return False
            folder = os.path.dirname(folder)
        return walk.take(target)


def _stamps(files) -> tuple:
    """``(path, mtime, size)`` of each file (None for one that is gone)."""
    out = []
    for path in (f[0] if isinstance(f, tuple) else f for f in files):
        try:
            st = os.stat(path)
            out.append((path, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((path, None, None))
    return tuple(out)
