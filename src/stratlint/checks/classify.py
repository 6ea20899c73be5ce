"""How the rules classify a plan's items, for commands that show a plan
(the HTML review's charts): a KPI's category and a channel's medium.

Both come from the rules themselves, so that the charts and the findings
always agree: a KPI's category is its class under the ``category``
classifier of vanity-only-kpis (SL201), and a channel's medium its class
under the ``medium`` classifier of no-offline-online-fusion (SL601)
(:func:`stratlint.checks.where.classify`), read with the vocabularies of
the plan's language and of the run's configured rules. So a config that
extends SL201's vanity vocabulary changes the charts as it changes the
findings. What the rules cannot tell (a name with no telling word, a rule
that is not in the run) is ``unknown``.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from stratlint.checks.vocabulary import localize, plan_language
from stratlint.checks.where import classify

KPI_CATEGORIES = ("outcome", "engagement", "awareness", "vanity", "activity")
MEDIA = ("online", "offline", "hybrid")
UNKNOWN = "unknown"

#: (rule code, classifier name) the inference reads
CATEGORY = ("SL201", "category")
MEDIUM = ("SL601", "medium")

Classifier = Callable[[dict, Any], str]


def rule_options(rules: Iterable[Any], code: str, name: str) -> dict | None:
    """The options of the first rule with ``code`` whose step has the
    classifier ``name`` (None when there is none): pass the run's
    configured rules first."""
    for rule in rules:
        if rule.code == code:
            for step in rule.steps:
                if name in (step.options.get("classes") or {}):
                    return step.options
    return None


def classifier(options: dict | None, name: str) -> Classifier:
    """``(item, plan) -> class`` for the classifier ``name`` of ``options``."""
    def classify_item(item: dict, plan: Any) -> str:
        if options is None or not isinstance(item, dict):
            return UNKNOWN
        return classify(item, name, localize(options, plan_language(plan))) or UNKNOWN

    return classify_item


def classifiers(rules: Iterable[Any]) -> tuple[Classifier, Classifier]:
    """``(kpi_category, channel_medium)`` as ``(item, plan) -> str`` hooks,
    with the classifiers and vocabularies of ``rules``."""
    rules = list(rules)
    return (classifier(rule_options(rules, *CATEGORY), CATEGORY[1]),
            classifier(rule_options(rules, *MEDIUM), MEDIUM[1]))
