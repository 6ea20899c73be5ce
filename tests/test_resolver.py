"""The loader's cached tag resolution gives PyYAML's own tags and values."""
from __future__ import annotations

from pathlib import Path

import yaml

from stratlint.document import load
from stratlint.document import resolver
from stratlint.document.loader import Loader

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.strategy.yaml"))

SCALARS = ["yes", "No", "on", "OFF", "true", "False", "~", "null", "Null", "", "0", "-12", "+7", "0o17", "017",
           "0x1F", "0b101", "1_000", "12:30", "190:20:30", "1.5", "-.5", ".inf", "-.Inf", ".nan", "1e3", "-2.5E-4",
           "2027-01-31", "2027-1-3 10:20:30", "2027-02-30", "<<", "=", "text", "y", "n", "two-way", "0.", "1e"]


class PlainLoader(yaml.CSafeLoader):
    """PyYAML's loader with stratlint's extra resolver, no cache."""


PlainLoader.add_implicit_resolver("tag:yaml.org,2002:float", Loader.yaml_implicit_resolvers["1"][-1][1],
                                  list("-+0123456789"))


def tags(text: str, loader: type) -> list[str]:
    out, stack = [], [yaml.compose(text, Loader=loader)]
    while stack:
        node = stack.pop()
        out.append((node.tag, node.value if isinstance(node.value, str) else None))
        if isinstance(node.value, list):
            for child in node.value:
                stack.extend(child if isinstance(child, tuple) else [child])
    return out


def test_every_plain_scalar_gets_pyyamls_tag_first_time_and_cached():
    text = "".join(f"k{i}: {s}\nq{i}: '{s}'\nl{i}:\n  - {s}\n" for i, s in enumerate(SCALARS)) + "m: {a: 1}\n"
    expected = tags(text, PlainLoader)
    assert tags(text, Loader) == expected  # first time: resolved, then cached
    assert tags(text, Loader) == expected  # second time: from the cache


def test_example_plans_get_the_same_tags():
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        assert tags(text, Loader) == tags(text, PlainLoader), path.name


def test_values_built_from_cached_tags():
    doc = load("version: 1\nname: yes\nx-a: [2027-01-31, 1e3, '1e3', ~, 0x10, on]\nx-b: [2027-01-31, 1e3]\n")
    assert doc.data == {"version": 1, "name": True, "x-a": ["2027-01-31", 1000.0, "1e3", None, 16, True],
                        "x-b": ["2027-01-31", 1000.0]}


def test_the_cache_is_bounded():
    many = "\n".join(f"k{i}: v{i}" for i in range(resolver.MAX_CACHED_SCALARS * 2))
    long = "x" * (resolver.MAX_CACHED_LENGTH + 1)
    load(f"{many}\nlong: {long}\n")
    assert 0 < len(Loader._plain_tags) <= resolver.MAX_CACHED_SCALARS
    assert long not in Loader._plain_tags
