"""Helpers shared by the test modules: run the command line as a user
would, and write the files a case needs."""
from __future__ import annotations

import textwrap
from pathlib import Path

from click.testing import CliRunner, Result

from stratlint.cli import cli


def run_cli(args: list[str], *, input: str | bytes | None = None, env: dict | None = None) -> Result:
    """Invoke ``stratlint ARGS`` in-process. Whatever the outcome, no traceback
    reaches the user and nothing but an exit escapes the command."""
    result = CliRunner().invoke(cli, args, input=input, env=env)
    assert "Traceback" not in result.stderr
    assert "Traceback" not in result.stdout
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def write(path: str | Path, text: str, *, dedent: bool = True) -> Path:
    """Write ``text`` (dedented, so cases can be indented in the test) to
    ``path``, creating its folders."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text) if dedent else text, encoding="utf-8")
    return path
