"""``where``: a small, declarative test of one item, used by list checks.

    where:
      any:
        - {field: category, equals: vanity}
        - all:
            - {field: category, present: false}
            - {field: name, matches: vanity}    # a vocabulary of the rule's options

A test holds all its conditions (``present``, ``equals``, ``in``,
``below``, ``matches``) at once; ``all``, ``any`` and ``not`` combine tests.
``matches`` with ``near`` asks for a word of each vocabulary in one
sentence, at most ``within`` words apart (default 3), a word right
after a word of ``not_after`` not counting
(:func:`stratlint.checks.vocabulary.near`). ``class`` tests, instead of
a field, the item's class under one of the rule's ``classes``
(:func:`classify`).
``field`` is a dotted path inside the item (``.`` is the item itself);
``default`` stands in for a field that is absent (``{field: type,
equals: business, default: business}``). A value of the wrong type
satisfies no condition but ``present``.

A rule's ``classes`` option names classifiers:

    category:
      field: category                       # the plan says it: a value among `values`
      values: [outcome, engagement, awareness, vanity, activity]
      infer:                                # else the first test that holds gives the class
        - {class: outcome, where: {field: name, matches: outcome}}
        - {class: vanity, where: {field: name, matches: vanity}}

A value of ``field`` that is not among ``values`` (a typo the schema
reports, such as ``Vanity``) is read as no value: it never stands for a
class, and the class is inferred as if it were absent. When no test
holds, the item has no class (None): rules leave it out, never guess.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable

from stratlint.checks.vocabulary import compile_vocabulary, entries_for, near
from stratlint.document.values import field_value, is_empty

SCHEMA = {
    "type": "object",
    "properties": {
        "field": {"type": "string", "minLength": 1},
        "present": {"type": "boolean"},
        "equals": {"type": ["string", "number", "boolean"]},
        "in": {"type": "array", "items": {"type": ["string", "number", "boolean"]}},
        "below": {"type": "number"},
        "matches": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "near": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "within": {"type": "integer", "minimum": 0},
        "not_after": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "class": {"type": "string", "minLength": 1},
        "default": {},
        "all": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "any": {"type": "array", "items": {"$ref": "#/$defs/where"}, "minItems": 1},
        "not": {"$ref": "#/$defs/where"},
    },
    "additionalProperties": False,
    "minProperties": 1,
    "dependentRequired": {"near": ["matches"], "within": ["near"], "not_after": ["near"]},
}


_COMPILED: dict[int, tuple[object, object]] = {}


def vocabulary(spec: str | list, options: dict):
    """A vocabulary given inline (a list) or by name (``options['vocabularies']``)."""
    if isinstance(spec, str):
        entries = (options.get("vocabularies") or {}).get(spec)
        if entries is None:
            raise KeyError(f"the rule's options define no vocabulary named {spec!r}")
        spec = entries
    kept = _COMPILED.get(id(spec))  # the same list object: compiled once per run
    if kept is not None and kept[0] is spec:
        return kept[1]
    compiled = compile_vocabulary(tuple(entries_for(spec, "en")))  # not localized: a caller outside the engine
    if len(_COMPILED) > 4096:
        _COMPILED.clear()
    _COMPILED[id(spec)] = (spec, compiled)  # holds the list, so its id is not reused meanwhile
    return compiled


def holds(where: dict, item: Any, options: dict) -> bool:
    """Whether ``item`` passes the test ``where`` (with the rule's ``options``,
    which hold its vocabularies and classes)."""
    return compiled(where, options)(item)


Test = Callable[[Any], bool]

#: where dict id -> (where, options, test); rules keep their options for
#: the whole run, so each test is compiled once, at its first use
_tests: dict[int, tuple[dict, dict, Test]] = {}
_MAX_TESTS = 1024


def compiled(where: dict, options: dict) -> Test:
    """``where`` as a function of one item, compiled at its first use."""
    entry = _tests.get(id(where))
    if entry is None or entry[0] is not where or entry[1] is not options:
        if len(_tests) >= _MAX_TESTS:  # the rules of many runs in one process (tests, an editor)
            _tests.clear()
        entry = (where, options, compile_where(where, options))
        _tests[id(where)] = entry
    return entry[2]


def compile_where(where: dict, options: dict) -> Test:
    """The test ``where`` describes, as one function: the same answers as
    reading the test item by item, with its vocabularies and value sets
    built once."""
    tests: list[Test] = []
    if "all" in where:
        tests.append(_every([compile_where(w, options) for w in where["all"]]))
    if "any" in where:
        tests.append(_some([compile_where(w, options) for w in where["any"]]))
    if "not" in where:
        tests.append(_negated(compile_where(where["not"], options)))
    conditions = _conditions(where, options)
    if conditions:
        tests.append(_on_value(_getter(where, options), where, conditions))
    if not tests:
        return lambda item: True
    return tests[0] if len(tests) == 1 else _every(tests)


def _every(tests: list[Test]) -> Test:
    def every(item: Any) -> bool:
        for test in tests:
            if not test(item):
                return False
        return True

    return every


def _some(tests: list[Test]) -> Test:
    def some(item: Any) -> bool:
        for test in tests:
            if test(item):
                return True
        return False

    return some


def _negated(test: Test) -> Test:
    return lambda item: not test(item)


def _conditions(where: dict, options: dict) -> list[Test]:
    """The conditions on the value, in the order they are tried."""
    out: list[Test] = []
    if "present" in where:
        present = where["present"]
        out.append(lambda value: present != is_empty(value))
    if "equals" in where:
        out.append(_one_of([where["equals"]]))
    if "in" in where:
        out.append(_one_of(where["in"]))
    if "below" in where:
        below = where["below"]
        out.append(lambda value: isinstance(value, (int, float)) and not isinstance(value, bool) and value < below)
    if "near" in where:
        out.append(_lazily(lambda: partial(
            near, first=vocabulary(where["matches"], options), second=vocabulary(where["near"], options),
            within=where.get("within", 3),
            not_after=vocabulary(where["not_after"], options) if "not_after" in where else None)))
    elif "matches" in where:
        out.append(_lazily(lambda: vocabulary(where["matches"], options).matches))
    return out


def _lazily(make: Callable[[], Test]) -> Test:
    """The test ``make()`` builds, built when a value first reaches it: a
    vocabulary costs more to compile than a plan to check, and a condition
    after one that fails may never be reached in a run."""
    built: list[Test] = []

    def test(value: Any) -> bool:
        if not built:
            built.append(make())
        return built[0](value)

    return test


def _one_of(expected: list) -> Test:
    if all(isinstance(e, str) for e in expected):  # the usual case: enum values, compared exactly
        texts = frozenset(expected)
        return lambda value: isinstance(value, str) and value in texts
    return lambda value: any(_same(value, e) for e in expected)


def _on_value(get: Callable[[Any], Any], where: dict, conditions: list[Test]) -> Test:
    has_default, default = "default" in where, where.get("default")
    check = conditions[0] if len(conditions) == 1 else _every(conditions)
    field = where.get("field", ".")
    if not has_default and "class" not in where and field not in (".", "") and "." not in field:
        def on_key(item: Any) -> bool:  # the usual test: one key of the item, no default
            return check(item.get(field) if isinstance(item, dict) else None)

        return on_key

    def test(item: Any) -> bool:
        value = get(item)
        if has_default and is_empty(value):
            value = default
        return check(value)

    return test


def _getter(where: dict, options: dict) -> Callable[[Any], Any]:
    """What the conditions test: the item's class, or a field (a plain key the short way)."""
    if "class" in where:
        return classifier(where["class"], options)
    field = where.get("field", ".")
    if field not in (".", "") and "." not in field:
        return lambda item: item.get(field) if isinstance(item, dict) else None
    return lambda item: field_value(item, field)


def _same(value: Any, expected: Any) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    if isinstance(value, str) and isinstance(expected, str):
        return value == expected  # enum values are exact: 'Business' is no type (SL002 says so)
    return value == expected


CLASSES = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {
            "field": {"type": "string", "minLength": 1},
            "values": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "infer": {"type": "array", "items": {
                "type": "object",
                "properties": {"class": {"type": "string", "minLength": 1}, "where": {"$ref": "#/$defs/where"}},
                "required": ["class", "where"], "additionalProperties": False}},
        },
        "dependentRequired": {"field": ["values"]},
        "additionalProperties": False,
    },
}


def classify(item: Any, name: str, options: dict) -> str | None:
    """The class of ``item`` under the classifier ``name`` of ``options['classes']``."""
    return classifier(name, options)(item)


#: (id of the options, class name) -> (options, classifier): compiled once per run, as tests are
_classifiers: dict[tuple[int, str], tuple[dict, Callable[[Any], "str | None"]]] = {}


def classifier(name: str, options: dict) -> Callable[[Any], "str | None"]:
    """The classifier ``name`` of ``options['classes']`` as a function of one item."""
    entry = _classifiers.get((id(options), name))
    if entry is None or entry[0] is not options:
        spec = (options.get("classes") or {}).get(name)
        if spec is None:
            raise KeyError(f"the rule's options define no class named {name!r}")
        if len(_classifiers) >= _MAX_TESTS:
            _classifiers.clear()
        entry = (options, _compile_classifier(spec, options))
        _classifiers[(id(options), name)] = entry
    return entry[1]


def _compile_classifier(spec: dict, options: dict) -> Callable[[Any], "str | None"]:
    field = spec.get("field")
    values = frozenset(v for v in spec.get("values", ()) if isinstance(v, str))
    infer = [(compile_where(rule["where"], options), rule["class"]) for rule in spec.get("infer", ())]

    def classify_item(item: Any) -> str | None:
        if not isinstance(item, dict):
            return None
        if field is not None:
            value = field_value(item, field)
            if isinstance(value, str) and value in values:
                return value
        for test, cls in infer:
            if test(item):
                return cls
        return None

    return classify_item
