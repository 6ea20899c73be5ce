"""The plugin interface: what a Python package gives stratlint.

A package declares an entry point in the group ``stratlint.plugins``::

    [project.entry-points."stratlint.plugins"]
    acme = "acme_stratlint:plugin"

where ``plugin`` is a :class:`Plugin` (or a function that returns one).
A plugin runs only when a run names it (``--plugin acme``): installing a
package never makes stratlint execute it on its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from stratlint.checks import check  # noqa: F401  (re-exported for plugin authors)

GROUP = "stratlint.plugins"


@dataclass
class Plugin:
    checks: list[Callable] = field(default_factory=list)
    packs: list[Path | str] = field(default_factory=list)
