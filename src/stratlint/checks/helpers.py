"""Helpers shared by check functions (and plugin authors' own).

- :func:`mapping_items`: the items of a list that are mappings, with their index;
- :func:`item_label`: how a message names an item (its name, id, statement...);
- :func:`list_at`: the list a check looks at (the target, or its ``field``);
- :func:`field_value`: a dotted field inside a mapping (from :mod:`stratlint.document.values`);
- :func:`quote`: values quoted for a message;
- the JSON Schema pieces check functions' option schemas are made of.
"""
from __future__ import annotations

from typing import Any

from stratlint.checks import Context
from stratlint.checks.where import SCHEMA as _WHERE
from stratlint.document.pointer import child
from stratlint.document.values import field_value

#: option schemas
FIELD = {"type": "string", "minLength": 1}
POINTER = {"type": "string", "pattern": "^(/[^/]*)*$"}
TEXTS = {"type": "array", "items": {"type": "string"}}
WORDS = {"anyOf": [{"type": "string"}, TEXTS]}
VOCABS = {"type": "object", "additionalProperties": TEXTS}
WHERE_DEFS = {"where": _WHERE}


def quote(values) -> str:
    return ", ".join(f"'{str(v).strip()}'" for v in values)


def mapping_items(value: Any) -> list[tuple[int, dict]]:
    """``(index, item)`` for the items of a list that are mappings; [] for anything but a list."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def item_label(item: dict, index: int) -> str:
    for key in ("name", "id", "statement", "description"):
        if isinstance(item.get(key), str) and item[key].strip():
            return item[key]
    return f"item {index}"


def list_at(target: Any, options: dict, ctx: Context) -> tuple[Any, str]:
    """The value a list check looks at, and its pointer: the target, or its ``field`` option."""
    field = options.get("field")
    if not field:
        return target, ctx.pointer
    return field_value(target, field), child(ctx.pointer, *field.split("."))


__all__ = ["FIELD", "POINTER", "TEXTS", "VOCABS", "WHERE_DEFS", "WORDS", "field_value", "item_label", "list_at",
           "mapping_items", "quote"]
