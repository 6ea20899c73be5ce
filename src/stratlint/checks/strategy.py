"""Check functions that carry one rule's own judgment of a whole plan."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import CLASSES, FIELD, VOCABS, WHERE_DEFS, item_label, mapping_items, quote
from stratlint.checks.where import classify
from stratlint.document.values import is_empty, reference_ids


def _has_items(data: dict, key: str) -> bool:
    return bool(mapping_items(data.get(key)))


@check("channel_first", {
    "type": "object",
    "properties": {"max_unexplained": {"type": "number", "minimum": 0, "maximum": 1}},
    "additionalProperties": False,
})
def channel_first(plan: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Channels or tactics planned before objectives and audience, or channels
    that mostly serve no stated objective and play no stated role.

    Reports at ``channels`` (else ``tactics``) with the variant
    ``no-objectives``, ``no-segments`` or ``unexplained-channels``.
    """
    if not isinstance(plan, dict) or not (_has_items(plan, "channels") or _has_items(plan, "tactics")):
        return
    where = "/channels" if _has_items(plan, "channels") else "/tactics"
    audience = plan.get("audience")
    segments = audience.get("segments") if isinstance(audience, dict) else None
    if not _has_items(plan, "objectives"):
        yield Hit(where, {}, at="key", variant="no-objectives")
    elif not mapping_items(segments):
        yield Hit(where, {}, at="key", variant="no-segments")
    else:
        channels = mapping_items(plan.get("channels"))
        objective_ids = {o["id"] for _, o in mapping_items(plan.get("objectives")) if isinstance(o.get("id"), str)}
        bare = [item_label(c, i) for i, c in channels
                if not any(r in objective_ids for r in reference_ids(c.get("objectives"))) and is_empty(c.get("role"))]
        if channels and len(bare) / len(channels) > options.get("max_unexplained", 0.5):
            yield Hit(where, {"labels": quote(bare), "count": len(bare), "total": len(channels)},
                      at="key", variant="unexplained-channels")


_SIDES = {"online": {"online"}, "offline": {"offline"}, "hybrid": {"online", "offline"}}


@check("fusion", {
    "type": "object", "$defs": WHERE_DEFS,
    "properties": {"vocabularies": VOCABS, "classes": CLASSES, "medium": FIELD},
    "required": ["medium"],
    "additionalProperties": False,
})
def fusion(plan: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Judge on the tactics (else the channels) whether the plan meets
    customers both online and offline; reports at ``tactics`` (else
    ``channels``) when all items are on one side, with ``{side}``,
    ``{items}`` and ``{labels}``.

    A channel's side is its class under the classifier ``medium`` (one of
    the rule's ``classes``: online, offline or hybrid, which is both); a
    tactic's is its ``touchpoint`` (online, offline or hybrid), else its
    channel's. An item whose side cannot be told is left out."""
    if not isinstance(plan, dict):
        return
    channels = {c["id"]: c for _, c in mapping_items(plan.get("channels")) if isinstance(c.get("id"), str)}

    def side(channel: dict) -> set[str] | None:
        return _SIDES.get(classify(channel, options["medium"], options) or "")

    sides: list[set[str]] = []
    labels: list[str] = []
    tactics = mapping_items(plan.get("tactics"))
    what = "tactics" if tactics else "channels"
    for i, item in tactics or mapping_items(plan.get("channels")):
        if what == "channels":
            found = side(item)
        elif isinstance(item.get("touchpoint"), str) and item["touchpoint"] in _SIDES:
            found = _SIDES[item["touchpoint"]]
        elif isinstance(item.get("channel"), str) and item["channel"] in channels:
            found = side(channels[item["channel"]])
        else:
            found = None
        if found:  # no touchpoint and no channel whose medium can be told: left out
            sides.append(found)
            labels.append(item_label(item, i))
    if not sides:
        return
    for one in ("online", "offline"):
        if all(s == {one} for s in sides):
            other = "offline" if one == "online" else "online"
            yield Hit(f"/{what}", {"side": one, "other": other, "items": what, "labels": quote(labels)}, at="key")
