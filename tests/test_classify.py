"""The rules' own inference, as the report's charts use it: a KPI's
category as SL201 reads it, a channel's medium as SL601 reads it, in the
plan's language."""
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
    ({"name": "Posts published per week"}, "activity"),      # read from the name, as the rules do
    ({"name": "Repeat purchase rate"}, "outcome"),           # outcome words win
    ({"name": "Follower-to-customer conversion rate"}, "outcome"),
    ({"name": "Projects in the specification"}, "unknown"),  # no telling word
    ({"name": "Likes", "category": "loud"}, "vanity"),       # not a category of the format: read as none
    ({"name": ["Likes"]}, "unknown"),
])
def test_kpi_category(kpi, category):
    kpi_category, _ = classifiers(RULES)
    assert kpi_category(kpi, {}) == category


def test_a_kpi_is_read_in_the_plans_language():
    kpi_category, _ = classifiers(RULES)
    assert kpi_category({"name": "Abonnés TikTok"}, {"language": "fr"}) == "vanity"
    assert kpi_category({"name": "Abonnés TikTok"}, {}) == "unknown"


@pytest.mark.parametrize("channel, medium", [
    ({"name": "Instagram", "kind": "social"}, "online"),
    ({"name": "Flagship store", "kind": "owned"}, "offline"),    # the name says how customers meet it
    ({"name": "Etsy shop", "kind": "owned"}, "online"),          # a marketplace wins over 'shop'
    ({"name": "Flagship store"}, "offline"),                     # no kind: SL601's offline words
    ({"name": "Stand", "kind": "offline"}, "offline"),
    ({"name": "Radio ads", "kind": "paid"}, "offline"),
    ({"name": "Pop-up", "medium": "hybrid", "kind": "social"}, "hybrid"),  # a stated medium wins
    ({"name": "Pop-up", "medium": "sideways"}, "unknown"),       # a rejected value is none; the name says nothing
    ({"name": "Sponsorships", "kind": "paid"}, "unknown"),       # never guessed
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
    assert classifiers(without)[1]({"name": "Flagship store"}, {}) == "unknown"  # no rule to read it: unknown
