"""Check functions for the channel and engagement rules (SL402-SL404, SL5xx).

``tactic_objectives`` carries one rule's own logic. The others are
general-purpose and serve any rule that needs them:

- ``all_present``: a mapping has every one of several fields (one finding
  naming all that are missing);
- ``any_match_if``: when some item of a list passes one test, some item
  passes another;
- ``coverage``: the items of a list, together, take every value of a list;
- ``referenced_ratio``: the share of a weight (an amount) that goes to
  items whose referenced item passes a test.
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.general import _items, _label, _list_at, quote
from stratlint.checks.where import SCHEMA as WHERE
from stratlint.checks.where import field_value, holds, is_empty

_DEFS = {"where": WHERE}
_VOCABS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
_FIELD = {"type": "string", "minLength": 1}
_POINTER = {"type": "string", "pattern": "^(/[^/]*)*$"}


def _resolved(refs: Any, ids: dict) -> list[str]:
    """The defined ids a reference names (a text, or the texts of a list);
    unknown ids and other values count for nothing."""
    refs = [refs] if isinstance(refs, str) else refs if isinstance(refs, list) else []
    return [r for r in refs if isinstance(r, str) and r in ids]


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
    for i, tactic in _items(plan.get("tactics")):
        if _resolved(tactic.get("objectives"), objectives):
            continue
        ref = tactic.get("channel")
        channel = channels.get(ref) if isinstance(ref, str) else None
        values = {"label": _label(tactic, i), "id": tactic.get("id", "")}
        if channel is None:
            yield Hit(f"/tactics/{i}", values, variant="no-channel")
        elif not _resolved(channel.get("objectives"), objectives):
            yield Hit(f"/tactics/{i}", {**values, "channel": _label(channel, 0)}, variant="channel")


@check("all_present", {
    "type": "object",
    "properties": {"fields": {"type": "array", "items": _FIELD, "minItems": 1}},
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


@check("any_match_if", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "if": {"$ref": "#/$defs/where"}, "where": {"$ref": "#/$defs/where"},
                   "vocabularies": _VOCABS},
    "required": ["if", "where"], "additionalProperties": False,
})
def any_match_if(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that when some item of a list passes ``if``, some item passes
    ``where``. Reports once, at the list's key, with ``{labels}`` and
    ``{count}`` of the items that pass ``if``."""
    items, pointer = _list_at(target, options, ctx)
    mappings = _items(items)
    found = [_label(item, i) for i, item in mappings if holds(options["if"], item, options)]
    if found and not any(holds(options["where"], item, options) for _, item in mappings):
        yield Hit(pointer, {"labels": quote(found), "count": len(found)}, at="key")


@check("coverage", {
    "type": "object",
    "properties": {"field": _FIELD, "key": _FIELD, "values": {"type": "array", "items": _FIELD, "minItems": 1}},
    "required": ["key", "values"], "additionalProperties": False,
})
def coverage(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that, once some item of a list gives ``key`` (as text), the
    items together give every one of ``values`` (exactly, as the plan's
    enums are written: ``Attention`` is no stage and covers nothing). Reports at the list's key with ``{missing}``
    (the values no item gives, in the order of ``values``) and ``{count}``."""
    items, pointer = _list_at(target, options, ctx)
    given = {v for _, item in _items(items)
             if isinstance(v := field_value(item, options["key"]), str) and v.strip()}
    if not given:
        return
    missing = [v for v in options["values"] if v not in given]
    if missing:
        yield Hit(pointer, {"missing": quote(missing), "count": len(missing)}, at="key")


def _amount(value: Any) -> Fraction | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < math.inf:
        return None
    return Fraction(str(value))


def _number(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


@check("referenced_ratio", {
    "type": "object", "$defs": _DEFS,
    "properties": {"field": _FIELD, "weight": _FIELD, "ref": _FIELD, "of": _POINTER,
                   "where": {"$ref": "#/$defs/where"}, "max": {"type": "number", "minimum": 0, "maximum": 1},
                   "vocabularies": _VOCABS},
    "required": ["weight", "ref", "of", "where", "max"], "additionalProperties": False,
})
def referenced_ratio(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that at most ``max`` of a list's total ``weight`` goes to items
    whose ``ref`` names an item (by id, in the list at pointer ``of``) that
    passes ``where``; an unknown reference never passes. Items without a
    number of at least 0 as weight are left out. Reports at the list's key
    (strictly above ``max``) with ``{percent}``, ``{part}``, ``{total}``
    and ``{labels}`` (the referenced items that pass)."""
    items, pointer = _list_at(target, options, ctx)
    targets = ctx.ids(options["of"])
    total = part = Fraction(0)
    labels: list[str] = []
    for _, item in _items(items):
        weight = _amount(field_value(item, options["weight"]))
        if weight is None:
            continue
        total += weight
        ref = field_value(item, options["ref"])
        other = targets.get(ref) if isinstance(ref, str) else None
        if other is not None and holds(options["where"], other, options):
            part += weight
            labels.append(_label(other, 0))
    if total and part / total > Fraction(str(options["max"])):
        share = float(part / total * 100)
        percent = f"{share:.1f}".removesuffix(".0")
        if float(percent) <= options["max"] * 100:  # never print a share that reads as within the limit
            percent = f"{share:.4f}".rstrip("0").rstrip(".")
        yield Hit(pointer, {"percent": f"{percent}%", "part": _number(part), "total": _number(total),
                            "labels": quote(dict.fromkeys(labels))}, at="key")
