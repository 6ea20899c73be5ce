"""JSON Pointers (RFC 6901) and the human-readable paths used in messages."""
from __future__ import annotations

from typing import Iterable


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, token: str | int) -> str:
    return f"{pointer}/{escape(str(token))}"


def from_parts(parts: Iterable[str | int]) -> str:
    return "".join("/" + escape(str(p)) for p in parts)


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
