"""How the rules classify a plan's items, for commands that show a plan
(the HTML review's charts): a KPI's category and a channel's medium.

One small function each, following the rules' own inference with the
vocabularies of the run's rules, so that a config that extends SL201's
vanity vocabulary changes the charts as it changes the findings:

- a KPI's category: its ``category`` when it is one the plan format
  knows; else ``vanity`` when its name matches the ``vanity`` vocabulary
  of vanity-only-kpis (SL201), as that rule decides; else ``unknown``;
- a channel's medium: its ``medium`` when it is online, offline or hybrid;
  else the side offline-online-fusion (SL601) puts it on
  (:func:`stratlint.checks.strategy.channel_sides`).

When the rules' inference changes, these two functions follow it, and
every command that shows a plan with them.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from stratlint.checks.strategy import channel_sides
from stratlint.checks.vocabulary import Vocabulary, compile_vocabulary
from stratlint.document.values import is_empty

KPI_CATEGORIES = ("outcome", "engagement", "awareness", "vanity", "activity")
MEDIA = ("online", "offline", "hybrid")
UNKNOWN = "unknown"

#: (rule code, vocabulary name) the inference reads its words from
VANITY = ("SL201", "vanity")
OFFLINE = ("SL601", "offline")

Classifier = Callable[[dict, Any], str]


def kpi_category(kpi: dict, vanity: Vocabulary) -> str:
    category = kpi.get("category")
    if isinstance(category, str) and category in KPI_CATEGORIES:
        return category
    return "vanity" if is_empty(category) and vanity.matches(kpi.get("name")) else UNKNOWN


def channel_medium(channel: dict, offline: Vocabulary) -> str:
    medium = channel.get("medium")
    if isinstance(medium, str) and medium in MEDIA:
        return medium
    return next(iter(channel_sides(channel, offline)))


def rule_vocabulary(rules: Iterable[Any], code: str, name: str) -> Vocabulary:
    """The vocabulary ``name`` in the options of the first rule with ``code``
    (empty when there is none): pass the run's configured rules first."""
    for rule in rules:
        if rule.code == code:
            for step in rule.steps:
                words = (step.options.get("vocabularies") or {}).get(name)
                if isinstance(words, list):
                    return compile_vocabulary(tuple(words))
    return compile_vocabulary(())


def classifiers(rules: Iterable[Any]) -> tuple[Classifier, Classifier]:
    """``(kpi_category, channel_medium)`` as ``(item, plan) -> str`` hooks,
    with the vocabularies of ``rules``."""
    rules = list(rules)
    vanity = rule_vocabulary(rules, *VANITY)
    offline = rule_vocabulary(rules, *OFFLINE)
    return (lambda kpi, plan: kpi_category(kpi, vanity)), (lambda channel, plan: channel_medium(channel, offline))
