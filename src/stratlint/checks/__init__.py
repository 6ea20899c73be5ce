"""Check functions: the code behind declarative rules.

A check function receives the value a rule's ``given`` path selected, the
rule's options, and a :class:`Context`; it yields :class:`Hit` objects
that name a JSON Pointer (and, if the finding belongs on a key, ``at=
"key"``) plus the values for the rule's message. It never computes a
position and never stamps a code or a severity: the engine does that. It
skips values of the wrong type, so a plan that breaks the schema never
crashes a rule.

Register a function with :func:`check`; plugins do the same.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from stratlint.findings import Span
from stratlint.document import pointer as _pointer

CheckFunction = Callable[[Any, dict, "Context"], Iterable["Hit"]]


@dataclass(slots=True)
class Hit:
    """One finding a check function reports."""

    pointer: str
    values: dict = field(default_factory=dict)
    at: str = "value"  # "value", or "key" for a finding that belongs on a mapping key
    variant: str | None = None  # picks one of several messages a rule may declare
    span: Span | None = None  # only for structural checks that know an exact span
    #: other places the finding names, each (a pointer, or a span, and what is there)
    related: tuple[tuple[str | Span, str], ...] = ()


@dataclass(slots=True)
class Context:
    """What a check function may know besides its target value."""

    data: Any  # the whole plan
    pointer: str = ""  # where the target value is
    document: Any = None  # the LocatedDocument, for structural checks
    path: str = ""

    def child(self, *tokens: str | int) -> str:
        return _pointer.child(self.pointer, *tokens)

    def lookup(self, pointer: str) -> Any:
        """The value at an absolute pointer, or None where there is none."""
        value = self.data
        for token in _pointer.split(pointer):
            if isinstance(value, dict):
                value = value.get(token)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                value = value[int(token)]
            else:
                return None
        return value

    def ids(self, pointer: str) -> dict[str, dict]:
        """``{id: item}`` for the mapping items of the list at ``pointer``."""
        items = self.lookup(pointer)
        out: dict[str, dict] = {}
        if isinstance(items, list):
            for item in items:
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    out.setdefault(item["id"], item)
        return out


@dataclass(frozen=True, slots=True)
class CheckSpec:
    name: str
    function: CheckFunction
    options_schema: dict
    source: str = "stratlint"

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()


def check(name: str, options: dict | None = None) -> Callable[[CheckFunction], CheckFunction]:
    """Mark ``fn`` as the check function ``name`` whose options follow ``options`` (a JSON Schema)."""

    def mark(fn: CheckFunction) -> CheckFunction:
        fn.__stratlint_check__ = CheckSpec(name, fn, options or {"type": "object"})  # type: ignore[attr-defined]
        return fn

    return mark


def specs_in(namespace: Iterable[Any]) -> Iterator[CheckSpec]:
    for obj in namespace:
        spec = getattr(obj, "__stratlint_check__", None)
        if isinstance(spec, CheckSpec):
            yield spec


def builtin_checks() -> dict[str, CheckSpec]:
    from stratlint.checks import dates, document, fields, items, links, strategy, text

    out: dict[str, CheckSpec] = {}
    for module in (document, fields, items, text, links, dates, strategy):
        for spec in specs_in(vars(module).values()):
            if spec.name in out and out[spec.name].function is not spec.function:
                raise RuntimeError(f"two built-in check functions are named {spec.name!r}")
            out[spec.name] = spec
    return out
