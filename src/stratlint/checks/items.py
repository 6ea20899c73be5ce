"""Check functions about the items of a list, each tested with ``where``.

Each asserts something of a list's items (as Spectral's functions do):
``all_match`` that every item passes a test, ``any_match`` that some item
does, ``count`` and ``ratio`` how many do. Only items that are mappings
count, and a check about every item has nothing to say about an empty list."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import CLASSES, FIELD, VOCABS, WHERE_DEFS, field_value, item_label, list_at, mapping_items, quote
from stratlint.checks.where import classify, compiled
from stratlint.document.pointer import child
from stratlint.document.values import is_empty


@check("all_match", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES},
    "required": ["where"], "additionalProperties": False,
})
def all_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that every item of a list passes ``where``; reports each item
    that does not, with ``{label}`` (its name or id) and ``{id}``."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    for i, item in mapping_items(items):
        if not passes(item):
            yield Hit(child(pointer, i), {"label": item_label(item, i), "id": item.get("id", "")})


@check("none_match", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES},
    "required": ["where"], "additionalProperties": False,
})
def none_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that no item of a list passes ``where``; reports each item that does."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    for i, item in mapping_items(items):
        if passes(item):
            yield Hit(child(pointer, i), {"label": item_label(item, i), "id": item.get("id", "")})


@check("none_match_at", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "report": FIELD, "class": FIELD},
    "required": ["where", "report"], "additionalProperties": False,
})
def none_match_at(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Like ``none_match``, but reports each item that passes ``where`` at
    its ``report`` field (at the item when that field is absent), with
    ``{label}``, ``{id}`` and ``{value}`` (the field's value). With
    ``class`` (one of the rule's ``classes``), the item's class is
    ``{class}`` and picks the message variant."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    for i, item in mapping_items(items):
        if passes(item):
            report = options["report"]
            cls = classify(item, options["class"], options) if "class" in options else None
            yield Hit(child(pointer, i, *report.split(".")),
                      {"label": item_label(item, i), "id": item.get("id", ""), "value": field_value(item, report),
                       "class": cls or ""}, variant=cls)


@check("any_match", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "when_empty": {"enum": ["pass", "fail"]}},
    "required": ["where"], "additionalProperties": False,
})
def any_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that at least one item of a list passes ``where``.

    An empty or absent list passes, unless ``when_empty: fail``. Reports
    once, at the list's key, with ``{labels}`` (the items' names) and
    ``{count}``.
    """
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    mappings = mapping_items(items)
    if not mappings and options.get("when_empty", "pass") == "pass":
        return
    if any(passes(item) for _, item in mappings):
        return
    labels = quote(item_label(item, i) for i, item in mappings)
    if is_empty(items):  # an empty list is an absent one: report where it would stand
        pointer = ctx.pointer
    yield Hit(pointer, {"labels": labels, "count": len(mappings)}, at="key")


@check("any_match_if", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "if": {"$ref": "#/$defs/where"}, "where": {"$ref": "#/$defs/where"},
                   "vocabularies": VOCABS, "classes": CLASSES},
    "required": ["if", "where"], "additionalProperties": False,
})
def any_match_if(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that when some item of a list passes ``if``, some item passes
    ``where``. Reports once, at the list's key, with ``{labels}`` and
    ``{count}`` of the items that pass ``if``."""
    items, pointer = list_at(target, options, ctx)
    applies, passes = compiled(options["if"], options), compiled(options["where"], options)
    mappings = mapping_items(items)
    found = [item_label(item, i) for i, item in mappings if applies(item)]
    if found and not any(passes(item) for _, item in mappings):
        yield Hit(pointer, {"labels": quote(found), "count": len(found)}, at="key")


@check("every_match", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "text": FIELD},
    "required": ["where"], "additionalProperties": False,
})
def every_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report once, at the list's key, when every item of a list passes
    ``where`` (the opposite of ``any_match``). With ``text``, only items
    whose ``text`` field is present text count. Needs at least one item
    that counts. Values: ``{labels}`` and ``{count}``."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    counted = [(i, item) for i, item in mapping_items(items)
               if "text" not in options or _is_text(field_value(item, options["text"]))]
    if counted and all(passes(item) for _, item in counted):
        yield Hit(pointer, {"labels": quote(item_label(item, i) for i, item in counted), "count": len(counted)},
                  at="key")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and not is_empty(value)


@check("count", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "min": {"type": "integer", "minimum": 0}, "max": {"type": "integer", "minimum": 0}},
    "anyOf": [{"required": ["min"]}, {"required": ["max"]}], "additionalProperties": False,
})
def count(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a list holds between ``min`` and ``max`` items (that pass
    ``where``, if given); reports at the list's key with ``{count}``."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options) if "where" in options else None
    n = sum(1 for _, item in mapping_items(items) if passes is None or passes(item))
    if n < options.get("min", 0) or ("max" in options and n > options["max"]):
        yield Hit(pointer, {"count": n, "min": options.get("min", 0), "max": options.get("max", "")}, at="key")


@check("ratio", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "max": {"type": "number", "minimum": 0, "maximum": 1},
                   "min": {"type": "number", "minimum": 0, "maximum": 1},
                   "weight": FIELD},
    "required": ["where"], "additionalProperties": False,
})
def ratio(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the share of a list's items that pass ``where`` is at most
    ``max`` (or at least ``min``). With ``weight``, each item counts by that
    numeric field instead of 1. Reports at the list's key with ``{percent}``."""
    items, pointer = list_at(target, options, ctx)
    passes = compiled(options["where"], options)
    total = part = 0.0
    for _, item in mapping_items(items):
        w = field_value(item, options["weight"]) if "weight" in options else 1
        if isinstance(w, bool) or not isinstance(w, (int, float)) or w < 0:
            continue
        total += w
        if passes(item):
            part += w
    if not total:
        return
    share = part / total
    if share > options.get("max", 1) or share < options.get("min", 0):
        yield Hit(pointer, {"percent": f"{share:.0%}"}, at="key")


@check("coverage", {
    "type": "object",
    "properties": {"field": FIELD, "key": FIELD, "values": {"type": "array", "items": FIELD, "minItems": 1}},
    "required": ["key", "values"], "additionalProperties": False,
})
def coverage(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that, once some item of a list gives ``key`` (as text), the
    items together give every one of ``values`` (exactly, as the plan's
    enums are written: ``Attention`` is no stage and covers nothing). Reports at the list's key with ``{missing}``
    (the values no item gives, in the order of ``values``) and ``{count}``."""
    items, pointer = list_at(target, options, ctx)
    given = {v for _, item in mapping_items(items)
             if isinstance(v := field_value(item, options["key"]), str) and v.strip()}
    if not given:
        return
    missing = [v for v in options["values"] if v not in given]
    if missing:
        yield Hit(pointer, {"missing": quote(missing), "count": len(missing)}, at="key")
