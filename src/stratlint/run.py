"""``stratlint check``: files in, a report and an exit code out."""
from __future__ import annotations

from dataclasses import dataclass, field

import click

from stratlint.errors import StratlintError
from stratlint.findings import Finding, Severity
from stratlint.formatters import Report, render
from stratlint.lint import lint_bytes
from stratlint.registry import RuleSet, load_rules
from stratlint.sources import discover, display_name, read_bytes

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


@dataclass
class CheckOptions:
    paths: list[str]
    fmt: str = "text"
    output: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    quiet: bool = False
    color: bool = False
    rule_packs: list[str] = field(default_factory=list)
    plugins: list[str] = field(default_factory=list)


def active_rules(ruleset: RuleSet, select: list[str], ignore: list[str]) -> list:
    chosen = ruleset.rules
    for flag, names in (("--select", select), ("--ignore", ignore)):
        for name in names:
            if not ruleset.matching(name):
                raise StratlintError(f"{flag}: no rule is named or starts with '{name}'; 'stratlint rules' lists them")
    if select:
        wanted = {id(r) for name in select for r in ruleset.matching(name)}
        chosen = [r for r in chosen if id(r) in wanted]
    if ignore:
        unwanted = {id(r) for name in ignore for r in ruleset.matching(name)}
        chosen = [r for r in chosen if id(r) not in unwanted]
    return chosen


def run_check(options: CheckOptions) -> int:
    ruleset = load_rules(options.rule_packs, options.plugins)
    rules = active_rules(ruleset, options.select, options.ignore)
    files, problems = discover(options.paths)
    failed = bool(problems)
    for problem in problems:
        _error(str(problem))
    findings: list[Finding] = []
    checked = 0
    for path in files:
        name = display_name(path)
        try:
            data = read_bytes(path)
        except OSError as exc:
            _error(f"{name}: {exc.strerror or exc}")
            failed = True
            continue
        result = lint_bytes(data, name, rules)
        checked += 1
        findings.extend(result.findings)
        for crash in result.crashes:
            _error(str(crash))
            failed = True
    findings.sort(key=Finding.sort_key)
    text = render(options.fmt, Report(findings, checked, rules), color=options.color, quiet=options.quiet)
    _write(text, options.output)
    if failed:
        return EXIT_FAILURE
    if options.fail_on != "never":
        threshold = Severity.parse(options.fail_on)
        if any(f.severity >= threshold for f in findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _error(message: str) -> None:
    click.echo(f"stratlint: error: {message}", err=True)


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise StratlintError(f"cannot write the report: {exc.strerror or exc}", path=output) from None
