"""``where``: a small, declarative test of one item, used by list checks.

    where:
      any:
        - {field: category, equals: vanity}
        - all:
            - {field: category, present: false}
            - {field: name, matches: vanity}    # a vocabulary of the rule's options

A test holds all its conditions (``present``, ``equals``, ``in``,
``matches``) at once; ``all``, ``any`` and ``not`` combine tests.
``field`` is a dotted path inside the item (``.`` is the item itself);
``default`` stands in for a field that is absent (``{field: type,
equals: business, default: business}``). A value of the wrong type
satisfies no condition but ``present``.
"""
from __future__ import annotations

from typing import Any

from stratlint.checks.vocabulary import compile_vocabulary
from stratlint.document.values import field_value, is_empty

SCHEMA = {
    "type": "object",
    "properties": {
        "field": {"type": "string", "minLength": 1},
        "present": {"type": "boolean"},
        "equals": {"type": ["string", "number", "boolean"]},
        "in": {"type": "array", "items": {"type": ["string", "number", "boolean"]}},
        "matches": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "default": {},
        "all": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "any": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "not": {"$ref": "#/$defs/where"},
    },
    "additionalProperties": False,
    "minProperties": 1,
}


def vocabulary(spec: str | list, options: dict):
    """A vocabulary given inline (a list) or by name (``options['vocabularies']``)."""
    if isinstance(spec, str):
        entries = (options.get("vocabularies") or {}).get(spec)
        if entries is None:
            raise KeyError(f"the rule's options define no vocabulary named {spec!r}")
        spec = entries
    return compile_vocabulary(tuple(spec))


def holds(where: dict, item: Any, options: dict) -> bool:
    if "all" in where and not all(holds(w, item, options) for w in where["all"]):
        return False
    if "any" in where and not any(holds(w, item, options) for w in where["any"]):
        return False
    if "not" in where and holds(where["not"], item, options):
        return False
    value = field_value(item, where.get("field", "."))
    if is_empty(value) and "default" in where:
        value = where["default"]
    if "present" in where and where["present"] == is_empty(value):
        return False
    if "equals" in where and not _same(value, where["equals"]):
        return False
    if "in" in where and not any(_same(value, v) for v in where["in"]):
        return False
    if "matches" in where and not vocabulary(where["matches"], options).matches(value):
        return False
    return True


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    if isinstance(value, str) and isinstance(expected, str):
        return value == expected  # enum values are exact: 'Business' is no type (SL002 says so)
    return value == expected
