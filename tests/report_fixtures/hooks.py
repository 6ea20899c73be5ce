"""Inference hooks for the report built from the v1 rules' own logic: what
SL201 calls vanity and how SL601 decides a channel's side. They stand in for
the rule engine's inference until the command that writes the report passes
its own."""
from __future__ import annotations

from stratlint.checks.strategy import channel_sides
from stratlint.rules.registry import load_rules
from stratlint.checks.vocabulary import compile_vocabulary

_RULES = {r.code: r for r in load_rules().rules}
_VANITY = compile_vocabulary(tuple(_RULES["SL201"].steps[0].options["vocabularies"]["vanity"]))
_OFFLINE = compile_vocabulary(tuple(_RULES["SL601"].steps[0].options["vocabularies"]["offline"]))
_CATEGORIES = ("outcome", "engagement", "awareness", "vanity", "activity")


def kpi_category(kpi: dict, plan: dict) -> str:
    category = kpi.get("category")
    if isinstance(category, str) and category in _CATEGORIES:
        return category
    return "vanity" if _VANITY.matches(kpi.get("name")) else "unknown"


def channel_medium(channel: dict, plan: dict) -> str:
    medium = channel.get("medium")
    if isinstance(medium, str) and medium in ("online", "offline", "hybrid"):
        return medium
    return next(iter(channel_sides(channel, _OFFLINE)))
