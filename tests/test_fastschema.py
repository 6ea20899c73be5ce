"""The compiled schema check agrees with jsonschema on every document."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest

from stratlint.document import load
from stratlint.schema.explain import quick_check, validator

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
