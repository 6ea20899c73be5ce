"""Check functions about dates."""
from __future__ import annotations

import datetime
from typing import Any, Iterator

from stratlint.checks import Context, Hit, check
from stratlint.checks.helpers import FIELD, field_value


def iso_date(value: Any) -> datetime.date | None:
    """The date an ISO text (``2027-01-01``, or a date and time) names; None for anything else."""
    if not isinstance(value, str):
        return None
    for parse in (datetime.date.fromisoformat, lambda s: datetime.datetime.fromisoformat(s).date()):
        try:
            return parse(value.strip())
        except ValueError:
            continue
    return None


@check("min_duration", {
    "type": "object",
    "properties": {"start": FIELD, "end": FIELD, "days": {"type": "integer", "minimum": 1}},
    "required": ["days"],
    "additionalProperties": False,
})
def min_duration(target: Any, options: dict, ctx: Context) -> Iterator[Hit]:
    """Assert that a mapping's ``end`` date (default field ``end``) comes at
    least ``days`` days after its ``start`` date (default ``start``).

    Dates are ISO texts; a missing or unreadable date passes. Reports at
    the mapping's key with ``{days}``, ``{start}`` and ``{end}``, variant
    ``short``, or ``reversed`` when the end comes before the start.
    """
    if not isinstance(target, dict):
        return
    texts = [field_value(target, options.get(f, f)) for f in ("start", "end")]
    start, end = (iso_date(t) for t in texts)
    if start is None or end is None:
        return
    days = (end - start).days
    if days < options["days"]:
        yield Hit(ctx.pointer, {"days": days, "start": texts[0].strip(), "end": texts[1].strip(),
                                "min": options["days"]}, at="key", variant="reversed" if days < 0 else "short")
