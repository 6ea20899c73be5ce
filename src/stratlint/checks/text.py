"""Check functions about text: words a text uses, values it takes, placeholders."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import FIELD, POINTER, TEXTS, VOCABS, WORDS, list_at, quote
from stratlint.checks.where import vocabulary
from stratlint.document.pointer import from_path
from stratlint.document.select import select


@check("vocabulary", {
    "type": "object",
    "properties": {"words": WORDS, "field": FIELD, "mode": {"enum": ["forbid", "require"]},
                   "vocabularies": VOCABS},
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
    text, pointer = list_at(target, options, ctx)
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


@check("not_only_words", {
    "type": "object",
    "properties": {"field": FIELD, "words": {"anyOf": [{"type": "string"}, TEXTS]}, "vocabularies": VOCABS,
                   "also": {"type": "array", "items": POINTER}},
    "required": ["words"],
    "additionalProperties": False,
})
def not_only_words(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a list of texts is not made only of a vocabulary's words.

    Reports at the list's key, with the variant ``only``, ``{labels}`` and
    ``{count}``, when every text of the list matches; items that are not
    text, or are blank, are left out, and a list with no text passes.

    With ``also`` (``given`` paths, ``*`` for every item, from the plan's
    root), the texts found there count too: the rule reports when every
    text of both matches, and, when the list is absent or empty, reports
    at the target's key with the variant ``none`` if every text of
    ``also`` matches. When ``also`` found texts, the variant ends in
    ``-others`` and ``{others}`` quotes them. An empty target is not
    judged.
    """
    items, pointer = list_at(target, options, ctx)
    words = vocabulary(options["words"], options)
    if "also" not in options:
        if not isinstance(items, list):
            return
        texts = [t for t in items if isinstance(t, str) and t.strip()]
        if texts and all(words.matches(t) for t in texts):
            yield Hit(pointer, {"labels": quote(texts), "count": len(texts)}, at="key", variant="only")
        return
    if not isinstance(target, dict) or not target or not (items is None or isinstance(items, list)):
        return
    texts = [t for t in items or () if isinstance(t, str) and t.strip()]
    others = [t for path in options["also"] for _, t in select(ctx.data, path) if isinstance(t, str) and t.strip()]
    if items and not texts:
        return  # a list with no text at all: the schema says what is wrong
    if all(words.matches(t) for t in [*texts, *others]):
        values = {"labels": quote(texts), "count": len(texts), "others": quote(dict.fromkeys(others))}
        suffix = "-others" if others else ""
        if texts:
            yield Hit(pointer, values, at="key", variant="only" + suffix)
        else:
            yield Hit(ctx.pointer, values, at="key", variant="none" + suffix)


@check("placeholders", {
    "type": "object",
    "properties": {"values": TEXTS, "prefixes": TEXTS},
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
    # Folding the first `cut` characters is enough: a text as long as a
    # value is folded whole, and folding never shortens a character.
    cut = max(longest, max(map(len, prefixes), default=0))

    def is_placeholder(text: str) -> bool:
        folded = text[:cut].casefold()
        return (len(text) <= longest and folded in exact) or bool(prefixes and folded.startswith(prefixes))

    if not ctx.pointer and ctx.document is not None:  # the whole plan: its texts are listed already
        texts = ctx.document.texts
        for index in _may_start_with(texts.values, (*exact, *prefixes)):
            value = texts.values[index]
            if is_placeholder(value.strip()):
                yield Hit(from_path(texts.path(index)), {"value": value.strip()})
        return
    seen: set[int] = set()
    stack: list[tuple[tuple, Any]] = [((), target)]  # (path below the target, value)
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if is_placeholder(value.strip()):
                yield Hit(ctx.pointer + from_path(path), {"value": value.strip()})
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            children = value.items() if isinstance(value, dict) else enumerate(value)
            # pushed last first, so values are visited in document order
            # and a shared value is first met at its anchor
            stack.extend([((path, k), item) for k, item in children][::-1])


def _may_start_with(texts: list[str], folded: tuple[str, ...]) -> Iterable[int]:
    """The indexes of the texts that, once folded, start with one of
    ``folded`` after any white space: a superset of the placeholders, found
    with one search over all the texts folded and joined, which is several
    times faster than folding each text of a large plan."""
    joined = "\0".join(texts).casefold()
    if joined.count("\0") != len(texts) - 1:  # a text holds a NUL itself (an escape): look at each
        return range(len(texts))
    found = []
    index = position = 0
    for match in _starting_with(tuple(sorted(set(folded)))).finditer(joined):
        index += joined.count("\0", position, match.start() + 1)  # the NUL before the text, if any, starts the match
        position = match.start() + 1
        found.append(index)
    return found


@lru_cache(maxsize=64)
def _starting_with(folded: tuple[str, ...]) -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(folded, key=len, reverse=True))
    return re.compile(f"(?:\\A|\\0)\\s*(?:{words})")
