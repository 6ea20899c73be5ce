"""The text format of ``stratlint diff``: per file, the changes by section,
the shift in budget, the findings introduced and resolved; then a summary.

    plans/q3.strategy.yaml
      KPIs
        changed retention-12m ("12-month retention"): target: 70% -> 65%
      Findings introduced (1)
        plans/q3.strategy.yaml:14:5: SL201 [warning] every KPI is ...  (vanity-only-kpis)
    Compared 1 file against main: 1 changed, ...
"""
from __future__ import annotations

from stratlint.changes import phrases
from stratlint.changes.model import PlanDiff
from stratlint.formatters import shown


def render(diff: PlanDiff) -> str:
    lines: list[str] = []
    for d in diff.files:
        if d.status == "unchanged":
            continue
        note = phrases.status_note(d)
        lines.append(shown(d.path) + (f" ({note})" if note else ""))
        if d.status == "modified" and d.old_path != d.new_path:
            lines.append(f"  compared with {shown(d.old_path)}")
        for title, changes in phrases.by_section(d.changes):
            lines.append(f"  {title}")
            lines += [f"    {phrases.change_phrase(c)}" for c in changes]
        if d.budget:
            heading, rows = phrases.budget_phrases(d.budget)
            lines.append(f"  {heading}")
            lines += [f"    {row}" for row in rows]
        for title, found, old in (("introduced", d.introduced, False), ("resolved", d.resolved, True)):
            if found:
                lines.append(f"  Findings {title} ({len(found)})")
                lines += [f"    {phrases.finding_phrase(f)}" + ("  [line of the old version]" if old else "")
                          for f in found]
    lines.append(phrases.summary(diff))
    return "".join(line + "\n" for line in lines)
