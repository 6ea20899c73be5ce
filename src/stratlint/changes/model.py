"""What ``stratlint diff`` finds between two versions of a plan, as data
the formats lay out (text, markdown, json)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from stratlint.findings import Finding


class _Absent:
    """A field that is not there (as opposed to one set to null)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()

#: the lists of items with ids, in the order of the plan format: key -> (pointer, title)
SECTIONS = {
    "objectives": ("/objectives", "Objectives"),
    "segments": ("/audience/segments", "Audience segments"),
    "kpis": ("/kpis", "KPIs"),
    "channels": ("/channels", "Channels"),
    "tactics": ("/tactics", "Tactics"),
}
PLAN = "plan"          # the section of the plan's other keys (name, sponsor, period, review...)
ALLOCATIONS = "budget"  # the section of budget allocations, by channel


@dataclass(frozen=True)
class FieldChange:
    field: str   # dotted path inside the item (or the plan), e.g. "target", "period.end"
    old: Any     # ABSENT where the field was not there
    new: Any


@dataclass(frozen=True)
class Change:
    section: str   # a key of SECTIONS, PLAN or ALLOCATIONS
    kind: str      # "added", "removed", "changed" or "renamed"
    id: str        # the item's id (the new one for a rename); the key for PLAN; the channel for ALLOCATIONS
    label: str = ""                 # the item's name, statement or description
    old_id: str = ""                # for "renamed"
    fields: tuple[FieldChange, ...] = ()  # for "changed"


@dataclass(frozen=True)
class BudgetShift:
    """The sums spent by channel kind, before and after: the kinds whose sum
    changed (every kind spent on, when the currency changed)."""

    old_currency: str
    new_currency: str
    rows: tuple[tuple[str, float, float], ...]  # (kind, old, new), kinds in the order of budget.KINDS


@dataclass
class FileDiff:
    old_path: str | None   # None for a plan that is new
    new_path: str | None   # None for a plan that was removed
    old_parsed: bool = True
    new_parsed: bool = True
    changes: list[Change] = field(default_factory=list)
    budget: BudgetShift | None = None
    introduced: list[Finding] = field(default_factory=list)
    resolved: list[Finding] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.old_path is None:
            return "added"
        if self.new_path is None:
            return "removed"
        return "modified" if self.changes or self.budget or self.introduced or self.resolved else "unchanged"

    @property
    def path(self) -> str:
        return self.new_path if self.new_path is not None else self.old_path or ""


@dataclass
class PlanDiff:
    files: list[FileDiff]
    base: str | None = None   # the revision compared with (--base), else None
    failed: bool = False      # the run itself failed on some input (exit code 2)
