"""The text format: one finding a line, then a summary line.

    plans/q3.strategy.yaml:14:5: SL201 [warning] every KPI is a vanity or activity metric ...  (vanity-only-kpis)

File names are printed with their control characters escaped (see
:func:`stratlint.formatters.shown`).
"""
from __future__ import annotations

from stratlint.findings import summarize
from stratlint.formatters import Report, shown

_COLORS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def render(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for f in report.findings:
        sev = str(f.severity)
        where = _paint(f"{shown(f.path)}:{f.line}:{f.column}:", "1", color)
        tag = _paint(f"{f.code} [{sev}]", _COLORS[sev], color)
        lines.append(f"{where} {tag} {f.message}  ({f.rule})")
    if not quiet:
        lines.append(summary_line(report))
    return "".join(line + "\n" for line in lines)


def summary_line(report: Report) -> str:
    """"Found 3 problems (...) in 2 files." or "No problems found in 2 files.",
    and, when some paths could not be checked, how many (never "No problems
    found in 0 files" for a run that read nothing)."""
    counts = summarize(report.findings)
    files = _plural(report.files_checked, "file")
    unchecked = len(report.unchecked)
    if not report.findings:
        line = f"No problems found in {files}" if report.files_checked else "No file was checked"
    else:
        total = sum(counts.values())
        detail = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info"))
        line = f"Found {_plural(total, 'problem')} ({detail}) in {files}"
    if unchecked:
        line += f"; {_plural(unchecked, 'path')} could not be checked (see the errors above)"
    return line + "."
