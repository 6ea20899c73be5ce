"""Everything a page shows, as plain data: built from a PlanInput, the rule
documentation and the caller's inference hooks. Templates only lay it out.

Nothing here trusts the plan: values of the wrong type are skipped or
shown as absent, so any dict (or None) gives a page.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Any, Callable

from stratlint.report import charts, scorecard
from stratlint.report.model import PlanInput, RuleInfo

SEVERITIES = ("error", "warning", "info")
KPI_CATEGORIES = ("outcome", "engagement", "awareness", "vanity", "activity", "unknown")
MEDIA = ("online", "offline", "hybrid", "unknown")

#: sections in the order of the plan format; others follow alphabetically
SECTIONS = {
    "plan": "The plan as a whole", "version": "Format version", "name": "Name", "owner": "Owner",
    "sponsor": "Sponsor", "period": "Period", "objectives": "Objectives", "audience": "Audience",
    "value_proposition": "Value proposition", "kpis": "KPIs", "channels": "Channels", "tactics": "Tactics",
    "content": "Content", "listening": "Listening", "customer_care": "Customer care", "loyalty": "Loyalty",
    "word_of_mouth": "Word of mouth", "advocacy": "Advocacy", "organization": "Organization",
    "review": "Review", "budget": "Budget",
}
#: the longest plan value (name, owner, sponsor, period) a page shows in full
MAX_TEXT = 200
CONTEXT_LINES = 2
MAX_LINE = 240  # characters of a source line shown around a finding's mark


def default_kpi_category(kpi: dict, plan: dict) -> str:
    """The KPI's explicit ``category``, else "unknown"."""
    category = kpi.get("category")
    return category if isinstance(category, str) and category in KPI_CATEGORIES else "unknown"


def default_channel_medium(channel: dict, plan: dict) -> str:
    """The channel's explicit ``medium``; ``kind: offline`` is offline; else "unknown"."""
    medium = channel.get("medium")
    if isinstance(medium, str) and medium in MEDIA:
        return medium
    return "offline" if channel.get("kind") == "offline" else "unknown"


# -- file names ---------------------------------------------------------------

_EXTENSIONS = (".strategy.yaml", ".strategy.yml", ".strategy.json", ".yaml", ".yml", ".json")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9._]+", "-", ascii_text.lower()).strip("-._")


def page_names(paths: list[str]) -> list[str]:
    """A file name for each plan's page: its base name without extension,
    made of ``a-z 0-9 . _ -`` only (so it cannot leave the output folder);
    the folders are added when two plans share a base name, and a number
    when names still clash. ``index`` is kept for the index page."""
    stems = []
    for path in paths:
        parts = [p for p in str(path).replace("\\", "/").split("/") if p not in ("", ".", "..")]
        if parts:
            last = parts[-1]
            ext = next((e for e in _EXTENSIONS if last.lower().endswith(e) and len(last) > len(e)), "")
            parts[-1] = last[: len(last) - len(ext)]
        stems.append([s for s in map(_slug, parts) if s])
    bases = Counter(s[-1] if s else "plan" for s in stems)
    taken, names = {"index"}, []
    for parts in stems:
        base = parts[-1] if parts else "plan"
        stem = (base if bases[base] == 1 else "-".join(parts))[:80].strip("-._") or "plan"
        if stem in _RESERVED:
            stem += "-plan"
        name, n = stem, 2
        while name in taken:
            name, n = f"{stem}-{n}", n + 1
        taken.add(name)
        names.append(name + ".html")
    return names


# -- findings -------------------------------------------------------------------

def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else default


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def normalize(finding: Any) -> dict | None:
    """A finding dict with every key of the contract, of the right type."""
    if not isinstance(finding, dict):
        return None
    line = _int(finding.get("line"), 1)
    column = _int(finding.get("column"), 1)
    end_line = max(_int(finding.get("end_line"), line), line)
    end_column = _int(finding.get("end_column"), column)
    severity = _str(finding.get("severity")).lower()
    return {
        "path": _str(finding.get("path")), "line": line, "column": column, "end_line": end_line,
        "end_column": end_column if end_line > line else max(end_column, column),
        "code": _str(finding.get("code")) or "unknown", "rule": _str(finding.get("rule")),
        "severity": severity if severity in SEVERITIES else "info",
        "message": _str(finding.get("message")), "pointer": _str(finding.get("pointer")),
    }


def section_of(pointer: str) -> str:
    token = pointer.split("/")[1] if pointer.startswith("/") else ""
    return token.replace("~1", "/").replace("~0", "~") or "plan"


def _clip(text: str, start: int, end: int) -> tuple[str, str, str]:
    """``text`` split around ``[start, end)``, cut to about MAX_LINE characters."""
    pre, mark, post = text[:start], text[start:end], text[end:]
    if len(mark) > MAX_LINE:
        mark, post = mark[:MAX_LINE] + "…", ""
    if len(pre) > MAX_LINE // 3:
        pre = "…" + pre[-(MAX_LINE // 3):]
    room = max(MAX_LINE - len(pre) - len(mark), 20)
    if len(post) > room:
        post = post[:room] + "…"
    return pre, mark, post


def excerpt(lines: list[str], f: dict) -> list[dict]:
    """The source lines around a finding, with the finding's own marked."""
    first = max(f["line"] - CONTEXT_LINES, 1)
    last = min(f["end_line"] + CONTEXT_LINES, len(lines))
    rows = []
    for number in range(first, last + 1):
        text = lines[number - 1]
        hit = f["line"] <= number <= f["end_line"]
        start = f["column"] - 1 if hit and number == f["line"] else 0
        end = f["end_column"] - 1 if hit and number == f["end_line"] else len(text)
        start, end = min(start, len(text)), min(max(end, start), len(text))
        pre, mark, post = _clip(text, start, end) if hit else _clip(text, 0, 0)
        rows.append({"number": number, "hit": hit, "pre": pre, "mark": mark, "post": post})
    return rows


# -- pages ----------------------------------------------------------------------

def _text(value: Any) -> str:
    """A plan value shown on a page (its name, owner, period...), cut to MAX_TEXT characters."""
    if isinstance(value, str):
        text = value.strip()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        return ""
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT].rstrip() + "…"


def _period(plan: dict) -> str:
    period = plan.get("period")
    if not isinstance(period, dict):
        return _text(period)
    start, end = _text(period.get("start")), _text(period.get("end"))
    if start and end:
        return f"{start} to {end}"
    return f"from {start}" if start else (f"until {end}" if end else "")


def inline(text: str) -> list[dict]:
    """Text split into runs, ``code`` for what the rule docs put in backticks."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: keep the text as it is
        parts = [text]
    return [{"code": i % 2 == 1, "text": part} for i, part in enumerate(parts) if part]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _finding_view(f: dict, number: int, rule: RuleInfo | None, lines: list[str], parsed: bool) -> dict:
    # a finding about the plan as a whole points at it ("") and stands on line 1
    whole_plan = parsed and f["pointer"] == "" and f["code"] != "SL001" and (f["line"], f["end_line"]) == (1, 1)
    help_uri = _str(getattr(rule, "help_uri", ""))
    return {
        **f,
        "id": f"f{number}",
        "slug": f["rule"] or _str(getattr(rule, "slug", "")),
        "summary": _str(getattr(rule, "summary", "")) or f["message"],
        "message": _sentence(f["message"]),
        "fix": inline(_str(getattr(rule, "fix", ""))),
        "quote": _str(getattr(rule, "quote", "")),
        "article": _str(getattr(rule, "article", "")),
        "help_uri": help_uri if re.match(r"(?i)https?://", help_uri) or ":" not in help_uri.split("/")[0] else "",
        "whole_plan": whole_plan,
        "lines": [] if whole_plan else excerpt(lines, f),
        "beyond_end": f["line"] > len(lines),
    }


def plan_context(plan: PlanInput, rules: dict, name: str, *, index_href: str | None,
                 kpi_category: Callable, channel_medium: Callable) -> dict:
    data = getattr(plan, "data", None)
    parsed = isinstance(data, dict)
    data = data if parsed else {}
    source = _str(getattr(plan, "source", ""))
    path = _str(getattr(plan, "path", ""))
    raw = getattr(plan, "findings", None)
    found = [f for f in map(normalize, raw if isinstance(raw, (list, tuple)) else ()) if f]
    found.sort(key=lambda f: (f["line"], f["column"], f["code"], f["message"]))
    rules = rules if isinstance(rules, dict) else {}
    lines = source.splitlines()

    views = [_finding_view(f, i, rules.get(f["code"]), lines, parsed) for i, f in enumerate(found, 1)]
    order = list(SECTIONS)
    groups: dict[str, list[dict]] = {}
    for view in views:
        groups.setdefault(section_of(view["pointer"]), []).append(view)
    keys = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    counts = Counter(f["severity"] for f in found)

    ratings = scorecard.rate(data, views) if parsed else []
    plan_name = _text(data.get("name")) or path or "Untitled plan"
    return {
        "name": name,
        "title": plan_name,
        "path": path,
        "parsed": parsed,
        "owner": _text(data.get("owner")),
        "sponsor": _text(data.get("sponsor")),
        "period": _period(data),
        "counts": {s: counts.get(s, 0) for s in SEVERITIES},
        "total": len(found),
        "ratings": ratings,
        "coverage": {s: sum(r.status == s for r in ratings) for s in scorecard.STATUSES},
        "charts": charts.plan_charts(data, kpi_category, channel_medium) if parsed else [],
        "groups": [{"anchor": f"section-{k}" if k in SECTIONS else f"section-other-{n}",
                    "title": SECTIONS.get(k, k.replace("_", " ").capitalize()), "findings": groups[k]}
                   for n, k in enumerate(keys, 1)],
        "index_href": index_href,
        "source_lines": len(lines),
    }
