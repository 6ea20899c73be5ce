"""Check functions for the organization, review and hygiene rules.

``section_fields``, ``not_only_words`` and ``min_duration`` are general:
any rule may use them. ``placeholders`` walks every text of the plan.
"""
from __future__ import annotations

import datetime
from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.general import _list_at, quote
from stratlint.checks.where import field_value, is_empty, vocabulary
from stratlint.document.pointer import escape

_VOCABS = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}
_FIELD = {"type": "string", "minLength": 1}
_TEXTS = {"type": "array", "items": {"type": "string"}}


@check("section_fields", {
    "type": "object",
    "properties": {"field": _FIELD, "fields": {"type": "array", "items": _FIELD, "minItems": 1},
                   "all": {"type": "boolean"}, "when_absent": {"enum": ["pass", "fail"]}},
    "required": ["field", "fields"],
    "additionalProperties": False,
})
def section_fields(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that the section ``field`` (a mapping) is there and has ``fields``.

    An absent or empty section is reported at the target with the variant
    ``absent`` (unless ``when_absent: pass``); a section missing its fields
    (every one, or with ``all: false`` all of them) at the section's key
    with the variant ``incomplete``, ``{fields}`` naming the missing ones.
    A section that is not a mapping is left to the schema.
    """
    if not isinstance(target, dict):
        return
    name, fields = options["field"], options["fields"]
    section = field_value(target, name)
    if is_empty(section):
        if options.get("when_absent", "fail") == "fail":
            yield Hit(ctx.pointer, {"section": name, "fields": quote(fields)}, variant="absent")
        return
    if not isinstance(section, dict):
        return
    missing = [f for f in fields if is_empty(field_value(section, f))]
    if missing and (options.get("all", True) or len(missing) == len(fields)):
        yield Hit(ctx.child(*name.split(".")), {"section": name, "field": missing[0], "fields": quote(missing)},
                  at="key", variant="incomplete")


@check("not_only_words", {
    "type": "object",
    "properties": {"field": _FIELD, "words": {"anyOf": [{"type": "string"}, _TEXTS]}, "vocabularies": _VOCABS},
    "required": ["words"],
    "additionalProperties": False,
})
def not_only_words(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a list of texts is not made only of a vocabulary's words.

    Reports at the list's key, with the variant ``only``, ``{labels}`` and
    ``{count}``, when every text of the list matches; items that are not
    text, or are blank, are left out, and a list with no text passes.
    """
    items, pointer = _list_at(target, options, ctx)
    if not isinstance(items, list):
        return
    texts = [t for t in items if isinstance(t, str) and t.strip()]
    words = vocabulary(options["words"], options)
    if texts and all(words.matches(t) for t in texts):
        yield Hit(pointer, {"labels": quote(texts), "count": len(texts)}, at="key", variant="only")


def iso_date(value: Any) -> datetime.date | None:
    """The date an ISO text (``2027-01-01``, or a date and time) names; None for anything else."""
    if not isinstance(value, str):
        return None
    for parse in (datetime.date.fromisoformat, lambda s: datetime.datetime.fromisoformat(s).date()):
        try:
            return parse(value.strip())
        except ValueError:
            continue
    return None


@check("min_duration", {
    "type": "object",
    "properties": {"start": _FIELD, "end": _FIELD, "days": {"type": "integer", "minimum": 1}},
    "required": ["days"],
    "additionalProperties": False,
})
def min_duration(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping's ``end`` date (default field ``end``) comes at
    least ``days`` days after its ``start`` date (default ``start``).

    Dates are ISO texts; a missing or unreadable date passes. Reports at
    the mapping's key with ``{days}``, ``{start}`` and ``{end}``, variant
    ``short``, or ``reversed`` when the end comes before the start.
    """
    if not isinstance(target, dict):
        return
    texts = [field_value(target, options.get(f, f)) for f in ("start", "end")]
    start, end = (iso_date(t) for t in texts)
    if start is None or end is None:
        return
    days = (end - start).days
    if days < options["days"]:
        yield Hit(ctx.pointer, {"days": days, "start": texts[0].strip(), "end": texts[1].strip(),
                                "min": options["days"]}, at="key", variant="reversed" if days < 0 else "short")


@check("placeholders", {
    "type": "object",
    "properties": {"values": _TEXTS, "prefixes": _TEXTS},
    "required": ["values"],
    "additionalProperties": False,
})
def placeholders(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Report every text value (keys are not values) that is only a
    placeholder: once trimmed, one of ``values`` or starting with one of
    ``prefixes``, case-insensitively. A list or mapping reached through
    several aliases is walked once (a text shared that way is one node,
    which the engine reports once). Reports at the value with ``{value}``."""
    exact = {v.strip().casefold() for v in options["values"]}
    prefixes = tuple(p.strip().casefold() for p in options.get("prefixes", []) if p.strip())
    longest = max(map(len, exact), default=0)
    head = max(map(len, prefixes), default=0)
    def is_placeholder(text: str) -> bool:
        return (len(text) <= longest and text.casefold() in exact) or bool(
            prefixes and text[:head].casefold().startswith(prefixes))

    if not ctx.pointer and ctx.document is not None:  # the whole plan: its texts are listed already
        for path, value in ctx.document.texts:
            if is_placeholder(value.strip()):
                yield Hit(_path_pointer(path), {"value": value.strip()})
        return
    seen: set[int] = set()
    stack: list[tuple[Any, Any, Any]] = [(None, ctx.pointer, target)]  # (parent, key, value)
    while stack:
        parent, key, value = stack.pop()
        if isinstance(value, str):
            if is_placeholder(value.strip()):
                yield Hit(_pointer(parent, key), {"value": value.strip()})
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            node = (parent, key)
            children = value.items() if isinstance(value, dict) else enumerate(value)
            # pushed last first, so values are visited in document order
            # and a shared value is first met at its anchor
            stack.extend([(node, k, child) for k, child in children][::-1])


def _path_pointer(path: tuple) -> str:
    from stratlint.document.located import path_pointer

    return path_pointer(path)


def _pointer(parent: Any, key: Any) -> str:
    """The JSON Pointer of a value met in the walk, built only when needed."""
    tokens = []
    while parent is not None:
        tokens.append(escape(str(key)))
        parent, key = parent
    return key + "".join("/" + t for t in reversed(tokens))
