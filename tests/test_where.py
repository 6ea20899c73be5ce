"""``where`` tests, compiled once, answer as the README defines them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stratlint.checks.where import compile_where, compiled, holds

OPTIONS = {"vocabularies": {"vanity": ["likes", "follower"], "sales": ["sale", "revenue"]}}
WORDS = {"vanity": ("likes", "follower", "followers"), "sales": ("sale", "sales", "revenue", "revenues")}

values = st.sampled_from([None, "", " ", "vanity", "outcome", "Page likes", "New followers", "Revenue", "sales",
                          0, 1, 1.0, True, False, [], ["a"], {}, {"b": "vanity"}])
leaf = st.fixed_dictionaries({}, optional={
    "field": st.sampled_from([".", "category", "name", "nested.b", "absent"]),
    "present": st.booleans(),
    "equals": st.sampled_from(["vanity", "outcome", 1, True, 1.0]),
    "in": st.lists(st.sampled_from(["vanity", "outcome", 1, False]), min_size=1, max_size=3),
    "matches": st.sampled_from(["vanity", "sales", ["likes"]]),
    "default": values,
})
wheres = st.recursive(leaf, lambda inner: st.one_of(
    st.builds(lambda ws: {"all": ws}, st.lists(inner, min_size=1, max_size=3)),
    st.builds(lambda ws: {"any": ws}, st.lists(inner, min_size=1, max_size=3)),
    st.builds(lambda w: {"not": w}, inner),
), max_leaves=6)
items = st.fixed_dictionaries({}, optional={"category": values, "name": values,
                                            "nested": st.sampled_from([{"b": "vanity"}, {"b": None}, "x"])})


def same(value, expected) -> bool:
    if isinstance(value, bool) or isinstance(expected, bool):
        return value is expected
    return value == expected


def empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value in ([], {})


def matches(spec, value) -> bool:
    words = WORDS[spec] if isinstance(spec, str) else tuple(spec)
    return isinstance(value, str) and any(w in value.lower().split() for w in words)


def reading(where: dict, item) -> bool:
    """The README's definition, read literally."""
    if "all" in where and not all(reading(w, item) for w in where["all"]):
        return False
    if "any" in where and not any(reading(w, item) for w in where["any"]):
        return False
    if "not" in where and reading(where["not"], item):
        return False
    value = item
    for part in [] if where.get("field", ".") == "." else where["field"].split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if empty(value) and "default" in where:
        value = where["default"]
    checks = [("present", lambda: where["present"] != empty(value)),
              ("equals", lambda: same(value, where["equals"])),
              ("in", lambda: any(same(value, v) for v in where["in"])),
              ("matches", lambda: matches(where["matches"], value))]
    return all(test() for key, test in checks if key in where)


@settings(max_examples=400, deadline=None)
@given(wheres, st.lists(items, max_size=4))
def test_compiled_where_answers_as_the_definition(where, batch):
    test = compile_where(where, OPTIONS)
    for item in batch:
        assert test(item) == reading(where, item), (where, item)
        assert holds(where, item, OPTIONS) == reading(where, item)


def test_compiled_once_per_where_and_options():
    where = {"field": "category", "equals": "vanity"}
    assert compiled(where, OPTIONS) is compiled(where, OPTIONS)
    assert compiled(where, OPTIONS) is not compiled(where, {"vocabularies": {}})
    assert compiled({"field": "category", "equals": "vanity"}, OPTIONS) is not compiled(where, OPTIONS)
