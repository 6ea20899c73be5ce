"""``stratlint server``: a Language Server Protocol server over standard
input and output, so editors show findings while a plan is edited.

- :mod:`~stratlint.server.app`: the server (pygls): document events,
  debounced linting on a worker thread, hover and code actions;
- :mod:`~stratlint.server.configs`: the settings each plan is linted with
  (the one place the server resolves configuration; plugins only with
  ``--trust-plugins``);
- :mod:`~stratlint.server.linting`: one document through the lint function;
- :mod:`~stratlint.server.documents`: the open documents' text;
- :mod:`~stratlint.server.positions`: LSP positions, offsets and YAML places;
- :mod:`~stratlint.server.diagnostics`: findings as LSP diagnostics;
- :mod:`~stratlint.server.features`: the answers to hover and code-action
  requests, worked out on the lint thread;
- :mod:`~stratlint.server.hover`, :mod:`~stratlint.server.schema_help`:
  rule documentation and schema descriptions;
- :mod:`~stratlint.server.actions`, :mod:`~stratlint.server.edits`: code
  actions and the edits they make.
"""
from __future__ import annotations


def serve(*, trust_plugins: bool = False) -> None:
    """Serve one client on standard input and output until it exits."""
    from stratlint.server.app import build, quiet_logging
    from stratlint.config.trust import trusted_by_environment

    quiet_logging()
    build(trust_plugins=trust_plugins or trusted_by_environment()).start_io()
