"""The markdown format: a summary a pull request can show, as a comment or
a GitHub Actions job summary, grouped by file and then by severity.

    ## stratlint
    **Found 3 problems (1 error, 2 warnings, 0 info) in 2 files.**
    | File | Errors | Warnings | Info |
    ...
    ### `plans/q3.strategy.yaml`
    **Errors (1)**
    - Line 14, column 5: **SL101** `no-business-objective`: ...

It fits GitHub's limit for a comment, 65,536 characters (counted here in
UTF-16 code units, which is never fewer than GitHub counts): when the
findings do not fit, the last are left out and a closing line says how
many, by severity. Text from the plans is escaped, so that a plan cannot
add links, images, HTML or mentions to the comment.
"""
from __future__ import annotations

import re

from stratlint.findings import Finding, summarize
from stratlint.formatters import Report, shown
from stratlint.formatters.text import summary_line

#: GitHub's limit for the body of a comment, in characters
COMMENT_LIMIT = 65_536
SEVERITIES = ("error", "warning", "info")
TITLES = {"error": "Errors", "warning": "Warnings", "info": "Info"}

#: what can start markdown in the middle of a line: emphasis, code, links
#: and images, HTML and autolinks, table cells, strikethrough, math, and
#: an ampersand that would start an entity
_SPECIAL = re.compile(r"([\\`*_\[\]<|~$]|&(?=#?\w+;))")
_MENTION = re.compile(r"@(?=\w)")


def text(value: str) -> str:
    """Plan text as literal markdown within a line: each character that
    could start emphasis, code, a link or image, HTML, an entity, a table
    cell or math backslash-escaped, line breaks as spaces, and ``@name``
    kept from mentioning anyone (a word joiner after the ``@``)."""
    value = " ".join(str(value).split())
    return _MENTION.sub("@\u2060", _SPECIAL.sub(r"\\\1", value))


def code(value: str, *, cell: bool = False) -> str:
    """A code span that shows ``value`` exactly (on one line); ``cell`` for
    one in a table, where a ``|`` would end the cell."""
    value = " ".join(str(value).split()) or " "
    fence = "`" * (max((len(run) for run in re.findall(r"`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    span = f"{fence}{pad}{value}{pad}{fence}"
    return span.replace("|", "\\|") if cell else span


def size(value: str) -> int:
    """Length in UTF-16 code units: what a browser or an API counts at most."""
    return len(value.encode("utf-16-le", "surrogatepass")) // 2


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 or word == "info" else "s")


def counts_text(counts: dict[str, int]) -> str:
    return ", ".join(plural(counts[s], s) for s in SEVERITIES)


class Budget:
    """Markdown built up to a limit: ``add`` refuses what would not leave
    room for the closing line."""

    RESERVE = 400  # room kept for the line that says what was left out

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.used = 0

    def add(self, chunk: str) -> bool:
        n = size(chunk)
        if self.used + n + self.RESERVE > self.limit:
            return False
        self.parts.append(chunk)
        self.used += n
        return True

    def text(self) -> str:
        return "".join(self.parts)


def render(report: Report, *, limit: int = COMMENT_LIMIT, title: str = "stratlint") -> str:
    out = Budget(limit)
    out.add(f"## {title}\n\n**{summary_line(report)}**\n")  # counts only: no plan text
    if report.failed:
        out.add("\n> [!WARNING]\n> The run itself failed on some input (exit code 2):\n")
        for error in report.errors:
            out.add(f"> - {text(str(error))}\n")
    by_file: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.path, []).append(f)
    if by_file:
        out.add("\n| File | Errors | Warnings | Info |\n|:--|--:|--:|--:|\n")
    rows = 0
    for path, found in by_file.items():
        counts = summarize(found)
        if not out.add(f"| {code(shown(path), cell=True)} | " + " | ".join(str(counts[s]) for s in SEVERITIES) + " |\n"):
            break
        rows += 1
    listed: list[Finding] = []
    if rows == len(by_file):
        for path, found in by_file.items():
            if not _add_file(out, path, found, listed):
                break
    seen = {id(f) for f in listed}
    left = [f for f in report.findings if id(f) not in seen]
    if left:
        files = len({f.path for f in left})
        out.parts.append(
            f"\n---\n**{plural(len(left), 'more finding')} ({counts_text(summarize(left))}) in "
            f"{plural(files, 'file')} not shown**: a pull-request comment holds at most "
            f"{limit:,} characters. `stratlint check` lists every finding.\n"
            + (f"{len(by_file) - rows} of the {len(by_file)} files are not in the table above.\n"
               if rows < len(by_file) else ""))
    return out.text()


def _add_file(out: Budget, path: str, found: list[Finding], listed: list[Finding]) -> bool:
    """Add one file's findings, errors first; False once the budget is spent."""
    heading = f"\n### {code(shown(path))}\n"
    for severity in SEVERITIES:
        group = sorted((f for f in found if str(f.severity) == severity), key=Finding.sort_key)
        sub = f"\n**{TITLES[severity]} ({len(group)})**\n\n"
        for f in group:
            line = (f"- Line {f.line}, column {f.column}: **{text(f.code)}** {code(f.rule)}: "
                    f"{text(f.message)}\n")
            if not out.add(heading + sub + line):
                return False
            listed.append(f)
            heading = sub = ""
    return True
