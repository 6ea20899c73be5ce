"""The compiled schema check agrees with jsonschema on every document, and
the violations found where it rejects are the ones jsonschema finds."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
import yaml

from stratlint.document import load
from stratlint.schema.explain import quick_check, validator, violations

ROOT = Path(__file__).resolve().parent.parent
# four corpus plans carry the rules v2 additions (language, medium, url, sizes, unit, a loyalty list)
EXAMPLES = sorted(ROOT.glob("examples/*.strategy.yaml")) + [
    ROOT / "tests" / "corpus" / f"{name}.strategy.yaml"
    for name in ("boulangerie-fr", "city-council", "fintech-launch", "two-person-ceramics")]
ODD_VALUES = [None, "", "  ", 0, 1, 1.0, 1.5, -3, True, False, "text", "Bad Id", "2027-02-30", "2027-01-31",
              "social", "business", [], ["a"], [1], {}, {"x-a": 1}, {"bogus": 1}, float("inf")]


def mutations(data, rng: random.Random, count: int):
    """Copies of ``data`` with one value replaced, a key dropped or a key added somewhere."""
    places = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                places.append((value, k))
                walk(v, path + [k])
        elif isinstance(value, list):
            for i, v in enumerate(value):
                places.append((value, i))
                walk(v, path + [i])

    for _ in range(count):
        copy_ = copy.deepcopy(data)
        places.clear()
        walk(copy_, [])
        container, key = rng.choice(places)
        action = rng.random()
        if action < 0.6:
            container[key] = copy.deepcopy(rng.choice(ODD_VALUES))
        elif action < 0.8 and isinstance(container, dict):
            del container[key]
        elif isinstance(container, dict):
            container[rng.choice(["objetives", "x-note", "id", "name", "kind", "target"])] = rng.choice(ODD_VALUES)
        yield copy_


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_quick_check_agrees_with_jsonschema(path):
    quick = quick_check()
    assert quick is not None
    data = load(path.read_text(encoding="utf-8")).data
    rng = random.Random(path.name)
    for doc in [data, *mutations(data, rng, 150)]:
        full = not any(True for _ in validator().iter_errors(doc))
        assert quick(doc) == full, doc


def mutated_documents(path: Path, count: int):
    """The plan and ``count`` mutated copies, each with one to three changes, as located documents."""
    data = load(path.read_text(encoding="utf-8")).data
    rng = random.Random(path.name + "/violations")
    yield load(path.read_text(encoding="utf-8"))
    for doc in mutations(data, rng, count):
        for _ in range(rng.randrange(3)):
            doc = next(mutations(doc, rng, 1))
        if isinstance(doc, dict):
            yield load(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_violations_found_where_the_compiled_check_rejects_are_jsonschemas(path):
    """SL002 is the same whichever finds the violations: the compiled checks
    (descending only into parts that fail) or jsonschema over the whole plan."""
    invalid = 0
    for doc in mutated_documents(path, 120):
        found = violations(doc)
        assert found == violations(doc, validator()), yaml.safe_dump(doc.data, sort_keys=False)
        invalid += bool(found)
    assert invalid > 60  # most mutations break the schema, so the comparison means something


def test_violations_through_aliases_are_reported_once_at_the_first_place():
    text = """\
version: 1
name: Plan
x-base: &base {id: Bad Id, statement: s, type: busines, bogus: 1}
objectives: [*base, *base, {id: ok, statement: s, type: business}]
kpis: [{id: k, name: K, category: vanity, target: }]
"""
    doc = load(text)
    assert violations(doc) == violations(doc, validator())
    assert [(p, at) for p, at, _ in violations(doc)] == [
        ("/objectives/0/id", "value"), ("/objectives/0/type", "value"), ("/objectives/0/bogus", "key")]
