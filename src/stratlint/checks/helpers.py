"""Helpers shared by check functions (and plugin authors' own).

- :func:`mapping_items`: the items of a list that are mappings, with their index;
- :func:`item_label`: how a message names an item (its name, id, statement...);
- :func:`list_at`: the list a check looks at (the target, or its ``field``);
- :func:`field_value`: a dotted field inside a mapping (from :mod:`stratlint.document.values`);
- :func:`quote`, :func:`quoted`: values quoted for a message (long lists cut
  with "and N more", long values shortened, quotes that never double);
- :func:`amount`: a number for a message, with thousands separators and a currency;
- the JSON Schema pieces check functions' option schemas are made of.
"""
from __future__ import annotations

from typing import Any

from stratlint.checks import Context
from stratlint.checks.where import CLASSES
from stratlint.checks.where import SCHEMA as _WHERE
from stratlint.document.pointer import child
from stratlint.document.values import field_value
from stratlint.limits import EXCERPT

#: option schemas
FIELD = {"type": "string", "minLength": 1}
POINTER = {"type": "string", "pattern": "^(/[^/]*)*$"}
TEXTS = {"type": "array", "items": {"type": "string"}}
WORDS = {"anyOf": [{"type": "string"}, TEXTS]}
LANGUAGE = {"type": "string", "pattern": "^[a-z]{2,3}$"}
#: a vocabulary: one list for every language, or one list per language (``{en: [...], fr: [...]}``)
VOCABULARY = {"anyOf": [TEXTS, {"type": "object", "propertyNames": LANGUAGE, "additionalProperties": TEXTS,
                                "minProperties": 1}]}
VOCABS = {"type": "object", "additionalProperties": VOCABULARY}
WHERE_DEFS = {"where": _WHERE}

#: how many values a message lists before "and N more"; how long a value it shows
LIST_LIMIT = 5
TEXT_LIMIT = EXCERPT  # as every message (stratlint.limits)


def shorten(text: str) -> str:
    """A value as a message shows it: stripped, on one line, at most TEXT_LIMIT characters."""
    raw = str(text).strip()
    text = " ".join(raw[:TEXT_LIMIT * 4].split())  # a bounded window: a huge value costs no more
    if len(text) <= TEXT_LIMIT and len(raw) <= TEXT_LIMIT * 4:
        return text
    return text[:TEXT_LIMIT - 1].rstrip() + "\u2026"


def quoted(value) -> str:
    """One value in quotes that do not clash with its own: 'a', "it's", \u201cboth ' and "\u201d."""
    text = shorten(value)
    if "'" not in text:
        return f"'{text}'"
    return f'"{text}"' if '"' not in text else f"\u201c{text}\u201d"


def quote(values, limit: int = LIST_LIMIT) -> str:
    """Values quoted and joined for a message; past ``limit``, "and N more"."""
    values = list(values)
    shown = ", ".join(quoted(v) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


def amount(value, currency: object = None) -> str:
    """A number as marketers write it: ``GBP 42,000``, ``1,250.50``, ``70%`` left as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value).strip()
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{currency.strip()} {text}" if isinstance(currency, str) and currency.strip() else text


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


__all__ = ["CLASSES", "FIELD", "POINTER", "TEXTS", "VOCABS", "WHERE_DEFS", "WORDS", "amount", "field_value",
           "item_label", "list_at", "mapping_items", "quote", "quoted", "shorten"]
