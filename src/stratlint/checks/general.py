"""General check functions: each serves many rules, built-in and user-written.

Each asserts something about its target and reports where it does not
hold (as Spectral's functions do): ``present`` asserts that fields are
there, ``any_match`` that some item passes a ``where`` test, and so on.
List checks count only items that are mappings, and a check about every
item has nothing to say about an empty list.
"""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.where import SCHEMA as WHERE
from stratlint.checks.where import field_value, holds, is_empty, vocabulary

_DEFS = {"where": WHERE}
_VOCABS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
_FIELD = {"type": "string", "minLength": 1}
_WORDS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def quote(values) -> str:
    return ", ".join(f"'{str(v).strip()}'" for v in values)


def _items(value: Any) -> list[tuple[int, dict]]:
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _label(item: dict, index: int) -> str:
    for key in ("name", "id", "statement", "description"):
        if isinstance(item.get(key), str) and item[key].strip():
            return item[key]
    return f"item {index}"


def _list_at(target: Any, options: dict, ctx: Context) -> tuple[Any, str]:
    field = options.get("field")
    if not field:
        return target, ctx.pointer
    return field_value(target, field), ctx.child(*field.split("."))


@check("present", {
    "type": "object",
    "properties": {"field": _FIELD, "fields": {"type": "array", "items": _FIELD, "minItems": 1},
                   "all": {"type": "boolean"}},
    "additionalProperties": False,
})
def present(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping has each field, present and not empty.

    Options: ``field`` or ``fields``; with ``all: false``, one of the
    fields is enough. Reports at the mapping, with ``{field}`` (the first
    missing field) and ``{fields}`` (all of them).
    """
    if not isinstance(target, dict):
        return
    fields = options.get("fields") or [options["field"]]
    missing = [f for f in fields if is_empty(field_value(target, f))]
    if options.get("all", True):
        for f in missing:
            yield Hit(ctx.pointer, {"field": f, "fields": quote(missing), "id": target.get("id", "")})
    elif len(missing) == len(fields):
        yield Hit(ctx.pointer, {"field": missing[0], "fields": quote(missing), "id": target.get("id", "")})


@check("absent", {"type": "object", "properties": {"field": _FIELD}, "required": ["field"],
                  "additionalProperties": False})
def absent(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping does not have ``field``; reports at the field's key."""
    if isinstance(target, dict) and not is_empty(field_value(target, options["field"])):
        yield Hit(ctx.child(*options["field"].split(".")), {"field": options["field"]}, at="key")


@check("nonblank", {"type": "object", "additionalProperties": False})
def nonblank(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the target value is not empty (null, blank text, [] or {})."""
    if is_empty(target):
        yield Hit(ctx.pointer, {})


@check("vocabulary", {
    "type": "object",
    "properties": {"words": _WORDS, "field": _FIELD, "mode": {"enum": ["forbid", "require"]},
                   "vocabularies": _VOCABS},
    "required": ["words"],
    "additionalProperties": False,
})
def vocabulary_check(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that text uses none (``mode: forbid``, the default) or some
    (``mode: require``) of a vocabulary's words.

    ``words`` is a list, or the name of one of ``vocabularies``. With
    ``field``, the target is a mapping and the text is that field.
    Reports at the text, with ``{matches}`` and ``{value}``.
    """
    text, pointer = _list_at(target, options, ctx)
    if not isinstance(text, str):
        return
    found = vocabulary(options["words"], options).find_all(text)
    if options.get("mode", "forbid") == "forbid" and found:
        yield Hit(pointer, {"matches": quote(found), "value": text})
    elif options.get("mode") == "require" and not found:
        yield Hit(pointer, {"value": text})


@check("enumeration", {
    "type": "object",
    "properties": {"values": {"type": "array", "minItems": 1}, "mode": {"enum": ["forbid", "allow"]}},
    "required": ["values"],
    "additionalProperties": False,
})
def enumeration(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a value is one of ``values`` (``mode: allow``) or none of
    them (``mode: forbid``, the default); text compares case-insensitively
    and without surrounding white space. Reports at the value."""
    if isinstance(target, (dict, list)) or target is None:
        return

    def norm(v):
        return v.strip().casefold() if isinstance(v, str) else v

    hit = norm(target) in {norm(v) for v in options["values"] if not isinstance(v, (dict, list))}
    if hit == (options.get("mode", "forbid") == "forbid"):
        yield Hit(ctx.pointer, {"value": target})


@check("all_match", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS},
    "required": ["where"], "additionalProperties": False,
})
def all_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that every item of a list passes ``where``; reports each item
    that does not, with ``{label}`` (its name or id) and ``{id}``."""
    items, pointer = _list_at(target, options, ctx)
    for i, item in _items(items):
        if not holds(options["where"], item, options):
            yield Hit(f"{pointer}/{i}", {"label": _label(item, i), "id": item.get("id", "")})


@check("none_match", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS},
    "required": ["where"], "additionalProperties": False,
})
def none_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that no item of a list passes ``where``; reports each item that does."""
    items, pointer = _list_at(target, options, ctx)
    for i, item in _items(items):
        if holds(options["where"], item, options):
            yield Hit(f"{pointer}/{i}", {"label": _label(item, i), "id": item.get("id", "")})


@check("any_match", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS,
                   "when_empty": {"enum": ["pass", "fail"]}},
    "required": ["where"], "additionalProperties": False,
})
def any_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that at least one item of a list passes ``where``.

    An empty or absent list passes, unless ``when_empty: fail``. Reports
    once, at the list's key, with ``{labels}`` (the items' names) and
    ``{count}``.
    """
    items, pointer = _list_at(target, options, ctx)
    mappings = _items(items)
    if not mappings and options.get("when_empty", "pass") == "pass":
        return
    if any(holds(options["where"], item, options) for _, item in mappings):
        return
    labels = quote(_label(item, i) for i, item in mappings)
    if is_empty(items):  # an empty list is an absent one: report where it would stand
        pointer = ctx.pointer
    yield Hit(pointer, {"labels": labels, "count": len(mappings)}, at="key")


@check("count", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS,
                   "min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 0}},
    "anyOf": [{"required": ["min"]}, {"required": ["max"]}], "additionalProperties": False,
})
def count(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a list holds between ``min`` and ``max`` items (that pass
    ``where``, if given); reports at the list's key with ``{count}``."""
    items, pointer = _list_at(target, options, ctx)
    where = options.get("where")
    n = sum(1 for _, item in _items(items) if where is None or holds(where, item, options))
    if n < options.get("min", 0) or ("max" in options and n > options["max"]):
        yield Hit(pointer, {"count": n, "min": options.get("min", 0), "max": options.get("max", "")}, at="key")


@check("ratio", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS,
                   "max": {"type": "number", "minimum": 0, "maximum": 1},
                   "min": {"type": "number", "minimum": 0, "maximum": 1},
                   "weight": _FIELD},
    "required": ["where"], "additionalProperties": False,
})
def ratio(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the share of a list's items that pass ``where`` is at most
    ``max`` (or at least ``min``). With ``weight``, each item counts by that
    numeric field instead of 1. Reports at the list's key with ``{percent}``."""
    items, pointer = _list_at(target, options, ctx)
    total = part = 0.0
    for _, item in _items(items):
        w = field_value(item, options["weight"]) if "weight" in options else 1
        if isinstance(w, bool) or not isinstance(w, (int, float)) or w < 0:
            continue
        total += w
        if holds(options["where"], item, options):
            part += w
    if not total:
        return
    share = part / total
    if share > options.get("max", 1) or share < options.get("min", 0):
        yield Hit(pointer, {"percent": f"{share:.0%}"}, at="key")
