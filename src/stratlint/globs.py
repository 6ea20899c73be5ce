"""Path patterns for ``exclude`` and ``per-file-ignores``."""
from __future__ import annotations

import re


def glob_regex(pattern: str) -> re.Pattern:
    """A glob over '/'-separated paths: ``*`` and ``?`` stay in one folder, ``**`` spans folders.
    A pattern without '/' matches a file name in any folder."""
    if "/" not in pattern:
        pattern = "**/" + pattern
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")
