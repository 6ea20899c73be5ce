"""What a change means for the strategy: two versions of a plan's values
compared item by item, not line by line.

- **Items** (objectives, audience segments, KPIs, channels, tactics) are
  matched by ``id``: an item is added, removed, or changed field by field
  (a KPI's ``target: 25% -> 15%``, a tactic's ``channel``). An item without
  an id (or with an id used twice) is matched by its whole content.
- **Renames**: a removed item whose content, apart from its id, equals an
  added item's is one item renamed. References to a renamed id (the
  reference fields the rules check, SL004's ``refs``) are read with the
  new id, so an objective whose ``kpis`` only follow a renamed KPI is
  unchanged, and a rename that only follows another is found too.
- **The plan's other keys** (name, owner, sponsor, period, value
  proposition, listening, review...) are compared by value, mappings key
  by key; **budget allocations** by channel.
- **The shift in budget** is the sum spent by channel kind before and
  after (:mod:`stratlint.budget`).

Values are compared with their types (``1`` is not ``true``, ``"5"`` is
not ``5``); nothing in a plan is trusted to have the right shape.
"""
from __future__ import annotations

import copy
import datetime
import hashlib
import json
from typing import Any, Iterable

from stratlint import budget
from stratlint.changes.model import ABSENT, ALLOCATIONS, PLAN, SECTIONS, BudgetShift, Change, FieldChange
from stratlint.document.pointer import split

#: the plan's keys in the order of the plan format; other keys follow in the plan's order
ORDER = ("version", "name", "owner", "sponsor", "period", "language", "audience", "value_proposition", "content",
         "listening", "customer_care", "loyalty", "word_of_mouth", "advocacy", "organization", "review", "budget")
ITEM_LISTS = ("objectives", "kpis", "channels", "tactics")


def reference_specs(rules: Iterable[Any]) -> list[tuple[str, str]]:
    """``(given, to)`` of every reference the rules resolve (the options of
    each ``references`` check), e.g. ``("/tactics/*/channel", "/channels")``."""
    specs = []
    for rule in rules:
        for step in rule.steps:
            if step.function.name == "references":
                specs += [(r["given"], r["to"]) for r in step.options.get("refs", ()) if (r["given"], r["to"]) not in specs]
    return specs


def compare(old: Any, new: Any, refs: list[tuple[str, str]]) -> tuple[list[Change], BudgetShift | None]:
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    renames = _renames(old, new, refs)
    before = _translate(old, refs, renames)
    changes = []
    for section, (pointer, _) in SECTIONS.items():
        changes += [Change(section, "renamed", n, _label(_keyed(_list(new, pointer))[n]), old_id=o)
                    for o, n in renames[pointer].items()]
        changes += _items(section, _list(before, pointer), _list(new, pointer))
    changes += _plan(before, new)
    changes += _allocations(before, new)
    return changes, _budget_shift(old, new)


# -- values -------------------------------------------------------------------------

def _canon(value: Any) -> Any:
    """A form of ``value`` in which equal means the same value of the same type."""
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, (int, float)):
        return ("n", value)
    if isinstance(value, str):
        return ("s", value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return ("d", value.isoformat())
    if isinstance(value, list):
        return ("l", tuple(_canon(v) for v in value))
    if isinstance(value, dict):
        return ("m", tuple(sorted((str(k), _canon(v)) for k, v in value.items())))
    return ("o", repr(value))


def same(a: Any, b: Any) -> bool:
    return a is b or _canon(a) == _canon(b)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(_canon(value), default=str).encode()).hexdigest()[:12]


def _list(data: Any, pointer: str) -> list:
    value = data
    for token in split(pointer):
        value = value.get(token) if isinstance(value, dict) else None
    return value if isinstance(value, list) else []


def _keyed(items: list) -> dict[str, Any]:
    """Items by id; an item without a text id, or with one already taken,
    by ``#`` and a digest of its content."""
    keyed: dict[str, Any] = {}
    for item in items:
        ident = item.get("id") if isinstance(item, dict) else None
        key = ident if isinstance(ident, str) and ident and not ident.startswith("#") and ident not in keyed \
            else "#" + _digest(item)
        keyed.setdefault(key, item)
    return keyed


def _label(item: Any) -> str:
    if isinstance(item, dict):
        for key in ("name", "statement", "description", "id"):
            if isinstance(item.get(key), str) and item[key].strip():
                return item[key].strip()
        return ""
    return item if isinstance(item, str) else json.dumps(item, default=str, ensure_ascii=False)


def _without_id(item: Any) -> Any:
    return {k: v for k, v in item.items() if k != "id"} if isinstance(item, dict) else item


# -- renames --------------------------------------------------------------------------

def _renames(old: dict, new: dict, refs: list[tuple[str, str]]) -> dict[str, dict[str, str]]:
    """``{list pointer: {old id: new id}}``: each removed item whose content
    but its id equals an added item's, once references follow the renames
    found so far (so a rename that only follows another is found too)."""
    renames: dict[str, dict[str, str]] = {pointer: {} for pointer, _ in SECTIONS.values()}
    for _ in range(len(SECTIONS) + 1):
        before = _translate(old, refs, renames)
        found = False
        for pointer, _title in SECTIONS.values():
            was, now = _keyed(_list(before, pointer)), _keyed(_list(new, pointer))
            added = [k for k in now if k not in was and not k.startswith("#")]
            for key in [k for k in was if k not in now and not k.startswith("#")]:
                match = next((a for a in added if same(_without_id(was[key]), _without_id(now[a]))), None)
                if match is not None:
                    added.remove(match)
                    original = next((o for o, n in renames[pointer].items() if n == key), key)
                    renames[pointer][original] = match
                    found = True
        if not found:
            break
    return renames


def _translate(data: dict, refs: list[tuple[str, str]], renames: dict[str, dict[str, str]]) -> dict:
    """A copy of ``data`` with renamed items under their new ids and every
    reference to them naming the new id."""
    if not any(renames.values()):
        return data
    data = copy.deepcopy(data)
    for pointer, mapping in renames.items():
        for item in _list(data, pointer):
            if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"] in mapping:
                item["id"] = mapping[item["id"]]
    for given, to in refs:
        mapping = renames.get(to)
        if mapping:
            _rewrite(data, split(given), mapping)
    return data


def _rewrite(value: Any, tokens: list[str], mapping: dict[str, str]) -> None:
    """Rename the references at the path ``tokens`` (``*`` = every item) below ``value``."""
    if not tokens or not isinstance(value, (dict, list)):
        return
    token, rest = tokens[0], tokens[1:]
    if isinstance(value, dict):
        keys = list(value) if token == "*" else [token] if token in value else []
    else:
        keys = list(range(len(value))) if token == "*" else [int(token)] if token.isdigit() and int(token) < len(value) else []
    for key in keys:
        if rest:
            _rewrite(value[key], rest, mapping)
        elif isinstance(value[key], str):
            value[key] = mapping.get(value[key], value[key])
        elif isinstance(value[key], list):
            value[key] = [mapping.get(v, v) if isinstance(v, str) else v for v in value[key]]


# -- comparisons ----------------------------------------------------------------------

def _fields(old: Any, new: Any, prefix: str = "") -> list[FieldChange]:
    """The fields that differ between two mappings, nested mappings key by key."""
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(key, ABSENT), new.get(key, ABSENT)
        name = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict):
            changes += _fields(a, b, name + ".")
        elif a is ABSENT or b is ABSENT or not same(a, b):
            changes.append(FieldChange(name, a, b))
    return changes


def _items(section: str, old: list, new: list) -> list[Change]:
    was, now = _keyed(old), _keyed(new)
    changes = []
    for key, item in now.items():
        if key not in was:
            changes.append(Change(section, "added", "" if key.startswith("#") else key, _label(item)))
        elif not same(was[key], item):
            if isinstance(was[key], dict) and isinstance(item, dict):
                fields = tuple(_fields(_without_id(was[key]), _without_id(item)))
            else:
                fields = (FieldChange("", was[key], item),)
            changes.append(Change(section, "changed", key, _label(item), fields=fields))
    changes += [Change(section, "removed", "" if key.startswith("#") else key, _label(item))
                for key, item in was.items() if key not in now]
    return changes


def _others(data: dict) -> dict:
    """The plan's keys other than the lists of items (and audience segments,
    budget allocations), in the order of the plan format."""
    out = {}
    for key in [*(k for k in ORDER if k in data), *(k for k in data if k not in ORDER)]:
        value = data[key]
        if key in ITEM_LISTS:
            continue
        if key in ("audience", "budget") and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != ("segments" if key == "audience" else "allocations")}
            if not value:
                continue
        out[key] = value
    return out


def _plan(old: dict, new: dict) -> list[Change]:
    was, now = _others(old), _others(new)
    changes = []
    for key in [*now, *(k for k in was if k not in now)]:
        a, b = was.get(key, ABSENT), now.get(key, ABSENT)
        if a is ABSENT:
            changes.append(Change(PLAN, "added", key, fields=(FieldChange(key, ABSENT, b),)))
        elif b is ABSENT:
            changes.append(Change(PLAN, "removed", key, fields=(FieldChange(key, a, ABSENT),)))
        elif isinstance(a, dict) and isinstance(b, dict):
            if not same(a, b):
                changes.append(Change(PLAN, "changed", key, fields=tuple(_fields(a, b, key + "."))))
        elif not same(a, b):
            changes.append(Change(PLAN, "changed", key, fields=(FieldChange(key, a, b),)))
    return changes


def _allocated(data: dict) -> dict[str, Any]:
    """The amount allocated to each channel (amounts of one channel added up)."""
    plan_budget = data.get("budget")
    amounts: dict[str, Any] = {}
    allocations = plan_budget.get("allocations") if isinstance(plan_budget, dict) else None
    for entry in allocations if isinstance(allocations, list) else ():
        channel = entry.get("channel") if isinstance(entry, dict) else None
        if isinstance(channel, str):
            value = entry.get("amount", ABSENT)
            earlier = amounts.get(channel, ABSENT)
            both = budget.amount(earlier) is not None and budget.amount(value) is not None
            amounts[channel] = earlier + value if both else value if earlier is ABSENT else earlier
    return amounts


def _allocations(old: dict, new: dict) -> list[Change]:
    was, now = _allocated(old), _allocated(new)
    changes = []
    for channel in [*now, *(c for c in was if c not in now)]:
        a, b = was.get(channel, ABSENT), now.get(channel, ABSENT)
        if a is ABSENT or b is ABSENT or not same(a, b):
            kind = "added" if a is ABSENT else "removed" if b is ABSENT else "changed"
            changes.append(Change(ALLOCATIONS, kind, channel, fields=(FieldChange("amount", a, b),)))
    return changes


def _budget_shift(old: dict, new: dict) -> BudgetShift | None:
    was_spent, now_spent = budget.spend(old), budget.spend(new)
    was, now = budget.by_kind(old, was_spent), budget.by_kind(new, now_spent)
    if was == now and was_spent.currency == now_spent.currency:
        return None
    moved = was_spent.currency == now_spent.currency  # else every kind is shown, in its currency
    kinds = [k for k in (*budget.KINDS, budget.UNKNOWN) if (k in was or k in now) and
             not (moved and was.get(k, 0.0) == now.get(k, 0.0))]
    return BudgetShift(was_spent.currency, now_spent.currency,
                       tuple((k, was.get(k, 0.0), now.get(k, 0.0)) for k in kinds))
