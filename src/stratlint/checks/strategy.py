"""Check functions that carry one rule's own judgment of a whole plan."""
from __future__ import annotations

from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import VOCABS, item_label, mapping_items, quote
from stratlint.checks.where import vocabulary
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


_TOUCHPOINTS = {"online": {"online"}, "offline": {"offline"}, "hybrid": {"online", "offline"}}


def channel_sides(channel: dict, offline_words) -> set[str]:
    kind = channel.get("kind")
    if isinstance(kind, str) and not is_empty(kind):
        return {"offline"} if kind == "offline" else {"online"}
    return {"offline"} if offline_words.matches(channel.get("name")) else {"online"}


@check("fusion", {
    "type": "object",
    "properties": {"vocabularies": VOCABS},
    "additionalProperties": False,
})
def fusion(plan: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Judge on the tactics (else the channels) whether the plan meets
    customers both online and offline; reports at ``tactics`` (else
    ``channels``) when all items are on one side, with ``{side}``,
    ``{items}`` and ``{labels}``."""
    if not isinstance(plan, dict):
        return
    offline_words = vocabulary("offline", options)
    channels = {c["id"]: c for _, c in mapping_items(plan.get("channels")) if isinstance(c.get("id"), str)}
    tactics = mapping_items(plan.get("tactics"))
    sides: list[set[str]] = []
    labels: list[str] = []
    if tactics:
        what = "tactics"
        for i, tactic in tactics:
            touchpoint = tactic.get("touchpoint")
            if isinstance(touchpoint, str) and touchpoint in _TOUCHPOINTS:
                sides.append(_TOUCHPOINTS[touchpoint])
            elif isinstance(tactic.get("channel"), str) and tactic["channel"] in channels:
                sides.append(channel_sides(channels[tactic["channel"]], offline_words))
            else:
                continue  # no touchpoint and no known channel: left out
            labels.append(item_label(tactic, i))
    else:
        listed = mapping_items(plan.get("channels"))
        what, labels = "channels", [item_label(c, i) for i, c in listed]
        sides = [channel_sides(c, offline_words) for _, c in listed]
    if not sides:
        return
    for side in ("online", "offline"):
        if all(s == {side} for s in sides):
            other = "offline" if side == "online" else "online"
            yield Hit(f"/{what}", {"side": side, "other": other, "items": what, "labels": quote(labels[:5])},
                      at="key")
