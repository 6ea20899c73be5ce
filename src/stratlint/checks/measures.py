"""Check functions for the objectives, KPIs and audience rules.

They are general: each says something about the items of a list (or two
lists) that the functions of :mod:`stratlint.checks.general` cannot, and
serves user rules as well as the built-in ones.
"""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.general import _items, _label, _list_at, quote
from stratlint.checks.where import SCHEMA as WHERE
from stratlint.checks.where import field_value, holds, is_empty
from stratlint.document.pointer import escape

_DEFS = {"where": WHERE}
_VOCABS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
_FIELD = {"type": "string", "minLength": 1}
_PATH = {"type": "string", "pattern": "^(/[^/]*)*$"}


def _refs(value: Any) -> list[str]:
    """The ids a reference holds: a text, or the texts of a list."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


@check("linked", {
    "type": "object",
    "properties": {"field": _FIELD, "to": _PATH, "ref": _FIELD, "back": _FIELD},
    "required": ["to", "ref", "back"], "additionalProperties": False,
})
def linked(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that every item of a list is linked to an item of the list at
    ``to``: its own ``ref`` names the id of an item there, or the ``back``
    of an item there names its id. A reference is a text or a list of
    texts; an id that no item defines links nothing. Reports each unlinked
    item, with ``{label}`` and ``{id}``."""
    items, pointer = _list_at(target, options, ctx)
    known = ctx.ids(options["to"])
    backs: set[str] = set()
    for _, other in _items(ctx.lookup(options["to"])):
        backs.update(_refs(other.get(options["back"])))
    for i, item in _items(items):
        own = item.get("id")
        if any(r in known for r in _refs(item.get(options["ref"]))):
            continue
        if isinstance(own, str) and own in backs:
            continue
        yield Hit(f"{pointer}/{i}", {"label": _label(item, i), "id": own if isinstance(own, str) else ""})


@check("every_match", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS,
                   "text": _FIELD},
    "required": ["where"], "additionalProperties": False,
})
def every_match(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report once, at the list's key, when every item of a list passes
    ``where`` (the opposite of ``any_match``). With ``text``, only items
    whose ``text`` field is present text count. Needs at least one item
    that counts. Values: ``{labels}`` and ``{count}``."""
    items, pointer = _list_at(target, options, ctx)
    counted = [(i, item) for i, item in _items(items)
               if "text" not in options or _is_text(field_value(item, options["text"]))]
    if counted and all(holds(options["where"], item, options) for _, item in counted):
        yield Hit(pointer, {"labels": quote(_label(item, i) for i, item in counted), "count": len(counted)},
                  at="key")


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and not is_empty(value)


@check("none_match_at", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": _VOCABS,
                   "report": _FIELD},
    "required": ["where", "report"], "additionalProperties": False,
})
def none_match_at(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Like ``none_match``, but reports each item that passes ``where`` at
    its ``report`` field (at the item when that field is absent), with
    ``{label}``, ``{id}`` and ``{value}`` (the field's value)."""
    items, pointer = _list_at(target, options, ctx)
    for i, item in _items(items):
        if holds(options["where"], item, options):
            report = options["report"]
            yield Hit(f"{pointer}/{i}" + "".join("/" + escape(t) for t in report.split(".")),
                      {"label": _label(item, i), "id": item.get("id", ""), "value": field_value(item, report)})


@check("needs_items", {
    "type": "object",
    "properties": {"field": _FIELD, "when": _FIELD},
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
    when = _items(field_value(target, options["when"]))
    if when and is_empty(field_value(target, options["field"])):
        yield Hit(ctx.pointer, {"count": len(when)})
