"""The markdown format of ``stratlint diff``: a summary for a pull request.

A table of the files (changes, findings introduced and resolved), then
each file's changes by section, the shift in budget and the findings;
cut to GitHub's comment limit with a count of what was left out, and
with plan text escaped (:mod:`stratlint.formatters.markdown`).
"""
from __future__ import annotations

from stratlint.changes import phrases
from stratlint.changes.model import PlanDiff
from stratlint.findings import summarize
from stratlint.formatters import shown
from stratlint.formatters.markdown import COMMENT_LIMIT, Budget, code, plural, text


def render(diff: PlanDiff, *, limit: int = COMMENT_LIMIT) -> str:
    out = Budget(limit)
    out.add(f"## stratlint diff\n\n**{text(phrases.summary(diff))}**\n")
    if diff.failed:
        out.add("\n> [!WARNING]\n> The run itself failed on some input (exit code 2); its log says why.\n")
    files = [d for d in diff.files if d.status != "unchanged"]
    if files:
        out.add("\n| File | Status | Changes | Introduced (E/W/I) | Resolved |\n|:--|:--|--:|--:|--:|\n")
    rows = 0
    for d in files:
        c = summarize(d.introduced)
        row = (f"| {code(shown(d.path), cell=True)} | {d.status} | {len(d.changes) + (1 if d.budget else 0)} | "
               f"{len(d.introduced)} ({c['error']}/{c['warning']}/{c['info']}) | {len(d.resolved)} |\n")
        if not out.add(row):
            break
        rows += 1
    blocks = [_blocks(d) for d in files] if rows == len(files) else []
    total = sum(len(lines) for _, lines in blocks) if blocks else sum(_size(d) for d in files)
    listed, full = 0, False
    for heading, lines in blocks:
        if not lines:
            full = not out.add(heading)
        for line in lines:
            full = not out.add(heading + line)
            if full:
                break
            heading = ""
            listed += 1
        if full:
            break
    if listed < total:
        out.parts.append(f"\n---\n**{plural(total - listed, 'more line')} not shown**: a pull-request comment holds at "
                         f"most {limit:,} characters. `stratlint diff` without `--format markdown` lists everything.\n"
                         + (f"{len(files) - rows} of the {len(files)} files are not in the table above.\n"
                            if rows < len(files) else ""))
    return out.text()


def _size(d) -> int:
    return len(d.changes) + len(d.introduced) + len(d.resolved) + (len(d.budget.rows) if d.budget else 0)


def _blocks(d) -> tuple[str, list[str]]:
    """A file's heading, and its lines (a sub-heading travels with the first line under it)."""
    note = phrases.status_note(d)
    heading = f"\n### {code(shown(d.path))}" + (f" ({text(note)})" if note else "") + "\n"
    lines: list[str] = []

    def group(title: str, items: list[str]) -> None:
        for i, item in enumerate(items):
            lines.append((f"\n**{text(title)}**\n\n" if i == 0 else "") + f"- {item}\n")

    for title, found in (("Findings introduced", d.introduced),):
        group(f"{title} ({len(found)})", [_finding(f) for f in found])
    for title, changes in phrases.by_section(d.changes):
        group(title, [text(phrases.change_phrase(c)) for c in changes])
    if d.budget:
        title, rows = phrases.budget_phrases(d.budget)
        group(title, [text(r) for r in rows])
    group(f"Findings resolved ({len(d.resolved)})", [_finding(f) + " (line of the old version)" for f in d.resolved])
    return heading, lines


def _finding(f) -> str:
    return (f"Line {f.line}, column {f.column}: **{text(f.code)}** {code(f.rule)} [{f.severity}]: "
            f"{text(f.message)}")
