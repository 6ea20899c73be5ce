"""stratlint against the evaluation corpus: the findings a strategist
expects in realistic plans (tests/corpus/expected.yaml), by file, rule
and line, with the published precision and recall held current."""
from __future__ import annotations

import json

import pytest

from tests import corpus_eval


@pytest.fixture(scope="module")
def found():
    return corpus_eval.expected(), corpus_eval.reported()


def _listing(keys) -> str:
    return "\n".join(f"  {f}:{line}: {code}" for f, code, line in sorted(keys))


def test_stratlint_reports_exactly_what_the_corpus_expects_but_the_known_disagreements(found):
    want, got = found
    missed = +(want - got)
    extra = +(got - want)
    known_missed = {(f, c, line) for f, c, line, kind, _ in corpus_eval.DISAGREEMENTS if kind == "missed"}
    known_extra = {(f, c, line) for f, c, line, kind, _ in corpus_eval.DISAGREEMENTS if kind == "extra"}
    assert set(missed) == known_missed, "expected, not reported:\n" + _listing(set(missed) ^ known_missed)
    assert set(extra) == known_extra, "reported, not expected:\n" + _listing(set(extra) ^ known_extra)


def test_every_plan_is_in_the_expectations_and_every_expectation_names_a_plan():
    import yaml

    names = {p.name for p in corpus_eval.CORPUS.glob("*.strategy.yaml")}
    listed = set(yaml.safe_load((corpus_eval.CORPUS / "expected.yaml").read_text(encoding="utf-8")))
    assert names == listed
    assert len(names) >= 10


def test_every_known_disagreement_has_a_reason():
    for f, code, line, kind, reason in corpus_eval.DISAGREEMENTS:
        assert kind in ("missed", "extra") and len(reason.split()) >= 5, (f, code, line)


def test_the_published_score_is_current(found):
    """docs/rules.md shows src/stratlint/evaluation.json; it must be the score of today's rules."""
    want, got = found
    current = corpus_eval.score(want, got)
    current.pop("_matched")
    published = json.loads(corpus_eval.EVALUATION.read_text(encoding="utf-8"))
    assert published == current, "the score changed: run 'python -m tests.corpus_eval --write', then regenerate docs/rules.md"


def test_the_score_is_what_the_counts_say():
    from collections import Counter

    want = Counter({("a", "SL1", 1): 1, ("a", "SL2", 2): 1, ("b", "SL1", 3): 2})
    got = Counter({("a", "SL1", 1): 1, ("b", "SL1", 3): 1, ("b", "SL9", 9): 1})
    total = corpus_eval.score(want, got)["total"]
    assert total == {"expected": 4, "reported": 3, "matched": 2, "precision": 0.6667, "recall": 0.5}
