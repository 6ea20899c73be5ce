"""The rules' own inference, as the report's charts use it: a KPI's
category as SL201 reads it, a channel's medium as SL601 decides its side."""
from __future__ import annotations

import dataclasses

import pytest

from stratlint.checks.classify import classifiers
from stratlint.rules.options import with_options
from stratlint.rules.registry import load_rules

RULES = load_rules().rules


@pytest.mark.parametrize("kpi, category", [
    ({"name": "Page likes"}, "vanity"),                      # SL201's vocabulary, plurals included
    ({"name": "Page likes", "category": ""}, "vanity"),      # an empty category is no category
    ({"name": "Page likes", "category": "outcome"}, "outcome"),  # a stated category wins
    ({"name": "Posts published", "category": "activity"}, "activity"),
    ({"name": "Repeat purchase rate"}, "unknown"),
    ({"name": "Likes", "category": "loud"}, "unknown"),      # not a category of the format
    ({"name": ["Likes"]}, "unknown"),
])
def test_kpi_category(kpi, category):
    kpi_category, _ = classifiers(RULES)
    assert kpi_category(kpi, {}) == category


@pytest.mark.parametrize("channel, medium", [
    ({"name": "Instagram", "kind": "social"}, "online"),
    ({"name": "Flagship store", "kind": "owned"}, "online"),     # a kind decides before the name, as in SL601
    ({"name": "Flagship store"}, "offline"),                     # no kind: SL601's offline words
    ({"name": "Stand", "kind": "offline"}, "offline"),
    ({"name": "Pop-up", "medium": "hybrid", "kind": "social"}, "hybrid"),  # a stated medium wins
    ({"name": "Pop-up", "medium": "sideways"}, "online"),
])
def test_channel_medium(channel, medium):
    _, channel_medium = classifiers(RULES)
    assert channel_medium(channel, {}) == medium


def test_the_run_s_configured_vocabulary_comes_first():
    sl201 = next(r for r in RULES if r.code == "SL201")
    extended = with_options(sl201, {"vocabularies": {"vanity": {"extend": ["claps"]}}})
    kpi_category, _ = classifiers([extended, *RULES])
    assert kpi_category({"name": "Claps per post"}, {}) == "vanity"
    assert classifiers(RULES)[0]({"name": "Claps per post"}, {}) == "unknown"
    without = [dataclasses.replace(r, steps=()) if r.code == "SL601" else r for r in RULES]
    assert classifiers(without)[1]({"name": "Flagship store"}, {}) == "online"  # no offline words: online
