"""A yes/no answer to "does this plan follow the schema?", fast.

jsonschema explains every violation well but walks a plan slowly (and
takes a tenth of a second to import). This module compiles the keywords
the plan schema uses into plain functions, one per part of the schema.
Nearly every plan in a repository is valid, and the check of the whole
schema says so at once; for a plan it rejects,
:mod:`stratlint.schema.failures` asks the checks of the parts which parts
of the plan fail, and finds the violations there. The checks and
jsonschema must agree on every document; the test suite holds them to it.
A schema keyword this module does not know makes :func:`compile_schema`
raise :class:`Unsupported`, and stratlint then uses jsonschema for the
plan schema too.
"""
from __future__ import annotations

import datetime
import re
from typing import Any, Callable
from stratlint.document.values import is_empty

Check = Callable[[Any], bool]

ANNOTATIONS = {"$schema", "$id", "$defs", "title", "description", "default", "examples", "$comment",
                # for editors and for SL002's hints: no effect on validity
                "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "x-aliases"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class Unsupported(Exception):
    """The schema uses a keyword this compiler does not handle."""


def _type_check(name: str) -> Check:
    return {
        "string": lambda v: isinstance(v, str),
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "null": lambda v: v is None,
        "boolean": lambda v: isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer()),
    }[name]


def _same(a: Any, b: Any) -> bool:
    """JSON equality: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _is_date(v: Any) -> bool:
    if not isinstance(v, str) or not _DATE.match(v):
        return not isinstance(v, str)  # the format applies to text only
    try:
        datetime.date.fromisoformat(v)
    except ValueError:
        return False
    return True


class SchemaCompiler:
    """The checks of a schema and of each of its parts, each compiled once."""

    def __init__(self, root: dict) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}
        self._parts: dict[int, tuple[Any, Check]] = {}  # id(part) -> (part, its check)

    def resolve(self, target: str) -> Any:
        """The part of the schema a ``$ref`` names."""
        if not target.startswith("#/"):
            raise Unsupported(f"$ref {target}")
        node: Any = self.root
        for token in target[2:].split("/"):
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return node

    def ref(self, target: str) -> Check:
        if target not in self.refs:
            node = self.resolve(target)
            self.refs[target] = lambda v: compiled(v)  # placeholder for recursion
            compiled = self.compile(node)
            self.refs[target] = compiled
        return self.refs[target]

    def compile(self, schema: Any) -> Check:
        """The check of ``schema``, the root or a part of it (compiled at its first use)."""
        known = self._parts.get(id(schema))
        if known is not None and known[0] is schema:
            return known[1]
        check = self._compile(schema)
        self._parts[id(schema)] = (schema, check)
        return check

    def _compile(self, schema: Any) -> Check:
        if schema is True or schema == {}:
            return _anything
        if schema is False:
            return _nothing
        checks: list[Check] = []
        for key, value in schema.items():
            if key in ANNOTATIONS or key in _OBJECT_KEYWORDS:
                continue
            checks.append(self.keyword(key, value))
        if any(k in schema for k in _OBJECT_KEYWORDS):
            checks.append(self.mapping(schema))
        if len(checks) == 1:
            return checks[0]
        if len(checks) == 2:
            first, second = checks
            return lambda v: first(v) and second(v)
        return lambda v: all(c(v) for c in checks)

    def keyword(self, key: str, value: Any) -> Check:
        if key == "type":
            kinds = [_type_check(t) for t in (value if isinstance(value, list) else [value])]
            return kinds[0] if len(kinds) == 1 else (lambda v: any(k(v) for k in kinds))
        if key == "$ref":
            return self.ref(value)
        if key == "enum":
            if all(isinstance(o, str) for o in value):
                options = frozenset(value)
                return lambda v: type(v) is str and v in options
            return lambda v: any(_same(v, option) for option in value)
        if key == "const":
            return lambda v: _same(v, value)
        if key == "minimum":
            return lambda v: isinstance(v, bool) or not isinstance(v, (int, float)) or v >= value
        if key == "pattern":
            search = re.compile(value).search
            return lambda v: type(v) is not str or search(v) is not None
        if key == "format":
            if value != "date":
                raise Unsupported(f"format {value}")
            return _is_date
        if key == "items":
            item = self.compile(value)

            def items(v: Any) -> bool:
                if type(v) is list:
                    for x in v:
                        if not item(x):
                            return False
                return True

            return items
        raise Unsupported(key)

    def mapping(self, schema: dict) -> Check:
        """properties, required, patternProperties and additionalProperties, in one pass."""
        props = {name: self.compile(sub) for name, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        patterns = [(re.compile(p).search, self.compile(s)) for p, s in schema.get("patternProperties", {}).items()]
        additional = schema.get("additionalProperties", True)
        extra = self.compile(additional) if additional is not True else None
        #: key -> (its property's check, whether the key is optional, the other checks its value takes,
        #: whether no value is valid under it)
        plans: dict[str, tuple[Check | None, bool, tuple[Check, ...], bool]] = {}
        refuses_some = extra is _nothing
        names = frozenset(props)

        def plan(name: str) -> tuple[Check | None, bool, tuple[Check, ...], bool]:
            prop = props.get(name)
            matched = tuple(sub for search, sub in patterns if search(name))
            others = tuple(c for c in matched or ((extra,) if prop is None and extra is not None else ())
                           if c is not _anything)
            known = (prop, name not in required, others, _nothing in others)
            if len(plans) < _MAX_PLANS:  # keys are the plan's own words: keep the common ones
                plans[name] = known
            return known

        def check(v: Any) -> bool:
            if type(v) is not dict:
                return True
            for name in required:
                if name not in v:
                    return False
            if refuses_some and not names.issuperset(v):  # an unknown key fails before any value is looked into
                for name in v:
                    if (plans.get(name) or plan(name))[3]:
                        return False
            for name, item in v.items():
                prop, optional, others, _ = plans.get(name) or plan(name)
                # an optional key left empty counts as absent
                if prop is not None and not prop(item) and not (optional and is_empty(item)):
                    return False
                for other in others:
                    if not other(item):
                        return False
            return True

        return check


#: how many distinct keys a mapping check remembers how to check
_MAX_PLANS = 256


def _anything(v: Any) -> bool:
    return True


def _nothing(v: Any) -> bool:
    return False


_OBJECT_KEYWORDS = ("properties", "required", "patternProperties", "additionalProperties")


def compile_schema(schema: dict) -> Check:
    """A function that tells whether a document is valid against ``schema``."""
    return SchemaCompiler(schema).compile(schema)
