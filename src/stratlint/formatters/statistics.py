"""``--statistics``: how many findings each rule drew, most first (as ruff prints it)."""
from __future__ import annotations

from collections import Counter

from stratlint.formatters import Report
from stratlint.formatters.text import summary_line


def render(report: Report) -> str:
    counts = Counter((f.code, f.rule, str(f.severity)) for f in report.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    width = max((len(str(n)) for _, n in rows), default=1)
    lines = [f"{n:>{width}}  {code:<7} [{sev}] {slug}" for (code, slug, sev), n in rows]
    lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)
