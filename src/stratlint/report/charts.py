"""Chart data for a plan: counts and sums, and the SVG geometry of each
horizontal bar chart, handed to the templates as plain data.

Every bar carries its label and its value as text, so colour is never the
only signal; bars of a category that deserves a second look (vanity KPIs,
paid channels) or that could not be classified (unknown) also carry a
pattern. A chart with nothing to show is returned with ``bars == ()`` and a
``note`` saying why.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from stratlint import budget

# geometry of one chart, in SVG user units
WIDTH = 360
LABEL_X = 100       # right edge of the labels (text-anchor end)
BAR_X = 108
GAP = 6             # between a bar and its value
CHAR_W = 7.5        # room one character of a value takes, at the stylesheet's font size
ROW = 30
BAR_H = 18
PAD = 8

KPI_CATEGORIES = ("outcome", "engagement", "awareness", "activity", "vanity")
MEDIA = ("online", "offline", "hybrid")
STAGES = ("attention", "attraction", "affinity", "audience", "advocacy")
PATTERNED = {"vanity": "hatch", "paid": "hatch", "unknown": "dots", "no stage": "dots"}


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    display: str      # the value as written beside the bar and in the table
    share: str        # e.g. "40%"
    series: str       # CSS class suffix (colour)
    pattern: str      # "" or the id of a fill pattern
    y: float
    width: float


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    summary: str      # one sentence: what the chart shows, for <desc> and readers
    heading: str      # headings of the table equivalent: labels, values
    column: str
    bars: tuple[Bar, ...]
    height: float
    note: str = ""    # why the chart is omitted, when there are no bars

    # constants the template needs
    width: int = WIDTH
    label_x: int = LABEL_X
    bar_x: int = BAR_X
    bar_h: int = BAR_H
    gap: int = GAP


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _chart(key: str, title: str, heading: str, column: str, counts: list[tuple[str, float]], *, unit: str = "",
           basis: str = "", empty: str) -> Chart:
    total = sum(v for _, v in counts)
    if not counts or total <= 0:
        return Chart(key, title, "", heading, column, (), 0.0, note=f"{title}: not charted, as {empty}")
    top = max(v for _, v in counts)
    displays = [_fmt(v) + (f" {unit}" if unit else "") for _, v in counts]
    bar_max = WIDTH - BAR_X - GAP - CHAR_W * max(map(len, displays))
    bars = []
    for i, ((label, value), display) in enumerate(zip(counts, displays)):
        bars.append(Bar(label, value, display, f"{value / total:.0%}", label.replace(" ", "-"),
                        PATTERNED.get(label, ""), PAD + i * ROW, round(max(bar_max, 40) * value / top, 2)))
    parts = ", ".join(f"{b.label} {b.display} ({b.share})" for b in bars)
    total_text = _fmt(total) + (f" {unit}" if unit else "")
    summary = f"{title}{' ' + basis if basis else ''}: {parts}; total {total_text}."
    return Chart(key, title, summary, heading, column, tuple(bars), PAD * 2 + len(bars) * ROW - (ROW - BAR_H))


def _tally(keys: tuple[str, ...], values: list[tuple[str, float]], extra: tuple[str, ...] = ("unknown",)
           ) -> list[tuple[str, float]]:
    """Sum values per key: every key of ``keys`` (zero included), then each
    of ``extra`` that is not zero."""
    sums = dict.fromkeys(keys + extra, 0.0)
    for key, value in values:
        sums[key if key in sums else extra[0]] += value
    return [(k, v) for k, v in sums.items() if k in keys or v]


def _dicts(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _choice(value: Any, allowed: tuple[str, ...]) -> str:
    return value if isinstance(value, str) and value in allowed else "unknown"


def plan_charts(plan: dict, kpi_category: Callable[[dict, dict], str],
                channel_medium: Callable[[dict, dict], str]) -> list[Chart]:
    kpis = _dicts(plan.get("kpis"))
    channels = _dicts(plan.get("channels"))
    tactics = _dicts(plan.get("tactics"))
    by_id = {c["id"]: c for c in channels if isinstance(c.get("id"), str)}
    medium = {cid: _choice(channel_medium(c, plan), MEDIA) for cid, c in by_id.items()}

    kpi_mix = _tally(KPI_CATEGORIES, [(_choice(kpi_category(k, plan), KPI_CATEGORIES), 1) for k in kpis])

    spent = budget.spend(plan)
    by_kind = list(budget.by_kind(plan, spent).items())
    by_medium = _tally(MEDIA, [(medium.get(c, "unknown"), a) for c, a in spent.amounts])
    currency = spent.currency

    stages = _tally(STAGES, [(t.get("stage") if t.get("stage") in STAGES else "no stage", 1) for t in tactics],
                    ("no stage",))
    touch = []
    for t in tactics:
        point = t.get("touchpoint")
        if point not in MEDIA:
            channel = t.get("channel")
            point = medium.get(channel, "unknown") if isinstance(channel, str) else "unknown"
        touch.append((point, 1))
    touchpoints = _tally(MEDIA, touch)

    money = f"(from the {spent.source})"
    return [
        _chart("kpi-mix", "KPI mix by category", "Category", "KPIs", kpi_mix,
               empty="the plan lists no KPIs."),
        _chart("budget-kind", "Budget by channel kind", "Channel kind", "Amount", by_kind, unit=currency,
               basis=money, empty="the plan gives no budget amounts."),
        _chart("budget-medium", "Budget by medium", "Medium", "Amount", by_medium, unit=currency,
               basis=money, empty="the plan gives no budget amounts."),
        _chart("a-path", "Tactics per A-path stage", "Stage", "Tactics", stages,
               empty="the plan lists no tactics."),
        _chart("touchpoints", "Online and offline tactics", "Touchpoint", "Tactics", touchpoints,
               empty="the plan lists no tactics."),
    ]
