"""The sentences ``stratlint diff`` says, as plain text; the text format
prints them, the markdown format escapes them."""
from __future__ import annotations

import datetime
import json
import math
from typing import Any

from stratlint.changes.model import ABSENT, ALLOCATIONS, PLAN, SECTIONS, BudgetShift, Change, FieldChange, PlanDiff
from stratlint.findings import Finding, summarize
from stratlint.formatters import shown

MAX_VALUE = 100  # characters of one value shown
TITLES = {**{key: title for key, (_, title) in SECTIONS.items()}, PLAN: "Plan", ALLOCATIONS: "Budget allocations"}
SECTION_ORDER = (*SECTIONS, PLAN, ALLOCATIONS)


def show(value: Any, limit: int = MAX_VALUE) -> str:
    """A value as a reader would write it: bare when it is one word, in
    double quotes when it has spaces; lists and mappings in flow style."""
    text = _show(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _show(value: Any) -> str:
    if value is ABSENT:
        return "none"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        words = " ".join(value.split())
        bare = words and words == value and not any(c in value for c in " ,:[]{}\"'")
        return value if bare else json.dumps(words, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def field_phrase(section: str, change: FieldChange) -> str:
    old, new = change.old, change.new
    if section == "tactics" and change.field == "channel" and isinstance(old, str) and isinstance(new, str):
        return f"moved from channel {show(old)} to {show(new)}"
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(v, str) for v in old + new):
        added = [v for v in new if v not in old]
        removed = [v for v in old if v not in new]
        if added or removed:
            parts = [f"+{show(v)}" for v in added] + [f"-{show(v)}" for v in removed]
            return f"{change.field}: {' '.join(parts)}"
        return f"{change.field}: reordered {show(old)} -> {show(new)}"
    name = f"{change.field}: " if change.field else ""
    if old is ABSENT:
        return f"{name}{show(new)} (added)"
    if new is ABSENT:
        return f"{name}{show(old)} (removed)"
    return f"{name}{show(old)} -> {show(new)}"


def change_phrase(change: Change) -> str:
    """One line for one change, e.g. ``changed retention-12m (12-month
    retention): target: 70% -> 65%``."""
    if change.section == PLAN:
        [first, *_] = change.fields
        if change.kind in ("added", "removed"):
            value = first.new if change.kind == "added" else first.old
            if isinstance(value, dict) and value:
                return f"{change.kind} {change.id} (with {', '.join(map(str, value))})"
            return f"added {change.id}: {show(value)}" if change.kind == "added" else \
                f"removed {change.id} (was {show(value)})"
        return "changed " + "; ".join(field_phrase(PLAN, f) for f in change.fields)
    if change.section == ALLOCATIONS:
        [f] = change.fields
        if change.kind == "added":
            return f"added {change.id}: {show(f.new)}"
        if change.kind == "removed":
            return f"removed {change.id}: {show(f.old)}"
        return f"changed {change.id}: {show(f.old)} -> {show(f.new)}"
    what = change.id or "an item without id"
    label = f" ({show(change.label)})" if change.label and change.label != change.id else ""
    if change.kind == "renamed":
        return f"renamed {change.old_id} -> {change.id}{label}"
    if change.kind == "changed":
        return f"changed {what}{label}: " + "; ".join(field_phrase(change.section, f) for f in change.fields)
    return f"{change.kind} {what}{label}"


def budget_phrases(shift: BudgetShift) -> tuple[str, list[str]]:
    """The heading (with the currency) and one line per channel kind."""
    if shift.old_currency == shift.new_currency:
        money = f" ({shift.new_currency})" if shift.new_currency else ""
    else:
        money = f" ({shift.old_currency or 'no currency'} -> {shift.new_currency or 'no currency'})"
    lines = []
    for kind, old, new in shift.rows:
        delta = new - old
        sign = "+" if delta > 0 else "-" if delta < 0 else "±"
        lines.append(f"{kind}: {amount(old)} -> {amount(new)} ({sign}{amount(abs(delta))})")
    return f"Budget by channel kind{money}", lines


def finding_phrase(f: Finding) -> str:
    return f"{shown(f.path)}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}  ({f.rule})"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def counts(findings: list[Finding]) -> str:
    c = summarize(findings)
    return ", ".join(plural(c[s], s) for s in ("error", "warning", "info"))


def summary(diff: PlanDiff) -> str:
    files = diff.files
    against = f" against {diff.base}" if diff.base else ""
    introduced = [f for d in files for f in d.introduced]
    resolved = [f for d in files for f in d.resolved]
    changes = sum(len(d.changes) + (1 if d.budget else 0) for d in files)
    statuses = {s: sum(d.status == s for d in files) for s in ("modified", "added", "removed")}
    if diff.failed and not files:
        return f"No file was compared{against}; see the errors above."
    failed = "; some paths could not be compared (see the errors above)" if diff.failed else ""
    if not (changes or introduced or resolved or statuses["added"] or statuses["removed"]):
        return (f"No change to the strategy and no finding introduced or resolved in "
                f"{plural(len(files), 'file')}{against}{failed}.")
    return (f"Compared {plural(len(files), 'file')}{against}: {statuses['modified']} changed, {statuses['added']} added, "
            f"{statuses['removed']} removed; {plural(changes, 'change')} to the strategy; "
            f"{plural(len(introduced), 'finding')} introduced ({counts(introduced)}), {len(resolved)} resolved{failed}.")


def by_section(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    return [(TITLES[s], [c for c in changes if c.section == s]) for s in SECTION_ORDER
            if any(c.section == s for c in changes)]


def status_note(d) -> str:
    """What the file's status says beyond its changes, or ""."""
    if d.status == "added":
        return "new plan"
    if d.status == "removed":
        return "plan removed"
    if not d.old_parsed or not d.new_parsed:
        which = " and ".join(w for w, ok in (("the old version", d.old_parsed), ("the new version", d.new_parsed))
                             if not ok)
        return f"{which} could not be read as a plan, so only findings are compared"
    return ""
