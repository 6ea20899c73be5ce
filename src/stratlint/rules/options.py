"""Rule options: a config's ``rules:`` entry (or a RuleTester's options) laid
over the options a rule's pack gives each of its steps."""
from __future__ import annotations

import copy
import dataclasses

from stratlint.rules.model import Rule, Step
from stratlint.rules.packs import UNLESS_SPEC, check_options


def with_options(rule: Rule, options: dict) -> Rule:
    """The rule with ``options`` laid over each step's own.

    A vocabulary given as a list replaces the rule's (in every language);
    given as ``{extend: [...]}`` it adds to it (in every language the
    rule's has); given per language (``{fr: [...], de: {extend: [...]}}``)
    it replaces or extends that language's list only. In a rule of several
    steps, each option goes to the steps that know it (a vocabulary to the
    steps that have one of that name). ``unless`` replaces the rule's
    ``unless`` test (``null`` removes it). Raises ValueError when an option
    suits no step or the result does not suit the rule's check function.
    """
    steps = [copy.deepcopy(step.options) for step in rule.steps]
    several = len(rule.steps) > 1
    unless = rule.unless
    for key, value in options.items():
        if key == "unless":
            unless = _unless(rule, value)
            continue
        used = False
        for step, merged in zip(rule.steps, steps):
            accepts = key in step.function.options_schema.get("properties", {})
            if key == "vocabularies" and isinstance(value, dict) and accepts:
                vocabs = merged.get("vocabularies", {})
                for name, spec in value.items():
                    if several and name not in vocabs:
                        continue
                    used = True
                    vocabs[name] = merge_vocabulary(vocabs.get(name, []), spec)
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
    return dataclasses.replace(rule, steps=tuple(out), unless=unless)


def with_vocabularies(rule: Rule, vocabularies: dict) -> Rule:
    """The rule with a config's top-level ``vocabularies`` laid over the
    vocabularies of those names it has (others are left alone)."""
    mine = {name for step in rule.steps for name in (step.options.get("vocabularies") or {})}
    wanted = {name: spec for name, spec in vocabularies.items() if name in mine}
    return with_options(rule, {"vocabularies": wanted}) if wanted else rule


def _is_extend(spec) -> bool:
    return isinstance(spec, dict) and set(spec) == {"extend"} and isinstance(spec["extend"], list)


def merge_vocabulary(current, spec):
    """A vocabulary (a list, or one list per language) with ``spec`` laid over it."""
    if isinstance(spec, list):
        return spec
    if _is_extend(spec):
        if isinstance(current, dict):
            return {lang: [*entries, *spec["extend"]] for lang, entries in current.items()}
        return [*current, *spec["extend"]]
    if not isinstance(spec, dict):
        return spec  # not a vocabulary: the check function's option schema says so
    merged = dict(current) if isinstance(current, dict) else {"en": list(current)} if current else {}
    for lang, entries in spec.items():
        if _is_extend(entries):
            base = merged.get(lang, merged.get("en", []) if lang != "en" else [])
            merged[lang] = [*base, *entries["extend"]]
        else:
            merged[lang] = entries
    return merged


def _unless(rule: Rule, value):
    if value is None:
        return None
    problems = check_options(UNLESS_SPEC, value)
    if problems:
        pointer, _, message = problems[0]
        raise ValueError(f"options for '{rule.slug}': unless: {message}" + (f" (at {pointer})" if pointer else ""))
    return value
