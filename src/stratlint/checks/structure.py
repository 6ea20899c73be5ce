"""Structural checks (SL0xx): the parser, the schema, duplicate keys,
references and ids. They see the located document, not only the data."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.document.select import select
from stratlint.document.pointer import human, split

_PATH = {"type": "string", "pattern": "^(/[^/]*)*$"}


@check("parse", {"type": "object", "additionalProperties": False})
def parse(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Reported by the loader when a file is not one readable YAML mapping;
    a file that reaches the rules has passed it."""
    return iter(())


@check("suppressions", {"type": "object", "additionalProperties": False})
def suppressions(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Reported by the suppression filter, after the rules have run."""
    return iter(())


@check("schema", {"type": "object", "additionalProperties": False})
def schema(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Validate the plan against the v1 JSON Schema (``stratlint schema``)."""
    from stratlint.schema.explain import bad_key_message, violations

    for pointer, at, message in violations(ctx.document):
        yield Hit(pointer, {"problem": message}, at=at)
    for bad in ctx.document.bad_keys:
        yield Hit(bad.pointer, {"problem": bad_key_message(bad.pointer, bad.kind)}, span=bad.span)


@check("duplicate_keys", {"type": "object", "additionalProperties": False})
def duplicate_keys(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report every repeat of a key in a mapping, at the repeat."""
    for dup in ctx.document.duplicate_keys:
        yield Hit(dup.pointer, {"key": dup.key, "first_line": dup.first_line}, at="key", span=dup.span)


@check("references", {
    "type": "object",
    "properties": {"refs": {"type": "array", "minItems": 1, "items": {
        "type": "object",
        "properties": {"given": _PATH, "to": _PATH, "what": {"type": "string"}},
        "required": ["given", "to"], "additionalProperties": False}}},
    "required": ["refs"], "additionalProperties": False,
})
def references(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that every id a plan refers to is defined.

    ``refs`` lists ``{given: path of the references, to: the list of items
    whose ids they name, what: how to call those items}``; a reference is
    a text or a list of texts. Reports at each unknown reference, with
    ``{ref}``, ``{what}`` and ``{known}`` (the closest defined id, if any).
    """
    import difflib

    for spec in options["refs"]:
        known = ctx.ids(spec["to"])
        what = spec.get("what") or spec["to"].rsplit("/", 1)[-1]
        for pointer, value in select(target, spec["given"]):
            refs = [(pointer, value)] if isinstance(value, str) else (
                [(f"{pointer}/{i}", v) for i, v in enumerate(value) if isinstance(v, str)]
                if isinstance(value, list) else [])
            for ref_pointer, ref in refs:
                if ref in known or not ref.strip():
                    continue
                close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else (
                    f"; defined: {', '.join(sorted(known))}" if known else f"; the plan defines no {what}")
                yield Hit(ref_pointer, {"ref": ref, "what": what, "hint": hint})


@check("unique", {
    "type": "object",
    "properties": {"lists": {"type": "array", "items": _PATH, "minItems": 1}, "key": {"type": "string"}},
    "required": ["lists"], "additionalProperties": False,
})
def unique(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the items of each list in ``lists`` have distinct ``key``
    values (default ``id``). Reports at each repeat's value, with ``{value}``
    and ``{first}`` (where the first one stands, as ``list[index]``)."""
    key = options.get("key", "id")
    for path in options["lists"]:
        for pointer, items in select(target, path):
            if not isinstance(items, list):
                continue
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if not isinstance(item, dict) or not isinstance(item.get(key), str):
                    continue
                value = item[key]
                if value in first:
                    name = human([*split(pointer), first[value]])
                    yield Hit(f"{pointer}/{i}/{key}", {"value": value, "first": name})
                else:
                    first[value] = i
