"""``stratlint diff``: what a change does to a strategy.

- :mod:`~stratlint.changes.model`: the data (changes, budget shift, findings per file);
- :mod:`~stratlint.changes.plans`: two versions of a plan compared item by item, renames found;
- :mod:`~stratlint.changes.findings`: findings introduced and resolved, matched by fingerprint;
- :mod:`~stratlint.changes.phrases`: the sentences the formats say;
- :mod:`~stratlint.changes.text`, :mod:`~stratlint.changes.markdown`,
  :mod:`~stratlint.changes.json_format`: the formats.

The command (reading files and old versions from git, linting them) is
:mod:`stratlint.commands.diff`.
"""
from __future__ import annotations

from stratlint.changes.model import PlanDiff

FORMATS = ("text", "markdown", "json")


def render(fmt: str, diff: PlanDiff) -> str:
    from importlib import import_module

    return import_module(f"stratlint.changes.{'json_format' if fmt == 'json' else fmt}").render(diff)
