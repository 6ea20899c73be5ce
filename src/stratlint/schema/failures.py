"""Where a plan breaks the schema, found by looking only where it fails.

jsonschema explains a violation by walking the whole plan, which takes
about as long as the rules of a plan together. This module finds the same
violations from the compiled checks (:mod:`stratlint.schema.compiled`):
it walks the schema and the plan together, in the order jsonschema does,
but goes down into a part of the plan only when the compiled check of the
part of the schema that applies to it rejects it. A plan with one unknown
key is thus explained at its top level, and its valid sections are each
checked once more, at compiled speed.

Each violation is a :class:`Violation` with the fields of jsonschema's
``ValidationError`` that :func:`stratlint.schema.explain.explain` reads,
so the messages are the same whichever found the violation; the test
suite holds the two to the same findings on mutated plans. Like
stratlint's reading of the schema, an optional key whose value is empty
counts as absent for ``properties``.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Any, Iterator

from stratlint.document.values import is_empty
from stratlint.schema.compiled import ANNOTATIONS, Check, SchemaCompiler

_LOCAL = ("type", "enum", "const", "minimum", "pattern", "format")  # keywords about the value itself


@dataclass(frozen=True, slots=True)
class Violation:
    """One keyword a value fails, as jsonschema's ``ValidationError`` tells it."""

    validator: str  # the keyword
    validator_value: Any
    instance: Any
    schema: dict
    absolute_path: deque
    schema_path: deque  # the keywords (and names) that lead to it in the schema
    missing: str = ""  # for "required": the property that is missing

    @property
    def message(self) -> str:
        """jsonschema's message, for the keywords whose message is read."""
        if self.validator == "required":
            return f"{self.missing!r} is a required property"
        return f"{self.validator} {self.validator_value!r} fails"


class Explainer:
    """The violations of documents against one compiled schema."""

    def __init__(self, compiler: SchemaCompiler) -> None:
        self.compiler = compiler
        self._local: dict[tuple[str, int], tuple[Any, Check]] = {}

    def violations(self, instance: Any) -> list[Violation]:
        """Every violation in ``instance``, in the order jsonschema reports them."""
        return list(self._walk(self.compiler.root, instance, (), ()))

    def _passes(self, schema: Any, instance: Any) -> bool:
        return self.compiler.compile(schema)(instance)

    def _walk(self, schema: Any, instance: Any, path: tuple, at: tuple) -> Iterator[Violation]:
        """``path``: where ``instance`` is in the document; ``at``: where ``schema`` is in the schema."""
        if schema is True:
            return
        if schema is False:
            yield Violation("false", None, instance, schema, deque(path), deque(at))
            return
        for keyword, value in schema.items():
            if keyword in ANNOTATIONS:
                continue
            if keyword == "$ref":  # as in jsonschema, the keyword is not part of the schema path
                target = self.compiler.resolve(value)
                if not self._passes(target, instance):
                    yield from self._walk(target, instance, path, at)
            elif keyword in _LOCAL:
                if not self._keyword(keyword, value)(instance):
                    yield Violation(keyword, value, instance, schema, deque(path), deque((*at, keyword)))
            elif keyword == "items":
                if isinstance(instance, list):
                    for index, item in enumerate(instance):
                        yield from self._child(value, item, (*path, index), (*at, "items"))
            elif isinstance(instance, dict):
                yield from self._mapping(keyword, value, instance, schema, path, at)

    def _mapping(self, keyword: str, value: Any, instance: dict, schema: dict, path: tuple,
                 at: tuple) -> Iterator[Violation]:
        if keyword == "required":
            for name in value:
                if name not in instance:
                    yield Violation(keyword, value, instance, schema, deque(path), deque((*at, keyword)),
                                    missing=name)
        elif keyword == "properties":
            required = schema.get("required", ())
            for name, sub in value.items():
                if name in instance and (name in required or not is_empty(instance[name])):
                    yield from self._child(sub, instance[name], (*path, name), (*at, keyword, name))
        elif keyword == "patternProperties":
            for pattern, sub in value.items():
                for name, item in instance.items():
                    if re.search(pattern, name):
                        yield from self._child(sub, item, (*path, name), (*at, keyword, pattern))
        elif keyword == "additionalProperties":
            extras = _additional(instance, schema)
            if isinstance(value, dict):
                for name in extras:
                    yield from self._child(value, instance[name], (*path, name), (*at, keyword))
            elif value is False and extras:
                yield Violation(keyword, value, instance, schema, deque(path), deque((*at, keyword)))

    def _child(self, schema: Any, instance: Any, path: tuple, at: tuple) -> Iterator[Violation]:
        if not self._passes(schema, instance):
            yield from self._walk(schema, instance, path, at)

    def _keyword(self, keyword: str, value: Any) -> Check:
        known = self._local.get((keyword, id(value)))
        if known is None or known[0] is not value:
            known = (value, self.compiler.keyword(keyword, value))
            self._local[(keyword, id(value))] = known
        return known[1]


def _additional(instance: dict, schema: dict) -> list[str]:
    """The keys neither ``properties`` nor ``patternProperties`` cover, as jsonschema finds them."""
    properties = schema.get("properties", {})
    patterns = "|".join(schema.get("patternProperties", {}))
    return [name for name in instance if name not in properties and not (patterns and re.search(patterns, name))]
