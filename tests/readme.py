"""Code blocks of the README, so tests can prove the documented snippets work."""
from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def block(first_line: str) -> str:
    """The fenced code block of README.md whose first line is ``first_line``, without that line."""
    for match in re.finditer(r"```[a-z]*\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        body = match.group(1)
        if body.startswith(first_line + "\n"):
            return body[len(first_line) + 1:]
    raise LookupError(f"README.md has no code block starting with {first_line!r}")
