"""The settings of each checked file: the nearest config above it, as ruff
finds its configuration.

For a file, the config is the nearest ``.stratlint.yaml`` / ``.stratlint.yml``
or ``pyproject.toml`` with ``[tool.stratlint]`` at or above the file's
folder, so ``stratlint check some/folder`` gives, from anywhere, what
running inside that folder gives. ``--config FILE`` names one config for
every file and ``--isolated`` none. Standard input is governed by the
config above ``--stdin-filename``, else above the current folder. The
command line's options apply over each config.

:class:`SettingsFinder` is the one way commands (``check``, ``waivers``, the
language server) ask "what are the settings of this file?": the config
found for a folder is cached per folder, and each config's settings are
resolved once.
"""
from __future__ import annotations

import os
from pathlib import Path

from stratlint.config.files import find_config
from stratlint.config.settings import Settings, resolve
from stratlint.selection import FolderRules, Selection


class SettingsFinder:
    """Settings per file, cached per folder and per config file.

    ``options`` are :func:`stratlint.config.settings.resolve`'s keyword
    arguments (``config_file``, ``isolated``, ``select``, ``fail_on``...):
    the command line, applied over every config found."""

    def __init__(self, **options) -> None:
        self.options = options
        self._single = bool(options.get("config_file") or options.get("isolated"))
        self._config_of: dict[str, Path | None] = {}  # folder -> the config that governs it
        self._settings: dict[Path | None, Settings] = {}

    def for_file(self, path: str) -> Settings:
        """The settings of the file at ``path`` (it need not exist)."""
        return self.for_folder(os.path.dirname(os.path.abspath(path)))

    def for_folder(self, folder: str) -> Settings:
        """The settings of the files in ``folder``."""
        if self._single:
            return self._resolve(None, Path.cwd())
        found = self.config_of(os.path.abspath(folder))
        return self._resolve(found, found.parent if found else Path(folder))

    def config_of(self, folder: str) -> Path | None:
        """The config file that governs ``folder`` (absolute), or None."""
        missing = []
        while folder not in self._config_of:
            found = find_config(Path(folder), parents=False)
            if found is not None:
                self._config_of[folder] = found
                break
            missing.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                self._config_of[folder] = None
                break
            folder = parent
        for below in missing:
            self._config_of[below] = self._config_of[folder]
        return self._config_of[folder]

    def walk_rules(self, folder: str) -> FolderRules:
        """What the settings of ``folder`` say about walking it: include, exclude and their base."""
        settings = self.for_folder(folder)
        return FolderRules(tuple(settings.include) if settings.include is not None else None, settings.exclude,
                           settings.base)

    def selection(self, respect_gitignore: bool = True) -> Selection:
        """The files a directory walk takes, each folder by its own config."""
        return Selection(self.walk_rules, respect_gitignore)

    @property
    def all(self) -> list[Settings]:
        """Every distinct settings resolved so far, in the order first asked for."""
        return list(self._settings.values())

    def _resolve(self, found: Path | None, start: Path) -> Settings:
        if found not in self._settings:
            self._settings[found] = resolve(**self.options, start=start)
        return self._settings[found]


__all__ = ["SettingsFinder"]
