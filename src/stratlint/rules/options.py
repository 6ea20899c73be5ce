"""Rule options: a config's ``rules:`` entry (or a RuleTester's options) laid
over the options a rule's pack gives each of its steps."""
from __future__ import annotations

import copy
import dataclasses

from stratlint.rules.model import Rule, Step
from stratlint.rules.packs import check_options


def with_options(rule: Rule, options: dict) -> Rule:
    """The rule with ``options`` laid over each step's own.

    A vocabulary given as a list replaces the rule's; given as
    ``{extend: [...]}`` it adds to it. In a rule of several steps, each
    option goes to the steps that know it (a vocabulary to the steps that
    have one of that name). Raises ValueError when an option suits no step
    or the result does not suit the rule's check function.
    """
    steps = [copy.deepcopy(step.options) for step in rule.steps]
    several = len(rule.steps) > 1
    for key, value in options.items():
        used = False
        for step, merged in zip(rule.steps, steps):
            accepts = key in step.function.options_schema.get("properties", {})
            if key == "vocabularies" and isinstance(value, dict) and accepts:
                vocabs = merged.get("vocabularies", {})
                for name, spec in value.items():
                    if several and name not in vocabs:
                        continue
                    used = True
                    if isinstance(spec, dict) and set(spec) == {"extend"} and isinstance(spec["extend"], list):
                        vocabs[name] = [*vocabs.get(name, []), *spec["extend"]]
                    else:
                        vocabs[name] = spec
                if vocabs:
                    merged["vocabularies"] = vocabs
            elif accepts or not several:
                merged[key] = value
                used = True
        if not used:
            raise ValueError(f"options for '{rule.slug}': no check of this rule takes '{key}'")
    out = []
    for step, merged in zip(rule.steps, steps):
        problems = check_options(step.function, merged)
        if problems:
            pointer, _, message = problems[0]
            raise ValueError(f"options for '{rule.slug}': {message}" + (f" (at {pointer})" if pointer else ""))
        out.append(Step(step.function, merged))
    return dataclasses.replace(rule, steps=tuple(out))
