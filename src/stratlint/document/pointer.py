"""JSON Pointers (RFC 6901) and the human-readable paths used in messages."""
from __future__ import annotations

from typing import Iterable


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def from_parts(parts: Iterable[str | int]) -> str:
    """``['kpis', 0]`` -> ``/kpis/0``."""
    return "".join("/" + escape(str(p)) for p in parts)


def child(pointer: str, *tokens: str | int) -> str:
    """``child('/kpis', 0, 'name')`` -> ``/kpis/0/name``.

    Walks call it for every value they pass, so one token, the usual case,
    takes a short way."""
    if len(tokens) == 1:
        token = tokens[0]
        if token.__class__ is int:
            return f"{pointer}/{token}"
        token = str(token)
        return f"{pointer}/{escape(token) if '~' in token or '/' in token else token}"
    return pointer + from_parts(tokens)


def from_path(path: tuple) -> str:
    """A path built while walking, ``(((), 'kpis'), 0)``, -> ``/kpis/0``.

    Walks build these linked pairs (cheap to extend) and turn one into a
    pointer only for the rare value that needs reporting."""
    tokens = []
    while path:
        path, token = path
        tokens.append(token)
    return from_parts(reversed(tokens))


def split(pointer: str) -> list[str]:
    if not pointer:
        return []
    if not pointer.startswith("/"):
        raise ValueError(f"a JSON pointer starts with '/': {pointer!r}")
    return [unescape(t) for t in pointer[1:].split("/")]


def parent(pointer: str) -> str:
    return pointer[: pointer.rfind("/")] if pointer else ""


def human(parts: Iterable[str | int]) -> str:
    """``['objectives', 2, 'kpis']`` -> ``objectives[2].kpis`` (indexes count from 0)."""
    out = ""
    for p in parts:
        if isinstance(p, int):
            out += f"[{p}]"
        else:
            out += f".{p}" if out else str(p)
    return out
