"""``--statistics``: how many findings each rule drew, most first (as ruff
prints it), as text or, with ``--format json``, as one object:

    {"version": 1, "files_checked": 3,
     "statistics": [{"code": "SL201", "rule": "vanity-only-kpis", "severity": "warning", "count": 2}],
     "summary": {"error": 0, "warning": 2, "info": 0}}
"""
from __future__ import annotations

import json
from collections import Counter

from stratlint.findings import summarize
from stratlint.formatters import Report
from stratlint.formatters.text import summary_line

#: the formats --statistics can print
FORMATS = ("text", "json")


def rows(report: Report) -> list[tuple[tuple[str, str, str], int]]:
    counts = Counter((f.code, f.rule, str(f.severity)) for f in report.findings)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))


def render(report: Report, fmt: str = "text", *, quiet: bool = False) -> str:
    counted = rows(report)
    if fmt == "json":
        return json.dumps({
            "version": 1,
            "files_checked": report.files_checked,
            "statistics": [{"code": code, "rule": slug, "severity": sev, "count": n}
                           for (code, slug, sev), n in counted],
            "summary": summarize(report.findings),
        }, ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(n)) for _, n in counted), default=1)
    lines = [f"{n:>{width}}  {code:<7} [{sev}] {slug}" for (code, slug, sev), n in counted]
    if not quiet:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
