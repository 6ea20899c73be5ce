"""``where``: a small, declarative test of one item, used by list checks.

    where:
      any:
        - {field: category, equals: vanity}
        - all:
            - {field: category, present: false}
            - {field: name, matches: vanity}    # a vocabulary of the rule's options

A test holds all its conditions (``present``, ``equals``, ``in``,
``below``, ``matches``) at once; ``all``, ``any`` and ``not`` combine tests.
``matches`` with ``near`` asks for a word of each vocabulary in one
sentence, at most ``within`` words apart (default 3), a word right
after a word of ``not_after`` not counting
(:func:`stratlint.checks.vocabulary.near`). ``class`` tests, instead of
a field, the item's class under one of the rule's ``classes``
(:func:`classify`).
``field`` is a dotted path inside the item (``.`` is the item itself);
``default`` stands in for a field that is absent (``{field: type,
equals: business, default: business}``). A value of the wrong type
satisfies no condition but ``present``.

A rule's ``classes`` option names classifiers:

    category:
      field: category                       # the plan says it: a value among `values`
      values: [outcome, engagement, awareness, vanity, activity]
      infer:                                # else the first test that holds gives the class
        - {class: outcome, where: {field: name, matches: outcome}}
        - {class: vanity, where: {field: name, matches: vanity}}

A value of ``field`` that is not among ``values`` (a typo the schema
reports, such as ``Vanity``) is read as no value: it never stands for a
class, and the class is inferred as if it were absent. When no test
holds, the item has no class (None): rules leave it out, never guess.
"""
from __future__ import annotations

from typing import Any

from stratlint.checks.vocabulary import compile_vocabulary, entries_for, near
from stratlint.document.values import field_value, is_empty

SCHEMA = {
    "type": "object",
    "properties": {
        "field": {"type": "string", "minLength": 1},
        "present": {"type": "boolean"},
        "equals": {"type": ["string", "number", "boolean"]},
        "in": {"type": "array", "items": {"type": ["string", "number", "boolean"]}},
        "below": {"type": "number"},
        "matches": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "near": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "within": {"type": "integer", "minimum": 0},
        "not_after": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "class": {"type": "string", "minLength": 1},
        "default": {},
        "all": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "any": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "not": {"$ref": "#/$defs/where"},
    },
    "additionalProperties": False,
    "minProperties": 1,
    "dependentRequired": {"near": ["matches"], "within": ["near"], "not_after": ["near"]},
}


_COMPILED: dict[int, tuple[object, object]] = {}


def vocabulary(spec: str | list, options: dict):
    """A vocabulary given inline (a list) or by name (``options['vocabularies']``)."""
    if isinstance(spec, str):
        entries = (options.get("vocabularies") or {}).get(spec)
        if entries is None:
            raise KeyError(f"the rule's options define no vocabulary named {spec!r}")
        spec = entries
    kept = _COMPILED.get(id(spec))  # the same list object: compiled once per run
    if kept is not None and kept[0] is spec:
        return kept[1]
    compiled = compile_vocabulary(tuple(entries_for(spec, "en")))  # not localized: a caller outside the engine
    if len(_COMPILED) > 4096:
        _COMPILED.clear()
    _COMPILED[id(spec)] = (spec, compiled)  # holds the list, so its id is not reused meanwhile
    return compiled


def holds(where: dict, item: Any, options: dict) -> bool:
    if "all" in where and not all(holds(w, item, options) for w in where["all"]):
        return False
    if "any" in where and not any(holds(w, item, options) for w in where["any"]):
        return False
    if "not" in where and holds(where["not"], item, options):
        return False
    if "class" in where:
        value = classify(item, where["class"], options)
    else:
        value = field_value(item, where.get("field", "."))
    if is_empty(value) and "default" in where:
        value = where["default"]
    if "present" in where and where["present"] == is_empty(value):
        return False
    if "equals" in where and not _same(value, where["equals"]):
        return False
    if "in" in where and not any(_same(value, v) for v in where["in"]):
        return False
    if "below" in where and not (isinstance(value, (int, float)) and not isinstance(value, bool)
                                 and value < where["below"]):
        return False
    if "near" in where:
        not_after = vocabulary(where["not_after"], options) if "not_after" in where else None
        if not near(value, vocabulary(where["matches"], options), vocabulary(where["near"], options),
                    where.get("within", 3), not_after):
            return False
    elif "matches" in where and not vocabulary(where["matches"], options).matches(value):
        return False
    return True


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    if isinstance(value, str) and isinstance(expected, str):
        return value == expected  # enum values are exact: 'Business' is no type (SL002 says so)
    return value == expected


CLASSES = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "field": {"type": "string", "minLength": 1},
            "values": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "infer": {"type": "array", "items": {
                "type": "object",
                "properties": {"class": {"type": "string", "minLength": 1}, "where": {"$ref": "#/$defs/where"}},
                "required": ["class", "where"], "additionalProperties": False}},
        },
        "dependentRequired": {"field": ["values"]},
        "additionalProperties": False,
    },
}


def classify(item: Any, name: str, options: dict) -> str | None:
    """The class of ``item`` under the classifier ``name`` of ``options['classes']``."""
    spec = (options.get("classes") or {}).get(name)
    if spec is None:
        raise KeyError(f"the rule's options define no class named {name!r}")
    if not isinstance(item, dict):
        return None
    if "field" in spec:
        value = field_value(item, spec["field"])
        if isinstance(value, str) and value in spec["values"]:
            return value
    for rule in spec.get("infer", ()):
        if holds(rule["where"], item, options):
            return rule["class"]
    return None
