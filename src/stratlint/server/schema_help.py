"""What the plan schema says about a key or a value, for hover.

The schema (``schemas/strategy-v1.schema.json``) is walked along a path
of keys and list indexes: ``properties``, ``patternProperties``,
``additionalProperties``, ``items`` and ``prefixItems``, through local
``$ref``s and ``allOf``/``anyOf``/``oneOf``/``then``/``else``. The text
shown is read generically: ``markdownDescription``, else
``description``, with ``title`` as a heading, from the place that names
the key first and from what it refers to next. A value's own help comes
from a ``oneOf``/``anyOf`` branch whose ``const`` is that value, or from
``markdownEnumDescriptions``/``enumDescriptions`` beside an ``enum``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from stratlint.resources import load_schema

PLAN_SCHEMA = "strategy-v1.schema.json"
_MAX_STEPS = 64  # $ref and combinator hops followed per step; the schema is ours, but stay bounded


def key_help(path: list[str | int]) -> str | None:
    """Markdown for the key at the end of ``path`` (keys and list indexes)."""
    return _describe(_at(tuple(path)))


def value_help(path: list[str | int], value: object) -> str | None:
    """Markdown for one value of the key at ``path``, where the schema
    describes that value in particular."""
    for schema in _at(tuple(path)):
        for branch in schema.get("oneOf", []) + schema.get("anyOf", []):
            if isinstance(branch, dict) and "const" in branch and branch["const"] == value:
                text = _describe([branch])
                if text:
                    return text
        enum = schema.get("enum")
        if isinstance(enum, list) and value in enum:
            for key in ("markdownEnumDescriptions", "enumDescriptions"):
                texts = schema.get(key)
                if isinstance(texts, list) and enum.index(value) < len(texts) and isinstance(texts[enum.index(value)], str):
                    return texts[enum.index(value)]
    return None


@lru_cache(maxsize=512)
def _at(path: tuple) -> list[dict]:
    """Every schema that applies at ``path``, nearest first."""
    root = load_schema(PLAN_SCHEMA)
    current = _expand(root, root)
    for token in path:
        following: list[dict] = []
        for schema in current:
            for child in _children(schema, token):
                following.extend(s for s in _expand(child, root) if s not in following)
        current = following
        if not current:
            break
    return current


def _children(schema: dict, token: str | int) -> list[dict]:
    out = []
    if isinstance(token, int):
        prefix = schema.get("prefixItems")
        if isinstance(prefix, list) and token < len(prefix) and isinstance(prefix[token], dict):
            out.append(prefix[token])
        elif isinstance(schema.get("items"), dict):
            out.append(schema["items"])
        return out
    props = schema.get("properties")
    if isinstance(props, dict) and isinstance(props.get(token), dict):
        return [props[token]]
    for pattern, sub in (schema.get("patternProperties") or {}).items():
        try:
            if isinstance(sub, dict) and re.search(pattern, token):
                out.append(sub)
        except re.error:
            continue
    if not out and isinstance(schema.get("additionalProperties"), dict):
        out.append(schema["additionalProperties"])
    return out


def _expand(schema: dict, root: dict) -> list[dict]:
    """``schema`` and what it stands for: its ``$ref`` and combinator branches."""
    out: list[dict] = []
    todo = [schema]
    while todo and len(out) < _MAX_STEPS:
        s = todo.pop(0)
        if not isinstance(s, dict) or any(s is seen for seen in out):
            continue
        out.append(s)
        ref = s.get("$ref")
        if isinstance(ref, str):
            target = _resolve(ref, root)
            if target is not None:
                todo.append(target)
        for key in ("allOf", "anyOf", "oneOf"):
            branches = s.get(key)
            if isinstance(branches, list):
                todo.extend(b for b in branches if isinstance(b, dict) and "const" not in b)
        todo.extend(s[k] for k in ("then", "else") if isinstance(s.get(k), dict))
    return out


def _resolve(ref: str, root: dict) -> dict | None:
    if not ref.startswith("#"):
        return None  # only this schema's own definitions
    node: object = root
    for part in ref[1:].split("/")[1:] if ref != "#" else []:
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node if isinstance(node, dict) else None


def _describe(schemas: list[dict]) -> str | None:
    """The first description, under the title of the same schema or of the
    one that names the key (a title on a shared definition such as "Text"
    would say nothing about this key)."""
    for s in schemas:
        text = next((s[k] for k in ("markdownDescription", "description") if isinstance(s.get(k), str)), None)
        if text is not None:
            title = s.get("title") if isinstance(s.get("title"), str) else schemas[0].get("title")
            return f"**{title}**\n\n{text}" if isinstance(title, str) and title else text
    title = schemas[0].get("title") if schemas else None
    return f"**{title}**" if isinstance(title, str) and title else None
