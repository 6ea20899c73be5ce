"""Where a plan's money goes: an amount per channel, and the sums by
channel kind. The HTML review charts them; ``stratlint diff`` compares
them between two versions of a plan.

Amounts come from ``budget.allocations`` or, when those give no amount,
from the tactics' own ``budget``. An amount counts when it is a number
from 0 to 10^15 (more, or not finite, is no budget: no plan spends that,
and no chart could draw it); zero amounts are left out. Nothing here
trusts the plan: values of the wrong type are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("owned", "social", "earned", "paid", "offline")
UNKNOWN = "unknown"


def amount(value: Any) -> float | None:
    """An amount that counts, as a float; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0 <= value <= 1e15 else None  # NaN compares false


def _mappings(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Spend:
    source: str                                  # "allocations", "tactic budgets" or "" (none)
    currency: str                                # as the plan writes it (at most 12 characters), or ""
    amounts: tuple[tuple[str | None, float], ...]  # (channel id or None, amount), in plan order


def spend(plan: Any) -> Spend:
    plan = plan if isinstance(plan, dict) else {}
    budget = plan.get("budget") if isinstance(plan.get("budget"), dict) else {}
    currency = budget.get("currency").strip()[:12] if isinstance(budget.get("currency"), str) else ""
    for source, entries, key in (("allocations", _mappings(budget.get("allocations")), "amount"),
                                 ("tactic budgets", _mappings(plan.get("tactics")), "budget")):
        found = [(e.get("channel") if isinstance(e.get("channel"), str) else None, amount(e.get(key)))
                 for e in entries]
        found = [(channel, value) for channel, value in found if value]
        if found:
            return Spend(source, currency, tuple(found))
    return Spend("", currency, ())


def channel_kinds(plan: Any) -> dict[str, str]:
    """Each channel id's kind (one of KINDS, else "unknown")."""
    channels = _mappings(plan.get("channels")) if isinstance(plan, dict) else []
    kinds: dict[str, str] = {}
    for channel in channels:
        cid, kind = channel.get("id"), channel.get("kind")
        if isinstance(cid, str) and cid not in kinds:
            kinds[cid] = kind if isinstance(kind, str) and kind in KINDS else UNKNOWN
    return kinds


def by_kind(plan: Any, spent: Spend | None = None) -> dict[str, float]:
    """The sum spent on each channel kind, in the order of KINDS, then
    "unknown" (a channel with no known kind, or no channel); kinds with
    nothing spent are left out."""
    spent = spend(plan) if spent is None else spent
    kinds = channel_kinds(plan)
    sums = dict.fromkeys((*KINDS, UNKNOWN), 0.0)
    for channel, value in spent.amounts:
        sums[kinds.get(channel, UNKNOWN) if channel else UNKNOWN] += value
    return {kind: value for kind, value in sums.items() if value}
