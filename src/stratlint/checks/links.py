"""Check functions about references between items: ids that resolve, ids
that are unique, items linked to others, and shares that go to linked items.

A reference is a text or a list of texts
(:func:`stratlint.document.values.located_references`); an id that no
item defines links nothing."""
from __future__ import annotations

import difflib
import math
from typing import TYPE_CHECKING, Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import (CLASSES, FIELD, POINTER, VOCABS, WHERE_DEFS, amount, field_value, item_label,
                                      list_at, mapping_items, quote)
from stratlint.checks.where import classify, holds
from stratlint.document.pointer import child, human, split
from stratlint.document.select import select
from stratlint.document.values import is_empty, located_references, reference_ids

if TYPE_CHECKING:
    from fractions import Fraction  # imported where a ratio is computed: most runs compute none


@check("references", {
    "type": "object",
    "properties": {"refs": {"type": "array", "minItems": 1, "items": {
        "type": "object",
        "properties": {"given": POINTER, "to": POINTER, "what": {"type": "string"}},
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
    for spec in options["refs"]:
        known = ctx.ids(spec["to"])
        what = spec.get("what") or spec["to"].rsplit("/", 1)[-1]
        for pointer, value in select(target, spec["given"]):
            if all(ref in known or not ref.strip() for ref in reference_ids(value)):
                continue  # the usual case: every id is defined
            for ref_pointer, ref in located_references(pointer, value):
                if ref in known or not ref.strip():
                    continue
                close = difflib.get_close_matches(ref, list(known), n=1, cutoff=0.6)
                hint = f"; did you mean '{close[0]}'?" if close else (
                    f"; defined: {', '.join(sorted(known))}" if known else f"; the plan defines no {what}")
                yield Hit(ref_pointer, {"ref": ref, "what": what, "hint": hint})


@check("unique", {
    "type": "object",
    "properties": {"lists": {"type": "array", "items": POINTER, "minItems": 1}, "key": {"type": "string"}},
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
                    yield Hit(child(pointer, i, key), {"value": value, "first": name},
                              related=((child(pointer, first[value], key), f"the first '{value}', {name}"),))
                else:
                    first[value] = i


@check("linked", {
    "type": "object",
    "properties": {"field": FIELD, "to": POINTER, "ref": FIELD, "back": FIELD},
    "required": ["to", "ref", "back"], "additionalProperties": False,
})
def linked(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that every item of a list is linked to an item of the list at
    ``to``: its own ``ref`` names the id of an item there, or the ``back``
    of an item there names its id. A reference is a text or a list of
    texts; an id that no item defines links nothing. Reports each unlinked
    item, with ``{label}`` and ``{id}``."""
    items, pointer = list_at(target, options, ctx)
    links = Links(ctx, options["to"], options["ref"], options["back"])
    for i, item in mapping_items(items):
        if not links.of(item):
            own = item.get("id")
            yield Hit(child(pointer, i), {"label": item_label(item, i), "id": own if isinstance(own, str) else ""})


class Links:
    """Which items of the list at ``to`` an item is linked to: those its own
    ``ref`` names, and those whose ``back`` names its id (only defined ids)."""

    def __init__(self, ctx: Context, to: str, ref: str, back: str) -> None:
        self.known, self.ref = ctx.ids(to), ref
        self.backs: dict[str, list[str]] = {}
        for i, other in mapping_items(ctx.lookup(to)):
            other_id = other["id"] if isinstance(other.get("id"), str) else item_label(other, i)
            for own in reference_ids(other.get(back)):
                self.backs.setdefault(own, []).append(other_id)

    def of(self, item: dict) -> list[str]:
        ids = [r for r in reference_ids(item.get(self.ref)) if r in self.known]
        own = item.get("id")
        if isinstance(own, str):
            ids += [b for b in self.backs.get(own, ()) if b not in ids]
        return ids


@check("in_use", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES,
                   "fields": {"type": "array", "items": FIELD}, "to": POINTER, "ref": FIELD, "back": FIELD,
                   "class": FIELD},
    "required": ["where"], "dependentRequired": {"to": ["ref", "back"]}, "additionalProperties": False,
})
def in_use(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report each item of a list that passes ``where`` and is in use: one
    of its ``fields`` is present, or it is linked (as in ``linked``) to an
    item of the list at ``to``. Values: ``{label}``, ``{id}``, ``{use}``
    (what puts it in use: "target 25,000 and objective 'grow'"); with
    ``class`` (one of the rule's ``classes``), ``{class}``, which also
    picks the message variant."""
    items, pointer = list_at(target, options, ctx)
    links = Links(ctx, options["to"], options["ref"], options["back"]) if "to" in options else None
    for i, item in mapping_items(items):
        if not holds(options["where"], item, options):
            continue
        use = [f"{f} {amount(field_value(item, f))}" for f in options.get("fields", ())
               if not is_empty(field_value(item, f))]
        linked_to = links.of(item) if links else []
        if linked_to:
            use.append(f"{options['ref']} {quote(linked_to, 3)}")
        if use:
            cls = classify(item, options["class"], options) if "class" in options else None
            yield Hit(child(pointer, i), {"label": item_label(item, i), "id": item.get("id", ""),
                                          "use": " and ".join(use), "class": cls or ""}, variant=cls)


@check("lists_used", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "items": POINTER, "where": {"$ref": "#/$defs/where"}, "by": POINTER,
                   "ref": FIELD, "by_where": {"$ref": "#/$defs/where"}, "vocabularies": VOCABS, "classes": CLASSES},
    "required": ["field", "items", "by", "ref"], "additionalProperties": False,
})
def lists_used(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping's list of ids (``field``) names every item of
    the list at ``items`` that passes ``where`` and that some item of the
    list at ``by`` passing ``by_where`` refers to by its ``ref`` (customer
    care covers the social channels that tactics talk on). An absent or
    empty mapping is not judged. Reports once, at the mapping's key, with
    ``{labels}`` (the items left out) and ``{count}``."""
    if not isinstance(target, dict) or not target:
        return
    listed = set(reference_ids(field_value(target, options["field"])))
    candidates = ctx.ids(options["items"])
    used: list[str] = []
    for _, user in mapping_items(ctx.lookup(options["by"])):
        if "by_where" in options and not holds(options["by_where"], user, options):
            continue
        for ref in reference_ids(user.get(options["ref"])):
            item = candidates.get(ref)
            if item is not None and ref not in listed and ref not in used \
                    and ("where" not in options or holds(options["where"], item, options)):
                used.append(ref)
    if used:
        labels = [item_label(candidates[ref], 0) for ref in used]
        yield Hit(ctx.pointer, {"labels": quote(labels), "count": len(labels)}, at="key")


@check("tactic_objectives", {"type": "object", "additionalProperties": False})
def tactic_objectives(plan: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report each tactic that serves no objective, directly (``objectives``)
    or through its channel's ``objectives``. Only defined objective ids
    count. Reports at the tactic with ``{label}`` and, when its channel is
    defined (variant ``channel``), ``{channel}``; else variant ``no-channel``."""
    if not isinstance(plan, dict):
        return
    objectives = ctx.ids("/objectives")
    channels = ctx.ids("/channels")
    for i, tactic in mapping_items(plan.get("tactics")):
        if any(r in objectives for r in reference_ids(tactic.get("objectives"))):
            continue
        ref = tactic.get("channel")
        channel = channels.get(ref) if isinstance(ref, str) else None
        values = {"label": item_label(tactic, i), "id": tactic.get("id", "")}
        if channel is None:
            yield Hit(f"/tactics/{i}", values, variant="no-channel")
        elif not any(r in objectives for r in reference_ids(channel.get("objectives"))):
            yield Hit(f"/tactics/{i}", {**values, "channel": item_label(channel, 0)}, variant="channel")


def _amount(value: Any) -> Fraction | None:
    from fractions import Fraction

    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
        return None
    return Fraction(str(value))


def _number(value: Fraction, currency: object = None) -> str:
    return amount(value.numerator if value.denominator == 1 else float(value), currency)


@check("referenced_ratio", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"field": FIELD, "weight": FIELD, "ref": FIELD, "of": POINTER,
                   "where": {"$ref": "#/$defs/where"}, "max": {"type": "number", "minimum": 0, "maximum": 1},
                   "currency": FIELD, "vocabularies": VOCABS, "classes": CLASSES},
    "required": ["weight", "ref", "of", "where", "max"], "additionalProperties": False,
})
def referenced_ratio(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that at most ``max`` of a list's total ``weight`` goes to items
    whose ``ref`` names an item (by id, in the list at pointer ``of``) that
    passes ``where``; an unknown reference never passes. Items without a
    number of at least 0 as weight are left out. Reports at the list's key
    (strictly above ``max``) with ``{percent}``, ``{part}``, ``{total}``
    (amounts with thousands separators, and the currency that the text at
    ``currency``, a dotted field of the target, names) and ``{labels}``
    (the referenced items that pass)."""
    from fractions import Fraction

    items, pointer = list_at(target, options, ctx)
    targets = ctx.ids(options["of"])
    total = part = Fraction(0)
    labels: list[str] = []
    for _, item in mapping_items(items):
        weight = _amount(field_value(item, options["weight"]))
        if weight is None:
            continue
        total += weight
        ref = field_value(item, options["ref"])
        other = targets.get(ref) if isinstance(ref, str) else None
        if other is not None and holds(options["where"], other, options):
            part += weight
            labels.append(item_label(other, 0))
    if total and part / total > Fraction(str(options["max"])):
        share = float(part / total * 100)
        percent = f"{share:.1f}".removesuffix(".0")
        if float(percent) <= options["max"] * 100:  # never print a share that reads as within the limit
            percent = f"{share:.4f}".rstrip("0").rstrip(".")
        currency = field_value(target, options["currency"]) if "currency" in options else None
        yield Hit(pointer, {"percent": f"{percent}%", "part": _number(part, currency),
                            "total": _number(total, currency),
                            "labels": quote(dict.fromkeys(labels))}, at="key")
