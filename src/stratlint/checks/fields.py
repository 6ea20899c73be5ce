"""Check functions about the fields of a mapping: present, absent, filled in.

An absent field and an empty one (null, blank text, [] or {}) are alike
(:func:`stratlint.document.values.is_empty`); a placeholder is present."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import FIELD, WHERE_DEFS, field_value, mapping_items, quote
from stratlint.checks.where import holds
from stratlint.document.values import is_empty


@check("present", {
    "type": "object",
    "properties": {"field": FIELD, "fields": {"type": "array", "items": FIELD, "minItems": 1},
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


@check("absent", {"type": "object", "properties": {"field": FIELD}, "required": ["field"],
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


@check("all_present", {
    "type": "object",
    "properties": {"fields": {"type": "array", "items": FIELD, "minItems": 1}},
    "required": ["fields"],
    "additionalProperties": False,
})
def all_present(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping has every one of ``fields``, present and not
    empty. Reports once, at the mapping, with ``{fields}`` (every missing
    field, in the order given) and ``{count}``."""
    if not isinstance(target, dict):
        return
    missing = [f for f in options["fields"] if is_empty(field_value(target, f))]
    if missing:
        yield Hit(ctx.pointer, {"fields": quote(missing), "count": len(missing)})


@check("section_fields", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "fields": {"type": "array", "items": FIELD, "minItems": 1},
                   "all": {"type": "boolean"}, "when_absent": {"enum": ["pass", "fail"]},
                   "when": {"$ref": "#/$defs/where"}},
    "required": ["field", "fields"],
    "additionalProperties": False,
})
def section_fields(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the section ``field`` (a mapping) is there and has ``fields``.

    An absent or empty section is reported at the target with the variant
    ``absent`` (unless ``when_absent: pass``); a section missing its fields
    (every one, or with ``all: false`` all of them) at the section's key
    with the variant ``incomplete``, ``{fields}`` naming the missing ones.
    With ``when`` (a ``where`` test of the section), a section that does
    not pass it is not judged. A section that is not a mapping is left to
    the schema.
    """
    if not isinstance(target, dict):
        return
    name, fields = options["field"], options["fields"]
    section = field_value(target, name)
    if is_empty(section):
        if options.get("when_absent", "fail") == "fail":
            yield Hit(ctx.pointer, {"section": name, "fields": quote(fields)}, variant="absent")
        return
    if not isinstance(section, dict) or ("when" in options and not holds(options["when"], section, options)):
        return
    missing = [f for f in fields if is_empty(field_value(section, f))]
    if missing and (options.get("all", True) or len(missing) == len(fields)):
        yield Hit(ctx.child(*name.split(".")), {"section": name, "field": missing[0], "fields": quote(missing)},
                  at="key", variant="incomplete")


@check("needs_items", {
    "type": "object",
    "properties": {"field": FIELD, "when": FIELD},
    "required": ["field", "when"], "additionalProperties": False,
})
def needs_items(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that ``field`` is present (not empty) whenever the list at
    ``when`` holds an item (both dotted paths in the target; only mapping
    items count on the ``when`` side, and any value that is not empty,
    a placeholder included, is present). Reports at the target, with
    ``{count}`` (the ``when`` items)."""
    if not isinstance(target, dict):
        return
    when = mapping_items(field_value(target, options["when"]))
    if when and is_empty(field_value(target, options["field"])):
        yield Hit(ctx.pointer, {"count": len(when)})
