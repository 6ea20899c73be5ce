"""The editor setups the README and editors/vscode give start the server
as documented, and leave a workspace no say over what runs."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from tests.readme import block

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

VSCODE = Path(__file__).resolve().parent.parent.parent / "editors" / "vscode"


def test_the_helix_languages_toml_runs_stratlint_server_beside_the_usual_servers():
    config = tomllib.loads("[language-server.stratlint]\n" + block("[language-server.stratlint]"))
    assert config["language-server"]["stratlint"] == {"command": "stratlint", "args": ["server"]}
    assert {lang["name"]: lang["language-servers"] for lang in config["language"]} == {
        "yaml": ["yaml-language-server", "stratlint"], "json": ["vscode-json-language-server", "stratlint"]}


def test_the_neovim_snippets_run_stratlint_server():
    modern = block('vim.lsp.config("stratlint", {')  # the snippets without their first line
    older = block('vim.api.nvim_create_autocmd("FileType", {')
    for snippet in (modern, older):
        assert 'cmd = { "stratlint", "server" }' in snippet


def test_the_vscode_extension_starts_the_server_for_plans_with_machine_only_settings():
    manifest = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    settings = manifest["contributes"]["configuration"]["properties"]
    assert set(settings) == {"stratlint.path", "stratlint.args"}
    assert all(s["scope"] == "machine" for s in settings.values())  # not settable from .vscode/settings.json
    assert manifest["main"] == "./extension.js" and "vscode-languageclient" in manifest["dependencies"]
    source = (VSCODE / "extension.js").read_text(encoding="utf-8")
    assert 'const args = ["server", ...settings.get("args", [])];' in source
    assert re.search(r'pattern: "\*\*/\*\.strategy\.\{yaml,yml,json\}"', source)


def test_without_pygls_the_server_is_one_line_saying_what_to_install():
    import subprocess

    code = ("import sys; sys.modules['pygls'] = None; sys.argv = ['stratlint', 'server'];"
            "from stratlint.cli import main; main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("stratlint: error: the language server needs pygls and lsprotocol (")
    assert proc.stderr.endswith("install them with: pip install 'pygls>=2,<3'\n") and proc.stderr.count("\n") == 1
