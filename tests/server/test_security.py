"""The server follows ``check``'s security model: a workspace's config
never makes it import code from the workspace unless the user opted in
outside the workspace (``--trust-plugins`` in the command the editor
runs, or STRATLINT_TRUST_PLUGINS=1); and what one document does to the
server never stops it serving the others."""
from __future__ import annotations

import pytest
from lsprotocol import types

from tests.server.editor import editor, span
from tests.server.plans import GOOD, line_of
from tests.test_plugins import MODULE, PACK

pytestmark = pytest.mark.asyncio

#: the README's example plugin, leaving a mark when it is imported
MARKED = "from pathlib import Path as _P\n(_P(__file__).parent.parent / 'imported.txt').write_text('imported')\n" + MODULE
OVER_BUDGET = GOOD.replace("stage: attention,", "stage: attention, budget: 9000,")


def workspace_with_plugin(root, module: str = MARKED, pack: str = PACK) -> None:
    (root / "team_rules").mkdir()
    (root / "team_rules" / "__init__.py").write_text(module)
    (root / "team_rules" / "acme.yaml").write_text(pack)
    (root / ".stratlint.yaml").write_text("plugins: [team_rules]\n")


async def test_a_workspace_config_imports_nothing_without_the_opt_in(tmp_path):
    workspace_with_plugin(tmp_path)
    # editor settings may come from the workspace itself (.vscode/settings.json): they grant nothing
    options = {"trustPlugins": True, "trust_plugins": True, "settings": {"trustPlugins": True}}
    async with editor(tmp_path, options=options, env={"STRATLINT_TRUST_PLUGINS": "0"}) as ed:
        uri = await ed.open("q3.strategy.yaml", OVER_BUDGET)
        assert await ed.diagnostics(uri) == []  # linted with the defaults
        (message,) = ed.client.messages
    assert not (tmp_path / "imported.txt").exists()
    assert message.type == types.MessageType.Warning
    assert message.message == (
        f"stratlint: {tmp_path / '.stratlint.yaml'}: names plugins (team_rules); the language server runs no "
        "code a workspace names unless it is started with --trust-plugins (or STRATLINT_TRUST_PLUGINS=1); "
        "linting with the defaults instead")


async def test_trust_plugins_on_the_command_line_loads_the_configs_plugin(tmp_path):
    workspace_with_plugin(tmp_path)
    async with editor(tmp_path, args=["--trust-plugins"]) as ed:
        uri = await ed.open("q3.strategy.yaml", OVER_BUDGET)
        (d,) = await ed.diagnostics(uri)
    assert (tmp_path / "imported.txt").read_text() == "imported"
    assert d.code == "ACME100" and d.message == "a budget of 9000 is above the 5000 a team may sign off alone"
    assert d.range == span(OVER_BUDGET, line_of(OVER_BUDGET, "budget: 9000"), "9000")
    assert d.code_description is None  # a plugin's rule: documented by 'stratlint explain', not the built-in page


#: a trusted plugin that breaks the pipeline for one file, as a bug would
BREAKS = '''
import stratlint.filters as _filters
from stratlint.plugin import Plugin

_apply = _filters.apply


def _broken(findings, *, path, **rest):
    if "boom" in path:
        raise RuntimeError("kaboom")
    return _apply(findings, path=path, **rest)


_filters.apply = _broken
plugin = Plugin()
'''


async def test_an_unexpected_error_in_one_document_is_logged_and_the_server_keeps_serving(tmp_path):
    workspace_with_plugin(tmp_path, BREAKS, "")
    (tmp_path / "team_rules" / "acme.yaml").unlink()
    async with editor(tmp_path, env={"STRATLINT_TRUST_PLUGINS": "1"}) as ed:
        boom = await ed.open("boom.strategy.yaml", GOOD, wait=False)
        uri = await ed.open("q3.strategy.yaml", GOOD.replace("    target: 70%\n", ""))
        assert [d.code for d in await ed.diagnostics(uri)] == ["SL202"]
        assert boom not in ed.client.diagnostics
        errors = [m.message for m in ed.client.log_messages if m.type == types.MessageType.Error]
        assert errors == [f"stratlint: internal error while linting {boom}: RuntimeError: kaboom (please report this)"]
        assert all("Traceback" not in m.message for m in ed.client.log_messages + ed.client.messages)
        # hover and code actions on the broken document answer nothing rather than fail
        assert await ed.hover(boom, types.Position(line=0, character=0)) is None
        assert await ed.actions(boom, types.Range(start=types.Position(line=0, character=0),
                                                  end=types.Position(line=0, character=0))) == []
        assert await ed.replace(uri, "    baseline: 61%\n", "    baseline: 61%\n    target: 70%\n") == []
