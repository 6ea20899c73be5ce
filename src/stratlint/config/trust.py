"""The trust model: which code a run may import.

stratlint runs no code but its own unless the person who runs it says so,
never because a file in the checked repository asks for it:

- a plugin named on the command line (``--plugin NAME``) loads: the
  command line is written by whoever runs stratlint;
- a plugin named by a config (``plugins:`` in ``.stratlint.yaml``, in
  ``[tool.stratlint]`` or in a file either ``extends``) is Python code
  chosen by the repository, which in CI is whoever opened the pull
  request. It loads only with an opt-in that the repository cannot grant
  itself: the ``--trust-config-plugins`` flag, or the environment variable
  ``STRATLINT_TRUST_PLUGINS=1``. Without it, a config that names plugins is
  an error (exit code 2) that names them, the config line and how to opt
  in, and nothing is imported;
- rule packs are data (nothing in them runs), so configs may name them,
  inside the repository (:mod:`stratlint.config.paths`).

Every command that reads configs (``check``, ``rules``, ``waivers``, the
language server) resolves its settings through
:func:`stratlint.config.settings.resolve`, whose ``trust_plugins`` is
set by the command line from the flag or the environment variable.
"""
from __future__ import annotations

import os

#: the environment variable that trusts configs' plugins
ENVIRONMENT = "STRATLINT_TRUST_PLUGINS"
FLAG = "--trust-config-plugins"


def trusted_by_environment(environ=None) -> bool:
    """Whether ``STRATLINT_TRUST_PLUGINS`` says yes (``1``, ``true``, ``yes`` or ``on``)."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT, "")
    return value.strip().lower() in ("1", "true", "yes", "on")


def untrusted(config_plugins: list[str], named_plugins: list[str], trust: bool) -> list[str]:
    """The plugins a config names that may not load: all of them, unless
    trusted, except those the command line names itself."""
    return [] if trust else [p for p in config_plugins if p not in named_plugins]


def refusal(names: list[str]) -> str:
    listed = ", ".join(f"'{n}'" for n in names)
    return (f"the config names the plugin{'s' if len(names) > 1 else ''} {listed}: Python code from the repository, "
            f"which stratlint runs only when you trust it; pass {FLAG} or set {ENVIRONMENT}=1 "
            "(never in a workflow that checks others' pull requests), or name the plugin with --plugin")
