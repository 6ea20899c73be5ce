"""``given`` paths: JSON Pointers in which a ``*`` token stands for every
key of a mapping or every index of a list (``/tactics/*/channel``)."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.document.pointer import child, split


def select(data: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Yield ``(pointer, value)`` for every value ``path`` reaches, in document order."""
    yield from _walk(data, split(path), 0, "")


def _walk(value: Any, tokens: list[str], i: int, pointer: str) -> Iterator[tuple[str, Any]]:
    if i == len(tokens):
        yield pointer, value
        return
    token = tokens[i]
    if isinstance(value, dict):
        if token == "*":
            for key, item in value.items():
                yield from _walk(item, tokens, i + 1, child(pointer, key))
        elif token in value:
            yield from _walk(value[token], tokens, i + 1, child(pointer, token))
    elif isinstance(value, list):
        if token == "*":
            for index, item in enumerate(value):
                yield from _walk(item, tokens, i + 1, child(pointer, index))
        elif token.isdigit() and int(token) < len(value):
            yield from _walk(value[int(token)], tokens, i + 1, child(pointer, token))
