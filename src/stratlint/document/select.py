"""``given`` paths: JSON Pointers in which a ``*`` token stands for every
key of a mapping or every index of a list (``/tactics/*/channel``)."""
from __future__ import annotations

from typing import Any

from stratlint.document.pointer import child, escape, split


def select(data: Any, path: str) -> list[tuple[str, Any]]:
    """``(pointer, value)`` for every value ``path`` reaches, in document order."""
    reached = [("", data)]
    for token in split(path):  # one level at a time: each keeps the order of the one above
        below: list[tuple[str, Any]] = []
        step = "/" + escape(token)
        for pointer, value in reached:
            if isinstance(value, dict):
                if token == "*":
                    below.extend([(child(pointer, key), item) for key, item in value.items()])
                elif token in value:
                    below.append((pointer + step, value[token]))
            elif isinstance(value, list):
                if token == "*":
                    below.extend([(f"{pointer}/{index}", item) for index, item in enumerate(value)])
                elif token.isdigit() and int(token) < len(value):
                    below.append((child(pointer, token), value[int(token)]))
        reached = below
    return reached
